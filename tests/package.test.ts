// Packaging (issue 18): `npm pack` gives a tarball that installs into an empty folder and runs
// `controlgate scan` there. The install is offline: npm may use only its cache. The bundled CLI needs
// none of its declared dependencies at run time, but npm installs them, so the empty project gets a
// lockfile with the repository's own resolved versions (what `npm ci` cached): no registry look-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

interface Lock {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
}
interface Pkg {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  private?: boolean;
  files: string[];
  exports: Record<string, string>;
}

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 300_000 });

describe('npm package', () => {
  it('packs, installs offline into an empty folder and scans from there', { timeout: 600_000 }, () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Pkg;
    expect(pkg).toMatchObject({ bin: { controlgate: 'dist/cli.js' }, engines: { node: '>=22' }, license: 'Apache-2.0' });
    expect(readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0/);

    const tmp = mkdtempSync(path.join(tmpdir(), 'cg-pack-'));
    const packed = npm(['pack', '--json', '--pack-destination', tmp], repoRoot);
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = info!.files.map((f) => f.path);
    // What the CLI needs at run time ships; sources, tests and the action bundle do not.
    for (const f of ['dist/cli.js', 'dist/parse-worker.js', 'dist/policy.wasm', 'dist/catalog.json', 'dist/main.wasm.gz', 'docs/rules/SEG-AWS-001.md', 'docs/schemas/baseline.schema.json', 'LICENSE', 'README.md']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|tests|fixtures|policies|scripts|node_modules)\//.test(f) || f === 'dist/index.js')).toEqual([]);

    const project = path.join(tmp, 'empty');
    mkdirSync(project);
    const tarball = `file:../${info!.filename}`;
    const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as Lock;
    const runtime = Object.fromEntries(Object.entries(lock.packages).filter(([k, v]) => k.startsWith('node_modules/') && !v.dev && !v.devOptional));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'empty', private: true, dependencies: { controlgate: tarball } }));
    writeFileSync(
      path.join(project, 'package-lock.json'),
      JSON.stringify({
        name: 'empty',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'empty', dependencies: { controlgate: tarball } },
          'node_modules/controlgate': { version: pkg.version, resolved: tarball, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
          ...runtime,
        },
      }),
    );
    const installed = npm(['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
    expect(installed.status, `offline install failed (is the npm cache filled by npm ci?):\n${installed.stderr}`).toBe(0);
    const bin = path.join(project, 'node_modules', '.bin', 'controlgate');
    expect(existsSync(bin)).toBe(true);
    expect(readdirSync(path.join(project, 'node_modules', 'controlgate'))).not.toContain('src');

    const ws = path.join(tmp, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'main.tf'), 'resource "aws_instance" "web" {\n  ami = "ami-1"\n  instance_type = "t3.micro"\n}\n');
    const run = (args: string[]) => spawnSync(bin, args, { cwd: ws, encoding: 'utf8', timeout: 120_000 });
    const scan = run(['scan', '.']);
    expect(scan.stdout).toMatch(/^main\.tf:1 +high +VMH-AWS-001 /m);
    expect(scan.status).toBe(1);
    expect(run(['--version']).stdout).toBe(`controlgate ${pkg.version}\n`);
    expect(run(['explain', 'VMH-AWS-001']).stdout).toMatch(/Failing example/);
    expect(JSON.parse(run(['scan', '--format', 'json', '--fail-on', 'never']).stdout).summary.findings).toBeGreaterThan(0);
  });
});
