#!/usr/bin/env bash
# Runs every benchmark case beside its baseline, REPS times each, and prints the medians and
# ratios as a Markdown table (docs/benchmarks.md keeps the last run).
# Usage: bench/run.sh [DEMO_DIR] [REPS]
#   DEMO_DIR: output of make-demo-images.sh (nginx-demo.*); its cases are left out when absent.
#   SMOKE=1: tiny synthetic images and one repetition, for a quick check that everything runs.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=${1:-}
reps=${2:-5}
[ "${SMOKE:-0}" = 1 ] && reps=1
# The release preset with the benchmarks: the same build test.sh makes, so CI builds once.
build=${BUILD:-build/release}
cmake --preset release -DSTRATA_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target strata-cli strata-bench-load strata-bench-synthetic strata-bench-python \
  strata-bench-micro strata-bench-gui >/dev/null
gui_build=$build
gui=$gui_build/bench/strata-bench-gui
load=$build/bench/strata-bench-load
cli=$build/src/cli/strata-cli
data=$build/bench-data
mkdir -p "$data"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Seconds a shell command takes, median of $reps runs.
timeit() { for _ in $(seq "$reps"); do /usr/bin/time -f %e -o "$data/t" bash -c "$1" >/dev/null 2>&1; cat "$data/t"; done | median; }
# Strata's own "every layer indexed and every layer's merged tree ready", in seconds.
strata() { for _ in $(seq "$reps"); do "$load" "$1" | awk '{print $4/1000}'; done | median; }
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

# The layers of an archive as members, for the baselines.
members() { tar -tf "$1" | grep -E '(layer\.tar|\.tar|blobs/sha256/[0-9a-f]+)$' | while read -r m; do
  [ "$(tar -xOf "$1" "$m" 2>/dev/null | head -c 1 | od -An -c | tr -d ' ')" = "{" ] || echo "$m"; done; }

rows=()
# The app, on a real main window: the median of each figure strata-bench-gui prints.
gui_rows=()
gui_case() { # name archive [paths]
  local out; out=$(for _ in $(seq "$reps"); do STRATA_BENCH_SETTLE_MS=${SETTLE_MS:-0} "$gui" "$2" "${3:-}" 2>/dev/null; done)
  # The median of one figure with its unit, or "–" when this image does not give it.
  m() { local v; v=$(echo "$out" | awk -v k="$1" '$1 == k {print $2}'); [ -n "$v" ] && echo "$(echo "$v" | median) $2" || echo "–"; }
  gui_rows+=("| $1 | $(m first_paint_ms ms) | $(m tree_ready_ms ms) | $(m load_max_gap_ms ms) | $(m expand_ms ms) | $(m switch_layer_ms ms) | $(m filter_ms ms) | $(m tree_ready_bytes_per_path B) | $(m bytes_per_path B) |")
}
row() { rows+=("| $1 | $2 | $3 s | $4 s | $(awk -v a="$3" -v b="$4" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}') | $5 |"); }

case_plain() { # name archive
  local list; list=$(members "$2" | tr '\n' ' ')
  local base; base=$(timeit "for m in $list; do tar -xOf '$2' \$m | tar -tv; done")
  row "$1" "GNU tar listing every layer" "$(strata "$2")" "$base" "≤ 0.3"
}
case_gzip() {
  local list; list=$(members "$2" | tr '\n' ' ')
  local base; base=$(timeit "for m in $list; do tar -xOf '$2' \$m | gzip -dc; done")
  row "$1" "gzip -dc of every layer, serially" "$(strata "$2")" "$base" "≤ 0.5"
}
case_zstd() {
  local list; list=$(members "$2" | tr '\n' ' ')
  local base; base=$(timeit "for m in $list; do tar -xOf '$2' \$m | zstd -dc; done")
  row "$1" "zstd -dc of every layer, serially" "$(strata "$2")" "$base" "≤ 0.7"
}

# Inside the files: the package databases of every layer, and the merged filesystem written
# out as a tar beside GNU tar archiving the same tree unpacked (both from the page cache, both
# writing into $data).
inside=()
case_packages() { # name archive
  local files; files=$("$cli" tree "$2" | awk '$2 == "f"' | wc -l)
  local t; t=$(for _ in $(seq "$reps"); do "$load" --packages "$2" | awk '{print $1/1000}'; done | median)
  inside+=("| $1, $files files | reading the packages of every layer, after the load | $t s | < 0.5 s |")
}
case_export() { # name archive
  local tree=$data/export-tree out=$data/export.tar base=$data/export-baseline.tar
  rm -rf "$tree" "$out" "$base"
  "$cli" export "$2" -o "$tree" >/dev/null 2>&1
  local theirs; theirs=$(timeit "rm -f '$base'; tar cf '$base' -C '$tree' .")
  local ours; ours=$(timeit "rm -f '$out'; '$cli' export '$2' -o '$out'")
  row "$1, export as tar" "tar cf of the same tree unpacked" "$ours" "$theirs" "≤ 1.5"
  rm -rf "$tree" "$out" "$base"
}
python=$data/python-app.tar
[ -f "$python" ] || "$build/bench/strata-bench-python" "$python"
case_packages "Python application (pip, 150 packages, an upgrade layer)" "$python"

if [ -n "$demo" ] && [ -f "$demo/nginx-demo.docker.tar" ]; then
  case_export "nginx-demo docker-archive" "$demo/nginx-demo.docker.tar"
  case_plain "nginx-demo docker-archive" "$demo/nginx-demo.docker.tar"
  case_gzip "nginx-demo OCI gzip" "$demo/nginx-demo.oci.tar"
  case_zstd "nginx-demo OCI zstd" "$demo/nginx-demo.zstd.oci.tar"
  gui_case "nginx-demo docker-archive" "$demo/nginx-demo.docker.tar"
fi

sizes=(10000 100000 1000000)
[ "${SMOKE:-0}" = 1 ] && sizes=(2000)
scaling=()
for n in "${sizes[@]}"; do
  for c in none gzip zstd; do
    f=$data/synthetic-v2-$n-$c.tar
    [ -f "$f" ] || "$build/bench/strata-bench-synthetic" "$f" "$n" 10 "$c" oci
  done
  case_plain "synthetic $n paths, plain" "$data/synthetic-v2-$n-none.tar"
  case_gzip "synthetic $n paths, gzip" "$data/synthetic-v2-$n-gzip.tar"
  case_zstd "synthetic $n paths, zstd" "$data/synthetic-v2-$n-zstd.tar"
  empty=$(peak "$cli" --version)
  rss=$(peak "$cli" tree "$data/synthetic-v2-$n-gzip.tar")
  scaling+=("| $n | $(strata "$data/synthetic-v2-$n-gzip.tar") s | $(( (rss - empty) * 1024 / n )) B | $(( (rss - empty) / 1024 )) MB |")
  gui_case "synthetic $n paths, gzip" "$data/synthetic-v2-$n-gzip.tar" "$n"
done
case_export "synthetic ${sizes[1]:-${sizes[0]}} paths, gzip" "$data/synthetic-v2-${sizes[1]:-${sizes[0]}}-gzip.tar"

echo "Strata $(git rev-parse --short HEAD), $(nproc) cores, median of $reps runs, $(date -u +%F)"
echo
echo "| case | baseline | Strata | baseline time | ratio | target |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Inside the files:"
echo
echo "| image | what | Strata | target |"
echo "|---|---|---|---|"
printf '%s\n' "${inside[@]}"
echo
echo "Growth with the number of paths (synthetic, 10 gzip layers; memory: peak RSS of \`strata-cli tree\` above an empty \`strata-cli\`):"
echo
echo "| paths | load + every merge | memory per path | memory |"
echo "|---|---|---|---|"
printf '%s\n' "${scaling[@]}"
echo
echo "The app (strata-bench-gui: a main window opening the archive; the GUI thread's longest gap"
echo "between two ticks of a 5 ms timer while loading; memory: peak RSS growth per path when the"
echo "tree appears, and after the layer switch and the filter too):"
echo
echo "| image | first paint | tree ready | longest GUI gap | expand var/wide (10 % of the paths) | switch layer | filter | memory per path, loaded | memory per path, at the end |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${gui_rows[@]}"
if [ "${SMOKE:-0}" != 1 ]; then
  echo
  echo '```'
  "$build/bench/strata-bench-micro" --benchmark_min_time=0.2 2>/dev/null | grep -E '^BM_'
  echo '```'
fi
