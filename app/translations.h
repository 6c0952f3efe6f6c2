#pragma once

#include <QLocale>
#include <QStringList>
#include <memory>
#include <vector>

class QTranslator;

namespace RaceGrade {

/// The app's translations and Qt's own for one locale, installed on the application for as long
/// as the object lives. Files that do not exist for the locale are skipped: the app then shows
/// its own English text.
class Translations
{
public:
    /// Loads racegrade_<language>.qm from the first of @p folders that has one for @p locale,
    /// and Qt's own translations from Qt's folder, and installs what was found.
    explicit Translations(const QLocale &locale, const QStringList &folders = searchPaths());
    /// Removes the translations from the application again.
    ~Translations();

    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    /// The paths of the translation files installed.
    QStringList loadedFiles() const { return m_loadedFiles; }

    /// Where the app's .qm files are looked for: beside the binary once installed
    /// (../share/racegrade/translations), the install folder, and the build tree's folder.
    static QStringList searchPaths();

private:
    bool install(const QLocale &locale, const QString &name, const QStringList &folders);

    std::vector<std::unique_ptr<QTranslator>> m_translators;
    QStringList m_loadedFiles;
};

} // namespace RaceGrade
