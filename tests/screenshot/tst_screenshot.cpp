// Starts racegrade under Xvfb as a person would, lets it grade a racy solution and saves what the
// window shows to <build>/screenshots/racy-safe-counter.png.

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gradedRacySolution();
};

void TestScreenshot::gradedRacySolution()
{
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    QVERIFY2(!xvfbRun.isEmpty(), "xvfb-run is not installed; run packaging/setup.sh first");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir().mkpath(QStringLiteral(RACEGRADE_SCREENSHOT_DIR)));
    const QString png = QStringLiteral(RACEGRADE_SCREENSHOT_DIR "/racy-safe-counter.png");
    QFile::remove(png);
    QFile settings(home.filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[grading]\nruns=8\n");
    settings.close();

    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // a real X server this time
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(xvfbRun,
              {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1600x1000x24"),
               QStringLiteral(RACEGRADE_APP_PATH), QStringLiteral("--settings"),
               settings.fileName(), QStringLiteral("--data-dir"),
               home.filePath(QStringLiteral("work")), QStringLiteral("--exercise"),
               QStringLiteral("safe-counter"), QStringLiteral("--language"), QStringLiteral("go"),
               QStringLiteral("--file"),
               QStringLiteral(RACEGRADE_SOURCE_DIR
                              "/tests/grading/data/go/safe-counter/unlocked-read.go"),
               QStringLiteral("--grade"), QStringLiteral("--screenshot"), png});
    QVERIFY(app.waitForFinished(300000));
    const QString log = QString::fromUtf8(app.readAll());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, qPrintable(log));

    QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(png));
    QCOMPARE(image.size(), QSize(1400, 900));
    // A real window has many colours; a blank or black capture has one or two.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
