#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (npm packages, the pinned OPA CLI
# and Regal via `go install`, cached in .cache/), then checks policies and TypeScript.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }

step "npm packages"
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

step "OPA CLI $(cat .opa-version) and Regal $(cat .regal-version)"
bash scripts/ensure-opa.sh --regal

step "nektos/act $(cat .act-version) (tests/act.test.ts runs the action under it; skipped, with the reason, if this fails)"
bash scripts/ensure-act.sh || echo "warning: act could not be installed; tests/act.test.ts will say why and skip"
OPA=.cache/bin/opa
REGAL=.cache/bin/regal
# policies/ also holds the JSON schemas and the control list: data for the build, not Rego input.
IGNORE=(--ignore schemas --ignore '*.yaml' --ignore '*.md')

step "opa fmt (must be clean)"
unformatted=$("$OPA" fmt -l policies || true)
if [[ -n "$unformatted" ]]; then echo "not opa-fmt formatted:"; echo "$unformatted"; exit 1; fi

step "opa check --strict"
"$OPA" check --strict "${IGNORE[@]}" policies

step "regal lint"
"$REGAL" lint --format pretty policies

step "opa test --coverage (>= 90% of policy lines)"
"$OPA" test --coverage --format json "${IGNORE[@]}" policies > .cache/coverage.json || { "$OPA" test "${IGNORE[@]}" policies; exit 1; }
node scripts/check-coverage.mjs .cache/coverage.json 90

step "TypeScript types"
npx tsc --noEmit -p .

step "vitest"
npx vitest run
