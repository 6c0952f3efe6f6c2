#include "mergecommand.h"

#include "clioutput.h"
#include "exitcodes.h"
#include "gradingsession.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSet>

namespace RaceGrade {

int MergeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Joins session files, such as those of `racegrade-cli batch --shard K/N` run on several\n"
        "machines, into one: every record, override, roster entry and setting. A submission\n"
        "graded in several inputs is taken from the last input that graded it; identical files\n"
        "are flagged across all of them.\n\n"
        "Exit status: 0 merged, 2 bad usage or an input that is not a session."));
    parser.addHelpOption();
    const QCommandLineOption sessionOption(
        QStringLiteral("session"),
        QStringLiteral("The session file to merge into (created when missing)."),
        QStringLiteral("file"));
    parser.addOption(sessionOption);
    parser.addPositionalArgument(QStringLiteral("inputs"),
                                 QStringLiteral("The session files to merge."),
                                 QStringLiteral("input..."));
    const CliOutput out(stdout, true);
    const CliOutput err(stderr, true);
    const auto usage = [&](const QString &message) {
        err.writeLine(QStringLiteral("racegrade-cli merge: ") + message);
        err.writeLine(QStringLiteral("Try `racegrade-cli merge --help`."));
        return int(ExitUsage);
    };
    if (!parser.parse(arguments)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    if (!parser.isSet(sessionOption)) {
        return usage(QStringLiteral("--session FILE is required"));
    }
    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty()) {
        return usage(QStringLiteral("give the session files to merge"));
    }
    const QString target = QFileInfo(parser.value(sessionOption)).absoluteFilePath();
    for (const QString &input : inputs) {
        if (!QFileInfo(input).isFile()) {
            err.writeLine(QStringLiteral("%1: no such session file").arg(input));
            return ExitUsage;
        }
        if (QFileInfo(input).absoluteFilePath() == target) {
            return usage(QStringLiteral("%1 is the target itself").arg(input));
        }
    }
    const Expected<std::shared_ptr<GradingSession>> session =
        GradingSession::open(parser.value(sessionOption));
    if (!session) {
        err.writeLine(session.error());
        return ExitUsage;
    }
    const QString problem = session.value()->mergeFrom(inputs);
    if (!problem.isEmpty()) {
        err.writeLine(problem);
        return ExitUsage;
    }
    const QVector<SubmissionRecord> records = session.value()->records();
    int graded = 0;
    QSet<QString> students;
    for (const SubmissionRecord &record : records) {
        graded += record.graded ? 1 : 0;
        students.insert(record.studentKey);
    }
    out.writeLine(QStringLiteral("%1: %2 submissions of %3 students (%4 graded) from %5 files")
                      .arg(parser.value(sessionOption))
                      .arg(records.size())
                      .arg(students.size())
                      .arg(graded)
                      .arg(inputs.size()));
    return ExitPassed;
}

} // namespace RaceGrade
