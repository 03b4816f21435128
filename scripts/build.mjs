#!/usr/bin/env node
// Build everything dist/ holds, from source, deterministically:
//   dist/policy.wasm    policies/ compiled by the pinned OPA CLI (opa build -t wasm)
//   dist/catalog.json   every rule's METADATA, validated, extracted with `opa inspect -a`
//   dist/index.js       the GitHub Action (esbuild bundle)
//   dist/cli.js         the CLI's entry, which loads dist/controlgate.js, the CLI (esbuild bundles)
//   dist/parse-worker.js the worker thread that parses files under a time limit (esbuild bundle)
//   dist/chunk-worker.js the worker thread that shares a mid-sized scan's chunks (esbuild bundle)
//   dist/main.wasm.gz   hcl2json's parser, which no bundler copies
//   dist/vendor/*.cjs   packages the bundles load on first use (see LAZY)
// Usage: node scripts/build.mjs [--out <dir>]   (the check-dist test builds into a temp folder)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
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

// esbuild: ESM bundles need require/__dirname for the CommonJS packages inside them (and require
// for dist/vendor/).
const banner = [
  "import { createRequire as __cgCreateRequire } from 'node:module';",
  "import { fileURLToPath as __cgFileURLToPath } from 'node:url';",
  "import { dirname as __cgDirname } from 'node:path';",
  'const require = __cgCreateRequire(import.meta.url);',
  'const __filename = __cgFileURLToPath(import.meta.url);',
  'const __dirname = __cgDirname(__filename);',
].join('\n');

// Packages a scan needs late or not at all (configuration schemas, YAML, Terraform's regex and
// yamldecode functions, the reference HCL parser, the wasm SDK's YAML builtins), each bundled on its
// own as dist/vendor/<name>.cjs and required on first use: the entry bundles hold a stub whose
// getters load it. V8 parses every byte of a bundle at start (some 25 ms per MB here) and these
// packages also run their module bodies; a 20-file scan uses none of them (issue #20).
// The vendor files are CommonJS: hcl2json finds main.wasm.gz one folder above its own file, dist/.
const LAZY = ['ajv', 'js-yaml', 're2js', 'yaml', '@cdktf/hcl2json'];
const vendorFile = (pkg) => `vendor/${pkg.replace(/^@[^/]+\//, '')}.cjs`;
const requireHere = createRequire(import.meta.url);

async function buildVendor(common) {
  const names = {};
  for (const pkg of LAZY) {
    const outfile = path.join(out, vendorFile(pkg));
    await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: root, loader: 'js', sourcefile: `${pkg}-vendor.js` },
      outfile,
      bundle: true,
      platform: 'node',
      mainFields: common.mainFields,
      format: 'cjs',
      target: common.target,
      external: common.external,
      legalComments: 'none',
      logLevel: 'warning',
    });
    // The names the stub forwards: what require() of the vendor file gives, read once here.
    const mod = requireHere(outfile);
    names[pkg] = [...(mod.__esModule ? ['__esModule'] : []), ...Object.keys(mod).filter((k) => k !== '__esModule')];
  }
  return names;
}

const lazyVendor = (names) => ({
  name: 'lazy-vendor',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-vendor' }));
    b.onResolve({ filter: /^\.\/vendor\/[^/]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, (args) => {
      const file = `./${vendorFile(args.path)}`;
      const props = names[args.path]
        .map((k) => (k === '__esModule' ? `  __esModule: { value: true },` : `  ${JSON.stringify(k)}: { get: () => load()[${JSON.stringify(k)}], enumerable: true },`))
        .join('\n');
      return {
        contents: `let m;\nconst load = () => (m ??= require(${JSON.stringify(file)}));\nmodule.exports = Object.defineProperties({}, {\n${props}\n});\n`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
});

async function bundle() {
  const common = {
    bundle: true,
    platform: 'node',
    mainFields: ['module', 'main'], // jsonc-parser's UMD main cannot be bundled; its ESM build can
    format: 'esm',
    target: 'node22',
    banner: { js: banner },
    external: ['performance'], // only required on runtimes without globalThis.performance (not Node 22+)
    legalComments: 'none',
    logLevel: 'warning',
    minify: false,
    sourcemap: false,
  };
  rmSync(path.join(out, 'vendor'), { recursive: true, force: true });
  // Before buildVendor: requiring hcl2json (to read its names) starts loading its parser.
  copyFileSync(path.join(root, 'node_modules/@cdktf/hcl2json/main.wasm.gz'), path.join(out, 'main.wasm.gz'));
  common.plugins = [lazyVendor(await buildVendor(common))];
  await build({ ...common, entryPoints: [path.join(root, 'src/action/index.ts')], outfile: path.join(out, 'index.js') });
  // The CLI: its entry (src/cli/launch.ts, the package's bin) decides where a command runs before it
  // loads the CLI bundle (src/cli/main.ts), which it imports at run time from beside itself.
  await build({ ...common, entryPoints: [path.join(root, 'src/cli/main.ts')], outfile: path.join(out, 'controlgate.js') });
  await build({
    ...common,
    entryPoints: [path.join(root, 'src/cli/launch.ts')],
    outfile: path.join(out, 'cli.js'),
    banner: { js: `#!/usr/bin/env node\n${banner}` },
  });
  // The parse worker (src/parse/worker-client.ts loads it from beside index.js and cli.js).
  await build({ ...common, entryPoints: [path.join(root, 'src/parse/worker.ts')], outfile: path.join(out, 'parse-worker.js') });
  // The chunk worker (src/engine/chunk-pool.ts loads it from beside controlgate.js and index.js).
  await build({ ...common, entryPoints: [path.join(root, 'src/engine/chunk-worker.ts')], outfile: path.join(out, 'chunk-worker.js') });
  // The builtins the wasm runtime implements: `controlgate policy build` compiles users' rules against them.
  copyFileSync(path.join(root, 'node_modules/@open-policy-agent/opa-wasm/capabilities.json'), path.join(out, 'capabilities.json'));
}

const n = await buildPolicies();
copyRegoLibrary();
await bundle();
console.log(`built ${path.relative(root, out) || out}: policy.wasm, catalog.json (${n} rules), index.js, cli.js, controlgate.js, parse-worker.js, chunk-worker.js`);
