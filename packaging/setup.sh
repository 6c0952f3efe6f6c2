#!/usr/bin/env bash
# Sets RaceGrade up on Debian 12 (or a close relative) and then runs it or tests it.
#
#   packaging/setup.sh run  [--qt 5|6] [--no-install] [-- args for the app]
#   packaging/setup.sh test [--qt 5|6] [--no-install] [-- args for ctest]
#   packaging/setup.sh build [--qt 5|6] [--no-install]
#
# Installs the missing Debian packages with apt-get (through sudo when not root), configures with
# CMake into build/qt<major> and builds. "run" then starts the desktop app (or, where the app
# cannot be built, prints what the command-line grader offers); "test" runs the whole test suite.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${1:-}"
[ $# -gt 0 ] && shift
qt=""
install=1
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --qt) qt="${2:-}"; shift 2 ;;
        --qt=*) qt="${1#--qt=}"; shift ;;
        --no-install) install=0; shift ;;
        --) shift; extra=("$@"); break ;;
        *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$action" in
    run|test|build) ;;
    *) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
case "$qt" in
    ""|5|6) ;;
    *) echo "setup.sh: --qt takes 5 or 6, not '$qt'" >&2; exit 2 ;;
esac

packages=(
    # build
    build-essential cmake ninja-build pkg-config git
    # Qt 6 and Qt 5 with the modules RaceGrade uses, and KSyntaxHighlighting (KF5 in Debian 12)
    qt6-base-dev qt6-charts-dev libqt6sql6-sqlite qt6-svg-dev qt6-tools-dev qt6-l10n-tools
    libqt6opengl6-dev # Qt6Charts' CMake files need Qt6OpenGL's; qt6-charts-dev does not pull it
    qtbase5-dev libqt5charts5-dev libqt5sql5-sqlite libqt5svg5-dev qttools5-dev
    libkf5syntaxhighlighting-dev
    # toolchains the grader drives, with their race detector runtimes
    golang-go go-staticcheck g++ libtsan2 clang libclang-rt-14-dev
    # sandbox, archives, packaging checks, a screen for GUI tests, PDF readers for export tests
    bubblewrap libarchive-dev appstream-util xvfb xauth util-linux poppler-utils
    # the speed benchmark (bench/)
    python3
)

if [ "$install" = 1 ]; then
    missing=()
    for package in "${packages[@]}"; do
        status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
        [ "$status" = "install ok installed" ] || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> installing ${missing[*]}"
        sudo=()
        [ "$(id -u)" = 0 ] || sudo=(sudo)
        "${sudo[@]}" apt-get update -q
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
            "${missing[@]}"
    fi
fi

builddir="$here/build/qt${qt:-auto}"
echo "==> configuring in $builddir"
cmake -S "$here" -B "$builddir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    ${qt:+-DQT_MAJOR_VERSION=$qt}
echo "==> building"
cmake --build "$builddir"

case "$action" in
    build) ;;
    test)
        echo "==> testing"
        cd "$builddir"
        ctest --output-on-failure --timeout 900 "${extra[@]}"
        ;;
    run)
        if [ -x "$builddir/bin/racegrade" ]; then
            exec "$builddir/bin/racegrade" "${extra[@]}"
        fi
        echo "The desktop app is not part of this build; the command-line grader is ready:"
        echo "  $builddir/bin/racegrade-cli"
        "$builddir/bin/racegrade-cli" exercises
        ;;
esac
