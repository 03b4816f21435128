// A flow log attached to a VPC from another module (through an output, or through an input) is
// that VPC's flow log: no false MON-AWS-003; the mirrors that carry it report nothing of their own.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { repoRoot } from './helpers/paths.js';

const root = path.join(repoRoot, 'fixtures', 'cross-module');

describe('references across module boundaries', () => {
  it('sees a flow log attached from another module', async () => {
    const r = await scan({ root, paths: ['.'] });
    expect(r.errors).toEqual([]);
    const status = (resource: string) => r.evaluations.find((e) => e.ruleId === 'MON-AWS-003' && e.resource === resource)?.status;
    expect(status('module.vpc.aws_vpc.this[0]')).toBe('passed');
    expect(status('aws_vpc.main')).toBe('passed');
    expect(status('aws_vpc.unlogged')).toBe('failed');
    expect(r.findings.filter((f) => f.ruleId === 'MON-AWS-003').map((f) => f.resource).sort()).toEqual(['aws_vpc.unlogged', 'module.logs.aws_vpc.main']);
    // Nothing is reported on a mirror: every finding and evaluation names a real file.
    expect([...r.findings, ...r.evaluations].every((x) => x.file !== '')).toBe(true);
  });

  it('sees a public access block, an NSG association and a default security group attached from another module', async () => {
    const r = await scan({ root, paths: ['.'] });
    const status = (rule: string, resource: string) => r.evaluations.find((e) => e.ruleId === rule && e.resource === resource)?.status;
    expect(status('SEG-AWS-002', 'module.bucket.aws_s3_bucket.this')).toBe('passed');
    expect(status('NET-AZ-002', 'module.net.azurerm_subnet.app')).toBe('passed');
    expect(status('NET-AWS-002', 'module.vpc.aws_vpc.this[0]')).toBe('passed');
    // The attachments name what they attach to, in the caller's words.
    expect(r.findings.filter((f) => f.resource.endsWith('for_module_bucket') || f.resource.endsWith('azurerm_subnet_network_security_group_association.app'))).toEqual([]);
    expect([...r.findings, ...r.evaluations].every((x) => x.file !== '')).toBe(true);
  });

  it('judges a rule added to a module VPC default security group through the module output', async () => {
    const r = await scan({ root, paths: ['.'] });
    const f = r.findings.filter((x) => x.ruleId === 'NET-AWS-002' && x.resource === 'aws_security_group_rule.into_module_default_group');
    expect(f.map((x) => [x.file, x.path, x.message])).toEqual([
      ['main.tf', ['security_group_id'], expect.stringContaining('module.vpc.aws_vpc.this[0].default_security_group_id')],
    ]);
    // The copy of the VPC placed beside the rule reports nothing of its own.
    expect(r.evaluations.filter((e) => e.resource === 'module.vpc.aws_vpc.this[0]' && e.file !== 'vpc/main.tf')).toEqual([]);
  });

  it('a flow log sent to a module bucket marks the bucket as a log bucket, and logs only its own VPC', async () => {
    const r = await scan({ root, paths: ['.'] });
    expect(r.findings.filter((f) => f.resource === 'module.logs.aws_s3_bucket.logs').map((f) => f.id)).toContain('AST-MULTI-002/log-bucket');
    const status = (resource: string) => r.evaluations.find((e) => e.ruleId === 'MON-AWS-003' && e.resource === resource)?.status;
    expect(status('module.logs.aws_vpc.main')).toBe('failed');
    expect(status('aws_vpc.main')).toBe('passed');
  });
});
