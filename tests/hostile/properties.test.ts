// Generated hostile input (fast-check): mutated corpus files and random text through every stage that
// reads scanned text. Each property states the stage's contract: no throw (beyond its documented
// error type), no hang, and errors that carry a line. fast-check picks a new seed each run and prints
// it (with the shrunk counterexample) on failure: rerun with { seed, path } to reproduce.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFileHere, isFileError } from '../../src/parse/parse.js';
import { parseHclFile } from '../../src/parse/fast-hcl.js';
import { parseJsonWithLocations } from '../../src/parse/json-syntax.js';
import { HclSyntaxError } from '../../src/parse/hcl2json-adapter.js';
import { normalize } from '../../src/normalize/normalize.js';
import { evalString, type Scope } from '../../src/resolve/eval.js';
import { redactor } from '../../src/util/secrets.js';
import { collectSecrets } from '../../src/normalize/secrets.js';
import { inlineWaivers, ownDirectives, parseOwnDirectives } from '../../src/waivers/inline.js';
import { escapeCommandData, escapeCommandProperty, escapeMarkdown, safeText } from '../../src/util/escape.js';
import { scan } from '../../src/engine/scan.js';
import { closeParseWorker } from '../../src/parse/worker-client.js';
import { kindOf } from '../../src/discover/discover.js';
import { BUILTIN_SEEDS, corpusSample, expectAccounted, hasCorpora, hostileNameArb, HOSTILE_SNIPPETS, mutate, NO_CORPORA, opArb } from './generators.js';

/** Cases per property; the total is reported at the end of the file's run. */
const RUNS = { parseHcl: 3000, parseJson: 1500, locator: 2500, resolver: 1500, waivers: 1000, escapers: 1500, scans: 150 };
let casesRun = 0;
const count = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
  casesRun++;
  return f(...a);
};

const sample = [...corpusSample(120), ...BUILTIN_SEEDS];
const hclSeeds = sample.filter((s) => !s.name.endsWith('.json'));
const jsonSeeds = sample.filter((s) => s.name.endsWith('.json'));
const tmp = mkdtempSync(path.join(tmpdir(), 'cg-hostile-'));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await closeParseWorker();
  console.log(`hostile properties: ${casesRun} generated cases run (corpora ${hasCorpora ? 'sampled' : 'missing'})`);
});

const noScope: Scope = { resolver: { ref: () => undefined }, bindings: new Map() };
let fileNo = 0;

describe('generated hostile input', () => {
  it.runIf(hasCorpora)('corpus sample is present', () => {
    expect(hclSeeds.length).toBeGreaterThan(50);
  });
  it.skipIf(hasCorpora)(NO_CORPORA, () => undefined);

  it('mutated HCL: parsed or a located error; parsed files normalize, collect secrets and read waivers without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...hclSeeds), fc.array(opArb, { minLength: 1, maxLength: 5 }), count(async (seed, ops) => {
        const bytes = mutate(seed.text, ops);
        const name = `m${fileNo++}${seed.name.endsWith('.pkr.hcl') ? '.pkr.hcl' : seed.name.endsWith('.tfvars') ? '.tfvars' : '.tf'}`;
        const abs = path.join(tmp, name);
        writeFileSync(abs, bytes);
        const r = await parseFileHere({ path: name, absPath: abs, kind: kindOf(name)! }, { maxFileBytes: 4 << 20 });
        if (isFileError(r)) {
          expect(r.range.startLine).toBeGreaterThanOrEqual(1);
          expect(Number.isInteger(r.range.startLine)).toBe(true);
          return;
        }
        const n = normalize([r]);
        expect(n.input).toBeDefined();
        const secrets = collectSecrets([r]);
        redactor(secrets)({ text: r.text, body: r.body });
        inlineWaivers(name, r.text, r.locations, [ownDirectives]);
      })),
      { numRuns: RUNS.parseHcl },
    );
  }, 240_000);

  it('mutated JSON: parsed or a located syntax error, never another exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...jsonSeeds), fc.array(opArb, { minLength: 1, maxLength: 5 }), count((seed, ops) => {
        const text = mutate(seed.text, ops).toString('utf8');
        try {
          const { locations } = parseJsonWithLocations(text);
          for (const r of locations.ranges()) expect(r.startLine).toBeGreaterThanOrEqual(1);
        } catch (e) {
          expect(e).toBeInstanceOf(HclSyntaxError);
          expect((e as HclSyntaxError).range.startLine).toBeGreaterThanOrEqual(1);
        }
      })),
      { numRuns: RUNS.parseJson },
    );
  });

  it('the HCL parser takes any text: locations and comments within the text, or a located syntax error', () => {
    const textArb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, 'a', ' = ', '"x"', '{\n', '}\n', 'b {', '\n'), { maxLength: 60 }).map((a) => a.join('')),
      fc.tuple(fc.constantFrom(...hclSeeds), fc.array(opArb, { maxLength: 4 })).map(([s, ops]) => mutate(s.text, ops).toString('utf8')),
    );
    fc.assert(
      fc.property(textArb, count((text) => {
        const lines = text.split('\n').length;
        let index;
        try {
          index = parseHclFile(text).locations;
        } catch (e) {
          expect(e).toBeInstanceOf(HclSyntaxError);
          expect((e as HclSyntaxError).range.startLine).toBeGreaterThanOrEqual(1);
          return;
        }
        for (const c of index.comments(text)) {
          expect(c.line).toBeGreaterThanOrEqual(1);
          expect(c.line).toBeLessThanOrEqual(lines);
          if (c.nextCodeLine !== undefined) expect(c.nextCodeLine).toBeGreaterThan(c.line);
        }
        for (const r of index.ranges()) {
          expect(r.startLine).toBeGreaterThanOrEqual(1);
          expect(r.endLine).toBeGreaterThanOrEqual(r.startLine);
          expect(r.endLine).toBeLessThanOrEqual(lines + 1);
        }
      })),
      { numRuns: RUNS.locator },
    );
  });

  it('the expression resolver evaluates any template text to a value or an unknown, never throws', () => {
    const exprArb = fc
      .array(
        fc.constantFrom('${', '}', '%{ if ', '%{ for x in ', '%{ endif }', '%{ endfor }', 'var.a', 'local.b[0]', '.*', '[*]', '(', ')', '[', ']', '{', '"', '1', '1e400', '-', '+', '/ 0', '%', '? 1 : 2', '=>', '...', 'for k, v in', ':', 'if', 'upper(', 'range(1e6)', 'jsondecode("', 'regex("(a+)+$", "aaaaaaaaaaaaaaaaaaaaaaaa!")', 'format("%', 'cidrsubnet("10.0.0.0/8", 8, 300)', ',', '\n', 'x'),
        { maxLength: 30 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(exprArb, fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `\${${s}}`)), count((text) => {
        const v = evalString(text, noScope);
        expect(v === null || ['string', 'number', 'boolean', 'object'].includes(typeof v)).toBe(true);
      })),
      { numRuns: RUNS.resolver },
    );
  });

  it('inline waiver comments of any shape parse without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('', ' controlgate:ignore ', 'controlgate:ignore VMH-AWS-001 reason="'), count((s, prefix) => {
        parseOwnDirectives(prefix + s);
        const text = `resource "a" "b" {\n  # ${prefix}${s.replace(/\n/g, ' ')}\n  x = 1\n}\n`;
        inlineWaivers('f.tf', text, parseHclFile(text).locations, [ownDirectives]);
      })),
      { numRuns: RUNS.waivers },
    );
  });

  it('escapers leave no line break, control character or markup that a sink would interpret', () => {
    const MARKDOWN_SNIPPETS = ['\u202e', '\u2066', '\u200b', '\u200f', 'https://evil.example/x', 'www.evil.example', 'jane@example.com', '<!-- controlgate:summary -->', '<img src=x onerror=alert(1)>', '(', ' ', '``', '<'];
    const s = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, ...MARKDOWN_SNIPPETS), { maxLength: 8 }).map((a) => a.join('')));
    fc.assert(
      fc.property(s, count((x) => {
        expect(safeText(x)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(escapeCommandData(x)).not.toMatch(/[\r\n]/);
        expect(escapeCommandProperty(x)).not.toMatch(/[\r\n:,]/);
        const md = escapeMarkdown(x);
        expect(md).not.toMatch(/[\r\n<>\u202a-\u202e\u2066-\u2069\u200c-\u200f\ufeff]/);
        // Outside code spans: no table pipe, no live @mention, no URL scheme; inside: pipes escaped.
        const spans: string[] = [];
        const outside = md.replace(/(?<![`\\])(`+)(?!`)([^]*?)(?<!`)\1(?!`)/g, (_, _f: string, inner: string) => (spans.push(inner), ' '));
        expect(outside).not.toMatch(/\||@(?!\u200b)|:\/\/|www\./i);
        for (const inner of spans) expect(inner.replace(/\\\|/g, '')).not.toMatch(/\|/);
      })),
      { numRuns: RUNS.escapers },
    );
  });

  it('whole scans of generated workspaces (hostile names, mutated and binary files): every file scanned or reported, with a line', async () => {
    const fileArb = fc.record({
      name: hostileNameArb,
      dir: fc.constantFrom('', 'sub', 'a b', '::x'),
      content: fc.oneof(
        { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...sample), fc.array(opArb, { maxLength: 4 })).map(([s, ops]) => mutate(s.text, ops)) },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
      ),
    });
    let ws = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 6 }), count(async (files) => {
        const root = path.join(tmp, `ws${ws++}`);
        mkdirSync(root);
        for (const f of files) {
          mkdirSync(path.join(root, f.dir), { recursive: true });
          writeFileSync(path.join(root, f.dir, f.name), f.content);
        }
        const r = await scan({ root, paths: ['.'] });
        expectAccounted(r);
        expect(r.filesFound).toBe(new Set(files.map((f) => path.join(f.dir, f.name))).size);
      })),
      { numRuns: RUNS.scans },
    );
  }, 240_000);
});
