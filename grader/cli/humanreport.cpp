#include "humanreport.h"

#include "sourcemapper.h"

namespace RaceGrade {

namespace {

using Colour = CliOutput::Colour;

QString place(const QString &file, int line)
{
    if (file.isEmpty()) {
        return QStringLiteral("?");
    }
    return SourceMapper::placeText(file, line);
}

} // namespace

QString HumanReport::races(const QVector<RaceFinding> &races, const CliOutput &out)
{
    QString text;
    int number = 0;
    for (const RaceFinding &race : races) {
        ++number;
        const QString seen =
            race.runs > 0
                ? QStringLiteral(", seen in %1 of %2 runs").arg(race.occurrences).arg(race.runs)
                : QString();
        text += QStringLiteral("  %1. %2%3\n")
                    .arg(number)
                    .arg(out.paint(race.kind, Colour::Yellow), seen);
        for (const RaceAccessSite &access : race.accesses) {
            QString who =
                access.thread.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(access.thread);
            text += QStringLiteral("     %1 %2  %3%4\n")
                        .arg(access.op.leftJustified(12),
                             out.paint(place(access.file, access.line), Colour::Bold),
                             access.function, who);
        }
        if (!race.location.isEmpty()) {
            text += QStringLiteral("     memory: %1\n").arg(race.location);
        }
        if (!race.explanation.isEmpty()) {
            text += QStringLiteral("     %1\n").arg(race.explanation);
        }
        if (!race.hint.isEmpty()) {
            text += QStringLiteral("     %1 %2\n")
                        .arg(out.paint(QStringLiteral("hint:"), Colour::Cyan), race.hint);
        }
    }
    return text;
}

QString HumanReport::problems(const QVector<Problem> &problems, const CliOutput &out)
{
    QString text;
    for (const Problem &problem : problems) {
        const QString where =
            problem.file.isEmpty() ? QString() : place(problem.file, problem.line) + u' ';
        text += QStringLiteral("  %1 %2%3\n")
                    .arg(out.paint(problem.kind, Colour::Yellow), where, problem.message);
    }
    return text;
}

QString HumanReport::grade(const Grade &grade, const CliOutput &out)
{
    QString text;
    text +=
        out.paint(QStringLiteral("%1 (%2): %3")
                      .arg(grade.exercise, languageDisplayName(grade.language), grade.sourceFile),
                  Colour::Bold) +
        u'\n';
    if (!grade.sandbox.isEmpty()) {
        text += grade.sandboxed ? out.paint(QStringLiteral("  ") + grade.sandbox, Colour::Dim)
                                : out.paint(QStringLiteral("  ") + grade.sandbox, Colour::Red);
        text += u'\n';
    }
    if (grade.verdict == Verdict::Error) {
        text += out.paint(QStringLiteral("error: "), Colour::Red) + grade.errorMessage + u'\n';
        return text;
    }
    int titleWidth = 0;
    for (const CheckResult &check : grade.checks) {
        titleWidth = qMax(titleWidth, int(check.title.size()));
    }
    QString lastHint;
    for (const CheckResult &check : grade.checks) {
        const QString mark = check.passed() ? out.paint(QStringLiteral("PASS"), Colour::Green)
                             : check.status == CheckStatus::NotRun
                                 ? out.paint(QStringLiteral("SKIP"), Colour::Dim)
                                 : out.paint(QStringLiteral("FAIL"), Colour::Red);
        text += QStringLiteral("  %1  %2 %3  %4\n")
                    .arg(mark, check.title.leftJustified(titleWidth),
                         QStringLiteral("%1/%2")
                             .arg(check.points)
                             .arg(check.maxPoints)
                             .rightJustified(7),
                         check.detail);
        // A hint shared by several failed checks is shown once, under the first.
        if (!check.passed() && !check.hint.isEmpty() && check.hint != lastHint) {
            lastHint = check.hint;
            text += QStringLiteral("        %1 %2\n")
                        .arg(out.paint(QStringLiteral("hint:"), Colour::Cyan), check.hint);
        }
    }
    QVector<Diagnostic> errors;
    for (const Diagnostic &diagnostic : grade.compile.diagnostics) {
        if (diagnostic.severity == Severity::Error || !grade.compile.ok) {
            errors.append(diagnostic);
        }
    }
    if (!grade.compile.ok && !errors.isEmpty()) {
        text += out.paint(QStringLiteral("\nCompiler\n"), Colour::Bold);
        for (const Diagnostic &diagnostic : errors) {
            QString where = diagnostic.file;
            if (diagnostic.line > 0) {
                where += u':' + QString::number(diagnostic.line);
                where +=
                    diagnostic.column > 0 ? u':' + QString::number(diagnostic.column) : QString();
            }
            text += QStringLiteral("  %1: %2\n").arg(where, diagnostic.message);
        }
    }
    if (!grade.races.isEmpty()) {
        text += out.paint(QStringLiteral("\nRaces\n"), Colour::Bold) + races(grade.races, out);
    }
    QVector<Problem> otherProblems;
    for (const Problem &problem : grade.problems) {
        if (problem.kind != u"compile-error") {
            otherProblems.append(problem);
        }
    }
    if (!otherProblems.isEmpty()) {
        text +=
            out.paint(QStringLiteral("\nProblems\n"), Colour::Bold) + problems(otherProblems, out);
    }
    for (const QString &note : grade.notes) {
        text += out.paint(QStringLiteral("note: "), Colour::Dim) + note + u'\n';
    }
    text +=
        QStringLiteral("\nScore: %1/%2  %3  (%4 runs, %5 s)\n")
            .arg(grade.score)
            .arg(grade.maxScore)
            .arg(grade.verdict == Verdict::Pass ? out.paint(QStringLiteral("PASS"), Colour::Green)
                                                : out.paint(QStringLiteral("FAIL"), Colour::Red))
            .arg(grade.runs.count)
            .arg(grade.seconds, 0, 'f', 1);
    return text;
}

} // namespace RaceGrade
