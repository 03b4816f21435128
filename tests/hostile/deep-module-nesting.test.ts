// A module nested deeper than the expansion limit (12 levels) is still evaluated. OpenTofu has no
// limit: a chain of thirteen single modules plans the security group at its bottom like any other,
// and a scan that stopped expanding there (as it did) passed the gate with the group open to the
// world. Instances multiply by level (count = 2 at every level is 2^depth), so past the limit each
// module folder is evaluated once per root, as one instance of unknown count: bounded by the number
// of folders, and every resource written there is judged on what it says.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const openSsh = `resource "aws_security_group" "sg" {\n  name = "sg"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n`;

/** Folders m0..m<levels-1>, each calling the next (with `meta`, e.g. count = 2); an open group in every one, or only in the last. */
function chain(levels: number, meta: string, everywhere: boolean): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-deep-'));
  writeFileSync(path.join(ws, 'main.tf'), 'module "m" {\n  source = "./m0"\n}\n');
  for (let i = 0; i < levels; i++) {
    mkdirSync(path.join(ws, `m${i}`));
    const call = i < levels - 1 ? `module "next" {\n  source = "../m${i + 1}"\n${meta}}\n` : '';
    writeFileSync(path.join(ws, `m${i}`, 'main.tf'), call + (everywhere || i === levels - 1 ? openSsh : ''));
  }
  return ws;
}

interface Doc {
  findings: Array<{ ruleId: string; file: string; resource: string }>;
  skipped: Array<{ path: string; reason: string }>;
}

describe('modules nested deeper than the expansion limit', () => {
  it('a chain of 20 single modules: the open group at the bottom fails the run', () => {
    const r = runCli(['scan', '.', '--format', 'json'], chain(20, '', false));
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.findings.filter((f) => f.ruleId === 'NET-AWS-001').map((f) => f.file)).toEqual(['m19/main.tf']);
    expect(r.code).toBe(1);
  });

  it('count = 2 at each of 24 levels: bounded, and the groups of every level are judged', () => {
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], chain(24, '  count = 2\n', true));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    const files = new Set(doc.findings.filter((f) => f.ruleId === 'NET-AWS-001').map((f) => f.file));
    expect([...files].sort()).toEqual(Array.from({ length: 24 }, (_, i) => `m${i}/main.tf`).sort());
    // Below the limit the instances are expanded (2^12 of the level-12 module), beyond it one each.
    const deep = doc.findings.filter((f) => f.ruleId === 'NET-AWS-001' && f.file === 'm20/main.tf');
    expect(deep).toHaveLength(1);
    expect(doc.skipped.some((s) => /module nesting deeper than 12 at .*: its folder is evaluated once, as /.test(s.reason))).toBe(true);
  }, 60_000);
});
