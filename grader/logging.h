#pragma once

#include <QLoggingCategory>

// One category per part of the engine; warnings are on, debug output is off unless enabled with
// QT_LOGGING_RULES="racegrade.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcExercises) // racegrade.exercises
Q_DECLARE_LOGGING_CATEGORY(lcRunner)    // racegrade.runner
Q_DECLARE_LOGGING_CATEGORY(lcBuild)     // racegrade.build
Q_DECLARE_LOGGING_CATEGORY(lcGrading)   // racegrade.grading
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)   // racegrade.sandbox
Q_DECLARE_LOGGING_CATEGORY(lcClass)     // racegrade.class
Q_DECLARE_LOGGING_CATEGORY(lcSession)   // racegrade.session
Q_DECLARE_LOGGING_CATEGORY(lcReports)   // racegrade.reports
