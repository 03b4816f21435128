// The run context an auditor cites: which repository, commit, workflow run and actor. Read from the
// runner's environment (GITHUB_* variables and the event payload); empty outside Actions.
import { readEventPayload } from '../../util/event-payload.js';

export interface RunContext {
  repository?: string;
  commit?: string;
  ref?: string;
  event?: string;
  pullRequest?: number;
  workflow?: string;
  runId?: string;
  runAttempt?: string;
  runUrl?: string;
  actor?: string;
  /** "i/n" when the scan was one shard of several (--shard); absent in a merged or unsharded run. */
  shard?: string;
  /** The workflow file and ref (GITHUB_WORKFLOW_REF) and the job id (GITHUB_JOB). */
  workflowRef?: string;
  job?: string;
  /** What ran: the action as the workflow named it, the runner and its image, Node.js. */
  action?: { repository?: string; ref?: string; sha?: string };
  runner?: { os?: string; arch?: string; imageOS?: string; imageVersion?: string; environment?: string };
  node?: string;
}

/** The action as the workflow named it: its repository and ref; the ref is the commit when it is a full SHA. */
function actionRan(env: NodeJS.ProcessEnv): RunContext['action'] {
  const repository = env.GITHUB_ACTION_REPOSITORY || undefined;
  const ref = env.GITHUB_ACTION_REF || undefined;
  if (!repository && !ref) return undefined;
  return { ...(repository ? { repository } : {}), ...(ref ? { ref } : {}), ...(ref && /^[0-9a-f]{40}$/i.test(ref) ? { sha: ref.toLowerCase() } : {}) };
}

function runnerRan(env: NodeJS.ProcessEnv): RunContext['runner'] {
  const r = {
    ...(env.RUNNER_OS ? { os: env.RUNNER_OS } : {}),
    ...(env.RUNNER_ARCH ? { arch: env.RUNNER_ARCH } : {}),
    ...(env.ImageOS ? { imageOS: env.ImageOS } : {}),
    ...(env.ImageVersion ? { imageVersion: env.ImageVersion } : {}),
    ...(env.RUNNER_ENVIRONMENT ? { environment: env.RUNNER_ENVIRONMENT } : {}),
  };
  return Object.keys(r).length ? r : undefined;
}

function pullRequestNumber(env: NodeJS.ProcessEnv): number | undefined {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
  if (fromRef) return Number(fromRef[1]);
  const payload = readEventPayload(env) as { pull_request?: { number?: unknown } } | undefined;
  const n = payload?.pull_request?.number;
  return typeof n === 'number' ? n : undefined;
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const ctx: RunContext = {};
  const set = <K extends keyof RunContext>(k: K, v: RunContext[K] | undefined | ''): void => {
    if (v !== undefined && v !== '') ctx[k] = v;
  };
  set('repository', env.GITHUB_REPOSITORY);
  set('commit', env.GITHUB_SHA);
  set('ref', env.GITHUB_REF);
  set('event', env.GITHUB_EVENT_NAME);
  set('pullRequest', pullRequestNumber(env));
  set('workflow', env.GITHUB_WORKFLOW);
  set('runId', env.GITHUB_RUN_ID);
  set('runAttempt', env.GITHUB_RUN_ATTEMPT);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    set('runUrl', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`);
  }
  set('actor', env.GITHUB_ACTOR);
  set('workflowRef', env.GITHUB_WORKFLOW_REF);
  set('job', env.GITHUB_JOB);
  set('action', actionRan(env));
  set('runner', runnerRan(env));
  ctx.node = process.version;
  return ctx;
}

/** The pull request's author and base branch, from the event payload (absent outside pull_request events). */
export function pullRequestParties(env: NodeJS.ProcessEnv = process.env): { author?: string; baseRef?: string } {
  const payload = readEventPayload(env) as { pull_request?: { user?: { login?: unknown }; base?: { ref?: unknown } } } | undefined;
  const author = payload?.pull_request?.user?.login;
  const baseRef = payload?.pull_request?.base?.ref;
  return { ...(typeof author === 'string' ? { author } : {}), ...(typeof baseRef === 'string' ? { baseRef } : {}) };
}
