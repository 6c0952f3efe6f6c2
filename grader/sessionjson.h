#pragma once

#include "classresults.h"

#include <QJsonObject>
#include <QMap>

namespace RaceGrade {

/// The whole grading session as one JSON document: settings, roster, every record with its
/// grade (as GradeJson writes it), overrides and identical-file flags. Pure.
class SessionJson
{
public:
    static QJsonObject toJson(const QMap<QString, QString> &settings,
                              const QVector<RosterEntry> &roster,
                              const QVector<SubmissionRecord> &records);
};

} // namespace RaceGrade
