# Builds and installs the app's translations where Qt's Linguist tools exist.
#
# A build only compiles the .ts files of resources/translations/ into .qm files (lrelease), so
# that building never rewrites files of the source tree. After changing texts of the app, refresh
# the .ts files from the sources with lupdate:
#
#     cmake --build <build dir> --target update_translations
#
# Expects the target racegrade-app-lib and RACEGRADE_TRANSLATIONS_BUILD_DIR and
# RACEGRADE_TRANSLATIONS_INSTALL_DIR to be set.

find_package(Qt${QT_MAJOR_VERSION} QUIET COMPONENTS LinguistTools)
if(NOT Qt${QT_MAJOR_VERSION}LinguistTools_FOUND)
    message(STATUS "RaceGrade: no Qt Linguist tools, the app is built without translations")
    return()
endif()

file(GLOB RACEGRADE_TS_FILES CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/resources/translations/racegrade_*.ts)
set_source_files_properties(${RACEGRADE_TS_FILES} PROPERTIES
                            OUTPUT_LOCATION ${RACEGRADE_TRANSLATIONS_BUILD_DIR})

# Every file of the app with texts to translate: the library's sources and the program's main.
get_target_property(_racegrade_app_sources racegrade-app-lib SOURCES)
list(FILTER _racegrade_app_sources INCLUDE REGEX "\\.(cpp|h)$")
list(TRANSFORM _racegrade_app_sources PREPEND ${PROJECT_SOURCE_DIR}/app/)
list(APPEND _racegrade_app_sources ${PROJECT_SOURCE_DIR}/app/main.cpp)
# No source locations in the .ts files: they would change with every edit of the code.
set(_racegrade_lupdate_options -no-obsolete -locations none)

if(QT_MAJOR_VERSION EQUAL 5)
    qt5_add_translation(_racegrade_qm_files ${RACEGRADE_TS_FILES})
    add_custom_target(racegrade_translations DEPENDS ${_racegrade_qm_files})
    add_custom_target(update_translations
        COMMAND ${Qt5_LUPDATE_EXECUTABLE} ${_racegrade_lupdate_options}
                ${_racegrade_app_sources} -ts ${RACEGRADE_TS_FILES}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "Updating the translation sources with lupdate"
        VERBATIM)
    add_dependencies(racegrade-app-lib racegrade_translations)
else()
    qt_add_translations(racegrade-app-lib
        TS_FILES ${RACEGRADE_TS_FILES}
        SOURCES ${_racegrade_app_sources}
        LUPDATE_OPTIONS ${_racegrade_lupdate_options}
        QM_FILES_OUTPUT_VARIABLE _racegrade_qm_files)
endif()

install(FILES ${_racegrade_qm_files} DESTINATION ${RACEGRADE_TRANSLATIONS_INSTALL_DIR})
