#pragma once

#include "reportexporter.h"

#include <QMenu>
#include <functional>

namespace RaceGrade {

/// The Export menu of the class window: an entry for every format ReportExporter writes. Each
/// asks for a file or a folder, writes the export through the window, and reports the result:
/// the problems (each naming its file) in a dialog as well as through failed().
class ExportMenu : public QMenu
{
    Q_OBJECT

public:
    /// Writes one export and returns its problems.
    using Writer = std::function<QStringList(const ExportRequest &)>;

    explicit ExportMenu(Writer writer, QWidget *parent = nullptr);
    ~ExportMenu() override;

    /// Where the file pickers start, and the name exported files begin with.
    void setSuggestedLocation(const QString &folder, const QString &stem);
    /// The action of a format.
    QAction *action(ExportFormat format) const;

    /// Whether a format writes a folder (one file per student) rather than one file.
    static bool writesFolder(ExportFormat format);
    /// The file name an export of the class named `stem` is offered under.
    static QString suggestedFileName(ExportFormat format, const QString &stem);

Q_SIGNALS:
    /// An export was written; the message names where.
    void exported(const QString &message);
    /// An export had problems; the message lists them.
    void failed(const QString &message);

private:
    void exportFormat(ExportFormat format);

    Writer m_writer;
    QString m_folder;
    QString m_stem;
    QMap<int, QAction *> m_actions;
};

} // namespace RaceGrade
