// HarnessProtocol: verdict lines count only with the grading's key.

#include "harnessprotocol.h"

#include <QRegularExpression>
#include <QTest>

using namespace RaceGrade;

Q_DECLARE_METATYPE(RaceGrade::HarnessVerdict)

class TestHarnessProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysAreFreshAndHex();
    void parse_data();
    void parse();
    void markerLines_data();
    void markerLines();
};

void TestHarnessProtocol::keysAreFreshAndHex()
{
    const QString first = HarnessProtocol::makeKey();
    const QString second = HarnessProtocol::makeKey();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
    QVERIFY2(hex.match(first).hasMatch(), qPrintable(first));
    QVERIFY2(hex.match(second).hasMatch(), qPrintable(second));
    QVERIFY(first != second);
}

void TestHarnessProtocol::parse_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QVector<HarnessVerdict>>("verdicts");
    QTest::addColumn<int>("forged");

    const QString key = QStringLiteral("0123456789abcdef0123456789abcdef");
    const HarnessVerdict pass{QStringLiteral("concurrent-use"), true,
                              QStringLiteral("the total was 10,000")};
    QTest::newRow("the harness's own line")
        << QStringLiteral("PASS\n@@racegrade %1 concurrent-use pass the total was 10,000\n")
               .arg(key)
        << QVector<HarnessVerdict>{pass} << 0;
    QTest::newRow("a line without a key is a forgery")
        << QStringLiteral("@@racegrade concurrent-use pass the total was 10,000\n")
        << QVector<HarnessVerdict>() << 1;
    QTest::newRow("a made-up key is a forgery")
        << QStringLiteral("@@racegrade ffffffffffffffffffffffffffffffff concurrent-use pass x\n"
                          "@@racegrade %1 concurrent-use pass the total was 10,000\n")
               .arg(key)
        << QVector<HarnessVerdict>{pass} << 1;
    QTest::newRow("other lines are ignored")
        << QStringLiteral("counting\n  @@racegrade %1 lock-not-copied fail copyable\n=== RUN\n")
               .arg(key)
        << QVector<HarnessVerdict>{{QStringLiteral("lock-not-copied"), false,
                                    QStringLiteral("copyable")}}
        << 0;
    QTest::newRow("an unknown status is no verdict")
        << QStringLiteral("@@racegrade %1 concurrent-use maybe\n").arg(key)
        << QVector<HarnessVerdict>() << 0;
}

void TestHarnessProtocol::parse()
{
    QFETCH(QString, output);
    QFETCH(QVector<HarnessVerdict>, verdicts);
    QFETCH(int, forged);
    int forgedLines = -1;
    QCOMPARE(HarnessProtocol::parse(output, u"0123456789abcdef0123456789abcdef", &forgedLines),
             verdicts);
    QCOMPARE(forgedLines, forged);
    // Without a key (a harness built without one) nothing counts.
    QVERIFY(HarnessProtocol::parse(output, QStringView()).isEmpty());
}

void TestHarnessProtocol::markerLines_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QVector<int>>("lines");
    QTest::newRow("none") << QByteArray("package main\nfunc main() {}\n") << QVector<int>();
    QTest::newRow("twice on one line, once later")
        << QByteArray("package main\n\nvar a = \"@@racegrade @@racegrade\"\n\n// @@racegrade\n")
        << QVector<int>{3, 5};
}

void TestHarnessProtocol::markerLines()
{
    QFETCH(QByteArray, source);
    QFETCH(QVector<int>, lines);
    QCOMPARE(HarnessProtocol::markerLines(source), lines);
}

QTEST_GUILESS_MAIN(TestHarnessProtocol)
#include "tst_harnessprotocol.moc"
