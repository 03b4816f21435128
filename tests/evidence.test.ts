import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { buildEvidence, renderEvidenceJson, type Evidence } from '../src/report/evidence/evidence.js';
import { renderEvidenceMarkdown } from '../src/report/evidence/markdown.js';
import { renderOscal, uuidFor } from '../src/report/evidence/oscal.js';
import { runContext } from '../src/report/evidence/context.js';
import { verifyEvidence } from '../src/report/evidence/verify.js';
import { failingFindings } from '../src/report/text.js';
import { VERSION } from '../src/version.js';
import { distDir, repoRoot, schemasDir } from './helpers/paths.js';
import { runCli } from './helpers/run.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);
const fixture = path.join(repoRoot, 'fixtures', 'evidence');
const NOW = new Date('2026-11-27T12:00:00Z');

async function evidenceFor(root: string, now = NOW, env: NodeJS.ProcessEnv = {}): Promise<Evidence> {
  const result = await scan({ root, paths: ['.'], now });
  const failing = failingFindings(result.findings, 'high').length;
  return buildEvidence({ result, run: runContext(env), failOn: 'high', settings: { paths: ['.'], failOn: 'high' }, failing });
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
      runId: '7', runAttempt: '2', runUrl: 'https://github.com/acme/infra/actions/runs/7/attempts/2', actor: 'octocat',
    });
  });

  it('renders OSCAL assessment-results that validate against the official 1.0.6 schema', async () => {
    const e = await evidenceFor(fixture, NOW, { GITHUB_REPOSITORY: 'acme/infra', GITHUB_SHA: 'f00', GITHUB_RUN_ID: '7' });
    const oscal = JSON.parse(renderOscal(e));
    expect(validator(path.join(schemasDir, 'oscal_assessment-results_schema-1.0.6.json'))(oscal)).toEqual([]);
    const findings = oscal['assessment-results'].results[0].findings as Array<{ target: { 'target-id': string; status: { state: string } } }>;
    expect(findings.find((f) => f.target['target-id'] === 'CLD.9.5.2')?.target.status.state).toBe('not-satisfied');
    expect(uuidFor('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('renders Markdown for an audit binder, escaping what came from files', async () => {
    const e = await evidenceFor(fixture);
    const md = renderEvidenceMarkdown(e, 'a'.repeat(64));
    expect(md).toMatch(/^# Controlgate evidence report/);
    expect(md).toContain('| CLD.9.5.2 | Virtual machine hardening |');
    expect(md).toMatch(/\| infra\/main\.tf:21 \| VMH-AWS-001 \| rejected \|/);
    expect(md).toContain('Needs manual evidence:');
  });
});

describe('controlgate evidence verify', () => {
  it('passes on the files as scanned, and reports a tampered file and a different bundle', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-verify-'));
    cpSync(fixture, ws, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: ws });
    execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'add', '.'], { cwd: ws });
    execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'x'], { cwd: ws });
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws, encoding: 'utf8' }).trim();
    const scanRun = runCli(['scan', '.', '--fail-on', 'never', '--evidence', 'out/evidence.json'], ws);
    expect(scanRun.code).toBe(0);
    const evidenceFile = path.join(ws, 'out', 'evidence.json');
    // Record the commit as the action would (GITHUB_SHA), then verify at that commit.
    const e = JSON.parse(readFileSync(evidenceFile, 'utf8'));
    e.run.commit = sha;
    writeFileSync(evidenceFile, JSON.stringify(e));
    expect(readFileSync(path.join(ws, 'out', 'evidence.md'), 'utf8')).toMatch(/^# Controlgate evidence report/);
    expect(JSON.parse(readFileSync(path.join(ws, 'out', 'evidence.oscal.json'), 'utf8'))['assessment-results']).toBeDefined();

    const ok = runCli(['evidence', 'verify', evidenceFile, '--repo', ws], ws);
    expect(ok.stdout).toMatch(/^evidence verifies: 1 file\(s\) match the git commit/m);
    expect(ok.code).toBe(0);

    // Tamper: at the commit nothing changed, so verify against a commit that is not there (working tree).
    writeFileSync(path.join(ws, 'infra', 'main.tf'), readFileSync(path.join(ws, 'infra', 'main.tf'), 'utf8').replace('optional', 'required'));
    e.run.commit = '0'.repeat(40);
    e.policyBundle.sha256 = 'f'.repeat(64);
    writeFileSync(evidenceFile, JSON.stringify(e));
    const bad = runCli(['evidence', 'verify', evidenceFile, '--repo', ws], ws);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^MISMATCH bundle-differs: /m);
    expect(bad.stdout).toMatch(/^MISMATCH file-changed infra\/main\.tf: sha256 is [0-9a-f]{64}, evidence says /m);
    expect(bad.stdout).toMatch(/evidence does not verify: 2 mismatch/);
  });

  it('reports a malformed evidence file', () => {
    expect(verifyEvidence({ hello: 1 }, '.', distDir).problems[0]?.kind).toBe('malformed');
  });
});
