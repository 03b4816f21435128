// A stand-in for the GitHub REST API on 127.0.0.1, holding one pull request. Every request is
// checked against GitHub's published OpenAPI description (@octokit/openapi, api.github.com): the
// operation must exist, path and query parameters must be declared and valid, the JSON body must
// match the operation's request schema. Responses are built from the description's own examples
// and checked against its response schemas too. Anything off is recorded in `violations`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { ErrorObject } from 'ajv';

type Obj = Record<string, any>;
const require = createRequire(import.meta.url);

let spec: Obj | undefined;
function openapi(): Obj {
  spec ??= JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.deref.json'), 'utf8')) as Obj;
  return spec;
}

type Validate = ((v: unknown) => boolean) & { errors?: ErrorObject[] | null };
// OpenAPI 3.0 schemas are JSON Schema draft-04-like (plus nullable, example, ...): ajv, not strict.
const Ajv = require('ajv') as new (o: object) => { compile(s: object): Validate };
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const compiled = new Map<object, Validate>();
function check(schema: object, value: unknown): string[] {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath ? `${e.instancePath} ` : ''}${e.message}`);
}

interface Route {
  template: string;
  re: RegExp;
  names: string[];
  literal: number;
}
let routes: Route[] | undefined;
function findRoute(pathname: string): { route: Route; params: Record<string, string> } | undefined {
  routes ??= Object.keys(openapi().paths)
    .map((template) => {
      const names: string[] = [];
      const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
      return { template, re, names, literal: template.split('/').filter((s) => s && !s.startsWith('{')).length };
    })
    .sort((a, b) => b.literal - a.literal);
  for (const route of routes) {
    const m = route.re.exec(pathname);
    if (m) return { route, params: Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  return undefined;
}

/** A query/path string value checked against a parameter schema (they arrive as text). */
function coerce(schema: Obj, raw: string): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

export interface RecordedRequest {
  method: string;
  path: string;
  operation: string;
  query: Record<string, string>;
  body: any;
  token: string;
}

export interface Comment {
  id: number;
  body: string;
  path?: string;
  line?: number;
  review?: number;
  /** Who wrote it; absent: github-actions[bot], the workflow's GITHUB_TOKEN. */
  user?: { login: string; type: 'User' | 'Bot' };
}

/** The author GitHub records for writes made with the workflow's GITHUB_TOKEN (an installation token). */
export const ACTIONS_BOT = { login: 'github-actions[bot]', type: 'Bot' } as const;

export interface MockOptions {
  owner?: string;
  repo?: string;
  number?: number;
  /** The pull request's files as the files API returns them. */
  files?: Array<{ filename: string; status: string; patch?: string; previous_filename?: string }>;
  /** Tokens that may only read (writes get 403 "Resource not accessible by integration"). */
  readOnlyTokens?: string[];
  /** Answer the first N write requests with a secondary rate limit (403 + retry-after). */
  secondaryRateLimits?: number;
  /** Lines of each file that are part of the diff, for review comments (422 otherwise). */
  diffLines?: Record<string, number[]>;
  /** Answer the files API with this server error (e.g. 500) every time. */
  filesError?: number;
  /** Personal access tokens and the login each acts as (GET /user answers). Any other token is an
   * installation token: GET /user is refused (403) and its writes are authored by github-actions[bot]. */
  users?: Record<string, string>;
  /** Comment ids whose edit GitHub refuses (403), as for a comment the token may not edit. */
  refuseEdits?: number[];
  /** The active rules of each branch (GET /repos/{owner}/{repo}/rules/branches/{branch}); none by default. */
  branchRules?: Record<string, Array<{ type: string; parameters?: Obj }>>;
}

export class GitHubMock {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly reviewComments: Comment[] = [];
  readonly issueComments: Comment[] = [];
  readonly reviews: Array<{ id: number; body: string; event: string; commit_id?: string }> = [];
  url = '';
  private server: Server | undefined;
  private nextId = 1000;
  private rateLimited = 0;

  constructor(readonly o: MockOptions = {}) {
    openapi();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          this.violations.push(`mock error: ${String(e)}`);
          res.writeHead(500).end();
        }
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, schemaOp?: Obj): void {
    const schema = schemaOp?.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (schemaOp && status < 300 && body !== undefined) {
      if (!schema) this.violations.push(`response ${status} not described for this operation`);
      else for (const e of check(schema, body)) this.violations.push(`response ${status}: ${e}`);
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2022-11-28', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private example(op: Obj, status: string): Obj {
    const content = op.responses?.[status]?.content?.['application/json'];
    const ex = content?.examples ? Object.values(content.examples as Obj)[0]?.value : content?.example;
    return structuredClone(Array.isArray(ex) ? ex[0] : ex) as Obj;
  }

  private handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = (req.method ?? 'GET').toLowerCase();
    const token = /^(?:Bearer|token) (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const query = Object.fromEntries(url.searchParams);
    const found = findRoute(url.pathname);
    const op: Obj | undefined = found ? openapi().paths[found.route.template][method] : undefined;
    const opName = found ? `${method.toUpperCase()} ${found.route.template}` : `${method.toUpperCase()} ${url.pathname}`;
    let body: any;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${opName}: body is not JSON`);
      }
    }
    this.requests.push({ method: method.toUpperCase(), path: url.pathname, operation: opName, query, body, token });
    if (!found || !op) {
      this.violations.push(`${opName}: no such operation in GitHub's OpenAPI description`);
      return this.send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    // Headers GitHub expects from a well-behaved client.
    if (!token) this.violations.push(`${opName}: no authorization header`);
    if (!String(req.headers.accept ?? '').includes('application/vnd.github')) this.violations.push(`${opName}: accept is not application/vnd.github+json`);
    if (!req.headers['user-agent']) this.violations.push(`${opName}: no user-agent (GitHub rejects those)`);
    // Parameters.
    const params = (op.parameters ?? []) as Obj[];
    for (const p of params.filter((x) => x.in === 'path')) {
      for (const e of check(p.schema, coerce(p.schema, found.params[p.name] ?? ''))) this.violations.push(`${opName}: path parameter ${p.name} ${e}`);
    }
    for (const [k, v] of Object.entries(query)) {
      const p = params.find((x) => x.in === 'query' && x.name === k);
      if (!p) this.violations.push(`${opName}: undeclared query parameter ${k}`);
      else for (const e of check(p.schema, coerce(p.schema, v))) this.violations.push(`${opName}: query parameter ${k} ${e}`);
    }
    for (const p of params.filter((x) => x.in === 'query' && x.required)) if (!(p.name in query)) this.violations.push(`${opName}: missing query ${p.name}`);
    // Body.
    const rb = op.requestBody?.content?.['application/json']?.schema;
    if (rb) {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) this.violations.push(`${opName}: content-type is not JSON`);
      if (body === undefined && op.requestBody.required) this.violations.push(`${opName}: missing request body`);
      else if (body !== undefined) for (const e of check(rb, body)) this.violations.push(`${opName}: body ${e}`);
    } else if (body !== undefined) this.violations.push(`${opName}: body sent to an operation that takes none`);

    const write = method !== 'get' && method !== 'head';
    if (write && this.o.readOnlyTokens?.includes(token)) {
      return this.send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request', status: '403' });
    }
    if (write && this.rateLimited < (this.o.secondaryRateLimits ?? 0)) {
      this.rateLimited++;
      return this.send(
        res,
        403,
        { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
        { 'retry-after': '1', 'x-ratelimit-remaining': '4999' },
      );
    }
    const owner = this.o.owner ?? 'acme';
    const repo = this.o.repo ?? 'infra';
    const num = this.o.number ?? 7;
    const p = found.params;
    if ((p.owner && p.owner !== owner) || (p.repo && p.repo !== repo)) return this.send(res, 404, { message: 'Not Found' });
    const prNum = Number(p.pull_number ?? p.issue_number ?? num);
    if (prNum !== num) return this.send(res, 404, { message: 'Not Found' });

    const t = found.route.template;
    const page = <T>(items: T[]): void => {
      const per = Math.min(100, Number(query.per_page ?? 30));
      const n = Number(query.page ?? 1);
      const last = Math.max(1, Math.ceil(items.length / per));
      const links: string[] = [];
      const link = (k: number, rel: string): string => {
        const u = new URL(url);
        u.searchParams.set('page', String(k));
        u.searchParams.set('per_page', String(per));
        return `<${u.toString()}>; rel="${rel}"`;
      };
      if (n < last) links.push(link(n + 1, 'next'), link(last, 'last'));
      if (n > 1) links.push(link(1, 'first'), link(n - 1, 'prev'));
      this.send(res, 200, items.slice((n - 1) * per, n * per), links.length ? { link: links.join(', ') } : {}, op);
    };
    const ex = (): Obj => this.example(op, Object.keys(op.responses)[0]!);
    const userOf = (c: Comment): Obj => ({ ...ex().user, ...(c.user ?? ACTIONS_BOT) });
    const reviewComment = (c: Comment): Obj => ({ ...ex(), id: c.id, node_id: `PRRC_${c.id}`, body: c.body, path: c.path ?? '', line: c.line ?? null, user: userOf(c) });
    const issueComment = (c: Comment): Obj => ({ ...ex(), id: c.id, node_id: `IC_${c.id}`, body: c.body, user: userOf(c) });
    const pat = this.o.users?.[token];
    const author: Comment['user'] = pat ? { login: pat, type: 'User' } : { ...ACTIONS_BOT };
    const refused = (id: number): boolean => this.o.refuseEdits?.includes(id) ?? false;
    const forbidden = (): void => this.send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' });

    switch (`${method} ${t}`) {
      case 'get /user':
        if (!pat) return this.send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' });
        return this.send(res, 200, { ...this.example(op, '200'), login: pat, type: 'User' }, {}, op);
      case 'get /repos/{owner}/{repo}/pulls/{pull_number}/files':
        if (this.o.filesError) return this.send(res, this.o.filesError, { message: 'Server Error' });
        return page((this.o.files ?? []).map((f) => ({ ...this.example(op, '200'), sha: '0'.repeat(40), additions: 1, deletions: 0, changes: 1, ...f })));
      case 'get /repos/{owner}/{repo}/rules/branches/{branch}':
        return page((this.o.branchRules?.[p.branch!] ?? []).map((r) => ({ ruleset_source_type: 'Repository', ruleset_source: `${owner}/${repo}`, ruleset_id: 1, ...r })));
      case 'get /repos/{owner}/{repo}/pulls/{pull_number}/comments':
        return page(this.reviewComments.map(reviewComment));
      case 'get /repos/{owner}/{repo}/issues/{issue_number}/comments':
        return page(this.issueComments.map(issueComment));
      case 'post /repos/{owner}/{repo}/pulls/{pull_number}/reviews': {
        const bad = (body?.comments ?? []).filter((c: Obj) => !this.inDiff(c.path, c.line));
        if (bad.length) return this.send(res, 422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'], status: '422' });
        const id = this.nextId++;
        this.reviews.push({ id, body: body.body, event: body.event, commit_id: body.commit_id });
        for (const c of body.comments ?? []) this.reviewComments.push({ id: this.nextId++, body: c.body, path: c.path, line: c.line, review: id, user: author });
        return this.send(res, 200, { ...this.example(op, '200'), id, body: body.body ?? '', state: 'COMMENTED' }, {}, op);
      }
      case 'post /repos/{owner}/{repo}/pulls/{pull_number}/comments': {
        if (!this.inDiff(body.path, body.line)) return this.send(res, 422, { message: 'Unprocessable Entity', errors: ['line must be part of the diff'], status: '422' });
        const c = { id: this.nextId++, body: body.body, path: body.path, line: body.line, user: author };
        this.reviewComments.push(c);
        return this.send(res, 201, reviewComment(c), {}, op);
      }
      case 'patch /repos/{owner}/{repo}/pulls/comments/{comment_id}': {
        const c = this.reviewComments.find((x) => x.id === Number(p.comment_id));
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        if (refused(c.id)) return forbidden();
        c.body = body.body;
        return this.send(res, 200, reviewComment(c), {}, op);
      }
      case 'post /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        if (String(body.body).length > 65536) return this.send(res, 422, { message: 'Validation Failed', errors: [{ code: 'custom', message: 'body is too long (maximum is 65536 characters)' }] });
        const c = { id: this.nextId++, body: body.body, user: author };
        this.issueComments.push(c);
        return this.send(res, 201, issueComment(c), {}, op);
      }
      case 'patch /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const c = this.issueComments.find((x) => x.id === Number(p.comment_id));
        if (!c) return this.send(res, 404, { message: 'Not Found' });
        if (refused(c.id)) return forbidden();
        c.body = body.body;
        if (c.body.length > 65536) return this.send(res, 422, { message: 'Validation Failed', errors: [{ code: 'custom', message: 'body is too long (maximum is 65536 characters)' }] });
        return this.send(res, 200, issueComment(c), {}, op);
      }
      default:
        this.violations.push(`${opName}: the mock does not implement this operation`);
        return this.send(res, 501, { message: 'not implemented by the mock' });
    }
  }

  private inDiff(path: string, line: number): boolean {
    const lines = this.o.diffLines?.[path];
    return lines === undefined ? true : lines.includes(line);
  }
}
