#include "classfixture.h"

#include "exerciseloader.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QStandardPaths>

using namespace RaceGrade;

namespace ClassFixture {

const QString anaOverrideComment = QStringLiteral(
    "Partial credit: Value() locks, Inc() does not.\nSee line 13, \"s.value++\" & <fix> it.");
const QString boName = QStringLiteral("Lee, Bo \"Bobby\"");
const QString emileName = QStringLiteral("Émile\nDurand, Jr.");
const QString zoeName = QStringLiteral("Zoë Ångström");

namespace {

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QDateTime at(const char *iso)
{
    QDateTime time = QDateTime::fromString(str(iso), Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

const Exercise &exercise(const QString &id)
{
    static const QVector<Exercise> all = catalog();
    for (const Exercise &candidate : all) {
        if (candidate.id == id) {
            return candidate;
        }
    }
    qFatal("the exercise pack has no %s", qPrintable(id));
}

// A grade as the engine makes one: the exercise's checks for the language, each passed unless
// named in `failed` or `notRun`, worth its points when passed.
Grade gradeFor(const QString &exerciseId, Language language, const QString &file,
               const QStringList &failed, const QStringList &notRun = {})
{
    const Exercise &ex = exercise(exerciseId);
    Grade grade;
    grade.exercise = exerciseId;
    grade.language = language;
    grade.sourceFile = file;
    grade.compile.ok = !failed.contains(u"compiles");
    grade.runs = RunSummary{44, 0, 0, 0, 20, 4, 20, 0};
    grade.toolchain =
        language == Language::Go ? QStringLiteral("go1.19.8") : QStringLiteral("g++ 12.2.0");
    grade.sandboxed = true;
    grade.sandbox = QStringLiteral("bubblewrap: no network, read-only system");
    grade.seconds = 12.5;
    for (const CheckSpec &spec : ex.checksFor(language)) {
        CheckResult check;
        check.id = spec.id;
        check.title = spec.title;
        check.maxPoints = spec.points;
        if (notRun.contains(spec.id)) {
            check.status = CheckStatus::NotRun;
            check.detail = QStringLiteral("not run: the program did not build");
        } else if (failed.contains(spec.id)) {
            check.status = CheckStatus::Failed;
            check.detail = QStringLiteral("failed in 17 of 20 runs");
            check.hint = spec.hint;
        } else {
            check.status = CheckStatus::Passed;
            check.points = spec.points;
            check.detail = QStringLiteral("passed in all 20 runs");
        }
        grade.score += check.points;
        grade.maxScore += check.maxPoints;
        grade.checks.append(check);
    }
    grade.verdict = failed.isEmpty() && notRun.isEmpty() ? Verdict::Pass : Verdict::Fail;
    return grade;
}

RaceAccessSite access(const char *op, const QString &file, int line, const char *function,
                      const char *thread, const Stack &callers = {})
{
    RaceAccessSite site;
    site.op = str(op);
    site.file = file;
    site.line = line;
    site.column = 5;
    site.function = str(function);
    site.thread = str(thread);
    site.inSubmission = true;
    site.stack =
        Stack{StackFrame{site.function, QStringLiteral("/tmp/rg/") + file, line, 5, {}}} + callers;
    return site;
}

SubmissionRecord baseRecord(const QString &key, const QString &name, const QString &exerciseId,
                            Language language, const QString &path, const QByteArray &source)
{
    SubmissionRecord record;
    record.studentKey = key;
    record.studentName = name;
    record.exercise = exerciseId;
    record.language = language;
    record.sourcePath = path;
    record.mappingReason = QStringLiteral("named after the exercise");
    record.source = source;
    record.contentHash = sha256(source);
    return record;
}

const QByteArray anaCounter = "package main\n"
                              "\n"
                              "import (\n"
                              "\t\"fmt\"\n"
                              "\t\"sync\"\n"
                              ")\n"
                              "\n"
                              "type SafeCounter struct {\n"
                              "\tlock  sync.Mutex\n"
                              "\tvalue int\n"
                              "}\n"
                              "\n"
                              "func (s *SafeCounter) Inc() { s.value++ }\n"
                              "\n"
                              "func (s *SafeCounter) Value() int {\n"
                              "\ts.lock.Lock()\n"
                              "\tdefer s.lock.Unlock()\n"
                              "\treturn s.value\n"
                              "}\n"
                              "\n"
                              "func main() {\n"
                              "\tcounter := &SafeCounter{}\n"
                              "\tvar done sync.WaitGroup\n"
                              "\tfor w := 0; w < 100; w++ {\n"
                              "\t\tdone.Add(1)\n"
                              "\t\tgo func() {\n"
                              "\t\t\tdefer done.Done()\n"
                              "\t\t\tfor i := 0; i < 100; i++ {\n"
                              "\t\t\t\tcounter.Inc()\n"
                              "\t\t\t}\n"
                              "\t\t}()\n"
                              "\t}\n"
                              "\tdone.Wait()\n"
                              "\tfmt.Println(counter.Value())\n"
                              "}\n";

const QByteArray correctCounter = "package main\n"
                                  "\n"
                                  "import (\n"
                                  "\t\"fmt\"\n"
                                  "\t\"sync\"\n"
                                  ")\n"
                                  "\n"
                                  "// SafeCounter counts under its lock.\n"
                                  "type SafeCounter struct {\n"
                                  "\tmu sync.Mutex\n"
                                  "\tn  int\n"
                                  "}\n"
                                  "\n"
                                  "func (c *SafeCounter) Inc() {\n"
                                  "\tc.mu.Lock()\n"
                                  "\tc.n++\n"
                                  "\tc.mu.Unlock()\n"
                                  "}\n"
                                  "\n"
                                  "func (c *SafeCounter) Value() int {\n"
                                  "\tc.mu.Lock()\n"
                                  "\tdefer c.mu.Unlock()\n"
                                  "\treturn c.n\n"
                                  "}\n"
                                  "\n"
                                  "func main() {\n"
                                  "\tvar c SafeCounter\n"
                                  "\tvar wg sync.WaitGroup\n"
                                  "\tfor i := 0; i < 100; i++ {\n"
                                  "\t\twg.Add(1)\n"
                                  "\t\tgo func() {\n"
                                  "\t\t\tdefer wg.Done()\n"
                                  "\t\t\tfor j := 0; j < 100; j++ {\n"
                                  "\t\t\t\tc.Inc()\n"
                                  "\t\t\t}\n"
                                  "\t\t}()\n"
                                  "\t}\n"
                                  "\twg.Wait()\n"
                                  "\tfmt.Println(c.Value())\n"
                                  "}\n";

const QByteArray anaConfig = "package main\n"
                             "\n"
                             "import (\n"
                             "\t\"fmt\"\n"
                             "\t\"sync\"\n"
                             ")\n"
                             "\n"
                             "var (\n"
                             "\tonce   sync.Once\n"
                             "\tconfig map[string]string\n"
                             ")\n"
                             "\n"
                             "func Config() map[string]string {\n"
                             "\tonce.Do(func() {\n"
                             "\t\tfmt.Println(\"init\")\n"
                             "\t\tconfig = map[string]string{\"env\": \"prod\"}\n"
                             "\t})\n"
                             "\treturn config\n"
                             "}\n";

const QByteArray gusCounter = "package main\n"
                              "\n"
                              "import \"fmt\"\n"
                              "import \"sync\"\n"
                              "\n"
                              "var total int\n"
                              "\n"
                              "func add(wg *sync.WaitGroup) {\n"
                              "\ttotal++; wg.Done()\n"
                              "}\n"
                              "\n"
                              "func main() {\n"
                              "\tvar wg sync.WaitGroup\n"
                              "\tfor i := 0; i < 10000; i++ {\n"
                              "\t\twg.Add(1)\n"
                              "\t\tgo add(&wg)\n"
                              "\t}\n"
                              "\twg.Wait()\n"
                              "\tfmt.Println(total)\n"
                              "}\n";

const QByteArray boCounter =
    "#include <iostream>\n"
    "#include <mutex>\n"
    "\n"
    "class Counter {\n"
    "public:\n"
    "    void inc() { std::lock_guard<std::mutex> g(m_lock); ++m_value; }\n"
    "    int value() const { return m_value }\n"
    "private:\n"
    "    mutable std::mutex m_lock;\n"
    "    int m_value = 0;\n"
    "};\n";

const QByteArray boConfig = "#include <iostream>\n"
                            "#include <mutex>\n"
                            "#include <string>\n"
                            "#include <thread>\n"
                            "#include <vector>\n"
                            "\n"
                            "struct Settings\n"
                            "{\n"
                            "    std::string name = \"prod\";\n"
                            "    int workers = 4;\n"
                            "};\n"
                            "\n"
                            "static Settings *settings = nullptr;\n"
                            "static bool ready = false;\n"
                            "static std::mutex first;\n"
                            "static std::mutex second;\n"
                            "\n"
                            "Settings *load()\n"
                            "{\n"
                            "    if (!ready) {\n"
                            "        settings = new Settings; ready = true;\n"
                            "        std::cout << \"init\\n\";\n"
                            "    }\n"
                            "    return settings;\n"
                            "}\n"
                            "\n"
                            "Settings *get()\n"
                            "{\n"
                            "    std::lock_guard<std::mutex> guard(first);\n"
                            "    return ready ? settings : load();\n"
                            "}\n"
                            "\n"
                            "void reload()\n"
                            "{\n"
                            "    std::lock_guard<std::mutex> a(second);\n"
                            "    ready = false;\n"
                            "}\n"
                            "\n"
                            "void swapOrder() {\n"
                            "    first.lock();\n"
                            "    second.lock();\n"
                            "    second.unlock();\n"
                            "    first.unlock();\n"
                            "    second.lock();\n"
                            "    first.lock();\n"
                            "    first.unlock();\n"
                            "    second.unlock();\n"
                            "}\n"
                            "\n"
                            "int main()\n"
                            "{\n"
                            "    std::vector<std::thread> workers;\n"
                            "    for (int i = 0; i < 8; ++i) {\n"
                            "        workers.emplace_back([] { get(); reload(); swapOrder(); });\n"
                            "    }\n"
                            "    for (auto &worker : workers) {\n"
                            "        worker.join();\n"
                            "    }\n"
                            "}\n";

// Not UTF-8: a comment in Latin-1, as an old editor might save it.
const QByteArray gusConfig = "// Gr\xfc\xdf"
                             "e aus M\xfcnchen\npackage main\n";

} // namespace

QVector<Exercise> catalog()
{
    return ExerciseLoader::loadCatalog({QStringLiteral(RACEGRADE_SOURCE_DIR "/exercises")})
        .exercises;
}

QVector<RosterEntry> roster()
{
    return {
        {QStringLiteral("1001"), QStringLiteral("Ana Lee"), QStringLiteral("ana.lee@uni.example"),
         QStringLiteral("A")},
        {QStringLiteral("1002"), boName, QStringLiteral("bo.lee@uni.example"), QStringLiteral("B")},
        {QStringLiteral("1003"), zoeName, QStringLiteral("zoe@uni.example"), QStringLiteral("A")},
        {QStringLiteral("1005"), QStringLiteral("Farah Noor"), QStringLiteral("farah@uni.example"),
         QStringLiteral("B")},
        {QStringLiteral("1006"), QStringLiteral("Gus Wong"), QStringLiteral("gwong@uni.example"),
         QStringLiteral("A")},
    };
}

QMap<QString, QString> settings()
{
    return {{QStringLiteral("class_dir"), QStringLiteral("/srv/course/concurrency-2026")},
            {QStringLiteral("runs"), QStringLiteral("20")}};
}

QVector<SubmissionRecord> records()
{
    QVector<SubmissionRecord> all;
    const QDateTime gradedAt = at("2026-03-01T09:30:00");

    // Ana: a racy counter, raised by a TA; a correct config.
    {
        SubmissionRecord record = baseRecord(QStringLiteral("ana lee"), QStringLiteral("Ana Lee"),
                                             QStringLiteral("safe-counter"), Language::Go,
                                             QStringLiteral("Ana Lee/safe_counter.go"), anaCounter);
        record.graded = true;
        record.gradedAt = gradedAt;
        record.grade = gradeFor(record.exercise, Language::Go, QStringLiteral("safe_counter.go"),
                                {QStringLiteral("race-free"), QStringLiteral("concurrent-use")});
        RaceFinding race;
        race.kind = QStringLiteral("data-race");
        race.occurrences = 17;
        race.runs = 20;
        const Stack callers{StackFrame{QStringLiteral("main.main.func1"),
                                       QStringLiteral("/tmp/rg/safe_counter.go"),
                                       29,
                                       17,
                                       {}}};
        race.accesses = {access("write", QStringLiteral("safe_counter.go"), anaWriteLine,
                                "main.(*SafeCounter).Inc", "goroutine 8", callers),
                         access("read", QStringLiteral("safe_counter.go"), anaReadLine,
                                "main.(*SafeCounter).Value", "main goroutine")};
        race.accesses[1].mutexesHeld = QStringList{QStringLiteral("s.lock")};
        race.location = QStringLiteral("heap object 'value' of SafeCounter");
        race.explanation = QStringLiteral("Inc writes value without the lock while Value reads "
                                          "it under the lock.");
        race.mistake = QStringLiteral("unlocked-read");
        race.hint = QStringLiteral("Take the lock in Inc as well.");
        race.rawReport = QStringLiteral("WARNING: DATA RACE\nWrite at 0x00c000012345 by "
                                        "goroutine 8:\n  main.(*SafeCounter).Inc()\n");
        race.creationStacks = {Stack{StackFrame{
            QStringLiteral("main.main"), QStringLiteral("/tmp/rg/safe_counter.go"), 26, 3, {}}}};
        record.grade.races = {race};
        record.grade.runs.racy = 17;
        record.override = ScoreOverride{55, anaOverrideComment, QStringLiteral("TA Kim"),
                                        at("2026-03-02T10:15:00")};
        all.append(record);

        SubmissionRecord config = baseRecord(QStringLiteral("ana lee"), QStringLiteral("Ana Lee"),
                                             QStringLiteral("config-once"), Language::Go,
                                             QStringLiteral("Ana Lee/config.go"), anaConfig);
        config.graded = true;
        config.gradedAt = gradedAt;
        config.grade = gradeFor(config.exercise, Language::Go, QStringLiteral("config.go"), {});
        all.append(config);
    }

    // Bo: a C++ counter that does not build; a config with a race and a lock-order inversion.
    {
        SubmissionRecord record =
            baseRecord(QStringLiteral("lee, bo \"bobby\""), boName, QStringLiteral("safe-counter"),
                       Language::Cpp, QStringLiteral("Lee, Bo \"Bobby\"/counter.cpp"), boCounter);
        record.graded = true;
        record.gradedAt = gradedAt;
        record.grade =
            gradeFor(record.exercise, Language::Cpp, QStringLiteral("counter.cpp"),
                     {QStringLiteral("compiles")},
                     {QStringLiteral("prints-total"), QStringLiteral("race-free"),
                      QStringLiteral("concurrent-use"), QStringLiteral("lock-not-copied")});
        Diagnostic error;
        error.file = QStringLiteral("counter.cpp");
        error.line = 7;
        error.column = 41;
        error.severity = Severity::Error;
        error.message = QStringLiteral("expected ';' before '}' token");
        error.tool = QStringLiteral("gcc");
        record.grade.compile.diagnostics = {error};
        record.grade.compile.output = QStringLiteral("counter.cpp:7:41: error: expected ';'");
        record.grade.problems = {Problem{QStringLiteral("compile-error"),
                                         QStringLiteral("counter.cpp"), 7,
                                         QStringLiteral("expected ';' before '}' token"), 1}};
        all.append(record);

        SubmissionRecord config =
            baseRecord(QStringLiteral("lee, bo \"bobby\""), boName, QStringLiteral("config-once"),
                       Language::Cpp, QStringLiteral("Lee, Bo \"Bobby\"/config.cpp"), boConfig);
        config.graded = true;
        config.gradedAt = gradedAt;
        config.grade =
            gradeFor(config.exercise, Language::Cpp, QStringLiteral("config.cpp"),
                     {QStringLiteral("race-free"), QStringLiteral("concurrent-init-once")});
        RaceFinding race;
        race.kind = QStringLiteral("data-race");
        race.occurrences = 6;
        race.runs = 20;
        race.accesses = {access("write", QStringLiteral("config.cpp"), boWriteLine, "load()", "T3"),
                         access("read", QStringLiteral("config.cpp"), boReadLine, "get()", "T2")};
        race.mistake = QStringLiteral("init-flag");
        race.hint = QStringLiteral("Use std::call_once.");
        RaceFinding inversion;
        inversion.kind = QStringLiteral("lock-order-inversion");
        inversion.occurrences = 2;
        inversion.runs = 20;
        inversion.accesses = {
            access("lock", QStringLiteral("config.cpp"), boFirstLockLine, "swapOrder()", "T4"),
            access("lock", QStringLiteral("config.cpp"), boSecondLockLine, "swapOrder()", "T5")};
        config.grade.races = {race, inversion};
        all.append(config);
    }

    // Zoë and Émile handed in the very same correct counter.
    {
        SubmissionRecord zoe =
            baseRecord(QStringLiteral("zoë ångström"), zoeName, QStringLiteral("safe-counter"),
                       Language::Go, QStringLiteral("Zoë Ångström/counter.go"), correctCounter);
        zoe.graded = true;
        zoe.gradedAt = gradedAt;
        zoe.grade = gradeFor(zoe.exercise, Language::Go, QStringLiteral("counter.go"), {});
        zoe.identicalTo = QStringList{QStringLiteral("émile")};
        all.append(zoe);

        SubmissionRecord emile = zoe;
        emile.studentKey = QStringLiteral("émile");
        emile.studentName = emileName;
        emile.studentId = QStringLiteral("u-77");
        emile.sourcePath = QStringLiteral("emile_77_3001_counter.go");
        emile.identicalTo = QStringList{QStringLiteral("zoë ångström")};
        all.append(emile);

        // Émile's second file is still waiting to be graded.
        SubmissionRecord waiting =
            baseRecord(QStringLiteral("émile"), emileName, QStringLiteral("config-once"),
                       Language::Go, QStringLiteral("emile_77_3002_config.go"), anaConfig + "\n");
        waiting.studentId = QStringLiteral("u-77");
        all.append(waiting);
    }

    // Gus: a counter racing with itself on one line; a config the grader could not grade.
    {
        SubmissionRecord record = baseRecord(QStringLiteral("gwong"), QStringLiteral("gwong"),
                                             QStringLiteral("safe-counter"), Language::Go,
                                             QStringLiteral("gwong/counter.go"), gusCounter);
        record.graded = true;
        record.gradedAt = gradedAt;
        record.grade = gradeFor(record.exercise, Language::Go, QStringLiteral("counter.go"),
                                {QStringLiteral("race-free")});
        RaceFinding race;
        race.kind = QStringLiteral("data-race");
        race.occurrences = 20;
        race.runs = 20;
        race.accesses = {
            access("write", QStringLiteral("counter.go"), gusRaceLine, "main.add", "goroutine 9"),
            access("write", QStringLiteral("counter.go"), gusRaceLine, "main.add", "goroutine 8")};
        race.mistake = QStringLiteral("missing-lock");
        record.grade.races = {race};
        all.append(record);

        SubmissionRecord config = baseRecord(QStringLiteral("gwong"), QStringLiteral("gwong"),
                                             QStringLiteral("config-once"), Language::Go,
                                             QStringLiteral("gwong/config.go"), gusConfig);
        config.graded = true;
        config.gradedAt = gradedAt;
        config.grade.exercise = config.exercise;
        config.grade.language = Language::Go;
        config.grade.verdict = Verdict::Error;
        config.grade.maxScore = 100;
        config.grade.errorMessage = QStringLiteral("the Go toolchain is missing");
        all.append(config);
    }
    return all;
}

SubmissionRecord record(const QString &studentKey, const QString &exerciseId)
{
    for (const SubmissionRecord &candidate : records()) {
        if (candidate.studentKey == studentKey && candidate.exercise == exerciseId) {
            return candidate;
        }
    }
    return {};
}

QVector<QStringList> parseCsv(const QByteArray &bytes, QString *error)
{
    const QString text = QString::fromUtf8(bytes);
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and its closing quote seen
    bool fieldStart = true;
    const auto fail = [&](const QString &why, qsizetype at) {
        *error = QStringLiteral("%1 at character %2").arg(why).arg(at);
        return rows;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u',') {
            row.append(field);
            field.clear();
            wasQuoted = false;
            fieldStart = true;
            continue;
        }
        if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n') {
                return fail(QStringLiteral("a CR without LF"), i);
            }
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            wasQuoted = false;
            fieldStart = true;
            ++i;
            continue;
        }
        if (c == u'\n') {
            return fail(QStringLiteral("a bare LF"), i);
        }
        if (c == u'"') {
            if (!fieldStart) {
                return fail(QStringLiteral("a quote inside an unquoted field"), i);
            }
            quoted = true;
            fieldStart = false;
            continue;
        }
        if (wasQuoted) {
            return fail(QStringLiteral("text after a closing quote"), i);
        }
        field += c;
        fieldStart = false;
    }
    if (quoted) {
        return fail(QStringLiteral("an unclosed quote"), text.size());
    }
    if (!fieldStart || !row.isEmpty()) {
        return fail(QStringLiteral("the last record has no CRLF"), text.size());
    }
    error->clear();
    return rows;
}

QByteArray runTool(const QString &program, const QStringList &arguments, bool *ok)
{
    *ok = false;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        qWarning("%s is not installed (Debian: poppler-utils)", qPrintable(program));
        return {};
    }
    QProcess process;
    process.start(path, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return {};
    }
    *ok = true;
    return process.readAllStandardOutput();
}

} // namespace ClassFixture
