#include "sessionjson.h"

#include "gradejson.h"

#include <QJsonArray>

namespace RaceGrade {

namespace {

const QString formatName = QStringLiteral("racegrade-session");
constexpr int formatVersion = 1;

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
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
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

bool isUtf8(const QByteArray &bytes)
{
    // Decoding replaces what is not UTF-8, so the bytes only survive when they all were.
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

QJsonObject recordToJson(const SubmissionRecord &record)
{
    QJsonObject object{
        {QStringLiteral("student_key"), record.studentKey},
        {QStringLiteral("student_name"), record.studentName},
        {QStringLiteral("student_id"), record.studentId},
        {QStringLiteral("exercise"), record.exercise},
        {QStringLiteral("language"), languageId(record.language)},
        {QStringLiteral("source_path"), record.sourcePath},
        {QStringLiteral("mapping_reason"), record.mappingReason},
        {QStringLiteral("content_hash"), QString::fromLatin1(record.contentHash)},
        {QStringLiteral("graded"), record.graded},
        {QStringLiteral("graded_at"), timeText(record.gradedAt)},
        {QStringLiteral("grade"), GradeJson::toJson(record.grade)},
        {QStringLiteral("identical_to"), QJsonArray::fromStringList(record.identicalTo)},
    };
    if (isUtf8(record.source)) {
        object.insert(QStringLiteral("source"), QString::fromUtf8(record.source));
    } else {
        object.insert(QStringLiteral("source_base64"),
                      QString::fromLatin1(record.source.toBase64()));
    }
    if (record.override) {
        object.insert(QStringLiteral("override"),
                      QJsonObject{{QStringLiteral("score"), record.override->score},
                                  {QStringLiteral("comment"), record.override->comment},
                                  {QStringLiteral("author"), record.override->author},
                                  {QStringLiteral("when"), timeText(record.override->when)}});
    } else {
        object.insert(QStringLiteral("override"), QJsonValue::Null);
    }
    return object;
}

Expected<SubmissionRecord> recordFromJson(const QJsonObject &object)
{
    SubmissionRecord record;
    record.studentKey = str(object, "student_key");
    record.exercise = str(object, "exercise");
    const std::optional<Language> language = languageFromId(str(object, "language"));
    if (record.studentKey.isEmpty() || record.exercise.isEmpty() || !language) {
        return Expected<SubmissionRecord>::failure(QStringLiteral(
            "a record needs \"student_key\", \"exercise\" and a known \"language\""));
    }
    record.language = *language;
    record.studentName = str(object, "student_name");
    record.studentId = str(object, "student_id");
    record.sourcePath = str(object, "source_path");
    record.mappingReason = str(object, "mapping_reason");
    record.contentHash = str(object, "content_hash").toLatin1();
    record.source = object.contains(QLatin1String("source_base64"))
                        ? QByteArray::fromBase64(str(object, "source_base64").toLatin1())
                        : str(object, "source").toUtf8();
    record.graded = object.value(QLatin1String("graded")).toBool();
    record.gradedAt = timeFromText(str(object, "graded_at"));
    // A record that was never graded holds an empty grade, which is not a grade to GradeJson.
    Expected<Grade> grade = GradeJson::fromJson(object.value(QLatin1String("grade")).toObject());
    if (grade) {
        record.grade = std::move(grade).value();
    } else if (record.graded) {
        return Expected<SubmissionRecord>::failure(
            QStringLiteral("%1 / %2: %3").arg(record.studentKey, record.exercise, grade.error()));
    }
    for (const QJsonValue &key : object.value(QLatin1String("identical_to")).toArray()) {
        record.identicalTo.append(key.toString());
    }
    const QJsonValue override = object.value(QLatin1String("override"));
    if (override.isObject()) {
        const QJsonObject o = override.toObject();
        record.override = ScoreOverride{o.value(QLatin1String("score")).toInt(), str(o, "comment"),
                                        str(o, "author"), timeFromText(str(o, "when"))};
    }
    return record;
}

} // namespace

QJsonObject SessionJson::toJson(const QMap<QString, QString> &settings,
                                const QVector<RosterEntry> &roster,
                                const QVector<SubmissionRecord> &records)
{
    QJsonObject settingsObject;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        settingsObject.insert(it.key(), it.value());
    }
    QJsonArray rosterArray;
    for (const RosterEntry &entry : roster) {
        rosterArray.append(QJsonObject{{QStringLiteral("id"), entry.id},
                                       {QStringLiteral("name"), entry.name},
                                       {QStringLiteral("email"), entry.email},
                                       {QStringLiteral("section"), entry.section}});
    }
    QJsonArray recordArray;
    for (const SubmissionRecord &record : records) {
        recordArray.append(recordToJson(record));
    }
    return QJsonObject{{QStringLiteral("format"), formatName},
                       {QStringLiteral("version"), formatVersion},
                       {QStringLiteral("settings"), settingsObject},
                       {QStringLiteral("roster"), rosterArray},
                       {QStringLiteral("records"), recordArray}};
}

Expected<SessionData> SessionJson::fromJson(const QJsonObject &object)
{
    if (str(object, "format") != formatName) {
        return Expected<SessionData>::failure(
            QStringLiteral("not a RaceGrade session: \"format\" is not \"%1\"").arg(formatName));
    }
    if (object.value(QLatin1String("version")).toInt() > formatVersion) {
        return Expected<SessionData>::failure(
            QStringLiteral("written by a newer RaceGrade (version %1)")
                .arg(object.value(QLatin1String("version")).toInt()));
    }
    SessionData data;
    const QJsonObject settings = object.value(QLatin1String("settings")).toObject();
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
        data.settings.insert(it.key(), it.value().toString());
    }
    for (const QJsonValue &value : object.value(QLatin1String("roster")).toArray()) {
        const QJsonObject entry = value.toObject();
        data.roster.append(
            {str(entry, "id"), str(entry, "name"), str(entry, "email"), str(entry, "section")});
    }
    for (const QJsonValue &value : object.value(QLatin1String("records")).toArray()) {
        Expected<SubmissionRecord> record = recordFromJson(value.toObject());
        if (!record) {
            return Expected<SessionData>::failure(record.error());
        }
        data.records.append(std::move(record).value());
    }
    return data;
}

} // namespace RaceGrade
