// The pipeline's one entry point, pure of the GitHub runner: resolved settings in (runPipeline), the
// scan result and its verdict out. The action (src/action/main.ts) and the CLI (src/cli/scan.ts) are
// adapters around it: they turn inputs or flags into RunSettings, choose their reporters, and map the
// verdict to their outcome and exit code.
//   discover -> parse -> normalize -> evaluate (wasm) -> map to controls (src/engine/stream.ts, one
//   group at a time) -> messages, rule settings, coverage, waivers, order (scan) -> repository paths
//   -> baseline -> scope -> verdict (runPipeline)
import { statSync } from 'node:fs';
import path from 'node:path';
import { discover, selectFiles, splitPatterns, splitReplaced } from '../discover/discover.js';
import { parseFile, isFileError, DEFAULT_PARSE_OPTIONS, type ParsedFile, type ParseOptions } from '../parse/parse.js';
import { normalize, type Normalized } from '../normalize/normalize.js';
import { loadVarFiles } from '../normalize/var-files.js';
import { loadModuleFiles } from '../normalize/module-files.js';
import { defaultAssetsDir, loadPolicies, loadUserBundles } from './bundles.js';
import { scanOptionsFrom } from './scan-options.js';
import type { Settings } from '../config/settings.js';
import { applyBaseline, type BaselineDoc } from '../baseline/baseline.js';
import { verdictOf, type Verdict } from '../model/verdict.js';
import type { PolicyInput } from '../model/input.js';
import { CatalogError, mergeCatalogs, type CatalogIndex } from '../controls/catalog.js';
import { UsageError } from '../errors.js';
import { confinedRealPath, WorkspaceReadError } from '../util/workspace-read.js';
import type { DiscoveredFile, FileError, FileRecord, ScanResult } from '../model/types.js';
import { applyWaivers } from '../waivers/waivers.js';
import type { Waiver } from '../model/waivers.js';
import { ownDirectives } from '../waivers/inline.js';
import { collectSecrets } from '../normalize/secrets.js';
import { masksOf, maskableSet, redaction } from '../util/redaction.js';
import { applyPlan, loadPlan, planAsParsedFile, PLAN_SIZE_FACTOR } from '../normalize/plan.js';
import { applyRuleSettings, ruleSwitchedOff, type RuleSettings } from '../controls/settings.js';
import { countChecks } from '../model/checks.js';
import { equivalenceMap, peerDirectives, type PeerScanner } from '../waivers/suppressions.js';
import { compareBytes } from '../util/byte-order.js';
import { GrowthCollector } from '../util/heap.js';
import { EvaluationTable } from '../model/evaluation-table.js';
import { comparePaths, folderOf, ownsFolder, type ShardSpec } from '../model/shard.js';
import { applyCoverage, groupInstances, compareEvaluations, compareFindings, renderMessage } from '../controls/map.js';
import { renderedOnce } from '../controls/kept.js';
import { FindingStore } from '../controls/finding-store.js';
import { ChunkWorkerStarter } from './chunk-pool.js';
import type { LoadedPolicies } from './bundles.js';
import { CHUNK_BYTES, emptyCollected, evaluateInput, GC_MARGIN, inlineWaiversOf, settleNotes, streamScan, type Collected, type GroupContext, type ScannedFile } from './stream.js';


export interface ScanOptions {
  /** Workspace root: paths are reported relative to it and links may not leave it. */
  root: string;
  /** The folder every read must stay inside by real path (src/util/workspace-read.ts): var files,
   * the plan, policy bundles, scanned files. Default: root. The action passes the repository checkout. */
  workspace?: string;
  paths: string[];
  /** Folder holding policy.wasm and catalog.json; defaults to the bundled dist/. */
  assetsDir?: string;
  maxFileBytes?: number;
  /** Per-file parse time limit in milliseconds (files are parsed in a worker thread); default 20 s. */
  parseTimeoutMs?: number;
  /** Central waivers (from the configuration file). Inline waivers are read from the files. */
  waivers?: Waiver[];
  /** The clock waivers' expiry is judged by (tests pass a fixed one). */
  now?: Date;
  /** Variable files (.tfvars, .pkrvars.hcl), relative to root, in order: later ones win. */
  varFiles?: string[];
  /** Files matching these patterns are reported as excluded, not scanned. */
  exclude?: string[];
  /** Rule settings from the configuration: rules switched off, severities overridden. */
  rules?: RuleSettings;
  /** Other scanners whose inline suppressions are honoured for equivalent rules. */
  suppressions?: PeerScanner[];
  /** Extra compiled bundles (folders with policy.wasm and catalog.json) evaluated beside the built-in one. */
  policyBundles?: string[];
  /** A Terraform plan JSON (`terraform show -json`), relative to root: its planned values replace the
   * Terraform resources of the module folders it covers (README: "Scanning a plan"). */
  plan?: string;
  /** Evaluate and report only the folders of shard index/count (README: "Sharding a monorepo"). */
  shard?: ShardSpec;
  /** Tag / label keys accepted as naming an owner (SHR-MULTI-002); default: the rule's own set. */
  ownerTagKeys?: string[];
  /** Tag / label keys that carry a data classification; default: the rules' own set. */
  classificationTagKeys?: string[];
  /** Classification values that mark restricted data; default: the rules' own set. */
  restrictedClassifications?: string[];
  /** Progress of the long stages, at most every ~100 ms (and once at the end of each stage). */
  onProgress?: (p: ScanProgress) => void;
  /** 'count': the checks that passed are counted (result.checks) and not listed in result.evaluations,
   * for a run none of whose reports lists them (gen-50k: 52 MB less at the peak). Default 'list'. */
  passedChecks?: 'list' | 'count';
}

export interface ScanProgress {
  stage: 'parse' | 'evaluate';
  done: number;
  total: number;
}

/** Call report at most every intervalMs, and always for the last step. */
export function throttled(report: ((p: ScanProgress) => void) | undefined, intervalMs = 100): (p: ScanProgress) => void {
  if (!report) return () => undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (p.done >= p.total || now - last >= intervalMs) {
      last = now;
      report(p);
    }
  };
}

/** What the policies are given, and what it was made from: the first half of scan(). */
export interface ResolvedInput {
  files: DiscoveredFile[];
  skipped: Array<{ path: string; reason: string }>;
  parsed: ParsedFile[];
  errors: FileError[];
  /** normalized.input is the document the policies receive (with --plan's values applied). */
  normalized: Normalized;
  planned: Awaited<ReturnType<typeof loadPlan>> | undefined;
  planApplied: ReturnType<typeof applyPlan> | undefined;
  /** The parsed files, module folders read for them, and the plan when one was given: what the report lists as scanned. */
  scannedFiles: ParsedFile[];
  /** Paths given that do not exist or lead out of the workspace (see inputProblemsOf). */
  unusable: Array<{ path: string; reason: string }>;
}

/** The paths to scan, discovered and selected (the start of every scan). */
async function discoverInput(opts: Pick<ScanOptions, 'root' | 'workspace' | 'paths' | 'exclude' | 'maxFileBytes'>, onFile?: (f: DiscoveredFile) => void): Promise<{ root: string; workspace: string; files: DiscoveredFile[]; read: DiscoveredFile[]; replaced: FileError[]; skipped: Array<{ path: string; reason: string }>; unusable: Array<{ path: string; reason: string }> }> {
  const root = path.resolve(opts.root);
  const workspace = path.resolve(opts.workspace ?? root);
  if (!isFolder(root)) throw new UsageError(`the root folder ${opts.root} does not exist or is not a folder`);
  // working-directory may not lead out of the workspace either (a pull request can make it a link).
  try {
    confinedRealPath(workspace, root, `the root folder ${opts.root}`, 'folder');
  } catch (e) {
    if (e instanceof WorkspaceReadError) throw new UsageError(e.message);
    throw e;
  }
  const { plain, globs } = splitPatterns(opts.paths);
  const found = await discover(root, globs.length ? ['.'] : plain, { sniffBytes: opts.maxFileBytes ?? DEFAULT_PARSE_OPTIONS.maxFileBytes, ...(onFile ? { onFile } : {}) });
  const selected = selectFiles(found.files, plain, globs, opts.exclude ?? []);
  const read = splitReplaced(selected.files);
  // files: every file found and selected (what the report counts); read: those scanned (not replaced by a .tofu file).
  return { root, workspace, files: selected.files, read: read.files, replaced: read.errors, skipped: [...found.skipped, ...selected.excluded], unusable: found.unusable };
}

/** discover -> parse -> var files -> normalize -> plan: the policy input of a scan (`controlgate input` prints it). */
export async function resolveInput(
  opts: Pick<ScanOptions, 'root' | 'workspace' | 'paths' | 'exclude' | 'varFiles' | 'plan' | 'maxFileBytes' | 'parseTimeoutMs'>,
  progress: (p: ScanProgress) => void = () => {},
): Promise<ResolvedInput> {
  const { root, workspace, files, read, replaced, skipped, unusable } = await discoverInput(opts);
  const parseOpts = parseOptionsFor(opts);
  const { parsed, errors } = await parseAll(read, parseOpts, progress);
  errors.push(...replaced);

  const vf = await loadVarFiles(root, opts.varFiles ?? [], parseOpts, workspace);
  errors.push(...vf.errors);
  // Module folders the scanned files call from elsewhere in the workspace, and downloaded modules.
  const modules = await loadModuleFiles(root, parsed, parseOpts);
  errors.push(...modules.errors);
  skipped.push(...modules.skipped);
  const normalized = normalize(parsed, { varFiles: vf.parsed, modules });
  // --plan: the plan's instances replace the HCL-evaluated resources of the folders it covers.
  const planned = opts.plan ? await loadPlan(root, opts.plan, parseOpts.maxFileBytes * PLAN_SIZE_FACTOR, workspace) : undefined;
  if (planned?.error) errors.push(planned.error);
  const planApplied = planned?.plan ? applyPlan(normalized, planned.plan, parsed) : undefined;
  const scannedFiles = [...parsed, ...modules.files, ...(planned?.plan ? [planAsParsedFile(planned.plan)] : [])];
  return { files, skipped, parsed, errors, normalized, planned, planApplied, scannedFiles, unusable };
}

/** What a scan gathered, before the findings are rendered, settled, waived and ordered. */
interface Gathered {
  files: DiscoveredFile[];
  skipped: Array<{ path: string; reason: string }>;
  errors: FileError[];
  /** What the report lists as scanned, in order. */
  scanned: ScannedFile[];
  collected: Collected;
  planned: ResolvedInput['planned'];
  unusable: Array<{ path: string; reason: string }>;
}

/**
 * The one-group path, for what needs the whole input at once: --plan (src/normalize/plan.ts applies
 * the plan over every folder). `controlgate input` prints the whole input through resolveInput too.
 */
async function gatherWhole(opts: ScanOptions, ctx: GroupContext, progress: (p: ScanProgress) => void): Promise<Gathered> {
  const r = await resolveInput(opts, progress);
  const collected = emptyCollected(ctx.passedAsCount);
  if (r.files.length) progress({ stage: 'parse', done: r.files.length, total: r.files.length });
  evaluateInput(ctx, r.normalized, collected, (done, total) => progress({ stage: 'evaluate', done, total }));
  settleNotes(collected);
  for (const x of [...collectSecrets(r.scannedFiles), ...(r.planApplied?.secrets ?? [])]) collected.secrets.add(x);
  collected.inline.push(...inlineWaiversOf(r.parsed, ctx.directives));
  return { files: r.files, skipped: r.skipped, errors: r.errors, scanned: r.scannedFiles, collected, planned: r.planned, unusable: r.unusable };
}

/** Every other scan: one group at a time (src/engine/stream.ts), so memory does not grow with the repository. */
async function gatherStreamed(opts: ScanOptions, ctx: GroupContext, progress: (p: ScanProgress) => void, context: ContextOptions): Promise<Gathered> {
  const parseOpts = parseOptionsFor(opts);
  // A mid-sized scan shares its chunks with a worker thread, started as soon as discovery has found
  // enough source, so that it boots and loads the policies while discovery and pass 1 go on.
  const starter = new ChunkWorkerStarter(parseOpts, context);
  try {
    const { root, workspace, files, read, replaced, skipped, unusable } = await discoverInput(opts, (f) => starter.found(f));
    const helper = starter.helper(read);
    const vf = await loadVarFiles(root, opts.varFiles ?? [], parseOpts, workspace);
    const st = await streamScan(root, read, vf.parsed, parseOpts, ctx, progress, CHUNK_BYTES, helper);
    skipped.push(...st.modules.skipped);
    return { files, skipped, errors: [...st.errors, ...replaced, ...vf.errors, ...st.modules.errors], scanned: st.scanned, collected: st.collected, planned: undefined, unusable };
  } catch (e) {
    starter.stop();
    throw e;
  }
}

/** What a scan's policies and settings are made from: plain data, so that a chunk worker
 * (src/engine/chunk-worker.ts) makes the same context from it. */
export type ContextOptions = Pick<
  ScanOptions,
  'root' | 'workspace' | 'assetsDir' | 'policyBundles' | 'shard' | 'suppressions' | 'ownerTagKeys' | 'classificationTagKeys' | 'restrictedClassifications' | 'passedChecks'
>;

export function contextOptionsOf(opts: ScanOptions): ContextOptions {
  const { root, workspace, policyBundles, shard, suppressions, ownerTagKeys, classificationTagKeys, restrictedClassifications, passedChecks } = opts;
  const picked: ContextOptions = { root, workspace, assetsDir: opts.assetsDir ?? defaultAssetsDir(), policyBundles, shard, suppressions, ownerTagKeys, classificationTagKeys, restrictedClassifications, passedChecks };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as ContextOptions;
}

/** The policies (built-in and the user's bundles), their merged catalog and what evaluating a group needs. */
export async function scanContext(opts: ContextOptions): Promise<{ builtIn: LoadedPolicies; extra: Array<{ dir: string; loaded: LoadedPolicies }>; catalog: CatalogIndex; ctx: GroupContext }> {
  const root = path.resolve(opts.root);
  const workspace = path.resolve(opts.workspace ?? root);
  const builtIn = await loadPolicies(opts.assetsDir ?? defaultAssetsDir());
  const extra = await loadUserBundles(workspace, root, opts.policyBundles ?? []);
  let catalog: CatalogIndex;
  try {
    catalog = mergeCatalogs(builtIn.catalog, extra.map((e) => ({ index: e.loaded.catalog, source: e.dir })));
  } catch (e) {
    if (e instanceof CatalogError) throw new UsageError(e.message);
    throw e;
  }
  const owns = ownsFolder(opts.shard);
  const equivalents = equivalenceMap(catalog.catalog.rules);
  const directives = [ownDirectives, ...(opts.suppressions ?? []).map((s) => peerDirectives(s, equivalents))];
  const ctx: GroupContext = { bundles: [builtIn, ...extra.map((e) => e.loaded)], catalog, owns, settings: ruleSettings(opts), directives, passedAsCount: opts.passedChecks === 'count' };
  return { builtIn, extra, catalog, ctx };
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const startedAt = (opts.now ?? new Date()).toISOString();
  const root = path.resolve(opts.root);
  const context = contextOptionsOf(opts);
  const { builtIn, extra, catalog, ctx } = await scanContext(context);
  const { policySha256, catalogSha256 } = builtIn;
  const progress = throttled(opts.onProgress);
  const owns = ctx.owns;
  // The one place that chooses: --plan needs the whole input at once; every other scan is streamed.
  const { files, skipped, errors, scanned, collected, planned, unusable } = opts.plan ? await gatherWhole(opts, ctx, progress) : await gatherStreamed(opts, ctx, progress, context);
  // Errors found while evaluating (a root OpenTofu refuses, a document the policy could not
  // evaluate): a module shared by roots of different chunks gives its error once per root.
  errors.push(...uniqueErrors(collected.errors));
  const resolution = collected.resolution;
  // Local module folders that could not be read are paths not scanned; remote modules are listed in
  // result.resolution.remoteModules.
  skipped.push(...resolution.skipped);

  // Redaction of printed values only (src/util/redaction.ts): credential-shaped strings, sensitive
  // variables' values from any source and everything computed from them; never paths or addresses.
  // Only what could pass for a secret: keep never refuses anything else (src/util/redaction.ts).
  const keep = maskableSet([...files.map((f) => f.path), ...skipped.map((s) => s.path), ...collected.addresses, ...catalog.catalog.rules.map((r) => r.id), ...controlIds(catalog)]);
  const secrets = [...collected.secrets];
  const sensitive = [...collected.sensitive];
  const redact = redaction(secrets, sensitive, keep);
  // Every secret is known now: the messages are rendered, then ordered as mapOutcomes orders them.
  // Each step below copies the findings or the evaluations: the garbage of one is collected before
  // the next, so a large scan's peak stays near what it keeps (gen-50k: +200 MB of garbage otherwise).
  const gc = new GrowthCollector(GC_MARGIN);
  // The last group's garbage first: the steps below would otherwise add to it (gen-50k: the scan's
  // peak, 10 MiB above the stream's, was here).
  gc.step();
  // Equal parts are one object (src/controls/kept.ts): each is rendered once, and its findings share the text.
  const render = renderedOnce((p) => renderMessage(p, redact.value));
  const mappedFindings = collected.findings.toArray(render).sort(compareFindings);
  collected.findings = new FindingStore();
  const mappedEvaluations = collected.evaluations.toArray();
  const passedCounted = collected.evaluations.passedCounted();
  collected.evaluations = new EvaluationTable();
  mappedEvaluations.sort(compareEvaluations);
  gc.step();
  const rules = opts.rules ?? { disabled: [], severity: {} };
  const settled = applyRuleSettings(mappedFindings, mappedEvaluations, rules);
  const switchedOff = ruleSwitchedOff(rules);
  const passedNotListed = [...passedCounted].reduce((n, [rule, count]) => (switchedOff(rule) ? n : n + count), 0);
  const mapped = { ...settled, findings: applyCoverage(settled.findings) };
  if (collected.unmapped.size) {
    throw new Error(`policy bundle and catalog disagree: no catalog entry for ${[...collected.unmapped].sort().join(', ')}`);
  }
  const waivers = [...(opts.waivers ?? []), ...collected.inline];
  gc.step();
  const waived = applyWaivers(mapped.findings, mapped.evaluations, waivers, opts.now ?? new Date());
  gc.step();
  // Final order (severity overrides may have changed it): the one `controlgate merge` reproduces.
  const findings = groupInstances(waived.findings).sort(compareFindings);
  const evaluations = waived.evaluations.sort(compareEvaluations);
  gc.step();
  // A shard reports the waivers of its folders (central ones: shard 1) and any that matched its findings.
  const records = waived.records.filter((w) => !opts.shard || w.matched.length > 0 || (w.file ? owns(folderOf(w.file)) : opts.shard.index === 1));
  // A shard reports the files, file errors and skipped paths of its folders: each exactly once overall.
  const ownFiles = files.filter((f) => owns(folderOf(f.path)));
  const ownScanned = scanned.filter((p) => owns(folderOf(p.file.path)));
  const ownErrors = errors.filter((e) => owns(folderOf(e.path))).sort(comparePaths).map((e) => ({ ...e, message: redact.prose(e.message) }));
  const ownSkipped = skipped.filter((s) => owns(folderOf(s.path))).sort(comparePaths);
  const planPath = planned?.plan?.path ?? planned?.error?.path;
  const planOwned = planPath !== undefined && owns(folderOf(planPath));
  // Only plausible secrets become log masks: a file name or a short word never does.
  const redactions = masksOf([...secrets, ...sensitive], keep);
  const reported = {
    root,
    bundle: {
      policySha256,
      catalogSha256,
      opaVersion: catalog.catalog.opaVersion,
      ...(extra.length
        ? { extra: extra.map((e) => ({ path: path.relative(root, path.resolve(root, e.dir)).split(path.sep).join('/'), policySha256: e.loaded.policySha256, catalogSha256: e.loaded.catalogSha256, rules: e.loaded.catalog.catalog.rules.length })) }
        : {}),
    },
    startedAt,
    finishedAt: (opts.now ?? new Date()).toISOString(),
    files: fileRecords(ownScanned, ownErrors, ownSkipped),
    waivers: records,
    filesFound: ownFiles.length + (planOwned ? 1 : 0),
    filesScanned: ownScanned.map((p) => p.file.path),
    skipped: ownSkipped,
    errors: ownErrors,
    findings,
    evaluations: evaluations.map((e) => (e.reason ? { ...e, reason: redact.prose(e.reason) } : e)),
    checks: countChecks(evaluations, passedNotListed),
    resolution: { values: resolution.values, remoteModules: resolution.remoteModules, capped: resolution.capped },
  };
  const inputProblems = inputProblemsOf(unusable, files.length + (planned?.plan ? 1 : 0), opts.paths);
  return { ...reported, catalog: catalog.catalog, redactions, ...(inputProblems.length ? { inputProblems } : {}), ...(opts.shard ? { shard: opts.shard } : {}) };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Why a run checked nothing it was asked to: paths given that do not exist or leave the workspace,
 * and a run with no file to scan at all. Each is a usage error unless allow-empty (see usageOfEmpty). */
function inputProblemsOf(unusable: Array<{ path: string; reason: string }>, filesToScan: number, given: string[]): string[] {
  const out = unusable.map((u) => `path ${u.path} ${u.reason}`);
  if (filesToScan === 0) out.push(`no Terraform or Packer file found in ${given.length ? given.join(', ') : '.'}`);
  return out;
}

/** Every control id the catalog cites (never a log mask). */
function controlIds(catalog: CatalogIndex): string[] {
  return catalog.catalog.rules.flatMap((r) => Object.values(r.controls).flat());
}

/** Parse options for a scan. CONTROLGATE_PARSER=hcl2json selects the reference parser (to compare). */
function parseOptionsFor(opts: ScanOptions): ParseOptions {
  return {
    ...DEFAULT_PARSE_OPTIONS,
    parser: process.env.CONTROLGATE_PARSER === 'hcl2json' ? 'hcl2json' : 'fast',
    ...(opts.maxFileBytes ? { maxFileBytes: opts.maxFileBytes } : {}),
    ...(opts.parseTimeoutMs ? { timeoutMs: opts.parseTimeoutMs } : {}),
  };
}

/** Every file parsed, one at a time, in discover's order: each ends parsed or as a located error. */
async function parseAll(files: DiscoveredFile[], parseOpts: ParseOptions, progress: (p: ScanProgress) => void): Promise<{ parsed: ParsedFile[]; errors: FileError[] }> {
  const parsed: ParsedFile[] = [];
  const errors: FileError[] = [];
  for (const f of files) {
    progress({ stage: 'parse', done: parsed.length + errors.length, total: files.length });
    const r = await parseFile(f, parseOpts);
    if (isFileError(r)) errors.push(r);
    else parsed.push(r);
  }
  return { parsed, errors };
}

/** Errors once each, by file, line and message (the order a scan of everything gives, however it was chunked). */
function uniqueErrors(errors: FileError[]): FileError[] {
  const key = (e: FileError): string => `${e.path}\u0000${String(e.range.startLine).padStart(10, '0')}\u0000${e.message}`;
  const byKey = new Map<string, FileError>();
  for (const e of errors) if (!byKey.has(key(e))) byKey.set(key(e), e);
  return [...byKey.keys()].sort(compareBytes).map((k) => byKey.get(k)!);
}

/** One record per file considered, sorted by path: parsed (with digest), parse error, or skipped. */
export function fileRecords(parsed: ScannedFile[], errors: FileError[], skipped: Array<{ path: string; reason: string }>): FileRecord[] {
  const parsedPaths = new Set(parsed.map((p) => p.file.path));
  const out: FileRecord[] = [
    ...parsed.map((p): FileRecord => ({ path: p.file.path, kind: p.file.kind, sha256: p.sha256, status: 'parsed' })),
    // A file that parsed but whose document the policy could not evaluate is listed once, as parsed
    // (its error is in the run's errors).
    ...errors.filter((e) => !parsedPaths.has(e.path)).map((e): FileRecord => ({ path: e.path, kind: e.kind, ...(e.sha256 ? { sha256: e.sha256 } : {}), status: 'parse_error', reason: e.message })),
    ...skipped.map((s): FileRecord => ({ path: s.path, kind: 'unknown', status: 'skipped', reason: s.reason })),
  ];
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The configuration that rules read (input.settings), only the keys that are set; undefined when none is. */
export function ruleSettings(opts: Pick<ScanOptions, 'ownerTagKeys' | 'classificationTagKeys' | 'restrictedClassifications'>): PolicyInput['settings'] {
  const s: NonNullable<PolicyInput['settings']> = {
    ...(opts.ownerTagKeys ? { owner_tag_keys: opts.ownerTagKeys } : {}),
    ...(opts.classificationTagKeys ? { classification_tag_keys: opts.classificationTagKeys } : {}),
    ...(opts.restrictedClassifications ? { restricted_classifications: opts.restrictedClassifications } : {}),
  };
  return Object.keys(s).length ? s : undefined;
}

export interface RunSettings {
  /** The folder scanned: paths are reported relative to it. */
  root: string;
  /** The folder every read must stay inside by real path (default: root; the action: the checkout). */
  workspace?: string;
  /** The resolved configuration: inputs or flags over the configuration file over the defaults. */
  settings: Settings;
  /** Per-file parse time limit in milliseconds. */
  parseTimeoutMs?: number;
  /** A Terraform plan JSON (README: "Scanning a plan"). */
  plan?: string;
  /** Evaluate and report only this shard's folders (README: "Sharding a monorepo"). */
  shard?: ShardSpec;
  /** Accepted findings, read and validated before the scan (a bad baseline is a usage error, found early). */
  baseline?: { doc: BaselineDoc; sha256: string; file: string };
  /** A run that checks nothing it was asked to is reported, not a usage error. */
  allowEmpty?: boolean;
  /** Every finding is accepted (--create-baseline records them): none fails this run. */
  acceptFindings?: boolean;
  /** The scanned folder's place in the repository (the action's working-directory): every reported
   * path is prefixed with it, so annotations, SARIF, comments and evidence speak of repository paths. */
  pathPrefix?: string;
  /** The findings the run answers for (the action: a pull request's changes), asked once of the
   * result as reported; absent: every finding. */
  scope?: (result: ScanResult) => Promise<ReadonlySet<string>>;
  onProgress?: (p: ScanProgress) => void;
  /** Folder holding policy.wasm and catalog.json (default: the bundled one). */
  assetsDir?: string;
  /** The clock waivers' expiry is judged by. */
  now?: Date;
  /** ScanOptions.passedChecks: 'count' when no report of the run lists the checks that passed. */
  passedChecks?: 'list' | 'count';
}

export interface Run {
  /** The result as reported: repository paths, the baseline's findings taken out. */
  result: ScanResult;
  /** The findings before the baseline took any out: what --create-baseline records. */
  found: ScanResult['findings'];
  /** Fingerprints of the findings in scope; absent: every finding is. */
  inScope?: ReadonlySet<string>;
  verdict: Verdict;
}

export async function runPipeline(s: RunSettings): Promise<Run> {
  const scanned = await scan({
    root: s.root,
    ...(s.workspace ? { workspace: s.workspace } : {}),
    ...scanOptionsFrom(s.settings),
    ...(s.parseTimeoutMs ? { parseTimeoutMs: s.parseTimeoutMs } : {}),
    ...(s.plan ? { plan: s.plan } : {}),
    ...(s.shard ? { shard: s.shard } : {}),
    ...(s.onProgress ? { onProgress: s.onProgress } : {}),
    ...(s.assetsDir ? { assetsDir: s.assetsDir } : {}),
    ...(s.now ? { now: s.now } : {}),
    ...(s.passedChecks ? { passedChecks: s.passedChecks } : {}),
  });
  const relative = repoRelative(scanned, s.pathPrefix ?? '');
  // The baseline matches by fingerprint, which repoRelative leaves as the scan computed it.
  const result = s.baseline ? applyBaseline(relative, s.baseline) : relative;
  const inScope = s.scope ? await s.scope(result) : undefined;
  const verdict = verdictOf(result, {
    failOn: s.settings.failOn,
    ...(inScope ? { inScope } : {}),
    ...(s.allowEmpty ? { allowEmpty: true } : {}),
    ...(s.acceptFindings ? { acceptFindings: true } : {}),
  });
  return { result, found: relative.findings, ...(inScope ? { inScope } : {}), verdict };
}

/** The result with every path prefixed by the scanned folder's place in the repository (working-directory):
 * annotations, SARIF, comments and the evidence speak of repository paths. Fingerprints are left as the
 * scan computed them (the baseline matches by them). */
export function repoRelative(r: ScanResult, prefix: string): ScanResult {
  if (!prefix) return r;
  const p = (f: string): string => `${prefix}/${f}`;
  return {
    ...r,
    filesScanned: r.filesScanned.map(p),
    skipped: r.skipped.map((s) => ({ ...s, path: p(s.path) })),
    errors: r.errors.map((e) => ({ ...e, path: p(e.path) })),
    findings: r.findings.map((f) => ({ ...f, file: p(f.file) })),
    evaluations: r.evaluations.map((e) => ({ ...e, file: e.file ? p(e.file) : e.file })),
    files: r.files.map((f) => ({ ...f, path: p(f.path) })),
    waivers: r.waivers.map((w) => (w.file ? { ...w, file: p(w.file) } : w)),
  };
}

