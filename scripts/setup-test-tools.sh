#!/usr/bin/env bash
# Installs what the end-to-end tests drive besides .NET: tmux (a real terminal), curl and jq
# (the tutorial's REST clients) from Debian's packages, and wscat (its WebSocket client) from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in tmux jq curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (Debian packages)" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x tests/peers/node_modules/.bin/wscat ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm is needed for the wscat peer tests (apt-get install npm)" >&2; exit 1; }
  echo "installing wscat (npm) into tests/peers" >&2
  (cd tests/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
