#pragma once

#include "expected.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace RaceGrade {

/// One line of a course roster.
struct RosterEntry
{
    QString id;    ///< the course platform's student id (also its SIS id where it has one)
    QString name;  ///< full name, matched against the submission's student name
    QString email; ///< also the login id where a platform wants one
    QString section;

    bool operator==(const RosterEntry &other) const = default;
};

/// A roster read from a CSV file, and the lines of it that could not be used.
struct Roster
{
    QVector<RosterEntry> entries;
    QStringList warnings; ///< "roster.csv:7: no name or id; line skipped"
};

/// How the students found in a class folder line up with the roster.
struct RosterMatch
{
    QMap<QString, int> entryByStudentKey; ///< student key -> index into the roster's entries
    QVector<int> withoutSubmission;       ///< roster entries no student folder matched
    QStringList unknownStudents;          ///< student keys the roster does not list
    /// Matches that were left undone because they were not clear: "the roster lists two
    /// students named Ana Lee (lines of ids 1 and 2); ana lee is not matched by name".
    QStringList warnings;
};

/// Reads roster CSV files and matches them with the students of a class. Pure.
class RosterReader
{
public:
    /// Parses a roster: a header row naming the columns (id, name, email and optionally
    /// section, in any order and under the names course platforms use: "ID", "SIS User ID",
    /// "Student ID", "Identifier", "Student", "Full name", "First name" and "Last name", "Email
    /// address", "SIS Login ID", "Section", ...), then one student per row. The platform's own
    /// id ("ID", Moodle's "Participant 12345" as 12345) is preferred to an institution's. RFC
    /// 4180 quoting (separators, quotes and line breaks inside quoted fields), a UTF-8 or
    /// UTF-16 byte-order mark, any line end and `;` or tab as separator are understood; Canvas's
    /// "Points Possible" line is left out. Lines that cannot be used are skipped with a warning
    /// naming `fileName` and the line. Fails, naming `fileName`, only when no row can be used.
    static Expected<Roster> parse(const QByteArray &csv, const QString &fileName);

    /// Matches students (key, name, platform id) with the roster: by id first (the platform's
    /// id, or a folder named after the id), then by name compared as ClassFolder::nameKey does
    /// and also without spaces, punctuation and accents and in either order of "Last, First"
    /// (Canvas's "leeana" is "Lee, Ana"), then by an e-mail whose local part is the name. Each
    /// entry matches one student at most; a name two entries share matches neither.
    struct Student
    {
        QString key;
        QString name;
        QString platformId;
    };
    static RosterMatch match(const QVector<Student> &students, const QVector<RosterEntry> &roster);
};

} // namespace RaceGrade
