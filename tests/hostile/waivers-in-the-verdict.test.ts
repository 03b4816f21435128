// Attack (issue 12, item 11): "Waivers in the verdict". `# controlgate:ignore *` (or any pattern) in a
// block must not waive every rule: an inline waiver names rule ids, and a waiver whose rule pattern
// matches everything is rejected, inline or central. Waived findings are accepted exceptions: they are
// not annotated at all, so they cannot push real findings out of GitHub's ten-per-level budget. The job
// summary lists every waiver with its state (applied, expired, rejected, stale). Runs the built action.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../helpers/run.js';

const instance = (name: string): string => `resource "aws_instance" "${name}" {\n  ami = "ami-1"\n}\n`;

function workspace(): { ws: string; lines: Record<string, number> } {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-waive-'));
  mkdirSync(path.join(ws, 'infra'));
  const parts: string[] = [];
  // w1..w9: both high findings of each instance (IMDSv1, unencrypted root volume) waived by rule ids.
  for (let i = 1; i <= 9; i++) parts.push(`# controlgate:ignore VMH-AWS-001,VMH-AWS-002 reason="appliance ${i}" approver="ops@example.com" expires=2099-01-01\n${instance(`w${i}`)}`);
  parts.push(`# controlgate:ignore * reason="waive everything"\n${instance('w10')}`);
  parts.push(`# controlgate:ignore VMH-* reason="waive a family"\n${instance('w11')}`);
  parts.push(`# controlgate:ignore VMH-GCP-001 reason="nothing of that rule here" expires=2099-01-01\n${instance('w12')}`);
  const text = parts.join('');
  writeFileSync(path.join(ws, 'infra', 'main.tf'), text);
  const lines: Record<string, number> = {};
  text.split('\n').forEach((l, i) => {
    const m = /^resource "aws_instance" "(\w+)"/.exec(l);
    if (m) lines[m[1]!] = i + 1;
  });
  writeFileSync(
    path.join(ws, '.controlgate.yml'),
    [
      'waivers:',
      '  - { rule: "*", reason: "central waiver of everything" }',
      '  - { rule: "*-*-*", path: "infra/**", reason: "every rule id shaped like ours" }',
      '  - { rule: VMH-AWS-002, resource: aws_instance.w12, reason: "old exception", expires: 2020-01-01 }',
      '',
    ].join('\n'),
  );
  return { ws, lines };
}

describe('waivers in the verdict', () => {
  it('an inline waiver must name rule ids, a pattern matching every rule is rejected, waived findings are not annotated, the summary shows each waiver state', () => {
    const { ws, lines } = workspace();
    const r = runAction(ws, { paths: 'infra', 'fail-on': 'high' });
    expect(r.stderr).not.toMatch(/internal error/);
    // w10..w12 still have two high findings each: the gate fails.
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    const lineOf = (l: string): number => Number(/,line=(\d+),/.exec(l)?.[1]);
    const real = [lines.w10!, lines.w11!, lines.w12!];
    // Every unwaived high finding is annotated (6 < the budget of 10), no waived one is.
    expect(errors.filter((l) => /title=VMH-AWS-00[12] /.test(l)).map(lineOf).sort((a, b) => a - b)).toEqual(real.flatMap((n) => [n, n]));
    for (let i = 1; i <= 9; i++) expect(errors.map(lineOf)).not.toContain(lines[`w${i}`]);
    expect(r.stdout).not.toMatch(/^::(warning|notice) .*title=VMH-AWS-00[12] /m);

    const s = r.summary;
    expect(s).toContain('### Waivers');
    expect(s).toContain('24 waiver(s): 18 applied, 1 expired, 4 rejected, 1 stale.');
    // (Cells are Markdown-escaped: "\*", "\(", "\#".)
    expect(s).toMatch(/\| infra\/main\.tf:\d+ \| \\\* \| rejected \| \d+ \|.*an inline waiver names rule ids \\\(like VMH-AWS-001\\\), not a pattern/);
    expect(s).toMatch(/\| infra\/main\.tf:\d+ \| VMH-\\\* \| rejected \|/);
    expect(s).toMatch(/\| config:\.controlgate\.yml\\#1 \| \\\* \| rejected \|.*matches every rule/);
    expect(s).toMatch(/\| config:\.controlgate\.yml\\#2 \| \\\*-\\\*-\\\* \| rejected \|.*matches every rule/);
    expect(s).toMatch(/\| config:\.controlgate\.yml\\#3 \| VMH-AWS-002 \| expired \| 1 \|/);
    expect(s).toMatch(/\| infra\/main\.tf:\d+ \| VMH-GCP-001 \| stale \| 0 \|/);
    expect(s).toMatch(/\| infra\/main\.tf:1 \| VMH-AWS-001 \| applied \| 1 \|/);
    // Waived findings are listed as such in the findings table.
    expect(s.match(/\| waived \(not annotated\) \|/g)).toHaveLength(18);
  });
});
