# Sourced by ensure-opa.sh and ensure-act.sh: where pinned Go tools are built and kept, and
# install_tool, which builds one pinned tool unless that version is already built.
#
# Go's own caches are the user's (`go env GOMODCACHE GOCACHE`), not folders inside the checkout, so a
# second clone reuses the module downloads and the compiled packages. The built binaries are kept per
# version in the user's cache ($XDG_CACHE_HOME/controlgate/tools/<name>-<version>), so a second clone
# only links them into its own .cache/bin: nothing is rebuilt.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CONTROLGATE_CACHE:-$here/.cache}"
tools="${CONTROLGATE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/controlgate/tools}"
mkdir -p "$cache/bin" "$tools"
if command -v go >/dev/null; then
  GOMODCACHE="$(go env GOMODCACHE)" GOCACHE="$(go env GOCACHE)"
  export GOMODCACHE GOCACHE GOFLAGS=-mod=mod
fi
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}"

# Builds are serialised by a lock in the tool cache, so two checkouts testing at once build a tool once.
exec {tools_lock}>"$tools/.lock"
flock "$tools_lock"

# link_tool name version: .cache/bin/<name> -> the built binary of that version, if it exists.
link_tool() {
  local built="$tools/$1-$2/$1"
  [[ -x "$built" ]] || return 1
  ln -sfn "$built" "$cache/bin/$1"
}

install_tool() { # name module version
  local name="$1" module="$2" version="$3"
  link_tool "$name" "$version" && return 0
  command -v go >/dev/null || { echo "error: Go is needed to install $name ($module@$version)" >&2; exit 3; }
  echo "building $name $version with go install (once per machine; kept in $tools)..." >&2
  local dest="$tools/$name-$version"
  mkdir -p "$dest.tmp"
  GOBIN="$dest.tmp" go install "$module@$version"
  rm -rf "$dest" && mv "$dest.tmp" "$dest"
  link_tool "$name" "$version"
}
