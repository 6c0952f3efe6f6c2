#include "feedbackhtml.h"

#include <QMap>
#include <algorithm>

namespace RaceGrade {

namespace {

// The colours of the app's editor marks on a light background: the access a race report names
// first, and the other access of the same race.
const QString thisAccessBackground = QStringLiteral("#e0d7fa");
const QString thisAccessIndicator = QStringLiteral("#7048e8");
const QString otherAccessBackground = QStringLiteral("#cae4e9");
const QString otherAccessIndicator = QStringLiteral("#0c8599");

const QString styleSheet = QStringLiteral(
    "body { font-family: sans-serif; font-size: 10pt; color: #1f2328; }\n"
    "h1 { font-size: 18pt; }\n"
    "h2 { font-size: 14pt; margin-top: 18pt; border-bottom: 1px solid #d0d7de; }\n"
    "h3 { font-size: 11pt; }\n"
    "table.checks { border-collapse: collapse; }\n"
    "table.checks td, table.checks th { border: 1px solid #d0d7de; padding: 3px; }\n"
    "tr.passed td.status { color: #1a7f37; }\n"
    "tr.failed td.status { color: #cf222e; }\n"
    "tr.not-run td.status { color: #6e7781; }\n"
    ".detail { color: #424a53; }\n"
    ".hint { color: #0550ae; }\n"
    ".override { background-color: #fff8c5; border: 1px solid #d4a72c; margin-bottom: 8px; }\n"
    ".error { color: #cf222e; }\n"
    "ol.stack { font-family: monospace; font-size: 8pt; }\n"
    "pre.source { font-family: monospace; font-size: 8pt; white-space: pre-wrap; }\n"
    ".ln { color: #8c959f; }\n"
    ".race-this { background-color: #e0d7fa; }\n"
    ".race-other { background-color: #cae4e9; }\n");

enum class Mark
{
    None,
    ThisAccess,
    OtherAccess,
};

struct MarkedLine
{
    Mark mark = Mark::None;
    QStringList notes; ///< for the line's tooltip
};

QString kindWords(const QString &kind)
{
    QString words = kind;
    words.replace(u'-', u' ');
    if (!words.isEmpty()) {
        words[0] = words.at(0).toUpper();
    }
    return words;
}

int exerciseMaxPoints(const Exercise &exercise)
{
    int best = 0;
    for (const Language language : exercise.languages()) {
        best = std::max(best, exercise.maxPoints(language));
    }
    return best;
}

// The lines of the student's file with the races on them: the first access of a race wins a
// line over a later one, so a line that races with itself shows as the first access.
QMap<int, MarkedLine> markedLines(const Grade &grade)
{
    QMap<int, MarkedLine> marks;
    for (const RaceFinding &race : grade.races) {
        for (qsizetype i = 0; i < race.accesses.size(); ++i) {
            const RaceAccessSite &access = race.accesses.at(i);
            if (!access.inSubmission || access.line <= 0) {
                continue;
            }
            MarkedLine &mark = marks[access.line];
            const Mark kind = i == 0 ? Mark::ThisAccess : Mark::OtherAccess;
            if (mark.mark != Mark::ThisAccess) {
                mark.mark = kind;
            }
            mark.notes.append(
                QStringLiteral("%1: %2 by %3").arg(kindWords(race.kind), access.op, access.thread));
        }
    }
    return marks;
}

QStringList sourceLines(const QString &text)
{
    QStringList lines = text.split(u'\n');
    if (lines.size() > 1 && lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    for (QString &line : lines) {
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
    }
    return lines;
}

QString stackHtml(const Stack &stack)
{
    if (stack.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<ol class=\"stack\">");
    for (const StackFrame &frame : stack) {
        html += QStringLiteral("<li>") + FeedbackHtml::escaped(frame.function);
        if (frame.hasSource()) {
            QString where = QStringLiteral("%1:%2").arg(frame.file).arg(frame.line);
            if (frame.column > 0) {
                where += QStringLiteral(":%1").arg(frame.column);
            }
            html += QStringLiteral(" <span class=\"detail\">") + FeedbackHtml::escaped(where) +
                    QStringLiteral("</span>");
        }
        html += QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ol>\n");
}

QString overrideHtml(const SubmissionRecord &record, int maxPoints)
{
    const ScoreOverride &override = *record.override;
    // A one-cell table, as QTextDocument (which lays out the PDFs) colours tables, not divs.
    QString html = QStringLiteral("<table class=\"override\" width=\"100%\" cellpadding=\"6\" "
                                  "bgcolor=\"#fff8c5\"><tr><td><p><b>Score set by a teaching "
                                  "assistant: %1 of %2</b>")
                       .arg(override.score)
                       .arg(maxPoints);
    if (record.graded) {
        html += QStringLiteral(" (the checks gave %1)").arg(record.grade.score);
    }
    html += QStringLiteral("</p>\n");
    if (!override.comment.isEmpty()) {
        QString comment = FeedbackHtml::escaped(override.comment);
        comment.replace(u'\n', QStringLiteral("<br>"));
        html += QStringLiteral("<p class=\"comment\">") + comment + QStringLiteral("</p>\n");
    }
    QStringList who;
    if (!override.author.isEmpty()) {
        who.append(FeedbackHtml::escaped(override.author));
    }
    if (override.when.isValid()) {
        who.append(override.when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    }
    if (!who.isEmpty()) {
        html += QStringLiteral("<p class=\"detail\">") + who.join(QStringLiteral(", ")) +
                QStringLiteral("</p>\n");
    }
    return html + QStringLiteral("</td></tr></table>\n");
}

QString escapedTitle(const CheckResult &check)
{
    return FeedbackHtml::escaped(check.title.isEmpty() ? check.id : check.title);
}

QString checksHtml(const Grade &grade)
{
    if (grade.checks.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<h3>Checks</h3>\n<table class=\"checks\">\n<tr><th>Check</th>"
                                  "<th>Points</th><th>Result</th></tr>\n");
    for (const CheckResult &check : grade.checks) {
        const QString status = check.status == CheckStatus::NotRun ? QStringLiteral("not-run")
                               : check.passed()                    ? QStringLiteral("passed")
                                                                   : QStringLiteral("failed");
        html += QStringLiteral("<tr class=\"%1\"><td><b>%2</b>").arg(status, escapedTitle(check));
        if (!check.detail.isEmpty()) {
            html += QStringLiteral("<br><span class=\"detail\">") +
                    FeedbackHtml::escaped(check.detail) + QStringLiteral("</span>");
        }
        if (!check.passed() && !check.hint.isEmpty()) {
            html += QStringLiteral("<br><span class=\"hint\">Hint: ") +
                    FeedbackHtml::escaped(check.hint) + QStringLiteral("</span>");
        }
        html += QStringLiteral("</td><td>%1 / %2</td><td class=\"status\">%3</td></tr>\n")
                    .arg(check.points)
                    .arg(check.maxPoints)
                    .arg(QString(status).replace(u'-', u' '));
    }
    return html + QStringLiteral("</table>\n");
}

QString racesHtml(const Grade &grade)
{
    if (grade.races.isEmpty()) {
        return {};
    }
    QString html = QStringLiteral("<h3>Races</h3>\n");
    for (const RaceFinding &race : grade.races) {
        html += QStringLiteral("<div class=\"race\"><p><b>") +
                FeedbackHtml::escaped(kindWords(race.kind)) + QStringLiteral("</b>");
        if (race.runs > 0) {
            html += QStringLiteral(", in %1 of %2 runs").arg(race.occurrences).arg(race.runs);
        }
        html += QStringLiteral("</p>\n");
        if (!race.explanation.isEmpty()) {
            html += QStringLiteral("<p>") + FeedbackHtml::escaped(race.explanation) +
                    QStringLiteral("</p>\n");
        }
        if (!race.location.isEmpty()) {
            html += QStringLiteral("<p>The memory: ") + FeedbackHtml::escaped(race.location) +
                    QStringLiteral("</p>\n");
        }
        for (qsizetype i = 0; i < race.accesses.size(); ++i) {
            const RaceAccessSite &access = race.accesses.at(i);
            const bool first = i == 0;
            html += QStringLiteral("<p class=\"access\"><span style=\"color:%1\">&#9679;</span> "
                                   "<b>%2")
                        .arg(first ? thisAccessIndicator : otherAccessIndicator,
                             FeedbackHtml::escaped(first ? QStringLiteral("This access")
                                                         : QStringLiteral("The other access")));
            html += QStringLiteral(": %1").arg(FeedbackHtml::escaped(access.op));
            if (access.line > 0) {
                html += access.inSubmission ? QStringLiteral(" at line %1").arg(access.line)
                                            : QStringLiteral(" at %1:%2")
                                                  .arg(FeedbackHtml::escaped(access.file))
                                                  .arg(access.line);
            }
            html += QStringLiteral("</b>");
            if (!access.function.isEmpty()) {
                html += QStringLiteral(" in ") + FeedbackHtml::escaped(access.function);
            }
            if (!access.thread.isEmpty()) {
                html += QStringLiteral(" by ") + FeedbackHtml::escaped(access.thread);
            }
            if (!access.mutexesHeld.isEmpty()) {
                html += QStringLiteral(", holding ") +
                        FeedbackHtml::escaped(access.mutexesHeld.join(QStringLiteral(", ")));
            }
            html += QStringLiteral("</p>\n") + stackHtml(access.stack);
        }
        for (const Stack &stack : race.creationStacks) {
            html += QStringLiteral("<p>Started at:</p>\n") + stackHtml(stack);
        }
        if (!race.hint.isEmpty()) {
            html += QStringLiteral("<p class=\"hint\">Hint: ") + FeedbackHtml::escaped(race.hint) +
                    QStringLiteral("</p>\n");
        }
        html += QStringLiteral("</div>\n");
    }
    return html;
}

QString problemsHtml(const Grade &grade)
{
    QString html;
    if (!grade.problems.isEmpty()) {
        html += QStringLiteral("<h3>Problems</h3>\n<ul>\n");
        for (const Problem &problem : grade.problems) {
            html += QStringLiteral("<li><b>") + FeedbackHtml::escaped(kindWords(problem.kind));
            if (problem.line > 0) {
                html += QStringLiteral(" at line %1").arg(problem.line);
            }
            html += QStringLiteral("</b>: ") + FeedbackHtml::escaped(problem.message);
            if (problem.occurrences > 1) {
                html += QStringLiteral(" (in %1 runs)").arg(problem.occurrences);
            }
            html += QStringLiteral("</li>\n");
        }
        html += QStringLiteral("</ul>\n");
    }
    if (!grade.compile.diagnostics.isEmpty()) {
        html += QStringLiteral("<h3>Compiler messages</h3>\n<ul>\n");
        for (const Diagnostic &diagnostic : grade.compile.diagnostics) {
            const QString severity =
                diagnostic.severity == Severity::Error     ? QStringLiteral("error")
                : diagnostic.severity == Severity::Warning ? QStringLiteral("warning")
                                                           : QStringLiteral("note");
            QString where =
                diagnostic.line > 0 ? QStringLiteral("line %1").arg(diagnostic.line) : QString();
            if (diagnostic.line > 0 && diagnostic.column > 0) {
                where += QStringLiteral(":%1").arg(diagnostic.column);
            }
            html += QStringLiteral("<li>") +
                    (where.isEmpty() ? QString() : FeedbackHtml::escaped(where) + u' ') +
                    QStringLiteral("<b>%1</b>: ").arg(severity) +
                    FeedbackHtml::escaped(diagnostic.message) + QStringLiteral("</li>\n");
        }
        html += QStringLiteral("</ul>\n");
    }
    return html;
}

QString sourceHtml(const SubmissionRecord &record, const SourceToHtml &highlight)
{
    const QString text = QString::fromUtf8(record.source);
    const QStringList plain = sourceLines(text);
    const QStringList highlighted =
        highlight ? sourceLines(highlight(text, record.language)) : QStringList();
    const QMap<int, MarkedLine> marks = markedLines(record.grade);
    const int width = int(QString::number(plain.size()).size());

    QString html = QStringLiteral("<h3>Your file: ") + FeedbackHtml::escaped(record.sourcePath) +
                   QStringLiteral("</h3>\n");
    if (!marks.isEmpty()) {
        html += QStringLiteral("<p class=\"legend\"><span class=\"race-this\" "
                               "style=\"background-color:%1\">&nbsp;first access of a "
                               "race&nbsp;</span> <span class=\"race-other\" "
                               "style=\"background-color:%2\">&nbsp;the other access&nbsp;"
                               "</span></p>\n")
                    .arg(thisAccessBackground, otherAccessBackground);
    }
    html += QStringLiteral("<pre class=\"source\">");
    for (qsizetype i = 0; i < plain.size(); ++i) {
        const int number = int(i) + 1;
        // The highlighter closes its spans on each line; when it gives fewer lines than the
        // file has, the rest is shown plain.
        QString code =
            i < highlighted.size() ? highlighted.at(i) : FeedbackHtml::escaped(plain.at(i));
        const MarkedLine mark = marks.value(number);
        html += QStringLiteral("<span class=\"ln\">%1</span> ")
                    .arg(QString::number(number).rightJustified(width));
        if (mark.mark == Mark::None) {
            html += QStringLiteral("  ") + code + u'\n';
            continue;
        }
        const bool first = mark.mark == Mark::ThisAccess;
        if (code.isEmpty()) {
            code = QStringLiteral(" ");
        }
        html += QStringLiteral("<span style=\"color:%1\">&#9679;</span> <span class=\"%2\" "
                               "style=\"background-color:%3\" title=\"%4\">%5</span>\n")
                    .arg(first ? thisAccessIndicator : otherAccessIndicator,
                         first ? QStringLiteral("race-this") : QStringLiteral("race-other"),
                         first ? thisAccessBackground : otherAccessBackground,
                         FeedbackHtml::escaped(mark.notes.join(QStringLiteral("; "))), code);
    }
    return html + QStringLiteral("</pre>\n");
}

QString recordHtml(const SubmissionRecord &record, int maxPoints, const SourceToHtml &highlight)
{
    QString html;
    if (record.override) {
        html += overrideHtml(record, maxPoints);
    }
    if (!record.graded) {
        html += QStringLiteral("<p>Not graded yet.</p>\n");
    } else if (record.grade.verdict == Verdict::Error) {
        html += QStringLiteral("<p class=\"error\">Could not be graded: ") +
                FeedbackHtml::escaped(record.grade.errorMessage) + QStringLiteral("</p>\n");
    } else if (!record.override) {
        html += QStringLiteral("<p class=\"score\">Score: <b>%1</b> of %2</p>\n")
                    .arg(record.grade.score)
                    .arg(maxPoints);
    }
    if (record.graded) {
        html += checksHtml(record.grade) + racesHtml(record.grade) + problemsHtml(record.grade);
    }
    return html + sourceHtml(record, highlight);
}

} // namespace

QString FeedbackHtml::escaped(const QString &text)
{
    QString result;
    result.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            result += QStringLiteral("&amp;");
            break;
        case u'<':
            result += QStringLiteral("&lt;");
            break;
        case u'>':
            result += QStringLiteral("&gt;");
            break;
        case u'"':
            result += QStringLiteral("&quot;");
            break;
        case u'\'':
            result += QStringLiteral("&#39;");
            break;
        default:
            result += c;
        }
    }
    return result;
}

QSet<int> FeedbackHtml::raceLines(const Grade &grade)
{
    QSet<int> lines;
    const QMap<int, MarkedLine> marks = markedLines(grade);
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        lines.insert(it.key());
    }
    return lines;
}

QString FeedbackHtml::page(const QString &studentName, const QVector<SubmissionRecord> &records,
                           const QVector<Exercise> &exercises, const SourceToHtml &highlight)
{
    // The exercises in the order given, then records for exercises the list does not have.
    struct Section
    {
        QString title;
        int maxPoints = 0;
        const SubmissionRecord *record = nullptr;
    };
    QVector<Section> sections;
    QSet<QString> listed;
    for (const Exercise &exercise : exercises) {
        Section section{exercise.title, exerciseMaxPoints(exercise), nullptr};
        for (const SubmissionRecord &record : records) {
            if (record.exercise == exercise.id) {
                section.record = &record;
                // The grade knows the maximum of the language the student wrote in.
                if (record.graded && record.maxScore() > 0) {
                    section.maxPoints = record.maxScore();
                }
            }
        }
        listed.insert(exercise.id);
        sections.append(section);
    }
    for (const SubmissionRecord &record : records) {
        if (!listed.contains(record.exercise)) {
            sections.append({record.exercise, record.maxScore(), &record});
        }
    }

    int total = 0;
    int maxTotal = 0;
    for (const Section &section : sections) {
        total += section.record ? section.record->effectiveScore() : 0;
        maxTotal += section.maxPoints;
    }

    const QString name = escaped(studentName);
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                                  "<title>Feedback for %1</title>\n<style>\n%2</style>\n"
                                  "</head>\n<body>\n<h1>Feedback for %1</h1>\n")
                       .arg(name, styleSheet);
    html +=
        QStringLiteral("<p class=\"total\">Total: <b>%1</b> of %2</p>\n").arg(total).arg(maxTotal);
    for (const Section &section : sections) {
        html += QStringLiteral("<h2>") + escaped(section.title) + QStringLiteral("</h2>\n");
        if (!section.record) {
            html += QStringLiteral("<p>Nothing was handed in for this exercise: 0 of %1.</p>\n")
                        .arg(section.maxPoints);
            continue;
        }
        html += recordHtml(*section.record, section.maxPoints, highlight);
    }
    return html + QStringLiteral("</body></html>\n");
}

} // namespace RaceGrade
