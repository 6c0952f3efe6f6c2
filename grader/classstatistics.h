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
    int graded = 0; ///< submissions in which the check was judged
};

/// Figures about a class's results, for the summary report and the app's charts. Pure.
struct ClassStatistics
{
    /// Students per band of the total score in percent: [0,10), [10,20) ... [90,100].
    QVector<int> scoreBands;
    QVector<CheckPassRate> checkPassRates;  ///< exercise order, then check order
    QMap<QString, int> submissionsPerRaceKind; ///< "data-race" -> submissions that had one
    QMap<QString, int> submissionsPerMistake;  ///< "unlocked-read" -> submissions
    int students = 0;
    int submissions = 0;
    int notSubmitted = 0; ///< (student, exercise) pairs with nothing handed in
    int identical = 0;    ///< submissions with the same bytes as another student's
    int overridden = 0;
    double meanPercent = 0;
    double medianPercent = 0;

    static ClassStatistics compute(const ClassResults &results);
};

} // namespace RaceGrade
