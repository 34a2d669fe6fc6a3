#!/bin/sh
# Seed the fuzz corpora from the Hugo fixtures and the seed page. The corpus is
# built at run time and never committed (see ../.gitignore).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for target in parse_document load_sources render_roundtrip; do
    mkdir -p "$here/corpus/$target"
    cp "$root"/tests/fixtures/hugo/*.md "$here/corpus/$target/"
    cp "$root"/data/prosesser/*.md "$here/corpus/$target/"
    if [ -d "$root/tests/fixtures/hostile" ]; then
        cp "$root"/tests/fixtures/hostile/* "$here/corpus/$target/" 2>/dev/null || true
    fi
done
# Two files in one input for the loader: the seed, the marker, a broken file.
printf '%s\377\376%s' "$(cat "$root/data/prosesser/utvikling-drift.md")" \
    '{{< prosesser/strategy-card title="x' > "$here/corpus/load_sources/two-files"
echo "corpus seeded in $here/corpus"
# Queries: a few written by hand; the fuzzer finds the rest.
mkdir -p "$here/corpus/query"
i=0
for q in 'release' 'eier:hanne' '"Hanne Lauritsen" -tony' 'formål:kontroll OR input:behov' \
    'leder:"torkel buarøy"' 'tittel:end*' '(a OR b) -c' 'æøå ÆØÅ' 'owner: ' '""' '-' ':'; do
    printf '%s' "$q" > "$here/corpus/query/q$i"
    i=$((i + 1))
done
# Front-matter texts for the YAML readers: every YAML block of the fixtures.
mkdir -p "$here/corpus/yaml_fast_path"
for f in "$root"/tests/fixtures/hugo/*.md "$root"/data/prosesser/*.md; do
    awk 'NR==1 && $0!="---" {exit} NR>1 && /^---/ {exit} NR>1 {print}' "$f" \
        > "$here/corpus/yaml_fast_path/$(basename "$f" .md).yaml"
done
find "$here/corpus/yaml_fast_path" -empty -delete
