#include "classplanmodel.h"

#include "classplanner.h"

#include <QColor>
#include <QFont>
#include <algorithm>

namespace RaceGrade {

ClassPlanModel::ClassPlanModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ClassPlanModel::~ClassPlanModel() = default;

void ClassPlanModel::setPlan(const ClassPlan &plan, const QVector<Exercise> &exercises)
{
    beginResetModel();
    m_plan = plan;
    m_exercises = exercises;
    rebuildRows();
    endResetModel();
}

void ClassPlanModel::rebuildRows()
{
    m_rows.clear();
    m_rowByPath.clear();
    for (int s = 0; s < m_plan.students.size(); ++s) {
        const PlannedStudent &student = m_plan.students.at(s);
        if (student.files.isEmpty()) {
            m_rows.append(Row{s, -1});
            continue;
        }
        for (int f = 0; f < student.files.size(); ++f) {
            m_rowByPath.insert(student.files.at(f).relativePath, int(m_rows.size()));
            m_rows.append(Row{s, f});
        }
    }
}

bool ClassPlanModel::assign(const QString &relativePath, const QString &exercise)
{
    const int row = rowOfFile(relativePath);
    if (row < 0) {
        return false;
    }
    if (!exercise.isEmpty() && std::none_of(m_exercises.cbegin(), m_exercises.cend(),
                                            [&](const Exercise &e) { return e.id == exercise; })) {
        return false;
    }
    if (!ClassPlanner::assign(m_plan, relativePath, exercise)) {
        return false;
    }
    // Another file of the student may have been set aside by the change: refresh the student.
    const int student = m_rows.at(row).student;
    int first = row;
    int last = row;
    while (first > 0 && m_rows.at(first - 1).student == student) {
        --first;
    }
    while (last + 1 < m_rows.size() && m_rows.at(last + 1).student == student) {
        ++last;
    }
    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    Q_EMIT assigned(relativePath, exercise);
    return true;
}

int ClassPlanModel::rowOfFile(const QString &relativePath) const
{
    return m_rowByPath.value(relativePath, -1);
}

QString ClassPlanModel::exerciseLabel(const QString &exercise) const
{
    if (exercise.isEmpty()) {
        return tr("— none: set aside —");
    }
    for (const Exercise &candidate : m_exercises) {
        if (candidate.id == exercise) {
            return tr("%1 (%2)").arg(candidate.title, candidate.id);
        }
    }
    return exercise;
}

int ClassPlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClassPlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassPlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size()) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const PlannedStudent &student = m_plan.students.at(row.student);
    if (role == StudentKeyRole) {
        return student.key;
    }
    if (row.file >= 0) {
        return fileData(student, student.files.at(row.file), index.column(), role);
    }
    if (role == Qt::ForegroundRole && index.column() != StudentColumn) {
        return QColor(Qt::darkGray);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case StudentColumn:
        return student.name;
    case PlatformIdColumn:
        return student.platformId;
    case FileColumn:
        return student.origin;
    case ReasonColumn:
        return tr("no Go or C++ source file was found");
    case StateColumn:
        return tr("nothing to grade");
    default:
        return {};
    }
}

QVariant ClassPlanModel::fileData(const PlannedStudent &student, const PlannedFile &file,
                                  int column, int role) const
{
    switch (role) {
    case RelativePathRole:
        return file.relativePath;
    case ChosenRole:
        return file.chosen;
    case LanguageRole:
        return languageId(file.language);
    case Qt::EditRole:
        return column == ExerciseColumn ? QVariant(file.exercise) : QVariant();
    case Qt::ForegroundRole:
        return file.chosen ? QVariant() : QVariant(QColor(Qt::darkGray));
    case Qt::FontRole:
        if (!file.chosen && column == StateColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case StudentColumn:
        return student.name;
    case PlatformIdColumn:
        return student.platformId;
    case FileColumn:
        return file.relativePath;
    case LanguageColumn:
        return languageDisplayName(file.language);
    case ExerciseColumn:
        return role == Qt::ToolTipRole
                   ? tr("%1\nDouble-click or press F2 to choose another exercise")
                         .arg(exerciseLabel(file.exercise))
                   : exerciseLabel(file.exercise);
    case ReasonColumn:
        return file.reason;
    case StateColumn:
        if (role == Qt::ToolTipRole && !file.choice.isEmpty()) {
            return file.choice;
        }
        if (file.chosen) {
            return tr("graded");
        }
        return file.exercise.isEmpty() ? tr("set aside: no exercise")
                                       : tr("set aside: another file is graded for it");
    default:
        return {};
    }
}

bool ClassPlanModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != ExerciseColumn) {
        return false;
    }
    const QString path = index.data(RelativePathRole).toString();
    return !path.isEmpty() && assign(path, value.toString());
}

Qt::ItemFlags ClassPlanModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == ExerciseColumn &&
        !index.data(RelativePathRole).toString().isEmpty()) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

QVariant ClassPlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case StudentColumn:
        return tr("Student");
    case PlatformIdColumn:
        return tr("Platform ID");
    case FileColumn:
        return tr("File");
    case LanguageColumn:
        return tr("Language");
    case ExerciseColumn:
        return tr("Exercise");
    case ReasonColumn:
        return tr("Why");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace RaceGrade
