#include "checkevaluator.h"

#include "problemcollector.h"
#include "racemerger.h"

#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace RaceGrade {

namespace {

// Collects "what went wrong in how many runs" and words it as one sentence.
class Tally
{
public:
    void add(const QString &what)
    {
        ++m_counts[what];
        m_order.removeAll(what);
        m_order.append(what);
    }
    bool isEmpty() const { return m_counts.isEmpty(); }
    int total() const
    {
        int sum = 0;
        for (const int count : m_counts) {
            sum += count;
        }
        return sum;
    }
    /// Adds words to one entry, e.g. examples of what it stands for.
    void annotate(const QString &what, const QString &note) { m_notes.insert(what, note); }
    QString sentence(int runs, const QString &noun) const
    {
        QStringList parts;
        QStringList keys = m_order;
        std::stable_sort(keys.begin(), keys.end(), [this](const QString &a, const QString &b) {
            return m_counts.value(a) > m_counts.value(b);
        });
        for (const QString &what : keys) {
            // One arg() call: `what` may quote program output, which can contain "%1".
            parts.append(CheckEvaluator::tr("%1 in %2 of %3 %4%5")
                             .arg(what, QString::number(m_counts.value(what)),
                                  QString::number(runs), noun, m_notes.value(what)));
        }
        return parts.join(CheckEvaluator::tr("; "));
    }

private:
    QHash<QString, int> m_counts;
    QHash<QString, QString> m_notes;
    QStringList m_order;
};

// "in all 5 runs", or "in the one run".
QString inAllRuns(qsizetype runs)
{
    return runs == 1 ? CheckEvaluator::tr("in the one run")
                     : CheckEvaluator::tr("in all %1 runs").arg(runs);
}

QString lastNonEmptyLine(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString trimmed = it->trimmed();
        if (!trimmed.isEmpty()) {
            return trimmed;
        }
    }
    return {};
}

QString runsNoun(int count)
{
    return count == 1 ? QStringLiteral("run") : QStringLiteral("runs");
}

QVector<const RunRecord *> runsOf(const QVector<RunRecord> &runs, bool program)
{
    QVector<const RunRecord *> result;
    for (const RunRecord &run : runs) {
        const bool isProgram = run.binary != BinaryKind::Harness;
        if (isProgram == program && run.result.outcome != RunOutcome::Cancelled) {
            result.append(&run);
        }
    }
    return result;
}

// Why a run did not end normally, in a few words; empty when it did.
QString abnormalEnd(const RunRecord &run, int limitSeconds)
{
    switch (run.result.outcome) {
    case RunOutcome::TimedOut:
        switch (ProblemCollector::timeoutKind(run.result)) {
        case TimeoutKind::Waiting:
            return CheckEvaluator::tr("was still waiting after %1 s, using almost no CPU (blocked: "
                                      "a deadlock, or a sleep or receive that never ends)")
                .arg(limitSeconds);
        case TimeoutKind::Busy:
            return CheckEvaluator::tr("kept the CPU busy for the whole %1 s without finishing (an "
                                      "endless loop, or far too much work)")
                .arg(limitSeconds);
        case TimeoutKind::Unclear:
            break;
        }
        return CheckEvaluator::tr("did not finish within %1 s").arg(limitSeconds);
    case RunOutcome::Crashed:
        return CheckEvaluator::tr("crashed with %1")
            .arg(ProblemCollector::signalName(run.result.signal));
    case RunOutcome::FailedToStart:
        return CheckEvaluator::tr("could not start (%1)").arg(run.result.errorString);
    case RunOutcome::Cancelled:
        return CheckEvaluator::tr("was cancelled");
    case RunOutcome::MemoryExceeded:
    case RunOutcome::TooManyTasks:
    case RunOutcome::OutputExceeded:
    case RunOutcome::FileSizeExceeded:
        return CheckEvaluator::tr("was stopped: it %1").arg(run.result.limitHit);
    case RunOutcome::Exited:
        break;
    }
    for (const RuntimeFailure &failure : run.parsed.failures) {
        if (failure.kind == FailureKind::Deadlock) {
            return CheckEvaluator::tr("stopped in a deadlock (all goroutines were waiting)");
        }
        if (const int signal = ProblemCollector::sanitizerSignal(failure.message)) {
            // The race detector reports the crash and exits with its own status.
            return CheckEvaluator::tr("crashed with %1").arg(ProblemCollector::signalName(signal));
        }
        if (failure.kind != FailureKind::SanitizerMappingFailure) {
            return CheckEvaluator::tr("stopped with \"%1\"").arg(failure.message);
        }
    }
    return {};
}

// The text with every number blanked: details that differ only in their figures ("took 2,397
// ms", "took 2,396 ms") say the same thing.
QString shapeOf(const QString &detail)
{
    static const QRegularExpression number(QStringLiteral(R"(\d[\d,.]*)"));
    QString shape = detail;
    return shape.replace(number, QStringLiteral("#"));
}

QString placeOfFirstRace(const RunRecord &run, const SourceMapper &mapper)
{
    for (const RaceReport &report : run.parsed.races) {
        if (report.kind != ReportKind::DataRace) {
            continue;
        }
        QStringList places;
        for (const MemoryAccess &access : report.accesses) {
            if (const std::optional<StackFrame> frame = mapper.representativeFrame(access.stack)) {
                places.append(
                    SourceMapper::placeText(mapper.displayPath(frame->file), frame->line));
            }
        }
        places.sort(); // either access may be reported first
        return places.join(CheckEvaluator::tr(" and "));
    }
    return {};
}

CheckResult notRun(const CheckSpec &spec, const QString &why)
{
    return CheckResult{spec.id,  spec.title,  CheckStatus::NotRun,
                       0,        spec.points, CheckEvaluator::tr("not run: ") + why,
                       QString()};
}

CheckResult judged(const CheckSpec &spec, bool passed, const QString &detail)
{
    return CheckResult{spec.id,
                       spec.title,
                       passed ? CheckStatus::Passed : CheckStatus::Failed,
                       passed ? spec.points : 0,
                       spec.points,
                       detail,
                       passed ? QString() : spec.hint};
}

CheckResult evaluateCompile(const CheckSpec &spec, const CheckContext &context)
{
    const BuildStep &step = context.build.program;
    if (step.succeeded) {
        int warnings = 0;
        for (const Diagnostic &diagnostic : step.diagnostics) {
            warnings += diagnostic.severity == Severity::Warning ? 1 : 0;
        }
        return judged(spec, true,
                      warnings == 0
                          ? CheckEvaluator::tr("built without errors")
                          : CheckEvaluator::tr("built, with %1 warning(s)").arg(warnings));
    }
    // A limit that stopped the build says more than what the compiler driver printed about it
    // ("Killed signal terminated program cc1plus").
    const QString stopped = ProblemCollector::buildStopped(step);
    if (!stopped.isEmpty()) {
        return judged(spec, false, stopped);
    }
    for (const Diagnostic &diagnostic : step.diagnostics) {
        if (diagnostic.severity == Severity::Error) {
            const QString place =
                diagnostic.line > 0
                    ? CheckEvaluator::tr("%1:%2: ").arg(diagnostic.file).arg(diagnostic.line)
                : !diagnostic.file.isEmpty() ? diagnostic.file + CheckEvaluator::tr(": ")
                                             : QString();
            return judged(spec, false,
                          CheckEvaluator::tr("does not compile: ") + place + diagnostic.message);
        }
    }
    const QString output = step.output.trimmed().section(u'\n', 0, 2);
    return judged(spec, false,
                  output.isEmpty()
                      ? CheckEvaluator::tr("does not compile: the compiler failed without a "
                                           "message (exit status %1)")
                            .arg(step.exitCode)
                      : CheckEvaluator::tr("does not compile: %1").arg(output));
}

CheckResult evaluateFinalLine(const CheckSpec &spec, const CheckContext &context)
{
    const QVector<const RunRecord *> runs = runsOf(context.runs, true);
    if (runs.isEmpty()) {
        return notRun(spec, CheckEvaluator::tr("the program did not run"));
    }
    const QString expected = CheckEvaluator::readableNumber(spec.expect);
    Tally wrong;
    QStringList wrongValues;
    const QString wrongValue = CheckEvaluator::tr("printed something else than %1").arg(expected);
    for (const RunRecord *run : runs) {
        const QString ending = abnormalEnd(*run, context.runSeconds);
        const QString last = lastNonEmptyLine(run->standardOutput);
        if (!ending.isEmpty() && last != spec.expect) {
            wrong.add(ending);
        } else if (last.isEmpty()) {
            wrong.add(CheckEvaluator::tr("printed nothing"));
        } else if (last != spec.expect) {
            // One sentence for all wrong values, with a few of them as examples.
            wrong.add(wrongValue);
            const QString shown = CheckEvaluator::readableNumber(last.left(60));
            if (!wrongValues.contains(shown)) {
                wrongValues.append(shown);
            }
        } else if (spec.exitZero && !run->result.exitedWith(0)) {
            wrong.add(!ending.isEmpty() ? ending
                      : run->result.exitCode == 66 && run->instrumented()
                          ? CheckEvaluator::tr("exited with status 66 because the race detector "
                                               "found a race")
                          : CheckEvaluator::tr("exited with status %1").arg(run->result.exitCode));
        }
    }
    if (wrong.isEmpty()) {
        return judged(
            spec, true,
            CheckEvaluator::tr("printed %1 as the last line%2 %3")
                .arg(expected,
                     spec.exitZero ? CheckEvaluator::tr(" and exited with status 0") : QString(),
                     inAllRuns(runs.size())));
    }
    if (!wrongValues.isEmpty()) {
        wrong.annotate(wrongValue,
                       CheckEvaluator::tr(" (it printed %1%2)")
                           .arg(wrongValues.mid(0, 5).join(CheckEvaluator::tr(", ")),
                                wrongValues.size() > 5 ? CheckEvaluator::tr(", …") : QString()));
    }
    return judged(spec, false, wrong.sentence(int(runs.size()), runsNoun(int(runs.size()))));
}

CheckResult evaluateLineCount(const CheckSpec &spec, const CheckContext &context)
{
    const QVector<const RunRecord *> runs = runsOf(context.runs, true);
    if (runs.isEmpty()) {
        return notRun(spec, CheckEvaluator::tr("the program did not run"));
    }
    Tally wrong;
    for (const RunRecord *run : runs) {
        const int count = int(run->standardOutput.split(u'\n').filter(spec.pattern).size());
        if (count == spec.count) {
            continue;
        }
        const QString ending = abnormalEnd(*run, context.runSeconds);
        if (!ending.isEmpty() && count < spec.count) {
            wrong.add(ending);
        } else {
            wrong.add(CheckEvaluator::tr("\"%1\" was printed %2 time%3")
                          .arg(spec.pattern)
                          .arg(count)
                          .arg(count == 1 ? QString() : QStringLiteral("s")));
        }
    }
    const QString times =
        spec.count == 1 ? QStringLiteral("once") : CheckEvaluator::tr("%1 times").arg(spec.count);
    if (wrong.isEmpty()) {
        return judged(spec, true,
                      CheckEvaluator::tr("\"%1\" was printed exactly %2 %3")
                          .arg(spec.pattern, times, inAllRuns(runs.size())));
    }
    return judged(spec, false,
                  CheckEvaluator::tr("expected \"%1\" exactly %2: ").arg(spec.pattern, times) +
                      wrong.sentence(int(runs.size()), runsNoun(int(runs.size()))));
}

CheckResult evaluateCleanExit(const CheckSpec &spec, const CheckContext &context)
{
    const QVector<const RunRecord *> runs = runsOf(context.runs, true);
    if (runs.isEmpty()) {
        return notRun(spec, CheckEvaluator::tr("the program did not run"));
    }
    Tally wrong;
    for (const RunRecord *run : runs) {
        const QString ending = abnormalEnd(*run, context.runSeconds);
        if (!ending.isEmpty()) {
            wrong.add(ending);
            continue;
        }
        const int code = run->result.exitCode;
        // Status 66 is the race detector's own; the race check already judges that run.
        if (code != 0 && !(code == 66 && run->instrumented() && run->hasDataRace())) {
            wrong.add(CheckEvaluator::tr("exited with status %1").arg(code));
        }
    }
    if (wrong.isEmpty()) {
        return judged(spec, true,
                      CheckEvaluator::tr("finished by itself within %1 s %2")
                          .arg(QString::number(context.runSeconds), inAllRuns(runs.size())));
    }
    return judged(spec, false, wrong.sentence(int(runs.size()), runsNoun(int(runs.size()))));
}

CheckResult evaluateRaceFree(const CheckSpec &spec, const CheckContext &context)
{
    int instrumented = 0;
    int finished = 0;
    for (const RunRecord &run : context.runs) {
        if (run.instrumented() && run.result.outcome != RunOutcome::Cancelled) {
            ++instrumented;
            finished += run.finished() ? 1 : 0;
        }
    }
    QStringList races;
    for (const RaceFinding &race : context.races) {
        if (race.kind != u"data-race") {
            continue;
        }
        QStringList sides;
        for (const RaceAccessSite &access : race.accesses) {
            sides.append(CheckEvaluator::tr("%1 at %2")
                             .arg(access.op, SourceMapper::placeText(access.file, access.line)));
        }
        races.append(CheckEvaluator::tr("%1 (in %2 of %3 runs)")
                         .arg(sides.join(CheckEvaluator::tr(" vs ")))
                         .arg(race.occurrences)
                         .arg(race.runs));
    }
    if (!races.isEmpty()) {
        CheckResult result =
            judged(spec, false,
                   CheckEvaluator::tr("the race detector found %1 race%2: %3")
                           .arg(races.size())
                           .arg(races.size() == 1 ? QString() : QStringLiteral("s"))
                           .arg(races.mid(0, 3).join(CheckEvaluator::tr("; "))) +
                       (races.size() > 3 ? CheckEvaluator::tr("; and %1 more").arg(races.size() - 3)
                                         : QString()));
        for (const RaceFinding &race : context.races) {
            if (race.kind == u"data-race" && !race.hint.isEmpty()) {
                result.hint = race.hint;
                break;
            }
        }
        return result;
    }
    if (instrumented == 0) {
        return notRun(spec, CheckEvaluator::tr("nothing ran with the race detector"));
    }
    if (finished == 0) {
        return judged(spec, false,
                      CheckEvaluator::tr("none of the %1 runs with the race detector finished, so "
                                         "races could not be ruled out")
                          .arg(instrumented));
    }
    return judged(
        spec, true,
        CheckEvaluator::tr("no race reported in %1 runs with the race detector").arg(instrumented));
}

CheckResult evaluateHarness(const CheckSpec &spec, const CheckContext &context)
{
    const BuildStep &harnessBuild = context.build.harness;
    if (!harnessBuild.succeeded) {
        const QString name = CheckEvaluator::missingName(harnessBuild.diagnostics);
        if (!name.isEmpty()) {
            return judged(spec, false,
                          CheckEvaluator::tr("the hidden tests need `%1`, which your file does not "
                                             "define as the instructions ask (check its name and "
                                             "signature)")
                              .arg(name));
        }
        for (const Diagnostic &diagnostic : harnessBuild.diagnostics) {
            if (diagnostic.severity == Severity::Error) {
                return judged(
                    spec, false,
                    CheckEvaluator::tr("the hidden tests could not be built with your code: ") +
                        diagnostic.message);
            }
        }
        return judged(spec, false,
                      CheckEvaluator::tr("the hidden tests could not be built with your code"));
    }
    const QVector<const RunRecord *> runs = runsOf(context.runs, false);
    if (runs.isEmpty()) {
        return notRun(spec, CheckEvaluator::tr("the hidden tests did not run"));
    }
    Tally wrong;
    QString passDetail;
    QStringList racePlaces;
    QHash<QString, QString> firstOfShape; // verdicts that differ only in figures count as one
    QSet<QString> variedShapes;
    const QString raceDuringHarness =
        CheckEvaluator::tr("the race detector found a race while the hidden test ran");
    for (const RunRecord *run : runs) {
        const HarnessVerdict *verdict = nullptr;
        int reported = 0;
        for (const HarnessVerdict &candidate : run->verdicts) {
            if (candidate.testId == spec.harnessTest) {
                verdict = &candidate;
                ++reported;
            }
        }
        // Verdict lines without this grading's key were printed by something other than the
        // hidden test (the submission faking a result); the harness prints each result once.
        if (run->forgedVerdictLines > 0) {
            wrong.add(CheckEvaluator::tr("the program printed lines that imitate the hidden "
                                         "test's results; only the hidden test may print them, "
                                         "so no result of that run counts"));
        } else if (reported > 1) {
            wrong.add(CheckEvaluator::tr("the result of the hidden test was printed %1 times; "
                                         "only the hidden test may print result lines")
                          .arg(reported));
        } else if (!verdict) {
            const QString ending = abnormalEnd(*run, context.harnessSeconds);
            wrong.add(ending.isEmpty()
                          ? CheckEvaluator::tr("the hidden test ended before giving a result (exit "
                                               "status %1)")
                                .arg(run->result.exitCode)
                          : CheckEvaluator::tr("the hidden test ") + ending);
        } else if (!verdict->passed) {
            const QString shape = shapeOf(verdict->detail);
            const auto first = firstOfShape.constFind(shape);
            if (first == firstOfShape.constEnd()) {
                firstOfShape.insert(shape, verdict->detail);
                wrong.add(verdict->detail);
            } else {
                wrong.add(*first);
                if (*first != verdict->detail) {
                    variedShapes.insert(shape);
                }
            }
        } else if (spec.raceFree && run->hasDataRace()) {
            wrong.add(raceDuringHarness);
            const QString place = placeOfFirstRace(*run, context.mapper);
            if (!racePlaces.contains(place)) {
                racePlaces.append(place);
            }
        } else {
            passDetail = verdict->detail;
        }
    }
    if (wrong.isEmpty()) {
        return judged(spec, true,
                      CheckEvaluator::tr("%1 (%2)").arg(passDetail, inAllRuns(runs.size())));
    }
    for (const QString &shape : std::as_const(variedShapes)) {
        wrong.annotate(firstOfShape.value(shape),
                       CheckEvaluator::tr(" (the figures are those of the first such run)"));
    }
    if (!racePlaces.isEmpty()) {
        wrong.annotate(
            raceDuringHarness,
            CheckEvaluator::tr(" (at %1)").arg(racePlaces.join(CheckEvaluator::tr("; "))));
    }
    return judged(spec, false, wrong.sentence(int(runs.size()), runsNoun(int(runs.size()))));
}

CheckResult evaluateVet(const CheckSpec &spec, const CheckContext &context)
{
    const BuildStep &vet = context.build.vet;
    if (!vet.attempted) {
        return notRun(spec, CheckEvaluator::tr("go vet was not run"));
    }
    if (vet.outcome != RunOutcome::Exited) {
        return judged(spec, false, CheckEvaluator::tr("go vet did not finish"));
    }
    if (vet.succeeded) {
        return judged(spec, true,
                      CheckEvaluator::tr("go vet (%1) found nothing")
                          .arg(spec.analyzers.join(CheckEvaluator::tr(", "))));
    }
    QStringList findings;
    for (const Diagnostic &diagnostic : vet.diagnostics) {
        findings.append(CheckEvaluator::tr("%1:%2: %3")
                            .arg(diagnostic.file)
                            .arg(diagnostic.line)
                            .arg(diagnostic.message));
    }
    if (findings.isEmpty()) {
        findings.append(vet.output.trimmed().section(u'\n', 0, 1));
    }
    return judged(spec, false,
                  CheckEvaluator::tr("go vet: ") +
                      findings.mid(0, 3).join(CheckEvaluator::tr("; ")));
}

// A passed check whose prerequisites all failed keeps its own verdict in the words but earns
// nothing yet.
void applyRequirements(const QVector<CheckSpec> &checks, QVector<CheckResult> &results)
{
    const auto passed = [&](const QString &id) {
        return std::any_of(results.cbegin(), results.cend(),
                           [&](const CheckResult &r) { return r.id == id && r.passed(); });
    };
    const auto titleOf = [&](const QString &id) -> QString {
        for (const CheckSpec &spec : checks) {
            if (spec.id == id) {
                return u'"' + spec.title + u'"';
            }
        }
        return id;
    };
    for (int i = 0; i < results.size(); ++i) {
        const CheckSpec &spec = checks.at(i);
        CheckResult &result = results[i];
        if (!result.passed() || spec.requiresAnyOf.isEmpty() ||
            std::any_of(spec.requiresAnyOf.cbegin(), spec.requiresAnyOf.cend(), passed)) {
            continue;
        }
        QStringList titles;
        for (const QString &id : spec.requiresAnyOf) {
            titles.append(titleOf(id));
        }
        result.status = CheckStatus::Failed;
        result.points = 0;
        result.detail = CheckEvaluator::tr("not counted yet: this only earns points once %1 passes "
                                           "(on its own it would: %2)")
                            .arg(titles.join(CheckEvaluator::tr(" or ")), result.detail);
        result.hint = spec.hint;
    }
}

} // namespace

QString CheckEvaluator::readableNumber(const QString &text)
{
    bool isNumber = false;
    const qlonglong value = text.toLongLong(&isNumber);
    return isNumber ? QLocale(QLocale::English).toString(value) : text;
}

QString CheckEvaluator::missingName(const QVector<Diagnostic> &harnessDiagnostics)
{
    // Go: "undefined: X", "c.Load undefined (type *Config has no field or method Load)".
    // gcc: "'X' was not declared in this scope", "'class C' has no member named 'X'",
    //      "'X' does not name a type". clang: "use of undeclared identifier 'X'",
    //      "no member named 'X' in 'C'", "unknown type name 'X'".
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral(R"(has no field or method (?<name>\w+))")),
        QRegularExpression(QStringLiteral(R"(^undefined: (?<name>\w+))")),
        QRegularExpression(QStringLiteral(R"(no member named '(?<name>\w+)')")),
        QRegularExpression(QStringLiteral(R"(has no member named '(?<name>\w+)')")),
        QRegularExpression(QStringLiteral(R"('(?<name>\w+)' was not declared in this scope)")),
        QRegularExpression(QStringLiteral(R"(use of undeclared identifier '(?<name>\w+)')")),
        QRegularExpression(QStringLiteral(R"('(?<name>\w+)' does not name a type)")),
        QRegularExpression(QStringLiteral(R"(unknown type name '(?<name>\w+)')")),
    };
    for (const Diagnostic &diagnostic : harnessDiagnostics) {
        if (diagnostic.severity != Severity::Error) {
            continue;
        }
        for (const QRegularExpression &pattern : patterns) {
            const QRegularExpressionMatch match = pattern.match(diagnostic.message);
            if (match.hasMatch()) {
                return match.captured(u"name");
            }
        }
    }
    return {};
}

QVector<CheckResult> CheckEvaluator::evaluate(const QVector<CheckSpec> &checks,
                                              const CheckContext &context)
{
    QVector<CheckResult> results;
    const bool built = context.build.program.succeeded;
    for (const CheckSpec &spec : checks) {
        if (spec.kind != CheckKind::Compile && !built) {
            results.append(notRun(spec, CheckEvaluator::tr("the program did not compile")));
            continue;
        }
        switch (spec.kind) {
        case CheckKind::Compile:
            results.append(evaluateCompile(spec, context));
            break;
        case CheckKind::FinalLine:
            results.append(evaluateFinalLine(spec, context));
            break;
        case CheckKind::LineCount:
            results.append(evaluateLineCount(spec, context));
            break;
        case CheckKind::CleanExit:
            results.append(evaluateCleanExit(spec, context));
            break;
        case CheckKind::RaceFree:
            results.append(evaluateRaceFree(spec, context));
            break;
        case CheckKind::Harness:
            results.append(evaluateHarness(spec, context));
            break;
        case CheckKind::Vet:
            results.append(evaluateVet(spec, context));
            break;
        }
    }
    applyRequirements(checks, results);
    return results;
}

} // namespace RaceGrade
