#!/usr/bin/env bash
# Figures for BENCHMARKS.md "Hostile sizes": a dense page (every card's input
# and output name every title; n cards, n² names) through `flow` and
# `list -f json`, and one card with a 9 MB field through `search a -f json`.
# Wall time and peak RSS from /usr/bin/time.
#
#   bash benches/hostile_sizes.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/prosesser}
[ "$bin" = target/release/prosesser ] && cargo build --release --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
out = sys.argv[1]
def title(i):
    i += 676
    s = ''
    while i:
        s = chr(97 + i % 26) + s
        i //= 26
    return 'Ledd' + s
for n in (300, 600, 1200):
    names = ' '.join(title(i) for i in range(n))
    with open(f'{out}/dense-{n}.md', 'w') as f:
        f.write('---\ntitle: Tett\n---\n')
        for i in range(n):
            f.write('{{< prosesser/strategy-card title="%s" owner="O" leader="L" purpose="P" input="%s" output="%s" >}}\n' % (title(i), names, names))
with open(f'{out}/huge.md', 'w') as f:
    f.write('---\ntitle: Stor\n---\n\n{{< prosesser/strategy-card title="Behov" owner="O" leader="L" purpose="' + 'ab ' * 3_000_000 + '" input="" output="" >}}\n')
PY
run() { /usr/bin/time -f "%e s, %M KB peak" "$@" > /dev/null 2> "$dir/time" || true; printf '%-45s %s\n' "${*:2}" "$(tail -1 "$dir/time")"; }
for n in 300 600 1200; do
  run "$bin" flow "$dir/dense-$n.md"
  run "$bin" list -f json "$dir/dense-$n.md"
done
run "$bin" search a -f json "$dir/huge.md"
