#!/usr/bin/env bash
# Installs what is missing, builds Strata and opens it on its embedded demo image (any
# arguments are passed on: archives, directories or references to open instead).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target strata
exec build/release/src/app/strata "$@"
