#pragma once

#include "expected.h"

#include <QString>
#include <QStringList>

namespace RaceGrade {

/// How much one archive may expand to; each limit stops extraction as soon as it is reached.
struct ArchiveLimits
{
    qint64 totalBytes = 64 * 1024 * 1024; ///< all files of the archive together
    qint64 fileBytes = 4 * 1024 * 1024;   ///< any one file
    int entries = 2000;                   ///< entries of any kind, folders and links included
};

/// What extracting an archive wrote, and what it refused or left out.
struct ExtractedArchive
{
    QStringList files;       ///< files written, relative to the destination, '/'-separated
    QStringList errors;      ///< entries refused, limits reached, damaged data
    QStringList skipped;     ///< links and special files, which are never created
    qint64 bytesWritten = 0; ///< the sizes of `files` added up
    bool complete = true;    ///< false when an error stopped extraction before the last entry
};

/// Extracts a student's .zip, .tar or .tar.gz/.tgz archive without trusting its contents.
class SubmissionArchive
{
public:
    /// True when the file name ends in an extension this class reads (case does not matter).
    static bool isArchiveName(const QString &fileName);

    /// The file name without its archive extension: "Ana Lee.tar.gz" gives "Ana Lee".
    static QString baseName(const QString &fileName);

    /// Extracts `archivePath` into `destination`, created if missing. Entries whose path is
    /// absolute or climbs out with "..", links, devices and fifos are never written; every
    /// other entry that fits the limits is. Fails only when the file cannot be read as an
    /// archive at all or the destination cannot be created.
    static Expected<ExtractedArchive> extract(const QString &archivePath,
                                              const QString &destination,
                                              const ArchiveLimits &limits = {});
};

} // namespace RaceGrade
