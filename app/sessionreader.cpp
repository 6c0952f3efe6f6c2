#include "sessionreader.h"

#include "classviewlogging.h"
#include "gradingsession.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace RaceGrade {

SessionReader::SessionReader(QObject *parent)
    : QObject(parent)
{}

SessionReader::~SessionReader()
{
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

SubmissionRecord SessionReader::summaryOf(SubmissionRecord record)
{
    record.source.clear();
    record.grade.logs.clear();
    record.grade.compile.output.clear();
    record.grade.compile.diagnostics.clear();
    for (RaceFinding &race : record.grade.races) {
        race.rawReport.clear();
        race.creationStacks.clear();
        for (RaceAccessSite &access : race.accesses) {
            access.stack = Stack();
        }
    }
    return record;
}

void SessionReader::read(const QString &sessionPath)
{
    if (m_reading) {
        m_queuedPath = sessionPath;
        return;
    }
    start(sessionPath);
}

void SessionReader::start(const QString &sessionPath)
{
    if (m_thread.joinable()) {
        m_thread.join();
    }
    m_reading = true;
    m_thread = std::thread([this, sessionPath] {
        QVector<SubmissionRecord> records;
        QVector<RosterEntry> roster;
        QString error;
        QElapsedTimer clock;
        clock.start();
        {
            const Expected<std::shared_ptr<GradingSession>> session =
                GradingSession::open(sessionPath);
            if (session) {
                const QVector<SubmissionRecord> all = session.value()->records();
                records.reserve(all.size());
                for (const SubmissionRecord &record : all) {
                    records.append(summaryOf(record));
                }
                roster = session.value()->roster();
            } else {
                error = session.error();
            }
        }
        qCDebug(lcClassView) << "read" << records.size() << "records of" << sessionPath << "in"
                             << clock.elapsed() << "ms";
        // Delivered on the reader's thread; dropped when the reader is gone by then.
        QMetaObject::invokeMethod(
            this,
            [this, records = std::move(records), roster = std::move(roster), error] {
                if (m_thread.joinable()) {
                    m_thread.join();
                }
                m_reading = false;
                Q_EMIT finished(records, roster, error);
                if (!m_queuedPath.isEmpty()) {
                    const QString next = std::exchange(m_queuedPath, QString());
                    start(next);
                }
            },
            Qt::QueuedConnection);
    });
}

} // namespace RaceGrade
