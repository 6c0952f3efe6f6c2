#include "gradescopeexport.h"

#include "gradebookexport.h"

#include <QJsonArray>

namespace RaceGrade {

namespace {

const QString visible = QStringLiteral("visible");

QJsonObject test(const QString &name, int score, int maxScore, bool passed, const QString &output)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("score"), score},
        {QStringLiteral("max_score"), maxScore},
        {QStringLiteral("status"), passed ? QStringLiteral("passed") : QStringLiteral("failed")},
        {QStringLiteral("output"), output},
        {QStringLiteral("visibility"), visible}};
}

QString checkOutput(const CheckResult &check)
{
    QStringList lines;
    if (check.status == CheckStatus::NotRun) {
        lines.append(QStringLiteral("Not run."));
    }
    if (!check.detail.isEmpty()) {
        lines.append(check.detail);
    }
    if (!check.passed() && !check.hint.isEmpty()) {
        lines.append(QStringLiteral("Hint: %1").arg(check.hint));
    }
    return lines.join(u'\n');
}

// The tests of one exercise's record: a test per check, each name prefixed by `prefix`.
void appendCheckTests(QJsonArray &tests, const Grade &grade, const QString &prefix)
{
    for (const CheckResult &check : grade.checks) {
        tests.append(test(prefix + check.title, check.points, check.maxPoints, check.passed(),
                          checkOutput(check)));
    }
}

} // namespace

QJsonObject GradescopeExport::fromGrade(const Grade &grade)
{
    QJsonArray tests;
    appendCheckTests(tests, grade, {});
    SubmissionRecord record;
    record.graded = true;
    record.grade = grade;
    return QJsonObject{{QStringLiteral("score"), grade.score},
                       {QStringLiteral("execution_time"), grade.seconds},
                       {QStringLiteral("output"), GradebookExport::feedback(record)},
                       {QStringLiteral("visibility"), visible},
                       {QStringLiteral("tests"), tests}};
}

QJsonObject GradescopeExport::fromStudent(const StudentResults &student,
                                          const QVector<GradebookColumn> &columns)
{
    QJsonArray tests;
    QStringList output;
    double seconds = 0;
    for (const GradebookColumn &column : columns) {
        const QString prefix = column.title + QStringLiteral(": ");
        const auto found = student.byExercise.constFind(column.exercise);
        if (found == student.byExercise.cend()) {
            tests.append(test(prefix + QStringLiteral("handed in"), 0, column.maxPoints, false,
                              QStringLiteral("Nothing was handed in.")));
            output.append(prefix + QStringLiteral("nothing was handed in."));
            continue;
        }
        const SubmissionRecord &record = *found;
        // What the checks gave; a TA's override is the difference, as a test of its own, so
        // that the tests still add up to the score.
        int computed = 0;
        if (record.graded && !record.grade.checks.isEmpty()) {
            appendCheckTests(tests, record.grade, prefix);
            for (const CheckResult &check : record.grade.checks) {
                computed += check.points;
            }
            seconds += record.grade.seconds;
        } else {
            const QString why =
                !record.graded
                    ? QStringLiteral("Not graded yet.")
                    : QStringLiteral("Could not be graded: %1").arg(record.grade.errorMessage);
            tests.append(test(prefix + QStringLiteral("graded"), 0, column.maxPoints, false, why));
        }
        QString line = QStringLiteral("%1%2 of %3")
                           .arg(prefix)
                           .arg(record.effectiveScore())
                           .arg(column.maxPoints);
        if (record.override) {
            const QString comment = record.override->comment;
            tests.append(test(prefix + QStringLiteral("score set by a teaching assistant"),
                              record.override->score - computed, 0, true,
                              comment.isEmpty() ? QStringLiteral("No comment.") : comment));
            line +=
                QStringLiteral(" (set by a teaching assistant; the checks gave %1)").arg(computed);
            if (!comment.isEmpty()) {
                line += QStringLiteral(": ") + comment;
            }
        }
        output.append(line);
    }
    return QJsonObject{{QStringLiteral("score"), student.total()},
                       {QStringLiteral("execution_time"), seconds},
                       {QStringLiteral("output"), output.join(u'\n')},
                       {QStringLiteral("visibility"), visible},
                       {QStringLiteral("tests"), tests}};
}

} // namespace RaceGrade
