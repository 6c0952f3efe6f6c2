#include "reportparser.h"

#include "stackframeparser.h"

#include <QRegularExpression>
#include <optional>
#include <utility>

namespace RaceGrade {

namespace {

/// Where the line state machine is; each state says where the next frame line belongs.
enum class State
{
    Outside,          ///< between reports: only the start of a report or failure matters
    ReportHeader,     ///< after a WARNING line: unlabelled frames are the report's own stack
    AccessStack,      ///< after "Read at ... by goroutine 7:" or "Write of size 4 ...:"
    CreationStack,    ///< after "Goroutine 6 (running) created at:" or "Thread T1 (...) ... at:"
    LocationStack,    ///< after "Location is heap block ... allocated by main thread:"
    MutexStack,       ///< after "Mutex M0 (0x...) created at:"
    ExtraStack,       ///< after a lock-order edge ("Mutex M1 acquired here ...") or "and:"
    IgnoredStack,     ///< a section the grade does not use, such as "As if synchronized via sleep"
    FailureHeader,    ///< after "panic:" or "fatal error:", waiting for the first goroutine block
    FailureStack,     ///< inside that goroutine block
    SanitizerFailure, ///< after a fatal ThreadSanitizer line, collecting its "#N" frames
};

const QLatin1String GoRaceWarning("WARNING: DATA RACE");
const QLatin1String SanitizerWarning("WARNING: ThreadSanitizer: ");
const QLatin1String WarningPrefix("WARNING: ");
const QLatin1String SanitizerPrefix("ThreadSanitizer: ");
const QLatin1String PanicPrefix("panic: ");
const QLatin1String FatalErrorPrefix("fatal error: ");
const QLatin1String RecoveredSuffix(" [recovered]");
const QLatin1String SummaryPrefix("SUMMARY: ");
const QLatin1String LocationPrefix("Location is ");

/// Headlines of ThreadSanitizer reports, after "ThreadSanitizer: ", matched by prefix.
struct KindName
{
    QLatin1String prefix;
    ReportKind kind;
};

const KindName SanitizerKinds[] = {
    {QLatin1String("data race"), ReportKind::DataRace},
    {QLatin1String("lock-order-inversion"), ReportKind::LockOrderInversion},
    {QLatin1String("thread leak"), ReportKind::ThreadLeak},
    {QLatin1String("heap-use-after-free"), ReportKind::HeapUseAfterFree},
    {QLatin1String("unlock of an unlocked mutex"), ReportKind::UnlockOfUnlockedMutex},
    {QLatin1String("double lock of a mutex"), ReportKind::DoubleLock},
    {QLatin1String("destroy of a locked mutex"), ReportKind::DestroyOfLockedMutex},
    {QLatin1String("signal-unsafe call inside of a signal"), ReportKind::SignalUnsafeCall},
};

const QLatin1String HexNumber("0x[0-9a-fA-F]+");

QRegularExpression anchored(const QString &pattern)
{
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'));
}

// Both tools: "Previous atomic write of size 8 at 0x7b04... by thread T1 (mutexes: write M0):",
// Go: "Read at 0x00c0000180b8 by main goroutine:", old Go: "Previous write by goroutine 4:".
QRegularExpression makeAccessRegex()
{
    const QString previous = QStringLiteral("(?<previous>Previous )?");
    const QString op = QStringLiteral("(?<op>(?:[Aa]tomic )?(?:[Rr]ead|[Ww]rite))");
    const QString size = QStringLiteral("(?: of size (?<size>\\d+))?");
    const QString address =
        QStringLiteral("(?: at (?<address>") + HexNumber + QStringLiteral("))?");
    const QString thread = QStringLiteral(" by (?<thread>.+?)");
    const QString mutexes = QStringLiteral("(?: \\(mutexes: (?<mutexes>[^)]*)\\))?");
    return anchored(previous + op + size + address + thread + mutexes + QLatin1Char(':'));
}

// Go: "Goroutine 6 (running) created at:".
QRegularExpression makeGoroutineCreationRegex()
{
    const QString goroutine = QStringLiteral("Goroutine (?<id>\\d+)");
    const QString state = QStringLiteral("(?: \\((?<state>\\w+)\\))?");
    return anchored(goroutine + state + QStringLiteral(" created at:"));
}

// ThreadSanitizer: "Thread T1 'worker' (tid=808, finished) created by main thread at:".
QRegularExpression makeThreadCreationRegex()
{
    const QString thread = QStringLiteral("Thread (?<thread>T\\d+)");
    const QString name = QStringLiteral("(?: '[^']*')?");
    const QString state = QStringLiteral(" \\((?:tid=\\d+, )?(?<state>\\w+)\\)");
    const QString creator = QStringLiteral(" created(?: by (?<creator>.+?))? at:");
    return anchored(thread + name + state + creator);
}

// "Mutex M0 (0x7b0c00000000) created at:"; "Mutex M3 is already destroyed."
QRegularExpression makeMutexNoteRegex()
{
    const QString name = QStringLiteral("Mutex (?<name>M\\d+)");
    const QString address =
        QStringLiteral("(?: \\((?<address>") + HexNumber + QStringLiteral(")\\))?");
    const QString what = QStringLiteral(" (?<what>created at:|is already destroyed\\.?)");
    return anchored(name + address + what);
}

// One node of "Cycle in lock order graph: M0 (0x...) => M1 (0x...) => M0".
QRegularExpression makeCycleNodeRegex()
{
    return QRegularExpression(QStringLiteral("(?<name>M\\d+) \\((?<address>") + HexNumber +
                              QStringLiteral(")\\)"));
}

// "goroutine 7 [running]:"; newer runtimes put more between the number and the bracket.
QRegularExpression makeGoroutineHeaderRegex()
{
    return anchored(QStringLiteral("goroutine \\d+ [^\\[]*\\[(?<state>[^\\]]*)\\]:"));
}

// "Found 2 data race(s)" (Go) and "ThreadSanitizer: reported 2 warnings".
QRegularExpression makeCountRegex()
{
    const QString go = QStringLiteral("Found (?<go>\\d+) data race\\(s\\)");
    const QString sanitizer = QStringLiteral("ThreadSanitizer: reported (?<tsan>\\d+) warnings?");
    return anchored(QStringLiteral("(?:") + go + QLatin1Char('|') + sanitizer + QLatin1Char(')'));
}

bool isSeparator(QStringView text)
{
    if (text.size() < 10) {
        return false;
    }
    for (const QChar c : text) {
        if (c != u'=') {
            return false;
        }
    }
    return true;
}

// Sanitizer runtimes prefix some lines with the pid: "==1234==ERROR: ThreadSanitizer: SEGV ...".
QStringView withoutPidPrefix(QStringView text)
{
    if (!text.startsWith(QLatin1String("=="))) {
        return text;
    }
    qsizetype end = 2;
    while (end < text.size() && text.at(end).isDigit()) {
        ++end;
    }
    if (end == 2 || !text.mid(end).startsWith(QLatin1String("=="))) {
        return text;
    }
    return text.mid(end + 2);
}

// Sanitizers colour their output when stderr is a terminal; a copied log may keep the escapes.
QString withoutColour(QStringView text)
{
    static const QRegularExpression escape(QStringLiteral("\\x1b\\[[0-9;]*[A-Za-z]"));
    QString result = text.toString();
    result.remove(escape);
    return result;
}

ReportKind reportKind(QStringView headline)
{
    if (!headline.startsWith(SanitizerPrefix)) {
        return ReportKind::DataRace; // Go's "DATA RACE"
    }
    const QStringView what = headline.mid(SanitizerPrefix.size());
    for (const KindName &entry : SanitizerKinds) {
        if (what.startsWith(entry.prefix)) {
            return entry.kind;
        }
    }
    return ReportKind::OtherSanitizerReport;
}

FailureKind goFailureKind(bool isPanic, const QString &message)
{
    if (message.startsWith(QLatin1String("all goroutines are asleep"))) {
        return FailureKind::Deadlock;
    }
    if (message == QLatin1String("concurrent map writes")) {
        return FailureKind::ConcurrentMapWrites;
    }
    if (message == QLatin1String("concurrent map read and map write")) {
        return FailureKind::ConcurrentMapReadWrite;
    }
    // Whether the line said "panic:" or "fatal error:" does not matter below: unlocking an
    // unlocked mutex was a panic before Go 1.8 and is a fatal error since.
    if (message == QLatin1String("sync: negative WaitGroup counter")) {
        return FailureKind::NegativeWaitGroup;
    }
    if (message.startsWith(QLatin1String("sync: WaitGroup is reused"))) {
        return FailureKind::WaitGroupReused;
    }
    if (message.startsWith(QLatin1String("sync: ")) &&
        message.contains(QLatin1String("nlock of unlocked"))) {
        return FailureKind::UnlockOfUnlockedMutex;
    }
    return isPanic ? FailureKind::Panic : FailureKind::FatalError;
}

AccessOp accessOp(const QString &text)
{
    const QString op = text.toLower();
    if (op == QLatin1String("read")) {
        return AccessOp::Read;
    }
    if (op == QLatin1String("write")) {
        return AccessOp::Write;
    }
    if (op == QLatin1String("atomic read")) {
        return AccessOp::AtomicRead;
    }
    if (op == QLatin1String("atomic write")) {
        return AccessOp::AtomicWrite;
    }
    return AccessOp::Unknown;
}

ThreadState threadState(const QString &text)
{
    if (text == QLatin1String("running")) {
        return ThreadState::Running;
    }
    if (text == QLatin1String("finished")) {
        return ThreadState::Finished;
    }
    return ThreadState::Unknown;
}

// "thread T1" becomes "T1", as the creation notes name it; "main thread" and Go names stay.
QString threadName(const QString &text)
{
    const QLatin1String prefix("thread ");
    return text.startsWith(prefix) ? text.mid(prefix.size()) : text;
}

// "write M0, read M1" -> {"M0", "M1"}
QStringList heldMutexes(const QString &text)
{
    QStringList names;
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        const QString name = item.trimmed().section(QLatin1Char(' '), -1);
        if (!name.isEmpty()) {
            names.append(name);
        }
    }
    return names;
}

/// Feeds lines one at a time and collects what ReportParser::parse returns.
class ReportStateMachine
{
public:
    void feed(QStringView line);
    ParsedOutput finish();

private:
    bool inReport() const
    {
        return m_state >= State::ReportHeader && m_state <= State::IgnoredStack;
    }
    bool takeBoundary(QStringView line, QStringView trimmed);
    void feedReport(QStringView line, QStringView trimmed);
    void feedGoFailure(QStringView line, QStringView trimmed);
    void feedSanitizerFailure(QStringView trimmed);
    bool takeSection(QStringView text);
    bool takeAccess(QStringView text);
    bool takeCreation(QStringView text);
    bool takeMutex(QStringView text);
    void takeCycle(QStringView text);
    void takeSanitizerFrame(const StackFrame &frame, QStringView text);
    void takeGoFrameLine(QStringView line, QStringView trimmed);
    qsizetype mutexIndex(const QString &name, const QString &address);
    Stack *currentStack();
    void startGoFailure(QStringView line);
    void flush();

    State m_state = State::Outside;
    RaceReport m_report;
    RuntimeFailure m_failure;
    qsizetype m_mutexIndex = -1;
    std::optional<QString> m_goFunction; ///< a Go function line still waiting for its source line
    ParsedOutput m_output;
};

void ReportStateMachine::feed(QStringView line)
{
    QString uncoloured;
    if (line.endsWith(u'\r')) {
        line.chop(1);
    }
    if (line.contains(u'\x1b')) {
        uncoloured = withoutColour(line);
        line = uncoloured;
    }
    const QStringView trimmed = line.trimmed();
    if (takeBoundary(line, trimmed)) {
        return;
    }
    if (inReport()) {
        feedReport(line, trimmed);
    } else if (m_state == State::FailureHeader || m_state == State::FailureStack) {
        feedGoFailure(line, trimmed);
    } else if (m_state == State::SanitizerFailure) {
        feedSanitizerFailure(trimmed);
    }
}

ParsedOutput ReportStateMachine::finish()
{
    flush();
    return std::move(m_output);
}

// Lines that end what is open and may start something new, whatever the state.
bool ReportStateMachine::takeBoundary(QStringView line, QStringView trimmed)
{
    if (isSeparator(trimmed)) {
        flush();
        return true;
    }
    if (line.startsWith(GoRaceWarning) || line.startsWith(SanitizerWarning)) {
        flush();
        const QString headline = line.mid(WarningPrefix.size()).trimmed().toString();
        m_report = RaceReport{};
        m_report.kind = reportKind(headline);
        m_report.headline = headline;
        m_state = State::ReportHeader;
        return true;
    }
    // Nested panics repeat as indented "\tpanic: ..." lines; only the unindented one counts.
    if (line.startsWith(PanicPrefix) || line.startsWith(FatalErrorPrefix)) {
        flush();
        startGoFailure(line);
        return true;
    }
    const QStringView unprefixed = withoutPidPrefix(trimmed);
    if (unprefixed.startsWith(QLatin1String("FATAL: ThreadSanitizer")) ||
        unprefixed.startsWith(QLatin1String("ERROR: ThreadSanitizer")) ||
        unprefixed.startsWith(QLatin1String("ThreadSanitizer: CHECK failed"))) {
        flush();
        const bool mapping = unprefixed.contains(QLatin1String("unexpected memory mapping"));
        m_failure = RuntimeFailure{};
        m_failure.kind =
            mapping ? FailureKind::SanitizerMappingFailure : FailureKind::SanitizerFatal;
        m_failure.message = unprefixed.toString();
        // "SEGV on unknown address 0x0 (pc 0x55… bp 0x… sp 0x… T2)": the registers differ in
        // every run and say nothing to a student; the stack that follows says where.
        const qsizetype registers = m_failure.message.indexOf(QLatin1String(" (pc 0x"));
        if (registers > 0) {
            m_failure.message.truncate(registers);
        }
        m_state = State::SanitizerFailure;
        return true;
    }
    if (trimmed.startsWith(QLatin1String("Found ")) ||
        trimmed.startsWith(QLatin1String("ThreadSanitizer: reported "))) {
        static const QRegularExpression countRegex = makeCountRegex();
        const QRegularExpressionMatch match = countRegex.match(trimmed.toString());
        if (match.hasMatch()) {
            // Counts come after the last report, so one still open lost its closing line.
            flush();
            const QString go = match.captured(QStringLiteral("go"));
            const int count = (go.isEmpty() ? match.captured(QStringLiteral("tsan")) : go).toInt();
            // Several test binaries of one "go test ./..." each print their own count.
            m_output.reportedCount = qMax(m_output.reportedCount, 0) + count;
            return true;
        }
    }
    return false;
}

void ReportStateMachine::feedReport(QStringView line, QStringView trimmed)
{
    if (trimmed.isEmpty()) {
        return;
    }
    if (const std::optional<StackFrame> frame = StackFrameParser::parseSanitizerFrame(trimmed)) {
        takeSanitizerFrame(*frame, trimmed);
        return;
    }
    if (takeSection(trimmed)) {
        m_goFunction.reset();
        return;
    }
    if (trimmed.startsWith(SummaryPrefix)) {
        m_report.summary = trimmed.mid(SummaryPrefix.size()).toString();
        m_state = State::IgnoredStack;
        return;
    }
    takeGoFrameLine(line, trimmed);
}

void ReportStateMachine::feedGoFailure(QStringView line, QStringView trimmed)
{
    if (m_state == State::FailureHeader) {
        // "runtime stack:" and "[signal SIGSEGV ...]" come before the goroutine block; skip them.
        static const QRegularExpression headerRegex = makeGoroutineHeaderRegex();
        if (trimmed.startsWith(QLatin1String("goroutine ")) &&
            headerRegex.match(trimmed.toString()).hasMatch()) {
            m_state = State::FailureStack;
        }
        return;
    }
    if (trimmed.isEmpty()) {
        if (!m_failure.stack.isEmpty()) {
            flush();
        }
        return;
    }
    // "created by" names where the goroutine started, which is not part of its stack.
    if (trimmed.startsWith(QLatin1String("created by ")) ||
        trimmed.startsWith(QLatin1String("goroutine "))) {
        flush();
        return;
    }
    takeGoFrameLine(line, trimmed);
}

void ReportStateMachine::feedSanitizerFailure(QStringView trimmed)
{
    if (const std::optional<StackFrame> frame = StackFrameParser::parseSanitizerFrame(trimmed)) {
        m_failure.stack.append(*frame);
        return;
    }
    const bool stackEnded = trimmed.isEmpty() && !m_failure.stack.isEmpty();
    if (stackEnded || trimmed.startsWith(SummaryPrefix) ||
        withoutPidPrefix(trimmed).startsWith(QLatin1String("ABORTING"))) {
        flush();
    }
}

bool ReportStateMachine::takeSection(QStringView text)
{
    if (text.startsWith(QLatin1String("Read")) || text.startsWith(QLatin1String("Write")) ||
        text.startsWith(QLatin1String("Previous ")) || text.startsWith(QLatin1String("Atomic "))) {
        return takeAccess(text);
    }
    if (text.startsWith(QLatin1String("Goroutine ")) ||
        text.startsWith(QLatin1String("Thread T"))) {
        return takeCreation(text);
    }
    if (text.startsWith(LocationPrefix)) {
        QStringView description = text.mid(LocationPrefix.size());
        if (description.endsWith(u':') || description.endsWith(u'.')) {
            description.chop(1);
        }
        LocationNote location;
        location.description = description.toString();
        m_report.locations.append(location);
        m_state = State::LocationStack;
        return true;
    }
    if (text.startsWith(QLatin1String("Mutex M"))) {
        return takeMutex(text);
    }
    if (text.startsWith(QLatin1String("Cycle in lock order graph:"))) {
        takeCycle(text);
        m_state = State::IgnoredStack;
        return true;
    }
    if (text == QLatin1String("and:")) {
        m_report.extraStacks.append(Stack{});
        m_state = State::ExtraStack;
        return true;
    }
    if (text.startsWith(QLatin1String("As if synchronized via sleep"))) {
        m_state = State::IgnoredStack;
        return true;
    }
    return false;
}

bool ReportStateMachine::takeAccess(QStringView text)
{
    static const QRegularExpression accessRegex = makeAccessRegex();
    const QRegularExpressionMatch match = accessRegex.match(text.toString());
    if (!match.hasMatch()) {
        return false;
    }
    MemoryAccess access;
    access.op = accessOp(match.captured(QStringLiteral("op")));
    access.previous = !match.captured(QStringLiteral("previous")).isEmpty();
    access.size = match.captured(QStringLiteral("size")).toInt();
    access.address = match.captured(QStringLiteral("address"));
    access.thread = threadName(match.captured(QStringLiteral("thread")));
    access.mutexesHeld = heldMutexes(match.captured(QStringLiteral("mutexes")));
    m_report.accesses.append(access);
    m_state = State::AccessStack;
    return true;
}

bool ReportStateMachine::takeCreation(QStringView text)
{
    static const QRegularExpression goroutineRegex = makeGoroutineCreationRegex();
    static const QRegularExpression threadRegex = makeThreadCreationRegex();
    const QString line = text.toString();
    ThreadCreation creation;
    QRegularExpressionMatch match = goroutineRegex.match(line);
    if (match.hasMatch()) {
        creation.thread = QStringLiteral("goroutine ") + match.captured(QStringLiteral("id"));
    } else {
        match = threadRegex.match(line);
        if (!match.hasMatch()) {
            return false;
        }
        creation.thread = match.captured(QStringLiteral("thread"));
        creation.creator = match.captured(QStringLiteral("creator"));
    }
    creation.state = threadState(match.captured(QStringLiteral("state")));
    m_report.creations.append(creation);
    m_state = State::CreationStack;
    return true;
}

bool ReportStateMachine::takeMutex(QStringView text)
{
    // Lock-order reports print one stack per edge of the cycle, and with
    // second_deadlock_stack=1 a second one for where the held mutex was taken.
    if (text.contains(QLatin1String(" acquired here while holding mutex ")) ||
        text.contains(QLatin1String(" previously acquired by the same thread here"))) {
        m_report.extraStacks.append(Stack{});
        m_state = State::ExtraStack;
        return true;
    }
    static const QRegularExpression noteRegex = makeMutexNoteRegex();
    const QRegularExpressionMatch match = noteRegex.match(text.toString());
    if (!match.hasMatch()) {
        return false;
    }
    m_mutexIndex = mutexIndex(match.captured(QStringLiteral("name")),
                              match.captured(QStringLiteral("address")));
    const bool created =
        match.captured(QStringLiteral("what")).startsWith(QLatin1String("created"));
    m_state = created ? State::MutexStack : State::IgnoredStack;
    return true;
}

void ReportStateMachine::takeCycle(QStringView text)
{
    static const QRegularExpression nodeRegex = makeCycleNodeRegex();
    QRegularExpressionMatchIterator it = nodeRegex.globalMatch(text.toString());
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        mutexIndex(match.captured(QStringLiteral("name")),
                   match.captured(QStringLiteral("address")));
    }
}

// The note for mutex `name`, added when the report has none yet.
qsizetype ReportStateMachine::mutexIndex(const QString &name, const QString &address)
{
    for (qsizetype i = 0; i < m_report.mutexes.size(); ++i) {
        MutexNote &note = m_report.mutexes[i];
        if (note.name == name) {
            if (note.address.isEmpty()) {
                note.address = address;
            }
            return i;
        }
    }
    MutexNote note;
    note.name = name;
    note.address = address;
    m_report.mutexes.append(note);
    return m_report.mutexes.size() - 1;
}

void ReportStateMachine::takeSanitizerFrame(const StackFrame &frame, QStringView text)
{
    // A second unlabelled stack in a report without accesses is kept apart from the first.
    const bool restarts = text.startsWith(QLatin1String("#0 "));
    if (restarts && m_state == State::ReportHeader && !m_report.stack.isEmpty()) {
        m_report.extraStacks.append(Stack{});
        m_state = State::ExtraStack;
    } else if (restarts && m_state == State::ExtraStack && !m_report.extraStacks.isEmpty() &&
               !m_report.extraStacks.last().isEmpty()) {
        m_report.extraStacks.append(Stack{});
    }
    if (Stack *stack = currentStack()) {
        stack->append(frame);
    }
}

// Go frames take two lines: the function, then its indented source position. Program output may
// come between them, so the function waits until a source line arrives or another function
// replaces it.
void ReportStateMachine::takeGoFrameLine(QStringView line, QStringView trimmed)
{
    if (m_goFunction) {
        if (std::optional<StackFrame> frame = StackFrameParser::parseGoSource(line)) {
            frame->function = *std::exchange(m_goFunction, std::nullopt);
            if (Stack *stack = currentStack()) {
                stack->append(*frame);
            }
            return;
        }
    }
    if (std::optional<QString> function = StackFrameParser::parseGoFunction(trimmed)) {
        m_goFunction = std::move(function);
    }
}

Stack *ReportStateMachine::currentStack()
{
    switch (m_state) {
    case State::ReportHeader:
        return &m_report.stack;
    case State::AccessStack:
        return m_report.accesses.isEmpty() ? nullptr : &m_report.accesses.last().stack;
    case State::CreationStack:
        return m_report.creations.isEmpty() ? nullptr : &m_report.creations.last().stack;
    case State::LocationStack:
        return m_report.locations.isEmpty() ? nullptr : &m_report.locations.last().stack;
    case State::MutexStack:
        if (m_mutexIndex < 0 || m_mutexIndex >= m_report.mutexes.size()) {
            return nullptr;
        }
        return &m_report.mutexes[m_mutexIndex].createdAt;
    case State::ExtraStack:
        return m_report.extraStacks.isEmpty() ? nullptr : &m_report.extraStacks.last();
    case State::FailureStack:
        return &m_failure.stack;
    case State::Outside:
    case State::IgnoredStack:
    case State::FailureHeader:
    case State::SanitizerFailure:
        break;
    }
    return nullptr;
}

void ReportStateMachine::startGoFailure(QStringView line)
{
    const bool isPanic = line.startsWith(PanicPrefix);
    QString message =
        line.mid(isPanic ? PanicPrefix.size() : FatalErrorPrefix.size()).trimmed().toString();
    if (isPanic && message.endsWith(RecoveredSuffix)) {
        message.chop(RecoveredSuffix.size());
    }
    m_failure = RuntimeFailure{};
    m_failure.kind = goFailureKind(isPanic, message);
    m_failure.message = message;
    m_state = State::FailureHeader;
}

// Ends whatever report or failure is open and returns to State::Outside.
void ReportStateMachine::flush()
{
    if (inReport()) {
        for (MemoryAccess &access : m_report.accesses) {
            for (const ThreadCreation &creation : std::as_const(m_report.creations)) {
                if (creation.thread == access.thread) {
                    access.threadState = creation.state;
                    break;
                }
            }
        }
        // Some sanitizer warnings are one-line notices, not reports; they carry nothing.
        const bool empty = m_report.accesses.isEmpty() && m_report.stack.isEmpty() &&
                           m_report.creations.isEmpty() && m_report.locations.isEmpty() &&
                           m_report.extraStacks.isEmpty() && m_report.summary.isEmpty();
        if (m_report.kind != ReportKind::OtherSanitizerReport || !empty) {
            m_output.races.append(std::exchange(m_report, RaceReport{}));
        }
    } else if (m_state != State::Outside) {
        m_output.failures.append(std::exchange(m_failure, RuntimeFailure{}));
    }
    m_state = State::Outside;
    m_mutexIndex = -1;
    m_goFunction.reset();
}

} // namespace

ParsedOutput ReportParser::parse(QStringView text)
{
    ReportStateMachine machine;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0) {
            end = text.size();
        }
        machine.feed(text.mid(start, end - start));
        start = end + 1;
    }
    return machine.finish();
}

} // namespace RaceGrade
