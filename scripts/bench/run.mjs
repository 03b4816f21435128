#!/usr/bin/env node
// The benchmark (npm run bench): Controlgate against its peers, same inputs, same run (issue #20).
//
//   node scripts/bench/run.mjs [--runs 3] [--scenarios pr-20,gen-1k,corpus-tfsec,corpus,gen-10k,gen-20k,gen-50k]
//                              [--tools controlgate,tfsec-all,tfsec,trivy,checkov,conftest] [--timeout 900]
//                              [--seed 1] [--cold-runs 3] [--no-install] [--out bench-results]
//                              [--corpus ../shared/corpora] [--repeat-under 300] [--slow-peer-max-files 3000]
//                              [--compare-dist DIR] [--no-count] [--no-stages]
//
// Equal work: tfsec-all is tfsec with --force-all-dirs (every folder, as the others scan); tfsec is
// its default mode, which stops at the first folder level holding .tf files (reported for
// reference: it parses a fraction of the files). corpus-tfsec is the corpus repositories on which
// tfsec --force-all-dirs completes (probed once, cached; the ones where it aborts are listed).
// Every tool runs with networking disabled (its own network namespace, `unshare -n`, when the
// kernel permits it; otherwise proxies pointing at a closed local port) and its offline flags.
// Each row says how many files the tool parsed, counted from its debug output in one extra,
// untimed run (--no-count skips it), and how many findings it reported.
// --compare-dist DIR adds `controlgate-base`: another build of dist/ (e.g. main's) measured in the
// same interleaved runs, so that a change is reported as a paired ratio.
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
// Smallest first, so that a tool that times out is not run on the larger ones.
const ALL_SCENARIOS = ['pr-20', 'gen-1k', 'corpus-tfsec', 'corpus', 'gen-10k', 'gen-20k', 'gen-50k'];
const ALL_TOOLS = ['controlgate', 'controlgate-base', 'tfsec-all', 'tfsec', 'trivy', 'checkov', 'conftest'];
/** The memory series (issue #20): Controlgate's peak RSS over these tree sizes. */
const MEMORY_SERIES = ['gen-1k', 'gen-10k', 'gen-20k', 'gen-50k'];
const opts = {
  runs: 3, coldRuns: 3, timeout: 900, repeatUnder: 300, seed: 1, install: true, out: path.join(repo, 'bench-results'),
  scenarios: ALL_SCENARIOS, tools: ALL_TOOLS.filter((t) => t !== 'controlgate-base'), corpus: defaultCorpus(),
  // Trivy and Checkov take minutes per thousand files: not run on larger scenarios (reported as skipped).
  slowPeerMaxFiles: 3000, compareDist: null, count: true, stages: true,
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
      case '--slow-peer-max-files': opts.slowPeerMaxFiles = int(v(), k, 0); break;
      case '--compare-dist': opts.compareDist = path.resolve(v()); break;
      case '--no-count': opts.count = false; break;
      case '--no-stages': opts.stages = false; break;
      case '-h': case '--help': usage(); break;
      default: usage(`unknown option ${a[i]}`);
    }
  }
}
/** ../shared/corpora beside the checkout; from a git worktree, beside the main checkout. */
function defaultCorpus() {
  const beside = path.resolve(repo, '..', 'shared', 'corpora');
  if (existsSync(beside)) return beside;
  const common = spawnSync('git', ['-C', repo, 'rev-parse', '--path-format=absolute', '--git-common-dir'], { encoding: 'utf8' }).stdout?.trim();
  const main = common ? path.resolve(path.dirname(common), '..', 'shared', 'corpora') : undefined;
  return main && existsSync(main) ? main : beside;
}
function usage(msg) {
  if (msg) console.error(`error: ${msg}`);
  console.error('usage: node scripts/bench/run.mjs [--runs n] [--cold-runs n] [--scenarios a,b] [--tools a,b] [--timeout s] [--repeat-under s] [--seed n] [--no-install] [--out dir] [--corpus dir] [--slow-peer-max-files n] [--compare-dist dir] [--no-count] [--no-stages]');
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

/** How each tool is run on a folder. `out` is a file for its report.
 * parsed(stdout, stderr, report): files the tool says it parsed, read from its debug output in the
 * untimed count run (countArgs/countEnv: the same scan with debug logging). */
const controlgate = (which) => ({
  exe: () => process.execPath,
  // A snapshot of dist/ taken when the benchmark starts (see snapshotDist), so that every run
  // measures the same build even when dist/ is rebuilt meanwhile.
  args: (dir) => [path.join(dists[which], 'cli.js'), 'scan', '.', '--root', dir, '--format', 'json', '--fail-on', 'never'],
  cwd: (dir) => dir,
  okCodes: [0],
  version: () => {
    if (which === 'base') return `dist/ of ${opts.compareDist} (snapshot, cli.js+controlgate.js+policy.wasm sha256 ${distHash(dists.base)}; node ${process.version})`;
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    const head = sh('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']) ?? '?';
    // Read-only: does the working tree's dist/ differ from HEAD's (someone's uncommitted build)?
    const dirty = spawnSync('git', ['-C', repo, 'diff', '--quiet', 'HEAD', '--', 'dist'], { stdio: 'ignore' }).status === 1;
    return `${pkg.version} (HEAD ${head}${dirty ? ', dist/ with uncommitted changes' : ''}; dist/ snapshot, cli.js+controlgate.js+policy.wasm sha256 ${distHash(dists.current)}; node ${process.version})`;
  },
  count: (j) => j?.summary?.findings,
  // The report lists every file it parsed (scanned), Packer included.
  parsedFromReport: (j) => j?.summary?.filesScanned,
  packer: true,
  dist: which,
});
const tfsecArgs = (dir, out) => [dir, '--format', 'json', '--out', out, '--no-color', '--soft-fail', '--no-module-downloads', '--no-code'];
const tfsec = (allDirs) => ({
  exe: () => path.join(bin, 'tfsec'),
  args: (dir, out) => [...tfsecArgs(dir, out), ...(allDirs ? ['--force-all-dirs'] : [])],
  countArgs: (dir, out) => [...tfsecArgs(dir, out), ...(allDirs ? ['--force-all-dirs'] : []), '--debug'],
  okCodes: [0],
  version: () => goVersion('tfsec') + (allDirs ? ', --force-all-dirs' : ', default mode (stops at the first folder level holding .tf files)'),
  env: { TFSEC_NO_UPDATE_CHECK: '1' },
  reportFile: true,
  count: (j) => j?.results?.length ?? 0,
  parsed: (out, err) => countDistinct(out + err, /\[parser\]\s+Parsing file '([^']+)'/g) ?? countDistinct(out + err, /Parsing '([^']+\.tf(?:\.json)?)'/g),
  packer: false,
});
const TOOLS = {
  controlgate: controlgate('current'),
  'controlgate-base': controlgate('base'),
  'tfsec-all': tfsec(true),
  tfsec: tfsec(false),
  trivy: {
    exe: () => path.join(bin, 'trivy'),
    // Offline: --skip-check-update (the checks built into the binary; the bundle is not fetched),
    // --skip-version-check (no release notice) and --disable-telemetry. `trivy config` has no
    // --offline-scan or --skip-db-update (those are fs/image flags, refused here) and no switch for
    // remote module downloads (registry.terraform.io): the network namespace stops those.
    // Terraform scanner only (it would otherwise also read the Packer JSON as CloudFormation or ARM
    // candidates).
    // --timeout: Trivy's own default (5 min) ends a large scan with "context deadline exceeded";
    // the benchmark's per-run timeout applies instead.
    args: (dir, out) => trivyArgs(dir, out),
    countArgs: (dir, out) => [...trivyArgs(dir, out), '--debug'].filter((a) => a !== '--quiet'),
    okCodes: [0],
    version: () => goVersion('trivy'),
    reportFile: true,
    count: (j) => (j?.Results ?? []).reduce((a, r) => a + (r.Misconfigurations?.length ?? 0), 0),
    // pkg/iac/scanners/terraform/parser: logger.Debug("Added file", log.FilePath(fullPath)) for each file parsed.
    // e.g. DEBUG [terraform parser] Added file  module="root" file_path="services/a/main.tf"
    parsed: (out, err) => countDistinct(out + err, /Added file\b[^\n]*?file_path="?([^"\s]+)"?/g),
    packer: false,
    slow: true,
  },
  checkov: {
    exe: () => path.join(cache, 'venv-checkov', 'bin', 'checkov'),
    // Terraform only (checkov has no Packer framework); offline: no platform download
    // (--skip-download, BC_SKIP_MAPPING), no module download, no version check.
    args: (dir) => ['-d', dir, '--framework', 'terraform', '--quiet', '--compact', '-o', 'json', '--soft-fail', '--skip-download', '--download-external-modules', 'false'],
    okCodes: [0],
    version: () => firstLine(sh(path.join(cache, 'venv-checkov', 'bin', 'checkov'), ['--version'], { timeout: 120_000 })),
    env: { BC_SKIP_MAPPING: 'TRUE', CHECKOV_DOWNLOAD_EXTERNAL_MODULES: 'false', LOG_LEVEL: 'WARNING' },
    countEnv: { LOG_LEVEL: 'DEBUG' },
    count: (j) => [j].flat().reduce((a, r) => a + (r?.summary?.failed ?? 0), 0),
    // checkov/terraform/parser_utils.py: logging.debug(f"Parsing {file_path}") once per file read.
    parsed: (out, err) => countDistinct(out + err, /\bParsing (\S+?\.tf(?:\.json)?)(?=\s|$)/gm),
    packer: false,
    slow: true,
  },
  conftest: {
    exe: () => path.join(bin, 'conftest'),
    // A small equivalent baseline (conftest-policy/), Terraform files parsed with the hcl2 parser.
    args: (dir) => ['test', '--parser', 'hcl2', '--policy', CONFTEST_POLICY, '--all-namespaces', '--no-fail', '--no-color', '-o', 'json', '--ignore', '\\.(tfvars|hcl|json)$', dir],
    okCodes: [0],
    version: () => goVersion('conftest'),
    count: (j) => (Array.isArray(j) ? j.reduce((a, r) => a + (r.failures?.length ?? 0), 0) : undefined),
    // One result per file it parsed and tested.
    parsedFromReport: (j) => (Array.isArray(j) ? new Set(j.map((r) => r.filename)).size : undefined),
    packer: false,
  },
};
function trivyArgs(dir, out) {
  return ['config', '--quiet', '--format', 'json', '--output', out, '--skip-check-update', '--skip-version-check', '--disable-telemetry', '--misconfig-scanners', 'terraform', '--cache-dir', TRIVY_CACHE, '--exit-code', '0', '--timeout', `${opts.timeout + 60}s`, dir];
}
/** How many distinct first groups of re in text; undefined when there is none (the pattern did not match this version's log). */
function countDistinct(text, re) {
  const seen = new Set();
  for (const m of text.matchAll(re)) seen.add(m[1]);
  return seen.size ? seen.size : undefined;
}
/** The dist/ folders measured: this checkout's, and --compare-dist's. */
const dists = { current: path.join(repo, 'dist'), base: null };
/** Copy a dist/ to .cache/bench/dist-<hash>/ (inside the repo, so package.json's "type" still applies). */
function snapshotDist(which, src) {
  const h = distHash(src);
  const dst = path.join(benchDir, `dist-${h}`);
  if (!existsSync(path.join(dst, 'cli.js'))) {
    mkdirSync(dst, { recursive: true });
    for (const f of readdirSync(src)) if (statSync(path.join(src, f)).isFile()) copyFileSync(path.join(src, f), path.join(dst, f));
  }
  dists[which] = dst;
  return h;
}

/** Which dist/ was measured (cli.js, the CLI bundle it loads when there is one, policy.wasm). */
function distHash(dir) {
  try {
    const h = createHash('sha256').update(readFileSync(path.join(dir, 'cli.js')));
    if (existsSync(path.join(dir, 'controlgate.js'))) h.update(readFileSync(path.join(dir, 'controlgate.js')));
    return h.update(readFileSync(path.join(dir, 'policy.wasm'))).digest('hex').slice(0, 12);
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
  if (name === 'controlgate-base') return { ok: !!opts.compareDist && existsSync(path.join(opts.compareDist, 'cli.js')), note: opts.compareDist ? `${opts.compareDist}/cli.js` : 'no --compare-dist' };
  const f = path.join(cache, 'bench-peers', `${name.replace(/-all$/, '')}.status`);
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

/**
 * The corpus folders on which tfsec --force-all-dirs completes: each repository of the corpus, and
 * for one where it aborts, each of its top folders. Probed once per tfsec build and corpus (cached in
 * .cache/bench/corpus-tfsec.probe.json); the folders are copied into .cache/bench/corpus-tfsec/.
 */
let tfsecProbe = null;
async function ensureCorpusTfsec(timeBin) {
  if (!existsSync(opts.corpus)) throw new Error(`corpus not found at ${opts.corpus} (--corpus)`);
  const dir = path.join(benchDir, 'corpus-tfsec');
  const probeFile = path.join(benchDir, 'corpus-tfsec.probe.json');
  const key = JSON.stringify({ tfsec: goVersion('tfsec'), corpus: createHash('sha256').update(sh('find', [opts.corpus, '-type', 'f', '-printf', '%P %s\n'])?.split('\n').sort().join('\n') ?? '').digest('hex').slice(0, 16) });
  if (existsSync(probeFile)) {
    const p = JSON.parse(readFileSync(probeFile, 'utf8'));
    if (p.key === key && existsSync(dir)) {
      tfsecProbe = p;
      return dir;
    }
  }
  if (!existsSync(TOOLS['tfsec-all'].exe())) throw new Error('corpus-tfsec needs tfsec (scripts/bench/peers.sh tfsec)');
  log(`probing where tfsec --force-all-dirs completes on the corpus (once per tfsec build) ...`);
  const folders = [];
  const probe = async (rel, depth) => {
    const r = await measure('tfsec-all', path.join(opts.corpus, rel), `probe.${rel.replace(/[\/]/g, '_')}`, timeBin, { timeout: 300, keepStderr: true });
    const ok = r.status === 'ok';
    log(`  tfsec --force-all-dirs on ${rel}: ${r.status}${ok ? '' : ` (${r.stderrTail ?? ''})`.slice(0, 300)}`);
    if (ok) {
      folders.push({ path: rel, status: 'ok' });
      return;
    }
    const subs = depth < 2 ? readdirSync(path.join(opts.corpus, rel), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(rel, e.name)) : [];
    if (!subs.length) {
      folders.push({ path: rel, status: r.status, why: abortReason(r) });
      return;
    }
    folders.push({ path: rel, status: r.status, why: abortReason(r), split: true });
    for (const sub of subs.sort()) await probe(sub, depth + 1);
  };
  for (const e of readdirSync(opts.corpus, { withFileTypes: true }).filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) await probe(e.name, 1);
  rmSync(dir, { recursive: true, force: true });
  for (const f of folders.filter((x) => x.status === 'ok')) copyTree(path.join(opts.corpus, f.path), path.join(dir, f.path));
  tfsecProbe = { key, folders };
  writeFileSync(probeFile, JSON.stringify(tfsecProbe, null, 2));
  return dir;
}
/** The last meaningful line of a failed run's stderr: an error or the panic. */
function abortReason(r) {
  const t = r.stderrFull ?? r.stderrTail ?? '';
  const lines = t.split('\n').map((l) => l.trim()).filter(Boolean);
  const hit = lines.find((l) => /^panic:|^Error:|\berror:/i.test(l));
  return (hit ?? lines.at(-1) ?? r.status).slice(0, 240);
}
function copyTree(src, dst) {
  mkdirSync(dst, { recursive: true });
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const a = path.join(src, e.name);
    const b = path.join(dst, e.name);
    if (e.isDirectory()) copyTree(a, b);
    else if (e.isFile()) copyFileSync(a, b);
  }
}

async function scenarioDir(name, timeBin) {
  switch (name) {
    case 'corpus':
      if (!existsSync(opts.corpus)) throw new Error(`corpus not found at ${opts.corpus} (--corpus)`);
      return opts.corpus;
    case 'corpus-tfsec': return ensureCorpusTfsec(timeBin);
    case 'gen-1k': return ensureGenerated(1000);
    case 'gen-10k': return ensureGenerated(10000);
    case 'gen-20k': return ensureGenerated(20000);
    case 'gen-50k': return ensureGenerated(50000);
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

/**
 * Networking off for every tool alike: its own network namespace (`unshare -n`: only a loopback
 * that is down) when permitted; otherwise HTTP(S) proxies at a closed local port (tools that honour
 * them fail fast instead of reaching out). Probed once.
 */
const NET = (() => {
  if (process.env.CONTROLGATE_BENCH_NETWORK === 'on') return { wrap: [], env: {}, how: 'networking NOT disabled (CONTROLGATE_BENCH_NETWORK=on)' };
  if (spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return { wrap: ['unshare', '-n'], env: {}, how: 'every tool in a network namespace of its own (`unshare -n`: no interface but a loopback that is down)' };
  const closed = 'http://127.0.0.1:9';
  return { wrap: [], env: { HTTP_PROXY: closed, HTTPS_PROXY: closed, http_proxy: closed, https_proxy: closed, NO_PROXY: '', no_proxy: '' }, how: '`unshare -n` is not permitted here: HTTP(S)_PROXY set to a closed local port for every tool (a tool that ignores proxies could still reach out)' };
})();

/** One run of tool on dir. o.count: the untimed count run (debug logging on, its output kept). */
function measure(tool, dir, label, timeBin, o = {}) {
  const t = TOOLS[tool];
  const timeout = o.timeout ?? opts.timeout;
  const outDir = path.join(benchDir, 'out');
  mkdirSync(outDir, { recursive: true });
  const kind = o.count ? 'count' : 'run';
  const report = path.join(outDir, `${label}.${tool}.${kind}.json`);
  const outFile = path.join(outDir, `${label}.${tool}.${kind}.stdout`);
  const errFile = path.join(outDir, `${label}.${tool}.${kind}.stderr`);
  const timeFile = path.join(outDir, `${label}.${tool}.time`);
  rmSync(report, { force: true });
  rmSync(timeFile, { force: true });
  const args = (o.count && t.countArgs ? t.countArgs : t.args)(dir, report);
  const inner = [...NET.wrap, t.exe(), ...args];
  const cmd = timeBin ? timeBin : inner[0];
  const argv = timeBin ? ['-f', '%e %U %S %M', '-o', timeFile, ...inner] : inner.slice(1);
  // A tool that writes its report to a file may still say why it failed on stdout (tfsec's "Error: scan failed").
  const outFd = openSync(t.reportFile ? outFile : report, 'w');
  const errFd = openSync(errFile, 'w');
  const dist = t.dist ? distHash(dists[t.dist]) : undefined;
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, argv, {
      cwd: t.cwd ? t.cwd(dir) : dir,
      env: { ...process.env, ...NET.env, ...(t.env ?? {}), ...(o.count ? t.countEnv ?? {} : {}) },
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
    }, timeout * 1000);
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
      let parsed;
      try {
        if (status === 'ok' && existsSync(report) && statSync(report).size < 300e6) {
          const j = JSON.parse(readFileSync(report, 'utf8'));
          findings = t.count(j);
          parsed = t.parsedFromReport?.(j);
        }
      } catch {
        findings = undefined;
      }
      const said = (f) => (existsSync(f) ? readFileSync(f, 'utf8').slice(-20000) : '');
      const stderrFull = status === 'ok' ? undefined : `${t.reportFile ? said(outFile) : ''}\n${said(errFile)}`.trim();
      const stderrTail = stderrFull === undefined ? undefined : abortReason({ stderrFull, status });
      if (o.count && t.parsed) {
        const big = (f) => (existsSync(f) ? readFileSync(f, 'latin1') : '');
        parsed = t.parsed(big(outFile), big(errFile));
      }
      if (o.count || (t.reportFile && status === 'ok')) rmSync(outFile, { force: true });
      if (o.count) {
        rmSync(errFile, { force: true }); // debug logs can be large
      }
      resolve({ status, wall, cpu, maxRss, treeRss: peakTree || null, findings, parsed, stderrTail, ...(o.keepStderr ? { stderrFull } : {}), load1: os.loadavg()[0], ...(dist ? { dist } : {}) });
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
  if (opts.compareDist && !opts.tools.includes('controlgate-base')) opts.tools.splice(opts.tools.indexOf('controlgate') + 1, 0, 'controlgate-base');
  log(`network: ${NET.how}`);

  // Peers: install what is wanted (cached after the first time), then record what we have.
  const peers = [...new Set(opts.tools.filter((t) => !TOOLS[t].dist).map((t) => t.replace(/-all$/, '')))];
  if (opts.install && peers.length) {
    log(`installing peers (pinned; cached in ${cache}): ${peers.join(', ')}`);
    spawnSync('bash', [path.join(here, 'peers.sh'), ...peers], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  if (opts.tools.includes('controlgate')) log(`measuring a snapshot of dist/ (${snapshotDist('current', path.join(repo, 'dist'))}) in ${path.relative(repo, dists.current)}`);
  if (opts.tools.includes('controlgate-base') && opts.compareDist) log(`and, as controlgate-base, a snapshot of ${opts.compareDist} (${snapshotDist('base', opts.compareDist)})`);
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
    slowPeerMaxFiles: opts.slowPeerMaxFiles, network: NET.how,
    measuredWith: timeBin ? `${timeBin} (wall from the parent; CPU = user+sys of the tree; max RSS = largest single process) + /proc tree-RSS sampler (50 ms)` : '/proc sampler only',
  };

  const timedOutOn = {};
  const order = ALL_SCENARIOS.filter((x) => opts.scenarios.includes(x));
  for (const sc of order) {
    let dir;
    try {
      dir = await scenarioDir(sc, timeBin);
    } catch (e) {
      log(`scenario ${sc}: not run (${e.message})`);
      results.scenarios[sc] = { error: e.message };
      continue;
    }
    const files = countFiles(dir);
    log(`scenario ${sc}: ${dir} (${files.total} files: ${files.tf} .tf, ${files.tfvars} .tfvars, ${files.packer} Packer; ${(files.bytes / 1e6).toFixed(1)} MB); load ${loadavg().join(' ')}`);
    const s = { dir: path.relative(repo, dir), files, loadavgStart: loadavg(), runs: {}, median: {}, counted: {} };
    if (sc === 'corpus-tfsec' && tfsecProbe) s.tfsecProbe = tfsecProbe.folders;
    for (const t of runnable) s.runs[t] = [];
    const skip = {};
    for (const t of runnable) {
      if (timedOutOn[t]) skip[t] = `skipped: timed out on ${timedOutOn[t]}`;
      else if (TOOLS[t].slow && files.total > opts.slowPeerMaxFiles) skip[t] = `not run: over ${opts.slowPeerMaxFiles} files (--slow-peer-max-files)`;
    }
    for (let i = 1; i <= opts.runs; i++) {
      for (const t of runnable) {
        const prev = s.runs[t];
        if (skip[t]) {
          if (i === 1) log(`  ${t}: ${skip[t]}`);
          continue;
        }
        if (prev.some((r) => r.status === 'timeout')) continue;
        if (prev.length && prev[0].wall > opts.repeatUnder) continue;
        // A tool that aborted (tfsec --force-all-dirs on the corpus) aborts the same way again.
        if (prev.length && prev[0].status !== 'ok' && prev[0].wall > 30) continue;
        const r = await measure(t, dir, `${sc}.${i}`, timeBin);
        prev.push(r);
        log(`  ${t.padEnd(16)} run ${i}/${opts.runs}: ${r.status} wall ${r.wall.toFixed(2)} s, cpu ${r.cpu?.toFixed(2) ?? '?'} s, maxRSS ${mb(r.maxRss)}, treeRSS ${mb(r.treeRss)}, findings ${r.findings ?? '?'}${r.stderrTail ? `  [${r.stderrTail}]` : ''}`);
      }
    }
    // Files parsed: from the report (Controlgate, conftest) or from one untimed debug run.
    for (const t of runnable) {
      if (skip[t]) continue;
      const first = s.runs[t].find((r) => r.status === 'ok');
      if (first?.parsed != null) s.counted[t] = { parsed: first.parsed, from: 'report' };
      else if (first && opts.count && TOOLS[t].parsed) {
        // Untimed, once, after the timed runs: debug logging slows some tools.
        const rr = await measure(t, dir, `${sc}.count`, null, { count: true });
        s.counted[t] = { parsed: rr.parsed ?? null, from: rr.parsed != null ? 'debug log' : `debug log (${rr.status}; no parse lines recognised)` };
        log(`  ${t.padEnd(16)} parsed ${rr.parsed ?? '?'} files (debug run: ${rr.status}, ${rr.wall.toFixed(1)} s)`);
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
        filesPerSec: wall ? files.total / wall : null, findings: ok[0]?.findings ?? null, parsed: s.counted[t]?.parsed ?? null,
        // Paired: run i of Controlgate against run i of this tool (same moment, same load), median of the ratios.
        pairedWall: pairedRatio(s.runs.controlgate, rs, 'wall'), pairedCpu: pairedRatio(s.runs.controlgate, rs, 'cpu'),
      };
      if (rs[0] && rs[0].status !== 'ok' && rs[0].status !== 'timeout') s.median[t].abort = abortReason(rs[0]);
    }
    s.loadavgEnd = loadavg();
    results.scenarios[sc] = s;
  }

  // Cold start: Controlgate on the 20-file PR, fresh process, page cache of node/dist/inputs evicted;
  // the two builds interleaved when --compare-dist is given.
  const coldTools = ['controlgate', 'controlgate-base'].filter((t) => runnable.includes(t));
  if (opts.scenarios.includes('pr-20') && coldTools.length && opts.coldRuns > 0) {
    const dir = await scenarioDir('pr-20');
    const runs = Object.fromEntries(coldTools.map((t) => [t, []]));
    for (let i = 1; i <= opts.coldRuns; i++) {
      for (const t of coldTools) {
        evict([process.execPath, ...listFiles(dists[TOOLS[t].dist]), ...listFiles(dir)]);
        const r = await measure(t, dir, `pr-20-cold.${i}`, timeBin);
        runs[t].push(r);
        log(`  ${t} cold run ${i}/${opts.coldRuns}: ${r.status} wall ${r.wall.toFixed(2)} s, cpu ${r.cpu?.toFixed(2) ?? '?'} s, maxRSS ${mb(r.maxRss)}`);
      }
    }
    const sum = (rs) => ({ runs: rs, wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), maxWall: Math.max(...rs.map((r) => r.wall)) });
    results.cold = { scenario: 'pr-20', evicted: 'node binary, dist/*, the 20 input files (posix_fadvise DONTNEED)', ...sum(runs.controlgate ?? []), ...(runs['controlgate-base'] ? { base: sum(runs['controlgate-base']) } : {}) };
  }

  // Where Controlgate's time goes on the corpus (current sources, one process).
  if (opts.stages && runnable.includes('controlgate') && opts.scenarios.some((x) => x.startsWith('corpus'))) {
    const r = spawnSync(process.execPath, [path.join(here, 'stages.mjs'), opts.corpus, '--json'], { encoding: 'utf8', cwd: repo, timeout: 600_000, maxBuffer: 64e6 });
    try {
      results.stages = { dir: 'corpus', ...JSON.parse(r.stdout) };
    } catch {
      results.stages = { error: (r.stderr || r.error?.message || 'no output').slice(-500) };
    }
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

/** Median over i of a[i][key] / b[i][key], both runs ok. */
function pairedRatio(a, b, key) {
  if (!a || !b || a === b) return null;
  const xs = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i].status === 'ok' && b[i].status === 'ok' && a[i][key] && b[i][key]) xs.push(a[i][key] / b[i][key]);
  return median(xs);
}

const mb = (b) => (b == null ? '?' : `${Math.round(b / 2 ** 20)} MB`);
const sec = (x) => (x == null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : (a / b).toFixed(2));

function targets(res) {
  const t = [];
  const cgOf = (sc, tool = 'controlgate') => res.scenarios[sc]?.median?.[tool];
  const MB300 = 300 * 2 ** 20;
  const series = MEMORY_SERIES.map((sc) => [sc, cgOf(sc)?.treeRss ?? cgOf(sc)?.maxRss]).filter(([, v]) => v != null);
  if (series.length) {
    const worst = Math.max(...series.map(([, v]) => v));
    t.push({ target: 'peak RSS <= 300 MB at any tree size (gen-1k .. gen-50k)', value: series.map(([sc, v]) => `${sc} ${mb(v)}`).join(', '), met: series.length === MEMORY_SERIES.length ? worst <= MB300 : worst <= MB300 ? null : false });
  }
  const corpus = cgOf('corpus');
  if (corpus?.wall) t.push({ target: 'full corpus <= 4 s wall', value: `${sec(corpus.wall)} s (CPU ${sec(corpus.cpu)} s)`, met: corpus.wall <= 4 });
  const g1 = cgOf('gen-1k')?.wall;
  const g10 = cgOf('gen-10k')?.wall;
  const g50 = cgOf('gen-50k')?.wall;
  if (g1 && g10) t.push({ target: 'linear: 10 x the files <= 10.5 x the time (gen-1k -> gen-10k)', value: `${(g10 / g1).toFixed(2)} x`, met: g10 / g1 <= 10.5 });
  if (g10 && g50) t.push({ target: 'linear: 5 x the files <= 5.25 x the time (gen-10k -> gen-50k)', value: `${(g50 / g10).toFixed(2)} x`, met: g50 / g10 <= 5.25 });
  const pr = cgOf('pr-20')?.wall;
  if (pr) t.push({ target: 'PR (20 files) <= 0.3 s warm (fresh process, warm page cache)', value: `${sec(pr)} s`, met: pr <= 0.3 });
  if (res.cold?.wall) t.push({ target: 'PR (20 files) <= 0.45 s cold (page cache evicted)', value: `${sec(res.cold.wall)} s median (max ${sec(res.cold.maxWall)} s)`, met: res.cold.wall <= 0.45 });
  return t;
}

function markdown(res) {
  const L = [];
  L.push(`# Controlgate benchmark, ${res.meta.started.slice(0, 16).replace('T', ' ')} UTC`, '');
  L.push(`Machine: ${res.meta.host.cpus} cores (${res.meta.host.model}), ${res.meta.host.memGiB} GiB, Linux ${res.meta.host.kernel}; shared: load average ${res.meta.loadavgStart.join(' / ')} at start, ${res.meta.loadavgEnd.join(' / ')} at end (1/5/15 min).`);
  L.push(`Medians of up to ${res.meta.runs} run(s) per tool (one only when the first took over ${res.meta.repeatUnderSec} s), runs interleaved across tools; every run is a fresh process; timeout ${res.meta.timeoutSec} s per run. Measured with ${res.meta.measuredWith}.`);
  L.push(`The ratio columns are paired: the median over runs i of Controlgate's run i / the tool's run i (adjacent in time, under the same load).`);
  if (res.meta.network) L.push(`Network: ${res.meta.network}; peers also run with their offline flags (see scripts/bench/run.mjs).`);
  L.push(`"files parsed" is what each tool reports having parsed: Controlgate's and conftest's reports list their files; tfsec, Trivy and Checkov are counted from their debug log in one extra, untimed run.`, '');
  L.push('| tool | version | notes |', '|---|---|---|');
  for (const [n, t] of Object.entries(res.tools)) {
    L.push(`| ${n} | ${t.version ?? '–'} | ${t.available ? '' : `**not available**: ${t.note.replace(/\|/g, '/')}`}${t.available && !t.packer ? 'Terraform only (no Packer support)' : ''} |`);
  }
  L.push('');
  for (const [sc, s] of Object.entries(res.scenarios)) {
    if (s.error) {
      L.push(`## ${sc}: not run`, '', s.error, '');
      continue;
    }
    const f = s.files;
    L.push(`## ${sc}: ${f.total} files (${f.tf} Terraform .tf, ${f.tfvars} .tfvars, ${f.packer} Packer), ${(f.bytes / 1e6).toFixed(1)} MB`, '');
    if (sc === 'corpus-tfsec' && s.tfsecProbe) {
      const ok = s.tfsecProbe.filter((x) => x.status === 'ok').map((x) => x.path);
      const bad = s.tfsecProbe.filter((x) => x.status !== 'ok' && !x.split);
      const split = s.tfsecProbe.filter((x) => x.split);
      L.push(`The corpus folders on which \`tfsec --force-all-dirs\` completes: ${ok.map((x) => `\`${x}\``).join(', ')}.`);
      if (split.length) L.push(`It aborts on ${split.map((x) => `\`${x.path}\``).join(', ')} as a whole (those were split into their top folders).`);
      if (bad.length) L.push('', 'Where it aborts (left out):', '', ...bad.map((x) => `- \`${x.path}\`: ${x.status} — ${String(x.why).replace(/\|/g, '/')}`));
      L.push('');
    }
    L.push(`Load average during: ${s.loadavgStart[0]} → ${s.loadavgEnd[0]}. Files/s counts all ${f.total} files for every tool.`, '');
    L.push('| tool | status | wall (s) | CPU user+sys (s) | max RSS | tree peak RSS | files/s | files parsed | findings | Controlgate/tool wall | Controlgate/tool CPU |', '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
    const cg = s.median.controlgate;
    for (const [t, m] of Object.entries(s.median)) {
      const rw = t === 'controlgate' ? '1' : m.pairedWall != null ? m.pairedWall.toFixed(2) : ratio(m.cgWall ?? cg?.wall, m.wall);
      const rc = t === 'controlgate' ? '1' : m.pairedCpu != null ? m.pairedCpu.toFixed(2) : ratio(m.cgCpu ?? cg?.cpu, m.cpu);
      L.push(`| ${t} | ${m.status}${m.status === 'ok' ? ` (${m.okRuns} run${m.okRuns === 1 ? '' : 's'})` : ''}${m.separateRun ? ', separate run†' : ''} | ${sec(m.wall)} | ${sec(m.cpu)} | ${mb(m.maxRss)} | ${mb(m.treeRss)} | ${m.filesPerSec ? Math.round(m.filesPerSec) : '–'} | ${m.parsed ?? '–'} | ${m.findings ?? '–'} | ${rw} | ${rc} |`);
    }
    const dists = [...new Set((s.runs.controlgate ?? []).map((r) => r.dist).filter(Boolean))];
    if (dists.length > 1) L.push('', `- **dist/ changed during this scenario** (rebuilt by someone else): Controlgate runs measured ${dists.join(', ')} in turn.`);
    const bad = Object.entries(s.runs).flatMap(([t, rs]) => rs.filter((r) => r.status !== 'ok').map((r) => `${t}: ${r.status === 'timeout' ? `timeout (killed after ${s.median[t]?.timeoutSec ?? res.meta.timeoutSec} s; peak tree RSS until then ${mb(r.treeRss)})` : `${r.status} — ${s.median[t]?.abort ?? r.stderrTail ?? ''}`}`));
    if (bad.length) L.push('', ...[...new Set(bad)].map((b) => `- ${b.replace(/\|/g, '/')}`));
    L.push('');
  }
  const series = MEMORY_SERIES.filter((sc) => res.scenarios[sc]?.median?.controlgate);
  if (series.length) {
    const builds = ['controlgate', 'controlgate-base'].filter((t) => series.some((sc) => res.scenarios[sc].median[t]));
    L.push('## Memory series: peak RSS by tree size', '', `| tree | files | ${builds.map((b) => `${b} tree peak RSS | ${b} wall (s)`).join(' | ')} |`, `|---|--:|${builds.map(() => '--:|--:|').join('')}`);
    for (const sc of series) {
      const s = res.scenarios[sc];
      L.push(`| ${sc} | ${s.files.total} | ${builds.map((b) => `${mb(s.median[b]?.treeRss)} | ${sec(s.median[b]?.wall)}`).join(' | ')} |`);
    }
    L.push('');
  }
  if (res.cold) {
    L.push(`## Cold start: Controlgate on the 20-file PR`, '', `Fresh process each time, page cache evicted for ${res.cold.evicted}.`, '');
    L.push(`Wall: ${res.cold.runs.map((r) => sec(r.wall)).join(', ')} s (median ${sec(res.cold.wall)} s); CPU median ${sec(res.cold.cpu)} s.`);
    if (res.cold.base) L.push(`controlgate-base (interleaved): ${res.cold.base.runs.map((r) => sec(r.wall)).join(', ')} s (median ${sec(res.cold.base.wall)} s); CPU median ${sec(res.cold.base.cpu)} s.`);
    L.push('');
  }
  if (res.stages && !res.stages.error) {
    const r = res.stages;
    L.push('## Stage breakdown: Controlgate on the corpus (scripts/bench/stages.mjs, current sources, one process)', '');
    L.push(`${r.files} files (${r.parsed} parsed), ${r.resources} resources, input ${r.inputMB} MB JSON, ${r.outcomes} outcomes, ${r.findings} findings, peak RSS ${r.peakRssMB} MB.`, '');
    L.push('| stage | wall (ms) | CPU (ms) | RSS after (MB) |', '|---|--:|--:|--:|');
    for (const x of r.stages) L.push(`| ${x.stage} | ${x.wallMs} | ${x.cpuMs} | ${x.rssMB} |`);
    L.push('');
  } else if (res.stages?.error) L.push('## Stage breakdown', '', `stages.mjs failed: ${res.stages.error}`, '');
  if (res.targets.length) {
    L.push('## Targets (issue #20)', '', '| target | measured | met |', '|---|---|---|');
    for (const t of res.targets) L.push(`| ${t.target} | ${t.value} | ${t.met == null ? 'n/a' : t.met ? 'yes' : '**no**'} |`);
    L.push('');
  }
  if (res.meta.sources) L.push(`Merged from ${res.meta.sources.join(', ')}. † Measured in another run of the benchmark: its ratio columns are to that run's Controlgate median (which may be another build of dist/); the targets compare it with this table's Controlgate.`, '');
  L.push('Ratios below 1 mean Controlgate is faster. Peers scan Terraform only; Controlgate also scans the Packer templates. tfsec (default mode) stops at the first folder level holding .tf files: compare its "files parsed" before its time.', '');
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
