#!/usr/bin/env bash
# Prerequisites of the VAD work: the Silero VAD v5 ONNX model (plugins/vad-silero) and the tools that
# regenerate the VAD test fixtures (flite for speech, sox for mixing; see testdata/vad/README.md).
# Idempotent: does nothing when everything is already in place. Run from anywhere; paths are repo-relative.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODEL_DIR="$ROOT/build/models"
MODEL="$MODEL_DIR/silero_vad_v5.onnx"
NPM_PACKAGE="@ricky0123/vad-web@0.0.31"
# SHA-256 of package/dist/silero_vad_v5.onnx inside that npm package (computed from the real download).
MODEL_SHA256="2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$MODEL" && "$(sha_of "$MODEL")" == "$MODEL_SHA256" ]]; then
  echo "[silero] model present: $MODEL"
else
  command -v npm >/dev/null || { echo "[silero] npm is required to fetch the Silero model (apt-get install npm)" >&2; exit 1; }
  echo "[silero] fetching $NPM_PACKAGE with npm pack"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$NPM_PACKAGE" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/dist/silero_vad_v5.onnx
  got="$(sha_of "$tmp/package/dist/silero_vad_v5.onnx")"
  if [[ "$got" != "$MODEL_SHA256" ]]; then
    echo "[silero] checksum mismatch for silero_vad_v5.onnx: expected $MODEL_SHA256, got $got" >&2
    exit 1
  fi
  mkdir -p "$MODEL_DIR"
  mv "$tmp/package/dist/silero_vad_v5.onnx" "$MODEL.part"
  mv "$MODEL.part" "$MODEL"
  echo "[silero] installed $MODEL (sha256 ok)"
fi

# flite and sox only regenerate fixtures; the committed WAVs make them optional for the tests themselves.
missing=()
command -v flite >/dev/null || missing+=(flite)
command -v sox >/dev/null || missing+=(sox)
if ((${#missing[@]})); then
  echo "[silero] installing ${missing[*]} (VAD fixture tools)"
  if [[ "$(id -u)" == 0 ]]; then
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } \
      || echo "[silero] warning: could not install ${missing[*]} (only needed to regenerate testdata/vad)" >&2
  else
    echo "[silero] not root: skipping apt-get install ${missing[*]} (only needed to regenerate testdata/vad)" >&2
  fi
fi
