#pragma once

#include "exercise.h"
#include "submissionrecord.h"

#include <QSet>
#include <functional>

namespace RaceGrade {

/// Turns source code into HTML: the body of a <pre>, one line per '\n', with the text escaped.
/// The app's reports pass KSyntaxHighlighting's; the default only escapes.
using SourceToHtml = std::function<QString(const QString &source, Language language)>;

/// A student's feedback page: the score and any override with its comment, each check with its
/// reason and hint, each race with both accesses and their stacks, problems, compiler messages,
/// and the source with line numbers, the lines of every race marked. Pure given `highlight`.
class FeedbackHtml
{
public:
    /// One self-contained HTML page (inline style sheet, UTF-8). `exercises` are the class's
    /// exercises in the order to show them; one the student handed nothing in for says so, and
    /// a record for an exercise not in the list comes after them. The race lines of the source
    /// are spans of class "race-this" (the access a report names first) or "race-other" (the
    /// other access), coloured as the app's editor marks them. `highlight` must close its
    /// tags at the end of every line.
    static QString page(const QString &studentName, const QVector<SubmissionRecord> &records,
                        const QVector<Exercise> &exercises, const SourceToHtml &highlight = {});

    /// The lines of the student's file that a grade marks (both sides of every race in it).
    static QSet<int> raceLines(const Grade &grade);
    /// Escapes text for HTML.
    static QString escaped(const QString &text);
};

} // namespace RaceGrade
