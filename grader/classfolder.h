#pragma once

#include "classlayoutdetector.h"
#include "submissionarchive.h"

#include <QString>
#include <QVector>

namespace RaceGrade {

/// One source file of a submission.
struct SubmissionFile
{
    QString relativePath; ///< as the teacher sees it: "Ana/main.go", "bob.zip/src/main.cpp"
    QString absolutePath; ///< where to read it: in the class folder, or in the scratch folder
    /// The path that tells what the file is for: inside the student's folder or archive
    /// ("safe-counter/main.go"), the name Canvas kept ("counter-1.go"), an archive a student
    /// uploaded counting as a folder ("week3.zip/fetch.go" gives "week3/fetch.go").
    QString namedAs;
    int revision = 0; ///< Canvas's number for a name uploaded again ("counter-2.go": 2), else 0
};

/// One student's work: a folder or an archive in the class folder, or the files and folders a
/// course platform's download holds for one student.
struct StudentSubmission
{
    QString name;   ///< the folder name, the archive name without its extension, or the platform's
    QString key;    ///< unique within the scan: the name in NFC and case folded, "(2)" on clashes
    QString origin; ///< the folder or archive (Canvas: the first file), relative to the class
    QString platformId; ///< Canvas user id or Moodle participant id; empty for plain folders
    bool late = false;  ///< Canvas marked the submission late
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
    ClassLayout layout = ClassLayout::Empty;
    QString layoutReason;                ///< why that layout, for the TA
    QVector<StudentSubmission> students; ///< sorted by key
    QVector<InputProblem> problems;      ///< in the order they were found
    /// Students' files that are not code and were left out on purpose (notes, Moodle's online
    /// text, an archive inside an archive), each with a sentence that names it.
    QVector<InputProblem> setAside;
};

/// How ClassFolder::scan treats archives.
struct ClassScanOptions
{
    /// Each archive is extracted into its own new subfolder of this folder; when empty, archives
    /// are reported and not read.
    QString scratchDir;
    ArchiveLimits archiveLimits;
};

/// Reads a teacher's class folder: one subfolder or one archive per student, or a Canvas or
/// Moodle download (see ClassLayout).
class ClassFolder
{
public:
    /// Detects the layout of `classDir` and lists its students and their source files, also
    /// those in archives students uploaded into their folders. Never follows a symbolic link,
    /// unpacks every archive within the limits, skips hidden files and macOS litter silently,
    /// and reports everything else it skips.
    static ClassScan scan(const QString &classDir, const ClassScanOptions &options = {});

    /// The extensions of the source files a submission is made of.
    static bool isSourceName(const QString &fileName);

    /// `name` in Unicode NFC and case folded: the form two names are compared in.
    static QString nameKey(const QString &name);
};

} // namespace RaceGrade
