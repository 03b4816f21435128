// One problem, one finding: the most specific rule's finding records the broader ones it covers,
// and the same finding of every count / for_each instance of one block is reported once.
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
    const e = buildEvidence({ result, run: runContext({}), failOn: 'high', settings: { paths: ['.'], failOn: 'high' }, failing: 0 });
    const ssh = e.findings.find((f) => f.id === 'NET-AWS-001')!;
    expect(ssh.instances).toEqual(['aws_security_group.many[0]', 'aws_security_group.many[1]']);
    expect(ssh.covers?.map((c) => c.id)).toEqual(['NET-MULTI-001/high-risk-port']);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'schemas', 'evidence.schema.json'), 'utf8')));
    expect(validate(e) ? [] : validate.errors).toEqual([]);
  });

  it('strips instance keys, quoted ones included', () => {
    expect(baseAddress('module.app["a]b"].aws_instance.web[0]')).toBe('module.app.aws_instance.web');
  });
});
