// The steps at the end of a scan (src/engine/scan.ts) copy only what they change (issue #20):
// instance groups are made one file at a time when the findings come in runs by file, coverage
// passes on the findings it does not change. What they return must not depend on either shortcut.
import { describe, expect, it } from 'vitest';
import { applyCoverage, compareFindings, fingerprint, groupInstances } from '../src/controls/map.js';
import type { Finding } from '../src/model/types.js';

const controls = { iso27017: ['CLD.13.1.4'], iso27002: [], soc2: [], cis: [], nist: [] };

function finding(file: string, resource: string, id: string, line: number, extra: Partial<Finding> = {}): Finding {
  const path = ['ingress', 0, 'from_port'];
  return {
    ruleId: id.split('/')[0]!,
    id,
    severity: 'high',
    title: `title of ${id}`,
    message: `${id} on ${line}`,
    remediation: 'fix it',
    controls,
    file,
    range: { startLine: line, endLine: line },
    resource,
    path,
    fingerprint: fingerprint(id, file, resource, path),
    ...extra,
  };
}

/** Instances of two blocks in two files, one finding of its own, in file order (a rule no other covers). */
const inFileOrder = (): Finding[] =>
  [
    finding('a.tf', 'aws_security_group.x[0]', 'VMH-AWS-001', 3),
    finding('a.tf', 'aws_security_group.x[1]', 'VMH-AWS-001', 3),
    finding('a.tf', 'aws_security_group.x[2]', 'VMH-AWS-001', 3),
    finding('a.tf', 'aws_security_group.one', 'VMH-AWS-001', 9),
    finding('b.tf', 'aws_security_group.y["k"]', 'VMH-AWS-001', 5),
    finding('b.tf', 'aws_security_group.y["l"]', 'VMH-AWS-001', 5),
  ].sort(compareFindings);

const summary = (fs: Finding[]): string[] => [...fs].sort(compareFindings).map((f) => `${f.file}:${f.range.startLine} ${f.resource} ${(f.instances ?? []).join(',')} ${f.fingerprint}`);

describe('the end steps of a scan', () => {
  it('group the instances the same whether the findings come in runs by file or not', () => {
    const ordered = inFileOrder();
    const grouped = groupInstances(ordered);
    expect(grouped).toHaveLength(3);
    expect(grouped.find((f) => f.file === 'a.tf' && f.instances)!.instances).toEqual(['aws_security_group.x[0]', 'aws_security_group.x[1]', 'aws_security_group.x[2]']);
    // Files interleaved: a.tf comes back after b.tf, so the groups are made over everything at once.
    const [a0, a1, a2, one, b0, b1] = ordered;
    const interleaved = [b0!, a2!, one!, b1!, a0!, a1!];
    expect(summary(groupInstances(interleaved))).toEqual(summary(grouped));
  });

  it('pass on the very findings coverage does not change, and never change their input', () => {
    const plain = inFileOrder();
    expect(applyCoverage(plain)).toBe(plain);
    const covered = finding('a.tf', 'aws_security_group.x[0]', 'VMH-AWS-009/example', 3, { severity: 'medium', coveredBy: 'VMH-AWS-001' });
    const input = [...plain, covered].sort(compareFindings);
    const before = JSON.stringify(input);
    const out = applyCoverage(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out).toHaveLength(plain.length);
    expect(out.some((f) => 'coveredBy' in f)).toBe(false);
    const owner = out.find((f) => f.resource === 'aws_security_group.x[0]')!;
    expect(owner.covers).toEqual([{ id: 'VMH-AWS-009/example', path: covered.path, message: covered.message }]);
    // The findings it did not change are the same objects.
    expect(out.filter((f) => f !== owner).every((f) => input.includes(f))).toBe(true);
  });
});
