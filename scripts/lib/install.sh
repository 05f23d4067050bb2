# shellcheck shell=bash
# The install helper every scripts/prereqs.d fragment sources:
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"
#   PREREQ_TAG=name                     prefix of every message: "[prereqs/name] ..."
# then calls the functions below. Each one does nothing when its target is already in place, so fragments stay
# idempotent. PARLEY_PREREQS_SET (serve or test, exported by the launcher) tells a fragment which set it runs in.

PREREQ_TAG="${PREREQ_TAG:-prereqs}"

prereq_say() { echo "[prereqs/$PREREQ_TAG] $*"; }
prereq_warn() { echo "[prereqs/$PREREQ_TAG] WARNING: $*" >&2; }
prereq_fail() {
  echo "[prereqs/$PREREQ_TAG] ERROR: $*" >&2
  exit 1
}

# The Debian packages among "$@" that are not installed, one per line.
apt_missing() {
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      echo "$p"
    fi
  done
}

# Installs the packages among "$@" that are missing (through sudo when not root). The package index is fetched
# when it never was (fresh container), and once more when an install fails: a stale index names versions the
# mirror no longer has. Returns non-zero when the install fails.
apt_install() {
  local missing=() sudo=() p
  while IFS= read -r p; do
    [[ -n $p ]] && missing+=("$p")
  done < <(apt_missing "$@")
  if ((${#missing[@]} == 0)); then
    prereq_say "ok: $* already installed"
    return 0
  fi
  prereq_say "installing: ${missing[*]} (apt)"
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  if [[ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]]; then
    prereq_say "apt-get update"
    "${sudo[@]}" apt-get update -qq || return 1
  fi
  if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    prereq_say "install failed; apt-get update and retry"
    "${sudo[@]}" apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" \
      || return 1
  fi
  prereq_say "done: ${missing[*]}"
}

# Fails naming the first of "$@" that does not exist.
require_files() {
  local f
  for f in "$@"; do
    [[ -e $f ]] || prereq_fail "$f missing after install"
  done
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# npm_pack_file SPEC MEMBER DEST SHA256: puts the file MEMBER (a path inside the package tarball, e.g.
# package/dist/model.onnx) of the npm package SPEC (name@version) at DEST, fetched with `npm pack` and checked
# against SHA256; DEST appears only once it is complete and verified. Does nothing when DEST already has that
# checksum. Returns non-zero (after saying why) when npm is missing, the fetch fails or the checksum differs.
npm_pack_file() {
  local spec="$1" member="$2" dest="$3" sha="$4" tmp got
  if [[ -f $dest && "$(sha256_of "$dest")" == "$sha" ]]; then
    prereq_say "ok: $dest"
    return 0
  fi
  if ! command -v npm >/dev/null; then
    prereq_warn "npm is needed to fetch $spec (sudo apt-get install npm)"
    return 1
  fi
  prereq_say "fetching $spec (npm pack) for $(basename "$member")"
  tmp="$(mktemp -d)"
  if ! (cd "$tmp" && npm pack --silent "$spec" >/dev/null) || ! tar -xzf "$tmp"/*.tgz -C "$tmp" "$member"; then
    rm -rf "$tmp"
    prereq_warn "could not fetch $spec"
    return 1
  fi
  got="$(sha256_of "$tmp/$member")"
  if [[ $got != "$sha" ]]; then
    rm -rf "$tmp"
    prereq_warn "checksum mismatch for $(basename "$member"): expected $sha, got $got"
    return 1
  fi
  mkdir -p "$(dirname "$dest")"
  mv "$tmp/$member" "$dest.part"
  mv "$dest.part" "$dest"
  rm -rf "$tmp"
  prereq_say "installed $dest (sha256 ok)"
}
