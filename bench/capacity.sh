#!/usr/bin/env bash
# The emulator's capacity row: one standalone emulator, then ROUNDS bursts of CONSUMERS consumers at
# once (bench/peers/capacity.js: signup, connect, request a conversation, publish, close it, disconnect).
# Per round: each consumer's whole time (p50, p99, max), errors, the emulator's CPU (user + system) for
# the burst and the client's (one node process: on this machine's 2 cores the two share the CPU, so the
# client's part bounds the wall time too), and the emulator's RSS (VmRSS of /proc/PID/status) at the
# peak and SETTLE seconds after everyone left; the idle RSS before the first round. Under the table, per
# round, the medians of the consumers' stages (signup, open, requests, close) or the first errors. The
# node side trusts the emulator's CA through NODE_EXTRA_CA_CERTS of its exports (no rejectUnauthorized).
# Usage: bench/capacity.sh [CONSUMERS] [ROUNDS] (default 1000 3); LPREPL_BENCH_SETTLE (default 15);
# LPREPL_BENCH_DLL: another build's lprepl.dll (e.g. the main branch's, for a before/after).
set -euo pipefail
cd "$(dirname "$0")/.."
consumers=${1:-1000}
rounds=${2:-3}
settle=${LPREPL_BENCH_SETTLE:-15}

if [ ! -d bench/peers/node_modules/ws ]; then
  echo "installing the peers (npm: ws, wscat) into bench/peers" >&2
  (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
dll=${LPREPL_BENCH_DLL:-$PWD/src/LpRepl/bin/Release/net10.0/lprepl.dll}
if [ -z "${LPREPL_BENCH_DLL:-}" ] && ! dotnet build src/LpRepl -c Release -nologo -clp:ErrorsOnly >"$PWD/.capacity-build.log" 2>&1; then
  echo "bench/capacity.sh: building src/LpRepl failed:" >&2; cat "$PWD/.capacity-build.log" >&2; rm -f "$PWD/.capacity-build.log"; exit 1
fi
rm -f "$PWD/.capacity-build.log"

work=$(mktemp -d)
emulator_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config"

# exec: the emulator is this child itself, so its /proc entry is the process measured.
bash -c 'exec dotnet "$0" emulator' "$dll" </dev/null >"$work/exports.sh" 2>"$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 1 200); do grep -q '^# try:' "$work/exports.sh" 2>/dev/null && break; sleep 0.1; done
grep -q '^# try:' "$work/exports.sh" || { echo "the standalone emulator did not start:" >&2; cat "$work/emulator.err" >&2; exit 1; }
# shellcheck disable=SC1091
. "$work/exports.sh"

rss_mib() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$emulator_pid/status"; }
# user + system CPU of the emulator so far, in clock ticks (fields 14 and 15 of /proc/PID/stat, after the name).
cpu_ticks() { sed 's/.*) //' "/proc/$emulator_pid/stat" | awk '{ print $12 + $13 }'; }
ticks=$(getconf CLK_TCK)

sleep 2
echo "emulator capacity: $consumers consumers at once, $rounds rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "idle RSS before the first round: $(rss_mib) MiB"
echo
echo "| round | p50 | p99 | max | errors | emulator CPU | client CPU | RSS peak | RSS ${settle} s after |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  # The peak: VmRSS sampled every 50 ms while the burst runs.
  (while :; do rss_mib; echo; sleep 0.05; done) >"$work/rss" 2>/dev/null &
  sampler_pid=$!
  before=$(cpu_ticks)
  if ! node bench/peers/capacity.js "$consumers" >"$work/result" 2>"$work/errors"; then
    echo "capacity.js failed:" >&2; cat "$work/errors" >&2; exit 1
  fi
  after=$(cpu_ticks)
  kill "$sampler_pid" 2>/dev/null; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
  peak=$(sort -n "$work/rss" | tail -1)
  sleep "$settle"
  read -r _ _ _ errors _ p50 _ p99 _ max _ _ _ client <"$work/result"
  printf '| %d | %.2f s | %.2f s | %.2f s | %d | %.2f s | %.2f s | %d MiB | %d MiB |\n' \
    "$round" "$p50" "$p99" "$max" "$errors" "$(awk -v a="$after" -v b="$before" -v t="$ticks" 'BEGIN { print (a - b) / t }')" "$client" "$peak" "$(rss_mib)"
  sed "s/^/round $round: /" "$work/errors" | head -4 >>"$work/notes"
done
echo
[ -f "$work/notes" ] && cat "$work/notes" && echo
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
