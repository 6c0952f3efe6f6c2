#include "gradingoptions.h"

#include "clioutput.h"
#include "exerciseloader.h"

namespace RaceGrade {

GradingOptions::GradingOptions(QCommandLineParser &parser, const QString &jobsHelp)
    : m_runs(QStringLiteral("runs"), QStringLiteral("Runs with the race detector (default 20)."),
             QStringLiteral("n"))
    , m_jobs(QStringLiteral("jobs"), jobsHelp, QStringLiteral("n"))
    , m_timeLimit(QStringLiteral("time-limit"),
                  QStringLiteral("Seconds each run may take (default: the exercise's)."),
                  QStringLiteral("seconds"))
    , m_memoryLimit(QStringLiteral("memory-limit"),
                    QStringLiteral("MiB of resident memory each run may use (default: the "
                                   "exercise's)."),
                    QStringLiteral("mib"))
    , m_compiler(QStringLiteral("compiler"),
                 QStringLiteral("C++ compiler: g++ (default) or clang++."),
                 QStringLiteral("compiler"))
    , m_exercises(QStringLiteral("exercises"),
                  QStringLiteral("Also load exercises from <dir>; may be given more than once."),
                  QStringLiteral("dir"))
    , m_noSandbox(QStringLiteral("no-sandbox"),
                  QStringLiteral("Build and run the code without the sandbox, with your own "
                                 "permissions (only for code you trust, where `racegrade-cli "
                                 "sandbox` says it cannot work)."))
{
    parser.addOptions(
        {m_runs, m_jobs, m_timeLimit, m_memoryLimit, m_compiler, m_exercises, m_noSandbox});
}

bool GradingOptions::read(const QCommandLineParser &parser, GradeOptions *options,
                          const QString &command, const CliOutput &err) const
{
    const QPair<const QCommandLineOption *, int *> numbers[] = {
        {&m_runs, &options->runs},
        {&m_jobs, &options->jobs},
        {&m_timeLimit, &options->runSeconds},
        {&m_memoryLimit, &options->memoryMiB},
    };
    for (const auto &[option, target] : numbers) {
        if (!parser.isSet(*option)) {
            continue;
        }
        bool ok = false;
        const int value = parser.value(*option).toInt(&ok);
        if (!ok || value <= 0) {
            err.writeLine(QStringLiteral("%1: --%2 needs a whole number above 0, not \"%3\"")
                              .arg(command, option->names().constFirst(), parser.value(*option)));
            return false;
        }
        *target = value;
    }
    if (parser.isSet(m_compiler)) {
        options->cppCompiler = parser.value(m_compiler);
    }
    options->sandbox = parser.isSet(m_noSandbox) ? SandboxMode::Off : SandboxMode::Required;
    return true;
}

QStringList GradingOptions::exerciseRoots(const QCommandLineParser &parser) const
{
    return parser.values(m_exercises) + ExerciseLoader::defaultRoots();
}

} // namespace RaceGrade
