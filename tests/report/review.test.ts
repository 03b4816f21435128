// Review comment and sticky summary bodies, reconciliation, and annotation prioritisation: pure.
import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../src/model/types.js';
import { GITHUB_COMMENT_LIMIT, MAX_REVIEW_COMMENTS, commentBody, findingMarker, fingerprintOf, fixedBody, reconcile, stickyBody, type DesiredComment } from '../../src/report/review.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { renderSummary } from '../../src/report/summary.js';

const finding = (i: number, over: Partial<Finding> = {}): Finding => ({
  ruleId: 'VMH-AWS-001', id: 'VMH-AWS-001', severity: 'high', title: 'EC2 instances require IMDSv2',
  message: 'EC2 instance allows IMDSv1 (metadata_options.http_tokens is "optional")',
  remediation: 'Set metadata_options { http_tokens = "required" }.',
  controls: { iso27017: ['CLD.9.5.2'], iso27002: ['8.9'], soc2: ['CC6.1'], cis: [], nist: ['CM-7'] },
  file: 'infra/main.tf', range: { startLine: 10 + i, endLine: 10 + i }, resource: `aws_instance.web${i}`, path: [],
  fingerprint: i.toString(16).padStart(32, '0'), ...over,
});

const result = (findings: Finding[]): ScanResult => (<unknown>{
  root: '/w', filesFound: 1, filesScanned: ['infra/main.tf'], skipped: [], errors: [], findings, evaluations: [], catalog: { opaVersion: 'v1', rules: [], controls: { iso27017: { 'CLD.9.5.2': { title: 'Virtual machine hardening', rules: ['VMH-AWS-001'] } }, iso27002: {}, soc2: {} } } as ScanResult['catalog'],
}) as ScanResult;

describe('review comment bodies', () => {
  it('carry rule, controls, why, fix, doc link and a hidden fingerprint marker; scanned text is escaped', () => {
    const f = finding(1, { resource: 'aws_instance.x<img src=x onerror=alert(1)> @octocat', message: 'value is `rm -rf` | *bold*' });
    const body = commentBody(f, { description: 'IMDSv1 lets SSRF read credentials.' } as never, 'https://github.com/acme/controlgate/blob/v1/docs/rules/VMH-AWS-001.md');
    expect(body).toContain('**high · VMH-AWS-001 · EC2 instances require IMDSv2**');
    expect(body).toContain('**Controls:** ISO/IEC 27017 CLD.9.5.2 · ISO/IEC 27002:2022 8.9 · SOC 2 CC6.1 · NIST SP 800-53 CM-7');
    expect(body).toContain('**Why:** IMDSv1 lets SSRF read credentials.');
    expect(body).toContain('**Fix:** Set metadata\\_options');
    expect(body).toContain('[VMH-AWS-001 documentation](https://github.com/acme/controlgate/blob/v1/docs/rules/VMH-AWS-001.md)');
    expect(body).not.toContain('<img');
    // The @mention is shown literally in a code span, where GitHub neither mentions nor links.
    expect(body).toContain('`@octocat`');
    expect(body.replace(/`@octocat`/g, '')).not.toContain('@octocat');
    expect(body).toContain('\\`rm -rf\\`');
    expect(fingerprintOf(body)).toBe(f.fingerprint);
  });

  it('a fixed comment keeps its marker and the original text', () => {
    const b = fixedBody(`hello\n${findingMarker('ab'.repeat(16))}`, 'c0ffee0123');
    expect(b).toMatch(/^✅ \*\*Fixed\*\* in c0ffee0/);
    expect(fingerprintOf(b)).toBe('ab'.repeat(16));
    expect(b).toContain('hello');
  });
});

describe('reconciliation', () => {
  const d = (i: number, sev: Finding['severity'] = 'high'): DesiredComment => ({ fingerprint: finding(i).fingerprint, path: 'infra/main.tf', line: i, severity: sev, body: commentBody(finding(i), undefined, 'u') });
  it('creates only what has no comment, reopens, marks fixed, caps per run most severe first', () => {
    const existing = [
      { id: 1, body: d(1).body },
      { id: 2, body: fixedBody(d(2).body, 'abc') },
      { id: 3, body: d(3).body },
      { id: 4, body: 'a human comment' },
    ];
    const r = reconcile(existing, [d(1), d(2), d(5, 'low'), d(6, 'critical')], new Set([1, 2, 5, 6].map((i) => finding(i).fingerprint)), 'abc');
    expect(r.create.map((c) => c.line)).toEqual([6, 5]);
    expect(r.update).toEqual([
      { id: 2, body: d(2).body, reason: 'reopened' },
      { id: 3, body: expect.stringMatching(/^✅ \*\*Fixed\*\*/), reason: 'fixed' },
    ]);
    expect(r.kept).toBe(1);
    const many = Array.from({ length: MAX_REVIEW_COMMENTS + 5 }, (_, i) => d(i + 10));
    const capped = reconcile([], many, new Set(), 'abc');
    expect(capped.create).toHaveLength(MAX_REVIEW_COMMENTS);
    expect(capped.overflow).toHaveLength(5);
  });
});

describe('the sticky summary comment', () => {
  it('stays under GitHub\'s 65,536-character limit however many findings there are', () => {
    const fs = Array.from({ length: 3000 }, (_, i) => finding(i, { message: 'x'.repeat(200) }));
    const body = stickyBody(result(fs), { scopeMode: 'changed-lines', inScope: new Set(fs.map((f) => f.fingerprint)), commented: new Set(), failOn: 'high', failed: true });
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(body).toMatch(/^<!-- controlgate:summary -->/);
    expect(body).toMatch(/…and \d+ more in the job summary and the SARIF file\./);
  });
});

describe('annotation plan', () => {
  it('puts severity first, then changed lines, within ten per level and fifty per step, and names what it left out', () => {
    const fs = [
      ...Array.from({ length: 15 }, (_, i) => finding(i, { severity: 'high' })),
      ...Array.from({ length: 3 }, (_, i) => finding(100 + i, { severity: 'critical' })),
      ...Array.from({ length: 12 }, (_, i) => finding(200 + i, { severity: 'low' })),
    ];
    const changed = new Set([finding(14).fingerprint, finding(13).fingerprint]);
    const plan = planAnnotations(fs, [], { changed });
    expect(plan.annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(plan.annotations.slice(0, 3).every((a) => a.title.endsWith('critical'))).toBe(true);
    // The changed high findings come right after the critical ones.
    expect(plan.annotations.slice(3, 5).map((a) => a.startLine).sort()).toEqual([23, 24]);
    expect(plan.omitted).toBe(8 + 2);
    expect(plan.omittedFingerprints.has(finding(14).fingerprint)).toBe(false);
    expect(planAnnotations(fs, [], { perLevel: 100, perStep: 50 }).annotations).toHaveLength(30);
    expect(planAnnotations(Array.from({ length: 80 }, (_, i) => finding(i, { severity: (['high', 'medium', 'low'] as const)[i % 3] })), [], { perLevel: 100 }).annotations).toHaveLength(50);

    const md = renderSummary(result(fs), { verdict: { failOn: 'high', failed: true }, annotationsOmitted: plan.omitted, notAnnotated: plan.omittedFingerprints });
    expect(md).toContain('10 finding(s) were not annotated');
    expect(md.match(/\| summary only \(annotation limit\) \|/g)).toHaveLength(10);
  });
});
