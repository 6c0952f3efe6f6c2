#include "classchartsview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace RaceGrade {

ClassChartsView::ClassChartsView(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
}

ClassChartsView::~ClassChartsView() = default;

void ClassChartsView::setResults(const ClassResults &results)
{
    Q_UNUSED(results);
}

QStringList ClassChartsView::chartTitles() const
{
    return {};
}

} // namespace RaceGrade
