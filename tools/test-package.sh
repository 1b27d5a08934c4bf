#!/usr/bin/env bash
# Builds the Debian packages from BUILD_DIR (default build/package, see tools/package.sh; CI gives
# build/dev, the tested build, whose install prefix this re-points at /usr), installs them with
# dpkg -i, checks the installed host as an operator would, and removes them again:
#   bash tools/test-package.sh [BUILD_DIR]
# Needs root (dpkg); .ci/run calls it. Elsewhere it says so and does nothing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ $EUID -ne 0 ]]; then
  echo "test-package: skipped, dpkg -i needs root"
  exit 0
fi
mapfile -t debs < <(bash tools/package.sh "${1:-build/package}" | grep '\.deb$')
[[ ${#debs[@]} -eq 2 ]] || { echo "test-package: expected 2 packages, got: ${debs[*]}" >&2; exit 1; }
cleanup() { dpkg --purge assist-sdk-dev assist-host >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
dpkg -i "${debs[@]}" >/dev/null

fail() { echo "test-package: $*" >&2; exit 1; }
/usr/bin/assist-host --version
getent passwd assist >/dev/null || fail "postinst made no user assist"
[[ $(stat -c '%a %U %G' /etc/assist/host.textproto) == "640 root assist" ]] ||
  fail "/etc/assist/host.textproto is $(stat -c '%a %U %G' /etc/assist/host.textproto)"
check=$(runuser -u assist -- /usr/bin/assist-host --check-config \
          --config /etc/assist/host.textproto 2>&1) || fail "--check-config failed: $check"
grep -q "configuration ok: 4 assistance type(s)" <<<"$check" || fail "unexpected: $check"
echo "test-package: installed config checks out as user assist"
bash tools/check-unit.sh /lib/systemd/system/assist-host.service 2.5
dpkg -L assist-sdk-dev | grep -q 'cmake/AssistSDK/AssistSDKConfig.cmake$' ||
  fail "assist-sdk-dev has no AssistSDKConfig.cmake"
echo "test-package: ok (${debs[*]##*/})"
