#pragma once

#include "classplan.h"
#include "classresults.h"

namespace RaceGrade {

/// Puts together what the class table shows: the session's records, the plan's submissions
/// that the session does not hold yet (as not graded), a row for every student of the plan and
/// every roster entry, matched with each other. Pure.
class ClassTableBuilder
{
public:
    static ClassResults build(const QVector<SubmissionRecord> &stored,
                              const QVector<RosterEntry> &roster, const ClassPlan &plan,
                              const QVector<Exercise> &catalog);
};

} // namespace RaceGrade
