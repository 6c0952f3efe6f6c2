#include "sourceinspector.h"

#include <QRegularExpression>

namespace RaceGrade {

namespace {

const QByteArray utf8Mark("\xEF\xBB\xBF");

struct Position
{
    int line = 1;
    int column = 1;
};

Position positionOf(const QByteArray &bytes, qsizetype offset)
{
    Position position;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
    }
    return position;
}

// The offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms,
// no surrogates, nothing above U+10FFFF), or -1 when all of it is well-formed.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (int k = 1; k < length; ++k) {
            const unsigned char next = data[i + k];
            const unsigned char min = k == 1 ? low : 0x80;
            const unsigned char max = k == 1 ? high : 0xBF;
            if (next < min || next > max) {
                return i;
            }
        }
        i += length;
    }
    return -1;
}

// The code with comments, string and character literals blanked out, so that a word in a
// comment ("no main here") is not taken for code.
QString codeOnly(const QString &text, Language language)
{
    QString code;
    code.reserve(text.size());
    enum class State
    {
        Code,
        LineComment,
        BlockComment,
        Quoted,
        RawQuoted
    } state = State::Code;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        switch (state) {
        case State::Code:
            if (c == u'/' && next == u'/') {
                state = State::LineComment;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
            } else if (c == u'"' || c == u'\'') {
                state = State::Quoted;
                quote = c;
            } else if (c == u'`' && language == Language::Go) {
                state = State::RawQuoted;
            } else {
                code.append(c);
                continue;
            }
            code.append(u' ');
            break;
        case State::LineComment:
            if (c == u'\n') {
                state = State::Code;
                code.append(c);
            }
            break;
        case State::BlockComment:
            if (c == u'*' && next == u'/') {
                state = State::Code;
                ++i;
            } else if (c == u'\n') {
                code.append(c); // lines keep their numbers
            }
            break;
        case State::Quoted:
            if (c == u'\\') {
                ++i;
            } else if (c == quote || c == u'\n') {
                state = State::Code;
            }
            break;
        case State::RawQuoted:
            if (c == u'`') {
                state = State::Code;
            }
            break;
        }
    }
    return code;
}

Diagnostic inputError(const QString &fileName, int line, int column, const QString &message)
{
    Diagnostic diagnostic;
    diagnostic.file = fileName;
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic.severity = Severity::Error;
    diagnostic.message = message;
    diagnostic.tool = QStringLiteral("racegrade");
    return diagnostic;
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024) {
        return SourceInspector::tr("%1 MiB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    }
    return SourceInspector::tr("%1 KiB").arg((bytes + 1023) / 1024);
}

} // namespace

SourceInspection SourceInspector::inspect(const QByteArray &bytes, Language language,
                                          const QString &fileName)
{
    SourceInspection inspection;
    const auto refuse = [&](int line, int column, const QString &message) {
        inspection.errors.append(inputError(fileName, line, column, message));
        return inspection;
    };

    if (bytes.size() > maxSourceBytes) {
        return refuse(0, 0,
                      SourceInspector::tr("the file is %1; a solution may be at most %2")
                          .arg(sizeText(bytes.size()), sizeText(maxSourceBytes)));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        return refuse(1, 1, SourceInspector::tr("the file is saved as UTF-16; save it as UTF-8"));
    }
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        const Position at = positionOf(bytes, nul);
        return refuse(at.line, at.column,
                      SourceInspector::tr("the file is not text (it holds a zero byte on line %1): "
                                          "is it a compiled program or an archive?")
                          .arg(at.line));
    }

    QByteArray source = bytes;
    if (source.startsWith(utf8Mark)) {
        source.remove(0, utf8Mark.size());
        inspection.notes.append(
            SourceInspector::tr("%1 starts with a byte-order mark, which was left out")
                .arg(fileName));
    }
    if (source.contains("\r\n")) {
        source.replace("\r\n", "\n");
        inspection.notes.append(
            SourceInspector::tr("%1 has Windows line ends (CRLF), read as plain ones")
                .arg(fileName));
    }
    inspection.source = source;

    if (source.trimmed().isEmpty()) {
        return refuse(1, 1, SourceInspector::tr("the file is empty"));
    }
    const qsizetype invalid = firstInvalidUtf8(source);
    if (invalid >= 0) {
        const Position at = positionOf(source, invalid);
        const QString where =
            SourceInspector::tr("line %1 is not valid UTF-8 (byte 0x%2 at column %3)")
                .arg(at.line)
                .arg(uchar(source.at(invalid)), 2, 16, QLatin1Char('0'))
                .arg(at.column);
        if (language == Language::Go) {
            // The Go compiler refuses such files, with a less helpful message.
            return refuse(at.line, at.column,
                          where + SourceInspector::tr("; Go source must be UTF-8: save the file as "
                                                      "UTF-8"));
        }
        inspection.notes.append(SourceInspector::tr("%1: %2; reports may show such characters "
                                                    "as \uFFFD")
                                    .arg(fileName, where));
    }

    const QString code = codeOnly(QString::fromUtf8(source), language);
    if (language == Language::Go) {
        // A Go file outside package main builds into an archive, not a program.
        static const QRegularExpression packageClause(
            QStringLiteral(R"(^\s*package\s+(?<name>[\p{L}_][\p{L}\p{N}_]*))"),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch clause = packageClause.match(code);
        if (clause.hasMatch() && clause.captured(u"name") != u"main") {
            const int line = int(code.left(clause.capturedStart(u"name")).count(u'\n')) + 1;
            return refuse(line, 1,
                          SourceInspector::tr("package must be main to build a program (this "
                                              "file says `package %1`)")
                              .arg(clause.captured(u"name")));
        }
    }
    static const QRegularExpression goMain(QStringLiteral(R"(\bfunc\s+main\s*\(\s*\))"));
    static const QRegularExpression cppMain(QStringLiteral(R"(\bmain\s*\()"));
    if (!code.contains(language == Language::Go ? goMain : cppMain)) {
        return refuse(0, 0,
                      language == Language::Go
                          ? SourceInspector::tr("the file has no func main(); the program "
                                                "starts there")
                          : SourceInspector::tr("the file has no main function; the program "
                                                "starts there"));
    }
    return inspection;
}

} // namespace RaceGrade
