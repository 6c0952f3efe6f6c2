// Runs racegrade-cli as a user would and checks exit statuses, JSON shapes and text output.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

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

// One process as /proc shows it: enough to follow a process tree and tell a pid reused.
struct ProcessEntry
{
    char state = 0;
    qint64 parent = 0;
    QByteArray started; ///< start time in clock ticks since boot
};

QHash<qint64, ProcessEntry> processTable()
{
    QHash<qint64, ProcessEntry> table;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &name : pids) {
        bool isPid = false;
        const qint64 pid = name.toLongLong(&isPid);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(name));
        if (!isPid || !stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 19) {
            table.insert(
                pid, ProcessEntry{fields.at(0).at(0), fields.at(1).toLongLong(), fields.at(19)});
        }
    }
    return table;
}

// Follows a running racegrade-cli's process tree until it ends: which of its processes were
// handed to PID 1 (orphans), how long zombies of the tree waited to be reaped, and what of it
// is still there once it exited.
struct TreeWatch
{
    int orphans = 0;
    double longestZombieSeconds = 0;
    QStringList survivors;

    void follow(QProcess &process)
    {
        QHash<qint64, QByteArray> seen; // pid -> start time
        QHash<qint64, qint64> zombieSince;
        QElapsedTimer clock;
        clock.start();
        QSet<qint64> orphaned;
        while (process.state() != QProcess::NotRunning) {
            const QHash<qint64, ProcessEntry> table = processTable();
            QList<qint64> pending = {process.processId()};
            while (!pending.isEmpty()) {
                const qint64 parent = pending.takeLast();
                for (auto it = table.cbegin(); it != table.cend(); ++it) {
                    if (it->parent == parent && !seen.contains(it.key())) {
                        seen.insert(it.key(), it->started);
                        pending.append(it.key());
                    }
                }
            }
            for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
                const auto now = table.constFind(it.key());
                if (now == table.cend() || now->started != it.value()) {
                    continue;
                }
                if (now->parent == 1) {
                    orphaned.insert(it.key());
                }
                if (now->state == 'Z') {
                    const qint64 since = zombieSince.value(it.key(), clock.elapsed());
                    zombieSince.insert(it.key(), since);
                    longestZombieSeconds =
                        qMax(longestZombieSeconds, (clock.elapsed() - since) / 1000.0);
                }
            }
            process.waitForFinished(20);
        }
        orphans = int(orphaned.size());
        QThread::msleep(300);
        const QHash<qint64, ProcessEntry> after = processTable();
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            const auto now = after.constFind(it.key());
            if (now != after.cend() && now->started == it.value()) {
                survivors.append(
                    QStringLiteral("%1 (%2)").arg(it.key()).arg(QLatin1Char(now->state)));
            }
        }
    }
};

// A temporary folder for a grader's TMPDIR. When the grader runs as root, the sandbox's user
// (nobody) must be able to pass through it to reach the grading's scratch folder, as in /tmp.
bool makeTraversable(const QTemporaryDir &dir)
{
    return dir.isValid() &&
           QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                 QFileDevice::ExeOther);
}

// A Go program that sleeps far beyond any time limit: every run is killed at the limit.
const QByteArray sleeper = "package main\n"
                           "\n"
                           "import (\n"
                           "\t\"fmt\"\n"
                           "\t\"time\"\n"
                           ")\n"
                           "\n"
                           "func main() {\n"
                           "\tfmt.Println(\"going to sleep\")\n"
                           "\ttime.Sleep(time.Hour)\n"
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
    void gradeCompilerPathNotFound();
    void parseSanitizerThatCouldNotStart();
    void parseTsanWithColumnsAndThreads();
    void sandboxPrintsEveryCheck();
    void signalStopsAndCleansUp();
    void sweepsScratchFoldersOfDeadGraders();
    void leavesNoZombiesOrOrphans();
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
    QTest::newRow("batch") << QStringLiteral("batch") << QStringLiteral("--help");
    QTest::newRow("merge") << QStringLiteral("merge") << QStringLiteral("--help");
}

void TestCli::helpOnEveryCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, mentions);
    const CliRun run = runCli({command, QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(mentions), qPrintable(run.out));
    // The usage line names the command as it is typed, not the executable's path.
    const QString usage = run.out.section(u'\n', 0, 0);
    QVERIFY2(usage.startsWith(QStringLiteral("Usage: racegrade-cli %1 [options]").arg(command)),
             qPrintable(usage));
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
    // One annotation on each access, naming the other side.
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("::error file=/home/student/shared/main.go,line=15,"
                                         "title=data-race::read at /home/student/shared/main.go:15 "
                                         "in main.main.func1, against write at "
                                         "/home/student/shared/main.go:15 in main.main.func1"));
    QCOMPARE(lines.at(1),
             QStringLiteral("::error file=/home/student/shared/main.go,line=15,"
                            "title=data-race::write at /home/student/shared/main.go:15 "
                            "in main.main.func1, against read at "
                            "/home/student/shared/main.go:15 in main.main.func1"));
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

void TestCli::gradeCompilerPathNotFound()
{
    const CliRun run = runCli(
        {QStringLiteral("grade"), QStringLiteral("--exercise"), QStringLiteral("safe-counter"),
         QStringLiteral("--compiler"), QStringLiteral("/nonexistent/g++"),
         reference(QStringLiteral("safe-counter"), QStringLiteral("cpp/reference.cpp"))});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains(
                 QStringLiteral("the C++ compiler `/nonexistent/g++` was not found: there is no "
                                "such file")),
             qPrintable(run.out + run.err));
}

void TestCli::parseSanitizerThatCouldNotStart()
{
    const CliRun run =
        runCli({QStringLiteral("parse"), QFINDTESTDATA("data/tsan-could-not-start.txt")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(!run.out.contains(QStringLiteral("no race reports")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("ThreadSanitizer could not start")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("setarch -R")), qPrintable(run.out));
}

void TestCli::parseTsanWithColumnsAndThreads()
{
    const QString fixture = QFINDTESTDATA("data/tsan-clang-race.txt");
    const CliRun github = runCli(
        {QStringLiteral("parse"), QStringLiteral("--format"), QStringLiteral("github"), fixture});
    QCOMPARE(github.exitCode, 1);
    const QStringList lines = github.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral(
                 "::error file=/home/student/bank/bank.cpp,line=11,col=13,title=data-race::write")),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral(
                 "::error file=/home/student/bank/bank.cpp,line=11,col=15,title=data-race::read")),
             qPrintable(lines.at(1)));

    // C and C++ programs have threads, not goroutines; what the report says is all kept.
    const CliRun json = runCli({QStringLiteral("parse"), QStringLiteral("--json"), fixture});
    const QJsonObject race =
        parseObject(json.out).value(QLatin1String("races")).toArray().first().toObject();
    const QString explanation = race.value(QLatin1String("explanation")).toString();
    QVERIFY2(explanation.contains(u"thread") && !explanation.contains(u"goroutine"),
             qPrintable(explanation));
    const QJsonArray accesses = race.value(QLatin1String("accesses")).toArray();
    QCOMPARE(accesses.size(), 2);
    QCOMPARE(accesses.at(0).toObject().value(QLatin1String("size")).toInt(), 4);
    QCOMPARE(accesses.at(0).toObject().value(QLatin1String("thread_state")).toString(),
             QStringLiteral("running"));
    QCOMPARE(accesses.at(1).toObject().value(QLatin1String("thread_state")).toString(),
             QStringLiteral("finished"));
    QCOMPARE(race.value(QLatin1String("locations")).toArray().first().toString(),
             QStringLiteral("global 'balance' of size 4 at 0x5634a2b1c0d8 (bank+0x40d8)"));
}

void TestCli::sandboxPrintsEveryCheck()
{
    const CliRun run = runCli({QStringLiteral("sandbox")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    for (const char *check :
         {"network:", "host files:", "PID namespace:", "user:", "scratch folder:"}) {
        const QString line = QStringLiteral("  ok    ") + QLatin1String(check);
        QVERIFY2(run.out.contains(line), qPrintable(QLatin1String(check) + u'\n' + run.out));
    }
    QVERIFY2(run.out.contains(QDir::homePath()), qPrintable(run.out)); // named as invisible
}

void TestCli::signalStopsAndCleansUp()
{
    // Killed in the middle of a grading, the grader stops its runs and removes its scratch
    // folder before it leaves.
    QTemporaryDir temp;
    QVERIFY(makeTraversable(temp));
    const QString file = m_dir.filePath(QStringLiteral("sleeper.go"));
    QFile source(file);
    QVERIFY(source.open(QIODevice::WriteOnly));
    source.write(sleeper);
    source.close();
    for (const int signal : {SIGTERM, SIGINT}) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TMPDIR"), temp.path());
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RACEGRADE_CLI_PATH),
                      {QStringLiteral("grade"), QStringLiteral("--exercise"),
                       QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                       QStringLiteral("2"), file});
        QVERIFY(process.waitForStarted());
        // Wait for the runs: the scratch folder exists and a program of it sleeps.
        QElapsedTimer clock;
        clock.start();
        const QStringList pattern{QStringLiteral("racegrade-work-*")};
        while (QDir(temp.path()).entryList(pattern, QDir::Dirs).isEmpty() &&
               clock.elapsed() < 60000) {
            QThread::msleep(50);
        }
        QVERIFY(!QDir(temp.path()).entryList(pattern, QDir::Dirs).isEmpty());
        QThread::msleep(4000);
        QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 128 + signal);
        QVERIFY2(QDir(temp.path()).entryList(pattern, QDir::Dirs).isEmpty(),
                 qPrintable(QDir(temp.path()).entryList(QDir::AllEntries).join(u' ')));
    }
}

void TestCli::sweepsScratchFoldersOfDeadGraders()
{
    QTemporaryDir temp;
    QVERIFY(makeTraversable(temp));
    // A pid that certainly ended: a child of this test, already reaped.
    const pid_t gone = fork();
    if (gone == 0) {
        _exit(0);
    }
    QVERIFY(gone > 0);
    QCOMPARE(waitpid(gone, nullptr, 0), gone);
    const QString stale = temp.filePath(QStringLiteral("racegrade-work-%1-AbCdEf").arg(gone));
    const QString alive = temp.filePath(
        QStringLiteral("racegrade-work-%1-GhIjKl").arg(QCoreApplication::applicationPid()));
    const QString kept = temp.filePath(QStringLiteral("racegrade-kept-%1-MnOpQr").arg(gone));
    for (const QString &folder : {stale, alive, kept}) {
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/program")));
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), temp.path());
    const CliRun run = runCli({QStringLiteral("grade"), QStringLiteral("--exercise"),
                               QStringLiteral("safe-counter"), QStringLiteral("--runs"),
                               QStringLiteral("1"), m_racyPath},
                              {}, environment);
    QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
    QVERIFY2(!QFileInfo::exists(stale), qPrintable(stale));
    QVERIFY(QFileInfo::exists(alive)); // its grader still runs
    QVERIFY(QFileInfo::exists(kept));  // asked to be kept
}

void TestCli::leavesNoZombiesOrOrphans()
{
    // This test is no subreaper: whatever the grader fails to reap is handed to PID 1, and is
    // seen there.
    int subreaper = -1;
    QCOMPARE(::prctl(PR_GET_CHILD_SUBREAPER, &subreaper, 0, 0, 0), 0);
    QCOMPARE(subreaper, 0);
    const QString file = m_dir.filePath(QStringLiteral("sleeper.go"));
    QFile source(file);
    QVERIFY(source.open(QIODevice::WriteOnly));
    source.write(sleeper);
    source.close();
    QProcess process;
    process.start(QStringLiteral(RACEGRADE_CLI_PATH),
                  {QStringLiteral("grade"), QStringLiteral("--exercise"),
                   QStringLiteral("safe-counter"), QStringLiteral("--runs"), QStringLiteral("2"),
                   QStringLiteral("--time-limit"), QStringLiteral("2"), file});
    QVERIFY(process.waitForStarted());
    TreeWatch watch;
    watch.follow(process);
    QCOMPARE(process.exitCode(), 1);
    QCOMPARE(watch.orphans, 0);
    QVERIFY2(watch.longestZombieSeconds < 1.0,
             qPrintable(QString::number(watch.longestZombieSeconds)));
    QVERIFY2(watch.survivors.isEmpty(), qPrintable(watch.survivors.join(u' ')));
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
