#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli sandbox [--json]`: checks whether student code can be isolated on this
/// machine, and says how. Exit 0 when it can, 3 when it cannot.
class SandboxCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
