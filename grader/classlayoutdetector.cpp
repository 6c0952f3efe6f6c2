#include "classlayoutdetector.h"

#include "submissionarchive.h"

#include <QRegularExpression>

namespace RaceGrade {

namespace {

struct LayoutName
{
    ClassLayout layout;
    QLatin1String id;
};

const LayoutName layoutNames[] = {
    {ClassLayout::Folders, QLatin1String("folders")},
    {ClassLayout::Archives, QLatin1String("archives")},
    {ClassLayout::Canvas, QLatin1String("canvas")},
    {ClassLayout::Moodle, QLatin1String("moodle")},
    {ClassLayout::Mixed, QLatin1String("mixed")},
    {ClassLayout::Empty, QLatin1String("empty")},
};

// "1 of 3 entries is", "2 of 3 entries are": the sentences start with a count.
QString countOf(qsizetype count, qsizetype total)
{
    return QStringLiteral("%1 of %2 %3 %4")
        .arg(count)
        .arg(total)
        .arg(total == 1 ? QStringLiteral("entry") : QStringLiteral("entries"),
             count == 1 ? QStringLiteral("is") : QStringLiteral("are"));
}

QString noun(qsizetype count, const char *one, const char *many)
{
    return QString::fromUtf8(count == 1 ? one : many);
}

} // namespace

QString classLayoutId(ClassLayout layout)
{
    for (const LayoutName &name : layoutNames) {
        if (name.layout == layout) {
            return name.id;
        }
    }
    return {};
}

std::optional<ClassLayout> classLayoutFromId(QStringView id)
{
    for (const LayoutName &name : layoutNames) {
        if (id == name.id) {
            return name.layout;
        }
    }
    return std::nullopt;
}

LayoutGuess ClassLayoutDetector::detect(const QVector<LayoutEntry> &entries)
{
    qsizetype canvas = 0;
    qsizetype moodle = 0;
    qsizetype folders = 0;
    qsizetype archives = 0;
    for (const LayoutEntry &entry : entries) {
        if (entry.file && parseCanvas(entry.name)) {
            ++canvas;
        }
        const std::optional<MoodleEntryName> moodleName =
            entry.folder || entry.file ? parseMoodle(entry.name) : std::nullopt;
        if (moodleName && (entry.file || moodleName->rest.isEmpty())) {
            ++moodle;
        }
        if (entry.folder) {
            ++folders;
        } else if (entry.file && SubmissionArchive::isArchiveName(entry.name)) {
            ++archives;
        }
    }
    const qsizetype total = entries.size();
    if (total == 0) {
        return {ClassLayout::Empty, QStringLiteral("the class folder is empty")};
    }
    // A platform's names are specific enough that half of the entries settle it; the rest may
    // be a teacher's notes or a student who was added by hand.
    if (moodle > 0 && moodle * 2 >= total && moodle >= canvas) {
        return {ClassLayout::Moodle,
                countOf(moodle, total) +
                    noun(moodle, " named the way Moodle names a submission",
                         " named the way Moodle names submissions") +
                    QStringLiteral(" (\"Full Name_12345_assignsubmission_file_\")")};
    }
    if (canvas > 0 && canvas * 2 >= total) {
        return {ClassLayout::Canvas,
                countOf(canvas, total) +
                    noun(canvas, " a file named the way Canvas names a submission",
                         " files named the way Canvas names submissions") +
                    QStringLiteral(" (\"name_userid_submissionid_file\")")};
    }
    if (folders > 0 && archives > 0) {
        return {ClassLayout::Mixed, countOf(folders, total) +
                                        noun(folders, " a student folder", " student folders") +
                                        QStringLiteral(" and %1 %2, one per student")
                                            .arg(archives)
                                            .arg(noun(archives, "is an archive", "are archives"))};
    }
    if (folders > 0) {
        return {ClassLayout::Folders,
                countOf(folders, total) + noun(folders, " a folder, taken as one student's",
                                               " folders, one per student")};
    }
    if (archives > 0) {
        return {ClassLayout::Archives,
                countOf(archives, total) +
                    noun(archives, " a .zip, .tar or .tar.gz archive, taken as one student's",
                         " .zip, .tar or .tar.gz archives, one per student")};
    }
    const QString what = QStringLiteral("a student folder, an archive or a file named the way "
                                        "Canvas or Moodle names submissions");
    return {ClassLayout::Empty,
            total == 1 ? QStringLiteral("its one entry is not ") + what
                       : QStringLiteral("none of the %1 entries is ").arg(total) + what};
}

std::optional<CanvasFileName> ClassLayoutDetector::parseCanvas(const QString &fileName)
{
    // Canvas joins the student's names without spaces or punctuation, so the name holds no
    // underscore; the ids are numbers; the rest is the file as it was uploaded.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(?<name>[^_]+?)(?<late>_LATE)?_(?<user>\d+)_(?<submission>\d+)_(?<original>.+)$)"));
    const QRegularExpressionMatch match = pattern.match(fileName);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    CanvasFileName parsed;
    parsed.name = match.captured(u"name");
    parsed.late = !match.captured(u"late").isEmpty();
    parsed.userId = match.captured(u"user");
    parsed.submissionId = match.captured(u"submission");
    parsed.original = match.captured(u"original");
    parsed.revision = canvasRevision(parsed.original);
    return parsed;
}

std::optional<MoodleEntryName> ClassLayoutDetector::parseMoodle(const QString &entryName)
{
    // The name is greedy so that a name holding "_" still leaves the last id to the id.
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(?<name>.+)_(?<id>\d+)_assignsubmission_(?<plugin>[a-z]+)_(?<rest>.*)$)"));
    const QRegularExpressionMatch match = pattern.match(entryName);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    return MoodleEntryName{match.captured(u"name"), match.captured(u"id"),
                           match.captured(u"plugin"), match.captured(u"rest")};
}

int ClassLayoutDetector::canvasRevision(const QString &originalName)
{
    static const QRegularExpression numbered(
        QStringLiteral(R"(-(?<revision>[1-9]\d{0,3})(?<extension>\.[A-Za-z0-9+]+(\.gz)?)?$)"));
    const QRegularExpressionMatch match = numbered.match(originalName);
    return match.hasMatch() ? match.captured(u"revision").toInt() : 0;
}

} // namespace RaceGrade
