#include "classgenerator.h"
#include "classlayoutdetector.h"
#include "classplanner.h"
#include "definitionscanner.h"
#include "exerciseloader.h"
#include "exercisematcher.h"
#include "testarchive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace RaceGrade;
using namespace RaceGrade::TestSupport;

namespace {

QByteArray corpus(const QString &relative)
{
    QFile file(ClassGenerator::corpusDir() + u'/' + relative);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return false;
    }
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
}

/// Every regular file under `directory` with the SHA-256 of its bytes, sorted.
QStringList treeDigest(const QString &directory)
{
    QStringList lines;
    const QDir root(directory);
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            lines.append(root.relativeFilePath(path) + QStringLiteral(" unreadable"));
            continue;
        }
        lines.append(
            root.relativeFilePath(path) + u' ' +
            QString::fromLatin1(
                QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    }
    lines.sort();
    return lines;
}

/// "folder/" is a folder, anything else a regular file.
QVector<LayoutEntry> layoutEntries(const QStringList &names)
{
    QVector<LayoutEntry> entries;
    for (const QString &name : names) {
        const bool folder = name.endsWith(u'/');
        entries.append({folder ? name.chopped(1) : name, folder, !folder});
    }
    return entries;
}

QStringList repeated(const QString &pattern, int count)
{
    QStringList names;
    for (int i = 0; i < count; ++i) {
        names.append(pattern.arg(i));
    }
    return names;
}

const PlannedFile *findFile(const ClassPlan &plan, const QString &relativePath)
{
    for (const PlannedStudent &student : plan.students) {
        for (const PlannedFile &file : student.files) {
            if (file.relativePath == relativePath) {
                return &file;
            }
        }
    }
    return nullptr;
}

QStringList problemPaths(const ClassPlan &plan)
{
    QStringList paths;
    for (const InputProblem &problem : plan.problems) {
        paths.append(problem.path);
    }
    paths.sort();
    return paths;
}

QStringList messages(const QVector<InputProblem> &problems)
{
    QStringList list;
    for (const InputProblem &problem : problems) {
        list.append(problem.message);
    }
    return list;
}

QString fileLine(const QString &path, const QString &exercise, Language language, bool chosen,
                 ExerciseMatch match)
{
    return QStringLiteral("%1 | %2 | %3 | %4 | %5")
        .arg(path, exercise.isEmpty() ? QStringLiteral("-") : exercise, languageId(language),
             chosen ? QStringLiteral("chosen") : QStringLiteral("not chosen"),
             exerciseMatchId(match));
}

// Small Go files whose size the tests control.
const QByteArray smallCounter = "package main\n\ntype SafeCounter struct{ n int }\n\n"
                                "func (c *SafeCounter) Inc()      { c.n++ }\n"
                                "func (c *SafeCounter) Value() int { return c.n }\n\n"
                                "func main() {}\n";
const QByteArray testFile = "package main\n\nimport \"testing\"\n\n"
                            "func TestCounter(t *testing.T) {}\n";

} // namespace

/// Checks how a class folder becomes a plan: the layout, the platforms' names, which exercise
/// each file is for and why, the choice between two files, the TA's corrections, and that the
/// safety rules of ClassFolder hold through the planner. Classes come from the shared
/// generator (tests/common) or are built in a temporary folder.
class TestClassPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // ClassLayoutDetector
    void detectsLayout_data();
    void detectsLayout();
    void parsesCanvasNames_data();
    void parsesCanvasNames();
    void parsesMoodleNames_data();
    void parsesMoodleNames();
    void namesLayouts();

    // DefinitionScanner and ExerciseMatcher
    void findsDefinitions_data();
    void findsDefinitions();
    void cutsNamesIntoWords_data();
    void cutsNamesIntoWords();
    void exerciseFor_data();
    void exerciseFor();
    void skipsExercisesWithoutTheLanguage();

    // The generator and the planner together
    void plansGeneratedClass_data();
    void plansGeneratedClass();
    void generatorIsDeterministic();
    void generatorCoversEveryKind_data();
    void generatorCoversEveryKind();

    // ClassPlanner
    void choosesOneFilePerExercise_data();
    void choosesOneFilePerExercise();
    void reportsFilesThatFitNoExercise();
    void readsCanvasDownload();
    void readsMoodleDownload();
    void assignsByHand();
    void refusesEscapes_data();
    void refusesEscapes();

private:
    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    QString classPath(const QString &relative) const
    {
        return path(QStringLiteral("class/") + relative);
    }
    ClassPlan planClass() const
    {
        return ClassPlanner::plan(path(QStringLiteral("class")), m_exercises,
                                  path(QStringLiteral("scratch")));
    }

    QVector<Exercise> m_exercises;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestClassPlanner::initTestCase()
{
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog(
        {QStringLiteral(RACEGRADE_SOURCE_DIR) + QStringLiteral("/exercises")});
    QCOMPARE(catalog.errors, QStringList());
    m_exercises = catalog.exercises;
    QStringList ids;
    for (const Exercise &exercise : std::as_const(m_exercises)) {
        ids.append(exercise.id);
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("safe-counter"), QStringLiteral("parallel-fetch"),
                               QStringLiteral("config-once")}));
    QVERIFY(!corpus(QStringLiteral("go/safe-counter/correct.go")).isEmpty());
}

void TestClassPlanner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    QVERIFY(QDir().mkpath(path(QStringLiteral("class"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("scratch"))));
}

void TestClassPlanner::cleanup()
{
    m_dir.reset();
}

void TestClassPlanner::detectsLayout_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("reason");

    QTest::newRow("Moodle with two stray entries")
        << repeated(QStringLiteral("Student %1_%1_assignsubmission_file_/"), 38) +
               QStringList{QStringLiteral("grades.csv"), QStringLiteral("notes/")}
        << QStringLiteral("moodle")
        << QStringLiteral("38 of 40 entries are named the way Moodle names submissions "
                          "(\"Full Name_12345_assignsubmission_file_\")");
    QTest::newRow("Moodle's flat download")
        << repeated(QStringLiteral("Student %1_%1_assignsubmission_file_counter.go"), 3)
        << QStringLiteral("moodle")
        << QStringLiteral("3 of 3 entries are named the way Moodle names submissions "
                          "(\"Full Name_12345_assignsubmission_file_\")");
    QTest::newRow("Canvas with a grades file")
        << repeated(QStringLiteral("student%1_4%1_22%1_counter.go"), 40) +
               QStringList{QStringLiteral("grades.csv")}
        << QStringLiteral("canvas")
        << QStringLiteral("40 of 41 entries are files named the way Canvas names submissions "
                          "(\"name_userid_submissionid_file\")");
    QTest::newRow("one Canvas file")
        << QStringList{QStringLiteral("leeana_48213_2291887_counter.go")}
        << QStringLiteral("canvas")
        << QStringLiteral("1 of 1 entry is a file named the way Canvas names a submission "
                          "(\"name_userid_submissionid_file\")");
    QTest::newRow("Canvas names in a minority")
        << QStringList{QStringLiteral("leeana_48213_2291887_counter.go"), QStringLiteral("Ana/"),
                       QStringLiteral("Bo/"), QStringLiteral("Cy/")}
        << QStringLiteral("folders")
        << QStringLiteral("3 of 4 entries are folders, one per student");
    QTest::newRow("folders and a note")
        << QStringList{QStringLiteral("Ana/"), QStringLiteral("Bo/"), QStringLiteral("Cy/"),
                       QStringLiteral("notes.txt")}
        << QStringLiteral("folders")
        << QStringLiteral("3 of 4 entries are folders, one per student");
    QTest::newRow("one folder") << QStringList{QStringLiteral("Ana/")} << QStringLiteral("folders")
                                << QStringLiteral("1 of 1 entry is a folder, taken as one "
                                                  "student's");
    QTest::newRow("archives")
        << QStringList{QStringLiteral("Ana.zip"), QStringLiteral("Bo.tar.gz")}
        << QStringLiteral("archives")
        << QStringLiteral("2 of 2 entries are .zip, .tar or .tar.gz archives, one per student");
    QTest::newRow("folders and an archive")
        << QStringList{QStringLiteral("Ana/"), QStringLiteral("Bo/"), QStringLiteral("Cy.tgz")}
        << QStringLiteral("mixed")
        << QStringLiteral("2 of 3 entries are student folders and 1 is an archive, one per "
                          "student");
    QTest::newRow("nothing") << QStringList() << QStringLiteral("empty")
                             << QStringLiteral("the class folder is empty");
    QTest::newRow("loose files")
        << QStringList{QStringLiteral("counter.go"), QStringLiteral("notes.txt")}
        << QStringLiteral("empty")
        << QStringLiteral("none of the 2 entries is a student folder, an archive or a file named "
                          "the way Canvas or Moodle names submissions");
    QTest::newRow("a Moodle-named file that is a folder")
        << QStringList{QStringLiteral("Ana_1_assignsubmission_file_counter.go/")}
        << QStringLiteral("folders")
        << QStringLiteral("1 of 1 entry is a folder, taken as one student's");
}

void TestClassPlanner::detectsLayout()
{
    QFETCH(QStringList, entries);
    QFETCH(QString, layout);
    QFETCH(QString, reason);

    const LayoutGuess guess = ClassLayoutDetector::detect(layoutEntries(entries));
    QCOMPARE(classLayoutId(guess.layout), layout);
    QCOMPARE(guess.reason, reason);
}

void TestClassPlanner::parsesCanvasNames_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("parts"); // name, user, submission, original
    QTest::addColumn<bool>("late");
    QTest::addColumn<int>("revision");

    QTest::newRow("plain") << QStringLiteral("leeana_48213_2291887_safe_counter.go") << true
                           << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"),
                                          QStringLiteral("2291887"),
                                          QStringLiteral("safe_counter.go")}
                           << false << 0;
    QTest::newRow("late") << QStringLiteral("leeana_LATE_48213_2291887_counter.go") << true
                          << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"),
                                         QStringLiteral("2291887"), QStringLiteral("counter.go")}
                          << true << 0;
    QTest::newRow("uploaded a second time")
        << QStringLiteral("leeana_48213_2291887_counter-1.go") << true
        << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"), QStringLiteral("2291887"),
                       QStringLiteral("counter-1.go")}
        << false << 1;
    QTest::newRow("late and a third time")
        << QStringLiteral("leeana_LATE_48213_2291887_safe_counter-2.cpp") << true
        << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"), QStringLiteral("2291887"),
                       QStringLiteral("safe_counter-2.cpp")}
        << true << 2;
    QTest::newRow("archive") << QStringLiteral("leeana_48213_2291887_main.zip") << true
                             << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"),
                                            QStringLiteral("2291887"), QStringLiteral("main.zip")}
                             << false << 0;
    QTest::newRow("archive uploaded again")
        << QStringLiteral("leeana_48213_2291887_main-1.tar.gz") << true
        << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"), QStringLiteral("2291887"),
                       QStringLiteral("main-1.tar.gz")}
        << false << 1;
    QTest::newRow("underscores in the original name")
        << QStringLiteral("garc\u00edazo\u00eb_50002_2291901_my_config_once.go") << true
        << QStringList{QStringLiteral("garc\u00edazo\u00eb"), QStringLiteral("50002"),
                       QStringLiteral("2291901"), QStringLiteral("my_config_once.go")}
        << false << 0;
    QTest::newRow("a dash that is no number")
        << QStringLiteral("leeana_48213_2291887_config-once.go") << true
        << QStringList{QStringLiteral("leeana"), QStringLiteral("48213"), QStringLiteral("2291887"),
                       QStringLiteral("config-once.go")}
        << false << 0;
    QTest::newRow("one number only")
        << QStringLiteral("leeana_48213_counter.go") << false << QStringList() << false << 0;
    QTest::newRow("words for numbers")
        << QStringLiteral("notes_on_the_counter.go") << false << QStringList() << false << 0;
    QTest::newRow("a student's folder name")
        << QStringLiteral("Ana Lee") << false << QStringList() << false << 0;
}

void TestClassPlanner::parsesCanvasNames()
{
    QFETCH(QString, fileName);
    QFETCH(bool, valid);
    QFETCH(QStringList, parts);
    QFETCH(bool, late);
    QFETCH(int, revision);

    const std::optional<CanvasFileName> parsed = ClassLayoutDetector::parseCanvas(fileName);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid) {
        return;
    }
    QCOMPARE((QStringList{parsed->name, parsed->userId, parsed->submissionId, parsed->original}),
             parts);
    QCOMPARE(parsed->late, late);
    QCOMPARE(parsed->revision, revision);
}

void TestClassPlanner::parsesMoodleNames_data()
{
    QTest::addColumn<QString>("entryName");
    QTest::addColumn<QStringList>("parts"); // name, id, plugin, rest; empty when invalid

    QTest::newRow("folder of files")
        << QStringLiteral("Ana Lee_12345_assignsubmission_file_")
        << QStringList{QStringLiteral("Ana Lee"), QStringLiteral("12345"), QStringLiteral("file"),
                       QString()};
    QTest::newRow("online text") << QStringLiteral("Ana Lee_12345_assignsubmission_onlinetext_")
                                 << QStringList{QStringLiteral("Ana Lee"), QStringLiteral("12345"),
                                                QStringLiteral("onlinetext"), QString()};
    QTest::newRow("flat file with underscores in the name")
        << QStringLiteral("Ana_Lee_12345_assignsubmission_file_safe_counter.go")
        << QStringList{QStringLiteral("Ana_Lee"), QStringLiteral("12345"), QStringLiteral("file"),
                       QStringLiteral("safe_counter.go")};
    QTest::newRow("comma and accents")
        << QStringLiteral("Garc\u00eda, Zo\u00eb_7_assignsubmission_file_")
        << QStringList{QStringLiteral("Garc\u00eda, Zo\u00eb"), QStringLiteral("7"),
                       QStringLiteral("file"), QString()};
    QTest::newRow("no id") << QStringLiteral("Ana Lee_assignsubmission_file_") << QStringList();
    QTest::newRow("no plugin") << QStringLiteral("Ana Lee_12345_file_") << QStringList();
}

void TestClassPlanner::parsesMoodleNames()
{
    QFETCH(QString, entryName);
    QFETCH(QStringList, parts);

    const std::optional<MoodleEntryName> parsed = ClassLayoutDetector::parseMoodle(entryName);
    QCOMPARE(parsed.has_value(), !parts.isEmpty());
    if (parsed) {
        QCOMPARE((QStringList{parsed->name, parsed->participantId, parsed->plugin, parsed->rest}),
                 parts);
    }
}

void TestClassPlanner::namesLayouts()
{
    for (const ClassLayout layout :
         {ClassLayout::Folders, ClassLayout::Archives, ClassLayout::Canvas, ClassLayout::Moodle,
          ClassLayout::Mixed, ClassLayout::Empty}) {
        const QString id = classLayoutId(layout);
        QVERIFY(!id.isEmpty());
        QCOMPARE(classLayoutFromId(id), std::optional<ClassLayout>(layout));
    }
    QCOMPARE(classLayoutId(ClassLayout::Canvas), QStringLiteral("canvas"));
    QVERIFY(!classLayoutFromId(u"blackboard").has_value());
}

void TestClassPlanner::findsDefinitions_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("Go type and methods")
        << QStringLiteral("go")
        << QByteArray("package main\n\ntype SafeCounter struct {\n\tmu sync.Mutex\n\tn int\n}\n\n"
                      "func (c *SafeCounter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }\n"
                      "func (c SafeCounter) Value() int { return c.n }\n"
                      "func main() {}\n")
        << QStringList{QStringLiteral("SafeCounter"), QStringLiteral("Inc"),
                       QStringLiteral("Value"), QStringLiteral("main")};
    QTest::newRow("Go type group")
        << QStringLiteral("go")
        << QByteArray("type (\n\tSettings struct {\n\t\tURL string\n\t}\n\tConfig struct{ once "
                      "sync.Once }\n\tid int\n)\n")
        << QStringList{QStringLiteral("Settings"), QStringLiteral("Config"), QStringLiteral("id")};
    QTest::newRow("Go generics") << QStringLiteral("go")
                                 << QByteArray("func Map[T any](xs []T) []T { return xs }\n"
                                               "func (b *Box[T]) Load() *T { return &b.v }\n")
                                 << QStringList{QStringLiteral("Map"), QStringLiteral("Load")};
    QTest::newRow("Go comments, strings, runes and raw strings")
        << QStringLiteral("go")
        << QByteArray("// func Fake() {}\n/* type Hidden int\nfunc AlsoHidden() {} */\n"
                      "var s = \"func Str() {} \\\" type Esc int\"\n"
                      "var r = `type Raw int\nfunc RawF() {}`\nvar q = '\"'\nfunc Real() {}\n")
        << QStringList{QStringLiteral("Real")};
    QTest::newRow("Go function literals")
        << QStringLiteral("go")
        << QByteArray("func main() {\n\tgo func(i int) {\n\t}(1)\n\tf := func() {}\n\t_ = f\n}\n")
        << QStringList{QStringLiteral("main")};
    QTest::newRow("C++ class, in-class and out-of-class members")
        << QStringLiteral("cpp")
        << QByteArray("class SafeCounter {\npublic:\n    void Inc() { std::scoped_lock lock(m); "
                      "++n; }\n    int Value() const;\nprivate:\n    std::mutex m;\n    int n = "
                      "0;\n};\nint SafeCounter::Value() const { return n; }\nint main() {}\n")
        << QStringList{QStringLiteral("SafeCounter"), QStringLiteral("Inc"),
                       QStringLiteral("Value"), QStringLiteral("main")};
    QTest::newRow("C++ forward declarations")
        << QStringLiteral("cpp") << QByteArray("struct Settings;\nclass Config;\n")
        << QStringList();
    QTest::newRow("C++ calls and objects")
        << QStringLiteral("cpp")
        << QByteArray("int main() {\n    SafeCounter c;\n    c.Inc();\n    std::cout << c.Value() "
                      "<< Value() << std::endl;\n    auto x = ParallelFetch(urls);\n    "
                      "std::thread t([&] { c.Inc(); });\n    std::string s(\"Load\");\n    "
                      "std::vector<int> v(10);\n    if (ok) Load();\n    return Load();\n}\n")
        << QStringList{QStringLiteral("main")};
    QTest::newRow("C++ template return type")
        << QStringLiteral("cpp")
        << QByteArray("std::pair<std::vector<std::string>, std::vector<std::string>>\n"
                      "ParallelFetch(const std::vector<std::string> &urls)\n{\n    return {};\n}\n")
        << QStringList{QStringLiteral("ParallelFetch")};
    QTest::newRow("C++ raw string, directive, digit separator, char literal")
        << QStringLiteral("cpp")
        << QByteArray("#define Inc() Value()\n#include \"safe_counter.h\"\n"
                      "const char *s = R\"x(struct Hidden { void Value(); })x\";\n"
                      "int big = 1'000'000;\nchar q = '\"';\nstruct Visible : Base {};\n"
                      "void After() {}\n")
        << QStringList{QStringLiteral("Visible"), QStringLiteral("After")};
    QTest::newRow("C++ aliases and enums")
        << QStringLiteral("cpp")
        << QByteArray("using Settings = std::map<std::string, int>;\nenum class Mode { Fast };\n"
                      "union U { int a; };\n")
        << QStringList{QStringLiteral("Settings"), QStringLiteral("Mode"), QStringLiteral("U")};
    QTest::newRow("C++ attributes, final, noexcept, trailing return")
        << QStringLiteral("cpp")
        << QByteArray("struct [[nodiscard]] Config final {\n    [[nodiscard]] const Settings "
                      "*Load() noexcept;\n};\nauto Make() -> Config * { return nullptr; }\n"
                      "bool operator==(const Config &, const Config &) { return true; }\n")
        << QStringList{QStringLiteral("Config"), QStringLiteral("Load"), QStringLiteral("Make")};
}

void TestClassPlanner::findsDefinitions()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, source);
    QFETCH(QStringList, names);

    const QStringList found = DefinitionScanner::definedNames(source, *languageFromId(language));
    QVERIFY2(found == names, qPrintable(found.join(u',')));
}

void TestClassPlanner::cutsNamesIntoWords_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("snake") << QStringLiteral("safe_counter")
                           << QStringList{QStringLiteral("safe"), QStringLiteral("counter")};
    QTest::newRow("camel") << QStringLiteral("SafeCounter")
                           << QStringList{QStringLiteral("safe"), QStringLiteral("counter")};
    QTest::newRow("lower camel") << QStringLiteral("parallelFetch")
                                 << QStringList{QStringLiteral("parallel"),
                                                QStringLiteral("fetch")};
    QTest::newRow("Canvas's number")
        << QStringLiteral("safe-counter-1")
        << QStringList{QStringLiteral("safe"), QStringLiteral("counter"), QStringLiteral("1")};
    QTest::newRow("acronym") << QStringLiteral("HTTPServer")
                             << QStringList{QStringLiteral("http"), QStringLiteral("server")};
    QTest::newRow("digits") << QStringLiteral("counter2")
                            << QStringList{QStringLiteral("counter"), QStringLiteral("2")};
    QTest::newRow("shouting") << QStringLiteral("CONFIG_ONCE")
                              << QStringList{QStringLiteral("config"), QStringLiteral("once")};
    QTest::newRow("accents and spaces")
        << QStringLiteral("Zo\u00eb Ng")
        << QStringList{QStringLiteral("zo\u00eb"), QStringLiteral("ng")};
    QTest::newRow("nothing") << QStringLiteral("--") << QStringList();
}

void TestClassPlanner::cutsNamesIntoWords()
{
    QFETCH(QString, name);
    QFETCH(QStringList, words);
    QCOMPARE(ExerciseMatcher::nameWords(name), words);
}

void TestClassPlanner::exerciseFor_data()
{
    QTest::addColumn<QString>("namedAs");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<QString>("reason");

    const QByteArray goCounter = corpus(QStringLiteral("go/safe-counter/correct.go"));
    const QByteArray cppCounter = corpus(QStringLiteral("cpp/safe-counter/correct.cpp"));
    const QByteArray goFetch = corpus(QStringLiteral("go/parallel-fetch/correct.go"));
    const QByteArray cppFetch = corpus(QStringLiteral("cpp/parallel-fetch/correct.cpp"));
    const QByteArray goConfig = corpus(QStringLiteral("go/config-once/correct.go"));
    const QByteArray cppRenamed = corpus(QStringLiteral("cpp/config-once/renamed-function.cpp"));

    QTest::newRow("safe_counter.go")
        << QStringLiteral("safe_counter.go") << goCounter << QStringLiteral("safe-counter")
        << QStringLiteral("its name safe_counter.go names "
                          "safe-counter");
    QTest::newRow("safe-counter.cpp")
        << QStringLiteral("safe-counter.cpp") << cppCounter << QStringLiteral("safe-counter")
        << QStringLiteral("its name safe-counter.cpp names "
                          "safe-counter");
    QTest::newRow("counter.cpp") << QStringLiteral("counter.cpp") << cppCounter
                                 << QStringLiteral("safe-counter")
                                 << QStringLiteral("its name counter.cpp names safe-counter");
    QTest::newRow("SafeCounter.go")
        << QStringLiteral("SafeCounter.go") << goCounter << QStringLiteral("safe-counter")
        << QStringLiteral("its name SafeCounter.go names "
                          "safe-counter");
    QTest::newRow("a folder per exercise")
        << QStringLiteral("config-once/main.go") << goConfig << QStringLiteral("config-once")
        << QStringLiteral("its folder config-once names config-once");
    QTest::newRow("the file's name before its folder's")
        << QStringLiteral("config-once/fetch.go") << goFetch << QStringLiteral("parallel-fetch")
        << QStringLiteral("its name fetch.go names parallel-fetch");
    QTest::newRow("Canvas's original name, uploaded again")
        << QStringLiteral("safe_counter-1.go") << goCounter << QStringLiteral("safe-counter")
        << QStringLiteral("its name safe_counter-1.go names safe-counter");
    QTest::newRow("an archive's name as a folder")
        << QStringLiteral("week3/ParallelFetch.cc") << cppFetch << QStringLiteral("parallel-fetch")
        << QStringLiteral("its name ParallelFetch.cc names parallel-fetch");
    QTest::newRow("two words beat one")
        << QStringLiteral("parallel_fetch_counter.go") << goFetch
        << QStringLiteral("parallel-fetch")
        << QStringLiteral("its name parallel_fetch_counter.go names parallel-fetch");
    QTest::newRow("content: SafeCounter, Inc, Value")
        << QStringLiteral("main.go") << goCounter << QStringLiteral("safe-counter")
        << QStringLiteral("it defines SafeCounter with Inc and Value");
    QTest::newRow("content: ParallelFetch")
        << QStringLiteral("solution.cpp") << cppFetch << QStringLiteral("parallel-fetch")
        << QStringLiteral("it defines ParallelFetch");
    QTest::newRow("content: Config, Load, Settings")
        << QStringLiteral("answer.go") << goConfig << QStringLiteral("config-once")
        << QStringLiteral("it defines Config with Load and Settings");
    QTest::newRow("content: part of config-once")
        << QStringLiteral("main.cpp") << cppRenamed << QStringLiteral("config-once")
        << QStringLiteral("it defines Config and Settings (not Load)");
    QTest::newRow("content: out-of-class C++ members")
        << QStringLiteral("impl.cpp")
        << QByteArray("class SafeCounter {\npublic:\n    void Inc();\n    int Value() const;\n"
                      "};\nvoid SafeCounter::Inc() {}\nint SafeCounter::Value() const { return "
                      "0; }\n")
        << QStringLiteral("safe-counter")
        << QStringLiteral("it defines SafeCounter with Inc and Value");
    QTest::newRow("comments and strings do not count")
        << QStringLiteral("main.go")
        << QByteArray("package main\n\n// type SafeCounter struct{}\n// func (c *SafeCounter) "
                      "Inc() {}\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"func "
                      "ParallelFetch(urls []string)\")\n\t_ = `type Config struct{}\nfunc (c "
                      "*Config) Load() *Settings`\n}\n")
        << QString()
        << QStringLiteral("its name main.go names no exercise, and it defines none of the types "
                          "and functions an exercise asks for");
    QTest::newRow("C++ raw strings and directives do not count")
        << QStringLiteral("main.cpp")
        << QByteArray("#define SafeCounter Counter\n/* class Config { Settings *Load(); }; */\n"
                      "const char *text = R\"(struct SafeCounter { void Inc(); int Value(); "
                      "};)\";\nint main() { return 0; }\n")
        << QString()
        << QStringLiteral("its name main.cpp names no exercise, and it defines none of the types "
                          "and functions an exercise asks for");
    QTest::newRow("uses the names without defining them")
        << QStringLiteral("main.cpp")
        << QByteArray("#include \"safe_counter.h\"\nint main() {\n    SafeCounter c;\n    "
                      "c.Inc();\n    return c.Value();\n}\n")
        << QString()
        << QStringLiteral("its name main.cpp names no exercise, and it defines none of the types "
                          "and functions an exercise asks for");
    QTest::newRow("too little of any exercise")
        << QStringLiteral("helper.go")
        << QByteArray("package main\n\nfunc Value() int { return "
                      "1 }\n")
        << QString()
        << QStringLiteral("its name helper.go names no exercise, and of the types and functions "
                          "an exercise asks for it defines only Value");
    QTest::newRow("everything of two exercises")
        << QStringLiteral("both.go")
        << QByteArray("package main\ntype SafeCounter struct{}\nfunc (c *SafeCounter) Inc() {}\n"
                      "func (c *SafeCounter) Value() int { return 0 }\ntype Settings struct{}\n"
                      "type Config struct{}\nfunc (c *Config) Load() *Settings { return nil }\n")
        << QString()
        << QStringLiteral("it defines everything both safe-counter and config-once ask for "
                          "(SafeCounter, Inc, Value; Config, Load, Settings); assign it by hand");
    QTest::newRow("as much of two exercises")
        << QStringLiteral("half.go")
        << QByteArray("package main\ntype SafeCounter struct{}\nfunc (c *SafeCounter) Inc() {}\n"
                      "type Config struct{}\nfunc (c *Config) Load() {}\n")
        << QString()
        << QStringLiteral("it fits safe-counter and config-once equally well (it defines "
                          "SafeCounter, Inc; Config, Load); assign it by hand");
    QTest::newRow("a name for two exercises, content for one")
        << QStringLiteral("counter_config.go") << goConfig << QStringLiteral("config-once")
        << QStringLiteral("its name counter_config.go names safe-counter and config-once, and it "
                          "defines Config with Load and Settings");
    QTest::newRow("a name for two exercises, content for none")
        << QStringLiteral("counter_config.go") << QByteArray() << QString()
        << QStringLiteral("its name counter_config.go names safe-counter and config-once, and "
                          "what it defines does not tell which; assign it by hand");
    QTest::newRow("the name wins over what it defines")
        << QStringLiteral("counter.go") << goConfig << QStringLiteral("safe-counter")
        << QStringLiteral("its name counter.go names safe-counter, though it defines what "
                          "config-once asks for (Config with Load and Settings)");
    QTest::newRow("an empty file by its name")
        << QStringLiteral("config_once.go") << QByteArray() << QStringLiteral("config-once")
        << QStringLiteral("its name config_once.go names config-once");
    QTest::newRow("a binary file by its name") << QStringLiteral("fetch.go")
                                               << QByteArray("\x7f"
                                                             "ELF\x02\x01\x01\x00\xff\xfe",
                                                             10)
                                               << QStringLiteral("parallel-fetch")
                                               << QStringLiteral("its name fetch.go names "
                                                                 "parallel-fetch");
    QTest::newRow("no language")
        << QStringLiteral("safe_counter.py") << QByteArray("class SafeCounter: pass\n") << QString()
        << QStringLiteral("its extension is not one of a language RaceGrade grades (.go, .cpp, "
                          ".cc, .cxx)");
}

void TestClassPlanner::exerciseFor()
{
    QFETCH(QString, namedAs);
    QFETCH(QByteArray, content);
    QFETCH(QString, exercise);
    QFETCH(QString, reason);

    const QPair<QString, QString> found = ClassPlanner::exerciseFor(namedAs, content, m_exercises);
    QCOMPARE(found.second, reason);
    QCOMPARE(found.first, exercise);
}

void TestClassPlanner::skipsExercisesWithoutTheLanguage()
{
    // A pack of one Go-only exercise, whose "defines" list holds for every language it has.
    const QString dir = path(QStringLiteral("pack/go-tally"));
    QVERIFY(writeFile(dir + QStringLiteral("/exercise.json"),
                      "{ \"id\": \"go-tally\", \"languages\": { \"go\": { \"starter\": "
                      "\"main.go\" } },\n  \"match\": { \"names\": [\"tally\"], \"defines\": "
                      "[\"Tally\"] },\n  \"checks\": [ { \"id\": \"build\", \"kind\": \"compile\", "
                      "\"points\": 1 } ] }\n"));
    QVERIFY(writeFile(dir + QStringLiteral("/main.go"), "package main\n\nfunc main() {}\n"));
    QVERIFY(writeFile(dir + QStringLiteral("/instructions.md"), "# Tally\n"));
    const Expected<Exercise> tally = ExerciseLoader::loadExercise(dir);
    QVERIFY2(tally.hasValue(), qPrintable(tally.error()));
    QCOMPARE(tally->match.defines.value(Language::Go), QStringList{QStringLiteral("Tally")});
    QVERIFY(!tally->match.defines.contains(Language::Cpp));

    const QVector<Exercise> pack{tally.value()};
    QCOMPARE(
        ClassPlanner::exerciseFor(QStringLiteral("tally.cpp"), "struct Tally {};", pack),
        qMakePair(QString(), QStringLiteral("its name tally.cpp names go-tally, which has no C++ "
                                            "version")));
    QCOMPARE(ClassPlanner::exerciseFor(QStringLiteral("main.go"), "type Tally int", pack),
             qMakePair(QStringLiteral("go-tally"), QStringLiteral("it defines Tally")));
    QCOMPARE(ClassPlanner::exerciseFor(QStringLiteral("go_tally.go"), QByteArray(), pack),
             qMakePair(QStringLiteral("go-tally"),
                       QStringLiteral("its name go_tally.go names go-tally")));
}

void TestClassPlanner::plansGeneratedClass_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<quint32>("seed");

    QTest::newRow("folders") << QStringLiteral("folders") << 7u;
    QTest::newRow("archives") << QStringLiteral("archives") << 7u;
    QTest::newRow("canvas") << QStringLiteral("canvas") << 7u;
    QTest::newRow("moodle") << QStringLiteral("moodle") << 7u;
    QTest::newRow("mixed") << QStringLiteral("mixed") << 7u;
    QTest::newRow("canvas, another seed") << QStringLiteral("canvas") << 2024u;
    QTest::newRow("folders, another seed") << QStringLiteral("folders") << 99u;
}

void TestClassPlanner::plansGeneratedClass()
{
    QFETCH(QString, layout);
    QFETCH(quint32, seed);

    const Expected<GeneratedClass> generated =
        ClassGenerator::write(path(QStringLiteral("generated")), *classLayoutFromId(layout), seed);
    QVERIFY2(generated.hasValue(), qPrintable(generated.error()));
    const GeneratedClass &expected = generated.value();
    const ClassPlan plan =
        ClassPlanner::plan(expected.directory, m_exercises, path(QStringLiteral("scratch")));

    // The layout, and a reason that counts the entries of the folder.
    QCOMPARE(classLayoutId(plan.layout), layout);
    const QFileInfoList top =
        QDir(expected.directory).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot);
    qsizetype folders = 0;
    for (const QFileInfo &entry : top) {
        folders += entry.isDir() ? 1 : 0;
    }
    const qsizetype total = top.size();
    const QHash<QString, QString> reasons{
        {QStringLiteral("folders"),
         QStringLiteral("%1 of %1 entries are folders, one per student").arg(total)},
        {QStringLiteral("archives"),
         QStringLiteral("%1 of %1 entries are .zip, .tar or .tar.gz archives, one per student")
             .arg(total)},
        {QStringLiteral("canvas"),
         QStringLiteral("%1 of %1 entries are files named the way Canvas names submissions "
                        "(\"name_userid_submissionid_file\")")
             .arg(total)},
        {QStringLiteral("moodle"),
         QStringLiteral("%1 of %1 entries are named the way Moodle names submissions (\"Full "
                        "Name_12345_assignsubmission_file_\")")
             .arg(total)},
        {QStringLiteral("mixed"),
         QStringLiteral("%1 of %2 entries are student folders and %3 are archives, one per "
                        "student")
             .arg(folders)
             .arg(total)
             .arg(total - folders)},
    };
    QCOMPARE(plan.layoutReason, reasons.value(layout));

    // Every student, with the platform's id, and every file with its exercise.
    QStringList expectedStudents;
    QStringList expectedFiles;
    QStringList expectedProblems;
    for (const GeneratedStudent &student : expected.students) {
        expectedStudents.append(QStringList{student.key, student.name, student.platformId,
                                            student.origin,
                                            student.late ? QStringLiteral("late") : QString()}
                                    .join(QStringLiteral(" | ")));
        for (const GeneratedFile &file : student.files) {
            expectedFiles.append(fileLine(file.relativePath, file.exercise, file.language,
                                          file.chosen, file.matchedBy));
            if (!file.chosen) {
                expectedProblems.append(file.relativePath);
            }
        }
    }
    QStringList foundStudents;
    QStringList foundFiles;
    for (const PlannedStudent &student : plan.students) {
        foundStudents.append(QStringList{student.key, student.name, student.platformId,
                                         student.origin,
                                         student.late ? QStringLiteral("late") : QString()}
                                 .join(QStringLiteral(" | ")));
        for (const PlannedFile &file : student.files) {
            foundFiles.append(fileLine(file.relativePath, file.exercise, file.language, file.chosen,
                                       file.matchedBy));
            QVERIFY2(!file.reason.isEmpty(), qPrintable(file.relativePath));
        }
    }
    QCOMPARE(foundStudents, expectedStudents);
    QCOMPARE(foundFiles, expectedFiles);

    // Nothing else is skipped; what is not code is set aside, and nothing else.
    expectedProblems.sort();
    QCOMPARE(problemPaths(plan), expectedProblems);
    QStringList setAside;
    for (const InputProblem &aside : plan.setAside) {
        setAside.append(aside.path);
    }
    setAside.sort();
    QCOMPARE(setAside, expected.setAside);

    // The records to grade carry the bytes, the hash and the platform's identity.
    const QVector<SubmissionRecord> records = plan.submissions();
    QCOMPARE(records.size(), qsizetype(expected.submissionCount()));
    for (const SubmissionRecord &record : records) {
        const GeneratedStudent *student = expected.student(record.studentKey);
        QVERIFY2(student, qPrintable(record.studentKey));
        const GeneratedFile *file = student->chosenFile(record.exercise);
        QVERIFY2(file, qPrintable(record.studentKey + u'/' + record.exercise));
        QCOMPARE(record.sourcePath, file->relativePath);
        QCOMPARE(record.language, file->language);
        QCOMPARE(record.source, file->content);
        QCOMPARE(record.contentHash, file->contentHash);
        QCOMPARE(record.studentName, student->name);
        QCOMPARE(record.studentId, student->platformId);
        QVERIFY(!record.mappingReason.isEmpty());
        QVERIFY(!record.graded);
    }
    for (qsizetype i = 1; i < records.size(); ++i) {
        const auto order = [](const SubmissionRecord &r) -> QString {
            return r.studentKey + u'\x01' + r.exercise;
        };
        QVERIFY(order(records.at(i - 1)) < order(records.at(i)));
    }
}

void TestClassPlanner::generatorIsDeterministic()
{
    for (const ClassLayout layout : {ClassLayout::Archives, ClassLayout::Canvas}) {
        const QString id = classLayoutId(layout);
        const Expected<GeneratedClass> first =
            ClassGenerator::write(path(id + QStringLiteral("-a")), layout, 11);
        const Expected<GeneratedClass> second =
            ClassGenerator::write(path(id + QStringLiteral("-b")), layout, 11);
        const Expected<GeneratedClass> other =
            ClassGenerator::write(path(id + QStringLiteral("-c")), layout, 12);
        QVERIFY2(first && second && other,
                 qPrintable(first.error() + second.error() + other.error()));
        const QStringList digest = treeDigest(first->directory);
        QVERIFY(digest.size() >= 20);
        QCOMPARE(treeDigest(second->directory), digest);
        QVERIFY(treeDigest(other->directory) != digest);
        QCOMPARE(second->students.size(), first->students.size());
        for (qsizetype s = 0; s < first->students.size(); ++s) {
            const GeneratedStudent &a = first->students.at(s);
            const GeneratedStudent &b = second->students.at(s);
            QCOMPARE(b.key, a.key);
            QCOMPARE(b.files.size(), a.files.size());
            for (qsizetype f = 0; f < a.files.size(); ++f) {
                QCOMPARE(b.files.at(f).relativePath, a.files.at(f).relativePath);
                QCOMPARE(b.files.at(f).contentHash, a.files.at(f).contentHash);
                QCOMPARE(b.files.at(f).corpusCase, a.files.at(f).corpusCase);
            }
        }
        QCOMPARE(second->rosterCsv(), first->rosterCsv());
    }
}

void TestClassPlanner::generatorCoversEveryKind_data()
{
    QTest::addColumn<QString>("layout");
    for (const char *layout : {"folders", "archives", "canvas", "moodle", "mixed"}) {
        QTest::newRow(layout) << QString::fromLatin1(layout);
    }
}

void TestClassPlanner::generatorCoversEveryKind()
{
    QFETCH(QString, layout);
    const Expected<GeneratedClass> generated =
        ClassGenerator::write(path(QStringLiteral("generated")), *classLayoutFromId(layout), 3);
    QVERIFY2(generated.hasValue(), qPrintable(generated.error()));
    const GeneratedClass &manifest = generated.value();
    QVERIFY(manifest.students.size() >= 30);

    QSet<QString> kinds;
    QSet<QString> exerciseLanguages;
    QSet<QString> correctOrRacy;
    int identical = 0;
    int missing = 0;
    int notChosen = 0;
    bool comma = false;
    bool quote = false;
    bool nonAscii = false;
    for (const GeneratedStudent &student : manifest.students) {
        comma = comma || student.fullName.contains(u',');
        quote = quote || student.fullName.contains(u'"');
        nonAscii = nonAscii || std::any_of(student.fullName.cbegin(), student.fullName.cend(),
                                           [](QChar c) { return c.unicode() > 127; });
        missing += student.missing.isEmpty() ? 0 : 1;
        for (const GeneratedFile &file : student.files) {
            kinds.insert(fileKindId(file.kind));
            notChosen += file.chosen || file.exercise.isEmpty() ? 0 : 1;
            if (!file.chosen) {
                continue;
            }
            exerciseLanguages.insert(file.exercise + u'/' + languageId(file.language));
            if (file.kind == FileKind::Correct || file.kind == FileKind::Racy) {
                correctOrRacy.insert(file.exercise + u'/' + fileKindId(file.kind));
            }
            identical += file.identicalTo.isEmpty() ? 0 : 1;
            QVERIFY(file.minScore <= file.maxScore);
            QCOMPARE(file.verdict == QLatin1String("pass"), file.kind == FileKind::Correct);
            if (file.kind == FileKind::Correct) {
                QCOMPARE(file.minScore, 100);
            }
            if (file.kind == FileKind::Empty || file.kind == FileKind::Binary ||
                file.kind == FileKind::CompileError) {
                QCOMPARE(file.maxScore, 0);
            }
        }
    }
    QCOMPARE(kinds.size(), 7);
    for (const Exercise &exercise : std::as_const(m_exercises)) {
        for (const char *language : {"go", "cpp"}) {
            QVERIFY2(exerciseLanguages.contains(exercise.id + u'/' + QLatin1String(language)),
                     qPrintable(exercise.id + u'/' + QLatin1String(language)));
        }
        for (const char *kind : {"correct", "racy"}) {
            QVERIFY2(correctOrRacy.contains(exercise.id + u'/' + QLatin1String(kind)),
                     qPrintable(exercise.id + u'/' + QLatin1String(kind)));
        }
    }
    QVERIFY(identical >= 2); // both sides of the copy
    QVERIFY(missing >= 2);
    QVERIFY(notChosen >= 1);
    QVERIFY(comma && quote && nonAscii);
    if (layout == QLatin1String("canvas")) {
        QVERIFY(std::any_of(manifest.students.cbegin(), manifest.students.cend(),
                            [](const GeneratedStudent &s) { return s.late; }));
        QVERIFY(std::any_of(
            manifest.students.cbegin(), manifest.students.cend(), [](const GeneratedStudent &s) {
                return std::any_of(s.files.cbegin(), s.files.cend(), [](const GeneratedFile &f) {
                    return f.relativePath.contains(QLatin1String("-1."));
                });
            }));
    }
    if (layout == QLatin1String("moodle")) {
        QVERIFY(
            std::any_of(manifest.setAside.cbegin(), manifest.setAside.cend(), [](const QString &p) {
                return p.endsWith(QLatin1String("_onlinetext_/onlinetext.html"));
            }));
    }
}

void TestClassPlanner::choosesOneFilePerExercise_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QVector<QByteArray>>("contents");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("winnerChoice"); // %1, %2: the sizes of the first two files
    QTest::addColumn<QString>("loserChoice");

    const QByteArray racy = corpus(QStringLiteral("go/safe-counter/missing-lock.go"));
    const QByteArray correct = corpus(QStringLiteral("go/safe-counter/correct.go"));
    QTest::newRow("a name beats content")
        << QStringList{QStringLiteral("Ana/counter.go"), QStringLiteral("Ana/scratch.go")}
        << QVector<QByteArray>{racy, correct} << QStringLiteral("Ana/counter.go")
        << QStringLiteral("chosen over Ana/scratch.go (counter.go is named for safe-counter, "
                          "scratch.go only defines what it asks for)")
        << QStringLiteral("not graded: Ana/counter.go is graded for safe-counter instead, as "
                          "counter.go is named for safe-counter, scratch.go only defines what "
                          "it asks for");
    QTest::newRow("a folder's name beats content")
        << QStringList{QStringLiteral("Ana/safe-counter/main.go"), QStringLiteral("Ana/scratch.go")}
        << QVector<QByteArray>{racy, correct} << QStringLiteral("Ana/safe-counter/main.go")
        << QStringLiteral("chosen over Ana/scratch.go (main.go is named for safe-counter, "
                          "scratch.go only defines what it asks for)")
        << QStringLiteral("not graded: Ana/safe-counter/main.go is graded for safe-counter "
                          "instead, as main.go is named for safe-counter, scratch.go only "
                          "defines what it asks for");
    QTest::newRow("a name and content beat a name alone")
        << QStringList{QStringLiteral("Ana/counter.go"), QStringLiteral("Ana/counter_test.go")}
        << QVector<QByteArray>{smallCounter, testFile + testFile + testFile}
        << QStringLiteral("Ana/counter.go")
        << QStringLiteral("chosen over Ana/counter_test.go (both are taken for safe-counter, but "
                          "only counter.go also defines what it asks for)")
        << QStringLiteral("not graded: Ana/counter.go is graded for safe-counter instead, as "
                          "both are taken for safe-counter, but only counter.go also defines "
                          "what it asks for");
    QTest::newRow("the larger of two named files")
        << QStringList{QStringLiteral("Ana/counter.go"), QStringLiteral("Ana/safe_counter.go")}
        << QVector<QByteArray>{smallCounter + "// a longer file\n", smallCounter}
        << QStringLiteral("Ana/counter.go")
        << QStringLiteral("chosen over Ana/safe_counter.go (counter.go is the larger (%1 bytes "
                          "against %2))")
        << QStringLiteral("not graded: Ana/counter.go is graded for safe-counter instead, as "
                          "counter.go is the larger (%1 bytes against %2)");
    QTest::newRow("the later path of two alike")
        << QStringList{QStringLiteral("Ana/b/counter.go"), QStringLiteral("Ana/a/counter.go")}
        << QVector<QByteArray>{smallCounter, smallCounter} << QStringLiteral("Ana/b/counter.go")
        << QStringLiteral("chosen over Ana/a/counter.go (they are the same size and "
                          "Ana/b/counter.go comes later by path)")
        << QStringLiteral("not graded: Ana/b/counter.go is graded for safe-counter instead, as "
                          "they are the same size and Ana/b/counter.go comes later by path");
}

void TestClassPlanner::choosesOneFilePerExercise()
{
    QFETCH(QStringList, paths);
    QFETCH(QVector<QByteArray>, contents);
    QFETCH(QString, chosen);
    QFETCH(QString, winnerChoice);
    QFETCH(QString, loserChoice);

    for (qsizetype i = 0; i < paths.size(); ++i) {
        QVERIFY(writeFile(classPath(paths.at(i)), contents.at(i)));
    }
    if (winnerChoice.contains(QLatin1String("%1"))) {
        winnerChoice = winnerChoice.arg(contents.at(0).size()).arg(contents.at(1).size());
        loserChoice = loserChoice.arg(contents.at(0).size()).arg(contents.at(1).size());
    }

    const ClassPlan plan = planClass();
    QCOMPARE(plan.students.size(), 1);
    const PlannedStudent &ana = plan.students.constFirst();
    QCOMPARE(ana.files.size(), 2);
    for (const PlannedFile &file : ana.files) {
        QCOMPARE(file.exercise, QStringLiteral("safe-counter"));
        QCOMPARE(file.chosen, file.relativePath == chosen);
        QCOMPARE(file.choice, file.chosen ? winnerChoice : loserChoice);
    }
    const QString loser = paths.at(0) == chosen ? paths.at(1) : paths.at(0);
    QCOMPARE(messages(plan.problems), QStringList{loser + QStringLiteral(": ") + loserChoice});
    const QVector<SubmissionRecord> records = plan.submissions();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.constFirst().sourcePath, chosen);
    QVERIFY2(records.constFirst().mappingReason.endsWith(u"; " + winnerChoice),
             qPrintable(records.constFirst().mappingReason));
}

void TestClassPlanner::reportsFilesThatFitNoExercise()
{
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/counter.go")), smallCounter));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/util.cpp")), "int twice(int n) { return 2 * "
                                                                 "n; }\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/notes.md")), "Done.\n"));

    const ClassPlan plan = planClass();
    QCOMPARE(classLayoutId(plan.layout), QStringLiteral("folders"));
    const PlannedFile *util = findFile(plan, QStringLiteral("Ana/util.cpp"));
    QVERIFY(util);
    QCOMPARE(util->exercise, QString());
    QCOMPARE(util->language, Language::Cpp);
    QCOMPARE(util->matchedBy, ExerciseMatch::None);
    QVERIFY(!util->chosen);
    QCOMPARE(messages(plan.problems),
             QStringList{QStringLiteral("Ana/util.cpp: fits no exercise: its name util.cpp names "
                                        "no exercise, and it defines none of the types and "
                                        "functions an exercise asks for; not graded")});
    QCOMPARE(messages(plan.setAside),
             QStringList{QStringLiteral("Ana/notes.md: is not a .go, .cpp, .cc or .cxx file; set "
                                        "aside")});
    QCOMPARE(plan.submissions().size(), 1);
}

void TestClassPlanner::readsCanvasDownload()
{
    const QByteArray racy = corpus(QStringLiteral("go/safe-counter/missing-lock.go"));
    const QByteArray unlocked = corpus(QStringLiteral("go/safe-counter/unlocked-read.go"));
    const QByteArray correct = corpus(QStringLiteral("go/safe-counter/correct.go"));
    const QString zoe = QStringLiteral("garc\u00edazo\u00eb");
    QVERIFY(writeFile(classPath(QStringLiteral("leeana_48213_2291887_safe_counter.go")), racy));
    QVERIFY(
        writeFile(classPath(QStringLiteral("leeana_48213_2291887_safe_counter-1.go")), unlocked));
    QVERIFY(
        writeFile(classPath(QStringLiteral("leeana_48213_2291887_safe_counter-2.go")), correct));
    QVERIFY(writeFile(classPath(QStringLiteral("bobsmith_LATE_50001_2291900_counter.cpp")),
                      corpus(QStringLiteral("cpp/safe-counter/correct.cpp"))));
    QCOMPARE(
        TestArchive::write(
            classPath(QStringLiteral("bobsmith_LATE_50001_2291900_main.zip")), TestArchive::Zip,
            {{"config-once/main.go", corpus(QStringLiteral("go/config-once/correct.go")), {}, {}},
             {"notes.txt", "all done\n", {}, {}}}),
        QString());
    QVERIFY(writeFile(classPath(zoe + QStringLiteral("_50002_2291901_fetch.go")),
                      corpus(QStringLiteral("go/parallel-fetch/correct.go"))));
    QVERIFY(writeFile(classPath(zoe + QStringLiteral("_50002_2291901_report.pdf")), "%PDF-1.4\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("grades.csv")), "name,grade\n"));

    const ClassPlan plan = planClass();
    QCOMPARE(plan.layout, ClassLayout::Canvas);
    QCOMPARE(plan.layoutReason,
             QStringLiteral("7 of 8 entries are files named the way Canvas names submissions "
                            "(\"name_userid_submissionid_file\")"));
    QCOMPARE(plan.students.size(), 3);

    const PlannedStudent *bob = plan.student(QStringLiteral("bobsmith"));
    QVERIFY(bob);
    QCOMPARE(bob->name, QStringLiteral("bobsmith"));
    QCOMPARE(bob->platformId, QStringLiteral("50001"));
    QVERIFY(bob->late);
    QCOMPARE(bob->origin, QStringLiteral("bobsmith_LATE_50001_2291900_counter.cpp"));
    QCOMPARE(bob->files.size(), 2);
    const PlannedFile &unpacked = bob->files.at(1);
    QCOMPARE(unpacked.relativePath,
             QStringLiteral("bobsmith_LATE_50001_2291900_main.zip/config-once/main.go"));
    QCOMPARE(unpacked.namedAs, QStringLiteral("main/config-once/main.go"));
    QCOMPARE(unpacked.exercise, QStringLiteral("config-once"));
    QCOMPARE(unpacked.reason, QStringLiteral("its folder config-once names config-once"));
    QVERIFY(unpacked.absolutePath.startsWith(QDir(path(QStringLiteral("scratch"))).absolutePath()));
    QCOMPARE(bob->files.at(0).exercise, QStringLiteral("safe-counter"));
    QCOMPARE(bob->files.at(0).reason, QStringLiteral("its name counter.cpp names safe-counter"));

    const PlannedStudent *lee = plan.student(QStringLiteral("leeana"));
    QVERIFY(lee);
    QCOMPARE(lee->platformId, QStringLiteral("48213"));
    QVERIFY(!lee->late);
    QCOMPARE(lee->origin, QStringLiteral("leeana_48213_2291887_safe_counter-1.go"));
    QCOMPARE(lee->files.size(), 3);
    QStringList chosen;
    for (const PlannedFile &file : lee->files) {
        QCOMPARE(file.exercise, QStringLiteral("safe-counter"));
        if (file.chosen) {
            chosen.append(file.relativePath);
        }
    }
    QCOMPARE(chosen, QStringList{QStringLiteral("leeana_48213_2291887_safe_counter-2.go")});
    const PlannedFile *latest = findFile(plan, chosen.constFirst());
    QCOMPARE(latest->revision, 2);
    QCOMPARE(latest->reason, QStringLiteral("its name safe_counter-2.go names safe-counter"));
    QCOMPARE(latest->choice,
             QStringLiteral("chosen over leeana_48213_2291887_safe_counter-1.go "
                            "(safe_counter-2.go is the later upload (Canvas numbered it 2)), "
                            "over leeana_48213_2291887_safe_counter.go (safe_counter-2.go is the "
                            "later upload (Canvas numbered it 2))"));

    const PlannedStudent *zoeStudent = plan.student(zoe);
    QVERIFY(zoeStudent);
    QCOMPARE(zoeStudent->platformId, QStringLiteral("50002"));
    QCOMPARE(zoeStudent->files.size(), 1);
    QCOMPARE(zoeStudent->files.constFirst().exercise, QStringLiteral("parallel-fetch"));

    QCOMPARE(messages(plan.setAside),
             (QStringList{QStringLiteral("bobsmith_LATE_50001_2291900_main.zip/notes.txt: is not "
                                         "a .go, .cpp, .cc or .cxx file; set aside"),
                          zoe + QStringLiteral("_50002_2291901_report.pdf: is not a .go, .cpp, "
                                               ".cc or .cxx file; set aside")}));
    QCOMPARE(problemPaths(plan),
             (QStringList{QStringLiteral("grades.csv"),
                          QStringLiteral("leeana_48213_2291887_safe_counter-1.go"),
                          QStringLiteral("leeana_48213_2291887_safe_counter.go")}));
    QCOMPARE(plan.submissions().size(), 4);
}

void TestClassPlanner::readsMoodleDownload()
{
    const QString ana = QStringLiteral("Ana Lee_12345_assignsubmission_file_");
    const QString zoe = QStringLiteral("Garc\u00eda, Zo\u00eb_12346_assignsubmission_file_");
    QVERIFY(writeFile(classPath(ana + QStringLiteral("/safe_counter.go")),
                      corpus(QStringLiteral("go/safe-counter/correct.go"))));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana Lee_12345_assignsubmission_onlinetext_/"
                                               "onlinetext.html")),
                      "<p>Here it is.</p>"));
    QVERIFY(QDir().mkpath(classPath(zoe)));
    QCOMPARE(TestArchive::write(
                 classPath(zoe + QStringLiteral("/week3.tar.gz")), TestArchive::TarGz,
                 {{"parallel-fetch/main.cpp",
                   corpus(QStringLiteral("cpp/parallel-fetch/correct.cpp")),
                   {},
                   {}},
                  {"config.go", corpus(QStringLiteral("go/config-once/correct.go")), {}, {}}}),
             QString());
    QVERIFY(writeFile(classPath(QStringLiteral("Bo Chen_12347_assignsubmission_onlinetext_/"
                                               "onlinetext.html")),
                      "<pre>package main</pre>"));
    QVERIFY(writeFile(classPath(QStringLiteral("Dana Roe_12348_assignsubmission_file_counter.cpp")),
                      corpus(QStringLiteral("cpp/safe-counter/unlocked-read.cpp"))));

    const ClassPlan plan = planClass();
    QCOMPARE(plan.layout, ClassLayout::Moodle);
    QCOMPARE(plan.layoutReason,
             QStringLiteral("5 of 5 entries are named the way Moodle names submissions (\"Full "
                            "Name_12345_assignsubmission_file_\")"));
    QStringList students;
    for (const PlannedStudent &student : plan.students) {
        students.append(
            QStringList{student.key, student.name, student.platformId, student.origin}.join(
                QStringLiteral(" | ")));
    }
    QCOMPARE(students,
             (QStringList{QStringLiteral("ana lee | Ana Lee | 12345 | ") + ana,
                          QStringLiteral("bo chen | Bo Chen | 12347 | Bo "
                                         "Chen_12347_assignsubmission_onlinetext_"),
                          QStringLiteral("dana roe | Dana Roe | 12348 | Dana "
                                         "Roe_12348_assignsubmission_file_counter.cpp"),
                          QStringLiteral("garc\u00eda, zo\u00eb | Garc\u00eda, Zo\u00eb | 12346 "
                                         "| ") +
                              zoe}));
    QStringList files;
    for (const PlannedStudent &student : plan.students) {
        for (const PlannedFile &file : student.files) {
            files.append(fileLine(file.relativePath, file.exercise, file.language, file.chosen,
                                  file.matchedBy));
        }
    }
    QCOMPARE(
        files,
        (QStringList{
            fileLine(ana + QStringLiteral("/safe_counter.go"), QStringLiteral("safe-counter"),
                     Language::Go, true, ExerciseMatch::FileName),
            fileLine(QStringLiteral("Dana Roe_12348_assignsubmission_file_counter.cpp"),
                     QStringLiteral("safe-counter"), Language::Cpp, true, ExerciseMatch::FileName),
            fileLine(zoe + QStringLiteral("/week3.tar.gz/config.go"), QStringLiteral("config-once"),
                     Language::Go, true, ExerciseMatch::FileName),
            fileLine(zoe + QStringLiteral("/week3.tar.gz/parallel-fetch/main.cpp"),
                     QStringLiteral("parallel-fetch"), Language::Cpp, true,
                     ExerciseMatch::FolderName)}));
    const QString onlineText = QStringLiteral(": is the text typed into Moodle's online text box, "
                                              "not a code file; set aside");
    QCOMPARE(messages(plan.setAside),
             (QStringList{QStringLiteral("Ana Lee_12345_assignsubmission_onlinetext_/"
                                         "onlinetext.html") +
                              onlineText,
                          QStringLiteral("Bo Chen_12347_assignsubmission_onlinetext_/"
                                         "onlinetext.html") +
                              onlineText}));
    QCOMPARE(messages(plan.problems),
             QStringList{QStringLiteral("Bo Chen_12347_assignsubmission_onlinetext_: holds no .go "
                                        "or .cpp file (nor .cc or .cxx); nothing to grade")});
}

void TestClassPlanner::assignsByHand()
{
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/counter.go")), smallCounter));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/scratch.go")),
                      corpus(QStringLiteral("go/safe-counter/missing-lock.go"))));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/fetch.go")),
                      corpus(QStringLiteral("go/parallel-fetch/correct.go"))));
    QVERIFY(writeFile(classPath(QStringLiteral("Bo/config.go")),
                      corpus(QStringLiteral("go/config-once/correct.go"))));
    ClassPlan plan = planClass();
    const auto chosenFor = [&](const QString &exercise) {
        QStringList paths;
        for (const SubmissionRecord &record : plan.submissions()) {
            if (record.studentKey == QLatin1String("ana") && record.exercise == exercise) {
                paths.append(record.sourcePath);
            }
        }
        return paths;
    };
    QCOMPARE(chosenFor(QStringLiteral("safe-counter")),
             QStringList{QStringLiteral("Ana/counter.go")});
    QCOMPARE(problemPaths(plan), QStringList{QStringLiteral("Ana/scratch.go")});

    // The content-only file is the one to grade, says the TA.
    QVERIFY(ClassPlanner::assign(plan, QStringLiteral("Ana/scratch.go"),
                                 QStringLiteral("safe-counter")));
    const PlannedFile *scratch = findFile(plan, QStringLiteral("Ana/scratch.go"));
    const PlannedFile *counter = findFile(plan, QStringLiteral("Ana/counter.go"));
    QCOMPARE(scratch->matchedBy, ExerciseMatch::Hand);
    QCOMPARE(scratch->reason, QStringLiteral("assigned to safe-counter by hand"));
    QVERIFY(scratch->chosen);
    QVERIFY(!counter->chosen);
    QCOMPARE(counter->choice,
             QStringLiteral("not graded: Ana/scratch.go is graded for safe-counter instead, as "
                            "scratch.go was assigned to safe-counter by hand"));
    QCOMPARE(chosenFor(QStringLiteral("safe-counter")),
             QStringList{QStringLiteral("Ana/scratch.go")});
    QCOMPARE(messages(plan.problems),
             QStringList{QStringLiteral("Ana/counter.go: ") + counter->choice});

    // Moved on to another exercise, it leaves safe-counter to the best file that is left.
    QVERIFY(ClassPlanner::assign(plan, QStringLiteral("Ana/scratch.go"),
                                 QStringLiteral("config-once")));
    QCOMPARE(chosenFor(QStringLiteral("safe-counter")),
             QStringList{QStringLiteral("Ana/counter.go")});
    QCOMPARE(chosenFor(QStringLiteral("config-once")),
             QStringList{QStringLiteral("Ana/scratch.go")});
    QCOMPARE(plan.problems.size(), 0);

    // A later correction for the same exercise wins over the earlier one.
    QVERIFY(
        ClassPlanner::assign(plan, QStringLiteral("Ana/fetch.go"), QStringLiteral("config-once")));
    QCOMPARE(chosenFor(QStringLiteral("config-once")), QStringList{QStringLiteral("Ana/fetch.go")});
    QCOMPARE(chosenFor(QStringLiteral("parallel-fetch")), QStringList());
    QCOMPARE(findFile(plan, QStringLiteral("Ana/scratch.go"))->choice,
             QStringLiteral("not graded: Ana/fetch.go is graded for config-once instead, as "
                            "fetch.go was assigned to config-once by hand more recently"));

    // Set aside: graded for nothing.
    QVERIFY(ClassPlanner::assign(plan, QStringLiteral("Ana/counter.go"), QString()));
    counter = findFile(plan, QStringLiteral("Ana/counter.go"));
    QCOMPARE(counter->exercise, QString());
    QCOMPARE(counter->reason, QStringLiteral("set aside by hand"));
    QVERIFY(!counter->chosen);
    QCOMPARE(chosenFor(QStringLiteral("safe-counter")), QStringList());
    QVERIFY(messages(plan.problems)
                .contains(QStringLiteral("Ana/counter.go: set aside by hand; not graded")));

    // Bo's file is untouched, and no path is no file.
    QCOMPARE(findFile(plan, QStringLiteral("Bo/config.go"))->matchedBy, ExerciseMatch::FileName);
    QVERIFY(!ClassPlanner::assign(plan, QStringLiteral("Ana/nothing.go"),
                                  QStringLiteral("safe-counter")));
    QCOMPARE(plan.submissions().size(), 2);
}

void TestClassPlanner::refusesEscapes_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("problemPath");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("layout");

    QTest::newRow("a student's file linking to /etc/passwd")
        << QStringLiteral("file-link") << QStringLiteral("Ana/passwd.go")
        << QStringLiteral("Ana/passwd.go: is a symbolic link to outside the class folder; skipped")
        << QStringLiteral("folders");
    QTest::newRow("a student folder linking outside")
        << QStringLiteral("folder-link") << QStringLiteral("Eve")
        << QStringLiteral("Eve: is a symbolic link to outside the class folder; skipped")
        << QStringLiteral("folders");
    QTest::newRow("a Canvas file linking outside")
        << QStringLiteral("canvas-link") << QStringLiteral("leeana_1_2_counter.go")
        << QStringLiteral("leeana_1_2_counter.go: is a symbolic link to outside the class "
                          "folder; skipped")
        << QStringLiteral("canvas");
    QTest::newRow("a Canvas archive climbing out with ../")
        << QStringLiteral("canvas-climb") << QStringLiteral("leeana_1_2_main.zip")
        << QStringLiteral("leeana_1_2_main.zip: the entry \"../evil.go\" climbs out of the "
                          "archive with \"..\"; not extracted")
        << QStringLiteral("canvas");
    QTest::newRow("an archive in a Moodle folder with a link")
        << QStringLiteral("moodle-link")
        << QStringLiteral("Ana Lee_1_assignsubmission_file_/sub.zip")
        << QStringLiteral("Ana Lee_1_assignsubmission_file_/sub.zip: the entry \"evil.go\" is a "
                          "symbolic link to \"/etc/passwd\"; skipped, links are not created")
        << QStringLiteral("moodle");
    QTest::newRow("an archive in a student folder climbing out")
        << QStringLiteral("folder-climb") << QStringLiteral("Ana/work.tar")
        << QStringLiteral("Ana/work.tar: the entry \"../../evil.go\" climbs out of the archive "
                          "with \"..\"; not extracted")
        << QStringLiteral("folders");
}

void TestClassPlanner::refusesEscapes()
{
    QFETCH(QString, setup);
    QFETCH(QString, problemPath);
    QFETCH(QString, message);
    QFETCH(QString, layout);

    const QByteArray evil = "package main\n\nfunc main() {} // evil\n";
    QVERIFY(writeFile(path(QStringLiteral("outside/evil.go")), evil));
    const QString outside = path(QStringLiteral("outside/evil.go"));
    const auto link = [](const QString &target, const QString &at) {
        return QFile::link(target, at);
    };
    if (setup == QLatin1String("file-link")) {
        QVERIFY(writeFile(classPath(QStringLiteral("Ana/counter.go")), smallCounter));
        QVERIFY(link(QStringLiteral("/etc/passwd"), classPath(QStringLiteral("Ana/passwd.go"))));
    } else if (setup == QLatin1String("folder-link")) {
        QVERIFY(writeFile(classPath(QStringLiteral("Ana/counter.go")), smallCounter));
        QVERIFY(link(path(QStringLiteral("outside")), classPath(QStringLiteral("Eve"))));
    } else if (setup == QLatin1String("canvas-link")) {
        QVERIFY(writeFile(classPath(QStringLiteral("leeana_1_2_fetch.go")),
                          corpus(QStringLiteral("go/parallel-fetch/correct.go"))));
        QVERIFY(link(outside, classPath(QStringLiteral("leeana_1_2_counter.go"))));
    } else if (setup == QLatin1String("canvas-climb")) {
        QCOMPARE(TestArchive::write(
                     classPath(QStringLiteral("leeana_1_2_main.zip")), TestArchive::Zip,
                     {{"../evil.go", evil, {}, {}}, {"counter.go", smallCounter, {}, {}}}),
                 QString());
    } else if (setup == QLatin1String("moodle-link")) {
        QVERIFY(QDir().mkpath(classPath(QStringLiteral("Ana Lee_1_assignsubmission_file_"))));
        QCOMPARE(TestArchive::write(
                     classPath(QStringLiteral("Ana Lee_1_assignsubmission_file_/sub.zip")),
                     TestArchive::Zip,
                     {{"evil.go", {}, TestArchiveEntry::Symlink, "/etc/passwd"},
                      {"counter.go", smallCounter, {}, {}}}),
                 QString());
    } else if (setup == QLatin1String("folder-climb")) {
        QVERIFY(QDir().mkpath(classPath(QStringLiteral("Ana"))));
        QCOMPARE(TestArchive::write(
                     classPath(QStringLiteral("Ana/work.tar")), TestArchive::Tar,
                     {{"../../evil.go", evil, {}, {}}, {"counter.go", smallCounter, {}, {}}}),
                 QString());
    }

    const ClassPlan plan = planClass();
    QCOMPARE(classLayoutId(plan.layout), layout);
    QCOMPARE(messages(plan.problems), QStringList{message});
    QCOMPARE(plan.problems.constFirst().path, problemPath);
    int files = 0;
    for (const PlannedStudent &student : plan.students) {
        for (const PlannedFile &file : student.files) {
            ++files;
            QVERIFY2(!file.source.contains("evil") && !file.source.contains("root:"),
                     qPrintable(file.relativePath));
            QVERIFY2(!file.absolutePath.contains(QLatin1String("outside")),
                     qPrintable(file.absolutePath));
            QCOMPARE(file.exercise.isEmpty(), false);
        }
    }
    QCOMPARE(files, 1);
    // Nothing was written outside the scratch folder: the only evil.go is the one made here.
    QDirIterator it(m_dir->path(), QDir::Files | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString found = it.next();
        if (found.endsWith(QLatin1String("evil.go"))) {
            QCOMPARE(found, outside);
        }
    }
}

QTEST_GUILESS_MAIN(TestClassPlanner)
#include "tst_classplanner.moc"
