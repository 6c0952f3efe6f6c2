#pragma once

#include "toolchain.h"

namespace RaceGrade {

/// Builds C++ submissions with g++ or clang++ and -fsanitize=thread; the harness is a second
/// binary that includes the submission with its main() renamed.
class CppToolchain : public Toolchain
{
public:
    explicit CppToolchain(const GradeOptions &options);

    Language language() const override { return Language::Cpp; }
    QString unavailableReason() const override;
    QString version() const override;
    BuildCommand programBuild(const Workspace &workspace, bool raceDetector) const override;
    BuildCommand harnessBuild(const Workspace &workspace) const override;
    QStringList buildEnvironment() const override;
    QVector<Diagnostic> parseDiagnostics(QStringView output) const override;
    bool isToolchainFailure(QStringView output) const override;
    RunSchedule schedule(BinaryKind binary, int index) const override;

private:
    QString m_compilerName; ///< as the user chose it, for messages
    QString m_compilerPath;
};

} // namespace RaceGrade
