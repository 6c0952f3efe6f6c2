#include "batchgrader.h"

#include "grader.h"
#include "gradingsession.h"
#include "idlecoremeter.h"
#include "logging.h"
#include "runslots.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QThread>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace RaceGrade {

namespace {

// How often the batch's own thread looks at pause and cancel while gradings run.
constexpr std::chrono::milliseconds controlPollInterval{100};

// Most runs sleep or wait rather than compute (RunSlots lends their slots), so many may be alive
// at once; they are bounded by the memory each may use and the memory the machine has free.
int processCapFor(int cores, int memoryMiBPerRun)
{
    constexpr int mostPerCore = 16;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    qint64 availableKiB = 0;
    if (meminfo.open(QIODevice::ReadOnly)) {
        const QByteArray key = "MemAvailable:";
        for (const QByteArray &line : meminfo.readAll().split('\n')) {
            if (line.startsWith(key)) {
                availableKiB = line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
            }
        }
    }
    const qint64 byMemory = availableKiB / (qint64(qMax(1, memoryMiBPerRun)) * 1024);
    return int(qBound(qint64(cores) * 2, byMemory, qint64(cores) * mostPerCore));
}

QString recordId(const QString &studentKey, const QString &exercise)
{
    return studentKey + u'\x1f' + exercise;
}

/// Submissions with the same key get the same grade: same exercise, language and bytes.
QString gradingKey(const SubmissionRecord &record)
{
    return record.exercise + u'|' + languageId(record.language) + u'|' +
           QString::fromLatin1(record.contentHash);
}

/// How reports name a submission's file: its own name, as the student chose it.
QString displayPathOf(const SubmissionRecord &record)
{
    const QString name = QFileInfo(record.sourcePath).fileName();
    return name.isEmpty() ? QStringLiteral("main.") + sourceExtension(record.language) : name;
}

/// A grade made for one file, moved onto an identical file of another name.
Grade retargeted(Grade grade, const QString &from, const QString &to)
{
    if (from == to) {
        return grade;
    }
    const auto retarget = [&](QString &file) {
        if (file == from) {
            file = to;
        }
    };
    retarget(grade.sourceFile);
    for (Diagnostic &diagnostic : grade.compile.diagnostics) {
        retarget(diagnostic.file);
    }
    for (RaceFinding &race : grade.races) {
        for (RaceAccessSite &site : race.accesses) {
            retarget(site.file);
        }
    }
    for (Problem &problem : grade.problems) {
        retarget(problem.file);
    }
    return grade;
}

/// Submissions that are graded together: the first one is built and run, the others share the
/// grade because their bytes are the same.
struct GradingTask
{
    QString key;
    QVector<int> members; ///< indices into the batch's pending records
};

struct FinishedTask
{
    int task = 0;
    Grade grade;
};

class BatchRun
{
public:
    BatchRun(const QVector<SubmissionRecord> &submissions, const ExerciseCatalog &catalog,
             GradingSession &session, const BatchOptions &options,
             const BatchGrader::ProgressCallback &progress, BatchControl *control)
        : m_submissions(submissions)
        , m_catalog(catalog)
        , m_session(session)
        , m_options(options)
        , m_progressCallback(progress)
        , m_control(control)
    {}

    BatchSummary run();

private:
    bool isCancelled() const { return m_control && m_control->cancelled.load(); }
    void prepare();
    void gradeTasks();
    void workerLoop();
    Grade gradeOne(const SubmissionRecord &record, int slot);
    void store(const FinishedTask &finished);
    void save(const SubmissionRecord &record);
    void report(const QString &lastKey = {}, const QString &lastExercise = {});

    const QVector<SubmissionRecord> &m_submissions;
    const ExerciseCatalog &m_catalog;
    GradingSession &m_session;
    const BatchOptions &m_options;
    const BatchGrader::ProgressCallback &m_progressCallback;
    BatchControl *m_control;

    QElapsedTimer m_clock;
    BatchSummary m_summary;
    BatchProgress m_progress;
    QVector<SubmissionRecord> m_pending;
    QVector<GradingTask> m_tasks;
    std::shared_ptr<RunSlots> m_slots;
    std::atomic_bool m_cancelFlag{false};

    // Shared between the batch's thread and the grading threads.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_nextTask = 0;
    int m_workersLeft = 0;
    std::deque<FinishedTask> m_finished;
    QVector<QPair<int, int>> m_runsBySlot; ///< runs done and planned of each grading thread
    QStringList m_current;                 ///< what each grading thread works on
    int m_tasksGraded = 0;
};

void BatchRun::report(const QString &lastKey, const QString &lastExercise)
{
    if (!m_progressCallback) {
        return;
    }
    BatchProgress progress = m_progress;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        for (const QPair<int, int> &runs : std::as_const(m_runsBySlot)) {
            progress.runsDone += runs.first;
            progress.runsTotal += runs.second;
        }
        QStringList current = m_current;
        current.removeAll(QString());
        progress.current = current.join(QStringLiteral(", "));
        const int tasksLeft = int(m_tasks.size()) - m_tasksGraded;
        if (m_tasksGraded > 0) {
            progress.secondsLeft = m_clock.elapsed() / 1000.0 * tasksLeft / m_tasksGraded;
        }
    }
    if (m_slots) {
        progress.running = m_slots->inUse();
        progress.paused = m_slots->isPaused();
    }
    progress.lastStudentKey = lastKey;
    progress.lastExercise = lastExercise;
    m_progressCallback(progress);
}

void BatchRun::save(const SubmissionRecord &record)
{
    const QString problem = m_session.saveRecord(record);
    if (!problem.isEmpty()) {
        qCWarning(lcSession).noquote() << problem;
        m_summary.errors.append(problem);
    }
}

void BatchRun::prepare()
{
    QHash<QString, SubmissionRecord> stored;
    QHash<QString, SubmissionRecord> storedByGradingKey;
    for (const SubmissionRecord &record : m_session.records()) {
        stored.insert(recordId(record.studentKey, record.exercise), record);
        if (record.graded) {
            storedByGradingKey.insert(gradingKey(record), record);
        }
    }

    QVector<SubmissionRecord> stubs;
    QHash<QString, int> taskByKey;
    for (const SubmissionRecord &submission : m_submissions) {
        if (!BatchGrader::inShard(submission.studentKey, m_options.shardIndex,
                                  m_options.shardCount)) {
            continue;
        }
        ++m_progress.total;
        SubmissionRecord record = submission;
        const auto previous = stored.constFind(recordId(record.studentKey, record.exercise));
        const bool sameBytes = previous != stored.constEnd() &&
                               previous->contentHash == record.contentHash && previous->graded;
        if (!m_options.regradeUnchanged) {
            // The stored grade of these bytes, this student's own or another's identical file.
            const SubmissionRecord *source = sameBytes ? &*previous : nullptr;
            const auto identical = storedByGradingKey.constFind(gradingKey(record));
            if (!source && identical != storedByGradingKey.constEnd()) {
                source = &*identical;
            }
            if (source) {
                record.graded = true;
                record.grade =
                    retargeted(source->grade, source->grade.sourceFile, displayPathOf(record));
                record.gradedAt = source->gradedAt;
                record.identicalTo =
                    previous != stored.constEnd() ? previous->identicalTo : QStringList();
                if (previous == stored.constEnd() || !(*previous == record)) {
                    stubs.append(record);
                }
                ++m_progress.done;
                ++m_progress.reused;
                m_progress.failed += record.grade.verdict == Verdict::Pass ? 0 : 1;
                ++m_summary.reused;
                m_summary.failed += record.grade.verdict == Verdict::Pass ? 0 : 1;
                continue;
            }
        }
        if (!sameBytes) {
            // The session lists the submission at once; its grade comes when it is graded.
            SubmissionRecord stub = record;
            stub.graded = false;
            stub.grade = Grade();
            stub.gradedAt = QDateTime();
            stubs.append(stub);
        }
        const QString key = gradingKey(record);
        auto task = taskByKey.find(key);
        if (task == taskByKey.end()) {
            task = taskByKey.insert(key, int(m_tasks.size()));
            m_tasks.append(GradingTask{key, {}});
        }
        m_tasks[*task].members.append(int(m_pending.size()));
        m_pending.append(record);
    }
    const QString problem = m_session.saveRecords(stubs);
    if (!problem.isEmpty()) {
        m_summary.errors.append(problem);
    }
}

Grade BatchRun::gradeOne(const SubmissionRecord &record, int slot)
{
    const Exercise *exercise = m_catalog.find(record.exercise);
    if (!exercise) {
        Grade grade;
        grade.exercise = record.exercise;
        grade.language = record.language;
        grade.sourceFile = displayPathOf(record);
        grade.errorMessage =
            QStringLiteral("no exercise \"%1\" is loaded; add its folder with --exercises")
                .arg(record.exercise);
        return grade;
    }
    GradeRequest request;
    request.exercise = *exercise;
    request.language = record.language;
    request.source = record.source;
    request.displayPath = displayPathOf(record);
    request.options = m_options.grade;
    request.options.slots = m_slots;
    request.options.jobs = m_slots->count();
    const auto progress = [this, slot](const GradeProgress &step) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (step.stage == u"running") {
            m_runsBySlot[slot] = {step.done, step.total};
        }
    };
    return Grader::grade(request, progress, &m_cancelFlag);
}

void BatchRun::workerLoop()
{
    int slot = 0;
    for (;;) {
        int taskIndex = 0;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (m_nextTask >= m_tasks.size() || m_cancelFlag) {
                --m_workersLeft;
                m_changed.notify_all();
                return;
            }
            taskIndex = m_nextTask++;
            slot = m_current.indexOf(QString());
            if (slot < 0) {
                slot = int(m_current.size());
                m_current.append(QString());
                m_runsBySlot.append({0, 0});
            }
            const SubmissionRecord &first = m_pending.at(m_tasks.at(taskIndex).members.first());
            m_current[slot] = first.studentName + QStringLiteral(" / ") + first.exercise;
        }
        const GradingTask &task = m_tasks.at(taskIndex);
        Grade grade = gradeOne(m_pending.at(task.members.first()), slot);
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_current[slot].clear();
            m_runsBySlot[slot] = {0, 0};
            m_finished.push_back(FinishedTask{taskIndex, std::move(grade)});
        }
        m_changed.notify_all();
    }
}

void BatchRun::store(const FinishedTask &finished)
{
    const GradingTask &task = m_tasks.at(finished.task);
    const SubmissionRecord &first = m_pending.at(task.members.first());
    const bool cancelled = finished.grade.verdict == Verdict::Error && m_cancelFlag;
    if (cancelled) {
        m_summary.remaining += int(task.members.size());
        return;
    }
    ++m_summary.graded;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int member : task.members) {
        SubmissionRecord record = m_pending.at(member);
        record.grade = retargeted(finished.grade, displayPathOf(first), displayPathOf(record));
        // An error is the grading's fault, not the submission's: the next batch tries again.
        record.graded = finished.grade.verdict != Verdict::Error;
        record.gradedAt = now;
        save(record);
        ++m_progress.done;
        const bool failed = record.grade.verdict != Verdict::Pass;
        m_progress.failed += failed ? 1 : 0;
        m_summary.failed += failed ? 1 : 0;
        if (member != task.members.first()) {
            ++m_progress.reused;
            ++m_summary.reused;
        }
        if (finished.grade.verdict == Verdict::Error) {
            m_summary.errors.append(
                QStringLiteral("%1 / %2: %3")
                    .arg(record.sourcePath, record.exercise, finished.grade.errorMessage));
        }
        report(record.studentKey, record.exercise);
    }
}

void BatchRun::gradeTasks()
{
    if (m_tasks.isEmpty()) {
        return;
    }
    const bool jobsGiven = m_options.jobs > 0;
    const int cores = jobsGiven ? m_options.jobs : qMax(1, QThread::idealThreadCount());
    const int memoryPerRun =
        m_options.grade.memoryMiB > 0 ? m_options.grade.memoryMiB : ExerciseLimits().runMemoryMiB;
    // With one slot per core, cores left idle by sleeping runs go to more runs. A number of jobs
    // given by the user is a bound: nothing starts beyond it.
    RunSlots::IdleCores idleCores;
    if (!jobsGiven) {
        // The slots ask the meter under their own lock, so it needs none of its own.
        auto meter = std::make_shared<IdleCoreMeter>();
        idleCores = [meter] { return meter->idleCoresSinceLastAnswer(); };
    }
    m_slots =
        std::make_shared<RunSlots>(cores, std::move(idleCores), processCapFor(cores, memoryPerRun));
    // One grading more than there are cores, so that a grading that waits on its build or on a
    // slow run never leaves a core idle.
    const int parallel = m_options.parallelGradings > 0 ? m_options.parallelGradings : cores + 1;
    const int workers = qMin(parallel, int(m_tasks.size()));
    m_workersLeft = workers;
    std::vector<std::thread> threads;
    for (int i = 0; i < workers; ++i) {
        threads.emplace_back([this] { workerLoop(); });
    }

    for (;;) {
        std::deque<FinishedTask> finished;
        bool workersDone = false;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait_for(lock, controlPollInterval,
                               [this] { return !m_finished.empty() || m_workersLeft == 0; });
            finished.swap(m_finished);
            m_tasksGraded += int(finished.size());
            workersDone = m_workersLeft == 0;
        }
        if (m_control) {
            m_slots->setPaused(m_control->paused.load());
            if (m_control->cancelled.load()) {
                m_cancelFlag = true;
            }
        }
        // Saving happens here, on the session's thread, while the gradings go on.
        for (const FinishedTask &task : finished) {
            store(task);
        }
        if (finished.empty()) {
            report();
        }
        if (workersDone && finished.empty()) {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_finished.empty()) {
                break;
            }
        }
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
    for (int task = m_nextTask; task < m_tasks.size(); ++task) {
        m_summary.remaining += int(m_tasks.at(task).members.size());
    }
}

BatchSummary BatchRun::run()
{
    m_clock.start();
    prepare();
    report();
    gradeTasks();
    const QString problem = m_session.refreshIdenticalFlags();
    if (!problem.isEmpty()) {
        m_summary.errors.append(problem);
    }
    m_summary.seconds = m_clock.elapsed() / 1000.0;
    qCDebug(lcSession).noquote() << "batch:" << m_summary.graded << "graded," << m_summary.reused
                                 << "reused," << m_summary.remaining << "left, in"
                                 << m_summary.seconds << "s";
    return m_summary;
}

} // namespace

BatchSummary BatchGrader::run(const QVector<SubmissionRecord> &submissions,
                              const ExerciseCatalog &catalog, GradingSession &session,
                              const BatchOptions &options, const ProgressCallback &progress,
                              BatchControl *control)
{
    return BatchRun(submissions, catalog, session, options, progress, control).run();
}

bool BatchGrader::inShard(const QString &studentKey, int index, int count)
{
    if (count <= 1) {
        return true;
    }
    const QByteArray digest =
        QCryptographicHash::hash(studentKey.toUtf8(), QCryptographicHash::Sha256);
    quint32 value = 0;
    for (int i = 0; i < 4; ++i) {
        value = (value << 8) | quint8(digest.at(i));
    }
    return int(value % quint32(count)) == index;
}

} // namespace RaceGrade
