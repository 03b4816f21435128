#!/usr/bin/env node
// Fail when `opa test --coverage` reports less than the given percentage of policy lines covered.
// Test files and test-input builders are not policy lines.
import { readFileSync } from 'node:fs';

const [file, min] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
let covered = 0;
let notCovered = 0;
const worst = [];
for (const [name, f] of Object.entries(report.files ?? {})) {
  if (/_test\.rego$|[\\/]testing[^\\/]*\.rego$/.test(name)) continue;
  const count = (ranges) => (ranges ?? []).reduce((n, r) => n + (r.end.row - r.start.row + 1), 0);
  const c = count(f.covered);
  const n = count(f.not_covered);
  covered += c;
  notCovered += n;
  if (c + n > 0) worst.push([name, (100 * c) / (c + n)]);
}
const pct = covered + notCovered ? (100 * covered) / (covered + notCovered) : 0;
worst.sort((a, b) => a[1] - b[1]);
console.log(`policy line coverage: ${pct.toFixed(1)}% (${covered} of ${covered + notCovered} lines)`);
for (const [name, p] of worst.slice(0, 5)) if (p < 100) console.log(`  ${p.toFixed(1)}%  ${name}`);
if (pct < Number(min)) {
  console.error(`coverage ${pct.toFixed(1)}% is below ${min}%`);
  process.exit(1);
}
