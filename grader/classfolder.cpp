#include "classfolder.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <numeric>
#include <optional>

namespace RaceGrade {

namespace {

const QLatin1String sourceSuffixes[] = {QLatin1String(".go"), QLatin1String(".cpp"),
                                        QLatin1String(".cc"), QLatin1String(".cxx")};

// A student's folder is never nested this deep on purpose; the cap keeps a pathological tree
// from taking the scan down.
constexpr int maxDepth = 32;

/// Files that operating systems and archivers leave behind; never a student's work.
bool isLitter(const QString &name)
{
    return name.startsWith(u'.') || name == QLatin1String("__MACOSX") ||
           name == QLatin1String("Thumbs.db") || name == QLatin1String("desktop.ini");
}

QString shown(const QString &relativePath)
{
    return QDir::toNativeSeparators(relativePath);
}

QFileInfoList entriesOf(const QString &directory)
{
    return QDir(directory).entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

QString notSource()
{
    return QStringLiteral("is not a .go, .cpp, .cc or .cxx file; set aside");
}

class Scanner
{
public:
    Scanner(const QString &classDir, const ClassScanOptions &options)
        : m_classDir(classDir)
        , m_options(options)
    {}

    ClassScan run();

private:
    void addFolder(const QFileInfo &info);
    void addArchive(const QFileInfo &info);
    void addCanvasFile(const QFileInfo &info, const CanvasFileName &name);
    void addMoodleEntry(const QFileInfo &info, const MoodleEntryName &name);
    StudentSubmission &platformStudent(const QString &platformKey, const QString &name,
                                       const QString &id, const QString &origin);
    void collectSources(const QString &directory, const QString &relative, const QString &namedAs,
                        int depth, StudentSubmission *student);
    void addSource(const QFileInfo &info, const QString &relative, const QString &namedAs,
                   int revision, StudentSubmission *student);
    bool addArchiveFiles(const QFileInfo &info, const QString &relative, const QString &namedPrefix,
                         StudentSubmission *student);
    std::optional<QString> unpack(const QFileInfo &info, const QString &relative,
                                  QStringList *files);
    void setAsideTree(const QFileInfo &info, const QString &relative, const QString &reason,
                      int depth);
    void addStudent(StudentSubmission student, bool reportEmpty);
    void finishStudent(StudentSubmission *student, bool reportEmpty);
    void reportLink(const QFileInfo &info, const QString &relative);
    bool readableFolder(const QFileInfo &info, const QString &relative);
    QString freshScratchFolder(const QString &archiveName) const;
    void assignKeys();
    void problem(const QString &relative, const QString &reason)
    {
        m_scan.problems.append({relative, shown(relative) + u": " + reason});
    }
    void setAside(const QString &relative, const QString &reason)
    {
        m_scan.setAside.append({relative, shown(relative) + u": " + reason});
    }

    QString m_classDir;
    QString m_root; // canonical: links in the path the teacher gave are theirs to make
    ClassScanOptions m_options;
    ClassScan m_scan;
    // Students of a platform's download, gathered from several entries each.
    QVector<StudentSubmission> m_platformStudents;
    QHash<QString, int> m_platformIndex;
};

ClassScan Scanner::run()
{
    const QFileInfo rootInfo(m_classDir);
    m_root = rootInfo.canonicalFilePath();
    if (!rootInfo.isDir() || m_root.isEmpty()) {
        m_scan.problems.append(
            {m_classDir, shown(m_classDir) + QStringLiteral(": is not a folder; nothing to scan")});
        m_scan.layoutReason = QStringLiteral("there is no class folder");
        return m_scan;
    }
    if (!readableFolder(QFileInfo(m_root), m_classDir)) {
        m_scan.layoutReason = QStringLiteral("the class folder cannot be read");
        return m_scan;
    }
    QFileInfoList entries;
    QVector<LayoutEntry> layoutEntries;
    for (const QFileInfo &info : entriesOf(m_root)) {
        if (isLitter(info.fileName())) {
            continue;
        }
        entries.append(info);
        const bool link = info.isSymLink();
        layoutEntries.append({info.fileName(), !link && info.isDir(), !link && info.isFile()});
    }
    const LayoutGuess guess = ClassLayoutDetector::detect(layoutEntries);
    m_scan.layout = guess.layout;
    m_scan.layoutReason = guess.reason;

    for (const QFileInfo &info : std::as_const(entries)) {
        const QString name = info.fileName();
        const std::optional<CanvasFileName> canvas =
            m_scan.layout == ClassLayout::Canvas && !info.isSymLink() && info.isFile()
                ? ClassLayoutDetector::parseCanvas(name)
                : std::nullopt;
        const std::optional<MoodleEntryName> moodle =
            m_scan.layout == ClassLayout::Moodle && !info.isSymLink()
                ? ClassLayoutDetector::parseMoodle(name)
                : std::nullopt;
        if (info.isSymLink()) {
            reportLink(info, name);
        } else if (canvas) {
            addCanvasFile(info, *canvas);
        } else if (moodle && (info.isFile() || (info.isDir() && moodle->rest.isEmpty()))) {
            addMoodleEntry(info, *moodle);
        } else if (info.isDir()) {
            addFolder(info);
        } else if (info.isFile() && SubmissionArchive::isArchiveName(name)) {
            addArchive(info);
        } else if (info.isFile() && ClassFolder::isSourceName(name)) {
            problem(name, QStringLiteral("is a source file directly in the class folder, but each "
                                         "student needs a folder or an archive; skipped"));
        } else if (info.isFile()) {
            problem(name, QStringLiteral("is neither a student folder nor a .zip, .tar or "
                                         ".tar.gz archive; skipped"));
        } else {
            problem(name, QStringLiteral("is not a regular file or folder; skipped"));
        }
    }
    for (StudentSubmission &student : m_platformStudents) {
        finishStudent(&student, true);
        m_scan.students.append(student);
    }
    assignKeys();
    qCDebug(lcClass).noquote() << "scanned" << m_root << "as" << classLayoutId(m_scan.layout)
                               << "->" << m_scan.students.size() << "students,"
                               << m_scan.problems.size() << "problems";
    return m_scan;
}

void Scanner::addFolder(const QFileInfo &info)
{
    StudentSubmission student;
    student.name = info.fileName();
    student.origin = student.name;
    if (!readableFolder(info, student.origin)) {
        addStudent(student, false);
        return;
    }
    collectSources(info.absoluteFilePath(), student.origin, QString(), 0, &student);
    addStudent(student, true);
}

void Scanner::addArchive(const QFileInfo &info)
{
    StudentSubmission student;
    student.name = SubmissionArchive::baseName(info.fileName());
    student.origin = info.fileName();
    student.fromArchive = true;
    // The archive's name is the student's, so its files are named from inside it.
    const bool unpacked = addArchiveFiles(info, student.origin, QString(), &student);
    addStudent(student, unpacked);
}

void Scanner::addCanvasFile(const QFileInfo &info, const CanvasFileName &name)
{
    const QString fileName = info.fileName();
    StudentSubmission &student =
        platformStudent(QStringLiteral("canvas:") + name.userId, name.name, name.userId, fileName);
    student.late = student.late || name.late;
    if (SubmissionArchive::isArchiveName(name.original)) {
        student.fromArchive = true;
        addArchiveFiles(info, fileName, SubmissionArchive::baseName(name.original) + u'/',
                        &student);
    } else if (ClassFolder::isSourceName(name.original)) {
        addSource(info, fileName, name.original, name.revision, &student);
    } else {
        setAside(fileName, notSource());
    }
}

void Scanner::addMoodleEntry(const QFileInfo &info, const MoodleEntryName &name)
{
    const QString entryName = info.fileName();
    StudentSubmission &student = platformStudent(QStringLiteral("moodle:") + name.participantId,
                                                 name.name, name.participantId, entryName);
    // The files a student handed in are under "file"; the other plugins hold what was typed
    // into Moodle (online text) or added by teachers (comments, annotated PDFs).
    const bool files = name.plugin == QLatin1String("file");
    const QString notCode =
        name.plugin == QLatin1String("onlinetext")
            ? QStringLiteral("is the text typed into Moodle's online text box, not a code file; "
                             "set aside")
            : QStringLiteral("belongs to Moodle's \"%1\" part of the submission, not to the files "
                             "handed in; set aside")
                  .arg(name.plugin);
    if (student.origin.contains(QLatin1String("_assignsubmission_")) &&
        !student.origin.contains(QLatin1String("_assignsubmission_file_")) && files) {
        student.origin = entryName; // the folder of files names the student best
    }
    if (info.isDir()) {
        if (!readableFolder(info, entryName)) {
            return;
        }
        if (files) {
            collectSources(info.absoluteFilePath(), entryName, QString(), 0, &student);
        } else {
            setAsideTree(info, entryName, notCode, 0);
        }
        return;
    }
    if (!files) {
        setAside(entryName, notCode);
    } else if (SubmissionArchive::isArchiveName(name.rest)) {
        student.fromArchive = true;
        addArchiveFiles(info, entryName, SubmissionArchive::baseName(name.rest) + u'/', &student);
    } else if (ClassFolder::isSourceName(name.rest)) {
        addSource(info, entryName, name.rest, 0, &student);
    } else {
        setAside(entryName, notSource());
    }
}

StudentSubmission &Scanner::platformStudent(const QString &platformKey, const QString &name,
                                            const QString &id, const QString &origin)
{
    const auto found = m_platformIndex.constFind(platformKey);
    if (found != m_platformIndex.constEnd()) {
        return m_platformStudents[found.value()];
    }
    StudentSubmission student;
    student.name = name;
    student.platformId = id;
    student.origin = origin;
    m_platformIndex.insert(platformKey, int(m_platformStudents.size()));
    m_platformStudents.append(student);
    return m_platformStudents.last();
}

void Scanner::collectSources(const QString &directory, const QString &relative,
                             const QString &namedAs, int depth, StudentSubmission *student)
{
    if (depth > maxDepth) {
        problem(relative,
                QStringLiteral("is nested more than %1 folders deep; skipped").arg(maxDepth));
        return;
    }
    for (const QFileInfo &info : entriesOf(directory)) {
        const QString name = info.fileName();
        if (isLitter(name)) {
            continue;
        }
        const QString path = relative + u'/' + name;
        const QString named = namedAs + name;
        if (info.isSymLink()) {
            reportLink(info, path);
        } else if (info.isDir()) {
            if (readableFolder(info, path)) {
                collectSources(info.absoluteFilePath(), path, named + u'/', depth + 1, student);
            }
        } else if (ClassFolder::isSourceName(name)) {
            addSource(info, path, named, 0, student);
        } else if (info.isFile() && SubmissionArchive::isArchiveName(name)) {
            addArchiveFiles(info, path, namedAs + SubmissionArchive::baseName(name) + u'/',
                            student);
        } else if (info.isFile()) {
            setAside(path, notSource());
        } else {
            problem(path, QStringLiteral("is not a regular file or folder; skipped"));
        }
    }
}

void Scanner::addSource(const QFileInfo &info, const QString &relative, const QString &namedAs,
                        int revision, StudentSubmission *student)
{
    if (!info.isFile()) {
        problem(relative, QStringLiteral("is not a regular file; skipped"));
        return;
    }
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly)) {
        problem(relative, QStringLiteral("cannot be read (%1); skipped").arg(file.errorString()));
        return;
    }
    student->sources.append({relative, info.absoluteFilePath(), namedAs, revision});
}

bool Scanner::addArchiveFiles(const QFileInfo &info, const QString &relative,
                              const QString &namedPrefix, StudentSubmission *student)
{
    QStringList files;
    const std::optional<QString> destination = unpack(info, relative, &files);
    if (!destination) {
        return false;
    }
    for (const QString &file : std::as_const(files)) {
        const QStringList parts = file.split(u'/');
        if (std::any_of(parts.cbegin(), parts.cend(), isLitter)) {
            continue;
        }
        const QString path = relative + u'/' + file;
        if (ClassFolder::isSourceName(parts.constLast())) {
            student->sources.append(
                {path, QDir(*destination).absoluteFilePath(file), namedPrefix + file, 0});
        } else if (SubmissionArchive::isArchiveName(parts.constLast())) {
            setAside(path, QStringLiteral("is an archive inside an archive; not unpacked"));
        } else {
            setAside(path, notSource());
        }
    }
    return true;
}

std::optional<QString> Scanner::unpack(const QFileInfo &info, const QString &relative,
                                       QStringList *files)
{
    if (m_options.scratchDir.isEmpty()) {
        problem(relative, QStringLiteral("is an archive, but no scratch folder was given to "
                                         "extract it into; skipped"));
        return std::nullopt;
    }
    // TODO(#5): each archive has its own limits, but a class of many archives has no budget
    // as a whole; the scratch folder can grow to the sum of them.
    // The archive's own messages start with its file name; they get its path in the class.
    const QString ownPrefix = info.fileName() + u':';
    const auto named = [&](const QString &message) {
        return message.startsWith(ownPrefix) ? shown(relative) + message.mid(info.fileName().size())
                                             : message;
    };
    QString scratchName = relative;
    scratchName.replace(u'/', u'_');
    const QString destination = freshScratchFolder(scratchName);
    const Expected<ExtractedArchive> extracted =
        SubmissionArchive::extract(info.absoluteFilePath(), destination, m_options.archiveLimits);
    if (!extracted) {
        m_scan.problems.append({relative, named(extracted.error())});
        return std::nullopt;
    }
    for (const QString &message : extracted->errors + extracted->skipped) {
        m_scan.problems.append({relative, named(message)});
    }
    *files = extracted->files;
    return destination;
}

void Scanner::setAsideTree(const QFileInfo &info, const QString &relative, const QString &reason,
                           int depth)
{
    if (depth > maxDepth) {
        return;
    }
    for (const QFileInfo &entry : entriesOf(info.absoluteFilePath())) {
        const QString name = entry.fileName();
        const QString path = relative + u'/' + name;
        if (isLitter(name)) {
            continue;
        }
        if (entry.isSymLink()) {
            reportLink(entry, path);
        } else if (entry.isDir()) {
            if (readableFolder(entry, path)) {
                setAsideTree(entry, path, reason, depth + 1);
            }
        } else {
            setAside(path, reason);
        }
    }
}

void Scanner::addStudent(StudentSubmission student, bool reportEmpty)
{
    finishStudent(&student, reportEmpty);
    m_scan.students.append(student);
}

void Scanner::finishStudent(StudentSubmission *student, bool reportEmpty)
{
    std::sort(student->sources.begin(), student->sources.end(),
              [](const SubmissionFile &a, const SubmissionFile &b) {
                  return a.relativePath < b.relativePath;
              });
    if (reportEmpty && student->sources.isEmpty()) {
        problem(student->origin,
                QStringLiteral("holds no .go or .cpp file (nor .cc or .cxx); nothing to grade"));
    }
}

void Scanner::reportLink(const QFileInfo &info, const QString &relative)
{
    // Where the link leads in the end; a dangling link is judged by its immediate target.
    QString target = info.canonicalFilePath();
    if (target.isEmpty()) {
        target = QDir::cleanPath(info.symLinkTarget());
    }
    const bool inside = target == m_root || target.startsWith(m_root + u'/');
    problem(relative, inside ? QStringLiteral("is a symbolic link; skipped, links are not followed")
                             : QStringLiteral("is a symbolic link to outside the class folder; "
                                              "skipped"));
}

bool Scanner::readableFolder(const QFileInfo &info, const QString &relative)
{
    if (info.isReadable() && info.isExecutable()) {
        return true;
    }
    problem(relative, QStringLiteral("is a folder that cannot be read (permission denied); its "
                                     "files are skipped"));
    return false;
}

QString Scanner::freshScratchFolder(const QString &archiveName) const
{
    const QDir scratch(m_options.scratchDir);
    QString candidate = scratch.absoluteFilePath(archiveName);
    for (int n = 2; QFileInfo(candidate).exists() || QFileInfo(candidate).isSymLink(); ++n) {
        candidate = scratch.absoluteFilePath(archiveName + QStringLiteral(" (%1)").arg(n));
    }
    return candidate;
}

void Scanner::assignKeys()
{
    QVector<StudentSubmission> &students = m_scan.students;
    QVector<QString> bases;
    for (const StudentSubmission &student : students) {
        bases.append(ClassFolder::nameKey(student.name));
    }
    QVector<int> order(students.size());
    std::iota(order.begin(), order.end(), 0);
    // The origin settles equal names (two Canvas students both called "leeana"), so that the
    // same class always gives the same keys.
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (bases.at(a) != bases.at(b)) {
            return bases.at(a) < bases.at(b);
        }
        return students.at(a).name != students.at(b).name
                   ? students.at(a).name < students.at(b).name
                   : students.at(a).origin < students.at(b).origin;
    });

    // Every first holder of a name keeps it bare, so that a suffixed key never takes the name of
    // a student who comes later.
    QHash<QString, int> holder;
    QSet<QString> used;
    for (int index : order) {
        if (!holder.contains(bases.at(index))) {
            holder.insert(bases.at(index), index);
            students[index].key = bases.at(index);
            used.insert(bases.at(index));
        }
    }
    for (int index : order) {
        if (!students.at(index).key.isEmpty()) {
            continue;
        }
        QString key;
        for (int n = 2; key.isEmpty() || used.contains(key); ++n) {
            key = bases.at(index) + QStringLiteral(" (%1)").arg(n);
        }
        used.insert(key);
        students[index].key = key;
        const StudentSubmission &first = students.at(holder.value(bases.at(index)));
        problem(students.at(index).origin,
                QStringLiteral("has the same student name as %1 once letter case and Unicode "
                               "composition are ignored; both are kept, as \"%2\" and \"%3\"")
                    .arg(shown(first.origin), first.key, key));
    }
    std::sort(students.begin(), students.end(),
              [](const StudentSubmission &a, const StudentSubmission &b) { return a.key < b.key; });
}

} // namespace

ClassScan ClassFolder::scan(const QString &classDir, const ClassScanOptions &options)
{
    return Scanner(classDir, options).run();
}

bool ClassFolder::isSourceName(const QString &fileName)
{
    for (const QLatin1String &suffix : sourceSuffixes) {
        if (fileName.size() > suffix.size() && fileName.endsWith(suffix, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

QString ClassFolder::nameKey(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C).toCaseFolded();
}

} // namespace RaceGrade
