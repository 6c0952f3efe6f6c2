#pragma once

#include "expected.h"
#include "processtree.h"

#include <QString>
#include <QVector>
#include <memory>

namespace RaceGrade {

/// A memory control group made for one run: the kernel itself holds the run's processes to a
/// limit on resident memory (page cache and files in memory included) and kills one of them when
/// they pass it, which no watchdog polling /proc can match for a program that allocates fast.
/// Made under the grader's own cgroup, so that limits set above it still hold, and removed when
/// the object is destroyed.
///
/// Works with cgroup v2 where the grader's cgroup (or $RACEGRADE_CGROUP) is delegated to it with
/// the memory controller enabled for its children, and with the v1 memory controller mounted
/// read-write. Where neither is usable, or $RACEGRADE_MEMORY_WATCHDOG is set to 1, available()
/// is false and the runner falls back to its /proc watchdog.
class MemoryCgroup
{
public:
    ~MemoryCgroup();
    MemoryCgroup(const MemoryCgroup &) = delete;
    MemoryCgroup &operator=(const MemoryCgroup &) = delete;

    /// Whether runs can get a memory cgroup here; checked once per process. Thread-safe.
    static bool available();
    /// "cgroup v1 at /sys/fs/cgroup/memory/…", or why there is none.
    static QString description();

    /// A fresh group holding its members to limitBytes of memory, swap included.
    static Expected<std::unique_ptr<MemoryCgroup>> create(qint64 limitBytes);

    /// A descriptor open for writing on the group's process list: a forked child writes its own
    /// pid there (async-signal-safe) before it executes the program. -1 when closed.
    int processListFd() const { return m_procsFd; }
    /// Closes that descriptor in the parent once the child has started.
    void closeProcessListFd();

    /// True when the kernel killed a member because the group ran out of memory.
    bool outOfMemoryKilled() const;
    /// The highest memory use of the group seen by the kernel; 0 when the kernel does not say.
    qint64 peakBytes() const;
    /// Kills every process still in the group.
    void killAll() const;
    /// The processes in the group now.
    QVector<pid_t> memberPids() const;
    /// What the group's processes use together, counted as ProcessTree counts a tree, but
    /// found from the group's list of members instead of a walk over every process.
    TreeUsage usage() const { return ProcessTree::measureAll(memberPids()); }
    QString path() const { return m_path; }

private:
    MemoryCgroup() = default;

    QString m_path;
    bool m_v2 = false;
    int m_procsFd = -1;
};

} // namespace RaceGrade
