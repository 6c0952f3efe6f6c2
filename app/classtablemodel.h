#pragma once

#include "classresults.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace RaceGrade {

/// What one cell of the class table says about a student's submission for an exercise.
enum class SubmissionStatus
{
    NotSubmitted, ///< nothing was handed in for the exercise
    NotGraded,    ///< handed in, not graded yet (or the grading itself failed)
    Pass,         ///< every check passed
    Fail,         ///< some check failed, no race was found
    Racy,         ///< the race detector reported something
};

/// The class table: a row per student (roster entries who handed in nothing too), the student's
/// name and id, a column per exercise with the score and a status icon, and the total. Cells
/// change one at a time while a class is graded (updateRecord), so a view keeps its selection.
///
/// The model keeps the records it is given; callers pass records without their source and run
/// logs (see SessionReader::summaryOf) and read a whole record from the session when they need it.
class ClassTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Item data beyond Qt's roles.
    enum Role
    {
        StudentKeyRole = Qt::UserRole + 1, ///< QString; empty for a roster entry with no work
        ExerciseRole,                      ///< QString exercise id; empty outside exercise columns
        StatusRole,                        ///< int SubmissionStatus of an exercise cell
        SortRole,                          ///< what the column sorts by (number or folded text)
        OverriddenRole,                    ///< bool: a TA's score replaces the computed one
        IdenticalRole,                     ///< bool: another student handed in the same bytes
        RowFlagsRole,                      ///< int RowFlags of the whole row, on any column
        SearchTextRole,                    ///< QString a text filter looks in, on any column
    };
    /// What a row holds somewhere in it, for filters.
    enum RowFlag
    {
        RowFailing = 0x1,   ///< a graded submission that did not pass
        RowRacy = 0x2,      ///< a submission with a race report
        RowMissing = 0x4,   ///< an exercise with nothing handed in
        RowIdentical = 0x8, ///< a submission identical to another student's
    };
    static constexpr int NameColumn = 0;
    static constexpr int IdColumn = 1;
    static constexpr int FirstExerciseColumn = 2;

    explicit ClassTableModel(QObject *parent = nullptr);
    ~ClassTableModel() override;

    /// Shows `results`. When the rows and columns stay the same (a reload of the same class),
    /// the cells are updated in place; otherwise the model is reset.
    void setResults(const ClassResults &results);
    /// The results shown, with every update applied.
    const ClassResults &results() const { return m_results; }
    /// Replaces one cell's record, adding the student's row or the exercise's column when the
    /// table has none yet.
    void updateRecord(const SubmissionRecord &record);

    /// The row of a student, or -1.
    int rowOf(const QString &studentKey) const;
    /// The column of an exercise, or -1.
    int columnOf(const QString &exercise) const;
    /// The column of the total score.
    int totalColumn() const { return FirstExerciseColumn + int(m_results.columns.size()); }
    /// The exercise of a column; empty for the name, id and total columns.
    QString exerciseAt(int column) const;
    /// The record behind an exercise cell, or nullptr.
    const SubmissionRecord *recordAt(const QModelIndex &index) const;

    /// The status a record gives its cell; `record` may be nullptr (nothing handed in).
    static SubmissionStatus statusOf(const SubmissionRecord *record);
    /// The status in a few words, for tooltips and screen readers.
    static QString statusText(SubmissionStatus status);
    /// The icon of a status, with a badge for an override or an identical file.
    static QIcon statusIcon(SubmissionStatus status, bool overridden, bool identical);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant cellData(const StudentResults &student, const QString &exercise, int column,
                      int role) const;
    QVariant totalData(const StudentResults &student, int role) const;
    int rowFlags(const StudentResults &student) const;
    int maxTotal() const;
    void reindex();

    ClassResults m_results;
    QHash<QString, int> m_rowByKey;
    QHash<QString, int> m_columnByExercise;
};

} // namespace RaceGrade
