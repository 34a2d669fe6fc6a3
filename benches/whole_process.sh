#!/usr/bin/env bash
# Whole-process figures for BENCHMARKS.md: the I/O floor (cat over the same
# files) and `prosesser search zzz CORPUS --format json`, in the same run, and
# the peak memory of the latter against the corpus size.
#
#   bash benches/whole_process.sh [CORPUS]      (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/prosesser-corpus}
if [ ! -d "$corpus" ]; then
  cargo run --release --example gen-corpus -- --docs 10000 "$corpus"
fi
cargo build --release --quiet
bin=target/release/prosesser

bytes=$(find "$corpus" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $corpus, $(find "$corpus" -name '*.md' | wc -l) files, $bytes bytes"

hyperfine --warmup 3 --runs 15 --export-markdown /dev/stdout \
  "find $corpus -name '*.md' -print0 | xargs -0 cat > /dev/null" \
  "$bin search zzz $corpus --format json > /dev/null"

peak_kb=$(/usr/bin/time -f '%M' "$bin" search zzz "$corpus" --format json 2>&1 >/dev/null | tail -1)
echo "peak RSS: $((peak_kb * 1024)) bytes = $(awk "BEGIN { printf \"%.2f\", $peak_kb * 1024 / $bytes }") x the corpus"
