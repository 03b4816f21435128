// Attack (issue 12, item 8): "PR comments are trusted by marker". Anyone can write
// `<!-- controlgate:finding fp=... -->` or `<!-- controlgate:summary -->` into a comment. Only comments
// authored by the account the token acts as are the action's own: github-actions[bot] for the
// workflow's GITHUB_TOKEN (an installation token, refused GET /user), the login GET /user names for a
// personal access token. Someone else's marked comment neither silences a finding's comment nor is
// ever edited (not rewritten as "Fixed", not used as the summary comment). A refused edit is reported
// as what it is, next to what did get posted. Runs the built action (dist/index.js) against the
// OpenAPI-checked GitHub stand-in on 127.0.0.1.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, GitHubMock, type Comment } from '../helpers/github-mock.js';
import { env, fixtureRepo, git, type Fixture } from '../helpers/pr-fixture.js';
import { runActionAsync } from '../helpers/run.js';

const inputs = { paths: 'infra', 'fail-on': 'high', 'pr-comments': 'true', 'github-token': 'installation-token' };
const DIFF = { 'infra/main.tf': [6, 7, 8, 9, 10, 11, 12] };
const MALLORY = { login: 'mallory', type: 'User' } as const;
const fpOf = (body: string): string => /<!-- controlgate:finding fp=([0-9a-f]+) -->/.exec(body)![1]!;

let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

/** The fingerprint the action gives the IMDSv1 finding of the fixture (learned from a clean run). */
async function imdsFingerprint(fx: Fixture): Promise<string> {
  const clean = new GitHubMock({ diffLines: DIFF });
  await clean.start();
  try {
    await runActionAsync(fx.ws, inputs, env(fx, clean));
    return fpOf(clean.reviewComments.find((c) => c.body.includes('VMH-AWS-001'))!.body);
  } finally {
    await clean.stop();
  }
}

const patches = (m: GitHubMock): string[] => m.requests.filter((q) => q.method === 'PATCH').map((q) => q.path);

describe('comments carrying Controlgate markers written by someone else', () => {
  it('do not stop the action commenting a finding, are never edited or marked fixed, and never become the summary comment', async () => {
    const fx = fixtureRepo();
    const fp = await imdsFingerprint(fx);
    const forged: Comment[] = [
      // A reviewer's comment with the real fingerprint of a finding of this run, and attacker HTML.
      { id: 1, body: `LGTM <img src=x onerror=alert(1)>\n<!-- controlgate:finding fp=${fp} -->`, path: 'infra/main.tf', line: 9, user: MALLORY },
      // One whose finding does not exist: the action would mark its own such comment "Fixed".
      { id: 2, body: `nothing to see\n<!-- controlgate:finding fp=${'e'.repeat(32)} -->`, path: 'infra/main.tf', line: 10, user: MALLORY },
    ];
    const forgedSummary: Comment = { id: 3, body: '<!-- controlgate:summary -->\n### Controlgate: ✅ passed', user: MALLORY };
    mock = new GitHubMock({ diffLines: DIFF });
    mock.reviewComments.push(...forged.map((c) => ({ ...c })));
    mock.issueComments.push({ ...forgedSummary });
    await mock.start();

    const r = await runActionAsync(fx.ws, inputs, env(fx, mock));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(mock.violations).toEqual([]);
    // GET /user was asked and refused (an installation token): the action acts as github-actions[bot].
    expect(mock.requests.some((q) => q.operation === 'GET /user')).toBe(true);
    // The forged comments are untouched and were never the target of an edit.
    expect(mock.reviewComments.filter((c) => c.user === MALLORY)).toEqual(forged);
    expect(mock.issueComments.find((c) => c.id === 3)).toEqual(forgedSummary);
    expect(patches(mock)).toEqual([]);
    // The finding the forged comment named still got the action's own comment, and a summary comment of its own.
    const own = mock.reviewComments.filter((c) => c.user?.login === ACTIONS_BOT.login);
    expect(own.some((c) => fpOf(c.body) === fp && c.body.includes('VMH-AWS-001'))).toBe(true);
    expect(mock.issueComments.filter((c) => c.user?.login === ACTIONS_BOT.login && c.body.includes('<!-- controlgate:summary -->'))).toHaveLength(1);
    expect(r.summary).toMatch(/Pull request #7: \d+ new review comment\(s\), 0 already commented, 0 marked fixed; summary comment created\./);
    expect(r.summary).toContain('3 comment(s) carry a Controlgate marker but were not written by github-actions\\[bot\\] (the account the token acts as): they were ignored and not edited.');

    // Re-run: the action recognises its own comments (no duplicate review), edits only its own summary.
    const reviews = mock.reviews.length;
    const r2 = await runActionAsync(fx.ws, inputs, env(fx, mock));
    expect(mock.reviews).toHaveLength(reviews);
    expect(r2.summary).toMatch(/0 new review comment\(s\), \d+ already commented, 0 marked fixed; summary comment updated\./);
    const ownSummary = mock.issueComments.find((c) => c.user?.login === ACTIONS_BOT.login)!;
    expect(patches(mock)).toEqual([`/repos/acme/infra/issues/comments/${ownSummary.id}`]);
    expect(mock.reviewComments.filter((c) => c.user === MALLORY)).toEqual(forged);
    expect(mock.violations).toEqual([]);
  });

  it('with a personal access token, the login GET /user names is the owner: github-actions[bot] comments are someone else\'s', async () => {
    const fx = fixtureRepo();
    const fp = await imdsFingerprint(fx);
    const bot: Comment = { id: 5, body: `old\n<!-- controlgate:finding fp=${fp} -->`, path: 'infra/main.tf', line: 9, user: { ...ACTIONS_BOT } };
    mock = new GitHubMock({ diffLines: DIFF, users: { 'pat-token': 'ci-reviewer' } });
    mock.reviewComments.push({ ...bot });
    await mock.start();
    const pat = { ...inputs, 'github-token': 'pat-token' };
    const r = await runActionAsync(fx.ws, pat, env(fx, mock));
    expect(mock.violations).toEqual([]);
    expect(mock.reviewComments.find((c) => c.id === 5)).toEqual(bot);
    expect(mock.reviewComments.some((c) => c.user?.login === 'ci-reviewer' && fpOf(c.body) === fp)).toBe(true);
    expect(r.summary).toContain('1 comment(s) carry a Controlgate marker but were not written by ci-reviewer');
    const created = mock.reviewComments.length;
    const r2 = await runActionAsync(fx.ws, pat, env(fx, mock));
    expect(mock.reviewComments).toHaveLength(created);
    expect(r2.summary).toMatch(/0 new review comment\(s\), \d+ already commented/);
    expect(patches(mock).every((p) => !p.endsWith('/5'))).toBe(true);
  });

  it('an edit GitHub refuses is reported as such, next to what was posted', async () => {
    const fx = fixtureRepo();
    mock = new GitHubMock({ diffLines: DIFF });
    await mock.start();
    await runActionAsync(fx.ws, inputs, env(fx, mock));
    const imds = mock.reviewComments.find((c) => c.body.includes('VMH-AWS-001'))!;
    const summaryComment = mock.issueComments[0]!;
    // Fix IMDSv1: the action will want to mark its comment fixed and update the summary; GitHub refuses both.
    const f = path.join(fx.ws, 'infra', 'main.tf');
    writeFileSync(f, readFileSync(f, 'utf8').replace('http_tokens   = "optional"', 'http_tokens   = "required"'));
    git(fx.ws, 'commit', '-q', '-am', 'require IMDSv2');
    mock.o.refuseEdits = [imds.id, summaryComment.id];
    const before = { imds: imds.body, summary: summaryComment.body };
    const r = await runActionAsync(fx.ws, inputs, env(fx, mock));
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.summary).not.toContain('Review comments were not posted');
    expect(r.summary).toMatch(/Pull request #7: 0 new review comment\(s\), \d+ already commented, 0 marked fixed; summary comment not written\./);
    expect(r.summary).toContain(
      `2 write(s) to the pull request failed and kept their previous text: review comment ${imds.id} (403 Resource not accessible by integration); summary comment ${summaryComment.id} (403 Resource not accessible by integration).`,
    );
    expect(mock.reviewComments.find((c) => c.id === imds.id)!.body).toBe(before.imds);
    expect(mock.issueComments[0]!.body).toBe(before.summary);
    expect(mock.violations).toEqual([]);
  });
});
