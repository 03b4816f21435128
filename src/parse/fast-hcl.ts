// The HCL front end: one parse of a native-syntax file gives everything later stages read of it:
//   - the value body, exactly what @cdktf/hcl2json's parse() gives (hcl2json stays the reference:
//     tests/parse/conformance.test.ts compares the two on every HCL file of the corpora);
//   - the LocationIndex (src/model/locations.ts): the lines of every block and attribute by the path
//     the body gives it, and the comments (for inline waivers), recorded while parsing;
//   - the expression tree (src/parse/ast.ts) of every template string of the body ("${...}"), for
//     src/resolve/eval.ts, so no string is parsed again. parseTemplateText / parseExpressionText read
//     the strings that start as text (a template file, hcl2json's output at run time) with the same
//     parser and the same trees.
// It follows HashiCorp's hclsyntax grammar:
//   - a mode-stack scanner (normal / quoted template / heredoc), as hclsyntax's scanner;
//   - a recursive-descent parser over the tokens, with a nesting limit (a located syntax error, not a
//     stack overflow) and a deadline check every few thousand tokens;
//   - the conversion rules of hcl2json: literals become JSON values, tuples and objects of anything
//     become arrays and objects, templates become template strings, every other expression becomes
//     "${<source text>}"; block type/labels become nested objects ending in arrays of bodies.
// Syntax errors throw HclSyntaxError located at what hclsyntax reports first (scanner errors such as
// an invalid character come before parser errors, as in hclsyntax). Linear time.
import { HclSyntaxError } from './errors.js';
import type { SourceRange } from '../model/types.js';
import { LocationIndex, PATH_SEP as SEP, type CommentSpan, type PathSegment } from '../model/locations.js';
import { lineOf, lineStarts } from './lines.js';
import { ParseError, type Node, type Step, type TemplatePart } from './ast.js';
import { suspectNumber, type FoldedTemplate, type NumberLiteral, type SourceLiteral } from './source-literals.js';

/** A file's value body in hcl2json's shape. */
export type HclBody = Record<string, unknown>;

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

  /** 1-based line of an offset. */
  line(offset: number): number {
    this.lineStarts ??= lineStarts(this.text);
    return lineOf(this.lineStarts, offset);
  }

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

/**
 * Lines of offsets asked in increasing order (the scanner and the parser read forward): newlines are
 * counted once, natively (indexOf), instead of a table of every line start per file.
 */
class LineCursor {
  private at = 0;
  private line = 1;
  constructor(private readonly src: Src) {}

  lineOf(offset: number): number {
    if (offset < this.at) return this.src.line(offset);
    const text = this.src.text;
    for (let i = text.indexOf('\n', this.at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) this.line++;
    this.at = offset;
    return this.line;
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

/** Scanner modes: normal, quoted template, heredoc template (no marker: a whole text as a template). */
type Mode = { m: 0; interp: boolean; braces: number } | { m: 1 } | { m: 2; marker: string | undefined; bol: boolean };

/**
 * A comment outside any template, as the scanner finds it: `s` where its marker starts, `start`..`end`
 * its text, `at` the index of the token after it.
 */
interface RawComment {
  s: number;
  start: number;
  end: number;
  at: number;
}

const isOpen = (t: T): boolean => t === T.OQUOTE || t === T.OHEREDOC;
const isClose = (t: T): boolean => t === T.CQUOTE || t === T.CHEREDOC;

/**
 * The comments' lines, whether code precedes each on its line, and the line of the first code after
 * it on a later line. Code is a token outside templates; a string or heredoc counts where it starts.
 */
function commentSpans(src: Src, toks: Tok[], raw: RawComment[]): CommentSpan[] {
  const text = src.text;
  const lines = new LineCursor(src);
  const nextLines = new LineCursor(src);
  return raw.map((c): CommentSpan => {
    const line = lines.lineOf(c.s);
    // The code before: the last token, or the start of the string or heredoc it closes.
    let before = -1;
    let k = c.at - 1;
    if (k >= 0 && toks[k]!.t !== T.NL) {
      for (let depth = 0; k >= 0; k--) {
        const t = toks[k]!.t;
        if (isClose(t)) depth++;
        else if (isOpen(t)) depth--;
        if (depth <= 0) break;
      }
      before = toks[Math.max(k, 0)]!.s;
    }
    const trailing = before >= 0 && text.lastIndexOf('\n', c.s) < before;
    // The code after, on a later line.
    let next = -1;
    for (let j = c.at, depth = 0; j < toks.length; j++) {
      const tok = toks[j]!;
      if (tok.t === T.EOF) break;
      if (depth === 0 && tok.t !== T.NL && text.lastIndexOf('\n', tok.s) > c.s) {
        next = tok.s;
        break;
      }
      if (isOpen(tok.t)) depth++;
      else if (isClose(tok.t)) depth--;
    }
    return { start: c.start, end: c.end, line, trailing, ...(next >= 0 ? { nextCodeLine: nextLines.lineOf(next) } : {}) };
  });
}

/** `template`: scan the whole text as a template (as templatefile() reads a file), not as a body. */
function scan(src: Src, deadline: number | undefined, comments: RawComment[], template = false): Tok[] {
  const text = src.text;
  const n = text.length;
  const toks: Tok[] = [];
  const modes: Mode[] = [template ? { m: 2, marker: undefined, bol: false } : { m: 0, interp: false, braces: 0 }];
  let i = 0;
  let clock = 0;
  const push = (t: T, s: number, e: number): Tok => {
    const tok: Tok = { t, s, e };
    toks.push(tok);
    if (deadline !== undefined && ++clock % CLOCK_EVERY === 0 && Date.now() > deadline) throw new ParseTimeoutError();
    return tok;
  };
  // Comments outside templates (inside an interpolation they are part of the string).
  const comment = (s: number, start: number, end: number): void => {
    if (modes.length === 1) comments.push({ s, start, end, at: toks.length });
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
      if (mode.bol && mode.marker !== undefined) {
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
      const s = i;
      while (i < n && text.charCodeAt(i) !== 10 && !(text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)) i++;
      // Its text runs to the line feed (a CR before it is part of the text, as it always was).
      comment(s, s + (c === 35 ? 1 : 2), text.charCodeAt(i) === 13 ? i + 1 : i);
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      if (end >= 0) {
        comment(i, i + 2, end);
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

// Every expression keeps its source offsets (s..e: first token's start to last token's end). The
// conversion to hcl2json's shape needs the kinds LIT..COND; every other kind becomes "${source}".
// The evaluator's trees (src/parse/ast.ts) are built from the same nodes (NodeBuilder below).

const enum K {
  LIT, // number, bool, null
  TMPL,
  WRAP, // template that is exactly one interpolation (passthrough)
  TUPLE,
  OBJECT,
  UNARY,
  TRAV, // scope traversal: a.b.c, a[0] (a name, then attributes and literal indexes)
  COND,
  BINARY,
  CALL,
  PAREN,
  FOR,
  POST, // any other term followed by attributes, indexes or splats
}

/** One step after a term; `e`: where it ends. */
type Op =
  | { o: 0; name: string; e: number } // .name
  | { o: 1; raw: string; e: number } // .0 (a number after a dot)
  | { o: 2; key: Expr; e: number } // [key]
  | { o: 3; legacy: boolean; e: number }; // .* (legacy) or [*]

type Expr =
  | { k: K.LIT; s: number; e: number; v: number | boolean | null; raw?: string }
  | { k: K.TMPL; s: number; e: number; parts: Part[]; heredoc: boolean }
  | { k: K.WRAP; s: number; e: number; inner: Expr; heredoc: boolean }
  | { k: K.TUPLE; s: number; e: number; items: Expr[] }
  | { k: K.OBJECT; s: number; e: number; items: Array<{ key: Expr; val: Expr; bare: boolean }> }
  | { k: K.UNARY; s: number; e: number; neg: boolean; val: Expr }
  | { k: K.TRAV; s: number; e: number; root: string; ops: Op[] }
  | { k: K.COND; s: number; e: number; cond: Expr; yes: Expr; no: Expr }
  | { k: K.BINARY; s: number; e: number; op: string; l: Expr; r: Expr }
  | { k: K.CALL; s: number; e: number; name: string; args: Expr[]; expand: boolean }
  | { k: K.PAREN; s: number; e: number; inner: Expr }
  | {
      k: K.FOR;
      s: number;
      e: number;
      keyVar: string | undefined;
      valVar: string;
      coll: Expr;
      keyExpr: Expr | undefined;
      valExpr: Expr;
      cond: Expr | undefined;
      group: boolean;
      object: boolean;
    }
  | { k: K.POST; s: number; e: number; base: Expr; ops: Op[] };

/** Template parts; a directive keeps the offsets of its text (between "%{" / "%{~" and "}" / "~}"). */
type Part =
  | { p: 0; v: string } // literal
  | { p: 1; x: Expr } // interpolation
  | { p: 2; cond: Expr; yes: Part[]; no: Part[]; ds: number; de: number } // %{if}
  | { p: 3; key: string | undefined; val: string; coll: Expr; body: Part[]; ds: number; de: number }; // %{for}

// Flat template items before the if/for structure is built.
type Flat =
  | { f: 0; v: string; s: number; e: number }
  | { f: 1; x: Expr; s: number; e: number }
  | { f: 2; kw: 'if' | 'else' | 'endif' | 'for' | 'endfor'; s: number; e: number; ds: number; de: number; cond?: Expr; key?: string; val?: string }
  | { f: 9; s: number; e: number }; // end marker

/** Binary operators by precedence (hclsyntax's binaryOps): higher binds tighter; all left-associative. */
const PRECEDENCE: Readonly<Record<string, number>> = { '||': 0, '&&': 1, '==': 2, '!=': 2, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };

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
  /** The lines of every block and attribute, recorded as they are parsed. */
  readonly locations = new LocationIndex();
  private readonly lines: LineCursor;
  private pos = 0;
  private nl = true;
  private readonly nlStack: boolean[] = [];
  private depth = 0;
  private steps = 0;

  constructor(
    private readonly src: Src,
    private readonly toks: Tok[],
    private readonly deadline: number | undefined,
  ) {
    this.lines = new LineCursor(src);
  }

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
    return this.parseBody(T.EOF, undefined, '');
  }

  /** A whole text as one expression, newlines insignificant (parseExpressionText). */
  parseWholeExpression(): Expr {
    this.pushNl(false);
    const x = this.parseExpression();
    const end = this.peek();
    if (end.t !== T.EOF) this.fail(end, 'Extra characters after expression', 'Expected the end of the expression, but found extra characters.');
    return x;
  }

  /**
   * Record the lines from the token at `s` to the character at `last` under a path key (first one
   * wins, in source order; a block after what it holds, as the locations were always recorded).
   */
  private locate(key: string, startLine: number, last: number): void {
    const endLine = this.lines.lineOf(last);
    this.locations.setKey(key, { startLine, endLine: endLine > startLine ? endLine : startLine });
  }

  /** `key`: the path key of the block holding this body ('' for the file). */
  private parseBody(end: T, open: Tok | undefined, key: string): Body {
    const body: Body = { attrs: [], blocks: [] };
    const seen = new Map<string, Tok>();
    let groups: Map<string, number> | undefined;
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
        const line = this.lines.lineOf(ident.s);
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
          this.locate(key ? key + SEP + name : name, line, attr.x.e - 1);
          continue;
        }
        if (after.t === T.OQUOTE || after.t === T.OBRACE || after.t === T.IDENT) {
          body.blocks.push(this.finishBlock(ident, line, key, (groups ??= new Map())));
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

  /** `key`: the path key of the enclosing body; `groups`: its blocks so far by type and labels. */
  private finishBlock(ident: Tok, line: number, key: string, groups: Map<string, number>): Block {
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
    // The block's path: type, labels, and its index among the blocks of that type and labels here.
    const type = this.word(ident);
    let group = type;
    for (const l of labels) group += SEP + l;
    const idx = groups.get(group) ?? 0;
    groups.set(group, idx + 1);
    const blockKey = (key ? key + SEP : '') + group + SEP + idx;
    let body: Body;
    const first = this.peek();
    if (first.t === T.NL || first.t === T.EOF || first.t === T.CBRACE) body = this.parseBody(T.CBRACE, open, blockKey);
    else body = this.parseSingleAttrBody(blockKey);
    const close = this.toks[this.pos - 1]!;
    // The block, and (first one wins) the type/label prefixes leading to it.
    let prefix = key ? key + SEP + type : type;
    this.locate(prefix, line, close.s);
    for (const l of labels) {
      prefix += SEP + l;
      this.locate(prefix, line, close.s);
    }
    this.locate(blockKey, line, close.s);
    const eol = this.peek();
    if (eol.t === T.NL || eol.t === T.EOF) this.read();
    else this.fail(eol, 'Missing newline after block definition', 'A block definition must end with a newline.');
    this.leave();
    return { type, labels, body };
  }

  /**
   * A single-line block body: `{ name = expr }`. hclsyntax reports a problem with the closing brace
   * before any problem inside the body (it appends the body's diagnostics afterwards), after
   * recovering past the body item: mirrored here so the first error matches.
   */
  private parseSingleAttrBody(key: string): Body {
    let attr: Attr | undefined;
    let bodyError: unknown;
    const line = this.lines.lineOf(this.peek().s);
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
    this.locate(key + SEP + attr!.name, line, attr!.x.e - 1);
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

  /** Operands and binary operators, by precedence (operator-precedence parsing, no recursion). */
  private parseBinary(): Expr {
    const xs: Expr[] = [this.parseOperand()];
    const ops: Array<{ op: string; prec: number }> = [];
    const reduce = (): void => {
      const r = xs.pop()!;
      const l = xs.pop()!;
      xs.push({ k: K.BINARY, s: l.s, e: r.e, op: ops.pop()!.op, l, r });
    };
    for (;;) {
      const t = this.peek();
      if (t.t !== T.OP && t.t !== T.MINUS && t.t !== T.STAR) break;
      this.read();
      const op = this.word(t);
      const prec = PRECEDENCE[op]!;
      while (ops.length && ops[ops.length - 1]!.prec >= prec) reduce();
      ops.push({ op, prec });
      xs.push(this.parseOperand());
    }
    while (ops.length) reduce();
    return xs[0]!;
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
    // A traversal while it is a name followed by attributes and literal indexes.
    let trav = term.k === K.TRAV;
    const ops: Op[] = [];
    const done = (): Expr => {
      if (!ops.length) return term;
      const e = ops[ops.length - 1]!.e;
      if (trav) return { k: K.TRAV, s: term.s, e, root: (term as { root: string }).root, ops };
      return { k: K.POST, s: term.s, e, base: term, ops };
    };
    for (;;) {
      const t = this.peek();
      if (t.t === T.DOT) {
        this.read();
        const a = this.peek();
        if (a.t === T.IDENT) {
          this.read();
          ops.push({ o: 0, name: this.word(a), e: a.e });
          continue;
        }
        if (a.t === T.NUMBER) {
          this.read();
          ops.push({ o: 1, raw: this.word(a), e: a.e });
          continue;
        }
        if (a.t === T.STAR) {
          this.read();
          trav = false;
          ops.push({ o: 3, legacy: true, e: a.e });
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
          ops.push({ o: 3, legacy: false, e: close.e });
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
        ops.push({ o: 2, key: idx, e: close.e });
        continue;
      }
      return done();
    }
  }

  private parseTerm(): Expr {
    const t = this.peek();
    switch (t.t) {
      case T.OPAREN: {
        this.read();
        this.pushNl(false);
        const inner = this.parseExpression();
        const close = this.peek();
        if (close.t !== T.CPAREN) this.fail(close, 'Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.');
        this.read();
        this.popNl();
        return { k: K.PAREN, s: t.s, e: close.e, inner };
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
        return { k: K.TRAV, s: t.s, e: t.e, root: w, ops: [] };
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
    let nameEnd = name.e;
    while (this.peek().t === T.DCOLON) {
      this.read();
      const part = this.peek();
      if (part.t !== T.IDENT) this.fail(part, 'Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.');
      this.read();
      nameEnd = part.e;
    }
    const args: Expr[] = [];
    let expand = false;
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
      args.push(this.parseExpression());
      const sep = this.read();
      if (sep.t === T.CPAREN) {
        close = sep;
        break;
      }
      if (sep.t === T.ELLIPSIS) {
        const c = this.peek();
        if (c.t !== T.CPAREN) this.fail(c, 'Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.');
        close = this.read();
        expand = true;
        break;
      }
      if (sep.t !== T.COMMA) this.fail(sep, 'Missing argument separator', 'A comma is required to separate each function argument from the next.');
      if (this.peek().t === T.CPAREN) {
        close = this.read();
        break;
      }
    }
    this.popNl();
    return { k: K.CALL, s: name.s, e: close.e, name: this.text.slice(name.s, nameEnd), args, expand };
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
    const items: Array<{ key: Expr; val: Expr; bare: boolean }> = [];
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
      // A bare name as a key is the name, not a reference (true, false, null and for too).
      const bare = next.t === T.IDENT;
      const key = this.parseExpression();
      const eq = this.peek();
      if (eq.t !== T.EQUAL && eq.t !== T.COLON) {
        if (eq.t === T.NL || eq.t === T.COMMA) this.fail(eq, 'Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").');
        if (eq.t === T.IDENT) this.fail(eq, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
        this.fail(eq, 'Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
      }
      this.read();
      const val = this.parseExpression();
      items.push({ key, val, bare: bare && key.e === next.e });
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
    let keyVar: string | undefined;
    let valVar = this.word(v1);
    if (this.peek().t === T.COMMA) {
      this.read();
      const v2 = this.peek();
      if (v2.t !== T.IDENT) this.fail(v2, "Invalid 'for' expression", "For expression requires value variable name after comma.");
      this.read();
      keyVar = valVar;
      valVar = this.word(v2);
    }
    const kwIn = this.peek();
    if (kwIn.t !== T.IDENT || this.word(kwIn) !== 'in') this.fail(kwIn, "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.");
    this.read();
    const coll = this.parseExpression();
    const colon = this.peek();
    if (colon.t !== T.COLON) this.fail(colon, "Invalid 'for' expression", "For expression requires a colon after the collection expression.");
    this.read();
    let keyExpr: Expr | undefined;
    let valExpr = this.parseExpression();
    let group = false;
    if (isObject) {
      const arrow = this.peek();
      if (arrow.t !== T.FATARROW) this.fail(arrow, "Invalid 'for' expression", 'Key expression is required when building an object.');
      this.read();
      keyExpr = valExpr;
      valExpr = this.parseExpression();
      if (this.peek().t === T.ELLIPSIS) {
        this.read();
        group = true;
      }
    }
    let cond: Expr | undefined;
    const kwIf = this.peek();
    if (kwIf.t === T.IDENT && this.word(kwIf) === 'if') {
      this.read();
      cond = this.parseExpression();
    }
    const close = this.peek();
    const want = isObject ? T.CBRACE : T.CBRACK;
    if (close.t !== want) {
      if (close.t === T.ELLIPSIS && !isObject) this.fail(close, "Invalid 'for' expression", 'Grouping ellipsis (...) can be used only in object for expressions.');
      this.fail(close, "Invalid 'for' expression", `Extra characters after the end of the 'for' expression.`);
    }
    this.read();
    this.popNl();
    return { k: K.FOR, s: open.s, e: close.e, keyVar, valVar, coll, keyExpr, valExpr, cond, group, object: isObject };
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

  /**
   * A template: a quoted string (end CQUOTE), a heredoc (end CHEREDOC) or, from parseTemplateText,
   * a whole text (end EOF, no opening token).
   */
  parseTemplate(end: T, flush: boolean): Expr {
    const open = end === T.EOF ? this.toks[this.pos]! : this.read();
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
          item = { f: 2, kw: 'if', s: tok.s, e: 0, ds: tok.e, de: 0, cond };
        } else if (w === 'else' || w === 'endif' || w === 'endfor') {
          this.read();
          item = { f: 2, kw: w, s: tok.s, e: 0, ds: tok.e, de: 0 };
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
          item = { f: 2, kw: 'for', s: tok.s, e: 0, ds: tok.e, de: 0, cond: coll, key, val };
        } else {
          this.fail(kw, 'Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
        }
        const c = this.peek();
        if (c.t !== T.TSEQEND) this.fail(this.peek(), 'Extra characters in template directive', 'Expected a closing brace to end the template directive, but found extra characters.');
        this.pos++;
        if (c.strip) ltrimNext = true;
        item.e = c.e;
        item.de = c.s;
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
    const heredoc = end === T.CHEREDOC;
    const start = end === T.EOF ? 0 : open.s;
    if (melded.length === 1 && melded[0]!.f === 1) return { k: K.WRAP, s: start, e: close.e, inner: melded[0]!.x, heredoc };
    const parts = this.structure(melded, close);
    return { k: K.TMPL, s: start, e: close.e, parts, heredoc };
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
          parts.push({ p: 2, cond: it.cond!, yes: yes.parts, no, ds: it.ds, de: it.de });
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
          parts.push({ p: 3, key: it.key, val: it.val!, coll: it.cond!, body: body.parts, ds: it.ds, de: it.de });
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
// Expression trees for the evaluator (src/parse/ast.ts)
//
// The trees the evaluator has always read: every node keeps its source text (an unknown value is
// reported with it), a parenthesised expression is its inner node with the parentheses' text, a
// negative number literal is a literal, a bare name as an object key is a string, and splats take
// HCL's two forms ("[*]": every later step applies to each element; ".*": only attribute steps).

class NodeBuilder {
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
      while (i < ops.length && ops[i]!.o !== 3 && !(splat.legacy && ops[i]!.o === 2)) {
        end = ops[i]!.e;
        inner.push(this.step(ops[i++]!));
      }
      cur = { k: 'splat', obj: cur, steps: inner, src: this.text.slice(begin, end) };
      if (splat.legacy) continue;
      if (i < ops.length) throw new ParseError('nested splat is not supported');
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
function templateNode(parts: TemplatePart[], src: string): Node {
  if (parts.length === 0) return { k: 'lit', v: '', src };
  if (parts.length === 1 && typeof parts[0] === 'string') return { k: 'lit', v: parts[0], src };
  return { k: 'tmpl', parts, src };
}

// ---------------------------------------------------------------------------------------------------
// Conversion to hcl2json's JSON shape

/** A JSON object under construction: hcl2json's objects come from Go maps (keys sorted). */
type Obj = Map<string, unknown>;

/**
 * A string of the value body under construction, and the template parts the evaluator reads in it.
 * `exact` is false when the string's text would read back differently (a literal "$" or "%" right
 * before an interpolation, directive or "{": "$${" reads as an escape; hcl2json's ")" quirk below):
 * such a string gets no tree here and is read from its text, as before.
 */
interface Tpl {
  s: string;
  parts: TemplatePart[];
  exact: boolean;
  /** Some part is not literal text: the string has something to evaluate. */
  expr: boolean;
}

const tpl = (): Tpl => ({ s: '', parts: [], exact: true, expr: false });

/** A source literal without its path, recorded on a container of the body under construction (a Map or an array). */
type PendingLiteral = Omit<NumberLiteral, 'path'> | Omit<FoldedTemplate, 'path'>;

class Converter {
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
      out.set(a.name, this.expr(a.x));
      this.numberLeaf(out, a.name, a.x);
      if (this.foldedNull || this.foldedNumbers.length) this.keepFolded(out, a);
    }
    return out;
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
    const source = this.src.text.slice(a.x.s, a.x.e).trim();
    this.record(out, a.name, { kind: 'template', kept, nulls, numbers, source: source.length > 120 ? `${source.slice(0, 119)}…` : source });
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
function materialize(v: unknown, moved?: Map<object, object>): unknown {
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(compareUtf8);
    const o: Record<string, unknown> = {};
    moved?.set(v, o);
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

/** The recorded literals with their paths into the materialized body (one walk, for the rare file that has some). */
function sourceLiterals(body: HclBody, pending: Map<object, Map<string, PendingLiteral>>, moved: Map<object, object>): SourceLiteral[] {
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

/** What one parse of an HCL native-syntax file gives. */
export interface HclParsed {
  /** The value body, in hcl2json's shape. */
  body: HclBody;
  /** The lines of every block and attribute, and the comments. */
  locations: LocationIndex;
  /**
   * The evaluator's tree of the body's template strings ("${...}", "%{...}"), by their text: the
   * evaluator looks a string up here instead of parsing it. A string missing here is parsed from
   * its text (parseTemplateText), with the same result.
   */
  expressions: ExpressionTable;
  /** Literals the body's shape folds away (source-literals.ts); absent when there are none. */
  literals?: SourceLiteral[];
}

/** Template string of a value body -> its expression tree. */
export type ExpressionTable = ReadonlyMap<string, Node>;

/**
 * Parse HCL native syntax: the value body in hcl2json's output shape and the locations. Throws
 * HclSyntaxError (with hclsyntax's first diagnostic range where feasible) on a file hcl2json rejects,
 * ParseTimeoutError past `deadline` (a Date.now() value).
 */
export function parseHclFile(text: string, deadline?: number): HclParsed {
  const src = new Src(text);
  const raw: RawComment[] = [];
  const toks = scan(src, deadline, raw);
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
  const built = conv.body(body);
  const moved = conv.pending.size ? new Map<object, object>() : undefined;
  const value = materialize(built, moved) as HclBody;
  const locations = parser.locations;
  const expressions = conv.expressions;
  locations.setComments(commentSpans(src, toks, raw));
  locations.freeze();
  return { body: value, locations, expressions, ...(moved ? { literals: sourceLiterals(value, conv.pending, moved) } : {}) };
}

/** parseHclFile's value body alone. */
export function parseHclFast(text: string, deadline?: number): HclBody {
  return parseHclFile(text, deadline).body;
}

/** The entry points from a string: a syntax error (or nesting beyond the stack) is a ParseError. */
function fromText(text: string, template: boolean): Node {
  try {
    const src = new Src(text);
    const parser = new Parser(src, scan(src, undefined, [], template), undefined);
    return new NodeBuilder(text).node(template ? parser.parseTemplate(T.EOF, false) : parser.parseWholeExpression());
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof HclSyntaxError || e instanceof RangeError) throw new ParseError(e.message);
    throw e;
  }
}

/**
 * A text as a template: a string of a value body as hcl2json gives it ("${...}", "%{...}", "$${" for a
 * literal "${"), or a file templatefile() reads. The evaluator's tree; throws ParseError.
 */
export function parseTemplateText(text: string): Node {
  return fromText(text, true);
}

/** A text as one expression (newlines anywhere): the evaluator's tree; throws ParseError. */
export function parseExpressionText(text: string): Node {
  return fromText(text, false);
}
