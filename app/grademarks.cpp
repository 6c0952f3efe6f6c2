#include "grademarks.h"

#include <QStringList>

namespace RaceGrade {

QString GradeMarks::raceTooltip(const RaceFinding &race, bool reportedSide)
{
    QStringList lines;
    const QString kind =
        race.kind == u"data-race" ? tr("Data race") : tr("Race detector: %1").arg(race.kind);
    lines.append(tr("%1 (%2 this line), seen in %3 of %4 runs")
                     .arg(kind, reportedSide ? tr("reported at") : tr("racing with"))
                     .arg(race.occurrences)
                     .arg(race.runs));
    if (!race.explanation.isEmpty()) {
        lines.append(race.explanation.left(1).toUpper() + race.explanation.mid(1) + u'.');
    }
    if (!race.hint.isEmpty()) {
        lines.append(tr("Hint: %1").arg(race.hint));
    }
    return lines.join(u'\n');
}

QVector<LineMark> GradeMarks::forGrade(const Grade &grade)
{
    QVector<LineMark> marks;
    for (const RaceFinding &race : grade.races) {
        for (int i = 0; i < race.accesses.size(); ++i) {
            const RaceAccessSite &access = race.accesses.at(i);
            if (access.inSubmission && access.line > 0) {
                marks.append(
                    LineMark{access.line,
                             i == 0 ? LineMarkKind::RaceThisAccess : LineMarkKind::RaceOtherAccess,
                             raceTooltip(race, i == 0)});
            }
        }
    }
    for (const Diagnostic &diagnostic : grade.compile.diagnostics) {
        if (diagnostic.file == grade.sourceFile && diagnostic.line > 0) {
            marks.append(LineMark{diagnostic.line,
                                  diagnostic.severity == Severity::Error
                                      ? LineMarkKind::CompileError
                                      : LineMarkKind::CompileWarning,
                                  diagnostic.message});
        }
    }
    return marks;
}

} // namespace RaceGrade
