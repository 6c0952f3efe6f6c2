#include "classtablebuilder.h"

#include <QSet>

namespace RaceGrade {

namespace {

QString recordId(const QString &studentKey, const QString &exercise)
{
    return studentKey + u'\x1f' + exercise;
}

} // namespace

ClassResults ClassTableBuilder::build(const QVector<SubmissionRecord> &stored,
                                      const QVector<RosterEntry> &roster, const ClassPlan &plan,
                                      const QVector<Exercise> &catalog)
{
    // The plan's submissions that the session does not hold yet show as not graded.
    QVector<SubmissionRecord> records = stored;
    QSet<QString> present;
    for (const SubmissionRecord &record : stored) {
        present.insert(recordId(record.studentKey, record.exercise));
    }
    for (const PlannedStudent &student : plan.students) {
        for (const PlannedFile &file : student.files) {
            if (!file.chosen || file.exercise.isEmpty() ||
                present.contains(recordId(student.key, file.exercise))) {
                continue;
            }
            SubmissionRecord record;
            record.studentKey = student.key;
            record.studentName = student.name;
            record.studentId = student.platformId;
            record.exercise = file.exercise;
            record.language = file.language;
            record.sourcePath = file.relativePath;
            record.mappingReason = file.reason;
            record.contentHash = file.contentHash;
            records.append(record);
        }
    }
    ClassResults results = ClassResults::build(records, roster, catalog);

    // Students of the plan with nothing usable still get their row: the roster's line for them
    // when it has one, else a row of their own.
    QSet<QString> keys;
    for (const StudentResults &student : std::as_const(results.students)) {
        keys.insert(student.key);
    }
    QVector<RosterReader::Student> missing;
    for (const PlannedStudent &student : plan.students) {
        if (!keys.contains(student.key)) {
            missing.append({student.key, student.name, student.platformId});
        }
    }
    const RosterMatch match = RosterReader::match(missing, roster);
    for (const RosterReader::Student &student : std::as_const(missing)) {
        const int entry = match.entryByStudentKey.value(student.key, -1);
        StudentResults *row = nullptr;
        if (entry >= 0 && entry < roster.size()) {
            const RosterEntry &rosterEntry = roster.at(entry);
            for (StudentResults &candidate : results.students) {
                if (candidate.key.isEmpty() && candidate.inRoster &&
                    candidate.id == rosterEntry.id && candidate.email == rosterEntry.email) {
                    row = &candidate;
                    break;
                }
            }
        }
        if (row) {
            row->key = student.key;
        } else {
            StudentResults added;
            added.key = student.key;
            added.name = student.name;
            added.id = student.platformId;
            results.students.append(added);
        }
    }
    return results;
}

} // namespace RaceGrade
