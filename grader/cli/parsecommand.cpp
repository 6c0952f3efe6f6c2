#include "parsecommand.h"

#include "buildoutcome.h"
#include "clioutput.h"
#include "exitcodes.h"
#include "gradejson.h"
#include "humanreport.h"
#include "mistakeclassifier.h"
#include "problemcollector.h"
#include "racemerger.h"
#include "reportparser.h"
#include "sourcemapper.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>

namespace RaceGrade {

namespace {

// Workflow command values escape %, CR and LF; properties also escape : and ,.
QString escapeData(QString text)
{
    return text.replace(u'%', QStringLiteral("%25"))
        .replace(u'\r', QStringLiteral("%0D"))
        .replace(u'\n', QStringLiteral("%0A"));
}

QString escapeProperty(const QString &text)
{
    return escapeData(text)
        .replace(u':', QStringLiteral("%3A"))
        .replace(u',', QStringLiteral("%2C"));
}

QString annotation(const QString &file, int line, int column, const QString &title,
                   const QString &message)
{
    QStringList properties;
    if (!file.isEmpty()) {
        properties.append(QStringLiteral("file=") + escapeProperty(file));
        if (line > 0) {
            properties.append(QStringLiteral("line=%1").arg(line));
            if (column > 0) {
                properties.append(QStringLiteral("col=%1").arg(column));
            }
        }
    }
    properties.append(QStringLiteral("title=") + escapeProperty(title));
    return QStringLiteral("::error %1::%2\n").arg(properties.join(u','), escapeData(message));
}

QString accessText(const QJsonObject &access)
{
    return QStringLiteral("%1 at %2:%3 in %4")
        .arg(access.value(QLatin1String("op")).toString(),
             access.value(QLatin1String("file")).toString())
        .arg(access.value(QLatin1String("line")).toInt())
        .arg(access.value(QLatin1String("function")).toString());
}

} // namespace

QString ParseCommand::githubAnnotations(const QJsonArray &races, const QJsonArray &problems)
{
    QString text;
    for (const QJsonValue &value : races) {
        const QJsonObject race = value.toObject();
        const QJsonArray accesses = race.value(QLatin1String("accesses")).toArray();
        const QString kind = race.value(QLatin1String("kind")).toString();
        if (accesses.isEmpty()) {
            text += annotation({}, 0, 0, kind, race.value(QLatin1String("explanation")).toString());
        }
        // One annotation on every line involved, each naming the others, so that each line of
        // the pull request shows what it races with.
        for (int i = 0; i < accesses.size(); ++i) {
            const QJsonObject access = accesses.at(i).toObject();
            QStringList others;
            for (int j = 0; j < accesses.size(); ++j) {
                if (j != i) {
                    others.append(accessText(accesses.at(j).toObject()));
                }
            }
            QString message = accessText(access);
            if (!others.isEmpty()) {
                message += QStringLiteral(", against ") + others.join(QStringLiteral("; "));
            }
            text += annotation(access.value(QLatin1String("file")).toString(),
                               access.value(QLatin1String("line")).toInt(),
                               access.value(QLatin1String("column")).toInt(), kind, message);
        }
    }
    for (const QJsonValue &value : problems) {
        const QJsonObject problem = value.toObject();
        text += annotation(problem.value(QLatin1String("file")).toString(),
                           problem.value(QLatin1String("line")).toInt(), 0,
                           problem.value(QLatin1String("kind")).toString(),
                           problem.value(QLatin1String("message")).toString());
    }
    return text;
}

int ParseCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads saved output of the Go race detector or ThreadSanitizer (a CI log, a pasted\n"
        "report) and prints the races and runtime failures in it.\n\n"
        "Exit status: 0 nothing found, 1 races or failures found, 2 unreadable input."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Same as --format json."));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("text (default), json or github "
                                                         "(GitHub Actions annotations)."),
                                          QStringLiteral("format"), QStringLiteral("text"));
    parser.addOptions({jsonOption, formatOption});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("The saved output; - or nothing reads stdin."));
    const CliOutput out(stdout);
    const CliOutput err(stderr);
    if (!parser.parse(arguments)) {
        err.writeLine(QStringLiteral("racegrade-cli parse: ") + parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out.write(parser.helpText());
        return ExitPassed;
    }
    const QString format =
        parser.isSet(jsonOption) ? QStringLiteral("json") : parser.value(formatOption);
    if (format != u"text" && format != u"json" && format != u"github") {
        err.writeLine(QStringLiteral("racegrade-cli parse: unknown format \"%1\" (use text, json "
                                     "or github)")
                          .arg(format));
        return ExitUsage;
    }
    if (parser.positionalArguments().size() > 1) {
        err.writeLine(QStringLiteral("racegrade-cli parse: give at most one file"));
        return ExitUsage;
    }
    const QString path = parser.positionalArguments().value(0, QStringLiteral("-"));
    QFile input;
    const bool opened = path == u"-" ? input.open(stdin, QIODevice::ReadOnly)
                                     : (input.setFileName(path), input.open(QIODevice::ReadOnly));
    if (!opened) {
        err.writeLine(QStringLiteral("%1: cannot be read: %2").arg(path, input.errorString()));
        return ExitUsage;
    }
    const QString text = QString::fromUtf8(input.readAll());

    // One saved output is treated as one run; paths stay as they were printed.
    RunRecord record;
    record.binary = BinaryKind::Program;
    record.result.outcome = RunOutcome::Exited;
    record.result.exitCode = 0;
    record.standardError = text;
    record.parsed = ReportParser::parse(text);
    const SourceMapper mapper{QString(), QString(), QString()};
    QVector<RaceFinding> races = RaceMerger::merge({record}, mapper);
    // ThreadSanitizer's own reports come from C or C++ programs, where workers are threads.
    const bool fromGo = std::none_of(
        record.parsed.races.cbegin(), record.parsed.races.cend(),
        [](const RaceReport &report) { return report.headline.contains(u"ThreadSanitizer"); });
    MistakeClassifier::annotate(races, {}, fromGo ? Language::Go : Language::Cpp);
    QVector<Problem> problems = ProblemCollector::collect(BuildOutcome(), {record}, mapper, 0, 0);
    // A grading retries such a run with randomisation off; saved output can only say why it
    // holds no reports.
    for (const RuntimeFailure &failure : record.parsed.failures) {
        if (failure.kind == FailureKind::SanitizerMappingFailure) {
            problems.append(Problem{QStringLiteral("sanitizer-failure"),
                                    {},
                                    0,
                                    QStringLiteral("ThreadSanitizer could not start (%1): the "
                                                   "kernel's address randomisation is too strong "
                                                   "for it, so the program ran no further. Run it "
                                                   "again with `setarch -R` (or lower "
                                                   "vm.mmap_rnd_bits)")
                                        .arg(failure.message),
                                    1});
        }
    }
    const QJsonArray raceArray = GradeJson::racesToJson(races);
    const QJsonArray problemArray = GradeJson::problemsToJson(problems);

    if (format == u"json") {
        out.write(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("races"), raceArray},
                                                        {QStringLiteral("problems"), problemArray},
                                                        {QStringLiteral("reported_count"),
                                                         QJsonValue(record.parsed.reportedCount)}})
                                  .toJson(QJsonDocument::Indented)));
    } else if (format == u"github") {
        out.write(githubAnnotations(raceArray, problemArray));
    } else {
        if (races.isEmpty() && problems.isEmpty()) {
            out.writeLine(QStringLiteral("no race reports or runtime failures found"));
        }
        if (!races.isEmpty()) {
            out.writeLine(out.paint(QStringLiteral("Races"), CliOutput::Colour::Bold));
            out.write(HumanReport::races(races, out));
        }
        if (!problems.isEmpty()) {
            out.writeLine(out.paint(QStringLiteral("Problems"), CliOutput::Colour::Bold));
            out.write(HumanReport::problems(problems, out));
        }
    }
    return races.isEmpty() && problems.isEmpty() ? ExitPassed : ExitFailed;
}

} // namespace RaceGrade
