#pragma once

#include "grade.h"
#include "language.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace RaceGrade {

/// A teaching assistant's own score for one submission, which replaces the computed one.
struct ScoreOverride
{
    int score = 0;
    QString comment;
    QString author;
    QDateTime when; ///< UTC

    bool operator==(const ScoreOverride &other) const = default;
};

/// One student's file for one exercise in a class grading, and what became of it.
struct SubmissionRecord
{
    QString studentKey;  ///< unique in the class (see ClassFolder): "ana lee", "ana lee (2)"
    QString studentName; ///< as the folder, archive or platform names the student
    QString studentId;   ///< the course platform's id where the layout names one; else empty
    QString exercise;    ///< exercise id
    Language language = Language::Go;
    QString sourcePath;     ///< relative to the class folder: "Ana Lee/counter.go"
    QString mappingReason;  ///< why this file is for this exercise: "named safe_counter.go"
    QByteArray contentHash; ///< SHA-256 of the file's bytes, hex
    QByteArray source;      ///< the file's bytes, as graded
    bool graded = false;    ///< grade holds a finished grading of exactly these bytes
    Grade grade;
    QDateTime gradedAt; ///< UTC; when `grade` was made (kept when an identical file reuses it)
    std::optional<ScoreOverride> override;
    QStringList identicalTo; ///< keys of other students who handed in the very same bytes

    /// The score that counts: the override when there is one, else the grade's.
    int effectiveScore() const { return override ? override->score : (graded ? grade.score : 0); }
    int maxScore() const { return grade.maxScore; }

    bool operator==(const SubmissionRecord &other) const = default;
};

} // namespace RaceGrade
