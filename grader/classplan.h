#pragma once

#include "classfolder.h"
#include "exercisematcher.h"
#include "language.h"
#include "submissionrecord.h"

#include <QString>
#include <QVector>

namespace RaceGrade {

/// One source file of a student, and the exercise it was taken for.
struct PlannedFile
{
    QString relativePath; ///< in the class folder: "Ana Lee/counter.go", "bob.zip/src/a.cpp"
    QString absolutePath; ///< where its bytes are: the class folder or the scratch folder
    QString namedAs;      ///< the path that named it (see SubmissionFile::namedAs)
    Language language = Language::Go;
    QString exercise; ///< exercise id; empty when no exercise fits
    QString reason;   ///< why that exercise (or why none), in words a TA can check
    ExerciseMatch matchedBy = ExerciseMatch::None;
    bool contentAgrees = false; ///< it also defines what the exercise asks for
    int revision = 0;           ///< Canvas's number for a name uploaded again, else 0
    int handOrder = 0;          ///< for matchedBy Hand: the later of two corrections has the larger
    bool chosen = false;        ///< graded for (student, exercise); false for a second candidate
    /// Why this file and not another was taken for its exercise, or why it is not graded
    /// although it fits ("chosen over a.go: its name names safe-counter"); empty when it had no
    /// rival.
    QString choice;
    QByteArray contentHash; ///< SHA-256 of the bytes, hex
    QByteArray source;      ///< the bytes (at most SourceInspector::maxSourceBytes + 1 of them)

    bool operator==(const PlannedFile &other) const = default;
};

/// One student of the class, with every source file found for them.
struct PlannedStudent
{
    QString key;        ///< unique in the class, see ClassFolder::nameKey
    QString name;       ///< as the layout names the student: "Ana Lee"
    QString platformId; ///< Canvas user id or Moodle participant id; empty for plain folders
    QString origin;     ///< the folder, archive or (Canvas) first file, relative to the class
    bool late = false;  ///< Canvas marked the submission late
    QVector<PlannedFile> files; ///< sorted by relative path

    bool operator==(const PlannedStudent &other) const = default;
};

/// What a class folder holds, mapped to exercises: the work of a batch before anything is built.
struct ClassPlan
{
    QString classDir;
    ClassLayout layout = ClassLayout::Empty;
    QString layoutReason; ///< "41 of 42 entries are folders named like Moodle's", for the TA
    QVector<PlannedStudent> students; ///< sorted by key; also those with no usable file
    QVector<InputProblem> problems;   ///< what was skipped or could not be mapped, and why
    QVector<InputProblem> setAside;   ///< files that are not code, left out on purpose

    /// One record per chosen file: student, exercise, language, path, reason (with the
    /// choice), hash and bytes, not graded yet. Sorted by student key, then exercise.
    QVector<SubmissionRecord> submissions() const;
    /// The student with this key, or nullptr.
    const PlannedStudent *student(const QString &key) const;
};

} // namespace RaceGrade
