#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace RaceGrade {

/// How a started program ended.
enum class RunOutcome
{
    Exited,        ///< ended by itself; see exitCode
    FailedToStart, ///< could not be executed at all; see errorString
    Crashed,       ///< killed by a signal it did not ask for; see signal
    TimedOut,      ///< still running at the wall-time limit, or over its CPU-time limit
    Cancelled,     ///< stopped because the caller cancelled
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
    qint64 outputLimitBytes = 4 * 1024 * 1024;    ///< per stream; the rest is read and dropped
    qint64 fileSizeLimitBytes = 64 * 1024 * 1024; ///< RLIMIT_FSIZE for files the program writes
    bool disableAddressRandomization = false;     ///< personality(ADDR_NO_RANDOMIZE)
    int cpuCount = 0; ///< pin to this many CPUs (0: all the process may use)
    /// Called on the runner's thread with each chunk of output as it arrives (only what is kept
    /// under outputLimitBytes); may be empty.
    std::function<void(const QByteArray &chunk, bool isError)> onOutput;
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
    double cpuSeconds = 0; ///< user + system time of the program and its waited-for children
    qint64 maxResidentKb = 0;
    QString errorString; ///< why it failed to start

    bool exitedWith(int code) const { return outcome == RunOutcome::Exited && exitCode == code; }
};

/// Starts one program, feeds it no input, collects its output, enforces the limits and makes sure
/// nothing it started outlives the run (the program leads its own process group, which is killed
/// when the run ends). Safe to call from many threads at once; the only place that starts
/// processes.
///
/// TODO(#4): run student code inside bubblewrap (no network, read-only system, nothing of the
/// user's visible), and limit resident memory and the number of processes, with "killed for
/// memory" as an outcome of its own.
class ProcessRunner
{
public:
    static RunResult run(const RunRequest &request, const std::atomic_bool *cancelled = nullptr);

    /// The current environment as "NAME=value" entries, for building RunRequest::environment.
    static QStringList systemEnvironment();
};

} // namespace RaceGrade
