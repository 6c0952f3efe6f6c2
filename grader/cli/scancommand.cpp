#include "scancommand.h"

#include "classplanner.h"
#include "clioutput.h"
#include "exerciseloader.h"
#include "exitcodes.h"
#include "language.h"
#include "sourceinspector.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace RaceGrade {

namespace {

// Why a file cannot be built at all, from the bytes the plan read.
QStringList buildErrors(const PlannedFile &file)
{
    if (QFileInfo(file.absolutePath).size() > SourceInspector::maxSourceBytes) {
        return {QStringLiteral("the file is larger than 1 MiB")};
    }
    QStringList errors;
    const SourceInspection inspection =
        SourceInspector::inspect(file.source, file.language, file.relativePath);
    for (const Diagnostic &error : inspection.errors) {
        errors.append(error.message);
    }
    return errors;
}

QJsonArray problemsJson(const QVector<InputProblem> &problems)
{
    QJsonArray array;
    for (const InputProblem &problem : problems) {
        array.append(QJsonObject{{QStringLiteral("path"), problem.path},
                                 {QStringLiteral("message"), problem.message}});
    }
    return array;
}

} // namespace

int ScanCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows what a class folder holds and what would be graded: the layout (one subfolder or\n"
        "one .zip/.tar/.tar.gz archive per student, or a Canvas or Moodle download) and why,\n"
        "each student with the source files found, their language, the exercise each file is\n"
        "taken for and why, the files set aside, and everything that was skipped and why.\n"
        "Symbolic links are never followed and archives are unpacked within limits.\n\n"
        "Exit status: 0 nothing was skipped, 1 something was (a file that fits no exercise or\n"
        "cannot be built included), 2 bad usage or no such folder."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the plan as one JSON object."));
    const QCommandLineOption exercisesOption(
        QStringLiteral("exercises"),
        QStringLiteral("Also load exercises from <dir>; may be given more than once."),
        QStringLiteral("dir"));
    parser.addOptions({jsonOption, exercisesOption});
    parser.addPositionalArgument(QStringLiteral("class-dir"),
                                 QStringLiteral("The folder of the class's submissions."));
    const CliOutput out(stdout, true);
    const CliOutput err(stderr, true);
    if (!parser.parse(arguments)) {
        err.writeLine(QStringLiteral("racegrade-cli scan: ") + parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    if (parser.positionalArguments().size() != 1) {
        err.writeLine(QStringLiteral("racegrade-cli scan: give exactly one class folder"));
        return ExitUsage;
    }
    const QString classDir = parser.positionalArguments().constFirst();
    if (!QFileInfo(classDir).isDir()) {
        err.writeLine(QStringLiteral("%1: no such folder").arg(classDir));
        return ExitUsage;
    }
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog(parser.values(exercisesOption) +
                                                                ExerciseLoader::defaultRoots());
    for (const QString &error : catalog.errors) {
        err.writeLine(QStringLiteral("warning: ") + error);
    }

    QTemporaryDir scratch;
    const ClassPlan plan = ClassPlanner::plan(classDir, catalog.exercises,
                                              scratch.isValid() ? scratch.path() : QString());

    int unusable = 0;
    QJsonArray students;
    QString text = out.paint(QStringLiteral("Layout: %1").arg(classLayoutId(plan.layout)),
                             CliOutput::Colour::Bold) +
                   QStringLiteral(" (%1)\n\n").arg(plan.layoutReason);
    for (const PlannedStudent &student : plan.students) {
        QJsonArray files;
        text += out.paint(student.name, CliOutput::Colour::Bold);
        if (!student.platformId.isEmpty()) {
            text += QStringLiteral("  [id %1]").arg(student.platformId);
        }
        text += QStringLiteral("  (%1)").arg(QDir::toNativeSeparators(student.origin));
        if (student.late) {
            text += out.paint(QStringLiteral("  late"), CliOutput::Colour::Yellow);
        }
        text += u'\n';
        if (student.files.isEmpty()) {
            text += QStringLiteral("    no source file\n");
        }
        for (const PlannedFile &file : student.files) {
            const QStringList errors = buildErrors(file);
            unusable += errors.isEmpty() ? 0 : 1;
            const QString language = languageId(file.language);
            text +=
                QStringLiteral("    %1  %2%3\n")
                    .arg(language.leftJustified(3), QDir::toNativeSeparators(file.relativePath),
                         errors.isEmpty() ? QString()
                                          : out.paint(QStringLiteral("  (") +
                                                          errors.join(QStringLiteral("; ")) + u')',
                                                      CliOutput::Colour::Red));
            QString mapping;
            if (file.exercise.isEmpty()) {
                mapping = out.paint(QStringLiteral("no exercise"), CliOutput::Colour::Yellow) +
                          QStringLiteral(": ") + file.reason;
            } else if (!file.chosen) {
                mapping = out.paint(file.exercise + QStringLiteral(", not graded"),
                                    CliOutput::Colour::Yellow) +
                          QStringLiteral(": ") + file.reason;
            } else {
                mapping = out.paint(file.exercise, CliOutput::Colour::Cyan) + QStringLiteral(": ") +
                          file.reason;
            }
            text += QStringLiteral("         -> %1\n").arg(mapping);
            if (!file.choice.isEmpty()) {
                text += QStringLiteral("            %1\n").arg(file.choice);
            }
            files.append(
                QJsonObject{{QStringLiteral("path"), file.relativePath},
                            {QStringLiteral("named_as"), file.namedAs},
                            {QStringLiteral("language"), language},
                            {QStringLiteral("exercise"), file.exercise},
                            {QStringLiteral("reason"), file.reason},
                            {QStringLiteral("matched_by"), exerciseMatchId(file.matchedBy)},
                            {QStringLiteral("chosen"), file.chosen},
                            {QStringLiteral("choice"), file.choice},
                            {QStringLiteral("content_hash"), QString::fromLatin1(file.contentHash)},
                            {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}});
        }
        students.append(QJsonObject{
            {QStringLiteral("name"), student.name},
            {QStringLiteral("key"), student.key},
            {QStringLiteral("platform_id"), student.platformId},
            {QStringLiteral("origin"), student.origin},
            {QStringLiteral("late"), student.late},
            {QStringLiteral("from_archive"), SubmissionArchive::isArchiveName(student.origin)},
            {QStringLiteral("files"), files}});
    }
    if (!plan.setAside.isEmpty()) {
        text += out.paint(QStringLiteral("\nSet aside (not code)\n"), CliOutput::Colour::Bold);
    }
    for (const InputProblem &aside : plan.setAside) {
        text += QStringLiteral("  %1\n").arg(aside.message);
    }
    if (!plan.problems.isEmpty()) {
        text += out.paint(QStringLiteral("\nSkipped or suspicious\n"), CliOutput::Colour::Bold);
    }
    for (const InputProblem &problem : plan.problems) {
        text += QStringLiteral("  %1\n").arg(problem.message);
    }

    const QVector<SubmissionRecord> submissions = plan.submissions();
    QMap<QString, int> perExercise;
    for (const SubmissionRecord &record : submissions) {
        ++perExercise[record.exercise];
    }
    QStringList counts;
    for (const Exercise &exercise : catalog.exercises) {
        if (perExercise.contains(exercise.id)) {
            counts.append(
                QStringLiteral("%1 %2").arg(exercise.id).arg(perExercise.value(exercise.id)));
        }
    }
    const auto count = [](qsizetype n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    text += QStringLiteral("\n%1, %2, %3 that cannot be built\n%4 to grade%5\n")
                .arg(count(plan.students.size(), "student", "students"),
                     count(plan.problems.size(), "problem", "problems"),
                     count(unusable, "file", "files"),
                     count(submissions.size(), "submission", "submissions"),
                     counts.isEmpty()
                         ? QString()
                         : QStringLiteral(" (") + counts.join(QStringLiteral(", ")) + u')');

    if (parser.isSet(jsonOption)) {
        const QJsonObject object{{QStringLiteral("class_dir"), classDir},
                                 {QStringLiteral("layout"), classLayoutId(plan.layout)},
                                 {QStringLiteral("layout_reason"), plan.layoutReason},
                                 {QStringLiteral("students"), students},
                                 {QStringLiteral("submissions"), int(submissions.size())},
                                 {QStringLiteral("set_aside"), problemsJson(plan.setAside)},
                                 {QStringLiteral("problems"), problemsJson(plan.problems)}};
        out.write(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        out.write(text);
    }
    return plan.problems.isEmpty() && unusable == 0 ? ExitPassed : ExitFailed;
}

} // namespace RaceGrade
