// The run context an auditor cites: which repository, commit, workflow run and actor. Read from the
// runner's environment (GITHUB_* variables and the event payload); empty outside Actions.
import { readFileSync } from 'node:fs';

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
}

function pullRequestNumber(env: NodeJS.ProcessEnv): number | undefined {
  const fromRef = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
  if (fromRef) return Number(fromRef[1]);
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: unknown } };
    const n = payload.pull_request?.number;
    return typeof n === 'number' ? n : undefined;
  } catch {
    return undefined;
  }
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
  return ctx;
}
