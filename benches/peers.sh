#!/usr/bin/env bash
# prosesser beside its peers, in one run, on one corpus: `cat` of the same
# files (the floor: reading them), `rg` and `fzf --filter` (searching the same
# text), `hugo` (reading the same pages as a site), and prosesser's commands;
# wall time (hyperfine, mean of several runs) as a ratio to `cat`, and peak
# memory (GNU time's maximum RSS) as a ratio to the corpus's bytes. Then how
# time and memory grow from 1,000 to 10,000 to 30,000 documents.
#
#   bash benches/peers.sh [CORPUS_DIR]
#
# CORPUS_DIR holds (or gets) docs-1000, docs-10000 and docs-30000, made with
# `cargo run --release --example gen-corpus -- --docs N DIR`; the peers run on
# docs-10000. Needs hyperfine, ripgrep, fzf and hugo (apt-get install
# hyperfine ripgrep fzf hugo). Prints Markdown for BENCHMARKS.md, with the
# machine's load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-/tmp/prosesser-corpora}
runs=${RUNS:-10}
cargo build --release --quiet
cargo build --release --quiet --example gen-corpus
bin=$PWD/target/release/prosesser
for n in 1000 10000 30000; do
  [ -d "$root/docs-$n" ] || target/release/examples/gen-corpus --docs "$n" "$root/docs-$n" >/dev/null
done
corpus=$root/docs-10000
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
cp -r benches/hugo-site/. "$site/"

bytes() { find "$1" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1; }
# Mean wall time of a shell command, in ms (hyperfine; a non-zero exit, as
# rg's and fzf's when nothing matches, is not a failure here).
mean_ms() {
  hyperfine --style none --warmup 2 --runs "$runs" -i --export-csv "$site/t.csv" "$1" >/dev/null 2>&1
  awk -F, 'NR == 2 { printf "%.0f", $2 * 1000 }' "$site/t.csv"
}
sd_ms() { awk -F, 'NR == 2 { printf "%.0f", $3 * 1000 }' "$site/t.csv"; }
# Peak RSS in kB of a shell command (the largest process of a pipeline).
peak_kb() { { /usr/bin/time -f '%M' sh -c "$1" 2>&1 >/dev/null || true; } | tail -1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
b=$(bytes "$corpus")
echo "corpus: $corpus, $(find "$corpus" -name '*.md' | wc -l) files, $b bytes"
echo
echo "| command | wall time (mean ± sd) | × cat | peak RSS | × corpus |"
echo "|---|---|---|---|---|"
files="find $corpus -name '*.md' -print0 | xargs -0"
cat_ms=
row() {
  local name=$1 command=$2 ms sd kb
  ms=$(mean_ms "$command")
  sd=$(sd_ms)
  [ -n "$cat_ms" ] || cat_ms=$ms
  kb=$(peak_kb "$command")
  printf '| `%s` | %s ms ± %s | %.2f | %.1f MB | %.2f |\n' "$name" "$ms" "$sd" \
    "$(awk "BEGIN { print $ms / $cat_ms }")" "$(awk "BEGIN { print $kb * 1.024 / 1000 }")" \
    "$(awk "BEGIN { print $kb * 1024 / $b }")"
}
row "cat (every file)" "$files cat > /dev/null"
row "rg -i zzz" "rg -i --no-ignore -c zzz $corpus > /dev/null"
row "rg -i lauritsen" "rg -i --no-ignore -c lauritsen $corpus > /dev/null"
row "fzf --filter zzz (every line)" "$files cat | fzf --filter zzz > /dev/null"
row "hugo (render every page)" "hugo --renderToMemory --quiet -s $site --contentDir $corpus --cacheDir $site/cache"
row "prosesser search zzz -f json" "$bin search zzz $corpus --format json > /dev/null"
row "prosesser search lauritsen -f json" "$bin search lauritsen $corpus --format json > /dev/null"
row "prosesser list" "$bin list $corpus > /dev/null"
row "prosesser list -f json" "$bin list $corpus --format json > /dev/null"
row "prosesser people -f json" "$bin people $corpus --format json > /dev/null"
row "prosesser check" "$bin check $corpus > /dev/null"

echo
echo "| documents | corpus | cat | search zzz | × cat | list -f json | × list | search peak RSS | × corpus | list -f json peak RSS | × corpus |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for n in 1000 10000 30000; do
  dir=$root/docs-$n
  b=$(bytes "$dir")
  c=$(mean_ms "find $dir -name '*.md' -print0 | xargs -0 cat > /dev/null")
  s=$(mean_ms "$bin search zzz $dir --format json > /dev/null")
  l=$(mean_ms "$bin list $dir > /dev/null")
  j=$(mean_ms "$bin list $dir --format json > /dev/null")
  sk=$(peak_kb "$bin search zzz $dir --format json > /dev/null")
  jk=$(peak_kb "$bin list $dir --format json > /dev/null")
  printf '| %s | %.1f MB | %s ms | %s ms | %.2f | %s ms | %.2f | %.1f MB | %.2f | %.1f MB | %.2f |\n' \
    "$n" "$(awk "BEGIN { print $b / 1e6 }")" "$c" "$s" "$(awk "BEGIN { print $s / $c }")" \
    "$j" "$(awk "BEGIN { print $j / $l }")" \
    "$(awk "BEGIN { print $sk * 1.024 / 1000 }")" "$(awk "BEGIN { print $sk * 1024 / $b }")" \
    "$(awk "BEGIN { print $jk * 1.024 / 1000 }")" "$(awk "BEGIN { print $jk * 1024 / $b }")"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
