#!/usr/bin/env node
// Licences of everything bundled into dist/: esbuild's metafile names every input file of the three
// bundles (action, CLI, parse worker); each node_modules package among them must carry a licence on
// the allow-list in .licenses-allowed.json. dist/main.wasm.gz is copied from @cdktf/hcl2json, which the
// bundles import, so it is covered. Exits 1 listing any package whose licence is missing or not allowed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const allowed = JSON.parse(readFileSync(path.join(root, '.licenses-allowed.json'), 'utf8'));
const ENTRIES = ['src/action/index.ts', 'src/cli/main.ts', 'src/parse/worker.ts'];

const result = await build({
  entryPoints: ENTRIES.map((e) => path.join(root, e)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  external: ['performance'],
  write: false,
  metafile: true,
  outdir: path.join(root, '.cache', 'licence-check'),
  logLevel: 'error',
});

/** node_modules/<pkg> or node_modules/@scope/<pkg> folders of every bundled input (nested ones too). */
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
  if (m) packages.set(path.resolve(root, m[1]), (packages.get(path.resolve(root, m[1])) ?? 0) + 1);
}

/** An SPDX expression is allowed when every alternative of an OR, or every part of an AND, is. */
function ok(expr) {
  const e = expr.trim().replace(/^\((.*)\)$/, '$1');
  if (/ OR /i.test(e)) return e.split(/ OR /i).some(ok);
  if (/ AND /i.test(e)) return e.split(/ AND /i).every(ok);
  return allowed.licenses.includes(e);
}

const problems = [];
const rows = [];
for (const dir of [...packages.keys()].sort()) {
  const pj = path.join(dir, 'package.json');
  if (!existsSync(pj)) {
    problems.push(`${path.relative(root, dir)}: no package.json`);
    continue;
  }
  const p = JSON.parse(readFileSync(pj, 'utf8'));
  const licence = typeof p.license === 'string' ? p.license : (p.license?.type ?? (Array.isArray(p.licenses) ? p.licenses.map((l) => l.type ?? l).join(' OR ') : ''));
  const exception = allowed.exceptions?.[p.name];
  rows.push(`${p.name}@${p.version}  ${licence || '(none)'}${exception ? `  (exception: ${exception})` : ''}`);
  if (exception) continue;
  if (!licence) problems.push(`${p.name}@${p.version}: no licence declared`);
  else if (!ok(licence)) problems.push(`${p.name}@${p.version}: ${licence} is not on the allow-list (.licenses-allowed.json)`);
}
console.log(`bundled into dist/: ${rows.length} package(s)\n  ${rows.join('\n  ')}`);
// `npm audit --omit=dev` (scripts/test.sh) covers the production dependency tree only: a bundled
// package outside it (a devDependency imported by src/) ships unaudited. Say so.
const prod = new Set(
  (spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).stdout ?? '')
    .split('\n')
    .filter(Boolean)
    .map((d) => path.resolve(d)),
);
const unaudited = [...packages.keys()].filter((d) => !prod.has(d)).map((d) => path.relative(path.join(root, 'node_modules'), d));
if (unaudited.length) console.warn(`warning: bundled into dist/ but not production dependencies, so npm audit --omit=dev skips them: ${unaudited.join(', ')} (move them to "dependencies")`);
if (problems.length) {
  console.error(`licence check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`licence check passed: every bundled package is ${allowed.licenses.join(', ')}`);
