#pragma once

#include "exercise.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace RaceGrade {

/// What told which exercise a file is for.
enum class ExerciseMatch
{
    None,       ///< nothing did: the file fits no exercise, or several equally
    FileName,   ///< the file's name ("safe_counter.go")
    FolderName, ///< a folder on its path ("config-once/main.go")
    Content,    ///< the types and functions it defines
    Hand,       ///< the TA said so
};

/// "none", "file-name", "folder-name", "content", "hand".
QString exerciseMatchId(ExerciseMatch match);

/// The exercise a file is taken for, and why.
struct ExerciseGuess
{
    QString exercise; ///< empty when none fits
    QString reason;   ///< "its name safe_counter.go names safe-counter", for the TA to check
    ExerciseMatch by = ExerciseMatch::None;
    /// The file also defines at least half of what the exercise's `match.defines` lists.
    bool contentAgrees = false;
};

/// Tells which exercise a student's file is for, from its name and the folders on its path
/// first, then from the types and functions it defines, as each exercise's `match` describes
/// them (see exercises/README.md). Pure.
class ExerciseMatcher
{
public:
    /// `namedAs` is the path that names the file (see SubmissionFile::namedAs); its extension
    /// gives the language. Only exercises with a version in that language are considered.
    static ExerciseGuess guess(const QString &namedAs, const QByteArray &content,
                               const QVector<Exercise> &exercises);

    /// A name cut into lower-case words at separators, case changes and digits:
    /// "SafeCounter_v2" gives "safe", "counter", "v", "2".
    static QStringList nameWords(const QString &name);
};

} // namespace RaceGrade
