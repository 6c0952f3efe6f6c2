#include "harnessprotocol.h"

namespace RaceGrade {

QVector<HarnessVerdict> HarnessProtocol::parse(QStringView stdoutText)
{
    QVector<HarnessVerdict> verdicts;
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
        // "<test-id> pass|fail <detail>"
        const QString rest = line.mid(prefix().size()).toString();
        const QString testId = rest.section(u' ', 0, 0);
        const QString status = rest.section(u' ', 1, 1);
        if (testId.isEmpty() || (status != u"pass" && status != u"fail")) {
            continue;
        }
        verdicts.append(HarnessVerdict{testId, status == u"pass", rest.section(u' ', 2).trimmed()});
    }
    return verdicts;
}

} // namespace RaceGrade
