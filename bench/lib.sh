# Shared by the bench's scripts (sourced, not run): the peers, the build, a work folder, standalone emulators,
# whole-process measurement with GNU time, medians, and the table's row format. Every row runs LpRepl and its
# peer interleaved (A B A B …) so a drift of the machine's speed moves both sides alike.
# shellcheck shell=bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# GNU time reports a finished child's CPU and peak RSS (bash's time has no RSS).
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (Debian package time)" >&2
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq time >/dev/null
fi
if [ ! -d bench/peers/node_modules/ws ] || [ ! -d bench/peers/node_modules/wscat ]; then
  echo "installing the peers (npm: ws, wscat) into bench/peers" >&2
  (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# scripts/bench.sh builds once for all the scripts it runs (bench/build.sh: which build, and why).
[ -n "${LPREPL_BENCH_BUILT:-}" ] || bench/build.sh
lprepl_jit=(dotnet "$PWD/src/LpRepl/bin/Release/net10.0/lprepl.dll")
if [ "${LPREPL_BENCH_BUILD:-publish}" = publish ]; then
  lprepl=(dotnet "$PWD/artifacts/bench-publish/lprepl.dll")
else
  lprepl=("${lprepl_jit[@]}")
fi
wscat="$PWD/bench/peers/node_modules/.bin/wscat"

work=$(mktemp -d)
bench_pids=()
tmux_socket="lprepl-bench-$$"
bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  tmux -L "$tmux_socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap bench_cleanup EXIT
# Each side's state in the work folder: the embedded emulator keeps its keys there, as a user's does.
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"

# start_emulator NAME [OPTION…]: a standalone `lprepl emulator` whose export lines are in $work/NAME.sh, and
# $work/NAME, a program that runs its arguments in a clean environment with only those exports (GNU time runs
# programs, not shell functions).
start_emulator() {
  local name=$1; shift
  "${lprepl[@]}" emulator "$@" </dev/null >"$work/$name.sh" 2>"$work/$name.err" &
  bench_pids+=($!)
  for _ in $(seq 1 600); do grep -q '^# try:' "$work/$name.sh" 2>/dev/null && break; sleep 0.1; done
  grep -q '^# try:' "$work/$name.sh" || { echo "the standalone emulator did not start:" >&2; cat "$work/$name.err" >&2; exit 1; }
  cat >"$work/$name" <<SCRIPT
#!/usr/bin/env bash
exec env -i PATH="\$PATH" HOME="\$HOME" TERM="\${TERM:-xterm-256color}" XDG_STATE_HOME="$XDG_STATE_HOME" bash -c '. "$work/$name.sh"; exec "\$@"' $name "\$@"
SCRIPT
  chmod +x "$work/$name"
}

# The embedded emulator's side: no account, its own kept state.
cat >"$work/embedded" <<SCRIPT
#!/usr/bin/env bash
exec env -i PATH="\$PATH" HOME="\$HOME" TERM="\${TERM:-xterm-256color}" XDG_STATE_HOME="$XDG_STATE_HOME/embedded" "\$@"
SCRIPT
chmod +x "$work/embedded"
embedded="$work/embedded"

# measure FILE COMMAND…: one run, "wall cpu peak_kib" appended to FILE (CPU = user + system); a failed run stops
# the bench. Standard output goes to $measure_out (default /dev/null), standard input from $measure_in.
measure_out=/dev/null
measure_in=/dev/null
measure() {
  local file=$1; shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/one" "$@" <"$measure_in" >"$measure_out" 2>"$work/err"; then
    echo "failed: $*" >&2; tail -5 "$work/err" >&2; exit 1
  fi
  awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$work/one" >>"$file"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# column FILE N: the median of column N.
column() { cut -d' ' -f"$2" "$1" | median; }
# ratios FILE_A FILE_B N: the median of the pairwise ratios of column N (run i of A over run i of B).
ratios() { paste -d' ' <(cut -d' ' -f"$3" "$1") <(cut -d' ' -f"$3" "$2") | awk '{ print $1 / ($2 > 0 ? $2 : 0.001) }' | median; }

# The table: one header, then rows. scripts/bench.sh prints the header once for all the scripts.
table_header() {
  [ -n "${LPREPL_BENCH_NO_HEADER:-}" ] && return
  echo "| measure (LpRepl vs peer) | LpRepl | peer | wall or rate A/B | CPU A/B | peak RSS A/B |"
  echo "|---|---|---|---|---|---|"
}
# note_rss NAME RATIO: kept for scripts/bench.sh's line of the worst peak-RSS ratio.
note_rss() { [ -n "${LPREPL_BENCH_RSS:-}" ] && echo "$2 $1" >>"$LPREPL_BENCH_RSS"; return 0; }

# time_row NAME A_FILE B_FILE: the row of two sides measured as "wall cpu kib" lines.
time_row() {
  local name=$1 a=$2 b=$3 rm
  rm=$(ratios "$a" "$b" 3)
  printf '| %s | %.2f s · %.2f s CPU · %d MiB | %.2f s · %.2f s CPU · %d MiB | wall %.2f× | %.2f× | %.2f× |\n' "$name" \
    "$(column "$a" 1)" "$(column "$a" 2)" "$(($(column "$a" 3 | cut -d. -f1) / 1024))" \
    "$(column "$b" 1)" "$(column "$b" 2)" "$(($(column "$b" 3 | cut -d. -f1) / 1024))" \
    "$(ratios "$a" "$b" 1)" "$(ratios "$a" "$b" 2)" "$rm"
  note_rss "$name" "$rm"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }

# tmux_run FILE QUIT_KEY MARKER [LINES MARKER]… -- COMMAND…: one run of COMMAND in a tmux pane (a real terminal,
# 120×40), "seconds cpu peak_kib" appended to FILE, where seconds run from the start to the last MARKER on screen.
# The pane's output is piped (tmux pipe-pane, attached before the command starts) to a watcher that reads it
# byte by byte and notes the moment each MARKER has been written: exact, where polling capture-pane would cost
# a tmux client per poll and round to its interval. After a MARKER, LINES (newline-separated) are typed, each
# with Enter; after the last, QUIT_KEY (a tmux key name) ends the program. CPU and peak RSS are GNU time's, over
# the whole process (start-up, the steps and the quit).
tmux_cmd() { tmux -L "$tmux_socket" -f /dev/null "$@"; }
cat >"$work/pane" <<SCRIPT
#!/usr/bin/env bash
tmux -L "$tmux_socket" wait-for go
/usr/bin/time -f '%e %U %S %M' -o "$work/one" "\$@" 2>"$work/pane.err"
echo \$? >"$work/pane.rc"
tmux -L "$tmux_socket" wait-for -S done
SCRIPT
# A marker is found at its last character: the text before it must end what was read up to that character.
# "lp>" must not be the end of a word ("help>"): the prompt is written as ESC[1m lp> ESC[0m.
cat >"$work/watch" <<SCRIPT
#!/usr/bin/env bash
k=0 esc=\$'\\e'
for marker in "\$@"; do
  k=\$((k + 1)) delim=\${marker: -1} prefix=\${marker%?}
  while IFS= read -r -d "\$delim" chunk; do
    [[ \$chunk =~ (^|[^[:alnum:]]|\$esc\[[0-9\;]*m)"\$prefix"\$ ]] && break
  done
  date +%s%N >"$work/ready.\$k"
  tmux -L "$tmux_socket" wait-for -S "ready\$k"
done
exec cat >/dev/null
SCRIPT
chmod +x "$work/pane" "$work/watch"
tmux_runs=0
tmux_run() {
  # One server for the whole bench (a holding session): a server exiting as the last pane closes would race
  # the next run's new-session.
  tmux_cmd has-session -t hold 2>/dev/null || tmux_cmd new-session -d -s hold -x 120 -y 40 "sleep 86400"
  local file=$1 quit=$2; shift 2
  local steps=()
  while [ "$1" != "--" ]; do steps+=("$1"); shift; done
  shift
  tmux_runs=$((tmux_runs + 1))
  local session="run$tmux_runs" markers=() lines=() i
  for ((i = 0; i < ${#steps[@]}; i += 2)); do markers+=("${steps[i]}"); lines+=("${steps[i + 1]:-}"); done
  rm -f "$work"/ready.* "$work/one" "$work/pane.rc"
  tmux_cmd new-session -d -s "$session" -x 120 -y 40 "$work/pane $(printf '%q ' "$@")"
  tmux_cmd pipe-pane -t "$session" -O "$work/watch $(printf '%q ' "${markers[@]}")"
  local start; start=$(date +%s%N)
  tmux_cmd wait-for -S go
  for ((i = 0; i < ${#markers[@]}; i++)); do
    if ! timeout 120 tmux -L "$tmux_socket" wait-for "ready$((i + 1))"; then
      echo "failed: '${markers[i]}' did not appear in 120 s: $*" >&2
      tmux_cmd capture-pane -p -t "$session" | grep -v '^$' | tail -8 >&2; exit 1
    fi
    if [ -n "${lines[i]}" ]; then
      local line
      while IFS= read -r line; do tmux_cmd send-keys -t "$session" -l "$line"; tmux_cmd send-keys -t "$session" Enter; done <<<"${lines[i]}"
    fi
  done
  tmux_cmd send-keys -t "$session" "$quit"
  if ! timeout 60 tmux -L "$tmux_socket" wait-for done || [ "$(cat "$work/pane.rc")" != 0 ]; then
    echo "failed (exit $(cat "$work/pane.rc" 2>/dev/null)): $*" >&2; tail -5 "$work/pane.err" >&2; exit 1
  fi
  local end; end=$(cat "$work/ready.${#markers[@]}")
  awk -v s="$start" -v e="$end" '{ printf "%.3f %.3f %s\n", (e - s) / 1e9, $2 + $3, $4 }' "$work/one" >>"$file"
}
