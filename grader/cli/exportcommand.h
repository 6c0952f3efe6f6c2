#pragma once

#include "reportexporter.h"

#include <QStringList>

namespace RaceGrade {

class CliOutput;
class GradingSession;

/// `racegrade-cli export --session FILE [--exercises DIR] FORMAT:PATH...`: writes the exports
/// of a stored grading session (gradebook CSVs, Gradescope results, feedback and summary pages,
/// the session as JSON).
class ExportCommand
{
public:
    static int run(const QStringList &arguments);

    /// Whether any FORMAT:PATH among `arguments` draws or lays out pages and so needs a
    /// QApplication. Any command line can be asked (batch's --export values too).
    static bool needsApplication(const QStringList &arguments);

    /// Writes each export of `session`, saying on `out` what was written and on `err` what
    /// could not be. Returns the exit status: 0 everything written, 1 something failed.
    static int writeAll(const GradingSession &session, const QVector<Exercise> &exercises,
                        const QVector<ExportRequest> &requests, const CliOutput &out,
                        const CliOutput &err);
};

} // namespace RaceGrade
