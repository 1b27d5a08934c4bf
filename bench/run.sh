#!/usr/bin/env bash
# Starts a throwaway assist-host on 127.0.0.1 (SQLite, or PostgreSQL with --pg) with the dev
# configuration and all plugins, runs a load program against it, and stops everything.
#   bench/run.sh [--pg [--fsync]] [--limits] [--perf FILE] [--config FILE] [BUILD_DIR]
#                [-- flags of the program...]
# Without --limits: bench/case_load. With --limits: bench/limits_load, which also drives the echo
# server and the host's SQL on the host's database (bench/README.md). --pg runs a throwaway
# cluster with fsync off, as the tests do; --fsync restarts it with fsync, synchronous_commit and
# full_page_writes on (PostgreSQL's defaults). --perf records the host's CPU profile (perf record
# -g, 499 Hz, the host process only) over the whole load into FILE; bench/perf_summary.sh FILE
# prints where the time went. --config runs the host (and the echo server) with another
# configuration than deploy/config/dev.textproto, e.g. to compare worker_threads or pool_size.
# BUILD_DIR defaults to build/release (cmake --preset release && cmake --build --preset release).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
backend=sqlite fsync=off program=case_load profile= config=deploy/config/dev.textproto
while [[ $# -gt 0 ]]; do
  case "$1" in
    --perf)
      profile=$2
      shift
      ;;
    --config)
      config=$2
      shift
      ;;
    --pg) backend=postgresql ;;
    --fsync) fsync=on ;;
    --limits) program=limits_load ;;
    *) break ;;
  esac
  shift
done
build=${1:-build/release}
[[ $# -gt 0 ]] && shift
[[ "${1:-}" == "--" ]] && shift

work=$(mktemp -d /tmp/assist-bench.XXXXXX)
chmod 755 "$work"
cleanup() {
  [[ -n "${perf_pid:-}" ]] && kill -INT "$perf_pid" 2>/dev/null && wait "$perf_pid" 2>/dev/null || true
  [[ -n "${host_pid:-}" ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  [[ $backend == postgresql ]] && tools/pg_throwaway.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The throwaway cluster started again with PostgreSQL's durable defaults.
restart_with_fsync() {
  local pgbin port
  pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
  port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' "$work/pg/conninfo")
  local as_pg=()
  [[ $EUID -eq 0 ]] && as_pg=(runuser -u postgres --)
  (cd / && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 30 \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on" \
    restart >/dev/null)
}

db=$work/bench.db
if [[ $backend == postgresql ]]; then
  tools/pg_throwaway.sh start "$work/pg" auto >/dev/null
  [[ $fsync == on ]] && restart_with_fsync
  db=$(cat "$work/pg/conninfo")
fi
"$build/host/assist-host" --config "$config" --listen 127.0.0.1:0 \
  --db-backend "$backend" --db "$db" >"$work/host.out" 2>"$work/host.err" &
host_pid=$!
for _ in $(seq 300); do grep -q "listening on" "$work/host.out" && break; sleep 0.1; done
address=$(sed -n 's/^assist-host: listening on //p' "$work/host.out")
[[ -n "$address" ]] || { cat "$work/host.err"; exit 1; }
settings=
[[ $backend == postgresql ]] && settings=", $(grep -o 'fsync=[a-z]*' "$work/pg/data/postmaster.opts")"
if [[ -n $profile ]]; then
  perf record -q -F 499 -g -p "$host_pid" -o "$profile" 2>"$work/perf.err" &
  perf_pid=$!
  sleep 0.5
fi
echo "host on $address ($backend$settings), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $program == limits_load ]]; then
  "$build/bench/limits_load" --host "$address" --echo-server "$build/bench/bench_echo_server" \
    --config "$config" --raw-backend "$backend" --raw-db "$db" "$@"
else
  "$build/bench/case_load" --address "$address" "$@"
fi
