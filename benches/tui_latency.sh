#!/usr/bin/env bash
# The browser as a person sees it, timed through tmux: from start to the first
# frame, and from a keystroke to the redrawn screen, on a 200x60 window.
#
#   bash benches/tui_latency.sh [CORPUS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/prosesser-corpus}
[ -d "$corpus" ] || cargo run --release --example gen-corpus -- --docs 10000 "$corpus"
cargo build --release --quiet
bin=$PWD/target/release/prosesser
sock=prosesser-latency-$$
t() { tmux -L "$sock" "$@"; }
now() { date +%s%N; }
# Wait until the screen holds $1; print the milliseconds since $2.
wait_for() {
  local want=$1 since=$2
  until t capture-pane -p -t b | grep -qF -- "$want"; do sleep 0.002; done
  echo $(( ($(now) - since) / 1000000 ))
}
trap 't kill-server 2>/dev/null' EXIT

start=$(now)
t new-session -d -x 200 -y 60 -s b "$bin $corpus"
echo "first frame: $(wait_for ' av ' "$start") ms"

# Each key, then a word on screen that only the redrawn frame can show.
key() {
  local since; since=$(now)
  t send-keys -t b "$1"
  echo "  $1 -> $(wait_for "$2" "$since") ms"
}
# The search index is built in the background after the first frame; a key
# typed before it is ready waits for it. Time the keys a user types once it is.
sleep 3
echo "keystroke to redrawn screen (index ready):"
key / "/"
for prefix in l la lau laur lauri laurit laurits lauritse lauritsen; do
  key "${prefix: -1}" "$prefix"
done
t send-keys -t b Escape q
