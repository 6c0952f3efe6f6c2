// The class table's model and filter proxy on hand-made results: what each cell says, how a
// record saved during a batch changes one cell, and which rows each filter keeps.

#include "classfilterproxy.h"
#include "classtablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace RaceGrade;

namespace {

const QString counter = QStringLiteral("safe-counter");
const QString once = QStringLiteral("config-once");

SubmissionRecord graded(const QString &key, const QString &exercise, Verdict verdict, int score,
                        int races = 0)
{
    SubmissionRecord record;
    record.studentKey = key;
    record.studentName = key.left(1).toUpper() + key.mid(1);
    record.exercise = exercise;
    record.sourcePath = record.studentName + QStringLiteral("/main.go");
    record.graded = true;
    record.grade.exercise = exercise;
    record.grade.verdict = verdict;
    record.grade.score = score;
    record.grade.maxScore = 100;
    for (int i = 0; i < races; ++i) {
        RaceFinding race;
        race.kind = QStringLiteral("data-race");
        record.grade.races.append(race);
    }
    return record;
}

StudentResults student(const QString &key, const QVector<SubmissionRecord> &records)
{
    StudentResults result;
    result.key = key;
    result.name = key.left(1).toUpper() + key.mid(1);
    result.id = QStringLiteral("id-") + key;
    for (const SubmissionRecord &record : records) {
        result.byExercise.insert(record.exercise, record);
    }
    return result;
}

/// ana passes both; ben is racy on the counter and missed config-once; cleo's counter is
/// identical to ana's and overridden; dev's counter is not graded yet and failed config-once;
/// erin is on the roster with nothing handed in.
ClassResults sampleClass()
{
    ClassResults results;
    results.columns = {{counter, QStringLiteral("Safe counter"), 100},
                       {once, QStringLiteral("Config once"), 100}};
    SubmissionRecord cleoCounter = graded(QStringLiteral("cleo"), counter, Verdict::Pass, 100);
    cleoCounter.identicalTo = QStringList{QStringLiteral("ana")};
    cleoCounter.override = ScoreOverride{60, QStringLiteral("copied"), QStringLiteral("ta"), {}};
    SubmissionRecord anaCounter = graded(QStringLiteral("ana"), counter, Verdict::Pass, 100);
    anaCounter.identicalTo = QStringList{QStringLiteral("cleo")};
    SubmissionRecord devCounter = graded(QStringLiteral("dev"), counter, Verdict::Error, 0);
    devCounter.graded = false;
    results.students = {
        student(QStringLiteral("ana"),
                {anaCounter, graded(QStringLiteral("ana"), once, Verdict::Pass, 100)}),
        student(QStringLiteral("ben"),
                {graded(QStringLiteral("ben"), counter, Verdict::Fail, 40, 2)}),
        student(QStringLiteral("cleo"),
                {cleoCounter, graded(QStringLiteral("cleo"), once, Verdict::Pass, 100)}),
        student(QStringLiteral("dev"),
                {devCounter, graded(QStringLiteral("dev"), once, Verdict::Fail, 70)}),
    };
    StudentResults erin;
    erin.name = QStringLiteral("Erin Roster");
    erin.id = QStringLiteral("s-5");
    erin.email = QStringLiteral("erin@uni.example");
    erin.inRoster = true;
    results.students.append(erin);
    return results;
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

/// "Ana|Ben" as a list.
QStringList names(const char *joined)
{
    return text(joined).split(u'|');
}

QStringList shownNames(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        names.append(model.index(row, ClassTableModel::NameColumn).data().toString());
    }
    return names;
}

} // namespace

class TestClassTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellsSayScoreAndStatus_data();
    void cellsSayScoreAndStatus();
    void totalsCountOverrides();
    void savedRecordChangesOneCell();
    void recordOfANewStudentAddsARow();
    void reloadOfTheSameClassKeepsRows();
    void filtersKeepTheirRows_data();
    void filtersKeepTheirRows();
    void sortsByScore();
    void iconsDifferByStatusAndBadge();
};

void TestClassTableModel::cellsSayScoreAndStatus_data()
{
    QTest::addColumn<QString>("student");
    QTest::addColumn<QString>("exercise");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("overridden");
    QTest::addColumn<bool>("identical");

    QTest::newRow("pass") << text("ana") << once << text("100/100") << int(SubmissionStatus::Pass)
                          << false << false;
    QTest::newRow("racy") << text("ben") << counter << text("40/100") << int(SubmissionStatus::Racy)
                          << false << false;
    QTest::newRow("not submitted") << text("ben") << once << text("—")
                                   << int(SubmissionStatus::NotSubmitted) << false << false;
    QTest::newRow("overridden and identical") << text("cleo") << counter << text("60/100 ✎ ≡")
                                              << int(SubmissionStatus::Pass) << true << true;
    QTest::newRow("not graded") << text("dev") << counter << text("not graded")
                                << int(SubmissionStatus::NotGraded) << false << false;
    QTest::newRow("fail") << text("dev") << once << text("70/100") << int(SubmissionStatus::Fail)
                          << false << false;
}

void TestClassTableModel::cellsSayScoreAndStatus()
{
    QFETCH(QString, student);
    QFETCH(QString, exercise);
    QFETCH(QString, text);
    QFETCH(int, status);
    QFETCH(bool, overridden);
    QFETCH(bool, identical);

    ClassTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setResults(sampleClass());
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(model.headerData(model.columnOf(counter), Qt::Horizontal).toString(),
             QStringLiteral("Safe counter"));
    const QModelIndex cell = model.index(model.rowOf(student), model.columnOf(exercise));
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(cell.data(ClassTableModel::StatusRole).toInt(), status);
    QCOMPARE(cell.data(ClassTableModel::OverriddenRole).toBool(), overridden);
    QCOMPARE(cell.data(ClassTableModel::IdenticalRole).toBool(), identical);
    QCOMPARE(cell.data(ClassTableModel::ExerciseRole).toString(), exercise);
    QCOMPARE(cell.data(ClassTableModel::StudentKeyRole).toString(), student);
    QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
    const QString spoken = cell.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.contains(ClassTableModel::statusText(SubmissionStatus(status))),
             qPrintable(spoken));
}

void TestClassTableModel::totalsCountOverrides()
{
    ClassTableModel model;
    model.setResults(sampleClass());
    const auto total = [&](const QString &key) {
        return model.index(model.rowOf(key), model.totalColumn()).data().toString();
    };
    QCOMPARE(total(QStringLiteral("ana")), QStringLiteral("200/200"));
    QCOMPARE(total(QStringLiteral("cleo")), QStringLiteral("160/200")); // 60 set by the TA
    QCOMPARE(total(QStringLiteral("dev")), QStringLiteral("70/200"));
    // The roster's student with no work has no key, so no row is found by key, but it is there.
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(4, model.totalColumn()).data().toString(), QStringLiteral("0/200"));
    QCOMPARE(model.index(4, model.columnOf(counter)).data(ClassTableModel::StatusRole).toInt(),
             int(SubmissionStatus::NotSubmitted));
}

void TestClassTableModel::savedRecordChangesOneCell()
{
    ClassTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setResults(sampleClass());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.updateRecord(graded(QStringLiteral("dev"), counter, Verdict::Pass, 100));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const int row = model.rowOf(QStringLiteral("dev"));
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
    const QModelIndex cell = model.index(row, model.columnOf(counter));
    QCOMPARE(cell.data().toString(), QStringLiteral("100/100"));
    QCOMPARE(cell.data(ClassTableModel::StatusRole).toInt(), int(SubmissionStatus::Pass));
    QCOMPARE(model.index(row, model.totalColumn()).data().toString(), QStringLiteral("170/200"));
}

void TestClassTableModel::recordOfANewStudentAddsARow()
{
    ClassTableModel model;
    QAbstractItemModelTester tester(&model);
    model.setResults(sampleClass());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy columns(&model, &QAbstractItemModel::columnsInserted);
    SubmissionRecord record =
        graded(QStringLiteral("fay"), QStringLiteral("parallel-fetch"), Verdict::Fail, 30, 1);
    model.updateRecord(record);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(columns.size(), 1);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), 6);
    const QModelIndex cell =
        model.index(model.rowOf(QStringLiteral("fay")), model.columnOf(record.exercise));
    QCOMPARE(cell.data().toString(), QStringLiteral("30/100"));
    QCOMPARE(cell.data(ClassTableModel::StatusRole).toInt(), int(SubmissionStatus::Racy));
}

void TestClassTableModel::reloadOfTheSameClassKeepsRows()
{
    ClassTableModel model;
    model.setResults(sampleClass());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    ClassResults again = sampleClass();
    again.students[1].byExercise[counter].grade.score = 55;
    model.setResults(again);
    QCOMPARE(reset.size(), 0);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(model.index(1, model.columnOf(counter)).data().toString(), QStringLiteral("55/100"));

    // Another class: a new shape resets the model.
    ClassResults other = sampleClass();
    other.students.removeLast();
    model.setResults(other);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 4);
}

void TestClassTableModel::filtersKeepTheirRows_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("all") << int(ClassFilterProxy::Filter::All) << QString()
                         << names("Ana|Ben|Cleo|Dev|Erin Roster");
    QTest::newRow("failing") << int(ClassFilterProxy::Filter::Failing) << QString()
                             << names("Ben|Dev");
    QTest::newRow("racy") << int(ClassFilterProxy::Filter::Racy) << QString() << names("Ben");
    QTest::newRow("not submitted")
        << int(ClassFilterProxy::Filter::NotSubmitted) << QString() << names("Ben|Erin Roster");
    QTest::newRow("identical") << int(ClassFilterProxy::Filter::Identical) << QString()
                               << names("Ana|Cleo");
    QTest::newRow("text in the name")
        << int(ClassFilterProxy::Filter::All) << QStringLiteral("cle") << names("Cleo");
    QTest::newRow("text in the e-mail, any case")
        << int(ClassFilterProxy::Filter::All) << QStringLiteral("UNI.EXAMPLE")
        << names("Erin Roster");
    QTest::newRow("text and filter")
        << int(ClassFilterProxy::Filter::Failing) << QStringLiteral("id-d") << names("Dev");
}

void TestClassTableModel::filtersKeepTheirRows()
{
    QFETCH(int, filter);
    QFETCH(QString, search);
    QFETCH(QStringList, names);

    ClassTableModel model;
    model.setResults(sampleClass());
    ClassFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy);
    proxy.setSourceModel(&model);
    proxy.sort(ClassTableModel::NameColumn);
    proxy.setFilter(ClassFilterProxy::Filter(filter));
    proxy.setSearchText(search);
    QCOMPARE(shownNames(proxy), names);
}

void TestClassTableModel::sortsByScore()
{
    ClassTableModel model;
    model.setResults(sampleClass());
    ClassFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(model.columnOf(counter), Qt::DescendingOrder);
    // Scores first (100, 60 set by a TA, 40), then not graded, then nothing handed in.
    QCOMPARE(shownNames(proxy), (names("Ana|Cleo|Ben|Dev|Erin Roster")));
    proxy.sort(model.totalColumn(), Qt::AscendingOrder);
    QCOMPARE(shownNames(proxy).first(), QStringLiteral("Erin Roster"));
    QCOMPARE(shownNames(proxy).last(), QStringLiteral("Ana"));

    // A score that changes moves its row while the table is sorted.
    model.updateRecord(graded(QStringLiteral("dev"), counter, Verdict::Pass, 100));
    model.updateRecord(graded(QStringLiteral("dev"), once, Verdict::Pass, 100));
    // Dev now has 200 like Ana: the two end the list, after Cleo's 160.
    QCOMPARE(shownNames(proxy).mid(3).size(), 2);
    QVERIFY(shownNames(proxy).mid(3).contains(QStringLiteral("Dev")));
    QVERIFY(shownNames(proxy).mid(3).contains(QStringLiteral("Ana")));
}

void TestClassTableModel::iconsDifferByStatusAndBadge()
{
    const auto image = [](SubmissionStatus status, bool overridden, bool identical) {
        return ClassTableModel::statusIcon(status, overridden, identical)
            .pixmap(QSize(24, 24))
            .toImage();
    };
    const QVector<SubmissionStatus> statuses = {SubmissionStatus::NotSubmitted,
                                                SubmissionStatus::NotGraded, SubmissionStatus::Pass,
                                                SubmissionStatus::Fail, SubmissionStatus::Racy};
    QVector<QImage> seen;
    for (SubmissionStatus status : statuses) {
        for (int badges = 0; badges < 4; ++badges) {
            const QImage drawn = image(status, badges & 1, badges & 2);
            QVERIFY(!drawn.isNull());
            QVERIFY2(
                !seen.contains(drawn),
                qPrintable(
                    QStringLiteral("icon %1/%2 repeats another").arg(int(status)).arg(badges)));
            seen.append(drawn);
        }
    }
}

QTEST_MAIN(TestClassTableModel)
#include "tst_classtablemodel.moc"
