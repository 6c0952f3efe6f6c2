#include "runslots.h"

#include <QtGlobal>
#include <chrono>

namespace RaceGrade {

namespace {

// How often a waiting caller looks at its cancel flag, which nobody signals, and, when the
// slots measure idle cores, whether the cores are idle enough for one more process.
constexpr std::chrono::milliseconds cancelPollInterval{50};
constexpr std::chrono::milliseconds idlePollInterval{20};

} // namespace

RunSlots::RunSlots(int count, IdleCores idleCores, int processCap)
    : m_count(qMax(1, count))
    , m_processCap(processCap > 0 ? qMax(processCap, m_count) : m_count * (1 + lendFactor))
    , m_idleCores(std::move(idleCores))
{}

bool RunSlots::mayExceedCount(double expectedCores)
{
    if (!m_idleCores || m_inUse + m_lent >= m_processCap) {
        return false;
    }
    if (m_idleCoresLeft < expectedCores) {
        // What earlier readings found is spoken for; a new reading counts the processes they
        // started. On the Go half of the benchmark class, starting a run for every half, every
        // quarter and every tenth of an idle core graded in 27, 24 and 20 s, all with the same
        // verdicts.
        if (const std::optional<double> idle = m_idleCores()) {
            m_idleCoresLeft = *idle;
        }
    }
    if (m_idleCoresLeft < expectedCores) {
        return false;
    }
    m_idleCoresLeft -= expectedCores;
    return true;
}

bool RunSlots::acquire(const std::atomic_bool *cancelled, double expectedCores)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        if (cancelled && cancelled->load()) {
            return false;
        }
        if (!m_paused && (m_inUse < m_count || mayExceedCount(expectedCores))) {
            ++m_inUse;
            return true;
        }
        m_changed.wait_for(lock, m_idleCores ? idlePollInterval : cancelPollInterval);
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
        if (m_inUse + m_lent >= m_processCap) {
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

RunSlots::Holder::Holder(RunSlots *slots, const std::atomic_bool *cancelled, double expectedCores)
    : m_slots(slots)
{
    m_held = !m_slots || m_slots->acquire(cancelled, expectedCores);
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
