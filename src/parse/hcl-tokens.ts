// HCL tokens, source positions and the parse's own errors (the scanner makes the tokens: hcl-scanner.ts).
import { HclSyntaxError } from './errors.js';
import type { SourceRange } from '../model/types.js';
import { lineOf, lineStarts } from './lines.js';

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

export const enum T {
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

export interface Tok {
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

export class Src {
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
export class LineCursor {
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
