#!/usr/bin/env bash
# Starts a throwaway assist-host on 127.0.0.1 (SQLite, or PostgreSQL with --pg) with the dev
# configuration, runs bench/case_load against it, and stops everything.
#   bench/run.sh [--pg] [BUILD_DIR] [-- case_load flags...]
# BUILD_DIR defaults to build/release (cmake --preset release && cmake --build --preset release).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
backend=sqlite
if [[ "${1:-}" == "--pg" ]]; then backend=postgresql; shift; fi
build=${1:-build/release}
[[ $# -gt 0 ]] && shift
[[ "${1:-}" == "--" ]] && shift

work=$(mktemp -d /tmp/assist-bench.XXXXXX)
chmod 755 "$work"
cleanup() {
  [[ -n "${host_pid:-}" ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [[ $backend == postgresql ]] && tools/pg_throwaway.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

db_flags=(--db "$work/bench.db")
if [[ $backend == postgresql ]]; then
  tools/pg_throwaway.sh start "$work/pg" auto >/dev/null
  db_flags=(--db-backend postgresql --db "$(cat "$work/pg/conninfo")")
fi
"$build/host/assist-host" --config deploy/config/dev.textproto --listen 127.0.0.1:0 \
  "${db_flags[@]}" >"$work/host.out" 2>"$work/host.err" &
host_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/host.out" && break; sleep 0.1; done
address=$(sed -n 's/^assist-host: listening on //p' "$work/host.out")
[[ -n "$address" ]] || { cat "$work/host.err"; exit 1; }
echo "host on $address ($backend), $(nproc) cores"
"$build/bench/case_load" --address "$address" "$@"
