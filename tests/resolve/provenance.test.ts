// A finding inside a module carries the whole call chain, and the variable-file line its value was
// set on (issue #13): in the finding, the text report, and SARIF relatedLocations + message.
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../helpers/workspace.js';
import { scan } from '../../src/engine/scan.js';
import { buildSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';


const sg = `variable "admin_cidr" {}
resource "aws_security_group" "admin" {
  name = "admin"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr]
  }
}
`;

const files = {
  'live/main.tf': `variable "cidr" {
  default = "10.0.0.0/8"
}
locals {
  admin = var.cidr
}
module "network" {
  source = "../modules/network"
  cidr   = local.admin
}
`,
  // Byte order: "B.auto.tfvars" < "a.auto.tfvars", so a's value wins (OpenTofu reads the folder so).
  'live/B.auto.tfvars': 'cidr = "10.1.0.0/16"\n',
  'live/a.auto.tfvars': '# management range\ncidr = "0.0.0.0/0"\n',
  'modules/network/main.tf': `variable "cidr" {}
module "sg" {
  source     = "./sg"
  admin_cidr = var.cidr
}
`,
  'modules/network/sg/main.tf': sg,
};

describe('provenance of a finding inside modules', () => {
  it('gives the call chain from the root and the var-file line the value came from', async () => {
    const ws = tempWorkspace(files);
    const r = await scan({ root: ws, paths: ['live'] });
    const f = r.findings.find((x) => x.ruleId === 'NET-AWS-001');
    expect(f, JSON.stringify(r.findings.map((x) => x.id))).toBeDefined();
    expect(f!.file).toBe('modules/network/sg/main.tf');
    expect(f!.resource).toBe('module.network.module.sg.aws_security_group.admin');
    expect(f!.callChain).toEqual([
      { file: 'live/main.tf', line: 7, module: 'module.network' },
      { file: 'modules/network/main.tf', line: 2, module: 'module.network.module.sg' },
    ]);
    expect(f!.callSite).toEqual({ file: 'modules/network/main.tf', line: 2, module: 'module.network.module.sg' });
    expect(f!.valueFrom).toEqual([{ file: 'live/a.auto.tfvars', line: 2, variable: 'cidr' }]);

    expect(renderText(r)).toContain(
      '(via module.network at live/main.tf:7 -> module.network.module.sg at modules/network/main.tf:2) (value from live/a.auto.tfvars:2)',
    );
    const sarif = buildSarif(r.findings, r.catalog) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    const result = sarif.runs[0]!.results.find((x) => x.ruleId === f!.id)!;
    expect(result.relatedLocations).toEqual([
      { id: 1, physicalLocation: { artifactLocation: { uri: 'live/main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } }, message: { text: 'module.network is called here' } },
      { id: 2, physicalLocation: { artifactLocation: { uri: 'modules/network/main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } }, message: { text: 'module.network.module.sg is called here' } },
      { id: 3, physicalLocation: { artifactLocation: { uri: 'live/a.auto.tfvars', uriBaseId: '%SRCROOT%' }, region: { startLine: 2 } }, message: { text: 'var.cidr is set here' } },
    ]);
    expect((result.message as { text: string }).text).toContain('\nValue of var.cidr set in live/a.auto.tfvars:2.');
  });

  it('names the last var file given when several set the value, and none for a default', async () => {
    const ws = tempWorkspace({ ...files, 'env/prod.tfvars': 'cidr = "0.0.0.0/0"\n' });
    const r = await scan({ root: ws, paths: ['live'], varFiles: ['env/prod.tfvars'] });
    expect(r.findings.find((x) => x.ruleId === 'NET-AWS-001')!.valueFrom).toEqual([{ file: 'env/prod.tfvars', line: 1, variable: 'cidr' }]);

    const fromDefault = tempWorkspace({ 'main.tf': `variable "c" {\n  default = "0.0.0.0/0"\n}\nmodule "sg" {\n  source     = "./sg"\n  admin_cidr = var.c\n}\n`, 'sg/main.tf': sg });
    const d = (await scan({ root: fromDefault, paths: ['.'] })).findings.find((x) => x.ruleId === 'NET-AWS-001')!;
    expect(d.valueFrom).toBeUndefined();
    expect(d.callChain).toEqual([{ file: 'main.tf', line: 4, module: 'module.sg' }]);
  });
});
