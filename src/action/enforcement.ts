// Whether this run's verdict can stop the change, for the evidence: is the check required on the base
// branch (rulesets: GET /repos/{owner}/{repo}/rules/branches/{branch}, readable with the default
// token; classic branch protection is not), and does the workflow let the step or job fail without
// failing the run (continue-on-error, read from the workflow file the run names).
import { existsSync } from 'node:fs';
import { CONTROL_FILE_BYTES, readWorkspaceFile } from '../util/workspace-read.js';
import path from 'node:path';
import { load } from 'js-yaml';
import { describeError, paginate, type GitHub } from '../github/client.js';
import type { EvidenceEnforcement } from '../report/evidence/evidence.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface WorkflowStep {
  /** The job's check name as GitHub shows it: its `name`, else its id. */
  checkNames: string[];
  continueOnError: boolean | 'unknown';
  detail: string;
}

/** A continue-on-error value: a boolean, or an expression only the runner can evaluate. */
function flag(v: unknown): boolean | 'unknown' {
  if (v === undefined || v === false || v === 'false') return false;
  if (v === true || v === 'true') return true;
  return 'unknown';
}

/**
 * This step and its job in the workflow file (GITHUB_WORKFLOW_REF names it, GITHUB_JOB the job,
 * GITHUB_ACTION the step id when it has one). Read from the checkout: on pull_request the workflow
 * that runs is the one in the checked-out merge commit.
 */
export function workflowStep(env: NodeJS.ProcessEnv, workspace: string): WorkflowStep {
  const job = env.GITHUB_JOB;
  const unknown = (detail: string): WorkflowStep => ({ checkNames: job ? [job] : [], continueOnError: 'unknown', detail });
  const ref = env.GITHUB_WORKFLOW_REF ?? '';
  const repo = env.GITHUB_REPOSITORY ?? '';
  const file = ref.startsWith(`${repo}/`) ? ref.slice(repo.length + 1).replace(/@[^@]*$/, '') : '';
  if (!job || !file || file.includes('..')) return unknown('the workflow file or job is not known (GITHUB_WORKFLOW_REF, GITHUB_JOB)');
  const abs = path.join(workspace, file);
  if (!existsSync(abs)) return unknown(`the workflow file ${file} is not in the checkout`);
  let doc: unknown;
  try {
    // Through the workspace reader: a pull request may have made the workflow file a link or a FIFO.
    doc = load(readWorkspaceFile(workspace, abs, CONTROL_FILE_BYTES, 'the workflow file', file).bytes.toString('utf8'));
  } catch {
    return unknown(`the workflow file ${file} could not be parsed`);
  }
  const jobs = isObj(doc) && isObj(doc.jobs) ? doc.jobs : undefined;
  const j = jobs?.[job];
  if (!isObj(j)) return unknown(`job ${job} is not in ${file}`);
  const checkNames = [...new Set([typeof j.name === 'string' && !j.name.includes('${{') ? j.name : job, job])];
  const jobFlag = flag(j['continue-on-error']);
  const steps = Array.isArray(j.steps) ? j.steps.filter(isObj) : [];
  const actionRepo = env.GITHUB_ACTION_REPOSITORY ?? '';
  const byId = steps.filter((s) => s.id !== undefined && s.id === env.GITHUB_ACTION);
  const byUses = steps.filter((s) => typeof s.uses === 'string' && (actionRepo ? s.uses.toLowerCase().startsWith(`${actionRepo.toLowerCase()}@`) : s.uses.startsWith('./')));
  const candidates = byId.length ? byId : byUses;
  const stepFlags = candidates.map((s) => flag(s['continue-on-error']));
  const stepFlag: boolean | 'unknown' = candidates.length === 1 ? stepFlags[0]! : stepFlags.length && stepFlags.every((f) => f === false) ? false : 'unknown';
  const continueOnError: boolean | 'unknown' = jobFlag === true || stepFlag === true ? true : jobFlag === 'unknown' || stepFlag === 'unknown' ? 'unknown' : false;
  const where = candidates.length === 1 ? 'this step' : candidates.length ? `${candidates.length} steps using this action` : 'no step found for this action';
  return {
    checkNames,
    continueOnError,
    detail: `${file}, job ${job} (continue-on-error: ${String(jobFlag)}), ${where} (continue-on-error: ${String(stepFlag)})`,
  };
}

interface BranchRule {
  type?: string;
  ruleset_source?: string;
  parameters?: { required_status_checks?: Array<{ context?: string }> };
}

/** Is one of `checkNames` a required status check of the rulesets that apply to `branch`? */
export async function requiredCheck(
  client: GitHub | undefined,
  repo: { owner: string; repo: string },
  branch: string | undefined,
  checkNames: string[],
): Promise<Pick<EvidenceEnforcement, 'requiredCheck' | 'requiredCheckDetail'>> {
  if (!client) return { requiredCheck: 'unknown', requiredCheckDetail: 'no github-token to read the base branch rules' };
  if (!branch) return { requiredCheck: 'unknown', requiredCheckDetail: 'the base branch is not known' };
  let rules: BranchRule[];
  try {
    rules = await paginate<BranchRule>(client, 'GET /repos/{owner}/{repo}/rules/branches/{branch}', { ...repo, branch }, 10);
  } catch (e) {
    // 403/404 (the token may not read them, no such branch) and failures alike: unknown, and why.
    return { requiredCheck: 'unknown', requiredCheckDetail: `the rules of branch ${branch} could not be read (${describeError(e)})` };
  }
  const contexts = rules.filter((r) => r.type === 'required_status_checks').flatMap((r) => (r.parameters?.required_status_checks ?? []).map((c) => c.context ?? ''));
  const hit = checkNames.find((n) => contexts.includes(n));
  if (hit) return { requiredCheck: 'required', requiredCheckDetail: `a ruleset of ${branch} requires the status check "${hit}"` };
  return {
    requiredCheck: 'not-required-by-rulesets',
    requiredCheckDetail: `no ruleset of ${branch} requires ${checkNames.map((n) => `"${n}"`).join(' or ') || 'this check'}${contexts.length ? ` (required: ${contexts.join(', ')})` : ''}; classic branch protection is not readable with this token`,
  };
}
