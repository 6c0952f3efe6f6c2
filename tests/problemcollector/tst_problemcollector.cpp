// ProblemCollector: what went wrong besides races, one entry per problem with its run count.

#include "problemcollector.h"

#include <QTest>
#include <csignal>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::RunRecord)
Q_DECLARE_METATYPE(RaceGrade::Problem)

namespace {

const QString workspace = QStringLiteral("/tmp/racegrade-work-1-abc123");

SourceMapper mapper()
{
    return SourceMapper(workspace, QStringLiteral("main.cpp"), QStringLiteral("counter.cpp"));
}

RunRecord run(BinaryKind binary, RunOutcome outcome, int exitCode = 0)
{
    RunRecord record;
    record.binary = binary;
    record.result.outcome = outcome;
    record.result.exitCode = exitCode;
    return record;
}

// A run stopped at a 5 s limit after using cpuSeconds of CPU time.
RunRecord stopped(BinaryKind binary, double cpuSeconds)
{
    RunRecord record = run(binary, RunOutcome::TimedOut);
    record.result.wallMs = 5000;
    record.result.cpuSeconds = cpuSeconds;
    return record;
}

RunRecord withFailure(RunRecord record, FailureKind kind, const QString &message)
{
    RuntimeFailure failure;
    failure.kind = kind;
    failure.message = message;
    failure.stack = {StackFrame{QStringLiteral("main"),
                                workspace + QStringLiteral("/program/main.cpp"), 6, 8, QString()}};
    record.parsed.failures.append(failure);
    return record;
}

QString describe(const QVector<Problem> &problems)
{
    QStringList lines;
    for (const Problem &problem : problems) {
        lines.append(QStringLiteral("%1 %2:%3 x%4: %5")
                         .arg(problem.kind, problem.file)
                         .arg(problem.line)
                         .arg(problem.occurrences)
                         .arg(problem.message));
    }
    return lines.join(u'\n');
}

} // namespace

class TestProblemCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeouts_data();
    void timeouts();
    void sanitizerCrashesMerge();
    void buildLimits_data();
    void buildLimits();
    void fileSizeLimit();
};

void TestProblemCollector::timeouts_data()
{
    QTest::addColumn<QVector<RunRecord>>("runs");
    QTest::addColumn<QVector<Problem>>("expected");

    const auto program = [](double cpu) { return stopped(BinaryKind::Program, cpu); };
    const auto plainRun = [](double cpu) { return stopped(BinaryKind::PlainProgram, cpu); };
    QTest::newRow("asleep or deadlocked: almost no CPU")
        << QVector<RunRecord>{program(0.02), program(0.1)}
        << QVector<Problem>{{QStringLiteral("blocked"),
                             {},
                             0,
                             QStringLiteral("still waiting after 5 s, using almost no CPU, in 2 of "
                                            "2 runs with the race detector: the program is blocked "
                                            "(a deadlock, or a sleep or receive that never ends)"),
                             2}};
    QTest::newRow("spinning: one CPU or more the whole time")
        << QVector<RunRecord>{program(4.8), program(9.7), plainRun(5.0)}
        << QVector<Problem>{
               {QStringLiteral("endless-loop"),
                {},
                0,
                QStringLiteral("kept the CPU busy for the whole 5 s without finishing, in 2 of 2 "
                               "runs with the race detector: an endless loop, or far too much "
                               "work"),
                2},
               {QStringLiteral("endless-loop"),
                {},
                0,
                QStringLiteral("kept the CPU busy for the whole 5 s without finishing, in 1 of 1 "
                               "run without the race detector: an endless loop, or far too much "
                               "work"),
                1}};
    QTest::newRow("Go deadlock: the plain build names it")
        << QVector<RunRecord>{program(0.03),
                              withFailure(run(BinaryKind::PlainProgram, RunOutcome::Exited, 2),
                                          FailureKind::Deadlock,
                                          QStringLiteral("all goroutines are asleep - deadlock!"))}
        << QVector<Problem>{
               {QStringLiteral("deadlock"), QStringLiteral("counter.cpp"), 6,
                QStringLiteral("all goroutines are asleep - deadlock!"), 1},
               {QStringLiteral("blocked"),
                {},
                0,
                QStringLiteral("still waiting after 5 s, using almost no CPU, in 1 of 1 run with "
                               "the race detector: the program is blocked (a deadlock, or a sleep "
                               "or receive that never ends); the build without the race detector "
                               "stopped with \"all goroutines are asleep\", so it is a deadlock"),
                1}};
    QTest::newRow("in between: said plainly")
        << QVector<RunRecord>{program(1.5)}
        << QVector<Problem>{{QStringLiteral("timeout"),
                             {},
                             0,
                             QStringLiteral("stopped after 5 s without finishing, in 1 of 1 run "
                                            "with the race detector"),
                             1}};
}

void TestProblemCollector::timeouts()
{
    QFETCH(QVector<RunRecord>, runs);
    QFETCH(QVector<Problem>, expected);
    const QVector<Problem> problems =
        ProblemCollector::collect(BuildOutcome(), runs, mapper(), 5, 30);
    QVERIFY2(problems == expected, qPrintable(describe(problems)));
}

void TestProblemCollector::sanitizerCrashesMerge()
{
    // Every run prints other registers; the crash is one problem, with its line, seen 4 times.
    QVector<RunRecord> runs;
    for (const char *address : {"0x000000000000", "0x000000000008", "0x7f12", "0x55aa"}) {
        runs.append(withFailure(run(BinaryKind::Program, RunOutcome::Exited, 66),
                                FailureKind::SanitizerFatal,
                                QStringLiteral("ERROR: ThreadSanitizer: SEGV on unknown address ") +
                                    QLatin1String(address)));
    }
    const QVector<Problem> problems =
        ProblemCollector::collect(BuildOutcome(), runs, mapper(), 5, 30);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, QStringLiteral("crash"));
    QCOMPARE(problems.first().file, QStringLiteral("counter.cpp"));
    QCOMPARE(problems.first().line, 6);
    QCOMPARE(problems.first().occurrences, 4);
    QCOMPARE(problems.first().message,
             QStringLiteral("crashed with SIGSEGV (invalid memory access) under the race detector "
                            "(SEGV on unknown address 0x000000000000)"));
    QCOMPARE(ProblemCollector::sanitizerSignal(u"ERROR: ThreadSanitizer: BUS on unknown address"),
             SIGBUS);
    QCOMPARE(
        ProblemCollector::sanitizerSignal(u"FATAL: ThreadSanitizer: unexpected memory mapping"), 0);
}

void TestProblemCollector::buildLimits_data()
{
    QTest::addColumn<int>("outcome"); // RunOutcome
    QTest::addColumn<QString>("limitHit");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("memory") << int(RunOutcome::MemoryExceeded)
                            << QStringLiteral("used more than 2048 MiB of memory")
                            << QStringLiteral("build-memory-limit")
                            << QStringLiteral("the build was stopped: the compiler used more than "
                                              "2048 MiB of memory");
    QTest::newRow("time") << int(RunOutcome::TimedOut) << QString()
                          << QStringLiteral("build-timed-out")
                          << QStringLiteral("the build did not finish within 60 s");
    QTest::newRow("tasks") << int(RunOutcome::TooManyTasks)
                           << QStringLiteral("ran more than 2048 processes and threads at once")
                           << QStringLiteral("build-task-limit")
                           << QStringLiteral("the build was stopped: the compiler ran more than "
                                             "2048 processes and threads at once");
}

void TestProblemCollector::buildLimits()
{
    QFETCH(int, outcome);
    QFETCH(QString, limitHit);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    BuildOutcome build;
    build.program.attempted = true;
    build.program.outcome = RunOutcome(outcome);
    build.program.limitHit = limitHit;
    build.program.timeLimitSeconds = 60;
    const QVector<Problem> problems = ProblemCollector::collect(build, {}, mapper(), 5, 30);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, kind);
    QCOMPARE(problems.first().message, message);
}

void TestProblemCollector::fileSizeLimit()
{
    RunRecord record = run(BinaryKind::PlainProgram, RunOutcome::FileSizeExceeded);
    record.result.limitHit =
        QStringLiteral("wrote a file as large as a run may (64 MiB); the write failed");
    const QVector<Problem> problems =
        ProblemCollector::collect(BuildOutcome(), {record, record}, mapper(), 5, 30);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, QStringLiteral("file-size-limit"));
    QCOMPARE(problems.first().message,
             QStringLiteral("stopped: it wrote a file as large as a run may (64 MiB); the write "
                            "failed in 2 of 2 runs without the race detector"));
}

QTEST_GUILESS_MAIN(TestProblemCollector)
#include "tst_problemcollector.moc"
