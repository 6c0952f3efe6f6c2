#include "sandboxcommand.h"

#include "clioutput.h"
#include "exitcodes.h"
#include "sandbox.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace RaceGrade {

int SandboxCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks that student code can be built and run in the sandbox here: it "
                       "starts a\nprogram in it and looks at what that program can see.\n\n"
                       "Exit status: 0 the sandbox works, 3 it does not (the reason is "
                       "printed)."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print the answer as one JSON object."));
    parser.addOption(jsonOption);
    const CliOutput out(stdout, true);
    const CliOutput err(stderr, true);
    if (!parser.parse(arguments)) {
        err.writeLine(QStringLiteral("racegrade-cli sandbox: ") + parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    const SandboxStatus &status = Sandbox::status();
    if (parser.isSet(jsonOption)) {
        QJsonArray checks;
        for (const SandboxCheck &check : status.checks) {
            checks.append(QJsonObject{{QStringLiteral("name"), check.name},
                                      {QStringLiteral("passed"), check.passed},
                                      {QStringLiteral("detail"), check.detail}});
        }
        const QJsonObject object{{QStringLiteral("available"), status.available},
                                 {QStringLiteral("tool"), status.tool},
                                 {QStringLiteral("version"), status.version},
                                 {QStringLiteral("problem"), status.problem},
                                 {QStringLiteral("summary"), status.summary(true)},
                                 {QStringLiteral("checks"), checks}};
        out.write(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        // Each check on its own line, so that a failing one is easy to see.
        for (const SandboxCheck &check : status.checks) {
            out.writeLine(QStringLiteral("  %1  %2: %3")
                              .arg(check.passed ? QStringLiteral("ok  ") : QStringLiteral("FAIL"),
                                   check.name, check.detail));
        }
        out.writeLine(status.summary(true));
        if (!status.available) {
            out.writeLine(QStringLiteral("Gradings stop with this reason until you pass "
                                         "--no-sandbox (only for code you trust)."));
        }
    }
    return status.available ? ExitPassed : ExitToolchain;
}

} // namespace RaceGrade
