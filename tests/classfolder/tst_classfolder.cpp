#include "classfolder.h"
#include "submissionarchive.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>
#include <archive.h>
#include <archive_entry.h>
#include <clocale>
#include <memory>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace RaceGrade;

namespace {

constexpr qint64 mib = 1024 * 1024;

enum class Format
{
    Zip,
    Tar,
    TarGz,
    Ustar
};

/// One entry of an archive the test builds.
struct Entry
{
    enum Kind
    {
        File,
        Folder,
        Symlink,
        Hardlink,
        Fifo,
        CharDevice
    };

    QByteArray name; ///< raw bytes, as the archive stores them
    QByteArray data;
    Kind kind = File;
    QByteArray target; ///< of a link
    qint64 zeros = 0;  ///< when set, the content is this many zero bytes instead of `data`
};

Entry file(const QByteArray &name, const QByteArray &data)
{
    return {name, data, Entry::File, {}, 0};
}

Entry zeros(const QByteArray &name, qint64 size)
{
    return {name, {}, Entry::File, {}, size};
}

Entry special(const QByteArray &name, Entry::Kind kind, const QByteArray &target = {})
{
    return {name, {}, kind, target, 0};
}

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

/// Writes `entries` to an archive at `path`; returns what went wrong, or nothing.
QString writeArchive(const QString &path, Format format, const QVector<Entry> &entries)
{
    archive *writer = archive_write_new();
    const auto freeWriter = qScopeGuard([writer] { archive_write_free(writer); });
    const auto failed = [writer](const char *step) {
        return QStringLiteral("%1: %2").arg(QLatin1String(step),
                                            QString::fromLocal8Bit(archive_error_string(writer)));
    };
    switch (format) {
    case Format::Zip:
        archive_write_set_format_zip(writer);
        archive_write_set_options(writer, "zip:compression=deflate");
        break;
    case Format::Tar:
        archive_write_set_format_pax_restricted(writer);
        break;
    case Format::TarGz:
        archive_write_set_format_pax_restricted(writer);
        archive_write_add_filter_gzip(writer);
        break;
    case Format::Ustar:
        // Stores names as raw bytes, which is how a name that is not UTF-8 gets in.
        archive_write_set_format_ustar(writer);
        break;
    }
    if (archive_write_open_filename(writer, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        return failed("open");
    }
    const QByteArray chunk(int(mib), '\0');
    for (const Entry &spec : entries) {
        archive_entry *entry = archive_entry_new();
        const auto freeEntry = qScopeGuard([entry] { archive_entry_free(entry); });
        archive_entry_set_pathname(entry, spec.name.constData());
        archive_entry_set_perm(entry, 0644);
        switch (spec.kind) {
        case Entry::File:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, spec.zeros > 0 ? spec.zeros : spec.data.size());
            break;
        case Entry::Folder:
            archive_entry_set_filetype(entry, AE_IFDIR);
            archive_entry_set_perm(entry, 0755);
            break;
        case Entry::Symlink:
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, spec.target.constData());
            break;
        case Entry::Hardlink:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, spec.target.constData());
            archive_entry_set_size(entry, 0);
            break;
        case Entry::Fifo:
            archive_entry_set_filetype(entry, AE_IFIFO);
            break;
        case Entry::CharDevice:
            archive_entry_set_filetype(entry, AE_IFCHR);
            archive_entry_set_rdev(entry, makedev(1, 3));
            break;
        }
        if (archive_write_header(writer, entry) < ARCHIVE_WARN) {
            return failed("header");
        }
        if (spec.kind == Entry::File) {
            for (qint64 left = spec.zeros; left > 0; left -= chunk.size()) {
                const qint64 size = qMin<qint64>(left, chunk.size());
                if (archive_write_data(writer, chunk.constData(), size_t(size)) != size) {
                    return failed("data");
                }
            }
            if (!spec.data.isEmpty() &&
                archive_write_data(writer, spec.data.constData(), size_t(spec.data.size())) !=
                    spec.data.size()) {
                return failed("data");
            }
        }
    }
    if (archive_write_close(writer) != ARCHIVE_OK) {
        return failed("close");
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        return false;
    }
    QFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile in(path);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

/// Regular files below `directory`, relative to it and sorted; links are listed, not followed.
QStringList filesUnder(const QString &directory)
{
    QStringList files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    const QDir root(directory);
    while (it.hasNext()) {
        files.append(root.relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

qint64 bytesUnder(const QString &directory)
{
    qint64 total = 0;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList sourcePaths(const StudentSubmission &student)
{
    QStringList paths;
    for (const SubmissionFile &source : student.sources) {
        paths.append(source.relativePath);
    }
    return paths;
}

QStringList problemPaths(const ClassScan &scan)
{
    QStringList paths;
    for (const InputProblem &problem : scan.problems) {
        paths.append(problem.path);
    }
    return paths;
}

QStringList problemMessages(const ClassScan &scan)
{
    QStringList messages;
    for (const InputProblem &problem : scan.problems) {
        messages.append(problem.message);
    }
    return messages;
}

const StudentSubmission *findStudent(const ClassScan &scan, const QString &name)
{
    for (const StudentSubmission &student : scan.students) {
        if (student.name == name) {
            return &student;
        }
    }
    return nullptr;
}

/// Rewrites the uncompressed size that the local and the central header of `zip` give the entry
/// `name`: the figure a reader trusts before it has expanded anything. Returns how many headers
/// it changed.
int understateZipSize(QByteArray *zip, const QByteArray &name, quint32 size)
{
    struct Header
    {
        const char *signature;
        int nameLengthAt;
        int nameAt;
        int sizeAt;
    };
    int changed = 0;
    for (const Header &header :
         {Header{"PK\x03\x04", 26, 30, 22}, Header{"PK\x01\x02", 28, 46, 24}}) {
        const QByteArray signature(header.signature, 4);
        for (auto at = zip->indexOf(signature); at >= 0; at = zip->indexOf(signature, at + 1)) {
            if (at + header.nameAt > zip->size()) {
                break;
            }
            const auto *bytes = reinterpret_cast<const quint8 *>(zip->constData() + at);
            const int nameLength = bytes[header.nameLengthAt] | bytes[header.nameLengthAt + 1] << 8;
            if (zip->mid(at + header.nameAt, nameLength) != name) {
                continue;
            }
            char *field = zip->data() + at + header.sizeAt;
            for (int i = 0; i < 4; ++i) {
                field[i] = char(size >> (8 * i));
            }
            ++changed;
        }
    }
    return changed;
}

/// Switches the process's LC_CTYPE for one scope; the tests run on one thread.
class CtypeLocale
{
public:
    explicit CtypeLocale(const char *name)
        : m_previous(setlocale(LC_CTYPE, nullptr))
        , m_ok(setlocale(LC_CTYPE, name) != nullptr)
    {}
    ~CtypeLocale() { setlocale(LC_CTYPE, m_previous.constData()); }
    CtypeLocale(const CtypeLocale &) = delete;
    CtypeLocale &operator=(const CtypeLocale &) = delete;

    bool ok() const { return m_ok; }

private:
    QByteArray m_previous;
    bool m_ok;
};

const QString nfcJose = QStringLiteral("Jos\u00e9");
const QString nfdJose = QStringLiteral("Jose\u0301");
const QString zoe = QStringLiteral("Zo\u00eb Ng");

} // namespace

Q_DECLARE_METATYPE(Format)
Q_DECLARE_METATYPE(Entry)
Q_DECLARE_METATYPE(QVector<Entry>)
Q_DECLARE_METATYPE(RaceGrade::ArchiveLimits)

/// Checks SubmissionArchive and ClassFolder on class folders and archives built at run time in a
/// temporary folder: well-formed ones, and ones that try to escape, to link, to exhaust the disk,
/// or that are simply broken.
class TestClassFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // SubmissionArchive
    void extractsEachFormat_data();
    void extractsEachFormat();
    void refusesEscapingEntries_data();
    void refusesEscapingEntries();
    void neverWritesThroughLinksInDestination();
    void skipsLinksAndSpecialFiles_data();
    void skipsLinksAndSpecialFiles();
    void stopsAtLimits_data();
    void stopsAtLimits();
    void stopsBombThatUnderstatesItsSize();
    void refusesWhatIsNoArchive_data();
    void refusesWhatIsNoArchive();
    void keepsWholeEntriesOfTruncatedArchive();
    void decodesEntryNames_data();
    void decodesEntryNames();
    void keepsNamesUnderCLocale();
    void recognisesArchiveNames_data();
    void recognisesArchiveNames();

    // ClassFolder
    void scansClassOfThree();
    void reportsArchiveProblems();
    void neverFollowsLinks_data();
    void neverFollowsLinks();
    void reportsUnreadableFiles_data();
    void reportsUnreadableFiles();
    void keepsDuplicateNamesApart_data();
    void keepsDuplicateNamesApart();
    void acceptsSpacesAndNonAscii_data();
    void acceptsSpacesAndNonAscii();
    void reportsStudentsWithoutSources_data();
    void reportsStudentsWithoutSources();
    void ignoresLitter();
    void reportsStrayFiles();
    void reportsMissingClassFolder();
    void reportsArchivesWithoutScratchFolder();

private:
    QString path(const QString &relative) const { return m_dir->filePath(relative); }
    QString classPath(const QString &relative) const
    {
        return path(QStringLiteral("class/") + relative);
    }
    ClassScan scanClass() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestClassFolder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY2(m_dir->isValid(), qPrintable(m_dir->errorString()));
    QVERIFY(QDir().mkpath(path(QStringLiteral("class"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("scratch"))));
}

void TestClassFolder::cleanup()
{
    m_dir.reset();
}

ClassScan TestClassFolder::scanClass() const
{
    ClassScanOptions options;
    options.scratchDir = path(QStringLiteral("scratch"));
    return ClassFolder::scan(path(QStringLiteral("class")), options);
}

void TestClassFolder::extractsEachFormat_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("zip") << Format::Zip << QStringLiteral("ana.zip");
    QTest::newRow("tar") << Format::Tar << QStringLiteral("ana.tar");
    QTest::newRow("tar.gz") << Format::TarGz << QStringLiteral("ana.tar.gz");
    QTest::newRow("tgz") << Format::TarGz << QStringLiteral("ana.tgz");
    QTest::newRow("gzip tar named .zip") << Format::TarGz << QStringLiteral("ana.zip");
}

void TestClassFolder::extractsEachFormat()
{
    QFETCH(Format, format);
    QFETCH(QString, fileName);
    const QString archivePath = path(fileName);
    QCOMPARE(writeArchive(archivePath, format,
                          {special("ana/", Entry::Folder), file("ana/main.go", "package main\n"),
                           file("ana/pkg/util.go", "package pkg\n"), file("ana/README.md", "hi"),
                           special("ana/empty/", Entry::Folder)}),
             QString());

    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(sorted(result->files),
             (QStringList{QStringLiteral("ana/README.md"), QStringLiteral("ana/main.go"),
                          QStringLiteral("ana/pkg/util.go")}));
    QCOMPARE(result->errors, QStringList());
    QCOMPARE(result->skipped, QStringList());
    QVERIFY(result->complete);
    QCOMPARE(result->bytesWritten, qint64(13 + 12 + 2));
    QCOMPARE(readFile(destination + QStringLiteral("/ana/main.go")), QByteArray("package main\n"));
    QCOMPARE(readFile(destination + QStringLiteral("/ana/pkg/util.go")),
             QByteArray("package pkg\n"));
    QVERIFY(QFileInfo(destination + QStringLiteral("/ana/empty")).isDir());
}

void TestClassFolder::refusesEscapingEntries_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QByteArray>("badName");
    QTest::addColumn<QString>("reason");

    const QString climbs = QStringLiteral("climbs out of the archive");
    const QString absolute = QStringLiteral("has an absolute path");
    QTest::newRow("../evil.go") << Format::Zip << QByteArray("../evil.go") << climbs;
    QTest::newRow("deeper ..") << Format::Zip << QByteArray("src/../../evil.go") << climbs;
    QTest::newRow("backslash .. in tar") << Format::Tar << QByteArray("..\\evil.go") << climbs;
    QTest::newRow("../ in tar.gz") << Format::TarGz << QByteArray("../../evil.go") << climbs;
    QTest::newRow("/etc/evil.go") << Format::Zip << QByteArray("/etc/evil.go") << absolute;
    // An absolute path into the test's own folder, where a write would be seen and be harmless.
    QTest::newRow("absolute into the test folder")
        << Format::Zip << QByteArray("<tmp>/outside/evil.go") << absolute;
    QTest::newRow("drive letter") << Format::Zip << QByteArray("C:/evil.go") << absolute;
}

void TestClassFolder::refusesEscapingEntries()
{
    QFETCH(Format, format);
    QFETCH(QByteArray, badName);
    QFETCH(QString, reason);
    badName.replace("<tmp>", QFile::encodeName(m_dir->path()));
    QVERIFY(QDir().mkpath(path(QStringLiteral("outside"))));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/etc/evil.go")));

    const QString archivePath = path(QStringLiteral("archives/evil.zip"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("archives"))));
    QCOMPARE(writeArchive(archivePath, format,
                          {file("good.go", "package good\n"), file(badName, "package evil\n"),
                           file("later/ok.go", "package ok\n")}),
             QString());

    // Deep enough that "../../evil.go" would still land inside the temporary folder.
    const QString destination = path(QStringLiteral("out/dest"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->files,
             (QStringList{QStringLiteral("good.go"), QStringLiteral("later/ok.go")}));
    QCOMPARE(result->errors.size(), 1);
    const QString error = result->errors.constFirst();
    QVERIFY2(error.startsWith(QStringLiteral("evil.zip: ")), qPrintable(error));
    QVERIFY2(error.contains(u'"' + QString::fromUtf8(badName) + u'"'), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(result->complete);

    QCOMPARE(filesUnder(m_dir->path()),
             (QStringList{QStringLiteral("archives/evil.zip"), QStringLiteral("out/dest/good.go"),
                          QStringLiteral("out/dest/later/ok.go")}));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/etc/evil.go")));
}

void TestClassFolder::neverWritesThroughLinksInDestination()
{
    QVERIFY(QDir().mkpath(path(QStringLiteral("outside"))));
    const QString destination = path(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(destination));
    const QString fileLink = destination + QStringLiteral("/main.go");
    const QString folderLink = destination + QStringLiteral("/sub");
    QCOMPARE(::symlink(QFile::encodeName(path(QStringLiteral("outside/planted.go"))).constData(),
                       QFile::encodeName(fileLink).constData()),
             0);
    QCOMPARE(::symlink(QFile::encodeName(path(QStringLiteral("outside"))).constData(),
                       QFile::encodeName(folderLink).constData()),
             0);
    const QString archivePath = path(QStringLiteral("links.zip"));
    QCOMPARE(writeArchive(archivePath, Format::Zip,
                          {file("main.go", "package main\n"), file("sub/x.go", "package x\n"),
                           file("ok.go", "package ok\n")}),
             QString());

    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->files, QStringList{QStringLiteral("ok.go")});
    QCOMPARE(result->errors.size(), 2);
    QVERIFY2(result->errors.at(0).startsWith(
                 QStringLiteral("links.zip: the entry \"main.go\" cannot be written to ") +
                 QDir::toNativeSeparators(fileLink)),
             qPrintable(result->errors.at(0)));
    QCOMPARE(result->errors.at(1),
             QStringLiteral("links.zip: the entry \"sub/x.go\" would pass through the link ") +
                 QDir::toNativeSeparators(folderLink) + QStringLiteral("; not extracted"));
    QCOMPARE(filesUnder(path(QStringLiteral("outside"))), QStringList());
}

void TestClassFolder::skipsLinksAndSpecialFiles_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<Entry>("entry");
    QTest::addColumn<QString>("skipped");

    QTest::newRow("symlink to /etc/passwd in tar")
        << Format::Tar << special("passwd.go", Entry::Symlink, "/etc/passwd")
        << QStringLiteral("tricks.zip: the entry \"passwd.go\" is a symbolic link to "
                          "\"/etc/passwd\"; skipped, links are not created");
    QTest::newRow("symlink in zip")
        << Format::Zip << special("passwd.go", Entry::Symlink, "/etc/passwd")
        << QStringLiteral("tricks.zip: the entry \"passwd.go\" is a symbolic link to "
                          "\"/etc/passwd\"; skipped, links are not created");
    QTest::newRow("relative symlink climbing out")
        << Format::TarGz << special("up", Entry::Symlink, "../..")
        << QStringLiteral("tricks.zip: the entry \"up\" is a symbolic link to \"../..\"; skipped, "
                          "links are not created");
    QTest::newRow("hard link in tar")
        << Format::Tar << special("copy.go", Entry::Hardlink, "main.go")
        << QStringLiteral("tricks.zip: the entry \"copy.go\" is a hard link to \"main.go\"; "
                          "skipped, links are not created");
    QTest::newRow("fifo in tar") << Format::Tar << special("pipe", Entry::Fifo)
                                 << QStringLiteral("tricks.zip: the entry \"pipe\" is a device "
                                                   "file, fifo or socket; skipped");
    QTest::newRow("character device in tar")
        << Format::Tar << special("null", Entry::CharDevice)
        << QStringLiteral("tricks.zip: the entry \"null\" is a device file, fifo or socket; "
                          "skipped");
}

void TestClassFolder::skipsLinksAndSpecialFiles()
{
    QFETCH(Format, format);
    QFETCH(Entry, entry);
    QFETCH(QString, skipped);

    const QString archivePath = path(QStringLiteral("tricks.zip"));
    QCOMPARE(writeArchive(archivePath, format,
                          {file("main.go", "package main\n"), entry, file("z.go", "package z\n")}),
             QString());
    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->skipped, QStringList{skipped});
    QCOMPARE(result->errors, QStringList());
    QCOMPARE(result->files, (QStringList{QStringLiteral("main.go"), QStringLiteral("z.go")}));

    const QFileInfo created(destination + u'/' + QString::fromUtf8(entry.name));
    QVERIFY(!created.exists());
    QVERIFY(!created.isSymLink());
    QCOMPARE(QDir(destination)
                 .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{QStringLiteral("main.go"), QStringLiteral("z.go")}));
}

void TestClassFolder::stopsAtLimits_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QVector<Entry>>("entries");
    QTest::addColumn<ArchiveLimits>("limits");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<qint64>("diskLimit");

    const ArchiveLimits defaults;
    ArchiveLimits smallTotal;
    smallTotal.totalBytes = 8 * mib;
    smallTotal.fileBytes = 200 * mib;

    const QVector<Entry> zipBomb{file("before.go", "package before\n"),
                                 zeros("bomb.bin", 100 * mib), file("after.go", "package after\n")};
    QTest::newRow("zip bomb, one-file limit")
        << Format::Zip << zipBomb << defaults
        << QStringList{QStringLiteral("before.go"), QStringLiteral("after.go")}
        << QStringLiteral("bomb.zip: the entry \"bomb.bin\" is larger than the 4 MiB limit for "
                          "one file; not extracted")
        << true << 4 * mib;
    QTest::newRow("zip bomb, archive limit")
        << Format::Zip << zipBomb << smallTotal << QStringList{QStringLiteral("before.go")}
        << QStringLiteral("bomb.zip: expands to more than the 8 MiB limit for one archive; "
                          "extraction stopped at the entry \"bomb.bin\"")
        << false << 8 * mib;
    QTest::newRow("tar.gz bomb, archive limit")
        << Format::TarGz << zipBomb << smallTotal << QStringList{QStringLiteral("before.go")}
        << QStringLiteral("bomb.zip: expands to more than the 8 MiB limit for one archive; "
                          "extraction stopped at the entry \"bomb.bin\"")
        << false << 8 * mib;

    QVector<Entry> parts;
    for (int i = 1; i <= 6; ++i) {
        parts.append(zeros(QByteArray("part") + QByteArray::number(i) + ".bin", mib));
    }
    ArchiveLimits threeAndAHalf;
    threeAndAHalf.totalBytes = 3 * mib + mib / 2;
    QTest::newRow("many files over the archive limit")
        << Format::TarGz << parts << threeAndAHalf
        << QStringList{QStringLiteral("part1.bin"), QStringLiteral("part2.bin"),
                       QStringLiteral("part3.bin")}
        << QStringLiteral("bomb.zip: expands to more than the 3584 KiB limit for one archive; "
                          "extraction stopped at the entry \"part4.bin\"")
        << false << threeAndAHalf.totalBytes;

    QVector<Entry> many;
    QStringList firstTwoThousand;
    for (int i = 1; i <= 2001; ++i) {
        const QByteArray name =
            QByteArray("f") + QByteArray::number(i).rightJustified(4, '0') + QByteArray(".go");
        many.append(file(name, "package f\n"));
        if (i <= 2000) {
            firstTwoThousand.append(QString::fromUtf8(name));
        }
    }
    QTest::newRow("2001 entries") << Format::Zip << many << defaults << firstTwoThousand
                                  << QStringLiteral("bomb.zip: holds more than 2000 entries; "
                                                    "extraction stopped at the entry \"f2001.go\"")
                                  << false << 2000 * qint64(10);

    ArchiveLimits threeEntries;
    threeEntries.entries = 3;
    QTest::newRow("folders count as entries")
        << Format::Tar
        << QVector<Entry>{special("a/", Entry::Folder), file("a/1.go", "1"), file("a/2.go", "2"),
                          file("a/3.go", "3")}
        << threeEntries << QStringList{QStringLiteral("a/1.go"), QStringLiteral("a/2.go")}
        << QStringLiteral("bomb.zip: holds more than 3 entries; extraction stopped at the entry "
                          "\"a/3.go\"")
        << false << qint64(2);
}

void TestClassFolder::stopsAtLimits()
{
    QFETCH(Format, format);
    QFETCH(QVector<Entry>, entries);
    QFETCH(ArchiveLimits, limits);
    QFETCH(QStringList, files);
    QFETCH(QString, error);
    QFETCH(bool, complete);
    QFETCH(qint64, diskLimit);

    const QString archivePath = path(QStringLiteral("bomb.zip"));
    QCOMPARE(writeArchive(archivePath, format, entries), QString());
    qint64 expanded = 0;
    for (const Entry &entry : entries) {
        expanded += entry.zeros;
    }
    if (expanded > 0) {
        // A bomb: small on disk, large once expanded.
        QVERIFY2(QFileInfo(archivePath).size() < mib,
                 qPrintable(QString::number(QFileInfo(archivePath).size())));
    }

    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result =
        SubmissionArchive::extract(archivePath, destination, limits);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->errors, QStringList{error});
    QCOMPARE(result->files, files);
    QCOMPARE(result->complete, complete);
    QCOMPARE(sorted(filesUnder(destination)), sorted(files));
    const qint64 onDisk = bytesUnder(destination);
    QVERIFY2(onDisk <= diskLimit, qPrintable(QString::number(onDisk)));
    QCOMPARE(result->bytesWritten, onDisk);
}

void TestClassFolder::stopsBombThatUnderstatesItsSize()
{
    const QString archivePath = path(QStringLiteral("liar.zip"));
    QCOMPARE(writeArchive(archivePath, Format::Zip,
                          {zeros("bomb.bin", 100 * mib), file("after.go", "package after\n")}),
             QString());
    QByteArray zip = readFile(archivePath);
    QCOMPARE(understateZipSize(&zip, "bomb.bin", 1000), 2);
    QVERIFY(writeFile(archivePath, zip));

    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    // Only counting the bytes as they arrive can catch this one.
    QCOMPARE(result->errors,
             QStringList{QStringLiteral("liar.zip: the entry \"bomb.bin\" is larger "
                                        "than the 4 MiB limit for one file; not "
                                        "extracted")});
    QCOMPARE(result->files, QStringList{QStringLiteral("after.go")});
    QCOMPARE(filesUnder(destination), QStringList{QStringLiteral("after.go")});
}

void TestClassFolder::refusesWhatIsNoArchive_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");

    QByteArray random(64 * 1024, '\0');
    quint32 state = 12345;
    for (char &byte : random) {
        state = state * 1664525u + 1013904223u;
        byte = char(state >> 24);
    }
    // A gzip header and then garbage: the filter accepts it, no archive format does.
    const QByteArray gzipGarbage = QByteArray::fromHex("1f8b0800000000000003") + random;
    QTest::newRow("random bytes named .zip") << QStringLiteral("junk.zip") << random;
    QTest::newRow("empty file named .zip") << QStringLiteral("junk.zip") << QByteArray();
    QTest::newRow("text named .tar.gz")
        << QStringLiteral("junk.tar.gz") << QByteArray("this is my homework, promise\n");
    QTest::newRow("gzip of garbage named .tgz") << QStringLiteral("junk.tgz") << gzipGarbage;
}

void TestClassFolder::refusesWhatIsNoArchive()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QVERIFY(writeFile(path(fileName), content));

    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result =
        SubmissionArchive::extract(path(fileName), destination);
    QVERIFY(!result.hasValue());
    QVERIFY2(
        result.error().startsWith(fileName + QStringLiteral(": cannot be read as a .zip, .tar or "
                                                            ".tar.gz archive (")),
        qPrintable(result.error()));
    QCOMPARE(filesUnder(destination), QStringList());
}

void TestClassFolder::keepsWholeEntriesOfTruncatedArchive()
{
    const QString whole = path(QStringLiteral("whole.tar"));
    QCOMPARE(writeArchive(whole, Format::Tar,
                          {file("a.go", "package a\n"), zeros("b.bin", 256 * 1024),
                           file("c.go", "package c\n")}),
             QString());
    const QByteArray bytes = readFile(whole);
    QVERIFY(bytes.size() > 256 * 1024);
    const QString cut = path(QStringLiteral("cut.tar"));
    QVERIFY(writeFile(cut, bytes.left(128 * 1024)));

    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(cut, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->files, QStringList{QStringLiteral("a.go")});
    QCOMPARE(result->errors.size(), 1);
    QVERIFY2(result->errors.constFirst().startsWith(
                 QStringLiteral("cut.tar: the entry \"b.bin\" is damaged (")),
             qPrintable(result->errors.constFirst()));
    QVERIFY(!result->complete);
    QCOMPARE(filesUnder(destination), QStringList{QStringLiteral("a.go")});
}

void TestClassFolder::decodesEntryNames_data()
{
    QTest::addColumn<Format>("format");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("extracted");

    const QString jose = nfcJose + QStringLiteral("/contador.go");
    QTest::newRow("UTF-8 in zip") << Format::Zip << utf8(jose) << jose;
    QTest::newRow("UTF-8 in tar") << Format::Tar << utf8(jose) << jose;
    QTest::newRow("UTF-8 in ustar") << Format::Ustar << utf8(jose) << jose;
    QTest::newRow("Latin-1 in ustar")
        << Format::Ustar << QByteArray("caf\xe9.go") << QStringLiteral("caf\ufffd.go");
}

void TestClassFolder::decodesEntryNames()
{
    QFETCH(Format, format);
    QFETCH(QByteArray, name);
    QFETCH(QString, extracted);

    const QString archivePath = path(QStringLiteral("names.tar"));
    QCOMPARE(writeArchive(archivePath, format, {file(name, "package main\n")}), QString());
    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->errors, QStringList());
    QCOMPARE(result->files, QStringList{extracted});
    QCOMPARE(filesUnder(destination), QStringList{extracted});
    QCOMPARE(readFile(destination + u'/' + extracted), QByteArray("package main\n"));
}

void TestClassFolder::keepsNamesUnderCLocale()
{
    const QString archivePath = path(QStringLiteral("names.zip"));
    const QString name = nfcJose + QStringLiteral("/contador.go");
    {
        // Written under UTF-8 the zip marks its names as UTF-8, the case "C" used to lose.
        const CtypeLocale utf8Locale("C.UTF-8");
        if (!utf8Locale.ok()) {
            QSKIP("this system has no C.UTF-8 locale to write the fixture with");
        }
        QCOMPARE(writeArchive(archivePath, Format::Zip, {file(utf8(name), "package main\n")}),
                 QString());
    }
    const CtypeLocale cLocale("C");
    QVERIFY(cLocale.ok());
    const QString destination = path(QStringLiteral("out"));
    const Expected<ExtractedArchive> result = SubmissionArchive::extract(archivePath, destination);
    QVERIFY2(result.hasValue(), qPrintable(result.error()));
    QCOMPARE(result->errors, QStringList());
    QCOMPARE(result->files, QStringList{name});
}

void TestClassFolder::recognisesArchiveNames_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("isArchive");
    QTest::addColumn<QString>("baseName");

    QTest::newRow("zip") << QStringLiteral("Ana Lee.zip") << true << QStringLiteral("Ana Lee");
    QTest::newRow("upper case") << QStringLiteral("BOB.ZIP") << true << QStringLiteral("BOB");
    QTest::newRow("tar") << QStringLiteral("c.tar") << true << QStringLiteral("c");
    QTest::newRow("tar.gz") << QStringLiteral("d.e.tar.gz") << true << QStringLiteral("d.e");
    QTest::newRow("tgz") << QStringLiteral("f.tgz") << true << QStringLiteral("f");
    QTest::newRow("gz alone") << QStringLiteral("g.gz") << false << QStringLiteral("g.gz");
    QTest::newRow("rar") << QStringLiteral("h.rar") << false << QStringLiteral("h.rar");
    QTest::newRow("only the extension")
        << QStringLiteral(".zip") << false << QStringLiteral(".zip");
}

void TestClassFolder::recognisesArchiveNames()
{
    QFETCH(QString, fileName);
    QFETCH(bool, isArchive);
    QFETCH(QString, baseName);
    QCOMPARE(SubmissionArchive::isArchiveName(fileName), isArchive);
    QCOMPARE(SubmissionArchive::baseName(fileName), baseName);
}

void TestClassFolder::scansClassOfThree()
{
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/main.go")), "package main // ana\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/notes.txt")), "todo\n"));
    QCOMPARE(writeArchive(classPath(QStringLiteral("Bruno.zip")), Format::Zip,
                          {file("bruno/main.cpp", "int main() {}\n"),
                           file("bruno/util.cc", "// util\n"), file("bruno/README.md", "hi\n")}),
             QString());
    QCOMPARE(writeArchive(classPath(QStringLiteral("Carla.tar.gz")), Format::TarGz,
                          {file("counter.go", "package main // carla\n"),
                           file("lib/extra.cxx", "// extra\n")}),
             QString());

    const ClassScan scan = scanClass();
    QCOMPARE(problemMessages(scan), QStringList());
    QCOMPARE(scan.students.size(), 3);

    const StudentSubmission &ana = scan.students.at(0);
    QCOMPARE(ana.name, QStringLiteral("Ana"));
    QCOMPARE(ana.key, QStringLiteral("ana"));
    QCOMPARE(ana.origin, QStringLiteral("Ana"));
    QVERIFY(!ana.fromArchive);
    QCOMPARE(sourcePaths(ana), QStringList{QStringLiteral("Ana/main.go")});
    QCOMPARE(ana.sources.at(0).absolutePath,
             QFileInfo(classPath(QStringLiteral("Ana/main.go"))).canonicalFilePath());

    const StudentSubmission &bruno = scan.students.at(1);
    QCOMPARE(bruno.name, QStringLiteral("Bruno"));
    QCOMPARE(bruno.key, QStringLiteral("bruno"));
    QCOMPARE(bruno.origin, QStringLiteral("Bruno.zip"));
    QVERIFY(bruno.fromArchive);
    QCOMPARE(sourcePaths(bruno), (QStringList{QStringLiteral("Bruno.zip/bruno/main.cpp"),
                                              QStringLiteral("Bruno.zip/bruno/util.cc")}));
    QCOMPARE(readFile(bruno.sources.at(0).absolutePath), QByteArray("int main() {}\n"));
    QVERIFY(bruno.sources.at(0).absolutePath.startsWith(
        QDir(path(QStringLiteral("scratch"))).absolutePath() + u'/'));

    const StudentSubmission &carla = scan.students.at(2);
    QCOMPARE(carla.name, QStringLiteral("Carla"));
    QCOMPARE(carla.key, QStringLiteral("carla"));
    QCOMPARE(carla.origin, QStringLiteral("Carla.tar.gz"));
    QCOMPARE(sourcePaths(carla), (QStringList{QStringLiteral("Carla.tar.gz/counter.go"),
                                              QStringLiteral("Carla.tar.gz/lib/extra.cxx")}));
    QCOMPARE(readFile(carla.sources.at(0).absolutePath), QByteArray("package main // carla\n"));
}

void TestClassFolder::reportsArchiveProblems()
{
    QVERIFY(QDir().mkpath(path(QStringLiteral("outside"))));
    QCOMPARE(writeArchive(classPath(QStringLiteral("Dana.zip")), Format::Zip,
                          {file("../evil.go", "package evil\n"), file("main.go", "package main\n"),
                           special("passwd.go", Entry::Symlink, "/etc/passwd")}),
             QString());
    QVERIFY(writeFile(classPath(QStringLiteral("Eli.zip")), "not a zip at all"));

    const ClassScan scan = scanClass();
    QCOMPARE(problemPaths(scan),
             (QStringList{QStringLiteral("Dana.zip"), QStringLiteral("Dana.zip"),
                          QStringLiteral("Eli.zip")}));
    QCOMPARE(scan.problems.at(0).message,
             QStringLiteral("Dana.zip: the entry \"../evil.go\" climbs out of the archive with "
                            "\"..\"; not extracted"));
    QCOMPARE(scan.problems.at(1).message,
             QStringLiteral("Dana.zip: the entry \"passwd.go\" is a symbolic link to "
                            "\"/etc/passwd\"; skipped, links are not created"));
    QVERIFY2(scan.problems.at(2).message.startsWith(
                 QStringLiteral("Eli.zip: cannot be read as a .zip, .tar or .tar.gz archive")),
             qPrintable(scan.problems.at(2).message));

    const StudentSubmission *dana = findStudent(scan, QStringLiteral("Dana"));
    QVERIFY(dana);
    QCOMPARE(sourcePaths(*dana), QStringList{QStringLiteral("Dana.zip/main.go")});
    const StudentSubmission *eli = findStudent(scan, QStringLiteral("Eli"));
    QVERIFY(eli);
    QCOMPARE(eli->sources.size(), 0);
    for (const QString &file : filesUnder(m_dir->path())) {
        QVERIFY2(!file.endsWith(QStringLiteral("evil.go")), qPrintable(file));
    }
}

void TestClassFolder::neverFollowsLinks_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("outside");

    QTest::newRow("student folder linking outside")
        << QStringLiteral("Eve") << QStringLiteral("<tmp>/outside") << true;
    QTest::newRow("source linking to /etc/passwd")
        << QStringLiteral("Ana/passwd.go") << QStringLiteral("/etc/passwd") << true;
    QTest::newRow("dangling link to outside")
        << QStringLiteral("Ana/gone.go") << QStringLiteral("/nonexistent/gone.go") << true;
    QTest::newRow("relative link climbing out")
        << QStringLiteral("Ana/up") << QStringLiteral("../../outside") << true;
    QTest::newRow("source linking inside")
        << QStringLiteral("Ana/copy.go") << QStringLiteral("../Bob/main.go") << false;
    QTest::newRow("folder linking inside")
        << QStringLiteral("Ana/lib") << QStringLiteral("../Bob") << false;
}

void TestClassFolder::neverFollowsLinks()
{
    QFETCH(QString, link);
    QFETCH(QString, target);
    QFETCH(bool, outside);
    target.replace(QStringLiteral("<tmp>"), m_dir->path());

    QVERIFY(writeFile(path(QStringLiteral("outside/stolen.go")), "package stolen\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/main.go")), "package main\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Bob/main.go")), "package main\n"));
    QCOMPARE(::symlink(QFile::encodeName(target).constData(),
                       QFile::encodeName(classPath(link)).constData()),
             0);

    const ClassScan scan = scanClass();
    const QString expected =
        link + (outside
                    ? QStringLiteral(": is a symbolic link to outside the class folder; skipped")
                    : QStringLiteral(": is a symbolic link; skipped, links are not followed"));
    QCOMPARE(problemMessages(scan), QStringList{expected});
    QCOMPARE(problemPaths(scan), QStringList{link});

    QStringList names;
    for (const StudentSubmission &student : scan.students) {
        names.append(student.name);
        for (const SubmissionFile &source : student.sources) {
            QVERIFY2(!source.absolutePath.contains(QStringLiteral("outside")),
                     qPrintable(source.absolutePath));
        }
    }
    QCOMPARE(names, (QStringList{QStringLiteral("Ana"), QStringLiteral("Bob")}));
    QCOMPARE(sourcePaths(*findStudent(scan, QStringLiteral("Ana"))),
             QStringList{QStringLiteral("Ana/main.go")});
    QCOMPARE(sourcePaths(*findStudent(scan, QStringLiteral("Bob"))),
             QStringList{QStringLiteral("Bob/main.go")});
}

void TestClassFolder::reportsUnreadableFiles_data()
{
    QTest::addColumn<QString>("locked");
    QTest::addColumn<QString>("probe");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("message");

    QTest::newRow("file with mode 000")
        << QStringLiteral("Ana/secret.go") << QStringLiteral("Ana/secret.go") << 0
        << QStringLiteral("Ana/secret.go: cannot be read (");
    QTest::newRow("folder without execute bit")
        << QStringLiteral("Ana/private") << QStringLiteral("Ana/private/hidden.go") << 0600
        << QStringLiteral("Ana/private: is a folder that cannot be read (permission denied); its "
                          "files are skipped");
}

void TestClassFolder::reportsUnreadableFiles()
{
    QFETCH(QString, locked);
    QFETCH(QString, probe);
    QFETCH(int, mode);
    QFETCH(QString, message);

    QVERIFY(writeFile(classPath(QStringLiteral("Ana/main.go")), "package main\n"));
    QVERIFY(writeFile(classPath(probe), "package secret\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Bob/main.go")), "package main\n"));
    const QByteArray lockedPath = QFile::encodeName(classPath(locked));
    QCOMPARE(::chmod(lockedPath.constData(), mode_t(mode)), 0);
    const auto unlock = qScopeGuard([&] { ::chmod(lockedPath.constData(), 0700); });
    QFile reader(classPath(probe));
    if (reader.open(QIODevice::ReadOnly)) {
        QSKIP("the test runs with the right to read any file (as root or with CAP_DAC_OVERRIDE), "
              "so permissions cannot make a file unreadable");
    }

    const ClassScan scan = scanClass();
    QCOMPARE(problemPaths(scan), QStringList{locked});
    QVERIFY2(scan.problems.constFirst().message.startsWith(message),
             qPrintable(scan.problems.constFirst().message));
    QCOMPARE(scan.students.size(), 2);
    QCOMPARE(sourcePaths(scan.students.at(0)), QStringList{QStringLiteral("Ana/main.go")});
    QCOMPARE(sourcePaths(scan.students.at(1)), QStringList{QStringLiteral("Bob/main.go")});
}

void TestClassFolder::keepsDuplicateNamesApart_data()
{
    QTest::addColumn<QStringList>("folders");
    QTest::addColumn<QStringList>("archives");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("folder Ana and archive ana.zip")
        << QStringList{QStringLiteral("Ana")} << QStringList{QStringLiteral("ana.zip")}
        << QStringList{QStringLiteral("Ana"), QStringLiteral("ana")}
        << QStringList{QStringLiteral("ana"), QStringLiteral("ana (2)")}
        << QStringList{QStringLiteral("ana.zip: has the same student name as Ana once letter case "
                                      "and Unicode composition are ignored; both are kept, as "
                                      "\"ana\" and \"ana (2)\"")};
    // NFD sorts first ('e' before 'é'), so it keeps the bare key.
    QTest::newRow("José in NFC and NFD")
        << QStringList{nfcJose, nfdJose} << QStringList() << QStringList{nfdJose, nfcJose}
        << QStringList{QStringLiteral("jos\u00e9"), QStringLiteral("jos\u00e9 (2)")}
        << QStringList{nfcJose + QStringLiteral(": has the same student name as ") + nfdJose +
                       QStringLiteral(" once letter case and Unicode composition are ignored; "
                                      "both are kept, as \"jos\u00e9\" and \"jos\u00e9 (2)\"")};
    QTest::newRow("three spellings")
        << QStringList{QStringLiteral("ANA"), QStringLiteral("Ana")}
        << QStringList{QStringLiteral("ana.tgz")}
        << QStringList{QStringLiteral("ANA"), QStringLiteral("Ana"), QStringLiteral("ana")}
        << QStringList{QStringLiteral("ana"), QStringLiteral("ana (2)"), QStringLiteral("ana (3)")}
        << QStringList{QStringLiteral("Ana: has the same student name as ANA once letter case and "
                                      "Unicode composition are ignored; both are kept, as \"ana\" "
                                      "and \"ana (2)\""),
                       QStringLiteral("ana.tgz: has the same student name as ANA once letter case "
                                      "and Unicode composition are ignored; both are kept, as "
                                      "\"ana\" and \"ana (3)\"")};
    QTest::newRow("a real name that looks like a suffixed key")
        << QStringList{QStringLiteral("Ana"), QStringLiteral("ana (2)")}
        << QStringList{QStringLiteral("ana.zip")}
        << QStringList{QStringLiteral("Ana"), QStringLiteral("ana (2)"), QStringLiteral("ana")}
        << QStringList{QStringLiteral("ana"), QStringLiteral("ana (2)"), QStringLiteral("ana (3)")}
        << QStringList{QStringLiteral("ana.zip: has the same student name as Ana once letter case "
                                      "and Unicode composition are ignored; both are kept, as "
                                      "\"ana\" and \"ana (3)\"")};
}

void TestClassFolder::keepsDuplicateNamesApart()
{
    QFETCH(QStringList, folders);
    QFETCH(QStringList, archives);
    QFETCH(QStringList, names);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, problems);

    for (const QString &folder : folders) {
        QVERIFY(writeFile(classPath(folder + QStringLiteral("/main.go")), "package main\n"));
    }
    for (const QString &archiveName : archives) {
        const Format format =
            archiveName.endsWith(QStringLiteral(".zip")) ? Format::Zip : Format::TarGz;
        QCOMPARE(writeArchive(classPath(archiveName), format, {file("main.go", "package main\n")}),
                 QString());
    }
    // A file system that normalises names, as macOS does, would merge the two José folders.
    QCOMPARE(QDir(path(QStringLiteral("class")))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot)
                 .size(),
             folders.size() + archives.size());

    const ClassScan scan = scanClass();
    QStringList foundNames;
    QStringList foundKeys;
    for (const StudentSubmission &student : scan.students) {
        foundNames.append(student.name);
        foundKeys.append(student.key);
        QCOMPARE(student.sources.size(), 1);
        QCOMPARE(student.sources.at(0).relativePath, student.origin + QStringLiteral("/main.go"));
    }
    QCOMPARE(foundNames, names);
    QCOMPARE(foundKeys, keys);
    QCOMPARE(problemMessages(scan), problems);
}

void TestClassFolder::acceptsSpacesAndNonAscii_data()
{
    QTest::addColumn<bool>("archived");
    QTest::addColumn<QString>("origin");

    QTest::newRow("folder") << false << zoe;
    QTest::newRow("zip") << true << zoe + QStringLiteral(".zip");
}

void TestClassFolder::acceptsSpacesAndNonAscii()
{
    QFETCH(bool, archived);
    QFETCH(QString, origin);

    const QByteArray source = "package main // zo\xc3\xab\n";
    if (archived) {
        QCOMPARE(writeArchive(classPath(origin), Format::Zip, {file("my counter.go", source)}),
                 QString());
    } else {
        QVERIFY(writeFile(classPath(origin + QStringLiteral("/my counter.go")), source));
    }

    const ClassScan scan = scanClass();
    QCOMPARE(problemMessages(scan), QStringList());
    QCOMPARE(scan.students.size(), 1);
    const StudentSubmission &student = scan.students.at(0);
    QCOMPARE(student.name, zoe);
    QCOMPARE(student.key, QStringLiteral("zo\u00eb ng"));
    QCOMPARE(student.origin, origin);
    QCOMPARE(student.fromArchive, archived);
    QCOMPARE(sourcePaths(student), QStringList{origin + QStringLiteral("/my counter.go")});
    QCOMPARE(readFile(student.sources.at(0).absolutePath), source);
}

void TestClassFolder::reportsStudentsWithoutSources_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QStringList>("files");

    QTest::newRow("empty folder") << QStringLiteral("Fay") << QStringList();
    QTest::newRow("folder with notes only")
        << QStringLiteral("Fay")
        << QStringList{QStringLiteral("README.md"), QStringLiteral("go.mod"),
                       QStringLiteral("main.go.txt")};
    QTest::newRow("folder with litter only")
        << QStringLiteral("Fay")
        << QStringList{QStringLiteral(".DS_Store"), QStringLiteral("__MACOSX/._main.go")};
    QTest::newRow("archive with notes only")
        << QStringLiteral("Fay.zip") << QStringList{QStringLiteral("notes.txt")};
    QTest::newRow("archive with no entry") << QStringLiteral("Fay.zip") << QStringList();
}

void TestClassFolder::reportsStudentsWithoutSources()
{
    QFETCH(QString, origin);
    QFETCH(QStringList, files);

    if (origin.endsWith(QStringLiteral(".zip"))) {
        QVector<Entry> entries;
        for (const QString &name : files) {
            entries.append(file(utf8(name), "text\n"));
        }
        QCOMPARE(writeArchive(classPath(origin), Format::Zip, entries), QString());
    } else {
        QVERIFY(QDir().mkpath(classPath(origin)));
        for (const QString &name : files) {
            QVERIFY(writeFile(classPath(origin + u'/' + name), "text\n"));
        }
    }
    QVERIFY(writeFile(classPath(QStringLiteral("Gil/main.go")), "package main\n"));

    const ClassScan scan = scanClass();
    QCOMPARE(problemMessages(scan),
             QStringList{origin + QStringLiteral(": holds no .go or .cpp file (nor .cc or .cxx); "
                                                 "nothing to grade")});
    QCOMPARE(problemPaths(scan), QStringList{origin});
    QCOMPARE(scan.students.size(), 2);
    const StudentSubmission *fay = findStudent(scan, QStringLiteral("Fay"));
    QVERIFY(fay);
    QCOMPARE(fay->origin, origin);
    QCOMPARE(fay->sources.size(), 0);
}

void TestClassFolder::ignoresLitter()
{
    QVERIFY(writeFile(classPath(QStringLiteral(".DS_Store")), "litter"));
    QVERIFY(writeFile(classPath(QStringLiteral("__MACOSX/Ana/._main.go")), "litter"));
    QVERIFY(writeFile(classPath(QStringLiteral("Thumbs.db")), "litter"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/main.go")), "package main\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/.DS_Store")), "litter"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/.git/hooks/x.go")), "package hook\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/__MACOSX/._main.go")), "litter"));
    QCOMPARE(writeArchive(classPath(QStringLiteral("Bea.zip")), Format::Zip,
                          {file("main.go", "package main\n"), file("__MACOSX/._main.go", "litter"),
                           file(".hidden.go", "package hidden\n"), file(".DS_Store", "litter")}),
             QString());

    const ClassScan scan = scanClass();
    QCOMPARE(problemMessages(scan), QStringList());
    QCOMPARE(scan.students.size(), 2);
    QCOMPARE(scan.students.at(0).name, QStringLiteral("Ana"));
    QCOMPARE(sourcePaths(scan.students.at(0)), QStringList{QStringLiteral("Ana/main.go")});
    QCOMPARE(scan.students.at(1).name, QStringLiteral("Bea"));
    QCOMPARE(sourcePaths(scan.students.at(1)), QStringList{QStringLiteral("Bea.zip/main.go")});
}

void TestClassFolder::reportsStrayFiles()
{
    QVERIFY(writeFile(classPath(QStringLiteral("Ana/main.go")), "package main\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("grades.csv")), "name,grade\n"));
    QVERIFY(writeFile(classPath(QStringLiteral("main.go")), "package main\n"));
    QCOMPARE(::mkfifo(QFile::encodeName(classPath(QStringLiteral("pipe"))).constData(), 0600), 0);

    const ClassScan scan = scanClass();
    QCOMPARE(problemMessages(scan),
             (QStringList{QStringLiteral("grades.csv: is neither a student folder nor a .zip, .tar "
                                         "or .tar.gz archive; skipped"),
                          QStringLiteral("main.go: is a source file directly in the class folder, "
                                         "but each student needs a folder or an archive; skipped"),
                          QStringLiteral("pipe: is not a regular file or folder; skipped")}));
    QCOMPARE(scan.students.size(), 1);
    QCOMPARE(sourcePaths(scan.students.at(0)), QStringList{QStringLiteral("Ana/main.go")});
}

void TestClassFolder::reportsMissingClassFolder()
{
    const QString missing = path(QStringLiteral("no such class"));
    const ClassScan scan = ClassFolder::scan(missing);
    QCOMPARE(scan.students.size(), 0);
    QCOMPARE(problemMessages(scan),
             QStringList{QDir::toNativeSeparators(missing) +
                         QStringLiteral(": is not a folder; nothing to scan")});
}

void TestClassFolder::reportsArchivesWithoutScratchFolder()
{
    QCOMPARE(writeArchive(classPath(QStringLiteral("Hana.zip")), Format::Zip,
                          {file("main.go", "package main\n")}),
             QString());
    const ClassScan scan = ClassFolder::scan(path(QStringLiteral("class")));
    QCOMPARE(problemMessages(scan),
             QStringList{QStringLiteral("Hana.zip: is an archive, but no scratch folder was given "
                                        "to extract it into; skipped")});
    QCOMPARE(scan.students.size(), 1);
    QCOMPARE(scan.students.at(0).name, QStringLiteral("Hana"));
    QCOMPARE(scan.students.at(0).sources.size(), 0);
    QCOMPARE(filesUnder(path(QStringLiteral("scratch"))), QStringList());
}

QTEST_GUILESS_MAIN(TestClassFolder)
#include "tst_classfolder.moc"
