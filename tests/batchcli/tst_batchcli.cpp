// `racegrade-cli batch` and `merge` on generated classes, as a teaching assistant runs them:
// every layout read and mapped, every score in its known range, a batch killed half-way and
// resumed without losing or repeating work, overrides kept, shards merged, exports written.
// Grades with the real toolchains (Go, g++).

#include "classgenerator.h"
#include "gradingsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace RaceGrade;
using namespace RaceGrade::TestSupport;

namespace {

// Few runs: the scores of the corpus cases hold at this count (see tests/grading).
const QString testRuns = QStringLiteral("2");
constexpr int batchTimeoutMs = 900000;

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(RACEGRADE_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(batchTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\n--- stdout\n%2\n--- stderr\n%3")
        .arg(run.exitCode)
        .arg(run.out.right(3000), run.err.right(3000));
}

QMap<QString, SubmissionRecord> recordsOf(const QString &sessionPath)
{
    QMap<QString, SubmissionRecord> map;
    const Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(sessionPath);
    if (session) {
        for (const SubmissionRecord &record : session.value()->records()) {
            map.insert(record.studentKey + u'/' + record.exercise, record);
        }
    }
    return map;
}

/// Checks each chosen file of the class against its session record; returns the mismatches.
QStringList compareWithManifest(const GeneratedClass &generated,
                                const QMap<QString, SubmissionRecord> &records)
{
    QStringList mismatches;
    int expected = 0;
    for (const GeneratedStudent &student : generated.students) {
        for (const GeneratedFile &file : student.files) {
            if (!file.chosen || file.exercise.isEmpty()) {
                continue;
            }
            ++expected;
            const QString id = student.key + u'/' + file.exercise;
            const auto record = records.constFind(id);
            if (record == records.cend()) {
                mismatches.append(id + QStringLiteral(": no record"));
                continue;
            }
            const int score = record->grade.score;
            if (!record->graded || record->language != file.language ||
                record->contentHash != file.contentHash || score < file.minScore ||
                score > file.maxScore || verdictId(record->grade.verdict) != file.verdict) {
                mismatches.append(QStringLiteral("%1 (%2, case %3): graded %4, %5 %6/100, "
                                                 "expected %7 in [%8, %9]")
                                      .arg(id, file.relativePath, file.corpusCase)
                                      .arg(record->graded)
                                      .arg(verdictId(record->grade.verdict))
                                      .arg(score)
                                      .arg(file.verdict)
                                      .arg(file.minScore)
                                      .arg(file.maxScore));
            }
            QStringList identical = record->identicalTo;
            QStringList expectedIdentical = file.identicalTo;
            identical.sort();
            expectedIdentical.sort();
            if (identical != expectedIdentical) {
                mismatches.append(QStringLiteral("%1: identical to [%2], expected [%3]")
                                      .arg(id, identical.join(u','), expectedIdentical.join(u',')));
            }
        }
    }
    if (mismatches.isEmpty() && records.size() != expected) {
        mismatches.append(
            QStringLiteral("%1 records for %2 submissions").arg(records.size()).arg(expected));
    }
    return mismatches;
}

} // namespace

class TestBatchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gradesAGeneratedClass();
    void readsEveryLayout_data();
    void readsEveryLayout();
    void overrideSurvivesRegradeAndExport();
    void resumesAfterBeingKilled();
    void shardsMergeIntoOneSession();
    void badInputIsAUsageError();

private:
    QTemporaryDir m_dir;
    GeneratedClass m_class;
    QString m_session;
};

void TestBatchCli::initTestCase()
{
    for (const char *tool : {"go", "g++"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is not installed; run packaging/setup.sh first")
                                .arg(QLatin1String(tool))));
    }
    QVERIFY(m_dir.isValid());
    const Expected<GeneratedClass> generated =
        ClassGenerator::write(m_dir.filePath(QStringLiteral("folders")), ClassLayout::Folders, 11);
    QVERIFY2(generated, qPrintable(generated.error()));
    m_class = generated.value();
    QVERIFY(m_class.students.size() >= 30);
    m_session = m_dir.filePath(QStringLiteral("folders.racegrade"));
}

void TestBatchCli::gradesAGeneratedClass()
{
    const QString roster = m_dir.filePath(QStringLiteral("roster.csv"));
    QFile rosterFile(roster);
    QVERIFY(rosterFile.open(QIODevice::WriteOnly));
    // One student on the roster handed in nothing at all.
    rosterFile.write(m_class.rosterCsv() + "999999,Nobody Handedin,nobody@example.edu,Z\n");
    rosterFile.close();

    const CliRun run =
        runCli({QStringLiteral("batch"), m_class.directory, QStringLiteral("--session"), m_session,
                QStringLiteral("--runs"), testRuns, QStringLiteral("--roster"), roster});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QStringLiteral("folders layout")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Nobody Handedin")), qPrintable(run.out));
    // A line per saved grade when the output is not a terminal.
    QVERIFY2(run.err.contains(QStringLiteral("/%1] ").arg(m_class.submissionCount())),
             qPrintable(run.err));

    const QStringList mismatches = compareWithManifest(m_class, recordsOf(m_session));
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    const Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(m_session);
    QVERIFY(session);
    QCOMPARE(session.value()->roster().size(), m_class.students.size() + 1);
    QCOMPARE(session.value()->setting(QStringLiteral("layout")), QStringLiteral("folders"));
}

void TestBatchCli::readsEveryLayout_data()
{
    QTest::addColumn<QString>("layout");
    for (const ClassLayout layout :
         {ClassLayout::Archives, ClassLayout::Canvas, ClassLayout::Moodle, ClassLayout::Mixed}) {
        QTest::newRow(qPrintable(classLayoutId(layout))) << classLayoutId(layout);
    }
}

void TestBatchCli::readsEveryLayout()
{
    QFETCH(QString, layout);
    const QString name = layout;
    const Expected<GeneratedClass> generated =
        ClassGenerator::write(m_dir.filePath(name), *classLayoutFromId(layout), 11);
    QVERIFY2(generated, qPrintable(generated.error()));

    // The session starts as a copy of the graded folders class: a batch reuses a stored grade
    // of the same bytes, so this reads and maps each layout without building everything again.
    const QString session = m_dir.filePath(name + QStringLiteral(".racegrade"));
    QVERIFY(QFile::copy(m_session, session));
    const CliRun run =
        runCli({QStringLiteral("batch"), generated->directory, QStringLiteral("--session"), session,
                QStringLiteral("--runs"), testRuns});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QStringLiteral(": %1 layout").arg(name)), qPrintable(run.out));

    QMap<QString, SubmissionRecord> records = recordsOf(session);
    const QMap<QString, SubmissionRecord> folderRecords = recordsOf(m_session);
    QSet<QString> keys;
    for (const GeneratedStudent &student : generated->students) {
        keys.insert(student.key);
    }
    for (auto it = records.begin(); it != records.end();) {
        // The copied records of students the layout names differently are not this class's.
        const bool copied = !keys.contains(it->studentKey) && folderRecords.contains(it.key());
        if (copied) {
            it = records.erase(it);
            continue;
        }
        QStringList identical;
        for (const QString &key : std::as_const(it->identicalTo)) {
            if (keys.contains(key)) {
                identical.append(key);
            }
        }
        it->identicalTo = identical;
        ++it;
    }
    const QStringList mismatches = compareWithManifest(generated.value(), records);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
}

void TestBatchCli::overrideSurvivesRegradeAndExport()
{
    const GeneratedStudent &student = m_class.students.first();
    const GeneratedFile *file = nullptr;
    for (const GeneratedFile &candidate : student.files) {
        if (candidate.chosen && !candidate.exercise.isEmpty()) {
            file = &candidate;
            break;
        }
    }
    QVERIFY(file);
    {
        const Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(m_session);
        QVERIFY(session);
        ScoreOverride override;
        override.score = 42;
        override.comment = QStringLiteral("Late, with permission; \"half\" marks, agreed");
        override.author = QStringLiteral("TA");
        override.when = QDateTime::currentDateTimeUtc();
        QCOMPARE(session.value()->setOverride(student.key, file->exercise, override), QString());
    }
    const QString csv = m_dir.filePath(QStringLiteral("grades.csv"));
    const CliRun run =
        runCli({QStringLiteral("batch"), m_class.directory, QStringLiteral("--session"), m_session,
                QStringLiteral("--runs"), testRuns, QStringLiteral("--student"), student.key,
                QStringLiteral("--exercise"), file->exercise, QStringLiteral("--export"),
                QStringLiteral("csv:") + csv});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY2(run.out.contains(QStringLiteral("1 graded")), qPrintable(run.out));

    const SubmissionRecord record = recordsOf(m_session).value(student.key + u'/' + file->exercise);
    QVERIFY(record.override);
    QCOMPARE(record.override->score, 42);
    QCOMPARE(record.effectiveScore(), 42);

    QFile exported(csv);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(exported.readAll());
    QVERIFY2(text.contains(student.email), qPrintable(text.left(2000)));
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QString line;
    for (const QString &candidate : lines) {
        if (candidate.contains(student.email)) {
            line = candidate;
        }
    }
    QVERIFY2(line.contains(QStringLiteral(",42,")), qPrintable(line));
}

void TestBatchCli::resumesAfterBeingKilled()
{
    const Expected<GeneratedClass> small = ClassGenerator::write(
        m_dir.filePath(QStringLiteral("small")), ClassLayout::Folders, 23, {13, false});
    QVERIFY2(small, qPrintable(small.error()));
    const QString session = m_dir.filePath(QStringLiteral("small.racegrade"));
    const QStringList arguments = {QStringLiteral("batch"),     small->directory,
                                   QStringLiteral("--session"), session,
                                   QStringLiteral("--runs"),    testRuns};

    // Killed with no warning once a few grades are stored.
    QProcess first;
    first.start(QStringLiteral(RACEGRADE_CLI_PATH), arguments);
    QVERIFY(first.waitForStarted());
    QMap<QString, QDateTime> gradedBefore;
    QElapsedTimer clock;
    clock.start();
    while (gradedBefore.size() < 4 && clock.elapsed() < batchTimeoutMs &&
           first.state() == QProcess::Running) {
        QTest::qWait(200);
        gradedBefore.clear();
        for (const SubmissionRecord &record : recordsOf(session)) {
            if (record.graded) {
                gradedBefore.insert(record.studentKey + u'/' + record.exercise, record.gradedAt);
            }
        }
    }
    QVERIFY2(first.state() == QProcess::Running, "the batch ended before it could be killed");
    ::kill(pid_t(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished());
    QVERIFY(gradedBefore.size() >= 4);
    const QMap<QString, SubmissionRecord> afterKill = recordsOf(session);
    QVERIFY(afterKill.size() == small->submissionCount());
    int gradedAfterKill = 0;
    for (const SubmissionRecord &record : afterKill) {
        gradedAfterKill += record.graded ? 1 : 0;
    }
    QVERIFY2(gradedAfterKill < small->submissionCount(), "nothing was left to resume");

    const CliRun resumed = runCli(arguments);
    QVERIFY2(resumed.exitCode == 0, qPrintable(describe(resumed)));
    const QMap<QString, SubmissionRecord> records = recordsOf(session);
    const QStringList mismatches = compareWithManifest(small.value(), records);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    for (auto it = gradedBefore.cbegin(); it != gradedBefore.cend(); ++it) {
        // Graded once: the grade from before the kill is the one kept.
        QCOMPARE(records.value(it.key()).gradedAt, it.value());
    }
    QVERIFY2(resumed.out.contains(QStringLiteral("%1 reused").arg(gradedAfterKill)) ||
                 resumed.out.contains(QStringLiteral(" reused")),
             qPrintable(resumed.out));

    // Nothing changed since: nothing is built again.
    const CliRun again = runCli(arguments);
    QVERIFY2(again.exitCode == 0, qPrintable(describe(again)));
    QVERIFY2(again.out.contains(QStringLiteral(": 0 graded")), qPrintable(again.out));
}

void TestBatchCli::shardsMergeIntoOneSession()
{
    const QString base = m_dir.filePath(QStringLiteral("shard"));
    QStringList shards;
    QSet<QString> studentsSeen;
    QMap<QString, SubmissionRecord> gradedInShards;
    for (int shard = 1; shard <= 2; ++shard) {
        const QString session = base + QString::number(shard) + QStringLiteral(".racegrade");
        const CliRun run =
            runCli({QStringLiteral("batch"), m_class.directory, QStringLiteral("--session"),
                    session, QStringLiteral("--runs"), testRuns, QStringLiteral("--exercise"),
                    QStringLiteral("config-once"), QStringLiteral("--shard"),
                    QStringLiteral("%1/2").arg(shard)});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QMap<QString, SubmissionRecord> records = recordsOf(session);
        QVERIFY(!records.isEmpty());
        for (const SubmissionRecord &record : records) {
            QVERIFY2(!studentsSeen.contains(record.studentKey), qPrintable(record.studentKey));
            QCOMPARE(record.exercise, QStringLiteral("config-once"));
            QVERIFY(record.graded);
        }
        for (const SubmissionRecord &record : records) {
            studentsSeen.insert(record.studentKey);
            gradedInShards.insert(record.studentKey + u'/' + record.exercise, record);
        }
        shards.append(session);
    }

    const QString merged = base + QStringLiteral("-merged.racegrade");
    const CliRun run =
        runCli(QStringList{QStringLiteral("merge"), QStringLiteral("--session"), merged} + shards);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QMap<QString, SubmissionRecord> records = recordsOf(merged);
    const QMap<QString, SubmissionRecord> whole = recordsOf(m_session);
    int expected = 0;
    for (const SubmissionRecord &record : whole) {
        if (record.exercise != u"config-once") {
            continue;
        }
        ++expected;
        const QString id = record.studentKey + u'/' + record.exercise;
        const SubmissionRecord joined = records.value(id);
        QCOMPARE(joined.contentHash, record.contentHash);
        // The grade is the shard's: a racy file's score may differ from one grading to the next.
        QCOMPARE(joined.grade.score, gradedInShards.value(id).grade.score);
        QCOMPARE(joined.gradedAt, gradedInShards.value(id).gradedAt);
        // Identical files are flagged across the shards.
        QCOMPARE(joined.identicalTo, record.identicalTo);
    }
    QCOMPARE(records.size(), expected);
}

void TestBatchCli::badInputIsAUsageError()
{
    const CliRun noSession = runCli({QStringLiteral("batch"), m_class.directory});
    QCOMPARE(noSession.exitCode, 2);
    QVERIFY(noSession.err.contains(QStringLiteral("--session")));
    const CliRun noFolder =
        runCli({QStringLiteral("batch"), m_dir.filePath(QStringLiteral("absent")),
                QStringLiteral("--session"), m_session});
    QCOMPARE(noFolder.exitCode, 2);
    QVERIFY(noFolder.err.contains(QStringLiteral("absent: is not a folder")));
    const CliRun badShard =
        runCli({QStringLiteral("batch"), m_class.directory, QStringLiteral("--session"), m_session,
                QStringLiteral("--shard"), QStringLiteral("3/2")});
    QCOMPARE(badShard.exitCode, 2);
    QVERIFY(badShard.err.contains(QStringLiteral("--shard takes K/N")));
    QFile notASession(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notASession.open(QIODevice::WriteOnly));
    notASession.write("these are not grades\n");
    notASession.close();
    const CliRun badSession = runCli({QStringLiteral("batch"), m_class.directory,
                                      QStringLiteral("--session"), notASession.fileName()});
    QCOMPARE(badSession.exitCode, 2);
    QVERIFY2(badSession.err.contains(notASession.fileName()), qPrintable(badSession.err));
}

QTEST_GUILESS_MAIN(TestBatchCli)
#include "tst_batchcli.moc"
