// Override files: override.tf and *_override.tf (also .tf.json, .tofu, .tofu.json) are not more
// configuration but edits to the module's primary files. OpenTofu (internal/configs/module.go
// mergeFile, module_merge.go, hcl2shim/merge_body.go) merges each of their blocks, file by file in
// lexical order of the names, into the block of the same address in a primary file:
//   - an argument replaces the argument of that name; nested blocks of a type replace every block of
//     that type (a `dynamic "x"` block counts as type x, either side);
//   - resources: of `lifecycle`, only create_before_destroy, prevent_destroy, destroy and
//     ignore_changes are taken (its conditions, replace_triggered_by and enabled stay the base's);
//     data sources keep their own lifecycle; depends_on may not be overridden;
//   - variables keep their validations, outputs their preconditions; locals replace by name;
//   - providers match by name and alias; a default (unaliased) one may have no base, it is then new;
//   - a block with no base, a depends_on, a moved, import or removed block is an error: OpenTofu
//     refuses the configuration.
// So a rule judges the merged block and nothing else: the base's replaced setting is not reported, and
// the override's fragment is not judged as a resource of its own. What an override file wrote is
// located in it (an OverrideLayer on the merged block).
import path from 'node:path';
import type { OverrideLayer } from '../model/entities.js';
import type { PathSegment } from '../model/locations.js';
import type { SourceRange } from '../model/types.js';
import type { ParsedFile } from '../parse/parse.js';
import { compareBytes } from '../util/byte-order.js';
import { bodies } from './body.js';
import { carryFix } from './folded.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own property only: a block or label named "__proto__" is a name like any other. */
const own = (o: unknown, k: string): unknown => (isObj(o) && Object.hasOwn(o, k) ? o[k] : undefined);
/** Set an own property, "__proto__" included (an assignment would replace the prototype). */
function put(o: Obj, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
/** A copy of an object's own properties, "__proto__" included (spread would drop it into the prototype). */
function copy(o: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(o)) put(out, k, o[k]);
  return out;
}

/** OpenTofu's test: the file name without its extension is "override" or ends in "_override". */
export function isOverrideFile(file: string): boolean {
  const m = /^(.*)\.(?:tf|tofu)(?:\.json)?$/.exec(path.posix.basename(file));
  return m !== null && (m[1] === 'override' || m[1]!.endsWith('_override'));
}

/** An error OpenTofu refuses the module for, where the override file wrote it. */
export interface OverrideError {
  reason: string;
  file: string;
  range: SourceRange;
}

export interface MergedModule {
  /** The primary files (bodies with the overrides merged in), then each override file holding only
   * what stays its own (new default providers, terraform blocks): its expressions stay reachable. */
  files: ParsedFile[];
  errors: OverrideError[];
}

const layersOf = new WeakMap<object, OverrideLayer[]>();

/** The override files that wrote parts of a merged block, oldest first (none: the block is as written). */
export function overrideLayers(block: object): OverrideLayer[] | undefined {
  return layersOf.get(block);
}

const RESOURCE_MODES = ['resource', 'data', 'ephemeral'] as const;
/** The lifecycle arguments Resource.merge takes from an override (module_merge.go). */
const LIFECYCLE_MERGED = ['create_before_destroy', 'prevent_destroy', 'destroy', 'ignore_changes'];
/** What an override keeps of its base whatever the override writes, by block kind. */
const KEPT: Record<string, ReadonlySet<string>> = {
  variable: new Set(['validation']),
  output: new Set(['precondition']),
};
const NOT_OVERRIDABLE = ['moved', 'import', 'removed', 'check'];

/** Where a block is: its list in a body, and which element. */
interface Slot {
  file: ParsedFile;
  /** Keys from the file's body to the block's list. */
  keys: string[];
  index: number;
}

/** Merge a module folder's override files into its primary files (files: one folder's, any order). */
export function mergeOverrides(files: readonly ParsedFile[]): MergedModule {
  const overrides = files.filter((f) => isOverrideFile(f.file.path)).sort((a, b) => compareBytes(a.file.path, b.file.path));
  if (overrides.length === 0) return { files: [...files], errors: [] };
  const m = new Merger(files.filter((f) => !isOverrideFile(f.file.path)));
  for (const o of overrides) m.apply(o);
  return { files: [...m.primaryFiles(), ...m.leftovers], errors: m.errors };
}

class Merger {
  readonly errors: OverrideError[] = [];
  readonly leftovers: ParsedFile[] = [];
  /** Copies of the primary bodies, made on the first write (the parsed files are shared). */
  private readonly written = new Map<ParsedFile, Obj>();
  private readonly owned = new WeakSet<object>();

  constructor(private readonly primary: ParsedFile[]) {}

  primaryFiles(): ParsedFile[] {
    return this.primary.map((f) => {
      const body = this.written.get(f);
      return body ? { ...f, body } : f;
    });
  }

  private error(o: ParsedFile, at: PathSegment[], reason: string): void {
    const hit = o.locations.get(at);
    this.errors.push({ reason: `${o.file.path}: ${reason}`, file: o.file.path, range: hit ? { startLine: hit.startLine, endLine: hit.endLine } : { startLine: 1, endLine: 1 } });
  }

  /** The first block at keys in the primary files (in file order), if any. */
  private find(keys: string[], match: (b: Obj) => boolean = () => true): Slot | undefined {
    for (const file of this.primary) {
      let v: unknown = this.written.get(file) ?? file.body;
      for (const k of keys) v = own(v, k);
      const index = bodies(v).findIndex(match);
      if (index >= 0) return { file, keys, index };
    }
    return undefined;
  }

  /** The block at a slot, as it is now. */
  private read(s: Slot): Obj {
    let v: unknown = this.written.get(s.file) ?? s.file.body;
    for (const k of s.keys) v = own(v, k);
    return bodies(v)[s.index]!;
  }

  /** Put a merged block at a slot, copying the containers on the way (never the parsed file's own). */
  private write(s: Slot, block: Obj): void {
    let body = this.written.get(s.file);
    if (!body) {
      body = copy(s.file.body);
      this.owned.add(body);
      this.written.set(s.file, body);
    }
    let at: Obj = body;
    for (const k of s.keys.slice(0, -1)) {
      let next = own(at, k) as Obj;
      if (!this.owned.has(next)) {
        next = copy(next);
        put(at, k, next);
        this.owned.add(next);
      }
      at = next;
    }
    const last = s.keys[s.keys.length - 1]!;
    const list = bodies(own(at, last));
    list[s.index] = block;
    put(at, last, list);
  }

  /** Merge one block of override file o (at path `at` in it) into a slot. */
  private mergeInto(s: Slot, o: ParsedFile, at: PathSegment[], over: Obj, kind: string): void {
    const base = this.read(s);
    this.conditions(o, at, over, kind);
    if ('depends_on' in over && kind !== 'variable' && kind !== 'provider' && kind !== 'locals') {
      this.error(o, [...at, 'depends_on'], 'the depends_on argument may not be overridden');
    }
    const { block, taken } = mergeBlock(base, over, kind);
    const layer: OverrideLayer = { file: o.file.path, locations: o.locations, at, paths: taken };
    layersOf.set(block, [...(layersOf.get(base) ?? []), layer]);
    this.write(s, block);
  }

  /** moved, import, removed and check blocks: an error wherever an override file has one. */
  private notOverridable(o: ParsedFile, kind: string, value: unknown): void {
    // check "name" {...} is labelled; moved, import and removed are not.
    const blocks: Array<{ at: PathSegment[] }> = [];
    if (kind === 'check' && isObj(value)) {
      for (const [name, list] of Object.entries(value)) bodies(list).forEach((_, i) => blocks.push({ at: [kind, name, i] }));
    } else bodies(value).forEach((_, i) => blocks.push({ at: [kind, i] }));
    for (const b of blocks) this.error(o, b.at, `a ${kind} block may appear only in a primary file, not in an override file`);
  }

  /** Condition blocks an override file may not write (checks.go: "Can't override ... blocks"). */
  private conditions(o: ParsedFile, at: PathSegment[], over: Obj, kind: string): void {
    const found: PathSegment[][] = [];
    if (kind === 'variable') bodies(over.validation).forEach((_, i) => found.push(['validation', i]));
    if (kind === 'output') bodies(over.precondition).forEach((_, i) => found.push(['precondition', i]));
    if ((RESOURCE_MODES as readonly string[]).includes(kind)) {
      bodies(over.lifecycle).forEach((lc, j) => {
        for (const c of ['precondition', 'postcondition']) bodies(lc[c]).forEach((_, i) => found.push(['lifecycle', j, c, i]));
      });
    }
    for (const p of found) this.error(o, [...at, ...p], `a ${String(p[p.length - 2])} block may not be overridden`);
  }

  apply(o: ParsedFile): void {
    const body = o.body;
    const rest: Obj = {};
    for (const [kind, value] of Object.entries(body)) {
      if ((RESOURCE_MODES as readonly string[]).includes(kind)) {
        if (!isObj(value)) continue;
        for (const [type, byName] of Object.entries(value)) {
          if (!isObj(byName)) continue;
          for (const [name, list] of Object.entries(byName)) {
            bodies(list).forEach((b, i) => {
              const at = [kind, type, name, i];
              const s = this.find([kind, type, name]);
              if (!s) return this.error(o, at, `there is no ${type} ${kind === 'resource' ? 'resource' : kind === 'data' ? 'data source' : 'ephemeral resource'} named "${name}" to override (an override file changes a block of a primary file)`);
              this.mergeInto(s, o, at, b, kind);
            });
          }
        }
      } else if (kind === 'module' || kind === 'variable' || kind === 'output') {
        if (!isObj(value)) continue;
        const what = kind === 'module' ? 'module call' : kind;
        for (const [name, list] of Object.entries(value)) {
          bodies(list).forEach((b, i) => {
            const at = [kind, name, i];
            const s = this.find([kind, name]);
            if (!s) return this.error(o, at, `there is no ${what} named "${name}" to override (an override file changes a block of a primary file)`);
            this.mergeInto(s, o, at, b, kind);
          });
        }
      } else if (kind === 'locals') {
        bodies(value).forEach((b, i) => {
          for (const name of Object.keys(b)) {
            const s = this.find(['locals'], (l) => Object.hasOwn(l, name));
            if (!s) {
              this.error(o, ['locals', i, name], `there is no local value named "${name}" to override (an override file changes a block of a primary file)`);
              continue;
            }
            const base = this.read(s);
            const merged: Obj = {};
            for (const k of Object.keys(base)) {
              put(merged, k, base[k]);
              carryFix(base, k, merged);
            }
            put(merged, name, b[name]);
            carryFix(b, name, merged);
            this.write(s, merged);
          }
        });
      } else if (kind === 'provider') {
        if (!isObj(value)) continue;
        for (const [name, list] of Object.entries(value)) {
          bodies(list).forEach((b, i) => {
            const alias = typeof b.alias === 'string' ? b.alias : undefined;
            const s = this.find(['provider', name], (p) => (typeof p.alias === 'string' ? p.alias : undefined) === alias);
            if (s) return this.mergeInto(s, o, ['provider', name, i], b, kind);
            // No base: a default configuration is new (an absent one is an empty one), an aliased one is an error.
            if (alias !== undefined) return this.error(o, ['provider', name, i], `there is no ${name} provider configuration with the alias "${alias}" to override`);
            const into = ((rest.provider as Obj | undefined) ??= {});
            if (!Object.hasOwn(into, name)) put(into, name, []);
            (into[name] as Obj[]).push(b);
          });
        }
      } else if (NOT_OVERRIDABLE.includes(kind)) {
        this.notOverridable(o, kind, value);
      } else if (kind === 'terraform') {
        rest.terraform = value;
      }
      // Anything else (check blocks) is not merged: OpenTofu reads no more of an override file.
    }
    this.leftovers.push({ ...o, body: rest });
  }
}

/** The merged block and the paths (relative to it) the override wrote. */
function mergeBlock(base: Obj, over: Obj, kind: string): { block: Obj; taken: PathSegment[][] } {
  const kept = KEPT[kind];
  const special = new Set<string>(['dynamic']);
  if (kind === 'resource' || kind === 'data' || kind === 'ephemeral') special.add('lifecycle');
  if (kind !== 'variable' && kind !== 'provider') special.add('depends_on'); // an error, reported by the caller
  kept?.forEach((k) => special.add(k));
  // The block types (and arguments) the override writes: the base's of those names are replaced.
  const replaced = new Set(Object.keys(over).filter((k) => !special.has(k)));
  const overDynamicRaw = own(over, 'dynamic');
  const overDynamic: Obj = isObj(overDynamicRaw) ? overDynamicRaw : {};
  for (const t of Object.keys(overDynamic)) replaced.add(t);
  const block: Obj = {};
  const taken: PathSegment[][] = [];
  for (const k of Object.keys(base)) {
    if (k === 'dynamic' || replaced.has(k)) continue;
    put(block, k, base[k]);
    carryFix(base, k, block);
  }
  for (const k of Object.keys(over)) {
    if (special.has(k)) continue;
    put(block, k, over[k]);
    carryFix(over, k, block);
    taken.push([k]);
  }
  const dynamic: Obj = {};
  const baseDynamic = own(base, 'dynamic');
  if (isObj(baseDynamic)) for (const [t, v] of Object.entries(baseDynamic)) if (!replaced.has(t)) put(dynamic, t, v);
  for (const [t, v] of Object.entries(overDynamic)) {
    put(dynamic, t, v);
    taken.push(['dynamic', t]);
  }
  if (Object.keys(dynamic).length > 0) block.dynamic = dynamic;
  // count from one block and for_each from the other: both are kept, and count decides the instances.
  if ('count' in block && 'for_each' in block && !('count' in over && 'for_each' in over) && !('count' in base && 'for_each' in base)) {
    delete block.for_each;
  }
  if (kind === 'resource' && 'lifecycle' in over) {
    const lb = bodies(base.lifecycle)[0];
    const lo = bodies(over.lifecycle)[0] ?? {};
    const lc: Obj = {};
    for (const k of Object.keys(lb ?? {})) {
      put(lc, k, lb![k]);
      carryFix(lb!, k, lc);
    }
    for (const k of LIFECYCLE_MERGED) {
      if (!Object.hasOwn(lo, k)) continue;
      lc[k] = lo[k];
      carryFix(lo, k, lc);
      taken.push(['lifecycle', 0, k]);
    }
    if (Object.keys(lc).length > 0) block.lifecycle = [lc, ...bodies(base.lifecycle).slice(1)];
  }
  return { block, taken };
}
