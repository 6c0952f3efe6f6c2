#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace RaceGrade {

/// Shares the machine's cores among the gradings of a batch: each build step and each run of
/// student code holds a slot while its process lives, so that many gradings at once never start
/// more processes than there are slots. Pausing stops new slots from being handed out; what
/// runs goes on to its end. Thread-safe.
class RunSlots
{
public:
    explicit RunSlots(int count);

    /// Waits until a slot is free and the slots are not paused. Returns false, holding nothing,
    /// when `cancelled` becomes true first.
    bool acquire(const std::atomic_bool *cancelled);
    void release();

    void setPaused(bool paused);
    bool isPaused() const;
    int count() const { return m_count; }
    int inUse() const;

    /// Holds one slot for its lifetime (none at all when given no RunSlots).
    class Holder
    {
    public:
        Holder(RunSlots *slots, const std::atomic_bool *cancelled);
        ~Holder();
        Holder(const Holder &) = delete;
        Holder &operator=(const Holder &) = delete;
        /// False when the wait for a slot was cancelled.
        bool held() const { return m_held; }

    private:
        RunSlots *m_slots;
        bool m_held = false;
    };

private:
    const int m_count;
    int m_inUse = 0;
    bool m_paused = false;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
};

} // namespace RaceGrade
