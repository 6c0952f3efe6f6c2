#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli batch CLASS_DIR --session FILE [options]`: grades a whole class folder into a
/// session file, resumably, and writes the exports asked for.
class BatchCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
