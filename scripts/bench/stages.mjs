#!/usr/bin/env node
// Where Controlgate's time goes: runs the pipeline stages one by one on a folder and prints wall and
// CPU time per stage (load policies, discover, parse = read + parse + locate, normalize, wasm
// evaluate, map to controls, render JSON). A diagnostic for the benchmark, not part of the product.
//
//   node scripts/bench/stages.mjs <dir> [--json] [--dump-input file.json] [--hcl2json]
//
// --hcl2json also times the reference parser (hcl2json, Go compiled to wasm) on the same files.
//
// --dump-input writes the normalized input document, e.g. for `opa eval --profile` on policies/.
//
// It bundles a small harness from src/ with esbuild (a dev dependency; npm packages stay external,
// loaded from node_modules) into .cache/bench/, so it
// measures the current sources, not dist/. It mirrors src/engine/scan.ts; when scan()'s stages
// change, update the harness below.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const outDir = path.join(process.env.CONTROLGATE_CACHE ?? path.join(repo, '.cache'), 'bench');
mkdirSync(outDir, { recursive: true });

const entry = `
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPolicies } from './src/engine/bundles.ts';
import { discover } from './src/discover/discover.ts';
import { parseFile, isFileError, DEFAULT_PARSE_OPTIONS } from './src/parse/parse.ts';
import { parseHcl } from './src/parse/hcl2json-adapter.ts';
import { normalize } from './src/normalize/normalize.ts';
import { mapOutcomes } from './src/controls/map.ts';
import { batchByFolder } from './src/evaluate/engine.ts';
import { collectSecrets } from './src/normalize/secrets.ts';

export async function run(root, assetsDir, dumpInput) {
  const stages = [];
  const mem = () => process.memoryUsage().rss;
  let peak = mem();
  const time = async (name, fn) => {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const r = await fn();
    const wall = performance.now() - t0; const c = process.cpuUsage(c0);
    peak = Math.max(peak, mem());
    stages.push({ stage: name, wallMs: Math.round(wall), cpuMs: Math.round((c.user + c.system) / 1000), rssMB: Math.round(mem() / 2 ** 20) });
    return r;
  };
  const { engine, catalog } = await time('load policies (policy.wasm + catalog)', () => loadPolicies(assetsDir));
  const { files } = await time('discover', () => discover(root, ['.']));
  const parsed = [];
  // As scan() does: the fast parser unless CONTROLGATE_PARSER=hcl2json (older sources ignore the option).
  const parser = process.env.CONTROLGATE_PARSER === 'hcl2json' ? 'hcl2json' : 'fast';
  await time('parse: parseFile (read + parse (' + parser + ') + locate), all files', async () => {
    for (const f of files) { const r = await parseFile(f, { ...DEFAULT_PARSE_OPTIONS, parser }); if (!isFileError(r)) parsed.push(r); }
  });
  const hcl = parsed.filter((p) => !/\\.json$/i.test(p.file.path));
  const texts = await time('  for comparison: read the files again (readFileSync)', () => hcl.map((p) => readFileSync(p.file.absPath, 'utf8')));
  if (process.argv.includes('--hcl2json')) {
    await time('  for comparison: hcl2json wasm start (first tiny parse)', () => parseHcl('a = 1\\n'));
    await time('  for comparison: hcl2json parse again', async () => { for (const t of texts) { try { await parseHcl(t); } catch {} } });
  }
  const { input, locator } = await time('normalize', () => normalize(parsed, { varFiles: [] }));
  const inputJson = await time('  JSON.stringify(input) (size of what the wasm gets)', () => JSON.stringify(input));
  if (dumpInput) (await import('node:fs')).writeFileSync(dumpInput, inputJson);
  const entities = new Map();
  for (const r of input.terraform.resources) entities.set(r.id, { address: r.address, config: r.config });
  for (const p of input.terraform.providers) entities.set(p.id, { address: p.alias ? 'provider.' + p.name + '.' + p.alias : 'provider.' + p.name, config: p.config });
  for (const v of [...input.terraform.variables, ...input.packer.variables]) entities.set(v.id, { address: 'var.' + v.name, config: { default: v.default } });
  for (const s of input.packer.sources) entities.set(s.id, { address: s.address, config: s.config });
  for (const b of input.packer.builds) entities.set(b.id, { address: 'build.' + b.name, config: b });
  const batches = await time('  batch by folder', () => batchByFolder(input));
  const outcomes = await time('evaluate (policy.wasm, ' + batches.length + ' per-folder calls)', () => batches.flatMap((b) => engine.evaluate(b)));
  const mapped = await time('map to controls', () => mapOutcomes(outcomes, { catalog, locator, entities }));
  await time('collect secrets (values and raw text)', () => collectSecrets(parsed));
  await time('  JSON.stringify(findings) (the size of a report)', () => JSON.stringify(mapped.findings));
  return {
    files: files.length, parsed: parsed.length, resources: input.terraform.resources.length, inputMB: +(inputJson.length / 1e6).toFixed(1),
    outcomes: outcomes.length, findings: mapped.findings.length, peakRssMB: Math.round(peak / 2 ** 20), stages,
  };
}
`;
const bundle = path.join(outDir, 'stages-harness.mjs');
await build({
    stdin: { contents: entry, resolveDir: repo, loader: 'js', sourcefile: 'stages-entry.mjs' }, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node22', outfile: bundle, logLevel: 'error',
});
const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--dump-input');
if (!dir) {
  console.error('usage: node scripts/bench/stages.mjs <dir> [--json] [--dump-input file.json] [--hcl2json]');
  process.exit(2);
}
const { run } = await import(pathToFileURL(bundle).href);
const di = args.indexOf('--dump-input');
const r = await run(path.resolve(dir), path.join(repo, 'dist'), di >= 0 ? path.resolve(args[di + 1]) : undefined);
if (args.includes('--json')) console.log(JSON.stringify(r, null, 2));
else {
  console.log(`${r.files} files (${r.parsed} parsed), ${r.resources} resources, input ${r.inputMB} MB JSON, ${r.outcomes} outcomes, ${r.findings} findings, peak RSS ${r.peakRssMB} MB`);
  console.log('| stage | wall (ms) | CPU (ms) | RSS after (MB) |\n|---|--:|--:|--:|');
  for (const s of r.stages) console.log(`| ${s.stage} | ${s.wallMs} | ${s.cpuMs} | ${s.rssMB} |`);
}
