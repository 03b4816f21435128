// Issue 12, item 4: "Reads outside the workspace". A var file, `extends`, plan, configuration or policy
// bundle that is a link out of the workspace, or a path through a linked folder, must not be read:
// every read is confined to the workspace by real path (src/util/workspace-read.ts). The attack of
// the issue: a PR's .controlgate.yml names a linked d.tfvars.json whose values a substr() then prints
// into annotations. Through dist/ (the action as the runner runs it, and the CLI).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

const OUTSIDE_TEXT = 'outside-the-workspace-contents-Q7x';

/** A folder outside the workspace holding files an attacker would like printed. */
function outside(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'cg-outside-'));
  writeFileSync(path.join(d, 'd.tfvars.json'), JSON.stringify({ leak: OUTSIDE_TEXT }));
  writeFileSync(path.join(d, 'main.tf'), INSTANCE(`"${OUTSIDE_TEXT}"`, 'outside'));
  writeFileSync(path.join(d, 'base.yml'), 'fail-on: never\n');
  writeFileSync(path.join(d, 'plan.json'), JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, note: OUTSIDE_TEXT }));
  writeFileSync(path.join(d, 'prod.tfvars'), `leak = "${OUTSIDE_TEXT}"\n`);
  mkdirSync(path.join(d, 'bundle'));
  writeFileSync(path.join(d, 'bundle', 'policy.wasm'), 'x');
  writeFileSync(path.join(d, 'bundle', 'catalog.json'), '{}');
  return d;
}

const PRINTS_LEAK = `variable "leak" {\n  default = "none"\n}\n${INSTANCE('substr(var.leak, 0, 60)')}`;

describe('reads outside the workspace', () => {
  it("a PR's .controlgate.yml naming a linked var file: not read, reported at the var file, nothing printed", () => {
    const out = outside();
    const ws = workspace({ 'infra/main.tf': PRINTS_LEAK, '.controlgate.yml': 'var-files: [infra/d.tfvars.json]\n' });
    symlinkSync(path.join(out, 'd.tfvars.json'), path.join(ws, 'infra', 'd.tfvars.json'));
    const r = runAction(ws, { paths: 'infra' });
    expect(r.stdout + r.stderr + r.summary).not.toContain(OUTSIDE_TEXT);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=[^\n]*file=infra\/d\.tfvars\.json[^\n]*::[^\n]*resolves outside the workspace/m);
  });

  it('a var file, a plan and a configuration given as links out of the workspace are refused; a var file through a linked folder too', () => {
    const out = outside();
    const ws = workspace({ 'infra/main.tf': PRINTS_LEAK });
    symlinkSync(path.join(out, 'prod.tfvars'), path.join(ws, 'prod.tfvars'));
    symlinkSync(path.join(out, 'plan.json'), path.join(ws, 'plan.json'));
    symlinkSync(path.join(out, 'base.yml'), path.join(ws, 'linked.yml'));
    symlinkSync(out, path.join(ws, 'linked'));
    const varFile = runCli(['scan', 'infra', '--var-file', 'prod.tfvars', '--format', 'json'], ws);
    expect(varFile.stdout).not.toContain(OUTSIDE_TEXT);
    expect(JSON.parse(varFile.stdout).errors).toEqual([expect.objectContaining({ path: 'prod.tfvars', message: expect.stringMatching(/resolves outside the workspace/) })]);
    const throughFolder = runCli(['scan', 'infra', '--var-file', 'linked/prod.tfvars', '--format', 'json'], ws);
    expect(throughFolder.stdout).not.toContain(OUTSIDE_TEXT);
    expect(JSON.parse(throughFolder.stdout).errors).toEqual([expect.objectContaining({ path: 'linked/prod.tfvars', message: expect.stringMatching(/resolves outside the workspace/) })]);
    const plan = runCli(['scan', 'infra', '--plan', 'plan.json', '--format', 'json'], ws);
    expect(plan.stdout).not.toContain(OUTSIDE_TEXT);
    expect(JSON.parse(plan.stdout).errors).toEqual([expect.objectContaining({ path: 'plan.json', message: expect.stringMatching(/resolves outside the workspace/) })]);
    const config = runCli(['scan', 'infra', '--config', 'linked.yml'], ws);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/linked\.yml:1: cannot read the configuration: it resolves outside the workspace/);
  });

  it('extends through a link, by a path out of the workspace, or to an absolute path is refused at its line', () => {
    const out = outside();
    for (const target of ['linked/base.yml', path.join(out, 'base.yml'), '../../../../../../../..' + path.join(out, 'base.yml')]) {
      const ws = workspace({ 'infra/main.tf': INSTANCE(), '.controlgate.yml': `# baseline\nextends: ${target}\n` });
      symlinkSync(out, path.join(ws, 'linked'));
      const r = runCli(['scan', 'infra'], ws);
      expect(r.code, target).toBe(2);
      expect(r.stderr).toMatch(/\.controlgate\.yml:2: extends names .* which resolves outside the workspace/);
    }
  });

  it('a policy bundle folder that is a link out of the workspace is refused', () => {
    const out = outside();
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    symlinkSync(path.join(out, 'bundle'), path.join(ws, 'bundle'));
    const r = runCli(['scan', 'infra', '--policy-bundle', 'bundle'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy bundle folder bundle resolves outside the workspace/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a path through a linked folder out of the workspace is reported, not scanned', () => {
    const out = outside();
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    symlinkSync(out, path.join(ws, 'infra', 'linked'));
    // Walking the folder: the link is reported as skipped.
    const walk = runCli(['scan', 'infra', '--format', 'json', '--fail-on', 'never'], ws);
    const doc = JSON.parse(walk.stdout);
    expect(walk.stdout).not.toContain(OUTSIDE_TEXT);
    expect(doc.skipped).toContainEqual({ path: 'infra/linked', reason: 'symbolic link points outside the workspace' });
    // Naming a file through the linked folder: not scanned, and a usage error (nothing in the workspace there).
    const named = runCli(['scan', 'infra/linked/main.tf', '--format', 'json'], ws);
    expect(named.stdout).not.toContain(OUTSIDE_TEXT);
    expect(JSON.parse(named.stdout).skipped).toEqual([{ path: 'infra/linked/main.tf', reason: 'leads out of the workspace through a symbolic link: not scanned' }]);
    expect(named.code).toBe(2);
    // In the action too: reported, not scanned, the step fails with the reason.
    const action = runAction(ws, { paths: 'infra/linked/main.tf' });
    expect(action.stdout + action.summary).not.toContain(OUTSIDE_TEXT);
    expect(action.code).toBe(2);
    expect(action.stdout).toMatch(/^::error::Controlgate: path infra\/linked\/main\.tf leads out of the workspace through a symbolic link/m);
    // A working-directory that is a link out of the workspace is refused too.
    const wd = runAction(ws, { 'working-directory': 'infra/linked' });
    expect(wd.stdout + wd.summary).not.toContain(OUTSIDE_TEXT);
    expect(wd.code).toBe(2);
    expect(wd.stdout).toMatch(/^::error::Controlgate: the root folder \S*infra\/linked resolves outside the workspace/m);
  });
});
