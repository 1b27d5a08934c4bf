#!/usr/bin/env bash
# Start-up time and idle memory of assist-host with all plugins (issue 12 keeps both: start-up
# under 150 ms, idle RSS under 40 MB):
#   bench/startup.sh [--pg] [--runs 10] [BUILD_DIR]
# Starts the host RUNS times on one database (a fresh SQLite file, or a throwaway PostgreSQL
# cluster with --pg) and stops it again. Start-up is the time from exec to the host's
# "listening on" line, polled every 2 ms: the first start applies the migrations, the others find
# the schema current (a restart, the case that matters in production). Idle RSS is VmRSS one second
# after the line, with nothing calling. Prints the first start, the median and the slowest of the
# others, and the median idle RSS; times are reported, never enforced.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
backend=sqlite runs=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pg) backend=postgresql ;;
    --runs) runs=$2; shift ;;
    *) break ;;
  esac
  shift
done
build=${1:-build/release}
(( runs >= 2 )) || { echo "startup.sh: --runs must be at least 2" >&2; exit 2; }

work=$(mktemp -d /tmp/assist-startup.XXXXXX)
chmod 755 "$work"
cleanup() {
  [[ -n "${host_pid:-}" ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [[ $backend == postgresql ]] && tools/pg_throwaway.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db=$work/startup.db
if [[ $backend == postgresql ]]; then
  tools/pg_throwaway.sh start "$work/pg" auto >/dev/null
  db=$(cat "$work/pg/conninfo")
fi

millis() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

starts=() rss=()
for _ in $(seq "$runs"); do
  : >"$work/host.out"
  begin=$(millis)
  "$build/host/assist-host" --config deploy/config/dev.textproto --listen 127.0.0.1:0 \
    --db-backend "$backend" --db "$db" >"$work/host.out" 2>"$work/host.err" &
  host_pid=$!
  until grep -q "listening on" "$work/host.out"; do
    if ! kill -0 "$host_pid" 2>/dev/null; then cat "$work/host.err" >&2; exit 1; fi
    if (( $(millis) - begin > 30000 )); then echo "startup.sh: no start in 30 s" >&2; exit 1; fi
    sleep 0.002
  done
  starts+=($(( $(millis) - begin )))
  sleep 1
  rss+=("$(awk '/^VmRSS/ {print $2}' "/proc/$host_pid/status")")
  kill "$host_pid"
  wait "$host_pid" 2>/dev/null || true
  host_pid=
done

restarts=$(printf '%s\n' "${starts[@]:1}")
echo "assist-host start-up on $backend, $runs starts, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first start (migrations applied): ${starts[0]} ms"
echo "restarts: median $(median <<<"$restarts") ms, slowest $(sort -n <<<"$restarts" | tail -1) ms"
echo "idle RSS: median $(( $(printf '%s\n' "${rss[@]}" | median) / 1024 )) MB"
