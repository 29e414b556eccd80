#!/usr/bin/env bash
# Builds the lprepl image and checks it as a user runs it: version, non-root, a script through
# stdin without a terminal, the tutorial's literal curl + jq line, and an lp.env saved inside.
# With a Docker engine it uses docker; else podman (--isolation chroot, no registry pulls) and
# buildah run, as on machines without an engine. Behind a TLS-inspecting proxy the restore gets
# the CAs in /usr/local/share/ca-certificates as the extra_ca build secret.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${LPREPL_IMAGE:-localhost/lprepl:smoke}
revision=$(git rev-parse HEAD 2>/dev/null || true)
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${container:-}" ] && buildah rm "$container" >/dev/null 2>&1 || true' EXIT
ca="$work/extra-ca.crt"
cat /usr/local/share/ca-certificates/*.crt > "$ca" 2>/dev/null || true
digest=$(sha256sum "$ca" | cut -c1-16)
build_args=(--secret "id=extra_ca,src=$ca" --build-arg "SOURCE_REVISION=$revision" --build-arg "EXTRA_CA_DIGEST=$digest" -t "$image" .)

started=$(date +%s)
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine=docker
  DOCKER_BUILDKIT=1 docker build "${build_args[@]}"
  inside() { docker run --rm -i --entrypoint "$1" "$image" "${@:2}"; }
else
  engine=podman
  if ! command -v podman >/dev/null 2>&1 || ! podman image exists mcr.microsoft.com/dotnet/sdk:10.0; then
    # No registry here: local stand-ins for the .NET base images (see that script's header).
    base=${LPREPL_BASE_IMAGES:-../shared/tools/container-base-images.sh}
    [ -x "$base" ] || { echo "docker-smoke: no Docker engine and no base images; set LPREPL_BASE_IMAGES to container-base-images.sh" >&2; exit 2; }
    "$base"
  fi
  podman build --isolation chroot --pull=never "${build_args[@]}"
  container=$(buildah from --pull-never "$image")
  inside() { buildah run --isolation chroot "$container" -- "$@"; }
fi
built=$(( $(date +%s) - started ))

fail=0
check() { # name, then the command; prints ok/FAIL with what it saw
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then echo "ok   $name"; else echo "FAIL $name"; echo "$out" | tail -20 | sed 's/^/     /'; fail=1; fi
}

dotnet build src/LpRepl -c Release -nologo -clp:ErrorsOnly >/dev/null
outside=$(dotnet src/LpRepl/bin/Release/net10.0/lprepl.dll --version)
version_matches() { local v; v=$(inside lprepl --version); echo "inside: $v, outside: $outside"; [ "$v" = "$outside" ]; }
not_root() { local u; u=$(inside id -u); echo "uid $u"; [ "$u" != 0 ]; }
script_from_stdin() { inside bash -c 'lprepl run - < /opt/lprepl/scripts/getting-started.lprepl'; }
# Step 2's literal line (curl + jq) sets LP_JWT; Step 6 saves lp.env, which --env-file loads again.
literal_and_env_file() {
  inside bash -c 'set -e; cd "$(mktemp -d)"
    lprepl run /opt/lprepl/scripts/getting-started-verbatim.lprepl
    grep -q "^LP_JWT=eyJ" lp.env && grep -q "^LP_ACCOUNT=" lp.env
    account=$(sed -n "s/^LP_ACCOUNT=//p" lp.env)
    echo "echo saved account: \$LP_ACCOUNT" | lprepl --env-file lp.env --emulator run - | grep -qx "saved account: $account"'
}

check "lprepl --version inside is the version outside ($outside)" version_matches
check "runs as a user other than root" not_root
check "lprepl run - < getting-started.lprepl, no terminal" script_from_stdin
check "Step 2's curl + jq line sets LP_JWT; --env-file loads the saved lp.env" literal_and_env_file

size=$($engine image inspect "$image" --format '{{.Size}}')
echo "engine $engine · image $image · $(( size / 1024 / 1024 )) MiB · built in ${built} s"
exit $fail
