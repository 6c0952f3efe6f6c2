#pragma once

#include "exercise.h"
#include "expected.h"

namespace RaceGrade {

/// Exercises found in a set of folders, and what was wrong with those that could not be loaded.
struct ExerciseCatalog
{
    QVector<Exercise> exercises; ///< sorted by order, then id; the first folder wins on equal ids
    QStringList errors;          ///< one message per manifest that could not be loaded

    const Exercise *find(QStringView id) const;
};

/// Reads exercise folders (a manifest `exercise.json` plus the files it names).
class ExerciseLoader
{
public:
    /// Loads the exercise whose manifest is `<directory>/exercise.json`.
    static Expected<Exercise> loadExercise(const QString &directory);

    /// Loads every exercise under each root: a root is either an exercise folder itself or a
    /// folder whose subfolders are exercises. Later roots do not replace earlier ids.
    static ExerciseCatalog loadCatalog(const QStringList &roots);

    /// The folders searched when the user names none: $RACEGRADE_EXERCISES_DIR, the installed
    /// exercise pack, and the pack in the source tree this build came from.
    static QStringList defaultRoots();
};

} // namespace RaceGrade
