// Properties the OpenTofu goldens do not show by themselves: base64gzip's stream stays a valid gzip
// stream for inputs far beyond one deflate block or window, fileset() stays inside the workspace,
// and terraform_data references behave on cycles and sensitive values as OpenTofu does.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { resolveInput } from '../../src/engine/scan.js';
import type { Value } from '../../src/model/input.js';
import { goGzip } from '../../src/resolve/gzip.js';
import { globMatch } from '../../src/resolve/glob.js';
import { tempWorkspace } from '../helpers/workspace.js';

async function inputs(files: Record<string, string>, dir = '.'): Promise<Record<string, Value>> {
  const ws = tempWorkspace(files);
  const r = await resolveInput({ root: ws, paths: [dir] });
  return Object.fromEntries(r.normalized.input.terraform.resources.map((x) => [x.address, x.config.input ?? null]));
}

const unknownText = (v: Value | undefined): string => (typeof v === 'object' && v !== null && '__unknown__' in v ? String(v.__unknown__) : `not unknown: ${JSON.stringify(v)}`);

describe('base64gzip (Go compress/flate, level 6)', () => {
  it('writes a gzip stream zlib reads back, across blocks, window slides and incompressible data', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const inputs = [
      '',
      'a',
      'hello',
      'ab'.repeat(40_000),
      Array.from({ length: 200_000 }, () => String.fromCharCode(32 + Math.floor(random() * 90))).join(''),
      Array.from({ length: 3000 }, (_, i) => `line ${i}: ${'x'.repeat(i % 37)}\n`).join(''),
    ];
    for (const s of inputs) {
      const gz = goGzip(Buffer.from(s, 'utf8'));
      expect(gz.subarray(0, 10)).toEqual(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]));
      expect(gunzipSync(gz).toString('utf8')).toBe(s);
    }
  });
});

describe('fileset (doublestar patterns, confined to the workspace)', () => {
  it('matches as doublestar does', () => {
    expect(globMatch('**/*.txt', 'a.txt')).toBe(true);
    expect(globMatch('**/*.txt', 'x/y/a.txt')).toBe(true);
    expect(globMatch('*.txt', 'x/a.txt')).toBe(false);
    expect(globMatch('{a,b/c}.txt', 'b/c.txt')).toBe(true);
    expect(globMatch('[!a]?.md', 'bc.md')).toBe(true);
    expect(globMatch('[!a]?.md', 'ac.md')).toBe(false);
    expect(globMatch('a\\*b', 'a*b')).toBe(true);
  });

  it('lists regular files relative to the path, and is unknown where a link leaves the workspace', async () => {
    const ws = tempWorkspace({ 'main.tf': 'resource "terraform_data" "v" { input = fileset(path.module, "**") }\n', 'd/a.txt': 'a' });
    const outside = tempWorkspace({ 'secret.txt': 's' });
    symlinkSync(outside, path.join(ws, 'linked'));
    mkdirSync(path.join(ws, 'e'));
    writeFileSync(path.join(ws, 'e', 'b.txt'), 'b');
    const r = await resolveInput({ root: ws, paths: ['.'] });
    expect(unknownText(r.normalized.input.terraform.resources[0]!.config.input)).toMatch(/fileset/);
    const v = await inputs({ 'main.tf': 'resource "terraform_data" "v" { input = fileset(path.module, "**/*.txt") }\n', 'd/a.txt': 'a', 'e/f/b.txt': 'b', 'c.md': 'c' });
    expect(v['terraform_data.v']).toEqual(['d/a.txt', 'e/f/b.txt']);
  });
});

describe('references to terraform_data', () => {
  it('knows input and triggers_replace as configured, id and output after apply', async () => {
    const v = await inputs({
      'main.tf': `
resource "terraform_data" "a" {
  count            = 2
  input            = "a\${count.index}"
  triggers_replace = [count.index]
}
resource "terraform_data" "v" { input = [terraform_data.a[1].input, terraform_data.a[0].triggers_replace, length(terraform_data.a)] }
resource "terraform_data" "w" { input = terraform_data.a[0].id }
`,
    });
    expect(v['terraform_data.v']).toEqual(['a1', [0], 2]);
    expect(unknownText(v['terraform_data.w'])).toBe('terraform_data.a[0].id');
  });

  it('refuses the whole configuration on a cycle, as OpenTofu does', async () => {
    const v = await inputs({
      'main.tf': `
resource "terraform_data" "a" { input = terraform_data.b.input }
resource "terraform_data" "b" { input = terraform_data.a.input }
resource "terraform_data" "v" { input = "fine" }
`,
    });
    expect(unknownText(v['terraform_data.v'])).toMatch(/OpenTofu refuses this configuration: terraform_data\.\w: a cycle/);
  });

  it('says whether a value is sensitive where the expression shows it, and unknown where it cannot', async () => {
    const v = await inputs({
      'main.tf': `
variable "s" {
  default   = "x"
  sensitive = true
}
locals {
  l = [var.s]
}
resource "terraform_data" "a" { input = var.s }
resource "terraform_data" "v" {
  input = [issensitive(var.s), issensitive("\${var.s}-x"), issensitive(terraform_data.a.input), issensitive(nonsensitive(var.s)), issensitive("plain")]
}
resource "terraform_data" "w" { input = issensitive(local.l) }
`,
    });
    expect(v['terraform_data.v']).toEqual([true, true, true, false, false]);
    expect(unknownText(v['terraform_data.w'])).toMatch(/issensitive/);
  });
});
