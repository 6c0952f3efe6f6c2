#include "classfilterproxy.h"

#include "classtablemodel.h"

namespace RaceGrade {

ClassFilterProxy::ClassFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ClassTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ClassFilterProxy::setFilter(Filter filter)
{
    if (filter != m_filter) {
        m_filter = filter;
        invalidateFilter();
    }
}

void ClassFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed != m_searchText) {
        m_searchText = trimmed;
        invalidateFilter();
    }
}

bool ClassFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_searchText.isEmpty() && !index.data(ClassTableModel::SearchTextRole)
                                        .toString()
                                        .contains(m_searchText, Qt::CaseInsensitive)) {
        return false;
    }
    const int flags = index.data(ClassTableModel::RowFlagsRole).toInt();
    switch (m_filter) {
    case Filter::All:
        return true;
    case Filter::Failing:
        return flags & ClassTableModel::RowFailing;
    case Filter::Racy:
        return flags & ClassTableModel::RowRacy;
    case Filter::NotSubmitted:
        return flags & ClassTableModel::RowMissing;
    case Filter::Identical:
        return flags & ClassTableModel::RowIdentical;
    }
    return true;
}

} // namespace RaceGrade
