#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace RaceGrade {

/// Shares the machine's cores among the gradings of a batch: each build step and each run of
/// student code holds a slot while its process lives, so that many gradings at once never start
/// more processes than there are slots. Pausing stops new slots from being handed out; what
/// runs goes on to its end. Thread-safe.
///
/// A process that sleeps or waits (a fetch that sleeps, a program blocked until its time limit)
/// may lend its slot for as long as it stays idle, so that the cores do work meanwhile; it takes
/// the slot back, even beyond the count, when it uses the CPU again. A run too short to be
/// found idle still leaves cores idle while it sleeps: given a way to measure idle cores, the
/// slots hand out slots beyond the count while the cores that sat idle over the last
/// measurement are not yet spoken for, each caller taking the share of a core it expects its
/// process to use (a compiler a whole core, a run of student code a tenth). Slots in use and
/// slots lent together stay under the process cap (by default `count` times one more than
/// `lendFactor`), which bounds the processes alive at once.
class RunSlots
{
public:
    static constexpr int lendFactor = 8;
    /// Idle cores since the last answer (IdleCoreMeter); nullopt when not known yet.
    using IdleCores = std::function<std::optional<double>()>;

    explicit RunSlots(int count, IdleCores idleCores = {}, int processCap = 0);

    /// A run of student code: most sleep, wait or end within milliseconds.
    static constexpr double runCores = 0.1;
    /// A compiler or vet: busy on one core from start to end.
    static constexpr double buildCores = 1.0;

    /// Waits until a slot is free and the slots are not paused, or until idle cores leave room
    /// for a process expected to use `expectedCores`. Returns false, holding nothing, when
    /// `cancelled` becomes true first.
    bool acquire(const std::atomic_bool *cancelled, double expectedCores = buildCores);
    void release();

    /// Gives a held slot to others while its process is idle; false when that would let the
    /// processes alive exceed the process cap.
    bool lend();
    /// Takes a lent slot back at once, even when that makes more slots in use than the count.
    void reclaim();
    /// Ends a lent slot's lending: the slot is free for good.
    void releaseLent();

    void setPaused(bool paused);
    bool isPaused() const;
    int count() const { return m_count; }
    /// The most slots held at once, lent ones and those beyond the count included.
    int processCap() const { return m_processCap; }
    int inUse() const;

    /// Holds one slot for its lifetime (none at all when given no RunSlots).
    class Holder
    {
    public:
        Holder(RunSlots *slots, const std::atomic_bool *cancelled,
               double expectedCores = buildCores);
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
    bool mayExceedCount(double expectedCores);

    const int m_count;
    const int m_processCap;
    const IdleCores m_idleCores;
    int m_inUse = 0;
    int m_lent = 0;
    // The idle cores of the last reading that no process started beyond the count has taken.
    double m_idleCoresLeft = 0.0;
    bool m_paused = false;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
};

} // namespace RaceGrade
