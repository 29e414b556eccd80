#!/usr/bin/env bash
# Start-up rows of the bench: LpRepl against its peers, measured as whole processes, interleaved
# (A B A B …) so a drift of the machine's speed moves both sides alike. Prints, per row, the median
# wall time, CPU (user + system) and peak RSS of each side over RUNS runs, and the median of the
# pairwise ratios A/B. Usage: bench/startup.sh [RUNS] (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}

# GNU time reports a finished child's CPU and peak RSS (bash's time has no RSS).
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (Debian package time)" >&2
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq time >/dev/null
fi
if [ ! -d bench/peers/node_modules/ws ]; then
  echo "installing the peers (npm: ws, wscat) into bench/peers" >&2
  (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
dotnet build src/LpRepl -c Release -nologo -clp:ErrorsOnly >/dev/null
lprepl=(dotnet "$PWD/src/LpRepl/bin/Release/net10.0/lprepl.dll")
wscat="$PWD/bench/peers/node_modules/.bin/wscat"

work=$(mktemp -d)
emulator_pid=""
cleanup() { [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# Each side's state in the work folder: the embedded emulator keeps its keys there, as a user's does.
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"

# One standalone emulator serves every standalone row, both sides alike.
"${lprepl[@]}" emulator </dev/null >"$work/exports.sh" 2>"$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 1 200); do grep -q '^# try:' "$work/exports.sh" 2>/dev/null && break; sleep 0.1; done
grep -q '^# try:' "$work/exports.sh" || { echo "the standalone emulator did not start:" >&2; cat "$work/emulator.err" >&2; exit 1; }
# Each row's side runs under one of these two with a clean environment: the emulator's exports, or none
# (no account: the embedded emulator, with its own kept state). Scripts, since GNU time runs programs.
cat >"$work/standalone" <<SCRIPT
#!/usr/bin/env bash
exec env -i PATH="\$PATH" HOME="\$HOME" XDG_STATE_HOME="$XDG_STATE_HOME" bash -c '. "$work/exports.sh"; exec "\$@"' standalone "\$@"
SCRIPT
cat >"$work/embedded" <<SCRIPT
#!/usr/bin/env bash
exec env -i PATH="\$PATH" HOME="\$HOME" XDG_STATE_HOME="$XDG_STATE_HOME/embedded" "\$@"
SCRIPT
chmod +x "$work/standalone" "$work/embedded"
standalone="$work/standalone" embedded="$work/embedded"

# One run of a side: "wall cpu peak_kib" appended to FILE; a failed run stops the bench.
measure() {
  local file=$1; shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/one" "$@" >/dev/null 2>"$work/err"; then
    echo "failed: $*" >&2; tail -5 "$work/err" >&2; exit 1
  fi
  awk '{ printf "%s %.3f %s\n", $1, $2 + $3, $4 }' "$work/one" >>"$file"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# row NAME, then A's command, "--", B's command.
row() {
  local name=$1; shift
  local a=() b=() side=a
  for word in "$@"; do
    if [ "$word" = "--" ]; then side=b; continue; fi
    if [ $side = a ]; then a+=("$word"); else b+=("$word"); fi
  done
  : >"$work/a"; : >"$work/b"
  measure /dev/null "${a[@]}"; measure /dev/null "${b[@]}" # warm-up, not counted
  for _ in $(seq 1 "$runs"); do measure "$work/a" "${a[@]}"; measure "$work/b" "${b[@]}"; done
  local aw bw ac bc am bm rw rc
  aw=$(cut -d' ' -f1 "$work/a" | median); bw=$(cut -d' ' -f1 "$work/b" | median)
  ac=$(cut -d' ' -f2 "$work/a" | median); bc=$(cut -d' ' -f2 "$work/b" | median)
  am=$(cut -d' ' -f3 "$work/a" | median); bm=$(cut -d' ' -f3 "$work/b" | median)
  rw=$(paste -d' ' "$work/a" "$work/b" | awk '{ print $1 / ($4 > 0 ? $4 : 0.001) }' | median)
  rc=$(paste -d' ' "$work/a" "$work/b" | awk '{ print $2 / ($5 > 0 ? $5 : 0.001) }' | median)
  printf '| %s | %.2f s · %.2f s CPU · %d MiB | %.2f s · %.2f s CPU · %d MiB | %.2f× | %.2f× |\n' \
    "$name" "$aw" "$ac" $((am / 1024)) "$bw" "$bc" $((bm / 1024)) "$rw" "$rc"
}

echo "start-up: medians of $runs interleaved runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo
echo "| measure (LpRepl vs peer) | LpRepl | peer | wall A/B | CPU A/B |"
echo "|---|---|---|---|---|"
row "lprepl --version vs wscat --version" "${lprepl[@]}" --version -- "$wscat" --version
row "getting-started, standalone emulator, vs node ws" "$standalone" "${lprepl[@]}" run scripts/getting-started.lprepl \
  -- "$standalone" node bench/peers/getting-started.js
row "getting-started, embedded emulator, vs node ws (standalone)" "$embedded" "${lprepl[@]}" run scripts/getting-started.lprepl \
  -- "$standalone" node bench/peers/getting-started.js
echo
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
