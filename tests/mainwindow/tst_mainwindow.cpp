// Drives the student's main window as a person would: choose an exercise, put a solution in the
// editor, grade, read the results and the marks. Grades with the real toolchains.

#include "autosaver.h"
#include "codeeditor.h"
#include "mainwindow.h"
#include "outputview.h"
#include "resultsview.h"
#include "settingsdialog.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

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

/// Types @p lines at the top of the editor, each followed by Return, as a student would.
void typeLinesAtTop(CodeEditor *editor, const QStringList &lines)
{
    editor->setFocus();
    editor->moveCursor(QTextCursor::Start);
    for (const QString &line : lines) {
        QTest::keyClicks(editor, line);
        QTest::keyClick(editor, Qt::Key_Return);
    }
}

/// The first entry of the results whose text starts with @p start.
QTreeWidgetItem *resultEntry(const ResultsView *results, const QString &start)
{
    for (QTreeWidgetItemIterator it(results->tree()); *it; ++it) {
        if ((*it)->text(0).startsWith(start)) {
            return *it;
        }
    }
    return nullptr;
}

/// Closes every dialog that opens while it lives, and remembers what they were.
class DialogCloser
{
public:
    DialogCloser()
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (widget->isVisible() && widget->inherits("QDialog")) {
                    m_seen.append(QString::fromLatin1(widget->metaObject()->className()));
                    widget->close();
                }
            }
        });
        m_timer.start(50);
    }
    QStringList seen() const { return m_seen; }

private:
    QTimer m_timer;
    QStringList m_seen;
};

/// Presses @p keys in the editor of the active @p window, as the keyboard would.
bool pressKeys(MainWindow &window, const QString &keys)
{
    // The offscreen platform activates no window again once a dialog closes.
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window)) {
        return false;
    }
    window.editor()->setFocus();
    QTest::keySequence(window.editor(), QKeySequence(keys));
    return true;
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
    void editsDuringGradingMoveMarksAndPlaces();
    void compileErrorMarkFollowsEditsDuringGrading();
    void switchingExerciseDuringGradingCancelsCleanly();
    void cancelledRunKeepsItsOutput();
    void autosaveRestoresWorkInANewWindow();
    void visitingAnExerciseSavesNothing();
    void shortcutsWorkOnEveryDesktop();
    void saveWritesTheFileOrAsks();
    void germanTranslationIsUsed();
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
    // It says so, with no score or run count that would mean something.
    QVERIFY(window->results()->isCancelled());
    const QString header = window->results()->headerText();
    QVERIFY2(header.startsWith(QStringLiteral("Cancelled")), qPrintable(header));
    QVERIFY2(!header.contains(QStringLiteral("0 / ")), qPrintable(header));
    QVERIFY2(!header.contains(QStringLiteral("Graded with")), qPrintable(header));
    QVERIFY(window->jobStatusLabel()->text().isEmpty());
    QVERIFY(!window->progressBar()->isVisible());
    QVERIFY(window->output()->plainText().endsWith(QStringLiteral("Grading cancelled.\n")));
}

void TestMainWindow::editsDuringGradingMoveMarksAndPlaces()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    // Value() reads without the lock (line 21) while Inc() writes under it (line 16).
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/unlocked-read.go")));
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    window->grade();
    // The student goes on writing while the grading runs: three lines at the top.
    typeLinesAtTop(window->editor(), {QStringLiteral("// Counter for the lab."),
                                      QStringLiteral("// Ada, group 3."), QString()});
    QVERIFY(window->isBusy());
    QVERIFY(finished.wait(gradingTimeoutMs));
    QCOMPARE(window->lastGrade().verdict, Verdict::Fail);

    // The marks land where the racing lines are now.
    QCOMPARE(markedLines(window->editor(), LineMarkKind::RaceThisAccess) +
                 markedLines(window->editor(), LineMarkKind::RaceOtherAccess),
             (QSet<int>{19, 24}));
    QVERIFY(window->editor()->toolTipForLine(24).contains(QStringLiteral("Hint:")));
    QVERIFY(window->editor()->document()->findBlockByNumber(23).text().contains(
        QStringLiteral("return c.value")));

    // So do the places of the results: F8 and Shift+F8...
    window->results()->selectNextProblem();
    const int first = window->editor()->currentLine();
    QVERIFY2((QSet<int>{19, 24}).contains(first), qPrintable(QString::number(first)));
    window->results()->selectPreviousProblem();
    QVERIFY((QSet<int>{19, 24}).contains(window->editor()->currentLine()));
    // ...selecting an access of the race...
    QTreeWidgetItem *access = resultEntry(window->results(), QStringLiteral("read at"));
    if (!access) {
        access = resultEntry(window->results(), QStringLiteral("previous read at"));
    }
    QVERIFY(access);
    window->editor()->goToLine(1);
    window->results()->tree()->setCurrentItem(nullptr);
    window->results()->tree()->setCurrentItem(access);
    QCOMPARE(window->editor()->currentLine(), 24);
    // ...the check that names the race's lines...
    QTreeWidgetItem *check = resultEntry(window->results(), QStringLiteral("No data race found"));
    QVERIFY(check);
    window->editor()->goToLine(1);
    window->results()->tree()->setCurrentItem(check);
    QVERIFY2((QSet<int>{19, 24}).contains(window->editor()->currentLine()),
             qPrintable(check->child(0)->text(0)));
    // ...and a link in the output, which names the line as it was graded.
    const QStringList targets = window->output()->linkTargets();
    QVERIFY(targets.contains(QStringLiteral("21")));
    window->editor()->goToLine(1);
    window->output()->activateLink(QStringLiteral("21"));
    QCOMPARE(window->editor()->currentLine(), 24);

    // A line added later moves them once more.
    typeLinesAtTop(window->editor(), {QStringLiteral("// one more")});
    QCOMPARE(markedLines(window->editor(), LineMarkKind::RaceThisAccess) +
                 markedLines(window->editor(), LineMarkKind::RaceOtherAccess),
             (QSet<int>{20, 25}));
    window->output()->activateLink(QStringLiteral("21"));
    QCOMPARE(window->editor()->currentLine(), 25);
}

void TestMainWindow::compileErrorMarkFollowsEditsDuringGrading()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/compile-error.go")));
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    window->grade();
    typeLinesAtTop(window->editor(),
                   {QStringLiteral("// a"), QStringLiteral("// b"), QStringLiteral("// c")});
    QVERIFY(finished.wait(gradingTimeoutMs));
    QVERIFY(!window->lastGrade().compile.ok);
    QCOMPARE(markedLines(window->editor(), LineMarkKind::CompileError), (QSet<int>{43}));
    QVERIFY(window->editor()->toolTipForLine(43).contains(QStringLiteral("declared but not used")));
    window->results()->selectNextProblem();
    QCOMPARE(window->editor()->currentLine(), 43);
}

void TestMainWindow::switchingExerciseDuringGradingCancelsCleanly()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(submission(QStringLiteral("go/safe-counter/infinite-loop.go")));
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    window->grade();
    QTRY_VERIFY_WITH_TIMEOUT(window->progressBar()->maximum() > 4, gradingTimeoutMs);

    QElapsedTimer clock;
    clock.start();
    window->chooseExercise(QStringLiteral("config-once"), Language::Go);
    QVERIFY2(clock.elapsed() < 2000, "switching waited for the grading");
    QCOMPARE(finished.count(), 1);
    QVERIFY(!window->isBusy());
    QVERIFY(!window->progressBar()->isVisible());
    QVERIFY(window->jobStatusLabel()->text().isEmpty());
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(window->currentExerciseId(), QStringLiteral("config-once"));

    // The abandoned grading ends on its own and leaves the new exercise alone.
    const QString placeholder = window->results()->messageText();
    QVERIFY(!placeholder.isEmpty());
    QTest::qWait(3000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(window->results()->messageText(), placeholder);
    QVERIFY(window->editor()->marks().isEmpty());
    QVERIFY(!window->settings().status(QStringLiteral("safe-counter"), Language::Go).tried);

    // And the new exercise grades as usual.
    window->runOnce();
    QVERIFY(window->isBusy());
    QVERIFY(finished.wait(gradingTimeoutMs));
    QCOMPARE(window->lastGrade().exercise, QStringLiteral("config-once"));
}

void TestMainWindow::cancelledRunKeepsItsOutput()
{
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
    window->editor()->setPlainText(
        QStringLiteral("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\n"
                       "func main() {\n\tfmt.Println(\"started the workers\")\n"
                       "\tfor {\n\t\ttime.Sleep(time.Second)\n\t}\n}\n"));
    QSignalSpy finished(window.get(), &MainWindow::jobFinished);
    window->runOnce();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->output()->plainText().contains(QStringLiteral("started the workers")),
        gradingTimeoutMs);
    window->cancel();
    QVERIFY(finished.wait(20000));
    const QString output = window->output()->plainText();
    QVERIFY2(output.contains(QStringLiteral("started the workers\n")), qPrintable(output));
    QVERIFY2(output.endsWith(QStringLiteral("Run cancelled.\n")), qPrintable(output));
    QVERIFY2(!output.contains(QStringLiteral("kept no output")), qPrintable(output));
    QVERIFY(window->results()->headerText().startsWith(QStringLiteral("Cancelled")));
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

void TestMainWindow::visitingAnExerciseSavesNothing()
{
    const QString work = m_dir->filePath(QStringLiteral("work"));
    {
        auto window = makeWindow();
        window->chooseExercise(QStringLiteral("parallel-fetch"), Language::Go);
        window->chooseExercise(QStringLiteral("parallel-fetch"), Language::Cpp);
        window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);
        // Longer than the autosave delay, time for the highlighter to colour the text.
        QTest::qWait(1500);
    }
    for (const QString &buffer : {QStringLiteral("parallel-fetch/go/main.go"),
                                  QStringLiteral("parallel-fetch/cpp/main.cpp"),
                                  QStringLiteral("safe-counter/go/main.go")}) {
        QVERIFY2(!QFile::exists(work + u'/' + buffer), qPrintable(buffer));
    }

    // One edit, and that buffer (only) is kept, even when undone to the starter afterwards.
    auto window = makeWindow();
    window->chooseExercise(QStringLiteral("config-once"), Language::Cpp);
    typeLinesAtTop(window->editor(), {QStringLiteral("// mine")});
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Cpp);
    QVERIFY(readFile(work + QStringLiteral("/config-once/cpp/main.cpp"))
                .startsWith(QStringLiteral("// mine\n")));
    QVERIFY(!QFile::exists(work + QStringLiteral("/safe-counter/cpp/main.cpp")));
}

void TestMainWindow::shortcutsWorkOnEveryDesktop()
{
    auto window = makeWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const auto action = [&window](const QString &text) -> QAction * {
        for (QAction *menu : window->menuBar()->actions()) {
            for (QAction *item : menu->menu()->actions()) {
                if (item->text() == text) {
                    return item;
                }
            }
        }
        return nullptr;
    };
    // Each shows its key in the menu, whatever the desktop binds to the standard actions.
    const QVector<QPair<QString, QString>> expected{
        {QStringLiteral("&Save"), QStringLiteral("Ctrl+S")},
        {QStringLiteral("Save &As…"), QStringLiteral("Ctrl+Shift+S")},
        {QStringLiteral("&Settings…"), QStringLiteral("Ctrl+,")},
        {QStringLiteral("Zoom &In"), QStringLiteral("Ctrl++")},
    };
    for (const auto &[text, key] : expected) {
        QAction *found = action(text);
        QVERIFY2(found, qPrintable(text));
        QCOMPARE(found->shortcut().toString(QKeySequence::PortableText), key);
    }
    QVERIFY(action(QStringLiteral("Zoom &In"))
                ->shortcuts()
                .contains(QKeySequence(QStringLiteral("Ctrl+="))));

    // The keys work from the editor.
    const int zoom = window->editor()->zoomStep();
    QVERIFY(pressKeys(*window, QStringLiteral("Ctrl+=")));
    QCOMPARE(window->editor()->zoomStep(), zoom + 1);
    {
        DialogCloser closer;
        QVERIFY(pressKeys(*window, QStringLiteral("Ctrl+,")));
        QTRY_VERIFY(!closer.seen().isEmpty());
        QCOMPARE(closer.seen().constFirst(), QStringLiteral("RaceGrade::SettingsDialog"));
    }
    {
        DialogCloser closer;
        QVERIFY(pressKeys(*window, QStringLiteral("Ctrl+Shift+S")));
        QTRY_VERIFY(!closer.seen().isEmpty());
        QCOMPARE(closer.seen().constFirst(), QStringLiteral("QFileDialog"));
    }
    QVERIFY(window->filePath().isEmpty());
}

void TestMainWindow::saveWritesTheFileOrAsks()
{
    auto window = makeWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->chooseExercise(QStringLiteral("safe-counter"), Language::Go);

    // No file yet: Ctrl+S asks where to save.
    {
        DialogCloser closer;
        QVERIFY(pressKeys(*window, QStringLiteral("Ctrl+S")));
        QTRY_VERIFY(!closer.seen().isEmpty());
        QCOMPARE(closer.seen().constFirst(), QStringLiteral("QFileDialog"));
    }

    // With a file, Ctrl+S writes to it at once.
    const QString path = m_dir->filePath(QStringLiteral("counter.go"));
    QVERIFY(window->saveFile(path));
    QCOMPARE(window->filePath(), path);
    typeLinesAtTop(window->editor(), {QStringLiteral("// saved with Ctrl+S")});
    QVERIFY(!readFile(path).startsWith(QStringLiteral("// saved")));
    DialogCloser closer;
    QVERIFY(pressKeys(*window, QStringLiteral("Ctrl+S")));
    QCOMPARE(readFile(path), window->editor()->toPlainText());
    QVERIFY(closer.seen().isEmpty());
    // The output names the student's file.
    QCOMPARE(window->output()->sourceFileName(), QStringLiteral("counter.go"));
}

void TestMainWindow::germanTranslationIsUsed()
{
    const Translations german(QLocale(QLocale::German, QLocale::Germany));
    const QStringList loaded = german.loadedFiles();
    QVERIFY2(!loaded.isEmpty() && loaded.constFirst().endsWith(QStringLiteral("racegrade_de.qm")),
             qPrintable(loaded.join(u' ')));
    auto window = makeWindow();
    QStringList menus;
    for (QAction *menu : window->menuBar()->actions()) {
        menus.append(menu->text());
    }
    QCOMPARE(menus.constFirst(), QStringLiteral("&Datei"));
    QVERIFY2(menus.contains(QStringLiteral("&Bearbeiten")), qPrintable(menus.join(u' ')));
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
