#!/usr/bin/env node
// Regenerates the OpenTofu goldens of the differential test (tests/resolve/tofu-differential.test.ts):
// every case under tests/resolve/tofu/cases/*.tfcases becomes a small root module, planned by a real
// `tofu` (scripts/tofu/build-tofu.sh builds it); each `terraform_data` resource's planned `input`
// (or the error OpenTofu refuses the configuration with) is written to
// tests/resolve/tofu/golden/<topic>.json together with the case's files. The test reads only the
// goldens: it needs no tofu.
//
//   node scripts/tofu/golden.mjs [--all] [topic | topic/case ...]
//   TOFU (default /work/tofu-bin/tofu, else `tofu` on PATH)   TOFU_JOBS (default 2)
// A case whose files are unchanged since its golden was made (same tofu version) keeps its golden,
// so adding cases plans only the new ones; a case named as topic/case, or every case with --all,
// is planned again.
//
// Case file format (one topic per file):
//   # comment
//   name: expression                       one resource: resource "terraform_data" "v" { input = expression }
//   begin name                             a whole configuration, up to "end":
//   ...HCL of main.tf...                     terraform_data resources anywhere (modules too) are compared
//   --- path/in/case.tf                      starts another file of the case (relative to the case folder)
//   --- @var-file path                       passed as -var-file (in order), relative to the root
//   --- @root dir                            the root module's folder (tofu runs there; default ".")
//   --- @scan path                           the path Controlgate is given to scan (default: the root)
//   end
// A case with a .terraform/modules/modules.json file is planned without `tofu init` (modules
// "already downloaded"), so registry and git modules are planned offline.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseLossless, stringifyCanonical } from './canonical.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const casesDir = path.join(repo, 'tests', 'resolve', 'tofu', 'cases');
const goldenDir = path.join(repo, 'tests', 'resolve', 'tofu', 'golden');
/** Where case folders are written for tofu; string values naming it are written as $WORKSPACE. */
const WORKSPACE_TOKEN = '$WORKSPACE';

/** @param {string} text @param {string} topic */
export function parseCases(text, topic) {
  const cases = [];
  const lines = text.split('\n');
  const seen = new Set();
  const add = (c, lineNo) => {
    if (!/^[A-Za-z0-9_]+$/.test(c.name)) throw new Error(`${topic}:${lineNo}: case name "${c.name}" must be letters, digits and _`);
    if (seen.has(c.name)) throw new Error(`${topic}:${lineNo}: case "${c.name}" defined twice`);
    seen.add(c.name);
    cases.push(c);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    const begin = /^begin\s+(\S+)\s*$/.exec(line);
    if (begin) {
      const start = i + 1;
      const files = {};
      const varFiles = [];
      let root = '.';
      let scan;
      let current = 'main.tf';
      files[current] = '';
      for (i++; i < lines.length && lines[i] !== 'end'; i++) {
        const sep = /^--- (.+?)\s*$/.exec(lines[i]);
        if (!sep) {
          files[current] += `${lines[i]}\n`;
          continue;
        }
        const d = /^@(var-file|root|scan)\s+(\S+)$/.exec(sep[1]);
        if (d?.[1] === 'var-file') varFiles.push(d[2]);
        else if (d?.[1] === 'root') root = d[2];
        else if (d?.[1] === 'scan') scan = d[2];
        else if (sep[1].startsWith('@')) throw new Error(`${topic}:${i + 1}: unknown directive ${sep[1]}`);
        else {
          current = path.posix.normalize(sep[1]);
          if (current.startsWith('..') || path.posix.isAbsolute(current)) throw new Error(`${topic}:${i + 1}: file ${sep[1]} outside the case`);
          files[current] ??= '';
        }
      }
      if (i >= lines.length) throw new Error(`${topic}:${start}: "begin ${begin[1]}" without "end"`);
      if (files['main.tf'] === '') delete files['main.tf'];
      add({ name: begin[1], files, varFiles, root, scan: scan ?? root }, start);
      continue;
    }
    const one = /^([^:\s]+):\s(.*)$/.exec(line);
    if (!one) throw new Error(`${topic}:${i + 1}: expected "name: expression", "begin name" or a comment`);
    add({ name: one[1], expr: one[2], files: { 'main.tf': oneLiner('v', one[2]) }, varFiles: [], root: '.', scan: '.' }, i + 1);
  }
  return cases;
}

/** The configuration of a one-line case. */
const oneLiner = (name, expr) => `resource "terraform_data" "${name}" {\n  input = ${expr}\n}\n`;

function tofuBinary() {
  if (process.env.TOFU) return process.env.TOFU;
  return existsSync('/work/tofu-bin/tofu') ? '/work/tofu-bin/tofu' : 'tofu';
}

/** @returns {Promise<{ code: number, stdout: string, stderr: string }>} */
function run(cmd, args, cwd, env) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 256 << 20, timeout: 300_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr || (err && !stderr ? String(err) : '') });
    });
  });
}

/** OpenTofu's error text, without the box drawing and with the case folder hidden. */
function errorText(stderr, workspace) {
  return stderr
    .split(workspace)
    .join(WORKSPACE_TOKEN)
    .split('\n')
    .map((l) => l.replace(/^[│╷╵]\s?/, '').trimEnd())
    .filter((l) => l !== '')
    .join('\n')
    .slice(0, 2000);
}

/** Replace the absolute case folder inside string values (path.cwd, abspath) by $WORKSPACE. */
function hideWorkspace(v, workspace) {
  if (typeof v === 'string') return v.split(workspace).join(WORKSPACE_TOKEN);
  if (Array.isArray(v)) return v.map((x) => hideWorkspace(x, workspace));
  if (typeof v === 'object' && v !== null && v.constructor === Object) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = hideWorkspace(x, workspace);
    return o;
  }
  return v;
}

/** after merged with after_unknown: unknown leaves become {"__unknown__": true}. */
function withUnknowns(after, unknown) {
  if (unknown === true) return { __unknown__: true };
  if (Array.isArray(after) && Array.isArray(unknown)) return after.map((x, i) => withUnknowns(x, unknown[i]));
  if (typeof after === 'object' && after !== null && !Array.isArray(after) && typeof unknown === 'object' && unknown !== null && !Array.isArray(unknown)) {
    const o = {};
    for (const [k, x] of Object.entries(after)) o[k] = withUnknowns(x, unknown[k]);
    for (const [k, u] of Object.entries(unknown)) if (!(k in o) && u === true) o[k] = { __unknown__: true };
    return o;
  }
  return after === undefined ? null : after;
}

function tofuEnv(workDir) {
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', TF_CLI_CONFIG_FILE: path.join(workDir, 'tofurc'), TF_LOG: '' };
  delete env.TF_WORKSPACE;
  delete env.TF_DATA_DIR;
  return env;
}

function writeFiles(workspace, files) {
  rmSync(workspace, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(workspace, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  mkdirSync(workspace, { recursive: true });
  return realpathSync(workspace);
}

/**
 * Plan one folder: the planned input of every terraform_data resource (canonical JSON, by address),
 * or the error OpenTofu refuses it with (and the files its diagnostics name).
 */
async function planFolder(tofu, real, root, varFiles, workDir, version) {
  const cwd = path.join(real, root);
  mkdirSync(cwd, { recursive: true });
  const env = tofuEnv(workDir);
  if (!existsSync(path.join(cwd, '.terraform', 'modules', 'modules.json'))) {
    const init = await run(tofu, ['init', '-input=false', '-no-color', '-backend=false'], cwd, env);
    if (init.code !== 0) return { error: errorText(init.stderr || init.stdout, real), files: [] };
  }
  const planArgs = ['plan', '-input=false', '-no-color', '-lock=false', '-refresh=false', '-out=plan.bin', ...varFiles.map((f) => `-var-file=${f}`)];
  const plan = await run(tofu, planArgs, cwd, env);
  if (plan.code !== 0) {
    const text = plan.stderr || plan.stdout;
    const files = [...new Set([...text.matchAll(/ on (\S+) line \d+/g)].map((m) => m[1]))];
    return { error: errorText(text, real), files };
  }
  const show = await run(tofu, ['show', '-json', '-no-color', 'plan.bin'], cwd, env);
  if (show.code !== 0) throw new Error(`${real}: tofu show failed: ${show.stderr}`);
  const doc = parseLossless(show.stdout);
  if (doc.terraform_version !== version) throw new Error(`${real}: planned by tofu ${doc.terraform_version}, expected ${version}`);
  const values = {};
  for (const rc of doc.resource_changes ?? []) {
    if (rc.mode !== 'managed' || rc.type !== 'terraform_data' || !rc.change.actions.includes('create')) continue;
    values[rc.address] = stringifyCanonical(hideWorkspace(withUnknowns(rc.change.after?.input, rc.change.after_unknown?.input), real));
  }
  return { values };
}

async function planCase(tofu, c, workDir, version) {
  const real = writeFiles(path.join(workDir, c.topic, c.name), c.files);
  const r = await planFolder(tofu, real, c.root, c.varFiles, workDir, version);
  return 'error' in r ? { error: r.error } : r;
}

/**
 * One-line cases of a topic planned together (one resource and file each) to save tofu runs; a case
 * whose file a diagnostic names is planned alone instead. Returns results by case name.
 */
async function planOneLiners(tofu, topic, cases, workDir, version) {
  const out = new Map();
  let batch = cases.slice();
  for (let round = 0; batch.length && round < 8; round++) {
    const files = Object.fromEntries(batch.map((c) => [`c_${c.name}.tf`, oneLiner(`c_${c.name}`, c.expr)]));
    const real = writeFiles(path.join(workDir, topic, '_batch'), files);
    const r = await planFolder(tofu, real, '.', [], workDir, version);
    if (!('error' in r)) {
      for (const c of batch) out.set(c.name, { values: { 'terraform_data.v': r.values[`terraform_data.c_${c.name}`] } });
      process.stderr.write(`${topic}: ${batch.length} one-line cases planned together\n`);
      return out;
    }
    const named = new Set(r.files);
    const alone = batch.filter((c) => named.has(`c_${c.name}.tf`));
    if (!alone.length) break;
    batch = batch.filter((c) => !named.has(`c_${c.name}.tf`));
  }
  return out; // what is left is planned case by case
}

async function main() {
  const tofu = tofuBinary();
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const only = args.filter((a) => a !== '--all');
  const workDir = path.join(process.env.TOFU_WORK ?? os.tmpdir(), 'controlgate-tofu-golden');
  mkdirSync(workDir, { recursive: true });
  writeFileSync(path.join(workDir, 'tofurc'), '');
  const v = await run(tofu, ['version', '-json'], workDir, tofuEnv(workDir));
  if (v.code !== 0) throw new Error(`cannot run ${tofu} (build it with scripts/tofu/build-tofu.sh): ${v.stderr}`);
  const version = JSON.parse(v.stdout).terraform_version;
  mkdirSync(goldenDir, { recursive: true });
  const topics = readdirSync(casesDir)
    .filter((f) => f.endsWith('.tfcases'))
    .map((f) => f.slice(0, -'.tfcases'.length))
    .sort();
  const jobs = Math.max(1, Number(process.env.TOFU_JOBS ?? 2));
  for (const topic of topics) {
    if (only.length && !only.some((o) => o === topic || o.startsWith(`${topic}/`))) continue;
    const source = readFileSync(path.join(casesDir, `${topic}.tfcases`), 'utf8');
    const cases = parseCases(source, topic).map((c) => ({ ...c, topic }));
    const goldenPath = path.join(goldenDir, `${topic}.json`);
    const previous = existsSync(goldenPath) ? JSON.parse(readFileSync(goldenPath, 'utf8')) : undefined;
    const keep = new Map((previous?.cases ?? []).map((c) => [c.name, c]));
    const forced = (c) => all || only.includes(`${topic}/${c.name}`);
    const results = new Array(cases.length);
    const fresh = (c) => {
      const old = keep.get(c.name);
      const same = old && previous.tofu_version === version && JSON.stringify([old.files, old.var_files, old.root, old.scan]) === JSON.stringify([c.files, c.varFiles, c.root, c.scan]);
      return !forced(c) && same ? old.tofu : undefined;
    };
    const batched = await planOneLiners(tofu, topic, cases.filter((c) => c.expr !== undefined && !fresh(c)), workDir, version);
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i];
        const result = fresh(c) ?? batched.get(c.name) ?? (await planCase(tofu, c, workDir, version));
        results[i] = { name: c.name, files: c.files, var_files: c.varFiles, root: c.root, scan: c.scan, tofu: result };
        if (!batched.has(c.name)) process.stderr.write(`${topic}/${c.name}: ${'error' in result ? 'error' : Object.keys(result.values).length + ' value(s)'}\n`);
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    const golden = { topic, tofu_version: version, source_sha256: createHash('sha256').update(source).digest('hex'), cases: results };
    writeFileSync(goldenPath, `${JSON.stringify(golden, null, 1)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
