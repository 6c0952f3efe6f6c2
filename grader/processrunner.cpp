#include "processrunner.h"

#include "logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace RaceGrade {

namespace {

// How long the output pipes are still drained after the program ended; a background process it
// left behind may hold them open, and is killed together with its group before this.
constexpr int drainAfterExitMs = 200;
constexpr int pollIntervalMs = 50;

struct Pipe
{
    int readEnd = -1;
    int writeEnd = -1;

    bool open()
    {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) {
            return false;
        }
        readEnd = fds[0];
        writeEnd = fds[1];
        return true;
    }
    void closeRead() { closeFd(readEnd); }
    void closeWrite() { closeFd(writeEnd); }
    static void closeFd(int &fd)
    {
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }
};

// Owns the C strings handed to execve, prepared before fork because the child may only make
// async-signal-safe calls.
struct ExecArguments
{
    std::vector<QByteArray> storage;
    std::vector<char *> argv;
    std::vector<char *> envp;

    ExecArguments(const QString &program, const QStringList &arguments,
                  const QStringList &environment)
    {
        storage.reserve(arguments.size() + environment.size() + 1);
        storage.push_back(QFile::encodeName(program));
        for (const QString &argument : arguments) {
            storage.push_back(argument.toLocal8Bit());
        }
        const size_t argumentCount = storage.size();
        for (const QString &entry : environment) {
            storage.push_back(entry.toLocal8Bit());
        }
        for (size_t i = 0; i < storage.size(); ++i) {
            (i < argumentCount ? argv : envp).push_back(storage[i].data());
        }
        argv.push_back(nullptr);
        envp.push_back(nullptr);
    }
};

QString resolveProgram(const RunRequest &request)
{
    if (request.program.contains(u'/')) {
        return request.program;
    }
    QStringList path;
    for (const QString &entry : request.environment) {
        if (entry.startsWith(u"PATH=")) {
            path = entry.mid(5).split(u':', Qt::SkipEmptyParts);
        }
    }
    const QString found = QStandardPaths::findExecutable(request.program, path);
    return found.isEmpty() ? QStandardPaths::findExecutable(request.program) : found;
}

[[noreturn]] void execChild(const RunRequest &request, const ExecArguments &exec,
                            const QByteArray &workingDirectory, Pipe &out, Pipe &err, Pipe &status,
                            const cpu_set_t *cpus)
{
    const auto failWith = [&](int code) {
        // Reports the stage and errno to the parent through the close-on-exec status pipe.
        // One write, so that the parent's single read gets the stage and errno together.
        const int report[2] = {code, errno};
        const ssize_t ignored = ::write(status.writeEnd, report, sizeof report);
        (void)ignored;
        _exit(127);
    };

    setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);

    const int devNull = ::open("/dev/null", O_RDONLY);
    if (devNull < 0 || dup2(devNull, STDIN_FILENO) < 0 || dup2(out.writeEnd, STDOUT_FILENO) < 0 ||
        dup2(err.writeEnd, STDERR_FILENO) < 0) {
        failWith(1);
    }
    if (!workingDirectory.isEmpty() && chdir(workingDirectory.constData()) != 0) {
        failWith(2);
    }
    if (request.cpuLimitSeconds > 0) {
        const rlimit cpu{rlim_t(request.cpuLimitSeconds), rlim_t(request.cpuLimitSeconds + 1)};
        setrlimit(RLIMIT_CPU, &cpu);
    }
    if (request.fileSizeLimitBytes > 0) {
        const rlimit fileSize{rlim_t(request.fileSizeLimitBytes),
                              rlim_t(request.fileSizeLimitBytes)};
        setrlimit(RLIMIT_FSIZE, &fileSize);
    }
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    if (request.disableAddressRandomization) {
        personality(ADDR_NO_RANDOMIZE);
    }
    if (cpus) {
        sched_setaffinity(0, sizeof(cpu_set_t), cpus);
    }
    execve(exec.argv[0], exec.argv.data(), exec.envp.data());
    failWith(3);
    _exit(127);
}

// Picks the first `count` CPUs of those this process may run on.
bool firstCpus(int count, cpu_set_t *cpus)
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) {
        return false;
    }
    CPU_ZERO(cpus);
    int taken = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && taken < count; ++cpu) {
        if (CPU_ISSET(cpu, &allowed)) {
            CPU_SET(cpu, cpus);
            ++taken;
        }
    }
    return taken > 0;
}

void appendCapped(QByteArray &target, const char *data, qint64 size, qint64 limit, bool *truncated)
{
    const qint64 room = limit - target.size();
    if (room <= 0) {
        *truncated = *truncated || size > 0;
        return;
    }
    if (size > room) {
        *truncated = true;
        size = room;
    }
    target.append(data, int(size));
}

} // namespace

QString runOutcomeId(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Exited:
        return QStringLiteral("exited");
    case RunOutcome::FailedToStart:
        return QStringLiteral("failed-to-start");
    case RunOutcome::Crashed:
        return QStringLiteral("crashed");
    case RunOutcome::TimedOut:
        return QStringLiteral("timed-out");
    case RunOutcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QStringList ProcessRunner::systemEnvironment()
{
    return QProcessEnvironment::systemEnvironment().toStringList();
}

RunResult ProcessRunner::run(const RunRequest &request, const std::atomic_bool *cancelled)
{
    RunResult result;
    const QString program = resolveProgram(request);
    if (program.isEmpty()) {
        result.errorString = QStringLiteral("%1 was not found").arg(request.program);
        return result;
    }
    const ExecArguments exec(program, request.arguments, request.environment);
    const QByteArray workingDirectory = QFile::encodeName(request.workingDirectory);
    cpu_set_t cpus;
    const bool pin = request.cpuCount > 0 && firstCpus(request.cpuCount, &cpus);

    Pipe out, err, status;
    if (!out.open() || !err.open() || !status.open()) {
        result.errorString =
            QStringLiteral("cannot create pipes: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        for (Pipe *pipe : {&out, &err, &status}) {
            pipe->closeRead();
            pipe->closeWrite();
        }
        return result;
    }

    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0) {
        execChild(request, exec, workingDirectory, out, err, status, pin ? &cpus : nullptr);
    }
    out.closeWrite();
    err.closeWrite();
    status.closeWrite();
    if (pid < 0) {
        result.errorString =
            QStringLiteral("cannot fork: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        out.closeRead();
        err.closeRead();
        status.closeRead();
        return result;
    }
    // Also set from the parent, so that a kill of the group cannot race the child's own setpgid.
    setpgid(pid, pid);

    int startFailure[2] = {0, 0};
    const ssize_t statusBytes = ::read(status.readEnd, startFailure, sizeof startFailure);
    status.closeRead();
    if (statusBytes > 0) {
        int ignored = 0;
        waitpid(pid, &ignored, 0);
        out.closeRead();
        err.closeRead();
        const bool inDirectory = startFailure[0] == 2;
        const char *stage = inDirectory ? "cannot enter the working directory" : "cannot execute";
        result.errorString =
            QStringLiteral("%1 %2: %3")
                .arg(QLatin1String(stage), inDirectory ? request.workingDirectory : program,
                     QString::fromLocal8Bit(strerror(startFailure[1])));
        qCWarning(lcRunner).noquote() << result.errorString;
        return result;
    }

    bool exited = false;
    bool killedForTime = false;
    bool killedForCancel = false;
    int waitStatus = 0;
    rusage usage{};
    qint64 exitedAtMs = -1;
    char buffer[65536];

    while (out.readEnd >= 0 || err.readEnd >= 0 || !exited) {
        if (!exited) {
            const pid_t waited = wait4(pid, &waitStatus, WNOHANG, &usage);
            if (waited == pid) {
                exited = true;
                exitedAtMs = clock.elapsed();
                // Anything the program left running in its group goes with it.
                kill(-pid, SIGKILL);
            }
        }
        if (!exited && !killedForTime && !killedForCancel) {
            if (clock.elapsed() >= request.timeLimitMs) {
                killedForTime = true;
                kill(-pid, SIGKILL);
            } else if (cancelled && cancelled->load()) {
                killedForCancel = true;
                kill(-pid, SIGKILL);
            }
        }
        if (exited && clock.elapsed() - exitedAtMs > drainAfterExitMs) {
            break;
        }
        pollfd fds[2];
        int count = 0;
        for (const Pipe *pipe : {&out, &err}) {
            if (pipe->readEnd >= 0) {
                fds[count++] = pollfd{pipe->readEnd, POLLIN, 0};
            }
        }
        if (count == 0) {
            if (!exited) {
                // Both streams are closed but the program still runs: wait for it in small steps.
                usleep(pollIntervalMs * 1000 / 5);
            }
            continue;
        }
        const int ready = poll(fds, nfds_t(count), pollIntervalMs / 5);
        if (ready <= 0) {
            continue;
        }
        for (int i = 0; i < count; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            Pipe &pipe = fds[i].fd == out.readEnd ? out : err;
            QByteArray &target = &pipe == &out ? result.standardOutput : result.standardError;
            const ssize_t got = ::read(pipe.readEnd, buffer, sizeof buffer);
            if (got > 0) {
                const qint64 before = target.size();
                appendCapped(target, buffer, got, request.outputLimitBytes,
                             &result.outputTruncated);
                if (request.onOutput && target.size() > before) {
                    request.onOutput(target.mid(int(before)), &pipe == &err);
                }
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                pipe.closeRead();
            }
        }
    }
    out.closeRead();
    err.closeRead();
    kill(-pid, SIGKILL);

    result.wallMs = exitedAtMs >= 0 ? exitedAtMs : clock.elapsed();
    result.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                        double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    result.maxResidentKb = usage.ru_maxrss;

    const bool overCpu = WIFSIGNALED(waitStatus) &&
                         (WTERMSIG(waitStatus) == SIGXCPU ||
                          (WTERMSIG(waitStatus) == SIGKILL && request.cpuLimitSeconds > 0 &&
                           result.cpuSeconds >= request.cpuLimitSeconds));
    if (killedForCancel) {
        result.outcome = RunOutcome::Cancelled;
    } else if (killedForTime || overCpu) {
        result.outcome = RunOutcome::TimedOut;
        result.signal = WIFSIGNALED(waitStatus) ? WTERMSIG(waitStatus) : SIGKILL;
    } else if (WIFSIGNALED(waitStatus)) {
        result.outcome = RunOutcome::Crashed;
        result.signal = WTERMSIG(waitStatus);
    } else {
        result.outcome = RunOutcome::Exited;
        result.exitCode = WEXITSTATUS(waitStatus);
    }
    qCDebug(lcRunner).noquote() << program << request.arguments.join(u' ') << "->"
                                << runOutcomeId(result.outcome) << result.exitCode << "in"
                                << result.wallMs << "ms";
    return result;
}

} // namespace RaceGrade
