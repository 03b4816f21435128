// A configuration OpenTofu refuses (an error in any local, output or check, a cycle, a resource
// declared with count and for_each) cannot be planned, so every value of its root module is unknown
// and its checks are not evaluated. That must not let a change through: adding one bad local beside a
// security group open to the world would otherwise turn the group's failure into "not evaluated" and
// pass the gate. The refusal is an error of the run, at the line that causes it, once per place.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';

const OPEN_SG = `resource "aws_security_group" "ssh" {
  name = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-refused-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), text);
  }
  return ws;
}

type Err = { path: string; range: { startLine: number }; message: string };
const scan = (ws: string, ...args: string[]) => {
  const r = runCli(['scan', '.', '--format', 'json', ...args], ws);
  return { code: r.code, doc: JSON.parse(r.stdout) as { errors: Err[]; notEvaluated: Array<{ resource: string }>; findings: unknown[] } };
};

describe('a configuration OpenTofu refuses', () => {
  it('is an error at the local that makes it refused, and the run fails even where no finding is left', () => {
    const ws = workspace({ 'main.tf': OPEN_SG, 'locals.tf': 'locals {\n  fine = 1\n  big  = range(100000000)\n}\n' });
    const { code, doc } = scan(ws, '--fail-on', 'critical');
    expect(doc.notEvaluated.map((e) => e.resource)).toContain('aws_security_group.ssh');
    expect(doc.errors.map((e) => [e.path, e.range.startLine])).toEqual([['locals.tf', 3]]);
    expect(doc.errors[0]!.message).toMatch(/^OpenTofu refuses this configuration: local\.big: range\(100000000\) .*more than 1024 values.*cannot be planned/);
    expect(code).toBe(1);
  });

  it('gives each output, check and cycle its own line; a module that two roots call reports its error once', () => {
    const ws = workspace({
      'mod/main.tf': 'locals {\n  a = local.b\n  b = local.a\n}\noutput "x" {\n  value = 1\n}\n',
      'one/main.tf': 'module "m" {\n  source = "../mod"\n}\n',
      'two/main.tf': 'module "m" {\n  source = "../mod"\n}\n',
      'three/main.tf': 'output "bad" {\n  value = tonumber("x")\n}\ncheck "c" {\n  assert {\n    condition     = true\n    error_message = "never"\n  }\n}\n',
    });
    const { code, doc } = scan(ws);
    const where = doc.errors.map((e) => `${e.path}:${e.range.startLine} ${/(local|output|check)\.\w+/.exec(e.message)?.[0]}`);
    expect(where).toEqual(['mod/main.tf:2 local.a', 'three/main.tf:1 output.bad', 'three/main.tf:4 check.c']);
    expect(code).toBe(1);
  });

  it('a configuration OpenTofu accepts has no such error', () => {
    const ws = workspace({ 'main.tf': OPEN_SG, 'locals.tf': 'locals {\n  small = range(10)\n}\n' });
    const { code, doc } = scan(ws, '--fail-on', 'never');
    expect(doc.errors).toEqual([]);
    expect(doc.findings.length).toBeGreaterThan(0);
    expect(code).toBe(0);
  });
});
