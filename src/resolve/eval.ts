// The evaluator: an expression tree and a scope -> a value. Anything it cannot know (a reference to a
// resource attribute, a variable without a value, an unsupported function) is an UnknownValue whose
// text is the expression; operations on unknown values give unknown values, never a guess.
import type { Node, Step } from './ast.js';
import { ParseError } from './ast.js';
import { callFunction, SPECIAL_FORMS } from './functions.js';
import { parseHclString } from './parser.js';
import { EvalError, deepEqual, hasUnknown, isObject, isUnknown, toBool, toNum, toStr, typeName, unknown, type Value } from './values.js';

/** What a scope knows about a name that is not a local binding (var, local, module, data, a resource type...). */
export interface RefResolver {
  /**
   * Resolve the head of a traversal. `steps` are already evaluated (attribute names as strings,
   * index keys as values). Returns the value and how many steps it consumed, or undefined when the
   * reference cannot be known (the caller makes it unknown with the reference's text).
   */
  ref(root: string, steps: Array<{ attr?: string; key?: Value }>): { value: Value; used: number } | undefined;
}

export interface Scope {
  resolver: RefResolver;
  /** Names bound locally: for-expression variables, each, count, dynamic iterators. */
  bindings: Map<string, Value>;
}

export function childScope(s: Scope, extra: Record<string, Value>): Scope {
  const bindings = new Map(s.bindings);
  for (const [k, v] of Object.entries(extra)) bindings.set(k, v);
  return { resolver: s.resolver, bindings };
}

const TRAVERSAL = /^(?!var\.|local\.|each\.|count\.)[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[(?:[0-9]+|"[^"]*")\])+$/;

/** Text of a traversal with evaluated index keys: aws_vpc.main["a"].id. */
function traversalText(root: string, steps: Array<{ attr?: string; key?: Value }>): string {
  let s = root;
  for (const st of steps) {
    if (st.attr !== undefined) s += `.${st.attr}`;
    else s += `[${JSON.stringify(st.key)}]`;
  }
  return s;
}

function applyStep(v: Value, st: { attr?: string; key?: Value }, src: string): Value {
  if (isUnknown(v)) return unknown(src);
  if (st.attr !== undefined) {
    if (isObject(v)) {
      if (st.attr in v) return v[st.attr]!;
      throw new EvalError(`no attribute "${st.attr}"`);
    }
    throw new EvalError(`a ${typeName(v)} has no attribute "${st.attr}"`);
  }
  const key = st.key!;
  if (isUnknown(key)) return unknown(src);
  if (Array.isArray(v)) {
    const i = toNum(key);
    if (!Number.isInteger(i) || i < 0 || i >= v.length) throw new EvalError(`index ${i} out of range`);
    return v[i]!;
  }
  if (isObject(v)) {
    const k = toStr(key);
    if (k in v) return v[k]!;
    throw new EvalError(`no element "${k}"`);
  }
  throw new EvalError(`a ${typeName(v)} cannot be indexed`);
}

function evalSteps(steps: Step[], scope: Scope): Array<{ attr?: string; key?: Value }> {
  return steps.map((s) => (s.k === 'attr' ? { attr: s.name } : { key: evaluate(s.key, scope) }));
}

function iterate(coll: Value): Array<[Value, Value]> {
  if (Array.isArray(coll)) return coll.map((v, i) => [i, v]);
  if (isObject(coll)) return Object.keys(coll).sort().map((k) => [k, coll[k]!]);
  throw new EvalError(`cannot iterate over a ${typeName(coll)}`);
}

export function evaluate(n: Node, scope: Scope): Value {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'tmpl': {
      if (n.parts.length === 1 && typeof n.parts[0] !== 'string' && n.parts[0]!.k !== 'directive') {
        return evaluate(n.parts[0] as Node, scope);
      }
      let out = '';
      for (const p of n.parts) {
        if (typeof p === 'string') out += p;
        else if (p.k === 'directive') return unknown(n.src);
        else {
          const v = evaluate(p, scope);
          if (hasUnknown(v)) return unknown(n.src);
          out += toStr(v);
        }
      }
      return out;
    }
    case 'ref': {
      const steps = evalSteps(n.steps, scope);
      let value: Value;
      let used: number;
      if (scope.bindings.has(n.root)) {
        value = scope.bindings.get(n.root)!;
        used = 0;
      } else {
        const r = scope.resolver.ref(n.root, steps);
        if (!r) {
          // Unknown reference: keep its text, with index keys evaluated where known.
          const known = steps.every((s) => s.attr !== undefined || !hasUnknown(s.key));
          return unknown(known ? traversalText(n.root, steps) : n.src);
        }
        ({ value, used } = r);
      }
      for (let i = used; i < steps.length; i++) {
        if (isUnknown(value)) {
          const rest = steps.slice(i);
          if (!rest.every((s) => s.attr !== undefined || !hasUnknown(s.key))) return unknown(n.src);
          // local.vpc.id where local.vpc = aws_vpc.main: the reference continues; else the traversal's text.
          if (TRAVERSAL.test(value.__unknown__)) return unknown(value.__unknown__ + traversalText('', rest));
          const known = steps.every((s) => s.attr !== undefined || !hasUnknown(s.key));
          return unknown(known ? traversalText(n.root, steps) : n.src);
        }
        value = applyStep(value, steps[i]!, n.src);
      }
      return value;
    }
    case 'get': {
      let v = evaluate(n.obj, scope);
      for (const st of evalSteps(n.steps, scope)) v = applyStep(v, st, n.src);
      return v;
    }
    case 'splat': {
      const obj = evaluate(n.obj, scope);
      if (isUnknown(obj)) return unknown(n.src);
      if (obj === null) return [];
      const list = Array.isArray(obj) ? obj : [obj];
      const steps = evalSteps(n.steps, scope);
      return list.map((el) => steps.reduce((v, st) => applyStep(v, st, n.src), el));
    }
    case 'call': {
      const special = SPECIAL_FORMS[n.name];
      if (special) return special(n.args, (a) => evaluate(a, scope), n.src);
      let args = n.args.map((a) => evaluate(a, scope));
      if (n.expand) {
        const last = args[args.length - 1];
        if (isUnknown(last)) return unknown(n.src);
        if (!Array.isArray(last)) throw new EvalError('only a list can be expanded with "..."');
        args = [...args.slice(0, -1), ...last];
      }
      return callFunction(n.name, args, n.src);
    }
    case 'tuple':
      return n.items.map((x) => evaluate(x, scope));
    case 'object': {
      const out: { [k: string]: Value } = {};
      for (const it of n.items) {
        const k = evaluate(it.key, scope);
        if (hasUnknown(k)) return unknown(n.src);
        out[toStr(k)] = evaluate(it.value, scope);
      }
      return out;
    }
    case 'for': {
      const coll = evaluate(n.coll, scope);
      if (isUnknown(coll)) return unknown(n.src);
      const list: Value[] = [];
      const obj: { [k: string]: Value } = {};
      for (const [k, v] of iterate(coll)) {
        const s = childScope(scope, { [n.valVar]: v, ...(n.keyVar ? { [n.keyVar]: k } : {}) });
        if (n.cond) {
          const c = evaluate(n.cond, s);
          if (hasUnknown(c)) return unknown(n.src);
          if (!toBool(c)) continue;
        }
        if (n.object) {
          const key = evaluate(n.keyExpr!, s);
          if (hasUnknown(key)) return unknown(n.src);
          const ks = toStr(key);
          const val = evaluate(n.valExpr, s);
          if (n.group) ((obj[ks] ??= []) as Value[]).push(val);
          else if (ks in obj) throw new EvalError(`duplicate key "${ks}" in a for expression`);
          else obj[ks] = val;
        } else list.push(evaluate(n.valExpr, s));
      }
      return n.object ? obj : list;
    }
    case 'unary': {
      const x = evaluate(n.x, scope);
      if (hasUnknown(x)) return unknown(n.src);
      return n.op === '!' ? !toBool(x) : -toNum(x);
    }
    case 'binary': {
      const l = evaluate(n.l, scope);
      const r = evaluate(n.r, scope);
      if (hasUnknown(l) || hasUnknown(r)) return unknown(n.src);
      switch (n.op) {
        case '==':
          return deepEqual(l, r);
        case '!=':
          return !deepEqual(l, r);
        case '&&':
          return toBool(l) && toBool(r);
        case '||':
          return toBool(l) || toBool(r);
        case '+':
          return toNum(l) + toNum(r);
        case '-':
          return toNum(l) - toNum(r);
        case '*':
          return toNum(l) * toNum(r);
        case '/':
          return toNum(l) / toNum(r);
        case '%':
          return toNum(l) % toNum(r);
        case '<':
          return toNum(l) < toNum(r);
        case '<=':
          return toNum(l) <= toNum(r);
        case '>':
          return toNum(l) > toNum(r);
        case '>=':
          return toNum(l) >= toNum(r);
      }
      throw new EvalError(`unknown operator ${n.op}`);
    }
    case 'cond': {
      const c = evaluate(n.c, scope);
      if (hasUnknown(c)) return unknown(n.src);
      return toBool(c) ? evaluate(n.t, scope) : evaluate(n.f, scope);
    }
  }
}

const cache = new Map<string, Node | ParseError>();

/** Parse (cached) and evaluate one string as hcl2json returns it. Errors become unknown values. */
export function evalString(text: string, scope: Scope): Value {
  let node = cache.get(text);
  if (!node) {
    try {
      node = parseHclString(text);
    } catch (e) {
      node = e instanceof ParseError ? e : new ParseError(String(e));
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(text, node);
  }
  if (node instanceof ParseError) return unknown(stripInterpolation(text));
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof EvalError || e instanceof RangeError) return unknown(stripInterpolation(text));
    throw e;
  }
}

/** "${x}" -> "x": the text an unknown value reports, as the normalizer always did. */
export function stripInterpolation(text: string): string {
  const m = /^\$\{([\s\S]*)\}$/.exec(text);
  return m && !m[1]!.includes('${') ? m[1]!.trim() : text;
}

export function isTemplateText(v: string): boolean {
  return /(?<![$])\$\{|(?<![%])%\{/.test(v);
}
