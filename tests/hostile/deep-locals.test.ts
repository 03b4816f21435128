// Locals evaluated one inside the next (l1 = local.l0 + 1, ...). A chain of 2,000 exhausted the
// stack and killed the scan (exit 3, "internal error"); one of 1,000 left half-evaluated locals that
// read as cycles, so a configuration OpenTofu plans was refused (a false error that fails the run).
// Past MAX_LOCAL_DEPTH a local is unknown: never a wrong value, an error or a dead scan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

function chain(n: number): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-locals-'));
  const locals = ['  l0 = 1', ...Array.from({ length: n - 1 }, (_, i) => `  l${i + 1} = local.l${i} + 1`)].join('\n');
  writeFileSync(path.join(ws, 'main.tf'), `locals {\n${locals}\n}\nresource "aws_security_group" "s" {\n  name        = "s"\n  description = tostring(local.l${n - 1})\n}\n`);
  return ws;
}

const description = (ws: string): unknown => {
  const r = runCli(['input', '.'], ws);
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { terraform: { resources: Array<{ config: { description: unknown } }> } }).terraform.resources[0]!.config.description;
};

describe('a long chain of locals', () => {
  it('150 deep: the value OpenTofu computes', () => {
    expect(description(chain(150))).toBe('150');
  });

  it('5,000 deep: unknown, the scan ends without an error', () => {
    const ws = chain(5000);
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], ws);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { errors: unknown[] }).errors).toEqual([]);
    expect(description(ws)).toEqual({ __unknown__: 'tostring(local.l4999)' });
  }, 60_000);
});
