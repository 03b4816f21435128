// The differential test against OpenTofu (issue #13): every case under tests/resolve/tofu/cases is a
// small configuration whose `terraform_data` inputs OpenTofu 1.12.6 planned (scripts/tofu/golden.mjs
// wrote what it planned to tests/resolve/tofu/golden/). Here Controlgate resolves the same files
// WITHOUT tofu, through resolveInput(): the document `controlgate input` prints and the policies
// receive. Each case is:
//   agree    every value equal to OpenTofu's (same JSON: 1 and "1" differ; integers digit for
//            digit, fractions as the IEEE double OPA holds them), same instances;
//   unknown  Controlgate says "unknown" somewhere OpenTofu knows the value (a miss);
//   wrong    a different concrete value, an instance OpenTofu does not create or a value where
//            OpenTofu refuses the configuration (an error must come out unknown: the resources its
//            diagnostics name, or all of them when they name none).
// Any wrong or unknown case fails the test, except the known differences listed, each with why, in
// tests/resolve/tofu/known-differences.json (the open part of issue #13): a listed case that now
// agrees, or that changes verdict, fails too, so the list can only shrink. The summary and every
// disagreement are printed and written to .cache/tofu-differential.txt.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInput } from '../../src/engine/scan.js';
import type { TerraformResource, Value } from '../../src/model/input.js';
import { hasUnknown, isExactNumber, isUnknown } from '../../src/resolve/values.js';
import { compareCanonical, isWhollyUnknown, parseLossless, stringifyCanonical, worst, type Verdict } from '../../scripts/tofu/canonical.mjs';
import { repoRoot } from '../helpers/paths.js';

interface GoldenCase {
  name: string;
  files: Record<string, string>;
  var_files: string[];
  root: string;
  scan: string;
  tofu: { values: Record<string, string> } | { error: string };
}
interface Golden {
  topic: string;
  tofu_version: string;
  source_sha256: string;
  cases: GoldenCase[];
}

const tofuDir = path.join(repoRoot, 'tests', 'resolve', 'tofu');
const topics = readdirSync(path.join(tofuDir, 'cases'))
  .filter((f) => f.endsWith('.tfcases'))
  .map((f) => f.slice(0, -'.tfcases'.length))
  .sort();
const goldens: Golden[] = topics.map((t) => JSON.parse(readFileSync(path.join(tofuDir, 'golden', `${t}.json`), 'utf8')) as Golden);
const WORKSPACE_TOKEN = '$WORKSPACE';

/** Instance keys of an address: module.m["a"].terraform_data.v[0] -> 2. */
const KEY = /\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\]/g;
const shape = (address: string): string => address.replace(KEY, '');
const keyCount = (address: string): number => address.match(KEY)?.length ?? 0;

/** A resource whose count / for_each Controlgate could not expand (one instance, without a key). */
function unexpanded(r: TerraformResource): boolean {
  return r.instance_key === undefined && (hasUnknown(r.config.count ?? null) || hasUnknown(r.config.for_each ?? null));
}

/** Ours stands for instances OpenTofu expands (fewer instance keys, same address otherwise): a module or resource not expanded. */
const standsFor = (ours: string, theirs: string): boolean => shape(ours) === shape(theirs) && keyCount(ours) < keyCount(theirs);

function hideWorkspace(v: Value, workspace: string): Value {
  if (typeof v === 'string') return v.split(workspace).join(WORKSPACE_TOKEN);
  if (isExactNumber(v)) return v;
  if (Array.isArray(v)) return v.map((x) => hideWorkspace(x, workspace));
  if (typeof v === 'object' && v !== null) {
    const o: { [k: string]: Value } = {};
    for (const [k, x] of Object.entries(v)) o[k] = hideWorkspace(x as Value, workspace);
    return o;
  }
  return v;
}

/** Our value of one resource, in the golden's canonical JSON. */
function canonicalOf(v: Value, workspace: string): string {
  return stringifyCanonical(parseLossless(JSON.stringify(hideWorkspace(v, workspace))));
}

/** The first unknown's text in a value (the expression and why), for the report. */
function unknownWhy(v: Value): string {
  const walk = (x: Value): string | undefined => {
    if (isUnknown(x)) return x.__unknown__;
    if (Array.isArray(x)) return x.map(walk).find((t) => t !== undefined);
    if (typeof x === 'object' && x !== null && !isExactNumber(x)) return Object.values(x).map((e) => walk(e as Value)).find((t) => t !== undefined);
    return undefined;
  };
  const t = walk(v);
  return t === undefined ? '' : `\n      (ours unknown: ${t.slice(0, 300)})`;
}

interface Judged {
  verdict: Verdict;
  notes: string[];
}

export function judge(ours: TerraformResource[], golden: GoldenCase, workspace: string): Judged {
  const notes: string[] = [];
  const mine = new Map(ours.map((r) => [r.address, r]));
  const value = (r: TerraformResource): string => canonicalOf(r.config.input ?? null, workspace);
  if ('error' in golden.tofu) {
    const refused = golden.tofu.error;
    // The resources OpenTofu's diagnostics name ("in resource "terraform_data" "v""), else all.
    const named = new Set([...refused.matchAll(/in resource "([^"]+)" "([^"]+)"/g)].map((m) => `${m[1]}.${m[2]}`));
    const verdicts = ours.filter((r) => !named.size || named.has(`${r.type}.${r.name}`)).map((r): Verdict => {
      if (unexpanded(r) || isWhollyUnknown(value(r))) return 'agree';
      notes.push(`${r.address}: ${value(r)} where OpenTofu fails: ${refused.split('\n').slice(0, 3).join(' / ')}`);
      return 'wrong';
    });
    return { verdict: worst(verdicts), notes };
  }
  const theirs = golden.tofu.values;
  const verdicts: Verdict[] = [];
  for (const [address, expected] of Object.entries(theirs)) {
    const r = mine.get(address);
    if (r) {
      const got = value(r);
      const v = compareCanonical(got, expected);
      if (v !== 'agree') notes.push(`${address}: ${v === 'wrong' ? 'WRONG' : 'unknown'}: ours ${got}, OpenTofu ${expected}${unknownWhy(r.config.input ?? null)}`);
      verdicts.push(v);
      continue;
    }
    const placeholder = ours.find((o) => !(o.address in theirs) && standsFor(o.address, address));
    if (placeholder) {
      notes.push(`${address}: unknown: not expanded (ours ${placeholder.address})`);
      verdicts.push('unknown');
    } else {
      notes.push(`${address}: WRONG: OpenTofu creates it, ours does not (ours: ${ours.map((o) => o.address).join(', ') || 'none'})`);
      verdicts.push('wrong');
    }
  }
  for (const r of ours) {
    if (r.address in theirs) continue;
    if (Object.keys(theirs).some((a) => standsFor(r.address, a))) continue; // counted above
    if (unexpanded(r)) {
      notes.push(`${r.address}: unknown: not expanded (OpenTofu creates no instance)`);
      verdicts.push('unknown');
    } else {
      notes.push(`${r.address}: WRONG: ours creates it, OpenTofu does not (OpenTofu: ${Object.keys(theirs).join(', ') || 'none'})`);
      verdicts.push('wrong');
    }
  }
  return { verdict: worst(verdicts), notes };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'controlgate-tofu-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function oursFor(topic: string, c: GoldenCase): Promise<{ resources: TerraformResource[]; workspace: string }> {
  const dir = path.join(scratch, topic, c.name);
  for (const [rel, content] of Object.entries(c.files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  mkdirSync(dir, { recursive: true });
  const workspace = realpathSync(dir);
  const resolved = await resolveInput({ root: workspace, paths: [c.scan], varFiles: c.var_files.map((f) => path.posix.join(c.root, f)) });
  const root = path.posix.normalize(c.root);
  const resources = resolved.normalized.input.terraform.resources.filter(
    (r) => r.mode === 'managed' && r.type === 'terraform_data' && (r.module_path !== undefined || path.posix.normalize(r.module_dir) === root),
  );
  return { resources, workspace };
}

describe('Controlgate against OpenTofu (tests/resolve/tofu)', () => {
  it('has fresh goldens for every case file (regenerate: node scripts/tofu/golden.mjs <topic>)', () => {
    for (const g of goldens) {
      const source = readFileSync(path.join(tofuDir, 'cases', `${g.topic}.tfcases`));
      expect(createHash('sha256').update(source).digest('hex'), `${g.topic}: cases changed since the goldens were made`).toBe(g.source_sha256);
      expect(g.tofu_version).toBe('1.12.6');
    }
    expect(goldens.reduce((n, g) => n + g.cases.length, 0)).toBeGreaterThanOrEqual(400);
  });

  it('resolves every case as OpenTofu does: zero wrong, zero unknown beyond the listed known differences', async () => {
    const known = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'resolve', 'tofu', 'known-differences.json'), 'utf8')) as Record<string, { verdict: Verdict; why: string }>;
    const unexpected: string[] = [];
    const byVerdict: Record<Verdict, string[]> = { agree: [], unknown: [], wrong: [] };
    const lines: string[] = [];
    const perTopic: string[] = [];
    for (const g of goldens) {
      const counts: Record<Verdict, number> = { agree: 0, unknown: 0, wrong: 0 };
      for (const c of g.cases) {
        const { resources, workspace } = await oursFor(g.topic, c);
        const j = judge(resources, c, workspace);
        counts[j.verdict]++;
        byVerdict[j.verdict].push(`${g.topic}/${c.name}`);
        const id = `${g.topic}/${c.name}`;
        if (j.verdict !== 'agree') lines.push(`${j.verdict.toUpperCase()} ${id}${known[id] ? ` (known: ${known[id].why})` : ''}\n    ${j.notes.join('\n    ')}`);
        if (known[id]?.verdict !== (j.verdict === 'agree' ? undefined : j.verdict)) {
          unexpected.push(known[id] ? `${id}: listed as ${known[id].verdict} in known-differences.json, now ${j.verdict}${j.verdict === 'agree' ? ' (remove it from the list)' : ''}` : `${j.verdict.toUpperCase()} ${id}\n    ${j.notes.join('\n    ')}`);
        }
      }
      perTopic.push(`  ${g.topic.padEnd(16)} agree ${counts.agree}, wrong ${counts.wrong}, unknown ${counts.unknown}`);
    }
    const total = byVerdict.agree.length + byVerdict.wrong.length + byVerdict.unknown.length;
    const summary = `OpenTofu differential: ${total} cases: agree ${byVerdict.agree.length}, wrong ${byVerdict.wrong.length}, unknown ${byVerdict.unknown.length}`;
    mkdirSync(path.join(repoRoot, '.cache'), { recursive: true });
    writeFileSync(path.join(repoRoot, '.cache', 'tofu-differential.txt'), `${summary}\n${perTopic.join('\n')}\n\n${lines.join('\n')}\n`);
    console.log(`${summary}\n${perTopic.join('\n')}\n(details: .cache/tofu-differential.txt)`);
    expect(total).toBeGreaterThan(0);
    expect(Object.keys(known).every((id) => byVerdict.agree.includes(id) || byVerdict.unknown.includes(id) || byVerdict.wrong.includes(id)), 'every known difference names a case').toBe(true);
    expect(unexpected, summary).toEqual([]);
  }, 600_000);
});
