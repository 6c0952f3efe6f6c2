#include "mainwindow.h"

#include "autosaver.h"
#ifdef RACEGRADE_HAVE_CLASS_VIEW
#include "classwindow.h"
#endif
#include "codeeditor.h"
#include "exercisepicker.h"
#include "findreplacebar.h"
#include "grademarks.h"
#include "gradingjob.h"
#include "outputview.h"
#include "resultsview.h"
#include "sandbox.h"
#include "settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QThread>
#include <QToolBar>
#include <QVBoxLayout>

// The resources live in the static app library, so they are registered by hand (outside any
// namespace, as Q_INIT_RESOURCE requires).
static void initResources()
{
    Q_INIT_RESOURCE(racegrade);
}

namespace RaceGrade {

namespace {

QString defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
           QStringLiteral("/work");
}

// The platform's keys for a standard action, with @p fallback first: some desktops bind no key
// to Preferences or Save As, and a menu entry should still show one.
QList<QKeySequence> keysFor(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    keys.removeAll(fallback);
    keys.prepend(fallback);
    return keys;
}

} // namespace

MainWindow::MainWindow(const AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_settings(context.settingsFile)
    , m_autoSaver(std::make_unique<AutoSaver>(
          context.dataDirectory.isEmpty() ? defaultDataDirectory() : context.dataDirectory))
{
    initResources();
    setWindowIcon(QIcon(QStringLiteral(":/racegrade/icons/racegrade.svg")));
    createLayout();
    createActions();
    applyEditorSettings();
    loadExercises();

    connect(m_autoSaver.get(), &AutoSaver::saveFailed, this,
            [this](const QString &path, const QString &reason) {
                statusBar()->showMessage(tr("Could not save your work to %1: %2").arg(path, reason),
                                         10000);
            });
    // Only edits: the highlighter's recolouring changes the document too, and a text that was
    // only looked at is never saved (so that a later change of the starter code still shows).
    connect(m_editor, &CodeEditor::textEdited, this, [this] {
        if (!m_loadingText && !m_exerciseId.isEmpty()) {
            m_autoSaver->schedule(m_exerciseId, m_language, m_editor->toPlainText());
        }
    });

    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());

    QString exercise = m_settings.lastExercise();
    if (!m_catalog.find(exercise) && !m_catalog.exercises.isEmpty()) {
        exercise = m_catalog.exercises.first().id;
    }
    if (!exercise.isEmpty()) {
        chooseExercise(exercise, m_settings.lastLanguage());
    }
    updateActions();
}

MainWindow::~MainWindow()
{
    saveWorkNow();
}

void MainWindow::createLayout()
{
    m_picker = new ExercisePicker(this);
    m_instructions = new QTextBrowser(this);
    m_instructions->setOpenExternalLinks(true);
    m_instructions->setAccessibleName(tr("Instructions"));

    m_editor = new CodeEditor(this);
    m_editor->setAccessibleName(tr("Solution editor"));
    m_findBar = new FindReplaceBar(m_editor, this);
    m_findBar->hide();

    m_results = new ResultsView(this);
    m_output = new OutputView(this);
    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->addTab(m_results, tr("Results"));
    m_bottomTabs->addTab(m_output, tr("Output"));
    m_bottomTabs->setAccessibleName(tr("Results and output"));

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor);
    editorLayout->addWidget(m_findBar);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_picker);
    left->addWidget(m_instructions);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 3);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(editorPane);
    right->addWidget(m_bottomTabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(left);
    main->addWidget(right);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 5);
    setCentralWidget(main);

    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->setAccessibleName(tr("Grading progress"));
    m_progress->hide();
    m_statusLabel = new QLabel(this);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setAccessibleName(tr("Cancel grading"));
    m_cancelButton->hide();
    m_sandboxLabel = new QLabel(this);
    m_sandboxLabel->setAccessibleName(tr("Sandbox status"));
    statusBar()->addPermanentWidget(m_sandboxLabel);
    checkSandbox();
    statusBar()->addPermanentWidget(m_statusLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancel);

    connect(m_picker, &ExercisePicker::exerciseSelected, this,
            [this](const QString &id) { chooseExercise(id, m_language); });
    connect(m_picker, &ExercisePicker::languageClicked, this,
            [this](Language language) { chooseExercise(m_picker->currentExerciseId(), language); });
    // Places in the results and the output are lines of the text that was graded; the editor
    // knows where those lines are now, after the edits made since the grading started.
    const auto goToLocation = [this](int line, int column) {
        m_editor->goToTrackedPlace(line, column);
        m_editor->setFocus();
    };
    connect(m_results, &ResultsView::locationActivated, this, goToLocation);
    connect(m_output, &OutputView::locationActivated, this, goToLocation);
}

void MainWindow::createActions()
{
    const auto add = [this](QMenu *menu, const QString &text, const QKeySequence &shortcut,
                            auto slot) {
        QAction *action = menu->addAction(text);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, tr("&Open…"), QKeySequence::Open, [this] { openFileDialog(); });
    QAction *saveAction = add(file, tr("&Save"), QKeySequence(), [this] { save(); });
    saveAction->setShortcuts(keysFor(QKeySequence::Save, QKeySequence(QStringLiteral("Ctrl+S"))));
    QAction *saveAsAction = add(file, tr("Save &As…"), QKeySequence(), [this] { saveAsDialog(); });
    saveAsAction->setShortcuts(
        keysFor(QKeySequence::SaveAs, QKeySequence(QStringLiteral("Ctrl+Shift+S"))));
    add(file, tr("&Reset to Starter Code"), QKeySequence(), [this] { resetToStarter(); });
    file->addSeparator();
    add(file, tr("Add &Exercise Folder…"), QKeySequence(), [this] { addExerciseFolder(); });
#ifdef RACEGRADE_HAVE_CLASS_VIEW
    file->addSeparator();
    add(file, tr("Grade a &Class…"), QKeySequence(QStringLiteral("Ctrl+Shift+G")),
        [this] { openClassWindow(); });
#endif
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    add(edit, tr("&Undo"), QKeySequence::Undo, [this] { m_editor->undo(); });
    add(edit, tr("&Redo"), QKeySequence::Redo, [this] { m_editor->redo(); });
    edit->addSeparator();
    add(edit, tr("&Find…"), QKeySequence::Find, [this] { m_findBar->showFind(); });
    add(edit, tr("R&eplace…"), QKeySequence(QStringLiteral("Ctrl+H")),
        [this] { m_findBar->showReplace(); });
    add(edit, tr("Find &Next"), QKeySequence::FindNext, [this] { m_findBar->findNext(); });
    add(edit, tr("Find &Previous"), QKeySequence::FindPrevious,
        [this] { m_findBar->findPrevious(); });
    add(edit, tr("&Go to Line…"), QKeySequence(QStringLiteral("Ctrl+L")),
        [this] { goToLineDialog(); });
    edit->addSeparator();
    QList<QKeySequence> zoomInKeys = QKeySequence::keyBindings(QKeySequence::ZoomIn);
    // Ctrl++ needs Shift on most keyboards; Ctrl+= is the same key without it.
    const QKeySequence controlEquals(QStringLiteral("Ctrl+="));
    if (!zoomInKeys.contains(controlEquals)) {
        zoomInKeys.append(controlEquals);
    }
    QAction *zoomInAction =
        add(edit, tr("Zoom &In"), QKeySequence(), [this] { m_editor->zoomIn(); });
    zoomInAction->setShortcuts(zoomInKeys);
    add(edit, tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { m_editor->zoomOut(); });
    add(edit, tr("Reset &Zoom"), QKeySequence(QStringLiteral("Ctrl+0")),
        [this] { m_editor->resetZoom(); });
    edit->addSeparator();
    QAction *settingsAction =
        add(edit, tr("&Settings…"), QKeySequence(), [this] { showSettings(); });
    settingsAction->setShortcuts(
        keysFor(QKeySequence::Preferences, QKeySequence(QStringLiteral("Ctrl+,"))));

    QMenu *grading = menuBar()->addMenu(tr("&Grading"));
    m_runAction =
        add(grading, tr("&Run Once"), QKeySequence(QStringLiteral("F5")), [this] { runOnce(); });
    m_runAction->setToolTip(tr("Build with the race detector and run once, showing the output "
                               "(F5)"));
    m_gradeAction = add(grading, tr("&Grade"), QKeySequence(QStringLiteral("Ctrl+Return")),
                        [this] { grade(); });
    m_gradeAction->setToolTip(tr("Run every check many times and score the solution "
                                 "(Ctrl+Return)"));
    m_cancelAction =
        add(grading, tr("&Cancel"), QKeySequence(QStringLiteral("Shift+F5")), [this] { cancel(); });
    grading->addSeparator();
    add(grading, tr("&Next Problem"), QKeySequence(QStringLiteral("F8")),
        [this] { m_results->selectNextProblem(); });
    add(grading, tr("&Previous Problem"), QKeySequence(QStringLiteral("Shift+F8")),
        [this] { m_results->selectPreviousProblem(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&About RaceGrade"), QKeySequence(), [this] {
        QMessageBox::about(this, tr("About RaceGrade"),
                           tr("<b>RaceGrade %1</b><p>Practise Go's sync package and its C++ "
                              "twins; every solution is graded with the race detector.</p>")
                               .arg(QStringLiteral(RACEGRADE_VERSION)));
    });

    QToolBar *toolbar = addToolBar(tr("Grading"));
    toolbar->setObjectName(QStringLiteral("gradingToolBar"));
    m_languageBox = new QComboBox(this);
    m_languageBox->addItem(tr("Go"), languageId(Language::Go));
    m_languageBox->addItem(tr("C++"), languageId(Language::Cpp));
    m_languageBox->setAccessibleName(tr("Language"));
    m_languageBox->setToolTip(tr("The language you solve this exercise in"));
    connect(m_languageBox, QOverload<int>::of(&QComboBox::activated), this, [this](int index) {
        chooseExercise(m_exerciseId, *languageFromId(m_languageBox->itemData(index).toString()));
    });
    toolbar->addWidget(new QLabel(tr(" Language: "), this));
    toolbar->addWidget(m_languageBox);
    toolbar->addSeparator();
    toolbar->addAction(m_runAction);
    toolbar->addAction(m_gradeAction);
    toolbar->addAction(m_cancelAction);
}

void MainWindow::loadExercises()
{
    m_catalog =
        ExerciseLoader::loadCatalog(m_context.exerciseRoots + m_settings.extraExerciseFolders() +
                                    ExerciseLoader::defaultRoots());
    m_picker->setExercises(m_catalog.exercises, m_settings);
    if (!m_catalog.errors.isEmpty()) {
        statusBar()->showMessage(tr("Some exercises could not be loaded: %1")
                                     .arg(m_catalog.errors.join(QStringLiteral("; "))),
                                 15000);
    }
}

const Exercise *MainWindow::currentExercise() const
{
    return m_catalog.find(m_exerciseId);
}

QString MainWindow::starterText() const
{
    const Exercise *exercise = currentExercise();
    if (!exercise) {
        return {};
    }
    QFile starter(exercise->files.value(m_language).starter);
    return starter.open(QIODevice::ReadOnly) ? QString::fromUtf8(starter.readAll()) : QString();
}

QString MainWindow::displayFileName() const
{
    return m_filePath.isEmpty() ? QStringLiteral("main.") + sourceExtension(m_language)
                                : QFileInfo(m_filePath).fileName();
}

void MainWindow::saveWorkNow()
{
    if (m_exerciseId.isEmpty() || !m_editor) {
        return;
    }
    // Text that was never changed (the starter, or work restored as it was saved) stays unsaved.
    if (m_editor->document()->isModified()) {
        m_autoSaver->schedule(m_exerciseId, m_language, m_editor->toPlainText());
    }
    m_autoSaver->flush();
}

void MainWindow::abandonJob()
{
    if (!m_job) {
        return;
    }
    // The grading read another exercise's text, so its results have no place here any more. It
    // is cancelled and left to end on its own thread; the window owns it until then, so that
    // closing the window still waits for its processes.
    GradingJob *job = m_job.release();
    disconnect(job, nullptr, this, nullptr);
    disconnect(job, nullptr, m_output, nullptr);
    job->setParent(this);
    connect(job, &GradingJob::finished, job, &QObject::deleteLater);
    job->cancel();
    m_cancelRequested = false;
    m_statusLabel->clear();
    updateActions();
    statusBar()->showMessage(
        m_jobIsGrading ? tr("The grading was cancelled: you switched to another exercise.")
                       : tr("The run was cancelled: you switched to another exercise."),
        8000);
    Q_EMIT jobFinished();
}

void MainWindow::chooseExercise(const QString &id, Language language)
{
    const Exercise *exercise = m_catalog.find(id);
    if (!exercise) {
        return;
    }
    if (!exercise->supports(language)) {
        language = exercise->languages().constFirst();
    }
    if (id == m_exerciseId && language == m_language) {
        return;
    }
    abandonJob();
    saveWorkNow();

    m_exerciseId = id;
    m_language = language;
    m_filePath.clear();
    m_settings.setLastChoice(id, language);

    QFile instructions(exercise->instructionsPath);
    if (instructions.open(QIODevice::ReadOnly)) {
        m_instructions->setMarkdown(QString::fromUtf8(instructions.readAll()));
    } else {
        m_instructions->setPlainText(
            tr("The instructions %1 cannot be read: %2")
                .arg(exercise->instructionsPath, instructions.errorString()));
    }

    m_loadingText = true;
    m_editor->setLanguage(language);
    m_editor->loadText(m_autoSaver->load(id, language).value_or(starterText()));
    m_loadingText = false;

    {
        const QSignalBlocker blocker(m_picker);
        m_picker->selectExercise(id);
    }
    m_languageBox->setCurrentIndex(m_languageBox->findData(languageId(language)));
    m_results->clear();
    m_output->clear();
    m_output->setSourceFileName(displayFileName());
    m_lastGrade = Grade();
    updateTitle();
}

void MainWindow::updateTitle()
{
    const Exercise *exercise = currentExercise();
    setWindowTitle(
        exercise ? tr("%1 (%2) — RaceGrade").arg(exercise->title, languageDisplayName(m_language))
                 : tr("RaceGrade"));
}

bool MainWindow::isBusy() const
{
    return m_job && m_job->isRunning();
}

void MainWindow::updateActions()
{
    const bool busy = isBusy();
    const bool ready = currentExercise() != nullptr;
    m_runAction->setEnabled(!busy && ready);
    m_gradeAction->setEnabled(!busy && ready);
    m_cancelAction->setEnabled(busy);
    m_cancelButton->setVisible(busy);
    m_progress->setVisible(busy);
}

void MainWindow::grade()
{
    startJob(true);
}

void MainWindow::runOnce()
{
    startJob(false);
}

void MainWindow::cancel()
{
    if (isBusy()) {
        m_cancelRequested = true;
        m_job->cancel();
        m_statusLabel->setText(tr("Cancelling…"));
    }
}

void MainWindow::startJob(bool fullGrading)
{
    const Exercise *exercise = currentExercise();
    if (isBusy() || !exercise) {
        return;
    }
    saveWorkNow();
    m_editor->clearMarks();
    // Marks and places of the grade are lines of this text; the student may edit on meanwhile.
    m_editor->trackLines();
    m_cancelRequested = false;

    GradeRequest request;
    request.mode = fullGrading ? GradeMode::Full : GradeMode::SingleRun;
    request.exercise = *exercise;
    request.language = m_language;
    request.source = m_editor->toPlainText().toUtf8();
    request.displayPath = displayFileName();
    request.options.runs = m_settings.runsPerGrading();
    request.options.runSeconds = m_settings.timeLimitSeconds();
    request.options.cppCompiler = m_settings.cppCompiler();
    request.options.sandbox =
        m_settings.sandboxDisabled() ? SandboxMode::Off : SandboxMode::Required;
    updateSandboxLabel();

    m_jobIsGrading = fullGrading;
    m_job = std::make_unique<GradingJob>(request);
    m_results->showMessage(fullGrading ? tr("Grading… the program is built, then run %1 times "
                                            "with the race detector.")
                                             .arg(request.options.runs)
                                       : tr("Building and running once…"));
    m_output->clear();
    m_output->setSourceFileName(request.displayPath);
    if (!fullGrading) {
        m_bottomTabs->setCurrentWidget(m_output);
    }
    m_progress->setRange(0, 0);
    m_statusLabel->setText(tr("Building…"));

    connect(m_job.get(), &GradingJob::progressChanged, this,
            [this](int done, int total, const QString &stage) {
                m_progress->setRange(0, qMax(1, total));
                m_progress->setValue(done);
                m_progress->setFormat(stage == u"running" ? tr("runs %v of %m") : tr("%v of %m"));
                m_statusLabel->setText(stage == u"building"  ? tr("Building…")
                                       : stage == u"running" ? tr("Running…")
                                                             : tr("Checking…"));
            });
    connect(m_job.get(), &GradingJob::outputReceived, m_output, &OutputView::appendOutput);
    connect(m_job.get(), &GradingJob::finished, this, [this] { jobDone(m_jobIsGrading); });
    m_job->start();
    updateActions();
}

void MainWindow::jobDone(bool fullGrading)
{
    const Grade grade = m_job->grade();
    m_job.release()->deleteLater();
    m_lastGrade = grade;
    m_statusLabel->clear();
    updateActions();

    // A grading that ended before the cancel took hold is shown like any other.
    const bool cancelled = m_cancelRequested && grade.verdict == Verdict::Error;
    m_cancelRequested = false;
    if (cancelled) {
        // What the programs printed so far stays: it may be why the student cancelled.
        m_results->showCancelled(grade);
        m_output->appendStatus(fullGrading ? tr("Grading cancelled.") : tr("Run cancelled."));
        statusBar()->showMessage(fullGrading ? tr("Grading cancelled.") : tr("Run cancelled."),
                                 8000);
        Q_EMIT jobFinished();
        return;
    }

    m_results->setGrade(grade);
    if (fullGrading) {
        m_output->setGrade(grade);
    } else if (!grade.logs.isEmpty()) {
        m_output->appendStatus(grade.logs.constFirst().label);
    } else if (grade.verdict == Verdict::Error) {
        m_output->appendStatus(grade.errorMessage);
    } else if (!grade.compile.ok) {
        m_output->appendOutput(grade.compile.output, true);
    }
    showMarks(grade);
    if (offerToGoOnUnsandboxed(grade)) {
        startJob(fullGrading);
        return;
    }

    if (grade.verdict == Verdict::Error) {
        statusBar()->showMessage(tr("Could not grade: %1").arg(grade.errorMessage), 15000);
    } else if (fullGrading) {
        m_settings.recordGrade(grade.exercise, grade.language, grade.score, grade.maxScore,
                               grade.verdict == Verdict::Pass);
        m_picker->refreshStatus(m_settings);
        statusBar()->showMessage(
            grade.verdict == Verdict::Pass
                ? tr("Every check passed: %1 of %2 points.").arg(grade.score).arg(grade.maxScore)
                : tr("%1 of %2 points. Select an entry in the results to "
                     "jump to its line (F8: next problem).")
                      .arg(grade.score)
                      .arg(grade.maxScore),
            15000);
        m_bottomTabs->setCurrentWidget(m_results);
    }
    Q_EMIT jobFinished();
}

void MainWindow::showMarks(const Grade &grade)
{
    // The grade's lines are those of the text when the grading started; a mark goes where that
    // line is now, and not at all when the student deleted the line meanwhile.
    QVector<LineMark> marks;
    for (LineMark mark : GradeMarks::forGrade(grade)) {
        mark.line = m_editor->trackedLine(mark.line);
        if (mark.line > 0) {
            marks.append(mark);
        }
    }
    m_editor->setMarks(marks);
}

bool MainWindow::openFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Cannot open file"),
                             tr("%1 cannot be read: %2. Your work in the editor is unchanged.")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.contains('\0')) {
        QMessageBox::warning(this, tr("Cannot open file"),
                             tr("%1 is not a text file. Your work in the editor is unchanged.")
                                 .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (const std::optional<Language> language = languageFromFileName(path);
        language && *language != m_language) {
        chooseExercise(m_exerciseId, *language);
    }
    m_editor->replaceAllText(QString::fromUtf8(bytes));
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_output->setSourceFileName(displayFileName());
    statusBar()->showMessage(tr("Opened %1 (Undo brings back what was there)").arg(path), 8000);
    return true;
}

void MainWindow::openFileDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open a Solution"), QString(),
                                     tr("Go and C++ files (*.go *.cpp *.cc *.cxx);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

void MainWindow::save()
{
    if (m_filePath.isEmpty()) {
        saveAsDialog();
    } else {
        saveFile(m_filePath);
    }
}

void MainWindow::saveAsDialog()
{
    const QString suggested = m_filePath.isEmpty() ? displayFileName() : m_filePath;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the Solution As"), suggested);
    if (!path.isEmpty()) {
        saveFile(path);
    }
}

bool MainWindow::saveFile(const QString &path)
{
    QSaveFile file(path);
    const QByteArray bytes = m_editor->toPlainText().toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Cannot save file"),
                             tr("%1 cannot be written: %2. Your work is still in the editor and "
                                "in RaceGrade's own autosave.")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_output->setSourceFileName(displayFileName());
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

void MainWindow::resetToStarter()
{
    m_editor->replaceAllText(starterText());
    statusBar()->showMessage(tr("Starter code restored (Undo brings your code back)"), 8000);
}

void MainWindow::addExerciseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add an Exercise Folder"));
    if (folder.isEmpty()) {
        return;
    }
    QStringList folders = m_settings.extraExerciseFolders();
    if (!folders.contains(folder)) {
        folders.append(folder);
        m_settings.setExtraExerciseFolders(folders);
    }
    loadExercises();
}

#ifdef RACEGRADE_HAVE_CLASS_VIEW
void MainWindow::openClassWindow()
{
    // A window of its own, so that a TA can try a file in the student's window beside it.
    auto *window = new ClassWindow(m_context);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->openClassDialog();
}
#endif

void MainWindow::goToLineDialog()
{
    bool ok = false;
    const int line = QInputDialog::getInt(this, tr("Go to Line"), tr("Line:"),
                                          m_editor->textCursor().blockNumber() + 1, 1,
                                          m_editor->blockCount(), 1, &ok);
    if (ok) {
        m_editor->goToLine(line);
    }
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted) {
        applyEditorSettings();
    }
}

void MainWindow::applyEditorSettings()
{
    m_editor->setEditorFont(m_settings.editorFont());
    m_editor->setThemeName(m_settings.themeName());
    updateSandboxLabel();
}

void MainWindow::checkSandbox()
{
    // The check starts a program in the sandbox; it runs once, off the UI thread.
    m_sandboxLabel->setText(tr("Checking the sandbox…"));
    QThread *probe = QThread::create([] { Sandbox::status(); });
    connect(probe, &QThread::finished, this, [this] {
        m_sandboxChecked = true;
        updateSandboxLabel();
    });
    connect(probe, &QThread::finished, probe, &QObject::deleteLater);
    probe->start();
}

void MainWindow::updateSandboxLabel()
{
    if (!m_sandboxChecked) {
        return;
    }
    const SandboxStatus &status = Sandbox::status();
    const bool disabled = m_settings.sandboxDisabled();
    if (disabled) {
        m_sandboxLabel->setText(tr("⚠ Not sandboxed"));
    } else if (status.available) {
        m_sandboxLabel->setText(tr("Sandboxed"));
    } else {
        m_sandboxLabel->setText(tr("⚠ No sandbox"));
    }
    m_sandboxLabel->setToolTip(status.summary(!disabled));
    m_sandboxLabel->setAccessibleDescription(status.summary(!disabled));
}

bool MainWindow::offerToGoOnUnsandboxed(const Grade &grade)
{
    if (grade.verdict != Verdict::Error || m_settings.sandboxDisabled() || !m_sandboxChecked ||
        Sandbox::status().available) {
        return false;
    }
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("No sandbox on this machine"),
        tr("RaceGrade cannot isolate programs here: %1.\n\nWithout the sandbox your code runs "
           "with your own permissions: it can read and change your files and use the "
           "network. Go on without the sandbox? (Settings can turn it back on.)")
            .arg(Sandbox::status().problem),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes) {
        return false;
    }
    m_settings.setSandboxDisabled(true);
    m_settings.sync();
    updateSandboxLabel();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isBusy()) {
        m_job->cancel();
    }
    saveWorkNow();
    m_settings.setWindowLayout(saveGeometry(), saveState());
    m_settings.sync();
    event->accept();
}

} // namespace RaceGrade
