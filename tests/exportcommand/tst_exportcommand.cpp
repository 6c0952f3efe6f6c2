// Runs `racegrade-cli export` on a session filled through GradingSession, as a TA would, and
// reads every export back.

#include "classfixture.h"
#include "classresults.h"
#include "gradebookexport.h"
#include "gradingsession.h"
#include "reportexporter.h"
#include "sessionjson.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace RaceGrade;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments,
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RACEGRADE_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(300000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsEverything();
    void plainExportsNeedNoDisplay();
    void pdfChoosesTheOffscreenPlatform();
    void rejects_data();
    void rejects();
    void someExportFails();
    void help();

private:
    QStringList base() const;

    QTemporaryDir m_dir;
    QString m_session;
    QVector<SubmissionRecord> m_stored;
};

QStringList TestExportCommand::base() const
{
    return {QStringLiteral("export"), QStringLiteral("--session"), m_session,
            QStringLiteral("--exercises"), QStringLiteral(RACEGRADE_SOURCE_DIR "/exercises")};
}

void TestExportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    bool ok = false;
    ClassFixture::runTool(QStringLiteral("pdfinfo"), {QStringLiteral("-v")}, &ok);
    QVERIFY2(ok, "pdfinfo and pdftotext are needed: install poppler-utils");

    // The session a batch would leave: records saved as they finish, a TA's override, the
    // roster, settings.
    QFile notes(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write(QByteArray("Not a database, only a few words of text.\n").repeated(40));
    notes.close();

    m_session = m_dir.filePath(QStringLiteral("class.session"));
    {
        const Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(m_session);
        QVERIFY2(session.hasValue(), qPrintable(session.error()));
        QVector<SubmissionRecord> records = ClassFixture::records();
        for (SubmissionRecord &record : records) {
            const std::optional<ScoreOverride> override = record.override;
            record.override.reset();
            QCOMPARE(session.value()->saveRecord(record), QString());
            if (override) {
                QCOMPARE(session.value()->setOverride(record.studentKey, record.exercise, override),
                         QString());
            }
        }
        QCOMPARE(session.value()->setRoster(ClassFixture::roster()), QString());
        const QMap<QString, QString> settings = ClassFixture::settings();
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            QCOMPARE(session.value()->setSetting(it.key(), it.value()), QString());
        }
        m_stored = session.value()->records();
    }
    QCOMPARE(m_stored.size(), ClassFixture::records().size());
}

void TestExportCommand::exportsEverything()
{
    const QDir out(m_dir.filePath(QStringLiteral("out")));
    QStringList arguments = base();
    QStringList files;
    for (const QString &format : ReportExporter::formatIds()) {
        const bool folder = format == u"gradescope" || format.startsWith(u"feedback");
        const QString extension = format.endsWith(u"pdf")    ? QStringLiteral(".pdf")
                                  : format.endsWith(u"html") ? QStringLiteral(".html")
                                  : format == u"json"        ? QStringLiteral(".json")
                                                             : QStringLiteral(".csv");
        const QString path = out.filePath(format + (folder ? QString() : extension));
        arguments.append(format + u':' + path);
        files.append(path);
    }
    QElapsedTimer timer;
    timer.start();
    const CliRun run = runCli(arguments);
    qInfo("all %lld exports of %lld records took %lld ms", qlonglong(files.size()),
          qlonglong(m_stored.size()), qlonglong(timer.elapsed()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.count(QStringLiteral("wrote ")), files.size());
    for (const QString &path : files) {
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    }

    // Gradebooks: what the engine makes of the stored records, and what a TA expects to see.
    const ClassResults results =
        ClassResults::build(m_stored, ClassFixture::roster(), ClassFixture::catalog());
    QCOMPARE(readAll(out.filePath(QStringLiteral("csv.csv"))),
             GradebookExport::csv(results, GradebookFormat::Generic));
    QString error;
    const QVector<QStringList> canvas =
        ClassFixture::parseCsv(readAll(out.filePath(QStringLiteral("canvas.csv"))), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(canvas.size(), 8);
    QCOMPARE(canvas.at(1).first(), str("Points Possible"));
    QCOMPARE(canvas.at(2),
             (QStringList{str("Ana Lee"), QString(), str("1001"), str("ana.lee@uni.example"),
                          str("A"), str("55"), str("100")}));
    QCOMPARE(canvas.at(3).first(), ClassFixture::boName);
    QCOMPARE(canvas.at(7).first(), ClassFixture::emileName);
    const QVector<QStringList> moodle =
        ClassFixture::parseCsv(readAll(out.filePath(QStringLiteral("moodle.csv"))), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(moodle.at(1).at(2).contains(ClassFixture::anaOverrideComment));

    // Every record of the session comes back from the JSON export unchanged.
    const Expected<SessionData> data = SessionJson::fromJson(
        QJsonDocument::fromJson(readAll(out.filePath(QStringLiteral("json.json")))).object());
    QVERIFY2(data.hasValue(), qPrintable(data.error()));
    QVERIFY(data->records == m_stored);
    QCOMPARE(data->roster, ClassFixture::roster());
    QCOMPARE(data->settings, ClassFixture::settings());
    for (const SubmissionRecord &original : ClassFixture::records()) {
        bool found = false;
        for (const SubmissionRecord &record : data->records) {
            if (record.studentKey == original.studentKey && record.exercise == original.exercise) {
                QVERIFY(record == original);
                found = true;
            }
        }
        QVERIFY(found);
    }

    // One Gradescope folder, feedback page and PDF per student of the roster and beyond.
    QCOMPARE(QDir(out.filePath(QStringLiteral("gradescope")))
                 .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                 .size(),
             6);
    QCOMPARE(QDir(out.filePath(QStringLiteral("feedback-html"))).entryList(QDir::Files).size(), 6);
    const QString anaPdf = out.filePath(QStringLiteral("feedback-pdf/Ana Lee.pdf"));
    bool ok = false;
    const QString anaText =
        QString::fromUtf8(ClassFixture::runTool(QStringLiteral("pdftotext"),
                                                {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                                 anaPdf, QStringLiteral("-")},
                                                &ok))
            .normalized(QString::NormalizationForm_KC)
            .simplified();
    QVERIFY(ok);
    QVERIFY(anaText.contains(QStringLiteral("Score set by a teaching assistant: 55 of 100")));
    QVERIFY(anaText.contains(QStringLiteral("Partial credit: Value() locks, Inc() does not.")));

    const QString summary = out.filePath(QStringLiteral("summary-pdf.pdf"));
    const QString info =
        QString::fromUtf8(ClassFixture::runTool(QStringLiteral("pdfinfo"), {summary}, &ok));
    QVERIFY(ok);
    QVERIFY2(info.contains(
                 QRegularExpression(QStringLiteral("^Title:\\s+Class summary: concurrency-2026$"),
                                    QRegularExpression::MultilineOption)),
             qPrintable(info));
    QVERIFY(info.contains(QStringLiteral("(A4)")));
    QVERIFY(QString::fromUtf8(readAll(out.filePath(QStringLiteral("summary-html.html"))))
                .contains(QStringLiteral("data:image/png;base64,")));
}

void TestExportCommand::plainExportsNeedNoDisplay()
{
    // A platform that does not exist would stop any QGuiApplication at once: the CSV and JSON
    // exports do not start one.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    const QString csv = m_dir.filePath(QStringLiteral("plain/grades.csv"));
    const QString json = m_dir.filePath(QStringLiteral("plain/session.json"));
    const CliRun run = runCli(
        base() << QStringLiteral("csv:") + csv << QStringLiteral("json:") + json, environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFileInfo::exists(csv));
    QVERIFY(QFileInfo::exists(json));
}

void TestExportCommand::pdfChoosesTheOffscreenPlatform()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    const QString pdf = m_dir.filePath(QStringLiteral("headless/summary.pdf"));
    const CliRun run = runCli(base() << QStringLiteral("summary-pdf:") + pdf, environment);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(readAll(pdf).startsWith("%PDF-"));
}

void TestExportCommand::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");

    const QString missing = QStringLiteral("/nonexistent/class.session");
    QTest::newRow("no session") << QStringList{str("export"), str("csv:x.csv")}
                                << str("--session is required");
    QTest::newRow("no export") << QStringList{str("export"), str("--session"), missing}
                               << str("name at least one export");
    QTest::newRow("unknown format")
        << QStringList{str("export"), str("--session"), missing, str("xlsx:x.xlsx")}
        << str("unknown format \"xlsx\"");
    QTest::newRow("missing session file")
        << QStringList{str("export"), str("--session"), missing, str("csv:x.csv")}
        << str("/nonexistent/class.session: no such session file");
    QTest::newRow("not a session")
        << QStringList{str("export"), str("--session"), m_dir.filePath(str("notes.txt")),
                       str("csv:x.csv")}
        << str("notes.txt: ");
}

void TestExportCommand::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(error), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(QStringLiteral("x.csv")));
}

void TestExportCommand::someExportFails()
{
    // The second export cannot be written; the first and third still are.
    const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString first = m_dir.filePath(QStringLiteral("partial/a.csv"));
    const QString third = m_dir.filePath(QStringLiteral("partial/c.json"));
    const CliRun run =
        runCli(base() << QStringLiteral("csv:") + first
                      << QStringLiteral("canvas:") + blocker + QStringLiteral("/b.csv")
                      << QStringLiteral("json:") + third);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(blocker + QStringLiteral("/b.csv")), qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("FAILED canvas")));
    QVERIFY(QFileInfo::exists(first));
    QVERIFY(QFileInfo::exists(third));
}

void TestExportCommand::help()
{
    const CliRun run = runCli({QStringLiteral("export"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const QString &format : ReportExporter::formatIds()) {
        QVERIFY2(run.out.contains(QStringLiteral("  %1:").arg(format)), qPrintable(format));
    }
    const CliRun usage = runCli({});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY(usage.out.contains(QStringLiteral("  export ")));
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
