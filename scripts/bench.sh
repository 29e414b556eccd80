#!/usr/bin/env bash
# Benchmarks (figures, not tests): template expansions per second on one thread, and a
# 60,000-line frame read line by line.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/LpRepl.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
# One thread does the work; the runtime keeps its JIT and GC threads, as in the REPL.
dotnet bench/LpRepl.Bench/bin/Release/net10.0/LpRepl.Bench.dll "$@"
