#include "exportmenu.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>

namespace RaceGrade {

ExportMenu::ExportMenu(Writer writer, QWidget *parent)
    : QMenu(tr("E&xport"), parent)
    , m_writer(std::move(writer))
{
    const QList<QPair<ExportFormat, QString>> formats = {
        {ExportFormat::GradebookCsv, tr("&Gradebook CSV…")},
        {ExportFormat::CanvasCsv, tr("&Canvas Gradebook CSV…")},
        {ExportFormat::MoodleCsv, tr("&Moodle Grades CSV…")},
        {ExportFormat::Gradescope, tr("Gradescope &results.json (a folder)…")},
        {ExportFormat::FeedbackHtml, tr("Feedback as &HTML (a folder)…")},
        {ExportFormat::FeedbackPdf, tr("Feedback as &PDF (a folder)…")},
        {ExportFormat::SummaryHtml, tr("Class &Summary as HTML…")},
        {ExportFormat::SummaryPdf, tr("Class Summary as P&DF…")},
        {ExportFormat::SessionJson, tr("Whole Session as &JSON…")},
    };
    for (const auto &[format, text] : formats) {
        QAction *entry = addAction(text);
        const ExportFormat chosen = format;
        connect(entry, &QAction::triggered, this, [this, chosen] { exportFormat(chosen); });
        m_actions.insert(int(format), entry);
    }
}

ExportMenu::~ExportMenu() = default;

void ExportMenu::setSuggestedLocation(const QString &folder, const QString &stem)
{
    m_folder = folder;
    m_stem = stem;
}

QAction *ExportMenu::action(ExportFormat format) const
{
    return m_actions.value(int(format));
}

bool ExportMenu::writesFolder(ExportFormat format)
{
    return format == ExportFormat::Gradescope || format == ExportFormat::FeedbackHtml ||
           format == ExportFormat::FeedbackPdf;
}

QString ExportMenu::suggestedFileName(ExportFormat format, const QString &stem)
{
    switch (format) {
    case ExportFormat::SummaryHtml:
        return stem + QStringLiteral("-summary.html");
    case ExportFormat::SummaryPdf:
        return stem + QStringLiteral("-summary.pdf");
    case ExportFormat::SessionJson:
        return stem + QStringLiteral("-session.json");
    case ExportFormat::Gradescope:
    case ExportFormat::FeedbackHtml:
    case ExportFormat::FeedbackPdf:
        return stem + u'-' + ReportExporter::formatId(format);
    case ExportFormat::GradebookCsv:
    case ExportFormat::CanvasCsv:
    case ExportFormat::MoodleCsv:
        break;
    }
    return stem + u'-' + ReportExporter::formatId(format) + QStringLiteral(".csv");
}

void ExportMenu::exportFormat(ExportFormat format)
{
    QWidget *window = parentWidget();
    const QString formatId = ReportExporter::formatId(format);
    QString path;
    if (writesFolder(format)) {
        path = QFileDialog::getExistingDirectory(
            window, tr("Choose the Folder to Write the %1 Export Into").arg(formatId), m_folder);
    } else {
        const QString name = suggestedFileName(format, m_stem);
        const QString suffix = name.section(u'.', -1);
        path = QFileDialog::getSaveFileName(
            window, tr("Export %1").arg(formatId), QDir(m_folder).filePath(name),
            tr("%1 files (*.%2);;All files (*)").arg(suffix.toUpper(), suffix));
    }
    if (path.isEmpty()) {
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QStringList problems = m_writer(ExportRequest{format, path});
    QApplication::restoreOverrideCursor();
    const QString shownPath = QDir::toNativeSeparators(path);
    if (problems.isEmpty()) {
        Q_EMIT exported(tr("Wrote the %1 export to %2.").arg(formatId, shownPath));
        return;
    }
    Q_EMIT failed(tr("The %1 export to %2 had problems; what could be written is there and the "
                     "session is unchanged:\n%3")
                      .arg(formatId, shownPath, problems.join(u'\n')));
    QMessageBox box(QMessageBox::Warning, tr("Export Problems"),
                    tr("%n problem(s) while writing %1. Nothing in the session was changed.",
                       nullptr, int(problems.size()))
                        .arg(shownPath),
                    QMessageBox::Ok, window);
    box.setDetailedText(problems.join(u'\n'));
    box.exec();
}

} // namespace RaceGrade
