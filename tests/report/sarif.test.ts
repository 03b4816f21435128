// SARIF 2.1.0: the file validates against the official OASIS schema (draft-04, so ajv's draft-04
// build), rules carry descriptions, help, security-severity and control ids, and fingerprints
// survive lines moving.
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { buildSarif, ruleDocUrl, FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { findingAnnotation } from '../../src/report/annotations.js';
import type { ScanResult } from '../../src/model/types.js';
import { repoRoot } from '../helpers/paths.js';
import { sarifValidator } from '../helpers/sarif-validator.js';
import { runCli } from '../helpers/run.js';

type Sarif = { runs: Array<{ tool: { driver: { rules: Array<Record<string, any>> } }; results: Array<Record<string, any>>; automationDetails: { id: string } }> };

const validator = sarifValidator;

let result: ScanResult;
beforeAll(async () => {
  result = await scan({ root: repoRoot, paths: ['examples'] });
});

describe('SARIF 2.1.0', () => {
  it('validates against the official SARIF 2.1.0 JSON schema', () => {
    const sarif = buildSarif(result.findings, result.catalog, { errors: [{ path: 'x/bad.tf', kind: 'terraform', message: 'syntax error', range: { startLine: 2, endLine: 3 } }] });
    const validate = validator();
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check catches a broken log (the validator is not vacuous)', () => {
    const validate = validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: { text: 'x' }, level: 'severe' }] }] })).toBe(false);
  });

  it('describes every rule with help, remediation, control ids, security-severity and tags', () => {
    const sarif = buildSarif(result.findings, result.catalog) as unknown as Sarif;
    const run = sarif.runs[0]!;
    const vmh = run.tool.driver.rules.find((r) => r.id === 'VMH-AWS-001')!;
    expect(vmh.fullDescription.text.length).toBeGreaterThan(20);
    expect(vmh.help.markdown).toContain('**Fix:**');
    expect(vmh.help.markdown).toContain('CLD.9.5.2');
    expect(vmh.helpUri).toMatch(/\/docs\/rules\/VMH-AWS-001\.md$/);
    expect(vmh.properties['security-severity']).toBe('8.0');
    expect(vmh.properties.tags).toEqual(expect.arrayContaining(['security', 'CLD.9.5.2']));
    expect(vmh.properties.tags.length).toBeLessThanOrEqual(10);
    expect(vmh.properties.controls.iso27017).toContain('CLD.9.5.2');
    expect(run.automationDetails.id).toBe('controlgate/');
    // Sub-results are rules of their own (their own severity).
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('gives results repository-relative URIs, regions and fingerprints that survive line moves', async () => {
    const sarif = buildSarif(result.findings, result.catalog) as unknown as Sarif;
    const r = sarif.runs[0]!.results.find((x) => x.ruleId === 'VMH-AWS-001')!;
    expect(r.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'examples/insecure/main.tf', uriBaseId: '%SRCROOT%' });
    expect(r.locations[0].physicalLocation.region.startLine).toBe(14);
    const fp = r.partialFingerprints[FINGERPRINT_KEY];
    expect(fp).toMatch(/^[0-9a-f]{32}$/);

    // Move every line down by three: same fingerprints, other lines.
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-sarif-'));
    cpSync(path.join(repoRoot, 'examples'), path.join(ws, 'examples'), { recursive: true });
    const f = path.join(ws, 'examples/insecure/main.tf');
    writeFileSync(f, `# moved\n\n\n${readFileSync(f, 'utf8')}`);
    const moved = await scan({ root: ws, paths: ['examples'] });
    const s2 = buildSarif(moved.findings, moved.catalog) as unknown as Sarif;
    const r2 = s2.runs[0]!.results.find((x) => x.partialFingerprints[FINGERPRINT_KEY] === fp)!;
    expect(r2.locations[0].physicalLocation.region.startLine).toBe(17);
    const before = sarif.runs[0]!.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY]).sort();
    const after = s2.runs[0]!.results.map((x) => x.partialFingerprints[FINGERPRINT_KEY]).sort();
    expect(after).toEqual(before);
  });

  it('marks findings outside the pull request scope', () => {
    const first = result.findings[0]!;
    const sarif = buildSarif(result.findings, result.catalog, { inScope: new Set([first.fingerprint]) }) as unknown as Sarif;
    const flags = sarif.runs[0]!.results.map((r) => r.properties.inPullRequestScope);
    expect(flags.filter(Boolean)).toHaveLength(1);
  });

  it('links rule docs to the action repository at its ref, else to the project', () => {
    expect(ruleDocUrl('VMH-AWS-001/hop-limit', { GITHUB_ACTION_REPOSITORY: 'acme/controlgate', GITHUB_ACTION_REF: 'v1' })).toBe(
      'https://github.com/acme/controlgate/blob/v1/docs/rules/VMH-AWS-001.md',
    );
    expect(ruleDocUrl('VMH-AWS-001', {})).toMatch(/^https:\/\/github\.com\/[^/]+\/controlgate\/blob\/main\/docs\/rules\/VMH-AWS-001\.md$/);
  });

  it('the CLI writes it with --sarif', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'cg-sarif-cli-')), 'out.sarif');
    const r = runCli(['scan', 'examples', '--sarif', out, '--fail-on', 'never'], repoRoot);
    expect(r.code).toBe(0);
    const validate = validator();
    expect(validate(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });

  it('shows the instances of a grouped finding and the findings it covers, in properties, related locations and the message; annotations too', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-sarif-group-'));
    writeFileSync(
      path.join(root, 'main.tf'),
      `resource "aws_security_group" "open" {
  count = 2
  name  = "open-\${count.index}"
  ingress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
    );
    const r = await scan({ root, paths: ['.'] });
    const f = r.findings.find((x) => x.id === 'NET-MULTI-001')!;
    expect(f.instances).toEqual(['aws_security_group.open[0]', 'aws_security_group.open[1]']);
    expect(f.covers?.map((c) => c.id)).toEqual(['NET-AWS-001']);
    const sarif = buildSarif(r.findings, r.catalog) as unknown as Sarif;
    const validate = validator();
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const res = sarif.runs[0]!.results.find((x) => x.ruleId === 'NET-MULTI-001')!;
    expect(res.properties.instances).toEqual(f.instances);
    expect(res.properties.covers).toEqual([{ ruleId: 'NET-AWS-001', attributePath: 'ingress.0.cidr_blocks', message: expect.stringContaining('remote-administration port') }]);
    expect(res.relatedLocations.map((l: any) => [l.id, l.logicalLocations[0].fullyQualifiedName, l.physicalLocation.region.startLine])).toEqual([
      [1, 'aws_security_group.open[0]', res.locations[0].physicalLocation.region.startLine],
      [2, 'aws_security_group.open[1]', res.locations[0].physicalLocation.region.startLine],
    ]);
    expect(res.message.text).toContain('\nInstances (2): aws_security_group.open[0], aws_security_group.open[1].');
    expect(res.message.text).toContain('\nAlso covers NET-AWS-001: Security group allows Internet ingress to a remote-administration port');
    const a = findingAnnotation(f);
    expect(a.message.split('\n')).toEqual(
      expect.arrayContaining(['Instances (2): aws_security_group.open[0], aws_security_group.open[1]', expect.stringMatching(/^Also covers NET-AWS-001: Security group allows/)]),
    );
  });
});
