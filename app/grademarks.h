#pragma once

#include "grade.h"
#include "linemark.h"

#include <QCoreApplication>
#include <QVector>

namespace RaceGrade {

/// The editor marks a grade asks for: both lines of every race in the student's file, each with a
/// tooltip that explains the race, and the compiler's errors and warnings on their lines. Shared by
/// the student's window and the class view so that both mark a submission the same way.
class GradeMarks
{
    Q_DECLARE_TR_FUNCTIONS(RaceGrade::GradeMarks)

public:
    /// Every mark of `grade` that points into the student's own file.
    static QVector<LineMark> forGrade(const Grade &grade);
    /// The tooltip of one side of a race: what it is, how often it was seen, and the hint.
    static QString raceTooltip(const RaceFinding &race, bool reportedSide);
};

} // namespace RaceGrade
