#!/usr/bin/env bash
# Installs the Debian packages the test suite uses as reference tools, when they are missing.
# Idempotent and quick when everything is present. Needs root (or passwordless sudo) to install;
# without it, prints what is missing: those tests then skip locally with a reason (and fail under CI).
set -euo pipefail

PACKAGES=(
  stilts                 # votlint, taplint, tapquery (STILTS 3.4.7)
  python3-astropy        # independent VOTable/FITS/WCS reader for cross-checks (/usr/bin/python3)
  python3-pyvo           # the pyvo client as users run it
  fitsverify             # FITS writer output must pass it with 0 warnings and 0 errors
  libcfitsio-bin         # funpack/fitscopy: reference for tile-compressed images
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ensure-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "ensure-deps: not root; please install: ${missing[*]} (tests needing them will be skipped)" >&2
    exit 0
  fi
fi
$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
