#!/usr/bin/env node
// The benchmark (npm run bench): Controlgate against its peers, same inputs, same run.
//
//   node scripts/bench/run.mjs [--runs 3] [--scenarios corpus,gen-1k,gen-10k,gen-20k,pr-20]
//                              [--tools controlgate,trivy,tfsec,checkov,conftest] [--timeout 900]
//                              [--seed 1] [--cold-runs 3] [--no-install] [--out bench-results]
//                              [--corpus ../shared/corpora] [--repeat-under 300]
//
// A tool whose first run on a scenario took longer than --repeat-under seconds is not run again on
// that scenario (its median is of one run), and a tool that timed out on a scenario is not run on
// the larger scenarios after it (reported as skipped), so that a full run fits in an hour or so.
//
// Scenarios: the shared corpora (real Terraform and Packer); generated monorepos (see
// generate-monorepo.mjs; cached in .cache/bench); a pull-request-sized scan of 20 files (5 service
// folders of the 20k monorepo, copied to their own folder). Peers are installed (pinned) by
// peers.sh; one that cannot be installed is reported with the reason and skipped.
//
// Every run is a fresh process, measured with GNU time (wall, user+sys CPU of the whole tree, max RSS
// of the largest process) plus a /proc sampler (peak RSS summed over the process tree, every 50 ms).
// Runs are interleaved (run 1 of every tool, then run 2, ...) so that load from other users of the
// machine falls on every tool alike; results are medians. Controlgate's 20-file scan is also measured
// from a cold start: fresh process with the page cache of node, dist/ and the inputs evicted.
// Results: printed, and written to <out>/<date>.md and .json.
import { spawn, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, openSync, closeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMonorepo, generateFiles, GENERATOR_VERSION } from './generate-monorepo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const cache = process.env.CONTROLGATE_CACHE ?? path.join(repo, '.cache');
const benchDir = path.join(cache, 'bench');

// ------------------------------------------------------------------------------------------------
// Options
const ALL_SCENARIOS = ['corpus', 'gen-1k', 'gen-10k', 'gen-20k', 'pr-20'];
const ALL_TOOLS = ['controlgate', 'trivy', 'tfsec', 'checkov', 'conftest'];
const opts = {
  runs: 3, coldRuns: 3, timeout: 900, repeatUnder: 300, seed: 1, install: true, out: path.join(repo, 'bench-results'),
  scenarios: ALL_SCENARIOS, tools: ALL_TOOLS, corpus: path.resolve(repo, '..', 'shared', 'corpora'),
};
if (process.argv[2] !== '--render') {
  const a = process.argv.slice(2);
  const val = (i) => {
    if (a[i + 1] === undefined) usage(`missing value for ${a[i]}`);
    return a[i + 1];
  };
  for (let i = 0; i < a.length; i++) {
    const [k, inline] = a[i].includes('=') ? a[i].split(/=(.*)/s) : [a[i], undefined];
    const v = () => (inline !== undefined ? inline : val(i++));
    switch (k) {
      case '--runs': opts.runs = int(v(), k); break;
      case '--cold-runs': opts.coldRuns = int(v(), k, 0); break;
      case '--timeout': opts.timeout = int(v(), k); break;
      case '--repeat-under': opts.repeatUnder = int(v(), k); break;
      case '--seed': opts.seed = int(v(), k, 0); break;
      case '--scenarios': opts.scenarios = list(v(), ALL_SCENARIOS, k); break;
      case '--tools': opts.tools = list(v(), ALL_TOOLS, k); break;
      case '--no-install': opts.install = false; break;
      case '--out': opts.out = path.resolve(v()); break;
      case '--corpus': opts.corpus = path.resolve(v()); break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown option ${a[i]}`);
    }
  }
}
function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node scripts/bench/run.mjs [--runs n] [--cold-runs n] [--scenarios a,b] [--tools a,b] [--timeout s] [--repeat-under s] [--seed n] [--no-install] [--out dir] [--corpus dir]');
  console.error(`  scenarios: ${ALL_SCENARIOS.join(', ')}\n  tools: ${ALL_TOOLS.join(', ')}`);
  process.exit(msg ? 2 : 0);
}
function int(s, k, min = 1) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) usage(`${k} needs an integer >= ${min}`);
  return n;
}
function list(s, allowed, k) {
  const xs = s.split(',').map((x) => x.trim()).filter(Boolean);
  for (const x of xs) if (!allowed.includes(x)) usage(`${k}: unknown ${x} (one of ${allowed.join(', ')})`);
  return xs;
}

const log = (...m) => console.error('[bench]', ...m);
const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);
const sh = (cmd, args, o = {}) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, ...o }).trim();
  } catch (e) {
    return null;
  }
};

// ------------------------------------------------------------------------------------------------
// Tools
const bin = path.join(cache, 'bin');
const CONFTEST_POLICY = path.join(here, 'conftest-policy');
const TRIVY_CACHE = path.join(cache, 'trivy-cache');

/** How each tool is run on a folder. `out` is a file for its report. */
const TOOLS = {
  controlgate: {
    exe: () => process.execPath,
    // A snapshot of dist/ taken when the benchmark starts (see snapshotDist), so that every run
    // measures the same build even when dist/ is rebuilt meanwhile.
    args: (dir) => [path.join(distDir, 'cli.js'), 'scan', '.', '--root', dir, '--format', 'json', '--fail-on', 'never'],
    cwd: (dir) => dir,
    okCodes: [0],
    version: () => {
      const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
      const head = sh('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']) ?? '?';
      // Read-only: does the working tree's dist/ differ from HEAD's (someone's uncommitted build)?
      const dirty = spawnSync('git', ['-C', repo, 'diff', '--quiet', 'HEAD', '--', 'dist'], { stdio: 'ignore' }).status === 1;
      return `${pkg.version} (HEAD ${head}${dirty ? ', dist/ with uncommitted changes' : ''}; dist/ snapshot, cli.js+policy.wasm sha256 ${distHash()}; node ${process.version})`;
    },
    count: (j) => j?.summary?.findings,
    packer: true,
  },
  trivy: {
    exe: () => path.join(bin, 'trivy'),
    // --skip-check-update: use the checks built into the binary (the checks bundle is not fetched
    // here); Terraform scanner only (it would otherwise also read the Packer JSON as CloudFormation
    // or ARM candidates).
    // --timeout: Trivy's own default (5 min) ends a large scan with "context deadline exceeded";
    // the benchmark's per-run timeout applies instead.
    args: (dir, out) => ['config', '--quiet', '--format', 'json', '--output', out, '--skip-check-update', '--misconfig-scanners', 'terraform', '--cache-dir', TRIVY_CACHE, '--exit-code', '0', '--timeout', `${opts.timeout + 60}s`, dir],
    okCodes: [0],
    version: () => goVersion('trivy'),
    reportFile: true,
    count: (j) => (j?.Results ?? []).reduce((a, r) => a + (r.Misconfigurations?.length ?? 0), 0),
    packer: false,
  },
  tfsec: {
    exe: () => path.join(bin, 'tfsec'),
    args: (dir, out) => [dir, '--format', 'json', '--out', out, '--no-color', '--soft-fail', '--no-module-downloads', '--no-code'],
    okCodes: [0],
    version: () => goVersion('tfsec'),
    env: { TFSEC_NO_UPDATE_CHECK: '1' },
    reportFile: true,
    count: (j) => j?.results?.length ?? 0,
    packer: false,
  },
  checkov: {
    exe: () => path.join(cache, 'venv-checkov', 'bin', 'checkov'),
    // Terraform only (checkov has no Packer framework); no platform download, no module download.
    args: (dir) => ['-d', dir, '--framework', 'terraform', '--quiet', '--compact', '-o', 'json', '--soft-fail', '--skip-download'],
    okCodes: [0],
    version: () => firstLine(sh(path.join(cache, 'venv-checkov', 'bin', 'checkov'), ['--version'], { timeout: 120_000 })),
    env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_DOWNLOAD_EXTERNAL_MODULES: 'false', LOG_LEVEL: 'WARNING' },
    count: (j) => [j].flat().reduce((a, r) => a + (r?.summary?.failed ?? 0), 0),
    packer: false,
  },
  conftest: {
    exe: () => path.join(bin, 'conftest'),
    // A small equivalent baseline (conftest-policy/), Terraform files parsed with the hcl2 parser.
    args: (dir) => ['test', '--parser', 'hcl2', '--policy', CONFTEST_POLICY, '--all-namespaces', '--no-fail', '--no-color', '-o', 'json', '--ignore', '\\.(tfvars|hcl|json)$', dir],
    okCodes: [0],
    version: () => goVersion('conftest'),
    count: (j) => (Array.isArray(j) ? j.reduce((a, r) => a + (r.failures?.length ?? 0), 0) : undefined),
    packer: false,
  },
};
let distDir = path.join(repo, 'dist');
/** Copy dist/ to .cache/bench/dist-<hash>/ (inside the repo, so package.json's "type" still applies). */
function snapshotDist() {
  const src = path.join(repo, 'dist');
  const h = distHash(src);
  const dst = path.join(benchDir, `dist-${h}`);
  if (!existsSync(path.join(dst, 'cli.js'))) {
    mkdirSync(dst, { recursive: true });
    for (const f of readdirSync(src)) if (statSync(path.join(src, f)).isFile()) copyFileSync(path.join(src, f), path.join(dst, f));
  }
  distDir = dst;
  return h;
}

/** Which dist/ was measured (cli.js + policy.wasm). */
function distHash(dir = distDir) {
  try {
    return createHash('sha256').update(readFileSync(path.join(dir, 'cli.js'))).update(readFileSync(path.join(dir, 'policy.wasm'))).digest('hex').slice(0, 12);
  } catch {
    return '?';
  }
}

/** Go peers built with go install carry no version stamp of their own ("dev"): use the pin. */
function goVersion(name) {
  const stamp = path.join(bin, `.${name}-version`);
  const pin = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '?';
  return `${pin} (go install from the Go module proxy, ${sh('go', ['env', 'GOVERSION']) ?? 'go ?'})`;
}
const firstLine = (s) => (s == null ? null : s.split('\n').find((l) => l.trim())?.trim() ?? null);

function peerStatus(name) {
  if (name === 'controlgate') return { ok: existsSync(path.join(repo, 'dist', 'cli.js')), note: 'dist/cli.js' };
  const f = path.join(cache, 'bench-peers', `${name}.status`);
  const exe = TOOLS[name].exe();
  if (!existsSync(exe)) {
    const why = existsSync(f) ? readFileSync(f, 'utf8').trim().split('\t').slice(2).join(' ') : 'not installed (run scripts/bench/peers.sh)';
    return { ok: false, note: why };
  }
  return { ok: true, note: existsSync(f) ? readFileSync(f, 'utf8').trim().split('\t').slice(2).join(' ') : 'found' };
}

// ------------------------------------------------------------------------------------------------
// Scenarios
const IAC = /\.(tf|tf\.json|tfvars|tfvars\.json|pkr\.hcl|pkr\.json|pkrvars\.hcl)$/i;
function countFiles(dir) {
  const c = { total: 0, tf: 0, tfvars: 0, packer: 0, other: 0, bytes: 0 };
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.terraform' || e.name === '.git' || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const n = e.name.toLowerCase();
        if (n.endsWith('.tf') || n.endsWith('.tf.json')) c.tf++;
        else if (n.endsWith('.tfvars') || n.endsWith('.tfvars.json')) c.tfvars++;
        else if (n.includes('.pkr.') || n.endsWith('.pkrvars.hcl')) c.packer++;
        else if (n.endsWith('.json')) c.packer++; // legacy Packer JSON templates in the corpus
        else { c.other++; continue; }
        c.total++;
        c.bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return c;
}

function ensureGenerated(n) {
  const dir = path.join(benchDir, `gen-${n}-s${opts.seed}`);
  const stamp = path.join(dir, '.generated');
  const want = JSON.stringify({ v: GENERATOR_VERSION, n, seed: opts.seed, gen: hashFile(path.join(here, 'generate-monorepo.mjs')) });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return dir;
  log(`generating ${n} files (seed ${opts.seed}) in ${dir} ...`);
  generateMonorepo(dir, n, opts.seed);
  writeFileSync(stamp, want);
  return dir;
}
const hashFile = (f) => createHash('sha256').update(readFileSync(f)).digest('hex').slice(0, 16);

/** 20 files of the 20k monorepo: 5 service folders with main/variables/outputs/network, picked by seed. */
function ensurePr() {
  const dir = path.join(benchDir, `pr-20-s${opts.seed}`);
  const files = generateFiles(20000, opts.seed).map(([p]) => p);
  const byDir = new Map();
  for (const f of files) {
    const d = path.dirname(f);
    if (!byDir.has(d)) byDir.set(d, []);
    byDir.get(d).push(path.basename(f));
  }
  const candidates = [...byDir.entries()].filter(([d, fs]) => d.startsWith('services/') && fs.length === 4).map(([d]) => d);
  const picked = [];
  let x = opts.seed * 7919 + 17;
  while (picked.length < 5) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const d = candidates[x % candidates.length];
    if (!picked.includes(d)) picked.push(d);
  }
  const src = ensureGenerated(20000);
  rmSync(dir, { recursive: true, force: true });
  for (const d of picked) {
    mkdirSync(path.join(dir, d), { recursive: true });
    for (const f of byDir.get(d)) copyFileSync(path.join(src, d, f), path.join(dir, d, f));
  }
  return dir;
}

function scenarioDir(name) {
  switch (name) {
    case 'corpus':
      if (!existsSync(opts.corpus)) throw new Error(`corpus not found at ${opts.corpus} (--corpus)`);
      return opts.corpus;
    case 'gen-1k': return ensureGenerated(1000);
    case 'gen-10k': return ensureGenerated(10000);
    case 'gen-20k': return ensureGenerated(20000);
    case 'pr-20': return ensurePr();
    default: throw new Error(name);
  }
}

// ------------------------------------------------------------------------------------------------
// Measurement
const TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

function ensureGnuTime() {
  if (TIME) return TIME;
  log('GNU time not found: installing Debian package "time" ...');
  spawnSync('apt-get', ['install', '-y', '-q', 'time'], { stdio: 'inherit' });
  return existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
}

/** Sum of resident memory over a process tree, read from /proc. */
function treeRss(pid) {
  let total = 0;
  const stack = [pid];
  const seen = new Set();
  while (stack.length) {
    const p = stack.pop();
    if (seen.has(p)) continue;
    seen.add(p);
    try {
      const statm = readFileSync(`/proc/${p}/statm`, 'utf8').split(' ');
      total += Number(statm[1]) * 4096;
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const ch = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (ch) for (const c of ch.split(' ')) stack.push(Number(c));
      }
    } catch {
      /* gone */
    }
  }
  return total;
}

function measure(tool, dir, label, timeBin) {
  const t = TOOLS[tool];
  const outDir = path.join(benchDir, 'out');
  mkdirSync(outDir, { recursive: true });
  const report = path.join(outDir, `${label}.${tool}.json`);
  const errFile = path.join(outDir, `${label}.${tool}.stderr`);
  const timeFile = path.join(outDir, `${label}.${tool}.time`);
  rmSync(report, { force: true });
  rmSync(timeFile, { force: true });
  const args = t.args(dir, report);
  const cmd = timeBin ? timeBin : t.exe();
  const argv = timeBin ? ['-f', '%e %U %S %M', '-o', timeFile, t.exe(), ...args] : args;
  const outFd = openSync(t.reportFile ? '/dev/null' : report, 'w');
  const errFd = openSync(errFile, 'w');
  const dist = tool === 'controlgate' ? distHash() : undefined;
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, {
      cwd: t.cwd ? t.cwd(dir) : dir,
      env: { ...process.env, ...(t.env ?? {}) },
      stdio: ['ignore', outFd, errFd],
      detached: true, // own process group, so a timeout ends the whole tree
    });
    let peakTree = 0;
    const sample = () => {
      const r = treeRss(child.pid);
      if (r > peakTree) peakTree = r;
    };
    const sampler = setInterval(sample, 50);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, opts.timeout * 1000);
    child.on('exit', (code, signal) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9;
      clearInterval(sampler);
      clearTimeout(timer);
      closeSync(outFd);
      closeSync(errFd);
      let cpu = null;
      let maxRss = null;
      if (timeBin && existsSync(timeFile)) {
        const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
        const m = line.match(/^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/);
        if (m) {
          cpu = Number(m[2]) + Number(m[3]);
          maxRss = Number(m[4]) * 1024;
        }
      }
      // GNU time exits with the command's code (or 128+signal when killed).
      const status = timedOut ? 'timeout' : t.okCodes.includes(code ?? -1) ? 'ok' : `exit ${code ?? signal}`;
      let findings;
      try {
        if (status === 'ok' && existsSync(report) && statSync(report).size < 300e6) findings = t.count(JSON.parse(readFileSync(report, 'utf8')));
      } catch {
        findings = undefined;
      }
      const stderrTail = status === 'ok' ? undefined : readFileSync(errFile, 'utf8').trim().split('\n').slice(-4).join(' | ').slice(0, 500);
      resolve({ status, wall, cpu, maxRss, treeRss: peakTree || null, findings, stderrTail, load1: os.loadavg()[0], ...(dist ? { dist } : {}) });
    });
  });
}

/** Evict files from the page cache (POSIX_FADV_DONTNEED), for a cold-start run. */
function evict(files) {
  const py = 'import os,sys\nfor f in sys.argv[1:]:\n  try:\n    fd=os.open(f,os.O_RDONLY); os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED); os.close(fd)\n  except Exception: pass\n';
  spawnSync('python3', ['-c', py, ...files], { stdio: 'ignore' });
}
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

// ------------------------------------------------------------------------------------------------
// Main
async function main() {
  const started = new Date();
  const timeBin = ensureGnuTime();
  if (!timeBin) log('warning: no GNU time; CPU time and per-process max RSS are not measured (tree RSS from /proc only)');

  // Peers: install what is wanted (cached after the first time), then record what we have.
  const peers = opts.tools.filter((t) => t !== 'controlgate');
  if (opts.install && peers.length) {
    log(`installing peers (pinned; cached in ${cache}): ${peers.join(', ')}`);
    spawnSync('bash', [path.join(here, 'peers.sh'), ...peers], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  if (opts.tools.includes('controlgate')) log(`measuring a snapshot of dist/ (${snapshotDist()}) in ${path.relative(repo, distDir)}`);
  const tools = {};
  for (const name of opts.tools) {
    const st = peerStatus(name);
    tools[name] = { available: st.ok, note: st.note, version: st.ok ? TOOLS[name].version() : null, packer: TOOLS[name].packer };
    log(`${name}: ${st.ok ? `available, ${tools[name].version}` : `NOT AVAILABLE: ${st.note}`}`);
  }
  const runnable = opts.tools.filter((t) => tools[t].available);

  const results = { meta: {}, tools, scenarios: {}, cold: null };
  results.meta = {
    started: started.toISOString(), host: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release() },
    node: process.version, runs: opts.runs, coldRuns: opts.coldRuns, timeoutSec: opts.timeout, repeatUnderSec: opts.repeatUnder, seed: opts.seed, loadavgStart: loadavg(),
    measuredWith: timeBin ? `${timeBin} (wall from the parent; CPU = user+sys of the tree; max RSS = largest single process) + /proc tree-RSS sampler (50 ms)` : '/proc sampler only',
  };

  const timedOutOn = {};
  // Smallest first, so that a tool that times out is not run on the larger ones.
  const order = ALL_SCENARIOS.filter((x) => opts.scenarios.includes(x)).sort((a, b) => ['pr-20', 'gen-1k', 'corpus', 'gen-10k', 'gen-20k'].indexOf(a) - ['pr-20', 'gen-1k', 'corpus', 'gen-10k', 'gen-20k'].indexOf(b));
  for (const sc of order) {
    const dir = scenarioDir(sc);
    const files = countFiles(dir);
    log(`scenario ${sc}: ${dir} (${files.total} files: ${files.tf} .tf, ${files.tfvars} .tfvars, ${files.packer} Packer; ${(files.bytes / 1e6).toFixed(1)} MB); load ${loadavg().join(' ')}`);
    const s = { dir: path.relative(repo, dir), files, loadavgStart: loadavg(), runs: {}, median: {} };
    for (const t of runnable) s.runs[t] = [];
    const skip = {};
    for (const t of runnable) if (timedOutOn[t]) skip[t] = `skipped: timed out on ${timedOutOn[t]}`;
    for (let i = 1; i <= opts.runs; i++) {
      for (const t of runnable) {
        const prev = s.runs[t];
        if (skip[t]) {
          if (i === 1) log(`  ${t}: ${skip[t]}`);
          continue;
        }
        if (prev.some((r) => r.status === 'timeout')) continue;
        if (prev.length && prev[0].wall > opts.repeatUnder) continue;
        const r = await measure(t, dir, `${sc}.${i}`, timeBin);
        prev.push(r);
        log(`  ${t.padEnd(11)} run ${i}/${opts.runs}: ${r.status} wall ${r.wall.toFixed(2)} s, cpu ${r.cpu?.toFixed(2) ?? '?'} s, maxRSS ${mb(r.maxRss)}, treeRSS ${mb(r.treeRss)}, findings ${r.findings ?? '?'}${r.stderrTail ? `  [${r.stderrTail}]` : ''}`);
      }
    }
    for (const t of runnable) {
      const rs = s.runs[t];
      if (rs.some((r) => r.status === 'timeout')) timedOutOn[t] ??= sc;
      if (skip[t]) {
        s.median[t] = { status: skip[t], okRuns: 0, wall: null, cpu: null, maxRss: null, treeRss: null, filesPerSec: null, findings: null };
        continue;
      }
      const ok = rs.filter((r) => r.status === 'ok');
      const wall = median(ok.map((r) => r.wall));
      s.median[t] = {
        status: ok.length === rs.length ? 'ok' : rs.find((r) => r.status !== 'ok')?.status ?? 'none',
        okRuns: ok.length, runs: rs.length, wall, cpu: median(ok.map((r) => r.cpu)), maxRss: median(ok.map((r) => r.maxRss)), treeRss: median(ok.map((r) => r.treeRss)),
        filesPerSec: wall ? files.total / wall : null, findings: ok[0]?.findings ?? null,
      };
    }
    s.loadavgEnd = loadavg();
    results.scenarios[sc] = s;
  }

  // Cold start: Controlgate on the 20-file PR, fresh process, page cache of node/dist/inputs evicted.
  if (opts.scenarios.includes('pr-20') && runnable.includes('controlgate') && opts.coldRuns > 0) {
    const dir = scenarioDir('pr-20');
    const files = [process.execPath, ...listFiles(distDir), ...listFiles(dir)];
    const runs = [];
    for (let i = 1; i <= opts.coldRuns; i++) {
      evict(files);
      const r = await measure('controlgate', dir, `pr-20-cold.${i}`, timeBin);
      runs.push(r);
      log(`  controlgate cold run ${i}/${opts.coldRuns}: ${r.status} wall ${r.wall.toFixed(2)} s, cpu ${r.cpu?.toFixed(2) ?? '?'} s, maxRSS ${mb(r.maxRss)}`);
    }
    results.cold = { scenario: 'pr-20', evicted: 'node binary, dist/*, the 20 input files (posix_fadvise DONTNEED)', runs, wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), maxWall: Math.max(...runs.map((r) => r.wall)) };
  }

  results.meta.loadavgEnd = loadavg();
  results.meta.finished = new Date().toISOString();
  results.targets = targets(results);
  const md = markdown(results);
  console.log(md);
  mkdirSync(opts.out, { recursive: true });
  const day = started.toISOString().slice(0, 10);
  let base = path.join(opts.out, day);
  for (let k = 2; existsSync(`${base}.json`); k++) base = path.join(opts.out, `${day}-${k}`);
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
  writeFileSync(`${base}.md`, md);
  log(`wrote ${path.relative(repo, base)}.md and .json`);
}

const mb = (b) => (b == null ? '?' : `${Math.round(b / 2 ** 20)} MB`);
const sec = (x) => (x == null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : (a / b).toFixed(2));

function targets(res) {
  const t = [];
  const c = res.scenarios.corpus?.median;
  const cg = c?.controlgate;
  if (cg?.wall) {
    // Against each of Trivy and tfsec; a peer that timed out took at least the timeout.
    for (const peer of ['trivy', 'tfsec']) {
      const m = c[peer];
      if (!m) continue;
      // Peers' times do not depend on Controlgate's build: compare with this file's Controlgate.
      const cgw = cg.wall;
      const timedOut = (res.scenarios.corpus.runs[peer] ?? []).some((r) => r.status === 'timeout');
      const name = peer === 'trivy' ? 'Trivy' : 'tfsec';
      if (m.wall) t.push({ target: `corpus: wall <= 0.5 x ${name}`, value: `${(cgw / m.wall).toFixed(2)} x ${name}`, met: cgw <= 0.5 * m.wall });
      else if (timedOut) {
        const to = m.timeoutSec ?? res.meta.timeoutSec;
        t.push({ target: `corpus: wall <= 0.5 x ${name}`, value: `< ${(cgw / to).toFixed(2)} x ${name} (${name} timed out at ${to} s)`, met: cgw <= 0.5 * to });
      }
    }
    const ck = c.checkov?.wall;
    const ckTimedOut = res.scenarios.corpus.runs.checkov?.[0]?.status === 'timeout';
    const ckTo = c.checkov?.timeoutSec ?? res.meta.timeoutSec;
    t.push({
      target: 'corpus: >= 20 x faster than Checkov',
      value: ck ? `${(ck / cg.wall).toFixed(1)} x faster` : ckTimedOut ? `> ${(ckTo / cg.wall).toFixed(1)} x faster (Checkov timed out at ${ckTo} s)` : c.checkov?.status ?? 'no Checkov result',
      met: ck ? ck / cg.wall >= 20 : ckTimedOut && ckTo / cg.wall >= 20 ? true : null,
    });
    const mem = cg.treeRss ?? cg.maxRss;
    t.push({ target: 'corpus: peak memory <= 400 MB', value: mb(mem), met: mem != null ? mem <= 400 * 2 ** 20 : null });
  }
  if (res.cold) t.push({ target: 'PR (20 files): <= 1.5 s wall from a cold start (page cache evicted)', value: `${sec(res.cold.wall)} s median (max ${sec(res.cold.maxWall)} s)`, met: res.cold.wall <= 1.5 });
  if (res.scenarios['pr-20']?.median.controlgate?.wall) {
    const w = res.scenarios['pr-20'].median.controlgate.wall;
    t.push({ target: 'PR (20 files): <= 1.5 s wall (fresh process, warm page cache)', value: `${sec(w)} s`, met: w <= 1.5 });
  }
  const g1 = res.scenarios['gen-1k']?.median.controlgate?.wall;
  const g10 = res.scenarios['gen-10k']?.median.controlgate?.wall;
  const g20 = res.scenarios['gen-20k']?.median.controlgate?.wall;
  if (g1 && g10) t.push({ target: '10 x the files <= 11 x the time (gen-1k -> gen-10k)', value: `${(g10 / g1).toFixed(2)} x`, met: g10 / g1 <= 11 });
  if (g10 && g20) t.push({ target: '2 x the files <= 2.2 x the time (gen-10k -> gen-20k)', value: `${(g20 / g10).toFixed(2)} x`, met: g20 / g10 <= 2.2 });
  return t;
}

function markdown(res) {
  const L = [];
  L.push(`# Controlgate benchmark, ${res.meta.started.slice(0, 16).replace('T', ' ')} UTC`, '');
  L.push(`Machine: ${res.meta.host.cpus} cores (${res.meta.host.model}), ${res.meta.host.memGiB} GiB, Linux ${res.meta.host.kernel}; shared: load average ${res.meta.loadavgStart.join(' / ')} at start, ${res.meta.loadavgEnd.join(' / ')} at end (1/5/15 min).`);
  L.push(`Medians of up to ${res.meta.runs} run(s) per tool (one only when the first took over ${res.meta.repeatUnderSec} s), runs interleaved across tools; every run is a fresh process; timeout ${res.meta.timeoutSec} s per run. Measured with ${res.meta.measuredWith}.`, '');
  L.push('| tool | version | notes |', '|---|---|---|');
  for (const [n, t] of Object.entries(res.tools)) {
    L.push(`| ${n} | ${t.version ?? '–'} | ${t.available ? '' : `**not available**: ${t.note.replace(/\|/g, '/')}`}${t.available && !t.packer ? 'Terraform only (no Packer support)' : ''} |`);
  }
  L.push('');
  for (const [sc, s] of Object.entries(res.scenarios)) {
    const f = s.files;
    L.push(`## ${sc}: ${f.total} files (${f.tf} Terraform .tf, ${f.tfvars} .tfvars, ${f.packer} Packer), ${(f.bytes / 1e6).toFixed(1)} MB`, '');
    L.push(`Load average during: ${s.loadavgStart[0]} → ${s.loadavgEnd[0]}. Files/s counts all ${f.total} files for every tool.`, '');
    L.push('| tool | status | wall (s) | CPU user+sys (s) | max RSS | tree peak RSS | files/s | findings | Controlgate/tool wall | Controlgate/tool CPU |', '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    const cg = s.median.controlgate;
    for (const [t, m] of Object.entries(s.median)) {
      L.push(`| ${t} | ${m.status}${m.status === 'ok' ? ` (${m.okRuns} run${m.okRuns === 1 ? '' : 's'})` : ''}${m.separateRun ? ', separate run†' : ''} | ${sec(m.wall)} | ${sec(m.cpu)} | ${mb(m.maxRss)} | ${mb(m.treeRss)} | ${m.filesPerSec ? Math.round(m.filesPerSec) : '–'} | ${m.findings ?? '–'} | ${t === 'controlgate' ? '1' : ratio(m.cgWall ?? cg?.wall, m.wall)} | ${t === 'controlgate' ? '1' : ratio(m.cgCpu ?? cg?.cpu, m.cpu)} |`);
    }
    const dists = [...new Set((s.runs.controlgate ?? []).map((r) => r.dist).filter(Boolean))];
    if (dists.length > 1) L.push('', `- **dist/ changed during this scenario** (rebuilt by someone else): Controlgate runs measured ${dists.join(', ')} in turn.`);
    const bad = Object.entries(s.runs).flatMap(([t, rs]) => rs.filter((r) => r.status !== 'ok').map((r) => `${t}: ${r.status === 'timeout' ? `timeout (killed after ${s.median[t]?.timeoutSec ?? res.meta.timeoutSec} s; peak tree RSS until then ${mb(r.treeRss)})` : r.status}${r.stderrTail && r.status !== 'timeout' ? ` — ${r.stderrTail}` : ''}`));
    if (bad.length) L.push('', ...[...new Set(bad)].map((b) => `- ${b.replace(/\|/g, '/')}`));
    L.push('');
  }
  if (res.cold) {
    L.push(`## Cold start: Controlgate on the 20-file PR`, '', `Fresh process each time, page cache evicted for ${res.cold.evicted}.`, '');
    L.push(`Wall: ${res.cold.runs.map((r) => sec(r.wall)).join(', ')} s (median ${sec(res.cold.wall)} s); CPU median ${sec(res.cold.cpu)} s.`, '');
  }
  if (res.targets.length) {
    L.push('## Targets (issue #8)', '', '| target | today | met |', '|---|---|---|');
    for (const t of res.targets) L.push(`| ${t.target} | ${t.value} | ${t.met == null ? 'n/a' : t.met ? 'yes' : '**no**'} |`);
    L.push('');
  }
  if (res.meta.sources) L.push(`Merged from ${res.meta.sources.join(', ')}. † Measured in another run of the benchmark: its ratio columns are to that run's Controlgate median (which may be another build of dist/); the targets compare it with this table's Controlgate.`, '');
  L.push('Ratios below 1 mean Controlgate is faster. Peers scan Terraform only; Controlgate also scans the Packer templates.', '');
  return L.join('\n');
}

/**
 * --render a.json [b.json ...]: print the Markdown of one or more result files merged (scenarios and
 * tools of later files are added; a peer measured in another run keeps its ratio to that run's
 * Controlgate median), with the targets recomputed.
 */
function render(files) {
  const all = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const res = structuredClone(all[0]);
  res.meta.sources = files.map((f) => path.basename(f));
  for (const other of all.slice(1)) {
    for (const [n, t] of Object.entries(other.tools)) res.tools[n] ??= t;
    for (const [sc, s] of Object.entries(other.scenarios)) {
      const mine = res.scenarios[sc];
      if (!mine) {
        res.scenarios[sc] = s;
        continue;
      }
      for (const [t, m] of Object.entries(s.median)) {
        if (t === 'controlgate' || mine.median[t]) continue;
        mine.median[t] = { ...m, cgWall: s.median.controlgate?.wall, cgCpu: s.median.controlgate?.cpu, separateRun: true, timeoutSec: other.meta.timeoutSec };
        mine.runs[t] = s.runs[t];
      }
    }
    res.cold ??= other.cold;
  }
  res.targets = targets(res);
  return markdown(res);
}

if (process.argv[2] === '--render') {
  console.log(render(process.argv.slice(3)));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
