#include "cpptoolchain.h"

#include "diagnosticparser.h"
#include "logging.h"
#include "processrunner.h"
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace RaceGrade {

namespace {

// What ThreadSanitizer is told: keep going after a report, exit 66 when there was one, keep
// enough history for both stacks, and do not linger a full second at exit.
const QString tsanOptions = QStringLiteral(
    "TSAN_OPTIONS=halt_on_error=0 exitcode=66 history_size=4 second_deadlock_stack=1 "
    "report_signal_unsafe=1 atexit_sleep_ms=100");

const QStringList commonFlags = {QStringLiteral("-std=c++20"), QStringLiteral("-g"),
                                 QStringLiteral("-pthread"), QStringLiteral("-Wall"),
                                 QStringLiteral("-Wextra")};

struct CompilerProbe
{
    QString version;
    QString problem;
};

// Compiles and runs an empty program with -fsanitize=thread once per compiler and process, so
// that a missing TSan runtime is reported as a broken toolchain, not as the student's mistake.
CompilerProbe probeCompiler(const QString &compilerPath, const QString &compilerName)
{
    static QMutex mutex;
    static QHash<QString, CompilerProbe> cache;
    const QMutexLocker locker(&mutex);
    const auto cached = cache.constFind(compilerPath);
    if (cached != cache.constEnd()) {
        return *cached;
    }
    CompilerProbe probe;
    RunRequest request;
    request.program = compilerPath;
    request.arguments = QStringList{QStringLiteral("--version")};
    request.environment = ProcessRunner::systemEnvironment();
    request.timeLimitMs = 30000;
    RunResult result = ProcessRunner::run(request);
    const QString firstLine =
        QString::fromUtf8(result.standardOutput).section(u'\n', 0, 0).trimmed();
    probe.version = compilerName + u' ' + firstLine.section(u' ', -1);

    QTemporaryDir scratch;
    QFile source(scratch.filePath(QStringLiteral("probe.cpp")));
    if (!scratch.isValid() || !source.open(QIODevice::WriteOnly) ||
        source.write("#include <thread>\nint main() { std::thread([] {}).join(); }\n") < 0) {
        probe.problem = QStringLiteral("cannot write a test program to check %1").arg(compilerName);
    } else {
        source.close();
        request.arguments =
            QStringList{QStringLiteral("-std=c++20"), QStringLiteral("-fsanitize=thread"),
                        QStringLiteral("-pthread"),   source.fileName(),
                        QStringLiteral("-o"),         scratch.filePath(QStringLiteral("probe"))};
        request.timeLimitMs = 60000;
        result = ProcessRunner::run(request);
        if (!result.exitedWith(0)) {
            probe.problem =
                QStringLiteral("%1 cannot build with -fsanitize=thread (is its ThreadSanitizer "
                               "runtime installed? Debian: libtsan2 for g++, libclang-rt-14-dev "
                               "for clang++): %2")
                    .arg(compilerName,
                         result.errorString + QString::fromUtf8(result.standardError).trimmed());
        }
    }
    qCDebug(lcBuild) << "probed" << compilerPath << probe.version << probe.problem;
    cache.insert(compilerPath, probe);
    return probe;
}

} // namespace

CppToolchain::CppToolchain(const GradeOptions &options)
    : m_compilerName(options.cppCompiler.isEmpty() ? QStringLiteral("g++") : options.cppCompiler)
    , m_compilerPath(QStandardPaths::findExecutable(m_compilerName))
{}

QString CppToolchain::unavailableReason() const
{
    if (m_compilerPath.isEmpty() && m_compilerName.contains(u'/')) {
        const QFileInfo given(m_compilerName);
        return given.exists()
                   ? QStringLiteral("the C++ compiler `%1` cannot be executed (is it a program "
                                    "you may run?)")
                         .arg(m_compilerName)
                   : QStringLiteral("the C++ compiler `%1` was not found: there is no such file")
                         .arg(m_compilerName);
    }
    if (m_compilerPath.isEmpty()) {
        return QStringLiteral("the C++ compiler `%1` was not found in PATH (on Debian: apt-get "
                              "install g++ or clang)")
            .arg(m_compilerName);
    }
    return probeCompiler(m_compilerPath, m_compilerName).problem;
}

QString CppToolchain::version() const
{
    return m_compilerPath.isEmpty() ? QString()
                                    : probeCompiler(m_compilerPath, m_compilerName).version;
}

BuildCommand CppToolchain::programBuild(const Workspace &workspace, bool raceDetector) const
{
    BuildCommand command;
    command.program = m_compilerPath;
    command.workingDirectory = workspace.programDir();
    command.outputFile =
        workspace.binDir() + (raceDetector ? QStringLiteral("/program") : QStringLiteral("/plain"));
    command.arguments = commonFlags;
    // The plain build is optimised harder: some races only show in the output that way.
    command.arguments.append(
        raceDetector ? QStringList{QStringLiteral("-O1"), QStringLiteral("-fsanitize=thread")}
                     : QStringList{QStringLiteral("-O2")});
    command.arguments.append(
        {workspace.submissionFileName(), QStringLiteral("-o"), command.outputFile});
    return command;
}

BuildCommand CppToolchain::harnessBuild(const Workspace &workspace) const
{
    BuildCommand command;
    command.program = m_compilerPath;
    command.workingDirectory = workspace.harnessDir();
    command.outputFile = workspace.binDir() + QStringLiteral("/harness");
    // The verdict key is compiled on its own first: the student's file is part of harness.cpp's
    // translation unit, so nothing given to that compilation may hold the key.
    const QString keyObject = workspace.binDir() + QStringLiteral("/racegrade_key.o");
    command.preparation.append(
        {QStringLiteral("-std=c++20"), QStringLiteral("-c"),
         QStringLiteral("-DRACEGRADE_VERDICT_KEY=\"%1\"").arg(workspace.verdictKey()),
         workspace.verdictKeySource(), QStringLiteral("-o"), keyObject});
    // TODO(#6): each of the three builds parses the standard headers again. A precompiled
    // header per compiler and flags, made once and read-only to the sandbox, took the harness
    // build from 2.1 to 1.5 CPU s in a trial.
    command.arguments = commonFlags;
    command.arguments.append({QStringLiteral("-O1"), QStringLiteral("-fsanitize=thread"),
                              QStringLiteral("harness.cpp"), keyObject, QStringLiteral("-o"),
                              command.outputFile});
    return command;
}

QStringList CppToolchain::buildEnvironment() const
{
    return ProcessRunner::systemEnvironment();
}

QVector<Diagnostic> CppToolchain::parseDiagnostics(QStringView output) const
{
    return DiagnosticParser::parseGcc(output);
}

bool CppToolchain::isToolchainFailure(QStringView output) const
{
    for (const char16_t *marker :
         {u"cannot find -ltsan", u"libtsan", u"libclang_rt.tsan", u"cannot execute 'cc1plus'",
          u"no space left on device", u"Read-only file system"}) {
        if (output.contains(QStringView(marker))) {
            return true;
        }
    }
    return false;
}

RunSchedule CppToolchain::schedule(BinaryKind, int index) const
{
    // Every third run is pinned to one CPU: threads then only interleave at preemption points,
    // which orders them differently from truly parallel runs.
    RunSchedule schedule;
    if (index % 3 == 1) {
        schedule.label = QStringLiteral("1 CPU");
        schedule.cpuCount = 1;
    } else {
        schedule.label = QStringLiteral("all CPUs");
    }
    schedule.environment = QStringList{tsanOptions};
    return schedule;
}

} // namespace RaceGrade
