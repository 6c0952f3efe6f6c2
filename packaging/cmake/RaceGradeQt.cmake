# Chooses the Qt major version for the whole build.
#
# Preference: Qt 6 when both Qt 6 Widgets and KF6 SyntaxHighlighting are found; otherwise Qt 5.15
# with KF5 SyntaxHighlighting (what Debian 12 ships); otherwise Qt 6 without the syntax highlighter.
# -DQT_MAJOR_VERSION=5 or 6 skips the search and uses that major.
#
# Sets QT_MAJOR_VERSION, RACEGRADE_HAVE_WIDGETS and RACEGRADE_SYNTAX_TARGET (empty when there is no
# KSyntaxHighlighting for the chosen major).

set(QT_MAJOR_VERSION "" CACHE STRING "Qt major version to build against (5 or 6; empty: choose)")

# Looks for a package's CMake config file without loading it: loading Qt 6 to look at it would
# define Qt's version-less targets (Qt::Core, ...) for Qt 6 even when Qt 5 is chosen after.
function(_racegrade_has_config package out)
    find_file(_racegrade_config_${package} ${package}Config.cmake
        PATH_SUFFIXES lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake/${package} lib/cmake/${package}
                      lib64/cmake/${package} share/cmake/${package}
        NO_CACHE)
    if(_racegrade_config_${package})
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

if(NOT QT_MAJOR_VERSION)
    _racegrade_has_config(Qt6Widgets _qt6_widgets)
    _racegrade_has_config(KF6SyntaxHighlighting _kf6)
    _racegrade_has_config(Qt5Widgets _qt5_widgets)
    _racegrade_has_config(KF5SyntaxHighlighting _kf5)
    if(_qt6_widgets AND _kf6)
        set(_chosen 6)
    elseif(_qt5_widgets AND _kf5)
        set(_chosen 5)
    else()
        set(_chosen 6)
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
