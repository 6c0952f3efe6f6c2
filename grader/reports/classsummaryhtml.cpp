#include "classsummaryhtml.h"

#include "feedbackhtml.h"

namespace RaceGrade {

namespace {

const QString styleSheet =
    QStringLiteral("body { font-family: sans-serif; font-size: 10pt; color: #1f2328; }\n"
                   "h1 { font-size: 18pt; }\n"
                   "h2 { font-size: 13pt; margin-top: 16pt; }\n"
                   "table { border-collapse: collapse; }\n"
                   "td, th { border: 1px solid #d0d7de; padding: 3px; }\n"
                   "th { background-color: #f6f8fa; text-align: left; }\n"
                   "td.number { text-align: right; }\n"
                   ".note { color: #6e7781; }\n");

QString esc(const QString &text)
{
    return FeedbackHtml::escaped(text);
}

QString percent(double value)
{
    return QString::number(value, 'f', 1) + u'%';
}

QString row(const QStringList &cells, const QVector<bool> &numeric = {})
{
    QString html = QStringLiteral("<tr>");
    for (qsizetype i = 0; i < cells.size(); ++i) {
        html += numeric.value(i) ? QStringLiteral("<td class=\"number\">") : QStringLiteral("<td>");
        html += cells.at(i) + QStringLiteral("</td>");
    }
    return html + QStringLiteral("</tr>\n");
}

QString headerRow(const QStringList &cells)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells) {
        html += QStringLiteral("<th>") + cell + QStringLiteral("</th>");
    }
    return html + QStringLiteral("</tr>\n");
}

QString kindWords(const QString &kind)
{
    QString words = kind;
    words.replace(u'-', u' ');
    return words;
}

QString chartHtml(const QMap<QString, QString> &charts, const QString &name, const QString &alt)
{
    const auto source = charts.constFind(name);
    if (source == charts.cend()) {
        return {};
    }
    return QStringLiteral("<p><img src=\"%1\" width=\"640\" alt=\"%2\"></p>\n")
        .arg(esc(*source), esc(alt));
}

} // namespace

QStringList ClassSummaryHtml::chartNames()
{
    return {QStringLiteral("scores"), QStringLiteral("checks"), QStringLiteral("races")};
}

QString ClassSummaryHtml::page(const QString &title, const ClassResults &results,
                               const ClassStatistics &statistics,
                               const QMap<QString, QString> &charts)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
                                  "<title>%1</title>\n<style>\n%2</style>\n</head>\n<body>\n"
                                  "<h1>%1</h1>\n")
                       .arg(esc(title), styleSheet);

    // Key figures.
    html += QStringLiteral("<h2>The class</h2>\n<table>\n");
    const auto figure = [&html](const QString &name, const QString &value) {
        html += row({name, value}, {false, true});
    };
    figure(QStringLiteral("Students"), QString::number(statistics.students));
    figure(QStringLiteral("Exercises"), QString::number(results.columns.size()));
    figure(QStringLiteral("Submissions"), QString::number(statistics.submissions));
    figure(QStringLiteral("Exercises not handed in"), QString::number(statistics.notSubmitted));
    figure(QStringLiteral("Identical to another student's"), QString::number(statistics.identical));
    figure(QStringLiteral("Scores set by a teaching assistant"),
           QString::number(statistics.overridden));
    figure(QStringLiteral("Mean total"), percent(statistics.meanPercent));
    figure(QStringLiteral("Median total"), percent(statistics.medianPercent));
    figure(QStringLiteral("Maximum total"), QString::number(results.maxTotal()));
    html += QStringLiteral("</table>\n");

    // Scores.
    html += QStringLiteral("<h2>Score distribution</h2>\n") +
            chartHtml(charts, QStringLiteral("scores"), QStringLiteral("Score distribution"));
    html += QStringLiteral("<table>\n") +
            headerRow({QStringLiteral("Total score"), QStringLiteral("Students")});
    for (qsizetype band = 0; band < statistics.scoreBands.size(); ++band) {
        const QString range = band == statistics.scoreBands.size() - 1
                                  ? QStringLiteral("%1–100%").arg(band * 10)
                                  : QStringLiteral("%1–%2%").arg(band * 10).arg(band * 10 + 9);
        html += row({range, QString::number(statistics.scoreBands.at(band))}, {false, true});
    }
    html += QStringLiteral("</table>\n");

    // Checks.
    html += QStringLiteral("<h2>Checks</h2>\n") +
            chartHtml(charts, QStringLiteral("checks"), QStringLiteral("Pass rate of each check"));
    html +=
        QStringLiteral("<table>\n") +
        headerRow({QStringLiteral("Exercise"), QStringLiteral("Check"), QStringLiteral("Passed"),
                   QStringLiteral("Judged"), QStringLiteral("Pass rate")});
    for (const CheckPassRate &rate : statistics.checkPassRates) {
        const QString share =
            rate.graded > 0 ? percent(100.0 * rate.passed / rate.graded) : QStringLiteral("–");
        html += row({esc(rate.exercise), esc(rate.title), QString::number(rate.passed),
                     QString::number(rate.graded), share},
                    {false, false, true, true, true});
    }
    html += QStringLiteral("</table>\n");

    // Races and mistakes.
    html += QStringLiteral("<h2>Races and mistakes</h2>\n") +
            chartHtml(charts, QStringLiteral("races"), QStringLiteral("Races and mistakes"));
    if (statistics.submissionsPerRaceKind.isEmpty()) {
        html += QStringLiteral("<p>No race was found in any submission.</p>\n");
    } else {
        html += QStringLiteral("<table>\n") +
                headerRow({QStringLiteral("Found"), QStringLiteral("Submissions")});
        for (auto it = statistics.submissionsPerRaceKind.cbegin();
             it != statistics.submissionsPerRaceKind.cend(); ++it) {
            html += row({esc(kindWords(it.key())), QString::number(it.value())}, {false, true});
        }
        for (auto it = statistics.submissionsPerMistake.cbegin();
             it != statistics.submissionsPerMistake.cend(); ++it) {
            html += row({QStringLiteral("mistake: ") + esc(kindWords(it.key())),
                         QString::number(it.value())},
                        {false, true});
        }
        html += QStringLiteral("</table>\n");
    }

    // Students.
    html += QStringLiteral("<h2>Students</h2>\n<table>\n");
    QStringList header{QStringLiteral("Student"), QStringLiteral("ID")};
    for (const GradebookColumn &column : results.columns) {
        header.append(esc(column.title) + QStringLiteral(" (%1)").arg(column.maxPoints));
    }
    header.append(QStringLiteral("Total (%1)").arg(results.maxTotal()));
    html += headerRow(header);
    bool anyOverride = false;
    QStringList identical;
    for (const StudentResults &student : results.students) {
        QStringList cells{esc(student.name), esc(student.id)};
        QVector<bool> numeric{false, false};
        for (const GradebookColumn &column : results.columns) {
            const auto record = student.byExercise.constFind(column.exercise);
            QString cell = QStringLiteral("–");
            if (record != student.byExercise.cend()) {
                cell = QString::number(record->effectiveScore());
                if (record->override) {
                    cell += QStringLiteral(" (TA)");
                    anyOverride = true;
                }
                if (!record->identicalTo.isEmpty()) {
                    cell += QStringLiteral(" =");
                    identical.append(QStringLiteral("%1, %2: the same file as %3")
                                         .arg(esc(student.name), esc(column.title),
                                              esc(record->identicalTo.join(QStringLiteral(", ")))));
                }
            }
            cells.append(cell);
            numeric.append(true);
        }
        cells.append(QString::number(student.total()));
        numeric.append(true);
        html += row(cells, numeric);
    }
    html += QStringLiteral("</table>\n");
    QStringList notes{QStringLiteral("– nothing handed in")};
    if (anyOverride) {
        notes.append(QStringLiteral("(TA) score set by a teaching assistant"));
    }
    if (!identical.isEmpty()) {
        notes.append(QStringLiteral("= the same file as another student's"));
    }
    html += QStringLiteral("<p class=\"note\">") + notes.join(QStringLiteral("; ")) +
            QStringLiteral("</p>\n");
    if (!identical.isEmpty()) {
        html += QStringLiteral("<h2>Identical files</h2>\n<ul>\n<li>") +
                identical.join(QStringLiteral("</li>\n<li>")) + QStringLiteral("</li>\n</ul>\n");
    }

    if (!results.warnings.isEmpty()) {
        html += QStringLiteral("<h2>Warnings</h2>\n<ul>\n");
        for (const QString &warning : results.warnings) {
            html += QStringLiteral("<li>") + esc(warning) + QStringLiteral("</li>\n");
        }
        html += QStringLiteral("</ul>\n");
    }
    return html + QStringLiteral("</body></html>\n");
}

} // namespace RaceGrade
