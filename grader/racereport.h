#pragma once

#include "stackframe.h"

#include <QStringList>

namespace RaceGrade {

/// What kind of report a race detector printed between its "=====" separator lines.
enum class ReportKind
{
    DataRace,
    LockOrderInversion, ///< "lock-order-inversion (potential deadlock)"
    ThreadLeak,
    HeapUseAfterFree,
    UnlockOfUnlockedMutex,
    DoubleLock,
    DestroyOfLockedMutex,
    SignalUnsafeCall,
    OtherSanitizerReport, ///< any other "WARNING: ThreadSanitizer: ..." headline
};

/// How a memory access was made.
enum class AccessOp
{
    Unknown,
    Read,
    Write,
    AtomicRead,
    AtomicWrite
};

/// Whether the goroutine or thread behind an access was still alive when the report was printed.
enum class ThreadState
{
    Unknown,
    Running,
    Finished
};

/// One of the (usually two) conflicting accesses of a data race, or a mutex operation of another
/// report kind.
struct MemoryAccess
{
    AccessOp op = AccessOp::Unknown;
    bool previous = false; ///< true for the "Previous write/read" access
    int size = 0;          ///< bytes; 0 when not printed (Go never prints it)
    QString address;       ///< "0x00c00001a0f8", empty when not printed
    QString thread;        ///< "goroutine 7", "main goroutine", "T2", "main thread"
    ThreadState threadState = ThreadState::Unknown;
    QStringList mutexesHeld; ///< TSan's "(mutexes: write M0)" as {"M0"}
    Stack stack;

    bool operator==(const MemoryAccess &other) const = default;
};

/// Where a goroutine or thread mentioned in a report was started.
struct ThreadCreation
{
    QString thread; ///< as in MemoryAccess::thread
    ThreadState state = ThreadState::Unknown;
    QString creator; ///< "main thread", "thread T1"; empty for Go
    Stack stack;

    bool operator==(const ThreadCreation &other) const = default;
};

/// A mutex mentioned in a TSan report ("Mutex M0 (0x...) created at:").
struct MutexNote
{
    QString name; ///< "M0"
    QString address;
    Stack createdAt;

    bool operator==(const MutexNote &other) const = default;
};

/// A "Location is ..." paragraph: where the raced-on memory lives.
struct LocationNote
{
    QString description; ///< "global 'count' of size 4 at 0x... (prog+0x...)", "heap block of ..."
    Stack stack;         ///< the allocation stack that follows heap-block locations; else empty

    bool operator==(const LocationNote &other) const = default;
};

/// One report of the Go race detector or ThreadSanitizer.
struct RaceReport
{
    ReportKind kind = ReportKind::DataRace;
    QString headline;               ///< the WARNING line without "WARNING: "
    QVector<MemoryAccess> accesses; ///< data race: current access first, then previous
    QVector<ThreadCreation> creations;
    QVector<LocationNote> locations;
    QVector<MutexNote> mutexes;
    Stack stack;                ///< kinds without accesses: the main stack of the report
    QVector<Stack> extraStacks; ///< lock-order cycles: one stack per acquisition edge
    QString summary;            ///< "SUMMARY: ..." text after "SUMMARY: ", if printed

    bool operator==(const RaceReport &other) const = default;
};

} // namespace RaceGrade
