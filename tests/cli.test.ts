import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const insecure = 'resource "aws_subnet" "a" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n  tags = { owner = "team" }\n}\n';

describe('CLI exit codes and formats', () => {
  it('exits 0 when nothing is at or above fail-on, 1 when something is', () => {
    const ws = workspace({ 'main.tf': insecure });
    expect(runCli(['scan', '.'], ws).code).toBe(0); // SEG-AWS-001 is medium; default fail-on is high
    const r = runCli(['scan', '.', '--fail-on', 'medium'], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^main\.tf:3 +medium +SEG-AWS-001 /m);
  });

  it('ends with the same exit code and output on either parser (the forced exit is for hcl2json only)', () => {
    // CONTROLGATE_PARSER=hcl2json selects the reference parser, whose Go runtime keeps the event loop
    // alive: only then does the CLI exit as soon as its output is flushed. A hang fails at runCli's timeout.
    const ws = workspace({ 'main.tf': insecure });
    const fast = runCli(['scan', '.', '--fail-on', 'medium', '--format', 'json'], ws, { ...process.env, CONTROLGATE_PARSER: '' });
    const reference = runCli(['scan', '.', '--fail-on', 'medium', '--format', 'json'], ws, { ...process.env, CONTROLGATE_PARSER: 'hcl2json' });
    expect(fast.code).toBe(1);
    expect(reference).toMatchObject({ code: 1, stdout: fast.stdout });
  });

  it('exits 1 and locates the error when a file cannot be parsed', () => {
    const ws = workspace({ 'bad.tf': 'resource "a" "b" {\n  x = \n}\n' });
    const r = runCli(['scan', '.'], ws);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.tf:2 +error +syntax error: Invalid expression/m);
  });

  it('exits 2 on usage errors', () => {
    const ws = workspace({});
    expect(runCli(['scan', '--fail-on', 'severe'], ws)).toMatchObject({ code: 2 });
    expect(runCli(['scan', '--format', 'xml'], ws).code).toBe(2);
    expect(runCli(['scan', '--bogus'], ws).code).toBe(2);
    expect(runCli(['frobnicate'], ws).code).toBe(2);
    expect(runCli(['--help'], ws)).toMatchObject({ code: 0 });
  });

  it('writes the documented JSON', () => {
    const ws = workspace({ 'main.tf': insecure });
    const r = runCli(['scan', '.', '--format', 'json'], ws);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ findings: 1, failed: false, failOn: 'high', filesFound: 1, filesScanned: 1 });
    expect(doc.findings[0]).toMatchObject({
      id: 'SEG-AWS-001',
      severity: 'medium',
      file: 'main.tf',
      line: 3,
      resource: 'aws_subnet.a',
      path: ['map_public_ip_on_launch'],
      controls: { iso27017: expect.arrayContaining(['CLD.9.5.1']), soc2: expect.arrayContaining(['CC6.6']) },
    });
    expect(doc.findings[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });
});
