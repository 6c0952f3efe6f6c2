#include "scancommand.h"

#include "classfolder.h"
#include "clioutput.h"
#include "exitcodes.h"
#include "language.h"
#include "sourceinspector.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace RaceGrade {

namespace {

// One source file as the scan shows it: its language and whether it can be built at all.
struct ScannedFile
{
    QString path;
    QString language;
    QStringList errors;
};

ScannedFile inspectFile(const SubmissionFile &source)
{
    ScannedFile scanned{source.relativePath, {}, {}};
    const std::optional<Language> language = languageFromFileName(source.relativePath);
    scanned.language = language ? languageId(*language) : QString();
    QFile file(source.absolutePath);
    if (file.size() > SourceInspector::maxSourceBytes) {
        scanned.errors.append(QStringLiteral("the file is larger than 1 MiB"));
        return scanned;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        scanned.errors.append(QStringLiteral("cannot be read: ") + file.errorString());
        return scanned;
    }
    if (language) {
        const SourceInspection inspection =
            SourceInspector::inspect(file.readAll(), *language, source.relativePath);
        for (const Diagnostic &error : inspection.errors) {
            scanned.errors.append(error.message);
        }
    }
    return scanned;
}

} // namespace

int ScanCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows what a class folder holds: one subfolder or one .zip/.tar/.tar.gz archive per\n"
        "student. Lists each student's source files and every file that was skipped and why;\n"
        "symbolic links are never followed and archives are unpacked within limits.\n\n"
        "Exit status: 0 nothing was skipped, 1 something was, 2 bad usage or no such folder."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the scan as one JSON object."));
    parser.addOption(jsonOption);
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

    QTemporaryDir scratch;
    ClassScanOptions options;
    options.scratchDir = scratch.isValid() ? scratch.path() : QString();
    const ClassScan scan = ClassFolder::scan(classDir, options);

    int unusable = 0;
    QJsonArray students;
    QString text;
    for (const StudentSubmission &student : scan.students) {
        QJsonArray files;
        text += QStringLiteral("%1  (%2)\n").arg(student.name, student.origin);
        if (student.sources.isEmpty()) {
            text += QStringLiteral("    no source file\n");
        }
        for (const SubmissionFile &source : student.sources) {
            const ScannedFile scanned = inspectFile(source);
            unusable += scanned.errors.isEmpty() ? 0 : 1;
            text += QStringLiteral("    %1  %2%3\n")
                        .arg(scanned.language.leftJustified(3), scanned.path,
                             scanned.errors.isEmpty()
                                 ? QString()
                                 : out.paint(QStringLiteral("  (") +
                                                 scanned.errors.join(QStringLiteral("; ")) + u')',
                                             CliOutput::Colour::Red));
            files.append(QJsonObject{
                {QStringLiteral("path"), scanned.path},
                {QStringLiteral("language"), scanned.language},
                {QStringLiteral("errors"), QJsonArray::fromStringList(scanned.errors)}});
        }
        students.append(QJsonObject{{QStringLiteral("name"), student.name},
                                    {QStringLiteral("key"), student.key},
                                    {QStringLiteral("origin"), student.origin},
                                    {QStringLiteral("from_archive"), student.fromArchive},
                                    {QStringLiteral("files"), files}});
    }
    QJsonArray problems;
    if (!scan.problems.isEmpty()) {
        text += out.paint(QStringLiteral("\nSkipped or suspicious\n"), CliOutput::Colour::Bold);
    }
    for (const InputProblem &problem : scan.problems) {
        text += QStringLiteral("  %1\n").arg(problem.message);
        problems.append(QJsonObject{{QStringLiteral("path"), problem.path},
                                    {QStringLiteral("message"), problem.message}});
    }
    const auto count = [](qsizetype n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    text += QStringLiteral("\n%1, %2, %3 that cannot be built\n")
                .arg(count(scan.students.size(), "student", "students"),
                     count(scan.problems.size(), "problem", "problems"),
                     count(unusable, "file", "files"));

    if (parser.isSet(jsonOption)) {
        const QJsonObject object{{QStringLiteral("class_dir"), classDir},
                                 {QStringLiteral("students"), students},
                                 {QStringLiteral("problems"), problems}};
        out.write(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        out.write(text);
    }
    return scan.problems.isEmpty() && unusable == 0 ? ExitPassed : ExitFailed;
}

} // namespace RaceGrade
