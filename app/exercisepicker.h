#pragma once

#include "exercise.h"
#include "settings.h"

#include <QTreeWidget>

namespace RaceGrade {

/// The list of exercises with each one's status per language (not tried, failing, passing, best
/// score). Clicking a language column also picks that language.
class ExercisePicker : public QTreeWidget
{
    Q_OBJECT

public:
    explicit ExercisePicker(QWidget *parent = nullptr);

    void setExercises(const QVector<Exercise> &exercises, const Settings &settings);
    /// Refreshes the status cells from the settings.
    void refreshStatus(const Settings &settings);
    void selectExercise(const QString &id);
    QString currentExerciseId() const;

    /// The words a status cell shows, e.g. "not tried", "failing · 40", "passing · 100".
    static QString statusText(const ExerciseStatus &status);

Q_SIGNALS:
    void exerciseSelected(const QString &id);
    void languageClicked(RaceGrade::Language language);

private:
    QVector<Exercise> m_exercises;
};

} // namespace RaceGrade
