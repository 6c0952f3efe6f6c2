#include "classfolder.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <numeric>

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
    void collectSources(const QString &directory, const QString &relative, int depth,
                        QVector<SubmissionFile> *sources);
    void addStudent(StudentSubmission student, bool reportEmpty);
    void reportLink(const QFileInfo &info, const QString &relative);
    bool readableFolder(const QFileInfo &info, const QString &relative);
    QString freshScratchFolder(const QString &archiveName) const;
    void assignKeys();
    void problem(const QString &relative, const QString &reason)
    {
        m_scan.problems.append({relative, shown(relative) + u": " + reason});
    }

    QString m_classDir;
    QString m_root; // canonical: links in the path the teacher gave are theirs to make
    ClassScanOptions m_options;
    ClassScan m_scan;
};

ClassScan Scanner::run()
{
    const QFileInfo rootInfo(m_classDir);
    m_root = rootInfo.canonicalFilePath();
    if (!rootInfo.isDir() || m_root.isEmpty()) {
        m_scan.problems.append(
            {m_classDir, shown(m_classDir) + QStringLiteral(": is not a folder; nothing to scan")});
        return m_scan;
    }
    if (!readableFolder(QFileInfo(m_root), m_classDir)) {
        return m_scan;
    }
    for (const QFileInfo &info : entriesOf(m_root)) {
        const QString name = info.fileName();
        if (isLitter(name)) {
            continue;
        }
        if (info.isSymLink()) {
            reportLink(info, name);
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
    assignKeys();
    qCDebug(lcClass).noquote() << "scanned" << m_root << "->" << m_scan.students.size()
                               << "students," << m_scan.problems.size() << "problems";
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
    collectSources(info.absoluteFilePath(), student.origin, 0, &student.sources);
    addStudent(student, true);
}

void Scanner::addArchive(const QFileInfo &info)
{
    StudentSubmission student;
    student.name = SubmissionArchive::baseName(info.fileName());
    student.origin = info.fileName();
    student.fromArchive = true;
    if (m_options.scratchDir.isEmpty()) {
        problem(student.origin, QStringLiteral("is an archive, but no scratch folder was given to "
                                               "extract it into; skipped"));
        addStudent(student, false);
        return;
    }
    const QString destination = freshScratchFolder(info.fileName());
    const Expected<ExtractedArchive> extracted =
        SubmissionArchive::extract(info.absoluteFilePath(), destination, m_options.archiveLimits);
    if (!extracted) {
        // The archive's own messages start with its file name, which is its path here too.
        m_scan.problems.append({student.origin, extracted.error()});
        addStudent(student, false);
        return;
    }
    for (const QString &message : extracted->errors + extracted->skipped) {
        m_scan.problems.append({student.origin, message});
    }
    for (const QString &file : extracted->files) {
        const QStringList parts = file.split(u'/');
        if (!ClassFolder::isSourceName(parts.constLast()) ||
            std::any_of(parts.cbegin(), parts.cend(), isLitter)) {
            continue;
        }
        student.sources.append(
            {student.origin + u'/' + file, QDir(destination).absoluteFilePath(file)});
    }
    addStudent(student, true);
}

void Scanner::collectSources(const QString &directory, const QString &relative, int depth,
                             QVector<SubmissionFile> *sources)
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
        if (info.isSymLink()) {
            reportLink(info, path);
        } else if (info.isDir()) {
            if (readableFolder(info, path)) {
                collectSources(info.absoluteFilePath(), path, depth + 1, sources);
            }
        } else if (ClassFolder::isSourceName(name)) {
            if (!info.isFile()) {
                problem(path, QStringLiteral("is not a regular file; skipped"));
                continue;
            }
            QFile file(info.absoluteFilePath());
            if (!file.open(QIODevice::ReadOnly)) {
                problem(path,
                        QStringLiteral("cannot be read (%1); skipped").arg(file.errorString()));
                continue;
            }
            sources->append({path, info.absoluteFilePath()});
        }
    }
}

void Scanner::addStudent(StudentSubmission student, bool reportEmpty)
{
    std::sort(student.sources.begin(), student.sources.end(),
              [](const SubmissionFile &a, const SubmissionFile &b) {
                  return a.relativePath < b.relativePath;
              });
    if (reportEmpty && student.sources.isEmpty()) {
        problem(student.origin,
                QStringLiteral("holds no .go or .cpp file (nor .cc or .cxx); nothing to grade"));
    }
    m_scan.students.append(student);
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
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return bases.at(a) != bases.at(b) ? bases.at(a) < bases.at(b)
                                          : students.at(a).name < students.at(b).name;
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
