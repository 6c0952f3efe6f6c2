#pragma once

#include "diagnostic.h"
#include "language.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>
#include <QVector>

namespace RaceGrade {

/// What the inspection of a submitted file found, and the bytes to build.
struct SourceInspection
{
    /// The file as the compilers get it: without a byte-order mark, with plain line ends. Line
    /// numbers are those of the original file.
    QByteArray source;
    /// Reasons the file cannot be built at all (empty, binary, too large, not UTF-8 in Go, no
    /// main). When there is one, nothing is built or run.
    QVector<Diagnostic> errors;
    /// What was changed or tolerated, in words for the report ("Windows line ends were read as
    /// plain ones").
    QStringList notes;

    bool buildable() const { return errors.isEmpty(); }
};

/// Checks a student's file before anything is built: the cheap, clear answers for input that
/// would otherwise end in a confusing compiler message or none. Pure: bytes in, a value out.
class SourceInspector
{
    Q_DECLARE_TR_FUNCTIONS(SourceInspector)

public:
    /// The largest file accepted; solutions to the exercises are a few KiB.
    static constexpr qint64 maxSourceBytes = 1024 * 1024;

    /// Inspects `bytes`, a file of `language` that reports call `fileName`.
    static SourceInspection inspect(const QByteArray &bytes, Language language,
                                    const QString &fileName);
};

} // namespace RaceGrade
