#pragma once

#include "expected.h"
#include "grade.h"

#include <QJsonArray>
#include <QJsonObject>

namespace RaceGrade {

/// Writes grades as JSON and reads them back unchanged. The field names are documented in the
/// README ("JSON output") and are what `racegrade-cli grade --json` prints.
class GradeJson
{
public:
    static QJsonObject toJson(const Grade &grade);
    static Expected<Grade> fromJson(const QJsonObject &object);

    static QJsonArray racesToJson(const QVector<RaceFinding> &races);
    static QJsonArray problemsToJson(const QVector<Problem> &problems);
    static QJsonArray diagnosticsToJson(const QVector<Diagnostic> &diagnostics);
    static QString severityId(Severity severity);
};

} // namespace RaceGrade
