#pragma once

#include "classresults.h"

#include <QJsonObject>

namespace RaceGrade {

/// Gradescope's autograder results format (`results.json`): `score`, `execution_time`,
/// `output`, and `tests[]` with `name`, `score`, `max_score`, `status`, `output`,
/// `visibility`. Pure.
class GradescopeExport
{
public:
    /// The results of one grading: a test per check.
    static QJsonObject fromGrade(const Grade &grade);
    /// The results of one student's submission: a test per check of every exercise, the
    /// exercise named in each test; a TA's override replaces an exercise's score and is said
    /// in its output, with a test "<title>: score set by a teaching assistant" worth the
    /// difference, so that the tests always add up to `score`. An exercise with nothing handed
    /// in (or not graded) is one failed test worth 0 of the exercise's maximum.
    static QJsonObject fromStudent(const StudentResults &student,
                                   const QVector<GradebookColumn> &columns);
};

} // namespace RaceGrade
