#!/usr/bin/env bash
# The two static gates CI holds at zero findings:
#   bash tools/lint.sh [BUILD_DIR]      BUILD_DIR default build/dev (configured and built, for
#                                       its compile_commands.json and generated protobuf headers)
# 1. clang-format: every tracked C++ file is formatted as .clang-format says
#    (fix with: git ls-files '*.cpp' '*.hpp' '*.h' | xargs clang-format -i);
# 2. clang-tidy: the checks in .clang-tidy, on the sources of the host, the plugins and assistctl
#    (tests are left out: gtest macros trip checks written for production code).
# ASSIST_LINT_TIDY=0 runs only the format check (clang-tidy takes a few minutes on two cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build/dev}

mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' '*.h')
if ! clang-format --dry-run --Werror "${sources[@]}"; then
  echo "lint: files above are not clang-formatted" >&2
  exit 1
fi
echo "lint: clang-format clean (${#sources[@]} files)"

if [[ ${ASSIST_LINT_TIDY:-1} == 0 ]]; then
  exit 0
fi
if [[ ! -f $build/compile_commands.json ]]; then
  echo "lint: $build/compile_commands.json is missing: configure and build $build first" >&2
  exit 1
fi
root=$(pwd)
# run-clang-tidy takes regular expressions over the absolute paths in compile_commands.json.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! run-clang-tidy -quiet -p "$build" -j "$(nproc)" \
  "$root/host/src/" "$root/plugins/[^/]*/src/" "$root/tools/assistctl/src/" >"$log" 2>&1; then
  grep -E 'warning:|error:' -A3 "$log" >&2 || cat "$log" >&2
  echo "lint: clang-tidy found the problems above" >&2
  exit 1
fi
echo "lint: clang-tidy clean ($(grep -c '^clang-tidy' "$log" || true) files)"
