#pragma once

#include "checkresult.h"
#include "diagnostic.h"
#include "language.h"
#include "stackframe.h"

#include <QStringList>
#include <QVector>

namespace RaceGrade {

enum class Verdict
{
    Pass,  ///< every check passed
    Fail,  ///< some check failed, including a build failure
    Error, ///< the grading itself could not be done (missing toolchain, unknown exercise, ...)
};

QString verdictId(Verdict verdict);

/// One side of a race: where the access happened, as close to the student's code as possible.
struct RaceAccessSite
{
    QString op;   ///< "read", "write", "atomic read", "atomic write", "lock", "unlock", ...
    QString file; ///< the student's file when the access is in it; else the file printed
    int line = 0;
    int column = 0;
    QString function;
    QString thread;            ///< "goroutine 7", "main goroutine", "T2", "main thread"
    QString threadState;       ///< "running" or "finished" when the report said; else empty
    int size = 0;              ///< bytes accessed, when the detector said (TSan does, Go does not)
    bool inSubmission = false; ///< file:line is in the student's file
    QStringList mutexesHeld;
    Stack stack; ///< the full stack as printed, innermost first

    bool operator==(const RaceAccessSite &other) const = default;
};

/// A mutex a report mentions, with where it was created ("Mutex M0 created at:").
struct RaceMutex
{
    QString name; ///< "M0"
    Stack createdAt;

    bool operator==(const RaceMutex &other) const = default;
};

/// A race (or another race-detector report) seen in one or more runs, merged by its source lines.
struct RaceFinding
{
    QString kind;                     ///< "data-race", "lock-order-inversion", "thread-leak", ...
    int occurrences = 0;              ///< in how many runs it was reported
    int runs = 0;                     ///< how many instrumented runs there were
    QVector<RaceAccessSite> accesses; ///< data race: the reported access, then the previous one
    QString location;    ///< where the memory lives, when the detector said ("global 'count'")
    QString explanation; ///< the race in plain words
    QString mistake;     ///< id of a known mistake that matches, e.g. "unlocked-read"
    QString hint;        ///< the idea that fixes that mistake
    QString rawReport;   ///< one full report as printed, for the curious
    QVector<Stack> creationStacks; ///< where the goroutines or threads involved were started
    QStringList locations;         ///< every "Location is ..." of the report; location is the first
    QVector<RaceMutex> mutexes;    ///< the mutexes the report names, with their creation stacks

    bool operator==(const RaceFinding &other) const = default;
};

/// Something that went wrong besides races and failed checks: a crash, a timeout, a deadlock.
struct Problem
{
    QString kind; ///< "compile-error", "timeout", "deadlock", "panic", "crash", ...
    QString file; ///< the student's file when the problem points into it
    int line = 0;
    QString message;
    int occurrences = 1; ///< in how many runs

    bool operator==(const Problem &other) const = default;
};

/// The output of one run kept in the grade, so that a student can read what the program printed.
struct RunLog
{
    QString label; ///< "run 3 with the race detector (GOMAXPROCS=1): exit status 66"
    QString standardOutput;
    QString standardError;

    bool operator==(const RunLog &other) const = default;
};

/// Counts of the runs of one grading.
struct RunSummary
{
    int count = 0; ///< all runs: program with and without the race detector, and harness
    int racy = 0;  ///< runs with at least one data race reported
    int timeouts = 0;
    int crashes = 0;
    int programRuns = 0;
    int plainRuns = 0;
    int harnessRuns = 0;
    int skipped = 0; ///< planned runs left out after the program kept hitting its time limit

    bool operator==(const RunSummary &other) const = default;
};

/// Whether and how the build went.
struct CompileSummary
{
    bool ok = false;
    QVector<Diagnostic> diagnostics; ///< errors and warnings of the build, mapped to the student
    QString output;                  ///< the compiler's own text

    bool operator==(const CompileSummary &other) const = default;
};

/// The result of grading one submission: a plain value that survives a JSON round trip.
struct Grade
{
    QString exercise;
    Language language = Language::Go;
    QString sourceFile; ///< the student's file as the grader was given it
    Verdict verdict = Verdict::Error;
    int score = 0;
    int maxScore = 0;
    CompileSummary compile;
    RunSummary runs;
    QVector<CheckResult> checks;
    QVector<RaceFinding> races;
    QVector<Problem> problems;
    QVector<RunLog> logs;
    QStringList notes;      ///< facts about the grading itself ("address randomisation was off")
    QString errorMessage;   ///< why the verdict is Error
    QString toolchain;      ///< "go1.19.8", "g++ 12.2.0"
    bool sandboxed = false; ///< student code was built and run inside the sandbox
    QString sandbox;        ///< one line on the isolation, or plainly that there was none
    double seconds = 0;

    const CheckResult *check(QStringView id) const;
    bool operator==(const Grade &other) const = default;
};

} // namespace RaceGrade
