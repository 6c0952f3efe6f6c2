#include "findreplacebar.h"

#include "codeeditor.h"
#include "editortheme.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QToolButton>

namespace RaceGrade {

namespace {

QToolButton *makeButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindReplaceBar::FindReplaceBar(CodeEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_findEdit(new QLineEdit(this))
    , m_replaceEdit(new QLineEdit(this))
    , m_previousButton(makeButton(tr("Previous"), tr("Find the previous match (Shift+F3)"), this))
    , m_nextButton(makeButton(tr("Next"), tr("Find the next match (F3)"), this))
    , m_replaceButton(
          makeButton(tr("Replace"), tr("Replace this match and find the next one"), this))
    , m_replaceAllButton(
          makeButton(tr("Replace All"), tr("Replace every match (one undo step)"), this))
    , m_closeButton(makeButton(tr("Close"), tr("Close the find bar (Escape)"), this))
    , m_caseSensitive(new QCheckBox(tr("Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Whole words"), this))
    , m_status(new QLabel(this))
{
    setAccessibleName(tr("Find and replace"));

    auto *findLabel = new QLabel(tr("Find:"), this);
    findLabel->setBuddy(m_findEdit);
    auto *replaceLabel = new QLabel(tr("Replace:"), this);
    replaceLabel->setBuddy(m_replaceEdit);

    m_findEdit->setAccessibleName(tr("Text to find"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_replaceEdit->setAccessibleName(tr("Replacement text"));
    m_replaceEdit->setPlaceholderText(tr("Replace with"));
    m_caseSensitive->setAccessibleName(tr("Match case"));
    m_wholeWords->setAccessibleName(tr("Whole words"));
    m_status->setAccessibleName(tr("Search status"));
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 10);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolButtonStyle(Qt::ToolButtonIconOnly);

    // A grid keeps the two fields lined up; the controls of each row sit in its third column.
    const int fieldWidth = fontMetrics().horizontalAdvance(QLatin1Char('x')) * 14;
    m_findEdit->setMinimumWidth(fieldWidth);
    m_replaceEdit->setMinimumWidth(fieldWidth);
    auto *findControls = new QHBoxLayout;
    findControls->addWidget(m_previousButton);
    findControls->addWidget(m_nextButton);
    findControls->addWidget(m_caseSensitive);
    findControls->addWidget(m_wholeWords);
    findControls->addWidget(m_status, 1);
    findControls->addWidget(m_closeButton);
    auto *replaceControls = new QHBoxLayout;
    replaceControls->addWidget(m_replaceButton);
    replaceControls->addWidget(m_replaceAllButton);
    replaceControls->addStretch(1);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setVerticalSpacing(3);
    layout->addWidget(findLabel, 0, 0);
    layout->addWidget(m_findEdit, 0, 1);
    layout->addLayout(findControls, 0, 2);
    layout->addWidget(replaceLabel, 1, 0);
    layout->addWidget(m_replaceEdit, 1, 1);
    layout->addLayout(replaceControls, 1, 2);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(2, 2);
    m_replaceWidgets = {replaceLabel, m_replaceEdit, m_replaceButton, m_replaceAllButton};

    m_findEdit->installEventFilter(this);
    m_replaceEdit->installEventFilter(this);

    connect(m_findEdit, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_previousButton, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(m_nextButton, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    connect(m_replaceButton, &QToolButton::clicked, this, &FindReplaceBar::replace);
    connect(m_replaceAllButton, &QToolButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(m_closeButton, &QToolButton::clicked, this, &FindReplaceBar::hideBar);
    const auto searchAgain = [this] {
        if (isVisible() && !findText().isEmpty()) {
            find(false, true);
        }
    };
    connect(m_caseSensitive, &QCheckBox::toggled, this, searchAgain);
    connect(m_wholeWords, &QCheckBox::toggled, this, searchAgain);

    hide();
}

CodeEditor *FindReplaceBar::editor() const
{
    return m_editor;
}

QString FindReplaceBar::findText() const
{
    return m_findEdit->text();
}

void FindReplaceBar::setFindText(const QString &text)
{
    m_findEdit->setText(text);
}

QString FindReplaceBar::replaceText() const
{
    return m_replaceEdit->text();
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replaceEdit->setText(text);
}

bool FindReplaceBar::isCaseSensitive() const
{
    return m_caseSensitive->isChecked();
}

void FindReplaceBar::setCaseSensitive(bool sensitive)
{
    m_caseSensitive->setChecked(sensitive);
}

bool FindReplaceBar::isWholeWords() const
{
    return m_wholeWords->isChecked();
}

void FindReplaceBar::setWholeWords(bool wholeWords)
{
    m_wholeWords->setChecked(wholeWords);
}

bool FindReplaceBar::hasNoMatch() const
{
    return m_noMatch;
}

QString FindReplaceBar::statusText() const
{
    return m_status->text();
}

void FindReplaceBar::showFind()
{
    showBar(false);
}

void FindReplaceBar::showReplace()
{
    showBar(true);
}

void FindReplaceBar::showBar(bool withReplace)
{
    for (QWidget *widget : std::as_const(m_replaceWidgets)) {
        widget->setVisible(withReplace);
    }
    const QTextCursor selection = m_editor->textCursor();
    if (selection.hasSelection()) {
        const QTextDocument *document = m_editor->document();
        if (document->findBlock(selection.selectionStart()) ==
            document->findBlock(selection.selectionEnd())) {
            setFindText(selection.selectedText());
        }
    }
    show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void FindReplaceBar::hideBar()
{
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

QTextDocument::FindFlags FindReplaceBar::flags(bool backward) const
{
    QTextDocument::FindFlags result;
    if (backward) {
        result |= QTextDocument::FindBackward;
    }
    if (isCaseSensitive()) {
        result |= QTextDocument::FindCaseSensitively;
    }
    if (isWholeWords()) {
        result |= QTextDocument::FindWholeWords;
    }
    return result;
}

bool FindReplaceBar::findNext()
{
    return find(false);
}

bool FindReplaceBar::findPrevious()
{
    return find(true);
}

bool FindReplaceBar::find(bool backward, bool fromSelectionStart)
{
    const QString needle = findText();
    if (needle.isEmpty()) {
        setNoMatch(false);
        m_status->clear();
        return false;
    }
    const QTextDocument *document = m_editor->document();
    QTextCursor from = m_editor->textCursor();
    if (fromSelectionStart) {
        from.setPosition(from.selectionStart());
    }
    QTextCursor match = document->find(needle, from, flags(backward));
    bool wrapped = false;
    if (match.isNull()) {
        QTextCursor edge(m_editor->document());
        edge.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        match = document->find(needle, edge, flags(backward));
        wrapped = !match.isNull();
    }
    if (match.isNull()) {
        setNoMatch(true);
        return false;
    }
    setNoMatch(false);
    m_editor->setTextCursor(match);
    updateStatus(match, wrapped);
    return true;
}

void FindReplaceBar::matchPosition(const QTextCursor &match, int *index, int *total) const
{
    const QTextDocument *document = m_editor->document();
    *index = 0;
    *total = 0;
    QTextCursor hit = document->find(findText(), 0, flags(false));
    while (!hit.isNull()) {
        ++*total;
        if (hit.selectionStart() <= match.selectionStart()) {
            *index = *total;
        }
        hit = document->find(findText(), hit, flags(false));
    }
}

void FindReplaceBar::updateStatus(const QTextCursor &match, bool wrapped)
{
    int index = 0;
    int total = 0;
    matchPosition(match, &index, &total);
    m_status->setText(wrapped ? tr("%1 of %2, wrapped").arg(index).arg(total)
                              : tr("%1 of %2").arg(index).arg(total));
}

void FindReplaceBar::setNoMatch(bool noMatch)
{
    m_noMatch = noMatch;
    if (noMatch) {
        QPalette warning = m_findEdit->palette();
        const QColor base = palette().color(QPalette::Base);
        const bool dark = base.lightness() < 128;
        warning.setColor(QPalette::Base,
                         EditorTheme::blend(base, QColor(224, 49, 49), dark ? 0.45 : 0.25));
        m_findEdit->setPalette(warning);
        m_status->setText(tr("No match"));
    } else {
        m_findEdit->setPalette(QPalette());
    }
}

bool FindReplaceBar::replace()
{
    const QString needle = findText();
    if (needle.isEmpty()) {
        return false;
    }
    QTextCursor current = m_editor->textCursor();
    if (current.hasSelection()) {
        // Replace only when the selection is itself a match under the current options.
        QTextCursor probe(m_editor->document());
        probe.setPosition(current.selectionStart());
        const QTextCursor match = m_editor->document()->find(needle, probe, flags(false));
        if (!match.isNull() && match.selectionStart() == current.selectionStart() &&
            match.selectionEnd() == current.selectionEnd()) {
            current.insertText(replaceText());
            m_editor->setTextCursor(current);
        }
    }
    return findNext();
}

int FindReplaceBar::replaceAll()
{
    const QString needle = findText();
    if (needle.isEmpty()) {
        return 0;
    }
    QTextDocument *document = m_editor->document();
    const QString replacement = replaceText();
    int count = 0;
    QTextCursor match = document->find(needle, 0, flags(false));
    if (!match.isNull()) {
        QTextCursor edit(document);
        edit.beginEditBlock();
        while (!match.isNull()) {
            match.insertText(replacement);
            ++count;
            match = document->find(needle, match, flags(false));
        }
        edit.endEditBlock();
    }
    setNoMatch(count == 0);
    if (count > 0) {
        m_status->setText(tr("Replaced %n occurrence(s)", nullptr, count));
    }
    return count;
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit || watched == m_replaceEdit) {
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
                event->accept(); // Escape belongs to the bar while it has the focus
                return false;
            }
        } else if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
            if (key->key() == Qt::Key_Escape && modifiers == Qt::NoModifier) {
                hideBar();
                return true;
            }
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                if (watched == m_replaceEdit && modifiers == Qt::NoModifier) {
                    replace();
                    return true;
                }
                if (modifiers == Qt::ShiftModifier) {
                    findPrevious();
                    return true;
                }
                if (modifiers == Qt::NoModifier) {
                    findNext();
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hideBar();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace RaceGrade
