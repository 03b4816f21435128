// The bundled action on a pull_request event, run as the runner runs it (its own node process), with a
// fixture git repository and a local stand-in for GitHub's REST API that validates every request
// against GitHub's OpenAPI description. Covers scope from git diff and from the files API, review
// comments and the sticky summary (idempotent re-runs, fixed findings), SARIF, and degradation for
// read-only tokens and fork pull requests.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sarifValidator } from './helpers/sarif-validator.js';
import { runActionAsync } from './helpers/run.js';
import { GitHubMock } from './helpers/github-mock.js';
import { env, fixtureRepo, git } from './helpers/pr-fixture.js';
import { Outputs } from '../src/action/names.js';

const PATCH = '@@ -6,7 +6,7 @@ provider "aws" {\n \n resource "aws_instance" "web" {\n   ami           = "ami-0c1c30571d2dae5c9"\n-  instance_type = "t3.micro"\n+  instance_type = "t3.large"\n   subnet_id     = aws_subnet.public.id\n \n   metadata_options {';

const inputs = { paths: 'infra', 'fail-on': 'high', 'pr-comments': 'true', 'github-token': 'write-token', 'sarif-file': 'out/controlgate.sarif' };
const commands = (stdout: string): string[] => stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));

let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

describe('the action on a pull request', () => {
  it('scopes to the changed block, annotates and comments it, writes SARIF and a summary; a re-run does not spam; a fix is marked', async () => {
    const fx = fixtureRepo();
    // GitHub places review comments only on lines of its diff (3 lines of context around line 9).
    mock = new GitHubMock({ files: [{ filename: 'infra/main.tf', status: 'modified', patch: PATCH }], secondaryRateLimits: 1, diffLines: { 'infra/main.tf': [6, 7, 8, 9, 10, 11, 12] } });
    await mock.start();
    const r = await runActionAsync(fx.ws, inputs, env(fx, mock));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1); // VMH-AWS-001 (high) is in the changed block
    const cmds = commands(r.stdout);
    // Only findings of the changed resource are annotated.
    expect(cmds.length).toBeGreaterThan(0);
    for (const c of cmds) expect(c).toMatch(/file=infra\/main\.tf,line=(7|8|9|1\d|2[0-3]),/);
    expect(cmds).toContainEqual(expect.stringMatching(/^::error title=VMH-AWS-001 · CLD\.9\.5\.2 · high,file=infra\/main\.tf,line=14,/));
    expect(cmds.filter((c) => c.includes('packer'))).toEqual([]);

    // Summary: the scope, the out-of-scope findings still listed, the comments posted, SARIF.
    expect(r.summary).toMatch(/Scope: `changed-lines` \(changes from git diff against the base commit\): \d+ finding\(s\) in scope, \d+ outside the changes/);
    expect(r.summary).toMatch(/\| SEG-AWS-001 \| CLD\.9\.5\.1, CLD\.13\.1\.4 \| infra\/main\.tf:54 \|.*\| outside the changes \|/);
    expect(r.summary).toContain('outside the changes |');
    expect(r.summary).toMatch(/Pull request #7: \d+ new review comment\(s\), 0 already commented, 0 marked fixed; summary comment created\./);
    expect(r.summary).toContain('SARIF 2.1.0 written to `out/controlgate.sarif`');

    // GitHub: one review with a comment per in-scope finding on a changed/diff line, one sticky comment.
    expect(mock.violations).toEqual([]);
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: fx.head });
    const first = mock.reviewComments.map((c) => ({ ...c }));
    expect(first.length).toBeGreaterThan(0);
    const vmh = first.find((c) => c.body.includes('VMH-AWS-001'))!;
    // IMDSv1 is on line 14, outside the diff: the comment goes on the block's changed line and says where.
    expect(vmh).toMatchObject({ path: 'infra/main.tf', line: 9 });
    expect(vmh.body).toContain('On line 14 of this file');
    expect(first.every((c) => [6, 7, 8, 9, 10, 11, 12].includes(c.line!))).toBe(true);
    expect(vmh.body).toContain('CLD.9.5.2');
    expect(vmh.body).toContain('**Fix:**');
    expect(vmh.body).toContain('(https://github.com/acme/controlgate/blob/v1/docs/rules/VMH-AWS-001.md)');
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.issueComments[0]!.body).toContain('<!-- controlgate:summary -->');
    // The secondary rate limit was honoured (retried once, nothing lost).
    expect(r.stdout).toMatch(/GitHub answered secondary rate limit to POST \S+; retrying in 1s \(attempt 2 of 4\)/);
    expect(mock.requests.filter((q) => q.method !== 'GET').length).toBeGreaterThanOrEqual(3);
    // The token is masked for the runner and written nowhere else (retry logs, errors).
    expect((r.stdout + r.stderr).split('\n').filter((l) => l.includes('write-token'))).toEqual(['::add-mask::write-token']);
    // The git diff was used: the files API was not needed.
    expect(mock.requests.some((q) => q.operation.endsWith('/files'))).toBe(false);

    // Outputs and SARIF (every finding, in scope or not).
    const sarifPath = r.outputs[Outputs.SarifFile]!;
    expect(sarifPath).toBe(path.join(fx.ws, 'out', 'controlgate.sarif'));
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results.length).toBe(Number(r.outputs[Outputs.Findings]));
    expect(sarif.runs[0].results.some((x: any) => x.properties.inPullRequestScope === false)).toBe(true);
    if (process.env.CONTROLGATE_DUMP) {
      writeFileSync(path.join(process.env.CONTROLGATE_DUMP, 'summary.md'), r.summary);
      writeFileSync(path.join(process.env.CONTROLGATE_DUMP, 'review-comment.md'), vmh.body);
      writeFileSync(path.join(process.env.CONTROLGATE_DUMP, 'sticky.md'), mock.issueComments[0]!.body);
    }

    // Re-run on the same commit: no new review, no duplicate comment, the sticky comment updated in place.
    const r2 = await runActionAsync(fx.ws, inputs, env(fx, mock));
    expect(r2.code).toBe(1);
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviewComments).toHaveLength(first.length);
    expect(mock.issueComments).toHaveLength(1);
    expect(r2.summary).toMatch(new RegExp(`Pull request #7: 0 new review comment\\(s\\), ${first.length} already commented, 0 marked fixed; summary comment updated\\.`));

    // Fix IMDSv1 in a new commit: its comment is edited to say so.
    const f = path.join(fx.ws, 'infra', 'main.tf');
    writeFileSync(f, readFileSync(f, 'utf8').replace('http_tokens   = "optional"', 'http_tokens   = "required"'));
    git(fx.ws, 'commit', '-q', '-am', 'require IMDSv2');
    const r3 = await runActionAsync(fx.ws, inputs, env(fx, mock));
    expect(r3.summary).toMatch(/1 marked fixed/);
    const fixed = mock.reviewComments.find((c) => c.id === vmh.id)!;
    expect(fixed.body).toMatch(/^✅ \*\*Fixed\*\*/);
    expect(mock.reviews).toHaveLength(1);
    expect(mock.violations).toEqual([]);
  });

  it('falls back to the files API when the base commit is not in the checkout', async () => {
    const fx = fixtureRepo();
    const ev = JSON.parse(readFileSync(fx.eventPath, 'utf8'));
    ev.pull_request.base.sha = 'f'.repeat(40); // not in this (shallow-like) checkout
    writeFileSync(fx.eventPath, JSON.stringify(ev));
    mock = new GitHubMock({ files: [{ filename: 'infra/main.tf', status: 'modified', patch: PATCH }] });
    await mock.start();
    const r = await runActionAsync(fx.ws, { ...inputs, 'pr-comments': 'false' }, env(fx, mock));
    expect(r.summary).toMatch(/Scope: `changed-lines` \(changes from the pull request's files API\)/);
    expect(mock.requests.filter((q) => q.operation.endsWith('/files'))).toHaveLength(1);
    expect(mock.requests.filter((q) => q.method !== 'GET')).toEqual([]);
    expect(commands(r.stdout)).toContainEqual(expect.stringMatching(/VMH-AWS-001.*line=14,/));
    for (const c of commands(r.stdout)) expect(c).toMatch(/file=infra\/main\.tf,line=(7|8|9|1\d|2[0-3]),/);
    expect(mock.violations).toEqual([]);
  });

  it('degrades to annotations, summary and SARIF when the token is read-only, without failing for it', async () => {
    const fx = fixtureRepo();
    mock = new GitHubMock({ readOnlyTokens: ['read-only'] });
    await mock.start();
    const r = await runActionAsync(fx.ws, { ...inputs, 'github-token': 'read-only', 'fail-on': 'never' }, env(fx, mock));
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/Review comments were not posted: GitHub refused the write \(403 Resource not accessible by integration\): the token is read-only or lacks `pull-requests: write`/);
    expect(commands(r.stdout).length).toBeGreaterThan(0);
    expect(r.outputs[Outputs.SarifFile]).toMatch(/controlgate\.sarif$/);
    expect(mock.reviewComments).toEqual([]);
    expect(mock.violations).toEqual([]);
  });

  it('does not try to write on a fork pull request, and says so', async () => {
    const fx = fixtureRepo({ fork: true });
    mock = new GitHubMock();
    await mock.start();
    const r = await runActionAsync(fx.ws, { ...inputs, 'fail-on': 'never' }, env(fx, mock));
    expect(r.code).toBe(0);
    expect(r.summary).toContain('this pull request comes from a fork');
    expect(mock.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  });

  it('scope all on a pull request annotates everything, changed lines first within a severity', async () => {
    const fx = fixtureRepo();
    mock = new GitHubMock();
    await mock.start();
    const r = await runActionAsync(fx.ws, { ...inputs, scope: 'all', 'pr-comments': 'false', 'fail-on': 'never' }, env(fx, mock));
    expect(r.summary).toMatch(/Scope: `all`: \d+ finding\(s\) in scope\./);
    const errs = commands(r.stdout).filter((c) => c.startsWith('::error'));
    expect(errs[0]).toMatch(/file=infra\/main\.tf,line=(1\d|2[0-3]),/); // a high finding of the changed block first
    expect(commands(r.stdout).some((c) => c.includes('packer'))).toBe(true);
  });

  it('rejects an unknown scope', async () => {
    const fx = fixtureRepo();
    mock = new GitHubMock();
    await mock.start();
    const r = await runActionAsync(fx.ws, { ...inputs, scope: 'some' }, env(fx, mock));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/::error::Controlgate: scope must be one of changed-lines, changed-files, all/);
  });
});
