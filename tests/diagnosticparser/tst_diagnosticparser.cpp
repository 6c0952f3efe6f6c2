#include "diagnosticparser.h"

#include <QFile>
#include <QtTest>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::Diagnostic)

namespace {

// Where clang finds libstdc++'s headers on Debian 12; gcc prints the same files shorter.
#define CLANG_STD "/usr/bin/../lib/gcc/x86_64-linux-gnu/12/../../../../include/c++/12"
#define GCC_STD "/usr/include/c++/12"

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

RelatedLocation at(const char *file, int line, int column, const char *message)
{
    return RelatedLocation{str(file), line, column, str(message)};
}

Diagnostic diag(const char *tool, Severity severity, const char *file, int line, int column,
                const char *message, const QVector<RelatedLocation> &related = {})
{
    Diagnostic d;
    d.file = str(file);
    d.line = line;
    d.column = column;
    d.severity = severity;
    d.message = str(message);
    d.tool = str(tool);
    d.related = related;
    return d;
}

Diagnostic goError(const char *file, int line, int column, const char *message,
                   const QVector<RelatedLocation> &related = {})
{
    return diag("go", Severity::Error, file, line, column, message, related);
}

Diagnostic vetWarning(const char *file, int line, int column, const char *message)
{
    return diag("go vet", Severity::Warning, file, line, column, message);
}

Diagnostic ldError(const char *file, int line, const char *message,
                   const QVector<RelatedLocation> &related = {})
{
    return diag("ld", Severity::Error, file, line, 0, message, related);
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("unknown");
}

} // namespace

/// Checks DiagnosticParser against real output of go 1.19, g++ 12, clang++ 14 and GNU ld
/// (fixtures in data/, made by data/generate.sh) and against hand-written edge cases.
class TestDiagnosticParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseGo_data();
    void parseGo();
    void parseGcc_data();
    void parseGcc();

private:
    static void addColumns();
    /// The text of a row: its fixture file when it names one, else its inline text.
    static QString rowText();
    static void compare(const QVector<Diagnostic> &actual, const QVector<Diagnostic> &expected);
};

void TestDiagnosticParser::addColumns()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVector<Diagnostic>>("expected");
}

QString TestDiagnosticParser::rowText()
{
    QFETCH(QString, fixture);
    QFETCH(QString, text);
    if (fixture.isEmpty())
        return text;
    const QString path = QFINDTESTDATA(QStringLiteral("data/") + fixture);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

void TestDiagnosticParser::compare(const QVector<Diagnostic> &actual,
                                   const QVector<Diagnostic> &expected)
{
    for (qsizetype i = 0; i < qMin(actual.size(), expected.size()); ++i) {
        const Diagnostic &a = actual.at(i);
        const Diagnostic &e = expected.at(i);
        QCOMPARE(a.file, e.file);
        QCOMPARE(a.line, e.line);
        QCOMPARE(a.column, e.column);
        QCOMPARE(severityName(a.severity), severityName(e.severity));
        QCOMPARE(a.message, e.message);
        QCOMPARE(a.tool, e.tool);
        for (qsizetype j = 0; j < qMin(a.related.size(), e.related.size()); ++j) {
            QCOMPARE(a.related.at(j).file, e.related.at(j).file);
            QCOMPARE(a.related.at(j).line, e.related.at(j).line);
            QCOMPARE(a.related.at(j).column, e.related.at(j).column);
            QCOMPARE(a.related.at(j).message, e.related.at(j).message);
        }
        QCOMPARE(a.related.size(), e.related.size());
    }
    QCOMPARE(actual.size(), expected.size());
    // Also catches anything a later field added to Diagnostic but not checked above.
    QVERIFY(actual == expected);
}

void TestDiagnosticParser::parseGo_data()
{
    addColumns();
    const QString none;

    QTest::newRow("empty input") << none << none << QVector<Diagnostic>{};
    QTest::newRow("program output only")
        << none
        << str("=== RUN   TestCount\ncounter = 2000\nfinished at 12:30:45: ok\n--- PASS: "
               "TestCount (0.01s)\nPASS\nok  \tracegrade/submission\t0.012s\n")
        << QVector<Diagnostic>{};

    QTest::newRow("go build -race: unused variables")
        << str("go_unused.txt") << none
        << QVector<Diagnostic>{goError("./main.go", 9, 2, "start declared but not used"),
                               goError("./main.go", 10, 2, "count declared but not used")};
    QTest::newRow("go build: undefined names")
        << str("go_undefined.txt") << none
        << QVector<Diagnostic>{goError("./main.go", 10, 14, "undefined: totl"),
                               goError("./main.go", 11, 2, "undefined: wg")};
    QTest::newRow("go build: type mismatch with have/want lines")
        << str("go_mismatch.txt") << none
        << QVector<Diagnostic>{
               goError("./main.go", 10, 14,
                       "cannot use \"three\" (untyped string constant) as int value in variable "
                       "declaration"),
               goError("./main.go", 11, 18,
                       "not enough arguments in call to add\nhave (number)\nwant (int, int)"),
               goError("./main.go", 12, 17,
                       "cannot use add(1, 2) (value of type int) as type string in variable "
                       "declaration")};
    QTest::newRow("go build: missing package clause")
        << str("go_nopackage.txt") << none
        << QVector<Diagnostic>{goError("main.go", 1, 1, "expected 'package', found 'import'")};
    QTest::newRow("go build: empty file")
        << str("go_empty.txt") << none
        << QVector<Diagnostic>{goError("main.go", 1, 1, "expected 'package', found 'EOF'")};
    QTest::newRow("go test -race -c: wrong package name")
        << str("go_wrongpackage.txt") << none
        << QVector<Diagnostic>{goError("", 0, 0,
                                       "found packages main (harness_test.go) and counter "
                                       "(main.go) in /tmp/racegrade-job")};
    QTest::newRow("go build: redeclared, with related location and continuation")
        << str("go_redeclared.txt") << none
        << QVector<Diagnostic>{
               goError("./main.go", 15, 6, "x redeclared in this block",
                       {at("./main.go", 14, 2, "other declaration of x")}),
               goError("./main.go", 16, 17,
                       "cannot use job{} (value of type job) as type Runner in variable "
                       "declaration:\njob does not implement Runner (missing Run method)")};
    QTest::newRow("go build -race: no main function (linker)")
        << str("go_nomain.txt") << none
        << QVector<Diagnostic>{goError(
               "", 0, 0, "runtime.main_main·f: function main is undeclared in the main package")};
    QTest::newRow("go build: unknown imports")
        << str("go_badimport.txt") << none
        << QVector<Diagnostic>{
               goError("main.go", 5, 2, "package foo is not in GOROOT (/usr/lib/go-1.19/src/foo)"),
               goError("main.go", 6, 2,
                       "no required module provides package github.com/nobody/nothing; to add "
                       "it:\ngo get github.com/nobody/nothing")};
    QTest::newRow("go build: too many errors")
        << str("go_toomany.txt") << none
        << QVector<Diagnostic>{goError("./main.go", 4, 8, "undefined: undefined1"),
                               goError("./main.go", 5, 8, "undefined: undefined2"),
                               goError("./main.go", 6, 8, "undefined: undefined3"),
                               goError("./main.go", 7, 8, "undefined: undefined4"),
                               goError("./main.go", 8, 8, "undefined: undefined5"),
                               goError("./main.go", 9, 8, "undefined: undefined6"),
                               goError("./main.go", 10, 8, "undefined: undefined7"),
                               goError("./main.go", 11, 8, "undefined: undefined8"),
                               goError("./main.go", 12, 8, "undefined: undefined9"),
                               goError("./main.go", 13, 9, "undefined: undefined10"),
                               diag("go", Severity::Note, "./main.go", 13, 9, "too many errors")};
    QTest::newRow("go test -race -c: errors in the test file")
        << str("go_test_compile.txt") << none
        << QVector<Diagnostic>{goError("./main_test.go", 6, 2, "n declared but not used"),
                               goError("./main_test.go", 7, 8, "undefined: m")};
    QTest::newRow("go test -race: vet finding, FAIL lines skipped")
        << str("go_test_vet.txt") << none
        << QVector<Diagnostic>{vetWarning(
               "./main_test.go", 7, 2,
               "(*testing.common).Logf format %d has arg \"three\" of wrong type string")};
    QTest::newRow("go build: broken go.mod, line without column")
        << str("go_badgomod.txt") << none
        << QVector<Diagnostic>{
               goError("/tmp/racegrade-job/go.mod", 5, 0, "unknown directive: requre")};
    QTest::newRow("go build: no go.mod")
        << str("go_nomodule.txt") << none
        << QVector<Diagnostic>{goError("", 0, 0,
                                       "go.mod file not found in current directory or any "
                                       "parent directory; see 'go help modules'")};
    QTest::newRow("go vet: copylocks")
        << str("go_vet_copylocks.txt") << none
        << QVector<Diagnostic>{
               vetWarning("./main.go", 13, 13,
                          "show passes lock by value: racegrade/submission.Counter contains "
                          "sync.Mutex"),
               vetWarning("./main.go", 22, 7,
                          "call of show copies lock value: racegrade/submission.Counter "
                          "contains sync.Mutex"),
               vetWarning("./main.go", 23, 7,
                          "assignment copies lock value to d: racegrade/submission.Counter "
                          "contains sync.Mutex"),
               vetWarning("./main.go", 24, 14,
                          "call of fmt.Println copies lock value: racegrade/submission.Counter "
                          "contains sync.Mutex")};
    QTest::newRow("go vet: other analyzers")
        << str("go_vet_analyzers.txt") << none
        << QVector<Diagnostic>{
               vetWarning("./main.go", 11, 2, "self-assignment of x to x"),
               vetWarning("./main.go", 18, 16, "loop variable i captured by func literal"),
               vetWarning("./main.go", 12, 2,
                          "fmt.Printf format %d has arg \"three\" of wrong type string"),
               vetWarning("./main.go", 13, 2,
                          "fmt.Println call has possible formatting directive %d"),
               vetWarning("./main.go", 23, 2, "unreachable code")};
    QTest::newRow("go vet: type error behind the vet prefix")
        << str("go_vet_typeerror.txt") << none
        << QVector<Diagnostic>{
               diag("go vet", Severity::Error, "./main.go", 6, 14, "undeclared name: missing")};

    QTest::newRow("line without column")
        << none << str("main.go:13: undefined: total\n")
        << QVector<Diagnostic>{goError("main.go", 13, 0, "undefined: total")};
    QTest::newRow("bracketed header, CRLF line ends")
        << none << str("# [racegrade/submission]\r\n./main.go:3:5: undefined: x\r\n")
        << QVector<Diagnostic>{goError("./main.go", 3, 5, "undefined: x")};
    QTest::newRow("unlocated failures, progress skipped")
        << none
        << str("go: downloading golang.org/x/sync v0.1.0\n"
               "go: finding module for package example.com/lock\n"
               "package foo is not in GOROOT (/usr/lib/go-1.19/src/foo)\n"
               "go: cannot find main module, but found .git/config in /tmp/racegrade-job\n"
               "\tto create a module there, run:\n"
               "\tgo mod init\n"
               "too many errors\n")
        << QVector<Diagnostic>{
               goError("", 0, 0, "package foo is not in GOROOT (/usr/lib/go-1.19/src/foo)"),
               goError("", 0, 0,
                       "cannot find main module, but found .git/config in /tmp/racegrade-job\nto "
                       "create a module there, run:\ngo mod init"),
               diag("go", Severity::Note, "", 0, 0, "too many errors")};
    QTest::newRow("introduction kept when nothing located follows")
        << none << str("go: errors parsing go.mod:\n")
        << QVector<Diagnostic>{goError("", 0, 0, "errors parsing go.mod:")};
    QTest::newRow("continuation without a diagnostic is dropped")
        << none << str("\thave (int)\n# racegrade/submission\n\twant (string)\n")
        << QVector<Diagnostic>{};
    QTest::newRow("vet prefix without a position")
        << none << str("# racegrade/submission\nvet: cannot load export data\n")
        << QVector<Diagnostic>{
               diag("go vet", Severity::Error, "", 0, 0, "cannot load export data")};
    QTest::newRow("windows path") << none << str("C:\\work\\job\\main.go:7:3: undefined: wg\n")
                                  << QVector<Diagnostic>{
                                         goError("C:\\work\\job\\main.go", 7, 3, "undefined: wg")};
}

void TestDiagnosticParser::parseGo()
{
    QFETCH(QString, fixture);
    QFETCH(QVector<Diagnostic>, expected);
    const QString text = rowText();
    QVERIFY2(fixture.isEmpty() || !text.isEmpty(), "fixture missing or empty");
    compare(DiagnosticParser::parseGo(text), expected);
}

void TestDiagnosticParser::parseGcc_data()
{
    addColumns();
    const QString none;
    const Severity error = Severity::Error;
    const Severity warning = Severity::Warning;

    QTest::newRow("empty input") << none << none << QVector<Diagnostic>{};
    QTest::newRow("program output only")
        << none << str("worker 1: done\nworker 2: done\ncounter = 2000\nfinished at 12:30:45\n")
        << QVector<Diagnostic>{};

    QTest::newRow("g++: unused variable warning in a function")
        << str("gcc_unused.txt") << none
        << QVector<Diagnostic>{diag("gcc", warning, "main.cpp", 6, 9,
                                    "unused variable ‘unused’ [-Wunused-variable]",
                                    {at("main.cpp", 0, 0, "In function ‘int main()’")})};
    QTest::newRow("clang++: unused variable warning")
        << str("clang_unused.txt") << none
        << QVector<Diagnostic>{diag("clang", warning, "main.cpp", 6, 9,
                                    "unused variable 'unused' [-Wunused-variable]")};
    QTest::newRow("g++ -Werror: warning as error, cc1plus summary skipped")
        << str("gcc_werror.txt") << none
        << QVector<Diagnostic>{diag("gcc", error, "main.cpp", 6, 9,
                                    "unused variable ‘unused’ [-Werror=unused-variable]",
                                    {at("main.cpp", 0, 0, "In function ‘int main()’")})};
    QTest::newRow("g++: missing include")
        << str("gcc_missinginclude.txt") << none
        << QVector<Diagnostic>{
               diag("gcc", error, "main.cpp", 2, 10, "counter.h: No such file or directory")};
    QTest::newRow("clang++: missing include")
        << str("clang_missinginclude.txt") << none
        << QVector<Diagnostic>{
               diag("clang", error, "main.cpp", 2, 10, "'counter.h' file not found")};
    QTest::newRow("g++ -fno-show-column: missing semicolon, no columns")
        << str("gcc_semicolon_nocolumn.txt") << none
        << QVector<Diagnostic>{
               diag("gcc", error, "main.cpp", 6, 0, "expected ',' or ';' before 'void'"),
               diag("gcc", error, "main.cpp", 14, 0, "'increment' was not declared in this scope",
                    {at("main.cpp", 0, 0, "In function 'int main()'")})};
    QTest::newRow("clang++: missing semicolons, fix-it lines skipped")
        << str("clang_semicolon.txt") << none
        << QVector<Diagnostic>{
               diag("clang", error, "main.cpp", 4, 16, "expected ';' after top level declarator"),
               diag("clang", error, "main.cpp", 8, 40, "expected ';' at end of declaration")};
    QTest::newRow("g++: undeclared identifier with a note")
        << str("gcc_undeclared.txt") << none
        << QVector<Diagnostic>{
               diag("gcc", error, "main.cpp", 9, 5,
                    "‘cout’ was not declared in this scope; did you mean ‘std::cout’?",
                    {at("main.cpp", 0, 0, "In function ‘int main()’"),
                     at(GCC_STD "/iostream", 61, 18, "‘std::cout’ declared here")}),
               diag("gcc", error, "main.cpp", 10, 12,
                    "‘totl’ was not declared in this scope; did you mean ‘total’?",
                    {at("main.cpp", 0, 0, "In function ‘int main()’")})};
    QTest::newRow("clang++: undeclared identifiers with notes")
        << str("clang_undeclared.txt") << none
        << QVector<Diagnostic>{
               diag("clang", error, "main.cpp", 9, 5,
                    "use of undeclared identifier 'cout'; did you mean 'std::cout'?",
                    {at(CLANG_STD "/iostream", 61, 18, "'std::cout' declared here")}),
               diag("clang", error, "main.cpp", 10, 12,
                    "use of undeclared identifier 'totl'; did you mean 'total'?",
                    {at("main.cpp", 6, 9, "'total' declared here")})};
    QTest::newRow("g++: template errors with many notes")
        << str("gcc_template.txt") << none
        << QVector<Diagnostic>{
               diag("gcc", error, "main.cpp", 17, 46,
                    "no matching function for call to "
                    "‘std::lock_guard<std::mutex>::lock_guard(std::mutex&, int, int)’",
                    {at("main.cpp", 0, 0, "In function ‘int main()’"),
                     at(GCC_STD "/bits/std_mutex.h", 231, 7,
                        "candidate: ‘std::lock_guard<_Mutex>::lock_guard(mutex_type&, "
                        "std::adopt_lock_t) [with _Mutex = std::mutex; mutex_type = std::mutex]’"),
                     at(GCC_STD "/bits/std_mutex.h", 231, 7,
                        "candidate expects 2 arguments, 3 provided"),
                     at(GCC_STD "/bits/std_mutex.h", 228, 16,
                        "candidate: ‘std::lock_guard<_Mutex>::lock_guard(mutex_type&) [with "
                        "_Mutex = std::mutex; mutex_type = std::mutex]’"),
                     at(GCC_STD "/bits/std_mutex.h", 228, 16,
                        "candidate expects 1 argument, 3 provided")}),
               diag("gcc", error, "main.cpp", 11, 18,
                    "no match for ‘operator*’ (operand types are ‘Account’ and ‘int’)",
                    {at("main.cpp", 0, 0, "In instantiation of ‘T twice(T) [with T = Account]’"),
                     at("main.cpp", 19, 10, "required from here")})};
    QTest::newRow("clang++: template errors with many notes")
        << str("clang_template.txt") << none
        << QVector<Diagnostic>{
               diag("clang", error, "main.cpp", 17, 33,
                    "no matching constructor for initialization of 'std::lock_guard<std::mutex>'",
                    {at(CLANG_STD "/bits/std_mutex.h", 231, 7,
                        "candidate constructor not viable: requires 2 arguments, but 3 were "
                        "provided"),
                     at(CLANG_STD "/bits/std_mutex.h", 228, 16,
                        "candidate constructor not viable: requires single argument '__m', but 3 "
                        "arguments were provided"),
                     at(CLANG_STD "/bits/std_mutex.h", 237, 7,
                        "candidate constructor not viable: requires 1 argument, but 3 were "
                        "provided")}),
               diag("clang", error, "main.cpp", 11, 18,
                    "invalid operands to binary expression ('Account' and 'int')",
                    {at("main.cpp", 19, 5,
                        "in instantiation of function template specialization 'twice<Account>' "
                        "requested here")})};
    QTest::newRow("g++: errors in included headers")
        << str("gcc_header.txt") << none
        << QVector<Diagnostic>{
               diag("gcc", error, "detail.h", 5, 12,
                    "invalid conversion from ‘const char*’ to ‘int’ [-fpermissive]",
                    {at("counter.h", 2, 0, "In file included from"),
                     at("main.cpp", 1, 0, "In file included from"),
                     at("detail.h", 0, 0, "In function ‘int detail_value()’")}),
               diag("gcc", error, "counter.h", 7, 24,
                    "‘undefined_step’ was not declared in this scope",
                    {at("counter.h", 0, 0, "In member function ‘void Counter::bump()’")})};
    QTest::newRow("clang++: errors in included headers")
        << str("clang_header.txt") << none
        << QVector<Diagnostic>{
               diag("clang", error, "./detail.h", 5, 12,
                    "cannot initialize return object of type 'int' with an lvalue of type "
                    "'const char[5]'",
                    {at("main.cpp", 1, 0, "In file included from"),
                     at("./counter.h", 2, 0, "In file included from")}),
               diag("clang", error, "./counter.h", 7, 24,
                    "use of undeclared identifier 'undefined_step'",
                    {at("main.cpp", 1, 0, "In file included from")})};
    QTest::newRow("g++: undefined references")
        << str("gcc_linker.txt") << none
        << QVector<Diagnostic>{ldError("main.cpp", 0, "undefined reference to `work(int)'",
                                       {at("/tmp/ccXXXXXX.o", 0, 0, "in function `run()'")}),
                               ldError("main.cpp", 0, "undefined reference to `report(int)'",
                                       {at("/tmp/ccXXXXXX.o", 0, 0, "in function `run()'")}),
                               ldError("", 0, "ld returned 1 exit status")};
    QTest::newRow("clang++: undefined references")
        << str("clang_linker.txt") << none
        << QVector<Diagnostic>{
               ldError("main.cpp", 0, "undefined reference to `work(int)'",
                       {at("/tmp/main-XXXXXX.o", 0, 0, "in function `run()'")}),
               ldError("main.cpp", 0, "undefined reference to `report(int)'",
                       {at("/tmp/main-XXXXXX.o", 0, 0, "in function `run()'")}),
               ldError("", 0, "linker command failed with exit code 1 (use -v to see invocation)")};
    QTest::newRow("g++ -g: undefined references with source lines")
        << str("gcc_linker_debug.txt") << none
        << QVector<Diagnostic>{
               ldError("/tmp/racegrade-job/main.cpp", 8, "undefined reference to `work(int)'",
                       {at("/tmp/ccXXXXXX.o", 0, 0, "in function `run()'")}),
               ldError("/tmp/racegrade-job/main.cpp", 8, "undefined reference to `report(int)'",
                       {at("/tmp/ccXXXXXX.o", 0, 0, "in function `run()'")}),
               ldError("", 0, "ld returned 1 exit status")};
    QTest::newRow("g++: multiple definition between objects")
        << str("gcc_multipledefinition.txt") << none
        << QVector<Diagnostic>{
               ldError("", 0,
                       "multiple definition of `shared'; /tmp/ccXXXXXX.o:(.data+0x0): first "
                       "defined here"),
               ldError("", 0, "ld returned 1 exit status")};
    QTest::newRow("g++: missing library")
        << str("gcc_missinglibrary.txt") << none
        << QVector<Diagnostic>{
               ldError("", 0, "cannot find -lracegrade_nosuchlib: No such file or directory"),
               ldError("", 0, "ld returned 1 exit status")};
    QTest::newRow("g++: no such source file")
        << str("gcc_nosource.txt") << none
        << QVector<Diagnostic>{
               diag("gcc", error, "", 0, 0, "nosuch.cpp: No such file or directory")};
    QTest::newRow("clang++: no such source file")
        << str("clang_nosource.txt") << none
        << QVector<Diagnostic>{
               diag("clang", error, "", 0, 0, "no such file or directory: 'nosuch.cpp'"),
               diag("clang", error, "", 0, 0, "no input files")};

    QTest::newRow("note without a preceding diagnostic")
        << none << str("main.cpp:3:1: note: 'std::mutex' is defined in header '<mutex>'\n")
        << QVector<Diagnostic>{diag("gcc", Severity::Note, "main.cpp", 3, 1,
                                    "'std::mutex' is defined in header '<mutex>'")};
    QTest::newRow("colours, CRLF and a fix-it line")
        << none
        << str("\x1b[01m\x1b[Kmain.cpp:\x1b[m\x1b[K In function '\x1b[01m\x1b[Kint "
               "main()\x1b[m\x1b[K':\r\n"
               "\x1b[01m\x1b[Kmain.cpp:5:5:\x1b[m\x1b[K \x1b[01;31m\x1b[Kerror: "
               "\x1b[m\x1b[K'mutex' is not a member of 'std'\r\n"
               "\x1b[01m\x1b[Kmain.cpp:2:1:\x1b[m\x1b[K \x1b[01;36m\x1b[Knote: \x1b[m\x1b[K"
               "'std::mutex' is defined in header '<mutex>'\r\n"
               "  +++ |+#include <mutex>\r\n"
               "    1 | #include <thread>\r\n")
        << QVector<Diagnostic>{
               diag("gcc", error, "main.cpp", 5, 5, "'mutex' is not a member of 'std'",
                    {at("main.cpp", 0, 0, "In function 'int main()'"),
                     at("main.cpp", 2, 1, "'std::mutex' is defined in header '<mutex>'")})};
    QTest::newRow("scope ends at global scope and in another file")
        << none
        << str("main.cpp: In function 'int main()':\n"
               "main.cpp:4:5: error: 'x' was not declared in this scope\n"
               "util.h:2:1: error: expected ';' after struct definition\n"
               "main.cpp: At global scope:\n"
               "main.cpp:9:1: error: expected declaration before '}' token\n")
        << QVector<Diagnostic>{
               diag("gcc", error, "main.cpp", 4, 5, "'x' was not declared in this scope",
                    {at("main.cpp", 0, 0, "In function 'int main()'")}),
               diag("gcc", error, "util.h", 2, 1, "expected ';' after struct definition"),
               diag("gcc", error, "main.cpp", 9, 1, "expected declaration before '}' token")};
    QTest::newRow("clang summary with warnings and errors")
        << none
        << str("main.cpp:3:9: warning: unused variable 'n' [-Wunused-variable]\n"
               "main.cpp:4:5: error: unknown type name 'mutex'\n"
               "1 warning and 1 error generated.\n")
        << QVector<Diagnostic>{
               diag("clang", warning, "main.cpp", 3, 9, "unused variable 'n' [-Wunused-variable]"),
               diag("clang", error, "main.cpp", 4, 5, "unknown type name 'mutex'")};
    QTest::newRow("lld with >>> lines")
        << none
        << str("ld.lld: error: undefined symbol: work(int)\n"
               ">>> referenced by main.cpp\n"
               ">>>               /tmp/main-123456.o:(run())\n"
               "clang-14: error: linker command failed with exit code 1 (use -v to see "
               "invocation)\n")
        << QVector<Diagnostic>{
               ldError("", 0,
                       "undefined symbol: work(int)\nreferenced by main.cpp\n"
                       "/tmp/main-123456.o:(run())"),
               ldError("", 0, "linker command failed with exit code 1 (use -v to see invocation)")};
    QTest::newRow("ld warning") << none
                                << str("/usr/bin/ld: warning: creating DT_TEXTREL in a PIE\n")
                                << QVector<Diagnostic>{diag("ld", warning, "", 0, 0,
                                                            "creating DT_TEXTREL in a PIE")};
}

void TestDiagnosticParser::parseGcc()
{
    QFETCH(QString, fixture);
    QFETCH(QVector<Diagnostic>, expected);
    const QString text = rowText();
    QVERIFY2(fixture.isEmpty() || !text.isEmpty(), "fixture missing or empty");
    compare(DiagnosticParser::parseGcc(text), expected);
}

QTEST_GUILESS_MAIN(TestDiagnosticParser)
#include "tst_diagnosticparser.moc"
