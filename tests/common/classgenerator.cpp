#include "classgenerator.h"

#include "classfolder.h"
#include "exerciseloader.h"
#include "testarchive.h"
#include "testcorpus.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <algorithm>
#include <random>

namespace RaceGrade::TestSupport {

namespace {

// The people of a generated class, in the order students are made. The first twelve have the
// fixed roles of forcedFates(); the comma, the quotes and the letters outside ASCII are there
// on purpose.
const char *const people[] = {
    "Ana Lee",          "Bruno Díaz",       "García, Zoë",   "Kai \"KJ\" Jensen",
    "Jamal O'Neil",     "Chloé Martin",     "Dmitri Ivanov", "Eun-ji Park",
    "Farah Haddad",     "Hiro Tanaka",      "Ingrid Øvrebø", "Lena Müller",
    "Mateus Conceição", "Nadia Benali",     "Oskar Nowak",   "Priya Raman",
    "Quentin Roux",     "Rosa Álvarez",     "Sven Larsson",  "Tomás Ó Briain",
    "Uma Patel",        "Victor Lindqvist", "张伟",          "Xenia Petrova",
    "Yusuf Demir",      "Zanele Dlamini",   "Ágnes Kovács",  "Łukasz Wójcik",
    "Noah Smith",       "Mia Jones",        "Liam Brown",    "Aroha Ngata",
    "Ji-woo Kim",       "Émile Rousseau",   "Sofía Herrera", "Ravi Iyer",
    "Björn Andersson",  "Olu Adeyemi",      "Hana Novák",    "Chen Jing",
};
constexpr int peopleCount = int(sizeof(people) / sizeof(people[0]));
constexpr int forcedStudents = 13;

enum class Fate
{
    Correct,
    Racy,
    Failing,
    CompileError,
    Empty,
    Binary,
    Missing,
};

enum class NameStyle
{
    Id,      ///< safe-counter.go
    Snake,   ///< safe_counter.go
    Camel,   ///< SafeCounter.go
    Short,   ///< counter.go
    Folder,  ///< safe-counter/main.go
    Content, ///< main.go, solution.go, answer.go: known only by what it defines
};

/// What one student hands in, before the layout gives the files their places.
struct Plan
{
    Fate fates[3] = {Fate::Correct, Fate::Correct, Fate::Correct};
    Language languages[3] = {Language::Go, Language::Go, Language::Go};
    NameStyle styles[3] = {NameStyle::Snake, NameStyle::Snake, NameStyle::Snake};
    int copyFrom = -1;        ///< copies this student's file of exercise 0
    bool duplicate = false;   ///< a second, content-only file for exercise 0
    bool resubmitted = false; ///< Canvas: exercise 0 uploaded twice, the first one racy
    bool helper = false;      ///< a file that fits no exercise
    bool readme = false;      ///< a file that is not code
};

/// A file of a student with its path inside the student's submission.
struct Pending
{
    QString inner;
    GeneratedFile file;
    bool notCode = false; ///< to be set aside, not planned
};

class Random
{
public:
    explicit Random(quint32 seed)
        : m_engine(seed)
    {}
    // std::mt19937 is the same everywhere; the distributions of <random> are not.
    int below(int n) { return int(m_engine() % quint32(n)); }

private:
    std::mt19937 m_engine;
};

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString fail(const QString &what)
{
    return QStringLiteral("the class generator: ") + what;
}

/// The corpus cases of one exercise and language that stand for a fate.
QVector<const CorpusCase *> casesFor(const QVector<CorpusCase> &corpus, const QString &exercise,
                                     Language language, Fate fate)
{
    QVector<const CorpusCase *> found;
    for (const CorpusCase &corpusCase : corpus) {
        if (corpusCase.exercise != exercise || corpusCase.language != language) {
            continue;
        }
        const bool empty = corpusCase.bytes.trimmed().isEmpty();
        const bool compile = corpusCase.compileError();
        bool fits = false;
        switch (fate) {
        case Fate::Correct:
            fits = corpusCase.verdict == QLatin1String("pass");
            break;
        case Fate::Racy:
            fits = corpusCase.verdict == QLatin1String("fail") && corpusCase.racy() && !compile;
            break;
        case Fate::Failing:
            fits = corpusCase.verdict == QLatin1String("fail") && !corpusCase.racy() && !compile &&
                   !empty;
            break;
        case Fate::CompileError:
            fits = compile && !empty;
            break;
        case Fate::Empty:
            fits = empty;
            break;
        case Fate::Binary:
        case Fate::Missing:
            break;
        }
        if (fits) {
            found.append(&corpusCase);
        }
    }
    return found;
}

FileKind kindOf(Fate fate)
{
    switch (fate) {
    case Fate::Correct:
        return FileKind::Correct;
    case Fate::Racy:
        return FileKind::Racy;
    case Fate::Failing:
        return FileKind::Failing;
    case Fate::CompileError:
        return FileKind::CompileError;
    case Fate::Empty:
        return FileKind::Empty;
    case Fate::Binary:
    case Fate::Missing:
        break;
    }
    return FileKind::Binary;
}

QString extensionFor(Language language, int student)
{
    if (language == Language::Go) {
        return QStringLiteral(".go");
    }
    return student % 7 == 5 ? QStringLiteral(".cc") : QStringLiteral(".cpp");
}

/// The file's path inside the student's submission for a naming style.
QString innerName(NameStyle style, const Exercise &exercise, int exerciseIndex,
                  const QString &extension)
{
    const QStringList words = exercise.id.split(u'-');
    switch (style) {
    case NameStyle::Id:
        return exercise.id + extension;
    case NameStyle::Snake:
        return words.join(u'_') + extension;
    case NameStyle::Camel: {
        QString camel;
        for (const QString &word : words) {
            camel += word.left(1).toUpper() + word.mid(1);
        }
        return camel + extension;
    }
    case NameStyle::Short: {
        // The manifest's last phrase: "counter", "fetch", "config".
        QString phrase =
            exercise.match.names.isEmpty() ? words.constLast() : exercise.match.names.constLast();
        return phrase.replace(u' ', u'_') + extension;
    }
    case NameStyle::Folder:
        return exercise.id + QStringLiteral("/main") + extension;
    case NameStyle::Content:
        break;
    }
    const char *const plain[] = {"main", "solution", "answer"};
    return QLatin1String(plain[exerciseIndex % 3]) + extension;
}

ExerciseMatch matchOf(NameStyle style)
{
    switch (style) {
    case NameStyle::Folder:
        return ExerciseMatch::FolderName;
    case NameStyle::Content:
        return ExerciseMatch::Content;
    default:
        return ExerciseMatch::FileName;
    }
}

/// The fixed roles of the first students: every kind of submission in every class.
Plan forcedPlan(int student)
{
    using F = Fate;
    using L = Language;
    using S = NameStyle;
    Plan plan;
    const auto set = [&](std::initializer_list<F> fates, std::initializer_list<L> languages,
                         std::initializer_list<S> styles) {
        std::copy(fates.begin(), fates.end(), plan.fates);
        std::copy(languages.begin(), languages.end(), plan.languages);
        std::copy(styles.begin(), styles.end(), plan.styles);
    };
    switch (student) {
    case 0:
        set({F::Correct, F::Correct, F::Correct}, {L::Go, L::Go, L::Go},
            {S::Snake, S::Id, S::Folder});
        plan.readme = true;
        break;
    case 1:
        set({F::Correct, F::Correct, F::Correct}, {L::Cpp, L::Cpp, L::Cpp},
            {S::Camel, S::Short, S::Id});
        break;
    case 2:
        set({F::Racy, F::Racy, F::Racy}, {L::Go, L::Cpp, L::Go}, {S::Short, S::Snake, S::Camel});
        break;
    case 3:
        set({F::CompileError, F::Correct, F::Correct}, {L::Cpp, L::Go, L::Cpp},
            {S::Id, S::Folder, S::Short});
        break;
    case 4:
        set({F::Correct, F::Racy, F::Empty}, {L::Go, L::Go, L::Go}, {S::Id, S::Camel, S::Snake});
        break;
    case 5:
        set({F::Failing, F::Binary, F::Correct}, {L::Cpp, L::Cpp, L::Go},
            {S::Snake, S::Short, S::Camel});
        break;
    case 6:
        set({F::Correct, F::Correct, F::Missing}, {L::Cpp, L::Go, L::Go},
            {S::Folder, S::Camel, S::Snake});
        break;
    case 7:
        set({F::Missing, F::Racy, F::Failing}, {L::Go, L::Cpp, L::Go}, {S::Id, S::Id, S::Folder});
        break;
    case 8:
        set({F::Correct, F::Failing, F::Racy}, {L::Go, L::Go, L::Cpp}, {S::Short, S::Snake, S::Id});
        plan.copyFrom = 0;
        break;
    case 9:
        set({F::Correct, F::Correct, F::Correct}, {L::Go, L::Cpp, L::Cpp},
            {S::Snake, S::Id, S::Camel});
        plan.duplicate = true;
        break;
    case 10:
        set({F::Racy, F::Correct, F::CompileError}, {L::Cpp, L::Go, L::Go},
            {S::Camel, S::Short, S::Id});
        plan.helper = true;
        break;
    case 11:
        set({F::Correct, F::Racy, F::Failing}, {L::Go, L::Go, L::Cpp},
            {S::Content, S::Content, S::Content});
        break;
    case 12:
        set({F::Correct, F::Racy, F::Correct}, {L::Go, L::Cpp, L::Go}, {S::Short, S::Snake, S::Id});
        plan.resubmitted = true;
        break;
    }
    return plan;
}

Plan randomPlan(Random &random)
{
    Plan plan;
    // Weights out of 100: most students hand in working or racy code.
    const QVector<QPair<Fate, int>> weights = {{Fate::Correct, 42}, {Fate::Racy, 25},
                                               {Fate::Failing, 12}, {Fate::CompileError, 6},
                                               {Fate::Binary, 3},   {Fate::Missing, 12}};
    const NameStyle styles[] = {NameStyle::Id,    NameStyle::Snake,  NameStyle::Camel,
                                NameStyle::Short, NameStyle::Folder, NameStyle::Content};
    bool any = false;
    for (int e = 0; e < 3; ++e) {
        int roll = random.below(100);
        for (const auto &[fate, weight] : weights) {
            if (roll < weight) {
                plan.fates[e] = fate;
                break;
            }
            roll -= weight;
        }
        plan.languages[e] = random.below(2) == 0 ? Language::Go : Language::Cpp;
        plan.styles[e] = styles[random.below(6)];
        if (plan.fates[e] == Fate::Binary && plan.styles[e] == NameStyle::Content) {
            plan.styles[e] = NameStyle::Snake; // bytes that are not code define nothing
        }
        any = any || plan.fates[e] != Fate::Missing;
    }
    if (!any) {
        plan.fates[0] = Fate::Correct;
    }
    plan.readme = random.below(4) == 0;
    return plan;
}

/// Canvas writes "Last, First" as "lastfirst": lower case, no spaces or punctuation.
QString canvasName(const QString &fullName)
{
    QString last;
    QString first;
    const qsizetype comma = fullName.indexOf(u',');
    if (comma >= 0) {
        last = fullName.left(comma);
        first = fullName.mid(comma + 1);
    } else {
        const qsizetype space = fullName.lastIndexOf(u' ');
        last = space < 0 ? fullName : fullName.mid(space + 1);
        first = space < 0 ? QString() : fullName.left(space);
    }
    QString name;
    for (const QChar c : (last + first).toLower()) {
        if (c.isLetterOrNumber()) {
            name.append(c);
        }
    }
    return name;
}

/// "García, Zoë" gives "zoe.garcia@example.edu".
QString emailOf(const QString &fullName, int student)
{
    QString ordered = fullName;
    const qsizetype comma = fullName.indexOf(u',');
    if (comma >= 0) {
        ordered = fullName.mid(comma + 1) + u' ' + fullName.left(comma);
    }
    ordered.replace(QChar(0x00F8), u'o').replace(QChar(0x00D8), u'O');
    ordered.replace(QChar(0x0142), u'l').replace(QChar(0x0141), u'L');
    QStringList words;
    QString word;
    for (const QChar c : ordered.normalized(QString::NormalizationForm_KD).toLower()) {
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            word.append(c);
        } else if (c.isSpace() || c == u'-') {
            if (!word.isEmpty()) {
                words.append(word);
            }
            word.clear();
        }
    }
    if (!word.isEmpty()) {
        words.append(word);
    }
    return (words.isEmpty() ? QStringLiteral("student%1").arg(student) : words.join(u'.')) +
           QStringLiteral("@example.edu");
}

QString writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return fail(QStringLiteral("cannot create the folder of ") + path);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        return fail(path + QStringLiteral(" cannot be written"));
    }
    return {};
}

QString csvField(const QString &value)
{
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r')) {
        QString quoted = value;
        return u'"' + quoted.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    }
    return value;
}

} // namespace

QString fileKindId(FileKind kind)
{
    switch (kind) {
    case FileKind::Correct:
        return QStringLiteral("correct");
    case FileKind::Racy:
        return QStringLiteral("racy");
    case FileKind::Failing:
        return QStringLiteral("failing");
    case FileKind::CompileError:
        return QStringLiteral("compile-error");
    case FileKind::Empty:
        return QStringLiteral("empty");
    case FileKind::Binary:
        return QStringLiteral("binary");
    case FileKind::Unmappable:
        return QStringLiteral("unmappable");
    }
    return {};
}

const GeneratedFile *GeneratedStudent::chosenFile(const QString &exercise) const
{
    for (const GeneratedFile &file : files) {
        if (file.chosen && file.exercise == exercise) {
            return &file;
        }
    }
    return nullptr;
}

const GeneratedStudent *GeneratedClass::student(const QString &key) const
{
    for (const GeneratedStudent &candidate : students) {
        if (candidate.key == key) {
            return &candidate;
        }
    }
    return nullptr;
}

int GeneratedClass::submissionCount() const
{
    int count = 0;
    for (const GeneratedStudent &generated : students) {
        for (const GeneratedFile &file : generated.files) {
            count += file.chosen ? 1 : 0;
        }
    }
    return count;
}

QByteArray GeneratedClass::rosterCsv(RosterStyle style) const
{
    QStringList lines;
    switch (style) {
    case RosterStyle::Generic:
        lines.append(QStringLiteral("id,name,email,section"));
        break;
    case RosterStyle::Canvas:
        lines.append(QStringLiteral("Student,ID,SIS User ID,SIS Login ID,Section"));
        lines.append(QStringLiteral("    Points Possible,,,,"));
        break;
    case RosterStyle::Moodle:
        lines.append(QStringLiteral("Identifier,Full name,Email address"));
        break;
    }
    int index = 0;
    for (const GeneratedStudent &generated : students) {
        const QString sisId = QStringLiteral("S%1").arg(1000 + index++);
        const QString id = generated.platformId.isEmpty() ? sisId : generated.platformId;
        QStringList fields;
        switch (style) {
        case RosterStyle::Generic:
            fields = QStringList{id, generated.fullName, generated.email, generated.section};
            break;
        case RosterStyle::Canvas: {
            // Canvas lists "Last, First".
            QString sortable = generated.fullName;
            const qsizetype space = sortable.lastIndexOf(u' ');
            if (!sortable.contains(u',') && space > 0) {
                sortable = sortable.mid(space + 1) + QStringLiteral(", ") + sortable.left(space);
            }
            fields = QStringList{sortable, id, sisId, generated.email, generated.section};
            break;
        }
        case RosterStyle::Moodle:
            fields = QStringList{QStringLiteral("Participant ") + id, generated.fullName,
                                 generated.email};
            break;
        }
        for (QString &field : fields) {
            field = csvField(field);
        }
        lines.append(fields.join(u','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

QString ClassGenerator::corpusDir()
{
    return TestCorpus::directory();
}

Expected<GeneratedClass> ClassGenerator::write(const QString &directory, ClassLayout layout,
                                               quint32 seed, const Options &options)
{
    using Result = Expected<GeneratedClass>;
    if (layout == ClassLayout::Empty) {
        return Result::failure(fail(QStringLiteral("an empty class has nothing to generate")));
    }
    if (options.students < forcedStudents || options.students > peopleCount) {
        return Result::failure(fail(
            QStringLiteral("a class has %1 to %2 students").arg(forcedStudents).arg(peopleCount)));
    }
    const QDir root(directory);
    if (root.exists() && !root.isEmpty()) {
        return Result::failure(fail(directory + QStringLiteral(" is not empty")));
    }
    if (!QDir().mkpath(directory)) {
        return Result::failure(fail(QStringLiteral("cannot create ") + directory));
    }
    const Expected<QVector<CorpusCase>> corpus = TestCorpus::load(options.slowCases);
    if (!corpus) {
        return Result::failure(corpus.error());
    }
    const QVector<CorpusCase> &cases = corpus.value();
    const ExerciseCatalog catalog = ExerciseLoader::loadCatalog(
        {QStringLiteral(RACEGRADE_SOURCE_DIR) + QStringLiteral("/exercises")});
    if (catalog.exercises.size() < 3) {
        return Result::failure(fail(QStringLiteral("the exercise pack has fewer than three "
                                                   "exercises")));
    }
    const QVector<Exercise> exercises = catalog.exercises.mid(0, 3);

    Random random(seed);
    GeneratedClass generated;
    generated.layout = layout;
    generated.seed = seed;
    generated.directory = QDir(directory).absolutePath();

    // What each student hands in, wherever the layout puts it.
    QVector<QVector<Pending>> pendingOf;
    QVector<QPair<QString, QByteArray>> firstFiles; // student 0's file per exercise, for copies
    for (int s = 0; s < options.students; ++s) {
        const QString fullName = QString::fromUtf8(people[s]);
        const Plan plan = s < forcedStudents ? forcedPlan(s) : randomPlan(random);
        QVector<Pending> pending;
        const auto corpusFile = [&](const CorpusCase *corpusCase, Fate fate, Language language,
                                    const Exercise &exercise) {
            GeneratedFile file;
            file.exercise = exercise.id;
            file.language = language;
            file.kind = kindOf(fate);
            file.verdict = QStringLiteral("fail");
            if (corpusCase) {
                file.corpusCase = corpusCase->name;
                file.verdict = corpusCase->verdict;
            }
            const QPair<int, int> scores = TestCorpus::scoreRange(corpusCase, exercise, language);
            file.minScore = scores.first;
            file.maxScore = scores.second;
            return file;
        };
        const QString trailer = QStringLiteral("\n// handed in by %1\n").arg(fullName);
        for (int e = 0; e < 3; ++e) {
            const Exercise &exercise = exercises.at(e);
            Fate fate = plan.fates[e];
            if (fate == Fate::Missing) {
                continue;
            }
            const Language language = plan.languages[e];
            const QString extension = extensionFor(language, s);
            NameStyle style = plan.styles[e];
            Pending item;
            if (e == 0 && plan.copyFrom >= 0) {
                // The very bytes another student handed in, under a name of this student's own.
                item = pendingOf.at(plan.copyFrom).constFirst();
                item.file.matchedBy = matchOf(style);
                item.file.chosen = true;
                item.inner = innerName(style, exercise, e, extensionFor(item.file.language, s));
                pending.append(item);
                continue;
            }
            QVector<const CorpusCase *> candidates = casesFor(cases, exercise.id, language, fate);
            QByteArray bytes;
            const CorpusCase *chosenCase = nullptr;
            if (fate == Fate::CompileError && candidates.isEmpty()) {
                // No corpus case: a correct answer with a line of prose in it does not build.
                candidates = casesFor(cases, exercise.id, language, Fate::Correct);
                bytes = candidates.at(random.below(int(candidates.size())))->bytes +
                        trailer.toUtf8() + "this line is not code\n";
                item.file = corpusFile(nullptr, fate, language, exercise);
            } else if (fate == Fate::Failing && candidates.isEmpty()) {
                fate = Fate::Racy; // parallel-fetch fails fast only through its races
                candidates = casesFor(cases, exercise.id, language, fate);
            }
            if (fate == Fate::Empty) {
                chosenCase = candidates.isEmpty() ? nullptr : candidates.constFirst();
                item.file = corpusFile(chosenCase, fate, language, exercise);
            } else if (fate == Fate::Binary) {
                bytes = QByteArray("\x7f"
                                   "ELF\x02\x01\x01\x00",
                                   8);
                for (int i = 0; i < 120; ++i) {
                    bytes.append(char(random.below(256)));
                }
                item.file = corpusFile(nullptr, fate, language, exercise);
            } else if (bytes.isEmpty()) {
                if (candidates.isEmpty()) {
                    return Result::failure(fail(QStringLiteral("no corpus case for %1 in %2")
                                                    .arg(exercise.id, languageId(language))));
                }
                chosenCase = candidates.at(random.below(int(candidates.size())));
                bytes = chosenCase->bytes + trailer.toUtf8();
                item.file = corpusFile(chosenCase, fate, language, exercise);
            }
            if ((fate == Fate::Empty || fate == Fate::Binary) && style == NameStyle::Content) {
                style = NameStyle::Snake;
            }
            item.file.content = bytes;
            item.file.matchedBy = matchOf(style);
            item.file.chosen = true;
            item.inner = innerName(style, exercise, e, extension);
            pending.append(item);

            if (e == 0 && plan.duplicate) {
                // A second file for the same exercise that only its content ties to it: the
                // named one is graded.
                const QVector<const CorpusCase *> racy =
                    casesFor(cases, exercise.id, language, Fate::Racy);
                Pending scratch;
                scratch.file = corpusFile(racy.constFirst(), Fate::Racy, language, exercise);
                scratch.file.content = racy.constFirst()->bytes + trailer.toUtf8();
                scratch.file.matchedBy = ExerciseMatch::Content;
                scratch.file.chosen = false;
                scratch.inner = QStringLiteral("scratch") + extension;
                pending.append(scratch);
            }
            if (e == 0 && plan.resubmitted && layout == ClassLayout::Canvas) {
                // Uploaded twice: Canvas keeps the first name and numbers the second.
                const QVector<const CorpusCase *> racy =
                    casesFor(cases, exercise.id, language, Fate::Racy);
                Pending first;
                first.file = corpusFile(racy.constFirst(), Fate::Racy, language, exercise);
                first.file.content = racy.constFirst()->bytes + trailer.toUtf8();
                first.file.matchedBy = ExerciseMatch::FileName;
                first.file.chosen = false;
                first.inner = pending.last().inner;
                pending.last().inner.insert(pending.last().inner.lastIndexOf(u'.'),
                                            QStringLiteral("-1"));
                pending.append(first);
            }
        }
        if (plan.helper) {
            Pending helper;
            helper.file.kind = FileKind::Unmappable;
            helper.file.language = Language::Go;
            helper.file.content = "package main\n\n// Doubles a number; used by the other files.\n"
                                  "func helper(n int) int {\n\treturn n * 2\n}\n";
            helper.inner = QStringLiteral("helper.go");
            pending.append(helper);
        }
        if (plan.readme) {
            Pending readme;
            readme.inner = QStringLiteral("README.md");
            readme.file.content = "# My solutions\n\nAll three exercises.\n";
            readme.notCode = true;
            pending.append(readme);
        }
        pendingOf.append(pending);
    }

    // Where each layout puts the files.
    for (int s = 0; s < options.students; ++s) {
        GeneratedStudent student;
        student.fullName = QString::fromUtf8(people[s]);
        student.email = emailOf(student.fullName, s);
        student.section = s % 2 == 0 ? QStringLiteral("Section A") : QStringLiteral("Section B");
        QVector<Pending> pending = pendingOf.at(s);
        for (const Exercise &exercise : exercises) {
            const bool handedIn =
                std::any_of(pending.cbegin(), pending.cend(),
                            [&](const Pending &item) { return item.file.exercise == exercise.id; });
            if (!handedIn) {
                student.missing.append(exercise.id);
            }
        }
        const ClassLayout own = layout == ClassLayout::Mixed
                                    ? (s % 2 == 0 ? ClassLayout::Folders : ClassLayout::Archives)
                                    : layout;
        const bool zipped = s % 5 == 3 && s != 12;
        QString prefix;      // the relative path of the folder or archive the files go in
        QString archivePath; // the archive the files go in, if any
        QString innerPrefix; // inside that archive
        TestArchive::Format format = TestArchive::Zip;
        switch (own) {
        case ClassLayout::Folders:
            student.name = student.fullName;
            student.origin = student.name;
            prefix = student.origin + u'/';
            break;
        case ClassLayout::Archives: {
            const char *const extensions[] = {".zip", ".tar", ".tar.gz"};
            format = TestArchive::Format(s % 3);
            student.name = student.fullName;
            student.origin = student.name + QLatin1String(extensions[s % 3]);
            innerPrefix = s % 4 == 2 ? QStringLiteral("work/") : QString();
            archivePath = student.origin;
            prefix = student.origin + u'/' + innerPrefix;
            break;
        }
        case ClassLayout::Canvas: {
            student.name = canvasName(student.fullName);
            student.platformId = QString::number(40000 + 137 * s + int(seed % 97));
            student.late = s % 4 == 1;
            const QString submission = QString::number(2000000 + 7919 * s + int(seed % 1000));
            const QString canvasPrefix = student.name +
                                         (student.late ? QStringLiteral("_LATE") : QString()) +
                                         u'_' + student.platformId + u'_' + submission + u'_';
            if (zipped) {
                archivePath = canvasPrefix + QStringLiteral("submission.zip");
                prefix = archivePath + u'/';
            } else {
                prefix = canvasPrefix;
                // A flat download has no folders: a folder-style name becomes a plain one.
                for (Pending &item : pending) {
                    if (item.inner.contains(u'/')) {
                        item.inner.replace(u'/', u'_');
                        item.inner.replace(u'-', u'_');
                        item.file.matchedBy = ExerciseMatch::FileName;
                    }
                }
            }
            break;
        }
        case ClassLayout::Moodle: {
            student.name = student.fullName;
            student.platformId = QString::number(100000 + 37 * s + int(seed % 50));
            student.origin = student.name + u'_' + student.platformId +
                             QStringLiteral("_assignsubmission_file_");
            if (zipped) {
                archivePath = student.origin + QStringLiteral("/submission.zip");
                prefix = archivePath + u'/';
            } else {
                prefix = student.origin + u'/';
            }
            if (s % 3 == 0) {
                const QString text =
                    student.name + u'_' + student.platformId +
                    QStringLiteral("_assignsubmission_onlinetext_/onlinetext.html");
                const QString problem =
                    writeFile(root.absoluteFilePath(text), "<p>See the files I uploaded.</p>\n");
                if (!problem.isEmpty()) {
                    return Result::failure(problem);
                }
                generated.setAside.append(text);
            }
            break;
        }
        case ClassLayout::Mixed:
        case ClassLayout::Empty:
            break;
        }
        student.key = ClassFolder::nameKey(student.name);

        QVector<TestArchiveEntry> archived;
        QStringList topLevel;
        for (Pending &item : pending) {
            item.file.relativePath = prefix + item.inner;
            item.file.contentHash = sha256(item.file.content);
            if (archivePath.isEmpty()) {
                const QString problem =
                    writeFile(root.absoluteFilePath(item.file.relativePath), item.file.content);
                if (!problem.isEmpty()) {
                    return Result::failure(problem);
                }
                topLevel.append(item.file.relativePath.section(u'/', 0, 0));
            } else {
                archived.append({(innerPrefix + item.inner).toUtf8(), item.file.content, {}, {}});
            }
            if (item.notCode) {
                generated.setAside.append(item.file.relativePath);
            } else {
                student.files.append(item.file);
            }
        }
        if (!archivePath.isEmpty()) {
            if (!QDir().mkpath(QFileInfo(root.absoluteFilePath(archivePath)).absolutePath())) {
                return Result::failure(
                    fail(QStringLiteral("cannot create a folder for ") + archivePath));
            }
            const QString problem =
                TestArchive::write(root.absoluteFilePath(archivePath), format, archived);
            if (!problem.isEmpty()) {
                return Result::failure(problem);
            }
            topLevel.append(archivePath.section(u'/', 0, 0));
        }
        if (own == ClassLayout::Canvas) {
            std::sort(topLevel.begin(), topLevel.end());
            student.origin = topLevel.value(0);
        }
        std::sort(student.files.begin(), student.files.end(),
                  [](const GeneratedFile &a, const GeneratedFile &b) {
                      return a.relativePath < b.relativePath;
                  });
        if (generated.student(student.key)) {
            return Result::failure(
                fail(QStringLiteral("two students have the key ") + student.key));
        }
        generated.students.append(student);
    }

    // Who handed in the same bytes as whom.
    QHash<QString, QStringList> holders;
    for (const GeneratedStudent &student : std::as_const(generated.students)) {
        for (const GeneratedFile &file : student.files) {
            if (file.chosen) {
                holders[file.exercise + u'/' + QString::fromLatin1(file.contentHash)].append(
                    student.key);
            }
        }
    }
    for (GeneratedStudent &student : generated.students) {
        for (GeneratedFile &file : student.files) {
            if (file.chosen) {
                file.identicalTo =
                    holders.value(file.exercise + u'/' + QString::fromLatin1(file.contentHash));
                file.identicalTo.removeAll(student.key);
                file.identicalTo.sort();
            }
        }
    }
    std::sort(generated.students.begin(), generated.students.end(),
              [](const GeneratedStudent &a, const GeneratedStudent &b) { return a.key < b.key; });
    generated.setAside.sort();
    return generated;
}

} // namespace RaceGrade::TestSupport
