#pragma once

#include "batchgrader.h"

#include <QObject>
#include <memory>
#include <thread>

namespace RaceGrade {

/// Runs a BatchGrader on a thread of its own, with its own connection to the session file, and
/// reports back on the thread that owns the job, so that a window stays responsive.
class BatchJob : public QObject
{
    Q_OBJECT

public:
    BatchJob(QString sessionPath, QVector<SubmissionRecord> submissions, ExerciseCatalog catalog,
             BatchOptions options, QObject *parent = nullptr);
    /// Cancels a running batch and waits for its processes to be gone.
    ~BatchJob() override;

    void start();
    void setPaused(bool paused);
    bool isPaused() const { return m_control.paused; }
    /// Stops soon: running programs are killed, their submissions stay ungraded.
    void cancel();
    bool isRunning() const { return m_running; }
    /// Valid after finished().
    const BatchSummary &summary() const { return m_summary; }

Q_SIGNALS:
    void progressChanged(const RaceGrade::BatchProgress &progress);
    /// A record was written to the session (read it from the session to show it).
    void recordSaved(const QString &studentKey, const QString &exercise);
    void finished();

private:
    QString m_sessionPath;
    QVector<SubmissionRecord> m_submissions;
    ExerciseCatalog m_catalog;
    BatchOptions m_options;
    BatchSummary m_summary;
    BatchControl m_control;
    bool m_running = false;
    std::thread m_thread;
};

} // namespace RaceGrade

Q_DECLARE_METATYPE(RaceGrade::BatchProgress)
