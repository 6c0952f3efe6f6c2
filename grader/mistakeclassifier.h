#pragma once

#include "grade.h"

#include <QStringList>

namespace RaceGrade {

/// Puts races into words: what happened, in plain language, and, where the race matches a
/// mistake students often make, the idea that fixes it. Pure: reads only the finding and the
/// student's source lines.
class MistakeClassifier
{
public:
    /// Fills explanation, mistake and hint of every finding.
    static void annotate(QVector<RaceFinding> &findings, const QStringList &sourceLines,
                         Language language);

    /// The variable a line most likely touches ("c.count" in "c.count++"), or empty.
    static QString accessedVariable(const QString &line);
};

} // namespace RaceGrade
