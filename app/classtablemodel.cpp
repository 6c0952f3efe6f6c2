#include "classtablemodel.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace RaceGrade {

namespace {

QColor statusColor(SubmissionStatus status)
{
    switch (status) {
    case SubmissionStatus::Pass:
        return QColor(0x1a, 0x7f, 0x37);
    case SubmissionStatus::Fail:
        return QColor(0xc0, 0x26, 0x2d);
    case SubmissionStatus::Racy:
        return QColor(0xd9, 0x6a, 0x06);
    case SubmissionStatus::NotGraded:
        return QColor(0x6e, 0x77, 0x81);
    case SubmissionStatus::NotSubmitted:
        return QColor(0xaf, 0xb8, 0xc1);
    }
    return Qt::gray;
}

// Draws one status icon at `size` pixels: a coloured disc with a white sign in it, and the
// badges in the corners.
QPixmap drawStatus(SubmissionStatus status, bool overridden, bool identical, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const double s = size;
    const QColor colour = statusColor(status);
    const QRectF disc(s * 0.06, s * 0.06, s * 0.76, s * 0.76);
    QPen sign(Qt::white, s * 0.11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const auto at = [&](double x, double y) {
        return QPointF(disc.left() + disc.width() * x, disc.top() + disc.height() * y);
    };

    if (status == SubmissionStatus::NotSubmitted) {
        painter.setPen(QPen(colour, s * 0.12, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at(0.2, 0.5), at(0.8, 0.5));
    } else if (status == SubmissionStatus::NotGraded) {
        painter.setPen(QPen(colour, s * 0.09));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(disc.adjusted(s * 0.05, s * 0.05, -s * 0.05, -s * 0.05));
        painter.setPen(QPen(colour, s * 0.08, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at(0.5, 0.5), at(0.5, 0.25));
        painter.drawLine(at(0.5, 0.5), at(0.7, 0.6));
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(disc);
        painter.setPen(sign);
        painter.setBrush(Qt::NoBrush);
        if (status == SubmissionStatus::Pass) {
            QPainterPath tick;
            tick.moveTo(at(0.27, 0.52));
            tick.lineTo(at(0.44, 0.69));
            tick.lineTo(at(0.74, 0.34));
            painter.drawPath(tick);
        } else if (status == SubmissionStatus::Fail) {
            painter.drawLine(at(0.32, 0.32), at(0.68, 0.68));
            painter.drawLine(at(0.68, 0.32), at(0.32, 0.68));
        } else {
            // A lightning bolt: two threads that collide.
            QPainterPath bolt;
            bolt.moveTo(at(0.58, 0.2));
            bolt.lineTo(at(0.36, 0.54));
            bolt.lineTo(at(0.62, 0.48));
            bolt.lineTo(at(0.42, 0.8));
            painter.drawPath(bolt);
        }
    }

    const double badge = s * 0.42;
    if (overridden) {
        // A blue square with a white border, bottom right: a TA's own score.
        const QRectF box(s - badge, s - badge, badge, badge);
        painter.setPen(QPen(Qt::white, s * 0.06));
        painter.setBrush(QColor(0x1f, 0x5f, 0xbf));
        painter.drawRect(box.adjusted(s * 0.02, s * 0.02, -s * 0.02, -s * 0.02));
    }
    if (identical) {
        // Two purple bars, top right: the same file as someone else's.
        const QRectF box(s - badge, 0, badge, badge);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRect(box);
        painter.setBrush(QColor(0x82, 0x3e, 0xb5));
        const double bar = badge * 0.28;
        painter.drawRect(QRectF(box.left(), box.top() + badge * 0.12, badge, bar));
        painter.drawRect(QRectF(box.left(), box.bottom() - badge * 0.12 - bar, badge, bar));
    }
    return pixmap;
}

int effectiveTotal(const StudentResults &student)
{
    int total = 0;
    for (const SubmissionRecord &record : student.byExercise) {
        total += record.effectiveScore();
    }
    return total;
}

QString rowKey(const StudentResults &student)
{
    return student.key.isEmpty() ? QStringLiteral("\x1froster:") + student.id + u'\x1f' +
                                       student.name + u'\x1f' + student.email
                                 : student.key;
}

} // namespace

ClassTableModel::ClassTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

ClassTableModel::~ClassTableModel() = default;

void ClassTableModel::reindex()
{
    m_rowByKey.clear();
    for (int row = 0; row < m_results.students.size(); ++row) {
        m_rowByKey.insert(rowKey(m_results.students.at(row)), row);
    }
    m_columnByExercise.clear();
    for (int column = 0; column < m_results.columns.size(); ++column) {
        m_columnByExercise.insert(m_results.columns.at(column).exercise,
                                  FirstExerciseColumn + column);
    }
}

void ClassTableModel::setResults(const ClassResults &results)
{
    bool sameShape = results.columns.size() == m_results.columns.size() &&
                     results.students.size() == m_results.students.size();
    for (int i = 0; sameShape && i < results.columns.size(); ++i) {
        sameShape = results.columns.at(i).exercise == m_results.columns.at(i).exercise;
    }
    for (int i = 0; sameShape && i < results.students.size(); ++i) {
        sameShape = rowKey(results.students.at(i)) == rowKey(m_results.students.at(i));
    }
    if (sameShape) {
        m_results = results;
        if (rowCount() > 0) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        }
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        return;
    }
    beginResetModel();
    m_results = results;
    reindex();
    endResetModel();
}

void ClassTableModel::updateRecord(const SubmissionRecord &record)
{
    int column = columnOf(record.exercise);
    if (column < 0) {
        column = totalColumn();
        beginInsertColumns({}, column, column);
        m_results.columns.append(
            GradebookColumn{record.exercise, record.exercise, record.grade.maxScore});
        reindex();
        endInsertColumns();
    }
    int row = rowOf(record.studentKey);
    if (row < 0) {
        row = rowCount();
        beginInsertRows({}, row, row);
        StudentResults student;
        student.key = record.studentKey;
        student.name = record.studentName;
        student.id = record.studentId;
        m_results.students.append(student);
        reindex();
        endInsertRows();
    }
    GradebookColumn &header = m_results.columns[column - FirstExerciseColumn];
    if (header.maxPoints <= 0 && record.grade.maxScore > 0) {
        header.maxPoints = record.grade.maxScore;
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
    }
    m_results.students[row].byExercise.insert(record.exercise, record);
    Q_EMIT dataChanged(index(row, NameColumn), index(row, totalColumn()));
}

int ClassTableModel::rowOf(const QString &studentKey) const
{
    return studentKey.isEmpty() ? -1 : m_rowByKey.value(studentKey, -1);
}

int ClassTableModel::columnOf(const QString &exercise) const
{
    return m_columnByExercise.value(exercise, -1);
}

QString ClassTableModel::exerciseAt(int column) const
{
    const int i = column - FirstExerciseColumn;
    return i >= 0 && i < m_results.columns.size() ? m_results.columns.at(i).exercise : QString();
}

const SubmissionRecord *ClassTableModel::recordAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_results.students.size()) {
        return nullptr;
    }
    const QString exercise = exerciseAt(index.column());
    const StudentResults &student = m_results.students.at(index.row());
    const auto found = student.byExercise.constFind(exercise);
    return exercise.isEmpty() || found == student.byExercise.constEnd() ? nullptr : &*found;
}

SubmissionStatus ClassTableModel::statusOf(const SubmissionRecord *record)
{
    if (!record) {
        return SubmissionStatus::NotSubmitted;
    }
    if (!record->graded) {
        return SubmissionStatus::NotGraded;
    }
    if (!record->grade.races.isEmpty()) {
        return SubmissionStatus::Racy;
    }
    return record->grade.verdict == Verdict::Pass ? SubmissionStatus::Pass : SubmissionStatus::Fail;
}

QString ClassTableModel::statusText(SubmissionStatus status)
{
    switch (status) {
    case SubmissionStatus::NotSubmitted:
        return tr("not submitted");
    case SubmissionStatus::NotGraded:
        return tr("not graded");
    case SubmissionStatus::Pass:
        return tr("passed");
    case SubmissionStatus::Fail:
        return tr("failed");
    case SubmissionStatus::Racy:
        return tr("racy");
    }
    return {};
}

QIcon ClassTableModel::statusIcon(SubmissionStatus status, bool overridden, bool identical)
{
    static QHash<int, QIcon> cache;
    const int key = int(status) * 4 + (overridden ? 2 : 0) + (identical ? 1 : 0);
    auto found = cache.find(key);
    if (found == cache.end()) {
        QIcon icon;
        for (int size : {16, 24, 32}) {
            icon.addPixmap(drawStatus(status, overridden, identical, size));
        }
        found = cache.insert(key, icon);
    }
    return *found;
}

int ClassTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.students.size());
}

int ClassTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : totalColumn() + 1;
}

int ClassTableModel::maxTotal() const
{
    int total = 0;
    for (const GradebookColumn &column : m_results.columns) {
        total += column.maxPoints;
    }
    return total;
}

int ClassTableModel::rowFlags(const StudentResults &student) const
{
    int flags = 0;
    for (const GradebookColumn &column : m_results.columns) {
        const auto found = student.byExercise.constFind(column.exercise);
        const SubmissionRecord *record = found == student.byExercise.constEnd() ? nullptr : &*found;
        switch (statusOf(record)) {
        case SubmissionStatus::NotSubmitted:
            flags |= RowMissing;
            break;
        case SubmissionStatus::Racy:
            flags |= RowRacy | RowFailing;
            break;
        case SubmissionStatus::Fail:
            flags |= RowFailing;
            break;
        case SubmissionStatus::NotGraded:
        case SubmissionStatus::Pass:
            break;
        }
        if (record && !record->identicalTo.isEmpty()) {
            flags |= RowIdentical;
        }
    }
    return flags;
}

QVariant ClassTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_results.students.size()) {
        return {};
    }
    const StudentResults &student = m_results.students.at(index.row());
    switch (role) {
    case StudentKeyRole:
        return student.key;
    case RowFlagsRole:
        return rowFlags(student);
    case SearchTextRole:
        return QStringList{student.name, student.id, student.email, student.section, student.key}
            .join(u'\n');
    default:
        break;
    }
    const int column = index.column();
    if (column == NameColumn || column == IdColumn) {
        const QString text = column == NameColumn ? student.name : student.id;
        switch (role) {
        case Qt::DisplayRole:
            return text;
        case SortRole:
            return text.toCaseFolded();
        case Qt::ToolTipRole:
            if (column == NameColumn) {
                QStringList lines{student.name};
                if (!student.email.isEmpty()) {
                    lines.append(student.email);
                }
                if (!student.section.isEmpty()) {
                    lines.append(tr("Section %1").arg(student.section));
                }
                if (student.key.isEmpty()) {
                    lines.append(tr("On the roster; handed in nothing."));
                } else if (!student.inRoster && !m_results.warnings.isEmpty()) {
                    lines.append(tr("Not on the roster."));
                }
                return lines.join(u'\n');
            }
            return {};
        default:
            return {};
        }
    }
    if (column == totalColumn()) {
        return totalData(student, role);
    }
    return cellData(student, exerciseAt(column), column, role);
}

QVariant ClassTableModel::cellData(const StudentResults &student, const QString &exercise,
                                   int column, int role) const
{
    const auto found = student.byExercise.constFind(exercise);
    const SubmissionRecord *record = found == student.byExercise.constEnd() ? nullptr : &*found;
    const SubmissionStatus status = statusOf(record);
    const bool overridden = record && record->override.has_value();
    const bool identical = record && !record->identicalTo.isEmpty();
    const GradebookColumn &header = m_results.columns.at(column - FirstExerciseColumn);
    const int maxPoints =
        record && record->grade.maxScore > 0 ? record->grade.maxScore : header.maxPoints;
    const auto scoreText = [&] {
        if (status == SubmissionStatus::NotSubmitted) {
            return tr("—");
        }
        if (status == SubmissionStatus::NotGraded && !overridden) {
            return tr("not graded");
        }
        QString text = tr("%1/%2").arg(record->effectiveScore()).arg(maxPoints);
        if (overridden) {
            text += tr(" ✎");
        }
        if (identical) {
            text += tr(" ≡");
        }
        return text;
    };

    switch (role) {
    case Qt::DisplayRole:
        return scoreText();
    case Qt::DecorationRole:
        return statusIcon(status, overridden, identical);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (overridden) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ExerciseRole:
        return exercise;
    case StatusRole:
        return int(status);
    case OverriddenRole:
        return overridden;
    case IdenticalRole:
        return identical;
    case SortRole:
        if (status == SubmissionStatus::NotSubmitted) {
            return -2;
        }
        if (status == SubmissionStatus::NotGraded && !overridden) {
            return -1;
        }
        return record->effectiveScore();
    case Qt::AccessibleTextRole: {
        QString text = tr("%1, %2: %3").arg(student.name, header.title, statusText(status));
        if (record && (record->graded || overridden)) {
            text += tr(", %1 of %2 points").arg(record->effectiveScore()).arg(maxPoints);
        }
        if (overridden) {
            text += tr(", score set by a TA");
        }
        if (identical) {
            text += tr(", identical to another student's file");
        }
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList lines{tr("%1: %2").arg(header.title, statusText(status))};
        if (!record) {
            return lines.constFirst();
        }
        lines.append(tr("File: %1").arg(record->sourcePath));
        if (record->graded) {
            lines.append(tr("Computed score: %1 of %2").arg(record->grade.score).arg(maxPoints));
            if (!record->grade.races.isEmpty()) {
                lines.append(tr("%n race(s) found", nullptr, int(record->grade.races.size())));
            }
        } else if (!record->grade.errorMessage.isEmpty()) {
            lines.append(tr("Could not be graded: %1").arg(record->grade.errorMessage));
        }
        if (overridden) {
            lines.append(
                tr("Score set by %1: %2 (%3)")
                    .arg(record->override->author.isEmpty() ? tr("a TA") : record->override->author,
                         QString::number(record->override->score), record->override->comment));
        }
        if (identical) {
            lines.append(
                tr("Same file as: %1").arg(record->identicalTo.join(QStringLiteral(", "))));
        }
        return lines.join(u'\n');
    }
    default:
        return {};
    }
}

QVariant ClassTableModel::totalData(const StudentResults &student, int role) const
{
    const int total = effectiveTotal(student);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1/%2").arg(total).arg(maxTotal());
    case SortRole:
        return total;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case Qt::AccessibleTextRole:
        return tr("%1: total %2 of %3 points").arg(student.name).arg(total).arg(maxTotal());
    default:
        return {};
    }
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    if (section == NameColumn) {
        return tr("Student");
    }
    if (section == IdColumn) {
        return tr("ID");
    }
    if (section == totalColumn()) {
        return role == Qt::DisplayRole ? tr("Total") : tr("Total of %1 points").arg(maxTotal());
    }
    const int i = section - FirstExerciseColumn;
    if (i < 0 || i >= m_results.columns.size()) {
        return {};
    }
    const GradebookColumn &column = m_results.columns.at(i);
    return role == Qt::DisplayRole
               ? column.title
               : tr("%1 (%2), %3 points").arg(column.title, column.exercise).arg(column.maxPoints);
}

} // namespace RaceGrade
