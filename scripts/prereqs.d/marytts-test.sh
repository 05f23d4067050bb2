#!/usr/bin/env bash
# Prerequisites of the tts-marytts plugin's round-trip tests (the plugin itself needs nothing: MaryTTS and its
# voice come from Maven):
#   pocketsphinx        the pocketsphinx_continuous CLI that transcribes MaryTTS' speech back to text
#   pocketsphinx-en-us  US English acoustic model, dictionary and trigram LM
#   sox                 resamples 48 kHz speech to the recogniser's 16 kHz (band-limited, proper filter)
# Installs only what is missing; idempotent.
set -euo pipefail

mt_packages=(pocketsphinx pocketsphinx-en-us sox)
mt_missing=()
for p in "${mt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    mt_missing+=("$p")
  fi
done

if ((${#mt_missing[@]} == 0)); then
  echo "[prereqs/marytts-test] ok: ${mt_packages[*]} already installed"
  exit 0
fi

echo "[prereqs/marytts-test] installing: ${mt_missing[*]}"
mt_sudo=()
if [[ $(id -u) -ne 0 ]]; then
  mt_sudo=(sudo)
fi
# Refresh the package index only when it has never been fetched (fresh container).
if [[ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]]; then
  echo "[prereqs/marytts-test] apt-get update"
  "${mt_sudo[@]}" apt-get update -qq
fi
# A stale package index names versions the mirror no longer has: refresh once and retry.
if ! DEBIAN_FRONTEND=noninteractive "${mt_sudo[@]}" apt-get install -y -qq --no-install-recommends "${mt_missing[@]}"; then
  echo "[prereqs/marytts-test] install failed; apt-get update and retry"
  "${mt_sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${mt_sudo[@]}" apt-get install -y -qq --no-install-recommends "${mt_missing[@]}"
fi
for f in /usr/bin/pocketsphinx_continuous /usr/bin/sox /usr/share/pocketsphinx/model/en-us/en-us.lm.bin; do
  if [[ ! -e $f ]]; then
    echo "[prereqs/marytts-test] ERROR: $f missing after install" >&2
    exit 1
  fi
done
echo "[prereqs/marytts-test] done: ${mt_missing[*]}"
