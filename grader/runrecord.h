#pragma once

#include "harnessprotocol.h"
#include "processrunner.h"
#include "reportparser.h"

namespace RaceGrade {

/// Which binary of a grading a run used.
enum class BinaryKind
{
    Program,      ///< the student's program built with the race detector
    PlainProgram, ///< the same program built without it (other timing, the Go deadlock detector)
    Harness,      ///< the hidden test harness built with the race detector around the program
};

QString binaryKindId(BinaryKind kind);

/// One run of one binary and everything read out of it.
struct RunRecord
{
    BinaryKind binary = BinaryKind::Program;
    int index = 0;    ///< 0-based among the runs of this binary
    QString schedule; ///< what varied the scheduling, e.g. "GOMAXPROCS=1" or "1 CPU"
    bool addressRandomizationDisabled = false;
    RunResult result;
    QString standardOutput; ///< decoded as UTF-8
    QString standardError;
    ParsedOutput parsed;
    QVector<HarnessVerdict> verdicts;
    /// Lines that looked like verdicts but lacked the grading's key: printed by something other
    /// than the hidden test, such as a submission trying to fake a pass.
    int forgedVerdictLines = 0;

    bool instrumented() const { return binary != BinaryKind::PlainProgram; }
    bool finished() const { return result.outcome == RunOutcome::Exited; }
    bool hasDataRace() const;
};

} // namespace RaceGrade
