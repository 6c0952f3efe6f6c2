#include "grader.h"

#include "checkevaluator.h"
#include "logging.h"
#include "mistakeclassifier.h"
#include "problemcollector.h"
#include "racemerger.h"
#include "runslots.h"
#include "sandbox.h"
#include "sourceinspector.h"
#include "sourcemapper.h"
#include "toolchain.h"
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <mutex>
#include <thread>

namespace RaceGrade {

namespace {

// After this many runs of one binary that all hit the time limit, with none finishing, the
// remaining runs of that binary are skipped: each would only wait out the limit again.
constexpr int timeoutsBeforeGivingUp = 3;
constexpr int logTextLimit = 32 * 1024;
constexpr qint64 mebibyte = 1024 * 1024;
// Builds run trusted compilers; the bound only stops a runaway (a compiler fed /dev/zero).
constexpr int buildTaskLimit = 2048;
constexpr int maxLogs = 6;

// Runs work(i) for i in [0, count) on up to `jobs` threads.
void runParallel(int jobs, int count, const std::function<void(int)> &work)
{
    std::atomic_int next{0};
    const auto worker = [&] {
        for (int i = next++; i < count; i = next++) {
            work(i);
        }
    };
    std::vector<std::thread> threads;
    const int threadCount = qMin(jobs, count);
    for (int t = 1; t < threadCount; ++t) {
        threads.emplace_back(worker);
    }
    worker();
    for (std::thread &thread : threads) {
        thread.join();
    }
}

bool isElfBinary(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArray("\x7f"
                                                                        "ELF");
}

struct PlannedRun
{
    BinaryKind binary;
    int index;
};

QVector<PlannedRun> planRuns(int programRuns, int plainRuns, int harnessRuns)
{
    // Harness runs last longest, so they start first; program runs of both builds alternate so
    // that an early stop after repeated timeouts comes as soon as possible.
    QVector<PlannedRun> plan;
    for (int i = 0; i < harnessRuns; ++i) {
        plan.append({BinaryKind::Harness, i});
    }
    for (int i = 0; i < qMax(programRuns, plainRuns); ++i) {
        if (i < programRuns) {
            plan.append({BinaryKind::Program, i});
        }
        if (i < plainRuns) {
            plan.append({BinaryKind::PlainProgram, i});
        }
    }
    return plan;
}

QString capped(const QString &text)
{
    return text.size() <= logTextLimit
               ? text
               : text.left(logTextLimit) + Grader::tr("\n[... cut: the rest is not kept]");
}

QString runLabel(const RunRecord &run)
{
    QString ending;
    switch (run.result.outcome) {
    case RunOutcome::Exited:
        ending = Grader::tr("exit status %1").arg(run.result.exitCode);
        for (const RuntimeFailure &failure : run.parsed.failures) {
            if (const int signal = ProblemCollector::sanitizerSignal(failure.message)) {
                ending = Grader::tr("crashed with %1 under the race detector (exit status %2)")
                             .arg(ProblemCollector::signalName(signal))
                             .arg(run.result.exitCode);
                break;
            }
        }
        break;
    case RunOutcome::Crashed:
        ending = Grader::tr("killed by %1").arg(ProblemCollector::signalName(run.result.signal));
        break;
    case RunOutcome::TimedOut:
        ending = Grader::tr("stopped at the time limit");
        break;
    case RunOutcome::FailedToStart:
        ending = Grader::tr("could not start");
        break;
    case RunOutcome::Cancelled:
        ending = QStringLiteral("cancelled");
        break;
    case RunOutcome::MemoryExceeded:
    case RunOutcome::TooManyTasks:
    case RunOutcome::OutputExceeded:
    case RunOutcome::FileSizeExceeded:
        ending = Grader::tr("stopped because it ") + run.result.limitHit;
        break;
    }
    return Grader::tr("%1 %2 (%3): %4, %5 ms")
        .arg(ProblemCollector::binaryDescription(run.binary, false))
        .arg(run.index + 1)
        .arg(run.schedule, ending)
        .arg(run.result.wallMs);
}

// A few runs worth reading: the first of each kind of ending, races first.
QVector<RunLog> pickLogs(const QVector<RunRecord> &runs)
{
    QVector<RunLog> logs;
    QSet<QString> seen;
    const auto take = [&](const std::function<bool(const RunRecord &)> &wanted,
                          const QString &kind) {
        for (const RunRecord &run : runs) {
            if (logs.size() >= maxLogs) {
                return;
            }
            const QString key = kind + binaryKindId(run.binary);
            if (!seen.contains(key) && wanted(run)) {
                seen.insert(key);
                logs.append(
                    RunLog{runLabel(run), capped(run.standardOutput), capped(run.standardError)});
            }
        }
    };
    take([](const RunRecord &run) { return run.hasDataRace(); }, QStringLiteral("race"));
    take([](const RunRecord &run) { return !run.parsed.failures.isEmpty(); },
         QStringLiteral("failure"));
    take([](const RunRecord &run) { return !run.finished(); }, QStringLiteral("abnormal"));
    take([](const RunRecord &) { return true; }, QStringLiteral("any"));
    return logs;
}

class Grading
{
public:
    Grading(const GradeRequest &request, const Grader::ProgressCallback &progress,
            const std::atomic_bool *cancelled, const Grader::OutputCallback &output)
        : m_request(request)
        , m_progress(progress)
        , m_output(output)
        , m_cancelled(cancelled)
        , m_toolchain(Toolchain::create(request.language, request.options))
        , m_jobs(request.options.jobs > 0 ? request.options.jobs
                                          : qMax(1, QThread::idealThreadCount()))
        , m_runSeconds(request.options.runSeconds > 0 ? request.options.runSeconds
                                                      : request.exercise.limits.runSeconds)
        , m_sandboxed(request.options.sandbox == SandboxMode::Required)
    {}

    Grade run();

private:
    bool isCancelled() const { return m_cancelled && m_cancelled->load(); }
    void report(int done, int total, const QString &stage) const;
    void build(const Workspace &workspace, const SourceMapper &mapper);
    void buildStep(BuildStep &step, const BuildCommand &command, const Workspace &workspace,
                   const SourceMapper &mapper);
    void runAll(const Workspace &workspace);
    RunRecord runOnce(const Workspace &workspace, const PlannedRun &planned);
    void finish(Grade &grade, const SourceMapper &mapper);
    SandboxSpec buildSandbox(const Workspace &workspace, const BuildCommand &command) const;
    SandboxSpec runSandbox(const Workspace &workspace) const;

    const GradeRequest &m_request;
    const Grader::ProgressCallback &m_progress;
    const Grader::OutputCallback &m_output;
    const std::atomic_bool *m_cancelled;
    std::unique_ptr<Toolchain> m_toolchain;
    const int m_jobs;
    const int m_runSeconds;
    const bool m_sandboxed;
    QByteArray m_source; ///< the submission as inspected and built (see SourceInspector)

    BuildOutcome m_build;
    QVector<RunRecord> m_runs;
    int m_skipped = 0;
    std::atomic_bool m_addressRandomizationOff{false};
    QStringList m_notes;
};

void Grading::report(int done, int total, const QString &stage) const
{
    if (m_progress) {
        m_progress(GradeProgress{done, total, stage});
    }
}

void Grading::buildStep(BuildStep &step, const BuildCommand &command, const Workspace &workspace,
                        const SourceMapper &mapper)
{
    step.attempted = true;
    step.command = command.displayLine();
    RunRequest request;
    request.program = command.program;
    request.arguments = command.arguments;
    request.workingDirectory = command.workingDirectory;
    request.environment = m_toolchain->buildEnvironment();
    const int buildSeconds = m_request.exercise.limits.buildSeconds;
    request.timeLimitMs = buildSeconds * 1000;
    // Per process: a compiler caught in endless work (a constexpr loop, a template explosion)
    // stops at this much CPU time even while the wall clock still allows it.
    request.cpuLimitSeconds = buildSeconds;
    request.memoryLimitBytes = m_request.exercise.limits.buildMemoryMiB * mebibyte;
    request.memoryEnforcement = m_request.options.memoryWatchdog ? MemoryEnforcement::Watchdog
                                                                 : MemoryEnforcement::Automatic;
    request.taskLimit = buildTaskLimit;
    request.sandbox = buildSandbox(workspace, command);
    const RunSlots::Holder slot(m_request.options.slots.get(), m_cancelled);
    RunResult result;
    for (const QStringList &arguments : command.preparation) {
        // Steps that must come first, such as compiling the verdict key on its own.
        RunRequest first = request;
        first.arguments = arguments;
        result = ProcessRunner::run(first, m_cancelled);
        if (!result.exitedWith(0)) {
            break;
        }
    }
    if (command.preparation.isEmpty() || result.exitedWith(0)) {
        result = ProcessRunner::run(request, m_cancelled);
    }
    step.outcome = result.outcome;
    step.limitHit = result.limitHit;
    step.signal = result.signal;
    step.exitCode = result.exitCode;
    step.timeLimitSeconds = buildSeconds;
    step.seconds = result.wallMs / 1000.0;
    step.output = QString::fromUtf8(result.standardOutput + result.standardError);
    step.succeeded = result.exitedWith(0);
    // A compiler process below the driver hit the CPU limit; the driver reports it and exits.
    if (!step.succeeded && result.outcome == RunOutcome::Exited &&
        step.output.contains(QLatin1String("CPU time limit exceeded"))) {
        step.outcome = RunOutcome::TimedOut;
    }
    if (step.succeeded && !command.outputFile.isEmpty() && !isElfBinary(command.outputFile)) {
        step.succeeded = false;
    }
    const bool stoppedByLimit =
        step.outcome != RunOutcome::Exited && step.outcome != RunOutcome::FailedToStart;
    for (const Diagnostic &diagnostic : m_toolchain->parseDiagnostics(step.output)) {
        // The driver's own words about a compiler it saw killed repeat the limit's outcome.
        if (!(stoppedByLimit && diagnostic.file.isEmpty())) {
            step.diagnostics.append(mapper.mapped(diagnostic));
        }
    }
    qCDebug(lcBuild).noquote() << step.name << ":" << step.command << "->"
                               << runOutcomeId(result.outcome) << result.exitCode << "in"
                               << result.wallMs << "ms";
}

void Grading::build(const Workspace &workspace, const SourceMapper &mapper)
{
    m_build.program.name = QStringLiteral("program");
    m_build.plainProgram.name = QStringLiteral("plain program");
    m_build.harness.name = QStringLiteral("harness");
    m_build.vet.name = QStringLiteral("vet");

    QStringList analyzers;
    for (const CheckSpec &check : m_request.exercise.checksFor(m_request.language)) {
        if (check.kind == CheckKind::Vet) {
            analyzers.append(check.analyzers);
        }
    }
    analyzers.removeDuplicates();

    const bool full = m_request.mode == GradeMode::Full;
    QVector<QPair<BuildStep *, BuildCommand>> steps = {
        {&m_build.program, m_toolchain->programBuild(workspace, true)}};
    if (full) {
        steps.append({&m_build.plainProgram, m_toolchain->programBuild(workspace, false)});
    }
    if (full && workspace.hasHarness()) {
        steps.append({&m_build.harness, m_toolchain->harnessBuild(workspace)});
    }
    if (full && !analyzers.isEmpty()) {
        const BuildCommand vet = m_toolchain->vetCommand(workspace, analyzers);
        if (!vet.program.isEmpty()) {
            steps.append({&m_build.vet, vet});
        }
    }
    std::atomic_int done{0};
    const int total = int(steps.size());
    report(0, total, QStringLiteral("building"));
    runParallel(m_jobs, total, [&](int i) {
        buildStep(*steps[i].first, steps[i].second, workspace, mapper);
        report(++done, total, QStringLiteral("building"));
    });
}

SandboxSpec Grading::buildSandbox(const Workspace &workspace, const BuildCommand &command) const
{
    SandboxSpec spec;
    spec.enabled = m_sandboxed;
    spec.writablePaths = QStringList{workspace.root()} + m_toolchain->buildCachePaths();
    // A toolchain installed outside /usr (say ~/sdk/go) is made visible, read-only.
    const QString real = QFileInfo(command.program).canonicalFilePath();
    if (!real.isEmpty() && !real.startsWith(QStringLiteral("/usr/"))) {
        spec.readOnlyPaths.append(QFileInfo(real).dir().absoluteFilePath(QStringLiteral("..")));
    }
    return spec;
}

SandboxSpec Grading::runSandbox(const Workspace &workspace) const
{
    // The binaries are read-only to the runs, so that no run can change what a later one
    // executes; each run writes only to its own folder in memory.
    SandboxSpec spec;
    spec.enabled = m_sandboxed;
    spec.readOnlyPaths = QStringList{workspace.root()};
    spec.scratchPaths = QStringList{workspace.runDir()};
    return spec;
}

RunRecord Grading::runOnce(const Workspace &workspace, const PlannedRun &planned)
{
    const RunSchedule schedule = m_toolchain->schedule(planned.binary, planned.index);
    RunRecord record;
    record.binary = planned.binary;
    record.index = planned.index;
    record.schedule = schedule.label;

    RunRequest request;
    const bool harness = planned.binary == BinaryKind::Harness;
    request.program =
        workspace.binDir() + (harness                                 ? QStringLiteral("/harness")
                              : planned.binary == BinaryKind::Program ? QStringLiteral("/program")
                                                                      : QStringLiteral("/plain"));
    if (harness) {
        request.arguments = m_toolchain->harnessArguments();
    }
    request.workingDirectory = workspace.runDir();
    request.environment = m_toolchain->runEnvironment(workspace, schedule);
    const int limitSeconds = harness ? m_request.exercise.limits.harnessSeconds : m_runSeconds;
    request.timeLimitMs = limitSeconds * 1000;
    request.cpuLimitSeconds = limitSeconds * qMax(1, QThread::idealThreadCount()) + 1;
    request.cpuCount = schedule.cpuCount;
    const ExerciseLimits &limits = m_request.exercise.limits;
    const int memoryMiB =
        m_request.options.memoryMiB > 0 ? m_request.options.memoryMiB : limits.runMemoryMiB;
    request.memoryLimitBytes = memoryMiB * mebibyte;
    request.memoryEnforcement = m_request.options.memoryWatchdog ? MemoryEnforcement::Watchdog
                                                                 : MemoryEnforcement::Automatic;
    request.taskLimit = limits.runTasks;
    request.outputLimitBytes = qint64(limits.outputKiB) * 1024;
    request.sandbox = runSandbox(workspace);
    if (m_output) {
        request.onOutput = [this](const QByteArray &chunk, bool isError) {
            m_output(QString::fromUtf8(chunk), isError);
        };
    }

    RunSlots::Holder slot(m_request.options.slots.get(), m_cancelled, RunSlots::runCores);
    if (m_request.options.slots) {
        // A run that sleeps or waits lends its slot meanwhile (RunSlots).
        request.onIdleChanged = [&slot](bool idle) { slot.setIdle(idle); };
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        request.disableAddressRandomization = m_addressRandomizationOff.load();
        record.addressRandomizationDisabled = request.disableAddressRandomization;
        record.result = ProcessRunner::run(request, m_cancelled);
        record.standardOutput = QString::fromUtf8(record.result.standardOutput);
        record.standardError = QString::fromUtf8(record.result.standardError);
        record.parsed = ReportParser::parse(record.standardError);
        const bool mappingFailure =
            std::any_of(record.parsed.failures.cbegin(), record.parsed.failures.cend(),
                        [](const RuntimeFailure &failure) {
                            return failure.kind == FailureKind::SanitizerMappingFailure;
                        });
        // ThreadSanitizer cannot start on kernels with high ASLR entropy; without randomisation
        // it can, and the program behaves the same.
        if (!mappingFailure || request.disableAddressRandomization) {
            break;
        }
        m_addressRandomizationOff = true;
    }
    if (harness) {
        record.verdicts = HarnessProtocol::parse(record.standardOutput, workspace.verdictKey(),
                                                 &record.forgedVerdictLines);
    }
    // The raw bytes are decoded above; keep memory low for big classes.
    record.result.standardOutput.clear();
    record.result.standardError.clear();
    return record;
}

void Grading::runAll(const Workspace &workspace)
{
    const GradeOptions &options = m_request.options;
    const bool full = m_request.mode == GradeMode::Full;
    const int programRuns = !m_build.program.succeeded ? 0 : full ? qMax(1, options.runs) : 1;
    const int plainRuns = m_build.plainProgram.succeeded ? options.effectivePlainRuns() : 0;
    const int harnessRuns = m_build.harness.succeeded ? options.effectiveHarnessRuns() : 0;
    const QVector<PlannedRun> plan = planRuns(programRuns, plainRuns, harnessRuns);

    std::mutex mutex;
    QMap<BinaryKind, int> timeouts;
    QMap<BinaryKind, int> finished;
    int done = 0;
    const int total = int(plan.size());
    report(0, total, QStringLiteral("running"));
    // With shared slots, a grading has a thread ready for every slot it could get, lent ones
    // included: a grading whose runs sleep then runs more of them at once, while the slots keep
    // the processes that compute within the count.
    const RunSlots *slots = options.slots.get();
    const int threads = slots ? slots->processCap() : m_jobs;
    runParallel(threads, total, [&](int i) {
        const PlannedRun &planned = plan.at(i);
        {
            const std::lock_guard<std::mutex> lock(mutex);
            const bool hopeless = timeouts.value(planned.binary) >= timeoutsBeforeGivingUp &&
                                  finished.value(planned.binary) == 0;
            if (hopeless || isCancelled()) {
                m_skipped += hopeless ? 1 : 0;
                report(++done, total, QStringLiteral("running"));
                return;
            }
        }
        RunRecord record = runOnce(workspace, planned);
        const std::lock_guard<std::mutex> lock(mutex);
        if (record.result.outcome == RunOutcome::TimedOut) {
            ++timeouts[planned.binary];
        } else if (record.result.outcome != RunOutcome::Cancelled) {
            ++finished[planned.binary];
        }
        m_runs.append(std::move(record));
        report(++done, total, QStringLiteral("running"));
    });

    // Runs finish in any order; reports read better in plan order.
    std::sort(m_runs.begin(), m_runs.end(), [](const RunRecord &a, const RunRecord &b) {
        return a.binary != b.binary ? a.binary < b.binary : a.index < b.index;
    });
    if (m_skipped > 0) {
        m_notes.append(Grader::tr("%1 planned runs were skipped: the first %2 runs of the same "
                                  "build all hit the time limit")
                           .arg(m_skipped)
                           .arg(timeoutsBeforeGivingUp));
    }
    if (m_addressRandomizationOff) {
        m_notes.append(Grader::tr("ThreadSanitizer could not start with address randomisation "
                                  "on (this kernel's ASLR entropy is too high for it); the "
                                  "runs were repeated with randomisation off"));
    }
}

void Grading::finish(Grade &grade, const SourceMapper &mapper)
{
    const ExerciseLimits &limits = m_request.exercise.limits;
    grade.compile.ok = m_build.program.succeeded;
    grade.compile.output = m_build.program.output;
    grade.compile.diagnostics = m_build.program.diagnostics;
    // go vet compiles the package too: when the build failed it only repeats its errors.
    const QVector<Diagnostic> vetFindings =
        m_build.program.succeeded ? m_build.vet.diagnostics : QVector<Diagnostic>();
    for (const Diagnostic &diagnostic : vetFindings) {
        Diagnostic warning = diagnostic;
        warning.severity = Severity::Warning;
        warning.tool = QStringLiteral("go vet");
        grade.compile.diagnostics.append(warning);
    }
    if (m_build.program.succeeded && !m_build.plainProgram.succeeded) {
        m_notes.append(Grader::tr("the build without the race detector failed, so only "
                                  "race-enabled runs were made"));
    }

    grade.races = RaceMerger::merge(m_runs, mapper);
    const QStringList sourceLines = QString::fromUtf8(m_source).split(u'\n');
    MistakeClassifier::annotate(grade.races, sourceLines, m_request.language);
    grade.problems =
        ProblemCollector::collect(m_build, m_runs, mapper, m_runSeconds, limits.harnessSeconds);
    // A submission has no business printing the hidden tests' marker: flag where it does.
    for (const int line : HarnessProtocol::markerLines(m_source)) {
        grade.problems.append(
            Problem{QStringLiteral("harness-marker"), mapper.displayName(), line,
                    Grader::tr("this line holds %1, the marker of the hidden tests' results; lines "
                               "a program prints with it are never taken as results")
                        .arg(HarnessProtocol::marker().toString()),
                    1});
    }

    if (m_request.mode == GradeMode::Full) {
        const CheckContext context{m_request.language,   m_build, m_runs,
                                   grade.races,          mapper,  m_runSeconds,
                                   limits.harnessSeconds};
        grade.checks =
            CheckEvaluator::evaluate(m_request.exercise.checksFor(m_request.language), context);
        MistakeClassifier::shareHint(grade.checks, grade.races, grade.problems);
    }
    grade.score = 0;
    bool allPassed = grade.compile.ok;
    for (const CheckResult &check : grade.checks) {
        grade.score += check.points;
        allPassed = allPassed && check.passed();
    }
    // A single run has no checks: it passes when it built, ran cleanly and raced nowhere.
    if (m_request.mode == GradeMode::SingleRun) {
        allPassed = allPassed && grade.races.isEmpty() && grade.problems.isEmpty();
    }
    grade.verdict = allPassed ? Verdict::Pass : Verdict::Fail;

    RunSummary &summary = grade.runs;
    for (const RunRecord &run : m_runs) {
        ++summary.count;
        summary.racy += run.hasDataRace() ? 1 : 0;
        summary.timeouts += run.result.outcome == RunOutcome::TimedOut ? 1 : 0;
        summary.crashes += run.result.outcome == RunOutcome::Crashed ? 1 : 0;
        summary.programRuns += run.binary == BinaryKind::Program ? 1 : 0;
        summary.plainRuns += run.binary == BinaryKind::PlainProgram ? 1 : 0;
        summary.harnessRuns += run.binary == BinaryKind::Harness ? 1 : 0;
    }
    summary.skipped = m_skipped;
    grade.logs = pickLogs(m_runs);
    grade.notes = m_notes;
}

Grade Grading::run()
{
    QElapsedTimer clock;
    clock.start();
    Grade grade;
    grade.exercise = m_request.exercise.id;
    grade.language = m_request.language;
    grade.sourceFile = m_request.displayPath;
    grade.maxScore = m_request.exercise.maxPoints(m_request.language);
    const auto fail = [&](const QString &message) {
        grade.verdict = Verdict::Error;
        grade.errorMessage = message;
        grade.seconds = clock.elapsed() / 1000.0;
        qCWarning(lcGrading).noquote()
            << "grading" << m_request.displayPath << "failed:" << message;
        return grade;
    };

    if (!m_request.exercise.supports(m_request.language)) {
        return fail(Grader::tr("the exercise %1 has no %2 version")
                        .arg(m_request.exercise.id, languageDisplayName(m_request.language)));
    }
    const QString unavailable = m_toolchain->unavailableReason();
    if (!unavailable.isEmpty()) {
        return fail(unavailable);
    }
    grade.toolchain = m_toolchain->version();
    grade.sandboxed = m_sandboxed;
    const SandboxStatus sandbox = m_sandboxed ? Sandbox::status() : SandboxStatus();
    grade.sandbox = sandbox.summary(m_sandboxed);
    if (m_sandboxed && !sandbox.available) {
        return fail(Grader::tr("student code cannot be sandboxed on this machine: %1. Grade "
                               "without the sandbox only code you trust (racegrade-cli "
                               "--no-sandbox, or Settings in the app).")
                        .arg(sandbox.problem));
    }

    const SourceInspection inspection =
        SourceInspector::inspect(m_request.source, m_request.language, m_request.displayPath);
    m_source = inspection.source;
    m_notes += inspection.notes;

    const Expected<std::shared_ptr<Workspace>> created = Workspace::create(
        m_request.exercise, m_request.language, m_source, m_request.options.keepWorkspace);
    if (!created) {
        return fail(created.error());
    }
    const Workspace &workspace = *created.value();
    if (m_sandboxed) {
        const QString problem = Sandbox::handOver(workspace.root());
        if (!problem.isEmpty()) {
            return fail(problem);
        }
    }
    const SourceMapper mapper(workspace.root(), workspace.submissionFileName(),
                              m_request.displayPath);

    if (!inspection.buildable()) {
        // Nothing of such a file is built or run; the "compiles" check carries the reasons.
        m_build.program.name = QStringLiteral("program");
        m_build.program.attempted = true;
        m_build.program.diagnostics = inspection.errors;
        for (const Diagnostic &error : std::as_const(m_build.program.diagnostics)) {
            m_build.program.output += error.message + u'\n';
        }
        finish(grade, mapper);
        grade.seconds = clock.elapsed() / 1000.0;
        return grade;
    }

    build(workspace, mapper);
    if (isCancelled()) {
        return fail(Grader::tr("the grading was cancelled"));
    }
    if (!m_build.program.succeeded && m_build.program.diagnostics.isEmpty() &&
        (m_toolchain->isToolchainFailure(m_build.program.output) ||
         m_build.program.outcome == RunOutcome::FailedToStart)) {
        return fail(Grader::tr("the %1 toolchain failed on this machine: %2")
                        .arg(languageDisplayName(m_request.language),
                             m_build.program.output.trimmed().left(2000)));
    }
    runAll(workspace);
    if (isCancelled()) {
        return fail(Grader::tr("the grading was cancelled"));
    }
    report(1, 1, QStringLiteral("checking"));
    finish(grade, mapper);
    grade.seconds = clock.elapsed() / 1000.0;
    qCDebug(lcGrading).noquote() << "graded" << m_request.displayPath << verdictId(grade.verdict)
                                 << grade.score << "/" << grade.maxScore << "in" << grade.seconds
                                 << "s";
    return grade;
}

} // namespace

Grade Grader::grade(const GradeRequest &request, const ProgressCallback &progress,
                    const std::atomic_bool *cancelled, const OutputCallback &output)
{
    return Grading(request, progress, cancelled, output).run();
}

} // namespace RaceGrade
