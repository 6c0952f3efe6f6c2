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
    /// The gradebook, a row per student of `results`. Scores are the effective ones (a TA's
    /// override counts); the cell of an exercise a student handed nothing in for, or that has
    /// no score yet (StudentResults::hasScore), is empty, as the platforms export missing work,
    /// and counts 0 in the generic sheet's total.
    static QByteArray csv(const ClassResults &results, GradebookFormat format);
    /// One field quoted as RFC 4180 wants it (only when needed; also when it starts or ends
    /// with white space, which some readers would trim).
    static QString csvField(const QString &value);
    /// A few plain lines on one graded submission: score, checks passed and failed, races and
    /// problems with their lines, and a TA's override with its comment. For feedback columns.
    static QString feedback(const SubmissionRecord &record);
};

} // namespace RaceGrade
