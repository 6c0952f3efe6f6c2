#include "eventlooplatency.h"

namespace RaceGrade {

EventLoopLatency::EventLoopLatency(int intervalMs)
{
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(intervalMs);
    QObject::connect(&m_ticker, &QTimer::timeout, [this] {
        const qint64 now = m_clock.elapsed();
        if (m_lastMs >= 0) {
            m_worstMs = qMax(m_worstMs, now - m_lastMs - m_ticker.interval());
        }
        m_lastMs = now;
        ++m_ticks;
    });
}

void EventLoopLatency::start()
{
    m_lastMs = -1;
    m_worstMs = 0;
    m_ticks = 0;
    m_clock.start();
    m_ticker.start();
}

void EventLoopLatency::stop()
{
    m_ticker.stop();
}

} // namespace RaceGrade
