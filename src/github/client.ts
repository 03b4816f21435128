// github: a small REST client over fetch. Retries what GitHub asks to be retried (secondary rate
// limits, 429, exhausted primary limit, 5xx) honouring retry-after and x-ratelimit-reset, spaces
// mutating requests (GitHub asks for about one second between them), follows Link pagination.
// No @actions/* import: the action passes a token and a base URL in.

export class GitHubError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly route: string,
    message: string,
    readonly documentationUrl?: string,
  ) {
    super(`${method} ${route}: ${status} ${message}`);
    this.name = 'GitHubError';
  }

  /** The token may not do this (read-only token, fork pull request, missing permission). */
  get refused(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404;
  }
}

export interface ClientOptions {
  token: string;
  baseUrl?: string;
  userAgent?: string;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** Longest wait honoured for one retry (seconds); longer waits fail the request. */
  maxRetryWaitSeconds?: number;
  /** Minimum milliseconds between two mutating requests. */
  writeIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  log?: (msg: string) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export interface Response<T> {
  status: number;
  data: T;
  headers: Headers;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** "/repos/{owner}/{repo}" with values substituted (each URL-encoded). */
export function route(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) throw new Error(`missing route parameter ${k}`);
    return encodeURIComponent(String(v));
  });
}

export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

export class GitHubClient {
  readonly baseUrl: string;
  private lastWrite = 0;
  private readonly o: Required<Omit<ClientOptions, 'baseUrl' | 'log'>> & { log: (m: string) => void };

  constructor(opts: ClientOptions) {
    this.baseUrl = (opts.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    this.o = {
      token: opts.token,
      userAgent: opts.userAgent ?? 'controlgate',
      maxAttempts: opts.maxAttempts ?? 4,
      maxRetryWaitSeconds: opts.maxRetryWaitSeconds ?? 120,
      writeIntervalMs: opts.writeIntervalMs ?? 1000,
      sleep: opts.sleep ?? realSleep,
      now: opts.now ?? Date.now,
      log: opts.log ?? (() => {}),
    };
  }

  /** Seconds to wait before retrying, or undefined when the response is not retryable. */
  private retryAfter(res: globalThis.Response, text: string, attempt: number): number | undefined {
    const ra = res.headers.get('retry-after');
    const remaining = res.headers.get('x-ratelimit-remaining');
    const reset = res.headers.get('x-ratelimit-reset');
    if (res.status === 403 || res.status === 429) {
      if (ra !== null && /^\d+$/.test(ra)) return Number(ra);
      if (remaining === '0' && reset !== null) return Math.max(0, Number(reset) - Math.floor(this.o.now() / 1000)) + 1;
      // Secondary rate limit without a header: GitHub asks to wait at least a minute.
      if (/secondary rate limit|abuse/i.test(text)) return 60;
      return res.status === 429 ? 2 ** attempt : undefined;
    }
    if (res.status >= 500) return ra !== null && /^\d+$/.test(ra) ? Number(ra) : 2 ** (attempt - 1);
    return undefined;
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<Response<T>> {
    const url = new URL(path.startsWith('http') ? path : `${this.baseUrl}${path}`);
    // The token goes only to the API it was given for (a Link header could point elsewhere).
    if (url.origin !== new URL(this.baseUrl).origin) throw new Error(`refusing to send the token to ${url.origin}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const mutating = method !== 'GET' && method !== 'HEAD';
    for (let attempt = 1; ; attempt++) {
      if (mutating && this.o.writeIntervalMs > 0) {
        const wait = this.lastWrite + this.o.writeIntervalMs - this.o.now();
        if (wait > 0) await this.o.sleep(wait);
        this.lastWrite = this.o.now();
      }
      let res: globalThis.Response;
      try {
        res = await fetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${this.o.token}`,
            'user-agent': this.o.userAgent,
            'x-github-api-version': '2022-11-28',
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        });
      } catch (e) {
        if (attempt >= this.o.maxAttempts) throw e;
        await this.o.sleep(1000 * 2 ** (attempt - 1));
        continue;
      }
      const text = await res.text();
      if (res.ok) {
        const data = (text ? JSON.parse(text) : undefined) as T;
        return { status: res.status, data, headers: res.headers };
      }
      const wait = this.retryAfter(res, text, attempt);
      if (wait !== undefined && attempt < this.o.maxAttempts && wait <= this.o.maxRetryWaitSeconds) {
        this.o.log(`GitHub answered ${res.status} to ${method} ${url.pathname}; retrying in ${wait}s (attempt ${attempt + 1} of ${this.o.maxAttempts})`);
        await this.o.sleep(wait * 1000);
        continue;
      }
      let message = res.statusText;
      let doc: string | undefined;
      try {
        const j = JSON.parse(text) as { message?: string; documentation_url?: string };
        message = j.message ?? message;
        doc = j.documentation_url;
      } catch {
        /* not JSON */
      }
      throw new GitHubError(res.status, method, url.pathname, message, doc);
    }
  }

  /** Every item of a paginated list (per_page=100), following Link: rel="next", up to maxPages. */
  async paginate<T>(path: string, query: Record<string, string | number | undefined> = {}, maxPages = 100): Promise<T[]> {
    const out: T[] = [];
    let next: string | undefined = path;
    let q: Record<string, string | number | undefined> | undefined = { per_page: 100, ...query };
    for (let page = 0; next && page < maxPages; page++) {
      const res: Response<T[]> = await this.request<T[]>('GET', next, q ? { query: q } : {});
      out.push(...res.data);
      next = nextLink(res.headers.get('link'));
      q = undefined; // the next link carries the query
    }
    return out;
  }
}
