#pragma once

// A small class graded by hand, shared by the export tests: real exercises from the pack, real
// Grade values (checks, races with stacks, problems, compiler messages), an override with a
// comment, two students with identical files, a roster with a student who handed nothing in,
// and names with commas, quotes, a line break and letters outside ASCII.

#include "exercise.h"
#include "roster.h"
#include "submissionrecord.h"

#include <QByteArray>
#include <QMap>
#include <QStringList>
#include <QVector>

namespace ClassFixture {

/// The exercise pack of the source tree.
QVector<RaceGrade::Exercise> catalog();
QVector<RaceGrade::RosterEntry> roster();
QMap<QString, QString> settings();
/// Every record, with the grades made from `catalog()`'s checks.
QVector<RaceGrade::SubmissionRecord> records();
/// The record of one student and exercise, or a default one.
RaceGrade::SubmissionRecord record(const QString &studentKey, const QString &exercise);

/// The lines where Ana's safe counter races: the unlocked increment and the locked read.
constexpr int anaWriteLine = 13;
constexpr int anaReadLine = 18;
/// Gus's safe counter races with itself on one line.
constexpr int gusRaceLine = 9;
/// Bo's C++ config races on these, and inverts two locks on the next two.
constexpr int boWriteLine = 21;
constexpr int boReadLine = 30;
constexpr int boFirstLockLine = 40;
constexpr int boSecondLockLine = 45;

extern const QString anaOverrideComment;
extern const QString boName;
extern const QString emileName;
extern const QString zoeName;

/// A strict RFC 4180 reader: records end with CRLF, fields are split by commas, a quoted field
/// may hold commas, quotes (doubled) and line breaks. Sets *error and returns what it read
/// so far when the text breaks the rules (a bare quote, a bare LF or CR, text after a quote).
QVector<QStringList> parseCsv(const QByteArray &bytes, QString *error);

/// Runs a program and returns its standard output; fails the running test when it is missing.
QByteArray runTool(const QString &program, const QStringList &arguments, bool *ok);

} // namespace ClassFixture
