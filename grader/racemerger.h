#pragma once

#include "grade.h"
#include "runrecord.h"
#include "sourcemapper.h"

namespace RaceGrade {

/// Turns the race reports of many runs into findings: the same pair of source lines reported in
/// k runs becomes one finding seen in k of N runs, whichever goroutines or frames led there.
class RaceMerger
{
public:
    static QVector<RaceFinding> merge(const QVector<RunRecord> &runs, const SourceMapper &mapper);

    /// The id used for a report kind in grades and JSON ("data-race", "thread-leak", ...).
    static QString kindId(ReportKind kind);
    static QString opName(AccessOp op);
};

} // namespace RaceGrade
