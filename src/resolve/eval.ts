// The evaluator: an expression tree and a scope -> a typed value (cty.ts), with HCL's semantics
// (hclsyntax/expression.go): type-aware equality, unified conditional results, sets, splats, for
// expressions, template directives. Anything it cannot know (a resource attribute, a variable without
// a value, an unsupported function) is an unknown value whose text is the expression; an expression
// OpenTofu refuses (an error) is unknown too, with the reason; operations on unknown values give
// unknown values, never a guess. Work and sizes are bounded by a Budget.
import type { Node, Step, TemplatePart } from '../parse/ast.js';
import { ParseError, SPLAT_ITEM } from '../parse/ast.js';
import { BigNum } from './bignum.js';
import { Budget, BudgetError, freshBudget } from './budget.js';
import { convert, unify } from './convert.js';
import {
  BOOL,
  DYN,
  NULL,
  NUMBER,
  STRING,
  asBool,
  asNum,
  asStr,
  bool,
  containsUnknown,
  ctyEquals,
  notNullUnknown,
  safeKnownPrefix,
  derivedUnknown,
  elems,
  entries,
  firstDeep,
  friendlyName,
  hasDynamicTypes,
  isNull,
  isUnknown,
  list,
  num,
  object,
  rawEquals,
  set,
  str,
  toPlain,
  tuple,
  typeEquals,
  unk,
  unkText,
  Unk,
  type Type,
  type Val,
} from './cty.js';
import { callFunction, SPECIAL_FORMS, type FileEnv } from './functions.js';
import { parseTemplateText } from '../parse/fast-hcl.js';
import { graphemes } from './text.js';
import { EvalError, type Value } from './values.js';

/** A traversal step with its key evaluated. */
export interface RefStep {
  attr?: string;
  key?: Val;
}

/** What a scope knows about a name that is not a local binding (var, local, module, data, a resource type...). */
export interface RefResolver {
  /**
   * Resolve the head of a traversal. `steps` are already evaluated. Returns the value and how many
   * steps it consumed, or undefined when the reference cannot be known (the caller makes it unknown
   * with the reference's text).
   */
  ref(root: string, steps: RefStep[]): { value: Val; used: number } | undefined;
}

/** The trees the parser made for the strings of the bodies a scope evaluates (ParsedFile.expressions). */
export interface ExpressionLookup {
  get(text: string): Node | undefined;
}

export interface Scope {
  resolver: RefResolver;
  /** Names bound locally: for-expression variables, each, count, dynamic iterators. */
  bindings: Map<string, Val>;
  /** Shared by every scope of one module instance; a fresh one when absent. */
  budget?: Budget;
  /** File access for file(), templatefile()...: absent, those are unknown. */
  files?: FileEnv;
  /** Trees of the strings to evaluate, from their files' parse: a string not found is parsed. */
  exprs?: ExpressionLookup;
  /** Whether a reference's value is marked sensitive (issensitive()); see sensitivityOf. */
  sensitiveRef?: (n: Extract<Node, { k: 'ref' }>) => Sensitivity;
  /** Called when sensitive() is evaluated: what is computed from it is sensitive too. */
  onSensitive?: () => void;
}

export function childScope(s: Scope, extra: Record<string, Val>): Scope {
  const bindings = new Map(s.bindings);
  for (const [k, v] of Object.entries(extra)) bindings.set(k, v);
  return {
    resolver: s.resolver,
    bindings,
    ...(s.budget ? { budget: s.budget } : {}),
    ...(s.files ? { files: s.files } : {}),
    ...(s.exprs ? { exprs: s.exprs } : {}),
    ...(s.sensitiveRef ? { sensitiveRef: s.sensitiveRef } : {}),
    ...(s.onSensitive ? { onSensitive: s.onSensitive } : {}),
  };
}

/**
 * How cty marks a value sensitive, as far as the expression shows it: "marked" (the value itself
 * carries the mark: sensitive(), a sensitive variable, anything an operator, template or function
 * computes from a marked value), "clean" (no mark anywhere), undefined (cannot be said: a mark may
 * sit on an element only, or come from a reference the scope cannot judge).
 */
export type Sensitivity = 'marked' | 'clean' | undefined;

export function sensitivityOf(n: Node, scope: Scope, depth = 0): Sensitivity {
  if (depth > 64) return undefined;
  const all = (xs: Node[]): Sensitivity => {
    let clean = true;
    for (const x of xs) {
      const s = sensitivityOf(x, scope, depth + 1);
      if (s === 'marked') return 'marked';
      if (s !== 'clean') clean = false;
    }
    return clean ? 'clean' : undefined;
  };
  const parts = (ps: TemplatePart[]): Node[] =>
    ps.flatMap((p): Node[] => (typeof p === 'string' ? [] : p.k === 'tif' ? [p.cond, ...parts(p.then), ...parts(p.else)] : p.k === 'tfor' ? [p.coll, ...parts(p.body)] : [p]));
  const keys = (steps: Step[]): Node[] => steps.flatMap((st) => (st.k === 'index' ? [st.key] : []));
  switch (n.k) {
    case 'lit':
      return 'clean';
    case 'tmpl':
      return all(parts(n.parts));
    case 'ref': {
      // A nested splat's element: as clean as the splat's source, which its caller judges.
      if (n.root === SPLAT_ITEM) return all(keys(n.steps));
      if (scope.bindings.has(n.root)) return n.root === 'count' ? 'clean' : undefined;
      const base = scope.sensitiveRef?.(n);
      if (base === 'marked') return 'marked';
      return base === 'clean' ? all(keys(n.steps)) : undefined;
    }
    case 'get':
    case 'splat': {
      const base = sensitivityOf(n.obj, scope, depth + 1);
      if (base === 'marked') return 'marked';
      if (n.k === 'splat' && n.each) return base === 'clean' && sensitivityOf(n.each, scope, depth + 1) === 'clean' ? 'clean' : undefined;
      return base === 'clean' ? all(keys(n.steps)) : undefined;
    }
    case 'call': {
      const name = n.name.startsWith('core::') ? n.name.slice(6) : n.name;
      if (name === 'sensitive') return 'marked';
      if (name === 'issensitive') return 'clean';
      if (name === 'nonsensitive') return all(n.args) === undefined ? undefined : 'clean';
      if (name === 'try' || name === 'can') return all(n.args) === 'clean' ? 'clean' : undefined;
      return all(n.args);
    }
    case 'tuple':
      return all(n.items) === 'clean' ? 'clean' : undefined;
    case 'object':
      return all(n.items.flatMap((it) => [it.key, it.value])) === 'clean' ? 'clean' : undefined;
    case 'for':
      return all([n.coll, ...(n.keyExpr ? [n.keyExpr] : []), n.valExpr, ...(n.cond ? [n.cond] : [])]) === 'clean' ? 'clean' : undefined;
    case 'unary':
      return all([n.x]);
    case 'binary':
      return all([n.l, n.r]);
    case 'cond': {
      const c = sensitivityOf(n.c, scope, depth + 1);
      if (c === 'marked') return 'marked';
      return all([n.c, n.t, n.f]) === 'clean' ? 'clean' : undefined;
    }
  }
}

const TRAVERSAL = /^(?!var\.|local\.|each\.|count\.)[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[(?:[0-9]+|"[^"]*")\])+$/;

/** Text of a traversal with evaluated index keys: aws_vpc.main["a"].id. */
function traversalText(root: string, steps: RefStep[]): string {
  let s = root;
  for (const st of steps) {
    if (st.attr !== undefined) s += `.${st.attr}`;
    else s += `[${JSON.stringify(toPlain(st.key!))}]`;
  }
  return s;
}

const stepKnown = (s: RefStep): boolean => s.attr !== undefined || !containsUnknown(s.key!);

/** A whole number from a value (an index, a count): converted as a number parameter. */
export function wholeNumber(v: Val, what: string): number {
  const n = asNum(convert(v, NUMBER));
  if (n.inf || !n.isInt()) throw new EvalError(`${what} must be a whole number`);
  const i = n.toSafeInt();
  if (i === undefined) throw new EvalError(`${what} is out of range`);
  return i;
}

/** One traversal step (attribute or index) on a known value, as HCL's hcl.Index / GetAttr. */
export function applyStep(v: Val, st: RefStep, src: string): Val {
  if (isUnknown(v)) return unk(src);
  if (isNull(v)) throw new EvalError(st.attr !== undefined ? `attempt to get attribute "${st.attr}" from a null value` : 'attempt to index a null value');
  const t = v.t;
  if (st.attr !== undefined) {
    if (t.k === 'object') {
      const x = entries(v).get(st.attr);
      if (!x) throw new EvalError(`this object does not have an attribute named "${st.attr}"`);
      return x;
    }
    if (t.k === 'map') {
      const x = entries(v).get(st.attr);
      if (!x) throw new EvalError(`this map does not have an element with the key "${st.attr}"`);
      return x;
    }
    throw new EvalError(`unsupported attribute "${st.attr}": a ${friendlyName(t)} has no attributes`);
  }
  const key = st.key!;
  if (isUnknown(key)) return unk(src);
  if (isNull(key)) throw new EvalError('an index cannot be null');
  if (t.k === 'list' || t.k === 'tuple') {
    if (key.t.k !== 'number' && key.t.k !== 'string') throw new EvalError(`a ${friendlyName(key.t)} cannot be a list index`);
    const i = wholeNumber(key, 'the index');
    const xs = elems(v);
    if (i < 0 || i >= xs.length) throw new EvalError(`the given index ${i} is out of range (length ${xs.length})`);
    return xs[i]!;
  }
  if (t.k === 'map' || t.k === 'object') {
    if (key.t.k !== 'string' && key.t.k !== 'number' && key.t.k !== 'bool') throw new EvalError(`a ${friendlyName(key.t)} cannot be a map key`);
    const k = asStr(convert(key, STRING));
    const x = entries(v).get(k);
    if (!x) throw new EvalError(`the given key "${k}" does not identify an element in this collection`);
    return x;
  }
  if (t.k === 'set') throw new EvalError('elements of a set are identified only by their value and cannot be indexed');
  throw new EvalError(`a ${friendlyName(t)} cannot be indexed`);
}

function evalSteps(steps: Step[], scope: Scope): RefStep[] {
  return steps.map((s) => (s.k === 'attr' ? { attr: s.name } : { key: evaluate(s.key, scope) }));
}

/** The (key, value) pairs a for expression or a template %{for} walks. */
export function iterate(coll: Val): Array<[Val, Val]> {
  if (isNull(coll)) throw new EvalError('cannot iterate over a null value');
  const t = coll.t;
  if (t.k === 'list' || t.k === 'tuple') return elems(coll).map((x, i) => [num(BigNum.fromInt(i)), x]);
  if (t.k === 'set') return elems(coll).map((x) => [x, x]);
  if (t.k === 'map' || t.k === 'object') return [...entries(coll)].map(([k, x]) => [str(k), x]);
  throw new EvalError(`a ${friendlyName(t)} value cannot be iterated over`);
}

function budgetOf(scope: Scope): Budget {
  return (scope.budget ??= freshBudget());
}

/** A value as template text (HCL converts each interpolation to string). */
function templateText(v: Val): string {
  if (isNull(v)) throw new EvalError('the expression result is null: a template cannot include a null value');
  if (v.t.k !== 'string' && v.t.k !== 'number' && v.t.k !== 'bool') throw new EvalError(`a ${friendlyName(v.t)} value cannot be included in a template`);
  return asStr(convert(v, STRING));
}

/** Template parts -> text, or the unknown value that made it unknown. */
/** `known`: set to the text rendered before the first unknown part (HCL's known prefix of the result). */
function renderParts(parts: TemplatePart[], scope: Scope, known?: { prefix: string }): string | Val {
  const budget = budgetOf(scope);
  let out = '';
  const stop = (u: Val): Val => {
    if (known) known.prefix = out;
    return u;
  };
  for (const p of parts) {
    let piece: string | Val;
    if (typeof p === 'string') piece = p;
    else if (p.k === 'tif') {
      const c = evaluate(p.cond, scope);
      if (isUnknown(c)) return stop(c);
      if (isNull(c)) throw new EvalError('the %{if} condition is null');
      piece = renderParts(asBool(convert(c, BOOL)) ? p.then : p.else, scope);
    } else if (p.k === 'tfor') {
      const coll = evaluate(p.coll, scope);
      if (isUnknown(coll)) return stop(coll);
      let text = '';
      for (const [k, v] of iterate(coll)) {
        const s = childScope(scope, { [p.valVar]: v, ...(p.keyVar ? { [p.keyVar]: k } : {}) });
        const body = renderParts(p.body, s);
        if (typeof body !== 'string') return stop(body);
        budget.string(text.length + body.length);
        text += body;
      }
      piece = text;
    } else {
      const v = evaluate(p, scope);
      if (containsUnknown(v)) return stop(v);
      piece = templateText(v);
    }
    if (typeof piece !== 'string') return stop(piece);
    budget.string(out.length + piece.length);
    out += piece;
  }
  return out;
}

function numberLiteral(n: Extract<Node, { k: 'lit' }>): Val {
  // A parenthesised literal keeps the parentheses' text ("(12345678901234567890)").
  const parsed = BigNum.parse(n.src.replace(/[\s()]+/g, ''));
  return num(parsed ?? BigNum.fromJs(n.v as number));
}

export function evaluate(n: Node, scope: Scope): Val {
  budgetOf(scope).spend();
  switch (n.k) {
    case 'lit':
      if (n.v === null) return NULL;
      if (typeof n.v === 'number') return numberLiteral(n);
      return typeof n.v === 'boolean' ? bool(n.v) : str(n.v);
    case 'tmpl': {
      if (n.parts.length === 1 && typeof n.parts[0] !== 'string' && n.parts[0]!.k !== 'tif' && n.parts[0]!.k !== 'tfor') {
        return evaluate(n.parts[0] as Node, scope);
      }
      const known = { prefix: '' };
      const text = renderParts(n.parts, scope, known);
      if (typeof text === 'string') return str(text);
      // A template's unknown result is never null, and starts with what was rendered before it
      // (at most 128 bytes, without a last character the rest could still combine with).
      let prefix = known.prefix;
      while (Buffer.byteLength(prefix, 'utf8') > 128) prefix = prefix.slice(0, -1);
      prefix = safeKnownPrefix(prefix.normalize('NFC'), graphemes);
      return derivedUnknown(n.src, [text], STRING, { notNull: true, ...(prefix ? { prefix } : {}) });
    }
    case 'ref': {
      const steps = evalSteps(n.steps, scope);
      let value: Val;
      let used: number;
      const bound = scope.bindings.get(n.root);
      if (bound) {
        value = bound;
        used = 0;
      } else {
        const r = scope.resolver.ref(n.root, steps);
        if (!r) return derivedUnknown(steps.every(stepKnown) ? traversalText(n.root, steps) : n.src, steps.map((st) => st.key ?? NULL));
        ({ value, used } = r);
      }
      for (let i = used; i < steps.length; i++) {
        if (isUnknown(value)) {
          const rest = steps.slice(i);
          if (!rest.every(stepKnown)) return derivedUnknown(n.src, [value, ...rest.map((st) => st.key ?? NULL)]);
          // local.vpc.id where local.vpc = aws_vpc.main: the reference continues; else the traversal's text.
          const text = unkText(value);
          if (TRAVERSAL.test(text)) return unk(text + traversalText('', rest));
          return derivedUnknown(steps.every(stepKnown) ? traversalText(n.root, steps) : n.src, [value]);
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
    case 'splat':
      return splat(n, scope);
    case 'call': {
      // core::upper is upper (OpenTofu's namespace for its built-in functions).
      const name = n.name.startsWith('core::') ? n.name.slice('core::'.length) : n.name;
      if (name === 'issensitive') {
        if (n.args.length !== 1) throw new EvalError('issensitive takes one argument');
        const v = evaluate(n.args[0]!, scope);
        const s = sensitivityOf(n.args[0]!, scope);
        return s === undefined ? derivedUnknown(n.src, [v], BOOL) : bool(s === 'marked');
      }
      if (name === 'ephemeralasnull') {
        // Ephemeral values (an ephemeral variable's, an ephemeral resource's) become null, deep;
        // every other value is kept.
        if (n.args.length !== 1) throw new EvalError('ephemeralasnull takes one argument');
        return withoutEphemeral(evaluate(n.args[0]!, scope));
      }
      if (name === 'sensitive') scope.onSensitive?.();
      const expanded = (last: Val): Val[] | Val => {
        if (isUnknown(last)) return derivedUnknown(n.src, [last]);
        if (isNull(last) || (last.t.k !== 'list' && last.t.k !== 'tuple' && last.t.k !== 'set')) throw new EvalError('only a list, set or tuple can be expanded with "..."');
        return elems(last);
      };
      const special = SPECIAL_FORMS[name];
      if (special) {
        if (!n.expand || n.args.length === 0) return special(n.args, (a) => evaluate(a, scope), n.src, budgetOf(scope));
        // f(a, xs...): the elements of xs are the last arguments, each already a value.
        const rest = expanded(evaluate(n.args[n.args.length - 1]!, scope));
        if (!Array.isArray(rest)) return rest;
        const given = new Map<Node, Val>();
        const nodes = rest.map((v): Node => {
          const node: Node = { k: 'lit', v: null, src: n.src };
          given.set(node, v);
          return node;
        });
        return special([...n.args.slice(0, -1), ...nodes], (a) => given.get(a) ?? evaluate(a, scope), n.src, budgetOf(scope));
      }
      let args = n.args.map((a) => evaluate(a, scope));
      if (n.expand) {
        const rest = expanded(args[args.length - 1]!);
        if (!Array.isArray(rest)) return rest;
        args = [...args.slice(0, -1), ...rest];
      }
      return callFunction(name, args, n.src, budgetOf(scope), {
        ...(scope.files ? { files: scope.files } : {}),
        template: (text, vars) => renderTemplate(text, vars, scope),
      });
    }
    case 'tuple': {
      budgetOf(scope).collection(n.items.length);
      return tuple(n.items.map((x) => evaluate(x, scope)));
    }
    case 'object': {
      const out = new Map<string, Val>();
      let unknownKey = false;
      for (const it of n.items) {
        const k = evaluate(it.key, scope);
        const v = evaluate(it.value, scope);
        if (isUnknown(k)) {
          unknownKey = true;
          continue;
        }
        if (isNull(k)) throw new EvalError('an object key cannot be null');
        out.set(asStr(convert(k, STRING)), v);
      }
      return unknownKey ? unk(n.src) : object(out);
    }
    case 'for':
      return forExpr(n, scope);
    case 'unary': {
      const x = evaluate(n.x, scope);
      if (isUnknown(x)) return derivedUnknown(n.src, [x], n.op === '!' ? BOOL : NUMBER, NOT_NULL);
      if (isNull(x)) throw new EvalError(`the operand of "${n.op}" is null`);
      if (n.op === '!') return bool(!asBool(convert(x, BOOL)));
      return num(asNum(convert(x, NUMBER)).neg_());
    }
    case 'binary':
      if (n.op === '&&' || n.op === '||') return logical(n, scope);
      return binary(n.op, evaluate(n.l, scope), evaluate(n.r, scope), n.src);
    case 'cond':
      return conditional(n, scope);
  }
}

const EPHEMERAL = / \(error: ephemeral value used in non-ephemeral context\)$|^ephemeral\./;

/** v with its ephemeral parts (unknowns standing for ephemeral values) replaced by null. */
function withoutEphemeral(v: Val): Val {
  const p = v.v;
  if (p instanceof Unk) return EPHEMERAL.test(p.text) ? NULL : v;
  if (Array.isArray(p)) return { t: v.t, v: p.map(withoutEphemeral) };
  if (p instanceof Map) {
    const m = new Map<string, Val>();
    for (const [k, x] of p) m.set(k, withoutEphemeral(x));
    return { t: v.t, v: m };
  }
  return v;
}

/** True when the expression refers to anything but locally bound names. */
export function hasReference(n: Node, scope: Scope = { resolver: { ref: () => undefined }, bindings: new Map() }): boolean {
  let found = false;
  const walk = (x: unknown): void => {
    if (found || typeof x !== 'object' || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const node = x as { k?: string; root?: string };
    if (node.k === 'ref' && node.root !== undefined && node.root !== SPLAT_ITEM && !scope.bindings.has(node.root)) {
      found = true;
      return;
    }
    for (const [k, v] of Object.entries(x)) if (k !== 'src') walk(v);
  };
  walk(n);
  return found;
}

/** hclsyntax.ValidIdentifier: ID_Start or "_", then ID_Continue or "-". */
const HCL_IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;

/** templatefile() / templatestring(): the text as a template whose only names are the given variables. */
function renderTemplate(text: string, vars: Map<string, Val>, scope: Scope): Val {
  // OpenTofu refuses a variable name that is not an HCL identifier, used or not (render_template.go).
  for (const name of vars.keys()) {
    if (!HCL_IDENTIFIER.test(name)) throw new EvalError(`invalid template variable name ${JSON.stringify(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
  }
  let node: Node;
  try {
    node = parseTemplateText(text);
  } catch (e) {
    if (e instanceof ParseError) throw new EvalError(`invalid template: ${e.message}`);
    throw e;
  }
  const inner: Scope = {
    resolver: {
      ref: (root) => {
        throw new EvalError(`the template refers to "${root}", which is not one of its variables`);
      },
    },
    bindings: new Map(vars),
    budget: budgetOf(scope),
    ...(scope.files ? { files: scope.files } : {}),
  };
  return evaluate(node, inner);
}

function splat(n: Extract<Node, { k: 'splat' }>, scope: Scope): Val {
  const src = evaluate(n.obj, scope);
  if (isUnknown(src)) return derivedUnknown(n.src, [src]);
  const t = src.t;
  const upgrade = !(t.k === 'tuple' || t.k === 'list' || t.k === 'set');
  if (isNull(src)) {
    if (upgrade) return tuple([]);
    throw new EvalError('a splat cannot be applied to a null collection');
  }
  const items = upgrade ? [src] : elems(src);
  budgetOf(scope).collection(items.length);
  const each = (el: Val): Val => {
    if (n.each) return evaluate(n.each, childScope(scope, { [SPLAT_ITEM]: el }));
    let v = el;
    for (const st of evalSteps(n.steps, scope)) v = applyStep(v, st, n.src);
    return v;
  };
  const out = items.map(each);
  if (t.k === 'list' || t.k === 'set') {
    // An empty list or set: HCL still applies the steps to an unknown element of its type, to give
    // the result its element type, and refuses steps that type does not have.
    if (out.length === 0) return list(n.each ? DYN : splatEachType(t.e, evalSteps(n.steps, scope)), []);
    const et = out.find((x) => x.t.k !== 'dynamic')?.t ?? DYN;
    if (out.every((x) => x.t.k === 'dynamic' || typeEquals(x.t, et))) return list(et, out);
    // "Invalid nested splat expressions": HCL cannot make a list of elements of different types.
    throw new EvalError('the splat expression produced elements of different types, so it cannot make a list');
  }
  return tuple(out);
}

/**
 * The type of one traversal step on an unknown value of type t, or the error HCL gives there
 * (hcl.GetAttr / hcl.Index on an unknown value: they check the type, not the value).
 */
function stepOnType(t: Type, st: RefStep): Type {
  if (t.k === 'dynamic') return DYN;
  if (st.attr !== undefined) {
    if (t.k === 'object') {
      const a = t.attrs.get(st.attr);
      if (!a) throw new EvalError(`this object does not have an attribute named "${st.attr}"`);
      return a;
    }
    if (t.k === 'map') return t.e;
    throw new EvalError(`unsupported attribute "${st.attr}": a ${friendlyName(t)} has no attributes`);
  }
  const key = st.key!;
  if (isNull(key)) throw new EvalError('an index cannot be null');
  if (key.t.k === 'dynamic') return DYN;
  if (t.k === 'list' || t.k === 'tuple') {
    const k = convert(key, NUMBER);
    // An unknown list has every index (cty's HasIndex); a tuple's length is in its type.
    if (t.k === 'list') return t.e;
    if (isUnknown(k)) return DYN;
    const i = asNum(k);
    if (i.inf || !i.isInt() || i.neg) throw new EvalError('the given key does not identify an element in this collection value');
    const es = (t as Extract<Type, { k: 'tuple' }>).es;
    const at = i.toSafeInt();
    if (at === undefined || at >= es.length) throw new EvalError('the given key does not identify an element in this collection value');
    return es[at]!;
  }
  if (t.k === 'map') {
    convert(key, STRING);
    return t.e;
  }
  if (t.k === 'object') {
    convert(key, STRING);
    return DYN;
  }
  if (t.k === 'set') throw new EvalError('elements of a set are identified only by their value and cannot be indexed');
  throw new EvalError(`a ${friendlyName(t)} cannot be indexed`);
}

function splatEachType(t: Type, steps: RefStep[]): Type {
  let out = t;
  for (const st of steps) out = stepOnType(out, st);
  return out;
}

function forExpr(n: Extract<Node, { k: 'for' }>, scope: Scope): Val {
  const coll = evaluate(n.coll, scope);
  if (isUnknown(coll)) return derivedUnknown(n.src, [coll]);
  const pairs = iterate(coll);
  const budget = budgetOf(scope);
  budget.collection(pairs.length);
  const items: Val[] = [];
  const obj = new Map<string, Val>();
  const groups = new Map<string, Val[]>();
  let known = true;
  for (const [k, v] of pairs) {
    const s = childScope(scope, { [n.valVar]: v, ...(n.keyVar ? { [n.keyVar]: k } : {}) });
    if (n.cond) {
      const c = evaluate(n.cond, s);
      if (isUnknown(c)) {
        known = false;
        continue;
      }
      if (isNull(c)) throw new EvalError('the for expression condition is null');
      if (c.t.k !== 'bool' && c.t.k !== 'string') throw new EvalError(`the for expression condition must be a bool, not a ${friendlyName(c.t)}`);
      if (!asBool(convert(c, BOOL))) continue;
    }
    if (n.object) {
      const key = evaluate(n.keyExpr!, s);
      const val = evaluate(n.valExpr, s);
      if (isUnknown(key)) {
        known = false;
        continue;
      }
      if (isNull(key)) throw new EvalError('a for expression key cannot be null');
      const ks = asStr(convert(key, STRING));
      if (n.group) {
        let g = groups.get(ks);
        if (!g) groups.set(ks, (g = []));
        g.push(val);
      } else if (obj.has(ks)) throw new EvalError(`duplicate object key "${ks}" in a for expression (use "..." to group)`);
      else obj.set(ks, val);
    } else items.push(evaluate(n.valExpr, s));
  }
  if (!known) return unk(n.src);
  if (!n.object) return tuple(items);
  if (n.group) for (const [k, g] of groups) obj.set(k, tuple(g));
  return object(obj);
}

/** HCL's conditional: both results' types unified (a literal null takes the other's), the chosen one converted. */
function conditional(n: Extract<Node, { k: 'cond' }>, scope: Scope): Val {
  const c = evaluate(n.c, scope);
  const pick = (which: Node): { v?: Val; err?: unknown } => {
    try {
      return { v: evaluate(which, scope) };
    } catch (e) {
      if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      return { err: e };
    }
  };
  const t = pick(n.t);
  const f = pick(n.f);
  if (isUnknown(c)) return derivedUnknown(n.src, [c]);
  if (isNull(c)) throw new EvalError('the condition is null');
  const chosenTrue = asBool(convert(c, BOOL));
  const chosen = chosenTrue ? t : f;
  if (chosen.err) throw chosen.err;
  const tv = t.v ?? unk(n.src);
  const fv = f.v ?? unk(n.src);
  const value = chosen.v!;
  const isDynNull = (x: Val): boolean => isNull(x) && x.t.k === 'dynamic';
  let target = DYN;
  if (isDynNull(tv)) target = fv.t;
  else if (isDynNull(fv)) target = tv.t;
  else if (tv.t.k === 'dynamic' || fv.t.k === 'dynamic') return value;
  else {
    const u = unify([tv.t, fv.t], true);
    if (!u) throw new EvalError('the true and false results have inconsistent types');
    target = u.type;
  }
  if (isUnknown(value)) return value;
  return convert(value, target);
}

/**
 * `&&` and `||` as HCL evaluates them (hclsyntax/expression_ops.go): both sides evaluated, each
 * converted to bool (a conversion error is an error), then the short circuit: a known false side
 * decides `&&` and a known true side decides `||` even when the other side failed, and a null counts
 * as false there (cty's False() of a null bool); otherwise an error on either side is the error.
 */
function logical(n: Extract<Node, { k: 'binary' }>, scope: Scope): Val {
  type Side = { v?: Val; err?: unknown };
  const side = (x: Node): Side => {
    try {
      const v = evaluate(x, scope);
      if (!isUnknown(v) && !isNull(v)) convert(v, BOOL); // "Unsuitable value for ... operand"
      return { v };
    } catch (e) {
      if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      return { err: e };
    }
  };
  const l = side(n.l);
  const r = side(n.r);
  const known = (x: Side): boolean => x.v !== undefined && !isUnknown(x.v);
  const truth = (x: Val): boolean => !isNull(x) && asBool(convert(x, BOOL));
  const lu = l.v !== undefined && isUnknown(l.v);
  const ru = r.v !== undefined && isUnknown(r.v);
  if (lu && ru) return derivedUnknown(n.src, [l.v!, r.v!], BOOL, NOT_NULL);
  if (n.op === '&&') {
    if (known(l) && !truth(l.v!)) return bool(false);
    if (known(r) && !truth(r.v!)) return bool(false);
  } else {
    if (known(l) && truth(l.v!)) return bool(true);
    if (known(r) && truth(r.v!)) return bool(true);
  }
  if (l.err) throw l.err;
  if (r.err) throw r.err;
  if (lu || ru) return derivedUnknown(n.src, [l.v!, r.v!], BOOL, NOT_NULL);
  return binary(n.op, l.v!, r.v!, n.src);
}

/** Operators never give null (cty's operator functions refine their unknown results not null). */
const NOT_NULL = { notNull: true };

/** `&&` and `||` on a known side that decides alone. */
function decides(op: string, x: Val): boolean {
  if (isUnknown(x) || isNull(x)) return false;
  try {
    const b = asBool(convert(x, BOOL));
    return op === '&&' ? !b : b;
  } catch {
    return false;
  }
}

export function binary(op: string, l: Val, r: Val, src: string): Val {
  if (op === '==' || op === '!=') {
    const eq = equals(l, r);
    if (eq === undefined) return derivedUnknown(src, [l, r], BOOL, NOT_NULL);
    return bool(op === '==' ? eq : !eq);
  }
  if (op === '&&' || op === '||') {
    if (decides(op, l) && !isUnknown(r)) return bool(op === '||');
    if (isUnknown(l) || isUnknown(r)) {
      if (decides(op, l) || decides(op, r)) return bool(op === '||');
      return derivedUnknown(src, [l, r], BOOL, NOT_NULL);
    }
    if (isNull(l) || isNull(r)) throw new EvalError(`an operand of "${op}" is null`);
    const a = asBool(convert(l, BOOL));
    const b = asBool(convert(r, BOOL));
    return bool(op === '&&' ? a && b : a || b);
  }
  if (isUnknown(l) || isUnknown(r)) return derivedUnknown(src, [l, r], ['<', '<=', '>', '>='].includes(op) ? BOOL : NUMBER, NOT_NULL);
  if (isNull(l) || isNull(r)) throw new EvalError(`an operand of "${op}" is null`);
  const a = asNum(convert(l, NUMBER));
  const b = asNum(convert(r, NUMBER));
  switch (op) {
    case '+':
      return num(a.add(b));
    case '-':
      return num(a.sub(b));
    case '*':
      return num(a.mul(b));
    case '/':
      if (a.isZero() && b.isZero()) throw new EvalError("can't divide zero by zero");
      return num(a.div(b));
    case '%':
      return num(a.mod(b));
    case '<':
      return bool(a.cmp(b) < 0);
    case '<=':
      return bool(a.cmp(b) <= 0);
    case '>':
      return bool(a.cmp(b) > 0);
    case '>=':
      return bool(a.cmp(b) >= 0);
  }
  throw new EvalError(`unknown operator ${op}`);
}

/** cty's Value.Equals (cty.ts ctyEquals). */
export const equals = ctyEquals;

const cache = new Map<string, Node | ParseError>();

/**
 * Forget every string parseCached has parsed. A streamed scan calls it after each chunk: what one
 * chunk parsed is rarely met again, and an entry can keep much more than itself alive (a string cut
 * from a file keeps the file's text; a cached ParseError's stack trace keeps the evaluator that was
 * running, with every parsed file of its root: 11 MB of trees and 3.6 MB of texts kept to the end
 * of a corpus scan, issue #20).
 */
export function forgetParsedStrings(): void {
  cache.clear();
}

/** A string as hcl2json returns it, parsed (cached): for strings whose file's parse made no tree. */
export function parseCached(text: string): Node | ParseError {
  let node = cache.get(text);
  if (!node) {
    try {
      node = parseTemplateText(text);
    } catch (e) {
      node = e instanceof ParseError ? e : new ParseError(String(e));
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(text, node);
  }
  return node;
}

/**
 * Evaluate one string as hcl2json returns it: its tree from its file's parse (scope.exprs), else
 * parsed (cached). Errors become unknown values with the reason.
 */
export function evalStringVal(text: string, scope: Scope): Val {
  const node = scope.exprs?.get(text) ?? parseCached(text);
  if (node instanceof ParseError) return unk(stripInterpolation(text));
  const budget = budgetOf(scope);
  budget.begin();
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof EvalError) return unk(`${stripInterpolation(text)} (${e instanceof BudgetError ? '' : 'error: '}${e.message})`);
    if (e instanceof RangeError) return unk(`${stripInterpolation(text)} (error: ${e.message})`);
    throw e;
  } finally {
    budget.end();
  }
}

/** The JSON-like form of evalStringVal (what the policy input holds). */
export function evalString(text: string, scope: Scope): Value {
  return plainOf(evalStringVal(text, scope), text);
}

/**
 * toPlain, for the policy input. An infinity (which OpenTofu cannot store) is unknown with the
 * reason; so is a value holding an error anywhere (OpenTofu refuses the whole value). Numbers a
 * float64 cannot hold are carried exactly (values.ts ExactNumber).
 */
export function plainOf(v: Val, text: string): Value {
  const bad = numberProblem(v);
  if (bad) return { __unknown__: `${stripInterpolation(text)} (${bad})` };
  // An error anywhere inside (a tuple element OpenTofu refuses): OpenTofu refuses the whole value.
  const refused = isUnknown(v) ? undefined : firstRefused(v);
  if (refused) return { __unknown__: unkText(refused) };
  return toPlain(v);
}

/** The text of the first unknown in v (v itself included) that stands for an error OpenTofu reports, if any. */
export function refusalOf(v: Val): string | undefined {
  if (isUnknown(v)) return / \(error: [^\n]*\)$/.test(unkText(v)) ? unkText(v) : undefined;
  const r = firstRefused(v);
  return r ? unkText(r) : undefined;
}

/**
 * The reasons the file functions give when a file cannot be read: an error in OpenTofu too, but
 * whether the file is there depends on the machine OpenTofu runs on (a key the user generates, data
 * left out of a copy), not on the configuration, so it does not spread beyond where it is used.
 */
export const FILE_ERROR = /\(error: (?:no file exists at |[^()]* (?:is outside the workspace|resolves outside the workspace|cannot be read|is a |not a regular file)|contents of [^()]* are not valid UTF-8)/;

/** The first unknown inside v that stands for an error OpenTofu reports ("... (error: ...)"), not one of reading a file. */
function firstRefused(v: Val): Val | undefined {
  return firstDeep(v, (x) => (x.v instanceof Unk && / \(error: [^\n]*\)$/.test(x.v.text) && !FILE_ERROR.test(x.v.text) ? x : undefined));
}

function numberProblem(v: Val): string | undefined {
  return firstDeep(v, (x) => (x.v instanceof BigNum && x.v.inf ? 'error: an infinite number cannot be stored' : undefined));
}

/** "${x}" -> "x": the text an unknown value reports, as the normalizer always did. */
export function stripInterpolation(text: string): string {
  const m = /^\$\{([\s\S]*)\}$/.exec(text);
  return m && !m[1]!.includes('${') ? m[1]!.trim() : text;
}

export function isTemplateText(v: string): boolean {
  return /(?<![$])\$\{|(?<![%])%\{/.test(v);
}

