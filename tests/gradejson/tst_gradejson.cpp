#include "gradejson.h"

#include <QJsonDocument>
#include <QtTest>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::Grade)

namespace {

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

StackFrame frame(const char *function, const char *file, int line, int column,
                 const char *module = "")
{
    return StackFrame{str(function), str(file), line, column, str(module)};
}

/// A grade with every field set to something other than its default, nested values included.
Grade richGrade()
{
    Grade grade;
    grade.exercise = QStringLiteral("safe-counter");
    grade.language = Language::Cpp;
    grade.sourceFile = QStringLiteral("/home/student/counter.cpp");
    grade.verdict = Verdict::Fail;
    grade.score = 3;
    grade.maxScore = 10;

    Diagnostic warning;
    warning.file = QStringLiteral("counter.cpp");
    warning.line = 14;
    warning.column = 9;
    warning.severity = Severity::Warning;
    warning.message = QStringLiteral("unused variable 'spare' [-Wunused-variable]");
    warning.tool = QStringLiteral("gcc");
    warning.related = {RelatedLocation{QStringLiteral("counter.cpp"), 10, 0,
                                       QStringLiteral("In member function 'void Counter::add()'")},
                       RelatedLocation{QStringLiteral("/usr/include/c++/12/mutex"), 101, 7,
                                       QStringLiteral("declared here")}};
    Diagnostic note;
    note.file = QStringLiteral("counter.cpp");
    note.line = 3;
    note.severity = Severity::Note;
    note.message = QStringLiteral("include <atomic> for std::atomic");
    note.tool = QStringLiteral("clang");
    Diagnostic linker;
    linker.severity = Severity::Error;
    linker.message = QStringLiteral("ld returned 1 exit status");
    linker.tool = QStringLiteral("ld");
    grade.compile = CompileSummary{true,
                                   {warning, note, linker},
                                   QStringLiteral("counter.cpp:14:9: warning: unused variable")};

    grade.runs = RunSummary{26, 7, 2, 1, 20, 4, 2, 3};

    grade.checks = {
        CheckResult{QStringLiteral("build"), QStringLiteral("The program builds"),
                    CheckStatus::Passed, 1, 1, QStringLiteral("built, with 1 warning(s)"),
                    QString()},
        CheckResult{QStringLiteral("total"), QStringLiteral("Prints 10,000"), CheckStatus::Failed,
                    0, 3, QStringLiteral("printed 9,874 instead of 10,000 in 1 of 3 runs"),
                    QStringLiteral("Every increment must be counted.")},
        CheckResult{QStringLiteral("exit"), QStringLiteral("Ends by itself"), CheckStatus::Passed,
                    2, 2, QStringLiteral("all 26 runs finished by themselves within 10 s"),
                    QString()},
        CheckResult{QStringLiteral("hidden"), QStringLiteral("Hidden tests"), CheckStatus::NotRun,
                    0, 4, QStringLiteral("not run: the hidden tests did not run"), QString()},
    };

    RaceAccessSite write;
    write.op = QStringLiteral("write");
    write.file = QStringLiteral("counter.cpp");
    write.line = 12;
    write.column = 9;
    write.function = QStringLiteral("Counter::add()");
    write.thread = QStringLiteral("T2");
    write.inSubmission = true;
    write.mutexesHeld = QStringList{QStringLiteral("M0"), QStringLiteral("M3")};
    write.stack = {frame("Counter::add()", "counter.cpp", 12, 9, "counter+0x1234"),
                   frame("worker(Counter&)", "counter.cpp", 30, 5),
                   frame("start_thread", "", 0, 0, "libc.so.6+0x8b1a9")};
    RaceAccessSite read;
    read.op = QStringLiteral("read");
    read.file = QStringLiteral("counter.cpp");
    read.line = 18;
    read.column = 16;
    read.function = QStringLiteral("Counter::value() const");
    read.thread = QStringLiteral("main thread");
    read.stack = {frame("Counter::value() const", "counter.cpp", 18, 16)};
    RaceFinding dataRace;
    dataRace.kind = QStringLiteral("data-race");
    dataRace.occurrences = 5;
    dataRace.runs = 20;
    dataRace.accesses = {write, read};
    dataRace.location = QStringLiteral("heap block of size 4 at 0x7b0400000010 allocated by main "
                                       "thread");
    dataRace.explanation = QStringLiteral("line 18 reads `count_` while line 12 writes it in "
                                          "another thread, with no lock held by both");
    dataRace.mistake = QStringLiteral("unlocked-read");
    dataRace.hint = QStringLiteral("Lock the mutex in value() too.");
    dataRace.rawReport = QStringLiteral(
        "==================\nWARNING: ThreadSanitizer: data race (pid=42)\n  Write of size 4 at "
        "0x7b0400000010 by thread T2 (mutexes: write M0):\n==================");
    dataRace.creationStacks = {{frame("pthread_create", "", 0, 0, "libtsan.so.2+0x5f26b"),
                                frame("main", "counter.cpp", 40, 17)},
                               {frame("main", "counter.cpp", 41, 17)}};
    RaceAccessSite leak;
    leak.op = QStringLiteral("start thread");
    leak.file = QStringLiteral("counter.cpp");
    leak.line = 44;
    leak.stack = {frame("main", "counter.cpp", 44, 5)};
    RaceFinding threadLeak;
    threadLeak.kind = QStringLiteral("thread-leak");
    threadLeak.occurrences = 1;
    threadLeak.runs = 20;
    threadLeak.accesses = {leak};
    threadLeak.explanation = QStringLiteral("a thread started at counter.cpp:44 was never joined");
    grade.races = {dataRace, threadLeak};

    grade.problems = {
        Problem{QStringLiteral("timeout"), QString(), 0,
                QStringLiteral("did not finish within 10 s in 2 of 20 runs with the race detector"),
                2},
        Problem{QStringLiteral("crash"), QStringLiteral("counter.cpp"), 27,
                QStringLiteral("crashed with SIGSEGV (invalid memory access)"), 1},
        Problem{QStringLiteral("deadlock"), QStringLiteral("counter.cpp"), 33,
                QStringLiteral("all threads were waiting"), 0},
    };
    grade.logs = {
        RunLog{QStringLiteral("run 3 with the race detector: exit status 66"),
               QStringLiteral("9874\n"),
               QStringLiteral("WARNING: ThreadSanitizer: data race\n\u00e9\u4e2d\t\"q\"")},
        RunLog{QStringLiteral("run 1 of the hidden tests"),
               QStringLiteral("@@racegrade TestCounter pass ok\n"), QString()}};
    grade.notes = QStringList{QStringLiteral("address randomisation was off"),
                              QStringLiteral("3 runs were skipped after repeated timeouts")};
    grade.errorMessage = QStringLiteral("not an error, but set so that it is written");
    grade.toolchain = QStringLiteral("g++ 12.2.0");
    grade.seconds = 12.345678901234;
    return grade;
}

Grade passingGoGrade()
{
    Grade grade;
    grade.exercise = QStringLiteral("config-once");
    grade.language = Language::Go;
    grade.sourceFile = QStringLiteral("config.go");
    grade.verdict = Verdict::Pass;
    grade.score = 5;
    grade.maxScore = 5;
    grade.compile.ok = true;
    grade.runs = RunSummary{12, 0, 0, 0, 8, 2, 2, 0};
    grade.checks = {CheckResult{QStringLiteral("build"), QStringLiteral("Builds"),
                                CheckStatus::Passed, 5, 5, QStringLiteral("built without errors"),
                                QString()}};
    grade.toolchain = QStringLiteral("go1.19.8");
    grade.seconds = 3;
    return grade;
}

Grade errorGrade()
{
    Grade grade;
    grade.exercise = QStringLiteral("parallel-fetch");
    grade.language = Language::Go;
    grade.verdict = Verdict::Error;
    grade.errorMessage = QStringLiteral("go was not found; install Go 1.19 or newer");
    return grade;
}

QByteArray compactJson(const Grade &grade)
{
    return QJsonDocument(GradeJson::toJson(grade)).toJson(QJsonDocument::Compact);
}

} // namespace

/// Checks that grades survive a JSON round trip unchanged and that the JSON has the documented
/// keys and values.
class TestGradeJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void roundTripThroughText();
    void documentedKeys();
    void checkStatuses_data();
    void checkStatuses();
    void severities_data();
    void severities();
    void verdictIds_data();
    void verdictIds();
    void missingFieldsGetDefaults();
    void notAGrade_data();
    void notAGrade();
};

void TestGradeJson::roundTrip_data()
{
    QTest::addColumn<Grade>("grade");
    QTest::newRow("rich, C++, fail") << richGrade();
    QTest::newRow("Go, pass") << passingGoGrade();
    QTest::newRow("error") << errorGrade();
}

void TestGradeJson::roundTrip()
{
    QFETCH(Grade, grade);
    const Expected<Grade> back = GradeJson::fromJson(GradeJson::toJson(grade));
    QVERIFY2(back.hasValue(), qPrintable(back.error()));
    // The JSON of both first, for a readable difference; then every field, including those the
    // JSON might have forgotten.
    QCOMPARE(compactJson(back.value()), compactJson(grade));
    QVERIFY(back.value() == grade);
}

void TestGradeJson::roundTripThroughText()
{
    const Grade grade = richGrade();
    const QByteArray text = QJsonDocument(GradeJson::toJson(grade)).toJson(QJsonDocument::Indented);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    const Expected<Grade> back = GradeJson::fromJson(document.object());
    QVERIFY2(back.hasValue(), qPrintable(back.error()));
    QCOMPARE(compactJson(back.value()), compactJson(grade));
    QCOMPARE(back->seconds, grade.seconds);
    QCOMPARE(back->logs.first().standardError, grade.logs.first().standardError);
    QVERIFY(back.value() == grade);
}

void TestGradeJson::documentedKeys()
{
    const Grade grade = richGrade();
    const QJsonObject json = GradeJson::toJson(grade);

    QCOMPARE(json.value(QStringLiteral("exercise")).toString(), QStringLiteral("safe-counter"));
    QCOMPARE(json.value(QStringLiteral("language")).toString(), QStringLiteral("cpp"));
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QVERIFY(json.value(QStringLiteral("score")).isDouble());
    QCOMPARE(json.value(QStringLiteral("score")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("max_score")).toInt(), 10);

    const QJsonObject compile = json.value(QStringLiteral("compile")).toObject();
    QCOMPARE(compile.value(QStringLiteral("ok")), QJsonValue(true));
    const QJsonArray diagnostics = compile.value(QStringLiteral("diagnostics")).toArray();
    QCOMPARE(diagnostics.size(), 3);
    const QJsonObject first = diagnostics.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("file")).toString(), QStringLiteral("counter.cpp"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 14);
    QCOMPARE(first.value(QStringLiteral("column")).toInt(), 9);
    QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
    QCOMPARE(first.value(QStringLiteral("message")).toString(),
             QStringLiteral("unused variable 'spare' [-Wunused-variable]"));
    QCOMPARE(first.value(QStringLiteral("related")).toArray().size(), 2);
    QCOMPARE(diagnostics.at(1).toObject().value(QStringLiteral("severity")).toString(),
             QStringLiteral("note"));
    QCOMPARE(diagnostics.at(2).toObject().value(QStringLiteral("severity")).toString(),
             QStringLiteral("error"));

    const QJsonObject runs = json.value(QStringLiteral("runs")).toObject();
    QCOMPARE(runs.value(QStringLiteral("count")).toInt(), 26);
    QCOMPARE(runs.value(QStringLiteral("racy")).toInt(), 7);
    QCOMPARE(runs.value(QStringLiteral("timeouts")).toInt(), 2);
    QCOMPARE(runs.value(QStringLiteral("crashes")).toInt(), 1);

    const QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), 4);
    const QJsonObject total = checks.at(1).toObject();
    QCOMPARE(total.value(QStringLiteral("id")).toString(), QStringLiteral("total"));
    QCOMPARE(total.value(QStringLiteral("title")).toString(), QStringLiteral("Prints 10,000"));
    QCOMPARE(total.value(QStringLiteral("passed")), QJsonValue(false));
    QCOMPARE(total.value(QStringLiteral("points")).toInt(), 0);
    QCOMPARE(total.value(QStringLiteral("max_points")).toInt(), 3);
    QCOMPARE(total.value(QStringLiteral("detail")).toString(),
             QStringLiteral("printed 9,874 instead of 10,000 in 1 of 3 runs"));
    QCOMPARE(checks.at(0).toObject().value(QStringLiteral("passed")), QJsonValue(true));
    QCOMPARE(checks.at(0).toObject().value(QStringLiteral("points")).toInt(), 1);

    const QJsonArray races = json.value(QStringLiteral("races")).toArray();
    QCOMPARE(races.size(), 2);
    const QJsonObject race = races.at(0).toObject();
    QCOMPARE(race.value(QStringLiteral("kind")).toString(), QStringLiteral("data-race"));
    QCOMPARE(race.value(QStringLiteral("occurrences")).toInt(), 5);
    const QJsonArray accesses = race.value(QStringLiteral("accesses")).toArray();
    QCOMPARE(accesses.size(), 2);
    const QJsonObject write = accesses.at(0).toObject();
    QCOMPARE(write.value(QStringLiteral("op")).toString(), QStringLiteral("write"));
    QCOMPARE(write.value(QStringLiteral("file")).toString(), QStringLiteral("counter.cpp"));
    QCOMPARE(write.value(QStringLiteral("line")).toInt(), 12);
    QCOMPARE(write.value(QStringLiteral("column")).toInt(), 9);
    QCOMPARE(write.value(QStringLiteral("function")).toString(), QStringLiteral("Counter::add()"));
    QCOMPARE(write.value(QStringLiteral("thread")).toString(), QStringLiteral("T2"));
    const QJsonObject read = accesses.at(1).toObject();
    QCOMPARE(read.value(QStringLiteral("op")).toString(), QStringLiteral("read"));
    QCOMPARE(read.value(QStringLiteral("line")).toInt(), 18);
    QCOMPARE(read.value(QStringLiteral("thread")).toString(), QStringLiteral("main thread"));
    QCOMPARE(races.at(1).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("thread-leak"));

    const QJsonArray problems = json.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 3);
    const QJsonObject crash = problems.at(1).toObject();
    QCOMPARE(crash.value(QStringLiteral("kind")).toString(), QStringLiteral("crash"));
    QCOMPARE(crash.value(QStringLiteral("file")).toString(), QStringLiteral("counter.cpp"));
    QCOMPARE(crash.value(QStringLiteral("line")).toInt(), 27);
    QCOMPARE(crash.value(QStringLiteral("message")).toString(),
             QStringLiteral("crashed with SIGSEGV (invalid memory access)"));
    QCOMPARE(problems.at(0).toObject().value(QStringLiteral("file")).toString(), QString());
    QCOMPARE(problems.at(0).toObject().value(QStringLiteral("line")).toInt(-1), 0);
}

void TestGradeJson::checkStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("passed");
    QTest::addColumn<QString>("id");

    QTest::newRow("passed") << int(CheckStatus::Passed) << true << QStringLiteral("passed");
    QTest::newRow("failed") << int(CheckStatus::Failed) << false << QStringLiteral("failed");
    QTest::newRow("not run") << int(CheckStatus::NotRun) << false << QStringLiteral("not-run");
}

void TestGradeJson::checkStatuses()
{
    QFETCH(int, status);
    QFETCH(bool, passed);
    QFETCH(QString, id);

    Grade grade = errorGrade();
    grade.checks = {CheckResult{QStringLiteral("c"), QStringLiteral("C"), CheckStatus(status),
                                passed ? 2 : 0, 2, QStringLiteral("why"), QStringLiteral("hint")}};
    const QJsonObject check =
        GradeJson::toJson(grade).value(QStringLiteral("checks")).toArray().at(0).toObject();
    QCOMPARE(check.value(QStringLiteral("passed")), QJsonValue(passed));
    QCOMPARE(check.value(QStringLiteral("status")).toString(), id);
    QCOMPARE(check.value(QStringLiteral("hint")).toString(), QStringLiteral("hint"));
    const Expected<Grade> back = GradeJson::fromJson(GradeJson::toJson(grade));
    QVERIFY2(back.hasValue(), qPrintable(back.error()));
    QCOMPARE(int(back->checks.at(0).status), status);
    QVERIFY(back->checks == grade.checks);
}

void TestGradeJson::severities_data()
{
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("id");

    QTest::newRow("error") << int(Severity::Error) << QStringLiteral("error");
    QTest::newRow("warning") << int(Severity::Warning) << QStringLiteral("warning");
    QTest::newRow("note") << int(Severity::Note) << QStringLiteral("note");
}

void TestGradeJson::severities()
{
    QFETCH(int, severity);
    QFETCH(QString, id);

    QCOMPARE(GradeJson::severityId(Severity(severity)), id);
    Diagnostic diagnostic;
    diagnostic.severity = Severity(severity);
    diagnostic.message = QStringLiteral("m");
    const QJsonArray array = GradeJson::diagnosticsToJson({diagnostic});
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("severity")).toString(), id);

    Grade grade = errorGrade();
    grade.compile.diagnostics = {diagnostic};
    const Expected<Grade> back = GradeJson::fromJson(GradeJson::toJson(grade));
    QVERIFY2(back.hasValue(), qPrintable(back.error()));
    QCOMPARE(int(back->compile.diagnostics.at(0).severity), severity);
}

void TestGradeJson::verdictIds_data()
{
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("id");

    QTest::newRow("pass") << int(Verdict::Pass) << QStringLiteral("pass");
    QTest::newRow("fail") << int(Verdict::Fail) << QStringLiteral("fail");
    QTest::newRow("error") << int(Verdict::Error) << QStringLiteral("error");
}

void TestGradeJson::verdictIds()
{
    QFETCH(int, verdict);
    QFETCH(QString, id);

    Grade grade = passingGoGrade();
    grade.verdict = Verdict(verdict);
    const QJsonObject json = GradeJson::toJson(grade);
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(), id);
    QCOMPARE(json.value(QStringLiteral("language")).toString(), QStringLiteral("go"));
    const Expected<Grade> back = GradeJson::fromJson(json);
    QVERIFY2(back.hasValue(), qPrintable(back.error()));
    QCOMPARE(int(back->verdict), verdict);
}

void TestGradeJson::missingFieldsGetDefaults()
{
    const QJsonObject minimal{
        {QStringLiteral("exercise"), QStringLiteral("safe-counter")},
        {QStringLiteral("language"), QStringLiteral("cpp")},
        {QStringLiteral("problems"),
         QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("timeout")}}}}};
    const Expected<Grade> grade = GradeJson::fromJson(minimal);
    QVERIFY2(grade.hasValue(), qPrintable(grade.error()));
    QCOMPARE(grade->exercise, QStringLiteral("safe-counter"));
    QVERIFY(grade->language == Language::Cpp);
    // No verdict: the grade cannot be trusted to be a pass or a fail.
    QVERIFY(grade->verdict == Verdict::Error);
    QCOMPARE(grade->score, 0);
    QVERIFY(!grade->compile.ok);
    QVERIFY(grade->runs == RunSummary{});
    QVERIFY(grade->checks.isEmpty());
    QVERIFY(grade->races.isEmpty());
    QCOMPARE(grade->problems.size(), 1);
    QCOMPARE(grade->problems.first().kind, QStringLiteral("timeout"));
    QCOMPARE(grade->problems.first().occurrences, 1);
}

void TestGradeJson::notAGrade_data()
{
    QTest::addColumn<QJsonObject>("object");

    QTest::newRow("empty object") << QJsonObject{};
    QTest::newRow("no language") << QJsonObject{
        {QStringLiteral("exercise"), QStringLiteral("safe-counter")},
        {QStringLiteral("verdict"), QStringLiteral("pass")}};
    QTest::newRow("no exercise") << QJsonObject{{QStringLiteral("language"), QStringLiteral("go")}};
    QTest::newRow("unknown language")
        << QJsonObject{{QStringLiteral("exercise"), QStringLiteral("safe-counter")},
                       {QStringLiteral("language"), QStringLiteral("rust")}};
    QTest::newRow("exercise is not a string") << QJsonObject{
        {QStringLiteral("exercise"), 7}, {QStringLiteral("language"), QStringLiteral("go")}};
    // A race finding is an object, but no grade.
    QTest::newRow("a race finding") << GradeJson::racesToJson(richGrade().races).at(0).toObject();
}

void TestGradeJson::notAGrade()
{
    QFETCH(QJsonObject, object);
    const Expected<Grade> grade = GradeJson::fromJson(object);
    QVERIFY(!grade.hasValue());
    QCOMPARE(grade.error(),
             QStringLiteral("not a grade: \"exercise\" and \"language\" are required"));
}

QTEST_GUILESS_MAIN(TestGradeJson)
#include "tst_gradejson.moc"
