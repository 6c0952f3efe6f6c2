#include "gotoolchain.h"

#include "diagnosticparser.h"
#include "logging.h"
#include "processrunner.h"
#include "sandbox.h"
#include "workspace.h"

#include <QDir>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

namespace RaceGrade {

namespace {

// What the race runtime of a Go program is told: keep going after a report, exit 66 when there
// was one, keep enough history for both stacks, and do not linger a full second at exit.
const QString goRaceOptions =
    QStringLiteral("GORACE=halt_on_error=0 exitcode=66 history_size=4 atexit_sleep_ms=100");

QString defaultCacheDirectory(const GradeOptions &options)
{
    QString base = qEnvironmentVariable("RACEGRADE_CACHE_DIR");
    if (!base.isEmpty()) {
        return base;
    }
    if (options.sandbox == SandboxMode::Required && Sandbox::dropsPrivileges()) {
        // The unprivileged sandbox user cannot reach root's home; its cache lives where it can.
        return QStringLiteral("/var/tmp/racegrade-sandbox-cache");
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/racegrade");
}

// Gives the cache to the sandbox user once per process, when the grader runs as root.
QString handCacheOver(const QString &directory)
{
    static QMutex mutex;
    static QSet<QString> done;
    const QMutexLocker locker(&mutex);
    if (done.contains(directory)) {
        return {};
    }
    const QString problem = Sandbox::handOver(directory);
    if (problem.isEmpty()) {
        done.insert(directory);
    }
    return problem;
}

struct GoVersionProbe
{
    QString version;
    QString problem;
};

GoVersionProbe probeGo(const QString &goPath, const QStringList &environment)
{
    static QMutex mutex;
    static QHash<QString, GoVersionProbe> cache;
    const QMutexLocker locker(&mutex);
    const auto cached = cache.constFind(goPath);
    if (cached != cache.constEnd()) {
        return *cached;
    }
    GoVersionProbe probe;
    RunRequest request;
    request.program = goPath;
    request.arguments = QStringList{QStringLiteral("env"), QStringLiteral("GOVERSION")};
    request.environment = environment;
    request.timeLimitMs = 30000;
    const RunResult result = ProcessRunner::run(request);
    if (!result.exitedWith(0)) {
        probe.problem =
            QStringLiteral("`go env GOVERSION` failed: %1%2")
                .arg(result.errorString, QString::fromUtf8(result.standardError).trimmed());
    } else {
        probe.version = QString::fromUtf8(result.standardOutput).trimmed();
    }
    cache.insert(goPath, probe);
    return probe;
}

} // namespace

GoToolchain::GoToolchain(const GradeOptions &options)
    : m_goPath(QStandardPaths::findExecutable(QStringLiteral("go")))
    , m_cacheDirectory(options.cacheDirectory.isEmpty() ? defaultCacheDirectory(options)
                                                        : options.cacheDirectory)
    , m_sandboxed(options.sandbox == SandboxMode::Required)
{
    if (m_goPath.isEmpty()) {
        // Debian installs the go command outside PATH when only golang-1.xx-go is present.
        const QStringList fallbacks =
            QDir(QStringLiteral("/usr/lib"))
                .entryList({QStringLiteral("go-1.*")}, QDir::Dirs, QDir::Name | QDir::Reversed);
        for (const QString &dir : fallbacks) {
            const QString candidate = QStringLiteral("/usr/lib/") + dir + QStringLiteral("/bin/go");
            if (QFileInfo(candidate).isExecutable()) {
                m_goPath = candidate;
                break;
            }
        }
    }
}

QString GoToolchain::unavailableReason() const
{
    if (m_goPath.isEmpty()) {
        return QStringLiteral("Go is not installed: no `go` command was found in PATH "
                              "(on Debian: apt-get install golang-go)");
    }
    if (!QDir().mkpath(m_cacheDirectory)) {
        return QStringLiteral("cannot create the Go build cache folder %1").arg(m_cacheDirectory);
    }
    if (m_sandboxed) {
        const QString problem = handCacheOver(m_cacheDirectory);
        if (!problem.isEmpty()) {
            return problem;
        }
    }
    return probeGo(m_goPath, buildEnvironment()).problem;
}

QString GoToolchain::version() const
{
    return m_goPath.isEmpty() ? QString() : probeGo(m_goPath, buildEnvironment()).version;
}

QStringList GoToolchain::buildEnvironment() const
{
    QStringList environment = ProcessRunner::systemEnvironment();
    const QStringList overrides = {
        QStringLiteral("GOCACHE=") + m_cacheDirectory + QStringLiteral("/go-build"),
        QStringLiteral("GOPATH=") + m_cacheDirectory + QStringLiteral("/gopath"),
        QStringLiteral("GOMODCACHE=") + m_cacheDirectory + QStringLiteral("/gopath/pkg/mod"),
        QStringLiteral("GOPROXY=off"),
        QStringLiteral("GOFLAGS=-mod=mod"),
        QStringLiteral("GO111MODULE=on"),
        QStringLiteral("GOWORK=off"),
        QStringLiteral("GOENV=off"),
        QStringLiteral("GOTOOLCHAIN=local"),
        QStringLiteral("GOTELEMETRY=off"),
        QStringLiteral("CGO_ENABLED=1"),
    };
    for (const QString &entry : overrides) {
        const QString name = entry.left(entry.indexOf(u'=') + 1);
        environment.erase(std::remove_if(environment.begin(), environment.end(),
                                         [&](const QString &e) { return e.startsWith(name); }),
                          environment.end());
        environment.append(entry);
    }
    return environment;
}

BuildCommand GoToolchain::programBuild(const Workspace &workspace, bool raceDetector) const
{
    BuildCommand command;
    command.program = m_goPath;
    command.workingDirectory = workspace.programDir();
    command.outputFile =
        workspace.binDir() + (raceDetector ? QStringLiteral("/program") : QStringLiteral("/plain"));
    command.arguments = QStringList{QStringLiteral("build")};
    if (raceDetector) {
        command.arguments.append(QStringLiteral("-race"));
    }
    command.arguments.append({QStringLiteral("-o"), command.outputFile, QStringLiteral(".")});
    return command;
}

BuildCommand GoToolchain::harnessBuild(const Workspace &workspace) const
{
    BuildCommand command;
    command.program = m_goPath;
    command.workingDirectory = workspace.harnessDir();
    command.outputFile = workspace.binDir() + QStringLiteral("/harness");
    // The verdict key goes in at link time: the compiler, which reads the student's file, never
    // sees it. In a test binary the package is named by its import path, not "main".
    command.arguments = QStringList{
        QStringLiteral("test"),
        QStringLiteral("-race"),
        QStringLiteral("-c"),
        QStringLiteral("-ldflags=-X=racegrade/submission.racegradeVerdictKey=") +
            workspace.verdictKey(),
        QStringLiteral("-o"),
        command.outputFile,
        QStringLiteral("."),
    };
    return command;
}

BuildCommand GoToolchain::vetCommand(const Workspace &workspace, const QStringList &analyzers) const
{
    BuildCommand command;
    command.program = m_goPath;
    command.workingDirectory = workspace.programDir();
    command.arguments = QStringList{QStringLiteral("vet")};
    for (const QString &analyzer : analyzers) {
        command.arguments.append(u'-' + analyzer);
    }
    command.arguments.append(QStringLiteral("."));
    return command;
}

QVector<Diagnostic> GoToolchain::parseDiagnostics(QStringView output) const
{
    return DiagnosticParser::parseGo(output);
}

bool GoToolchain::isToolchainFailure(QStringView output) const
{
    for (const char16_t *marker :
         {u"C compiler \"gcc\" not found", u"exec: \"gcc\"", u"-race requires cgo",
          u"race detector not supported", u"cannot find GOROOT", u"GOCACHE is not defined",
          u"mkdir /", u"read-only file system", u"no space left on device"}) {
        if (output.contains(QStringView(marker))) {
            return true;
        }
    }
    return false;
}

RunSchedule GoToolchain::schedule(BinaryKind binary, int index) const
{
    // Cycling GOMAXPROCS changes which interleavings the scheduler produces: 1 serialises the
    // goroutines (preemption only), more lets them truly overlap.
    const int cores = qMax(1, QThread::idealThreadCount());
    const int choices[] = {cores, 1, qMax(2, cores / 2)};
    const int procs = choices[index % 3];
    RunSchedule schedule;
    schedule.label = QStringLiteral("GOMAXPROCS=%1").arg(procs);
    schedule.environment = QStringList{QStringLiteral("GOMAXPROCS=%1").arg(procs)};
    if (binary != BinaryKind::PlainProgram) {
        schedule.environment.append(goRaceOptions);
    }
    return schedule;
}

QStringList GoToolchain::harnessArguments() const
{
    return {QStringLiteral("-test.run=^TestRaceGradeHarness$"), QStringLiteral("-test.count=1")};
}

} // namespace RaceGrade
