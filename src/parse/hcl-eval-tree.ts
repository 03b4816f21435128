// The evaluator's expression trees (src/parse/ast.ts), built from the parser's syntax tree.
import { ParseError, SPLAT_ITEM, type Node, type Step, type TemplatePart } from './ast.js';
import { K, type Op, type Expr, type Part } from './hcl-syntax.js';

// ---------------------------------------------------------------------------------------------------
// Expression trees for the evaluator (src/parse/ast.ts)
//
// The trees the evaluator has always read: every node keeps its source text (an unknown value is
// reported with it), a parenthesised expression is its inner node with the parentheses' text, a
// negative number literal is a literal, a bare name as an object key is a string, and splats take
// HCL's two forms ("[*]": every later step applies to each element; ".*": only attribute steps).

export class NodeBuilder {
  constructor(private readonly text: string) {}

  private src(x: { s: number; e: number }): string {
    return this.text.slice(x.s, x.e);
  }

  node(x: Expr): Node {
    switch (x.k) {
      case K.LIT:
        return { k: 'lit', v: x.v, src: this.src(x) };
      case K.TMPL:
        return templateNode(this.parts(x.parts, x.heredoc), this.templateSrc(x));
      case K.WRAP:
        return templateNode([this.node(x.inner)], this.templateSrc(x));
      case K.TUPLE:
        return { k: 'tuple', items: x.items.map((it) => this.node(it)), src: this.src(x) };
      case K.OBJECT:
        return {
          k: 'object',
          items: x.items.map((it) => {
            const key: Node = it.bare ? { k: 'lit', v: this.src(it.key), src: this.src(it.key) } : this.node(it.key);
            return { key, value: this.node(it.val) };
          }),
          src: this.src(x),
        };
      case K.UNARY: {
        const v = this.node(x.val);
        if (x.neg && v.k === 'lit' && typeof v.v === 'number') return { k: 'lit', v: -v.v, src: `-${v.src}` };
        return { k: 'unary', op: x.neg ? '-' : '!', x: v, src: this.src(x) };
      }
      case K.TRAV:
        return this.postfix({ k: 'ref', root: x.root, steps: [], src: x.root }, x.ops, x.s);
      case K.POST:
        return this.postfix(this.node(x.base), x.ops, x.s);
      case K.COND:
        return { k: 'cond', c: this.node(x.cond), t: this.node(x.yes), f: this.node(x.no), src: this.src(x) };
      case K.BINARY:
        return { k: 'binary', op: x.op, l: this.node(x.l), r: this.node(x.r), src: this.src(x) };
      case K.CALL:
        return { k: 'call', name: x.name, args: x.args.map((a) => this.node(a)), expand: x.expand, src: this.src(x) };
      case K.PAREN:
        return { ...this.node(x.inner), src: this.src(x) };
      case K.FOR: {
        const head = { ...(x.keyVar !== undefined ? { keyVar: x.keyVar } : {}), valVar: x.valVar, coll: this.node(x.coll) };
        const cond = x.cond ? { cond: this.node(x.cond) } : {};
        if (x.object) return { k: 'for', ...head, keyExpr: this.node(x.keyExpr!), valExpr: this.node(x.valExpr), ...cond, group: x.group, object: true, src: this.src(x) };
        return { k: 'for', ...head, valExpr: this.node(x.valExpr), ...cond, group: false, object: false, src: this.src(x) };
      }
    }
  }

  /** A heredoc's text runs to the end of its closing marker's line, a CR included. */
  private templateSrc(x: { s: number; e: number; heredoc: boolean }): string {
    return this.text.slice(x.s, x.heredoc && this.text.charCodeAt(x.e) === 13 ? x.e + 1 : x.e);
  }

  /** Template parts: literal text (a heredoc's line ends as LF), interpolations, %{if} and %{for}. */
  parts(ps: Part[], heredoc: boolean): TemplatePart[] {
    const out: TemplatePart[] = [];
    for (const p of ps) {
      switch (p.p) {
        case 0: {
          const v = heredoc ? p.v.replace(/\r\n/g, '\n') : p.v;
          if (!v) break;
          const last = out[out.length - 1];
          if (typeof last === 'string') out[out.length - 1] = last + v;
          else out.push(v);
          break;
        }
        case 1:
          out.push(this.node(p.x));
          break;
        case 2:
          out.push({ k: 'tif', cond: this.node(p.cond), then: this.parts(p.yes, heredoc), else: this.parts(p.no, heredoc), src: this.directive(p) });
          break;
        case 3:
          out.push({ k: 'tfor', ...(p.key !== undefined ? { keyVar: p.key } : {}), valVar: p.val, coll: this.node(p.coll), body: this.parts(p.body, heredoc), src: this.directive(p) });
          break;
      }
    }
    return out;
  }

  private directive(p: { ds: number; de: number }): string {
    return `%{${this.text.slice(p.ds, p.de).trim()}}`;
  }

  /**
   * A term and its steps. Steps before a splat join the term (a name's steps make one reference);
   * "[*]" takes every step after it and must be the last splat; ".*" takes the attribute steps after
   * it, and what follows applies to its result.
   */
  private postfix(base: Node, ops: Op[], begin: number): Node {
    let cur = base;
    let i = 0;
    for (;;) {
      const steps: Step[] = [];
      while (i < ops.length && ops[i]!.o !== 3) steps.push(this.step(ops[i++]!));
      if (steps.length) {
        const src = this.text.slice(begin, ops[i - 1]!.e);
        cur = cur.k === 'ref' ? { k: 'ref', root: cur.root, steps: [...cur.steps, ...steps], src } : { k: 'get', obj: cur, steps, src };
      }
      if (i >= ops.length) return cur;
      const splat = ops[i++] as Extract<Op, { o: 3 }>;
      let end = splat.e;
      const inner: Step[] = [];
      const first = i;
      while (i < ops.length && ops[i]!.o !== 3 && !(splat.legacy && ops[i]!.o === 2)) {
        end = ops[i]!.e;
        inner.push(this.step(ops[i++]!));
      }
      if (!splat.legacy && i < ops.length) {
        // A splat after "[*]": what follows the first "[*]", splats included, applies to each element
        // (HCL's anonymous symbol, bound to SPLAT_ITEM).
        const rest = ops.slice(first);
        const each = this.postfix({ k: 'ref', root: SPLAT_ITEM, steps: [], src: '' }, rest, splat.e);
        return { k: 'splat', obj: cur, steps: [], each, src: this.text.slice(begin, rest[rest.length - 1]!.e) };
      }
      cur = { k: 'splat', obj: cur, steps: inner, src: this.text.slice(begin, end) };
      if (splat.legacy) continue;
      return cur;
    }
  }

  private step(op: Op): Step {
    switch (op.o) {
      case 0:
        return { k: 'attr', name: op.name };
      case 1:
        if (!/^[0-9]+$/.test(op.raw)) throw new ParseError('expected an attribute name after "."');
        return { k: 'index', key: { k: 'lit', v: Number(op.raw), src: op.raw } };
      case 2:
        return { k: 'index', key: this.node(op.key) };
      default:
        throw new ParseError('nested splat is not supported');
    }
  }
}

/** A template's tree: no parts is an empty literal, a single text part a literal. */
export function templateNode(parts: TemplatePart[], src: string): Node {
  if (parts.length === 0) return { k: 'lit', v: '', src };
  if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', v: parts[0], src };
  return { k: 'tmpl', parts, src };
}
