#pragma once

#include "linemark.h"

#include <QColor>
#include <QString>
#include <QStringList>

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Theme>

namespace KSyntaxHighlighting {
class Repository;
}
#endif

class QPalette;

namespace RaceGrade {

/// The colours a CodeEditor paints with, apart from the syntax colours of its text.
struct EditorColors
{
    QColor background;        ///< the text area
    QColor text;              ///< plain text
    QColor selection;         ///< background of selected text
    QColor selectedText;      ///< selected text
    QColor currentLine;       ///< background of the line that holds the cursor
    QColor gutterBackground;  ///< the line-number area
    QColor lineNumber;        ///< line numbers
    QColor currentLineNumber; ///< the number of the line that holds the cursor
    QColor bracketMatch;      ///< background of a bracket and its partner
    QColor bracketMismatch;   ///< background of a bracket that has no partner
    bool dark = false;        ///< whether the background is dark
};

/// Chooses the colours of a CodeEditor. With KSyntaxHighlighting they come from one of its themes:
/// the one named by setThemeName(), or, with no name, the repository's default light or dark theme
/// depending on whether the palette is light or dark. Without KSyntaxHighlighting they come from
/// the palette.
class EditorTheme
{
public:
    /// Uses the KSyntaxHighlighting theme called @p name; empty (or unknown): follow the palette.
    void setThemeName(const QString &name);
    /// The name set by setThemeName(); empty when following the palette.
    QString themeName() const;

    /// Names of the KSyntaxHighlighting themes, sorted; empty without KSyntaxHighlighting.
    static QStringList availableThemeNames();
    /// The name of @p themeName to show to people (translated where the theme provides it).
    static QString themeDisplayName(const QString &themeName);

    /// Whether @p palette is a dark one (judged by its window colour).
    static bool isDarkPalette(const QPalette &palette);
    /// A colour `amount` of the way from `from` to `to` (0: from, 1: to).
    static QColor blend(const QColor &from, const QColor &to, qreal amount);

    /// The editor colours for a widget with @p palette.
    EditorColors colors(const QPalette &palette) const;

    /// The line background of a mark of @p kind on top of @p colors.
    static QColor markBackground(LineMarkKind kind, const EditorColors &colors);
    /// The colour of the gutter marker of a mark of @p kind on top of @p colors.
    static QColor markIndicator(LineMarkKind kind, const EditorColors &colors);

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    /// The syntax theme to use for a widget with @p palette; always valid.
    KSyntaxHighlighting::Theme syntaxTheme(const QPalette &palette) const;
    /// The definitions and themes, loaded once and shared by every editor.
    static KSyntaxHighlighting::Repository &repository();
#endif

private:
    QString m_themeName;
};

} // namespace RaceGrade
