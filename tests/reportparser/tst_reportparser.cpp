#include "reportparser.h"
#include "stackframeparser.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::ParsedOutput)

// The fixtures in data/ are outputs of small racy programs run on Debian 12 with go 1.19
// (go run -race, go test -race), g++ 12 and clang++ 14 (-fsanitize=thread), with the program
// folders renamed to /home/student/racedemo and /home/student/tsan. go-interleaved.txt has two
// program lines moved into its second report; go-fatal-stack-overflow.txt is shortened to three
// frames; go-old-format.txt, tsan-fatal-memory-mapping.txt and garbage.txt are written by hand.

namespace {

const char GoDemo[] = "/home/student/racedemo/";
const char GoRoot[] = "/usr/lib/go-1.19/src/";
const char OldGoRoot[] = "/usr/local/go/src/pkg/runtime/";
const char TsanDemo[] = "/home/student/tsan/";
const char TsanRuntime[] = "../../../../src/libsanitizer/";
const char GccStd[] = "/usr/include/c++/12/bits/";
const char ClangStd[] = "/usr/bin/../lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12/bits/";

const char StartThread[] = "std::thread::_M_start_thread(std::unique_ptr<std::thread::_State, "
                           "std::default_delete<std::thread::_State> >, void (*)())";
const char Interceptors[] = "sanitizer_common/sanitizer_common_interceptors.inc";
const char PosixInterceptors[] = "tsan/tsan_interceptors_posix.cpp";

const AccessOp Read = AccessOp::Read;
const AccessOp Write = AccessOp::Write;
const ThreadState Unknown = ThreadState::Unknown;
const ThreadState Running = ThreadState::Running;
const ThreadState Finished = ThreadState::Finished;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

StackFrame frame(const char *function, const QString &file, int line, int column = 0,
                 const char *module = "")
{
    return StackFrame{s(function), file, line, column, s(module)};
}

/// A frame of the Go programs in data/, or of the Go 1.19 library.
StackFrame goDemo(const char *function, const char *file, int line)
{
    return frame(function, s(GoDemo) + s(file), line);
}

StackFrame goLib(const char *function, const char *file, int line)
{
    return frame(function, s(GoRoot) + s(file), line);
}

/// A ThreadSanitizer frame in the C and C++ programs in data/, or in gcc's libtsan.
StackFrame tsanDemo(const char *function, const char *file, int line, int column,
                    const char *module)
{
    return frame(function, s(TsanDemo) + s(file), line, column, module);
}

StackFrame libtsan(const char *function, const char *file, int line)
{
    return frame(function, s(TsanRuntime) + s(file), line, 0, "libtsan.so.2");
}

StackFrame noSource(const char *function, const char *module)
{
    return frame(function, QString(), 0, 0, module);
}

// What std::thread puts below a thread function, for a plain function and for a gcc lambda.
Stack stdThreadFrames(const char *stdDir, bool columns, const char *module)
{
    const QString dir = s(stdDir);
    auto at = [&](const char *function, const char *file, int line, int column) {
        return frame(function, dir + s(file), line, columns ? column : 0, module);
    };
    return {
        at("void std::__invoke_impl<void, void (*)()>(std::__invoke_other, void (*&&)())",
           "invoke.h", 61, 14),
        at("std::__invoke_result<void (*)()>::type std::__invoke<void (*)()>(void (*&&)())",
           "invoke.h", 96, 14),
        at("void std::thread::_Invoker<std::tuple<void (*)()> >::_M_invoke<0ul>("
           "std::_Index_tuple<0ul>)",
           "std_thread.h", 252, 13),
        at("std::thread::_Invoker<std::tuple<void (*)()> >::operator()()", "std_thread.h", 259, 11),
        at("std::thread::_State_impl<std::thread::_Invoker<std::tuple<void (*)()> > >::_M_run()",
           "std_thread.h", 210, 13),
        noSource("", "libstdc++.so.6")};
}

Stack gccLambdaThreadFrames(const char *module)
{
    const QString dir = s(GccStd);
    return {frame("__invoke_impl<void, main()::<lambda()> >", dir + s("invoke.h"), 61, 0, module),
            frame("__invoke<main()::<lambda()> >", dir + s("invoke.h"), 96, 0, module),
            frame("_M_invoke<0>", dir + s("std_thread.h"), 252, 0, module),
            frame("operator()", dir + s("std_thread.h"), 259, 0, module),
            frame("_M_run", dir + s("std_thread.h"), 210, 0, module),
            noSource("", "libstdc++.so.6")};
}

MemoryAccess access(AccessOp op, int size, const char *address, const char *thread,
                    ThreadState state, const Stack &stack)
{
    return MemoryAccess{op, false, size, s(address), s(thread), state, {}, stack};
}

MemoryAccess previous(MemoryAccess access, const QStringList &mutexesHeld = {})
{
    access.previous = true;
    access.mutexesHeld = mutexesHeld;
    return access;
}

ThreadCreation goroutine(int id, ThreadState state, const Stack &stack)
{
    return ThreadCreation{QStringLiteral("goroutine %1").arg(id), state, QString(), stack};
}

ThreadCreation createdByMain(const char *thread, ThreadState state, const Stack &stack)
{
    return ThreadCreation{s(thread), state, QStringLiteral("main thread"), stack};
}

LocationNote location(const char *description, const Stack &stack = {})
{
    return LocationNote{s(description), stack};
}

MutexNote mutex(const char *name, const char *address, const Stack &createdAt = {})
{
    return MutexNote{s(name), s(address), createdAt};
}

RaceReport goRace(const QVector<MemoryAccess> &accesses, const QVector<ThreadCreation> &creations)
{
    RaceReport report;
    report.headline = QStringLiteral("DATA RACE");
    report.accesses = accesses;
    report.creations = creations;
    return report;
}

RaceReport tsanReport(ReportKind kind, const char *headline, const char *summary)
{
    RaceReport report;
    report.kind = kind;
    report.headline = QStringLiteral("ThreadSanitizer: ") + s(headline);
    report.summary = QStringLiteral("ThreadSanitizer: ") + s(summary);
    return report;
}

ParsedOutput output(const QVector<RaceReport> &races, const QVector<RuntimeFailure> &failures,
                    int reportedCount)
{
    return ParsedOutput{races, failures, reportedCount};
}

ParsedOutput failureOutput(FailureKind kind, const char *message, const Stack &stack)
{
    return output({}, {RuntimeFailure{kind, s(message), stack}}, -1);
}

QString fixtureText(const QString &name)
{
    QFile file(QFINDTESTDATA(QStringLiteral("data/") + name));
    if (!file.open(QIODevice::ReadOnly)) {
        return QString();
    }
    return QString::fromUtf8(file.readAll());
}

// A complete rendering of a parse, one fact a line, so that a mismatch names the first differing
// fact instead of only saying that two values differ.
QString describeFrame(const StackFrame &f)
{
    return QStringLiteral("%1 | %2:%3:%4 | %5")
        .arg(f.function, f.file, QString::number(f.line), QString::number(f.column), f.module);
}

void describeStack(const char *label, const Stack &stack, QStringList &lines)
{
    lines << s(label) + QStringLiteral(" frames: %1").arg(stack.size());
    for (const StackFrame &f : stack) {
        lines << QStringLiteral("  ") + describeFrame(f);
    }
}

QStringList describe(const ParsedOutput &parsed)
{
    QStringList lines{QStringLiteral("reportedCount %1").arg(parsed.reportedCount)};
    for (const RaceReport &r : parsed.races) {
        lines << QStringLiteral("report kind=%1 headline=%2 summary=%3")
                     .arg(QString::number(int(r.kind)), r.headline, r.summary);
        describeStack("stack", r.stack, lines);
        for (const MemoryAccess &a : r.accesses) {
            lines << QStringLiteral("access op=%1 previous=%2 size=%3 at=%4 by=%5 state=%6 held=%7")
                         .arg(QString::number(int(a.op)), QString::number(int(a.previous)),
                              QString::number(a.size), a.address, a.thread,
                              QString::number(int(a.threadState)),
                              a.mutexesHeld.join(QLatin1Char(',')));
            describeStack("access", a.stack, lines);
        }
        for (const ThreadCreation &c : r.creations) {
            lines << QStringLiteral("creation %1 state=%2 creator=%3")
                         .arg(c.thread, QString::number(int(c.state)), c.creator);
            describeStack("creation", c.stack, lines);
        }
        for (const LocationNote &l : r.locations) {
            lines << QStringLiteral("location ") + l.description;
            describeStack("location", l.stack, lines);
        }
        for (const MutexNote &m : r.mutexes) {
            lines << QStringLiteral("mutex %1 %2").arg(m.name, m.address);
            describeStack("mutex", m.createdAt, lines);
        }
        for (const Stack &extra : r.extraStacks) {
            describeStack("extra", extra, lines);
        }
    }
    for (const RuntimeFailure &f : parsed.failures) {
        lines << QStringLiteral("failure kind=%1 message=%2")
                     .arg(QString::number(int(f.kind)), f.message);
        describeStack("failure", f.stack, lines);
    }
    return lines;
}

void verifyOutput(const ParsedOutput &actual, const ParsedOutput &expected)
{
    if (actual == expected) {
        return;
    }
    const QStringList got = describe(actual);
    const QStringList want = describe(expected);
    for (qsizetype i = 0; i < qMax(got.size(), want.size()); ++i) {
        const QString gotLine = got.value(i, QStringLiteral("<nothing>"));
        const QString wantLine = want.value(i, QStringLiteral("<nothing>"));
        if (gotLine != wantLine) {
            QFAIL(qPrintable(QStringLiteral("first difference at fact %1\n   actual: %2\n "
                                            "expected: %3")
                                 .arg(QString::number(i), gotLine, wantLine)));
        }
    }
    QFAIL("outputs differ in a field that describe() does not show");
}

} // namespace

class TestReportParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goRaceReports_data();
    void goRaceReports() { verifyFixture(); }
    void sanitizerReports_data();
    void sanitizerReports() { verifyFixture(); }
    void runtimeFailures_data();
    void runtimeFailures() { verifyFixture(); }
    void nothingToFind_data();
    void nothingToFind();
    void unterminatedReports();
    void sanitizerFrameLines_data();
    void sanitizerFrameLines();
    void goFrameLines_data();
    void goFrameLines();
    void parsingIsStable_data();
    void parsingIsStable();

private:
    static void addFixtureColumns();
    static void verifyFixture();
};

void TestReportParser::addFixtureColumns()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<ParsedOutput>("expected");
}

void TestReportParser::verifyFixture()
{
    QFETCH(QString, fixture);
    QFETCH(ParsedOutput, expected);
    const QString text = fixtureText(fixture);
    QVERIFY2(!text.isEmpty(), qPrintable(fixture));
    verifyOutput(ReportParser::parse(text), expected);
}

void TestReportParser::goRaceReports_data()
{
    addFixtureColumns();

    QTest::newRow("single race with main goroutine")
        << s("go-main-goroutine.txt")
        << output({goRace({access(Write, 0, "0x00c0000ae008", "goroutine 7", Running,
                                  {goDemo("main.main.func1", "mainrace/main.go", 9)}),
                           previous(access(Read, 0, "0x00c0000ae008", "main goroutine", Unknown,
                                           {goDemo("main.main", "mainrace/main.go", 12)}))},
                          {goroutine(7, Running, {goDemo("main.main", "mainrace/main.go", 8)})})},
                  {}, 1);

    const Stack visit14 = {goDemo("main.visit", "visits/main.go", 14),
                           goDemo("main.main.func1", "visits/main.go", 25)};
    const Stack visit16 = {goDemo("main.visit", "visits/main.go", 16),
                           goDemo("main.main.func1", "visits/main.go", 25)};
    const Stack visitStarted = {goDemo("main.main", "visits/main.go", 25)};
    QTest::newRow("two races with program output interleaved")
        << s("go-interleaved.txt")
        << output(
               {goRace(
                    {access(Read, 0, "0x0000005db600", "goroutine 8", Running, visit14),
                     previous(access(Write, 0, "0x0000005db600", "goroutine 7", Running, visit14))},
                    {goroutine(8, Running, visitStarted), goroutine(7, Running, visitStarted)}),
                goRace(
                    {access(Write, 0, "0x0000005ac830", "goroutine 8", Running, visit16),
                     previous(
                         access(Write, 0, "0x0000005ac830", "goroutine 7", Finished, visit16))},
                    {goroutine(8, Running, visitStarted), goroutine(7, Finished, visitStarted)})},
               {}, 2);

    const Stack closure = {goDemo("main.main.func1", "slicemap/main.go", 22),
                           goDemo("main.main.func2", "slicemap/main.go", 24)};
    const Stack mapStorePut = {goLib("runtime.mapassign_fast64", "runtime/map_fast64.go", 93),
                               goDemo("main.MapStore.Put", "slicemap/main.go", 12),
                               goDemo("main.main.func1", "slicemap/main.go", 23),
                               goDemo("main.main.func2", "slicemap/main.go", 24)};
    const Stack sliceStarted = {goDemo("main.main", "slicemap/main.go", 20)};
    auto sliceRace = [&](AccessOp op, const char *address, const Stack &now, const Stack &before) {
        return goRace({access(op, 0, address, "goroutine 8", Running, now),
                       previous(access(Write, 0, address, "goroutine 7", Finished, before))},
                      {goroutine(8, Running, sliceStarted), goroutine(7, Finished, sliceStarted)});
    };
    QTest::newRow("runtime frames first")
        << s("go-runtime-frames.txt")
        << output({sliceRace(Read, "0x00c0000a4018", closure, closure),
                   sliceRace(Read, "0x00c0000180b8",
                             Stack{goLib("runtime.growslice", "runtime/slice.go", 178)} + closure,
                             closure),
                   sliceRace(Write, "0x00c00009c150", mapStorePut, mapStorePut)},
                  {}, 3);

    QTest::newRow("atomic add through an autogenerated wrapper")
        << s("go-atomic-autogenerated.txt")
        << output(
               {goRace({access(Write, 0, "0x00c0000180b8", "goroutine 8", Running,
                               {goDemo("main.main.func2", "atomicrace/main.go", 19)}),
                        previous(access(Write, 0, "0x00c0000180b8", "goroutine 7", Finished,
                                        {goLib("sync/atomic.AddInt64", "runtime/race_amd64.s", 289),
                                         frame("sync/atomic.AddInt64", s("<autogenerated>"), 1)}))},
                       {goroutine(8, Running, {goDemo("main.main", "atomicrace/main.go", 17)}),
                        goroutine(7, Finished, {goDemo("main.main", "atomicrace/main.go", 13)})})},
               {}, 1);

    const Stack deposit = {goDemo("racedemo/bank.Deposit", "bank/bank.go", 5),
                           goDemo("racedemo/bank.TestDeposit.func1", "bank/bank_test.go", 15)};
    const Stack testStarted = {goDemo("racedemo/bank.TestDeposit", "bank/bank_test.go", 13),
                               goLib("testing.tRunner", "testing/testing.go", 1446),
                               goLib("testing.(*T).Run.func1", "testing/testing.go", 1493)};
    QTest::newRow("go test output without a count")
        << s("go-test.txt")
        << output(
               {goRace(
                   {access(Read, 0, "0x000000701e50", "goroutine 9", Running, deposit),
                    previous(access(Write, 0, "0x000000701e50", "goroutine 8", Finished, deposit))},
                   {goroutine(9, Running, testStarted), goroutine(8, Finished, testStarted)})},
               {}, -1);

    const QString inventory = s("/home/student/inventory/inventory.go");
    const QString procC = s(OldGoRoot) + s("proc.c");
    QTest::newRow("old format without addresses")
        << s("go-old-format.txt")
        << output({goRace({access(Write, 0, "", "goroutine 6", Running,
                                  {frame("main.restock", inventory, 17),
                                   frame("gosched0", procC, 1218)}),
                           previous(access(Read, 0, "", "main goroutine", Unknown,
                                           {frame("main.main", inventory, 28),
                                            frame("runtime.main", procC, 182)}))},
                          {goroutine(6, Running,
                                     {frame("main.main", inventory, 25),
                                      frame("runtime.main", procC, 182)})})},
                  {}, 1);
}

void TestReportParser::sanitizerReports_data()
{
    addFixtureColumns();
    const StackFrame gccThreadCreate = libtsan("pthread_create", PosixInterceptors, 1001);
    const StackFrame startThread = noSource(StartThread, "libstdc++.so.6");

    RaceReport gcc = tsanReport(ReportKind::DataRace, "data race (pid=7005)",
                                "data race /home/student/tsan/global.cpp:14 in main");
    gcc.accesses = {access(Read, 4, "0x56059c19909c", "main thread", Unknown,
                           {tsanDemo("main", "global.cpp", 14, 0, "counter-g++")}),
                    previous(access(Write, 4, "0x56059c19909c", "T1", Finished,
                                    Stack{tsanDemo("bump()", "global.cpp", 8, 0, "counter-g++")} +
                                        stdThreadFrames(GccStd, false, "counter-g++")))};
    gcc.locations = {location("global 'count' of size 4 at 0x56059c19909c (counter-g+++0x409c)")};
    gcc.creations = {createdByMain(
        "T1", Finished,
        {gccThreadCreate, startThread, tsanDemo("main", "global.cpp", 13, 0, "counter-g++")})};
    QTest::newRow("gcc std::thread without columns")
        << s("tsan-gcc-std-thread.txt") << output({gcc}, {}, 1);

    RaceReport clang = tsanReport(ReportKind::DataRace, "data race (pid=7044)",
                                  "data race /home/student/tsan/global.cpp:14:10 in main");
    clang.accesses = {access(Write, 4, "0x5614ab2656a8", "main thread", Unknown,
                             {tsanDemo("main", "global.cpp", 14, 10, "counter")}),
                      previous(access(Write, 4, "0x5614ab2656a8", "T1", Finished,
                                      Stack{tsanDemo("bump()", "global.cpp", 8, 10, "counter")} +
                                          stdThreadFrames(ClangStd, true, "counter")))};
    clang.locations = {location("global 'count' of size 4 at 0x5614ab2656a8 (counter+0x14fc6a8)")};
    clang.creations = {createdByMain("T1", Finished,
                                     {noSource("pthread_create", "counter"), startThread,
                                      tsanDemo("main", "global.cpp", 13, 17, "counter")})};
    QTest::newRow("clang std::thread with columns and BuildId")
        << s("tsan-clang-std-thread.txt") << output({clang}, {}, 1);

    RaceReport ledger = tsanReport(ReportKind::DataRace, "data race (pid=7051)",
                                   "data race /home/student/tsan/ledger.c:26:30 in audit");
    ledger.accesses = {access(Read, 8, "0x7b0c00000028", "T2", Running,
                              {tsanDemo("audit", "ledger.c", 26, 30, "ledger")}),
                       previous(access(Write, 8, "0x7b0c00000028", "T1", Finished,
                                       {tsanDemo("post", "ledger.c", 16, 18, "ledger")}),
                                {s("M0")})};
    ledger.creations = {createdByMain("T2", Running,
                                      {noSource("pthread_create", "ledger"),
                                       tsanDemo("main", "ledger.c", 36, 5, "ledger")}),
                        createdByMain("T1", Finished,
                                      {noSource("pthread_create", "ledger"),
                                       tsanDemo("main", "ledger.c", 35, 5, "ledger")})};
    ledger.locations = {
        location("heap block of size 48 at 0x7b0c00000000 allocated by main thread",
                 {noSource("calloc", "ledger"), tsanDemo("main", "ledger.c", 32, 24, "ledger")})};
    ledger.mutexes = {mutex(
        "M0", "0x7b0c00000000",
        {noSource("pthread_mutex_init", "ledger"), tsanDemo("main", "ledger.c", 33, 5, "ledger")})};
    QTest::newRow("heap block, mutex held, named thread")
        << s("tsan-clang-heap-mutex.txt") << output({ledger}, {}, 1);

    RaceReport atomic = tsanReport(ReportKind::DataRace, "data race (pid=7061)",
                                   "data race /home/student/tsan/atomicprev.cpp:11 in main");
    atomic.accesses = {
        access(Read, 8, "0x5620b0f3c0a0", "main thread", Unknown,
               {tsanDemo("main", "atomicprev.cpp", 11, 0, "flag")}),
        previous(access(AccessOp::AtomicWrite, 8, "0x5620b0f3c0a0", "T1", Finished,
                        Stack{tsanDemo("operator()", "atomicprev.cpp", 9, 0, "flag")} +
                            gccLambdaThreadFrames("flag")))};
    atomic.locations = {location("global 'ready' of size 8 at 0x5620b0f3c0a0 (flag+0x40a0)")};
    atomic.creations = {createdByMain(
        "T1", Finished,
        {gccThreadCreate, startThread, tsanDemo("main", "atomicprev.cpp", 9, 0, "flag")})};
    QTest::newRow("previous atomic write, sleep note skipped")
        << s("tsan-gcc-previous-atomic.txt") << output({atomic}, {}, 1);

    RaceReport destroy =
        tsanReport(ReportKind::DestroyOfLockedMutex, "destroy of a locked mutex (pid=7069)",
                   "destroy of a locked mutex /home/student/tsan/destroylocked.cpp:8 in main");
    destroy.stack = {libtsan("pthread_mutex_destroy", PosixInterceptors, 1312),
                     tsanDemo("main", "destroylocked.cpp", 8, 0, "teardown")};
    destroy.extraStacks = {{libtsan("pthread_mutex_lock", Interceptors, 4324),
                            tsanDemo("main", "destroylocked.cpp", 7, 0, "teardown")}};
    destroy.locations = {location("stack of main thread"),
                         location("global '<null>' at 0x000000000000 ([stack]+0x1efa0)")};
    destroy.mutexes = {mutex("M9", "0x7fffeabd5fa0",
                             {libtsan("pthread_mutex_init", PosixInterceptors, 1295),
                              tsanDemo("main", "destroylocked.cpp", 6, 0, "teardown")})};
    QTest::newRow("destroy of a locked mutex with two locations")
        << s("tsan-gcc-destroy-locked-two-locations.txt") << output({destroy}, {}, 1);

    RaceReport gccCycle = tsanReport(ReportKind::LockOrderInversion,
                                     "lock-order-inversion (potential deadlock) (pid=7075)",
                                     "lock-order-inversion (potential deadlock) "
                                     "/home/student/tsan/forks.c:10 in take");
    gccCycle.mutexes = {mutex("M0", "0x55d0de91c080"), mutex("M1", "0x55d0de91c0c0"),
                        mutex("M2", "0x55d0de91c100")};
    for (int seatLine : {19, 21, 23}) {
        gccCycle.extraStacks.append({libtsan("pthread_mutex_lock", Interceptors, 4324),
                                     tsanDemo("take", "forks.c", 10, 0, "forks"),
                                     tsanDemo("philosopher", "forks.c", seatLine, 0, "forks")});
    }
    const Stack gccForksStarted = {gccThreadCreate, tsanDemo("main", "forks.c", 32, 0, "forks")};
    gccCycle.creations = {createdByMain("T1", Finished, gccForksStarted),
                          createdByMain("T2", Finished, gccForksStarted),
                          createdByMain("T3", Running, gccForksStarted)};
    QTest::newRow("lock-order inversion over three mutexes")
        << s("tsan-gcc-lock-order-3-mutexes.txt") << output({gccCycle}, {}, 1);

    RaceReport clangCycle = tsanReport(
        ReportKind::LockOrderInversion, "lock-order-inversion (potential deadlock) (pid=7083)",
        "lock-order-inversion (potential deadlock) (/home/student/tsan/forks+0x6ef3a) "
        "(BuildId: 56d52a906588c9e30124075385db9f11651c78d3) in "
        "__interceptor_pthread_mutex_lock");
    clangCycle.mutexes = {mutex("M0", "0x55cb5833b258"), mutex("M1", "0x55cb5833b280"),
                          mutex("M2", "0x55cb5833b2a8")};
    // Each edge of the cycle, then where the same thread took the mutex it held.
    for (int seatLine : {19, 21, 23}) {
        for (int takeLine : {10, 9}) {
            clangCycle.extraStacks.append(
                {noSource("pthread_mutex_lock", "forks"),
                 tsanDemo("take", "forks.c", takeLine, 5, "forks"),
                 tsanDemo("philosopher", "forks.c", seatLine, 9, "forks")});
        }
    }
    const Stack clangForksStarted = {noSource("pthread_create", "forks"),
                                     tsanDemo("main", "forks.c", 32, 9, "forks")};
    clangCycle.creations = {createdByMain("T1", Finished, clangForksStarted),
                            createdByMain("T2", Finished, clangForksStarted),
                            createdByMain("T3", Running, clangForksStarted)};
    QTest::newRow("lock-order inversion with second stacks")
        << s("tsan-clang-lock-order-second-stacks.txt") << output({clangCycle}, {}, 1);

    RaceReport leak = tsanReport(ReportKind::ThreadLeak, "thread leak (pid=7094)",
                                 "thread leak /home/student/tsan/leak.cpp:12 in main");
    leak.creations = {createdByMain(
        "T1", Finished, {gccThreadCreate, tsanDemo("main", "leak.cpp", 12, 0, "leak")})};
    QTest::newRow("thread leak") << s("tsan-gcc-thread-leak.txt") << output({leak}, {}, 1);

    RaceReport unlock = tsanReport(ReportKind::UnlockOfUnlockedMutex,
                                   "unlock of an unlocked mutex (or by a wrong thread) (pid=7102)",
                                   "unlock of an unlocked mutex (or by a wrong thread) "
                                   "/home/student/tsan/unlockrace.c:26 in main");
    unlock.stack = {libtsan("pthread_mutex_unlock", Interceptors, 4338),
                    tsanDemo("main", "unlockrace.c", 26, 0, "unlockrace")};
    unlock.locations = {location("global 'lock' of size 40 at 0x558f8361e0c0 (unlockrace+0x40c0)")};
    unlock.mutexes = {mutex("M0", "0x558f8361e0c0",
                            {libtsan("pthread_mutex_init", PosixInterceptors, 1295),
                             tsanDemo("main", "unlockrace.c", 25, 0, "unlockrace")})};
    RaceReport race = tsanReport(ReportKind::DataRace, "data race (pid=7102)",
                                 "data race /home/student/tsan/unlockrace.c:31 in main");
    race.accesses = {access(Write, 8, "0x558f8361e0a0", "main thread", Unknown,
                            {tsanDemo("main", "unlockrace.c", 31, 0, "unlockrace")}),
                     previous(access(Read, 8, "0x558f8361e0a0", "T2", Finished,
                                     {tsanDemo("reader", "unlockrace.c", 19, 0, "unlockrace")}))};
    race.locations = {location("global 'shared' of size 8 at 0x558f8361e0a0 (unlockrace+0x40a0)")};
    race.creations = {createdByMain(
        "T2", Finished, {gccThreadCreate, tsanDemo("main", "unlockrace.c", 30, 0, "unlockrace")})};
    QTest::newRow("unlock of an unlocked mutex, then a data race")
        << s("tsan-gcc-unlock-unlocked-then-race.txt") << output({unlock, race}, {}, 2);

    RaceReport doubleLock =
        tsanReport(ReportKind::DoubleLock, "double lock of a mutex (pid=7141)",
                   "double lock of a mutex (/home/student/tsan/doublelock+0x6ef3a) (BuildId: "
                   "11fb136cfd8ee9a8e844eee5f06ea7fa177d770d) in __interceptor_pthread_mutex_lock");
    doubleLock.stack = {noSource("pthread_mutex_lock", "doublelock"),
                        tsanDemo("main", "doublelock.c", 20, 5, "doublelock")};
    doubleLock.locations = {
        location("global 'queueLock' of size 40 at 0x558dd8c2c258 (doublelock+0x1476258)")};
    doubleLock.mutexes = {mutex("M0", "0x558dd8c2c258",
                                {noSource("pthread_mutex_lock", "doublelock"),
                                 tsanDemo("producer", "doublelock.c", 10, 5, "doublelock")})};
    QTest::newRow("double lock") << s("tsan-clang-double-lock.txt") << output({doubleLock}, {}, 1);

    RaceReport freed = tsanReport(ReportKind::HeapUseAfterFree, "heap-use-after-free (pid=7150)",
                                  "heap-use-after-free /home/student/tsan/uaf.cpp:9 in operator()");
    freed.accesses = {access(Write, 4, "0x7b0400000000", "T1", Running,
                             Stack{tsanDemo("operator()", "uaf.cpp", 9, 0, "uaf")} +
                                 gccLambdaThreadFrames("uaf")),
                      previous(access(Write, 8, "0x7b0400000000", "main thread", Unknown,
                                      {libtsan("operator delete(void*, unsigned long)",
                                               "tsan/tsan_new_delete.cpp", 150),
                                       tsanDemo("main", "uaf.cpp", 11, 0, "uaf")}))};
    freed.creations = {createdByMain(
        "T1", Running, {gccThreadCreate, startThread, tsanDemo("main", "uaf.cpp", 10, 0, "uaf")})};
    QTest::newRow("heap-use-after-free")
        << s("tsan-gcc-heap-use-after-free.txt") << output({freed}, {}, 1);

    auto signalReport = [](const char *call, int line, int column, const char *summary) {
        RaceReport report = tsanReport(ReportKind::SignalUnsafeCall,
                                       "signal-unsafe call inside of a signal (pid=7156)", summary);
        report.stack = {noSource(call, "alarm"),
                        tsanDemo("onAlarm(int)", "signalunsafe.cpp", line, column, "alarm"),
                        frame("__tsan::CallUserSignalHandler(__tsan::ThreadState*, bool, bool, "
                              "int, __sanitizer::__sanitizer_siginfo*, void*)",
                              s("tsan_interceptors_posix.cpp.o"), 0, 0, "alarm"),
                        tsanDemo("main", "signalunsafe.cpp", 14, 5, "alarm")};
        return report;
    };
    QTest::newRow("signal-unsafe calls")
        << s("tsan-clang-signal-unsafe.txt")
        << output(
               {signalReport("malloc", 7, 15,
                             "signal-unsafe call inside of a signal (/home/student/tsan/"
                             "alarm+0x51c01) (BuildId: e64cbe64efeaa3b71e8f9a4178a7a787f1324960) "
                             "in malloc"),
                signalReport("free", 8, 5,
                             "signal-unsafe call inside of a signal (/home/student/tsan/"
                             "alarm+0x521f4) (BuildId: e64cbe64efeaa3b71e8f9a4178a7a787f1324960) "
                             "in __interceptor_free")},
               {}, 2);
}

void TestReportParser::runtimeFailures_data()
{
    addFixtureColumns();

    QTest::newRow("deadlock") << s("go-deadlock.txt")
                              << failureOutput(
                                     FailureKind::Deadlock, "all goroutines are asleep - deadlock!",
                                     {goLib("sync.runtime_Semacquire", "runtime/sema.go", 62),
                                      goLib("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 139),
                                      goDemo("main.main", "deadlock/main.go", 18)});
    QTest::newRow("concurrent map writes")
        << s("go-concurrent-map-writes.txt")
        << failureOutput(FailureKind::ConcurrentMapWrites, "concurrent map writes",
                         {goDemo("main.main.func1", "mapwrites/main.go", 13)});
    QTest::newRow("concurrent map read and map write")
        << s("go-concurrent-map-read-write.txt")
        << failureOutput(FailureKind::ConcurrentMapReadWrite, "concurrent map read and map write",
                         {goDemo("main.main", "mapreadwrite/main.go", 14)});
    QTest::newRow("negative WaitGroup counter, then WaitGroup reused")
        << s("go-waitgroup-negative-then-reused.txt")
        << output({},
                  {RuntimeFailure{FailureKind::NegativeWaitGroup,
                                  s("sync: negative WaitGroup counter"),
                                  {goLib("sync.(*WaitGroup).Add", "sync/waitgroup.go", 83),
                                   goLib("sync.(*WaitGroup).Done", "sync/waitgroup.go", 108),
                                   goDemo("main.work", "negwg/main.go", 8)}},
                   RuntimeFailure{FailureKind::WaitGroupReused,
                                  s("sync: WaitGroup is reused before previous Wait has returned"),
                                  {goLib("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 141),
                                   goDemo("main.main", "negwg/main.go", 14)}}},
                  -1);
    QTest::newRow("unlock of unlocked mutex")
        << s("go-unlock-unlocked-mutex.txt")
        << failureOutput(FailureKind::UnlockOfUnlockedMutex, "sync: unlock of unlocked mutex",
                         {goLib("sync.fatal", "runtime/panic.go", 1031),
                          goLib("sync.(*Mutex).unlockSlow", "sync/mutex.go", 229),
                          goLib("sync.(*Mutex).Unlock", "sync/mutex.go", 223),
                          goDemo("main.(*Account).Withdraw", "unlock/main.go", 12),
                          goDemo("main.main", "unlock/main.go", 17)});
    QTest::newRow("RUnlock of unlocked RWMutex")
        << s("go-runlock-unlocked-rwmutex.txt")
        << failureOutput(FailureKind::UnlockOfUnlockedMutex, "sync: RUnlock of unlocked RWMutex",
                         {goLib("sync.fatal", "runtime/panic.go", 1031),
                          goLib("sync.(*RWMutex).rUnlockSlow", "sync/rwmutex.go", 129),
                          goLib("sync.(*RWMutex).RUnlock", "sync/rwmutex.go", 119),
                          goDemo("main.main.func1", "runlock/main.go", 9)});
    QTest::newRow("index out of range")
        << s("go-panic-index-out-of-range.txt")
        << failureOutput(FailureKind::Panic, "runtime error: index out of range [5] with length 3",
                         {goDemo("main.main.func1", "index/main.go", 14)});
    QTest::newRow("recovered and repeated panic")
        << s("go-panic-recovered.txt")
        << failureOutput(FailureKind::Panic, "queue closed twice",
                         {goDemo("main.main.func1", "recovered/main.go", 8),
                          goLib("panic", "runtime/panic.go", 884),
                          goDemo("main.main", "recovered/main.go", 11)});
    QTest::newRow("other fatal error")
        << s("go-fatal-map-iteration.txt")
        << failureOutput(FailureKind::FatalError, "concurrent map iteration and map write",
                         {goDemo("main.main", "mapiter/main.go", 15)});
    const StackFrame depth = goDemo("main.depth", "stackover/main.go", 3);
    QTest::newRow("stack overflow after a runtime stack")
        << s("go-fatal-stack-overflow.txt")
        << failureOutput(FailureKind::FatalError, "stack overflow", {depth, depth, depth});
    QTest::newRow("unexpected memory mapping")
        << s("tsan-fatal-memory-mapping.txt")
        << failureOutput(FailureKind::SanitizerMappingFailure,
                         "FATAL: ThreadSanitizer: unexpected memory mapping "
                         "0x5d2f0a9c1000-0x5d2f0a9c2000",
                         {});
    QTest::newRow("sanitizer SEGV")
        << s("tsan-clang-segv.txt")
        << failureOutput(
               FailureKind::SanitizerFatal,
               "ERROR: ThreadSanitizer: SEGV on unknown address 0x000000000000",
               {tsanDemo("main", "segv.cpp", 8, 12, "crash"),
                frame("__libc_start_call_main", s("csu/../sysdeps/nptl/libc_start_call_main.h"), 58,
                      16, "libc.so.6"),
                frame("__libc_start_main", s("csu/../csu/libc-start.c"), 360, 3, "libc.so.6"),
                noSource("_start", "crash")});
}

void TestReportParser::nothingToFind_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank lines") << QStringLiteral("\n\n  \r\n\t\n");
    QTest::newRow("near misses") << fixtureText(QStringLiteral("garbage.txt"));
    QTest::newRow("go vet output")
        << QStringLiteral("# racedemo\n./main.go:13:9: call of Copy copies lock value: "
                          "racedemo.Demo contains sync.Mutex\n");
}

void TestReportParser::nothingToFind()
{
    QFETCH(QString, text);
    const ParsedOutput parsed = ReportParser::parse(text);
    QVERIFY(parsed.isEmpty());
    verifyOutput(parsed, ParsedOutput{});
}

// A run killed by a timeout leaves its last report without the closing line.
void TestReportParser::unterminatedReports()
{
    const QString goText = fixtureText(QStringLiteral("go-main-goroutine.txt"));
    const qsizetype goEnd = goText.lastIndexOf(QStringLiteral("=================="));
    QVERIFY(goEnd > 0);
    const ParsedOutput goCut = ReportParser::parse(goText.left(goEnd));
    QCOMPARE(goCut.races.size(), 1);
    verifyOutput(goCut, output(ReportParser::parse(goText).races, {}, -1));

    const QString tsanText = fixtureText(QStringLiteral("tsan-clang-heap-mutex.txt"));
    const qsizetype tsanEnd = tsanText.indexOf(QStringLiteral("SUMMARY:"));
    QVERIFY(tsanEnd > 0);
    ParsedOutput tsanExpected = ReportParser::parse(tsanText);
    QCOMPARE(tsanExpected.races.size(), 1);
    tsanExpected.races[0].summary.clear();
    tsanExpected.reportedCount = -1;
    verifyOutput(ReportParser::parse(tsanText.left(tsanEnd)), tsanExpected);

    // A new WARNING line also ends the report before it.
    const QString twoRaces = fixtureText(QStringLiteral("go-interleaved.txt"));
    const QString separators =
        QStringLiteral("==================\nvisited home\n==================\n");
    QVERIFY(twoRaces.contains(separators));
    QString joined = twoRaces;
    joined.replace(separators, QStringLiteral("visited home\n"));
    verifyOutput(ReportParser::parse(joined), ReportParser::parse(twoRaces));
}

// does not take the line for a frame.
void TestReportParser::sanitizerFrameLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *line, const char *expected) {
        QTest::newRow(name) << s(line) << s(expected);
    };
    row("gcc", "    #2 main /src/main.cpp:13 (prog+0x12a1)", "main | /src/main.cpp:13:0 | prog");
    row("clang", "#0 f() /src/a.cpp:8:10 (counter+0xd43a8) (BuildId: 174f7e)",
        "f() | /src/a.cpp:8:10 | counter");
    row("null file", "#0 pthread_create <null> (libtsan.so.0+0x0000000290c3)",
        "pthread_create | :0:0 | libtsan.so.0");
    row("null file with a bogus line", "#0 pthread_mutex_init <null>:124789 (rt.dylib:arm64e+0x3c)",
        "pthread_mutex_init | :0:0 | rt.dylib:arm64e");
    row("null function", "#6 <null> <null> (libstdc++.so.6+0xd44a2)", " | :0:0 | libstdc++.so.6");
    row("relative file", "#0 worker thread.c:33 (tsan:arm64+0x1000039d8)",
        "worker | thread.c:33:0 | tsan:arm64");
    row("plus signs in module", "#0 main /x.cpp:14 (counter-g+++0x12b0)",
        "main | /x.cpp:14:0 | counter-g++");
    row("blanks in function", "#0 main::$_0::operator()() const /x.cpp:9:24 (flag+0xd49b9)",
        "main::$_0::operator()() const | /x.cpp:9:24 | flag");
    row("object file", "#2 Handler(int, void*) posix.cpp.o (alarm+0x59c91)",
        "Handler(int, void*) | posix.cpp.o:0:0 | alarm");
    row("drive letter", "#1 Worker::run() C:/work/worker.cpp:41:3 (app.exe+0x1a2b)",
        "Worker::run() | C:/work/worker.cpp:41:3 | app.exe");
    row("no module", "#0 main /src/x.cpp:14", "main | /src/x.cpp:14:0 | ");
    row("preprocessor line", "#include <thread>", "-");
    row("section line", "  Thread T1 (tid=5, running) created by main thread at:", "-");
}

void TestReportParser::sanitizerFrameLines()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    const std::optional<StackFrame> frame = StackFrameParser::parseSanitizerFrame(line);
    QCOMPARE(frame ? describeFrame(*frame) : QStringLiteral("-"), expected);
}

// Go frames take two lines; each row checks how one line alone is read as either.
void TestReportParser::goFrameLines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("source");
    auto row = [](const char *name, const char *line, const char *function, const char *source) {
        QTest::newRow(name) << s(line) << s(function) << s(source);
    };
    row("race report function", "  main.main.func1()", "main.main.func1", "-");
    row("method on a pointer", "main.(*Counter).Inc(0xc000012345)", "main.(*Counter).Inc", "-");
    row("question marks", "sync.(*WaitGroup).Add(0x0?, 0x0?)", "sync.(*WaitGroup).Add", "-");
    row("braced arguments", "panic({0x45ec60, 0xc00008a000})", "panic", "-");
    row("inlined", "sync.(*Mutex).Unlock(...)", "sync.(*Mutex).Unlock", "-");
    row("generic", "main.Sum[...](...)", "main.Sum[...]", "-");
    row("created by", "created by main.main", "-", "-");
    row("program output", "visited home", "-", "-");
    row("test result", "--- FAIL: TestDeposit (0.00s)", "-", "-");
    row("race report source", "      /src/main.go:9 +0x39", "-", " | /src/main.go:9:0 | ");
    row("no offset", "\t/go/src/sync/mutex.go:223", "-", " | /go/src/sync/mutex.go:223:0 | ");
    row("registers", "\t/x.go:3 +0x1c fp=0xc0 sp=0xc8 pc=0x45", "-", " | /x.go:3:0 | ");
    row("autogenerated", "      <autogenerated>:1 +0x1b", "-", " | <autogenerated>:1:0 | ");
    row("drive letter", "\tC:/Go/src/sync/waitgroup.go:71 +0xd7", "-",
        " | C:/Go/src/sync/waitgroup.go:71:0 | ");
    row("not indented", "/src/main.go:9 +0x39", "-", "-");
    row("test log", "    testing.go:1319: race detected during execution of test", "-", "-");
    row("sanitizer frame", "    #0 main /src/x.cpp:5 (a+0x1)", "-", "-");
}

void TestReportParser::goFrameLines()
{
    QFETCH(QString, line);
    QFETCH(QString, function);
    QFETCH(QString, source);
    QCOMPARE(StackFrameParser::parseGoFunction(line).value_or(QStringLiteral("-")), function);
    const std::optional<StackFrame> frame = StackFrameParser::parseGoSource(line);
    QCOMPARE(frame ? describeFrame(*frame) : QStringLiteral("-"), source);
}

void TestReportParser::parsingIsStable_data()
{
    QTest::addColumn<QString>("fixture");
    const QString dataDir = QFINDTESTDATA(QStringLiteral("data"));
    QVERIFY(!dataDir.isEmpty());
    const QStringList names = QDir(dataDir).entryList({QStringLiteral("*.txt")}, QDir::Files);
    QVERIFY(names.size() > 20);
    for (const QString &name : names) {
        QTest::newRow(qPrintable(name)) << name;
    }
}

// The same text gives the same value every time, and Windows line endings change nothing.
void TestReportParser::parsingIsStable()
{
    QFETCH(QString, fixture);
    const QString text = fixtureText(fixture);
    QVERIFY(!text.isEmpty());
    const ParsedOutput first = ReportParser::parse(text);
    verifyOutput(ReportParser::parse(text), first);
    QString crlf = text;
    crlf.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    verifyOutput(ReportParser::parse(crlf), first);
}

QTEST_GUILESS_MAIN(TestReportParser)

#include "tst_reportparser.moc"
