import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { applyWaivers } from '../src/waivers/waivers.js';
import type { Waiver } from '../src/model/waivers.js';
import { globMatcher } from '../src/util/patterns.js';
import { parseOwnDirectives } from '../src/waivers/inline.js';
import type { Finding } from '../src/model/types.js';
import { repoRoot } from './helpers/paths.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const root = path.join(repoRoot, 'fixtures', 'evidence');

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'VMH-AWS-001', id: 'VMH-AWS-001', severity: 'high', title: 't', message: 'm', remediation: 'r',
    controls: { iso27017: ['CLD.9.5.2'], iso27002: [], soc2: [], cis: [], nist: [] },
    file: 'infra/main.tf', range: { startLine: 10, endLine: 10 }, resource: 'aws_instance.a', path: [], fingerprint: 'f1',
    ...over,
  };
}

describe('inline waiver directives', () => {
  it('parses rule, reason, expiry, approver and ticket', () => {
    expect(parseOwnDirectives(' controlgate:ignore VMH-AWS-001 reason="a \\"quoted\\" reason" expires=2027-01-31 approver=jane ticket=\'OPS-1\'')).toEqual([{
      source: 'inline', rule: 'VMH-AWS-001', reason: 'a "quoted" reason', expires: '2027-01-31', approver: 'jane', ticket: 'OPS-1',
    }]);
    expect(parseOwnDirectives(' controlgate:ignore')[0]?.problem).toMatch(/no rule id/);
    expect(parseOwnDirectives(' controlgate:ignore X-Y-001 reason=r expires=2027-02-30')[0]?.problem).toMatch(/YYYY-MM-DD/);
    expect(parseOwnDirectives(' some other comment')).toEqual([]);
  });
});

describe('waiver states on the evidence fixture', () => {
  it('applies, expires, rejects and reports stale waivers, each on its target only', async () => {
    const r = await scan({ root, paths: ['.'], now: NOW });
    const states = r.waivers.map((w) => `${w.line} ${w.rule} ${w.status} ${w.matched.length}`);
    // Sorted by waiver id (source:file:line:rule), line numbers by value.
    expect(states).toEqual([
      '3 VMH-AWS-001 applied 1', // before the block: covers the absent metadata_options on line 4
      '21 VMH-AWS-001 rejected 1', // no reason: the finding on line 22 stands
      '34 VMH-AWS-001 expired 1', // trailing, past its date: the finding stands, marked expired
      '38 SEG-AWS-001 stale 0', // the private subnet has no finding
    ]);
    expect(r.waivers).toHaveLength(4);
    const imds = r.findings.filter((f) => f.id === 'VMH-AWS-001').map((f) => [f.range.startLine, f.waiver?.status ?? 'none']);
    expect(imds).toEqual([[4, 'applied'], [22, 'none'], [34, 'expired']]);
    // Only the waived finding's rule/resource pair is "waived"; the block waiver did not spill over.
    expect(r.evaluations.filter((e) => e.status === 'waived').map((e) => `${e.ruleId} ${e.resource}`)).toEqual(['VMH-AWS-001 aws_instance.appliance']);
    expect(r.findings.filter((f) => f.ruleId === 'SEG-MULTI-001' && f.waiver)).toEqual([]);
  });

  it('applies an inline waiver in a file with CRLF line ends', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cg-crlf-'));
    try {
      const tf = [
        '# controlgate:ignore VMH-AWS-001 reason="appliance image, replaced in Q3"',
        'resource "aws_instance" "a" {',
        '  ami           = "ami-123"',
        '  instance_type = "t3.micro"',
        '}',
        '',
      ].join('\r\n');
      writeFileSync(path.join(dir, 'main.tf'), tf);
      const r = await scan({ root: dir, paths: ['.'], now: NOW });
      expect(r.waivers.map((w) => `${w.line} ${w.rule} ${w.status}`)).toEqual(['1 VMH-AWS-001 applied']);
      expect(r.findings.filter((f) => f.id === 'VMH-AWS-001').map((f) => f.waiver?.status)).toEqual(['applied']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('central waivers match by rule glob, resource and path pattern, and need a reason', async () => {
    const central: Waiver[] = [
      { id: 'config:0', source: 'config', rule: 'SEG-MULTI-*', resource: 'aws_instance.*', path: 'infra/*.tf', reason: 'default VPC is the sandbox', ticket: 'SEC-9', expires: '2027-01-01' },
      { id: 'config:1', source: 'config', rule: 'NET-AWS-002/no-security-group', resource: 'aws_instance.batch' },
      { id: 'config:2', source: 'config', rule: 'ADM-TF-001', reason: 'nothing to match' },
    ];
    const r = await scan({ root, paths: ['.'], now: NOW, waivers: central });
    const byId = Object.fromEntries(r.waivers.map((w) => [w.id, w]));
    expect(byId['config:0']).toMatchObject({ status: 'applied', matched: expect.any(Array) });
    expect(byId['config:0']!.matched).toHaveLength(3);
    expect(byId['config:1']).toMatchObject({ status: 'rejected', note: expect.stringMatching(/no reason/) });
    expect(byId['config:1']!.matched).toHaveLength(1);
    expect(byId['config:2']).toMatchObject({ status: 'stale', matched: [] });
    expect(r.findings.filter((f) => f.ruleId === 'SEG-MULTI-001').every((f) => f.waiver?.approver === 'SEC-9')).toBe(true);
  });
});

describe('applyWaivers', () => {
  it('matches a rule id to its sub-results but a sub-result id only to itself', () => {
    const fs = [finding({ fingerprint: 'a' }), finding({ id: 'VMH-AWS-001/hop-limit', fingerprint: 'b' })];
    const mk = (rule: string): Waiver => ({ id: rule, source: 'config', rule, reason: 'r' });
    expect(applyWaivers(fs, [], [mk('VMH-AWS-001')], NOW).records[0]!.matched).toEqual(['a', 'b']);
    expect(applyWaivers(fs, [], [mk('VMH-AWS-001/hop-limit')], NOW).records[0]!.matched).toEqual(['b']);
  });

  it('judges expiry by day, inclusive', () => {
    const w: Waiver = { id: 'w', source: 'config', rule: 'VMH-AWS-001', reason: 'r', expires: '2026-11-27' };
    expect(applyWaivers([finding({})], [], [w], NOW).records[0]!.status).toBe('applied');
    expect(applyWaivers([finding({})], [], [w], new Date('2026-11-28T00:00:01Z')).records[0]!.status).toBe('expired');
  });

  it('globs: * stays within a path segment, ** crosses', () => {
    expect(globMatcher('infra/*.tf')('infra/main.tf')).toBe(true);
    expect(globMatcher('infra/*.tf')('infra/a/main.tf')).toBe(false);
    expect(globMatcher('infra/**')('infra/a/main.tf')).toBe(true);
  });

  it('path globs are picomatch globs ({a,b}, [ab]); resource patterns keep "." and "[" literal; a bad path glob rejects the waiver', () => {
    const f = finding({});
    const mk = (extra: Partial<Waiver>): Waiver => ({ id: 'w', source: 'config', rule: 'VMH-AWS-001', reason: 'r', ...extra });
    expect(applyWaivers([f], [], [mk({ path: '{infra,live}/*.tf' })], NOW).records[0]!.status).toBe('applied');
    expect(applyWaivers([f], [], [mk({ path: 'infr[ab]/*.tf' })], NOW).records[0]!.status).toBe('applied');
    expect(applyWaivers([f], [], [mk({ path: '!infra/**' })], NOW).records[0]!.status).toBe('stale');
    expect(applyWaivers([f], [], [mk({ resource: 'aws_instance.*' })], NOW).records[0]!.status).toBe('applied');
    expect(applyWaivers([f], [], [mk({ resource: 'aws_instance[web]' })], NOW).records[0]!.status).toBe('stale');
    const bad = applyWaivers([f], [], [mk({ path: 'infra/{a,b' })], NOW);
    expect(bad.records[0]).toMatchObject({ status: 'rejected', note: expect.stringMatching(/^path: invalid glob "infra\/\{a,b": /) });
    expect(bad.findings[0]!.waiver).toBeUndefined();
  });
});
