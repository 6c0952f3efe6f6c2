#pragma once

#include <QLoggingCategory>

// The class window's category: warnings are on, debug output (whole session reads, batches) is
// off unless enabled with QT_LOGGING_RULES="racegrade.classview.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcClassView) // racegrade.classview
