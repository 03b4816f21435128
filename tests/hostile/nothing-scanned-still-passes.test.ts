// Issue 12, item 12: "Nothing scanned still passes". `scan nonexistent/`, `scan /abs/path/outside`, a
// glob or folder that holds no Terraform or Packer file, a configuration that excludes everything:
// each is a usage error (exit 2; in the action a failed step with the reason), unless the user opts
// in with `allow-empty` (CLI --allow-empty). The outputs still say what was done and why. Through dist/.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

describe('nothing scanned still passes', () => {
  it('the CLI: a missing path, a path outside the root, an empty folder, an empty glob, everything excluded: exit 2 with the reason', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'cg-elsewhere-'));
    const ws = workspace({ 'infra/main.tf': INSTANCE('"required"'), 'docs/readme.md': 'x' });
    const cases: Array<[string[], RegExp]> = [
      [['nonexistent/'], /path nonexistent does not exist/],
      [[outside], /is outside/],
      [['../'], /path \.\.\/? is outside/],
      [['docs'], /no Terraform or Packer file found in docs/],
      [['**/*.pkr.hcl'], /no Terraform or Packer file found in \*\*\/\*\.pkr\.hcl/],
      [['infra', 'nonexistent.tf'], /path nonexistent\.tf does not exist/],
    ];
    for (const [args, why] of cases) {
      const r = runCli(['scan', ...args, '--fail-on', 'never'], ws);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(why);
      // A path outside the root is always an error (the CLI's one path rule); the rest name the way out.
      if (!/outside/.test(String(why))) expect(r.stderr).toMatch(/--allow-empty/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const excluded = workspace({ 'infra/main.tf': INSTANCE('"required"'), '.controlgate.yml': 'paths:\n  exclude: ["**"]\n' });
    expect(runCli(['scan', '.', '--fail-on', 'never'], excluded).code).toBe(2);
  });

  it('--allow-empty accepts them: reported, exit 0; the evidence of a refused run says why it did not pass', () => {
    const ws = workspace({ 'docs/readme.md': 'x' });
    const allowed = runCli(['scan', 'nonexistent/', 'docs', '--allow-empty', '--format', 'json'], ws);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).skipped).toEqual([{ path: 'nonexistent', reason: 'does not exist' }]);
    const refused = runCli(['scan', 'docs', '--evidence', 'out/e.json', '--sarif', 'out/c.sarif'], ws);
    expect(refused.code).toBe(2);
    const evidence = JSON.parse(readFileSync(path.join(ws, 'out', 'e.json'), 'utf8'));
    expect(evidence.result).toMatchObject({ passed: false, usageErrors: ['no Terraform or Packer file found in docs'] });
    expect(readFileSync(path.join(ws, 'out', 'e.md'), 'utf8')).toMatch(/stopped on a usage error/);
    expect(JSON.parse(readFileSync(path.join(ws, 'out', 'c.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('the action: a failed step with the reason, the summary and evidence written; allow-empty: true passes', () => {
    const ws = workspace({ 'docs/readme.md': 'x' });
    for (const paths of ['nonexistent/', 'docs', '/etc']) {
      const r = runAction(ws, { paths });
      expect(r.code, paths).toBe(2);
      expect(r.outputs.failed).toBe('true');
      expect(r.stdout).toMatch(/^::error::Controlgate: (path \S+ (does not exist|is outside the workspace)|no Terraform or Packer file found)[^\n]*allow-empty/m);
      expect(r.summary).toMatch(/Stopped: usage error \(exit code 2\)/);
      const evidence = JSON.parse(readFileSync(path.join(ws, 'controlgate-evidence.json'), 'utf8'));
      expect(evidence.result.passed).toBe(false);
      expect(evidence.result.usageErrors.length).toBeGreaterThan(0);
    }
    const allowed = runAction(ws, { paths: 'docs', 'allow-empty': 'true' });
    expect(allowed.code).toBe(0);
    expect(allowed.outputs.failed).toBe('false');
    expect(runAction(ws, { paths: 'docs', 'allow-empty': 'maybe' }).code).toBe(2);
  });
});
