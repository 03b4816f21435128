// A scan made one group at a time (issue #20): memory is bounded by the largest root module and the
// local modules it calls, not by the repository. A group is one Terraform root module folder with
// every module folder it reaches (src/normalize/groups.ts), or one Packer template folder; groups
// are taken in order and joined into chunks of at most CHUNK_BYTES of source, each parsed,
// normalized, evaluated and mapped on its own, then dropped. What a report needs of them is kept
// (Collected): findings with their messages not yet rendered, evaluations, file records, secrets.
// Redaction needs every secret of the run, so messages are rendered once, at the end (scan.ts).
//
// Pass 1 reads every file but parses only those whose text can hold a module block or a sensitive
// variable: that gives the module calls (which folders are roots, what each reaches), the module
// folders read from outside the scanned paths, and the names of the sensitive variables.
import type { ScanProgress } from './scan.js';
import type { LoadedPolicies } from './bundles.js';
import type { CatalogIndex } from '../controls/catalog.js';
import { mapOutcomes, type EntityInfo, type MessageParts } from '../controls/map.js';
import { KeptValues } from '../controls/kept.js';
import { FindingStore } from '../controls/finding-store.js';
import { batchesByFolder, evaluateAll, type EvaluationFailure } from '../evaluate/engine.js';
import type { EntityLocation } from '../model/entities.js';
import type { PolicyInput } from '../model/input.js';
import type { DiscoveredFile, FileError, Finding, RuleEvaluation } from '../model/types.js';
import { EvaluationTable } from '../model/evaluation-table.js';
import type { Waiver } from '../model/waivers.js';
import { isFileError, parseFile, type ParsedFile, type ParseOptions } from '../parse/parse.js';
import { forgetGroup, normalize, type Normalized, type ResolveSummary } from '../normalize/normalize.js';
import { calledFolders, dirOf, loadModuleFolders, moduleSources, type ModuleFiles } from '../normalize/module-files.js';
import { reachedFolders, rootFolders } from '../normalize/groups.js';
import { collectSecrets, sensitiveVariableNames } from '../normalize/secrets.js';
import { inlineWaivers, type DirectiveParser } from '../waivers/inline.js';
import { peekFile } from '../util/workspace-read.js';
import { GrowthCollector, detached, withDetachedStrings } from '../util/heap.js';
import { compareBytes } from '../util/byte-order.js';
import { maskableSet } from '../util/redaction.js';
import { pushAt } from '../util/multimap.js';
import { DigestList } from '../util/digests.js';

/** A chunk holds groups until the files they read reach this many bytes of source (one larger group is a chunk of its own).
 * What a chunk holds while it is evaluated (its parsed files, its input, its outcomes) is most of a scan's peak beyond
 * what it keeps. gen-10k with garbage collected 32 MB past the live set (GC_MARGIN): 4 MB chunks 343 MB peak RSS,
 * 2 MB 324 MB, 1 MB 276-298 MB, 0.5 MB 286 MB, wall within noise of 4 MB up to 1 MB, +5 % at 0.5 MB (a module folder
 * several chunks call is read once per chunk; the parse cache keeps it between them). */
export const CHUNK_BYTES = 1024 * 1024;
/** Parsed files kept for a later chunk that uses them too (a module folder several roots call), in bytes of source. */
export const PARSE_CACHE_BYTES = 4 * 1024 * 1024;
/** Between chunks, garbage is collected when the heap has grown this much past what the last collection left live. */
export const GC_MARGIN = 32 * 1024 * 1024;

/** A file as the report lists it (src/engine/scan.ts fileRecords). */
export type ScannedFile = Pick<ParsedFile, 'sha256'> & { file: Pick<DiscoveredFile, 'path' | 'kind'> };

/** What the scan keeps of every group it evaluated. */
export interface Collected {
  /** The findings, each with its message's parts (rendered once every secret is known). */
  findings: FindingStore;
  /** Documents the policy could not evaluate, as located errors (evaluationErrors). */
  errors: FileError[];
  /** The one copy of each equal path, id and message parts that the findings of every group share. */
  kept: KeptValues;
  /** Every (rule, entity) pair's status, compact until the scan's end (src/model/evaluation-table.ts). */
  evaluations: EvaluationTable;
  unmapped: Set<string>;
  /** Display addresses of every entity (those that could pass for a secret: maskableSet): never a log mask. */
  addresses: Set<string>;
  secrets: Set<string>;
  sensitive: Set<string>;
  inline: Waiver[];
  resolution: Pick<ResolveSummary, 'values' | 'remoteModules' | 'capped' | 'skipped'>;
  /** The notes of each root (remote modules, capped expansions, skipped module folders), put into
   * resolution in the roots' order by settleNotes: chunks do not take the roots in that order. */
  byRoot: Map<string, Pick<ResolveSummary, 'remoteModules' | 'capped' | 'skipped'>>;
}

/** passedAsCount: the checks that pass are counted, not kept (GroupContext.passedAsCount). */
export function emptyCollected(passedAsCount = false): Collected {
  return {
    findings: new FindingStore(),
    errors: [],
    kept: new KeptValues(),
    evaluations: new EvaluationTable(passedAsCount),
    unmapped: new Set(),
    addresses: new Set(),
    secrets: new Set(),
    sensitive: new Set(),
    inline: [],
    resolution: { values: { literal: 0, resolved: 0, unknown: 0 }, remoteModules: [], capped: [], skipped: [] },
    byRoot: new Map(),
  };
}

/** Put each root's notes into resolution, in the order the evaluator takes roots (one run over everything). */
export function settleNotes(c: Collected): void {
  for (const root of [...c.byRoot.keys()].sort()) {
    const n = c.byRoot.get(root)!;
    c.resolution.remoteModules.push(...n.remoteModules);
    c.resolution.capped.push(...n.capped);
    c.resolution.skipped.push(...n.skipped);
  }
  c.byRoot.clear();
}

/** What evaluating a group needs, the same for every group. */
export interface GroupContext {
  bundles: LoadedPolicies[];
  catalog: CatalogIndex;
  /** --shard: the folders this shard evaluates. */
  owns: (folder: string) => boolean;
  settings: PolicyInput['settings'];
  directives: DirectiveParser[];
  /** Passed checks are counted, not kept: no report of the run lists them (ScanOptions.passedChecks). */
  passedAsCount?: boolean;
}

/** Display address and body of every entity a result can name, by id. */
export function entitiesOf(input: PolicyInput): Map<string, EntityInfo> {
  const entities = new Map<string, EntityInfo>();
  for (const r of input.terraform.resources) entities.set(r.id, { address: r.address, config: r.config, type: r.type });
  for (const p of input.terraform.providers) entities.set(p.id, { address: p.alias ? `provider.${p.name}.${p.alias}` : `provider.${p.name}`, config: p.config, type: p.name });
  for (const v of [...input.terraform.variables, ...input.packer.variables]) entities.set(v.id, { address: `var.${v.name}`, config: { default: v.default } });
  for (const s of input.packer.sources) entities.set(s.id, { address: s.address, config: s.config, type: s.type });
  for (const b of input.packer.builds) entities.set(b.id, { address: `build.${b.name}`, config: b });
  return entities;
}

/** A document the policy could not evaluate (src/evaluate/engine.ts), as errors located in its files. */
export function evaluationErrors(f: EvaluationFailure, locator: Map<string, EntityLocation>, entities: Map<string, EntityInfo>): FileError[] {
  const kindOf = (file: string, side: 'terraform' | 'packer'): FileError['kind'] => (file.toLowerCase().endsWith('.json') ? `${side}-json` : side);
  if (f.entity !== undefined) {
    const loc = locator.get(f.entity);
    const at = loc?.locations.resolve(loc.locPath);
    const { file, side } = f.files[0]!;
    const what = entities.get(f.entity)?.address ?? f.entity;
    return [{ path: loc?.file ?? file, kind: kindOf(file, side), message: `${f.message}, on ${what}: it has no results of this policy bundle; the folder's other resources are evaluated without it`, range: at ? { ...at.range } : { startLine: 1, endLine: 1 } }];
  }
  return f.files.map(({ file, side }) => ({
    path: file,
    kind: kindOf(file, side),
    message: `${f.message}, in folder ${f.folder || '.'}: none of its results of this policy bundle are reported`,
    range: { startLine: 1, endLine: 1 },
  }));
}

/** What evaluating one normalized input gives, before a scan keeps it (addEvaluated): plain data, so a
 * chunk worker (src/engine/chunk-pool.ts) can make it and the main thread keep it. */
export interface Evaluated {
  /** The entities' display addresses that could pass for a secret (Collected.addresses). */
  addresses: string[];
  errors: FileError[];
  findings: Finding[];
  /** Each finding's message parts (same index). */
  messages: MessageParts[];
  evaluations: RuleEvaluation[];
  unmapped: string[];
  sensitive: string[];
  summary: ResolveSummary;
}

/** Evaluate one normalized input (one group, or the whole scan): its findings, evaluations and errors.
 * `kept` gives one copy of equal paths, ids and message parts (Collected.kept). */
export function evaluated(ctx: GroupContext, normalized: Normalized, kept: KeptValues, progress?: (done: number, total: number) => void): Evaluated {
  const { input, locator, summary, mirrors } = normalized;
  const entities = entitiesOf(input);
  // One kept copy of each address for the findings, the checks and Collected.addresses.
  const keptAddresses = new Map<string, string>();
  const keptAddress = (a: string): string => {
    let k = keptAddresses.get(a);
    if (k === undefined) keptAddresses.set(a, (k = detached(a)));
    return k;
  };
  const addresses = [...maskableSet([...entities.values()].map((e) => e.address))].map(keptAddress);
  // --shard: only this shard's folders are evaluated (every folder of the input is one batch).
  const batches = batchesByFolder(input)
    .filter((b) => ctx.owns(b.folder))
    .map((b) => (ctx.settings ? { folder: b.folder, input: { ...b.input, settings: ctx.settings } } : b));
  const { outcomes, failures } = evaluateAll(ctx.bundles, batches, progress);
  const errors: FileError[] = [];
  for (const f of failures) for (const e of evaluationErrors(f, locator, entities)) errors.push(e);
  for (const x of normalized.refused) {
    errors.push({
      path: x.file,
      kind: x.file.toLowerCase().endsWith('.json') ? 'terraform-json' : 'terraform',
      message: `OpenTofu refuses this configuration: ${x.reason}; it cannot be planned, and the checks of its root module's resources are not evaluated until this is fixed`,
      range: x.range,
    });
  }
  // Cross-module attachment mirrors only inform the rules about their targets: no results of their own.
  const mapped = mapOutcomes(
    outcomes.filter((o) => !mirrors.has(o.resource)),
    { catalog: ctx.catalog, locator, entities, deferMessages: true, keptAddress, kept },
  );
  return { addresses, errors, findings: mapped.findings, messages: mapped.messages!, evaluations: mapped.evaluations, unmapped: mapped.unmappedRules, sensitive: normalized.sensitiveValues, summary };
}

/** Keep what evaluated() gave in the scan's collection. */
export function addEvaluated(into: Collected, e: Evaluated): void {
  for (const n of e.addresses) if (!into.addresses.has(n)) into.addresses.add(n);
  for (const x of e.errors) into.errors.push(x);
  e.findings.forEach((f, i) => into.findings.add(f, e.messages[i]!));
  for (const x of e.evaluations) into.evaluations.add(x);
  for (const r of e.unmapped) into.unmapped.add(r);
  for (const s of e.sensitive) into.sensitive.add(s);
  const summary = e.summary;
  const r = into.resolution;
  r.values.literal += summary.values.literal;
  r.values.resolved += summary.values.resolved;
  r.values.unknown += summary.values.unknown;
  if (!summary.rootEnds) {
    r.remoteModules.push(...summary.remoteModules.map(withDetachedStrings));
    r.capped.push(...summary.capped.map(detached));
    r.skipped.push(...summary.skipped.map(withDetachedStrings));
    return;
  }
  let from = { remoteModules: 0, capped: 0, skippedModules: 0 };
  for (const end of summary.rootEnds) {
    into.byRoot.set(end.root, {
      remoteModules: summary.remoteModules.slice(from.remoteModules, end.remoteModules).map(withDetachedStrings),
      capped: summary.capped.slice(from.capped, end.capped).map(detached),
      skipped: summary.skipped.slice(from.skippedModules, end.skippedModules).map(withDetachedStrings),
    });
    from = end;
  }
  // What no root made (a Packer template's capped dynamic blocks) comes after the roots' notes.
  r.remoteModules.push(...summary.remoteModules.slice(from.remoteModules).map(withDetachedStrings));
  r.capped.push(...summary.capped.slice(from.capped).map(detached));
  r.skipped.push(...summary.skipped.slice(from.skippedModules).map(withDetachedStrings));
}

/** Evaluate one normalized input and keep its outcomes as findings and evaluations. */
export function evaluateInput(ctx: GroupContext, normalized: Normalized, into: Collected, progress?: (done: number, total: number) => void): void {
  addEvaluated(into, evaluated(ctx, normalized, into.kept, progress));
}

/** The inline waivers of scanned files in HCL syntax. */
export function inlineWaiversOf(files: ParsedFile[], directives: DirectiveParser[]): Waiver[] {
  return files.flatMap((p) => (p.file.path.toLowerCase().endsWith('.json') ? [] : inlineWaivers(p.file.path, p.text, p.locations, directives)));
}

const isTerraform = (k: DiscoveredFile['kind']): boolean => k === 'terraform' || k === 'terraform-json';

/** What pass 1 learns: module sources by folder, local calls in file order, sensitive variable names. */
export interface Survey {
  calls: Map<string, string[]>;
  localCalls: Array<{ dir: string | undefined }>;
  sensitiveNames: Set<string>;
}

const isJson = (f: DiscoveredFile): boolean => f.path.toLowerCase().endsWith('.json');
const MODULE = Buffer.from('module');
const SENSITIVE = Buffer.from('sensitive');
/**
 * The word `module` as a block's type: not part of a longer name or of a reference (`module.x`), and
 * followed by a label (`module "x"`, `module x`). Anywhere in a line: a comment may stand before it
 * (`/* net *\/ module "x" {`). The text is read as latin1, so a label may start with any byte above
 * ASCII. A hint only: a match that is not a block costs one parse, a block it missed would lose the call.
 */
const MODULE_BLOCK = /(?<![\w.-])module(?:[\t ]+["A-Za-z_{\u0080-\u00ff]|["{])/;

/** Whether a Terraform file's text can hold a module block (JSON: any "module" key). */
function mayCall(f: DiscoveredFile, bytes: Buffer): boolean {
  if (!isTerraform(f.kind) || !bytes.includes(MODULE)) return false;
  return isJson(f) || MODULE_BLOCK.test(bytes.toString('latin1'));
}

/** Whether a file's text can declare a sensitive variable: any file that holds the word is parsed,
 * since `sensitive` takes any constant expression (`true`, `(true)`, `!false`). */
function mayDeclareSensitive(bytes: Buffer): boolean {
  return bytes.includes(SENSITIVE);
}

/** Pass 1: the module calls and sensitive names of the files, parsing only the files that can hold one.
 * What it parses and does not keep is garbage: `gc` collects it as it grows (gen-50k: 339 -> 250 MB RSS at its end). */
export async function survey(files: DiscoveredFile[], parseOpts: ParseOptions, cache: ParseCache, progress: (done: number) => void, gc: GrowthCollector): Promise<Survey> {
  const out: Survey = { calls: new Map(), localCalls: [], sensitiveNames: new Set() };
  let done = 0;
  for (const f of files) {
    progress(done++);
    // A hint only: a file it cannot read is parsed (which reports why), never one it may skip.
    const bytes = peekFile(f.absPath, parseOpts.maxFileBytes);
    if (bytes && !mayCall(f, bytes) && !mayDeclareSensitive(bytes)) continue;
    const r = await cache.get(f, parseOpts);
    gc.step();
    if (isFileError(r)) continue;
    noteFile(r, out);
  }
  return out;
}

/** Add what pass 1 found in later files to what it found in earlier ones: the same as one pass over all of them. */
export function joinSurvey(into: Survey, later: Survey): void {
  for (const [dir, sources] of later.calls) for (const src of sources) pushAt(into.calls, dir, src);
  into.localCalls.push(...later.localCalls);
  for (const n of later.sensitiveNames) into.sensitiveNames.add(n);
}

function noteFile(p: ParsedFile, into: Survey): void {
  if (isTerraform(p.file.kind)) {
    const sources = moduleSources(p.body);
    if (sources.length) {
      // Kept to the end of the scan: cut from the file's text, each would keep the whole text alive
      // (gen-50k: 4,368 texts, 12 MB, through the local calls' sources).
      const dir = dirOf(p.file.path);
      for (const src of sources) pushAt(into.calls, dir, detached(src));
      into.localCalls.push(...calledFolders([p]).map(withDetachedStrings));
    }
  }
  for (const n of sensitiveVariableNames([p])) into.sensitiveNames.add(detached(n));
}

/** One chunk of the scan: the Terraform roots it evaluates, the files it reads, the files it owns. */
export interface Chunk {
  roots: string[];
  /** Indexes into the scan's files, ascending (discover's order). */
  files: number[];
  /** Indexes into the module files read from outside the scanned paths, ascending. */
  extra: number[];
  /** Paths of the files whose records, errors, secrets, waivers and own entities this chunk reports. */
  owned: Set<string>;
  /** Folders it evaluates (for progress). */
  folders: number;
}

interface Group {
  roots: string[];
  tfFolders: Set<string>;
  files: Set<number>;
  extra: Set<number>;
  owned: Set<string>;
  folders: Set<string>;
}

const newGroup = (roots: string[]): Group => ({ roots, tfFolders: new Set(), files: new Set(), extra: new Set(), owned: new Set(), folders: new Set() });

/**
 * Pass 1's plan: one group per Terraform root (the folders it reaches), one per Packer folder that
 * no Terraform group owns, one for files no root reaches; each file is owned by exactly one group
 * (the first root, in byte order, that reaches its folder). Groups are joined into chunks of about
 * chunkBytes, in order.
 */
export function planChunks(
  files: DiscoveredFile[],
  extraFiles: ParsedFile[],
  s: Pick<Survey, 'calls'>,
  manifests: ModuleFiles['manifests'],
  chunkBytes = CHUNK_BYTES,
): Chunk[] {
  const tfDirs = new Set<string>();
  for (const f of files) if (isTerraform(f.kind)) tfDirs.add(dirOf(f.path));
  const library = new Set(extraFiles.map((f) => dirOf(f.file.path)));
  for (const d of library) tfDirs.add(d);
  // The evaluator's folders in its order: scanned files first, then the module files read for them.
  const dirs = [...new Set([...files.filter((f) => isTerraform(f.kind)).map((f) => dirOf(f.path)), ...library])];
  const roots = rootFolders(dirs, s.calls, library);
  const groups: Group[] = [];
  const owner = new Map<string, Group>();
  const rootGroup = new Map<string, Group>();
  for (const r of roots) {
    const g = newGroup([r]);
    for (const d of reachedFolders(r, tfDirs, s.calls, manifests.get(r))) {
      g.tfFolders.add(d);
      g.folders.add(d);
      if (!owner.has(d)) owner.set(d, g);
    }
    groups.push(g);
    rootGroup.set(r, g);
  }
  const packer = new Map<string, Group>();
  let leftover: Group | undefined;
  const rest = (): Group => (leftover ??= newGroup([]));
  files.forEach((f, i) => {
    const d = dirOf(f.path);
    let g: Group;
    if (isTerraform(f.kind)) g = owner.get(d) ?? rest();
    else if (f.kind === 'terraform-vars') g = rootGroup.get(d) ?? owner.get(d) ?? rest();
    else {
      g = owner.get(d) ?? packer.get(d) ?? newGroup([]);
      if (!owner.has(d) && !packer.has(d)) packer.set(d, g);
      g.folders.add(d);
    }
    g.owned.add(f.path);
    g.files.add(i);
  });
  extraFiles.forEach((f, i) => {
    const g = owner.get(dirOf(f.file.path)) ?? rest();
    g.owned.add(f.file.path);
    g.extra.add(i);
  });
  // Every group reads the Terraform files of the folders it reaches.
  const byDir = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (isTerraform(f.kind)) pushAt(byDir, dirOf(f.path), i);
  });
  const extraByDir = new Map<string, number[]>();
  extraFiles.forEach((f, i) => pushAt(extraByDir, dirOf(f.file.path), i));
  for (const g of groups) {
    for (const d of g.tfFolders) {
      for (const i of byDir.get(d) ?? []) g.files.add(i);
      for (const i of extraByDir.get(d) ?? []) g.extra.add(i);
    }
  }
  // Roots that call the same module folders are taken together, so a chunk reads (parses,
  // evaluates) a shared module folder once for all of them: by the folders each reaches, then by root.
  const signature = (g: Group): string => [...g.tfFolders].filter((d) => !g.roots.includes(d)).join('\u0000');
  const byModules = groups.map((g) => ({ g, key: signature(g) })).sort((x, y) => compareBytes(x.key, y.key) || compareBytes(x.g.roots[0]!, y.g.roots[0]!));
  const ordered = [...byModules.map((x) => x.g), ...[...packer.keys()].sort().map((d) => packer.get(d)!), ...(leftover ? [leftover] : [])];
  const fileBytes = (i: number): number => files[i]!.size ?? 0;
  const extraBytes = (i: number): number => extraFiles[i]!.text.length;
  const chunks: Chunk[] = [];
  // The chunk being filled: its groups, and the files it reads (a file several of them read counts once).
  let cur: { groups: Group[]; files: Set<number>; extra: Set<number>; bytes: number } | undefined;
  const flush = (): void => {
    if (!cur) return;
    const all = cur.groups;
    const union = <T>(pick: (g: Group) => Iterable<T>): T[] => [...new Set(all.flatMap((g) => [...pick(g)]))];
    chunks.push({
      roots: union((g) => g.roots).sort(),
      files: [...cur.files].sort((a, b) => a - b),
      extra: [...cur.extra].sort((a, b) => a - b),
      owned: new Set(union((g) => g.owned)),
      folders: union((g) => g.folders).length,
    });
    cur = undefined;
  };
  for (const g of ordered) {
    const added = (c: NonNullable<typeof cur> | undefined): number =>
      [...g.files].reduce((n, i) => n + (c?.files.has(i) ? 0 : fileBytes(i)), 0) + [...g.extra].reduce((n, i) => n + (c?.extra.has(i) ? 0 : extraBytes(i)), 0);
    if (cur && cur.bytes + added(cur) > chunkBytes) flush();
    cur ??= { groups: [], files: new Set(), extra: new Set(), bytes: 0 };
    cur.bytes += added(cur);
    cur.groups.push(g);
    for (const i of g.files) cur.files.add(i);
    for (const i of g.extra) cur.extra.add(i);
  }
  flush();
  return chunks;
}

/**
 * Parsed files kept for later use, up to a budget of source bytes: a file pass 1 parsed, a module
 * folder's file several chunks read. `uses` (set once the chunks are planned) drops a file after its
 * last use.
 */
export class ParseCache {
  private readonly kept = new Map<string, { r: ParsedFile | FileError; bytes: number }>();
  private bytes = 0;
  private uses: Map<string, number> | undefined;

  constructor(private readonly budget: number) {}

  plan(chunks: Chunk[], files: DiscoveredFile[]): void {
    const uses = new Map<string, number>();
    for (const c of chunks) for (const i of c.files) uses.set(files[i]!.path, (uses.get(files[i]!.path) ?? 0) + 1);
    this.uses = uses;
    for (const [p, k] of this.kept) {
      if (!uses.get(p)) {
        this.kept.delete(p);
        this.bytes -= k.bytes;
      }
    }
  }

  async get(f: DiscoveredFile, opts: ParseOptions): Promise<ParsedFile | FileError> {
    const hit = this.kept.get(f.path);
    const r = hit?.r ?? (await parseFile(f, opts));
    if (this.uses) {
      const left = (this.uses.get(f.path) ?? 1) - 1;
      this.uses.set(f.path, left);
      if (left <= 0) {
        if (hit) {
          this.kept.delete(f.path);
          this.bytes -= hit.bytes;
        }
        return r;
      }
    }
    const bytes = f.size ?? 0;
    if (!hit && this.bytes + bytes <= this.budget) {
      this.kept.set(f.path, { r, bytes });
      this.bytes += bytes;
    }
    return r;
  }
}

/** What every chunk of a scan reads besides its own files: the same for every chunk. */
export interface ChunkSources {
  files: DiscoveredFile[];
  varFiles: ParsedFile[];
  parseOpts: ParseOptions;
  modules: Pick<ModuleFiles, 'files' | 'manifests' | 'workspaces'>;
  sensitiveNames: Set<string>;
}

/** What one chunk gives (computeChunk), kept by applyChunk: plain data, made in this thread or a chunk worker. */
export interface ChunkResult {
  evaluated: Evaluated;
  secrets: string[];
  /** Index into the scan's files -> digest, for the files this chunk owns and parsed. */
  scanned: Array<[number, string]>;
  /** Index into the scan's files -> why it could not be parsed, for the files this chunk owns. */
  fileErrors: Array<[number, FileError]>;
  /** Indexes into the module files read from outside the scanned paths that this chunk owns. */
  extra: number[];
  /** Index into the scan's files -> its inline waivers (files that have any). */
  inline: Array<[number, Waiver[]]>;
  folders: number;
}

/** Parse, normalize, evaluate and map one chunk. Depends on nothing but its arguments (what a parse
 * leaves for the next group is dropped before it returns), so any thread can make any chunk. */
export async function computeChunk(c: Chunk, src: ChunkSources, ctx: GroupContext, cache: ParseCache, kept: KeptValues): Promise<ChunkResult> {
  const { files, modules } = src;
  const parsed: ParsedFile[] = [];
  const owned: ParsedFile[] = [];
  const ownedAt: number[] = [];
  const scanned: ChunkResult['scanned'] = [];
  const fileErrors: ChunkResult['fileErrors'] = [];
  for (const i of c.files) {
    const f = files[i]!;
    const r = await cache.get(f, src.parseOpts);
    const mine = c.owned.has(f.path);
    if (isFileError(r)) {
      if (mine) fileErrors.push([i, r]);
      continue;
    }
    parsed.push(r);
    if (mine) {
      owned.push(r);
      ownedAt.push(i);
      scanned.push([i, r.sha256]);
    }
  }
  const extra = c.extra.map((i) => modules.files[i]!);
  const ownedExtra = c.extra.filter((i) => c.owned.has(modules.files[i]!.file.path));
  try {
    const normalized = normalize(parsed, {
      varFiles: src.varFiles,
      modules: { files: extra, manifests: modules.manifests, workspaces: modules.workspaces },
      roots: c.roots,
      owns: (f) => c.owned.has(f.file.path),
    });
    const e = evaluated(ctx, normalized, kept);
    const secrets = [...collectSecrets([...owned, ...ownedExtra.map((i) => modules.files[i]!)], src.sensitiveNames)];
    const inline: ChunkResult['inline'] = [];
    owned.forEach((p, j) => {
      const w = inlineWaiversOf([p], ctx.directives);
      if (w.length) inline.push([ownedAt[j]!, w]);
    });
    return { evaluated: e, secrets, scanned, fileErrors, extra: ownedExtra, inline, folders: c.folders };
  } finally {
    forgetGroup();
  }
}

/** A result made in another thread, its paths, ids and message parts replaced by the kept copies of
 * this one (Collected.kept: equal values are one object, as when this thread makes them). */
function keptHere(r: ChunkResult, kept: KeptValues): ChunkResult {
  const e = r.evaluated;
  for (const f of e.findings) {
    f.path = kept.path(f.path);
    if (f.id !== f.ruleId) f.id = kept.text(f.id);
  }
  e.messages = e.messages.map((m) => kept.messageParts(m));
  return r;
}

/** Where a streamed scan keeps what its chunks give, by file index, until the stream is over. */
interface StreamSlots {
  scannedAt: DigestList;
  errorAt: Array<FileError | undefined>;
  extraAt: Array<string | undefined>;
  inlineAt: Array<Waiver[] | undefined>;
}

/** Keep one chunk's result. Chunks are kept in the plan's order whichever thread made them, so the
 * collection (and every report made from it) is the same as a scan of one chunk after the other. */
export function applyChunk(r: ChunkResult, into: Collected, slots: StreamSlots, modules: Pick<ModuleFiles, 'files'>): void {
  for (const [i, sha256] of r.scanned) slots.scannedAt.set(i, sha256);
  for (const [i, e] of r.fileErrors) slots.errorAt[i] = e;
  for (const i of r.extra) slots.extraAt[i] = modules.files[i]!.sha256;
  addEvaluated(into, r.evaluated);
  for (const x of r.secrets) into.secrets.add(x);
  for (const [i, w] of r.inline) slots.inlineAt[i] = w;
}

/** What the streamed scan found beside the findings. */
export interface Streamed {
  collected: Collected;
  /** Records of the files parsed, in the order a scan of everything lists them. */
  scanned: ScannedFile[];
  errors: FileError[];
  modules: ModuleFiles;
}

/** Chunks made by another thread (src/engine/chunk-pool.ts): started before pass 1, given the plan after it. */
export interface ChunkHelper {
  /** Pass 1 over the files from this index on is the helper's (started with them). */
  readonly surveyFrom: number;
  /** What its part of pass 1 found, or undefined when it failed (this thread then surveys that part). */
  surveyed(): Promise<Survey | undefined>;
  /** Hand over the plan; the helper claims chunks in `order` from the flags in `claimed`, as this thread does. */
  start(src: ChunkSources, chunks: Chunk[], claimed: SharedArrayBuffer, order: number[]): void;
  /** Once every chunk is claimed: the results of `missing` (the chunks this thread did not make) as
   * they come, until all are given or the helper stopped; then the helper is stopped. Never rejects
   * (a helper that failed gives what it finished: this thread makes the rest). */
  finished(missing: number[], onResult: (index: number, r: ChunkResult) => void): Promise<void>;
  /** Stop the helper now (the scan failed before it finished): it must not outlive the scan. */
  stop(): void;
}

/** Chunk indexes handed out once each across threads: one flag per chunk in shared memory. Each thread
 * walks its own order (claimOrders) and takes the first chunk no thread has taken; the results are
 * kept in the plan's order whatever order they were made in. */
export class ChunkClaim {
  readonly taken: Int32Array;
  private at = 0;
  constructor(
    readonly order: number[],
    shared: SharedArrayBuffer,
  ) {
    this.taken = new Int32Array(shared);
  }
  /** Memory for the flags of `chunks` chunks, shared by every thread's ChunkClaim. */
  static shared(chunks: number): SharedArrayBuffer {
    return new SharedArrayBuffer(4 * Math.max(1, chunks));
  }
  /** This thread's next chunk no thread has taken, or undefined when none is left. */
  next(): number | undefined {
    while (this.at < this.order.length) {
      const i = this.order[this.at++]!;
      if (Atomics.compareExchange(this.taken, i, 0, 1) === 0) return i;
    }
    return undefined;
  }
}

/** Chunk indexes by the bytes of source each reads, largest first (ties in the plan's order). */
export function largestFirst(chunks: Chunk[], files: DiscoveredFile[], extraFiles: ParsedFile[]): number[] {
  const bytes = chunks.map((c) => c.files.reduce((n, i) => n + (files[i]!.size ?? 0), 0) + c.extra.reduce((n, i) => n + extraFiles[i]!.text.length, 0));
  return [...chunks.keys()].sort((a, b) => bytes[b]! - bytes[a]! || a - b);
}

/**
 * The claim orders of this thread and of a helper that surveyed the files from `surveyFrom` on. Each
 * first takes its own chunks, those whose files it surveyed (and so parsed and may still hold); then
 * the other's. Both the largest first, so that what is left at the end, when one thread may have
 * nothing to do, is short. On the corpus one order for both had the threads parse 14.0 MB for 11.4 MB
 * of source; this 0.96x the wall and the CPU time (2026-12-07, 18 paired runs).
 */
export function claimOrders(chunks: Chunk[], files: DiscoveredFile[], extraFiles: ParsedFile[], surveyFrom: number): { here: number[]; helper: number[] } {
  const helperSide = (c: Chunk): boolean => {
    let theirs = 0;
    let ours = 0;
    for (const i of c.files) {
      if (i >= surveyFrom) theirs += files[i]!.size ?? 0;
      else ours += files[i]!.size ?? 0;
    }
    return theirs > ours;
  };
  const theirSide = chunks.map(helperSide);
  const sized = largestFirst(chunks, files, extraFiles);
  const mine = sized.filter((i) => !theirSide[i]);
  const theirs = sized.filter((i) => theirSide[i]);
  return { here: [...mine, ...theirs], helper: [...theirs, ...mine] };
}

/** Pass 1, the plan, and pass 2 over every chunk (some made by `helper`, when given). */
export async function streamScan(
  root: string,
  files: DiscoveredFile[],
  varFiles: ParsedFile[],
  parseOpts: ParseOptions,
  ctx: GroupContext,
  progress: (p: ScanProgress) => void,
  chunkBytes = CHUNK_BYTES,
  helper?: ChunkHelper,
): Promise<Streamed> {
  const cache = new ParseCache(PARSE_CACHE_BYTES);
  const gc = new GrowthCollector(GC_MARGIN);
  // Pass 1: the helper surveys the files from surveyFrom on, at the same time as this thread the others.
  const split = helper?.surveyFrom ?? files.length;
  const parseProgress = (done: number): void => progress({ stage: 'parse', done, total: files.length });
  const s = await survey(files.slice(0, split), parseOpts, cache, parseProgress, gc);
  if (split < files.length) {
    const theirs = await helper?.surveyed();
    joinSurvey(s, theirs ?? (await survey(files.slice(split), parseOpts, cache, (done) => parseProgress(split + done), gc)));
  }
  if (files.length) progress({ stage: 'parse', done: files.length, total: files.length });
  const have = new Set(files.filter((f) => isTerraform(f.kind)).map((f) => dirOf(f.path)));
  const modules = await loadModuleFolders(root, have, s.localCalls, parseOpts);
  for (const f of modules.files) noteFile(f, s);
  const chunks = planChunks(files, modules.files, s, modules.manifests, chunkBytes);
  cache.plan(chunks, files);

  const collected = emptyCollected(ctx.passedAsCount);
  // Until the end, a scanned file is its digest here: its record is made from the discovered file
  // (kept to the end of the scan anyway) when the stream is done, past the scan's peak.
  const slots: StreamSlots = {
    scannedAt: new DigestList(files.length),
    errorAt: new Array(files.length),
    extraAt: new Array(modules.files.length),
    // Inline waivers in the order of the files, as a scan of everything reads them (a file without any: nothing).
    inlineAt: new Array(files.length),
  };
  const src: ChunkSources = { files, varFiles, parseOpts, modules, sensitiveNames: s.sensitiveNames };
  const totalFolders = chunks.reduce((n, c) => n + c.folders, 0);
  let foldersDone = 0;
  const done = (r: ChunkResult): void => {
    foldersDone += r.folders;
    progress({ stage: 'evaluate', done: foldersDone, total: totalFolders });
  };
  if (!helper) {
    for (const c of chunks) {
      const r = await computeChunk(c, src, ctx, cache, collected.kept);
      applyChunk(r, collected, slots, modules);
      gc.step();
      done(r);
    }
  } else {
    // Each thread takes the next chunk of its order nobody has taken; the results are kept in the plan's order.
    const results: Array<ChunkResult | undefined> = new Array(chunks.length);
    const orders = claimOrders(chunks, files, modules.files, helper.surveyFrom);
    const claimed = ChunkClaim.shared(chunks.length);
    const claim = new ChunkClaim(orders.here, claimed);
    helper.start(src, chunks, claimed, orders.helper);
    for (let i = claim.next(); i !== undefined; i = claim.next()) {
      results[i] = await computeChunk(chunks[i]!, src, ctx, cache, collected.kept);
      done(results[i]!);
    }
    const missing = [...results.keys()].filter((i) => results[i] === undefined);
    await helper.finished(missing, (i, r) => {
      results[i] = keptHere(r, collected.kept);
      done(r);
    });
    // What the helper claimed and did not give (it failed) is made here.
    for (const [i, c] of chunks.entries()) results[i] ??= await computeChunk(c, src, ctx, cache, collected.kept);
    for (const [i, r] of results.entries()) {
      applyChunk(r!, collected, slots, modules);
      results[i] = undefined;
    }
    gc.step();
  }
  for (const w of slots.inlineAt) if (w) collected.inline.push(...w);
  settleNotes(collected);
  const scanned: ScannedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    const sha256 = slots.scannedAt.get(i);
    if (sha256 !== undefined) scanned.push({ file: files[i]!, sha256 });
  }
  for (const [i, sha256] of slots.extraAt.entries()) if (sha256 !== undefined) scanned.push({ file: modules.files[i]!.file, sha256 });
  const errors = slots.errorAt.filter((x): x is FileError => x !== undefined);
  return { collected, scanned, errors, modules };
}
