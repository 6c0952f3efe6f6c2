#pragma once

#include "submissionrecord.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace RaceGrade {

class CodeEditor;
class OutputView;
class ResultsView;

/// One student's submission for one exercise, read-only, in the student app's own views: the
/// source in the editor with the race lines marked (tooltips explain each race), the checks,
/// races and problems in the results, what the runs printed, and above them who handed it in,
/// why the file was taken for the exercise, and any TA override or identical file. Selecting an
/// entry of the results moves the editor to its line.
class SubmissionView : public QWidget
{
    Q_OBJECT

public:
    explicit SubmissionView(QWidget *parent = nullptr);
    ~SubmissionView() override;

    /// Shows a whole record (with its source and grade). `exerciseTitle` names the exercise.
    void showRecord(const SubmissionRecord &record, const QString &exerciseTitle);
    /// Shows no submission, only a message ("Nothing handed in for ...").
    void showMessage(const QString &message);

    /// The student and exercise shown; empty when none is.
    QString studentKey() const { return m_studentKey; }
    QString exercise() const { return m_exercise; }

    CodeEditor *editor() const { return m_editor; }
    ResultsView *results() const { return m_results; }
    OutputView *output() const { return m_output; }
    /// The lines about the submission above the editor.
    QLabel *header() const { return m_header; }

private:
    QString headerHtml(const SubmissionRecord &record, const QString &exerciseTitle) const;

    QLabel *m_header = nullptr;
    CodeEditor *m_editor = nullptr;
    ResultsView *m_results = nullptr;
    OutputView *m_output = nullptr;
    QTabWidget *m_tabs = nullptr;
    QString m_studentKey;
    QString m_exercise;
};

} // namespace RaceGrade
