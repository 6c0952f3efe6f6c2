#pragma once

#include <QString>
#include <QVector>

namespace RaceGrade {

/// One frame of a stack printed by the Go race detector, ThreadSanitizer or the Go runtime.
struct StackFrame
{
    QString function; ///< e.g. "main.(*SafeCounter).Inc" or "SafeCounter::Inc()"
    QString file;     ///< path as printed; empty for frames without a source ("<null>")
    int line = 0;     ///< 1-based; 0 when unknown
    int column = 0;   ///< 1-based; 0 when the tool printed none
    QString module;   ///< binary or library in parentheses after a TSan frame, if any

    bool hasSource() const { return !file.isEmpty() && line > 0; }
    bool operator==(const StackFrame &other) const = default;
};

using Stack = QVector<StackFrame>;

} // namespace RaceGrade
