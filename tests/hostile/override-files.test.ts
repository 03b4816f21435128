// Override files (override.tf, *_override.tf) edit the blocks of their folder's primary files, and
// OpenTofu plans the merged block only. Read as more primary files they gave both a false finding
// (the base's setting an override replaces) and a bypass (an override that opens SSH to the world
// was judged as a fragment of its own, next to a base that still passed). The values they merge are
// checked against OpenTofu in tests/resolve/tofu/cases/overrides.tfcases; here, what a scan reports.
import { describe, expect, it } from 'vitest';
import { resolveInput, scan } from '../../src/engine/scan.js';
import { mergeOverrides, isOverrideFile } from '../../src/normalize/overrides.js';
import { tempWorkspace } from '../helpers/workspace.js';

const sg = (name: string, ingress: string): string => `resource "aws_security_group" "${name}" {\n  name        = "${name}"\n  description = "d"\n${ingress}}\n`;
const rule = (port: number, cidr: string): string => `  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n  }\n`;
const dynamicRule = (port: number, cidr: string): string =>
  `  dynamic "ingress" {\n    for_each = [${port}]\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["${cidr}"]\n    }\n  }\n`;

async function scanOf(files: Record<string, string>) {
  const root = tempWorkspace(files, 'cg-override-');
  return scan({ root, paths: ['.'] });
}

const open = (r: Awaited<ReturnType<typeof scanOf>>) => r.findings.filter((f) => f.ruleId === 'NET-AWS-001').map((f) => `${f.file}:${f.range.startLine} ${f.resource}`);

describe('override files', () => {
  it('names override files as OpenTofu does', () => {
    expect(['override.tf', 'a/override.tf.json', 'x_override.tf', '_override.tofu', 'b/db_override.tofu.json'].every(isOverrideFile)).toBe(true);
    expect(['overrides.tf', 'Override.tf', 'x.override.tf', 'override.tfvars', 'override_x.tf', 'override.hcl'].some(isOverrideFile)).toBe(false);
  });

  it('an override that closes the base block leaves no finding on the base', async () => {
    const r = await scanOf({ 'main.tf': sg('web', rule(22, '0.0.0.0/0')), 'override.tf': sg('web', rule(22, '10.0.0.0/8')) });
    expect(r.errors).toEqual([]);
    expect(open(r)).toEqual([]);
    expect(r.evaluations.filter((e) => e.ruleId === 'NET-AWS-001').map((e) => [e.resource, e.status])).toEqual([['aws_security_group.web', 'passed']]);
  });

  it('an override that opens SSH to the world is a finding on the line it writes, in the override file', async () => {
    const over = `resource "aws_security_group" "web" {\n${rule(22, '0.0.0.0/0')}}\n`;
    const r = await scanOf({ 'main.tf': sg('web', rule(443, '10.0.0.0/8')), 'web_override.tf': over });
    expect(r.errors).toEqual([]);
    const f = r.findings.filter((x) => x.ruleId === 'NET-AWS-001');
    expect(f.map((x) => [x.file, x.resource])).toEqual([['web_override.tf', 'aws_security_group.web']]);
    // The ingress block starts on line 2 of the override file; the resource is the merged one, once.
    expect(f[0]!.range.startLine).toBeGreaterThanOrEqual(2);
    expect(f[0]!.range.startLine).toBeLessThanOrEqual(6);
    expect(f[0]!.blockRange).toEqual({ startLine: 1, endLine: 8 });
    expect(r.evaluations.filter((e) => e.ruleId === 'NET-AWS-001').map((e) => e.resource)).toEqual(['aws_security_group.web']);
  });

  it('a dynamic block of the override replaces the literal blocks of that type, and the reverse', async () => {
    const closed = await scanOf({ 'main.tf': sg('a', rule(22, '0.0.0.0/0')), 'override.tf': `resource "aws_security_group" "a" {\n${dynamicRule(22, '10.0.0.0/8')}}\n` });
    expect(open(closed)).toEqual([]);
    const opened = await scanOf({ 'main.tf': sg('a', dynamicRule(22, '10.0.0.0/8')), 'override.tf': `resource "aws_security_group" "a" {\n${rule(3389, '0.0.0.0/0')}}\n` });
    expect(open(opened).map((x) => x.split(':')[0])).toEqual(['override.tf']);
  });

  it('the last override file in name order wins, and only the arguments it writes', async () => {
    const files = {
      'main.tf': sg('web', rule(22, '0.0.0.0/0')),
      'a_override.tf': sg('web', rule(22, '10.0.0.0/8')),
      'b_override.tf': `resource "aws_security_group" "web" {\n  description = "b"\n}\n`,
    };
    expect(open(await scanOf(files))).toEqual([]);
    const resolved = await resolveInput({ root: tempWorkspace(files, 'cg-override-'), paths: ['.'] });
    const web = resolved.normalized.input.terraform.resources.filter((x) => x.address === 'aws_security_group.web');
    expect(web.map((x) => [x.config.name, x.config.description, (x.config.ingress as Array<{ cidr_blocks: string[] }>)[0]!.cidr_blocks])).toEqual([['web', 'b', ['10.0.0.0/8']]]);
  });

  it('an override block without a base is a located error that fails the run', async () => {
    const r = await scanOf({ 'main.tf': sg('web', rule(443, '10.0.0.0/8')), 'override.tf': `\n${sg('typo', rule(22, '0.0.0.0/0'))}` });
    const e = r.errors.filter((x) => x.path === 'override.tf');
    expect(e.map((x) => [x.range?.startLine, /no aws_security_group resource named "typo" to override/.test(x.message)])).toEqual([[2, true]]);
  });

  it('merges into the primary block without changing the parsed files', () => {
    const file = (p: string, body: Record<string, unknown>) => ({ file: { path: p, absPath: `/w/${p}`, kind: 'terraform' as const }, sha256: '', body, locations: new (class {
      get() {
        return { startLine: 1, endLine: 1 };
      }
      resolve() {
        return { range: { startLine: 1, endLine: 1 }, exact: true };
      }
    })() as never, text: '' });
    const baseBody = { resource: { t: { n: [{ a: 1, b: [{ x: 1 }], lifecycle: [{ prevent_destroy: true, precondition: [{ condition: 'c' }] }] }] } } };
    const base = file('main.tf', baseBody);
    const over = file('override.tf', { resource: { t: { n: [{ b: [{ y: 2 }], lifecycle: [{ create_before_destroy: true }] }] } } });
    const m = mergeOverrides([over, base]);
    expect(m.errors).toEqual([]);
    expect(m.files.map((f) => f.file.path)).toEqual(['main.tf', 'override.tf']);
    expect(m.files[0]!.body).toEqual({ resource: { t: { n: [{ a: 1, b: [{ y: 2 }], lifecycle: [{ prevent_destroy: true, precondition: [{ condition: 'c' }], create_before_destroy: true }] }] } } });
    expect(base.body).toBe(baseBody);
    expect(baseBody.resource.t.n[0]!.b).toEqual([{ x: 1 }]);
    expect(m.files[1]!.body).toEqual({});
  });

  it('a block or label named __proto__ is a name like any other: merged when it has a base, an error when not', async () => {
    const merged = await scanOf({ 'main.tf': sg('__proto__', rule(22, '10.0.0.0/8')), 'override.tf': sg('__proto__', rule(22, '0.0.0.0/0')) });
    expect(merged.errors).toEqual([]);
    expect(open(merged)).toEqual(['override.tf:8 aws_security_group.__proto__']);
    const missing = await scanOf({ 'main.tf': sg('a', rule(22, '10.0.0.0/8')), 'override.tf': 'resource "__proto__" "x" {\n  a = 1\n}\nresource "aws_security_group" "__proto__" {\n  name = "y"\n}\n' });
    expect(missing.errors.map((e) => [e.path, e.range?.startLine, /no (__proto__|aws_security_group) resource named "(x|__proto__)"/.test(e.message)])).toEqual([
      ['override.tf', 1, true],
      ['override.tf', 4, true],
    ]);
    expect(({} as Record<string, unknown>).ingress).toBeUndefined();
  });
});
