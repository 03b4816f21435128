// Numbers a float64 cannot hold reach the policies exactly (issue #13): the policy input carries
// them as JSON.rawJSON (src/util/exact-number.ts), `controlgate input` prints their digits, and
// opa-wasm, which parses its input from that JSON text, compares them exactly.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { inputCommand } from '../../src/cli/input.js';
import { resolveInput } from '../../src/engine/scan.js';
import { tarMember } from '../../src/policy/compile.js';
import { valueText } from '../../src/controls/map.js';
import { redaction } from '../../src/util/redaction.js';
import { exactNumber, isExactNumber } from '../../src/util/exact-number.js';
import { repoRoot } from '../helpers/paths.js';
import { tempWorkspace } from '../helpers/workspace.js';

const main = `
variable "big" {
  type    = number
  default = "123456789012345678901234567890"
}
resource "terraform_data" "v" {
  input = {
    literal  = 12345678901234567890
    sum      = 12345678901234567890 + 1
    third    = 1 / 3
    typed    = var.big
    small    = 0.5
    safe     = 9007199254740991
    unknown  = terraform_data.other.id
  }
}
resource "terraform_data" "other" {
  input = "x"
}
`;

async function inputOf(ws: string): Promise<Record<string, unknown>> {
  const r = await resolveInput({ root: ws, paths: ['.'] });
  return r.normalized.input.terraform.resources.find((x) => x.address === 'terraform_data.v')!.config.input as Record<string, unknown>;
}

describe('exact numbers in the policy input', () => {
  it('holds every digit OpenTofu computes, as JSON numbers; float64-exact numbers stay plain numbers', async () => {
    const input = await inputOf(tempWorkspace({ 'main.tf': main }));
    const json = JSON.stringify(input);
    expect(json).toContain('"literal":12345678901234567890');
    expect(json).toContain('"sum":12345678901234567891');
    expect(json).toContain('"typed":123456789012345678901234567890');
    expect(json).toMatch(/"third":0\.3{150,}5/);
    expect(input.small).toBe(0.5);
    expect(input.safe).toBe(9007199254740991);
    expect(isExactNumber(input.literal)).toBe(true);
    expect(input.unknown).toEqual({ __unknown__: 'terraform_data.other.id' });
  });

  it('`controlgate input` prints the digits and the unknowns', async () => {
    const ws = tempWorkspace({ 'main.tf': main });
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString('utf8')));
    const cwd = process.cwd();
    process.chdir(ws);
    try {
      expect(await inputCommand(['.'], out, err)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(text).toContain('"literal": 12345678901234567890,');
    expect(text).toContain('"typed": 123456789012345678901234567890,');
    expect(text).toContain('"unknown": {\n');
    expect(text).toContain('"__unknown__": "terraform_data.other.id"');
  });

  it('is shown with its digits in finding messages, and redacted like any number', () => {
    expect(valueText(exactNumber('12345678901234567890'))).toBe('12345678901234567890');
    expect(valueText([exactNumber('1e600')])).toBe('[1e600]');
    const r = redaction([], ['12345678901234567890']);
    expect(r.value({ a: exactNumber('12345678901234567890'), b: exactNumber('2') })).toEqual({ a: '[REDACTED]', b: exactNumber('2') });
  });

  const opa = [path.join(repoRoot, '.cache', 'bin', 'opa'), `/root/.cache/controlgate/tools/opa-v${readFileSync(path.join(repoRoot, '.opa-version'), 'utf8').trim().replace(/^v/, '')}/opa`].find((p) => existsSync(p));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'controlgate-exact-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it.skipIf(!opa)('reaches opa-wasm exactly: comparisons at any size and precision', async () => {
    writeFileSync(
      path.join(scratch, 'p.rego'),
      `package t
import rego.v1
eq_big if input.literal == 12345678901234567890
gt_big if input.sum > 12345678901234567890
eq_typed if input.typed == 123456789012345678901234567890
third_not_double if input.third != 0.3333333333333333
third_between if { input.third > 0.333333333333333333333; input.third < 0.333333333333333333334 }
small if input.small == 0.5
`,
    );
    execFileSync(opa!, ['build', '-t', 'wasm', '-e', 't', 'p.rego', '-o', 'b.tar.gz'], { cwd: scratch, stdio: 'pipe' });
    const policy = await loadPolicy(tarMember(readFileSync(path.join(scratch, 'b.tar.gz')), 'policy.wasm'));
    const input = await inputOf(tempWorkspace({ 'main.tf': main }));
    const result = (policy.evaluate(input) as Array<{ result: Record<string, unknown> }>)[0]!.result;
    expect(result).toMatchObject({ eq_big: true, gt_big: true, eq_typed: true, third_not_double: true, third_between: true, small: true });
  });
});
