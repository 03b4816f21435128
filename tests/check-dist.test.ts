// The committed dist/ must equal a fresh build of src/ and policies/ (Actions run dist/ as is).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, repoRoot } from './helpers/paths.js';

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
/** Relative path -> sha256 of every file below dir. */
const listing = (dir: string, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((d) => (d.isDirectory() ? Object.entries(listing(path.join(dir, d.name), `${prefix}${d.name}/`)) : [[`${prefix}${d.name}`, digest(path.join(dir, d.name))]])),
  );

describe('check-dist', () => {
  it('dist/ equals a fresh build, byte for byte (policy.wasm included)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cg-dist-'));
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), '--out', out], { cwd: repoRoot, stdio: 'pipe' });
    const fresh = listing(out);
    const committed = listing(distDir);
    const stale = Object.keys({ ...fresh, ...committed }).filter((f) => fresh[f] !== committed[f]);
    expect(stale, 'these dist/ files differ from a fresh build: run `npm run build` and commit dist/').toEqual([]);
  }, 180_000);
});

describe('generated docs', () => {
  it('docs/ equals what scripts/gen-docs.mjs makes from dist/catalog.json and the fixtures', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cg-docs-'));
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'gen-docs.mjs'), '--out', out], { cwd: repoRoot, stdio: 'pipe' });
    const docs = path.join(repoRoot, 'docs');
    const fresh: Record<string, string> = { ...prefixed(listing(path.join(out, 'rules')), 'rules/'), 'controls.md': digest(path.join(out, 'controls.md')), 'equivalents.md': digest(path.join(out, 'equivalents.md')) };
    const committed: Record<string, string> = { ...prefixed(listing(path.join(docs, 'rules')), 'rules/'), 'controls.md': digest(path.join(docs, 'controls.md')), 'equivalents.md': digest(path.join(docs, 'equivalents.md')) };
    const stale = Object.keys({ ...fresh, ...committed }).filter((f) => fresh[f] !== committed[f]);
    expect(stale, 'docs/ is stale: run `npm run build` and commit docs/').toEqual([]);
  });
});

function prefixed(o: Record<string, string>, p: string): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [p + k, v]));
}
