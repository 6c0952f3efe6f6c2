#pragma once

#include "diagnostic.h"

#include <QStringView>

namespace RaceGrade {

/// Turns compiler and checker output into diagnostics. Pure functions of the text.
class DiagnosticParser
{
public:
    /// Output of `go build`, `go test -c` and `go vet` (including "vet: " prefixed lines and
    /// "# package" headers, which are skipped).
    ///
    /// Tab-indented lines continue the diagnostic above them: as a related location when they
    /// name a file and line, otherwise appended to its message after a line break. Failures
    /// without a position ("go: ...", "package ... is not in GOROOT", linker errors after a
    /// package header) are kept with an empty file and without their "go: " prefix; progress
    /// ("go: downloading ...") and `go test` summary lines ("FAIL", "ok") are skipped.
    ///
    /// The tool is "go vet" when the line came with the "vet: " prefix (vet failed to type-check
    /// the package: severity Error) or when the message is one only vet's analyzers print, such
    /// as "copies lock value" or "format %d has arg" (severity Warning); everything else is
    /// "go" with severity Error, except "too many errors", a Note.
    static QVector<Diagnostic> parseGo(QStringView text);

    /// Output of gcc or clang (and the linker errors they pass on), with or without columns,
    /// "In function" context lines, notes and caret/source excerpt lines.
    ///
    /// Notes become related locations of the error or warning before them (a note with none
    /// before it stays a diagnostic of its own). An error or warning also gets, in printed
    /// order, its "In file included from" chain, the "In function ..." scope it is in (same
    /// file only) and gcc's "required from" lines. Excerpts, carets and summaries are skipped.
    ///
    /// The tool is "clang" when the text holds clang's "N errors generated." summary or a
    /// "clang: " driver line, otherwise "gcc". Linker output (ld's lines, "collect2: ..." and
    /// clang's "linker command failed") has the tool "ld"; its file is the source file the
    /// linker names, or empty for object files, and its line is 0 unless ld read it from debug
    /// information.
    static QVector<Diagnostic> parseGcc(QStringView text);
};

} // namespace RaceGrade
