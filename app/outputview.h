#pragma once

#include "grade.h"

#include <QRegularExpression>
#include <QWidget>

class QTextBrowser;
class QTextCursor;
class QTimer;
class QUrl;

namespace RaceGrade {

/// Shows what programs printed: live while one run goes on, or the output a grading kept (the
/// compiler's messages, a few runs and the race reports). Places in the student's file, such as
/// "main.go:14" or "/tmp/racegrade-x/program/main.go:14 +0x4e", become links that report the
/// place when clicked, and show the student's file name ("counter.go:14").
///
/// What only the grader needs stays out of sight: the hidden tests' verdict lines
/// ("@@racegrade ...") are dropped, and the grader's scratch folder is cut from paths.
class OutputView : public QWidget
{
    Q_OBJECT

public:
    /// The most characters kept; older output is dropped from the top, with a note saying so.
    static constexpr int MaxCharacters = 2 * 1024 * 1024;

    explicit OutputView(QWidget *parent = nullptr);
    ~OutputView() override;

    /// Sets the name of the student's file ("main.go", "counter.go" or a path to it); places in
    /// a file of that name, and in the grader's own copy of it (main.go or main.cpp), become
    /// links that show the file's own name. Affects output added afterwards.
    void setSourceFileName(const QString &fileName);
    /// The name given to setSourceFileName().
    QString sourceFileName() const { return m_sourceFileName; }

    /// Removes all output.
    void clear();
    /// Adds a piece of a running program's output; standard error is shown in another colour.
    /// Pieces need not end at a line break. They are gathered for a few milliseconds and then
    /// shown together, which keeps a chatty program cheap to follow; see flush().
    void appendOutput(const QString &text, bool isError);
    /// Shows at once the output that appendOutput() is still gathering.
    void flush();
    /// Adds a line about the run itself, such as "exit status 0 after 0.4 s".
    void appendStatus(const QString &text);
    /// Replaces the output with what a grading kept: the compiler's output when the build
    /// failed or warned, the output of each kept run, and the race reports. When no file name
    /// was set, the grade's source file is used.
    void setGrade(const Grade &grade);

    /// All text shown, without formatting (after a flush()).
    QString plainText() const;
    /// After a flush(), the places the links point to, in order: "14" for a line, "20:5" for a line
    /// and column.
    QStringList linkTargets() const;
    /// Acts as if the link to a place ("14", "20:5") had been clicked.
    void activateLink(const QString &target);
    /// The text browser that shows the output.
    QTextBrowser *browser() const { return m_browser; }

Q_SIGNALS:
    /// A link to the student's file was clicked. Both are 1-based; the column is 0 when the
    /// output gave none.
    void locationActivated(int line, int column);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct QueuedOutput
    {
        QString text;
        bool isError = false;
    };

    void writeOutput(QTextCursor &cursor, QString chunk, bool isError);
    void insertText(QTextCursor &cursor, const QString &text, int tone, bool linkify);
    void appendBlock(const QString &text, int tone, bool linkify);
    void appendHeading(const QString &text);
    void startLine(QTextCursor &cursor);
    void trim();
    void recolour();
    void openLink(const QUrl &url);
    bool isScrolledToEnd() const;
    void scrollToEnd();
    QColor colourFor(int tone) const;

    QTextBrowser *m_browser = nullptr;
    QTimer *m_flushTimer = nullptr;
    QVector<QueuedOutput> m_queued; ///< live output not shown yet
    int m_queuedSize = 0;
    QString m_sourceFileName;
    QString m_displayName; ///< what a link to the student's file shows: the file's own name
    QRegularExpression m_placePattern;
    QString m_pendingLine;  ///< the unfinished last line of live output, re-scanned when it grows
    int m_pendingShown = 0; ///< characters the unfinished line takes in the document
    bool m_pendingIsError = false;
    bool m_pendingStartsLine = false; ///< the unfinished line is a line of its own
    bool m_atLineStart = true;
    int m_noticeLength = 0; ///< characters of the "earlier output was dropped" note on top
};

} // namespace RaceGrade
