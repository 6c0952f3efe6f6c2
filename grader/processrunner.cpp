#include "processrunner.h"

#include "logging.h"
#include "memorycgroup.h"
#include "processtree.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QSet>
#include <QStandardPaths>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <grp.h>
#include <mutex>
#include <poll.h>
#include <sched.h>
#include <sys/personality.h>
#include <sys/prctl.h>
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
// How often the watchdog measures the tree's memory and tasks.
constexpr int watchdogIntervalMs = 100;
// A tree is idle when it used at most this many clock ticks (10 ms each) of CPU over the last
// idleWindowLooks looks of the watchdog: under a tenth of one core.
constexpr qint64 idleTicksAtMost = 2;
constexpr int idleWindowLooks = 3;
// When student code runs as "nobody", the kernel's own bound on that user's tasks backs up the
// watchdog against a fork loop faster than it looks.
constexpr rlim_t unprivilegedTaskBound = 4096;
// How long a run waits for the processes of its killed tree to be handed over and reaped.
constexpr int strayGraceMs = 1000;
// The least time between two looks for orphans from the watchdogs of all runs together.
constexpr qint64 orphanReapIntervalMs = 100;

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

// Writes the calling process's pid to fd with async-signal-safe calls only.
bool writeOwnPid(int fd)
{
    char digits[24];
    int length = 0;
    for (long value = long(getpid()); value > 0; value /= 10) {
        digits[length++] = char('0' + value % 10);
    }
    char text[24];
    for (int i = 0; i < length; ++i) {
        text[i] = digits[length - 1 - i];
    }
    return ::write(fd, text, size_t(length)) == ssize_t(length);
}

[[noreturn]] void execChild(const RunRequest &request, const ExecArguments &exec,
                            const QByteArray &workingDirectory, Pipe &out, Pipe &err, Pipe &status,
                            Pipe &sandboxStatus, const cpu_set_t *cpus, int cgroupFd)
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
    // Joins the run's memory cgroup before anything is executed, while still allowed to.
    if (cgroupFd >= 0 && !writeOwnPid(cgroupFd)) {
        failWith(5);
    }
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
    if (sandboxStatus.writeEnd >= 0) {
        // bwrap reports on this descriptor whether the sandboxed program started at all.
        fcntl(sandboxStatus.writeEnd, F_SETFD, 0);
    }
    if (request.sandbox.enabled && geteuid() == 0) {
        // Student code never runs as root, even when the grader does (as in CI).
        const rlimit tasks{unprivilegedTaskBound, unprivilegedTaskBound};
        if (setgroups(0, nullptr) != 0 || setgid(Sandbox::unprivilegedId) != 0 ||
            setuid(Sandbox::unprivilegedId) != 0 || setrlimit(RLIMIT_NPROC, &tasks) != 0) {
            failWith(4);
        }
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
    case RunOutcome::MemoryExceeded:
        return QStringLiteral("memory-limit");
    case RunOutcome::TooManyTasks:
        return QStringLiteral("task-limit");
    case RunOutcome::OutputExceeded:
        return QStringLiteral("output-limit");
    case RunOutcome::FileSizeExceeded:
        return QStringLiteral("file-size-limit");
    }
    return {};
}

QStringList ProcessRunner::systemEnvironment()
{
    return QProcessEnvironment::systemEnvironment().toStringList();
}

QString ProcessRunner::byteSize(qint64 bytes)
{
    constexpr qint64 kibibyte = 1024;
    if (bytes >= kibibyte * kibibyte && bytes % (kibibyte * kibibyte) == 0) {
        return tr("%1 MiB").arg(bytes / (kibibyte * kibibyte));
    }
    if (bytes >= kibibyte && bytes % kibibyte == 0) {
        return tr("%1 KiB").arg(bytes / kibibyte);
    }
    return tr("%1 bytes").arg(bytes);
}

namespace {

// Why the runner itself ended a run, if it did.
enum class StopReason
{
    None,
    Time,
    Cancel,
    Memory,
    Tasks,
    Output,
    FileSize,
};

// The children of this process that runs are waiting for. Every other child that ended is an
// orphan of some run's tree handed to this process (its subreaper role): only the runner starts
// processes, so it may reap those without taking a wait away from anyone.
class ChildRegistry
{
public:
    static ChildRegistry &instance()
    {
        static ChildRegistry registry;
        return registry;
    }

    // Forks with the registry locked, so that a reaper on another thread never sees the new
    // child before it is known as waited for.
    pid_t forkWaited()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        const pid_t pid = fork();
        if (pid > 0) {
            m_waited.insert(pid);
        }
        return pid;
    }

    void doneWaiting(pid_t pid)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_waited.remove(pid);
    }

    // Reaps ended children that no run waits for, unless another run did so a moment ago: runs
    // call it at every look of their watchdog, and one look at a time is enough for all.
    void reapOrphansNow()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 last = m_lastReapMs.load();
        if (now - last < orphanReapIntervalMs || !m_lastReapMs.compare_exchange_strong(last, now)) {
            return;
        }
        reapOrphans({}, 0);
    }

    // Reaps the ended children that no run waits for. Waits up to graceMs while any of
    // `awaited` (the processes of a tree just killed) is still dying. Returns how many were
    // reaped.
    int reapOrphans(const QVector<pid_t> &awaited, int graceMs)
    {
        QElapsedTimer clock;
        clock.start();
        int reaped = 0;
        for (;;) {
            bool pending = false;
            {
                const std::lock_guard<std::mutex> lock(m_mutex);
                for (const pid_t child : children()) {
                    int ignored = 0;
                    if (!m_waited.contains(child) && isZombie(child) &&
                        waitpid(child, &ignored, WNOHANG) == child) {
                        ++reaped;
                    }
                }
                for (const pid_t pid : awaited) {
                    // Still there (dying, or a zombie not handed over yet) and nobody's to wait.
                    pending = pending || (!m_waited.contains(pid) && ::kill(pid, 0) == 0);
                }
            }
            if (!pending || clock.elapsed() >= graceMs) {
                return reaped;
            }
            usleep(5000);
        }
    }

private:
    // The children of every thread of this process; orphans are handed to one of them.
    static QVector<pid_t> children()
    {
        QVector<pid_t> pids;
        const QStringList tasks =
            QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &task : tasks) {
            QFile file(QStringLiteral("/proc/self/task/%1/children").arg(task));
            if (!file.open(QIODevice::ReadOnly)) {
                continue;
            }
            for (const QByteArray &pid : file.readAll().simplified().split(' ')) {
                if (const pid_t value = pid_t(pid.toLong()); value > 0) {
                    pids.append(value);
                }
            }
        }
        return pids;
    }

    static bool isZombie(pid_t pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            return false;
        }
        const QByteArray line = stat.read(512);
        const int close = line.lastIndexOf(')');
        return close > 0 && close + 2 < line.size() && line.at(close + 2) == 'Z';
    }

    std::mutex m_mutex;
    QSet<pid_t> m_waited;
    std::atomic<qint64> m_lastReapMs{0};
};

// Makes this process the child subreaper of everything its runs start, once.
void becomeSubreaper()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
            qCWarning(lcRunner).noquote()
                << "cannot become a child subreaper; orphans of killed runs go to PID 1:"
                << QString::fromLocal8Bit(strerror(errno));
        }
    });
}

// Kills every process below pid and returns what they had used just before. With a cgroup, the
// group's list of members says what belongs to the tree (nothing can leave the group), without a
// walk over every process of the machine.
TreeUsage killTree(pid_t pid, const MemoryCgroup *cgroup)
{
    TreeUsage usage = cgroup ? cgroup->usage() : ProcessTree::sum(ProcessTree::snapshot(), pid);
    usage.runQueueWaitNs = ProcessTree::runQueueWaitNs(usage.pids);
    for (const pid_t member : usage.pids) {
        kill(member, SIGKILL);
    }
    kill(-pid, SIGKILL);
    return usage;
}

QByteArray readAvailable(int fd)
{
    QByteArray text;
    char buffer[4096];
    for (ssize_t got = 0; (got = ::read(fd, buffer, sizeof buffer)) > 0;) {
        text.append(buffer, int(got));
    }
    return text;
}

// The first process below `parent` (its first child's line of first children) that is no
// longer bwrap: the sandboxed program, once bwrap has set the sandbox up and executed it.
pid_t sandboxedProgram(pid_t parent)
{
    pid_t current = parent;
    for (int depth = 0; depth < 4; ++depth) {
        QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(current));
        if (!children.open(QIODevice::ReadOnly)) {
            return 0;
        }
        const QByteArray first = children.readAll().simplified().split(' ').value(0);
        const pid_t child = pid_t(first.toLong());
        if (child <= 0) {
            return 0;
        }
        QFile comm(QStringLiteral("/proc/%1/comm").arg(child));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() != "bwrap") {
            return child;
        }
        current = child;
    }
    return 0;
}

// Holds the scratch folders a run may write, as the run sees them, so that they can be looked
// at after it ended: a sandbox's folders in memory vanish with it unless a descriptor keeps
// them. Finds the largest file in them.
class ScratchWatch
{
public:
    ScratchWatch(const RunRequest &request)
        : m_folders(request.sandbox.scratchPaths)
        , m_sandboxed(request.sandbox.enabled)
        , m_limit(request.fileSizeLimitBytes)
    {}
    ~ScratchWatch()
    {
        for (const int fd : std::as_const(m_pinned)) {
            ::close(fd);
        }
    }
    ScratchWatch(const ScratchWatch &) = delete;
    ScratchWatch &operator=(const ScratchWatch &) = delete;

    bool wanted() const { return m_limit > 0 && !m_folders.isEmpty(); }
    bool pinned() const { return !m_sandboxed || !m_pinned.isEmpty(); }

    // Opens the folders inside the sandbox once its program runs.
    void pin(pid_t bwrap)
    {
        if (pinned() || !wanted()) {
            return;
        }
        const pid_t program = sandboxedProgram(bwrap);
        if (program <= 0) {
            return;
        }
        for (const QString &folder : m_folders) {
            const QByteArray path =
                QFile::encodeName(QStringLiteral("/proc/%1/root").arg(program) + folder);
            const int fd = ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd >= 0) {
                m_pinned.append(fd);
            }
        }
    }

    // True when a file in the folders is as large as the limit allows.
    bool limitReached() const
    {
        if (!wanted()) {
            return false;
        }
        QStringList roots;
        if (m_sandboxed) {
            for (const int fd : m_pinned) {
                roots.append(QStringLiteral("/proc/self/fd/%1").arg(fd));
            }
        } else {
            roots = m_folders;
        }
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                it.next();
                if (!it.fileInfo().isSymLink() && it.fileInfo().size() >= m_limit) {
                    return true;
                }
            }
        }
        return false;
    }

private:
    QStringList m_folders;
    bool m_sandboxed;
    qint64 m_limit;
    QVector<int> m_pinned;
};

} // namespace

RunResult ProcessRunner::run(const RunRequest &request, const std::atomic_bool *cancelled)
{
    RunResult result;
    if (cancelled && cancelled->load()) {
        result.outcome = RunOutcome::Cancelled;
        return result;
    }
    becomeSubreaper();
    const bool sandboxed = request.sandbox.enabled;
    const QString target = resolveProgram(request);
    if (target.isEmpty()) {
        result.errorString = tr("%1 was not found").arg(request.program);
        return result;
    }
    if (sandboxed && Sandbox::toolPath().isEmpty()) {
        result.errorString =
            tr("bubblewrap (bwrap) was not found; it is needed to run %1 in a sandbox").arg(target);
        return result;
    }

    // The kernel holds the memory limit where it can; the watchdog does elsewhere.
    std::unique_ptr<MemoryCgroup> cgroup;
    if (request.memoryLimitBytes > 0 && request.memoryEnforcement == MemoryEnforcement::Automatic &&
        MemoryCgroup::available()) {
        Expected<std::unique_ptr<MemoryCgroup>> created =
            MemoryCgroup::create(request.memoryLimitBytes);
        if (created) {
            cgroup = std::move(created).value();
        } else {
            qCWarning(lcRunner).noquote() << created.error() << "- using the watchdog";
        }
    }
    result.memoryCgroup = cgroup != nullptr;

    Pipe out, err, status, sandboxStatus;
    if (!out.open() || !err.open() || !status.open() || (sandboxed && !sandboxStatus.open())) {
        result.errorString =
            tr("cannot create pipes: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        for (Pipe *pipe : {&out, &err, &status, &sandboxStatus}) {
            pipe->closeRead();
            pipe->closeWrite();
        }
        return result;
    }
    const QString program = sandboxed ? Sandbox::toolPath() : target;
    const QStringList arguments =
        sandboxed ? Sandbox::wrapArguments(request.sandbox, target, request.arguments,
                                           request.workingDirectory, Sandbox::hostRootEntries(),
                                           sandboxStatus.writeEnd)
                  : request.arguments;
    const ExecArguments exec(program, arguments, request.environment);
    // In a sandbox bwrap enters the working directory itself, after mounting it.
    const QByteArray workingDirectory =
        QFile::encodeName(sandboxed ? QStringLiteral("/") : request.workingDirectory);
    cpu_set_t cpus;
    const bool pin = request.cpuCount > 0 && firstCpus(request.cpuCount, &cpus);
    const bool watchMemory = request.memoryLimitBytes > 0 && !cgroup;
    ScratchWatch scratch(request);
    const bool watch = watchMemory || cgroup || request.taskLimit > 0 || scratch.wanted();

    QElapsedTimer clock;
    clock.start();
    const pid_t pid = ChildRegistry::instance().forkWaited();
    if (pid == 0) {
        execChild(request, exec, workingDirectory, out, err, status, sandboxStatus,
                  pin ? &cpus : nullptr, cgroup ? cgroup->processListFd() : -1);
    }
    out.closeWrite();
    err.closeWrite();
    status.closeWrite();
    sandboxStatus.closeWrite();
    if (cgroup) {
        cgroup->closeProcessListFd();
    }
    if (pid < 0) {
        result.errorString = tr("cannot fork: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        for (Pipe *pipe : {&out, &err, &status, &sandboxStatus}) {
            pipe->closeRead();
        }
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
        ChildRegistry::instance().doneWaiting(pid);
        out.closeRead();
        err.closeRead();
        sandboxStatus.closeRead();
        const QString reason = QString::fromLocal8Bit(strerror(startFailure[1]));
        switch (startFailure[0]) {
        case 2:
            result.errorString = tr("cannot enter the working directory %1: %2")
                                     .arg(request.workingDirectory, reason);
            break;
        case 4:
            result.errorString =
                tr("cannot switch to an unprivileged user for %1: %2").arg(program, reason);
            break;
        case 5:
            result.errorString =
                tr("cannot join the memory cgroup for %1: %2").arg(program, reason);
            break;
        default:
            result.errorString = tr("cannot execute %1: %2").arg(program, reason);
            break;
        }
        qCWarning(lcRunner).noquote() << result.errorString;
        return result;
    }
    if (sandboxStatus.readEnd >= 0) {
        fcntl(sandboxStatus.readEnd, F_SETFL, O_NONBLOCK);
    }

    bool exited = false;
    StopReason stop = StopReason::None;
    int waitStatus = 0;
    rusage usage{};
    qint64 exitedAtMs = -1;
    qint64 nextWatchMs = 0;
    QByteArray bwrapStatus;
    TreeUsage atStop;
    char buffer[65536];
    // The tree's CPU ticks at the last few looks, for telling whether it is idle.
    std::deque<qint64> recentTicks;
    bool idle = false;

    const auto stopFor = [&](StopReason reason) {
        if (stop == StopReason::None && !exited) {
            stop = reason;
            atStop = killTree(pid, cgroup.get());
        }
    };

    while (out.readEnd >= 0 || err.readEnd >= 0 || !exited) {
        if (!exited) {
            const pid_t waited = wait4(pid, &waitStatus, WNOHANG, &usage);
            if (waited == pid) {
                exited = true;
                exitedAtMs = clock.elapsed();
                ChildRegistry::instance().doneWaiting(pid);
                // Anything the program left running in its group goes with it.
                kill(-pid, SIGKILL);
            }
        }
        if (!exited && stop == StopReason::None) {
            // The sandbox's scratch folders are held as soon as its program runs, so that they
            // can still be looked at if it ends before the next look.
            if (!scratch.pinned()) {
                scratch.pin(pid);
            }
            if (clock.elapsed() >= request.timeLimitMs) {
                stopFor(StopReason::Time);
            } else if (cancelled && cancelled->load()) {
                stopFor(StopReason::Cancel);
            } else if (watch && clock.elapsed() >= nextWatchMs) {
                nextWatchMs = clock.elapsed() + watchdogIntervalMs;
                // Orphans of other runs that ended meanwhile go now, not when this run ends.
                ChildRegistry::instance().reapOrphansNow();
                const TreeUsage tree = cgroup ? cgroup->usage() : ProcessTree::measure(pid);
                if (request.onIdleChanged) {
                    recentTicks.push_back(tree.cpuTicks);
                    if (int(recentTicks.size()) > idleWindowLooks) {
                        recentTicks.pop_front();
                        // A process of the tree that ended takes its ticks with it: a drop
                        // says nothing about idleness.
                        const qint64 used = recentTicks.back() - recentTicks.front();
                        const bool nowIdle = used >= 0 && used <= idleTicksAtMost;
                        if (nowIdle != idle) {
                            idle = nowIdle;
                            request.onIdleChanged(idle);
                        }
                    }
                }
                result.peakTreeResidentBytes =
                    qMax(result.peakTreeResidentBytes, tree.residentBytes);
                result.peakTasks = qMax(result.peakTasks, tree.tasks);
                // Tasks first: a fork loop also adds up memory, but the loop is the cause.
                if (request.taskLimit > 0 && tree.tasks > request.taskLimit) {
                    stopFor(StopReason::Tasks);
                } else if (watchMemory && tree.residentBytes > request.memoryLimitBytes &&
                           ProcessTree::proportionalResidentBytes(tree.pids) >
                               request.memoryLimitBytes) {
                    // Forked children share their parent's pages until they write them; only
                    // the proportional count tells whether the tree really holds that much.
                    stopFor(StopReason::Memory);
                } else if (cgroup && cgroup->outOfMemoryKilled()) {
                    // The kernel killed one process of the tree; the rest goes with it, as
                    // when the watchdog finds the limit passed.
                    stopFor(StopReason::Memory);
                } else if (scratch.limitReached()) {
                    stopFor(StopReason::FileSize);
                }
            }
        }
        if (sandboxStatus.readEnd >= 0) {
            bwrapStatus += readAvailable(sandboxStatus.readEnd);
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
            QByteArray &captured = &pipe == &out ? result.standardOutput : result.standardError;
            const ssize_t got = ::read(pipe.readEnd, buffer, sizeof buffer);
            if (got > 0) {
                const qint64 before = captured.size();
                appendCapped(captured, buffer, got, request.outputLimitBytes,
                             &result.outputTruncated);
                if (request.onOutput && captured.size() > before) {
                    request.onOutput(captured.mid(int(before)), &pipe == &err);
                }
                if (result.outputTruncated) {
                    stopFor(StopReason::Output);
                }
            } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                pipe.closeRead();
            }
        }
    }
    out.closeRead();
    err.closeRead();
    if (sandboxStatus.readEnd >= 0) {
        bwrapStatus += readAvailable(sandboxStatus.readEnd);
        sandboxStatus.closeRead();
    }
    const TreeUsage leftover = killTree(pid, cgroup.get());
    if (cgroup) {
        cgroup->killAll();
    }
    if (!exited) {
        // Stopped while the drain loop gave up on it: collect it now that it was killed.
        if (wait4(pid, &waitStatus, 0, &usage) == pid) {
            exited = true;
        }
        ChildRegistry::instance().doneWaiting(pid);
    }
    // What a killed tree leaves behind was handed to this process: reap it now. Besides the
    // tree killed at a limit, that is whatever of the program's group outlived the program.
    QVector<pid_t> dying = atStop.pids;
    if (cgroup) {
        dying += leftover.pids; // the group held every process the program started
    } else {
        for (const ProcessInfo &process : ProcessTree::snapshot()) {
            if (process.parent == getpid() && process.processGroup == pid) {
                dying.append(process.pid);
            }
        }
    }
    ChildRegistry::instance().reapOrphans(dying, strayGraceMs);

    result.wallMs = exitedAtMs >= 0 ? exitedAtMs : clock.elapsed();
    const double waitedCpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                             double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    // A killed tree's processes are never waited for by their parents, so their time is not in
    // the rusage: take what the tree had used when it was stopped.
    result.cpuSeconds = qMax(waitedCpu, ProcessTree::ticksToSeconds(atStop.cpuTicks));
    result.cpuWaitSeconds = double(atStop.runQueueWaitNs) / 1e9;
    result.maxResidentKb = usage.ru_maxrss;
    const bool outOfMemory = cgroup && cgroup->outOfMemoryKilled();
    if (cgroup) {
        result.peakTreeResidentBytes = qMax(result.peakTreeResidentBytes, cgroup->peakBytes());
        cgroup.reset(); // removes the group
    }
    // A sandbox's files are looked at once more now that nothing writes them.
    const bool fileLimitReached = stop == StopReason::None && scratch.limitReached();

    // bwrap hands a signal that ended the program on as exit status 128 + signal.
    int endSignal = WIFSIGNALED(waitStatus) ? WTERMSIG(waitStatus) : 0;
    const int exitStatus = WIFEXITED(waitStatus) ? WEXITSTATUS(waitStatus) : -1;
    if (sandboxed && exitStatus > 128 && exitStatus < 128 + NSIG) {
        endSignal = exitStatus - 128;
    }
    const bool overCpu =
        endSignal == SIGXCPU || (endSignal == SIGKILL && request.cpuLimitSeconds > 0 &&
                                 result.cpuSeconds >= request.cpuLimitSeconds);
    const bool sandboxNeverStarted =
        sandboxed && stop == StopReason::None && !bwrapStatus.contains("child-pid");
    if (stop == StopReason::None && outOfMemory) {
        stop = StopReason::Memory; // the kernel did what the watchdog would have done
    } else if (stop == StopReason::None && (endSignal == SIGXFSZ || fileLimitReached)) {
        stop = StopReason::FileSize;
    }
    switch (stop) {
    case StopReason::Cancel:
        result.outcome = RunOutcome::Cancelled;
        break;
    case StopReason::Time:
        result.outcome = RunOutcome::TimedOut;
        result.signal = SIGKILL;
        break;
    case StopReason::Memory:
        result.outcome = RunOutcome::MemoryExceeded;
        result.limitHit = tr("used more than %1 of memory").arg(byteSize(request.memoryLimitBytes));
        break;
    case StopReason::Tasks:
        result.outcome = RunOutcome::TooManyTasks;
        result.limitHit =
            tr("ran more than %1 processes and threads at once").arg(request.taskLimit);
        break;
    case StopReason::Output:
        result.outcome = RunOutcome::OutputExceeded;
        result.limitHit = tr("printed more than %1").arg(byteSize(request.outputLimitBytes));
        break;
    case StopReason::FileSize:
        result.outcome = RunOutcome::FileSizeExceeded;
        result.limitHit = tr("wrote a file as large as a run may (%1); the write failed")
                              .arg(byteSize(request.fileSizeLimitBytes));
        break;
    case StopReason::None:
        if (sandboxNeverStarted) {
            result.outcome = RunOutcome::FailedToStart;
            result.errorString =
                tr("the sandbox could not start %1: %2")
                    .arg(target, QString::fromLocal8Bit(result.standardError).trimmed());
        } else if (overCpu) {
            result.outcome = RunOutcome::TimedOut;
            result.signal = endSignal;
        } else if (endSignal != 0) {
            result.outcome = RunOutcome::Crashed;
            result.signal = endSignal;
        } else {
            result.outcome = RunOutcome::Exited;
            result.exitCode = exitStatus;
        }
        break;
    }
    qCDebug(lcRunner).noquote() << target << request.arguments.join(u' ') << "->"
                                << runOutcomeId(result.outcome) << result.exitCode << "in"
                                << result.wallMs << "ms," << result.cpuSeconds << "s CPU"
                                << (sandboxed ? "(sandboxed)" : "")
                                << (result.memoryCgroup ? "(memory cgroup)" : "");
    return result;
}

} // namespace RaceGrade
