// A small parser for HCL expressions and templates: the "${...}" source text hcl2json leaves for every
// non-literal expression. Recursive descent with HCL's operator precedence. It never evaluates.
import { ParseError, type Node, type Step, type TemplatePart } from './ast.js';

type TokKind = 'num' | 'ident' | 'str' | 'heredoc' | 'punct' | 'nl' | 'eof';
interface Tok {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
}

const PUNCT = ['...', '=>', '==', '!=', '<=', '>=', '&&', '||', '::', '(', ')', '[', ']', '{', '}', ',', '.', '?', ':', '=', '!', '<', '>', '+', '-', '*', '/', '%'];

/** Index just after the "}" closing a "${" or "%{" opened before `start`; strings nest. */
export function skipInterpolation(src: string, start: number): number {
  let depth = 1;
  let j = start;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '"') {
      j = skipString(src, j + 1);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  throw new ParseError('unterminated interpolation');
}

/** Index just after the closing quote of a quoted string whose body starts at `start`. */
function skipString(src: string, start: number): number {
  let j = start;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '"') return j + 1;
    if ((c === '$' || c === '%') && src[j + 1] === '{') {
      if (src[j + 2] === undefined) break;
      if (src[j - 1] !== c) {
        j = skipInterpolation(src, j + 2);
        continue;
      }
    }
    j++;
  }
  throw new ParseError('unterminated string');
}

const NUM = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*(::[A-Za-z_][A-Za-z0-9_-]*)*/y;

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      toks.push({ kind: 'nl', text: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? src.length : e + 2;
      continue;
    }
    if (c === '"') {
      const end = skipString(src, i + 1);
      toks.push({ kind: 'str', text: src.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    if (c === '<' && src[i + 1] === '<') {
      const h = heredoc(src, i);
      toks.push({ kind: 'heredoc', text: h.body, start: i, end: h.end });
      i = h.end;
      continue;
    }
    if (c >= '0' && c <= '9') {
      NUM.lastIndex = i;
      const m = NUM.exec(src)!;
      toks.push({ kind: 'num', text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_') {
      IDENT.lastIndex = i;
      const m = IDENT.exec(src)!;
      toks.push({ kind: 'ident', text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
    if (!p) throw new ParseError(`unexpected character ${JSON.stringify(c)}`);
    toks.push({ kind: 'punct', text: p, start: i, end: i + p.length });
    i += p.length;
  }
  toks.push({ kind: 'eof', text: '', start: src.length, end: src.length });
  return toks;
}

/** A heredoc at `start` ("<<EOT" or "<<-EOT", a newline, lines, the marker alone on a line): its template text. */
function heredoc(src: string, start: number): { body: string; end: number } {
  const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(src.slice(start, start + 300));
  if (!m) throw new ParseError('invalid heredoc');
  const flush = m[1] === '-';
  const marker = m[2]!;
  let pos = start + m[0].length;
  const lines: string[] = [];
  for (;;) {
    if (pos >= src.length) throw new ParseError(`unterminated heredoc ${marker}`);
    const nl = src.indexOf('\n', pos);
    const lineEnd = nl < 0 ? src.length : nl;
    const line = src.slice(pos, lineEnd).replace(/\r$/, '');
    if (line.trim() === marker) {
      pos = lineEnd;
      break;
    }
    lines.push(line);
    pos = nl < 0 ? src.length : nl + 1;
  }
  let body = lines;
  if (flush) {
    const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
    const cut = indents.length ? Math.min(...indents) : 0;
    body = lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)));
  }
  return { body: body.map((l) => `${l}\n`).join(''), end: pos };
}

const BINARY: Array<string[]> = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

class Parser {
  private pos = 0;
  private readonly toks: Tok[];
  constructor(private readonly src: string) {
    this.toks = lex(src);
  }

  private skipNl(): void {
    while (this.toks[this.pos]!.kind === 'nl') this.pos++;
  }
  /** Next significant token (newlines skipped, not consumed). */
  private peek(): Tok {
    let p = this.pos;
    while (this.toks[p]!.kind === 'nl') p++;
    return this.toks[p]!;
  }
  private next(): Tok {
    this.skipNl();
    return this.toks[this.pos++]!;
  }
  private isP(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }
  private isRawP(text: string): boolean {
    const t = this.toks[this.pos]!;
    return t.kind === 'punct' && t.text === text;
  }
  private expect(text: string): Tok {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== text) throw new ParseError(`expected "${text}", got "${t.text}"`);
    return t;
  }
  private text(start: number): string {
    const end = this.toks[this.pos - 1]!.end;
    return this.src.slice(start, end).trim();
  }

  parseAll(): Node {
    const n = this.expr();
    if (this.peek().kind !== 'eof') throw new ParseError(`unexpected "${this.peek().text}"`);
    return n;
  }

  expr(): Node {
    const start = this.peek().start;
    const c = this.binary(0);
    if (this.isP('?')) {
      this.next();
      const t = this.expr();
      this.expect(':');
      const f = this.expr();
      return { k: 'cond', c, t, f, src: this.text(start) };
    }
    return c;
  }

  private binary(level: number): Node {
    if (level >= BINARY.length) return this.unary();
    const start = this.peek().start;
    let l = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'punct' || !BINARY[level]!.includes(t.text)) return l;
      this.next();
      const r = this.binary(level + 1);
      l = { k: 'binary', op: t.text, l, r, src: this.text(start) };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t.kind === 'punct' && (t.text === '!' || t.text === '-')) {
      this.next();
      const x = this.unary();
      if (t.text === '-' && x.k === 'lit' && typeof x.v === 'number') return { k: 'lit', v: -x.v, src: `-${x.src}` };
      return { k: 'unary', op: t.text, x, src: this.text(t.start) };
    }
    return this.postfix(this.primary(), t.start);
  }

  private steps(attrsOnly = false): { steps: Step[]; splat: boolean } {
    const steps: Step[] = [];
    for (;;) {
      if (attrsOnly && !this.isRawP('.')) return { steps, splat: false };
      if (this.isRawP('.')) {
        const save = this.pos;
        this.pos++;
        const t = this.toks[this.pos]!;
        if (t.kind === 'ident') {
          this.pos++;
          steps.push({ k: 'attr', name: t.text });
        } else if (t.kind === 'num' && /^[0-9]+$/.test(t.text)) {
          this.pos++;
          steps.push({ k: 'index', key: { k: 'lit', v: Number(t.text), src: t.text } });
        } else if (t.kind === 'punct' && t.text === '*') {
          this.pos = save;
          return { steps, splat: true };
        } else throw new ParseError('expected an attribute name after "."');
      } else if (this.isRawP('[')) {
        const t = this.toks[this.pos + 1];
        if (t?.kind === 'punct' && t.text === '*') return { steps, splat: true };
        this.pos++;
        const key = this.expr();
        this.expect(']');
        steps.push({ k: 'index', key });
      } else return { steps, splat: false };
    }
  }

  private postfix(n: Node, begin: number): Node {
    let cur = n;
    for (;;) {
      const { steps, splat } = this.steps();
      if (steps.length) {
        if (cur.k === 'ref') cur = { k: 'ref', root: cur.root, steps: [...cur.steps, ...steps], src: this.text(begin) };
        else cur = { k: 'get', obj: cur, steps, src: this.text(begin) };
      }
      if (!splat) return cur;
      // Splat: "[*]" applies every following step to each element; ".*" (legacy) only the attribute
      // steps, so var.objs.*.tags[0] is (var.objs.*.tags)[0].
      const legacy = this.isRawP('.');
      this.pos += legacy ? 2 : 3;
      const s = this.steps(legacy);
      cur = { k: 'splat', obj: cur, steps: s.steps, src: this.text(begin) };
      if (!legacy && s.splat) throw new ParseError('nested splat is not supported');
      if (!legacy) return cur;
    }
  }

  private primary(): Node {
    const t = this.next();
    const start = t.start;
    if (t.kind === 'num') return { k: 'lit', v: Number(t.text), src: t.text };
    if (t.kind === 'str') {
      const parts = parseTemplate(t.text.slice(1, -1), true);
      return templateNode(parts, t.text);
    }
    if (t.kind === 'heredoc') return templateNode(parseTemplate(t.text, false), this.src.slice(t.start, t.end));
    if (t.kind === 'ident') {
      if (t.text === 'true' || t.text === 'false') return { k: 'lit', v: t.text === 'true', src: t.text };
      if (t.text === 'null') return { k: 'lit', v: null, src: t.text };
      if (this.isRawP('(')) {
        this.pos++;
        const args: Node[] = [];
        let expand = false;
        while (!this.isP(')')) {
          args.push(this.expr());
          if (this.isP('...')) {
            this.next();
            expand = true;
          }
          if (this.isP(',')) this.next();
          else break;
        }
        this.expect(')');
        return { k: 'call', name: t.text, args, expand, src: this.text(start) };
      }
      return { k: 'ref', root: t.text, steps: [], src: t.text };
    }
    if (t.kind === 'punct') {
      if (t.text === '(') {
        const e = this.expr();
        this.expect(')');
        return { ...e, src: this.text(start) };
      }
      if (t.text === '[') return this.tupleOrFor(start);
      if (t.text === '{') return this.objectOrFor(start);
    }
    throw new ParseError(`unexpected "${t.text || 'end of expression'}"`);
  }

  private forHead(): { keyVar?: string; valVar: string; coll: Node } {
    this.next(); // "for"
    const a = this.next();
    if (a.kind !== 'ident') throw new ParseError('expected a variable name after "for"');
    let keyVar: string | undefined;
    let valVar = a.text;
    if (this.isP(',')) {
      this.next();
      const b = this.next();
      if (b.kind !== 'ident') throw new ParseError('expected a variable name');
      keyVar = a.text;
      valVar = b.text;
    }
    const inTok = this.next();
    if (inTok.text !== 'in') throw new ParseError('expected "in"');
    const coll = this.expr();
    this.expect(':');
    return { ...(keyVar ? { keyVar } : {}), valVar, coll };
  }

  private tupleOrFor(start: number): Node {
    if (this.peek().kind === 'ident' && this.peek().text === 'for') {
      const head = this.forHead();
      const valExpr = this.expr();
      let cond: Node | undefined;
      if (this.peek().kind === 'ident' && this.peek().text === 'if') {
        this.next();
        cond = this.expr();
      }
      this.expect(']');
      return { k: 'for', ...head, valExpr, ...(cond ? { cond } : {}), group: false, object: false, src: this.text(start) };
    }
    const items: Node[] = [];
    while (!this.isP(']')) {
      items.push(this.expr());
      if (this.isP(',')) this.next();
      else break;
    }
    this.expect(']');
    return { k: 'tuple', items, src: this.text(start) };
  }

  private objectOrFor(start: number): Node {
    if (this.peek().kind === 'ident' && this.peek().text === 'for') {
      const head = this.forHead();
      const keyExpr = this.expr();
      this.expect('=>');
      const valExpr = this.expr();
      let group = false;
      if (this.isP('...')) {
        this.next();
        group = true;
      }
      let cond: Node | undefined;
      if (this.peek().kind === 'ident' && this.peek().text === 'if') {
        this.next();
        cond = this.expr();
      }
      this.expect('}');
      return { k: 'for', ...head, keyExpr, valExpr, ...(cond ? { cond } : {}), group, object: true, src: this.text(start) };
    }
    const items: Array<{ key: Node; value: Node }> = [];
    while (!this.isP('}')) {
      const kt = this.peek();
      let key: Node;
      // A bare identifier key is a string, not a reference.
      if (kt.kind === 'ident' && isKeySep(this.nextAfter())) {
        this.next();
        key = { k: 'lit', v: kt.text, src: kt.text };
      } else key = this.expr();
      const sep = this.next();
      if (sep.kind !== 'punct' || (sep.text !== '=' && sep.text !== ':')) throw new ParseError('expected "=" or ":" in an object');
      const value = this.expr();
      items.push({ key, value });
      if (this.isP(',')) this.next();
    }
    this.expect('}');
    return { k: 'object', items, src: this.text(start) };
  }

  /** The significant token after the next significant one. */
  private nextAfter(): Tok | undefined {
    let p = this.pos;
    while (this.toks[p]?.kind === 'nl') p++;
    p++;
    while (this.toks[p]?.kind === 'nl') p++;
    return this.toks[p];
  }
}

function isKeySep(t: Tok | undefined): boolean {
  return t?.kind === 'punct' && (t.text === '=' || t.text === ':');
}

function templateNode(parts: TemplatePart[], src: string): Node {
  if (parts.length === 0) return { k: 'lit', v: '', src };
  if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', v: parts[0], src };
  return { k: 'tmpl', parts, src };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };

type FlatPart = { lit: string } | { interp: string; strip: [boolean, boolean]; directive: boolean };

/**
 * Split template text into literal strings, interpolations and %{...} directives (if/else/endif,
 * for/endfor) with HCL's strip markers: "~" after the opening brace trims the whitespace before, "~"
 * before the closing brace the whitespace after. `quoted`: the text is the body of a quoted string in
 * source form (backslash escapes apply); otherwise it is hcl2json's output or a heredoc body, whose
 * escapes are already processed except "$${" and "%%{".
 */
export function parseTemplate(text: string, quoted: boolean): TemplatePart[] {
  const flat: FlatPart[] = [];
  let lit = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted && c === '\\') {
      const e = text[i + 1] ?? '';
      if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + len);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) throw new ParseError('invalid unicode escape');
        const cp = parseInt(hex, 16);
        if (cp > 0x10ffff) throw new ParseError('invalid unicode escape');
        lit += String.fromCodePoint(cp);
        i += 2 + len;
      } else {
        if (!(e in ESCAPES)) throw new ParseError(`invalid escape sequence \\${e}`);
        lit += ESCAPES[e];
        i += 2;
      }
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      lit += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = skipInterpolation(text, i + 2);
      let inner = text.slice(i + 2, end - 1);
      const strip: [boolean, boolean] = [false, false];
      if (inner.startsWith('~')) {
        inner = inner.slice(1);
        strip[0] = true;
      }
      if (inner.endsWith('~')) {
        inner = inner.slice(0, -1);
        strip[1] = true;
      }
      if (lit) flat.push({ lit });
      lit = '';
      flat.push({ interp: inner, strip, directive: c === '%' });
      i = end;
      continue;
    }
    lit += c;
    i++;
  }
  if (lit) flat.push({ lit });
  // Strip markers trim the neighbouring literal text.
  for (let j = 0; j < flat.length; j++) {
    const p = flat[j]!;
    if (!('interp' in p)) continue;
    const before = flat[j - 1];
    const after = flat[j + 1];
    if (p.strip[0] && before && 'lit' in before) before.lit = before.lit.replace(/\s+$/, '');
    if (p.strip[1] && after && 'lit' in after) after.lit = after.lit.replace(/^\s+/, '');
  }
  const pos = { i: 0 };
  const parts = templateSeq(flat, pos, []);
  if (pos.i < flat.length) throw new ParseError('unexpected template directive');
  return parts;
}

/** Template parts up to (not including) a directive named in `stop`. */
function templateSeq(flat: FlatPart[], pos: { i: number }, stop: string[]): TemplatePart[] {
  const out: TemplatePart[] = [];
  while (pos.i < flat.length) {
    const p = flat[pos.i]!;
    if ('lit' in p) {
      if (p.lit) out.push(p.lit);
      pos.i++;
      continue;
    }
    if (!p.directive) {
      out.push(parseExpression(p.interp));
      pos.i++;
      continue;
    }
    const d = p.interp.trim();
    const word = /^[a-z]+/.exec(d)?.[0] ?? '';
    if (stop.includes(word)) return out;
    pos.i++;
    if (word === 'if') {
      const cond = parseExpression(d.slice(2));
      const then = templateSeq(flat, pos, ['else', 'endif']);
      let otherwise: TemplatePart[] = [];
      if (directiveWord(flat[pos.i]) === 'else') {
        pos.i++;
        otherwise = templateSeq(flat, pos, ['endif']);
      }
      if (directiveWord(flat[pos.i]) !== 'endif') throw new ParseError('%{if} without %{endif}');
      pos.i++;
      out.push({ k: 'tif', cond, then, else: otherwise, src: `%{${d}}` });
      continue;
    }
    if (word === 'for') {
      const m = /^for\s+([A-Za-z_][A-Za-z0-9_-]*)\s*(?:,\s*([A-Za-z_][A-Za-z0-9_-]*)\s*)?in\s([\s\S]+)$/.exec(d);
      if (!m) throw new ParseError('invalid %{for} directive');
      const body = templateSeq(flat, pos, ['endfor']);
      if (directiveWord(flat[pos.i]) !== 'endfor') throw new ParseError('%{for} without %{endfor}');
      pos.i++;
      const keyVar = m[2] ? m[1] : undefined;
      out.push({ k: 'tfor', ...(keyVar ? { keyVar } : {}), valVar: m[2] ?? m[1]!, coll: parseExpression(m[3]!), body, src: `%{${d}}` });
      continue;
    }
    throw new ParseError(`unexpected template directive %{${d}}`);
  }
  return out;
}

function directiveWord(p: FlatPart | undefined): string | undefined {
  if (!p || !('interp' in p) || !p.directive) return undefined;
  return /^[a-z]+/.exec(p.interp.trim())?.[0];
}

export function parseExpression(src: string): Node {
  return new Parser(src).parseAll();
}

/** A string as hcl2json returns it: a plain literal, or a template / "${expr}" to evaluate. */
export function parseHclString(text: string): Node {
  return templateNode(parseTemplate(text, false), text);
}
