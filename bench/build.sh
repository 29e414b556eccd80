#!/usr/bin/env bash
# Builds what the bench measures. LPREPL_BENCH_BUILD says which LpRepl the rows run: "publish" (default), compiled
# ahead (ReadyToRun) as the Docker image ships it, into artifacts/bench-publish; "jit", the plain Release build,
# which is what `dotnet run` and the .NET tool run. The Release build is made either way (rows that say "JIT build").
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/LpRepl -c Release -nologo -clp:ErrorsOnly >/dev/null
if [ "${LPREPL_BENCH_BUILD:-publish}" = publish ]; then
  rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
  dotnet publish src/LpRepl -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o artifacts/bench-publish -nologo -clp:ErrorsOnly >/dev/null
fi
