#pragma once

#include "classresults.h"

#include <QMap>
#include <QVector>

namespace RaceGrade {

/// How often one check of one exercise passed.
struct CheckPassRate
{
    QString exercise;
    QString checkId;
    QString title;
    int passed = 0;
    int graded = 0; ///< graded submissions in which the check was judged (not "not run")
};

/// Figures about a class's results, for the summary report and the app's charts. Pure.
struct ClassStatistics
{
    /// Students per band of the total score in percent: [0,10), [10,20) ... [90,100]. Every
    /// student of the results counts, one who handed nothing in with 0.
    QVector<int> scoreBands;
    QVector<CheckPassRate> checkPassRates;     ///< exercise order, then check order
    QMap<QString, int> submissionsPerRaceKind; ///< "data-race" -> graded submissions with one
    QMap<QString, int> submissionsPerMistake;  ///< "unlocked-read" -> submissions
    int students = 0;
    int submissions = 0;
    int notSubmitted = 0; ///< (student, exercise) pairs with nothing handed in
    int identical = 0;    ///< submissions with the same bytes as another student's
    int overridden = 0;
    double meanPercent = 0;   ///< of the students' totals against the class's maximum
    double medianPercent = 0; ///< the same, the middle student (mean of the two middle ones)

    static ClassStatistics compute(const ClassResults &results);
};

} // namespace RaceGrade
