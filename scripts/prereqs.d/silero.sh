#!/usr/bin/env bash
# Prerequisites of the VAD work:
#   build/models/silero_vad_v5.onnx  Silero VAD v5 model for plugins/vad-silero, from the npm package
#                                    @ricky0123/vad-web@0.0.31 (npm pack), SHA-256 checked
#   flite, sox                       regenerate the testdata/vad fixtures (see testdata/vad/README.md)
# Idempotent: does nothing when everything is in place. Run from anywhere; paths are relative to the repo root.
set -euo pipefail

silero_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
silero_model="$silero_root/build/models/silero_vad_v5.onnx"
silero_npm_package="@ricky0123/vad-web@0.0.31"
# SHA-256 of package/dist/silero_vad_v5.onnx in that npm package (computed from the real download).
silero_sha256="2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f"

silero_sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$silero_model" && "$(silero_sha_of "$silero_model")" == "$silero_sha256" ]]; then
  echo "[prereqs/silero] ok: $silero_model"
else
  if ! command -v npm >/dev/null; then
    echo "[prereqs/silero] ERROR: npm is needed to fetch the Silero VAD model (apt-get install npm)" >&2
    exit 1
  fi
  echo "[prereqs/silero] fetching $silero_npm_package (npm pack) for silero_vad_v5.onnx"
  silero_tmp="$(mktemp -d)"
  if ! (cd "$silero_tmp" && npm pack --silent "$silero_npm_package" >/dev/null) \
      || ! tar -xzf "$silero_tmp"/*.tgz -C "$silero_tmp" package/dist/silero_vad_v5.onnx; then
    rm -rf "$silero_tmp"
    echo "[prereqs/silero] ERROR: could not fetch $silero_npm_package" >&2
    exit 1
  fi
  silero_got="$(silero_sha_of "$silero_tmp/package/dist/silero_vad_v5.onnx")"
  if [[ "$silero_got" != "$silero_sha256" ]]; then
    rm -rf "$silero_tmp"
    echo "[prereqs/silero] ERROR: checksum mismatch for silero_vad_v5.onnx: expected $silero_sha256, got $silero_got" >&2
    exit 1
  fi
  mkdir -p "$(dirname "$silero_model")"
  mv "$silero_tmp/package/dist/silero_vad_v5.onnx" "$silero_model.part"
  mv "$silero_model.part" "$silero_model"
  rm -rf "$silero_tmp"
  echo "[prereqs/silero] installed $silero_model (sha256 ok)"
fi

# flite and sox only regenerate fixtures; the committed WAVs make the tests independent of them.
silero_missing=()
for p in flite sox; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    silero_missing+=("$p")
  fi
done
if ((${#silero_missing[@]} == 0)); then
  echo "[prereqs/silero] ok: flite sox already installed"
else
  echo "[prereqs/silero] installing: ${silero_missing[*]}"
  silero_sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    silero_sudo=(sudo)
  fi
  if [[ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]]; then
    "${silero_sudo[@]}" apt-get update -qq
  fi
  DEBIAN_FRONTEND=noninteractive "${silero_sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${silero_missing[@]}" \
    || echo "[prereqs/silero] warning: could not install ${silero_missing[*]} (only needed to regenerate testdata/vad)" >&2
fi
