#include "sandbox.h"

#include "logging.h"
#include "processrunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <unistd.h>

namespace RaceGrade {

namespace {

// The folders of / that compilers and programs need; /usr holds the rest on Debian.
const char *const systemRootNames[] = {"bin", "sbin", "lib", "lib32", "lib64", "libx32"};
// /dev/shm: POSIX shared memory, which none of the exercises needs much of.
constexpr qint64 smallTmpfsBytes = 1024 * 1024;

// What the check's program prints, one fact a line, read back by Sandbox::judgeProbe().
QString probeScript(const QStringList &hidden)
{
    QString script = QStringLiteral("echo \"pid=$$\"\n"
                                    "echo \"processes=$(ls /proc | grep -c '^[0-9]')\"\n"
                                    "echo \"uid=$(id -u)\"\n"
                                    "sed -n 's/^ *\\([^:]*\\):.*/interface=\\1/p' /proc/net/dev\n"
                                    "touch ./written && echo writable=yes\n");
    for (const QString &path : hidden) {
        script += QStringLiteral("if [ -e '%1' ]; then echo 'visible=%1'; else echo 'hidden=%1'; "
                                 "fi\n")
                      .arg(path);
    }
    return script;
}

SandboxStatus probe()
{
    SandboxStatus status;
    status.tool = Sandbox::toolPath();
    if (status.tool.isEmpty()) {
        status.problem = Sandbox::tr("bubblewrap is not installed (on Debian: apt-get install "
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

    // The scratch folder of the check, and a neighbour standing for another submission.
    QTemporaryDir scratch;
    QTemporaryDir neighbour;
    const QString handOverProblem =
        scratch.isValid() ? Sandbox::handOver(scratch.path()) : scratch.errorString();
    if (!handOverProblem.isEmpty() || !neighbour.isValid()) {
        status.problem =
            Sandbox::tr("cannot prepare a folder for the sandbox check: %1")
                .arg(handOverProblem.isEmpty() ? neighbour.errorString() : handOverProblem);
        return status;
    }
    QFile other(neighbour.filePath(QStringLiteral("other-student.go")));
    if (other.open(QIODevice::WriteOnly)) {
        other.write("package main\n");
        other.close();
    }
    QStringList hidden = {QDir::homePath(), other.fileName(), QStringLiteral("/home"),
                          QStringLiteral("/root"), QStringLiteral("/var")};
    hidden.removeDuplicates();

    // The check runs what gradings run: a program in the sandbox, here a shell that reports
    // what it can see.
    RunRequest check;
    check.program = QStringLiteral("/bin/sh");
    check.arguments = QStringList{QStringLiteral("-c"), probeScript(hidden)};
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
            Sandbox::tr("bubblewrap cannot start a sandbox here (%1); user namespaces are "
                        "probably disabled or not allowed in this container")
                .arg(!errors.isEmpty() ? errors.left(300)
                     : !result.errorString.isEmpty()
                         ? result.errorString
                         : Sandbox::tr("exit status %1").arg(result.exitCode));
        return status;
    }
    status.checks = Sandbox::judgeProbe(output);
    // What the program wrote tells, from the host's side, whom it really ran as: inside the
    // sandbox every user looks like nobody.
    const QFileInfo written(scratch.path() + QStringLiteral("/written"));
    for (SandboxCheck &entry : status.checks) {
        if (entry.name == Sandbox::tr("scratch folder") && !written.exists()) {
            entry.passed = false;
            entry.detail = Sandbox::tr("what the program wrote did not arrive in its folder");
        } else if (entry.name == Sandbox::tr("user") && written.exists() &&
                   Sandbox::dropsPrivileges()) {
            const bool nobody = written.ownerId() == Sandbox::unprivilegedId;
            entry.passed = entry.passed && nobody;
            entry.detail += Sandbox::tr("; the grader runs as root, and the files the program "
                                        "writes belong to uid %1 on the host")
                                .arg(written.ownerId());
        }
    }
    for (const SandboxCheck &entry : std::as_const(status.checks)) {
        if (!entry.passed) {
            status.problem = Sandbox::tr("%1: %2").arg(entry.name, entry.detail);
            return status;
        }
    }
    status.available = true;
    return status;
}

} // namespace

QString SandboxStatus::summary(bool requested) const
{
    if (requested && available) {
        return Sandbox::tr("sandboxed with %1: no network, system read-only, only the "
                           "grading's scratch folder visible and writable")
            .arg(version.isEmpty() ? QStringLiteral("bubblewrap") : version);
    }
    if (requested) {
        return Sandbox::tr("cannot sandbox: %1").arg(problem);
    }
    return Sandbox::tr("NOT sandboxed: student code ran with the grader's own permissions "
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

QVector<SandboxCheck> Sandbox::judgeProbe(const QString &output)
{
    QStringList interfaces;
    QStringList visible;
    QStringList hidden;
    QHash<QString, QString> facts;
    for (const QString &line : output.split(u'\n', Qt::SkipEmptyParts)) {
        const QString key = line.section(u'=', 0, 0);
        const QString value = line.section(u'=', 1).trimmed();
        if (key == u"interface") {
            if (value != u"Inter-|" && value != u"face |" && !value.isEmpty()) {
                interfaces.append(value);
            }
        } else if (key == u"visible") {
            visible.append(value);
        } else if (key == u"hidden") {
            hidden.append(value);
        } else {
            facts.insert(key, value);
        }
    }
    QVector<SandboxCheck> checks;
    QStringList outside;
    for (const QString &interface : std::as_const(interfaces)) {
        if (interface != u"lo") {
            outside.append(interface);
        }
    }
    checks.append(
        {tr("network"), outside.isEmpty() && !facts.isEmpty(),
         outside.isEmpty()
             ? tr("only its own loopback interface (%1)")
                   .arg(interfaces.isEmpty() ? tr("none") : interfaces.join(Sandbox::tr(", ")))
             : tr("sees the network interface %1").arg(outside.join(Sandbox::tr(", ")))});
    checks.append({tr("host files"), visible.isEmpty() && !hidden.isEmpty(),
                   visible.isEmpty() ? tr("cannot see %1").arg(hidden.join(Sandbox::tr(", ")))
                                     : tr("can see %1").arg(visible.join(Sandbox::tr(", ")))});
    bool pidOk = false;
    const int pid = facts.value(QStringLiteral("pid")).toInt(&pidOk);
    const int processes = facts.value(QStringLiteral("processes")).toInt();
    // Alone in a PID namespace the shell is process 1 or 2 (bwrap's own init comes first) and
    // sees only itself, its init and the commands it starts.
    const bool ownNamespace = pidOk && pid <= 3 && processes < 10;
    checks.append(
        {tr("PID namespace"), ownNamespace,
         ownNamespace
             ? tr("its own: it is process %1 and sees %2 processes").arg(pid).arg(processes)
             : tr("shared with the host: it is process %1 and sees %2 "
                  "processes")
                   .arg(facts.value(QStringLiteral("pid")))
                   .arg(processes)});
    const QString uid = facts.value(QStringLiteral("uid"));
    const bool unprivileged = uid == QString::number(unprivilegedId);
    checks.append({tr("user"), unprivileged,
                   unprivileged ? tr("runs as uid %1 (nobody)").arg(uid)
                                : tr("runs as uid %1, not as nobody").arg(uid)});
    const bool writable = facts.value(QStringLiteral("writable")) == u"yes";
    checks.append({tr("scratch folder"), writable,
                   writable ? tr("writable") : tr("a sandboxed program could not write to it")});
    return checks;
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
        return Sandbox::tr("cannot hand %1 over to the sandbox user").arg(path);
    }
    QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!give(file)) {
            return Sandbox::tr("cannot hand %1 over to the sandbox user").arg(file);
        }
    }
    return {};
}

} // namespace RaceGrade
