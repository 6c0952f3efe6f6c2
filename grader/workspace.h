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
///     <root>/harness/main.go|main.cpp   (+ the harness file, go.mod; racegrade_key.cpp in C++)
///     <root>/bin/                       built binaries
///     <root>/run/                       working directory, HOME and TMPDIR of every run
class Workspace
{
public:
    /// Makes the scratch folder in the temporary folder, named racegrade-work-<pid>-XXXXXX
    /// (racegrade-kept-… when `keep` asks to leave it behind). The first call of a process
    /// also removes the folders of processes that died without removing theirs.
    static Expected<std::shared_ptr<Workspace>> create(const Exercise &exercise, Language language,
                                                       const QByteArray &source, bool keep);

    /// Removes racegrade-work-<pid>-* folders in `folder` whose process no longer runs; returns
    /// how many were removed.
    static int sweepStale(const QString &folder);

    QString root() const { return m_dir.path(); }
    QString programDir() const { return root() + QStringLiteral("/program"); }
    QString harnessDir() const { return root() + QStringLiteral("/harness"); }
    QString binDir() const { return root() + QStringLiteral("/bin"); }
    QString runDir() const { return root() + QStringLiteral("/run"); }
    QString submissionFileName() const { return m_submissionFileName; }
    /// The random key of this grading's harness verdicts (see HarnessProtocol). Toolchains
    /// compile it into the harness build only.
    QString verdictKey() const { return m_verdictKey; }
    /// For C++: the source that hands the key to the harness, compiled on its own with
    /// -DRACEGRADE_VERDICT_KEY so that the key never reaches the student's translation unit.
    QString verdictKeySource() const { return harnessDir() + QStringLiteral("/racegrade_key.cpp"); }
    bool hasHarness() const { return m_hasHarness; }

    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

private:
    explicit Workspace(bool keep);

    QTemporaryDir m_dir;
    QString m_submissionFileName;
    QString m_verdictKey;
    bool m_hasHarness = false;
};

} // namespace RaceGrade
