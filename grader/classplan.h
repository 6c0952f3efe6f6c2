#pragma once

#include "classfolder.h"
#include "language.h"
#include "submissionrecord.h"

#include <QString>
#include <QVector>

namespace RaceGrade {

/// How a class folder is laid out.
enum class ClassLayout
{
    Folders,  ///< one subfolder per student, named after the student
    Archives, ///< one .zip/.tar/.tar.gz per student
    Canvas,   ///< Canvas's download: "name_userid_submissionid_original" flattened in one folder
    Moodle,   ///< Moodle's: "Full Name_12345_assignsubmission_file_/..." folders
    Mixed,    ///< student folders and archives side by side
    Empty,    ///< nothing to grade
};

/// "folders", "archives", "canvas", "moodle", "mixed", "empty".
QString classLayoutId(ClassLayout layout);
/// Parses the ids above.
std::optional<ClassLayout> classLayoutFromId(QStringView id);

/// One source file of a student, and the exercise it was taken for.
struct PlannedFile
{
    QString relativePath; ///< in the class folder: "Ana Lee/counter.go", "bob.zip/src/a.cpp"
    QString absolutePath; ///< where its bytes are: the class folder or the scratch folder
    Language language = Language::Go;
    QString exercise;       ///< exercise id; empty when no exercise fits
    QString reason;         ///< why that exercise (or why none), in words a TA can check
    bool chosen = false;    ///< graded for (student, exercise); false for a second candidate
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

    /// One record per chosen file: student, exercise, language, path, reason, hash and bytes,
    /// not graded yet. Sorted by student key, then exercise.
    QVector<SubmissionRecord> submissions() const;
    /// The student with this key, or nullptr.
    const PlannedStudent *student(const QString &key) const;
};

} // namespace RaceGrade
