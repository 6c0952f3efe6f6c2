// racegrade: the student's desktop app.

#ifdef RACEGRADE_HAVE_CLASS_VIEW
#include "classtablemodel.h"
#include "classwindow.h"
#include "eventlooplatency.h"
#endif
#include "codeeditor.h"
#include "mainwindow.h"
#include "settings.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLabel>
#include <QScreen>
#include <QTimer>
#include <cstdio>

using namespace RaceGrade;

namespace {

/// Saves a picture of `window` to `png` and ends the program.
void saveScreenshot(QWidget *window, const QString &png)
{
    const bool saved = window->grab().save(png, "PNG");
    std::fprintf(stderr, "%s %s\n", saved ? "saved" : "could not save", qPrintable(png));
    QApplication::exit(saved ? 0 : 1);
}

#ifdef RACEGRADE_HAVE_CLASS_VIEW
/// The teaching assistant's class window, for --class and --session.
int runClassWindow(const QCommandLineParser &parser, const AppContext &context,
                   const QString &session, const QString &screenshot)
{
    ClassWindow window(context);
    EventLoopLatency latency;
    const QString classDir = parser.value(QStringLiteral("class"));
    const bool opened =
        classDir.isEmpty() ? window.openSession(session) : window.openClass(classDir, session);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(window.messageLabel()->text()));
        return 2;
    }
    const QString roster = parser.value(QStringLiteral("roster"));
    if (!roster.isEmpty() && !window.loadRoster(roster)) {
        std::fprintf(stderr, "%s\n", qPrintable(window.messageLabel()->text()));
        return 2;
    }
    window.show();
    if (!screenshot.isEmpty()) {
        QObject::connect(&window, &ClassWindow::gradingFinished, &window, [&window, screenshot] {
            // Once the table holds the whole session, show the first racy submission.
            QObject::connect(&window, &ClassWindow::tableReloaded, &window, [&window, screenshot] {
                const ClassTableModel *model = window.tableModel();
                for (int row = 0; row < model->rowCount(); ++row) {
                    for (int column = 0; column < model->columnCount(); ++column) {
                        const QModelIndex index = model->index(row, column);
                        if (index.data(ClassTableModel::StatusRole).toInt() ==
                            int(SubmissionStatus::Racy)) {
                            window.selectSubmission(
                                index.data(ClassTableModel::StudentKeyRole).toString(),
                                model->exerciseAt(column));
                            row = model->rowCount();
                            break;
                        }
                    }
                }
                QTimer::singleShot(500, &window,
                                   [&window, screenshot] { saveScreenshot(&window, screenshot); });
            });
        });
    }
    if (parser.isSet(QStringLiteral("measure-responsiveness"))) {
        // For the speed benchmark: how long the window was kept from answering while it graded.
        QObject::connect(&window, &ClassWindow::gradingFinished, &window, [&window, &latency] {
            latency.stop();
            if (!window.messageLabel()->text().isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(window.messageLabel()->text()));
            }
            std::printf("graded the class in %.1f s; the event loop was late by %lld ms at "
                        "worst over %d ticks of 10 ms\n",
                        latency.seconds(), latency.worstMs(), latency.ticks());
            std::fflush(stdout);
            QApplication::exit(0);
        });
        latency.start();
    }
    if (parser.isSet(QStringLiteral("grade"))) {
        window.gradeClass();
    }
    return QApplication::exec();
}

#endif

/// The value of --session FILE (or --session=FILE). QGuiApplication takes "-session" and
/// "--session" for the desktop's session management and removes them from the arguments before
/// the command-line parser sees them, so RaceGrade reads its own option here, before Qt does.
QString sessionArgument(int argc, char *argv[])
{
    QString value;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == u"--") {
            break;
        }
        if ((argument == u"--session" || argument == u"-session") && i + 1 < argc) {
            value = QString::fromLocal8Bit(argv[++i]);
        } else if (argument.startsWith(u"--session=")) {
            value = argument.mid(int(qstrlen("--session=")));
        }
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    const QString session = sessionArgument(argc, argv);
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
    const QCommandLineOption classOption(
        QStringLiteral("class"),
        QApplication::translate("main", "Open the class window on this class folder (one folder "
                                        "or archive per student, or a Canvas or Moodle "
                                        "download)."),
        QStringLiteral("dir"));
    const QCommandLineOption sessionOption(
        QStringLiteral("session"),
        QApplication::translate("main", "With --class: the grading session file (default: the "
                                        "class folder's name with .racegrade, beside it). Alone: "
                                        "open this session."),
        QStringLiteral("file"));
    const QCommandLineOption rosterOption(
        QStringLiteral("roster"),
        QApplication::translate("main", "With --class: read this roster CSV into the session."),
        QStringLiteral("csv"));
    const QCommandLineOption responsivenessOption(
        QStringLiteral("measure-responsiveness"),
        QApplication::translate("main", "With --class and --grade: measure how late the window's "
                                        "event loop runs while the class is graded, print the "
                                        "worst delay and quit when done."));
    parser.addOptions({exerciseOption, languageOption, fileOption, exercisesOption, settingsOption,
                       dataOption, gradeOption, screenshotOption, classOption, sessionOption,
                       rosterOption, responsivenessOption});
    parser.process(application);

    AppContext context;
    context.settingsFile = parser.value(settingsOption);
    context.dataDirectory = parser.value(dataOption);
    context.exerciseRoots = parser.values(exercisesOption);
    const QString screenshot = parser.value(screenshotOption);

    if (parser.isSet(classOption) || !session.isEmpty()) {
#ifdef RACEGRADE_HAVE_CLASS_VIEW
        return runClassWindow(parser, context, session, screenshot);
#else
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate(
                         "main", "This build of RaceGrade has no class window (it needs Qt "
                                 "Charts).")));
        return 2;
#endif
    }
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

    if (!screenshot.isEmpty()) {
        QObject::connect(&window, &MainWindow::jobFinished, &window, [&window, screenshot] {
            // Let the results and marks paint before the picture is taken.
            QTimer::singleShot(500, &window,
                               [&window, screenshot] { saveScreenshot(&window, screenshot); });
        });
    }
    if (parser.isSet(gradeOption)) {
        QTimer::singleShot(0, &window, &MainWindow::grade);
    }
    return QApplication::exec();
}
