#!/usr/bin/env bash
# prereqs-set: test
# What the real-client tests (NodeClientsTest, the end-to-end scenarios) run:
#   build/node/node_modules   the `openai` and `@openai/agents-realtime` npm packages (+ ws, zod), versions pinned
#                             in framework-runtime/src/test/node/package.json, installed with `npm install
#                             --no-package-lock` (no lockfile is kept: it would record registry URLs)
# Idempotent: does nothing when the pinned versions are already installed. Needs node and npm on the PATH; without
# them (or when npm cannot install) it warns and exits 0, because serving does not need these clients.
set -euo pipefail
PREREQ_TAG=node-clients
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

nodeclients_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nodeclients_src="$nodeclients_root/framework-runtime/src/test/node/package.json"
nodeclients_dir="$nodeclients_root/build/node"

# Only the test suite needs these clients, so a machine without node still serves: say so and stop here
# (NodeClientsTest then fails with the same advice).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  prereq_warn "node and npm are missing; the real-client tests (NodeClientsTest) need them: sudo apt-get install nodejs npm"
  exit 0
fi

# Every pinned package installed at its pinned version?
nodeclients_ok=1
while IFS=$'\t' read -r nodeclients_name nodeclients_version; do
  nodeclients_pkg="$nodeclients_dir/node_modules/$nodeclients_name/package.json"
  if [[ ! -f "$nodeclients_pkg" ]] \
      || [[ "$(node -p "require('$nodeclients_pkg').version")" != "$nodeclients_version" ]]; then
    nodeclients_ok=0
  fi
done < <(node -e 'const d=require(process.argv[1]).dependencies; for (const [n,v] of Object.entries(d)) console.log(n+"\t"+v)' "$nodeclients_src")

if [[ $nodeclients_ok == 1 ]] && cmp -s "$nodeclients_src" "$nodeclients_dir/package.json"; then
  prereq_say "ok: $nodeclients_dir (node $(node --version))"
else
  prereq_say "installing OpenAI Realtime client packages into $nodeclients_dir"
  mkdir -p "$nodeclients_dir"
  cp "$nodeclients_src" "$nodeclients_dir/package.json"
  if ! (cd "$nodeclients_dir" && npm install --no-package-lock --no-audit --no-fund --loglevel=error); then
    prereq_warn "npm install failed; the real-client tests (NodeClientsTest) will fail"
    exit 0
  fi
  prereq_say "installed: $(cd "$nodeclients_dir" && node -p "Object.entries(require('./package.json').dependencies).map(e=>e.join('@')).join(' ')")"
fi
