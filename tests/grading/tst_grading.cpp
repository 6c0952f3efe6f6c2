// End-to-end gradings of the project's own submissions through the real pipeline: build with the
// race detector, many runs, hidden harnesses, checks. Needs Go, g++ and clang++ with TSan.

#include "exerciseloader.h"
#include "grader.h"
#include "gradingjob.h"
#include "sourcemapper.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace RaceGrade;

namespace {

// Few runs keep the suite short; every expectation in cases.json holds reliably at this count.
constexpr int testRuns = 8;

QString describe(const Grade &grade)
{
    QStringList lines;
    lines.append(QStringLiteral("verdict %1, score %2/%3, error: %4")
                     .arg(verdictId(grade.verdict))
                     .arg(grade.score)
                     .arg(grade.maxScore)
                     .arg(grade.errorMessage));
    for (const CheckResult &check : grade.checks) {
        lines.append(QStringLiteral("  check %1: %2 - %3")
                         .arg(check.id,
                              check.passed()                        ? QStringLiteral("pass")
                              : check.status == CheckStatus::NotRun ? QStringLiteral("not run")
                                                                    : QStringLiteral("fail"),
                              check.detail));
    }
    for (const RaceFinding &race : grade.races) {
        QStringList sides;
        for (const RaceAccessSite &access : race.accesses) {
            sides.append(QStringLiteral("%1 %2:%3").arg(access.op, access.file).arg(access.line));
        }
        lines.append(QStringLiteral("  race %1 %2/%3: %4")
                         .arg(race.kind)
                         .arg(race.occurrences)
                         .arg(race.runs)
                         .arg(sides.join(QStringLiteral(" vs "))));
    }
    for (const Problem &problem : grade.problems) {
        lines.append(QStringLiteral("  problem %1 %2:%3 %4")
                         .arg(problem.kind, problem.file)
                         .arg(problem.line)
                         .arg(problem.message));
    }
    return lines.join(u'\n');
}

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        result.append(item.toString());
    }
    return result;
}

} // namespace

class TestGrading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gradesSubmission_data();
    void gradesSubmission();
    void referenceSolutionPasses_data();
    void referenceSolutionPasses();
    void starterCompilesButFails_data();
    void starterCompilesButFails();
    void clangFindsTheSameRace();
    void clangMapsHarnessFrames();
    void goPackageMustBeMain();
    void missingCompilerIsAnError();
    void jobReportsProgressAndCancels();

private:
    Grade grade(const QString &exerciseId, Language language, const QByteArray &source,
                const QString &displayPath, const GradeOptions &options = {});

    ExerciseCatalog m_catalog;
};

void TestGrading::initTestCase()
{
    // A machine without the toolchains cannot run this suite; say so instead of skipping.
    for (const char *tool : {"go", "g++", "clang++"}) {
        QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                 qPrintable(QStringLiteral("%1 is not installed; run packaging/setup.sh first")
                                .arg(QLatin1String(tool))));
    }
    m_catalog = ExerciseLoader::loadCatalog(
        {QStringLiteral(RACEGRADE_SOURCE_DIR) + QStringLiteral("/exercises")});
    QVERIFY2(m_catalog.errors.isEmpty(), qPrintable(m_catalog.errors.join(u'\n')));
    QCOMPARE(m_catalog.exercises.size(), 3);
}

Grade TestGrading::grade(const QString &exerciseId, Language language, const QByteArray &source,
                         const QString &displayPath, const GradeOptions &options)
{
    const Exercise *exercise = m_catalog.find(exerciseId);
    if (!exercise) {
        Grade missing;
        missing.errorMessage = QStringLiteral("no exercise ") + exerciseId;
        return missing;
    }
    GradeRequest request;
    request.exercise = *exercise;
    request.language = language;
    request.source = source;
    request.displayPath = displayPath;
    request.options = options;
    request.options.runs = testRuns;
    return Grader::grade(request);
}

void TestGrading::gradesSubmission_data()
{
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QStringList>("mustFail");
    QTest::addColumn<QStringList>("mustPass");
    QTest::addColumn<QStringList>("races");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<QStringList>("notes");
    QTest::addColumn<QStringList>("racesIfReported"); ///< the only line pairs a race may have
    QTest::addColumn<QStringList>("raceKinds");       ///< report kinds that must be among them
    QTest::addColumn<QString>("mistakeIfRaced");      ///< the mistake one race names, if any
    QTest::addColumn<QString>("compileDetail");       ///< how the compile check's detail starts

    const QString casesPath = QFINDTESTDATA("data/cases.json");
    QFile file(casesPath);
    QVERIFY2(file.open(QIODevice::ReadOnly), "tests/grading/data/cases.json is missing");
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &value : cases) {
        const QJsonObject row = value.toObject();
        const auto linePairs = [&](const char *key) {
            QStringList pairs;
            for (const QJsonValue &pair : row.value(QLatin1String(key)).toArray()) {
                const QJsonArray lines = pair.toArray();
                pairs.append(
                    QStringLiteral("%1-%2").arg(lines.at(0).toInt()).arg(lines.at(1).toInt()));
            }
            return pairs;
        };
        QStringList races;
        for (const QJsonValue &pair : row.value(QLatin1String("races")).toArray()) {
            const QJsonArray lines = pair.toArray();
            races.append(QStringLiteral("%1-%2").arg(lines.at(0).toInt()).arg(lines.at(1).toInt()));
        }
        QTest::newRow(qPrintable(row.value(QLatin1String("name")).toString()))
            << row.value(QLatin1String("exercise")).toString()
            << row.value(QLatin1String("language")).toString()
            << QFileInfo(casesPath).absolutePath() + u'/' +
                   row.value(QLatin1String("file")).toString()
            << row.value(QLatin1String("verdict")).toString()
            << strings(row.value(QLatin1String("mustFail")))
            << strings(row.value(QLatin1String("mustPass"))) << races
            << strings(row.value(QLatin1String("problems")))
            << strings(row.value(QLatin1String("notes"))) << linePairs("racesIfReported")
            << strings(row.value(QLatin1String("raceKinds")))
            << row.value(QLatin1String("mistakeIfRaced")).toString()
            << row.value(QLatin1String("compileDetail")).toString();
    }
}

void TestGrading::gradesSubmission()
{
    QFETCH(QString, exercise);
    QFETCH(QString, language);
    QFETCH(QString, file);
    QFETCH(QString, verdict);
    QFETCH(QStringList, mustFail);
    QFETCH(QStringList, mustPass);
    QFETCH(QStringList, races);
    QFETCH(QStringList, problems);
    QFETCH(QStringList, notes);
    QFETCH(QStringList, racesIfReported);
    QFETCH(QStringList, raceKinds);
    QFETCH(QString, mistakeIfRaced);
    QFETCH(QString, compileDetail);

    QFile source(file);
    QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(file));
    const QString displayName = QFileInfo(file).fileName();
    const Grade result = grade(exercise, *languageFromId(language), source.readAll(), displayName);
    const QString summary = describe(result);

    QVERIFY2(verdictId(result.verdict) == verdict, qPrintable(summary));
    for (const QString &id : mustFail) {
        const CheckResult *check = result.check(id);
        QVERIFY2(check, qPrintable(QStringLiteral("no check %1\n").arg(id) + summary));
        QVERIFY2(!check->passed(), qPrintable(QStringLiteral("%1 passed\n").arg(id) + summary));
        QVERIFY2(!check->detail.isEmpty(), qPrintable(id));
    }
    for (const QString &id : mustPass) {
        const CheckResult *check = result.check(id);
        QVERIFY2(check, qPrintable(QStringLiteral("no check %1\n").arg(id) + summary));
        QVERIFY2(check->passed(), qPrintable(QStringLiteral("%1 failed\n").arg(id) + summary));
    }
    if (!result.compile.ok) {
        for (const CheckResult &check : result.checks) {
            QVERIFY2(check.id == u"compiles" || check.status == CheckStatus::NotRun,
                     qPrintable(summary));
        }
    }
    for (const QString &pair : races) {
        const int first = pair.section(u'-', 0, 0).toInt();
        const int second = pair.section(u'-', 1, 1).toInt();
        const bool found =
            std::any_of(result.races.cbegin(), result.races.cend(), [&](const RaceFinding &race) {
                if (race.kind != u"data-race" || race.accesses.size() != 2) {
                    return false;
                }
                const int a = race.accesses.at(0).line;
                const int b = race.accesses.at(1).line;
                return race.accesses.at(0).file == displayName &&
                       race.accesses.at(1).file == displayName && qMin(a, b) == first &&
                       qMax(a, b) == second;
            });
        QVERIFY2(found, qPrintable(QStringLiteral("race %1 not reported\n").arg(pair) + summary));
    }
    for (const QString &kind : problems) {
        const bool found =
            std::any_of(result.problems.cbegin(), result.problems.cend(),
                        [&](const Problem &problem) { return problem.kind == kind; });
        QVERIFY2(found, qPrintable(QStringLiteral("problem %1 missing\n").arg(kind) + summary));
    }
    for (const QString &note : notes) {
        QVERIFY2(result.notes.join(u'\n').contains(note),
                 qPrintable(QStringLiteral("no note about %1\n").arg(note) + summary));
    }
    if (races.isEmpty() && verdict == u"pass") {
        QVERIFY2(result.races.isEmpty(), qPrintable(summary));
    }
    // Races that only some runs show: none is required, but each one seen must be at these
    // lines of the student's file.
    if (!racesIfReported.isEmpty()) {
        for (const RaceFinding &race : result.races) {
            QVERIFY2(race.kind == u"data-race" && race.accesses.size() == 2, qPrintable(summary));
            const int a = race.accesses.at(0).line;
            const int b = race.accesses.at(1).line;
            const QString pair = QStringLiteral("%1-%2").arg(qMin(a, b)).arg(qMax(a, b));
            QVERIFY2(racesIfReported.contains(pair), qPrintable(pair + u'\n' + summary));
            QCOMPARE(race.accesses.at(0).file, displayName);
            QCOMPARE(race.accesses.at(1).file, displayName);
        }
    }
    for (const QString &kind : raceKinds) {
        const bool found = std::any_of(result.races.cbegin(), result.races.cend(),
                                       [&](const RaceFinding &race) { return race.kind == kind; });
        QVERIFY2(found, qPrintable(QStringLiteral("no %1 report\n").arg(kind) + summary));
    }
    if (!mistakeIfRaced.isEmpty() && !result.races.isEmpty()) {
        const bool named =
            std::any_of(result.races.cbegin(), result.races.cend(),
                        [&](const RaceFinding &race) { return race.mistake == mistakeIfRaced; });
        QVERIFY2(named,
                 qPrintable(QStringLiteral("no race named %1\n").arg(mistakeIfRaced) + summary));
    }
    if (!compileDetail.isEmpty()) {
        QVERIFY2(result.check(u"compiles")->detail.startsWith(compileDetail), qPrintable(summary));
    }
    // Nothing a student sees names the grader's scratch folder, which is gone after grading.
    for (const RaceFinding &race : result.races) {
        QVERIFY2(!race.explanation.contains(QDir::tempPath()), qPrintable(race.explanation));
        for (const RaceAccessSite &access : race.accesses) {
            QVERIFY2(!access.file.startsWith(QDir::tempPath()), qPrintable(access.file));
        }
    }
    // go vet compiles the file too; when the build failed it would only repeat the errors.
    if (!result.compile.ok) {
        for (const Diagnostic &diagnostic : result.compile.diagnostics) {
            QVERIFY2(diagnostic.tool != u"go vet", qPrintable(diagnostic.message));
        }
    }
}

void TestGrading::referenceSolutionPasses_data()
{
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<int>("language");
    for (const Exercise &exercise : m_catalog.exercises) {
        for (const Language language : exercise.languages()) {
            QTest::newRow(qPrintable(exercise.id + u'-' + languageId(language)))
                << exercise.id << int(language);
        }
    }
}

void TestGrading::referenceSolutionPasses()
{
    QFETCH(QString, exercise);
    QFETCH(int, language);
    const Exercise *found = m_catalog.find(exercise);
    QVERIFY(found);
    QFile reference(found->files.value(Language(language)).reference);
    QVERIFY2(reference.open(QIODevice::ReadOnly), qPrintable(reference.fileName()));
    const Grade result = grade(exercise, Language(language), reference.readAll(),
                               QFileInfo(reference.fileName()).fileName());
    QVERIFY2(result.verdict == Verdict::Pass, qPrintable(describe(result)));
    QCOMPARE(result.score, result.maxScore);
    QCOMPARE(result.maxScore, 100);
    QVERIFY(result.races.isEmpty());
    QVERIFY(result.runs.programRuns == testRuns);
    QVERIFY(result.runs.harnessRuns >= 2);
}

void TestGrading::starterCompilesButFails_data()
{
    referenceSolutionPasses_data();
}

void TestGrading::starterCompilesButFails()
{
    QFETCH(QString, exercise);
    QFETCH(int, language);
    const Exercise *found = m_catalog.find(exercise);
    QVERIFY(found);
    QFile starter(found->files.value(Language(language)).starter);
    QVERIFY(starter.open(QIODevice::ReadOnly));
    const Grade result = grade(exercise, Language(language), starter.readAll(),
                               QFileInfo(starter.fileName()).fileName());
    QVERIFY2(result.compile.ok, qPrintable(describe(result)));
    QCOMPARE(result.verdict, Verdict::Fail);
    QVERIFY(result.score < result.maxScore);
}

void TestGrading::clangFindsTheSameRace()
{
    const QByteArray racy =
        "#include <iostream>\n"
        "#include <mutex>\n"
        "#include <thread>\n"
        "#include <vector>\n"
        "class SafeCounter {\n"
        "public:\n"
        "    void Inc() { count_++; }\n"
        "    int Value() { std::lock_guard<std::mutex> lock(mu_); return count_; }\n"
        "private:\n"
        "    std::mutex mu_;\n"
        "    int count_ = 0;\n"
        "};\n"
        "int main() {\n"
        "    SafeCounter counter;\n"
        "    std::vector<std::thread> workers;\n"
        "    for (int i = 0; i < 100; ++i) {\n"
        "        workers.emplace_back([&counter] {\n"
        "            for (int j = 0; j < 100; ++j) { counter.Inc(); }\n"
        "        });\n"
        "    }\n"
        "    for (auto &worker : workers) { worker.join(); }\n"
        "    std::cout << counter.Value() << '\\n';\n"
        "}\n";
    GradeOptions options;
    options.cppCompiler = QStringLiteral("clang++");
    const Grade result = grade(QStringLiteral("safe-counter"), Language::Cpp, racy,
                               QStringLiteral("counter.cpp"), options);
    QVERIFY2(result.toolchain.startsWith(u"clang++"), qPrintable(result.toolchain));
    QCOMPARE(result.verdict, Verdict::Fail);
    QVERIFY2(!result.races.isEmpty(), qPrintable(describe(result)));
    const RaceFinding &race = result.races.first();
    QCOMPARE(race.kind, QStringLiteral("data-race"));
    QCOMPARE(race.accesses.size(), 2);
    QCOMPARE(race.accesses.at(0).file, QStringLiteral("counter.cpp"));
    QCOMPARE(race.accesses.at(0).line, 7);
    QVERIFY(race.accesses.at(0).column > 0); // clang prints columns
    QCOMPARE(race.mistake, QStringLiteral("missing-lock"));
    QVERIFY(!result.check(u"race-free")->passed());
}

void TestGrading::clangMapsHarnessFrames()
{
    // clang names the harness's copy of the file "<scratch>/harness/./main.cpp" and the
    // standard headers through "/usr/bin/../lib/gcc/…". Only the hidden test finds this race,
    // so its stacks go through the harness: every frame must come out mapped.
    QFile source(QFINDTESTDATA("data/cpp/safe-counter/unlocked-read.cpp"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    GradeOptions options;
    options.cppCompiler = QStringLiteral("clang++");
    const Grade result = grade(QStringLiteral("safe-counter"), Language::Cpp, source.readAll(),
                               QStringLiteral("counter.cpp"), options);
    const QString summary = describe(result);
    QVERIFY2(result.toolchain.startsWith(u"clang++"), qPrintable(result.toolchain));
    QVERIFY2(!result.check(u"concurrent-use")->passed(), qPrintable(summary));
    QVERIFY2(!result.races.isEmpty(), qPrintable(summary));
    for (const RaceFinding &race : result.races) {
        QVERIFY2(!race.explanation.contains(QDir::tempPath()), qPrintable(race.explanation));
        for (const RaceAccessSite &access : race.accesses) {
            QVERIFY2(access.file == u"counter.cpp" ||
                         access.file == SourceMapper::hiddenTestLabel(),
                     qPrintable(access.file));
            for (const StackFrame &frame : access.stack) {
                QVERIFY2(!frame.file.startsWith(QDir::tempPath()), qPrintable(frame.file));
                QVERIFY2(!frame.file.contains(QStringLiteral("/../")), qPrintable(frame.file));
            }
        }
    }
    const bool bothLines =
        std::any_of(result.races.cbegin(), result.races.cend(), [](const RaceFinding &race) {
            return race.accesses.size() == 2 && race.accesses.at(0).file == u"counter.cpp" &&
                   race.accesses.at(1).file == u"counter.cpp";
        });
    QVERIFY2(bothLines, qPrintable(summary));
    QVERIFY2(!result.check(u"concurrent-use")->detail.contains(QDir::tempPath()),
             qPrintable(result.check(u"concurrent-use")->detail));
}

void TestGrading::goPackageMustBeMain()
{
    const QByteArray library = "// A counter library.\npackage counter\n\nfunc Inc() {}\n";
    const Grade result =
        grade(QStringLiteral("safe-counter"), Language::Go, library, QStringLiteral("lib.go"));
    QCOMPARE(result.verdict, Verdict::Fail);
    QVERIFY(!result.compile.ok);
    QVERIFY(!result.compile.diagnostics.isEmpty());
    const Diagnostic &first = result.compile.diagnostics.first();
    QCOMPARE(first.file, QStringLiteral("lib.go"));
    QCOMPARE(first.line, 2);
    QVERIFY2(first.message.contains(u"package must be main"), qPrintable(first.message));
    QCOMPARE(result.check(u"race-free")->status, CheckStatus::NotRun);
}

void TestGrading::missingCompilerIsAnError()
{
    GradeOptions options;
    options.cppCompiler = QStringLiteral("racegrade-no-such-compiler++");
    const Grade result = grade(QStringLiteral("safe-counter"), Language::Cpp, "int main() {}\n",
                               QStringLiteral("main.cpp"), options);
    QCOMPARE(result.verdict, Verdict::Error);
    QVERIFY2(result.errorMessage.contains(u"racegrade-no-such-compiler++"),
             qPrintable(result.errorMessage));
    QVERIFY(result.checks.isEmpty());
}

void TestGrading::jobReportsProgressAndCancels()
{
    // A program that never ends: without a cancel the grading would take minutes.
    const QByteArray endless = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
    const Exercise *exercise = m_catalog.find(u"safe-counter");
    QVERIFY(exercise);
    GradeRequest request;
    request.exercise = *exercise;
    request.language = Language::Go;
    request.source = endless;
    request.displayPath = QStringLiteral("main.go");
    request.options.runs = 20;
    request.options.runSeconds = 60;
    GradingJob job(request);
    QSignalSpy progress(&job, &GradingJob::progressChanged);
    QSignalSpy finished(&job, &GradingJob::finished);
    job.start();
    QVERIFY(job.isRunning());
    // Wait until the runs have started, then cancel.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(progress.cbegin(), progress.cend(),
                                         [](const QList<QVariant> &args) {
                                             return args.at(2).toString() == u"running";
                                         }),
                             120000);
    QElapsedTimer clock;
    clock.start();
    job.cancel();
    QVERIFY(finished.wait(20000));
    QVERIFY2(clock.elapsed() < 10000, "cancelling took too long");
    QVERIFY(!job.isRunning());
    QCOMPARE(job.grade().verdict, Verdict::Error);
    QVERIFY(job.grade().errorMessage.contains(u"cancelled"));
}

QTEST_GUILESS_MAIN(TestGrading)
#include "tst_grading.moc"
