#include "exercise.h"

#include <array>
#include <utility>

namespace RaceGrade {

namespace {

constexpr std::array<std::pair<CheckKind, const char16_t *>, 7> checkKindIds{{
    {CheckKind::Compile, u"compile"},
    {CheckKind::FinalLine, u"final-line"},
    {CheckKind::LineCount, u"line-count"},
    {CheckKind::CleanExit, u"clean-exit"},
    {CheckKind::RaceFree, u"race-free"},
    {CheckKind::Harness, u"harness"},
    {CheckKind::Vet, u"vet"},
}};

} // namespace

QString checkKindId(CheckKind kind)
{
    for (const auto &[candidate, id] : checkKindIds) {
        if (candidate == kind) {
            return QString::fromUtf16(id);
        }
    }
    return {};
}

std::optional<CheckKind> checkKindFromId(QStringView id)
{
    for (const auto &[kind, candidate] : checkKindIds) {
        if (id == QStringView(candidate)) {
            return kind;
        }
    }
    return std::nullopt;
}

int Exercise::maxPoints(Language language) const
{
    int total = 0;
    for (const CheckSpec &check : checks.value(language)) {
        total += check.points;
    }
    return total;
}

bool Exercise::hasCheck(Language language, CheckKind kind) const
{
    for (const CheckSpec &check : checks.value(language)) {
        if (check.kind == kind) {
            return true;
        }
    }
    return false;
}

} // namespace RaceGrade
