#pragma once

#include "submissionarchive.h"

#include <QString>
#include <QVector>

namespace RaceGrade {

/// One source file of a submission.
struct SubmissionFile
{
    QString relativePath; ///< as the teacher sees it: "Ana/main.go", "bob.zip/src/main.cpp"
    QString absolutePath; ///< where to read it: in the class folder, or in the scratch folder
};

/// One student's work: a folder or an archive in the class folder.
struct StudentSubmission
{
    QString name;   ///< the folder name, or the archive name without its extension
    QString key;    ///< unique within the scan: the name in NFC and case folded, "(2)" on clashes
    QString origin; ///< the folder or archive, relative to the class folder
    bool fromArchive = false;
    QVector<SubmissionFile> sources; ///< the .go, .cpp, .cc and .cxx files, sorted by path
};

/// Something in the class folder that was skipped or is suspicious.
struct InputProblem
{
    QString path;    ///< relative to the class folder; "bob.zip" for a problem inside that archive
    QString message; ///< a sentence that names the file and what is wrong with it
};

/// Everything a scan of a class folder found.
struct ClassScan
{
    QVector<StudentSubmission> students; ///< sorted by key
    QVector<InputProblem> problems;      ///< in the order they were found
};

/// How ClassFolder::scan treats archives.
struct ClassScanOptions
{
    /// Each archive is extracted into its own new subfolder of this folder; when empty, archives
    /// are reported and not read.
    QString scratchDir;
    ArchiveLimits archiveLimits;
};

/// Reads a teacher's class folder: one subfolder or one archive per student.
class ClassFolder
{
public:
    /// Lists the students of `classDir` and their source files. Never follows a symbolic link,
    /// skips hidden files and macOS litter silently, and reports everything else it skips.
    static ClassScan scan(const QString &classDir, const ClassScanOptions &options = {});

    /// The extensions of the source files a submission is made of.
    static bool isSourceName(const QString &fileName);

    /// `name` in Unicode NFC and case folded: the form two names are compared in.
    static QString nameKey(const QString &name);
};

} // namespace RaceGrade
