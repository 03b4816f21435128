// The bundled action on a pull request whose base branch moved after the branch was cut: main added
// five lines (a bucket) at the top of the file the pull request edits. actions/checkout checks out
// GitHub's merge commit (refs/pull/N/merge), whose lines are the head's shifted by five; review
// comments, annotations and the files API speak of the head's lines. Run at full depth and at depth 1
// (actions/checkout's default), against a local "origin" the action may fetch the head from.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { runActionAsync, type ActionRun } from './helpers/run.js';
import { GitHubMock } from './helpers/github-mock.js';
import { writePullRequestEvent } from './helpers/pr-fixture.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'protocol.file.allow=always', ...args], { cwd, encoding: 'utf8' });

// What main added on top of the file after the pull request branched off: a finding of its own.
const BASE_TOP = 'resource "aws_subnet" "added_on_main" {\n  vpc_id                  = "vpc-0123"\n  map_public_ip_on_launch = true\n}\n\n';

interface MovedBase {
  origin: string;
  base: string;
  head: string;
  merge: string;
  eventPath: string;
}

/** origin: main (moved by five lines), feature (the pull request), refs/pull/7/merge (GitHub's merge commit). */
function movedBaseOrigin(): MovedBase {
  const origin = mkdtempSync(path.join(tmpdir(), 'cg-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(origin, 'infra'));
  const file = path.join(origin, 'infra', 'main.tf');
  cpSync(path.join(repoRoot, 'examples', 'insecure', 'main.tf'), file);
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'first');
  git(origin, 'checkout', '-q', '-b', 'feature');
  writeFileSync(file, readFileSync(file, 'utf8').replace('instance_type = "t3.micro"', 'instance_type = "t3.large"'));
  git(origin, 'commit', '-q', '-am', 'bigger instance');
  const head = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '-q', 'main');
  writeFileSync(file, BASE_TOP + readFileSync(file, 'utf8'));
  git(origin, 'commit', '-q', '-am', 'main moves on');
  const base = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'checkout', '-q', '--detach', base);
  git(origin, 'merge', '-q', '--no-ff', '--no-edit', head);
  const merge = git(origin, 'rev-parse', 'HEAD').trim();
  git(origin, 'update-ref', 'refs/pull/7/merge', merge);
  git(origin, 'update-ref', 'refs/pull/7/head', head);
  git(origin, 'checkout', '-q', 'main');
  git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true');
  const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'cg-event-')), 'event.json');
  writePullRequestEvent(eventPath, { base, head, headRef: 'feature', author: 'dev' });

  return { origin, base, head, merge, eventPath };
}

/** What actions/checkout does for pull_request: fetch refs/pull/7/merge (at a depth) and check it out. */
function checkoutMerge(o: MovedBase, depth: number | 'full'): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-ws-'));
  git(ws, 'init', '-q');
  git(ws, 'remote', 'add', 'origin', `file://${o.origin}`);
  const depthArgs = depth === 'full' ? [] : [`--depth=${depth}`];
  git(ws, 'fetch', '-q', '--no-tags', ...depthArgs, 'origin', `+${o.merge}:refs/remotes/pull/7/merge`, ...(depth === 'full' ? ['+refs/heads/*:refs/remotes/origin/*'] : []));
  git(ws, 'checkout', '-q', '--detach', 'refs/remotes/pull/7/merge');
  return ws;
}

// The pull request's diff as GitHub computes it (head's lines) and where it accepts review comments.
const PATCH = '@@ -6,7 +6,7 @@ provider "aws" {\n \n resource "aws_instance" "web" {\n   ami           = "ami-0c1c30571d2dae5c9"\n-  instance_type = "t3.micro"\n+  instance_type = "t3.large"\n   subnet_id     = aws_subnet.public.id\n \n   metadata_options {';
const DIFF_LINES = { 'infra/main.tf': [6, 7, 8, 9, 10, 11, 12] };

function env(o: MovedBase, mock: GitHubMock): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: o.eventPath,
    GITHUB_API_URL: mock.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_SHA: o.merge,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: '42',
    CONTROLGATE_WRITE_INTERVAL_MS: '0',
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'protocol.file.allow',
    GIT_CONFIG_VALUE_0: 'always',
  };
}

const inputs = { paths: 'infra', 'fail-on': 'high', 'pr-comments': 'true', 'github-token': 'write-token', 'evidence-file': 'out/evidence.json' };
const commands = (stdout: string): string[] => stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
const lineOf = (cmd: string): number => Number(/,line=(\d+),/.exec(cmd)?.[1]);

let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

/** The same pull request without the base having moved: the lines every run above must reproduce. */
async function reference(o: MovedBase): Promise<ActionRun> {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-ref-'));
  git(ws, 'clone', '-q', `file://${o.origin}`, '.');
  git(ws, 'checkout', '-q', '--detach', o.head);
  const m = new GitHubMock({ files: [{ filename: 'infra/main.tf', status: 'modified', patch: PATCH }], diffLines: DIFF_LINES });
  await m.start();
  try {
    return await runActionAsync(ws, { ...inputs, 'pr-comments': 'false' }, { ...env(o, m), GITHUB_SHA: o.head });
  } finally {
    await m.stop();
  }
}

function expectHeadLines(r: ActionRun, ref: ActionRun, m: GitHubMock, o: MovedBase): void {
  expect(r.stderr).not.toMatch(/internal error/);
  expect(m.violations).toEqual([]);
  // Annotations: the same findings on the same (head) lines as without the moved base; nothing from main's bucket.
  expect(commands(r.stdout)).toEqual(commands(ref.stdout));
  expect(commands(r.stdout).length).toBeGreaterThan(0);
  expect(r.stdout).not.toContain('added_on_main');
  expect(commands(r.stdout)).toContainEqual(expect.stringMatching(/^::error title=VMH-AWS-001 · CLD\.9\.5\.2 · high,file=infra\/main\.tf,line=14,/));
  // fail-on counts the same findings.
  expect(r.code).toBe(ref.code);
  expect(r.code).toBe(1);
  // One review, every comment on a head line of GitHub's diff, nothing left unplaced, no 422 fallback.
  expect(m.reviews).toHaveLength(1);
  expect(m.reviews[0]!.commit_id).toBe(o.head);
  expect(m.requests.filter((q) => q.operation === 'POST /repos/{owner}/{repo}/pulls/{pull_number}/comments')).toEqual([]);
  expect(m.reviewComments.length).toBeGreaterThan(0);
  for (const c of m.reviewComments) expect(DIFF_LINES['infra/main.tf']).toContain(c.line);
  expect(m.reviewComments.find((c) => c.body.includes('VMH-AWS-001'))?.body).toContain('On line 14 of this file');
  expect(r.summary).not.toMatch(/not commented on their line/);
  // main's bucket is reported (it is in the scanned merge commit) but outside the pull request's scope.
  expect(r.summary).toMatch(/\d+ finding\(s\) are on lines that exist only in the merge commit/);
  expect(r.summary).toMatch(/added\\_on\\_main.*\| outside the changes \|/);
  for (const l of commands(r.stdout).map(lineOf)) expect(l).toBeLessThanOrEqual(readFileSync(path.join(repoRoot, 'examples', 'insecure', 'main.tf'), 'utf8').split('\n').length);
}

describe('a pull request whose base branch moved', () => {
  it('at full depth: places findings, annotations and review comments on the head lines, from git', async () => {
    const o = movedBaseOrigin();
    const ref = await reference(o);
    const ws = checkoutMerge(o, 'full');
    mock = new GitHubMock({ files: [{ filename: 'infra/main.tf', status: 'modified', patch: PATCH }], diffLines: DIFF_LINES });
    await mock.start();
    const r = await runActionAsync(ws, inputs, env(o, mock));
    expectHeadLines(r, ref, mock, o);
    expect(r.summary).toMatch(/changes from git diff against the base commit/);
    expect(mock.requests.some((q) => q.operation.endsWith('/files'))).toBe(false);
  });

  it('at depth 1 (the actions/checkout default): fetches the head commit and maps the lines the same way', async () => {
    const o = movedBaseOrigin();
    const ref = await reference(o);
    const ws = checkoutMerge(o, 1);
    expect(() => git(ws, 'cat-file', '-e', `${o.head}^{commit}`)).toThrow();
    mock = new GitHubMock({ files: [{ filename: 'infra/main.tf', status: 'modified', patch: PATCH }], diffLines: DIFF_LINES });
    await mock.start();
    const r = await runActionAsync(ws, inputs, env(o, mock));
    expectHeadLines(r, ref, mock, o);
    expect(r.summary).toMatch(/changes from the pull request's files API/);
  });

  it('at depth 1 without access to the head commit: says the lines cannot be placed and keeps the changed file in scope', async () => {
    const o = movedBaseOrigin();
    const ws = checkoutMerge(o, 1);
    git(ws, 'remote', 'set-url', 'origin', `file://${o.origin}-gone`);
    mock = new GitHubMock({ files: [{ filename: 'infra/main.tf', status: 'modified', patch: PATCH }], diffLines: DIFF_LINES });
    await mock.start();
    const r = await runActionAsync(ws, { ...inputs, 'pr-comments': 'false' }, env(o, mock));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.summary).toMatch(/is not the pull request's head .* and the head commit could not be fetched: \d+ finding\(s\) in files that differ from the head could not be placed/);
    expect(r.code).toBe(1);
    expect(mock.violations).toEqual([]);
  });
});

describe('changed lines whatever the scope', () => {
  it('scope all with pr-comments false still computes the changed lines: the changed block is annotated first', async () => {
    const o = movedBaseOrigin();
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-all-'));
    git(ws, 'clone', '-q', `file://${o.origin}`, '.');
    // A pull request that changes the launch template, the last resource of the file.
    git(ws, 'checkout', '-q', '-b', 'lt', o.head);
    const f = path.join(ws, 'infra', 'main.tf');
    writeFileSync(f, readFileSync(f, 'utf8').replace('instance_type = "t3.small"', 'instance_type = "t3.medium"'));
    git(ws, 'commit', '-q', '-am', 'bigger workers');
    const head = git(ws, 'rev-parse', 'HEAD').trim();
    const ev = JSON.parse(readFileSync(o.eventPath, 'utf8'));
    ev.pull_request.base.sha = o.head;
    ev.pull_request.head.sha = head;
    writeFileSync(o.eventPath, JSON.stringify(ev));
    mock = new GitHubMock();
    await mock.start();
    const r = await runActionAsync(ws, { ...inputs, scope: 'all', 'pr-comments': 'false', 'fail-on': 'never' }, { ...env(o, mock), GITHUB_SHA: head });
    const errors = commands(r.stdout).filter((c) => c.startsWith('::error'));
    // Without the changed lines the highs would come in file order (line 14 first); the launch template is at 57-61.
    expect(errors[0]).toMatch(/title=VMH-AWS-001 .*file=infra\/main\.tf,line=57,/);
    expect(r.summary).toMatch(/Scope: `all`/);
  });

  it('when the files API fails, the summary and the summary comment say why the scope became all', async () => {
    const o = movedBaseOrigin();
    const ws = checkoutMerge(o, 1);
    mock = new GitHubMock({ filesError: 500, diffLines: DIFF_LINES });
    await mock.start();
    const r = await runActionAsync(ws, { ...inputs, 'fail-on': 'never' }, env(o, mock));
    expect(r.stderr).not.toMatch(/internal error/);
    const why = /The changed lines could not be determined \(the base and head commits are not both in the checkout and the pull request's files API answered: [^)]*500[^)]*\); every finding is in scope\./;
    expect(r.summary).toMatch(why);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.issueComments[0]!.body).toMatch(why);
    expect(mock.issueComments[0]!.body).toContain('(`all`');
  });
});
