// racegrade: the student's desktop app.

#include "codeeditor.h"
#include "mainwindow.h"
#include "settings.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QScreen>
#include <QTimer>
#include <cstdio>

using namespace RaceGrade;

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("racegrade"));
    QApplication::setApplicationDisplayName(QStringLiteral("RaceGrade"));
    QApplication::setOrganizationName(QStringLiteral("RaceGrade"));
    QApplication::setApplicationVersion(QStringLiteral(RACEGRADE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/racegrade/icons/racegrade.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.racegrade.RaceGrade"));
    // The user's languages, as the desktop sets them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
    const Translations translations{QLocale()};

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Practise and grade concurrent Go and C++ code."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption exerciseOption(QStringLiteral("exercise"),
                                            QApplication::translate("main", "Open this exercise."),
                                            QStringLiteral("id"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QApplication::translate("main", "go or cpp."),
                                            QStringLiteral("language"));
    const QCommandLineOption fileOption(
        QStringLiteral("file"), QApplication::translate("main", "Load this file into the editor."),
        QStringLiteral("path"));
    const QCommandLineOption exercisesOption(
        QStringLiteral("exercises"),
        QApplication::translate("main", "Also load exercises from this folder."),
        QStringLiteral("dir"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QApplication::translate("main", "Keep settings in this INI file instead of the "
                                        "user's."),
        QStringLiteral("file"));
    const QCommandLineOption dataOption(
        QStringLiteral("data-dir"),
        QApplication::translate("main", "Keep autosaved work in this folder instead of the "
                                        "user's."),
        QStringLiteral("dir"));
    const QCommandLineOption gradeOption(QStringLiteral("grade"),
                                         QApplication::translate("main", "Start grading at once."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "After the grading started with --grade, save a "
                                        "picture of the window to this PNG and quit."),
        QStringLiteral("png"));
    parser.addOptions({exerciseOption, languageOption, fileOption, exercisesOption, settingsOption,
                       dataOption, gradeOption, screenshotOption});
    parser.process(application);

    AppContext context;
    context.settingsFile = parser.value(settingsOption);
    context.dataDirectory = parser.value(dataOption);
    context.exerciseRoots = parser.values(exercisesOption);
    MainWindow window(context);
    window.resize(1400, 900);

    if (parser.isSet(exerciseOption)) {
        const Language language =
            languageFromId(parser.value(languageOption)).value_or(window.currentLanguage());
        window.chooseExercise(parser.value(exerciseOption), language);
    }
    if (parser.isSet(fileOption) && !window.openFile(parser.value(fileOption))) {
        return 2;
    }
    window.show();

    const QString screenshot = parser.value(screenshotOption);
    if (!screenshot.isEmpty()) {
        QObject::connect(&window, &MainWindow::jobFinished, &window, [&window, screenshot] {
            // Let the results and marks paint before the picture is taken.
            QTimer::singleShot(500, &window, [&window, screenshot] {
                const bool saved = window.grab().save(screenshot, "PNG");
                std::fprintf(stderr, "%s %s\n", saved ? "saved" : "could not save",
                             qPrintable(screenshot));
                QApplication::exit(saved ? 0 : 1);
            });
        });
    }
    if (parser.isSet(gradeOption)) {
        QTimer::singleShot(0, &window, &MainWindow::grade);
    }
    return QApplication::exec();
}
