#!/usr/bin/env bash
# The style checks CI runs: every C++ file as .clang-format lays it out, and .clang-tidy's
# checks on the core without a finding. BUILD is a configured build directory (its
# compile_commands.json tells clang-tidy how each file is compiled).
# Usage: scripts/check-style.sh [BUILD]   (default: build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}

unformatted=$(git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run 2>&1 | grep -E '^[^ ].*warning:' \
  | cut -d: -f1 | sort -u || true)
if [ -n "$unformatted" ]; then
  echo "Not formatted as .clang-format says (run clang-format -i on them):"
  echo "$unformatted"
  exit 1
fi
echo "clang-format: every file is formatted"

tidy_log=$(mktemp)
trap 'rm -f "$tidy_log"' EXIT
if ! run-clang-tidy -p "$build" -j"$(nproc)" -quiet "$(pwd)/src/core/" >"$tidy_log" 2>&1; then
  grep -E 'warning:|error:' "$tidy_log" | sort -u
  echo "clang-tidy found the problems above"
  exit 1
fi
echo "clang-tidy: no findings in src/core"
