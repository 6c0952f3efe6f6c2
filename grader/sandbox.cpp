#include "sandbox.h"

#include "logging.h"
#include "processrunner.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <unistd.h>

namespace RaceGrade {

namespace {

// The folders of / that compilers and programs need; /usr holds the rest on Debian.
const char *const systemRootNames[] = {"bin", "sbin", "lib", "lib32", "lib64", "libx32"};
// /dev/shm: POSIX shared memory, which none of the exercises needs much of.
constexpr qint64 smallTmpfsBytes = 1024 * 1024;

SandboxStatus probe()
{
    SandboxStatus status;
    status.tool = Sandbox::toolPath();
    if (status.tool.isEmpty()) {
        status.problem = QStringLiteral("bubblewrap is not installed (on Debian: apt-get install "
                                        "bubblewrap)");
        return status;
    }
    RunRequest version;
    version.program = status.tool;
    version.arguments = QStringList{QStringLiteral("--version")};
    version.environment = ProcessRunner::systemEnvironment();
    version.timeLimitMs = 10000;
    const RunResult versionResult = ProcessRunner::run(version);
    status.version = QString::fromUtf8(versionResult.standardOutput).trimmed();

    QTemporaryDir scratch;
    const QString handOverProblem =
        scratch.isValid() ? Sandbox::handOver(scratch.path()) : scratch.errorString();
    if (!handOverProblem.isEmpty()) {
        status.problem = QStringLiteral("cannot prepare a folder for the sandbox check: %1")
                             .arg(handOverProblem);
        return status;
    }
    // The check runs what gradings run: a program in the sandbox, here one that lists the
    // network interfaces it can see and whether it can write to its scratch folder.
    RunRequest check;
    check.program = QStringLiteral("/bin/sh");
    check.arguments = QStringList{QStringLiteral("-c"),
                                  QStringLiteral("cat /proc/net/dev && touch ./written && id -u")};
    check.workingDirectory = scratch.path();
    check.environment = QStringList{QStringLiteral("PATH=/usr/bin:/bin")};
    check.timeLimitMs = 20000;
    check.sandbox.enabled = true;
    check.sandbox.writablePaths = QStringList{scratch.path()};
    const RunResult result = ProcessRunner::run(check);
    const QString output = QString::fromUtf8(result.standardOutput);
    const QString errors = QString::fromUtf8(result.standardError).trimmed();
    if (!result.exitedWith(0)) {
        status.problem =
            QStringLiteral("bubblewrap cannot start a sandbox here (%1); user namespaces are "
                           "probably disabled or not allowed in this container")
                .arg(!errors.isEmpty() ? errors.left(300)
                     : !result.errorString.isEmpty()
                         ? result.errorString
                         : QStringLiteral("exit status %1").arg(result.exitCode));
        return status;
    }
    for (const QString &line : output.split(u'\n')) {
        const int colon = line.indexOf(u':');
        const QString interface = line.left(colon).trimmed();
        if (colon > 0 && !interface.isEmpty() && interface != u"lo") {
            status.problem =
                QStringLiteral("the sandbox still sees the network interface %1").arg(interface);
            return status;
        }
    }
    if (!QFileInfo::exists(scratch.path() + QStringLiteral("/written"))) {
        status.problem = QStringLiteral("a sandboxed program could not write to its own folder");
        return status;
    }
    status.available = true;
    return status;
}

} // namespace

QString SandboxStatus::summary(bool requested) const
{
    if (requested && available) {
        return QStringLiteral("sandboxed with %1: no network, system read-only, only the "
                              "grading's scratch folder visible and writable")
            .arg(version.isEmpty() ? QStringLiteral("bubblewrap") : version);
    }
    if (requested) {
        return QStringLiteral("cannot sandbox: %1").arg(problem);
    }
    return QStringLiteral("NOT sandboxed: student code ran with the grader's own permissions "
                          "(chosen by the user)");
}

QStringList Sandbox::wrapArguments(const SandboxSpec &spec, const QString &program,
                                   const QStringList &arguments, const QString &workingDirectory,
                                   const QVector<RootEntry> &rootEntries, int statusFd)
{
    QStringList wrapped = {
        QStringLiteral("--unshare-all"),
        QStringLiteral("--unshare-user"),
        QStringLiteral("--uid"),
        QString::number(unprivilegedId),
        QStringLiteral("--gid"),
        QString::number(unprivilegedId),
        QStringLiteral("--hostname"),
        QStringLiteral("racegrade"),
        QStringLiteral("--die-with-parent"),
        QStringLiteral("--new-session"),
        QStringLiteral("--ro-bind"),
        QStringLiteral("/usr"),
        QStringLiteral("/usr"),
        QStringLiteral("--ro-bind"),
        QStringLiteral("/etc"),
        QStringLiteral("/etc"),
    };
    for (const RootEntry &entry : rootEntries) {
        const QString path = u'/' + entry.name;
        if (entry.linkTarget.isEmpty()) {
            wrapped << QStringLiteral("--ro-bind") << path << path;
        } else {
            wrapped << QStringLiteral("--symlink") << entry.linkTarget << path;
        }
    }
    // A private /dev with only the harmless devices, and size caps on every folder in memory.
    const QString scratchSize = QString::number(spec.scratchBytes);
    wrapped << QStringLiteral("--proc") << QStringLiteral("/proc") << QStringLiteral("--dev")
            << QStringLiteral("/dev") << QStringLiteral("--size")
            << QString::number(smallTmpfsBytes) << QStringLiteral("--tmpfs")
            << QStringLiteral("/dev/shm") << QStringLiteral("--size") << scratchSize
            << QStringLiteral("--tmpfs") << QStringLiteral("/tmp");
    for (const QString &path : spec.readOnlyPaths) {
        wrapped << QStringLiteral("--ro-bind") << path << path;
    }
    for (const QString &path : spec.writablePaths) {
        wrapped << QStringLiteral("--bind") << path << path;
    }
    for (const QString &path : spec.scratchPaths) {
        wrapped << QStringLiteral("--size") << scratchSize << QStringLiteral("--tmpfs") << path
                << QStringLiteral("--dir") << path + QStringLiteral("/tmp");
    }
    // Nothing but the mounts above may be written: not / and not /dev themselves.
    wrapped << QStringLiteral("--remount-ro") << QStringLiteral("/dev")
            << QStringLiteral("--remount-ro") << QStringLiteral("/");
    if (!workingDirectory.isEmpty()) {
        wrapped << QStringLiteral("--chdir") << workingDirectory;
    }
    if (statusFd >= 0) {
        wrapped << QStringLiteral("--json-status-fd") << QString::number(statusFd);
    }
    wrapped << QStringLiteral("--") << program << arguments;
    return wrapped;
}

QVector<RootEntry> Sandbox::hostRootEntries()
{
    QVector<RootEntry> entries;
    for (const char *name : systemRootNames) {
        const QFileInfo info(u'/' + QLatin1String(name));
        if (info.isSymLink()) {
            entries.append({QLatin1String(name), info.symLinkTarget().mid(1)});
        } else if (info.isDir()) {
            entries.append({QLatin1String(name), {}});
        }
    }
    return entries;
}

const SandboxStatus &Sandbox::status()
{
    static const SandboxStatus checked = [] {
        SandboxStatus status = probe();
        if (!status.available) {
            qCWarning(lcSandbox).noquote() << "sandbox unavailable:" << status.problem;
        }
        return status;
    }();
    return checked;
}

QString Sandbox::toolPath()
{
    static const QString path = [] {
        const QString chosen = qEnvironmentVariable("RACEGRADE_BWRAP");
        return chosen.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("bwrap"))
                                : QStandardPaths::findExecutable(chosen);
    }();
    return path;
}

bool Sandbox::dropsPrivileges()
{
    return geteuid() == 0;
}

QString Sandbox::handOver(const QString &path)
{
    if (!dropsPrivileges()) {
        return {};
    }
    const auto give = [](const QString &file) {
        return ::lchown(QFile::encodeName(file).constData(), unprivilegedId, unprivilegedId) == 0;
    };
    if (!give(path)) {
        return QStringLiteral("cannot hand %1 over to the sandbox user").arg(path);
    }
    QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!give(file)) {
            return QStringLiteral("cannot hand %1 over to the sandbox user").arg(file);
        }
    }
    return {};
}

} // namespace RaceGrade
