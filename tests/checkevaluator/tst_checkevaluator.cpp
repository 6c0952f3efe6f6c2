#include "checkevaluator.h"

#include <QtTest>
#include <csignal>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::CheckStatus)
Q_DECLARE_METATYPE(RaceGrade::RunRecord)
Q_DECLARE_METATYPE(RaceGrade::RaceFinding)
Q_DECLARE_METATYPE(RaceGrade::Diagnostic)
Q_DECLARE_METATYPE(RaceGrade::BuildStep)

namespace RaceGrade {

char *toString(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Passed:
        return qstrdup("Passed");
    case CheckStatus::Failed:
        return qstrdup("Failed");
    case CheckStatus::NotRun:
        return qstrdup("NotRun");
    }
    return qstrdup("?");
}

} // namespace RaceGrade

namespace {

using Runs = QVector<RunRecord>;
using Races = QVector<RaceFinding>;
using Diagnostics = QVector<Diagnostic>;

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The grader's scratch folder: the student's counter.go is main.go in there.
const QString workspace = QStringLiteral("/tmp/racegrade-abc123");

SourceMapper mapper()
{
    return SourceMapper(workspace, QStringLiteral("main.go"), QStringLiteral("counter.go"));
}

CheckSpec spec(CheckKind kind, const char *id = "the-check", int points = 2)
{
    CheckSpec check;
    check.id = str(id);
    check.title = QStringLiteral("Title of ") + str(id);
    check.kind = kind;
    check.points = points;
    check.hint = QStringLiteral("The hint of ") + str(id) + u'.';
    return check;
}

RunRecord exited(const char *out, int exitCode = 0, BinaryKind binary = BinaryKind::Program)
{
    RunRecord run;
    run.binary = binary;
    run.result.outcome = RunOutcome::Exited;
    run.result.exitCode = exitCode;
    run.standardOutput = str(out);
    return run;
}

RunRecord ok(const char *out)
{
    return exited(out, 0);
}

RunRecord plain(RunRecord run)
{
    run.binary = BinaryKind::PlainProgram;
    return run;
}

RunRecord ended(RunOutcome outcome, const char *out = "", BinaryKind binary = BinaryKind::Program)
{
    RunRecord run = exited(out, -1, binary);
    run.result.outcome = outcome;
    run.result.signal = outcome == RunOutcome::TimedOut ? SIGKILL : 0;
    return run;
}

// A run stopped at its time limit after wallMs, having used cpuSeconds of CPU time.
RunRecord stoppedAfter(double cpuSeconds, int wallMs = 5000)
{
    RunRecord run = ended(RunOutcome::TimedOut);
    run.result.cpuSeconds = cpuSeconds;
    run.result.wallMs = wallMs;
    return run;
}

RunRecord crashed(const char *out, int signal, BinaryKind binary = BinaryKind::Program)
{
    RunRecord run = ended(RunOutcome::Crashed, out, binary);
    run.result.signal = signal;
    return run;
}

RunRecord failing(RunRecord run, FailureKind kind, const char *message)
{
    RuntimeFailure failure;
    failure.kind = kind;
    failure.message = str(message);
    failure.stack = {StackFrame{QStringLiteral("main.main"),
                                workspace + QStringLiteral("/program/main.go"), 30, 0, QString()}};
    run.parsed.failures.append(failure);
    return run;
}

StackFrame frame(const char *function, const QString &file, int line)
{
    return StackFrame{str(function), file, line, 0, QString()};
}

// A data race in the student's counter between Inc (line 12) and Value (line 18), as the
// detector prints it inside the program or the harness build.
RunRecord racy(RunRecord run, const char *folder = "program")
{
    const QString file = workspace + u'/' + str(folder) + QStringLiteral("/main.go");
    MemoryAccess write;
    write.op = AccessOp::Write;
    write.thread = QStringLiteral("goroutine 8");
    write.stack = {frame("main.(*SafeCounter).Inc", file, 12), frame("main.main.func1", file, 25)};
    MemoryAccess read;
    read.op = AccessOp::Read;
    read.previous = true;
    read.thread = QStringLiteral("goroutine 7");
    read.stack = {frame("main.(*SafeCounter).Value", file, 18), frame("main.main", file, 31)};
    RaceReport report;
    report.kind = ReportKind::DataRace;
    report.headline = QStringLiteral("DATA RACE");
    report.accesses = {write, read};
    run.parsed.races.append(report);
    return run;
}

RunRecord harnessRun(const QVector<HarnessVerdict> &verdicts, int exitCode = 0)
{
    RunRecord run = exited("", exitCode, BinaryKind::Harness);
    run.verdicts = verdicts;
    return run;
}

HarnessVerdict verdict(const char *test, bool passed, const char *detail)
{
    return HarnessVerdict{str(test), passed, str(detail)};
}

RunRecord withVerdicts(RunRecord run, const QVector<HarnessVerdict> &verdicts)
{
    run.verdicts = verdicts;
    return run;
}

RaceAccessSite site(const char *op, const char *file, int line)
{
    RaceAccessSite access;
    access.op = str(op);
    access.file = str(file);
    access.line = line;
    access.inSubmission = access.file == u"counter.go";
    return access;
}

RaceFinding race(int occurrences, int runs, const RaceAccessSite &first,
                 const RaceAccessSite &second, const char *hint = "",
                 const char *kind = "data-race")
{
    RaceFinding finding;
    finding.kind = str(kind);
    finding.occurrences = occurrences;
    finding.runs = runs;
    finding.accesses = {first, second};
    finding.hint = str(hint);
    return finding;
}

Diagnostic diagnostic(const char *file, int line, Severity severity, const char *message)
{
    Diagnostic d;
    d.file = str(file);
    d.line = line;
    d.column = line > 0 ? 5 : 0;
    d.severity = severity;
    d.message = str(message);
    d.tool = QStringLiteral("go");
    return d;
}

BuildStep succeeded()
{
    BuildStep step;
    step.attempted = true;
    step.succeeded = true;
    return step;
}

BuildStep failed(const Diagnostics &diagnostics, const char *output = "")
{
    BuildStep step;
    step.attempted = true;
    step.succeeded = false;
    step.diagnostics = diagnostics;
    step.output = str(output);
    return step;
}

/// Everything one evaluation looks at; by default a build in which every step succeeded.
struct Situation
{
    BuildOutcome build{succeeded(), succeeded(), succeeded(), succeeded()};
    Runs runs;
    Races races;
    SourceMapper sourceMapper = mapper();

    QVector<CheckResult> evaluate(const QVector<CheckSpec> &checks) const
    {
        const CheckContext context{Language::Go, build, runs, races, sourceMapper, 10, 30};
        return CheckEvaluator::evaluate(checks, context);
    }
    CheckResult evaluate(const CheckSpec &check) const
    {
        const QVector<CheckResult> results = evaluate(QVector<CheckSpec>{check});
        return results.size() == 1 ? results.first() : CheckResult{};
    }
};

} // namespace

/// Judges synthetic builds and runs and checks the outcome and the exact words of every kind of
/// check, the points and the hint.
class TestCheckEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compile_data();
    void compile();
    void finalLine_data();
    void finalLine();
    void lineCount_data();
    void lineCount();
    void cleanExit_data();
    void cleanExit();
    void raceFree_data();
    void raceFree();
    void harness_data();
    void harness();
    void harnessBuildFailed_data();
    void harnessBuildFailed();
    void missingName_data();
    void missingName();
    void vet_data();
    void vet();
    void nothingRunsWithoutABuild();
    void requirements_data();
    void requirements();
    void pointsAndHints();
    void readableNumber_data();
    void readableNumber();

private:
    /// Compares a result with what `check` should give: its id, title and maximum always; all
    /// points and no hint on a pass; no points and `hint` on a failure; neither when not run.
    static void verify(const CheckResult &result, const CheckSpec &check, CheckStatus status,
                       const QString &detail, const QString &hint);
    static void addRunColumns();
};

void TestCheckEvaluator::verify(const CheckResult &result, const CheckSpec &check,
                                CheckStatus status, const QString &detail, const QString &hint)
{
    QCOMPARE(result.status, status);
    QCOMPARE(result.detail, detail);
    QCOMPARE(result.id, check.id);
    QCOMPARE(result.title, check.title);
    QCOMPARE(result.maxPoints, check.points);
    QCOMPARE(result.passed(), status == CheckStatus::Passed);
    QCOMPARE(result.points, status == CheckStatus::Passed ? check.points : 0);
    QCOMPARE(result.hint, status == CheckStatus::Failed ? hint : QString());
}

void TestCheckEvaluator::addRunColumns()
{
    QTest::addColumn<Runs>("runs");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detail");
}

void TestCheckEvaluator::compile_data()
{
    QTest::addColumn<BuildStep>("program");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detail");

    QTest::newRow("built clean") << succeeded() << CheckStatus::Passed
                                 << QStringLiteral("built without errors");
    BuildStep warned = succeeded();
    warned.diagnostics = {diagnostic("counter.go", 3, Severity::Warning, "unused parameter"),
                          diagnostic("counter.go", 9, Severity::Note, "declared here"),
                          diagnostic("counter.go", 14, Severity::Warning, "shadowed variable")};
    QTest::newRow("built with warnings")
        << warned << CheckStatus::Passed << QStringLiteral("built, with 2 warning(s)");
    QTest::newRow("first error with file:line")
        << failed({diagnostic("counter.go", 3, Severity::Warning, "unused parameter"),
                   diagnostic("counter.go", 12, Severity::Error, "undefined: mu"),
                   diagnostic("counter.go", 20, Severity::Error, "x declared and not used")})
        << CheckStatus::Failed << QStringLiteral("does not compile: counter.go:12: undefined: mu");
    QTest::newRow("error without a line")
        << failed({diagnostic("", 0, Severity::Error, "ld returned 1 exit status")})
        << CheckStatus::Failed << QStringLiteral("does not compile: ld returned 1 exit status");
    QTest::newRow("error about the whole file")
        << failed({diagnostic("my counter.cpp", 0, Severity::Error,
                              "the file has no main "
                              "function")})
        << CheckStatus::Failed
        << QStringLiteral("does not compile: my counter.cpp: the file has no main function");
    QTest::newRow("no diagnostics: first lines of the output")
        << failed({}, "\n# command-line-arguments\nfirst\nsecond\nthird\n") << CheckStatus::Failed
        << QStringLiteral("does not compile: # command-line-arguments\nfirst\nsecond");
    BuildStep slow = failed({});
    slow.outcome = RunOutcome::TimedOut;
    QTest::newRow("build timed out")
        << slow << CheckStatus::Failed << QStringLiteral("the build did not finish in time");
    slow.timeLimitSeconds = 60;
    QTest::newRow("build timed out, with its limit")
        << slow << CheckStatus::Failed << QStringLiteral("the build did not finish within 60 s");
    // The driver's own report of the killed compiler must not hide the limit.
    BuildStep hog =
        failed({diagnostic("", 0, Severity::Error, "Killed signal terminated program cc1plus")},
               "g++: fatal error: Killed signal terminated program cc1plus\n");
    hog.outcome = RunOutcome::MemoryExceeded;
    hog.limitHit = QStringLiteral("used more than 2048 MiB of memory");
    QTest::newRow("build over its memory limit")
        << hog << CheckStatus::Failed
        << QStringLiteral("the build was stopped: the compiler used more than 2048 MiB of memory");
    BuildStep spewing = failed({});
    spewing.outcome = RunOutcome::OutputExceeded;
    spewing.limitHit = QStringLiteral("printed more than 4 MiB");
    QTest::newRow("build over its output limit")
        << spewing << CheckStatus::Failed
        << QStringLiteral("the build was stopped: the compiler printed more than 4 MiB");
    BuildStep crashing = failed({});
    crashing.outcome = RunOutcome::Crashed;
    crashing.signal = SIGSEGV;
    QTest::newRow("compiler crashed")
        << crashing << CheckStatus::Failed
        << QStringLiteral("the compiler crashed with SIGSEGV (invalid memory access)");
    BuildStep silent = failed({}, "  \n");
    silent.exitCode = 1;
    QTest::newRow("failed without a word")
        << silent << CheckStatus::Failed
        << QStringLiteral("does not compile: the compiler failed without a message (exit status "
                          "1)");
}

void TestCheckEvaluator::compile()
{
    QFETCH(BuildStep, program);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);

    Situation situation;
    situation.build.program = program;
    const CheckSpec check = spec(CheckKind::Compile, "build", 1);
    verify(situation.evaluate(check), check, status, detail, check.hint);
}

void TestCheckEvaluator::finalLine_data()
{
    addRunColumns();
    QTest::addColumn<QString>("expect");
    QTest::addColumn<bool>("exitZero");

    const QString total = QStringLiteral("10000");
    const RunRecord good = ok("counting...\n10000\n");
    QTest::newRow("all good") << Runs{good, good, good} << CheckStatus::Passed
                              << QStringLiteral("printed 10,000 as the last line in all 3 runs")
                              << total << false;
    QTest::newRow("all good, exit status 0 required")
        << Runs{good, good, plain(good)} << CheckStatus::Passed
        << QStringLiteral("printed 10,000 as the last line and exited with status 0 in all 3 runs")
        << total << true;
    QTest::newRow("blank lines and spaces after the total")
        << Runs{ok("10000  \n\n   \n"), good} << CheckStatus::Passed
        << QStringLiteral("printed 10,000 as the last line in all 2 runs") << total << false;
    QTest::newRow("wrong value in one run")
        << Runs{good, ok("counting...\n9874\n"), good} << CheckStatus::Failed
        << QStringLiteral("printed something else than 10,000 in 1 of 3 runs (it printed 9,874)")
        << total << false;
    QTest::newRow("two wrong values, each shown once, in the order seen")
        << Runs{ok("9990"), ok("9874"), good, ok("9990")} << CheckStatus::Failed
        << QStringLiteral("printed something else than 10,000 in 3 of 4 runs (it printed 9,990, "
                          "9,874)")
        << total << false;
    QTest::newRow("at most five wrong values shown")
        << Runs{ok("1"), ok("2"), ok("3"), ok("4"), ok("5"), ok("6"), ok("1")}
        << CheckStatus::Failed
        << QStringLiteral("printed something else than 10,000 in 7 of 7 runs (it printed 1, 2, 3, "
                          "4, 5, \u2026)")
        << total << false;
    QTest::newRow("the total is not the last line")
        << Runs{good, ok("10000\ndone\n"), good} << CheckStatus::Failed
        << QStringLiteral("printed something else than 10,000 in 1 of 3 runs (it printed done)")
        << total << false;
    QTest::newRow("nothing printed")
        << Runs{ok(""), good, ok("\n  \n")} << CheckStatus::Failed
        << QStringLiteral("printed nothing in 2 of 3 runs") << total << false;
    QTest::newRow("exit 66 with exitZero")
        << Runs{good, racy(exited("10000\n", 66)), good} << CheckStatus::Failed
        << QStringLiteral("exited with status 66 because the race detector found a race in 1 of "
                          "3 runs")
        << total << true;
    QTest::newRow("exit 66 without exitZero")
        << Runs{good, racy(exited("10000\n", 66)), good} << CheckStatus::Passed
        << QStringLiteral("printed 10,000 as the last line in all 3 runs") << total << false;
    QTest::newRow("exit 66 of the plain build with exitZero")
        << Runs{good, plain(exited("10000\n", 66)), good} << CheckStatus::Failed
        << QStringLiteral("exited with status 66 in 1 of 3 runs") << total << true;
    QTest::newRow("exit 3 with exitZero")
        << Runs{exited("10000\n", 3), good, exited("10000\n", 3)} << CheckStatus::Failed
        << QStringLiteral("exited with status 3 in 2 of 3 runs") << total << true;
    QTest::newRow("timeout before the total")
        << Runs{good, good, ended(RunOutcome::TimedOut, "counting...\n")} << CheckStatus::Failed
        << QStringLiteral("did not finish within 10 s in 1 of 3 runs") << total << false;
    QTest::newRow("timeout after the total, exitZero")
        << Runs{good, good, ended(RunOutcome::TimedOut, "10000\n")} << CheckStatus::Failed
        << QStringLiteral("did not finish within 10 s in 1 of 3 runs") << total << true;
    QTest::newRow("timeout after the total, no exitZero")
        << Runs{good, good, ended(RunOutcome::TimedOut, "10000\n")} << CheckStatus::Passed
        << QStringLiteral("printed 10,000 as the last line in all 3 runs") << total << false;
    QTest::newRow("crash") << Runs{good, crashed("counting...\n", SIGSEGV), good}
                           << CheckStatus::Failed
                           << QStringLiteral("crashed with SIGSEGV (invalid memory access) in 1 "
                                             "of 3 runs")
                           << total << false;
    QTest::newRow("panic") << Runs{good,
                                   failing(exited("", 2), FailureKind::Panic,
                                           "runtime error: index out of range [3] with length 3"),
                                   good}
                           << CheckStatus::Failed
                           << QStringLiteral("stopped with \"runtime error: index out of range [3] "
                                             "with length 3\" in 1 of 3 runs")
                           << total << false;
    QTest::newRow("deadlock in the plain build")
        << Runs{good, good,
                plain(failing(exited("", 2), FailureKind::Deadlock,
                              "all goroutines are asleep - deadlock!"))}
        << CheckStatus::Failed
        << QStringLiteral("stopped in a deadlock (all goroutines were waiting) in 1 of 3 runs")
        << total << false;
    QTest::newRow("a single run") << Runs{ok("9874")} << CheckStatus::Failed
                                  << QStringLiteral("printed something else than 10,000 in 1 of "
                                                    "1 run (it printed 9,874)")
                                  << total << false;
    QTest::newRow("cancelled runs are left out")
        << Runs{good, ended(RunOutcome::Cancelled), good} << CheckStatus::Passed
        << QStringLiteral("printed 10,000 as the last line in all 2 runs") << total << false;
    QTest::newRow("harness runs are not the program")
        << Runs{good, harnessRun({}, 1), good} << CheckStatus::Passed
        << QStringLiteral("printed 10,000 as the last line in all 2 runs") << total << false;
    QTest::newRow("no program run")
        << Runs{harnessRun({})} << CheckStatus::NotRun
        << QStringLiteral("not run: the program did not run") << total << false;
    QTest::newRow("a long wrong line is cut")
        << Runs{ok(QByteArray(100, 'x').constData())} << CheckStatus::Failed
        << QStringLiteral("printed something else than 10,000 in 1 of 1 run (it printed ") +
               QString(60, u'x') + u')'
        << total << false;
    QTest::newRow("text expected")
        << Runs{ok("all workers done\n"), ok("all workers done")} << CheckStatus::Passed
        << QStringLiteral("printed all workers done as the last line in "
                          "all 2 runs")
        << QStringLiteral("all workers done") << false;
    // What a program prints is not a format string.
    QTest::newRow("percent placeholders in the output")
        << Runs{good, ok("%1 of %2 done"), good} << CheckStatus::Failed
        << QStringLiteral("printed something else than 10,000 in 1 of 3 runs (it printed %1 of %2 "
                          "done)")
        << total << false;
    QTest::newRow("percent placeholders in a panic message")
        << Runs{good, failing(exited("", 2), FailureKind::Panic, "50%1 done: %2"), good}
        << CheckStatus::Failed << QStringLiteral("stopped with \"50%1 done: %2\" in 1 of 3 runs")
        << total << false;
}

void TestCheckEvaluator::finalLine()
{
    QFETCH(Runs, runs);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);
    QFETCH(QString, expect);
    QFETCH(bool, exitZero);

    CheckSpec check = spec(CheckKind::FinalLine, "total", 3);
    check.expect = expect;
    check.exitZero = exitZero;
    Situation situation;
    situation.runs = runs;
    verify(situation.evaluate(check), check, status, detail, check.hint);
}

void TestCheckEvaluator::lineCount_data()
{
    addRunColumns();
    QTest::addColumn<int>("count");

    const RunRecord once = ok("start\nworker finished\n");
    const RunRecord twice = ok("worker finished\nstart\nworker finished\n");
    const RunRecord thrice = ok("a finished\nb finished\nc finished\nall done\n");
    QTest::newRow("exactly once") << Runs{once, once, plain(once)} << CheckStatus::Passed
                                  << QStringLiteral("\"finished\" was printed exactly once in all "
                                                    "3 runs")
                                  << 1;
    QTest::newRow("exactly 3 times") << Runs{thrice, thrice} << CheckStatus::Passed
                                     << QStringLiteral("\"finished\" was printed exactly 3 times "
                                                       "in all 2 runs")
                                     << 3;
    QTest::newRow("twice in some runs")
        << Runs{once, twice, twice} << CheckStatus::Failed
        << QStringLiteral("expected \"finished\" exactly once: \"finished\" was printed 2 times in "
                          "2 of 3 runs")
        << 1;
    QTest::newRow("never") << Runs{once, ok("start\n"), once} << CheckStatus::Failed
                           << QStringLiteral("expected \"finished\" exactly once: \"finished\" "
                                             "was printed 0 times in 1 of 3 runs")
                           << 1;
    QTest::newRow("once instead of 3 times")
        << Runs{thrice, once} << CheckStatus::Failed
        << QStringLiteral("expected \"finished\" exactly 3 times: \"finished\" was printed 1 time "
                          "in 1 of 2 runs")
        << 3;
    QTest::newRow("timed out before printing")
        << Runs{once, ended(RunOutcome::TimedOut, "start\n"), once} << CheckStatus::Failed
        << QStringLiteral("expected \"finished\" exactly once: did not finish within 10 s in 1 of "
                          "3 runs")
        << 1;
    QTest::newRow("crashed after printing too often")
        << Runs{once, crashed("finished\nfinished\n", SIGABRT), once} << CheckStatus::Failed
        << QStringLiteral("expected \"finished\" exactly once: \"finished\" was printed 2 times in "
                          "1 of 3 runs")
        << 1;
    QTest::newRow("case matters") << Runs{ok("Finished\nall finished!\n"), once}
                                  << CheckStatus::Passed
                                  << QStringLiteral("\"finished\" was printed exactly once in all "
                                                    "2 runs")
                                  << 1;
    QTest::newRow("no program run") << Runs{harnessRun({})} << CheckStatus::NotRun
                                    << QStringLiteral("not run: the program did not run") << 1;
}

void TestCheckEvaluator::lineCount()
{
    QFETCH(Runs, runs);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);
    QFETCH(int, count);

    CheckSpec check = spec(CheckKind::LineCount, "finished-lines", 1);
    check.pattern = QStringLiteral("finished");
    check.count = count;
    Situation situation;
    situation.runs = runs;
    verify(situation.evaluate(check), check, status, detail, check.hint);
}

void TestCheckEvaluator::cleanExit_data()
{
    addRunColumns();

    const RunRecord good = ok("10000\n");
    QTest::newRow("all exit 0") << Runs{good, good, plain(good)} << CheckStatus::Passed
                                << QStringLiteral("finished by itself within 10 s in all 3 runs");
    QTest::newRow("exit 66 with a data race is fine")
        << Runs{good, racy(exited("10000\n", 66)), good} << CheckStatus::Passed
        << QStringLiteral("finished by itself within 10 s in all 3 runs");
    QTest::newRow("exit 66 without a race report")
        << Runs{good, exited("10000\n", 66), good} << CheckStatus::Failed
        << QStringLiteral("exited with status 66 in 1 of 3 runs");
    QTest::newRow("exit 3 is not") << Runs{good, exited("10000\n", 3), good} << CheckStatus::Failed
                                   << QStringLiteral("exited with status 3 in 1 of 3 runs");
    QTest::newRow("exit 3 with a data race is not")
        << Runs{good, racy(exited("10000\n", 3)), good} << CheckStatus::Failed
        << QStringLiteral("exited with status 3 in 1 of 3 runs");
    QTest::newRow("crash") << Runs{good, crashed("", SIGSEGV), good} << CheckStatus::Failed
                           << QStringLiteral("crashed with SIGSEGV (invalid memory access) in 1 "
                                             "of 3 runs");
    QTest::newRow("abort") << Runs{crashed("", SIGABRT)} << CheckStatus::Failed
                           << QStringLiteral("crashed with SIGABRT (aborted) in 1 of 1 run");
    QTest::newRow("blocked: almost no CPU while waiting")
        << Runs{good, stoppedAfter(0.05), plain(stoppedAfter(0.01))} << CheckStatus::Failed
        << QStringLiteral("was still waiting after 10 s, using almost no CPU (blocked: a deadlock, "
                          "or a sleep or receive that never ends) in 2 of 3 runs");
    QTest::newRow("busy: the CPU busy the whole time")
        << Runs{stoppedAfter(4.9), stoppedAfter(9.6)} << CheckStatus::Failed
        << QStringLiteral("kept the CPU busy for the whole 10 s without finishing (an endless "
                          "loop, or far too much work) in 2 of 2 runs");
    QTest::newRow("unclear: some CPU")
        << Runs{stoppedAfter(1.5)} << CheckStatus::Failed
        << QStringLiteral("did not finish within 10 s in 1 of 1 run");
    QTest::newRow("crash that the race detector reported")
        << Runs{failing(exited("", 66), FailureKind::SanitizerFatal,
                        "ERROR: ThreadSanitizer: SEGV on unknown address 0x000000000000"),
                plain(crashed("", SIGSEGV))}
        << CheckStatus::Failed
        << QStringLiteral("crashed with SIGSEGV (invalid memory access) in 2 of 2 runs");
    QTest::newRow("file-size limit")
        << Runs{good,
                [] {
                    RunRecord run = ended(RunOutcome::FileSizeExceeded);
                    run.result.limitHit = QStringLiteral("wrote a file as large as a run may (64 "
                                                         "MiB); the write failed");
                    return run;
                }()}
        << CheckStatus::Failed
        << QStringLiteral("was stopped: it wrote a file as large as a run may (64 MiB); the "
                          "write failed in 1 of 2 runs");
    QTest::newRow("panic via parsed failures")
        << Runs{good,
                failing(exited("", 2), FailureKind::Panic,
                        "runtime error: invalid memory address or nil pointer dereference"),
                good}
        << CheckStatus::Failed
        << QStringLiteral("stopped with \"runtime error: invalid memory address or nil pointer "
                          "dereference\" in 1 of 3 runs");
    QTest::newRow("negative WaitGroup counter")
        << Runs{good, good,
                failing(exited("", 2), FailureKind::NegativeWaitGroup,
                        "sync: negative WaitGroup counter")}
        << CheckStatus::Failed
        << QStringLiteral("stopped with \"sync: negative WaitGroup counter\" in 1 of 3 runs");
    QTest::newRow("deadlock in the plain build")
        << Runs{good, plain(failing(exited("", 2), FailureKind::Deadlock,
                                    "all goroutines are asleep - deadlock!"))}
        << CheckStatus::Failed
        << QStringLiteral("stopped in a deadlock (all goroutines were waiting) in 1 of 2 runs");
    QTest::newRow("timeouts and a crash")
        << Runs{ended(RunOutcome::TimedOut), crashed("", SIGSEGV), ended(RunOutcome::TimedOut),
                good}
        << CheckStatus::Failed
        << QStringLiteral("did not finish within 10 s in 2 of 4 runs; crashed with SIGSEGV "
                          "(invalid memory access) in 1 of 4 runs");
    QTest::newRow("harness runs are not judged")
        << Runs{good, harnessRun({}, 1), crashed("", SIGSEGV, BinaryKind::Harness), good}
        << CheckStatus::Passed << QStringLiteral("finished by itself within 10 s in all 2 runs");
    QTest::newRow("no program run")
        << Runs{} << CheckStatus::NotRun << QStringLiteral("not run: the program did not run");
}

void TestCheckEvaluator::cleanExit()
{
    QFETCH(Runs, runs);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);

    const CheckSpec check = spec(CheckKind::CleanExit, "clean-exit", 1);
    Situation situation;
    situation.runs = runs;
    verify(situation.evaluate(check), check, status, detail, check.hint);
}

void TestCheckEvaluator::raceFree_data()
{
    QTest::addColumn<Runs>("runs");
    QTest::addColumn<Races>("races");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("hint"); // empty: the check's own hint

    const RunRecord good = ok("10000\n");
    const Runs five{good, good, good, good, good};
    const RaceFinding counter =
        race(2, 5, site("write", "counter.go", 12), site("read", "counter.go", 18));
    QTest::newRow("one race") << five << Races{counter} << CheckStatus::Failed
                              << QStringLiteral("the race detector found 1 race: write at "
                                                "counter.go:12 vs read at counter.go:18 (in 2 of "
                                                "5 runs)")
                              << QString();
    QTest::newRow("the race's hint replaces the check's")
        << five
        << Races{race(1, 5, site("write", "counter.go", 30), site("write", "counter.go", 30)),
                 race(5, 5, site("read", "counter.go", 18), site("write", "counter.go", 12),
                      "Lock the mutex in Value too.")}
        << CheckStatus::Failed
        << QStringLiteral("the race detector found 2 races: write at counter.go:30 vs write at "
                          "counter.go:30 (in 1 of 5 runs); read at counter.go:18 vs write at "
                          "counter.go:12 (in 5 of 5 runs)")
        << QStringLiteral("Lock the mutex in Value too.");
    QTest::newRow("four races: three listed")
        << five
        << Races{race(5, 5, site("write", "counter.go", 12), site("write", "counter.go", 12)),
                 race(4, 5, site("read", "counter.go", 18), site("write", "counter.go", 12)),
                 race(2, 5, site("write", "counter.go", 40), site("read", "counter.go", 44)),
                 race(1, 5, site("atomic write", "counter.go", 50),
                      site("read", "/usr/lib/go-1.19/src/sync/mutex.go", 81))}
        << CheckStatus::Failed
        << QStringLiteral("the race detector found 4 races: write at counter.go:12 vs write at "
                          "counter.go:12 (in 5 of 5 runs); read at counter.go:18 vs write at "
                          "counter.go:12 (in 4 of 5 runs); write at counter.go:40 vs read at "
                          "counter.go:44 (in 2 of 5 runs); and 1 more")
        << QString();
    QTest::newRow("other detector reports are no data race")
        << Runs{good, good, harnessRun({})}
        << Races{race(3, 3, site("start thread", "counter.go", 20), site("lock", "counter.go", 9),
                      "", "thread-leak")}
        << CheckStatus::Passed
        << QStringLiteral("no race reported in 3 runs with the race detector") << QString();
    QTest::newRow("no race; plain runs do not count")
        << Runs{good, plain(good), good, plain(good), harnessRun({})} << Races{}
        << CheckStatus::Passed
        << QStringLiteral("no race reported in 3 runs with the race detector") << QString();
    QTest::newRow("none finished")
        << Runs{ended(RunOutcome::TimedOut), crashed("", SIGSEGV), ended(RunOutcome::TimedOut),
                plain(good)}
        << Races{} << CheckStatus::Failed
        << QStringLiteral("none of the 3 runs with the race detector finished, so races could not "
                          "be ruled out")
        << QString();
    QTest::newRow("a race in a run that did not finish still counts")
        << Runs{ended(RunOutcome::TimedOut)}
        << Races{race(1, 1, site("write", "counter.go", 12), site("read", "counter.go", 18))}
        << CheckStatus::Failed
        << QStringLiteral("the race detector found 1 race: write at counter.go:12 vs read at "
                          "counter.go:18 (in 1 of 1 runs)")
        << QString();
    QTest::newRow("only plain runs")
        << Runs{plain(good), plain(good)} << Races{} << CheckStatus::NotRun
        << QStringLiteral("not run: nothing ran with the race "
                          "detector")
        << QString();
}

void TestCheckEvaluator::raceFree()
{
    QFETCH(Runs, runs);
    QFETCH(Races, races);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);
    QFETCH(QString, hint);

    const CheckSpec check = spec(CheckKind::RaceFree, "no-races", 4);
    Situation situation;
    situation.runs = runs;
    situation.races = races;
    verify(situation.evaluate(check), check, status, detail, hint.isEmpty() ? check.hint : hint);
}

void TestCheckEvaluator::harness_data()
{
    addRunColumns();
    QTest::addColumn<bool>("raceFree");

    const HarnessVerdict pass = verdict("TestCounter", true, "1000 increments were all counted");
    const RunRecord passed = harnessRun({pass});
    const RunRecord program = ok("10000\n");
    QTest::newRow("passes in all runs")
        << Runs{program, passed, plain(program), passed} << CheckStatus::Passed
        << QStringLiteral("1000 increments were all counted (in all 2 runs)") << true;
    QTest::newRow("a fail verdict's detail is passed through")
        << Runs{passed,
                harnessRun({verdict("TestCounter", false, "Value() returned 987, want 1000")})}
        << CheckStatus::Failed << QStringLiteral("Value() returned 987, want 1000 in 1 of 2 runs")
        << false;
    QTest::newRow("other tests' verdicts do not count")
        << Runs{harnessRun({verdict("TestOther", false, "other"), pass}),
                harnessRun({pass, verdict("TestCounterLoad", false, "other")})}
        << CheckStatus::Passed << QStringLiteral("1000 increments were all counted (in all 2 runs)")
        << false;
    QTest::newRow("no verdict because of a timeout")
        << Runs{passed, ended(RunOutcome::TimedOut, "", BinaryKind::Harness)} << CheckStatus::Failed
        << QStringLiteral("the hidden test did not finish within 30 s in 1 of 2 runs") << false;
    QTest::newRow("no verdict, exit status 1")
        << Runs{passed, harnessRun({}, 1), harnessRun({verdict("TestOther", true, "fine")}, 1)}
        << CheckStatus::Failed
        << QStringLiteral("the hidden test ended before giving a result (exit status 1) in 2 of "
                          "3 runs")
        << false;
    QTest::newRow("no verdict, crashed")
        << Runs{crashed("", SIGSEGV, BinaryKind::Harness), passed} << CheckStatus::Failed
        << QStringLiteral("the hidden test crashed with SIGSEGV (invalid memory access) in 1 of 2 "
                          "runs")
        << false;
    RunRecord forged = harnessRun({pass});
    forged.forgedVerdictLines = 2;
    QTest::newRow("forged verdict lines void the run")
        << Runs{passed, forged} << CheckStatus::Failed
        << QStringLiteral("the program printed lines that imitate the hidden test's results; only "
                          "the hidden test may print them, so no result of that run counts in 1 "
                          "of 2 runs")
        << false;
    QTest::newRow("failures that differ only in figures are one")
        << Runs{harnessRun({verdict("TestCounter", false, "30 URLs took 2,397 ms")}),
                harnessRun({verdict("TestCounter", false, "30 URLs took 2,396 ms")}),
                harnessRun({verdict("TestCounter", false, "30 URLs took 2,397 ms")}), passed}
        << CheckStatus::Failed
        << QStringLiteral(
               "30 URLs took 2,397 ms in 3 of 4 runs (the figures are those of the first "
               "such run)")
        << false;
    QTest::newRow("verdict printed twice")
        << Runs{passed, harnessRun({pass, pass})} << CheckStatus::Failed
        << QStringLiteral("the result of the hidden test was printed 2 times; only the hidden "
                          "test may print result lines in 1 of 2 runs")
        << false;
    QTest::newRow("a pass and a fail verdict")
        << Runs{harnessRun({verdict("TestCounter", false, "lost updates"), pass})}
        << CheckStatus::Failed
        << QStringLiteral("the result of the hidden test was printed 2 times; only the hidden "
                          "test may print result lines in 1 of 1 run")
        << false;
    QTest::newRow("raceFree with a race in a harness run")
        << Runs{passed, racy(withVerdicts(harnessRun({}, 66), {pass}), "harness")}
        << CheckStatus::Failed
        << QStringLiteral("the race detector found a race while the hidden test ran in 1 of 2 "
                          "runs (at counter.go:12 and counter.go:18)")
        << true;
    QTest::newRow("the same race in two harness runs: its place once")
        << Runs{racy(withVerdicts(harnessRun({}, 66), {pass}), "harness"),
                racy(withVerdicts(harnessRun({}, 66), {pass}), "harness")}
        << CheckStatus::Failed
        << QStringLiteral("the race detector found a race while the hidden test ran in 2 of 2 "
                          "runs (at counter.go:12 and counter.go:18)")
        << true;
    QTest::newRow("race without raceFree")
        << Runs{passed, racy(withVerdicts(harnessRun({}, 66), {pass}), "harness")}
        << CheckStatus::Passed << QStringLiteral("1000 increments were all counted (in all 2 runs)")
        << false;
    QTest::newRow("races in program runs do not count")
        << Runs{racy(exited("10000\n", 66)), passed, passed} << CheckStatus::Passed
        << QStringLiteral("1000 increments were all counted (in all 2 runs)") << true;
    // Harness details may quote what the submission returned.
    QTest::newRow("percent placeholders in a fail detail")
        << Runs{passed, harnessRun({verdict("TestCounter", false, "Name() returned \"%1%2\"")})}
        << CheckStatus::Failed << QStringLiteral("Name() returned \"%1%2\" in 1 of 2 runs")
        << false;
    QTest::newRow("percent placeholders in a pass detail")
        << Runs{harnessRun({verdict("TestCounter", true, "Name() returned \"%1\"")}),
                harnessRun({verdict("TestCounter", true, "Name() returned \"%1\"")})}
        << CheckStatus::Passed << QStringLiteral("Name() returned \"%1\" (in all 2 runs)") << false;
    QTest::newRow("no harness run")
        << Runs{program, program} << CheckStatus::NotRun
        << QStringLiteral("not run: the hidden tests did not run") << true;
}

void TestCheckEvaluator::harness()
{
    QFETCH(Runs, runs);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);
    QFETCH(bool, raceFree);

    CheckSpec check = spec(CheckKind::Harness, "hidden", 3);
    check.harnessTest = QStringLiteral("TestCounter");
    check.raceFree = raceFree;
    Situation situation;
    situation.runs = runs;
    verify(situation.evaluate(check), check, status, detail, check.hint);
}

void TestCheckEvaluator::harnessBuildFailed_data()
{
    QTest::addColumn<Diagnostics>("diagnostics");
    QTest::addColumn<QString>("detail");

    const auto needs = [](const char *name) {
        return QStringLiteral("the hidden tests need `%1`, which your file does not define as the "
                              "instructions ask (check its name and signature)")
            .arg(str(name));
    };
    QTest::newRow("Go: undefined function")
        << Diagnostics{diagnostic("./racegrade_harness_test.go", 14, Severity::Error,
                                  "undefined: Load")}
        << needs("Load");
    QTest::newRow("Go: missing method")
        << Diagnostics{diagnostic("./racegrade_harness_test.go", 20, Severity::Error,
                                  "c.Load undefined (type *Config has no field or method Load)")}
        << needs("Load");
    QTest::newRow("gcc: missing member")
        << Diagnostics{diagnostic("harness.cpp", 22, Severity::Error,
                                  "'class Config' has no member named 'Load'")}
        << needs("Load");
    QTest::newRow("clang: missing member")
        << Diagnostics{diagnostic("harness.cpp", 22, Severity::Error,
                                  "no member named 'Load' in 'Config'")}
        << needs("Load");
    QTest::newRow("gcc: undeclared type")
        << Diagnostics{diagnostic("harness.cpp", 8, Severity::Error,
                                  "'SafeCounter' was not declared in this scope")}
        << needs("SafeCounter");
    QTest::newRow("after a warning and a note")
        << Diagnostics{diagnostic("counter.go", 3, Severity::Warning, "undefined: Warned"),
                       diagnostic("counter.go", 4, Severity::Note, "undefined: Noted"),
                       diagnostic("./racegrade_harness_test.go", 9, Severity::Error,
                                  "undefined: NewCounter")}
        << needs("NewCounter");
    QTest::newRow("another error")
        << Diagnostics{diagnostic("harness.cpp", 30, Severity::Error,
                                  "expected ';' before '}' token")}
        << QStringLiteral("the hidden tests could not be built with your code: expected ';' "
                          "before '}' token");
    QTest::newRow("no diagnostics") << Diagnostics{}
                                    << QStringLiteral("the hidden tests could not be built with "
                                                      "your code");
}

void TestCheckEvaluator::harnessBuildFailed()
{
    QFETCH(Diagnostics, diagnostics);
    QFETCH(QString, detail);

    CheckSpec check = spec(CheckKind::Harness, "hidden", 3);
    check.harnessTest = QStringLiteral("TestConfig");
    Situation situation;
    situation.build.harness = failed(diagnostics);
    // Even a run that printed a pass cannot count when the harness was not built.
    situation.runs = {ok("10000\n"), harnessRun({verdict("TestConfig", true, "loaded once")})};
    verify(situation.evaluate(check), check, CheckStatus::Failed, detail, check.hint);
}

void TestCheckEvaluator::missingName_data()
{
    QTest::addColumn<Diagnostics>("diagnostics");
    QTest::addColumn<QString>("name");

    const auto error = [](const char *message) {
        return Diagnostics{diagnostic("harness.cpp", 5, Severity::Error, message)};
    };
    QTest::newRow("go undefined") << error("undefined: Load") << QStringLiteral("Load");
    QTest::newRow("go method") << error("cfg.Load undefined (type *Config has no field or method "
                                        "Load)")
                               << QStringLiteral("Load");
    QTest::newRow("gcc member") << error("'class Config' has no member named 'Load'")
                                << QStringLiteral("Load");
    QTest::newRow("clang member") << error("no member named 'Load' in 'Config'")
                                  << QStringLiteral("Load");
    QTest::newRow("gcc scope") << error("'SafeCounter' was not declared in this scope")
                               << QStringLiteral("SafeCounter");
    QTest::newRow("clang identifier")
        << error("use of undeclared identifier 'SafeCounter'") << QStringLiteral("SafeCounter");
    QTest::newRow("gcc type") << error("'SafeCounter' does not name a type")
                              << QStringLiteral("SafeCounter");
    QTest::newRow("clang type") << error("unknown type name 'SafeCounter'")
                                << QStringLiteral("SafeCounter");
    QTest::newRow("undefined only at the start")
        << error("cannot use x (variable of type int) as string value; undefined: Y") << QString();
    QTest::newRow("warnings do not count")
        << Diagnostics{diagnostic("a.go", 1, Severity::Warning, "undefined: Load")} << QString();
    QTest::newRow("unrelated error") << error("missing return") << QString();
    QTest::newRow("none") << Diagnostics{} << QString();
}

void TestCheckEvaluator::missingName()
{
    QFETCH(Diagnostics, diagnostics);
    QFETCH(QString, name);
    QCOMPARE(CheckEvaluator::missingName(diagnostics), name);
}

void TestCheckEvaluator::vet_data()
{
    QTest::addColumn<BuildStep>("vet");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detail");

    QTest::newRow("pass") << succeeded() << CheckStatus::Passed
                          << QStringLiteral("go vet (copylocks, loopclosure) found nothing");
    QTest::newRow("findings listed")
        << failed({diagnostic("counter.go", 9, Severity::Warning,
                              "assignment copies lock value to c: sync.Mutex"),
                   diagnostic("counter.go", 21, Severity::Warning,
                              "loop variable i captured by func literal")})
        << CheckStatus::Failed
        << QStringLiteral("go vet: counter.go:9: assignment copies lock value to c: sync.Mutex; "
                          "counter.go:21: loop variable i captured by func literal");
    QTest::newRow("at most three findings")
        << failed({diagnostic("counter.go", 1, Severity::Warning, "one"),
                   diagnostic("counter.go", 2, Severity::Warning, "two"),
                   diagnostic("counter.go", 3, Severity::Warning, "three"),
                   diagnostic("counter.go", 4, Severity::Warning, "four")})
        << CheckStatus::Failed
        << QStringLiteral("go vet: counter.go:1: one; counter.go:2: two; counter.go:3: three");
    QTest::newRow("no diagnostics: first lines of the output")
        << failed({}, "  # example.com/counter\nvet: main.go:3:1: odd\nthird line\n")
        << CheckStatus::Failed
        << QStringLiteral("go vet: # example.com/counter\nvet: main.go:3:1: odd");
    BuildStep slow = failed({});
    slow.outcome = RunOutcome::TimedOut;
    QTest::newRow("did not finish")
        << slow << CheckStatus::Failed << QStringLiteral("go vet did not finish");
    QTest::newRow("not attempted")
        << BuildStep{} << CheckStatus::NotRun << QStringLiteral("not run: go vet was not run");
}

void TestCheckEvaluator::vet()
{
    QFETCH(BuildStep, vet);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);

    CheckSpec check = spec(CheckKind::Vet, "locks", 1);
    check.analyzers = QStringList{QStringLiteral("copylocks"), QStringLiteral("loopclosure")};
    Situation situation;
    situation.build.vet = vet;
    situation.runs = {ok("10000\n")};
    verify(situation.evaluate(check), check, status, detail, check.hint);
}

void TestCheckEvaluator::nothingRunsWithoutABuild()
{
    CheckSpec total = spec(CheckKind::FinalLine, "total", 2);
    total.expect = QStringLiteral("10000");
    CheckSpec lines = spec(CheckKind::LineCount, "lines", 1);
    lines.pattern = QStringLiteral("done");
    CheckSpec hidden = spec(CheckKind::Harness, "hidden", 3);
    hidden.harnessTest = QStringLiteral("TestCounter");
    CheckSpec vet = spec(CheckKind::Vet, "vet", 1);
    vet.analyzers = QStringList{QStringLiteral("copylocks")};
    const QVector<CheckSpec> checks{
        spec(CheckKind::RaceFree, "races", 4), total,  lines, spec(CheckKind::Compile, "build", 1),
        spec(CheckKind::CleanExit, "exit", 1), hidden, vet};

    Situation situation;
    situation.build.program =
        failed({diagnostic("counter.go", 12, Severity::Error, "undefined: mu")});
    // Stale runs and races must not be judged when the program did not build.
    situation.runs = {ok("10000\n"), harnessRun({verdict("TestCounter", true, "fine")})};
    situation.races = {race(1, 1, site("write", "counter.go", 12), site("read", "counter.go", 18))};
    const QVector<CheckResult> results = situation.evaluate(checks);
    QCOMPARE(results.size(), checks.size());
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const CheckSpec &check = checks.at(i);
        if (check.kind == CheckKind::Compile) {
            verify(results.at(i), check, CheckStatus::Failed,
                   QStringLiteral("does not compile: counter.go:12: undefined: mu"), check.hint);
        } else {
            verify(results.at(i), check, CheckStatus::NotRun,
                   QStringLiteral("not run: the program did not compile"), QString());
        }
        if (QTest::currentTestFailed()) {
            return;
        }
    }
}

void TestCheckEvaluator::requirements_data()
{
    QTest::addColumn<QStringList>("requiresAnyOf");
    QTest::addColumn<bool>("totalPasses");
    QTest::addColumn<bool>("hiddenPasses");
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("detail");

    const QString own = QStringLiteral("no race reported in 3 runs with the race detector");
    const QString total = QStringLiteral("total");
    const QString hidden = QStringLiteral("hidden");
    QTest::newRow("no requirement")
        << QStringList() << false << false << CheckStatus::Passed << own;
    QTest::newRow("requirement passed")
        << QStringList{total} << true << false << CheckStatus::Passed << own;
    QTest::newRow("requirement failed")
        << QStringList{total} << false << true << CheckStatus::Failed
        << QStringLiteral("not counted yet: this only earns points once \"Title of total\" "
                          "passes (on its own it would: ") +
               own + u')';
    QTest::newRow("one of two passed")
        << QStringList{total, hidden} << false << true << CheckStatus::Passed << own;
    QTest::newRow("neither of two passed")
        << QStringList{total, hidden} << false << false << CheckStatus::Failed
        << QStringLiteral("not counted yet: this only earns points once \"Title of total\" or "
                          "\"Title of hidden\" passes (on its own it would: ") +
               own + u')';
}

void TestCheckEvaluator::requirements()
{
    QFETCH(QStringList, requiresAnyOf);
    QFETCH(bool, totalPasses);
    QFETCH(bool, hiddenPasses);
    QFETCH(CheckStatus, status);
    QFETCH(QString, detail);

    CheckSpec total = spec(CheckKind::FinalLine, "total", 3);
    total.expect = QStringLiteral("10000");
    CheckSpec hidden = spec(CheckKind::Harness, "hidden", 3);
    hidden.harnessTest = QStringLiteral("TestCounter");
    CheckSpec races = spec(CheckKind::RaceFree, "races", 4);
    races.requiresAnyOf = requiresAnyOf;

    Situation situation;
    const RunRecord program = ok(totalPasses ? "10000\n" : "0\n");
    situation.runs = {program, program,
                      harnessRun({verdict("TestCounter", hiddenPasses, "counted")})};
    const QVector<CheckResult> results = situation.evaluate({total, races, hidden});
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).passed(), totalPasses);
    QCOMPARE(results.at(2).passed(), hiddenPasses);
    verify(results.at(1), races, status, detail, races.hint);
}

void TestCheckEvaluator::pointsAndHints()
{
    CheckSpec total = spec(CheckKind::FinalLine, "total", 3);
    total.expect = QStringLiteral("10000");
    CheckSpec free = spec(CheckKind::CleanExit, "exit", 0);
    free.hint.clear();
    const QVector<CheckSpec> checks{spec(CheckKind::Compile, "build", 1), total,
                                    spec(CheckKind::RaceFree, "races", 4), free};
    Situation situation;
    situation.runs = {ok("10000\n"), exited("9999\n", 3)};

    const QVector<CheckResult> results = situation.evaluate(checks);
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).status, CheckStatus::Passed);
    QCOMPARE(results.at(0).points, 1);
    QCOMPARE(results.at(0).hint, QString());
    QCOMPARE(results.at(1).status, CheckStatus::Failed);
    QCOMPARE(results.at(1).points, 0);
    QCOMPARE(results.at(1).maxPoints, 3);
    QCOMPARE(results.at(1).hint, QStringLiteral("The hint of total."));
    QCOMPARE(results.at(2).status, CheckStatus::Passed);
    QCOMPARE(results.at(2).points, 4);
    QCOMPARE(results.at(2).hint, QString());
    // A failed check without a hint of its own gets none.
    QCOMPARE(results.at(3).status, CheckStatus::Failed);
    QCOMPARE(results.at(3).detail, QStringLiteral("exited with status 3 in 1 of 2 runs"));
    QCOMPARE(results.at(3).points, 0);
    QCOMPARE(results.at(3).maxPoints, 0);
    QCOMPARE(results.at(3).hint, QString());

    int earned = 0;
    for (const CheckResult &result : results) {
        earned += result.points;
    }
    QCOMPARE(earned, 5);
}

void TestCheckEvaluator::readableNumber_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("readable");

    QTest::newRow("ten thousand") << QStringLiteral("10000") << QStringLiteral("10,000");
    QTest::newRow("a million") << QStringLiteral("1000000") << QStringLiteral("1,000,000");
    QTest::newRow("four digits") << QStringLiteral("9874") << QStringLiteral("9,874");
    QTest::newRow("three digits") << QStringLiteral("999") << QStringLiteral("999");
    QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0");
    QTest::newRow("negative") << QStringLiteral("-12345") << QStringLiteral("-12,345");
    QTest::newRow("already grouped") << QStringLiteral("10,000") << QStringLiteral("10,000");
    QTest::newRow("decimal") << QStringLiteral("12345.5") << QStringLiteral("12345.5");
    QTest::newRow("words") << QStringLiteral("all done") << QStringLiteral("all done");
    QTest::newRow("number and words")
        << QStringLiteral("10000 done") << QStringLiteral("10000 done");
    QTest::newRow("empty") << QString() << QString();
}

void TestCheckEvaluator::readableNumber()
{
    QFETCH(QString, text);
    QFETCH(QString, readable);
    QCOMPARE(CheckEvaluator::readableNumber(text), readable);
}

QTEST_GUILESS_MAIN(TestCheckEvaluator)
#include "tst_checkevaluator.moc"
