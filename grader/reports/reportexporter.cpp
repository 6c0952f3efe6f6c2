#include "reportexporter.h"

#include "classcharts.h"
#include "classresults.h"
#include "classstatistics.h"
#include "classsummaryhtml.h"
#include "feedbackhtml.h"
#include "gradebookexport.h"
#include "gradescopeexport.h"
#include "htmlpdfwriter.h"
#include "logging.h"
#include "sessionjson.h"
#include "sourcehighlighter.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <memory>

namespace RaceGrade {

namespace {

struct FormatName
{
    ExportFormat format;
    const char *id;
};

const FormatName formatNames[] = {
    {ExportFormat::GradebookCsv, "csv"},           {ExportFormat::CanvasCsv, "canvas"},
    {ExportFormat::MoodleCsv, "moodle"},           {ExportFormat::Gradescope, "gradescope"},
    {ExportFormat::FeedbackHtml, "feedback-html"}, {ExportFormat::FeedbackPdf, "feedback-pdf"},
    {ExportFormat::SummaryHtml, "summary-html"},   {ExportFormat::SummaryPdf, "summary-pdf"},
    {ExportFormat::SessionJson, "json"},
};

// Writes a file at once or not at all; returns the problem, or empty.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    }
    return {};
}

QString writePdf(const QString &path, const QString &html, const QString &title,
                 const QMap<QString, QImage> &images)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (HtmlPdfWriter::write(html, &buffer, title, images, &error) == 0) {
        return QStringLiteral("%1: %2").arg(path, error);
    }
    buffer.close();
    return writeFile(path, bytes);
}

// A file name for a student that is safe on every file system and unique among `used`:
// letters (of any script), digits, spaces, dots, dashes and underscores are kept.
QString studentFileName(const StudentResults &student, QSet<QString> &used)
{
    const QString source = !student.name.trimmed().isEmpty() ? student.name
                           : !student.key.isEmpty()          ? student.key
                           : !student.id.isEmpty()           ? student.id
                                                             : student.email;
    QString name;
    for (const QChar c : source) {
        const bool keep =
            c.isLetterOrNumber() || c == u' ' || c == u'-' || c == u'_' || c == u'.' || c == u',';
        name += keep ? c : u'_';
    }
    name = name.simplified().left(80);
    // No hidden files, and no name ending in a dot, which Windows cannot open.
    while (name.startsWith(u'.')) {
        name.remove(0, 1);
    }
    while (name.endsWith(u'.') || name.endsWith(u' ')) {
        name.chop(1);
    }
    if (name.isEmpty()) {
        name = QStringLiteral("student");
    }
    QString unique = name;
    for (int n = 2; used.contains(unique.toCaseFolded()); ++n) {
        unique = QStringLiteral("%1 (%2)").arg(name).arg(n);
    }
    used.insert(unique.toCaseFolded());
    return unique;
}

QVector<SubmissionRecord> recordsOf(const StudentResults &student)
{
    QVector<SubmissionRecord> records;
    for (const SubmissionRecord &record : student.byExercise) {
        records.append(record);
    }
    return records;
}

// The catalog's exercises that are columns of the class, in column order.
QVector<Exercise> classExercises(const ClassResults &results, const QVector<Exercise> &catalog)
{
    QVector<Exercise> exercises;
    for (const GradebookColumn &column : results.columns) {
        for (const Exercise &exercise : catalog) {
            if (exercise.id == column.exercise) {
                exercises.append(exercise);
                break;
            }
        }
    }
    return exercises;
}

QString summaryTitle(const SessionContents &contents)
{
    const QString classDir = contents.settings.value(QStringLiteral("class_dir"));
    return classDir.isEmpty()
               ? QStringLiteral("Class summary")
               : QStringLiteral("Class summary: %1").arg(QFileInfo(classDir).fileName());
}

// The three charts as images, by the names ClassSummaryHtml takes.
QMap<QString, QImage> chartImages(const ClassStatistics &statistics)
{
    const std::unique_ptr<QChart> charts[] = {
        std::unique_ptr<QChart>(ClassCharts::scoreDistribution(statistics)),
        std::unique_ptr<QChart>(ClassCharts::checkPassRates(statistics)),
        std::unique_ptr<QChart>(ClassCharts::raceKinds(statistics)),
    };
    const QStringList names = ClassSummaryHtml::chartNames();
    QMap<QString, QImage> images;
    for (qsizetype i = 0; i < names.size(); ++i) {
        images.insert(names.at(i), ClassCharts::toImage(charts[i].get(), ClassCharts::preferredSize(
                                                                             charts[i].get())));
    }
    return images;
}

QStringList writeStudentFiles(const ExportRequest &request, const SessionContents &contents,
                              const ClassResults &results)
{
    QStringList problems;
    if (!QDir().mkpath(request.path)) {
        return {QStringLiteral("%1: cannot create the folder").arg(request.path)};
    }
    const QVector<Exercise> exercises = classExercises(results, contents.exercises);
    const SourceToHtml highlight = SourceHighlighter::function();
    QSet<QString> used;
    for (const StudentResults &student : results.students) {
        const QString name = studentFileName(student, used);
        const QDir folder(request.path);
        QString problem;
        if (request.format == ExportFormat::Gradescope) {
            const QJsonObject json = GradescopeExport::fromStudent(student, results.columns);
            problem = writeFile(folder.filePath(name + QStringLiteral("/results.json")),
                                QJsonDocument(json).toJson(QJsonDocument::Indented));
        } else {
            const QString html =
                FeedbackHtml::page(student.name, recordsOf(student), exercises, highlight);
            if (request.format == ExportFormat::FeedbackHtml) {
                problem = writeFile(folder.filePath(name + QStringLiteral(".html")), html.toUtf8());
            } else {
                problem = writePdf(folder.filePath(name + QStringLiteral(".pdf")), html,
                                   QStringLiteral("Feedback for %1").arg(student.name), {});
            }
        }
        if (!problem.isEmpty()) {
            problems.append(problem);
        }
    }
    return problems;
}

} // namespace

QString ReportExporter::formatId(ExportFormat format)
{
    for (const FormatName &name : formatNames) {
        if (name.format == format) {
            return QString::fromLatin1(name.id);
        }
    }
    return {};
}

QStringList ReportExporter::formatIds()
{
    QStringList ids;
    for (const FormatName &name : formatNames) {
        ids.append(QString::fromLatin1(name.id));
    }
    return ids;
}

std::optional<ExportRequest> ReportExporter::parse(const QString &spec, QString *error)
{
    const qsizetype colon = spec.indexOf(u':');
    if (colon <= 0) {
        *error = QStringLiteral("\"%1\" is not FORMAT:PATH (formats: %2)")
                     .arg(spec, formatIds().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QString id = spec.left(colon).trimmed().toLower();
    const QString path = spec.mid(colon + 1);
    for (const FormatName &name : formatNames) {
        if (id == QLatin1String(name.id)) {
            if (path.isEmpty()) {
                *error = QStringLiteral("\"%1\": no path after the format").arg(spec);
                return std::nullopt;
            }
            return ExportRequest{name.format, path};
        }
    }
    *error = QStringLiteral("\"%1\": unknown format \"%2\" (formats: %3)")
                 .arg(spec, id, formatIds().join(QStringLiteral(", ")));
    return std::nullopt;
}

bool ReportExporter::needsGui(ExportFormat format)
{
    return format == ExportFormat::FeedbackPdf || format == ExportFormat::SummaryHtml ||
           format == ExportFormat::SummaryPdf;
}

QStringList ReportExporter::write(const ExportRequest &request, const SessionContents &contents)
{
    if (needsGui(request.format) && !qobject_cast<QApplication *>(QCoreApplication::instance())) {
        return {QStringLiteral("%1: the %2 export draws, and needs a QApplication")
                    .arg(request.path, formatId(request.format))};
    }
    const ClassResults results =
        ClassResults::build(contents.records, contents.roster, contents.exercises);
    qCDebug(lcReports) << "exporting" << formatId(request.format) << "to" << request.path << "for"
                       << results.students.size() << "students";

    switch (request.format) {
    case ExportFormat::GradebookCsv:
    case ExportFormat::CanvasCsv:
    case ExportFormat::MoodleCsv: {
        const GradebookFormat format =
            request.format == ExportFormat::CanvasCsv   ? GradebookFormat::Canvas
            : request.format == ExportFormat::MoodleCsv ? GradebookFormat::Moodle
                                                        : GradebookFormat::Generic;
        const QString problem = writeFile(request.path, GradebookExport::csv(results, format));
        return problem.isEmpty() ? QStringList() : QStringList{problem};
    }
    case ExportFormat::Gradescope:
    case ExportFormat::FeedbackHtml:
    case ExportFormat::FeedbackPdf:
        return writeStudentFiles(request, contents, results);
    case ExportFormat::SummaryHtml:
    case ExportFormat::SummaryPdf: {
        const ClassStatistics statistics = ClassStatistics::compute(results);
        const QMap<QString, QImage> images = chartImages(statistics);
        const QString title = summaryTitle(contents);
        QMap<QString, QString> sources;
        for (auto it = images.cbegin(); it != images.cend(); ++it) {
            sources.insert(it.key(),
                           request.format == ExportFormat::SummaryPdf
                               ? it.key()
                               : QStringLiteral("data:image/png;base64,") +
                                     QString::fromLatin1(ClassCharts::png(it.value()).toBase64()));
        }
        const QString html = ClassSummaryHtml::page(title, results, statistics, sources);
        const QString problem = request.format == ExportFormat::SummaryPdf
                                    ? writePdf(request.path, html, title, images)
                                    : writeFile(request.path, html.toUtf8());
        return problem.isEmpty() ? QStringList() : QStringList{problem};
    }
    case ExportFormat::SessionJson: {
        const QJsonObject json =
            SessionJson::toJson(contents.settings, contents.roster, contents.records);
        const QString problem =
            writeFile(request.path, QJsonDocument(json).toJson(QJsonDocument::Indented));
        return problem.isEmpty() ? QStringList() : QStringList{problem};
    }
    }
    return {QStringLiteral("%1: unknown export").arg(request.path)};
}

} // namespace RaceGrade
