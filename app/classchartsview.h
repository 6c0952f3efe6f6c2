#pragma once

#include "classresults.h"

#include <QWidget>

class QLabel;

namespace RaceGrade {

/// The charts of a class: how the total scores are spread, how often each check passed, and in
/// how many submissions each kind of race appeared. Drawn with Qt Charts.
class ClassChartsView : public QWidget
{
    Q_OBJECT

public:
    explicit ClassChartsView(QWidget *parent = nullptr);
    ~ClassChartsView() override;

    /// Draws the charts of `results` in place of the ones shown.
    void setResults(const ClassResults &results);

    /// The chart views (QChartView), in the order above.
    QList<QWidget *> chartViews() const { return m_views; }
    /// The titles of the charts shown, in the same order.
    QStringList chartTitles() const;

private:
    QList<QWidget *> m_views;
    QLabel *m_summary = nullptr;
};

} // namespace RaceGrade
