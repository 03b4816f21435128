#!/usr/bin/env bash
# Install the pinned nektos/act (runs GitHub workflows locally; `-P ubuntu-latest=-self-hosted` runs
# the steps on this host, no Docker) with `go install` into .cache/bin, reusing it when the pinned
# version is already there. Used by tests/act.test.ts; prints nothing on reuse. Exit 3 without Go.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CONTROLGATE_CACHE:-$here/.cache}"
mkdir -p "$cache/bin"
export GOPATH="$cache/go" GOBIN="$cache/bin" GOMODCACHE="$cache/go/mod" GOCACHE="$cache/go/build" GOFLAGS=-mod=mod
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
version="$(cat "$here/.act-version")"
stamp="$cache/bin/.act-version"
if [[ -x "$cache/bin/act" && -f "$stamp" && "$(cat "$stamp")" == "$version" ]]; then exit 0; fi
command -v go >/dev/null || { echo "error: Go is needed to install act (github.com/nektos/act@$version)" >&2; exit 3; }
echo "installing act $version with go install (one time; cached in $cache/bin)..." >&2
go install "github.com/nektos/act@$version"
echo "$version" > "$stamp"
