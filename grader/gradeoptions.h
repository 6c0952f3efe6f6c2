#pragma once

#include <QString>

namespace RaceGrade {

/// How thoroughly and with what to grade. The defaults suit a student's laptop.
struct GradeOptions
{
    int runs = 20;        ///< runs of the race-enabled program
    int jobs = 0;         ///< runs at once; 0 means one per core
    int plainRuns = -1;   ///< runs of the build without the race detector; -1: runs / 4, >= 2
    int harnessRuns = -1; ///< runs of the hidden harness; -1: runs / 4, at least 2
    int runSeconds = 0;   ///< wall-time limit per program run; 0: the exercise's own
    QString cppCompiler = QStringLiteral("g++"); ///< "g++" or "clang++" (or a path to one)
    QString cacheDirectory;     ///< where the Go build cache lives; empty: the user's cache folder
    bool keepWorkspace = false; ///< leave the scratch folder behind, for debugging a grading

    int effectivePlainRuns() const { return plainRuns >= 0 ? plainRuns : qMax(2, runs / 4); }
    int effectiveHarnessRuns() const { return harnessRuns >= 0 ? harnessRuns : qMax(2, runs / 4); }
};

} // namespace RaceGrade
