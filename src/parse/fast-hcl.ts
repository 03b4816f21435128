// A fast parser for HCL native syntax that produces exactly what @cdktf/hcl2json's parse() gives
// (see hcl2json-adapter.ts; hcl2json stays the reference: tests/parse/conformance.test.ts compares
// the two on every HCL file of ../shared/corpora). It follows HashiCorp's hclsyntax grammar:
//   - a mode-stack scanner (normal / quoted template / heredoc), as hclsyntax's scanner;
//   - a recursive-descent parser over the tokens, with a nesting limit (a located syntax error, not a
//     stack overflow) and a deadline check every few thousand tokens;
//   - the conversion rules of hcl2json: literals become JSON values, tuples and objects of anything
//     become arrays and objects, templates become template strings, every other expression becomes
//     "${<source text>}"; block type/labels become nested objects ending in arrays of bodies.
// Syntax errors throw HclSyntaxError located at what hclsyntax reports first (scanner errors such as
// an invalid character come before parser errors, as in hclsyntax). Linear time.
import { HclSyntaxError } from './hcl2json-adapter.js';
import type { SourceRange } from '../model/types.js';
import { lineOf, lineStarts } from './lines.js';

/** The parse ran past its deadline (Date.now() > deadline). */
export class ParseTimeoutError extends Error {
  constructor(message = 'HCL parse exceeded its time limit') {
    super(message);
    this.name = 'ParseTimeoutError';
  }
}

/** Deepest nesting of blocks and expressions accepted (hcl2json itself overflows its stack far deeper). */
export const FAST_HCL_MAX_DEPTH = 500;

// ---------------------------------------------------------------------------------------------------
// Tokens

const enum T {
  EOF,
  NL,
  IDENT,
  NUMBER,
  OBRACE, // {
  CBRACE, // }
  OBRACK, // [
  CBRACK, // ]
  OPAREN, // (
  CPAREN, // )
  COMMA,
  DOT,
  ELLIPSIS,
  QUESTION,
  COLON,
  DCOLON,
  EQUAL,
  FATARROW,
  OP, // binary operators: == != < <= > >= && || + * / %  (minus is MINUS)
  MINUS,
  BANG,
  STAR, // * is also an OP; kept distinct for splats
  OQUOTE,
  CQUOTE,
  QLIT,
  TINTERP, // ${ or ${~
  TCONTROL, // %{ or %{~
  TSEQEND, // } or ~} closing an interpolation or directive
  OHEREDOC,
  CHEREDOC,
  SLIT, // heredoc literal chunk
}

interface Tok {
  t: T;
  s: number;
  e: number;
  /** TINTERP/TCONTROL: opened with "~"; TSEQEND: closed with "~". OHEREDOC: flush ("<<-"). */
  strip?: boolean;
  /** OHEREDOC: the marker. */
  marker?: string;
}


// ---------------------------------------------------------------------------------------------------
// Positions and errors

class Src {
  private lineStarts: number[] | undefined;
  constructor(readonly text: string) {}

  pos(offset: number): { line: number; col: number } {
    this.lineStarts ??= lineStarts(this.text);
    const ls = this.lineStarts;
    const lo = lineOf(ls, offset) - 1;
    // Columns count characters (code points), 1-based, as hclsyntax does for ordinary text.
    let col = 1;
    for (let i = ls[lo]!; i < offset && i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > ls[lo]!) {
        const p = this.text.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      col++;
    }
    return { line: lo + 1, col };
  }

  range(s: number, e: number): SourceRange {
    const a = this.pos(s);
    const b = this.pos(Math.max(e, s));
    return { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
  }

  fail(s: number, e: number, summary: string, detail: string): never {
    throw new HclSyntaxError(`${summary}: ${detail}`, this.range(s, e));
  }
}

// ---------------------------------------------------------------------------------------------------
// Scanner

const CLOCK_EVERY = 4096;

function isIdStartCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isIdPartCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c === 45;
}
const UNI_START = /[\p{ID_Start}]/u;
const UNI_PART = /[\p{ID_Continue}]/u;

type Mode = { m: 0; interp: boolean; braces: number } | { m: 1 } | { m: 2; marker: string; bol: boolean };

function scan(src: Src, deadline: number | undefined): Tok[] {
  const text = src.text;
  const n = text.length;
  const toks: Tok[] = [];
  const modes: Mode[] = [{ m: 0, interp: false, braces: 0 }];
  let i = 0;
  let clock = 0;
  const push = (t: T, s: number, e: number): Tok => {
    const tok: Tok = { t, s, e };
    toks.push(tok);
    if (deadline !== undefined && ++clock % CLOCK_EVERY === 0 && Date.now() > deadline) throw new ParseTimeoutError();
    return tok;
  };
  const invalid = (s: number, e: number, summary: string, detail: string): never => src.fail(s, e, summary, detail);
  const cpLen = (at: number): number => {
    const c = text.charCodeAt(at);
    return c >= 0xd800 && c <= 0xdbff && at + 1 < n ? 2 : 1;
  };
  const identEnd = (at: number): number => {
    // at is known to start an identifier
    let j = at;
    for (;;) {
      if (j >= n) return j;
      const c = text.charCodeAt(j);
      if (isIdPartCode(c)) {
        j++;
        continue;
      }
      if (c < 128) return j;
      const l = cpLen(j);
      if (UNI_PART.test(text.slice(j, j + l))) {
        j += l;
        continue;
      }
      return j;
    }
  };
  const isIdStartAt = (at: number): boolean => {
    const c = text.charCodeAt(at);
    if (isIdStartCode(c)) return true;
    if (c < 128 || at >= n) return false;
    return UNI_START.test(text.slice(at, at + cpLen(at)));
  };

  while (i < n) {
    const mode = modes[modes.length - 1]!;
    if (mode.m === 1) {
      // Quoted template.
      const c = text.charCodeAt(i);
      if (c === 34) {
        push(T.CQUOTE, i, i + 1);
        i++;
        modes.pop();
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        const strip = text.charCodeAt(i + 2) === 126;
        push(c === 36 ? T.TINTERP : T.TCONTROL, i, i + (strip ? 3 : 2)).strip = strip;
        i += strip ? 3 : 2;
        modes.push({ m: 0, interp: true, braces: 0 });
        continue;
      }
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) {
        invalid(i, i + (c === 13 ? 2 : 1), 'Invalid multi-line string', 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.');
      }
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34 || d === 10 || (d === 13 && text.charCodeAt(i + 1) === 10)) break;
        if (d === 92) {
          i += 2;
          continue;
        }
        if (d === 36 || d === 37) {
          const e1 = text.charCodeAt(i + 1);
          if (e1 === 123) break;
          if (e1 === d && text.charCodeAt(i + 2) === 123) {
            i += 3;
            continue;
          }
        }
        i++;
      }
      if (i > n) i = n;
      push(T.QLIT, s, i);
      continue;
    }
    if (mode.m === 2) {
      // Heredoc template: literal chunks; a line whose trimmed text is the marker closes it.
      if (mode.bol) {
        let eol = text.indexOf('\n', i);
        if (eol >= 0) {
          const line = text.slice(i, eol);
          if (line.trim() === mode.marker) {
            const end = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
            push(T.CHEREDOC, i, end);
            i = end;
            modes.pop();
            continue;
          }
        } else eol = n;
      }
      const c = text.charCodeAt(i);
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === 123) {
        const strip = text.charCodeAt(i + 2) === 126;
        push(c === 36 ? T.TINTERP : T.TCONTROL, i, i + (strip ? 3 : 2)).strip = strip;
        i += strip ? 3 : 2;
        mode.bol = false;
        modes.push({ m: 0, interp: true, braces: 0 });
        continue;
      }
      const s = i;
      let bol = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10) {
          i++;
          bol = true;
          break;
        }
        if (d === 36 || d === 37) {
          const e1 = text.charCodeAt(i + 1);
          if (e1 === 123) break;
          if (e1 === d && text.charCodeAt(i + 2) === 123) {
            i += 3;
            continue;
          }
        }
        i++;
      }
      mode.bol = bol;
      push(T.SLIT, s, i);
      continue;
    }

    // Normal mode.
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10) {
      push(T.NL, i, i + 1);
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      push(T.NL, i, i + 2);
      i += 2;
      continue;
    }
    if (c === 35 || (c === 47 && text.charCodeAt(i + 1) === 47)) {
      // Line comment: the newline that ends it is still a newline token.
      while (i < n && text.charCodeAt(i) !== 10 && !(text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)) i++;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end >= 0) {
        i = end + 2;
        continue;
      }
      // hclsyntax scans an unterminated "/*" as the operators "/" and "*".
    }
    if (c === 34) {
      push(T.OQUOTE, i, i + 1);
      i++;
      modes.push({ m: 1 });
      continue;
    }
    if (c === 60 && text.charCodeAt(i + 1) === 60) {
      let j = i + 2;
      const flush = text.charCodeAt(j) === 45;
      if (flush) j++;
      if (isIdStartAt(j)) {
        const me = identEnd(j);
        const nlLen = text.charCodeAt(me) === 10 ? 1 : text.charCodeAt(me) === 13 && text.charCodeAt(me + 1) === 10 ? 2 : 0;
        if (nlLen) {
          const tok = push(T.OHEREDOC, i, me + nlLen);
          tok.strip = flush;
          tok.marker = text.slice(j, me);
          i = me + nlLen;
          modes.push({ m: 2, marker: tok.marker, bol: true });
          continue;
        }
      }
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      const ec = text.charCodeAt(j);
      if (ec === 101 || ec === 69) {
        let k = j + 1;
        const sc = text.charCodeAt(k);
        if (sc === 43 || sc === 45) k++;
        if (isDigit(text.charCodeAt(k))) {
          k++;
          while (k < n && isDigit(text.charCodeAt(k))) k++;
          j = k;
        }
      }
      push(T.NUMBER, i, j);
      i = j;
      continue;
    }
    if (isIdStartAt(i)) {
      const j = identEnd(i);
      push(T.IDENT, i, j);
      i = j;
      continue;
    }
    const c1 = text.charCodeAt(i + 1);
    switch (c) {
      case 123: // {
        if (mode.interp) mode.braces++;
        push(T.OBRACE, i, i + 1);
        i++;
        continue;
      case 125: // }
        if (mode.interp && mode.braces === 0) {
          push(T.TSEQEND, i, i + 1);
          modes.pop();
        } else {
          if (mode.interp) mode.braces--;
          push(T.CBRACE, i, i + 1);
        }
        i++;
        continue;
      case 126: // ~
        if (c1 === 125 && mode.interp && mode.braces === 0) {
          push(T.TSEQEND, i, i + 2).strip = true;
          modes.pop();
          i += 2;
          continue;
        }
        invalid(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported.');
        break;
      case 91:
        push(T.OBRACK, i, ++i);
        continue;
      case 93:
        push(T.CBRACK, i, ++i);
        continue;
      case 40:
        push(T.OPAREN, i, ++i);
        continue;
      case 41:
        push(T.CPAREN, i, ++i);
        continue;
      case 44:
        push(T.COMMA, i, ++i);
        continue;
      case 46: // .
        if (c1 === 46 && text.charCodeAt(i + 2) === 46) {
          push(T.ELLIPSIS, i, i + 3);
          i += 3;
        } else push(T.DOT, i, ++i);
        continue;
      case 63:
        push(T.QUESTION, i, ++i);
        continue;
      case 58: // :
        if (c1 === 58) {
          push(T.DCOLON, i, i + 2);
          i += 2;
        } else push(T.COLON, i, ++i);
        continue;
      case 61: // =
        if (c1 === 61) {
          push(T.OP, i, i + 2);
          i += 2;
        } else if (c1 === 62) {
          push(T.FATARROW, i, i + 2);
          i += 2;
        } else push(T.EQUAL, i, ++i);
        continue;
      case 33: // !
        if (c1 === 61) {
          push(T.OP, i, i + 2);
          i += 2;
        } else push(T.BANG, i, ++i);
        continue;
      case 60: // <
      case 62: // >
        if (c1 === 61) {
          push(T.OP, i, i + 2);
          i += 2;
        } else push(T.OP, i, ++i);
        continue;
      case 38: // &
        if (c1 === 38) {
          push(T.OP, i, i + 2);
          i += 2;
          continue;
        }
        invalid(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported. Did you mean boolean AND ("&&")?');
        break;
      case 124: // |
        if (c1 === 124) {
          push(T.OP, i, i + 2);
          i += 2;
          continue;
        }
        invalid(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported. Did you mean boolean OR ("||")?');
        break;
      case 43:
      case 47:
      case 37:
        push(T.OP, i, ++i);
        continue;
      case 42:
        push(T.STAR, i, ++i);
        continue;
      case 45:
        push(T.MINUS, i, ++i);
        continue;
      case 94:
        invalid(i, i + 1, 'Unsupported operator', 'Bitwise operators are not supported.');
        break;
      case 39:
        invalid(i, i + 1, 'Invalid character', 'Single quotes are not valid. Use double quotes (") to enclose strings.');
        break;
      case 59:
        invalid(i, i + 1, 'Invalid character', 'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.');
        break;
      default:
        break;
    }
    invalid(i, i + cpLen(i), 'Invalid character', 'This character is not used within the language.');
  }
  toks.push({ t: T.EOF, s: n, e: n });
  return toks;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// ---------------------------------------------------------------------------------------------------
// Syntax tree (only what the conversion needs)

const enum K {
  LIT, // number, bool, null
  TMPL,
  WRAP, // template that is exactly one interpolation (passthrough)
  TUPLE,
  OBJECT,
  UNARY,
  TRAV, // scope traversal: a.b.c, a[0]
  COND,
  OTHER,
}

type Expr =
  | { k: K.LIT; s: number; e: number; v: number | boolean | null; raw?: string }
  | { k: K.TMPL; s: number; e: number; parts: Part[] }
  | { k: K.WRAP; s: number; e: number; inner: Expr }
  | { k: K.TUPLE; s: number; e: number; items: Expr[] }
  | { k: K.OBJECT; s: number; e: number; items: Array<{ key: Expr; val: Expr }> }
  | { k: K.UNARY; s: number; e: number; neg: boolean; val: Expr }
  | { k: K.TRAV; s: number; e: number }
  | { k: K.COND; s: number; e: number; cond: Expr; yes: Expr; no: Expr }
  | { k: K.OTHER; s: number; e: number };

type Part =
  | { p: 0; v: string } // literal
  | { p: 1; x: Expr } // interpolation
  | { p: 2; cond: Expr; yes: Part[]; no: Part[] } // %{if}
  | { p: 3; key: string | undefined; val: string; coll: Expr; body: Part[] }; // %{for}

// Flat template items before the if/for structure is built.
type Flat =
  | { f: 0; v: string; s: number; e: number }
  | { f: 1; x: Expr; s: number; e: number }
  | { f: 2; kw: 'if' | 'else' | 'endif' | 'for' | 'endfor'; s: number; e: number; cond?: Expr; key?: string; val?: string }
  | { f: 9; s: number; e: number }; // end marker

interface Attr {
  name: string;
  s: number;
  e: number;
  x: Expr;
}
interface Block {
  type: string;
  labels: string[];
  body: Body;
}
interface Body {
  attrs: Attr[];
  blocks: Block[];
}

// ---------------------------------------------------------------------------------------------------
// Parser

const SPACE_RE_START = /^\s+/u;
const SPACE_RE_END = /\s+$/u;

class Parser {
  private pos = 0;
  private nl = true;
  private readonly nlStack: boolean[] = [];
  private depth = 0;
  private steps = 0;

  constructor(
    private readonly src: Src,
    private readonly toks: Tok[],
    private readonly deadline: number | undefined,
  ) {}

  private get text(): string {
    return this.src.text;
  }

  private fail(tok: { s: number; e: number }, summary: string, detail: string): never {
    this.src.fail(tok.s, tok.e, summary, detail);
  }

  private pushNl(v: boolean): void {
    this.nlStack.push(this.nl);
    this.nl = v;
  }
  private popNl(): void {
    this.nl = this.nlStack.pop()!;
  }

  private peek(): Tok {
    if (!this.nl) while (this.toks[this.pos]!.t === T.NL) this.pos++;
    return this.toks[this.pos]!;
  }

  private read(): Tok {
    const t = this.peek();
    if (t.t !== T.EOF) this.pos++;
    if (this.deadline !== undefined && ++this.steps % CLOCK_EVERY === 0 && Date.now() > this.deadline) throw new ParseTimeoutError();
    return t;
  }

  /** Read the raw next token (template context: no newline skipping). */
  private readRaw(): Tok {
    const t = this.toks[this.pos]!;
    if (t.t !== T.EOF) this.pos++;
    return t;
  }

  /** hclsyntax's recover(): the next unmatched `close` token, or EOF. */
  private recoverTo(open: T, close: T): Tok {
    let nest = 0;
    for (let p = this.pos; p < this.toks.length; p++) {
      const t = this.toks[p]!;
      if (t.t === open) nest++;
      else if (t.t === close) {
        if (nest < 1) return t;
        nest--;
      } else if (t.t === T.EOF) return t;
    }
    return this.toks[this.toks.length - 1]!;
  }

  private enter(at: { s: number; e: number }): void {
    if (++this.depth > FAST_HCL_MAX_DEPTH) this.fail(at, 'Nesting too deep', `nesting deeper than ${FAST_HCL_MAX_DEPTH} levels`);
  }
  private leave(): void {
    this.depth--;
  }

  private word(t: Tok): string {
    return this.text.slice(t.s, t.e);
  }

  // ----- bodies

  parseFile(): Body {
    return this.parseBody(T.EOF, undefined);
  }

  private parseBody(end: T, open: Tok | undefined): Body {
    const body: Body = { attrs: [], blocks: [] };
    const seen = new Map<string, Tok>();
    for (;;) {
      const next = this.peek();
      if (next.t === end) {
        this.read();
        return body;
      }
      if (next.t === T.NL) {
        this.read();
        continue;
      }
      if (next.t === T.IDENT) {
        const ident = this.read();
        const after = this.peek();
        if (after.t === T.EQUAL) {
          const name = this.word(ident);
          const prev = seen.get(name);
          const attr = this.finishAttribute(ident, false);
          if (prev) {
            const p = this.src.pos(prev.s);
            const q = this.src.pos(prev.e);
            this.fail(ident, 'Attribute redefined', `The argument "${name}" was already set at f:${p.line},${p.col}-${q.col}. Each argument may be set only once.`);
          }
          seen.set(name, ident);
          body.attrs.push(attr);
          continue;
        }
        if (after.t === T.OQUOTE || after.t === T.OBRACE || after.t === T.IDENT) {
          body.blocks.push(this.finishBlock(ident));
          continue;
        }
        this.fail(ident, 'Argument or block definition required', 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
      }
      if (next.t === T.OQUOTE) this.fail(next, 'Invalid argument name', 'Argument names must not be quoted.');
      if (next.t === T.EOF) {
        const o = open ?? next;
        this.fail(o, 'Unclosed configuration block', 'There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
      }
      this.fail(next, 'Argument or block definition required', 'An argument or block definition is required here.');
    }
  }

  private finishAttribute(ident: Tok, singleLine: boolean): Attr {
    this.read(); // =
    const x = this.parseExpression();
    if (!singleLine) {
      const end = this.peek();
      if (end.t !== T.NL && end.t !== T.EOF) {
        if (end.t === T.COMMA) this.fail(end, 'Unexpected comma after argument', 'Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.');
        this.fail(end, 'Missing newline after argument', 'An argument definition must end with a newline.');
      }
      this.read();
    }
    return { name: this.word(ident), s: ident.s, e: ident.e, x };
  }

  private finishBlock(ident: Tok): Block {
    this.enter(ident);
    const labels: string[] = [];
    let open: Tok;
    for (;;) {
      const tok = this.peek();
      if (tok.t === T.OBRACE) {
        open = this.read();
        break;
      }
      if (tok.t === T.OQUOTE) {
        labels.push(this.parseQuotedStringLiteral());
        continue;
      }
      if (tok.t === T.IDENT) {
        labels.push(this.word(this.read()));
        continue;
      }
      if (tok.t === T.EQUAL) this.fail(tok, 'Invalid block definition', 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.');
      if (tok.t === T.NL) this.fail(tok, 'Invalid block definition', 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.');
      this.fail(tok, 'Invalid block definition', 'Either a quoted string block label or an opening brace ("{") is expected here.');
    }
    let body: Body;
    const first = this.peek();
    if (first.t === T.NL || first.t === T.EOF || first.t === T.CBRACE) body = this.parseBody(T.CBRACE, open);
    else body = this.parseSingleAttrBody();
    const eol = this.peek();
    if (eol.t === T.NL || eol.t === T.EOF) this.read();
    else this.fail(eol, 'Missing newline after block definition', 'A block definition must end with a newline.');
    this.leave();
    return { type: this.word(ident), labels, body };
  }

  /**
   * A single-line block body: `{ name = expr }`. hclsyntax reports a problem with the closing brace
   * before any problem inside the body (it appends the body's diagnostics afterwards), after
   * recovering past the body item: mirrored here so the first error matches.
   */
  private parseSingleAttrBody(): Body {
    let attr: Attr | undefined;
    let bodyError: unknown;
    const nlDepth = this.nlStack.length;
    const nlMode = this.nl;
    try {
      attr = this.singleAttr();
    } catch (e) {
      if (!(e instanceof HclSyntaxError)) throw e;
      bodyError = e;
      this.nlStack.length = nlDepth;
      this.nl = nlMode;
      this.recoverAfterBodyItem();
    }
    const close = this.peek();
    if (close.t === T.NL) this.fail(close, 'Invalid single-argument block definition', "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.");
    if (close.t === T.COMMA) this.fail(close, 'Invalid single-argument block definition', 'Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.');
    if (bodyError) throw bodyError;
    if (close.t !== T.CBRACE) this.fail(close, 'Invalid single-argument block definition', 'A single-line block definition must end with a closing brace immediately after its single argument definition.');
    this.read();
    return { attrs: [attr!], blocks: [] };
  }

  private singleAttr(): Attr {
    const ident = this.read();
    if (ident.t !== T.IDENT) this.fail(ident, 'Argument or block definition required', 'An argument or block definition is required here.');
    const nx = this.peek();
    if (nx.t === T.EQUAL) return this.finishAttribute(ident, true);
    if (nx.t === T.OQUOTE || nx.t === T.OBRACE || nx.t === T.IDENT) {
      this.fail({ s: ident.s, e: nx.e }, 'Argument definition required', `A single-line block definition can contain only a single argument. If you meant to define argument "${this.word(ident)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`);
    }
    this.fail(ident, 'Argument or block definition required', 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
  }

  /** hclsyntax's recoverAfterBodyItem: skip to the first newline outside any brackets (consumed). */
  private recoverAfterBodyItem(): void {
    const open: T[] = [];
    for (;;) {
      const tok = this.readRaw();
      switch (tok.t) {
        case T.NL:
          if (!open.length) return;
          break;
        case T.EOF:
          return;
        case T.OBRACE:
        case T.OBRACK:
        case T.OPAREN:
        case T.OQUOTE:
        case T.OHEREDOC:
        case T.TINTERP:
        case T.TCONTROL:
          open.push(tok.t === T.TCONTROL ? T.TINTERP : tok.t);
          break;
        case T.CBRACE:
        case T.CBRACK:
        case T.CPAREN:
        case T.CQUOTE:
        case T.CHEREDOC:
        case T.TSEQEND: {
          const opener = OPENER[tok.t]!;
          while (open.length && open[open.length - 1] !== opener) open.pop();
          if (open.length) open.pop();
          break;
        }
        default:
          break;
      }
    }
  }


  /** A block label: a quoted string without template sequences; escapes decoded. */
  private parseQuotedStringLiteral(): string {
    const open = this.read();
    let out = '';
    for (;;) {
      const tok = this.readRaw();
      if (tok.t === T.CQUOTE) return out;
      if (tok.t === T.QLIT) {
        out += this.decodeQuoted(tok);
        continue;
      }
      if (tok.t === T.TINTERP || tok.t === T.TCONTROL) {
        this.fail(tok, 'Invalid string literal', 'Template sequences are not allowed in this string. To include a literal "$", double it (as "$$") to escape it.');
      }
      this.fail(tok.t === T.EOF ? open : tok, 'Unterminated template string', 'No closing marker was found for the string.');
    }
  }

  // ----- expressions

  parseExpression(): Expr {
    const at = this.peek();
    this.enter(at);
    const cond = this.parseBinary();
    let out = cond;
    if (this.peek().t === T.QUESTION) {
      this.read();
      const yes = this.parseExpression();
      const colon = this.peek();
      if (colon.t !== T.COLON) this.fail(colon, 'Missing false expression in conditional', 'The conditional operator (...?...:...) requires a false expression, delimited by a colon.');
      this.read();
      const no = this.parseExpression();
      out = { k: K.COND, s: cond.s, e: no.e, cond, yes, no };
    }
    this.leave();
    return out;
  }

  private parseBinary(): Expr {
    const lhs = this.parseOperand();
    let e = lhs.e;
    for (;;) {
      const t = this.peek();
      if (t.t !== T.OP && t.t !== T.MINUS && t.t !== T.STAR) break;
      this.read();
      e = this.parseOperand().e;
    }
    return e === lhs.e ? lhs : { k: K.OTHER, s: lhs.s, e };
  }

  /** A term with its traversals; unary operators bind to such an operand. */
  private parseOperand(): Expr {
    const t = this.peek();
    if (t.t === T.MINUS || t.t === T.BANG) {
      this.read();
      this.enter(t);
      const val = this.parseOperand();
      this.leave();
      return { k: K.UNARY, s: t.s, e: val.e, neg: t.t === T.MINUS, val };
    }
    const term = this.parseTerm();
    return this.parseTraversals(term);
  }

  private parseTraversals(term: Expr): Expr {
    let x = term;
    let trav = term.k === K.TRAV;
    for (;;) {
      const t = this.peek();
      if (t.t === T.DOT) {
        this.read();
        const a = this.peek();
        if (a.t === T.IDENT || a.t === T.NUMBER) {
          this.read();
          x = { k: trav ? K.TRAV : K.OTHER, s: x.s, e: a.e };
          continue;
        }
        if (a.t === T.STAR) {
          this.read();
          trav = false;
          x = { k: K.OTHER, s: x.s, e: a.e };
          continue;
        }
        this.fail(a, 'Invalid attribute name', 'An attribute name is required after a dot.');
      }
      if (t.t === T.OBRACK) {
        this.read();
        this.pushNl(false);
        const star = this.peek();
        if (star.t === T.STAR) {
          this.read();
          const close = this.peek();
          if (close.t !== T.CBRACK) this.fail(close, 'Missing close bracket on splat index', 'The star for a full splat operator must be immediately followed by a closing bracket ("]").');
          this.read();
          this.popNl();
          trav = false;
          x = { k: K.OTHER, s: x.s, e: close.e };
          continue;
        }
        const idx = this.parseExpression();
        const close = this.peek();
        if (close.t !== T.CBRACK) {
          // hclsyntax's diagnostic points at where its recovery stops (the next unmatched "]", or
          // the end of the file), not at the unexpected token.
          this.read();
          this.fail(this.recoverTo(T.OBRACK, T.CBRACK), 'Missing close bracket on index', 'The index operator must end with a closing bracket ("]").');
        }
        this.read();
        this.popNl();
        const lit = idx.k === K.LIT || (idx.k === K.TMPL && idx.parts.length === 1 && idx.parts[0]!.p === 0);
        trav = trav && lit;
        x = { k: trav ? K.TRAV : K.OTHER, s: x.s, e: close.e };
        continue;
      }
      return x;
    }
  }

  private parseTerm(): Expr {
    const t = this.peek();
    switch (t.t) {
      case T.OPAREN: {
        this.read();
        this.pushNl(false);
        this.parseExpression();
        const close = this.peek();
        if (close.t !== T.CPAREN) this.fail(close, 'Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
        this.read();
        this.popNl();
        return { k: K.OTHER, s: t.s, e: close.e };
      }
      case T.NUMBER: {
        this.read();
        const raw = this.word(t);
        return { k: K.LIT, s: t.s, e: t.e, v: Number(raw), raw };
      }
      case T.IDENT: {
        this.read();
        const nx = this.peek();
        if (nx.t === T.OPAREN || nx.t === T.DCOLON) return this.finishFunctionCall(t);
        const w = this.word(t);
        if (w === 'true') return { k: K.LIT, s: t.s, e: t.e, v: true };
        if (w === 'false') return { k: K.LIT, s: t.s, e: t.e, v: false };
        if (w === 'null') return { k: K.LIT, s: t.s, e: t.e, v: null };
        return { k: K.TRAV, s: t.s, e: t.e };
      }
      case T.OQUOTE:
        return this.parseTemplate(T.CQUOTE, false);
      case T.OHEREDOC:
        return this.parseTemplate(T.CHEREDOC, !!t.strip);
      case T.OBRACK:
        return this.parseTuple();
      case T.OBRACE:
        return this.parseObject();
      default:
        if (t.t === T.EOF) this.fail(t, 'Missing expression', 'Expected the start of an expression, but found the end of the file.');
        this.fail(t, 'Invalid expression', 'Expected the start of an expression, but found an invalid expression token.');
    }
  }

  private finishFunctionCall(name: Tok): Expr {
    // Namespaced function names: provider::ns::fn(...)
    while (this.peek().t === T.DCOLON) {
      this.read();
      const part = this.peek();
      if (part.t !== T.IDENT) this.fail(part, 'Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.');
      this.read();
    }
    const open = this.peek();
    if (open.t !== T.OPAREN) this.fail(open, 'Function call expected', 'Function name must be followed by parentheses.');
    this.read();
    this.pushNl(false);
    let close: Tok;
    for (;;) {
      if (this.peek().t === T.CPAREN) {
        close = this.read();
        break;
      }
      this.parseExpression();
      const sep = this.read();
      if (sep.t === T.CPAREN) {
        close = sep;
        break;
      }
      if (sep.t === T.ELLIPSIS) {
        const c = this.peek();
        if (c.t !== T.CPAREN) this.fail(c, 'Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.');
        close = this.read();
        break;
      }
      if (sep.t !== T.COMMA) this.fail(sep, 'Missing argument separator', 'A comma is required to separate each function argument from the next.');
      if (this.peek().t === T.CPAREN) {
        close = this.read();
        break;
      }
    }
    this.popNl();
    return { k: K.OTHER, s: name.s, e: close.e };
  }

  private isFor(): boolean {
    const t = this.peek();
    return t.t === T.IDENT && t.e - t.s === 3 && this.word(t) === 'for';
  }

  private parseTuple(): Expr {
    const open = this.read();
    this.pushNl(false);
    if (this.isFor()) {
      const e = this.finishFor(open, false);
      this.popNl();
      return e;
    }
    const items: Expr[] = [];
    let close: Tok;
    for (;;) {
      if (this.peek().t === T.CBRACK) {
        close = this.read();
        break;
      }
      items.push(this.parseExpression());
      const nx = this.peek();
      if (nx.t === T.CBRACK) {
        close = this.read();
        break;
      }
      if (nx.t === T.EOF) this.fail(open, 'Unterminated tuple constructor expression', 'There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.');
      if (nx.t !== T.COMMA) this.fail(nx, 'Missing item separator', 'Expected a comma to mark the beginning of the next item.');
      this.read();
    }
    this.popNl();
    return { k: K.TUPLE, s: open.s, e: close.e, items };
  }

  private parseObject(): Expr {
    const open = this.read();
    // hclsyntax looks for "for" ignoring newlines: for expressions are not newline-sensitive.
    this.pushNl(false);
    if (this.isFor()) {
      const e = this.finishFor(open, true);
      this.popNl();
      return e;
    }
    this.popNl();
    this.pushNl(true);
    const items: Array<{ key: Expr; val: Expr }> = [];
    let close: Tok;
    for (;;) {
      const next = this.peek();
      if (next.t === T.NL) {
        this.read();
        continue;
      }
      if (next.t === T.CBRACE) {
        close = this.read();
        break;
      }
      const key = this.parseExpression();
      const eq = this.peek();
      if (eq.t !== T.EQUAL && eq.t !== T.COLON) {
        if (eq.t === T.NL || eq.t === T.COMMA) this.fail(eq, 'Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").');
        if (eq.t === T.IDENT) this.fail(eq, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
        this.fail(eq, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
      }
      this.read();
      const val = this.parseExpression();
      items.push({ key, val });
      const nx = this.peek();
      if (nx.t === T.CBRACE) {
        close = this.read();
        break;
      }
      if (nx.t === T.EOF) this.fail(open, 'Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.');
      if (nx.t !== T.COMMA && nx.t !== T.NL) this.fail(nx, 'Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.');
      this.read();
    }
    this.popNl();
    return { k: K.OBJECT, s: open.s, e: close.e, items };
  }

  private finishFor(open: Tok, isObject: boolean): Expr {
    this.read(); // for
    this.pushNl(false);
    const v1 = this.peek();
    if (v1.t !== T.IDENT) this.fail(v1, "Invalid 'for' expression", "For expression requires variable name after 'for'.");
    this.read();
    if (this.peek().t === T.COMMA) {
      this.read();
      const v2 = this.peek();
      if (v2.t !== T.IDENT) this.fail(v2, "Invalid 'for' expression", "For expression requires value variable name after comma.");
      this.read();
    }
    const kwIn = this.peek();
    if (kwIn.t !== T.IDENT || this.word(kwIn) !== 'in') this.fail(kwIn, "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.");
    this.read();
    this.parseExpression();
    const colon = this.peek();
    if (colon.t !== T.COLON) this.fail(colon, "Invalid 'for' expression", "For expression requires a colon after the collection expression.");
    this.read();
    this.parseExpression();
    if (isObject) {
      const arrow = this.peek();
      if (arrow.t !== T.FATARROW) this.fail(arrow, "Invalid 'for' expression", 'Key expression is required when building an object.');
      this.read();
      this.parseExpression();
      if (this.peek().t === T.ELLIPSIS) this.read();
    }
    const kwIf = this.peek();
    if (kwIf.t === T.IDENT && this.word(kwIf) === 'if') {
      this.read();
      this.parseExpression();
    }
    const close = this.peek();
    const want = isObject ? T.CBRACE : T.CBRACK;
    if (close.t !== want) {
      if (close.t === T.ELLIPSIS && !isObject) this.fail(close, "Invalid 'for' expression", 'Grouping ellipsis (...) can be used only in object for expressions.');
      this.fail(close, "Invalid 'for' expression", `Extra characters after the end of the 'for' expression.`);
    }
    this.read();
    this.popNl();
    return { k: K.OTHER, s: open.s, e: close.e };
  }

  // ----- templates

  private decodeQuoted(tok: Tok): string {
    const text = this.text;
    let out = '';
    let i = tok.s;
    let from = i;
    const end = tok.e;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        out += text.slice(from, i);
        const d = text[i + 1];
        switch (d) {
          case 'n':
            out += '\n';
            i += 2;
            break;
          case 'r':
            out += '\r';
            i += 2;
            break;
          case 't':
            out += '\t';
            i += 2;
            break;
          case '"':
            out += '"';
            i += 2;
            break;
          case '\\':
            out += '\\';
            i += 2;
            break;
          case 'u':
          case 'U': {
            const len = d === 'u' ? 4 : 8;
            const hex = text.slice(i + 2, i + 2 + len);
            if (hex.length !== len || !/^[0-9A-Fa-f]+$/.test(hex) || i + 2 + len > end) {
              this.src.fail(i, Math.min(end, i + 2 + len), 'Invalid escape sequence', `The \\${d} escape sequence must be followed by ${len} hexadecimal digits.`);
            }
            const cp = parseInt(hex, 16);
            if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
              this.src.fail(i, i + 2 + len, 'Invalid escape sequence', `Invalid Unicode character \\${d}${hex}.`);
            }
            out += String.fromCodePoint(cp);
            i += 2 + len;
            break;
          }
          default:
            this.src.fail(i, i + 2, 'Invalid escape sequence', `The symbol "${d ?? ''}" is not a valid escape sequence selector.`);
        }
        from = i;
        continue;
      }
      if ((c === 36 || c === 37) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === 123) {
        out += text.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    return out + text.slice(from, end);
  }

  private decodeHeredoc(tok: Tok): string {
    const raw = this.text.slice(tok.s, tok.e);
    if (raw.indexOf('$${') < 0 && raw.indexOf('%%{') < 0) return raw;
    return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  }

  private parseTemplate(end: T, flush: boolean): Expr {
    const open = this.read();
    const flat: Flat[] = [];
    let ltrimNext = false;
    const rtrimPrev = (): void => {
      const prev = flat[flat.length - 1];
      if (prev && prev.f === 0) prev.v = prev.v.replace(SPACE_RE_END, '');
    };
    this.pushNl(false);
    let close: Tok;
    for (;;) {
      const tok = this.readRaw();
      if (tok.t === end) {
        close = tok;
        break;
      }
      if (tok.t === T.QLIT || tok.t === T.SLIT) {
        let v = tok.t === T.QLIT ? this.decodeQuoted(tok) : this.decodeHeredoc(tok);
        if (ltrimNext) {
          v = v.replace(SPACE_RE_START, '');
          ltrimNext = false;
        }
        flat.push({ f: 0, v, s: tok.s, e: tok.e });
        continue;
      }
      if (tok.t === T.TINTERP) {
        if (tok.strip) rtrimPrev();
        ltrimNext = false;
        const x = this.parseExpression();
        const c = this.peek();
        if (c.t !== T.TSEQEND) this.fail(this.peek(), 'Extra characters after interpolation expression', 'Expected a closing brace to end the interpolation expression, but found extra characters.');
        this.pos++;
        if (c.strip) ltrimNext = true;
        flat.push({ f: 1, x, s: tok.s, e: c.e });
        continue;
      }
      if (tok.t === T.TCONTROL) {
        if (tok.strip) rtrimPrev();
        ltrimNext = false;
        const kw = this.peek();
        const w = kw.t === T.IDENT ? this.word(kw) : '';
        let item: Flat;
        if (w === 'if') {
          this.read();
          const cond = this.parseExpression();
          item = { f: 2, kw: 'if', s: tok.s, e: 0, cond };
        } else if (w === 'else' || w === 'endif' || w === 'endfor') {
          this.read();
          item = { f: 2, kw: w, s: tok.s, e: 0 };
        } else if (w === 'for') {
          this.read();
          const v1 = this.peek();
          if (v1.t !== T.IDENT) this.fail(v1, "Invalid 'for' directive", "For directive requires variable name after 'for'.");
          this.read();
          let key: string | undefined;
          let val = this.word(v1);
          if (this.peek().t === T.COMMA) {
            this.read();
            const v2 = this.peek();
            if (v2.t !== T.IDENT) this.fail(v2, "Invalid 'for' directive", 'For directive requires value variable name after comma.');
            this.read();
            key = val;
            val = this.word(v2);
          }
          const kwIn = this.peek();
          if (kwIn.t !== T.IDENT || this.word(kwIn) !== 'in') this.fail(kwIn, "Invalid 'for' directive", "For directive requires 'in' keyword after names.");
          this.read();
          const coll = this.parseExpression();
          item = { f: 2, kw: 'for', s: tok.s, e: 0, cond: coll, key, val };
        } else {
          this.fail(kw, 'Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
        }
        const c = this.peek();
        if (c.t !== T.TSEQEND) this.fail(this.peek(), 'Extra characters in template directive', 'Expected a closing brace to end the template directive, but found extra characters.');
        this.pos++;
        if (c.strip) ltrimNext = true;
        item.e = c.e;
        flat.push(item);
        continue;
      }
      // EOF or a stray token: the template never closed.
      this.fail(tok, 'Unterminated template string', 'No closing marker was found for the string.');
    }
    this.popNl();
    if (flush) flushHeredoc(flat);
    // Meld consecutive literals.
    const melded: Flat[] = [];
    for (const it of flat) {
      const prev = melded[melded.length - 1];
      if (it.f === 0 && prev && prev.f === 0) melded[melded.length - 1] = { f: 0, v: prev.v + it.v, s: prev.s, e: it.e };
      else melded.push(it);
    }
    if (melded.length === 1 && melded[0]!.f === 1) return { k: K.WRAP, s: open.s, e: close.e, inner: melded[0]!.x };
    const parts = this.structure(melded, close);
    return { k: K.TMPL, s: open.s, e: close.e, parts };
  }

  /** Build the if/for structure from flat template items (hclsyntax's templateParser). */
  private structure(flat: Flat[], close: Tok): Part[] {
    let i = 0;
    const seq = (stopAt: ReadonlySet<string>): { parts: Part[]; stop: (Flat & { f: 2 }) | undefined } => {
      const parts: Part[] = [];
      while (i < flat.length) {
        const it = flat[i]!;
        if (it.f === 0) {
          parts.push({ p: 0, v: it.v });
          i++;
          continue;
        }
        if (it.f === 1) {
          parts.push({ p: 1, x: it.x });
          i++;
          continue;
        }
        if (it.f !== 2) {
          i++;
          continue;
        }
        if (stopAt.has(it.kw)) return { parts, stop: it };
        if (it.kw === 'if') {
          this.enter(it);
          i++;
          const yes = seq(IF_STOPS);
          let no: Part[] = [];
          if (!yes.stop) this.fail(close, 'Unterminated template string', `Missing %{ endif } directive for the %{ if } started at line ${this.src.pos(it.s).line}.`);
          if (yes.stop.kw === 'else') {
            i++;
            const r = seq(ENDIF_STOP);
            if (!r.stop) this.fail(close, 'Unterminated template string', 'Missing %{ endif } directive.');
            no = r.parts;
          } else if (yes.stop.kw !== 'endif') this.fail(yes.stop, 'Unexpected directive', `Expected an endif directive.`);
          i++;
          parts.push({ p: 2, cond: it.cond!, yes: yes.parts, no });
          this.leave();
          continue;
        }
        if (it.kw === 'for') {
          this.enter(it);
          i++;
          const body = seq(ENDFOR_STOP);
          if (!body.stop) this.fail(close, 'Unterminated template string', 'Missing %{ endfor } directive.');
          if (body.stop.kw !== 'endfor') this.fail(body.stop, 'Unexpected directive', 'Expected an endfor directive.');
          i++;
          parts.push({ p: 3, key: it.key, val: it.val!, coll: it.cond!, body: body.parts });
          this.leave();
          continue;
        }
        this.fail(it, `Unexpected "${it.kw}" directive`, `The control directive cannot appear here.`);
      }
      return { parts, stop: undefined };
    };
    const r = seq(NO_STOPS);
    return r.parts;
  }
}

const OPENER: Partial<Record<T, T>> = {
  [T.CBRACE]: T.OBRACE,
  [T.CBRACK]: T.OBRACK,
  [T.CPAREN]: T.OPAREN,
  [T.CQUOTE]: T.OQUOTE,
  [T.CHEREDOC]: T.OHEREDOC,
  [T.TSEQEND]: T.TINTERP,
};

const NO_STOPS: ReadonlySet<string> = new Set();
const IF_STOPS: ReadonlySet<string> = new Set(['else', 'endif', 'endfor']);
const ENDIF_STOP: ReadonlySet<string> = new Set(['endif', 'else', 'endfor']);
const ENDFOR_STOP: ReadonlySet<string> = new Set(['endfor', 'else', 'endif']);

/** <<- heredocs: remove the smallest indentation of the non-blank lines (hclsyntax's flushHeredocTemplateParts). */
function flushHeredoc(flat: Flat[]): void {
  if (!flat.length) return;
  let minSpaces = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust: Array<Flat & { f: 0 }> = [];
  for (const it of flat) {
    if (newline) {
      newline = false;
      let spaces: number;
      if (it.f === 0) {
        const trimmed = it.v.replace(SPACE_RE_START, '');
        if (trimmed.length === 0 && it.v.endsWith('\n')) spaces = Number.MAX_SAFE_INTEGER;
        else {
          spaces = [...it.v.slice(0, it.v.length - trimmed.length)].length;
          adjust.push(it);
        }
      } else spaces = 0;
      if (spaces < minSpaces) minSpaces = spaces;
    }
    if (it.f === 0 && it.v.endsWith('\n')) newline = true;
  }
  if (minSpaces === Number.MAX_SAFE_INTEGER) return;
  for (const it of adjust) {
    let cut = 0;
    for (let k = 0; k < minSpaces && cut < it.v.length; k++) cut += it.v.codePointAt(cut)! > 0xffff ? 2 : 1;
    it.v = it.v.slice(cut);
  }
}

// ---------------------------------------------------------------------------------------------------
// Conversion to hcl2json's JSON shape

/** A JSON object under construction: hcl2json's objects come from Go maps (keys sorted). */
type Obj = Map<string, unknown>;

class Converter {
  constructor(private readonly src: Src) {}

  private source(s: number, e: number): string {
    const t = this.src.text;
    // hcl2json's rangeSource includes a ")" that immediately follows the range.
    return t.slice(s, t.charCodeAt(e) === 41 ? e + 1 : e);
  }

  private wrap(x: Expr): string {
    return '${' + this.source(x.s, x.e) + '}';
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
      case K.TMPL:
        return this.template(x.parts);
      case K.WRAP:
        return this.expr(x.inner);
      case K.TUPLE:
        return x.items.map((it) => this.expr(it));
      case K.OBJECT: {
        const m: Obj = new Map();
        for (const it of x.items) {
          const key = it.key.k === K.TRAV ? this.source(it.key.s, it.key.e) : this.stringPart(it.key);
          const v = this.expr(it.val);
          m.delete(key);
          m.set(key, v);
        }
        return m;
      }
      default:
        return this.wrap(x);
    }
  }

  private template(parts: Part[]): string {
    let out = '';
    for (const p of parts) out += this.part(p);
    return out;
  }

  private part(p: Part): string {
    switch (p.p) {
      case 0:
        return escapeLiteral(p.v);
      case 1:
        return this.stringPart(p.x);
      case 2: {
        const no = this.template(p.no);
        return '%{if ' + this.source(p.cond.s, p.cond.e) + '}' + this.template(p.yes) + (no.length ? '%{else}' + no : '') + '%{endif}';
      }
      case 3:
        return '%{for ' + (p.key !== undefined ? p.key + ', ' : '') + p.val + ' in ' + this.source(p.coll.s, p.coll.e) + '}' + this.template(p.body) + '%{endfor}';
    }
  }

  private stringPart(x: Expr): string {
    switch (x.k) {
      case K.LIT:
        return x.v === null ? 'null' : typeof x.v === 'number' ? numberToString(x.v, x.raw) : String(x.v);
      case K.TMPL:
        return this.template(x.parts);
      case K.WRAP:
        return this.stringPart(x.inner);
      case K.COND: {
        const no = this.stringPart(x.no);
        return '%{if ' + this.source(x.cond.s, x.cond.e) + '}' + this.stringPart(x.yes) + (no.length ? '%{else}' + no : '') + '%{endif}';
      }
      default:
        return this.wrap(x);
    }
  }

  body(b: Body): Obj {
    const out: Obj = new Map();
    for (const blk of b.blocks) this.block(blk, out);
    for (const a of b.attrs) {
      out.delete(a.name);
      out.set(a.name, this.expr(a.x));
    }
    return out;
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

function conversionError(msg: string): HclSyntaxError {
  return new HclSyntaxError(`convert to HCL: convert file: convert body: convert block: ${msg}`, { startLine: 1, endLine: 1 });
}

function escapeLiteral(v: string): string {
  if (v.indexOf('{') < 0) return v;
  return v.replace(/([$%])\{/g, '$1$1{');
}

function numberToString(v: number, raw: string | undefined): string {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  if (raw && /^\d+$/.test(raw)) return raw.replace(/^0+(?=\d)/, '');
  return s;
}

/** Build plain objects with sorted keys (Go's encoding/json order), as JSON.parse would give them. */
function materialize(v: unknown): unknown {
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(compareUtf8);
    const o: Record<string, unknown> = {};
    for (const k of keys) {
      const val = materialize(v.get(k));
      if (k === '__proto__') Object.defineProperty(o, k, { value: val, enumerable: true, writable: true, configurable: true });
      else o[k] = val;
    }
    return o;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = materialize(v[i]);
    return v;
  }
  return v;
}

function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  // Code point order equals UTF-8 byte order; UTF-16 order differs only around surrogates.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * Parse HCL native syntax into hcl2json's output shape. Throws HclSyntaxError (with hclsyntax's first
 * diagnostic range where feasible) on a file hcl2json rejects, ParseTimeoutError past `deadline`
 * (a Date.now() value).
 */
export function parseHclFast(text: string, deadline?: number): Record<string, unknown> {
  const src = new Src(text);
  const toks = scan(src, deadline);
  const parser = new Parser(src, toks, deadline);
  let body: Body;
  try {
    body = parser.parseFile();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new HclSyntaxError(`Nesting too deep: the file nests deeper than this parser's stack allows`, { startLine: 1, endLine: 1 });
    }
    throw e;
  }
  const conv = new Converter(src);
  return materialize(conv.body(body)) as Record<string, unknown>;
}
