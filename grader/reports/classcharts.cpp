#include "classcharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QPainter>
#include <QValueAxis>
#include <algorithm>

#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
using namespace QtCharts;
#endif

namespace RaceGrade {

namespace {

constexpr int bandCount = 10;
constexpr int chartWidth = 640;
constexpr int rowHeight = 26; // per bar of a horizontal bar chart

QFont labelFont()
{
    QFont font;
    font.setPointSizeF(8);
    return font;
}

// Long check titles are cut here, after a whole word, rather than by the axis, which cuts
// them where the space ends.
QString shortened(const QString &label)
{
    constexpr int longest = 36;
    if (label.size() <= longest) {
        return label;
    }
    const qsizetype space = label.lastIndexOf(u' ', longest);
    return label.left(space > longest / 2 ? space : longest - 1) + u'…';
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->legend()->hide();
    return chart;
}

// A count axis with whole-number labels from 0 to at least `maximum`.
QValueAxis *countAxis(int maximum, const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%d"));
    const int top = std::max(1, maximum);
    axis->setRange(0, top);
    if (top <= 10) {
        axis->setTickCount(top + 1);
    } else {
        axis->applyNiceNumbers();
    }
    return axis;
}

// Category labels must be distinct for QBarCategoryAxis; a repeated one gets a counter.
QStringList distinct(const QStringList &labels)
{
    QStringList result;
    for (const QString &label : labels) {
        QString unique = label;
        for (int n = 2; result.contains(unique); ++n) {
            unique = QStringLiteral("%1 (%2)").arg(label).arg(n);
        }
        result.append(unique);
    }
    return result;
}

// Horizontal bars, the first category at the top.
QChart *horizontalBars(const QString &title, const QString &setName, QStringList labels,
                       QVector<qreal> values, QValueAxis *valueAxis, const QString &labelFormat)
{
    QChart *chart = newChart(title);
    std::reverse(labels.begin(), labels.end());
    std::reverse(values.begin(), values.end());
    auto *set = new QBarSet(setName);
    for (const qreal value : values) {
        set->append(value);
    }
    set->setLabelColor(Qt::white);
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    series->setLabelsFormat(labelFormat);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->setLabelsFont(labelFont());
    categories->append(distinct(labels));
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(valueAxis);
    return chart;
}

QString kindWords(const QString &kind)
{
    QString words = kind;
    words.replace(u'-', u' ');
    return words;
}

} // namespace

QChart *ClassCharts::scoreDistribution(const ClassStatistics &statistics)
{
    QChart *chart = newChart(tr("Score distribution"));
    auto *set = new QBarSet(tr("Students"));
    QStringList bands;
    int highest = 0;
    for (int band = 0; band < bandCount; ++band) {
        const int students = statistics.scoreBands.value(band);
        set->append(students);
        highest = std::max(highest, students);
        bands.append(band == bandCount - 1 ? tr("90–100")
                                           : tr("%1–%2").arg(band * 10).arg(band * 10 + 9));
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(bands);
    categories->setLabelsFont(labelFont());
    categories->setTitleText(tr("Total score (%)"));
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    QValueAxis *counts = countAxis(highest, tr("Students"));
    chart->addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
    return chart;
}

QChart *ClassCharts::checkPassRates(const ClassStatistics &statistics)
{
    QStringList labels;
    QVector<qreal> percents;
    for (const CheckPassRate &rate : statistics.checkPassRates) {
        labels.append(shortened(QStringLiteral("%1: %2").arg(rate.exercise, rate.title)));
        percents.append(rate.graded > 0 ? qRound(100.0 * rate.passed / rate.graded) : 0);
    }
    auto *axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%d%%"));
    axis->setTitleText(tr("Graded submissions that passed"));
    return horizontalBars(tr("Pass rate of each check"), tr("Passed"), labels, percents, axis,
                          QStringLiteral("@value%"));
}

QChart *ClassCharts::raceKinds(const ClassStatistics &statistics)
{
    QStringList labels;
    QVector<qreal> counts;
    int highest = 0;
    for (auto it = statistics.submissionsPerRaceKind.cbegin();
         it != statistics.submissionsPerRaceKind.cend(); ++it) {
        labels.append(kindWords(it.key()));
        counts.append(it.value());
        highest = std::max(highest, it.value());
    }
    for (auto it = statistics.submissionsPerMistake.cbegin();
         it != statistics.submissionsPerMistake.cend(); ++it) {
        labels.append(tr("mistake: %1").arg(kindWords(it.key())));
        counts.append(it.value());
        highest = std::max(highest, it.value());
    }
    const QString title =
        labels.isEmpty() ? tr("Races and mistakes (none found)") : tr("Races and mistakes");
    return horizontalBars(title, tr("Submissions"), labels, counts,
                          countAxis(highest, tr("Submissions")), QStringLiteral("@value"));
}

QSize ClassCharts::preferredSize(const QChart *chart)
{
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QHorizontalBarSeries *>(series)) {
            const int rows = bars->count() > 0 ? bars->barSets().constFirst()->count() : 0;
            return QSize(chartWidth, std::max(240, 110 + rowHeight * rows));
        }
    }
    return QSize(chartWidth, 360);
}

QImage ClassCharts::toImage(QChart *chart, const QSize &size, qreal scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    // The chart lays itself out on posted layout requests; let them run before drawing.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), QRectF(QPointF(0, 0), size));
    painter.end();
    scene.removeItem(chart);
    return image;
}

QByteArray ClassCharts::png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace RaceGrade
