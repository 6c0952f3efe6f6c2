#pragma once

#include "diagnostic.h"
#include "stackframe.h"

#include <QCoreApplication>
#include <optional>

namespace RaceGrade {

/// Maps paths printed by compilers and race detectors back to the student's file. Inside the
/// scratch folder the submission is always called main.go or main.cpp; reports show it under the
/// name the student knows.
class SourceMapper
{
    Q_DECLARE_TR_FUNCTIONS(SourceMapper)

public:
    SourceMapper(const QString &workspaceRoot, const QString &submissionFileName,
                 const QString &displayPath);

    /// True when the path is the submission, as a workspace path or a relative one ("./main.go",
    /// "/tmp/x/harness/./main.cpp"); paths are compared in their clean form.
    bool isSubmission(QStringView path) const;
    /// True for the hidden harness file.
    bool isHarness(QStringView path) const;
    /// The student's display path for submission paths, hiddenTestLabel() for the harness (whose
    /// scratch path means nothing to a student and is gone after the grading); other paths in
    /// their clean form.
    QString displayPath(const QString &path) const;
    /// How reports name the hidden test harness: "the hidden test".
    static QString hiddenTestLabel();
    /// "counter.go:13" for a displayed file and line; just "the hidden test" for the harness,
    /// whose lines a student cannot see.
    static QString placeText(const QString &displayFile, int line);

    /// The innermost frame in the student's file, if any.
    std::optional<StackFrame> firstSubmissionFrame(const Stack &stack) const;
    /// The frame that best stands for the stack: the student's, else the harness's, else the
    /// first with a source location outside runtimes and standard libraries, else the first
    /// with a source location, else the first.
    std::optional<StackFrame> representativeFrame(const Stack &stack) const;

    /// True for frames of the Go runtime and standard library, the sanitizer runtime, libc and
    /// the C++ standard library: places a student did not write.
    static bool isLibraryFrame(const StackFrame &frame);

    Diagnostic mapped(Diagnostic diagnostic) const;
    StackFrame mapped(StackFrame frame) const;
    Stack mapped(const Stack &stack) const;

    const QString &displayName() const { return m_displayPath; }

private:
    QString m_rootName;
    QString m_submissionFileName;
    QString m_displayPath;
};

} // namespace RaceGrade
