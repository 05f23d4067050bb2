#!/usr/bin/env bash
# prereqs-set: test
# Tools that make the test audio (testdata/speech/make-fixtures.sh, testdata/vad/README.md):
#   flite  speech synthesiser of the speech and VAD fixtures
#   sox    mixes, pads and resamples them
# The committed WAVs make the tests independent of both, so a failed install only warns. Idempotent.
set -euo pipefail
PREREQ_TAG=test-audio
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install flite sox || prereq_warn "could not install flite and sox (only needed to regenerate testdata fixtures)"
