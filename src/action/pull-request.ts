// The action's pull-request features: which findings are in scope (changed lines, changed files, all)
// and the review + sticky summary comment. Never fails the run: when GitHub refuses a write (fork
// pull request, read-only token) or cannot be reached, it says so and the run goes on with
// annotations, the job summary and the SARIF file.
import type { Finding, ScanResult } from '../model/types.js';
import { gitChanges, hasCommit, apiChanges, type ChangeSet, type PullFile } from '../scope/diff.js';
import { IDENTITY, blobMapping, headLineMapping, type LineMapping } from '../scope/lines.js';
import { commentLine, isScopeMode, scopeOnHead, type ScopeMode, type Scoped } from '../scope/scope.js';
import { createClient, describeError, isRefused, statusMessage, type GitHub } from '../github/client.js';
import { listPullFiles, publish, readPullRequestContext, type PublishResult, type PullRequestContext } from '../github/pr.js';
import { commentBody, stickyBody, type DesiredComment } from '../report/review.js';
import { ruleDocUrl } from '../report/sarif.js';
import type { ScopeInfo } from '../report/summary.js';
import type { PolicyChanges } from '../config/policy-changes.js';
import { UsageError } from '../errors.js';
import { escapeMarkdown } from '../util/escape.js';
import type { FailOn } from '../model/verdict.js';

export interface PullRequestSetup {
  ctx: PullRequestContext | undefined;
  client: GitHub | undefined;
  changes: ChangeSet | undefined;
  scoped: Scoped;
  scope: ScopeInfo;
  notes: string[];
  /** How the checkout's lines map to the head's (the checkout may be GitHub's merge commit). */
  lines: LineMapping;
  /** The findings on the head's lines, by fingerprint: what annotations and review comments cite. */
  onHead: Map<string, Finding>;
  /** Findings on lines that exist only in the checkout (the base branch's changes in a merge commit). */
  mergeOnly: Finding[];
}

/** The API client for `token` (undefined without one, or when it cannot be made: then the run goes on without GitHub). */
export async function clientFor(token: string, env: NodeJS.ProcessEnv = process.env, log?: (m: string) => void): Promise<GitHub | undefined> {
  if (!token) return undefined;
  const interval = env.CONTROLGATE_WRITE_INTERVAL_MS;
  try {
    return await createClient({
      token,
      baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
      ...(interval !== undefined && /^\d+$/.test(interval) ? { writeIntervalMs: Number(interval) } : {}),
      ...(log ? { log } : {}),
    });
  } catch (e) {
    log?.(`No GitHub API client (${e instanceof Error ? e.message : String(e)}): the run goes on without the API`);
    return undefined;
  }
}

const describe = (e: unknown): string => escapeMarkdown(describeError(e));

/** The pull request's changes in head lines: git diff base...head when both commits are present, else the files API. */
async function findChanges(
  ctx: PullRequestContext,
  workspace: string,
  pullFiles: () => Promise<PullFile[]>,
  client: GitHub | undefined,
  log?: (m: string) => void,
): Promise<{ changes?: ChangeSet; why?: string }> {
  if (hasCommit(workspace, ctx.baseSha) && hasCommit(workspace, ctx.headSha)) {
    try {
      return { changes: gitChanges(workspace, ctx.baseSha, ctx.headSha) };
    } catch (e) {
      // A shallow checkout has both commits but not their merge base.
      log?.(`git diff ${ctx.baseSha}...${ctx.headSha} failed (${describe(e)}); asking the pull request's files API`);
    }
  }
  if (!client) return { why: 'the base and head commits are not both in the checkout and there is no github-token' };
  try {
    return { changes: apiChanges(await pullFiles()) };
  } catch (e) {
    return { why: `the base and head commits are not both in the checkout and the pull request's files API answered: ${describe(e)}` };
  }
}

/**
 * Decide the scope and find what the pull request changed, in the head's lines, and place every
 * finding of the checkout on the head's lines (they differ when the checkout is the merge commit and
 * the base branch moved). Changed lines are computed whenever this is a pull request, whatever the
 * scope: findings on them come first in the annotation budget.
 */
export async function setUpScope(
  findings: Finding[],
  o: { scopeInput: string; prComments: boolean; token: string; workspace: string; env?: NodeJS.ProcessEnv; log?: (m: string) => void },
): Promise<PullRequestSetup> {
  const env = o.env ?? process.env;
  if (o.scopeInput && !isScopeMode(o.scopeInput)) throw new UsageError(`scope must be one of changed-lines, changed-files, all (got "${o.scopeInput}")`);
  const ctx = readPullRequestContext(env);
  const requested: ScopeMode = (o.scopeInput as ScopeMode) || (ctx ? 'changed-lines' : 'all');
  const client = await clientFor(o.token, env, o.log);
  const notes: string[] = [];
  let changes: ChangeSet | undefined;
  let note: string | undefined;
  let lines: LineMapping = IDENTITY;
  if (requested !== 'all' && !ctx) note = `scope ${requested} needs a pull_request event; every finding is in scope.`;
  if (ctx) {
    let listed: Promise<PullFile[]> | undefined;
    const pullFiles = (): Promise<PullFile[]> => (listed ??= listPullFiles(client!, ctx));
    lines = headLineMapping(o.workspace, ctx.headSha, { log: o.log });
    if (lines.source === 'none' && lines.checkout && client) {
      // No head commit to diff against: files whose blob equals the head's are the head's.
      const blobs = await pullFiles().then(
        (fs) => new Map(fs.filter((f) => f.sha && f.status !== 'removed').map((f) => [f.filename, f.sha!])),
        () => undefined,
      );
      if (blobs) lines = blobMapping(o.workspace, lines, blobs);
    }
    const found = await findChanges(ctx, o.workspace, pullFiles, client, o.log);
    changes = found.changes;
    if (!changes) {
      if (requested !== 'all') note = `The changed lines could not be determined (${found.why}); every finding is in scope.`;
      else o.log?.(`The changed lines could not be determined (${found.why})`);
    }
  }
  const { scoped, placed: placedOnHead } = scopeOnHead(findings, requested, changes, lines);
  const active = requested === 'all' ? undefined : changes;
  if (placedOnHead.unknown.length) {
    notes.push(`${lines.note ?? 'the lines could not be mapped'}: ${placedOnHead.unknown.length} finding(s) in files that differ from the head could not be placed on the head's lines; those in files the pull request changed count as changed.`);
  }
  if (placedOnHead.mergeOnly.length) {
    notes.push(`${placedOnHead.mergeOnly.length} finding(s) are on lines that exist only in the merge commit (the base branch changed them after this pull request branched off): not the pull request's, so not annotated${active ? ' nor counted for fail-on' : ''}.`);
  }
  const scope: ScopeInfo = {
    mode: scoped.mode,
    source: active ? active.source : 'none',
    inScope: scoped.inScope,
    ...(note ? { note } : {}),
  };
  const onHead = new Map(placedOnHead.placed.map((f) => [f.fingerprint, f]));
  return { ctx, client, changes, scoped, scope, notes, lines, onHead, mergeOnly: placedOnHead.mergeOnly };
}

/** The findings to annotate, on the head's lines; those only the merge commit has are left out. */
export function annotatedFindings(findings: Finding[], s: PullRequestSetup): Finding[] {
  const mergeOnly = new Set(s.mergeOnly.map((f) => f.fingerprint));
  return findings.filter((f) => !mergeOnly.has(f.fingerprint)).map((f) => s.onHead.get(f.fingerprint) ?? f);
}

/** What the run really did on the pull request, for the job summary: posted, kept, edited, and what failed. */
export function publishNotes(prNumber: number, r: PublishResult): string[] {
  const failed = new Set(r.failedEdits.filter((f) => f.kind === 'review comment').map((f) => f.id));
  const fixed = r.update.filter((u) => u.reason === 'fixed' && !failed.has(u.id)).length;
  const sticky = r.sticky === 'failed' ? 'not written' : r.sticky;
  const out = [
    `Pull request #${prNumber}: ${r.posted} new review comment(s), ${r.kept} already commented, ${fixed} marked fixed; summary comment ${sticky}.`,
  ];
  if (r.failedEdits.length) {
    const list = r.failedEdits.map((f) => `${f.kind}${f.id !== undefined ? ` ${f.id}` : ''} (${escapeMarkdown(f.reason)})`).join('; ');
    out.push(`${r.failedEdits.length} write(s) to the pull request failed and kept their previous text: ${list}.`);
  }
  if (r.foreign) {
    out.push(`${r.foreign} comment(s) carry a Controlgate marker but were not written by ${escapeMarkdown(r.identity.login)} (the account the token acts as): they were ignored and not edited.`);
  }
  if (r.overflow.length || r.unplaced.length) {
    out.push(`${r.overflow.length + r.unplaced.length} finding(s) were not commented on their line (per-run cap or line outside GitHub's diff); they are listed in the summary comment.`);
  }
  return out;
}

/** Post the review and the sticky summary; returns notes for the job summary. Never throws. */
export async function commentOnPullRequest(
  result: ScanResult,
  s: PullRequestSetup,
  o: { failOn: FailOn; failed: boolean; env?: NodeJS.ProcessEnv; log?: (m: string) => void; onPublished?: (r: PublishResult) => void; policyChanges?: PolicyChanges },
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
    // A waived finding is an accepted exception: no review comment asks to fix it.
    if (!s.scoped.inScope.has(f.fingerprint) || f.waiver?.status === 'applied') continue;
    const onHead = s.onHead.get(f.fingerprint);
    const line = onHead && commentLine(onHead, s.changes?.files.get(f.file));
    if (!onHead || line === undefined) continue;
    desired.push({ fingerprint: f.fingerprint, path: f.file, line, severity: f.severity, body: commentBody(onHead, metas.get(f.ruleId), ruleDocUrl(f.ruleId, env), line) });
  }
  const present = new Set(result.findings.map((f) => f.fingerprint));
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  try {
    const r = await publish(s.client, ctx, desired, present, (commented) =>
      stickyBody(result, { scopeMode: s.scope.mode, inScope: s.scoped.inScope, commented, failOn: o.failOn, failed: o.failed, sha: ctx.headSha, ...(runUrl ? { runUrl } : {}), notes: [...(s.scope.note ? [s.scope.note] : []), ...s.notes], ...(o.policyChanges ? { policyChanges: o.policyChanges } : {}) }),
    );
    o.onPublished?.(r);
    return publishNotes(ctx.number, r);
  } catch (e) {
    const why =
      isRefused(e)
        ? `GitHub refused the write (${escapeMarkdown(statusMessage(e))}): the token is read-only or lacks \`pull-requests: write\``
        : `the GitHub API call failed (${describe(e)})`;
    o.log?.(`Review comments not posted: ${describe(e)}`);
    return [`Review comments were not posted: ${why}. The findings are in the annotations, this summary and the SARIF file.`];
  }
}
