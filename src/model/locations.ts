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

/** A LocationIndex as it crosses threads (structured clone drops the class). */
export interface LocationWire {
  entries: Array<[PathKey, SourceRange]>;
  comments: CommentSpan[];
}

/** Map from path key to the lines it spans, built once per file. */
export class LocationIndex {
  private readonly map = new Map<PathKey, SourceRange>();
  private commentSpans: CommentSpan[] = [];

  set(p: readonly PathSegment[], r: SourceRange): void {
    this.setKey(pathKey(p), r);
  }

  /** set() by an already computed pathKey(). First one wins. */
  setKey(k: PathKey, r: SourceRange): void {
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

  static fromEntries(entries: Iterable<[PathKey, SourceRange]>, comments: CommentSpan[] = []): LocationIndex {
    const index = new LocationIndex();
    for (const [k, r] of entries) index.map.set(k, r);
    index.commentSpans = comments;
    return index;
  }

  toWire(): LocationWire {
    return { entries: this.entries(), comments: this.commentSpans };
  }

  static fromWire(w: LocationWire): LocationIndex {
    return LocationIndex.fromEntries(w.entries, w.comments);
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
