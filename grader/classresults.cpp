#include "classresults.h"


#include <QSet>
#include <algorithm>

namespace RaceGrade {

namespace {

// The records of one student key, in the order the session gave them.
struct FoundStudent
{
    QString key;
    QString name;
    QString platformId;
    QVector<SubmissionRecord> records;
};

// The highest number of points the exercise can give in any of its languages.
int exerciseMaxPoints(const Exercise &exercise)
{
    int best = 0;
    for (const Language language : exercise.languages()) {
        best = std::max(best, exercise.maxPoints(language));
    }
    return best;
}

// The roster index of each student found in the records (-1 for none).
QVector<int> matchRoster(const QVector<FoundStudent> &students, const QVector<RosterEntry> &roster)
{
    QVector<RosterReader::Student> found;
    for (const FoundStudent &student : students) {
        found.append({student.key, student.name, student.platformId});
    }
    const RosterMatch match = RosterReader::match(found, roster);
    QVector<int> entryOf(students.size(), -1);
    for (qsizetype s = 0; s < students.size(); ++s) {
        entryOf[s] = match.entryByStudentKey.value(students.at(s).key, -1);
    }
    return entryOf;
}

} // namespace

int StudentResults::score(const QString &exercise) const
{
    const auto found = byExercise.constFind(exercise);
    return found == byExercise.cend() ? 0 : found->effectiveScore();
}

bool StudentResults::hasScore(const QString &exercise) const
{
    const auto found = byExercise.constFind(exercise);
    if (found == byExercise.cend()) {
        return false;
    }
    return found->override || (found->graded && found->grade.verdict != Verdict::Error);
}

int StudentResults::total() const
{
    int sum = 0;
    for (const SubmissionRecord &record : byExercise) {
        sum += record.effectiveScore();
    }
    return sum;
}

int ClassResults::maxTotal() const
{
    int sum = 0;
    for (const GradebookColumn &column : columns) {
        sum += column.maxPoints;
    }
    return sum;
}

ClassResults ClassResults::build(const QVector<SubmissionRecord> &records,
                                 const QVector<RosterEntry> &roster,
                                 const QVector<Exercise> &catalog)
{
    ClassResults results;

    // Columns: the catalog's exercises that someone handed in, then exercises it does not know.
    QSet<QString> handedIn;
    QMap<QString, int> unknownMax;
    for (const SubmissionRecord &record : records) {
        handedIn.insert(record.exercise);
    }
    QSet<QString> known;
    for (const Exercise &exercise : catalog) {
        if (handedIn.contains(exercise.id) && !known.contains(exercise.id)) {
            known.insert(exercise.id);
            results.columns.append({exercise.id, exercise.title, exerciseMaxPoints(exercise)});
        }
    }
    for (const SubmissionRecord &record : records) {
        if (!known.contains(record.exercise)) {
            int &best = unknownMax[record.exercise];
            best = std::max(best, record.maxScore());
        }
    }
    for (auto it = unknownMax.cbegin(); it != unknownMax.cend(); ++it) {
        results.columns.append({it.key(), it.key(), it.value()});
    }

    // Students as the records name them, in key order.
    QVector<FoundStudent> found;
    QMap<QString, qsizetype> indexOfKey;
    for (const SubmissionRecord &record : records) {
        auto index = indexOfKey.constFind(record.studentKey);
        if (index == indexOfKey.cend()) {
            index = indexOfKey.insert(record.studentKey, found.size());
            found.append({record.studentKey, record.studentName, record.studentId, {}});
        }
        FoundStudent &student = found[*index];
        if (student.platformId.isEmpty()) {
            student.platformId = record.studentId;
        }
        student.records.append(record);
    }
    std::sort(found.begin(), found.end(),
              [](const FoundStudent &a, const FoundStudent &b) { return a.key < b.key; });

    const QVector<int> entryOf = matchRoster(found, roster);
    QVector<int> studentOfEntry(roster.size(), -1);
    for (qsizetype s = 0; s < found.size(); ++s) {
        if (entryOf[s] >= 0) {
            studentOfEntry[entryOf[s]] = int(s);
        }
    }
    const auto fill = [&results](StudentResults &line, const FoundStudent &student) {
        line.key = student.key;
        line.platformId = student.platformId;
        for (const SubmissionRecord &record : student.records) {
            line.byExercise.insert(record.exercise, record);
            if (record.override) {
                continue;
            }
            if (!record.graded) {
                results.warnings.append(
                    QStringLiteral("%1, %2: not graded yet").arg(student.name, record.exercise));
            } else if (record.grade.verdict == Verdict::Error) {
                results.warnings.append(
                    QStringLiteral("%1, %2: could not be graded: %3")
                        .arg(student.name, record.exercise, record.grade.errorMessage));
            }
        }
    };

    // The roster's order first, with those who handed in nothing, then everyone else.
    for (qsizetype r = 0; r < roster.size(); ++r) {
        const RosterEntry &entry = roster[r];
        StudentResults line;
        line.name = entry.name;
        line.id = entry.id;
        line.email = entry.email;
        line.section = entry.section;
        line.inRoster = true;
        if (studentOfEntry[r] >= 0) {
            fill(line, found[studentOfEntry[r]]);
            if (line.name.isEmpty()) {
                line.name = found[studentOfEntry[r]].name;
            }
        } else {
            const QString who = !entry.email.isEmpty()  ? entry.email
                                : !entry.name.isEmpty() ? entry.name
                                                        : entry.id;
            results.warnings.append(QStringLiteral("%1: submitted nothing").arg(who));
        }
        results.students.append(line);
    }
    for (qsizetype s = 0; s < found.size(); ++s) {
        if (entryOf[s] >= 0) {
            continue;
        }
        StudentResults line;
        line.name = found[s].name;
        line.id = found[s].platformId;
        fill(line, found[s]);
        if (!roster.isEmpty()) {
            results.warnings.append(QStringLiteral("%1: not on the roster").arg(found[s].name));
        }
        results.students.append(line);
    }
    return results;
}

} // namespace RaceGrade
