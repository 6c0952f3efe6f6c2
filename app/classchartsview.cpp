#include "classchartsview.h"

#include "classcharts.h"
#include "classstatistics.h"

#include <QGridLayout>
#include <QLabel>
#include <QtCharts/QChartView>
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
using QtCharts::QChartView;
#endif

namespace RaceGrade {

ClassChartsView::ClassChartsView(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(tr("The charts appear once the class has results."), this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setAccessibleName(tr("Class figures"));
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_summary, 0, 0, 1, 2);
    const QStringList names = {tr("Score distribution"), tr("Pass rate of each check"),
                               tr("Submissions per kind of race")};
    for (int i = 0; i < names.size(); ++i) {
        auto *view = new QChartView(this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setAccessibleName(names.at(i));
        view->setMinimumSize(320, 240);
        m_views.append(view);
        // The pass rates have a bar per check: they get the whole right column.
        if (i == 1) {
            layout->addWidget(view, 1, 1, 2, 1);
        } else {
            layout->addWidget(view, i == 0 ? 1 : 2, 0);
        }
    }
    layout->setRowStretch(1, 1);
    layout->setRowStretch(2, 1);
}

ClassChartsView::~ClassChartsView() = default;

void ClassChartsView::setResults(const ClassResults &results)
{
    const ClassStatistics statistics = ClassStatistics::compute(results);
    m_summary->setText(
        tr("%1 students, %2 submissions graded or waiting, %3 not handed in, %4 "
           "identical to another student's, %5 with a TA's score. Mean %6%, "
           "median %7%.")
            .arg(QString::number(statistics.students), QString::number(statistics.submissions),
                 QString::number(statistics.notSubmitted), QString::number(statistics.identical),
                 QString::number(statistics.overridden),
                 QString::number(statistics.meanPercent, 'f', 1),
                 QString::number(statistics.medianPercent, 'f', 1)));
    using Factory = QChart *(*)(const ClassStatistics &);
    const Factory factories[] = {&ClassCharts::scoreDistribution, &ClassCharts::checkPassRates,
                                 &ClassCharts::raceKinds};
    for (int i = 0; i < m_views.size(); ++i) {
        auto *view = static_cast<QChartView *>(m_views.at(i));
        QChart *previous = view->chart();
        view->setChart(factories[i](statistics));
        // The view lets go of its previous chart without deleting it.
        delete previous;
    }
}

QStringList ClassChartsView::chartTitles() const
{
    QStringList titles;
    for (QWidget *widget : m_views) {
        titles.append(static_cast<QChartView *>(widget)->chart()->title());
    }
    return titles;
}

} // namespace RaceGrade
