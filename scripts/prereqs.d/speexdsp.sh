#!/usr/bin/env bash
# prereqs-set: serve
# What the noise suppressor (plugins/denoise-speexdsp) loads at run time:
#   libspeexdsp1  Speex DSP library; its preprocessor (speex_preprocess_*) is loaded over JNA
# Installs only what is missing; idempotent.
set -euo pipefail
PREREQ_TAG=speexdsp
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install libspeexdsp1 || prereq_fail "could not install libspeexdsp1 for the denoise stage"
require_files /usr/lib/x86_64-linux-gnu/libspeexdsp.so.1
