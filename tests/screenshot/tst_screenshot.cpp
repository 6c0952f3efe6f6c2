// Starts racegrade under Xvfb as a person would, lets it grade a racy solution and saves what the
// window shows to <build>/screenshots/racy-safe-counter.png; then opens the class window on a
// small class, grades it and saves <build>/screenshots/class-view.png.

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    void gradedClass();
};

namespace {

/// How many colours a picture has, sampled: a real window has many, a blank capture one or two.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            colours.insert(image.pixel(x, y));
        }
    }
    return int(colours.size());
}

bool copyCorpusFile(const QString &corpus, const QString &target)
{
    QDir().mkpath(QFileInfo(target).path());
    QFile::remove(target);
    return QFile::copy(QStringLiteral(RACEGRADE_SOURCE_DIR "/tests/grading/data/") + corpus,
                       target);
}

} // namespace

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
    QVERIFY2(colourCount(image) > 20, qPrintable(QString::number(colourCount(image))));
}

void TestScreenshot::gradedClass()
{
    const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    QVERIFY2(!xvfbRun.isEmpty(), "xvfb-run is not installed; run packaging/setup.sh first");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir().mkpath(QStringLiteral(RACEGRADE_SCREENSHOT_DIR)));
    const QString png = QStringLiteral(RACEGRADE_SCREENSHOT_DIR "/class-view.png");
    QFile::remove(png);
    QFile settings(home.filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[grading]\nruns=4\n");
    settings.close();

    // A small class: passing, racy, copied, broken and missing work.
    const QString classDir = home.filePath(QStringLiteral("week3"));
    const QList<QPair<const char *, const char *>> files = {
        {"Ana Lee/safe_counter.go", "go/safe-counter/correct.go"},
        {"Ana Lee/config_once.go", "go/config-once/correct.go"},
        {"Ben Okafor/safe_counter.go", "go/safe-counter/unlocked-read.go"},
        {"Ben Okafor/config_once.go", "go/config-once/correct.go"},
        {"Cleo Park/safe_counter.go", "go/safe-counter/correct.go"},
        {"Dev Shah/safe_counter.go", "go/safe-counter/compile-error.go"},
        {"Dev Shah/config_once.go", "go/config-once/value-receiver.go"},
        {"Eve Stone/config_once.go", "go/config-once/initialized-flag.go"},
        {"Finn Wu/safe_counter.go", "go/safe-counter/missing-lock.go"},
    };
    for (const auto &[path, corpus] : files) {
        QVERIFY(
            copyCorpusFile(QString::fromUtf8(corpus), classDir + u'/' + QString::fromUtf8(path)));
    }

    // --session is also a Qt option (session management), which Qt takes out of the arguments:
    // the app must still grade into the session it names.
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("sessions")));
    const QString session = home.filePath(QStringLiteral("sessions/week3.racegrade"));
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(xvfbRun,
              {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1600x1000x24"),
               QStringLiteral(RACEGRADE_APP_PATH), QStringLiteral("--settings"),
               settings.fileName(), QStringLiteral("--data-dir"),
               home.filePath(QStringLiteral("work")), QStringLiteral("--class"), classDir,
               QStringLiteral("--session"), session, QStringLiteral("--grade"),
               QStringLiteral("--screenshot"), png});
    QVERIFY(app.waitForFinished(500000));
    const QString log = QString::fromUtf8(app.readAll());
    QVERIFY2(app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0, qPrintable(log));
    QVERIFY(QFileInfo::exists(session));
    QVERIFY(!QFileInfo::exists(classDir + QStringLiteral(".racegrade")));

    const QImage image(png);
    QVERIFY2(!image.isNull(), qPrintable(png));
    QCOMPARE(image.size(), QSize(1400, 900));
    QVERIFY2(colourCount(image) > 20, qPrintable(QString::number(colourCount(image))));
}

QTEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
