#pragma once

#include "classresults.h"
#include "expected.h"

#include <QJsonObject>
#include <QMap>

namespace RaceGrade {

/// What a session JSON document holds, read back.
struct SessionData
{
    QMap<QString, QString> settings;
    QVector<RosterEntry> roster;
    QVector<SubmissionRecord> records;
};

/// The whole grading session as one JSON document: settings, roster, every record with its
/// grade (as GradeJson writes it), overrides and identical-file flags. Pure.
///
/// The document: `format` ("racegrade-session"), `version` (1), `settings` (an object of
/// strings), `roster` (`id`, `name`, `email`, `section`) and `records`, each with
/// `student_key`, `student_name`, `student_id`, `exercise`, `language`, `source_path`,
/// `mapping_reason`, `content_hash`, `source` (the file as text, or `source_base64` when its
/// bytes are not UTF-8), `graded`, `graded_at`, `grade`, `override` (`score`, `comment`,
/// `author`, `when`; null when none) and `identical_to`. Times are ISO 8601 in UTC.
class SessionJson
{
public:
    static QJsonObject toJson(const QMap<QString, QString> &settings,
                              const QVector<RosterEntry> &roster,
                              const QVector<SubmissionRecord> &records);
    /// Reads a document toJson wrote; every record comes back equal to the one written.
    static Expected<SessionData> fromJson(const QJsonObject &object);
};

} // namespace RaceGrade
