#include "logging.h"

Q_LOGGING_CATEGORY(lcExercises, "racegrade.exercises", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRunner, "racegrade.runner", QtWarningMsg)
Q_LOGGING_CATEGORY(lcBuild, "racegrade.build", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGrading, "racegrade.grading", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "racegrade.sandbox", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClass, "racegrade.class", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "racegrade.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcReports, "racegrade.reports", QtWarningMsg)
