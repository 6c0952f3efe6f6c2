#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli grade --exercise ID [--language go|cpp] [--runs N] [--jobs N] [--json] FILE`
class GradeCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
