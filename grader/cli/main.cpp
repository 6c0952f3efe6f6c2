// racegrade-cli: the command-line face of the RaceGrade grading engine.

#include "batchcommand.h"
#include "clioutput.h"
#include "exercisescommand.h"
#include "exitcodes.h"
#ifdef RACEGRADE_HAVE_REPORTS
#include "exportcommand.h"
#endif
#include "gradecommand.h"
#include "mergecommand.h"
#include "parsecommand.h"
#include "sandboxcommand.h"
#include "scancommand.h"

#include <QCoreApplication>
#include <memory>
#ifdef RACEGRADE_HAVE_REPORTS
#include <QApplication>
#endif

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
    "  export     write a grading session's gradebooks, feedback, summary and JSON\n"
    "  sandbox    check that student code can be isolated on this machine\n"
    "\n"
    "Run `racegrade-cli <command> --help` for the options of a command.\n";

// Commands that draw (PDF pages, charts) need a QApplication, which needs a display platform:
// the offscreen one unless the user chose another. The rest only need a QCoreApplication.
// A QApplication takes options such as --session and -style out of the command line, so it is
// given the program name only; the commands read `arguments`, taken before.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv,
                                                  const QStringList &arguments)
{
#ifdef RACEGRADE_HAVE_REPORTS
    const QString command = arguments.value(1);
    if ((command == u"export" || command == u"batch") &&
        ExportCommand::needsApplication(arguments.mid(2))) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        static int programOnly = 1;
        return std::make_unique<QApplication>(programOnly, argv);
    }
#else
    Q_UNUSED(arguments)
#endif
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments.append(QString::fromLocal8Bit(argv[i]));
    }
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv, arguments);
    QCoreApplication::setApplicationName(QStringLiteral("racegrade-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RACEGRADE_VERSION));

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
#ifdef RACEGRADE_HAVE_REPORTS
    if (command == u"export") {
        return ExportCommand::run(arguments);
    }
#else
    if (command == u"export") {
        err.writeLine(QStringLiteral("racegrade-cli: this build has no exports (it was built "
                                     "without Qt Widgets or Qt Charts)"));
        return ExitUsage;
    }
#endif
    err.writeLine(QStringLiteral("racegrade-cli: unknown command \"%1\"").arg(command));
    err.write(QString::fromUtf8(usageText));
    return ExitUsage;
}
