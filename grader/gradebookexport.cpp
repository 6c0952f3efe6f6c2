#include "gradebookexport.h"

#include <QStringList>

namespace RaceGrade {

namespace {

// One CSV line: the fields quoted where needed, joined by commas, ended by CRLF.
QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields) {
        quoted.append(GradebookExport::csvField(field));
    }
    return quoted.join(u',') + QStringLiteral("\r\n");
}

// "Safe counter (safe-counter)": the column header Canvas and Moodle show.
QString columnTitle(const GradebookColumn &column)
{
    return column.title == column.exercise
               ? column.exercise
               : QStringLiteral("%1 (%2)").arg(column.title, column.exercise);
}

// A score cell: empty when nothing was handed in or there is no score yet, so that a platform
// leaves the grade to its own policy for missing work instead of recording a zero nobody gave.
QString scoreCell(const StudentResults &student, const QString &exercise)
{
    return student.hasScore(exercise) ? QString::number(student.score(exercise)) : QString();
}

QString kindWords(const QString &kind)
{
    QString words = kind;
    words.replace(u'-', u' ');
    return words;
}

QString raceSentence(const RaceFinding &race)
{
    QStringList lines;
    for (const RaceAccessSite &access : race.accesses) {
        if (access.inSubmission && access.line > 0) {
            lines.append(QString::number(access.line));
        }
    }
    QString sentence = kindWords(race.kind);
    sentence[0] = sentence.at(0).toUpper();
    if (lines.size() == 1) {
        sentence += QStringLiteral(" at line %1").arg(lines.constFirst());
    } else if (lines.size() > 1) {
        sentence += QStringLiteral(" between lines %1").arg(lines.join(QStringLiteral(" and ")));
    }
    if (race.runs > 0) {
        sentence += QStringLiteral(" (in %1 of %2 runs)").arg(race.occurrences).arg(race.runs);
    }
    return sentence + u'.';
}

QStringList titles(const QVector<CheckResult> &checks, CheckStatus status, bool withDetail)
{
    QStringList result;
    for (const CheckResult &check : checks) {
        if (check.status == status) {
            result.append(withDetail && !check.detail.isEmpty()
                              ? QStringLiteral("%1 (%2)").arg(check.title, check.detail)
                              : check.title);
        }
    }
    return result;
}

} // namespace

QString GradebookExport::csvField(const QString &value)
{
    // Quoting a field with edge spaces too keeps readers that trim from losing them.
    const bool needsQuotes =
        value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r') ||
        (!value.isEmpty() && (value.front().isSpace() || value.back().isSpace()));
    if (!needsQuotes) {
        return value;
    }
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString GradebookExport::feedback(const SubmissionRecord &record)
{
    QStringList parts;
    if (!record.graded) {
        parts.append(QStringLiteral("Not graded yet."));
    } else if (record.grade.verdict == Verdict::Error) {
        parts.append(QStringLiteral("Could not be graded: %1").arg(record.grade.errorMessage));
    } else {
        const Grade &grade = record.grade;
        parts.append(QStringLiteral("Score %1 of %2.").arg(grade.score).arg(grade.maxScore));
        const QStringList passed = titles(grade.checks, CheckStatus::Passed, false);
        const QStringList failed = titles(grade.checks, CheckStatus::Failed, true);
        const QStringList notRun = titles(grade.checks, CheckStatus::NotRun, false);
        if (!passed.isEmpty()) {
            parts.append(QStringLiteral("Passed: %1.").arg(passed.join(QStringLiteral("; "))));
        }
        if (!failed.isEmpty()) {
            parts.append(QStringLiteral("Failed: %1.").arg(failed.join(QStringLiteral("; "))));
        }
        if (!notRun.isEmpty()) {
            parts.append(QStringLiteral("Not run: %1.").arg(notRun.join(QStringLiteral("; "))));
        }
        for (const RaceFinding &race : grade.races) {
            parts.append(raceSentence(race));
        }
        for (const Problem &problem : grade.problems) {
            parts.append(problem.line > 0 ? QStringLiteral("%1 at line %2: %3")
                                                .arg(kindWords(problem.kind))
                                                .arg(problem.line)
                                                .arg(problem.message)
                                          : QStringLiteral("%1: %2").arg(kindWords(problem.kind),
                                                                         problem.message));
        }
    }
    if (record.override) {
        QString said =
            QStringLiteral("A teaching assistant set the score to %1").arg(record.override->score);
        if (record.graded) {
            said += QStringLiteral(" (computed: %1)").arg(record.grade.score);
        }
        said += record.override->comment.isEmpty()
                    ? QStringLiteral(".")
                    : QStringLiteral(": %1").arg(record.override->comment);
        parts.append(said);
    }
    return parts.join(u'\n');
}

QByteArray GradebookExport::csv(const ClassResults &results, GradebookFormat format)
{
    QString text;
    switch (format) {
    case GradebookFormat::Generic: {
        QStringList header{QStringLiteral("Student ID"), QStringLiteral("Name"),
                           QStringLiteral("Email")};
        for (const GradebookColumn &column : results.columns) {
            header.append(column.exercise);
        }
        header << QStringLiteral("Total") << QStringLiteral("Max");
        text += csvLine(header);
        const QString max = QString::number(results.maxTotal());
        for (const StudentResults &student : results.students) {
            QStringList row{student.id, student.name, student.email};
            for (const GradebookColumn &column : results.columns) {
                row.append(scoreCell(student, column.exercise));
            }
            row << QString::number(student.total()) << max;
            text += csvLine(row);
        }
        break;
    }
    case GradebookFormat::Canvas: {
        QStringList header{QStringLiteral("Student"), QStringLiteral("ID"),
                           QStringLiteral("SIS User ID"), QStringLiteral("SIS Login ID"),
                           QStringLiteral("Section")};
        QStringList possible{QStringLiteral("Points Possible"), {}, {}, {}, {}};
        for (const GradebookColumn &column : results.columns) {
            header.append(columnTitle(column));
            possible.append(QString::number(column.maxPoints));
        }
        text += csvLine(header);
        text += csvLine(possible);
        for (const StudentResults &student : results.students) {
            // ID is Canvas's own user id; the SIS columns come from the roster only.
            QStringList row{student.name, student.platformId,
                            student.inRoster ? student.id : QString(),
                            student.inRoster ? student.email : QString(), student.section};
            for (const GradebookColumn &column : results.columns) {
                row.append(scoreCell(student, column.exercise));
            }
            text += csvLine(row);
        }
        break;
    }
    case GradebookFormat::Moodle: {
        QStringList header{QStringLiteral("Email address")};
        for (const GradebookColumn &column : results.columns) {
            header << columnTitle(column) << columnTitle(column) + QStringLiteral(" feedback");
        }
        text += csvLine(header);
        for (const StudentResults &student : results.students) {
            QStringList row{student.email};
            for (const GradebookColumn &column : results.columns) {
                const auto record = student.byExercise.constFind(column.exercise);
                if (record == student.byExercise.cend()) {
                    row << QString() << QStringLiteral("Nothing was handed in.");
                } else {
                    row << scoreCell(student, column.exercise) << feedback(*record);
                }
            }
            text += csvLine(row);
        }
        break;
    }
    }
    return text.toUtf8();
}

} // namespace RaceGrade
