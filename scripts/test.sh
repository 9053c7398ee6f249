#!/usr/bin/env bash
# Installs what is missing, builds Strata and runs every test: the full build (core, CLI, app,
# GUI tests on the offscreen platform), then the core and CLI tests again built with
# AddressSanitizer and UndefinedBehaviorSanitizer. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTRATA_CORE_ONLY=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$jobs")

# A short smoke run of each libFuzzer target (clang, ASan+UBSan), seeded with the fixtures.
fuzz/run.sh 10

# A smoke run of the benchmarks: tiny images, one repetition, to prove they still run.
SMOKE=1 bench/run.sh >/dev/null
echo "bench smoke run: 1 passed, 0 failed"
