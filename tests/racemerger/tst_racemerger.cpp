#include "mistakeclassifier.h"
#include "racemerger.h"

#include <QtTest>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::Stack)
Q_DECLARE_METATYPE(RaceGrade::RaceAccessSite)

namespace {

using Sites = QVector<RaceAccessSite>;

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The grader's scratch folder; the student's counter.go is main.go in its program/ and harness/
// folders.
const QString root = QStringLiteral("/tmp/racegrade-abc123");
const QString programFile = root + QStringLiteral("/program/main.go");
const QString harnessCopy = root + QStringLiteral("/harness/main.go");
const QString harnessTest = root + QStringLiteral("/harness/racegrade_harness_test.go");
const QString goRoot = QStringLiteral("/usr/lib/go-1.19/src");

SourceMapper goMapper()
{
    return SourceMapper(root, QStringLiteral("main.go"), QStringLiteral("counter.go"));
}

StackFrame frame(const char *function, const QString &file, int line, int column = 0)
{
    return StackFrame{str(function), file, line, column, QString()};
}

MemoryAccess access(AccessOp op, const char *thread, const Stack &stack, bool previous = false)
{
    MemoryAccess result;
    result.op = op;
    result.previous = previous;
    result.thread = str(thread);
    result.stack = stack;
    return result;
}

RaceReport dataRace(const MemoryAccess &current, const MemoryAccess &previous)
{
    RaceReport report;
    report.kind = ReportKind::DataRace;
    report.headline = QStringLiteral("DATA RACE");
    report.accesses = {current, previous};
    return report;
}

// The race of a counter whose Value reads without the lock while Inc writes.
const Stack incStack{frame("main.(*SafeCounter).Inc", programFile, 12, 9),
                     frame("main.main.func1", programFile, 30, 5)};
const Stack valueStack{frame("main.(*SafeCounter).Value", programFile, 18, 16),
                       frame("main.main", programFile, 36, 14)};

RaceReport writeThenRead()
{
    return dataRace(access(AccessOp::Write, "goroutine 8", incStack),
                    access(AccessOp::Read, "goroutine 7", valueStack, true));
}

RaceReport readThenWrite()
{
    return dataRace(access(AccessOp::Read, "main goroutine", valueStack),
                    access(AccessOp::Write, "goroutine 9", incStack, true));
}

// A race between two appends to a shared slice, with any line of the student's.
RaceReport appendRace(int line)
{
    const Stack stack{frame("main.worker", programFile, line, 13)};
    return dataRace(access(AccessOp::Write, "goroutine 11", stack),
                    access(AccessOp::Write, "goroutine 12", stack, true));
}

RunRecord run(BinaryKind binary, const QVector<RaceReport> &reports,
              const QString &standardError = QString())
{
    RunRecord record;
    record.binary = binary;
    record.result.outcome = RunOutcome::Exited;
    record.result.exitCode = reports.isEmpty() ? 0 : 66;
    record.standardError = standardError;
    record.parsed.races = reports;
    return record;
}

RaceAccessSite site(const char *op, const char *function, int line, bool inSubmission = true,
                    const char *file = "counter.go")
{
    RaceAccessSite result;
    result.op = str(op);
    result.function = str(function);
    result.file = str(file);
    result.line = line;
    result.inSubmission = inSubmission;
    return result;
}

/// Source lines of a student's file: empty except for the given ones (1-based).
QStringList source(const QVector<QPair<int, const char *>> &lines)
{
    QStringList result;
    for (const QPair<int, const char *> &line : lines) {
        while (result.size() < line.first) {
            result.append(QString());
        }
        result[line.first - 1] = str(line.second);
    }
    for (int i = 0; i < 5; ++i) {
        result.append(QString());
    }
    return result;
}

} // namespace

/// Checks RaceMerger (with SourceMapper) on hand-built race reports, and MistakeClassifier on the
/// findings it makes.
class TestRaceMerger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergesOppositeOrders();
    void countsRunsNotReports();
    void noRaces();
    void representativeFrame_data();
    void representativeFrame();
    void mostFrequentFirst();
    void keepsLocationCreationsAndRawReport();
    void otherReportKinds();
    void kindAndOpNames();

    void classify_data();
    void classify();
    void explanation_data();
    void explanation();
    void accessedVariable_data();
    void accessedVariable();
    void annotateMergedFindings();
    void classifyProblem_data();
    void classifyProblem();
    void shareHint();
};

void TestRaceMerger::mergesOppositeOrders()
{
    const QVector<RunRecord> runs{
        run(BinaryKind::Program, {writeThenRead()}),
        run(BinaryKind::Program, {}),
        run(BinaryKind::Program, {readThenWrite()}),
        // Plain runs are neither counted nor searched, whatever they hold.
        run(BinaryKind::PlainProgram, {writeThenRead()}),
        run(BinaryKind::PlainProgram, {}),
        run(BinaryKind::Harness, {}),
    };
    const QVector<RaceFinding> findings = RaceMerger::merge(runs, goMapper());
    QCOMPARE(findings.size(), 1);
    const RaceFinding &finding = findings.first();
    QCOMPARE(finding.kind, QStringLiteral("data-race"));
    QCOMPARE(finding.occurrences, 2);
    QCOMPARE(finding.runs, 4);

    // The sides as the first run reported them, mapped to the student's file.
    QCOMPARE(finding.accesses.size(), 2);
    const RaceAccessSite &write = finding.accesses.at(0);
    QCOMPARE(write.op, QStringLiteral("write"));
    QCOMPARE(write.file, QStringLiteral("counter.go"));
    QCOMPARE(write.line, 12);
    QCOMPARE(write.column, 9);
    QCOMPARE(write.function, QStringLiteral("main.(*SafeCounter).Inc"));
    QCOMPARE(write.thread, QStringLiteral("goroutine 8"));
    QVERIFY(write.inSubmission);
    QCOMPARE(write.stack.size(), 2);
    QCOMPARE(write.stack.at(1), frame("main.main.func1", QStringLiteral("counter.go"), 30, 5));
    const RaceAccessSite &read = finding.accesses.at(1);
    QCOMPARE(read.op, QStringLiteral("read"));
    QCOMPARE(read.file, QStringLiteral("counter.go"));
    QCOMPARE(read.line, 18);
    QCOMPARE(read.function, QStringLiteral("main.(*SafeCounter).Value"));
    QCOMPARE(read.thread, QStringLiteral("goroutine 7"));
    QVERIFY(read.inSubmission);
}

void TestRaceMerger::countsRunsNotReports()
{
    // The same race twice in one run is one occurrence; another race in the same run is apart.
    const QVector<RunRecord> runs{
        run(BinaryKind::Program, {writeThenRead(), readThenWrite(), appendRace(40)}),
        run(BinaryKind::Program, {}),
    };
    const QVector<RaceFinding> findings = RaceMerger::merge(runs, goMapper());
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(0).occurrences, 1);
    QCOMPARE(findings.at(0).runs, 2);
    QCOMPARE(findings.at(0).accesses.at(0).line, 12);
    QCOMPARE(findings.at(1).occurrences, 1);
    QCOMPARE(findings.at(1).accesses.at(0).line, 40);
}

void TestRaceMerger::noRaces()
{
    QCOMPARE(RaceMerger::merge({}, goMapper()).size(), 0);
    QCOMPARE(
        RaceMerger::merge({run(BinaryKind::Program, {}), run(BinaryKind::Harness, {})}, goMapper())
            .size(),
        0);
}

void TestRaceMerger::representativeFrame_data()
{
    QTest::addColumn<Stack>("stack");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("function");
    QTest::addColumn<bool>("inSubmission");

    QTest::newRow("student's line under runtime.growslice")
        << Stack{frame("runtime.growslice", goRoot + QStringLiteral("/runtime/slice.go"), 190),
                 frame("main.collect", programFile, 23, 13),
                 frame("main.main.func2", programFile, 41, 4)}
        << QStringLiteral("counter.go") << 23 << QStringLiteral("main.collect") << true;
    QTest::newRow("harness copy of the student's file")
        << Stack{frame("main.(*SafeCounter).Inc", harnessCopy, 12),
                 frame("main.TestCounter.func1", harnessTest, 30)}
        << QStringLiteral("counter.go") << 12 << QStringLiteral("main.(*SafeCounter).Inc") << true;
    QTest::newRow("relative path")
        << Stack{frame("main.main", QStringLiteral("./main.go"), 7)} << QStringLiteral("counter.go")
        << 7 << QStringLiteral("main.main") << true;
    QTest::newRow("harness before library")
        << Stack{frame("sync/atomic.AddInt32", goRoot + QStringLiteral("/runtime/race_amd64.s"),
                       269),
                 frame("sync.(*WaitGroup).Add", goRoot + QStringLiteral("/sync/waitgroup.go"), 53),
                 frame("main.TestCounter.func1", harnessTest, 30)}
        << SourceMapper::hiddenTestLabel() << 30 << QStringLiteral("main.TestCounter.func1")
        << false;
    QTest::newRow("harness before other code")
        << Stack{frame("example.com/lib.Put", QStringLiteral("/root/go/pkg/mod/lib/put.go"), 9),
                 frame("main.TestCounter", harnessTest, 44)}
        << SourceMapper::hiddenTestLabel() << 44 << QStringLiteral("main.TestCounter") << false;
    QTest::newRow("other code before library")
        << Stack{frame("runtime.mapassign_faststr", goRoot + QStringLiteral("/runtime/map.go"),
                       580),
                 frame("example.com/lib.Put", QStringLiteral("/root/go/pkg/mod/lib/put.go"), 9)}
        << QStringLiteral("/root/go/pkg/mod/lib/put.go") << 9
        << QStringLiteral("example.com/lib.Put") << false;
    QTest::newRow("library only: first frame with a source")
        << Stack{frame("__tsan_write4", QString(), 0),
                 frame("std::vector<int>::push_back(int const&)",
                       QStringLiteral("/usr/include/c++/12/bits/stl_vector.h"), 1287),
                 frame("std::thread::_State_impl::_M_run()",
                       QStringLiteral("/usr/include/c++/12/bits/std_thread.h"), 211)}
        << QStringLiteral("/usr/include/c++/12/bits/stl_vector.h") << 1287
        << QStringLiteral("std::vector<int>::push_back(int const&)") << false;
    QTest::newRow("no source at all: first frame")
        << Stack{frame("__tsan_write4", QString(), 0), frame("start_thread", QString(), 0)}
        << QString() << 0 << QStringLiteral("__tsan_write4") << false;
    // The harness binary is built in module racegrade/submission: students know main.X.
    QTest::newRow("harness binary: the student's function")
        << Stack{frame("racegrade/submission.(*SafeCounter).Inc", harnessCopy, 12),
                 frame("racegrade/submission.racegradeHammer.func1", harnessTest, 88)}
        << QStringLiteral("counter.go") << 12 << QStringLiteral("main.(*SafeCounter).Inc") << true;
    QTest::newRow("harness binary: a harness function")
        << Stack{frame("sync/atomic.AddInt64", goRoot + QStringLiteral("/runtime/race_amd64.s"),
                       289),
                 frame("racegrade/submission.racegradeHammer.func1", harnessTest, 88)}
        << SourceMapper::hiddenTestLabel() << 88 << QStringLiteral("main.racegradeHammer.func1")
        << false;
    // clang writes the harness's copy of the file as "<root>/harness/./main.cpp" and the
    // standard headers through "/usr/bin/../lib/gcc/…/../../../../include".
    QTest::newRow("clang: a path with ./ in it is the student's file")
        << Stack{frame("SafeCounter::Inc()", root + QStringLiteral("/harness/./main.go"), 16, 9),
                 frame("racegradeHammer", harnessTest, 88)}
        << QStringLiteral("counter.go") << 16 << QStringLiteral("SafeCounter::Inc()") << true;
    QTest::newRow("clang: a header through ../ is a library, the student's line wins")
        << Stack{frame("__gthread_mutex_lock(pthread_mutex_t*)",
                       QStringLiteral("/usr/bin/../lib/gcc/x86_64-linux-gnu/12/../../../../"
                                      "include/x86_64-linux-gnu/c++/12/bits/gthr-default.h"),
                       749, 12),
                 frame("std::mutex::lock()",
                       QStringLiteral("/usr/bin/../lib/gcc/x86_64-linux-gnu/12/../../../../"
                                      "include/c++/12/bits/std_mutex.h"),
                       100, 17),
                 frame("transfer(Account&, Account&)", root + QStringLiteral("/program/./main.go"),
                       21, 5)}
        << QStringLiteral("counter.go") << 21 << QStringLiteral("transfer(Account&, Account&)")
        << true;
    QTest::newRow("another workspace's main.go is not the student's")
        << Stack{frame("main.main", QStringLiteral("/tmp/racegrade-zzz999/program/main.go"), 5)}
        << QStringLiteral("/tmp/racegrade-zzz999/program/main.go") << 5
        << QStringLiteral("main.main") << false;
}

void TestRaceMerger::representativeFrame()
{
    QFETCH(Stack, stack);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, function);
    QFETCH(bool, inSubmission);

    const Stack other{frame("main.main", programFile, 50)};
    const QVector<RaceFinding> findings = RaceMerger::merge(
        {run(BinaryKind::Program, {dataRace(access(AccessOp::Write, "goroutine 5", stack),
                                            access(AccessOp::Read, "goroutine 6", other, true))})},
        goMapper());
    QCOMPARE(findings.size(), 1);
    const RaceAccessSite &site = findings.first().accesses.first();
    QCOMPARE(site.file, file);
    QCOMPARE(site.line, line);
    QCOMPARE(site.function, function);
    QCOMPARE(site.inSubmission, inSubmission);
    // The whole stack is kept, innermost first, with the student's files and package renamed.
    const QString module = QStringLiteral("racegrade/submission.");
    QCOMPARE(site.stack.size(), stack.size());
    for (qsizetype i = 0; i < stack.size(); ++i) {
        const QString name = stack.at(i).function;
        QCOMPARE(site.stack.at(i).function, name.startsWith(module)
                                                ? QStringLiteral("main.") + name.mid(module.size())
                                                : name);
        QCOMPARE(site.stack.at(i).line, stack.at(i).line);
        QCOMPARE(site.stack.at(i).file, goMapper().displayPath(stack.at(i).file));
    }
}

void TestRaceMerger::mostFrequentFirst()
{
    const RaceReport rare = appendRace(40);
    const RaceReport common = writeThenRead();
    const RaceReport middle = appendRace(60);
    const QVector<RunRecord> runs{
        run(BinaryKind::Program, {rare, common}), run(BinaryKind::Program, {middle}),
        run(BinaryKind::Program, {common, middle}), run(BinaryKind::Harness, {readThenWrite()}),
        run(BinaryKind::Program, {})};
    const QVector<RaceFinding> findings = RaceMerger::merge(runs, goMapper());
    QCOMPARE(findings.size(), 3);
    QCOMPARE(findings.at(0).accesses.at(0).line, 12);
    QCOMPARE(findings.at(0).occurrences, 3);
    QCOMPARE(findings.at(1).accesses.at(0).line, 60);
    QCOMPARE(findings.at(1).occurrences, 2);
    QCOMPARE(findings.at(2).accesses.at(0).line, 40);
    QCOMPARE(findings.at(2).occurrences, 1);
    for (const RaceFinding &finding : findings) {
        QCOMPARE(finding.runs, 5);
    }
}

void TestRaceMerger::keepsLocationCreationsAndRawReport()
{
    RaceReport report = writeThenRead();
    report.locations = {LocationNote{QStringLiteral("global 'count' of size 8 at 0x5a1b20"), {}}};
    ThreadCreation created;
    created.thread = QStringLiteral("goroutine 8");
    created.stack = {frame("main.main", programFile, 29, 3)};
    report.creations = {created};

    const QString wanted = QStringLiteral("==================\n"
                                          "WARNING: DATA RACE\n"
                                          "Write at 0x00c0000140a8 by goroutine 8:\n"
                                          "  main.(*SafeCounter).Inc()\n"
                                          "      /tmp/racegrade-abc123/program/main.go:12 +0x3a\n"
                                          "\n"
                                          "Previous read at 0x00c0000140a8 by goroutine 7:\n"
                                          "  main.(*SafeCounter).Value()\n"
                                          "      /tmp/racegrade-abc123/program/main.go:18 +0x44\n"
                                          "==================");
    const QString otherReport =
        QStringLiteral("==================\n"
                       "WARNING: DATA RACE\n"
                       "Read at 0x00c000014098 by goroutine 9:\n"
                       "  main.(*SafeCounter).Value()\n"
                       "      /tmp/racegrade-abc123/program/main.go:18 +0x44\n"
                       "==================\n");
    const QString standardError = QStringLiteral("counting...\n") + otherReport + wanted +
                                  QStringLiteral("\nFound 2 data race(s)\nexit status 66\n");

    const QVector<RaceFinding> findings =
        RaceMerger::merge({run(BinaryKind::Program, {report}, standardError)}, goMapper());
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().location, QStringLiteral("global 'count' of size 8 at 0x5a1b20"));
    QCOMPARE(findings.first().creationStacks.size(), 1);
    QCOMPARE(findings.first().creationStacks.first(),
             (Stack{frame("main.main", QStringLiteral("counter.go"), 29, 3)}));
    QCOMPARE(findings.first().rawReport, wanted);
}

void TestRaceMerger::otherReportKinds()
{
    const QString cppFile = root + QStringLiteral("/program/main.cpp");
    const SourceMapper mapper(root, QStringLiteral("main.cpp"), QStringLiteral("bank.cpp"));

    RaceReport leak;
    leak.kind = ReportKind::ThreadLeak;
    ThreadCreation created;
    created.thread = QStringLiteral("T1");
    created.stack = {frame("pthread_create", QString(), 0), frame("main", cppFile, 30, 17)};
    leak.creations = {created};

    RaceReport inversion;
    inversion.kind = ReportKind::LockOrderInversion;
    inversion.extraStacks = {Stack{frame("transfer(Account&, Account&)", cppFile, 10, 5)},
                             Stack{frame("transfer(Account&, Account&)", cppFile, 20, 5)}};

    RaceReport doubleLock;
    doubleLock.kind = ReportKind::DoubleLock;
    doubleLock.stack = {frame("pthread_mutex_lock", QString(), 0),
                        frame("deposit(Account&)", cppFile, 44, 7)};

    const QVector<RaceFinding> findings =
        RaceMerger::merge({run(BinaryKind::Program, {leak, inversion, doubleLock}),
                           run(BinaryKind::Program, {inversion})},
                          mapper);
    QCOMPARE(findings.size(), 3);

    const RaceFinding &lockOrder = findings.at(0);
    QCOMPARE(lockOrder.kind, QStringLiteral("lock-order-inversion"));
    QCOMPARE(lockOrder.occurrences, 2);
    QCOMPARE(lockOrder.accesses.size(), 2);
    QCOMPARE(lockOrder.accesses.at(0).op, QStringLiteral("lock"));
    QCOMPARE(lockOrder.accesses.at(0).file, QStringLiteral("bank.cpp"));
    QCOMPARE(lockOrder.accesses.at(0).line, 10);
    QCOMPARE(lockOrder.accesses.at(1).line, 20);

    const RaceFinding &threadLeak = findings.at(1);
    QCOMPARE(threadLeak.kind, QStringLiteral("thread-leak"));
    QCOMPARE(threadLeak.occurrences, 1);
    QCOMPARE(threadLeak.accesses.size(), 1);
    QCOMPARE(threadLeak.accesses.at(0).op, QStringLiteral("start thread"));
    QCOMPARE(threadLeak.accesses.at(0).thread, QStringLiteral("T1"));
    QCOMPARE(threadLeak.accesses.at(0).file, QStringLiteral("bank.cpp"));
    QCOMPARE(threadLeak.accesses.at(0).line, 30);
    QVERIFY(threadLeak.accesses.at(0).inSubmission);

    const RaceFinding &locked = findings.at(2);
    QCOMPARE(locked.kind, QStringLiteral("double-lock"));
    QCOMPARE(locked.accesses.size(), 1);
    QCOMPARE(locked.accesses.at(0).op, QStringLiteral("lock"));
    QCOMPARE(locked.accesses.at(0).function, QStringLiteral("deposit(Account&)"));
    QCOMPARE(locked.accesses.at(0).line, 44);
}

void TestRaceMerger::kindAndOpNames()
{
    QCOMPARE(RaceMerger::kindId(ReportKind::DataRace), QStringLiteral("data-race"));
    QCOMPARE(RaceMerger::kindId(ReportKind::LockOrderInversion),
             QStringLiteral("lock-order-inversion"));
    QCOMPARE(RaceMerger::kindId(ReportKind::ThreadLeak), QStringLiteral("thread-leak"));
    QCOMPARE(RaceMerger::kindId(ReportKind::HeapUseAfterFree),
             QStringLiteral("heap-use-after-free"));
    QCOMPARE(RaceMerger::kindId(ReportKind::UnlockOfUnlockedMutex),
             QStringLiteral("unlock-of-unlocked-mutex"));
    QCOMPARE(RaceMerger::kindId(ReportKind::DoubleLock), QStringLiteral("double-lock"));
    QCOMPARE(RaceMerger::kindId(ReportKind::DestroyOfLockedMutex),
             QStringLiteral("destroy-of-locked-mutex"));
    QCOMPARE(RaceMerger::kindId(ReportKind::SignalUnsafeCall),
             QStringLiteral("signal-unsafe-call"));
    QCOMPARE(RaceMerger::kindId(ReportKind::OtherSanitizerReport),
             QStringLiteral("sanitizer-report"));
    QCOMPARE(RaceMerger::opName(AccessOp::Read), QStringLiteral("read"));
    QCOMPARE(RaceMerger::opName(AccessOp::Write), QStringLiteral("write"));
    QCOMPARE(RaceMerger::opName(AccessOp::AtomicRead), QStringLiteral("atomic read"));
    QCOMPARE(RaceMerger::opName(AccessOp::AtomicWrite), QStringLiteral("atomic write"));
    QCOMPARE(RaceMerger::opName(AccessOp::Unknown), QStringLiteral("access"));
}

void TestRaceMerger::classify_data()
{
    QTest::addColumn<Sites>("accesses");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<bool>("go");
    QTest::addColumn<QString>("mistake");
    QTest::addColumn<QString>("hintWords"); // words the hint must contain; empty: no hint

    const QStringList counter =
        source({{12, "\tc.count++"}, {18, "\treturn c.count"}, {24, "\tcount += 1"}});
    QTest::newRow("unlocked-read") << Sites{site("read", "main.(*SafeCounter).Value", 18),
                                            site("write", "main.(*SafeCounter).Inc", 12)}
                                   << counter << true << QStringLiteral("unlocked-read")
                                   << QStringLiteral("lock it in Value too");
    QTest::newRow("unlocked-read, C++")
        << Sites{site("write", "Counter::Inc()", 14), site("read", "Counter::Value() const", 20)}
        << source({{14, "    ++count_;"}, {20, "    return count_;"}}) << false
        << QStringLiteral("unlocked-read") << QStringLiteral("lock it in Value too");
    QTest::newRow("missing-lock: c.count++")
        << Sites{site("write", "main.(*SafeCounter).Inc", 12),
                 site("read", "main.(*SafeCounter).Inc", 12)}
        << counter << true << QStringLiteral("missing-lock") << QStringLiteral("sync.Mutex");
    QTest::newRow("missing-lock: count += 1")
        << Sites{site("write", "main.add", 24), site("write", "main.add", 24)} << counter << true
        << QStringLiteral("missing-lock") << QStringLiteral("sync/atomic");
    QTest::newRow("missing-lock, C++")
        << Sites{site("write", "Counter::Inc()", 14), site("write", "Counter::Inc()", 14)}
        << source({{14, "    ++count_;"}}) << false << QStringLiteral("missing-lock")
        << QStringLiteral("std::mutex");
    QTest::newRow("unlocked-append")
        << Sites{site("write", "main.main.func1", 31), site("read", "main.main.func1", 31)}
        << source({{31, "\t\t\tresults = append(results, r)"}}) << true
        << QStringLiteral("unlocked-append") << QStringLiteral("around every append");
    QTest::newRow("unlocked-append, C++")
        << Sites{site("write", "worker(int)", 22), site("write", "worker(int)", 22)}
        << source({{22, "        results.push_back(fetch(i));"}}) << false
        << QStringLiteral("unlocked-append") << QStringLiteral("around every push_back");
    RaceAccessSite copied =
        site("read", "main.racegradeConcurrentUse.func3", 109, false, "the hidden test");
    copied.stack = Stack{frame("main.(*SafeCounter).Value", QStringLiteral("<autogenerated>"), 1),
                         frame("main.racegradeConcurrentUse.func3", harnessTest, 109)};
    QTest::newRow("copied-lock: a value receiver copies the mutex")
        << Sites{site("write", "main.(*SafeCounter).Inc", 14), copied}
        << source({{14, "\tc.mu.Lock()"}}) << true << QStringLiteral("copied-lock")
        << QStringLiteral("Value has a value receiver");
    QTest::newRow("init-flag")
        << Sites{site("read", "main.(*Config).Load", 20), site("write", "main.(*Config).Load", 24)}
        << source({{20, "\tif !c.initialized {"}, {24, "\t\tc.initialized = true"}}) << true
        << QStringLiteral("init-flag") << QStringLiteral("once.Do(func() { ... })");
    QTest::newRow("init-flag, nil check")
        << Sites{site("read", "main.Settings", 9), site("write", "main.Settings", 10)}
        << source({{9, "\tif settings == nil {"}, {10, "\t\tsettings = load()"}}) << true
        << QStringLiteral("init-flag") << QStringLiteral("sync.Once");
    QTest::newRow("init-flag, C++")
        << Sites{site("read", "Config::load()", 15), site("write", "Config::load()", 17)}
        << source({{15, "    if (!loaded_) {"}, {17, "        loaded_ = true;"}}) << false
        << QStringLiteral("init-flag") << QStringLiteral("std::call_once");
    RaceAccessSite add = site("write", "main.main.func1", 15);
    add.stack = {frame("sync.(*WaitGroup).Add", goRoot + QStringLiteral("/sync/waitgroup.go"), 53),
                 frame("main.main.func1", QStringLiteral("counter.go"), 15)};
    RaceAccessSite wait = site("read", "main.main", 20);
    wait.stack = {
        frame("sync.(*WaitGroup).Wait", goRoot + QStringLiteral("/sync/waitgroup.go"), 116),
        frame("main.main", QStringLiteral("counter.go"), 20)};
    QTest::newRow("add-inside-goroutine, by frames")
        << Sites{add, wait} << source({{15, "\t\twg.Add(1)"}, {20, "\twg.Wait()"}}) << true
        << QStringLiteral("add-inside-goroutine")
        << QStringLiteral("Call wg.Add(1) before the go statement");
    QTest::newRow("add-inside-goroutine, by lines")
        << Sites{site("write", "main.main.func1", 15), site("read", "main.main", 20)}
        << source({{15, "\t\twg.Add(1)"}, {20, "\twg.Wait()"}}) << true
        << QStringLiteral("add-inside-goroutine") << QStringLiteral("not inside the goroutine");
    QTest::newRow("no known mistake")
        << Sites{site("read", "main.report", 40), site("write", "main.main.func1", 33)}
        << source({{33, "\t\ttotal = sum"}, {40, "\tfmt.Println(total)"}}) << true << QString()
        << QString();
    QTest::newRow("lines outside the student's file are not read")
        << Sites{site("write", "main.TestCounter.func1", 12, false, "racegrade_harness_test.go"),
                 site("write", "main.TestCounter.func1", 12, false, "racegrade_harness_test.go")}
        << counter << true << QString() << QString();
}

void TestRaceMerger::classify()
{
    QFETCH(Sites, accesses);
    QFETCH(QStringList, lines);
    QFETCH(bool, go);
    QFETCH(QString, mistake);
    QFETCH(QString, hintWords);

    RaceFinding finding;
    finding.kind = QStringLiteral("data-race");
    finding.accesses = accesses;
    QVector<RaceFinding> findings{finding};
    MistakeClassifier::annotate(findings, lines, go ? Language::Go : Language::Cpp);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().mistake, mistake);
    if (hintWords.isEmpty()) {
        QCOMPARE(findings.first().hint, QString());
    } else {
        QVERIFY2(findings.first().hint.contains(hintWords), qPrintable(findings.first().hint));
    }
    QVERIFY(!findings.first().explanation.isEmpty());
}

void TestRaceMerger::explanation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Sites>("accesses");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<bool>("go");
    QTest::addColumn<QString>("explanation");

    const QStringList counter =
        source({{12, "\tc.count++"}, {18, "\treturn c.count"}, {30, "\tc.reset()"}});
    const QString dataRace = QStringLiteral("data-race");
    QTest::newRow("two lines")
        << dataRace
        << Sites{site("read", "main.(*SafeCounter).Value", 18),
                 site("write", "main.(*SafeCounter).Inc", 12)}
        << QString() << counter << true
        << QStringLiteral("line 18 reads `c.count` while line 12 writes it in another goroutine, "
                          "with no lock held by both");
    QTest::newRow("same line, two writes")
        << dataRace
        << Sites{site("write", "main.(*SafeCounter).Inc", 12),
                 site("write", "main.(*SafeCounter).Inc", 12)}
        << QString() << counter << true
        << QStringLiteral("line 12 writes `c.count` in one goroutine while another goroutine also "
                          "writes it on the same line, with no lock held by both");
    QTest::newRow("same line, write and read")
        << dataRace
        << Sites{site("write", "main.(*SafeCounter).Inc", 12),
                 site("read", "main.(*SafeCounter).Inc", 12)}
        << QString() << counter << true
        << QStringLiteral("line 12 writes `c.count` in one goroutine while another goroutine reads "
                          "it on the same line, with no lock held by both");
    QTest::newRow("C++, variable named by the location")
        << dataRace << Sites{site("write", "worker()", 9), site("write", "worker()", 9)}
        << QStringLiteral("global 'count' of size 4 at 0x55d4 (counter+0x4010)")
        << source({{9, "        ++total;"}}) << false
        << QStringLiteral("line 9 writes `count` in one thread while another thread also writes "
                          "it on the same line, with no lock held by both");
    QTest::newRow("no variable to name")
        << dataRace
        << Sites{site("read", "main.(*SafeCounter).Value", 18),
                 site("write", "main.(*SafeCounter).Reset", 30)}
        << QString() << counter << true
        << QStringLiteral("line 18 reads the same memory while line 30 writes it in another "
                          "goroutine, with no lock held by both");
    QTest::newRow("a side outside the student's file")
        << dataRace
        << Sites{site("write", "main.TestCounter.func1", 40, false, "/x/racegrade_harness_test.go"),
                 site("read", "main.(*SafeCounter).Value", 18)}
        << QString() << counter << true
        << QStringLiteral("/x/racegrade_harness_test.go:40 writes the same memory while line 18 "
                          "reads it in another goroutine, with no lock held by both");
    const QByteArray hidden = SourceMapper::hiddenTestLabel().toUtf8();
    QTest::newRow("a side in the hidden test")
        << dataRace
        << Sites{site("read", "main.racegradeConcurrentUse.func3", 109, false, hidden.constData()),
                 site("write", "main.(*SafeCounter).Inc", 12)}
        << QString() << counter << true
        << QStringLiteral("the hidden test reads `c.count` while line 12 writes it in another "
                          "goroutine, with no lock held by both");
    // A value receiver: the harness calls Value through Go's generated pointer wrapper, which
    // copies the counter while Inc writes it.
    RaceAccessSite copying =
        site("read", "main.racegradeConcurrentUse.func3", 109, false, hidden.constData());
    copying.stack =
        Stack{frame("main.(*SafeCounter).Value", QStringLiteral("<autogenerated>"), 1),
              frame("main.racegradeConcurrentUse.func3", SourceMapper::hiddenTestLabel(), 109)};
    QTest::newRow("copied by a value receiver")
        << dataRace << Sites{site("write", "main.(*SafeCounter).Inc", 12), copying} << QString()
        << counter << true
        << QStringLiteral("calling Value copies the whole struct, its mutex included (the method "
                          "has a value receiver), while line 12 writes it in another goroutine");
    QTest::newRow("thread leak") << QStringLiteral("thread-leak")
                                 << Sites{site("start thread", "main", 30, true, "counter.cpp")}
                                 << QString() << QStringList() << false
                                 << QStringLiteral(
                                        "a thread started at counter.cpp:30 was never joined");
    QTest::newRow("lock-order inversion")
        << QStringLiteral("lock-order-inversion")
        << Sites{site("lock", "transfer()", 10, true, "bank.cpp"),
                 site("lock", "transfer()", 20, true, "bank.cpp")}
        << QString() << QStringList() << false
        << QStringLiteral("locks are taken in different orders in different places (bank.cpp:10, "
                          "bank.cpp:20); two threads doing so at once wait for each other "
                          "forever");
    QTest::newRow("unlock of an unlocked mutex")
        << QStringLiteral("unlock-of-unlocked-mutex")
        << Sites{site("unlock", "withdraw()", 51, true, "bank.cpp")} << QString() << QStringList()
        << false
        << QStringLiteral("a mutex is unlocked at bank.cpp:51 although it is not locked (or by "
                          "another thread)");
    QTest::newRow("double lock")
        << QStringLiteral("double-lock") << Sites{site("lock", "deposit()", 44, true, "bank.cpp")}
        << QString() << QStringList() << false
        << QStringLiteral("a mutex is locked again at bank.cpp:44 by the thread that already "
                          "holds it");
    QTest::newRow("use after free")
        << QStringLiteral("heap-use-after-free")
        << Sites{site("read", "main", 61, true, "bank.cpp")} << QString() << QStringList() << false
        << QStringLiteral("memory is used at bank.cpp:61 after it was freed");
    QTest::newRow("another sanitizer report")
        << QStringLiteral("signal-unsafe-call")
        << Sites{site("call", "handler(int)", 7, true, "bank.cpp")} << QString() << QStringList()
        << false << QStringLiteral("the sanitizer reported signal-unsafe-call at bank.cpp:7");
}

void TestRaceMerger::explanation()
{
    QFETCH(QString, kind);
    QFETCH(Sites, accesses);
    QFETCH(QString, location);
    QFETCH(QStringList, lines);
    QFETCH(bool, go);
    QFETCH(QString, explanation);

    RaceFinding finding;
    finding.kind = kind;
    finding.accesses = accesses;
    finding.location = location;
    QVector<RaceFinding> findings{finding};
    MistakeClassifier::annotate(findings, lines, go ? Language::Go : Language::Cpp);
    QCOMPARE(findings.first().explanation, explanation);
}

void TestRaceMerger::accessedVariable_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("variable");

    QTest::newRow("c.count++") << QStringLiteral("\tc.count++") << QStringLiteral("c.count");
    QTest::newRow("count += 1") << QStringLiteral("count += 1") << QStringLiteral("count");
    QTest::newRow("x := 1") << QStringLiteral("x := 1") << QString();
    QTest::newRow("++count_;") << QStringLiteral("    ++count_;") << QStringLiteral("count_");
    QTest::newRow("--left;") << QStringLiteral("--left;") << QStringLiteral("left");
    QTest::newRow("append") << QStringLiteral("results = append(results, r)")
                            << QStringLiteral("results");
    QTest::newRow("arrow member") << QStringLiteral("this->total_ -= amount;")
                                  << QStringLiteral("this->total_");
    QTest::newRow("indexed") << QStringLiteral("counts[i]++") << QStringLiteral("counts");
    QTest::newRow("flag set") << QStringLiteral("c.ready = true") << QStringLiteral("c.ready");
    QTest::newRow("comparison") << QStringLiteral("if x == 1 {") << QString();
    QTest::newRow("read only") << QStringLiteral("return c.count") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestRaceMerger::accessedVariable()
{
    QFETCH(QString, line);
    QFETCH(QString, variable);
    QCOMPARE(MistakeClassifier::accessedVariable(line), variable);
}

void TestRaceMerger::annotateMergedFindings()
{
    // From reports to words: the merged race of the unlocked Value, then the classifier.
    QVector<RaceFinding> findings = RaceMerger::merge(
        {run(BinaryKind::Program, {readThenWrite()}), run(BinaryKind::Program, {writeThenRead()})},
        goMapper());
    QCOMPARE(findings.size(), 1);
    MistakeClassifier::annotate(findings, source({{12, "\tc.count++"}, {18, "\treturn c.count"}}),
                                Language::Go);
    QCOMPARE(findings.first().explanation,
             QStringLiteral("line 18 reads `c.count` while line 12 writes it in another "
                            "goroutine, with no lock held by both"));
    QCOMPARE(findings.first().mistake, QStringLiteral("unlocked-read"));
    QVERIFY(findings.first().hint.contains(QStringLiteral("lock it in Value too")));
}

void TestRaceMerger::classifyProblem_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("mistake");
    QTest::addColumn<QString>("hintWords");

    QTest::newRow("WaitGroup reused")
        << QStringLiteral("panic")
        << QStringLiteral("sync: WaitGroup is reused before previous Wait has returned")
        << QStringLiteral("add-inside-goroutine")
        << QStringLiteral("Call wg.Add(1) before the go statement");
    QTest::newRow("negative WaitGroup counter")
        << QStringLiteral("panic") << QStringLiteral("sync: negative WaitGroup counter")
        << QStringLiteral("done-too-often") << QStringLiteral("defer wg.Done() at its top");
    QTest::newRow("deadlock") << QStringLiteral("deadlock")
                              << QStringLiteral("all goroutines are asleep - deadlock!")
                              << QStringLiteral("deadlock") << QStringLiteral("defer mu.Unlock()");
    QTest::newRow("concurrent map writes")
        << QStringLiteral("concurrent-map-access") << QStringLiteral("concurrent map writes")
        << QStringLiteral("unlocked-map")
        << QStringLiteral("hold a mutex around every read and write of the map");
    QTest::newRow("other panic") << QStringLiteral("panic")
                                 << QStringLiteral("runtime error: index out of range [3]")
                                 << QString() << QString();
    QTest::newRow("timeout") << QStringLiteral("timeout")
                             << QStringLiteral("did not finish within 10 s") << QString()
                             << QString();
}

void TestRaceMerger::classifyProblem()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QFETCH(QString, mistake);
    QFETCH(QString, hintWords);

    const auto found = MistakeClassifier::classifyProblem(Problem{kind, QString(), 0, message, 1});
    QCOMPARE(found.has_value(), !mistake.isEmpty());
    if (found) {
        QCOMPARE(found->first, mistake);
        QVERIFY2(found->second.contains(hintWords), qPrintable(found->second));
    }
}

void TestRaceMerger::shareHint()
{
    const auto check = [](const char *id, CheckStatus status, const char *hint) {
        return CheckResult{str(id), str(id), status, 0, 1, QString(), str(hint)};
    };
    const QVector<CheckResult> before{
        check("total", CheckStatus::Failed, ""), check("exit", CheckStatus::Failed, "its own hint"),
        check("build", CheckStatus::Passed, ""), check("hidden", CheckStatus::NotRun, "")};
    RaceFinding plain;
    plain.kind = QStringLiteral("data-race");
    RaceFinding known = plain;
    known.hint = QStringLiteral("Lock it in Value too.");
    const Problem deadlock{QStringLiteral("deadlock"), QString(), 0,
                           QStringLiteral("all goroutines are asleep - deadlock!"), 1};
    const Problem timeout{QStringLiteral("timeout"), QString(), 0,
                          QStringLiteral("did not finish within 10 s"), 2};

    // The first race with a hint wins over problems; only failed checks without a hint get it.
    QVector<CheckResult> checks = before;
    MistakeClassifier::shareHint(checks, {plain, known}, {deadlock});
    QCOMPARE(checks.at(0).hint, QStringLiteral("Lock it in Value too."));
    QCOMPARE(checks.at(1).hint, QStringLiteral("its own hint"));
    QCOMPARE(checks.at(2).hint, QString());
    QCOMPARE(checks.at(3).hint, QString());

    // Without a race hint, the first problem that is a known mistake gives it.
    checks = before;
    MistakeClassifier::shareHint(checks, {plain}, {timeout, deadlock});
    QCOMPARE(checks.at(0).hint, MistakeClassifier::classifyProblem(deadlock)->second);
    QCOMPARE(checks.at(1).hint, QStringLiteral("its own hint"));

    // Nothing known: nothing changes.
    checks = before;
    MistakeClassifier::shareHint(checks, {plain}, {timeout});
    QVERIFY(checks == before);
}

QTEST_GUILESS_MAIN(TestRaceMerger)
#include "tst_racemerger.moc"
