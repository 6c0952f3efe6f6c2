#include "runrecord.h"

namespace RaceGrade {

QString binaryKindId(BinaryKind kind)
{
    switch (kind) {
    case BinaryKind::Program:
        return QStringLiteral("program");
    case BinaryKind::PlainProgram:
        return QStringLiteral("plain");
    case BinaryKind::Harness:
        return QStringLiteral("harness");
    }
    return {};
}

bool RunRecord::hasDataRace() const
{
    for (const RaceReport &report : parsed.races) {
        if (report.kind == ReportKind::DataRace) {
            return true;
        }
    }
    return false;
}

} // namespace RaceGrade
