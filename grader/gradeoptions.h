#pragma once

#include <QString>
#include <memory>

namespace RaceGrade {

class RunSlots;

/// Whether student code is isolated. There is no automatic fallback: where the sandbox cannot
/// work, grading stops with the reason until the user explicitly chooses Off.
enum class SandboxMode
{
    Required, ///< build and run inside the sandbox; a grading fails if it cannot start
    Off,      ///< the user chose to run student code with their own permissions
};

/// How thoroughly and with what to grade. The defaults suit a student's laptop.
struct GradeOptions
{
    int runs = 20;        ///< runs of the race-enabled program
    int jobs = 0;         ///< runs at once; 0 means one per core
    int plainRuns = -1;   ///< runs of the build without the race detector; -1: runs / 4, >= 2
    int harnessRuns = -1; ///< runs of the hidden harness; -1: runs / 4, at least 2
    int runSeconds = 0;   ///< wall-time limit per program run; 0: the exercise's own
    QString cppCompiler = QStringLiteral("g++"); ///< "g++" or "clang++" (or a path to one)
    QString cacheDirectory;     ///< where the Go build cache lives; empty: the user's cache folder
    bool keepWorkspace = false; ///< leave the scratch folder behind, for debugging a grading
    SandboxMode sandbox = SandboxMode::Required;
    int memoryMiB = 0; ///< resident memory per run; 0: the exercise's own limit
    /// Hold the memory limit with the /proc watchdog even where a memory cgroup could.
    bool memoryWatchdog = false;
    /// Shared by the gradings of a batch: every build and run holds one of its slots. Null: the
    /// grading uses up to `jobs` processes at once on its own.
    std::shared_ptr<RunSlots> slots;

    int effectivePlainRuns() const { return plainRuns >= 0 ? plainRuns : qMax(2, runs / 4); }
    int effectiveHarnessRuns() const { return harnessRuns >= 0 ? harnessRuns : qMax(2, runs / 4); }
};

} // namespace RaceGrade
