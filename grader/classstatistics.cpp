#include "classstatistics.h"

#include <QSet>
#include <algorithm>

namespace RaceGrade {

namespace {

constexpr int bandCount = 10;

// The index of (exercise, check) in `rates`, adding a row the first time a check is seen.
CheckPassRate &rateOf(QVector<CheckPassRate> &rates, const QString &exercise,
                      const CheckResult &check)
{
    for (CheckPassRate &rate : rates) {
        if (rate.exercise == exercise && rate.checkId == check.id) {
            return rate;
        }
    }
    rates.append({exercise, check.id, check.title, 0, 0});
    return rates.last();
}

} // namespace

ClassStatistics ClassStatistics::compute(const ClassResults &results)
{
    ClassStatistics statistics;
    statistics.scoreBands = QVector<int>(bandCount, 0);
    statistics.students = int(results.students.size());
    const int maxTotal = results.maxTotal();

    QVector<double> percents;
    percents.reserve(results.students.size());
    for (const StudentResults &student : results.students) {
        const int total = student.total();
        // Integer arithmetic so that a band edge (exactly 70 %) never falls below it.
        const int band =
            maxTotal > 0 ? std::clamp(total * bandCount / maxTotal, 0, bandCount - 1) : 0;
        ++statistics.scoreBands[band];
        percents.append(maxTotal > 0 ? 100.0 * total / maxTotal : 0.0);

        for (const GradebookColumn &column : results.columns) {
            if (!student.submitted(column.exercise)) {
                ++statistics.notSubmitted;
            }
        }
        for (const SubmissionRecord &record : student.byExercise) {
            ++statistics.submissions;
            statistics.identical += record.identicalTo.isEmpty() ? 0 : 1;
            statistics.overridden += record.override ? 1 : 0;
        }
    }

    // Checks, races and mistakes of the graded submissions, exercise by exercise.
    for (const GradebookColumn &column : results.columns) {
        for (const StudentResults &student : results.students) {
            const auto record = student.byExercise.constFind(column.exercise);
            if (record == student.byExercise.cend() || !record->graded) {
                continue;
            }
            for (const CheckResult &check : record->grade.checks) {
                CheckPassRate &rate = rateOf(statistics.checkPassRates, column.exercise, check);
                if (check.status != CheckStatus::NotRun) {
                    ++rate.graded;
                    rate.passed += check.passed() ? 1 : 0;
                }
            }
            QSet<QString> kinds;
            QSet<QString> mistakes;
            for (const RaceFinding &race : record->grade.races) {
                kinds.insert(race.kind);
                if (!race.mistake.isEmpty()) {
                    mistakes.insert(race.mistake);
                }
            }
            for (const QString &kind : kinds) {
                ++statistics.submissionsPerRaceKind[kind];
            }
            for (const QString &mistake : mistakes) {
                ++statistics.submissionsPerMistake[mistake];
            }
        }
    }

    if (!percents.isEmpty()) {
        double sum = 0;
        for (const double percent : percents) {
            sum += percent;
        }
        statistics.meanPercent = sum / double(percents.size());
        std::sort(percents.begin(), percents.end());
        const qsizetype middle = percents.size() / 2;
        statistics.medianPercent = percents.size() % 2 == 1
                                       ? percents.at(middle)
                                       : (percents.at(middle - 1) + percents.at(middle)) / 2;
    }
    return statistics;
}

} // namespace RaceGrade
