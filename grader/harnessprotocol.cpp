#include "harnessprotocol.h"

#include <QRandomGenerator>

namespace RaceGrade {

QString HarnessProtocol::makeKey()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString key;
    for (const quint32 word : words) {
        key += QStringLiteral("%1").arg(word, 8, 16, QLatin1Char('0'));
    }
    return key;
}

QVector<HarnessVerdict> HarnessProtocol::parse(QStringView stdoutText, QStringView key,
                                               int *forgedLines)
{
    QVector<HarnessVerdict> verdicts;
    int forged = 0;
    qsizetype start = 0;
    while (start < stdoutText.size()) {
        qsizetype end = stdoutText.indexOf(u'\n', start);
        if (end < 0) {
            end = stdoutText.size();
        }
        const QStringView line = stdoutText.mid(start, end - start).trimmed();
        start = end + 1;
        if (!line.startsWith(prefix())) {
            continue;
        }
        // "<key> <test-id> pass|fail <detail>"
        const QString rest = line.mid(prefix().size()).toString();
        const QString lineKey = rest.section(u' ', 0, 0);
        const QString testId = rest.section(u' ', 1, 1);
        const QString status = rest.section(u' ', 2, 2);
        if (key.isEmpty() || lineKey != key) {
            ++forged;
            continue;
        }
        if (testId.isEmpty() || (status != u"pass" && status != u"fail")) {
            continue;
        }
        verdicts.append(HarnessVerdict{testId, status == u"pass", rest.section(u' ', 3).trimmed()});
    }
    if (forgedLines) {
        *forgedLines = forged;
    }
    return verdicts;
}

QVector<int> HarnessProtocol::markerLines(const QByteArray &source)
{
    QVector<int> lines;
    const QByteArray needle = marker().toString().toLatin1();
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + 1)) {
        for (; lineStart < at; ++lineStart) {
            line += source.at(lineStart) == '\n' ? 1 : 0;
        }
        if (lines.isEmpty() || lines.last() != line) {
            lines.append(line);
        }
    }
    return lines;
}

} // namespace RaceGrade
