#pragma once

#include "classresults.h"

#include <QByteArray>

namespace RaceGrade {

/// The gradebook shapes course platforms import.
enum class GradebookFormat
{
    Generic, ///< student id, name, email, one column per exercise, total, max
    Canvas,  ///< Student, ID, SIS User ID, SIS Login ID, Section, "Title (id)"..., with a
             ///< "Points Possible" row first
    Moodle,  ///< an identity column (email), one column per grade item, and a feedback column
             ///< for each
};

/// Writes a class's gradebook as CSV (RFC 4180: comma separated, CRLF line ends, fields with
/// commas, quotes or line breaks quoted, UTF-8). Pure.
class GradebookExport
{
public:
    static QByteArray csv(const ClassResults &results, GradebookFormat format);
    /// One field quoted as RFC 4180 wants it (only when needed).
    static QString csvField(const QString &value);
};

} // namespace RaceGrade
