#include "grade.h"

namespace RaceGrade {

QString verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Fail:
        return QStringLiteral("fail");
    case Verdict::Error:
        return QStringLiteral("error");
    }
    return {};
}

const CheckResult *Grade::check(QStringView id) const
{
    for (const CheckResult &result : checks) {
        if (result.id == id) {
            return &result;
        }
    }
    return nullptr;
}

} // namespace RaceGrade
