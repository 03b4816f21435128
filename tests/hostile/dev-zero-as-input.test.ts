// Issue 12, item 5: "/dev/zero as a var file or as extends" grew memory to gigabytes. Any file that is
// not a regular file (a character device, a FIFO, a folder) is refused before a byte is read, with a
// located, clear error: as a var file, as `extends`, as the configuration, as the plan, as a scanned
// file. A FIFO nobody writes to must not hang the run either. Through dist/.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

function withSpecials(files: Record<string, string> = {}): string {
  const ws = workspace({ 'infra/main.tf': INSTANCE(), ...files });
  symlinkSync('/dev/zero', path.join(ws, 'zero.tfvars'));
  symlinkSync('/dev/zero', path.join(ws, 'zero.yml'));
  symlinkSync('/dev/zero', path.join(ws, 'zero.json'));
  symlinkSync('/dev/zero', path.join(ws, 'infra', 'zero.tf'));
  execFileSync('mkfifo', [path.join(ws, 'fifo.tfvars')]);
  execFileSync('mkfifo', [path.join(ws, 'infra', 'fifo.tf')]);
  return ws;
}

describe('/dev/zero and other non-regular files as inputs', () => {
  it('as a var file (a link to /dev/zero, /dev/zero itself, a FIFO): a located error, at once', () => {
    const ws = withSpecials();
    for (const [given, shown, what] of [
      ['zero.tfvars', 'zero.tfvars', 'a character device'],
      ['fifo.tfvars', 'fifo.tfvars', 'a FIFO'],
    ] as const) {
      const r = runCli(['scan', 'infra/main.tf', '--var-file', given, '--format', 'json'], ws);
      expect(r.code, given).toBe(1);
      expect(JSON.parse(r.stdout).errors).toContainEqual(expect.objectContaining({ path: shown, range: expect.objectContaining({ startLine: 1 }), message: expect.stringContaining(`is ${what}`) }));
    }
  });

  it('as extends and as the configuration: a configuration error at the line, exit 2', () => {
    const ws = withSpecials({ '.controlgate.yml': 'fail-on: high\nextends: zero.yml\n' });
    const r = runCli(['scan', 'infra/main.tf'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.controlgate\.yml:2: extends names zero\.yml, which is a character device, not a regular file/);
    const fifo = withSpecials({ '.controlgate.yml': 'extends: fifo.tfvars\n' });
    expect(runCli(['scan', 'infra/main.tf'], fifo).stderr).toMatch(/\.controlgate\.yml:1: extends names fifo\.tfvars, which is a FIFO/);
    const direct = runCli(['scan', 'infra/main.tf', '--config', 'zero.yml'], ws);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(/zero\.yml:1: cannot read the configuration: it is a character device/);
    // The action: the step fails with the located reason and the summary says why.
    const action = runAction(ws, { paths: 'infra/main.tf' });
    expect(action.code).toBe(2);
    expect(action.stdout).toMatch(/^::error title=Controlgate%3A invalid configuration,file=\.controlgate\.yml,line=2::extends names zero\.yml, which is a character device/m);
    expect(action.summary).toMatch(/configuration error/);
  });

  it('as the plan, and as scanned files found in a folder', () => {
    const ws = withSpecials();
    const plan = runCli(['scan', 'infra/main.tf', '--plan', 'zero.json', '--format', 'json'], ws);
    expect(plan.code).toBe(1);
    expect(JSON.parse(plan.stdout).errors).toContainEqual(expect.objectContaining({ path: 'zero.json', message: expect.stringContaining('is a character device') }));
    const walk = runCli(['scan', 'infra', '--format', 'json', '--fail-on', 'never'], ws);
    const doc = JSON.parse(walk.stdout);
    expect(doc.skipped).toContainEqual({ path: 'infra/zero.tf', reason: 'symbolic link points outside the workspace' });
    expect(doc.skipped).toContainEqual({ path: 'infra/fifo.tf', reason: 'not a regular file' });
    expect(doc.summary.filesScanned).toBe(1);
  });
});
