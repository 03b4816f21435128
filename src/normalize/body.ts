// Evaluating a block body in hcl2json's shape: attributes become values (known or unknown), nested
// blocks stay lists of bodies, and `dynamic` blocks expand over known collections. Every attribute is
// counted as literal, resolved or unknown. Generated blocks are mapped back to their `content` lines.
import type { PathSegment } from '../parse/hcl-locator.js';
import { childScope, evalString, isTemplateText, type Scope } from '../resolve/eval.js';
import { hasUnknown, isObject, isUnknown, toStr, unknown, type Value } from '../resolve/values.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per-entity cap on instances made by count, for_each and dynamic blocks. */
export const INSTANCE_CAP = 256;

export interface ValueStats {
  /** Attributes written as literals. */
  literal: number;
  /** Attributes written as expressions whose value is known. */
  resolved: number;
  /** Attributes whose value (or part of it) is not known statically. */
  unknown: number;
}

export function emptyStats(): ValueStats {
  return { literal: 0, resolved: 0, unknown: 0 };
}

/** A generated block's path in the output, and the path of the source it came from. */
export interface Remap {
  from: PathSegment[];
  to: PathSegment[];
}

export interface BodyContext {
  scope: Scope;
  stats?: ValueStats;
  remaps?: Remap[];
  /** Called when a dynamic block hits the instance cap. */
  onCap?: (what: string) => void;
}

/** hcl2json gives lists of bodies; JSON syntax may give a single object. */
export function bodies(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

/** True when a raw value (as hcl2json gives it) holds an expression anywhere. */
export function rawHasExpression(v: unknown): boolean {
  if (typeof v === 'string') return isTemplateText(v);
  if (Array.isArray(v)) return v.some(rawHasExpression);
  if (isObj(v)) return Object.entries(v).some(([k, x]) => isTemplateText(k) || rawHasExpression(x));
  return false;
}

/** Evaluate an attribute value as hcl2json gives it. */
export function evalRaw(v: unknown, scope: Scope): Value {
  if (typeof v === 'string') return isTemplateText(v) ? evalString(v, scope) : v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => evalRaw(x, scope));
  if (isObj(v)) {
    const out: { [k: string]: Value } = {};
    for (const [k, x] of Object.entries(v)) {
      const key = isTemplateText(k) ? evalString(k, scope) : k;
      if (hasUnknown(key)) return unknown(k);
      out[typeof key === 'string' ? key : toStr(key)] = evalRaw(x, scope);
    }
    return out;
  }
  return null;
}

function count(stats: ValueStats | undefined, raw: unknown, value: Value): void {
  if (!stats) return;
  if (!rawHasExpression(raw)) stats.literal++;
  else if (hasUnknown(value)) stats.unknown++;
  else stats.resolved++;
}

/** The key/value pairs a for_each walks: map keys sorted; a list or set by element (Terraform sets of strings). */
export function forEachPairs(v: Value): Array<[string | number, Value]> | undefined {
  if (Array.isArray(v)) return v.some((x) => isUnknown(x)) ? undefined : v.map((x, i) => [typeof x === 'string' ? x : i, x]);
  if (isObject(v)) return Object.keys(v).sort().map((k) => [k, v[k]!]);
  return undefined;
}

function isBlockList(v: unknown): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every(isObj);
}

/**
 * Evaluate a body. `outPath`/`srcPath`: where this body sits in the output config and in the source
 * file's LocationIndex (they differ inside generated blocks).
 */
export function evalBody(raw: Obj, ctx: BodyContext, outPath: PathSegment[] = [], srcPath: PathSegment[] = outPath): { [k: string]: Value } {
  const out: { [k: string]: Value } = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'dynamic') continue;
    if (isBlockList(v)) {
      out[k] = v.map((b, i) => evalBody(b, ctx, [...outPath, k, i], [...srcPath, k, i]));
      continue;
    }
    const value = evalRaw(v, ctx.scope);
    count(ctx.stats, v, value);
    out[k] = value;
  }
  if (isObj(raw.dynamic)) {
    const leftover: Obj = {};
    for (const [name, list] of Object.entries(raw.dynamic)) {
      bodies(list).forEach((d, j) => {
        const forEach = evalRaw(d.for_each, ctx.scope);
        const pairs = forEachPairs(forEach);
        const content = bodies(d.content)[0] ?? {};
        const iterRaw = typeof d.iterator === 'string' ? d.iterator.replace(/^\$\{\s*|\s*\}$/g, '') : name;
        const src = [...srcPath, 'dynamic', name, j];
        if (!pairs) {
          count(ctx.stats, d.for_each, forEach);
          leftover[name] = [...bodies(leftover[name]), d];
          const prev = out[name];
          const u = unknown(`dynamic "${name}"`);
          out[name] = Array.isArray(prev) ? [...prev, u] : u;
          return;
        }
        if (pairs.length > INSTANCE_CAP) ctx.onCap?.(`dynamic "${name}" (${pairs.length} blocks, first ${INSTANCE_CAP} kept)`);
        const list = (Array.isArray(out[name]) ? out[name] : []) as Value[];
        // Only generated blocks of this name: the list itself is located at the dynamic block.
        if (!(name in raw) && j === 0) ctx.remaps?.push({ from: [...outPath, name], to: [...srcPath, 'dynamic', name] });
        for (const [key, value] of pairs.slice(0, INSTANCE_CAP)) {
          const idx = list.length;
          const scope = childScope(ctx.scope, { [iterRaw]: { key, value } });
          const outBlock = [...outPath, name, idx];
          const srcBlock = [...src, 'content', 0];
          ctx.remaps?.push({ from: outBlock, to: srcBlock });
          list.push(evalBody(content, { ...ctx, scope }, outBlock, srcBlock));
        }
        if (!isUnknown(out[name])) out[name] = list;
      });
    }
    if (Object.keys(leftover).length) {
      out.dynamic = evalRaw(leftover, { ...ctx.scope, bindings: new Map() }) as Value;
    }
  }
  return out;
}
