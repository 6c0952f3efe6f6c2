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
};

/// Reads roster CSV files and matches them with the students of a class. Pure.
class RosterReader
{
public:
    /// Parses a roster: a header row naming the columns (id, name, email and optionally
    /// section, in any order and under the names course platforms use: "Student ID", "SIS User
    /// ID", "Full name", "Email address", ...), then one student per row. RFC 4180 quoting,
    /// a UTF-8 byte-order mark, CRLF ends and `;` as separator are understood. Fails, naming
    /// `fileName`, only when no row can be used at all.
    static Expected<Roster> parse(const QByteArray &csv, const QString &fileName);

    /// Matches students (key, name, platform id) with the roster: by id first, then by name
    /// compared as ClassFolder::nameKey does, then by an e-mail whose local part is the name.
    struct Student
    {
        QString key;
        QString name;
        QString platformId;
    };
    static RosterMatch match(const QVector<Student> &students, const QVector<RosterEntry> &roster);
};

} // namespace RaceGrade
