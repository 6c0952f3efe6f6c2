#include "autosaver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace RaceGrade {

namespace {
constexpr int defaultDelayMs = 800;
}

AutoSaver::AutoSaver(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(defaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &AutoSaver::flush);
}

QString AutoSaver::pathFor(const QString &exercise, Language language) const
{
    return QStringLiteral("%1/%2/%3/main.%4")
        .arg(m_directory, exercise, languageId(language), sourceExtension(language));
}

void AutoSaver::schedule(const QString &exercise, Language language, const QString &text)
{
    // Another buffer's pending text is written first, never dropped.
    if (m_pending && (exercise != m_pendingExercise || language != m_pendingLanguage)) {
        flush();
    }
    m_pendingExercise = exercise;
    m_pendingLanguage = language;
    m_pendingText = text;
    m_pending = true;
    m_timer.start();
}

bool AutoSaver::flush()
{
    m_timer.stop();
    if (!m_pending) {
        return true;
    }
    const QString path = pathFor(m_pendingExercise, m_pendingLanguage);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray bytes = m_pendingText.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        Q_EMIT saveFailed(path, file.errorString());
        return false;
    }
    m_pending = false;
    Q_EMIT saved(path);
    return true;
}

std::optional<QString> AutoSaver::load(const QString &exercise, Language language) const
{
    QFile file(pathFor(exercise, language));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace RaceGrade
