#!/usr/bin/env bash
# Install the pinned nektos/act (runs GitHub workflows locally; `-P ubuntu-latest=-self-hosted` runs
# the steps on this host, no Docker) with `go install` into .cache/bin, reusing it when the pinned
# version is already there. Used by tests/act.test.ts; prints nothing on reuse. Exit 3 without Go.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/go-tools.sh"

install_tool act github.com/nektos/act "$(cat "$here/.act-version")"
