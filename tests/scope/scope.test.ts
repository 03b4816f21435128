// scope: changed files and lines from git diff (a real repository) and from the files API's patches;
// the block rule (a finding on an unchanged line of a changed block counts as changed); where a
// review comment can go.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiChanges, gitChanges, hasCommit, parseGitDiff, parsePatch } from '../../src/scope/diff.js';
import { applyScope, commentLine, onChangedLines } from '../../src/scope/scope.js';
import { scan } from '../../src/engine/scan.js';
import type { Finding } from '../../src/model/types.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

const BASE = `resource "aws_subnet" "a" {
  vpc_id = "vpc-1"
}

resource "aws_instance" "web" {
  ami           = "ami-1"
  instance_type = "t3.micro"
}
`;

function repoWithChange(): { dir: string; base: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-git-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'infra'));
  writeFileSync(path.join(dir, 'infra', 'main.tf'), BASE);
  writeFileSync(path.join(dir, 'infra', 'old name.tf'), 'variable "x" {}\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  git(dir, 'checkout', '-q', '-b', 'feature');
  // Change one attribute of the instance (line 7) and add a public subnet setting (line 3).
  writeFileSync(
    path.join(dir, 'infra', 'main.tf'),
    BASE.replace('  vpc_id = "vpc-1"\n', '  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n').replace('t3.micro', 't3.large'),
  );
  git(dir, 'mv', 'infra/old name.tf', 'infra/new name.tf');
  git(dir, 'commit', '-q', '-am', 'change');
  return { dir, base };
}

describe('changed lines from git diff', () => {
  it('finds added and modified lines of the new version, renames included', () => {
    const { dir, base } = repoWithChange();
    expect(hasCommit(dir, base)).toBe(true);
    expect(hasCommit(dir, '0'.repeat(40))).toBe(false);
    expect(hasCommit(dir, 'HEAD; rm -rf /')).toBe(false);
    const c = gitChanges(dir, base);
    expect(c.source).toBe('git');
    const f = c.files.get('infra/main.tf')!;
    expect(f.added).toEqual([3, 8]);
    expect(f.inDiff).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(c.files.get('infra/new name.tf')).toMatchObject({ previousPath: 'infra/old name.tf', added: [] });
  });

  it('parses hunks, deletions, no-newline markers and quoted paths', () => {
    const d = [
      'diff --git a/x.tf b/x.tf',
      'index 1..2 100644',
      '--- a/x.tf',
      '+++ b/x.tf',
      '@@ -1,3 +1,3 @@',
      ' a',
      '-b',
      '+B',
      ' c',
      '@@ -10 +10,2 @@',
      '-old',
      '+new1',
      '+new2',
      '\\ No newline at end of file',
      'diff --git "a/caf\\303\\251.tf" "b/caf\\303\\251.tf"',
      '--- "a/caf\\303\\251.tf"',
      '+++ "b/caf\\303\\251.tf"',
      '@@ -0,0 +1 @@',
      '+x',
      'diff --git a/gone.tf b/gone.tf',
      '--- a/gone.tf',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
    ].join('\n');
    const files = parseGitDiff(d);
    expect(files.get('x.tf')).toMatchObject({ added: [2, 10, 11], inDiff: [1, 2, 3, 10, 11] });
    expect(files.get('café.tf')).toMatchObject({ added: [1] });
    expect(files.has('gone.tf')).toBe(false);
  });
});

describe('changed lines from the files API', () => {
  it('reads each file\'s patch; a file without a patch counts whole', () => {
    const c = apiChanges([
      { filename: 'a.tf', status: 'modified', patch: '@@ -4,2 +4,3 @@ resource "x" "y" {\n   a = 1\n+  b = 2\n   c = 3' },
      { filename: 'big.tf', status: 'modified', changes: 5000 },
      { filename: 'gone.tf', status: 'removed' },
      { filename: 'moved.tf', previous_filename: 'was.tf', status: 'renamed', changes: 0 },
    ]);
    expect(c.source).toBe('api');
    expect(c.files.get('a.tf')).toMatchObject({ added: [5], inDiff: [4, 5, 6] });
    expect(c.files.get('big.tf')!.wholeFile).toBe(true);
    expect(c.files.has('gone.tf')).toBe(false);
    expect(c.files.get('moved.tf')).toMatchObject({ previousPath: 'was.tf', added: [] });
    expect(c.files.get('moved.tf')!.wholeFile).toBeUndefined();
    expect(parsePatch('@@ -1 +1 @@\n-a\n+b')).toEqual({ added: [1], inDiff: [1] });
  });
});

describe('scope filter and the block rule', () => {
  const f = (over: Partial<Finding>): Finding => ({
    ruleId: 'R', id: 'R', severity: 'high', title: 't', message: 'm', remediation: 'r',
    controls: { iso27017: [], iso27002: [], soc2: [], cis: [], nist: [] },
    file: 'a.tf', range: { startLine: 10, endLine: 10 }, resource: 'x.y', path: [], fingerprint: 'f', ...over,
  });
  const changes = { source: 'git' as const, files: new Map([['a.tf', { path: 'a.tf', added: [14], inDiff: [11, 12, 13, 14, 15, 16, 17] }]]) };

  it('counts a finding on an unchanged line of a changed block as changed', () => {
    const missing = f({ fingerprint: 'missing', range: { startLine: 10, endLine: 10 }, blockRange: { startLine: 10, endLine: 20 } });
    const elsewhere = f({ fingerprint: 'elsewhere', range: { startLine: 30, endLine: 30 }, blockRange: { startLine: 30, endLine: 35 } });
    const onLine = f({ fingerprint: 'online', range: { startLine: 14, endLine: 14 } });
    const otherFile = f({ fingerprint: 'other', file: 'b.tf' });
    expect(onChangedLines(missing, changes.files.get('a.tf'))).toBe(true);
    expect(onChangedLines(elsewhere, changes.files.get('a.tf'))).toBe(false);
    const all = [missing, elsewhere, onLine, otherFile];
    expect([...applyScope(all, 'changed-lines', changes).inScope].sort()).toEqual(['missing', 'online']);
    expect([...applyScope(all, 'changed-files', changes).inScope].sort()).toEqual(['elsewhere', 'missing', 'online']);
    expect(applyScope(all, 'all', changes).inScope.size).toBe(4);
    // Unknown changes: everything is in scope and the mode says so.
    expect(applyScope(all, 'changed-lines', undefined)).toMatchObject({ mode: 'all' });
    // The comment for a missing attribute goes on the block's first changed line.
    expect(commentLine(missing, changes.files.get('a.tf'))).toBe(14);
    expect(commentLine(onLine, changes.files.get('a.tf'))).toBe(14);
    expect(commentLine(elsewhere, changes.files.get('a.tf'))).toBeUndefined();
  });

  it('end to end: a scan of the changed repository, scoped by its git diff', async () => {
    const { dir, base } = repoWithChange();
    const r = await scan({ root: dir, paths: ['infra'] });
    const scoped = applyScope(r.findings, 'changed-lines', gitChanges(dir, base));
    const inScope = r.findings.filter((x) => scoped.inScope.has(x.fingerprint));
    const out = r.findings.filter((x) => !scoped.inScope.has(x.fingerprint));
    // The subnet's new public-IP line is in scope; the instance block changed (line 8), so its
    // missing-attribute findings (reported on line 5, the block's first line) are in scope too.
    expect(inScope.map((x) => `${x.id}:${x.range.startLine}`)).toContain('SEG-AWS-001:3');
    const web = r.findings.filter((x) => x.resource === 'aws_instance.web');
    expect(web.length).toBeGreaterThan(0);
    for (const w of web) expect(w.blockRange).toEqual({ startLine: 6, endLine: 9 });
    for (const w of web) expect(scoped.inScope.has(w.fingerprint)).toBe(true);
    expect(out.every((x) => x.resource !== 'aws_instance.web')).toBe(true);
    expect(readFileSync(path.join(dir, 'infra/main.tf'), 'utf8').split('\n')[7]).toContain('t3.large');
  });
});
