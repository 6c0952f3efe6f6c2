#pragma once

#include <QByteArray>
#include <QVector>
#include <optional>
#include <sys/types.h>

namespace RaceGrade {

/// One process as /proc describes it.
struct ProcessInfo
{
    pid_t pid = 0;
    pid_t parent = 0;
    /// Resident memory of its own: anonymous pages (heap, stacks), not the pages of files and
    /// libraries it shares with others, which would be counted once per process.
    qint64 residentBytes = 0;
    int threads = 0;
    char state = 0; ///< 'R', 'S', 'Z' (zombie) and so on
    /// Clock ticks of CPU time: its own and that of the children it waited for.
    qint64 cpuTicks = 0;
    pid_t processGroup = 0;
};

/// What a process and all of its descendants use together.
struct TreeUsage
{
    qint64 residentBytes = 0;
    int tasks = 0; ///< threads of all processes, each process counting at least one
    int processes = 0;
    qint64 cpuTicks = 0;       ///< CPU time of the processes, see ProcessInfo::cpuTicks
    qint64 runQueueWaitNs = 0; ///< filled by whoever asks runQueueWaitNs() for these pids
    QVector<pid_t> pids;       ///< the processes counted

    /// Counts one more process.
    void add(const ProcessInfo &process);
};

/// Measures a process tree through /proc: the watchdog behind the memory and process limits,
/// which must not limit address space (ThreadSanitizer and Go reserve terabytes of it).
class ProcessTree
{
public:
    /// Parses the text of /proc/<pid>/stat and /proc/<pid>/statm; nullopt when they are not
    /// such lines.
    static std::optional<ProcessInfo> parseStat(const QByteArray &stat, const QByteArray &statm,
                                                qint64 pageSize);
    /// Adds up root and every process that descends from it in processes.
    static TreeUsage sum(const QVector<ProcessInfo> &processes, pid_t root);
    /// Every process of this machine that can be read now.
    static QVector<ProcessInfo> snapshot();
    static TreeUsage measure(pid_t root) { return sum(snapshot(), root); }
    /// Adds up the listed processes (the members of a cgroup, say) without a walk over /proc.
    static TreeUsage measureAll(const QVector<pid_t> &pids);
    /// The anonymous memory of the processes, each page shared between them (as after fork)
    /// counted once in all, from /proc/<pid>/smaps_rollup. Slower than measure(): a second
    /// opinion for when measure() says a limit is passed.
    static qint64 proportionalResidentBytes(const QVector<pid_t> &pids);
    /// Reads the "Pss_Anon:" (or, on older kernels, "Pss:") line of a smaps_rollup text.
    static qint64 parseRollup(const QByteArray &rollup);
    /// Nanoseconds the threads of these processes spent ready to run but waiting for a CPU (the
    /// second field of /proc/<pid>/task/<tid>/schedstat). On a loaded machine a busy program
    /// gets little CPU time but waits this long for more; a blocked one does neither.
    static qint64 runQueueWaitNs(const QVector<pid_t> &pids);
    /// Seconds of CPU time for a number of clock ticks.
    static double ticksToSeconds(qint64 ticks);
};

} // namespace RaceGrade
