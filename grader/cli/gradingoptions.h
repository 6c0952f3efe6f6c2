#pragma once

#include "gradeoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace RaceGrade {

class CliOutput;

/// The options that say how student code is graded (runs, processes at once, limits, compiler,
/// extra exercise folders, sandbox), shared by every command that grades.
class GradingOptions
{
public:
    /// Adds the options to `parser`; `jobsHelp` says what --jobs counts for this command.
    GradingOptions(QCommandLineParser &parser, const QString &jobsHelp);

    /// Reads the options into `options`. On a bad value, writes a message that starts with
    /// `command` to `err` and returns false.
    bool read(const QCommandLineParser &parser, GradeOptions *options, const QString &command,
              const CliOutput &err) const;
    /// The exercise folders to load: those given with --exercises, then the default ones.
    QStringList exerciseRoots(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_runs;
    QCommandLineOption m_jobs;
    QCommandLineOption m_timeLimit;
    QCommandLineOption m_memoryLimit;
    QCommandLineOption m_compiler;
    QCommandLineOption m_exercises;
    QCommandLineOption m_noSandbox;
};

} // namespace RaceGrade
