#!/usr/bin/env bash
# Prerequisites of the pocketsphinx STT plugin and its tests:
#   libpocketsphinx3 + libsphinxbase3  native recogniser and n-gram LM library (loaded over JNA)
#   pocketsphinx-en-us                 US English acoustic model, dictionary and trigram LM
#   flite                              speech synthesiser used to (re)generate testdata/speech fixtures
# Installs only what is missing; idempotent.
set -euo pipefail

ps_packages=(libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us flite)
missing=()
for p in "${ps_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "[prereqs/pocketsphinx] ok: ${ps_packages[*]} already installed"
  exit 0
fi

echo "[prereqs/pocketsphinx] installing: ${missing[*]}"
ps_sudo=()
if [[ $(id -u) -ne 0 ]]; then
  ps_sudo=(sudo)
fi
# Refresh the package index only when it has never been fetched (fresh container).
if [[ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]]; then
  echo "[prereqs/pocketsphinx] apt-get update"
  "${ps_sudo[@]}" apt-get update -qq
fi
# A stale package index names versions the mirror no longer has: refresh once and retry.
if ! DEBIAN_FRONTEND=noninteractive "${ps_sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "[prereqs/pocketsphinx] install failed; apt-get update and retry"
  "${ps_sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${ps_sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [[ ! -f /usr/share/pocketsphinx/model/en-us/en-us.lm.bin ]]; then
  echo "[prereqs/pocketsphinx] ERROR: /usr/share/pocketsphinx/model/en-us/en-us.lm.bin missing after install" >&2
  exit 1
fi
echo "[prereqs/pocketsphinx] done: ${missing[*]}"
