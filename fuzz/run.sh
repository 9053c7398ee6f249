#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for SECONDS (default 60),
# seeded with the shared fixtures: whole archives for fuzz_archive, their layer blobs for
# fuzz_layer, their configs for fuzz_config, the system's own small libraries for fuzz_elf.
# Findings land in build/fuzz/findings/.
# Usage: fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
fixtures=${STRATA_FIXTURES_DIR:-$(pwd)/../shared/fixtures}
build=build/fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" --target fuzz_archive fuzz_layer fuzz_config fuzz_elf

corpus=$build/corpus
mkdir -p "$corpus"/{archive,layer,config,elf} "$build/findings"
if [ -z "$(ls -A "$corpus/archive")" ]; then
  find "$fixtures" -maxdepth 4 -type f -name '*.tar*' -size -2M -exec cp {} "$corpus/archive/" \;
  work=$(mktemp -d)
  for a in "$fixtures"/peer/dive/test-docker-image.tar "$fixtures"/peer/snyk_cli/*-test-oci.tar \
           "$fixtures"/peer/google_go-containerregistry/whiteout_dir.tar; do
    tar -xf "$a" -C "$work" 2>/dev/null || true
  done
  find "$work" -type f -size -512k | while read -r f; do
    case "$(head -c1 "$f")" in
      '{') cp "$f" "$corpus/config/$(basename "$f").json" ;;
      *) cp "$f" "$corpus/layer/$(basename "$(dirname "$f")")-$(basename "$f")" ;;
    esac
  done
  rm -rf "$work"
fi
if [ -z "$(ls -A "$corpus/elf")" ]; then
  # Read whole (no `head`): under pipefail a closed pipe would fail the script.
  mapfile -t libraries < <(find /usr/lib -maxdepth 2 -name '*.so*' -type f -size -64k | sort)
  cp -t "$corpus/elf/" "${libraries[@]:0:20}"
fi
# The hostile layers the tests build (bad headers, PAX tricks, bombs' headers, deep paths).
if [ -x build/release/tests/core/tst_hostile ]; then
  STRATA_FUZZ_SEEDS="$corpus/layer" build/release/tests/core/tst_hostile bitFlipInLaterHeader \
    regularFileNamedLikeADirectory malformedPaxRecords namesBeyondAsciiUnderTheCLocale deepPath \
    nameLimits sizesSaturate noExternalProgram >/dev/null 2>&1 || true
fi

for target in archive layer config elf; do
  echo "== fuzz_$target for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=20 -artifact_prefix="$build/findings/$target-" -print_final_stats=1 \
    "$corpus/$target" >"$build/fuzz_$target.log" 2>&1 || true
  grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE|ERROR|SUMMARY' "$build/fuzz_$target.log" || true
  if ls "$build/findings/$target-"* >/dev/null 2>&1; then
    echo "fuzz_$target found a crash: $(ls "$build/findings/$target-"*)"
    exit 1
  fi
done
echo "fuzz: every target ran clean"
