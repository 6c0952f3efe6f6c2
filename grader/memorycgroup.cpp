#include "memorycgroup.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace RaceGrade {

namespace {

// Where new groups are made and how they are driven.
struct Hierarchy
{
    QString base; ///< the folder new groups are made in; empty when none is usable
    bool v2 = false;
    QString problem; ///< why there is none
};

QByteArray readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.flush();
}

// The value of "<key> <number>" in a flat-keyed cgroup file such as memory.events; -1 if absent.
qint64 keyedValue(const QByteArray &text, const QByteArray &key)
{
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() == 2 && parts.first() == key) {
            bool ok = false;
            const qint64 value = parts.at(1).toLongLong(&ok);
            return ok ? value : -1;
        }
    }
    return -1;
}

// Makes and removes a group under base, to learn whether this process may.
bool canMakeGroups(const QString &base, bool v2)
{
    const QString probe = base + QStringLiteral("/racegrade-probe-%1").arg(::getpid());
    if (!QDir().mkdir(probe) && !QFileInfo(probe).isDir()) {
        return false;
    }
    const QString limitFile =
        probe + (v2 ? QStringLiteral("/memory.max") : QStringLiteral("/memory.limit_in_bytes"));
    const bool usable = QFileInfo(limitFile).isWritable() && QFileInfo(probe).isWritable();
    QDir().rmdir(probe);
    return usable;
}

Hierarchy findHierarchy()
{
    Hierarchy hierarchy;
    if (qEnvironmentVariable("RACEGRADE_MEMORY_WATCHDOG") == u"1") {
        hierarchy.problem = QStringLiteral("RACEGRADE_MEMORY_WATCHDOG=1 asks for the watchdog");
        return hierarchy;
    }
    const QString chosen = qEnvironmentVariable("RACEGRADE_CGROUP");
    if (!chosen.isEmpty()) {
        const bool v2 = QFileInfo::exists(chosen + QStringLiteral("/cgroup.controllers"));
        if (canMakeGroups(chosen, v2)) {
            hierarchy.base = chosen;
            hierarchy.v2 = v2;
        } else {
            hierarchy.problem =
                QStringLiteral("cannot make memory groups in $RACEGRADE_CGROUP (%1)").arg(chosen);
        }
        return hierarchy;
    }

    // This process's own group in each hierarchy: "4:memory:/a/b" (v1), "0::/a/b" (v2).
    QString v1Path;
    QString v2Path;
    for (const QByteArray &line : readText(QStringLiteral("/proc/self/cgroup")).split('\n')) {
        const QList<QByteArray> parts = line.split(':');
        if (parts.size() < 3) {
            continue;
        }
        const QString path =
            QString::fromUtf8(line.mid(parts.at(0).size() + parts.at(1).size() + 2));
        if (parts.at(0) == "0" && parts.at(1).isEmpty()) {
            v2Path = path;
        } else if (parts.at(1).split(',').contains("memory")) {
            v1Path = path;
        }
    }
    // Mount points: "<id> <parent> <dev> <root> <mount point> ... - <type> <source> <options>".
    QString v1Base;
    QString v2Base;
    for (const QByteArray &line : readText(QStringLiteral("/proc/self/mountinfo")).split('\n')) {
        const int separator = line.indexOf(" - ");
        if (separator < 0) {
            continue;
        }
        const QList<QByteArray> before = line.left(separator).split(' ');
        const QList<QByteArray> after = line.mid(separator + 3).split(' ');
        if (before.size() < 5 || after.size() < 3) {
            continue;
        }
        const QString root = QString::fromUtf8(before.at(3));
        const QString mountPoint = QString::fromUtf8(before.at(4));
        const auto joined = [&](QString path) {
            // A mount of a sub-tree (inside a cgroup namespace) shows paths below its root.
            if (root != u"/" && path.startsWith(root)) {
                path = path.mid(root.size());
            }
            return QDir::cleanPath(mountPoint + u'/' + path);
        };
        if (after.at(0) == "cgroup2" && !v2Path.isEmpty()) {
            v2Base = joined(v2Path);
        } else if (after.at(0) == "cgroup" && after.at(2).split(',').contains("memory") &&
                   !v1Path.isEmpty()) {
            v1Base = joined(v1Path);
        }
    }
    if (!v2Base.isEmpty() &&
        readText(v2Base + QStringLiteral("/cgroup.subtree_control")).contains("memory") &&
        canMakeGroups(v2Base, true)) {
        hierarchy.base = v2Base;
        hierarchy.v2 = true;
    } else if (!v1Base.isEmpty() && canMakeGroups(v1Base, false)) {
        hierarchy.base = v1Base;
    } else {
        hierarchy.problem =
            QStringLiteral("no memory cgroup this process may make groups in (v2 needs a "
                           "delegated group with the memory controller, v1 a writable memory "
                           "hierarchy)");
    }
    return hierarchy;
}

const Hierarchy &hierarchy()
{
    static const Hierarchy found = [] {
        const Hierarchy h = findHierarchy();
        qCDebug(lcRunner).noquote() << "memory cgroup:" << (h.base.isEmpty() ? h.problem : h.base);
        return h;
    }();
    return found;
}

} // namespace

bool MemoryCgroup::available()
{
    return !hierarchy().base.isEmpty();
}

QString MemoryCgroup::description()
{
    const Hierarchy &h = hierarchy();
    if (h.base.isEmpty()) {
        return h.problem;
    }
    return QStringLiteral("cgroup %1 at %2").arg(h.v2 ? u"v2" : u"v1", h.base);
}

Expected<std::unique_ptr<MemoryCgroup>> MemoryCgroup::create(qint64 limitBytes)
{
    using Result = Expected<std::unique_ptr<MemoryCgroup>>;
    const Hierarchy &h = hierarchy();
    if (h.base.isEmpty()) {
        return Result::failure(h.problem);
    }
    static std::atomic_int counter{0};
    std::unique_ptr<MemoryCgroup> group(new MemoryCgroup);
    group->m_v2 = h.v2;
    group->m_path = h.base + QStringLiteral("/racegrade-%1-%2").arg(::getpid()).arg(counter++);
    if (!QDir().mkdir(group->m_path)) {
        const QString path = group->m_path;
        group->m_path.clear(); // nothing to remove
        return Result::failure(QStringLiteral("cannot make the memory cgroup %1").arg(path));
    }
    const QByteArray limit = QByteArray::number(limitBytes);
    bool limited = false;
    if (h.v2) {
        limited = writeText(group->m_path + QStringLiteral("/memory.max"), limit);
        // Best effort: no swapping past the limit, and the whole group goes at once.
        writeText(group->m_path + QStringLiteral("/memory.swap.max"), "0");
        writeText(group->m_path + QStringLiteral("/memory.oom.group"), "1");
    } else {
        limited = writeText(group->m_path + QStringLiteral("/memory.limit_in_bytes"), limit);
        // Only present with swap accounting; must not be lower than the limit above.
        const QString withSwap = group->m_path + QStringLiteral("/memory.memsw.limit_in_bytes");
        if (QFileInfo::exists(withSwap)) {
            writeText(withSwap, limit);
        }
    }
    if (!limited) {
        return Result::failure(
            QStringLiteral("cannot set the memory limit of %1").arg(group->m_path));
    }
    group->m_procsFd = ::open(QFile::encodeName(group->m_path + QStringLiteral("/cgroup.procs")),
                              O_WRONLY | O_CLOEXEC);
    if (group->m_procsFd < 0) {
        return Result::failure(
            QStringLiteral("cannot open the process list of %1").arg(group->m_path));
    }
    return Result(std::move(group));
}

MemoryCgroup::~MemoryCgroup()
{
    closeProcessListFd();
    if (m_path.isEmpty()) {
        return;
    }
    // The group can only go once its last process is gone; killed processes take a moment.
    for (int attempt = 0; attempt < 100; ++attempt) {
        killAll();
        if (::rmdir(QFile::encodeName(m_path).constData()) == 0 || errno == ENOENT) {
            return;
        }
        QThread::msleep(10);
    }
    qCWarning(lcRunner).noquote() << "cannot remove the memory cgroup" << m_path;
}

void MemoryCgroup::closeProcessListFd()
{
    if (m_procsFd >= 0) {
        ::close(m_procsFd);
        m_procsFd = -1;
    }
}

bool MemoryCgroup::outOfMemoryKilled() const
{
    if (m_v2) {
        const QByteArray events = readText(m_path + QStringLiteral("/memory.events"));
        return keyedValue(events, "oom_kill") > 0 || keyedValue(events, "oom_group_kill") > 0;
    }
    const qint64 kills =
        keyedValue(readText(m_path + QStringLiteral("/memory.oom_control")), "oom_kill");
    if (kills >= 0) {
        return kills > 0;
    }
    // Kernels before 4.13 do not count kills; being at the limit with the OOM killer woken is
    // the closest sign.
    return keyedValue(readText(m_path + QStringLiteral("/memory.oom_control")), "under_oom") > 0;
}

qint64 MemoryCgroup::peakBytes() const
{
    const QString file = m_path + (m_v2 ? QStringLiteral("/memory.peak")
                                        : QStringLiteral("/memory.max_usage_in_bytes"));
    bool ok = false;
    const qint64 peak = readText(file).trimmed().toLongLong(&ok);
    return ok ? peak : 0;
}

void MemoryCgroup::killAll() const
{
    if (m_path.isEmpty()) {
        return;
    }
    if (m_v2 && writeText(m_path + QStringLiteral("/cgroup.kill"), "1")) {
        return;
    }
    for (const pid_t pid : memberPids()) {
        ::kill(pid, SIGKILL);
    }
}

QVector<pid_t> MemoryCgroup::memberPids() const
{
    QVector<pid_t> pids;
    if (m_path.isEmpty()) {
        return pids;
    }
    for (const QByteArray &line : readText(m_path + QStringLiteral("/cgroup.procs")).split('\n')) {
        bool ok = false;
        const pid_t pid = pid_t(line.trimmed().toLong(&ok));
        if (ok && pid > 0) {
            pids.append(pid);
        }
    }
    return pids;
}

} // namespace RaceGrade
