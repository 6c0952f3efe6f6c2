#pragma once

#include <QStringList>

namespace RaceGrade {

/// `racegrade-cli exercises [--exercises DIR]... [--json]`: lists the exercises.
class ExercisesCommand
{
public:
    static int run(const QStringList &arguments);
};

} // namespace RaceGrade
