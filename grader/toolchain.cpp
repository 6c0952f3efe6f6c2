#include "toolchain.h"

#include "cpptoolchain.h"
#include "gotoolchain.h"
#include "workspace.h"

namespace RaceGrade {

QString BuildCommand::displayLine() const
{
    QStringList parts = {program};
    for (const QString &argument : arguments) {
        parts.append(argument.contains(u' ') ? u'\'' + argument + u'\'' : argument);
    }
    return parts.join(u' ');
}

std::unique_ptr<Toolchain> Toolchain::create(Language language, const GradeOptions &options)
{
    if (language == Language::Go) {
        return std::make_unique<GoToolchain>(options);
    }
    return std::make_unique<CppToolchain>(options);
}

BuildCommand Toolchain::vetCommand(const Workspace &, const QStringList &) const
{
    return {};
}

QStringList Toolchain::runEnvironment(const Workspace &workspace, const RunSchedule &schedule) const
{
    QStringList environment = {
        QStringLiteral("PATH=/usr/local/bin:/usr/bin:/bin"),
        QStringLiteral("HOME=") + workspace.runDir(),
        QStringLiteral("TMPDIR=") + workspace.runDir() + QStringLiteral("/tmp"),
        QStringLiteral("LANG=C.UTF-8"),
        // Race reports print the student's lines: symbolize them even where the tool is unsure.
        QStringLiteral("GOTRACEBACK=all"),
    };
    environment.append(schedule.environment);
    return environment;
}

} // namespace RaceGrade
