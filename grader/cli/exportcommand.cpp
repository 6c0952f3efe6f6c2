#include "exportcommand.h"

#include "clioutput.h"
#include "exerciseloader.h"
#include "exitcodes.h"
#include "gradingsession.h"
#include "reportexporter.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>

namespace RaceGrade {

bool ExportCommand::needsApplication(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        QString error;
        const std::optional<ExportRequest> request = ReportExporter::parse(argument, &error);
        if (request && ReportExporter::needsGui(request->format)) {
            return true;
        }
    }
    return false;
}

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes the exports of a grading session. Each export is FORMAT:PATH:\n"
                       "  csv:FILE             gradebook: id, name, email, a column per exercise, "
                       "total, max\n"
                       "  canvas:FILE          Canvas gradebook import, with a Points Possible "
                       "row\n"
                       "  moodle:FILE          Moodle grade import: email, a grade and a "
                       "feedback column per exercise\n"
                       "  gradescope:DIR       DIR/<student>/results.json in Gradescope's "
                       "autograder format\n"
                       "  feedback-html:DIR    DIR/<student>.html: checks, races, source with "
                       "the race lines marked\n"
                       "  feedback-pdf:DIR     the same as DIR/<student>.pdf\n"
                       "  summary-html:FILE    the class summary with its charts\n"
                       "  summary-pdf:FILE     the same as PDF\n"
                       "  json:FILE            the whole session as JSON\n\n"
                       "Exit status: 0 everything was written, 1 some file could not be,\n"
                       "2 bad usage or a session that cannot be read."));
    parser.addHelpOption();
    const QCommandLineOption sessionOption(QStringLiteral("session"),
                                           QStringLiteral("The grading session file."),
                                           QStringLiteral("file"));
    const QCommandLineOption exercisesOption(
        QStringLiteral("exercises"),
        QStringLiteral("Also load exercises from <dir>; may be given more than once."),
        QStringLiteral("dir"));
    parser.addOptions({sessionOption, exercisesOption});
    parser.addPositionalArgument(QStringLiteral("exports"),
                                 QStringLiteral("What to write, as FORMAT:PATH."),
                                 QStringLiteral("FORMAT:PATH..."));

    const CliOutput out(stdout, true);
    const CliOutput err(stderr, true);
    const auto usage = [&](const QString &message) {
        err.writeLine(QStringLiteral("racegrade-cli export: ") + message);
        err.writeLine(QStringLiteral("Try `racegrade-cli export --help`."));
        return int(ExitUsage);
    };
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    if (!parser.isSet(sessionOption)) {
        return usage(QStringLiteral("--session is required"));
    }
    if (parser.positionalArguments().isEmpty()) {
        return usage(QStringLiteral("name at least one export as FORMAT:PATH"));
    }
    QVector<ExportRequest> requests;
    for (const QString &spec : parser.positionalArguments()) {
        QString error;
        const std::optional<ExportRequest> request = ReportExporter::parse(spec, &error);
        if (!request) {
            return usage(error);
        }
        requests.append(*request);
    }

    // Opening creates a missing file, so a mistyped name must be caught first.
    const QString sessionPath = parser.value(sessionOption);
    if (!QFileInfo(sessionPath).isFile()) {
        err.writeLine(QStringLiteral("%1: no such session file").arg(sessionPath));
        return ExitUsage;
    }
    const Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(sessionPath);
    if (!session) {
        err.writeLine(session.error());
        return ExitUsage;
    }
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog(parser.values(exercisesOption) +
                                                                ExerciseLoader::defaultRoots());
    for (const QString &error : catalog.errors) {
        err.writeLine(QStringLiteral("warning: ") + error);
    }
    return writeAll(*session.value(), catalog.exercises, requests, out, err);
}

int ExportCommand::writeAll(const GradingSession &session, const QVector<Exercise> &exercises,
                            const QVector<ExportRequest> &requests, const CliOutput &out,
                            const CliOutput &err)
{
    SessionContents contents;
    contents.settings = session.settings();
    contents.roster = session.roster();
    contents.records = session.records();
    contents.exercises = exercises;

    int failed = 0;
    for (const ExportRequest &request : requests) {
        QElapsedTimer timer;
        timer.start();
        const QStringList problems = ReportExporter::write(request, contents);
        for (const QString &problem : problems) {
            err.writeLine(problem);
        }
        failed += problems.isEmpty() ? 0 : 1;
        out.writeLine(
            QStringLiteral("%1 %2  %3 (%4 ms)")
                .arg(problems.isEmpty() ? QStringLiteral("wrote") : QStringLiteral("FAILED"),
                     ReportExporter::formatId(request.format).leftJustified(13), request.path)
                .arg(timer.elapsed()));
    }
    return failed == 0 ? ExitPassed : ExitFailed;
}

} // namespace RaceGrade
