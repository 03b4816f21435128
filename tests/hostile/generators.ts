// Shared material for the hostile-input tests: a deterministic sample of the corpora, mutations
// (truncations, deletions, duplications, hostile insertions, raw bytes), and the invariant every
// scan must keep: each file found is either scanned or reported with a located error.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { corpusDirs } from '../helpers/paths.js';
import type { ScanResult } from '../../src/model/types.js';

/** The largest corpus at hand: the full corpora when CONTROLGATE_CORPORA names them, else the trimmed one. */
export const corporaDir = corpusDirs[corpusDirs.length - 1]!;
export const hasCorpora = existsSync(corporaDir);
export const NO_CORPORA = `skipped: ${corporaDir} is missing; corpus mutations not run`;

const SOURCE = /\.(tf|tf\.json|tfvars|pkr\.hcl|pkr\.json|pkrvars\.hcl)$/;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name === '.git' || name === 'node_modules' || name === '.terraform') continue;
    const abs = path.join(dir, name);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(abs, out);
    else if (st.isFile() && SOURCE.test(name)) out.push(abs);
  }
}

/** Every `step`-th corpus source file in path order (deterministic), at most `max` of them. */
export function corpusSample(max = 120): Array<{ name: string; text: string }> {
  if (!hasCorpora) return [];
  const all: string[] = [];
  walk(corporaDir, all);
  const step = Math.max(1, Math.floor(all.length / max));
  return all
    .filter((_, i) => i % step === 0)
    .slice(0, max)
    .map((f) => ({ name: path.relative(corporaDir, f), text: readFileSync(f, 'utf8').slice(0, 12_000) }));
}

/** Seeds used when the corpora are absent, and mixed in when present. */
export const BUILTIN_SEEDS: Array<{ name: string; text: string }> = [
  {
    name: 'main.tf',
    text: [
      'variable "pw" {\n  type      = string\n  sensitive = true\n  default   = "s3cr3t-Default!"\n}\n',
      'locals {\n  n    = 3\n  tags = { owner = "x", "a b" = "${var.pw}" }\n}\n',
      'resource "aws_instance" "web" {\n  count = local.n\n  ami   = "ami-123"\n  user_data = <<-EOT\n    #!/bin/bash\n    echo ${var.pw} %{ if true }yes%{ endif }\n  EOT\n  metadata_options {\n    http_tokens = "optional" # controlgate:ignore VMH-AWS-001 reason="x" expires=2030-01-01\n  }\n  dynamic "ebs_block_device" {\n    for_each = toset(["a", "b"])\n    content {\n      device_name = ebs_block_device.key\n      encrypted   = false\n    }\n  }\n}\n',
      'module "m" {\n  source = "./mod"\n  x      = [for i in range(3) : i * 2 if i > 0]\n}\n',
    ].join('\n'),
  },
  {
    name: 'b.pkr.hcl',
    text: 'source "amazon-ebs" "u" {\n  ami_name = "x-${local.t}"\n  encrypt_boot = false\n}\nbuild {\n  sources = ["source.amazon-ebs.u"]\n  provisioner "shell" {\n    inline = ["curl http://x | sh"]\n  }\n}\n',
  },
  {
    name: 'c.tf.json',
    text: '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": { "bucket": "x", "acl": "public-read", "tags": { "k": "${var.v}" } }\n    }\n  },\n  "variable": { "v": { "default": [1, 2, {"a": null}] } }\n}\n',
  },
];

/** Text that has broken parsers, escapers and workflow commands before. */
export const HOSTILE_SNIPPETS = [
  '\u0000', '\ufeff', '\r\n', '\r', '\n', '\u2028', '\u001b[31m', '\u0007', '${', '%{', '}', '"', '\\', "'", '<<EOT\n', '<<-X\n', '\nEOT\n',
  '/*', '*/', '#', '//', '{'.repeat(60), '['.repeat(60), '('.repeat(60), '"${"${"${', '$${', '%%{', '::set-output name=x::y', '\n::error::pwned\n',
  '%0A::add-mask::x', '::', '%', ',', '=', '<script>alert(1)</script>', '| a | b |', '@octocat', '`', '\ud800', '\udfff', 'é', '\u0085',
  'x'.repeat(5000), 'resource "a" "b" {', 'dynamic "d" { for_each = range(100000) content {} }', 'count = 1e9', '= = =', ' AKIAABCDEFGHIJKLMNOP ',
];

export type Op =
  | { k: 'truncate'; at: number }
  | { k: 'delete'; at: number; len: number }
  | { k: 'duplicate'; at: number; len: number; to: number }
  | { k: 'insert'; at: number; s: string }
  | { k: 'bytes'; at: number; b: Uint8Array };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ k: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ k: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }), to: fc.nat() }),
  fc.record({ k: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.constantFrom(...HOSTILE_SNIPPETS), fc.string({ unit: 'binary', maxLength: 40 })) }),
  fc.record({ k: fc.constant('bytes' as const), at: fc.nat(), b: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

/** Apply mutations to the bytes of `text` (so invalid UTF-8 and NULs happen too). */
export function mutate(text: string, ops: Op[]): Buffer {
  let b = Buffer.from(text, 'utf8');
  for (const op of ops) {
    const at = b.length ? op.at % (b.length + 1) : 0;
    switch (op.k) {
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + op.len)]);
        break;
      case 'duplicate': {
        const piece = b.subarray(at, at + op.len);
        const to = b.length ? op.to % (b.length + 1) : 0;
        b = Buffer.concat([b.subarray(0, to), piece, b.subarray(to)]);
        break;
      }
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(op.s, 'utf8'), b.subarray(at)]);
        break;
      case 'bytes':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(op.b), b.subarray(at)]);
        break;
    }
  }
  return b;
}

/** File names with the characters that break logs, commands and tables. */
export const hostileNameArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom('\n', '%', '::', ',', '=', '\r', '\t', '\u0007', '\u001b', ' ', '#', '|', '<', '>', '"', "'", '`', '$', '%0A', 'é', '\u2028'), fc.string({ minLength: 1, maxLength: 4, unit: 'grapheme-ascii' })), { maxLength: 6 }),
    fc.constantFrom('.tf', '.tf.json', '.tfvars', '.pkr.hcl', '.pkr.json', '.pkrvars.hcl'),
  )
  .map(([parts, ext]) => `${parts.join('').replace(/[/\\\u0000]/g, '_')}${ext}`);

/** The count check and the located-error check every scan result must pass. */
export function expectAccounted(r: ScanResult): void {
  // Every file found is scanned or has an error; a scanned file may have errors too (a configuration
  // OpenTofu refuses, a resource a policy fails on), which are errors of the run, not unscanned files.
  const scanned = new Set(r.filesScanned);
  expect(r.filesScanned.length + new Set(r.errors.map((e) => e.path).filter((p) => !scanned.has(p))).size).toBe(r.filesFound);
  for (const e of r.errors) {
    expect(Number.isInteger(e.range.startLine) && e.range.startLine >= 1, `${e.path}: ${e.message}`).toBe(true);
    expect(e.range.endLine).toBeGreaterThanOrEqual(e.range.startLine);
    expect(e.message.length).toBeGreaterThan(0);
  }
  for (const f of r.findings) expect(f.range.startLine).toBeGreaterThanOrEqual(1);
}
