// Terraform plan JSON as an input (issue #4): the same policies over the planned values, findings on
// the configuration's lines (or in the plan when the .tf files are not scanned).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { parseJsonWithLocations } from '../src/parse/json-syntax.js';
import { normalize } from '../src/normalize/normalize.js';
import { applyPlan, loadPlan, moduleSegments, planText as planTextOfBytes } from '../src/normalize/plan.js';
import type { Finding, ScanResult } from '../src/model/types.js';
import { repoRoot } from './helpers/paths.js';
import { runAction, runCli } from './helpers/run.js';
import { parseTree } from './helpers/parse-tree.js';

const fixture = path.join(repoRoot, 'fixtures', 'plan');
const planTextOf = planTextOfBytes;
const planText = readFileSync(path.join(fixture, 'plan.json'), 'utf8');
const PASSWORD = (JSON.parse(planText) as { variables: { db_password: { value: string } } }).variables.db_password.value;

function copyFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-plan-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

async function normalized(root: string) {
  const parsed = await parseTree(root);
  const n = normalize(parsed);
  const { plan, error } = await loadPlan(root, 'plan.json', 64 * 1024 * 1024);
  if (!plan) throw new Error(error?.message);
  const applied = applyPlan(n, plan, parsed);
  return { n, applied };
}

const key = (f: Finding): string => `${f.id} ${f.resource} ${f.file}:${f.range.startLine}`;
const status = (r: ScanResult, ruleId: string, resource: string) => r.evaluations.find((e) => e.ruleId === ruleId && e.resource === resource);

describe('Terraform plan JSON', () => {
  it('gives the HCL path\'s input shape: full addresses, module folders, instance keys', async () => {
    const { n, applied } = await normalized(fixture);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'policies', 'schemas', 'input.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    validate(n.input);
    expect(validate.errors ?? []).toEqual([]);
    expect(applied).toMatchObject({ rootDir: '.', dirs: ['.', 'modules/net'], deleted: 1 });

    const byAddress = new Map(n.input.terraform.resources.map((r) => [r.address, r]));
    const subnet = byAddress.get('module.net.aws_subnet.this')!;
    expect(subnet).toMatchObject({
      id: 'modules/net/main.tf#module.net.aws_subnet.this',
      mode: 'managed',
      module_dir: 'modules/net',
      module_path: ['net'],
      local_address: 'aws_subnet.this',
      file: 'modules/net/main.tf',
      call_site: { file: 'main.tf', line: 77 },
    });
    expect(subnet.config.map_public_ip_on_launch).toBe(true);

    const web = byAddress.get('aws_instance.web["a"]')!;
    expect(web).toMatchObject({ module_dir: '.', instance_key: 'a', local_address: 'aws_instance.web', file: 'main.tf' });
    expect(web.module_path).toBeUndefined();
    // Planned values in the HCL body shape: nested blocks as lists of bodies, nulls absent, empty
    // blocks the configuration leaves out absent, values known only after apply unknown.
    expect(web.config.metadata_options).toEqual([
      {
        http_endpoint: 'enabled',
        http_tokens: 'optional',
        http_protocol_ipv6: { __unknown__: 'aws_instance.web["a"].metadata_options[0].http_protocol_ipv6 (known after apply)' },
        http_put_response_hop_limit: { __unknown__: 'aws_instance.web["a"].metadata_options[0].http_put_response_hop_limit (known after apply)' },
        instance_metadata_tags: { __unknown__: 'aws_instance.web["a"].metadata_options[0].instance_metadata_tags (known after apply)' },
      },
    ]);
    expect(web.config).not.toHaveProperty('user_data'); // null: unset
    expect(web.config).not.toHaveProperty('credit_specification'); // [] and not written: no block
    expect(web.config.arn).toEqual({ __unknown__: 'aws_instance.web["a"].arn (known after apply)' });
    // Known because the group already exists (no-op): the plan knows more than the HCL does.
    expect(web.config.vpc_security_group_ids).toEqual(['sg-0a1b2c3d4e5f60718']);
    // An unknown the .tf files write as an expression keeps that expression (rules follow references).
    expect(web.config.subnet_id).toEqual({ __unknown__: 'module.net.subnet_id' });
    // Meta-arguments are not planned values: kept from the configuration.
    expect(web.config.for_each).toEqual(['a', 'b']);
    expect(byAddress.get('aws_instance.web["b"]')?.instance_key).toBe('b');
    // Written empty collections stay (the security group's ingress[0].ipv6_cidr_blocks is a value).
    expect(byAddress.get('aws_security_group.web')!.config.ingress).toEqual([
      expect.objectContaining({ cidr_blocks: ['0.0.0.0/0'], from_port: 22, to_port: 22, protocol: 'tcp', self: false }),
    ]);
    // No duplicates: the HCL instances of the plan's folders are replaced.
    const addresses = n.input.terraform.resources.map((r) => r.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.sort()).toEqual([
      'aws_eip.bastion',
      'aws_instance.web["a"]',
      'aws_instance.web["b"]',
      'aws_security_group.bastion',
      'aws_security_group.web',
      'aws_ssm_parameter.db_password',
      'module.net.aws_subnet.this',
    ]);
  });

  it('ignores instances the plan deletes', async () => {
    const { n } = await normalized(fixture);
    expect(n.input.terraform.resources.find((r) => r.address === 'aws_instance.legacy')).toBeUndefined();
    const r = await scan({ root: fixture, paths: ['.'], plan: 'plan.json' });
    expect(r.findings.filter((f) => f.resource === 'aws_instance.legacy')).toEqual([]);
    expect(r.evaluations.filter((e) => e.resource === 'aws_instance.legacy')).toEqual([]);
  });

  it('gives the same findings as the HCL scan, on the .tf lines', async () => {
    const hcl = await scan({ root: fixture, paths: ['.'] });
    const plan = await scan({ root: fixture, paths: ['.'], plan: 'plan.json' });
    expect(plan.errors).toEqual([]);
    expect(plan.findings.map(key)).toEqual(hcl.findings.map(key));
    expect(plan.findings.map(key)).toEqual(
      expect.arrayContaining([
        'NET-AWS-001 aws_security_group.web main.tf:33',
        'VMH-AWS-001 aws_instance.web["a"] main.tf:63',
        'SEG-AWS-001 module.net.aws_subnet.this modules/net/main.tf:8',
      ]),
    );
    // The for_each instances share the line of their block: one finding lists them.
    expect(plan.findings.find((f) => f.id === 'VMH-AWS-001')?.instances).toEqual(['aws_instance.web["a"]', 'aws_instance.web["b"]']);
    const subnet = plan.findings.find((f) => f.id === 'SEG-AWS-001')!;
    expect(subnet.callSite).toMatchObject({ file: 'main.tf', line: 77, module: 'module.net' });
    // Fingerprints match too: a plan run and an HCL run agree on which findings are the same.
    expect(plan.findings.map((f) => f.fingerprint)).toEqual(hcl.findings.map((f) => f.fingerprint));
    // Every HCL outcome is the plan's too, unless the plan says the value is known only after apply.
    for (const e of hcl.evaluations) {
      const p = status(plan, e.ruleId, e.resource);
      expect(p, `${e.ruleId} ${e.resource}`).toBeDefined();
      if (p!.status !== e.status) expect(p!.status, `${e.ruleId} ${e.resource}`).toBe('not_evaluated');
    }
    expect(plan.filesScanned).toContain('plan.json');
    expect(plan.files.find((f) => f.path === 'plan.json')).toMatchObject({ status: 'parsed' });
  });

  it('never passes or fails on values known only after apply', async () => {
    const r = await scan({ root: fixture, paths: ['.'], plan: 'plan.json' });
    // The bastion's ingress CIDR is the elastic IP's address: unknown until apply.
    expect(status(r, 'NET-AWS-001', 'aws_security_group.bastion')).toMatchObject({ status: 'not_evaluated' });
    expect(r.findings.filter((f) => f.resource === 'aws_security_group.bastion' && f.ruleId.startsWith('NET-'))).toEqual([]);
    // EBS block devices are chosen by the provider at apply: the HCL path's "absent" becomes unknown.
    expect(status(r, 'VMH-AWS-002', 'aws_instance.web["a"]')).toMatchObject({
      status: 'not_evaluated',
      reason: expect.stringContaining('(known after apply)'),
    });
  });

  it('keeps the HCL resources of folders the plan does not cover', async () => {
    const ws = copyFixture();
    mkdirSync(path.join(ws, 'other'));
    writeFileSync(path.join(ws, 'other', 'main.tf'), 'resource "aws_subnet" "x" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n}\n');
    const r = await scan({ root: ws, paths: ['.'], plan: 'plan.json' });
    expect(r.findings.map(key)).toEqual(expect.arrayContaining(['SEG-AWS-001 aws_subnet.x other/main.tf:3', 'SEG-AWS-001 module.net.aws_subnet.this modules/net/main.tf:8']));
  });

  it('finds the plan\'s root folder among the scanned folders, wherever the plan file is', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-plan-root-'));
    cpSync(fixture, path.join(ws, 'infra', 'prod'), { recursive: true });
    writeFileSync(path.join(ws, 'prod-plan.json'), planText);
    const r = await scan({ root: ws, paths: ['infra'], plan: 'prod-plan.json' });
    expect(r.findings.map(key)).toEqual(
      expect.arrayContaining(['VMH-AWS-001 aws_instance.web["a"] infra/prod/main.tf:63', 'SEG-AWS-001 module.net.aws_subnet.this infra/prod/modules/net/main.tf:8']),
    );
    expect(r.findings.filter((f) => f.file === 'prod-plan.json')).toEqual([]);
  });

  it('finds module folders from the scanned module calls when the plan has no configuration section', async () => {
    const ws = copyFixture();
    const { configuration: _c, ...bare } = JSON.parse(planText) as Record<string, unknown>;
    writeFileSync(path.join(ws, 'plan.json'), JSON.stringify(bare, null, 2));
    const r = await scan({ root: ws, paths: ['.'], plan: 'plan.json' });
    const hcl = await scan({ root: fixture, paths: ['.'] });
    expect(r.findings.map(key)).toEqual(hcl.findings.map(key));
  });

  it('points findings into plan.json when the .tf files are not scanned', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-plan-only-'));
    writeFileSync(path.join(ws, 'plan.json'), planText);
    const r = await scan({ root: ws, paths: ['.'], plan: 'plan.json' });
    expect(r.errors).toEqual([]);
    const { value, locations } = parseJsonWithLocations(planText);
    const changes = (value as { resource_changes: Array<{ address: string }> }).resource_changes;
    const lineOf = (address: string, p: Array<string | number>): number => {
      const i = changes.findIndex((c) => c.address === address);
      return locations.get(['resource_changes', i, 'change', 'after', ...p])!.startLine;
    };
    const imds = r.findings.find((f) => f.id === 'VMH-AWS-001' && f.resource === 'aws_instance.web["b"]')!;
    expect(imds).toMatchObject({ file: 'plan.json', range: { startLine: lineOf('aws_instance.web["b"]', ['metadata_options', 0, 'http_tokens']) } });
    const subnet = r.findings.find((f) => f.id === 'SEG-AWS-001')!;
    expect(subnet).toMatchObject({ file: 'plan.json', resource: 'module.net.aws_subnet.this', range: { startLine: lineOf('module.net.aws_subnet.this', ['map_public_ip_on_launch']) } });
    // Without the .tf files, an unknown is described by its address.
    expect(status(r, 'NET-AWS-001', 'aws_security_group.bastion')).toMatchObject({
      status: 'not_evaluated',
      reason: 'depends on aws_security_group.bastion.ingress[0].cidr_blocks[0] (known after apply)',
    });
    // The same rule results as with the .tf files (only the locations differ).
    const withTf = await scan({ root: fixture, paths: ['.'], plan: 'plan.json' });
    // Instances grouped on one .tf line are separate lines of plan.json: compare them one by one.
    const ids = (x: ScanResult): string[] => x.findings.flatMap((f) => (f.instances ?? [f.resource]).map((res) => `${f.id} ${res}`)).sort();
    expect(ids(r)).toEqual(ids(withTf));
  });

  it('redacts sensitive values from every report', async () => {
    const { applied } = await normalized(fixture);
    expect(applied.secrets).toContain(PASSWORD);
    const r = await scan({ root: fixture, paths: ['.'], plan: 'plan.json' });
    expect(r.redactions).toContain(PASSWORD);
    const { redactions: _r, ...reported } = r;
    expect(JSON.stringify(reported)).not.toContain(PASSWORD);
  });

  it('reports a malformed or wrong plan as a located file error', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-plan-bad-'));
    writeFileSync(path.join(ws, 'bad.json'), '{\n  "format_version": "1.2",\n  "planned_values": {,\n}\n');
    writeFileSync(path.join(ws, 'state.json'), '{\n  "format_version": "1.0",\n  "values": {}\n}\n');
    writeFileSync(path.join(ws, 'v2.json'), '{\n  "format_version": "2.0",\n  "planned_values": {}\n}\n');
    const err = async (plan: string) => (await scan({ root: ws, paths: ['.'], plan })).errors;
    expect(await err('bad.json')).toEqual([expect.objectContaining({ path: 'bad.json', range: expect.objectContaining({ startLine: 3 }), message: expect.stringMatching(/^plan is not valid JSON: /) })]);
    expect((await err('state.json'))[0]!.message).toMatch(/a Terraform state, not a plan/);
    expect(await err('v2.json')).toEqual([expect.objectContaining({ range: expect.objectContaining({ startLine: 2 }), message: expect.stringContaining('unsupported plan format_version "2.0"') })]);
    expect((await err('missing.json'))[0]!.message).toBe('cannot read the plan: it does not exist');
  });

  it('reads format_version 0.1 / 0.2 plans and UTF-16 plans (PowerShell `>`) as the 1.x UTF-8 one', async () => {
    const hcl = await scan({ root: fixture, paths: ['.'], plan: 'plan.json' });
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(planText, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    for (let i = 0; i < utf16be.length; i += 2) [utf16be[i], utf16be[i + 1]] = [utf16be[i + 1]!, utf16be[i]!];
    const variants: Record<string, string | Buffer> = {
      'v01.json': planText.replace(/"format_version": "1\.\d+"/, '"format_version": "0.1"'),
      'v02.json': planText.replace(/"format_version": "1\.\d+"/, '"format_version": "0.2"'),
      'le.json': utf16le,
      'be.json': utf16be,
      'le-nobom.json': Buffer.from(planText, 'utf16le'),
    };
    for (const [name, content] of Object.entries(variants)) {
      const ws = copyFixture();
      writeFileSync(path.join(ws, 'plan.json'), content);
      const r = await scan({ root: ws, paths: ['.'], plan: 'plan.json' });
      expect(r.errors, name).toEqual([]);
      expect(r.findings.map(key), name).toEqual(hcl.findings.map(key));
    }
    expect(planText.includes('"format_version": "1.')).toBe(true);
    expect(planTextOf(Buffer.from([0xff, 0xfe, 0x7b]))).toBeUndefined();
  });

  it('parses module addresses with instance keys', () => {
    expect(moduleSegments('')).toEqual([]);
    expect(moduleSegments('module.app')).toEqual(['app']);
    expect(moduleSegments('module.app["a.b"].module.db[0]')).toEqual(['app["a.b"]', 'db[0]']);
  });
});

describe('--plan in the CLI and plan in the action (dist/)', () => {
  it('scans with --plan and exits 1 on a malformed plan, with its line', () => {
    const ws = copyFixture();
    const r = runCli(['scan', '.', '--plan', 'plan.json', '--format', 'json'], ws);
    expect(r.code).toBe(1); // VMH-AWS-001 is high
    const doc = JSON.parse(r.stdout);
    expect(doc.findings).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'VMH-AWS-001', file: 'main.tf', line: 63, resource: 'aws_instance.web["a"]' })]));
    expect(doc.summary).toMatchObject({ fileErrors: 0 });
    expect(r.stdout).not.toContain(PASSWORD);

    writeFileSync(path.join(ws, 'broken.json'), '{\n  "format_version": "1.2",\n  "resource_changes": [\n');
    const bad = runCli(['scan', '.', '--plan', 'broken.json'], ws);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^broken\.json:4 +error +plan is not valid JSON: /m);
    expect(runCli(['scan', '.', '--plan'], ws).code).toBe(2); // a flag without its value: usage
  });

  it('takes the plan input relative to the workspace', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-plan-action-'));
    cpSync(fixture, path.join(ws, 'infra'), { recursive: true });
    const r = runAction(ws, { paths: '.', 'working-directory': 'infra', plan: 'infra/plan.json', 'fail-on': 'high' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=VMH-AWS-001[^,]*,file=infra\/main\.tf,line=63,/m);
    expect(r.outputs['file-errors']).toBe('0');
    // The plan's sensitive values are registered with the runner's log masking, and never reported.
    expect(r.stdout).toContain(`::add-mask::${PASSWORD}`);
    expect(r.stdout.replace(`::add-mask::${PASSWORD}`, '')).not.toContain(PASSWORD);
    expect(r.summary).not.toContain(PASSWORD);
  });
});
