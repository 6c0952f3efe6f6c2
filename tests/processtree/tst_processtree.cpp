#include "processtree.h"

#include <QTest>
#include <unistd.h>

using namespace RaceGrade;

class TestProcessTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesStat_data();
    void parsesStat();
    void rejectsBrokenStat_data();
    void rejectsBrokenStat();
    void sumsOnlyTheTree();
    void survivesParentLoops();
    void parsesRollup_data();
    void parsesRollup();
    void measuresThisProcess();
};

namespace {

// A /proc/<pid>/stat line as Linux writes it, with the fields the tree reads set.
QByteArray statLine(const QByteArray &command, int pid, int parent, int threads)
{
    return QByteArray::number(pid) + " (" + command + ") S " + QByteArray::number(parent) +
           " 100 100 0 -1 4194560 500 0 0 0 10 5 0 0 20 0 " + QByteArray::number(threads) +
           " 0 12345 1000000 250 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
}

} // namespace

void TestProcessTree::parsesStat_data()
{
    QTest::addColumn<QByteArray>("stat");
    QTest::addColumn<QByteArray>("statm");
    QTest::addColumn<int>("pid");
    QTest::addColumn<int>("parent");
    QTest::addColumn<int>("threads");
    QTest::addColumn<qint64>("residentBytes");

    QTest::newRow("plain") << statLine("main", 42, 7, 3) << QByteArray("1000 300 100 5 0 200 0")
                           << 42 << 7 << 3 << qint64(200 * 4096);
    QTest::newRow("command with spaces and parentheses")
        << statLine("a (b) c", 9, 1, 1) << QByteArray("10 10 4 1 0 5 0\n") << 9 << 1 << 1
        << qint64(6 * 4096);
    QTest::newRow("shared pages above resident count as none")
        << statLine("x", 5, 2, 1) << QByteArray("10 3 8 1 0 5 0") << 5 << 2 << 1 << qint64(0);
}

void TestProcessTree::parsesStat()
{
    QFETCH(QByteArray, stat);
    QFETCH(QByteArray, statm);
    QFETCH(int, pid);
    QFETCH(int, parent);
    QFETCH(int, threads);
    QFETCH(qint64, residentBytes);

    const std::optional<ProcessInfo> info = ProcessTree::parseStat(stat, statm, 4096);
    QVERIFY(info.has_value());
    QCOMPARE(int(info->pid), pid);
    QCOMPARE(int(info->parent), parent);
    QCOMPARE(info->threads, threads);
    QCOMPARE(info->residentBytes, residentBytes);
}

void TestProcessTree::rejectsBrokenStat_data()
{
    QTest::addColumn<QByteArray>("stat");
    QTest::addColumn<QByteArray>("statm");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("no command") << QByteArray("12 S 1 2 3") << QByteArray("1 1 1 1 0 1 0");
    QTest::newRow("cut short") << QByteArray("12 (x) S 1 2") << QByteArray("1 1 1 1 0 1 0");
    QTest::newRow("no statm (process gone)") << statLine("x", 3, 1, 1) << QByteArray();
    QTest::newRow("words for numbers")
        << statLine("x", 3, 1, 1) << QByteArray("many few some 1 0 1 0");
}

void TestProcessTree::rejectsBrokenStat()
{
    QFETCH(QByteArray, stat);
    QFETCH(QByteArray, statm);
    QVERIFY(!ProcessTree::parseStat(stat, statm, 4096).has_value());
}

void TestProcessTree::sumsOnlyTheTree()
{
    // 10 -> 11 -> 12, 10 -> 13; 20 is someone else's and 14's parent is gone.
    const QVector<ProcessInfo> processes = {
        {10, 1, 100, 2},  {11, 10, 200, 1}, {12, 11, 300, 4},
        {13, 10, 400, 0}, {20, 1, 5000, 9}, {14, 99, 7000, 1},
    };
    const TreeUsage usage = ProcessTree::sum(processes, 10);
    QCOMPARE(usage.processes, 4);
    QCOMPARE(usage.residentBytes, qint64(1000));
    QCOMPARE(usage.tasks, 2 + 1 + 4 + 1); // a process reporting 0 threads counts as one task
    QVector<pid_t> pids = usage.pids;
    std::sort(pids.begin(), pids.end());
    QCOMPARE(pids, QVector<pid_t>({10, 11, 12, 13}));
    QCOMPARE(ProcessTree::sum(processes, 77).processes, 0);
}

void TestProcessTree::survivesParentLoops()
{
    // A pid reused while /proc was read can make a process look like its own ancestor.
    const QVector<ProcessInfo> processes = {{10, 11, 1, 1}, {11, 10, 2, 1}};
    const TreeUsage usage = ProcessTree::sum(processes, 10);
    QCOMPARE(usage.processes, 2);
    QCOMPARE(usage.residentBytes, qint64(3));
}

void TestProcessTree::parsesRollup_data()
{
    QTest::addColumn<QByteArray>("rollup");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("anonymous share")
        << QByteArray("00400000-7fff [rollup]\nRss:   1728 kB\nPss:    343 kB\n"
                      "Pss_Anon:   112 kB\nPss_File:  231 kB\n")
        << qint64(112 * 1024);
    QTest::newRow("older kernel without Pss_Anon")
        << QByteArray("Rss:   1728 kB\nPss:    343 kB\n") << qint64(343 * 1024);
    QTest::newRow("process gone") << QByteArray() << qint64(0);
}

void TestProcessTree::parsesRollup()
{
    QFETCH(QByteArray, rollup);
    QFETCH(qint64, bytes);
    QCOMPARE(ProcessTree::parseRollup(rollup), bytes);
}

void TestProcessTree::measuresThisProcess()
{
    // The test itself: one process with at least this thread and some memory of its own.
    const TreeUsage usage = ProcessTree::measure(::getpid());
    QCOMPARE(usage.processes, 1);
    QVERIFY(usage.tasks >= 1);
    QVERIFY(usage.residentBytes > 0);
    QVERIFY(ProcessTree::proportionalResidentBytes(usage.pids) > 0);
}

QTEST_GUILESS_MAIN(TestProcessTree)
#include "tst_processtree.moc"
