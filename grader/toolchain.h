#pragma once

#include "diagnostic.h"
#include "gradeoptions.h"
#include "language.h"
#include "runrecord.h"

#include <QByteArray>
#include <QStringList>
#include <memory>

namespace RaceGrade {

class Workspace;

/// A compiler or checker invocation of a build step.
struct BuildCommand
{
    QString program;
    QStringList arguments;
    QString workingDirectory;
    QString outputFile; ///< the binary it writes; empty for checks such as go vet
    /// Argument lists of commands of the same program, in the same folder, that must succeed
    /// first (e.g. compiling an object the main command links).
    QVector<QStringList> preparation;

    QString displayLine() const;
};

/// How one run is scheduled, so that runs differ in the interleavings they try.
struct RunSchedule
{
    QString label;           ///< "GOMAXPROCS=1", "1 CPU", "all CPUs"
    QStringList environment; ///< extra "NAME=value" entries
    int cpuCount = 0;        ///< pin to this many CPUs; 0: no pinning
};

/// Knows how to build and run submissions of one language with the race detector.
class Toolchain
{
public:
    virtual ~Toolchain() = default;

    static std::unique_ptr<Toolchain> create(Language language, const GradeOptions &options);

    virtual Language language() const = 0;
    /// Why this toolchain cannot be used here (missing compiler, no TSan runtime); empty if it can.
    /// The first call may run the compiler once; the answer is remembered for the process.
    virtual QString unavailableReason() const = 0;
    /// "go1.19.8", "g++ 12.2.0"
    virtual QString version() const = 0;

    virtual BuildCommand programBuild(const Workspace &workspace, bool raceDetector) const = 0;
    virtual BuildCommand harnessBuild(const Workspace &workspace) const = 0;
    /// The static checker with the given analyzers; nullopt-like empty program when unsupported.
    virtual BuildCommand vetCommand(const Workspace &workspace, const QStringList &analyzers) const;
    virtual QStringList buildEnvironment() const = 0;
    /// Folders a build writes besides the workspace (the Go build cache); a sandboxed build gets
    /// them writable, runs never see them.
    virtual QStringList buildCachePaths() const { return {}; }
    virtual QVector<Diagnostic> parseDiagnostics(QStringView output) const = 0;
    /// True when a failed build's output shows a broken toolchain rather than a student mistake.
    virtual bool isToolchainFailure(QStringView output) const = 0;

    /// Environment and scheduling of the index-th run of a binary.
    virtual RunSchedule schedule(BinaryKind binary, int index) const = 0;
    virtual QStringList harnessArguments() const { return {}; }
    /// The environment every run starts from: no variables of the person grading leak in.
    QStringList runEnvironment(const Workspace &workspace, const RunSchedule &schedule) const;
};

} // namespace RaceGrade
