// The source locator for HCL native syntax. hcl2json returns no positions, so this small lexer walks
// the same text and records, for every block and attribute, the path hcl2json would give it and the
// lines it spans. Paths mirror hcl2json's output shape:
//   resource "aws_instance" "web" { metadata_options { http_tokens = ... } }
//   -> ["resource", "aws_instance", "web", 0]                               (the block)
//   -> ["resource", "aws_instance", "web", 0, "metadata_options", 0, "http_tokens"]  (the attribute)
// The lexer understands comments, quoted strings with ${...}/%{...} templates, heredocs and nesting;
// it never evaluates anything. Malformed text yields partial locations, never an exception.
import type { SourceRange } from '../model/types.js';

export type PathKey = string;
export type PathSegment = string | number;

const SEP = '\u001f';
export function pathKey(p: readonly PathSegment[]): PathKey {
  return p.join(SEP);
}

type TokKind = 'ident' | 'string' | 'heredoc' | '{' | '}' | '[' | ']' | '(' | ')' | '=' | 'nl' | 'other';
interface Tok {
  kind: TokKind;
  text: string;
  line: number;
  endLine: number;
}

// Character classes by code, not by regular expression: this runs for every character of every file.
const isIdentStart = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || k === 95;
};
const isIdentPart = (c: string): boolean => {
  const k = c.charCodeAt(0);
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95 || k === 45;
};

/** A comment: its text (without the # or // or /* markers) and line, and whether code precedes it. */
export interface Comment {
  text: string;
  line: number;
  trailing: boolean;
}

/** Tokenize HCL text into the few token kinds the structure walk needs; comments go to onComment. */
export function tokenize(src: string, onComment?: (c: Comment) => void): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const n = src.length;

  // Skip a quoted string body starting after the opening quote; returns the index after the closing
  // quote (or of the newline ending an unterminated string: the parser reports it). Strings and
  // "${...}"/"%{...}" interpolations nest; an explicit stack keeps hostile nesting off the call stack.
  const skipQuoted = (start: number): number => {
    const stack: Array<{ quoted: true } | { quoted: false; depth: number }> = [{ quoted: true }];
    let j = start;
    while (j < n) {
      const top = stack[stack.length - 1]!;
      const c = src[j]!;
      if (top.quoted) {
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (c === '"' || c === '\n') {
          // A closing quote is consumed; a newline ends an unterminated string without being consumed.
          stack.pop();
          if (c === '"') j++;
          if (!stack.length) return j;
          continue;
        }
        if ((c === '$' || c === '%') && src[j + 1] === '{') {
          if (src[j - 1] === c && src[j - 2] !== c) {
            // "$${" and "%%{" are escapes, not templates
            j += 2;
            continue;
          }
          stack.push({ quoted: false, depth: 1 });
          j += 2;
          continue;
        }
        j++;
        continue;
      }
      // Inside an interpolation: braces count, a quote opens a nested string.
      if (c === '\n') line++;
      if (c === '"') {
        stack.push({ quoted: true });
        j++;
        continue;
      }
      if (c === '{') top.depth++;
      else if (c === '}' && --top.depth === 0) stack.pop();
      j++;
    }
    return j;
  };

  while (i < n) {
    const c = src[i]!;
    if (c === '\n') {
      toks.push({ kind: 'nl', text: '\n', line, endLine: line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      const start = i;
      while (i < n && src[i] !== '\n') i++;
      if (onComment) {
        const last = toks[toks.length - 1];
        onComment({ text: src.slice(start, i).replace(/^(#|\/\/)/, ''), line, trailing: !!last && last.kind !== 'nl' && last.line === line });
      }
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      if (onComment) {
        const end = src.indexOf('*/', i + 2);
        const last = toks[toks.length - 1];
        onComment({ text: src.slice(i + 2, end < 0 ? n : end), line, trailing: !!last && last.kind !== 'nl' && last.line === line });
      }
      i += 2;
      while (i < n && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') line++;
        i++;
      }
      i += 2;
      continue;
    }
    if (c === '"') {
      const startLine = line;
      const end = skipQuoted(i + 1);
      toks.push({ kind: 'string', text: src.slice(i, end), line: startLine, endLine: line });
      i = end;
      continue;
    }
    if (c === '<' && src[i + 1] === '<') {
      const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(src.slice(i, i + 200));
      if (m) {
        const startLine = line;
        const marker = m[2]!;
        i += m[0].length;
        line++;
        // Find a line whose trimmed content is the marker.
        for (;;) {
          if (i >= n) break;
          let eol = src.indexOf('\n', i);
          if (eol < 0) eol = n;
          const content = src.slice(i, eol).trim();
          if (content === marker) {
            i = eol;
            break;
          }
          i = eol + 1;
          line++;
        }
        toks.push({ kind: 'heredoc', text: '', line: startLine, endLine: line });
        continue;
      }
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdentPart(src[j]!)) j++;
      toks.push({ kind: 'ident', text: src.slice(i, j), line, endLine: line });
      i = j;
      continue;
    }
    if ('{}[]()'.includes(c)) {
      toks.push({ kind: c as TokKind, text: c, line, endLine: line });
      i++;
      continue;
    }
    if (c === '=' && src[i + 1] !== '=' && src[i - 1] !== '=' && src[i - 1] !== '!' && src[i - 1] !== '<' && src[i - 1] !== '>') {
      toks.push({ kind: '=', text: '=', line, endLine: line });
      i++;
      continue;
    }
    toks.push({ kind: 'other', text: c, line, endLine: line });
    i++;
  }
  return toks;
}

function unquote(text: string): string {
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  return text;
}

/** Map from path key to the lines it spans, built once per file. */
export class LocationIndex {
  private readonly map = new Map<PathKey, SourceRange>();

  set(p: readonly PathSegment[], r: SourceRange): void {
    const k = pathKey(p);
    if (!this.map.has(k)) this.map.set(k, r);
  }

  get(p: readonly PathSegment[]): SourceRange | undefined {
    return this.map.get(pathKey(p));
  }

  get size(): number {
    return this.map.size;
  }

  keys(): IterableIterator<PathKey> {
    return this.map.keys();
  }

  ranges(): IterableIterator<SourceRange> {
    return this.map.values();
  }

  /** Plain entries, to pass an index between threads (structured clone drops the class). */
  entries(): Array<[PathKey, SourceRange]> {
    return [...this.map];
  }

  static fromEntries(entries: Iterable<[PathKey, SourceRange]>): LocationIndex {
    const index = new LocationIndex();
    for (const [k, r] of entries) index.map.set(k, r);
    return index;
  }

  /**
   * The range of `p`, or of its closest existing ancestor when `p` itself is absent (a missing
   * attribute is reported on its block's line).
   */
  resolve(p: readonly PathSegment[]): { range: SourceRange; exact: boolean } | undefined {
    const actual: PathSegment[] = [];
    let best: SourceRange | undefined;
    let matched = 0;
    for (let i = 0; i < p.length; i++) {
      const seg = p[i]!;
      const hit = this.get([...actual, seg]);
      if (hit) {
        actual.push(seg);
        best = hit;
        matched = i + 1;
      } else if (seg === 0 && best) {
        // JSON syntax may write a single block as an object where hcl2json gives a one-element list.
        matched = i + 1;
      } else break;
    }
    return best ? { range: best, exact: matched === p.length } : undefined;
  }
}

/** Build the location index of an HCL native-syntax file. */
export function locateHcl(src: string): LocationIndex {
  const toks = tokenize(src);
  const index = new LocationIndex();
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];

  // Consume an expression up to a newline (or a closing brace of the enclosing block) at depth 0.
  const skipExpression = (): number => {
    let depth = 0;
    let last = peek()?.line ?? 1;
    while (pos < toks.length) {
      const t = toks[pos]!;
      if (depth === 0 && (t.kind === 'nl' || t.kind === '}')) break;
      if (t.kind === '{' || t.kind === '[' || t.kind === '(') depth++;
      else if (t.kind === '}' || t.kind === ']' || t.kind === ')') depth--;
      last = t.endLine;
      pos++;
    }
    return last;
  };

  const parseBody = (prefix: PathSegment[], topLevel: boolean): number => {
    const counts = new Map<string, number>();
    let lastLine = peek()?.line ?? 1;
    while (pos < toks.length) {
      const t = toks[pos]!;
      if (t.kind === 'nl') {
        pos++;
        continue;
      }
      if (t.kind === '}') {
        if (!topLevel) {
          pos++;
          return t.line;
        }
        pos++; // stray brace at top level: skip
        continue;
      }
      if (t.kind !== 'ident') {
        // Not the start of an attribute or block: skip to end of line to resynchronise.
        lastLine = skipExpression();
        if (peek()?.kind === '}' && topLevel) pos++;
        continue;
      }
      const name = t.text;
      const next = toks[pos + 1];
      if (next?.kind === '=') {
        pos += 2;
        const end = skipExpression();
        index.set([...prefix, name], { startLine: t.line, endLine: Math.max(end, t.line) });
        lastLine = end;
        continue;
      }
      // Block: ident labels* {
      const labels: string[] = [];
      let j = pos + 1;
      while (j < toks.length && (toks[j]!.kind === 'string' || toks[j]!.kind === 'ident')) {
        labels.push(unquote(toks[j]!.text));
        j++;
      }
      if (toks[j]?.kind !== '{') {
        pos++;
        lastLine = skipExpression();
        continue;
      }
      const groupKey = [name, ...labels].join(SEP);
      const idx = counts.get(groupKey) ?? 0;
      counts.set(groupKey, idx + 1);
      const blockPath = [...prefix, name, ...labels, idx];
      pos = j + 1;
      const end = parseBody(blockPath, false);
      const r = { startLine: t.line, endLine: Math.max(end, t.line) };
      // The block, and (first occurrence wins) the type/label prefixes leading to it.
      for (let len = prefix.length + 1; len <= blockPath.length; len++) index.set(blockPath.slice(0, len), r);
      lastLine = end;
    }
    return lastLine;
  };

  try {
    parseBody([], true);
  } catch (e) {
    // Blocks nested deeper than the call stack allows: keep the locations found so far (parse.ts
    // rejects such files by their nesting depth anyway).
    if (!(e instanceof RangeError)) throw e;
  }
  return index;
}
