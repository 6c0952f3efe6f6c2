#include "clioutput.h"

#include <unistd.h>

namespace RaceGrade {

CliOutput::CliOutput(FILE *stream, bool allowColour)
    : m_stream(stream)
    , m_terminal(isatty(fileno(stream)) != 0)
    , m_colour(allowColour && m_terminal && qEnvironmentVariableIsEmpty("NO_COLOR") &&
               qEnvironmentVariable("TERM") != u"dumb")
{}

QString CliOutput::paint(const QString &text, Colour colour) const
{
    if (!m_colour || colour == Colour::None) {
        return text;
    }
    const char *code = "";
    switch (colour) {
    case Colour::Red:
        code = "31";
        break;
    case Colour::Green:
        code = "32";
        break;
    case Colour::Yellow:
        code = "33";
        break;
    case Colour::Cyan:
        code = "36";
        break;
    case Colour::Bold:
        code = "1";
        break;
    case Colour::Dim:
        code = "2";
        break;
    case Colour::None:
        break;
    }
    return QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text);
}

void CliOutput::write(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), m_stream);
    fflush(m_stream);
}

} // namespace RaceGrade
