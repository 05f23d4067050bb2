#!/usr/bin/env bash
# prereqs-set: serve
# The model of the Silero VAD (plugins/vad-silero), which the bundled pipelines whisper.yaml and ab-test.yaml use:
#   build/models/silero_vad_v5.onnx  from the npm package @ricky0123/vad-web@0.0.31 (npm pack), SHA-256 checked
# The default pipeline does not use it, so when it cannot be fetched `./parley serve` only warns (a pipeline with
# `vad: silero` then says the model is missing), while `./parley test` fails: the Silero tests need it.
# Idempotent: does nothing when the model is in place. Paths are relative to the repository root.
set -euo pipefail
PREREQ_TAG=silero
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

silero_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# SHA-256 of package/dist/silero_vad_v5.onnx in that npm package (computed from the real download).
if ! npm_pack_file "@ricky0123/vad-web@0.0.31" package/dist/silero_vad_v5.onnx \
    "$silero_root/build/models/silero_vad_v5.onnx" \
    2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f; then
  if [[ ${PARLEY_PREREQS_SET:-test} == serve ]]; then
    prereq_warn "no Silero VAD model: the default pipeline does not need it; pipelines with 'vad: silero' do"
    exit 0
  fi
  prereq_fail "the Silero VAD model is needed by the vad-silero tests"
fi
