#pragma once

#include "grader.h"

#include <QObject>
#include <atomic>
#include <memory>
#include <thread>

namespace RaceGrade {

/// Runs one grading on a thread of its own and reports back on the thread that owns the job, so
/// that a window stays responsive whatever the submission does.
class GradingJob : public QObject
{
    Q_OBJECT

public:
    explicit GradingJob(GradeRequest request, QObject *parent = nullptr);
    /// Cancels a running grading and waits for its processes to be gone.
    ~GradingJob() override;

    void start();
    /// Stops the grading soon: running programs are killed, no new run starts.
    void cancel();
    bool isRunning() const { return m_running; }
    /// Valid after finished().
    const Grade &grade() const { return m_grade; }

Q_SIGNALS:
    void progressChanged(int done, int total, const QString &stage);
    /// Output of a GradeMode::SingleRun as it arrives.
    void outputReceived(const QString &text, bool isError);
    void finished();

private:
    GradeRequest m_request;
    Grade m_grade;
    std::atomic_bool m_cancelled{false};
    bool m_running = false;
    std::thread m_thread;
};

} // namespace RaceGrade
