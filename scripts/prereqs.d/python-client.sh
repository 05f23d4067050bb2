#!/usr/bin/env bash
# prereqs-set: test
# Prerequisite of samples/python-client (run by integration-tests' SamplesClientsE2EIT):
#   python3-websockets  Debian's websockets library for the system python3; the sample needs nothing else
# Installs only what is missing; idempotent.
set -euo pipefail

if /usr/bin/python3 -c 'import websockets' 2>/dev/null; then
  echo "[prereqs/python-client] ok: python3-websockets already installed"
  exit 0
fi
echo "[prereqs/python-client] installing: python3 python3-websockets"
pc_sudo=()
if [[ $(id -u) -ne 0 ]]; then
  pc_sudo=(sudo)
fi
if [[ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]]; then
  "${pc_sudo[@]}" apt-get update -qq
fi
if ! DEBIAN_FRONTEND=noninteractive "${pc_sudo[@]}" apt-get install -y -qq --no-install-recommends python3 python3-websockets; then
  echo "[prereqs/python-client] install failed; apt-get update and retry"
  "${pc_sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${pc_sudo[@]}" apt-get install -y -qq --no-install-recommends python3 python3-websockets
fi
/usr/bin/python3 -c 'import websockets' || { echo "[prereqs/python-client] ERROR: websockets not importable" >&2; exit 1; }
echo "[prereqs/python-client] done"
