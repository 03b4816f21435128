// Terraform as Terraform would evaluate it, as far as it can be known without running it: module
// folders, variables (defaults, tfvars, var files, module inputs), locals, count/for_each instances,
// local module calls (resources get module.x.* addresses and a call site), module outputs. Remote
// modules and anything not known stay unknown and are counted.
import path from 'node:path';
import type { PathSegment } from '../model/locations.js';
import type { ParsedFile } from '../parse/parse.js';
import { BigNum } from '../resolve/bignum.js';
import { Budget, LIMITS } from '../resolve/budget.js';
import { NotStatic, type FileEnv } from '../resolve/functions.js';
import { existsConfined, listConfined, readConfined } from '../util/workspace-file.js';
import { NULL, NUMBER, STRING, refinedUnk, asNum, elems, entries, isNull, isUnknown, list, num, object, str, tuple, unk, unkText, type Val } from '../resolve/cty.js';
import { convert } from '../resolve/convert.js';
import { FILE_ERROR, childScope, evaluate, hasReference, isTemplateText, parseCached, refusalOf, sensitivityOf, type ExpressionLookup, type RefResolver, type RefStep, type Scope, type Sensitivity } from '../resolve/eval.js';
import { ParseError, type Node } from '../parse/ast.js';
import { parseJsonTypeConstraint, parseTypeConstraint, variableValue, type VariableDecl } from '../resolve/types.js';
import { EvalError } from '../resolve/values.js';
import { bodies, evalBody, evalRaw, evalRawVal, expressionsOf, literalRawVal, forEachPairs, INSTANCE_CAP, valueStat, type GivenValue, type Remap, type ValueStats } from './body.js';
import type { TerraformResource, Value } from '../model/input.js';
import type { SourceRange } from '../model/types.js';
import { compareBytes } from '../util/byte-order.js';
import { notConstant } from './var-files.js';
import { bodyOrigins, originsOf } from './origins.js';
import type { CallSite, OverrideLayer, PathOrigins, ValueOrigin } from '../model/entities.js';
import { dirOf, isLocalSource, manifestKey, moduleSources, sameModuleSource, type ModuleManifest } from './module-files.js';
import { declaredSensitive, Taint } from './taint.js';
import { rootFolders } from './groups.js';
import { RawFix, rawAttr, registerFolded } from './folded.js';
import { mergeOverrides, overrideLayers, type OverrideError } from './overrides.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A variable file of a root module: its values, and the line each is set on. */
export interface RootVarFile {
  file: string;
  values: Obj;
  /** The parsed file (literals the parser folded are recovered from its text: folded.ts). */
  parsed?: ParsedFile;
  /** Given explicitly (--var-file), not found beside the module. */
  given?: boolean;
  lineOf?: (name: string) => number | undefined;
  /** The trees of its strings, from its parse. */
  exprs?: ExpressionLookup;
}

export interface RemoteModule {
  source: string;
  module: string;
  file: string;
  line: number;
}

export interface TerraformNotes {
  remoteModules: RemoteModule[];
  /** Entities whose count/for_each/dynamic expansion hit the cap. */
  capped: string[];
  /** Local module calls whose folder is not among the scanned files (or outside the workspace). */
  skippedModules: Array<{ path: string; reason: string }>;
}

/** The lengths of the notes' lists when a root module's evaluation ended. */
export interface RootNotesEnd {
  root: string;
  remoteModules: number;
  capped: number;
  skippedModules: number;
}

/** What the builder needs to register an entity. */
export interface EntitySink {
  resource(
    f: ParsedFile,
    r: Omit<TerraformResource, 'id'>,
    locPath: PathSegment[],
    extra: { remaps: Remap[]; callSite?: CallSite; origins?: PathOrigins[]; layers?: OverrideLayer[] },
  ): void;
  provider(f: ParsedFile, name: string, alias: string | undefined, moduleDir: string, config: { [k: string]: Value }, locPath: PathSegment[], modulePrefix: string): void;
}

interface ModuleDir {
  dir: string;
  /** Its files with the override files merged in (src/normalize/overrides.ts). */
  files: ParsedFile[];
  /** Override blocks OpenTofu refuses (no base, depends_on, moved/import/removed). */
  overrideErrors?: OverrideError[];
  /** The trees of its files' strings (made once, for every instance). */
  exprs?: ExpressionLookup | null;
}

/** Module nesting below which every module instance is expanded (count, for_each). Deeper, each
 * module folder is evaluated once per root, as one instance of unknown count: instances multiply by
 * level (count = 2 at 30 levels is 2^30), while a chain of single modules is only deep, and its
 * resources are as real as any (OpenTofu has no limit). */
const MAX_DEPTH = 12;

/** Instances one root may expand (resource and module instances, dynamic blocks): count = 256 at
 * each of three levels is 16.7 million resources, which took 83 s and 4.3 GB before the process
 * died. Past it, count/for_each/dynamic are not expanded (one instance of unknown count) and each
 * module folder is evaluated once, as past MAX_DEPTH. */
export const ROOT_INSTANCE_BUDGET = 20_000;

/** Locals evaluated one inside the next (l2 = local.l1 + 1, ...): a deeper one is unknown. Each level
 * is a few dozen JavaScript frames; a chain of 2,000 locals exhausted the stack and killed the scan,
 * and one of 1,000 left half-evaluated locals behind that read as cycles (a false refusal). Real
 * configurations nest a few levels. */
const MAX_LOCAL_DEPTH = 200;

/** Largest for_each collection copied into each instance's configuration. */
const FOR_EACH_KEPT_IN_CONFIG = 32;

/** Replace every unknown inside a value crossing a module boundary: its text means nothing on the other side. */
function rebase(v: Val, text: string): Val {
  if (isUnknown(v)) {
    const reason = /\((?:error|evaluation budget)[^()]*\)$/.exec(unkText(v));
    return unk(reason ? `${text} ${reason[0]}` : text, v.t);
  }
  if (Array.isArray(v.v)) return { t: v.t, v: v.v.map((x) => rebase(x, text)) };
  if (v.v instanceof Map) {
    const m = new Map<string, Val>();
    for (const [k, x] of v.v) m.set(k, rebase(x, text));
    return { t: v.t, v: m };
  }
  return v;
}

/** A variable block's declaration: its type constraint, default and nullable. */
function declOf(name: string, b: Obj, noScope: Scope, exprs: ExpressionLookup | undefined, json: boolean): VariableDecl | { error: string } {
  // A default is a constant: OpenTofu refuses references and function calls there. In JSON syntax it
  // is read without an evaluation context: its strings are text, "${...}" included.
  const refused = 'default' in b && !json ? notConstant(rawAttr(b, 'default'), exprs) : undefined;
  if (refused) return { error: refused.replace('a variable file', 'a variable default') };
  let type;
  try {
    type = json ? parseJsonTypeConstraint(b.type) : parseTypeConstraint(b.type, noScope.exprs);
  } catch (e) {
    if (e instanceof EvalError) return { error: e.message };
    throw e;
  }
  const decl: VariableDecl = {
    name,
    ...(type ? { type } : {}),
    ...('default' in b ? { default: json ? literalRawVal(rawAttr(b, 'default')) : evalRawVal(rawAttr(b, 'default'), noScope) } : {}),
    nullable: b.nullable !== false,
  };
  // What OpenTofu refuses in the declaration itself, whatever value the variable is given.
  if (!decl.nullable && decl.default && isNull(decl.default)) return { error: 'the variable has nullable = false, so its default must not be null' };
  if (decl.type && decl.default && !isNull(decl.default) && !isUnknown(decl.default)) {
    try {
      convert(decl.default, decl.type);
    } catch (e) {
      if (e instanceof EvalError) return { error: `invalid default value for the variable: ${e.message}` };
      throw e;
    }
  }
  return decl;
}

/** A raw value without references (only literals, operators and functions on them). */
function constantRaw(raw: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (raw instanceof RawFix) return raw.kind !== 'rewrite' || constantRaw(raw.raw, depth + 1);
  if (typeof raw === 'string') {
    if (!isTemplateText(raw)) return true;
    const node = parseCached(raw);
    return !(node instanceof ParseError) && !hasReference(node);
  }
  if (Array.isArray(raw)) return raw.every((x) => constantRaw(x, depth + 1));
  if (isObj(raw)) return Object.entries(raw).every(([k, x]) => constantRaw(k, depth + 1) && constantRaw(x, depth + 1));
  return true;
}

/** An infinity anywhere in v (OpenTofu cannot write one into the plan or state). */
function holdsInfinity(v: Val): boolean {
  if (v.v instanceof BigNum) return v.v.inf;
  if (Array.isArray(v.v)) return v.v.some(holdsInfinity);
  if (v.v instanceof Map) return [...v.v.values()].some(holdsInfinity);
  return false;
}

/** A JSON syntax file (.tf.json, .tofu.json, .tfvars.json). */
const isJsonFile = (p: string): boolean => p.toLowerCase().endsWith('.json');

/** Where something is declared: its file and lines. */
export interface Declared {
  file: string;
  range: SourceRange;
}

/** Where path is written in file f (path []: line 1 of f), if it is. */
function declaredIn(f: ParsedFile, path: PathSegment[]): Declared | undefined {
  if (path.length === 0) return { file: f.file.path, range: { startLine: 1, endLine: 1 } };
  const hit = f.locations.get(path);
  return hit ? { file: f.file.path, range: { startLine: hit.startLine, endLine: hit.endLine } } : undefined;
}

/** A resource's configuration in a configuration OpenTofu refuses: each argument unknown, with the reason. */
function refusedConfig(config: { [k: string]: Value }, reason: string, who = 'OpenTofu refuses this configuration'): { [k: string]: Value } {
  const why = reason.length > 300 ? `${reason.slice(0, 299)}…` : reason;
  const out: { [k: string]: Value } = {};
  for (const k of Object.keys(config)) out[k] = { __unknown__: `${k} (error: ${who}: ${why})` };
  return out;
}

/** terraform_data's schema (input, triggers_replace) and the meta-arguments: any other argument or block is refused. */
const TERRAFORM_DATA_ARGUMENTS = new Set(['input', 'triggers_replace', 'count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);

function unsupportedArgument(b: Obj): string | undefined {
  const k = Object.keys(b).find((x) => !TERRAFORM_DATA_ARGUMENTS.has(x));
  return k === undefined ? undefined : `unsupported argument "${k}"`;
}

/** The instances of a count: the cap applied BEFORE anything is allocated. */
function countInstances(v: Val): { n: number } | { unknown: string } {
  if (isUnknown(v)) return { unknown: 'count is not known statically' };
  if (isNull(v)) return { unknown: 'count (error: the count value is null)' };
  try {
    const n = asNum(convert(v, NUMBER));
    if (n.inf || !n.isInt()) return { unknown: 'count (error: count must be a whole number)' };
    if (n.sign() < 0) return { unknown: 'count (error: count must not be negative)' };
    // OpenTofu reads count as a Go int.
    if (n.trunc() >= 1n << 63n) return { unknown: 'count (error: count is too large)' };
    const small = n.cmp(BigNum.fromInt(Number.MAX_SAFE_INTEGER)) > 0 ? Number.MAX_SAFE_INTEGER : n.toSafeInt()!;
    return { n: small };
  } catch (e) {
    if (e instanceof EvalError) return { unknown: `count (error: ${e.message})` };
    throw e;
  }
}

function keyText(k: string | number): string {
  return typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`;
}

export class TerraformEvaluator {
  readonly notes: TerraformNotes = { remoteModules: [], capped: [], skippedModules: [] };
  /** Sensitive variables and every value computed from them (src/normalize/taint.ts). */
  readonly taint = new Taint();
  /** How many locals are being evaluated, one inside the next (see MAX_LOCAL_DEPTH). */
  localDepth = 0;
  private readonly dirs = new Map<string, ModuleDir>();

  constructor(
    files: ParsedFile[],
    private readonly rootVars: RootVarFile[],
    private readonly out: EntitySink,
    private readonly stats: ValueStats,
    private readonly modules: { files: ParsedFile[]; manifests: Map<string, ModuleManifest>; workspaces?: Map<string, string> } = { files: [], manifests: new Map() },
  ) {
    for (const v of rootVars) if (v.parsed) registerFolded(v.parsed);
    for (const f of [...files, ...modules.files]) {
      registerFolded(f);
      const d = dirOf(f.file.path);
      let m = this.dirs.get(d);
      if (!m) this.dirs.set(d, (m = { dir: d, files: [] }));
      m.files.push(f);
    }
    // Module folders read only because something calls them (outside the scanned paths, or
    // downloaded by init) are never root modules.
    for (const f of modules.files) this.libraryDirs.add(dirOf(f.file.path));
    for (const m of this.dirs.values()) {
      const merged = mergeOverrides(m.files);
      if (merged.files.length === m.files.length && merged.files.every((f, i) => f === m.files[i])) continue;
      m.files.forEach((f) => this.mergedFiles.set(f, merged.files.find((x) => x.file === f.file)!));
      m.files = merged.files;
      if (merged.errors.length) m.overrideErrors = merged.errors;
    }
  }

  /** Each file whose body an override file changed (or an override file itself): as evaluated. */
  private readonly mergedFiles = new Map<ParsedFile, ParsedFile>();

  /** A file as the evaluator reads it: with the overrides of its folder merged in. */
  merged(f: ParsedFile): ParsedFile {
    return this.mergedFiles.get(f) ?? f;
  }

  private readonly libraryDirs = new Set<string>();

  /** The folder `terraform init` downloaded a non-local module call to, from the root's modules.json. */
  downloaded(rootDir: string, key: string, source: string): string | undefined {
    const m = this.modules.manifests.get(rootDir)?.get(key);
    return m && sameModuleSource(m.source, source) ? m.dir : undefined;
  }

  /** The module sources each folder's files name (src/normalize/groups.ts decides the roots from them). */
  private moduleCalls(): Map<string, string[]> {
    const calls = new Map<string, string[]>();
    for (const m of this.dirs.values()) calls.set(m.dir, m.files.flatMap((f) => moduleSources(f.body)));
    return calls;
  }

  /** Evaluate each root module (default: those rootFolders finds among the files), in byte order. */
  run(only?: readonly string[]): void {
    const roots = only ? [...only].filter((d) => this.dirs.has(d)).sort() : rootFolders(this.dirs.keys(), this.moduleCalls(), this.libraryDirs);
    for (const d of roots) {
      const root = this.dirs.get(d)!;
      const buffered: Array<() => void> = [];
      const resources: Array<Omit<TerraformResource, 'id'>> = [];
      this.refusals = [];
      this.refusedAt = [];
      this.sink = {
        resource: (f, r, locPath, extra) => {
          resources.push(r);
          buffered.push(() => this.out.resource(f, r, locPath, extra));
        },
        provider: (...args) => buffered.push(() => this.out.provider(...args)),
      };
      const inst = new ModuleInstance(this, root, [], this.rootInputs(d), undefined, 0, rootPaths(root, this.modules.workspaces?.get(d)), this.rootOrigins(d));
      inst.emit();
      inst.checkAll();
      // OpenTofu plans nothing of a configuration it refuses: every resource value is unknown, with why.
      const reason = this.refusals[0];
      if (reason !== undefined) for (const r of resources) r.config = refusedConfig(r.config, reason);
      const seen = new Set<string>();
      for (const x of this.refusedAt) {
        const file = x.file ?? root.files[0]?.file.path ?? d;
        const range = x.range ?? { startLine: 1, endLine: 1 };
        const key = `${file}\u0000${range.startLine}\u0000${x.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        this.refused.push({ root: d, reason: x.reason, file, range });
      }
      for (const emit of buffered) emit();
      const n = this.notes;
      this.rootEnds.push({ root: d, remoteModules: n.remoteModules.length, capped: n.capped.length, skippedModules: n.skippedModules.length });
    }
  }

  /** Where each root's notes end, in the order the roots ran: a scan made one group at a time puts
   * the notes of its groups back in the order of every root together (src/engine/stream.ts). */
  readonly rootEnds: RootNotesEnd[] = [];

  /** Root variables: terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) (in the byte order of
   * their names, as OpenTofu reads the folder), then the var files given, in order. */
  private rootInputs(dir: string): Map<string, Val> {
    const out = new Map<string, Val>();
    for (const v of this.rootVarFiles(dir)) {
      const noScope: Scope = { resolver: { ref: () => undefined }, bindings: new Map(), ...(v.exprs ? { exprs: v.exprs } : {}) };
      for (const k of Object.keys(v.values)) {
        const x = rawAttr(v.values, k);
        // A .tfvars.json value is read without an evaluation context: its strings are text.
        if (isJsonFile(v.file)) {
          out.set(k, literalRawVal(x));
          continue;
        }
        const refused = x instanceof RawFix ? undefined : notConstant(x, v.exprs);
        out.set(k, refused ? unk(`var.${k} (error: ${refused}: ${v.file})`) : evalRawVal(x, noScope));
      }
    }
    return out;
  }

  /** A root module's variable files in the order OpenTofu applies them (later ones win). */
  private rootVarFiles(dir: string): RootVarFile[] {
    const auto = this.rootVars
      .filter((v) => dirOf(v.file) === dir && !v.given && /(^|\/)(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/.test(v.file))
      .sort((a, b) => {
        const rank = (f: string): number => (/terraform\.tfvars$/.test(f) ? 0 : /terraform\.tfvars\.json$/.test(f) ? 1 : 2);
        return rank(a.file) - rank(b.file) || compareBytes(a.file, b.file);
      });
    const given = this.rootVars.filter((v) => v.given);
    return [...auto, ...given];
  }

  /** Which variable file (and line) set each root variable: the last one that sets it. */
  rootOrigins(dir: string): Map<string, ValueOrigin[]> {
    const out = new Map<string, ValueOrigin[]>();
    for (const v of this.rootVarFiles(dir)) {
      for (const k of Object.keys(v.values)) out.set(k, [{ file: v.file, line: v.lineOf?.(k) ?? 1, variable: k }]);
    }
    return out;
  }

  dir(d: string): ModuleDir | undefined {
    return this.dirs.get(d);
  }
  get sinkRef(): EntitySink {
    return this.sink;
  }

  /** Where the root being evaluated emits: buffered, so a configuration OpenTofu refuses can be made unknown. */
  private sink: EntitySink = { resource: () => undefined, provider: () => undefined };
  /** Errors of the root being evaluated that OpenTofu reports whatever is planned. */
  private refusals: string[] = [];

  /**
   * Record an error that makes OpenTofu refuse the whole configuration (a local, an output, a
   * variable, a cycle). An error from reading a file is not one: whether the file is there depends
   * on the machine OpenTofu runs on (a key file the user creates, a path relative to another
   * folder), not on the configuration, so it stays where it is used.
   */
  refuse(reason: string, at?: Declared): void {
    if (FILE_ERROR.test(reason)) return;
    this.refusals.push(reason);
    this.refusedAt.push({ reason, ...(at ?? {}) });
  }

  /** Where the root being evaluated is refused, as recorded by refuse(). */
  private refusedAt: Array<{ reason: string } & Partial<Declared>> = [];
  /**
   * Every root module OpenTofu refuses, each reason with where it is declared (or the root's first
   * file): an error of the run, not only unknown values. A configuration OpenTofu cannot plan is
   * reported, so that the checks it leaves unevaluated cannot let the change through.
   */
  readonly refused: Array<{ root: string; reason: string; file: string; range: SourceRange }> = [];
  get statsRef(): ValueStats {
    return this.stats;
  }
}

interface RootPaths {
  /** The root module's folder, relative to the workspace. */
  dir: string;
  /** Its absolute path: path.cwd. */
  cwd: string;
  /** terraform.workspace: the one selected in .terraform/environment, else "default". */
  workspace: string;
  /** Module folders evaluated beyond MAX_DEPTH (or past the budget) in this root, with the first address that did. */
  deep: Map<string, string>;
  /** What is left of ROOT_INSTANCE_BUDGET (0 or below once used up: a block it stops still counts one). */
  budget: { left: number };
}

function rootPaths(m: ModuleDir, selected: string | undefined): RootPaths {
  const file = m.files[0]!.file;
  return { dir: m.dir, cwd: path.dirname(file.absPath).split(path.sep).join('/'), workspace: selected ?? 'default', deep: new Map(), budget: { left: ROOT_INSTANCE_BUDGET } };
}

interface ChildEntry {
  instances: Array<{ key?: string | number; inst?: ModuleInstance }>;
  expanded: 'count' | 'for_each' | undefined;
  remote?: boolean;
  /** Why count/for_each could not be known. */
  unknownExpansion?: string;
}

interface Instance {
  key?: string | number;
  bindings: Record<string, Val>;
}

type Expansion =
  | { kind: 'none' }
  | { kind: 'count' | 'for_each'; instances: Instance[]; total: number }
  | { kind: 'unknown'; reason: string; bindings: Record<string, Val> };

/** A block's count / for_each instances, at most INSTANCE_CAP of them (cut before allocating). */
function expansion(b: Obj, scope: Scope, taint?: Taint): Expansion {
  if ('count' in b) {
    const c = countInstances(evalRawVal(rawAttr(b, 'count'), scope));
    if ('unknown' in c) return { kind: 'unknown', reason: c.unknown, bindings: { count: object(new Map([['index', unk('count.index', NUMBER)]])) } };
    const kept = Math.min(c.n, INSTANCE_CAP);
    const instances: Instance[] = [];
    for (let i = 0; i < kept; i++) instances.push({ key: i, bindings: { count: object(new Map([['index', num(BigNum.fromInt(i))]])) } });
    return { kind: 'count', instances, total: c.n };
  }
  if ('for_each' in b) {
    const raw = rawAttr(b, 'for_each');
    const { value, tainted } = taint ? taint.track(() => evalRawVal(raw, scope)) : { value: evalRawVal(raw, scope), tainted: false };
    // OpenTofu refuses a for_each value marked sensitive (a sensitive variable, sensitive(), what is
    // computed from them); one merely holding sensitive elements is expanded.
    const node = tainted && typeof raw === 'string' && isTemplateText(raw) ? parseCached(raw) : undefined;
    if (node !== undefined && !(node instanceof ParseError) && sensitivityOf(node, scope) === 'marked') {
      return { kind: 'unknown', reason: 'for_each (error: sensitive values cannot be used as for_each arguments)', bindings: { each: object(new Map([['key', unk('each.key')], ['value', unk('each.value')]])) } };
    }
    const r = forEachPairs(value);
    if (!('pairs' in r)) {
      const reason = 'unknown' in r ? r.unknown : `for_each (error: ${r.error})`;
      return { kind: 'unknown', reason, bindings: { each: object(new Map([['key', unk('each.key')], ['value', unk('each.value')]])) } };
    }
    const instances = r.pairs.slice(0, INSTANCE_CAP).map(([k, x]): Instance => ({ key: k, bindings: { each: object(new Map([['key', str(k)], ['value', x]])) } }));
    return { kind: 'for_each', instances, total: r.pairs.length };
  }
  return { kind: 'none' };
}

/** An expansion not made (nested too deep, the budget used up): one instance whose count.index or each is unknown. */
function unexpanded(exp: Exclude<Expansion, { kind: 'none' }>, why: string): Expansion {
  if (exp.kind === 'unknown') return exp;
  const reason = `${exp.kind} (${why}: not expanded)`;
  return exp.kind === 'count'
    ? { kind: 'unknown', reason, bindings: { count: object(new Map([['index', unk('count.index', NUMBER)]])) } }
    : { kind: 'unknown', reason, bindings: { each: object(new Map([['key', unk('each.key')], ['value', unk('each.value')]])) } };
}

class ModuleInstance {
  private readonly scope: Scope;
  private readonly localsRaw = new Map<string, unknown>();
  private readonly localsDone = new Map<string, Val>();
  private readonly localsBusy = new Set<string>();
  private readonly variables = new Map<string, Val>();
  /** Variables declared sensitive here, or given a value computed from a sensitive one by the caller. */
  private readonly sensitiveVars = new Set<string>();
  private readonly localsTainted = new Set<string>();
  /** Errors in the configuration's text itself (a declaration, a variable file's value): OpenTofu refuses it whatever it plans. */
  private readonly staticErrors: string[] = [];
  /** Variables declared `ephemeral = true`: their values may not reach a resource's arguments. */
  private readonly ephemeralVars = new Set<string>();

  private readonly duplicateResources = new Set<string>();

  /** Names declared twice in this module (OpenTofu: "Duplicate ... definition"), and count with for_each. */
  private checkDuplicates(): void {
    const seen = new Set<string>();
    const once = (what: string): void => {
      if (seen.has(what)) this.staticErrors.push(`${this.prefix}${what}: declared twice`);
      seen.add(what);
    };
    for (const f of this.mod.files) {
      const body = f.body;
      for (const kind of ['variable', 'output', 'module'] as const) {
        if (isObj(body[kind])) for (const [name, list] of Object.entries(body[kind] as Obj)) for (const _ of bodies(list)) once(`${kind}.${name}`);
      }
      for (const l of bodies(body.locals)) for (const k of Object.keys(l)) once(`local.${k}`);
      for (const mode of ['resource', 'data'] as const) {
        if (!isObj(body[mode])) continue;
        for (const [type, byName] of Object.entries(body[mode] as Obj)) {
          if (!isObj(byName)) continue;
          for (const [name, list] of Object.entries(byName)) {
            for (const rb of bodies(list)) {
              // A resource declared twice: OpenTofu refuses the configuration; here only that
              // resource's values are unknown (a folder of fixtures often repeats one on purpose).
              const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
              if (seen.has(address)) this.duplicateResources.add(address);
              seen.add(address);
              if ('count' in rb && 'for_each' in rb) this.staticErrors.push(`${this.prefix}${type}.${name}: count and for_each cannot both be set`);
            }
          }
        }
      }
    }
  }
  /**
   * A module call's arguments against the module's variables: OpenTofu refuses an argument no
   * variable declares ("Unsupported argument") and a variable without a default the call leaves out
   * ("Missing required argument").
   */
  private checkArguments(inputs: Map<string, Val>): void {
    const declared = new Map<string, boolean>();
    for (const f of this.mod.files) {
      if (!isObj(f.body.variable)) continue;
      for (const [name, list] of Object.entries(f.body.variable)) for (const b of bodies(list)) declared.set(name, (declared.get(name) ?? false) || 'default' in b);
    }
    // A folder that declares no variable at all is not judged: a copy trimmed to its resources (as
    // fixtures are) or one whose variables file could not be read would refuse every call to it.
    if (declared.size === 0) return;
    for (const k of inputs.keys()) if (!declared.has(k)) this.staticErrors.push(`${this.prefix.slice(0, -1)}: the module has no variable "${k}" (unsupported argument)`);
    for (const [name, hasDefault] of declared) if (!hasDefault && !inputs.has(name)) this.staticErrors.push(`${this.prefix.slice(0, -1)}: the argument "${name}" is required, but no definition was found`);
  }

  /** Variables declared `sensitive = true`: their value is marked sensitive whatever it is. */
  private readonly declaredSensitiveVars = new Set<string>();
  private readonly sensitivityBusy = new Set<string>();
  /** Some output of this instance is sensitive (declared, or computed from a sensitive value). */
  private outputsTainted = false;
  private readonly children = new Map<string, ChildEntry>();
  private readonly prefix: string;

  constructor(
    private readonly ev: TerraformEvaluator,
    private readonly mod: ModuleDir,
    /** Module path segments, e.g. ['app', 'db["x"]'] */
    private readonly modulePath: string[],
    inputs: Map<string, Val>,
    private readonly callSite: CallSite | undefined,
    private readonly depth: number,
    /** The root module this instance belongs to: where OpenTofu would run. */
    private readonly root: RootPaths,
    /** Variables whose value a variable file set (directly or through module inputs). */
    private readonly varOrigins: Map<string, ValueOrigin[]> = new Map(),
    /** Inputs whose value the caller computed from a sensitive value (src/normalize/taint.ts). */
    sensitiveInputs: Set<string> = new Set(),
    /** Inputs whose value the caller's expression marks sensitive as a whole (issensitive). */
    private readonly markedInputs: Set<string> = new Set(),
  ) {
    this.prefix = modulePath.map((m) => `module.${m}.`).join('');
    const resolver: RefResolver = { ref: (root, steps) => this.ref(root, steps) };
    const budget = new Budget();
    if (mod.exprs === undefined) mod.exprs = expressionsOf(mod.files) ?? null;
    const exprs = mod.exprs ? { exprs: mod.exprs } : {};
    this.scope = {
      resolver,
      bindings: new Map(),
      budget,
      files: this.fileEnv(),
      ...exprs,
      sensitiveRef: (n) => this.sensitiveRef(n),
      onSensitive: () => this.ev.taint.mark(),
    };
    const noScope: Scope = { resolver: { ref: () => undefined }, bindings: new Map(), budget, ...exprs };
    this.checkDuplicates();
    for (const f of mod.files) {
      if (isObj(f.body.variable)) {
        for (const [name, list] of Object.entries(f.body.variable)) {
          const b = bodies(list)[0];
          if (!b) continue;
          if (b.ephemeral === true) this.ephemeralVars.add(name);
          const decl = declOf(name, b, noScope, mod.exprs ?? undefined, isJsonFile(f.file.path));
          if ('error' in decl) {
            this.variables.set(name, unk(`var.${name} (error: ${decl.error})`));
            this.staticErrors.push(`${this.prefix}var.${name}: ${decl.error}`);
          } else {
            const v = variableValue(decl, inputs.get(name));
            this.variables.set(name, v);
            // A root variable's value from a variable file that does not convert: as static as the declaration.
            const r = modulePath.length === 0 && inputs.has(name) ? refusalOf(v) : undefined;
            if (r && !refusalOf(inputs.get(name)!)) this.staticErrors.push(`var.${name}: ${r}`);
          }
          // Sensitive whatever the value's source: default, tfvars, var file or module input.
          if (declaredSensitive(b)) this.declaredSensitiveVars.add(name);
          if (declaredSensitive(b) || sensitiveInputs.has(name)) {
            this.sensitiveVars.add(name);
            ev.taint.recordVal(this.variables.get(name)!);
          }
          if (bodies(b.validation).length) this.validations.set(name, bodies(b.validation));
        }
      }
      for (const l of bodies(f.body.locals)) for (const k of Object.keys(l)) this.localsRaw.set(k, rawAttr(l, k));
    }
    if (modulePath.length > 0) this.checkArguments(inputs);
    for (const [name, rules] of this.validations) this.validate(name, rules);
  }

  private readonly validations = new Map<string, Obj[]>();

  /** file(), templatefile()...: names relative to the root module's folder, reads confined to the workspace. */
  private fileEnv(): FileEnv | undefined {
    const any = this.mod.files[0]?.file;
    if (!any || !any.absPath.split(path.sep).join('/').endsWith(any.path)) return undefined;
    const workspace = any.absPath.slice(0, any.absPath.length - any.path.length) || '/';
    const cwd = this.root.cwd;
    return {
      cwd,
      read: (name) => {
        const r = readConfined(workspace, path.resolve(cwd, name), LIMITS.stringLength);
        if ('bytes' in r) return r.bytes;
        if (/outside the workspace/.test(r.refused)) throw new NotStatic(`${name} ${r.refused}`);
        throw new EvalError(r.refused === 'does not exist' ? `no file exists at ${name}` : `${name} ${r.refused}`);
      },
      exists: (name) => existsConfined(workspace, path.resolve(cwd, name)),
      list: (name) => {
        const r = listConfined(workspace, path.resolve(cwd, name));
        if (r && 'refused' in r) throw new NotStatic(`${name} ${r.refused}`);
        return r;
      },
    };
  }

  /** A variable whose validation condition is false: OpenTofu refuses the value, so it is unknown with the reason. */
  private validate(name: string, rules: Obj[]): void {
    for (const rule of rules) {
      // A condition on the file system (fileset, fileexists...) depends on the machine OpenTofu runs
      // on, not on the configuration: not judged here.
      if (typeof rule.condition === 'string' && /\b(?:file\w*|templatefile)\s*\(/.test(rule.condition)) continue;
      const ok = evalRawVal(rule.condition, this.scope);
      if (isUnknown(ok) || isNull(ok) || ok.t.k !== 'bool' || ok.v !== false) continue;
      const message = evalRawVal(rule.error_message, this.scope);
      const text = message.t.k === 'string' && typeof message.v === 'string' ? message.v : 'the validation condition is false';
      this.variables.set(name, unk(`var.${name} (error: invalid value for variable: ${text})`));
      return;
    }
  }

  private ref(root: string, steps: RefStep[]): { value: Val; used: number } | undefined {
    const name = steps[0]?.attr;
    switch (root) {
      case 'var':
        if (name !== undefined && this.ephemeralVars.has(name) && this.variables.has(name)) {
          // Only ephemeral contexts (providers, provisioners, ephemeralasnull) may hold it.
          return { value: unk(`var.${name} (error: ephemeral value used in non-ephemeral context)`), used: 1 };
        }
        if (name !== undefined && this.sensitiveVars.has(name)) this.ev.taint.mark();
        return name !== undefined && this.variables.has(name) ? { value: this.variables.get(name)!, used: 1 } : undefined;
      case 'local':
        if (name === undefined || !this.localsRaw.has(name)) return undefined;
        {
          const value = this.local(name);
          if (this.localsTainted.has(name)) this.ev.taint.mark();
          return { value, used: 1 };
        }
      case 'path':
        // As OpenTofu run in the root module's folder: path.root ".", path.module relative to it.
        return { value: object(new Map([['module', str(path.posix.relative(this.root.dir, this.mod.dir) || '.')], ['root', str('.')], ['cwd', str(this.root.cwd)]])), used: 0 };
      case 'module':
        return name !== undefined ? this.moduleValue(name) : undefined;
      case 'terraform':
        return name === 'workspace' ? { value: str(this.root.workspace), used: 1 } : undefined;
      default:
        // terraform_data (OpenTofu's built-in provider): its input and triggers_replace are planned as
        // configured. Other resources' attributes depend on their provider: not known statically.
        if (root === 'terraform_data' && name !== undefined) {
          const value = this.terraformData(name);
          return value ? { value, used: 1 } : undefined;
        }
        return undefined; // other resources, data sources, self, terraform.*
    }
  }

  private dataBlock(name: string): Obj | undefined {
    for (const f of this.mod.files) {
      const byType = isObj(f.body.resource) ? (f.body.resource as Obj).terraform_data : undefined;
      const b = isObj(byType) ? bodies(byType[name])[0] : undefined;
      if (b) return b;
    }
    return undefined;
  }

  private readonly dataBusy = new Set<string>();
  private readonly dataDone = new Map<string, { value: Val; tainted: boolean }>();

  /**
   * The planned value of `terraform_data.<name>` in this module instance, as OpenTofu's built-in
   * provider plans a create (internal/builtin/providers/tf/resource_data.go): input and
   * triggers_replace as configured, output null when input is null and else known after apply, id
   * known after apply. A tuple of instances with count, an object of them with for_each.
   */
  private terraformData(name: string): Val | undefined {
    const done = this.dataDone.get(name);
    if (done) {
      if (done.tainted) this.ev.taint.mark();
      return done.value;
    }
    const block = this.dataBlock(name);
    if (!block) return undefined; // OpenTofu: a reference to an undeclared resource (unknown here)
    const address = `terraform_data.${name}`;
    if (this.dataBusy.has(name)) {
      this.ev.refuse(`${this.prefix}${address}: a cycle of references leads back to this resource`, this.declared(['resource', 'terraform_data', name]));
      return unk(`${address} (error: a cycle of references leads back to this resource)`);
    }
    this.dataBusy.add(name);
    const b = block;
    const { value, tainted } = this.ev.taint.track((): Val => {
      const exp = expansion(b, this.scope, this.ev.taint);
      const instance = (bindings: Record<string, Val>, label: string): Val => {
        const scope = childScope(this.scope, bindings);
        const input = 'input' in b ? evalRawVal(rawAttr(b, 'input'), scope) : NULL;
        const triggers = 'triggers_replace' in b ? evalRawVal(rawAttr(b, 'triggers_replace'), scope) : NULL;
        return object(
          new Map([
            ['id', refinedUnk(`${label}.id`, STRING, { notNull: true })],
            ['input', input],
            ['output', isNull(input) ? input : unk(`${label}.output`, input.t)],
            ['triggers_replace', triggers],
          ]),
        );
      };
      switch (exp.kind) {
        case 'none':
          return instance({}, address);
        case 'unknown':
          return unk(`${address} (${exp.reason})`);
        case 'count':
          if (exp.total > exp.instances.length) return unk(`${address} (${exp.total} instances, more than are expanded)`);
          return tuple(exp.instances.map((i) => instance(i.bindings, `${address}${keyText(i.key!)}`)));
        case 'for_each': {
          if (exp.total > exp.instances.length) return unk(`${address} (${exp.total} instances, more than are expanded)`);
          const m = new Map<string, Val>();
          for (const i of exp.instances) m.set(String(i.key), instance(i.bindings, `${address}${keyText(i.key!)}`));
          return object(m);
        }
      }
    });
    this.dataBusy.delete(name);
    this.dataDone.set(name, { value, tainted });
    if (tainted) this.ev.taint.mark();
    return value;
  }

  /**
   * Whether the value a reference names is marked sensitive (eval.ts sensitivityOf): a variable
   * declared sensitive (or given a marked value by the caller), a local or a terraform_data input by
   * its expression, a module output declared sensitive; clean when reading it touches nothing
   * sensitive at all.
   */
  private sensitiveRef(n: Extract<Node, { k: 'ref' }>): Sensitivity {
    const name = n.steps[0]?.k === 'attr' ? n.steps[0].name : undefined;
    if (name === undefined) return n.root === 'path' || n.root === 'terraform' ? 'clean' : undefined;
    const key = `${n.root}.${name}`;
    if (this.sensitivityBusy.has(key)) return undefined;
    const tainted = this.ev.taint.track(() => evaluate({ k: 'ref', root: n.root, steps: n.steps.slice(0, 1), src: key }, this.scope)).tainted;
    if (!tainted) return 'clean';
    this.sensitivityBusy.add(key);
    try {
      const ofRaw = (raw: unknown): Sensitivity => {
        if (typeof raw !== 'string') return undefined;
        if (!isTemplateText(raw)) return 'clean';
        const node = parseCached(raw);
        return node instanceof ParseError ? undefined : sensitivityOf(node, this.scope);
      };
      switch (n.root) {
        case 'var':
          return this.declaredSensitiveVars.has(name) || this.markedInputs.has(name) ? 'marked' : undefined;
        case 'local':
          return ofRaw(this.localsRaw.get(name));
        case 'module': {
          const output = n.steps[1]?.k === 'attr' ? n.steps[1].name : undefined;
          const c = this.child(name);
          if (output === undefined || !c || c.expanded || c.unknownExpansion || !c.instances[0]?.inst) return undefined;
          return c.instances[0].inst.outputSensitivity(output);
        }
        case 'terraform_data': {
          const b = this.dataBlock(name);
          if (!b || 'count' in b || 'for_each' in b) return undefined;
          const attr = n.steps[1]?.k === 'attr' ? n.steps[1].name : undefined;
          if (attr === 'input' || attr === 'triggers_replace') return ofRaw(rawAttr(b, attr));
          return undefined;
        }
        default:
          return undefined;
      }
    } finally {
      this.sensitivityBusy.delete(key);
    }
  }

  /** An output's sensitivity in the caller: declared sensitive, or by its expression. */
  outputSensitivity(name: string): Sensitivity {
    for (const f of this.mod.files) {
      if (!isObj(f.body.output)) continue;
      const b = bodies((f.body.output as Obj)[name])[0];
      if (!b) continue;
      if (declaredSensitive(b)) return 'marked';
      const raw = rawAttr(b, 'value');
      if (typeof raw !== 'string') return undefined;
      if (!isTemplateText(raw)) return 'clean';
      const node = parseCached(raw);
      return node instanceof ParseError ? undefined : sensitivityOf(node, this.scope);
    }
    return undefined;
  }

  private local(name: string): Val {
    if (this.localsDone.has(name)) return this.localsDone.get(name)!;
    if (this.localsBusy.has(name)) {
      this.ev.refuse(`${this.prefix}local.${name}: a cycle of references leads back to it`, this.declaredLocal(name));
      return unk(`local.${name} (error: a cycle of references leads back to this local)`);
    }
    if (this.ev.localDepth >= MAX_LOCAL_DEPTH) return unk(`local.${name} (locals nested deeper than ${MAX_LOCAL_DEPTH}: not evaluated)`);
    this.localsBusy.add(name);
    this.ev.localDepth++;
    let r: { value: Val; tainted: boolean };
    try {
      r = this.ev.taint.track(() => evalRawVal(this.localsRaw.get(name), this.scope));
    } finally {
      this.ev.localDepth--;
      this.localsBusy.delete(name);
    }
    const { value: v, tainted } = r;
    if (tainted) {
      this.localsTainted.add(name);
      this.ev.taint.recordVal(v);
    }
    this.localsDone.set(name, v);
    return v;
  }

  /** module.<name>: an object of outputs (a list or map of them when the call is expanded). */
  private moduleValue(name: string): { value: Val; used: number } | undefined {
    const c = this.child(name);
    if (!c || c.remote) return undefined;
    const outputsOf = (i: { key?: string | number; inst?: ModuleInstance }): Val => {
      const label = `module.${name}${i.key !== undefined ? keyText(i.key) : ''}`;
      if (!i.inst) return unk(label);
      const out = i.inst.outputs(label);
      if (i.inst.outputsTainted) this.ev.taint.mark();
      return out;
    };
    if (c.unknownExpansion) return { value: unk(`module.${name} (${c.unknownExpansion})`), used: 1 };
    if (!c.expanded) return c.instances[0] ? { value: outputsOf(c.instances[0]), used: 1 } : undefined;
    if (c.expanded === 'count') return { value: tuple(c.instances.map(outputsOf)), used: 1 };
    const o = new Map<string, Val>();
    for (const i of c.instances) o.set(String(i.key), outputsOf(i));
    return { value: object(o), used: 1 };
  }

  private outputsCache: Val | undefined;
  outputs(label: string): Val {
    if (this.outputsCache) return this.outputsCache;
    this.outputsCache = object(new Map());
    const out = new Map<string, Val>();
    for (const f of this.mod.files) {
      if (!isObj(f.body.output)) continue;
      for (const [name, list] of Object.entries(f.body.output)) {
        const b = bodies(list)[0];
        if (!b) continue;
        const { value, tainted } = this.ev.taint.track(() => rebase(evalRawVal(rawAttr(b, 'value'), this.scope), `${label}.${name}`));
        if (tainted || declaredSensitive(b)) {
          this.outputsTainted = true;
          this.ev.taint.recordVal(value);
        }
        out.set(name, value);
      }
    }
    this.outputsCache = object(out);
    return this.outputsCache;
  }

  private findCall(name: string): { f: ParsedFile; b: Obj } | undefined {
    for (const f of this.mod.files) {
      if (!isObj(f.body.module)) continue;
      const b = bodies((f.body.module as Obj)[name])[0];
      if (b) return { f, b };
    }
    return undefined;
  }

  /** Instantiate (once) the module call `name`. */
  private child(name: string): ChildEntry | undefined {
    const done = this.children.get(name);
    if (done) return done;
    const call = this.findCall(name);
    if (!call) return undefined;
    const { f, b } = call;
    const line = f.locations.get(['module', name, 0])?.startLine ?? 1;
    const address = `${this.prefix}module.${name}`;
    const source = typeof b.source === 'string' ? b.source : '';
    const entry: ChildEntry = { instances: [], expanded: undefined };
    this.children.set(name, entry);
    const fetched = isLocalSource(source) ? undefined : this.ev.downloaded(this.root.dir, manifestKey(this.modulePath, name), source);
    if (!isLocalSource(source) && fetched === undefined) {
      entry.remote = true;
      this.ev.notes.remoteModules.push({ source, module: address, file: f.file.path, line });
      return entry;
    }
    const target = fetched ?? (path.posix.normalize(path.posix.join(this.mod.dir, source)).replace(/\/$/, '') || '.');
    const targetDir = target.startsWith('../') || target === '..' ? undefined : this.ev.dir(target);
    const deep = this.depth >= MAX_DEPTH;
    const once = deep || this.root.budget.left <= 0;
    const first = once && targetDir ? this.root.deep.get(target) : undefined;
    if (!targetDir || first !== undefined) {
      const reason = target.startsWith('..')
        ? `local module ${source} (called as ${address} at ${f.file.path}:${line}) is outside the workspace: not read`
        : !targetDir
          ? `local module ${source} (called as ${address} at ${f.file.path}:${line}) has no Terraform files in the workspace: not evaluated`
          : `${deep ? `module nesting deeper than ${MAX_DEPTH}` : `the root's ${ROOT_INSTANCE_BUDGET} instances used up`} at ${address}: its folder is evaluated once, as ${first}`;
      this.ev.notes.skippedModules.push({ path: target, reason });
      entry.remote = true;
      return entry;
    }
    const meta = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
    let exp = expansion(b, this.scope, this.ev.taint);
    if (once) {
      this.root.deep.set(target, address);
      if (exp.kind !== 'none') exp = unexpanded(exp, deep ? `module nesting deeper than ${MAX_DEPTH}` : `the root's ${ROOT_INSTANCE_BUDGET} instances used up`);
    } else exp = this.withinBudget(exp, address);
    if (exp.kind === 'unknown') entry.unknownExpansion = exp.reason;
    else if (exp.kind !== 'none') {
      entry.expanded = exp.kind;
      if (exp.total > INSTANCE_CAP) this.ev.notes.capped.push(`${address} (${exp.total} instances, first ${INSTANCE_CAP} kept)`);
    }
    const instances = exp.kind === 'count' || exp.kind === 'for_each' ? exp.instances : [{ bindings: exp.kind === 'unknown' ? exp.bindings : {} }];
    for (const { key, bindings } of instances) {
      const scope = childScope(this.scope, bindings);
      const inputs = new Map<string, Val>();
      const sensitiveInputs = new Set<string>();
      const markedInputs = new Set<string>();
      for (const k of Object.keys(b)) {
        if (meta.has(k)) continue;
        const { value, tainted } = this.ev.taint.track(() => rebase(evalRawVal(rawAttr(b, k), scope), `var.${k}`));
        inputs.set(k, value);
        if (tainted) {
          sensitiveInputs.add(k);
          const raw = rawAttr(b, k);
          const node = typeof raw === 'string' && isTemplateText(raw) ? parseCached(raw) : undefined;
          if (node && !(node instanceof ParseError) && sensitivityOf(node, scope) === 'marked') markedInputs.add(k);
        }
      }
      const seg = `${name}${key !== undefined ? keyText(key) : ''}`;
      const site: CallSite = { file: f.file.path, line, module: `${this.prefix}module.${seg}`, ...(this.callSite ? { parent: this.callSite } : {}) };
      const inst = new ModuleInstance(this.ev, targetDir, [...this.modulePath, seg], inputs, site, this.depth + 1, this.root, this.inputOrigins(b, meta), sensitiveInputs, markedInputs);
      entry.instances.push({ ...(key !== undefined ? { key } : {}), inst });
    }
    return entry;
  }

  /** Var-file origins of a module call's inputs, by input name. */
  private inputOrigins(call: Obj, meta: Set<string>): Map<string, ValueOrigin[]> {
    const out = new Map<string, ValueOrigin[]>();
    for (const [k, raw] of Object.entries(call)) {
      if (meta.has(k)) continue;
      const o = originsOf(raw, this.varOrigins, this.localsRaw);
      if (o.length) out.set(k, o);
    }
    return out;
  }

  /** Where path is written in this module's first file that has it (path [] : the module's first file, line 1). */
  private declared(path: PathSegment[]): Declared | undefined {
    for (const f of this.mod.files) {
      const at = declaredIn(f, path);
      if (at) return at;
    }
    return undefined;
  }

  /** Where local `name` is written (["locals", i, name] in the file that declares it). */
  private declaredLocal(name: string): Declared | undefined {
    for (const f of this.mod.files) {
      const i = bodies(f.body.locals).findIndex((l) => Object.hasOwn(l, name));
      if (i >= 0) return declaredIn(f, ['locals', i, name]);
    }
    return undefined;
  }

  /**
   * Evaluate what OpenTofu evaluates whether or not anything uses it (variables, locals, outputs),
   * here and in every module instance below, and record the errors among them: OpenTofu refuses a
   * configuration with any of them.
   */
  checkAll(): void {
    for (const e of this.staticErrors) this.ev.refuse(e, this.declared([]));
    for (const e of this.mod.overrideErrors ?? []) this.ev.refuse(`${this.prefix}${e.reason}`, { file: e.file, range: e.range });
    // Locals and outputs OpenTofu evaluates whether or not anything uses them: a constant one that
    // fails fails the plan. One computed from other values is left where it is used: whether it
    // fails here can depend on what this scan cannot see (values, files, our own evaluation).
    for (const name of this.localsRaw.keys()) {
      const v = this.local(name); // every local, as OpenTofu: a cycle among them refuses the configuration
      if (!constantRaw(this.localsRaw.get(name))) continue;
      const r = refusalOf(v);
      if (r) this.ev.refuse(`${this.prefix}local.${name}: ${r}`, this.declaredLocal(name));
    }
    for (const f of this.mod.files) {
      if (!isObj(f.body.check)) continue;
      for (const [name, list] of Object.entries(f.body.check as Obj)) {
        for (const c of bodies(list)) {
          for (const a of bodies(c.assert)) if (constantRaw(a.condition)) this.ev.refuse(`${this.prefix}check.${name}: the assert condition must refer to at least one object`, declaredIn(f, ['check', name, 0]));
        }
      }
    }
    const label = this.prefix ? this.prefix.slice(0, -1) : 'output';
    const mayBeSensitive = this.declaredSensitiveVars.size > 0 || this.markedInputs.size > 0;
    for (const f of this.mod.files) {
      if (!isObj(f.body.output)) continue;
      for (const [name, list] of Object.entries(f.body.output)) {
        const b = bodies(list)[0];
        if (!b) continue;
        for (const c of bodies(b.precondition)) {
          if (constantRaw(c.condition)) {
            this.ev.refuse(`${this.prefix}output.${name}: the precondition must refer to at least one object`, declaredIn(f, ['output', name, 0]));
            continue;
          }
          const ok = evalRawVal(c.condition, this.scope);
          if (!isUnknown(ok) && ok.t.k === 'bool' && ok.v === false) this.ev.refuse(`${this.prefix}output.${name}: output precondition failed`, declaredIn(f, ['output', name, 0]));
        }
        // A root module's output whose value is marked sensitive must say so ("Output refers to sensitive values").
        const raw = rawAttr(b, 'value');
        if (this.modulePath.length === 0 && !declaredSensitive(b) && typeof raw === 'string' && isTemplateText(raw) && (mayBeSensitive || raw.includes('sensitive('))) {
          const node = this.scope.exprs?.get(raw) ?? parseCached(raw);
          if (!(node instanceof ParseError) && sensitivityOf(node, this.scope) === 'marked') this.ev.refuse(`${this.prefix}output.${name}: refers to sensitive values without sensitive = true`, declaredIn(f, ['output', name, 0]));
        }
        if (!constantRaw(raw)) continue;
        const v = this.outputsCache ? entries(this.outputsCache).get(name) : rebase(evalRawVal(raw, this.scope), `${label}.${name}`);
        const r = v && (refusalOf(v) ?? (holdsInfinity(v) ? 'an infinite number cannot be stored' : undefined));
        if (r) this.ev.refuse(`${this.prefix}output.${name}: ${r}`, declaredIn(f, ['output', name, 0]));
      }
    }
    for (const c of this.children.values()) for (const i of c.instances) i.inst?.checkAll();
  }

  /**
   * A resource's lifecycle precondition or postcondition that is known to be false, as the message
   * OpenTofu fails the plan with. A condition that refers to nothing is refused with the whole
   * configuration ("must refer to at least one object"). `self` in a postcondition is the planned
   * object, known only for terraform_data (input and triggers_replace; id and output after apply).
   */
  private failedCondition(b: Obj, scope: Scope, terraformData: boolean): string | undefined {
    for (const lc of bodies(b.lifecycle)) {
      for (const kind of ['precondition', 'postcondition'] as const) {
        for (const c of bodies(lc[kind])) {
          if (constantRaw(c.condition)) {
            this.ev.refuse(`${this.prefix}${kind}: the condition must refer to at least one object`);
            continue;
          }
          let s = scope;
          if (kind === 'postcondition') {
            const input = terraformData && 'input' in b ? evalRawVal(rawAttr(b, 'input'), scope) : terraformData ? NULL : unk('self');
            const self = terraformData
              ? object(new Map([['id', unk('self.id', STRING)], ['input', input], ['output', isNull(input) ? input : unk('self.output', input.t)], ['triggers_replace', 'triggers_replace' in b ? evalRawVal(rawAttr(b, 'triggers_replace'), scope) : NULL]]))
              : unk('self');
            s = childScope(scope, { self });
          }
          const ok = evalRawVal(c.condition, s);
          if (isUnknown(ok) || isNull(ok) || ok.t.k !== 'bool' || ok.v !== false) continue;
          const message = evalRawVal(c.error_message, s);
          return `resource ${kind} failed: ${message.t.k === 'string' && typeof message.v === 'string' ? message.v : 'the condition is false'}`;
        }
      }
    }
    return undefined;
  }

  /** Register this module's resources and providers, then its children's. */
  emit(): void {
    const sink = this.ev.sinkRef;
    for (const f of this.mod.files) {
      for (const mode of ['resource', 'data'] as const) {
        const byType = f.body[mode];
        if (!isObj(byType)) continue;
        for (const [type, byName] of Object.entries(byType)) {
          if (!isObj(byName)) continue;
          for (const [name, list] of Object.entries(byName)) {
            bodies(list).forEach((b, i) => this.emitResource(f, mode, type, name, b, i));
          }
        }
      }
      if (isObj(f.body.provider)) {
        for (const [name, list] of Object.entries(f.body.provider)) {
          bodies(list).forEach((b, i) => {
            const config = evalBody(b, { scope: this.scope, taint: this.ev.taint });
            const alias = typeof config.alias === 'string' ? config.alias : undefined;
            sink.provider(f, name, alias, this.mod.dir, config, ['provider', name, i], this.prefix);
          });
        }
      }
    }
    for (const f of this.mod.files) {
      if (!isObj(f.body.module)) continue;
      for (const name of Object.keys(f.body.module)) {
        const c = this.child(name);
        for (const i of c?.instances ?? []) i.inst?.emit();
      }
    }
  }

  /** The expansion if the root's budget has room for its instances (taken from it), else one
   * instance of unknown count, noted as capped; a single instance always counts one. */
  private withinBudget(exp: Expansion, address: string): Expansion {
    const budget = this.root.budget;
    const n = exp.kind === 'count' || exp.kind === 'for_each' ? exp.instances.length : 1;
    if (n > 1 && n > budget.left && exp.kind !== 'none') {
      this.ev.notes.capped.push(`${address} (${exp.kind === 'count' || exp.kind === 'for_each' ? exp.total : n} instances: the root's ${ROOT_INSTANCE_BUDGET} instances are used up, not expanded)`);
      budget.left -= 1;
      return unexpanded(exp, `the root's ${ROOT_INSTANCE_BUDGET} instances used up`);
    }
    budget.left -= n;
    return exp;
  }

  /** Whether the root's budget has room for n more dynamic blocks (taken from it). */
  private allowBlocks(n: number): boolean {
    if (n > this.root.budget.left) return false;
    this.root.budget.left -= n;
    return true;
  }

  /** The for_each attribute of a resource whose collection (of `total` elements) each instance names
   * instead of repeating it, with how the value statistics count what is written. */
  private forEachGiven(b: Obj, total: number): Map<string, GivenValue> {
    const raw = rawAttr(b, 'for_each') ?? b.for_each;
    const value = this.ev.taint.evaluate(() => evalRaw(raw, this.scope));
    const placeholder = { __unknown__: `for_each (a collection of ${total} elements, not repeated in each instance)` };
    return new Map([['for_each', { value: placeholder, stat: valueStat(raw, value) }]]);
  }

  private emitResource(f: ParsedFile, mode: 'resource' | 'data', type: string, name: string, b: Obj, i: number): void {
    const local = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
    const locPath: PathSegment[] = [mode, type, name, i];
    const stats = this.ev.statsRef;
    const origins = bodyOrigins(b, this.varOrigins, this.localsRaw);
    const layers = overrideLayers(b);
    const exp = this.withinBudget(expansion(b, this.scope, this.ev.taint), `${this.prefix}${local}`);
    let instances: Instance[] = [{ bindings: {} }];
    if (exp.kind === 'unknown') instances = [{ bindings: exp.bindings }];
    else if (exp.kind !== 'none') {
      instances = exp.instances;
      if (exp.total > INSTANCE_CAP) this.ev.notes.capped.push(`${this.prefix}${local} (${exp.total} instances, first ${INSTANCE_CAP} kept)`);
    }
    // A large for_each collection is not repeated in each instance's configuration (below), so it is
    // not evaluated for each either: once, for the value statistics (5,000 instances took 20 s).
    const given = exp.kind === 'for_each' && exp.total > FOR_EACH_KEPT_IN_CONFIG ? this.forEachGiven(b, exp.total) : undefined;
    for (const inst of instances) {
      const remaps: Remap[] = [];
      const suffix = inst.key !== undefined ? keyText(inst.key) : '';
      const config = evalBody(b, {
        scope: childScope(this.scope, inst.bindings),
        stats,
        remaps,
        taint: this.ev.taint,
        onCap: (what) => this.ev.notes.capped.push(`${this.prefix}${local}${suffix}: ${what}`),
        allowBlocks: (n) => this.allowBlocks(n),
      }, locPath, locPath, given);
      // count/for_each are meta-arguments: kept (evaluated) for rules that look, but a large for_each
      // collection is not repeated in every instance's configuration (it would grow the input quadratically).
      // An expansion OpenTofu refuses or cannot know: the meta-argument is unknown, with the reason.
      if (exp.kind === 'unknown') config['count' in b ? 'count' : 'for_each'] = { __unknown__: exp.reason };
      // What OpenTofu refuses for this resource alone: an argument its schema lacks, a failing
      // precondition or postcondition. Its values are then unknown, with the reason.
      const refused = (this.duplicateResources.has(local) ? `${local} is declared twice` : undefined) ??
        (mode === 'resource' && type === 'terraform_data' ? unsupportedArgument(b) : undefined) ?? this.failedCondition(b, childScope(this.scope, inst.bindings), mode === 'resource' && type === 'terraform_data');
      const finalConfig = refused ? refusedConfig(config, refused, 'OpenTofu refuses this resource') : config;
      this.ev.sinkRef.resource(
        f,
        {
          address: `${this.prefix}${local}${suffix}`,
          mode: mode === 'data' ? 'data' : 'managed',
          type,
          name,
          module_dir: this.mod.dir,
          file: f.file.path,
          config: finalConfig,
          ...(this.modulePath.length ? { module_path: this.modulePath } : {}),
          ...(this.callSite ? { call_site: { file: this.callSite.file, line: this.callSite.line } } : {}),
          local_address: local,
          ...(inst.key !== undefined ? { instance_key: inst.key } : {}),
        },
        locPath,
        { remaps, ...(this.callSite ? { callSite: this.callSite } : {}), origins, ...(layers ? { layers } : {}) },
      );
    }
  }
}
