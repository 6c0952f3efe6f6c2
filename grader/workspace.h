#pragma once

#include "expected.h"
#include "language.h"

#include <QTemporaryDir>
#include <memory>

namespace RaceGrade {

struct Exercise;

/// The scratch folder of one grading. The student's file is copied in twice, once for the
/// program and once next to the hidden harness; builds and runs happen only in here, never in
/// the student's own folder. The folder is removed when the Workspace is destroyed.
///
///     <root>/program/main.go|main.cpp   (+ go.mod)
///     <root>/harness/main.go|main.cpp   (+ the harness file, go.mod)
///     <root>/bin/                       built binaries
///     <root>/run/                       working directory, HOME and TMPDIR of every run
class Workspace
{
public:
    static Expected<std::shared_ptr<Workspace>> create(const Exercise &exercise, Language language,
                                                       const QByteArray &source, bool keep);

    QString root() const { return m_dir.path(); }
    QString programDir() const { return root() + QStringLiteral("/program"); }
    QString harnessDir() const { return root() + QStringLiteral("/harness"); }
    QString binDir() const { return root() + QStringLiteral("/bin"); }
    QString runDir() const { return root() + QStringLiteral("/run"); }
    QString submissionFileName() const { return m_submissionFileName; }
    bool hasHarness() const { return m_hasHarness; }

    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

private:
    Workspace() = default;

    QTemporaryDir m_dir;
    QString m_submissionFileName;
    bool m_hasHarness = false;
};

} // namespace RaceGrade
