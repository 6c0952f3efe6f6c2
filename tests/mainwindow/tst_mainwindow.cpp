// Drives the student's main window as a person would: choose an exercise, put a solution in the
// editor, grade, read the results and the marks. Grades with the real toolchains.

#include "autosaver.h"
#include "codeeditor.h"
#include "mainwindow.h"
#include "outputview.h"
#include "resultsview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace RaceGrade;

namespace {

constexpr int gradingTimeoutMs = 240000;

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString submission(const QString &relative)
{
    return readFile(QStringLiteral(RACEGRADE_SOURCE_DIR "/tests/grading/data/") + relative);
}

QSet<int> markedLines(const CodeEditor *editor, LineMarkKind kind)
{
    QSet<int> lines;
    for (const LineMark &mark : editor->marks()) {
        if (mark.kind == kind) {
            lines.insert(mark.line);
        }
    }
    return lines;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void racySolutionMarksBothAccesses();
    void correctSolutionPassesWithoutMarks();
    void compileErrorMarksItsLine();
    void runOnceShowsOutput();
    void cancelStopsGrading();
    void autosaveRestoresWorkInANewWindow();
    void unreadableFileKeepsTheBuffer();
    void statusBarSaysWhetherSandboxed();

private:
    std::unique_ptr<MainWindow> makeWindow();
    bool gradeAndWait(MainWindow &window);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QFile settings(m_dir->filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[grading]\nruns=6\n");
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    AppContext context;
    context.settingsFile = m_dir->filePath(QStringLiteral("settings.ini"));
    context.dataDirectory = m_dir->filePath(QStringLiteral("work"));
    context.exerciseRoots = QStringList{QStringLiteral(RACEGRADE_SOURCE_DIR "/exercises")};
    auto window = std::make_unique<MainWindow>(context);
    window->resize(1200, 800);
    window->show();
    return window;
}

bool TestMainWindow::gradeAndWait(MainWindow &window)
{
    QSignalSpy finished(&window, &MainWindow::jobFinished);
    window.grade();
    return finished.wait(gradingTimeoutMs);
}

void TestMainWindow::racySolutionMarksBothAccesses()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    QCOMPARE(window->currentExerciseId(), QStringLiteral("safe-counter"));
    // Value() reads without the lock (line 21) while Inc() writes under it (line 16).
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/unlocked-read.go")));
    QVERIFY(gradeAndWait(*window));

    const Grade &grade = window->lastGrade();
    QCOMPARE(grade.verdict, Verdict::Fail);
    QVERIFY(window->results()->entryCount(QStringLiteral("races")) >= 1);
    QCOMPARE(window->editor()->marks().size(), 2);
    const QSet<int> reported = markedLines(window->editor(), LineMarkKind::RaceThisAccess);
    const QSet<int> other = markedLines(window->editor(), LineMarkKind::RaceOtherAccess);
    QCOMPARE(reported + other, (QSet<int>{16, 21}));
    QCOMPARE(reported.size(), 1);
    QCOMPARE(other.size(), 1);
    const QString tooltip = window->editor()->toolTipForLine(21);
    QVERIFY2(tooltip.contains(QStringLiteral("Hint:")), qPrintable(tooltip));
    // Either access may be the one the detector reported first; the sentence names both.
    static const QRegularExpression bothLines(
        QStringLiteral("Line 21 reads `c.value` while line 16 writes it|"
                       "Line 16 writes `c.value` while line 21 reads it"));
    QVERIFY2(tooltip.contains(bothLines), qPrintable(tooltip));

    // The next problem is a race line; the editor goes there.
    window->results()->selectNextProblem();
    QVERIFY((QSet<int>{16, 21}).contains(window->editor()->currentLine()));

    // Marks follow their line when the student adds lines above them...
    QTextCursor cursor(window->editor()->document());
    cursor.insertText(QStringLiteral("// a new first line\n"));
    QCOMPARE(markedLines(window->editor(), LineMarkKind::RaceThisAccess) +
                 markedLines(window->editor(), LineMarkKind::RaceOtherAccess),
             (QSet<int>{17, 22}));
    // ...and are cleared when grading starts again.
    window->runOnce();
    QVERIFY(window->editor()->marks().isEmpty());
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    QVERIFY(finished.wait(gradingTimeoutMs));
}

void TestMainWindow::correctSolutionPassesWithoutMarks()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("config-once"), Language::Cpp);
    QCOMPARE(window->currentLanguage(), Language::Cpp);
    window->editor()->setPlainText(submission(QStringLiteral("cpp/config-once/correct.cpp")));
    QVERIFY(gradeAndWait(*window));
    const Grade &grade = window->lastGrade();
    QCOMPARE(grade.verdict, Verdict::Pass);
    QCOMPARE(grade.score, grade.maxScore);
    QVERIFY(grade.sandboxed);
    for (const CheckResult &check : grade.checks) {
        QVERIFY2(check.passed(), qPrintable(check.id + u' ' + check.detail));
    }
    QCOMPARE(window->results()->entryCount(QStringLiteral("checks")), grade.checks.size());
    QCOMPARE(window->results()->entryCount(QStringLiteral("races")), 0);
    QVERIFY(window->editor()->marks().isEmpty());
    const ExerciseStatus status =
        window->settings().status(QStringLiteral("config-once"), Language::Cpp);
    QVERIFY(status.tried);
    QVERIFY(status.passing);
    QCOMPARE(status.bestScore, grade.maxScore);
}

void TestMainWindow::compileErrorMarksItsLine()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/compile-error.go")));
    QVERIFY(gradeAndWait(*window));
    const Grade &grade = window->lastGrade();
    QVERIFY(!grade.compile.ok);
    QCOMPARE(markedLines(window->editor(), LineMarkKind::CompileError), (QSet<int>{40}));
    QVERIFY(window->editor()->toolTipForLine(40).contains(QStringLiteral("declared but not used")));
    QVERIFY(window->results()->entryCount(QStringLiteral("compiler")) >= 1);
}

void TestMainWindow::runOnceShowsOutput()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/correct.go")));
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    window->runOnce();
    QVERIFY(finished.wait(gradingTimeoutMs));
    QVERIFY2(window->output()->plainText().contains(QStringLiteral("10000")),
             qPrintable(window->output()->plainText()));
    QVERIFY(window->lastGrade().checks.isEmpty());
    QCOMPARE(window->lastGrade().runs.programRuns, 1);
}

void TestMainWindow::cancelStopsGrading()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/infinite-loop.go")));
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    window->grade();
    QVERIFY(window->isBusy());
    QVERIFY(window->progressBar()->isVisible());
    // Wait until programs are running, then cancel.
    QTRY_VERIFY_WITH_TIMEOUT(window->progressBar()->maximum() > 4, gradingTimeoutMs);
    QElapsedTimer clock;
    clock.start();
    window->cancel();
    QVERIFY(finished.wait(20000));
    QVERIFY2(clock.elapsed() < 10000, "cancelling took too long");
    QVERIFY(!window->isBusy());
    QCOMPARE(window->lastGrade().verdict, Verdict::Error);
    QVERIFY(window->editor()->marks().isEmpty());
    // A cancelled grading is not recorded as an attempt.
    QVERIFY(!window->settings().status(QStringLiteral("safe-counter"), Language::Go).tried);
}

void TestMainWindow::autosaveRestoresWorkInANewWindow()
{
    const QString typed = QStringLiteral("// my own attempt\n");
    {
        auto window = makeWindow();
        window->chooseExercise(QStringLiteral("parallel-fetch"), Language::Cpp);
        window->editor()->setFocus();
        window->editor()->moveCursor(QTextCursor::Start);
        QTest::keyClicks(window->editor(), QStringLiteral("// my own attempt"));
        QTest::keyClick(window->editor(), Qt::Key_Return);
        QVERIFY(window->editor()->toPlainText().startsWith(typed));
        // Saved a moment after the change, without closing the window: what a killed app keeps.
        const QString saved = m_dir->filePath(QStringLiteral("work/parallel-fetch/cpp/main.cpp"));
        QTRY_VERIFY_WITH_TIMEOUT(readFile(saved).startsWith(typed), 5000);
        // Switching exercises keeps each buffer.
        window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
        QVERIFY(!window->editor()->toPlainText().startsWith(typed));
    }
    auto window = makeWindow();
    // The last choice comes back, with its text.
    QCOMPARE(window->currentExerciseId(), QStringLiteral("safe-counter"));
    window->chooseExercise(QStringLiteral("parallel-fetch"), Language::Cpp);
    QVERIFY(window->editor()->toPlainText().startsWith(typed));
}

void TestMainWindow::unreadableFileKeepsTheBuffer()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    const QString before = window->editor()->toPlainText();
    // The warning dialog is modal; close it as soon as it shows.
    QTimer::singleShot(0, [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->inherits("QMessageBox") && widget->isVisible()) {
                QTest::keyClick(widget, Qt::Key_Escape);
            }
        }
    });
    QTimer closer;
    connect(&closer, &QTimer::timeout, [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (widget->inherits("QMessageBox") && widget->isVisible()) {
                widget->close();
            }
        }
    });
    closer.start(50);
    QVERIFY(!window->openFile(m_dir->filePath(QStringLiteral("does-not-exist.go"))));
    QCOMPARE(window->editor()->toPlainText(), before);
}

void TestMainWindow::statusBarSaysWhetherSandboxed()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->sandboxLabel()->text(), QStringLiteral("Sandboxed"), 20000);
    QVERIFY(window->sandboxLabel()->toolTip().startsWith(QStringLiteral("sandboxed with "
                                                                        "bubblewrap")));

    // The user's explicit choice shows, and the next grading runs unsandboxed.
    window->settings().setSandboxDisabled(true);
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/compile-error.go")));
    QVERIFY(gradeAndWait(*window));
    QVERIFY(!window->lastGrade().sandboxed);
    QVERIFY(window->lastGrade().sandbox.startsWith(QStringLiteral("NOT sandboxed")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
