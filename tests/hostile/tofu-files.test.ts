// OpenTofu reads .tofu and .tofu.json files, and reads x.tofu in place of x.tf of the same folder.
// A scan that ignored them would let a pull request hide its resources in main.tofu; one that read
// both of a pair would see a configuration neither tool plans. The .tofu files are scanned as
// Terraform, and a .tf file that a .tofu file replaces is a located error (it fails the run) unless
// the configuration excludes it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { kindOf, splitReplaced } from '../../src/discover/discover.js';

const sg = (name: string, port: number): string =>
  `resource "aws_security_group" "${name}" {\n  name = "${name}"\n  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-tofu-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), text);
  }
  return ws;
}

describe('OpenTofu files', () => {
  it('names .tofu and .tofu.json as Terraform, and finds the .tf file a .tofu file replaces', () => {
    expect([kindOf('main.tofu'), kindOf('main.tofu.json'), kindOf('x_override.tofu')]).toEqual(['terraform', 'terraform-json', 'terraform']);
    const f = (p: string) => ({ path: p, absPath: `/w/${p}`, kind: kindOf(p)! });
    const r = splitReplaced([f('a/main.tf'), f('a/main.tofu'), f('a/net.tf'), f('b/main.tf'), f('a/x.tf.json'), f('a/x.tofu.json'), f('c/main.tofu')]);
    expect(r.files.map((x) => x.path)).toEqual(['a/main.tofu', 'a/net.tf', 'b/main.tf', 'a/x.tofu.json', 'c/main.tofu']);
    expect(r.errors.map((e) => e.path)).toEqual(['a/main.tf', 'a/x.tf.json']);
  });

  it('scans resources written in .tofu files, and a replaced .tf file fails the run where it is', () => {
    const ws = workspace({ 'app/main.tf': sg('old', 443), 'app/main.tofu': sg('ssh', 22), 'app/extra.tofu.json': JSON.stringify({ resource: { aws_security_group: { rdp: { name: 'rdp', ingress: [{ from_port: 3389, to_port: 3389, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } } } }) });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], ws);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; resource: string; file: string }>; errors: Array<{ path: string; message: string }>; summary: { filesFound: number; filesScanned: number } };
    const open = doc.findings.filter((f) => f.ruleId === 'NET-AWS-001').map((f) => `${f.file} ${f.resource}`).sort();
    expect(open).toEqual(['app/extra.tofu.json aws_security_group.rdp', 'app/main.tofu aws_security_group.ssh']);
    expect(doc.errors.map((e) => [e.path, /OpenTofu reads main\.tofu in place of this file/.test(e.message)])).toEqual([['app/main.tf', true]]);
    expect([doc.summary.filesFound, doc.summary.filesScanned]).toEqual([3, 2]);
    expect(r.code).toBe(1);
  });

  it('a replaced .tf file the configuration excludes is only listed as excluded', () => {
    const ws = workspace({ 'main.tf': sg('old', 443), 'main.tofu': sg('ssh', 22), '.controlgate.yml': 'paths:\n  exclude: [main.tf]\nfail-on: never\n' });
    const r = runCli(['scan', '.', '--format', 'json'], ws);
    const doc = JSON.parse(r.stdout) as { errors: unknown[]; skipped: Array<{ path: string }> };
    expect(doc.errors).toEqual([]);
    expect(doc.skipped.map((s) => s.path)).toContain('main.tf');
    expect(r.code).toBe(0);
  });
});
