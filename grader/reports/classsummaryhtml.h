#pragma once

#include "classstatistics.h"

#include <QMap>

namespace RaceGrade {

/// The class summary as one HTML page: key figures, the three charts, the score bands, the pass
/// rate of every check, races and mistakes, every student's scores, and the warnings of the
/// results. Pure.
class ClassSummaryHtml
{
public:
    /// The chart images: "scores", "checks" and "races" name the <img src> of each (a data:
    /// URL for a file of its own, a resource name for a PDF); a chart without one is left out.
    static QString page(const QString &title, const ClassResults &results,
                        const ClassStatistics &statistics, const QMap<QString, QString> &charts);

    /// The names page() takes in `charts`.
    static QStringList chartNames();
};

} // namespace RaceGrade
