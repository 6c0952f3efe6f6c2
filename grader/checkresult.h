#pragma once

#include <QString>

namespace RaceGrade {

enum class CheckStatus
{
    Passed,
    Failed,
    NotRun, ///< an earlier step failed (usually the build), so this check could not be judged
};

/// The outcome of one check of a grading, in words a student understands.
struct CheckResult
{
    QString id;
    QString title;
    CheckStatus status = CheckStatus::NotRun;
    int points = 0;
    int maxPoints = 0;
    QString detail; ///< why it passed or failed, with numbers
    QString hint;   ///< what idea would fix it; empty when there is nothing to add

    bool passed() const { return status == CheckStatus::Passed; }
    bool operator==(const CheckResult &other) const = default;
};

} // namespace RaceGrade
