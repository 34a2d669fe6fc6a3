#!/usr/bin/env bash
# `prosesser history` against `git log -p` on the same repository, for
# BENCHMARKS.md. Builds the repository first when it is not there: the
# generated corpus (examples/gen-corpus) committed, then COMMITS commits that
# each edit one to three pages the way a handbook is edited (an owner
# changed, a leader removed, a card renamed or added, a purpose rewritten,
# body text only, a page moved, a page broken and mended next commit); every
# fourth commit also edits one busy page, so one page has 250 versions (the
# browser's `H` reads one page's history).
# Deterministic: the same arguments give the same history (dates included).
#
#   bash benches/history.sh [REPO] [DOCS] [COMMITS]   (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=${1:-/tmp/prosesser-history}
docs=${2:-2000}
commits=${3:-1000}
cargo build --release --quiet
bin=$PWD/target/release/prosesser

build() {
  rm -rf "$repo"
  mkdir -p "$repo"
  cargo run --release --quiet --example gen-corpus -- --docs "$docs" "$repo/content"
  cd "$repo"
  export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
  git init -q -b main
  git config user.name "Kari Nordmann"
  git config user.email kari@example.org
  # Packed once at the end, as a clone would be, not while committing.
  git config gc.auto 0
  printf 'title = "Handbok"\n' > hugo.toml
  git add -A
  stamp() { export GIT_AUTHOR_DATE="@$((1700000000 + $1 * 3600)) +0100" GIT_COMMITTER_DATE="@$((1700000000 + $1 * 3600)) +0100"; }
  stamp 0
  git commit -q -m "Handboka"
  mapfile -t files < <(git ls-files 'content/*.md')
  busy=${files[0]}
  # The busy page is edited only as such, never moved.
  files=("${files[@]:1}")
  broken=""
  for ((i = 1; i <= commits; i++)); do
    stamp "$i"
    if [ -n "$broken" ]; then
      perl -0pi -e 's/purpose="BROKEN/purpose="Mended"/' "$broken"
      git commit -q -am "Rett sitattegn i $broken"
      broken=""
      continue
    fi
    touched=$((1 + i % 3))
    for ((t = 0; t < touched; t++)); do
      k=$(( (i * 7919 + t * 104729) % ${#files[@]} ))
      f=${files[$k]}
      case $(( (i + t) % 8 )) in
        0) perl -0pi -e "s/owner=\"[^\"]*\"/owner=\"Person $i\"/" "$f" ;;
        1) perl -0pi -e 's/\n  leader="[^"]*" ?//' "$f" ;;
        2) perl -0pi -e "s/title=\"([^\"]*)\"/title=\"\$1 $i\"/" "$f" ;;
        3) perl -0pi -e "s/purpose=\"[^\"]*\"/purpose=\"Nytt formål $i.\"/" "$f" ;;
        4) printf '\nEndret tekst %d.\n' "$i" >> "$f" ;;
        5) printf '\n{{< prosesser/strategy-card title="Ny %d" owner="Person %d" purpose="Ny prosess." >}}\n' "$i" "$i" >> "$f" ;;
        6) to=content/flyttet/$(basename "$f" .md)-$i.md
           mkdir -p content/flyttet
           git mv "$f" "$to"
           files[$k]=$to ;;
        7) if (( i % 5 == 0 )); then
             perl -0pi -e 's/purpose="[^"]*"/purpose="BROKEN/' "$f"
             broken=$f
           else
             perl -0pi -e "s/output=\"[^\"]*\"/output=\"Resultat $i\"/" "$f"
           fi ;;
      esac
    done
    if (( i % 4 == 0 )); then
      case $(( i / 4 % 3 )) in
        0) perl -0pi -e "s/owner=\"[^\"]*\"/owner=\"Eier $i\"/" "$busy" ;;
        1) perl -0pi -e "s/(title=\"[^\"]*\"[^>]*?)purpose=\"[^\"]*\"/\$1purpose=\"Formål $i.\"/s" "$busy" ;;
        2) printf '\nAvsnitt %d.\n' "$i" >> "$busy" ;;
      esac
    fi
    git commit -q -am "Endring $i"
  done
  git gc -q
  cd - >/dev/null
}

[ -d "$repo/.git" ] || build
echo "repository: $repo, $(git -C "$repo" rev-list --count HEAD) commits, $(git -C "$repo" ls-files 'content/*.md' | wc -l) pages"
one=$(git -C "$repo" log --format= --name-only -- content | awk '/^content\// { n[$0]++ } END { for (f in n) if (n[f] > best) { best = n[f]; top = f } print top }')
[ -e "$repo/$one" ] || one=$(git -C "$repo" ls-files 'content/*.md' | head -1)
echo "busiest page: $one, $(git -C "$repo" log --follow --format=%H -- "$one" | wc -l) commits"
"$bin" history "$repo/content" -f json | grep -c '"kind"' | sed 's/^/entries for the folder: /'

# Best of 5 each (the Min column); the table is printed last.
table=$(mktemp)
trap 'rm -f "$table"' EXIT
hyperfine --warmup 1 --runs 5 --export-markdown "$table" \
  "git -C $repo log -p -- content > /dev/null" \
  "$bin history $repo/content --format json > /dev/null" \
  "git -C $repo log --follow -p -- $one > /dev/null" \
  "$bin history $repo/$one --format json > /dev/null"
cat "$table"
