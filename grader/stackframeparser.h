#pragma once

#include "stackframe.h"

#include <QStringView>
#include <optional>

namespace RaceGrade {

/// Reads single stack-frame lines as printed by ThreadSanitizer, the Go race detector and the Go
/// runtime. Used by ReportParser, which decides which stack a frame belongs to.
class StackFrameParser
{
public:
    /// A ThreadSanitizer frame such as "#2 main /src/x.cpp:12:7 (prog+0x1234) (BuildId: 3f0c)";
    /// leading blanks are allowed. `<null>` functions and files become empty strings.
    static std::optional<StackFrame> parseSanitizerFrame(QStringView line);

    /// The function of a Go frame's first line, "main.(*Counter).Inc(0xc000010000, ...)" giving
    /// "main.(*Counter).Inc"; nullopt when the line cannot be a Go function line.
    static std::optional<QString> parseGoFunction(QStringView line);

    /// A Go frame's second line, "\t/src/main.go:12 +0x4e": a frame with file and line set; nullopt
    /// when the line is not indented or not a source position.
    static std::optional<StackFrame> parseGoSource(QStringView line);
};

} // namespace RaceGrade
