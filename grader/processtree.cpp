#include "processtree.h"

#include <QHash>
#include <QSet>
#include <cctype>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace RaceGrade {

namespace {

// Fields of /proc/<pid>/stat counted from the state field, the first one after "(comm)".
constexpr int stateField = 0;
constexpr int parentField = 1;
constexpr int groupField = 2;
constexpr int userTimeField = 11; // then system time, children's user and system time
constexpr int threadsField = 17;
// Fields of /proc/<pid>/statm: total, resident and shared (file-backed) pages.
constexpr int statmResidentField = 1;
constexpr int statmSharedField = 2;

QByteArray readSmallFile(const char *path)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return {};
    }
    char buffer[2048];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    ::close(fd);
    return got > 0 ? QByteArray(buffer, int(got)) : QByteArray();
}

} // namespace

std::optional<ProcessInfo> ProcessTree::parseStat(const QByteArray &stat, const QByteArray &statm,
                                                  qint64 pageSize)
{
    // The command name may itself hold spaces and parentheses; it ends at the last ')'.
    const int open = stat.indexOf('(');
    const int close = stat.lastIndexOf(')');
    if (open <= 0 || close < open) {
        return std::nullopt;
    }
    bool pidOk = false;
    ProcessInfo info;
    info.pid = pid_t(stat.left(open).trimmed().toLong(&pidOk));
    const QList<QByteArray> fields = stat.mid(close + 1).simplified().split(' ');
    const QList<QByteArray> pages = statm.simplified().split(' ');
    if (!pidOk || fields.size() <= threadsField || pages.size() <= statmSharedField) {
        return std::nullopt;
    }
    bool parentOk = false;
    bool threadsOk = false;
    bool residentOk = false;
    bool sharedOk = false;
    info.parent = pid_t(fields.at(parentField).toLong(&parentOk));
    info.threads = fields.at(threadsField).toInt(&threadsOk);
    info.state = fields.at(stateField).isEmpty() ? char(0) : fields.at(stateField).at(0);
    info.processGroup = pid_t(fields.at(groupField).toLong());
    for (int field = userTimeField; field < userTimeField + 4; ++field) {
        info.cpuTicks += fields.at(field).toLongLong();
    }
    const qint64 resident = pages.at(statmResidentField).toLongLong(&residentOk);
    const qint64 shared = pages.at(statmSharedField).toLongLong(&sharedOk);
    if (!parentOk || !threadsOk || !residentOk || !sharedOk) {
        return std::nullopt;
    }
    info.residentBytes = qMax<qint64>(0, resident - shared) * pageSize;
    return info;
}

void TreeUsage::add(const ProcessInfo &process)
{
    residentBytes += process.residentBytes;
    tasks += qMax(1, process.threads);
    cpuTicks += process.cpuTicks;
    ++processes;
    pids.append(process.pid);
}

TreeUsage ProcessTree::sum(const QVector<ProcessInfo> &processes, pid_t root)
{
    QHash<pid_t, QVector<int>> children;
    int rootIndex = -1;
    for (int i = 0; i < processes.size(); ++i) {
        children[processes.at(i).parent].append(i);
        if (processes.at(i).pid == root) {
            rootIndex = i;
        }
    }
    TreeUsage usage;
    if (rootIndex < 0) {
        return usage;
    }
    QVector<int> pending = {rootIndex};
    QSet<pid_t> seen;
    while (!pending.isEmpty()) {
        const ProcessInfo &process = processes.at(pending.takeLast());
        if (seen.contains(process.pid)) {
            continue; // a pid reused while the snapshot was taken; never loop on it
        }
        seen.insert(process.pid);
        usage.add(process);
        pending += children.value(process.pid);
    }
    return usage;
}

namespace {

std::optional<ProcessInfo> readProcess(const char *pid)
{
    static const qint64 pageSize = sysconf(_SC_PAGESIZE);
    char statPath[300];
    char statmPath[300];
    snprintf(statPath, sizeof statPath, "/proc/%s/stat", pid);
    snprintf(statmPath, sizeof statmPath, "/proc/%s/statm", pid);
    return ProcessTree::parseStat(readSmallFile(statPath), readSmallFile(statmPath), pageSize);
}

} // namespace

QVector<ProcessInfo> ProcessTree::snapshot()
{
    QVector<ProcessInfo> processes;
    DIR *proc = opendir("/proc");
    if (!proc) {
        return processes;
    }
    while (const dirent *entry = readdir(proc)) {
        if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0]))) {
            continue;
        }
        if (const std::optional<ProcessInfo> info = readProcess(entry->d_name)) {
            processes.append(*info);
        }
    }
    closedir(proc);
    return processes;
}

TreeUsage ProcessTree::measureAll(const QVector<pid_t> &pids)
{
    TreeUsage usage;
    char name[32];
    for (const pid_t pid : pids) {
        snprintf(name, sizeof name, "%d", int(pid));
        if (const std::optional<ProcessInfo> info = readProcess(name)) {
            usage.add(*info);
        }
    }
    return usage;
}

qint64 ProcessTree::runQueueWaitNs(const QVector<pid_t> &pids)
{
    qint64 total = 0;
    char path[96];
    for (const pid_t pid : pids) {
        snprintf(path, sizeof path, "/proc/%d/task", int(pid));
        DIR *tasks = opendir(path);
        if (!tasks) {
            continue;
        }
        while (const dirent *entry = readdir(tasks)) {
            if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0]))) {
                continue;
            }
            char stat[320]; // room for any directory name readdir can give
            snprintf(stat, sizeof stat, "/proc/%d/task/%s/schedstat", int(pid), entry->d_name);
            // "<ns on a CPU> <ns waiting on a run queue> <time slices>"
            const QList<QByteArray> fields = readSmallFile(stat).simplified().split(' ');
            total += fields.value(1).toLongLong();
        }
        closedir(tasks);
    }
    return total;
}

double ProcessTree::ticksToSeconds(qint64 ticks)
{
    static const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    return ticksPerSecond > 0 ? double(ticks) / double(ticksPerSecond) : 0.0;
}

qint64 ProcessTree::parseRollup(const QByteArray &rollup)
{
    qint64 total = -1;
    for (const QByteArray &line : rollup.split('\n')) {
        const bool anonymous = line.startsWith("Pss_Anon:");
        if (anonymous || (total < 0 && line.startsWith("Pss:"))) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            bool ok = false;
            const qint64 kib = parts.value(1).toLongLong(&ok);
            if (ok) {
                total = kib * 1024;
            }
            if (anonymous) {
                break;
            }
        }
    }
    return qMax<qint64>(0, total);
}

qint64 ProcessTree::proportionalResidentBytes(const QVector<pid_t> &pids)
{
    qint64 total = 0;
    char path[64];
    for (const pid_t pid : pids) {
        snprintf(path, sizeof path, "/proc/%d/smaps_rollup", int(pid));
        total += parseRollup(readSmallFile(path));
    }
    return total;
}

} // namespace RaceGrade
