// Evaluating a block body in hcl2json's shape: attributes become values (known or unknown), nested
// blocks stay lists of bodies, and `dynamic` blocks expand over known collections. Every attribute is
// counted as literal, resolved or unknown. Generated blocks are mapped back to their `content` lines.
import type { PathSegment, Remap } from '../model/locations.js';
import { BigNum } from '../resolve/bignum.js';
import { convert } from '../resolve/convert.js';
import { NULL, NUMBER, STRING, asStr, bool, containsUnknown, elems, entries, isNull, isUnknown as isUnknownVal, num, object, str, tuple, unk, type Val } from '../resolve/cty.js';
import { childScope, evalStringVal, isTemplateText, plainOf, type ExpressionLookup, type Scope } from '../resolve/eval.js';
import type { Node } from '../parse/ast.js';
import type { ParsedFile } from '../parse/parse.js';
import { EvalError, hasUnknown, isUnknown as isUnknownPlain, unknown, type Value } from '../resolve/values.js';
import type { Taint } from './taint.js';
import { RawFix, rawAt, rawAttr } from './folded.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per-entity cap on instances made by count, for_each and dynamic blocks. An instance left out is a
 * resource not judged (a for_each map's 257th entry could open a port when this was 256), so the cap
 * is well above what real configurations write; the root's budget (ROOT_INSTANCE_BUDGET) bounds the
 * product of nested expansions. A for_each of 5,000 elements: 3.1 s, 300 MB. */
export const INSTANCE_CAP = 4096;

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

export type { Remap };

export interface BodyContext {
  scope: Scope;
  stats?: ValueStats;
  remaps?: Remap[];
  /** Called when a dynamic block hits the instance cap. */
  onCap?: (what: string) => void;
  /** Whether n more dynamic blocks may be made (the root's instance budget); absent: a budget of
   * BODY_BLOCK_BUDGET for this body and the blocks inside it. */
  allowBlocks?: (n: number) => boolean;
  /** Records the values of attributes computed from sensitive ones (src/normalize/taint.ts). */
  taint?: Taint;
}

/** The expression trees of some files' strings (their parse made them), for the scope evaluating them. */
export function expressionsOf(files: readonly ParsedFile[]): ExpressionLookup | undefined {
  const tables = files.flatMap((f) => (f.expressions?.size ? [f.expressions] : []));
  if (tables.length === 0) return undefined;
  if (tables.length === 1) return tables[0];
  return {
    get(text: string): Node | undefined {
      for (const t of tables) {
        const n = t.get(text);
        if (n) return n;
      }
      return undefined;
    },
  };
}

/** hcl2json gives lists of bodies; JSON syntax may give a single object. */
export function bodies(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

/** True when a raw value (as hcl2json gives it) holds an expression anywhere. */
export function rawHasExpression(v: unknown): boolean {
  if (typeof v === 'string') return isTemplateText(v);
  if (v instanceof RawFix) return v.kind === 'unknown' || (v.kind === 'rewrite' && rawHasExpression(v.raw));
  if (Array.isArray(v)) return v.some(rawHasExpression);
  if (isObj(v)) return Object.entries(v).some(([k, x]) => isTemplateText(k) || rawHasExpression(x));
  return false;
}

/** Evaluate an attribute value as hcl2json gives it (literals are tuples and objects, as in HCL). */
export function evalRawVal(v: unknown, scope: Scope): Val {
  if (v instanceof RawFix) return v.kind === 'number' ? num(BigNum.parse(v.text)!) : v.kind === 'rewrite' ? evalRawVal(v.raw, scope) : unk(v.text);
  if (typeof v === 'string') return isTemplateText(v) ? evalStringVal(v, scope) : str(v.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
  if (typeof v === 'number') {
    // A literal beyond 2^53 was rounded when the file was read: its exact value is not known here.
    if (Number.isInteger(v) && Math.abs(v) >= 2 ** 53) return unk(`${v} (a number literal too large to be read exactly)`, NUMBER);
    return num(BigNum.fromJs(v));
  }
  if (typeof v === 'boolean') return bool(v);
  if (v === null || v === undefined) return NULL;
  if (Array.isArray(v)) return tuple(v.map((x, i) => evalRawVal(rawAt(v, String(i), x), scope)));
  if (isObj(v)) {
    const out = new Map<string, Val>();
    for (const [k, written] of Object.entries(v)) {
      const x = rawAt(v, k, written);
      const key = isTemplateText(k) ? evalStringVal(k, scope) : str(k);
      if (containsUnknown(key)) return unk(k);
      try {
        out.set(asStr(convert(key, STRING)), evalRawVal(x, scope));
      } catch (e) {
        if (e instanceof EvalError) return unk(`${k} (error: ${e.message})`);
        throw e;
      }
    }
    return object(out);
  }
  return NULL;
}

/**
 * A JSON syntax value OpenTofu reads without an evaluation context (a variable's default, a
 * .tfvars.json value): every string as written, "${...}" and "$${" included; numbers exact.
 */
export function literalRawVal(v: unknown): Val {
  if (v instanceof RawFix) return v.kind === 'number' ? num(BigNum.parse(v.text)!) : v.kind === 'rewrite' ? literalRawVal(v.raw) : unk(v.text);
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) return tuple(v.map((x, i) => literalRawVal(rawAt(v, String(i), x))));
  if (isObj(v)) {
    const out = new Map<string, Val>();
    for (const [k, written] of Object.entries(v)) out.set(k, literalRawVal(rawAt(v, k, written)));
    return object(out);
  }
  return evalRawVal(v, { resolver: { ref: () => undefined }, bindings: new Map() });
}

/** The policy input's form of evalRawVal. */
export function evalRaw(v: unknown, scope: Scope): Value {
  return plainOf(evalRawVal(v, scope), typeof v === 'string' ? v : v instanceof RawFix ? (v.kind === 'rewrite' && typeof v.raw === 'string' ? v.raw : v.text) : 'value');
}

/** How the value statistics count an attribute: written as a literal, resolved, or unknown. */
export function valueStat(raw: unknown, value: Value): keyof ValueStats {
  if (!rawHasExpression(raw)) return 'literal';
  return hasUnknown(value) ? 'unknown' : 'resolved';
}

function count(stats: ValueStats | undefined, raw: unknown, value: Value): void {
  if (stats) stats[valueStat(raw, value)]++;
}

/** An attribute's value computed once for several bodies (a large for_each), with how it counts. */
export interface GivenValue {
  value: Value;
  stat: keyof ValueStats;
}

/**
 * The instances a resource or module `for_each` makes, as OpenTofu: a map or object (keys in order),
 * or a set of strings (each string its own key). Anything else is an error; unknown when not known.
 */
export function forEachPairs(v: Val): { pairs: Array<[string, Val]> } | { unknown: string } | { error: string } {
  if (isUnknownVal(v)) return { unknown: 'for_each is not known statically' };
  if (isNull(v)) return { error: 'the for_each value is null' };
  if (v.t.k === 'map' || v.t.k === 'object') {
    const m = entries(v);
    return { pairs: [...m] };
  }
  if (v.t.k === 'set') {
    const xs = elems(v);
    if (xs.some(isUnknownVal)) return { unknown: 'an element of the for_each set is not known statically' };
    if (v.t.e.k !== 'string' && !(xs.length === 0 && v.t.e.k === 'dynamic')) return { error: `for_each needs a map or a set of strings, not a set of ${v.t.e.k}` };
    if (xs.some(isNull)) return { error: 'the for_each set contains null' };
    return { pairs: xs.map((x) => [asStr(x), x]) };
  }
  return { error: `for_each needs a map or a set of strings, not a ${v.t.k} (use toset())` };
}

/** The blocks a dynamic block makes: any collection; .key is the index (list), the element (set) or the key (map). */
function dynamicPairs(v: Val): Array<[Val, Val]> | undefined {
  if (isUnknownVal(v) || isNull(v)) return undefined;
  if (v.t.k === 'list' || v.t.k === 'tuple') return elems(v).map((x, i) => [num(BigNum.fromInt(i)), x]);
  if (v.t.k === 'set') return elems(v).map((x) => [x, x]);
  if (v.t.k === 'map' || v.t.k === 'object') return [...entries(v)].map(([k, x]) => [str(k), x]);
  return undefined;
}

function isBlockList(v: unknown): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every(isObj);
}

/** Dynamic blocks one body may make in all, nested ones included, when its caller gives no budget of
 * its own (a Packer source, a provider): three nested dynamic blocks over 1,000 elements each are a
 * billion blocks (60 s and 4.3 GB before it was stopped; 2.3 s with this budget). */
export const BODY_BLOCK_BUDGET = INSTANCE_CAP;

/** A budget of n blocks, for BodyContext.allowBlocks. */
export function blockBudget(n: number): (wanted: number) => boolean {
  let left = n;
  return (wanted) => {
    if (wanted > left) return false;
    left -= wanted;
    return true;
  };
}

/**
 * Evaluate a body. `outPath`/`srcPath`: where this body sits in the output config and in the source
 * file's LocationIndex (they differ inside generated blocks).
 */
export function evalBody(raw: Obj, ctx: BodyContext, outPath: PathSegment[] = [], srcPath: PathSegment[] = outPath, given?: ReadonlyMap<string, GivenValue>): { [k: string]: Value } {
  if (!ctx.allowBlocks) return evalBody(raw, { ...ctx, allowBlocks: blockBudget(BODY_BLOCK_BUDGET) }, outPath, srcPath, given);
  const out: { [k: string]: Value } = {};
  for (const [k, written] of Object.entries(raw)) {
    if (k === 'dynamic') continue;
    // A top-level attribute the caller evaluated once for every instance: taken as it is.
    const g = given?.get(k);
    if (g) {
      out[k] = g.value;
      if (ctx.stats) ctx.stats[g.stat]++;
      continue;
    }
    const v = rawAttr(raw, k) ?? written;
    if (isBlockList(v)) {
      out[k] = v.map((b, i) => evalBody(b, ctx, [...outPath, k, i], [...srcPath, k, i]));
      continue;
    }
    const value = ctx.taint ? ctx.taint.evaluate(() => evalRaw(v, ctx.scope)) : evalRaw(v, ctx.scope);
    count(ctx.stats, v, value);
    out[k] = value;
  }
  if (isObj(raw.dynamic)) {
    const leftover: Obj = {};
    for (const [name, list] of Object.entries(raw.dynamic)) {
      bodies(list).forEach((d, j) => {
        const forEachVal = evalRawVal(d.for_each, ctx.scope);
        const forEach = plainOf(forEachVal, 'for_each');
        const known = dynamicPairs(forEachVal);
        // Past the root's instance budget a dynamic block is not expanded: unknown, as when its for_each is.
        const over = known !== undefined && ctx.allowBlocks !== undefined && !ctx.allowBlocks(Math.min(known.length, INSTANCE_CAP));
        if (over) ctx.onCap?.(`dynamic "${name}" (${known.length} blocks: the instance budget is used up, not expanded)`);
        const pairs = over ? undefined : known;
        const content = bodies(d.content)[0] ?? {};
        const iterRaw = typeof d.iterator === 'string' ? d.iterator.replace(/^\$\{\s*|\s*\}$/g, '') : name;
        const src = [...srcPath, 'dynamic', name, j];
        if (!pairs) {
          count(ctx.stats, d.for_each, forEach);
          // The block as written is kept for the rules, unless the budget stopped it (it would cost what the budget saves).
          if (!over) leftover[name] = [...bodies(leftover[name]), d];
          const prev = out[name];
          const u = unknown(`dynamic "${name}"`);
          out[name] = Array.isArray(prev) ? [...prev, u] : u;
          return;
        }
        if (pairs.length > INSTANCE_CAP) ctx.onCap?.(`dynamic "${name}" (${pairs.length} blocks, first ${INSTANCE_CAP} kept)`);
        const iterator = (key: Val, value: Val): Val => object(new Map([['key', key], ['value', value]]));
        const list = (Array.isArray(out[name]) ? out[name] : []) as Value[];
        // Only generated blocks of this name: the list itself is located at the dynamic block.
        if (!(name in raw) && j === 0) ctx.remaps?.push({ from: [...outPath, name], to: [...srcPath, 'dynamic', name] });
        for (const [key, value] of pairs.slice(0, INSTANCE_CAP)) {
          const idx = list.length;
          const scope = childScope(ctx.scope, { [iterRaw]: iterator(key, value) });
          const outBlock = [...outPath, name, idx];
          const srcBlock = [...src, 'content', 0];
          ctx.remaps?.push({ from: outBlock, to: srcBlock });
          list.push(evalBody(content, { ...ctx, scope }, outBlock, srcBlock));
        }
        if (!isUnknownPlain(out[name])) out[name] = list;
      });
    }
    if (Object.keys(leftover).length) {
      out.dynamic = evalRaw(leftover, { ...ctx.scope, bindings: new Map() });
    }
  }
  return out;
}
