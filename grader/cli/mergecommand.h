#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli merge --session OUT IN...`: joins the session files of a sharded batch.
class MergeCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
