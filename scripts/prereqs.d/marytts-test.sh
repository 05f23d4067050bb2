#!/usr/bin/env bash
# prereqs-set: test
# What the tts-marytts plugin's round-trip tests use (the plugin itself needs nothing: MaryTTS and its voice come
# from Maven):
#   pocketsphinx        the pocketsphinx_continuous CLI that transcribes MaryTTS' speech back to text
#   pocketsphinx-en-us  US English acoustic model, dictionary and trigram LM
#   sox                 resamples 48 kHz speech to the recogniser's 16 kHz (band-limited, proper filter)
# Installs only what is missing; idempotent.
set -euo pipefail
PREREQ_TAG=marytts-test
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install pocketsphinx pocketsphinx-en-us sox || prereq_fail "could not install the MaryTTS round-trip test tools"
require_files /usr/bin/pocketsphinx_continuous /usr/bin/sox /usr/share/pocketsphinx/model/en-us/en-us.lm.bin
