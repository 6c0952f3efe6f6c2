#include "exercisedelegate.h"

#include "classplanmodel.h"

#include <QComboBox>

namespace RaceGrade {

ExerciseDelegate::ExerciseDelegate(const ClassPlanModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{}

QWidget *ExerciseDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    Q_UNUSED(option);
    auto *combo = new QComboBox(parent);
    combo->setAccessibleName(tr("Exercise of %1").arg(index.data().toString()));
    combo->addItem(m_model->exerciseLabel(QString()), QString());
    const std::optional<Language> language =
        languageFromId(index.data(ClassPlanModel::LanguageRole).toString());
    for (const Exercise &exercise : m_model->exercises()) {
        // An exercise that has no version in the file's language cannot grade it.
        if (language && !exercise.supports(*language)) {
            continue;
        }
        combo->addItem(m_model->exerciseLabel(exercise.id), exercise.id);
    }
    // A choice is a decision: apply it without waiting for the editor to lose focus.
    connect(combo, QOverload<int>::of(&QComboBox::activated), this, [this, combo] {
        auto *self = const_cast<ExerciseDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void ExerciseDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        return;
    }
    const int found = combo->findData(index.data(Qt::EditRole).toString());
    combo->setCurrentIndex(qMax(0, found));
}

void ExerciseDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                    const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo) {
        return;
    }
    const QString chosen = combo->currentData().toString();
    if (chosen != index.data(Qt::EditRole).toString()) {
        model->setData(index, chosen, Qt::EditRole);
    }
}

} // namespace RaceGrade
