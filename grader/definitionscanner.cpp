#include "definitionscanner.h"

#include <QSet>
#include <QVector>

namespace RaceGrade {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

/// Blanks what is not code, one character at a time, keeping every line break.
class Blanker
{
public:
    Blanker(const QString &source, Language language)
        : m_in(source)
        , m_language(language)
    {
        m_out.reserve(source.size());
    }

    QString run();

private:
    QChar at(qsizetype i) const { return i < m_in.size() ? m_in.at(i) : QChar(); }
    // Copies [from, to) as blanks, keeping line breaks.
    void blank(qsizetype from, qsizetype to)
    {
        for (qsizetype i = from; i < to && i < m_in.size(); ++i) {
            m_out.append(m_in.at(i) == u'\n' ? u'\n' : u' ');
        }
    }
    qsizetype endOfLineComment(qsizetype i) const;
    qsizetype endOfBlockComment(qsizetype i) const;
    qsizetype endOfQuoted(qsizetype i, QChar quote) const;
    qsizetype endOfGoRawString(qsizetype i) const;
    qsizetype endOfCppRawString(qsizetype i) const;
    bool startsCppRawString(qsizetype i) const;
    bool startsPreprocessorLine(qsizetype i) const;

    const QString &m_in;
    Language m_language;
    QString m_out;
};

QString Blanker::run()
{
    const bool cpp = m_language == Language::Cpp;
    qsizetype i = 0;
    while (i < m_in.size()) {
        const QChar c = m_in.at(i);
        const QChar next = at(i + 1);
        qsizetype end = -1;
        if (c == u'/' && next == u'/') {
            end = endOfLineComment(i);
        } else if (c == u'/' && next == u'*') {
            end = endOfBlockComment(i);
        } else if (cpp && startsPreprocessorLine(i)) {
            end = endOfLineComment(i);
        } else if (cpp && c == u'"' && startsCppRawString(i)) {
            end = endOfCppRawString(i);
        } else if (c == u'"') {
            end = endOfQuoted(i, c);
        } else if (c == u'\'' && !(cpp && i > 0 && m_in.at(i - 1).isDigit())) {
            // In C++, a quote after a digit separates digits (1'000'000).
            end = endOfQuoted(i, c);
        } else if (!cpp && c == u'`') {
            end = endOfGoRawString(i);
        }
        if (end < 0) {
            m_out.append(c);
            ++i;
            continue;
        }
        // A literal keeps its opening quote, so that what follows still reads as a value.
        const bool literal = m_in.at(i) == u'"' || m_in.at(i) == u'\'' || m_in.at(i) == u'`';
        if (literal) {
            m_out.append(m_in.at(i));
            blank(i + 1, end);
        } else {
            blank(i, end);
        }
        i = end;
    }
    return m_out;
}

qsizetype Blanker::endOfLineComment(qsizetype i) const
{
    while (i < m_in.size() && m_in.at(i) != u'\n') {
        // A backslash at the end of a C++ line carries the comment or directive on.
        if (m_language == Language::Cpp && m_in.at(i) == u'\\' && at(i + 1) == u'\n') {
            ++i;
        }
        ++i;
    }
    return i;
}

qsizetype Blanker::endOfBlockComment(qsizetype i) const
{
    const qsizetype close = m_in.indexOf(QLatin1String("*/"), i + 2);
    return close < 0 ? m_in.size() : close + 2;
}

qsizetype Blanker::endOfQuoted(qsizetype i, QChar quote) const
{
    for (qsizetype j = i + 1; j < m_in.size(); ++j) {
        const QChar c = m_in.at(j);
        if (c == u'\\') {
            ++j;
        } else if (c == quote) {
            return j + 1;
        } else if (c == u'\n') {
            return j; // an unclosed literal ends with its line, as the compilers say
        }
    }
    return m_in.size();
}

qsizetype Blanker::endOfGoRawString(qsizetype i) const
{
    const qsizetype close = m_in.indexOf(u'`', i + 1);
    return close < 0 ? m_in.size() : close + 1;
}

bool Blanker::startsCppRawString(qsizetype i) const
{
    // R"delim( with an optional encoding prefix: u8R, uR, UR, LR.
    if (i == 0 || m_in.at(i - 1) != u'R') {
        return false;
    }
    qsizetype start = i - 1;
    while (start > 0 && isIdentifierPart(m_in.at(start - 1))) {
        --start;
    }
    const QStringView prefix = QStringView(m_in).mid(start, i - 1 - start);
    return prefix.isEmpty() || prefix == u"u8" || prefix == u"u" || prefix == u"U" ||
           prefix == u"L";
}

qsizetype Blanker::endOfCppRawString(qsizetype i) const
{
    const qsizetype open = m_in.indexOf(u'(', i + 1);
    if (open < 0 || open - i - 1 > 16) {
        return endOfQuoted(i, u'"');
    }
    const QString closing = u')' + m_in.mid(i + 1, open - i - 1) + u'"';
    const qsizetype close = m_in.indexOf(closing, open + 1);
    return close < 0 ? m_in.size() : close + closing.size();
}

bool Blanker::startsPreprocessorLine(qsizetype i) const
{
    if (m_in.at(i) != u'#') {
        return false;
    }
    for (qsizetype j = i - 1; j >= 0; --j) {
        const QChar c = m_in.at(j);
        if (c == u'\n') {
            return true;
        }
        if (c != u' ' && c != u'\t') {
            return false;
        }
    }
    return true;
}

struct Token
{
    enum Kind
    {
        Identifier,
        Number,
        Punctuation
    };
    Kind kind = Punctuation;
    QString text;
    bool firstOnLine = false;

    bool is(const char *punctuation) const
    {
        return kind == Punctuation && text == QLatin1String(punctuation);
    }
};

QVector<Token> tokenize(const QString &code)
{
    QVector<Token> tokens;
    bool lineStart = true;
    qsizetype i = 0;
    while (i < code.size()) {
        const QChar c = code.at(i);
        if (c == u'\n') {
            lineStart = true;
            ++i;
            continue;
        }
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token token;
        token.firstOnLine = lineStart;
        lineStart = false;
        qsizetype end = i + 1;
        if (isIdentifierStart(c)) {
            while (end < code.size() && isIdentifierPart(code.at(end))) {
                ++end;
            }
            token.kind = Token::Identifier;
        } else if (c.isDigit()) {
            while (end < code.size() && (isIdentifierPart(code.at(end)) || code.at(end) == u'.')) {
                ++end;
            }
            token.kind = Token::Number;
        } else if ((c == u':' && end < code.size() && code.at(end) == u':') ||
                   (c == u'-' && end < code.size() && code.at(end) == u'>')) {
            ++end;
        }
        token.text = code.mid(i, end - i);
        tokens.append(token);
        i = end;
    }
    return tokens;
}

/// The index of the token that closes the bracket at `open`, or -1.
qsizetype matchingClose(const QVector<Token> &tokens, qsizetype open)
{
    const QString opening = tokens.at(open).text;
    const QString closing = opening == u"("   ? QStringLiteral(")")
                            : opening == u"[" ? QStringLiteral("]")
                                              : QStringLiteral("}");
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (token.kind != Token::Punctuation) {
            continue;
        }
        if (token.text == opening) {
            ++depth;
        } else if (token.text == closing && --depth == 0) {
            return i;
        }
    }
    return -1;
}

class NameList
{
public:
    void add(const QString &name)
    {
        if (!m_seen.contains(name)) {
            m_seen.insert(name);
            m_names.append(name);
        }
    }
    QStringList names() const { return m_names; }

private:
    QSet<QString> m_seen;
    QStringList m_names;
};

QStringList goDefinitions(const QVector<Token> &tokens)
{
    NameList names;
    const auto identifierAt = [&](qsizetype i) {
        return i < tokens.size() && tokens.at(i).kind == Token::Identifier;
    };
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (token.kind != Token::Identifier) {
            continue;
        }
        if (token.text == u"type" && identifierAt(i + 1)) {
            names.add(tokens.at(i + 1).text);
        } else if (token.text == u"type" && tokens.at(i + 1).is("(")) {
            // A group: each line that starts at the group's own level names a type.
            const qsizetype close = matchingClose(tokens, i + 1);
            int depth = 0;
            for (qsizetype j = i + 2; j < (close < 0 ? tokens.size() : close); ++j) {
                const Token &inner = tokens.at(j);
                if (inner.is("{") || inner.is("(") || inner.is("[")) {
                    ++depth;
                } else if (inner.is("}") || inner.is(")") || inner.is("]")) {
                    --depth;
                } else if (depth == 0 && inner.firstOnLine && inner.kind == Token::Identifier) {
                    names.add(inner.text);
                }
            }
        } else if (token.text == u"func" && identifierAt(i + 1)) {
            names.add(tokens.at(i + 1).text);
        } else if (token.text == u"func" && tokens.at(i + 1).is("(")) {
            // A method: func (receiver) Name( or Name[ for type parameters.
            const qsizetype close = matchingClose(tokens, i + 1);
            if (close > 0 && identifierAt(close + 1) && close + 2 < tokens.size() &&
                (tokens.at(close + 2).is("(") || tokens.at(close + 2).is("["))) {
                names.add(tokens.at(close + 1).text);
            }
        }
    }
    return names.names();
}

// Words that start a statement, never a declaration: a name after them is called, not defined.
bool startsStatement(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("return"),   QStringLiteral("new"),      QStringLiteral("delete"),
        QStringLiteral("throw"),    QStringLiteral("case"),     QStringLiteral("goto"),
        QStringLiteral("else"),     QStringLiteral("do"),       QStringLiteral("co_return"),
        QStringLiteral("co_yield"), QStringLiteral("co_await"), QStringLiteral("sizeof"),
        QStringLiteral("typedef"),  QStringLiteral("using"),    QStringLiteral("namespace"),
        QStringLiteral("operator"),
    };
    return words.contains(word);
}

// Whether the tokens before `name` (back to the previous ';', '{', '}' or label colon) read as
// the start of a declaration: a return type, qualifiers, template arguments, a class prefix.
bool declarationLeadsTo(const QVector<Token> &tokens, qsizetype name)
{
    int angles = 0;
    qsizetype count = 0;
    for (qsizetype j = name - 1; j >= 0; --j) {
        const Token &token = tokens.at(j);
        if (token.is(";") || token.is("{") || token.is("}") || token.is(":")) {
            break;
        }
        ++count;
        if (token.kind == Token::Identifier) {
            if (startsStatement(token.text)) {
                return false;
            }
        } else if (token.is(">")) {
            ++angles;
        } else if (token.is("<")) {
            if (--angles < 0) {
                return false;
            }
        } else if (token.is(",") || token.kind == Token::Number) {
            if (angles == 0) {
                return false;
            }
        } else if (!(token.is("::") || token.is("*") || token.is("&") || token.is("~") ||
                     token.is("[") || token.is("]"))) {
            return false;
        }
    }
    return count > 0 && angles == 0;
}

// Whether the tokens between `open` and `close` read as parameters ("int n", "const T &x",
// none) rather than as the arguments of a constructor call ("m", "10", "\"text\"", a lambda).
bool looksLikeParameters(const QVector<Token> &tokens, qsizetype open, qsizetype close)
{
    int depth = 0;
    qsizetype inParameter = 0;
    for (qsizetype i = open + 1; i <= close; ++i) {
        const Token &token = tokens.at(i);
        const bool ends = i == close || (depth == 0 && token.is(","));
        if (ends) {
            // A parameter has a type and a name, or a type with punctuation; one bare word is
            // an argument (only `void` and `...` stand alone).
            if (inParameter == 1 && tokens.at(i - 1).text != u"void") {
                return false;
            }
            inParameter = 0;
            continue;
        }
        const bool memberAccess = token.is(".") && tokens.at(i - 1).kind == Token::Identifier &&
                                  tokens.at(i + 1).kind == Token::Identifier;
        if (token.is("\"") || token.is("'") || token.is("{") || token.is("->") || memberAccess) {
            return false;
        }
        if (token.kind == Token::Number && depth == 0 && inParameter == 0) {
            return false;
        }
        if (token.is("<") || token.is("(") || token.is("[")) {
            ++depth;
        } else if (token.is(">") || token.is(")") || token.is("]")) {
            --depth;
        }
        ++inParameter;
    }
    return true;
}

// Whether what follows the parameter list closing at `close` ends a declaration or opens a
// body: `{`, `;`, `const`, `noexcept`, `= default`, `-> type`, a constructor's `:` ...
bool declarationFollows(const QVector<Token> &tokens, qsizetype open, qsizetype close)
{
    if (close + 1 >= tokens.size()) {
        return false;
    }
    const Token &next = tokens.at(close + 1);
    if (next.kind == Token::Identifier) {
        static const QSet<QString> qualifiers = {
            QStringLiteral("const"),    QStringLiteral("volatile"), QStringLiteral("noexcept"),
            QStringLiteral("override"), QStringLiteral("final"),    QStringLiteral("requires"),
            QStringLiteral("mutable"),  QStringLiteral("try"),
        };
        return qualifiers.contains(next.text);
    }
    if (next.is(";") || next.is("=")) {
        // "Type name(...);" also declares an object built with arguments.
        return looksLikeParameters(tokens, open, close);
    }
    return next.is("{") || next.is(":") || next.is("->") || next.is("&") || next.is("[");
}

QStringList cppDefinitions(const QVector<Token> &tokens)
{
    NameList names;
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        const Token &token = tokens.at(i);
        if (token.kind != Token::Identifier) {
            continue;
        }
        const Token &next = tokens.at(i + 1);
        if (token.text == u"class" || token.text == u"struct" || token.text == u"union" ||
            token.text == u"enum") {
            qsizetype at = i + 1;
            // Skip attributes and alignment: struct [[nodiscard]] alignas(64) Name {
            while (at < tokens.size() &&
                   (tokens.at(at).is("[") || tokens.at(at).text == u"alignas")) {
                const qsizetype open = tokens.at(at).is("[") ? at : at + 1;
                const qsizetype close =
                    open < tokens.size() ? matchingClose(tokens, open) : qsizetype(-1);
                if (close < 0) {
                    break;
                }
                at = close + 1;
            }
            if (at + 1 >= tokens.size() || tokens.at(at).kind != Token::Identifier) {
                continue;
            }
            qsizetype after = at + 1;
            if (tokens.at(after).text == u"final" && after + 1 < tokens.size()) {
                ++after;
            }
            if (tokens.at(after).is("{") || tokens.at(after).is(":")) {
                names.add(tokens.at(at).text);
            }
        } else if (token.text == u"using" && next.kind == Token::Identifier &&
                   i + 2 < tokens.size() && tokens.at(i + 2).is("=")) {
            names.add(next.text);
        } else if (next.is("(") && !startsStatement(token.text)) {
            const qsizetype close = matchingClose(tokens, i + 1);
            if (close > 0 && declarationLeadsTo(tokens, i) &&
                declarationFollows(tokens, i + 1, close)) {
                names.add(token.text);
            }
        }
    }
    return names.names();
}

} // namespace

QString DefinitionScanner::codeOnly(const QString &source, Language language)
{
    return Blanker(source, language).run();
}

QStringList DefinitionScanner::definedNames(const QByteArray &source, Language language)
{
    const QVector<Token> tokens = tokenize(codeOnly(QString::fromUtf8(source), language));
    return language == Language::Go ? goDefinitions(tokens) : cppDefinitions(tokens);
}

} // namespace RaceGrade
