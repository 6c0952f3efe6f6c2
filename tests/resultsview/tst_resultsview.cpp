#include "outputview.h"
#include "resultsview.h"

#include <QElapsedTimer>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QtTest>

using namespace RaceGrade;

namespace {

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The student's file as the grader names it in a grade.
const QString studentFile = QStringLiteral("counter.go");
const QString goSync = QStringLiteral("/usr/lib/go-1.19/src/sync/mutex.go");
const QString goAsm = QStringLiteral("/usr/lib/go-1.19/src/runtime/asm_amd64.s");

StackFrame frame(const char *function, const QString &file, int line, int column = 0)
{
    return StackFrame{str(function), file, line, column, QString()};
}

CheckResult check(const char *id, const char *title, CheckStatus status, int points, int max,
                  const char *detail, const char *hint = "")
{
    return CheckResult{str(id), str(title), status, points, max, str(detail), str(hint)};
}

const char *const rawGoReport = "==================\n"
                                "WARNING: DATA RACE\n"
                                "Write at 0x00c00001a0f8 by goroutine 8:\n"
                                "  main.(*SafeCounter).Inc()\n"
                                "      /tmp/racegrade-x/program/main.go:14 +0x4e\n"
                                "  main.main.func1()\n"
                                "      /tmp/racegrade-x/program/main.go:30 +0x2f\n"
                                "\n"
                                "Previous read at 0x00c00001a0f8 by main goroutine:\n"
                                "  main.(*SafeCounter).Value()\n"
                                "      /tmp/racegrade-x/program/main.go:20 +0x3a\n"
                                "==================\n";

// Failing: 2 checks passed, 2 failed, 1 not run; one data race with both accesses and stacks;
// a deadlock and a timeout; a warning of go vet.
Grade failingGrade()
{
    Grade grade;
    grade.exercise = QStringLiteral("safe-counter");
    grade.language = Language::Go;
    grade.sourceFile = studentFile;
    grade.verdict = Verdict::Fail;
    grade.score = 30;
    grade.maxScore = 100;
    grade.toolchain = QStringLiteral("go1.19.8");
    grade.seconds = 12.34;
    grade.compile.ok = true;
    grade.compile.diagnostics = {Diagnostic{studentFile,
                                            8,
                                            2,
                                            Severity::Warning,
                                            QStringLiteral("the cancel function is not used"),
                                            QStringLiteral("go vet"),
                                            {}}};
    grade.compile.output = QStringLiteral("# command-line-arguments\n./main.go:8:2: the cancel "
                                          "function is not used\n");
    grade.runs = RunSummary{27, 3, 0, 0, 20, 5, 2, 0};
    grade.checks = {
        check("builds", "Builds", CheckStatus::Passed, 10, 10, "The program built."),
        check("total", "Prints the right total", CheckStatus::Passed, 20, 20,
              "The total was 2000 in every run."),
        check("no-race", "No data race", CheckStatus::Failed, 0, 40,
              "A data race was reported in 3 of 20 runs.", "Hold the lock while reading too."),
        check("no-deadlock", "No deadlock", CheckStatus::Failed, 0, 20,
              "2 of 5 runs without the race detector deadlocked."),
        check("hidden", "Hidden tests pass", CheckStatus::NotRun, 0, 10,
              "Not run: the program deadlocked."),
    };

    RaceAccessSite write;
    write.op = QStringLiteral("write");
    write.file = studentFile;
    write.line = 14;
    write.column = 3;
    write.function = QStringLiteral("main.(*SafeCounter).Inc");
    write.thread = QStringLiteral("goroutine 8");
    write.inSubmission = true;
    write.stack = {frame("main.(*SafeCounter).Inc", studentFile, 14, 3),
                   frame("main.main.func1", studentFile, 30, 4),
                   frame("runtime.goexit", goAsm, 1598)};
    RaceAccessSite read;
    read.op = QStringLiteral("read");
    read.file = studentFile;
    read.line = 20;
    read.column = 9;
    read.function = QStringLiteral("main.(*SafeCounter).Value");
    read.thread = QStringLiteral("main goroutine");
    read.inSubmission = true;
    read.stack = {frame("main.(*SafeCounter).Value", studentFile, 20, 9),
                  frame("main.main", studentFile, 35, 2)};
    RaceFinding race;
    race.kind = QStringLiteral("data-race");
    race.occurrences = 3;
    race.runs = 20;
    race.accesses = {write, read};
    race.location = QStringLiteral("field count of a SafeCounter");
    race.explanation = QStringLiteral("Inc writes c.count holding the lock; Value reads it "
                                      "without the lock.");
    race.mistake = QStringLiteral("unlocked-read");
    race.hint = QStringLiteral("Lock the mutex in Value as well.");
    race.rawReport = str(rawGoReport);
    race.creationStacks = {{frame("main.main", studentFile, 28, 3)}};
    grade.races = {race};

    grade.problems = {
        Problem{QStringLiteral("deadlock"), studentFile, 22,
                QStringLiteral("all goroutines are asleep - deadlock!"), 2},
        Problem{QStringLiteral("timeout"), QString(), 0,
                QStringLiteral("stopped after 10 s without finishing, in 1 of 5 runs without the "
                               "race detector"),
                1},
    };
    grade.logs = {RunLog{QStringLiteral("run 1 with the race detector (GOMAXPROCS=4): exit "
                                        "status 66, 412 ms"),
                         QStringLiteral("total: 1987\n"), str(rawGoReport)}};
    grade.notes =
        QStringList{QStringLiteral("Address space randomisation was off for the race detector.")};
    return grade;
}

// The build failed with two errors; every later check was not run.
Grade compileErrorGrade()
{
    Grade grade;
    grade.exercise = QStringLiteral("safe-counter");
    grade.sourceFile = studentFile;
    grade.verdict = Verdict::Fail;
    grade.score = 0;
    grade.maxScore = 100;
    grade.compile.ok = false;
    grade.compile.diagnostics = {
        Diagnostic{studentFile,
                   14,
                   2,
                   Severity::Error,
                   QStringLiteral("undefined: mu"),
                   QStringLiteral("go"),
                   {}},
        Diagnostic{studentFile,
                   20,
                   9,
                   Severity::Error,
                   QStringLiteral("c.cnt undefined (type *SafeCounter has no field or method "
                                  "cnt)"),
                   QStringLiteral("go"),
                   {}},
    };
    grade.compile.output = QStringLiteral(
        "# command-line-arguments\n./main.go:14:2: undefined: mu\n./main.go:20:9: c.cnt undefined "
        "(type *SafeCounter has no field or method cnt)\n");
    grade.checks = {
        check("builds", "Builds", CheckStatus::Failed, 0, 10, "The build failed with 2 errors."),
        check("no-race", "No data race", CheckStatus::NotRun, 0, 60, "Not run: no program."),
        check("hidden", "Hidden tests pass", CheckStatus::NotRun, 0, 30, "Not run: no program."),
    };
    // The engine also lists each compile error as a problem; they are shown once, as messages
    // of the compiler.
    for (const Diagnostic &diagnostic : std::as_const(grade.compile.diagnostics)) {
        grade.problems.append(Problem{QStringLiteral("compile-error"), diagnostic.file,
                                      diagnostic.line, diagnostic.message, 1});
    }
    return grade;
}

Grade passingGrade()
{
    Grade grade;
    grade.exercise = QStringLiteral("safe-counter");
    grade.sourceFile = studentFile;
    grade.verdict = Verdict::Pass;
    grade.score = 100;
    grade.maxScore = 100;
    grade.compile.ok = true;
    grade.runs = RunSummary{27, 0, 0, 0, 20, 5, 2, 0};
    grade.checks = {
        check("builds", "Builds", CheckStatus::Passed, 10, 10, "The program built."),
        check("no-race", "No data race", CheckStatus::Passed, 60, 60, "No race in 20 runs."),
        check("hidden", "Hidden tests pass", CheckStatus::Passed, 30, 30, "2 of 2 passed."),
    };
    grade.logs = {RunLog{QStringLiteral("run 1 with the race detector: exit status 0, 80 ms"),
                         QStringLiteral("total: 2000\n"), QString()}};
    return grade;
}

Grade gradeByName(const QString &name)
{
    if (name == u"failing") {
        return failingGrade();
    }
    if (name == u"compile-error") {
        return compileErrorGrade();
    }
    return passingGrade();
}

// The first item, depth first, whose text starts with the given text.
QTreeWidgetItem *findItem(const QTreeWidget *tree, const QString &start)
{
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it) {
        if ((*it)->text(0).startsWith(start)) {
            return *it;
        }
    }
    return nullptr;
}

QStringList childTexts(const QTreeWidgetItem *item)
{
    QStringList texts;
    for (int i = 0; i < item->childCount(); ++i) {
        texts.append(item->child(i)->text(0));
    }
    return texts;
}

// The text colour at the first occurrence of a text in a document.
QColor colourOf(const QTextDocument *document, const QString &text)
{
    const QTextCursor found = document->find(text);
    if (found.isNull()) {
        return {};
    }
    QTextCursor at(found);
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat().foreground().color();
}

} // namespace

class TestResultsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sectionCounts_data();
    void sectionCounts();
    void header_data();
    void header();
    void checkEntries();
    void checkEntryGoesToFirstLineItNames_data();
    void checkEntryGoesToFirstLineItNames();
    void cancelledGradingShowsNoScore();
    void raceEntry();
    void problemAndCompilerEntries();
    void selectingRaceAccessEmitsItsLine_data();
    void selectingRaceAccessEmitsItsLine();
    void selectingEntriesWithoutPlaceEmitsNothing_data();
    void selectingEntriesWithoutPlaceEmitsNothing();
    void clickingEntryEmitsItsLine();
    void nextAndPreviousProblemCycle();
    void nextProblemContinuesFromCurrentEntry();
    void nextProblemWithoutPlacesDoesNothing();
    void messageAndClear();

    void outputLinks_data();
    void outputLinks();
    void activatingLinksEmitsPlaces();
    void clickingLinkEmitsPlace();
    void liveOutputShowsStderrInOtherColour();
    void placeSplitBetweenPiecesBecomesLink();
    void verdictLinesOfHiddenTestsAreHidden_data();
    void verdictLinesOfHiddenTestsAreHidden();
    void gradeHidesVerdictLinesAndScratchFolders();
    void gradeShowsCompilerOutputOnBuildFailure();
    void gradeShowsRunLogsAndRaceReports();
    void outputIsCapped();
    void coloursFollowPalette();
};

void TestResultsView::sectionCounts_data()
{
    QTest::addColumn<QString>("grade");
    QTest::addColumn<int>("checks");
    QTest::addColumn<int>("races");
    QTest::addColumn<int>("problems");
    QTest::addColumn<int>("compiler");

    QTest::newRow("failing") << QStringLiteral("failing") << 5 << 1 << 2 << 1;
    // Compile errors listed by the compiler are not repeated under Problems.
    QTest::newRow("compile error") << QStringLiteral("compile-error") << 3 << 0 << 0 << 2;
    QTest::newRow("passing") << QStringLiteral("passing") << 3 << 0 << 0 << 0;
}

void TestResultsView::sectionCounts()
{
    QFETCH(QString, grade);
    QFETCH(int, checks);
    QFETCH(int, races);
    QFETCH(int, problems);
    QFETCH(int, compiler);

    ResultsView view;
    view.setGrade(gradeByName(grade));
    QCOMPARE(view.entryCount(QStringLiteral("checks")), checks);
    QCOMPARE(view.entryCount(QStringLiteral("Races")), races);
    QCOMPARE(view.entryCount(QStringLiteral("problems")), problems);
    QCOMPARE(view.entryCount(QStringLiteral("compiler")), compiler);
    QCOMPARE(view.entryCount(QStringLiteral("no such section")), 0);

    // Empty sections are not shown at all.
    const int shown = int(checks > 0) + int(races > 0) + int(problems > 0) + int(compiler > 0);
    QCOMPARE(view.tree()->topLevelItemCount(), shown);
    QCOMPARE(view.sectionItem(QStringLiteral("races")) != nullptr, races > 0);
    QCOMPARE(view.sectionItem(QStringLiteral("problems")) != nullptr, problems > 0);
}

void TestResultsView::header_data()
{
    QTest::addColumn<QString>("grade");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("failing") << QStringLiteral("failing")
                             << QStringList{
                                    QStringLiteral("30 / 100"),
                                    QStringLiteral("Failed"),
                                    QStringLiteral("27 runs: 20 with the race detector, 5 "
                                                   "without, 2 of the hidden tests; 3 racy, 0 "
                                                   "timed out"),
                                    QStringLiteral("Graded with go1.19.8 in 12.3 s."),
                                    QStringLiteral("Address space randomisation was off"),
                                };
    QTest::newRow("compile error")
        << QStringLiteral("compile-error")
        << QStringList{QStringLiteral("0 / 100"),
                       QStringLiteral("Failed: the program did not build"),
                       QStringLiteral("The program was not run.")};
    QTest::newRow("passing") << QStringLiteral("passing")
                             << QStringList{QStringLiteral("100 / 100"), QStringLiteral("Passed"),
                                            QStringLiteral("0 racy, 0 timed out")};
}

void TestResultsView::header()
{
    QFETCH(QString, grade);
    QFETCH(QStringList, expected);

    ResultsView view;
    view.setGrade(gradeByName(grade));
    const QString text = view.headerText();
    for (const QString &part : std::as_const(expected)) {
        QVERIFY2(text.contains(part), qPrintable(text));
    }
    QVERIFY(view.messageText().isEmpty());

    Grade error;
    error.verdict = Verdict::Error;
    error.errorMessage = QStringLiteral("go was not found");
    view.setGrade(error);
    QVERIFY2(view.headerText().contains(QStringLiteral("Could not grade: go was not found")),
             qPrintable(view.headerText()));
    QCOMPARE(view.tree()->topLevelItemCount(), 0);
}

void TestResultsView::checkEntries()
{
    ResultsView view;
    view.setGrade(failingGrade());
    const QTreeWidgetItem *checks = view.sectionItem(QStringLiteral("checks"));
    QVERIFY(checks);
    QVERIFY(checks->text(0).contains(QStringLiteral("2 of 5 passed")));

    const QTreeWidgetItem *noRace = checks->child(2);
    QCOMPARE(noRace->text(0), QStringLiteral("No data race"));
    QCOMPARE(noRace->text(1), QStringLiteral("0 / 40"));
    QVERIFY(!noRace->icon(0).isNull());
    QVERIFY(noRace->isExpanded());
    QCOMPARE(childTexts(noRace),
             (QStringList{QStringLiteral("A data race was reported in 3 of 20 runs."),
                          QStringLiteral("Hint: Hold the lock while reading too.")}));
    QVERIFY(noRace->toolTip(0).contains(QStringLiteral("Hold the lock while reading too.")));

    QCOMPARE(checks->child(0)->text(1), QStringLiteral("10 / 10"));
    QVERIFY(!checks->child(0)->isExpanded());
    const QTreeWidgetItem *hidden = checks->child(4);
    QCOMPARE(hidden->text(0), QStringLiteral("Hidden tests pass (not run)"));
    QCOMPARE(hidden->data(0, Qt::AccessibleTextRole).toString(),
             QStringLiteral("Not run: Hidden tests pass"));
    QCOMPARE(childTexts(hidden), QStringList{QStringLiteral("Not run: the program deadlocked.")});
}

void TestResultsView::checkEntryGoesToFirstLineItNames_data()
{
    QTest::addColumn<QString>("detail");
    QTest::addColumn<int>("line");

    QTest::newRow("two races") << QStringLiteral("the race detector found 2 races: read at "
                                                 "counter.go:17 vs write at counter.go:22 (in 3 "
                                                 "of 20 runs)")
                               << 17;
    QTest::newRow("hidden test's file first")
        << QStringLiteral("a race while the hidden test ran (at racegrade_harness_test.go:40 "
                          "and counter.go:13)")
        << 13;
    QTest::newRow("a longer name and a path")
        << QStringLiteral("see mycounter.go:5, /tmp/x/counter.go:6 and counter.go:31") << 31;
    QTest::newRow("no place") << QStringLiteral("the race detector found a race in 3 runs") << 0;
}

void TestResultsView::checkEntryGoesToFirstLineItNames()
{
    QFETCH(QString, detail);
    QFETCH(int, line);

    Grade grade = passingGrade();
    grade.verdict = Verdict::Fail;
    grade.checks[1] = CheckResult{QStringLiteral("no-race"),
                                  QStringLiteral("No data race found"),
                                  CheckStatus::Failed,
                                  0,
                                  60,
                                  detail,
                                  QString()};
    ResultsView view;
    view.setGrade(grade);
    QTreeWidgetItem *check = findItem(view.tree(), QStringLiteral("No data race found"));
    QVERIFY(check);
    QTreeWidgetItem *reason = findItem(view.tree(), detail);
    QVERIFY(reason);
    QCOMPARE(reason->parent(), check);

    QSignalSpy spy(&view, &ResultsView::locationActivated);
    for (QTreeWidgetItem *item : {check, reason}) {
        view.tree()->setCurrentItem(item);
        Q_EMIT view.tree()->itemActivated(item, 0);
    }
    if (line == 0) {
        QCOMPARE(spy.count(), 0);
        return;
    }
    QCOMPARE(spy.count(), 4);
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        QCOMPARE(arguments.at(0).toInt(), line);
        QCOMPARE(arguments.at(1).toInt(), 0);
    }
    // F8 keeps to races, problems and compiler messages: this grade has none.
    view.tree()->setCurrentItem(nullptr);
    spy.clear();
    view.selectNextProblem();
    QCOMPARE(spy.count(), 0);
}

void TestResultsView::cancelledGradingShowsNoScore()
{
    // What the engine gives back for a grading cancelled after 6.6 s.
    Grade grade;
    grade.exercise = QStringLiteral("safe-counter");
    grade.sourceFile = studentFile;
    grade.verdict = Verdict::Error;
    grade.errorMessage = QStringLiteral("the grading was cancelled");
    grade.maxScore = 100;
    grade.toolchain = QStringLiteral("go1.19.8");
    grade.seconds = 6.6;

    ResultsView view;
    view.showCancelled(grade);
    QVERIFY(view.isCancelled());
    const QString text = view.headerText();
    QVERIFY2(text.startsWith(QStringLiteral("Cancelled\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("6.6 s")), qPrintable(text));
    for (const char *misleading : {"0 / 100", "Graded with", "Could not grade", "not run"}) {
        QVERIFY2(!text.contains(QLatin1String(misleading)), qPrintable(text));
    }

    // The next grade is shown as usual.
    view.setGrade(passingGrade());
    QVERIFY(!view.isCancelled());
    QVERIFY(view.headerText().startsWith(QStringLiteral("100 / 100\nPassed")));
}

void TestResultsView::raceEntry()
{
    ResultsView view;
    view.setGrade(failingGrade());
    const QTreeWidgetItem *races = view.sectionItem(QStringLiteral("races"));
    QVERIFY(races);
    const QTreeWidgetItem *race = races->child(0);
    QCOMPARE(race->text(0), QStringLiteral("Data race — seen in 3 of 20 runs"));
    QVERIFY(race->isExpanded());
    QCOMPARE(childTexts(race),
             (QStringList{
                 QStringLiteral("Inc writes c.count holding the lock; Value reads it without the "
                                "lock."),
                 QStringLiteral("write at counter.go:14 in main.(*SafeCounter).Inc (goroutine 8)"),
                 QStringLiteral("previous read at counter.go:20 in main.(*SafeCounter).Value "
                                "(main goroutine)"),
                 QStringLiteral("Memory: field count of a SafeCounter"),
                 QStringLiteral("goroutine started at counter.go:28 in main.main"),
                 QStringLiteral("Hint: Lock the mutex in Value as well."),
             }));

    // Each access lists its full stack, collapsed until asked for.
    const QTreeWidgetItem *write = race->child(1);
    QVERIFY(!write->isExpanded());
    QCOMPARE(childTexts(write),
             (QStringList{QStringLiteral("main.(*SafeCounter).Inc at counter.go:14:3"),
                          QStringLiteral("main.main.func1 at counter.go:30:4"),
                          QStringLiteral("runtime.goexit at asm_amd64.s:1598")}));
    QVERIFY(write->child(2)->toolTip(0).contains(goAsm));
}

void TestResultsView::problemAndCompilerEntries()
{
    ResultsView view;
    view.setGrade(failingGrade());
    const QTreeWidgetItem *problems = view.sectionItem(QStringLiteral("problems"));
    QVERIFY(problems);
    QCOMPARE(childTexts(problems),
             (QStringList{QStringLiteral("Deadlock: all goroutines are asleep - deadlock! "
                                         "(counter.go:22), in 2 runs"),
                          QStringLiteral("Timeout: stopped after 10 s without finishing, in 1 of "
                                         "5 runs without the race detector")}));
    const QTreeWidgetItem *compiler = view.sectionItem(QStringLiteral("compiler"));
    QVERIFY(compiler);
    QCOMPARE(compiler->child(0)->text(0),
             QStringLiteral("counter.go:8:2: the cancel function is not used"));
    QVERIFY(!compiler->child(0)->icon(0).isNull());
    QCOMPARE(compiler->child(0)->data(0, Qt::AccessibleTextRole).toString(),
             QStringLiteral("Warning: counter.go:8:2: the cancel function is not used"));
}

void TestResultsView::selectingRaceAccessEmitsItsLine_data()
{
    QTest::addColumn<QString>("grade");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("race access") << QStringLiteral("failing") << QStringLiteral("write at") << 14
                                 << 3;
    QTest::newRow("previous access")
        << QStringLiteral("failing") << QStringLiteral("previous read at") << 20 << 9;
    QTest::newRow("race itself") << QStringLiteral("failing") << QStringLiteral("Data race") << 14
                                 << 3;
    QTest::newRow("own stack frame")
        << QStringLiteral("failing") << QStringLiteral("main.main.func1 at") << 30 << 4;
    QTest::newRow("goroutine start")
        << QStringLiteral("failing") << QStringLiteral("goroutine started at") << 28 << 3;
    QTest::newRow("deadlock") << QStringLiteral("failing") << QStringLiteral("Deadlock") << 22 << 0;
    QTest::newRow("warning") << QStringLiteral("failing") << QStringLiteral("counter.go:8:2") << 8
                             << 2;
    QTest::newRow("compile error")
        << QStringLiteral("compile-error") << QStringLiteral("counter.go:20:9") << 20 << 9;
}

void TestResultsView::selectingRaceAccessEmitsItsLine()
{
    QFETCH(QString, grade);
    QFETCH(QString, entry);
    QFETCH(int, line);
    QFETCH(int, column);

    ResultsView view;
    view.setGrade(gradeByName(grade));
    QSignalSpy spy(&view, &ResultsView::locationActivated);
    QTreeWidgetItem *item = findItem(view.tree(), entry);
    QVERIFY(item);
    view.tree()->setCurrentItem(item);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), line);
    QCOMPARE(spy.at(0).at(1).toInt(), column);

    // Activating (Enter, double click) reports the place again.
    Q_EMIT view.tree()->itemActivated(item, 0);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), line);
}

void TestResultsView::selectingEntriesWithoutPlaceEmitsNothing_data()
{
    QTest::addColumn<QString>("entry");

    QTest::newRow("frame in another file") << QStringLiteral("runtime.goexit at");
    QTest::newRow("check") << QStringLiteral("No data race");
    QTest::newRow("section") << QStringLiteral("Races");
    QTest::newRow("hint") << QStringLiteral("Hint: Lock");
    QTest::newRow("problem without place") << QStringLiteral("Timeout");
}

void TestResultsView::selectingEntriesWithoutPlaceEmitsNothing()
{
    QFETCH(QString, entry);

    ResultsView view;
    view.setGrade(failingGrade());
    QSignalSpy spy(&view, &ResultsView::locationActivated);
    QTreeWidgetItem *item = findItem(view.tree(), entry);
    QVERIFY(item);
    view.tree()->setCurrentItem(item);
    QCOMPARE(view.tree()->currentItem(), item);
    QCOMPARE(spy.count(), 0);
}

void TestResultsView::clickingEntryEmitsItsLine()
{
    ResultsView view;
    view.resize(700, 600);
    view.setGrade(failingGrade());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &ResultsView::locationActivated);

    QTreeWidgetItem *item = findItem(view.tree(), QStringLiteral("previous read at"));
    QVERIFY(item);
    view.tree()->scrollToItem(item);
    const QPoint centre = view.tree()->visualItemRect(item).center();
    QTest::mouseClick(view.tree()->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 20);
    QCOMPARE(spy.last().at(1).toInt(), 9);
    QCOMPARE(view.tree()->currentItem(), item);

    // Clicking the selected entry again jumps there again.
    QTest::mouseClick(view.tree()->viewport(), Qt::LeftButton, Qt::NoModifier, centre);
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toInt(), 20);
}

void TestResultsView::nextAndPreviousProblemCycle()
{
    ResultsView view;
    view.setGrade(failingGrade());
    QSignalSpy spy(&view, &ResultsView::locationActivated);

    // In tree order: both race accesses, the deadlock, the warning; then around again.
    const QVector<int> forward{14, 20, 22, 8, 14};
    for (const int line : forward) {
        view.selectNextProblem();
        QCOMPARE(spy.last().at(0).toInt(), line);
        QCOMPARE(view.tree()->currentItem()->data(0, ResultsView::LineRole).toInt(), line);
    }
    QCOMPARE(spy.count(), forward.size());

    const QVector<int> backward{8, 22, 20, 14, 8};
    for (const int line : backward) {
        view.selectPreviousProblem();
        QCOMPARE(spy.last().at(0).toInt(), line);
    }
    QCOMPARE(spy.count(), forward.size() + backward.size());
    QCOMPARE(spy.last().at(1).toInt(), 2);
}

void TestResultsView::nextProblemContinuesFromCurrentEntry()
{
    ResultsView view;
    view.setGrade(failingGrade());
    QSignalSpy spy(&view, &ResultsView::locationActivated);

    // From the timeout, which has no place: forward is the warning, backward the deadlock.
    QTreeWidgetItem *timeout = findItem(view.tree(), QStringLiteral("Timeout"));
    QVERIFY(timeout);
    view.tree()->setCurrentItem(timeout);
    view.selectNextProblem();
    QCOMPARE(spy.last().at(0).toInt(), 8);
    view.tree()->setCurrentItem(timeout);
    view.selectPreviousProblem();
    QCOMPARE(spy.last().at(0).toInt(), 22);

    // From a collapsed stack frame the next entry is the other access, whose parent opens.
    QTreeWidgetItem *frame = findItem(view.tree(), QStringLiteral("runtime.goexit"));
    QVERIFY(frame);
    view.tree()->setCurrentItem(frame);
    view.selectNextProblem();
    QCOMPARE(spy.last().at(0).toInt(), 20);

    // A single compile error: next and previous stay on it and still report it.
    Grade single = compileErrorGrade();
    single.compile.diagnostics.removeLast();
    single.problems.removeLast();
    view.setGrade(single);
    spy.clear();
    view.selectNextProblem();
    view.selectNextProblem();
    view.selectPreviousProblem();
    QCOMPARE(spy.count(), 3);
    for (const QList<QVariant> &arguments : std::as_const(spy)) {
        QCOMPARE(arguments.at(0).toInt(), 14);
    }
}

void TestResultsView::nextProblemWithoutPlacesDoesNothing()
{
    ResultsView view;
    view.setGrade(passingGrade());
    QSignalSpy spy(&view, &ResultsView::locationActivated);
    view.selectNextProblem();
    view.selectPreviousProblem();
    QCOMPARE(spy.count(), 0);
    QVERIFY(!view.tree()->currentItem());
}

void TestResultsView::messageAndClear()
{
    ResultsView view;
    QVERIFY(!view.messageText().isEmpty());
    QCOMPARE(view.tree()->topLevelItemCount(), 0);

    view.setGrade(failingGrade());
    QVERIFY(view.grade().has_value());
    view.showMessage(str("Grading…"));
    QCOMPARE(view.messageText(), str("Grading…"));
    QVERIFY(view.tree()->isHidden());
    QCOMPARE(view.entryCount(QStringLiteral("checks")), 0);
    QVERIFY(!view.grade().has_value());

    view.setGrade(passingGrade());
    QVERIFY(!view.tree()->isHidden());
    QVERIFY(view.messageText().isEmpty());
    view.clear();
    QCOMPARE(view.tree()->topLevelItemCount(), 0);
    QVERIFY(view.headerText().isEmpty() || view.tree()->isHidden());
    QVERIFY(!view.accessibleName().isEmpty());
    QVERIFY(!view.tree()->accessibleName().isEmpty());
}

void TestResultsView::outputLinks_data()
{
    QTest::addColumn<QString>("sourceName");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QString>("shown");

    QTest::newRow("go race report")
        << QStringLiteral("main.go")
        << QStringLiteral("  main.(*SafeCounter).Inc()\n"
                          "      /tmp/racegrade-x/program/main.go:14 +0x4e\n"
                          "./main.go:20:5: declared and not used: x\n")
        << QStringList{QStringLiteral("14"), QStringLiteral("20:5")}
        << QStringLiteral("  main.(*SafeCounter).Inc()\n"
                          "      main.go:14 +0x4e\n"
                          "main.go:20:5: declared and not used: x\n");
    QTest::newRow("bare name with column")
        << QStringLiteral("main.go") << QStringLiteral("main.go:20:5")
        << QStringList{QStringLiteral("20:5")} << QStringLiteral("main.go:20:5");
    const QString others = QStringLiteral("xmain.go:3 my-main.go:4 main.golang:5 main.go.bak:6\n"
                                          "/usr/lib/go-1.19/src/sync/mutex.go:81 +0x8c\n"
                                          "/home/ada/old/main.go:7\n"
                                          "main.go without a line\n");
    QTest::newRow("longer names and other files")
        << QStringLiteral("main.go") << others << QStringList{} << others;
    QTest::newRow("student's name and the grader's copy")
        << QStringLiteral("/home/ada/exercises/counter.go")
        << QStringLiteral("counter.go:12 (main.go:13:2) /home/ada/exercises/counter.go:14")
        << QStringList{QStringLiteral("12"), QStringLiteral("13:2"), QStringLiteral("14")}
        << QStringLiteral("counter.go:12 (counter.go:13:2) counter.go:14");
    QTest::newRow("tsan") << QStringLiteral("counter.cpp")
                          << QStringLiteral(
                                 "    #0 SafeCounter::inc() /tmp/racegrade-y/program/main.cpp:7:3 "
                                 "(prog+0x1234)\n"
                                 "/tmp/racegrade-y/program/main.cpp:9:1: error: expected ';'\n")
                          << QStringList{QStringLiteral("7:3"), QStringLiteral("9:1")}
                          << QStringLiteral("    #0 SafeCounter::inc() counter.cpp:7:3 "
                                            "(prog+0x1234)\n"
                                            "counter.cpp:9:1: error: expected ';'\n");
    QTest::newRow("hidden test's copy of the student's file")
        << QStringLiteral("counter.go")
        << QStringLiteral(
               "      /tmp/racegrade-Ab12Cd/harness/main.go:17 +0x4e\n"
               "      /tmp/racegrade-Ab12Cd/harness/racegrade_harness_test.go:40 +0x2f\n")
        << QStringList{QStringLiteral("17")}
        << QStringLiteral("      counter.go:17 +0x4e\n"
                          "      racegrade_harness_test.go:40 +0x2f\n");
    QTest::newRow("no file name set")
        << QString() << QStringLiteral("main.go:3 /tmp/racegrade-x/bin/program") << QStringList{}
        << QStringLiteral("main.go:3 program");
}

void TestResultsView::outputLinks()
{
    QFETCH(QString, sourceName);
    QFETCH(QString, text);
    QFETCH(QStringList, targets);
    QFETCH(QString, shown);

    OutputView view;
    view.setSourceFileName(sourceName);
    QCOMPARE(view.sourceFileName(), sourceName);
    view.appendOutput(text, true);
    QCOMPARE(view.linkTargets(), targets);
    // The scratch folder goes; a place in the student's file shows the file's own name.
    QCOMPARE(view.plainText(), shown);
    QVERIFY(!view.plainText().contains(QStringLiteral("/tmp/")));
}

void TestResultsView::activatingLinksEmitsPlaces()
{
    OutputView view;
    view.setSourceFileName(QStringLiteral("main.go"));
    view.appendOutput(QStringLiteral("      /tmp/racegrade-x/program/main.go:14 +0x4e\n"
                                     "main.go:20:5: undefined: x\n"),
                      false);
    const QStringList targets = view.linkTargets();
    QCOMPARE(targets, (QStringList{QStringLiteral("14"), QStringLiteral("20:5")}));

    QSignalSpy spy(&view, &OutputView::locationActivated);
    for (const QString &target : targets) {
        view.activateLink(target);
    }
    view.activateLink(QStringLiteral("not a place"));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toInt(), 14);
    QCOMPARE(spy.at(0).at(1).toInt(), 0);
    QCOMPARE(spy.at(1).at(0).toInt(), 20);
    QCOMPARE(spy.at(1).at(1).toInt(), 5);
}

void TestResultsView::clickingLinkEmitsPlace()
{
    OutputView view;
    view.resize(600, 300);
    view.setSourceFileName(QStringLiteral("main.go"));
    view.appendOutput(QStringLiteral("panic: boom\n\nmain.main()\n\t./main.go:31:7 +0x1d\n"), true);
    view.flush();
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QTextBrowser *browser = view.browser();
    const QTextCursor found = browser->document()->find(QStringLiteral("main.go:31"));
    QVERIFY(!found.isNull());
    QTextCursor inside(browser->document());
    inside.setPosition(found.selectionStart() + 2);
    const QPoint point = browser->cursorRect(inside).center();
    QCOMPARE(browser->anchorAt(point), QStringLiteral("line:31:7"));

    QSignalSpy spy(&view, &OutputView::locationActivated);
    QTest::mouseClick(browser->viewport(), Qt::LeftButton, Qt::NoModifier, point);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 31);
    QCOMPARE(spy.at(0).at(1).toInt(), 7);
}

void TestResultsView::liveOutputShowsStderrInOtherColour()
{
    OutputView view;
    view.setSourceFileName(QStringLiteral("main.go"));
    view.appendOutput(QStringLiteral("total: 1987\n"), false);
    // Live output is gathered for a moment, then shown without being asked.
    QTRY_COMPARE(view.browser()->toPlainText(), QStringLiteral("total: 1987\n"));
    view.appendOutput(QStringLiteral("fatal error: all goroutines are asleep - deadlock!\n"), true);
    view.appendOutput(QStringLiteral("no newline at the end"), false);
    view.appendStatus(QStringLiteral("exit status 2 after 0.4 s"));

    QCOMPARE(view.plainText(),
             QStringLiteral("total: 1987\nfatal error: all goroutines are asleep - deadlock!\n"
                            "no newline at the end\nexit status 2 after 0.4 s\n"));
    const QTextDocument *document = view.browser()->document();
    const QColor stdoutColour = colourOf(document, QStringLiteral("total"));
    const QColor stderrColour = colourOf(document, QStringLiteral("fatal error"));
    const QColor statusColour = colourOf(document, QStringLiteral("exit status"));
    QVERIFY(stderrColour.isValid());
    QVERIFY(stderrColour != stdoutColour);
    QVERIFY(statusColour != stderrColour);

    view.clear();
    QVERIFY(view.plainText().isEmpty());
    QVERIFY(view.linkTargets().isEmpty());
}

void TestResultsView::placeSplitBetweenPiecesBecomesLink()
{
    OutputView view;
    view.setSourceFileName(QStringLiteral("main.go"));
    view.appendOutput(QStringLiteral("goroutine 1 [running]:\n\t/tmp/racegrade-x/program/ma"),
                      true);
    view.appendOutput(QStringLiteral("in.go:1"), true);
    view.appendOutput(QStringLiteral("4 +0x4e\r\n"), true);
    QCOMPARE(view.plainText(), QStringLiteral("goroutine 1 [running]:\n"
                                              "\tmain.go:14 +0x4e\n"));
    QCOMPARE(view.linkTargets(), QStringList{QStringLiteral("14")});
}

void TestResultsView::verdictLinesOfHiddenTestsAreHidden_data()
{
    QTest::addColumn<QStringList>("pieces");
    QTest::addColumn<QString>("shown");

    QTest::newRow("whole lines") << QStringList{QStringLiteral(
                                        "ok\n@@racegrade concurrent-use pass 10000 in the end\n"
                                        "bye\n")}
                                 << QStringLiteral("ok\nbye\n");
    QTest::newRow("split inside the marker")
        << QStringList{QStringLiteral("start\n@@race"),
                       QStringLiteral("grade concurrent-use fail lost 3 updates\nend\n")}
        << QStringLiteral("start\nend\n");
    QTest::newRow("split after the marker")
        << QStringList{QStringLiteral("@@racegrade concurrent-use "), QStringLiteral("pass ok\n"),
                       QStringLiteral("done\n")}
        << QStringLiteral("done\n");
    QTest::newRow("indented") << QStringList{QStringLiteral("  @@racegrade x pass y\nz\n")}
                              << QStringLiteral("z\n");
    QTest::newRow("a line that only starts alike")
        << QStringList{QStringLiteral("@@rac"), QStringLiteral("e condition\n")}
        << QStringLiteral("@@race condition\n");
    QTest::newRow("inside a line")
        << QStringList{QStringLiteral("value: "), QStringLiteral("@@racegrade x pass\n")}
        << QStringLiteral("value: @@racegrade x pass\n");
    QTest::newRow("unfinished verdict line at the end")
        << QStringList{QStringLiteral("a\n@@racegrade x pass")} << QStringLiteral("a\n");
}

void TestResultsView::verdictLinesOfHiddenTestsAreHidden()
{
    QFETCH(QStringList, pieces);
    QFETCH(QString, shown);

    OutputView view;
    view.setSourceFileName(QStringLiteral("counter.go"));
    for (const QString &piece : std::as_const(pieces)) {
        view.appendOutput(piece, false);
        // Each piece is shown on its own, as pieces that arrive apart are.
        view.flush();
        QVERIFY2(!view.browser()->toPlainText().contains(QStringLiteral("@@racegrade ")) ||
                     shown.contains(QStringLiteral("@@racegrade ")),
                 qPrintable(view.browser()->toPlainText()));
    }
    QCOMPARE(view.plainText(), shown);
}

void TestResultsView::gradeHidesVerdictLinesAndScratchFolders()
{
    Grade grade = passingGrade();
    grade.logs = {
        RunLog{QStringLiteral("hidden test run 1: exit status 0, 90 ms"),
               QStringLiteral("@@racegrade concurrent-use pass Value() ended at 10,000\n"
                              "@@racegrade copied-lock pass no copy\n"),
               QString()},
        RunLog{
            QStringLiteral("hidden test run 2: exit status 66, 95 ms"),
            QStringLiteral("@@racegrade concurrent-use fail lost updates\nPASS\n"),
            QStringLiteral("WARNING: DATA RACE\n"
                           "      /tmp/racegrade-Qx81zT/harness/main.go:17 +0x4e\n"
                           "      /tmp/racegrade-Qx81zT/harness/racegrade_harness_test.go:40\n")},
    };
    OutputView view;
    view.setSourceFileName(studentFile);
    view.setGrade(grade);
    const QString text = view.plainText();
    QVERIFY2(!text.contains(QStringLiteral("@@racegrade")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("/tmp/")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("hidden test run 1: exit status 0, 90 ms\n(no output)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nPASS\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("      counter.go:17 +0x4e\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("      racegrade_harness_test.go:40\n")),
             qPrintable(text));
    QCOMPARE(view.linkTargets(), QStringList{QStringLiteral("17")});
}

void TestResultsView::gradeShowsCompilerOutputOnBuildFailure()
{
    OutputView view;
    view.setSourceFileName(QStringLiteral("main.go"));
    view.setGrade(compileErrorGrade());
    const QString text = view.plainText();
    QVERIFY2(text.contains(QStringLiteral("Compiler output")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\nmain.go:14:2: undefined: mu")));
    QCOMPARE(view.linkTargets(), (QStringList{QStringLiteral("14:2"), QStringLiteral("20:9")}));

    // A build that worked without warnings says nothing about the compiler.
    view.setGrade(passingGrade());
    QVERIFY(!view.plainText().contains(QStringLiteral("Compiler output")));
    QVERIFY(!view.plainText().contains(QStringLiteral("undefined: mu")));
}

void TestResultsView::gradeShowsRunLogsAndRaceReports()
{
    OutputView view;
    // Without a file name the grade's source file is used.
    view.setGrade(failingGrade());
    QCOMPARE(view.sourceFileName(), studentFile);
    const QString text = view.plainText();
    const int label = int(text.indexOf(QStringLiteral("run 1 with the race detector")));
    const int output = int(text.indexOf(QStringLiteral("total: 1987")));
    const int error = int(text.indexOf(QStringLiteral("WARNING: DATA RACE")));
    const int reports = int(text.indexOf(QStringLiteral("Race reports")));
    QVERIFY2(label >= 0 && output > label && error > output && reports > error, qPrintable(text));
    QCOMPARE(text.count(QStringLiteral("WARNING: DATA RACE")), 2);
    // Three places in the log's stderr and three in the report.
    QCOMPARE(view.linkTargets(),
             (QStringList{QStringLiteral("8:2"), QStringLiteral("14"), QStringLiteral("30"),
                          QStringLiteral("20"), QStringLiteral("14"), QStringLiteral("30"),
                          QStringLiteral("20")}));

    Grade quiet = passingGrade();
    quiet.logs.clear();
    view.setGrade(quiet);
    QVERIFY(!view.plainText().trimmed().isEmpty());
    QVERIFY(view.linkTargets().isEmpty());
}

void TestResultsView::outputIsCapped()
{
    OutputView view;
    view.setSourceFileName(QStringLiteral("main.go"));
    QString line = QStringLiteral("tick main.go:7 ") + QString(48, u'x') + u'\n';
    QString piece;
    for (int i = 0; i < 1024; ++i) {
        piece += line;
    }
    QElapsedTimer timer;
    timer.start();
    const int pieces = 3 * OutputView::MaxCharacters / int(piece.size());
    for (int i = 0; i < pieces; ++i) {
        view.appendOutput(piece, false);
    }
    view.appendOutput(QStringLiteral("the end main.go:99\n"), false);
    const QString text = view.plainText();
    QVERIFY2(text.size() <= OutputView::MaxCharacters + 300 * 1024,
             qPrintable(QString::number(text.size())));
    QVERIFY(text.size() >= OutputView::MaxCharacters);
    QVERIFY(text.startsWith(QStringLiteral("[Earlier output was dropped")));
    QVERIFY(text.endsWith(QStringLiteral("the end main.go:99\n")));
    QCOMPARE(view.linkTargets().constLast(), QStringLiteral("99"));
    // The cut falls between lines.
    const QString second = view.browser()->document()->findBlockByNumber(1).text();
    QCOMPARE(second, line.chopped(1));
    QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed())));
}

void TestResultsView::coloursFollowPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);

    OutputView output;
    output.setPalette(light);
    output.setSourceFileName(QStringLiteral("main.go"));
    output.appendOutput(QStringLiteral("panic: boom at main.go:3\n"), true);
    output.appendStatus(QStringLiteral("exit status 2"));
    const QTextDocument *document = output.browser()->document();
    QVERIFY(colourOf(document, QStringLiteral("panic")).lightness() < 128);
    QVERIFY(colourOf(document, QStringLiteral("main.go:3")).lightness() < 160);
    output.setPalette(dark);
    QVERIFY(colourOf(document, QStringLiteral("panic")).lightness() >= 128);
    QVERIFY(colourOf(document, QStringLiteral("main.go:3")).lightness() >= 128);
    QVERIFY(colourOf(document, QStringLiteral("exit status")).lightness() >= 100);

    ResultsView results;
    results.setPalette(light);
    results.setGrade(failingGrade());
    const QTreeWidgetItem *frame = findItem(results.tree(), QStringLiteral("runtime.goexit"));
    QVERIFY(frame);
    const QColor mutedOnLight = frame->foreground(0).color();
    results.setPalette(dark);
    const QColor mutedOnDark = frame->foreground(0).color();
    QVERIFY(mutedOnLight.lightness() > 0x60 && mutedOnLight.lightness() < 0xef);
    QVERIFY(mutedOnDark.lightness() > 0x1e && mutedOnDark.lightness() < 0xe6);
    QVERIFY(mutedOnDark != mutedOnLight);
}

QTEST_MAIN(TestResultsView)
#include "tst_resultsview.moc"
