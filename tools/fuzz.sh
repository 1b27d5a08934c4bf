#!/usr/bin/env bash
# Builds the libFuzzer targets in build/asan (the "asan" preset: clang, ASan + UBSan, the same tree
# CI's sanitizer step builds the unit tests in, so one compile serves both) and runs them one
# after the other, each on a copy of its seed corpus:
#   bash tools/fuzz.sh [SECONDS] [TARGET...]    e.g.  bash tools/fuzz.sh 3600 family
#   bash tools/fuzz.sh --list                    the targets, one a line, without building
# TARGET is a plugin type (its payload fuzzer) or "request" (the gRPC request path of an
# in-process host). The plugin types are the folders plugins/<type>/ built by assist_add_plugin;
# each brings its seed corpus and dictionary in plugins/<type>/fuzz/. Named targets run SECONDS
# (default 60) each. Without names every plugin's fuzzer and the request fuzzer run and share the
# budget of SECONDS per plugin: with four plugins, 4 x SECONDS in all, 4/5 x SECONDS each (48 s
# each for the CI's 60).
# Exits 1 when a fuzzer found a crash; the reproducers are kept in build/asan/crashes/<target>/
# and the logs in build/asan/logs/. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

plugins=()
for file in plugins/*/CMakeLists.txt; do
  if grep -q 'assist_add_plugin' "$file"; then plugins+=("$(basename "$(dirname "$file")")"); fi
done
if [[ ${1:-} == --list ]]; then
  printf '%s\n' "${plugins[@]}" request
  exit 0
fi

seconds=${1:-60}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=("${plugins[@]}" request)
  seconds=$((seconds * ${#plugins[@]} / ${#targets[@]}))
fi
build=build/asan

cmake --preset asan >/dev/null
binaries=()
for target in "${targets[@]}"; do
  if [[ $target == request ]]; then
    binaries+=(fuzz_request fuzz_request_seeds)
  else
    binaries+=("fuzz_${target}_payload")
  fi
done
cmake --build "$build" -j2 --target "${binaries[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/logs"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for target in "${targets[@]}"; do
  crashes="$build/crashes/$target"
  log="$build/logs/$target.log"
  mkdir -p "$crashes" "$work/$target"
  if [[ $target == request ]]; then
    fuzzer="$build/fuzz/fuzz_request"
    # Seeds from the protos as they are now, and the reproducers of past findings.
    "$build/fuzz/fuzz_request_seeds" "$work/$target" >/dev/null
    cp fuzz/corpus/request/* "$work/$target/" 2>/dev/null || true
    options=(-max_len=4096)
  else
    fuzzer="$build/fuzz/fuzz_${target}_payload"
    cp plugins/"$target"/fuzz/corpus/* "$work/$target/"
    options=(-max_len=8192 -dict="plugins/$target/fuzz/payload.dict")
  fi
  echo "$(basename "$fuzzer"): ${seconds} s"
  status=0
  "$fuzzer" "$work/$target" -max_total_time="$seconds" "${options[@]}" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1 || status=$?
  grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  if [[ $status -ne 0 ]]; then
    failed+=("$target")
    echo "$(basename "$fuzzer") FAILED (exit $status); log: $log" >&2
    grep -E 'invariant broken|ERROR: |SUMMARY: |runtime error' "$log" | head -5 >&2 || true
    grep -E 'Test unit written to' "$log" >&2 || true
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: crashes in: ${failed[*]}; reproducers:" >&2
  find "$build/crashes" -type f | sort >&2
  exit 1
fi
echo "fuzz.sh: no crashes (${targets[*]}, ${seconds} s each)"
