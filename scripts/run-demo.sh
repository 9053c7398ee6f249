#!/usr/bin/env bash
# Installs what is missing, builds Strata and opens it on its embedded demo image (any
# arguments are passed on: archives or directories to open instead).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)" --target strata
exec build/src/app/strata "$@"
