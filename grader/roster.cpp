#include "roster.h"

#include "classfolder.h"
#include "logging.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <functional>

namespace RaceGrade {

namespace {

/// One record of a CSV file and the line it starts on.
struct CsvRecord
{
    QStringList fields;
    int line = 1;
};

/// An RFC 4180 reader that is lenient where spreadsheets are sloppy: any line end, a quote
/// inside an unquoted field taken as it is, text after a closing quote kept.
class CsvReader
{
public:
    CsvReader(const QString &text, QChar separator, const QString &fileName)
        : m_text(text)
        , m_separator(separator)
        , m_fileName(fileName)
    {}

    QVector<CsvRecord> read();
    QStringList warnings() const { return m_warnings; }

private:
    bool atLineEnd(qsizetype i) const
    {
        return i < m_text.size() && (m_text.at(i) == u'\n' || m_text.at(i) == u'\r');
    }
    // Steps over one line end (CRLF counts once) and counts it.
    qsizetype skipLineEnd(qsizetype i)
    {
        ++m_line;
        if (m_text.at(i) == u'\r' && i + 1 < m_text.size() && m_text.at(i + 1) == u'\n') {
            return i + 2;
        }
        return i + 1;
    }

    const QString &m_text;
    QChar m_separator;
    QString m_fileName;
    int m_line = 1;
    QStringList m_warnings;
};

QVector<CsvRecord> CsvReader::read()
{
    QVector<CsvRecord> records;
    qsizetype i = 0;
    while (i < m_text.size()) {
        CsvRecord record;
        record.line = m_line;
        bool recordDone = false;
        while (!recordDone) {
            QString field;
            if (i < m_text.size() && m_text.at(i) == u'"') {
                const int openedOn = m_line;
                bool closed = false;
                ++i;
                while (i < m_text.size()) {
                    const QChar c = m_text.at(i);
                    if (c == u'"' && i + 1 < m_text.size() && m_text.at(i + 1) == u'"') {
                        field.append(u'"');
                        i += 2;
                    } else if (c == u'"') {
                        closed = true;
                        ++i;
                        break;
                    } else if (c == u'\r' || c == u'\n') {
                        field.append(u'\n');
                        i = skipLineEnd(i);
                    } else {
                        field.append(c);
                        ++i;
                    }
                }
                if (!closed) {
                    m_warnings.append(QStringLiteral("%1:%2: a quoted field opened on this line "
                                                     "is not closed; read to the end of the file")
                                          .arg(m_fileName)
                                          .arg(openedOn));
                }
            }
            // The unquoted part of a field, or what follows a closing quote.
            while (i < m_text.size() && m_text.at(i) != m_separator && !atLineEnd(i)) {
                field.append(m_text.at(i));
                ++i;
            }
            record.fields.append(field.trimmed());
            if (i < m_text.size() && m_text.at(i) == m_separator) {
                ++i;
            } else {
                if (i < m_text.size()) {
                    i = skipLineEnd(i);
                }
                recordDone = true;
            }
        }
        records.append(record);
    }
    return records;
}

/// The separator of the first line outside quotes: the most frequent of ',', ';' and tab.
QChar guessSeparator(const QString &text)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && (c == u'\n' || c == u'\r')) {
            break;
        } else if (!quoted && c == u',') {
            ++commas;
        } else if (!quoted && c == u';') {
            ++semicolons;
        } else if (!quoted && c == u'\t') {
            ++tabs;
        }
    }
    if (semicolons > commas && semicolons >= tabs) {
        return u';';
    }
    return tabs > commas ? u'\t' : u',';
}

/// The bytes as text: UTF-8 with or without its mark, UTF-16 with its mark, else Latin-1.
QString decode(const QByteArray &bytes, const QString &fileName, QStringList *warnings)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        return QString::fromUtf8(bytes.mid(3));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const bool little = bytes.at(0) == '\xFF';
        QString text;
        for (qsizetype i = 2; i + 1 < bytes.size(); i += 2) {
            const auto low = uchar(bytes.at(little ? i : i + 1));
            const auto high = uchar(bytes.at(little ? i + 1 : i));
            text.append(QChar(char16_t(high << 8 | low)));
        }
        return text;
    }
    const QString text = QString::fromUtf8(bytes);
    // A replacement character that the file did not hold itself means bytes that are not UTF-8.
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD")) {
        warnings->append(QStringLiteral("%1: is not UTF-8; read as Latin-1 (ISO 8859-1), so "
                                        "check the names with accents")
                             .arg(fileName));
        return QString::fromLatin1(bytes);
    }
    return text;
}

/// A header name reduced to what tells columns apart: "E-mail address" gives "emailaddress".
QString headerKey(const QString &header)
{
    QString key;
    for (const QChar c : header.toCaseFolded()) {
        if (c.isLetterOrNumber()) {
            key.append(c);
        }
    }
    return key;
}

enum class Column
{
    PlatformId, ///< the course platform's own id: what its downloads name students by
    OtherId,    ///< an institution's id, used when there is no platform id
    Name,
    FirstName,
    LastName,
    Email,
    Login,
    Section,
};

// TODO(#5): only the English header names are known; Moodle and Canvas export in the user's
// language ("Vollständiger Name", "Adresse de courriel").
std::optional<Column> columnOf(const QString &header)
{
    static const QHash<QString, Column> columns = {
        {QStringLiteral("id"), Column::PlatformId},
        {QStringLiteral("userid"), Column::PlatformId},
        {QStringLiteral("canvasuserid"), Column::PlatformId},
        {QStringLiteral("identifier"), Column::PlatformId},
        {QStringLiteral("participant"), Column::PlatformId},
        {QStringLiteral("participantid"), Column::PlatformId},
        {QStringLiteral("sisuserid"), Column::OtherId},
        {QStringLiteral("sisid"), Column::OtherId},
        {QStringLiteral("studentid"), Column::OtherId},
        {QStringLiteral("studentnumber"), Column::OtherId},
        {QStringLiteral("studentno"), Column::OtherId},
        {QStringLiteral("idnumber"), Column::OtherId},
        {QStringLiteral("matriculationnumber"), Column::OtherId},
        {QStringLiteral("name"), Column::Name},
        {QStringLiteral("fullname"), Column::Name},
        {QStringLiteral("student"), Column::Name},
        {QStringLiteral("studentname"), Column::Name},
        {QStringLiteral("displayname"), Column::Name},
        {QStringLiteral("sortablename"), Column::Name},
        {QStringLiteral("firstname"), Column::FirstName},
        {QStringLiteral("givenname"), Column::FirstName},
        {QStringLiteral("forename"), Column::FirstName},
        {QStringLiteral("lastname"), Column::LastName},
        {QStringLiteral("surname"), Column::LastName},
        {QStringLiteral("familyname"), Column::LastName},
        {QStringLiteral("email"), Column::Email},
        {QStringLiteral("emailaddress"), Column::Email},
        {QStringLiteral("mail"), Column::Email},
        {QStringLiteral("sisloginid"), Column::Login},
        {QStringLiteral("loginid"), Column::Login},
        {QStringLiteral("username"), Column::Login},
        {QStringLiteral("section"), Column::Section},
        {QStringLiteral("sections"), Column::Section},
        {QStringLiteral("group"), Column::Section},
        {QStringLiteral("groups"), Column::Section},
    };
    const auto found = columns.constFind(headerKey(header));
    return found == columns.constEnd() ? std::nullopt : std::optional<Column>(found.value());
}

/// Moodle's grading worksheet names participants "Participant 12345"; its download, 12345.
QString plainId(const QString &id)
{
    static const QRegularExpression participant(QStringLiteral(R"(^Participant\s+(\d+)$)"),
                                                QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = participant.match(id);
    return match.hasMatch() ? match.captured(1) : id;
}

/// A name with case, accents, spaces and punctuation taken out: "Lee, Zoë" gives "leezoe".
QString compact(const QString &name)
{
    QString result;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD).toCaseFolded()) {
        if (c.isLetterOrNumber()) {
            result.append(c);
        }
    }
    return result;
}

/// The forms of a roster name a student's name is compared with: as written, and in the other
/// order ("Lee, Ana" also as "Ana Lee"; "Ana Lee" also as "Lee Ana", as Canvas writes it).
QStringList nameForms(const QString &name)
{
    QStringList forms{compact(name)};
    const qsizetype comma = name.indexOf(u',');
    QString swapped;
    if (comma >= 0) {
        swapped = name.mid(comma + 1) + u' ' + name.left(comma);
    } else {
        const QStringList words = name.simplified().split(u' ');
        if (words.size() > 1) {
            swapped = words.constLast() + u' ' + words.mid(0, words.size() - 1).join(u' ');
        }
    }
    if (!swapped.isEmpty() && !forms.contains(compact(swapped))) {
        forms.append(compact(swapped));
    }
    forms.removeAll(QString());
    return forms;
}

} // namespace

Expected<Roster> RosterReader::parse(const QByteArray &csv, const QString &fileName)
{
    Roster roster;
    const QString text = decode(csv, fileName, &roster.warnings);
    CsvReader reader(text, guessSeparator(text), fileName);
    const QVector<CsvRecord> records = reader.read();
    roster.warnings += reader.warnings();

    const auto blank = [](const CsvRecord &record) {
        return std::all_of(record.fields.cbegin(), record.fields.cend(),
                           [](const QString &field) { return field.isEmpty(); });
    };
    qsizetype headerIndex = 0;
    while (headerIndex < records.size() && blank(records.at(headerIndex))) {
        ++headerIndex;
    }
    if (headerIndex == records.size()) {
        return Expected<Roster>::failure(QStringLiteral("%1: is empty").arg(fileName));
    }
    const CsvRecord &header = records.at(headerIndex);
    QMap<Column, int> columns; // the first column of each kind wins
    for (int index = 0; index < header.fields.size(); ++index) {
        const std::optional<Column> column = columnOf(header.fields.at(index));
        if (column && !columns.contains(*column)) {
            columns.insert(*column, index);
        }
    }
    const bool usable = columns.contains(Column::PlatformId) || columns.contains(Column::OtherId) ||
                        columns.contains(Column::Name) || columns.contains(Column::FirstName) ||
                        columns.contains(Column::LastName) || columns.contains(Column::Email);
    if (!usable) {
        return Expected<Roster>::failure(
            QStringLiteral("%1:%2: the first line names no column a roster needs (an id, a name "
                           "or an e-mail address), as in \"id,name,email\"")
                .arg(fileName)
                .arg(header.line));
    }

    QHash<QString, int> lineOfId;
    for (qsizetype r = headerIndex + 1; r < records.size(); ++r) {
        const CsvRecord &record = records.at(r);
        if (blank(record)) {
            continue;
        }
        const auto field = [&](Column column) {
            return columns.contains(column) ? record.fields.value(columns.value(column))
                                            : QString();
        };
        RosterEntry entry;
        entry.id = plainId(field(Column::PlatformId));
        if (entry.id.isEmpty()) {
            entry.id = field(Column::OtherId);
        }
        entry.name = field(Column::Name);
        if (entry.name.isEmpty()) {
            entry.name =
                QStringList{field(Column::FirstName), field(Column::LastName)}.join(u' ').trimmed();
        }
        entry.email = field(Column::Email);
        if (entry.email.isEmpty() && field(Column::Login).contains(u'@')) {
            entry.email = field(Column::Login);
        }
        entry.section = field(Column::Section);

        // Canvas's gradebook puts the points of each column on a line of its own.
        if (entry.name == QLatin1String("Points Possible") && entry.email.isEmpty()) {
            continue;
        }
        if (entry.id.isEmpty() && entry.name.isEmpty() && entry.email.isEmpty()) {
            roster.warnings.append(QStringLiteral("%1:%2: no id, name or e-mail address; line "
                                                  "skipped")
                                       .arg(fileName)
                                       .arg(record.line));
            continue;
        }
        if (!entry.id.isEmpty() && lineOfId.contains(entry.id)) {
            roster.warnings.append(QStringLiteral("%1:%2: the id %3 is already on line %4; line "
                                                  "skipped")
                                       .arg(fileName)
                                       .arg(record.line)
                                       .arg(entry.id)
                                       .arg(lineOfId.value(entry.id)));
            continue;
        }
        if (record.fields.size() > header.fields.size() &&
            !std::all_of(record.fields.cbegin() + header.fields.size(), record.fields.cend(),
                         [](const QString &extra) { return extra.isEmpty(); })) {
            roster.warnings.append(QStringLiteral("%1:%2: has %3 fields but the first line names "
                                                  "%4 columns; the extra ones are left out (is a "
                                                  "name with a comma not quoted?)")
                                       .arg(fileName)
                                       .arg(record.line)
                                       .arg(record.fields.size())
                                       .arg(header.fields.size()));
        }
        if (!entry.id.isEmpty()) {
            lineOfId.insert(entry.id, record.line);
        }
        roster.entries.append(entry);
    }
    if (roster.entries.isEmpty()) {
        return Expected<Roster>::failure(
            QStringLiteral("%1: no line after the first names a student").arg(fileName) +
            (roster.warnings.isEmpty() ? QString()
                                       : QStringLiteral(" (") + roster.warnings.join(u' ') + u')'));
    }
    qCDebug(lcClass).noquote() << "read roster" << fileName << "->" << roster.entries.size()
                               << "students," << roster.warnings.size() << "warnings";
    return roster;
}

RosterMatch RosterReader::match(const QVector<Student> &students,
                                const QVector<RosterEntry> &roster)
{
    RosterMatch result;
    QSet<int> taken;
    QSet<QString> matched;

    // Each pass gives every unmatched student the entries whose form equals the student's; a
    // form that several entries share, or several students, matches no one.
    const auto pass = [&](const char *by, const std::function<QStringList(const Student &)> &own,
                          const std::function<QStringList(const RosterEntry &)> &forms) {
        QHash<QString, QSet<int>> entriesOf;
        for (int index = 0; index < roster.size(); ++index) {
            if (taken.contains(index)) {
                continue;
            }
            for (const QString &form : forms(roster.at(index))) {
                entriesOf[form].insert(index);
            }
        }
        QMap<int, QStringList> claims; // entry -> students that found it
        for (const Student &student : students) {
            if (matched.contains(student.key)) {
                continue;
            }
            QSet<int> found;
            for (const QString &form : own(student)) {
                found.unite(entriesOf.value(form));
            }
            if (found.size() == 1) {
                claims[*found.cbegin()].append(student.key);
            } else if (found.size() > 1) {
                QStringList names;
                for (int index : std::as_const(found)) {
                    names.append(roster.at(index).name.isEmpty() ? roster.at(index).id
                                                                 : roster.at(index).name);
                }
                names.sort();
                result.warnings.append(
                    QStringLiteral("%1 fits %2 roster entries by %3 (%4); not "
                                   "matched by %3")
                        .arg(student.key)
                        .arg(found.size())
                        .arg(QLatin1String(by), names.join(QStringLiteral(", "))));
            }
        }
        for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
            if (it.value().size() > 1) {
                result.warnings.append(
                    QStringLiteral("%1 all fit the roster entry %2 by %3; none is matched by %3")
                        .arg(it.value().join(QStringLiteral(", ")),
                             roster.at(it.key()).name.isEmpty() ? roster.at(it.key()).id
                                                                : roster.at(it.key()).name,
                             QLatin1String(by)));
                continue;
            }
            taken.insert(it.key());
            matched.insert(it.value().constFirst());
            result.entryByStudentKey.insert(it.value().constFirst(), it.key());
        }
    };

    pass(
        "id",
        [](const Student &student) {
            return student.platformId.isEmpty()
                       ? QStringList{QStringLiteral("name:") + ClassFolder::nameKey(student.name)}
                       : QStringList{QStringLiteral("id:") + student.platformId};
        },
        [](const RosterEntry &entry) {
            return entry.id.isEmpty()
                       ? QStringList()
                       : QStringList{QStringLiteral("id:") + entry.id,
                                     QStringLiteral("name:") + ClassFolder::nameKey(entry.id)};
        });
    pass(
        "name",
        [](const Student &student) { return QStringList{ClassFolder::nameKey(student.name)}; },
        [](const RosterEntry &entry) {
            return entry.name.isEmpty() ? QStringList()
                                        : QStringList{ClassFolder::nameKey(entry.name)};
        });
    pass(
        "name", [](const Student &student) { return QStringList{compact(student.name)}; },
        [](const RosterEntry &entry) { return nameForms(entry.name); });
    pass(
        "e-mail", [](const Student &student) { return QStringList{compact(student.name)}; },
        [](const RosterEntry &entry) {
            if (entry.email.isEmpty()) {
                return QStringList();
            }
            const QString local = entry.email.section(u'@', 0, 0);
            QStringList forms{compact(local), compact(entry.email)};
            forms.removeAll(QString());
            return forms;
        });

    for (const Student &student : students) {
        if (!matched.contains(student.key)) {
            result.unknownStudents.append(student.key);
        }
    }
    for (int index = 0; index < roster.size(); ++index) {
        if (!taken.contains(index)) {
            result.withoutSubmission.append(index);
        }
    }
    return result;
}

} // namespace RaceGrade
