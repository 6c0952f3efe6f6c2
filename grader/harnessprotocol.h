#pragma once

#include <QString>
#include <QStringView>
#include <QVector>

namespace RaceGrade {

/// One verdict printed by an exercise's hidden test harness.
///
/// A harness prints each verdict on its own stdout line:
///
///     @@racegrade <key> <test-id> pass|fail <detail in plain words>
///
/// The key is a random value made for each grading and compiled into the harness build only
/// (never into a file the student's code is compiled with), so that a submission cannot print a
/// verdict of its own. The test id is the `test` field of a `harness` check in the exercise
/// manifest. The detail is shown to the student as the reason of the check.
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
    /// What starts every verdict line.
    static constexpr QStringView prefix() { return u"@@racegrade "; }
    /// The marker without its space, as a submission might spell it.
    static constexpr QStringView marker() { return u"@@racegrade"; }

    /// A fresh random key: 32 lowercase hex digits.
    static QString makeKey();

    /// The verdicts carrying `key`. Lines that start with the prefix but do not carry the key
    /// (forgeries) are not verdicts; their number is stored in *forgedLines when given.
    static QVector<HarnessVerdict> parse(QStringView stdoutText, QStringView key,
                                         int *forgedLines = nullptr);

    /// Lines of a submission's source that hold the marker (1-based); a submission has no
    /// reason to print it.
    static QVector<int> markerLines(const QByteArray &source);
};

} // namespace RaceGrade
