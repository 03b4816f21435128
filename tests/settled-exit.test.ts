// A run that stops before its promise settles is never a pass (src/util/settled-exit.ts): Node ends a
// process with nothing left on its event loop with exit code 0, whatever is still pending.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../src/errors.js';
import { failUnlessSettled, UNSETTLED_MESSAGE } from '../src/util/settled-exit.js';
import { distDir } from './helpers/paths.js';
import { tempWorkspace } from './helpers/workspace.js';
import { openSshGroup } from './helpers/terraform.js';

const sg = openSshGroup();

describe('failUnlessSettled', () => {
  const before = process.exitCode;
  afterEach(() => {
    process.exitCode = before;
  });

  it('makes an end before the run settled an internal error, and says so', () => {
    const said: string[] = [];
    failUnlessSettled((m) => said.push(m));
    process.emit('exit', 0);
    expect(process.exitCode).toBe(EXIT.internal);
    expect(said).toEqual([UNSETTLED_MESSAGE]);
  });

  it('leaves a settled run alone', () => {
    const said: string[] = [];
    const settled = failUnlessSettled((m) => said.push(m));
    settled();
    process.exitCode = EXIT.findings;
    process.emit('exit', 0);
    expect(process.exitCode).toBe(EXIT.findings);
    expect(said).toEqual([]);
  });
});

// V8 compiling WebAssembly eagerly (--no-wasm-lazy-compilation) takes long enough that an asynchronous
// compile of the policy bundle outlived the event loop: the CLI then exited 0 with no output at all.
describe('the policy bundle compiled eagerly', () => {
  const ws = tempWorkspace({ 'main.tf': sg });
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--no-wasm-lazy-compilation', path.join(distDir, 'cli.js'), 'scan', '.', '--format', 'json'], { cwd: ws, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });

  it.each([
    ['on the main thread', {}],
    ['in the bounded worker', { CONTROLGATE_BOUNDED_BYTES: '0' }],
  ])('still scans %s', (_, env) => {
    const r = run(env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT.findings);
    expect((JSON.parse(r.stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id)).toContain('NET-AWS-001');
  });
});
