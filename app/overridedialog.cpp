#include "overridedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace RaceGrade {

OverrideDialog::OverrideDialog(const SubmissionRecord &record, const QString &exerciseTitle,
                               QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Override the Score"));
    const int maxScore = qMax(record.grade.maxScore, record.override ? record.override->score : 0);

    auto *intro = new QLabel(
        tr("Your score replaces the computed one for %1's %2 in the table and in every export, "
           "and stays when the class is graded again.")
            .arg(record.studentName, exerciseTitle),
        this);
    intro->setWordWrap(true);

    m_score = new QSpinBox(this);
    m_score->setRange(0, qMax(1, maxScore));
    m_score->setSuffix(tr(" of %1").arg(maxScore));
    m_score->setValue(record.override ? record.override->score
                                      : (record.graded ? record.grade.score : 0));
    m_score->setAccessibleName(tr("Score"));

    m_comment = new QPlainTextEdit(this);
    m_comment->setTabChangesFocus(true);
    m_comment->setPlaceholderText(tr("Why this score (shown to the student in the feedback)"));
    m_comment->setAccessibleName(tr("Comment"));
    if (record.override) {
        m_comment->setPlainText(record.override->comment);
    }

    auto *computed = new QLabel(
        record.graded ? tr("%1 of %2 points").arg(record.grade.score).arg(record.grade.maxScore)
                      : tr("not graded"),
        this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Set Score"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &OverrideDialog::updateButtons);

    auto *form = new QFormLayout(this);
    form->addRow(intro);
    form->addRow(tr("Computed score:"), computed);
    auto *scoreLabel = new QLabel(tr("&Score:"), this);
    scoreLabel->setBuddy(m_score);
    form->addRow(scoreLabel, m_score);
    auto *commentLabel = new QLabel(tr("&Comment:"), this);
    commentLabel->setBuddy(m_comment);
    form->addRow(commentLabel, m_comment);
    form->addRow(m_buttons);
    updateButtons();
    resize(480, 300);
}

OverrideDialog::~OverrideDialog() = default;

void OverrideDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_comment->toPlainText().trimmed().isEmpty());
}

ScoreOverride OverrideDialog::scoreOverride() const
{
    ScoreOverride result;
    result.score = m_score->value();
    result.comment = m_comment->toPlainText().trimmed();
    result.author = qEnvironmentVariable("USER");
    result.when = QDateTime::currentDateTimeUtc();
    return result;
}

} // namespace RaceGrade
