// The REST client against a local stand-in for GitHub that validates every request against GitHub's
// OpenAPI description: pagination, secondary rate limits (retry-after), a read-only token's 403, and
// the pull-request operations (review, comments, sticky summary) with idempotent re-runs.
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubClient, GitHubError, nextLink } from '../../src/github/client.js';
import { listPullFiles, publish, type PullRequestContext } from '../../src/github/pr.js';
import { STICKY_MARKER, findingMarker, type DesiredComment } from '../../src/report/review.js';
import { GitHubMock } from '../helpers/github-mock.js';

const ctx: PullRequestContext = { eventName: 'pull_request', owner: 'acme', repo: 'infra', number: 7, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), fork: false };
let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

function client(url: string, token = 'write-token', sleeps: number[] = []): GitHubClient {
  return new GitHubClient({ token, baseUrl: url, writeIntervalMs: 0, sleep: async (ms) => void sleeps.push(ms) });
}

const hex = (s: string): string => s.padEnd(32, '0');
const desired = (short: string, line: number): DesiredComment => ({ fingerprint: hex(short), path: 'infra/main.tf', line, severity: 'high', body: `finding ${short}\n${findingMarker(hex(short))}` });

describe('the GitHub stand-in', () => {
  it('rejects requests GitHub\'s OpenAPI description does not allow (the validation is real)', async () => {
    mock = new GitHubMock();
    const url = await mock.start();
    const c = client(url);
    await c.request('POST', '/repos/acme/infra/pulls/7/reviews', { body: { event: 'SHOUT', comments: [{ line: 3 }] } }).catch(() => {});
    await c.request('GET', '/repos/acme/infra/pulls/7/files', { query: { per_page: 'many', colour: 'red' } }).catch(() => {});
    await c.request('GET', '/repos/acme/infra/pulls/7/nonsense').catch(() => {});
    expect(mock.violations.join('\n')).toMatch(/body \/event must be equal to one of the allowed values/);
    expect(mock.violations.join('\n')).toMatch(/body \/comments\/0 must have required property 'path'/);
    expect(mock.violations.join('\n')).toMatch(/query parameter per_page must be integer/);
    expect(mock.violations.join('\n')).toMatch(/undeclared query parameter colour/);
    expect(mock.violations.join('\n')).toMatch(/no such operation/);
  });
});

describe('GitHubClient', () => {
  it('follows pagination through Link headers (250 files, 3 pages)', async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({ filename: `f${i}.tf`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }));
    mock = new GitHubMock({ files });
    const got = await listPullFiles(client(await mock.start()), ctx);
    expect(got.map((f) => f.filename)).toEqual(files.map((f) => f.filename));
    expect(mock.requests.filter((r) => r.operation.endsWith('/files'))).toHaveLength(3);
    expect(mock.violations).toEqual([]);
    expect(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=3>; rel="last"')).toBe('https://api.github.com/x?page=2');
  });

  it('waits as told by retry-after on a secondary rate limit, then succeeds', async () => {
    mock = new GitHubMock({ secondaryRateLimits: 2 });
    const sleeps: number[] = [];
    const c = client(await mock.start(), 'write-token', sleeps);
    const res = await c.request<{ id: number }>('POST', '/repos/acme/infra/issues/7/comments', { body: { body: 'hello' } });
    expect(res.status).toBe(201);
    expect(sleeps).toEqual([1000, 1000]);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.violations).toEqual([]);
  });

  it('gives up after the last attempt, and spaces writes out', async () => {
    mock = new GitHubMock({ secondaryRateLimits: 10 });
    const sleeps: number[] = [];
    let t = 0;
    const c = new GitHubClient({ token: 'w', baseUrl: await mock.start(), maxAttempts: 3, writeIntervalMs: 1000, now: () => t, sleep: async (ms) => void (sleeps.push(ms), (t += ms)) });
    await expect(c.request('POST', '/repos/acme/infra/issues/7/comments', { body: { body: 'x' } })).rejects.toMatchObject({ status: 403 });
    expect(mock.requests).toHaveLength(3);
    // retry-after (1 s) between attempts, which also satisfies the one-second spacing of writes.
    expect(sleeps.filter((s) => s === 1000).length).toBeGreaterThanOrEqual(2);
  });

  it('reports a read-only token\'s 403 as refused, without retrying', async () => {
    mock = new GitHubMock({ readOnlyTokens: ['read-only'] });
    const c = client(await mock.start(), 'read-only');
    const e = await c.request('POST', '/repos/acme/infra/issues/7/comments', { body: { body: 'x' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GitHubError);
    expect((e as GitHubError).refused).toBe(true);
    expect((e as GitHubError).message).toMatch(/403 Resource not accessible by integration/);
    expect(mock.requests).toHaveLength(1);
  });

  it('waits for x-ratelimit-reset when the primary limit is exhausted, and retries 5xx', async () => {
    const { createServer } = await import('node:http');
    const answers = [
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1000005' }, body: { message: 'API rate limit exceeded' } },
      { status: 502, headers: {}, body: { message: 'Bad gateway' } },
      { status: 200, headers: {}, body: [] },
    ];
    const server = createServer((_req, res) => {
      const a = answers.shift()!;
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(JSON.stringify(a.body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const sleeps: number[] = [];
    const c = new GitHubClient({ token: 't', baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, now: () => 1_000_000_000, sleep: async (ms) => void sleeps.push(ms) });
    const res = await c.request('GET', '/repos/acme/infra/pulls/7/files');
    server.close();
    expect(res.status).toBe(200);
    expect(sleeps).toEqual([6000, 2000]); // reset in 5 s (+1), then the 5xx backoff
  });

  it('never sends the token to another origin', async () => {
    const c = client('http://127.0.0.1:9');
    await expect(c.request('GET', 'http://example.invalid/x')).rejects.toThrow(/refusing to send the token/);
  });
});

describe('publishing a review and the sticky summary', () => {
  it('posts one review, then on re-run adds only new findings, marks fixed ones and updates the summary in place', async () => {
    mock = new GitHubMock({ secondaryRateLimits: 1 });
    const c = client(await mock.start());
    const sticky = (n: number) => (commented: Set<string>) => `${STICKY_MARKER}\nrun ${n}: ${commented.size} commented`;

    const r1 = await publish(c, ctx, [desired('a1', 3), desired('b2', 8)], new Set([hex('a1'), hex('b2')]), sticky(1));
    expect(r1).toMatchObject({ posted: 2, sticky: 'created' });
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviews[0]).toMatchObject({ event: 'COMMENT', commit_id: ctx.headSha });
    expect(mock.reviewComments).toHaveLength(2);

    // Same findings again: nothing new, nothing duplicated.
    const r2 = await publish(c, ctx, [desired('a1', 3), desired('b2', 8)], new Set([hex('a1'), hex('b2')]), sticky(2));
    expect(r2).toMatchObject({ posted: 0, kept: 2, sticky: 'updated' });
    expect(mock.reviews).toHaveLength(1);
    expect(mock.reviewComments).toHaveLength(2);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.issueComments[0]!.body).toContain('run 2');

    // b2 fixed, c3 new.
    const r3 = await publish(c, ctx, [desired('a1', 3), desired('c3', 12)], new Set([hex('a1'), hex('c3')]), sticky(3));
    expect(r3.posted).toBe(1);
    expect(r3.update.map((u) => u.reason)).toEqual(['fixed']);
    expect(mock.reviews).toHaveLength(2);
    const b2 = mock.reviewComments.find((x) => x.body.includes(findingMarker(hex('b2'))))!;
    expect(b2.body).toMatch(/^✅ \*\*Fixed\*\* in bbbbbbb/);
    expect(mock.reviewComments).toHaveLength(3);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.violations).toEqual([]);
  });

  it('falls back to single comments when GitHub cannot place one line of the review', async () => {
    mock = new GitHubMock({ diffLines: { 'infra/main.tf': [3] } });
    const c = client(await mock.start());
    const r = await publish(c, ctx, [desired('a1', 3), desired('b2', 40)], new Set([hex('a1'), hex('b2')]), () => STICKY_MARKER);
    expect(r.posted).toBe(1);
    expect(r.unplaced.map((u) => u.fingerprint)).toEqual([hex('b2')]);
    expect(mock.violations).toEqual([]);
  });

  it('throws a refused GitHubError for a read-only token (the action degrades on it)', async () => {
    mock = new GitHubMock({ readOnlyTokens: ['ro'] });
    const c = client(await mock.start(), 'ro');
    await expect(publish(c, ctx, [desired('a1', 3)], new Set([hex('a1')]), () => STICKY_MARKER)).rejects.toMatchObject({ refused: true });
  });
});
