// Terraform's JSON syntax lets every label level of a block be an array of objects: "resource":
// [{ "aws_security_group": { "a": {...} } }] and "resource": { "aws_security_group": [{ "a": {...} }] }
// are the plain nesting written another way. Those resources were silently missing (a security group
// open to the world in either form passed the gate); now they are read, at their lines.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const sg = (name: string) => ({ name, ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] });

function workspace(files: Record<string, unknown>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-jsonarr-'));
  for (const [f, doc] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), JSON.stringify(doc, null, 2));
  }
  return ws;
}

describe('JSON syntax: label levels written as arrays of objects', () => {
  it('finds the resources of every form, at the line of the value, and the modules called that way', () => {
    const ws = workspace({
      'a.tf.json': { resource: [{ aws_security_group: { a: sg('a') } }] },
      'b.tf.json': { resource: { aws_security_group: [{ b: sg('b') }, { c: [sg('c')] }] } },
      'd.tf.json': { resource: { aws_security_group: { d: sg('d') } } },
      'e.tf.json': { module: [{ m: { source: './mod' } }] },
      'mod/main.tf.json': { resource: [{ aws_security_group: [{ inner: sg('inner') }] }] },
    });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'high'], ws);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; resource: string }> };
    const open = doc.findings.filter((f) => f.ruleId === 'NET-AWS-001').map((f) => `${f.file}:${f.line} ${f.resource}`).sort();
    // Each finding on its group's own "cidr_blocks" line, as for the plain nesting (d.tf.json).
    const lineOf = (file: string, nth: number): number => {
      const lines = readFileSync(path.join(ws, file), 'utf8').split('\n');
      return lines.map((l, i) => (l.includes('"cidr_blocks"') ? i + 1 : 0)).filter((n) => n > 0)[nth]!;
    };
    expect(open).toEqual([
      `a.tf.json:${lineOf('a.tf.json', 0)} aws_security_group.a`,
      `b.tf.json:${lineOf('b.tf.json', 0)} aws_security_group.b`,
      `b.tf.json:${lineOf('b.tf.json', 1)} aws_security_group.c`,
      `d.tf.json:${lineOf('d.tf.json', 0)} aws_security_group.d`,
      `mod/main.tf.json:${lineOf('mod/main.tf.json', 0)} module.m.aws_security_group.inner`,
    ]);
  });
});
