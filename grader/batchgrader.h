#pragma once

#include "exerciseloader.h"
#include "gradeoptions.h"
#include "submissionrecord.h"

#include <QStringList>
#include <atomic>
#include <functional>

namespace RaceGrade {

class GradingSession;

/// How a class is graded.
struct BatchOptions
{
    GradeOptions grade; ///< for every submission (runs, time limit, compiler, sandbox)
    int jobs = 0; ///< processes (builds and runs) at once; 0: one per core, more while cores idle
    int parallelGradings = 0;      ///< submissions in progress at once; 0: one more than `jobs`
    bool regradeUnchanged = false; ///< grade again even where the stored grade is of the same bytes
    int shardIndex = 0; ///< grade only the shardIndex-th of shardCount slices (by student)
    int shardCount = 1;
};

/// How far a batch has come.
struct BatchProgress
{
    int done = 0; ///< submissions finished, reused ones included
    int total = 0;
    int failed = 0;   ///< finished with a failing verdict or an error
    int reused = 0;   ///< unchanged since their stored grade, or identical to one graded before
    int runsDone = 0; ///< runs of the submissions in progress, for a finer bar
    int runsTotal = 0;
    int running = 0; ///< processes running right now (0 once a pause has taken hold)
    bool paused = false;
    double secondsLeft = -1; ///< estimate; -1 until one grading has finished
    QString current;         ///< what is being graded: "ana lee / safe-counter"
    QString lastStudentKey;  ///< the record saved last (empty when none yet)
    QString lastExercise;
};

/// Lets another thread pause, resume and cancel a running batch.
struct BatchControl
{
    std::atomic_bool paused{false};
    std::atomic_bool cancelled{false};
};

/// What a batch did.
struct BatchSummary
{
    int graded = 0;    ///< gradings actually run
    int reused = 0;    ///< records that took a stored or an identical file's grade
    int failed = 0;    ///< records whose verdict is not pass
    int remaining = 0; ///< not graded because the batch was cancelled
    double seconds = 0;
    QStringList errors; ///< session writes that failed, gradings that could not be done
};

/// Grades submissions into a session: each with the engine, several at once over the cores,
/// each result saved the moment it is known; a file whose bytes were graded before (stored in
/// the session, or handed in by another student for the same exercise) is graded once.
class BatchGrader
{
public:
    /// Called on the thread that called run() (the session's), after each saved record and a
    /// few times a second in between; it may read the session.
    using ProgressCallback = std::function<void(const BatchProgress &)>;

    /// Blocking; `session` must belong to the calling thread. `submissions` are records as
    /// ClassPlan::submissions() makes them (or stored ones, to regrade). Only the students of
    /// the options' shard are graded. Records already graded from the same bytes are kept
    /// unless options.regradeUnchanged; a TA's override always stays.
    static BatchSummary run(const QVector<SubmissionRecord> &submissions,
                            const ExerciseCatalog &catalog, GradingSession &session,
                            const BatchOptions &options, const ProgressCallback &progress = {},
                            BatchControl *control = nullptr);

    /// Whether a student is in shard `index` (0-based) of `count`: a split by a hash of the
    /// key, the same on every machine and for every listing of the class.
    static bool inShard(const QString &studentKey, int index, int count);
};

} // namespace RaceGrade
