#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace RaceGrade {

/// Shares the machine's cores among the gradings of a batch: each build step and each run of
/// student code holds a slot while its process lives, so that many gradings at once never start
/// more processes than there are slots. Pausing stops new slots from being handed out; what
/// runs goes on to its end. Thread-safe.
///
/// A process that sleeps or waits (a fetch that sleeps, a program blocked until its time limit)
/// may lend its slot for as long as it stays idle, so that the cores do work meanwhile; it takes
/// the slot back, even beyond the count, when it uses the CPU again. At most `count` times
/// `lendFactor` slots are lent at once, which bounds the processes alive at once.
class RunSlots
{
public:
    static constexpr int lendFactor = 3;

    explicit RunSlots(int count);

    /// Waits until a slot is free and the slots are not paused. Returns false, holding nothing,
    /// when `cancelled` becomes true first.
    bool acquire(const std::atomic_bool *cancelled);
    void release();

    /// Gives a held slot to others while its process is idle; false when too many are lent.
    bool lend();
    /// Takes a lent slot back at once, even when that makes more slots in use than the count.
    void reclaim();
    /// Ends a lent slot's lending: the slot is free for good.
    void releaseLent();

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
        /// Lends the slot while the process is idle and takes it back when it is not; call
        /// from the thread that owns the holder.
        void setIdle(bool idle);

    private:
        RunSlots *m_slots;
        bool m_held = false;
        bool m_lent = false;
    };

private:
    const int m_count;
    int m_inUse = 0;
    int m_lent = 0;
    bool m_paused = false;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
};

} // namespace RaceGrade
