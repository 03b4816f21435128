// The benchmark's monorepo generator (scripts/bench/generate-monorepo.mjs) must be deterministic:
// the same seed gives a byte-identical tree, so benchmark numbers are comparable across runs.
// No timing here: the benchmark is `npm run bench`, not a test.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFiles, generateMonorepo } from '../scripts/bench/generate-monorepo.mjs';
import { parseHcl } from '../src/parse/hcl2json-adapter.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function treeHash(root: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${path.relative(root, p)}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk(root);
  return h.digest('hex');
}

function generate(n: number, seed: number): string {
  const d = mkdtempSync(path.join(tmpdir(), 'cg-gen-'));
  dirs.push(d);
  const stats = generateMonorepo(d, n, seed);
  expect(stats.files).toBe(n);
  return treeHash(d);
}

describe('benchmark monorepo generator', () => {
  it('gives a byte-identical tree for the same seed, a different one for another seed', () => {
    const a = generate(60, 42);
    expect(generate(60, 42)).toBe(a);
    expect(generate(60, 43)).not.toBe(a);
  });

  it('makes the requested number of realistic Terraform files that parse', async () => {
    const files = generateFiles(120, 7);
    expect(files).toHaveLength(120);
    expect(new Set(files.map(([p]) => p)).size).toBe(120);
    for (const [p, text] of files) {
      expect(p).toMatch(/\.tf$/);
      const lines = text.split('\n').length - 1;
      expect(lines).toBeLessThanOrEqual(205);
      if (!p.endsWith('/versions.tf')) expect(lines).toBeGreaterThanOrEqual(25);
    }
    const all = files.map(([, t]) => t).join('\n');
    for (const kind of ['aws_instance', 'aws_security_group', 'aws_vpc', 'azurerm_linux_virtual_machine', 'google_compute_firewall', '<<-EOT', 'variable "']) {
      expect(all).toContain(kind);
    }
    // A sample, plus the files cut at 200 lines (the cut must not fall inside a heredoc).
    const long = generateFiles(600, 3).filter(([, t]) => t.split('\n').length > 180);
    expect(long.length).toBeGreaterThan(0);
    for (const [, text] of [...files.slice(0, 30), ...long]) await expect(parseHcl(text)).resolves.toBeTypeOf('object');
  });
});
