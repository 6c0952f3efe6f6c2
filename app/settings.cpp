#include "settings.h"

#include <QFontDatabase>

namespace RaceGrade {

namespace {

QString statusKey(const QString &exercise, Language language, const char *field)
{
    return QStringLiteral("status/%1/%2/%3")
        .arg(exercise, languageId(language), QLatin1String(field));
}

} // namespace

Settings::Settings(const QString &iniFile)
    : m_settings(iniFile.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

int Settings::runsPerGrading() const
{
    return qBound(1, m_settings->value(QStringLiteral("grading/runs"), 20).toInt(), 500);
}

void Settings::setRunsPerGrading(int runs)
{
    m_settings->setValue(QStringLiteral("grading/runs"), runs);
}

int Settings::timeLimitSeconds() const
{
    return qMax(0, m_settings->value(QStringLiteral("grading/timeLimitSeconds"), 0).toInt());
}

void Settings::setTimeLimitSeconds(int seconds)
{
    m_settings->setValue(QStringLiteral("grading/timeLimitSeconds"), seconds);
}

QString Settings::cppCompiler() const
{
    return m_settings->value(QStringLiteral("grading/cppCompiler"), QStringLiteral("g++"))
        .toString();
}

void Settings::setCppCompiler(const QString &compiler)
{
    m_settings->setValue(QStringLiteral("grading/cppCompiler"), compiler);
}

bool Settings::sandboxDisabled() const
{
    return m_settings->value(QStringLiteral("grading/sandboxDisabled"), false).toBool();
}

void Settings::setSandboxDisabled(bool disabled)
{
    m_settings->setValue(QStringLiteral("grading/sandboxDisabled"), disabled);
}

QString Settings::themeName() const
{
    return m_settings->value(QStringLiteral("editor/theme")).toString();
}

void Settings::setThemeName(const QString &name)
{
    m_settings->setValue(QStringLiteral("editor/theme"), name);
}

QFont Settings::editorFont() const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString stored = m_settings->value(QStringLiteral("editor/font")).toString();
    if (!stored.isEmpty()) {
        font.fromString(stored);
    }
    return font;
}

void Settings::setEditorFont(const QFont &font)
{
    m_settings->setValue(QStringLiteral("editor/font"), font.toString());
}

QStringList Settings::extraExerciseFolders() const
{
    return m_settings->value(QStringLiteral("exercises/extraFolders")).toStringList();
}

void Settings::setExtraExerciseFolders(const QStringList &folders)
{
    m_settings->setValue(QStringLiteral("exercises/extraFolders"), folders);
}

QString Settings::lastExercise() const
{
    return m_settings->value(QStringLiteral("session/exercise")).toString();
}

Language Settings::lastLanguage() const
{
    return languageFromId(m_settings->value(QStringLiteral("session/language")).toString())
        .value_or(Language::Go);
}

void Settings::setLastChoice(const QString &exercise, Language language)
{
    m_settings->setValue(QStringLiteral("session/exercise"), exercise);
    m_settings->setValue(QStringLiteral("session/language"), languageId(language));
}

ExerciseStatus Settings::status(const QString &exercise, Language language) const
{
    ExerciseStatus status;
    status.tried = m_settings->value(statusKey(exercise, language, "tried"), false).toBool();
    status.passing = m_settings->value(statusKey(exercise, language, "passing"), false).toBool();
    status.lastScore = m_settings->value(statusKey(exercise, language, "lastScore"), 0).toInt();
    status.bestScore = m_settings->value(statusKey(exercise, language, "bestScore"), 0).toInt();
    status.maxScore = m_settings->value(statusKey(exercise, language, "maxScore"), 0).toInt();
    return status;
}

void Settings::recordGrade(const QString &exercise, Language language, int score, int maxScore,
                           bool passing)
{
    const ExerciseStatus before = status(exercise, language);
    m_settings->setValue(statusKey(exercise, language, "tried"), true);
    m_settings->setValue(statusKey(exercise, language, "passing"), passing);
    m_settings->setValue(statusKey(exercise, language, "lastScore"), score);
    m_settings->setValue(statusKey(exercise, language, "bestScore"), qMax(score, before.bestScore));
    m_settings->setValue(statusKey(exercise, language, "maxScore"), maxScore);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->setValue(QStringLiteral("window/state"), state);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace RaceGrade
