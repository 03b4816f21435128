// The REST client (Octokit from @actions/github, with the retry and throttling plugins) against a
// local stand-in for GitHub that validates every request against GitHub's OpenAPI description:
// pagination, rate limits (retry-after, x-ratelimit-reset), 5xx, a read-only token's 403, time
// limits, the base URL of GitHub Enterprise Server, the token kept out of logs and other origins, and
// the pull-request operations (review, comments, sticky summary) with idempotent re-runs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_VERSION, createClient, describeError, httpStatus, isRefused, statusMessage, type ClientOptions, type GitHub } from '../../src/github/client.js';
import { listPullFiles, publish, type PullRequestContext } from '../../src/github/pr.js';
import { requiredCheck } from '../../src/action/enforcement.js';
import { STICKY_MARKER, findingMarker, type DesiredComment } from '../../src/report/review.js';
import { GitHubMock } from '../helpers/github-mock.js';

const ctx: PullRequestContext = { eventName: 'pull_request', owner: 'acme', repo: 'infra', number: 7, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), fork: false };
let mock: GitHubMock | undefined;
let server: Server | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A client whose retry waits are milliseconds instead of seconds (so tests do not sleep), logging into `logs`. */
function client(url: string, token = 'write-token', logs: string[] = [], extra: Partial<ClientOptions> = {}): Promise<GitHub> {
  return createClient({ token, baseUrl: url, writeIntervalMs: 0, retryUnitMs: 1, log: (m) => void logs.push(m), ...extra });
}

type Answer = { status: number; headers?: Record<string, string>; body?: unknown } | 'hang';
/** A local server answering the n-th request with `answers(n, its URL)`, or the next of `answers` (the last one repeats); `seen` gets each request. */
async function scripted(answers: Answer[] | ((n: number, base: string) => Answer), seen: Array<{ url: string; headers: Record<string, unknown> }> = []): Promise<string> {
  let base = '';
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const a = typeof answers === 'function' ? answers(seen.length, base) : answers.length > 1 ? answers.shift()! : answers[0]!;
    if (a === 'hang') return;
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(JSON.stringify(a.body ?? {}));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

const hex = (s: string): string => s.padEnd(32, '0');
const desired = (short: string, line: number): DesiredComment => ({ fingerprint: hex(short), path: 'infra/main.tf', line, severity: 'high', body: `finding ${short}\n${findingMarker(hex(short))}` });

describe('the GitHub stand-in', () => {
  it('rejects requests GitHub\'s OpenAPI description does not allow (the validation is real)', async () => {
    mock = new GitHubMock();
    const c = await client(await mock.start());
    const loose = c.request as unknown as (route: string, params?: object) => Promise<unknown>;
    await loose('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner: 'acme', repo: 'infra', pull_number: 7, event: 'SHOUT', comments: [{ line: 3 }] }).catch(() => {});
    await loose('GET /repos/acme/infra/pulls/7/files', { per_page: 'many', colour: 'red' }).catch(() => {});
    await loose('GET /repos/acme/infra/pulls/7/nonsense').catch(() => {});
    expect(mock.violations.join('\n')).toMatch(/body \/event must be equal to one of the allowed values/);
    expect(mock.violations.join('\n')).toMatch(/body \/comments\/0 must have required property 'path'/);
    expect(mock.violations.join('\n')).toMatch(/query parameter per_page must be integer/);
    expect(mock.violations.join('\n')).toMatch(/undeclared query parameter colour/);
    expect(mock.violations.join('\n')).toMatch(/no such operation/);
  });
});

describe('the REST client', () => {
  it('follows pagination through Link headers (250 files, 3 pages)', async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({ filename: `f${i}.tf`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }));
    mock = new GitHubMock({ files });
    const got = await listPullFiles(await client(await mock.start()), ctx);
    expect(got.map((f) => f.filename)).toEqual(files.map((f) => f.filename));
    const pages = mock.requests.filter((r) => r.operation.endsWith('/files'));
    expect(pages.map((r) => r.query)).toEqual([{ per_page: '100' }, { page: '2', per_page: '100' }, { page: '3', per_page: '100' }]);
    expect(mock.violations).toEqual([]);
  });

  it('stops at the page limit (GitHub lists at most 3000 files: 30 pages)', async () => {
    const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];
    // Every page says there is a next one.
    const page = (n: number, base: string): Answer => ({ status: 200, headers: { link: `<${base}/repos/acme/infra/pulls/7/files?per_page=100&page=${n + 1}>; rel="next"` }, body: Array(100).fill({ filename: 'a.tf', status: 'added' }) });
    const url = await scripted(page, seen);
    expect(await listPullFiles(await client(url), ctx)).toHaveLength(3000);
    expect(seen).toHaveLength(30);
  });

  it('waits as told by retry-after on a secondary rate limit, then succeeds', async () => {
    mock = new GitHubMock({ secondaryRateLimits: 2 });
    const logs: string[] = [];
    const c = await client(await mock.start(), 'write-token', logs);
    const res = await c.rest.issues.createComment({ owner: 'acme', repo: 'infra', issue_number: 7, body: 'hello' });
    expect(res.status).toBe(201);
    expect(logs).toEqual([
      'GitHub answered secondary rate limit to POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying in 1s (attempt 2 of 4)',
      'GitHub answered secondary rate limit to POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying in 1s (attempt 3 of 4)',
    ]);
    expect(mock.requests).toHaveLength(3);
    expect(mock.issueComments).toHaveLength(1);
    expect(mock.violations).toEqual([]);
  });

  it('gives up after the last attempt, and when the wait asked is longer than it honours', async () => {
    mock = new GitHubMock({ secondaryRateLimits: 10 });
    const logs: string[] = [];
    const c = await client(await mock.start(), 'w', logs, { maxAttempts: 3 });
    const e = await c.rest.issues.createComment({ owner: 'acme', repo: 'infra', issue_number: 7, body: 'x' }).catch((x: unknown) => x);
    expect(httpStatus(e)).toBe(403);
    expect(statusMessage(e)).toMatch(/^403 You have exceeded a secondary rate limit/);
    expect(mock.requests).toHaveLength(3);
    expect(logs.at(-1)).toMatch(/not retrying \(3 attempt\(s\), wait asked 1s\)/);

    const long = await scripted([{ status: 429, headers: { 'retry-after': '3600' }, body: { message: 'You have exceeded a secondary rate limit.' } }]);
    const seen: string[] = [];
    const c2 = await client(long, 'w', seen);
    expect(httpStatus(await c2.request('GET /user').catch((x: unknown) => x))).toBe(429);
    expect(seen).toEqual(['GitHub answered secondary rate limit to GET /user; not retrying (1 attempt(s), wait asked 3600s)']);
  });

  it('spaces the writes writeIntervalMs apart (the throttling plugin\'s write queue); reads are not held back', async () => {
    // A fake clock and a fetch that answers at once: the count of requests sent at each instant is exact.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const sent: string[] = [];
      const fetch: typeof globalThis.fetch = async (input, init) => {
        sent.push(`${init?.method} ${new URL(String(input)).pathname}`);
        return new Response('{"id":1}', { status: init?.method === 'GET' ? 200 : 201, headers: { 'content-type': 'application/json' } });
      };
      const c = await createClient({ token: 't', fetch, writeIntervalMs: 1000 });
      const writes = Promise.all([1, 2, 3].map((i) => c.rest.issues.createComment({ owner: 'acme', repo: 'infra', issue_number: 7, body: `c${i}` })));
      const reads = Promise.all([1, 2, 3].map(() => c.rest.users.getAuthenticated()));
      const posts = (): number => sent.filter((x) => x.startsWith('POST')).length;
      // Bottleneck starts the first jobs within a few (fake) milliseconds.
      await vi.advanceTimersByTimeAsync(100);
      expect(sent.filter((x) => x.startsWith('GET'))).toHaveLength(3);
      expect(posts()).toBe(1);
      await vi.advanceTimersByTimeAsync(800); // 900 ms
      expect(posts()).toBe(1);
      await vi.advanceTimersByTimeAsync(300); // 1200 ms
      expect(posts()).toBe(2);
      await vi.advanceTimersByTimeAsync(600); // 1800 ms
      expect(posts()).toBe(2);
      await vi.advanceTimersByTimeAsync(400); // 2200 ms
      expect(posts()).toBe(3);
      await Promise.all([writes, reads]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a read-only token\'s 403 as refused, without retrying', async () => {
    mock = new GitHubMock({ readOnlyTokens: ['read-only'] });
    const c = await client(await mock.start(), 'read-only');
    const e = await c.rest.issues.createComment({ owner: 'acme', repo: 'infra', issue_number: 7, body: 'x' }).catch((x: unknown) => x);
    expect(isRefused(e)).toBe(true);
    expect(statusMessage(e)).toBe('403 Resource not accessible by integration');
    expect(describeError(e)).toBe('POST /repos/acme/infra/issues/7/comments: 403 Resource not accessible by integration');
    expect(mock.requests).toHaveLength(1);
  });

  it('waits for x-ratelimit-reset when the primary limit is exhausted, and retries 5xx', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 5);
    const url = await scripted([
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: { message: 'API rate limit exceeded' } },
      { status: 502, body: { message: 'Bad gateway' } },
      { status: 200, body: [] },
    ]);
    const logs: string[] = [];
    const res = await (await client(url, 't', logs)).request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: 'acme', repo: 'infra', pull_number: 7 });
    expect(res.status).toBe(200);
    expect(logs).toEqual([
      // The reset is 5 s after the second the test read the clock: wait until it has passed (+1 s, as
      // GitHub advises): 6 s, or 5 s when the plugin reads the clock in the next second.
      expect.stringMatching(/^GitHub answered rate limit exhausted to GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\}\/files; retrying in [56]s \(attempt 2 of 4\)$/),
      'GitHub answered 502 to GET /repos/acme/infra/pulls/7/files',
    ]);
  });

  it('retries a 5xx at most maxAttempts times, and never a 404 or 422', async () => {
    const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];
    const url = await scripted([{ status: 500, body: { message: 'Server Error' } }], seen);
    const e = await (await client(url, 't', [], { maxAttempts: 3 })).request('GET /user').catch((x: unknown) => x);
    expect(describeError(e)).toBe('GET /user: 500 Server Error');
    expect(seen).toHaveLength(3);
    for (const status of [404, 422]) {
      await new Promise<void>((r) => server!.close(() => r()));
      seen.length = 0;
      const u = await scripted([{ status, body: { message: 'No' } }], seen);
      expect(httpStatus(await (await client(u, 't')).request('GET /user').catch((x: unknown) => x))).toBe(status);
      expect(seen).toHaveLength(1);
    }
  });

  it('gives up on an answer that does not come (time limit per attempt, then retried)', async () => {
    const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];
    const url = await scripted(['hang'], seen);
    const e = await (await client(url, 't', [], { timeoutMs: 50, maxAttempts: 2 })).request('GET /user').catch((x: unknown) => x);
    expect(httpStatus(e)).toBe(500);
    expect(String((e as Error).message)).toMatch(/timeout|aborted/i);
    expect(seen).toHaveLength(2);
    server!.closeAllConnections();
  });

  it('uses the base URL of GitHub Enterprise Server, its user agent and API version, and keeps the token out of logs and errors', async () => {
    const calls: Array<{ url: string; headers: Headers }> = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      return new Response(JSON.stringify({ message: 'Server Error' }), { status: 503, headers: { 'content-type': 'application/json' } });
    };
    const logs: string[] = [];
    const c = await createClient({ token: 's3cr3t-token', baseUrl: 'https://ghe.example.com/api/v3/', fetch, retryUnitMs: 1, log: (m) => void logs.push(m) });
    const e = await listPullFiles(c, ctx).catch((x: unknown) => x);
    expect(calls.map((x) => x.url)).toEqual(Array(4).fill('https://ghe.example.com/api/v3/repos/acme/infra/pulls/7/files?per_page=100'));
    expect(calls[0]!.headers.get('user-agent')).toMatch(/^controlgate\/\d+\.\d+\.\d+ /);
    expect(calls[0]!.headers.get('x-github-api-version')).toBe(API_VERSION);
    expect(calls[0]!.headers.get('authorization')).toBe('token s3cr3t-token');
    expect(logs).toHaveLength(4);
    const said = [...logs, describeError(e), String(e), JSON.stringify(e), String((e as Error).stack)].join('\n');
    expect(said).not.toContain('s3cr3t-token');
    expect(said).toContain('503');
  });

  it('never sends the token to another origin, asked directly or by a Link header', async () => {
    const c = await client('http://127.0.0.1:9');
    await expect(c.request('GET http://example.invalid/x')).rejects.toThrow(/refusing to send the token to http:\/\/example\.invalid/);
    const seen: Array<{ url: string; headers: Record<string, unknown> }> = [];
    const url = await scripted([{ status: 200, headers: { link: '<http://localhost:9/repos/acme/infra/pulls/7/files?page=2>; rel="next"' }, body: [{ filename: 'a.tf' }] }], seen);
    await expect(listPullFiles(await client(url), ctx)).rejects.toThrow(/refusing to send the token to http:\/\/localhost:9/);
    expect(seen).toHaveLength(1);
  });

  it('tolerates what the token may not read: the branch rules answer 403 or 404, the check is unknown and says why', async () => {
    for (const status of [403, 404]) {
      const url = await scripted([{ status, body: { message: status === 403 ? 'Resource not accessible by integration' : 'Branch not found' } }]);
      const r = await requiredCheck(await client(url), { owner: 'acme', repo: 'infra' }, 'release/1.0', ['scan']);
      expect(r).toEqual({ requiredCheck: 'unknown', requiredCheckDetail: expect.stringMatching(new RegExp(`^the rules of branch release/1\\.0 could not be read \\(GET /repos/acme/infra/rules/branches/release%2F1\\.0: ${status} `)) });
      await new Promise<void>((r2) => server!.close(() => r2()));
      server = undefined;
    }
    mock = new GitHubMock({ branchRules: { main: [{ type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'Controlgate' }] } }] } });
    const r = await requiredCheck(await client(await mock.start()), { owner: 'acme', repo: 'infra' }, 'main', ['Controlgate', 'scan']);
    expect(r.requiredCheck).toBe('required');
    expect(mock.violations).toEqual([]);
  });
});

describe('publishing a review and the sticky summary', () => {
  it('posts one review, then on re-run adds only new findings, marks fixed ones and updates the summary in place', async () => {
    mock = new GitHubMock({ secondaryRateLimits: 1 });
    const c = await client(await mock.start());
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
    const c = await client(await mock.start());
    const r = await publish(c, ctx, [desired('a1', 3), desired('b2', 40)], new Set([hex('a1'), hex('b2')]), () => STICKY_MARKER);
    expect(r.posted).toBe(1);
    expect(r.unplaced.map((u) => u.fingerprint)).toEqual([hex('b2')]);
    expect(mock.violations).toEqual([]);
  });

  it('throws a refused error for a read-only token (the action degrades on it)', async () => {
    mock = new GitHubMock({ readOnlyTokens: ['ro'] });
    const c = await client(await mock.start(), 'ro');
    const e = await publish(c, ctx, [desired('a1', 3)], new Set([hex('a1')]), () => STICKY_MARKER).catch((x: unknown) => x);
    expect(isRefused(e)).toBe(true);
    expect(mock.violations).toEqual([]);
  });
});
