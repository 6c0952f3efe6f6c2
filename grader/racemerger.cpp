#include "racemerger.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace RaceGrade {

namespace {

QString threadStateId(ThreadState state)
{
    switch (state) {
    case ThreadState::Running:
        return QStringLiteral("running");
    case ThreadState::Finished:
        return QStringLiteral("finished");
    case ThreadState::Unknown:
        break;
    }
    return {};
}

RaceAccessSite siteFor(const QString &op, const QString &thread, const QStringList &mutexes,
                       const Stack &stack, const SourceMapper &mapper)
{
    RaceAccessSite site;
    site.op = op;
    site.thread = thread;
    site.mutexesHeld = mutexes;
    site.stack = mapper.mapped(stack);
    if (const std::optional<StackFrame> frame = mapper.representativeFrame(stack)) {
        site.inSubmission = mapper.isSubmission(frame->file) || frame->file == mapper.displayName();
        site.file = mapper.displayPath(frame->file);
        site.line = frame->line;
        site.column = frame->column;
        site.function = mapper.mapped(*frame).function; // "main.X" also for harness frames
    }
    return site;
}

QVector<RaceAccessSite> sitesOf(const RaceReport &report, const SourceMapper &mapper)
{
    QVector<RaceAccessSite> sites;
    for (const MemoryAccess &access : report.accesses) {
        RaceAccessSite site = siteFor(RaceMerger::opName(access.op), access.thread,
                                      access.mutexesHeld, access.stack, mapper);
        site.size = access.size;
        // The state is printed with the thread's creation ("Goroutine 7 (finished) created at").
        site.threadState = threadStateId(access.threadState);
        for (const ThreadCreation &creation : report.creations) {
            if (site.threadState.isEmpty() && creation.thread == access.thread) {
                site.threadState = threadStateId(creation.state);
            }
        }
        sites.append(site);
    }
    if (!sites.isEmpty()) {
        return sites;
    }
    if (report.kind == ReportKind::DestroyOfLockedMutex) {
        // The report's own stack destroys the mutex; the one after "and:" locked it.
        if (!report.stack.isEmpty()) {
            sites.append(siteFor(QStringLiteral("destroy"), QString(), {}, report.stack, mapper));
        }
        for (const Stack &stack : report.extraStacks) {
            sites.append(siteFor(QStringLiteral("lock"), QString(), {}, stack, mapper));
        }
        return sites;
    }
    QString op;
    switch (report.kind) {
    case ReportKind::UnlockOfUnlockedMutex:
        op = QStringLiteral("unlock");
        break;
    case ReportKind::DoubleLock:
    case ReportKind::LockOrderInversion:
        op = QStringLiteral("lock");
        break;
    case ReportKind::DestroyOfLockedMutex:
        op = QStringLiteral("destroy");
        break;
    case ReportKind::ThreadLeak:
        op = QStringLiteral("start thread");
        break;
    default:
        op = QStringLiteral("call");
        break;
    }
    for (const Stack &stack : report.extraStacks) {
        sites.append(siteFor(op, QString(), {}, stack, mapper));
    }
    if (!report.stack.isEmpty()) {
        sites.append(siteFor(op, QString(), {}, report.stack, mapper));
    }
    if (sites.isEmpty() && report.kind == ReportKind::ThreadLeak) {
        for (const ThreadCreation &creation : report.creations) {
            sites.append(siteFor(op, creation.thread, {}, creation.stack, mapper));
        }
    }
    return sites;
}

QString keyOf(const QString &kind, const QVector<RaceAccessSite> &sites)
{
    QStringList places;
    for (const RaceAccessSite &site : sites) {
        places.append(site.file + u':' + QString::number(site.line));
    }
    // The detector reports either access first, depending on which run hit which side.
    std::sort(places.begin(), places.end());
    return kind + u'|' + places.join(u'|');
}

// Finds the text of the report in a run's stderr that mentions the given frames, so that a
// student can read the detector's own words.
QString rawReportText(const QString &standardError, const RaceReport &report)
{
    const QString separator = QStringLiteral("==================");
    const QStringList blocks = standardError.split(separator);
    QStringList needles;
    for (const MemoryAccess &access : report.accesses) {
        if (!access.stack.isEmpty() && access.stack.first().line > 0) {
            needles.append(access.stack.first().file + u':' +
                           QString::number(access.stack.first().line));
        }
    }
    for (const QString &block : blocks) {
        if (!block.contains(u"WARNING:")) {
            continue;
        }
        const bool matches = std::all_of(needles.cbegin(), needles.cend(),
                                         [&](const QString &n) { return block.contains(n); });
        if (matches) {
            return separator + block + separator;
        }
    }
    return {};
}

} // namespace

QString RaceMerger::kindId(ReportKind kind)
{
    switch (kind) {
    case ReportKind::DataRace:
        return QStringLiteral("data-race");
    case ReportKind::LockOrderInversion:
        return QStringLiteral("lock-order-inversion");
    case ReportKind::ThreadLeak:
        return QStringLiteral("thread-leak");
    case ReportKind::HeapUseAfterFree:
        return QStringLiteral("heap-use-after-free");
    case ReportKind::UnlockOfUnlockedMutex:
        return QStringLiteral("unlock-of-unlocked-mutex");
    case ReportKind::DoubleLock:
        return QStringLiteral("double-lock");
    case ReportKind::DestroyOfLockedMutex:
        return QStringLiteral("destroy-of-locked-mutex");
    case ReportKind::SignalUnsafeCall:
        return QStringLiteral("signal-unsafe-call");
    case ReportKind::OtherSanitizerReport:
        return QStringLiteral("sanitizer-report");
    }
    return {};
}

QString RaceMerger::opName(AccessOp op)
{
    switch (op) {
    case AccessOp::Read:
        return QStringLiteral("read");
    case AccessOp::Write:
        return QStringLiteral("write");
    case AccessOp::AtomicRead:
        return QStringLiteral("atomic read");
    case AccessOp::AtomicWrite:
        return QStringLiteral("atomic write");
    case AccessOp::Unknown:
        break;
    }
    return QStringLiteral("access");
}

QVector<RaceFinding> RaceMerger::merge(const QVector<RunRecord> &runs, const SourceMapper &mapper)
{
    QVector<RaceFinding> findings;
    QHash<QString, int> indexByKey;
    QVector<QSet<int>> runsByFinding;
    int instrumentedRuns = 0;

    for (int runNumber = 0; runNumber < runs.size(); ++runNumber) {
        const RunRecord &run = runs.at(runNumber);
        if (!run.instrumented() || run.result.outcome == RunOutcome::Cancelled) {
            continue;
        }
        ++instrumentedRuns;
        for (const RaceReport &report : run.parsed.races) {
            const QString kind = kindId(report.kind);
            const QVector<RaceAccessSite> sites = sitesOf(report, mapper);
            const QString key = keyOf(kind, sites);
            auto found = indexByKey.constFind(key);
            if (found == indexByKey.constEnd()) {
                RaceFinding finding;
                finding.kind = kind;
                finding.accesses = sites;
                for (const LocationNote &location : report.locations) {
                    finding.locations.append(location.description);
                }
                finding.location = finding.locations.value(0);
                for (const MutexNote &mutex : report.mutexes) {
                    finding.mutexes.append(RaceMutex{mutex.name, mapper.mapped(mutex.createdAt)});
                }
                for (const ThreadCreation &creation : report.creations) {
                    finding.creationStacks.append(mapper.mapped(creation.stack));
                }
                finding.rawReport = rawReportText(run.standardError, report);
                found = indexByKey.insert(key, int(findings.size()));
                findings.append(finding);
                runsByFinding.append(QSet<int>());
            }
            runsByFinding[*found].insert(runNumber);
        }
    }
    for (int i = 0; i < findings.size(); ++i) {
        findings[i].occurrences = int(runsByFinding.at(i).size());
        findings[i].runs = instrumentedRuns;
    }
    // Most frequent first: the race a student should look at first.
    std::stable_sort(
        findings.begin(), findings.end(),
        [](const RaceFinding &a, const RaceFinding &b) { return a.occurrences > b.occurrences; });
    return findings;
}

} // namespace RaceGrade
