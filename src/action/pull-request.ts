// The action's pull-request features: which findings are in scope (changed lines, changed files, all)
// and the review + sticky summary comment. Never fails the run: when GitHub refuses a write (fork
// pull request, read-only token) or cannot be reached, it says so and the run goes on with
// annotations, the job summary and the SARIF file.
import type { Finding, ScanResult, Severity } from '../model/types.js';
import { gitChanges, hasCommit, apiChanges, type ChangeSet } from '../scope/diff.js';
import { applyScope, commentLine, isScopeMode, type ScopeMode, type Scoped } from '../scope/scope.js';
import { GitHubClient, GitHubError } from '../github/client.js';
import { listPullFiles, publish, readPullRequestContext, type PullRequestContext } from '../github/pr.js';
import { commentBody, stickyBody, type DesiredComment } from '../report/review.js';
import { ruleDocUrl } from '../report/sarif.js';
import type { ScopeInfo } from '../report/summary.js';
import { UsageError } from '../engine/exit-codes.js';
import { escapeMarkdownCell } from '../util/escape.js';

export interface PullRequestSetup {
  ctx: PullRequestContext | undefined;
  client: GitHubClient | undefined;
  changes: ChangeSet | undefined;
  scoped: Scoped;
  scope: ScopeInfo;
  notes: string[];
}

export function clientFor(token: string, env: NodeJS.ProcessEnv = process.env, log?: (m: string) => void): GitHubClient | undefined {
  if (!token) return undefined;
  const interval = env.CONTROLGATE_WRITE_INTERVAL_MS;
  return new GitHubClient({
    token,
    baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
    ...(interval !== undefined && /^\d+$/.test(interval) ? { writeIntervalMs: Number(interval) } : {}),
    ...(log ? { log } : {}),
  });
}

const describe = (e: unknown): string => escapeMarkdownCell(e instanceof Error ? e.message : String(e));

/** Decide the scope and find what the pull request changed: git diff first, the files API second. */
export async function setUpScope(
  findings: Finding[],
  o: { scopeInput: string; prComments: boolean; token: string; workspace: string; env?: NodeJS.ProcessEnv; log?: (m: string) => void },
): Promise<PullRequestSetup> {
  const env = o.env ?? process.env;
  if (o.scopeInput && !isScopeMode(o.scopeInput)) throw new UsageError(`scope must be one of changed-lines, changed-files, all (got "${o.scopeInput}")`);
  const ctx = readPullRequestContext(env);
  const requested: ScopeMode = (o.scopeInput as ScopeMode) || (ctx ? 'changed-lines' : 'all');
  const client = clientFor(o.token, env, o.log);
  const notes: string[] = [];
  let changes: ChangeSet | undefined;
  let note: string | undefined;
  if (requested !== 'all' && !ctx) note = `scope ${requested} needs a pull_request event; every finding is in scope.`;
  if (ctx && (requested !== 'all' || o.prComments)) {
    if (hasCommit(o.workspace, ctx.baseSha)) {
      try {
        changes = gitChanges(o.workspace, ctx.baseSha);
      } catch (e) {
        o.log?.(`git diff against ${ctx.baseSha} failed (${describe(e)}); asking the pull request's files API`);
      }
    }
    if (!changes && client) {
      try {
        changes = apiChanges(await listPullFiles(client, ctx));
      } catch (e) {
        note = `The changed lines could not be determined (the base commit is not in the checkout and the files API answered: ${describe(e)}); every finding is in scope.`;
      }
    } else if (!changes) {
      note = 'The changed lines could not be determined (the base commit is not in the checkout and there is no github-token); every finding is in scope.';
    }
  }
  const scoped = applyScope(findings, requested, requested === 'all' ? undefined : changes);
  const scope: ScopeInfo = {
    mode: scoped.mode,
    source: changes && requested !== 'all' ? changes.source : 'none',
    inScope: scoped.inScope,
    ...(note ? { note } : {}),
  };
  // Prioritise annotations on changed lines even when the scope is all.
  if (changes && requested === 'all') for (const fp of applyScope(findings, 'changed-lines', changes).changed) scoped.changed.add(fp);
  return { ctx, client, changes, scoped, scope, notes };
}

/** Post the review and the sticky summary; returns notes for the job summary. Never throws. */
export async function commentOnPullRequest(
  result: ScanResult,
  s: PullRequestSetup,
  o: { failOn: Severity | 'never'; failed: boolean; env?: NodeJS.ProcessEnv; log?: (m: string) => void },
): Promise<string[]> {
  const env = o.env ?? process.env;
  const ctx = s.ctx;
  if (!ctx) return ['pr-comments: this run is not for a pull request, so no review comments were posted.'];
  if (ctx.fork && ctx.eventName === 'pull_request') {
    return ['Review comments were not posted: this pull request comes from a fork, and GitHub gives such runs a read-only token. The findings are in the annotations, this summary and the SARIF file.'];
  }
  if (!s.client) return ['Review comments were not posted: no github-token. The findings are in the annotations, this summary and the SARIF file.'];
  const metas = new Map(result.catalog.rules.map((r) => [r.id, r]));
  const desired: DesiredComment[] = [];
  for (const f of result.findings) {
    if (!s.scoped.inScope.has(f.fingerprint)) continue;
    const line = commentLine(f, s.changes?.files.get(f.file));
    if (line === undefined) continue;
    desired.push({ fingerprint: f.fingerprint, path: f.file, line, severity: f.severity, body: commentBody(f, metas.get(f.ruleId), ruleDocUrl(f.ruleId, env), line) });
  }
  const present = new Set(result.findings.map((f) => f.fingerprint));
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  try {
    const r = await publish(s.client, ctx, desired, present, (commented) =>
      stickyBody(result, { scopeMode: s.scope.mode, inScope: s.scoped.inScope, commented, failOn: o.failOn, failed: o.failed, sha: ctx.headSha, ...(runUrl ? { runUrl } : {}) }),
    );
    const fixed = r.update.filter((u) => u.reason === 'fixed').length;
    const out = [
      `Pull request #${ctx.number}: ${r.posted} new review comment(s), ${r.kept} already commented, ${fixed} marked fixed; summary comment ${r.sticky}.`,
    ];
    if (r.overflow.length || r.unplaced.length) {
      out.push(`${r.overflow.length + r.unplaced.length} finding(s) were not commented on their line (per-run cap or line outside GitHub's diff); they are listed in the summary comment.`);
    }
    return out;
  } catch (e) {
    const why =
      e instanceof GitHubError && e.refused
        ? `GitHub refused the write (${e.status} ${escapeMarkdownCell(e.message.replace(/^.*?: \d+ /, ''))}): the token is read-only or lacks \`pull-requests: write\``
        : `the GitHub API call failed (${describe(e)})`;
    o.log?.(`Review comments not posted: ${describe(e)}`);
    return [`Review comments were not posted: ${why}. The findings are in the annotations, this summary and the SARIF file.`];
  }
}
