#include "runslots.h"

#include <QtGlobal>
#include <chrono>

namespace RaceGrade {

namespace {

// How often a waiting caller looks at its cancel flag, which nobody signals.
constexpr std::chrono::milliseconds cancelPollInterval{50};

} // namespace

RunSlots::RunSlots(int count)
    : m_count(qMax(1, count))
{}

bool RunSlots::acquire(const std::atomic_bool *cancelled)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (cancelled && cancelled->load()) {
            return false;
        }
        if (!m_paused && m_inUse < m_count) {
            ++m_inUse;
            return true;
        }
        m_changed.wait_for(lock, cancelPollInterval);
    }
}

void RunSlots::release()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        --m_inUse;
    }
    m_changed.notify_one();
}

bool RunSlots::lend()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_lent >= m_count * lendFactor) {
            return false;
        }
        --m_inUse;
        ++m_lent;
    }
    m_changed.notify_one();
    return true;
}

void RunSlots::reclaim()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    ++m_inUse;
    --m_lent;
}

void RunSlots::releaseLent()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    --m_lent;
}

void RunSlots::setPaused(bool paused)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = paused;
    }
    m_changed.notify_all();
}

bool RunSlots::isPaused() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_paused;
}

int RunSlots::inUse() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_inUse;
}

RunSlots::Holder::Holder(RunSlots *slots, const std::atomic_bool *cancelled)
    : m_slots(slots)
{
    m_held = !m_slots || m_slots->acquire(cancelled);
}

RunSlots::Holder::~Holder()
{
    if (m_slots && m_held) {
        if (m_lent) {
            m_slots->releaseLent();
        } else {
            m_slots->release();
        }
    }
}

void RunSlots::Holder::setIdle(bool idle)
{
    if (!m_slots || !m_held || idle == m_lent) {
        return;
    }
    if (idle) {
        m_lent = m_slots->lend();
    } else {
        m_slots->reclaim();
        m_lent = false;
    }
}

} // namespace RaceGrade
