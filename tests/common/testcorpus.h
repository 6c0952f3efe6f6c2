#pragma once

#include "exercise.h"
#include "expected.h"
#include "language.h"

#include <QByteArray>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

namespace RaceGrade::TestSupport {

/// One graded example of tests/grading/data/cases.json, with its file's bytes.
struct CorpusCase
{
    QString name; ///< "go-safe-counter-missing-lock"
    QString exercise;
    Language language = Language::Go;
    QString verdict;      ///< "pass" or "fail"
    QStringList mustPass; ///< check ids that pass in every grading
    QStringList mustFail; ///< check ids that fail in every grading
    QStringList problems; ///< "compile-error", "timeout", ...
    QByteArray bytes;
    bool slow = false; ///< takes many seconds to grade (timeouts, a harness watchdog)

    bool racy() const { return mustFail.contains(QStringLiteral("race-free")); }
    bool compileError() const { return problems.contains(QStringLiteral("compile-error")); }
};

/// The project's own graded examples, for tests that need files whose grade is known.
class TestCorpus
{
public:
    /// tests/grading/data of the source tree.
    static QString directory();

    /// Every case with its bytes; the slow ones only when `slowCases`.
    static Expected<QVector<CorpusCase>> load(bool slowCases);

    /// The scores grading the case can give, low and high: all points for a passing case,
    /// none for one that does not build (or no case: a made-up broken file), else at least the
    /// points of its mustPass checks and at most all but those of its mustFail checks.
    static QPair<int, int> scoreRange(const CorpusCase *corpusCase, const Exercise &exercise,
                                      Language language);
};

} // namespace RaceGrade::TestSupport
