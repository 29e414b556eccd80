#!/usr/bin/env bash
# Benchmarks (figures, not tests). One table of LpRepl against its peers, each row's two sides measured
# interleaved in the same run: start-up (bench/startup.sh), throughput (bench/throughput.sh), inbound
# (bench/inbound.sh), the emulator's capacity (bench/capacity.sh, when there is one), then the worst peak-RSS
# ratio, then the micro-benchmarks (template expansions per second on one thread, a 60,000-line frame read line
# by line). Settings (environment):
#   LPREPL_BENCH_RUNS    runs per side of a start-up row (default 10)
#   LPREPL_BENCH_ROUNDS  rounds of the throughput and inbound rows (default 3)
#   LPREPL_BENCH_FRAMES  frames per throughput or inbound run (default 20000)
#   LPREPL_BENCH_BUILD   publish (default: ReadyToRun, as the Docker image ships it) or jit (dotnet run, the tool)
#   LPREPL_BENCH_ROWS    which parts, space-separated (default "startup throughput inbound capacity micro")
# Arguments go to the micro-benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${LPREPL_BENCH_RUNS:-10}
rounds=${LPREPL_BENCH_ROUNDS:-3}
frames=${LPREPL_BENCH_FRAMES:-20000}
rows=" ${LPREPL_BENCH_ROWS:-startup throughput inbound capacity micro} "
wanted() { [[ $rows == *" $1 "* ]]; }

started=$(date +%s)
bench/build.sh
export LPREPL_BENCH_BUILT=1 LPREPL_BENCH_NO_HEADER=1
LPREPL_BENCH_RSS=$(mktemp)
export LPREPL_BENCH_RSS
trap 'rm -f "$LPREPL_BENCH_RSS"' EXIT

echo "LpRepl bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start; each part's load is printed below the table"
echo
echo "| measure (LpRepl vs peer) | LpRepl | peer | wall or rate A/B | CPU A/B | peak RSS A/B |"
echo "|---|---|---|---|---|---|"
notes=$(mktemp)
# Each part prints its lines of the table and its load lines; the load lines are kept for below the table.
# A part that fails says so in the table and on stderr; the others still run.
part() {
  local line
  { "$@" || echo "| $1 | failed (exit $?; its error is above) | | | | |"; } | while IFS= read -r line; do
    case $line in
      "| measure"* | "|---"*) ;;
      "|"*) echo "$line" ;;
      "") ;;
      *) echo "$line" >>"$notes" ;;
    esac
  done
}
wanted startup && part bench/startup.sh "$runs"
wanted throughput && part bench/throughput.sh "$rounds" "$frames"
wanted inbound && part bench/inbound.sh "$rounds" "$frames"
# The emulator's capacity row comes from its own script, when there is one.
if wanted capacity && [ -x bench/capacity.sh ]; then
  part bench/capacity.sh
fi
echo
cat "$notes"; rm -f "$notes"
if [ -s "$LPREPL_BENCH_RSS" ]; then
  sort -g -r "$LPREPL_BENCH_RSS" | head -1 | awk '{ r = $1; $1 = ""; printf "peak RSS: the worst ratio LpRepl / peer is %.2f× (%s)\n", r, substr($0, 2) }'
fi
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end; the table took $(($(date +%s) - started)) s"

if wanted micro; then
  echo
  dotnet build bench/LpRepl.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
  # One thread does the work; the runtime keeps its JIT and GC threads, as in the REPL.
  dotnet bench/LpRepl.Bench/bin/Release/net10.0/LpRepl.Bench.dll "$@"
fi
