#include "htmlpdfwriter.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace RaceGrade {

namespace {

constexpr int resolution = 300; // dots per inch of the layout
const QMarginsF marginsMm(18, 15, 18, 12);

} // namespace

int HtmlPdfWriter::write(const QString &html, QIODevice *device, const QString &title,
                         const QMap<QString, QImage> &images, QString *error)
{
    QPdfWriter writer(device);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("RaceGrade"));
    writer.setResolution(resolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, marginsMm,
                                     QPageLayout::Millimeter));

    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = QStringLiteral("cannot start a PDF");
        return 0;
    }

    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(10);
    document.setDefaultFont(font);
    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        document.addResource(QTextDocument::ImageResource, QUrl(it.key()), it.value());
    }
    document.setHtml(html);

    // The page body leaves room at its foot for the footer line.
    QFont footerFont = font;
    footerFont.setPointSizeF(8);
    const QFontMetricsF footerMetrics(footerFont, &writer);
    const QRectF paintRect = writer.pageLayout().paintRectPixels(resolution);
    const qreal footerHeight = footerMetrics.height() * 2;
    const QSizeF body(paintRect.width(), paintRect.height() - footerHeight);
    document.setPageSize(body);
    const int pages = document.pageCount();

    for (int page = 0; page < pages; ++page) {
        if (page > 0) {
            writer.newPage();
        }
        painter.save();
        painter.translate(0, -page * body.height());
        document.drawContents(&painter, QRectF(QPointF(0, page * body.height()), body));
        painter.restore();

        const QRectF footer(0, body.height(), body.width(), footerHeight);
        painter.setFont(footerFont);
        painter.setPen(QColor(0x6e, 0x77, 0x81));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom,
                         footerMetrics.elidedText(title, Qt::ElideRight, body.width() * 0.7));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                         QStringLiteral("Page %1 of %2").arg(page + 1).arg(pages));
    }
    if (!painter.end()) {
        *error = QStringLiteral("the PDF could not be finished");
        return 0;
    }
    return pages;
}

} // namespace RaceGrade
