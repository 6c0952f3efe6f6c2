// The engine's exports of a class: results, gradebook CSVs, Gradescope JSON, the session as
// JSON, statistics and feedback pages, all checked by reading them back.

#include "classfixture.h"
#include "classresults.h"
#include "classstatistics.h"
#include "feedbackhtml.h"
#include "gradebookexport.h"
#include "gradejson.h"
#include "gradescopeexport.h"
#include "sessionjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace RaceGrade;

namespace {

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QVector<QStringList> readCsv(const QByteArray &bytes)
{
    QString error;
    const QVector<QStringList> rows = ClassFixture::parseCsv(bytes, &error);
    if (!error.isEmpty()) {
        qWarning("not RFC 4180: %s", qPrintable(error));
        return {};
    }
    return rows;
}

// The marked lines of every <pre class="source"> of a page: line number -> "this" or "other".
QMap<int, QString> markedLines(const QString &html, QMap<int, QString> *code = nullptr)
{
    static const QRegularExpression line(
        QStringLiteral("<span class=\"ln\">\\s*(?<number>\\d+)</span> (?<rest>.*)$"),
        QRegularExpression::MultilineOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QMap<int, QString> marks;
    QRegularExpressionMatchIterator it = line.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const int number = match.captured(u"number").toInt();
        const QString rest = match.captured(u"rest");
        if (code) {
            QString text = rest;
            code->insert(number, text.remove(tags));
        }
        const bool first = rest.contains(QStringLiteral("class=\"race-this\""));
        const bool other = rest.contains(QStringLiteral("class=\"race-other\""));
        if (first && other) {
            marks.insert(number, QStringLiteral("both"));
        } else if (first || other) {
            marks.insert(number, first ? QStringLiteral("this") : QStringLiteral("other"));
        }
    }
    return marks;
}

QVector<Exercise> exercisesNamed(const QStringList &ids)
{
    QVector<Exercise> found;
    for (const Exercise &exercise : ClassFixture::catalog()) {
        if (ids.contains(exercise.id)) {
            found.append(exercise);
        }
    }
    return found;
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void classResultsStudents_data();
    void classResultsStudents();
    void classResultsColumnsAndWarnings();
    void unknownExerciseGetsAColumn();
    void rosterMatching_data();
    void rosterMatching();

    void csvField_data();
    void csvField();
    void genericCsv();
    void canvasCsv();
    void moodleCsv();
    void csvBytes();

    void gradescopeFromGrade();
    void gradescopeStudent_data();
    void gradescopeStudent();

    void sessionJsonRoundTrip();
    void sessionJsonRejects_data();
    void sessionJsonRejects();

    void statistics();
    void statisticsOfNothing();

    void feedbackMarks_data();
    void feedbackMarks();
    void feedbackPage();

private:
    QVector<Exercise> m_catalog;
    QVector<SubmissionRecord> m_records;
    ClassResults m_results;
};

void TestExports::initTestCase()
{
    m_catalog = ClassFixture::catalog();
    QVERIFY2(m_catalog.size() >= 3, "the exercise pack of the source tree did not load");
    m_records = ClassFixture::records();
    m_results = ClassResults::build(m_records, ClassFixture::roster(), m_catalog);
}

void TestExports::classResultsStudents_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("platformId");
    QTest::addColumn<bool>("inRoster");
    QTest::addColumn<QStringList>("handedIn");
    QTest::addColumn<int>("total");

    const QStringList both{QStringLiteral("config-once"), QStringLiteral("safe-counter")};
    QTest::newRow("override counts")
        << 0 << str("Ana Lee") << str("ana lee") << str("1001") << str("ana.lee@uni.example")
        << QString() << true << both << 155;
    QTest::newRow("matched by name with comma and quotes")
        << 1 << ClassFixture::boName << str("lee, bo \"bobby\"") << str("1002")
        << str("bo.lee@uni.example") << QString() << true << both << 55;
    QTest::newRow("matched by non-ASCII name")
        << 2 << ClassFixture::zoeName << str("zoë ångström") << str("1003")
        << str("zoe@uni.example") << QString() << true << QStringList{str("safe-counter")} << 100;
    QTest::newRow("roster student who handed nothing in")
        << 3 << str("Farah Noor") << QString() << str("1005") << str("farah@uni.example")
        << QString() << true << QStringList() << 0;
    QTest::newRow("matched by e-mail local part")
        << 4 << str("Gus Wong") << str("gwong") << str("1006") << str("gwong@uni.example")
        << QString() << true << both << 70;
    QTest::newRow("not on the roster, after it")
        << 5 << ClassFixture::emileName << str("émile") << str("u-77") << QString() << str("u-77")
        << false << both << 100;
}

void TestExports::classResultsStudents()
{
    QFETCH(int, row);
    QFETCH(QString, name);
    QFETCH(QString, key);
    QFETCH(QString, id);
    QFETCH(QString, email);
    QFETCH(QString, platformId);
    QFETCH(bool, inRoster);
    QFETCH(QStringList, handedIn);
    QFETCH(int, total);

    QCOMPARE(m_results.students.size(), 6);
    const StudentResults &student = m_results.students.at(row);
    QCOMPARE(student.name, name);
    QCOMPARE(student.key, key);
    QCOMPARE(student.id, id);
    QCOMPARE(student.email, email);
    QCOMPARE(student.platformId, platformId);
    QCOMPARE(student.inRoster, inRoster);
    QCOMPARE(QStringList(student.byExercise.keys()), handedIn);
    QCOMPARE(student.total(), total);
}

void TestExports::classResultsColumnsAndWarnings()
{
    // parallel-fetch is in the pack but nobody handed it in; config-once comes after
    // safe-counter because the pack orders it so.
    QCOMPARE(m_results.columns.size(), 2);
    QCOMPARE(m_results.columns.at(0),
             (GradebookColumn{str("safe-counter"), str("Safe counter"), 100}));
    QCOMPARE(m_results.columns.at(1),
             (GradebookColumn{str("config-once"), str("Config loaded once"), 100}));
    QCOMPARE(m_results.maxTotal(), 200);

    const StudentResults &ana = m_results.students.at(0);
    QCOMPARE(ana.score(QStringLiteral("safe-counter")), 55);
    QCOMPARE(ana.score(QStringLiteral("parallel-fetch")), 0);
    const StudentResults &gus = m_results.students.at(4);
    QVERIFY(gus.submitted(QStringLiteral("config-once")));
    QVERIFY(!gus.hasScore(QStringLiteral("config-once")));
    QVERIFY(gus.hasScore(QStringLiteral("safe-counter")));

    QCOMPARE(m_results.warnings,
             (QStringList{str("farah@uni.example: submitted nothing"),
                          str("gwong, config-once: could not be graded: the Go toolchain is "
                              "missing"),
                          ClassFixture::emileName + str(", config-once: not graded yet"),
                          ClassFixture::emileName + str(": not on the roster")}));
}

void TestExports::unknownExerciseGetsAColumn()
{
    SubmissionRecord mystery = ClassFixture::record(str("ana lee"), str("config-once"));
    mystery.exercise = QStringLiteral("mystery");
    mystery.grade.maxScore = 40;
    mystery.grade.score = 30;
    QVector<SubmissionRecord> records = m_records;
    records.append(mystery);
    const ClassResults results = ClassResults::build(records, {}, m_catalog);
    QCOMPARE(results.columns.size(), 3);
    QCOMPARE(results.columns.at(2), (GradebookColumn{str("mystery"), str("mystery"), 40}));
    // Without a roster: students in key order, nobody is warned about a roster.
    QCOMPARE(results.students.size(), 5);
    QCOMPARE(results.students.at(0).name, str("Ana Lee"));
    QCOMPARE(results.students.at(0).total(), 185);
    QVERIFY(!results.students.at(0).inRoster);
    for (const QString &warning : results.warnings) {
        QVERIFY2(!warning.contains(QStringLiteral("roster")), qPrintable(warning));
    }
}

void TestExports::rosterMatching_data()
{
    QTest::addColumn<QString>("recordName");
    QTest::addColumn<QString>("recordId");
    QTest::addColumn<QString>("recordKey");
    QTest::addColumn<QString>("expectedRosterId"); // empty: not matched

    QTest::newRow("platform id wins over a different name")
        << str("Somebody Else") << str("2002") << str("somebody else") << str("2002");
    QTest::newRow("name, case and composition aside")
        << str("MARI\u0301A LO\u0301PEZ") << QString() << str("maría lópez") << str("2001");
    QTest::newRow("e-mail local part") << str("jdoe") << QString() << str("jdoe") << str("2003");
    QTest::newRow("nobody") << str("Ghost") << str("9999") << str("ghost") << QString();
}

void TestExports::rosterMatching()
{
    QFETCH(QString, recordName);
    QFETCH(QString, recordId);
    QFETCH(QString, recordKey);
    QFETCH(QString, expectedRosterId);

    const QVector<RosterEntry> roster{
        {str("2001"), str("María López"), str("mlopez@uni.example"), {}},
        {str("2002"), str("Pat Kim"), str("pat@uni.example"), {}},
        {str("2003"), str("John Doe"), str("jdoe@uni.example"), {}},
    };
    SubmissionRecord record = ClassFixture::record(str("ana lee"), str("config-once"));
    record.studentKey = recordKey;
    record.studentName = recordName;
    record.studentId = recordId;
    const ClassResults results = ClassResults::build({record}, roster, m_catalog);
    QString matched;
    for (const StudentResults &student : results.students) {
        if (student.key == recordKey && student.inRoster) {
            matched = student.id;
        }
    }
    QCOMPARE(matched, expectedRosterId);
    QCOMPARE(results.students.size(), expectedRosterId.isEmpty() ? 4 : 3);
}

void TestExports::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("field");

    QTest::newRow("plain") << str("Ana Lee") << str("Ana Lee");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << str("Lee, Bo") << str("\"Lee, Bo\"");
    QTest::newRow("quotes") << str("Bo \"Bobby\"") << str("\"Bo \"\"Bobby\"\"\"");
    QTest::newRow("line feed") << str("a\nb") << str("\"a\nb\"");
    QTest::newRow("carriage return") << str("a\r\nb") << str("\"a\r\nb\"");
    QTest::newRow("non-ASCII") << str("Zoë Ångström 李") << str("Zoë Ångström 李");
    QTest::newRow("leading space") << str(" x") << str("\" x\"");
    QTest::newRow("number") << str("100") << str("100");
}

void TestExports::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, field);
    QCOMPARE(GradebookExport::csvField(value), field);
}

void TestExports::genericCsv()
{
    const QVector<QStringList> rows =
        readCsv(GradebookExport::csv(m_results, GradebookFormat::Generic));
    const QVector<QStringList> expected{
        {str("Student ID"), str("Name"), str("Email"), str("safe-counter"), str("config-once"),
         str("Total"), str("Max")},
        {str("1001"), str("Ana Lee"), str("ana.lee@uni.example"), str("55"), str("100"), str("155"),
         str("200")},
        {str("1002"), ClassFixture::boName, str("bo.lee@uni.example"), str("0"), str("55"),
         str("55"), str("200")},
        {str("1003"), ClassFixture::zoeName, str("zoe@uni.example"), str("100"), QString(),
         str("100"), str("200")},
        {str("1005"), str("Farah Noor"), str("farah@uni.example"), QString(), QString(), str("0"),
         str("200")},
        {str("1006"), str("Gus Wong"), str("gwong@uni.example"), str("70"), QString(), str("70"),
         str("200")},
        {str("u-77"), ClassFixture::emileName, QString(), str("100"), QString(), str("100"),
         str("200")},
    };
    QCOMPARE(rows, expected);
}

void TestExports::canvasCsv()
{
    const QVector<QStringList> rows =
        readCsv(GradebookExport::csv(m_results, GradebookFormat::Canvas));
    const QVector<QStringList> expected{
        {str("Student"), str("ID"), str("SIS User ID"), str("SIS Login ID"), str("Section"),
         str("Safe counter (safe-counter)"), str("Config loaded once (config-once)")},
        {str("Points Possible"), QString(), QString(), QString(), QString(), str("100"),
         str("100")},
        {str("Ana Lee"), QString(), str("1001"), str("ana.lee@uni.example"), str("A"), str("55"),
         str("100")},
        {ClassFixture::boName, QString(), str("1002"), str("bo.lee@uni.example"), str("B"),
         str("0"), str("55")},
        {ClassFixture::zoeName, QString(), str("1003"), str("zoe@uni.example"), str("A"),
         str("100"), QString()},
        {str("Farah Noor"), QString(), str("1005"), str("farah@uni.example"), str("B"), QString(),
         QString()},
        {str("Gus Wong"), QString(), str("1006"), str("gwong@uni.example"), str("A"), str("70"),
         QString()},
        {ClassFixture::emileName, str("u-77"), QString(), QString(), QString(), str("100"),
         QString()},
    };
    QCOMPARE(rows, expected);
}

void TestExports::moodleCsv()
{
    const QVector<QStringList> rows =
        readCsv(GradebookExport::csv(m_results, GradebookFormat::Moodle));
    QCOMPARE(rows.size(), 7);
    QCOMPARE(rows.at(0), (QStringList{str("Email address"), str("Safe counter (safe-counter)"),
                                      str("Safe counter (safe-counter) feedback"),
                                      str("Config loaded once (config-once)"),
                                      str("Config loaded once (config-once) feedback")}));
    for (const QStringList &row : rows) {
        QCOMPARE(row.size(), 5);
    }
    QCOMPARE(rows.at(1).at(0), str("ana.lee@uni.example"));
    QCOMPARE(rows.at(1).at(1), str("55"));
    QCOMPARE(rows.at(1).at(3), str("100"));
    // The feedback says the override with its whole comment, line break and quotes included.
    const QString anaFeedback = rows.at(1).at(2);
    QVERIFY2(anaFeedback.contains(QStringLiteral("A teaching assistant set the score to 55 "
                                                 "(computed: 40): ") +
                                  ClassFixture::anaOverrideComment),
             qPrintable(anaFeedback));
    QVERIFY(anaFeedback.startsWith(QStringLiteral("Score 40 of 100.\n")));
    QVERIFY(anaFeedback.contains(QStringLiteral("Data race between lines 13 and 18 (in 17 of 20 "
                                                "runs).")));
    QVERIFY(anaFeedback.contains(QStringLiteral("Failed: No data race found (failed in 17 of "
                                                "20 runs)")));
    QCOMPARE(rows.at(2).at(1), str("0"));
    QVERIFY(rows.at(2).at(2).contains(QStringLiteral("compile error at line 7: expected ';'")));
    QCOMPARE(rows.at(4),
             (QStringList{str("farah@uni.example"), QString(), str("Nothing was handed in."),
                          QString(), str("Nothing was handed in.")}));
    QCOMPARE(rows.at(5).at(4), str("Could not be graded: the Go toolchain is missing"));
    QCOMPARE(rows.at(6).at(4), str("Not graded yet."));
}

void TestExports::csvBytes()
{
    for (const GradebookFormat format :
         {GradebookFormat::Generic, GradebookFormat::Canvas, GradebookFormat::Moodle}) {
        const QByteArray bytes = GradebookExport::csv(m_results, format);
        QVERIFY(bytes.endsWith("\r\n"));
        QVERIFY(!bytes.startsWith("\xef\xbb\xbf"));
        if (format == GradebookFormat::Moodle) {
            // Only e-mail addresses name the students; the feedback is quoted for its breaks.
            QVERIFY(bytes.contains("\"Score 40 of 100.\nPassed: "));
            continue;
        }
        // UTF-8 names; quotes doubled; a line break inside a quoted field.
        QVERIFY(bytes.contains("Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m"));
        QVERIFY(bytes.contains("\"Lee, Bo \"\"Bobby\"\"\""));
        QVERIFY(bytes.contains("\"\xc3\x89mile\nDurand, Jr.\""));
    }
}

void TestExports::gradescopeFromGrade()
{
    const Grade grade = ClassFixture::record(str("ana lee"), str("safe-counter")).grade;
    const QJsonObject json = GradescopeExport::fromGrade(grade);
    QCOMPARE(json.value(QStringLiteral("score")).toDouble(), 40.0);
    QCOMPARE(json.value(QStringLiteral("execution_time")).toDouble(), 12.5);
    QVERIFY(json.value(QStringLiteral("output"))
                .toString()
                .contains(QStringLiteral("Data race between lines 13 and 18")));
    const QJsonArray tests = json.value(QStringLiteral("tests")).toArray();
    QCOMPARE(tests.size(), grade.checks.size());
    double score = 0;
    double maxScore = 0;
    for (qsizetype i = 0; i < tests.size(); ++i) {
        const QJsonObject test = tests.at(i).toObject();
        const CheckResult &check = grade.checks.at(i);
        QCOMPARE(test.value(QStringLiteral("name")).toString(), check.title);
        QCOMPARE(test.value(QStringLiteral("score")).toInt(), check.points);
        QCOMPARE(test.value(QStringLiteral("max_score")).toInt(), check.maxPoints);
        QCOMPARE(test.value(QStringLiteral("status")).toString(),
                 check.passed() ? str("passed") : str("failed"));
        QCOMPARE(test.value(QStringLiteral("visibility")).toString(), str("visible"));
        QVERIFY(test.value(QStringLiteral("output")).toString().contains(check.detail));
        score += test.value(QStringLiteral("score")).toDouble();
        maxScore += test.value(QStringLiteral("max_score")).toDouble();
    }
    QCOMPARE(score, 40.0);
    QCOMPARE(maxScore, 100.0);
}

void TestExports::gradescopeStudent_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("score");
    QTest::addColumn<int>("tests");
    QTest::addColumn<QString>("outputContains");

    // Ana: 5 + 6 checks and the TA's difference (55 - 40) as a test of its own.
    QTest::newRow("override") << 0 << 155 << 12 << ClassFixture::anaOverrideComment;
    QTest::newRow("compile error and races") << 1 << 55 << 11 << str("Safe counter: 0 of 100");
    QTest::newRow("one exercise missing")
        << 2 << 100 << 6 << str("Config loaded once: nothing was handed in.");
    QTest::newRow("nothing handed in")
        << 3 << 0 << 2 << str("Safe counter: nothing was handed in.");
    QTest::newRow("grading error") << 4 << 70 << 6 << str("Config loaded once: 0 of 100");
    QTest::newRow("not graded yet") << 5 << 100 << 6 << str("Safe counter: 100 of 100");
}

void TestExports::gradescopeStudent()
{
    QFETCH(int, row);
    QFETCH(int, score);
    QFETCH(int, tests);
    QFETCH(QString, outputContains);

    const StudentResults &student = m_results.students.at(row);
    const QJsonObject json = GradescopeExport::fromStudent(student, m_results.columns);
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), score);
    QVERIFY(json.contains(QStringLiteral("execution_time")));
    const QString output = json.value(QStringLiteral("output")).toString();
    QVERIFY2(output.contains(outputContains), qPrintable(output));
    const QJsonArray array = json.value(QStringLiteral("tests")).toArray();
    QCOMPARE(array.size(), tests);
    int sum = 0;
    int max = 0;
    for (const QJsonValue &value : array) {
        const QJsonObject test = value.toObject();
        for (const char *key : {"name", "score", "max_score", "status", "output", "visibility"}) {
            QVERIFY2(test.contains(QLatin1String(key)), key);
        }
        const QString name = test.value(QStringLiteral("name")).toString();
        QVERIFY2(name.startsWith(QStringLiteral("Safe counter: ")) ||
                     name.startsWith(QStringLiteral("Config loaded once: ")),
                 qPrintable(name));
        sum += test.value(QStringLiteral("score")).toInt();
        max += test.value(QStringLiteral("max_score")).toInt();
    }
    QCOMPARE(sum, score);
    QCOMPARE(max, m_results.maxTotal());
}

void TestExports::sessionJsonRoundTrip()
{
    const QJsonObject json =
        SessionJson::toJson(ClassFixture::settings(), ClassFixture::roster(), m_records);
    // Through bytes, as the file is read back.
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);

    const QJsonArray records = document.object().value(QStringLiteral("records")).toArray();
    QCOMPARE(records.size(), m_records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject record = records.at(i).toObject();
        const SubmissionRecord &original = m_records.at(i);
        QCOMPARE(record.value(QStringLiteral("student_key")).toString(), original.studentKey);
        if (original.graded) {
            const Expected<Grade> grade =
                GradeJson::fromJson(record.value(QStringLiteral("grade")).toObject());
            QVERIFY2(grade.hasValue(), qPrintable(grade.error()));
            QCOMPARE(grade.value(), original.grade);
        }
        QCOMPARE(record.value(QStringLiteral("override")).isObject(),
                 original.override.has_value());
    }
    // Gus's Latin-1 file cannot be JSON text, so it travels as base64.
    QCOMPARE(records.at(m_records.size() - 1).toObject().value(QStringLiteral("source")),
             QJsonValue(QJsonValue::Undefined));
    QVERIFY(records.at(m_records.size() - 1).toObject().contains(QStringLiteral("source_base64")));

    const Expected<SessionData> data = SessionJson::fromJson(document.object());
    QVERIFY2(data.hasValue(), qPrintable(data.error()));
    QCOMPARE(data->settings, ClassFixture::settings());
    QCOMPARE(data->roster, ClassFixture::roster());
    QCOMPARE(data->records.size(), m_records.size());
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        QVERIFY2(data->records.at(i) == m_records.at(i), qPrintable(m_records.at(i).studentKey));
    }
}

void TestExports::sessionJsonRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::newRow("not a session")
        << QByteArray(R"({"format": "something"})") << str("not a RaceGrade session");
    QTest::newRow("newer") << QByteArray(R"({"format": "racegrade-session", "version": 9})")
                           << str("newer RaceGrade");
    QTest::newRow("record without a key")
        << QByteArray(R"({"format": "racegrade-session", "version": 1,
                          "records": [{"exercise": "safe-counter", "language": "go"}]})")
        << str("student_key");
    QTest::newRow("graded record without a grade")
        << QByteArray(R"({"format": "racegrade-session", "version": 1,
                          "records": [{"student_key": "a", "exercise": "safe-counter",
                                       "language": "go", "graded": true, "grade": {}}]})")
        << str("a / safe-counter: not a grade");
}

void TestExports::sessionJsonRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Expected<SessionData> data =
        SessionJson::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!data.hasValue());
    QVERIFY2(data.error().contains(error), qPrintable(data.error()));
}

void TestExports::statistics()
{
    const ClassStatistics statistics = ClassStatistics::compute(m_results);
    // Totals 155, 55, 100, 0, 70, 100 of 200: 77.5 %, 27.5 %, 50 %, 0 %, 35 %, 50 %.
    QCOMPARE(statistics.scoreBands, (QVector<int>{1, 0, 1, 1, 0, 2, 0, 1, 0, 0}));
    QCOMPARE(statistics.students, 6);
    QCOMPARE(statistics.submissions, 9);
    QCOMPARE(statistics.notSubmitted, 3);
    QCOMPARE(statistics.identical, 2);
    QCOMPARE(statistics.overridden, 1);
    QCOMPARE(statistics.meanPercent, 40.0);
    QCOMPARE(statistics.medianPercent, 42.5);
    QCOMPARE(statistics.submissionsPerRaceKind,
             (QMap<QString, int>{{str("data-race"), 3}, {str("lock-order-inversion"), 1}}));
    QCOMPARE(statistics.submissionsPerMistake,
             (QMap<QString, int>{
                 {str("init-flag"), 1}, {str("missing-lock"), 1}, {str("unlocked-read"), 1}}));

    // Graded submissions: counters of Ana, Bo (not built), Zoë, Gus, Émile; configs of Ana and
    // Bo (Gus's could not be graded, Émile's is waiting).
    QStringList rates;
    for (const CheckPassRate &rate : statistics.checkPassRates) {
        rates.append(QStringLiteral("%1/%2 %3/%4")
                         .arg(rate.exercise, rate.checkId)
                         .arg(rate.passed)
                         .arg(rate.graded));
    }
    QCOMPARE(rates,
             (QStringList{str("safe-counter/compiles 4/5"), str("safe-counter/prints-total 4/4"),
                          str("safe-counter/race-free 2/4"), str("safe-counter/concurrent-use 3/4"),
                          str("safe-counter/lock-not-copied 4/4"), str("config-once/compiles 2/2"),
                          str("config-once/init-once 2/2"), str("config-once/clean-exit 2/2"),
                          str("config-once/race-free 1/2"), str("config-once/same-object 2/2"),
                          str("config-once/concurrent-init-once 1/2")}));
    QCOMPARE(statistics.checkPassRates.first().title, str("Compiles with the race detector"));
}

void TestExports::statisticsOfNothing()
{
    const ClassStatistics statistics = ClassStatistics::compute(ClassResults{});
    QCOMPARE(statistics.scoreBands, QVector<int>(10, 0));
    QCOMPARE(statistics.students, 0);
    QCOMPARE(statistics.meanPercent, 0.0);
    QCOMPARE(statistics.medianPercent, 0.0);
    QVERIFY(statistics.checkPassRates.isEmpty());
}

void TestExports::feedbackMarks_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<QStringList>("marks"); // "line:this" or "line:other"
    QTest::addColumn<QStringList>("markedCode");

    QTest::newRow("two sides of one race")
        << str("ana lee") << str("safe-counter") << QStringList{str("13:this"), str("18:other")}
        << QStringList{str("func (s *SafeCounter) Inc() { s.value++ }"), str("\treturn s.value")};
    QTest::newRow("a line racing with itself")
        << str("gwong") << str("safe-counter") << QStringList{str("9:this")}
        << QStringList{str("\ttotal++; wg.Done()")};
    QTest::newRow("a race and a lock-order inversion")
        << str("lee, bo \"bobby\"") << str("config-once")
        << QStringList{str("21:this"), str("30:other"), str("40:this"), str("45:other")}
        << QStringList{str("        settings = new Settings; ready = true;"),
                       str("    return ready ? settings : load();"), str("    first.lock();"),
                       str("    first.lock();")};
    QTest::newRow("no race") << str("zoë ångström") << str("safe-counter") << QStringList()
                             << QStringList();
    QTest::newRow("did not build")
        << str("lee, bo \"bobby\"") << str("safe-counter") << QStringList() << QStringList();
}

void TestExports::feedbackMarks()
{
    QFETCH(QString, key);
    QFETCH(QString, exercise);
    QFETCH(QStringList, marks);
    QFETCH(QStringList, markedCode);

    const SubmissionRecord record = ClassFixture::record(key, exercise);
    const QString html =
        FeedbackHtml::page(record.studentName, {record}, exercisesNamed({exercise}));
    QMap<int, QString> code;
    const QMap<int, QString> found = markedLines(html, &code);
    QStringList foundMarks;
    QStringList foundCode;
    QSet<int> lines;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        foundMarks.append(QStringLiteral("%1:%2").arg(it.key()).arg(it.value()));
        // The gutter holds a mark glyph before the code.
        QString text = code.value(it.key());
        text.remove(0, text.indexOf(QStringLiteral("&#9679; ")) + 8);
        foundCode.append(text);
        lines.insert(it.key());
    }
    QCOMPARE(foundMarks, marks);
    QCOMPARE(foundCode, markedCode);
    QCOMPARE(FeedbackHtml::raceLines(record.grade), lines);
    // Every line of the file is there, numbered.
    const int fileLines = int(record.source.count('\n'));
    QCOMPARE(code.size(), fileLines);
    QCOMPARE(code.firstKey(), 1);
    QCOMPARE(code.lastKey(), fileLines);
}

void TestExports::feedbackPage()
{
    const StudentResults &ana = m_results.students.at(0);
    QVector<SubmissionRecord> records;
    for (const SubmissionRecord &record : ana.byExercise) {
        records.append(record);
    }
    const QVector<Exercise> exercises = exercisesNamed({str("safe-counter"), str("config-once")});
    const QString html = FeedbackHtml::page(ana.name, records, exercises);
    QVERIFY(html.contains(QStringLiteral("<title>Feedback for Ana Lee</title>")));
    QVERIFY(html.contains(QStringLiteral("Total: <b>155</b> of 200")));
    QVERIFY(html.contains(QStringLiteral("Score set by a teaching assistant: 55 of 100</b> "
                                         "(the checks gave 40)")));
    // The comment, escaped, with its line break kept.
    QVERIFY(html.contains(QStringLiteral("Partial credit: Value() locks, Inc() does not.<br>See "
                                         "line 13, &quot;s.value++&quot; &amp; &lt;fix&gt; it.")));
    QVERIFY(html.contains(QStringLiteral("TA Kim, 2026-03-02 10:15 UTC")));
    // Each check with its reason and the hint of a failed one; both stacks of the race.
    for (const CheckResult &check : ana.byExercise.value(str("safe-counter")).grade.checks) {
        QVERIFY2(html.contains(FeedbackHtml::escaped(check.title)), qPrintable(check.title));
    }
    QVERIFY(html.contains(QStringLiteral("This access: write at line 13")));
    QVERIFY(html.contains(QStringLiteral("The other access: read at line 18")));
    QVERIFY(html.contains(QStringLiteral("main.(*SafeCounter).Value <span class=\"detail\">"
                                         "/tmp/rg/safe_counter.go:18:5</span>")));
    QVERIFY(html.contains(QStringLiteral("main.main.func1 <span class=\"detail\">/tmp/rg/"
                                         "safe_counter.go:29:17</span>")));
    QVERIFY(html.contains(QStringLiteral("holding s.lock")));
    QVERIFY(html.contains(QStringLiteral("Hint: Take the lock in Inc as well.")));
    // The safe counter comes first, as the exercise list orders them.
    QVERIFY(html.indexOf(QStringLiteral("<h2>Safe counter</h2>")) <
            html.indexOf(QStringLiteral("<h2>Config loaded once</h2>")));

    // A student with one exercise missing, and names that need escaping.
    const StudentResults &bo = m_results.students.at(1);
    const QString boHtml =
        FeedbackHtml::page(bo.name, {bo.byExercise.value(str("safe-counter"))}, exercises);
    QVERIFY(boHtml.contains(QStringLiteral("Feedback for Lee, Bo &quot;Bobby&quot;")));
    QVERIFY(boHtml.contains(QStringLiteral("Nothing was handed in for this exercise: 0 of 100.")));
    QVERIFY(boHtml.contains(QStringLiteral("<h3>Compiler messages</h3>")));
    QVERIFY(boHtml.contains(QStringLiteral("line 7:41 <b>error</b>: expected &#39;;&#39; before "
                                           "&#39;}&#39; token")));
    QVERIFY(boHtml.contains(QStringLiteral("Compile error at line 7</b>")));
    QVERIFY(!boHtml.contains(QStringLiteral("Score set by a teaching assistant")));

    // A highlighter's lines are used as given.
    const QString shouted = FeedbackHtml::page(
        bo.name, {bo.byExercise.value(str("safe-counter"))}, exercises,
        [](const QString &source, Language) -> QString {
            return QStringLiteral("<i>") +
                   FeedbackHtml::escaped(source).replace(u'\n', QStringLiteral("</i>\n<i>")) +
                   QStringLiteral("</i>");
        });
    QVERIFY(shouted.contains(QStringLiteral("<span class=\"ln\"> 1</span>   <i>#include "
                                            "&lt;iostream&gt;</i>\n")));
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
