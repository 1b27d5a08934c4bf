#!/usr/bin/env bash
# Configures, builds and runs every test (unit and integration, SQLite and PostgreSQL) with the
# CMake presets named by ASSIST_PRESET (default "dev"; "asan" is the same under AddressSanitizer
# and UndefinedBehaviorSanitizer, the real host included). ASSIST_TESTS=unit builds and runs only
# the unit tests (the host's and every plugin's, ctest label "unit"). Installs nothing: .ci/run
# installs the packages first. Arguments go to ctest, e.g. `bash tools/test.sh -R Lifecycle`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

preset=${ASSIST_PRESET:-dev}
cmake --preset "$preset"
case ${ASSIST_TESTS:-all} in
  all)
    cmake --build --preset "$preset"
    ctest --preset "$preset" "$@"
    ;;
  unit)
    cmake --build --preset "$preset" --target assist_unit_tests
    ctest --preset "$preset" -L unit "$@"
    ;;
  *)
    echo "test.sh: ASSIST_TESTS is 'all' or 'unit', not '$ASSIST_TESTS'" >&2
    exit 2
    ;;
esac
