#include "classplanner.h"

#include "logging.h"
#include "sourceinspector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSet>
#include <algorithm>

namespace RaceGrade {

namespace {

bool byName(const PlannedFile &file)
{
    return file.matchedBy == ExerciseMatch::FileName || file.matchedBy == ExerciseMatch::FolderName;
}

bool isHand(const PlannedFile &file)
{
    return file.matchedBy == ExerciseMatch::Hand;
}

/// The name that named the file ("counter-1.go" for Canvas's long one), or its whole path when
/// another file in `files` has the same name.
QString shortName(const PlannedFile &file, const QVector<const PlannedFile *> &files)
{
    const auto nameOf = [](const PlannedFile &f) {
        return (f.namedAs.isEmpty() ? f.relativePath : f.namedAs).section(u'/', -1);
    };
    const QString name = nameOf(file);
    for (const PlannedFile *other : files) {
        if (other != &file && nameOf(*other) == name) {
            return QDir::toNativeSeparators(file.relativePath);
        }
    }
    return name;
}

/// Whether `a` is to be graded rather than `b` (both for the same exercise), and why: the first
/// rule that tells them apart. The rules, in order: the TA's latest word, a name over content,
/// content that agrees with the name, Canvas's later upload, size, path.
bool preferred(const PlannedFile &a, const PlannedFile &b)
{
    if (isHand(a) != isHand(b)) {
        return isHand(a);
    }
    if (isHand(a) && a.handOrder != b.handOrder) {
        return a.handOrder > b.handOrder;
    }
    if (byName(a) != byName(b)) {
        return byName(a);
    }
    if (a.contentAgrees != b.contentAgrees) {
        return a.contentAgrees;
    }
    if (a.revision != b.revision) {
        return a.revision > b.revision;
    }
    if (a.source.size() != b.source.size()) {
        return a.source.size() > b.source.size();
    }
    return a.relativePath > b.relativePath;
}

/// Why `winner` is graded for `exercise` rather than `loser`, in words.
QString why(const PlannedFile &winner, const PlannedFile &loser, const QString &exercise,
            const QVector<const PlannedFile *> &group)
{
    const QString w = shortName(winner, group);
    const QString l = shortName(loser, group);
    if (isHand(winner)) {
        return isHand(loser)
                   ? QStringLiteral("%1 was assigned to %2 by hand more recently").arg(w, exercise)
                   : QStringLiteral("%1 was assigned to %2 by hand").arg(w, exercise);
    }
    if (byName(winner) != byName(loser)) {
        return QStringLiteral("%1 is named for %2, %3 only defines what it asks for")
            .arg(w, exercise, l);
    }
    if (winner.contentAgrees != loser.contentAgrees) {
        return QStringLiteral("both are taken for %1, but only %2 also defines what it asks for")
            .arg(exercise, w);
    }
    if (winner.revision != loser.revision) {
        return QStringLiteral("%1 is the later upload (Canvas numbered it %2)")
            .arg(w)
            .arg(winner.revision);
    }
    const QLocale english(QLocale::English);
    if (winner.source.size() != loser.source.size()) {
        return QStringLiteral("%1 is the larger (%2 bytes against %3)")
            .arg(w, english.toString(qlonglong(winner.source.size())),
                 english.toString(qlonglong(loser.source.size())));
    }
    return QStringLiteral("they are the same size and %1 comes later by path").arg(w);
}

/// Sets `chosen` and `choice` of every file of the student from scratch.
void choose(PlannedStudent &student)
{
    QMap<QString, QVector<PlannedFile *>> byExercise;
    for (PlannedFile &file : student.files) {
        file.chosen = false;
        file.choice.clear();
        if (!file.exercise.isEmpty()) {
            byExercise[file.exercise].append(&file);
        }
    }
    for (auto it = byExercise.begin(); it != byExercise.end(); ++it) {
        QVector<PlannedFile *> &group = it.value();
        std::sort(group.begin(), group.end(),
                  [](const PlannedFile *a, const PlannedFile *b) { return preferred(*a, *b); });
        PlannedFile &winner = *group.constFirst();
        winner.chosen = true;
        const QVector<const PlannedFile *> all(group.cbegin(), group.cend());
        QStringList over;
        for (qsizetype i = 1; i < group.size(); ++i) {
            PlannedFile &loser = *group.at(i);
            const QString because = why(winner, loser, it.key(), all);
            over.append(QStringLiteral("over %1 (%2)")
                            .arg(QDir::toNativeSeparators(loser.relativePath), because));
            loser.choice =
                QStringLiteral("not graded: %1 is graded for %2 instead, as %3")
                    .arg(QDir::toNativeSeparators(winner.relativePath), it.key(), because);
        }
        if (!over.isEmpty()) {
            winner.choice = QStringLiteral("chosen ") + over.join(QStringLiteral(", "));
        }
    }
}

/// Replaces the problems the mapping gives (files that fit nothing or are not chosen) with
/// those of the plan as it is now; the scan's own problems stay.
void refreshProblems(ClassPlan &plan)
{
    QSet<QString> planned;
    for (const PlannedStudent &student : std::as_const(plan.students)) {
        for (const PlannedFile &file : student.files) {
            planned.insert(file.relativePath);
        }
    }
    plan.problems.erase(
        std::remove_if(plan.problems.begin(), plan.problems.end(),
                       [&](const InputProblem &problem) { return planned.contains(problem.path); }),
        plan.problems.end());
    for (const PlannedStudent &student : std::as_const(plan.students)) {
        for (const PlannedFile &file : student.files) {
            const QString shown = QDir::toNativeSeparators(file.relativePath) + u": ";
            if (file.exercise.isEmpty()) {
                plan.problems.append(
                    {file.relativePath,
                     shown + (isHand(file) ? QStringLiteral("set aside by hand; not graded")
                                           : QStringLiteral("fits no exercise: ") + file.reason +
                                                 QStringLiteral("; not graded"))});
            } else if (!file.chosen) {
                plan.problems.append({file.relativePath, shown + file.choice});
            }
        }
    }
}

} // namespace

QVector<SubmissionRecord> ClassPlan::submissions() const
{
    QVector<SubmissionRecord> records;
    for (const PlannedStudent &student : students) {
        for (const PlannedFile &file : student.files) {
            if (!file.chosen || file.exercise.isEmpty()) {
                continue;
            }
            SubmissionRecord record;
            record.studentKey = student.key;
            record.studentName = student.name;
            record.studentId = student.platformId;
            record.exercise = file.exercise;
            record.language = file.language;
            record.sourcePath = file.relativePath;
            record.mappingReason =
                file.choice.isEmpty() ? file.reason : file.reason + u"; " + file.choice;
            record.contentHash = file.contentHash;
            record.source = file.source;
            records.append(record);
        }
    }
    std::sort(records.begin(), records.end(),
              [](const SubmissionRecord &a, const SubmissionRecord &b) {
                  return a.studentKey != b.studentKey ? a.studentKey < b.studentKey
                                                      : a.exercise < b.exercise;
              });
    return records;
}

const PlannedStudent *ClassPlan::student(const QString &key) const
{
    for (const PlannedStudent &candidate : students) {
        if (candidate.key == key) {
            return &candidate;
        }
    }
    return nullptr;
}

ClassPlan ClassPlanner::plan(const QString &classDir, const QVector<Exercise> &exercises,
                             const QString &scratchDir, const ArchiveLimits &limits)
{
    ClassScanOptions options;
    options.scratchDir = scratchDir;
    options.archiveLimits = limits;
    const ClassScan scan = ClassFolder::scan(classDir, options);

    ClassPlan plan;
    plan.classDir = classDir;
    plan.layout = scan.layout;
    plan.layoutReason = scan.layoutReason;
    plan.problems = scan.problems;
    plan.setAside = scan.setAside;
    for (const StudentSubmission &submission : scan.students) {
        PlannedStudent student;
        student.key = submission.key;
        student.name = submission.name;
        student.platformId = submission.platformId;
        student.origin = submission.origin;
        student.late = submission.late;
        for (const SubmissionFile &source : submission.sources) {
            QFile in(source.absolutePath);
            if (!in.open(QIODevice::ReadOnly)) {
                plan.problems.append(
                    {source.relativePath,
                     QStringLiteral("%1: cannot be read (%2); skipped")
                         .arg(QDir::toNativeSeparators(source.relativePath), in.errorString())});
                continue;
            }
            PlannedFile file;
            file.relativePath = source.relativePath;
            file.absolutePath = source.absolutePath;
            file.namedAs = source.namedAs.isEmpty() ? source.relativePath : source.namedAs;
            file.revision = source.revision;
            // One byte more than a solution may have is enough to tell that it is too large.
            file.source = in.read(SourceInspector::maxSourceBytes + 1);
            file.contentHash =
                QCryptographicHash::hash(file.source, QCryptographicHash::Sha256).toHex();
            file.language = languageFromFileName(file.namedAs).value_or(Language::Go);
            const ExerciseGuess guess =
                ExerciseMatcher::guess(file.namedAs, file.source, exercises);
            file.exercise = guess.exercise;
            file.reason = guess.reason;
            file.matchedBy = guess.by;
            file.contentAgrees = guess.contentAgrees;
            student.files.append(file);
        }
        choose(student);
        plan.students.append(student);
    }
    refreshProblems(plan);
    qCDebug(lcClass).noquote() << "planned" << classDir << "as" << classLayoutId(plan.layout)
                               << "->" << plan.submissions().size() << "submissions of"
                               << plan.students.size() << "students";
    return plan;
}

QPair<QString, QString> ClassPlanner::exerciseFor(const QString &namedAs, const QByteArray &content,
                                                  const QVector<Exercise> &exercises)
{
    const ExerciseGuess guess = ExerciseMatcher::guess(namedAs, content, exercises);
    return {guess.exercise, guess.reason};
}

bool ClassPlanner::assign(ClassPlan &plan, const QString &relativePath, const QString &exercise)
{
    int lastHand = 0;
    PlannedStudent *owner = nullptr;
    PlannedFile *target = nullptr;
    for (PlannedStudent &student : plan.students) {
        for (PlannedFile &file : student.files) {
            lastHand = std::max(lastHand, file.handOrder);
            if (file.relativePath == relativePath) {
                owner = &student;
                target = &file;
            }
        }
    }
    if (!target) {
        return false;
    }
    target->exercise = exercise;
    target->matchedBy = ExerciseMatch::Hand;
    target->handOrder = lastHand + 1;
    target->reason = exercise.isEmpty() ? QStringLiteral("set aside by hand")
                                        : QStringLiteral("assigned to %1 by hand").arg(exercise);
    choose(*owner);
    refreshProblems(plan);
    qCDebug(lcClass).noquote() << "assigned" << relativePath << "to"
                               << (exercise.isEmpty() ? QStringLiteral("no exercise") : exercise);
    return true;
}

} // namespace RaceGrade
