#include "idlecoremeter.h"

#include <QTest>
#include <QThread>

using namespace RaceGrade;

class TestIdleCoreMeter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesProcStat();
    void rejectsBrokenProcStat_data();
    void rejectsBrokenProcStat();
    void countsIdleCoresBetweenReadings();
    void measuresThisMachine();
};

void TestIdleCoreMeter::parsesProcStat()
{
    // Four cores; the summary line counts user nice system idle iowait irq softirq steal and then
    // guest time, which is already part of user time.
    const QByteArray text = "cpu  100 5 50 800 40 3 2 0 70 0\n"
                            "cpu0 25 1 12 200 10 1 0 0 0 0\n"
                            "cpu1 25 1 13 200 10 1 1 0 0 0\n"
                            "cpu2 25 1 12 200 10 0 0 0 0 0\n"
                            "cpu3 25 2 13 200 10 1 1 0 0 0\n"
                            "intr 12345 1 2 3\n"
                            "ctxt 999\n"
                            "procs_running 3\n";
    int cores = 0;
    const std::optional<IdleCoreMeter::Ticks> ticks = IdleCoreMeter::parseProcStat(text, &cores);
    QVERIFY(ticks);
    QCOMPARE(cores, 4);
    QCOMPARE(ticks->idle, qint64(840));
    QCOMPARE(ticks->total, qint64(100 + 5 + 50 + 800 + 40 + 3 + 2 + 0));
}

void TestIdleCoreMeter::rejectsBrokenProcStat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only per-core lines") << QByteArray("cpu0 1 2 3 4 5 6 7 8\n");
    QTest::newRow("not a number") << QByteArray("cpu 1 2 x 4 5 6 7 8\n");
    QTest::newRow("negative") << QByteArray("cpu 1 2 3 -4 5 6 7 8\n");
    QTest::newRow("too short") << QByteArray("cpu 1 2\n");
}

void TestIdleCoreMeter::rejectsBrokenProcStat()
{
    QFETCH(QByteArray, text);
    QVERIFY(!IdleCoreMeter::parseProcStat(text));
}

void TestIdleCoreMeter::countsIdleCoresBetweenReadings()
{
    const IdleCoreMeter::Ticks earlier{1000, 4000};
    // 400 ticks passed on 4 cores, 100 of them idle: one core's worth.
    QCOMPARE(IdleCoreMeter::idleCoresBetween(earlier, {1100, 4400}, 4), 1.0);
    // All idle: every core.
    QCOMPARE(IdleCoreMeter::idleCoresBetween(earlier, {1400, 4400}, 4), 4.0);
    // Nothing counted in between, a counter that went back, or no cores known: nothing idle.
    QCOMPARE(IdleCoreMeter::idleCoresBetween(earlier, earlier, 4), 0.0);
    QCOMPARE(IdleCoreMeter::idleCoresBetween(earlier, {900, 4400}, 4), 0.0);
    QCOMPARE(IdleCoreMeter::idleCoresBetween(earlier, {1100, 4400}, 0), 0.0);
}

void TestIdleCoreMeter::measuresThisMachine()
{
    IdleCoreMeter meter;
    // The first answer only starts the window, and so does a question asked too soon after.
    QVERIFY(!meter.idleCoresSinceLastAnswer());
    QVERIFY(!meter.idleCoresSinceLastAnswer());
    QThread::msleep(IdleCoreMeter::minimumWindowMs + 150);
    const std::optional<double> idle = meter.idleCoresSinceLastAnswer();
    QVERIFY2(idle, "no idle cores measured from /proc/stat after a full window");
    QVERIFY(*idle >= 0.0);
    QVERIFY(*idle <= QThread::idealThreadCount() + 0.01);
    // Each answer starts a new window.
    QVERIFY(!meter.idleCoresSinceLastAnswer());
}

QTEST_GUILESS_MAIN(TestIdleCoreMeter)
#include "tst_idlecoremeter.moc"
