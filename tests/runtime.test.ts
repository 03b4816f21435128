// The suite runs on the Node.js the action declares (action.yml: node24; .node-version pins the
// exact release): scripts/test.sh puts that binary first on PATH and says so with
// CONTROLGATE_PINNED_NODE, so the CLI and dist/index.js, which the end-to-end tests start with
// process.execPath, run on it. package.json's engines states the range the CLI supports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { repoRoot } from './helpers/paths.js';

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
});
