// Each rule cites its own provider's CIS benchmark where one has a recommendation for what the rule
// checks (the rule METADATA is the source of truth; cisFor keeps a finding's citations to its
// resource's cloud). A rule that cites none says here why, so a new rule cannot leave it out unseen.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

/** Rules with no CIS recommendation for what they check, and why. */
const NO_CIS: Record<string, string> = {
  'ADM-TF-001': 'the CIS Foundations benchmarks judge cloud accounts, not credentials in code',
  'ADM-PKR-001': 'the CIS Foundations benchmarks judge cloud accounts, not credentials in templates',
  'AST-MULTI-002': 'no CIS recommendation on force-destroying buckets',
  'AST-MULTI-003': 'no CIS recommendation on disks outliving their VM',
  'AST-PKR-001': 'no CIS recommendation on build leftovers',
  'NET-AWS-005': 'CIS AWS Foundations has no OpenSearch recommendation',
  'NET-AWS-006': 'CIS AWS Foundations has no Redshift recommendation',
  'NET-AWS-007': 'CIS AWS Foundations judges ingress (5.1-5.3) and the default group (5.4), not egress',
  'NET-AZ-002': 'CIS Azure has no recommendation that every subnet carry an NSG',
  'NET-AZ-004': 'no one CIS Azure recommendation covers public network access across data services',
  'NET-PKR-002': 'no CIS recommendation on build instances',
  'SEG-AWS-001': 'CIS AWS Foundations has no recommendation on subnets assigning public IPs',
  'SEG-AWS-003': 'CIS AWS 2.1.4 asks for the public access block (SEG-AWS-002), not about ACLs',
  'SEG-AWS-004': 'CIS AWS Foundations has no recommendation on resource policies open to "*"',
  'SEG-IMG-001': 'CIS Foundations benchmarks have no recommendation on public images or snapshots',
  'SEG-MULTI-003': 'no CIS recommendation on dedicated or confidential hardware',
  'SEG-PKR-001': 'CIS Foundations benchmarks have no recommendation on public images or snapshots',
  'SHR-MULTI-002': 'no CIS recommendation on owner tags',
  'VMH-AWS-003': 'CIS AWS 2.2.1 judges volumes (VMH-AWS-002), not snapshots',
  'VMH-AWS-005': 'CIS AWS has no recommendation on customer-managed keys for restricted volumes',
  'VMH-AZ-002': 'encryption at host has no CIS Azure v1.x recommendation',
  'VMH-MULTI-002': 'no CIS recommendation on secrets in bootstrap data',
  'VMH-PKR-004': 'no CIS recommendation on base images',
  'VMH-PKR-005': 'the CIS OS benchmarks are what the hardening step applies, not what a template shows',
};

function ruleCis(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = path.join(repoRoot, 'policies', 'rules');
  for (const sub of readdirSync(dir)) {
    for (const f of readdirSync(path.join(dir, sub))) {
      if (!f.endsWith('.rego') || f.endsWith('_test.rego')) continue;
      const text = readFileSync(path.join(dir, sub, f), 'utf8');
      const id = /^#\s+id:\s*(\S+)/m.exec(text)?.[1];
      const cis = /^#\s+cis:\s*\[(.*)\]/m.exec(text)?.[1];
      if (id) out.set(id, (cis ?? '').split(',').map((s) => s.trim()).filter(Boolean));
    }
  }
  return out;
}

describe('CIS citations', () => {
  it('every rule cites a CIS benchmark, or says why none applies', () => {
    const rules = ruleCis();
    expect(rules.size).toBeGreaterThan(70);
    const silent = [...rules].filter(([id, cis]) => cis.length === 0 && !NO_CIS[id]).map(([id]) => id);
    expect(silent).toEqual([]);
    // A rule listed here that cites one after all is taken off the list.
    expect(Object.keys(NO_CIS).filter((id) => (rules.get(id) ?? []).length > 0)).toEqual([]);
  });

  it('a rule about one cloud cites that cloud\'s benchmark', () => {
    const own: Array<[RegExp, RegExp]> = [
      [/-AWS-/, /^CIS AWS /],
      [/-AZ-/, /^CIS Azure /],
      [/-GCP-/, /^CIS GCP /],
    ];
    const wrong = [...ruleCis()].filter(([id, cis]) => own.some(([rule, bench]) => rule.test(id) && cis.some((c) => !bench.test(c)))).map(([id, cis]) => `${id}: ${cis.join(', ')}`);
    expect(wrong).toEqual([]);
  });
});
