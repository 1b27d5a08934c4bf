#!/usr/bin/env bash
# Rates a systemd unit with `systemd-analyze security --offline=true` and fails above a limit:
#   bash tools/check-unit.sh UNIT_FILE [LIMIT]      LIMIT default 2.5 (systemd's "OK" is < 4.5)
set -euo pipefail
unit=$1
limit=${2:-2.5}
report=$(systemd-analyze security --offline=true --no-pager "$unit" 2>&1) || true
level=$(sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p' <<<"$report")
if [[ -z $level ]]; then
  echo "check-unit: systemd-analyze gave no exposure level for $unit:" >&2
  echo "$report" >&2
  exit 1
fi
echo "check-unit: $unit exposure $level (limit $limit)"
if ! awk -v level="$level" -v limit="$limit" 'BEGIN { exit !(level <= limit) }'; then
  grep -E '^✗' <<<"$report" >&2 || true
  exit 1
fi
