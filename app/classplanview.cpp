#include "classplanview.h"

#include "classplanmodel.h"
#include "exercisedelegate.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace RaceGrade {

ClassPlanView::ClassPlanView(ClassPlanModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    m_layout = new QLabel(tr("No class folder is open."), this);
    m_layout->setWordWrap(true);
    m_layout->setTextFormat(Qt::PlainText);
    m_layout->setAccessibleName(tr("Detected layout"));
    m_roster = new QLabel(this);
    m_roster->setWordWrap(true);
    m_roster->setTextFormat(Qt::PlainText);
    m_roster->setAccessibleName(tr("Roster"));

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ClassPlanModel::ExerciseColumn,
                                      new ExerciseDelegate(m_model, m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                             QAbstractItemView::EditKeyPressed);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ClassPlanModel::ReasonColumn,
                                                      QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Files of the class and their exercises"));
    m_table->setToolTip(tr("Double-click an exercise (or select it and press F2) to grade the "
                           "file for another exercise or to set it aside."));

    m_problems = new QListWidget(this);
    m_problems->setAccessibleName(tr("Files set aside and problems found in the class folder"));
    m_problems->setMaximumHeight(140);
    auto *problemsLabel = new QLabel(tr("Set aside and problems:"), this);
    problemsLabel->setBuddy(m_problems);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_layout);
    layout->addWidget(m_roster);
    layout->addWidget(m_table, 1);
    layout->addWidget(problemsLabel);
    layout->addWidget(m_problems);
}

ClassPlanView::~ClassPlanView() = default;

QString ClassPlanView::layoutName(ClassLayout layout)
{
    switch (layout) {
    case ClassLayout::Folders:
        return tr("a folder per student");
    case ClassLayout::Archives:
        return tr("an archive per student");
    case ClassLayout::Canvas:
        return tr("a Canvas download");
    case ClassLayout::Moodle:
        return tr("a Moodle download");
    case ClassLayout::Mixed:
        return tr("folders and archives");
    case ClassLayout::Empty:
        return tr("nothing to grade");
    }
    return {};
}

void ClassPlanView::showMessage(const QString &message)
{
    m_layout->setText(message);
}

void ClassPlanView::setRosterText(const QString &text)
{
    m_roster->setText(text);
}

void ClassPlanView::showPlan()
{
    const ClassPlan &plan = m_model->plan();
    int files = 0;
    int chosen = 0;
    for (const PlannedStudent &student : plan.students) {
        files += int(student.files.size());
        for (const PlannedFile &file : student.files) {
            chosen += file.chosen ? 1 : 0;
        }
    }
    m_layout->setText(tr("Layout: %1 (%2). %3 students, %4 source files, %5 to grade.")
                          .arg(layoutName(plan.layout), plan.layoutReason,
                               QString::number(plan.students.size()), QString::number(files),
                               QString::number(chosen)));
    m_problems->clear();
    for (const PlannedStudent &student : plan.students) {
        for (const PlannedFile &file : student.files) {
            if (!file.chosen) {
                m_problems->addItem(tr("Set aside: %1 — %2").arg(file.relativePath, file.reason));
            }
        }
    }
    for (const InputProblem &problem : plan.problems) {
        auto *item = new QListWidgetItem(problem.message, m_problems);
        item->setToolTip(problem.path);
    }
    for (const InputProblem &notCode : plan.setAside) {
        auto *item = new QListWidgetItem(tr("Not code: %1").arg(notCode.message), m_problems);
        item->setToolTip(notCode.path);
    }
    if (m_problems->count() == 0) {
        m_problems->addItem(tr("Nothing was set aside."));
    }
    m_table->resizeColumnsToContents();
}

} // namespace RaceGrade
