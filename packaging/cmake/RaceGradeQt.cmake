# Chooses the Qt major version for the whole build.
#
# Preference: Qt 6 when both Qt 6 Widgets and KF6 SyntaxHighlighting are found; otherwise Qt 5.15
# with KF5 SyntaxHighlighting (what Debian 12 ships); otherwise Qt 6 without the syntax highlighter.
# -DQT_MAJOR_VERSION=5 or 6 skips the search and uses that major.
#
# Sets QT_MAJOR_VERSION, RACEGRADE_HAVE_WIDGETS and RACEGRADE_SYNTAX_TARGET (empty when there is no
# KSyntaxHighlighting for the chosen major).

set(QT_MAJOR_VERSION "" CACHE STRING "Qt major version to build against (5 or 6; empty: choose)")

function(_racegrade_probe major out_qt out_kf)
    find_package(Qt${major} QUIET COMPONENTS Core Widgets)
    set(${out_qt} ${Qt${major}Widgets_FOUND} PARENT_SCOPE)
    find_package(KF${major}SyntaxHighlighting QUIET)
    set(${out_kf} ${KF${major}SyntaxHighlighting_FOUND} PARENT_SCOPE)
endfunction()

if(NOT QT_MAJOR_VERSION)
    _racegrade_probe(6 _qt6_widgets _kf6)
    if(_qt6_widgets AND _kf6)
        set(_chosen 6)
    else()
        _racegrade_probe(5 _qt5_widgets _kf5)
        if(_qt5_widgets AND _kf5)
            set(_chosen 5)
        else()
            set(_chosen 6)
        endif()
    endif()
    set(QT_MAJOR_VERSION ${_chosen} CACHE STRING
        "Qt major version to build against (5 or 6; empty: choose)" FORCE)
endif()

if(NOT QT_MAJOR_VERSION MATCHES "^[56]$")
    message(FATAL_ERROR "QT_MAJOR_VERSION must be 5 or 6, not '${QT_MAJOR_VERSION}'")
endif()

if(QT_MAJOR_VERSION EQUAL 5)
    find_package(Qt5 5.15 REQUIRED COMPONENTS Core Test)
else()
    find_package(Qt6 6.2 REQUIRED COMPONENTS Core Test)
endif()
find_package(Qt${QT_MAJOR_VERSION} QUIET COMPONENTS Widgets)
set(RACEGRADE_HAVE_WIDGETS ${Qt${QT_MAJOR_VERSION}Widgets_FOUND})

find_package(KF${QT_MAJOR_VERSION}SyntaxHighlighting QUIET)
if(KF${QT_MAJOR_VERSION}SyntaxHighlighting_FOUND)
    set(RACEGRADE_SYNTAX_TARGET KF${QT_MAJOR_VERSION}::SyntaxHighlighting)
else()
    set(RACEGRADE_SYNTAX_TARGET "")
endif()

message(STATUS "RaceGrade: Qt ${QT_MAJOR_VERSION}"
               ", widgets: ${RACEGRADE_HAVE_WIDGETS}"
               ", KSyntaxHighlighting: ${KF${QT_MAJOR_VERSION}SyntaxHighlighting_FOUND}")
