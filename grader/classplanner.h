#pragma once

#include "classplan.h"
#include "exercise.h"

#include <QPair>

namespace RaceGrade {

/// Turns a class folder into a plan: detects the layout, finds each student's files, and maps
/// each file to an exercise, by its name first and then by what it defines.
class ClassPlanner
{
public:
    /// Scans classDir; archives are unpacked into scratchDir, which must outlive the use of the
    /// plan's absolute paths (the plan keeps every file's bytes itself). Where a student has
    /// several files for one exercise, one is chosen: one the TA assigned, else one named for
    /// the exercise over one that only defines what it asks for, then one that also defines
    /// it, then Canvas's later upload, then the larger, then the later path.
    static ClassPlan plan(const QString &classDir, const QVector<Exercise> &exercises,
                          const QString &scratchDir, const ArchiveLimits &limits = {});

    /// The exercise a file is for and why; an empty id (with the reason) when none fits. Looks
    /// at the file name, then the folders on its path, then the types and functions the
    /// content defines (the manifest's `match` field, see exercises/README.md). `namedAs` is
    /// the path inside the student's submission, or the name Canvas kept (see
    /// SubmissionFile::namedAs); its extension gives the language. Pure.
    static QPair<QString, QString> exerciseFor(const QString &namedAs, const QByteArray &content,
                                               const QVector<Exercise> &exercises);

    /// The TA's correction: file `relativePath` is for `exercise` (empty: for none). The file
    /// becomes the chosen one for that exercise and a file chosen before it is set aside; the
    /// exercise it leaves gets its best remaining file. Returns false when no file of the plan
    /// has that path.
    static bool assign(ClassPlan &plan, const QString &relativePath, const QString &exercise);
};

} // namespace RaceGrade
