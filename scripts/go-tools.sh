# Sourced by ensure-opa.sh and ensure-act.sh: Go's folders under the project's cache, and
# install_tool, which `go install`s one pinned tool into .cache/bin unless that version is there.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CONTROLGATE_CACHE:-$here/.cache}"
mkdir -p "$cache/bin"
export GOPATH="$cache/go" GOBIN="$cache/bin" GOMODCACHE="$cache/go/mod" GOCACHE="$cache/go/build" GOFLAGS=-mod=mod
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

install_tool() { # name module version
  local name="$1" module="$2" version="$3" stamp="$cache/bin/.$1-version"
  if [[ -x "$cache/bin/$name" && -f "$stamp" && "$(cat "$stamp")" == "$version" ]]; then return 0; fi
  command -v go >/dev/null || { echo "error: Go is needed to install $name ($module@$version)" >&2; exit 3; }
  echo "installing $name $version with go install (one time; cached in $cache/bin)..." >&2
  go install "$module@$version"
  echo "$version" > "$stamp"
}
