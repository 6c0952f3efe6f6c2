#include "gradecommand.h"

#include "clioutput.h"
#include "exerciseloader.h"
#include "exitcodes.h"
#include "gradejson.h"
#include "grader.h"
#include "gradingoptions.h"
#include "humanreport.h"
#include "signalcancel.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <mutex>

namespace RaceGrade {

int GradeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Grades one solution of an exercise: builds it with the race detector, runs it many\n"
        "times and with hidden tests, and prints each check with its points.\n\n"
        "Exit status: 0 every check passed, 1 some check failed (or it did not compile),\n"
        "2 bad usage or unreadable file, 3 missing or broken compiler."));
    parser.addHelpOption();
    const QCommandLineOption exerciseOption(QStringLiteral("exercise"),
                                            QStringLiteral("The exercise id (see `racegrade-cli "
                                                           "exercises`)."),
                                            QStringLiteral("id"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("go or cpp; by default taken from the file's extension."),
        QStringLiteral("language"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the grade as one JSON object."));
    const QCommandLineOption keepOption(QStringLiteral("keep-workspace"),
                                        QStringLiteral("Keep the scratch folder and print where "
                                                       "it is."));
    const QCommandLineOption noColourOption(QStringLiteral("no-color"),
                                            QStringLiteral("Never colour the output."));
    parser.addOptions({exerciseOption, languageOption});
    const GradingOptions gradingOptions(parser,
                                        QStringLiteral("Runs at once (default: one per core)."));
    parser.addOptions({jsonOption, keepOption, noColourOption});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The solution to grade."));

    const CliOutput out(stdout, true);
    const CliOutput err(stderr, true);
    const auto usage = [&](const QString &message) {
        err.writeLine(QStringLiteral("racegrade-cli grade: ") + message);
        err.writeLine(QStringLiteral("Try `racegrade-cli grade --help`."));
        return int(ExitUsage);
    };
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    const CliOutput paintedOut(stdout, !parser.isSet(noColourOption));
    if (parser.positionalArguments().size() != 1) {
        return usage(QStringLiteral("give exactly one file to grade"));
    }
    if (!parser.isSet(exerciseOption)) {
        return usage(QStringLiteral("--exercise is required"));
    }

    const QString path = parser.positionalArguments().constFirst();
    std::optional<Language> language;
    if (parser.isSet(languageOption)) {
        language = languageFromId(parser.value(languageOption));
        if (!language) {
            return usage(QStringLiteral("unknown language \"%1\" (use go or cpp)")
                             .arg(parser.value(languageOption)));
        }
    } else {
        language = languageFromFileName(path);
        if (!language) {
            return usage(QStringLiteral("cannot tell the language of %1 from its name; give "
                                        "--language go or --language cpp")
                             .arg(path));
        }
    }

    GradeRequest request;
    request.language = *language;
    request.displayPath = path;
    if (!gradingOptions.read(parser, &request.options, QStringLiteral("racegrade-cli grade"),
                             err)) {
        return ExitUsage;
    }
    request.options.keepWorkspace = parser.isSet(keepOption);

    const QFileInfo info(path);
    if (!info.exists()) {
        err.writeLine(QStringLiteral("%1: no such file").arg(path));
        return ExitUsage;
    }
    if (info.isDir()) {
        err.writeLine(QStringLiteral("%1: is a folder, not a source file").arg(path));
        return ExitUsage;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err.writeLine(QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
        return ExitUsage;
    }
    request.source = file.readAll();

    const ExerciseCatalog catalog =
        ExerciseLoader::loadCatalog(gradingOptions.exerciseRoots(parser));
    for (const QString &error : catalog.errors) {
        err.writeLine(QStringLiteral("warning: ") + error);
    }
    const Exercise *exercise = catalog.find(parser.value(exerciseOption));
    if (!exercise) {
        QStringList known;
        for (const Exercise &candidate : catalog.exercises) {
            known.append(candidate.id);
        }
        return usage(
            QStringLiteral("unknown exercise \"%1\" (known: %2)")
                .arg(parser.value(exerciseOption),
                     known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))));
    }
    if (!exercise->supports(*language)) {
        return usage(QStringLiteral("the exercise %1 has no %2 version")
                         .arg(exercise->id, languageDisplayName(*language)));
    }
    request.exercise = *exercise;

    // A progress line on a terminal only, so that logs and pipes stay clean.
    std::mutex progressMutex;
    Grader::ProgressCallback progress;
    if (err.isTerminal()) {
        progress = [&](const GradeProgress &step) {
            const std::lock_guard<std::mutex> lock(progressMutex);
            err.write(
                QStringLiteral("\r\x1b[K%1 %2/%3").arg(step.stage).arg(step.done).arg(step.total));
        };
    }
    // Ctrl+C or a kill stops the grading, which removes its scratch folder before this returns.
    const SignalCancel stopOnSignal;
    const Grade grade = Grader::grade(request, progress, stopOnSignal.flag());
    if (err.isTerminal()) {
        err.write(QStringLiteral("\r\x1b[K"));
    }
    if (stopOnSignal.signal() != 0) {
        err.writeLine(QStringLiteral("racegrade-cli: stopped by signal %1; the grading was "
                                     "cancelled and its scratch folder removed")
                          .arg(stopOnSignal.signal()));
        return stopOnSignal.exitStatus();
    }

    if (parser.isSet(jsonOption)) {
        out.write(QString::fromUtf8(
            QJsonDocument(GradeJson::toJson(grade)).toJson(QJsonDocument::Indented)));
    } else {
        paintedOut.write(HumanReport::grade(grade, paintedOut));
    }
    switch (grade.verdict) {
    case Verdict::Pass:
        return ExitPassed;
    case Verdict::Fail:
        return ExitFailed;
    case Verdict::Error:
        return ExitToolchain;
    }
    return ExitToolchain;
}

} // namespace RaceGrade
