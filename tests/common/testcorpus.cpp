#include "testcorpus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace RaceGrade::TestSupport {

namespace {

// Cases that take many seconds to grade: every run times out, the harness waits for its
// watchdog, or the program is slow on purpose.
const char *const slowCaseNames[] = {
    "go-safe-counter-infinite-loop",
    "cpp-safe-counter-infinite-loop",
    "go-safe-counter-copied-mutex",
    "cpp-safe-counter-tsan-needs-fixed-layout",
    "go-parallel-fetch-done-skipped-on-error",
    "cpp-parallel-fetch-done-skipped-on-error",
    "go-parallel-fetch-sequential",
    "cpp-parallel-fetch-sequential",
};

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        list.append(item.toString());
    }
    return list;
}

} // namespace

QString TestCorpus::directory()
{
    return QStringLiteral(RACEGRADE_SOURCE_DIR) + QStringLiteral("/tests/grading/data");
}

Expected<QVector<CorpusCase>> TestCorpus::load(bool slowCases)
{
    using Result = Expected<QVector<CorpusCase>>;
    QFile file(directory() + QStringLiteral("/cases.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return Result::failure(file.fileName() + QStringLiteral(" cannot be read"));
    }
    QVector<CorpusCase> cases;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject object = value.toObject();
        CorpusCase corpusCase;
        corpusCase.name = object.value(QLatin1String("name")).toString();
        corpusCase.exercise = object.value(QLatin1String("exercise")).toString();
        corpusCase.language = languageFromId(object.value(QLatin1String("language")).toString())
                                  .value_or(Language::Go);
        corpusCase.verdict = object.value(QLatin1String("verdict")).toString();
        corpusCase.mustPass = strings(object.value(QLatin1String("mustPass")));
        corpusCase.mustFail = strings(object.value(QLatin1String("mustFail")));
        corpusCase.problems = strings(object.value(QLatin1String("problems")));
        for (const char *slow : slowCaseNames) {
            corpusCase.slow = corpusCase.slow || corpusCase.name == QLatin1String(slow);
        }
        QFile source(directory() + u'/' + object.value(QLatin1String("file")).toString());
        if (!source.open(QIODevice::ReadOnly)) {
            return Result::failure(source.fileName() + QStringLiteral(" cannot be read"));
        }
        corpusCase.bytes = source.readAll();
        if (!corpusCase.slow || slowCases) {
            cases.append(corpusCase);
        }
    }
    if (cases.isEmpty()) {
        return Result::failure(file.fileName() + QStringLiteral(" lists no case"));
    }
    return cases;
}

QPair<int, int> TestCorpus::scoreRange(const CorpusCase *corpusCase, const Exercise &exercise,
                                       Language language)
{
    int total = 0;
    int least = 0;
    int lost = 0;
    for (const CheckSpec &check : exercise.checksFor(language)) {
        total += check.points;
        if (corpusCase && corpusCase->mustPass.contains(check.id)) {
            least += check.points;
        }
        if (corpusCase && corpusCase->mustFail.contains(check.id)) {
            lost += check.points;
        }
    }
    if (corpusCase && corpusCase->verdict == QLatin1String("pass")) {
        return {total, total};
    }
    if (!corpusCase || corpusCase->compileError() || corpusCase->bytes.trimmed().isEmpty()) {
        return {0, 0}; // nothing of a file that does not build runs, so no check passes
    }
    return {least, total - lost};
}

} // namespace RaceGrade::TestSupport
