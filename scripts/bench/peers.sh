#!/usr/bin/env bash
# Install the benchmark's peer scanners, pinned, into .cache (git-ignored), reusing earlier installs.
#   Checkov  (PyPI)             -> .cache/venv-checkov/bin/checkov
#   Trivy    (Go module proxy)  -> .cache/bin/trivy
#   tfsec    (Go module proxy)  -> .cache/bin/tfsec
#   conftest (Go module proxy)  -> .cache/bin/conftest
# Usage: scripts/bench/peers.sh [checkov] [trivy] [tfsec] [conftest]   (default: all)
# Every peer is tried; a failed install is recorded in .cache/bench-peers/<name>.status with the
# reason (last lines of its log) and the script goes on. Exit code is 0 unless nothing could be tried.
# These Go builds are slow on 2 cores (Trivy: many minutes): run this early, e.g. in the background.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${CONTROLGATE_CACHE:-$here/.cache}"
state="$cache/bench-peers"
mkdir -p "$cache/bin" "$state"
export GOPATH="$cache/go" GOBIN="$cache/bin" GOMODCACHE="$cache/go/mod" GOCACHE="$cache/go/build" GOFLAGS=-mod=mod
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

# Pins. Change here only.
CHECKOV_VERSION="3.3.30"
TRIVY_MODULE="github.com/aquasecurity/trivy";              TRIVY_PKG="cmd/trivy";    TRIVY_VERSION="v0.74.0"
TFSEC_MODULE="github.com/aquasecurity/tfsec";              TFSEC_PKG="cmd/tfsec";    TFSEC_VERSION="v1.28.14"
CONFTEST_MODULE="github.com/open-policy-agent/conftest";   CONFTEST_PKG="";          CONFTEST_VERSION="v0.71.1"

record() { # name status version message
  printf '%s\t%s\t%s\n' "$2" "$3" "$4" > "$state/$1.status"
  echo "peer $1: $2 ($3)${4:+ - $4}" >&2
}

fail_reason() { # logfile -> one-line reason (last meaningful lines)
  grep -v '^go: downloading' "$1" | tail -n 6 | tr '\n' ' ' | sed 's/[[:space:]]\+/ /g' | cut -c1-600
}

install_checkov() {
  local venv="$cache/venv-checkov" log="$state/checkov.log"
  if [[ -x "$venv/bin/checkov" && "$(cat "$venv/.pinned" 2>/dev/null)" == "$CHECKOV_VERSION" ]]; then
    record checkov ok "$CHECKOV_VERSION" "cached"; return 0
  fi
  command -v python3 >/dev/null || { record checkov failed "$CHECKOV_VERSION" "python3 not found"; return 1; }
  echo "installing checkov==$CHECKOV_VERSION into $venv (one time)..." >&2
  if { python3 -m venv "$venv" && "$venv/bin/pip" install --disable-pip-version-check -q "checkov==$CHECKOV_VERSION"; } >"$log" 2>&1; then
    echo "$CHECKOV_VERSION" > "$venv/.pinned"
    record checkov ok "$CHECKOV_VERSION" "installed"
  else
    record checkov failed "$CHECKOV_VERSION" "$(fail_reason "$log")"; return 1
  fi
}

# go install module/pkg@version; when that is refused (replace directives in the module's go.mod,
# or a proxy that will not list versions), build the exact version from the module cache instead.
install_go() { # name module pkg version [GOEXPERIMENT]
  local name="$1" module="$2" pkg="$3" version="$4" log="$state/$1.log" stamp="$cache/bin/.$1-version"
  # Trivy >= 0.6x imports encoding/json/v2, which Go 1.25/1.26 only builds with GOEXPERIMENT=jsonv2
  # (Trivy's own release build sets it); a plain go install fails with "build constraints exclude
  # all Go files in .../encoding/json/v2".
  local GOEXPERIMENT="${5:-${GOEXPERIMENT:-}}"; export GOEXPERIMENT
  if [[ -x "$cache/bin/$name" && "$(cat "$stamp" 2>/dev/null)" == "$version" ]]; then
    record "$name" ok "$version" "cached"; return 0
  fi
  command -v go >/dev/null || { record "$name" failed "$version" "go not found"; return 1; }
  echo "building $name $version with go install (one time; slow on 2 cores)..." >&2
  local target="$module${pkg:+/$pkg}@$version"
  if go install -trimpath "$target" >"$log" 2>&1; then
    echo "$version" > "$stamp"; record "$name" ok "$version" "go install"; return 0
  fi
  local first; first="$(fail_reason "$log")"
  echo "$name: go install failed ($first); trying a build from the module cache..." >&2
  local dir
  dir=$(go mod download -json "$module@$version" 2>>"$log" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [[ -n "$dir" ]] && (cd "$dir" && go build -trimpath -o "$cache/bin/$name" "./$pkg") >>"$log" 2>&1; then
    echo "$version" > "$stamp"; record "$name" ok "$version" "built from module cache (go install said: $first)"; return 0
  fi
  record "$name" failed "$version" "go install: $first | module-cache build: $(fail_reason "$log")"; return 1
}

want=("$@"); [[ ${#want[@]} -eq 0 ]] && want=(checkov trivy tfsec conftest)
for p in "${want[@]}"; do
  case "$p" in
    checkov)  install_checkov ;;
    trivy)    install_go trivy    "$TRIVY_MODULE"    "$TRIVY_PKG"    "$TRIVY_VERSION" jsonv2 ;;
    tfsec)    install_go tfsec    "$TFSEC_MODULE"    "$TFSEC_PKG"    "$TFSEC_VERSION" ;;
    conftest) install_go conftest "$CONFTEST_MODULE" "$CONFTEST_PKG" "$CONFTEST_VERSION" ;;
    *) echo "unknown peer: $p" >&2; exit 2 ;;
  esac
done
exit 0
