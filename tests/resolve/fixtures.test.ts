// Issue #4 end to end through normalize: realistic multi-file roots under fixtures/resolve.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize, type Normalized } from '../../src/normalize/normalize.js';
import { loadVarFiles } from '../../src/normalize/var-files.js';
import { repoRoot } from '../helpers/paths.js';
import { parseTree } from '../helpers/parse-tree.js';

const root = path.join(repoRoot, 'fixtures', 'resolve');

async function run(varFiles: string[] = []): Promise<Normalized> {
  const parsed = await parseTree(root);
  const vf = await loadVarFiles(root, varFiles, { maxFileBytes: 1 << 22 });
  expect(vf.errors).toEqual([]);
  return normalize(parsed, { varFiles: vf.parsed });
}

const res = (n: Normalized, address: string) => {
  const r = n.input.terraform.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in ${n.input.terraform.resources.map((x) => x.address).join(', ')}`);
  return r;
};
const line = (n: Normalized, id: string, p: Array<string | number>): number | undefined => {
  const loc = n.locator.get(id)!;
  return loc.locations.resolve([...loc.locPath, ...p])?.range.startLine;
};

describe('terraform values (fixtures/resolve/terraform)', () => {
  it('resolves defaults, terraform.tfvars, locals, templates, conditionals and functions', async () => {
    const n = await run();
    expect(res(n, 'aws_vpc.main').config).toEqual({ cidr_block: '10.10.0.0/16', tags: { Environment: 'staging', Owner: 'platform' } });
    const sg = res(n, 'aws_security_group.admin');
    expect(sg.config.name).toBe('app-staging-admin');
    const app = res(n, 'aws_instance.app["api"]');
    expect(app.config.metadata_options).toEqual([{ http_endpoint: 'enabled', http_tokens: 'required' }]);
    expect(app.config.monitoring).toBe(false);
    expect(line(n, app.id, ['metadata_options', 0, 'http_tokens'])).toBe(39);
  });

  it('keeps unknown values unknown, with reference text the policies can follow', async () => {
    const n = await run();
    const app = res(n, 'aws_instance.app["worker"]');
    expect(app.config.ami).toEqual({ __unknown__: 'data.aws_ami.base.id' });
    expect(app.config.vpc_security_group_ids).toEqual([{ __unknown__: 'aws_security_group.admin.id' }]);
    expect(app.config.subnet_id).toEqual({ __unknown__: 'aws_subnet.private["a"].id' });
    expect(app.config.root_block_device).toEqual([{ encrypted: true, kms_key_id: { __unknown__: 'var.kms_key_arn' } }]);
    expect(res(n, 'aws_flow_log.main').config.log_destination).toEqual({ __unknown__: 'module.vpc_remote.log_bucket_arn' });
  });

  it('applies var files in order over terraform.tfvars', async () => {
    const n = await run(['terraform/live/prod.tfvars']);
    const app = res(n, 'aws_instance.app["api"]');
    expect((app.config.metadata_options as Array<Record<string, unknown>>)[0]!.http_tokens).toBe('optional');
    expect(app.config.monitoring).toBe(true);
    // count = local.is_prod ? 0 : 1: no bastion in prod.
    expect(n.input.terraform.resources.some((r) => r.address.startsWith('aws_instance.bastion'))).toBe(false);
    const sg = res(n, 'aws_security_group.admin');
    expect((sg.config.ingress as Array<Record<string, unknown>>).map((i) => i.cidr_blocks)).toEqual([['0.0.0.0/0'], ['0.0.0.0/0']]);
  });

  it('expands count, for_each and dynamic blocks, with lines of the block and of the content', async () => {
    const n = await run();
    expect(n.input.terraform.resources.filter((r) => r.local_address === 'aws_subnet.private').map((r) => [r.address, r.config.cidr_block, r.instance_key])).toEqual([
      ['aws_subnet.private["a"]', '10.10.0.0/24', 'a'],
      ['aws_subnet.private["b"]', '10.10.1.0/24', 'b'],
    ]);
    const bastion = res(n, 'aws_instance.bastion[0]');
    expect(bastion.config.metadata_options).toEqual([{ http_tokens: 'optional' }]);
    expect(line(n, bastion.id, ['metadata_options', 0, 'http_tokens'])).toBe(54);
    const sg = res(n, 'aws_security_group.admin');
    expect(sg.config.ingress).toEqual([
      { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] },
      { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] },
    ]);
    expect(sg.config.dynamic).toBeUndefined();
    // A generated block is located at its content block.
    expect(line(n, sg.id, ['ingress', 1, 'cidr_blocks'])).toBe(24);
    expect(line(n, sg.id, ['ingress', 1])).toBe(20);
  });

  it('instantiates local modules (./ and ../) with inputs, full addresses and call sites', async () => {
    const n = await run();
    const web = res(n, 'module.web.aws_instance.web[1]');
    expect(web).toMatchObject({ module_dir: 'terraform/live/modules/web', module_path: ['web'], call_site: { file: 'terraform/live/main.tf', line: 63 }, local_address: 'aws_instance.web', instance_key: 1 });
    expect(web.config.tags).toEqual({ Name: 'app-staging-web-02' });
    expect(web.config.vpc_security_group_ids).toEqual([{ __unknown__: 'aws_security_group.web.id' }]);
    expect(line(n, web.id, ['metadata_options', 0, 'http_tokens'])).toBe(31);
    expect(n.locator.get(web.id)!.callSite).toEqual({ file: 'terraform/live/main.tf', line: 63, module: 'module.web' });
    // A reference passed into a module means nothing inside it: it becomes the variable.
    expect(res(n, 'module.web.aws_security_group.web').config.vpc_id).toEqual({ __unknown__: 'var.vpc_id' });
    const acl = res(n, 'module.net.aws_network_acl.this');
    expect(acl.module_dir).toBe('terraform/shared/net');
    expect((acl.config.ingress as Array<Record<string, unknown>>)[0]!.cidr_block).toBe('10.10.0.0/20');
    // Module outputs flow back.
    expect(res(n, 'aws_flow_log.main').config.traffic_type).toBe('ALL');
    // A called folder is not also evaluated as a root.
    expect(n.input.terraform.resources.some((r) => r.address === 'aws_instance.web')).toBe(false);
  });

  it('lists remote modules as not scanned and counts values', async () => {
    const n = await run();
    expect(n.summary.remoteModules).toEqual([{ source: 'terraform-aws-modules/vpc/aws', module: 'module.vpc_remote', file: 'terraform/live/main.tf', line: 76 }]);
    const v = n.summary.values;
    expect(v.literal).toBeGreaterThan(0);
    expect(v.resolved).toBeGreaterThan(v.literal);
    expect(v.unknown).toBeGreaterThan(0);
  });
});

describe('packer values (fixtures/resolve/packer)', () => {
  it('resolves variables, *.auto.pkrvars.hcl, locals and local blocks', async () => {
    const n = await run();
    const base = n.input.packer.sources.find((s) => s.address === 'source.amazon-ebs.base')!;
    expect(base.config).toMatchObject({ region: 'us-east-1', ami_name: 'golden-us-east-1', encrypt_boot: true, subnet_id: { __unknown__: 'var.subnet_id' } });
    expect(base.config.launch_block_device_mappings).toEqual([{ device_name: '/dev/xvda', volume_size: 16, encrypted: true }]);
    const build = n.input.packer.builds.find((b) => b.name === 'golden')!;
    expect(build.provisioners[0]!.config.inline).toEqual(['echo building golden-us-east-1']);
  });

  it('applies a pkrvars file given explicitly', async () => {
    const n = await run(['packer/insecure.pkrvars.hcl']);
    const base = n.input.packer.sources.find((s) => s.address === 'source.amazon-ebs.base')!;
    expect(base.config.encrypt_boot).toBe(false);
  });

  it('evaluates build-level source blocks that override fields as their own source', async () => {
    const n = await run();
    const legacy = n.input.packer.sources.find((s) => s.address === 'source.amazon-ebs.legacy')!;
    expect(legacy).toMatchObject({ base: 'source.amazon-ebs.base', build: 'golden' });
    expect(legacy.config).toMatchObject({ encrypt_boot: false, metadata_options: [{ http_tokens: 'optional' }], region: 'us-east-1' });
    expect(n.input.packer.builds.find((b) => b.name === 'golden')!.sources).toEqual(['source.amazon-ebs.base', 'source.amazon-ebs.legacy']);
    // Overridden fields at the override, inherited ones at the base block.
    expect(line(n, legacy.id, ['metadata_options', 0, 'http_tokens'])).toBe(27);
    expect(line(n, legacy.id, ['region'])).toBe(2);
  });
});
