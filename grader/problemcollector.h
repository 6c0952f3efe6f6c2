#pragma once

#include "buildoutcome.h"
#include "grade.h"
#include "runrecord.h"
#include "sourcemapper.h"

#include <QCoreApplication>

namespace RaceGrade {

/// What a run that hit its time limit was doing, told from the CPU time it used.
enum class TimeoutKind
{
    Waiting, ///< almost no CPU: blocked in a deadlock, a sleep or a receive that never ends
    Busy,    ///< the CPU busy most of the time: an endless loop or far too much work
    Unclear, ///< in between (a loaded machine, or a program that both waits and works)
};

/// Gathers what went wrong in a grading besides races: build errors, timeouts (told apart into
/// deadlocks and endless work where the plain build allows it), crashes, runtime failures such as
/// panics, unexpected exit statuses. The same problem in several runs is one entry with a count.
class ProblemCollector
{
    Q_DECLARE_TR_FUNCTIONS(ProblemCollector)

public:
    static QVector<Problem> collect(const BuildOutcome &build, const QVector<RunRecord> &runs,
                                    const SourceMapper &mapper, int runSeconds, int harnessSeconds);

    static QString failureKindId(FailureKind kind);
    /// "SIGSEGV" for 11, and so on; "signal N" for the rest.
    static QString signalName(int signal);
    /// "run with the race detector", "run without the race detector", "run of the hidden tests"
    static QString binaryDescription(BinaryKind kind, bool plural);

    /// The signal a sanitizer report such as "ERROR: ThreadSanitizer: SEGV on unknown address"
    /// stands for (the program then exits with the sanitizer's status, not by the signal); 0
    /// for other messages.
    static int sanitizerSignal(QStringView message);
    /// Waiting below 15 % of one CPU over the run's wall time, busy from 50 %; CPU time the
    /// program was ready for but did not get on a loaded machine counts as used.
    static TimeoutKind timeoutKind(const RunResult &result);
    /// Why a build step ended without a program when a limit or a crash stopped it ("the
    /// build was stopped: it used more than 2 GiB of memory"); empty when the tool ended by
    /// itself.
    static QString buildStopped(const BuildStep &step);
};

} // namespace RaceGrade
