// The evidence an auditor sees, from a realistic pull request run of the bundled action against the
// GitHub stand-in: the base branch moved (GitHub's merge commit is scanned at depth 1), the pull
// request adds a waiver its author approved, a central waiver with a ticket applies, a finding of the
// first push is fixed by the second, and the check is required by a ruleset of main. The second run's
// evidence is checked here and its Markdown is docs/examples/evidence.md.
//
// Regenerate the example after a change of rules or of the report:
//   CONTROLGATE_UPDATE_EXAMPLE=1 npx vitest run tests/evidence-example.test.ts
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { runActionAsync, runCli, type ActionRun } from './helpers/run.js';
import { GitHubMock } from './helpers/github-mock.js';
import { writePullRequestEvent } from './helpers/pr-fixture.js';
import { parsePatch } from '../src/scope/diff.js';
import type { Evidence } from '../src/report/evidence/evidence.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);
const EXAMPLE = path.join(repoRoot, 'docs', 'examples', 'evidence.md');
const ACTION_SHA = '3f8e1c2a9b7d4e6f0a1b2c3d4e5f60718293a4b5';

// Fixed commit identities and dates: the same content gives the same SHAs on every machine.
const GIT_ENV = { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_AUTHOR_DATE: '2026-11-30T09:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T09:00:00Z' };
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });

const WORKFLOW = `name: controlgate
on: pull_request
permissions:
  contents: read
  pull-requests: write
jobs:
  scan:
    name: Controlgate
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: acme/controlgate@${ACTION_SHA}
        with:
          paths: infra
          evidence-file: evidence/controlgate-evidence.json
`;
const CONFIG = `fail-on: high
waivers:
  - rule: SEG-AWS-001
    resource: aws_subnet.public
    reason: "Public subnet hosts the internet-facing load balancer only; reviewed quarterly"
    approver: sec-lead@example.com
    ticket: SEC-112
    expires: 2027-06-30
`;
const BASE_TOP = 'resource "aws_subnet" "added_on_main" {\n  vpc_id                  = "vpc-0123"\n  map_public_ip_on_launch = true\n}\n\n';

interface Scenario {
  origin: string;
  base: string;
  eventPath: string;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture: "${from}" not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

/** origin with main (moved after the branch was cut) and the pull request's branch "bigger-web". */
function scenario(): Scenario {
  const origin = mkdtempSync(path.join(tmpdir(), 'cg-example-origin-'));
  git(origin, 'init', '-q');
  mkdirSync(path.join(origin, 'infra'));
  mkdirSync(path.join(origin, '.github', 'workflows'), { recursive: true });
  cpSync(path.join(repoRoot, 'examples', 'insecure', 'main.tf'), path.join(origin, 'infra', 'main.tf'));
  writeFileSync(path.join(origin, '.github', 'workflows', 'controlgate.yml'), WORKFLOW);
  writeFileSync(path.join(origin, '.controlgate.yml'), CONFIG);
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'infrastructure');
  git(origin, 'checkout', '-q', '-b', 'bigger-web');
  const tf = path.join(origin, 'infra', 'main.tf');
  edit(tf, 'instance_type = "t3.micro"', 'instance_type = "t3.large"');
  edit(
    tf,
    'resource "aws_instance" "web" {',
    '# controlgate:ignore VMH-AWS-002 reason="root volume holds only the AMI; data lives on encrypted EFS" expires=2027-03-31 approver="dev" ticket="OPS-77"\nresource "aws_instance" "web" {',
  );
  git(origin, 'commit', '-q', '-am', 'bigger web instance');
  git(origin, 'checkout', '-q', 'main');
  writeFileSync(tf, BASE_TOP + readFileSync(tf, 'utf8'));
  git(origin, 'commit', '-q', '-am', 'main moves on');
  const base = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'cg-example-event-')), 'event.json');
  return { origin, base, eventPath };
}

/** GitHub's merge commit of the branch into main, refs/pull/7/merge, and the event for it. */
function mergeRef(s: Scenario): { head: string; merge: string } {
  const head = git(s.origin, 'rev-parse', 'bigger-web').trim();
  git(s.origin, 'checkout', '-q', '--detach', s.base);
  git(s.origin, 'merge', '-q', '--no-ff', '--no-edit', head);
  const merge = git(s.origin, 'rev-parse', 'HEAD').trim();
  git(s.origin, 'update-ref', 'refs/pull/7/merge', merge);
  git(s.origin, 'checkout', '-q', 'bigger-web');
  writePullRequestEvent(s.eventPath, { base: s.base, head, headRef: 'bigger-web', author: 'dev' });

  return { head, merge };
}

/** The pull request's files as the files API gives them: the diff of the merge base and the head. */
function pullFiles(s: Scenario, head: string): { files: Array<{ filename: string; status: string; patch: string; sha: string }>; diffLines: Record<string, number[]> } {
  const names = git(s.origin, 'diff', '--name-only', `${s.base}...${head}`).trim().split('\n').filter(Boolean);
  const files = names.map((filename) => {
    const diff = git(s.origin, 'diff', '-U3', `${s.base}...${head}`, '--', filename);
    return { filename, status: 'modified', patch: diff.slice(diff.indexOf('@@')), sha: git(s.origin, 'rev-parse', `${head}:${filename}`).trim() };
  });
  return { files, diffLines: Object.fromEntries(files.map((f) => [f.filename, parsePatch(f.patch).inDiff])) };
}

/** actions/checkout for pull_request: the merge ref at depth 1. */
function checkout(s: Scenario, merge: string): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-example-ws-'));
  git(ws, 'init', '-q');
  git(ws, 'remote', 'add', 'origin', `file://${s.origin}`);
  git(ws, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${merge}:refs/remotes/pull/7/merge`);
  git(ws, 'checkout', '-q', '--detach', 'refs/remotes/pull/7/merge');
  return ws;
}

function runnerEnv(s: Scenario, merge: string, mock: GitHubMock, attempt: string): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: s.eventPath,
    GITHUB_API_URL: mock.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: merge,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKFLOW: 'controlgate',
    GITHUB_WORKFLOW_REF: 'acme/infra/.github/workflows/controlgate.yml@refs/pull/7/merge',
    GITHUB_JOB: 'scan',
    GITHUB_ACTION: '__acme_controlgate',
    GITHUB_ACTION_REPOSITORY: 'acme/controlgate',
    GITHUB_ACTION_REF: ACTION_SHA,
    GITHUB_RUN_ID: '12345678901',
    GITHUB_RUN_ATTEMPT: attempt,
    GITHUB_ACTOR: 'dev',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: 'github-hosted',
    ImageOS: 'ubuntu24',
    ImageVersion: '20261124.1.0',
    CONTROLGATE_WRITE_INTERVAL_MS: '0',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'protocol.file.allow',
    GIT_CONFIG_VALUE_0: 'always',
  };
}

const INPUTS = { paths: 'infra', 'pr-comments': 'true', 'github-token': 'ghs_example', 'evidence-file': 'evidence/controlgate-evidence.json' };
const RULES = { main: [{ type: 'required_status_checks', parameters: { strict_required_status_checks_policy: true, required_status_checks: [{ context: 'Controlgate' }] } }] };

let mock: GitHubMock | undefined;
let first: ActionRun;
let second: ActionRun;
let evidence: Evidence;
let markdown: string;
let heads: string[] = [];
let workspace = '';
let origin = '';
let evidenceFile = '';

beforeAll(async () => {
  const s = scenario();
  origin = s.origin;
  // First push: IMDSv1 on the web instance is reported and commented on.
  const one = mergeRef(s);
  const p1 = pullFiles(s, one.head);
  mock = new GitHubMock({ files: p1.files, diffLines: p1.diffLines, branchRules: RULES });
  await mock.start();
  first = await runActionAsync(checkout(s, one.merge), INPUTS, runnerEnv(s, one.merge, mock, '1'));
  // Second push fixes it; the comment is marked fixed and the evidence records the fix.
  edit(path.join(s.origin, 'infra', 'main.tf'), 'http_tokens   = "optional"', 'http_tokens   = "required"');
  git(s.origin, 'commit', '-q', '-am', 'require IMDSv2');
  const two = mergeRef(s);
  const p2 = pullFiles(s, two.head);
  (mock.o.files as unknown[]).splice(0, Infinity, ...p2.files);
  Object.assign(mock.o.diffLines!, p2.diffLines);
  const ws = checkout(s, two.merge);
  second = await runActionAsync(ws, INPUTS, runnerEnv(s, two.merge, mock, '1'));
  heads = [one.head, two.head];
  workspace = ws;
  evidenceFile = path.join(ws, 'evidence', 'controlgate-evidence.json');
  evidence = JSON.parse(readFileSync(evidenceFile, 'utf8')) as Evidence;
  markdown = readFileSync(path.join(ws, 'evidence', 'controlgate-evidence.md'), 'utf8');
}, 120_000);

afterAll(async () => {
  await mock?.stop();
});

/** The example without what differs from run to run (times, Node.js, digests, versions): its shape. */
function shape(md: string): string[] {
  return md
    .split('\n')
    // Table rows and list items hold data (rules, catalog text); their headers and the prose are the shape.
    .filter((l) => (!/^\| [^-]/.test(l) || /^\| (Control|Waiver|Severity|Item|File|Finding fingerprint) \|/.test(l)) && !l.startsWith('- '))
    .map((l) => l.replace(/[0-9a-f]{40,64}/g, '<hex>').replace(/\d+/g, '<n>'));
}

describe('the evidence of a realistic pull request run', () => {
  it('runs as the runner runs it, without a request GitHub would refuse', () => {
    expect(first.stderr).not.toMatch(/internal error/);
    expect(second.stderr).not.toMatch(/internal error/);
    expect(mock!.violations).toEqual([]);
    expect(second.summary).toMatch(/1 marked fixed/);
  });

  it('validates against the published schema, and records the change, its scope and its enforcement', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'schemas', 'evidence.schema.json'), 'utf8')));
    expect(validate(evidence) ? [] : validate.errors).toEqual([]);
    expect(evidence.change).toMatchObject({ pullRequest: 7, author: 'dev', headSha: heads[1], baseRef: 'main', scanned: 'merge-commit' });
    expect(evidence.run).toMatchObject({ action: { repository: 'acme/controlgate', ref: ACTION_SHA, sha: ACTION_SHA }, runner: { os: 'Linux', imageOS: 'ubuntu24', imageVersion: '20261124.1.0' }, node: process.version });
    expect(evidence.enforcement).toMatchObject({ requiredCheck: 'required', continueOnError: false, verdict: evidence.result.passed ? 'passed' : 'failed' });
    // Counts reconcile: in scope + out of scope = all, and fail-on counts only in-scope findings.
    expect(evidence.scope.findingsInScope + evidence.scope.findingsOutOfScope).toBe(evidence.result.findings);
    expect(evidence.findings.filter((f) => f.inScope)).toHaveLength(evidence.scope.findingsInScope);
    // The base's own subnet is in the scanned merge commit but not the pull request's.
    expect(evidence.findings.filter((f) => f.resource === 'aws_subnet.added_on_main').every((f) => !f.inScope)).toBe(true);
    expect(evidence.findings.some((f) => f.resource === 'aws_subnet.added_on_main')).toBe(true);
  });

  it('flags the waiver the pull request added and its author approved, and keeps the central one with its ticket', () => {
    const inline = evidence.waivers.find((w) => w.source === 'inline' && w.rule === 'VMH-AWS-002')!;
    expect(inline).toMatchObject({ inPullRequest: true, approverIsAuthor: true, approver: 'dev', ticket: 'OPS-77', status: 'applied' });
    const central = evidence.waivers.find((w) => w.source === 'config')!;
    expect(central).toMatchObject({ inPullRequest: false, approverIsAuthor: false, approver: 'sec-lead@example.com', ticket: 'SEC-112', status: 'applied' });
    expect(markdown).toContain('`sec-lead@example.com`');
    expect(markdown).not.toContain('\u200b');
  });

  it('records the finding fixed by the second push', () => {
    expect(evidence.remediation).toEqual([{ fingerprint: expect.any(String), fixedIn: heads[1], commentId: expect.any(Number) }]);
    expect(evidence.findings.some((f) => f.fingerprint === evidence.remediation![0]!.fingerprint)).toBe(false);
  });

  it('verifies: evidence verify recomputes it from the scanned merge commit', () => {
    const ok = runCli(['evidence', 'verify', evidenceFile, '--repo', workspace], workspace);
    expect(ok.stdout).toMatch(/^evidence verifies: 1 file\(s\) match the git commit /m);
    expect(ok.code).toBe(0);
    // The fix recorded, the waiver flags and the scope are not derivable from files: a flipped scope flag of a failing finding is still caught by the counts.
    const e = JSON.parse(readFileSync(evidenceFile, 'utf8')) as Evidence;
    const high = e.findings.find((f) => f.severity === 'high' && !f.inScope && !f.waiver)!;
    high.inScope = true;
    writeFileSync(evidenceFile, JSON.stringify(e));
    const bad = runCli(['evidence', 'verify', evidenceFile, '--repo', workspace], workspace);
    expect(bad.stdout).toMatch(/^MISMATCH recomputed-differs result: failing: evidence says 0, recomputed 1$/m);
    expect(bad.code).toBe(1);
  });

  it('recomputes the scope from git when the repository holds the base, head and merge base: a finding moved out of scope is caught', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-example-full-'));
    git(ws, 'clone', '-q', `file://${origin}`, '.');
    git(ws, 'fetch', '-q', 'origin', '+refs/pull/7/merge:refs/pull/7/merge');
    const file = path.join(ws, 'evidence.json');
    writeFileSync(file, JSON.stringify(evidence));
    const ok = runCli(['evidence', 'verify', file, '--repo', ws], ws);
    expect(ok.stdout).toMatch(/and equal to the evidence; pull-request scope recomputed from git$/m);
    expect(ok.code).toBe(0);
    // Move an in-scope finding out of scope, counts adjusted so that they still reconcile.
    const e = structuredClone(evidence);
    const f = e.findings.find((x) => x.inScope)!;
    f.inScope = false;
    e.scope.findingsInScope--;
    e.scope.findingsOutOfScope++;
    writeFileSync(file, JSON.stringify(e));
    const bad = runCli(['evidence', 'verify', file, '--repo', ws], ws);
    expect(bad.stdout).toMatch(/^MISMATCH recomputed-differs findings\[.+\]: inScope: evidence says false, recomputed true$/m);
    expect(bad.code).toBe(1);
  });

  it('is the committed example docs/examples/evidence.md (regenerate with CONTROLGATE_UPDATE_EXAMPLE=1)', () => {
    if (process.env.CONTROLGATE_UPDATE_EXAMPLE) {
      mkdirSync(path.dirname(EXAMPLE), { recursive: true });
      writeFileSync(EXAMPLE, markdown);
    }
    expect(existsSync(EXAMPLE)).toBe(true);
    // Rows change with the rules; the sections, tables and statements must be those of today's report.
    expect(shape(readFileSync(EXAMPLE, 'utf8'))).toEqual(shape(markdown));
  });
});

