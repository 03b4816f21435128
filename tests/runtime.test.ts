// The suite runs on the Node.js the action declares (action.yml: node24; .node-version pins the
// exact release): scripts/test.sh puts that binary first on PATH and says so with
// CONTROLGATE_PINNED_NODE, so the CLI and dist/index.js, which the end-to-end tests start with
// process.execPath, run on it. package.json's engines states the range the CLI supports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { repoRoot, distDir } from './helpers/paths.js';
import { MIN_NODE_MAJOR } from '../src/cli/main.js';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const pinned = readFileSync(path.join(repoRoot, '.node-version'), 'utf8').trim();
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };

describe('runtime', () => {
  it.runIf(!!process.env.CONTROLGATE_PINNED_NODE)(`runs on the pinned Node.js ${pinned}`, () => {
    expect(process.versions.node).toBe(pinned);
  });
  it.skipIf(!!process.env.CONTROLGATE_PINNED_NODE)(`not run through scripts/test.sh: on Node.js ${process.versions.node}, not the pinned ${pinned}`, () => undefined);

  it('pins the major version the action declares, inside the range package.json supports', () => {
    const action = load(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string } };
    expect(action.runs.using).toBe(`node${pinned.split('.')[0]}`);
    const min = /^>=(\d+)$/.exec(pkg.engines.node);
    expect(min, `engines.node is a lower bound (>=N): ${pkg.engines.node}`).not.toBeNull();
    expect(Number(pinned.split('.')[0])).toBeGreaterThanOrEqual(Number(min![1]));
  });

  it('the CLI refuses an older Node.js with the range package.json states, not an internal error', () => {
    expect(`>=${MIN_NODE_MAJOR}`).toBe(pkg.engines.node);
  });

  // Where the machine has an older Node.js beside the pinned one (a distribution's /usr/bin/node).
  const older = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p) && Number(spawnSync(p, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) < MIN_NODE_MAJOR);
  it.runIf(!!older)('on an older Node.js the CLI says which it needs and exits 2', () => {
    const r = spawnSync(older!, [path.join(distDir, 'cli.js'), 'scan', 'examples'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toMatch(new RegExp(`Node\\.js ${MIN_NODE_MAJOR} or later is needed`));
    expect(r.status).toBe(2);
  });
});
