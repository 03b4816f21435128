#!/usr/bin/env node
// Build everything dist/ holds, from source, deterministically:
//   dist/policy.wasm    policies/ compiled by the pinned OPA CLI (opa build -t wasm)
//   dist/catalog.json   every rule's METADATA, validated, extracted with `opa inspect -a`
//   dist/index.js       the GitHub Action (esbuild bundle)
//   dist/cli.js         the CLI (esbuild bundle)
//   dist/parse-worker.js the worker thread that parses files under a time limit (esbuild bundle)
//   dist/main.wasm.gz   hcl2json's parser, which no bundler copies
// Usage: node scripts/build.mjs [--out <dir>]   (the check-dist test builds into a temp folder)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { load as loadYaml } from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIdx = process.argv.indexOf('--out');
const out = path.resolve(outIdx > 0 ? process.argv[outIdx + 1] : path.join(root, 'dist'));
mkdirSync(out, { recursive: true });

const cache = process.env.CONTROLGATE_CACHE ?? path.join(root, '.cache');
execFileSync('bash', [path.join(root, 'scripts/ensure-opa.sh')], { stdio: 'inherit' });
const opa = path.join(cache, 'bin', 'opa');
const opaVersion = readFileSync(path.join(root, '.opa-version'), 'utf8').trim();

// The compile steps are shared with `controlgate policy build` (src/policy/compile.ts): bundle that
// module on the fly and use it, so the built-in and users' bundles pass the same checks.
async function compiler() {
  const file = path.join(cache, 'compile.mjs');
  await build({ entryPoints: [path.join(root, 'src/policy/compile.ts')], outfile: file, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  return import(`${pathToFileURL(file).href}?t=${Date.now()}`);
}

function fail(message, problems) {
  console.error(`${message}:\n  ${problems.join('\n  ')}`);
  process.exit(2);
}

async function buildPolicies() {
  const c = await compiler();
  const caps = c.writeCapabilities(path.join(root, 'node_modules/@open-policy-agent/opa-wasm/capabilities.json'), path.join(cache, 'capabilities.json'));
  try {
    writeFileSync(path.join(out, 'policy.wasm'), c.compileWasm(opa, ['policies'], caps, root));
    const problems = [];
    const rules = c.extractRules(opa, ['policies'], root, problems);
    if (problems.length) fail('rule METADATA is invalid', problems);
    const controls = c.joinControls(rules, loadYaml(readFileSync(path.join(root, 'policies/controls.yaml'), 'utf8')), true, problems);
    if (problems.length) fail('policies/controls.yaml and the rules disagree', problems);
    writeFileSync(path.join(out, 'catalog.json'), c.catalogJson(opaVersion, rules, controls));
    return rules.length;
  } catch (e) {
    if (e instanceof c.PolicyBuildError) fail(e.message.split(':\n')[0], e.problems);
    throw e;
  }
}

/** The Rego a user's bundle compiles against: our entry point and helper library (tests' too). */
function copyRegoLibrary() {
  const dest = path.join(out, 'rego');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(path.join(dest, 'lib'), { recursive: true });
  copyFileSync(path.join(root, 'policies/main.rego'), path.join(dest, 'main.rego'));
  for (const f of readdirSync(path.join(root, 'policies/lib')).sort()) {
    if (f.endsWith('.rego') && !f.endsWith('_test.rego')) copyFileSync(path.join(root, 'policies/lib', f), path.join(dest, 'lib', f));
  }
}

// esbuild: ESM bundles need require/__dirname for the CommonJS packages inside them. hcl2json looks
// for main.wasm.gz one folder above its own file; in the bundle it sits beside it.
const banner = [
  "import { createRequire as __cgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __cgFileURLToPath } from 'node:url';",
  "import { dirname as __cgDirname } from 'node:path';",
  'const require = __cgCreateRequire(import.meta.url);',
  'const __filename = __cgFileURLToPath(import.meta.url);',
  'const __dirname = __cgDirname(__filename);',
].join('\n');

const hclWasmPath = {
  name: 'hcl2json-wasm-path',
  setup(b) {
    b.onLoad({ filter: /@cdktf[\\/]hcl2json[\\/]lib[\\/]bridge\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const patched = src.replace('(0, path_1.join)(__dirname, "..", "main.wasm.gz")', '(0, path_1.join)(__dirname, "main.wasm.gz")');
      if (patched === src) throw new Error('hcl2json bridge.js changed: update the wasm path patch');
      return { contents: patched, loader: 'js' };
    });
  },
};

async function bundle() {
  const common = {
    bundle: true,
    platform: 'node',
    mainFields: ['module', 'main'], // jsonc-parser's UMD main cannot be bundled; its ESM build can
    format: 'esm',
    target: 'node22',
    banner: { js: banner },
    plugins: [hclWasmPath],
    external: ['performance'], // only required on runtimes without globalThis.performance (not Node 22+)
    legalComments: 'none',
    logLevel: 'warning',
    minify: false,
    sourcemap: false,
  };
  await build({ ...common, entryPoints: [path.join(root, 'src/action/index.ts')], outfile: path.join(out, 'index.js') });
  await build({
    ...common,
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: path.join(out, 'cli.js'),
    banner: { js: `#!/usr/bin/env node\n${banner}` },
  });
  // The parse worker (src/parse/worker-client.ts loads it from beside index.js and cli.js).
  await build({ ...common, entryPoints: [path.join(root, 'src/parse/worker.ts')], outfile: path.join(out, 'parse-worker.js') });
  copyFileSync(path.join(root, 'node_modules/@cdktf/hcl2json/main.wasm.gz'), path.join(out, 'main.wasm.gz'));
  // The builtins the wasm runtime implements: `controlgate policy build` compiles users' rules against them.
  copyFileSync(path.join(root, 'node_modules/@open-policy-agent/opa-wasm/capabilities.json'), path.join(out, 'capabilities.json'));
}

const n = await buildPolicies();
copyRegoLibrary();
await bundle();
console.log(`built ${path.relative(root, out) || out}: policy.wasm, catalog.json (${n} rules), index.js, cli.js, parse-worker.js`);
