#!/usr/bin/env node
// Build everything dist/ holds, from source, deterministically:
//   dist/policy.wasm    policies/ compiled by the pinned OPA CLI (opa build -t wasm)
//   dist/catalog.json   every rule's METADATA, validated, extracted with `opa inspect -a`
//   dist/index.js       the GitHub Action (esbuild bundle)
//   dist/cli.js         the CLI (esbuild bundle)
//   dist/main.wasm.gz   hcl2json's parser, which no bundler copies
// Usage: node scripts/build.mjs [--out <dir>]   (the check-dist test builds into a temp folder)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIdx = process.argv.indexOf('--out');
const out = path.resolve(outIdx > 0 ? process.argv[outIdx + 1] : path.join(root, 'dist'));
mkdirSync(out, { recursive: true });

const cache = process.env.CONTROLGATE_CACHE ?? path.join(root, '.cache');
execFileSync('bash', [path.join(root, 'scripts/ensure-opa.sh')], { stdio: 'inherit' });
const opa = path.join(cache, 'bin', 'opa');
const opaVersion = readFileSync(path.join(root, '.opa-version'), 'utf8').trim();

/** Rego files that are not part of the shipped bundle. */
const IGNORE = ['*_test.rego', 'testing*.rego', 'schemas', '*.yaml', '*.md'];

// 1. Capabilities: exactly the builtins @open-policy-agent/opa-wasm implements, plus the Rego v1
//    language features. An unsupported builtin then fails here, not in a user's run.
function capabilities() {
  const sdk = JSON.parse(readFileSync(path.join(root, 'node_modules/@open-policy-agent/opa-wasm/capabilities.json'), 'utf8'));
  const caps = { ...sdk, features: ['rego_v1', 'keywords_in_refs'], future_keywords: ['contains', 'every', 'if', 'in'] };
  const file = path.join(cache, 'capabilities.json');
  writeFileSync(file, JSON.stringify(caps));
  return file;
}

/** Minimal ustar reader: the named member of a .tar.gz. */
function tarMember(tgz, wanted) {
  const buf = gunzipSync(tgz);
  for (let off = 0; off + 512 <= buf.length; ) {
    const name = buf.toString('utf8', off, off + 100).replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(buf.toString('utf8', off + 124, off + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (name.replace(/^\/+/, '') === wanted) return buf.subarray(off + 512, off + 512 + size);
    off += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in the OPA bundle`);
}

function buildPolicies() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'controlgate-build-'));
  try {
    const bundle = path.join(tmp, 'bundle.tar.gz');
    execFileSync(
      opa,
      ['build', '-t', 'wasm', '-e', 'controlgate/main/results', '--capabilities', capabilities(),
        ...IGNORE.flatMap((g) => ['--ignore', g]), '-o', bundle, 'policies'],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    writeFileSync(path.join(out, 'policy.wasm'), tarMember(readFileSync(bundle), 'policy.wasm'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Rule package leaf from its id: VMH-AWS-001 -> vmh_aws_001. */
const packageForId = (id) => id.toLowerCase().replace(/-/g, '_');

function buildCatalog() {
  const raw = execFileSync(opa, ['inspect', '-a', '--format', 'json', 'policies'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const schema = JSON.parse(readFileSync(path.join(root, 'policies/schemas/metadata.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const problems = [];
  const rules = [];
  for (const a of JSON.parse(raw.toString()).annotations ?? []) {
    const pathParts = a.path.map((p) => p.value);
    if (a.annotations.scope !== 'package' || pathParts[1] !== 'controlgate' || pathParts[2] !== 'rules') continue;
    if (/(_test|[\\/]testing[^\\/]*)\.rego$/.test(a.location.file)) continue;
    const pkg = pathParts.slice(3).join('.');
    const where = `${a.location.file}:${a.location.row}`;
    const meta = { title: a.annotations.title, description: a.annotations.description, custom: a.annotations.custom };
    if (!validate(meta)) {
      for (const e of validate.errors) problems.push(`${where}: METADATA${e.instancePath} ${e.message}`);
      continue;
    }
    const c = meta.custom;
    if (packageForId(c.id) !== pkg) problems.push(`${where}: package controlgate.rules.${pkg} does not match id ${c.id}`);
    rules.push({
      id: c.id,
      package: pkg,
      title: meta.title.trim(),
      description: meta.description.trim().replace(/\s*\n\s*/g, ' '),
      message: c.message.trim(),
      severity: c.severity,
      remediation: c.remediation.trim().replace(/\s*\n\s*/g, ' '),
      controls: c.controls,
      subresults: c.subresults ?? {},
      secret: c.secret === true,
      inputs: c.inputs,
      equivalents: c.equivalents ?? [],
      source: a.location.file,
    });
  }
  const ids = new Map();
  for (const r of rules) {
    if (ids.has(r.id)) problems.push(`${r.source}: id ${r.id} also used in ${ids.get(r.id)}`);
    ids.set(r.id, r.source);
  }
  if (problems.length) {
    console.error(`rule METADATA is invalid:\n  ${problems.join('\n  ')}`);
    process.exit(2);
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  const controls = buildControls(rules, problems);
  if (problems.length) {
    console.error(`policies/controls.yaml and the rules disagree:\n  ${problems.join('\n  ')}`);
    process.exit(2);
  }
  writeFileSync(path.join(out, 'catalog.json'), `${JSON.stringify({ opaVersion, rules, controls }, null, 1)}\n`);
  return rules.length;
}

/**
 * The control list (policies/controls.yaml) joined with the rules that cite each control. Every id a
 * rule cites must be listed; a listed control no rule cites must say what manual evidence it needs.
 */
function buildControls(rules, problems) {
  const listed = loadYaml(readFileSync(path.join(root, 'policies/controls.yaml'), 'utf8'));
  const out = {};
  for (const fw of ['iso27017', 'iso27002', 'soc2']) {
    out[fw] = {};
    for (const [id, c] of Object.entries(listed[fw] ?? {})) {
      const cited = rules.filter((r) => r.controls[fw].includes(id)).map((r) => r.id);
      if (!c?.title) problems.push(`policies/controls.yaml: ${fw} ${id} has no title`);
      if (!cited.length && !c?.manual) problems.push(`policies/controls.yaml: ${fw} ${id} is cited by no rule and says no manual evidence`);
      out[fw][id] = { title: c.title, ...(c.manual ? { manual: c.manual.trim() } : {}), rules: cited };
    }
    for (const r of rules) {
      for (const id of r.controls[fw]) if (!(id in out[fw])) problems.push(`${r.source}: ${fw} control ${id} is not in policies/controls.yaml`);
    }
  }
  return out;
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
    target: 'node20',
    banner: { js: banner },
    plugins: [hclWasmPath],
    external: ['performance'], // only required on runtimes without globalThis.performance (not Node 20+)
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
  copyFileSync(path.join(root, 'node_modules/@cdktf/hcl2json/main.wasm.gz'), path.join(out, 'main.wasm.gz'));
}

buildPolicies();
const n = buildCatalog();
await bundle();
console.log(`built ${path.relative(root, out) || out}: policy.wasm, catalog.json (${n} rules), index.js, cli.js`);
