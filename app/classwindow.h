#pragma once

#include "classplan.h"
#include "exerciseloader.h"
#include "mainwindow.h"
#include "reportexporter.h"
#include "settings.h"
#include "submissionrecord.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTemporaryDir;
class QThread;

namespace RaceGrade {

class BatchJob;
class ClassChartsView;
class ClassFilterProxy;
class ClassPlanModel;
class ClassPlanView;
class ClassResultsView;
class ClassTableModel;
class ExportMenu;
class GradingPanel;
class GradingSession;
class SessionReader;
class SubmissionView;
struct BatchOptions;
struct BatchProgress;

/// The teaching assistant's window: a class folder and its grading session. Shows the plan
/// (layout, students, files and the exercise each is for, with corrections), grades the class
/// in the background with progress, pause and cancel, and reviews it: the class table with
/// filters, each submission in the student app's editor and results, score overrides, charts
/// and every export.
///
/// The session file is read and written on the window's thread only a record at a time; whole
/// reads happen on a SessionReader's thread, so the window never waits for a large class.
class ClassWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit ClassWindow(const AppContext &context = {}, QWidget *parent = nullptr);
    ~ClassWindow() override;

    /// `<class folder>.racegrade`, beside the folder.
    static QString defaultSessionPath(const QString &classDir);

    /// Opens a class folder with its session (the default one when `sessionPath` is empty) and
    /// starts reading the folder; planReady() follows. Returns false, saying why in the window,
    /// when the folder or the session cannot be opened.
    bool openClass(const QString &classDir, const QString &sessionPath = {});
    /// Opens a session file; its class folder (kept in the session) is read when it still
    /// exists, else the session is shown as it is.
    bool openSession(const QString &sessionPath);
    /// Reads a roster CSV into the session; the table then lists everyone on it.
    bool loadRoster(const QString &csvPath);
    /// The TA's correction of the plan: the file is for `exercise` (empty: set aside). Kept in
    /// the session's "assignments" setting so that later batches map the class the same way.
    bool assignFile(const QString &relativePath, const QString &exercise);

    /// Grades every submission of the plan; unchanged ones keep their stored grade.
    void gradeClass();
    /// Grades every submission again.
    void regradeAll();
    /// Grades one student's submissions again.
    void regradeStudent(const QString &studentKey);
    /// Grades every student's submission for one exercise again.
    void regradeExercise(const QString &exercise);
    void setPaused(bool paused);
    void cancelGrading();
    bool isGrading() const;
    bool isPlanning() const { return m_planning; }

    /// Sets (or with nullopt removes) a TA's score; returns an error naming the session, or empty.
    QString setOverride(const QString &studentKey, const QString &exercise,
                        const std::optional<ScoreOverride> &override);
    /// Writes one export of the session; returns the problems, each naming its file.
    QStringList exportTo(const ExportRequest &request);
    /// Selects the cell of a submission in the table and shows it.
    bool selectSubmission(const QString &studentKey, const QString &exercise);

    QString classDir() const { return m_classDir; }
    QString sessionPath() const;
    GradingSession *session() const { return m_session.get(); }
    const ClassPlan &plan() const;
    const ExerciseCatalog &catalog() const { return m_catalog; }
    ClassPlanModel *planModel() const { return m_planModel; }
    ClassPlanView *planView() const { return m_planView; }
    ClassTableModel *tableModel() const { return m_tableModel; }
    ClassFilterProxy *filterProxy() const { return m_proxy; }
    QTableView *tableView() const { return m_tableView; }
    QComboBox *filterBox() const { return m_filterBox; }
    QLineEdit *searchEdit() const { return m_search; }
    SubmissionView *submissionView() const { return m_submissionView; }
    GradingPanel *gradingPanel() const { return m_panel; }
    ClassChartsView *chartsView() const { return m_charts; }
    QTabWidget *tabs() const { return m_tabs; }
    /// The message bar above the tabs; it names files in errors.
    QLabel *messageLabel() const { return m_message; }

public Q_SLOTS:
    void openClassDialog();
    void openSessionDialog();

Q_SIGNALS:
    /// The class folder was read (or could not be) and the plan is shown.
    void planReady();
    /// A batch ended (finished, cancelled or failed).
    void gradingFinished();
    /// The table was filled again from the whole session.
    void tableReloaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createLayout();
    void createActions();
    void updateActions();
    void updateTitle();
    void showError(const QString &message);
    void showInfo(const QString &message);

    bool openSessionFile(const QString &sessionPath);
    void startPlanning();
    void planDone(const ClassPlan &plan);
    void applyStoredAssignments(ClassPlan &plan);
    void storeAssignment(const QString &relativePath, const QString &exercise);
    void dropStaleRecord(const QString &relativePath, const QString &exercise);

    QVector<SubmissionRecord> submissionsToGrade(const QString &studentKey,
                                                 const QString &exercise) const;
    void startBatch(const QVector<SubmissionRecord> &submissions, bool regrade);
    void storeSessionSettings(const BatchOptions &options);
    void onProgress(const BatchProgress &progress);
    void onRecordSaved(const QString &studentKey, const QString &exercise);
    void onBatchFinished();

    void reloadTable();
    void onSessionRead(const QVector<SubmissionRecord> &records, const QVector<RosterEntry> &roster,
                       const QString &error);
    void refreshRecord(const QString &studentKey, const QString &exercise);
    void refreshCharts();

    void showCurrentCell();
    void showCellMenu(const QPoint &position);
    void overrideCurrent();
    void removeCurrentOverride();
    QModelIndex currentSourceIndex() const;
    QString exerciseTitle(const QString &exercise) const;

    AppContext m_context;
    Settings m_settings;
    ExerciseCatalog m_catalog;
    QString m_classDir;
    std::shared_ptr<GradingSession> m_session;
    std::shared_ptr<QTemporaryDir> m_scratch; ///< where the plan's archives were unpacked
    bool m_planning = false;
    int m_planGeneration = 0;
    QList<QPointer<QThread>> m_planThreads;
    bool m_gradeWhenPlanned = false;
    std::unique_ptr<BatchJob> m_job;
    bool m_tableStale = false;       ///< a whole read is due at the batch's first step
    QSet<QString> m_savedDuringRead; ///< "key\x1fexercise" saved while a whole read ran
    bool m_chartsStale = true;

    ClassPlanModel *m_planModel = nullptr;
    ClassTableModel *m_tableModel = nullptr;
    ClassFilterProxy *m_proxy = nullptr;
    SessionReader *m_reader = nullptr;

    QLabel *m_message = nullptr;
    QLabel *m_classLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    ClassPlanView *m_planView = nullptr;
    QComboBox *m_filterBox = nullptr;
    QLineEdit *m_search = nullptr;
    ClassResultsView *m_resultsView = nullptr;
    QTableView *m_tableView = nullptr;
    SubmissionView *m_submissionView = nullptr;
    ClassChartsView *m_charts = nullptr;
    GradingPanel *m_panel = nullptr;

    QAction *m_gradeAction = nullptr;
    QAction *m_regradeAllAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_overrideAction = nullptr;
    QAction *m_removeOverrideAction = nullptr;
    QAction *m_rosterAction = nullptr;
    ExportMenu *m_exportMenu = nullptr;
};

} // namespace RaceGrade
