#pragma once

#include "language.h"

#include <QFont>
#include <QSettings>
#include <QStringList>
#include <memory>

namespace RaceGrade {

/// What a student has achieved on one exercise in one language.
struct ExerciseStatus
{
    bool tried = false;
    bool passing = false; ///< the last grading passed every check
    int lastScore = 0;
    int bestScore = 0;
    int maxScore = 0;
};

/// The app's stored preferences and progress. Backed by QSettings; a file path can be given so
/// that tests and portable installs keep their own.
class Settings
{
public:
    /// Uses the platform's settings location unless `iniFile` names a file.
    explicit Settings(const QString &iniFile = QString());

    int runsPerGrading() const;
    void setRunsPerGrading(int runs);
    /// Seconds each run may take; 0 means the exercise's own limit.
    int timeLimitSeconds() const;
    void setTimeLimitSeconds(int seconds);
    QString cppCompiler() const;
    void setCppCompiler(const QString &compiler);
    /// True when the user chose to run student code without the sandbox (never the default).
    bool sandboxDisabled() const;
    void setSandboxDisabled(bool disabled);
    /// Empty: follow the system palette.
    QString themeName() const;
    void setThemeName(const QString &name);
    QFont editorFont() const;
    void setEditorFont(const QFont &font);
    QStringList extraExerciseFolders() const;
    void setExtraExerciseFolders(const QStringList &folders);

    QString lastExercise() const;
    Language lastLanguage() const;
    void setLastChoice(const QString &exercise, Language language);

    ExerciseStatus status(const QString &exercise, Language language) const;
    void recordGrade(const QString &exercise, Language language, int score, int maxScore,
                     bool passing);

    QByteArray windowState() const;
    QByteArray windowGeometry() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace RaceGrade
