// Terraform plan JSON (`terraform show -json <planfile>`, format_version 1.x) as an input: the planned
// values of every managed resource instance that will exist after apply (and of data sources), in the
// same PolicyInput shape the HCL path produces, evaluated by the same policies (issue #4).
//
// - Values: resource_changes[].change.after (+ after_unknown, after_sensitive) for instances being
//   created, updated, replaced or left as they are; planned_values for instances without a change
//   entry; prior_state for data sources read during planning. Deleted (and forgotten, and deposed)
//   instances are skipped. Null attributes are absent (as an unset HCL attribute), and so is an empty
//   list or map the configuration does not write (a block the configuration leaves out).
// - Values unknown until apply become {"__unknown__": ...}: the expression the HCL files give for
//   that attribute when they are scanned and it is a reference (so rules follow it exactly as in the
//   HCL path), otherwise "<address>.<attribute path> (known after apply)".
// - Sensitive values are kept (they are known) and returned as secrets, so every report redacts them.
// - Locations: the plan has no lines. Each instance is mapped to its resource block in the scanned
//   .tf files (module folder + address inside the module); without them, to its entry in the plan.
// - The plan replaces the HCL evaluation of the Terraform resources of every module folder it covers.
import { readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FileError } from '../model/types.js';
import type { LocationIndex, PathSegment } from '../model/locations.js';
import { HclSyntaxError } from '../parse/errors.js';
import { parseJsonWithLocations } from '../parse/json-syntax.js';
import type { ParsedFile } from '../parse/parse.js';
import type { Normalized } from './normalize.js';
import type { CallSite, EntityLocation } from '../model/entities.js';
import type { TerraformResource, Value } from '../model/input.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface LoadedPlan {
  /** As reported: relative to the root (POSIX) when inside it, else absolute. */
  path: string;
  absPath: string;
  sha256: string;
  text: string;
  doc: Obj;
  locations: LocationIndex;
}

/** Plans are bigger than configuration files: they may be this many times max-file-bytes. */
export const PLAN_SIZE_FACTOR = 16;

/** Read and check a plan JSON file. Every problem is a located FileError (the scan exits 1). */
/**
 * The plan's text: UTF-8 (a BOM dropped), or UTF-16 as Windows PowerShell's `>` writes it (little- or
 * big-endian, told by its BOM, or by the zero byte beside the opening brace). Undefined when invalid.
 */
export function planText(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let skip = 0;
  if (b0 === 0xff && b1 === 0xfe) [encoding, skip] = ['utf-16le', 2];
  else if (b0 === 0xfe && b1 === 0xff) [encoding, skip] = ['utf-16be', 2];
  else if (bytes.length >= 2 && b0 !== 0 && b1 === 0) encoding = 'utf-16le';
  else if (bytes.length >= 2 && b0 === 0 && b1 !== 0) encoding = 'utf-16be';
  let body = bytes.subarray(skip);
  if (encoding === 'utf-16be') {
    // Swapped into little-endian: decoders for UTF-16BE are not in every Node.js build.
    if (body.length % 2 !== 0) return undefined;
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) [swapped[i], swapped[i + 1]] = [body[i + 1]!, body[i]!];
    body = swapped;
    encoding = 'utf-16le';
  }
  if (encoding === 'utf-16le' && body.length % 2 !== 0) return undefined;
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

export async function loadPlan(root: string, given: string, maxBytes: number, workspace = root): Promise<{ plan?: LoadedPlan; error?: FileError }> {
  const abs = path.resolve(root, given);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? abs.split(path.sep).join('/') : rel;
  const fail = (message: string, line = 1, sha256?: string): { error: FileError } => ({
    error: { path: shown, kind: 'unknown', message, range: { startLine: line, endLine: line }, ...(sha256 ? { sha256 } : {}) },
  });
  let bytes: Buffer;
  try {
    bytes = readWorkspaceFile(workspace, abs, maxBytes, 'the plan', shown).bytes;
  } catch (e) {
    if (e instanceof WorkspaceReadError) {
      if (e.kind === 'not-file') return fail(`the plan ${e.reason.replace(/: not read$/, '')}: it must be a file, the JSON from \`terraform show -json <planfile>\``);
      if (e.kind === 'too-large') return fail(`plan ${e.reason}`);
      return fail(`cannot read the plan: it ${e.reason}`);
    }
    return fail(`cannot read the plan: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = planText(bytes);
  if (text === undefined) return fail('the plan is neither valid UTF-8 nor UTF-16', 1, sha256);
  let parsed: ReturnType<typeof parseJsonWithLocations>;
  try {
    parsed = parseJsonWithLocations(text);
  } catch (e) {
    if (e instanceof HclSyntaxError) return fail(`plan is not valid JSON: ${e.message.replace(/^Invalid JSON: /, '')}`, e.range.startLine, sha256);
    return fail(`plan could not be read: ${e instanceof Error ? e.message : String(e)}`, 1, sha256);
  }
  const doc = parsed.value;
  if (!isObj(doc)) return fail('not a Terraform plan: the top level must be an object (the JSON from `terraform show -json <planfile>`)', 1, sha256);
  const lineOf = (k: string): number => parsed.locations.get([k])?.startLine ?? 1;
  const fv = doc.format_version;
  if (typeof fv !== 'string') return fail('not a Terraform plan: no format_version (expected the JSON from `terraform show -json <planfile>`)', 1, sha256);
  // 0.1 (Terraform 0.12) and 0.2 (0.15) have the 1.x shape: resource_changes, planned_values, configuration.
  if (!/^(0\.[12]|1\.\d+)$/.test(fv)) return fail(`unsupported plan format_version "${fv}": this scanner reads 0.1, 0.2 and 1.x`, lineOf('format_version'), sha256);
  if (!('planned_values' in doc) && !('resource_changes' in doc)) {
    const state = 'values' in doc;
    return fail(
      state
        ? 'this is a Terraform state, not a plan: run `terraform plan -out=tfplan` and `terraform show -json tfplan`'
        : 'not a Terraform plan: neither planned_values nor resource_changes (expected the JSON from `terraform show -json <planfile>`)',
      1,
      sha256,
    );
  }
  for (const k of ['planned_values', 'configuration', 'prior_state'] as const) {
    if (k in doc && doc[k] !== null && !isObj(doc[k])) return fail(`malformed plan: ${k} must be an object`, lineOf(k), sha256);
  }
  if ('resource_changes' in doc && !Array.isArray(doc.resource_changes)) return fail('malformed plan: resource_changes must be a list', lineOf('resource_changes'), sha256);
  return { plan: { path: shown, absPath: abs, sha256, text, doc, locations: parsed.locations } };
}

/** The plan as a ParsedFile, for what works on any file (file records, secret shapes). */
export function planAsParsedFile(p: LoadedPlan): ParsedFile {
  return { file: { path: p.path, absPath: p.absPath, kind: 'terraform-json' }, sha256: p.sha256, body: p.doc as ParsedFile['body'], locations: p.locations, text: p.text };
}

export interface PlanApplied {
  /** Module folder of the plan's root module. */
  rootDir: string;
  /** Module folders whose Terraform resources now come from the plan. */
  dirs: string[];
  /** Resource instances taken from the plan. */
  resources: number;
  /** Instances the plan deletes (not evaluated). */
  deleted: number;
  /** Sensitive values (after_sensitive, sensitive variables and outputs): reports redact them. */
  secrets: string[];
}

interface ConfigModule {
  key: string;
  dir: string;
  /** Resource blocks of the module: address inside the module -> expressions. */
  resources: Map<string, Obj>;
}

interface Instance {
  address: string;
  moduleAddress: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  values: unknown;
  unknown: unknown;
  sensitive: unknown;
  planPath: PathSegment[];
}

function isLocalSource(s: string): boolean {
  return s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..';
}

function dirOf(file: string): string {
  const d = path.posix.dirname(file);
  return d === '' ? '.' : d;
}

/** "module.app[\"x\"].module.db[0]" -> ['app["x"]', 'db[0]']. */
export function moduleSegments(address: string): string[] {
  const out: string[] = [];
  const re = /^module\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.?/;
  let rest = address;
  while (rest) {
    const m = re.exec(rest);
    if (!m) break;
    out.push(`${m[1]}${m[2] ?? ''}`);
    rest = rest.slice(m[0].length);
  }
  return out;
}

const keyOf = (segments: string[]): string => segments.map((s) => s.replace(/\[.*$/, '')).join('.');

function pathText(p: PathSegment[]): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function hasUnknownValue(v: unknown): boolean {
  if (isObj(v)) return typeof v.__unknown__ === 'string' || Object.values(v).some(hasUnknownValue);
  return Array.isArray(v) && v.some(hasUnknownValue);
}

/** Attributes Terraform evaluates but does not plan: kept from the HCL instance when there is one. */
const META = ['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection'];

function worthMasking(s: string): boolean {
  const t = s.trim();
  return t.length >= 6 && !/^(true|false|null|none|enabled|disabled|default|required|optional)$/i.test(t);
}

function collectStrings(v: unknown, into: Set<string>): void {
  if (typeof v === 'string') {
    if (worthMasking(v)) into.add(v);
  } else if (Array.isArray(v)) for (const x of v) collectStrings(x, into);
  else if (isObj(v)) for (const x of Object.values(v)) collectStrings(x, into);
}

/** Strings of `values` wherever `marks` (after_sensitive / sensitive_values) says true. */
function sensitiveStrings(values: unknown, marks: unknown, into: Set<string>): void {
  if (marks === true) return collectStrings(values, into);
  if (Array.isArray(marks) && Array.isArray(values)) marks.forEach((m, i) => sensitiveStrings(values[i], m, into));
  else if (isObj(marks) && isObj(values)) for (const [k, m] of Object.entries(marks)) sensitiveStrings(values[k], m, into);
}

/**
 * Replace the Terraform resources of the folders the plan covers with the plan's instances, located
 * in the scanned .tf files when they are there, else in the plan. Mutates `n`.
 */
export function applyPlan(n: Normalized, plan: LoadedPlan, files: ParsedFile[]): PlanApplied {
  const doc = plan.doc;
  const tfFiles = files.filter((f) => f.file.kind === 'terraform' || f.file.kind === 'terraform-json');
  const configuration = isObj(doc.configuration) ? doc.configuration : {};
  const rootCfg = isObj(configuration.root_module) ? configuration.root_module : {};
  const rootDir = findRootDir(rootCfg, tfFiles, plan.path);

  // Module folders, from the configuration's module calls.
  const modules = new Map<string, ConfigModule>();
  const walk = (m: Obj, key: string, dir: string, depth: number): void => {
    const resources = new Map<string, Obj>();
    for (const r of Array.isArray(m.resources) ? m.resources : []) {
      if (isObj(r) && typeof r.address === 'string') resources.set(r.address, isObj(r.expressions) ? r.expressions : {});
    }
    modules.set(key, { key, dir, resources });
    if (!isObj(m.module_calls) || depth > 32) return;
    for (const [name, call] of Object.entries(m.module_calls)) {
      if (!isObj(call)) continue;
      const source = typeof call.source === 'string' ? call.source : '';
      const childKey = key ? `${key}.${name}` : name;
      // A local module of a remote module lives inside that module's folder under .terraform/modules.
      const childDir = isLocalSource(source)
        ? path.posix.normalize(path.posix.join(dir, source)).replace(/\/$/, '') || '.'
        : path.posix.join(rootDir, '.terraform', 'modules', childKey);
      walk(isObj(call.module) ? call.module : {}, childKey, childDir, depth + 1);
    }
  };
  walk(rootCfg, '', rootDir, 0);
  // A module the configuration section does not describe: its folder from the scanned module calls.
  const moduleOf = (segments: string[]): ConfigModule => {
    const key = keyOf(segments);
    let m = modules.get(key);
    if (!m) {
      const parent = segments.length ? moduleOf(segments.slice(0, -1)).dir : rootDir;
      const source = segments.length ? localSourceOf(segments[segments.length - 1]!.replace(/\[.*$/, ''), parent, tfFiles) : undefined;
      const dir = !key ? rootDir : source !== undefined ? path.posix.normalize(path.posix.join(parent, source)).replace(/\/$/, '') || '.' : path.posix.join(rootDir, '.terraform', 'modules', key);
      modules.set(key, (m = { key, dir, resources: new Map() }));
    }
    return m;
  };

  // Instances: resource_changes first, then planned_values, then data sources of the prior state.
  const instances: Instance[] = [];
  const seen = new Set<string>();
  let deleted = 0;
  (Array.isArray(doc.resource_changes) ? doc.resource_changes : []).forEach((rc, i) => {
    if (!isObj(rc) || typeof rc.address !== 'string' || typeof rc.type !== 'string' || typeof rc.name !== 'string') return;
    const change = isObj(rc.change) ? rc.change : {};
    const actions = Array.isArray(change.actions) ? change.actions : [];
    if ('deposed' in rc) return; // a deposed object: only ever destroyed
    seen.add(rc.address);
    if (actions.length === 0 || actions.every((a) => a === 'delete' || a === 'forget') || !isObj(change.after)) {
      if (actions.includes('delete') || actions.includes('forget')) deleted++;
      return;
    }
    instances.push({
      address: rc.address,
      moduleAddress: typeof rc.module_address === 'string' ? rc.module_address : '',
      mode: rc.mode === 'data' ? 'data' : 'managed',
      type: rc.type,
      name: rc.name,
      ...(typeof rc.index === 'number' || typeof rc.index === 'string' ? { index: rc.index } : {}),
      values: change.after,
      unknown: change.after_unknown,
      sensitive: change.after_sensitive,
      planPath: ['resource_changes', i, 'change', 'after'],
    });
  });
  const fromModule = (m: unknown, at: PathSegment[], onlyData: boolean): void => {
    if (!isObj(m)) return;
    const moduleAddress = typeof m.address === 'string' ? m.address : '';
    (Array.isArray(m.resources) ? m.resources : []).forEach((r, j) => {
      if (!isObj(r) || typeof r.address !== 'string' || typeof r.type !== 'string' || typeof r.name !== 'string' || seen.has(r.address)) return;
      if (onlyData && r.mode !== 'data') return;
      seen.add(r.address);
      instances.push({
        address: r.address,
        moduleAddress,
        mode: r.mode === 'data' ? 'data' : 'managed',
        type: r.type,
        name: r.name,
        ...(typeof r.index === 'number' || typeof r.index === 'string' ? { index: r.index } : {}),
        values: isObj(r.values) ? r.values : {},
        unknown: undefined,
        sensitive: r.sensitive_values,
        planPath: [...at, 'resources', j, 'values'],
      });
    });
    (Array.isArray(m.child_modules) ? m.child_modules : []).forEach((c, k) => fromModule(c, [...at, 'child_modules', k], onlyData));
  };
  const planned = isObj(doc.planned_values) ? doc.planned_values : {};
  fromModule(planned.root_module, ['planned_values', 'root_module'], false);
  const prior = isObj(doc.prior_state) && isObj(doc.prior_state.values) ? doc.prior_state.values : {};
  fromModule(prior.root_module, ['prior_state', 'values', 'root_module'], true);

  // What the HCL path made, to locate instances and to take reference expressions from.
  const hcl = n.input.terraform.resources;
  const hclByAddress = new Map<string, TerraformResource>();
  const hclByLocal = new Map<string, TerraformResource>();
  for (const r of hcl) {
    hclByAddress.set(`${r.module_dir}\u0000${r.address}`, r);
    const local = `${r.module_dir}\u0000${r.local_address ?? r.address}`;
    if (!hclByLocal.has(local)) hclByLocal.set(local, r);
  }

  const secrets = new Set<string>();
  const out: TerraformResource[] = [];
  const used = new Set<string>();
  const dirs = new Set<string>([...modules.values()].map((m) => m.dir));
  for (const inst of instances) {
    const segments = moduleSegments(inst.moduleAddress);
    const mod = moduleOf(segments);
    dirs.add(mod.dir);
    const local = inst.mode === 'data' ? `data.${inst.type}.${inst.name}` : `${inst.type}.${inst.name}`;
    const exact = hclByAddress.get(`${mod.dir}\u0000${inst.address}`);
    const twin = exact ?? hclByLocal.get(`${mod.dir}\u0000${local}`);
    const loc = locate(n, twin, mod.dir, inst, segments, tfFiles, plan);
    const config = convert(inst, mod.resources.get(local), twin?.config);
    if (exact) for (const k of META) if (k in exact.config && !(k in config)) config[k] = exact.config[k]!;
    sensitiveStrings(inst.values, inst.sensitive, secrets);
    let id = `${loc.file}#${inst.address}`;
    for (let k = 2; used.has(id); k++) id = `${loc.file}#${inst.address}#${k}`;
    used.add(id);
    n.locator.set(id, loc);
    out.push({
      id,
      address: inst.address,
      mode: inst.mode,
      type: inst.type,
      name: inst.name,
      module_dir: mod.dir,
      file: loc.file,
      config,
      ...(segments.length ? { module_path: segments } : {}),
      ...(loc.callSite ? { call_site: { file: loc.callSite.file, line: loc.callSite.line } } : {}),
      local_address: local,
      ...(inst.index !== undefined ? { instance_key: inst.index } : {}),
    });
  }

  // Sensitive root variables and outputs.
  const varDecls = isObj(rootCfg.variables) ? rootCfg.variables : {};
  const varValues = isObj(doc.variables) ? doc.variables : {};
  for (const [name, d] of Object.entries(varDecls)) {
    const v = varValues[name];
    if (isObj(d) && d.sensitive === true && isObj(v)) collectStrings(v.value, secrets);
  }
  const outputs = isObj(planned.outputs) ? planned.outputs : {};
  for (const o of Object.values(outputs)) if (isObj(o) && o.sensitive === true) collectStrings(o.value, secrets);

  // The plan's instances replace the HCL evaluation of the folders it covers.
  n.input.terraform.resources = [...hcl.filter((r) => !dirs.has(r.module_dir)), ...out];
  const covered = new Set(instances.map((i) => keyOf(moduleSegments(i.moduleAddress))));
  n.summary.remoteModules = n.summary.remoteModules.filter((m) => !covered.has(keyOf(moduleSegments(m.module))));
  return { rootDir, dirs: [...dirs].sort(), resources: out.length, deleted, secrets: [...secrets].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)) };
}

/**
 * The folder of the plan's root module among the scanned Terraform folders: the one declaring most
 * of the root module's resources and module calls (ties: the plan's own folder, then the nearest to
 * it). Without a match, the plan's folder.
 */
function findRootDir(rootCfg: Obj, files: ParsedFile[], planPath: string): string {
  const planDir = dirOf(planPath);
  const wanted: Array<[string, string, string]> = [];
  for (const r of Array.isArray(rootCfg.resources) ? rootCfg.resources : []) {
    if (isObj(r) && typeof r.type === 'string' && typeof r.name === 'string') wanted.push([r.mode === 'data' ? 'data' : 'resource', r.type, r.name]);
  }
  for (const name of isObj(rootCfg.module_calls) ? Object.keys(rootCfg.module_calls) : []) wanted.push(['module', name, '']);
  const score = new Map<string, number>();
  for (const f of files) {
    const d = dirOf(f.file.path);
    let s = score.get(d) ?? 0;
    for (const [kind, a, b] of wanted) {
      const byA = f.body[kind];
      if (!isObj(byA)) continue;
      if (kind === 'module' ? a in byA : isObj(byA[a]) && b in (byA[a] as Obj)) s++;
    }
    score.set(d, s);
  }
  const common = (a: string, b: string): number => {
    const x = a.split('/');
    const y = b.split('/');
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) i++;
    return i;
  };
  let best: { dir: string; s: number } | undefined;
  for (const [dir, s] of score) {
    if (s === 0) continue;
    if (!best || s > best.s || (s === best.s && (dir === planDir || (best.dir !== planDir && common(dir, planDir) > common(best.dir, planDir))))) best = { dir, s };
  }
  return best?.dir ?? planDir;
}

/** Where an instance's findings go: its HCL block, else its block in a scanned file, else the plan. */
function locate(
  n: Normalized,
  twin: TerraformResource | undefined,
  dir: string,
  inst: Instance,
  segments: string[],
  files: ParsedFile[],
  plan: LoadedPlan,
): EntityLocation {
  const known = twin ? n.locator.get(twin.id) : undefined;
  if (known) return known;
  const callSite = callSiteOf(segments, dir, files);
  const kind = inst.mode === 'data' ? 'data' : 'resource';
  for (const f of files) {
    if (dirOf(f.file.path) !== dir) continue;
    const byType = f.body[kind];
    if (isObj(byType) && isObj(byType[inst.type]) && inst.name in (byType[inst.type] as Obj)) {
      return { file: f.file.path, locPath: [kind, inst.type, inst.name, 0], locations: f.locations, ...(callSite ? { callSite } : {}) };
    }
  }
  return { file: plan.path, locPath: inst.planPath, locations: plan.locations };
}

/** The local source of module call `name` written in folder `dir`, if any. */
function localSourceOf(name: string, dir: string, files: ParsedFile[]): string | undefined {
  for (const f of files) {
    if (dirOf(f.file.path) !== dir || !isObj(f.body.module)) continue;
    const call = (f.body.module as Obj)[name];
    const b = Array.isArray(call) ? call[0] : call;
    if (isObj(b) && typeof b.source === 'string' && isLocalSource(b.source)) return b.source;
  }
  return undefined;
}

/** The innermost module call of a module folder scanned from .tf files. */
function callSiteOf(segments: string[], dir: string, files: ParsedFile[]): CallSite | undefined {
  if (!segments.length) return undefined;
  const name = segments[segments.length - 1]!.replace(/\[.*$/, '');
  for (const f of files) {
    if (!isObj(f.body.module) || !(name in f.body.module)) continue;
    const call = (f.body.module as Obj)[name];
    const b = Array.isArray(call) ? call[0] : call;
    if (!isObj(b) || typeof b.source !== 'string' || !isLocalSource(b.source)) continue;
    const target = path.posix.normalize(path.posix.join(dirOf(f.file.path), b.source)).replace(/\/$/, '') || '.';
    if (target !== dir) continue;
    const line = f.locations.get(['module', name, 0])?.startLine ?? 1;
    return { file: f.file.path, line, module: segments.map((s) => `module.${s}`).join('.') };
  }
  return undefined;
}

/** The planned values of an instance in the HCL body shape. */
function convert(inst: Instance, expressions: Obj | undefined, hclConfig: { [k: string]: Value } | undefined): { [k: string]: Value } {
  const hclAt = (p: PathSegment[]): unknown => {
    let node: unknown = hclConfig;
    for (const s of p) {
      if (typeof s === 'number') node = Array.isArray(node) ? node[s] : s === 0 && isObj(node) ? node : undefined;
      else node = isObj(node) && !('__unknown__' in node) ? node[s] : undefined;
      if (node === undefined) return undefined;
    }
    return node;
  };
  const unknownAt = (p: PathSegment[]): Value => {
    const h = hclAt(p);
    if (h !== undefined && hasUnknownValue(h)) return h as Value;
    return { __unknown__: `${inst.address}.${pathText(p)} (known after apply)` };
  };
  // expr: the configuration's expressions for this object (a block list: one per block), undefined
  // when not known, 'written' inside an attribute the configuration writes (there an empty
  // collection is a value, not a left-out block).
  type Expr = Obj | Obj[] | 'written' | undefined;
  const conv = (v: unknown, u: unknown, p: PathSegment[], expr: Expr): Value | undefined => {
    if (u === true) return unknownAt(p);
    if (v === null || v === undefined) return undefined;
    if (Array.isArray(v)) {
      const ul = Array.isArray(u) ? u : [];
      return v.map((x, i) => conv(x, ul[i], [...p, i], expr === 'written' ? 'written' : Array.isArray(expr) ? (expr[i] ?? expr[0]) : undefined) ?? null);
    }
    if (isObj(v)) {
      const uo = isObj(u) ? u : {};
      const exprs = isObj(expr) ? expr : undefined;
      const o: { [k: string]: Value } = {};
      for (const k of new Set([...Object.keys(v), ...Object.keys(uo)])) {
        let e: Expr;
        if (expr === 'written') e = 'written';
        else if (exprs && k in exprs) {
          const x = exprs[k];
          e = Array.isArray(x) && x.length > 0 && x.every(isObj) ? (x as Obj[]) : 'written';
        }
        const c = conv(v[k], uo[k], [...p, k], e);
        if (c === undefined) continue;
        const emptyCollection = (Array.isArray(c) && c.length === 0) || (isObj(c) && !('__unknown__' in c) && Object.keys(c).length === 0);
        // An empty list or map the configuration does not write is a left-out block (HCL: absent).
        if (emptyCollection && e === undefined) continue;
        o[k] = c;
      }
      return o;
    }
    return v as Value;
  };
  const body = conv(inst.values, inst.unknown, [], expressions ?? undefined);
  return isObj(body) ? (body as { [k: string]: Value }) : {};
}
