// Type conversion and unification as go-cty's convert package does them (conversion.go,
// conversion_collection.go, conversion_object.go, unify.go, compare_types.go): a conversion is chosen
// from the TYPES (so it can be refused before looking at values), then applied to the value. Used for
// variable type constraints, function parameters, conditionals, tolist/toset/tomap and collections.
import { BigNum } from './bignum.js';
import {
  BOOL,
  DYN,
  NUMBER,
  STRING,
  FALSE,
  TRUE,
  asBool,
  asNum,
  asStr,
  elems,
  entries,
  friendlyName,
  isNull,
  isPrimitive,
  isUnknown,
  list,
  listOf,
  map,
  mapOf,
  nullOf,
  object,
  objectOf,
  set,
  setOf,
  str,
  tuple,
  tupleOf,
  typeEquals,
  unk,
  unkText,
  withoutOptional,
  type Type,
  type Val,
} from './cty.js';
import { EvalError } from './values.js';

export type Conversion = (v: Val) => Val;

/** cty's convert.Convert (unsafe conversions allowed): the value as `want`, or an EvalError. */
export function convert(v: Val, want: Type): Val {
  if (typeEquals(v.t, want) && !hasOptional(want)) return v;
  const conv = getConversion(v.t, want, true);
  if (!conv) throw new EvalError(mismatch(v.t, want));
  return conv(v);
}

function hasOptional(t: Type): boolean {
  switch (t.k) {
    case 'object':
      return (t.optional?.size ?? 0) > 0 || [...t.attrs.values()].some(hasOptional);
    case 'list':
    case 'set':
    case 'map':
      return hasOptional(t.e);
    case 'tuple':
      return t.es.some(hasOptional);
    default:
      return false;
  }
}

function mismatch(got: Type, want: Type): string {
  if (want.k === 'object' && got.k === 'object') {
    for (const k of want.attrs.keys()) if (!got.attrs.has(k) && !want.optional?.has(k)) return `attribute "${k}" is required`;
  }
  return `${friendlyName(want)} required, got ${friendlyName(got)}`;
}

export function getConversion(inT: Type, out: Type, unsafe: boolean): Conversion | undefined {
  const known = getConversionKnown(inT, out, unsafe);
  if (!known) return undefined;
  return (v) => {
    if (out.k === 'dynamic') return v;
    if (isUnknown(v)) return unk(unkText(v), dynamicReplace(v.t, withoutOptional(out)));
    if (isNull(v)) return nullOf(dynamicReplace(v.t, withoutOptional(out)));
    return known(v);
  };
}

function getConversionKnown(inT: Type, out: Type, unsafe: boolean): Conversion | undefined {
  if (out.k === 'dynamic') return (v) => v;
  if (unsafe && inT.k === 'dynamic') return (v) => convert(v, out);
  if (isPrimitive(inT) && isPrimitive(out)) {
    if (inT.k === out.k) return (v) => v;
    if (out.k === 'string') return (v) => str(v.t.k === 'number' ? asNum(v).text() : asBool(v) ? 'true' : 'false');
    if (!unsafe || inT.k !== 'string') return undefined;
    if (out.k === 'number') {
      return (v) => {
        const n = BigNum.parse(asStr(v));
        if (!n) throw new EvalError('a number is required');
        return { t: NUMBER, v: n };
      };
    }
    return (v) => {
      const s = asStr(v);
      if (s === 'true' || s === '1') return TRUE;
      if (s === 'false' || s === '0') return FALSE;
      const lower = s.toLowerCase();
      if (lower === 'true' || lower === 'false') throw new EvalError(`a bool is required; to convert from string, use lowercase "${lower}"`);
      throw new EvalError('a bool is required');
    };
  }
  if (out.k === 'object' && inT.k === 'object') return objectToObject(inT, out, unsafe);
  if (out.k === 'tuple' && inT.k === 'tuple') return tupleToTuple(inT, out, unsafe);
  if (out.k === 'list' && (inT.k === 'list' || inT.k === 'set')) {
    const conv = typeEquals(inT.e, out.e) ? undefined : getConversion(inT.e, out.e, unsafe);
    if (!typeEquals(inT.e, out.e) && !conv) return undefined;
    return (v) => collectionToList(out.e, elems(v), conv, inT.e);
  }
  if (out.k === 'set' && (inT.k === 'list' || inT.k === 'set')) {
    if (inT.k === 'list' && !unsafe) return undefined;
    const conv = typeEquals(inT.e, out.e) ? undefined : getConversion(inT.e, out.e, unsafe);
    if (!typeEquals(inT.e, out.e) && !conv) return undefined;
    return (v) => collectionToSet(out.e, elems(v), conv, inT.e);
  }
  if (out.k === 'map' && inT.k === 'map') {
    const conv = getConversion(inT.e, out.e, unsafe);
    if (!conv) return undefined;
    return (v) => collectionToMap(out.e, entries(v), conv, unsafe, inT.e);
  }
  if (out.k === 'list' && inT.k === 'tuple') return tupleToList(inT.es, out.e, unsafe);
  if (out.k === 'set' && inT.k === 'tuple') return tupleToSet(inT.es, out.e, unsafe);
  if (out.k === 'map' && inT.k === 'object') return objectToMap(inT, out.e, unsafe);
  if (out.k === 'object' && inT.k === 'map') return unsafe ? mapToObject(inT as { k: 'map'; e: Type }, out, unsafe) : undefined;
  return undefined;
}

function dynamicReplace(inT: Type, out: Type): Type {
  if (inT.k === 'dynamic') return out;
  switch (out.k) {
    case 'dynamic':
      return inT;
    case 'string':
    case 'number':
    case 'bool':
      return out;
    case 'map':
      if (inT.k === 'map') return mapOf(dynamicReplace(inT.e, out.e));
      if (inT.k === 'object') return mapOf(dynamicReplace(unify([...inT.attrs.values()], true)?.type ?? DYN, out.e));
      return out;
    case 'object': {
      const attrs = new Map<string, Type>();
      for (const [k, a] of out.attrs) {
        if (inT.k === 'map') attrs.set(k, dynamicReplace(inT.e, a));
        else if (inT.k === 'object') attrs.set(k, inT.attrs.has(k) ? dynamicReplace(inT.attrs.get(k)!, a) : a);
      }
      return objectOf(attrs);
    }
    case 'set':
    case 'list':
      if (inT.k === 'set' || inT.k === 'list') return { k: out.k, e: dynamicReplace(inT.e, out.e) };
      if (inT.k === 'tuple') return { k: out.k, e: dynamicReplace(unify(inT.es, true)?.type ?? DYN, out.e) };
      return out;
    case 'tuple':
      return tupleOf(out.es.map((t, i) => (inT.k === 'tuple' && inT.es[i] ? dynamicReplace(inT.es[i]!, t) : t)));
  }
}

/**
 * The element type of an empty collection converted to one of `ety`: cty keeps the input's element
 * type when `ety` is the dynamic type (convert.conversionCollectionToList: "prefer a concrete type").
 */
const emptyElement = (ety: Type, inEty: Type): Type => (ety.k === 'dynamic' ? inEty : withoutOptional(ety));

function collectionToList(ety: Type, items: Val[], conv: Conversion | undefined, inEty: Type): Val {
  const out = conv ? items.map(conv) : items;
  if (out.length === 0) return list(emptyElement(ety, inEty), []);
  if (ety.k === 'dynamic') return homogeneous('list', unifyElements(out, true));
  return list(out[0]!.t.k === 'dynamic' ? ety : concreteOf(out, ety), out);
}

function collectionToSet(ety: Type, items: Val[], conv: Conversion | undefined, inEty: Type): Val {
  const out = conv ? items.map(conv) : items;
  if (out.length === 0) return set(emptyElement(ety, inEty), []);
  if (ety.k === 'dynamic') return homogeneous('set', unifyElements(out, true));
  return set(concreteOf(out, ety), out);
}

function collectionToMap(ety: Type, items: Map<string, Val>, conv: Conversion | undefined, unsafe: boolean, inEty: Type): Val {
  const out = new Map<string, Val>();
  for (const [k, x] of items) out.set(k, conv ? conv(x) : x);
  if (out.size === 0) return map(emptyElement(ety, inEty), out);
  if (ety.k === 'dynamic') {
    const keys = [...out.keys()];
    const unified = unifyElements([...out.values()], unsafe);
    const m = new Map<string, Val>();
    keys.forEach((k, i) => m.set(k, unified[i]!));
    return homogeneousMap(m);
  }
  return map(concreteOf([...out.values()], ety), out);
}

/** The element type of converted elements: the first known element's (they agree after conversion). */
function concreteOf(items: Val[], ety: Type): Type {
  if (!hasDynamicDeep(ety)) return ety;
  const known = items.find((x) => !isUnknown(x) && !isNull(x));
  return known ? known.t : ety;
}

function hasDynamicDeep(t: Type): boolean {
  switch (t.k) {
    case 'dynamic':
      return true;
    case 'list':
    case 'set':
    case 'map':
      return hasDynamicDeep(t.e);
    case 'tuple':
      return t.es.some(hasDynamicDeep);
    case 'object':
      return [...t.attrs.values()].some(hasDynamicDeep);
    default:
      return false;
  }
}

/** Elements converted to one common type (conversionUnifyListElements), or an error. */
function unifyElements(items: Val[], unsafe: boolean): Val[] {
  const u = unify(
    items.map((x) => x.t),
    unsafe,
  );
  if (!u) throw new EvalError('cannot find a common base type for all elements');
  return items.map((x, i) => (u.convs[i] ? u.convs[i]!(x) : x));
}

function homogeneous(kind: 'list' | 'set', items: Val[]): Val {
  const t = commonType(items);
  return kind === 'list' ? list(t, items) : set(t, items);
}

function homogeneousMap(m: Map<string, Val>): Val {
  return map(commonType([...m.values()]), m);
}

function commonType(items: Val[]): Type {
  const known = items.filter((x) => x.t.k !== 'dynamic');
  const t = known[0]?.t ?? DYN;
  for (const x of known) if (!typeEquals(x.t, t)) throw new EvalError('element types must all match for conversion to a collection');
  return t;
}

function tupleToList(es: Type[], listEty: Type, unsafe: boolean): Conversion | undefined {
  if (es.length === 0) return () => list(withoutOptional(listEty), []);
  let ety = listEty;
  if (ety.k === 'dynamic') {
    const u = unify(es, unsafe);
    if (!u) return undefined;
    ety = u.type;
    if (ety.k === 'dynamic' && es.some((t) => t.k !== 'dynamic')) return undefined;
  }
  const convs = es.map((t) => (typeEquals(t, ety) ? null : getConversion(t, ety, unsafe)));
  if (convs.some((c) => c === undefined)) return undefined;
  return (v) => {
    const items = elems(v).map((x, i) => (convs[i] ? convs[i]!(x) : x));
    return homogeneous('list', unifyElements(items, unsafe));
  };
}

function tupleToSet(es: Type[], setEty: Type, unsafe: boolean): Conversion | undefined {
  if (es.length === 0) return () => set(withoutOptional(setEty), []);
  let ety = setEty;
  if (ety.k === 'dynamic') {
    const u = unify(es, unsafe);
    if (!u) return undefined;
    ety = u.type;
    if (ety.k === 'dynamic' && es.some((t) => t.k !== 'dynamic')) return undefined;
  }
  const convs = es.map((t) => (typeEquals(t, ety) ? null : getConversion(t, ety, unsafe)));
  if (convs.some((c) => c === undefined)) return undefined;
  return (v) => {
    const items = elems(v).map((x, i) => (convs[i] ? convs[i]!(x) : x));
    return homogeneous('set', unifyElements(items, unsafe));
  };
}

function objectToMap(inT: Extract<Type, { k: 'object' }>, mapEty: Type, unsafe: boolean): Conversion | undefined {
  if (inT.attrs.size === 0) return () => map(withoutOptional(mapEty), new Map());
  let ety = mapEty;
  if (ety.k === 'dynamic') {
    const u = unify([...inT.attrs.values()], unsafe);
    if (!u) return undefined;
    ety = u.type;
  }
  const convs = new Map<string, Conversion | null>();
  for (const [k, t] of inT.attrs) {
    if (typeEquals(t, ety)) convs.set(k, null);
    else {
      const c = getConversion(t, ety, unsafe);
      if (!c) return undefined;
      convs.set(k, c);
    }
  }
  return (v) => {
    const m = new Map<string, Val>();
    for (const [k, x] of entries(v)) m.set(k, convs.get(k) ? convs.get(k)!(x) : x);
    const keys = [...m.keys()];
    const unified = unifyElements([...m.values()], unsafe);
    const out = new Map<string, Val>();
    keys.forEach((k, i) => out.set(k, unified[i]!));
    return homogeneousMap(out);
  };
}

function mapToObject(inT: { k: 'map'; e: Type }, out: Extract<Type, { k: 'object' }>, unsafe: boolean): Conversion | undefined {
  const convs = new Map<string, Conversion | null>();
  for (const [k, t] of out.attrs) {
    if (typeEquals(t, inT.e)) convs.set(k, null);
    else {
      const c = getConversion(inT.e, t, unsafe);
      if (!c) {
        if (out.optional?.has(k) && unsafe) continue;
        return undefined;
      }
      convs.set(k, c);
    }
  }
  return (v) => {
    const m = new Map<string, Val>();
    for (const [k, x] of entries(v)) {
      if (!out.attrs.has(k)) continue;
      const c = convs.get(k);
      if (c === undefined) throw new EvalError(`map element type is incompatible with attribute "${k}"`);
      m.set(k, c ? c(x) : x);
    }
    return finishObject(m, out);
  };
}

function objectToObject(inT: Extract<Type, { k: 'object' }>, out: Extract<Type, { k: 'object' }>, unsafe: boolean): Conversion | undefined {
  const convs = new Map<string, Conversion | null>();
  for (const [k, t] of out.attrs) {
    const it = inT.attrs.get(k);
    if (!it) {
      if (out.optional?.has(k)) continue;
      return undefined;
    }
    if (typeEquals(it, t) && !hasOptional(t)) convs.set(k, null);
    else {
      const c = getConversion(it, t, unsafe);
      if (!c) return undefined;
      convs.set(k, c);
    }
  }
  return (v) => {
    const m = new Map<string, Val>();
    for (const [k, x] of entries(v)) {
      if (!convs.has(k)) continue;
      const c = convs.get(k);
      m.set(k, c ? c(x) : x);
    }
    return finishObject(m, out);
  };
}

/**
 * Missing or null optional attributes: the optional() default (typeexpr.Defaults, which OpenTofu
 * applies before converting) converted to the attribute's type, else a typed null.
 */
function finishObject(m: Map<string, Val>, out: Extract<Type, { k: 'object' }>): Val {
  for (const [k, t] of out.attrs) {
    const cur = m.get(k);
    const opt = out.optional;
    if (cur && !isNull(cur)) continue;
    if (opt?.has(k)) {
      const def = opt.get(k);
      m.set(k, def && !isNull(def) ? convert(def, t) : nullOf(withoutOptional(t)));
    } else if (!cur) throw new EvalError(`attribute "${k}" is required`);
    else m.set(k, nullOf(withoutOptional(t)));
  }
  return object(m);
}

function tupleToTuple(inT: Extract<Type, { k: 'tuple' }>, out: Extract<Type, { k: 'tuple' }>, unsafe: boolean): Conversion | undefined {
  if (inT.es.length !== out.es.length) return undefined;
  const convs: Array<Conversion | null> = [];
  for (let i = 0; i < out.es.length; i++) {
    if (typeEquals(inT.es[i]!, out.es[i]!) && !hasOptional(out.es[i]!)) convs.push(null);
    else {
      const c = getConversion(inT.es[i]!, out.es[i]!, unsafe);
      if (!c) return undefined;
      convs.push(c);
    }
  }
  return (v) => tuple(elems(v).map((x, i) => (convs[i] ? convs[i]!(x) : x)));
}

// ---- unification ----

export interface Unified {
  type: Type;
  /** Per input: the conversion to apply, or null when the input already has the type. */
  convs: Array<Conversion | null>;
}

/** cty's unify: the one type every input converts to, or undefined. */
export function unify(types: Type[], unsafe: boolean): Unified | undefined {
  if (types.length === 0) return undefined;
  const count = (k: Type['k']): number => types.filter((t) => t.k === k).length;
  const n = types.length;
  const [mapCt, listCt, setCt, objectCt, tupleCt, dynCt] = [count('map'), count('list'), count('set'), count('object'), count('tuple'), count('dynamic')];
  if (mapCt > 0 && mapCt + dynCt === n) return unifyCollections('map', types, unsafe, dynCt > 0);
  if (mapCt > 0 && mapCt + objectCt + dynCt === n) {
    const r = unifyObjectsAsMaps(types, unsafe);
    if (r && r.type.k === 'map') return r;
  } else if (listCt > 0 && listCt + dynCt === n) return unifyCollections('list', types, unsafe, dynCt > 0);
  else if (listCt > 0 && listCt + tupleCt + dynCt === n) {
    const r = unifyTuplesAsList(types, unsafe);
    if (r && r.type.k === 'list') return r;
  } else if (setCt > 0 && setCt + dynCt === n) return unifyCollections('set', types, unsafe, dynCt > 0);
  else if (objectCt > 0 && objectCt + dynCt === n) return unifyObjects(types, unsafe, dynCt > 0);
  else if (tupleCt > 0 && tupleCt + dynCt === n) return unifyTuples(types, unsafe, dynCt > 0);
  else if (objectCt > 0 && tupleCt > 0) return undefined;

  for (const want of sortTypes(types)) {
    const wantType = types[want]!;
    const convs: Array<Conversion | null> = [];
    let ok = true;
    for (let i = 0; i < n; i++) {
      if (i === want || typeEquals(types[i]!, wantType)) {
        convs.push(null);
        continue;
      }
      const c = conversionFn(types[i]!, wantType, unsafe);
      if (!c) {
        ok = false;
        break;
      }
      convs.push(c);
    }
    if (ok) return { type: wantType, convs };
  }
  return undefined;
}

/** GetConversion / GetConversionUnsafe: identity when the types are equal. */
function conversionFn(from: Type, to: Type, unsafe: boolean): Conversion | undefined {
  if (typeEquals(from, to)) return (v) => v;
  return getConversion(from, to, unsafe);
}

function allAsDynamic(types: Type[]): Unified {
  return { type: DYN, convs: types.map(() => (v: Val) => (isUnknown(v) ? v : v)) };
}

function convsTo(types: Type[], ret: Type, unsafe: boolean): Array<Conversion | null> | undefined {
  const convs: Array<Conversion | null> = [];
  for (const t of types) {
    if (typeEquals(t, ret)) {
      convs.push(null);
      continue;
    }
    const c = conversionFn(t, ret, unsafe);
    if (!c) return undefined;
    convs.push(c);
  }
  return convs;
}

function unifyCollections(kind: 'list' | 'set' | 'map', types: Type[], unsafe: boolean, hasDyn: boolean): Unified | undefined {
  if (hasDyn) return allAsDynamic(types);
  const e = unify(
    types.map((t) => (t as { e: Type }).e),
    unsafe,
  );
  if (!e) return undefined;
  const ret: Type = { k: kind, e: e.type };
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : undefined;
}

function unifyObjects(types: Type[], unsafe: boolean, hasDyn: boolean): Unified | undefined {
  if (hasDyn) return allAsDynamic(types);
  const first = (types[0] as Extract<Type, { k: 'object' }>).attrs;
  for (const t of types.slice(1)) {
    const a = (t as Extract<Type, { k: 'object' }>).attrs;
    if (a.size !== first.size || [...a.keys()].some((k) => !first.has(k))) return unifyObjectsToMap(types, unsafe);
  }
  const attrs = new Map<string, Type>();
  for (const k of first.keys()) {
    const u = unify(
      types.map((t) => (t as Extract<Type, { k: 'object' }>).attrs.get(k)!),
      unsafe,
    );
    if (!u) return undefined;
    attrs.set(k, u.type);
  }
  const ret = objectOf(attrs);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : unifyObjectsToMap(types, unsafe);
}

function unifyObjectsToMap(types: Type[], unsafe: boolean): Unified | undefined {
  const atys = types.flatMap((t) => [...(t as Extract<Type, { k: 'object' }>).attrs.values()]);
  const e = unify(atys, unsafe);
  if (!e) return undefined;
  const ret = mapOf(e.type);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : undefined;
}

function unifyTuples(types: Type[], unsafe: boolean, hasDyn: boolean): Unified | undefined {
  if (hasDyn) return allAsDynamic(types);
  const first = (types[0] as Extract<Type, { k: 'tuple' }>).es;
  for (const t of types.slice(1)) if ((t as Extract<Type, { k: 'tuple' }>).es.length !== first.length) return unifyTuplesToList(types, unsafe);
  const es: Type[] = [];
  for (let i = 0; i < first.length; i++) {
    const u = unify(
      types.map((t) => (t as Extract<Type, { k: 'tuple' }>).es[i]!),
      unsafe,
    );
    if (!u) return undefined;
    es.push(u.type);
  }
  const ret = tupleOf(es);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : unifyTuplesToList(types, unsafe);
}

function unifyTuplesToList(types: Type[], unsafe: boolean): Unified | undefined {
  const etys = types.flatMap((t) => (t as Extract<Type, { k: 'tuple' }>).es);
  const e = unify(etys, unsafe);
  if (!e) return undefined;
  const ret = listOf(e.type);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : undefined;
}

function unifyTuplesAsList(types: Type[], unsafe: boolean): Unified | undefined {
  const idx = types.map((t, i) => (t.k === 'tuple' ? i : -1)).filter((i) => i >= 0);
  const asList = unifyTuplesToList(
    idx.map((i) => types[i]!),
    unsafe,
  );
  if (!asList || asList.type.k !== 'list') return undefined;
  const listed = types.map((t) => (t.k === 'tuple' ? asList.type : t));
  const r = unify(listed, unsafe);
  if (!r || r.type.k !== 'list') return undefined;
  idx.forEach((i, j) => {
    const tupleConv = asList.convs[j];
    const listConv = r.convs[i];
    r.convs[i] = tupleConv && listConv ? (v) => listConv(tupleConv(v)) : (tupleConv ?? listConv ?? null);
  });
  return r;
}

function unifyObjectsAsMaps(types: Type[], unsafe: boolean): Unified | undefined {
  const idx = types.map((t, i) => (t.k === 'object' ? i : -1)).filter((i) => i >= 0);
  const asMap = unifyObjectsToMap(
    idx.map((i) => types[i]!),
    unsafe,
  );
  if (!asMap || asMap.type.k !== 'map') return undefined;
  const mapped = types.map((t) => (t.k === 'object' ? asMap.type : t));
  const r = unify(mapped, unsafe);
  if (!r || r.type.k !== 'map') return undefined;
  idx.forEach((i, j) => {
    const objConv = asMap.convs[j];
    const mapConv = r.convs[i];
    r.convs[i] = objConv && mapConv ? (v) => mapConv(objConv(v)) : (objConv ?? mapConv ?? null);
  });
  return r;
}

/** cty's sortTypes: a topological order of preference (strings before numbers/bools, dynamic last...). */
function sortTypes(types: Type[]): number[] {
  const n = types.length;
  const edges: number[][] = types.map(() => []);
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = compareTypes(types[i]!, types[j]!);
      if (c < 0) edges[i]!.push(j);
      else if (c > 0) edges[j]!.push(i);
    }
  }
  const inDegree = new Array<number>(n).fill(0);
  for (const outs of edges) for (const j of outs) inDegree[j]!++;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (inDegree[i] === 0) queue.push(i);
  const result: number[] = [];
  while (queue.length) {
    const i = queue.shift()!;
    result.push(i);
    for (const j of edges[i]!) if (--inDegree[j]! === 0) queue.push(j);
  }
  return result;
}

function compareTypes(a0: Type, b0: Type): number {
  let a = a0;
  let b = b0;
  if (a.k === 'dynamic' || b.k === 'dynamic') {
    if (a.k !== 'dynamic') return -1;
    if (b.k !== 'dynamic') return 1;
    return 0;
  }
  if (isPrimitive(a) && isPrimitive(b)) {
    if (a.k === 'string' || b.k === 'string') {
      if (a.k !== 'string') return 1;
      if (b.k !== 'string') return -1;
      return 0;
    }
  }
  if ((a.k === 'list' && b.k === 'list') || (a.k === 'set' && b.k === 'set') || (a.k === 'map' && b.k === 'map')) {
    return compareTypes((a as { e: Type }).e, (b as { e: Type }).e);
  }
  let swap = 1;
  if ((a.k === 'tuple' && b.k === 'list') || (a.k === 'object' && b.k === 'map') || (a.k === 'set' && b.k === 'tuple') || (a.k === 'set' && b.k === 'list')) {
    [a, b] = [b, a];
    swap = -1;
  }
  if (b.k === 'set' && (a.k === 'tuple' || a.k === 'list')) return -1 * swap;
  if (a.k === 'list' && b.k === 'tuple') return -1 * swap;
  if (a.k === 'map' && b.k === 'object') return -1 * swap;
  const supers = (pairs: Array<[Type, Type]>): number => {
    let aSuper = false;
    let bSuper = false;
    for (const [x, y] of pairs) {
      const c = compareTypes(x, y);
      if (c < 0) aSuper = true;
      else if (c > 0) bSuper = true;
    }
    if (aSuper && bSuper) return 0;
    if (aSuper) return -1 * swap;
    if (bSuper) return 1 * swap;
    return 0;
  };
  if (a.k === 'object' && b.k === 'object') {
    if (a.attrs.size !== b.attrs.size) return 0;
    const pairs: Array<[Type, Type]> = [];
    for (const [k, t] of a.attrs) {
      const o = b.attrs.get(k);
      if (!o) return 0;
      pairs.push([t, o]);
    }
    return supers(pairs);
  }
  if (a.k === 'tuple' && b.k === 'tuple') {
    if (a.es.length !== b.es.length) return 0;
    const bes = b.es;
    return supers(a.es.map((t, i) => [t, bes[i]!] as [Type, Type]));
  }
  return 0;
}

/** Convert every value to their unified type (HCL's conditional, coalesce, ...), or throw. */
export function unifyValues(vals: Val[], what: string): Val[] {
  const u = unify(
    vals.map((v) => v.t),
    true,
  );
  if (!u) throw new EvalError(`${what}: the values have no common type`);
  return vals.map((v, i) => (u.convs[i] ? u.convs[i]!(v) : v));
}

