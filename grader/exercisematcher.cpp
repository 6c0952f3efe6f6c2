#include "exercisematcher.h"

#include "definitionscanner.h"

#include <algorithm>

namespace RaceGrade {

namespace {

/// "A", "A and B", "A, B and C".
QString listed(const QStringList &items, const QString &last = QStringLiteral(" and "))
{
    if (items.size() <= 1) {
        return items.value(0);
    }
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + last + items.constLast();
}

bool containsRun(const QStringList &words, const QStringList &run)
{
    if (run.isEmpty() || run.size() > words.size()) {
        return false;
    }
    for (qsizetype start = 0; start + run.size() <= words.size(); ++start) {
        if (std::equal(run.cbegin(), run.cend(), words.cbegin() + start)) {
            return true;
        }
    }
    return false;
}

/// How many words of the exercise's longest name phrase `words` holds in a row; 0 for none.
qsizetype nameStrength(const Exercise &exercise, const QStringList &words)
{
    qsizetype best = 0;
    for (const QString &phrase : QStringList{exercise.id} + exercise.match.names) {
        const QStringList run = ExerciseMatcher::nameWords(phrase);
        if (run.size() > best && containsRun(words, run)) {
            best = run.size();
        }
    }
    return best;
}

/// How much of an exercise's `defines` list a file defines.
struct ContentFit
{
    const Exercise *exercise = nullptr;
    QStringList wanted;
    QStringList found; ///< in the order of `wanted`

    bool qualifies() const { return !found.isEmpty() && found.size() * 2 >= wanted.size(); }
    bool complete() const { return !wanted.isEmpty() && found.size() == wanted.size(); }
    // Ordered by completeness, then by the share found, then by how many.
    bool betterThan(const ContentFit &other) const
    {
        if (complete() != other.complete()) {
            return complete();
        }
        const qsizetype mine = found.size() * other.wanted.size();
        const qsizetype theirs = other.found.size() * wanted.size();
        return mine != theirs ? mine > theirs : found.size() > other.found.size();
    }
    bool tiesWith(const ContentFit &other) const
    {
        return !betterThan(other) && !other.betterThan(*this);
    }

    /// "SafeCounter with Inc and Value", "Config and Settings (not Load)".
    QString described() const
    {
        QString text = complete() && found.size() > 1
                           ? found.constFirst() + QStringLiteral(" with ") + listed(found.mid(1))
                           : listed(found);
        QStringList missing;
        for (const QString &name : wanted) {
            if (!found.contains(name)) {
                missing.append(name);
            }
        }
        if (!missing.isEmpty()) {
            text += QStringLiteral(" (not ") + listed(missing, QStringLiteral(" or ")) + u')';
        }
        return text;
    }
};

ContentFit contentFit(const Exercise &exercise, Language language, const QStringList &defined)
{
    ContentFit fit;
    fit.exercise = &exercise;
    fit.wanted = exercise.match.defines.value(language);
    for (const QString &name : std::as_const(fit.wanted)) {
        if (defined.contains(name)) {
            fit.found.append(name);
        }
    }
    return fit;
}

/// The outcome of telling exercises apart by what the file defines.
struct ContentVerdict
{
    const ContentFit *winner = nullptr;
    QVector<const ContentFit *> tied; ///< two or more equally good fits, when no winner
};

ContentVerdict decideByContent(const QVector<ContentFit> &fits)
{
    ContentVerdict verdict;
    const ContentFit *best = nullptr;
    for (const ContentFit &fit : fits) {
        if (fit.qualifies() && (!best || fit.betterThan(*best))) {
            best = &fit;
        }
    }
    if (!best) {
        return verdict;
    }
    for (const ContentFit &fit : fits) {
        if (fit.qualifies() && fit.tiesWith(*best)) {
            verdict.tied.append(&fit);
        }
    }
    if (verdict.tied.size() == 1) {
        verdict.winner = best;
        verdict.tied.clear();
    }
    return verdict;
}

QString tieText(const QVector<const ContentFit *> &tied)
{
    QStringList ids;
    QStringList what;
    for (const ContentFit *fit : tied) {
        ids.append(fit->exercise->id);
        what.append(fit->found.join(QStringLiteral(", ")));
    }
    if (tied.constFirst()->complete()) {
        return QStringLiteral("it defines everything %1 ask for (%2); assign it by hand")
            .arg(tied.size() == 2 ? QStringLiteral("both ") + listed(ids)
                                  : QStringLiteral("all of ") + listed(ids),
                 what.join(QStringLiteral("; ")));
    }
    return QStringLiteral("it fits %1 equally well (it defines %2); assign it by hand")
        .arg(listed(ids), what.join(QStringLiteral("; ")));
}

} // namespace

QString exerciseMatchId(ExerciseMatch match)
{
    switch (match) {
    case ExerciseMatch::None:
        return QStringLiteral("none");
    case ExerciseMatch::FileName:
        return QStringLiteral("file-name");
    case ExerciseMatch::FolderName:
        return QStringLiteral("folder-name");
    case ExerciseMatch::Content:
        return QStringLiteral("content");
    case ExerciseMatch::Hand:
        return QStringLiteral("hand");
    }
    return {};
}

ExerciseGuess ExerciseMatcher::guess(const QString &namedAs, const QByteArray &content,
                                     const QVector<Exercise> &exercises)
{
    ExerciseGuess result;
    const QStringList parts = namedAs.split(u'/', Qt::SkipEmptyParts);
    const QString fileName = parts.value(parts.size() - 1);
    const std::optional<Language> language = languageFromFileName(fileName);
    if (!language) {
        result.reason =
            QStringLiteral("its extension is not one of a language RaceGrade grades (.go, .cpp, "
                           ".cc, .cxx)");
        return result;
    }
    QVector<const Exercise *> inLanguage;
    for (const Exercise &exercise : exercises) {
        if (exercise.supports(*language)) {
            inLanguage.append(&exercise);
        }
    }
    const QStringList defined = DefinitionScanner::definedNames(content, *language);
    QVector<ContentFit> fits;
    for (const Exercise *exercise : std::as_const(inLanguage)) {
        fits.append(contentFit(*exercise, *language, defined));
    }
    const auto fitOf = [&](const Exercise *exercise) -> const ContentFit * {
        for (const ContentFit &fit : fits) {
            if (fit.exercise == exercise) {
                return &fit;
            }
        }
        return nullptr;
    };

    // By name: the file's own name, then each folder from the innermost out.
    for (qsizetype index = parts.size() - 1; index >= 0; --index) {
        const bool isFile = index == parts.size() - 1;
        const QString part = parts.at(index);
        QString stem = part;
        if (isFile) {
            stem.truncate(part.lastIndexOf(u'.'));
        }
        const QStringList words = nameWords(stem);
        qsizetype best = 0;
        QVector<const Exercise *> named;
        for (const Exercise &exercise : exercises) {
            const qsizetype strength = nameStrength(exercise, words);
            if (strength > best) {
                best = strength;
                named.clear();
            }
            if (strength > 0 && strength == best) {
                named.append(&exercise);
            }
        }
        if (named.isEmpty()) {
            continue;
        }
        const QString said = isFile ? QStringLiteral("its name %1").arg(part)
                                    : QStringLiteral("its folder %1").arg(part);
        result.by = isFile ? ExerciseMatch::FileName : ExerciseMatch::FolderName;
        QVector<ContentFit> namedFits;
        QStringList namedIds;
        for (const Exercise *exercise : std::as_const(named)) {
            namedIds.append(exercise->id);
            if (const ContentFit *fit = fitOf(exercise)) {
                namedFits.append(*fit);
            }
        }
        if (namedFits.isEmpty()) {
            result.by = ExerciseMatch::None;
            result.reason =
                QStringLiteral("%1 names %2, which %3 no %4 version")
                    .arg(said, listed(namedIds, QStringLiteral(" and ")),
                         named.size() == 1 ? QStringLiteral("has") : QStringLiteral("have"),
                         languageDisplayName(*language));
            return result;
        }
        if (namedFits.size() == 1) {
            const ContentFit &fit = namedFits.constFirst();
            result.exercise = fit.exercise->id;
            result.contentAgrees = fit.qualifies();
            result.reason = QStringLiteral("%1 names %2").arg(said, result.exercise);
            // A name that says one thing over code that says another is worth a second look.
            const ContentVerdict byContent = decideByContent(fits);
            if (!result.contentAgrees && byContent.winner && byContent.winner->complete()) {
                result.reason +=
                    QStringLiteral(", though it defines what %1 asks for (%2)")
                        .arg(byContent.winner->exercise->id, byContent.winner->described());
            }
            return result;
        }
        const ContentVerdict byContent = decideByContent(namedFits);
        const QString both = QStringLiteral("%1 names %2").arg(said, listed(namedIds));
        if (byContent.winner) {
            result.exercise = byContent.winner->exercise->id;
            result.contentAgrees = true;
            result.reason =
                both + QStringLiteral(", and it defines ") + byContent.winner->described();
            return result;
        }
        result.by = ExerciseMatch::None;
        result.reason =
            both + QStringLiteral(", and what it defines does not tell which; assign it by hand");
        return result;
    }

    // By content.
    const ContentVerdict byContent = decideByContent(fits);
    if (byContent.winner) {
        result.exercise = byContent.winner->exercise->id;
        result.by = ExerciseMatch::Content;
        result.contentAgrees = true;
        result.reason = QStringLiteral("it defines ") + byContent.winner->described();
        return result;
    }
    if (!byContent.tied.isEmpty()) {
        result.reason = tieText(byContent.tied);
        return result;
    }
    QStringList some;
    for (const ContentFit &fit : std::as_const(fits)) {
        for (const QString &name : fit.found) {
            if (!some.contains(name)) {
                some.append(name);
            }
        }
    }
    const QString nameless = QStringLiteral("its name %1 names no exercise")
                                 .arg(fileName.isEmpty() ? namedAs : fileName);
    if (some.isEmpty()) {
        result.reason = nameless + QStringLiteral(", and it defines none of the types and "
                                                  "functions an exercise asks for");
    } else {
        result.reason = nameless +
                        QStringLiteral(", and of the types and functions an exercise asks for "
                                       "it defines only ") +
                        listed(some);
    }
    return result;
}

QStringList ExerciseMatcher::nameWords(const QString &name)
{
    QStringList words;
    QString word;
    const auto flush = [&] {
        if (!word.isEmpty()) {
            words.append(word.toCaseFolded());
            word.clear();
        }
    };
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (!c.isLetterOrNumber()) {
            flush();
            continue;
        }
        if (!word.isEmpty()) {
            const QChar previous = name.at(i - 1);
            const QChar next = i + 1 < name.size() ? name.at(i + 1) : QChar();
            const bool digitEdge = previous.isDigit() != c.isDigit();
            const bool lowerToUpper = previous.isLower() && c.isUpper();
            // "HTTPServer": the last capital of a run starts the next word.
            const bool acronymEnd = previous.isUpper() && c.isUpper() && next.isLower();
            if (digitEdge || lowerToUpper || acronymEnd) {
                flush();
            }
        }
        word.append(c);
    }
    flush();
    return words;
}

} // namespace RaceGrade
