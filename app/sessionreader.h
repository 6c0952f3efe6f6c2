#pragma once

#include "roster.h"
#include "submissionrecord.h"

#include <QObject>
#include <atomic>
#include <thread>

namespace RaceGrade {

/// Reads every record and the roster of a session file on a thread of its own, with its own
/// connection, so that a window never waits for a large session. The records come without what
/// only one submission's view needs (see summaryOf).
class SessionReader : public QObject
{
    Q_OBJECT

public:
    explicit SessionReader(QObject *parent = nullptr);
    /// Waits for a read that is under way.
    ~SessionReader() override;

    /// Starts reading the session at `sessionPath`. A read asked for while another runs starts
    /// when that one ends; only the newest request is kept.
    void read(const QString &sessionPath);
    bool isReading() const { return m_reading; }

    /// A record without its source, run logs, compiler output and stacks: what the class table,
    /// its filters and the charts use.
    static SubmissionRecord summaryOf(SubmissionRecord record);

Q_SIGNALS:
    /// A read ended; `error` is empty when the session could be opened.
    void finished(const QVector<RaceGrade::SubmissionRecord> &records,
                  const QVector<RaceGrade::RosterEntry> &roster, const QString &error);

private:
    void start(const QString &sessionPath);

    bool m_reading = false;
    QString m_queuedPath;
    std::thread m_thread;
};

} // namespace RaceGrade
