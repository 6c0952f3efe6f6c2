// Drives the class window as a teaching assistant would: open a class folder, read and correct
// the plan, grade the class with the real toolchains, review the table, its filters and one
// submission, override a score and regrade, pause and cancel a batch and continue it. Measures
// how late the event loop gets while the class is graded. Needs Go.

#include "classchartsview.h"
#include "classfilterproxy.h"
#include "classfolder.h"
#include "classgenerator.h"
#include "classplanmodel.h"
#include "classplanview.h"
#include "classtablemodel.h"
#include "classwindow.h"
#include "codeeditor.h"
#include "eventlooplatency.h"
#include "gradingpanel.h"
#include "gradingsession.h"
#include "overridedialog.h"
#include "resultsview.h"
#include "submissionview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtCharts/QChartView>
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
using QtCharts::QChart;
using QtCharts::QChartView;
#endif

using namespace RaceGrade;

namespace {

constexpr int batchTimeoutMs = 600000;
const QString counter = QStringLiteral("safe-counter");
const QString once = QStringLiteral("config-once");

QByteArray corpusFile(const QString &relativePath)
{
    QFile file(QStringLiteral(RACEGRADE_SOURCE_DIR "/tests/grading/data/") + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read the corpus file %s", qPrintable(file.fileName()));
    }
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString key(const char *name)
{
    return ClassFolder::nameKey(QString::fromUtf8(name));
}

/// The names of the rows the table shows, in order.
QStringList shownNames(const ClassWindow &window)
{
    QStringList names;
    const QAbstractItemModel *proxy = window.filterProxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        names.append(proxy->index(row, ClassTableModel::NameColumn).data().toString());
    }
    return names;
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

class TestClassWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void planShowsTheMapping();
    void correctionSticks();
    void gradingKeepsTheWindowResponsive();
    void tableMatchesTheSession();
    void chartsShowTheClass();
    void filtersShowTheirStudents_data();
    void filtersShowTheirStudents();
    void cellShowsTheSubmissionWithRaceMarks();
    void overrideSurvivesRegrade();
    void pauseHoldsAndCancelStops();
    void exportsWriteEveryFormat();
    void generatedClassGradesAsPlanned();
    void cleanupTestCase();

private:
    std::unique_ptr<ClassWindow> makeWindow();
    bool waitForPlan(ClassWindow &window);
    bool waitForBatch(ClassWindow &window, const std::function<void()> &start);
    QModelIndex cell(const QString &studentKey, const QString &exercise) const;

    std::unique_ptr<QTemporaryDir> m_root;
    QString m_classDir;
    QString m_settingsFile;
    std::unique_ptr<ClassWindow> m_window;
};

void TestClassWindow::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("go")).isEmpty(),
             "go is not installed; run packaging/setup.sh first");
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    m_settingsFile = m_root->filePath(QStringLiteral("settings.ini"));
    QVERIFY(writeFile(m_settingsFile, "[grading]\nruns=2\n"));

    // A class in the folder-per-student layout: a correct and a racy counter, a copy of the
    // correct one, a build failure, a racy once-initialisation, a config solution saved under the
    // counter's name (the TA corrects it), and a student with no source at all.
    m_classDir = m_root->filePath(QStringLiteral("Concurrency 101"));
    const QList<QPair<const char *, const char *>> files = {
        {"Ana Lee/safe_counter.go", "go/safe-counter/correct.go"},
        {"Ana Lee/config_once.go", "go/config-once/correct.go"},
        {"Ben Okafor/safe_counter.go", "go/safe-counter/missing-lock.go"},
        {"Cleo Park/safe_counter.go", "go/safe-counter/correct.go"},
        {"Dev Shah/safe_counter.go", "go/safe-counter/compile-error.go"},
        {"Eve Stone/config_once.go", "go/config-once/initialized-flag.go"},
        {"Finn Wu/safe_counter.go", "go/config-once/correct.go"},
    };
    for (const auto &[path, corpus] : files) {
        QVERIFY(writeFile(m_classDir + u'/' + QString::fromUtf8(path),
                          corpusFile(QString::fromUtf8(corpus))));
    }
    QVERIFY(writeFile(m_classDir + QStringLiteral("/Gus Hale/readme.txt"), "see you next week\n"));
    QVERIFY(writeFile(m_root->filePath(QStringLiteral("roster.csv")),
                      "id,name,email\n"
                      "s1,Ana Lee,ana@uni.example\ns2,Ben Okafor,ben@uni.example\n"
                      "s3,Cleo Park,cleo@uni.example\ns4,Dev Shah,dev@uni.example\n"
                      "s5,Eve Stone,eve@uni.example\ns6,Finn Wu,finn@uni.example\n"
                      "s7,Gus Hale,gus@uni.example\ns8,Hana Ito,hana@uni.example\n"));
}

void TestClassWindow::cleanupTestCase()
{
    m_window.reset();
    m_root.reset();
}

std::unique_ptr<ClassWindow> TestClassWindow::makeWindow()
{
    AppContext context;
    context.settingsFile = m_settingsFile;
    context.dataDirectory = m_root->filePath(QStringLiteral("work"));
    context.exerciseRoots = QStringList{QStringLiteral(RACEGRADE_SOURCE_DIR "/exercises")};
    auto window = std::make_unique<ClassWindow>(context);
    window->resize(1400, 900);
    window->show();
    return window;
}

bool TestClassWindow::waitForPlan(ClassWindow &window)
{
    if (!window.isPlanning()) {
        return true;
    }
    QSignalSpy ready(&window, &ClassWindow::planReady);
    return ready.wait(60000);
}

bool TestClassWindow::waitForBatch(ClassWindow &window, const std::function<void()> &start)
{
    QSignalSpy finished(&window, &ClassWindow::gradingFinished);
    QSignalSpy reloaded(&window, &ClassWindow::tableReloaded);
    start();
    if (!window.isGrading() || !finished.wait(batchTimeoutMs)) {
        return false;
    }
    // The table is read again from the whole session once the batch has ended.
    return reloaded.wait(30000);
}

QModelIndex TestClassWindow::cell(const QString &studentKey, const QString &exercise) const
{
    const ClassTableModel *model = m_window->tableModel();
    return model->index(model->rowOf(studentKey), model->columnOf(exercise));
}

void TestClassWindow::planShowsTheMapping()
{
    m_window = makeWindow();
    QVERIFY(m_window->openClass(m_classDir));
    QCOMPARE(m_window->sessionPath(), m_classDir + QStringLiteral(".racegrade"));
    QVERIFY(waitForPlan(*m_window));
    QVERIFY(m_window->loadRoster(m_root->filePath(QStringLiteral("roster.csv"))));

    const ClassPlan &plan = m_window->plan();
    QCOMPARE(plan.layout, ClassLayout::Folders);
    const QString layoutText = m_window->planView()->layoutLabel()->text();
    QVERIFY2(layoutText.contains(ClassPlanView::layoutName(ClassLayout::Folders)) &&
                 layoutText.contains(plan.layoutReason),
             qPrintable(layoutText));

    // Every file is a row with its student, language and exercise; the exercise column says
    // which exercise and the reason column why.
    const ClassPlanModel *model = m_window->planModel();
    for (const char *path :
         {"Ana Lee/safe_counter.go", "Ana Lee/config_once.go", "Ben Okafor/safe_counter.go",
          "Cleo Park/safe_counter.go", "Dev Shah/safe_counter.go", "Eve Stone/config_once.go",
          "Finn Wu/safe_counter.go"}) {
        QVERIFY2(model->rowOfFile(QString::fromUtf8(path)) >= 0, path);
    }
    const auto rowText = [&](const QString &path, int column) {
        return model->index(model->rowOfFile(path), column).data().toString();
    };
    const QString anaCounter = QStringLiteral("Ana Lee/safe_counter.go");
    QVERIFY(model->rowOfFile(anaCounter) >= 0);
    QCOMPARE(rowText(anaCounter, ClassPlanModel::StudentColumn), QStringLiteral("Ana Lee"));
    QCOMPARE(rowText(anaCounter, ClassPlanModel::LanguageColumn),
             languageDisplayName(Language::Go));
    QCOMPARE(model->index(model->rowOfFile(anaCounter), ClassPlanModel::ExerciseColumn)
                 .data(Qt::EditRole)
                 .toString(),
             counter);
    QVERIFY(rowText(anaCounter, ClassPlanModel::ExerciseColumn).contains(counter));
    QVERIFY(!rowText(anaCounter, ClassPlanModel::ReasonColumn).isEmpty());
    QCOMPARE(rowText(QStringLiteral("Ana Lee/config_once.go"), ClassPlanModel::ExerciseColumn),
             model->exerciseLabel(once));
    // The misnamed file goes by its name until the TA says otherwise.
    QCOMPARE(model
                 ->index(model->rowOfFile(QStringLiteral("Finn Wu/safe_counter.go")),
                         ClassPlanModel::ExerciseColumn)
                 .data(Qt::EditRole)
                 .toString(),
             counter);
    QCOMPARE(model->rowCount(), 8); // 7 source files, and a row for Gus, who has none
    bool gusListed = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        gusListed |= model->index(row, ClassPlanModel::StudentColumn).data().toString() ==
                     QStringLiteral("Gus Hale");
    }
    QVERIFY(gusListed);
    // His note is listed as set aside, naming the file.
    QStringList listed;
    for (int row = 0; row < m_window->planView()->problems()->count(); ++row) {
        listed.append(m_window->planView()->problems()->item(row)->text());
    }
    QVERIFY2(listed.join(u'\n').contains(QStringLiteral("readme.txt")),
             qPrintable(listed.join(u'\n')));
    QVERIFY(m_window->planView()->problems()->count() > 0);
}

void TestClassWindow::correctionSticks()
{
    QVERIFY(m_window);
    const QString finn = QStringLiteral("Finn Wu/safe_counter.go");
    ClassPlanModel *model = m_window->planModel();
    QTableView *table = m_window->planView()->table();
    const QModelIndex index = model->index(model->rowOfFile(finn), ClassPlanModel::ExerciseColumn);
    QVERIFY(index.flags() & Qt::ItemIsEditable);

    // The TA picks the exercise in the table's combo box.
    table->setCurrentIndex(index);
    table->edit(index);
    auto *combo = table->viewport()->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), counter);
    const int choice = combo->findData(once);
    QVERIFY(choice > 0);
    combo->setCurrentIndex(choice);
    Q_EMIT combo->activated(choice);
    QTRY_COMPARE(index.data(Qt::EditRole).toString(), once);
    QVERIFY(index.siblingAtColumn(ClassPlanModel::StateColumn)
                .data(ClassPlanModel::ChosenRole)
                .toBool());

    // It is kept in the session the way racegrade-cli batch --assign keeps it...
    const QJsonObject stored =
        QJsonDocument::fromJson(
            m_window->session()->setting(QStringLiteral("assignments")).toUtf8())
            .object();
    QCOMPARE(stored.value(finn).toString(), once);
    // ...so a window opened on the same class later maps the file the same way.
    auto again = makeWindow();
    QVERIFY(again->openClass(m_classDir));
    QVERIFY(waitForPlan(*again));
    const ClassPlanModel *reopened = again->planModel();
    QCOMPARE(reopened->index(reopened->rowOfFile(finn), ClassPlanModel::ExerciseColumn)
                 .data(Qt::EditRole)
                 .toString(),
             once);
}

void TestClassWindow::gradingKeepsTheWindowResponsive()
{
    QVERIFY(m_window);
    EventLoopLatency probe;
    int progressValues = 0;
    connect(m_window->gradingPanel()->classBar(), &QProgressBar::valueChanged, this,
            [&] { ++progressValues; });

    QVERIFY(waitForBatch(*m_window, [&] {
        probe.start();
        m_window->gradeClass();
    }));
    probe.stop();
    qInfo("graded the class in %.1f s; worst event-loop lateness %lld ms over %d ticks",
          probe.seconds(), probe.worstMs(), probe.ticks());
    QVERIFY2(probe.worstMs() < 100,
             qPrintable(QStringLiteral("the window froze for %1 ms").arg(probe.worstMs())));
    QVERIFY(probe.ticks() > 100);
    QVERIFY(progressValues > 0);
    QVERIFY(!m_window->gradingPanel()->isVisible());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("graded")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestClassWindow::tableMatchesTheSession()
{
    QVERIFY(m_window);
    const Expected<std::shared_ptr<GradingSession>> session =
        GradingSession::open(m_window->sessionPath());
    QVERIFY(session);
    const QVector<SubmissionRecord> records = session.value()->records();
    QCOMPARE(records.size(), 7); // every chosen file: 8 files, Finn's one moved to config-once
    const ClassTableModel *model = m_window->tableModel();
    for (const SubmissionRecord &record : records) {
        QVERIFY2(record.graded, qPrintable(record.studentKey + u'/' + record.exercise + u' ' +
                                           record.grade.errorMessage));
        const QModelIndex index = cell(record.studentKey, record.exercise);
        QVERIFY(index.isValid());
        QCOMPARE(index.data(ClassTableModel::StatusRole).toInt(),
                 int(ClassTableModel::statusOf(&record)));
        QVERIFY2(index.data().toString().startsWith(
                     QStringLiteral("%1/%2").arg(record.effectiveScore()).arg(record.maxScore())),
                 qPrintable(index.data().toString()));
        QCOMPARE(index.data(ClassTableModel::IdenticalRole).toBool(),
                 !record.identicalTo.isEmpty());
    }
    // What the files are known to be.
    const auto status = [&](const char *student, const QString &exercise) {
        return SubmissionStatus(
            cell(key(student), exercise).data(ClassTableModel::StatusRole).toInt());
    };
    QCOMPARE(status("Ana Lee", counter), SubmissionStatus::Pass);
    QCOMPARE(status("Ana Lee", once), SubmissionStatus::Pass);
    QCOMPARE(status("Ben Okafor", counter), SubmissionStatus::Racy);
    QCOMPARE(status("Dev Shah", counter), SubmissionStatus::Fail);
    QCOMPARE(status("Finn Wu", once), SubmissionStatus::Pass);
    QCOMPARE(status("Finn Wu", counter), SubmissionStatus::NotSubmitted);
    QCOMPARE(status("Gus Hale", counter), SubmissionStatus::NotSubmitted);
    QVERIFY(cell(key("Cleo Park"), counter).data(ClassTableModel::IdenticalRole).toBool());
    // Hana is only on the roster: a row with nothing handed in.
    QVERIFY(shownNames(*m_window).contains(QStringLiteral("Hana Ito")));
    QCOMPARE(model->rowCount(), 8);
    // The total adds the exercises up.
    const SubmissionRecord *anaCounter = model->recordAt(cell(key("Ana Lee"), counter));
    const SubmissionRecord *anaOnce = model->recordAt(cell(key("Ana Lee"), once));
    QVERIFY(anaCounter && anaOnce);
    QVERIFY(
        model->index(model->rowOf(key("Ana Lee")), model->totalColumn())
            .data()
            .toString()
            .startsWith(QString::number(anaCounter->effectiveScore() + anaOnce->effectiveScore()) +
                        u'/'));
}

void TestClassWindow::chartsShowTheClass()
{
    QVERIFY(m_window);
    ClassChartsView *charts = m_window->chartsView();
    m_window->tabs()->setCurrentWidget(charts);
    QCOMPARE(charts->chartViews().size(), 3);
    for (QWidget *widget : charts->chartViews()) {
        const QChart *chart = static_cast<QChartView *>(widget)->chart();
        QVERIFY(chart);
        QVERIFY2(!chart->series().isEmpty(), qPrintable(chart->title()));
    }
    const QStringList titles = charts->chartTitles();
    QCOMPARE(titles.size(), 3);
    QVERIFY(!titles.contains(QString()));
    m_window->tabs()->setCurrentIndex(1);
}

void TestClassWindow::filtersShowTheirStudents_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");

    const auto names = [](const char *joined) { return QString::fromUtf8(joined).split(u'|'); };
    QTest::newRow("failing") << int(ClassFilterProxy::Filter::Failing) << QString()
                             << names("Ben Okafor|Dev Shah")
                             << names("Ana Lee|Cleo Park|Finn Wu|Hana Ito");
    QTest::newRow("racy") << int(ClassFilterProxy::Filter::Racy) << QString() << names("Ben Okafor")
                          << names("Ana Lee|Cleo Park|Dev Shah|Finn Wu");
    QTest::newRow("not submitted")
        << int(ClassFilterProxy::Filter::NotSubmitted) << QString()
        << names("Ben Okafor|Cleo Park|Dev Shah|Finn Wu|Gus Hale|Hana Ito") << names("Ana Lee");
    QTest::newRow("identical") << int(ClassFilterProxy::Filter::Identical) << QString()
                               << names("Ana Lee|Cleo Park|Finn Wu")
                               << names("Ben Okafor|Dev Shah|Eve Stone");
    QTest::newRow("text") << int(ClassFilterProxy::Filter::All) << QStringLiteral("okaf")
                          << names("Ben Okafor") << names("Ana Lee|Dev Shah");
    QTest::newRow("text in the roster's e-mail")
        << int(ClassFilterProxy::Filter::All) << QStringLiteral("hana@") << names("Hana Ito")
        << names("Ana Lee");
}

void TestClassWindow::filtersShowTheirStudents()
{
    QFETCH(int, filter);
    QFETCH(QString, search);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    QVERIFY(m_window);

    QComboBox *box = m_window->filterBox();
    box->setCurrentIndex(box->findData(filter));
    QTest::keyClicks(m_window->searchEdit(), search);
    const QStringList shown = shownNames(*m_window);
    for (const QString &name : present) {
        QVERIFY2(shown.contains(name), qPrintable(name + QStringLiteral(" missing from ") +
                                                  shown.join(QStringLiteral(", "))));
    }
    for (const QString &name : absent) {
        QVERIFY2(!shown.contains(name), qPrintable(name + QStringLiteral(" shown in ") +
                                                   shown.join(QStringLiteral(", "))));
    }
    m_window->searchEdit()->clear();
    box->setCurrentIndex(0);
    QCOMPARE(m_window->filterProxy()->rowCount(), m_window->tableModel()->rowCount());
}

void TestClassWindow::cellShowsTheSubmissionWithRaceMarks()
{
    QVERIFY(m_window);
    QVERIFY(m_window->selectSubmission(key("Ben Okafor"), counter));
    SubmissionView *view = m_window->submissionView();
    QCOMPARE(view->studentKey(), key("Ben Okafor"));
    CodeEditor *editor = view->editor();
    QVERIFY(editor->isReadOnly());
    QCOMPARE(editor->text(),
             QString::fromUtf8(corpusFile(QStringLiteral("go/safe-counter/missing-lock.go"))));
    // count++ without the lock races with itself on line 13 (and at times with the read on line
    // 17): the lines of every race of the stored grade are marked, in both colours.
    const std::optional<SubmissionRecord> record =
        m_window->session()->record(key("Ben Okafor"), counter);
    QVERIFY(record);
    QSet<int> raceLines;
    for (const RaceFinding &race : record->grade.races) {
        for (const RaceAccessSite &access : race.accesses) {
            if (access.inSubmission) {
                raceLines.insert(access.line);
            }
        }
    }
    QVERIFY(raceLines.contains(13));
    QCOMPARE(markedLines(editor, LineMarkKind::RaceThisAccess) +
                 markedLines(editor, LineMarkKind::RaceOtherAccess),
             raceLines);
    QVERIFY(markedLines(editor, LineMarkKind::RaceThisAccess).contains(13));
    QVERIFY(!markedLines(editor, LineMarkKind::RaceOtherAccess).isEmpty());
    QVERIFY2(editor->toolTipForLine(13).contains(QStringLiteral("Data race")),
             qPrintable(editor->toolTipForLine(13)));
    QVERIFY(view->results()->entryCount(QStringLiteral("races")) >= 1);
    QVERIFY(view->header()->text().contains(QStringLiteral("Ben Okafor")));
    // Typing does nothing to a submission.
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("xyz"));
    QVERIFY(!editor->text().contains(QStringLiteral("xyz")));

    // Selecting a result entry moves the editor to its line.
    editor->goToLine(1);
    view->results()->selectNextProblem();
    QVERIFY(raceLines.contains(editor->currentLine()));

    // A student who handed in nothing: the view says so.
    QVERIFY(m_window->selectSubmission(key("Gus Hale"), counter));
    QVERIFY(view->studentKey().isEmpty());
    QVERIFY(view->editor()->text().isEmpty());
}

void TestClassWindow::overrideSurvivesRegrade()
{
    QVERIFY(m_window);
    const QString dev = key("Dev Shah");
    const std::optional<SubmissionRecord> before = m_window->session()->record(dev, counter);
    QVERIFY(before && before->graded);

    // The dialog wants a comment before it accepts a score.
    OverrideDialog dialog(*before, QStringLiteral("Safe counter"));
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.scoreBox()->setValue(35);
    QTest::keyClicks(dialog.commentEdit(), QStringLiteral("Only a typo keeps it from building"));
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    const ScoreOverride override = dialog.scoreOverride();
    QCOMPARE(override.score, 35);
    QCOMPARE(override.comment, QStringLiteral("Only a typo keeps it from building"));

    QVERIFY(m_window->setOverride(dev, counter, override).isEmpty());
    QVERIFY(cell(dev, counter).data(ClassTableModel::OverriddenRole).toBool());
    QVERIFY(cell(dev, counter).data().toString().startsWith(QStringLiteral("35/")));
    QVERIFY(m_window->selectSubmission(dev, counter));
    QVERIFY(m_window->submissionView()->header()->text().contains(override.comment));

    // Grading the student again keeps the TA's score.
    QVERIFY(waitForBatch(*m_window, [&] { m_window->regradeStudent(dev); }));
    const std::optional<SubmissionRecord> after = m_window->session()->record(dev, counter);
    QVERIFY(after && after->graded);
    QVERIFY2(after->gradedAt > before->gradedAt, "the student was not graded again");
    QVERIFY(after->override);
    QCOMPARE(after->override->score, 35);
    QVERIFY(cell(dev, counter).data(ClassTableModel::OverriddenRole).toBool());
    QVERIFY(cell(dev, counter).data().toString().startsWith(QStringLiteral("35/")));

    // Removing it brings the computed score back.
    QVERIFY(m_window->setOverride(dev, counter, std::nullopt).isEmpty());
    QVERIFY(!m_window->session()->record(dev, counter)->override);
    QVERIFY(!cell(dev, counter).data(ClassTableModel::OverriddenRole).toBool());
    QVERIFY(cell(dev, counter)
                .data()
                .toString()
                .startsWith(QString::number(after->grade.score) + u'/'));
}

void TestClassWindow::pauseHoldsAndCancelStops()
{
    QVERIFY(m_window);
    GradingPanel *panel = m_window->gradingPanel();
    QSignalSpy finished(m_window.get(), &ClassWindow::gradingFinished);
    m_window->regradeAll();
    QVERIFY(m_window->isGrading());

    // Pause once programs run; it takes hold when the running ones have ended.
    QTRY_VERIFY_WITH_TIMEOUT(panel->runsBar()->maximum() > 1, 120000);
    m_window->setPaused(true);
    QCOMPARE(panel->pauseButton()->text(), QStringLiteral("&Resume"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusLabel()->text().startsWith(QStringLiteral("Paused")),
                             120000);
    QTest::qWait(300);
    const int done = panel->classBar()->value();
    const int runs = panel->runsBar()->value();
    QTest::qWait(2000);
    QCOMPARE(panel->classBar()->value(), done);
    QCOMPARE(panel->runsBar()->value(), runs);
    QVERIFY(m_window->isGrading());

    // Resume, then cancel: the batch ends with work left.
    m_window->setPaused(false);
    QVERIFY(!panel->statusLabel()->text().startsWith(QStringLiteral("Paused")));
    m_window->cancelGrading();
    QVERIFY(finished.wait(120000));
    QVERIFY(!m_window->isGrading());
    const QString message =
        m_window->statusBar()->currentMessage() + m_window->messageLabel()->text();
    QVERIFY2(message.contains(QStringLiteral("left")), qPrintable(message));

    // Starting again continues: what did not change keeps its grade, nothing is lost.
    QVERIFY(waitForBatch(*m_window, [&] { m_window->gradeClass(); }));
    const Expected<std::shared_ptr<GradingSession>> session =
        GradingSession::open(m_window->sessionPath());
    QVERIFY(session);
    const QVector<SubmissionRecord> records = session.value()->records();
    QCOMPARE(records.size(), 7);
    for (const SubmissionRecord &record : records) {
        QVERIFY2(record.graded, qPrintable(record.studentKey + u'/' + record.exercise));
    }
}

void TestClassWindow::exportsWriteEveryFormat()
{
    QVERIFY(m_window);
    const QString out = m_root->filePath(QStringLiteral("exports"));
    QVERIFY(QDir().mkpath(out));
    for (const QString &id : ReportExporter::formatIds()) {
        QString error;
        const std::optional<ExportRequest> request =
            ReportExporter::parse(id + u':' + out + u'/' + id, &error);
        QVERIFY2(request, qPrintable(error));
        const QStringList problems = m_window->exportTo(*request);
        QVERIFY2(problems.isEmpty(), qPrintable(id + QStringLiteral(": ") + problems.join(u'\n')));
        const QFileInfo written(request->path);
        QVERIFY2(written.exists(), qPrintable(request->path));
        if (written.isFile()) {
            QVERIFY2(written.size() > 0, qPrintable(request->path));
        } else {
            QVERIFY2(!QDir(request->path).isEmpty(), qPrintable(request->path));
        }
    }
    // A place that cannot be written: the problem names it, and the session is untouched.
    const QString blocked =
        m_root->filePath(QStringLiteral("roster.csv")) + QStringLiteral("/grades.csv");
    const int records = int(m_window->session()->records().size());
    const QStringList problems =
        m_window->exportTo(ExportRequest{ExportFormat::GradebookCsv, blocked});
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.join(u'\n').contains(QStringLiteral("grades.csv")),
             qPrintable(problems.join(u'\n')));
    QCOMPARE(int(m_window->session()->records().size()), records);
}

void TestClassWindow::generatedClassGradesAsPlanned()
{
    // A Canvas download of the shared test class: every file's exercise, whether it is graded,
    // its verdict and score range, and which students handed in the same bytes are known.
    m_window.reset();
    const QString dir = m_root->filePath(QStringLiteral("generated"));
    TestSupport::ClassGenerator::Options options;
    options.students = 13;
    const Expected<TestSupport::GeneratedClass> generated =
        TestSupport::ClassGenerator::write(dir, ClassLayout::Canvas, 11, options);
    QVERIFY2(generated, qPrintable(generated ? QString() : generated.error()));

    m_window = makeWindow();
    QVERIFY(m_window->openClass(dir));
    QVERIFY(waitForPlan(*m_window));
    QCOMPARE(m_window->plan().layout, ClassLayout::Canvas);
    const ClassPlanModel *plan = m_window->planModel();
    for (const TestSupport::GeneratedStudent &student : generated->students) {
        for (const TestSupport::GeneratedFile &file : student.files) {
            const int row = plan->rowOfFile(file.relativePath);
            QVERIFY2(row >= 0, qPrintable(file.relativePath));
            const QModelIndex exercise = plan->index(row, ClassPlanModel::ExerciseColumn);
            QCOMPARE(exercise.data(Qt::EditRole).toString(), file.exercise);
            QCOMPARE(exercise.data(ClassPlanModel::ChosenRole).toBool(), file.chosen);
            QCOMPARE(plan->index(row, ClassPlanModel::PlatformIdColumn).data().toString(),
                     student.platformId);
        }
    }

    EventLoopLatency probe;
    QVERIFY(waitForBatch(*m_window, [&] {
        probe.start();
        m_window->gradeClass();
    }));
    probe.stop();
    qInfo("graded the generated class of %d students in %.1f s; worst event-loop lateness %lld "
          "ms over %d ticks",
          int(generated->students.size()), probe.seconds(), probe.worstMs(), probe.ticks());
    QVERIFY2(probe.worstMs() < 100,
             qPrintable(QStringLiteral("the window froze for %1 ms").arg(probe.worstMs())));
    const ClassTableModel *model = m_window->tableModel();
    for (const TestSupport::GeneratedStudent &student : generated->students) {
        const int row = model->rowOf(student.key);
        QVERIFY2(row >= 0, qPrintable(student.key));
        for (const QString &exercise : student.missing) {
            const int column = model->columnOf(exercise);
            if (column >= 0) {
                QCOMPARE(SubmissionStatus(
                             model->index(row, column).data(ClassTableModel::StatusRole).toInt()),
                         SubmissionStatus::NotSubmitted);
            }
        }
        for (const TestSupport::GeneratedFile &file : student.files) {
            if (!file.chosen || file.verdict.isEmpty()) {
                continue;
            }
            const QString what = student.key + u'/' + file.exercise;
            const QModelIndex cell = model->index(row, model->columnOf(file.exercise));
            const SubmissionRecord *record = model->recordAt(cell);
            QVERIFY2(record && record->graded, qPrintable(what));
            const auto status = SubmissionStatus(cell.data(ClassTableModel::StatusRole).toInt());
            if (file.verdict == u"pass") {
                QVERIFY2(status == SubmissionStatus::Pass, qPrintable(what));
            } else {
                QVERIFY2(status == SubmissionStatus::Fail || status == SubmissionStatus::Racy,
                         qPrintable(what));
            }
            // A passing or broken file's score is exact. What a failing one earns between its
            // bounds depends on the runs, and a class graded with two runs a file can miss a
            // check that more runs would pass: only the upper bound holds there.
            const bool exact = file.minScore == file.maxScore;
            QVERIFY2(record->grade.score <= file.maxScore &&
                         (!exact || record->grade.score == file.minScore),
                     qPrintable(QStringLiteral("%1 (%2): %3 not in [%4, %5]")
                                    .arg(what, file.corpusCase)
                                    .arg(record->grade.score)
                                    .arg(file.minScore)
                                    .arg(file.maxScore)));
            QStringList identical = record->identicalTo;
            QStringList expected = file.identicalTo;
            identical.sort();
            expected.sort();
            QCOMPARE(identical, expected);
            QCOMPARE(cell.data(ClassTableModel::IdenticalRole).toBool(), !expected.isEmpty());
        }
    }
}

QTEST_MAIN(TestClassWindow)
#include "tst_classwindow.moc"
