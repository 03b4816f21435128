// github: the pull request this run is about (from the event payload) and the REST calls the
// pull-request features make: changed files, review comments, the sticky summary comment.
import { readEventPayload } from '../util/event-payload.js';
import type { PullFile } from '../scope/diff.js';
import { httpStatus, paginate, statusMessage, type GitHub } from './client.js';
import {
  STICKY_MARKER,
  fingerprintOf,
  reconcile,
  reviewBody,
  type DesiredComment,
  type ExistingComment,
  type Reconciled,
} from '../report/review.js';

export interface PullRequestContext {
  eventName: string;
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  /** The head branch lives in another repository: on `pull_request` the token is read-only. */
  fork: boolean;
}

interface Payload {
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
  repository?: { full_name?: string };
}

/** The pull request of a pull_request / pull_request_target event; undefined for other events. */
export function readPullRequestContext(env: NodeJS.ProcessEnv = process.env): PullRequestContext | undefined {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  if (!env.GITHUB_EVENT_PATH || !/^pull_request(_target|_review|_review_comment)?$/.test(eventName)) return undefined;
  const payload = readEventPayload(env) as Payload | undefined;
  if (!payload) return undefined;
  const pr = payload.pull_request;
  const full = payload.repository?.full_name ?? env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  if (!pr?.number || !owner || !repo || !pr.base?.sha || !pr.head?.sha) return undefined;
  const headRepo = pr.head.repo?.full_name;
  const baseRepo = pr.base.repo?.full_name ?? full;
  return { eventName, owner, repo, number: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha, fork: headRepo !== undefined && headRepo !== baseRepo };
}

export function listPullFiles(gh: GitHub, ctx: PullRequestContext): Promise<PullFile[]> {
  // GitHub lists at most 3000 files (30 pages of 100).
  return paginate<PullFile>(gh, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner: ctx.owner, repo: ctx.repo, pull_number: ctx.number }, 30);
}

interface ApiComment {
  id: number;
  body?: string;
  path?: string;
  line?: number | null;
  user?: { login?: string; type?: string } | null;
}

/** The account the token acts as: comments by anyone else are never the action's, whatever they contain. */
export interface Identity {
  login: string;
  /** 'user': GET /user answered (a personal access token); 'installation': a GitHub App installation token. */
  source: 'user' | 'installation';
}

/** What GitHub names the GITHUB_TOKEN of Actions when it writes (an installation token of the "github-actions" app). */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Who the token acts as. A personal access token may read GET /user; an installation token (the
 * workflow's GITHUB_TOKEN) is refused it with 403 "Resource not accessible by integration", and
 * writes as github-actions[bot].
 */
export async function actingIdentity(gh: GitHub): Promise<Identity> {
  try {
    const res = await gh.rest.users.getAuthenticated();
    if (res.data?.login) return { login: res.data.login, source: 'user' };
  } catch (e) {
    if (httpStatus(e) !== 403) throw e;
  }
  return { login: ACTIONS_BOT, source: 'installation' };
}

export const authoredBy = (c: { user?: { login?: string } | null }, who: Identity): boolean =>
  typeof c.user?.login === 'string' && c.user.login.toLowerCase() === who.login.toLowerCase();

/** An edit of one of the action's own comments that GitHub refused or that failed. */
export interface FailedEdit {
  /** Absent when the comment was to be created. */
  id?: number;
  kind: 'review comment' | 'summary comment';
  reason: string;
}

export interface PublishResult extends Reconciled {
  posted: number;
  /** Comments GitHub would not place (line outside the diff): listed in the summary comment only. */
  unplaced: DesiredComment[];
  sticky: 'created' | 'updated' | 'failed';
  stickyId?: number;
  identity: Identity;
  /** Edits that did not go through; the rest of the run's writes stand. */
  failedEdits: FailedEdit[];
  /** Comments carrying a Controlgate marker written by someone else: ignored, never edited. */
  foreign: number;
}

const reasonOf = statusMessage;

/**
 * Post this run's review (one per run, new findings only), edit comments whose findings changed or
 * were fixed, and create or update the sticky summary comment. Throws Octokit's RequestError (check
 * `isRefused`).
 */
export async function publish(
  gh: GitHub,
  ctx: PullRequestContext,
  desired: DesiredComment[],
  present: Set<string>,
  sticky: (commented: Set<string>) => string,
): Promise<PublishResult> {
  const base = { owner: ctx.owner, repo: ctx.repo };
  const pr = { ...base, pull_number: ctx.number };
  const identity = await actingIdentity(gh);
  const marked = (await paginate<ApiComment>(gh, 'GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', pr)).filter((c) => c.body && fingerprintOf(c.body));
  const existing: ExistingComment[] = marked
    .filter((c) => authoredBy(c, identity))
    .map((c) => ({ id: c.id, body: c.body!, ...(c.path ? { path: c.path } : {}), line: c.line ?? null }));
  let foreign = marked.length - existing.length;
  const plan = reconcile(existing, desired, present, ctx.headSha);

  let posted = 0;
  const unplaced: DesiredComment[] = [];
  if (plan.create.length) {
    try {
      await gh.rest.pulls.createReview({
        ...pr,
        commit_id: ctx.headSha,
        event: 'COMMENT',
        body: reviewBody(plan.create.length, desired.length),
        comments: plan.create.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT', body: c.body })),
      });
      posted = plan.create.length;
    } catch (e) {
      // 422: some line is not part of the diff GitHub computed. Post one by one, keep what fits.
      if (httpStatus(e) !== 422) throw e;
      for (const c of plan.create) {
        try {
          await gh.rest.pulls.createReviewComment({ ...pr, body: c.body, commit_id: ctx.headSha, path: c.path, line: c.line, side: 'RIGHT' });
          posted++;
        } catch (e2) {
          if (httpStatus(e2) !== 422) throw e2;
          unplaced.push(c);
        }
      }
    }
  }
  const failedEdits: FailedEdit[] = [];
  for (const u of plan.update) {
    try {
      await gh.rest.pulls.updateReviewComment({ ...base, comment_id: u.id, body: u.body });
    } catch (e) {
      failedEdits.push({ id: u.id, kind: 'review comment', reason: reasonOf(e) });
    }
  }

  const commented = new Set<string>([...existing.map((c) => fingerprintOf(c.body)!), ...plan.create.filter((c) => !unplaced.includes(c)).map((c) => c.fingerprint)]);
  const text = sticky(commented);
  const issueComments = (await paginate<ApiComment>(gh, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...base, issue_number: ctx.number })).filter((c) => c.body?.includes(STICKY_MARKER));
  const mine = issueComments.find((c) => authoredBy(c, identity));
  foreign += issueComments.filter((c) => !authoredBy(c, identity)).length;
  let stickyId: number | undefined;
  let stickyState: PublishResult['sticky'];
  try {
    if (mine) {
      await gh.rest.issues.updateComment({ ...base, comment_id: mine.id, body: text });
      stickyId = mine.id;
      stickyState = 'updated';
    } else {
      const res = await gh.rest.issues.createComment({ ...base, issue_number: ctx.number, body: text });
      stickyId = res.data.id;
      stickyState = 'created';
    }
  } catch (e) {
    failedEdits.push({ ...(mine ? { id: mine.id } : {}), kind: 'summary comment', reason: reasonOf(e) });
    stickyState = 'failed';
  }
  return { ...plan, posted, unplaced, sticky: stickyState, ...(stickyId !== undefined ? { stickyId } : {}), identity, failedEdits, foreign };
}
