// Literals the parse layer folds (src/normalize/folded.ts): a null inside a template, a number
// inside a template printed as a float64, number literals a float64 rounds. The source text still
// holds them: the value is the literal read exactly, or unknown (with the reason OpenTofu refuses
// it), never the folded value.
import { describe, expect, it } from 'vitest';
import { resolveInput } from '../../src/engine/scan.js';
import type { Value } from '../../src/model/input.js';
import { tempWorkspace } from '../helpers/workspace.js';

async function inputs(main: string, extra: Record<string, string> = {}): Promise<Record<string, Value>> {
  const ws = tempWorkspace({ 'main.tf': main, ...extra });
  const r = await resolveInput({ root: ws, paths: ['.'] });
  return Object.fromEntries(r.normalized.input.terraform.resources.map((x) => [x.name, x.config.input ?? null]));
}

const unknownText = (v: Value): string => (typeof v === 'object' && v !== null && '__unknown__' in v ? String(v.__unknown__) : `not unknown: ${JSON.stringify(v)}`);

describe('literals the parser folded', () => {
  it('refuses a null interpolated into a template, wherever the template is', async () => {
    const v = await inputs(`
resource "terraform_data" "plain" { input = "x\${null}" }
resource "terraform_data" "in_list" { input = ["ok", "x\${null}"] }
resource "terraform_data" "directive" { input = "x%{ if true }\${null}%{ endif }" }
resource "terraform_data" "heredoc" {
  input = <<EOT
a\${null}
EOT
}
resource "terraform_data" "in_call" { input = upper("x\${null}") }
resource "terraform_data" "passthrough" { input = ["\${null}", "a"] }
resource "terraform_data" "escaped" { input = "x$\${null}" }
resource "terraform_data" "skipped" { input = "x%{ if false }\${null}%{ endif }" }
resource "terraform_data" "ambiguous" { input = "null-\${null}" }
`);
    for (const name of ['plain', 'in_list', 'directive', 'heredoc', 'in_call']) {
      expect(unknownText(v[name]!), name).toMatch(/\(error: the expression result is null: a template cannot include a null value\)$/);
    }
    expect(unknownText(v.plain!)).toBe('x${null} (error: the expression result is null: a template cannot include a null value)');
    expect(v.passthrough).toEqual([null, 'a']);
    expect(v.escaped).toBe('x${null}');
    expect(v.skipped).toBe('x');
    // "null" written as text beside a folded ${null}: which is which is not known, so the value is not guessed.
    expect(unknownText(v.ambiguous!)).toMatch(/error: the expression result is null/);
    // In a local: OpenTofu refuses the whole configuration, so every value is unknown.
    const viaLocal = await inputs('locals {\n  t = "x${null}"\n}\nresource "terraform_data" "v" { input = local.t }\nresource "terraform_data" "w" { input = "fine" }\n');
    expect(unknownText(viaLocal.v!)).toMatch(/error: /);
    expect(unknownText(viaLocal.w!)).toMatch(/OpenTofu refuses this configuration: local\.t: /);
  });

  it('reads number literals exactly, top-level and inside tuples and objects', async () => {
    const v = await inputs(`
resource "terraform_data" "big" { input = 12345678901234567890 }
resource "terraform_data" "neg" {
  input = -12345678901234567890 # a comment
}
resource "terraform_data" "huge" { input = 1e400 }
resource "terraform_data" "exp" { input = 1e21 }
resource "terraform_data" "nested" {
  input = {
    a = 12345678901234567890
    b = [1, 9007199254740993]
    c = 1e-400
  }
}
resource "terraform_data" "same_float_twice" { input = [12345678901234567890, 12345678901234567891] }
resource "terraform_data" "tiny_with_zero" { input = [0, 1e-400] }
`);
    expect(JSON.stringify(v.big)).toBe('12345678901234567890');
    expect(JSON.stringify(v.neg)).toBe('-12345678901234567890');
    expect(JSON.stringify(v.huge)).toBe('1e400');
    expect(v.exp).toBe(1e21); // a float64 holds it exactly
    expect(JSON.stringify(v.nested)).toBe('{"a":12345678901234567890,"b":[1,9007199254740993],"c":1e-400}');
    // Two literals with one float64, and a literal that became 0 beside a real 0: the parser recorded each leaf's literal.
    expect(JSON.stringify(v.same_float_twice)).toBe('[12345678901234567890,12345678901234567891]');
    expect(JSON.stringify(v.tiny_with_zero)).toBe('[0,1e-400]');
  });

  it('prints a number folded into a template as OpenTofu does, not as the parser printed it', async () => {
    const v = await inputs(`
resource "terraform_data" "big" { input = "x\${12345678901234567890}" }
resource "terraform_data" "exp" { input = "x\${1e21}-\${1e-7}" }
resource "terraform_data" "fine" { input = "x\${1.5}" }
resource "terraform_data" "ambiguous" { input = "12345678901234567000 \${12345678901234567890}" }
`);
    expect(v.big).toBe('x12345678901234567890');
    expect(v.exp).toBe('x1000000000000000000000-0.0000001');
    expect(v.fine).toBe('x1.5');
    // Text that reads like the float64 beside the folded literal: the parser knows which is which.
    expect(v.ambiguous).toBe('12345678901234567000 12345678901234567890');
  });

  it('applies to variable files too', async () => {
    const v = await inputs(`variable "n" { type = number }\nresource "terraform_data" "v" { input = var.n }\n`, { 'terraform.tfvars': 'n = 12345678901234567890\n' });
    expect(JSON.stringify(v.v)).toBe('12345678901234567890');
  });
});
