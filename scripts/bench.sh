#!/usr/bin/env bash
# Benchmarks (figures, not tests). First the start-up table: LpRepl against wscat and a node ws client,
# interleaved in one run (bench/startup.sh; LPREPL_BENCH_RUNS runs per side, default 10). Then the
# micro-benchmarks: template expansions per second on one thread, and a 60,000-line frame read line by line.
set -euo pipefail
cd "$(dirname "$0")/.."
bench/startup.sh "${LPREPL_BENCH_RUNS:-10}"
echo
dotnet build bench/LpRepl.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
# One thread does the work; the runtime keeps its JIT and GC threads, as in the REPL.
dotnet bench/LpRepl.Bench/bin/Release/net10.0/LpRepl.Bench.dll "$@"
