#include "exercisescommand.h"

#include "clioutput.h"
#include "exerciseloader.h"
#include "exitcodes.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace RaceGrade {

int ExercisesCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the exercises RaceGrade can grade, with their languages and points."));
    parser.addHelpOption();
    const QCommandLineOption exercisesOption(
        QStringLiteral("exercises"),
        QStringLiteral("Also load exercises from <dir> (an exercise folder or a folder of them)."),
        QStringLiteral("dir"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print a JSON array instead of text."));
    parser.addOptions({exercisesOption, jsonOption});
    CliOutput out(stdout);
    CliOutput err(stderr);
    if (!parser.parse(arguments)) {
        err.writeLine(QStringLiteral("racegrade-cli exercises: ") + parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog(parser.values(exercisesOption) +
                                                                ExerciseLoader::defaultRoots());
    for (const QString &error : catalog.errors) {
        err.writeLine(QStringLiteral("warning: ") + error);
    }
    if (parser.isSet(jsonOption)) {
        QJsonArray list;
        for (const Exercise &exercise : catalog.exercises) {
            QJsonArray languages;
            QJsonObject points;
            for (const Language language : exercise.languages()) {
                languages.append(languageId(language));
                points.insert(languageId(language), exercise.maxPoints(language));
            }
            list.append(QJsonObject{{QStringLiteral("id"), exercise.id},
                                    {QStringLiteral("title"), exercise.title},
                                    {QStringLiteral("summary"), exercise.summary},
                                    {QStringLiteral("languages"), languages},
                                    {QStringLiteral("max_score"), points},
                                    {QStringLiteral("directory"), exercise.directory}});
        }
        out.write(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)));
        return catalog.exercises.isEmpty() ? ExitUsage : ExitPassed;
    }
    if (catalog.exercises.isEmpty()) {
        err.writeLine(QStringLiteral("no exercises found (looked in: %1)")
                          .arg(ExerciseLoader::defaultRoots().join(QStringLiteral(", "))));
        return ExitUsage;
    }
    for (const Exercise &exercise : catalog.exercises) {
        QStringList languages;
        for (const Language language : exercise.languages()) {
            languages.append(languageId(language));
        }
        out.writeLine(QStringLiteral("%1  %2  [%3]")
                          .arg(out.paint(exercise.id.leftJustified(16), CliOutput::Colour::Bold),
                               exercise.title, languages.join(QStringLiteral(", "))));
        if (!exercise.summary.isEmpty()) {
            out.writeLine(QStringLiteral("    ") + exercise.summary);
        }
    }
    return ExitPassed;
}

} // namespace RaceGrade
