#include "stackframeparser.h"

#include <QRegularExpression>

namespace RaceGrade {

namespace {

const QLatin1String NullName("<null>");

// "#3 <function and location> (<module>+0x<offset>) (BuildId: <hex>)"; the module and the build id
// are optional. The body is matched lazily so that it stops where the module part starts.
QRegularExpression makeSanitizerFrameRegex()
{
    const QString index = QStringLiteral("#(?<index>\\d+)");
    const QString body = QStringLiteral(" (?<body>.*?)");
    const QString module = QStringLiteral("(?: \\((?<module>[^()]*?)\\+0x[0-9a-fA-F]+\\))?");
    const QString buildId = QStringLiteral("(?: \\(BuildId: [0-9a-fA-F]+\\))?");
    return QRegularExpression(QLatin1Char('^') + index + body + module + buildId +
                              QLatin1Char('$'));
}

// "/src/file.cpp:12" or "/src/file.cpp:12:7"; the lazy file keeps "C:/..." drive letters whole.
QRegularExpression makeSanitizerLocationRegex()
{
    const QString file = QStringLiteral("(?<file>.+?)");
    const QString line = QStringLiteral(":(?<line>\\d+)");
    const QString column = QStringLiteral("(?::(?<column>\\d+))?");
    return QRegularExpression(QLatin1Char('^') + file + line + column + QLatin1Char('$'));
}

// "/src/main.go:12 +0x4e", where the offset is missing for inlined frames and the runtime adds
// "fp=... sp=... pc=..." to frames of its own stack dumps.
QRegularExpression makeGoSourceRegex()
{
    const QString file = QStringLiteral("(?<file>[^#\\s].*?)");
    const QString line = QStringLiteral(":(?<line>\\d+)");
    const QString offset = QStringLiteral("(?: \\+0x[0-9a-fA-F]+)?");
    const QString registers =
        QStringLiteral("(?: fp=0x[0-9a-fA-F]+ sp=0x[0-9a-fA-F]+ pc=0x[0-9a-fA-F]+)?");
    return QRegularExpression(QLatin1Char('^') + file + line + offset + registers +
                              QLatin1Char('$'));
}

bool containsWhitespace(QStringView text)
{
    for (const QChar c : text) {
        if (c.isSpace()) {
            return true;
        }
    }
    return false;
}

// A token without a line number is still taken as a file when it looks like one (an object file
// such as "tsan_interceptors_posix.cpp.o"), but never when it closes a signature ("() const").
bool looksLikeFile(QStringView token)
{
    if (token.isEmpty() || token.endsWith(u')') || token.endsWith(u']') || token.endsWith(u'>')) {
        return false;
    }
    return token.contains(u'/') || token.contains(u'.');
}

// Fills file, line and column of `frame` from the last token of a frame body; false when the
// token is not a location, so that it stays part of the function name.
bool applySanitizerLocation(QStringView token, StackFrame &frame)
{
    if (token.startsWith(NullName)) {
        // "<null>" and "<null>:124789328" both mean that the symbolizer knew no source.
        return true;
    }
    static const QRegularExpression locationRegex = makeSanitizerLocationRegex();
    const QRegularExpressionMatch match = locationRegex.match(token.toString());
    if (match.hasMatch()) {
        frame.file = match.captured(QStringLiteral("file"));
        frame.line = match.captured(QStringLiteral("line")).toInt();
        frame.column = match.captured(QStringLiteral("column")).toInt();
        return true;
    }
    if (looksLikeFile(token)) {
        frame.file = token.toString();
        return true;
    }
    return false;
}

} // namespace

std::optional<StackFrame> StackFrameParser::parseSanitizerFrame(QStringView line)
{
    const QStringView text = line.trimmed();
    if (text.size() < 3 || text.front() != u'#' || !text.at(1).isDigit()) {
        return std::nullopt;
    }
    static const QRegularExpression frameRegex = makeSanitizerFrameRegex();
    const QRegularExpressionMatch match = frameRegex.match(text.toString());
    if (!match.hasMatch()) {
        return std::nullopt;
    }

    StackFrame frame;
    frame.module = match.captured(QStringLiteral("module"));
    const QString body = match.captured(QStringLiteral("body"));
    // Function names contain blanks ("operator()() const", template arguments), file paths rarely
    // do, so the location is the last blank-separated token.
    QStringView function(body);
    const qsizetype split = body.lastIndexOf(u' ');
    if (split > 0 && applySanitizerLocation(QStringView(body).mid(split + 1), frame)) {
        function = QStringView(body).left(split);
    }
    if (function != NullName) {
        frame.function = function.toString();
    }
    return frame;
}

std::optional<QString> StackFrameParser::parseGoFunction(QStringView line)
{
    const QStringView text = line.trimmed();
    if (text.isEmpty() || text.back() != u')') {
        return std::nullopt;
    }
    // The argument list is the last balanced parenthesis group; the name itself may hold
    // parentheses too, as in "main.(*Counter).Inc".
    int depth = 0;
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        const QChar c = text.at(i);
        if (c == u')') {
            ++depth;
        } else if (c == u'(' && --depth == 0) {
            const QStringView function = text.left(i);
            if (function.isEmpty() || containsWhitespace(function) || function.contains(u':')) {
                return std::nullopt;
            }
            return function.toString();
        }
    }
    return std::nullopt;
}

std::optional<StackFrame> StackFrameParser::parseGoSource(QStringView line)
{
    if (line.isEmpty() || !line.front().isSpace()) {
        return std::nullopt;
    }
    const QStringView text = line.trimmed();
    if (!text.contains(u':')) {
        return std::nullopt;
    }
    static const QRegularExpression sourceRegex = makeGoSourceRegex();
    const QRegularExpressionMatch match = sourceRegex.match(text.toString());
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    StackFrame frame;
    frame.file = match.captured(QStringLiteral("file"));
    frame.line = match.captured(QStringLiteral("line")).toInt();
    return frame;
}

} // namespace RaceGrade
