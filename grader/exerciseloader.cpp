#include "exerciseloader.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace RaceGrade {

namespace {

const QString manifestFileName = QStringLiteral("exercise.json");

// Merges the per-language override object of a check over the check's own fields.
QJsonObject checkForLanguage(const QJsonObject &check, Language language, bool *applies)
{
    *applies = true;
    const QJsonValue override = check.value(languageId(language));
    if (override.isUndefined()) {
        return check;
    }
    if (override.isNull() || (override.isBool() && !override.toBool())) {
        *applies = false;
        return check;
    }
    QJsonObject merged = check;
    const QJsonObject fields = override.toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        merged.insert(it.key(), it.value());
    }
    return merged;
}

Expected<CheckSpec> parseCheck(const QJsonObject &object, int index)
{
    CheckSpec check;
    check.id = object.value(QLatin1String("id")).toString();
    if (check.id.isEmpty()) {
        return Expected<CheckSpec>::failure(
            QStringLiteral("check %1 has no \"id\"").arg(index + 1));
    }
    const auto where = QStringLiteral("check \"%1\"").arg(check.id);
    check.title = object.value(QLatin1String("title")).toString(check.id);
    check.points = object.value(QLatin1String("points")).toInt(-1);
    if (check.points < 0) {
        return Expected<CheckSpec>::failure(
            where + QStringLiteral(" needs \"points\", a whole number of 0 or more"));
    }
    const QString kindId = object.value(QLatin1String("kind")).toString();
    const std::optional<CheckKind> kind = checkKindFromId(kindId);
    if (!kind) {
        return Expected<CheckSpec>::failure(
            where + QStringLiteral(" has an unknown \"kind\": \"%1\"").arg(kindId));
    }
    check.kind = *kind;
    check.expect = object.value(QLatin1String("expect")).toString();
    check.exitZero = object.value(QLatin1String("exitZero")).toBool(false);
    check.pattern = object.value(QLatin1String("pattern")).toString();
    check.count = object.value(QLatin1String("count")).toInt(1);
    check.harnessTest = object.value(QLatin1String("test")).toString();
    check.raceFree = object.value(QLatin1String("raceFree")).toBool(false);
    check.hint = object.value(QLatin1String("hint")).toString();
    for (const QJsonValue &required : object.value(QLatin1String("requiresAnyOf")).toArray()) {
        check.requiresAnyOf.append(required.toString());
    }
    const QJsonArray analyzers = object.value(QLatin1String("analyzers")).toArray();
    for (const QJsonValue &analyzer : analyzers) {
        check.analyzers.append(analyzer.toString());
    }

    switch (check.kind) {
    case CheckKind::FinalLine:
        if (check.expect.isEmpty()) {
            return Expected<CheckSpec>::failure(where + QStringLiteral(" needs \"expect\""));
        }
        break;
    case CheckKind::LineCount:
        if (check.pattern.isEmpty() || check.count < 0) {
            return Expected<CheckSpec>::failure(
                where + QStringLiteral(" needs \"pattern\" and a \"count\" of 0 or more"));
        }
        break;
    case CheckKind::Harness:
        if (check.harnessTest.isEmpty()) {
            return Expected<CheckSpec>::failure(where + QStringLiteral(" needs \"test\""));
        }
        break;
    case CheckKind::Vet:
        if (check.analyzers.isEmpty()) {
            return Expected<CheckSpec>::failure(
                where + QStringLiteral(" needs \"analyzers\", e.g. [\"copylocks\"]"));
        }
        break;
    case CheckKind::Compile:
    case CheckKind::CleanExit:
    case CheckKind::RaceFree:
        break;
    }
    return check;
}

Expected<LanguageFiles> parseLanguageFiles(const QJsonObject &object, const QDir &directory,
                                           Language language)
{
    LanguageFiles files;
    const auto resolve = [&](const char *key, bool required, QString *target) -> QString {
        const QString relative = object.value(QLatin1String(key)).toString();
        if (relative.isEmpty()) {
            return required ? QStringLiteral("\"languages.%1.%2\" is missing")
                                  .arg(languageId(language), QLatin1String(key))
                            : QString();
        }
        const QString path = QDir::cleanPath(directory.absoluteFilePath(relative));
        // Reference solutions stay out of installed packs: students must not find them.
        if (!QFileInfo(path).isFile() && qstrcmp(key, "reference") == 0) {
            return {};
        }
        if (!QFileInfo(path).isFile()) {
            return QStringLiteral("\"languages.%1.%2\" names %3, which does not exist")
                .arg(languageId(language), QLatin1String(key), QDir::toNativeSeparators(path));
        }
        *target = path;
        return {};
    };
    for (const auto &[key, required, target] :
         {std::tuple{"starter", true, &files.starter}, std::tuple{"harness", false, &files.harness},
          std::tuple{"reference", false, &files.reference}}) {
        const QString problem = resolve(key, required, target);
        if (!problem.isEmpty()) {
            return Expected<LanguageFiles>::failure(problem);
        }
    }
    return files;
}

bool isIdentifier(const QString &name)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return identifier.match(name).hasMatch();
}

// Reads the optional "match" object: file-name phrases and, per language, the names a solution
// defines. An array for "defines" holds for every language of the exercise.
Expected<ExerciseMatchSpec> parseMatch(const QJsonValue &value, const QList<Language> &languages)
{
    using Result = Expected<ExerciseMatchSpec>;
    ExerciseMatchSpec spec;
    if (value.isUndefined()) {
        return spec;
    }
    if (!value.isObject()) {
        return Result::failure(QStringLiteral("\"match\" must be an object"));
    }
    const QJsonObject object = value.toObject();
    const QJsonValue names = object.value(QLatin1String("names"));
    if (!names.isUndefined() && !names.isArray()) {
        return Result::failure(QStringLiteral("\"match.names\" must be a list of phrases"));
    }
    static const QRegularExpression wordCharacter(QStringLiteral("[\\p{L}\\p{N}]"));
    for (const QJsonValue &name : names.toArray()) {
        if (!name.isString() || !name.toString().contains(wordCharacter)) {
            return Result::failure(QStringLiteral("\"match.names\" must hold phrases with letters "
                                                  "or digits, such as \"safe counter\""));
        }
        spec.names.append(name.toString());
    }

    const auto readList = [](const QJsonValue &list, const QString &where,
                             QStringList *target) -> QString {
        if (!list.isArray()) {
            return QStringLiteral("\"%1\" must be a list of names").arg(where);
        }
        for (const QJsonValue &name : list.toArray()) {
            if (!isIdentifier(name.toString())) {
                return QStringLiteral("\"%1\" holds \"%2\", which is not a name a program can "
                                      "define")
                    .arg(where, name.isString() ? name.toString() : QStringLiteral("?"));
            }
            target->append(name.toString());
        }
        return {};
    };
    const QJsonValue defines = object.value(QLatin1String("defines"));
    if (defines.isArray()) {
        QStringList list;
        const QString problem = readList(defines, QStringLiteral("match.defines"), &list);
        if (!problem.isEmpty()) {
            return Result::failure(problem);
        }
        for (const Language language : languages) {
            spec.defines.insert(language, list);
        }
    } else if (defines.isObject()) {
        const QJsonObject perLanguage = defines.toObject();
        for (auto it = perLanguage.begin(); it != perLanguage.end(); ++it) {
            const std::optional<Language> language = languageFromId(it.key());
            if (!language || !languages.contains(*language)) {
                return Result::failure(
                    QStringLiteral("\"match.defines\" names \"%1\", which is not a language of "
                                   "this exercise")
                        .arg(it.key()));
            }
            QStringList list;
            const QString problem =
                readList(it.value(), QStringLiteral("match.defines.") + it.key(), &list);
            if (!problem.isEmpty()) {
                return Result::failure(problem);
            }
            spec.defines.insert(*language, list);
        }
    } else if (!defines.isUndefined()) {
        return Result::failure(QStringLiteral("\"match.defines\" must be a list of names or an "
                                              "object with one list per language"));
    }
    return spec;
}

} // namespace

const Exercise *ExerciseCatalog::find(QStringView id) const
{
    for (const Exercise &exercise : exercises) {
        if (exercise.id == id) {
            return &exercise;
        }
    }
    return nullptr;
}

Expected<Exercise> ExerciseLoader::loadExercise(const QString &directoryPath)
{
    const QDir directory(directoryPath);
    const QString manifestPath = directory.absoluteFilePath(manifestFileName);
    const auto fail = [&](const QString &reason) {
        return Expected<Exercise>::failure(QDir::toNativeSeparators(manifestPath) +
                                           QStringLiteral(": ") + reason);
    };

    QFile manifest(manifestPath);
    if (!manifest.open(QIODevice::ReadOnly)) {
        return fail(QStringLiteral("cannot be read (%1)").arg(manifest.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(manifest.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(QStringLiteral("is not valid JSON at byte %1: %2")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    }
    if (!document.isObject()) {
        return fail(QStringLiteral("must hold a JSON object"));
    }
    const QJsonObject root = document.object();

    Exercise exercise;
    exercise.directory = directory.absolutePath();
    exercise.id = root.value(QLatin1String("id")).toString(directory.dirName());
    exercise.title = root.value(QLatin1String("title")).toString(exercise.id);
    exercise.summary = root.value(QLatin1String("summary")).toString();
    exercise.order = root.value(QLatin1String("order")).toInt(1000);

    const QString instructions =
        root.value(QLatin1String("instructions")).toString(QStringLiteral("instructions.md"));
    exercise.instructionsPath = QDir::cleanPath(directory.absoluteFilePath(instructions));
    if (!QFileInfo(exercise.instructionsPath).isFile()) {
        return fail(QStringLiteral("the instructions file %1 does not exist").arg(instructions));
    }

    const QJsonObject limits = root.value(QLatin1String("limits")).toObject();
    ExerciseLimits &bounds = exercise.limits;
    const QVector<QPair<const char *, int *>> limitFields = {
        {"buildSeconds", &bounds.buildSeconds},
        {"runSeconds", &bounds.runSeconds},
        {"harnessSeconds", &bounds.harnessSeconds},
        {"runMemoryMiB", &bounds.runMemoryMiB},
        {"buildMemoryMiB", &bounds.buildMemoryMiB},
        {"runTasks", &bounds.runTasks},
        {"outputKiB", &bounds.outputKiB}};
    for (const auto &[name, field] : limitFields) {
        const QJsonValue value = limits.value(QLatin1String(name));
        if (!value.isUndefined() && (!value.isDouble() || value.toInt() <= 0)) {
            return fail(QStringLiteral("limits.%1 must be a positive whole number")
                            .arg(QLatin1String(name)));
        }
        *field = value.toInt(*field);
    }

    const QJsonObject languages = root.value(QLatin1String("languages")).toObject();
    if (languages.isEmpty()) {
        return fail(QStringLiteral("\"languages\" must name at least one of \"go\" and \"cpp\""));
    }
    for (auto it = languages.begin(); it != languages.end(); ++it) {
        const std::optional<Language> language = languageFromId(it.key());
        if (!language) {
            return fail(
                QStringLiteral("unknown language \"%1\" (use \"go\" or \"cpp\")").arg(it.key()));
        }
        Expected<LanguageFiles> files =
            parseLanguageFiles(it.value().toObject(), directory, *language);
        if (!files) {
            return fail(files.error());
        }
        exercise.files.insert(*language, files.value());
    }

    Expected<ExerciseMatchSpec> match =
        parseMatch(root.value(QLatin1String("match")), exercise.files.keys());
    if (!match) {
        return fail(match.error());
    }
    exercise.match = std::move(match).value();

    const QJsonArray checks = root.value(QLatin1String("checks")).toArray();
    if (checks.isEmpty()) {
        return fail(QStringLiteral("\"checks\" must list at least one check"));
    }
    for (const Language language : exercise.files.keys()) {
        QVector<CheckSpec> specs;
        for (int index = 0; index < checks.size(); ++index) {
            bool applies = true;
            const QJsonObject object =
                checkForLanguage(checks.at(index).toObject(), language, &applies);
            if (!applies) {
                continue;
            }
            Expected<CheckSpec> check = parseCheck(object, index);
            if (!check) {
                return fail(check.error());
            }
            if (check->kind == CheckKind::Vet && language != Language::Go) {
                return fail(QStringLiteral("check \"%1\": \"vet\" checks exist for Go only; "
                                           "give \"%2\" an override")
                                .arg(check->id, languageId(language)));
            }
            if (check->kind == CheckKind::Harness &&
                exercise.files.value(language).harness.isEmpty()) {
                return fail(QStringLiteral("check \"%1\" needs a harness for %2")
                                .arg(check->id, languageDisplayName(language)));
            }
            for (const CheckSpec &earlier : specs) {
                if (earlier.id == check->id) {
                    return fail(QStringLiteral("two checks are called \"%1\"").arg(check->id));
                }
            }
            specs.append(check.value());
        }
        for (const CheckSpec &spec : specs) {
            for (const QString &required : spec.requiresAnyOf) {
                const bool known =
                    std::any_of(specs.cbegin(), specs.cend(),
                                [&](const CheckSpec &c) { return c.id == required; });
                if (!known || required == spec.id) {
                    return fail(QStringLiteral("check \"%1\" requires \"%2\", which is not "
                                               "another check of this exercise")
                                    .arg(spec.id, required));
                }
            }
        }
        exercise.checks.insert(language, specs);
    }
    qCDebug(lcExercises) << "loaded exercise" << exercise.id << "from" << exercise.directory;
    return exercise;
}

ExerciseCatalog ExerciseLoader::loadCatalog(const QStringList &roots)
{
    ExerciseCatalog catalog;
    for (const QString &root : roots) {
        const QDir rootDir(root);
        if (!rootDir.exists()) {
            catalog.errors.append(QStringLiteral("%1: the exercise folder does not exist")
                                      .arg(QDir::toNativeSeparators(root)));
            continue;
        }
        QStringList candidates;
        if (rootDir.exists(manifestFileName)) {
            candidates.append(rootDir.absolutePath());
        } else {
            const QStringList subfolders =
                rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            for (const QString &name : subfolders) {
                if (QFileInfo::exists(rootDir.absoluteFilePath(name + u'/' + manifestFileName))) {
                    candidates.append(rootDir.absoluteFilePath(name));
                }
            }
        }
        for (const QString &directory : candidates) {
            Expected<Exercise> exercise = loadExercise(directory);
            if (!exercise) {
                qCWarning(lcExercises).noquote() << exercise.error();
                catalog.errors.append(exercise.error());
                continue;
            }
            if (catalog.find(exercise->id)) {
                qCDebug(lcExercises) << "skipping" << directory << "- id already loaded";
                continue;
            }
            catalog.exercises.append(std::move(exercise).value());
        }
    }
    std::stable_sort(catalog.exercises.begin(), catalog.exercises.end(),
                     [](const Exercise &a, const Exercise &b) {
                         return a.order != b.order ? a.order < b.order : a.id < b.id;
                     });
    return catalog;
}

QStringList ExerciseLoader::defaultRoots()
{
    QStringList roots;
    const QString fromEnvironment = qEnvironmentVariable("RACEGRADE_EXERCISES_DIR");
    if (!fromEnvironment.isEmpty()) {
        roots.append(fromEnvironment);
    }
    // An installed binary finds the pack relative to itself, so a relocated install still works.
    const QString applicationDir = QCoreApplication::applicationDirPath();
    const QString besideBinary =
        QDir::cleanPath(applicationDir + QStringLiteral("/../share/racegrade/exercises"));
    QStringList candidates = {besideBinary, QStringLiteral(RACEGRADE_INSTALL_EXERCISES_DIR),
                              QStringLiteral(RACEGRADE_SOURCE_EXERCISES_DIR)};
    // A binary that runs from its build tree grades with the pack of its own source tree.
    if (applicationDir.startsWith(QStringLiteral(RACEGRADE_BUILD_DIR))) {
        candidates.move(2, 0);
    }
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isDir() && !roots.contains(candidate)) {
            roots.append(candidate);
            break;
        }
    }
    return roots;
}

} // namespace RaceGrade
