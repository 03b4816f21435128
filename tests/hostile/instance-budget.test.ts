// Instances multiply: count = 256 on a module, on the module it calls and on a resource there is
// 16.7 million resources, and the scan that expanded them all ran out of memory (83 s, 4.3 GB, the
// process killed); three nested dynamic blocks over 1,000 elements in a Packer source likewise. A root now expands at most ROOT_INSTANCE_BUDGET instances (resources, modules,
// dynamic blocks); past it count/for_each/dynamic are not expanded (one instance of unknown count)
// and each module folder is evaluated once. Every resource written is still judged on what it says.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { ROOT_INSTANCE_BUDGET } from '../../src/normalize/terraform.js';

function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-budget-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), text);
  }
  return ws;
}

interface Doc {
  findings: Array<{ ruleId: string; file: string; instances?: unknown[] }>;
  summary: { checks: { passed: number; failed: number; notEvaluated: number }; instancesCapped: number };
  capped: string[];
}

describe('the instance budget of a root', () => {
  it('count = 256 at three levels: the scan ends, judges the group it multiplies, and says what it did not expand', () => {
    const ws = workspace({
      'main.tf': 'module "a" {\n  source = "./a"\n  count  = 256\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n  count  = 256\n}\n',
      'b/main.tf': 'resource "aws_security_group" "sg" {\n  count = 256\n  name  = "sg"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'high'], ws);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.findings.some((f) => f.ruleId === 'NET-AWS-001' && f.file === 'b/main.tf')).toBe(true);
    // Each rule judges each resource instance once: bounded by the budget, not by 256^3.
    const c = doc.summary.checks;
    const rules = 6;
    expect(c.passed + c.failed + c.notEvaluated).toBeLessThan(ROOT_INSTANCE_BUDGET * rules);
    expect(doc.capped.some((x) => x.includes(`the root's ${ROOT_INSTANCE_BUDGET} instances are used up, not expanded`))).toBe(true);
  }, 120_000);

  it('nested dynamic blocks in a Packer source (a billion blocks): bounded, reported as capped', () => {
    const dyn = (name: string, inner: string): string => `dynamic "${name}" {\n  for_each = range(1000)\n  content {\n    key = "k"\n    ${inner}\n  }\n}\n`;
    const ws = workspace({
      't.pkr.hcl': `source "amazon-ebs" "x" {\n  ami_name = "x"\n${dyn('launch_block_device_mappings', dyn('tag', dyn('inner', '')))}}\nbuild {\n  sources = ["source.amazon-ebs.x"]\n}\n`,
    });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], ws);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.capped.some((x) => x.startsWith('source.amazon-ebs.x: dynamic "') && x.includes('the instance budget is used up, not expanded'))).toBe(true);
  }, 120_000);

  it('a dynamic block past the budget is unknown, not dropped', () => {
    const ws = workspace({
      'main.tf':
        // Exactly the budget: 78 x 256 + 32 instances, then the group (one instance) with its dynamic blocks.
        Array.from({ length: 78 }, (_, i) => `resource "aws_security_group" "a${String(i).padStart(2, '0')}" {\n  count = 256\n  name  = "x"\n}\n`).join('') +
        `resource "aws_security_group" "b" {\n  count = ${ROOT_INSTANCE_BUDGET - 78 * 256}\n  name  = "x"\n}\n` +
        'resource "aws_security_group" "open" {\n  name = "open"\n  dynamic "ingress" {\n    for_each = [22, 3389]\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n',
    });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], ws);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.capped.some((x) => x.startsWith('aws_security_group.open: dynamic "ingress" (2 blocks: the instance budget is used up'))).toBe(true);
    expect(doc.summary.checks.notEvaluated).toBeGreaterThan(0);
  }, 120_000);
});
