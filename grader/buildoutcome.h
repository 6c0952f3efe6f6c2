#pragma once

#include "diagnostic.h"
#include "processrunner.h"

namespace RaceGrade {

/// One step of building a submission: a compiler or checker invocation and what it said.
struct BuildStep
{
    QString name; ///< "program", "plain program", "harness", "vet"
    bool attempted = false;
    bool succeeded = false;
    QString command;                 ///< the command line, for logs and for the curious student
    QString output;                  ///< stdout and stderr of the tool
    QVector<Diagnostic> diagnostics; ///< mapped to the student's file where they point into it
    RunOutcome outcome = RunOutcome::Exited;
    QString limitHit;         ///< the limit the build broke, when outcome says it broke one
    int exitCode = -1;        ///< the tool's exit status, when outcome is Exited
    int signal = 0;           ///< the signal that ended the tool, when outcome is Crashed
    int timeLimitSeconds = 0; ///< the wall-time limit it ran under
    double seconds = 0;
};

/// All build steps of one grading.
struct BuildOutcome
{
    BuildStep program;
    BuildStep plainProgram;
    BuildStep harness;
    BuildStep vet;
};

} // namespace RaceGrade
