#!/usr/bin/env bash
# Configures, builds and runs every test (unit and integration, SQLite and PostgreSQL) with the
# "dev" presets. Installs nothing: .ci/run installs the packages first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cmake --preset dev
cmake --build --preset dev
ctest --preset dev "$@"
