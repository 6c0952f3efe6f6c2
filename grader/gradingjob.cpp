#include "gradingjob.h"

#include <QMetaObject>

namespace RaceGrade {

GradingJob::GradingJob(GradeRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{}

GradingJob::~GradingJob()
{
    m_cancelled = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void GradingJob::start()
{
    if (m_running || m_thread.joinable()) {
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_thread = std::thread([this] {
        const auto progress = [this](const GradeProgress &step) {
            // Queued to the job's thread; dropped if the job is destroyed first.
            QMetaObject::invokeMethod(
                this, [this, step] { Q_EMIT progressChanged(step.done, step.total, step.stage); },
                Qt::QueuedConnection);
        };
        const auto output = [this](const QString &text, bool isError) {
            QMetaObject::invokeMethod(
                this, [this, text, isError] { Q_EMIT outputReceived(text, isError); },
                Qt::QueuedConnection);
        };
        Grade grade = Grader::grade(m_request, progress, &m_cancelled, output);
        QMetaObject::invokeMethod(
            this,
            [this, grade = std::move(grade)]() mutable {
                if (m_thread.joinable()) {
                    m_thread.join();
                }
                m_grade = std::move(grade);
                m_running = false;
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    });
}

void GradingJob::cancel()
{
    m_cancelled = true;
}

} // namespace RaceGrade
