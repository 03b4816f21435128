#!/usr/bin/env bash
# Install the pinned OPA CLI (and, with --regal, the pinned Regal linter) with `go install` into
# .cache/bin, reusing it when the pinned version is already there. Prints nothing on reuse.
# The pins live in .opa-version and .regal-version so the build and CI use exactly one version.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/go-tools.sh"

# Regal: `go install module@version` asks the module proxy for the module's version list (to check
# deprecation), which the proxy here refuses for github.com/styrainc/regal; the pinned version itself
# is served. So download exactly that version and build it from the module cache.
install_regal() { # version
  local version="$1" stamp="$cache/bin/.regal-version"
  if [[ -x "$cache/bin/regal" && -f "$stamp" && "$(cat "$stamp")" == "$version" ]]; then return 0; fi
  command -v go >/dev/null || { echo "error: Go is needed to build regal@$version" >&2; exit 3; }
  echo "building regal $version from the Go module proxy (one time; cached in $cache/bin)..." >&2
  local dir
  dir=$(go mod download -json "github.com/styrainc/regal@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -n "$dir" ]] || { echo "error: could not download github.com/styrainc/regal@$version" >&2; exit 3; }
  (cd "$dir" && go build -trimpath -o "$cache/bin/regal" .)
  echo "$version" > "$stamp"
}

install_tool opa github.com/open-policy-agent/opa "$(cat "$here/.opa-version")"
if [[ "${1:-}" == "--regal" ]]; then
  install_regal "$(cat "$here/.regal-version")"
fi
