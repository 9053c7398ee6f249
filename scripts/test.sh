#!/usr/bin/env bash
# Installs what is missing, builds Strata and runs every test: the full build (core, CLI, app,
# GUI tests on the offscreen platform), the core and CLI tests again built with
# AddressSanitizer and UndefinedBehaviorSanitizer, a short smoke run of each fuzz target and
# of the benchmarks. Exits non-zero when anything fails; the last line counts everything.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
count() { grep -Eo 'tests failed out of [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$'; }
passed=0

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRATA_BUILD_BENCH=ON
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs") | tee "$log"
passed=$((passed + $(count)))

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTRATA_CORE_ONLY=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"
cmake --build build-asan -j"$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j"$jobs") | tee "$log"
passed=$((passed + $(count)))

# A short smoke run of each libFuzzer target (clang, ASan+UBSan), seeded with the fixtures.
fuzz/run.sh 10
passed=$((passed + 3))

# The benchmarks on tiny images, once: they still build and run.
SMOKE=1 GUI_BUILD=build bench/run.sh >/dev/null
passed=$((passed + 1))

echo "all: $passed passed, 0 failed"
