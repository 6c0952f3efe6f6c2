// Class gradings through the real pipeline into a session file: each distinct file graded once,
// unchanged work reused, overrides kept, a cancelled batch resumed. Needs Go and g++ with TSan.

#include "batchgrader.h"
#include "exerciseloader.h"
#include "gradingsession.h"
#include "processrunner.h"
#include "runslots.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <thread>

using namespace RaceGrade;

namespace {

constexpr int testRuns = 4;

QByteArray corpusFile(const QString &relativePath)
{
    QFile file(QStringLiteral(RACEGRADE_SOURCE_DIR "/tests/grading/data/") + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read the corpus file %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

SubmissionRecord submission(const QString &student, const QString &exercise, Language language,
                            const QString &fileName, const QByteArray &source)
{
    SubmissionRecord record;
    record.studentKey = student.toCaseFolded();
    record.studentName = student;
    record.exercise = exercise;
    record.language = language;
    record.sourcePath = student + u'/' + fileName;
    record.mappingReason = QStringLiteral("set by the test");
    record.source = source;
    record.contentHash = QCryptographicHash::hash(source, QCryptographicHash::Sha256).toHex();
    return record;
}

SubmissionRecord corpusSubmission(const QString &student, const QString &exercise,
                                  Language language, const QString &corpusPath)
{
    return submission(student, exercise, language, QFileInfo(corpusPath).fileName(),
                      corpusFile(corpusPath));
}

QMap<QString, SubmissionRecord> byStudent(const QVector<SubmissionRecord> &records)
{
    QMap<QString, SubmissionRecord> map;
    for (const SubmissionRecord &record : records) {
        map.insert(record.studentKey + u'/' + record.exercise, record);
    }
    return map;
}

} // namespace

class TestBatchGrader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void slotsBoundWhatRunsAtOnce();
    void idleRunsLendTheirSlots();
    void sleepingRunLendsItsSlotWhileItSleeps();
    void idleCoresAdmitRunsBeyondTheCount();
    void shardsSplitTheClass();
    void gradesEachDistinctFileOnce();
    void overrideSurvivesRegrade();
    void cancelledBatchResumesWhereItStopped();

private:
    QVector<SubmissionRecord> smallClass() const;
    BatchOptions options() const;

    ExerciseCatalog m_catalog;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_sessionPath;
};

void TestBatchGrader::initTestCase()
{
    for (const char *tool : {"go", "g++"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is not installed; run packaging/setup.sh first")
                                .arg(QLatin1String(tool))));
    }
    m_catalog = ExerciseLoader::loadCatalog({QStringLiteral(RACEGRADE_SOURCE_DIR "/exercises")});
    QVERIFY2(m_catalog.errors.isEmpty(), qPrintable(m_catalog.errors.join(u'\n')));
}

void TestBatchGrader::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sessionPath = m_dir->filePath(QStringLiteral("class.racegrade"));
}

QVector<SubmissionRecord> TestBatchGrader::smallClass() const
{
    const QByteArray correct = corpusFile(QStringLiteral("go/safe-counter/correct.go"));
    return {
        submission(QStringLiteral("Ana"), QStringLiteral("safe-counter"), Language::Go,
                   QStringLiteral("counter.go"), correct),
        // The same bytes under another name: graded once, reported under its own name.
        submission(QStringLiteral("Ben"), QStringLiteral("safe-counter"), Language::Go,
                   QStringLiteral("safe_counter.go"), correct),
        corpusSubmission(QStringLiteral("Cleo"), QStringLiteral("safe-counter"), Language::Go,
                         QStringLiteral("go/safe-counter/missing-lock.go")),
        corpusSubmission(QStringLiteral("Dev"), QStringLiteral("safe-counter"), Language::Go,
                         QStringLiteral("go/safe-counter/compile-error.go")),
        corpusSubmission(QStringLiteral("Ana"), QStringLiteral("config-once"), Language::Go,
                         QStringLiteral("go/config-once/initialized-flag.go")),
        corpusSubmission(QStringLiteral("Ben"), QStringLiteral("config-once"), Language::Cpp,
                         QStringLiteral("cpp/config-once/correct.cpp")),
    };
}

BatchOptions TestBatchGrader::options() const
{
    BatchOptions options;
    options.grade.runs = testRuns;
    return options;
}

void TestBatchGrader::slotsBoundWhatRunsAtOnce()
{
    RunSlots slots(2);
    std::atomic_bool cancelled{false};
    QVERIFY(slots.acquire(&cancelled));
    QVERIFY(slots.acquire(&cancelled));
    QCOMPARE(slots.inUse(), 2);

    // A third caller waits until a slot comes back...
    std::atomic_bool third{false};
    std::thread waiter([&] { third = slots.acquire(&cancelled); });
    QTest::qWait(150);
    QVERIFY(!third);
    slots.release();
    waiter.join();
    QVERIFY(third);

    // ...no slot is handed out while paused, and a cancelled wait holds nothing.
    slots.release();
    slots.setPaused(true);
    std::atomic_bool paused{true};
    std::thread pausedWaiter([&] { paused = slots.acquire(&cancelled); });
    QTest::qWait(150);
    cancelled = true;
    pausedWaiter.join();
    QVERIFY(!paused);
    QCOMPARE(slots.inUse(), 1);
    {
        cancelled = false;
        slots.setPaused(false);
        const RunSlots::Holder holder(&slots, &cancelled);
        QVERIFY(holder.held());
        QCOMPARE(slots.inUse(), 2);
    }
    QCOMPARE(slots.inUse(), 1);
}

void TestBatchGrader::idleRunsLendTheirSlots()
{
    RunSlots slots(1);
    std::atomic_bool cancelled{false};
    {
        RunSlots::Holder sleeper(&slots, &cancelled);
        QCOMPARE(slots.inUse(), 1);
        // While the holder's process sleeps, its slot goes to another run...
        sleeper.setIdle(true);
        QCOMPARE(slots.inUse(), 0);
        {
            const RunSlots::Holder worker(&slots, &cancelled);
            QVERIFY(worker.held());
            QCOMPARE(slots.inUse(), 1);
            // ...and comes back when it works again, even beyond the count.
            sleeper.setIdle(false);
            QCOMPARE(slots.inUse(), 2);
        }
        QCOMPARE(slots.inUse(), 1);
        sleeper.setIdle(true);
        QCOMPARE(slots.inUse(), 0);
    }
    // A holder that ends while lent frees nothing twice.
    QCOMPARE(slots.inUse(), 0);

    // No more than lendFactor slots per slot are lent at once.
    std::vector<std::unique_ptr<RunSlots::Holder>> holders;
    for (int i = 0; i <= RunSlots::lendFactor; ++i) {
        holders.push_back(std::make_unique<RunSlots::Holder>(&slots, &cancelled));
        holders.back()->setIdle(true);
    }
    QCOMPARE(slots.inUse(), 1);
    holders.clear();
    QCOMPARE(slots.inUse(), 0);
}

void TestBatchGrader::sleepingRunLendsItsSlotWhileItSleeps()
{
    // The runner tells when a process stops using the CPU: a sleep is idle, a busy loop is not.
    const auto idleChanges = [](const QString &script) {
        RunRequest request;
        request.program = QStringLiteral("/bin/sh");
        request.arguments = QStringList{QStringLiteral("-c"), script};
        request.environment = ProcessRunner::systemEnvironment();
        request.timeLimitMs = 5000;
        request.taskLimit = 64; // the watchdog only looks at a tree it has limits for
        QVector<bool> changes;
        request.onIdleChanged = [&changes](bool idle) { changes.append(idle); };
        const RunResult result = ProcessRunner::run(request, nullptr);
        return result.exitedWith(0) ? changes : QVector<bool>{};
    };
    const QVector<bool> sleeping = idleChanges(QStringLiteral("sleep 1"));
    QVERIFY2(!sleeping.isEmpty() && sleeping.first(), "a sleeping process was not found idle");
    const QVector<bool> busy =
        idleChanges(QStringLiteral("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"));
    QVERIFY2(busy.isEmpty() || !busy.first(), "a busy process was found idle at once");
}

void TestBatchGrader::idleCoresAdmitRunsBeyondTheCount()
{
    // A meter that finds what the test sets once; the next reading finds the cores busy again.
    std::atomic<double> idleCores{0.0};
    const int cap = 4;
    RunSlots slots(
        1, [&idleCores] { return std::optional<double>(idleCores.exchange(0.0)); }, cap);
    QCOMPARE(slots.processCap(), cap);
    std::atomic_bool cancelled{false};
    QVERIFY(slots.acquire(&cancelled));
    const auto acquireOnThread = [&](std::atomic_bool &got, double expectedCores) {
        return std::thread([&got, &slots, &cancelled, expectedCores] {
            got = slots.acquire(&cancelled, expectedCores);
        });
    };

    // Busy cores: a run waits...
    std::atomic_bool run{false};
    std::thread runWaiter = acquireOnThread(run, RunSlots::runCores);
    QTest::qWait(150);
    QVERIFY(!run);
    // ...until the meter finds a little idle time, enough for that run and no other.
    idleCores = 1.5 * RunSlots::runCores;
    runWaiter.join();
    QVERIFY(run);
    QCOMPARE(slots.inUse(), 2);
    std::atomic_bool secondRun{false};
    std::thread secondRunWaiter = acquireOnThread(secondRun, RunSlots::runCores);
    QTest::qWait(150);
    QVERIFY(!secondRun);

    // Half an idle core starts the run but not a compiler, which needs a whole one.
    std::atomic_bool build{false};
    std::thread buildWaiter = acquireOnThread(build, RunSlots::buildCores);
    idleCores = 0.5;
    secondRunWaiter.join();
    QVERIFY(secondRun);
    QTest::qWait(150);
    QVERIFY(!build);
    idleCores = 1.0;
    buildWaiter.join();
    QVERIFY(build);
    QCOMPARE(slots.inUse(), cap);

    // Never beyond the process cap, however idle the cores.
    idleCores = 8.0;
    std::atomic_bool capped{true};
    std::thread cappedWaiter = acquireOnThread(capped, RunSlots::runCores);
    QTest::qWait(150);
    cancelled = true;
    cappedWaiter.join();
    QVERIFY(!capped);
    QCOMPARE(slots.inUse(), cap);

    // Nor is a slot lent once the cap is reached: another run would take it.
    cancelled = false;
    slots.release();
    {
        RunSlots::Holder holder(&slots, &cancelled, RunSlots::runCores);
        QVERIFY(holder.held());
        holder.setIdle(true);
        QCOMPARE(slots.inUse(), cap);
    }
    for (int i = 1; i < cap; ++i) {
        slots.release();
    }
    QCOMPARE(slots.inUse(), 0);
}

void TestBatchGrader::shardsSplitTheClass()
{
    constexpr int shards = 3;
    QVector<int> sizes(shards, 0);
    for (int student = 0; student < 300; ++student) {
        const QString key = QStringLiteral("student %1").arg(student);
        int holders = 0;
        for (int shard = 0; shard < shards; ++shard) {
            if (BatchGrader::inShard(key, shard, shards)) {
                ++holders;
                ++sizes[shard];
            }
        }
        QCOMPARE(holders, 1);
        QVERIFY(BatchGrader::inShard(key, 0, 1));
    }
    for (int size : std::as_const(sizes)) {
        QVERIFY2(size > 70 && size < 130, qPrintable(QString::number(size)));
    }
}

void TestBatchGrader::gradesEachDistinctFileOnce()
{
    const QVector<SubmissionRecord> submissions = smallClass();
    {
        auto session = GradingSession::open(m_sessionPath);
        QVERIFY2(session, qPrintable(session.error()));
        QVector<BatchProgress> steps;
        std::mutex stepsMutex;
        const BatchSummary summary = BatchGrader::run(
            submissions, m_catalog, *session.value(), options(), [&](const BatchProgress &step) {
                const std::lock_guard<std::mutex> lock(stepsMutex);
                steps.append(step);
            });
        QVERIFY2(summary.errors.isEmpty(), qPrintable(summary.errors.join(u'\n')));
        QCOMPARE(summary.graded, 5);
        QCOMPARE(summary.reused, 1);
        QCOMPARE(summary.remaining, 0);
        QCOMPARE(summary.failed, 3);
        QVERIFY(!steps.isEmpty());
        QCOMPARE(steps.constLast().done, 6);
        QCOMPARE(steps.constLast().total, 6);
        for (int i = 1; i < steps.size(); ++i) {
            QVERIFY(steps.at(i).done >= steps.at(i - 1).done);
        }
    }

    // A new connection sees everything: the session is the file.
    auto session = GradingSession::open(m_sessionPath);
    QVERIFY2(session, qPrintable(session.error()));
    const QMap<QString, SubmissionRecord> records = byStudent(session.value()->records());
    QCOMPARE(records.size(), 6);
    for (const SubmissionRecord &record : records) {
        QVERIFY2(record.graded, qPrintable(record.sourcePath));
        QVERIFY(record.gradedAt.isValid());
        QCOMPARE(record.grade.exercise, record.exercise);
    }
    const SubmissionRecord ana = records.value(QStringLiteral("ana/safe-counter"));
    const SubmissionRecord ben = records.value(QStringLiteral("ben/safe-counter"));
    QCOMPARE(ana.grade.verdict, Verdict::Pass);
    QCOMPARE(ana.grade.score, 100);
    QCOMPARE(ben.grade.score, 100);
    QCOMPARE(ana.grade.sourceFile, QStringLiteral("counter.go"));
    QCOMPARE(ben.grade.sourceFile, QStringLiteral("safe_counter.go"));
    QCOMPARE(ana.identicalTo, QStringList{QStringLiteral("ben")});
    QCOMPARE(ben.identicalTo, QStringList{QStringLiteral("ana")});

    const SubmissionRecord cleo = records.value(QStringLiteral("cleo/safe-counter"));
    QCOMPARE(cleo.grade.verdict, Verdict::Fail);
    QVERIFY(!cleo.grade.check(u"race-free")->passed());
    QVERIFY(!cleo.grade.races.isEmpty());
    QCOMPARE(cleo.grade.races.first().accesses.first().line, 13);
    QVERIFY(cleo.identicalTo.isEmpty());
    const SubmissionRecord dev = records.value(QStringLiteral("dev/safe-counter"));
    QVERIFY(!dev.grade.compile.ok);
    QCOMPARE(dev.grade.score, 0);
    QCOMPARE(records.value(QStringLiteral("ben/config-once")).grade.verdict, Verdict::Pass);
    QCOMPARE(records.value(QStringLiteral("ana/config-once")).grade.verdict, Verdict::Fail);

    // Nothing changed: nothing is built or run again, and the stored grades stay as they were.
    const BatchSummary again =
        BatchGrader::run(submissions, m_catalog, *session.value(), options());
    QCOMPARE(again.graded, 0);
    QCOMPARE(again.reused, 6);
    QCOMPARE(again.failed, 3);
    const QMap<QString, SubmissionRecord> after = byStudent(session.value()->records());
    for (auto it = records.cbegin(); it != records.cend(); ++it) {
        QCOMPARE(after.value(it.key()).gradedAt, it.value().gradedAt);
        QCOMPARE(after.value(it.key()).grade, it.value().grade);
    }
}

void TestBatchGrader::overrideSurvivesRegrade()
{
    auto session = GradingSession::open(m_sessionPath);
    QVERIFY2(session, qPrintable(session.error()));
    const QVector<SubmissionRecord> submissions = {
        corpusSubmission(QStringLiteral("Cleo"), QStringLiteral("safe-counter"), Language::Go,
                         QStringLiteral("go/safe-counter/missing-lock.go")),
        corpusSubmission(QStringLiteral("Dev"), QStringLiteral("safe-counter"), Language::Go,
                         QStringLiteral("go/safe-counter/compile-error.go")),
    };
    QCOMPARE(BatchGrader::run(submissions, m_catalog, *session.value(), options()).graded, 2);

    ScoreOverride override;
    override.score = 55;
    override.comment =
        QStringLiteral("Explained the race well in the write-up, \"partial\" credit");
    override.author = QStringLiteral("TA");
    override.when = QDateTime::currentDateTimeUtc();
    QCOMPARE(session.value()->setOverride(QStringLiteral("cleo"), QStringLiteral("safe-counter"),
                                          override),
             QString());

    // Regraded on purpose, and then with new bytes: the TA's score stays.
    BatchOptions regrade = options();
    regrade.regradeUnchanged = true;
    QCOMPARE(BatchGrader::run(submissions, m_catalog, *session.value(), regrade).graded, 2);
    std::optional<SubmissionRecord> cleo =
        session.value()->record(QStringLiteral("cleo"), QStringLiteral("safe-counter"));
    QVERIFY(cleo && cleo->override);
    QCOMPARE(cleo->override->score, 55);
    QCOMPARE(cleo->override->comment, override.comment);
    QCOMPARE(cleo->effectiveScore(), 55);
    QVERIFY(cleo->grade.score < 55);

    const QVector<SubmissionRecord> fixed = {
        submission(QStringLiteral("Cleo"), QStringLiteral("safe-counter"), Language::Go,
                   QStringLiteral("missing-lock.go"),
                   corpusFile(QStringLiteral("go/safe-counter/correct.go")))};
    const BatchSummary summary = BatchGrader::run(fixed, m_catalog, *session.value(), options());
    QCOMPARE(summary.graded, 1);
    cleo = session.value()->record(QStringLiteral("cleo"), QStringLiteral("safe-counter"));
    QVERIFY(cleo && cleo->override);
    QCOMPARE(cleo->grade.score, 100);
    QCOMPARE(cleo->effectiveScore(), 55);
}

void TestBatchGrader::cancelledBatchResumesWhereItStopped()
{
    const QVector<SubmissionRecord> submissions = smallClass();
    auto session = GradingSession::open(m_sessionPath);
    QVERIFY2(session, qPrintable(session.error()));

    // Cancel as soon as the first grade is saved.
    BatchControl control;
    BatchOptions oneAtATime = options();
    oneAtATime.parallelGradings = 1;
    const BatchSummary first = BatchGrader::run(
        submissions, m_catalog, *session.value(), oneAtATime,
        [&](const BatchProgress &step) {
            if (!step.lastStudentKey.isEmpty()) {
                control.cancelled = true;
            }
        },
        &control);
    QVERIFY2(first.remaining > 0, qPrintable(QString::number(first.remaining)));
    QVERIFY(first.graded >= 1);
    QCOMPARE(first.graded + first.remaining + first.reused, 6);

    // Every submission is listed at once; the graded ones keep their grade.
    QVector<SubmissionRecord> stored = session.value()->records();
    QCOMPARE(stored.size(), 6);
    QMap<QString, QDateTime> gradedBefore;
    for (const SubmissionRecord &record : std::as_const(stored)) {
        if (record.graded) {
            gradedBefore.insert(record.studentKey + u'/' + record.exercise, record.gradedAt);
        }
    }
    QCOMPARE(gradedBefore.size(), first.graded + first.reused);

    const BatchSummary second =
        BatchGrader::run(submissions, m_catalog, *session.value(), options());
    QCOMPARE(second.remaining, 0);
    QCOMPARE(second.reused, gradedBefore.size() + (second.graded == 5 ? 1 : 0));
    QVERIFY(second.graded < 5);
    stored = session.value()->records();
    QCOMPARE(stored.size(), 6);
    for (const SubmissionRecord &record : std::as_const(stored)) {
        QVERIFY2(record.graded, qPrintable(record.sourcePath));
        const QString id = record.studentKey + u'/' + record.exercise;
        if (gradedBefore.contains(id)) {
            // Not graded a second time.
            QCOMPARE(record.gradedAt, gradedBefore.value(id));
        }
    }
}

QTEST_GUILESS_MAIN(TestBatchGrader)
#include "tst_batchgrader.moc"
