#pragma once

#include "buildoutcome.h"
#include "checkresult.h"
#include "exercise.h"
#include "grade.h"
#include "runrecord.h"
#include "sourcemapper.h"

#include <QCoreApplication>

namespace RaceGrade {

/// Everything a check may look at, gathered by the grader.
struct CheckContext
{
    Language language = Language::Go;
    const BuildOutcome &build;
    const QVector<RunRecord> &runs;
    const QVector<RaceFinding> &races;
    const SourceMapper &mapper;
    int runSeconds = 10;
    int harnessSeconds = 30;
};

/// Judges an exercise's checks from the build and the runs. A pure function of its input: the
/// same runs always give the same results and the same words.
class CheckEvaluator
{
    Q_DECLARE_TR_FUNCTIONS(CheckEvaluator)

public:
    static QVector<CheckResult> evaluate(const QVector<CheckSpec> &checks,
                                         const CheckContext &context);

    /// The name the hidden tests needed but the submission lacks, read from the harness build's
    /// errors ("Load", "SafeCounter"); empty when the errors say no such thing.
    static QString missingName(const QVector<Diagnostic> &harnessDiagnostics);

    /// "10,000" for "10000"; other text unchanged.
    static QString readableNumber(const QString &text);
};

} // namespace RaceGrade
