#include "classviewlogging.h"

Q_LOGGING_CATEGORY(lcClassView, "racegrade.classview", QtWarningMsg)
