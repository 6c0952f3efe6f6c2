#pragma once

#include "exercise.h"
#include "roster.h"
#include "submissionrecord.h"

#include <QMap>
#include <QVector>
#include <optional>

namespace RaceGrade {

/// One exercise column of a class's gradebook.
struct GradebookColumn
{
    QString exercise; ///< id
    QString title;
    int maxPoints = 0;

    bool operator==(const GradebookColumn &other) const = default;
};

/// One student's line of a class's gradebook: identity and one record per exercise handed in.
struct StudentResults
{
    QString key;        ///< empty for a roster entry with no submission at all
    QString name;       ///< from the roster when it lists the student, else as found
    QString id;         ///< roster id, else the platform's id
    QString platformId; ///< the course platform's id from the submission (Canvas user id, ...)
    QString email;      ///< from the roster
    QString section;    ///< from the roster
    bool inRoster = false;
    QMap<QString, SubmissionRecord> byExercise; ///< exercise id -> record

    /// The points that count for one exercise: 0 when nothing was handed in.
    int score(const QString &exercise) const;
    int total() const;
    bool submitted(const QString &exercise) const { return byExercise.contains(exercise); }
    /// Whether the exercise has a score to report: a TA's override, or a finished grading
    /// (not one that failed for reasons of its own, such as a missing toolchain).
    bool hasScore(const QString &exercise) const;
};

/// A class's results, ready to show or export: a line per student (roster order first, then
/// students the roster does not list), a column per exercise. A plain value; building it is pure.
struct ClassResults
{
    QVector<GradebookColumn> columns;
    QVector<StudentResults> students;
    /// "bob: not on the roster", "carla@uni.edu: submitted nothing", "ana, counter: not
    /// graded yet", "ana, counter: could not be graded: ..."
    QStringList warnings;

    int maxTotal() const;

    /// Columns are the catalog's exercises that some record is for, in catalog order, then any
    /// exercise the catalog lacks (its id as title, the highest maximum of its grades), by id.
    /// Students are matched with the roster by platform id, then name, then e-mail local part.
    static ClassResults build(const QVector<SubmissionRecord> &records,
                              const QVector<RosterEntry> &roster, const QVector<Exercise> &catalog);
};

} // namespace RaceGrade
