// Runs racegrade-cli as a user would and checks exit statuses, JSON shapes and text output.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RACEGRADE_CLI_PATH), arguments);
    process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(600000)) {
        process.kill();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString reference(const QString &exercise, const QString &file)
{
    return QStringLiteral(RACEGRADE_SOURCE_DIR "/exercises/") + exercise + u'/' + file;
}

QJsonObject parseObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

// A racy counter: count++ with no lock, a line the tests know.
const QByteArray racyCounter = "package main\n"
                               "\n"
                               "import (\n"
                               "\t\"fmt\"\n"
                               "\t\"sync\"\n"
                               ")\n"
                               "\n"
                               "type SafeCounter struct {\n"
                               "\tmu    sync.Mutex\n"
                               "\tcount int\n"
                               "}\n"
                               "\n"
                               "func (c *SafeCounter) Inc() { c.count++ }\n"
                               "\n"
                               "func (c *SafeCounter) Value() int {\n"
                               "\tc.mu.Lock()\n"
                               "\tdefer c.mu.Unlock()\n"
                               "\treturn c.count\n"
                               "}\n"
                               "\n"
                               "func main() {\n"
                               "\tvar c SafeCounter\n"
                               "\tvar wg sync.WaitGroup\n"
                               "\tfor i := 0; i < 100; i++ {\n"
                               "\t\twg.Add(1)\n"
                               "\t\tgo func() {\n"
                               "\t\t\tdefer wg.Done()\n"
                               "\t\t\tfor j := 0; j < 100; j++ {\n"
                               "\t\t\t\tc.Inc()\n"
                               "\t\t\t}\n"
                               "\t\t}()\n"
                               "\t}\n"
                               "\twg.Wait()\n"
                               "\tfmt.Println(c.Value())\n"
                               "}\n";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void helpOnEveryCommand_data();
    void helpOnEveryCommand();
    void gradePassingJson();
    void gradeRacyJson();
    void gradeHumanOutput();
    void gradeMissingCompiler();
    void parseJson();
    void parseGithub();
    void parseCleanLog();
    void exercisesJson();
    void sandboxWorks();
    void noSilentFallbackWithoutSandbox();
    void brokenInput_data();
    void brokenInput();
    void fileNamedWithSpacesAndLettersFromWindows();
    void scanShowsWhatAClassHolds();
    void scanShowsThePlan();

private:
    QTemporaryDir m_dir;
    QString m_racyPath;
};

void TestCli::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(RACEGRADE_CLI_PATH)));
    QVERIFY(m_dir.isValid());
    m_racyPath = m_dir.filePath(QStringLiteral("racy counter.go"));
    QFile racy(m_racyPath);
    QVERIFY(racy.open(QIODevice::WriteOnly));
    racy.write(racyCounter);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString racy = m_dir.filePath(QStringLiteral("racy counter.go"));
    QTest::newRow("no command") << QStringList() << QStringLiteral("Usage:");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
    QTest::newRow("no file") << QStringList{QStringLiteral("grade"), QStringLiteral("--exercise"),
                                            QStringLiteral("safe-counter")}
                             << QStringLiteral("exactly one file");
    QTest::newRow("missing file") << QStringList{QStringLiteral("grade"),
                                                 QStringLiteral("--exercise"),
                                                 QStringLiteral("safe-counter"),
                                                 QStringLiteral("/nonexistent/x.go")}
                                  << QStringLiteral("/nonexistent/x.go: no such file");
    QTest::newRow("no exercise") << QStringList{QStringLiteral("grade"), racy}
                                 << QStringLiteral("--exercise is required");
    QTest::newRow("unknown exercise")
        << QStringList{QStringLiteral("grade"), QStringLiteral("--exercise"),
                       QStringLiteral("nope"), racy}
        << QStringLiteral("unknown exercise \"nope\" (known: safe-counter, parallel-fetch, "
                          "config-once)");
    QTest::newRow("bad runs") << QStringList{QStringLiteral("grade"),
                                             QStringLiteral("--exercise"),
                                             QStringLiteral("safe-counter"),
                                             QStringLiteral("--runs"),
                                             QStringLiteral("zero"),
                                             racy}
                              << QStringLiteral("--runs needs a whole number above 0");
    QTest::newRow("unknown extension")
        << QStringList{QStringLiteral("grade"), QStringLiteral("--exercise"),
                       QStringLiteral("safe-counter"), m_dir.path()}
        << QStringLiteral("cannot tell the language");
    QTest::newRow("folder") << QStringList{QStringLiteral("grade"),
                                           QStringLiteral("--exercise"),
                                           QStringLiteral("safe-counter"),
                                           QStringLiteral("--language"),
                                           QStringLiteral("go"),
                                           m_dir.path()}
                            << QStringLiteral("is a folder");
    QTest::newRow("unreadable parse input")
        << QStringList{QStringLiteral("parse"), QStringLiteral("/nonexistent/log.txt")}
        << QStringLiteral("/nonexistent/log.txt: cannot be read");
    QTest::newRow("bad format") << QStringList{QStringLiteral("parse"), QStringLiteral("--format"),
                                               QStringLiteral("xml")}
                                << QStringLiteral("unknown format \"xml\"");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message) || run.out.contains(message), qPrintable(run.err));
}

void TestCli::helpOnEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("grade") << QStringLiteral("grade") << QStringLiteral("--exercise");
    QTest::newRow("parse") << QStringLiteral("parse") << QStringLiteral("--format");
    QTest::newRow("exercises") << QStringLiteral("exercises") << QStringLiteral("--json");
    QTest::newRow("sandbox") << QStringLiteral("sandbox") << QStringLiteral("--json");
    QTest::newRow("scan") << QStringLiteral("scan") << QStringLiteral("class-dir");
    QTest::newRow("export") << QStringLiteral("export") << QStringLiteral("--session");
}

void TestCli::helpOnEveryCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, mentions);
    const CliRun run = runCli({command, QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(mentions), qPrintable(run.out));
}

void TestCli::gradePassingJson()
{
    const CliRun run = runCli(
        {QStringLiteral("grade"), QStringLiteral("--exercise"), QStringLiteral("config-once"),
         QStringLiteral("--runs"), QStringLiteral("4"), QStringLiteral("--json"),
         reference(QStringLiteral("config-once"), QStringLiteral("go/reference.go"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject grade = parseObject(run.out);
    QCOMPARE(grade.value(QLatin1String("exercise")).toString(), QStringLiteral("config-once"));
    QCOMPARE(grade.value(QLatin1String("language")).toString(), QStringLiteral("go"));
    QCOMPARE(grade.value(QLatin1String("verdict")).toString(), QStringLiteral("pass"));
    QCOMPARE(grade.value(QLatin1String("score")).toInt(), 100);
    QCOMPARE(grade.value(QLatin1String("max_score")).toInt(), 100);
    const QJsonObject compile = grade.value(QLatin1String("compile")).toObject();
    QCOMPARE(compile.value(QLatin1String("ok")).toBool(), true);
    QVERIFY(compile.value(QLatin1String("diagnostics")).isArray());
    const QJsonObject runs = grade.value(QLatin1String("runs")).toObject();
    QVERIFY(runs.value(QLatin1String("count")).toInt() >= 4);
    QCOMPARE(runs.value(QLatin1String("racy")).toInt(), 0);
    QCOMPARE(runs.value(QLatin1String("timeouts")).toInt(), 0);
    QCOMPARE(runs.value(QLatin1String("crashes")).toInt(), 0);
    const QJsonArray checks = grade.value(QLatin1String("checks")).toArray();
    QVERIFY(checks.size() >= 4);
    for (const QJsonValue &value : checks) {
        const QJsonObject check = value.toObject();
        for (const char *key : {"id", "title", "detail"}) {
            QVERIFY2(check.value(QLatin1String(key)).isString(), key);
        }
        QCOMPARE(check.value(QLatin1String("passed")).toBool(), true);
        QCOMPARE(check.value(QLatin1String("points")).toInt(),
                 check.value(QLatin1String("max_points")).toInt());
    }
    QCOMPARE(grade.value(QLatin1String("races")).toArray().size(), 0);
    QVERIFY(grade.value(QLatin1String("problems")).isArray());
}

void TestCli::gradeRacyJson()
{
    const CliRun run = runCli({QStringLiteral("grade"), QStringLiteral("--exercise"),
                               QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                               QStringLiteral("4"), QStringLiteral("--json"), m_racyPath});
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    const QJsonObject grade = parseObject(run.out);
    QCOMPARE(grade.value(QLatin1String("verdict")).toString(), QStringLiteral("fail"));
    const QJsonArray races = grade.value(QLatin1String("races")).toArray();
    QVERIFY(!races.isEmpty());
    const QJsonObject race = races.first().toObject();
    QCOMPARE(race.value(QLatin1String("kind")).toString(), QStringLiteral("data-race"));
    QVERIFY(race.value(QLatin1String("occurrences")).toInt() >= 1);
    const QJsonArray accesses = race.value(QLatin1String("accesses")).toArray();
    QCOMPARE(accesses.size(), 2);
    for (const QJsonValue &value : accesses) {
        const QJsonObject access = value.toObject();
        QCOMPARE(access.value(QLatin1String("file")).toString(), m_racyPath);
        QCOMPARE(access.value(QLatin1String("line")).toInt(), 13);
        QVERIFY(access.value(QLatin1String("column")).isDouble());
        QCOMPARE(access.value(QLatin1String("function")).toString(),
                 QStringLiteral("main.(*SafeCounter).Inc"));
        QVERIFY(access.value(QLatin1String("thread")).toString().startsWith(u"goroutine"));
        QVERIFY(access.value(QLatin1String("op")).isString());
    }
    bool raceCheckFailed = false;
    for (const QJsonValue &value : grade.value(QLatin1String("checks")).toArray()) {
        const QJsonObject check = value.toObject();
        if (check.value(QLatin1String("id")).toString() == u"race-free") {
            raceCheckFailed = !check.value(QLatin1String("passed")).toBool();
        }
    }
    QVERIFY(raceCheckFailed);
}

void TestCli::gradeHumanOutput()
{
    const CliRun run = runCli({QStringLiteral("grade"), QStringLiteral("--exercise"),
                               QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                               QStringLiteral("4"), m_racyPath});
    QCOMPARE(run.exitCode, 1);
    // Not a terminal: no colour codes.
    QVERIFY(!run.out.contains(u'\x1b'));
    QVERIFY2(run.out.contains(QStringLiteral("FAIL")), qPrintable(run.out));
    QVERIFY2(run.out.contains(m_racyPath + QStringLiteral(":13")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Score: ")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("hint:")), qPrintable(run.out));
}

void TestCli::gradeMissingCompiler()
{
    const CliRun run = runCli(
        {QStringLiteral("grade"), QStringLiteral("--exercise"), QStringLiteral("safe-counter"),
         QStringLiteral("--compiler"), QStringLiteral("no-such-compiler++"),
         reference(QStringLiteral("safe-counter"), QStringLiteral("cpp/reference.cpp"))});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(QStringLiteral("no-such-compiler++")), qPrintable(run.out));
}

void TestCli::parseJson()
{
    const CliRun run = runCli({QStringLiteral("parse"), QStringLiteral("--json"),
                               QFINDTESTDATA("data/go-shared-total.txt")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject parsed = parseObject(run.out);
    QCOMPARE(parsed.value(QLatin1String("reported_count")).toInt(), 1);
    const QJsonArray races = parsed.value(QLatin1String("races")).toArray();
    QCOMPARE(races.size(), 1);
    const QJsonArray accesses = races.first().toObject().value(QLatin1String("accesses")).toArray();
    QCOMPARE(accesses.size(), 2);
    const QJsonObject read = accesses.at(0).toObject();
    QCOMPARE(read.value(QLatin1String("op")).toString(), QStringLiteral("read"));
    QCOMPARE(read.value(QLatin1String("file")).toString(),
             QStringLiteral("/home/student/shared/main.go"));
    QCOMPARE(read.value(QLatin1String("line")).toInt(), 15);
    QCOMPARE(read.value(QLatin1String("thread")).toString(), QStringLiteral("goroutine 9"));
    QCOMPARE(accesses.at(1).toObject().value(QLatin1String("op")).toString(),
             QStringLiteral("write"));
    QCOMPARE(parsed.value(QLatin1String("problems")).toArray().size(), 0);

    // The same text on stdin gives the same answer.
    QFile input(QFINDTESTDATA("data/go-shared-total.txt"));
    QVERIFY(input.open(QIODevice::ReadOnly));
    const CliRun fromStdin = runCli(
        {QStringLiteral("parse"), QStringLiteral("--json"), QStringLiteral("-")}, input.readAll());
    QCOMPARE(fromStdin.out, run.out);
}

void TestCli::parseGithub()
{
    const CliRun run =
        runCli({QStringLiteral("parse"), QStringLiteral("--format"), QStringLiteral("github"),
                QFINDTESTDATA("data/go-shared-total.txt")});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QStringLiteral(
                 "::error file=/home/student/shared/main.go,line=15,title=data-race::read at "
                 "/home/student/shared/main.go:15 in main.main.func1; write at "
                 "/home/student/shared/main.go:15 in main.main.func1")),
             qPrintable(lines.first()));
}

void TestCli::parseCleanLog()
{
    const CliRun run = runCli({QStringLiteral("parse"), QFINDTESTDATA("data/clean-log.txt")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("no race reports")));
}

void TestCli::exercisesJson()
{
    const CliRun run = runCli({QStringLiteral("exercises"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QStringList ids;
    for (const QJsonValue &value : list) {
        ids.append(value.toObject().value(QLatin1String("id")).toString());
        QCOMPARE(value.toObject().value(QLatin1String("languages")).toArray().size(), 2);
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("safe-counter"), QStringLiteral("parallel-fetch"),
                               QStringLiteral("config-once")}));
}

void TestCli::sandboxWorks()
{
    const CliRun run = runCli({QStringLiteral("sandbox"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject status = parseObject(run.out);
    QCOMPARE(status.value(QLatin1String("available")).toBool(), true);
    QVERIFY(status.value(QLatin1String("version")).toString().startsWith(u"bubblewrap"));

    // Every report says so, on its second line.
    const CliRun graded = runCli({QStringLiteral("grade"), QStringLiteral("--exercise"),
                                  QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                                  QStringLiteral("2"), m_racyPath});
    QCOMPARE(graded.out.split(u'\n').value(1).trimmed(),
             status.value(QLatin1String("summary")).toString());
}

void TestCli::noSilentFallbackWithoutSandbox()
{
    // A bwrap that fails at once stands for a machine without user namespaces.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("RACEGRADE_BWRAP"), QStringLiteral("/bin/false"));
    const CliRun check = runCli({QStringLiteral("sandbox")}, {}, environment);
    QCOMPARE(check.exitCode, 3);
    QVERIFY2(check.out.startsWith(QStringLiteral("cannot sandbox: bubblewrap cannot start a "
                                                 "sandbox here")),
             qPrintable(check.out));

    const QString reference =
        ::reference(QStringLiteral("config-once"), QStringLiteral("go/reference.go"));
    const QStringList grade = {QStringLiteral("grade"),       QStringLiteral("--exercise"),
                               QStringLiteral("config-once"), QStringLiteral("--runs"),
                               QStringLiteral("2"),           reference};
    const CliRun refused = runCli(grade, {}, environment);
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.out.contains(QStringLiteral("student code cannot be sandboxed on this "
                                                 "machine")),
             qPrintable(refused.out));
    QVERIFY(refused.out.contains(QStringLiteral("--no-sandbox")));

    const CliRun chosen =
        runCli(grade + QStringList{QStringLiteral("--no-sandbox")}, {}, environment);
    QVERIFY2(chosen.exitCode == 0, qPrintable(chosen.out + chosen.err));
    QVERIFY2(chosen.out.contains(QStringLiteral("NOT sandboxed")), qPrintable(chosen.out));
}

void TestCli::brokenInput_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");

    QTest::newRow("empty") << QStringLiteral("empty.go") << QByteArray() << 1
                           << QStringLiteral("empty.go:1: the file is empty");
    QTest::newRow("a program, not source")
        << QStringLiteral("counter.go")
        << QByteArray("\x7F"
                      "ELF\x02\x01\x01\0\0",
                      9)
        << 1 << QStringLiteral("counter.go:1: the file is not text");
    QTest::newRow("Latin-1 Go") << QStringLiteral("latin.go")
                                << QByteArray("package main\n// \xE9t\xE9\nfunc main() {}\n") << 1
                                << QStringLiteral("latin.go:2: line 2 is not valid UTF-8");
    QTest::newRow("wrong package")
        << QStringLiteral("lib.go") << QByteArray("package counter\n\nfunc Inc() {}\n") << 1
        << QStringLiteral("package must be main");
    QTest::newRow("no main in C++")
        << QStringLiteral("counter.cpp") << QByteArray("struct SafeCounter {};\n") << 1
        << QStringLiteral("counter.cpp: the file has no main function");
    QTest::newRow("far too large")
        << QStringLiteral("huge.go") << QByteArray(3 * 1024 * 1024, '/') << 1
        << QStringLiteral("the file is 3.0 MiB; a solution may be at most 1.0 MiB");
}

void TestCli::brokenInput()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(int, exitCode);
    QFETCH(QString, says);

    const QString path = m_dir.filePath(fileName);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const CliRun run = runCli({QStringLiteral("grade"), QStringLiteral("--exercise"),
                               QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                               QStringLiteral("2"), path});
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.out.contains(says), qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QStringLiteral("Score: 0/")));
}

void TestCli::fileNamedWithSpacesAndLettersFromWindows()
{
    // A correct solution saved on Windows with a byte-order mark, in a folder and file named
    // with spaces and letters beyond ASCII: it passes, and reports name the file as given.
    QFile reference(::reference(QStringLiteral("safe-counter"), QStringLiteral("go/reference.go")));
    QVERIFY(reference.open(QIODevice::ReadOnly));
    QByteArray windows = "\xEF\xBB\xBF" + reference.readAll();
    windows.replace("\n", "\r\n");
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("Zoë Łukasz")));
    const QString path = m_dir.filePath(QStringLiteral("Zoë Łukasz/compteur sûr.go"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(windows);
    file.close();
    const CliRun run = runCli({QStringLiteral("grade"), QStringLiteral("--exercise"),
                               QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                               QStringLiteral("4"), QStringLiteral("--json"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QJsonObject grade = parseObject(run.out);
    QCOMPARE(grade.value(QLatin1String("source_file")).toString(), path);
    QCOMPARE(grade.value(QLatin1String("verdict")).toString(), QStringLiteral("pass"));
    QStringList notes;
    for (const QJsonValue &note : grade.value(QLatin1String("notes")).toArray()) {
        notes.append(note.toString());
    }
    QVERIFY2(notes.contains(path + QStringLiteral(" starts with a byte-order mark, which was left "
                                                  "out")),
             qPrintable(notes.join(u'\n')));
    QVERIFY(notes.contains(path + QStringLiteral(" has Windows line ends (CRLF), read as plain "
                                                 "ones")));
}

void TestCli::scanShowsWhatAClassHolds()
{
    // Two students whose names differ only in case, an empty file, a link out of the folder.
    const QString classDir = m_dir.filePath(QStringLiteral("class"));
    QDir root(m_dir.path());
    QVERIFY(root.mkpath(QStringLiteral("class/Ana Lee")));
    QVERIFY(root.mkpath(QStringLiteral("class/ana lee")));
    QVERIFY(root.mkpath(QStringLiteral("class/Bob")));
    QVERIFY(QFile::copy(m_racyPath, classDir + QStringLiteral("/Ana Lee/counter.go")));
    QVERIFY(QFile::copy(m_racyPath, classDir + QStringLiteral("/ana lee/counter.go")));
    QFile empty(classDir + QStringLiteral("/Bob/fetch.go"));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QVERIFY(QFile::link(QStringLiteral("/etc"), classDir + QStringLiteral("/Sneaky")));

    const CliRun run = runCli({QStringLiteral("scan"), QStringLiteral("--json"), classDir});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject scan = parseObject(run.out);
    const QJsonArray students = scan.value(QLatin1String("students")).toArray();
    QStringList keys;
    for (const QJsonValue &student : students) {
        keys.append(student.toObject().value(QLatin1String("key")).toString());
    }
    QCOMPARE(keys, QStringList({QStringLiteral("ana lee"), QStringLiteral("ana lee (2)"),
                                QStringLiteral("bob")}));
    const QJsonObject bobFile =
        students.at(2).toObject().value(QLatin1String("files")).toArray().at(0).toObject();
    QCOMPARE(bobFile.value(QLatin1String("path")).toString(), QStringLiteral("Bob/fetch.go"));
    QCOMPARE(bobFile.value(QLatin1String("language")).toString(), QStringLiteral("go"));
    QCOMPARE(bobFile.value(QLatin1String("errors")).toArray().at(0).toString(),
             QStringLiteral("the file is empty"));
    QStringList problems;
    for (const QJsonValue &problem : scan.value(QLatin1String("problems")).toArray()) {
        problems.append(problem.toObject().value(QLatin1String("path")).toString());
    }
    problems.sort();
    QCOMPARE(problems, QStringList({QStringLiteral("Sneaky"), QStringLiteral("ana lee")}));

    const CliRun human = runCli({QStringLiteral("scan"), classDir});
    QVERIFY2(human.out.contains(QStringLiteral("Sneaky: is a symbolic link to outside the class "
                                               "folder; skipped")),
             qPrintable(human.out));
    QVERIFY(human.out.contains(QStringLiteral("3 students, 2 problems, 1 file that cannot be "
                                              "built")));
}

void TestCli::scanShowsThePlan()
{
    // A Moodle download: files, online text, and a file only an extra exercise pack explains.
    QDir root(m_dir.path());
    const QString classDir = m_dir.filePath(QStringLiteral("moodle class"));
    const QString ana = QStringLiteral("Ana Lee_12345_assignsubmission_file_");
    QVERIFY(root.mkpath(QStringLiteral("moodle class/") + ana));
    QVERIFY(root.mkpath(QStringLiteral("moodle class/Ana Lee_12345_assignsubmission_onlinetext_")));
    QVERIFY(QFile::copy(m_racyPath, classDir + u'/' + ana + QStringLiteral("/counter.go")));
    QFile tally(classDir + u'/' + ana + QStringLiteral("/extra.go"));
    QVERIFY(tally.open(QIODevice::WriteOnly));
    tally.write("package main\n\ntype Tally struct{}\n\nfunc main() {}\n");
    tally.close();
    QFile text(classDir +
               QStringLiteral("/Ana Lee_12345_assignsubmission_onlinetext_/onlinetext.html"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("<p>hi</p>");
    text.close();

    const QString pack = m_dir.filePath(QStringLiteral("pack/tally"));
    QVERIFY(root.mkpath(QStringLiteral("pack/tally")));
    const auto write = [&](const QString &name, const QByteArray &bytes) {
        QFile file(pack + u'/' + name);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(
        write(QStringLiteral("exercise.json"),
              "{ \"id\": \"tally\", \"languages\": { \"go\": { \"starter\": \"main.go\" } },"
              " \"match\": { \"defines\": [\"Tally\"] },"
              " \"checks\": [ { \"id\": \"build\", \"kind\": \"compile\", \"points\": 1 } ] }"));
    QVERIFY(write(QStringLiteral("main.go"), "package main\n\nfunc main() {}\n"));
    QVERIFY(write(QStringLiteral("instructions.md"), "# Tally\n"));

    // Without the pack, extra.go fits no exercise and the scan says so.
    const CliRun bare = runCli({QStringLiteral("scan"), QStringLiteral("--json"), classDir});
    QCOMPARE(bare.exitCode, 1);
    const QJsonObject plan = parseObject(bare.out);
    QCOMPARE(plan.value(QLatin1String("layout")).toString(), QStringLiteral("moodle"));
    QCOMPARE(plan.value(QLatin1String("layout_reason")).toString(),
             QStringLiteral("2 of 2 entries are named the way Moodle names submissions (\"Full "
                            "Name_12345_assignsubmission_file_\")"));
    const QJsonObject student = plan.value(QLatin1String("students")).toArray().at(0).toObject();
    QCOMPARE(student.value(QLatin1String("name")).toString(), QStringLiteral("Ana Lee"));
    QCOMPARE(student.value(QLatin1String("platform_id")).toString(), QStringLiteral("12345"));
    const QJsonArray files = student.value(QLatin1String("files")).toArray();
    QCOMPARE(files.size(), 2);
    const QJsonObject counter = files.at(0).toObject();
    QCOMPARE(counter.value(QLatin1String("path")).toString(), ana + QStringLiteral("/counter.go"));
    QCOMPARE(counter.value(QLatin1String("exercise")).toString(), QStringLiteral("safe-counter"));
    QCOMPARE(counter.value(QLatin1String("reason")).toString(),
             QStringLiteral("its name counter.go names safe-counter"));
    QCOMPARE(counter.value(QLatin1String("matched_by")).toString(), QStringLiteral("file-name"));
    QVERIFY(counter.value(QLatin1String("chosen")).toBool());
    QCOMPARE(files.at(1).toObject().value(QLatin1String("exercise")).toString(), QString());
    QCOMPARE(plan.value(QLatin1String("submissions")).toInt(), 1);
    QCOMPARE(plan.value(QLatin1String("set_aside"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("path"))
                 .toString(),
             QStringLiteral("Ana Lee_12345_assignsubmission_onlinetext_/onlinetext.html"));

    // With the pack, it is the tally exercise's, by what it defines, and nothing is skipped.
    const CliRun withPack = runCli({QStringLiteral("scan"), QStringLiteral("--exercises"),
                                    m_dir.filePath(QStringLiteral("pack")), classDir});
    QVERIFY2(withPack.exitCode == 0, qPrintable(withPack.out + withPack.err));
    QVERIFY2(withPack.out.startsWith(QStringLiteral("Layout: moodle (2 of 2 entries")),
             qPrintable(withPack.out));
    QVERIFY2(withPack.out.contains(QStringLiteral("Ana Lee  [id 12345]  (") + ana + u')'),
             qPrintable(withPack.out));
    QVERIFY(withPack.out.contains(QStringLiteral("-> safe-counter: its name counter.go names "
                                                 "safe-counter")));
    QVERIFY(withPack.out.contains(QStringLiteral("-> tally: it defines Tally")));
    QVERIFY(withPack.out.contains(QStringLiteral("onlinetext.html: is the text typed into "
                                                 "Moodle's online text box")));
    QVERIFY(
        withPack.out.contains(QStringLiteral("2 submissions to grade (safe-counter 1, tally 1)")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
