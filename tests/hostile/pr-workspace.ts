// A pull request's checkout for the hostile tests: a git repository whose base commit holds `base`
// and whose head commit holds `head` (file path -> content), an event payload, and the environment
// the runner gives the action (with the GitHub API stand-in's address).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GitHubMock } from '../helpers/github-mock.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

export interface PullRequest {
  ws: string;
  base: string;
  head: string;
  eventPath: string;
}

function writeAll(ws: string, files: Record<string, string | null>): void {
  for (const [name, text] of Object.entries(files)) {
    const f = path.join(ws, name);
    if (text === null) {
      rmSync(f, { force: true });
      continue;
    }
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text);
  }
}

/** A workspace with plain files (no git). */
export function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-hostile-'));
  writeAll(ws, files);
  return ws;
}

export function pullRequest(base: Record<string, string>, head: Record<string, string | null>): PullRequest {
  const ws = workspace(base);
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'add', '.');
  git(ws, 'commit', '-q', '-m', 'base');
  const baseSha = git(ws, 'rev-parse', 'HEAD').trim();
  git(ws, 'checkout', '-q', '-b', 'feature');
  writeAll(ws, head);
  git(ws, 'add', '-A', '.');
  git(ws, 'commit', '-q', '-m', 'change');
  const headSha = git(ws, 'rev-parse', 'HEAD').trim();
  const eventPath = path.join(mkdtempSync(path.join(tmpdir(), 'cg-event-')), 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, base: { sha: baseSha, ref: 'main', repo: { full_name: 'acme/infra' } }, head: { sha: headSha, ref: 'feature', repo: { full_name: 'acme/infra' } } },
      repository: { full_name: 'acme/infra' },
    }),
  );
  return { ws, base: baseSha, head: headSha, eventPath };
}

export function prEnv(pr: PullRequest, mock: GitHubMock): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: pr.eventPath,
    GITHUB_API_URL: mock.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_RUN_ID: '42',
    GITHUB_ACTION_REPOSITORY: 'acme/controlgate',
    GITHUB_ACTION_REF: 'v1',
    CONTROLGATE_WRITE_INTERVAL_MS: '0',
  };
}

/** The workflow commands the action issued on stdout, by name. */
export function commands(stdout: string, name: string): string[] {
  return stdout.split(/\r?\n/).filter((l) => l.startsWith(`::${name}`));
}

/** An insecure EC2 instance (VMH-AWS-001, high: http_tokens "optional") at lines 1-6 of its file. */
export const INSTANCE = (tokens = '"optional"', name = 'web'): string =>
  `resource "aws_instance" "${name}" {\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_tokens = ${tokens}\n  }\n}\n`;
