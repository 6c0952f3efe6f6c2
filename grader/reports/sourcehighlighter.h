#pragma once

#include "feedbackhtml.h"

namespace RaceGrade {

/// Source code as HTML with syntax colours, for the feedback pages. Uses KSyntaxHighlighting's
/// Go and C++ definitions with its default light theme where the build has the library, and
/// plain escaped text where it does not.
class SourceHighlighter
{
public:
    /// Whether this build colours source code.
    static bool available();
    /// The body of a <pre>: one line per line of `source` (without a last empty one), each
    /// coloured run a <span style="..."> closed on its own line. Safe to call from any thread.
    static QString toHtml(const QString &source, Language language);
    /// toHtml as the function FeedbackHtml::page takes.
    static SourceToHtml function();
};

} // namespace RaceGrade
