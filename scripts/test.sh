#!/usr/bin/env bash
# Installs what is missing, builds Strata and runs every test: the release build with warnings
# as errors (core, CLI, app, GUI tests on the offscreen platform), the style checks
# (clang-format on every file, clang-tidy on the core), the Debian package through lintian,
# the core and CLI tests again under AddressSanitizer and UndefinedBehaviorSanitizer, and a
# short smoke run of each fuzz target and of the benchmarks. Exits non-zero when
# anything fails; the last line counts everything.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
count() { grep -Eo 'tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+$'; }
passed=0
stage() { echo "== $1 ($(date -u +%T), ${SECONDS}s so far)"; }

stage "release build, warnings as errors"
cmake --preset release -DSTRATA_WERROR=ON -DSTRATA_BUILD_BENCH=ON >/dev/null
cmake --build --preset release -j"$jobs"
ctest --preset release -j"$jobs" | tee "$log"
passed=$((passed + $(count)))

stage "style: clang-format and clang-tidy"
scripts/check-style.sh build/release
passed=$((passed + 2))

stage "Debian package, checked by lintian"
rm -f build/release/strata_*.deb
(cd build/release && cpack -G DEB >/dev/null)
lintian --fail-on warning build/release/strata_*.deb
passed=$((passed + 1))

stage "core and CLI under ASan+UBSan"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
ctest --preset asan -j"$jobs" | tee "$log"
passed=$((passed + $(count)))

stage "fuzz smoke run"
fuzz/run.sh 10
passed=$((passed + 3))

stage "benchmark smoke run"
SMOKE=1 bench/run.sh >/dev/null
SMOKE=1 bench/registry.sh ../shared/fixtures/peer/dive/test-docker-image.tar >/dev/null
passed=$((passed + 2))

echo "all: $passed passed, 0 failed (${SECONDS}s)"
