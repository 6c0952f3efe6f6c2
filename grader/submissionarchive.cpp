#include "submissionarchive.h"

#include "logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <archive.h>
#include <archive_entry.h>
#include <memory>

#ifdef Q_OS_UNIX
#include <langinfo.h>
#include <locale.h>
#endif

namespace RaceGrade {

namespace {

const QLatin1String archiveSuffixes[] = {QLatin1String(".tar.gz"), QLatin1String(".tgz"),
                                         QLatin1String(".tar"), QLatin1String(".zip")};

qsizetype archiveSuffixLength(const QString &fileName)
{
    for (const QLatin1String &suffix : archiveSuffixes) {
        if (fileName.size() > suffix.size() && fileName.endsWith(suffix, Qt::CaseInsensitive)) {
            return suffix.size();
        }
    }
    return 0;
}

#ifdef Q_OS_UNIX
// libarchive converts entry names through the thread's LC_CTYPE, and under the "C" locale it
// drops every name that is not ASCII. This switches the calling thread, and only it, to a UTF-8
// LC_CTYPE for as long as the object lives.
class Utf8Ctype
{
public:
    Utf8Ctype()
    {
        const char *codeset = nl_langinfo(CODESET);
        if (codeset && (qstricmp(codeset, "UTF-8") == 0 || qstricmp(codeset, "utf8") == 0)) {
            return;
        }
        for (const char *name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
            m_locale = newlocale(LC_CTYPE_MASK, name, static_cast<locale_t>(0));
            if (m_locale) {
                m_previous = uselocale(m_locale);
                return;
            }
        }
    }
    ~Utf8Ctype()
    {
        if (m_locale) {
            uselocale(m_previous);
            freelocale(m_locale);
        }
    }
    Utf8Ctype(const Utf8Ctype &) = delete;
    Utf8Ctype &operator=(const Utf8Ctype &) = delete;

private:
    locale_t m_locale = static_cast<locale_t>(0);
    locale_t m_previous = static_cast<locale_t>(0);
};
#else
struct Utf8Ctype
{};
#endif

struct ReaderFree
{
    void operator()(archive *reader) const { archive_read_free(reader); }
};

QString sizeText(qint64 bytes)
{
    constexpr qint64 kib = 1024;
    if (bytes >= kib * kib && bytes % (kib * kib) == 0) {
        return QStringLiteral("%1 MiB").arg(bytes / (kib * kib));
    }
    if (bytes >= kib && bytes % kib == 0) {
        return QStringLiteral("%1 KiB").arg(bytes / kib);
    }
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString readerError(archive *reader)
{
    const char *text = archive_error_string(reader);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

// Entry names come from the student's machine: when libarchive cannot give them as UTF-8, the raw
// bytes are decoded with invalid sequences replaced, so that every name can still be reported.
QString decodedName(const char *utf8, const char *raw)
{
    if (utf8) {
        return QString::fromUtf8(utf8);
    }
    return raw ? QString::fromUtf8(raw) : QString();
}

/// The parts of `name` to create under the destination, or why none may be.
Expected<QStringList> safeParts(const QString &name)
{
    QString path = name;
    // Archives made on Windows may separate with backslashes; "..\x" must not slip through.
    path.replace(u'\\', u'/');
    const bool driveLetter = path.size() >= 2 && path.at(1) == u':' && path.at(0).isLetter();
    if (path.startsWith(u'/') || driveLetter) {
        return Expected<QStringList>::failure(
            QStringLiteral("has an absolute path; not extracted"));
    }
    QStringList parts;
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        if (part == QLatin1String("..")) {
            return Expected<QStringList>::failure(
                QStringLiteral("climbs out of the archive with \"..\"; not extracted"));
        }
        if (part != QLatin1String(".")) {
            parts.append(part);
        }
    }
    return parts;
}

/// Extracts the entries of one open archive, entry by entry, as they stream in.
class Extractor
{
public:
    Extractor(archive *reader, const QString &archiveName, const QString &root,
              const ArchiveLimits &limits)
        : m_reader(reader)
        , m_archiveName(archiveName)
        , m_root(root)
        , m_limits(limits)
    {}

    /// Reads every entry; fails only when not even the first header can be read.
    Expected<ExtractedArchive> run();

private:
    enum class Step
    {
        Next,
        Stop
    };

    Step extractEntry(archive_entry *entry, const QString &name);
    Step writeFile(archive_entry *entry, const QString &where, const QStringList &parts);
    QString makeDirectories(const QStringList &parts);
    void error(const QString &message) { m_result.errors.append(m_archiveName + u": " + message); }
    Step stop(const QString &message)
    {
        error(message);
        m_result.complete = false;
        return Step::Stop;
    }

    archive *m_reader;
    QString m_archiveName;
    QString m_root;
    ArchiveLimits m_limits;
    ExtractedArchive m_result;
    QSet<QString> m_directories; // absolute folders known to exist and not to be links
    QSet<QString> m_written;     // relative paths of files written
};

Expected<ExtractedArchive> Extractor::run()
{
    int count = 0;
    for (;;) {
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(m_reader, &entry);
        if (status == ARCHIVE_EOF) {
            break;
        }
        // ARCHIVE_WARN still delivers a usable entry (e.g. a name in an unexpected charset).
        if (status < ARCHIVE_WARN) {
            if (count == 0) {
                return Expected<ExtractedArchive>::failure(
                    m_archiveName +
                    QStringLiteral(": cannot be read as a .zip, .tar or .tar.gz archive (%1)")
                        .arg(readerError(m_reader)));
            }
            stop(QStringLiteral("is damaged after its entry number %1 (%2); the rest was not "
                                "extracted")
                     .arg(count)
                     .arg(readerError(m_reader)));
            break;
        }
        ++count;
        const QString name =
            decodedName(archive_entry_pathname_utf8(entry), archive_entry_pathname(entry));
        if (count > m_limits.entries) {
            stop(QStringLiteral("holds more than %1 entries; extraction stopped at the entry "
                                "\"%2\"")
                     .arg(m_limits.entries)
                     .arg(name));
            break;
        }
        if (extractEntry(entry, name) == Step::Stop) {
            break;
        }
    }
    qCDebug(lcClass).noquote() << "extracted" << m_result.files.size() << "files,"
                               << m_result.bytesWritten << "bytes from" << m_archiveName << "with"
                               << m_result.errors.size() << "errors";
    return m_result;
}

Extractor::Step Extractor::extractEntry(archive_entry *entry, const QString &name)
{
    const QString where = QStringLiteral("the entry \"%1\" ").arg(name);
    const Expected<QStringList> parts = safeParts(name);
    if (!parts) {
        error(where + parts.error());
        return Step::Next;
    }
    if (archive_entry_hardlink(entry)) {
        const QString target =
            decodedName(archive_entry_hardlink_utf8(entry), archive_entry_hardlink(entry));
        m_result.skipped.append(
            m_archiveName + u": " + where +
            QStringLiteral("is a hard link to \"%1\"; skipped, links are not created").arg(target));
        return Step::Next;
    }
    switch (archive_entry_filetype(entry)) {
    case AE_IFDIR: {
        const QString problem = makeDirectories(parts.value());
        if (!problem.isEmpty()) {
            error(where + problem);
        }
        return Step::Next;
    }
    case AE_IFLNK: {
        const QString target =
            decodedName(archive_entry_symlink_utf8(entry), archive_entry_symlink(entry));
        m_result.skipped.append(m_archiveName + u": " + where +
                                QStringLiteral("is a symbolic link to \"%1\"; skipped, links are "
                                               "not created")
                                    .arg(target));
        return Step::Next;
    }
    case AE_IFREG:
    case 0: // some zip writers leave the type out for plain files
        if (parts->isEmpty()) {
            error(where + QStringLiteral("has no file name; not extracted"));
            return Step::Next;
        }
        return writeFile(entry, where, parts.value());
    default:
        m_result.skipped.append(m_archiveName + u": " + where +
                                QStringLiteral("is a device file, fifo or socket; skipped"));
        return Step::Next;
    }
}

Extractor::Step Extractor::writeFile(archive_entry *entry, const QString &where,
                                     const QStringList &parts)
{
    const QString relative = parts.join(u'/');
    if (m_written.contains(relative)) {
        error(where + QStringLiteral("appears twice in the archive; the later copy was not "
                                     "extracted"));
        return Step::Next;
    }
    const QString fileLimit = where + QStringLiteral("is larger than the %1 limit for one file; "
                                                     "not extracted")
                                          .arg(sizeText(m_limits.fileBytes));
    // The declared size saves streaming a file that is surely too large; it may lie, so the
    // bytes are counted again below as they arrive.
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > m_limits.fileBytes) {
        error(fileLimit);
        return Step::Next;
    }
    const QString problem = makeDirectories(parts.mid(0, parts.size() - 1));
    if (!problem.isEmpty()) {
        error(where + problem);
        return Step::Next;
    }

    QFile file(m_root + u'/' + relative);
    // NewOnly refuses anything already there, a link planted in the destination included.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        error(where + QStringLiteral("cannot be written to %1 (%2); not extracted")
                          .arg(QDir::toNativeSeparators(file.fileName()), file.errorString()));
        return Step::Next;
    }
    const auto discard = [&file](Step step) {
        file.close();
        file.remove();
        return step;
    };

    static constexpr qint64 chunkBytes = 64 * 1024;
    auto buffer = std::make_unique<char[]>(chunkBytes);
    qint64 size = 0;
    for (;;) {
        const la_ssize_t got = archive_read_data(m_reader, buffer.get(), chunkBytes);
        if (got == 0) {
            break;
        }
        if (got < 0) {
            const QString message =
                where + QStringLiteral("is damaged (%1); not extracted").arg(readerError(m_reader));
            if (got == ARCHIVE_FATAL) {
                return discard(stop(message + QStringLiteral(", nor the rest of the archive")));
            }
            error(message);
            return discard(Step::Next);
        }
        if (size + got > m_limits.fileBytes) {
            error(fileLimit);
            return discard(Step::Next);
        }
        if (m_result.bytesWritten + size + got > m_limits.totalBytes) {
            return discard(stop(QStringLiteral("expands to more than the %1 limit for one "
                                               "archive; extraction stopped at the entry \"%2\"")
                                    .arg(sizeText(m_limits.totalBytes), parts.join(u'/'))));
        }
        if (file.write(buffer.get(), got) != got) {
            return discard(stop(where + QStringLiteral("cannot be written (%1); extraction "
                                                       "stopped")
                                            .arg(file.errorString())));
        }
        size += got;
    }
    if (!file.flush()) {
        return discard(stop(
            where +
            QStringLiteral("cannot be written (%1); extraction stopped").arg(file.errorString())));
    }
    file.close();
    m_written.insert(relative);
    m_result.files.append(relative);
    m_result.bytesWritten += size;
    return Step::Next;
}

// Creates the folders of `parts` under the root one by one, so that none of them can be a link
// that leads elsewhere.
QString Extractor::makeDirectories(const QStringList &parts)
{
    QString path = m_root;
    for (const QString &part : parts) {
        path += u'/' + part;
        if (m_directories.contains(path)) {
            continue;
        }
        const QFileInfo info(path);
        if (info.isSymLink()) {
            return QStringLiteral("would pass through the link %1; not extracted")
                .arg(QDir::toNativeSeparators(path));
        }
        if (!info.exists()) {
            if (!QDir().mkdir(path)) {
                return QStringLiteral("needs the folder %1, which cannot be created; not "
                                      "extracted")
                    .arg(QDir::toNativeSeparators(path));
            }
        } else if (!info.isDir()) {
            return QStringLiteral("needs a folder where the archive already has the file %1; "
                                  "not extracted")
                .arg(QDir::toNativeSeparators(path));
        }
        m_directories.insert(path);
    }
    return {};
}

} // namespace

bool SubmissionArchive::isArchiveName(const QString &fileName)
{
    return archiveSuffixLength(fileName) > 0;
}

QString SubmissionArchive::baseName(const QString &fileName)
{
    return fileName.left(fileName.size() - archiveSuffixLength(fileName));
}

Expected<ExtractedArchive> SubmissionArchive::extract(const QString &archivePath,
                                                      const QString &destination,
                                                      const ArchiveLimits &limits)
{
    const QFileInfo archiveInfo(archivePath);
    const QString archiveName = archiveInfo.fileName();
    const auto fail = [&](const QString &reason) {
        return Expected<ExtractedArchive>::failure(archiveName + u": " + reason);
    };
    if (!archiveInfo.isFile()) {
        return fail(QStringLiteral("is not a file"));
    }
    const QString root = QDir::cleanPath(QDir(destination).absolutePath());
    if (QFileInfo(root).isSymLink() || !QDir().mkpath(root)) {
        return fail(QStringLiteral("cannot be extracted: the folder %1 cannot be created")
                        .arg(QDir::toNativeSeparators(root)));
    }

    const Utf8Ctype utf8Names;
    const std::unique_ptr<archive, ReaderFree> reader(archive_read_new());
    if (!reader) {
        return fail(QStringLiteral("cannot be read: out of memory"));
    }
    archive_read_support_filter_gzip(reader.get());
    archive_read_support_format_tar(reader.get());
    archive_read_support_format_zip(reader.get());
    if (archive_read_open_filename(reader.get(), QFile::encodeName(archivePath).constData(),
                                   64 * 1024) != ARCHIVE_OK) {
        return fail(QStringLiteral("cannot be read as a .zip, .tar or .tar.gz archive (%1)")
                        .arg(readerError(reader.get())));
    }
    return Extractor(reader.get(), archiveName, root, limits).run();
}

} // namespace RaceGrade
