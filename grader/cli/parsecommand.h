#pragma once

#include <QJsonArray>
#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli parse [FILE|-] [--json | --format text|json|github]`: reads saved output of the
/// Go race detector or ThreadSanitizer and prints the races and failures it holds.
class ParseCommand
{
public:
    static int run(const QStringList &arguments);

    /// GitHub Actions workflow commands, one `::error file=…,line=…::…` line per race or problem.
    static QString githubAnnotations(const QJsonArray &races, const QJsonArray &problems);
};

} // namespace RaceGrade
