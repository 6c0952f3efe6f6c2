#include "idlecoremeter.h"

#include <QFile>
#include <QList>

namespace RaceGrade {

namespace {

std::optional<IdleCoreMeter::Ticks> readProcStat(int *cores)
{
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    // Sequential files report no size; the summary and the per-core lines come first.
    return IdleCoreMeter::parseProcStat(file.read(64 * 1024), cores);
}

} // namespace

std::optional<IdleCoreMeter::Ticks> IdleCoreMeter::parseProcStat(const QByteArray &text, int *cores)
{
    std::optional<Ticks> ticks;
    int coreLines = 0;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 5 || !fields.first().startsWith("cpu")) {
            continue;
        }
        if (fields.first() != "cpu") {
            ++coreLines;
            continue;
        }
        // user nice system idle iowait irq softirq steal; guest time is already in user.
        Ticks summary;
        for (int i = 1; i < fields.size() && i <= 8; ++i) {
            bool ok = false;
            const qint64 value = fields.at(i).toLongLong(&ok);
            if (!ok || value < 0) {
                return std::nullopt;
            }
            summary.total += value;
            summary.idle += (i == 4 || i == 5) ? value : 0;
        }
        ticks = summary;
    }
    if (cores) {
        *cores = coreLines;
    }
    return ticks;
}

double IdleCoreMeter::idleCoresBetween(const Ticks &earlier, const Ticks &later, int cores)
{
    const qint64 total = later.total - earlier.total;
    const qint64 idle = later.idle - earlier.idle;
    if (total <= 0 || idle < 0 || cores <= 0) {
        return 0.0;
    }
    return double(qMin(idle, total)) / double(total) * cores;
}

std::optional<double> IdleCoreMeter::idleCoresSinceLastAnswer()
{
    if (m_start && m_clock.elapsed() < minimumWindowMs) {
        return std::nullopt;
    }
    int cores = 0;
    const std::optional<Ticks> now = readProcStat(&cores);
    if (!now) {
        return std::nullopt;
    }
    const std::optional<Ticks> start = m_start;
    m_start = now;
    m_clock.start();
    if (!start) {
        return std::nullopt;
    }
    return idleCoresBetween(*start, *now, cores);
}

} // namespace RaceGrade
