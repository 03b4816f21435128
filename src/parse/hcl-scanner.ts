// The scanner: a mode-stack over the text (normal / quoted template / heredoc), as hclsyntax's scanner,
// giving tokens (hcl-tokens.ts) and the comments' spans for the LocationIndex.
import type { CommentSpan } from '../model/locations.js';
import { ParseTimeoutError, T, type Tok, Src, LineCursor } from './hcl-tokens.js';
import { goTrimSpace } from '../util/go-space.js';

// ---------------------------------------------------------------------------------------------------
// Scanner

export const CLOCK_EVERY = 4096;

export function isIdStartCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
export function isIdPartCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c === 45;
}
export const UNI_START = /[\p{ID_Start}]/u;
export const UNI_PART = /[\p{ID_Continue}]/u;

/** Scanner modes: normal, quoted template, heredoc template (no marker: a whole text as a template). */
export type Mode = { m: 0; interp: boolean; braces: number } | { m: 1 } | { m: 2; marker: string | undefined; bol: boolean };

/**
 * A comment outside any template, as the scanner finds it: `s` where its marker starts, `start`..`end`
 * its text, `at` the index of the token after it.
 */
export interface RawComment {
  s: number;
  start: number;
  end: number;
  at: number;
}

export const isOpen = (t: T): boolean => t === T.OQUOTE || t === T.OHEREDOC;
export const isClose = (t: T): boolean => t === T.CQUOTE || t === T.CHEREDOC;

/**
 * The comments' lines, whether code precedes each on its line, and the line of the first code after
 * it on a later line. Code is a token outside templates; a string or heredoc counts where it starts.
 */
export function commentSpans(src: Src, toks: Tok[], raw: RawComment[]): CommentSpan[] {
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
export function scan(src: Src, deadline: number | undefined, comments: RawComment[], template = false): Tok[] {
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
      // A carriage return alone ends a quoted string's line too (hclsyntax: NewlineChars).
      if (c === 10 || c === 13) {
        invalid(i, i + (c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1), 'Invalid multi-line string', 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.');
      }
      const s = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 34 || d === 10 || d === 13) break;
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
          if (goTrimSpace(line) === mode.marker) {
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
        // A heredoc's lines end in LF or CRLF; a carriage return alone is no character of HCL.
        if (d === 13 && text.charCodeAt(i + 1) !== 10) invalid(i, i + 1, 'Invalid character', 'This character is not used within the language.');
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

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
