// The conversion of the syntax tree to hcl2json's JSON shape, and the source literals that shape folds
// away (source-literals.ts).
import { HclSyntaxError } from './errors.js';
import type { PathSegment } from '../model/locations.js';
import { ParseError, type Node, type TemplatePart } from './ast.js';
import { suspectNumber, type FoldedTemplate, type NumberLiteral, type ObjectTuple, type SourceLiteral } from './source-literals.js';
import { type HclBody, Src } from './hcl-tokens.js';
import { K, type Expr, type Part, type Attr, type Block, type Body } from './hcl-syntax.js';
import { NodeBuilder, templateNode } from './hcl-eval-tree.js';
import { compareUtf8 } from '../util/byte-order.js';

// ---------------------------------------------------------------------------------------------------
// Conversion to hcl2json's JSON shape

/** A JSON object under construction: hcl2json's objects come from Go maps (keys sorted). */
export type Obj = Map<string, unknown>;

/**
 * A string of the value body under construction, and the template parts the evaluator reads in it.
 * `exact` is false when the string's text would read back differently (a literal "$" or "%" right
 * before an interpolation, directive or "{": "$${" reads as an escape; hcl2json's ")" quirk below):
 * such a string gets no tree here and is read from its text, as before.
 */
export interface Tpl {
  s: string;
  parts: TemplatePart[];
  exact: boolean;
  /** Some part is not literal text: the string has something to evaluate. */
  expr: boolean;
}

export const tpl = (): Tpl => ({ s: '', parts: [], exact: true, expr: false });

/** A source literal without its path, recorded on a container of the body under construction (a Map or an array). */
export type PendingLiteral = Omit<NumberLiteral, 'path'> | Omit<FoldedTemplate, 'path'> | Omit<ObjectTuple, 'path'>;

export class Converter {
  /** The tree of every template string made (text -> tree), for the evaluator. */
  readonly expressions = new Map<string, Node>();
  /** Literals hcl2json's shape folds away (source-literals.ts), by container and key; given paths by sourceLiterals(). */
  readonly pending = new Map<object, Map<string, PendingLiteral>>();
  private readonly nodes: NodeBuilder;
  /** Keep folded literals as interpolations (the second conversion of an attribute that folded some). */
  private keep = false;
  /** What the current attribute folded into template text. */
  private foldedNull = false;
  private foldedNumbers: Array<{ raw: string; shown: string }> = [];

  constructor(private readonly src: Src) {
    this.nodes = new NodeBuilder(src.text);
  }

  private source(s: number, e: number, t?: Tpl): string {
    const text = this.src.text;
    // hcl2json's rangeSource includes a ")" that immediately follows the range.
    if (text.charCodeAt(e) === 41) {
      if (t) t.exact = false;
      return text.slice(s, e + 1);
    }
    return text.slice(s, e);
  }

  expr(x: Expr): unknown {
    switch (x.k) {
      case K.LIT:
        return x.v;
      case K.UNARY: {
        if (x.val.k !== K.LIT) return this.wrap(x);
        const v = x.val.v;
        if (v === null) this.src.fail(x.s, x.e, 'Operation failed', 'Error during operation: argument must not be null.');
        if (x.neg) {
          if (typeof v !== 'number') this.src.fail(x.val.s, x.val.e, 'Invalid operand', 'Unsuitable value for unary operand: number required.');
          return -v;
        }
        if (typeof v !== 'boolean') this.src.fail(x.val.s, x.val.e, 'Invalid operand', 'Unsuitable value for unary operand: bool required.');
        return !v;
      }
      case K.TMPL: {
        const t = tpl();
        for (const p of x.parts) this.part(t, p);
        return this.finish(t);
      }
      case K.WRAP:
        return this.expr(x.inner);
      case K.TUPLE: {
        const out: unknown[] = [];
        for (const it of x.items) {
          out.push(this.expr(it));
          this.numberLeaf(out, String(out.length - 1), it);
        }
        return out;
      }
      case K.OBJECT: {
        const m: Obj = new Map();
        for (const it of x.items) {
          let key: string;
          if (it.key.k === K.TRAV) key = this.source(it.key.s, it.key.e);
          else {
            const t = tpl();
            this.stringPart(t, it.key);
            key = this.finish(t);
          }
          const v = this.expr(it.val);
          m.delete(key);
          m.set(key, v);
          this.pending.get(m)?.delete(key);
          this.numberLeaf(m, key, it.val);
        }
        return m;
      }
      default:
        return this.wrap(x);
    }
  }

  /** Record a number literal (negated or not) that a float64 may not hold, as the value at `key`. */
  private numberLeaf(container: object, key: string, x: Expr): void {
    if (this.keep) return;
    while (x.k === K.WRAP) x = x.inner;
    let text: string | undefined;
    if (x.k === K.LIT) text = typeof x.v === 'number' ? x.raw : undefined;
    else if (x.k === K.UNARY && x.neg && x.val.k === K.LIT && typeof x.val.v === 'number' && x.val.raw !== undefined) text = '-' + x.val.raw;
    if (text === undefined || !suspectNumber(text)) return;
    this.record(container, key, { kind: 'number', text });
  }

  private record(container: object, key: string, lit: PendingLiteral): void {
    let m = this.pending.get(container);
    if (!m) this.pending.set(container, (m = new Map()));
    m.set(key, lit);
  }

  /** "${<source>}". */
  private wrap(x: Expr): string {
    const t = tpl();
    this.interp(t, x);
    return this.finish(t);
  }

  /** The string made; its tree recorded when it holds anything to evaluate. */
  private finish(t: Tpl): string {
    if (t.exact && t.expr) this.expressions.set(t.s, templateNode(t.parts, t.s));
    return t.s;
  }

  /** Append text, noting when it meets the text before it as "${", "%{", "$${" or "%%{". */
  private cat(t: Tpl, piece: string): void {
    const last = t.s.charCodeAt(t.s.length - 1);
    if ((last === 36 || last === 37) && (piece.charCodeAt(0) === 123 || (piece.charCodeAt(0) === last && piece.charCodeAt(1) === 123))) t.exact = false;
    t.s += piece;
  }

  private lit(t: Tpl, v: string): void {
    if (!v.length) return;
    this.cat(t, escapeLiteral(v));
    const last = t.parts[t.parts.length - 1];
    if (typeof last === 'string') t.parts[t.parts.length - 1] = last + v;
    else t.parts.push(v);
  }

  private interp(t: Tpl, x: Expr): void {
    this.cat(t, '${' + this.source(x.s, x.e, t) + '}');
    if (!t.exact) return;
    try {
      t.parts.push(this.nodes.node(x));
      t.expr = true;
    } catch (e) {
      // An expression the evaluator's tree cannot hold (or too deep for this stack): read from the text.
      if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
      t.exact = false;
    }
  }

  /** "%{if <cond>}<yes>[%{else}<no>]%{endif}". */
  private ifDirective(t: Tpl, cond: Expr, yes: Tpl, no: Tpl): void {
    const head = '%{if ' + this.source(cond.s, cond.e, t) + '}';
    this.cat(t, head);
    this.cat(t, yes.s);
    if (no.s.length) {
      this.cat(t, '%{else}');
      this.cat(t, no.s);
    }
    this.cat(t, '%{endif}');
    if (!(t.exact && yes.exact && no.exact)) {
      t.exact = false;
      return;
    }
    try {
      t.parts.push({ k: 'tif', cond: this.nodes.node(cond), then: yes.parts, else: no.parts, src: head });
      t.expr = true;
    } catch (e) {
      if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
      t.exact = false;
    }
  }

  private part(t: Tpl, p: Part): void {
    switch (p.p) {
      case 0:
        this.lit(t, p.v);
        return;
      case 1:
        this.stringPart(t, p.x);
        return;
      case 2: {
        const yes = tpl();
        for (const q of p.yes) this.part(yes, q);
        const no = tpl();
        for (const q of p.no) this.part(no, q);
        this.ifDirective(t, p.cond, yes, no);
        return;
      }
      case 3: {
        const body = tpl();
        for (const q of p.body) this.part(body, q);
        const head = '%{for ' + (p.key !== undefined ? p.key + ', ' : '') + p.val + ' in ' + this.source(p.coll.s, p.coll.e, t) + '}';
        this.cat(t, head);
        this.cat(t, body.s);
        this.cat(t, '%{endfor}');
        if (!(t.exact && body.exact)) {
          t.exact = false;
          return;
        }
        try {
          t.parts.push({ k: 'tfor', ...(p.key !== undefined ? { keyVar: p.key } : {}), valVar: p.val, coll: this.nodes.node(p.coll), body: body.parts, src: head });
          t.expr = true;
        } catch (e) {
          if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
          t.exact = false;
        }
        return;
      }
    }
  }

  private stringPart(t: Tpl, x: Expr): void {
    switch (x.k) {
      case K.LIT: {
        if (x.v === null || typeof x.v === 'number') {
          if (this.keep) {
            this.interp(t, x);
            return;
          }
          const shown = x.v === null ? 'null' : numberToString(x.v, x.raw);
          if (x.v === null) this.foldedNull = true;
          else this.foldedNumbers.push({ raw: x.raw ?? shown, shown });
          this.lit(t, shown);
          return;
        }
        this.lit(t, String(x.v));
        return;
      }
      case K.TMPL:
        for (const p of x.parts) this.part(t, p);
        return;
      case K.WRAP:
        this.stringPart(t, x.inner);
        return;
      case K.COND: {
        const yes = tpl();
        this.stringPart(yes, x.yes);
        const no = tpl();
        this.stringPart(no, x.no);
        this.ifDirective(t, x.cond, yes, no);
        return;
      }
      default:
        this.interp(t, x);
    }
  }

  body(b: Body): Obj {
    const out: Obj = new Map();
    for (const blk of b.blocks) this.block(blk, out);
    for (const a of b.attrs) {
      out.delete(a.name);
      this.pending.get(out)?.delete(a.name);
      this.foldedNull = false;
      this.foldedNumbers = [];
      const v = this.expr(a.x);
      out.set(a.name, v);
      this.numberLeaf(out, a.name, a.x);
      if (this.foldedNull || this.foldedNumbers.length) this.keepFolded(out, a);
      else if (Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Map)) this.record(out, a.name, { kind: 'tuple', source: this.sourceOf(a) });
    }
    return out;
  }

  /** An attribute's value as written, at most 120 characters (for reasons). */
  private sourceOf(a: Attr): string {
    const source = this.src.text.slice(a.x.s, a.x.e).trim();
    return source.length > 120 ? `${source.slice(0, 119)}…` : source;
  }

  /** An attribute that folded literals into template text: its value again, with them kept as interpolations. */
  private keepFolded(out: Obj, a: Attr): void {
    const nulls = this.foldedNull;
    const numbers = this.foldedNumbers;
    this.keep = true;
    let kept: unknown;
    try {
      kept = materialize(this.expr(a.x));
    } finally {
      this.keep = false;
    }
    this.record(out, a.name, { kind: 'template', kept, nulls, numbers, source: this.sourceOf(a) });
  }

  private block(blk: Block, into: Obj): void {
    const value = this.body(blk.body);
    let out = into;
    let key = blk.type;
    for (const label of blk.labels) {
      const inner = out.get(key);
      if (inner !== undefined) {
        if (!(inner instanceof Map)) throw conversionError(`Unable to convert Block to JSON: ${[blk.type, ...blk.labels].join('.')}`);
        out = inner as Obj;
      } else {
        const obj: Obj = new Map();
        out.set(key, obj);
        out = obj;
      }
      key = label;
    }
    const cur = out.get(key);
    if (cur === undefined) out.set(key, [value]);
    else if (Array.isArray(cur)) cur.push(value);
    else throw conversionError(`invalid HCL detected for "${key}" block, cannot have blocks with and without labels`);
  }
}

export function conversionError(msg: string): HclSyntaxError {
  return new HclSyntaxError(`convert to HCL: convert file: convert body: convert block: ${msg}`, { startLine: 1, endLine: 1 });
}

export function escapeLiteral(v: string): string {
  if (v.indexOf('{') < 0) return v;
  return v.replace(/([$%])\{/g, '$1$1{');
}

export function numberToString(v: number, raw: string | undefined): string {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  if (raw && /^\d+$/.test(raw)) return raw.replace(/^0+(?=\d)/, '');
  return s;
}

/** Build plain objects with sorted keys (Go's encoding/json order), as JSON.parse would give them. */
export function materialize(v: unknown, moved?: Map<object, object>): unknown {
  if (v instanceof Map) {
    const keys = [...v.keys()];
    if (keys.length > 1) keys.sort(compareUtf8);
    const o: Record<string, unknown> = {};
    if (moved) moved.set(v, o);
    for (const k of keys) {
      const val = materialize(v.get(k), moved);
      if (k === '__proto__') Object.defineProperty(o, k, { value: val, enumerable: true, writable: true, configurable: true });
      else o[k] = val;
    }
    return o;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = materialize(v[i], moved);
    return v;
  }
  return v;
}

/** The recorded literals with their paths into the materialized body (one walk, for the rare file that has some). */
export function sourceLiterals(body: HclBody, pending: Map<object, Map<string, PendingLiteral>>, moved: Map<object, object>): SourceLiteral[] {
  const at = new Map<object, Map<string, PendingLiteral>>();
  for (const [c, m] of pending) if (m.size) at.set(moved.get(c) ?? c, m);
  const out: SourceLiteral[] = [];
  const path: PathSegment[] = [];
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || !at.size) return;
    const here = at.get(v);
    if (here) {
      at.delete(v);
      for (const [k, lit] of here) out.push({ ...lit, path: [...path, Array.isArray(v) ? Number(k) : k] } as SourceLiteral);
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else {
      for (const k of Object.keys(v)) {
        path.push(k);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(body);
  return out;
}
