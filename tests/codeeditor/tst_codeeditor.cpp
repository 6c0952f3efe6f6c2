#include "codeeditor.h"
#include "editortheme.h"
#include "findreplacebar.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolTip>
#include <QWheelEvent>

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#endif

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::Language)

namespace {

const QString sixLines = QStringLiteral("one\ntwo\nthree\nfour\nfive\nsix");

/// Loads @p text into @p editor; a '|' in it marks where the cursor goes and is removed.
void load(CodeEditor &editor, const QString &text)
{
    const int cursor = int(text.indexOf(QLatin1Char('|')));
    QString plain = text;
    plain.remove(QLatin1Char('|'));
    editor.loadText(plain);
    QTextCursor c = editor.textCursor();
    c.setPosition(cursor < 0 ? int(plain.size()) : cursor);
    editor.setTextCursor(c);
}

/// The editor's text with a '|' where the cursor is.
QString textWithCursor(const CodeEditor &editor)
{
    QString text = editor.toPlainText();
    text.insert(editor.textCursor().position(), QLatin1Char('|'));
    return text;
}

int lineStart(const CodeEditor &editor, int line)
{
    return editor.document()->findBlockByNumber(line - 1).position();
}

int lineEnd(const CodeEditor &editor, int line)
{
    const QTextBlock block = editor.document()->findBlockByNumber(line - 1);
    return block.position() + block.length() - 1;
}

/// Deletes the text from @p from to @p to with the editor's own cursor, as a user would.
void deleteRange(CodeEditor &editor, int from, int to)
{
    QTextCursor c = editor.textCursor();
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    editor.setTextCursor(c);
    QTest::keyClick(&editor, Qt::Key_Delete);
}

void placeCursor(CodeEditor &editor, int position)
{
    QTextCursor c = editor.textCursor();
    c.setPosition(position);
    editor.setTextCursor(c);
}

QVector<int> markLines(const CodeEditor &editor)
{
    QVector<int> lines;
    const QVector<LineMark> marks = editor.marks();
    for (const LineMark &mark : marks) {
        lines.append(mark.line);
    }
    return lines;
}

/// Edits sixLines in @p editor as a student would; @p edit names the edit.
void editSixLines(CodeEditor &editor, const QString &edit)
{
    if (edit == u"insertTop") {
        placeCursor(editor, 0);
        editor.insertPlainText(QStringLiteral("a\nb\n"));
    } else if (edit == u"typeThreeLinesAtTop") {
        placeCursor(editor, 0);
        for (const char *line : {"// one", "// two", "// three"}) {
            QTest::keyClicks(&editor, QLatin1String(line));
            QTest::keyClick(&editor, Qt::Key_Return);
        }
    } else if (edit == u"returnAtStart3") {
        placeCursor(editor, lineStart(editor, 3));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == u"returnAtEnd3") {
        placeCursor(editor, lineEnd(editor, 3));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == u"deleteLine2") {
        deleteRange(editor, lineStart(editor, 2), lineStart(editor, 3));
    } else if (edit == u"typeOn3") {
        placeCursor(editor, lineStart(editor, 3));
        QTest::keyClicks(&editor, QStringLiteral("xy"));
    } else if (edit == u"backspaceAt3") {
        placeCursor(editor, lineStart(editor, 3));
        QTest::keyClick(&editor, Qt::Key_Backspace);
    } else if (edit == u"undoInsertTop") {
        placeCursor(editor, 0);
        QTest::keyClicks(&editor, QStringLiteral("a"));
        QTest::keyClick(&editor, Qt::Key_Return);
        while (editor.document()->isUndoAvailable()) {
            editor.undo();
        }
    } else if (edit == u"returnAtStart6") {
        placeCursor(editor, lineStart(editor, 6));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == u"returnAtEnd6") {
        placeCursor(editor, lineEnd(editor, 6));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == u"deleteLine3") {
        deleteRange(editor, lineStart(editor, 3), lineStart(editor, 4));
    } else if (edit == u"deleteMiddle2to4") {
        deleteRange(editor, lineStart(editor, 2) + 1, lineStart(editor, 4) + 2);
    } else if (edit == u"deleteLine6") {
        deleteRange(editor, lineEnd(editor, 5), lineEnd(editor, 6));
    } else if (edit == u"deleteAll") {
        deleteRange(editor, 0, lineEnd(editor, 6));
    } else {
        QVERIFY2(edit == u"nothing", qPrintable(edit));
    }
}

QLineEdit *lineEditNamed(const FindReplaceBar &bar, const QString &accessibleName)
{
    const auto edits = bar.findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->accessibleName() == accessibleName) {
            return edit;
        }
    }
    return nullptr;
}

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksFollowTheirLines_data();
    void marksFollowTheirLines();
    void marksDropOutsideText();
    void markOnEmptyLineGoesWithDelete();
    void toolTipForLine();
    void toolTipShownOnHover();
    void loadAndReplaceAllTextClearMarks();
    void textEditedOnlyForEdits();
    void tabInsertsIndentUnit_data();
    void tabInsertsIndentUnit();
    void returnKeepsIndentation_data();
    void returnKeepsIndentation();
    void closingBraceDedents_data();
    void closingBraceDedents();
    void shiftLines_data();
    void shiftLines();
    void matchingBracket_data();
    void matchingBracket();
    void goToLineClamps_data();
    void goToLineClamps();
    void trackedLinesFollowEdits_data();
    void trackedLinesFollowEdits();
    void goToTrackedPlace_data();
    void goToTrackedPlace();
    void trackingStopsWithNewText();
    void zoom();
    void controlEqualsZoomsIn();
    void gutterGrowsWithDigits();
    void themeFollowsPalette();
    void markColoursDiffer();
    void syntaxDefinition();
    void newTextRightAfterRecolouring();
    void replaceAllIsOneUndoStep_data();
    void replaceAllIsOneUndoStep();
    void replaceOne();
    void findWrapsAround();
    void findNoMatch();
    void findBarKeys();
};

void TestCodeEditor::marksFollowTheirLines_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QVector<int>>("expected");

    // The text is sixLines, with marks on line 3 and on line 6 (the last one).
    QTest::newRow("nothing") << "nothing" << QVector<int>{3, 6};
    QTest::newRow("two lines inserted at the top") << "insertTop" << QVector<int>{5, 8};
    QTest::newRow("Return at the start of the marked line")
        << "returnAtStart3" << QVector<int>{4, 7};
    QTest::newRow("Return at the end of the marked line") << "returnAtEnd3" << QVector<int>{3, 7};
    QTest::newRow("line above deleted") << "deleteLine2" << QVector<int>{2, 5};
    QTest::newRow("typing on the marked line") << "typeOn3" << QVector<int>{3, 6};
    QTest::newRow("marked line joined to the one above") << "backspaceAt3" << QVector<int>{2, 5};
    QTest::newRow("insertion above undone") << "undoInsertTop" << QVector<int>{3, 6};
    QTest::newRow("Return at the end of the last line") << "returnAtEnd6" << QVector<int>{3, 6};
    QTest::newRow("Return at the start of the last line") << "returnAtStart6" << QVector<int>{3, 7};
    QTest::newRow("content of the marked line cleared") << "clearText3" << QVector<int>{3, 6};
    QTest::newRow("marked line deleted") << "deleteLine3" << QVector<int>{5};
    QTest::newRow("lines 2 to 4 cut through the middle") << "deleteMiddle2to4" << QVector<int>{4};
    QTest::newRow("last line deleted") << "deleteLine6" << QVector<int>{3};
    QTest::newRow("whole text deleted") << "deleteAll" << QVector<int>{};
}

void TestCodeEditor::marksFollowTheirLines()
{
    QFETCH(QString, edit);
    QFETCH(QVector<int>, expected);

    CodeEditor editor;
    editor.loadText(sixLines);
    editor.setMarks({{3, LineMarkKind::RaceThisAccess, QStringLiteral("write")},
                     {6, LineMarkKind::RaceOtherAccess, QStringLiteral("read")}});
    QSignalSpy changed(&editor, &CodeEditor::marksChanged);

    if (edit == QLatin1String("insertTop")) {
        placeCursor(editor, 0);
        editor.insertPlainText(QStringLiteral("a\nb\n"));
    } else if (edit == QLatin1String("returnAtStart3")) {
        placeCursor(editor, lineStart(editor, 3));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == QLatin1String("returnAtEnd3")) {
        placeCursor(editor, lineEnd(editor, 3));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == QLatin1String("deleteLine2")) {
        deleteRange(editor, lineStart(editor, 2), lineStart(editor, 3));
    } else if (edit == QLatin1String("typeOn3")) {
        placeCursor(editor, lineStart(editor, 3));
        QTest::keyClicks(&editor, QStringLiteral("xy"));
        placeCursor(editor, lineEnd(editor, 3));
        QTest::keyClicks(&editor, QStringLiteral("z"));
    } else if (edit == QLatin1String("backspaceAt3")) {
        placeCursor(editor, lineStart(editor, 3));
        QTest::keyClick(&editor, Qt::Key_Backspace);
    } else if (edit == QLatin1String("undoInsertTop")) {
        placeCursor(editor, 0);
        QTest::keyClicks(&editor, QStringLiteral("a"));
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(markLines(editor), (QVector<int>{4, 7}));
        while (editor.document()->isUndoAvailable()) {
            editor.undo();
        }
    } else if (edit == QLatin1String("returnAtEnd6")) {
        placeCursor(editor, lineEnd(editor, 6));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == QLatin1String("returnAtStart6")) {
        placeCursor(editor, lineStart(editor, 6));
        QTest::keyClick(&editor, Qt::Key_Return);
    } else if (edit == QLatin1String("clearText3")) {
        deleteRange(editor, lineStart(editor, 3), lineEnd(editor, 3));
    } else if (edit == QLatin1String("deleteLine3")) {
        deleteRange(editor, lineStart(editor, 3), lineStart(editor, 4));
    } else if (edit == QLatin1String("deleteMiddle2to4")) {
        deleteRange(editor, lineStart(editor, 2) + 1, lineStart(editor, 4) + 2);
    } else if (edit == QLatin1String("deleteLine6")) {
        deleteRange(editor, lineEnd(editor, 5), lineEnd(editor, 6));
    } else if (edit == QLatin1String("deleteAll")) {
        deleteRange(editor, 0, lineEnd(editor, 6));
    } else {
        QCOMPARE(edit, QStringLiteral("nothing"));
    }

    QCOMPARE(markLines(editor), expected);
    if (expected != QVector<int>{3, 6}) {
        QVERIFY(changed.count() > 0);
    }
    // Whatever survives keeps its kind and tooltip.
    const QVector<LineMark> marks = editor.marks();
    for (const LineMark &mark : marks) {
        QCOMPARE(mark.tooltip, mark.kind == LineMarkKind::RaceThisAccess ? QStringLiteral("write")
                                                                         : QStringLiteral("read"));
    }
}

void TestCodeEditor::marksDropOutsideText()
{
    CodeEditor editor;
    editor.loadText(QStringLiteral("a\nb"));
    QSignalSpy changed(&editor, &CodeEditor::marksChanged);
    editor.setMarks({{0, LineMarkKind::CompileError, {}},
                     {2, LineMarkKind::CompileWarning, {}},
                     {3, LineMarkKind::CompileError, {}}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(editor.marks().size(), 1);
    QCOMPARE(editor.marks().first().line, 2);
    QCOMPARE(editor.marks().first().kind, LineMarkKind::CompileWarning);
    editor.clearMarks();
    QCOMPARE(changed.count(), 2);
    QVERIFY(editor.marks().isEmpty());
}

void TestCodeEditor::markOnEmptyLineGoesWithDelete()
{
    CodeEditor editor;
    editor.loadText(QStringLiteral("a\n\nc"));
    editor.setMarks({{2, LineMarkKind::CompileError, {}}, {3, LineMarkKind::CompileError, {}}});
    placeCursor(editor, lineStart(editor, 2));
    QTest::keyClick(&editor, Qt::Key_Delete);
    QCOMPARE(editor.toPlainText(), QStringLiteral("a\nc"));
    QCOMPARE(markLines(editor), QVector<int>{2});
}

void TestCodeEditor::toolTipForLine()
{
    CodeEditor editor;
    editor.loadText(sixLines);
    editor.setMarks({{3, LineMarkKind::RaceThisAccess, QStringLiteral("Write by goroutine 7")},
                     {5, LineMarkKind::CompileWarning, QStringLiteral("unused variable")},
                     {3, LineMarkKind::RaceOtherAccess, QStringLiteral("Read by goroutine 8")}});
    QCOMPARE(editor.toolTipForLine(3), QStringLiteral("Write by goroutine 7\nRead by goroutine 8"));
    QCOMPARE(editor.toolTipForLine(5), QStringLiteral("unused variable"));
    QVERIFY(editor.toolTipForLine(4).isEmpty());

    placeCursor(editor, 0);
    editor.insertPlainText(QStringLiteral("new\n"));
    QVERIFY(editor.toolTipForLine(3).isEmpty());
    QCOMPARE(editor.toolTipForLine(4), QStringLiteral("Write by goroutine 7\nRead by goroutine 8"));
}

void TestCodeEditor::toolTipShownOnHover()
{
    CodeEditor editor;
    editor.resize(400, 300);
    editor.loadText(sixLines);
    editor.setMarks({{2, LineMarkKind::CompileError, QStringLiteral("undefined: x")}});
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QTextCursor second(editor.document()->findBlockByNumber(1));
    const QPoint inText = editor.cursorRect(second).center() + QPoint(2, 0);
    QHelpEvent overText(QEvent::ToolTip, inText, editor.viewport()->mapToGlobal(inText));
    QApplication::sendEvent(editor.viewport(), &overText);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QStringLiteral("undefined: x")));
    QToolTip::hideText();

    // The same line in the gutter.
    QWidget *gutter = editor.findChild<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    const auto children = editor.findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly);
    for (QWidget *child : children) {
        if (child->metaObject()->className() == QByteArray("RaceGrade::LineNumberArea")) {
            gutter = child;
        }
    }
    QVERIFY(gutter);
    const QPoint inGutter(gutter->width() / 2, inText.y());
    QHelpEvent overGutter(QEvent::ToolTip, inGutter, gutter->mapToGlobal(inGutter));
    QApplication::sendEvent(gutter, &overGutter);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(QStringLiteral("undefined: x")));
    QToolTip::hideText();
}

void TestCodeEditor::loadAndReplaceAllTextClearMarks()
{
    CodeEditor editor;
    editor.loadText(QStringLiteral("package main\n"));
    editor.insertPlainText(QStringLiteral("// edited\n"));
    const QString edited = editor.text();
    editor.setMarks({{1, LineMarkKind::CompileError, {}}});

    editor.replaceAllText(QStringLiteral("starter\ncode\n"));
    QCOMPARE(editor.text(), QStringLiteral("starter\ncode\n"));
    QVERIFY(editor.marks().isEmpty());
    QVERIFY(editor.document()->isUndoAvailable());
    editor.undo();
    QCOMPARE(editor.text(), edited);

    editor.setMarks({{1, LineMarkKind::CompileError, {}}});
    editor.loadText(QStringLiteral("fresh"));
    QVERIFY(editor.marks().isEmpty());
    QVERIFY(!editor.document()->isUndoAvailable());
    QVERIFY(!editor.document()->isModified());
    QCOMPARE(editor.textCursor().position(), 0);
}

void TestCodeEditor::textEditedOnlyForEdits()
{
    CodeEditor editor;
    QSignalSpy edited(&editor, &CodeEditor::textEdited);
    editor.loadText(QStringLiteral("package main\n\nfunc main() {}\n"));
    editor.setLanguage(Language::Cpp);
    editor.setLanguage(Language::Go);
    QCOMPARE(edited.count(), 0);

    QTest::keyClicks(&editor, QStringLiteral("x"));
    QVERIFY(edited.count() > 0);
    const int afterTyping = edited.count();
    editor.undo();
    QVERIFY(edited.count() > afterTyping);
    const int afterUndo = edited.count();
    editor.replaceAllText(QStringLiteral("reset"));
    QVERIFY(edited.count() > afterUndo);
}

void TestCodeEditor::tabInsertsIndentUnit_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    QTest::newRow("Go, line start") << Language::Go << "|x"
                                    << "\t|x";
    QTest::newRow("Go, after text") << Language::Go << "ab|"
                                    << "ab\t|";
    QTest::newRow("C++, line start") << Language::Cpp << "|x"
                                     << "    |x";
    QTest::newRow("C++, up to the next stop") << Language::Cpp << "ab|"
                                              << "ab  |";
    QTest::newRow("C++, after an indent") << Language::Cpp << "    |x"
                                          << "        |x";
}

void TestCodeEditor::tabInsertsIndentUnit()
{
    QFETCH(Language, language);
    QFETCH(QString, before);
    QFETCH(QString, after);

    CodeEditor editor;
    editor.setLanguage(language);
    load(editor, before);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(textWithCursor(editor), after);
    QCOMPARE(editor.indentUnit(),
             language == Language::Go ? QStringLiteral("\t") : QStringLiteral("    "));
}

void TestCodeEditor::returnKeepsIndentation_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    QTest::newRow("Go, after {") << Language::Go << "func main() {|"
                                 << "func main() {\n\t|";
    QTest::newRow("C++, after {") << Language::Cpp << "int main() {|"
                                  << "int main() {\n    |";
    QTest::newRow("Go, keeps indentation") << Language::Go << "\tx := 1|"
                                           << "\tx := 1\n\t|";
    QTest::newRow("C++, keeps indentation") << Language::Cpp << "    f();|"
                                            << "    f();\n    |";
    QTest::newRow("Go, after (") << Language::Go << "\tgo func(|"
                                 << "\tgo func(\n\t\t|";
    QTest::newRow("C++, after [") << Language::Cpp << "int a[|"
                                  << "int a[\n    |";
    QTest::newRow("Go, between braces") << Language::Go << "\tif x {|}"
                                        << "\tif x {\n\t\t|\n\t}";
    QTest::newRow("C++, between braces") << Language::Cpp << "{|}"
                                         << "{\n    |\n}";
    QTest::newRow("trailing blanks dropped") << Language::Cpp << "x;   |"
                                             << "x;\n|";
    QTest::newRow("splits a line") << Language::Go << "\ta := |b"
                                   << "\ta :=\n\t|b";
    QTest::newRow("inside the indentation") << Language::Cpp << "  |  x"
                                            << "\n  |  x";
}

void TestCodeEditor::returnKeepsIndentation()
{
    QFETCH(Language, language);
    QFETCH(QString, before);
    QFETCH(QString, after);

    CodeEditor editor;
    editor.setLanguage(language);
    load(editor, before);
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(textWithCursor(editor), after);
    // One undo step takes the whole Return back.
    editor.undo();
    QString original = before;
    QCOMPARE(editor.toPlainText(), original.remove(QLatin1Char('|')));
}

void TestCodeEditor::closingBraceDedents_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");

    QTest::newRow("Go") << Language::Go << "\t\t|"
                        << "\t}|";
    QTest::newRow("C++") << Language::Cpp << "        |"
                         << "    }|";
    QTest::newRow("C++, off the stop") << Language::Cpp << "      |"
                                       << "    }|";
    QTest::newRow("Go, no indentation") << Language::Go << "|"
                                        << "}|";
    QTest::newRow("after text") << Language::Cpp << "    x|"
                                << "    x}|";
    QTest::newRow("in a later line") << Language::Go << "func f() {\n\tx()\n\t|"
                                     << "func f() {\n\tx()\n}|";
}

void TestCodeEditor::closingBraceDedents()
{
    QFETCH(Language, language);
    QFETCH(QString, before);
    QFETCH(QString, after);

    CodeEditor editor;
    editor.setLanguage(language);
    load(editor, before);
    QTest::keyClicks(&editor, QStringLiteral("}"));
    QCOMPARE(textWithCursor(editor), after);
}

void TestCodeEditor::shiftLines_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("before");
    QTest::addColumn<bool>("selectAll");
    QTest::addColumn<bool>("shift");
    QTest::addColumn<QString>("after");

    QTest::newRow("Go, Shift+Tab on a selection")
        << Language::Go << "\t\ta\n\tb\nc" << true << true << "\ta\nb\nc";
    QTest::newRow("C++, Shift+Tab on a selection")
        << Language::Cpp << "        a\n    b\n  c" << true << true << "    a\nb\nc";
    QTest::newRow("Go, Shift+Tab on the cursor line")
        << Language::Go << "x\n\t\ty" << false << true << "x\n\ty";
    QTest::newRow("Go, Tab on a selection")
        << Language::Go << "a\n\tb" << true << false << "\ta\n\t\tb";
    QTest::newRow("C++, Tab on a selection leaves blank lines")
        << Language::Cpp << "a\n\nb" << true << false << "    a\n\n    b";
}

void TestCodeEditor::shiftLines()
{
    QFETCH(Language, language);
    QFETCH(QString, before);
    QFETCH(bool, selectAll);
    QFETCH(bool, shift);
    QFETCH(QString, after);

    CodeEditor editor;
    editor.setLanguage(language);
    editor.loadText(before);
    if (selectAll) {
        editor.selectAll();
    } else {
        editor.moveCursor(QTextCursor::End);
    }
    if (shift) {
        QTest::keyClick(&editor, Qt::Key_Backtab, Qt::ShiftModifier);
    } else {
        QTest::keyClick(&editor, Qt::Key_Tab);
    }
    QCOMPARE(editor.toPlainText(), after);
    if (selectAll) {
        // The lines stay selected, and the shift is one undo step.
        QCOMPARE(editor.textCursor().selectedText().size(), after.size());
        editor.undo();
        QCOMPARE(editor.toPlainText(), before);
    }

    // Shift+Tab may also arrive as Tab with Shift.
    if (shift) {
        editor.loadText(before);
        editor.selectAll();
        QTest::keyClick(&editor, Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(editor.toPlainText(), after);
    }
}

void TestCodeEditor::matchingBracket_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("expected");

    const QString nested = QStringLiteral("f(a(b)c)");
    QTest::newRow("outer opening") << Language::Go << nested << 1 << 7;
    QTest::newRow("outer closing") << Language::Go << nested << 7 << 1;
    QTest::newRow("inner") << Language::Go << nested << 3 << 5;
    QTest::newRow("not a bracket") << Language::Go << nested << 0 << -1;
    QTest::newRow("out of range") << Language::Go << nested << 8 << -1;
    QTest::newRow("unbalanced") << Language::Go << QStringLiteral("f((x)") << 1 << -1;
    QTest::newRow("braces over lines")
        << Language::Go << QStringLiteral("func f() {\n\tif x {\n\t}\n}") << 9 << 22;
    QTest::newRow("square") << Language::Cpp << QStringLiteral("a[b[1]]") << 1 << 6;
    QTest::newRow("string skipped") << Language::Go << QStringLiteral("f(\")\\\")\")") << 1 << 8;
    QTest::newRow("rune skipped") << Language::Go << QStringLiteral("f(')')") << 1 << 5;
    QTest::newRow("Go raw string skipped") << Language::Go << QStringLiteral("f(`)\n)`)") << 1 << 7;
    QTest::newRow("line comment skipped")
        << Language::Cpp << QStringLiteral("f( // )\n)") << 1 << 8;
    QTest::newRow("block comment skipped")
        << Language::Cpp << QStringLiteral("f(/* ) */)") << 1 << 9;
    QTest::newRow("bracket in a comment has no partner")
        << Language::Cpp << QStringLiteral("// (\n()") << 3 << -1;
    QTest::newRow("C++ digit separator")
        << Language::Cpp << QStringLiteral("f(1'000, ')')") << 1 << 12;
    QTest::newRow("C++ raw string skipped")
        << Language::Cpp << QStringLiteral("f(R\"x()\")x\")") << 1 << 11;
}

void TestCodeEditor::matchingBracket()
{
    QFETCH(Language, language);
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(int, expected);

    CodeEditor editor;
    editor.setLanguage(language);
    editor.loadText(text);
    QCOMPARE(editor.matchingBracketPosition(position), expected);
}

void TestCodeEditor::goToLineClamps_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("expected");

    QTest::newRow("inside") << 4 << 4;
    QTest::newRow("first") << 1 << 1;
    QTest::newRow("last") << 6 << 6;
    QTest::newRow("zero") << 0 << 1;
    QTest::newRow("negative") << -3 << 1;
    QTest::newRow("past the end") << 99 << 6;
}

void TestCodeEditor::goToLineClamps()
{
    QFETCH(int, line);
    QFETCH(int, expected);

    CodeEditor editor;
    editor.loadText(sixLines);
    placeCursor(editor, lineEnd(editor, 3));
    editor.goToLine(line);
    QCOMPARE(editor.currentLine(), expected);
    QCOMPARE(editor.textCursor().positionInBlock(), 0);
}

void TestCodeEditor::trackedLinesFollowEdits_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<QVector<int>>("expected"); // where lines 1 to 6 are now; 0: deleted

    QTest::newRow("nothing") << "nothing" << QVector<int>{1, 2, 3, 4, 5, 6};
    QTest::newRow("two lines inserted at the top") << "insertTop" << QVector<int>{3, 4, 5, 6, 7, 8};
    QTest::newRow("three lines typed at the top")
        << "typeThreeLinesAtTop" << QVector<int>{4, 5, 6, 7, 8, 9};
    QTest::newRow("Return at the start of line 3")
        << "returnAtStart3" << QVector<int>{1, 2, 4, 5, 6, 7};
    QTest::newRow("Return at the end of line 3")
        << "returnAtEnd3" << QVector<int>{1, 2, 3, 5, 6, 7};
    QTest::newRow("line 2 deleted") << "deleteLine2" << QVector<int>{1, 0, 2, 3, 4, 5};
    QTest::newRow("typing on line 3") << "typeOn3" << QVector<int>{1, 2, 3, 4, 5, 6};
    QTest::newRow("line 3 joined to line 2") << "backspaceAt3" << QVector<int>{1, 2, 2, 3, 4, 5};
    QTest::newRow("insertion at the top undone")
        << "undoInsertTop" << QVector<int>{1, 2, 3, 4, 5, 6};
    QTest::newRow("Return at the start of the last line")
        << "returnAtStart6" << QVector<int>{1, 2, 3, 4, 5, 7};
    QTest::newRow("Return at the end of the last line")
        << "returnAtEnd6" << QVector<int>{1, 2, 3, 4, 5, 6};
    QTest::newRow("line 3 deleted") << "deleteLine3" << QVector<int>{1, 2, 0, 3, 4, 5};
    QTest::newRow("lines 2 to 4 cut through the middle")
        << "deleteMiddle2to4" << QVector<int>{1, 2, 0, 2, 3, 4};
    QTest::newRow("last line deleted") << "deleteLine6" << QVector<int>{1, 2, 3, 4, 5, 0};
    QTest::newRow("whole text deleted") << "deleteAll" << QVector<int>{0, 0, 0, 0, 0, 0};
}

void TestCodeEditor::trackedLinesFollowEdits()
{
    QFETCH(QString, edit);
    QFETCH(QVector<int>, expected);

    CodeEditor editor;
    editor.loadText(sixLines);
    QVERIFY(!editor.isTrackingLines());
    editor.trackLines();
    QVERIFY(editor.isTrackingLines());
    editSixLines(editor, edit);

    QVector<int> lines;
    for (int line = 1; line <= 6; ++line) {
        lines.append(editor.trackedLine(line));
    }
    QCOMPARE(lines, expected);
    QCOMPARE(editor.trackedLine(0), 0);
    QCOMPARE(editor.trackedLine(7), 0);

    // Marks laid on the tracked lines land on the same lines.
    QVector<LineMark> marks;
    for (int line = 1; line <= 6; ++line) {
        if (editor.trackedLine(line) > 0) {
            marks.append(LineMark{editor.trackedLine(line), LineMarkKind::CompileError, {}});
        }
    }
    editor.setMarks(marks);
    QCOMPARE(editor.marks().size(), marks.size());
}

void TestCodeEditor::goToTrackedPlace_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("expectedLine");
    QTest::addColumn<int>("expectedColumn"); // 1-based

    QTest::newRow("untouched") << "nothing" << 4 << 3 << 4 << 3;
    QTest::newRow("no column") << "nothing" << 4 << 0 << 4 << 1;
    QTest::newRow("lines typed above") << "typeThreeLinesAtTop" << 4 << 2 << 7 << 2;
    QTest::newRow("text typed before the column") << "typeOn3" << 3 << 2 << 3 << 4;
    QTest::newRow("column past the line's end") << "nothing" << 2 << 40 << 2 << 4;
    QTest::newRow("deleted line: where it was") << "deleteLine3" << 3 << 2 << 3 << 1;
    QTest::newRow("line past the end") << "nothing" << 12 << 1 << 6 << 1;
}

void TestCodeEditor::goToTrackedPlace()
{
    QFETCH(QString, edit);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, expectedLine);
    QFETCH(int, expectedColumn);

    CodeEditor editor;
    editor.loadText(sixLines);
    editor.trackLines();
    editSixLines(editor, edit);
    editor.goToTrackedPlace(line, column);
    QCOMPARE(editor.currentLine(), expectedLine);
    QCOMPARE(editor.textCursor().positionInBlock() + 1, expectedColumn);
}

void TestCodeEditor::trackingStopsWithNewText()
{
    CodeEditor editor;
    editor.loadText(sixLines);
    editor.trackLines();
    editSixLines(editor, QStringLiteral("insertTop"));
    QCOMPARE(editor.trackedLine(1), 3);

    // Starter code back: the old lines are gone, and places are taken as they are, which is also
    // right when Undo brings the old text back.
    editor.replaceAllText(sixLines);
    QVERIFY(!editor.isTrackingLines());
    QCOMPARE(editor.trackedLine(1), 1);
    editor.undo();
    QCOMPARE(editor.trackedLine(1), 1);
    editor.goToTrackedPlace(5, 2);
    QCOMPARE(editor.currentLine(), 5);
    QCOMPARE(editor.textCursor().positionInBlock(), 1);

    editor.trackLines();
    editor.loadText(QStringLiteral("x\ny"));
    QVERIFY(!editor.isTrackingLines());
    QCOMPARE(editor.trackedLine(2), 2);
    QCOMPARE(editor.trackedLine(3), 0);
}

void TestCodeEditor::zoom()
{
    CodeEditor editor;
    QFont font(QStringLiteral("Monospace"));
    font.setPointSize(10);
    editor.setEditorFont(font);
    QSignalSpy zoomed(&editor, &CodeEditor::zoomChanged);
    const int narrowGutter = editor.lineNumberAreaWidth();

    editor.zoomIn();
    editor.zoomIn();
    QCOMPARE(editor.font().pointSizeF(), 12.0);
    QCOMPARE(editor.zoomStep(), 2);
    QVERIFY(editor.lineNumberAreaWidth() > narrowGutter);
    editor.zoomOut();
    QCOMPARE(editor.font().pointSizeF(), 11.0);
    editor.resetZoom();
    QCOMPARE(editor.font().pointSizeF(), 10.0);
    QCOMPARE(editor.zoomStep(), 0);
    QCOMPARE(zoomed.count(), 4);

    for (int i = 0; i < 20; ++i) {
        editor.zoomOut();
    }
    QCOMPARE(editor.font().pointSizeF(), 6.0);
    editor.resetZoom();

    // Ctrl+wheel zooms too.
    const QPointF centre(editor.viewport()->rect().center());
    QWheelEvent wheel(centre, QPointF(editor.viewport()->mapToGlobal(centre.toPoint())), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(editor.viewport(), &wheel);
    QCOMPARE(editor.font().pointSizeF(), 11.0);
    QCOMPARE(editor.editorFont().pointSizeF(), 10.0);
}

void TestCodeEditor::controlEqualsZoomsIn()
{
    CodeEditor editor;
    QFont font(QStringLiteral("Monospace"));
    font.setPointSize(10);
    editor.setEditorFont(font);
    QTest::keyClick(&editor, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(editor.zoomStep(), 1);
    QTest::keyClick(&editor, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(editor.zoomStep(), 2);
    QTest::keyClick(&editor, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(editor.zoomStep(), 1);
    // Typed without Ctrl, "=" is text.
    QTest::keyClick(&editor, Qt::Key_Equal);
    QCOMPARE(editor.toPlainText(), QStringLiteral("="));
}

void TestCodeEditor::gutterGrowsWithDigits()
{
    CodeEditor editor;
    editor.loadText(sixLines);
    const int small = editor.lineNumberAreaWidth();
    QStringList many;
    for (int i = 0; i < 1200; ++i) {
        many.append(QString::number(i));
    }
    editor.loadText(many.join(QLatin1Char('\n')));
    const int large = editor.lineNumberAreaWidth();
    QVERIFY2(large > small, qPrintable(QStringLiteral("%1 vs %2").arg(large).arg(small)));
    QCOMPARE(editor.viewport()->geometry().left() - editor.contentsRect().left(), large);
}

void TestCodeEditor::themeFollowsPalette()
{
    const QPalette original = QApplication::palette();
    CodeEditor editor;
    QPalette light;
    light.setColor(QPalette::Window, QColor(239, 239, 239));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    // Qt 6 delivers the change of the application palette through the event loop.
    QApplication::setPalette(light);
    QTRY_VERIFY(!editor.colors().dark);
    QVERIFY(editor.colors().background.lightness() > 128);

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(35, 38, 41));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(27, 30, 32));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    QApplication::setPalette(dark);
    QTRY_VERIFY(editor.colors().dark);
    QVERIFY(editor.colors().background.lightness() < 128);
    QVERIFY(editor.colors().text.lightness() > 128);
    QCOMPARE(editor.palette().color(QPalette::Base), editor.colors().background);

#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    const QStringList names = EditorTheme::availableThemeNames();
    QVERIFY(names.size() >= 2);
    const QString lightName =
        EditorTheme::repository().defaultTheme(KSyntaxHighlighting::Repository::LightTheme).name();
    QVERIFY(names.contains(lightName));
    editor.setThemeName(lightName);
    QVERIFY(!editor.colors().dark); // a named theme wins over the dark palette
    editor.setThemeName(QString());
    QVERIFY(editor.colors().dark);
#else
    QVERIFY(EditorTheme::availableThemeNames().isEmpty());
#endif
    QApplication::setPalette(original);
    QTRY_VERIFY(!editor.colors().dark);
}

void TestCodeEditor::markColoursDiffer()
{
    const QVector<LineMarkKind> kinds{LineMarkKind::RaceThisAccess, LineMarkKind::RaceOtherAccess,
                                      LineMarkKind::CompileError, LineMarkKind::CompileWarning};
    for (const bool dark : {false, true}) {
        EditorColors colors;
        colors.dark = dark;
        colors.background = dark ? QColor(35, 38, 41) : QColor(255, 255, 255);
        colors.text = dark ? Qt::white : Qt::black;
        for (int i = 0; i < kinds.size(); ++i) {
            const QColor a = EditorTheme::markBackground(kinds.at(i), colors);
            QVERIFY(a != colors.background);
            QCOMPARE(a.lightness() < 128, dark); // text on it stays readable
            for (int j = i + 1; j < kinds.size(); ++j) {
                const QColor b = EditorTheme::markBackground(kinds.at(j), colors);
                const int distance = qAbs(a.red() - b.red()) + qAbs(a.green() - b.green()) +
                                     qAbs(a.blue() - b.blue());
                QVERIFY2(
                    distance > 30,
                    qPrintable(QStringLiteral("kinds %1 and %2: %3").arg(i).arg(j).arg(distance)));
            }
        }
    }
}

void TestCodeEditor::syntaxDefinition()
{
    CodeEditor editor;
#ifdef RACEGRADE_HAVE_KSYNTAXHIGHLIGHTING
    editor.setLanguage(Language::Go);
    QCOMPARE(editor.syntaxDefinitionName(), QStringLiteral("Go"));
    editor.setLanguage(Language::Cpp);
    QCOMPARE(editor.syntaxDefinitionName(), QStringLiteral("C++"));
#else
    editor.setLanguage(Language::Go);
    QVERIFY(editor.syntaxDefinitionName().isEmpty());
#endif
}

void TestCodeEditor::newTextRightAfterRecolouring()
{
    // What switching exercises does: another language for the old text, then new text, with no
    // pass of the event loop between them. Recolouring may leave work queued for blocks of the
    // old text, which must not run on the new one.
    const QString go = QStringLiteral("package main\n\nfunc main() {\n\t/* a\n\tb */\n\tfor {\n"
                                      "\t\tif x {\n\t\t}\n\t}\n}\n");
    const QString cpp = QStringLiteral("#include <mutex>\n\nint main()\n{\n    /* a\n    b */\n"
                                       "    for (;;) {\n        if (x) {\n        }\n    }\n}\n");
    CodeEditor editor;
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    for (int round = 0; round < 4; ++round) {
        const bool odd = round % 2 != 0;
        editor.setLanguage(odd ? Language::Go : Language::Cpp);
        editor.loadText((odd ? cpp : go).repeated(200));
        editor.setLanguage(odd ? Language::Cpp : Language::Go);
        editor.loadText(QStringLiteral("x"));
        editor.replaceAllText((odd ? go : cpp).repeated(100));
        editor.loadText(odd ? go : cpp);
        QTest::qWait(20);
    }
    QCOMPARE(editor.toPlainText(), go);
}

void TestCodeEditor::replaceAllIsOneUndoStep_data()
{
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<bool>("wholeWords");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("expected");

    QTest::newRow("any case") << false << false << 5 << "n++ nfood n\nn = n";
    QTest::newRow("same case") << true << false << 4 << "n++ nfood n\nMu = n";
    QTest::newRow("whole words") << false << true << 4 << "n++ mufood n\nn = n";
}

void TestCodeEditor::replaceAllIsOneUndoStep()
{
    QFETCH(bool, caseSensitive);
    QFETCH(bool, wholeWords);
    QFETCH(int, count);
    QFETCH(QString, expected);

    const QString original = QStringLiteral("mu++ mufood mu\nMu = mu");
    CodeEditor editor;
    editor.loadText(original);
    FindReplaceBar bar(&editor);
    bar.setFindText(QStringLiteral("mu"));
    bar.setReplaceText(QStringLiteral("n"));
    bar.setCaseSensitive(caseSensitive);
    bar.setWholeWords(wholeWords);
    QCOMPARE(bar.replaceAll(), count);
    QCOMPARE(editor.toPlainText(), expected);
    editor.undo();
    QCOMPARE(editor.toPlainText(), original);
    QVERIFY(!editor.document()->isUndoAvailable());
}

void TestCodeEditor::replaceOne()
{
    CodeEditor editor;
    editor.loadText(QStringLiteral("a b a b"));
    FindReplaceBar bar(&editor);
    bar.setFindText(QStringLiteral("b"));
    bar.setReplaceText(QStringLiteral("c"));
    QVERIFY(bar.replace()); // nothing selected yet: only finds the first match
    QCOMPARE(editor.toPlainText(), QStringLiteral("a b a b"));
    QCOMPARE(editor.textCursor().selectionStart(), 2);
    QVERIFY(bar.replace());
    QCOMPARE(editor.toPlainText(), QStringLiteral("a c a b"));
    QCOMPARE(editor.textCursor().selectionStart(), 6);
}

void TestCodeEditor::findWrapsAround()
{
    CodeEditor editor;
    editor.loadText(QStringLiteral("foo x foo y"));
    FindReplaceBar bar(&editor);
    bar.setFindText(QStringLiteral("foo"));

    editor.moveCursor(QTextCursor::End);
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("foo"));
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 6);
    QVERIFY(bar.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QVERIFY(bar.findPrevious());
    QCOMPARE(editor.textCursor().selectionStart(), 6);
    QVERIFY(bar.findPrevious());
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QVERIFY(!bar.hasNoMatch());
}

void TestCodeEditor::findNoMatch()
{
    CodeEditor editor;
    editor.loadText(QStringLiteral("Foo foo"));
    FindReplaceBar bar(&editor);
    placeCursor(editor, 2);
    bar.setFindText(QStringLiteral("bar"));
    QVERIFY(!bar.findNext());
    QVERIFY(bar.hasNoMatch());
    QVERIFY(!bar.statusText().isEmpty());
    QCOMPARE(editor.textCursor().position(), 2);

    bar.setFindText(QStringLiteral("Foo foo"));
    bar.setWholeWords(true);
    QVERIFY(bar.findNext());
    QVERIFY(!bar.hasNoMatch());
    bar.setFindText(QStringLiteral("FOO"));
    bar.setCaseSensitive(true);
    QVERIFY(!bar.findNext());
    QVERIFY(bar.hasNoMatch());
}

void TestCodeEditor::findBarKeys()
{
    QWidget window;
    CodeEditor editor(&window);
    FindReplaceBar bar(&editor, &window);
    editor.loadText(QStringLiteral("one two one two"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The selection fills the find field.
    QTextCursor selection = editor.textCursor();
    selection.setPosition(4);
    selection.setPosition(7, QTextCursor::KeepAnchor);
    editor.setTextCursor(selection);
    bar.showFind();
    QVERIFY(bar.isVisible());
    QCOMPARE(bar.findText(), QStringLiteral("two"));
    QLineEdit *findEdit = lineEditNamed(bar, QStringLiteral("Text to find"));
    QLineEdit *replaceEdit = lineEditNamed(bar, QStringLiteral("Replacement text"));
    QVERIFY(findEdit && replaceEdit);
    QVERIFY(!replaceEdit->isVisible());

    QTest::keyClick(findEdit, Qt::Key_Return);
    QCOMPARE(editor.textCursor().selectionStart(), 12);
    QTest::keyClick(findEdit, Qt::Key_Return);
    QCOMPARE(editor.textCursor().selectionStart(), 4);
    QTest::keyClick(findEdit, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(editor.textCursor().selectionStart(), 12);

    // Typing searches as you go, from where the selection starts.
    placeCursor(editor, 0);
    findEdit->clear();
    QTest::keyClicks(findEdit, QStringLiteral("on"));
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("on"));

    bar.showReplace();
    QVERIFY(replaceEdit->isVisible());
    QSignalSpy closed(&bar, &FindReplaceBar::closed);
    QTest::keyClick(findEdit, Qt::Key_Escape);
    QVERIFY(!bar.isVisible());
    QCOMPARE(closed.count(), 1);
}

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
