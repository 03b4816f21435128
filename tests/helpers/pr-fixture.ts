// A pull request as the runner sees it: a fixture git repository (base and head commits), the event
// payload, and the environment that points the action at a stand-in for GitHub's API.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';
import type { GitHubMock } from './github-mock.js';

export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

export interface Fixture {
  ws: string;
  base: string;
  head: string;
  eventPath: string;
}

/** A repository whose pull request changes one attribute of aws_instance.web (line 9). */
export function fixtureRepo(opts: { fork?: boolean } = {}): Fixture {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-pr-'));
  git(ws, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(ws, 'infra'));
  cpSync(path.join(repoRoot, 'examples', 'insecure', 'main.tf'), path.join(ws, 'infra', 'main.tf'));
  cpSync(path.join(repoRoot, 'examples', 'packer'), path.join(ws, 'infra', 'packer'), { recursive: true });
  git(ws, 'add', '.');
  git(ws, 'commit', '-q', '-m', 'base');
  const base = git(ws, 'rev-parse', 'HEAD').trim();
  git(ws, 'checkout', '-q', '-b', 'feature');
  const f = path.join(ws, 'infra', 'main.tf');
  writeFileSync(f, readFileSync(f, 'utf8').replace('instance_type = "t3.micro"', 'instance_type = "t3.large"'));
  git(ws, 'commit', '-q', '-am', 'bigger instance');
  const head = git(ws, 'rev-parse', 'HEAD').trim();
  const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'cg-event-')), 'event.json');
  writePullRequestEvent(eventPath, { base, head, headRef: 'feature', ...(opts.fork ? { headRepo: 'someone/infra' } : {}) });
  return { ws, base, head, eventPath };
}

/** The pull_request event payload of pull request #7 of acme/infra, as the runner writes it. */
export function writePullRequestEvent(eventPath: string, pr: { base: string; head: string; headRef: string; author?: string; headRepo?: string }): void {
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: {
        number: 7,
        ...(pr.author ? { user: { login: pr.author } } : {}),
        base: { sha: pr.base, ref: 'main', repo: { full_name: 'acme/infra' } },
        head: { sha: pr.head, ref: pr.headRef, repo: { full_name: pr.headRepo ?? 'acme/infra' } },
      },
      repository: { full_name: 'acme/infra' },
    }),
  );
}

/** The runner's environment for a pull_request event served by `mock`. */
export function env(fx: Fixture, mock: GitHubMock, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: fx.eventPath,
    GITHUB_API_URL: mock.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_RUN_ID: '42',
    GITHUB_ACTION_REPOSITORY: 'acme/controlgate',
    GITHUB_ACTION_REF: 'v1',
    CONTROLGATE_WRITE_INTERVAL_MS: '0',
    ...extra,
  };
}
