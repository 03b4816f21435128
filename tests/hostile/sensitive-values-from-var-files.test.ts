// Issue 12, item 2: "Sensitive values from var files are printed". Sensitivity follows the variable's
// declaration whatever gave it its value (default, terraform.tfvars, *.auto.tfvars, a var file given
// to the run, a module input, Packer variables from *.auto.pkrvars.hcl or a var file) and spreads to
// what is computed from it (locals, functions, templates, module inputs and outputs; an output
// declared sensitive too). No canary may reach the
// annotations, log, summary, outputs, SARIF or evidence (.json, .md, .oscal.json) of the action, nor
// the CLI's text and JSON. Through dist/.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

const CANARY = /canary/i;

const files: Record<string, string> = {
  'infra/main.tf': [
    'variable "from_var_file" {\n  sensitive = true\n}',
    'variable "from_tfvars" {\n  sensitive = true\n}',
    'variable "from_auto" {\n  sensitive = true\n}',
    'locals {\n  derived = upper(var.from_auto)\n  cut     = substr(var.from_var_file, 0, 12)\n}',
    INSTANCE('var.from_var_file', 'a'),
    INSTANCE('var.from_tfvars', 'b'),
    INSTANCE('"optional-${var.from_auto}"', 'c'),
    INSTANCE('local.derived', 'd'),
    INSTANCE('local.cut', 'e'),
    INSTANCE('lower(module.m.declared)', 'f'),
    'module "m" {\n  source   = "./mod"\n  password = "canary-module-input-literal-1"\n  plain    = var.from_tfvars\n}',
  ].join('\n'),
  'infra/terraform.tfvars': 'from_tfvars = "canary-terraform-tfvars-2"\n',
  'infra/prod.auto.tfvars': 'from_auto = "canary-auto-tfvars-3"\n',
  'env/prod.tfvars': 'from_var_file = "canary-given-var-file-4"\n',
  // The module declares `password` sensitive; `plain` is not, but its value comes from a sensitive one.
  // An output declared sensitive is sensitive in the caller, whatever its value.
  'infra/mod/outputs.tf': 'output "declared" {\n  value     = "canary-declared-output-7"\n  sensitive = true\n}\n',
  'infra/mod/main.tf': ['variable "password" {\n  sensitive = true\n}', 'variable "plain" {}', INSTANCE('var.password', 'm1'), INSTANCE('var.plain', 'm2')].join('\n'),
  'image/a.pkr.hcl': [
    'variable "imds" {\n  type      = string\n  sensitive = true\n}',
    'variable "tokens" {\n  type      = string\n  sensitive = true\n}',
    'source "amazon-ebs" "u" {\n  ami_name      = "x"\n  instance_type = "t3.micro"\n  region        = "us-east-1"\n  source_ami    = "ami-1"\n  ssh_username  = "ubuntu"\n  imds_support  = var.imds\n  metadata_options {\n    http_tokens = "optional-${var.tokens}"\n  }\n}',
    'build {\n  sources = ["source.amazon-ebs.u"]\n}',
  ].join('\n'),
  'image/x.auto.pkrvars.hcl': 'imds = "canary-auto-pkrvars-5"\n',
  'env/image.pkrvars.hcl': 'tokens = "canary-given-pkrvars-6"\n',
};

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? allFiles(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

const leak = (name: string, text: string): string | null => {
  const hit = CANARY.exec(text);
  return hit ? `${name}: …${text.slice(Math.max(0, hit.index - 80), hit.index + 40)}…` : null;
};

describe('sensitive values from var files are printed', () => {
  it('the action: annotations, log, summary, outputs, SARIF and evidence hold no sensitive value, from any source', () => {
    const ws = workspace(files);
    const r = runAction(ws, { paths: 'infra\nimage', 'var-files': 'env/prod.tfvars\nenv/image.pkrvars.hcl', 'fail-on': 'high' });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    // The rules did fire on those values (every finding is in the SARIF file): they are just not repeated.
    const sarif = JSON.parse(readFileSync(path.join(ws, 'controlgate.sarif'), 'utf8'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; message: { text: string } }>;
    const imds = results.filter((x) => x.ruleId === 'VMH-AWS-001');
    expect(imds).toHaveLength(8); // a, b, c, d, e, f and the module's m1, m2
    for (const x of [...imds, ...results.filter((y) => y.ruleId === 'VMH-PKR-001' || y.ruleId === 'VMH-PKR-002')]) expect(x.message.text).toContain('[REDACTED]');
    expect(results.filter((y) => y.ruleId === 'VMH-PKR-001' || y.ruleId === 'VMH-PKR-002')).toHaveLength(2);
    const log = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    const outputs = allFiles(ws).filter((f) => !/[\\/](infra|image|env)[\\/]/.test(f) && !f.includes(`${path.sep}.git${path.sep}`));
    expect(outputs.map((f) => path.basename(f)).sort()).toEqual(['controlgate-evidence.json', 'controlgate-evidence.md', 'controlgate-evidence.oscal.json', 'controlgate.sarif']);
    const leaks = [leak('log', log + r.stderr), leak('summary', r.summary), leak('outputs', JSON.stringify(r.outputs)), ...outputs.map((f) => leak(f, readFileSync(f, 'utf8')))].filter(Boolean);
    expect(leaks).toEqual([]);
  });

  it('the CLI: text and JSON hold none either', () => {
    const ws = workspace(files);
    for (const format of ['text', 'json']) {
      const r = runCli(['scan', 'infra', 'image', '--var-file', 'env/prod.tfvars', '--var-file', 'env/image.pkrvars.hcl', '--format', format, '--fail-on', 'never'], ws);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('[REDACTED]');
      expect(leak(format, r.stdout + r.stderr)).toBeNull();
    }
  });
});
