// The pre-commit hook (.pre-commit-hooks.yaml), run the way pre-commit runs it: pre-commit itself,
// installed from PyPI into a temporary virtualenv, `pre-commit try-repo <this repo> controlgate` in a
// temporary git repository (try-repo clones this checkout, uncommitted changes included, and installs
// the hook's node environment as for any user). Needs python3 and PyPI: when either is missing the
// test fails saying so, it never passes without having run the hook.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const run = (cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 540_000, env: { ...process.env, ...env } });

function installPreCommit(dir: string): string {
  const venv = path.join(dir, 'venv');
  const made = run('python3', ['-m', 'venv', venv], dir);
  if (made.status !== 0) throw new Error(`NOT TESTED: python3 -m venv failed, so pre-commit cannot be installed: ${made.error?.message ?? made.stderr}`);
  const pip = run(path.join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '-q', 'pre-commit'], dir);
  if (pip.status !== 0) throw new Error(`NOT TESTED: pip could not install pre-commit from PyPI (unreachable?):\n${pip.stderr}`);
  return path.join(venv, 'bin', 'pre-commit');
}

describe('pre-commit hook', () => {
  it('scans the staged Terraform and Packer files and fails on findings at or above fail-on', { timeout: 1_200_000 }, () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'cg-precommit-'));
    const preCommit = installPreCommit(tmp);
    const repo = path.join(tmp, 'repo');
    const git = (...args: string[]) => run('git', args, tmp);
    expect(git('init', '-q', repo).status).toBe(0);
    // pre-commit's node environment (nodeenv, language_version: system) takes `nodejs` from PATH
    // before `node`: a distribution's /usr/bin/nodejs (older than the CLI supports) would win over
    // the Node.js this suite runs on. Both names lead to it here.
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin);
    for (const n of ['node', 'nodejs']) symlinkSync(process.execPath, path.join(bin, n));
    const env = { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, PRE_COMMIT_HOME: path.join(tmp, 'cache'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    writeFileSync(path.join(repo, 'insecure.tf'), 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  instance_type = "t3.micro"\n}\n');
    writeFileSync(path.join(repo, 'clean.tf'), 'locals {\n  name = "x"\n}\n');
    writeFileSync(path.join(repo, 'notes.md'), 'not Terraform\n');
    writeFileSync(path.join(repo, 'unstaged.tf'), 'resource "aws_subnet" "a" {\n  vpc_id = "v"\n  map_public_ip_on_launch = true\n}\n');
    expect(run('git', ['add', 'insecure.tf', 'clean.tf', 'notes.md'], repo).status).toBe(0);

    // Like `pre-commit run`: the staged files that match the hook's `files` pattern.
    const staged = run(preCommit, ['try-repo', repoRoot, 'controlgate', '--verbose'], repo, env);
    const out = staged.stdout + staged.stderr;
    expect(staged.status, out).toBe(1);
    expect(out).toMatch(/^insecure\.tf:1 +high +VMH-AWS-001 /m);
    expect(out).not.toMatch(/unstaged\.tf|notes\.md/); // not staged / not Terraform
    expect(out).toMatch(/2 file\(s\) found: 2 scanned/);

    // A clean file passes.
    const clean = run(preCommit, ['try-repo', repoRoot, 'controlgate', '--files', 'clean.tf'], repo, env);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/Controlgate.*Passed/);
  });
});
