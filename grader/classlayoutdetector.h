#pragma once

#include <QString>
#include <QStringView>
#include <QVector>
#include <optional>

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

/// A file name of Canvas's "Download Submissions": "leeana_48213_2291887_safe_counter.go", or
/// "leeana_LATE_48213_2291887_counter-1.go" for a late one that was uploaded twice.
struct CanvasFileName
{
    QString name;         ///< "leeana": Canvas writes the last and first names, lower case
    bool late = false;    ///< the "_LATE" mark
    QString userId;       ///< "48213"
    QString submissionId; ///< "2291887"
    QString original;     ///< the name the student uploaded, as Canvas kept it: "counter-1.go"
    int revision = 0;     ///< 1 for "counter-1.go": Canvas numbers a name uploaded again
};

/// A folder (or, in the flat download, file) name of Moodle's "Download all submissions":
/// "Ana Lee_12345_assignsubmission_file_" or "Ana Lee_12345_assignsubmission_file_counter.go".
struct MoodleEntryName
{
    QString name;          ///< "Ana Lee"
    QString participantId; ///< "12345"
    QString plugin;        ///< "file", "onlinetext", ...
    QString rest;          ///< after the plugin's underscore: empty for a folder
};

/// One entry at the top of a class folder, as the detector needs to know it.
struct LayoutEntry
{
    QString name;
    bool folder = false;
    bool file = false; ///< a regular file; links and devices are neither
};

/// The layout found, and why, in a sentence for the TA.
struct LayoutGuess
{
    ClassLayout layout = ClassLayout::Empty;
    QString reason; ///< "38 of 40 entries are folders named the way Moodle names them"
};

/// Recognises the layouts of class folders and the names course platforms give. Pure.
class ClassLayoutDetector
{
public:
    /// The layout that most of `entries` follow: Moodle or Canvas when at least half of the
    /// entries are named the way that platform names them, else folders, archives or both.
    static LayoutGuess detect(const QVector<LayoutEntry> &entries);

    /// Parses a Canvas download's file name; nullopt when the name is not of that shape.
    static std::optional<CanvasFileName> parseCanvas(const QString &fileName);

    /// Parses a Moodle download's folder or file name; nullopt when it is not of that shape.
    static std::optional<MoodleEntryName> parseMoodle(const QString &entryName);

    /// The number Canvas appends to a name uploaded again ("counter-2.go" gives 2), else 0.
    static int canvasRevision(const QString &originalName);
};

} // namespace RaceGrade
