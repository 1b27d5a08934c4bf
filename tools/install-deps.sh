#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing need. As root, or via sudo.
set -euo pipefail
packages=(
  libgrpc++-dev libgrpc-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libsoci-dev libsqlite3-dev libpq-dev libboost-dev libgtest-dev libgmock-dev
  libjwt-dev libssl-dev libsystemd-dev libspdlog-dev libcli11-dev openssl cmake g++ pkg-config
  ninja-build ccache dpkg-dev file systemd
  postgresql python3-grpcio python3-protobuf python3-prometheus-client
  clang libclang-rt-14-dev llvm
)
if [[ $EUID -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps.sh: installing packages needs root (or sudo)" >&2
  exit 1
fi
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${packages[@]}"
