#pragma once

#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QTextCursor;
class QLabel;
class QLineEdit;
class QToolButton;

namespace RaceGrade {

class CodeEditor;

/// A find-and-replace bar for one CodeEditor, meant to sit below it. Searches wrap around the end
/// of the text. In the find field Enter finds the next match and Shift+Enter the previous one; in
/// the replace field Enter replaces the current match. Escape hides the bar.
class FindReplaceBar : public QWidget
{
    Q_OBJECT

public:
    /// Creates a hidden bar that searches @p editor.
    explicit FindReplaceBar(CodeEditor *editor, QWidget *parent = nullptr);

    /// The editor searched.
    CodeEditor *editor() const;

    /// The text searched for.
    QString findText() const;
    /// Sets the text searched for (without searching).
    void setFindText(const QString &text);
    /// The replacement text.
    QString replaceText() const;
    /// Sets the replacement text.
    void setReplaceText(const QString &text);
    /// Whether matches must have the same case.
    bool isCaseSensitive() const;
    /// Sets whether matches must have the same case.
    void setCaseSensitive(bool sensitive);
    /// Whether matches must be whole words.
    bool isWholeWords() const;
    /// Sets whether matches must be whole words.
    void setWholeWords(bool wholeWords);

    /// Whether the last search found nothing.
    bool hasNoMatch() const;
    /// What the status label says ("No match", a count, ...).
    QString statusText() const;

public Q_SLOTS:
    /// Shows the bar without the replace row and puts the focus in the find field, filled with the
    /// editor's selection when that is on one line.
    void showFind();
    /// Shows the bar with the replace row.
    void showReplace();
    /// Hides the bar and gives the focus back to the editor.
    void hideBar();
    /// Selects the next match after the cursor, wrapping around; false when there is none.
    bool findNext();
    /// Selects the previous match before the cursor, wrapping around; false when there is none.
    bool findPrevious();
    /// Replaces the selected match (if the selection is one) and selects the next one.
    bool replace();
    /// Replaces every match as one undoable edit; returns how many were replaced.
    int replaceAll();

Q_SIGNALS:
    /// The bar was hidden by hideBar() or Escape.
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QTextDocument::FindFlags flags(bool backward) const;
    bool find(bool backward, bool fromSelectionStart = false);
    void matchPosition(const QTextCursor &match, int *index, int *total) const;
    void showBar(bool withReplace);
    void setNoMatch(bool noMatch);
    void updateStatus(const QTextCursor &match, bool wrapped);

    CodeEditor *m_editor;
    QLineEdit *m_findEdit;
    QLineEdit *m_replaceEdit;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QToolButton *m_replaceButton;
    QToolButton *m_replaceAllButton;
    QToolButton *m_closeButton;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QLabel *m_status;
    QList<QWidget *> m_replaceWidgets;
    bool m_noMatch = false;
};

} // namespace RaceGrade
