// `controlgate input` through the built CLI: the document the policies receive, unknowns visible.
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from './helpers/workspace.js';
import { runCli } from './helpers/run.js';


const files = {
  'main.tf': `variable "meta" {
  type = object({ http_tokens = optional(string, "required") })
  default = {}
}
variable "cidr" {
  default = "10.0.0.0/8"
}
resource "aws_instance" "web" {
  ami = data.aws_ami.base.id
  metadata_options {
    http_tokens = lookup(var.meta, "http_tokens", "optional")
  }
  tags = { cidr = var.cidr }
}
`,
  'prod.tfvars': 'cidr = "0.0.0.0/0"\n',
};

interface Doc {
  schema_version: number;
  terraform: { resources: Array<{ address: string; config: Record<string, unknown> }>; variables: Array<{ name: string }> };
  packer: unknown;
}

describe('controlgate input', () => {
  it('prints the policy input document with unknown values visible', () => {
    const ws = tempWorkspace(files);
    const r = runCli(['input', '.'], ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.schema_version).toBe(1);
    const web = doc.terraform.resources.find((x) => x.address === 'aws_instance.web')!;
    expect(web.config.ami).toEqual({ __unknown__: 'data.aws_ami.base.id' });
    expect(web.config.tags).toEqual({ cidr: '10.0.0.0/8' });
    expect(doc.terraform.variables.map((v) => v.name).sort()).toEqual(['cidr', 'meta']);
  });

  it('applies --var-file as a scan does', () => {
    const ws = tempWorkspace(files);
    const r = runCli(['input', '.', '--var-file', 'prod.tfvars'], ws);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.terraform.resources.find((x) => x.address === 'aws_instance.web')!.config.tags).toEqual({ cidr: '0.0.0.0/0' });
  });

  it('lists files it could not parse on stderr and exits 1, still printing the rest', () => {
    const ws = tempWorkspace({ ...files, 'bad.tf': 'resource "a" "b" {\n  x = \n}\n' });
    const r = runCli(['input', '.'], ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not scanned: bad\.tf: /);
    expect((JSON.parse(r.stdout) as Doc).terraform.resources.some((x) => x.address === 'aws_instance.web')).toBe(true);
  });

  it('escapes characters a terminal would act on, keeping the JSON the same value', () => {
    const ws = tempWorkspace({ 'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "a\u009b31mb\u202ec"\n}\n' });
    const r = runCli(['input', '.'], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u009b\u202e]/);
    expect((JSON.parse(r.stdout) as Doc).terraform.resources[0]!.config.bucket).toBe('a\u009b31mb\u202ec');
  });

  it('refuses unknown options with a usage error', () => {
    const ws = tempWorkspace(files);
    expect(runCli(['input', '--bogus'], ws).code).toBe(2);
    expect(runCli(['input', '--help'], ws)).toMatchObject({ code: 0 });
  });
});
