#pragma once

#include <QByteArray>
#include <QString>
#include <QVector>

namespace RaceGrade::TestSupport {

/// One entry of an archive a test writes.
struct TestArchiveEntry
{
    enum Kind
    {
        File,
        Symlink,
    };
    QByteArray name; ///< raw bytes, as the archive stores them: "../evil.go" is kept as it is
    QByteArray data;
    Kind kind = File;
    QByteArray target; ///< of a link
};

/// Writes archives for tests with libarchive, the same bytes on every run.
class TestArchive
{
public:
    enum Format
    {
        Zip,
        Tar,
        TarGz,
    };

    /// Writes `entries` to `path` (its folder must exist); returns what went wrong, or empty.
    static QString write(const QString &path, Format format,
                         const QVector<TestArchiveEntry> &entries);

    /// The format an archive name asks for: .zip, .tar, .tar.gz or .tgz.
    static Format formatFor(const QString &fileName);
};

} // namespace RaceGrade::TestSupport
