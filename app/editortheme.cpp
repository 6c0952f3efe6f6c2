#include "editortheme.h"

#include <QPalette>

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#endif

#include <algorithm>

namespace RaceGrade {

namespace {

/// Perceived brightness from 0 to 255.
int brightness(const QColor &colour)
{
    return (colour.red() * 299 + colour.green() * 587 + colour.blue() * 114) / 1000;
}

EditorColors colorsFromPalette(const QPalette &palette)
{
    EditorColors c;
    c.background = palette.color(QPalette::Active, QPalette::Base);
    c.text = palette.color(QPalette::Active, QPalette::Text);
    c.dark = brightness(c.background) < 128;
    c.selection = palette.color(QPalette::Active, QPalette::Highlight);
    c.selectedText = palette.color(QPalette::Active, QPalette::HighlightedText);
    c.currentLine = EditorTheme::blend(c.background, c.selection, c.dark ? 0.18 : 0.10);
    c.gutterBackground =
        EditorTheme::blend(c.background, palette.color(QPalette::Active, QPalette::Window), 0.6);
    c.lineNumber = EditorTheme::blend(c.gutterBackground, c.text, 0.55);
    c.currentLineNumber = c.text;
    c.bracketMatch = EditorTheme::blend(c.background, c.selection, c.dark ? 0.45 : 0.30);
    c.bracketMismatch = EditorTheme::blend(c.background, QColor(224, 49, 49), c.dark ? 0.55 : 0.35);
    return c;
}

} // namespace

void EditorTheme::setThemeName(const QString &name)
{
    m_themeName = name;
}

QString EditorTheme::themeName() const
{
    return m_themeName;
}

bool EditorTheme::isDarkPalette(const QPalette &palette)
{
    return brightness(palette.color(QPalette::Active, QPalette::Window)) < 128;
}

QColor EditorTheme::markIndicator(LineMarkKind kind, const EditorColors &colors)
{
    // Four well separated hues: violet and teal for the two sides of a race, red for errors and
    // amber for warnings. Dark backgrounds get lighter variants so that they keep their contrast.
    switch (kind) {
    case LineMarkKind::RaceThisAccess:
        return colors.dark ? QColor(177, 151, 252) : QColor(112, 72, 232);
    case LineMarkKind::RaceOtherAccess:
        return colors.dark ? QColor(59, 201, 219) : QColor(12, 133, 153);
    case LineMarkKind::CompileError:
        return colors.dark ? QColor(255, 107, 107) : QColor(224, 49, 49);
    case LineMarkKind::CompileWarning:
        return colors.dark ? QColor(252, 196, 25) : QColor(240, 140, 0);
    }
    return colors.text;
}

QColor EditorTheme::markBackground(LineMarkKind kind, const EditorColors &colors)
{
    return EditorTheme::blend(colors.background, markIndicator(kind, colors),
                              colors.dark ? 0.30 : 0.22);
}

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING

KSyntaxHighlighting::Repository &EditorTheme::repository()
{
    static KSyntaxHighlighting::Repository shared;
    return shared;
}

KSyntaxHighlighting::Theme EditorTheme::syntaxTheme(const QPalette &palette) const
{
    if (!m_themeName.isEmpty()) {
        const KSyntaxHighlighting::Theme named = repository().theme(m_themeName);
        if (named.isValid()) {
            return named;
        }
    }
    const auto kind = isDarkPalette(palette) ? KSyntaxHighlighting::Repository::DarkTheme
                                             : KSyntaxHighlighting::Repository::LightTheme;
    return std::as_const(repository()).defaultTheme(kind);
}

QStringList EditorTheme::availableThemeNames()
{
    QStringList names;
    const auto themes = repository().themes();
    for (const KSyntaxHighlighting::Theme &theme : themes) {
        names.append(theme.name());
    }
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

QString EditorTheme::themeDisplayName(const QString &themeName)
{
    const KSyntaxHighlighting::Theme theme = repository().theme(themeName);
    return theme.isValid() ? theme.translatedName() : themeName;
}

EditorColors EditorTheme::colors(const QPalette &palette) const
{
    using Theme = KSyntaxHighlighting::Theme;
    const Theme theme = syntaxTheme(palette);
    if (!theme.isValid()) {
        return colorsFromPalette(palette);
    }
    const auto editor = [&theme](Theme::EditorColorRole role) {
        return QColor::fromRgba(theme.editorColor(role));
    };
    EditorColors c;
    c.background = editor(Theme::BackgroundColor);
    c.text = QColor::fromRgba(theme.textColor(Theme::Normal));
    c.dark = brightness(c.background) < 128;
    c.selection = editor(Theme::TextSelection);
    c.selectedText = c.text;
    c.currentLine = editor(Theme::CurrentLine);
    c.gutterBackground = editor(Theme::IconBorder);
    c.lineNumber = editor(Theme::LineNumbers);
    c.currentLineNumber = editor(Theme::CurrentLineNumber);
    c.bracketMatch = editor(Theme::BracketMatching);
    c.bracketMismatch =
        EditorTheme::blend(c.background, editor(Theme::MarkError), c.dark ? 0.7 : 0.5);
    return c;
}

#else

QStringList EditorTheme::availableThemeNames()
{
    return {};
}

QString EditorTheme::themeDisplayName(const QString &themeName)
{
    return themeName;
}

EditorColors EditorTheme::colors(const QPalette &palette) const
{
    return colorsFromPalette(palette);
}

#endif

QColor EditorTheme::blend(const QColor &from, const QColor &to, qreal amount)
{
    const auto channel = [amount](int a, int b) { return qRound(a + (b - a) * amount); };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

} // namespace RaceGrade
