#!/usr/bin/env bash
# Where the host's CPU time went in a profile taken by bench/run.sh --perf FILE:
#   bench/perf_summary.sh FILE [TOP]
# the number of samples, the share of samples per library (self time: the host with its plugins'
# code inlined or not, SQLite, libpq, gRPC, protobuf, the C library, the kernel) and the TOP
# (default 20) symbols by self time. The release build has no frame pointers, so time is given
# to the function that ran, not to its callers: read the kernel's share as the cost of the
# syscalls and thread switches the libraries above it make.
set -euo pipefail
file=$1
top=${2:-20}
report() { perf report -i "$file" --no-children --stdio -q -g none "$@" 2>/dev/null; }
perf report -i "$file" --stdio 2>/dev/null | grep -m1 '^# Samples' || true
echo "== samples by library (self) =="
report --sort dso | awk 'NF' | head -15
echo "== top $top symbols (self) =="
report --sort dso,sym | awk 'NF' | head -"$top"
