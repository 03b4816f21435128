// `controlgate policy build <dir> [--out <dir>] [--opa <path>]` and `controlgate policy test <dir>`:
// users' own Rego rules, written to the same METADATA contract as the built-in ones against the
// documented input, compiled with the OPA CLI into a bundle (policy.wasm + catalog.json) that the
// action and `scan --policy-bundle` load beside the built-in one, so runners need no OPA.
import { childProcess } from '../util/builtins.js';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { OutputWriteError, writeOutputFile } from '../util/output-write.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, UsageError } from '../errors.js';
import { defaultAssetsDir } from '../engine/bundles.js';
import { catalogJson, compileWasm, extractRules, joinControls, PolicyBuildError, writeCapabilities, type ControlList } from '../policy/compile.js';
import type { Catalog } from '../model/types.js';

/** The OPA CLI: --opa, $CONTROLGATE_OPA, the repository's pinned install, or `opa` on PATH. */
export function findOpa(given: string | undefined, assetsDir: string): string {
  const candidates = [given, process.env.CONTROLGATE_OPA, path.resolve(assetsDir, '..', '.cache', 'bin', 'opa')].filter((c): c is string => !!c);
  for (const c of candidates) if (existsSync(c)) return c;
  const onPath = childProcess().spawnSync('opa', ['version'], { stdio: 'ignore' });
  if (onPath.status === 0) return 'opa';
  throw new UsageError(
    'policy build and policy test need the OPA CLI: install it with `go install github.com/open-policy-agent/opa@<version>` (the version in dist/catalog.json opaVersion), or pass --opa <path>',
  );
}

export function builtInCatalog(assetsDir: string): Catalog {
  return JSON.parse(readFileSync(path.join(assetsDir, 'catalog.json'), 'utf8')) as Catalog;
}

export function policyCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const [sub, ...rest] = argv;
  if (sub !== 'build' && sub !== 'test') throw new UsageError(`unknown policy command "${sub ?? ''}" (expected: policy build <dir> | policy test <dir>)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: { out: { type: 'string' }, opa: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new UsageError(`policy ${sub} takes exactly one folder of Rego files`);
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  const assets = defaultAssetsDir();
  const opa = findOpa(values.opa, assets);
  const library = path.join(assets, 'rego');
  if (!existsSync(path.join(library, 'main.rego'))) throw new UsageError(`the Rego library is missing from ${library}: reinstall Controlgate`);

  if (sub === 'test') {
    // The user's rules and tests, with our library (including the test-input builders).
    const r = childProcess().spawnSync(opa, ['test', '--ignore', '*.json', '--ignore', '*.yaml', '--ignore', '*.md', dir, library], { encoding: 'utf8' });
    out.write(r.stdout ?? '');
    err.write(r.stderr ?? '');
    return r.status === 0 ? EXIT.ok : EXIT.findings;
  }

  const builtIn = builtInCatalog(assets);
  const tmp = mkdtempSync(path.join(tmpdir(), 'controlgate-policy-'));
  try {
    const caps = writeCapabilities(path.join(assets, 'capabilities.json'), path.join(tmp, 'capabilities.json'));
    const problems: string[] = [];
    const rules = extractRules(opa, [dir], process.cwd(), problems);
    if (!rules.length && !problems.length) problems.push(`${dir}: no rule found (a rule is a package under controlgate.rules with METADATA; see policies/README.md)`);
    for (const r of rules) {
      if (builtIn.rules.some((b) => b.id === r.id)) problems.push(`${r.source}: id ${r.id} is a built-in rule; choose another id`);
    }
    if (problems.length) throw new PolicyBuildError('the rules cannot be built', problems);
    // Compile the user's rules with our entry point and helpers; only their rules end in the catalog.
    // Relative paths: OPA records the files' paths in the wasm, and the bundle should not depend on
    // where the repository happens to be checked out.
    const rel = (p: string): string => path.relative(process.cwd(), path.resolve(p)) || '.';
    const wasm = compileWasm(opa, [rel(dir), rel(library)], caps, process.cwd());
    const listed = Object.fromEntries(
      (['iso27017', 'iso27002', 'soc2'] as const).map((fw) => [fw, Object.fromEntries(Object.entries(builtIn.controls[fw]).map(([id, c]) => [id, { title: c.title }]))]),
    ) as ControlList;
    const controls = joinControls(rules, listed, false, problems);
    const outDir = values.out ?? path.join(dir, 'bundle');
    // Never through a link planted at the bundle's file names (src/util/output-write.ts).
    writeOutputFile(path.join(outDir, 'policy.wasm'), wasm, process.cwd());
    writeOutputFile(path.join(outDir, 'catalog.json'), catalogJson(opaVersionOf(opa), rules, controls), process.cwd());
    out.write(`built ${outDir}: policy.wasm, catalog.json (${rules.length} rule(s): ${rules.map((r) => r.id).join(', ')})\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof PolicyBuildError) {
      err.write(`controlgate: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof OutputWriteError) {
      err.write(`controlgate: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function opaVersionOf(opa: string): string {
  const v = childProcess().spawnSync(opa, ['version'], { encoding: 'utf8' }).stdout ?? '';
  const m = /Version:\s*(\S+)/.exec(v);
  return m ? (m[1]!.startsWith('v') ? m[1]! : `v${m[1]}`) : 'unknown';
}
