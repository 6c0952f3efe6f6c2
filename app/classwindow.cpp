#include "classwindow.h"

#include "batchjob.h"
#include "classchartsview.h"
#include "classfilterproxy.h"
#include "classplanmodel.h"
#include "classplanner.h"
#include "classplanview.h"
#include "classresults.h"
#include "classresultsview.h"
#include "classtablebuilder.h"
#include "classtablemodel.h"
#include "classviewlogging.h"
#include "codeeditor.h"
#include "exercisedelegate.h"
#include "exportmenu.h"
#include "gradingpanel.h"
#include "gradingsession.h"
#include "overridedialog.h"
#include "resultsview.h"
#include "roster.h"
#include "sessionreader.h"
#include "settingsdialog.h"
#include "submissionview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace RaceGrade {

namespace {

const QString assignmentsSetting = QStringLiteral("assignments");

QString recordId(const QString &studentKey, const QString &exercise)
{
    return studentKey + u'\x1f' + exercise;
}

} // namespace

ClassWindow::ClassWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_settings(context.settingsFile)
{
    setWindowIcon(QIcon(QStringLiteral(":/racegrade/icons/racegrade.svg")));
    m_catalog =
        ExerciseLoader::loadCatalog(m_context.exerciseRoots + m_settings.extraExerciseFolders() +
                                    ExerciseLoader::defaultRoots());
    m_planModel = new ClassPlanModel(this);
    m_tableModel = new ClassTableModel(this);
    m_proxy = new ClassFilterProxy(this);
    m_proxy->setSourceModel(m_tableModel);
    m_reader = new SessionReader(this);
    connect(m_reader, &SessionReader::finished, this, &ClassWindow::onSessionRead);
    connect(
        m_planModel, &ClassPlanModel::assigned, this,
        [this](const QString &path, const QString &exercise) { storeAssignment(path, exercise); });

    createLayout();
    createActions();
    updateTitle();
    updateActions();
    if (!m_catalog.errors.isEmpty()) {
        showError(tr("Some exercises could not be loaded: %1")
                      .arg(m_catalog.errors.join(QStringLiteral("; "))));
    }
}

ClassWindow::~ClassWindow()
{
    // The batch's thread ends (and its programs are killed) before the session closes.
    m_job.reset();
    for (const QPointer<QThread> &thread : std::as_const(m_planThreads)) {
        if (thread) {
            thread->wait();
        }
    }
}

QString ClassWindow::defaultSessionPath(const QString &classDir)
{
    QString folder = QDir::cleanPath(QFileInfo(classDir).absoluteFilePath());
    return folder + QStringLiteral(".racegrade");
}

QString ClassWindow::sessionPath() const
{
    return m_session ? m_session->path() : QString();
}

const ClassPlan &ClassWindow::plan() const
{
    return m_planModel->plan();
}

// ---- layout

void ClassWindow::createLayout()
{
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setAccessibleName(tr("Messages"));
    m_message->setContentsMargins(8, 6, 8, 6);
    m_message->hide();

    m_classLabel =
        new QLabel(tr("Open a class folder (Ctrl+O) or a session (Ctrl+Shift+O)."), this);
    m_classLabel->setTextFormat(Qt::PlainText);
    m_classLabel->setAccessibleName(tr("Class folder and session"));
    m_classLabel->setContentsMargins(8, 4, 8, 4);

    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Class views"));
    m_planView = new ClassPlanView(m_planModel, this);
    m_tabs->addTab(m_planView, tr("&Plan"));
    m_resultsView = new ClassResultsView(m_tableModel, m_proxy, this);
    m_filterBox = m_resultsView->filterBox();
    m_search = m_resultsView->searchEdit();
    m_tableView = m_resultsView->table();
    m_submissionView = m_resultsView->submissionView();
    m_submissionView->editor()->setEditorFont(m_settings.editorFont());
    m_submissionView->editor()->setThemeName(m_settings.themeName());
    connect(m_resultsView, &ClassResultsView::cellMenuRequested, this, &ClassWindow::showCellMenu);
    connect(m_resultsView, &ClassResultsView::currentCellChanged, this,
            &ClassWindow::showCurrentCell);
    m_tabs->addTab(m_resultsView, tr("&Results"));
    m_charts = new ClassChartsView(this);
    m_tabs->addTab(m_charts, tr("C&harts"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_charts && m_chartsStale) {
            refreshCharts();
        }
    });

    m_panel = new GradingPanel(this);
    m_panel->hide();
    connect(m_panel, &GradingPanel::pauseToggled, this, &ClassWindow::setPaused);
    connect(m_panel, &GradingPanel::cancelClicked, this, &ClassWindow::cancelGrading);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_message);
    layout->addWidget(m_classLabel);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_panel);
    setCentralWidget(central);
    resize(1400, 900);
}

void ClassWindow::createActions()
{
    const auto add = [this](QMenu *menu, const QString &text, const QKeySequence &shortcut,
                            auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, tr("Open &Class Folder…"), QKeySequence::Open, [this] { openClassDialog(); });
    add(file, tr("Open &Session…"), QKeySequence(QStringLiteral("Ctrl+Shift+O")),
        [this] { openSessionDialog(); });
    m_rosterAction =
        add(file, tr("Load &Roster…"), QKeySequence(QStringLiteral("Ctrl+Shift+R")), [this] {
            const QString path = QFileDialog::getOpenFileName(
                this, tr("Load a Roster"), QFileInfo(m_classDir).path(),
                tr("CSV files (*.csv);;All files (*)"));
            if (!path.isEmpty()) {
                loadRoster(path);
            }
        });
    add(file, tr("Read the Class Folder &Again"), QKeySequence(QStringLiteral("Ctrl+Shift+F5")),
        [this] {
            if (!m_classDir.isEmpty() && !isGrading()) {
                startPlanning();
            }
        });
    file->addSeparator();
    add(file, tr("Se&ttings…"), QKeySequence::Preferences, [this] {
        // The same settings as the student's window: runs, time limit, compiler, sandbox, font.
        SettingsDialog dialog(m_settings, this);
        if (dialog.exec() == QDialog::Accepted) {
            m_submissionView->editor()->setEditorFont(m_settings.editorFont());
            m_submissionView->editor()->setThemeName(m_settings.themeName());
        }
    });
    file->addSeparator();
    add(file, tr("&Close Window"), QKeySequence::Close, [this] { close(); });

    QMenu *grading = menuBar()->addMenu(tr("&Grading"));
    m_gradeAction = add(grading, tr("&Grade Class"), QKeySequence(QStringLiteral("Ctrl+Return")),
                        [this] { gradeClass(); });
    m_gradeAction->setToolTip(tr("Grade every submission; unchanged ones keep their grade, so "
                                 "this also continues a stopped batch (Ctrl+Return)"));
    m_pauseAction = add(grading, tr("&Pause"), QKeySequence(QStringLiteral("F6")),
                        [this] { setPaused(!m_panel->isPauseRequested()); });
    m_cancelAction = add(grading, tr("&Cancel"), QKeySequence(QStringLiteral("Shift+F5")),
                         [this] { cancelGrading(); });
    grading->addSeparator();
    m_regradeAllAction =
        add(grading, tr("Regrade &All"), QKeySequence(QStringLiteral("Ctrl+Shift+Return")),
            [this] { regradeAll(); });
    add(grading, tr("Regrade This &Student"), QKeySequence(QStringLiteral("Ctrl+Alt+S")), [this] {
        const QModelIndex index = currentSourceIndex();
        if (index.isValid()) {
            regradeStudent(index.data(ClassTableModel::StudentKeyRole).toString());
        }
    });
    add(grading, tr("Regrade This &Exercise"), QKeySequence(QStringLiteral("Ctrl+Alt+E")), [this] {
        const QModelIndex index = currentSourceIndex();
        if (index.isValid() && !m_tableModel->exerciseAt(index.column()).isEmpty()) {
            regradeExercise(m_tableModel->exerciseAt(index.column()));
        }
    });

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    m_overrideAction = add(review, tr("&Override Score…"), QKeySequence(QStringLiteral("Ctrl+E")),
                           [this] { overrideCurrent(); });
    m_removeOverrideAction =
        add(review, tr("&Remove Override"), QKeySequence(QStringLiteral("Ctrl+Shift+E")),
            [this] { removeCurrentOverride(); });
    review->addSeparator();
    add(review, tr("&Find Student"), QKeySequence::Find, [this] {
        m_tabs->setCurrentIndex(1);
        m_search->setFocus();
        m_search->selectAll();
    });
    QMenu *show = review->addMenu(tr("&Show"));
    auto *showGroup = new QActionGroup(this);
    for (int i = 0; i < m_filterBox->count(); ++i) {
        QAction *action = show->addAction(m_filterBox->itemText(i));
        action->setCheckable(true);
        action->setChecked(i == 0);
        action->setShortcut(QKeySequence(QStringLiteral("Alt+%1").arg(i + 1)));
        showGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { m_filterBox->setCurrentIndex(i); });
        connect(m_filterBox, QOverload<int>::of(&QComboBox::currentIndexChanged), action,
                [action, i](int current) { action->setChecked(current == i); });
    }
    review->addSeparator();
    add(review, tr("&Next Problem"), QKeySequence(QStringLiteral("F8")),
        [this] { m_submissionView->results()->selectNextProblem(); });
    add(review, tr("&Previous Problem"), QKeySequence(QStringLiteral("Shift+F8")),
        [this] { m_submissionView->results()->selectPreviousProblem(); });

    m_exportMenu =
        new ExportMenu([this](const ExportRequest &request) { return exportTo(request); }, this);
    connect(m_exportMenu, &ExportMenu::exported, this, &ClassWindow::showInfo);
    connect(m_exportMenu, &ExportMenu::failed, this, &ClassWindow::showError);
    menuBar()->addMenu(m_exportMenu);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        add(view, m_tabs->tabText(i), QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)),
            [this, i] { m_tabs->setCurrentIndex(i); });
    }

    QToolBar *toolbar = addToolBar(tr("Class"));
    toolbar->setObjectName(QStringLiteral("classToolBar"));
    toolbar->addAction(m_gradeAction);
    toolbar->addAction(m_pauseAction);
    toolbar->addAction(m_cancelAction);
    toolbar->addSeparator();
    toolbar->addAction(m_regradeAllAction);
    toolbar->addAction(m_overrideAction);
}

void ClassWindow::updateActions()
{
    const bool grading = isGrading();
    const bool haveSession = m_session != nullptr;
    const bool canGrade = haveSession && !grading && !m_planning;
    m_gradeAction->setEnabled(canGrade && !m_planModel->plan().students.isEmpty());
    m_regradeAllAction->setEnabled(canGrade);
    m_pauseAction->setEnabled(grading);
    m_pauseAction->setText(m_panel->isPauseRequested() ? tr("&Resume") : tr("&Pause"));
    m_cancelAction->setEnabled(grading);
    m_rosterAction->setEnabled(haveSession);
    const SubmissionRecord *record = m_tableModel->recordAt(currentSourceIndex());
    m_overrideAction->setEnabled(haveSession && record);
    m_removeOverrideAction->setEnabled(haveSession && record && record->override);
    m_exportMenu->setEnabled(haveSession && !grading);
    m_exportMenu->setSuggestedLocation(
        m_classDir.isEmpty() ? QFileInfo(sessionPath()).path() : QFileInfo(m_classDir).path(),
        QFileInfo(m_classDir.isEmpty() ? sessionPath() : m_classDir).completeBaseName());
    m_panel->setVisible(grading);
}

void ClassWindow::updateTitle()
{
    setWindowTitle(
        m_classDir.isEmpty() && !m_session
            ? tr("Grade a Class — RaceGrade")
            : tr("%1 — Grade a Class — RaceGrade")
                  .arg(QFileInfo(m_classDir.isEmpty() ? sessionPath() : m_classDir).fileName()));
    QStringList parts;
    if (!m_classDir.isEmpty()) {
        parts.append(tr("Class folder: %1").arg(QDir::toNativeSeparators(m_classDir)));
    }
    if (m_session) {
        parts.append(tr("Session: %1").arg(QDir::toNativeSeparators(sessionPath())));
    }
    if (!parts.isEmpty()) {
        m_classLabel->setText(parts.join(QStringLiteral("    ")));
    }
}

void ClassWindow::showError(const QString &message)
{
    qCWarning(lcClassView).noquote() << message;
    m_message->setText(message);
    m_message->setStyleSheet(QStringLiteral("background: #fde7e9; color: #7a1219;"));
    m_message->show();
    statusBar()->showMessage(message.section(u'\n', 0, 0), 15000);
}

void ClassWindow::showInfo(const QString &message)
{
    m_message->hide();
    statusBar()->showMessage(message, 15000);
}

// ---- opening

void ClassWindow::openClassDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Open a Class Folder"), m_classDir.isEmpty() ? QString() : m_classDir);
    if (!folder.isEmpty()) {
        openClass(folder);
    }
}

void ClassWindow::openSessionDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a Grading Session"), QFileInfo(m_classDir).path(),
        tr("RaceGrade sessions (*.racegrade);;All files (*)"));
    if (!path.isEmpty()) {
        openSession(path);
    }
}

bool ClassWindow::openSessionFile(const QString &sessionPath)
{
    if (isGrading()) {
        showError(tr("A class is being graded; cancel it before opening another."));
        return false;
    }
    Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(sessionPath);
    if (!session) {
        showError(tr("The session %1 cannot be opened: %2")
                      .arg(QDir::toNativeSeparators(sessionPath), session.error()));
        return false;
    }
    m_session = session.value();
    m_submissionView->showMessage(tr("Select a cell of the class table to see that "
                                     "submission."));
    m_tableModel->setResults(ClassResults());
    m_planModel->setPlan(ClassPlan(), m_catalog.exercises);
    m_planView->setRosterText(QString());
    return true;
}

bool ClassWindow::openClass(const QString &classDir, const QString &sessionPath)
{
    const QFileInfo folder(classDir);
    if (!folder.isDir()) {
        showError(tr("%1 is not a folder.").arg(QDir::toNativeSeparators(classDir)));
        return false;
    }
    const QString session = sessionPath.isEmpty() ? defaultSessionPath(classDir) : sessionPath;
    if (!openSessionFile(session)) {
        return false;
    }
    m_message->hide();
    m_classDir = QDir::cleanPath(folder.absoluteFilePath());
    updateTitle();
    reloadTable();
    startPlanning();
    return true;
}

bool ClassWindow::openSession(const QString &sessionPath)
{
    if (!QFileInfo::exists(sessionPath)) {
        showError(tr("The session %1 does not exist.").arg(QDir::toNativeSeparators(sessionPath)));
        return false;
    }
    if (!openSessionFile(sessionPath)) {
        return false;
    }
    m_message->hide();
    const QString classDir = m_session->setting(QStringLiteral("class_dir"));
    m_classDir.clear();
    updateTitle();
    reloadTable();
    if (!classDir.isEmpty() && QFileInfo(classDir).isDir()) {
        m_classDir = classDir;
        updateTitle();
        startPlanning();
    } else {
        m_planView->showMessage(
            classDir.isEmpty()
                ? tr("This session names no class folder; its stored submissions are shown and "
                     "can be regraded.")
                : tr("The class folder %1 is gone; the session's stored submissions are shown "
                     "and can be regraded.")
                      .arg(QDir::toNativeSeparators(classDir)));
        m_tabs->setCurrentIndex(1);
        updateActions();
    }
    return true;
}

bool ClassWindow::loadRoster(const QString &csvPath)
{
    if (!m_session) {
        showError(tr("Open a class folder or a session before loading a roster."));
        return false;
    }
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("The roster %1 cannot be read: %2")
                      .arg(QDir::toNativeSeparators(csvPath), file.errorString()));
        return false;
    }
    const Expected<Roster> roster = RosterReader::parse(file.readAll(), csvPath);
    if (!roster) {
        showError(roster.error());
        return false;
    }
    const QString problem = m_session->setRoster(roster->entries);
    if (!problem.isEmpty()) {
        showError(problem);
        return false;
    }
    if (roster->warnings.isEmpty()) {
        showInfo(tr("Loaded the roster %1: %n student(s).", nullptr, int(roster->entries.size()))
                     .arg(QDir::toNativeSeparators(csvPath)));
    } else {
        showError(tr("Loaded the roster %1, with warnings:\n%2")
                      .arg(QDir::toNativeSeparators(csvPath), roster->warnings.join(u'\n')));
    }
    reloadTable();
    return true;
}

// ---- the plan

void ClassWindow::startPlanning()
{
    m_planning = true;
    const int generation = ++m_planGeneration;
    // The scratch folder lives as long as the thread that unpacks into it and the plan using it.
    auto scratch = std::make_shared<QTemporaryDir>(QDir::tempPath() +
                                                   QStringLiteral("/racegrade-class-XXXXXX"));
    if (!scratch->isValid()) {
        showError(tr("Cannot create a scratch folder in %1 for the class's archives: %2")
                      .arg(QDir::toNativeSeparators(QDir::tempPath()), scratch->errorString()));
    }
    m_planView->showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(m_classDir)));
    statusBar()->showMessage(tr("Reading the class folder…"));
    updateActions();

    // Reading a large class (and unpacking its archives) takes a while: off the window's thread.
    auto result = std::make_shared<ClassPlan>();
    QThread *thread =
        QThread::create([result, scratch, classDir = m_classDir, exercises = m_catalog.exercises] {
            *result = ClassPlanner::plan(classDir, exercises,
                                         scratch->isValid() ? scratch->path() : QString());
        });
    connect(thread, &QThread::finished, this, [this, result, scratch, generation] {
        if (generation == m_planGeneration) {
            m_scratch = scratch;
            planDone(*result);
        }
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_planThreads.removeAll(nullptr);
    m_planThreads.append(thread);
    thread->start();
}

void ClassWindow::applyStoredAssignments(ClassPlan &plan)
{
    const QJsonObject assignments =
        QJsonDocument::fromJson(m_session->setting(assignmentsSetting).toUtf8()).object();
    QStringList unknown;
    for (auto it = assignments.constBegin(); it != assignments.constEnd(); ++it) {
        if (!ClassPlanner::assign(plan, it.key(), it.value().toString())) {
            unknown.append(it.key());
        }
    }
    if (!unknown.isEmpty()) {
        showError(tr("These files of earlier corrections are no longer in the class folder; their "
                     "corrections are ignored: %1")
                      .arg(unknown.join(QStringLiteral(", "))));
    }
}

void ClassWindow::planDone(const ClassPlan &planned)
{
    m_planning = false;
    if (!m_session) {
        updateActions();
        return;
    }
    ClassPlan plan = planned;
    applyStoredAssignments(plan);
    m_planModel->setPlan(plan, m_catalog.exercises);
    m_planView->showPlan();
    statusBar()->clearMessage();
    reloadTable();
    updateActions();
    Q_EMIT planReady();
    if (std::exchange(m_gradeWhenPlanned, false)) {
        gradeClass();
    }
}

bool ClassWindow::assignFile(const QString &relativePath, const QString &exercise)
{
    if (isGrading()) {
        showError(tr("The plan cannot change while the class is graded."));
        return false;
    }
    if (!m_planModel->assign(relativePath, exercise)) {
        showError(tr("Cannot assign %1 to %2: no such file in the plan or no such exercise.")
                      .arg(relativePath, exercise));
        return false;
    }
    return true;
}

void ClassWindow::storeAssignment(const QString &relativePath, const QString &exercise)
{
    if (!m_session) {
        return;
    }
    QJsonObject assignments =
        QJsonDocument::fromJson(m_session->setting(assignmentsSetting).toUtf8()).object();
    assignments.insert(relativePath, exercise);
    const QString problem = m_session->setSetting(
        assignmentsSetting,
        QString::fromUtf8(QJsonDocument(assignments).toJson(QJsonDocument::Compact)));
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    dropStaleRecord(relativePath, exercise);
    m_planView->showPlan();
    reloadTable();
    showInfo(exercise.isEmpty()
                 ? tr("%1 is set aside; Grade Class leaves it out.").arg(relativePath)
                 : tr("%1 is now graded for %2; Grade Class grades it.")
                       .arg(relativePath, exerciseTitle(exercise)));
}

void ClassWindow::dropStaleRecord(const QString &relativePath, const QString &exercise)
{
    // A stored grade of this file for another exercise no longer belongs in the class's results.
    QVector<QPair<QString, QString>> stale;
    for (const StudentResults &student : m_tableModel->results().students) {
        for (const SubmissionRecord &record : student.byExercise) {
            if (record.sourcePath == relativePath && record.exercise != exercise) {
                stale.append({record.studentKey, record.exercise});
            }
        }
    }
    for (const auto &[studentKey, staleExercise] : std::as_const(stale)) {
        const QString problem = m_session->removeRecord(studentKey, staleExercise);
        if (!problem.isEmpty()) {
            showError(problem);
        }
    }
}

// ---- grading

bool ClassWindow::isGrading() const
{
    return m_job && m_job->isRunning();
}

QVector<SubmissionRecord> ClassWindow::submissionsToGrade(const QString &studentKey,
                                                          const QString &exercise) const
{
    QVector<SubmissionRecord> all;
    if (!m_planModel->plan().students.isEmpty()) {
        all = m_planModel->plan().submissions();
    } else if (m_session) {
        // No class folder: the session's own copies of the files are graded again.
        all = m_session->records();
    }
    QVector<SubmissionRecord> chosen;
    for (const SubmissionRecord &record : std::as_const(all)) {
        if ((studentKey.isEmpty() || record.studentKey == studentKey) &&
            (exercise.isEmpty() || record.exercise == exercise)) {
            chosen.append(record);
        }
    }
    return chosen;
}

void ClassWindow::gradeClass()
{
    if (m_planning) {
        m_gradeWhenPlanned = true;
        return;
    }
    startBatch(submissionsToGrade({}, {}), false);
}

void ClassWindow::regradeAll()
{
    startBatch(submissionsToGrade({}, {}), true);
}

void ClassWindow::regradeStudent(const QString &studentKey)
{
    startBatch(submissionsToGrade(studentKey, {}), true);
}

void ClassWindow::regradeExercise(const QString &exercise)
{
    startBatch(submissionsToGrade({}, exercise), true);
}

void ClassWindow::storeSessionSettings(const BatchOptions &options)
{
    QMap<QString, QString> settings = {
        {QStringLiteral("runs"), QString::number(options.grade.runs)},
        {QStringLiteral("cpp_compiler"), options.grade.cppCompiler},
        {QStringLiteral("sandbox"), options.grade.sandbox == SandboxMode::Required
                                        ? QStringLiteral("on")
                                        : QStringLiteral("off")},
        {QStringLiteral("racegrade_version"), QStringLiteral(RACEGRADE_VERSION)},
        {QStringLiteral("shard"), QStringLiteral("1/1")},
    };
    if (!m_classDir.isEmpty()) {
        settings.insert(QStringLiteral("class_dir"), m_classDir);
        settings.insert(QStringLiteral("layout"), classLayoutId(m_planModel->plan().layout));
    }
    // Each write is a commit on the window's thread: only what changed is written.
    const QMap<QString, QString> stored = m_session->settings();
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (stored.value(it.key()) == it.value()) {
            continue;
        }
        const QString problem = m_session->setSetting(it.key(), it.value());
        if (!problem.isEmpty()) {
            showError(problem);
            return;
        }
    }
}

void ClassWindow::startBatch(const QVector<SubmissionRecord> &submissions, bool regrade)
{
    if (!m_session || isGrading()) {
        return;
    }
    if (m_planning) {
        showError(tr("The class folder is still being read; grade it when the plan is shown."));
        return;
    }
    if (submissions.isEmpty()) {
        showError(tr("There is nothing to grade: no file of the class is mapped to an exercise."));
        return;
    }
    BatchOptions options;
    options.grade.runs = m_settings.runsPerGrading();
    options.grade.runSeconds = m_settings.timeLimitSeconds();
    options.grade.cppCompiler = m_settings.cppCompiler();
    options.grade.sandbox = m_settings.sandboxDisabled() ? SandboxMode::Off : SandboxMode::Required;
    options.regradeUnchanged = regrade;
    storeSessionSettings(options);

    m_message->hide();
    m_job = std::make_unique<BatchJob>(m_session->path(), submissions, m_catalog, options);
    connect(m_job.get(), &BatchJob::progressChanged, this, &ClassWindow::onProgress);
    connect(m_job.get(), &BatchJob::recordSaved, this, &ClassWindow::onRecordSaved);
    connect(m_job.get(), &BatchJob::finished, this, &ClassWindow::onBatchFinished);
    m_tableStale = true;
    m_panel->start();
    m_job->start();
    m_tabs->setCurrentIndex(1);
    statusBar()->showMessage(
        regrade ? tr("Grading %n submission(s) again…", nullptr, int(submissions.size()))
                : tr("Grading %n submission(s)…", nullptr, int(submissions.size())));
    updateActions();
}

void ClassWindow::setPaused(bool paused)
{
    if (!isGrading()) {
        return;
    }
    m_job->setPaused(paused);
    m_panel->setPauseRequested(paused);
    statusBar()->showMessage(paused ? tr("Pausing: the programs that run now finish first…")
                                    : tr("Grading goes on."),
                             5000);
    updateActions();
}

void ClassWindow::cancelGrading()
{
    if (!isGrading()) {
        return;
    }
    m_job->cancel();
    m_job->setPaused(false);
    m_panel->setCancelling();
}

void ClassWindow::onProgress(const BatchProgress &progress)
{
    m_panel->setProgress(progress);
    if (m_tableStale) {
        // The batch has listed its submissions and reused the unchanged grades: show them all.
        m_tableStale = false;
        reloadTable();
    }
}

void ClassWindow::onRecordSaved(const QString &studentKey, const QString &exercise)
{
    if (m_reader->isReading()) {
        m_savedDuringRead.insert(recordId(studentKey, exercise));
    }
    refreshRecord(studentKey, exercise);
}

void ClassWindow::onBatchFinished()
{
    const BatchSummary summary = m_job->summary();
    qCDebug(lcClassView) << "batch ended:" << summary.graded << "graded," << summary.reused
                         << "reused," << summary.remaining << "left in" << summary.seconds << "s";
    m_job.release()->deleteLater();
    updateActions();
    QString message = tr("%1 submissions in %2: %3 graded, %4 reused (unchanged or identical), "
                         "%5 not passing.")
                          .arg(summary.graded + summary.reused)
                          .arg(GradingPanel::durationText(summary.seconds))
                          .arg(summary.graded)
                          .arg(summary.reused)
                          .arg(summary.failed);
    if (summary.remaining > 0) {
        message += u' ' + tr("Stopped with %n submission(s) left; Grade Class continues where it "
                             "stopped.",
                             nullptr, summary.remaining);
    }
    if (summary.errors.isEmpty()) {
        showInfo(message);
    } else {
        // Each error names its file; a class whose every grading failed for one reason (no
        // sandbox, no compiler) would otherwise fill the window.
        constexpr int shownErrors = 8;
        QStringList errors = summary.errors.mid(0, shownErrors);
        if (summary.errors.size() > shownErrors) {
            errors.append(tr("…and %n more.", nullptr, int(summary.errors.size()) - shownErrors));
        }
        showError(message + u'\n' + errors.join(u'\n'));
    }
    // The batch refreshed the identical-file flags of the whole session at its end.
    reloadTable();
    Q_EMIT gradingFinished();
}

// ---- the table

void ClassWindow::reloadTable()
{
    if (!m_session) {
        return;
    }
    m_reader->read(m_session->path());
}

void ClassWindow::onSessionRead(const QVector<SubmissionRecord> &stored,
                                const QVector<RosterEntry> &roster, const QString &error)
{
    if (!m_session) {
        return;
    }
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    const ClassResults results =
        ClassTableBuilder::build(stored, roster, m_planModel->plan(), m_catalog.exercises);
    qCDebug(lcClassView) << "built the table of" << stored.size() << "records in" << clock.elapsed()
                         << "ms";
    m_tableModel->setResults(results);
    qCDebug(lcClassView) << "showed the table after" << clock.elapsed() << "ms";
    // Plain student folders name no ids: the column only shows once some student has one.
    const bool anyId =
        std::any_of(results.students.cbegin(), results.students.cend(),
                    [](const StudentResults &student) { return !student.id.isEmpty(); });
    m_tableView->setColumnHidden(ClassTableModel::IdColumn, !anyId);

    if (roster.isEmpty()) {
        m_planView->setRosterText(
            tr("No roster is loaded (File → Load Roster… lists who handed in nothing)."));
    } else {
        QStringList nothing;
        QStringList unknown;
        for (const StudentResults &student : results.students) {
            if (student.inRoster && student.byExercise.isEmpty()) {
                nothing.append(student.name.isEmpty() ? student.id : student.name);
            } else if (!student.inRoster) {
                unknown.append(student.name);
            }
        }
        QString text = tr("Roster: %n student(s).", nullptr, int(roster.size()));
        if (!nothing.isEmpty()) {
            text += u' ' + tr("Handed in nothing: %1.").arg(nothing.join(QStringLiteral(", ")));
        }
        if (!unknown.isEmpty()) {
            text += u' ' + tr("Not on the roster: %1.").arg(unknown.join(QStringLiteral(", ")));
        }
        m_planView->setRosterText(text);
    }

    // Records saved while the session was read may be newer than what the read saw.
    const QSet<QString> saved = std::exchange(m_savedDuringRead, {});
    for (const QString &id : saved) {
        refreshRecord(id.section(u'\x1f', 0, 0), id.section(u'\x1f', 1));
    }
    m_chartsStale = true;
    if (m_tabs->currentWidget() == m_charts) {
        refreshCharts();
    }
    showCurrentCell();
    updateActions();
    Q_EMIT tableReloaded();
}

void ClassWindow::refreshRecord(const QString &studentKey, const QString &exercise)
{
    QElapsedTimer clock;
    clock.start();
    const std::optional<SubmissionRecord> record = m_session->record(studentKey, exercise);
    qCDebug(lcClassView) << "read" << studentKey << exercise << "in" << clock.elapsed() << "ms";
    if (!record) {
        return;
    }
    m_tableModel->updateRecord(SessionReader::summaryOf(*record));
    m_chartsStale = true;
    if (m_submissionView->studentKey() == studentKey && m_submissionView->exercise() == exercise) {
        m_submissionView->showRecord(*record, exerciseTitle(exercise));
    }
    updateActions();
}

void ClassWindow::refreshCharts()
{
    m_chartsStale = false;
    m_charts->setResults(m_tableModel->results());
}

QString ClassWindow::exerciseTitle(const QString &exercise) const
{
    const Exercise *found = m_catalog.find(exercise);
    return found ? found->title : exercise;
}

QModelIndex ClassWindow::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_tableView->currentIndex());
}

bool ClassWindow::selectSubmission(const QString &studentKey, const QString &exercise)
{
    const int row = m_tableModel->rowOf(studentKey);
    const int column = m_tableModel->columnOf(exercise);
    if (row < 0 || column < 0) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_tableModel->index(row, column));
    if (!index.isValid()) {
        return false; // filtered out
    }
    m_tabs->setCurrentIndex(1);
    m_tableView->setCurrentIndex(index);
    m_tableView->scrollTo(index);
    return true;
}

void ClassWindow::showCurrentCell()
{
    updateActions();
    const QModelIndex index = currentSourceIndex();
    if (!index.isValid() || !m_session) {
        return;
    }
    const QString key = index.data(ClassTableModel::StudentKeyRole).toString();
    const QString exercise = m_tableModel->exerciseAt(index.column());
    if (exercise.isEmpty()) {
        return;
    }
    const QString name =
        m_tableModel->data(index.siblingAtColumn(ClassTableModel::NameColumn)).toString();
    const std::optional<SubmissionRecord> record =
        key.isEmpty() ? std::nullopt : m_session->record(key, exercise);
    if (record) {
        m_submissionView->showRecord(*record, exerciseTitle(exercise));
        return;
    }
    const SubmissionRecord *planned = m_tableModel->recordAt(index);
    m_submissionView->showMessage(
        planned ? tr("%1 handed in %2 for %3; it has not been graded yet.")
                      .arg(name, planned->sourcePath, exerciseTitle(exercise))
                : tr("%1 handed in nothing for %2.").arg(name, exerciseTitle(exercise)));
}

void ClassWindow::showCellMenu(const QPoint &position)
{
    const QModelIndex index = m_proxy->mapToSource(m_tableView->indexAt(position));
    if (!index.isValid()) {
        return;
    }
    m_tableView->setCurrentIndex(m_tableView->indexAt(position));
    const QString key = index.data(ClassTableModel::StudentKeyRole).toString();
    const QString name =
        m_tableModel->data(index.siblingAtColumn(ClassTableModel::NameColumn)).toString();
    const QString exercise = m_tableModel->exerciseAt(index.column());
    const bool canGrade = m_session && !isGrading() && !m_planning;

    QMenu menu(this);
    menu.addAction(m_overrideAction);
    menu.addAction(m_removeOverrideAction);
    menu.addSeparator();
    QAction *student = menu.addAction(tr("Regrade %1").arg(name));
    student->setEnabled(canGrade && !key.isEmpty());
    connect(student, &QAction::triggered, this, [this, key] { regradeStudent(key); });
    if (!exercise.isEmpty()) {
        QAction *column =
            menu.addAction(tr("Regrade %1 for Everyone").arg(exerciseTitle(exercise)));
        column->setEnabled(canGrade);
        connect(column, &QAction::triggered, this, [this, exercise] { regradeExercise(exercise); });
    }
    menu.addAction(m_regradeAllAction);
    menu.exec(m_tableView->viewport()->mapToGlobal(position));
}

QString ClassWindow::setOverride(const QString &studentKey, const QString &exercise,
                                 const std::optional<ScoreOverride> &override)
{
    if (!m_session) {
        return tr("No session is open.");
    }
    const QString problem = m_session->setOverride(studentKey, exercise, override);
    if (!problem.isEmpty()) {
        showError(problem);
        return problem;
    }
    refreshRecord(studentKey, exercise);
    m_chartsStale = true;
    return {};
}

void ClassWindow::overrideCurrent()
{
    const QModelIndex index = currentSourceIndex();
    const SubmissionRecord *shown = m_tableModel->recordAt(index);
    if (!shown || !m_session) {
        return;
    }
    const std::optional<SubmissionRecord> record =
        m_session->record(shown->studentKey, shown->exercise);
    if (!record) {
        showError(tr("%1's %2 is not in the session yet; grade the class first.")
                      .arg(shown->studentName, exerciseTitle(shown->exercise)));
        return;
    }
    OverrideDialog dialog(*record, exerciseTitle(record->exercise), this);
    if (dialog.exec() == QDialog::Accepted) {
        if (setOverride(record->studentKey, record->exercise, dialog.scoreOverride()).isEmpty()) {
            showInfo(tr("%1's score for %2 is now %3 (set by you).")
                         .arg(record->studentName, exerciseTitle(record->exercise))
                         .arg(dialog.scoreOverride().score));
        }
    }
}

void ClassWindow::removeCurrentOverride()
{
    const SubmissionRecord *shown = m_tableModel->recordAt(currentSourceIndex());
    if (!shown || !shown->override) {
        return;
    }
    const QString key = shown->studentKey;
    const QString exercise = shown->exercise;
    const QString name = shown->studentName;
    if (setOverride(key, exercise, std::nullopt).isEmpty()) {
        showInfo(
            tr("%1's score for %2 is the computed one again.").arg(name, exerciseTitle(exercise)));
    }
}

// ---- exports

QStringList ClassWindow::exportTo(const ExportRequest &request)
{
    if (!m_session) {
        return {tr("No session is open.")};
    }
    SessionContents contents;
    contents.settings = m_session->settings();
    contents.roster = m_session->roster();
    contents.records = m_session->records();
    contents.exercises = m_catalog.exercises;
    // TODO(#5): ReportExporter reports no progress; a large class's PDFs keep the window busy.
    return ReportExporter::write(request, contents);
}

void ClassWindow::closeEvent(QCloseEvent *event)
{
    if (isGrading()) {
        // Every grade saved so far stays in the session; the rest is graded on the next run.
        m_job->cancel();
    }
    event->accept();
}

} // namespace RaceGrade
