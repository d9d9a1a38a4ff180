#!/usr/bin/env bash
# Installs the Debian packages named that are not installed yet, and exits non-zero when it cannot.
#
#   bash test/editor/aptInstall.sh PACKAGE...
#
# Installed packages cost nothing (no apt-get at all). Otherwise it tries the package lists already
# on the machine first, and runs apt-get update only when that fails: a fresh machine has no lists,
# and a mirror that answers update with an error for one of its suites may still serve the rest.
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "installed: $*"
  exit 0
fi
command -v apt-get >/dev/null || { say "no apt-get here: install ${missing[*]} another way"; exit 1; }
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

install() { timeout 600 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2; }

say "apt-get install ${missing[*]}"
if ! install 2>/dev/null; then
  say "apt-get update (the package lists lack ${missing[*]} or are out of date)"
  timeout 300 $sudo apt-get update -qq >&2 || say "apt-get update reported errors; installing from the lists it got"
  install
fi
