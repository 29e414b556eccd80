#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs every test: unit, emulator, and end-to-end
# (the real lprepl process, tmux, curl/jq/wscat). Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup-test-tools.sh || exit 1
export PATH="$PWD/tests/peers/node_modules/.bin:$PATH"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! dotnet build LpRepl.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# Style is part of the build's bar: file-scoped namespaces, naming, no unused usings, formatting.
if ! dotnet format LpRepl.sln --verify-no-changes; then
  echo "dotnet format found changes to make: run 'dotnet format LpRepl.sln'"
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test LpRepl.sln -c Release --no-build --nologo --logger "trx" --results-directory "$results" "$@" \
  > "$results/log.txt" 2>&1
status=$?
# Per assembly: the summary line, and for each failed test its name and message.
grep -E '^(Passed|Failed)!' "$results/log.txt"
grep -E '^\s+Failed ' -A12 "$results/log.txt" | grep -vE '^\s+at ' | head -200

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  tail -40 "$results/log.txt"
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
