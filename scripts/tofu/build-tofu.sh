#!/usr/bin/env bash
# Builds the OpenTofu binary used as the oracle for tests/resolve/tofu-differential.test.ts.
# The test itself never runs tofu: only scripts/tofu/golden.mjs (which regenerates the committed
# goldens) needs it. `go install` refuses OpenTofu (its go.mod has a replace directive), so the
# module is downloaded through the Go module proxy, copied to a writable folder and built there.
#
#   TOFU_VERSION (default 1.12.6)  TOFU_SRC (default /work/tofu-src)  TOFU_BIN (default /work/tofu-bin)
set -euo pipefail
version="${TOFU_VERSION:-1.12.6}"
src="${TOFU_SRC:-/work/tofu-src}"
bin_dir="${TOFU_BIN:-/work/tofu-bin}"
if [[ -x "$bin_dir/tofu" ]] && "$bin_dir/tofu" version 2>/dev/null | grep -q "v$version\$\|v$version "; then
  echo "tofu $version already built: $bin_dir/tofu"; exit 0
fi
module_dir="$(go mod download -json "github.com/opentofu/opentofu@v$version" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);if(j.Error){console.error(j.Error);process.exit(1)}console.log(j.Dir)})')"
rm -rf "$src"
mkdir -p "$(dirname "$src")" "$bin_dir"
cp -r "$module_dir" "$src"
chmod -R u+w "$src"
cd "$src"
GOFLAGS=-mod=mod go build -ldflags "-X github.com/opentofu/opentofu/version.dev=no" -o "$bin_dir/tofu" ./cmd/tofu
"$bin_dir/tofu" version
