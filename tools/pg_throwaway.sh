#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests. Nothing outside DIR is touched; the machine's own
# cluster (/var/lib/postgresql, port 5432) is never used.
#
#   tools/pg_throwaway.sh start DIR [PORT|auto]   initdb in DIR, start on 127.0.0.1, create
#                                                 database "assist"; writes DIR/conninfo and
#                                                 prints ASSIST_TEST_PG='host=... dbname=assist ...'
#   tools/pg_throwaway.sh stop DIR                stop the server, delete DIR/data (logs stay)
#
# As root the server runs as the 'postgres' system user (initdb and postgres refuse root). As any
# other user the binaries run directly. PORT "auto" (the default) tries free random ports.
# Exit status 77: no PostgreSQL server binaries (initdb, pg_ctl) found; set PGBIN to point at them.
set -euo pipefail

readonly MARKER=.assist-pg-throwaway
readonly NO_POSTGRES=77

die() { echo "pg_throwaway: $*" >&2; exit 1; }

find_pgbin() {
  if [[ -n ${PGBIN:-} ]]; then echo "$PGBIN"; return; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then echo "$dir"; return; fi
  done
  if command -v pg_config >/dev/null && [[ -x $(pg_config --bindir)/initdb ]]; then
    pg_config --bindir; return
  fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
}

# Runs a PostgreSQL program as the user that owns the cluster.
as_pg() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

check_dir() {
  local dir=$1
  [[ -n $dir && $dir == /* ]] || die "DIR must be an absolute path, got '$dir'"
  case "$dir" in
    / | /var/lib/postgresql* | /etc/postgresql* | /var/run/postgresql*)
      die "refusing to use $dir: it may belong to the machine's own cluster" ;;
  esac
  if [[ -d $dir && -n $(ls -A "$dir") && ! -e $dir/$MARKER ]]; then
    die "refusing to wipe $dir: not empty and not made by this script"
  fi
}

random_port() { echo $((20000 + (RANDOM * 32768 + RANDOM) % 40000)); }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts the server on PORT; returns 1 if the port was taken, dies on any other failure.
start_server() {
  local root=$1 port=$2
  if as_pg "$PGBIN/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 30 -o \
      "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    return 0
  fi
  if grep -q 'could not bind\|Address already in use\|could not create any TCP/IP' \
      "$root/server.log" 2>/dev/null; then
    return 1
  fi
  cat "$root/server.log" >&2 || true
  die "server did not start (log: $root/server.log)"
}

stop_server() {
  local root=$1
  if [[ -f $root/data/postmaster.pid ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$root/data" -m fast -w -t 30 stop >/dev/null
  fi
}

cmd_start() {
  local root=$1 port=${2:-auto}
  check_dir "$root"
  if [[ -d $root/data ]]; then stop_server "$root" || true; fi
  rm -rf "$root"
  mkdir -p "$root"
  touch "$root/$MARKER"
  chmod 700 "$root"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user"
    chown postgres:postgres "$root"
    runuser -u postgres -- test -x "$root" \
      || die "user postgres cannot reach $root: choose a DIR under a world-traversable path (e.g. /tmp)"
  fi
  as_pg "$PGBIN/initdb" -D "$root/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$root/initdb.log" 2>&1 || { cat "$root/initdb.log" >&2; die "initdb failed"; }

  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    local try=$port
    if [[ $port == auto ]]; then
      try=$(random_port)
      if port_in_use "$try"; then continue; fi
    fi
    if start_server "$root" "$try"; then
      as_pg "$PGBIN/createdb" -h "$root" -p "$try" -U postgres assist
      local conninfo="host=127.0.0.1 port=$try dbname=assist user=postgres"
      echo "$conninfo" >"$root/conninfo"
      echo "ASSIST_TEST_PG='$conninfo'"
      echo "# unix socket alternative: host=$root port=$try dbname=assist user=postgres"
      return 0
    fi
    [[ $port == auto ]] || die "port $port is in use"
  done
  die "no free port found after $attempt attempts"
}

cmd_stop() {
  local root=$1
  check_dir "$root"
  [[ -d $root ]] || return 0
  stop_server "$root"
  rm -rf "$root/data" "$root/conninfo"
}

main() {
  local cmd=${1:-} root=${2:-}
  case "$cmd" in
    start | stop) ;;
    *) echo "usage: $0 start DIR [PORT|auto] | stop DIR" >&2; exit 2 ;;
  esac
  [[ -n $root ]] || { echo "usage: $0 $cmd DIR" >&2; exit 2; }
  PGBIN=$(find_pgbin)
  if [[ -z $PGBIN || ! -x $PGBIN/initdb ]]; then
    echo "pg_throwaway: PostgreSQL server binaries not found (install 'postgresql' or set PGBIN)" >&2
    exit $NO_POSTGRES
  fi
  if [[ $EUID -ne 0 ]] && ! "$PGBIN/initdb" --version >/dev/null 2>&1; then
    die "$PGBIN/initdb is not runnable as $(id -un)"
  fi
  "cmd_$cmd" "$root" "${3:-auto}"
}

main "$@"
