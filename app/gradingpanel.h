#pragma once

#include "batchgrader.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace RaceGrade {

/// How far the grading of a class has come: a bar for the whole class (done of total, with the
/// failures so far and the time left), a bar for the runs of the submissions in progress, what
/// is being graded, and Pause/Resume and Cancel.
class GradingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GradingPanel(QWidget *parent = nullptr);
    ~GradingPanel() override;

    /// Resets the bars for a batch that starts.
    void start();
    /// Shows a step of the batch.
    void setProgress(const BatchProgress &progress);
    /// Says that a pause was asked for or lifted (the batch pauses once its programs end).
    void setPauseRequested(bool paused);
    bool isPauseRequested() const { return m_pauseRequested; }
    /// Says that a cancel was asked for.
    void setCancelling();

    /// "4 min 05 s", for a number of seconds.
    static QString durationText(double seconds);

    QProgressBar *classBar() const { return m_classBar; }
    QProgressBar *runsBar() const { return m_runsBar; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    /// The TA pressed Pause (true) or Resume (false).
    void pauseToggled(bool paused);
    void cancelClicked();

private:
    QProgressBar *m_classBar = nullptr;
    QProgressBar *m_runsBar = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_current = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_pauseRequested = false;
    bool m_cancelling = false;
};

} // namespace RaceGrade
