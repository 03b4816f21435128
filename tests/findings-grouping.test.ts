// One problem, one finding: the most specific rule's finding records the broader ones it covers,
// and the same finding of every count / for_each instance of one block is reported once.
import { verdictOf } from '../src/model/verdict.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { baseAddress } from '../src/controls/map.js';
import { buildEvidence } from '../src/report/evidence/evidence.js';
import { renderText } from '../src/report/text.js';
import { runContext } from '../src/report/evidence/context.js';
import { repoRoot } from './helpers/paths.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

const dirWith = (files: Record<string, string>): string => {
  const root = mkdtempSync(path.join(tmpdir(), 'cg-group-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
};

const sg = (name: string, from: number, to: number, extra = ''): string => `
resource "aws_security_group" "${name}" {
  name = "${name}"
  ${extra}
  ingress {
    protocol    = "tcp"
    from_port   = ${from}
    to_port     = ${to}
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;

describe('one problem, one finding', () => {
  it('open SSH is NET-AWS-001 alone, with NET-MULTI-001/high-risk-port recorded as covered', async () => {
    const r = await scan({ root: dirWith({ 'main.tf': sg('ssh', 22, 22) + sg('wide', 22, 3306) }), paths: ['.'] });
    const net = r.findings.filter((f) => f.ruleId.startsWith('NET-'));
    expect(net.map((f) => `${f.resource} ${f.id}`).sort()).toEqual([
      'aws_security_group.ssh NET-AWS-001',
      'aws_security_group.wide NET-AWS-001',
      'aws_security_group.wide NET-MULTI-001/high-risk-port',
    ]);
    const ssh = net.find((f) => f.resource === 'aws_security_group.ssh')!;
    expect(ssh.covers).toEqual([{ id: 'NET-MULTI-001/high-risk-port', path: ['ingress', 0, 'from_port'], message: expect.stringContaining('from_port is 22') }]);
  });

  it('a covered finding stands when the specific rule is switched off', async () => {
    const r = await scan({ root: dirWith({ 'main.tf': sg('ssh', 22, 22) }), paths: ['.'], rules: { disabled: ['NET-AWS-001'], severity: {} } });
    expect(r.findings.filter((f) => f.ruleId.startsWith('NET-')).map((f) => f.id)).toEqual(['NET-MULTI-001/high-risk-port']);
  });

  it('the same finding of every count instance is one finding listing the instances', async () => {
    const r = await scan({ root: dirWith({ 'main.tf': sg('many', 22, 22, 'count = 3') }), paths: ['.'] });
    const ssh = r.findings.filter((f) => f.id === 'NET-AWS-001');
    expect(ssh).toHaveLength(1);
    expect(ssh[0]!.instances).toEqual(['aws_security_group.many[0]', 'aws_security_group.many[1]', 'aws_security_group.many[2]']);
  });

  it('records instances and covered findings in the evidence, which still validates', async () => {
    const result = await scan({ root: dirWith({ 'main.tf': sg('many', 22, 22, 'count = 2') }), paths: ['.'] });
    const e = buildEvidence({ result, run: runContext({}), verdict: verdictOf(result, { failOn: 'high' }), settings: { paths: ['.'], failOn: 'high' } });
    const ssh = e.findings.find((f) => f.id === 'NET-AWS-001')!;
    expect(ssh.instances).toEqual(['aws_security_group.many[0]', 'aws_security_group.many[1]']);
    expect(ssh.covers?.map((c) => c.id)).toEqual(['NET-MULTI-001/high-risk-port']);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'schemas', 'evidence.schema.json'), 'utf8')));
    expect(validate(e) ? [] : validate.errors).toEqual([]);
  });

  const nsr = (name: string, protocol: string, port: string): string => `
resource "azurerm_network_security_rule" "${name}" {
  name                        = "${name}"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "${protocol}"
  source_port_range           = "*"
  destination_port_range      = "${port}"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "nsg"
}
`;
  const open = `
resource "aws_security_group" "all" {
  name = "all"
  ingress {
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}
resource "aws_security_group_rule" "tcp_all" {
  type              = "ingress"
  security_group_id = "sg-1"
  protocol          = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_blocks       = ["0.0.0.0/0"]
}
resource "google_compute_firewall" "all" {
  name          = "all"
  network       = "net"
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "all"
  }
}
${nsr('all', '*', '*')}
${nsr('udp_rdp', 'Udp', '3389')}
`;
  const netFindings = (r: Awaited<ReturnType<typeof scan>>): string[] =>
    r.findings
      .filter((f) => /^NET-(AWS-001|AZ-001|GCP-001|MULTI-001)/.test(f.id))
      .map((f) => `${f.resource} ${f.id}${f.covers ? ` covers ${f.covers.map((c) => `${c.id} ${c.path.join('.')}`).join(', ')}` : ''}`)
      .sort();

  it('a rule open to every port or protocol is NET-MULTI-001 alone, covering the administration-port findings', async () => {
    const r = await scan({ root: dirWith({ 'main.tf': open }), paths: ['.'] });
    expect(netFindings(r)).toEqual([
      'aws_security_group.all NET-MULTI-001 covers NET-AWS-001 ingress.0.cidr_blocks, NET-AWS-001 ingress.0.ipv6_cidr_blocks',
      'aws_security_group_rule.tcp_all NET-MULTI-001 covers NET-AWS-001 cidr_blocks',
      'azurerm_network_security_rule.all NET-MULTI-001 covers NET-AZ-001 source_address_prefix',
      'azurerm_network_security_rule.udp_rdp NET-AZ-001 covers NET-MULTI-001/udp protocol, NET-MULTI-001/high-risk-port destination_port_range',
      'google_compute_firewall.all NET-MULTI-001 covers NET-GCP-001 source_ranges',
    ]);
  });

  it('the text report names the findings a finding covers', async () => {
    const r = await scan({ root: dirWith({ 'main.tf': open }), paths: ['.'] });
    const text = renderText(r);
    expect(text).toMatch(/NET-MULTI-001 .*\(also covers NET-AWS-001\)/);
    expect(text).toMatch(/NET-AZ-001 .*\(also covers NET-MULTI-001\/udp, NET-MULTI-001\/high-risk-port\)/);
  });

  it('a broader finding is never hidden behind a less severe one (a severity override)', async () => {
    const r = await scan({ root: dirWith({ 'main.tf': open }), paths: ['.'], rules: { disabled: [], severity: { 'NET-MULTI-001': 'low' } } });
    expect(netFindings(r).filter((l) => l.startsWith('aws_security_group.all'))).toEqual(['aws_security_group.all NET-AWS-001', 'aws_security_group.all NET-AWS-001', 'aws_security_group.all NET-MULTI-001']);
  });

  it('an unencrypted volume holding restricted data is VMH-AWS-002, covering VMH-AWS-005 for that volume only', async () => {
    const tf = `
resource "aws_ebs_volume" "plain" {
  availability_zone = "eu-west-1a"
  size              = 10
  tags              = { data_classification = "restricted", owner = "team" }
}
resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags          = { data_classification = "restricted", owner = "team" }
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
  }
}
`;
    const r = await scan({ root: dirWith({ 'main.tf': tf }), paths: ['.'] });
    const lines = r.findings
      .filter((f) => /^VMH-AWS-00[25]/.test(f.id))
      .map((f) => `${f.resource} ${f.id} ${f.path.join('.')}${f.covers ? ` covers ${f.covers.map((c) => `${c.id} ${c.path.join('.')}`).join(', ')}` : ''}`)
      .sort();
    expect(lines).toEqual([
      'aws_ebs_volume.plain VMH-AWS-002 encrypted covers VMH-AWS-005 kms_key_id',
      'aws_instance.web VMH-AWS-002 ebs_block_device.0.encrypted covers VMH-AWS-005 ebs_block_device.0.kms_key_id',
      'aws_instance.web VMH-AWS-005 root_block_device.0.kms_key_id',
    ]);
  });

  it('strips instance keys, quoted ones included', () => {
    expect(baseAddress('module.app["a]b"].aws_instance.web[0]')).toBe('module.app.aws_instance.web');
  });
});
