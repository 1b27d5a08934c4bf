#!/usr/bin/env bash
# Builds the Debian packages assist-host and assist-sdk-dev with CPack (cmake/AssistPackage.cmake):
#   bash tools/package.sh                 # RelWithDebInfo in build/package, tests off
#   bash tools/package.sh build/dev       # package an existing build (CI: the tested one)
# Prints the paths of the .deb files it made, one per line, last.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=${1:-build/package}
if [[ -f $build/CMakeCache.txt ]]; then
  cmake -S . -B "$build" -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
else
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DASSIST_BUILD_TESTS=OFF \
    -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
fi
cmake --build "$build" -j2
rm -f "$build"/assist-*.deb
(cd "$build" && cpack -G DEB >/dev/null)
ls "$PWD/$build"/assist-*.deb
