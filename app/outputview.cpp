#include "outputview.h"

#include "harnessprotocol.h"

#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <utility>

namespace RaceGrade {

namespace {

// How a piece of text is shown; kept in its character format so that colours can follow a
// change of palette.
enum Tone
{
    NormalTone,
    ErrorTone,
    StatusTone,
    HeadingTone,
    NoticeTone,
    LinkTone
};

constexpr int ToneProperty = QTextFormat::UserProperty + 1;
// Output beyond the limit is dropped in steps of this size, not on every append.
constexpr int TrimSlack = 256 * 1024;
// Live output is gathered for this long, or up to this many characters, before it is shown:
// showing each small piece on its own would cost a layout of the view every time.
constexpr int FlushMilliseconds = 40;
constexpr int MaxQueued = 256 * 1024;
// An unfinished line longer than this is no longer re-scanned for places when it grows, so that
// a program printing one endless line stays cheap.
constexpr int MaxPendingLine = 4096;

const QString linkScheme = QStringLiteral("line");

QString baseName(const QString &path)
{
    const int slash = qMax(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return slash < 0 ? path : path.mid(slash + 1);
}

QStringView withoutLeadingBlanks(QStringView line)
{
    qsizetype start = 0;
    while (start < line.size() && (line.at(start) == u' ' || line.at(start) == u'\t')) {
        ++start;
    }
    return line.mid(start);
}

// The hidden tests report each verdict to the grader on a line of its own; the student sees the
// verdicts as the checks' reasons instead.
bool isProtocolLine(QStringView line)
{
    return withoutLeadingBlanks(line).startsWith(HarnessProtocol::prefix());
}

// Whether an unfinished line may still turn out to be a verdict line when the rest arrives.
bool mayBecomeProtocolLine(QStringView line)
{
    const QStringView start = withoutLeadingBlanks(line);
    const QStringView prefix = HarnessProtocol::prefix();
    return start.size() < prefix.size() ? prefix.startsWith(start) : start.startsWith(prefix);
}

// @p text without its verdict lines. When @p startsAtLineStart is false, the text continues a
// line shown before, so its first line is no line of its own.
QString withoutProtocolLines(const QString &text, bool startsAtLineStart = true)
{
    if (!text.contains(HarnessProtocol::prefix())) {
        return text;
    }
    QString result;
    result.reserve(text.size());
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        end = end < 0 ? text.size() : end + 1;
        const QStringView line = QStringView(text).mid(start, end - start);
        if ((start > 0 || startsAtLineStart) && isProtocolLine(line)) {
            start = end;
            continue;
        }
        result.append(line);
        start = end;
    }
    return result;
}

// The grader builds and runs in a scratch folder of its own in the temporary folder, with the
// folders program/, harness/, bin/ and run/. Those paths mean nothing to the student (and the
// folder is gone once the grading ends), so they are cut down to what follows them.
const QRegularExpression &scratchFolderPattern()
{
    static const QRegularExpression pattern = [] {
        QStringList roots{QRegularExpression::escape(QDir::tempPath())};
        if (QDir::tempPath() != u"/tmp") {
            roots.append(QStringLiteral("/tmp"));
        }
        return QRegularExpression(
            QStringLiteral("(?:%1)/[^/\\s:\"'()<>\\[\\]]+/(?:program|harness|bin|run)/")
                .arg(roots.join(u'|')));
    }();
    return pattern;
}

QString withoutScratchFolders(const QString &text)
{
    if (!text.contains(u'/')) {
        return text;
    }
    QString result = text;
    result.remove(scratchFolderPattern());
    return result;
}

// Line breaks as the document wants them: "\r\n" and a lone "\r" become "\n"; a "\r" at the
// end is dropped, since the "\n" that usually follows comes in the next piece.
QString normalized(const QString &text)
{
    if (!text.contains(u'\r') && !text.contains(QChar(0))) {
        return text;
    }
    QString result;
    result.reserve(text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r') {
            if (i + 1 < text.size() && text.at(i + 1) != u'\n') {
                result += u'\n';
            }
        } else if (c == QChar(0)) {
            result += QChar(QChar::ReplacementCharacter);
        } else {
            result += c;
        }
    }
    return result;
}

// "14" or "20:5" from "line:14" or "line:20:5" (or from the bare form).
bool parseTarget(const QString &target, int *line, int *column)
{
    QString rest = target;
    if (rest.startsWith(linkScheme + u':')) {
        rest = rest.mid(linkScheme.size() + 1);
    }
    const QStringList parts = rest.split(u':');
    if (parts.isEmpty() || parts.size() > 2) {
        return false;
    }
    bool ok = false;
    *line = parts.at(0).toInt(&ok);
    if (!ok || *line <= 0) {
        return false;
    }
    *column = 0;
    if (parts.size() == 2) {
        *column = parts.at(1).toInt(&ok);
        if (!ok || *column < 0) {
            return false;
        }
    }
    return true;
}

} // namespace

OutputView::OutputView(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Program output"));

    m_browser = new QTextBrowser(this);
    m_browser->setAccessibleName(tr("Program output"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->setUndoRedoEnabled(false);
    m_browser->setLineWrapMode(QTextEdit::WidgetWidth);
    m_browser->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_browser->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_browser->document()->setUndoRedoEnabled(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &OutputView::openLink);
    m_browser->installEventFilter(this);

    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushMilliseconds);
    connect(m_flushTimer, &QTimer::timeout, this, &OutputView::flush);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
}

OutputView::~OutputView() = default;

void OutputView::setSourceFileName(const QString &fileName)
{
    m_sourceFileName = fileName;
    const QString name = baseName(fileName);
    m_displayName = name;
    if (name.isEmpty()) {
        m_placePattern = QRegularExpression();
        return;
    }
    // The grader copies the student's file to main.go or main.cpp in a scratch folder, and
    // compilers and race detectors print that name.
    QStringList names{QRegularExpression::escape(name)};
    const QString suffix = name.mid(name.lastIndexOf(u'.') + 1).toLower();
    QString copyName;
    if (suffix == u"go") {
        copyName = QStringLiteral("main.go");
    } else if (suffix == u"cpp" || suffix == u"cc" || suffix == u"cxx" || suffix == u"c++") {
        copyName = QStringLiteral("main.cpp");
    }
    if (!copyName.isEmpty() && copyName != name) {
        names.append(QRegularExpression::escape(copyName));
    }
    // The name, maybe after "./", then ":line" and maybe ":column". It must not be the tail of a
    // longer name ("xmain.go") or of a path: a file of that name in another folder, such as a
    // library's main.go, is another file. The scratch folder is cut from paths before this
    // pattern looks at them, and the full path of the student's file is the file too.
    QString alternatives = QStringLiteral("(?:\\./)?(?:%1)").arg(names.join(u'|'));
    if (fileName.contains(u'/')) {
        alternatives += u'|' + QRegularExpression::escape(fileName);
    }
    m_placePattern = QRegularExpression(
        QStringLiteral("(?<![\\w.\\-/\\\\])(?:%1):(\\d+)(?::(\\d+))?").arg(alternatives));
}

void OutputView::clear()
{
    m_queued.clear();
    m_queuedSize = 0;
    m_flushTimer->stop();
    m_browser->clear();
    m_pendingLine.clear();
    m_pendingShown = 0;
    m_pendingIsError = false;
    m_pendingStartsLine = false;
    m_atLineStart = true;
    m_noticeLength = 0;
}

QColor OutputView::colourFor(int tone) const
{
    const QPalette &pal = m_browser->palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    switch (tone) {
    case ErrorTone:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1e, 0x24);
    case StatusTone:
    case NoticeTone: {
        const double w = 0.62;
        return QColor::fromRgbF(float(text.redF() * w + base.redF() * (1 - w)),
                                float(text.greenF() * w + base.greenF() * (1 - w)),
                                float(text.blueF() * w + base.blueF() * (1 - w)));
    }
    case LinkTone: {
        // Many palettes keep a dark blue link colour even when the background is dark.
        const QColor link = pal.color(QPalette::Link);
        if (dark && link.lightness() < 150) {
            return QColor(0x7c, 0xb7, 0xff);
        }
        if (!dark && link.lightness() > 150) {
            return QColor(0x0b, 0x5c, 0xc7);
        }
        return link;
    }
    default:
        return text;
    }
}

void OutputView::insertText(QTextCursor &cursor, const QString &text, int tone, bool linkify)
{
    QTextCharFormat format;
    format.setProperty(ToneProperty, tone);
    if (tone != NormalTone && tone != HeadingTone) {
        format.setForeground(colourFor(tone));
    }
    if (tone == HeadingTone) {
        format.setFontWeight(QFont::Bold);
    }
    if (tone == StatusTone || tone == NoticeTone) {
        format.setFontItalic(true);
    }
    if (!linkify) {
        cursor.insertText(text, format);
        return;
    }
    const QString shown = withoutScratchFolders(text);
    if (!m_placePattern.isValid() || m_placePattern.pattern().isEmpty()) {
        cursor.insertText(shown, format);
        return;
    }
    QTextCharFormat linkFormat = format;
    linkFormat.setAnchor(true);
    linkFormat.setFontUnderline(true);
    linkFormat.setForeground(colourFor(LinkTone));
    linkFormat.setProperty(ToneProperty, int(LinkTone));

    int done = 0;
    QRegularExpressionMatchIterator matches = m_placePattern.globalMatch(shown);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (match.capturedStart() > done) {
            cursor.insertText(shown.mid(done, match.capturedStart() - done), format);
        }
        QString target = match.captured(1);
        if (match.capturedLength(2) > 0) {
            target += u':' + match.captured(2);
        }
        linkFormat.setAnchorHref(linkScheme + u':' + target);
        linkFormat.setToolTip(tr("Show line %1 in the editor").arg(match.captured(1)));
        // The grader's copy and the student's file are one file to the student.
        cursor.insertText(m_displayName + u':' + target, linkFormat);
        done = int(match.capturedEnd());
    }
    if (done < shown.size()) {
        cursor.insertText(shown.mid(done), format);
    }
}

bool OutputView::isScrolledToEnd() const
{
    const QScrollBar *bar = m_browser->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

void OutputView::scrollToEnd()
{
    QScrollBar *bar = m_browser->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void OutputView::appendOutput(const QString &text, bool isError)
{
    if (text.isEmpty()) {
        return;
    }
    if (!m_queued.isEmpty() && m_queued.constLast().isError == isError) {
        m_queued.last().text += text;
    } else {
        m_queued.append(QueuedOutput{text, isError});
    }
    m_queuedSize += int(text.size());
    if (m_queuedSize >= MaxQueued) {
        flush();
    } else if (!m_flushTimer->isActive()) {
        m_flushTimer->start();
    }
}

void OutputView::flush()
{
    m_flushTimer->stop();
    if (m_queued.isEmpty()) {
        return;
    }
    const QVector<QueuedOutput> queued = std::exchange(m_queued, {});
    m_queuedSize = 0;
    const bool follow = isScrolledToEnd();
    QTextCursor cursor(m_browser->document());
    cursor.movePosition(QTextCursor::End);
    // One notification of the change for everything instead of one for each link.
    cursor.beginEditBlock();
    for (const QueuedOutput &piece : queued) {
        writeOutput(cursor, normalized(piece.text), piece.isError);
    }
    cursor.endEditBlock();
    trim();
    if (follow) {
        scrollToEnd();
    }
}

void OutputView::writeOutput(QTextCursor &cursor, QString chunk, bool isError)
{
    if (chunk.isEmpty()) {
        return;
    }
    bool atLineStart = m_atLineStart;
    if (!m_pendingLine.isEmpty() && m_pendingIsError == isError) {
        // The unfinished line is written again with its continuation, so that a place split
        // between two pieces of output still becomes a link.
        cursor.setPosition(cursor.position() - m_pendingShown, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        chunk.prepend(m_pendingLine);
        atLineStart = m_pendingStartsLine;
    }
    m_pendingLine.clear();
    m_pendingShown = 0;
    const int tone = isError ? ErrorTone : NormalTone;

    const qsizetype lastBreak = chunk.lastIndexOf(u'\n');
    if (lastBreak >= 0) {
        insertText(cursor, withoutProtocolLines(chunk.left(lastBreak + 1), atLineStart), tone,
                   true);
        atLineStart = true;
    }
    const QString tail = chunk.mid(lastBreak + 1);
    // An unfinished line that may become a verdict line is held back until it is complete.
    const bool holdBack = atLineStart && !tail.isEmpty() && mayBecomeProtocolLine(tail);
    if (!holdBack) {
        const int before = cursor.position();
        insertText(cursor, tail, tone, true);
        m_pendingShown = cursor.position() - before;
    }
    if (tail.size() <= MaxPendingLine) {
        m_pendingLine = tail;
        m_pendingIsError = isError;
        m_pendingStartsLine = atLineStart;
    }
    m_atLineStart = tail.isEmpty() || holdBack;
}

void OutputView::startLine(QTextCursor &cursor)
{
    flush();
    cursor.movePosition(QTextCursor::End);
    if (!m_atLineStart) {
        cursor.insertText(QStringLiteral("\n"));
        m_atLineStart = true;
    }
    m_pendingLine.clear();
    m_pendingShown = 0;
}

void OutputView::appendStatus(const QString &text)
{
    flush();
    const bool follow = isScrolledToEnd();
    QTextCursor cursor(m_browser->document());
    startLine(cursor);
    insertText(cursor, normalized(text), StatusTone, false);
    cursor.insertText(QStringLiteral("\n"));
    m_atLineStart = true;
    trim();
    if (follow) {
        scrollToEnd();
    }
}

void OutputView::appendBlock(const QString &text, int tone, bool linkify)
{
    QTextCursor cursor(m_browser->document());
    startLine(cursor);
    QString block = normalized(text);
    if (linkify) {
        block = withoutProtocolLines(block);
    }
    if (!block.endsWith(u'\n')) {
        block += u'\n';
    }
    insertText(cursor, block, tone, linkify);
    m_atLineStart = true;
}

void OutputView::appendHeading(const QString &text)
{
    QTextCursor cursor(m_browser->document());
    startLine(cursor);
    if (!m_browser->document()->isEmpty()) {
        cursor.insertText(QStringLiteral("\n"));
    }
    insertText(cursor, text + u'\n', HeadingTone, false);
    m_atLineStart = true;
}

void OutputView::setGrade(const Grade &grade)
{
    clear();
    if (m_sourceFileName.isEmpty() && !grade.sourceFile.isEmpty()) {
        setSourceFileName(grade.sourceFile);
    }
    const bool compilerSpoke = !grade.compile.ok || !grade.compile.diagnostics.isEmpty();
    if (compilerSpoke && !grade.compile.output.trimmed().isEmpty()) {
        appendHeading(grade.compile.ok ? tr("Compiler output")
                                       : tr("Compiler output: the build "
                                            "failed"));
        appendBlock(grade.compile.output, grade.compile.ok ? NormalTone : ErrorTone, true);
    }
    for (const RunLog &log : grade.logs) {
        appendHeading(log.label.isEmpty() ? tr("Run") : log.label);
        const QString standardOutput = withoutProtocolLines(normalized(log.standardOutput));
        const QString standardError = withoutProtocolLines(normalized(log.standardError));
        if (standardOutput.isEmpty() && standardError.isEmpty()) {
            appendBlock(tr("(no output)"), StatusTone, false);
        }
        if (!standardOutput.isEmpty()) {
            appendBlock(standardOutput, NormalTone, true);
        }
        if (!standardError.isEmpty()) {
            appendBlock(standardError, ErrorTone, true);
        }
    }
    bool reportsHeading = false;
    for (const RaceFinding &race : grade.races) {
        if (race.rawReport.trimmed().isEmpty()) {
            continue;
        }
        if (!reportsHeading) {
            appendHeading(tr("Race reports"));
            reportsHeading = true;
        } else {
            QTextCursor cursor(m_browser->document());
            startLine(cursor);
            cursor.insertText(QStringLiteral("\n"));
        }
        appendBlock(race.rawReport, NormalTone, true);
    }
    if (m_browser->document()->isEmpty()) {
        appendBlock(tr("The grading kept no output of the program."), StatusTone, false);
    }
    trim();
    m_browser->verticalScrollBar()->setValue(0);
}

void OutputView::trim()
{
    QTextDocument *document = m_browser->document();
    const int count = document->characterCount();
    if (count <= MaxCharacters + TrimSlack) {
        return;
    }
    int to = count - MaxCharacters;
    // Cut whole lines when the next line break is near.
    const QTextBlock block = document->findBlock(to);
    const QTextBlock next = block.next();
    if (block.position() != to && next.isValid() && next.position() - to < 64 * 1024) {
        to = next.position();
    }
    QTextCursor cursor(document);
    cursor.setPosition(m_noticeLength);
    cursor.setPosition(qMax(m_noticeLength, to), QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    if (m_noticeLength == 0) {
        const QString notice = tr("[Earlier output was dropped: only the last %1 MB are shown.]")
                                   .arg(MaxCharacters / (1024 * 1024));
        cursor.setPosition(0);
        insertText(cursor, notice, NoticeTone, false);
        cursor.insertBlock();
        m_noticeLength = int(notice.size()) + 1;
    }
}

void OutputView::recolour()
{
    QTextDocument *document = m_browser->document();
    struct Span
    {
        int position;
        int length;
        int tone;
    };
    QVector<Span> spans;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const int tone = fragment.charFormat().intProperty(ToneProperty);
            if (tone != NormalTone && tone != HeadingTone) {
                spans.append({fragment.position(), fragment.length(), tone});
            }
        }
    }
    QTextCursor cursor(document);
    for (const Span &span : std::as_const(spans)) {
        cursor.setPosition(span.position);
        cursor.setPosition(span.position + span.length, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setForeground(colourFor(span.tone));
        cursor.mergeCharFormat(format);
    }
}

bool OutputView::eventFilter(QObject *watched, QEvent *event)
{
    // The browser's own palette decides the colours; it may change after this widget's.
    if (watched == m_browser && event->type() == QEvent::PaletteChange) {
        recolour();
    }
    return QWidget::eventFilter(watched, event);
}

QString OutputView::plainText() const
{
    const_cast<OutputView *>(this)->flush();
    return m_browser->toPlainText();
}

QStringList OutputView::linkTargets() const
{
    const_cast<OutputView *>(this)->flush();
    QStringList targets;
    const QString prefix = linkScheme + u':';
    int lastEnd = -1;
    QString lastHref;
    for (QTextBlock block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor()) {
                continue;
            }
            const QString href = format.anchorHref();
            // One link may be stored in several pieces.
            if (!(href == lastHref && fragment.position() == lastEnd) && href.startsWith(prefix)) {
                targets.append(href.mid(prefix.size()));
            }
            lastHref = href;
            lastEnd = fragment.position() + fragment.length();
        }
    }
    return targets;
}

void OutputView::activateLink(const QString &target)
{
    int line = 0;
    int column = 0;
    if (parseTarget(target, &line, &column)) {
        Q_EMIT locationActivated(line, column);
    }
}

void OutputView::openLink(const QUrl &url)
{
    activateLink(url.toString());
}

} // namespace RaceGrade
