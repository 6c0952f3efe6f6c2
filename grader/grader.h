#pragma once

#include "exercise.h"
#include "grade.h"
#include "gradeoptions.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>

namespace RaceGrade {

/// How much of the pipeline to go through.
enum class GradeMode
{
    Full,      ///< every build, every run, every check
    SingleRun, ///< build the race-enabled program and run it once, streaming its output; no checks
};

/// One submission to grade.
struct GradeRequest
{
    GradeMode mode = GradeMode::Full;
    Exercise exercise;
    Language language = Language::Go;
    QByteArray source;   ///< the file's bytes, exactly as the student wrote them
    QString displayPath; ///< how reports name the file, e.g. "counter.go"
    GradeOptions options;
};

/// How far a grading has come.
struct GradeProgress
{
    int done = 0;
    int total = 0;
    QString stage; ///< "building", "running", "checking"
};

/// Grades one submission: workspace, build, runs, reports, checks, grade (see ARCHITECTURE in
/// the README). Blocking; call it off the UI thread (GradingJob does that).
class Grader
{
    Q_DECLARE_TR_FUNCTIONS(Grader)

public:
    /// Called from worker threads; must be thread-safe and quick.
    using ProgressCallback = std::function<void(const GradeProgress &)>;
    /// Output of a SingleRun as it arrives, from a worker thread.
    using OutputCallback = std::function<void(const QString &text, bool isError)>;

    static Grade grade(const GradeRequest &request, const ProgressCallback &progress = {},
                       const std::atomic_bool *cancelled = nullptr,
                       const OutputCallback &output = {});
};

} // namespace RaceGrade
