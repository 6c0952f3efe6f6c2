#include "batchcommand.h"

#include "batchgrader.h"
#include "classplanner.h"
#include "clioutput.h"
#include "exerciseloader.h"
#include "exitcodes.h"
#include "gradingoptions.h"
#include "gradingsession.h"
#ifdef RACEGRADE_HAVE_REPORTS
#include "exportcommand.h"
#endif
#include "roster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <csignal>

namespace RaceGrade {

namespace {

const QString commandName = QStringLiteral("racegrade-cli batch");

// Set from signal handlers: both are lock-free atomics, which a handler may store to.
std::atomic_bool *cancelOnInterrupt = nullptr;
std::atomic_bool suspendRequested{false};

extern "C" void onInterrupt(int)
{
    if (cancelOnInterrupt) {
        cancelOnInterrupt->store(true);
    }
    // A second Ctrl+C ends the program at once.
    std::signal(SIGINT, SIG_DFL);
}

extern "C" void onSuspend(int)
{
    suspendRequested.store(true);
}

QString duration(double seconds)
{
    const qint64 whole = qRound64(seconds);
    if (whole < 60) {
        return QStringLiteral("%1s").arg(whole);
    }
    if (whole < 3600) {
        return QStringLiteral("%1m%2s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1h%2m").arg(whole / 3600).arg(whole / 60 % 60, 2, 10, QLatin1Char('0'));
}

/// "K/N" with 1 <= K <= N, as a 0-based index and a count.
bool parseShard(const QString &text, int *index, int *count)
{
    const QStringList parts = text.split(u'/');
    bool indexOk = false;
    bool countOk = false;
    if (parts.size() == 2) {
        *index = parts.at(0).toInt(&indexOk) - 1;
        *count = parts.at(1).toInt(&countOk);
    }
    return indexOk && countOk && *count >= 1 && *index >= 0 && *index < *count;
}

/// The TA's corrections of which file is for which exercise, kept in the session so that a
/// resumed or repeated batch maps the class the same way.
QJsonObject storedAssignments(const GradingSession &session)
{
    return QJsonDocument::fromJson(session.setting(QStringLiteral("assignments")).toUtf8())
        .object();
}

class Batch
{
public:
    Batch(const QCommandLineParser &parser, const CliOutput &out, const CliOutput &err)
        : m_parser(parser)
        , m_out(out)
        , m_err(err)
    {}

    int run(const QString &classDir, const QString &sessionPath, const BatchOptions &options,
            const QStringList &exerciseRoots);

private:
    bool applyAssignments(ClassPlan &plan);
    bool loadRoster(const QVector<PlannedStudent> &students);
    QVector<SubmissionRecord> selectedSubmissions(const ClassPlan &plan, BatchOptions *options);
    void showProgress(const BatchProgress &progress);
    void suspendWhenIdle(const BatchProgress &progress);
    int writeExports();

    const QCommandLineParser &m_parser;
    const CliOutput &m_out;
    const CliOutput &m_err;
    std::shared_ptr<GradingSession> m_session;
    ExerciseCatalog m_catalog;
    BatchControl m_control;
    bool m_pausing = false;
};

bool Batch::applyAssignments(ClassPlan &plan)
{
    QJsonObject assignments = storedAssignments(*m_session);
    for (const QString &assignment : m_parser.values(QStringLiteral("assign"))) {
        const int equals = assignment.lastIndexOf(u'=');
        if (equals <= 0) {
            m_err.writeLine(commandName + QStringLiteral(": --assign takes PATH=EXERCISE (an "
                                                         "empty exercise sets the file aside), "
                                                         "not \"%1\"")
                                              .arg(assignment));
            return false;
        }
        const QString exercise = assignment.mid(equals + 1);
        if (!exercise.isEmpty() && !m_catalog.find(exercise)) {
            m_err.writeLine(commandName +
                            QStringLiteral(": --assign: no exercise \"%1\"").arg(exercise));
            return false;
        }
        assignments.insert(assignment.left(equals), exercise);
    }
    for (auto it = assignments.constBegin(); it != assignments.constEnd(); ++it) {
        if (!ClassPlanner::assign(plan, it.key(), it.value().toString())) {
            m_err.writeLine(QStringLiteral("warning: %1: no such file in the class folder; its "
                                           "assignment to %2 is ignored")
                                .arg(it.key(), it.value().toString()));
        }
    }
    const QString problem = m_session->setSetting(
        QStringLiteral("assignments"),
        QString::fromUtf8(QJsonDocument(assignments).toJson(QJsonDocument::Compact)));
    if (!problem.isEmpty()) {
        m_err.writeLine(problem);
        return false;
    }
    return true;
}

bool Batch::loadRoster(const QVector<PlannedStudent> &students)
{
    if (m_parser.isSet(QStringLiteral("roster"))) {
        const QString path = m_parser.value(QStringLiteral("roster"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_err.writeLine(QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
            return false;
        }
        const Expected<Roster> roster = RosterReader::parse(file.readAll(), path);
        if (!roster) {
            m_err.writeLine(roster.error());
            return false;
        }
        for (const QString &warning : roster->warnings) {
            m_err.writeLine(QStringLiteral("warning: ") + warning);
        }
        const QString problem = m_session->setRoster(roster->entries);
        if (!problem.isEmpty()) {
            m_err.writeLine(problem);
            return false;
        }
    }
    const QVector<RosterEntry> roster = m_session->roster();
    if (roster.isEmpty()) {
        return true;
    }
    QVector<RosterReader::Student> found;
    for (const PlannedStudent &student : students) {
        found.append({student.key, student.name, student.platformId});
    }
    const RosterMatch match = RosterReader::match(found, roster);
    if (!match.unknownStudents.isEmpty()) {
        m_err.writeLine(QStringLiteral("warning: %1 students are not on the roster: %2")
                            .arg(match.unknownStudents.size())
                            .arg(match.unknownStudents.join(QStringLiteral(", "))));
    }
    if (!match.withoutSubmission.isEmpty()) {
        QStringList names;
        for (int index : match.withoutSubmission) {
            names.append(roster.at(index).name.isEmpty() ? roster.at(index).id
                                                         : roster.at(index).name);
        }
        m_out.writeLine(QStringLiteral("%1 on the roster handed in nothing: %2")
                            .arg(names.size())
                            .arg(names.join(QStringLiteral(", "))));
    }
    return true;
}

QVector<SubmissionRecord> Batch::selectedSubmissions(const ClassPlan &plan, BatchOptions *options)
{
    const QStringList students = m_parser.values(QStringLiteral("student"));
    const QStringList exercises = m_parser.values(QStringLiteral("exercise"));
    QVector<SubmissionRecord> selected;
    for (const SubmissionRecord &record : plan.submissions()) {
        const bool studentWanted = students.isEmpty() || students.contains(record.studentKey) ||
                                   students.contains(record.studentName) ||
                                   students.contains(ClassFolder::nameKey(record.studentName));
        if (studentWanted && (exercises.isEmpty() || exercises.contains(record.exercise))) {
            selected.append(record);
        }
    }
    // Naming students or exercises asks for them to be graded again.
    if (!students.isEmpty() || !exercises.isEmpty()) {
        options->regradeUnchanged = true;
    }
    return selected;
}

void Batch::suspendWhenIdle(const BatchProgress &progress)
{
    if (!suspendRequested.load()) {
        return;
    }
    if (!m_pausing) {
        m_pausing = true;
        m_control.paused = true;
        m_err.write(QStringLiteral("\r\x1b[Kpausing: waiting for the %1 running programs to "
                                   "end...")
                        .arg(progress.running));
        return;
    }
    if (progress.running > 0 || !progress.paused) {
        return;
    }
    // Nothing of the batch runs now, so stopping cannot make a run look slow.
    m_err.writeLine(QStringLiteral("\r\x1b[Kpaused; `fg` continues the batch"));
    std::signal(SIGTSTP, SIG_DFL);
    std::raise(SIGTSTP);
    std::signal(SIGTSTP, onSuspend);
    suspendRequested = false;
    m_pausing = false;
    m_control.paused = false;
}

void Batch::showProgress(const BatchProgress &progress)
{
    if (m_err.isTerminal()) {
        suspendWhenIdle(progress);
        if (m_pausing) {
            return;
        }
        const int percent = progress.total > 0 ? progress.done * 100 / progress.total : 100;
        QStringList parts{
            QStringLiteral("[%1/%2] %3%").arg(progress.done).arg(progress.total).arg(percent)};
        if (progress.failed > 0) {
            parts.append(m_err.paint(QStringLiteral("%1 failing").arg(progress.failed),
                                     CliOutput::Colour::Red));
        }
        if (progress.reused > 0) {
            parts.append(QStringLiteral("%1 reused").arg(progress.reused));
        }
        if (progress.secondsLeft >= 0) {
            parts.append(QStringLiteral("~%1 left").arg(duration(progress.secondsLeft)));
        }
        if (progress.runsTotal > 0) {
            parts.append(
                QStringLiteral("runs %1/%2").arg(progress.runsDone).arg(progress.runsTotal));
        }
        if (!progress.current.isEmpty()) {
            parts.append(m_err.paint(progress.current, CliOutput::Colour::Dim));
        }
        m_err.write(QStringLiteral("\r\x1b[K") + parts.join(QStringLiteral("  ")).left(400));
        return;
    }
    // In a log, one line per saved grade.
    if (progress.lastStudentKey.isEmpty()) {
        return;
    }
    const std::optional<SubmissionRecord> record =
        m_session->record(progress.lastStudentKey, progress.lastExercise);
    if (!record) {
        return;
    }
    const QString result = record->graded
                               ? QStringLiteral("%1/%2 %3")
                                     .arg(record->grade.score)
                                     .arg(record->grade.maxScore)
                                     .arg(verdictId(record->grade.verdict))
                               : QStringLiteral("not graded: ") + record->grade.errorMessage;
    m_err.writeLine(QStringLiteral("[%1/%2] %3 / %4: %5")
                        .arg(progress.done)
                        .arg(progress.total)
                        .arg(record->studentName, record->exercise, result));
}

int Batch::writeExports()
{
    const QStringList specs = m_parser.values(QStringLiteral("export"));
    if (specs.isEmpty()) {
        return ExitPassed;
    }
#ifdef RACEGRADE_HAVE_REPORTS
    QVector<ExportRequest> requests;
    for (const QString &spec : specs) {
        QString error;
        requests.append(*ReportExporter::parse(spec, &error)); // checked before grading
    }
    return ExportCommand::writeAll(*m_session, m_catalog.exercises, requests, m_out, m_err);
#else
    m_err.writeLine(commandName + QStringLiteral(": this build has no exports (it was built "
                                                 "without Qt Widgets or Qt Charts)"));
    return ExitFailed;
#endif
}

int Batch::run(const QString &classDir, const QString &sessionPath, const BatchOptions &given,
               const QStringList &exerciseRoots)
{
    BatchOptions options = given;
    m_catalog = ExerciseLoader::loadCatalog(exerciseRoots);
    for (const QString &error : m_catalog.errors) {
        m_err.writeLine(QStringLiteral("warning: ") + error);
    }
    if (m_catalog.exercises.isEmpty()) {
        m_err.writeLine(commandName + QStringLiteral(": no exercises were found; give "
                                                     "--exercises DIR"));
        return ExitUsage;
    }
    Expected<std::shared_ptr<GradingSession>> session = GradingSession::open(sessionPath);
    if (!session) {
        m_err.writeLine(session.error());
        return ExitUsage;
    }
    m_session = session.value();

    // Archives are unpacked here; the plan keeps every file's bytes.
    QTemporaryDir scratch(QDir::tempPath() + QStringLiteral("/racegrade-class-XXXXXX"));
    if (!scratch.isValid()) {
        m_err.writeLine(QStringLiteral("cannot create a scratch folder in %1: %2")
                            .arg(QDir::tempPath(), scratch.errorString()));
        return ExitUsage;
    }
    ClassPlan plan = ClassPlanner::plan(classDir, m_catalog.exercises, scratch.path());
    for (const InputProblem &problem : std::as_const(plan.problems)) {
        m_err.writeLine(QStringLiteral("warning: ") + problem.message);
    }
    if (!applyAssignments(plan) || !loadRoster(plan.students)) {
        return ExitUsage;
    }
    const QVector<SubmissionRecord> submissions = selectedSubmissions(plan, &options);
    m_out.writeLine(QStringLiteral("%1: %2 layout (%3); %4 students, %5 submissions")
                        .arg(classDir, classLayoutId(plan.layout), plan.layoutReason)
                        .arg(plan.students.size())
                        .arg(submissions.size()));

    const QMap<QString, QString> settings = {
        {QStringLiteral("class_dir"), QFileInfo(classDir).absoluteFilePath()},
        {QStringLiteral("layout"), classLayoutId(plan.layout)},
        {QStringLiteral("runs"), QString::number(options.grade.runs)},
        {QStringLiteral("cpp_compiler"), options.grade.cppCompiler},
        {QStringLiteral("sandbox"), options.grade.sandbox == SandboxMode::Required
                                        ? QStringLiteral("on")
                                        : QStringLiteral("off")},
        {QStringLiteral("racegrade_version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("shard"),
         QStringLiteral("%1/%2").arg(options.shardIndex + 1).arg(options.shardCount)},
    };
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        const QString problem = m_session->setSetting(it.key(), it.value());
        if (!problem.isEmpty()) {
            m_err.writeLine(problem);
            return ExitUsage;
        }
    }
    if (options.grade.sandbox == SandboxMode::Off) {
        m_err.writeLine(m_err.paint(QStringLiteral("NOT sandboxed: student code runs with your "
                                                   "own permissions"),
                                    CliOutput::Colour::Red));
    }

    cancelOnInterrupt = &m_control.cancelled;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    if (m_err.isTerminal()) {
        std::signal(SIGTSTP, onSuspend);
    }
    const BatchSummary summary = BatchGrader::run(
        submissions, m_catalog, *m_session, options,
        [this](const BatchProgress &progress) { showProgress(progress); }, &m_control);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGTSTP, SIG_DFL);
    cancelOnInterrupt = nullptr;
    if (m_err.isTerminal()) {
        m_err.write(QStringLiteral("\r\x1b[K"));
    }

    for (const QString &error : summary.errors) {
        m_err.writeLine(QStringLiteral("error: ") + error);
    }
    m_out.writeLine(QStringLiteral("%1 submissions in %2: %3 graded, %4 reused (unchanged or "
                                   "identical), %5 not passing. Session: %6")
                        .arg(summary.graded + summary.reused)
                        .arg(duration(summary.seconds))
                        .arg(summary.graded)
                        .arg(summary.reused)
                        .arg(summary.failed)
                        .arg(sessionPath));
    if (summary.remaining > 0) {
        m_out.writeLine(QStringLiteral("Stopped with %1 submissions left; run the same command "
                                       "again to continue where it stopped.")
                            .arg(summary.remaining));
    }
    const int exportStatus = writeExports();
    if (summary.remaining > 0 || !summary.errors.isEmpty()) {
        return ExitFailed;
    }
    return exportStatus;
}

} // namespace

int BatchCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Grades a whole class: every student's file for every exercise, several at once, into "
            "a\n"
            "session file that keeps each grade the moment it is known. Run the same command "
            "again\n"
            "to continue an interrupted batch; files that did not change are not graded again.\n"
            "Ctrl+C stops (what is graded stays), Ctrl+Z pauses once the running programs end.\n\n"
            "The class folder holds one folder or archive per student, or a Canvas or Moodle\n"
            "download; `racegrade-cli scan CLASS_DIR` shows how it is read.\n\n"
            "Export formats: ") +
        ReportExporter::formatIds().join(QStringLiteral(", ")) +
        QStringLiteral(
            "\n\nExit status: 0 every submission graded, 1 some could not be graded (or an\n"
            "export failed), 2 bad usage or unreadable input."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("class-dir"),
                                 QStringLiteral("The folder of the class's submissions."));
    parser.addOptions({
        {QStringLiteral("session"),
         QStringLiteral("The session file to grade into (created when missing)."),
         QStringLiteral("file")},
        {QStringLiteral("roster"),
         QStringLiteral("A roster CSV (id, name, email[, section]) kept in the session."),
         QStringLiteral("csv")},
        {QStringLiteral("export"),
         QStringLiteral("Write an export when done, e.g. canvas:grades.csv or "
                        "feedback-pdf:feedback/; may be given more than once."),
         QStringLiteral("format:path")},
        {QStringLiteral("shard"),
         QStringLiteral("Grade only the K-th of N slices of the students (1-based), for "
                        "spreading a class over machines; join the sessions with "
                        "`racegrade-cli merge`."),
         QStringLiteral("K/N")},
        {QStringLiteral("regrade"),
         QStringLiteral("Grade again even the files that did not change.")},
        {QStringLiteral("student"),
         QStringLiteral("Grade (again) only this student; may be given more than once."),
         QStringLiteral("name")},
        {QStringLiteral("exercise"),
         QStringLiteral("Grade (again) only this exercise; may be given more than once."),
         QStringLiteral("id")},
        {QStringLiteral("assign"),
         QStringLiteral("Correct the plan: the file at PATH (as `scan` shows it) is for "
                        "EXERCISE; an empty EXERCISE sets it aside. Kept in the session."),
         QStringLiteral("path=exercise")},
        {QStringLiteral("no-color"), QStringLiteral("Never colour the output.")},
    });
    const GradingOptions gradingOptions(
        parser, QStringLiteral("Programs (builds and runs) computing at once over the whole "
                               "class (default: one per core, and more runs while runs that "
                               "sleep leave cores idle; a given number is never exceeded)."));

    const CliOutput out(stdout, true);
    const auto usage = [&](const QString &message) {
        const CliOutput err(stderr, true);
        err.writeLine(commandName + QStringLiteral(": ") + message);
        err.writeLine(QStringLiteral("Try `racegrade-cli batch --help`."));
        return int(ExitUsage);
    };
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    const bool colour = !parser.isSet(QStringLiteral("no-color"));
    const CliOutput paintedOut(stdout, colour);
    const CliOutput err(stderr, colour);
    if (parser.positionalArguments().size() != 1) {
        return usage(QStringLiteral("give exactly one class folder"));
    }
    if (!parser.isSet(QStringLiteral("session"))) {
        return usage(QStringLiteral("--session FILE is required: it keeps the grades"));
    }
    const QString classDir = parser.positionalArguments().constFirst();
    if (!QFileInfo(classDir).isDir()) {
        err.writeLine(QStringLiteral("%1: is not a folder").arg(classDir));
        return ExitUsage;
    }

    BatchOptions options;
    if (!gradingOptions.read(parser, &options.grade, commandName, err)) {
        return ExitUsage;
    }
    options.jobs = options.grade.jobs;
    options.regradeUnchanged = parser.isSet(QStringLiteral("regrade"));
    if (parser.isSet(QStringLiteral("shard")) &&
        !parseShard(parser.value(QStringLiteral("shard")), &options.shardIndex,
                    &options.shardCount)) {
        return usage(QStringLiteral("--shard takes K/N with 1 <= K <= N, not \"%1\"")
                         .arg(parser.value(QStringLiteral("shard"))));
    }
#ifdef RACEGRADE_HAVE_REPORTS
    for (const QString &spec : parser.values(QStringLiteral("export"))) {
        QString error;
        if (!ReportExporter::parse(spec, &error)) {
            return usage(error);
        }
    }
#endif
    return Batch(parser, paintedOut, err)
        .run(classDir, parser.value(QStringLiteral("session")), options,
             gradingOptions.exerciseRoots(parser));
}

} // namespace RaceGrade
