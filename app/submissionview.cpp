#include "submissionview.h"

#include "codeeditor.h"
#include "grademarks.h"
#include "outputview.h"
#include "resultsview.h"

#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace RaceGrade {

SubmissionView::SubmissionView(QWidget *parent)
    : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_header->setAccessibleName(tr("Submission details"));
    m_header->setContentsMargins(4, 4, 4, 4);

    m_editor = new CodeEditor(this);
    m_editor->setReadOnly(true);
    // Read-only, but the keyboard can still move through the text and select it.
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setAccessibleName(tr("Submitted source (read-only)"));

    m_results = new ResultsView(this);
    m_output = new OutputView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_results, tr("Results"));
    m_tabs->addTab(m_output, tr("Output"));
    m_tabs->setAccessibleName(tr("Results and output of the submission"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);

    const auto goToLocation = [this](int line, int column) {
        m_editor->goToLine(line);
        if (column > 1) {
            QTextCursor cursor = m_editor->textCursor();
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column - 1);
            m_editor->setTextCursor(cursor);
        }
    };
    connect(m_results, &ResultsView::locationActivated, this, goToLocation);
    connect(m_output, &OutputView::locationActivated, this, goToLocation);
    showMessage(tr("Select a cell of the class table to see that submission."));
}

SubmissionView::~SubmissionView() = default;

void SubmissionView::showMessage(const QString &message)
{
    m_studentKey.clear();
    m_exercise.clear();
    m_header->setText(message.toHtmlEscaped());
    m_editor->loadText(QString());
    m_results->showMessage(message);
    m_output->clear();
}

QString SubmissionView::headerHtml(const SubmissionRecord &record,
                                   const QString &exerciseTitle) const
{
    QStringList lines;
    const QString who = record.studentId.isEmpty() ? record.studentName.toHtmlEscaped()
                                                   : tr("%1 (ID %2)")
                                                         .arg(record.studentName.toHtmlEscaped(),
                                                              record.studentId.toHtmlEscaped());
    lines.append(tr("<b>%1</b> — %2 — <code>%3</code> (%4)")
                     .arg(who, exerciseTitle.toHtmlEscaped(), record.sourcePath.toHtmlEscaped(),
                          languageDisplayName(record.language)));
    if (!record.mappingReason.isEmpty()) {
        lines.append(
            tr("Taken for this exercise because: %1").arg(record.mappingReason.toHtmlEscaped()));
    }
    if (!record.graded) {
        lines.append(
            record.grade.errorMessage.isEmpty()
                ? tr("Not graded yet.")
                : tr("Could not be graded: %1").arg(record.grade.errorMessage.toHtmlEscaped()));
    }
    if (record.override) {
        const ScoreOverride &override = *record.override;
        lines.append(
            tr("<b>Score set by %1: %2</b> of %3 (computed: %4), %5: “%6”")
                .arg(override.author.isEmpty() ? tr("a TA") : override.author.toHtmlEscaped(),
                     QString::number(override.score), QString::number(record.grade.maxScore),
                     record.graded ? QString::number(record.grade.score) : tr("none"),
                     QLocale().toString(override.when.toLocalTime(), QLocale::ShortFormat),
                     override.comment.toHtmlEscaped()));
    }
    if (!record.identicalTo.isEmpty()) {
        lines.append(tr("<b>Identical</b> to the file of: %1")
                         .arg(record.identicalTo.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    return lines.join(QStringLiteral("<br>"));
}

void SubmissionView::showRecord(const SubmissionRecord &record, const QString &exerciseTitle)
{
    m_studentKey = record.studentKey;
    m_exercise = record.exercise;
    m_header->setText(headerHtml(record, exerciseTitle));
    m_editor->setLanguage(record.language);
    m_editor->loadText(QString::fromUtf8(record.source));
    m_output->clear();
    m_output->setSourceFileName(QFileInfo(record.sourcePath).fileName());
    if (record.graded) {
        m_results->setGrade(record.grade);
        const QVector<LineMark> marks = GradeMarks::forGrade(record.grade);
        m_editor->setMarks(marks);
        // The first marked line is what the reviewer looks for: bring it into view.
        if (!marks.isEmpty()) {
            m_editor->goToLine(marks.constFirst().line);
        }
        m_output->setGrade(record.grade);
    } else {
        m_results->showMessage(record.grade.errorMessage.isEmpty()
                                   ? tr("This submission has not been graded yet.")
                                   : tr("Could not be graded: %1").arg(record.grade.errorMessage));
    }
}

} // namespace RaceGrade
