#!/usr/bin/env bash
# Install the pinned OPA CLI (and, with --regal, the pinned Regal linter) with `go install` into
# the user's tool cache (see go-tools.sh), linked into .cache/bin; reused when that version is built. Prints nothing on reuse.
# The pins live in .opa-version and .regal-version so the build and CI use exactly one version.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/go-tools.sh"

# Regal: `go install module@version` asks the module proxy for the module's version list (to check
# deprecation), which the proxy here refuses for github.com/styrainc/regal; the pinned version itself
# is served. So download exactly that version and build it from the module cache.
install_regal() { # version
  local version="$1"
  link_tool regal "$version" && return 0
  command -v go >/dev/null || { echo "error: Go is needed to build regal@$version" >&2; exit 3; }
  echo "building regal $version from the Go module proxy (once per machine; kept in $tools)..." >&2
  local dir dest="$tools/regal-$version"
  dir=$(go mod download -json "github.com/styrainc/regal@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -n "$dir" ]] || { echo "error: could not download github.com/styrainc/regal@$version" >&2; exit 3; }
  mkdir -p "$dest.tmp"
  (cd "$dir" && go build -trimpath -o "$dest.tmp/regal" .)
  rm -rf "$dest" && mv "$dest.tmp" "$dest"
  link_tool regal "$version"
}

install_tool opa github.com/open-policy-agent/opa "$(cat "$here/.opa-version")"
if [[ "${1:-}" == "--regal" ]]; then
  install_regal "$(cat "$here/.regal-version")"
fi
