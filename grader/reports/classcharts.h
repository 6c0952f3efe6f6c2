#pragma once

#include "classstatistics.h"

#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QtCharts/QChart>

namespace RaceGrade {

#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
using QtCharts::QChart;
#endif

/// The charts of a class's results, for the summary report and the app's class view. Each
/// function returns a new chart that the caller owns (a QChartView takes it over with
/// setChart()). Needs a QApplication, as everything drawn with QtCharts does.
class ClassCharts
{
    Q_DECLARE_TR_FUNCTIONS(ClassCharts)

public:
    /// Students per band of ten percent of the total score.
    static QChart *scoreDistribution(const ClassStatistics &statistics);
    /// The share of graded submissions that passed each check, in percent, one bar a check.
    static QChart *checkPassRates(const ClassStatistics &statistics);
    /// How many submissions each kind of race and each known mistake appeared in.
    static QChart *raceKinds(const ClassStatistics &statistics);

    /// The size (in logical pixels, 640 wide) at which the chart's labels all fit: bar charts
    /// with many categories grow taller.
    static QSize preferredSize(const QChart *chart);

    /// Draws a chart into an image of `size` logical pixels at `scale` times the resolution,
    /// on white. The chart stays the caller's.
    static QImage toImage(QChart *chart, const QSize &size, qreal scale = 2);
    /// The image as PNG bytes.
    static QByteArray png(const QImage &image);
};

} // namespace RaceGrade
