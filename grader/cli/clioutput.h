#pragma once

#include <QString>
#include <cstdio>

namespace RaceGrade {

/// Writes to a terminal or a pipe; colours only on a terminal and only without NO_COLOR.
class CliOutput
{
public:
    enum class Colour
    {
        None,
        Red,
        Green,
        Yellow,
        Cyan,
        Bold,
        Dim
    };

    explicit CliOutput(FILE *stream, bool allowColour = true);

    bool isTerminal() const { return m_terminal; }
    bool colourEnabled() const { return m_colour; }
    QString paint(const QString &text, Colour colour) const;
    void write(const QString &text) const;
    void writeLine(const QString &text) const { write(text + u'\n'); }

private:
    FILE *m_stream;
    bool m_terminal = false;
    bool m_colour = false;
};

} // namespace RaceGrade
