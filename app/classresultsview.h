#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace RaceGrade {

class ClassFilterProxy;
class ClassTableModel;
class SubmissionView;

/// The Results tab of the class window: which students to show and a text filter above the
/// sortable class table, and beside it the submission of the selected cell.
class ClassResultsView : public QWidget
{
    Q_OBJECT

public:
    ClassResultsView(ClassTableModel *model, ClassFilterProxy *proxy, QWidget *parent = nullptr);
    ~ClassResultsView() override;

    QComboBox *filterBox() const { return m_filterBox; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *countLabel() const { return m_countLabel; }
    QTableView *table() const { return m_table; }
    SubmissionView *submissionView() const { return m_submissionView; }

Q_SIGNALS:
    /// Another cell of the table became the current one.
    void currentCellChanged();
    /// The context menu of the table was asked for at `position` (in the viewport).
    void cellMenuRequested(const QPoint &position);

private:
    void updateCount();

    ClassTableModel *m_model;
    ClassFilterProxy *m_proxy;
    QComboBox *m_filterBox = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_table = nullptr;
    SubmissionView *m_submissionView = nullptr;
};

} // namespace RaceGrade
