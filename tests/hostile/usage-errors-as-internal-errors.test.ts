// Issue 12, item 13: "Usage errors reported as internal errors". The same bundle in the configuration
// and in a flag, a missing --policy-bundle folder, a folder that is not a bundle, --sarif into a folder
// that does not exist, a --root that does not exist: each was exit 3 with a stack trace. Output folders
// are created; `--sarif -` means standard output; the rest is exit 2 with a one-line reason. Through dist/.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { runAction, runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

const BUNDLE = path.join(repoRoot, 'examples', 'custom-policy', 'bundle');
const noStack = (s: string): void => {
  expect(s).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
  expect(s).not.toMatch(/controlgate: internal error/);
};

describe('usage errors reported as internal errors', () => {
  it('the same bundle in the configuration and in a flag: exit 2, named once', () => {
    const ws = workspace({ 'infra/main.tf': INSTANCE(), '.controlgate.yml': 'policy-bundles: [bundle]\n' });
    cpSync(BUNDLE, path.join(ws, 'bundle'), { recursive: true });
    for (const flag of ['bundle', './bundle/', path.join(ws, 'bundle')]) {
      const r = runCli(['scan', 'infra', '--policy-bundle', flag], ws);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toMatch(/policy bundle .* is named twice/);
      noStack(r.stderr);
    }
    const action = runAction(ws, { paths: 'infra', 'policy-bundles': 'bundle' });
    expect(action.code).toBe(2);
    expect(action.stdout).toMatch(/^::error::Controlgate: policy bundle .* is named twice/m);
    expect(action.summary).toMatch(/usage error/);
    // Once is fine.
    expect(runCli(['scan', 'infra', '--fail-on', 'never'], ws).code).toBe(0);
  });

  it('a missing --policy-bundle folder, a file, a folder that is not a bundle, a broken bundle: exit 2 with the reason', () => {
    const ws = workspace({ 'infra/main.tf': INSTANCE(), 'notes.txt': 'x', 'empty/.keep': '', 'broken/policy.wasm': 'not wasm', 'broken/catalog.json': '{"rules": []}' });
    const cases: Array<[string, RegExp]> = [
      ['missing', /policy bundle folder missing does not exist/],
      ['notes.txt', /policy bundle folder notes\.txt is a file, not a folder/],
      ['empty', /policy bundle folder empty has no policy\.wasm/],
      ['broken', /policy bundle broken cannot be used/],
    ];
    for (const [dir, why] of cases) {
      const r = runCli(['scan', 'infra', '--policy-bundle', dir], ws);
      expect(r.code, dir).toBe(2);
      expect(r.stderr).toMatch(why);
      noStack(r.stderr);
    }
  });

  it('--sarif into a folder that does not exist creates it; --sarif - writes SARIF to standard output', () => {
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    const r = runCli(['scan', 'infra', '--sarif', 'a/b/c/out.sarif', '--evidence', 'x/y/e.json', '--fail-on', 'never'], ws);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws, 'a', 'b', 'c', 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(existsSync(path.join(ws, 'x', 'y', 'e.oscal.json'))).toBe(true);
    const dash = runCli(['scan', 'infra', '--sarif', '-', '--fail-on', 'never'], ws);
    expect(dash.code).toBe(0);
    expect(JSON.parse(dash.stdout).version).toBe('2.1.0');
    expect(dash.stderr).toMatch(/\d+ finding\(s\)/); // the text report, moved to standard error
    expect(existsSync(path.join(ws, '-'))).toBe(false);
    // The action creates output folders too.
    const action = runAction(ws, { paths: 'infra', 'fail-on': 'never', 'sarif-file': 'deep/er/c.sarif', 'evidence-file': 'ev/idence/e.json' });
    expect(action.code).toBe(0);
    expect(existsSync(path.join(ws, 'deep', 'er', 'c.sarif'))).toBe(true);
    expect(existsSync(path.join(ws, 'ev', 'idence', 'e.md'))).toBe(true);
  });

  it('a --root that does not exist, an output name that is a folder, --evidence -: exit 2 with the reason', () => {
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    mkdirSync(path.join(ws, 'adir'));
    const cases: Array<[string[], RegExp]> = [
      [['scan', '--root', 'nope', 'nope'], /nope: not a folder|the root folder \S*nope does not exist/],
      [['scan', 'infra', '--sarif', 'adir'], /refusing to write adir: it is a folder/],
      [['scan', 'infra', '--evidence', '-'], /--evidence needs a file name/],
    ];
    for (const [args, why] of cases) {
      const r = runCli(args, ws);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(why);
      noStack(r.stderr);
    }
  });
});
