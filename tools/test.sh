#!/usr/bin/env bash
# Configures, builds and runs every test (unit and integration, SQLite and PostgreSQL) with the
# CMake presets named by ASSIST_PRESET (default "dev"; "asan" is the same under AddressSanitizer
# and UndefinedBehaviorSanitizer, the real host included). Installs nothing: .ci/run installs the
# packages first. Arguments go to ctest, e.g. `bash tools/test.sh -R Lifecycle`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

preset=${ASSIST_PRESET:-dev}
cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset" "$@"
