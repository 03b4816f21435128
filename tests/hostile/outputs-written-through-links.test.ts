// Issue 12, item 7: "Outputs written through links". A pull request that adds controlgate.sarif and
// controlgate-evidence.md as links made the action overwrite a file outside the workspace and create
// another. Outputs never follow a link: a link at the output's name is refused, a folder on the way
// that leads out of the workspace is refused, and the bytes go to a temporary file renamed over the
// target (src/util/output-write.ts). Through dist/ (the action as the runner runs it, and the CLI).
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

function victim(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-victim-'));
  const file = path.join(dir, 'precious.txt');
  writeFileSync(file, 'precious');
  return { dir, file };
}

describe('outputs written through links', () => {
  it('the action refuses a SARIF or evidence name that is a link, writes nothing outside, and says why', () => {
    for (const linked of ['controlgate.sarif', 'controlgate-evidence.md', 'controlgate-evidence.json', 'controlgate-evidence.oscal.json']) {
      const v = victim();
      const ws = workspace({ 'infra/main.tf': INSTANCE() });
      symlinkSync(v.file, path.join(ws, linked));
      const r = runAction(ws, { paths: 'infra', 'sarif-file': linked.endsWith('.sarif') ? linked : 'controlgate.sarif' });
      expect(readFileSync(v.file, 'utf8'), linked).toBe('precious');
      expect(readdirSync(v.dir)).toEqual(['precious.txt']);
      expect(lstatSync(path.join(ws, linked)).isSymbolicLink()).toBe(true);
      expect(r.code, linked).toBe(2);
      expect(r.stdout).toMatch(new RegExp(`^::error::Controlgate: refusing to write [^\\n]*${linked.replace(/\./g, '\\.')}: it is a symbolic link`, 'm'));
      expect(r.summary).toMatch(/usage error/);
    }
  });

  it('a dangling link at the output name is refused too: nothing is created where it points', () => {
    const v = victim();
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    symlinkSync(path.join(v.dir, 'new.sarif'), path.join(ws, 'controlgate.sarif'));
    const r = runAction(ws, { paths: 'infra' });
    expect(r.code).toBe(2);
    expect(existsSync(path.join(v.dir, 'new.sarif'))).toBe(false);
  });

  it('a folder on the way that is a link out of the workspace is refused, before any folder is created', () => {
    const v = victim();
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    symlinkSync(v.dir, path.join(ws, 'reports'));
    const r = runAction(ws, { paths: 'infra', 'sarif-file': 'reports/deep/controlgate.sarif' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/refusing to write reports\/deep\/controlgate\.sarif: its folder leads out of the workspace/);
    expect(readdirSync(v.dir)).toEqual(['precious.txt']);
    const cli = runCli(['scan', 'infra', '--evidence', 'reports/e.json'], ws);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/refusing to write .*reports\/e\.json: its folder leads out of the workspace/);
    expect(readdirSync(v.dir)).toEqual(['precious.txt']);
  });

  it('the CLI refuses --sarif and --evidence names that are links; a regular file there is replaced, not written through', () => {
    const v = victim();
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    symlinkSync(v.file, path.join(ws, 'out.sarif'));
    const sarif = runCli(['scan', 'infra', '--sarif', 'out.sarif'], ws);
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toMatch(/refusing to write out\.sarif: it is a symbolic link/);
    expect(sarif.stderr).not.toMatch(/\n\s+at /);
    symlinkSync(v.file, path.join(ws, 'e.md'));
    const ev = runCli(['scan', 'infra', '--evidence', 'e.json'], ws);
    expect(ev.code).toBe(2);
    expect(readFileSync(v.file, 'utf8')).toBe('precious');
    // A hard link to the victim at the output's name: the rename replaces the name, the victim is untouched.
    mkdirSync(path.join(ws, 'o'));
    const hard = path.join(ws, 'o', 'c.sarif');
    linkSync(v.file, hard); // both under the system's temporary folder: one file system
    expect(runCli(['scan', 'infra', '--sarif', 'o/c.sarif', '--fail-on', 'never'], ws).code).toBe(0);
    expect(readFileSync(v.file, 'utf8')).toBe('precious');
    expect(JSON.parse(readFileSync(hard, 'utf8')).version).toBe('2.1.0');
  });
});
