#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

namespace RaceGrade {

/// One verdict printed by an exercise's hidden test harness.
///
/// A harness prints each verdict on its own stdout line:
///
///     @@racegrade <test-id> pass|fail <detail in plain words>
///
/// The test id is the `test` field of a `harness` check in the exercise manifest. The detail is
/// shown to the student as the reason of the check.
struct HarnessVerdict
{
    QString testId;
    bool passed = false;
    QString detail;

    bool operator==(const HarnessVerdict &other) const = default;
};

/// Reads the harness verdict lines out of a harness run's stdout; other lines are ignored.
class HarnessProtocol
{
public:
    static constexpr QStringView prefix() { return u"@@racegrade "; }
    static QVector<HarnessVerdict> parse(QStringView stdoutText);
};

} // namespace RaceGrade
