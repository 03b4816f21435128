// Where things are in a source file: the lines of every block and attribute, by the path the value
// body gives it, and (HCL native syntax) the comments, for inline waivers. The parsers build it
// (src/parse/fast-hcl.ts for HCL, src/parse/json-syntax.ts for JSON); normalize, plans, waivers and
// the reports read it. Paths mirror hcl2json's output shape:
//   resource "aws_instance" "web" { metadata_options { http_tokens = ... } }
//   -> ["resource", "aws_instance", "web", 0]                                        (the block)
//   -> ["resource", "aws_instance", "web", 0, "metadata_options", 0, "http_tokens"]  (the attribute)
import type { SourceRange } from './types.js';

export type PathKey = string;
export type PathSegment = string | number;

/** Joins the segments of a path key (a character no name holds). */
export const PATH_SEP = '\u001f';
export function pathKey(p: readonly PathSegment[]): PathKey {
  return p.join(PATH_SEP);
}

/** A comment: its text (without the # or // or /* markers) and line, and whether code precedes it. */
export interface Comment {
  text: string;
  line: number;
  /** Code precedes the comment on its line. */
  trailing: boolean;
  /** The first line after the comment's line on which code starts, if any. */
  nextCodeLine?: number;
}

/** A comment as the parser records it: its text as offsets into the file's text, so no text is kept. */
export interface CommentSpan {
  /** Offsets of the text between the markers. */
  start: number;
  end: number;
  line: number;
  trailing: boolean;
  nextCodeLine?: number;
}

/** A LocationIndex as it crosses threads (structured clone drops the class): its compact form. */
export interface LocationWire {
  /** The keys, each preceded by KEY_END, and one KEY_END at the end. */
  keys: string;
  /** [startLine, endLine] of the i-th key at 2i, 2i+1. */
  lines: Int32Array;
  /** Instead, when a key holds KEY_END. */
  entries?: Array<[PathKey, SourceRange]>;
  comments: CommentSpan[];
}

/** Ends each key in the joined key text (a character no name holds, like PATH_SEP). */
const KEY_END = '\u001e';

/**
 * Map from path key to the lines it spans, built once per file. 20k files hold over a million
 * entries, so once built (freeze(), or the first read) it keeps no Map, no string per key and no
 * object per range: all keys in one joined string, looked up with indexOf (a file holds tens to a few
 * hundred keys), and the lines in one Int32Array. First one set wins.
 */
export class LocationIndex {
  /** While building: keys in first-set order, their lines, and the keys seen. */
  private pending: { keys: PathKey[]; lines: number[]; seen: Set<PathKey> } | undefined;
  /** Built: KEY_END k0 KEY_END k1 ... KEY_END. */
  private joined = KEY_END;
  /** Built: where each key starts in `joined`, ascending. */
  private starts: Uint32Array = new Uint32Array(0);
  private lines: Int32Array = new Int32Array(0);
  /** Built, when a key holds KEY_END itself (indexOf could not tell the keys apart): key -> ordinal. */
  private byKey: Map<PathKey, number> | undefined;
  private commentSpans: CommentSpan[] = [];

  set(p: readonly PathSegment[], r: SourceRange): void {
    this.setKey(pathKey(p), r);
  }

  /** set() by an already computed pathKey(). First one wins. */
  setKey(k: PathKey, r: SourceRange): void {
    const b = this.pending ?? this.thaw();
    if (b.seen.has(k)) return;
    b.seen.add(k);
    b.keys.push(k);
    b.lines.push(r.startLine, r.endLine);
  }

  /** Done setting: keep the compact form only (reads do this themselves). */
  freeze(): this {
    const b = this.pending;
    if (!b) return this;
    this.pending = undefined;
    const n = b.keys.length;
    const starts = new Uint32Array(n);
    let at = 1;
    let clash = false;
    for (let i = 0; i < n; i++) {
      const k = b.keys[i]!;
      starts[i] = at;
      at += k.length + 1;
      if (!clash && k.includes(KEY_END)) clash = true;
    }
    // One flat string (a + between strings would make a rope that keeps its parts).
    this.joined = n ? ['', ...b.keys, ''].join(KEY_END) : KEY_END;
    this.starts = starts;
    this.lines = Int32Array.from(b.lines);
    this.byKey = clash ? new Map(b.keys.map((k, i) => [k, i])) : undefined;
    return this;
  }

  /** Back to building (a set() after the index was built). */
  private thaw(): NonNullable<LocationIndex['pending']> {
    const keys = [...this.keys()];
    const b = { keys, lines: Array.from(this.lines), seen: new Set(keys) };
    this.pending = b;
    this.joined = KEY_END;
    this.starts = new Uint32Array(0);
    this.lines = new Int32Array(0);
    this.byKey = undefined;
    return b;
  }

  private ordinal(k: PathKey): number {
    this.freeze();
    if (this.byKey) return this.byKey.get(k) ?? -1;
    const at = this.joined.indexOf(KEY_END + k + KEY_END);
    if (at < 0) return -1;
    // The key starts at at + 1: find it among the starts.
    const want = at + 1;
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = starts[mid]!;
      if (s === want) return mid;
      if (s < want) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private rangeAt(i: number): SourceRange {
    return { startLine: this.lines[2 * i]!, endLine: this.lines[2 * i + 1]! };
  }

  get(p: readonly PathSegment[]): SourceRange | undefined {
    const i = this.ordinal(pathKey(p));
    return i < 0 ? undefined : this.rangeAt(i);
  }

  get size(): number {
    return this.pending ? this.pending.keys.length : this.starts.length;
  }

  *keys(): IterableIterator<PathKey> {
    this.freeze();
    const { joined, starts } = this;
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i]!;
      yield joined.slice(s, i + 1 < starts.length ? starts[i + 1]! - 1 : joined.length - 1);
    }
  }

  *ranges(): IterableIterator<SourceRange> {
    this.freeze();
    for (let i = 0; i < this.starts.length; i++) yield this.rangeAt(i);
  }

  /** Plain entries, in the order they were first set. */
  entries(): Array<[PathKey, SourceRange]> {
    let i = 0;
    const out: Array<[PathKey, SourceRange]> = [];
    for (const k of this.keys()) out.push([k, this.rangeAt(i++)]);
    return out;
  }

  static fromEntries(entries: Iterable<[PathKey, SourceRange]>, comments: CommentSpan[] = []): LocationIndex {
    const index = new LocationIndex();
    for (const [k, r] of entries) index.setKey(k, r);
    index.commentSpans = comments;
    return index.freeze();
  }

  toWire(): LocationWire {
    this.freeze();
    if (this.byKey) return { keys: KEY_END, lines: new Int32Array(0), entries: this.entries(), comments: this.commentSpans };
    return { keys: this.joined, lines: this.lines, comments: this.commentSpans };
  }

  static fromWire(w: LocationWire): LocationIndex {
    if (w.entries) return LocationIndex.fromEntries(w.entries, w.comments);
    const index = new LocationIndex();
    const n = w.lines.length / 2;
    const starts = new Uint32Array(n);
    let at = 1;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at = w.keys.indexOf(KEY_END, at) + 1;
    }
    index.joined = w.keys;
    index.starts = starts;
    index.lines = w.lines;
    index.commentSpans = w.comments;
    return index;
  }

  /** Record the file's comments (the HCL parser does, in source order). */
  setComments(spans: CommentSpan[]): void {
    this.commentSpans = spans;
  }

  /** The file's comments, their text taken from `text` (the text this index was built from). */
  comments(text: string): Comment[] {
    return this.commentSpans.map((c) => ({
      // A line comment ends at the newline: in CRLF files its \r is not part of the text.
      text: text.slice(c.start, c.end).replace(/\r$/, ''),
      line: c.line,
      trailing: c.trailing,
      ...(c.nextCodeLine !== undefined ? { nextCodeLine: c.nextCodeLine } : {}),
    }));
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
