#include "batchjob.h"

#include "gradingsession.h"

#include <QMetaObject>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace RaceGrade {

namespace {

/// Makes the calling thread, the threads it starts and the programs they run yield the CPU to
/// the rest of the process: a window that owns the job stays responsive while every core builds
/// and runs student code. On Linux the nice value belongs to a thread and is inherited.
void lowerPriority()
{
#ifdef Q_OS_LINUX
    // The lowest priority: the window's thread, at its own, then gets the CPU whenever it wants
    // it, and it hardly wants any.
    constexpr int lowest = 19;
    setpriority(PRIO_PROCESS, gettid(), lowest);
#endif
}

} // namespace

BatchJob::BatchJob(QString sessionPath, QVector<SubmissionRecord> submissions,
                   ExerciseCatalog catalog, BatchOptions options, QObject *parent)
    : QObject(parent)
    , m_sessionPath(std::move(sessionPath))
    , m_submissions(std::move(submissions))
    , m_catalog(std::move(catalog))
    , m_options(std::move(options))
{
    qRegisterMetaType<RaceGrade::BatchProgress>();
}

BatchJob::~BatchJob()
{
    m_control.cancelled = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void BatchJob::start()
{
    if (m_running || m_thread.joinable()) {
        return;
    }
    m_running = true;
    m_control.cancelled = false;
    m_thread = std::thread([this] {
        lowerPriority();
        BatchSummary summary;
        {
            // The session connection belongs to this thread and is closed before it ends.
            const Expected<std::shared_ptr<GradingSession>> session =
                GradingSession::open(m_sessionPath);
            if (!session) {
                summary.errors.append(session.error());
                summary.remaining = int(m_submissions.size());
            } else {
                const auto progress = [this](const BatchProgress &step) {
                    // Queued to the job's thread; dropped if the job is destroyed first.
                    QMetaObject::invokeMethod(
                        this,
                        [this, step] {
                            Q_EMIT progressChanged(step);
                            if (!step.lastStudentKey.isEmpty()) {
                                Q_EMIT recordSaved(step.lastStudentKey, step.lastExercise);
                            }
                        },
                        Qt::QueuedConnection);
                };
                summary = BatchGrader::run(m_submissions, m_catalog, *session.value(), m_options,
                                           progress, &m_control);
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, summary = std::move(summary)]() mutable {
                if (m_thread.joinable()) {
                    m_thread.join();
                }
                m_summary = std::move(summary);
                m_running = false;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
}

void BatchJob::setPaused(bool paused)
{
    m_control.paused = paused;
}

void BatchJob::cancel()
{
    m_control.cancelled = true;
}

} // namespace RaceGrade
