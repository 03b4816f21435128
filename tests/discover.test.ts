import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, kindOf } from '../src/discover/discover.js';
import { foundFile } from '../src/discover/discovered-file.js';
import { plainFile } from '../src/model/types.js';

describe('discover', () => {
  it('classifies file names', () => {
    expect(kindOf('main.tf')).toBe('terraform');
    expect(kindOf('main.tf.json')).toBe('terraform-json');
    expect(kindOf('prod.tfvars')).toBe('terraform-vars');
    expect(kindOf('x.auto.tfvars.json')).toBe('terraform-vars');
    expect(kindOf('img.pkr.hcl')).toBe('packer');
    expect(kindOf('img.pkr.json')).toBe('packer-json');
    expect(kindOf('x.pkrvars.hcl')).toBe('packer-vars');
    expect(kindOf('README.md')).toBeUndefined();
  });

  it('walks folders, skips tool folders, reports links that leave the workspace and loops', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'cg-outside-'));
    writeFileSync(path.join(outside, 'secret.tf'), 'a = 1\n');
    const root = mkdtempSync(path.join(tmpdir(), 'cg-root-'));
    mkdirSync(path.join(root, 'infra', '.terraform', 'modules'), { recursive: true });
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'infra', 'main.tf'), 'a = 1\n');
    writeFileSync(path.join(root, 'infra', 'notes.txt'), 'x');
    writeFileSync(path.join(root, 'infra', '.terraform', 'modules', 'm.tf'), 'a = 1\n');
    writeFileSync(path.join(root, 'node_modules', 'n.tf'), 'a = 1\n');
    writeFileSync(path.join(root, 'infra', 'odd name\n%0A::.tf'), 'a = 1\n');
    symlinkSync(path.join(outside, 'secret.tf'), path.join(root, 'infra', 'escape.tf'));
    symlinkSync(outside, path.join(root, 'infra', 'outdir'));
    symlinkSync(path.join(root, 'infra'), path.join(root, 'infra', 'loop'));
    symlinkSync(path.join(root, 'infra', 'main.tf'), path.join(root, 'infra', 'alias.tf'));

    const r = await discover(root, ['.']);
    expect(r.files.map((f) => f.path)).toEqual(['infra/alias.tf', 'infra/main.tf', 'infra/odd name\n%0A::.tf']);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { path: 'infra/escape.tf', reason: 'symbolic link points outside the workspace' },
        { path: 'infra/outdir', reason: 'symbolic link points outside the workspace' },
        { path: 'infra/loop', reason: 'symbolic link loop or folder already scanned' },
      ]),
    );
    const missing = await discover(root, ['nope', '../elsewhere']);
    expect(missing.skipped.map((s) => s.reason)).toEqual(['does not exist', 'is outside the workspace']);
  });
});

describe('discovered files', () => {
  it('make their absolute path from the root when asked, the same as the path walked, and keep it through a structured clone as plain data', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'cg-abs-'));
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(root, 'a', 'b', 'main.tf'), 'a = 1\n');
    writeFileSync(path.join(root, 'top.tf'), 'a = 1\n');
    const { files } = await discover(root, []);
    expect(files.map((f) => [f.path, f.absPath])).toEqual([
      ['a/b/main.tf', path.join(root, 'a', 'b', 'main.tf')],
      ['top.tf', path.join(root, 'top.tf')],
    ]);
    // The absolute path is not one of the fields a structured clone (postMessage) copies: plainFile is.
    const f = files[0]!;
    expect(Object.keys(f)).not.toContain('absPath');
    const cloned = structuredClone(plainFile(f));
    expect(cloned).toEqual({ path: f.path, absPath: f.absPath, kind: f.kind, size: f.size, root: f.root });
  });

  it('keep the path walked as found when joining the root and the relative path would not give it back', () => {
    const f = foundFile('/ws', 'x.tf', '/elsewhere/x.tf', 'terraform', 1, '/ws');
    expect(f.absPath).toBe('/elsewhere/x.tf');
    expect(foundFile('/ws', 'x.tf', '/ws/x.tf', 'terraform', 1, '/ws').absPath).toBe('/ws/x.tf');
  });
});
