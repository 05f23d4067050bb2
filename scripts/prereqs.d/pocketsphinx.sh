#!/usr/bin/env bash
# prereqs-set: serve
# What the default pipeline's speech recogniser and turn detector (plugins/stt-pocketsphinx) load at run time:
#   libpocketsphinx3 + libsphinxbase3  native recogniser and n-gram LM library (loaded over JNA)
#   pocketsphinx-en-us                 US English acoustic model, dictionary and trigram LM
# Installs only what is missing; idempotent.
set -euo pipefail
PREREQ_TAG=pocketsphinx
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install libpocketsphinx3 libsphinxbase3 pocketsphinx-en-us || prereq_fail "could not install the pocketsphinx packages"
require_files /usr/share/pocketsphinx/model/en-us/en-us.lm.bin
