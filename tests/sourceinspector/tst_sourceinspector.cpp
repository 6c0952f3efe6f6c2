#include "sourceinspector.h"

#include <QTest>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::Language)

class TestSourceInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refuses_data();
    void refuses();
    void accepts_data();
    void accepts();
    void keepsLineNumbersOfCrlfFiles();
};

namespace {

const QByteArray goProgram =
    "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n";
const QByteArray cppProgram = "#include <cstdio>\n\nint main()\n{\n    std::puts(\"1\");\n}\n";

} // namespace

void TestSourceInspector::refuses_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Language>("language");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << Language::Go << 1 << 1
                           << QStringLiteral("the file is empty");
    QTest::newRow("only blanks and a mark") << QByteArray("\xEF\xBB\xBF  \r\n\t\n") << Language::Cpp
                                            << 1 << 1 << QStringLiteral("the file is empty");
    QTest::newRow("binary") << QByteArray("\x7F"
                                          "ELF\x02\x01\x01\0\0\0",
                                          10)
                            << Language::Go << 1 << 8
                            << QStringLiteral("the file is not text (it holds a zero byte "
                                              "on line 1): is it a compiled program or an "
                                              "archive?");
    QTest::newRow("UTF-16") << QByteArray("\xFF\xFEp\0a\0", 6) << Language::Go << 1 << 1
                            << QStringLiteral("the file is saved as UTF-16; save it as UTF-8");
    QTest::newRow("Latin-1 in Go")
        << QByteArray("package main\n\n// caf\xE9\nfunc main() {}\n") << Language::Go << 3 << 7
        << QStringLiteral("line 3 is not valid UTF-8 (byte 0xe9 at column 7); Go source must be "
                          "UTF-8: save the file as UTF-8");
    QTest::newRow("overlong slash in Go")
        << QByteArray("package main\nfunc main() {} // \xC0\xAF\n") << Language::Go << 2 << 19
        << QStringLiteral("line 2 is not valid UTF-8 (byte 0xc0 at column 19); Go source must "
                          "be UTF-8: save the file as UTF-8");
    QTest::newRow("too large") << QByteArray(int(SourceInspector::maxSourceBytes) + 1, 'a')
                               << Language::Cpp << 0 << 0
                               << QStringLiteral("the file is 1.0 MiB; a solution may be at most "
                                                 "1.0 MiB");
    QTest::newRow("Go without func main")
        << QByteArray("package main\n\n// func main() is in a comment only\nfunc helper() {}\n")
        << Language::Go << 0 << 0
        << QStringLiteral("the file has no func main(); the program starts there");
    // Such a file builds into an archive, not a program: scan and grade say so alike.
    QTest::newRow("Go package that is not main")
        << QByteArray("// A counter.\n/* shared\n   by all */\npackage counter\n\nfunc main() {}\n")
        << Language::Go << 4 << 1
        << QStringLiteral("package must be main to build a program (this file says `package "
                          "counter`)");
    QTest::newRow("C++ main only in a string")
        << QByteArray("const char *text = \"int main()\";\n") << Language::Cpp << 0 << 0
        << QStringLiteral("the file has no main function; the program starts there");
}

void TestSourceInspector::refuses()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Language, language);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const SourceInspection inspection =
        SourceInspector::inspect(bytes, language, QStringLiteral("my counter.go"));
    QVERIFY(!inspection.buildable());
    QCOMPARE(inspection.errors.size(), 1);
    const Diagnostic &error = inspection.errors.constFirst();
    QCOMPARE(error.message, message);
    QCOMPARE(error.file, QStringLiteral("my counter.go"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.severity, Severity::Error);
    QCOMPARE(error.tool, QStringLiteral("racegrade"));
}

void TestSourceInspector::accepts_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Language>("language");
    QTest::addColumn<QByteArray>("built");
    QTest::addColumn<QStringList>("notes");

    QTest::newRow("plain Go") << goProgram << Language::Go << goProgram << QStringList();
    QTest::newRow("plain C++") << cppProgram << Language::Cpp << cppProgram << QStringList();
    QTest::newRow("byte-order mark")
        << QByteArray("\xEF\xBB\xBF") + goProgram << Language::Go << goProgram
        << QStringList{QStringLiteral("f.go starts with a byte-order mark, which was left out")};
    QByteArray crlf = cppProgram;
    crlf.replace("\n", "\r\n");
    QTest::newRow("Windows line ends")
        << crlf << Language::Cpp << cppProgram
        << QStringList{QStringLiteral("f.go has Windows line ends (CRLF), read as plain ones")};
    const QByteArray latin1 = "// caf\xE9\n" + cppProgram;
    QTest::newRow("Latin-1 comment in C++")
        << latin1 << Language::Cpp << latin1
        << QStringList{QStringLiteral("f.go: line 1 is not valid UTF-8 (byte 0xe9 at column 7); "
                                      "reports may show such characters as \uFFFD")};
    const QByteArray letters = "package main\n\n// Zoë, Łukasz, 山田 and 🙂 wrote this\n"
                               "func main() { println(\"ünïcödé\") }\n";
    QTest::newRow("non-ASCII letters") << letters << Language::Go << letters << QStringList();
    QTest::newRow("main with arguments in C++")
        << QByteArray("auto main(int argc, char **argv) -> int { return argc - 1; }\n")
        << Language::Cpp
        << QByteArray("auto main(int argc, char **argv) -> int { return argc - 1; }\n")
        << QStringList();
}

void TestSourceInspector::accepts()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Language, language);
    QFETCH(QByteArray, built);
    QFETCH(QStringList, notes);

    const SourceInspection inspection =
        SourceInspector::inspect(bytes, language, QStringLiteral("f.go"));
    QVERIFY2(inspection.buildable(), qPrintable(inspection.errors.value(0).message));
    QCOMPARE(inspection.source, built);
    QCOMPARE(inspection.notes, notes);
}

void TestSourceInspector::keepsLineNumbersOfCrlfFiles()
{
    // An error found after the line ends were changed still names the editor's line.
    const QByteArray source = "package main\r\n\r\nfunc main() {\r\n\t// \xFF\r\n}\r\n";
    const SourceInspection inspection =
        SourceInspector::inspect(source, Language::Go, QStringLiteral("w.go"));
    QCOMPARE(inspection.errors.size(), 1);
    QCOMPARE(inspection.errors.constFirst().line, 4);
    QCOMPARE(inspection.errors.constFirst().column, 5);
}

QTEST_GUILESS_MAIN(TestSourceInspector)
#include "tst_sourceinspector.moc"
