// Issue 12, item 6: evaluation has budgets. Each attack is a file a pull request could add; run
// through the built CLI, the run must finish, report the capped expansion or the exhausted budget as
// the reason (rules "not evaluated", never a pass), and still scan the rest of the tree. No timing is
// asserted: the process timeout of runCli is only a guard against a hang.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { INSTANCE_CAP } from '../../src/normalize/body.js';

const IMDS_V1 = 'metadata_options {\n    http_tokens = "optional"\n  }';

/** A workspace with the attack in attack/ and an ordinary finding in other/. */
function workspace(attack: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cg-budget-'));
  mkdirSync(path.join(root, 'attack'));
  mkdirSync(path.join(root, 'other'));
  writeFileSync(path.join(root, 'attack', 'main.tf'), attack);
  writeFileSync(path.join(root, 'other', 'main.tf'), `resource "aws_instance" "ok" {\n  ami = "x"\n  ${IMDS_V1}\n}\n`);
  return root;
}

interface JsonResult {
  findings: Array<{ ruleId: string; file: string; resource: string; instances?: string[] }>;
  notEvaluated: Array<{ ruleId: string; resource: string; reason: string }>;
  capped: string[];
}

function scanJson(root: string): JsonResult {
  const r = runCli(['scan', '.', '--format', 'json'], root);
  expect(r.code, r.stderr).toBe(1); // findings (the other folder's at least), not a crash
  return JSON.parse(r.stdout) as JsonResult;
}

/** Instances with the finding (a finding repeated on one line lists its instances). */
const instancesFound = (r: JsonResult, prefix: string, ruleId: string): number =>
  r.findings.filter((f) => f.resource.startsWith(prefix) && f.ruleId === ruleId).reduce((n, f) => n + (f.instances?.length ?? 1), 0);

const otherStillScanned = (r: JsonResult): boolean => r.findings.some((f) => f.file === 'other/main.tf' && f.ruleId === 'VMH-AWS-001');

/** The attack's resource that reads the value past the budget is "not evaluated", with the budget as the reason. */
const budgetReason = (r: JsonResult, resource: string): boolean => r.notEvaluated.some((n) => n.resource === resource && /evaluation budget exceeded/.test(n.reason));

const GUARD = 150_000;

describe('evaluation budgets (issue 12 item 6), through the built CLI', () => {
  it('count = 1e9: instances capped before allocation, the cap reported', () => {
    const r = scanJson(workspace(`resource "aws_instance" "many" {\n  count = 1e9\n  ami = "x"\n  ${IMDS_V1}\n}\n`));
    expect(r.capped).toContain(`aws_instance.many (1000000000 instances, first ${INSTANCE_CAP} kept)`);
    expect(instancesFound(r, 'aws_instance.many[', 'VMH-AWS-001')).toBe(INSTANCE_CAP);
    expect(otherStillScanned(r)).toBe(true);
  }, GUARD);

  it('count = 1e12: the same, no out-of-range crash', () => {
    const r = scanJson(workspace(`resource "aws_instance" "huge" {\n  count = 1e12\n  ami = "x"\n}\n`));
    expect(r.capped).toContain(`aws_instance.huge (1000000000000 instances, first ${INSTANCE_CAP} kept)`);
    expect(otherStillScanned(r)).toBe(true);
  }, GUARD);

  it('for_each over range(1000): refused as OpenTofu refuses a list; over a 5000-key map: capped', () => {
    const r = scanJson(
      workspace(
        `resource "aws_instance" "list" {\n  for_each = range(1000)\n  ami = "x"\n}\n` +
          `resource "aws_instance" "map" {\n  for_each = { for p in setproduct(range(100), range(50)) : "\${p[0]}-\${p[1]}" => p }\n  ami = "x"\n  ${IMDS_V1}\n}\n`,
      ),
    );
    expect(r.capped).toContain(`aws_instance.map (5000 instances, first ${INSTANCE_CAP} kept)`);
    expect(instancesFound(r, 'aws_instance.map[', 'VMH-AWS-001')).toBe(INSTANCE_CAP);
    expect(r.findings.some((f) => f.resource.startsWith('aws_instance.list['))).toBe(false);
    expect(otherStillScanned(r)).toBe(true);
  }, GUARD);

  it('format("%400000000d", 1): the string budget refuses it before padding', () => {
    const r = scanJson(workspace(`resource "aws_instance" "wide" {\n  ami = "x"\n  metadata_options {\n    http_tokens = format("%400000000d", 1)\n  }\n}\n`));
    expect(budgetReason(r, 'aws_instance.wide')).toBe(true);
    expect(r.findings.some((f) => f.resource === 'aws_instance.wide' && f.ruleId === 'VMH-AWS-001')).toBe(false);
    expect(otherStillScanned(r)).toBe(true);
  }, GUARD);

  it('concat doubling through 39 locals: the collection budget stops it', () => {
    const locals = ['  l0 = ["optional", "optional"]', ...Array.from({ length: 39 }, (_, i) => `  l${i + 1} = concat(local.l${i}, local.l${i})`)];
    const r = scanJson(
      workspace(`locals {\n${locals.join('\n')}\n}\nresource "aws_instance" "dbl" {\n  ami = "x"\n  metadata_options {\n    http_tokens = local.l39[0]\n  }\n}\n`),
    );
    expect(budgetReason(r, 'aws_instance.dbl')).toBe(true);
    expect(r.findings.some((f) => f.resource === 'aws_instance.dbl' && f.ruleId === 'VMH-AWS-001')).toBe(false);
    expect(otherStillScanned(r)).toBe(true);
  }, GUARD);

  it('nested for over range(1000) x range(1000): the step budget stops it', () => {
    const r = scanJson(
      workspace(
        `locals {\n  grid = [for x in range(1000) : [for y in range(1000) : "optional"]]\n}\n` +
          `resource "aws_instance" "grid" {\n  ami = "x"\n  metadata_options {\n    http_tokens = local.grid[0][0]\n  }\n}\n`,
      ),
    );
    expect(budgetReason(r, 'aws_instance.grid')).toBe(true);
    expect(otherStillScanned(r)).toBe(true);
  }, GUARD);
});
