#include "diagnosticparser.h"

#include <QRegularExpression>
#include <QString>
#include <optional>
#include <utility>

namespace RaceGrade {

namespace {

// Pattern building blocks. Every pattern below is assembled from these so that the shape of a
// path or of a "line:column" pair is written down once.

/// A path as the tools print it: an optional drive letter, then anything up to the next colon.
/// It never starts with white space (that would be an excerpt or a continuation line) and is
/// matched lazily so that the first ":<digits>" ends it.
constexpr char kPath[] = R"((?:[A-Za-z]:[\\/])?[^\s:][^:]*?)";
/// A path that ends in an extension; Go output only ever names files like main.go or go.mod,
/// and the extension keeps "12:30:45"-like program output from looking like a location.
constexpr char kPathWithExtension[] = R"((?:[A-Za-z]:[\\/])?[^\s:][^:]*?\.[A-Za-z0-9]+)";
constexpr char kLineColumn[] = R"(:(?<line>\d+)(?::(?<column>\d+))?)";
constexpr char kSeverity[] = R"(fatal error|error|warning|note|remark)";
/// A linker program: ld, /usr/bin/ld, x86_64-linux-gnu-ld, ld.bfd, ld.gold, ld.lld.
constexpr char kLinkerProgram[] =
    R"((?:[^\s:]*/)?(?:[\w.+-]*-)?ld(?:\.(?:bfd|gold|lld))?(?:\.exe)?)";

QString group(const char *name, const QString &body)
{
    return QLatin1String("(?<") + QLatin1String(name) + QLatin1Char('>') + body + QLatin1Char(')');
}

QString group(const char *name, const char *body)
{
    return group(name, QString(QLatin1String(body)));
}

QRegularExpression anchored(const QString &body)
{
    QRegularExpression re(QLatin1Char('^') + body + QLatin1Char('$'));
    re.optimize();
    return re;
}

/// "./main.go:29:2: message" or "go.mod:5: message".
const QRegularExpression &goLocationPattern()
{
    static const QRegularExpression re =
        anchored(group("file", kPathWithExtension) + QLatin1String(kLineColumn) +
                 QLatin1String(": ") + group("message", ".*"));
    return re;
}

/// "main.cpp:12:7: error: message", "main.cpp:9: error: message", and the severity-less
/// "main.cpp:19:10:   required from here" or "main.cpp:8: undefined reference to ...".
const QRegularExpression &gccLocationPattern()
{
    static const QRegularExpression re =
        anchored(group("file", kPath) + QLatin1String(kLineColumn) + QLatin1String(": (?:") +
                 group("severity", kSeverity) + QLatin1String(": )?") + group("message", ".*"));
    return re;
}

/// "In file included from main.cpp:3:" and its "                 from b.h:2," follow-ups.
const QRegularExpression &includedFromPattern()
{
    static const QRegularExpression re =
        anchored(QLatin1String(R"((?:In file included |\s+)from )") + group("file", kPath) +
                 QLatin1String(kLineColumn) + QLatin1String("[:,]"));
    return re;
}

/// "main.cpp: In function 'int main()':", "main.cpp: At global scope:".
const QRegularExpression &scopePattern()
{
    static const QRegularExpression re =
        anchored(group("file", kPath) + QLatin1String(": ") + group("scope", "(?:In|At) .+") +
                 QLatin1Char(':'));
    return re;
}

/// A program's own complaint ("collect2: error: ...", "cc1plus: fatal error: ...") or a bare
/// "error: ...".
const QRegularExpression &programPattern()
{
    static const QRegularExpression re =
        anchored(QLatin1String("(?:") + group("program", R"([^\s:]+)") + QLatin1String(": )?") +
                 group("severity", kSeverity) + QLatin1String(": ") + group("message", ".*"));
    return re;
}

/// "/usr/bin/ld: <rest>".
const QRegularExpression &linkerPrefixPattern()
{
    static const QRegularExpression re =
        anchored(QLatin1String(kLinkerProgram) + QLatin1String(": ") + group("rest", ".*"));
    return re;
}

/// "/tmp/ccX.o: in function `main':" (the part after the linker prefix).
const QRegularExpression &linkerFunctionPattern()
{
    static const QRegularExpression re =
        anchored(group("file", R"(\S+?)") + QLatin1String(": in function ") +
                 group("function", ".+") + QLatin1Char(':'));
    return re;
}

/// "main.cpp:(.text+0x1c): undefined reference to `foo()'".
const QRegularExpression &linkerSectionPattern()
{
    static const QRegularExpression re =
        anchored(group("file", R"(\S+?)") + QLatin1String(R"(:\()") + group("section", R"([^)]*)") +
                 QLatin1String(R"(\): )") + group("message", ".*"));
    return re;
}

/// "/tmp/ccX.o: warning: relocation against ..." (the part after the linker prefix).
const QRegularExpression &linkerObjectPattern()
{
    static const QRegularExpression re =
        anchored(group("file", R"(\S+?)") + QLatin1String(": ") + group("message", ".*"));
    return re;
}

/// clang's closing "2 errors generated." or "1 warning and 1 error generated.".
const QRegularExpression &clangSummaryPattern()
{
    static const QRegularExpression re = anchored(
        QLatin1String(R"(\d+ (?:warning|error)s? (?:and \d+ (?:warning|error)s? )?generated\.)"));
    return re;
}

const QRegularExpression &ansiEscapePattern()
{
    static const QRegularExpression re(QStringLiteral("\x1b\\[[0-9;]*[A-Za-z]"));
    return re;
}

/// Calls \a visit for every line of \a text, without the line break or a trailing '\r'.
template <typename Visitor>
void forEachLine(QStringView text, Visitor &&visit)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && text.at(end) != QLatin1Char('\n'))
            ++end;
        QStringView line = text.mid(start, end - start);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        visit(line);
        start = end + 1;
    }
}

bool startsWithSpace(QStringView line)
{
    return !line.isEmpty() && line.front().isSpace();
}

int toInt(const QString &digits)
{
    return digits.isEmpty() ? 0 : digits.toInt();
}

Severity severityFromKeyword(const QString &keyword)
{
    if (keyword == QLatin1String("warning"))
        return Severity::Warning;
    if (keyword == QLatin1String("note") || keyword == QLatin1String("remark"))
        return Severity::Note;
    return Severity::Error;
}

RelatedLocation relatedFrom(const QRegularExpressionMatch &m, const QString &message)
{
    return RelatedLocation{m.captured(QStringLiteral("file")),
                           toInt(m.captured(QStringLiteral("line"))),
                           toInt(m.captured(QStringLiteral("column"))), message};
}

// ---------------------------------------------------------------------------------------------
// Go

QString goTool()
{
    return QStringLiteral("go");
}

QString vetTool()
{
    return QStringLiteral("go vet");
}

/// Phrases only go vet's analyzers print (copylocks, assign, loopclosure, printf, unreachable,
/// lostcancel, unusedresult, bools, nilfunc, shift, stdmethods, structtag, composites, atomic,
/// errorsas, ifaceassert, stringintconv, unsafeptr, httpresponse, testinggoroutine, ...). The Go
/// compiler never uses them, which is what lets parseGo tell a vet finding from a compile error.
bool isVetFinding(QStringView message)
{
    static const char *const phrases[] = {
        "copies lock value",
        "passes lock by value",
        "returns lock by value",
        "self-assignment of ",
        "captured by func literal",
        "unreachable code",
        "possible formatting directive",
        " format %",
        "call has arguments but no formatting directives",
        "arg list ends with redundant newline",
        "the cancel function",
        " call not used",
        "redundant or: ",
        "suspect or: ",
        "redundant and: ",
        "suspect and: ",
        "comparison of function ",
        "too small for shift of",
        "should have signature ",
        "struct field tag ",
        "composite literal uses unkeyed fields",
        "direct assignment to atomic value",
        "second argument to errors.As",
        "impossible type assertion",
        "yields a string of one rune",
        "possible misuse of ",
        "using resp before checking for errors",
        "from a non-test goroutine",
        "misuse of unbuffered os.Signal channel",
        "avoid using reflect.DeepEqual with errors",
    };
    for (const char *phrase : phrases) {
        if (message.contains(QLatin1String(phrase)))
            return true;
    }
    return false;
}

/// Lines `go test` prints around a failed build; never diagnostics.
bool isGoTestNoise(QStringView line)
{
    static const char *const prefixes[] = {"FAIL", "ok ",  "ok\t", "PASS",
                                           "?   ", "--- ", "=== ", "exit status "};
    for (const char *prefix : prefixes) {
        if (line.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

/// Progress messages of the go command ("go: downloading ...", "go: finding module ...").
bool isGoProgress(QStringView line)
{
    static const char *const prefixes[] = {
        "go: finding ", "go: downloading ", "go: found ",    "go: extracting ", "go: creating new ",
        "go: adding ",  "go: added ",       "go: upgraded ", "go: downgraded ", "go: removed ",
    };
    for (const char *prefix : prefixes) {
        if (line.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

/// Failures of the go command that name no source position but stop the build.
bool isGoGlobalFailure(QStringView line)
{
    static const char *const prefixes[] = {
        "go: ",
        "package ",
        "found packages ",
        "can't load package",
        "cannot find package",
        "cannot find main module",
        "no required module provides",
        "build constraints exclude all Go files",
        "no Go files in",
        "import cycle not allowed",
        "too many errors",
    };
    for (const char *prefix : prefixes) {
        if (line.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

class GoParser
{
public:
    void feed(QStringView line);
    QVector<Diagnostic> take() { return std::move(m_result); }

private:
    void addLocated(const QRegularExpressionMatch &m, bool fromVetPrefix);
    void addGlobal(QString message, const QString &tool);
    void continueLast(QStringView line);

    QVector<Diagnostic> m_result;
    /// Diagnostic that indented continuation lines belong to; -1 when none.
    int m_last = -1;
    /// Global line ending in ':' that introduced what follows ("go: errors parsing go.mod:");
    /// -1 when the last line was not one.
    int m_openIntroduction = -1;
    /// Inside the output for one package, after a "# package" header.
    bool m_inPackageBlock = false;
};

void GoParser::feed(QStringView line)
{
    const int introduction = m_openIntroduction;
    m_openIntroduction = -1;

    if (line.trimmed().isEmpty()) {
        m_last = -1;
        return;
    }
    if (line.startsWith(QLatin1String("# "))) {
        m_inPackageBlock = true;
        m_last = -1;
        return;
    }
    if (startsWithSpace(line)) {
        continueLast(line.trimmed());
        return;
    }

    bool fromVetPrefix = false;
    QStringView body = line;
    if (body.startsWith(QLatin1String("vet: "))) {
        fromVetPrefix = true;
        body = body.mid(5);
    }

    if (body.contains(QLatin1String(": "))) {
        const QRegularExpressionMatch m = goLocationPattern().match(body.toString());
        if (m.hasMatch()) {
            // The located line carries the whole story; an introduction such as
            // "go: errors parsing go.mod:" would only repeat it.
            if (introduction >= 0 && introduction == m_result.size() - 1)
                m_result.removeLast();
            addLocated(m, fromVetPrefix);
            return;
        }
    }

    if (fromVetPrefix) {
        addGlobal(body.toString(), vetTool());
        return;
    }
    if (isGoTestNoise(line)) {
        m_inPackageBlock = false;
        m_last = -1;
        return;
    }
    if (isGoProgress(line))
        return;
    // After a package header, anything unlocated is a linker or toolchain failure for it,
    // e.g. "runtime.main_main·f: function main is undeclared in the main package".
    if (m_inPackageBlock || isGoGlobalFailure(line)) {
        QString message = line.toString();
        if (message.startsWith(QLatin1String("go: ")))
            message.remove(0, 4);
        addGlobal(message, goTool());
        if (line.endsWith(QLatin1Char(':')))
            m_openIntroduction = m_last;
        return;
    }
    m_last = -1;
}

void GoParser::addLocated(const QRegularExpressionMatch &m, bool fromVetPrefix)
{
    Diagnostic d;
    d.file = m.captured(QStringLiteral("file"));
    d.line = toInt(m.captured(QStringLiteral("line")));
    d.column = toInt(m.captured(QStringLiteral("column")));
    d.message = m.captured(QStringLiteral("message")).trimmed();
    d.tool = goTool();
    if (d.message == QLatin1String("too many errors")) {
        // The compiler giving up is not a mistake of its own at that position.
        d.severity = Severity::Note;
    } else if (fromVetPrefix) {
        // vet could not type-check the package: a compile error, found by vet.
        d.tool = vetTool();
    } else if (isVetFinding(d.message)) {
        d.tool = vetTool();
        d.severity = Severity::Warning;
    }
    m_result.append(d);
    m_last = int(m_result.size()) - 1;
}

void GoParser::addGlobal(QString message, const QString &tool)
{
    Diagnostic d;
    d.message = std::move(message);
    d.tool = tool;
    if (d.message == QLatin1String("too many errors"))
        d.severity = Severity::Note;
    m_result.append(d);
    m_last = int(m_result.size()) - 1;
}

void GoParser::continueLast(QStringView trimmed)
{
    if (m_last < 0)
        return;
    Diagnostic &d = m_result[m_last];
    if (trimmed.contains(QLatin1String(": "))) {
        const QRegularExpressionMatch m = goLocationPattern().match(trimmed.toString());
        if (m.hasMatch()) {
            d.related.append(relatedFrom(m, m.captured(QStringLiteral("message")).trimmed()));
            return;
        }
    }
    d.message += QLatin1Char('\n') + trimmed.toString();
}

// ---------------------------------------------------------------------------------------------
// gcc, clang and ld

QString linkerTool()
{
    return QStringLiteral("ld");
}

QString gccTool()
{
    return QStringLiteral("gcc");
}

QString clangTool()
{
    return QStringLiteral("clang");
}

bool isClangProgram(QStringView program)
{
    return program.contains(QLatin1String("clang"));
}

/// clang always ends its output with "N errors generated." and its driver calls itself
/// "clang"; gcc does neither. Without either sign the text is taken to be gcc's.
QString detectCompiler(QStringView text)
{
    QString compiler = gccTool();
    forEachLine(text, [&](QStringView line) {
        if (line.endsWith(QLatin1String(" generated.")) &&
            clangSummaryPattern().match(line.toString()).hasMatch()) {
            compiler = clangTool();
        } else if (line.startsWith(QLatin1String("clang"))) {
            const QRegularExpressionMatch m = programPattern().match(line.toString());
            if (m.hasMatch() && isClangProgram(m.capturedView(QStringLiteral("program"))))
                compiler = clangTool();
        }
    });
    return compiler;
}

/// gcc's source excerpt ("   12 |   count++;"), caret ("      |   ^~~") and fix-it
/// ("  +++ |+#include <mutex>") lines: optional spaces, a line number or "+++", then '|'.
bool isSourceExcerpt(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    if (line.mid(i).startsWith(QLatin1String("+++")))
        i += 3;
    while (i < line.size() && line.at(i).isDigit())
        ++i;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i < line.size() && line.at(i) == QLatin1Char('|');
}

/// Objects and archives are temporary or build artefacts, not places a student can open.
bool isObjectFile(QStringView path)
{
    static const char *const suffixes[] = {".o", ".obj", ".a", ".lib", ".so", ".dylib", ")"};
    for (const char *suffix : suffixes) {
        if (path.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

/// Whether the word before the first ": " could name a linker (cheap test before the regex).
bool mayStartWithLinker(QStringView line)
{
    const qsizetype separator = line.indexOf(QLatin1String(": "));
    if (separator < 2)
        return false;
    const QStringView program = line.left(separator);
    return program.endsWith(QLatin1String("ld")) || program.contains(QLatin1String("ld."));
}

bool isLinkerMessage(QStringView message)
{
    return message.startsWith(QLatin1String("undefined reference to")) ||
           message.startsWith(QLatin1String("multiple definition of")) ||
           message.startsWith(QLatin1String("more undefined references to"));
}

/// Splits a leading "warning: " or "error: " off a linker message.
Severity takeLinkerSeverity(QString &message)
{
    if (message.startsWith(QLatin1String("warning: "))) {
        message.remove(0, 9);
        return Severity::Warning;
    }
    if (message.startsWith(QLatin1String("error: ")))
        message.remove(0, 7);
    return Severity::Error;
}

class GccParser
{
public:
    explicit GccParser(QString compiler)
        : m_compiler(std::move(compiler))
    {}
    void feed(QStringView line);
    QVector<Diagnostic> take() { return std::move(m_result); }

private:
    void feedLinker(const QString &rest);
    void addLocated(const QRegularExpressionMatch &m);
    void addProgramLine(const QRegularExpressionMatch &m);
    void addPrimary(Diagnostic d);
    void addNote(const RelatedLocation &note);
    void addLinker(QString file, int line, QString message, bool located);
    void leaveLinkerOutput();

    QString m_compiler;
    QVector<Diagnostic> m_result;
    /// The last error or warning, which notes attach to; -1 when none.
    int m_lastPrimary = -1;
    /// The last linker diagnostic, which lld's ">>> " lines attach to; -1 when none.
    int m_lastLinker = -1;
    /// "In file included from" chain printed before the next diagnostic.
    QVector<RelatedLocation> m_includeChain;
    /// gcc's "required from ..." lines printed before the next diagnostic.
    QVector<RelatedLocation> m_instantiationChain;
    /// gcc's "file: In function '...':"; holds for every later diagnostic in that file until
    /// the next scope line, because gcc prints it only once per function.
    std::optional<RelatedLocation> m_scope;
    /// ld's "in function `...':"; holds for the following located linker lines.
    std::optional<RelatedLocation> m_linkerFunction;
    bool m_inLinkerOutput = false;
};

void GccParser::feed(QStringView rawLine)
{
    QString line = rawLine.toString();
    if (line.contains(QLatin1Char('\x1b')))
        line.remove(ansiEscapePattern());

    if (line.trimmed().isEmpty() || isSourceExcerpt(line))
        return;
    if (line.endsWith(QLatin1String(" generated.")) && clangSummaryPattern().match(line).hasMatch())
        return;

    const bool indented = startsWithSpace(line);
    if (line.startsWith(QLatin1String("In file included from ")) ||
        (indented && line.trimmed().startsWith(QLatin1String("from ")))) {
        const QRegularExpressionMatch m = includedFromPattern().match(line);
        if (m.hasMatch()) {
            // clang prints one "In file included from" line per level, gcc one line and then
            // "from" lines, so the chain grows until a diagnostic takes it.
            m_includeChain.append(relatedFrom(m, QStringLiteral("In file included from")));
            leaveLinkerOutput();
            return;
        }
    }
    if (line.startsWith(QLatin1String(">>> "))) {
        if (m_lastLinker >= 0)
            m_result[m_lastLinker].message += QLatin1Char('\n') + line.mid(4).trimmed();
        return;
    }
    if (mayStartWithLinker(line)) {
        const QRegularExpressionMatch m = linkerPrefixPattern().match(line);
        if (m.hasMatch()) {
            feedLinker(m.captured(QStringLiteral("rest")));
            return;
        }
    }
    // What is left indented is clang's source excerpts, carets and fix-it hints.
    if (indented || !line.contains(QLatin1String(": ")))
        return;

    QRegularExpressionMatch m = gccLocationPattern().match(line);
    if (m.hasMatch()) {
        addLocated(m);
        return;
    }
    m = linkerSectionPattern().match(line);
    if (m.hasMatch()) {
        QString message = m.captured(QStringLiteral("message"));
        addLinker(m.captured(QStringLiteral("file")), 0, std::move(message), true);
        return;
    }
    m = scopePattern().match(line);
    if (m.hasMatch()) {
        const QString scope = m.captured(QStringLiteral("scope"));
        if (scope.startsWith(QLatin1String("At ")))
            m_scope.reset();
        else
            m_scope = RelatedLocation{m.captured(QStringLiteral("file")), 0, 0, scope};
        leaveLinkerOutput();
        return;
    }
    m = programPattern().match(line);
    if (m.hasMatch())
        addProgramLine(m);
}

void GccParser::feedLinker(const QString &rest)
{
    m_inLinkerOutput = true;
    QRegularExpressionMatch m = linkerFunctionPattern().match(rest);
    if (m.hasMatch()) {
        m_linkerFunction =
            RelatedLocation{m.captured(QStringLiteral("file")), 0, 0,
                            QLatin1String("in function ") + m.captured(QStringLiteral("function"))};
        return;
    }
    if (rest.startsWith(QLatin1String("warning: ")) || rest.startsWith(QLatin1String("error: ")) ||
        rest.startsWith(QLatin1String("fatal error: "))) {
        addLinker(QString(), 0, rest, false);
        return;
    }
    m = gccLocationPattern().match(rest);
    if (m.hasMatch() && m.capturedView(QStringLiteral("severity")).isEmpty()) {
        addLinker(m.captured(QStringLiteral("file")), toInt(m.captured(QStringLiteral("line"))),
                  m.captured(QStringLiteral("message")), true);
        return;
    }
    m = linkerSectionPattern().match(rest);
    if (!m.hasMatch())
        m = linkerObjectPattern().match(rest);
    if (m.hasMatch()) {
        addLinker(m.captured(QStringLiteral("file")), 0, m.captured(QStringLiteral("message")),
                  true);
        return;
    }
    addLinker(QString(), 0, rest, false);
}

void GccParser::addLocated(const QRegularExpressionMatch &m)
{
    const QString severity = m.captured(QStringLiteral("severity"));
    const QString message = m.captured(QStringLiteral("message"));
    if (severity.isEmpty()) {
        if (message.startsWith(QLatin1Char(' '))) {
            m_instantiationChain.append(relatedFrom(m, message.trimmed()));
            leaveLinkerOutput();
        } else if (m_inLinkerOutput || isLinkerMessage(message)) {
            // ld names the source line itself when the object has debug information.
            addLinker(m.captured(QStringLiteral("file")), toInt(m.captured(QStringLiteral("line"))),
                      message, true);
        }
        return;
    }

    leaveLinkerOutput();
    if (severityFromKeyword(severity) == Severity::Note) {
        addNote(relatedFrom(m, message.trimmed()));
        return;
    }
    Diagnostic d;
    d.file = m.captured(QStringLiteral("file"));
    d.line = toInt(m.captured(QStringLiteral("line")));
    d.column = toInt(m.captured(QStringLiteral("column")));
    d.severity = severityFromKeyword(severity);
    d.message = message.trimmed();
    d.tool = m_compiler;
    addPrimary(std::move(d));
}

void GccParser::addProgramLine(const QRegularExpressionMatch &m)
{
    leaveLinkerOutput();
    const QString program = m.captured(QStringLiteral("program"));
    const QString message = m.captured(QStringLiteral("message")).trimmed();
    const Severity severity = severityFromKeyword(m.captured(QStringLiteral("severity")));
    if (severity == Severity::Note) {
        addNote(RelatedLocation{QString(), 0, 0, message});
        return;
    }
    Diagnostic d;
    d.severity = severity;
    d.message = message;
    const QStringView name = QStringView(program).mid(program.lastIndexOf(QLatin1Char('/')) + 1);
    if (name.startsWith(QLatin1String("collect2")) ||
        message.startsWith(QLatin1String("linker command failed"))) {
        d.tool = linkerTool();
    } else if (isClangProgram(name)) {
        d.tool = clangTool();
    } else if (name.isEmpty()) {
        d.tool = m_compiler;
    } else {
        d.tool = gccTool();
    }
    addPrimary(std::move(d));
}

void GccParser::addPrimary(Diagnostic d)
{
    d.related += m_includeChain;
    if (m_scope && m_scope->file == d.file && !d.file.isEmpty())
        d.related.append(*m_scope);
    d.related += m_instantiationChain;
    m_includeChain.clear();
    m_instantiationChain.clear();
    m_result.append(std::move(d));
    m_lastPrimary = int(m_result.size()) - 1;
}

void GccParser::addNote(const RelatedLocation &note)
{
    // The chains printed before a note locate the note's own file, which says nothing new
    // about the diagnostic it belongs to.
    m_includeChain.clear();
    m_instantiationChain.clear();
    if (m_lastPrimary >= 0) {
        m_result[m_lastPrimary].related.append(note);
        return;
    }
    Diagnostic d;
    d.file = note.file;
    d.line = note.line;
    d.column = note.column;
    d.severity = Severity::Note;
    d.message = note.message;
    d.tool = m_compiler;
    m_result.append(std::move(d));
}

void GccParser::addLinker(QString file, int line, QString message, bool located)
{
    Diagnostic d;
    d.file = isObjectFile(file) ? QString() : std::move(file);
    d.line = d.file.isEmpty() ? 0 : line;
    d.severity = takeLinkerSeverity(message);
    d.message = message.trimmed();
    d.tool = linkerTool();
    if (located && m_linkerFunction)
        d.related.append(*m_linkerFunction);
    m_inLinkerOutput = true;
    m_result.append(std::move(d));
    m_lastLinker = int(m_result.size()) - 1;
    m_lastPrimary = m_lastLinker;
}

void GccParser::leaveLinkerOutput()
{
    m_inLinkerOutput = false;
    m_linkerFunction.reset();
}

} // namespace

QVector<Diagnostic> DiagnosticParser::parseGo(QStringView text)
{
    GoParser parser;
    forEachLine(text, [&](QStringView line) { parser.feed(line); });
    return parser.take();
}

QVector<Diagnostic> DiagnosticParser::parseGcc(QStringView text)
{
    GccParser parser(detectCompiler(text));
    forEachLine(text, [&](QStringView line) { parser.feed(line); });
    return parser.take();
}

} // namespace RaceGrade
