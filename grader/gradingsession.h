#pragma once

#include "expected.h"
#include "roster.h"
#include "submissionrecord.h"

#include <QMap>
#include <QString>
#include <QVector>
#include <memory>
#include <optional>

namespace RaceGrade {

/// A class grading kept in one SQLite file: every submission with its grade, the TA's
/// overrides, the roster and a few settings. Each saved record is committed at once, so a
/// crash loses nothing that was saved.
///
/// One object is one database connection and belongs to the thread that opened it; another
/// thread opens the same file again (SQLite lets them share it).
class GradingSession
{
public:
    /// Opens the session file, creating it (and its tables) when it does not exist.
    static Expected<std::shared_ptr<GradingSession>> open(const QString &path);
    ~GradingSession();
    GradingSession(const GradingSession &) = delete;
    GradingSession &operator=(const GradingSession &) = delete;

    QString path() const { return m_path; }

    /// A setting of the session ("class_dir", "runs", "shard"); empty when not set.
    QString setting(const QString &name) const;
    /// Returns an error text, or empty.
    QString setSetting(const QString &name, const QString &value);
    /// Every setting.
    QMap<QString, QString> settings() const;

    /// Every record, sorted by student key and exercise.
    QVector<SubmissionRecord> records() const;
    std::optional<SubmissionRecord> record(const QString &studentKey,
                                           const QString &exercise) const;
    /// Inserts or replaces the record of (studentKey, exercise). The stored override is kept
    /// when `record` has none: a regrade never loses a TA's score. Returns an error, or empty.
    QString saveRecord(const SubmissionRecord &record);
    /// Saves several records in one transaction (much faster than one by one).
    QString saveRecords(const QVector<SubmissionRecord> &records);
    /// Removes one record and its override.
    QString removeRecord(const QString &studentKey, const QString &exercise);
    /// Sets each record's identicalTo to the other students whose file for the same exercise
    /// and language has the same bytes. Returns an error, or empty.
    QString refreshIdenticalFlags();
    /// Sets or (with nullopt) removes the TA's score for one submission.
    QString setOverride(const QString &studentKey, const QString &exercise,
                        const std::optional<ScoreOverride> &override);

    QVector<RosterEntry> roster() const;
    /// Replaces the roster.
    QString setRoster(const QVector<RosterEntry> &roster);

    /// Copies every record, override, roster entry and setting of the sessions at `inputs`
    /// into this one, then refreshes the identical-file flags across all of them. A record
    /// graded in several inputs is taken from the last of them.
    QString mergeFrom(const QStringList &inputs);

private:
    explicit GradingSession(const QString &path, const QString &connectionName);
    QString createTables();

    QString m_path;
    QString m_connectionName;
};

} // namespace RaceGrade
