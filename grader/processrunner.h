#pragma once

#include "sandbox.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace RaceGrade {

/// How a started program ended.
enum class RunOutcome
{
    Exited,           ///< ended by itself; see exitCode
    FailedToStart,    ///< could not be executed at all; see errorString
    Crashed,          ///< killed by a signal it did not ask for; see signal
    TimedOut,         ///< still running at the wall-time limit, or over its CPU-time limit
    Cancelled,        ///< stopped because the caller cancelled
    MemoryExceeded,   ///< killed: its processes together held more resident memory than allowed
    TooManyTasks,     ///< killed: it started more processes or threads than allowed
    OutputExceeded,   ///< killed: it printed more than the output limit on one stream
    FileSizeExceeded, ///< stopped: it wrote a file as large as the file-size limit
};

/// How a run's memory limit is held.
enum class MemoryEnforcement
{
    Automatic, ///< a memory cgroup where this machine offers one (MemoryCgroup), else Watchdog
    Watchdog,  ///< the /proc watchdog, which measures the tree ten times a second
};

QString runOutcomeId(RunOutcome outcome);

/// What to run and under which limits.
struct RunRequest
{
    QString program; ///< absolute path, or a name looked up in PATH
    QStringList arguments;
    QString workingDirectory;
    QStringList environment; ///< the complete environment, "NAME=value" entries
    int timeLimitMs = 10000; ///< wall time; the whole process group is killed after it
    int cpuLimitSeconds = 0; ///< RLIMIT_CPU; 0 leaves it unlimited
    qint64 outputLimitBytes = 4 * 1024 * 1024;    ///< per stream; going over it stops the program
    qint64 fileSizeLimitBytes = 64 * 1024 * 1024; ///< RLIMIT_FSIZE for files the program writes
    bool disableAddressRandomization = false;     ///< personality(ADDR_NO_RANDOMIZE)
    int cpuCount = 0; ///< pin to this many CPUs (0: all the process may use)
    /// Resident memory of the whole process tree; 0: unlimited. Never an address-space limit:
    /// ThreadSanitizer and the Go runtime reserve terabytes of virtual memory.
    qint64 memoryLimitBytes = 0;
    MemoryEnforcement memoryEnforcement = MemoryEnforcement::Automatic;
    int taskLimit = 0; ///< processes and threads of the tree at once; 0: unlimited
    SandboxSpec sandbox;
    /// Called on the runner's thread with each chunk of output as it arrives (only what is kept
    /// under outputLimitBytes); may be empty.
    std::function<void(const QByteArray &chunk, bool isError)> onOutput;
    /// Called on the runner's thread when the process tree starts or stops using the CPU
    /// (idle: almost no CPU time over the last few tenths of a second, as while it sleeps or
    /// waits); may be empty. Only measured while the watchdog looks at the tree.
    std::function<void(bool idle)> onIdleChanged;
};

/// What came out of one run.
struct RunResult
{
    RunOutcome outcome = RunOutcome::FailedToStart;
    int exitCode = -1; ///< valid when outcome is Exited
    int signal = 0;    ///< valid when outcome is Crashed (or the signal that ended a timeout)
    QByteArray standardOutput;
    QByteArray standardError;
    bool outputTruncated = false; ///< either stream went over outputLimitBytes
    qint64 wallMs = 0;
    /// User + system time of the program and its children; for a run the runner stopped, what
    /// the tree had used when it was stopped.
    double cpuSeconds = 0;
    /// For a run the runner stopped: how long its threads were ready to run but waited for a
    /// CPU. Together with cpuSeconds, what the program asked for on a busy machine.
    double cpuWaitSeconds = 0;
    qint64 maxResidentKb = 0;
    qint64 peakTreeResidentBytes = 0; ///< as seen by the watchdog, when a limit asked for it
    int peakTasks = 0;
    QString errorString; ///< why it failed to start
    /// The limit a MemoryExceeded, TooManyTasks, OutputExceeded or FileSizeExceeded run broke.
    QString limitHit;
    bool memoryCgroup = false; ///< the memory limit was held by a cgroup, not the watchdog

    bool exitedWith(int code) const { return outcome == RunOutcome::Exited && exitCode == code; }
};

/// Starts one program, feeds it no input, collects its output, enforces the limits and makes sure
/// nothing it started outlives the run. The program leads its own process group, which is killed
/// when the run ends; in a sandbox it also has its own PID namespace, which dies with it, so
/// nothing escapes by starting a new session. The first run makes this process a child
/// subreaper, so that whatever a killed tree leaves behind is handed to this process, which
/// reaps it at once, instead of lingering as a zombie under PID 1. Safe to call from many
/// threads at once; the only place that starts processes.
class ProcessRunner
{
    Q_DECLARE_TR_FUNCTIONS(ProcessRunner)

public:
    static RunResult run(const RunRequest &request, const std::atomic_bool *cancelled = nullptr);

    /// The current environment as "NAME=value" entries, for building RunRequest::environment.
    static QStringList systemEnvironment();

    /// "4 MiB", "512 KiB", "1000 bytes": a size as a person would write it.
    static QString byteSize(qint64 bytes);
};

} // namespace RaceGrade
