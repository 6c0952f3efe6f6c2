#pragma once

#include <QString>

namespace RaceGrade {

/// What a mark in the editor stands for; each kind has its own colour.
enum class LineMarkKind
{
    RaceThisAccess,  ///< one side of a race (the access the report names first)
    RaceOtherAccess, ///< the other side of the same race
    CompileError,
    CompileWarning,
};

/// A mark on one line of the editor, with the text its tooltip shows.
struct LineMark
{
    int line = 0; ///< 1-based
    LineMarkKind kind = LineMarkKind::RaceThisAccess;
    QString tooltip;
};

} // namespace RaceGrade
