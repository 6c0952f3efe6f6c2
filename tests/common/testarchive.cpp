#include "testarchive.h"

#include <QFile>
#include <QScopeGuard>
#include <archive.h>
#include <archive_entry.h>

namespace RaceGrade::TestSupport {

QString TestArchive::write(const QString &path, Format format,
                           const QVector<TestArchiveEntry> &entries)
{
    archive *writer = archive_write_new();
    const auto freeWriter = qScopeGuard([writer] { archive_write_free(writer); });
    const auto failed = [&](const char *step) {
        return QStringLiteral("%1: %2 failed: %3")
            .arg(path, QLatin1String(step), QString::fromLocal8Bit(archive_error_string(writer)));
    };
    switch (format) {
    case Zip:
        archive_write_set_format_zip(writer);
        break;
    case Tar:
        archive_write_set_format_pax_restricted(writer);
        break;
    case TarGz:
        archive_write_set_format_pax_restricted(writer);
        archive_write_add_filter_gzip(writer);
        // Without its time stamp a gzip stream is the same on every run.
        archive_write_set_filter_option(writer, "gzip", "timestamp", nullptr);
        break;
    }
    if (archive_write_open_filename(writer, QFile::encodeName(path).constData()) != ARCHIVE_OK) {
        return failed("open");
    }
    for (const TestArchiveEntry &spec : entries) {
        archive_entry *entry = archive_entry_new();
        const auto freeEntry = qScopeGuard([entry] { archive_entry_free(entry); });
        archive_entry_set_pathname(entry, spec.name.constData());
        archive_entry_set_mtime(entry, 1700000000, 0);
        if (spec.kind == TestArchiveEntry::Symlink) {
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_perm(entry, 0777);
            archive_entry_set_symlink(entry, spec.target.constData());
        } else {
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_perm(entry, 0644);
            archive_entry_set_size(entry, spec.data.size());
        }
        if (archive_write_header(writer, entry) < ARCHIVE_WARN) {
            return failed("header");
        }
        if (spec.kind == TestArchiveEntry::File && !spec.data.isEmpty() &&
            archive_write_data(writer, spec.data.constData(), size_t(spec.data.size())) !=
                spec.data.size()) {
            return failed("data");
        }
    }
    if (archive_write_close(writer) != ARCHIVE_OK) {
        return failed("close");
    }
    return {};
}

TestArchive::Format TestArchive::formatFor(const QString &fileName)
{
    if (fileName.endsWith(QLatin1String(".tar.gz")) || fileName.endsWith(QLatin1String(".tgz"))) {
        return TarGz;
    }
    return fileName.endsWith(QLatin1String(".tar")) ? Tar : Zip;
}

} // namespace RaceGrade::TestSupport
