#pragma once

#include "classplan.h"
#include "exercise.h"

#include <QAbstractTableModel>
#include <QHash>

namespace RaceGrade {

/// The plan of a class before it is graded, as a table: a row per source file found (and one per
/// student with none), with the student, the platform's id, the file, its language, the exercise
/// it is graded for and why, and whether it is graded or set aside. The exercise column is
/// editable: a TA's correction goes through ClassPlanner::assign and is announced by assigned().
class ClassPlanModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StudentColumn,
        PlatformIdColumn,
        FileColumn,
        LanguageColumn,
        ExerciseColumn,
        ReasonColumn,
        StateColumn,
        ColumnCount,
    };
    /// Item data beyond Qt's roles.
    enum Role
    {
        RelativePathRole = Qt::UserRole + 1, ///< QString; empty on a student's row with no file
        StudentKeyRole,                      ///< QString
        ChosenRole,                          ///< bool: the file is graded
        LanguageRole,                        ///< QString language id
    };

    explicit ClassPlanModel(QObject *parent = nullptr);
    ~ClassPlanModel() override;

    /// Shows a plan; `exercises` give the titles and the choices of the exercise column.
    void setPlan(const ClassPlan &plan, const QVector<Exercise> &exercises);
    const ClassPlan &plan() const { return m_plan; }
    const QVector<Exercise> &exercises() const { return m_exercises; }

    /// The TA's correction: the file is for `exercise` (empty: set it aside). Returns false when
    /// the plan has no such file or no such exercise is loaded.
    bool assign(const QString &relativePath, const QString &exercise);
    /// The row of a file, or -1.
    int rowOfFile(const QString &relativePath) const;
    /// "Safe counter (safe-counter)"; a placeholder for an empty id.
    QString exerciseLabel(const QString &exercise) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A file was assigned to an exercise (empty: set aside) by the TA.
    void assigned(const QString &relativePath, const QString &exercise);

private:
    struct Row
    {
        int student = 0;
        int file = -1; ///< -1: the student has no source file
    };
    QVariant fileData(const PlannedStudent &student, const PlannedFile &file, int column,
                      int role) const;
    void rebuildRows();

    ClassPlan m_plan;
    QVector<Exercise> m_exercises;
    QVector<Row> m_rows;
    QHash<QString, int> m_rowByPath;
};

} // namespace RaceGrade
