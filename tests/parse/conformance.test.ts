// Conformance: the fast HCL parser (src/parse/fast-hcl.ts) against the reference, hcl2json, on every
// HCL native-syntax file of the trimmed corpus in fixtures/corpus (and of the full corpora when
// CONTROLGATE_CORPORA names them): identical output (deep-equal and byte-equal JSON, so
// key order too), or both rejecting (and then, the same first error line). Also the normalized
// policy input built from both parses, per corpus folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDirs } from '../helpers/paths.js';
import { parseHcl, HclSyntaxError } from '../../src/parse/hcl2json-adapter.js';
import { parseHclFast } from '../../src/parse/fast-hcl.js';
import { discover } from '../../src/discover/discover.js';
import { parseFileHere, isFileError, type ParsedFile } from '../../src/parse/parse.js';
import { normalize } from '../../src/normalize/normalize.js';

const HCL_FILE = /\.(tf|tfvars|pkr\.hcl|pkrvars\.hcl)$/;

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (HCL_FILE.test(e.name)) out.push(p);
  }
  return out;
}

function readText(f: string): string {
  const text = readFileSync(f, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

describe.each(corpusDirs)('fast HCL parser conformance with hcl2json on %s', (corpora) => {
  it('the corpus is there (a missing corpus is a failure, not a skip)', () => {
    expect(existsSync(corpora), `${corpora} is missing`).toBe(true);
  });

  it('gives identical output, or rejects with the same first error line, on every HCL file', async () => {
    const files = walk(corpora, []).sort();
    expect(files.length).toBeGreaterThan(0);
    let identical = 0;
    let rejectedByBoth = 0;
    let sameErrorLine = 0;
    const mismatches: string[] = [];
    for (const f of files) {
      const text = readText(f);
      let ref: unknown;
      let refErr: unknown;
      try {
        ref = await parseHcl(text);
      } catch (e) {
        refErr = e;
      }
      let fast: unknown;
      let fastErr: unknown;
      try {
        fast = parseHclFast(text);
      } catch (e) {
        fastErr = e;
      }
      const rel = path.relative(corpora, f);
      if (refErr && fastErr) {
        rejectedByBoth++;
        if (refErr instanceof HclSyntaxError && fastErr instanceof HclSyntaxError && refErr.range.startLine === fastErr.range.startLine) sameErrorLine++;
      } else if (refErr) mismatches.push(`${rel}: hcl2json rejects (${String(refErr)}), the fast parser accepts`);
      else if (fastErr) mismatches.push(`${rel}: the fast parser rejects (${String(fastErr)}), hcl2json accepts`);
      else if (JSON.stringify(ref) !== JSON.stringify(fast)) {
        try {
          expect(fast).toEqual(ref);
          mismatches.push(`${rel}: same values, different key order`);
        } catch (e) {
          mismatches.push(`${rel}: different output: ${String(e).slice(0, 500)}`);
        }
      } else identical++;
    }
    console.log(`conformance: ${files.length} files: ${identical} identical, ${rejectedByBoth} rejected by both (${sameErrorLine} on the same first line), ${mismatches.length} mismatches`);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(identical + rejectedByBoth).toBe(files.length);
  }, 300_000);

  it('builds the same normalized policy input from both parses', async () => {
    // Per corpus folder (each is one workspace); ParsedFile differs only in `body`.
    for (const entry of readdirSync(corpora, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const name = entry.name;
      const root = path.join(corpora, name);
      const { files } = await discover(root, ['.']);
      const ref: ParsedFile[] = [];
      const fast: ParsedFile[] = [];
      for (const file of files) {
        const p = await parseFileHere(file);
        if (isFileError(p)) continue;
        ref.push(p);
        const isHcl = file.kind === 'terraform' || file.kind === 'terraform-vars' || file.kind === 'packer' || file.kind === 'packer-vars';
        const isJson = file.path.toLowerCase().endsWith('.json');
        fast.push(isHcl && !isJson ? { ...p, body: parseHclFast(p.text) } : p);
      }
      const a = JSON.stringify(normalize(ref).input);
      const b = JSON.stringify(normalize(fast).input);
      expect(b === a, `normalized input differs for corpus folder ${name}`).toBe(true);
    }
  }, 300_000);
});
