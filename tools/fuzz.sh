#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build/fuzz and runs each plugin's fuzzer
# for SECONDS (default 60), one after the other, on a copy of its seed corpus:
#   bash tools/fuzz.sh [SECONDS] [TYPE...]      e.g.  bash tools/fuzz.sh 3600 family
# Exits 1 when a fuzzer found a crash; the reproducers are kept in build/fuzz/crashes/<type>/ and
# the logs in build/fuzz/logs/. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-60}
shift || true
types=("$@")
[[ ${#types[@]} -gt 0 ]] || types=(family disability intercultural homelessness)
build=build/fuzz

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DASSIST_FUZZ=ON -DASSIST_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
for type in "${types[@]}"; do targets+=("fuzz_${type}_payload"); done
cmake --build "$build" -j2 --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$build/logs"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for type in "${types[@]}"; do
  crashes="$build/crashes/$type"
  log="$build/logs/$type.log"
  mkdir -p "$crashes" "$work/$type"
  cp fuzz/corpus/"$type"/* "$work/$type/"
  echo "fuzz_${type}_payload: ${seconds} s"
  status=0
  "$build/fuzz/fuzz_${type}_payload" "$work/$type" -max_total_time="$seconds" -max_len=8192 \
    -rss_limit_mb=2048 -timeout=10 -dict="fuzz/$type.dict" -print_final_stats=1 \
    -artifact_prefix="$crashes/" >"$log" 2>&1 || status=$?
  grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  if [[ $status -ne 0 ]]; then
    failed+=("$type")
    echo "fuzz_${type}_payload FAILED (exit $status); log: $log" >&2
    grep -E 'invariant broken|ERROR: |SUMMARY: |runtime error' "$log" | head -5 >&2 || true
    grep -E 'Test unit written to' "$log" >&2 || true
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: crashes in: ${failed[*]}; reproducers:" >&2
  find "$build/crashes" -type f | sort >&2
  exit 1
fi
echo "fuzz.sh: no crashes (${types[*]}, ${seconds} s each)"
