#!/usr/bin/env bash
# A registry as a source, against Debian's docker-registry this script starts on 127.0.0.1
# (its own storage and port) and stops, filled with skopeo from ARCHIVE:
#   1. the stack and history on screen: strata-bench-gui's first paint of the main window
#      opening registry://… (manifest and config only), the blob cache empty;
#   2. the whole tree with the blob cache empty, against `skopeo copy docker://… oci:DIR`
#      plus `strata-cli tree DIR`;
#   3. the same tree with every blob cached.
# Prints a Markdown table (docs/benchmarks.md keeps the last run).
# Usage: bench/registry.sh ARCHIVE [REPS]   ARCHIVE: a docker-archive, e.g. nginx-demo.docker.tar
#   SMOKE=1: one repetition, for a quick check that everything runs.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:?usage: bench/registry.sh ARCHIVE [REPS]}
archive=$(readlink -f "$archive")
reps=${2:-5}
if [ "${SMOKE:-0}" = 1 ]; then reps=1; fi
build=${BUILD:-build/release}
[ -n "${BUILD:-}" ] || cmake --preset release -DSTRATA_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target strata-cli strata-bench-gui >/dev/null
cli=$(readlink -f "$build/src/cli/strata-cli")
gui=$(readlink -f "$build/bench/strata-bench-gui")

work=$(mktemp -d)
stop() {
  # The registry ends by SIGTERM: its status is no failure of the benchmark.
  if [ -n "${registry:-}" ]; then kill "$registry" 2>/dev/null || true; wait "$registry" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
host=127.0.0.1:$port
cat >"$work/config.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: $host
YAML
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
registry=$!
for _ in $(seq 100); do curl -sf "http://$host/v2/" >/dev/null && break; sleep 0.1; done
curl -sf "http://$host/v2/" >/dev/null || { cat "$work/registry.log"; exit 1; }
skopeo copy --quiet --dest-tls-verify=false "docker-archive:$archive" "docker://$host/bench/image:1"
ref=$host/bench/image:1

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timeit() { for _ in $(seq "$reps"); do eval "${2:-true}"; /usr/bin/time -f %e -o "$work/t" bash -c "$1" >/dev/null 2>&1 || { echo "failed: $1" >&2; exit 1; }; cat "$work/t"; done | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

export STRATA_CACHE_DIR=$work/cache
for _ in $(seq "$reps"); do
  rm -rf "$work/cache"
  QT_QPA_PLATFORM=offscreen "$gui" "registry://$ref" 2>/dev/null | awk '$1 == "first_paint_ms" {print $2}'
done >"$work/paint"
stack=$(median <"$work/paint")
copied=$(timeit "skopeo copy --quiet --src-tls-verify=false 'docker://$ref' 'oci:$work/oci:1' && '$cli' tree '$work/oci'" "rm -rf '$work/oci'")
first=$(timeit "'$cli' tree 'registry://$ref'" "rm -rf '$work/cache'")
cached=$(timeit "'$cli' tree 'registry://$ref'")

echo "Registry benchmarks: Strata $(git rev-parse --short HEAD), docker-registry $(docker-registry --version 2>/dev/null | awk '{print $3}'), $(nproc) cores, median of $reps runs, $(date -u +%F)"
echo
echo "| case | baseline | Strata | baseline time | ratio | target |"
echo "|---|---|---|---|---|---|"
echo "| stack and history of $(basename "$archive") on screen, from opening | | ${stack} ms | | | < 300 ms |"
echo "| whole tree, blob cache empty | skopeo copy to oci:DIR + strata-cli tree DIR | ${first} s | ${copied} s | $(ratio "$first" "$copied") | ≤ 1.2 |"
echo "| whole tree, blobs cached | skopeo copy to oci:DIR + strata-cli tree DIR | ${cached} s | ${copied} s | $(ratio "$cached" "$copied") | |"
