#include "problemcollector.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <csignal>

namespace RaceGrade {

namespace {

class ProblemList
{
public:
    void add(const Problem &problem)
    {
        // Addresses differ from run to run (a sanitizer's "SEGV on unknown address 0x7f…"); the
        // same failure at the same place is one problem.
        static const QRegularExpression address(QStringLiteral("0x[0-9a-fA-F]+"));
        QString message = problem.message;
        message.replace(address, QStringLiteral("0x"));
        const QString key = problem.kind + u'|' + problem.file + u'|' +
                            QString::number(problem.line) + u'|' + message;
        const auto found = m_index.constFind(key);
        if (found != m_index.constEnd()) {
            m_problems[*found].occurrences += problem.occurrences;
            return;
        }
        m_index.insert(key, int(m_problems.size()));
        m_problems.append(problem);
    }
    QVector<Problem> take() { return std::move(m_problems); }

private:
    QVector<Problem> m_problems;
    QHash<QString, int> m_index;
};

struct Place
{
    QString file;
    int line = 0;
};

Place placeOf(const Stack &stack, const SourceMapper &mapper)
{
    if (const std::optional<StackFrame> frame = mapper.representativeFrame(stack)) {
        return {mapper.displayPath(frame->file), frame->line};
    }
    return {};
}

QString runsPhrase(int count, int total, BinaryKind kind)
{
    return ProblemCollector::tr("in %1 of %2 %3")
        .arg(count)
        .arg(total)
        .arg(ProblemCollector::binaryDescription(kind, total != 1));
}

// The share of one CPU below which a stopped run was waiting, and from which it was busy.
constexpr double waitingShare = 0.15;
constexpr double busyShare = 0.5;

} // namespace

QString ProblemCollector::failureKindId(FailureKind kind)
{
    switch (kind) {
    case FailureKind::Deadlock:
        return QStringLiteral("deadlock");
    case FailureKind::ConcurrentMapWrites:
    case FailureKind::ConcurrentMapReadWrite:
        return QStringLiteral("concurrent-map-access");
    case FailureKind::NegativeWaitGroup:
    case FailureKind::WaitGroupReused:
    case FailureKind::Panic:
        return QStringLiteral("panic");
    case FailureKind::UnlockOfUnlockedMutex:
        return QStringLiteral("unlock-of-unlocked-mutex");
    case FailureKind::FatalError:
        return QStringLiteral("fatal-error");
    case FailureKind::SanitizerMappingFailure:
    case FailureKind::SanitizerFatal:
        return QStringLiteral("sanitizer-failure");
    }
    return {};
}

QString ProblemCollector::signalName(int signal)
{
    switch (signal) {
    case SIGSEGV:
        return tr("SIGSEGV (invalid memory access)");
    case SIGABRT:
        return tr("SIGABRT (aborted)");
    case SIGBUS:
        return tr("SIGBUS (bad memory access)");
    case SIGFPE:
        return tr("SIGFPE (arithmetic error)");
    case SIGILL:
        return tr("SIGILL (illegal instruction)");
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGXFSZ:
        return tr("SIGXFSZ (wrote too large a file)");
    default:
        return tr("signal %1").arg(signal);
    }
}

QString ProblemCollector::binaryDescription(BinaryKind kind, bool plural)
{
    switch (kind) {
    case BinaryKind::Program:
        return plural ? tr("runs with the race detector") : tr("run with the race detector");
    case BinaryKind::PlainProgram:
        return plural ? tr("runs without the race detector") : tr("run without the race detector");
    case BinaryKind::Harness:
        return plural ? tr("runs of the hidden tests") : tr("run of the hidden tests");
    }
    return {};
}

int ProblemCollector::sanitizerSignal(QStringView message)
{
    static const QRegularExpression deadly(
        QStringLiteral(R"(Sanitizer: (?<name>SEGV|BUS|FPE|ILL|ABRT) on )"));
    const QString name = deadly.match(message.toString()).captured(u"name");
    static const QHash<QString, int> byName = {{QStringLiteral("SEGV"), SIGSEGV},
                                               {QStringLiteral("BUS"), SIGBUS},
                                               {QStringLiteral("FPE"), SIGFPE},
                                               {QStringLiteral("ILL"), SIGILL},
                                               {QStringLiteral("ABRT"), SIGABRT}};
    return byName.value(name);
}

TimeoutKind ProblemCollector::timeoutKind(const RunResult &result)
{
    const double wallSeconds = result.wallMs / 1000.0;
    if (wallSeconds <= 0) {
        return TimeoutKind::Unclear;
    }
    // What the program asked for: CPU time it got, and time it waited for a CPU it wanted.
    const double share = (result.cpuSeconds + result.cpuWaitSeconds) / wallSeconds;
    if (share < waitingShare) {
        return TimeoutKind::Waiting;
    }
    return share >= busyShare ? TimeoutKind::Busy : TimeoutKind::Unclear;
}

QString ProblemCollector::buildStopped(const BuildStep &step)
{
    switch (step.outcome) {
    case RunOutcome::Exited:
    case RunOutcome::Cancelled:
        return {};
    case RunOutcome::TimedOut:
        return step.timeLimitSeconds > 0
                   ? tr("the build did not finish within %1 s").arg(step.timeLimitSeconds)
                   : tr("the build did not finish in time");
    case RunOutcome::FailedToStart:
        return tr("the compiler could not be started");
    case RunOutcome::Crashed:
        return tr("the compiler crashed with %1").arg(signalName(step.signal));
    case RunOutcome::MemoryExceeded:
    case RunOutcome::TooManyTasks:
    case RunOutcome::OutputExceeded:
    case RunOutcome::FileSizeExceeded:
        return tr("the build was stopped: the compiler %1").arg(step.limitHit);
    }
    return {};
}

QVector<Problem> ProblemCollector::collect(const BuildOutcome &build,
                                           const QVector<RunRecord> &runs,
                                           const SourceMapper &mapper, int runSeconds,
                                           int harnessSeconds)
{
    ProblemList problems;

    for (const Diagnostic &diagnostic : build.program.diagnostics) {
        if (diagnostic.severity == Severity::Error) {
            problems.add(Problem{QStringLiteral("compile-error"), diagnostic.file, diagnostic.line,
                                 diagnostic.message, 1});
        }
    }
    if (build.program.attempted && !build.program.succeeded) {
        const QString stopped = buildStopped(build.program);
        if (!stopped.isEmpty()) {
            problems.add(Problem{
                QStringLiteral("build-") + runOutcomeId(build.program.outcome), {}, 0, stopped, 1});
        }
    }

    // Runtime failures named by the Go runtime or the sanitizer, with their line.
    bool plainDeadlock = false;
    for (const RunRecord &run : runs) {
        for (const RuntimeFailure &failure : run.parsed.failures) {
            if (failure.kind == FailureKind::SanitizerMappingFailure) {
                continue; // retried with randomisation off; noted on the grade instead
            }
            const Place place = placeOf(failure.stack, mapper);
            if (const int signal = sanitizerSignal(failure.message)) {
                // The sanitizer turns the crash into its own exit status; it is a crash all the
                // same, and merges with the crashes of the plain build.
                problems.add(
                    Problem{QStringLiteral("crash"), place.file, place.line,
                            tr("crashed with %1 under the race detector (%2)")
                                .arg(signalName(signal),
                                     failure.message.section(QStringLiteral("Sanitizer: "), 1)),
                            1});
                continue;
            }
            problems.add(
                Problem{failureKindId(failure.kind), place.file, place.line, failure.message, 1});
            if (failure.kind == FailureKind::Deadlock && !run.instrumented()) {
                plainDeadlock = true;
            }
        }
    }

    // Outcomes counted per binary, so that each message can say "in k of N runs".
    for (const BinaryKind kind :
         {BinaryKind::Program, BinaryKind::PlainProgram, BinaryKind::Harness}) {
        int total = 0;
        QMap<TimeoutKind, int> timeouts;
        QHash<int, int> crashSignals;
        QHash<int, int> statuses;
        QMap<QString, int> limitsHit; // "used more than 512 MiB of memory" -> runs
        int notStarted = 0;
        QString startError;
        for (const RunRecord &run : runs) {
            if (run.binary != kind || run.result.outcome == RunOutcome::Cancelled) {
                continue;
            }
            ++total;
            switch (run.result.outcome) {
            case RunOutcome::TimedOut:
                ++timeouts[timeoutKind(run.result)];
                break;
            case RunOutcome::Crashed:
                ++crashSignals[run.result.signal];
                break;
            case RunOutcome::FailedToStart:
                ++notStarted;
                startError = run.result.errorString;
                break;
            case RunOutcome::Exited: {
                const int code = run.result.exitCode;
                const bool raceExit = code == 66 && run.instrumented() && run.hasDataRace();
                // A runtime failure above already explains its own exit status, and the hidden
                // tests say in their verdicts why they failed.
                if (code != 0 && !raceExit && run.parsed.failures.isEmpty() &&
                    kind != BinaryKind::Harness) {
                    ++statuses[code];
                }
                break;
            }
            case RunOutcome::MemoryExceeded:
            case RunOutcome::TooManyTasks:
            case RunOutcome::OutputExceeded:
            case RunOutcome::FileSizeExceeded:
                ++limitsHit[runOutcomeId(run.result.outcome) + u'|' + run.result.limitHit];
                break;
            case RunOutcome::Cancelled:
                break;
            }
        }
        const int limit = kind == BinaryKind::Harness ? harnessSeconds : runSeconds;
        for (auto it = timeouts.cbegin(); it != timeouts.cend(); ++it) {
            const QString runsText = runsPhrase(it.value(), total, kind);
            QString message;
            QString problemKind;
            switch (it.key()) {
            case TimeoutKind::Waiting:
                problemKind = QStringLiteral("blocked");
                message = tr("still waiting after %1 s, using almost no CPU, %2: the program is "
                             "blocked (a deadlock, or a sleep or receive that never ends)")
                              .arg(limit)
                              .arg(runsText);
                if (plainDeadlock && kind != BinaryKind::PlainProgram) {
                    message += tr("; the build without the race detector stopped with \"all "
                                  "goroutines are asleep\", so it is a deadlock");
                }
                break;
            case TimeoutKind::Busy:
                problemKind = QStringLiteral("endless-loop");
                message = tr("kept the CPU busy for the whole %1 s without finishing, %2: an "
                             "endless loop, or far too much work")
                              .arg(limit)
                              .arg(runsText);
                break;
            case TimeoutKind::Unclear:
                problemKind = QStringLiteral("timeout");
                message = tr("stopped after %1 s without finishing, %2").arg(limit).arg(runsText);
                if (plainDeadlock && kind != BinaryKind::PlainProgram) {
                    message += tr("; the build without the race detector reported a deadlock, "
                                  "so these runs were most likely stuck waiting too");
                }
                break;
            }
            problems.add(Problem{problemKind, {}, 0, message, it.value()});
        }
        for (auto it = crashSignals.cbegin(); it != crashSignals.cend(); ++it) {
            problems.add(
                Problem{QStringLiteral("crash"),
                        {},
                        0,
                        tr("killed by %1 %2")
                            .arg(signalName(it.key()), runsPhrase(it.value(), total, kind)),
                        it.value()});
        }
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
            problems.add(Problem{QStringLiteral("nonzero-exit"),
                                 {},
                                 0,
                                 tr("exited with status %1 %2")
                                     .arg(it.key())
                                     .arg(runsPhrase(it.value(), total, kind)),
                                 it.value()});
        }
        if (notStarted > 0) {
            problems.add(Problem{
                QStringLiteral("failed-to-start"),
                {},
                0,
                tr("could not start %1: %2").arg(runsPhrase(notStarted, total, kind), startError),
                notStarted});
        }
        for (auto it = limitsHit.cbegin(); it != limitsHit.cend(); ++it) {
            const QString outcome = it.key().section(u'|', 0, 0);
            const QString limitText = it.key().section(u'|', 1);
            const QString consequence =
                outcome == u"output-limit" ? tr("; the rest was dropped") : QString();
            problems.add(
                Problem{outcome,
                        {},
                        0,
                        tr("stopped: it %1 %2%3")
                            .arg(limitText, runsPhrase(it.value(), total, kind), consequence),
                        it.value()});
        }
    }
    return problems.take();
}

} // namespace RaceGrade
