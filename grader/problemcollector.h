#pragma once

#include "buildoutcome.h"
#include "grade.h"
#include "runrecord.h"
#include "sourcemapper.h"

namespace RaceGrade {

/// Gathers what went wrong in a grading besides races: build errors, timeouts (told apart into
/// deadlocks and endless work where the plain build allows it), crashes, runtime failures such as
/// panics, unexpected exit statuses. The same problem in several runs is one entry with a count.
class ProblemCollector
{
public:
    static QVector<Problem> collect(const BuildOutcome &build, const QVector<RunRecord> &runs,
                                    const SourceMapper &mapper, int runSeconds, int harnessSeconds);

    static QString failureKindId(FailureKind kind);
    /// "SIGSEGV" for 11, and so on; "signal N" for the rest.
    static QString signalName(int signal);
    /// "run with the race detector", "run without the race detector", "run of the hidden tests"
    static QString binaryDescription(BinaryKind kind, bool plural);
};

} // namespace RaceGrade
