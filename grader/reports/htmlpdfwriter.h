#pragma once

#include <QImage>
#include <QMap>
#include <QString>

class QIODevice;

namespace RaceGrade {

/// Lays HTML out on A4 pages and writes it as PDF, with the title and "Page N of M" under each
/// page. Takes the subset of HTML and CSS that QTextDocument understands. Needs a
/// QGuiApplication (for fonts).
class HtmlPdfWriter
{
public:
    /// Writes `html` to `device`; `images` are the pictures its <img src="NAME"> refer to.
    /// Returns the number of pages, or 0 with *error set.
    static int write(const QString &html, QIODevice *device, const QString &title,
                     const QMap<QString, QImage> &images, QString *error);
};

} // namespace RaceGrade
