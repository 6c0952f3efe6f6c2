#!/usr/bin/env bash
# RaceGrade's speed benchmark in one command, on a fresh Debian 12 machine too:
#
#   bench/run.sh [--qt 5|6] [options of bench.py: --part go|cpp|all, --runs N, --students N, ...]
#
# Sets RaceGrade up and builds it (packaging/setup.sh build), then runs bench/bench.py, which
# prints the figures; bench/README.md says what they mean.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
qt=5
if [ "${1:-}" = "--qt" ]; then
    qt="${2:-}"
    shift 2
fi
"$here/packaging/setup.sh" build --qt "$qt" >&2
exec python3 "$here/bench/bench.py" --build "$here/build/qt$qt" "$@"
