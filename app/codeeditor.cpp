#include "codeeditor.h"

#include "linenumberarea.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMap>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolTip>
#include <QWheelEvent>

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#endif

#include <cmath>

namespace RaceGrade {

namespace {

constexpr qreal minimumFontSize = 6;
constexpr qreal maximumFontSize = 96;

bool isBlank(QChar ch)
{
    return ch == QLatin1Char(' ') || ch == QLatin1Char('\t');
}

int leadingWhitespaceLength(const QString &line)
{
    int length = 0;
    while (length < line.size() && isBlank(line.at(length))) {
        ++length;
    }
    return length;
}

/// The partner of an opening or closing bracket, or a null QChar.
QChar bracketPartnerChar(QChar ch)
{
    switch (ch.unicode()) {
    case '(':
        return QLatin1Char(')');
    case ')':
        return QLatin1Char('(');
    case '[':
        return QLatin1Char(']');
    case ']':
        return QLatin1Char('[');
    case '{':
        return QLatin1Char('}');
    case '}':
        return QLatin1Char('{');
    default:
        return {};
    }
}

bool isOpeningBracket(QChar ch)
{
    return ch == QLatin1Char('(') || ch == QLatin1Char('[') || ch == QLatin1Char('{');
}

bool isIdentifierChar(QChar ch)
{
    return ch.isLetterOrNumber() || ch == QLatin1Char('_');
}

/// One bit per character of @p text: set where the character is code, clear inside comments and
/// string or character literals (Go raw strings and C++ raw strings included). A small scanner,
/// enough to keep brackets in strings and comments out of bracket matching.
QBitArray scanCode(const QString &text, Language language)
{
    const int n = int(text.size());
    QBitArray code(n, true);
    const auto charAt = [&text, n](int i) { return i < n ? text.at(i) : QChar(); };
    const auto notCode = [&code](int from, int to) {
        if (to > from) {
            code.fill(false, from, to);
        }
    };
    int i = 0;
    while (i < n) {
        const QChar ch = text.at(i);
        if (ch == QLatin1Char('/') && charAt(i + 1) == QLatin1Char('/')) {
            int end = int(text.indexOf(QLatin1Char('\n'), i));
            end = end < 0 ? n : end;
            notCode(i, end);
            i = end;
        } else if (ch == QLatin1Char('/') && charAt(i + 1) == QLatin1Char('*')) {
            int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            end = end < 0 ? n : end + 2;
            notCode(i, end);
            i = end;
        } else if (ch == QLatin1Char('"') || ch == QLatin1Char('\'')) {
            // An ordinary literal ends at its unescaped quote or, unterminated, at the line end.
            int end = i + 1;
            while (end < n) {
                const QChar c = text.at(end);
                if (c == QLatin1Char('\\')) {
                    end += 2;
                    continue;
                }
                if (c == QLatin1Char('\n')) {
                    break;
                }
                ++end;
                if (c == ch) {
                    break;
                }
            }
            end = qMin(end, n);
            notCode(i, end);
            i = end;
        } else if (ch == QLatin1Char('`') && language == Language::Go) {
            int end = int(text.indexOf(QLatin1Char('`'), i + 1));
            end = end < 0 ? n : end + 1;
            notCode(i, end);
            i = end;
        } else if (ch.isDigit()) {
            // A number, consumed whole so that C++ digit separators (1'000) start no literal.
            int end = i + 1;
            while (end < n) {
                const QChar c = text.at(end);
                const QChar previous = text.at(end - 1).toLower();
                const bool exponentSign =
                    (c == QLatin1Char('+') || c == QLatin1Char('-')) &&
                    (previous == QLatin1Char('e') || previous == QLatin1Char('p'));
                const bool separator = c == QLatin1Char('\'') && language == Language::Cpp &&
                                       isIdentifierChar(charAt(end + 1));
                if (isIdentifierChar(c) || c == QLatin1Char('.') || exponentSign || separator) {
                    ++end;
                } else {
                    break;
                }
            }
            i = end;
        } else if (isIdentifierChar(ch)) {
            int end = i + 1;
            while (end < n && isIdentifierChar(text.at(end))) {
                ++end;
            }
            const QString word = text.mid(i, end - i);
            const bool rawPrefix = word == QLatin1String("R") || word == QLatin1String("LR") ||
                                   word == QLatin1String("uR") || word == QLatin1String("UR") ||
                                   word == QLatin1String("u8R");
            if (language == Language::Cpp && rawPrefix && charAt(end) == QLatin1Char('"')) {
                // R"delim( ... )delim"
                const int open = int(text.indexOf(QLatin1Char('('), end + 1));
                if (open >= 0 && open - end - 1 <= 16) {
                    const QString closing =
                        QLatin1Char(')') % text.mid(end + 1, open - end - 1) % QLatin1Char('"');
                    int close = int(text.indexOf(closing, open + 1));
                    close = close < 0 ? n : close + int(closing.size());
                    notCode(end, close);
                    i = close;
                    continue;
                }
            }
            i = end;
        } else {
            ++i;
        }
    }
    return code;
}

/// Which of several marks on one line gives the line its colour: the first of this order.
int markPriority(LineMarkKind kind)
{
    switch (kind) {
    case LineMarkKind::CompileError:
        return 0;
    case LineMarkKind::RaceThisAccess:
        return 1;
    case LineMarkKind::RaceOtherAccess:
        return 2;
    case LineMarkKind::CompileWarning:
        return 3;
    }
    return 4;
}

/// Where the parts of the gutter go, for a font.
struct GutterGeometry
{
    int markerSize;
    int markerLeft;
    int numbersLeft;
    int rightPadding;
};

GutterGeometry gutterGeometry(const QFontMetrics &metrics)
{
    GutterGeometry g;
    g.markerSize = qMax(7, qRound(metrics.height() * 0.65));
    g.markerLeft = qMax(3, g.markerSize / 3);
    // Room for two markers that overlap a little, for a line with marks of two kinds.
    g.numbersLeft = g.markerLeft + g.markerSize + g.markerSize * 2 / 3 + qMax(3, g.markerSize / 2);
    g.rightPadding = qMax(6, metrics.horizontalAdvance(QLatin1Char('9')));
    return g;
}

/// Draws the gutter marker of @p kind in @p box: a circle for this access of a race, a diamond
/// for the other access, a square for an error and a triangle for a warning, so that the kinds
/// differ by shape as well as colour.
void drawMarker(QPainter &painter, LineMarkKind kind, const QRectF &box, const QColor &fill,
                const QColor &outline)
{
    QPainterPath path;
    switch (kind) {
    case LineMarkKind::RaceThisAccess:
        path.addEllipse(box);
        break;
    case LineMarkKind::RaceOtherAccess: {
        const QPointF c = box.center();
        path.moveTo(c.x(), box.top() - 0.5);
        path.lineTo(box.right() + 0.5, c.y());
        path.lineTo(c.x(), box.bottom() + 0.5);
        path.lineTo(box.left() - 0.5, c.y());
        path.closeSubpath();
        break;
    }
    case LineMarkKind::CompileError:
        path.addRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 1.5, 1.5);
        break;
    case LineMarkKind::CompileWarning:
        path.moveTo(box.center().x(), box.top());
        path.lineTo(box.right() + 0.5, box.bottom());
        path.lineTo(box.left() - 0.5, box.bottom());
        path.closeSubpath();
        break;
    }
    painter.setPen(QPen(outline, 1.2));
    painter.setBrush(fill);
    painter.drawPath(path);
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberArea(this))
{
    setAccessibleName(tr("Code editor"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
#endif

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    // contentsChanged() also comes when the highlighter only recolours the text; contentsChange()
    // comes for edits of the text alone, so it marks the next contentsChanged() as an edit.
    connect(document(), &QTextDocument::contentsChange, this, &CodeEditor::onContentsChange);
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        if (m_textChangePending && !m_loading) {
            Q_EMIT textEdited();
        }
        m_textChangePending = false;
    });

    m_baseFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    applyFont();
    setLanguage(Language::Go);
    applyTheme();
    updateGutterWidth();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setLanguage(Language language)
{
    m_language = language;
    m_codeMaskValid = false;
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    const QString name = language == Language::Go ? QStringLiteral("Go") : QStringLiteral("C++");
    m_highlighter->setDefinition(EditorTheme::repository().definitionForName(name));
    m_highlighter->rehighlight();
#endif
    updateExtraSelections();
}

Language CodeEditor::language() const
{
    return m_language;
}

QString CodeEditor::indentUnit() const
{
    return m_language == Language::Go ? QStringLiteral("\t")
                                      : QString(indentWidth, QLatin1Char(' '));
}

void CodeEditor::setEditorFont(const QFont &font)
{
    m_baseFont = font;
    const bool zoomed = m_zoomStep != 0;
    m_zoomStep = 0;
    applyFont();
    if (zoomed) {
        Q_EMIT zoomChanged(0);
    }
}

QFont CodeEditor::editorFont() const
{
    return m_baseFont;
}

void CodeEditor::setThemeName(const QString &name)
{
    m_theme.setThemeName(name);
    applyTheme();
}

QString CodeEditor::themeName() const
{
    return m_theme.themeName();
}

const EditorColors &CodeEditor::colors() const
{
    return m_colors;
}

QString CodeEditor::syntaxDefinitionName() const
{
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    const KSyntaxHighlighting::Definition definition = m_highlighter->definition();
    return definition.isValid() ? definition.name() : QString();
#else
    return {};
#endif
}

QString CodeEditor::text() const
{
    return toPlainText();
}

void CodeEditor::loadText(const QString &text)
{
    clearMarks();
    stopTrackingLines();
    dropQueuedHighlighting();
    m_loading = true;
    setPlainText(text);
    m_loading = false;
    document()->setModified(false);
    moveCursor(QTextCursor::Start);
}

void CodeEditor::replaceAllText(const QString &text)
{
    dropQueuedHighlighting();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    clearMarks();
    // Every followed line went with the old text. Places are taken as they are from now on, which
    // is also right when an undo brings the old text back.
    stopTrackingLines();
    moveCursor(QTextCursor::Start);
}

void CodeEditor::dropQueuedHighlighting()
{
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    // The highlighter queues the recolouring of a block's successor as a call that carries the
    // block. Once the whole text is replaced, such a block no longer exists and the call would
    // touch freed memory; the new text is coloured from scratch anyway.
    QCoreApplication::removePostedEvents(m_highlighter, QEvent::MetaCall);
#endif
}

// ---- followed lines

void CodeEditor::trackLines()
{
    stopTrackingLines();
    QTextDocument *doc = document();
    m_lineStarts.reserve(size_t(doc->blockCount()));
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        m_lineStarts.emplace_back(block);
    }
    m_trackedEnd = QTextCursor(doc);
    m_trackedEnd.movePosition(QTextCursor::End);
    const QTextBlock last = doc->lastBlock();
    if (last.position() > 0) {
        m_lastBreak = QTextCursor(doc);
        m_lastBreak.setPosition(last.position() - 1);
    }
}

void CodeEditor::stopTrackingLines()
{
    m_lineStarts.clear();
    m_lastBreak = QTextCursor();
    m_trackedEnd = QTextCursor();
}

bool CodeEditor::isTrackingLines() const
{
    return !m_lineStarts.empty();
}

bool CodeEditor::trackedLineDeleted(int index) const
{
    const int count = int(m_lineStarts.size());
    if (count == 1) {
        return false; // the only line of a text cannot go
    }
    // A line is the text from its start to the next line's start; the last line, which has no
    // break after it, is the text from the break before it to the end.
    if (index + 1 < count) {
        return m_lineStarts[size_t(index)].position() >= m_lineStarts[size_t(index) + 1].position();
    }
    return m_lastBreak.position() >= m_trackedEnd.position();
}

int CodeEditor::trackedLine(int line) const
{
    if (!isTrackingLines()) {
        return line >= 1 && line <= document()->blockCount() ? line : 0;
    }
    if (line < 1 || line > int(m_lineStarts.size()) || trackedLineDeleted(line - 1)) {
        return 0;
    }
    return m_lineStarts[size_t(line) - 1].blockNumber() + 1;
}

int CodeEditor::trackedPosition(int line, int column) const
{
    QTextBlock block;
    int position = 0;
    if (isTrackingLines()) {
        const int index = qBound(1, line, int(m_lineStarts.size())) - 1;
        position = m_lineStarts[size_t(index)].position();
        block = document()->findBlock(position);
        if (trackedLineDeleted(index)) {
            return position;
        }
    } else {
        block = document()->findBlockByNumber(qBound(1, line, document()->blockCount()) - 1);
        position = block.position();
    }
    // Text typed at the start of the line moved its start cursor along, so the column still
    // counts from the line's own first character; it never runs into the next line.
    const int lineEnd = block.position() + block.length() - 1;
    return qMin(position + qMax(0, column - 1), lineEnd);
}

void CodeEditor::goToTrackedPlace(int line, int column)
{
    QTextCursor cursor(document());
    cursor.setPosition(trackedPosition(line, column));
    setTextCursor(cursor);
    centerCursor();
}

// ---- marks

void CodeEditor::placeAnchor(Anchor &anchor, const QTextBlock &block)
{
    anchor.start.setKeepPositionOnInsert(false);
    anchor.end.setKeepPositionOnInsert(true);
    anchor.pinned = false;
    const QTextBlock next = block.next();
    if (next.isValid()) {
        anchor.tail = false;
        anchor.start.setPosition(block.position());
        anchor.end.setPosition(next.position());
    } else {
        anchor.tail = true;
        anchor.pinned = block.position() == 0;
        anchor.start.setPosition(qMax(0, block.position() - 1));
        anchor.end.setPosition(block.position() + block.length() - 1);
    }
}

int CodeEditor::anchorLine(const Anchor &anchor) const
{
    const int position = anchor.tail ? anchor.end.position() : anchor.start.position();
    return document()->findBlock(position).blockNumber() + 1;
}

void CodeEditor::setMarks(const QVector<LineMark> &marks)
{
    m_anchors.clear();
    m_anchorLines.clear();
    for (const LineMark &mark : marks) {
        const QTextBlock block = document()->findBlockByNumber(mark.line - 1);
        if (mark.line < 1 || !block.isValid()) {
            continue;
        }
        Anchor anchor;
        anchor.mark = mark;
        anchor.start = QTextCursor(document());
        anchor.end = QTextCursor(document());
        placeAnchor(anchor, block);
        m_anchorLines.append(mark.line);
        m_anchors.push_back(anchor);
    }
    updateExtraSelections();
    m_gutter->update();
    Q_EMIT marksChanged();
}

void CodeEditor::clearMarks()
{
    if (m_anchors.empty()) {
        return;
    }
    m_anchors.clear();
    m_anchorLines.clear();
    updateExtraSelections();
    m_gutter->update();
    Q_EMIT marksChanged();
}

QVector<LineMark> CodeEditor::marks() const
{
    QVector<LineMark> result;
    result.reserve(int(m_anchors.size()));
    for (const Anchor &anchor : m_anchors) {
        LineMark mark = anchor.mark;
        mark.line = anchorLine(anchor);
        result.append(mark);
    }
    return result;
}

QString CodeEditor::toolTipForLine(int line) const
{
    QStringList tips;
    for (const Anchor &anchor : m_anchors) {
        if (anchorLine(anchor) == line && !anchor.mark.tooltip.isEmpty()) {
            tips.append(anchor.mark.tooltip);
        }
    }
    return tips.join(QLatin1Char('\n'));
}

QString CodeEditor::toolTipHtml(const QString &plainText)
{
    return Qt::convertFromPlainText(plainText, Qt::WhiteSpaceNormal);
}

void CodeEditor::onContentsChange()
{
    m_textChangePending = true;
    m_codeMaskValid = false;
    if (m_anchors.empty()) {
        return;
    }
    // The cursors have followed the edit already. A range that became empty lost its line; the
    // others are laid anew on the line they are on now.
    bool changed = false;
    for (auto it = m_anchors.begin(); it != m_anchors.end();) {
        if (!it->pinned && it->end.position() <= it->start.position()) {
            it = m_anchors.erase(it);
            changed = true;
            continue;
        }
        placeAnchor(*it, document()->findBlockByNumber(anchorLine(*it) - 1));
        ++it;
    }
    QVector<int> lines;
    lines.reserve(int(m_anchors.size()));
    for (const Anchor &anchor : m_anchors) {
        lines.append(anchorLine(anchor));
    }
    if (changed || lines != m_anchorLines) {
        m_anchorLines = lines;
        updateExtraSelections();
        m_gutter->update();
        Q_EMIT marksChanged();
    }
}

// ---- navigation

void CodeEditor::goToLine(int line)
{
    const int clamped = qBound(1, line, document()->blockCount());
    setTextCursor(QTextCursor(document()->findBlockByNumber(clamped - 1)));
    centerCursor();
}

int CodeEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

void CodeEditor::moveCursorToLineStart(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (block.isValid()) {
        setTextCursor(QTextCursor(block));
    }
}

// ---- brackets

const QBitArray &CodeEditor::codeMask() const
{
    if (!m_codeMaskValid) {
        m_codeMask = scanCode(toPlainText(), m_language);
        m_codeMaskValid = true;
    }
    return m_codeMask;
}

int CodeEditor::matchingBracketPosition(int pos) const
{
    const QString text = toPlainText();
    if (pos < 0 || pos >= text.size() || !codeMask().testBit(pos)) {
        return -1;
    }
    return bracketPartner(text, pos);
}

int CodeEditor::bracketPartner(const QString &text, int pos) const
{
    const QChar bracket = text.at(pos);
    const QChar partner = bracketPartnerChar(bracket);
    if (partner.isNull()) {
        return -1;
    }
    const QBitArray &code = codeMask();
    const int step = isOpeningBracket(bracket) ? 1 : -1;
    int depth = 0;
    for (int i = pos; i >= 0 && i < text.size(); i += step) {
        if (!code.testBit(i)) {
            continue;
        }
        const QChar ch = text.at(i);
        if (ch == bracket) {
            ++depth;
        } else if (ch == partner && --depth == 0) {
            return i;
        }
    }
    return -1;
}

// ---- look

void CodeEditor::applyFont()
{
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0) {
        font.setPointSizeF(m_baseFont.pointSizeF() + m_zoomStep);
    } else if (m_baseFont.pixelSize() > 0) {
        font.setPixelSize(m_baseFont.pixelSize() + m_zoomStep);
    }
    setFont(font);
}

int CodeEditor::zoomStep() const
{
    return m_zoomStep;
}

void CodeEditor::zoomIn()
{
    const qreal size =
        m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : qreal(m_baseFont.pixelSize());
    const int step = qMin(m_zoomStep + 1, int(std::floor(maximumFontSize - size)));
    if (step > m_zoomStep) {
        m_zoomStep = step;
        applyFont();
        Q_EMIT zoomChanged(m_zoomStep);
    }
}

void CodeEditor::zoomOut()
{
    const qreal size =
        m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : qreal(m_baseFont.pixelSize());
    const int step = qMax(m_zoomStep - 1, int(std::ceil(minimumFontSize - size)));
    if (step < m_zoomStep) {
        m_zoomStep = step;
        applyFont();
        Q_EMIT zoomChanged(m_zoomStep);
    }
}

void CodeEditor::resetZoom()
{
    if (m_zoomStep != 0) {
        m_zoomStep = 0;
        applyFont();
        Q_EMIT zoomChanged(0);
    }
}

void CodeEditor::applyTheme()
{
    m_colors = m_theme.colors(palette());
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    m_highlighter->setTheme(m_theme.syntaxTheme(palette()));
    m_highlighter->rehighlight();
    // Only the roles set here become the editor's own; the others, the window colour among them,
    // keep following the application, so that a change of it still reaches changeEvent().
    QPalette themed = palette();
    themed.setColor(QPalette::Base, m_colors.background);
    themed.setColor(QPalette::Text, m_colors.text);
    themed.setColor(QPalette::Highlight, m_colors.selection);
    themed.setColor(QPalette::HighlightedText, m_colors.selectedText);
    m_applyingTheme = true;
    setPalette(themed);
    m_applyingTheme = false;
#endif
    updateExtraSelections();
    m_gutter->update();
    viewport()->update();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * indentWidth);
        updateGutterWidth();
        m_gutter->update();
    } else if (event->type() == QEvent::PaletteChange && !m_applyingTheme) {
        applyTheme();
    }
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;

    QTextEdit::ExtraSelection currentLine;
    currentLine.format.setBackground(m_colors.currentLine);
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections.append(currentLine);

    QMap<int, LineMarkKind> kindByLine;
    for (const Anchor &anchor : m_anchors) {
        const int line = anchorLine(anchor);
        const auto found = kindByLine.constFind(line);
        if (found == kindByLine.constEnd() ||
            markPriority(anchor.mark.kind) < markPriority(found.value())) {
            kindByLine.insert(line, anchor.mark.kind);
        }
    }
    for (auto it = kindByLine.constBegin(); it != kindByLine.constEnd(); ++it) {
        QTextEdit::ExtraSelection mark;
        mark.format.setBackground(EditorTheme::markBackground(it.value(), m_colors));
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.cursor = QTextCursor(document()->findBlockByNumber(it.key() - 1));
        selections.append(mark);
    }

    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection()) {
        const QString text = toPlainText();
        const QBitArray &code = codeMask();
        // The bracket after the cursor first, then the one before it.
        for (const int pos : {cursor.position(), cursor.position() - 1}) {
            if (pos < 0 || pos >= text.size() || bracketPartnerChar(text.at(pos)).isNull() ||
                !code.testBit(pos)) {
                continue;
            }
            const int partner = bracketPartner(text, pos);
            const QColor colour = partner >= 0 ? m_colors.bracketMatch : m_colors.bracketMismatch;
            for (const int at : {pos, partner}) {
                if (at < 0) {
                    continue;
                }
                QTextEdit::ExtraSelection bracket;
                bracket.format.setBackground(colour);
                // Syntax colours of brackets can be faint on the bracket background.
                bracket.format.setForeground(m_colors.text);
                bracket.cursor = QTextCursor(document());
                bracket.cursor.setPosition(at);
                bracket.cursor.setPosition(at + 1, QTextCursor::KeepAnchor);
                selections.append(bracket);
            }
            break;
        }
    }
    setExtraSelections(selections);
}

// ---- gutter

int CodeEditor::lineNumberAreaWidth() const
{
    const QFontMetrics metrics(font());
    const GutterGeometry g = gutterGeometry(metrics);
    const int digits = int(QString::number(qMax(99, document()->blockCount())).size());
    return g.numbersLeft + digits * metrics.horizontalAdvance(QLatin1Char('9')) + g.rightPadding;
}

void CodeEditor::updateGutterWidth()
{
    const int width = lineNumberAreaWidth();
    setViewportMargins(width, 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), width, area.height());
}

void CodeEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0) {
        m_gutter->scroll(0, dy);
    } else {
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    }
    if (rect.contains(viewport()->rect())) {
        updateGutterWidth();
    }
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), lineNumberAreaWidth(), area.height());
}

int CodeEditor::lineAtGutterY(int y) const
{
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= y) {
        const qreal bottom = top + blockBoundingRect(block).height();
        if (block.isVisible() && y < bottom) {
            return block.blockNumber() + 1;
        }
        top = bottom;
        block = block.next();
    }
    return 0;
}

void CodeEditor::paintLineNumberArea(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), m_colors.gutterBackground);

    // Kinds of marks per line, in colour priority order, each kind once.
    QMap<int, QVector<LineMarkKind>> kindsByLine;
    for (const Anchor &anchor : m_anchors) {
        QVector<LineMarkKind> &kinds = kindsByLine[anchorLine(anchor)];
        if (!kinds.contains(anchor.mark.kind)) {
            kinds.append(anchor.mark.kind);
        }
    }
    for (QVector<LineMarkKind> &kinds : kindsByLine) {
        std::sort(kinds.begin(), kinds.end(),
                  [](LineMarkKind a, LineMarkKind b) { return markPriority(a) < markPriority(b); });
    }

    const QFontMetrics metrics(font());
    const GutterGeometry g = gutterGeometry(metrics);
    const int lineHeight = metrics.height();
    const int currentBlock = textCursor().blockNumber();
    QFont numberFont = font();
    QFont currentNumberFont = font();
    currentNumberFont.setBold(true);

    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (block.isVisible() && top + height >= event->rect().top()) {
            const bool current = block.blockNumber() == currentBlock;
            painter.setFont(current ? currentNumberFont : numberFont);
            painter.setPen(current ? m_colors.currentLineNumber : m_colors.lineNumber);
            const QRectF numberBox(g.numbersLeft, top,
                                   m_gutter->width() - g.numbersLeft - g.rightPadding, lineHeight);
            painter.drawText(numberBox, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(block.blockNumber() + 1));

            const auto marked = kindsByLine.constFind(block.blockNumber() + 1);
            if (marked != kindsByLine.constEnd()) {
                painter.save();
                painter.setRenderHint(QPainter::Antialiasing);
                const qreal markerTop = top + (lineHeight - g.markerSize) / 2.0;
                // The first kind in front; a second one peeks out behind it.
                const QVector<LineMarkKind> &kinds = marked.value();
                for (int i = qMin(1, int(kinds.size()) - 1); i >= 0; --i) {
                    const QRectF box(g.markerLeft + i * g.markerSize * 2 / 3.0, markerTop,
                                     g.markerSize, g.markerSize);
                    drawMarker(painter, kinds.at(i), box,
                               EditorTheme::markIndicator(kinds.at(i), m_colors),
                               m_colors.gutterBackground);
                }
                painter.restore();
            }
        }
        top += height;
        block = block.next();
    }
}

// ---- input

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        const QRectF lineBox = blockBoundingGeometry(cursor.block()).translated(contentOffset());
        const QString tip = lineBox.contains(QPointF(lineBox.left(), help->pos().y()))
                                ? toolTipForLine(cursor.blockNumber() + 1)
                                : QString();
        if (tip.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), toolTipHtml(tip), viewport());
        }
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        m_wheelRemainder += event->angleDelta().y();
        while (m_wheelRemainder >= 120) {
            m_wheelRemainder -= 120;
            zoomIn();
        }
        while (m_wheelRemainder <= -120) {
            m_wheelRemainder += 120;
            zoomOut();
        }
        event->accept();
        return;
    }
    QPlainTextEdit::wheelEvent(event);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    // Ctrl+= is Ctrl++ without Shift on most keyboards.
    const bool controlEquals = event->key() == Qt::Key_Equal &&
                               (event->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
    if (event->matches(QKeySequence::ZoomIn) || controlEquals) {
        zoomIn();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
        return;
    }
    if (!isReadOnly()) {
        const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
        switch (event->key()) {
        case Qt::Key_Tab:
            if (modifiers == Qt::NoModifier) {
                const QTextCursor cursor = textCursor();
                const bool severalLines =
                    cursor.hasSelection() && document()->findBlock(cursor.selectionStart()) !=
                                                 document()->findBlock(cursor.selectionEnd());
                if (severalLines) {
                    shiftLines(true);
                } else {
                    insertIndent();
                }
                return;
            }
            if (modifiers == Qt::ShiftModifier) {
                shiftLines(false);
                return;
            }
            break;
        case Qt::Key_Backtab:
            shiftLines(false);
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if ((modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier) && handleReturn()) {
                return;
            }
            break;
        default:
            if (event->text() == QLatin1String("}") && handleClosingBrace()) {
                return;
            }
            break;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

// ---- indentation

int CodeEditor::indentColumns(const QString &whitespace) const
{
    int columns = 0;
    for (const QChar ch : whitespace) {
        columns = ch == QLatin1Char('\t') ? (columns / indentWidth + 1) * indentWidth : columns + 1;
    }
    return columns;
}

QString CodeEditor::indentString(int columns) const
{
    if (m_language == Language::Go) {
        return QString(columns / indentWidth, QLatin1Char('\t')) %
               QString(columns % indentWidth, QLatin1Char(' '));
    }
    return QString(columns, QLatin1Char(' '));
}

void CodeEditor::insertIndent()
{
    QTextCursor cursor = textCursor();
    if (m_language == Language::Go) {
        cursor.insertText(QStringLiteral("\t"));
    } else {
        // Spaces up to the next tab stop: four at the start of a line.
        const QTextBlock block = document()->findBlock(cursor.selectionStart());
        const int column =
            indentColumns(block.text().left(cursor.selectionStart() - block.position()));
        cursor.insertText(QString(indentWidth - column % indentWidth, QLatin1Char(' ')));
    }
    setTextCursor(cursor);
}

void CodeEditor::shiftLines(bool indent)
{
    const QTextCursor cursor = textCursor();
    const bool hadSelection = cursor.hasSelection();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    if (hadSelection && last != first && cursor.selectionEnd() == last.position()) {
        last = last.previous(); // a selection that ends at a line start leaves that line alone
    }

    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        const QString line = block.text();
        const int length = leadingWhitespaceLength(line);
        const bool blankLine = length == line.size();
        if (!(indent && blankLine)) {
            const int columns = indentColumns(line.left(length));
            const int target =
                indent ? columns + indentWidth : qMax(0, (columns - 1) / indentWidth * indentWidth);
            const QString replacement = indentString(target);
            if (replacement != line.left(length)) {
                edit.setPosition(block.position());
                edit.setPosition(block.position() + length, QTextCursor::KeepAnchor);
                edit.insertText(replacement);
            }
        }
        if (block == last) {
            break;
        }
    }
    edit.endEditBlock();

    if (hadSelection) {
        QTextCursor selection(document());
        selection.setPosition(first.position());
        selection.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        setTextCursor(selection);
    }
}

bool CodeEditor::handleReturn()
{
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    const QTextBlock block = cursor.block();
    const QString line = block.text();
    const int column = cursor.positionInBlock();
    const int indentLength = leadingWhitespaceLength(line);

    if (column <= indentLength) {
        // In the indentation: open an empty line above and keep the cursor where it was.
        cursor.setPosition(block.position());
        cursor.insertText(QStringLiteral("\n"));
        cursor.setPosition(block.position() + 1 + column);
    } else {
        const QString indent = line.left(indentLength);
        // Trailing blanks before the cursor and leading blanks after it go.
        int before = column;
        while (before > 0 && isBlank(line.at(before - 1))) {
            --before;
        }
        int after = column;
        while (after < line.size() && isBlank(line.at(after))) {
            ++after;
        }
        const QChar last = line.at(before - 1);
        const bool opens = isOpeningBracket(last);
        const bool closerFollows =
            opens && after < line.size() && line.at(after) == bracketPartnerChar(last);

        cursor.setPosition(block.position() + before);
        cursor.setPosition(block.position() + after, QTextCursor::KeepAnchor);
        cursor.insertText(QLatin1Char('\n') % indent % (opens ? indentUnit() : QString()));
        if (closerFollows) {
            // "{|}" becomes three lines with the cursor on the indented middle one.
            const int middle = cursor.position();
            cursor.insertText(QLatin1Char('\n') % indent);
            cursor.setPosition(middle);
        }
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

bool CodeEditor::handleClosingBrace()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection()) {
        return false;
    }
    const QTextBlock block = cursor.block();
    const QString before = block.text().left(cursor.positionInBlock());
    if (before.isEmpty() || leadingWhitespaceLength(before) != before.size()) {
        return false;
    }
    const int columns = indentColumns(before);
    const QString dedented = indentString(qMax(0, (columns - 1) / indentWidth * indentWidth));
    cursor.beginEditBlock();
    cursor.setPosition(block.position(), QTextCursor::KeepAnchor);
    cursor.insertText(dedented % QLatin1Char('}'));
    cursor.endEditBlock();
    setTextCursor(cursor);
    return true;
}

} // namespace RaceGrade
