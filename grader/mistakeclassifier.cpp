#include "mistakeclassifier.h"

#include <QRegularExpression>

namespace RaceGrade {

namespace {

struct Mistake
{
    QString id;
    QString hint;
};

QString lineText(const QStringList &lines, int line)
{
    return line >= 1 && line <= lines.size() ? lines.at(line - 1).trimmed() : QString();
}

bool anyFrame(const RaceFinding &finding, const QRegularExpression &pattern)
{
    for (const RaceAccessSite &access : finding.accesses) {
        if (pattern.match(access.function).hasMatch()) {
            return true;
        }
        for (const StackFrame &frame : access.stack) {
            if (pattern.match(frame.function).hasMatch()) {
                return true;
            }
        }
    }
    return false;
}

std::optional<Mistake> classify(const RaceFinding &finding, const QStringList &lines,
                                Language language)
{
    const bool go = language == Language::Go;
    QStringList texts;
    for (const RaceAccessSite &access : finding.accesses) {
        texts.append(access.inSubmission ? lineText(lines, access.line) : QString());
    }
    const QString joined = texts.join(u'\n');

    static const QRegularExpression waitGroup(QStringLiteral(R"(WaitGroup|\.Add\(|\.Wait\()"));
    if (go && (anyFrame(finding, QRegularExpression(QStringLiteral(R"(sync\.\(\*WaitGroup\))"))) ||
               (joined.contains(u".Add(") && joined.contains(u".Wait(")))) {
        return Mistake{QStringLiteral("add-inside-goroutine"),
                       QStringLiteral("Call wg.Add(1) before the go statement, not inside the "
                                      "goroutine: otherwise Wait can run while the counter is "
                                      "still 0 and return before the work is done.")};
    }

    static const QRegularExpression flag(
        QStringLiteral(
            R"(\b(initiali[sz]ed|inited|loaded|ready|done|once)\b\s*(=[^=]|\)|$|\s*\{))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression flagTest(
        QStringLiteral(
            R"(if\s*\(?\s*!\s*[\w.>-]*(initiali[sz]ed|inited|loaded|ready|done)|)"
            R"(if\s*\(?\s*[\w.>-]*(settings|config|instance)\w*\s*==\s*(nil|nullptr|NULL))"),
        QRegularExpression::CaseInsensitiveOption);
    if (flagTest.match(joined).hasMatch() || flag.match(joined).hasMatch()) {
        return Mistake{QStringLiteral("init-flag"),
                       go ? QStringLiteral("Checking a flag and then setting it are two steps "
                                           "that other callers can slip between, and they may "
                                           "see the flag before the settings. Let a sync.Once "
                                           "run the initialisation: once.Do(func() { ... }).")
                          : QStringLiteral("Checking a flag and then setting it are two steps "
                                           "that other threads can slip between, and they may "
                                           "see the flag before the settings. Use "
                                           "std::call_once with a std::once_flag (or a "
                                           "function-local static).")};
    }

    static const QRegularExpression append(
        QStringLiteral(R"(append\(|push_back\(|emplace_back\()"));
    if (append.match(joined).hasMatch()) {
        return Mistake{QStringLiteral("unlocked-append"),
                       go ? QStringLiteral("append changes the shared slice (its length and "
                                           "maybe its array). Hold the mutex around every "
                                           "append, or let each goroutine write only its own "
                                           "index of a slice made beforehand.")
                          : QStringLiteral("push_back changes the shared vector (its size and "
                                           "maybe its storage). Hold the mutex around every "
                                           "push_back, or let each thread write only its own "
                                           "element of a vector sized beforehand.")};
    }

    static const QRegularExpression valueFunction(QStringLiteral(R"((\.|::)Value\b)"));
    bool readInValue = false;
    bool writeElsewhere = false;
    for (const RaceAccessSite &access : finding.accesses) {
        const bool inValue = valueFunction.match(access.function).hasMatch();
        readInValue = readInValue || (inValue && access.op.contains(u"read"));
        writeElsewhere = writeElsewhere || (!inValue && access.op.contains(u"write"));
    }
    if (readInValue && writeElsewhere) {
        return Mistake{QStringLiteral("unlocked-read"),
                       QStringLiteral("Value reads the count without the lock while other "
                                      "workers are still changing it. Readers need the mutex "
                                      "as much as writers do: lock it in Value too.")};
    }

    static const QRegularExpression update(QStringLiteral(R"(\+\+|--|[+\-*/]=)"));
    if (update.match(joined).hasMatch()) {
        return Mistake{QStringLiteral("missing-lock"),
                       go ? QStringLiteral("Several goroutines change this value at the same "
                                           "time with no lock. Lock a sync.Mutex around every "
                                           "access (Lock, then defer Unlock), or use sync/atomic "
                                           "for a plain counter.")
                          : QStringLiteral("Several threads change this value at the same time "
                                           "with no lock. Guard every access with a std::mutex "
                                           "(std::lock_guard), or make it a std::atomic.")};
    }
    return std::nullopt;
}

QString describeDataRace(const RaceFinding &finding, const QStringList &lines, Language language)
{
    const QString worker =
        language == Language::Go ? QStringLiteral("goroutine") : QStringLiteral("thread");
    const RaceAccessSite &first = finding.accesses.at(0);
    const RaceAccessSite &second = finding.accesses.at(1);
    QString variable;
    static const QRegularExpression quotedName(QStringLiteral(R"('(?<name>[^']+)')"));
    const QRegularExpressionMatch located = quotedName.match(finding.location);
    if (located.hasMatch()) {
        variable = located.captured(u"name");
    }
    for (const RaceAccessSite *access : {&first, &second}) {
        if (variable.isEmpty() && access->op.contains(u"write") && access->inSubmission) {
            variable = MistakeClassifier::accessedVariable(lineText(lines, access->line));
        }
    }
    const QString what =
        variable.isEmpty() ? QStringLiteral("the same memory") : u'`' + variable + u'`';
    const auto verb = [](const QString &op) {
        return op.contains(u"write") ? QStringLiteral("writes") : QStringLiteral("reads");
    };
    const auto place = [&](const RaceAccessSite &access) {
        return access.inSubmission ? QStringLiteral("line %1").arg(access.line)
                                   : QStringLiteral("%1:%2").arg(access.file).arg(access.line);
    };
    if (first.file == second.file && first.line == second.line) {
        return QStringLiteral("%1 %2 %3 in one %4 while another %4 %5 it on the same line, with "
                              "no lock held by both")
            .arg(place(first), verb(first.op), what, worker,
                 verb(second.op).replace(QStringLiteral("writes"), QStringLiteral("also writes")));
    }
    return QStringLiteral("%1 %2 %3 while %4 %5 it in another %6, with no lock held by both")
        .arg(place(first), verb(first.op), what, place(second), verb(second.op), worker);
}

QString describeOther(const RaceFinding &finding)
{
    QStringList places;
    for (const RaceAccessSite &access : finding.accesses) {
        if (access.line > 0) {
            places.append(QStringLiteral("%1:%2").arg(access.file).arg(access.line));
        }
    }
    const QString where = places.join(QStringLiteral(", "));
    if (finding.kind == u"lock-order-inversion") {
        return QStringLiteral("locks are taken in different orders in different places (%1); two "
                              "threads doing so at once wait for each other forever")
            .arg(where);
    }
    if (finding.kind == u"thread-leak") {
        return QStringLiteral("a thread started at %1 was never joined").arg(where);
    }
    if (finding.kind == u"unlock-of-unlocked-mutex") {
        return QStringLiteral("a mutex is unlocked at %1 although it is not locked (or by "
                              "another thread)")
            .arg(where);
    }
    if (finding.kind == u"double-lock") {
        return QStringLiteral("a mutex is locked again at %1 by the thread that already holds "
                              "it")
            .arg(where);
    }
    if (finding.kind == u"heap-use-after-free") {
        return QStringLiteral("memory is used at %1 after it was freed").arg(where);
    }
    return QStringLiteral("the sanitizer reported %1 at %2").arg(finding.kind, where);
}

} // namespace

std::optional<std::pair<QString, QString>>
MistakeClassifier::classifyProblem(const Problem &problem)
{
    if (problem.message.contains(u"WaitGroup is reused")) {
        return std::pair{QStringLiteral("add-inside-goroutine"),
                         QStringLiteral("Call wg.Add(1) before the go statement, not inside the "
                                        "goroutine: otherwise Wait can run while the counter is "
                                        "still 0 and return before the work is done.")};
    }
    if (problem.message.contains(u"negative WaitGroup counter")) {
        return std::pair{QStringLiteral("done-too-often"),
                         QStringLiteral("Done ran more often than Add: call wg.Add(1) once per "
                                        "goroutine you start, and wg.Done() exactly once in it "
                                        "(defer wg.Done() at its top).")};
    }
    if (problem.kind == u"deadlock") {
        return std::pair{QStringLiteral("deadlock"),
                         QStringLiteral("Every goroutine ended up waiting. A wg.Done() that an "
                                        "early return skips, or a Lock without its Unlock, does "
                                        "that: use defer wg.Done() and defer mu.Unlock() right "
                                        "after you start the goroutine or take the lock.")};
    }
    if (problem.kind == u"concurrent-map-access") {
        return std::pair{QStringLiteral("unlocked-map"),
                         QStringLiteral("Maps are not safe for concurrent use: hold a mutex "
                                        "around every read and write of the map.")};
    }
    return std::nullopt;
}

void MistakeClassifier::shareHint(QVector<CheckResult> &checks, const QVector<RaceFinding> &races,
                                  const QVector<Problem> &problems)
{
    QString hint;
    for (const RaceFinding &race : races) {
        if (!race.hint.isEmpty()) {
            hint = race.hint;
            break;
        }
    }
    for (const Problem &problem : problems) {
        if (!hint.isEmpty()) {
            break;
        }
        if (const auto mistake = classifyProblem(problem)) {
            hint = mistake->second;
        }
    }
    if (hint.isEmpty()) {
        return;
    }
    for (CheckResult &check : checks) {
        if (check.status == CheckStatus::Failed && check.hint.isEmpty()) {
            check.hint = hint;
        }
    }
}

QString MistakeClassifier::accessedVariable(const QString &line)
{
    static const QRegularExpression assigned(QStringLiteral(
        R"((?<name>[A-Za-z_][\w]*(?:(?:\.|->)[A-Za-z_]\w*)*)\s*(?:\[[^\]]*\])?\s*(?:\+\+|--|[+\-*/|&]?=(?!=)))"));
    static const QRegularExpression incremented(
        QStringLiteral(R"((?:\+\+|--)\s*(?<name>[A-Za-z_]\w*(?:(?:\.|->)[A-Za-z_]\w*)*))"));
    QRegularExpressionMatch match = assigned.match(line);
    if (!match.hasMatch()) {
        match = incremented.match(line);
    }
    if (!match.hasMatch()) {
        return {};
    }
    const QString name = match.captured(u"name");
    // "x := ..." declares a new variable; it is not what races.
    const int after = match.capturedEnd(u"name");
    if (line.mid(after).trimmed().startsWith(u":=")) {
        return {};
    }
    return name;
}

void MistakeClassifier::annotate(QVector<RaceFinding> &findings, const QStringList &sourceLines,
                                 Language language)
{
    for (RaceFinding &finding : findings) {
        if (finding.kind == u"data-race" && finding.accesses.size() >= 2) {
            finding.explanation = describeDataRace(finding, sourceLines, language);
            if (const std::optional<Mistake> mistake = classify(finding, sourceLines, language)) {
                finding.mistake = mistake->id;
                finding.hint = mistake->hint;
            }
        } else {
            finding.explanation = describeOther(finding);
        }
    }
}

} // namespace RaceGrade
