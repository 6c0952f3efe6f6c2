#pragma once

#include <QSortFilterProxyModel>

namespace RaceGrade {

/// Sorts and filters the class table: by a kind of row (failing, racy, missing work, identical
/// files) and by text in the student's name, id, e-mail or section.
class ClassFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    /// Which rows are shown.
    enum class Filter
    {
        All,
        Failing,      ///< students with a graded submission that did not pass
        Racy,         ///< students with a submission in which a race was found
        NotSubmitted, ///< students who handed nothing in for some exercise
        Identical,    ///< students whose file is identical to another student's
    };

    explicit ClassFilterProxy(QObject *parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    /// Shows only rows whose name, id, e-mail or section contain `text` (any case); empty: all.
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::All;
    QString m_searchText;
};

} // namespace RaceGrade
