#!/usr/bin/env bash
# The plugin SDK's promise, end to end, against a finished build of this repository:
#   tools/test-sdk.sh [BUILD_DIR]          (default build/dev; ctest runs it with label "sdk")
# 1. installs the build into a temporary prefix (cmake --install);
# 2. builds examples/streetwork-plugin and a skeleton fresh from tools/new-plugin.sh, each in its
#    own build tree outside the repository against the installed SDK only, runs their unit tests
#    and installs them into the prefix's plugin directory;
# 3. starts the INSTALLED host on that directory and drives both types over gRPC
#    (tests/sdk/drive_host.py).
# Exits 77 (skipped) when /usr/bin/python3 has no grpc, unless CI is set.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$repo/build/dev}" && pwd)
python=/usr/bin/python3

if ! "$python" -c 'import grpc, google.protobuf' 2>/dev/null; then
  echo "test-sdk: $python cannot import grpc (apt-get install python3-grpcio python3-protobuf)" >&2
  [[ -n ${CI:-} ]] && exit 1
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/assist-sdk.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
step() { echo "== test-sdk: $*"; }

configure=(-DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_COMPILE_WARNING_AS_ERROR=ON)
command -v ninja >/dev/null && configure+=(-G Ninja)
if command -v ccache >/dev/null; then
  # The build trees live in a new temporary directory each run; paths under it still hit.
  configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$work
fi

# SOURCE_DIR BUILD_DIR: configure, build and test against the installed SDK, then install.
build_plugin() {
  cmake -S "$1" -B "$2" "${configure[@]}" >"$2.configure.log" || {
    cat "$2.configure.log"
    return 1
  }
  cmake --build "$2" -j2
  ctest --test-dir "$2" --output-on-failure
  cmake --install "$2" --prefix "$prefix" >/dev/null
}

step "install $build into $prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

step "build examples/streetwork-plugin against the installed SDK"
build_plugin "$repo/examples/streetwork-plugin" "$work/streetwork-build"

scaffolded=integration_programme
step "scaffold $scaffolded with tools/new-plugin.sh and build it"
bash "$repo/tools/new-plugin.sh" "$scaffolded" "$work/$scaffolded"
build_plugin "$work/$scaffolded" "$work/$scaffolded-build"

plugin_dir=$(find "$prefix" -type d -path '*/assist/plugins')
[[ -f $plugin_dir/assist_streetwork.so && -f $plugin_dir/assist_$scaffolded.so ]] || {
  echo "test-sdk: the plugins were not installed next to the host's ($plugin_dir)" >&2
  exit 1
}

step "drive the installed host with plugins from $plugin_dir"
"$python" "$repo/tests/sdk/drive_host.py" --prefix "$prefix" --plugin-dir "$plugin_dir" \
  --work "$work/host" --scaffolded "$scaffolded"
step "passed"
