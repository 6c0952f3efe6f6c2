#pragma once

#include <QStyledItemDelegate>

namespace RaceGrade {

class ClassPlanModel;

/// Edits the exercise column of the class plan with a combo box: every loaded exercise, and
/// "none" to set the file aside. A choice applies at once.
class ExerciseDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ExerciseDelegate(const ClassPlanModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

private:
    const ClassPlanModel *m_model;
};

} // namespace RaceGrade
