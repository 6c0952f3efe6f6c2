#pragma once

#include "exercise.h"
#include "roster.h"
#include "submissionrecord.h"

#include <QMap>
#include <QStringList>
#include <optional>

namespace RaceGrade {

/// Every export of a grading session.
enum class ExportFormat
{
    GradebookCsv, ///< "csv": generic gradebook; PATH is a file
    CanvasCsv,    ///< "canvas": Canvas gradebook import; PATH is a file
    MoodleCsv,    ///< "moodle": Moodle grade import; PATH is a file
    Gradescope,   ///< "gradescope": PATH is a folder; one <student>/results.json each
    FeedbackHtml, ///< "feedback-html": PATH is a folder; one <student>.html each
    FeedbackPdf,  ///< "feedback-pdf": PATH is a folder; one <student>.pdf each
    SummaryHtml,  ///< "summary-html": the class summary with its charts; PATH is a file
    SummaryPdf,   ///< "summary-pdf": the same as PDF; PATH is a file
    SessionJson,  ///< "json": the whole session; PATH is a file
};

/// One export asked for: "canvas:grades.csv" on a command line.
struct ExportRequest
{
    ExportFormat format = ExportFormat::GradebookCsv;
    QString path;
};

/// What a session holds, as the exports need it.
struct SessionContents
{
    QMap<QString, QString> settings;
    QVector<RosterEntry> roster;
    QVector<SubmissionRecord> records;
    QVector<Exercise> exercises; ///< the catalog, for titles, check lists and maximum points
};

/// Writes the exports of a grading session. The PDF formats and the summary need a
/// QApplication (they draw with QtCharts and lay text out); the others need only QtCore.
class ReportExporter
{
public:
    static QString formatId(ExportFormat format);
    static QStringList formatIds();
    /// Parses "FORMAT:PATH"; on failure returns nullopt and sets *error to a sentence.
    static std::optional<ExportRequest> parse(const QString &spec, QString *error);
    /// Whether the format draws or lays out pages, and so needs a QApplication.
    static bool needsGui(ExportFormat format);

    /// Writes one export; returns the problems, each naming the file it is about. Files are
    /// written atomically (QSaveFile); one student's file failing does not stop the others.
    /// A student's file is named after the student, with what file systems refuse replaced by
    /// '_' and " (2)" added on a clash; every student of the roster gets one.
    static QStringList write(const ExportRequest &request, const SessionContents &contents);
};

} // namespace RaceGrade
