#!/usr/bin/env bash
# Inbound rows of the bench: a WebSocket server on loopback (bench/peers/flood-server.js) sends, as a client
# connects, N small ms.MessagingEventNotification frames (default 20,000) or one frame of N changes (7.3 MiB), then
# a `bench.Done` frame, then closes. `lprepl run` with `connect ws://…` and `wait bench.Done` against
# `wscat -c`, with standard output to a file, and the flood also in tmux (a real terminal); interleaved over
# ROUNDS rounds (default 3) after a warm-up. CPU per frame is the whole run's CPU over N, and (in brackets)
# over N after a run of the same client to a server that sends no frame but the last: what the frames cost.
# Usage: bench/inbound.sh [ROUNDS] [N].
source "$(dirname "$0")/lib.sh"
rounds=${1:-3}
count=${2:-20000}
start_load=$(load)

node bench/peers/flood-server.js 0 >"$work/flood.port" 2>"$work/flood.err" &
bench_pids+=($!)
for _ in $(seq 1 100); do grep -q '^listening' "$work/flood.port" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^listening/ { print $2 }' "$work/flood.port")
[ -n "$port" ] || { echo "the flood server did not start:" >&2; cat "$work/flood.err" >&2; exit 1; }
# LpRepl with an account finds its domains first (one HTTPS call, here to a standalone emulator), as with
# LivePerson; without one it would start the embedded emulator, which a plain socket does not need.
start_emulator std

# LpRepl has no line that waits for the server's close: a `wait` ends when the link is down for good, but as a
# failure (the script's exit code). So the server's last frame is the end, for both sides alike: wscat ends on the
# close that follows it, and LpRepl's script on the frame itself, then closes (?linger: the server's own close would
# race the script's end). A token is sent as both send it: the same header.
for path in flood/$count history/$count flood/0; do
  name=${path%%/*}; [ "$path" = flood/0 ] && name=empty
  printf 'connect ws://127.0.0.1:%s/%s -H "Authorization: jwt bench"\nwait bench.Done timeout=600\n' "$port" "$path?linger" >"$work/$name.lprepl"
done
# shellcheck disable=SC2046 # the sides are words without spaces
lprepl_side() { echo "$work/std" "${lprepl[@]}" run --no-reconnect "$work/$1.lprepl"; }
wscat_side() { echo "$wscat" -H "Authorization: jwt bench" -c "ws://127.0.0.1:$port/$1"; }
# wscat quits when its standard input ends: it reads a FIFO this shell holds open and never writes.
mkfifo "$work/stdin"
exec 7<>"$work/stdin"
measure_out="$work/out"
# lmeasure / wmeasure FILE PATH: one run of a side, LpRepl's standard input /dev/null (`run` reads a piped one).
lmeasure() { measure_in=/dev/null; measure "$1" $(lprepl_side "$2"); }
wmeasure() { measure_in="$work/stdin"; measure "$1" $(wscat_side "$2"); }

tmux_whole() { # FILE COMMAND…: a run-to-completion in a tmux pane, "wall cpu kib" appended to FILE.
  tmux_cmd has-session -t hold 2>/dev/null || tmux_cmd new-session -d -s hold -x 120 -y 40 "sleep 86400"
  tmux_runs=$((tmux_runs + 1))
  local file=$1; shift
  rm -f "$work/one" "$work/pane.rc"
  tmux_cmd new-session -d -s "run$tmux_runs" -x 120 -y 40 "$work/pane $(printf '%q ' "$@")"
  tmux_cmd wait-for -S go
  if ! timeout 600 tmux -L "$tmux_socket" wait-for done || [ "$(cat "$work/pane.rc")" != 0 ]; then
    echo "failed in tmux: $*" >&2; tail -5 "$work/pane.err" >&2; exit 1
  fi
  awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$work/one" >>"$file"
}

for side in lf wf lh wh le we lt wt; do : >"$work/$side"; done
# The warm-up (not counted): LpRepl on the empty path, wscat on every path (the server builds its frames then).
lmeasure /dev/null empty
for path in "flood/$count" "history/$count" flood/0; do wmeasure /dev/null "$path"; done
for _ in $(seq 1 "$rounds"); do
  lmeasure "$work/lf" flood; wmeasure "$work/wf" "flood/$count"
  lmeasure "$work/lh" history; wmeasure "$work/wh" "history/$count"
  lmeasure "$work/le" empty; wmeasure "$work/we" flood/0
  # shellcheck disable=SC2046 # the sides are words without spaces
  tmux_whole "$work/lt" $(lprepl_side flood); tmux_whole "$work/wt" $(wscat_side "flood/$count")
done

# per_frame FILE [BASE]: the median CPU per frame in µs, of the whole run, or over BASE's run of the same round.
per_frame() {
  if [ -z "${2:-}" ]; then awk -v n="$count" '{ print $2 / n * 1e6 }' "$1" | median
  else paste -d' ' "$1" "$2" | awk -v n="$count" '{ print ($2 - $5) / n * 1e6 }' | median; fi
}
# frame_row NAME A B BASE_A BASE_B: the time row, with CPU per frame (whole; over the empty run) on each side.
# The tmux row's "over setup" is over the empty run to a file.
frame_row() {
  local name=$1 a=$2 b=$3 base_a=$4 base_b=$5 rm
  rm=$(ratios "$a" "$b" 3)
  local pa pb oa ob
  pa=$(per_frame "$a"); pb=$(per_frame "$b"); oa=$(per_frame "$a" "$base_a"); ob=$(per_frame "$b" "$base_b")
  printf '| %s | %.2f s · %.2f s CPU (%.0f µs/%s, %.0f over setup) · %d MiB | %.2f s · %.2f s CPU (%.0f µs/%s, %.0f over setup) · %d MiB | wall %.2f× | %.2f× (over setup %s) | %.2f× |\n' "$name" \
    "$(column "$a" 1)" "$(column "$a" 2)" "$pa" "$unit" "$oa" "$(($(column "$a" 3 | cut -d. -f1) / 1024))" \
    "$(column "$b" 1)" "$(column "$b" 2)" "$pb" "$unit" "$ob" "$(($(column "$b" 3 | cut -d. -f1) / 1024))" \
    "$(ratios "$a" "$b" 1)" "$(ratios "$a" "$b" 2)" "$(awk -v a="$oa" -v b="$ob" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }')" "$rm"
  note_rss "$name" "$rm"
}

n_text=$(echo "$count" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
echo "inbound: $n_text frames (or changes) per run, medians of $rounds interleaved rounds; load $start_load at the start"
echo
table_header
unit=frame
frame_row "inbound flood, $n_text frames to a file: lprepl run vs wscat" "$work/lf" "$work/wf" "$work/le" "$work/we"
unit=change
frame_row "one history frame of $n_text changes to a file: lprepl run vs wscat" "$work/lh" "$work/wh" "$work/le" "$work/we"
unit=frame
frame_row "inbound flood, $n_text frames in tmux: lprepl run vs wscat" "$work/lt" "$work/wt" "$work/le" "$work/we"
echo
echo "load $(load) at the end of inbound"
