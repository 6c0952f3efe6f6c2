#include "classgenerator.h"
#include "classplanner.h"
#include "roster.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace RaceGrade;
using namespace RaceGrade::TestSupport;

namespace {

/// "id | name | email | section" per entry, for comparisons that print well.
QStringList lines(const QVector<RosterEntry> &entries)
{
    QStringList result;
    for (const RosterEntry &entry : entries) {
        result.append(QStringList{entry.id, entry.name, entry.email, entry.section}.join(
            QStringLiteral(" | ")));
    }
    return result;
}

QByteArray utf16le(const QString &text)
{
    QByteArray bytes("\xFF\xFE", 2);
    for (const QChar c : text) {
        bytes.append(char(c.unicode() & 0xFF));
        bytes.append(char(c.unicode() >> 8));
    }
    return bytes;
}

RosterReader::Student student(const char *key, const QString &name, const char *id = "")
{
    return {QString::fromUtf8(key), name, QString::fromUtf8(id)};
}

RosterEntry entry(const char *id, const QString &name, const char *email = "")
{
    return {QString::fromUtf8(id), name, QString::fromUtf8(email), QString()};
}

} // namespace

/// Checks RosterReader: the CSV shapes course platforms export, RFC 4180 quoting, encodings,
/// warnings that name file and line, and how students are matched with the roster.
class TestRoster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRosters_data();
    void parsesRosters();
    void warnsAboutLines_data();
    void warnsAboutLines();
    void failsWithoutUsableRows_data();
    void failsWithoutUsableRows();
    void matchesStudents_data();
    void matchesStudents();
    void idComesBeforeName();
    void leavesUnclearNamesUnmatched();
    void matchesGeneratedClasses_data();
    void matchesGeneratedClasses();
};

void TestRoster::parsesRosters_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("generic") << QByteArray(
                                    "id,name,email\n1,Ana Lee,ana@uni.edu\n2,Bo Chen,bo@uni.edu\n")
                             << QStringList{QStringLiteral("1 | Ana Lee | ana@uni.edu | "),
                                            QStringLiteral("2 | Bo Chen | bo@uni.edu | ")}
                             << QStringList();
    QTest::newRow("Canvas gradebook")
        << QByteArray("Student,ID,SIS User ID,SIS Login ID,Section,Safe counter (1)\r\n"
                      "    Points Possible,,,,,100\r\n"
                      "\"Lee, Ana\",48213,S001,ana@uni.edu,Section A,90\r\n")
        << QStringList{QStringLiteral("48213 | Lee, Ana | ana@uni.edu | Section A")}
        << QStringList();
    QTest::newRow("Moodle grading worksheet")
        << QByteArray("Identifier,Full name,Email address,Status,Grade\n"
                      "Participant 12345,Ana Lee,ana@uni.edu,Submitted for grading,\n")
        << QStringList{QStringLiteral("12345 | Ana Lee | ana@uni.edu | ")} << QStringList();
    QTest::newRow("Moodle user export")
        << QByteArray("username,firstname,lastname,email,idnumber\nalee,Ana,Lee,ana@uni.edu,S77\n")
        << QStringList{QStringLiteral("S77 | Ana Lee | ana@uni.edu | ")} << QStringList();
    QTest::newRow("semicolons, byte-order mark, CRLF, accents")
        << QByteArray("\xEF\xBB\xBFStudent ID;Name;E-mail;Group\r\n1;Zo\xC3\xAB Garc\xC3\xAD"
                      "a;zoe@uni.edu;B\r\n")
        << QStringList{QStringLiteral("1 | Zo\u00eb Garc\u00eda | zoe@uni.edu | B")}
        << QStringList();
    QTest::newRow("quoted comma, quotes and line break")
        << QByteArray("id,name,email\n1,\"Garc\xC3\xAD"
                      "a, Zo\xC3\xAB\",z@uni.edu\n"
                      "2,\"Kai \"\"KJ\"\" Jensen\",k@uni.edu\n3,\"Two\r\nLines\",t@uni.edu\n"
                      "4,After,a@uni.edu")
        << QStringList{QStringLiteral("1 | Garc\u00eda, Zo\u00eb | z@uni.edu | "),
                       QStringLiteral("2 | Kai \"KJ\" Jensen | k@uni.edu | "),
                       QStringLiteral("3 | Two\nLines | t@uni.edu | "),
                       QStringLiteral("4 | After | a@uni.edu | ")}
        << QStringList();
    QTest::newRow("columns in another order, blank lines")
        << QByteArray("\n\nEmail,Notes,Section,Full Name\n\nana@uni.edu,late,A,Ana Lee\n,,,\n")
        << QStringList{QStringLiteral(" | Ana Lee | ana@uni.edu | A")} << QStringList();
    QTest::newRow("UTF-16 with tabs")
        << utf16le(QStringLiteral("id\tname\r\n7\t\u5f20\u4f1f\r\n"))
        << QStringList{QStringLiteral("7 | \u5f20\u4f1f |  | ")} << QStringList();
    QTest::newRow("Latin-1") << QByteArray("id,name\n1,Zo\xEB Ng\n")
                             << QStringList{QStringLiteral("1 | Zo\u00eb Ng |  | ")}
                             << QStringList{QStringLiteral("roster.csv: is not UTF-8; read as "
                                                           "Latin-1 (ISO 8859-1), so check the "
                                                           "names with accents")};
}

void TestRoster::parsesRosters()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, entries);
    QFETCH(QStringList, warnings);

    const Expected<Roster> roster = RosterReader::parse(csv, QStringLiteral("roster.csv"));
    QVERIFY2(roster.hasValue(), qPrintable(roster.error()));
    QCOMPARE(lines(roster->entries), entries);
    QCOMPARE(roster->warnings, warnings);
}

void TestRoster::warnsAboutLines_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("entries");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("a line with nothing to match")
        << QByteArray("id,name,email,section\n1,Ana,a@uni.edu,A\n,,,B\n") << 1
        << QStringList{QStringLiteral("class.csv:3: no id, name or e-mail address; line "
                                      "skipped")};
    QTest::newRow("an id twice") << QByteArray("id,name\n1,Ana\n2,Bo\n1,Cy\n") << 2
                                 << QStringList{QStringLiteral(
                                        "class.csv:4: the id 1 is already on line 2; line "
                                        "skipped")};
    QTest::newRow("lines counted through a quoted line break")
        << QByteArray("id,name,email\n1,\"Ana\nLee\",a@uni.edu\n2,Lee, Bo,b@uni.edu\n") << 2
        << QStringList{QStringLiteral("class.csv:4: has 4 fields but the first line names 3 "
                                      "columns; the extra ones are left out (is a name with a "
                                      "comma not quoted?)")};
    QTest::newRow("a quote never closed")
        << QByteArray("id,name\n1,Ana\n2,\"Bo\n3,Cy\n") << 2
        << QStringList{QStringLiteral("class.csv:3: a quoted field opened on this line is not "
                                      "closed; read to the end of the file")};
}

void TestRoster::warnsAboutLines()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, entries);
    QFETCH(QStringList, warnings);

    const Expected<Roster> roster = RosterReader::parse(csv, QStringLiteral("class.csv"));
    QVERIFY2(roster.hasValue(), qPrintable(roster.error()));
    QCOMPARE(roster->entries.size(), entries);
    QCOMPARE(roster->warnings, warnings);
}

void TestRoster::failsWithoutUsableRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("roster.csv: is empty");
    QTest::newRow("blank lines") << QByteArray("\r\n\r\n")
                                 << QStringLiteral("roster.csv: is "
                                                   "empty");
    QTest::newRow("no known column")
        << QByteArray("\nfoo,bar\n1,2\n")
        << QStringLiteral("roster.csv:2: the first line names no column a roster needs (an id, a "
                          "name or an e-mail address), as in \"id,name,email\"");
    QTest::newRow("a header only")
        << QByteArray("id,name,email\n")
        << QStringLiteral("roster.csv: no line after the first names a student");
    QTest::newRow("only unusable lines")
        << QByteArray("id,name,section\n,,A\n")
        << QStringLiteral("roster.csv: no line after the first names a student (roster.csv:2: no "
                          "id, name or e-mail address; line skipped)");
}

void TestRoster::failsWithoutUsableRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);

    const Expected<Roster> roster = RosterReader::parse(csv, QStringLiteral("roster.csv"));
    QVERIFY(!roster.hasValue());
    QCOMPARE(roster.error(), error);
}

void TestRoster::matchesStudents_data()
{
    QTest::addColumn<QString>("studentName");
    QTest::addColumn<QString>("platformId");
    QTest::addColumn<QString>("rosterName");
    QTest::addColumn<QString>("rosterId");
    QTest::addColumn<QString>("rosterEmail");

    QTest::newRow("by the platform's id")
        << QStringLiteral("leeana") << QStringLiteral("48213") << QStringLiteral("Someone Else")
        << QStringLiteral("48213") << QString();
    QTest::newRow("a folder named after the id")
        << QStringLiteral("s77") << QString() << QStringLiteral("Ana Lee") << QStringLiteral("S77")
        << QString();
    QTest::newRow("name in another case")
        << QStringLiteral("ana lee") << QString() << QStringLiteral("Ana Lee")
        << QStringLiteral("1") << QString();
    QTest::newRow("name in another Unicode form")
        << QStringLiteral("Jose\u0301 Ruiz") << QString() << QStringLiteral("Jos\u00e9 Ruiz")
        << QStringLiteral("1") << QString();
    QTest::newRow("Canvas's name for Last, First")
        << QStringLiteral("leeana") << QString() << QStringLiteral("Lee, Ana")
        << QStringLiteral("1") << QString();
    QTest::newRow("Canvas's name for First Last")
        << QStringLiteral("leeana") << QString() << QStringLiteral("Ana Lee") << QStringLiteral("1")
        << QString();
    QTest::newRow("accents left out")
        << QStringLiteral("garciazoe") << QString() << QStringLiteral("Garc\u00eda, Zo\u00eb")
        << QStringLiteral("1") << QString();
    QTest::newRow("Moodle's name for Last, First")
        << QStringLiteral("Zo\u00eb Garc\u00eda") << QString()
        << QStringLiteral("Garc\u00eda, Zo\u00eb") << QStringLiteral("1") << QString();
    QTest::newRow("the e-mail's local part")
        << QStringLiteral("alee") << QString() << QStringLiteral("Ana Lee") << QStringLiteral("1")
        << QStringLiteral("alee@uni.edu");
    QTest::newRow("the e-mail's local part with a dot")
        << QStringLiteral("ana.lee") << QString() << QStringLiteral("A. Lee") << QStringLiteral("1")
        << QStringLiteral("ana.lee@uni.edu");
}

void TestRoster::matchesStudents()
{
    QFETCH(QString, studentName);
    QFETCH(QString, platformId);
    QFETCH(QString, rosterName);
    QFETCH(QString, rosterId);
    QFETCH(QString, rosterEmail);

    const QVector<RosterReader::Student> students{
        {QStringLiteral("them"), studentName, platformId},
        student("zed", QStringLiteral("Zed Unlisted"), "999")};
    const QVector<RosterEntry> roster{{rosterId, rosterName, rosterEmail, QString()},
                                      entry("5", QStringLiteral("Nobody Here"), "nobody@uni.edu")};
    const RosterMatch match = RosterReader::match(students, roster);
    QCOMPARE(match.entryByStudentKey.value(QStringLiteral("them"), -1), 0);
    QCOMPARE(match.entryByStudentKey.size(), 1);
    QCOMPARE(match.unknownStudents, QStringList{QStringLiteral("zed")});
    QCOMPARE(match.withoutSubmission, QVector<int>{1});
    QCOMPARE(match.warnings, QStringList());
}

void TestRoster::idComesBeforeName()
{
    const QVector<RosterReader::Student> students{
        student("ana lee", QStringLiteral("Ana Lee"), "2")};
    const QVector<RosterEntry> roster{entry("1", QStringLiteral("Ana Lee")),
                                      entry("2", QStringLiteral("Bo Chen"))};
    const RosterMatch match = RosterReader::match(students, roster);
    QCOMPARE(match.entryByStudentKey.value(QStringLiteral("ana lee")), 1);
    QCOMPARE(match.withoutSubmission, QVector<int>{0});
    QCOMPARE(match.unknownStudents, QStringList());
}

void TestRoster::leavesUnclearNamesUnmatched()
{
    // Two entries with one name: a student of that name matches neither.
    RosterMatch match = RosterReader::match(
        {student("ana lee", QStringLiteral("Ana Lee"))},
        {entry("1", QStringLiteral("Ana Lee")), entry("2", QStringLiteral("ANA LEE"))});
    QCOMPARE(match.entryByStudentKey.size(), 0);
    QCOMPARE(match.withoutSubmission, (QVector<int>{0, 1}));
    QCOMPARE(match.unknownStudents, QStringList{QStringLiteral("ana lee")});
    QVERIFY2(match.warnings.contains(QStringLiteral("ana lee fits 2 roster entries by name (ANA "
                                                    "LEE, Ana Lee); not matched by name")),
             qPrintable(match.warnings.join(u'\n')));

    // Two students for one entry: neither gets it.
    match = RosterReader::match({student("ana lee", QStringLiteral("Ana Lee")),
                                 student("ana lee (2)", QStringLiteral("ana lee"))},
                                {entry("1", QStringLiteral("Ana Lee"))});
    QCOMPARE(match.entryByStudentKey.size(), 0);
    QCOMPARE(match.withoutSubmission, QVector<int>{0});
    QCOMPARE(match.unknownStudents,
             (QStringList{QStringLiteral("ana lee"), QStringLiteral("ana lee (2)")}));
    QVERIFY2(match.warnings.contains(QStringLiteral("ana lee, ana lee (2) all fit the roster entry "
                                                    "Ana Lee by name; none is matched by name")),
             qPrintable(match.warnings.join(u'\n')));
}

void TestRoster::matchesGeneratedClasses_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<int>("style");

    QTest::newRow("folders, generic roster")
        << QStringLiteral("folders") << int(RosterStyle::Generic);
    QTest::newRow("folders, Canvas roster")
        << QStringLiteral("folders") << int(RosterStyle::Canvas);
    QTest::newRow("archives, Moodle roster")
        << QStringLiteral("archives") << int(RosterStyle::Moodle);
    QTest::newRow("canvas, Canvas roster") << QStringLiteral("canvas") << int(RosterStyle::Canvas);
    QTest::newRow("canvas, generic roster")
        << QStringLiteral("canvas") << int(RosterStyle::Generic);
    QTest::newRow("moodle, Moodle roster") << QStringLiteral("moodle") << int(RosterStyle::Moodle);
    QTest::newRow("mixed, generic roster") << QStringLiteral("mixed") << int(RosterStyle::Generic);
}

void TestRoster::matchesGeneratedClasses()
{
    QFETCH(QString, layout);
    QFETCH(int, style);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Expected<GeneratedClass> generated =
        ClassGenerator::write(dir.filePath(QStringLiteral("class")), *classLayoutFromId(layout), 5);
    QVERIFY2(generated.hasValue(), qPrintable(generated.error()));
    const Expected<Roster> roster =
        RosterReader::parse(generated->rosterCsv(RosterStyle(style)), QStringLiteral("roster.csv"));
    QVERIFY2(roster.hasValue(), qPrintable(roster.error()));
    QCOMPARE(roster->warnings, QStringList());
    QCOMPARE(roster->entries.size(), generated->students.size());

    // The students as the planner finds them, matched with the roster the class came with.
    const ClassPlan plan =
        ClassPlanner::plan(generated->directory, {}, dir.filePath(QStringLiteral("scratch")));
    QVector<RosterReader::Student> students;
    for (const PlannedStudent &planned : plan.students) {
        students.append({planned.key, planned.name, planned.platformId});
    }
    QCOMPARE(students.size(), generated->students.size());
    const RosterMatch match = RosterReader::match(students, roster->entries);
    QCOMPARE(match.warnings, QStringList());
    QCOMPARE(match.unknownStudents, QStringList());
    QCOMPARE(match.withoutSubmission, QVector<int>());
    for (const GeneratedStudent &expected : generated->students) {
        const int index = match.entryByStudentKey.value(expected.key, -1);
        QVERIFY2(index >= 0, qPrintable(expected.key));
        QCOMPARE(roster->entries.at(index).email, expected.email);
    }
}

QTEST_GUILESS_MAIN(TestRoster)
#include "tst_roster.moc"
