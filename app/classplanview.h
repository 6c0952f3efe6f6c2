#pragma once

#include "classplan.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableView;

namespace RaceGrade {

class ClassPlanModel;

/// The Plan tab of the class window: the layout that was detected and why, the roster, a table
/// of every file with its student, language and exercise (the exercise can be changed in place),
/// and the files set aside and the problems found.
class ClassPlanView : public QWidget
{
    Q_OBJECT

public:
    explicit ClassPlanView(ClassPlanModel *model, QWidget *parent = nullptr);
    ~ClassPlanView() override;

    /// Fills the labels and the problem list from the model's plan.
    void showPlan();
    /// Shows a line in place of the layout ("Reading …").
    void showMessage(const QString &message);
    /// Says what the roster holds.
    void setRosterText(const QString &text);

    /// "a Moodle download", for a layout.
    static QString layoutName(ClassLayout layout);

    QTableView *table() const { return m_table; }
    QListWidget *problems() const { return m_problems; }
    QLabel *layoutLabel() const { return m_layout; }
    QLabel *rosterLabel() const { return m_roster; }

private:
    ClassPlanModel *m_model;
    QLabel *m_layout = nullptr;
    QLabel *m_roster = nullptr;
    QTableView *m_table = nullptr;
    QListWidget *m_problems = nullptr;
};

} // namespace RaceGrade
