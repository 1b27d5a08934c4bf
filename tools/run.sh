#!/usr/bin/env bash
# README's run command: installs the packages, builds the host and all four plugins (release
# preset), and runs the host on the embedded SQLite default (./assist.db) with the development
# identities of deploy/config/dev.textproto, on 127.0.0.1:50051. Ctrl-C stops it.
#   bash tools/run.sh [extra assist-host flags, e.g. --listen 127.0.0.1:50052]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash tools/install-deps.sh
cmake --preset release -DASSIST_BUILD_TESTS=OFF
cmake --build --preset release
exec build/release/host/assist-host --config deploy/config/dev.textproto "$@"
