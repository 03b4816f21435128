// Files the Terraform file functions may read (src/normalize/file-env.ts): the workspace only, by
// real path, regular UTF-8 files under the size limit, relative names from the root module folder.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FunctionFiles, MAX_FUNCTION_FILE_BYTES } from '../../src/normalize/file-env.js';

function tree(files: Record<string, string | Buffer>): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'cg-fenv-')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

describe('file functions see the workspace only', () => {
  it('reads relative to the root module folder and absolute paths inside the workspace', () => {
    const ws = tree({ 'live/cfg.json': '{"a":1}', 'modules/m/t.tftpl': 'hi ${x}' });
    const env = new FunctionFiles(ws).env(`${ws}/modules/m`, `${ws}/live`);
    expect(env.read('cfg.json')).toBe('{"a":1}');
    expect(env.read(`${ws}/modules/m/t.tftpl`)).toBe('hi ${x}');
    expect(env.read('../modules/m/t.tftpl')).toBe('hi ${x}');
    expect(env.exists('cfg.json')).toBe(true);
    expect(env.exists('nope.json')).toBe(false);
  });

  it('refuses what leaves the workspace, links out, folders, devices, large and non-UTF-8 files', () => {
    const outside = tree({ 'secret.txt': 'top secret' });
    const ws = tree({ 'live/main.tf': '', 'live/big.txt': Buffer.alloc(MAX_FUNCTION_FILE_BYTES + 1, 97), 'live/bin.dat': Buffer.from([0xff, 0xfe, 0x00]) });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ws, 'live', 'link.txt'));
    const env = new FunctionFiles(ws).env(`${ws}/live`, `${ws}/live`);
    expect(() => env.read('../../' + path.basename(outside) + '/secret.txt')).toThrow(/outside the workspace/);
    expect(() => env.read('/etc/hostname')).toThrow(/outside the workspace|does not exist/);
    expect(() => env.read('link.txt')).toThrow(/outside the workspace/);
    expect(() => env.exists('link.txt')).toThrow(/outside the workspace/);
    expect(() => env.read('.')).toThrow(/folder/);
    expect(() => env.read('big.txt')).toThrow(/larger than/);
    expect(() => env.read('bin.dat')).toThrow(/not valid UTF-8/);
  });
});
