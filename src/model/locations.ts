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

/** A generated block's path in the output, and the path of the source it came from (a `dynamic` block's content). */
export interface Remap {
  from: PathSegment[];
  to: PathSegment[];
}

/** Whether `prefix` is where path p starts (segment by segment). */
export function hasPrefix(p: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= p.length && prefix.every((s, i) => s === p[i]);
}

/** A path as written: the longest remap whose `from` is a prefix of it moved to its `to`. */
export function remapPath(p: readonly PathSegment[], remaps: readonly Remap[]): readonly PathSegment[] {
  let best: Remap | undefined;
  for (const r of remaps) {
    if (hasPrefix(p, r.from) && (!best || r.from.length > best.from.length)) best = r;
  }
  return best ? [...best.to, ...p.slice(best.from.length)] : p;
}

/** A LocationIndex as it crosses threads (structured clone drops the class): its compact form. */
export interface LocationWire {
  nodes: string;
  starts: Uint32Array;
  parents: Int32Array;
  lines: Int32Array;
  order: Uint32Array;
  /** Instead, when a key holds KEY_END. */
  entries?: Array<[PathKey, SourceRange]>;
  comments: CommentSpan[];
}

/** Ends each node in the joined node text (a character no name holds, like PATH_SEP). */
const KEY_END = '\u001e';
const SEP_CODE = PATH_SEP.charCodeAt(0);

/**
 * Map from path key to the lines it spans, built once per file. 20k files hold over a million
 * entries whose keys repeat their prefixes (all of a block's attributes start with the block's
 * path), so once built (freeze(), or the first read) it keeps no Map and no string or object per
 * entry: the paths as a tree of nodes, each node written once in one joined string as
 * KEY_END <parent node, base 36> PATH_SEP <last segment>, found with indexOf (a file holds tens to a
 * few hundred nodes); lines, parents and the order keys were set in, in typed arrays. A node that is
 * only a prefix of keys has lines -1. First one set wins.
 */
export class LocationIndex {
  /** While building: keys in first-set order, their lines, and the keys seen. */
  private pending: { keys: PathKey[]; lines: number[]; seen: Set<PathKey> } | undefined;
  private nodes = KEY_END;
  /** Where each node's last segment starts in `nodes`, ascending. */
  private starts: Uint32Array = new Uint32Array(0);
  /** Each node's parent node, -1 at the top. */
  private parents: Int32Array = new Int32Array(0);
  /** [startLine, endLine] of node i at 2i, 2i+1; -1 where no key ends at the node. */
  private lines: Int32Array = new Int32Array(0);
  /** The nodes keys end at, in the order the keys were first set. */
  private order: Uint32Array = new Uint32Array(0);
  /** Instead, when a key holds KEY_END (indexOf could not tell the nodes apart). */
  private byKey: Map<PathKey, SourceRange> | undefined;
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
    if (b.keys.some((k) => k.includes(KEY_END))) {
      this.byKey = new Map(b.keys.map((k, i) => [k, { startLine: b.lines[2 * i]!, endLine: b.lines[2 * i + 1]! }]));
      return this;
    }
    const node = new Map<string, number>();
    const parts: string[] = [];
    const starts: number[] = [];
    const parents: number[] = [];
    const lines: number[] = [];
    const order = new Uint32Array(b.keys.length);
    let at = 0;
    // The previous key, the nodes of its segments and where each segment ends in it: keys come in
    // source order, so most share all but their last segments with the key before them, and those
    // segments' nodes are taken from here instead of being split, joined and hashed again.
    let prev = '';
    const chain: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < b.keys.length; i++) {
      const k = b.keys[i]!;
      let depth = 0;
      if (i > 0) {
        const max = Math.min(k.length, prev.length);
        let same = 0;
        while (same < max && k.charCodeAt(same) === prev.charCodeAt(same)) same++;
        // A segment of the previous key is shared when all of it is, and k's segment ends there too.
        while (depth < chain.length && ends[depth]! <= same && (ends[depth] === k.length || k.charCodeAt(ends[depth]!) === SEP_CODE)) depth++;
      }
      chain.length = depth;
      ends.length = depth;
      let parent = depth > 0 ? chain[depth - 1]! : -1;
      // Where the next segment starts: past k's end when the last shared segment ends k.
      let from = depth > 0 ? ends[depth - 1]! + 1 : 0;
      while (from <= k.length) {
        const cut = k.indexOf(PATH_SEP, from);
        const end = cut < 0 ? k.length : cut;
        const seg = k.slice(from, end);
        // A node is known by its part (parent, separator, last segment), which is short: keying the
        // map by every prefix of every key built and hashed strings as long as the keys, depth times.
        const head = (parent < 0 ? '' : parent.toString(36)) + PATH_SEP;
        const part = head + seg;
        let n = node.get(part);
        if (n === undefined) {
          n = parents.length;
          node.set(part, n);
          parts.push(part);
          starts.push(at + 1 + head.length);
          at += 1 + part.length;
          parents.push(parent);
          lines.push(-1, -1);
        }
        parent = n;
        chain.push(n);
        ends.push(end);
        depth++;
        if (cut < 0) break;
        from = cut + 1;
      }
      lines[2 * parent] = b.lines[2 * i]!;
      lines[2 * parent + 1] = b.lines[2 * i + 1]!;
      order[i] = parent;
      prev = k;
    }
    // One flat string (a + between strings would make a rope that keeps its parts).
    this.nodes = ['', ...parts, ''].join(KEY_END);
    this.starts = Uint32Array.from(starts);
    this.parents = Int32Array.from(parents);
    this.lines = Int32Array.from(lines);
    this.order = order;
    return this;
  }

  /** Back to building (a set() after the index was built). */
  private thaw(): NonNullable<LocationIndex['pending']> {
    const entries = this.entries();
    const b = { keys: entries.map(([k]) => k), lines: entries.flatMap(([, r]) => [r.startLine, r.endLine]), seen: new Set(entries.map(([k]) => k)) };
    this.pending = b;
    this.nodes = KEY_END;
    this.starts = new Uint32Array(0);
    this.parents = new Int32Array(0);
    this.lines = new Int32Array(0);
    this.order = new Uint32Array(0);
    this.byKey = undefined;
    return b;
  }

  /** The node of key `k`, or -1. */
  private find(k: PathKey): number {
    let parent = -1;
    for (const seg of k.split(PATH_SEP)) {
      const head = KEY_END + (parent < 0 ? '' : parent.toString(36)) + PATH_SEP;
      const at = this.nodes.indexOf(head + seg + KEY_END);
      if (at < 0) return -1;
      const want = at + head.length;
      const starts = this.starts;
      let lo = 0;
      let hi = starts.length - 1;
      parent = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const s = starts[mid]!;
        if (s === want) {
          parent = mid;
          break;
        }
        if (s < want) lo = mid + 1;
        else hi = mid - 1;
      }
      if (parent < 0) return -1;
    }
    return parent;
  }

  private rangeAt(n: number): SourceRange {
    return { startLine: this.lines[2 * n]!, endLine: this.lines[2 * n + 1]! };
  }

  private keyAt(n: number): PathKey {
    const segs: string[] = [];
    for (let i = n; i >= 0; i = this.parents[i]!) {
      const s = this.starts[i]!;
      segs.push(this.nodes.slice(s, this.nodes.indexOf(KEY_END, s)));
    }
    return segs.reverse().join(PATH_SEP);
  }

  get(p: readonly PathSegment[]): SourceRange | undefined {
    this.freeze();
    const k = pathKey(p);
    if (this.byKey) return this.byKey.get(k);
    const n = this.find(k);
    return n < 0 || this.lines[2 * n]! < 0 ? undefined : this.rangeAt(n);
  }

  get size(): number {
    if (this.pending) return this.pending.keys.length;
    return this.byKey ? this.byKey.size : this.order.length;
  }

  *keys(): IterableIterator<PathKey> {
    this.freeze();
    if (this.byKey) return yield* this.byKey.keys();
    for (const n of this.order) yield this.keyAt(n);
  }

  *ranges(): IterableIterator<SourceRange> {
    this.freeze();
    if (this.byKey) return yield* this.byKey.values();
    for (const n of this.order) yield this.rangeAt(n);
  }

  /** Plain entries, in the order they were first set. */
  entries(): Array<[PathKey, SourceRange]> {
    this.freeze();
    if (this.byKey) return [...this.byKey];
    return Array.from(this.order, (n) => [this.keyAt(n), this.rangeAt(n)]);
  }

  static fromEntries(entries: Iterable<[PathKey, SourceRange]>, comments: CommentSpan[] = []): LocationIndex {
    const index = new LocationIndex();
    for (const [k, r] of entries) index.setKey(k, r);
    index.commentSpans = comments;
    return index.freeze();
  }

  toWire(): LocationWire {
    this.freeze();
    const { nodes, starts, parents, lines, order, commentSpans: comments } = this;
    return { nodes, starts, parents, lines, order, comments, ...(this.byKey ? { entries: [...this.byKey] } : {}) };
  }

  static fromWire(w: LocationWire): LocationIndex {
    if (w.entries) return LocationIndex.fromEntries(w.entries, w.comments);
    const index = new LocationIndex();
    index.nodes = w.nodes;
    index.starts = w.starts;
    index.parents = w.parents;
    index.lines = w.lines;
    index.order = w.order;
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
