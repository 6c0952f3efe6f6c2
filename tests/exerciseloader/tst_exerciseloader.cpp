#include "exerciseloader.h"

#include <QDir>
#include <QFileInfo>
#include <QtTest>
#include <algorithm>

using namespace RaceGrade;

namespace RaceGrade {

// Lets QCOMPARE print a check that differs, field by field.
char *toString(const CheckSpec &spec)
{
    const QString text =
        QStringLiteral("{id=%1 title=%2 points=%3 kind=%4 expect=%5 exitZero=%6 pattern=%7 "
                       "count=%8 test=%9")
            .arg(spec.id, spec.title, QString::number(spec.points), checkKindId(spec.kind),
                 spec.expect, spec.exitZero ? QStringLiteral("true") : QStringLiteral("false"),
                 spec.pattern, QString::number(spec.count), spec.harnessTest) +
        QStringLiteral(" raceFree=%1 analyzers=[%2] hint=%3 requiresAnyOf=[%4]}")
            .arg(spec.raceFree ? QStringLiteral("true") : QStringLiteral("false"),
                 spec.analyzers.join(u','), spec.hint, spec.requiresAnyOf.join(u','));
    return qstrdup(text.toUtf8().constData());
}

} // namespace RaceGrade

namespace {

CheckSpec spec(const char *id, const char *title, CheckKind kind, int points)
{
    CheckSpec check;
    check.id = QString::fromUtf8(id);
    check.title = QString::fromUtf8(title);
    check.kind = kind;
    check.points = points;
    return check;
}

QStringList ids(const QVector<Exercise> &exercises)
{
    QStringList result;
    for (const Exercise &exercise : exercises) {
        result.append(exercise.id);
    }
    return result;
}

} // namespace

/// Checks ExerciseLoader against the manifests in data/: one that uses every field, broken ones
/// that must each be refused with a message naming the manifest, and catalog folders.
class TestExerciseLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadsEveryField();
    void languageOverrides();
    void defaultsOfOmittedFields();
    void brokenManifest_data();
    void brokenManifest();
    void missingManifest();
    void catalogOfSingleExercise();
    void catalogOfFolders();
    void catalogMissingRoot();
    void catalogFirstRootWins_data();
    void catalogFirstRootWins();
    void catalogListsBrokenManifests();
    void defaultRootsStartWithEnvironment();

private:
    static QString dataDir(const char *name);

    QString m_valid;
};

QString TestExerciseLoader::dataDir(const char *name)
{
    const QString found = QFINDTESTDATA(QStringLiteral("data/") + QString::fromUtf8(name));
    return found.isEmpty() ? QString() : QDir(found).absolutePath();
}

void TestExerciseLoader::initTestCase()
{
    m_valid = dataDir("valid");
    QVERIFY2(!m_valid.isEmpty(), "data/valid not found");
}

void TestExerciseLoader::loadsEveryField()
{
    const Expected<Exercise> loaded = ExerciseLoader::loadExercise(m_valid);
    QVERIFY2(loaded.hasValue(), qPrintable(loaded.error()));
    QVERIFY(loaded.error().isEmpty());
    const Exercise &exercise = loaded.value();

    QCOMPARE(exercise.id, QStringLiteral("counter-fixture"));
    QCOMPARE(exercise.title, QStringLiteral("Counter fixture"));
    QCOMPARE(exercise.summary,
             QStringLiteral("A manifest that uses every field, for the loader tests."));
    QCOMPARE(exercise.order, 7);
    QCOMPARE(exercise.directory, m_valid);
    QCOMPARE(exercise.instructionsPath, m_valid + QStringLiteral("/task.md"));
    QCOMPARE(exercise.limits.buildSeconds, 90);
    QCOMPARE(exercise.limits.runSeconds, 4);
    QCOMPARE(exercise.limits.harnessSeconds, 12);

    QCOMPARE(exercise.languages(), (QList<Language>{Language::Go, Language::Cpp}));
    QVERIFY(exercise.supports(Language::Go));
    QVERIFY(exercise.supports(Language::Cpp));
    const LanguageFiles go = exercise.files.value(Language::Go);
    QCOMPARE(go.starter, m_valid + QStringLiteral("/go/main.go"));
    QCOMPARE(go.harness, m_valid + QStringLiteral("/go/racegrade_harness_test.go"));
    QCOMPARE(go.reference, m_valid + QStringLiteral("/go/solution.go"));
    const LanguageFiles cpp = exercise.files.value(Language::Cpp);
    QCOMPARE(cpp.starter, m_valid + QStringLiteral("/cpp/main.cpp"));
    QCOMPARE(cpp.harness, QString());
    QCOMPARE(cpp.reference, m_valid + QStringLiteral("/cpp/solution.cpp"));

    CheckSpec build = spec("build", "The program builds", CheckKind::Compile, 1);
    CheckSpec total = spec("total", "Prints the total", CheckKind::FinalLine, 2);
    total.expect = QStringLiteral("10000");
    total.exitZero = true;
    total.hint = QStringLiteral("Every increment must be counted.");
    // No "title" in the manifest: the id stands in for it.
    CheckSpec finished = spec("finished", "finished", CheckKind::LineCount, 1);
    finished.pattern = QStringLiteral("finished");
    finished.count = 3;
    CheckSpec noRaces = spec("no-races", "No data race", CheckKind::RaceFree, 3);
    noRaces.hint = QStringLiteral("Hold a sync.Mutex around the counter.");
    noRaces.requiresAnyOf = QStringList{QStringLiteral("total"), QStringLiteral("finished")};
    CheckSpec hidden = spec("hidden", "Hidden tests", CheckKind::Harness, 2);
    hidden.harnessTest = QStringLiteral("TestCounter");
    hidden.raceFree = true;
    CheckSpec locks = spec("locks", "No copied locks", CheckKind::Vet, 1);
    locks.analyzers = QStringList{QStringLiteral("copylocks"), QStringLiteral("loopclosure")};

    const QVector<CheckSpec> goChecks = exercise.checksFor(Language::Go);
    const QVector<CheckSpec> expectedGo{build, total, finished, noRaces, hidden, locks};
    QCOMPARE(goChecks.size(), expectedGo.size());
    for (qsizetype i = 0; i < goChecks.size(); ++i) {
        QCOMPARE(goChecks.at(i), expectedGo.at(i));
    }
    QCOMPARE(exercise.maxPoints(Language::Go), 10);
    QVERIFY(exercise.hasCheck(Language::Go, CheckKind::Vet));
    QVERIFY(exercise.hasCheck(Language::Go, CheckKind::Harness));
    QVERIFY(!exercise.hasCheck(Language::Go, CheckKind::CleanExit));

    QCOMPARE(exercise.match.names,
             (QStringList{QStringLiteral("counter"), QStringLiteral("Tally Up")}));
    QCOMPARE(exercise.match.defines.value(Language::Go),
             (QStringList{QStringLiteral("Counter"), QStringLiteral("Add")}));
    QCOMPARE(exercise.match.defines.value(Language::Cpp),
             (QStringList{QStringLiteral("Counter"), QStringLiteral("add")}));
}

void TestExerciseLoader::languageOverrides()
{
    const Expected<Exercise> loaded = ExerciseLoader::loadExercise(m_valid);
    QVERIFY2(loaded.hasValue(), qPrintable(loaded.error()));
    const QVector<CheckSpec> checks = loaded->checksFor(Language::Cpp);

    CheckSpec build = spec("build", "The program builds", CheckKind::Compile, 1);
    CheckSpec total = spec("total", "Prints the total", CheckKind::FinalLine, 2);
    total.expect = QStringLiteral("10000");
    total.exitZero = true;
    total.hint = QStringLiteral("Every increment must be counted.");
    CheckSpec finished = spec("finished", "finished", CheckKind::LineCount, 1);
    finished.pattern = QStringLiteral("finished");
    finished.count = 3;
    // "cpp": {hint, points} replaces those two fields and keeps the rest.
    CheckSpec noRaces = spec("no-races", "No data race", CheckKind::RaceFree, 4);
    noRaces.hint = QStringLiteral("Guard the counter with a std::mutex.");
    noRaces.requiresAnyOf = QStringList{QStringLiteral("total"), QStringLiteral("finished")};
    // "hidden" has "cpp": null, so C++ has no such check. "locks" becomes a clean-exit check for
    // C++; the fields it does not override (id, points, analyzers) stay as they are.
    CheckSpec locks = spec("locks", "Ends by itself", CheckKind::CleanExit, 1);
    locks.analyzers = QStringList{QStringLiteral("copylocks"), QStringLiteral("loopclosure")};
    // "go": false leaves this check to C++ alone.
    CheckSpec joined = spec("threads-joined", "Every thread is joined", CheckKind::CleanExit, 1);

    const QVector<CheckSpec> expected{build, total, finished, noRaces, locks, joined};
    QCOMPARE(checks.size(), expected.size());
    for (qsizetype i = 0; i < checks.size(); ++i) {
        QCOMPARE(checks.at(i), expected.at(i));
    }
    QCOMPARE(loaded->maxPoints(Language::Cpp), 10);
    QVERIFY(!loaded->hasCheck(Language::Cpp, CheckKind::Harness));
    QVERIFY(!loaded->hasCheck(Language::Cpp, CheckKind::Vet));
    QVERIFY(loaded->hasCheck(Language::Cpp, CheckKind::CleanExit));
}

void TestExerciseLoader::defaultsOfOmittedFields()
{
    // gamma-folder has neither "id" nor "summary", "instructions", "limits"; zeta has no "order".
    const QString gammaDir = dataDir("catalog/gamma-folder");
    const Expected<Exercise> gamma = ExerciseLoader::loadExercise(gammaDir);
    QVERIFY2(gamma.hasValue(), qPrintable(gamma.error()));
    QCOMPARE(gamma->id, QStringLiteral("gamma-folder"));
    QCOMPARE(gamma->title, QStringLiteral("Gamma without an id"));
    QCOMPARE(gamma->summary, QString());
    QCOMPARE(gamma->instructionsPath, gammaDir + QStringLiteral("/instructions.md"));
    QCOMPARE(gamma->limits.buildSeconds, 120);
    QCOMPARE(gamma->limits.runSeconds, 10);
    QCOMPARE(gamma->limits.harnessSeconds, 30);
    QCOMPARE(gamma->languages(), QList<Language>{Language::Go});
    QVERIFY(!gamma->supports(Language::Cpp));
    QCOMPARE(gamma->checksFor(Language::Cpp).size(), 0);
    QCOMPARE(gamma->match, ExerciseMatchSpec()); // no "match": the id alone names it

    const Expected<Exercise> zeta = ExerciseLoader::loadExercise(dataDir("catalog/zeta"));
    QVERIFY2(zeta.hasValue(), qPrintable(zeta.error()));
    QCOMPARE(zeta->order, 1000);
}

void TestExerciseLoader::brokenManifest_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("reason"); // after "<manifest path>: "; %DIR% is the folder
    QTest::addColumn<bool>("exact");     // false: the message only starts with the reason

    QTest::newRow("invalid JSON") << QStringLiteral("invalid-json")
                                  << QStringLiteral("is not valid JSON at byte ") << false;
    QTest::newRow("not an object")
        << QStringLiteral("not-an-object") << QStringLiteral("must hold a JSON object") << true;
    QTest::newRow("missing starter file")
        << QStringLiteral("missing-starter")
        << QStringLiteral("\"languages.go.starter\" names %DIR%/go/absent.go, which does not exist")
        << true;
    QTest::newRow("unknown kind") << QStringLiteral("unknown-kind")
                                  << QStringLiteral(
                                         "check \"no-races\" has an unknown \"kind\": \"no-races\"")
                                  << true;
    QTest::newRow("missing points")
        << QStringLiteral("missing-points")
        << QStringLiteral("check \"build\" needs \"points\", a whole number of 0 or more") << true;
    QTest::newRow("duplicate check id")
        << QStringLiteral("duplicate-id") << QStringLiteral("two checks are called \"build\"")
        << true;
    QTest::newRow("vet for cpp without override")
        << QStringLiteral("vet-for-cpp")
        << QStringLiteral("check \"locks\": \"vet\" checks exist for Go only; give \"cpp\" an "
                          "override")
        << true;
    QTest::newRow("harness check without harness file")
        << QStringLiteral("harness-without-file")
        << QStringLiteral("check \"hidden\" needs a harness for Go") << true;
    QTest::newRow("unknown language")
        << QStringLiteral("unknown-language")
        << QStringLiteral("unknown language \"rust\" (use \"go\" or \"cpp\")") << true;
    QTest::newRow("missing instructions")
        << QStringLiteral("missing-instructions")
        << QStringLiteral("the instructions file instructions.md does not exist") << true;
    QTest::newRow("no checks") << QStringLiteral("no-checks")
                               << QStringLiteral("\"checks\" must list at least one check") << true;
    QTest::newRow("zero limit") << QStringLiteral("zero-limit")
                                << QStringLiteral("limits.runSeconds must be a positive whole "
                                                  "number")
                                << true;
    QTest::newRow("memory limit as text")
        << QStringLiteral("text-memory-limit")
        << QStringLiteral("limits.runMemoryMiB must be a positive whole number") << true;
    QTest::newRow("unknown requirement")
        << QStringLiteral("unknown-requirement")
        << QStringLiteral("check \"races\" requires \"totl\", which is not another check of this "
                          "exercise")
        << true;
    QTest::newRow("check requires itself")
        << QStringLiteral("requires-itself")
        << QStringLiteral("check \"races\" requires \"races\", which is not another check of this "
                          "exercise")
        << true;
    QTest::newRow("match that is no object")
        << QStringLiteral("match-not-object") << QStringLiteral("\"match\" must be an object")
        << true;
    QTest::newRow("match name without a letter")
        << QStringLiteral("match-bad-name")
        << QStringLiteral("\"match.names\" must hold phrases with letters or digits, such as "
                          "\"safe counter\"")
        << true;
    QTest::newRow("match define that is no name")
        << QStringLiteral("match-bad-define")
        << QStringLiteral("\"match.defines\" holds \"Safe Counter\", which is not a name a "
                          "program can define")
        << true;
    QTest::newRow("match define for a language the exercise lacks")
        << QStringLiteral("match-unknown-language")
        << QStringLiteral("\"match.defines\" names \"cpp\", which is not a language of this "
                          "exercise")
        << true;
    QTest::newRow("final-line without expect")
        << QStringLiteral("final-line-without-expect")
        << QStringLiteral("check \"total\" needs \"expect\"") << true;
}

void TestExerciseLoader::brokenManifest()
{
    QFETCH(QString, folder);
    QFETCH(QString, reason);
    QFETCH(bool, exact);

    const QString directory = dataDir("broken") + u'/' + folder;
    QVERIFY2(QFileInfo(directory + QStringLiteral("/exercise.json")).isFile(),
             qPrintable(directory));
    const Expected<Exercise> loaded = ExerciseLoader::loadExercise(directory);
    QVERIFY(!loaded.hasValue());
    QVERIFY(!bool(loaded));

    const QString prefix = directory + QStringLiteral("/exercise.json: ");
    const QString expected = prefix + QString(reason).replace(QStringLiteral("%DIR%"), directory);
    if (exact) {
        QCOMPARE(loaded.error(), expected);
    } else {
        QVERIFY2(loaded.error().startsWith(expected), qPrintable(loaded.error()));
        QVERIFY2(loaded.error().size() > expected.size(), qPrintable(loaded.error()));
    }
}

void TestExerciseLoader::missingManifest()
{
    const QString directory = dataDir("catalog/not-an-exercise");
    const Expected<Exercise> loaded = ExerciseLoader::loadExercise(directory);
    QVERIFY(!loaded.hasValue());
    const QString prefix = directory + QStringLiteral("/exercise.json: cannot be read (");
    QVERIFY2(loaded.error().startsWith(prefix), qPrintable(loaded.error()));
    QVERIFY2(loaded.error().endsWith(u')'), qPrintable(loaded.error()));
}

void TestExerciseLoader::catalogOfSingleExercise()
{
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog({m_valid});
    QCOMPARE(catalog.errors, QStringList());
    QCOMPARE(ids(catalog.exercises), QStringList{QStringLiteral("counter-fixture")});
    QCOMPARE(catalog.exercises.first().directory, m_valid);
    QVERIFY(catalog.find(u"counter-fixture"));
    QCOMPARE(catalog.find(u"counter-fixture")->title, QStringLiteral("Counter fixture"));
    QVERIFY(!catalog.find(u"counter"));
}

void TestExerciseLoader::catalogOfFolders()
{
    // Sorted by order, then id: beta (1), gamma-folder (1), alpha (2), zeta (1000). The folder
    // without a manifest is no exercise and no error.
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog({dataDir("catalog")});
    QCOMPARE(catalog.errors, QStringList());
    QCOMPARE(ids(catalog.exercises),
             (QStringList{QStringLiteral("beta"), QStringLiteral("gamma-folder"),
                          QStringLiteral("alpha"), QStringLiteral("zeta")}));
    QCOMPARE(catalog.find(u"alpha")->directory, dataDir("catalog/alpha"));
    QVERIFY(!catalog.find(u"not-an-exercise"));
}

void TestExerciseLoader::catalogMissingRoot()
{
    const QString missing = QDir::tempPath() + QStringLiteral("/racegrade-no-such-exercise-root");
    QVERIFY(!QFileInfo::exists(missing));

    const ExerciseCatalog alone = ExerciseLoader::loadCatalog({missing});
    QCOMPARE(alone.exercises.size(), 0);
    QCOMPARE(alone.errors,
             QStringList{missing + QStringLiteral(": the exercise folder does not exist")});

    // A missing root does not keep the others from loading.
    const ExerciseCatalog mixed = ExerciseLoader::loadCatalog({missing, m_valid});
    QCOMPARE(ids(mixed.exercises), QStringList{QStringLiteral("counter-fixture")});
    QCOMPARE(mixed.errors,
             QStringList{missing + QStringLiteral(": the exercise folder does not exist")});
}

void TestExerciseLoader::catalogFirstRootWins_data()
{
    QTest::addColumn<bool>("firstRootFirst");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::addColumn<QString>("betaTitle");
    QTest::addColumn<QString>("betaFolder");

    QTest::newRow("catalog, then catalog-second")
        << true
        << QStringList{QStringLiteral("beta"), QStringLiteral("gamma-folder"),
                       QStringLiteral("alpha"), QStringLiteral("delta"), QStringLiteral("zeta")}
        << QStringLiteral("Beta from the first root") << QStringLiteral("catalog/beta");
    // The second root's beta has order 0, so it also moves to the front when it wins.
    QTest::newRow("catalog-second, then catalog")
        << false
        << QStringList{QStringLiteral("beta"), QStringLiteral("gamma-folder"),
                       QStringLiteral("alpha"), QStringLiteral("delta"), QStringLiteral("zeta")}
        << QStringLiteral("Beta from the second root") << QStringLiteral("catalog-second/beta");
}

void TestExerciseLoader::catalogFirstRootWins()
{
    QFETCH(bool, firstRootFirst);
    QFETCH(QStringList, expectedIds);
    QFETCH(QString, betaTitle);
    QFETCH(QString, betaFolder);

    QStringList roots{dataDir("catalog"), dataDir("catalog-second")};
    if (!firstRootFirst) {
        std::reverse(roots.begin(), roots.end());
    }
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog(roots);
    QCOMPARE(catalog.errors, QStringList());
    QCOMPARE(ids(catalog.exercises), expectedIds);
    QCOMPARE(catalog.exercises.first().title, betaTitle);
    QCOMPARE(catalog.exercises.first().order, firstRootFirst ? 1 : 0);
    QCOMPARE(catalog.find(u"beta")->directory, dataDir(betaFolder.toUtf8().constData()));
}

void TestExerciseLoader::catalogListsBrokenManifests()
{
    const QString root = dataDir("broken");
    const QStringList folders = QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(folders.size(), 20);

    // Each refused manifest is also logged as a warning.
    for (const QString &folder : folders) {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u'^' + QRegularExpression::escape(
                                                           root + u'/' + folder +
                                                           QStringLiteral("/exercise.json: "))));
    }
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog({root, m_valid});
    QCOMPARE(ids(catalog.exercises), QStringList{QStringLiteral("counter-fixture")});
    QCOMPARE(catalog.errors.size(), folders.size());
    for (qsizetype i = 0; i < folders.size(); ++i) {
        // One message per manifest, in folder order, each naming its manifest.
        const QString prefix = root + u'/' + folders.at(i) + QStringLiteral("/exercise.json: ");
        QVERIFY2(catalog.errors.at(i).startsWith(prefix), qPrintable(catalog.errors.at(i)));
    }
}

void TestExerciseLoader::defaultRootsStartWithEnvironment()
{
    const QByteArray saved = qgetenv("RACEGRADE_EXERCISES_DIR");
    const bool wasSet = qEnvironmentVariableIsSet("RACEGRADE_EXERCISES_DIR");

    qputenv("RACEGRADE_EXERCISES_DIR", QFile::encodeName(m_valid));
    const QStringList withVariable = ExerciseLoader::defaultRoots();
    qunsetenv("RACEGRADE_EXERCISES_DIR");
    const QStringList withoutVariable = ExerciseLoader::defaultRoots();
    if (wasSet) {
        qputenv("RACEGRADE_EXERCISES_DIR", saved);
    }

    QVERIFY(!withVariable.isEmpty());
    QCOMPARE(withVariable.first(), m_valid);
    QVERIFY(!withoutVariable.contains(m_valid));
    // Besides the variable, at most one exercise pack is searched, and only one that exists.
    QCOMPARE(withVariable.mid(1), withoutVariable);
    QVERIFY(withoutVariable.size() <= 1);
    for (const QString &root : withoutVariable) {
        QVERIFY2(QFileInfo(root).isDir(), qPrintable(root));
    }
}

QTEST_GUILESS_MAIN(TestExerciseLoader)
#include "tst_exerciseloader.moc"
