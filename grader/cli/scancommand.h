#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli scan CLASS_DIR [--json]`: shows what a class folder holds before anything is
/// graded: each student with the files found, and every file or entry that was skipped and why.
class ScanCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
