#!/usr/bin/env bash
# The engine as a source, against a dockerd this script starts (its own data root, socket and
# containerd namespace; no network) and stops:
#   1. opening an image from the engine (`strata-cli tree docker://IMG`, the cache empty, then
#      filled) against `docker save -o FILE IMG` plus `strata-cli tree FILE`;
#   2. the engine browser listing IMAGES tags and CONTAINERS containers (strata-bench-engine)
#      beside `docker images` and `docker ps -a -s`.
# Prints a Markdown table (docs/benchmarks.md keeps the last run). Needs root.
# Usage: bench/engine.sh ARCHIVE [REPS]   ARCHIVE: a docker-archive to load, e.g. nginx-demo.docker.tar
#   SMOKE=1: 3 tags, 3 containers and one repetition, for a quick check that everything runs.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:?usage: bench/engine.sh ARCHIVE [REPS]}
archive=$(readlink -f "$archive")
reps=${2:-5}
tags=200
containers=500
if [ "${SMOKE:-0}" = 1 ]; then reps=1 tags=3 containers=3; fi
build=${BUILD:-build/release}
cmake --preset release -DSTRATA_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target strata-cli strata-bench-engine >/dev/null
cli=$(readlink -f "$build/src/cli/strata-cli")
browser=$(readlink -f "$build/bench/strata-bench-engine")

work=$(mktemp -d)
name=bench$$
sock=$work/docker.sock
export DOCKER_HOST=unix://$sock DOCKER_CONFIG=$work/config
mkdir -p "$DOCKER_CONFIG"
echo '{}' >"$work/daemon.json"
stop() {
  [ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null && while [ -f "$work/pid" ]; do sleep 0.2; done
  grep " $work/" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap stop EXIT
dockerd --config-file "$work/daemon.json" --data-root "$work/data" --exec-root "$work/exec" \
  --pidfile "$work/pid" -H "$DOCKER_HOST" --storage-driver overlay2 \
  --containerd-namespace "$name" --containerd-plugins-namespace "$name-p" \
  --bridge=none --iptables=false --ip6tables=false >"$work/dockerd.log" 2>&1 &
for _ in $(seq 100); do docker version >/dev/null 2>&1 && break; sleep 0.2; done
docker version >/dev/null || { cat "$work/dockerd.log"; exit 1; }

image=$(docker load -q -i "$archive" | sed -n 's/^Loaded image\( ID\)\?: //p' | tail -1)
[ -n "$image" ] || { echo "no image in $archive" >&2; exit 1; }
id=$(docker inspect --format '{{.Id}}' "$image")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timeit() { for _ in $(seq "$reps"); do eval "${2:-true}"; /usr/bin/time -f %e -o "$work/t" bash -c "$1" >/dev/null 2>&1; cat "$work/t"; done | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

export STRATA_CACHE_DIR=$work/cache
saved=$(timeit "docker save -o '$work/saved.tar' '$id' && '$cli' tree '$work/saved.tar'" "rm -f '$work/saved.tar'")
first=$(timeit "'$cli' tree 'docker://$id'" "rm -rf '$work/cache'")
cached=$(timeit "'$cli' tree 'docker://$id'")

for i in $(seq "$tags"); do docker tag "$id" "bench/tag:$i"; done
seq "$containers" | xargs -P4 -I{} docker create --network none --name "c{}" "$id" true >/dev/null
"$browser" >"$work/browser" 2>/dev/null
for _ in $(seq $((reps - 1))); do "$browser" 2>/dev/null; done >>"$work/browser"
figure() { awk -v k="$1" '$1 == k {print $2}' "$work/browser" | median; }
rows=$(head -4 "$work/browser" | awk '$1 == "images" || $1 == "containers" {printf "%s %s ", $2, $1}')
df=$(timeit "curl -sf --unix-socket '$sock' http://engine/system/df")
ps=$(timeit "docker ps -a -s")

echo "Engine benchmarks: Strata $(git rev-parse --short HEAD), docker $(docker version --format '{{.Server.Version}}'), $(nproc) cores, median of $reps runs, $(date -u +%F)"
echo
echo "| case | baseline | Strata | baseline time | ratio | target |"
echo "|---|---|---|---|---|---|"
echo "| open $(basename "$archive") from the engine, cache empty | docker save -o + strata-cli tree FILE | ${first} s | ${saved} s | $(ratio "$first" "$saved") | ≤ 1.3 |"
echo "| the same, cached | docker save -o + strata-cli tree FILE | ${cached} s | ${saved} s | $(ratio "$cached" "$saved") | |"
echo "| engine browser, first look: ${rows}| GET /system/df alone; docker ps -a -s | $(figure browser_listing_ms) ms | ${df} s; ${ps} s | | < 300 ms |"
echo "| engine browser opened after the start page looked | | $(figure browser_open_ms) ms | | | < 300 ms |"
