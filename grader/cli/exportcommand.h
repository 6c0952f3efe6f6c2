#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli export --session FILE [--exercises DIR] FORMAT:PATH...`: writes the exports
/// of a stored grading session (gradebook CSVs, Gradescope results, feedback and summary pages,
/// the session as JSON).
class ExportCommand
{
public:
    static int run(const QStringList &arguments);

    /// Whether any FORMAT:PATH among `arguments` draws or lays out pages and so needs a
    /// QApplication. Any command line can be asked (batch's --export values too).
    static bool needsApplication(const QStringList &arguments);
};

} // namespace RaceGrade
