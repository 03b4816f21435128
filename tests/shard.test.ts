// Issue #8: `--shard i/n` splits evaluation by folder. Issue #19: each shard writes its result document
// (--format result); `controlgate merge` combines the results and renders them with the scan's own
// reporters: JSON, SARIF, evidence, text and JUnit identical to an unsharded run apart from run context
// and times.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { distDir, repoRoot } from './helpers/paths.js';
import { runAction } from './helpers/run.js';
import { fnv1a32, folderOf, parseShard, shardOf } from '../src/model/shard.js';
import { renderProgress } from '../src/cli/progress.js';
import { throttled, type ScanProgress } from '../src/engine/scan.js';

/** runCli (tests/helpers/run.ts) with room for a few MB of JSON on stdout. */
function runCli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const N = 3;
let ws: string;
let out: string;

/** examples/ and fixtures/ (module calls across folders in fixtures/resolve, waivers in every
 * state) plus files that cannot be parsed in several folders. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-shard-'));
  cpSync(path.join(repoRoot, 'examples'), path.join(dir, 'examples'), { recursive: true });
  cpSync(path.join(repoRoot, 'fixtures'), path.join(dir, 'fixtures'), { recursive: true });
  for (const d of ['broken/a', 'broken/b', 'broken/c', 'broken/d']) {
    mkdirSync(path.join(dir, d), { recursive: true });
    writeFileSync(path.join(dir, d, 'bad.tf'), 'resource "a" "b" {\n  x = \n}\n');
  }
  return dir;
}

const scanArgs = ['scan', 'examples', 'fixtures', 'broken', '--format', 'json', '--fail-on', 'low'];
const read = (f: string): string => readFileSync(path.join(out, f), 'utf8');
const json = (f: string): any => JSON.parse(read(f)); // eslint-disable-line @typescript-eslint/no-explicit-any

/** The evidence without what legitimately differs between runs: run context and times. */
function blankEvidence(text: string): unknown {
  const e = JSON.parse(text);
  e.run = {};
  e.time = {};
  return e;
}
const blankMarkdown = (md: string): string =>
  md
    .split('\n')
    .filter((l) => !/^\| (Started|Finished|This report renders|Shard) /.test(l))
    .join('\n');
const blankOscal = (o: string): string =>
  o.replace(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"UUID"').replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"TIME"');

describe('sharding: --shard i/n and controlgate merge', () => {
  beforeAll(() => {
    ws = workspace();
    out = mkdtempSync(path.join(tmpdir(), 'cg-shard-out-'));
    const reports = (prefix: string): string[] => ['--format', 'text', '-o', path.join(out, `${prefix}.txt`), '--format', 'junit', '-o', path.join(out, `${prefix}.xml`), '--format', 'result', '-o', path.join(out, `${prefix}.result.json`)];
    const full = runCli([...scanArgs, '--sarif', path.join(out, 'full.sarif'), '--evidence', path.join(out, 'full-evidence.json'), ...reports('full')], ws);
    expect(full.stderr).toBe('');
    writeFileSync(path.join(out, 'full.json'), full.stdout);
    for (let i = 1; i <= N; i++) {
      const r = runCli([...scanArgs, '--shard', `${i}/${N}`, '--sarif', path.join(out, `s${i}.sarif`), '--evidence', path.join(out, `e${i}.json`), '--format', 'result', '-o', path.join(out, `r${i}.json`)], ws);
      expect(r.stderr).toBe('');
      expect([0, 1]).toContain(r.code);
      writeFileSync(path.join(out, `s${i}.json`), r.stdout);
    }
  }, 120_000);

  const shards = (prefix: string, ext: string): string[] => Array.from({ length: N }, (_, i) => path.join(out, `${prefix}${i + 1}${ext}`));

  it('assigns folders by a stable hash (fnv1a32) and parses i/n strictly', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(shardOf('examples/insecure', 4)).toBe(1 + (fnv1a32('examples/insecure') % 4));
    expect(folderOf('main.tf')).toBe('.');
    expect(folderOf('a/b/main.tf')).toBe('a/b');
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('')).toBeUndefined();
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/i\/n/);
    const r = runCli(['scan', 'examples', '--shard', '4/3'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard must be i\/n/);
  });

  it('reports each finding, evaluation, file error and file record in exactly one shard', () => {
    const full = json('full.json');
    const parts = shards('s', '.json').map((f) => JSON.parse(readFileSync(f, 'utf8')));
    expect(full.findings.length).toBeGreaterThan(100);
    expect(full.errors.length).toBe(4);
    parts.forEach((p, i) => expect(p.shard).toMatchObject({ shard: `${i + 1}/${N}`, index: i + 1, count: N }));
    expect(full.shard).toBeUndefined();
    // Every shard did some of the work.
    for (const p of parts) expect(p.findings.length).toBeGreaterThan(0);
    const key = (x: unknown): string => JSON.stringify(x);
    const multiset = (xs: unknown[]): string[] => xs.map(key).sort();
    expect(multiset(parts.flatMap((p) => p.findings))).toEqual(multiset(full.findings));
    expect(multiset(parts.flatMap((p) => p.errors))).toEqual(multiset(full.errors));
    expect(multiset(parts.flatMap((p) => p.notEvaluated))).toEqual(multiset(full.notEvaluated));
    expect(parts.reduce((n, p) => n + p.summary.filesFound, 0)).toBe(full.summary.filesFound);
    const ev = shards('e', '.json').map((f) => JSON.parse(readFileSync(f, 'utf8')));
    const fullEv = json('full-evidence.json');
    expect(multiset(ev.flatMap((e) => e.evaluations))).toEqual(multiset(fullEv.evaluations));
    expect(multiset(ev.flatMap((e) => e.files))).toEqual(multiset(fullEv.files));
    ev.forEach((e, i) => expect(e.run.shard).toBe(`${i + 1}/${N}`));
    // The configuration digest is the same in every shard and in the unsharded run.
    expect(new Set([...ev, fullEv].map((e) => e.configuration.sha256)).size).toBe(1);
  });

  it('writes a versioned result document without the secrets the scan found', () => {
    const doc = json('r1.json');
    expect(doc).toMatchObject({ kind: 'controlgate-result', version: 1, tool: { name: 'controlgate' }, record: { failOn: 'low' }, result: { shard: { index: 1, count: N } } });
    expect(doc.result.redactions).toBeUndefined();
    expect(doc.record.configurationSha256).toBe(json('e1.json').configuration.sha256);
    expect(doc.verdict).toMatchObject({ failed: expect.any(Boolean), exitCode: expect.any(Number) });
    expect(json('full.result.json').result.shard).toBeUndefined();
  });

  it('merges the results into exactly the unsharded JSON', () => {
    const r = runCli(['merge', ...shards('r', '.json').reverse(), '--format', 'json', '-o', path.join(out, 'merged.json')], ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // failed at --fail-on low, as the unsharded scan
    expect(read('merged.json')).toBe(read('full.json'));
    // Without -o it writes to stdout.
    expect(runCli(['merge', ...shards('r', '.json'), '--format', 'json'], ws).stdout).toBe(read('full.json'));
  });

  it('merges the results into exactly the unsharded SARIF', () => {
    const r = runCli(['merge', ...shards('r', '.json'), '--sarif', path.join(out, 'merged.sarif'), '--format', 'json', '-o', path.join(out, 'merged2.json')], ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(read('merged.sarif')).toBe(read('full.sarif'));
  });

  it('merges the results into the unsharded evidence (JSON, Markdown, OSCAL) apart from run and times', () => {
    const r = runCli(['merge', ...shards('r', '.json'), '--evidence', path.join(out, 'merged-evidence.json'), '--format', 'json', '-o', path.join(out, 'merged3.json')], ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(blankEvidence(read('merged-evidence.json'))).toEqual(blankEvidence(read('full-evidence.json')));
    // Byte for byte too, once run and time are blanked the same way.
    const bytes = (f: string): string => JSON.stringify(blankEvidence(read(f)), null, 2);
    expect(bytes('merged-evidence.json')).toBe(bytes('full-evidence.json'));
    expect(blankMarkdown(read('merged-evidence.md'))).toBe(blankMarkdown(read('full-evidence.md')));
    expect(blankOscal(read('merged-evidence.oscal.json'))).toBe(blankOscal(read('full-evidence.oscal.json')));
  });

  it('renders the merged result as the unsharded text, JUnit and result document', () => {
    const r = runCli(['merge', ...shards('r', '.json'), '--format', 'text', '-o', path.join(out, 'merged.txt'), '--format', 'junit', '-o', path.join(out, 'merged.xml'), '--format', 'result', '-o', path.join(out, 'merged.result.json')], ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(read('merged.txt')).toBe(read('full.txt'));
    const blankTimestamps = (x: string): string => x.replace(/timestamp="[^"]*"/g, 'timestamp="TIME"');
    expect(blankTimestamps(read('merged.xml'))).toBe(blankTimestamps(read('full.xml')));
    const blankResult = (f: string): unknown => {
      const d = json(f);
      for (const k of ['startedAt', 'finishedAt', 'root']) delete d.result[k];
      // The files scanned are the shards' lists joined; the reports only count them.
      d.result.filesScanned.sort();
      return d;
    };
    expect(blankResult('merged.result.json')).toEqual(blankResult('full.result.json'));
  });

  it("merges the action's shards (result-file) into the unsharded action's SARIF and evidence", () => {
    const inputs = { 'working-directory': 'examples', 'fail-on': 'low' };
    const full = runAction(ws, { ...inputs, 'sarif-file': 'act/full.sarif', 'evidence-file': 'act/full-evidence.json' });
    expect(full.code).toBe(1);
    for (const i of [1, 2]) {
      const r = runAction(ws, { ...inputs, shard: `${i}/2`, 'sarif-file': `act/s${i}.sarif`, 'evidence-file': `act/e${i}.json`, 'result-file': `act/r${i}.json` });
      expect([0, 1]).toContain(r.code);
      expect(r.summary).toMatch(new RegExp(`Result document written to \`act/r${i}\\.json\``));
    }
    const m = runCli(['merge', 'act/r1.json', 'act/r2.json', '--sarif', 'act/merged.sarif', '--evidence', 'act/merged-evidence.json', '--format', 'json', '-o', 'act/merged.json'], ws);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(1);
    const at = (f: string): string => readFileSync(path.join(ws, 'act', f), 'utf8');
    expect(at('merged.sarif')).toBe(at('full.sarif'));
    // Repository paths (working-directory prefixed), the scope of every finding, the enforcement.
    expect(at('merged.sarif')).toMatch(/"uri": "examples\//);
    expect(blankEvidence(at('merged-evidence.json'))).toEqual(blankEvidence(at('full-evidence.json')));
  });

  it('refuses inputs that are not the shards of one scan (exit 2)', () => {
    const [s1, s2, s3] = shards('r', '.json');
    let r = runCli(['merge', s1!, s2!], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard\(s\) 3\/3 missing/);
    r = runCli(['merge', s1!, s2!, s2!, s3!], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard 2\/3 given twice/);
    r = runCli(['merge', s1!, path.join(out, 'full.result.json')], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not the result of a sharded scan/);
    // A different configuration (fail-on) makes a different configuration digest.
    const other = runCli([...scanArgs.slice(0, -1), 'medium', '--shard', `3/${N}`, '--format', 'result', '-o', path.join(out, 'other3.json')], ws);
    expect([0, 1]).toContain(other.code);
    r = runCli(['merge', s1!, s2!, path.join(out, 'other3.json')], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not shards of one scan/);
    // Rendered outputs are not results: merge says what they are.
    r = runCli(['merge', ...shards('s', '.sarif')], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s1\.sarif is a SARIF log, not a Controlgate result document/);
    r = runCli(['merge', ...shards('e', '.json')], ws);
    expect(r.stderr).toMatch(/is an evidence file, not a Controlgate result document/);
    r = runCli(['merge', ...shards('s', '.json')], ws);
    expect(r.stderr).toMatch(/is a JSON report, not a Controlgate result document/);
    // The flags of the old merge of rendered outputs are refused with what to write instead, before
    // anything is written.
    r = runCli(['merge', '--json', s1!, s2!, s3!], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--json and --out are gone/);
    const before = read('s1.sarif');
    r = runCli(['merge', '--sarif', ...shards('s', '.sarif')], ws);
    expect(r.code).toBe(2);
    expect(read('s1.sarif')).toBe(before);
    // A report is never written over one of the results merged.
    r = runCli(['merge', s1!, s2!, s3!, '--format', 'json', '-o', s1!], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is one of the results to merge/);
    // A result document without what merge relies on is refused by its schema.
    const broken = json('r3.json');
    delete broken.result.findings;
    writeFileSync(path.join(out, 'broken3.json'), JSON.stringify(broken));
    r = runCli(['merge', s1!, s2!, path.join(out, 'broken3.json')], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken3\.json is not a valid result document: \/result must have required property 'findings'/);
    expect(runCli(['merge'], ws).code).toBe(2); // no results
  });
});

describe('progress bar', () => {
  it('renders one line per state, as a pure function', () => {
    expect(renderProgress({ stage: 'parse', done: 0, total: 4900 })).toBe('parsing    [....................]    0/4900 files   0%');
    expect(renderProgress({ stage: 'parse', done: 1225, total: 4900 })).toBe('parsing    [#####...............] 1225/4900 files  25%');
    expect(renderProgress({ stage: 'evaluate', done: 12, total: 12 })).toBe('evaluating [####################] 12/12 folders 100%');
    expect(renderProgress({ stage: 'evaluate', done: 0, total: 0 })).toMatch(/100%$/);
    expect(renderProgress({ stage: 'parse', done: 3, total: 10 })).not.toMatch(/[\r\n\x1b]/);
  });

  it('reports at most every interval, and always the last step', () => {
    const seen: ScanProgress[] = [];
    const report = throttled((p) => seen.push(p), 60_000);
    for (let i = 1; i <= 1000; i++) report({ stage: 'parse', done: i, total: 1000 });
    expect(seen).toEqual([
      { stage: 'parse', done: 1, total: 1000 },
      { stage: 'parse', done: 1000, total: 1000 },
    ]);
  });

  it('prints nothing extra when stderr is not a terminal', () => {
    const r = runCli(['scan', 'examples/insecure', '--fail-on', 'never'], ws);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\r|\x1b\[K|parsing|evaluating/);
  });
});
