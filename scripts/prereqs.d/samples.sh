#!/usr/bin/env bash
# prereqs-set: test
# What the samples and their tests (integration-tests: SampleClientsE2EIT, ThirdPartyPluginE2EIT) use:
#   python3 python3-websockets  samples/python-client: the standard library plus Debian's websockets
#   flite                       the command samples/third-party-plugin speaks through
#   sox pocketsphinx            the tests transcribe each answer WAV back (resample, pocketsphinx_continuous)
# Installs only what is missing; idempotent.
set -euo pipefail
PREREQ_TAG=samples
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install python3 python3-websockets flite sox pocketsphinx pocketsphinx-en-us \
  || prereq_fail "could not install what the samples' tests need"
require_files /usr/bin/python3 /usr/bin/flite /usr/bin/sox /usr/bin/pocketsphinx_continuous
/usr/bin/python3 -c 'import websockets' || prereq_fail "python3 cannot import websockets after the install"
prereq_say "ok: python3-websockets, flite, sox, pocketsphinx"
