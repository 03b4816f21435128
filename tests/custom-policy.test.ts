// Users' own Rego rules: `controlgate policy test|build`, loading the bundle beside the built-in one,
// and the build failures a rule author must get a clear message for.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { runCli } from './helpers/run.js';

const example = path.join(repoRoot, 'examples', 'custom-policy');
const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

const META = (id: string, extra = ''): string => `# METADATA
# title: A rule of our own for the tests here
# description: Checks something the organisation cares about, to test the build.
# custom:
#   id: ${id}
#   severity: low
#   message: Something is off
#   remediation: Set it right, as the organisation's standard says.
#   controls:
#     iso27017: [CLD.9.5.2]
#     iso27002: []
#     soc2: []
#     cis: []
#     nist: []
#   inputs: [terraform]${extra}
`;

function ruleDir(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'cg-policy-'));
  for (const [n, t] of Object.entries(files)) writeFileSync(path.join(d, n), t);
  return d;
}

describe('users\u2019 own policies', () => {
  it('runs the example\u2019s tests with the library available', () => {
    const r = runCli(['policy', 'test', 'examples/custom-policy/policies'], repoRoot);
    expect(r.stdout).toMatch(/PASS: 4\/4/);
    expect(r.code).toBe(0);
  });

  it('builds the example into exactly the committed bundle, which the scan loads beside the built-in one', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cg-bundle-'));
    const b = runCli(['policy', 'build', 'examples/custom-policy/policies', '--out', out], repoRoot);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/1 rule\(s\): ORG-TAG-001/);
    for (const f of ['policy.wasm', 'catalog.json']) expect(sha(path.join(out, f)), `${f} is stale: rebuild examples/custom-policy/bundle`).toBe(sha(path.join(example, 'bundle', f)));

    const evidence = path.join(out, 'e.json');
    const r = runCli(['scan', '--root', example, '--format', 'json', '--evidence', evidence], repoRoot);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.filter((f: { id: string }) => f.id === 'ORG-TAG-001').map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual(['infra/main.tf:12']);
    expect(r.code).toBe(1); // MON-AWS-003 is medium and the example's config says fail-on: medium
    const e = JSON.parse(readFileSync(evidence, 'utf8'));
    expect(e.policyBundle.extra).toEqual([{ path: 'bundle', policySha256: sha(path.join(example, 'bundle', 'policy.wasm')), catalogSha256: expect.any(String), rules: 1 }]);
  });

  it('fails the build clearly on invalid METADATA, a clashing id, a package/id mismatch and a builtin the wasm runtime lacks', () => {
    const bad = (files: Record<string, string>) => runCli(['policy', 'build', ruleDir(files)], repoRoot);
    const missingSeverity = bad({ 'r.rego': META('ORG-X-001').replace('#   severity: low\n', '') + 'package controlgate.rules.org_x_001\n\ndeny contains {"resource": r.id, "path": []} if some r in input.terraform.resources\n' });
    expect(missingSeverity.code).toBe(2);
    expect(missingSeverity.stderr).toMatch(/r\.rego:\d+: METADATA\/custom must have required property 'severity'/);

    const clash = bad({ 'r.rego': META('VMH-AWS-001') + 'package controlgate.rules.vmh_aws_001\n\ndeny contains {"resource": r.id, "path": []} if some r in input.terraform.resources\n' });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/id VMH-AWS-001 is a built-in rule; choose another id/);

    const mismatch = bad({ 'r.rego': META('ORG-X-002') + 'package controlgate.rules.something_else\n\ndeny contains {"resource": r.id, "path": []} if some r in input.terraform.resources\n' });
    expect(mismatch.stderr).toMatch(/package controlgate\.rules\.something_else does not match id ORG-X-002/);

    const builtin = bad({ 'r.rego': META('ORG-X-003') + 'package controlgate.rules.org_x_003\n\ndeny contains {"resource": r.id, "path": []} if {\n\tsome r in input.terraform.resources\n\ttime.now_ns() > 0\n}\n' });
    expect(builtin.code).toBe(2);
    expect(builtin.stderr).toMatch(/opa build failed/);
    expect(builtin.stderr).toMatch(/time\.now_ns/);
  });

  it('says what is missing when there is no rule or no folder', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'cg-policy-'));
    mkdirSync(path.join(empty, 'x'));
    expect(runCli(['policy', 'build', empty], repoRoot).stderr).toMatch(/no rule found/);
    expect(runCli(['policy', 'build', path.join(empty, 'nope')], repoRoot)).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such folder/) });
  });
});
