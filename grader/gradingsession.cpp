#include "gradingsession.h"

#include "gradejson.h"
#include "logging.h"

#include <QAtomicInt>
#include <QHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace RaceGrade {

namespace {

constexpr int schemaVersion = 1;

QAtomicInt connectionCounter;

QString sqlError(const QString &what, const QSqlError &error)
{
    return QStringLiteral("%1: %2").arg(what, error.text());
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromText(const QString &text)
{
    if (text.isEmpty()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

SubmissionRecord recordFromQuery(const QSqlQuery &query)
{
    SubmissionRecord record;
    record.studentKey = query.value(0).toString();
    record.studentName = query.value(1).toString();
    record.exercise = query.value(2).toString();
    record.language = languageFromId(query.value(3).toString()).value_or(Language::Go);
    record.sourcePath = query.value(4).toString();
    record.mappingReason = query.value(5).toString();
    record.contentHash = query.value(6).toByteArray();
    record.source = query.value(7).toByteArray();
    record.graded = query.value(8).toBool();
    const QJsonDocument grade = QJsonDocument::fromJson(query.value(9).toByteArray());
    if (grade.isObject()) {
        Expected<Grade> parsed = GradeJson::fromJson(grade.object());
        if (parsed) {
            record.grade = std::move(parsed).value();
        } else {
            record.graded = false;
        }
    }
    record.identicalTo = query.value(10).toString().split(u'\n', Qt::SkipEmptyParts);
    record.studentId = query.value(11).toString();
    record.gradedAt = timeFromText(query.value(12).toString());
    if (!query.value(13).isNull()) {
        ScoreOverride override;
        override.score = query.value(13).toInt();
        override.comment = query.value(14).toString();
        override.author = query.value(15).toString();
        override.when = timeFromText(query.value(16).toString());
        record.override = override;
    }
    return record;
}

const char *const recordColumns =
    "s.student_key, s.student_name, s.exercise, s.language, s.source_path, s.mapping_reason, "
    "s.content_hash, s.source, s.graded, s.grade_json, s.identical_to, s.student_id, "
    "s.graded_at, o.score, o.comment, o.author, o.at";

} // namespace

GradingSession::GradingSession(const QString &path, const QString &connectionName)
    : m_path(path)
    , m_connectionName(connectionName)
{}

GradingSession::~GradingSession()
{
    {
        QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
        database.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::shared_ptr<GradingSession>> GradingSession::open(const QString &path)
{
    using Result = Expected<std::shared_ptr<GradingSession>>;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return Result::failure(QStringLiteral("Qt's SQLite driver is not installed (on Debian: "
                                              "libqt5sql5-sqlite or libqt6sql6-sqlite)"));
    }
    const QString name =
        QStringLiteral("racegrade-session-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::shared_ptr<GradingSession> session(new GradingSession(path, name));
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    database.setDatabaseName(path);
    // Other connections (a batch's worker, the app's view) may hold the file for a moment.
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!database.open()) {
        return Result::failure(sqlError(QStringLiteral("%1: cannot open the session").arg(path),
                                        database.lastError()));
    }
    const QString problem = session->createTables();
    if (!problem.isEmpty()) {
        return Result::failure(QStringLiteral("%1: %2").arg(path, problem));
    }
    return Result(session);
}

QString GradingSession::createTables()
{
    QSqlDatabase database = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(database);
    // WAL lets a reader look at the session while a batch writes to it.
    query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return QStringLiteral("is not a RaceGrade session (%1)").arg(query.lastError().text());
    }
    const int version = query.value(0).toInt();
    if (version > schemaVersion) {
        return QStringLiteral("was written by a newer RaceGrade (session format %1)").arg(version);
    }
    const char *const statements[] = {
        "CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT)",
        "CREATE TABLE IF NOT EXISTS submissions (student_key TEXT NOT NULL, student_name TEXT, "
        "exercise TEXT NOT NULL, language TEXT, source_path TEXT, mapping_reason TEXT, "
        "content_hash TEXT, source BLOB, graded INTEGER, grade_json TEXT, identical_to TEXT, "
        "student_id TEXT, graded_at TEXT, PRIMARY KEY (student_key, exercise))",
        "CREATE TABLE IF NOT EXISTS overrides (student_key TEXT NOT NULL, exercise TEXT NOT NULL, "
        "score INTEGER NOT NULL, comment TEXT, author TEXT, at TEXT, "
        "PRIMARY KEY (student_key, exercise))",
        "CREATE TABLE IF NOT EXISTS roster (position INTEGER PRIMARY KEY, id TEXT, name TEXT, "
        "email TEXT, section TEXT)",
    };
    for (const char *statement : statements) {
        if (!query.exec(QLatin1String(statement))) {
            return sqlError(QStringLiteral("cannot create its tables"), query.lastError());
        }
    }
    query.exec(QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion));
    return {};
}

QString GradingSession::setting(const QString &name) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

QString GradingSession::setSetting(const QString &name, const QString &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)"));
    query.addBindValue(name);
    query.addBindValue(value);
    return query.exec() ? QString() : sqlError(m_path, query.lastError());
}

QMap<QString, QString> GradingSession::settings() const
{
    QMap<QString, QString> settings;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (query.exec(QStringLiteral("SELECT name, value FROM settings"))) {
        while (query.next()) {
            settings.insert(query.value(0).toString(), query.value(1).toString());
        }
    }
    return settings;
}

QVector<SubmissionRecord> GradingSession::records() const
{
    QVector<SubmissionRecord> records;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM submissions s LEFT JOIN overrides o ON "
                                   "o.student_key = s.student_key AND o.exercise = s.exercise "
                                   "ORDER BY s.student_key, s.exercise")
                        .arg(QLatin1String(recordColumns)))) {
        qCWarning(lcSession).noquote() << sqlError(m_path, query.lastError());
        return records;
    }
    while (query.next()) {
        records.append(recordFromQuery(query));
    }
    return records;
}

std::optional<SubmissionRecord> GradingSession::record(const QString &studentKey,
                                                       const QString &exercise) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT %1 FROM submissions s LEFT JOIN overrides o ON "
                                 "o.student_key = s.student_key AND o.exercise = s.exercise "
                                 "WHERE s.student_key = ? AND s.exercise = ?")
                      .arg(QLatin1String(recordColumns)));
    query.addBindValue(studentKey);
    query.addBindValue(exercise);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return recordFromQuery(query);
}

QString GradingSession::saveRecord(const SubmissionRecord &record)
{
    QSqlDatabase database = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(database);
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO submissions (student_key, student_name, exercise, language, "
        "source_path, mapping_reason, content_hash, source, graded, grade_json, identical_to, "
        "student_id, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.studentKey);
    query.addBindValue(record.studentName);
    query.addBindValue(record.exercise);
    query.addBindValue(languageId(record.language));
    query.addBindValue(record.sourcePath);
    query.addBindValue(record.mappingReason);
    query.addBindValue(QString::fromLatin1(record.contentHash));
    query.addBindValue(record.source);
    query.addBindValue(record.graded ? 1 : 0);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(GradeJson::toJson(record.grade)).toJson(QJsonDocument::Compact)));
    query.addBindValue(record.identicalTo.join(u'\n'));
    query.addBindValue(record.studentId);
    query.addBindValue(timeText(record.gradedAt));
    if (!query.exec()) {
        return sqlError(QStringLiteral("%1: cannot save %2 / %3")
                            .arg(m_path, record.studentKey, record.exercise),
                        query.lastError());
    }
    if (record.override) {
        return setOverride(record.studentKey, record.exercise, record.override);
    }
    return {};
}

QString GradingSession::saveRecords(const QVector<SubmissionRecord> &records)
{
    QSqlDatabase database = QSqlDatabase::database(m_connectionName);
    if (!database.transaction()) {
        return sqlError(m_path, database.lastError());
    }
    for (const SubmissionRecord &record : records) {
        const QString problem = saveRecord(record);
        if (!problem.isEmpty()) {
            database.rollback();
            return problem;
        }
    }
    return database.commit() ? QString() : sqlError(m_path, database.lastError());
}

QString GradingSession::removeRecord(const QString &studentKey, const QString &exercise)
{
    QSqlDatabase database = QSqlDatabase::database(m_connectionName);
    QSqlQuery query(database);
    for (const QString &table : {QStringLiteral("submissions"), QStringLiteral("overrides")}) {
        query.prepare(
            QStringLiteral("DELETE FROM %1 WHERE student_key = ? AND exercise = ?").arg(table));
        query.addBindValue(studentKey);
        query.addBindValue(exercise);
        if (!query.exec()) {
            return sqlError(m_path, query.lastError());
        }
    }
    return {};
}

QString GradingSession::refreshIdenticalFlags()
{
    const QVector<SubmissionRecord> all = records();
    const auto sameFileKey = [](const SubmissionRecord &record) -> QString {
        return record.exercise + u'|' + languageId(record.language) + u'|' +
               QString::fromLatin1(record.contentHash);
    };
    QHash<QString, QStringList> studentsByFile;
    for (const SubmissionRecord &record : all) {
        if (!record.contentHash.isEmpty()) {
            studentsByFile[sameFileKey(record)].append(record.studentKey);
        }
    }
    QVector<SubmissionRecord> changed;
    for (const SubmissionRecord &record : all) {
        QStringList others = record.contentHash.isEmpty()
                                 ? QStringList()
                                 : studentsByFile.value(sameFileKey(record));
        others.removeAll(record.studentKey);
        others.removeDuplicates();
        others.sort();
        if (others != record.identicalTo) {
            SubmissionRecord updated = record;
            updated.identicalTo = others;
            updated.override.reset(); // the stored override stays as it is
            changed.append(updated);
        }
    }
    return saveRecords(changed);
}

QString GradingSession::setOverride(const QString &studentKey, const QString &exercise,
                                    const std::optional<ScoreOverride> &override)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (override) {
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO overrides (student_key, exercise, "
                                     "score, comment, author, at) VALUES (?, ?, ?, ?, ?, ?)"));
        query.addBindValue(studentKey);
        query.addBindValue(exercise);
        query.addBindValue(override->score);
        query.addBindValue(override->comment);
        query.addBindValue(override->author);
        query.addBindValue(timeText(override->when));
    } else {
        query.prepare(
            QStringLiteral("DELETE FROM overrides WHERE student_key = ? AND exercise = ?"));
        query.addBindValue(studentKey);
        query.addBindValue(exercise);
    }
    return query.exec() ? QString() : sqlError(m_path, query.lastError());
}

QVector<RosterEntry> GradingSession::roster() const
{
    QVector<RosterEntry> roster;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (query.exec(
            QStringLiteral("SELECT id, name, email, section FROM roster ORDER BY position"))) {
        while (query.next()) {
            roster.append({query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), query.value(3).toString()});
        }
    }
    return roster;
}

QString GradingSession::setRoster(const QVector<RosterEntry> &roster)
{
    QSqlDatabase database = QSqlDatabase::database(m_connectionName);
    database.transaction();
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("DELETE FROM roster"))) {
        database.rollback();
        return sqlError(m_path, query.lastError());
    }
    int position = 0;
    for (const RosterEntry &entry : roster) {
        query.prepare(QStringLiteral(
            "INSERT INTO roster (position, id, name, email, section) VALUES (?, ?, ?, ?, ?)"));
        query.addBindValue(position++);
        query.addBindValue(entry.id);
        query.addBindValue(entry.name);
        query.addBindValue(entry.email);
        query.addBindValue(entry.section);
        if (!query.exec()) {
            database.rollback();
            return sqlError(m_path, query.lastError());
        }
    }
    return database.commit() ? QString() : sqlError(m_path, database.lastError());
}

QString GradingSession::mergeFrom(const QStringList &inputs)
{
    for (const QString &input : inputs) {
        const Expected<std::shared_ptr<GradingSession>> other = open(input);
        if (!other) {
            return other.error();
        }
        QVector<SubmissionRecord> taken;
        for (const SubmissionRecord &record : other.value()->records()) {
            const std::optional<SubmissionRecord> existing =
                this->record(record.studentKey, record.exercise);
            if (existing && existing->graded && !record.graded) {
                continue; // an ungraded stub never replaces a grade
            }
            taken.append(record);
        }
        const QString problem = saveRecords(taken);
        if (!problem.isEmpty()) {
            return problem;
        }
        const QVector<RosterEntry> roster = other.value()->roster();
        if (!roster.isEmpty()) {
            setRoster(roster);
        }
        const QMap<QString, QString> settings = other.value()->settings();
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            if (it.key() != u"shard") {
                setSetting(it.key(), it.value());
            }
        }
    }
    return refreshIdenticalFlags();
}

} // namespace RaceGrade
