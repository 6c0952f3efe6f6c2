#pragma once

#include "racereport.h"
#include "runtimefailure.h"

#include <QStringView>

namespace RaceGrade {

/// Everything a race detector or runtime printed to stderr during one run, in structured form.
struct ParsedOutput
{
    QVector<RaceReport> races;
    QVector<RuntimeFailure> failures;
    /// The count in "Found N data race(s)" or "ThreadSanitizer: reported N warnings"; -1 if absent.
    int reportedCount = -1;

    bool isEmpty() const { return races.isEmpty() && failures.isEmpty(); }
    bool operator==(const ParsedOutput &other) const = default;
};

/// Reads the stderr of a Go program built with -race, or of a C/C++ program built with
/// -fsanitize=thread (gcc or clang), and returns the race reports and runtime failures it holds.
///
/// A pure function of the text: program output may be interleaved anywhere, and lines it does not
/// understand are skipped.
class ReportParser
{
public:
    static ParsedOutput parse(QStringView text);
};

} // namespace RaceGrade
