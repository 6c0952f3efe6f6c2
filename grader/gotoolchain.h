#pragma once

#include "toolchain.h"

namespace RaceGrade {

/// Builds Go submissions with `go build -race`, the harness with `go test -race -c`, and runs
/// `go vet`. Modules are off the network (GOPROXY=off) and the build cache is shared between
/// gradings, so only the first build on a machine pays for compiling the race runtime.
class GoToolchain : public Toolchain
{
public:
    explicit GoToolchain(const GradeOptions &options);

    Language language() const override { return Language::Go; }
    QString unavailableReason() const override;
    QString version() const override;
    BuildCommand programBuild(const Workspace &workspace, bool raceDetector) const override;
    BuildCommand harnessBuild(const Workspace &workspace) const override;
    BuildCommand vetCommand(const Workspace &workspace,
                            const QStringList &analyzers) const override;
    QStringList buildEnvironment() const override;
    QStringList buildCachePaths() const override { return {m_cacheDirectory}; }
    QVector<Diagnostic> parseDiagnostics(QStringView output) const override;
    bool isToolchainFailure(QStringView output) const override;
    RunSchedule schedule(BinaryKind binary, int index) const override;
    QStringList harnessArguments() const override;

private:
    QString m_goPath;
    QString m_cacheDirectory;
    bool m_sandboxed = false;
};

} // namespace RaceGrade
