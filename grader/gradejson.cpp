#include "gradejson.h"

namespace RaceGrade {

namespace {

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toInt();
}

QJsonArray array(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toArray();
}

QJsonArray stringsToJson(const QStringList &strings)
{
    QJsonArray result;
    for (const QString &string : strings) {
        result.append(string);
    }
    return result;
}

QStringList stringsFromJson(const QJsonArray &values)
{
    QStringList result;
    for (const QJsonValue &value : values) {
        result.append(value.toString());
    }
    return result;
}

QJsonArray stackToJson(const Stack &stack)
{
    QJsonArray frames;
    for (const StackFrame &frame : stack) {
        frames.append(QJsonObject{{QStringLiteral("function"), frame.function},
                                  {QStringLiteral("file"), frame.file},
                                  {QStringLiteral("line"), frame.line},
                                  {QStringLiteral("column"), frame.column},
                                  {QStringLiteral("module"), frame.module}});
    }
    return frames;
}

Stack stackFromJson(const QJsonArray &frames)
{
    Stack stack;
    for (const QJsonValue &value : frames) {
        const QJsonObject frame = value.toObject();
        stack.append(StackFrame{str(frame, "function"), str(frame, "file"), integer(frame, "line"),
                                integer(frame, "column"), str(frame, "module")});
    }
    return stack;
}

Severity severityFromId(const QString &id)
{
    if (id == u"warning") {
        return Severity::Warning;
    }
    return id == u"note" ? Severity::Note : Severity::Error;
}

QVector<Diagnostic> diagnosticsFromJson(const QJsonArray &values)
{
    QVector<Diagnostic> diagnostics;
    for (const QJsonValue &value : values) {
        const QJsonObject object = value.toObject();
        Diagnostic diagnostic;
        diagnostic.file = str(object, "file");
        diagnostic.line = integer(object, "line");
        diagnostic.column = integer(object, "column");
        diagnostic.severity = severityFromId(str(object, "severity"));
        diagnostic.message = str(object, "message");
        diagnostic.tool = str(object, "tool");
        for (const QJsonValue &relatedValue : array(object, "related")) {
            const QJsonObject related = relatedValue.toObject();
            diagnostic.related.append(
                RelatedLocation{str(related, "file"), integer(related, "line"),
                                integer(related, "column"), str(related, "message")});
        }
        diagnostics.append(diagnostic);
    }
    return diagnostics;
}

QJsonObject accessToJson(const RaceAccessSite &access)
{
    return QJsonObject{{QStringLiteral("op"), access.op},
                       {QStringLiteral("file"), access.file},
                       {QStringLiteral("line"), access.line},
                       {QStringLiteral("column"), access.column},
                       {QStringLiteral("function"), access.function},
                       {QStringLiteral("thread"), access.thread},
                       {QStringLiteral("thread_state"), access.threadState},
                       {QStringLiteral("size"), access.size},
                       {QStringLiteral("in_submission"), access.inSubmission},
                       {QStringLiteral("mutexes_held"), stringsToJson(access.mutexesHeld)},
                       {QStringLiteral("stack"), stackToJson(access.stack)}};
}

RaceAccessSite accessFromJson(const QJsonObject &object)
{
    RaceAccessSite access;
    access.op = str(object, "op");
    access.file = str(object, "file");
    access.line = integer(object, "line");
    access.column = integer(object, "column");
    access.function = str(object, "function");
    access.thread = str(object, "thread");
    access.threadState = str(object, "thread_state");
    access.size = integer(object, "size");
    access.inSubmission = object.value(QLatin1String("in_submission")).toBool();
    access.mutexesHeld = stringsFromJson(array(object, "mutexes_held"));
    access.stack = stackFromJson(array(object, "stack"));
    return access;
}

} // namespace

QString GradeJson::severityId(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return {};
}

QJsonArray GradeJson::diagnosticsToJson(const QVector<Diagnostic> &diagnostics)
{
    QJsonArray result;
    for (const Diagnostic &diagnostic : diagnostics) {
        QJsonArray related;
        for (const RelatedLocation &location : diagnostic.related) {
            related.append(QJsonObject{{QStringLiteral("file"), location.file},
                                       {QStringLiteral("line"), location.line},
                                       {QStringLiteral("column"), location.column},
                                       {QStringLiteral("message"), location.message}});
        }
        result.append(QJsonObject{{QStringLiteral("file"), diagnostic.file},
                                  {QStringLiteral("line"), diagnostic.line},
                                  {QStringLiteral("column"), diagnostic.column},
                                  {QStringLiteral("severity"), severityId(diagnostic.severity)},
                                  {QStringLiteral("message"), diagnostic.message},
                                  {QStringLiteral("tool"), diagnostic.tool},
                                  {QStringLiteral("related"), related}});
    }
    return result;
}

QJsonArray GradeJson::racesToJson(const QVector<RaceFinding> &races)
{
    QJsonArray result;
    for (const RaceFinding &race : races) {
        QJsonArray accesses;
        for (const RaceAccessSite &access : race.accesses) {
            accesses.append(accessToJson(access));
        }
        QJsonArray creations;
        for (const Stack &stack : race.creationStacks) {
            creations.append(stackToJson(stack));
        }
        QJsonArray mutexes;
        for (const RaceMutex &mutex : race.mutexes) {
            mutexes.append(
                QJsonObject{{QStringLiteral("name"), mutex.name},
                            {QStringLiteral("created_at"), stackToJson(mutex.createdAt)}});
        }
        result.append(QJsonObject{{QStringLiteral("kind"), race.kind},
                                  {QStringLiteral("occurrences"), race.occurrences},
                                  {QStringLiteral("runs"), race.runs},
                                  {QStringLiteral("accesses"), accesses},
                                  {QStringLiteral("location"), race.location},
                                  {QStringLiteral("explanation"), race.explanation},
                                  {QStringLiteral("mistake"), race.mistake},
                                  {QStringLiteral("hint"), race.hint},
                                  {QStringLiteral("raw_report"), race.rawReport},
                                  {QStringLiteral("creation_stacks"), creations},
                                  {QStringLiteral("locations"), stringsToJson(race.locations)},
                                  {QStringLiteral("mutexes"), mutexes}});
    }
    return result;
}

QJsonArray GradeJson::problemsToJson(const QVector<Problem> &problems)
{
    QJsonArray result;
    for (const Problem &problem : problems) {
        result.append(QJsonObject{{QStringLiteral("kind"), problem.kind},
                                  {QStringLiteral("file"), problem.file},
                                  {QStringLiteral("line"), problem.line},
                                  {QStringLiteral("message"), problem.message},
                                  {QStringLiteral("occurrences"), problem.occurrences}});
    }
    return result;
}

QJsonObject GradeJson::toJson(const Grade &grade)
{
    QJsonArray checks;
    for (const CheckResult &check : grade.checks) {
        const QString status = check.status == CheckStatus::NotRun ? QStringLiteral("not-run")
                               : check.passed()                    ? QStringLiteral("passed")
                                                                   : QStringLiteral("failed");
        checks.append(QJsonObject{{QStringLiteral("id"), check.id},
                                  {QStringLiteral("title"), check.title},
                                  {QStringLiteral("passed"), check.passed()},
                                  {QStringLiteral("status"), status},
                                  {QStringLiteral("points"), check.points},
                                  {QStringLiteral("max_points"), check.maxPoints},
                                  {QStringLiteral("detail"), check.detail},
                                  {QStringLiteral("hint"), check.hint}});
    }
    QJsonArray logs;
    for (const RunLog &log : grade.logs) {
        logs.append(QJsonObject{{QStringLiteral("label"), log.label},
                                {QStringLiteral("stdout"), log.standardOutput},
                                {QStringLiteral("stderr"), log.standardError}});
    }
    const RunSummary &runs = grade.runs;
    return QJsonObject{
        {QStringLiteral("exercise"), grade.exercise},
        {QStringLiteral("language"), languageId(grade.language)},
        {QStringLiteral("source_file"), grade.sourceFile},
        {QStringLiteral("verdict"), verdictId(grade.verdict)},
        {QStringLiteral("score"), grade.score},
        {QStringLiteral("max_score"), grade.maxScore},
        {QStringLiteral("compile"),
         QJsonObject{{QStringLiteral("ok"), grade.compile.ok},
                     {QStringLiteral("diagnostics"), diagnosticsToJson(grade.compile.diagnostics)},
                     {QStringLiteral("output"), grade.compile.output}}},
        {QStringLiteral("runs"), QJsonObject{{QStringLiteral("count"), runs.count},
                                             {QStringLiteral("racy"), runs.racy},
                                             {QStringLiteral("timeouts"), runs.timeouts},
                                             {QStringLiteral("crashes"), runs.crashes},
                                             {QStringLiteral("program"), runs.programRuns},
                                             {QStringLiteral("plain"), runs.plainRuns},
                                             {QStringLiteral("harness"), runs.harnessRuns},
                                             {QStringLiteral("skipped"), runs.skipped}}},
        {QStringLiteral("checks"), checks},
        {QStringLiteral("races"), racesToJson(grade.races)},
        {QStringLiteral("problems"), problemsToJson(grade.problems)},
        {QStringLiteral("logs"), logs},
        {QStringLiteral("notes"), stringsToJson(grade.notes)},
        {QStringLiteral("error"), grade.errorMessage},
        {QStringLiteral("toolchain"), grade.toolchain},
        {QStringLiteral("sandbox"), QJsonObject{{QStringLiteral("enabled"), grade.sandboxed},
                                                {QStringLiteral("summary"), grade.sandbox}}},
        {QStringLiteral("seconds"), grade.seconds},
    };
}

Expected<Grade> GradeJson::fromJson(const QJsonObject &object)
{
    Grade grade;
    grade.exercise = str(object, "exercise");
    const std::optional<Language> language = languageFromId(str(object, "language"));
    if (grade.exercise.isEmpty() || !language) {
        return Expected<Grade>::failure(
            QStringLiteral("not a grade: \"exercise\" and \"language\" are required"));
    }
    grade.language = *language;
    grade.sourceFile = str(object, "source_file");
    const QString verdict = str(object, "verdict");
    grade.verdict = verdict == u"pass"   ? Verdict::Pass
                    : verdict == u"fail" ? Verdict::Fail
                                         : Verdict::Error;
    grade.score = integer(object, "score");
    grade.maxScore = integer(object, "max_score");

    const QJsonObject compile = object.value(QLatin1String("compile")).toObject();
    grade.compile.ok = compile.value(QLatin1String("ok")).toBool();
    grade.compile.diagnostics = diagnosticsFromJson(array(compile, "diagnostics"));
    grade.compile.output = str(compile, "output");

    const QJsonObject runs = object.value(QLatin1String("runs")).toObject();
    grade.runs =
        RunSummary{integer(runs, "count"),   integer(runs, "racy"),    integer(runs, "timeouts"),
                   integer(runs, "crashes"), integer(runs, "program"), integer(runs, "plain"),
                   integer(runs, "harness"), integer(runs, "skipped")};

    for (const QJsonValue &value : array(object, "checks")) {
        const QJsonObject check = value.toObject();
        const QString status = str(check, "status");
        grade.checks.append(CheckResult{str(check, "id"), str(check, "title"),
                                        status == u"not-run" ? CheckStatus::NotRun
                                        : check.value(QLatin1String("passed")).toBool()
                                            ? CheckStatus::Passed
                                            : CheckStatus::Failed,
                                        integer(check, "points"), integer(check, "max_points"),
                                        str(check, "detail"), str(check, "hint")});
    }
    for (const QJsonValue &value : array(object, "races")) {
        const QJsonObject race = value.toObject();
        RaceFinding finding;
        finding.kind = str(race, "kind");
        finding.occurrences = integer(race, "occurrences");
        finding.runs = integer(race, "runs");
        for (const QJsonValue &access : array(race, "accesses")) {
            finding.accesses.append(accessFromJson(access.toObject()));
        }
        finding.location = str(race, "location");
        finding.explanation = str(race, "explanation");
        finding.mistake = str(race, "mistake");
        finding.hint = str(race, "hint");
        finding.rawReport = str(race, "raw_report");
        for (const QJsonValue &stack : array(race, "creation_stacks")) {
            finding.creationStacks.append(stackFromJson(stack.toArray()));
        }
        finding.locations = stringsFromJson(array(race, "locations"));
        for (const QJsonValue &mutexValue : array(race, "mutexes")) {
            const QJsonObject mutex = mutexValue.toObject();
            finding.mutexes.append(
                RaceMutex{str(mutex, "name"), stackFromJson(array(mutex, "created_at"))});
        }
        grade.races.append(finding);
    }
    for (const QJsonValue &value : array(object, "problems")) {
        const QJsonObject problem = value.toObject();
        grade.problems.append(Problem{str(problem, "kind"), str(problem, "file"),
                                      integer(problem, "line"), str(problem, "message"),
                                      problem.value(QLatin1String("occurrences")).toInt(1)});
    }
    for (const QJsonValue &value : array(object, "logs")) {
        const QJsonObject log = value.toObject();
        grade.logs.append(RunLog{str(log, "label"), str(log, "stdout"), str(log, "stderr")});
    }
    grade.notes = stringsFromJson(array(object, "notes"));
    grade.errorMessage = str(object, "error");
    grade.toolchain = str(object, "toolchain");
    const QJsonObject sandbox = object.value(QLatin1String("sandbox")).toObject();
    grade.sandboxed = sandbox.value(QLatin1String("enabled")).toBool();
    grade.sandbox = str(sandbox, "summary");
    grade.seconds = object.value(QLatin1String("seconds")).toDouble();
    return grade;
}

} // namespace RaceGrade
