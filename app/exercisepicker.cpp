#include "exercisepicker.h"

#include <QHeaderView>

namespace RaceGrade {

namespace {

constexpr int titleColumn = 0;
constexpr int goColumn = 1;
constexpr int cppColumn = 2;
constexpr int idRole = Qt::UserRole;

int columnOf(Language language)
{
    return language == Language::Go ? goColumn : cppColumn;
}

} // namespace

ExercisePicker::ExercisePicker(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Exercise"), tr("Go"), tr("C++")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAccessibleName(tr("Exercises"));
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(titleColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(goColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(cppColumn, QHeaderView::ResizeToContents);

    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item) {
            Q_EMIT exerciseSelected(item->data(titleColumn, idRole).toString());
        }
    });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *, int column) {
        if (column == goColumn) {
            Q_EMIT languageClicked(Language::Go);
        } else if (column == cppColumn) {
            Q_EMIT languageClicked(Language::Cpp);
        }
    });
}

QString ExercisePicker::statusText(const ExerciseStatus &status)
{
    if (!status.tried) {
        return tr("not tried");
    }
    if (status.passing) {
        return tr("passing · %1").arg(status.lastScore);
    }
    return status.bestScore > status.lastScore
               ? tr("failing · %1 (best %2)").arg(status.lastScore).arg(status.bestScore)
               : tr("failing · %1").arg(status.lastScore);
}

void ExercisePicker::setExercises(const QVector<Exercise> &exercises, const Settings &settings)
{
    const QString current = currentExerciseId();
    const QSignalBlocker blocker(this);
    m_exercises = exercises;
    clear();
    for (const Exercise &exercise : exercises) {
        auto *item = new QTreeWidgetItem(this);
        item->setText(titleColumn, exercise.title);
        item->setToolTip(titleColumn, exercise.summary);
        item->setData(titleColumn, idRole, exercise.id);
    }
    refreshStatus(settings);
    if (!current.isEmpty()) {
        selectExercise(current);
    }
}

void ExercisePicker::refreshStatus(const Settings &settings)
{
    for (int row = 0; row < topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = topLevelItem(row);
        const Exercise &exercise = m_exercises.at(row);
        for (const Language language : {Language::Go, Language::Cpp}) {
            const int column = columnOf(language);
            if (!exercise.supports(language)) {
                item->setText(column, tr("—"));
                item->setToolTip(column, tr("No %1 version").arg(languageDisplayName(language)));
                continue;
            }
            const ExerciseStatus status = settings.status(exercise.id, language);
            item->setText(column, statusText(status));
            item->setToolTip(column, tr("%1: best score %2 of %3")
                                         .arg(languageDisplayName(language))
                                         .arg(status.bestScore)
                                         .arg(exercise.maxPoints(language)));
            item->setIcon(column,
                          status.passing ? style()->standardIcon(QStyle::SP_DialogApplyButton)
                          : status.tried ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                                         : QIcon());
        }
    }
}

void ExercisePicker::selectExercise(const QString &id)
{
    for (int row = 0; row < topLevelItemCount(); ++row) {
        if (topLevelItem(row)->data(titleColumn, idRole).toString() == id) {
            setCurrentItem(topLevelItem(row));
            return;
        }
    }
}

QString ExercisePicker::currentExerciseId() const
{
    const QTreeWidgetItem *item = currentItem();
    return item ? item->data(titleColumn, idRole).toString() : QString();
}

} // namespace RaceGrade
