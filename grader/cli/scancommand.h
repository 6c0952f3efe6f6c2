#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli scan CLASS_DIR [--json] [--exercises DIR]`: shows what a class folder holds
/// before anything is graded: the layout and why, each student with the files found and the
/// exercise each is for and why, the files set aside, and every entry that was skipped and why.
class ScanCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
