#pragma once

namespace RaceGrade {

/// Exit statuses of racegrade-cli.
enum ExitCode : int
{
    ExitPassed = 0,    ///< every check passed (parse: nothing found)
    ExitFailed = 1,    ///< some check failed, including a build failure (parse: reports found)
    ExitUsage = 2,     ///< bad command line or unreadable input
    ExitToolchain = 3, ///< a compiler or the race detector is missing or broken
};

} // namespace RaceGrade
