#include "resultsview.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QRegularExpression>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace RaceGrade {

namespace {

// Private item data: how an item is coloured and which icon it shows, kept as ids so that both
// can follow a change of palette or style.
constexpr int ToneRole = Qt::UserRole + 10;
constexpr int IconRole = Qt::UserRole + 11;
// Header labels keep their tone in this dynamic property.
const char *const toneProperty = "racegradeTone";

enum class Tone
{
    Normal,
    Good,
    Bad,
    Warn,
    Muted
};

enum class IconKind
{
    None,
    Passed,
    Failed,
    NotRun,
    Error,
    Warning,
    Info
};

const QString checksId = QStringLiteral("checks");
const QString racesId = QStringLiteral("races");
const QString problemsId = QStringLiteral("problems");
const QString compilerId = QStringLiteral("compiler");

QColor mixed(const QColor &a, const QColor &b, double weightOfA)
{
    const double w = weightOfA;
    return QColor::fromRgbF(float(a.redF() * w + b.redF() * (1 - w)),
                            float(a.greenF() * w + b.greenF() * (1 - w)),
                            float(a.blueF() * w + b.blueF() * (1 - w)));
}

// A colour for a tone that reads well on the given background: the pure hues are picked in a
// darker and a lighter variant, the muted tone is blended from the palette itself.
QColor toneColor(Tone tone, const QColor &foreground, const QColor &background)
{
    const bool dark = background.lightness() < 128;
    switch (tone) {
    case Tone::Normal:
        return foreground;
    case Tone::Good:
        return dark ? QColor(0x6c, 0xcf, 0x82) : QColor(0x1a, 0x7f, 0x37);
    case Tone::Bad:
        return dark ? QColor(0xff, 0x80, 0x78) : QColor(0xc0, 0x26, 0x2d);
    case Tone::Warn:
        return dark ? QColor(0xe8, 0xb9, 0x4a) : QColor(0x95, 0x62, 0x00);
    case Tone::Muted:
        return mixed(foreground, background, 0.62);
    }
    return foreground;
}

// The styles have no icon for "not judged": a short dash in a muted colour.
QIcon dashIcon(const QColor &colour)
{
    QIcon icon;
    for (const int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const qreal thickness = size / 6.0;
        painter.drawRoundedRect(QRectF(size * 0.2, (size - thickness) / 2, size * 0.6, thickness),
                                thickness / 2, thickness / 2);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon iconFor(IconKind kind, const QStyle *style, const QColor &muted)
{
    switch (kind) {
    case IconKind::None:
        return {};
    case IconKind::Passed:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case IconKind::Failed:
        return style->standardIcon(QStyle::SP_DialogCancelButton);
    case IconKind::NotRun:
        return dashIcon(muted);
    case IconKind::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case IconKind::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case IconKind::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

void setTone(QTreeWidgetItem *item, Tone tone)
{
    item->setData(0, ToneRole, int(tone));
}

void setIcon(QTreeWidgetItem *item, IconKind kind)
{
    item->setData(0, IconRole, int(kind));
}

void setLocation(QTreeWidgetItem *item, int line, int column, bool navigable)
{
    item->setData(0, ResultsView::LineRole, line);
    item->setData(0, ResultsView::ColumnRole, qMax(0, column));
    item->setData(0, ResultsView::NavigableRole, navigable);
}

// The last part of a path: reports name the student's file as it was given to the grader, which
// may be a long absolute path.
QString baseName(const QString &path)
{
    const int slash = qMax(path.lastIndexOf(u'/'), path.lastIndexOf(u'\\'));
    return slash < 0 ? path : path.mid(slash + 1);
}

QString place(const QString &file, int line, int column = 0)
{
    if (file.isEmpty()) {
        return {};
    }
    QString text = baseName(file);
    if (line > 0) {
        text += u':' + QString::number(line);
        if (column > 0) {
            text += u':' + QString::number(column);
        }
    }
    return text;
}

// The first line of the student's file that @p text names as "file:line"; 0 when it names none.
int firstLineNamed(const QString &text, const QString &sourceFile)
{
    const QString name = baseName(sourceFile);
    if (name.isEmpty() || !text.contains(name)) {
        return 0;
    }
    // A file name not preceded by a path, then ":line".
    static const QRegularExpression place(
        QStringLiteral("(?<![\\w.\\-/\\\\])(?<file>[\\w.\\-+]+):(?<line>\\d+)"));
    QRegularExpressionMatchIterator matches = place.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (match.captured(QStringLiteral("file")) == name) {
            return match.captured(QStringLiteral("line")).toInt();
        }
    }
    return 0;
}

QTreeWidgetItem *addLine(QTreeWidgetItem *parent, const QString &text, Tone tone = Tone::Normal,
                         IconKind icon = IconKind::None)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(0, text);
    item->setToolTip(0, text);
    setTone(item, tone);
    setIcon(item, icon);
    return item;
}

// Tree views do not tell a delegate how wide an item is when they ask for its height, so long
// explanations and hints would be cut off instead of wrapped. This delegate works the width out
// from the column and the depth of the item.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeWidget *tree)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        int width = m_tree->columnWidth(index.column());
        if (index.column() == 0) {
            int depth = m_tree->rootIsDecorated() ? 1 : 0;
            for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent()) {
                ++depth;
            }
            width -= depth * m_tree->indentation();
        }
        if (width <= 0) {
            return QStyledItemDelegate::sizeHint(option, index);
        }
        QStyleOptionViewItem sized(option);
        sized.rect = QRect(0, 0, width, qMax(1, option.rect.height()));
        return QStyledItemDelegate::sizeHint(sized, index);
    }

private:
    QTreeWidget *m_tree;
};

} // namespace

ResultsView::ResultsView(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Grading results"));

    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAccessibleName(tr("Grading status"));
    m_message->setProperty(toneProperty, int(Tone::Muted));

    m_header = new QWidget(this);
    m_score = new QLabel(m_header);
    m_score->setAccessibleName(tr("Score"));
    QFont scoreFont = m_score->font();
    scoreFont.setBold(true);
    if (scoreFont.pointSizeF() > 0) {
        scoreFont.setPointSizeF(scoreFont.pointSizeF() * 1.6);
    } else {
        scoreFont.setPixelSize(scoreFont.pixelSize() * 8 / 5);
    }
    m_score->setFont(scoreFont);
    m_verdict = new QLabel(m_header);
    m_verdict->setAccessibleName(tr("Verdict"));
    QFont verdictFont = m_verdict->font();
    verdictFont.setBold(true);
    if (verdictFont.pointSizeF() > 0) {
        verdictFont.setPointSizeF(verdictFont.pointSizeF() * 1.2);
    }
    m_verdict->setFont(verdictFont);
    m_runs = new QLabel(m_header);
    m_runs->setAccessibleName(tr("Runs"));
    m_notes = new QLabel(m_header);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setProperty(toneProperty, int(Tone::Muted));
    for (QLabel *label : {m_score, m_verdict, m_runs, m_notes}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->setSpacing(2);
    auto *scoreRow = new QHBoxLayout;
    scoreRow->setSpacing(12);
    scoreRow->addWidget(m_score);
    scoreRow->addWidget(m_verdict, 1);
    headerLayout->addLayout(scoreRow);
    headerLayout->addWidget(m_runs);
    headerLayout->addWidget(m_notes);

    m_tree = new QTreeWidget(this);
    m_tree->setAccessibleName(tr("Checks, races and problems"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setWordWrap(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // The points column holds "100 / 100" at most; a fixed width keeps it on one line, which
    // the wrapping delegate would otherwise squeeze.
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_tree->header()->resizeSection(
        1, m_tree->fontMetrics().horizontalAdvance(QStringLiteral("000 / 000")) + 24);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    m_tree->installEventFilter(this);
    // Row heights depend on the width of the text column.
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree, [this](int column) {
        if (column == 0) {
            m_tree->doItemsLayout();
        }
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_message, 1);
    layout->addWidget(m_header);
    layout->addWidget(m_tree, 1);

    // A mouse press makes the item current before the click is complete; the click reports it,
    // so that clicking the current item again also jumps back to its place.
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (current && QApplication::mouseButtons() == Qt::NoButton) {
            emitLocationOf(current);
        }
    });
    connect(m_tree, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { emitLocationOf(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { emitLocationOf(item); });

    clear();
}

ResultsView::~ResultsView() = default;

void ResultsView::showResults(bool visible)
{
    m_message->setVisible(!visible);
    m_header->setVisible(visible);
    m_tree->setVisible(visible);
}

void ResultsView::clear()
{
    m_grade.reset();
    m_cancelled = false;
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clear();
    }
    m_message->setText(tr("No results yet. Grade your solution to see them here."));
    showResults(false);
    refreshDecorations();
}

void ResultsView::showMessage(const QString &message)
{
    m_grade.reset();
    m_cancelled = false;
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clear();
    }
    m_message->setText(message);
    showResults(false);
    refreshDecorations();
}

void ResultsView::setGrade(const Grade &grade)
{
    fill(grade, false);
}

void ResultsView::showCancelled(const Grade &grade)
{
    fill(grade, true);
}

void ResultsView::fill(const Grade &grade, bool cancelled)
{
    m_grade = grade;
    m_cancelled = cancelled;
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    fillHeader(grade);
    fillChecks(grade);
    fillRaces(grade);
    fillProblems(grade);
    fillCompiler(grade);
    m_message->clear();
    showResults(true);
    refreshDecorations();
    m_tree->setCurrentItem(nullptr);
    m_tree->scrollToTop();
}

void ResultsView::fillHeader(const Grade &grade)
{
    if (m_cancelled) {
        // Nothing was scored and the runs were cut short: a score or a run count would mislead.
        m_score->hide();
        m_verdict->setText(tr("Cancelled"));
        m_verdict->setProperty(toneProperty, int(Tone::Warn));
        m_runs->setText(grade.seconds > 0
                            ? tr("Stopped after %1 s, before anything was scored. Grade again to "
                                 "see the results.")
                                  .arg(grade.seconds, 0, 'f', 1)
                            : tr("Stopped before anything was scored. Grade again to see the "
                                 "results."));
        m_runs->show();
        m_notes->hide();
        return;
    }
    const bool scored = grade.verdict != Verdict::Error || grade.maxScore > 0;
    m_score->setText(tr("%1 / %2").arg(grade.score).arg(grade.maxScore));
    m_score->setVisible(scored);

    Tone verdictTone = Tone::Bad;
    switch (grade.verdict) {
    case Verdict::Pass:
        m_verdict->setText(tr("Passed"));
        verdictTone = Tone::Good;
        break;
    case Verdict::Fail:
        m_verdict->setText(grade.compile.ok ? tr("Failed")
                                            : tr("Failed: the program did not build"));
        break;
    case Verdict::Error:
        m_verdict->setText(grade.errorMessage.isEmpty()
                               ? tr("Could not grade")
                               : tr("Could not grade: %1").arg(grade.errorMessage));
        verdictTone = Tone::Warn;
        break;
    }
    m_verdict->setProperty(toneProperty, int(verdictTone));

    const RunSummary &runs = grade.runs;
    QString summary;
    if (runs.count == 0) {
        summary = grade.verdict == Verdict::Error ? QString() : tr("The program was not run.");
    } else {
        QStringList kinds;
        if (runs.programRuns > 0) {
            kinds.append(tr("%1 with the race detector").arg(runs.programRuns));
        }
        if (runs.plainRuns > 0) {
            kinds.append(runs.programRuns > 0
                             ? tr("%1 without").arg(runs.plainRuns)
                             : tr("%1 without the race detector").arg(runs.plainRuns));
        }
        if (runs.harnessRuns > 0) {
            kinds.append(tr("%1 of the hidden tests").arg(runs.harnessRuns));
        }
        const QString total = runs.count == 1 ? tr("1 run") : tr("%1 runs").arg(runs.count);
        summary = kinds.isEmpty() ? total : tr("%1: %2").arg(total, kinds.join(tr(", ")));
        QStringList outcomes{tr("%1 racy").arg(runs.racy), tr("%1 timed out").arg(runs.timeouts)};
        if (runs.crashes > 0) {
            outcomes.append(tr("%1 crashed").arg(runs.crashes));
        }
        summary = tr("%1; %2").arg(summary, outcomes.join(tr(", ")));
    }
    QString graded;
    if (!grade.toolchain.isEmpty() && grade.seconds > 0) {
        graded = tr("Graded with %1 in %2 s.").arg(grade.toolchain).arg(grade.seconds, 0, 'f', 1);
    } else if (!grade.toolchain.isEmpty()) {
        graded = tr("Graded with %1.").arg(grade.toolchain);
    } else if (grade.seconds > 0) {
        graded = tr("Graded in %1 s.").arg(grade.seconds, 0, 'f', 1);
    }
    if (!grade.sandboxed && !grade.sandbox.isEmpty()) {
        graded += (graded.isEmpty() ? QString() : QStringLiteral(" ")) +
                  tr("Your code ran without the sandbox.");
    }
    if (!graded.isEmpty()) {
        summary = summary.isEmpty() ? graded : summary + u'\n' + graded;
    }
    m_runs->setText(summary);
    m_runs->setVisible(!summary.isEmpty());

    QStringList notes;
    for (const QString &note : grade.notes) {
        notes.append(tr("• %1").arg(note));
    }
    m_notes->setText(notes.join(u'\n'));
    m_notes->setVisible(!notes.isEmpty());
}

QTreeWidgetItem *ResultsView::addSection(const QString &id, const QString &title)
{
    auto *item = new QTreeWidgetItem(m_tree);
    item->setText(0, title);
    item->setData(0, SectionRole, id);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setExpanded(true);
    setTone(item, Tone::Normal);
    return item;
}

void ResultsView::fillChecks(const Grade &grade)
{
    if (grade.checks.isEmpty()) {
        return;
    }
    int passed = 0;
    for (const CheckResult &check : grade.checks) {
        passed += check.passed() ? 1 : 0;
    }
    QTreeWidgetItem *section =
        addSection(checksId, tr("Checks (%1 of %2 passed)").arg(passed).arg(grade.checks.size()));
    section->setText(1, tr("%1 / %2").arg(grade.score).arg(grade.maxScore));
    section->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    section->setFont(1, section->font(0));

    for (const CheckResult &check : grade.checks) {
        const QString title = check.title.isEmpty() ? check.id : check.title;
        auto *item = new QTreeWidgetItem(section);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        QString tooltip = check.detail;
        if (!check.hint.isEmpty()) {
            tooltip += (tooltip.isEmpty() ? QString() : QStringLiteral("\n\n")) +
                       tr("Hint: %1").arg(check.hint);
        }
        switch (check.status) {
        case CheckStatus::Passed:
            item->setText(0, title);
            item->setText(1, tr("%1 / %2").arg(check.points).arg(check.maxPoints));
            item->setData(0, Qt::AccessibleTextRole, tr("Passed: %1").arg(title));
            setIcon(item, IconKind::Passed);
            setTone(item, Tone::Normal);
            break;
        case CheckStatus::Failed:
            item->setText(0, title);
            item->setText(1, tr("%1 / %2").arg(check.points).arg(check.maxPoints));
            item->setData(0, Qt::AccessibleTextRole, tr("Failed: %1").arg(title));
            setIcon(item, IconKind::Failed);
            setTone(item, Tone::Normal);
            break;
        case CheckStatus::NotRun:
            item->setText(0, tr("%1 (not run)").arg(title));
            item->setText(1, tr("– / %1").arg(check.maxPoints));
            item->setData(0, Qt::AccessibleTextRole, tr("Not run: %1").arg(title));
            setIcon(item, IconKind::NotRun);
            setTone(item, Tone::Muted);
            break;
        }
        item->setToolTip(0, tooltip);
        // A reason that names a place in the student's file ("counter.go:17 vs counter.go:22")
        // takes the check and its reason there; F8 keeps to the races and problems themselves.
        const int line = firstLineNamed(check.detail, grade.sourceFile);
        if (line > 0) {
            setLocation(item, line, 0, false);
        }
        if (!check.detail.isEmpty()) {
            QTreeWidgetItem *detail =
                addLine(item, check.detail,
                        check.status == CheckStatus::NotRun ? Tone::Muted : Tone::Normal);
            if (line > 0) {
                setLocation(detail, line, 0, false);
            }
        }
        if (!check.hint.isEmpty()) {
            addLine(item, tr("Hint: %1").arg(check.hint), Tone::Normal, IconKind::Info);
        }
        item->setExpanded(check.status == CheckStatus::Failed);
    }
}

namespace {

QString raceKindName(const QString &kind)
{
    if (kind == u"data-race") {
        return ResultsView::tr("Data race");
    }
    if (kind == u"lock-order-inversion") {
        return ResultsView::tr("Lock order inversion (potential deadlock)");
    }
    if (kind == u"thread-leak") {
        return ResultsView::tr("Thread leak");
    }
    if (kind == u"heap-use-after-free") {
        return ResultsView::tr("Use of freed memory");
    }
    if (kind == u"unlock-of-unlocked-mutex") {
        return ResultsView::tr("Unlock of a mutex that was not locked");
    }
    if (kind == u"double-lock") {
        return ResultsView::tr("Mutex locked twice");
    }
    if (kind == u"destroy-of-locked-mutex") {
        return ResultsView::tr("Locked mutex destroyed");
    }
    if (kind == u"signal-unsafe-call") {
        return ResultsView::tr("Unsafe call in a signal handler");
    }
    if (kind == u"sanitizer-report") {
        return ResultsView::tr("Race detector report");
    }
    QString words = kind;
    words.replace(u'-', u' ');
    if (!words.isEmpty()) {
        words[0] = words[0].toUpper();
    }
    return words;
}

QString problemKindName(const QString &kind)
{
    if (kind == u"compile-error") {
        return ResultsView::tr("Compile error");
    }
    if (kind == u"timeout") {
        return ResultsView::tr("Timeout");
    }
    if (kind == u"deadlock") {
        return ResultsView::tr("Deadlock");
    }
    if (kind == u"panic") {
        return ResultsView::tr("Panic");
    }
    if (kind == u"crash") {
        return ResultsView::tr("Crash");
    }
    if (kind == u"nonzero-exit") {
        return ResultsView::tr("Exit status");
    }
    if (kind == u"failed-to-start") {
        return ResultsView::tr("Could not start");
    }
    if (kind == u"output-limit") {
        return ResultsView::tr("Too much output");
    }
    if (kind == u"memory-limit") {
        return ResultsView::tr("Out of memory");
    }
    if (kind == u"task-limit") {
        return ResultsView::tr("Too many processes");
    }
    if (kind == u"concurrent-map-access") {
        return ResultsView::tr("Concurrent map access");
    }
    if (kind == u"unlock-of-unlocked-mutex") {
        return ResultsView::tr("Unlock of a mutex that was not locked");
    }
    if (kind == u"fatal-error") {
        return ResultsView::tr("Fatal error");
    }
    if (kind == u"sanitizer-failure") {
        return ResultsView::tr("Race detector failure");
    }
    if (kind == u"blocked") {
        return ResultsView::tr("Stuck waiting");
    }
    if (kind == u"endless-loop") {
        return ResultsView::tr("Endless loop");
    }
    if (kind == u"file-size-limit") {
        return ResultsView::tr("File too large");
    }
    if (kind == u"harness-marker") {
        return ResultsView::tr("Imitates the hidden test's output");
    }
    if (kind == u"build-timed-out") {
        return ResultsView::tr("Build took too long");
    }
    if (kind == u"build-memory-limit") {
        return ResultsView::tr("Build ran out of memory");
    }
    if (kind.startsWith(u"build-")) {
        return ResultsView::tr("Build stopped");
    }
    return raceKindName(kind);
}

QString accessOpName(const QString &op)
{
    if (op == u"read") {
        return ResultsView::tr("read");
    }
    if (op == u"write") {
        return ResultsView::tr("write");
    }
    if (op == u"atomic read") {
        return ResultsView::tr("atomic read");
    }
    if (op == u"atomic write") {
        return ResultsView::tr("atomic write");
    }
    if (op == u"lock") {
        return ResultsView::tr("lock");
    }
    if (op == u"unlock") {
        return ResultsView::tr("unlock");
    }
    if (op == u"destroy") {
        return ResultsView::tr("destroy");
    }
    if (op == u"start thread") {
        return ResultsView::tr("start thread");
    }
    if (op == u"call") {
        return ResultsView::tr("call");
    }
    return op.isEmpty() ? ResultsView::tr("access") : op;
}

QString seenText(const RaceFinding &race)
{
    if (race.runs <= 0) {
        return race.occurrences == 1 ? ResultsView::tr("seen in 1 run")
                                     : ResultsView::tr("seen in %1 runs").arg(race.occurrences);
    }
    if (race.runs == 1) {
        return ResultsView::tr("seen in %1 of 1 run").arg(race.occurrences);
    }
    return ResultsView::tr("seen in %1 of %2 runs").arg(race.occurrences).arg(race.runs);
}

const StackFrame *representative(const Stack &stack, const QString &sourceFile)
{
    for (const StackFrame &frame : stack) {
        if (frame.line > 0 && frame.file == sourceFile) {
            return &frame;
        }
    }
    for (const StackFrame &frame : stack) {
        if (frame.hasSource()) {
            return &frame;
        }
    }
    return stack.isEmpty() ? nullptr : &stack.first();
}

} // namespace

void ResultsView::addStack(QTreeWidgetItem *parent, const Stack &stack, const QString &sourceFile)
{
    for (const StackFrame &frame : stack) {
        const QString function =
            frame.function.isEmpty() ? tr("(unknown function)") : frame.function;
        QString text;
        if (frame.hasSource()) {
            text = tr("%1 at %2").arg(function, place(frame.file, frame.line, frame.column));
        } else if (!frame.module.isEmpty()) {
            text = tr("%1 in %2").arg(function, frame.module);
        } else {
            text = function;
        }
        const bool own = frame.line > 0 && !sourceFile.isEmpty() && frame.file == sourceFile;
        QTreeWidgetItem *item = addLine(parent, text, own ? Tone::Normal : Tone::Muted);
        if (!frame.file.isEmpty()) {
            item->setToolTip(0, frame.line > 0
                                    ? tr("%1 at %2:%3").arg(function, frame.file).arg(frame.line)
                                    : tr("%1 in %2").arg(function, frame.file));
        }
        if (own) {
            setLocation(item, frame.line, frame.column, false);
        }
    }
}

void ResultsView::fillRaces(const Grade &grade)
{
    if (grade.races.isEmpty()) {
        return;
    }
    QTreeWidgetItem *section = addSection(racesId, tr("Races (%1)").arg(grade.races.size()));
    for (const RaceFinding &race : grade.races) {
        const QString title = tr("%1 — %2").arg(raceKindName(race.kind), seenText(race));
        auto *item = new QTreeWidgetItem(section);
        item->setText(0, title);
        item->setToolTip(0, race.explanation.isEmpty() ? title : race.explanation);
        setIcon(item, IconKind::Warning);
        setTone(item, Tone::Normal);
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);

        if (!race.explanation.isEmpty()) {
            addLine(item, race.explanation);
        }
        bool located = false;
        for (int i = 0; i < race.accesses.size(); ++i) {
            const RaceAccessSite &access = race.accesses.at(i);
            QString text = accessOpName(access.op);
            if (i == 1 && race.kind == u"data-race") {
                text = tr("previous %1").arg(text);
            }
            if (!access.file.isEmpty() && access.line > 0) {
                text = tr("%1 at %2").arg(text, place(access.file, access.line));
            }
            if (!access.function.isEmpty()) {
                text = tr("%1 in %2").arg(text, access.function);
            }
            if (!access.thread.isEmpty()) {
                text = tr("%1 (%2)").arg(text, access.thread);
            }
            if (!access.mutexesHeld.isEmpty()) {
                text = tr("%1, holding %2").arg(text, access.mutexesHeld.join(tr(", ")));
            }
            QTreeWidgetItem *accessItem =
                addLine(item, text, access.inSubmission ? Tone::Normal : Tone::Muted);
            if (access.inSubmission && access.line > 0) {
                setLocation(accessItem, access.line, access.column, true);
                if (!located) {
                    setLocation(item, access.line, access.column, false);
                    located = true;
                }
            }
            addStack(accessItem, access.stack, grade.sourceFile);
            accessItem->setExpanded(false);
        }
        if (!race.location.isEmpty()) {
            addLine(item, tr("Memory: %1").arg(race.location));
        }
        for (const Stack &stack : race.creationStacks) {
            const StackFrame *frame = representative(stack, grade.sourceFile);
            if (!frame) {
                continue;
            }
            QString where = frame->hasSource() ? place(frame->file, frame->line) : QString();
            QString text;
            if (grade.language == Language::Go) {
                text = where.isEmpty()
                           ? tr("goroutine started in %1").arg(frame->function)
                           : tr("goroutine started at %1 in %2").arg(where, frame->function);
            } else {
                text = where.isEmpty()
                           ? tr("thread started in %1").arg(frame->function)
                           : tr("thread started at %1 in %2").arg(where, frame->function);
            }
            const bool own = frame->line > 0 && frame->file == grade.sourceFile;
            QTreeWidgetItem *creationItem = addLine(item, text, own ? Tone::Normal : Tone::Muted);
            if (own) {
                setLocation(creationItem, frame->line, frame->column, false);
            }
            addStack(creationItem, stack, grade.sourceFile);
            creationItem->setExpanded(false);
        }
        if (!race.hint.isEmpty()) {
            addLine(item, tr("Hint: %1").arg(race.hint), Tone::Normal, IconKind::Info);
        }
        item->setExpanded(true);
    }
}

void ResultsView::fillProblems(const Grade &grade)
{
    QVector<const Problem *> shown;
    for (const Problem &problem : grade.problems) {
        // Compile errors are listed with the compiler's messages; show here only those that
        // have no message there, such as a build that ran out of time.
        if (problem.kind == u"compile-error") {
            const bool listed =
                std::any_of(grade.compile.diagnostics.cbegin(), grade.compile.diagnostics.cend(),
                            [&](const Diagnostic &d) {
                                return d.file == problem.file && d.line == problem.line &&
                                       d.message == problem.message;
                            });
            if (listed) {
                continue;
            }
        }
        shown.append(&problem);
    }
    if (shown.isEmpty()) {
        return;
    }
    QTreeWidgetItem *section = addSection(problemsId, tr("Problems (%1)").arg(shown.size()));
    for (const Problem *problem : std::as_const(shown)) {
        QString text = problemKindName(problem->kind);
        if (!problem->message.isEmpty()) {
            text = tr("%1: %2").arg(text, problem->message);
        }
        if (!problem->file.isEmpty()) {
            text = tr("%1 (%2)").arg(text, place(problem->file, problem->line));
        }
        // The engine already counts the runs in some messages ("in 3 of 20 runs ...").
        if (problem->occurrences > 1 &&
            !problem->message.contains(QStringLiteral("in %1 of ").arg(problem->occurrences))) {
            text = tr("%1, in %2 runs").arg(text).arg(problem->occurrences);
        }
        QTreeWidgetItem *item = addLine(section, text, Tone::Normal, IconKind::Error);
        if (problem->line > 0 && !grade.sourceFile.isEmpty() && problem->file == grade.sourceFile) {
            setLocation(item, problem->line, 0, true);
        }
    }
}

void ResultsView::fillCompiler(const Grade &grade)
{
    const QVector<Diagnostic> &diagnostics = grade.compile.diagnostics;
    const bool failedSilently =
        diagnostics.isEmpty() && !grade.compile.ok && grade.verdict == Verdict::Fail;
    if (diagnostics.isEmpty() && !failedSilently) {
        return;
    }
    QTreeWidgetItem *section =
        addSection(compilerId, tr("Compiler (%1)").arg(qMax(1, int(diagnostics.size()))));
    if (failedSilently) {
        addLine(section,
                tr("The build failed without a message that points to a line; the compiler's "
                   "output is shown with the program output."),
                Tone::Normal, IconKind::Error);
        return;
    }
    for (const Diagnostic &diagnostic : diagnostics) {
        const QString where = place(diagnostic.file, diagnostic.line, diagnostic.column);
        const QString text =
            where.isEmpty() ? diagnostic.message : tr("%1: %2").arg(where, diagnostic.message);
        QString severity;
        IconKind icon = IconKind::Error;
        switch (diagnostic.severity) {
        case Severity::Error:
            severity = tr("Error");
            break;
        case Severity::Warning:
            severity = tr("Warning");
            icon = IconKind::Warning;
            break;
        case Severity::Note:
            severity = tr("Note");
            icon = IconKind::Info;
            break;
        }
        QTreeWidgetItem *item = addLine(section, text, Tone::Normal, icon);
        item->setData(0, Qt::AccessibleTextRole, tr("%1: %2").arg(severity, text));
        item->setToolTip(0, diagnostic.tool.isEmpty()
                                ? tr("%1: %2").arg(severity, text)
                                : tr("%1 (%2): %3").arg(severity, diagnostic.tool, text));
        if (diagnostic.line > 0 && !grade.sourceFile.isEmpty() &&
            diagnostic.file == grade.sourceFile) {
            setLocation(item, diagnostic.line, diagnostic.column, true);
        }
        for (const RelatedLocation &related : diagnostic.related) {
            const QString relatedWhere = place(related.file, related.line, related.column);
            QTreeWidgetItem *relatedItem =
                addLine(item,
                        relatedWhere.isEmpty() ? related.message
                                               : tr("%1: %2").arg(relatedWhere, related.message),
                        Tone::Muted);
            if (related.line > 0 && !grade.sourceFile.isEmpty() &&
                related.file == grade.sourceFile) {
                setLocation(relatedItem, related.line, related.column, false);
                setTone(relatedItem, Tone::Normal);
            }
        }
        item->setExpanded(true);
    }
}

QTreeWidgetItem *ResultsView::sectionItem(const QString &section) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, SectionRole).toString().compare(section, Qt::CaseInsensitive) == 0) {
            return item;
        }
    }
    return nullptr;
}

int ResultsView::entryCount(const QString &section) const
{
    const QTreeWidgetItem *item = sectionItem(section);
    return item ? item->childCount() : 0;
}

QString ResultsView::headerText() const
{
    QStringList lines;
    for (const QLabel *label : {m_score, m_verdict, m_runs, m_notes}) {
        if (!label->isHidden() && !label->text().isEmpty()) {
            lines.append(label->text());
        }
    }
    return lines.join(u'\n');
}

QString ResultsView::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QList<QTreeWidgetItem *> ResultsView::navigableItems() const
{
    QList<QTreeWidgetItem *> items;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, NavigableRole).toBool()) {
            items.append(*it);
        }
    }
    return items;
}

void ResultsView::selectNextProblem()
{
    selectProblem(1);
}

void ResultsView::selectPreviousProblem()
{
    selectProblem(-1);
}

void ResultsView::selectProblem(int step)
{
    const QList<QTreeWidgetItem *> targets = navigableItems();
    if (targets.isEmpty()) {
        return;
    }
    QTreeWidgetItem *current = m_tree->currentItem();
    QTreeWidgetItem *target = nullptr;
    if (!current) {
        target = step > 0 ? targets.first() : targets.last();
    } else if (const int index = int(targets.indexOf(current)); index >= 0) {
        const int count = int(targets.size());
        target = targets.at(((index + step) % count + count) % count);
    } else {
        // The current entry has no place (a check, a stack frame...): continue from where it is
        // in the tree.
        QTreeWidgetItem *before = nullptr;
        QTreeWidgetItem *after = nullptr;
        bool passed = false;
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            if (*it == current) {
                passed = true;
            } else if ((*it)->data(0, NavigableRole).toBool()) {
                if (!passed) {
                    before = *it;
                } else if (!after) {
                    after = *it;
                }
            }
        }
        target = step > 0 ? (after ? after : targets.first()) : (before ? before : targets.last());
    }

    for (QTreeWidgetItem *parent = target->parent(); parent; parent = parent->parent()) {
        parent->setExpanded(true);
    }
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->setCurrentItem(target);
    }
    m_tree->scrollToItem(target);
    emitLocationOf(target);
}

void ResultsView::emitLocationOf(QTreeWidgetItem *item)
{
    if (!item) {
        return;
    }
    const int line = item->data(0, LineRole).toInt();
    if (line > 0) {
        Q_EMIT locationActivated(line, item->data(0, ColumnRole).toInt());
    }
}

void ResultsView::refreshDecorations()
{
    const QPalette &treePalette = m_tree->palette();
    const QColor text = treePalette.color(QPalette::Text);
    const QColor base = treePalette.color(QPalette::Base);
    const QStyle *treeStyle = m_tree->style();
    const QColor muted = toneColor(Tone::Muted, text, base);
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        QTreeWidgetItem *item = *it;
        const Tone tone = Tone(item->data(0, ToneRole).toInt());
        const QVariant brush =
            tone == Tone::Normal ? QVariant() : QVariant(QBrush(toneColor(tone, text, base)));
        item->setData(0, Qt::ForegroundRole, brush);
        item->setData(1, Qt::ForegroundRole, brush);
        const IconKind icon = IconKind(item->data(0, IconRole).toInt());
        item->setIcon(0, iconFor(icon, treeStyle, muted));
    }

    const QColor windowText = palette().color(QPalette::WindowText);
    const QColor window = palette().color(QPalette::Window);
    for (QLabel *label : {m_message, m_score, m_verdict, m_runs, m_notes}) {
        const Tone tone = Tone(label->property(toneProperty).toInt());
        QPalette labelPalette = label->palette();
        labelPalette.setColor(QPalette::WindowText, toneColor(tone, windowText, window));
        label->setPalette(labelPalette);
    }
}

void ResultsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        refreshDecorations();
    }
}

bool ResultsView::eventFilter(QObject *watched, QEvent *event)
{
    // The tree's own palette and style decide its colours and icons; they may change after this
    // widget's.
    if (watched == m_tree &&
        (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)) {
        refreshDecorations();
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace RaceGrade
