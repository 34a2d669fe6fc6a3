#!/usr/bin/env bash
# The browser as a person sees it, timed through tmux on a 200x60 window:
# from start to the first frame; the first keys typed the moment that frame
# shows (no pause: `/` and three letters, while the search index is still
# being built); then each later key of a word, to the redrawn screen.
#
#   bash benches/tui_latency.sh [CORPUS] [RUNS]
#   PROSESSER=/path/to/prosesser bash benches/tui_latency.sh ...   # another build
#
# For each key the time runs from `send-keys` until `capture-pane` shows what
# only the new frame can show, so it includes tmux's own redraw and the
# polling (every 2 ms). "echoed" is the query line showing the keys typed;
# "answered" is the count beside it being final (`12… av` while the cards
# are still being read, `12 av` once every card is read or the index is in).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/prosesser-corpus}
runs=${2:-5}
[ -d "$corpus" ] || cargo run --release --example gen-corpus -- --docs 10000 "$corpus"
if [ -z "${PROSESSER:-}" ]; then cargo build --release --quiet; fi
bin=${PROSESSER:-$PWD/target/release/prosesser}
sock=prosesser-latency-$$
t() { tmux -L "$sock" "$@"; }
now() { date +%s%N; }
# Wait until the screen matches the extended regex $1; print the ms since $2.
wait_for() {
  local want=$1 since=$2
  until t capture-pane -p -t b | grep -qE -- "$want"; do sleep 0.002; done
  echo $(( ($(now) - since) / 1000000 ))
}
# "median N ms, worst M ms (n=K)" of the numbers given.
summary() {
  local sorted n
  sorted=$(printf '%s\n' "$@" | sort -n)
  n=$#
  echo "median $(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p") ms, worst $(echo "$sorted" | tail -1) ms (n=$n)"
}
trap 't kill-server 2>/dev/null' EXIT

first_frames=() echoed=() answered=() later=()
for run in $(seq "$runs"); do
  start=$(now)
  t new-session -d -x 200 -y 60 -s b "$bin $corpus"
  first_frames+=("$(wait_for ' av ' "$start")")
  # At once: `/` and three letters, as fast as tmux sends them.
  since=$(now)
  t send-keys -t b / l a u
  echoed+=("$(wait_for '^/lau ' "$since")")
  answered+=("$(wait_for '^/lau .*[0-9] av [0-9]' "$since")")
  # The rest of the word, one key at a time, each once the last is answered.
  typed=lau
  for letter in r i t s e n; do
    typed+=$letter
    since=$(now)
    t send-keys -t b "$letter"
    later+=("$(wait_for "^/$typed .*[0-9] av [0-9]" "$since")")
  done
  t send-keys -t b Escape q
  sleep 0.3
  t kill-session -t b 2>/dev/null || true
  echo "run $run: first frame ${first_frames[-1]} ms; /lau echoed ${echoed[-1]} ms, answered ${answered[-1]} ms; later keys ${later[*]: -6} ms"
done
echo "first frame:                      $(summary "${first_frames[@]}")"
echo "first keys (/lau) echoed:         $(summary "${echoed[@]}")"
echo "first keys (/lau) answered:       $(summary "${answered[@]}")"
echo "each later key, to its answer:    $(summary "${later[@]}")"
