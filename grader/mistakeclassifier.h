#pragma once

#include "grade.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>
#include <utility>

namespace RaceGrade {

/// Puts races into words: what happened, in plain language, and, where the race matches a
/// mistake students often make, the idea that fixes it. Pure: reads only the finding and the
/// student's source lines.
class MistakeClassifier
{
    Q_DECLARE_TR_FUNCTIONS(MistakeClassifier)

public:
    /// Fills explanation, mistake and hint of every finding.
    static void annotate(QVector<RaceFinding> &findings, const QStringList &sourceLines,
                         Language language);

    /// The known mistake behind a runtime problem, such as a WaitGroup reused because Add ran
    /// inside the goroutine; nullopt when none matches. Returns {mistake id, hint}.
    static std::optional<std::pair<QString, QString>> classifyProblem(const Problem &problem);

    /// Gives failed checks that have no hint of their own the hint of the grade's first known
    /// mistake: the same mistake usually breaks the output, the exit and the race checks at once.
    static void shareHint(QVector<CheckResult> &checks, const QVector<RaceFinding> &races,
                          const QVector<Problem> &problems);

    /// The variable a line most likely touches ("c.count" in "c.count++"), or empty.
    static QString accessedVariable(const QString &line);
};

} // namespace RaceGrade
