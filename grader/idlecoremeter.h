#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <optional>

namespace RaceGrade {

/// How many of the machine's cores sat idle lately, read from the first line of /proc/stat. A
/// batch asks it before starting more processes than it has slots: runs that sleep (a fetch
/// that waits, a program blocked on a lock) leave cores idle that other runs can use.
class IdleCoreMeter
{
public:
    /// Clock ticks counted on the "cpu" line of /proc/stat: idle (idle and iowait) and all.
    struct Ticks
    {
        qint64 idle = 0;
        qint64 total = 0;
    };

    /// Reads the summary line of a /proc/stat text and the number of per-core lines; nullopt
    /// when the text has no such line.
    static std::optional<Ticks> parseProcStat(const QByteArray &text, int *cores = nullptr);
    /// Idle cores between two readings: 0 when nothing was counted in between.
    static double idleCoresBetween(const Ticks &earlier, const Ticks &later, int cores);

    /// Idle cores since the last answer, over at least `minimumWindowMs`; nullopt when asked
    /// sooner or when /proc/stat cannot be read. Each answer starts a new window, so an answer
    /// never counts the time before a process started on the previous one. Not thread-safe.
    std::optional<double> idleCoresSinceLastAnswer();

    static constexpr int minimumWindowMs = 50;

private:
    std::optional<Ticks> m_start;
    QElapsedTimer m_clock;
    int m_cores = 0;
};

} // namespace RaceGrade
