#pragma once

#include <QElapsedTimer>
#include <QTimer>

namespace RaceGrade {

/// Measures how long the event loop of the thread it lives on is kept from running: a precise
/// timer asks to fire every few milliseconds, and the worst delay beyond that interval is how
/// long the loop was blocked at worst.
class EventLoopLatency
{
public:
    explicit EventLoopLatency(int intervalMs = 10);

    void start();
    void stop();

    /// The longest the loop was late, in milliseconds, since start().
    qint64 worstMs() const { return m_worstMs; }
    /// How many times the timer fired since start().
    int ticks() const { return m_ticks; }
    /// Seconds since start().
    double seconds() const { return m_clock.elapsed() / 1000.0; }

private:
    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_lastMs = -1;
    qint64 m_worstMs = 0;
    int m_ticks = 0;
};

} // namespace RaceGrade
