#pragma once

#include "clioutput.h"
#include "grade.h"

namespace RaceGrade {

/// The terminal rendering of grades, races and problems.
class HumanReport
{
public:
    static QString grade(const Grade &grade, const CliOutput &out);
    static QString races(const QVector<RaceFinding> &races, const CliOutput &out);
    static QString problems(const QVector<Problem> &problems, const CliOutput &out);
};

} // namespace RaceGrade
