// racegrade-makeclass: writes a generated class folder for trying out batch grading and for the
// benchmark, with a manifest of what every file must grade to and a roster.
//
//   racegrade-makeclass [--layout folders|archives|canvas|moodle|mixed] [--students N]
//                       [--seed N] [--slow] DIR

#include "classgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace RaceGrade;
using namespace RaceGrade::TestSupport;

namespace {

QJsonObject manifestOf(const GeneratedClass &generated)
{
    QJsonArray students;
    for (const GeneratedStudent &student : generated.students) {
        QJsonArray files;
        for (const GeneratedFile &file : student.files) {
            files.append(QJsonObject{
                {QStringLiteral("path"), file.relativePath},
                {QStringLiteral("exercise"), file.exercise},
                {QStringLiteral("language"), languageId(file.language)},
                {QStringLiteral("kind"), fileKindId(file.kind)},
                {QStringLiteral("case"), file.corpusCase},
                {QStringLiteral("verdict"), file.verdict},
                {QStringLiteral("min_score"), file.minScore},
                {QStringLiteral("max_score"), file.maxScore},
                {QStringLiteral("chosen"), file.chosen},
                {QStringLiteral("sha256"), QString::fromLatin1(file.contentHash)},
                {QStringLiteral("identical_to"), QJsonArray::fromStringList(file.identicalTo)},
            });
        }
        students.append(QJsonObject{{QStringLiteral("key"), student.key},
                                    {QStringLiteral("name"), student.fullName},
                                    {QStringLiteral("files"), files}});
    }
    return QJsonObject{{QStringLiteral("layout"), classLayoutId(generated.layout)},
                       {QStringLiteral("seed"), qint64(generated.seed)},
                       {QStringLiteral("students"), students}};
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a generated class into DIR (which must be empty or absent), its "
                       "manifest to DIR.manifest.json and its roster to DIR.roster.csv."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("layout"), QStringLiteral("folders, archives, canvas, moodle or mixed."),
         QStringLiteral("layout"), QStringLiteral("folders")},
        {QStringLiteral("students"), QStringLiteral("How many students (at least 13)."),
         QStringLiteral("n"), QStringLiteral("32")},
        {QStringLiteral("seed"), QStringLiteral("Same seed, same class."), QStringLiteral("n"),
         QStringLiteral("1")},
        {QStringLiteral("slow"), QStringLiteral("Also use the cases that take long to grade.")},
    });
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Where to write it."));
    parser.process(application);
    if (parser.positionalArguments().size() != 1) {
        std::fputs("racegrade-makeclass: give one folder\n", stderr);
        return 2;
    }
    const std::optional<ClassLayout> layout =
        classLayoutFromId(parser.value(QStringLiteral("layout")));
    ClassGenerator::Options options;
    bool studentsOk = false;
    bool seedOk = false;
    options.students = parser.value(QStringLiteral("students")).toInt(&studentsOk);
    options.slowCases = parser.isSet(QStringLiteral("slow"));
    const quint32 seed = parser.value(QStringLiteral("seed")).toUInt(&seedOk);
    if (!layout || *layout == ClassLayout::Empty || !studentsOk || !seedOk) {
        std::fputs("racegrade-makeclass: bad --layout, --students or --seed\n", stderr);
        return 2;
    }
    const QString directory = parser.positionalArguments().constFirst();
    const Expected<GeneratedClass> generated =
        ClassGenerator::write(directory, *layout, seed, options);
    if (!generated) {
        std::fprintf(stderr, "racegrade-makeclass: %s\n", qPrintable(generated.error()));
        return 1;
    }
    if (!writeFile(directory + QStringLiteral(".manifest.json"),
                   QJsonDocument(manifestOf(generated.value())).toJson()) ||
        !writeFile(directory + QStringLiteral(".roster.csv"), generated->rosterCsv())) {
        std::fputs("racegrade-makeclass: cannot write the manifest or the roster\n", stderr);
        return 1;
    }
    std::printf("%d students, %d submissions in %s\n", int(generated->students.size()),
                generated->submissionCount(), qPrintable(directory));
    return 0;
}
