#pragma once

#include "stackframe.h"

namespace RaceGrade {

/// A failure printed by the Go runtime or a sanitizer runtime that is not a race report.
enum class FailureKind
{
    Deadlock,               ///< "fatal error: all goroutines are asleep - deadlock!"
    ConcurrentMapWrites,    ///< "fatal error: concurrent map writes"
    ConcurrentMapReadWrite, ///< "fatal error: concurrent map read and map write"
    NegativeWaitGroup,      ///< "panic: sync: negative WaitGroup counter"
    WaitGroupReused,       ///< "panic: sync: WaitGroup is reused before previous Wait has returned"
    UnlockOfUnlockedMutex, ///< "fatal error: sync: unlock of unlocked mutex" (also RUnlock)
    Panic,                 ///< any other "panic: ..."
    FatalError,            ///< any other "fatal error: ..."
    SanitizerMappingFailure, ///< TSan "unexpected memory mapping": could not start at all
    SanitizerFatal,          ///< another "FATAL: ThreadSanitizer ..." line
};

/// One runtime failure with the stack of the goroutine that failed (or, for a deadlock, of the
/// first blocked goroutine).
struct RuntimeFailure
{
    FailureKind kind = FailureKind::Panic;
    QString message; ///< the text after "panic: " or "fatal error: ", or the sanitizer line
    Stack stack;

    bool operator==(const RuntimeFailure &other) const = default;
};

} // namespace RaceGrade
