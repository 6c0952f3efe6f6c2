#include "memorycgroup.h"
#include "problemcollector.h"
#include "processrunner.h"
#include "processtree.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <sched.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::RunOutcome)

namespace RaceGrade {

char *toString(RunOutcome outcome)
{
    return qstrdup(runOutcomeId(outcome).toUtf8().constData());
}

} // namespace RaceGrade

namespace {

RunRequest shell(const QString &script, int timeLimitMs = 10000)
{
    RunRequest request;
    request.program = QStringLiteral("/bin/sh");
    request.arguments = QStringList{QStringLiteral("-c"), script};
    request.environment = ProcessRunner::systemEnvironment();
    request.timeLimitMs = timeLimitMs;
    return request;
}

QString text(const QByteArray &bytes)
{
    return QString::fromLocal8Bit(bytes);
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(strerror(error));
}

/// True once `pid` no longer runs: it is gone, or it is a zombie that only waits for whoever
/// adopted it to collect its status. Waits up to `waitMs` for that.
bool processEnded(qint64 pid, int waitMs)
{
    QElapsedTimer clock;
    clock.start();
    do {
        if (kill(pid_t(pid), 0) == -1 && errno == ESRCH) {
            return true;
        }
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            return true;
        }
        // "<pid> (<command>) <state> ...": the state follows the last parenthesis.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close >= 0 && close + 2 < line.size() &&
            (line.at(close + 2) == 'Z' || line.at(close + 2) == 'X')) {
            return true;
        }
        QThread::msleep(10);
    } while (clock.elapsed() < waitMs);
    return false;
}

/// The CPUs in a list such as "0-3,6" (the format of /proc/<pid>/status Cpus_allowed_list).
QList<int> cpusInList(const QString &list)
{
    QList<int> cpus;
    for (const QString &part : list.split(u',', Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(u'-');
        const int first = range.first().toInt();
        const int last = range.last().toInt();
        for (int cpu = first; cpu <= last; ++cpu) {
            cpus.append(cpu);
        }
    }
    return cpus;
}

QList<int> allowedCpusOfThisProcess()
{
    QList<int> cpus;
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &allowed)) {
                cpus.append(cpu);
            }
        }
    }
    return cpus;
}

} // namespace

/// Runs small shell programs through ProcessRunner and checks what it reports and that it
/// enforces its limits and leaves nothing running behind.
class TestProcessRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exitCodeAndStreams_data();
    void exitCodeAndStreams();
    void environmentIsTheRequestedOne();
    void workingDirectory();
    void noInput();
    void failedToStart_data();
    void failedToStart();
    void crashed_data();
    void crashed();
    void timedOut();
    void leavesNothingBehind_data();
    void leavesNothingBehind();
    void outputCap_data();
    void outputCap();
    void cancelledFromAnotherThread();
    void cancelledBeforeStart();
    void cpuCount_data();
    void cpuCount();
    void cpuTimeLimit();
    void fileSizeLimit();
    void fileSizeLimitWithTheSignalIgnored();
    void cpuTimeOfAStoppedRun_data();
    void cpuTimeOfAStoppedRun();
    void reapsWhatKilledTreesLeave();
    void memoryLimit_data();
    void memoryLimit();
    void disablesAddressRandomization();
    void manyThreadsAtOnce();
    void measuresWallTime();
    void streamsOutput();
    void streamsOnlyKeptOutput();

private:
    QTemporaryDir m_scratch;
};

void TestProcessRunner::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    for (const char *tool : {"sh", "sleep", "cat", "head", "tr", "grep"}) {
        if (QStandardPaths::findExecutable(QString::fromUtf8(tool)).isEmpty()) {
            QSKIP("a shell tool these tests run is missing");
        }
    }
}

void TestProcessRunner::exitCodeAndStreams_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("standardOutput");
    QTest::addColumn<QByteArray>("standardError");

    QTest::newRow("success") << QStringLiteral("echo out; echo err >&2") << 0 << QByteArray("out\n")
                             << QByteArray("err\n");
    QTest::newRow("status 3") << QStringLiteral("printf 'a\\nb'; printf 'oops\\n' >&2; exit 3") << 3
                              << QByteArray("a\nb") << QByteArray("oops\n");
    QTest::newRow("race detector status 66")
        << QStringLiteral("echo 10000; echo 'WARNING: DATA RACE' >&2; exit 66") << 66
        << QByteArray("10000\n") << QByteArray("WARNING: DATA RACE\n");
    QTest::newRow("status 255, silent")
        << QStringLiteral("exit 255") << 255 << QByteArray() << QByteArray();
    QTest::newRow("interleaved streams")
        << QStringLiteral("for i in 1 2 3; do echo o$i; echo e$i >&2; done") << 0
        << QByteArray("o1\no2\no3\n") << QByteArray("e1\ne2\ne3\n");
}

void TestProcessRunner::exitCodeAndStreams()
{
    QFETCH(QString, script);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, standardOutput);
    QFETCH(QByteArray, standardError);

    const RunResult result = ProcessRunner::run(shell(script));
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(result.exitedWith(exitCode));
    QCOMPARE(result.signal, 0);
    QCOMPARE(result.standardOutput, standardOutput);
    QCOMPARE(result.standardError, standardError);
    QVERIFY(!result.outputTruncated);
    QCOMPARE(result.errorString, QString());
}

void TestProcessRunner::environmentIsTheRequestedOne()
{
    RunRequest request;
    request.program = QStringLiteral("sh"); // looked up in the request's own PATH
    request.arguments =
        QStringList{QStringLiteral("-c"), QStringLiteral("printf '%s|%s|%s' \"$RACEGRADE_PROBE\" "
                                                         "\"${HOME-unset}\" \"$GOMAXPROCS\"")};
    request.environment =
        QStringList{QStringLiteral("PATH=/usr/bin:/bin"),
                    QStringLiteral("RACEGRADE_PROBE=hello world"), QStringLiteral("GOMAXPROCS=1")};
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QCOMPARE(result.exitCode, 0);
    // HOME is set for this test but not in the request: the environment is exactly the request's.
    QCOMPARE(text(result.standardOutput), QStringLiteral("hello world|unset|1"));
}

void TestProcessRunner::workingDirectory()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    RunRequest request = shell(QStringLiteral("pwd -P; echo made > made-here.txt"));
    request.workingDirectory = directory.path();
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(text(result.standardOutput), QFileInfo(directory.path()).canonicalFilePath() + u'\n');
    QVERIFY(QFileInfo(directory.filePath(QStringLiteral("made-here.txt"))).isFile());
}

void TestProcessRunner::noInput()
{
    // cat copies its input; with /dev/null as stdin it ends at once instead of waiting.
    RunRequest request;
    request.program = QStringLiteral("cat");
    request.environment = ProcessRunner::systemEnvironment();
    request.timeLimitMs = 5000;
    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput, QByteArray());
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

void TestProcessRunner::failedToStart_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("error"); // %NOEXEC% stands for a file without execute permission
    QTest::addColumn<bool>("logged");   // the runner also logs the error as a warning

    QTest::newRow("not in PATH") << QStringLiteral("racegrade-no-such-program") << QString()
                                 << QStringLiteral("racegrade-no-such-program was not found")
                                 << false;
    QTest::newRow("missing absolute path")
        << QStringLiteral("/nonexistent/racegrade-no-such-program") << QString()
        << QStringLiteral("cannot execute /nonexistent/racegrade-no-such-program: ") +
               errnoText(ENOENT)
        << true;
    QTest::newRow("not executable")
        << QStringLiteral("%NOEXEC%") << QString()
        << QStringLiteral("cannot execute %NOEXEC%: ") + errnoText(EACCES) << true;
    QTest::newRow("missing working directory")
        << QStringLiteral("/bin/sh") << QStringLiteral("/nonexistent/racegrade-no-such-dir")
        << QStringLiteral("cannot enter the working directory "
                          "/nonexistent/racegrade-no-such-dir: ") +
               errnoText(ENOENT)
        << true;
}

void TestProcessRunner::failedToStart()
{
    QFETCH(QString, program);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, error);
    QFETCH(bool, logged);

    const QString notExecutable = m_scratch.filePath(QStringLiteral("not-executable.sh"));
    {
        QFile file(notExecutable);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho should not run\n");
    }
    QVERIFY(QFile::setPermissions(notExecutable, QFile::ReadOwner | QFile::WriteOwner));
    program.replace(QStringLiteral("%NOEXEC%"), notExecutable);
    error.replace(QStringLiteral("%NOEXEC%"), notExecutable);

    RunRequest request;
    request.program = program;
    request.arguments = QStringList{QStringLiteral("-c"), QStringLiteral("echo ran")};
    request.environment = ProcessRunner::systemEnvironment();
    request.workingDirectory = workingDirectory;
    if (logged) {
        QTest::ignoreMessage(QtWarningMsg, qPrintable(error));
    }
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::FailedToStart);
    QCOMPARE(result.errorString, error);
    QCOMPARE(result.exitCode, -1);
    QCOMPARE(result.standardOutput, QByteArray());
    QCOMPARE(result.standardError, QByteArray());
}

void TestProcessRunner::crashed_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("signal");

    QTest::newRow("SIGSEGV") << QStringLiteral("echo before; kill -SEGV $$; echo after") << SIGSEGV;
    QTest::newRow("SIGABRT") << QStringLiteral("echo before; kill -ABRT $$; echo after") << SIGABRT;
    QTest::newRow("SIGKILL without a CPU limit")
        << QStringLiteral("echo before; kill -KILL $$; echo after") << SIGKILL;
}

void TestProcessRunner::crashed()
{
    QFETCH(QString, script);
    QFETCH(int, signal);

    const RunResult result = ProcessRunner::run(shell(script));
    QCOMPARE(result.outcome, RunOutcome::Crashed);
    QCOMPARE(result.signal, signal);
    QCOMPARE(result.exitCode, -1);
    QVERIFY(!result.exitedWith(0));
    QCOMPARE(result.standardOutput, QByteArray("before\n"));
}

void TestProcessRunner::timedOut()
{
    RunRequest request;
    request.program = QStringLiteral("sleep");
    request.arguments = QStringList{QStringLiteral("100")};
    request.environment = ProcessRunner::systemEnvironment();
    request.timeLimitMs = 300;
    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(request);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QCOMPARE(result.signal, SIGKILL);
    QVERIFY2(result.wallMs >= 300, qPrintable(QString::number(result.wallMs)));
    QVERIFY2(result.wallMs < 3000, qPrintable(QString::number(result.wallMs)));
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
}

void TestProcessRunner::leavesNothingBehind_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("timeLimitMs");
    QTest::addColumn<RunOutcome>("outcome");

    // The background sleep keeps the output pipes open: the run must not wait for it.
    QTest::newRow("exits, child holds the pipes")
        << QStringLiteral("sleep 100 & echo $!; exit 0") << 10000 << RunOutcome::Exited;
    QTest::newRow("exits, child detached from the pipes")
        << QStringLiteral("sleep 100 >/dev/null 2>&1 & echo $!; exit 0") << 10000
        << RunOutcome::Exited;
    QTest::newRow("times out") << QStringLiteral("sleep 100 & echo $!; sleep 100") << 300
                               << RunOutcome::TimedOut;
    QTest::newRow("crashes") << QStringLiteral("sleep 100 & echo $!; kill -SEGV $$") << 10000
                             << RunOutcome::Crashed;
}

void TestProcessRunner::leavesNothingBehind()
{
    QFETCH(QString, script);
    QFETCH(int, timeLimitMs);
    QFETCH(RunOutcome, outcome);

    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(shell(script, timeLimitMs));
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result.outcome, outcome);
    if (outcome == RunOutcome::Exited) {
        QCOMPARE(result.exitCode, 0);
    }
    bool isNumber = false;
    const qint64 child = text(result.standardOutput).trimmed().toLongLong(&isNumber);
    QVERIFY2(isNumber && child > 1, result.standardOutput.constData());
    QVERIFY2(processEnded(child, 2000),
             qPrintable(QStringLiteral("background process %1 still runs").arg(child)));
}

void TestProcessRunner::outputCap_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<int>("stdoutBytes");
    QTest::addColumn<int>("stderrBytes");
    QTest::addColumn<bool>("truncated");

    const auto bytes = [](int count, char fill, bool toStderr) {
        return QStringLiteral("head -c %1 /dev/zero | tr '\\0' %2%3")
            .arg(count)
            .arg(QLatin1Char(fill))
            .arg(toStderr ? QStringLiteral(" >&2") : QString());
    };
    QTest::newRow("stdout under the cap")
        << bytes(999, 'o', false) << qint64(1000) << 999 << 0 << false;
    QTest::newRow("stdout exactly the cap")
        << bytes(1000, 'o', false) << qint64(1000) << 1000 << 0 << false;
    QTest::newRow("stdout one byte over")
        << bytes(1001, 'o', false) << qint64(1000) << 1000 << 0 << true;
    QTest::newRow("stdout far over")
        << bytes(3000000, 'o', false) << qint64(1000) << 1000 << 0 << true;
    QTest::newRow("stderr over, stdout under")
        << bytes(10, 'o', false) + u';' + bytes(5000, 'e', true) << qint64(1000) << 10 << 1000
        << true;
    // Whichever stream fills first stops the program, so the other one's size is open (-1).
    QTest::newRow("both far over")
        << bytes(2000000, 'o', false) + u'&' + bytes(2000000, 'e', true) + QStringLiteral("; wait")
        << qint64(4096) << -1 << -1 << true;
}

void TestProcessRunner::outputCap()
{
    QFETCH(QString, script);
    QFETCH(qint64, limit);
    QFETCH(int, stdoutBytes);
    QFETCH(int, stderrBytes);
    QFETCH(bool, truncated);

    RunRequest request = shell(script);
    request.outputLimitBytes = limit;
    const RunResult result = ProcessRunner::run(request);
    // Going over the cap stops the program at once: an endless printer ends in moments, not at
    // its time limit, and what it printed up to the cap is kept.
    QCOMPARE(result.outcome, truncated ? RunOutcome::OutputExceeded : RunOutcome::Exited);
    QCOMPARE(result.exitCode, truncated ? -1 : 0);
    QCOMPARE(result.outputTruncated, truncated);
    if (truncated) {
        const QString size = limit == 4096 ? QStringLiteral("4 KiB") : QStringLiteral("1000 bytes");
        QCOMPARE(result.limitHit, QStringLiteral("printed more than ") + size);
    }
    const auto expectStream = [&](const QByteArray &captured, int bytes, char fill) {
        if (bytes >= 0) {
            QCOMPARE(captured, QByteArray(bytes, fill));
        } else {
            QVERIFY(captured.size() <= limit);
            QCOMPARE(captured, QByteArray(captured.size(), fill));
        }
    };
    expectStream(result.standardOutput, stdoutBytes, 'o');
    expectStream(result.standardError, stderrBytes, 'e');
    if (stdoutBytes < 0 && stderrBytes < 0) {
        QVERIFY(result.standardOutput.size() == limit || result.standardError.size() == limit);
    }
}

void TestProcessRunner::cancelledFromAnotherThread()
{
    RunRequest request = shell(QStringLiteral("echo started; sleep 100 & echo $!; sleep 100"));
    std::atomic_bool cancelled{false};
    std::thread canceller([&cancelled] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        cancelled = true;
    });
    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(request, &cancelled);
    const qint64 elapsed = clock.elapsed();
    canceller.join();

    QCOMPARE(result.outcome, RunOutcome::Cancelled);
    QVERIFY2(elapsed >= 150, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
    const QStringList lines = text(result.standardOutput).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first(), QStringLiteral("started"));
    QVERIFY2(processEnded(lines.last().toLongLong(), 2000), qPrintable(lines.last()));
}

void TestProcessRunner::cancelledBeforeStart()
{
    RunRequest request;
    request.program = QStringLiteral("sleep");
    request.arguments = QStringList{QStringLiteral("100")};
    request.environment = ProcessRunner::systemEnvironment();
    const std::atomic_bool cancelled{true};
    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(request, &cancelled);
    QCOMPARE(result.outcome, RunOutcome::Cancelled);
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

void TestProcessRunner::cpuCount_data()
{
    QTest::addColumn<int>("cpuCount");
    QTest::addColumn<int>("expectedCpus"); // -1: all this process may use

    const int available = int(allowedCpusOfThisProcess().size());
    QTest::newRow("one CPU") << 1 << 1;
    QTest::newRow("two CPUs") << 2 << qMin(2, available);
    QTest::newRow("more than there are") << available + 4 << available;
    QTest::newRow("0: no pinning") << 0 << available;
}

void TestProcessRunner::cpuCount()
{
    QFETCH(int, cpuCount);
    QFETCH(int, expectedCpus);

    const QList<int> allowed = allowedCpusOfThisProcess();
    QVERIFY(!allowed.isEmpty());
    RunRequest request = shell(QStringLiteral("grep Cpus_allowed_list /proc/self/status"));
    request.cpuCount = cpuCount;
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QCOMPARE(result.exitCode, 0);

    const QString line = text(result.standardOutput).trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("Cpus_allowed_list:")), qPrintable(line));
    const QList<int> cpus = cpusInList(line.section(u':', 1).trimmed());
    // The first CPUs of those the parent may use.
    QCOMPARE(cpus, allowed.mid(0, expectedCpus));
}

void TestProcessRunner::cpuTimeLimit()
{
    RunRequest request = shell(QStringLiteral("while :; do :; done"), 60000);
    request.cpuLimitSeconds = 1;
    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(request);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    QCOMPARE(result.signal, SIGXCPU);
    QVERIFY2(result.cpuSeconds >= 0.9, qPrintable(QString::number(result.cpuSeconds)));
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void TestProcessRunner::fileSizeLimit()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    RunRequest request = shell(QStringLiteral("exec head -c 100000 /dev/zero > big.bin"));
    request.workingDirectory = directory.path();
    request.fileSizeLimitBytes = 4096;
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::FileSizeExceeded);
    QCOMPARE(result.limitHit, QStringLiteral("wrote a file as large as a run may (4 KiB); the "
                                             "write failed"));
    QCOMPARE(QFileInfo(directory.filePath(QStringLiteral("big.bin"))).size(), qint64(4096));
}

void TestProcessRunner::fileSizeLimitWithTheSignalIgnored()
{
    // Go ignores SIGXFSZ: the write only fails and the program goes on. The runner finds the
    // file at the limit in the run's scratch folder instead.
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    RunRequest request = shell(QStringLiteral("trap '' XFSZ; head -c 100000 /dev/zero > big.bin; "
                                              "echo still here"));
    request.workingDirectory = directory.path();
    request.sandbox.scratchPaths = QStringList{directory.path()};
    request.fileSizeLimitBytes = 4096;
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::FileSizeExceeded);
    QVERIFY(result.limitHit.startsWith(QStringLiteral("wrote a file as large as a run may")));

    // A file under the limit is no outcome of its own.
    QVERIFY(QFile::remove(directory.filePath(QStringLiteral("big.bin"))));
    request.arguments.last() = QStringLiteral("head -c 1000 /dev/zero > small.bin");
    QVERIFY(ProcessRunner::run(request).exitedWith(0));
}

void TestProcessRunner::cpuTimeOfAStoppedRun_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("kind"); // TimeoutKind
    QTest::newRow("sleeps") << QStringLiteral("exec sleep 30") << int(TimeoutKind::Waiting);
    QTest::newRow("waits for a child that sleeps")
        << QStringLiteral("sleep 30; echo never") << int(TimeoutKind::Waiting);
    QTest::newRow("spins") << QStringLiteral("while :; do :; done") << int(TimeoutKind::Busy);
    QTest::newRow("spins in a child")
        << QStringLiteral("sh -c 'while :; do :; done'; echo never") << int(TimeoutKind::Busy);
}

void TestProcessRunner::cpuTimeOfAStoppedRun()
{
    // A killed tree is never waited for by its own parents, so its CPU time is taken before
    // the kill: it tells a blocked program from a busy one.
    QFETCH(QString, script);
    QFETCH(int, kind);
    const RunResult result = ProcessRunner::run(shell(script, 1500));
    QCOMPARE(result.outcome, RunOutcome::TimedOut);
    const QString figures =
        QStringLiteral("%1 s CPU in %2 ms").arg(result.cpuSeconds).arg(result.wallMs);
    QCOMPARE(int(ProblemCollector::timeoutKind(result)), kind);
    if (kind == int(TimeoutKind::Busy)) {
        QVERIFY2(result.cpuSeconds > 0.5, qPrintable(figures));
    } else {
        QVERIFY2(result.cpuSeconds < 0.2, qPrintable(figures));
    }
}

void TestProcessRunner::reapsWhatKilledTreesLeave()
{
    // The runner makes this process a child subreaper: the children of a killed program are
    // handed to it, and it reaps them at once instead of leaving zombies (or PID 1) to do it.
    const RunResult stopped = ProcessRunner::run(
        shell(QStringLiteral("sleep 30 & sleep 30 & (sleep 30; echo) & wait"), 300));
    QCOMPARE(stopped.outcome, RunOutcome::TimedOut);
    int subreaper = 0;
    QCOMPARE(prctl(PR_GET_CHILD_SUBREAPER, &subreaper, 0, 0, 0), 0);
    QCOMPARE(subreaper, 1);
    // A program that ends by itself and leaves children running in its group.
    QVERIFY(
        ProcessRunner::run(shell(QStringLiteral("sleep 30 & sleep 30 & exit 0"))).exitedWith(0));
    QStringList zombies;
    const QVector<ProcessInfo> processes = ProcessTree::snapshot();
    for (const ProcessInfo &process : processes) {
        if (process.parent == getpid()) {
            zombies.append(
                QStringLiteral("%1 (%2)").arg(process.pid).arg(QLatin1Char(process.state)));
        }
    }
    QVERIFY2(zombies.isEmpty(), qPrintable(zombies.join(u' ')));
}

void TestProcessRunner::memoryLimit_data()
{
    QTest::addColumn<int>("enforcement"); // MemoryEnforcement
    QTest::newRow("cgroup") << int(MemoryEnforcement::Automatic);
    QTest::newRow("watchdog") << int(MemoryEnforcement::Watchdog);
}

void TestProcessRunner::memoryLimit()
{
    // tail keeps everything it reads until the end: 400 MiB against a 128 MiB limit.
    QFETCH(int, enforcement);
    const bool cgroup = enforcement == int(MemoryEnforcement::Automatic);
    if (cgroup && !MemoryCgroup::available()) {
        // Not every machine delegates a memory cgroup; this one (and CI's) must say why not.
        QFAIL(qPrintable(QStringLiteral("no memory cgroup here: ") + MemoryCgroup::description()));
    }
    RunRequest request = shell(QStringLiteral("head -c 400M /dev/zero | tail -c 400M > /dev/null; "
                                              "sleep 5; echo survived"),
                               60000);
    request.memoryLimitBytes = 128 * 1024 * 1024;
    request.memoryEnforcement = MemoryEnforcement(enforcement);
    QElapsedTimer clock;
    clock.start();
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::MemoryExceeded);
    QCOMPARE(result.limitHit, QStringLiteral("used more than 128 MiB of memory"));
    QCOMPARE(result.memoryCgroup, cgroup);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!result.standardOutput.contains("survived"));

    // Under the limit nothing happens, and no group is left behind.
    request.arguments.last() = QStringLiteral("head -c 20M /dev/zero | tail -c 20M > /dev/null");
    QVERIFY(ProcessRunner::run(request).exitedWith(0));
    if (cgroup) {
        const QString base = MemoryCgroup::description().section(u' ', 3);
        QVERIFY(!base.isEmpty());
        const QStringList left = QDir(base).entryList(
            {QStringLiteral("racegrade-%1-*").arg(getpid())}, QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
    }
}

void TestProcessRunner::disablesAddressRandomization()
{
    // Containers may forbid personality(); then the runner cannot do it either.
    const pid_t probe = fork();
    if (probe == 0) {
        _exit(personality(ADDR_NO_RANDOMIZE) == -1 ? 1 : 0);
    }
    QVERIFY(probe > 0);
    int status = 0;
    QCOMPARE(waitpid(probe, &status, 0), probe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        QSKIP("personality(ADDR_NO_RANDOMIZE) is not permitted here");
    }

    const auto personalityOfChild = [](bool disable) {
        RunRequest request = shell(QStringLiteral("cat /proc/self/personality"));
        request.disableAddressRandomization = disable;
        const RunResult result = ProcessRunner::run(request);
        bool ok = false;
        const uint value = text(result.standardOutput).trimmed().toUInt(&ok, 16);
        return ok && result.exitedWith(0) ? int(value) : -1;
    };
    const int own = personality(0xffffffff);
    const int disabled = personalityOfChild(true);
    const int inherited = personalityOfChild(false);
    QVERIFY(disabled >= 0);
    QVERIFY(inherited >= 0);
    QVERIFY(disabled & ADDR_NO_RANDOMIZE);
    QCOMPARE(inherited & ADDR_NO_RANDOMIZE, own & ADDR_NO_RANDOMIZE);
}

void TestProcessRunner::manyThreadsAtOnce()
{
    constexpr int threadCount = 8;
    constexpr int runsPerThread = 3;
    std::vector<QStringList> failures(threadCount);
    std::vector<std::thread> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back([t, &failures] {
            for (int r = 0; r < runsPerThread; ++r) {
                const QString tag = QStringLiteral("t%1r%2").arg(t).arg(r);
                const RunResult result = ProcessRunner::run(
                    shell(QStringLiteral("echo %1; sleep 0.1; echo %1 >&2; exit %2")
                              .arg(tag)
                              .arg(t + 10)));
                if (!result.exitedWith(t + 10) || text(result.standardOutput) != tag + u'\n' ||
                    text(result.standardError) != tag + u'\n') {
                    failures[t].append(tag + QStringLiteral(": ") + runOutcomeId(result.outcome) +
                                       u' ' + QString::number(result.exitCode) + u' ' +
                                       text(result.standardOutput).trimmed());
                }
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    QStringList all;
    for (const QStringList &list : failures) {
        all += list;
    }
    QVERIFY2(all.isEmpty(), qPrintable(all.join(QStringLiteral("; "))));
}

void TestProcessRunner::measuresWallTime()
{
    const RunResult result = ProcessRunner::run(shell(QStringLiteral("sleep 0.3")));
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QVERIFY2(result.wallMs >= 250 && result.wallMs < 3000,
             qPrintable(QString::number(result.wallMs)));
    QVERIFY2(result.cpuSeconds < 0.5, qPrintable(QString::number(result.cpuSeconds)));
    QVERIFY(result.maxResidentKb > 0);
}

void TestProcessRunner::streamsOutput()
{
    struct Chunk
    {
        QByteArray bytes;
        bool isError = false;
    };
    QVector<Chunk> chunks;
    bool otherThread = false;
    const std::thread::id caller = std::this_thread::get_id();
    RunRequest request =
        shell(QStringLiteral("echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three"));
    request.onOutput = [&](const QByteArray &chunk, bool isError) {
        otherThread = otherThread || std::this_thread::get_id() != caller;
        chunks.append(Chunk{chunk, isError});
    };
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::Exited);
    QVERIFY(!otherThread);
    // Each line comes as it is printed, in order, and the chunks add up to what is kept.
    QCOMPARE(chunks.size(), 3);
    QCOMPARE(chunks.at(0).bytes, QByteArray("one\n"));
    QVERIFY(!chunks.at(0).isError);
    QCOMPARE(chunks.at(1).bytes, QByteArray("two\n"));
    QVERIFY(chunks.at(1).isError);
    QCOMPARE(chunks.at(2).bytes, QByteArray("three\n"));
    QVERIFY(!chunks.at(2).isError);
    QCOMPARE(result.standardOutput, QByteArray("one\nthree\n"));
    QCOMPARE(result.standardError, QByteArray("two\n"));
}

void TestProcessRunner::streamsOnlyKeptOutput()
{
    QByteArray streamed;
    int emptyChunks = 0;
    RunRequest request = shell(QStringLiteral("head -c 300000 /dev/zero | tr '\\0' s"));
    request.outputLimitBytes = 1000;
    request.onOutput = [&](const QByteArray &chunk, bool isError) {
        if (!isError) {
            streamed += chunk;
        }
        emptyChunks += chunk.isEmpty() ? 1 : 0;
    };
    const RunResult result = ProcessRunner::run(request);
    QCOMPARE(result.outcome, RunOutcome::OutputExceeded);
    QVERIFY(result.outputTruncated);
    QCOMPARE(streamed, QByteArray(1000, 's'));
    QCOMPARE(streamed, result.standardOutput);
    QCOMPARE(emptyChunks, 0);
}

QTEST_GUILESS_MAIN(TestProcessRunner)
#include "tst_processrunner.moc"
