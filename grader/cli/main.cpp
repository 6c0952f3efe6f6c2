// racegrade-cli: the command-line face of the RaceGrade grading engine.

#include "batchcommand.h"
#include "clioutput.h"
#include "exercisescommand.h"
#include "exitcodes.h"
#include "gradecommand.h"
#include "mergecommand.h"
#include "parsecommand.h"
#include "sandboxcommand.h"
#include "scancommand.h"

#include <QCoreApplication>

using namespace RaceGrade;

namespace {

const char *const usageText =
    "Usage: racegrade-cli <command> [options]\n"
    "\n"
    "Grades concurrent Go and C++ solutions with the race detector.\n"
    "\n"
    "Commands:\n"
    "  grade      grade one solution file of an exercise\n"
    "  parse      read saved race detector or ThreadSanitizer output\n"
    "  exercises  list the exercises\n"
    "  scan       show what a class folder holds, and what in it cannot be used\n"
    "  batch      grade a whole class folder into a session file\n"
    "  merge      join the session files of a class graded in shards\n"
    "  sandbox    check that student code can be isolated on this machine\n"
    "\n"
    "Run `racegrade-cli <command> --help` for the options of a command.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("racegrade-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RACEGRADE_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    const CliOutput out(stdout);
    const CliOutput err(stderr);
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        out.write(QString::fromUtf8(usageText));
        return command.isEmpty() ? ExitUsage : ExitPassed;
    }
    if (command == u"--version") {
        out.writeLine(QStringLiteral("racegrade-cli ") + QCoreApplication::applicationVersion());
        return ExitPassed;
    }
    // The sub-command's parser sees "racegrade-cli <command> [options]" as its program name.
    arguments[0] = arguments.at(0) + u' ' + command;
    arguments.removeAt(1);
    if (command == u"grade") {
        return GradeCommand::run(arguments);
    }
    if (command == u"parse") {
        return ParseCommand::run(arguments);
    }
    if (command == u"exercises") {
        return ExercisesCommand::run(arguments);
    }
    if (command == u"scan") {
        return ScanCommand::run(arguments);
    }
    if (command == u"batch") {
        return BatchCommand::run(arguments);
    }
    if (command == u"merge") {
        return MergeCommand::run(arguments);
    }
    if (command == u"sandbox") {
        return SandboxCommand::run(arguments);
    }
    err.writeLine(QStringLiteral("racegrade-cli: unknown command \"%1\"").arg(command));
    err.write(QString::fromUtf8(usageText));
    return ExitUsage;
}
