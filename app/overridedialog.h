#pragma once

#include "submissionrecord.h"

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;
class QSpinBox;

namespace RaceGrade {

/// Asks a TA for their own score of one submission and the comment that explains it. The
/// comment is required: a changed score without a reason cannot be checked later.
class OverrideDialog : public QDialog
{
    Q_OBJECT

public:
    /// Starts from the submission's override when it has one, else from its computed score.
    OverrideDialog(const SubmissionRecord &record, const QString &exerciseTitle,
                   QWidget *parent = nullptr);
    ~OverrideDialog() override;

    /// The override as entered, by the current user, now.
    ScoreOverride scoreOverride() const;

    QSpinBox *scoreBox() const { return m_score; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateButtons();

    QSpinBox *m_score = nullptr;
    QPlainTextEdit *m_comment = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace RaceGrade
