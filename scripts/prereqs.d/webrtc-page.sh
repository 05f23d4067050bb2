#!/usr/bin/env bash
# prereqs-set: test
# What the WebRTC browser test (integration-tests: WebRtcAgentsRealtimeE2EIT) loads into Chromium:
#   build/webrtc-page/agents-realtime.bundle.js   the official @openai/agents-realtime package (OpenAIRealtimeWebRTC),
#                                                 bundled for the browser by esbuild; both pinned in
#                                                 integration-tests/src/test/webrtc/package.json, fetched by name with
#                                                 npm (no lockfile: it would record registry URLs), never from a CDN
# Idempotent: does nothing when the bundle is newer than its package.json and entry. Without node/npm it warns.
set -euo pipefail
PREREQ_TAG=webrtc-page
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

webrtc_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
webrtc_src="$webrtc_root/integration-tests/src/test/webrtc"
webrtc_dir="$webrtc_root/build/webrtc-page"
webrtc_bundle="$webrtc_dir/agents-realtime.bundle.js"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  prereq_warn "node and npm are missing; the WebRTC browser test needs them: sudo apt-get install nodejs npm"
  exit 0
fi

if [[ -f "$webrtc_bundle" && "$webrtc_bundle" -nt "$webrtc_src/package.json" && "$webrtc_bundle" -nt "$webrtc_src/entry.js" ]]; then
  prereq_say "ok: $webrtc_bundle"
  exit 0
fi
prereq_say "installing @openai/agents-realtime and esbuild into $webrtc_dir and bundling the WebRTC transport"
mkdir -p "$webrtc_dir"
cp "$webrtc_src/package.json" "$webrtc_src/entry.js" "$webrtc_dir/"
if ! (cd "$webrtc_dir" && npm install --no-package-lock --no-audit --no-fund --loglevel=error \
      && node_modules/.bin/esbuild entry.js --bundle --format=iife --platform=browser \
           --outfile=agents-realtime.bundle.js --log-level=warning); then
  prereq_warn "npm install or esbuild failed; the WebRTC browser test will fail"
  exit 0
fi
prereq_say "bundled: $webrtc_bundle ($(wc -c < "$webrtc_bundle") bytes)"
