#pragma once

#include "editortheme.h"
#include "language.h"
#include "linemark.h"

#include <QBitArray>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QVector>
#include <vector>

class QPaintEvent;

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}
#endif

namespace RaceGrade {

class LineNumberArea;

/// The editor the student writes a solution in: a monospace plain-text editor with line numbers,
/// syntax colours (where KSyntaxHighlighting exists), language-aware indentation, bracket matching,
/// zoom, and coloured line marks for races and compiler diagnostics.
///
/// Signals about text: textEdited() is emitted for every change of the text except the ones
/// made by loadText(); that includes typing, undo and redo, replaceAllText() and the find bar's
/// replacements.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    /// Creates an empty editor for Go, with the system's fixed-width font.
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    /// Picks the syntax definition and the indentation: Go indents with tabs, C++ with 4 spaces.
    void setLanguage(Language language);
    /// The language set by setLanguage(); Go until then.
    Language language() const;
    /// What one level of indentation inserts: a tab for Go, four spaces for C++.
    QString indentUnit() const;
    /// Columns per indentation level and per tab stop (4).
    static constexpr int indentWidth = 4;

    /// Sets the font at zoom level 0 and resets the zoom.
    void setEditorFont(const QFont &font);
    /// The font set by setEditorFont() (without zoom).
    QFont editorFont() const;

    /// Uses the named KSyntaxHighlighting theme; empty follows the palette (light or dark).
    void setThemeName(const QString &name);
    /// The theme name set by setThemeName().
    QString themeName() const;
    /// The colours in use now.
    const EditorColors &colors() const;
    /// The name of the active KSyntaxHighlighting definition ("Go", "C++"); empty without one.
    QString syntaxDefinitionName() const;

    /// The whole text (same as toPlainText()).
    QString text() const;
    /// Replaces the text as a new document: clears the marks, the undo history and the
    /// modified flag, stops following lines (see trackLines()), puts the cursor at the start and
    /// emits no textEdited().
    void loadText(const QString &text);
    /// Replaces the whole text as one undoable edit (for "reset to starter code"); clears the
    /// marks, stops following lines and emits textEdited().
    void replaceAllText(const QString &text);

    /// Starts following every line of the text as it is now, such as the text a grading reads,
    /// so that places in that text can still be found after later edits: see trackedLine() and
    /// goToTrackedPlace(). Replaces the lines followed before.
    void trackLines();
    /// Whether lines are followed since trackLines().
    bool isTrackingLines() const;
    /// The line (1-based) that line @p line of the followed text is on now; 0 when that line was
    /// deleted or the followed text has no such line. Without trackLines(), @p line itself when
    /// the text has it, else 0.
    int trackedLine(int line) const;
    /// Moves the cursor to line @p line, column @p column (both 1-based; column 0 for the start of
    /// the line) of the followed text, where that place is now, and centres it. A deleted line's
    /// place is where the line was. Without trackLines(), the same as goToLine() and the column.
    void goToTrackedPlace(int line, int column = 0);

    /// Shows @p marks (lines are 1-based; marks outside the text are dropped). Replaces earlier
    /// marks. Each mark then follows its line while lines are inserted or removed above it, and
    /// goes away when its line is deleted.
    void setMarks(const QVector<LineMark> &marks);
    /// Removes every mark.
    void clearMarks();
    /// The marks in the order they were set, each with the line it is on now.
    QVector<LineMark> marks() const;
    /// The tooltips of every mark on @p line (1-based), one per line of text; empty if none.
    QString toolTipForLine(int line) const;

    /// Moves the cursor to the start of @p line (1-based, clamped to the text) and centres it.
    void goToLine(int line);
    /// The line of the cursor (1-based).
    int currentLine() const;

    /// Where the partner of the bracket at document position @p pos is, or -1 when @p pos holds
    /// no bracket, holds one inside a string or comment, or the bracket has no partner.
    int matchingBracketPosition(int pos) const;

    /// How many steps the font is zoomed in (negative: out).
    int zoomStep() const;
    /// The width of the line-number area for the current line count and font.
    int lineNumberAreaWidth() const;

    /// Wraps a plain tooltip as rich text so that it shows verbatim.
    static QString toolTipHtml(const QString &plainText);

public Q_SLOTS:
    /// Makes the font one point larger.
    void zoomIn();
    /// Makes the font one point smaller (down to a minimum).
    void zoomOut();
    /// Goes back to the font set by setEditorFont().
    void resetZoom();

Q_SIGNALS:
    /// The text changed by anything but loadText().
    void textEdited();
    /// Marks were set, cleared, moved to another line or removed with their line.
    void marksChanged();
    /// The zoom step changed.
    void zoomChanged(int step);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    friend class LineNumberArea;

    /// A mark and the two cursors that keep it on its line. In the usual form the range runs from
    /// the start of the line to the start of the next one, so it becomes empty when the line is
    /// deleted with its line break. The last line has no break after it, so its range runs from
    /// the break before it to its end instead ("tail" form).
    struct Anchor
    {
        LineMark mark;
        QTextCursor start;
        QTextCursor end;
        bool tail = false;
        bool pinned = false; ///< the only line of the document: it cannot be deleted
    };

    void dropQueuedHighlighting();
    void applyTheme();
    void applyFont();
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateExtraSelections();
    void paintLineNumberArea(QPaintEvent *event);
    int lineAtGutterY(int y) const;
    void moveCursorToLineStart(int line);

    int trackedPosition(int line, int column) const;
    bool trackedLineDeleted(int index) const;
    void stopTrackingLines();

    void placeAnchor(Anchor &anchor, const QTextBlock &block);
    int anchorLine(const Anchor &anchor) const;
    void onContentsChange();

    bool handleReturn();
    bool handleClosingBrace();
    void insertIndent();
    void shiftLines(bool indent);
    int indentColumns(const QString &whitespace) const;
    QString indentString(int columns) const;

    const QBitArray &codeMask() const;
    int bracketPartner(const QString &text, int pos) const;

    LineNumberArea *m_gutter = nullptr;
    Language m_language = Language::Go;
    EditorTheme m_theme;
    EditorColors m_colors;
    QFont m_baseFont;
    int m_zoomStep = 0;
    int m_wheelRemainder = 0;
    bool m_applyingTheme = false;
    bool m_loading = false;
    bool m_textChangePending = false;
    std::vector<Anchor> m_anchors;
    QVector<int> m_anchorLines; ///< the lines reported by the last marksChanged()
    /// Where each line followed by trackLines() starts now. A cursor moves with the text around
    /// it, so a line whose start collapsed onto the next line's start was deleted.
    std::vector<QTextCursor> m_lineStarts;
    QTextCursor m_lastBreak;  ///< the line break before the last followed line
    QTextCursor m_trackedEnd; ///< the end of the followed text
    mutable QBitArray m_codeMask;
    mutable bool m_codeMaskValid = false;
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
#endif
};

} // namespace RaceGrade
