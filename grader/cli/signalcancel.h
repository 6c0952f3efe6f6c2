#pragma once

#include <atomic>

namespace RaceGrade {

/// Turns SIGINT, SIGTERM and SIGHUP into a cancellation while it lives: the handler only sets a
/// flag that the grading polls, so the grading stops its runs, removes its scratch folder and
/// returns. The previous handlers come back when the object is destroyed. One at a time.
class SignalCancel
{
public:
    SignalCancel();
    ~SignalCancel();
    SignalCancel(const SignalCancel &) = delete;
    SignalCancel &operator=(const SignalCancel &) = delete;

    /// Set once one of the signals arrived; hand it to the grading as its cancel flag.
    const std::atomic_bool *flag() const;
    /// The signal that arrived, or 0.
    int signal() const;
    /// The exit status a shell expects of a program stopped by that signal (128 + signal).
    int exitStatus() const { return 128 + signal(); }
};

} // namespace RaceGrade
