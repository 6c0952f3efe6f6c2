#pragma once

#include <QString>
#include <QVector>

namespace RaceGrade {

enum class Severity
{
    Error,
    Warning,
    Note
};

/// A related place printed with a diagnostic, such as gcc's "note: ..." or "In function ...".
struct RelatedLocation
{
    QString file;
    int line = 0;
    int column = 0;
    QString message;

    bool operator==(const RelatedLocation &other) const = default;
};

/// One message from a compiler or static checker, tied to a place in a source file.
struct Diagnostic
{
    QString file;   ///< as printed, e.g. "./main.go" or "/tmp/x/main.cpp"; empty when global
    int line = 0;   ///< 1-based; 0 when the tool gave none
    int column = 0; ///< 1-based; 0 when the tool gave none
    Severity severity = Severity::Error;
    QString message;
    QString tool; ///< "go", "go vet", "gcc", "clang", "ld"
    QVector<RelatedLocation> related;

    bool operator==(const Diagnostic &other) const = default;
};

} // namespace RaceGrade
