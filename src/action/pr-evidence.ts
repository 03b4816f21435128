// What the evidence records about the pull request a run judged: the change (number, author, head,
// base, what was scanned), the check's enforcement on the base branch, the waivers the change itself
// added, and the findings it fixed (review comments marked "Fixed in <sha>").
import type { ScanResult } from '../model/types.js';
import type { EvidenceChange, EvidenceEnforcement, EvidenceRemediation } from '../report/evidence/evidence.js';
import { pullRequestParties } from '../report/evidence/context.js';
import { fingerprintOf } from '../report/review.js';
import type { PublishResult } from '../github/pr.js';
import { waiversInChange } from '../scope/waivers.js';
import { requiredCheck, workflowStep } from './enforcement.js';
import type { PullRequestSetup } from './pull-request.js';

export interface PullRequestEvidence {
  change?: EvidenceChange;
  enforcement?: Omit<EvidenceEnforcement, 'verdict' | 'failOn'>;
  waiversInPullRequest?: Set<string>;
}

export async function pullRequestEvidence(pr: PullRequestSetup, result: ScanResult, configFiles: string[], workspace: string, env: NodeJS.ProcessEnv = process.env): Promise<PullRequestEvidence> {
  const step = workflowStep(env, workspace);
  const ctx = pr.ctx;
  const parties = pullRequestParties(env);
  const repo = ctx ? { owner: ctx.owner, repo: ctx.repo } : undefined;
  const baseRef = parties.baseRef ?? (env.GITHUB_BASE_REF || undefined) ?? (env.GITHUB_REF_NAME || undefined);
  const required = repo
    ? await requiredCheck(pr.client, repo, baseRef, step.checkNames)
    : { requiredCheck: 'unknown' as const, requiredCheckDetail: 'the repository is not known' };
  const enforcement = { ...required, continueOnError: step.continueOnError, continueOnErrorDetail: step.detail };
  if (!ctx) return { enforcement };
  const scanned: EvidenceChange['scanned'] =
    pr.lines.checkout === undefined ? 'unknown' : pr.lines.checkout.toLowerCase() === ctx.headSha.toLowerCase() ? 'head' : 'merge-commit';
  const change: EvidenceChange = {
    pullRequest: ctx.number,
    ...(parties.author ? { author: parties.author } : {}),
    headSha: ctx.headSha,
    baseSha: ctx.baseSha,
    ...(baseRef ? { baseRef } : {}),
    ...(pr.lines.checkout ? { scannedCommit: pr.lines.checkout } : {}),
    scanned,
  };
  return { change, enforcement, ...(pr.changes ? { waiversInPullRequest: waiversInChange(result.waivers, pr.changes, pr.lines, configFiles, workspace) } : {}) };
}

/** The findings this run marked fixed on the pull request (their review comments now say "Fixed in <sha>"). */
export function fixesOf(r: PublishResult, headSha: string): EvidenceRemediation[] {
  return r.update
    .filter((u) => u.reason === 'fixed')
    .map((u) => ({ fingerprint: fingerprintOf(u.body) ?? '', fixedIn: headSha, commentId: u.id }))
    .filter((x) => x.fingerprint);
}
