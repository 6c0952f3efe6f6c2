#pragma once

#include "exerciseloader.h"
#include "grade.h"
#include "settings.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace RaceGrade {

class AutoSaver;
class CodeEditor;
class ExercisePicker;
class FindReplaceBar;
class GradingJob;
class OutputView;
class ResultsView;

/// Where the window keeps its state; tests and portable installs point it elsewhere.
struct AppContext
{
    QString settingsFile;      ///< empty: the platform's settings location
    QString dataDirectory;     ///< where autosaved work lives; empty: the user's data folder
    QStringList exerciseRoots; ///< searched before the default exercise pack
};

/// The student's window: exercise picker and instructions, the editor, Run and Grade, results
/// and output. Grading runs off the UI thread; marks for races and compile errors land in the
/// editor when it ends.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const AppContext &context = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Shows an exercise in a language: the autosaved work if there is some, else the starter.
    void chooseExercise(const QString &id, Language language);
    QString currentExerciseId() const { return m_exerciseId; }
    Language currentLanguage() const { return m_language; }

    /// Loads a file into the editor (undoably). Returns false and tells the user when it fails.
    bool openFile(const QString &path);
    /// Writes the editor's text to @p path, which becomes the file that Save writes. Returns
    /// false and tells the user when it fails.
    bool saveFile(const QString &path);
    /// The file the work was last opened from or saved to; empty if none.
    QString filePath() const { return m_filePath; }

    CodeEditor *editor() const { return m_editor; }
    ResultsView *results() const { return m_results; }
    OutputView *output() const { return m_output; }
    QProgressBar *progressBar() const { return m_progress; }
    /// Says in the status bar what a running grading does ("Building…", "Cancelling…").
    QLabel *jobStatusLabel() const { return m_statusLabel; }
    /// Says in the status bar whether student code runs sandboxed.
    QLabel *sandboxLabel() const { return m_sandboxLabel; }
    Settings &settings() { return m_settings; }
    bool isBusy() const;
    const Grade &lastGrade() const { return m_lastGrade; }

public Q_SLOTS:
    void grade();
    void runOnce();
    void cancel();

Q_SIGNALS:
    /// A grading or a single run ended (also when it was cancelled or could not start).
    void jobFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createLayout();
    void loadExercises();
    void startJob(bool fullGrading);
    void jobDone(bool fullGrading);
    void showMarks(const Grade &grade);
    void updateTitle();
    void updateActions();
    void saveWorkNow();
    void abandonJob();
    void openFileDialog();
    void save();
    void saveAsDialog();
    void resetToStarter();
    void addExerciseFolder();
#ifdef RACEGRADE_HAVE_CLASS_VIEW
    void openClassWindow();
#endif
    void goToLineDialog();
    void showSettings();
    void applyEditorSettings();
    void checkSandbox();
    void updateSandboxLabel();
    bool offerToGoOnUnsandboxed(const Grade &grade);
    QString starterText() const;
    QString displayFileName() const;
    const Exercise *currentExercise() const;

    AppContext m_context;
    Settings m_settings;
    std::unique_ptr<AutoSaver> m_autoSaver;
    ExerciseCatalog m_catalog;
    QString m_exerciseId;
    Language m_language = Language::Go;
    QString m_filePath; ///< the file the student opened or saved; empty if none
    bool m_loadingText = false;
    std::unique_ptr<GradingJob> m_job;
    bool m_jobIsGrading = false;
    bool m_cancelRequested = false;
    Grade m_lastGrade;

    ExercisePicker *m_picker = nullptr;
    QTextBrowser *m_instructions = nullptr;
    CodeEditor *m_editor = nullptr;
    FindReplaceBar *m_findBar = nullptr;
    ResultsView *m_results = nullptr;
    OutputView *m_output = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    QComboBox *m_languageBox = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_sandboxLabel = nullptr;
    bool m_sandboxChecked = false;
    QPushButton *m_cancelButton = nullptr;

    QAction *m_runAction = nullptr;
    QAction *m_gradeAction = nullptr;
    QAction *m_cancelAction = nullptr;
};

} // namespace RaceGrade
