// Typed values as OpenTofu computes them (zclconf/go-cty): every value has a type (string, number,
// bool, list/set/map of one element type, tuple, object, or "any" = cty.DynamicPseudoType), sets are
// kept deduplicated in cty's order, numbers are big binary floats (bignum.ts). The evaluator works on
// these; the policy input gets their JSON-like form (toPlain) at the end.
import { BigNum } from './bignum.js';
import { exactNumber, isExactNumber, type Value } from './values.js';

export type Type =
  | { k: 'string' }
  | { k: 'number' }
  | { k: 'bool' }
  | { k: 'dynamic' }
  | { k: 'list' | 'set' | 'map'; e: Type }
  | { k: 'tuple'; es: Type[] }
  | {
      k: 'object';
      attrs: Map<string, Type>;
      /** optional(T[, default]) attributes of a variable's type constraint: name -> default (or undefined). */
      optional?: Map<string, Val | undefined>;
    };

export const STRING: Type = { k: 'string' };
export const NUMBER: Type = { k: 'number' };
export const BOOL: Type = { k: 'bool' };
export const DYN: Type = { k: 'dynamic' };

export const listOf = (e: Type): Type => ({ k: 'list', e });
export const setOf = (e: Type): Type => ({ k: 'set', e });
export const mapOf = (e: Type): Type => ({ k: 'map', e });
export const tupleOf = (es: Type[]): Type => ({ k: 'tuple', es });
export const objectOf = (attrs: Map<string, Type>, optional?: Map<string, Val | undefined>): Type => ({
  k: 'object',
  attrs: sortedMap(attrs),
  ...(optional && optional.size ? { optional } : {}),
});

/** An unknown value: the expression (and why) it could not be computed. */
export class Unk {
  constructor(
    readonly text: string,
    /** What OpenTofu still knows of it (cty's refinements): never null; a string's known start. */
    readonly refine?: Refinement,
  ) {}
}

export interface Refinement {
  notNull?: boolean;
  prefix?: string;
}

/** An unknown with refinements. */
export const refinedUnk = (text: string, t: Type, refine: Refinement): Val => ({ t, v: new Unk(text, refine) });

/** The refinements of an unknown value (none for a known one). */
export const refinementOf = (x: Val): Refinement => (x.v instanceof Unk ? (x.v.refine ?? {}) : {});

/** x as an unknown refined not null (x unknown), else x. */
export function notNullUnknown(x: Val): Val {
  if (!(x.v instanceof Unk) || x.v.refine?.notNull) return x;
  return refinedUnk(x.v.text, x.t, { ...x.v.refine, notNull: true });
}

/**
 * ctystrings.SafeKnownPrefix: the prefix without its last grapheme cluster, which the unknown rest
 * could still extend, unless that cluster is one punctuation or space character that cannot be.
 */
export function safeKnownPrefix(prefix: string, clusters: (s: string) => string[]): string {
  const g = clusters(prefix);
  if (g.length === 0) return '';
  const last = g[g.length - 1]!;
  if (last.length === 1 && "-_:;/\\,.(){}[]|?!~ \t@#$%^&*+\"'".includes(last)) return prefix;
  return g.slice(0, -1).join('');
}

export type Payload = null | string | boolean | BigNum | Val[] | Map<string, Val> | Unk;

export interface Val {
  readonly t: Type;
  readonly v: Payload;
}

export const isPrimitive = (t: Type): boolean => t.k === 'string' || t.k === 'number' || t.k === 'bool';
export const isCollection = (t: Type): t is { k: 'list' | 'set' | 'map'; e: Type } => t.k === 'list' || t.k === 'set' || t.k === 'map';

export function typeEquals(a: Type, b: Type): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'list':
    case 'set':
    case 'map':
      return typeEquals(a.e, (b as { e: Type }).e);
    case 'tuple': {
      const bs = (b as { es: Type[] }).es;
      return a.es.length === bs.length && a.es.every((t, i) => typeEquals(t, bs[i]!));
    }
    case 'object': {
      const bo = b as { attrs: Map<string, Type>; optional?: Map<string, unknown> };
      if (a.attrs.size !== bo.attrs.size) return false;
      for (const [k, t] of a.attrs) {
        const o = bo.attrs.get(k);
        if (!o || !typeEquals(t, o)) return false;
        if ((a.optional?.has(k) ?? false) !== (bo.optional?.has(k) ?? false)) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

export function hasDynamicTypes(t: Type): boolean {
  switch (t.k) {
    case 'dynamic':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return hasDynamicTypes(t.e);
    case 'tuple':
      return t.es.some(hasDynamicTypes);
    case 'object':
      return [...t.attrs.values()].some(hasDynamicTypes);
    default:
      return false;
  }
}

export function withoutOptional(t: Type): Type {
  switch (t.k) {
    case 'list':
    case 'set':
    case 'map':
      return { k: t.k, e: withoutOptional(t.e) };
    case 'tuple':
      return tupleOf(t.es.map(withoutOptional));
    case 'object': {
      const attrs = new Map<string, Type>();
      for (const [k, a] of t.attrs) attrs.set(k, withoutOptional(a));
      return { k: 'object', attrs };
    }
    default:
      return t;
  }
}

export function friendlyName(t: Type): string {
  switch (t.k) {
    case 'dynamic':
      return 'dynamic';
    case 'list':
    case 'set':
    case 'map':
      return `${t.k} of ${friendlyName(t.e)}`;
    case 'tuple':
      return 'tuple';
    case 'object':
      return 'object';
    default:
      return t.k;
  }
}

export function sortedMap<T>(m: Map<string, T>): Map<string, T> {
  const keys = [...m.keys()];
  let sorted = true;
  for (let i = 1; i < keys.length; i++) if (compareStrings(keys[i - 1]!, keys[i]!) > 0) sorted = false;
  if (sorted) return m;
  return new Map(keys.sort(compareStrings).map((k) => [k, m.get(k)!]));
}

/** Go's string order: by UTF-8 bytes, which is code point order (JavaScript compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate (astral code point) sorts after any BMP char
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

// ---- constructors ----

export const str = (s: string): Val => ({ t: STRING, v: /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFC') });
export const num = (n: BigNum): Val => ({ t: NUMBER, v: n });
export const int = (n: number | bigint): Val => ({ t: NUMBER, v: typeof n === 'bigint' ? BigNum.fromBigInt(n) : BigNum.fromInt(n) });
export const bool = (b: boolean): Val => ({ t: BOOL, v: b });
export const TRUE = bool(true);
export const FALSE = bool(false);
export const nullOf = (t: Type = DYN): Val => ({ t, v: null });
export const NULL = nullOf(DYN);
export const unk = (text: string, t: Type = DYN): Val => ({ t, v: new Unk(text) });
export const list = (e: Type, elems: Val[]): Val => ({ t: listOf(e), v: elems });
export const tuple = (elems: Val[]): Val => ({ t: tupleOf(elems.map((x) => x.t)), v: elems });
export const map = (e: Type, entries: Map<string, Val>): Val => ({ t: mapOf(e), v: sortedMap(entries) });

export function object(entries: Map<string, Val>): Val {
  const s = sortedMap(entries);
  const attrs = new Map<string, Type>();
  for (const [k, x] of s) attrs.set(k, x.t);
  return { t: { k: 'object', attrs }, v: s };
}

/** A set: duplicates removed, elements in cty's order. */
export function set(e: Type, elems: Val[]): Val {
  const sorted = [...elems].sort((a, b) => compareSetElems(a, b));
  const out: Val[] = [];
  for (const x of sorted) {
    const prev = out[out.length - 1];
    if (prev && !isUnknown(x) && rawEquals(prev, x)) continue;
    out.push(x);
  }
  return { t: setOf(e), v: out };
}

// ---- inspection ----

export const isUnknown = (x: Val): boolean => x.v instanceof Unk;
export const isNull = (x: Val): boolean => x.v === null;
export const unkText = (x: Val): string => (x.v as Unk).text;

/** True when x or anything inside it is unknown. */
export function containsUnknown(x: Val): boolean {
  const p = x.v;
  if (p instanceof Unk) return true;
  if (Array.isArray(p)) return p.some(containsUnknown);
  if (p instanceof Map) for (const e of p.values()) if (containsUnknown(e)) return true;
  return false;
}

/** The first answer of `pick` inside x, depth first: x itself, then its elements in order. */
export function firstDeep<T>(x: Val, pick: (v: Val) => T | undefined): T | undefined {
  const here = pick(x);
  if (here !== undefined) return here;
  const p = x.v;
  const items = Array.isArray(p) ? p : p instanceof Map ? p.values() : undefined;
  if (items) {
    for (const e of items) {
      const r = firstDeep(e, pick);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}

/** The first unknown inside x (depth first), for a reason text. */
export function firstUnknown(x: Val): Val | undefined {
  return firstDeep(x, (v) => (v.v instanceof Unk ? v : undefined));
}

/** The reason an unknown carries: " (error: ...)" or " (evaluation budget exceeded: ...)" at the end of its text. */
const REASON = / \((?:error: |evaluation budget exceeded)[^\n]*\)$/;

function reasonIn(x: Val): string | undefined {
  const p = x.v;
  if (p instanceof Unk) return REASON.exec(p.text)?.[0];
  if (Array.isArray(p)) {
    for (const e of p) {
      const r = reasonIn(e);
      if (r) return r;
    }
  }
  if (p instanceof Map) {
    for (const e of p.values()) {
      const r = reasonIn(e);
      if (r) return r;
    }
  }
  return undefined;
}

/** An unknown computed from `inputs`: the expression's text, with the reason one of them carries (if any). */
export function derivedUnknown(src: string, inputs: Val[], t: Type = DYN, refine?: Refinement): Val {
  const make = (text: string): Val => (refine ? refinedUnk(text, t, refine) : unk(text, t));
  for (const x of inputs) {
    const r = reasonIn(x);
    if (r) return make(REASON.test(src) ? src : src + r);
  }
  return make(src);
}

export const elems = (x: Val): Val[] => x.v as Val[];
export const entries = (x: Val): Map<string, Val> => x.v as Map<string, Val>;
export const asStr = (x: Val): string => x.v as string;
export const asNum = (x: Val): BigNum => x.v as BigNum;
export const asBool = (x: Val): boolean => x.v as boolean;

/** Equal values of equal types (cty's RawEquals): what set membership uses. */
export function rawEquals(a: Val, b: Val): boolean {
  if (!typeEquals(a.t, b.t)) return false;
  const p = a.v;
  const q = b.v;
  if (p instanceof Unk || q instanceof Unk) return p instanceof Unk && q instanceof Unk && p.text === q.text;
  if (p === null || q === null) return p === q;
  if (p instanceof BigNum) return q instanceof BigNum && p.equals(q);
  if (Array.isArray(p)) return Array.isArray(q) && p.length === q.length && p.every((x, i) => rawEquals(x, q[i]!));
  if (p instanceof Map) {
    if (!(q instanceof Map) || p.size !== q.size) return false;
    for (const [k, x] of p) {
      const y = q.get(k);
      if (!y || !rawEquals(x, y)) return false;
    }
    return true;
  }
  return p === q;
}

/** cty's set order (set_internals.go Less): known before unknown before null; primitives by value; else by hash text. */
function compareSetElems(a: Val, b: Val): number {
  if (rawEquals(a, b)) return 0;
  if (isNull(b) && !isNull(a)) return -1;
  if (isNull(a)) return 1;
  if (!isUnknown(a) && isUnknown(b)) return -1;
  if (isUnknown(a)) return 1;
  switch (a.t.k) {
    case 'string':
      return compareStrings(asStr(a), asStr(b));
    case 'bool':
      return asBool(b) || !asBool(a) ? -1 : 1;
    case 'number':
      return asNum(a).cmp(asNum(b));
    default:
      return compareStrings(hashText(a), hashText(b));
  }
}

/** cty's makeSetHashBytes. */
function hashText(x: Val): string {
  if (isUnknown(x)) return '?';
  if (isNull(x)) return '~';
  switch (x.t.k) {
    case 'number':
      return asNum(x).textG10();
    case 'bool':
      return asBool(x) ? 'T' : 'F';
    case 'string':
      return goQuote(asStr(x));
    case 'map':
      return `{${[...entries(x)].map(([k, e]) => `${goQuote(k)}:${hashText(e)};`).join('')}}`;
    case 'list':
    case 'set':
      return `[${elems(x).map((e) => `${hashText(e)};`).join('')}]`;
    case 'object':
      return `<${[...entries(x).values()].map((e) => `${hashText(e)};`).join('')}>`;
    case 'tuple':
      return `<${elems(x).map((e) => `${hashText(e)};`).join('')}>`;
    default:
      return '';
  }
}

/** Go's %q of a string (strconv.Quote): printable characters kept, others escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (!isPrintable(c)) {
      if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else out += `\\U${c.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
function isPrintable(c: number): boolean {
  if (c === 0x20) return true;
  return !NON_PRINTABLE.test(String.fromCodePoint(c));
}

/** cty's Value.Equals: values of different types are not equal (tolist(["a"]) != ["a"]); undefined when unknown. */
export function ctyEquals(a: Val, b: Val): boolean | undefined {
  if (isUnknown(a) || isUnknown(b)) {
    // cty's Value.Equals on an unknown: a refinement or the types may still decide.
    const [u, k] = isUnknown(a) ? [a, b] : [b, a];
    if (isUnknown(k)) return undefined;
    const r = refinementOf(u);
    if (isNull(k)) return r.notNull ? false : undefined;
    if (r.prefix !== undefined && k.t.k === 'string' && !asStr(k).startsWith(r.prefix)) return false;
    if (u.t.k !== 'dynamic' && !hasDynamicTypes(k.t) && !hasDynamicTypes(u.t) && !typeEquals(u.t, k.t)) return false;
    return undefined;
  }
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (hasDynamicTypes(a.t) || hasDynamicTypes(b.t)) {
    if (!typeEquals(a.t, b.t)) return false;
  }
  if (!typeEquals(a.t, b.t)) return false;
  switch (a.t.k) {
    case 'number':
      return asNum(a).equals(asNum(b));
    case 'string':
    case 'bool':
      return a.v === b.v;
    case 'list':
    case 'tuple': {
      const xs = elems(a);
      const ys = elems(b);
      if (xs.length !== ys.length) return false;
      let unknownSeen = false;
      for (let i = 0; i < xs.length; i++) {
        const e = ctyEquals(xs[i]!, ys[i]!);
        if (e === false) return false;
        if (e === undefined) unknownSeen = true;
      }
      return unknownSeen ? undefined : true;
    }
    case 'set': {
      if (containsUnknown(a) || containsUnknown(b)) return undefined;
      const xs = elems(a);
      const ys = elems(b);
      return xs.length === ys.length && xs.every((x, i) => rawEquals(x, ys[i]!));
    }
    case 'map':
    case 'object': {
      const xs = entries(a);
      const ys = entries(b);
      if (xs.size !== ys.size) return false;
      let unknownSeen = false;
      for (const [k, x] of xs) {
        const y = ys.get(k);
        if (!y) return false;
        const e = ctyEquals(x, y);
        if (e === false) return false;
        if (e === undefined) unknownSeen = true;
      }
      return unknownSeen ? undefined : true;
    }
    default:
      return rawEquals(a, b);
  }
}

// ---- the policy input's JSON-like form ----

function setProp(o: { [k: string]: Value }, k: string, v: Value): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

export function toPlain(x: Val): Value {
  const p = x.v;
  if (p instanceof Unk) return { __unknown__: p.text };
  if (p === null) return null;
  if (p instanceof BigNum) return holdsExactly(p) ? p.toJs() : exactNumber(jsonNumberText(p));
  if (Array.isArray(p)) return p.map(toPlain);
  if (p instanceof Map) {
    const o: { [k: string]: Value } = {};
    for (const [k, e] of p) setProp(o, k, toPlain(e));
    return o;
  }
  return p;
}

/** True when the float64 nearest to n prints as the same decimal as n (0.1 does; 12345678901234567890 does not). */
export function holdsExactly(n: BigNum): boolean {
  if (n.inf) return true;
  const t = n.text();
  if (t.length <= 15) return true;
  return BigNum.fromJs(Number(t)).text() === t;
}

/** n as a JSON number: its exact decimal, in exponent form when that is much shorter (1e600). */
function jsonNumberText(n: BigNum): string {
  const t = n.text();
  if (t.length <= 64) return t;
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(t);
  if (!m) return t;
  const [, sign = '', int = '', frac = ''] = m;
  const all = int + frac;
  const lead = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(lead).replace(/0+$/, '');
  if (digits.length === 0) return '0';
  const exp = int.length - lead - 1;
  const sci = `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp}`;
  return sci.length < t.length ? sci : t;
}

/** A JSON-like value (hcl2json's literals, a value from JSON) as cty sees a literal: tuples and objects. */
export function fromPlain(v: Value): Val {
  if (v === null) return NULL;
  if (isExactNumber(v)) return num(BigNum.parse(v.rawJSON)!);
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return num(BigNum.fromJs(v));
  if (typeof v === 'boolean') return bool(v);
  if (Array.isArray(v)) return tuple(v.map(fromPlain));
  if (typeof (v as { __unknown__?: unknown }).__unknown__ === 'string' && Object.keys(v).length === 1) return unk((v as { __unknown__: string }).__unknown__);
  const m = new Map<string, Val>();
  for (const [k, e] of Object.entries(v)) m.set(k, fromPlain(e as Value));
  return object(m);
}
