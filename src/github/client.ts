// github: the REST client, Octokit as @actions/github builds it (getOctokit: REST endpoint methods,
// pagination, the runner's proxy settings) with Octokit's retry and throttling plugins. What this
// module adds is policy, not HTTP:
// - throttling: secondary rate limits (403/429 "secondary rate limit", retry-after, else 60 s) and an
//   exhausted primary limit (x-ratelimit-remaining: 0, wait for x-ratelimit-reset) are retried while
//   attempts remain and the wait is at most maxRetryWaitSeconds; writes are spaced (writeIntervalMs).
// - retry: 5xx, network errors and timeouts are retried (Octokit's backoff: 1, 4, 9 s); 4xx are not
//   (429 included: GitHub's 429 are rate limits, which throttling handles).
// - every attempt has a time limit (timeoutMs); the token goes only to the API's origin (a Link
//   header could point elsewhere); the API version is pinned; nothing logged carries the token.
// @actions/github is imported lazily: at import it reads and parses the event payload (and throws on
// a malformed one), which only a run that talks to GitHub should risk.
import type { getOctokit as GetOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { VERSION } from '../version.js';

export type GitHub = ReturnType<typeof GetOctokit>;

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's https://host/api/v3. */
  baseUrl?: string;
  userAgent?: string;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** Longest rate-limit wait honoured for one retry (seconds); longer waits fail the request. */
  maxRetryWaitSeconds?: number;
  /** Minimum milliseconds between two mutating requests. */
  writeIntervalMs?: number;
  /** Time limit of one attempt (milliseconds). */
  timeoutMs?: number;
  /** Milliseconds per second of a retry wait: 1000; tests shrink it so retries do not sleep. */
  retryUnitMs?: number;
  /** The fetch to send requests with; default: @actions/github's (honours the runner's proxy). */
  fetch?: typeof globalThis.fetch;
  log?: (msg: string) => void;
}

export const API_VERSION = '2022-11-28';

let loaded: Promise<{ getOctokit: typeof GetOctokit; fetch: typeof globalThis.fetch | undefined }> | undefined;
function octokitModule(): NonNullable<typeof loaded> {
  loaded ??= Promise.all([import('@actions/github'), import('@actions/github/lib/utils')]).then(([gh, utils]) => ({
    getOctokit: gh.getOctokit,
    fetch: (utils.defaults.request as { fetch?: typeof globalThis.fetch } | undefined)?.fetch,
  }));
  return loaded;
}

/** An Octokit for `o.token`; rejects when @actions/github cannot load (a malformed event payload). */
export async function createClient(o: ClientOptions): Promise<GitHub> {
  const { getOctokit, fetch: actionsFetch } = await octokitModule();
  const baseUrl = (o.baseUrl || 'https://api.github.com').replace(/\/+$/, '');
  const origin = new URL(baseUrl).origin;
  const log = o.log ?? (() => {});
  const maxAttempts = Math.max(1, o.maxAttempts ?? 4);
  const maxWait = o.maxRetryWaitSeconds ?? 120;
  const unit = o.retryUnitMs ?? 1000;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const interval = o.writeIntervalMs ?? 1000;
  const send = o.fetch ?? actionsFetch ?? globalThis.fetch;

  const timed: typeof globalThis.fetch = async (input, init) => {
    const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    const res = await send(input, { ...init, signal });
    if (res.status >= 500) log(`GitHub answered ${res.status} to ${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`);
    return res;
  };
  /** Whether to retry a rate-limited request, and the log line that says so. */
  const onLimit =
    (what: string) =>
    (after: number, opts: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const where = `${opts.method} ${opts.url.startsWith('http') ? new URL(opts.url).pathname : opts.url}`;
      if (retryCount + 1 < maxAttempts && after <= maxWait) {
        log(`GitHub answered ${what} to ${where}; retrying in ${after}s (attempt ${retryCount + 2} of ${maxAttempts})`);
        return true;
      }
      log(`GitHub answered ${what} to ${where}; not retrying (${retryCount + 1} attempt(s), wait asked ${after}s)`);
      return false;
    };
  // Writes start `interval` apart, requests that notify people too (Octokit would space those 3 s
  // apart; one second keeps under GitHub's 80 content-creating requests a minute).
  const spaced = (): Bottleneck.Group => new Bottleneck.Group({ maxConcurrent: 1, minTime: interval });
  const quiet = (): void => {};

  const gh = getOctokit(
    o.token,
    {
      baseUrl,
      userAgent: o.userAgent ?? `controlgate/${VERSION}`,
      request: { fetch: timed },
      log: { debug: quiet, info: quiet, warn: log, error: log },
      retry: { retries: maxAttempts - 1, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: unit },
      throttle: {
        id: `controlgate-${Math.random().toString(36).slice(2)}`,
        retryAfterBaseValue: unit,
        write: spaced(),
        notifications: spaced(),
        onRateLimit: onLimit('rate limit exhausted'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
  gh.hook.before('request', (options) => {
    // Pagination follows Link headers: absolute URLs, which must stay on the API's origin.
    const url = options.url.startsWith('http') ? new URL(options.url) : undefined;
    if (url && url.origin !== origin) throw new Error(`refusing to send the token to ${url.origin}`);
    options.headers['x-github-api-version'] = API_VERSION;
  });
  return gh;
}

/** The HTTP status of an Octokit RequestError (name "HttpError"); undefined for anything else. */
export function httpStatus(e: unknown): number | undefined {
  const status = e instanceof Error && e.name === 'HttpError' ? (e as Error & { status?: unknown }).status : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** The token may not do this (read-only token, fork pull request, missing permission). */
export const isRefused = (e: unknown): boolean => [401, 403, 404].includes(httpStatus(e) ?? 0);

/** "403 Resource not accessible by integration": GitHub's status and message, without the documentation link. */
export function statusMessage(e: unknown): string {
  const status = httpStatus(e);
  if (status === undefined) return e instanceof Error ? e.message : String(e);
  const data = (e as { response?: { data?: unknown } }).response?.data;
  const message = typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string' ? (data as { message: string }).message : (e as Error).message;
  return `${status} ${message}`;
}

/** "GET /repos/acme/infra/pulls/7/files: 500 Server Error": the request and GitHub's answer. */
export function describeError(e: unknown): string {
  const req = (e as { request?: { method?: string; url?: string } } | undefined)?.request;
  if (httpStatus(e) === undefined || !req?.url) return statusMessage(e);
  let where = req.url;
  try {
    where = new URL(req.url).pathname;
  } catch {
    /* a relative URL: as it is */
  }
  return `${req.method ?? 'GET'} ${where}: ${statusMessage(e)}`;
}

/** Every item of a paginated list (per_page=100), following Link: rel="next", up to maxPages pages. */
export function paginate<T>(gh: GitHub, route: string, params: Record<string, unknown>, maxPages = 100): Promise<T[]> {
  let pages = 0;
  const list = gh.paginate as unknown as (route: string, params: object, map: (res: { data: unknown }, done: () => void) => T[]) => Promise<T[]>;
  return list(route, { per_page: 100, ...params }, (res, done) => {
    if (++pages >= maxPages) done();
    return res.data as T[];
  });
}
