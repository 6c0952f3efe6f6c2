#pragma once

#include "language.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace RaceGrade {

/// Finds the types and functions a Go or C++ file defines, without compiling it: enough to tell
/// which exercise a student's file is for. Pure.
class DefinitionScanner
{
public:
    /// `source` with comments, string, rune and character literals (raw ones included) and, in
    /// C++, preprocessor lines replaced by spaces. Line breaks stay where they were.
    static QString codeOnly(const QString &source, Language language);

    /// The names the file defines or declares as types (Go `type`, C++ `class`, `struct`,
    /// `union`, `enum` and `using` aliases) and as functions or methods (with or without a
    /// body), each once, in the order they first appear. Names that are only used, or that
    /// appear in comments and strings, are not in it.
    static QStringList definedNames(const QByteArray &source, Language language);
};

} // namespace RaceGrade
