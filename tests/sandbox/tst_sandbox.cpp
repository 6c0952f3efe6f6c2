// Hostile submissions graded through the real pipeline with the sandbox on: each must be
// contained (no network, nothing of the host readable or writable, every limit its own outcome)
// and leave no process behind.

#include "exerciseloader.h"
#include "grader.h"
#include "processtree.h"
#include "sandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace RaceGrade;

namespace {

constexpr int runSeconds = 4;

// A TCP server on the host's loopback interface that a sandboxed program must not reach.
class LoopbackListener
{
public:
    LoopbackListener()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
            ::listen(m_fd, 16) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
            return;
        }
        m_port = ntohs(address.sin_port);
    }
    ~LoopbackListener()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    int port() const { return m_port; }
    /// True when somebody connected since the listener was opened.
    bool wasReached() const
    {
        const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client >= 0) {
            ::close(client);
            return true;
        }
        return false;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

// Processes below this one (the test is their subreaper, so orphans count too), reaping the
// zombies among them first. Waits up to waitMs for the count to reach zero.
int leftoverProcesses(int waitMs)
{
    QElapsedTimer clock;
    clock.start();
    int left = 0;
    do {
        while (::waitpid(-1, nullptr, WNOHANG) > 0) {
        }
        left = ProcessTree::measure(::getpid()).processes - 1;
        if (left <= 0) {
            return 0;
        }
        QThread::msleep(50);
    } while (clock.elapsed() < waitMs);
    return left;
}

QStringList problemKinds(const Grade &grade)
{
    QStringList kinds;
    for (const Problem &problem : grade.problems) {
        kinds.append(problem.kind);
    }
    return kinds;
}

QString describe(const Grade &grade, const QString &output)
{
    QStringList lines{
        QStringLiteral("verdict %1, error: %2").arg(verdictId(grade.verdict), grade.errorMessage)};
    for (const Problem &problem : grade.problems) {
        lines.append(QStringLiteral("  problem %1: %2").arg(problem.kind, problem.message));
    }
    for (const Diagnostic &diagnostic : grade.compile.diagnostics) {
        lines.append(QStringLiteral("  compiler: %1").arg(diagnostic.message));
    }
    lines.append(QStringLiteral("  output: ") + output.left(2000));
    return lines.join(u'\n');
}

} // namespace

class TestSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrapsWithIsolation();
    void sandboxWorksHere();
    void hostileSubmission_data();
    void hostileSubmission();
    void memoryHogUnderTheWatchdog();
    void normalProgramIsNotKilledForMemory_data();
    void normalProgramIsNotKilledForMemory();
    void unsandboxedGradingSaysSo();
    void cleanupTestCase();

private:
    Grade singleRun(const QString &file, const QByteArray &source, QString *output,
                    SandboxMode sandbox = SandboxMode::Required, bool full = false,
                    bool watchdog = false);
    QByteArray hostileSource(const QString &file) const;

    ExerciseCatalog m_catalog;
    QTemporaryDir m_home{QDir::homePath() + QStringLiteral("/racegrade-sandbox-test-XXXXXX")};
    LoopbackListener m_listener;
    QStringList m_timings;
};

void TestSandbox::initTestCase()
{
    for (const char *tool : {"go", "g++", "bwrap"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is not installed; run packaging/setup.sh first")
                                .arg(QLatin1String(tool))));
    }
    // Orphans of a grading are re-parented to this process, so that none can hide from
    // leftoverProcesses().
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), 0);
    m_catalog = ExerciseLoader::loadCatalog(
        {QStringLiteral(RACEGRADE_SOURCE_DIR) + QStringLiteral("/exercises")});
    QVERIFY2(m_catalog.errors.isEmpty(), qPrintable(m_catalog.errors.join(u'\n')));
    QVERIFY(m_home.isValid());
    QVERIFY(m_listener.port() > 0);

    // A grader's secret in its home folder, and a class folder with another student's work.
    QFile secret(m_home.filePath(QStringLiteral("grader-secret.txt")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("the answers to the exam\n");
    secret.close();
    QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("class/student-b")));
    QFile other(m_home.filePath(QStringLiteral("class/student-b/counter.go")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write("package main\n// student b's own solution\n");
    other.close();
}

QByteArray TestSandbox::hostileSource(const QString &file) const
{
    QFile source(QFINDTESTDATA(QStringLiteral("data/") + file));
    if (!source.open(QIODevice::ReadOnly)) {
        return {};
    }
    QByteArray text = source.readAll();
    text.replace("@PORT@", QByteArray::number(m_listener.port()));
    text.replace("@SECRET@",
                 QFile::encodeName(m_home.filePath(QStringLiteral("grader-secret.txt"))));
    text.replace("@OTHER@",
                 QFile::encodeName(m_home.filePath(QStringLiteral("class/student-b/counter.go"))));
    text.replace("@HOME@", QFile::encodeName(m_home.path()));
    return text;
}

Grade TestSandbox::singleRun(const QString &file, const QByteArray &source, QString *output,
                             SandboxMode sandbox, bool full, bool watchdog)
{
    GradeRequest request;
    // A full grading adds the runs without the race detector, where Go sees deadlocks.
    request.mode = full ? GradeMode::Full : GradeMode::SingleRun;
    request.options.runs = 2;
    request.exercise = *m_catalog.find(QStringLiteral("safe-counter"));
    request.language = *languageFromFileName(file);
    request.source = source;
    request.displayPath = file;
    request.options.runSeconds = runSeconds;
    request.options.sandbox = sandbox;
    request.options.memoryWatchdog = watchdog;
    std::mutex mutex;
    return Grader::grade(request, {}, nullptr, [&](const QString &text, bool) {
        const std::lock_guard<std::mutex> lock(mutex);
        *output += text;
    });
}

void TestSandbox::wrapsWithIsolation()
{
    SandboxSpec spec;
    spec.enabled = true;
    spec.readOnlyPaths = QStringList{QStringLiteral("/work/ws")};
    spec.scratchPaths = QStringList{QStringLiteral("/work/ws/run")};
    const QStringList arguments = Sandbox::wrapArguments(
        spec, QStringLiteral("/work/ws/bin/program"), QStringList{QStringLiteral("-x")},
        QStringLiteral("/work/ws/run"),
        {{QStringLiteral("bin"), QStringLiteral("usr/bin")}, {QStringLiteral("lib64"), {}}}, 7);
    const QString line = arguments.join(u' ');
    for (const char *isolation :
         {"--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--uid 65534",
          "--dev /dev", "--proc /proc", "--remount-ro /"}) {
        QVERIFY2(line.contains(QLatin1String(isolation)), isolation);
    }
    QVERIFY(!arguments.contains(QStringLiteral("--share-net")));
    QVERIFY(line.contains(QStringLiteral("--ro-bind /usr /usr")));
    QVERIFY(line.contains(QStringLiteral("--symlink usr/bin /bin")));
    QVERIFY(line.contains(QStringLiteral("--ro-bind /lib64 /lib64")));
    QVERIFY(line.contains(QStringLiteral("--ro-bind /work/ws /work/ws")));
    QVERIFY(line.contains(QStringLiteral("--tmpfs /work/ws/run")));
    QVERIFY(line.contains(QStringLiteral("--tmpfs /tmp")));
    QVERIFY(line.contains(QStringLiteral("--chdir /work/ws/run")));
    QVERIFY(line.contains(QStringLiteral("--json-status-fd 7")));
    // Nothing of the home folder or of /var is mounted; the program comes last, after "--".
    QVERIFY(!line.contains(QDir::homePath() + u' '));
    QVERIFY(!line.contains(QStringLiteral(" /var")));
    QCOMPARE(arguments.mid(arguments.size() - 3),
             QStringList({QStringLiteral("--"), QStringLiteral("/work/ws/bin/program"),
                          QStringLiteral("-x")}));
    // The writable scratch folder is mounted after the read-only workspace that holds it.
    QVERIFY(arguments.indexOf(QStringLiteral("/work/ws/run")) >
            arguments.indexOf(QStringLiteral("/work/ws")));
}

void TestSandbox::sandboxWorksHere()
{
    const SandboxStatus &status = Sandbox::status();
    QVERIFY2(status.available, qPrintable(status.problem));
    QVERIFY(status.version.startsWith(QStringLiteral("bubblewrap")));
    QVERIFY(status.summary(true).startsWith(QStringLiteral("sandboxed with bubblewrap")));
}

void TestSandbox::hostileSubmission_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("problems"); ///< problem kinds the grade must list
    QTest::addColumn<QString>("message");      ///< words one of those problems must say
    QTest::addColumn<QStringList>("printed");  ///< lines the program must have printed
    QTest::addColumn<int>("withinSeconds");
    QTest::addColumn<bool>("full"); ///< a full grading rather than one run

    const auto blocked = [](std::initializer_list<const char *> paths) {
        QStringList lines;
        for (const char *path : paths) {
            lines.append(QStringLiteral("blocked: ") + QLatin1String(path));
        }
        return lines;
    };
    QTest::newRow("opens a network connection")
        << QStringLiteral("network.go") << QStringList() << QString()
        << QStringList{QStringLiteral("blocked: dial:")} << 30 << false;
    QTest::newRow("reads the grader's and another student's files")
        << QStringLiteral("read-files.go") << QStringList() << QString()
        << blocked({"@SECRET@", "@OTHER@", "/etc/shadow", "@HOME@"}) << 30 << false;
    QTest::newRow("writes outside its scratch folder")
        << QStringLiteral("write-files.go") << QStringList() << QString()
        << blocked({"@HOME@/written-by-student", "/etc/written-by-student",
                    "/usr/written-by-student"}) +
               QStringList{QStringLiteral("wrote its own scratch folder")}
        << 30 << false;
    // Time limits: a busy program, a sleeping one and a deadlocked one each have their own words.
    QTest::newRow("spins for ever")
        << QStringLiteral("infinite-loop.go") << QStringList{QStringLiteral("endless-loop")}
        << QStringLiteral("kept the CPU busy for the whole %1 s").arg(runSeconds) << QStringList()
        << 30 << false;
    QTest::newRow("spins for ever (C++)")
        << QStringLiteral("spin.cpp") << QStringList{QStringLiteral("endless-loop")}
        << QStringLiteral("kept the CPU busy for the whole %1 s").arg(runSeconds) << QStringList()
        << 60 << false;
    QTest::newRow("sleeps for ever")
        << QStringLiteral("sleep-forever.go") << QStringList{QStringLiteral("blocked")}
        << QStringLiteral("still waiting after %1 s, using almost no CPU").arg(runSeconds)
        << QStringList{QStringLiteral("going to sleep")} << 30 << false;
    QTest::newRow("deadlocks") << QStringLiteral("deadlock.go")
                               << QStringList{QStringLiteral("deadlock"), QStringLiteral("blocked")}
                               << QStringLiteral("so it is a deadlock")
                               << QStringList{QStringLiteral("locked once")} << 60 << true;
    QTest::newRow("locks a mutex twice (C++)")
        << QStringLiteral("double-lock.cpp") << QStringList{QStringLiteral("blocked")}
        << QStringLiteral("using almost no CPU") << QStringList{QStringLiteral("locked once")} << 60
        << false;
    QTest::newRow("writes a huge file")
        << QStringLiteral("huge-file.go") << QStringList{QStringLiteral("file-size-limit")}
        << QStringLiteral("wrote a file as large as a run may (64 MiB)") << QStringList() << 30
        << false;
    QTest::newRow("hogs memory (Go)")
        << QStringLiteral("memory-hog.go") << QStringList{QStringLiteral("memory-limit")}
        << QStringLiteral("used more than 512 MiB of memory") << QStringList() << 30 << false;
    QTest::newRow("hogs memory (C++)")
        << QStringLiteral("memory-hog.cpp") << QStringList{QStringLiteral("memory-limit")}
        << QStringLiteral("used more than 512 MiB of memory") << QStringList() << 60 << false;
    QTest::newRow("starts processes in a loop (Go)")
        << QStringLiteral("fork-loop.go") << QStringList{QStringLiteral("task-limit")}
        << QStringLiteral("processes and threads") << QStringList() << 30 << false;
    QTest::newRow("forks in a loop (C++)")
        << QStringLiteral("fork-loop.cpp") << QStringList{QStringLiteral("task-limit")}
        << QStringLiteral("processes and threads") << QStringList() << 60 << false;
    QTest::newRow("prints for ever")
        << QStringLiteral("endless-output.go") << QStringList{QStringLiteral("output-limit")}
        << QStringLiteral("printed more than 4 MiB") << QStringList() << 30 << false;
    QTest::newRow("exits with status 3")
        << QStringLiteral("exit-status.go") << QStringList{QStringLiteral("nonzero-exit")}
        << QStringLiteral("status 3") << QStringList{QStringLiteral("about to leave")} << 30
        << false;
    QTest::newRow("panics") << QStringLiteral("panic.go") << QStringList{QStringLiteral("panic")}
                            << QStringLiteral("nil map")
                            << QStringList{QStringLiteral("about to panic")} << 30 << false;
    QTest::newRow("leaves a child in a new session")
        << QStringLiteral("escape-session.go") << QStringList() << QString()
        << QStringList{QStringLiteral("left a child behind:")} << 30 << false;
}

void TestSandbox::hostileSubmission()
{
    QFETCH(QString, file);
    QFETCH(QStringList, problems);
    QFETCH(QString, message);
    QFETCH(QStringList, printed);
    QFETCH(int, withinSeconds);
    QFETCH(bool, full);

    const QByteArray source = hostileSource(file);
    QVERIFY2(!source.isEmpty(), qPrintable(file));
    QString output;
    QElapsedTimer clock;
    clock.start();
    const Grade grade = singleRun(file, source, &output, SandboxMode::Required, full);
    const double seconds = clock.elapsed() / 1000.0;
    const QString details = describe(grade, output);

    QVERIFY2(grade.verdict != Verdict::Error, qPrintable(details));
    QVERIFY2(grade.compile.ok, qPrintable(details));
    QVERIFY(grade.sandboxed);
    for (const QString &kind : problems) {
        QVERIFY2(problemKinds(grade).contains(kind), qPrintable(details));
    }
    if (!message.isEmpty()) {
        bool said = false;
        for (const Problem &problem : grade.problems) {
            said = said || (problems.contains(problem.kind) && problem.message.contains(message));
        }
        QVERIFY2(said, qPrintable(details));
    }
    for (QString line : printed) {
        line.replace(QStringLiteral("@SECRET@"),
                     m_home.filePath(QStringLiteral("grader-secret.txt")));
        line.replace(QStringLiteral("@OTHER@"),
                     m_home.filePath(QStringLiteral("class/student-b/counter.go")));
        line.replace(QStringLiteral("@HOME@"), m_home.path());
        QVERIFY2(output.contains(line), qPrintable(line + u'\n' + details));
    }
    QVERIFY2(!output.contains(QStringLiteral("LEAKED")), qPrintable(details));
    QVERIFY2(seconds < withinSeconds, qPrintable(QString::number(seconds)));

    // Nothing reached the host or stayed on it.
    QVERIFY(!m_listener.wasReached());
    for (const QString &path :
         {m_home.filePath(QStringLiteral("written-by-student")),
          QStringLiteral("/etc/written-by-student"), QStringLiteral("/usr/written-by-student")}) {
        QVERIFY2(!QFileInfo::exists(path), qPrintable(path));
    }
    QCOMPARE(leftoverProcesses(3000), 0);

    const QString outcome = problems.isEmpty() ? QStringLiteral("blocked") : problems.join(u',');
    m_timings.append(QStringLiteral("%1: %2 in %3 s")
                         .arg(QString::fromUtf8(QTest::currentDataTag()), outcome)
                         .arg(seconds, 0, 'f', 1));
}

void TestSandbox::memoryHogUnderTheWatchdog()
{
    // Where a memory cgroup exists (the hostile rows above use it), the /proc watchdog must
    // still stop a hog on its own.
    QString output;
    QElapsedTimer clock;
    clock.start();
    const Grade grade =
        singleRun(QStringLiteral("memory-hog.go"), hostileSource(QStringLiteral("memory-hog.go")),
                  &output, SandboxMode::Required, false, true);
    const double seconds = clock.elapsed() / 1000.0;
    const QString details = describe(grade, output);
    QVERIFY2(problemKinds(grade).contains(QStringLiteral("memory-limit")), qPrintable(details));
    QVERIFY2(grade.problems.first().message.contains(u"used more than 512 MiB of memory"),
             qPrintable(details));
    QVERIFY2(seconds < 30, qPrintable(QString::number(seconds)));
    QCOMPARE(leftoverProcesses(3000), 0);
    m_timings.append(
        QStringLiteral("hogs memory (watchdog): memory-limit in %1 s").arg(seconds, 0, 'f', 1));
}

void TestSandbox::normalProgramIsNotKilledForMemory_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Go") << QStringLiteral("go");
    QTest::newRow("C++") << QStringLiteral("cpp");
}

void TestSandbox::normalProgramIsNotKilledForMemory()
{
    // The reference solution starts 100 workers under the race detector: as large as a correct
    // submission gets. The memory limit is on resident memory, so it runs to the end.
    QFETCH(QString, language);
    const Exercise *exercise = m_catalog.find(QStringLiteral("safe-counter"));
    QVERIFY(exercise);
    QFile reference(exercise->files.value(*languageFromId(language)).reference);
    QVERIFY2(reference.open(QIODevice::ReadOnly), qPrintable(reference.fileName()));
    QString output;
    const Grade grade =
        singleRun(QStringLiteral("counter.") + language, reference.readAll(), &output);
    QVERIFY2(grade.problems.isEmpty(), qPrintable(describe(grade, output)));
    QVERIFY2(output.contains(QStringLiteral("10000")), qPrintable(describe(grade, output)));
    QCOMPARE(leftoverProcesses(3000), 0);
}

void TestSandbox::unsandboxedGradingSaysSo()
{
    QString output;
    const Grade grade =
        singleRun(QStringLiteral("exit-status.go"), hostileSource(QStringLiteral("exit-status.go")),
                  &output, SandboxMode::Off);
    QVERIFY(!grade.sandboxed);
    QVERIFY2(grade.sandbox.startsWith(QStringLiteral("NOT sandboxed")), qPrintable(grade.sandbox));
    QVERIFY(output.contains(QStringLiteral("about to leave")));
}

void TestSandbox::cleanupTestCase()
{
    // The figures for the record: how long each hostile program took to be contained.
    for (const QString &timing : std::as_const(m_timings)) {
        qInfo().noquote() << "contained" << timing;
    }
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
