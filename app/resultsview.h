#pragma once

#include "grade.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace RaceGrade {

/// Shows the grade of one submission: the score and verdict on top, then a tree of the checks,
/// the races, the other problems and the compiler's messages. Entries that point into the
/// student's file report that place when they are selected, so that the editor can show it.
class ResultsView : public QWidget
{
    Q_OBJECT

public:
    /// Item data of the tree: the 1-based line of an entry in the student's file (int; absent
    /// when the entry has no place there).
    static constexpr int LineRole = Qt::UserRole + 1;
    /// Item data of the tree: the 1-based column of that place, 0 when unknown.
    static constexpr int ColumnRole = Qt::UserRole + 2;
    /// Item data of the tree: true for the entries selectNextProblem() moves through.
    static constexpr int NavigableRole = Qt::UserRole + 3;
    /// Item data of the tree: the section id ("checks", "races", "problems", "compiler") on the
    /// top-level items.
    static constexpr int SectionRole = Qt::UserRole + 4;

    explicit ResultsView(QWidget *parent = nullptr);
    ~ResultsView() override;

    /// Shows a grade in place of whatever was shown.
    void setGrade(const Grade &grade);
    /// Shows what is left of a grading that was cancelled: the verdict "Cancelled" and how long
    /// it ran, no score, and whatever entries the grade has.
    void showCancelled(const Grade &grade);
    /// Forgets the grade and shows a short placeholder.
    void clear();
    /// Hides the results and shows only a message, e.g. "Grading…".
    void showMessage(const QString &message);

    /// The grade shown, if any.
    const std::optional<Grade> &grade() const { return m_grade; }
    /// Whether the grade shown is that of a cancelled grading (see showCancelled()).
    bool isCancelled() const { return m_cancelled; }

    /// The tree of checks, races, problems and compiler messages.
    QTreeWidget *tree() const { return m_tree; }
    /// The top-level item of a section ("checks", "races", "problems", "compiler"; case does not
    /// matter), or null when that section is hidden.
    QTreeWidgetItem *sectionItem(const QString &section) const;
    /// How many entries a section lists; 0 when it is hidden or unknown.
    int entryCount(const QString &section) const;
    /// The text of the header (score, verdict, runs and notes), one label a line.
    QString headerText() const;
    /// The message shown by showMessage(), or the placeholder; empty while a grade is shown.
    QString messageText() const;

public Q_SLOTS:
    /// Selects the next entry with a place in the student's file (a race access, a problem, a
    /// compiler message), wrapping around at the end, and emits locationActivated() for it.
    void selectNextProblem();
    /// Like selectNextProblem(), backwards.
    void selectPreviousProblem();

Q_SIGNALS:
    /// An entry with a place in the student's file was selected or activated. Both are 1-based;
    /// the column is 0 when unknown.
    void locationActivated(int line, int column);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showResults(bool visible);
    void fill(const Grade &grade, bool cancelled);
    void fillHeader(const Grade &grade);
    void fillChecks(const Grade &grade);
    void fillRaces(const Grade &grade);
    void fillProblems(const Grade &grade);
    void fillCompiler(const Grade &grade);
    QTreeWidgetItem *addSection(const QString &id, const QString &title);
    void addStack(QTreeWidgetItem *parent, const Stack &stack, const QString &sourceFile);
    void selectProblem(int step);
    void emitLocationOf(QTreeWidgetItem *item);
    void refreshDecorations();
    QList<QTreeWidgetItem *> navigableItems() const;

    QLabel *m_message = nullptr;
    QWidget *m_header = nullptr;
    QLabel *m_score = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_runs = nullptr;
    QLabel *m_notes = nullptr;
    QTreeWidget *m_tree = nullptr;
    std::optional<Grade> m_grade;
    bool m_cancelled = false;
};

} // namespace RaceGrade
