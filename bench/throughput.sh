#!/usr/bin/env bash
# Throughput rows of the bench: N ms.PublishEvent frames (default 20,000) through `lprepl run FILE` against a
# standalone emulator, lockstep (today's default: each line once the answers before it are in) and pipelined
# (`pipeline on` … `sync`), against the node ws client (pipelined, answers matched by id) and a minimal C#
# ClientWebSocket loop (lockstep and pipelined), all against the same emulator, interleaved over ROUNDS rounds
# (default 3). Each client signs up, connects and requests a conversation first; the rate is N over the time from
# just after the conversation to the last answer, as each client clocks it (`bench START_NS END_NS` on stdout).
# CPU and peak RSS are GNU time's, of the whole process. Usage: bench/throughput.sh [ROUNDS] [N].
source "$(dirname "$0")/lib.sh"
rounds=${1:-3}
count=${2:-20000}
start_load=$(load)

# The emulator's choices, so both sides do the same work and nothing but the client limits the rate:
# --agent silent: no ACCEPT receipt or answer per message (the auto agent adds events, and a 600 ms answer);
# no subscription either, so each publish brings exactly one frame back, its response.
# --requests-per-second 0: the per-connection token bucket (100 at once, 50 a second) would answer 429.
# The outbound bounds (10,000 frames, 16 Mi characters) are raised: a pipelined client that sends everything
# before it reads has up to N answers queued, which is not a client that stopped reading.
start_emulator pub --agent silent --requests-per-second 0 --max-queued-frames 1000000 --max-queued-characters 1073741824
dotnet build bench/LpRepl.Bench.Socket -c Release -nologo -clp:ErrorsOnly >/dev/null
socket_loop=(dotnet "$PWD/bench/LpRepl.Bench.Socket/bin/Release/net10.0/LpRepl.Bench.Socket.dll")

# The scripts: a setup (signup, connect, the conversation), the clock, N frames as a script would write them
# ({{conversationId}} expanded per line, as in the shipped scripts), the clock again.
setup() {
  echo signup
  echo connect
  echo '{"kind":"req","id":"c","type":"cm.ConsumerRequestConversation"}'
  echo 'wait cm.RequestConversationResponse .code=200'
  echo 't0=$(date +%s%N)'
}
frames() {
  local i
  for ((i = 1; i <= ${1:-$count}; i++)); do
    echo "{\"kind\":\"req\",\"id\":$i,\"type\":\"ms.PublishEvent\",\"body\":{\"dialogId\":\"{{conversationId}}\",\"event\":{\"type\":\"ContentEvent\",\"contentType\":\"text/plain\",\"message\":\"m$i\"}}}"
  done
}
finish() { echo 't1=$(date +%s%N)'; echo 'echo bench $t0 $t1'; }
{ setup; frames; finish; } >"$work/lockstep.lprepl"
{ setup; echo 'pipeline on'; frames; echo sync; finish; } >"$work/pipelined.lprepl"
{ setup; finish; } >"$work/setup.lprepl"
# The warm-up round (not counted: disk caches, the emulator's JIT) sends fewer.
warm=500
{ setup; frames $warm; finish; } >"$work/lockstep.warm.lprepl"
{ setup; echo 'pipeline on'; frames $warm; echo sync; finish; } >"$work/pipelined.warm.lprepl"

# Is there a pipeline mode in this build? A connected script of just its two lines tells; a refusal is a row of n/a.
printf 'signup\nconnect\npipeline on\nsync\n' >"$work/probe.lprepl"
pipelined=""
if "$work/pub" "${lprepl[@]}" run "$work/probe.lprepl" >/dev/null 2>"$work/probe.err"; then
  pipelined=yes
elif grep -q "unknown command 'pipeline'" "$work/probe.err"; then
  no_pipeline="n/a (this build has no pipeline mode)"
else
  no_pipeline="n/a (the pipeline probe failed: $(grep -m1 . "$work/probe.err" | cut -c1-120))"
fi

# publish FILE COMMAND…: one run, "rate cpu kib" appended to FILE.
measure_out="$work/out"
publish() {
  local file=$1; shift
  measure "$work/one.line" "$@"
  local clock; clock=$(grep -m1 '^bench ' "$work/out") || { echo "no 'bench' line from: $*" >&2; tail -3 "$work/out" >&2; exit 1; }
  echo "$clock $(cat "$work/one.line")" | awk -v n="$count" '{ printf "%.1f %s %s\n", n / (($3 - $2) / 1e9), $5, $6 }' >>"$file"
  rm -f "$work/one.line"
}

for side in lprepl_lock lprepl_pipe lprepl_setup node csharp_lock csharp_pipe; do : >"$work/$side"; done
for round in $(seq 0 "$rounds"); do
  # Round 0 warms every side up and is not counted.
  s="" n=$count; [ "$round" -eq 0 ] && s=".warm" n=$warm
  publish "$work/lprepl_lock$s" "$work/pub" "${lprepl[@]}" run "$work/lockstep$s.lprepl"
  publish "$work/node$s" "$work/pub" node bench/peers/publish.js "$n"
  publish "$work/csharp_lock$s" "$work/pub" "${socket_loop[@]}" lockstep "$n"
  publish "$work/csharp_pipe$s" "$work/pub" "${socket_loop[@]}" pipelined "$n"
  [ -n "$pipelined" ] && publish "$work/lprepl_pipe$s" "$work/pub" "${lprepl[@]}" run "$work/pipelined$s.lprepl"
  measure "$work/lprepl_setup$s" "$work/pub" "${lprepl[@]}" run "$work/setup.lprepl"
done

cell() { # FILE: "rate frames/s · cpu s CPU · MiB"
  printf '%s frames/s · %.2f s CPU · %d MiB' "$(printf '%.0f' "$(column "$1" 1)")" "$(column "$1" 2)" "$(($(column "$1" 3 | cut -d. -f1) / 1024))"
}
# rate_row NAME A B [A_EXTRA]: rate ratio A/B (higher is better for A), CPU and peak RSS ratios.
rate_row() {
  local name=$1 a=$2 b=$3 extra=${4:-} rm
  rm=$(ratios "$a" "$b" 3)
  printf '| %s | %s%s | %s | rate %.2f× | %.2f× | %.2f× |\n' "$name" "$(cell "$a")" "$extra" "$(cell "$b")" \
    "$(ratios "$a" "$b" 1)" "$(ratios "$a" "$b" 2)" "$rm"
  note_rss "$name" "$rm"
}
na_row() { printf '| %s | %s | %s | – | – | – |\n' "$1" "$no_pipeline" "$(cell "$2")"; }

# LpRepl's CPU per line, lockstep: the whole run's CPU over N, and over N after the setup-only run's CPU.
per_line=$(awk -v n="$count" '{ print $2 / n * 1e6 }' "$work/lprepl_lock" | median)
over_setup=$(paste -d' ' "$work/lprepl_lock" "$work/lprepl_setup" | awk -v n="$count" '{ print ($2 - $5) / n * 1e6 }' | median)
per_line_text=$(printf ' · %.0f µs CPU/line (%.0f µs over setup)' "$per_line" "$over_setup")

n_text=$(echo "$count" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
echo "throughput: $n_text ms.PublishEvent per run, medians of $rounds interleaved rounds; load $start_load at the start"
echo
table_header
rate_row "$n_text PublishEvent, lprepl run lockstep vs C# ClientWebSocket lockstep" "$work/lprepl_lock" "$work/csharp_lock" "$per_line_text"
rate_row "$n_text PublishEvent, lprepl run lockstep vs node ws pipelined" "$work/lprepl_lock" "$work/node"
if [ -n "$pipelined" ]; then
  rate_row "$n_text PublishEvent, lprepl run pipelined vs node ws pipelined" "$work/lprepl_pipe" "$work/node"
  rate_row "$n_text PublishEvent, lprepl run pipelined vs C# ClientWebSocket pipelined" "$work/lprepl_pipe" "$work/csharp_pipe"
else
  na_row "$n_text PublishEvent, lprepl run pipelined vs node ws pipelined" "$work/node"
  na_row "$n_text PublishEvent, lprepl run pipelined vs C# ClientWebSocket pipelined" "$work/csharp_pipe"
fi
echo
echo "load $(load) at the end of throughput"
