// `controlgate evidence verify <evidence.json> [--repo <dir>] [--bundle <dir>]`: trust nothing the
// evidence says that can be recomputed. The recorded commit's files (from git when the commit is in
// the repository, else the working tree, whose files must have the recorded digests) are evaluated
// again with the recorded configuration (the configuration files re-read, their digests checked) and
// the recorded policy bundle, at the recorded time (waiver expiry), and every count, finding,
// evaluation, waiver, control and file entry is compared with what the evidence says. Not derivable
// from files: which findings were in the pull request's scope (taken from the evidence, checked for
// consistency), the run context and enforcement (signed by an artifact attestation, README).
import { childProcess } from '../../util/builtins.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkspaceFile } from '../../util/workspace-read.js';
import { buildEvidence, canonicalJson, centralWaiversSha256, sha256, type Evidence } from './evidence.js';
import { runPipeline, type RunSettings } from '../../engine/scan.js';
import { emptyConfig, loadConfig, type Config } from '../../config/config.js';
import { resolveSettings, type Given } from '../../config/settings.js';
import { recordedSettings } from '../../config/apply.js';
import type { Finding } from '../../model/types.js';
import { gitChanges, hasCommit } from '../../scope/diff.js';
import { headLineMapping } from '../../scope/lines.js';
import { scopeOnHead } from '../../scope/scope.js';
import { BaselineError, readBaseline } from '../../baseline/baseline.js';
import { pushAt } from '../../util/multimap.js';

export type VerifyProblemKind =
  | 'malformed'
  | 'bundle-differs'
  | 'catalog-differs'
  | 'file-changed'
  | 'file-missing'
  | 'configuration-differs'
  | 'config-file-changed'
  | 'waivers-differ'
  | 'recomputed-differs';

/** A file the evidence lists may be this large (plans are up to 16 x 4 MiB). */
const MAX_VERIFIED_FILE_BYTES = 256 * 1024 * 1024;

export interface VerifyProblem {
  kind: VerifyProblemKind;
  path?: string;
  detail: string;
}

export interface VerifyReport {
  checkedFiles: number;
  source: string;
  /** True when the findings were evaluated again (same bundle, files available). */
  recomputed: boolean;
  /** How the pull request's scope was checked: recomputed from git, or taken from the evidence (and why). */
  scope?: string;
  problems: VerifyProblem[];
}

export interface VerifyOptions {
  repo: string;
  /** Folder holding policy.wasm and catalog.json to evaluate with (this installation's by default). */
  assetsDir: string;
  /** True when assetsDir was given by the user (--bundle): the message for a different digest says so. */
  bundleGiven?: boolean;
}

function git(dir: string, args: string[]): Buffer | undefined {
  try {
    return childProcess().execFileSync('git', ['-C', dir, ...args], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

interface Source {
  description: string;
  /** The folder holding the files as scanned (a temporary extraction of the commit, or the repository). */
  dir: string;
  read(p: string): Buffer | undefined;
  dispose(): void;
}

/** The files at `commit` (extracted from git into a temporary folder), else the working tree. */
function sourceFor(repo: string, commit: string | undefined): Source {
  const fromTree = (description: string): Source => ({
    description,
    dir: path.resolve(repo),
    read: (p) => {
      // The evidence names the files: read them only inside the repository, regular files only.
      try {
        return readWorkspaceFile(repo, p, MAX_VERIFIED_FILE_BYTES, 'file').bytes;
      } catch {
        return undefined;
      }
    },
    dispose: () => undefined,
  });
  if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit) || git(repo, ['cat-file', '-e', `${commit}^{commit}`]) === undefined) {
    return fromTree(commit ? `working tree (commit ${commit} is not in ${repo})` : 'working tree');
  }
  const prefix = (git(repo, ['rev-parse', '--show-prefix'])?.toString('utf8') ?? '').trim();
  const tmp = mkdtempSync(path.join(tmpdir(), 'cg-verify-'));
  const tar = path.join(tmp, 'tree.tar');
  const dir = path.join(tmp, 'tree');
  const treeish = prefix ? `${commit}:${prefix.replace(/\/$/, '')}` : commit;
  try {
    childProcess().execFileSync('git', ['-C', repo, 'archive', '--format=tar', '-o', tar, treeish], { stdio: ['ignore', 'ignore', 'pipe'] });
    childProcess().execFileSync('mkdir', ['-p', dir]);
    childProcess().execFileSync('tar', ['-xf', tar, '-C', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch {
    rmSync(tmp, { recursive: true, force: true });
    return fromTree(`working tree (commit ${commit} could not be extracted)`);
  }
  return {
    description: `git commit ${commit}`,
    dir,
    read: (p) => git(repo, ['show', `${commit}:${prefix}${p}`]),
    dispose: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : typeof v === 'string' ? JSON.stringify(v) : canonicalJson(v));

/** Field-by-field differences of two records, as "field: evidence says X, recomputed Y". */
function fieldDiffs(recorded: Record<string, unknown>, expected: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(recorded)])].sort();
  return keys.filter((k) => canonicalJson(recorded[k]) !== canonicalJson(expected[k])).map((k) => `${k}: evidence says ${show(recorded[k])}, recomputed ${show(expected[k])}`);
}

/** Compare two lists entry by entry under `key`: missing, extra and changed entries. */
function compareList<T extends object>(section: string, recorded: unknown, expected: T[], key: (t: T) => string, problems: VerifyProblem[]): void {
  if (!Array.isArray(recorded)) {
    problems.push({ kind: 'recomputed-differs', path: section, detail: 'missing from the evidence' });
    return;
  }
  const group = (xs: T[]): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const x of xs) pushAt(m, key(x), x);
    return m;
  };
  const rec = group(recorded as T[]);
  const exp = group(expected);
  for (const [k, es] of exp) {
    const rs = rec.get(k) ?? [];
    if (rs.length < es.length) {
      problems.push({ kind: 'recomputed-differs', path: `${section}[${k}]`, detail: rs.length ? `recomputed ${es.length} entries, the evidence has ${rs.length}` : 'recomputed, but missing from the evidence' });
    }
    for (let i = 0; i < Math.min(rs.length, es.length); i++) {
      for (const d of fieldDiffs(rs[i] as Record<string, unknown>, es[i] as Record<string, unknown>)) problems.push({ kind: 'recomputed-differs', path: `${section}[${k}]`, detail: d });
    }
  }
  for (const [k, rs] of rec) {
    const n = exp.get(k)?.length ?? 0;
    if (rs.length > n) problems.push({ kind: 'recomputed-differs', path: `${section}[${k}]`, detail: n ? `the evidence has ${rs.length} entries, recomputed ${n}` : 'in the evidence, but not recomputed' });
  }
}

function compareRecord(section: string, recorded: unknown, expected: object, problems: VerifyProblem[]): void {
  const r = recorded && typeof recorded === 'object' ? (recorded as Record<string, unknown>) : {};
  for (const d of fieldDiffs(r, expected as Record<string, unknown>)) problems.push({ kind: 'recomputed-differs', path: section, detail: d });
}

/** Origins that mean "given to this run" (action input, CLI flag): not re-derivable from files. */
const GIVEN_KEYS: Record<string, keyof Given> = {
  paths: 'paths',
  'fail-on': 'failOn',
  frameworks: 'frameworks',
  'var-files': 'varFiles',
  scope: 'scope',
  'max-file-bytes': 'maxFileBytes',
  'policy-bundles': 'policyBundles',
  check: 'checks',
  'skip-check': 'skipChecks',
  'skip-path': 'skipPaths',
};
const SETTING_OF: Record<keyof Given, string> = {
  paths: 'paths',
  failOn: 'failOn',
  frameworks: 'frameworks',
  varFiles: 'varFiles',
  scope: 'scope',
  maxFileBytes: 'maxFileBytes',
  policyBundles: 'policyBundles',
  checks: 'checks',
  skipChecks: 'skipChecks',
  skipPaths: 'skipPaths',
};

/** The settings a re-run gets: the configuration files re-read from the source, what was given to the run from the evidence. */
function reResolve(settings: Record<string, unknown>, configFiles: Array<{ path: string }>, src: Source): { config: Config; given: Given; explicit: 'input' | 'flag' } {
  const last = configFiles.at(-1);
  const config = last ? loadConfig(path.join(src.dir, last.path)) : emptyConfig();
  const origin = (settings.origin ?? {}) as Record<string, string>;
  const given: Given = {};
  for (const [key, g] of Object.entries(GIVEN_KEYS)) {
    if (origin[key] !== 'input' && origin[key] !== 'flag') continue;
    const v = settings[SETTING_OF[g]];
    if (v !== undefined && v !== null) (given as Record<string, unknown>)[g] = v;
  }
  // Bundles named in the file come from the file; the evidence lists file ones first.
  if (Array.isArray(settings.policyBundles) && origin['policy-bundles'] !== 'default') {
    const fromFile = config.policyBundles.length;
    const rest = (settings.policyBundles as string[]).slice(fromFile);
    if (rest.length) given.policyBundles = rest;
    else delete given.policyBundles;
  }
  return { config, given, explicit: Object.values(origin).includes('flag') ? 'flag' : 'input' };
}

/** Absolute paths recorded by the run, made relative to its base folder (where its configuration files were). */
function runBase(settings: Record<string, unknown>, files: Array<{ path: string }>): string | undefined {
  const abs = Array.isArray(settings.configFiles) ? (settings.configFiles as string[]) : [];
  const first = abs[0];
  const rel = files[0]?.path;
  if (!first || !rel || !first.replace(/\\/g, '/').endsWith(rel)) return undefined;
  return first.slice(0, first.length - rel.length).replace(/[\\/]$/, '');
}

function portable(v: unknown, base: string | undefined): unknown {
  if (typeof v === 'string' && base && path.isAbsolute(v) && (v === base || v.startsWith(`${base}/`) || v.startsWith(`${base}\\`))) {
    return path.relative(base, v).split(path.sep).join('/') || '.';
  }
  if (Array.isArray(v)) return v.map((x) => portable(x, base));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, portable(x, base)]));
  return v;
}

/** The recorded settings that are derivable (everything but where the files were and what the action added). */
function derivable(s: Record<string, unknown>, base: string | undefined): Record<string, unknown> {
  const { configFiles: _files, scope: _scope, workingDirectory: _wd, prComments: _pc, ...rest } = s;
  void _files;
  void _scope;
  void _wd;
  void _pc;
  return portable(rest, base) as Record<string, unknown>;
}

/** A baseline the run applied, re-read from the source (relative to the repository): the same bytes
 * (its sha256) or a problem, then applied as the run applied it. */
/** The baseline the evidence says was applied, read again; a problem (and none applied) when it cannot be. */
function recordedBaseline(recorded: Evidence['baseline'], dir: string, problems: VerifyProblem[]): NonNullable<RunSettings['baseline']> | undefined {
  if (!recorded) return undefined;
  try {
    const b = readBaseline(path.resolve(dir, recorded.file), dir, recorded.file);
    if (b.sha256 !== recorded.sha256) problems.push({ kind: 'recomputed-differs', path: 'baseline', detail: `${recorded.file} has sha256 ${b.sha256}, the evidence says ${recorded.sha256}` });
    return { ...b, file: recorded.file };
  } catch (err) {
    if (!(err instanceof BaselineError)) throw err;
    problems.push({ kind: 'recomputed-differs', path: 'baseline', detail: err.message });
    return undefined;
  }
}

/**
 * The findings in the pull request's scope, recomputed as the run did when the repository holds the
 * base, the head and their merge base (git diff base...head) and the scanned commit; otherwise why not.
 */
function recomputeScope(repo: string, e: Partial<Evidence>, findings: Finding[]): { inScope: Set<string> } | { why: string } {
  const c = e.change;
  const mode = e.scope?.mode;
  if (!c || !mode || mode === 'all' || e.scope?.source === 'none') return { why: 'no changed-lines scope was applied' };
  const checkout = c.scannedCommit ?? e.run?.commit;
  if (!checkout || ![c.baseSha, c.headSha, checkout].every((sha) => hasCommit(repo, sha))) {
    return { why: `the base, head and scanned commits are not all in ${repo}` };
  }
  try {
    const changes = gitChanges(repo, c.baseSha, c.headSha);
    const lines = headLineMapping(repo, c.headSha, { fetch: false, checkout });
    return { inScope: scopeOnHead(findings, mode, changes, lines).scoped.inScope };
  } catch {
    return { why: `the merge base of ${c.baseSha.slice(0, 12)} and ${c.headSha.slice(0, 12)} is not in ${repo}` };
  }
}

export async function verifyEvidence(evidence: unknown, o: VerifyOptions): Promise<VerifyReport> {
  const e = evidence as Partial<Evidence>;
  const problems: VerifyProblem[] = [];
  if (!e || typeof e !== 'object' || !Array.isArray(e.files) || !e.policyBundle?.sha256 || !e.configuration || !e.result) {
    return { checkedFiles: 0, source: '', recomputed: false, problems: [{ kind: 'malformed', detail: 'not a Controlgate evidence file (no files, policyBundle, configuration or result)' }] };
  }
  let sameBundle = true;
  const wasm = sha256(readFileSync(path.join(o.assetsDir, 'policy.wasm')));
  if (wasm !== e.policyBundle.sha256) {
    sameBundle = false;
    problems.push({
      kind: 'bundle-differs',
      detail: `the evidence was produced with policy bundle sha256 ${e.policyBundle.sha256}, but ${o.bundleGiven ? `the bundle given (${o.assetsDir})` : "this installation's"} policy.wasm has ${wasm}: the findings were not recomputed. Pass --bundle <folder holding the recorded policy.wasm and catalog.json> (the dist/ folder of controlgate ${e.tool?.version ?? ''} that ran).`,
    });
  }
  const catalog = sha256(readFileSync(path.join(o.assetsDir, 'catalog.json')));
  if (e.policyBundle.catalogSha256 && catalog !== e.policyBundle.catalogSha256) {
    sameBundle = false;
    problems.push({ kind: 'catalog-differs', detail: `evidence catalog sha256 ${e.policyBundle.catalogSha256}, the catalog.json used here ${catalog}` });
  }

  const src = sourceFor(o.repo, e.run?.commit);
  try {
    let checked = 0;
    for (const f of e.files) {
      if (!f.path || !f.sha256) continue; // skipped files have no digest
      checked++;
      const bytes = src.read(f.path);
      if (!bytes) problems.push({ kind: 'file-missing', path: f.path, detail: `not found in ${src.description}` });
      else if (sha256(bytes) !== f.sha256) problems.push({ kind: 'file-changed', path: f.path, detail: `sha256 is ${sha256(bytes)}, evidence says ${f.sha256}` });
    }
    const c = e.configuration;
    const settings = (c.settings ?? {}) as Record<string, unknown>;
    const configFiles = Array.isArray(c.files) ? c.files : [];
    if (c.sha256 !== sha256(canonicalJson(settings))) {
      problems.push({ kind: 'configuration-differs', path: 'configuration.sha256', detail: `is ${c.sha256}, but the recorded settings hash to ${sha256(canonicalJson(settings))}` });
    }
    if (c.failOn !== settings.failOn) {
      problems.push({ kind: 'configuration-differs', path: 'configuration.failOn', detail: `evidence says ${show(c.failOn)}, but its settings say ${show(settings.failOn)}` });
    }
    let configChanged = false;
    for (const f of configFiles) {
      const bytes = src.read(f.path);
      if (!bytes || sha256(bytes) !== f.sha256) {
        configChanged = true;
        problems.push({ kind: 'config-file-changed', path: f.path, detail: bytes ? `sha256 is ${sha256(bytes)}, evidence says ${f.sha256}` : `not found in ${src.description}` });
      }
    }
    const fileProblems = problems.some((p) => p.kind === 'file-changed' || p.kind === 'file-missing');
    if (!sameBundle || fileProblems || configChanged) {
      return { checkedFiles: checked, source: src.description, recomputed: false, problems };
    }

    // Evaluate again, as the run did.
    const { config, given, explicit } = reResolve(settings, configFiles, src);
    const resolved = resolveSettings(config, given, explicit);
    const base = runBase(settings, configFiles);
    const settingsAgain = derivable(recordedSettings(resolved), src.dir);
    for (const d of fieldDiffs(derivable(settings, base), settingsAgain)) problems.push({ kind: 'configuration-differs', path: 'configuration.settings', detail: d });
    const wd = typeof settings.workingDirectory === 'string' ? settings.workingDirectory : '.';
    const root = path.resolve(src.dir, wd);
    const prefix = path.relative(src.dir, root).split(path.sep).join('/');
    const shardMatch = /^(\d+)\/(\d+)$/.exec(e.run?.shard ?? '');
    const baseline = recordedBaseline(e.baseline, src.dir, problems);
    // Scope: recomputed from git when the repository has the commits; else taken from the evidence
    // (a finding it does not list is in scope) and checked for consistency with the counts.
    const recordedFindings = Array.isArray(e.findings) ? e.findings : [];
    const outOfScope = new Set(recordedFindings.filter((f) => f.inScope === false).map((f) => f.fingerprint));
    let scopeHow = '';
    // The run again, through the pipeline the action and the CLI run.
    const { result, verdict, inScope = new Set<string>() } = await runPipeline({
      root,
      settings: resolved,
      ...(o.assetsDir ? { assetsDir: o.assetsDir } : {}),
      ...(e.time?.startedAt ? { now: new Date(e.time.startedAt) } : {}),
      ...(shardMatch ? { shard: { index: Number(shardMatch[1]), count: Number(shardMatch[2]) } } : {}),
      ...(baseline ? { baseline } : {}),
      pathPrefix: prefix,
      scope: async (r) => {
        const again = recomputeScope(o.repo, e, r.findings);
        scopeHow = 'inScope' in again ? 'recomputed from git' : `taken from the evidence (${again.why})`;
        return 'inScope' in again ? again.inScope : new Set(r.findings.filter((f) => !outOfScope.has(f.fingerprint)).map((f) => f.fingerprint));
      },
    });
    if ((e.scope?.mode ?? 'all') === 'all' && outOfScope.size) {
      problems.push({ kind: 'recomputed-differs', path: 'scope', detail: `scope is "all", yet ${outOfScope.size} finding(s) are marked outside it` });
    }
    const waiversInPullRequest = Array.isArray(e.waivers) && e.waivers.some((w) => w.inPullRequest !== undefined) ? new Set(e.waivers.filter((w) => w.inPullRequest).map((w) => w.id)) : undefined;
    const expected = buildEvidence({
      result,
      run: e.run ?? {},
      verdict,
      settings,
      inScope,
      scope: { mode: e.scope?.mode ?? 'all', source: e.scope?.source ?? 'none', ...(e.scope?.note ? { note: e.scope.note } : {}) },
      configFiles,
      ...(e.change ? { change: e.change } : {}),
      ...(e.enforcement
        ? { enforcement: { requiredCheck: e.enforcement.requiredCheck, requiredCheckDetail: e.enforcement.requiredCheckDetail, continueOnError: e.enforcement.continueOnError, continueOnErrorDetail: e.enforcement.continueOnErrorDetail } }
        : {}),
      ...(e.remediation ? { remediation: e.remediation } : {}),
      ...(waiversInPullRequest ? { waiversInPullRequest } : {}),
    });
    if (c.waiversSha256 !== centralWaiversSha256(result)) {
      problems.push({ kind: 'waivers-differ', path: 'configuration.waiversSha256', detail: `the central waivers read from ${configFiles.map((f) => f.path).join(', ') || 'no configuration file'} hash to ${centralWaiversSha256(result)}, the evidence says ${c.waiversSha256}` });
    }
    compareRecord('result', e.result, expected.result, problems);
    if (e.baseline || expected.baseline) compareRecord('baseline', e.baseline, expected.baseline ?? {}, problems);
    compareRecord('scope', e.scope, expected.scope, problems);
    if (e.enforcement || expected.enforcement) compareRecord('enforcement', e.enforcement, expected.enforcement ?? {}, problems);
    compareRecord('policyBundle', e.policyBundle, expected.policyBundle, problems);
    compareList('files', e.files, expected.files, (f) => f.path, problems);
    compareList('findings', e.findings, expected.findings, (f) => `${f.id} ${f.resource} ${f.fingerprint.slice(0, 12)}`, problems);
    compareList('evaluations', e.evaluations, expected.evaluations, (x) => `${x.rule} ${x.file} ${x.resource}`, problems);
    compareList('waivers', e.waivers, expected.waivers, (w) => w.id, problems);
    for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) compareList(`controls.${fw}`, e.controls?.[fw], expected.controls[fw], (x) => x.id, problems);
    return { checkedFiles: checked, source: src.description, recomputed: true, scope: scopeHow, problems };
  } finally {
    src.dispose();
  }
}
