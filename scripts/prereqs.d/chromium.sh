#!/usr/bin/env bash
# prereqs-set: test
# What the browser sample's test (integration-tests: BrowserClientE2EIT) runs:
#   chromium  Debian's Chromium, run headless with a fake microphone that plays a testdata/speech WAV into
#             samples/browser-client/index.html; the test drives it over its DevTools port (no browser download)
# Installs only what is missing; idempotent.
set -euo pipefail
PREREQ_TAG=chromium
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install chromium sox || prereq_fail "could not install chromium for the browser sample's test"
require_files /usr/bin/chromium /usr/bin/sox
