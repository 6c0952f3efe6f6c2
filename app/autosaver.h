#pragma once

#include "language.h"

#include <QObject>
#include <QTimer>
#include <optional>

namespace RaceGrade {

/// Keeps every exercise's work on disk: a moment after each change, and whenever asked (on
/// switching exercises and on exit). Files are written atomically with QSaveFile, one per
/// exercise and language, so a killed app loses at most the last moment of typing.
class AutoSaver : public QObject
{
    Q_OBJECT

public:
    /// `directory` holds the saved buffers; it is created when needed.
    explicit AutoSaver(const QString &directory, QObject *parent = nullptr);

    /// Remembers the newest text of a buffer and saves it after `delayMs` of quiet.
    void schedule(const QString &exercise, Language language, const QString &text);
    /// Writes the pending buffer now. Returns false (and emits saveFailed) when it cannot.
    bool flush();
    /// The saved text of a buffer, if there is one.
    std::optional<QString> load(const QString &exercise, Language language) const;
    /// Where a buffer is stored.
    QString pathFor(const QString &exercise, Language language) const;

    void setDelay(int delayMs) { m_timer.setInterval(delayMs); }

Q_SIGNALS:
    void saved(const QString &path);
    void saveFailed(const QString &path, const QString &reason);

private:
    QString m_directory;
    QTimer m_timer;
    QString m_pendingExercise;
    Language m_pendingLanguage = Language::Go;
    QString m_pendingText;
    bool m_pending = false;
};

} // namespace RaceGrade
