#include "sourcehighlighter.h"

#include "logging.h"

#include <QMutex>
#include <QMutexLocker>

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#endif

namespace RaceGrade {

namespace {

QStringList splitLines(const QString &source)
{
    QStringList lines = source.split(u'\n');
    if (lines.size() > 1 && lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    for (QString &line : lines) {
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
    }
    return lines;
}

QString plainHtml(const QString &source)
{
    QStringList lines = splitLines(source);
    for (QString &line : lines) {
        line = FeedbackHtml::escaped(line);
    }
    return lines.join(u'\n');
}

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING

namespace Syntax = KSyntaxHighlighting;

// Highlights line by line and writes each run of a format as an HTML span with inline style,
// so that every line's tags are closed on that line. (KSyntaxHighlighting's own HtmlHighlighter
// writes whole documents to a file, and its header is not installed everywhere.)
class LineHtmlHighlighter : public Syntax::AbstractHighlighter
{
public:
    QString highlight(const QString &source)
    {
        QStringList out;
        Syntax::State state;
        for (const QString &line : splitLines(source)) {
            m_line = line;
            m_html.clear();
            m_position = 0;
            state = highlightLine(line, state);
            if (m_position < m_line.size()) {
                m_html += FeedbackHtml::escaped(m_line.mid(m_position));
            }
            out.append(m_html);
        }
        return out.join(u'\n');
    }

protected:
    void applyFormat(int offset, int length, const Syntax::Format &format) override
    {
        if (offset > m_position) {
            m_html += FeedbackHtml::escaped(m_line.mid(m_position, offset - m_position));
        }
        const QString text = FeedbackHtml::escaped(m_line.mid(offset, length));
        m_position = offset + length;
        if (text.isEmpty()) {
            return;
        }
        if (format.isDefaultTextStyle(theme())) {
            m_html += text;
            return;
        }
        QStringList style;
        if (format.hasTextColor(theme())) {
            style.append(QStringLiteral("color:") + format.textColor(theme()).name());
        }
        if (format.isBold(theme())) {
            style.append(QStringLiteral("font-weight:bold"));
        }
        if (format.isItalic(theme())) {
            style.append(QStringLiteral("font-style:italic"));
        }
        if (format.isUnderline(theme())) {
            style.append(QStringLiteral("text-decoration:underline"));
        }
        m_html += style.isEmpty()
                      ? text
                      : QStringLiteral("<span style=\"%1\">%2</span>").arg(style.join(u';'), text);
    }

private:
    QString m_line;
    QString m_html;
    int m_position = 0;
};

// The repository loads every definition once; it is not thread-safe, so one caller at a time.
QMutex repositoryMutex;

Syntax::Repository &repository()
{
    static Syntax::Repository instance;
    return instance;
}

#endif

} // namespace

bool SourceHighlighter::available()
{
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    return true;
#else
    return false;
#endif
}

QString SourceHighlighter::toHtml(const QString &source, Language language)
{
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    const QMutexLocker locker(&repositoryMutex);
    const QString name = language == Language::Go ? QStringLiteral("Go") : QStringLiteral("C++");
    const Syntax::Definition definition = repository().definitionForName(name);
    if (!definition.isValid()) {
        qCWarning(lcReports) << "KSyntaxHighlighting has no definition for" << name;
        return plainHtml(source);
    }
    LineHtmlHighlighter highlighter;
    highlighter.setDefinition(definition);
    highlighter.setTheme(repository().defaultTheme(Syntax::Repository::LightTheme));
    return highlighter.highlight(source);
#else
    Q_UNUSED(language)
    return plainHtml(source);
#endif
}

SourceToHtml SourceHighlighter::function()
{
    return [](const QString &source, Language language) { return toHtml(source, language); };
}

} // namespace RaceGrade
