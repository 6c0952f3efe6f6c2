#pragma once

#include <QCoreApplication>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace RaceGrade {

/// Where a sandboxed command may write and what else of the host it may read. Everything not
/// listed stays invisible, except the system folders every compiler needs, mounted read-only.
struct SandboxSpec
{
    bool enabled = false;
    QStringList readOnlyPaths; ///< mounted read-only at the same path, before the writable ones
    QStringList writablePaths; ///< mounted read-write at the same path; later ones win
    /// Fresh, empty folders in memory mounted over these paths (each with a "tmp" folder inside),
    /// capped at scratchBytes: what a program writes there cannot fill the disk and is gone
    /// after the run.
    QStringList scratchPaths;
    qint64 scratchBytes = 64 * 1024 * 1024;
};

/// One entry of the host's root folder that the sandbox recreates: a link such as
/// /bin -> usr/bin on merged-/usr systems, or a real folder mounted read-only.
struct RootEntry
{
    QString name;       ///< "bin", "lib64"
    QString linkTarget; ///< "usr/bin" when the entry is a symbolic link; empty for a folder
};

/// One thing the start-up check looked at inside the sandbox.
struct SandboxCheck
{
    QString name; ///< "network", "home folder", "PID namespace", ...
    bool passed = false;
    QString detail; ///< what was seen, in words
};

/// Whether student code can be isolated on this machine.
struct SandboxStatus
{
    bool available = false;
    QVector<SandboxCheck> checks; ///< every check made, passed or not, in order
    QString tool;                 ///< path of bwrap
    QString version;              ///< "bubblewrap 0.8.0"
    QString problem;              ///< why it cannot be used, in words a user can act on

    /// One line for reports: what isolates the code, or plainly that nothing does.
    QString summary(bool requested) const;
};

/// Isolation of student code with bubblewrap: no network, a private PID namespace, the system
/// read-only, a private /tmp and /dev, the home folder and every other submission invisible, an
/// unprivileged user, and the whole tree dying with the grader.
class Sandbox
{
    Q_DECLARE_TR_FUNCTIONS(Sandbox)

public:
    /// The user id that student code runs as when RaceGrade itself runs as root ("nobody").
    static constexpr unsigned unprivilegedId = 65534;

    /// The bwrap command line (without the bwrap program itself) that runs program with
    /// arguments inside a sandbox described by spec. Pure: the host's root entries are given.
    static QStringList wrapArguments(const SandboxSpec &spec, const QString &program,
                                     const QStringList &arguments, const QString &workingDirectory,
                                     const QVector<RootEntry> &rootEntries, int statusFd);

    /// The entries of / that the sandbox recreates, as found on this machine.
    static QVector<RootEntry> hostRootEntries();

    /// Checks once per process that a sandboxed program really starts here and sees what it
    /// should: no network but its own loopback, no home folder, no other submission, no /var,
    /// /home or /root, its own PID namespace, the unprivileged user when the grader is root,
    /// and a writable scratch folder. Later calls return the first answer. Thread-safe.
    static const SandboxStatus &status();

    /// Reads the output of the check's program (see status()) into checks: network, host
    /// files, PID namespace, user and scratch folder, in that order. Pure.
    static QVector<SandboxCheck> judgeProbe(const QString &output);

    /// The bwrap program: $RACEGRADE_BWRAP when set (another build, or a test's stand-in),
    /// else bwrap from PATH; empty when there is none.
    static QString toolPath();

    /// True when the grader runs as root, so that sandboxed code is started as unprivilegedId.
    static bool dropsPrivileges();

    /// Makes path (recursively) owned by the unprivileged user when privileges are dropped, so
    /// that sandboxed code can write where it is allowed to. Returns an error text, or empty.
    static QString handOver(const QString &path);
};

} // namespace RaceGrade
