#!/usr/bin/env bash
# Builds the lprepl image and checks it as a user runs it: version, non-root, a script through
# stdin without a terminal, the tutorial's literal curl + jq line, an lp.env saved inside (as
# lprepl --env-file and as docker run --env-file), and the emulator served to the host
# (emulator --host 0.0.0.0). LPREPL_SMOKE_VERBOSE=1 shows what each passing check saw;
# LPREPL_SMOKE_NO_BUILD=1 checks the image already built.
# With a Docker engine it uses docker; else podman (--isolation chroot, no registry pulls) and
# buildah run, as on machines without an engine. Behind a TLS-inspecting proxy the restore gets
# the CAs in /usr/local/share/ca-certificates as the extra_ca build secret.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${LPREPL_IMAGE:-localhost/lprepl:smoke}
revision=$(git rev-parse HEAD 2>/dev/null || true)
work=$(mktemp -d)
emulator_name=lprepl-smoke-emulator-$$
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap 'stop_emulator 2>/dev/null; rm -rf "$work"; [ -n "${container:-}" ] && buildah rm "$container" >/dev/null 2>&1 || true' EXIT
ca="$work/extra-ca.crt"
cat /usr/local/share/ca-certificates/*.crt > "$ca" 2>/dev/null || true
digest=$(sha256sum "$ca" | cut -c1-16)
build_args=(--secret "id=extra_ca,src=$ca" --build-arg "SOURCE_REVISION=$revision" --build-arg "EXTRA_CA_DIGEST=$digest" -t "$image" .)

started=$(date +%s)
if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  engine=docker
  [ -n "${LPREPL_SMOKE_NO_BUILD:-}" ] || DOCKER_BUILDKIT=1 docker build "${build_args[@]}"
  inside() { docker run --rm -i --entrypoint "$1" "$image" "${@:2}"; }
  # The emulator served to the host (-p), and a client in a second container on its network.
  serve_emulator() { docker run -d --name "$emulator_name" -p "127.0.0.1:$port:$port" "$image" emulator --host 0.0.0.0 --port "$port" --ca-out /home/lprepl/emulator-ca.pem >/dev/null; }
  emulator_output() { docker logs "$emulator_name" 2>&1; }
  copy_ca_out() { docker cp "$emulator_name:/home/lprepl/emulator-ca.pem" "$1"; }
  beside_emulator() { docker run --rm -i --network "container:$emulator_name" --entrypoint "$1" "$image" "${@:2}"; }
  at_a_terminal="docker run --rm -it $image"
  stop_emulator() { docker rm -f "$emulator_name" >/dev/null 2>&1 || true; }
else
  engine=podman
  if ! command -v podman >/dev/null 2>&1 || ! podman image exists mcr.microsoft.com/dotnet/sdk:10.0; then
    # No registry here: local stand-ins for the .NET base images (see that script's header).
    base=${LPREPL_BASE_IMAGES:-../shared/tools/container-base-images.sh}
    [ -x "$base" ] || { echo "docker-smoke: no Docker engine and no base images; set LPREPL_BASE_IMAGES to container-base-images.sh" >&2; exit 2; }
    "$base"
  fi
  [ -n "${LPREPL_SMOKE_NO_BUILD:-}" ] || podman build --isolation chroot --pull=never "${build_args[@]}"
  container=$(buildah from --pull-never "$image")
  inside() { buildah run --isolation chroot "$container" -- "$@"; }
  # buildah run shares the host's network: the emulator's port is the host's, as with docker -p.
  serve_emulator() { buildah run --isolation chroot "$container" -- lprepl emulator --host 0.0.0.0 --port "$port" --ca-out /home/lprepl/emulator-ca.pem >"$work/emulator.out" 2>&1 & emulator_pid=$!; }
  emulator_output() { cat "$work/emulator.out"; }
  copy_ca_out() { inside cat /home/lprepl/emulator-ca.pem >"$1"; }
  beside_emulator() { inside "$@"; }
  at_a_terminal="buildah run --isolation chroot -t $container -- lprepl"
  stop_emulator() { [ -n "${emulator_pid:-}" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null || true; }
fi
built=$(( $(date +%s) - started ))

fail=0
# Indented, and a JWT shortened as lprepl itself shows one: the tutorial's curl + jq line prints it whole.
shown() { sed -E 's/^/     /; s/(eyJ[A-Za-z0-9_-]{8})[A-Za-z0-9._-]{12,}/\1…/g'; }
check() { # name, then the command; prints ok/FAIL with what it saw
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then
    echo "ok   $name"
    if [ -n "${LPREPL_SMOKE_VERBOSE:-}" ]; then echo "$out" | tail -20 | shown; fi
  else
    echo "FAIL $name"; echo "$out" | tail -20 | shown; fail=1
  fi
}

dotnet build src/LpRepl -c Release -nologo -clp:ErrorsOnly >/dev/null
outside=$(dotnet src/LpRepl/bin/Release/net10.0/lprepl.dll --version)
version_matches() { local v; v=$(inside lprepl --version); echo "inside: $v, outside: $outside"; [ "$v" = "$outside" ]; }
not_root() { local u; u=$(inside id -u); echo "uid $u"; [ "$u" != 0 ]; }
script_from_stdin() { inside bash -c 'lprepl run - < /opt/lprepl/scripts/getting-started.lprepl'; }
# Step 2's literal line (curl + jq) sets LP_JWT; Step 6 saves lp.env, which --env-file loads again: its
# LP_EMULATOR=embedded brings the next run back to the embedded emulator, whose kept state knows the token.
literal_and_env_file() {
  inside bash -c 'set -e; cd "$(mktemp -d)"
    lprepl run /opt/lprepl/scripts/getting-started-verbatim.lprepl
    grep -q "^LP_JWT=eyJ" lp.env && grep -q "^LP_ACCOUNT=" lp.env
    account=$(sed -n "s/^LP_ACCOUNT=//p" lp.env)
    echo "echo saved account: \$LP_ACCOUNT" | lprepl --env-file lp.env run - | grep -qx "saved account: $account"
    grep -v "^signup" /opt/lprepl/scripts/get-messages.lprepl | lprepl --env-file lp.env run -'
}

# docker run --env-file lp.env hands the saved lines over as environment variables: LP_* ones are read.
docker_env_file() {
  inside bash -c 'set -e; cd "$(mktemp -d)"
    lprepl run /opt/lprepl/scripts/getting-started-verbatim.lprepl >/dev/null
    mapfile -t saved < <(grep -v "^#" lp.env | grep .)
    token=$(sed -n "s/^LP_JWT=//p" lp.env)
    echo "echo token from the environment: \$LP_JWT" | env "${saved[@]}" lprepl run - | grep -qxF "token from the environment: $token"'
}
# docker run -it IMAGE, driven in tmux as a person would: the REPL on the embedded emulator.
with_a_terminal() {
  command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed: not checked"; return 0; }
  local session=lprepl-smoke-$$ screen="" i
  tmux new-session -d -s "$session" -x 120 -y 30 "$at_a_terminal"
  await_screen() { for i in $(seq 1 150); do screen=$(tmux capture-pane -p -t "$session"); grep -q "$1" <<<"$screen" && return 0; sleep 0.2; done; echo "$screen"; return 1; }
  local ok=0
  { await_screen "^lp>" && tmux send-keys -t "$session" signup Enter && await_screen "^LP_JWT=" \
      && tmux send-keys -t "$session" connect Enter && await_screen "^connected to wss://"; } || ok=1
  echo "$screen" | grep .
  tmux send-keys -t "$session" quit Enter; tmux kill-session -t "$session" 2>/dev/null || true
  return $ok
}
# `emulator --host 0.0.0.0` serves the host: its CA copied out, curl on the host signs up, and a client
# given only LP_ACCOUNT, LP_CSDS and the CA resolves the domains and runs the getting-started script.
emulator_for_the_host() {
  serve_emulator
  local i; for i in $(seq 1 300); do emulator_output | grep -q "^# try:" && break; sleep 0.1; done
  emulator_output | grep -qi "reachable from outside" || { echo "no warning that it is reachable from outside:"; emulator_output; return 1; }
  copy_ca_out "$work/emulator-ca.pem"
  local idp jwt
  idp=$(emulator_output | sed -n 's/^export LP_IDP=//p')
  [ -n "$idp" ] || { echo "no LP_IDP in the emulator's output:"; emulator_output; return 1; }
  jwt=$(curl -fsS --noproxy '*' --cacert "$work/emulator-ca.pem" -X POST "https://$idp/api/account/12345678/signup" | jq -r .jwt)
  echo "host: $idp, signup token ${jwt:0:3}…"
  [ "${jwt:0:3}" = eyJ ] || return 1
  beside_emulator env LP_ACCOUNT=12345678 LP_CSDS="127.0.0.1:$port" LP_CACERT=/home/lprepl/emulator-ca.pem \
    lprepl run /opt/lprepl/scripts/getting-started.lprepl
}

check "lprepl --version inside is the version outside ($outside)" version_matches
check "runs as a user other than root" not_root
check "lprepl run - < getting-started.lprepl, no terminal" script_from_stdin
check "Step 2's curl + jq line sets LP_JWT; --env-file loads the saved lp.env" literal_and_env_file
check "docker run -it: the REPL on the embedded emulator, signup and connect at its prompt (tmux)" with_a_terminal
check "docker run --env-file lp.env: the saved LP_* lines as environment variables" docker_env_file
check "emulator --host 0.0.0.0 --port $port serves the host; LP_ACCOUNT + LP_CSDS resolve its domains" emulator_for_the_host

size=$($engine image inspect "$image" --format '{{.Size}}')
echo "engine $engine · image $image · $(( size / 1024 / 1024 )) MiB · built in ${built} s"
exit $fail
