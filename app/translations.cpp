#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace RaceGrade {

namespace {

QString qtTranslationsPath()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    return QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
}

} // namespace

Translations::Translations(const QLocale &locale, const QStringList &folders)
{
    install(locale, QStringLiteral("racegrade"), folders);
    // Qt's own texts: the buttons of message boxes, the file dialogs, the context menus. "qt" is
    // the catalogue that gathers all of Qt's modules; some systems ship only "qtbase".
    const QStringList qtFolders{qtTranslationsPath()};
    if (!install(locale, QStringLiteral("qt"), qtFolders)) {
        install(locale, QStringLiteral("qtbase"), qtFolders);
    }
}

Translations::~Translations()
{
    for (const std::unique_ptr<QTranslator> &translator : m_translators) {
        QCoreApplication::removeTranslator(translator.get());
    }
}

bool Translations::install(const QLocale &locale, const QString &name, const QStringList &folders)
{
    for (const QString &folder : folders) {
        if (folder.isEmpty() || !QFileInfo(folder).isDir()) {
            continue;
        }
        auto translator = std::make_unique<QTranslator>();
        // Tries each of the locale's languages in order, e.g. racegrade_de_AT.qm, then
        // racegrade_de.qm.
        if (translator->load(locale, name, QStringLiteral("_"), folder) &&
            QCoreApplication::installTranslator(translator.get())) {
            m_loadedFiles.append(translator->filePath());
            m_translators.push_back(std::move(translator));
            return true;
        }
    }
    return false;
}

QStringList Translations::searchPaths()
{
    const QString applicationDir = QCoreApplication::applicationDirPath();
    QStringList paths{
        QDir::cleanPath(applicationDir + QStringLiteral("/../share/racegrade/translations")),
        QStringLiteral(RACEGRADE_TRANSLATIONS_INSTALL_DIR),
        QStringLiteral(RACEGRADE_TRANSLATIONS_BUILD_DIR),
    };
    // A binary that runs from its build tree uses the translations built with it.
    if (applicationDir.startsWith(QStringLiteral(RACEGRADE_BUILD_DIR))) {
        paths.move(2, 0);
    }
    paths.removeDuplicates();
    return paths;
}

} // namespace RaceGrade
