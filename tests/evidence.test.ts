import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { createHash } from 'node:crypto';
import { buildEvidence, canonicalJson, renderEvidenceJson, type Evidence } from '../src/report/evidence/evidence.js';
import { renderEvidenceMarkdown } from '../src/report/evidence/markdown.js';
import { renderOscal, uuidFor } from '../src/report/evidence/oscal.js';
import { runContext } from '../src/report/evidence/context.js';
import { verifyEvidence } from '../src/report/evidence/verify.js';
import { verdictOf } from '../src/model/verdict.js';
import { VERSION } from '../src/version.js';
import { distDir, repoRoot, schemasDir } from './helpers/paths.js';
import { runCli } from './helpers/run.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);
const fixture = path.join(repoRoot, 'fixtures', 'evidence');
const NOW = new Date('2026-11-27T12:00:00Z');

async function evidenceFor(root: string, now = NOW, env: NodeJS.ProcessEnv = {}): Promise<Evidence> {
  const result = await scan({ root, paths: ['.'], now });
  return buildEvidence({ result, run: runContext(env), verdict: verdictOf(result, { failOn: 'high' }), settings: { paths: ['.'], failOn: 'high' } });
}

function validator(schemaFile: string): (doc: unknown) => unknown[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []));
}

describe('evidence', () => {
  it('validates against the published schema and records the whole population', async () => {
    const e = await evidenceFor(fixture);
    expect(validator(path.join(repoRoot, 'docs', 'schemas', 'evidence.schema.json'))(e)).toEqual([]);
    expect(e.tool.version).toBe(VERSION);
    expect(e.policyBundle.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e.files).toEqual([{ path: 'infra/main.tf', kind: 'terraform', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), status: 'parsed' }]);
    // Passes are recorded, not only failures.
    const statuses = new Set(e.evaluations.map((x) => x.status));
    expect([...statuses].sort()).toEqual(['failed', 'passed', 'waived']);
    const cld952 = e.controls.iso27017.find((c) => c.id === 'CLD.9.5.2')!;
    expect(cld952).toMatchObject({ waived: 1, failed: expect.any(Number), passed: expect.any(Number) });
    expect(cld952.failed + cld952.passed + cld952.waived + cld952.notEvaluated).toBe(
      e.evaluations.filter((x) => (e.controls.iso27017.find((c) => c.id === 'CLD.9.5.2')!.rules).includes(x.rule)).length,
    );
    expect(e.controls.iso27017.find((c) => c.id === 'CLD.6.3.1')?.manual).toMatch(/responsibility matrix/);
    expect(e.waivers.map((w) => w.status).sort()).toEqual(['applied', 'expired', 'rejected', 'stale']);
  });

  it('is deterministic: identical bytes apart from run context and times', async () => {
    const a = await evidenceFor(fixture, new Date('2026-11-27T10:00:00Z'), { GITHUB_RUN_ID: '1', GITHUB_SHA: 'abc' });
    const b = await evidenceFor(fixture, new Date('2026-11-27T11:30:00Z'), { GITHUB_RUN_ID: '2', GITHUB_SHA: 'def' });
    const strip = (e: Evidence): string => renderEvidenceJson({ ...e, run: {}, time: { startedAt: '', finishedAt: '' } });
    expect(strip(a)).toBe(strip(b));
    expect(renderEvidenceJson(a)).not.toBe(renderEvidenceJson(b));
  });

  it('takes the run context from the runner environment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cg-ev-'));
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 42 } }));
    expect(
      runContext({
        GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'f00', GITHUB_REF: 'refs/heads/feature', GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path.join(dir, 'event.json'), GITHUB_WORKFLOW: 'ci', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2',
        GITHUB_SERVER_URL: 'https://github.com', GITHUB_ACTOR: 'octocat',
      }),
    ).toEqual({
      repository: 'acme/infra', commit: 'f00', ref: 'refs/heads/feature', event: 'pull_request', pullRequest: 42, workflow: 'ci',
      runId: '7', runAttempt: '2', runUrl: 'https://github.com/acme/infra/actions/runs/7/attempts/2', actor: 'octocat', node: process.version,
    });
  });

  it('renders OSCAL assessment-results that validate against the official 1.0.6 schema, with states that agree with the evidence', async () => {
    const e = await evidenceFor(fixture, NOW, { GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'f00', GITHUB_RUN_ID: '7' });
    const oscal = JSON.parse(renderOscal(e));
    expect(validator(path.join(schemasDir, 'oscal_assessment-results_schema-1.0.6.json'))(oscal)).toEqual([]);
    const ar = oscal['assessment-results'];
    type F = { props: Array<{ name: string; value: string }>; target: { 'target-id': string; status: { state: string; reason: string } } };
    const findings = ar.results[0].findings as F[];
    const byId = new Map(findings.map((f) => [f.target['target-id'], f]));
    // Every control of every framework, its id naming the framework, a framework prop beside it.
    for (const [fw, title] of [['iso27017', 'ISO/IEC 27017:2015'], ['iso27002', 'ISO/IEC 27002:2022'], ['soc2', 'AICPA SOC 2 Trust Services Criteria']] as const) {
      for (const c of e.controls[fw]) {
        const f = byId.get(`${fw}-${c.id}`)!;
        expect(f, `${fw} ${c.id}`).toBeDefined();
        expect(f.props).toContainEqual(expect.objectContaining({ name: 'framework', value: title }));
        const { state, reason } = f.target.status;
        // State and reason agree, and follow the counts.
        expect([`${state}/${reason}`]).toContain(c.failed > 0 ? 'not-satisfied/fail' : state === 'satisfied' ? 'satisfied/pass' : 'not-satisfied/other');
        if (c.failed > 0) expect(state).toBe('not-satisfied');
        if (c.resourcesEvaluated === 0 || c.manual || c.notEvaluated > 0) expect(state).toBe('not-satisfied');
        if (state === 'satisfied') expect(c.resourcesEvaluated).toBeGreaterThan(0);
      }
    }
    expect(findings).toHaveLength(e.controls.iso27017.length + e.controls.iso27002.length + e.controls.soc2.length);
    expect(byId.get('iso27017-CLD.9.5.2')?.target.status).toMatchObject({ state: 'not-satisfied', reason: 'fail' });
    expect(findings.some((f) => f.target.status.state === 'satisfied')).toBe(true);
    // import-ap points at the back-matter resource that identifies the plan by digest.
    const href = ar['import-ap'].href as string;
    expect(href).toMatch(/^#[0-9a-f-]{36}$/);
    const plan = ar['back-matter'].resources.find((r: { uuid: string }) => `#${r.uuid}` === href);
    expect(plan.rlinks[0].hashes[0]).toEqual({ algorithm: 'SHA-256', value: e.policyBundle.sha256 });
    expect(uuidFor('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('renders Markdown for an audit binder: units never mixed, ticket beside approver, e-mails intact, rejected waivers on their findings, every file hashed', async () => {
    const e = await evidenceFor(fixture);
    const md = renderEvidenceMarkdown(e, 'a'.repeat(64));
    expect(md).toMatch(/^# Controlgate evidence report/);
    expect(md).toMatch(/\| CLD\.9\.5\.2 \| Virtual machine hardening \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| not-satisfied \(automated \+ manual\): \d+ check/);
    expect(md).toMatch(/\| infra\/main\.tf:21 \| VMH-AWS-001 \| rejected \|/);
    expect(md).toContain('Needs manual evidence:');
    // One unit per line: findings, resources, checks and files are each counted on their own.
    const head = md.split('## ')[0]!;
    for (const line of head.split('\n').filter((l) => /\d/.test(l))) {
      const counted = line.replace(/^(\w+):/, '').replace(/\([^)]*\)/g, '');
      const units = ['finding', 'resource', 'check', 'file'].filter((u) => new RegExp(`\\b${u}`, 'i').test(counted));
      expect(units.length, line).toBeLessThanOrEqual(1);
    }
    // The rejected inline waiver (no reason) is shown on the row of the finding it tried to waive.
    const rejected = e.waivers.find((w) => w.status === 'rejected')!;
    const fp = rejected.matchedFindings[0]!;
    const f = e.findings.find((x) => x.fingerprint === fp)!;
    expect(md.split('\n').find((l) => l.includes(`${f.file}:${f.line}`) && l.startsWith(`| ${f.severity} |`))).toMatch(/rejected: infra\/main\.tf:21/);
    // Every file with its digest in the appendix.
    for (const file of e.files) expect(md).toContain(`| ${file.path} | ${file.kind} | ${file.status} | \`${file.sha256}\` |`);
  });

  it('records the verdict it is given (model/verdict.ts), never judging the run again', async () => {
    const result = await scan({ root: fixture, paths: ['.'], now: NOW });
    const e = buildEvidence({ result, run: {}, verdict: { failOn: 'never', failing: [], failed: true, usageErrors: ['nothing to scan in x'] }, settings: { paths: ['.'] } });
    expect(e.result).toMatchObject({ passed: false, failing: 0, usageErrors: ['nothing to scan in x'] });
    expect(e.configuration.failOn).toBe('never');
  });

  it('keeps the ticket beside the approver and e-mail addresses intact', async () => {
    const result = await scan({
      root: fixture,
      paths: ['.'],
      now: NOW,
      waivers: [{ id: 'config:.controlgate.yml#1', source: 'config', rule: 'SEG-AWS-001', reason: 'office range only', approver: 'jane.doe@example.com', ticket: 'SEC-7' }],
    });
    const e = buildEvidence({ result, run: {}, verdict: verdictOf(result, { failOn: 'high' }), settings: { paths: ['.'] } });
    const md = renderEvidenceMarkdown(e);
    expect(md).toMatch(/\| `jane\.doe@example\.com` \| SEC-7 \|/);
    expect(md).not.toContain('\u200b');
    expect(e.findings.find((x) => x.id === 'SEG-AWS-001')?.waiver).toMatchObject({ approver: 'jane.doe@example.com', ticket: 'SEC-7' });
  });
});

/** A git repository with the evidence fixture and a configuration file with a central waiver; evidence written at its commit. */
function verifiedRepo(): { ws: string; sha: string; evidenceFile: string; evidence: () => any; write: (e: unknown) => void } {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-verify-'));
  cpSync(fixture, ws, { recursive: true });
  writeFileSync(
    path.join(ws, '.controlgate.yml'),
    'fail-on: high\nwaivers:\n  - rule: SEG-AWS-001\n    reason: "bastion reachable from the office range only; ticket SEC-7"\n    approver: jane.doe@example.com\n    ticket: SEC-7\n',
  );
  const g = (...a: string[]): string => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...a], { cwd: ws, encoding: 'utf8' });
  g('init', '-q');
  g('add', '.');
  g('commit', '-qm', 'x');
  const sha = g('rev-parse', 'HEAD').trim();
  // fail-on comes from the configuration file (high): the fixture has high findings, so the scan fails.
  const scanRun = runCli(['scan', '.', '--evidence', 'out/evidence.json'], ws);
  expect(scanRun.code).toBe(1);
  const evidenceFile = path.join(ws, 'out', 'evidence.json');
  // Record the commit as the action would (GITHUB_SHA).
  const e = JSON.parse(readFileSync(evidenceFile, 'utf8'));
  e.run.commit = sha;
  writeFileSync(evidenceFile, JSON.stringify(e));
  return {
    ws,
    sha,
    evidenceFile,
    evidence: () => JSON.parse(readFileSync(evidenceFile, 'utf8')),
    write: (x) => writeFileSync(evidenceFile, JSON.stringify(x)),
  };
}

describe('controlgate evidence verify', () => {
  it('recomputes the evidence at the recorded commit and passes when nothing was changed', () => {
    const r = verifiedRepo();
    expect(r.evidence().configuration.files).toEqual([{ path: '.controlgate.yml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(r.evidence().waivers.some((w: any) => w.source === 'config' && w.status === 'applied')).toBe(true);
    const ok = runCli(['evidence', 'verify', r.evidenceFile, '--repo', r.ws], r.ws);
    expect(ok.stdout).toMatch(/^evidence verifies: 1 file\(s\) match the git commit .*recomputed and equal to the evidence/m);
    expect(ok.code).toBe(0);
  });

  // Each tampering of the evidence file, and the message verify must give.
  const tamperings: Array<[string, (e: any) => void, RegExp]> = [
    ['result.findings set to 0 and passed to true', (e) => Object.assign(e.result, { findings: 0, passed: true }), /^MISMATCH recomputed-differs result: findings: evidence says 0, recomputed \d+$/m],
    ['a finding deleted', (e) => e.findings.splice(e.findings.findIndex((f: any) => !f.waiver), 1), /^MISMATCH recomputed-differs findings\[.+\]: recomputed, but missing from the evidence$/m],
    ['a severity changed', (e) => (e.findings.find((f: any) => f.severity === 'high').severity = 'low'), /^MISMATCH recomputed-differs findings\[.+\]: severity: evidence says "low", recomputed "high"$/m],
    ['configuration.failOn set to never', (e) => (e.configuration.failOn = 'never'), /^MISMATCH configuration-differs configuration.failOn: evidence says "never", but its settings say "high"$/m],
    ['every evaluation marked passed', (e) => e.evaluations.forEach((x: any) => (x.status = 'passed')), /^MISMATCH recomputed-differs evaluations\[.+\]: status: evidence says "passed", recomputed "failed"$/m],
    ['a file entry dropped', (e) => e.files.pop(), /^MISMATCH recomputed-differs files\[infra\/main\.tf\]: recomputed, but missing from the evidence$/m],
    ['a waiver reason changed', (e) => (e.waivers.find((w: any) => w.source === 'config').reason = 'approved by the CISO'), /^MISMATCH recomputed-differs waivers\[config:\.controlgate\.yml#1\]: reason: evidence says "approved by the CISO", recomputed "bastion reachable/m],
  ];
  it.each(tamperings)('fails when %s, saying what differs', (_name, tamper, message) => {
    const r = verifiedRepo();
    const e = r.evidence();
    tamper(e);
    r.write(e);
    const bad = runCli(['evidence', 'verify', r.evidenceFile, '--repo', r.ws], r.ws);
    expect(bad.stdout).toMatch(message);
    expect(bad.stdout).toMatch(/^evidence does not verify: \d+ mismatch/m);
    expect(bad.code).toBe(1);
  });

  it('fails when failOn is changed consistently (settings and digest too): the verdict no longer follows', () => {
    const r = verifiedRepo();
    // The run's fail-on came from the configuration file: re-reading it contradicts "never".
    const e = r.evidence();
    e.configuration.failOn = 'never';
    e.configuration.settings.failOn = 'never';
    e.configuration.sha256 = createHash('sha256').update(canonicalJson(e.configuration.settings)).digest('hex');
    r.write(e);
    const bad = runCli(['evidence', 'verify', r.evidenceFile, '--repo', r.ws], r.ws);
    expect(bad.stdout).toMatch(/^MISMATCH configuration-differs configuration.settings: failOn: evidence says "never", recomputed "high"$/m);
    expect(bad.code).toBe(1);
  });

  it('says so when a central waiver was changed after the run (working tree, no commit)', () => {
    const r = verifiedRepo();
    const e = r.evidence();
    e.run.commit = '0'.repeat(40);
    r.write(e);
    const cfg = path.join(r.ws, '.controlgate.yml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('office range only', 'anywhere'));
    const bad = runCli(['evidence', 'verify', r.evidenceFile, '--repo', r.ws], r.ws);
    expect(bad.stdout).toMatch(/^MISMATCH config-file-changed \.controlgate\.yml: sha256 is [0-9a-f]{64}, evidence says [0-9a-f]{64}$/m);
    expect(bad.code).toBe(1);
  });

  it('reports a tampered file and a different bundle, and takes the recorded bundle with --bundle', () => {
    const r = verifiedRepo();
    const e = r.evidence();
    writeFileSync(path.join(r.ws, 'infra', 'main.tf'), readFileSync(path.join(r.ws, 'infra', 'main.tf'), 'utf8').replace('optional', 'required'));
    e.run.commit = '0'.repeat(40);
    e.policyBundle.sha256 = 'f'.repeat(64);
    r.write(e);
    const bad = runCli(['evidence', 'verify', r.evidenceFile, '--repo', r.ws], r.ws);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^MISMATCH bundle-differs: the evidence was produced with policy bundle sha256 f{64}, but this installation's policy\.wasm has [0-9a-f]{64}: the findings were not recomputed\. Pass --bundle/m);
    expect(bad.stdout).toMatch(/^MISMATCH file-changed infra\/main\.tf: sha256 is [0-9a-f]{64}, evidence says /m);
    const other = mkdtempSync(path.join(tmpdir(), 'cg-bundle-'));
    writeFileSync(path.join(other, 'policy.wasm'), 'not the bundle');
    cpSync(path.join(distDir, 'catalog.json'), path.join(other, 'catalog.json'));
    const given = runCli(['evidence', 'verify', r.evidenceFile, '--repo', r.ws, '--bundle', other], r.ws);
    expect(given.stdout).toMatch(/but the bundle given \(.*\) policy\.wasm has/);
  });

  it('reports a malformed evidence file', async () => {
    expect((await verifyEvidence({ hello: 1 }, { repo: '.', assetsDir: distDir })).problems[0]?.kind).toBe('malformed');
  });
});
