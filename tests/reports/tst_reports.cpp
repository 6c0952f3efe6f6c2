// The reports that draw: coloured source, the class charts, PDF pages, and every export of a
// session written to disk and read back (PDFs through poppler's pdfinfo and pdftotext).

#include "classcharts.h"
#include "classfixture.h"
#include "classresults.h"
#include "classstatistics.h"
#include "feedbackhtml.h"
#include "gradebookexport.h"
#include "htmlpdfwriter.h"
#include "reportexporter.h"
#include "sessionjson.h"
#include "sourcehighlighter.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
using namespace QtCharts;
#endif

using namespace RaceGrade;

namespace {

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The number of pages pdfinfo reads in a PDF, or -1.
int pdfPages(const QString &path)
{
    bool ok = false;
    const QString info =
        QString::fromUtf8(ClassFixture::runTool(QStringLiteral("pdfinfo"), {path}, &ok));
    static const QRegularExpression pages(QStringLiteral("^Pages:\\s+(?<n>\\d+)$"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = pages.match(info);
    return ok && match.hasMatch() ? match.captured(u"n").toInt() : -1;
}

// The text of a PDF as pdftotext reads it, runs of white space made single spaces.
QString pdfText(const QString &path)
{
    bool ok = false;
    const QByteArray text = ClassFixture::runTool(
        QStringLiteral("pdftotext"),
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")}, &ok);
    // Compatibility forms undo the ligatures the fonts use ("ﬁ" for "fi").
    return ok ? QString::fromUtf8(text).normalized(QString::NormalizationForm_KC).simplified()
              : QString();
}

QVector<qreal> values(const QBarSet *set)
{
    QVector<qreal> result;
    for (int i = 0; i < set->count(); ++i) {
        result.append(set->at(i));
    }
    return result;
}

QStringList categoriesOf(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes()) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
            return categories->categories();
        }
    }
    return {};
}

QBarSet *onlySet(QChart *chart)
{
    const QList<QAbstractSeries *> series = chart->series();
    if (series.size() != 1) {
        return nullptr;
    }
    auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
    return bars && bars->count() == 1 ? bars->barSets().first() : nullptr;
}

// How many pixels of an image are not white.
int inkedPixels(const QImage &image)
{
    int inked = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            inked += image.pixel(x, y) == qRgb(255, 255, 255) ? 0 : 1;
        }
    }
    return inked;
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void formats_data();
    void formats();
    void parseRejects_data();
    void parseRejects();

    void highlighter();
    void highlightedFeedbackKeepsMarks();

    void scoreChart();
    void checkChart();
    void raceChart();
    void chartImage();

    void pdfOfFeedback();
    void pdfPagesAreNumbered();

    void exportGradebooks();
    void exportGradescope();
    void exportFeedback();
    void exportSummary();
    void exportJson();
    void exportToUnwritablePlace();

private:
    QString pathIn(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    SessionContents m_contents;
    ClassResults m_results;
    ClassStatistics m_statistics;
};

void TestReports::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsSet("RACEGRADE_KEEP_TEST_FILES")) {
        m_dir.setAutoRemove(false);
        qInfo("the exports stay in %s", qPrintable(m_dir.path()));
    }
    m_contents.settings = ClassFixture::settings();
    m_contents.roster = ClassFixture::roster();
    m_contents.records = ClassFixture::records();
    m_contents.exercises = ClassFixture::catalog();
    m_results = ClassResults::build(m_contents.records, m_contents.roster, m_contents.exercises);
    m_statistics = ClassStatistics::compute(m_results);
    bool ok = false;
    ClassFixture::runTool(QStringLiteral("pdfinfo"), {QStringLiteral("-v")}, &ok);
    QVERIFY2(ok, "pdfinfo and pdftotext are needed: install poppler-utils");
}

void TestReports::formats_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("needsGui");

    QTest::newRow("csv") << str("csv:out/grades.csv") << int(ExportFormat::GradebookCsv)
                         << str("out/grades.csv") << false;
    QTest::newRow("canvas") << str("canvas:c.csv") << int(ExportFormat::CanvasCsv) << str("c.csv")
                            << false;
    QTest::newRow("moodle, upper case")
        << str("MOODLE:m.csv") << int(ExportFormat::MoodleCsv) << str("m.csv") << false;
    QTest::newRow("gradescope") << str("gradescope:gs") << int(ExportFormat::Gradescope)
                                << str("gs") << false;
    QTest::newRow("feedback-html")
        << str("feedback-html:fb") << int(ExportFormat::FeedbackHtml) << str("fb") << false;
    QTest::newRow("feedback-pdf") << str("feedback-pdf:fb") << int(ExportFormat::FeedbackPdf)
                                  << str("fb") << true;
    QTest::newRow("summary-html") << str("summary-html:s.html") << int(ExportFormat::SummaryHtml)
                                  << str("s.html") << true;
    QTest::newRow("summary-pdf, a path with a colon")
        << str("summary-pdf:C:/s.pdf") << int(ExportFormat::SummaryPdf) << str("C:/s.pdf") << true;
    QTest::newRow("json") << str("json:session.json") << int(ExportFormat::SessionJson)
                          << str("session.json") << false;
}

void TestReports::formats()
{
    QFETCH(QString, spec);
    QFETCH(int, format);
    QFETCH(QString, path);
    QFETCH(bool, needsGui);

    QString error;
    const std::optional<ExportRequest> request = ReportExporter::parse(spec, &error);
    QVERIFY2(request.has_value(), qPrintable(error));
    QCOMPARE(int(request->format), format);
    QCOMPARE(request->path, path);
    QCOMPARE(ReportExporter::needsGui(request->format), needsGui);
    QVERIFY(ReportExporter::formatIds().contains(ReportExporter::formatId(request->format)));
}

void TestReports::parseRejects_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error");

    QTest::newRow("no colon") << str("grades.csv") << str("is not FORMAT:PATH (formats: csv, ");
    QTest::newRow("no format") << str(":grades.csv") << str("is not FORMAT:PATH");
    QTest::newRow("no path") << str("csv:") << str("no path after the format");
    QTest::newRow("unknown format") << str("xlsx:grades.xlsx") << str("unknown format \"xlsx\"");
}

void TestReports::parseRejects()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!ReportExporter::parse(spec, &message).has_value());
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestReports::highlighter()
{
    const QString source = str("package main\n"
                               "\n"
                               "/* a comment\n"
                               "   over two lines with <b> & \"quotes\" */\n"
                               "func main() { println(\"x < y\") }\n");
    const QString html = SourceHighlighter::toHtml(source, Language::Go);
    const QStringList lines = html.split(u'\n');
    QCOMPARE(lines.size(), 5);
    // Every line closes what it opens, so that lines can be marked one by one.
    for (const QString &line : lines) {
        QCOMPARE(line.count(QStringLiteral("<span")), line.count(QStringLiteral("</span>")));
    }
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.remove(tags);
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&#39;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    QCOMPARE(text + u'\n', source);
    if (SourceHighlighter::available()) {
        // The keyword and the comment have colours of their own.
        QVERIFY2(html.contains(QRegularExpression(
                     QStringLiteral("<span style=\"[^\"]*font-weight:bold[^\"]*\">func</span>"))),
                 qPrintable(html));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("<span style=\"color:#")));
        QVERIFY(lines.at(4).contains(QStringLiteral("<span style=\"color:#")));
        QVERIFY(SourceHighlighter::toHtml(str("int main() { return 0; }"), Language::Cpp)
                    .contains(QStringLiteral("<span style=")));
    } else {
        QCOMPARE(html, FeedbackHtml::escaped(source.chopped(1)));
    }
}

void TestReports::highlightedFeedbackKeepsMarks()
{
    const SubmissionRecord record = ClassFixture::record(str("ana lee"), str("safe-counter"));
    const QString html =
        FeedbackHtml::page(record.studentName, {record}, {}, SourceHighlighter::function());
    static const QRegularExpression marked(
        QStringLiteral("<span class=\"ln\">(?<n>\\d+)</span> [^\\n]*class=\"race-(?<side>this|"
                       "other)\""));
    QStringList marks;
    QRegularExpressionMatchIterator it = marked.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        marks.append(match.captured(u"n") + u':' + match.captured(u"side"));
    }
    QCOMPARE(marks, (QStringList{str("13:this"), str("18:other")}));
    if (SourceHighlighter::available()) {
        QVERIFY(html.contains(QStringLiteral("<span style=\"color:")));
    }
}

void TestReports::scoreChart()
{
    const std::unique_ptr<QChart> chart(ClassCharts::scoreDistribution(m_statistics));
    QCOMPARE(chart->title(), str("Score distribution"));
    QBarSet *set = onlySet(chart.get());
    QVERIFY(set);
    QVERIFY(qobject_cast<QBarSeries *>(chart->series().first()));
    QCOMPARE(values(set), (QVector<qreal>{1, 0, 1, 1, 0, 2, 0, 1, 0, 0}));
    const QStringList bands = categoriesOf(chart.get());
    QCOMPARE(bands.size(), 10);
    QCOMPARE(bands.first(), str("0–9"));
    QCOMPARE(bands.last(), str("90–100"));
    QCOMPARE(ClassCharts::preferredSize(chart.get()), QSize(640, 360));
}

void TestReports::checkChart()
{
    const std::unique_ptr<QChart> chart(ClassCharts::checkPassRates(m_statistics));
    QBarSet *set = onlySet(chart.get());
    QVERIFY(set);
    QVERIFY(qobject_cast<QHorizontalBarSeries *>(chart->series().first()));
    // Bars run bottom-up, so the first check is the last category.
    const QStringList categories = categoriesOf(chart.get());
    QCOMPARE(categories.size(), 11);
    // Long titles are cut after a word.
    QCOMPARE(categories.last(), str("safe-counter: Compiles with the race…"));
    QCOMPARE(categories.first(), str("config-once: 50 callers at once…"));
    QCOMPARE(categories.at(1), str("config-once: Every caller gets the…"));
    QVERIFY(categories.contains(str("safe-counter: No data race found")));
    const QVector<qreal> percents = values(set);
    QCOMPARE(percents.last(), 80.0);  // 4 of 5
    QCOMPARE(percents.first(), 50.0); // 1 of 2
    // Taller with every check, so that each bar keeps its label.
    QCOMPARE(ClassCharts::preferredSize(chart.get()), QSize(640, 110 + 26 * 11));
}

void TestReports::raceChart()
{
    const std::unique_ptr<QChart> chart(ClassCharts::raceKinds(m_statistics));
    QBarSet *set = onlySet(chart.get());
    QVERIFY(set);
    QCOMPARE(
        categoriesOf(chart.get()),
        (QStringList{str("mistake: unlocked read"), str("mistake: missing lock"),
                     str("mistake: init flag"), str("lock order inversion"), str("data race")}));
    QCOMPARE(values(set), (QVector<qreal>{1, 1, 1, 1, 3}));

    const std::unique_ptr<QChart> empty(ClassCharts::raceKinds(ClassStatistics{}));
    QCOMPARE(empty->title(), str("Races and mistakes (none found)"));
}

void TestReports::chartImage()
{
    const std::unique_ptr<QChart> chart(ClassCharts::scoreDistribution(m_statistics));
    const QImage image = ClassCharts::toImage(chart.get(), QSize(320, 200));
    QCOMPARE(image.size(), QSize(640, 400));
    // Axes, labels and bars: a good part of the picture is drawn on.
    const int inked = inkedPixels(image);
    QVERIFY2(inked > 640 * 400 / 50, qPrintable(QString::number(inked)));
    // The chart is still the caller's, and can be drawn again.
    QCOMPARE(ClassCharts::toImage(chart.get(), QSize(320, 200)), image);
    const QImage png = QImage::fromData(ClassCharts::png(image), "PNG");
    QCOMPARE(png.size(), image.size());
}

void TestReports::pdfOfFeedback()
{
    const SubmissionRecord record = ClassFixture::record(str("ana lee"), str("safe-counter"));
    const QString html =
        FeedbackHtml::page(record.studentName, {record}, {}, SourceHighlighter::function());
    const QString path = pathIn(QStringLiteral("ana.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QString error;
    const int pages =
        HtmlPdfWriter::write(html, &file, QStringLiteral("Feedback for Ana Lee"), {}, &error);
    file.close();
    QVERIFY2(pages > 0, qPrintable(error));
    QCOMPARE(pdfPages(path), pages);

    const QString text = pdfText(path);
    QVERIFY2(text.contains(QStringLiteral("Feedback for Ana Lee")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Score set by a teaching assistant: 55 of 100")));
    QVERIFY(text.contains(QStringLiteral("Partial credit: Value() locks, Inc() does not.")));
    QVERIFY2(text.contains(QStringLiteral("\"s.value++\" & <fix> it.")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("13 ● func (s *SafeCounter) Inc() { s.value++ }")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages)));
    bool ok = false;
    const QString info =
        QString::fromUtf8(ClassFixture::runTool(QStringLiteral("pdfinfo"), {path}, &ok));
    QVERIFY(info.contains(QStringLiteral("(A4)")));
    QVERIFY(info.contains(QStringLiteral("Feedback for Ana Lee")));
}

void TestReports::pdfPagesAreNumbered()
{
    QString html = QStringLiteral("<h1>Long</h1>");
    for (int i = 1; i <= 400; ++i) {
        html += QStringLiteral("<p>Paragraph %1 of a long page.</p>").arg(i);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    const int pages = HtmlPdfWriter::write(html, &buffer, QStringLiteral("Long"), {}, &error);
    buffer.close();
    QVERIFY2(pages > 3, qPrintable(QString::number(pages)));
    const QString path = pathIn(QStringLiteral("long.pdf"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    QCOMPARE(pdfPages(path), pages);
    const QString text = pdfText(path);
    for (int page = 1; page <= pages; ++page) {
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)),
                 qPrintable(QString::number(page)));
    }
    // Nothing is lost between pages.
    QVERIFY(text.contains(QStringLiteral("Paragraph 1 of a long page.")));
    QVERIFY(text.contains(QStringLiteral("Paragraph 400 of a long page.")));
    for (int i = 1; i <= 400; ++i) {
        QVERIFY2(text.contains(QStringLiteral("Paragraph %1 of").arg(i)),
                 qPrintable(QString::number(i)));
    }
}

void TestReports::exportGradebooks()
{
    const struct
    {
        const char *format;
        GradebookFormat gradebook;
    } gradebooks[] = {{"csv", GradebookFormat::Generic},
                      {"canvas", GradebookFormat::Canvas},
                      {"moodle", GradebookFormat::Moodle}};
    for (const auto &gradebook : gradebooks) {
        const QString path =
            pathIn(QStringLiteral("books/%1.csv").arg(QLatin1String(gradebook.format)));
        QString error;
        const std::optional<ExportRequest> request =
            ReportExporter::parse(QLatin1String(gradebook.format) + u':' + path, &error);
        QVERIFY(request);
        QCOMPARE(ReportExporter::write(*request, m_contents), QStringList());
        QCOMPARE(readAll(path), GradebookExport::csv(m_results, gradebook.gradebook));
    }
}

void TestReports::exportGradescope()
{
    const QString folder = pathIn(QStringLiteral("gradescope"));
    QCOMPARE(ReportExporter::write({ExportFormat::Gradescope, folder}, m_contents), QStringList());
    const QStringList students = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(students,
             (QStringList{str("Ana Lee"), str("Farah Noor"), str("Gus Wong"),
                          str("Lee, Bo _Bobby_"), str("Zoë Ångström"), str("Émile_Durand, Jr")}));
    const QJsonObject ana =
        QJsonDocument::fromJson(readAll(folder + QStringLiteral("/Ana Lee/results.json"))).object();
    QCOMPARE(ana.value(QStringLiteral("score")).toInt(), 155);
    double sum = 0;
    for (const QJsonValue &test : ana.value(QStringLiteral("tests")).toArray()) {
        sum += test.toObject().value(QStringLiteral("score")).toDouble();
    }
    QCOMPARE(sum, 155.0);
    const QJsonObject farah =
        QJsonDocument::fromJson(readAll(folder + QStringLiteral("/Farah Noor/results.json")))
            .object();
    QCOMPARE(farah.value(QStringLiteral("score")).toInt(), 0);
    QCOMPARE(farah.value(QStringLiteral("tests")).toArray().size(), 2);
}

void TestReports::exportFeedback()
{
    const QString htmlFolder = pathIn(QStringLiteral("feedback-html"));
    const QString pdfFolder = pathIn(QStringLiteral("feedback-pdf"));
    QCOMPARE(ReportExporter::write({ExportFormat::FeedbackHtml, htmlFolder}, m_contents),
             QStringList());
    QCOMPARE(ReportExporter::write({ExportFormat::FeedbackPdf, pdfFolder}, m_contents),
             QStringList());
    const QStringList names{str("Ana Lee"),         str("Farah Noor"),   str("Gus Wong"),
                            str("Lee, Bo _Bobby_"), str("Zoë Ångström"), str("Émile_Durand, Jr")};
    QStringList htmlFiles;
    QStringList pdfFiles;
    for (const QString &name : names) {
        htmlFiles.append(name + QStringLiteral(".html"));
        pdfFiles.append(name + QStringLiteral(".pdf"));
    }
    QCOMPARE(QDir(htmlFolder).entryList(QDir::Files), htmlFiles);
    QCOMPARE(QDir(pdfFolder).entryList(QDir::Files), pdfFiles);

    const QString anaHtml =
        QString::fromUtf8(readAll(htmlFolder + QStringLiteral("/Ana Lee.html")));
    QVERIFY(anaHtml.contains(QStringLiteral("<h2>Safe counter</h2>")));
    QVERIFY(anaHtml.contains(QStringLiteral("class=\"race-this\"")));
    QVERIFY(!anaHtml.contains(QStringLiteral("Parallel fetch")));

    const QString anaPdf = pdfFolder + QStringLiteral("/Ana Lee.pdf");
    const int pages = pdfPages(anaPdf);
    QVERIFY(pages >= 2);
    const QString ana = pdfText(anaPdf);
    QVERIFY(ana.contains(QStringLiteral("Total: 155 of 200")));
    QVERIFY(ana.contains(QStringLiteral("Config loaded once")));
    QVERIFY(ana.contains(QStringLiteral("Partial credit: Value() locks, Inc() does not.")));
    QVERIFY(ana.contains(QStringLiteral("Page %1 of %1").arg(pages)));

    const QString farah = pdfText(pdfFolder + QStringLiteral("/Farah Noor.pdf"));
    QCOMPARE(pdfPages(pdfFolder + QStringLiteral("/Farah Noor.pdf")), 1);
    QVERIFY(farah.contains(QStringLiteral("Feedback for Farah Noor Total: 0 of 200")));
    QCOMPARE(farah.count(QStringLiteral("Nothing was handed in for this exercise")), 2);

    const QString gus = pdfText(pdfFolder + QStringLiteral("/Gus Wong.pdf"));
    QVERIFY(gus.contains(QStringLiteral("Could not be graded: the Go toolchain is missing")));
}

void TestReports::exportSummary()
{
    const QString htmlPath = pathIn(QStringLiteral("summary/class.html"));
    const QString pdfPath = pathIn(QStringLiteral("summary/class.pdf"));
    QCOMPARE(ReportExporter::write({ExportFormat::SummaryHtml, htmlPath}, m_contents),
             QStringList());
    QCOMPARE(ReportExporter::write({ExportFormat::SummaryPdf, pdfPath}, m_contents), QStringList());

    const QString html = QString::fromUtf8(readAll(htmlPath));
    static const QRegularExpression image(
        QStringLiteral("<img src=\"data:image/png;base64,(?<png>[A-Za-z0-9+/=]+)\""));
    QRegularExpressionMatchIterator it = image.globalMatch(html);
    QVector<QSize> sizes;
    while (it.hasNext()) {
        sizes.append(
            QImage::fromData(QByteArray::fromBase64(it.next().captured(u"png").toLatin1()), "PNG")
                .size());
    }
    // Twice the logical size: scores, 11 checks, 5 kinds of race and mistake.
    QCOMPARE(sizes, (QVector<QSize>{QSize(1280, 720), QSize(1280, 2 * (110 + 26 * 11)),
                                    QSize(1280, 2 * 240)}));
    QVERIFY(html.contains(QStringLiteral("<title>Class summary: concurrency-2026</title>")));
    QVERIFY(html.contains(QStringLiteral("<td>Mean total</td><td class=\"number\">40.0%</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>Median total</td><td class=\"number\">42.5%</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>safe-counter</td><td>No data race found</td><td "
                                         "class=\"number\">2</td><td class=\"number\">4</td><td "
                                         "class=\"number\">50.0%</td>")));
    QVERIFY(html.contains(QStringLiteral("<td>Ana Lee</td><td>1001</td><td class=\"number\">55 "
                                         "(TA)</td><td class=\"number\">100</td><td "
                                         "class=\"number\">155</td>")));
    QVERIFY(html.contains(QStringLiteral("Zoë Ångström, Safe counter: the same file as émile")));
    QVERIFY(html.contains(QStringLiteral("<li>farah@uni.example: submitted nothing</li>")));

    const int pages = pdfPages(pdfPath);
    QVERIFY(pages >= 2);
    const QString text = pdfText(pdfPath);
    for (const QString &expected :
         {str("Class summary: concurrency-2026"), str("Students 6"), str("Submissions 9"),
          str("Exercises not handed in 3"), str("Mean total 40.0%"), str("Median total 42.5%"),
          str("Exercise Check Passed Judged Pass rate"),
          str("config-once Every caller gets the same settings 2 "
              "2 100.0%"),
          str("data race 3"), str("mistake: unlocked read 1"), str("Page 1 of")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    // The three charts are pictures in the PDF.
    bool ok = false;
    const QString list = QString::fromUtf8(ClassFixture::runTool(
        QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdfPath}, &ok));
    QVERIFY(ok);
    int charts = 0;
    for (const QString &line : list.split(u'\n')) {
        const QStringList columns = line.simplified().split(u' ');
        charts += columns.size() > 4 && columns.at(2) == u"image" && columns.at(3) == u"1280";
    }
    QCOMPARE(charts, 3);
}

void TestReports::exportJson()
{
    const QString path = pathIn(QStringLiteral("session.json"));
    QCOMPARE(ReportExporter::write({ExportFormat::SessionJson, path}, m_contents), QStringList());
    const Expected<SessionData> data =
        SessionJson::fromJson(QJsonDocument::fromJson(readAll(path)).object());
    QVERIFY2(data.hasValue(), qPrintable(data.error()));
    QVERIFY(data->records == m_contents.records);
    QCOMPARE(data->roster, m_contents.roster);
}

void TestReports::exportToUnwritablePlace()
{
    // A file where a folder should be: every student's file fails, each one said.
    const QString blocker = pathIn(QStringLiteral("blocker"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QStringList problems = ReportExporter::write(
        {ExportFormat::FeedbackHtml, blocker + QStringLiteral("/x")}, m_contents);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("cannot create the folder")),
             qPrintable(problems.first()));
    const QStringList csv = ReportExporter::write(
        {ExportFormat::CanvasCsv, blocker + QStringLiteral("/c.csv")}, m_contents);
    QCOMPARE(csv.size(), 1);
    QVERIFY(csv.first().startsWith(blocker + QStringLiteral("/c.csv: ")));
}

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
