#pragma once

#include "language.h"

#include <QMap>
#include <QStringList>
#include <QVector>

namespace RaceGrade {

/// What a check looks at. See exercises/README.md for the manifest fields of each kind.
enum class CheckKind
{
    Compile,   ///< the program builds
    FinalLine, ///< the last non-empty stdout line of every run equals `expect`
    LineCount, ///< `count` stdout lines contain `pattern` in every run
    CleanExit, ///< every run ends by itself in time, without a crash or an error status
    RaceFree,  ///< no data race in any run of the program or the harness
    Harness,   ///< the hidden harness reports a pass for `harnessTest` in every harness run
    Vet,       ///< go vet with `analyzers` finds nothing
};

QString checkKindId(CheckKind kind);
std::optional<CheckKind> checkKindFromId(QStringView id);

/// One graded check of an exercise, as the manifest defines it for one language.
struct CheckSpec
{
    QString id;
    QString title;
    int points = 0;
    CheckKind kind = CheckKind::Compile;
    QString expect;        ///< FinalLine
    bool exitZero = false; ///< FinalLine: the run must also exit with status 0
    QString pattern;       ///< LineCount
    int count = 1;         ///< LineCount
    QString harnessTest;   ///< Harness
    bool raceFree = false; ///< Harness: the harness runs must also be free of races
    QStringList analyzers; ///< Vet
    QString hint;          ///< shown with a failed result: the idea that makes the check pass
    /// The check only earns its points once at least one of these checks passed, so that a
    /// program that does nothing is not rewarded for, say, having no races.
    QStringList requiresAnyOf;

    bool operator==(const CheckSpec &other) const = default;
};

/// Files of an exercise for one language, as absolute paths.
struct LanguageFiles
{
    QString starter;
    QString harness;   ///< empty when the exercise has no hidden harness for this language
    QString reference; ///< used by tests only; never shown to students

    bool operator==(const LanguageFiles &other) const = default;
};

/// Limits of an exercise's builds and runs: time in seconds, memory in MiB of resident memory
/// of the whole process tree, tasks as processes and threads at once.
struct ExerciseLimits
{
    int buildSeconds = 120;
    int runSeconds = 10;
    int harnessSeconds = 30;
    int runMemoryMiB = 512;
    int buildMemoryMiB = 2048;
    int runTasks = 512;
    int outputKiB = 4096; ///< per stream of one run; more stops the run

    bool operator==(const ExerciseLimits &other) const = default;
};

/// How a class's files are recognised as solutions of an exercise (the manifest's `match`).
struct ExerciseMatchSpec
{
    /// Phrases a file or folder name holds when it is meant for the exercise ("safe counter",
    /// "counter"), compared word by word: "safe_counter.go", "SafeCounter.go" and
    /// "safe-counter/" all hold "safe counter". The exercise's id counts as one besides these.
    QStringList names;
    /// The types and functions a solution defines, per language, most telling first
    /// ("SafeCounter", "Inc", "Value").
    QMap<Language, QStringList> defines;

    bool operator==(const ExerciseMatchSpec &other) const = default;
};

/// An exercise loaded from its folder: what to show a student and how to grade a solution.
struct Exercise
{
    QString id;
    QString title;
    QString summary;
    int order = 0;
    QString directory;        ///< absolute path of the exercise folder
    QString instructionsPath; ///< absolute path of the Markdown instructions
    ExerciseLimits limits;
    QMap<Language, LanguageFiles> files;
    QMap<Language, QVector<CheckSpec>> checks;
    ExerciseMatchSpec match;

    bool supports(Language language) const { return files.contains(language); }
    QVector<CheckSpec> checksFor(Language language) const { return checks.value(language); }
    int maxPoints(Language language) const;
    bool hasCheck(Language language, CheckKind kind) const;
    QList<Language> languages() const { return files.keys(); }

    bool operator==(const Exercise &other) const = default;
};

} // namespace RaceGrade
