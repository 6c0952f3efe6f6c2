#pragma once

#include "classlayoutdetector.h"
#include "exercisematcher.h"
#include "expected.h"
#include "language.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

namespace RaceGrade::TestSupport {

/// What a generated file stands for.
enum class FileKind
{
    Correct,      ///< a corpus case that passes
    Racy,         ///< a corpus case with a data race
    Failing,      ///< a corpus case that fails some other way (no wait, renamed method, ...)
    CompileError, ///< does not build: a corpus case, or a correct file with a line of prose added
    Empty,        ///< an empty file
    Binary,       ///< bytes that are not text
    Unmappable,   ///< a helper file that fits no exercise
};

/// "correct", "racy", "failing", "compile-error", "empty", "binary", "unmappable".
QString fileKindId(FileKind kind);

/// One file the generator wrote, and what reading and grading it must give.
struct GeneratedFile
{
    QString relativePath; ///< as ClassPlanner names it: "Ana Lee/safe_counter.go"
    QString exercise;     ///< the exercise the planner must take it for; empty: none
    Language language = Language::Go;
    FileKind kind = FileKind::Correct;
    QString corpusCase; ///< its case in tests/grading/data/cases.json; empty when made up here
    /// What grading it gives: "pass" or "fail"; empty for a file that is not graded.
    QString verdict;
    /// Its score lies in [minScore, maxScore]: exact for passing, broken and empty files, a
    /// range from the case's mustPass and mustFail checks otherwise.
    int minScore = 0;
    int maxScore = 0;
    ExerciseMatch matchedBy = ExerciseMatch::None; ///< what the planner must match it by
    bool chosen = false; ///< the planner must grade it for (student, exercise)
    QByteArray content;
    QByteArray contentHash; ///< SHA-256 of content, hex
    /// Keys of the other students whose chosen file for the same exercise has the same bytes.
    QStringList identicalTo;
};

/// One student of a generated class.
struct GeneratedStudent
{
    QString key;        ///< as ClassFolder keys the student
    QString name;       ///< as the layout names the student (Canvas: "leeana")
    QString fullName;   ///< the person: "Ana Lee", "García, Zoë"
    QString platformId; ///< Canvas user id or Moodle participant id; empty otherwise
    QString email;      ///< ASCII, made from the name: "zoe.garcia@example.edu"
    QString section;
    QString origin; ///< as ClassPlanner gives it
    bool late = false;
    QVector<GeneratedFile> files; ///< sorted by relative path
    QStringList missing;          ///< exercises the student handed nothing in for

    /// The file chosen for `exercise`, or nullptr.
    const GeneratedFile *chosenFile(const QString &exercise) const;
};

/// The shapes of roster the generator writes.
enum class RosterStyle
{
    Generic, ///< id,name,email,section
    Canvas,  ///< Student,ID,SIS User ID,SIS Login ID,Section and a "Points Possible" line
    Moodle,  ///< Identifier,Full name,Email address ("Participant 12345")
};

/// A class written to a folder, and what must be found in it.
struct GeneratedClass
{
    ClassLayout layout = ClassLayout::Empty;
    quint32 seed = 0;
    QString directory;
    QVector<GeneratedStudent> students; ///< sorted by key
    QStringList setAside;               ///< relative paths the planner must set aside, sorted

    const GeneratedStudent *student(const QString &key) const;
    /// How many (student, exercise) submissions the planner must find.
    int submissionCount() const;
    /// The class's roster as a CSV file of that style, every student once, in key order.
    QByteArray rosterCsv(RosterStyle style = RosterStyle::Generic) const;
};

/// Writes classes of students for the tests of everything that reads, grades or exports a
/// class, from the project's own graded examples (tests/grading/data), so that what each file
/// must score is known.
class ClassGenerator
{
public:
    struct Options
    {
        int students = 32;
        /// Also use the corpus cases that take long to grade (timeouts, sequential fetches).
        bool slowCases = false;
    };

    /// Writes a class in `layout` (not Empty) into `directory`, which must be empty or absent.
    /// The same seed gives the same class, byte for byte. Among the students there are always
    /// correct, racy, broken (compile error, empty, binary), missing and identical submissions
    /// in Go and C++ for each exercise, a student with two files for one exercise, one with a
    /// file that fits no exercise, files named for their exercise in every style and files
    /// known only by what they define, non-ASCII names, a name with a comma and one with
    /// quotes; Canvas classes have late and re-uploaded files, Moodle ones online text.
    static Expected<GeneratedClass> write(const QString &directory, ClassLayout layout,
                                          quint32 seed, const Options &options);
    static Expected<GeneratedClass> write(const QString &directory, ClassLayout layout,
                                          quint32 seed)
    {
        return write(directory, layout, seed, Options());
    }

    /// tests/grading/data of the source tree.
    static QString corpusDir();
};

} // namespace RaceGrade::TestSupport
