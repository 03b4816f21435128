import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile, parseFileHere, isFileError } from '../../src/parse/parse.js';
import { parseDiagnostics } from '../../src/parse/hcl2json-adapter.js';
import type { DiscoveredFile, FileKind } from '../../src/model/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cg-parse-'));
function file(name: string, content: string | Buffer, kind: FileKind = 'terraform'): DiscoveredFile {
  const abs = path.join(dir, name);
  writeFileSync(abs, content);
  return { path: name, absPath: abs, kind };
}

describe('parse', () => {
  it('parses HCL into hcl2json shape with locations', async () => {
    const r = await parseFile(file('ok.tf', 'resource "aws_instance" "a" {\n  ami = "x"\n}\n'));
    if (isFileError(r)) throw new Error(r.message);
    expect(r.body).toEqual({ resource: { aws_instance: { a: [{ ami: 'x' }] } } });
    expect(r.locations.get(['resource', 'aws_instance', 'a', 0, 'ami'])?.startLine).toBe(2);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the locations, comments and expression trees from the same parse, with either parser', async () => {
    const text = 'resource "aws_instance" "a" { # controlgate:ignore X\n  ami = var.ami\n}\n';
    for (const parser of ['fast', 'hcl2json'] as const) {
      const r = await parseFileHere(file(`both-${parser}.tf`, text), { maxFileBytes: 1 << 20, parser });
      if (isFileError(r)) throw new Error(r.message);
      expect(r.body).toEqual({ resource: { aws_instance: { a: [{ ami: '${var.ami}' }] } } });
      expect(r.locations.get(['resource', 'aws_instance', 'a', 0])).toEqual({ startLine: 1, endLine: 3 });
      expect(r.locations.comments(r.text)).toEqual([{ text: ' controlgate:ignore X', line: 1, trailing: true, nextCodeLine: 2 }]);
      expect(r.expressions?.get('${var.ami}')).toMatchObject({ k: 'tmpl', parts: [{ k: 'ref', root: 'var' }] });
    }
  });

  it('loads the reference parser and its worker only when asked for (no static import on the default path)', () => {
    const src = readFileSync(path.join(__dirname, '../../src/parse/parse.ts'), 'utf8');
    const statics = [...src.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(statics).not.toContain('./hcl2json-adapter.js');
    expect(statics).not.toContain('./worker-client.js');
    expect(src).toContain("import('./hcl2json-adapter.js')");
    expect(src).toContain("import('./worker-client.js')");
  });

  it('turns a syntax error into a located error', async () => {
    const r = await parseFile(file('bad.tf', 'resource "a" "b" {\n  x = \n}\n'));
    expect(isFileError(r)).toBe(true);
    if (!isFileError(r)) return;
    expect(r.range.startLine).toBe(2);
    expect(r.message).toMatch(/^syntax error: Invalid expression/);
  });

  it('reads JSON syntax with a JSON parser and reports its errors with lines', async () => {
    const ok = await parseFile(file('a.tf.json', '{\n  "resource": {\n    "aws_instance": {\n      "w": {\n        "ami": "x"\n      }\n    }\n  }\n}\n', 'terraform-json'));
    if (isFileError(ok)) throw new Error(ok.message);
    expect(ok.locations.resolve(['resource', 'aws_instance', 'w', 0, 'ami'])).toEqual({ range: { startLine: 5, endLine: 5 }, exact: true });
    const bad = await parseFile(file('b.pkr.json', '{\n  "builders": [\n    {"type": "amazon-ebs",}\n  ]\n}\n', 'packer-json'));
    expect(isFileError(bad) && bad.range.startLine).toBe(3);
  });

  it('refuses a key repeated in one JSON object at its second line (OpenTofu reads both; one would be hidden), and keeps "__proto__" as a key', async () => {
    const twice = '{\n  "resource": {"aws_security_group": {"open": {"name": "open"}}},\n  "resource": {"aws_s3_bucket": {"b": {}}}\n}\n';
    const r = await parseFile(file('d.tf.json', twice, 'terraform-json'));
    expect(isFileError(r) && [r.range.startLine, r.message]).toEqual([3, expect.stringMatching(/Duplicate key "resource"/)]);
    const deep = await parseFile(file('e.tf.json', '{"resource": {"aws_instance": {"w": {"ami": "a",\n "ami": "b"}}}}', 'terraform-json'));
    expect(isFileError(deep) && deep.range.startLine).toBe(2);
    const proto = await parseFile(file('f.tf.json', '{"locals": {"__proto__": {"x": 1}, "y": 2}}', 'terraform-json'));
    if (isFileError(proto)) throw new Error(proto.message);
    const locals = (proto.body.locals as Array<Record<string, unknown>>)[0] ?? (proto.body.locals as Record<string, unknown>);
    expect(Object.keys(locals)).toContain('__proto__');
    expect(Object.getPrototypeOf(locals)).toBe(Object.prototype);
  });

  it('reports binary, non-UTF-8 and oversized files instead of parsing them', async () => {
    const bin = await parseFile(file('bin.tf', Buffer.from('a = 1\nb = 2\n\u0000\u0001')));
    expect(isFileError(bin) && bin.message).toMatch(/binary/);
    expect(isFileError(bin) && bin.range.startLine).toBe(3);
    const latin = await parseFile(file('latin1.tf', Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a])));
    expect(isFileError(latin) && latin.message).toMatch(/UTF-8/);
    const big = await parseFile(file('big.tf', 'a = 1\n'.repeat(100)), { maxFileBytes: 50 });
    expect(isFileError(big) && big.message).toMatch(/over the 50-byte limit/);
  });

  it('accepts a byte-order mark and CRLF line endings', async () => {
    const r = await parseFile(file('bom.tf', '\ufeffresource "a" "b" {\r\n  x = 1\r\n}\r\n'));
    if (isFileError(r)) throw new Error(r.message);
    expect(r.locations.get(['resource', 'a', 'b', 0, 'x'])?.startLine).toBe(2);
  });

  it('extracts every diagnostic from hcl2json text', () => {
    const d = parseDiagnostics('parse config: [f:1,7-2,1: Invalid multi-line string; Quoted strings may not be split. f:3,2-4: Unterminated; No closing marker.]');
    expect(d.map((x) => x.range.startLine)).toEqual([1, 3]);
    expect(d[1]).toMatchObject({ summary: 'Unterminated', detail: 'No closing marker.' });
  });
});
