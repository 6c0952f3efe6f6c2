#include "problemcollector.h"

#include <QHash>
#include <QMap>
#include <csignal>

namespace RaceGrade {

namespace {

class ProblemList
{
public:
    void add(const Problem &problem)
    {
        const QString key = problem.kind + u'|' + problem.file + u'|' +
                            QString::number(problem.line) + u'|' + problem.message;
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
    return QStringLiteral("in %1 of %2 %3")
        .arg(count)
        .arg(total)
        .arg(ProblemCollector::binaryDescription(kind, total != 1));
}

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
        return QStringLiteral("SIGSEGV (invalid memory access)");
    case SIGABRT:
        return QStringLiteral("SIGABRT (aborted)");
    case SIGBUS:
        return QStringLiteral("SIGBUS (bad memory access)");
    case SIGFPE:
        return QStringLiteral("SIGFPE (arithmetic error)");
    case SIGILL:
        return QStringLiteral("SIGILL (illegal instruction)");
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGXFSZ:
        return QStringLiteral("SIGXFSZ (wrote too large a file)");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

QString ProblemCollector::binaryDescription(BinaryKind kind, bool plural)
{
    switch (kind) {
    case BinaryKind::Program:
        return plural ? QStringLiteral("runs with the race detector")
                      : QStringLiteral("run with the race detector");
    case BinaryKind::PlainProgram:
        return plural ? QStringLiteral("runs without the race detector")
                      : QStringLiteral("run without the race detector");
    case BinaryKind::Harness:
        return plural ? QStringLiteral("runs of the hidden tests")
                      : QStringLiteral("run of the hidden tests");
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
    if (build.program.attempted && !build.program.succeeded &&
        build.program.outcome == RunOutcome::TimedOut) {
        problems.add(Problem{QStringLiteral("compile-error"),
                             {},
                             0,
                             QStringLiteral("the build did not finish in time"),
                             1});
    }

    // Runtime failures named by the Go runtime or the sanitizer, with their line.
    bool plainDeadlock = false;
    for (const RunRecord &run : runs) {
        for (const RuntimeFailure &failure : run.parsed.failures) {
            if (failure.kind == FailureKind::SanitizerMappingFailure) {
                continue; // retried with randomisation off; noted on the grade instead
            }
            const Place place = placeOf(failure.stack, mapper);
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
        int timeouts = 0;
        int plainRuns = 0;
        int plainFinished = 0;
        QHash<int, int> crashSignals;
        QHash<int, int> statuses;
        QMap<QString, int> limitsHit; // "used more than 512 MiB of memory" -> runs
        int notStarted = 0;
        QString startError;
        for (const RunRecord &run : runs) {
            plainRuns += run.binary == BinaryKind::PlainProgram ? 1 : 0;
            if (!run.instrumented() && run.finished()) {
                ++plainFinished;
            }
            if (run.binary != kind || run.result.outcome == RunOutcome::Cancelled) {
                continue;
            }
            ++total;
            switch (run.result.outcome) {
            case RunOutcome::TimedOut:
                ++timeouts;
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
                ++limitsHit[runOutcomeId(run.result.outcome) + u'|' + run.result.limitHit];
                break;
            case RunOutcome::Cancelled:
                break;
            }
        }
        if (timeouts > 0) {
            const int limit = kind == BinaryKind::Harness ? harnessSeconds : runSeconds;
            QString message = QStringLiteral("stopped after %1 s without finishing, %2")
                                  .arg(limit)
                                  .arg(runsPhrase(timeouts, total, kind));
            QString problemKind = QStringLiteral("timeout");
            if (kind != BinaryKind::PlainProgram) {
                if (plainDeadlock) {
                    message += QStringLiteral("; the build without the race detector reported a "
                                              "deadlock, so these runs were most likely stuck "
                                              "waiting too");
                } else if (plainRuns > 0 && plainFinished == 0 && kind == BinaryKind::Program) {
                    message += QStringLiteral("; the build without the race detector did not "
                                              "finish either: an endless loop or far too much "
                                              "work");
                }
            }
            problems.add(Problem{problemKind, {}, 0, message, timeouts});
        }
        for (auto it = crashSignals.cbegin(); it != crashSignals.cend(); ++it) {
            problems.add(
                Problem{QStringLiteral("crash"),
                        {},
                        0,
                        QStringLiteral("killed by %1 %2")
                            .arg(signalName(it.key()), runsPhrase(it.value(), total, kind)),
                        it.value()});
        }
        for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
            problems.add(Problem{QStringLiteral("nonzero-exit"),
                                 {},
                                 0,
                                 QStringLiteral("exited with status %1 %2")
                                     .arg(it.key())
                                     .arg(runsPhrase(it.value(), total, kind)),
                                 it.value()});
        }
        if (notStarted > 0) {
            problems.add(Problem{QStringLiteral("failed-to-start"),
                                 {},
                                 0,
                                 QStringLiteral("could not start %1: %2")
                                     .arg(runsPhrase(notStarted, total, kind), startError),
                                 notStarted});
        }
        for (auto it = limitsHit.cbegin(); it != limitsHit.cend(); ++it) {
            const QString outcome = it.key().section(u'|', 0, 0);
            const QString limit = it.key().section(u'|', 1);
            const QString consequence =
                outcome == u"output-limit" ? QStringLiteral("; the rest was dropped") : QString();
            problems.add(Problem{outcome,
                                 {},
                                 0,
                                 QStringLiteral("stopped: it %1 %2%3")
                                     .arg(limit, runsPhrase(it.value(), total, kind), consequence),
                                 it.value()});
        }
    }
    return problems.take();
}

} // namespace RaceGrade
