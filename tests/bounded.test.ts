// A large scan in a worker thread with a bounded young generation (src/cli/bounded.ts): only a choice
// of resources, so the same command reports exactly the same on the main thread and in the worker.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLargeScan } from '../src/cli/bounded.js';
import { repoRoot } from './helpers/paths.js';
import { runCli, type RunResult } from './helpers/run.js';
import { tempWorkspace } from './helpers/workspace.js';
import { openSshGroup } from './helpers/terraform.js';

const sg = openSshGroup();

describe('which scans run bounded', () => {
  const ws = tempWorkspace({ 'a/main.tf': sg, 'b/main.tf': sg, 'b/vars.auto.tfvars': 'x = 1\n', 'notes.txt': 'x'.repeat(10_000), 'node_modules/m/main.tf': sg.repeat(50) });
  const bytes = sg.length * 2 + 'x = 1\n'.length;

  it('counts the Terraform and Packer source of the paths given, not other files or skipped folders', () => {
    expect(isLargeScan(['scan'], ws, bytes)).toBe(true);
    expect(isLargeScan(['scan'], ws, bytes + 1)).toBe(false);
    expect(isLargeScan(['scan', 'a'], ws, sg.length)).toBe(true);
    expect(isLargeScan(['scan', 'a'], ws, sg.length + 1)).toBe(false);
    expect(isLargeScan(['scan', '--format', 'json', 'b'], ws, bytes - sg.length)).toBe(true);
  });

  it('never for another command, arguments the scan will refuse, paths that do not exist or lie outside', () => {
    expect(isLargeScan(['input'], ws, 0)).toBe(false);
    expect(isLargeScan(['scan', '--no-such-flag'], ws, 0)).toBe(false);
    expect(isLargeScan(['scan', 'missing'], ws, 1)).toBe(false);
    // Nothing outside the current folder is looked at: ../a holds source, but lies outside b.
    expect(isLargeScan(['scan', '../a'], path.join(ws, 'b'), 1)).toBe(false);
    expect(isLargeScan(['scan', 'a'], ws, 1)).toBe(true);
    expect(isLargeScan(['scan'], ws, 0)).toBe(true);
  });
});

describe('a scan in the bounded worker', () => {
  // A real module tree with findings, parse errors and waivers: the trimmed corpus's EKS module.
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-bounded-'));
  cpSync(path.join(repoRoot, 'fixtures/corpus/terraform-aws-eks'), ws, { recursive: true });
  const env = (bytes: string): NodeJS.ProcessEnv => ({ ...process.env, CONTROLGATE_BOUNDED_BYTES: bytes });
  const both = (args: string[]): [RunResult, RunResult] => [runCli(args, ws, env('0')), runCli(args, ws, env(String(2 ** 40)))];

  it('writes the same reports and exits with the same code as on the main thread', () => {
    for (const args of [['scan', '--format', 'json'], ['scan', '--format', 'sarif', '--fail-on', 'never'], ['scan', '--compact']]) {
      const [bounded, main] = both(args);
      expect(bounded.code).toBe(main.code);
      expect(bounded.stderr).toBe(main.stderr);
      expect(bounded.stdout).toBe(main.stdout);
      expect(main.stdout.length).toBeGreaterThan(1000);
    }
    // The worker did run (it says so when asked), and only when the scan is large.
    expect(runCli(['scan'], ws, { ...env('0'), CONTROLGATE_DEBUG: '1' }).stderr).toMatch(/^controlgate: scanning in a worker thread \(young generation \d+ MB\)$/m);
    expect(runCli(['scan'], ws, { ...env(String(2 ** 40)), CONTROLGATE_DEBUG: '1' }).stderr).not.toMatch(/worker thread/);
  });

  it('writes output files and reports usage errors the same way', () => {
    const [bounded, main] = both(['scan', '--format', 'json', '-o', 'out-bounded.json', '--format', 'text']);
    expect(bounded.code).toBe(main.code);
    expect(readFileSync(path.join(ws, 'out-bounded.json'), 'utf8').length).toBeGreaterThan(1000);
    const [b2, m2] = both(['scan', '--fail-on', 'sometimes']);
    expect(b2.code).toBe(2);
    expect(m2.code).toBe(2);
    expect(b2.stderr).toBe(m2.stderr);
  });
});
