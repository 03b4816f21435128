// Deterministic hostile cases, each through a whole scan(): a 50 MB file, 10,000-deep nesting, very
// long lines, BOM and line endings, text that is not UTF-8, unreadable files, link loops and links
// out of the workspace, odd file names, and a file made to hang the HCL parser. Every file found
// ends scanned or reported with a line; a bad file never costs the others.
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/engine/scan.js';
import { closeParseWorker } from '../../src/parse/worker-client.js';
import { MAX_NESTING } from '../../src/parse/nesting.js';
import { expectAccounted } from './generators.js';

afterAll(() => closeParseWorker());

const OK_TF = 'resource "aws_instance" "w" {\n  ami = "x"\n  metadata_options {\n    http_tokens = "optional"\n  }\n}\n';
/** OK_TF under its own resource name: files of one folder are one module, where a name declared twice is refused. */
const okTf = (i: number): string => OK_TF.replace('"w"', `"w${i}"`);

function workspace(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'cg-hostile-det-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

const errorOf = (r: Awaited<ReturnType<typeof scan>>, file: string) => r.errors.find((e) => e.path === file);

describe('hostile files, deterministic', () => {
  it('a 50 MB file is reported as over the size cap without being read; the other file is scanned', async () => {
    const root = workspace({ 'ok.tf': OK_TF });
    const fd = openSync(path.join(root, 'huge.tf'), 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB of NULs, no disk written
    closeSync(fd);
    const r = await scan({ root, paths: ['.'] });
    expectAccounted(r);
    expect(errorOf(r, 'huge.tf')?.message).toMatch(/^file is 52428800 bytes, over the 4194304-byte limit; not parsed$/);
    // Never read (the size comes from stat): a file that is read is always hashed.
    expect(errorOf(r, 'huge.tf')?.sha256).toBeUndefined();
    expect(r.filesScanned).toEqual(['ok.tf']);
  });

  it('10,000-deep nesting (blocks, lists, objects, parentheses, templates, JSON) is reported with a line, and later files still parse', async () => {
    const N = 10_000;
    const root = workspace({
      'a_blocks.tf': `resource "a" "b" {\n${'x {\n'.repeat(N)}${'}\n'.repeat(N)}}\n`,
      'b_lists.tf': `locals {\n  v = ${'['.repeat(N)}${']'.repeat(N)}\n}\n`,
      'c_objects.tf': `locals {\n  v = ${'{a = '.repeat(N)}1${'}'.repeat(N)}\n}\n`,
      'd_parens.tf': `locals {\n  v = ${'('.repeat(N)}1${')'.repeat(N)}\n}\n`,
      'e_templates.tf': `locals {\n  v = "${'${"'.repeat(N)}${'"}'.repeat(N)}"\n}\n`,
      'f_arrays.tf.json': `{"locals": {"v": ${'[\n'.repeat(N)}${']'.repeat(N)}}}`,
      'g_objects.tf.json': `{"locals": {"v": ${'{"a":\n'.repeat(N)}1${'}'.repeat(N)}}}`,
      'h_blocks_at_limit.tf': `resource "a" "b" {\n${'x {\n'.repeat(40)}${'}\n'.repeat(40)}}\n`,
      'z_ok.tf': OK_TF,
    });
    const r = await scan({ root, paths: ['.'] });
    expectAccounted(r);
    for (const f of ['a_blocks.tf', 'b_lists.tf', 'c_objects.tf', 'd_parens.tf', 'e_templates.tf', 'f_arrays.tf.json', 'g_objects.tf.json']) {
      const e = errorOf(r, f);
      expect(e?.message, f).toMatch(/nested more than \d+ levels deep|HCL parser failed .*nesting too deep|syntax error/);
      expect(e!.range.startLine, f).toBeGreaterThan(1);
    }
    expect(errorOf(r, 'f_arrays.tf.json')?.message).toBe(`nested more than ${MAX_NESTING} levels deep; not parsed`);
    expect(errorOf(r, 'f_arrays.tf.json')?.range.startLine).toBe(MAX_NESTING - 1);
    expect(r.filesScanned).toEqual(['h_blocks_at_limit.tf', 'z_ok.tf']);
    expect(r.findings.some((f) => f.file === 'z_ok.tf' && f.ruleId === 'VMH-AWS-001' && f.range.startLine === 4)).toBe(true);
  }, 120_000);

  it('very long lines, BOM, CRLF, CR-only and mixed endings, and text that is not UTF-8', async () => {
    const root = workspace({
      'long.tf': `locals {\n  v = "${'a'.repeat(2_000_000)}"\n}\n${okTf(1)}`,
      'bom_crlf.tf': `\ufeff${okTf(2).replace(/\n/g, '\r\n')}`,
      'mixed.tf': okTf(3).split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join(''),
      'cr_only.tf': okTf(4).replace(/\n/g, '\r'),
      'latin1.tf': Buffer.from('locals {\n  v = "caf\xe9"\n}\n', 'latin1'),
      'nul.tf': Buffer.from('locals {\n  v = 1\n}\n\u0000\u0001\u0002'),
      'lone_surrogate.tf': Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x0a]),
    });
    const r = await scan({ root, paths: ['.'] });
    expectAccounted(r);
    expect(errorOf(r, 'latin1.tf')?.message).toMatch(/not valid UTF-8/);
    expect(errorOf(r, 'lone_surrogate.tf')?.message).toMatch(/not valid UTF-8/);
    expect(errorOf(r, 'nul.tf')).toMatchObject({ message: expect.stringMatching(/binary content/), range: { startLine: 4 } });
    for (const f of ['long.tf', 'bom_crlf.tf', 'mixed.tf']) {
      expect(r.filesScanned, f).toContain(f);
      const imds = r.findings.find((x) => x.file === f && x.ruleId === 'VMH-AWS-001');
      expect(imds?.range.startLine, f).toBe(f === 'long.tf' ? 7 : 4);
    }
    // HCL does not treat a lone CR as a line break: the file is one long line, scanned or reported.
    expect(r.filesScanned.includes('cr_only.tf') || !!errorOf(r, 'cr_only.tf')).toBe(true);
  }, 60_000);

  it('unreadable files are reported (as root, where chmod 000 does not stop reads, they are scanned)', async () => {
    const root = workspace({ 'locked.tf': OK_TF, 'ok.tf': OK_TF });
    chmodSync(path.join(root, 'locked.tf'), 0o000);
    mkdirSync(path.join(root, 'locked_dir'));
    writeFileSync(path.join(root, 'locked_dir', 'in.tf'), OK_TF);
    chmodSync(path.join(root, 'locked_dir'), 0o000);
    try {
      const r = await scan({ root, paths: ['.'] });
      expectAccounted(r);
      const isRoot = process.getuid?.() === 0;
      if (isRoot) {
        expect(r.filesScanned).toEqual(['locked.tf', 'locked_dir/in.tf', 'ok.tf']);
      } else {
        expect(errorOf(r, 'locked.tf')?.message).toMatch(/cannot read file: EACCES/);
        expect(r.skipped).toContainEqual({ path: 'locked_dir', reason: 'cannot list folder: EACCES' });
      }
    } finally {
      chmodSync(path.join(root, 'locked.tf'), 0o644);
      chmodSync(path.join(root, 'locked_dir'), 0o755);
    }
  });

  it('symbolic-link loops and links out of the workspace are reported and never followed', async () => {
    const outside = workspace({ 'secret.tf': 'locals {\n  k = "OUTSIDE-CANARY-1234"\n}\n', 'dir/x.tf': 'locals {\n  k = "OUTSIDE-CANARY-5678"\n}\n' });
    const root = workspace({ 'ok.tf': OK_TF, 'sub/a.tf': OK_TF });
    symlinkSync(path.join(outside, 'secret.tf'), path.join(root, 'link_out.tf'));
    symlinkSync(path.join(outside, 'dir'), path.join(root, 'dir_out'));
    symlinkSync('..', path.join(root, 'sub', 'loop'));
    symlinkSync('self.tf', path.join(root, 'self.tf'));
    symlinkSync('b', path.join(root, 'a_cycle'));
    symlinkSync('a_cycle', path.join(root, 'b'));
    const r = await scan({ root, paths: ['.'] });
    expectAccounted(r);
    expect(r.filesScanned).toEqual(['ok.tf', 'sub/a.tf']);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: 'link_out.tf', reason: 'symbolic link points outside the workspace' },
        { path: 'dir_out', reason: 'symbolic link points outside the workspace' },
        { path: 'sub/loop', reason: 'symbolic link loop or folder already scanned' },
        { path: 'self.tf', reason: 'broken symbolic link' },
      ]),
    );
    expect(JSON.stringify(r)).not.toMatch(/OUTSIDE-CANARY/);
  });

  it('file names with newlines, %, ::, commas, = and control characters are scanned under their own names', async () => {
    const names = ['new\nline.tf', 'pct%0A::add-mask::x.tf', 'a::error::b.tf', 'c,d=e.tf', 'bell\u0007esc\u001b[31m.tf', ' lead space.tf', 'é ü.tf'];
    const root = workspace(Object.fromEntries(names.map((n, i) => [n, okTf(i)])));
    const r = await scan({ root, paths: ['.'] });
    expectAccounted(r);
    expect([...r.filesScanned].sort()).toEqual([...names].sort());
    for (const n of names) expect(r.findings.some((f) => f.file === n && f.ruleId === 'VMH-AWS-001')).toBe(true);
  });

  it('a file made to hang the reference HCL parser is stopped at the parse timeout and reported; the run goes on', async () => {
    // hcl2json is super-linear on long heredocs full of templates: this one takes over 30 s. The
    // fast parser reads it in milliseconds; CONTROLGATE_PARSER=hcl2json selects the reference one,
    // which runs in the worker thread that is stopped at the time limit. The limit counts parsing
    // only (a worker's start-up is not charged to the file), so a loaded machine cannot make the
    // small file time out too; nothing here measures wall-clock time.
    const slow = `locals {\n  v = <<EOT\n${'line ${x}\n'.repeat(100_000)}EOT\n}\n`;
    const root = workspace({ 'a_slow.tf': slow, 'b_ok.tf': OK_TF });
    process.env.CONTROLGATE_PARSER = 'hcl2json';
    const r = await scan({ root, paths: ['.'], parseTimeoutMs: 2_000 }).finally(() => delete process.env.CONTROLGATE_PARSER);
    expectAccounted(r);
    expect(errorOf(r, 'a_slow.tf')?.message).toBe('parsing took longer than 2 s (the parse-timeout); not parsed');
    expect(r.filesScanned).toEqual(['b_ok.tf']);
  }, 180_000);

  it('the fast parser stops at its deadline too, and reports the file', async () => {
    const big = `locals {\n${Array.from({ length: 60_000 }, (_, i) => `  k${i} = [${i}, "v${i}", { n = ${i} }]`).join('\n')}\n}\n`;
    const root = workspace({ 'a_big.tf': big, 'b_ok.tf': OK_TF });
    const r = await scan({ root, paths: ['.'], parseTimeoutMs: 1 });
    expectAccounted(r);
    expect(errorOf(r, 'a_big.tf')?.message).toBe('parsing took longer than 0.001 s (the parse-timeout); not parsed');
    expect(r.filesScanned).toEqual(['b_ok.tf']);
  }, 60_000);
});
