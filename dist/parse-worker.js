import { createRequire as __cgCreateRequire } from 'node:module';
import { fileURLToPath as __cgFileURLToPath } from 'node:url';
import { dirname as __cgDirname } from 'node:path';
const require = __cgCreateRequire(import.meta.url);
const __filename = __cgFileURLToPath(import.meta.url);
const __dirname = __cgDirname(__filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/model/locations.ts
function pathKey(p) {
  return p.join(PATH_SEP);
}
var PATH_SEP, KEY_END, SEP_CODE, LocationIndex;
var init_locations = __esm({
  "src/model/locations.ts"() {
    "use strict";
    PATH_SEP = "";
    KEY_END = "";
    SEP_CODE = PATH_SEP.charCodeAt(0);
    LocationIndex = class _LocationIndex {
      /** While building: keys in first-set order, their lines, and the keys seen. */
      pending;
      nodes = KEY_END;
      /** Where each node's last segment starts in `nodes`, ascending. */
      starts = new Uint32Array(0);
      /** Each node's parent node, -1 at the top. */
      parents = new Int32Array(0);
      /** [startLine, endLine] of node i at 2i, 2i+1; -1 where no key ends at the node. */
      lines = new Int32Array(0);
      /** The nodes keys end at, in the order the keys were first set. */
      order = new Uint32Array(0);
      /** Instead, when a key holds KEY_END (indexOf could not tell the nodes apart). */
      byKey;
      commentSpans = [];
      set(p, r) {
        this.setKey(pathKey(p), r);
      }
      /** set() by an already computed pathKey(). First one wins. */
      setKey(k, r) {
        const b = this.pending ?? this.thaw();
        if (b.seen.has(k)) return;
        b.seen.add(k);
        b.keys.push(k);
        b.lines.push(r.startLine, r.endLine);
      }
      /** Done setting: keep the compact form only (reads do this themselves). */
      freeze() {
        const b = this.pending;
        if (!b) return this;
        this.pending = void 0;
        if (b.keys.some((k) => k.includes(KEY_END))) {
          this.byKey = new Map(b.keys.map((k, i) => [k, { startLine: b.lines[2 * i], endLine: b.lines[2 * i + 1] }]));
          return this;
        }
        const node = /* @__PURE__ */ new Map();
        const parts = [];
        const starts = [];
        const parents = [];
        const lines = [];
        const order = new Uint32Array(b.keys.length);
        let at = 0;
        let prev = "";
        const chain = [];
        const ends = [];
        for (let i = 0; i < b.keys.length; i++) {
          const k = b.keys[i];
          let depth = 0;
          if (i > 0) {
            const max = Math.min(k.length, prev.length);
            let same = 0;
            while (same < max && k.charCodeAt(same) === prev.charCodeAt(same)) same++;
            while (depth < chain.length && ends[depth] <= same && (ends[depth] === k.length || k.charCodeAt(ends[depth]) === SEP_CODE)) depth++;
          }
          chain.length = depth;
          ends.length = depth;
          let parent = depth > 0 ? chain[depth - 1] : -1;
          let from = depth > 0 ? ends[depth - 1] + 1 : 0;
          while (from <= k.length) {
            const cut = k.indexOf(PATH_SEP, from);
            const end = cut < 0 ? k.length : cut;
            const seg = k.slice(from, end);
            const head = (parent < 0 ? "" : parent.toString(36)) + PATH_SEP;
            const part = head + seg;
            let n = node.get(part);
            if (n === void 0) {
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
          lines[2 * parent] = b.lines[2 * i];
          lines[2 * parent + 1] = b.lines[2 * i + 1];
          order[i] = parent;
          prev = k;
        }
        this.nodes = ["", ...parts, ""].join(KEY_END);
        this.starts = Uint32Array.from(starts);
        this.parents = Int32Array.from(parents);
        this.lines = Int32Array.from(lines);
        this.order = order;
        return this;
      }
      /** Back to building (a set() after the index was built). */
      thaw() {
        const entries = this.entries();
        const b = { keys: entries.map(([k]) => k), lines: entries.flatMap(([, r]) => [r.startLine, r.endLine]), seen: new Set(entries.map(([k]) => k)) };
        this.pending = b;
        this.nodes = KEY_END;
        this.starts = new Uint32Array(0);
        this.parents = new Int32Array(0);
        this.lines = new Int32Array(0);
        this.order = new Uint32Array(0);
        this.byKey = void 0;
        return b;
      }
      /** The node of key `k`, or -1. */
      find(k) {
        let parent = -1;
        for (const seg of k.split(PATH_SEP)) {
          const head = KEY_END + (parent < 0 ? "" : parent.toString(36)) + PATH_SEP;
          const at = this.nodes.indexOf(head + seg + KEY_END);
          if (at < 0) return -1;
          const want = at + head.length;
          const starts = this.starts;
          let lo = 0;
          let hi = starts.length - 1;
          parent = -1;
          while (lo <= hi) {
            const mid = lo + hi >>> 1;
            const s = starts[mid];
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
      rangeAt(n) {
        return { startLine: this.lines[2 * n], endLine: this.lines[2 * n + 1] };
      }
      keyAt(n) {
        const segs = [];
        for (let i = n; i >= 0; i = this.parents[i]) {
          const s = this.starts[i];
          segs.push(this.nodes.slice(s, this.nodes.indexOf(KEY_END, s)));
        }
        return segs.reverse().join(PATH_SEP);
      }
      get(p) {
        this.freeze();
        const k = pathKey(p);
        if (this.byKey) return this.byKey.get(k);
        const n = this.find(k);
        return n < 0 || this.lines[2 * n] < 0 ? void 0 : this.rangeAt(n);
      }
      get size() {
        if (this.pending) return this.pending.keys.length;
        return this.byKey ? this.byKey.size : this.order.length;
      }
      *keys() {
        this.freeze();
        if (this.byKey) return yield* this.byKey.keys();
        for (const n of this.order) yield this.keyAt(n);
      }
      *ranges() {
        this.freeze();
        if (this.byKey) return yield* this.byKey.values();
        for (const n of this.order) yield this.rangeAt(n);
      }
      /** Plain entries, in the order they were first set. */
      entries() {
        this.freeze();
        if (this.byKey) return [...this.byKey];
        return Array.from(this.order, (n) => [this.keyAt(n), this.rangeAt(n)]);
      }
      static fromEntries(entries, comments = []) {
        const index = new _LocationIndex();
        for (const [k, r] of entries) index.setKey(k, r);
        index.commentSpans = comments;
        return index.freeze();
      }
      toWire() {
        this.freeze();
        const { nodes, starts, parents, lines, order, commentSpans: comments } = this;
        return { nodes, starts, parents, lines, order, comments, ...this.byKey ? { entries: [...this.byKey] } : {} };
      }
      static fromWire(w) {
        if (w.entries) return _LocationIndex.fromEntries(w.entries, w.comments);
        const index = new _LocationIndex();
        index.nodes = w.nodes;
        index.starts = w.starts;
        index.parents = w.parents;
        index.lines = w.lines;
        index.order = w.order;
        index.commentSpans = w.comments;
        return index;
      }
      /** Record the file's comments (the HCL parser does, in source order). */
      setComments(spans) {
        this.commentSpans = spans;
      }
      /** The file's comments, their text taken from `text` (the text this index was built from). */
      comments(text) {
        return this.commentSpans.map((c) => ({
          // A line comment ends at the newline: in CRLF files its \r is not part of the text.
          text: text.slice(c.start, c.end).replace(/\r$/, ""),
          line: c.line,
          trailing: c.trailing,
          ...c.nextCodeLine !== void 0 ? { nextCodeLine: c.nextCodeLine } : {}
        }));
      }
      /**
       * The range of `p`, or of its closest existing ancestor when `p` itself is absent (a missing
       * attribute is reported on its block's line).
       */
      resolve(p) {
        const actual = [];
        let best;
        let matched = 0;
        for (let i = 0; i < p.length; i++) {
          const seg = p[i];
          const hit = this.get([...actual, seg]);
          if (hit) {
            actual.push(seg);
            best = hit;
            matched = i + 1;
          } else if (seg === 0 && best) {
            matched = i + 1;
          } else break;
        }
        return best ? { range: best, exact: matched === p.length } : void 0;
      }
    };
  }
});

// src/parse/errors.ts
var HclSyntaxError, HclParserCrash;
var init_errors = __esm({
  "src/parse/errors.ts"() {
    "use strict";
    HclSyntaxError = class extends Error {
      constructor(message, range) {
        super(message);
        this.range = range;
        this.name = "HclSyntaxError";
      }
      range;
    };
    HclParserCrash = class extends Error {
      constructor(message) {
        super(message);
        this.name = "HclParserCrash";
      }
    };
  }
});

// src/parse/ast.ts
var SPLAT_ITEM, ParseError;
var init_ast = __esm({
  "src/parse/ast.ts"() {
    "use strict";
    SPLAT_ITEM = "[*]";
    ParseError = class extends Error {
      constructor(message) {
        super(message);
        this.name = "ParseError";
      }
    };
  }
});

// src/parse/lines.ts
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
function lineOf(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
var init_lines = __esm({
  "src/parse/lines.ts"() {
    "use strict";
  }
});

// src/parse/hcl-tokens.ts
var ParseTimeoutError, FAST_HCL_MAX_DEPTH, Src, LineCursor;
var init_hcl_tokens = __esm({
  "src/parse/hcl-tokens.ts"() {
    "use strict";
    init_errors();
    init_lines();
    ParseTimeoutError = class extends Error {
      constructor(message = "HCL parse exceeded its time limit") {
        super(message);
        this.name = "ParseTimeoutError";
      }
    };
    FAST_HCL_MAX_DEPTH = 500;
    Src = class {
      constructor(text) {
        this.text = text;
      }
      text;
      lineStarts;
      /** 1-based line of an offset. */
      line(offset) {
        this.lineStarts ??= lineStarts(this.text);
        return lineOf(this.lineStarts, offset);
      }
      pos(offset) {
        this.lineStarts ??= lineStarts(this.text);
        const ls = this.lineStarts;
        const lo = lineOf(ls, offset) - 1;
        let col = 1;
        for (let i = ls[lo]; i < offset && i < this.text.length; i++) {
          const c = this.text.charCodeAt(i);
          if (c >= 56320 && c <= 57343 && i > ls[lo]) {
            const p = this.text.charCodeAt(i - 1);
            if (p >= 55296 && p <= 56319) continue;
          }
          col++;
        }
        return { line: lo + 1, col };
      }
      range(s, e) {
        const a = this.pos(s);
        const b = this.pos(Math.max(e, s));
        return { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
      }
      fail(s, e, summary, detail) {
        throw new HclSyntaxError(`${summary}: ${detail}`, this.range(s, e));
      }
    };
    LineCursor = class {
      constructor(src) {
        this.src = src;
      }
      src;
      at = 0;
      line = 1;
      lineOf(offset) {
        if (offset < this.at) return this.src.line(offset);
        const text = this.src.text;
        for (let i = text.indexOf("\n", this.at); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) this.line++;
        this.at = offset;
        return this.line;
      }
    };
  }
});

// src/util/go-space.ts
function goTrimSpace(s) {
  return s.replace(GO_SPACE_START, "").replace(GO_SPACE_END, "");
}
var CLASS, GO_SPACE, GO_SPACE_START, GO_SPACE_END;
var init_go_space = __esm({
  "src/util/go-space.ts"() {
    "use strict";
    CLASS = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
    GO_SPACE = new RegExp(CLASS, "u");
    GO_SPACE_START = new RegExp(`^${CLASS}+`, "u");
    GO_SPACE_END = new RegExp(`${CLASS}+$`, "u");
  }
});

// src/parse/hcl-scanner.ts
function isIdStartCode(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95;
}
function isIdPartCode(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c >= 48 && c <= 57 || c === 45;
}
function commentSpans(src, toks, raw) {
  const text = src.text;
  const lines = new LineCursor(src);
  const nextLines = new LineCursor(src);
  return raw.map((c) => {
    const line = lines.lineOf(c.s);
    let before = -1;
    let k = c.at - 1;
    if (k >= 0 && toks[k].t !== 1 /* NL */) {
      for (let depth = 0; k >= 0; k--) {
        const t = toks[k].t;
        if (isClose(t)) depth++;
        else if (isOpen(t)) depth--;
        if (depth <= 0) break;
      }
      before = toks[Math.max(k, 0)].s;
    }
    const trailing = before >= 0 && text.lastIndexOf("\n", c.s) < before;
    let next = -1;
    for (let j = c.at, depth = 0; j < toks.length; j++) {
      const tok = toks[j];
      if (tok.t === 0 /* EOF */) break;
      if (depth === 0 && tok.t !== 1 /* NL */ && text.lastIndexOf("\n", tok.s) > c.s) {
        next = tok.s;
        break;
      }
      if (isOpen(tok.t)) depth++;
      else if (isClose(tok.t)) depth--;
    }
    return { start: c.start, end: c.end, line, trailing, ...next >= 0 ? { nextCodeLine: nextLines.lineOf(next) } : {} };
  });
}
function scan(src, deadline, comments, template = false) {
  const text = src.text;
  const n = text.length;
  const toks = [];
  const modes = [template ? { m: 2, marker: void 0, bol: false } : { m: 0, interp: false, braces: 0 }];
  let i = 0;
  let clock = 0;
  const push = (t, s, e) => {
    const tok = { t, s, e };
    toks.push(tok);
    if (deadline !== void 0 && ++clock % CLOCK_EVERY === 0 && Date.now() > deadline) throw new ParseTimeoutError();
    return tok;
  };
  const comment = (s, start, end) => {
    if (modes.length === 1) comments.push({ s, start, end, at: toks.length });
  };
  const invalid = (s, e, summary, detail) => src.fail(s, e, summary, detail);
  const cpLen = (at) => {
    const c = text.charCodeAt(at);
    return c >= 55296 && c <= 56319 && at + 1 < n ? 2 : 1;
  };
  const identEnd = (at) => {
    let j = at;
    for (; ; ) {
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
  const isIdStartAt = (at) => {
    const c = text.charCodeAt(at);
    if (isIdStartCode(c)) return true;
    if (c < 128 || at >= n) return false;
    return UNI_START.test(text.slice(at, at + cpLen(at)));
  };
  while (i < n) {
    const mode = modes[modes.length - 1];
    if (mode.m === 1) {
      const c2 = text.charCodeAt(i);
      if (c2 === 34) {
        push(23 /* CQUOTE */, i, i + 1);
        i++;
        modes.pop();
        continue;
      }
      if ((c2 === 36 || c2 === 37) && text.charCodeAt(i + 1) === 123) {
        const strip = text.charCodeAt(i + 2) === 126;
        push(c2 === 36 ? 25 /* TINTERP */ : 26 /* TCONTROL */, i, i + (strip ? 3 : 2)).strip = strip;
        i += strip ? 3 : 2;
        modes.push({ m: 0, interp: true, braces: 0 });
        continue;
      }
      if (c2 === 10 || c2 === 13) {
        invalid(i, i + (c2 === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1), "Invalid multi-line string", 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.');
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
      push(24 /* QLIT */, s, i);
      continue;
    }
    if (mode.m === 2) {
      if (mode.bol && mode.marker !== void 0) {
        let eol = text.indexOf("\n", i);
        if (eol >= 0) {
          const line = text.slice(i, eol);
          if (goTrimSpace(line) === mode.marker) {
            const end = text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
            push(29 /* CHEREDOC */, i, end);
            i = end;
            modes.pop();
            continue;
          }
        } else eol = n;
      }
      const c2 = text.charCodeAt(i);
      if ((c2 === 36 || c2 === 37) && text.charCodeAt(i + 1) === 123) {
        const strip = text.charCodeAt(i + 2) === 126;
        push(c2 === 36 ? 25 /* TINTERP */ : 26 /* TCONTROL */, i, i + (strip ? 3 : 2)).strip = strip;
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
        if (d === 13 && text.charCodeAt(i + 1) !== 10) invalid(i, i + 1, "Invalid character", "This character is not used within the language.");
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
      push(30 /* SLIT */, s, i);
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10) {
      push(1 /* NL */, i, i + 1);
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      push(1 /* NL */, i, i + 2);
      i += 2;
      continue;
    }
    if (c === 35 || c === 47 && text.charCodeAt(i + 1) === 47) {
      const s = i;
      while (i < n && text.charCodeAt(i) !== 10 && !(text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)) i++;
      comment(s, s + (c === 35 ? 1 : 2), text.charCodeAt(i) === 13 ? i + 1 : i);
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf("*/", i + 2);
      if (end >= 0) {
        comment(i, i + 2, end);
        i = end + 2;
        continue;
      }
    }
    if (c === 34) {
      push(22 /* OQUOTE */, i, i + 1);
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
          const tok = push(28 /* OHEREDOC */, i, me + nlLen);
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
      push(3 /* NUMBER */, i, j);
      i = j;
      continue;
    }
    if (isIdStartAt(i)) {
      const j = identEnd(i);
      push(2 /* IDENT */, i, j);
      i = j;
      continue;
    }
    const c1 = text.charCodeAt(i + 1);
    switch (c) {
      case 123:
        if (mode.interp) mode.braces++;
        push(4 /* OBRACE */, i, i + 1);
        i++;
        continue;
      case 125:
        if (mode.interp && mode.braces === 0) {
          push(27 /* TSEQEND */, i, i + 1);
          modes.pop();
        } else {
          if (mode.interp) mode.braces--;
          push(5 /* CBRACE */, i, i + 1);
        }
        i++;
        continue;
      case 126:
        if (c1 === 125 && mode.interp && mode.braces === 0) {
          push(27 /* TSEQEND */, i, i + 2).strip = true;
          modes.pop();
          i += 2;
          continue;
        }
        invalid(i, i + 1, "Unsupported operator", "Bitwise operators are not supported.");
        break;
      case 91:
        push(6 /* OBRACK */, i, ++i);
        continue;
      case 93:
        push(7 /* CBRACK */, i, ++i);
        continue;
      case 40:
        push(8 /* OPAREN */, i, ++i);
        continue;
      case 41:
        push(9 /* CPAREN */, i, ++i);
        continue;
      case 44:
        push(10 /* COMMA */, i, ++i);
        continue;
      case 46:
        if (c1 === 46 && text.charCodeAt(i + 2) === 46) {
          push(12 /* ELLIPSIS */, i, i + 3);
          i += 3;
        } else push(11 /* DOT */, i, ++i);
        continue;
      case 63:
        push(13 /* QUESTION */, i, ++i);
        continue;
      case 58:
        if (c1 === 58) {
          push(15 /* DCOLON */, i, i + 2);
          i += 2;
        } else push(14 /* COLON */, i, ++i);
        continue;
      case 61:
        if (c1 === 61) {
          push(18 /* OP */, i, i + 2);
          i += 2;
        } else if (c1 === 62) {
          push(17 /* FATARROW */, i, i + 2);
          i += 2;
        } else push(16 /* EQUAL */, i, ++i);
        continue;
      case 33:
        if (c1 === 61) {
          push(18 /* OP */, i, i + 2);
          i += 2;
        } else push(20 /* BANG */, i, ++i);
        continue;
      case 60:
      // <
      case 62:
        if (c1 === 61) {
          push(18 /* OP */, i, i + 2);
          i += 2;
        } else push(18 /* OP */, i, ++i);
        continue;
      case 38:
        if (c1 === 38) {
          push(18 /* OP */, i, i + 2);
          i += 2;
          continue;
        }
        invalid(i, i + 1, "Unsupported operator", 'Bitwise operators are not supported. Did you mean boolean AND ("&&")?');
        break;
      case 124:
        if (c1 === 124) {
          push(18 /* OP */, i, i + 2);
          i += 2;
          continue;
        }
        invalid(i, i + 1, "Unsupported operator", 'Bitwise operators are not supported. Did you mean boolean OR ("||")?');
        break;
      case 43:
      case 47:
      case 37:
        push(18 /* OP */, i, ++i);
        continue;
      case 42:
        push(21 /* STAR */, i, ++i);
        continue;
      case 45:
        push(19 /* MINUS */, i, ++i);
        continue;
      case 94:
        invalid(i, i + 1, "Unsupported operator", "Bitwise operators are not supported.");
        break;
      case 39:
        invalid(i, i + 1, "Invalid character", 'Single quotes are not valid. Use double quotes (") to enclose strings.');
        break;
      case 59:
        invalid(i, i + 1, "Invalid character", 'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.');
        break;
      default:
        break;
    }
    invalid(i, i + cpLen(i), "Invalid character", "This character is not used within the language.");
  }
  toks.push({ t: 0 /* EOF */, s: n, e: n });
  return toks;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
var CLOCK_EVERY, UNI_START, UNI_PART, isOpen, isClose;
var init_hcl_scanner = __esm({
  "src/parse/hcl-scanner.ts"() {
    "use strict";
    init_hcl_tokens();
    init_go_space();
    CLOCK_EVERY = 4096;
    UNI_START = /[\p{ID_Start}]/u;
    UNI_PART = /[\p{ID_Continue}]/u;
    isOpen = (t) => t === 22 /* OQUOTE */ || t === 28 /* OHEREDOC */;
    isClose = (t) => t === 23 /* CQUOTE */ || t === 29 /* CHEREDOC */;
  }
});

// src/parse/hcl-syntax.ts
var PRECEDENCE;
var init_hcl_syntax = __esm({
  "src/parse/hcl-syntax.ts"() {
    "use strict";
    PRECEDENCE = { "||": 0, "&&": 1, "==": 2, "!=": 2, "<": 3, "<=": 3, ">": 3, ">=": 3, "+": 4, "-": 4, "*": 5, "/": 5, "%": 5 };
  }
});

// src/parse/hcl-parser.ts
function flushHeredoc(flat) {
  if (!flat.length) return;
  let minSpaces = Number.MAX_SAFE_INTEGER;
  let newline = true;
  const adjust = [];
  for (const it of flat) {
    if (newline) {
      newline = false;
      let spaces;
      if (it.f === 0) {
        const trimmed = it.v.replace(GO_SPACE_START, "");
        if (trimmed.length === 0 && it.v.endsWith("\n")) spaces = Number.MAX_SAFE_INTEGER;
        else {
          spaces = [...it.v.slice(0, it.v.length - trimmed.length)].length;
          adjust.push(it);
        }
      } else spaces = 0;
      if (spaces < minSpaces) minSpaces = spaces;
    }
    if (it.f === 0 && it.v.endsWith("\n")) newline = true;
  }
  if (minSpaces === Number.MAX_SAFE_INTEGER) return;
  for (const it of adjust) {
    let cut = 0;
    for (let k = 0; k < minSpaces && cut < it.v.length; k++) cut += it.v.codePointAt(cut) > 65535 ? 2 : 1;
    it.v = it.v.slice(cut);
  }
}
var Parser, OPENER, NO_STOPS, IF_STOPS, ENDIF_STOP, ENDFOR_STOP;
var init_hcl_parser = __esm({
  "src/parse/hcl-parser.ts"() {
    "use strict";
    init_errors();
    init_locations();
    init_hcl_tokens();
    init_hcl_scanner();
    init_go_space();
    init_hcl_syntax();
    Parser = class {
      constructor(src, toks, deadline) {
        this.src = src;
        this.toks = toks;
        this.deadline = deadline;
        this.lines = new LineCursor(src);
      }
      src;
      toks;
      deadline;
      /** The lines of every block and attribute, recorded as they are parsed. */
      locations = new LocationIndex();
      lines;
      pos = 0;
      nl = true;
      nlStack = [];
      depth = 0;
      steps = 0;
      get text() {
        return this.src.text;
      }
      fail(tok, summary, detail) {
        this.src.fail(tok.s, tok.e, summary, detail);
      }
      pushNl(v) {
        this.nlStack.push(this.nl);
        this.nl = v;
      }
      popNl() {
        this.nl = this.nlStack.pop();
      }
      peek() {
        if (!this.nl) while (this.toks[this.pos].t === 1 /* NL */) this.pos++;
        return this.toks[this.pos];
      }
      read() {
        const t = this.peek();
        if (t.t !== 0 /* EOF */) this.pos++;
        if (this.deadline !== void 0 && ++this.steps % CLOCK_EVERY === 0 && Date.now() > this.deadline) throw new ParseTimeoutError();
        return t;
      }
      /** Read the raw next token (template context: no newline skipping). */
      readRaw() {
        const t = this.toks[this.pos];
        if (t.t !== 0 /* EOF */) this.pos++;
        return t;
      }
      /** hclsyntax's recover(): the next unmatched `close` token, or EOF. */
      recoverTo(open, close) {
        let nest = 0;
        for (let p = this.pos; p < this.toks.length; p++) {
          const t = this.toks[p];
          if (t.t === open) nest++;
          else if (t.t === close) {
            if (nest < 1) return t;
            nest--;
          } else if (t.t === 0 /* EOF */) return t;
        }
        return this.toks[this.toks.length - 1];
      }
      enter(at) {
        if (++this.depth > FAST_HCL_MAX_DEPTH) this.fail(at, "Nesting too deep", `nesting deeper than ${FAST_HCL_MAX_DEPTH} levels`);
      }
      leave() {
        this.depth--;
      }
      word(t) {
        return this.text.slice(t.s, t.e);
      }
      // ----- bodies
      parseFile() {
        return this.parseBody(0 /* EOF */, void 0, "");
      }
      /** A whole text as one expression, newlines insignificant (parseExpressionText). */
      parseWholeExpression() {
        this.pushNl(false);
        const x = this.parseExpression();
        const end = this.peek();
        if (end.t !== 0 /* EOF */) this.fail(end, "Extra characters after expression", "Expected the end of the expression, but found extra characters.");
        return x;
      }
      /**
       * Record the lines from the token at `s` to the character at `last` under a path key (first one
       * wins, in source order; a block after what it holds, as the locations were always recorded).
       */
      locate(key, startLine, last) {
        const endLine = this.lines.lineOf(last);
        this.locations.setKey(key, { startLine, endLine: endLine > startLine ? endLine : startLine });
      }
      /** `key`: the path key of the block holding this body ('' for the file). */
      parseBody(end, open, key) {
        const body = { attrs: [], blocks: [] };
        const seen = /* @__PURE__ */ new Map();
        let groups;
        for (; ; ) {
          const next = this.peek();
          if (next.t === end) {
            this.read();
            return body;
          }
          if (next.t === 1 /* NL */) {
            this.read();
            continue;
          }
          if (next.t === 2 /* IDENT */) {
            const ident = this.read();
            const line = this.lines.lineOf(ident.s);
            const after = this.peek();
            if (after.t === 16 /* EQUAL */) {
              const name = this.word(ident);
              const prev = seen.get(name);
              const attr = this.finishAttribute(ident, false);
              if (prev) {
                const p = this.src.pos(prev.s);
                const q = this.src.pos(prev.e);
                this.fail(ident, "Attribute redefined", `The argument "${name}" was already set at f:${p.line},${p.col}-${q.col}. Each argument may be set only once.`);
              }
              seen.set(name, ident);
              body.attrs.push(attr);
              this.locate(key ? key + PATH_SEP + name : name, line, attr.x.e - 1);
              continue;
            }
            if (after.t === 22 /* OQUOTE */ || after.t === 4 /* OBRACE */ || after.t === 2 /* IDENT */) {
              body.blocks.push(this.finishBlock(ident, line, key, groups ??= /* @__PURE__ */ new Map()));
              continue;
            }
            this.fail(ident, "Argument or block definition required", 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
          }
          if (next.t === 22 /* OQUOTE */) this.fail(next, "Invalid argument name", "Argument names must not be quoted.");
          if (next.t === 0 /* EOF */) {
            const o = open ?? next;
            this.fail(o, "Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
          }
          this.fail(next, "Argument or block definition required", "An argument or block definition is required here.");
        }
      }
      finishAttribute(ident, singleLine) {
        this.read();
        const x = this.parseExpression();
        if (!singleLine) {
          const end = this.peek();
          if (end.t !== 1 /* NL */ && end.t !== 0 /* EOF */) {
            if (end.t === 10 /* COMMA */) this.fail(end, "Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.");
            this.fail(end, "Missing newline after argument", "An argument definition must end with a newline.");
          }
          this.read();
        }
        return { name: this.word(ident), s: ident.s, e: ident.e, x };
      }
      /** `key`: the path key of the enclosing body; `groups`: its blocks so far by type and labels. */
      finishBlock(ident, line, key, groups) {
        this.enter(ident);
        const labels = [];
        let open;
        for (; ; ) {
          const tok = this.peek();
          if (tok.t === 4 /* OBRACE */) {
            open = this.read();
            break;
          }
          if (tok.t === 22 /* OQUOTE */) {
            labels.push(this.parseQuotedStringLiteral());
            continue;
          }
          if (tok.t === 2 /* IDENT */) {
            labels.push(this.word(this.read()));
            continue;
          }
          if (tok.t === 16 /* EQUAL */) this.fail(tok, "Invalid block definition", 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.');
          if (tok.t === 1 /* NL */) this.fail(tok, "Invalid block definition", 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.');
          this.fail(tok, "Invalid block definition", 'Either a quoted string block label or an opening brace ("{") is expected here.');
        }
        const type = this.word(ident);
        let group = type;
        for (const l of labels) group += PATH_SEP + l;
        const idx = groups.get(group) ?? 0;
        groups.set(group, idx + 1);
        const blockKey = (key ? key + PATH_SEP : "") + group + PATH_SEP + idx;
        let body;
        const first = this.peek();
        if (first.t === 1 /* NL */ || first.t === 0 /* EOF */ || first.t === 5 /* CBRACE */) body = this.parseBody(5 /* CBRACE */, open, blockKey);
        else body = this.parseSingleAttrBody(blockKey);
        const close = this.toks[this.pos - 1];
        let prefix = key ? key + PATH_SEP + type : type;
        this.locate(prefix, line, close.s);
        for (const l of labels) {
          prefix += PATH_SEP + l;
          this.locate(prefix, line, close.s);
        }
        this.locate(blockKey, line, close.s);
        const eol = this.peek();
        if (eol.t === 1 /* NL */ || eol.t === 0 /* EOF */) this.read();
        else this.fail(eol, "Missing newline after block definition", "A block definition must end with a newline.");
        this.leave();
        return { type, labels, body };
      }
      /**
       * A single-line block body: `{ name = expr }`. hclsyntax reports a problem with the closing brace
       * before any problem inside the body (it appends the body's diagnostics afterwards), after
       * recovering past the body item: mirrored here so the first error matches.
       */
      parseSingleAttrBody(key) {
        let attr;
        let bodyError;
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
        if (close.t === 1 /* NL */) this.fail(close, "Invalid single-argument block definition", "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.");
        if (close.t === 10 /* COMMA */) this.fail(close, "Invalid single-argument block definition", "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.");
        if (bodyError) throw bodyError;
        if (close.t !== 5 /* CBRACE */) this.fail(close, "Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument definition.");
        this.read();
        this.locate(key + PATH_SEP + attr.name, line, attr.x.e - 1);
        return { attrs: [attr], blocks: [] };
      }
      singleAttr() {
        const ident = this.read();
        if (ident.t !== 2 /* IDENT */) this.fail(ident, "Argument or block definition required", "An argument or block definition is required here.");
        const nx = this.peek();
        if (nx.t === 16 /* EQUAL */) return this.finishAttribute(ident, true);
        if (nx.t === 22 /* OQUOTE */ || nx.t === 4 /* OBRACE */ || nx.t === 2 /* IDENT */) {
          this.fail({ s: ident.s, e: nx.e }, "Argument definition required", `A single-line block definition can contain only a single argument. If you meant to define argument "${this.word(ident)}", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.`);
        }
        this.fail(ident, "Argument or block definition required", 'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.');
      }
      /** hclsyntax's recoverAfterBodyItem: skip to the first newline outside any brackets (consumed). */
      recoverAfterBodyItem() {
        const open = [];
        for (; ; ) {
          const tok = this.readRaw();
          switch (tok.t) {
            case 1 /* NL */:
              if (!open.length) return;
              break;
            case 0 /* EOF */:
              return;
            case 4 /* OBRACE */:
            case 6 /* OBRACK */:
            case 8 /* OPAREN */:
            case 22 /* OQUOTE */:
            case 28 /* OHEREDOC */:
            case 25 /* TINTERP */:
            case 26 /* TCONTROL */:
              open.push(tok.t === 26 /* TCONTROL */ ? 25 /* TINTERP */ : tok.t);
              break;
            case 5 /* CBRACE */:
            case 7 /* CBRACK */:
            case 9 /* CPAREN */:
            case 23 /* CQUOTE */:
            case 29 /* CHEREDOC */:
            case 27 /* TSEQEND */: {
              const opener = OPENER[tok.t];
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
      parseQuotedStringLiteral() {
        const open = this.read();
        let out = "";
        for (; ; ) {
          const tok = this.readRaw();
          if (tok.t === 23 /* CQUOTE */) return out;
          if (tok.t === 24 /* QLIT */) {
            out += this.decodeQuoted(tok);
            continue;
          }
          if (tok.t === 25 /* TINTERP */ || tok.t === 26 /* TCONTROL */) {
            this.fail(tok, "Invalid string literal", 'Template sequences are not allowed in this string. To include a literal "$", double it (as "$$") to escape it.');
          }
          this.fail(tok.t === 0 /* EOF */ ? open : tok, "Unterminated template string", "No closing marker was found for the string.");
        }
      }
      // ----- expressions
      parseExpression() {
        const at = this.peek();
        this.enter(at);
        const cond = this.parseBinary();
        let out = cond;
        if (this.peek().t === 13 /* QUESTION */) {
          this.read();
          const yes = this.parseExpression();
          const colon = this.peek();
          if (colon.t !== 14 /* COLON */) this.fail(colon, "Missing false expression in conditional", "The conditional operator (...?...:...) requires a false expression, delimited by a colon.");
          this.read();
          const no = this.parseExpression();
          out = { k: 7 /* COND */, s: cond.s, e: no.e, cond, yes, no };
        }
        this.leave();
        return out;
      }
      /** Operands and binary operators, by precedence (operator-precedence parsing, no recursion). */
      parseBinary() {
        const xs = [this.parseOperand()];
        const ops = [];
        const reduce = () => {
          const r = xs.pop();
          const l = xs.pop();
          xs.push({ k: 8 /* BINARY */, s: l.s, e: r.e, op: ops.pop().op, l, r });
        };
        for (; ; ) {
          const t = this.peek();
          if (t.t !== 18 /* OP */ && t.t !== 19 /* MINUS */ && t.t !== 21 /* STAR */) break;
          this.read();
          const op = this.word(t);
          const prec = PRECEDENCE[op];
          while (ops.length && ops[ops.length - 1].prec >= prec) reduce();
          ops.push({ op, prec });
          xs.push(this.parseOperand());
        }
        while (ops.length) reduce();
        return xs[0];
      }
      /** A term with its traversals; unary operators bind to such an operand. */
      parseOperand() {
        const t = this.peek();
        if (t.t === 19 /* MINUS */ || t.t === 20 /* BANG */) {
          this.read();
          this.enter(t);
          const val = this.parseOperand();
          this.leave();
          return { k: 5 /* UNARY */, s: t.s, e: val.e, neg: t.t === 19 /* MINUS */, val };
        }
        const term = this.parseTerm();
        return this.parseTraversals(term);
      }
      parseTraversals(term) {
        let trav = term.k === 6 /* TRAV */;
        const ops = [];
        const done = () => {
          if (!ops.length) return term;
          const e = ops[ops.length - 1].e;
          if (trav) return { k: 6 /* TRAV */, s: term.s, e, root: term.root, ops };
          return { k: 12 /* POST */, s: term.s, e, base: term, ops };
        };
        for (; ; ) {
          const t = this.peek();
          if (t.t === 11 /* DOT */) {
            this.read();
            const a = this.peek();
            if (a.t === 2 /* IDENT */) {
              this.read();
              ops.push({ o: 0, name: this.word(a), e: a.e });
              continue;
            }
            if (a.t === 3 /* NUMBER */) {
              this.read();
              ops.push({ o: 1, raw: this.word(a), e: a.e });
              continue;
            }
            if (a.t === 21 /* STAR */) {
              this.read();
              trav = false;
              ops.push({ o: 3, legacy: true, e: a.e });
              continue;
            }
            this.fail(a, "Invalid attribute name", "An attribute name is required after a dot.");
          }
          if (t.t === 6 /* OBRACK */) {
            this.read();
            this.pushNl(false);
            const star = this.peek();
            if (star.t === 21 /* STAR */) {
              this.read();
              const close2 = this.peek();
              if (close2.t !== 7 /* CBRACK */) this.fail(close2, "Missing close bracket on splat index", 'The star for a full splat operator must be immediately followed by a closing bracket ("]").');
              this.read();
              this.popNl();
              trav = false;
              ops.push({ o: 3, legacy: false, e: close2.e });
              continue;
            }
            const idx = this.parseExpression();
            const close = this.peek();
            if (close.t !== 7 /* CBRACK */) {
              this.read();
              this.fail(this.recoverTo(6 /* OBRACK */, 7 /* CBRACK */), "Missing close bracket on index", 'The index operator must end with a closing bracket ("]").');
            }
            this.read();
            this.popNl();
            const lit = idx.k === 0 /* LIT */ || idx.k === 1 /* TMPL */ && idx.parts.length === 1 && idx.parts[0].p === 0;
            trav = trav && lit;
            ops.push({ o: 2, key: idx, e: close.e });
            continue;
          }
          return done();
        }
      }
      parseTerm() {
        const t = this.peek();
        switch (t.t) {
          case 8 /* OPAREN */: {
            this.read();
            this.pushNl(false);
            const inner = this.parseExpression();
            const close = this.peek();
            if (close.t !== 9 /* CPAREN */) this.fail(close, "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.");
            this.read();
            this.popNl();
            return { k: 10 /* PAREN */, s: t.s, e: close.e, inner };
          }
          case 3 /* NUMBER */: {
            this.read();
            const raw = this.word(t);
            return { k: 0 /* LIT */, s: t.s, e: t.e, v: Number(raw), raw };
          }
          case 2 /* IDENT */: {
            this.read();
            const nx = this.peek();
            if (nx.t === 8 /* OPAREN */ || nx.t === 15 /* DCOLON */) return this.finishFunctionCall(t);
            const w = this.word(t);
            if (w === "true") return { k: 0 /* LIT */, s: t.s, e: t.e, v: true };
            if (w === "false") return { k: 0 /* LIT */, s: t.s, e: t.e, v: false };
            if (w === "null") return { k: 0 /* LIT */, s: t.s, e: t.e, v: null };
            return { k: 6 /* TRAV */, s: t.s, e: t.e, root: w, ops: [] };
          }
          case 22 /* OQUOTE */:
            return this.parseTemplate(23 /* CQUOTE */, false);
          case 28 /* OHEREDOC */:
            return this.parseTemplate(29 /* CHEREDOC */, !!t.strip);
          case 6 /* OBRACK */:
            return this.parseTuple();
          case 4 /* OBRACE */:
            return this.parseObject();
          default:
            if (t.t === 0 /* EOF */) this.fail(t, "Missing expression", "Expected the start of an expression, but found the end of the file.");
            this.fail(t, "Invalid expression", "Expected the start of an expression, but found an invalid expression token.");
        }
      }
      finishFunctionCall(name) {
        let nameEnd = name.e;
        while (this.peek().t === 15 /* DCOLON */) {
          this.read();
          const part = this.peek();
          if (part.t !== 2 /* IDENT */) this.fail(part, "Missing function name", "Function scope resolution symbol :: must be followed by a function name in this scope.");
          this.read();
          nameEnd = part.e;
        }
        const args = [];
        let expand = false;
        const open = this.peek();
        if (open.t !== 8 /* OPAREN */) this.fail(open, "Function call expected", "Function name must be followed by parentheses.");
        this.read();
        this.pushNl(false);
        let close;
        for (; ; ) {
          if (this.peek().t === 9 /* CPAREN */) {
            close = this.read();
            break;
          }
          args.push(this.parseExpression());
          const sep = this.read();
          if (sep.t === 9 /* CPAREN */) {
            close = sep;
            break;
          }
          if (sep.t === 12 /* ELLIPSIS */) {
            const c = this.peek();
            if (c.t !== 9 /* CPAREN */) this.fail(c, "Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.");
            close = this.read();
            expand = true;
            break;
          }
          if (sep.t !== 10 /* COMMA */) this.fail(sep, "Missing argument separator", "A comma is required to separate each function argument from the next.");
          if (this.peek().t === 9 /* CPAREN */) {
            close = this.read();
            break;
          }
        }
        this.popNl();
        return { k: 9 /* CALL */, s: name.s, e: close.e, name: this.text.slice(name.s, nameEnd), args, expand };
      }
      isFor() {
        const t = this.peek();
        return t.t === 2 /* IDENT */ && t.e - t.s === 3 && this.word(t) === "for";
      }
      parseTuple() {
        const open = this.read();
        this.pushNl(false);
        if (this.isFor()) {
          const e = this.finishFor(open, false);
          this.popNl();
          return e;
        }
        const items = [];
        let close;
        for (; ; ) {
          if (this.peek().t === 7 /* CBRACK */) {
            close = this.read();
            break;
          }
          items.push(this.parseExpression());
          const nx = this.peek();
          if (nx.t === 7 /* CBRACK */) {
            close = this.read();
            break;
          }
          if (nx.t === 0 /* EOF */) this.fail(open, "Unterminated tuple constructor expression", "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.");
          if (nx.t !== 10 /* COMMA */) this.fail(nx, "Missing item separator", "Expected a comma to mark the beginning of the next item.");
          this.read();
        }
        this.popNl();
        return { k: 3 /* TUPLE */, s: open.s, e: close.e, items };
      }
      parseObject() {
        const open = this.read();
        this.pushNl(false);
        if (this.isFor()) {
          const e = this.finishFor(open, true);
          this.popNl();
          return e;
        }
        this.popNl();
        this.pushNl(true);
        const items = [];
        let close;
        for (; ; ) {
          const next = this.peek();
          if (next.t === 1 /* NL */) {
            this.read();
            continue;
          }
          if (next.t === 5 /* CBRACE */) {
            close = this.read();
            break;
          }
          const bare = next.t === 2 /* IDENT */;
          const key = this.parseExpression();
          const eq = this.peek();
          if (eq.t !== 16 /* EQUAL */ && eq.t !== 14 /* COLON */) {
            if (eq.t === 1 /* NL */ || eq.t === 10 /* COMMA */) this.fail(eq, "Missing attribute value", 'Expected an attribute value, introduced by an equals sign ("=").');
            if (eq.t === 2 /* IDENT */) this.fail(eq, "Missing key/value separator", 'Expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.');
            if (eq.t === 0 /* EOF */) this.fail(open, "Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
            this.fail(eq, "Missing key/value separator", 'Expected an equals sign ("=") to mark the beginning of the attribute value.');
          }
          this.read();
          const val = this.parseExpression();
          items.push({ key, val, bare: bare && key.e === next.e });
          const nx = this.peek();
          if (nx.t === 5 /* CBRACE */) {
            close = this.read();
            break;
          }
          if (nx.t === 0 /* EOF */) this.fail(open, "Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
          if (nx.t !== 10 /* COMMA */ && nx.t !== 1 /* NL */) this.fail(nx, "Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.");
          this.read();
        }
        this.popNl();
        return { k: 4 /* OBJECT */, s: open.s, e: close.e, items };
      }
      finishFor(open, isObject) {
        this.read();
        this.pushNl(false);
        const v1 = this.peek();
        if (v1.t !== 2 /* IDENT */) this.fail(v1, "Invalid 'for' expression", "For expression requires variable name after 'for'.");
        this.read();
        let keyVar;
        let valVar = this.word(v1);
        if (this.peek().t === 10 /* COMMA */) {
          this.read();
          const v2 = this.peek();
          if (v2.t !== 2 /* IDENT */) this.fail(v2, "Invalid 'for' expression", "For expression requires value variable name after comma.");
          this.read();
          keyVar = valVar;
          valVar = this.word(v2);
        }
        const kwIn = this.peek();
        if (kwIn.t !== 2 /* IDENT */ || this.word(kwIn) !== "in") this.fail(kwIn, "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.");
        this.read();
        const coll = this.parseExpression();
        const colon = this.peek();
        if (colon.t !== 14 /* COLON */) this.fail(colon, "Invalid 'for' expression", "For expression requires a colon after the collection expression.");
        this.read();
        let keyExpr;
        let valExpr = this.parseExpression();
        let group = false;
        if (isObject) {
          const arrow = this.peek();
          if (arrow.t !== 17 /* FATARROW */) this.fail(arrow, "Invalid 'for' expression", "Key expression is required when building an object.");
          this.read();
          keyExpr = valExpr;
          valExpr = this.parseExpression();
          if (this.peek().t === 12 /* ELLIPSIS */) {
            this.read();
            group = true;
          }
        }
        let cond;
        const kwIf = this.peek();
        if (kwIf.t === 2 /* IDENT */ && this.word(kwIf) === "if") {
          this.read();
          cond = this.parseExpression();
        }
        const close = this.peek();
        const want = isObject ? 5 /* CBRACE */ : 7 /* CBRACK */;
        if (close.t !== want) {
          if (close.t === 12 /* ELLIPSIS */ && !isObject) this.fail(close, "Invalid 'for' expression", "Grouping ellipsis (...) can be used only in object for expressions.");
          this.fail(close, "Invalid 'for' expression", `Extra characters after the end of the 'for' expression.`);
        }
        this.read();
        this.popNl();
        return { k: 11 /* FOR */, s: open.s, e: close.e, keyVar, valVar, coll, keyExpr, valExpr, cond, group, object: isObject };
      }
      // ----- templates
      decodeQuoted(tok) {
        const text = this.text;
        let out = "";
        let i = tok.s;
        let from = i;
        const end = tok.e;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c === 92) {
            out += text.slice(from, i);
            const d = text[i + 1];
            switch (d) {
              case "n":
                out += "\n";
                i += 2;
                break;
              case "r":
                out += "\r";
                i += 2;
                break;
              case "t":
                out += "	";
                i += 2;
                break;
              case '"':
                out += '"';
                i += 2;
                break;
              case "\\":
                out += "\\";
                i += 2;
                break;
              case "u":
              case "U": {
                const len = d === "u" ? 4 : 8;
                const hex = text.slice(i + 2, i + 2 + len);
                if (hex.length !== len || !/^[0-9A-Fa-f]+$/.test(hex) || i + 2 + len > end) {
                  this.src.fail(i, Math.min(end, i + 2 + len), "Invalid escape sequence", `The \\${d} escape sequence must be followed by ${len} hexadecimal digits.`);
                }
                const cp = parseInt(hex, 16);
                if (cp > 1114111 || cp >= 55296 && cp <= 57343) {
                  this.src.fail(i, i + 2 + len, "Invalid escape sequence", `Invalid Unicode character \\${d}${hex}.`);
                }
                out += String.fromCodePoint(cp);
                i += 2 + len;
                break;
              }
              default:
                this.src.fail(i, i + 2, "Invalid escape sequence", `The symbol "${d ?? ""}" is not a valid escape sequence selector.`);
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
      decodeHeredoc(tok) {
        const raw = this.text.slice(tok.s, tok.e);
        if (raw.indexOf("$${") < 0 && raw.indexOf("%%{") < 0) return raw;
        return raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
      }
      /**
       * A template: a quoted string (end CQUOTE), a heredoc (end CHEREDOC) or, from parseTemplateText,
       * a whole text (end EOF, no opening token).
       */
      parseTemplate(end, flush) {
        const open = end === 0 /* EOF */ ? this.toks[this.pos] : this.read();
        const flat = [];
        let ltrimNext = false;
        const rtrimPrev = () => {
          const prev = flat[flat.length - 1];
          if (prev && prev.f === 0) prev.v = prev.v.replace(GO_SPACE_END, "");
        };
        this.pushNl(false);
        let close;
        for (; ; ) {
          const tok = this.readRaw();
          if (tok.t === end) {
            close = tok;
            break;
          }
          if (tok.t === 24 /* QLIT */ || tok.t === 30 /* SLIT */) {
            let v = tok.t === 24 /* QLIT */ ? this.decodeQuoted(tok) : this.decodeHeredoc(tok);
            if (ltrimNext) {
              v = v.replace(GO_SPACE_START, "");
              ltrimNext = false;
            }
            flat.push({ f: 0, v, s: tok.s, e: tok.e });
            continue;
          }
          if (tok.t === 25 /* TINTERP */) {
            if (tok.strip) rtrimPrev();
            ltrimNext = false;
            const x = this.parseExpression();
            const c = this.peek();
            if (c.t !== 27 /* TSEQEND */) this.fail(this.peek(), "Extra characters after interpolation expression", "Expected a closing brace to end the interpolation expression, but found extra characters.");
            this.pos++;
            if (c.strip) ltrimNext = true;
            flat.push({ f: 1, x, s: tok.s, e: c.e });
            continue;
          }
          if (tok.t === 26 /* TCONTROL */) {
            if (tok.strip) rtrimPrev();
            ltrimNext = false;
            const kw = this.peek();
            const w = kw.t === 2 /* IDENT */ ? this.word(kw) : "";
            let item;
            if (w === "if") {
              this.read();
              const cond = this.parseExpression();
              item = { f: 2, kw: "if", s: tok.s, e: 0, ds: tok.e, de: 0, cond };
            } else if (w === "else" || w === "endif" || w === "endfor") {
              this.read();
              item = { f: 2, kw: w, s: tok.s, e: 0, ds: tok.e, de: 0 };
            } else if (w === "for") {
              this.read();
              const v1 = this.peek();
              if (v1.t !== 2 /* IDENT */) this.fail(v1, "Invalid 'for' directive", "For directive requires variable name after 'for'.");
              this.read();
              let key;
              let val = this.word(v1);
              if (this.peek().t === 10 /* COMMA */) {
                this.read();
                const v2 = this.peek();
                if (v2.t !== 2 /* IDENT */) this.fail(v2, "Invalid 'for' directive", "For directive requires value variable name after comma.");
                this.read();
                key = val;
                val = this.word(v2);
              }
              const kwIn = this.peek();
              if (kwIn.t !== 2 /* IDENT */ || this.word(kwIn) !== "in") this.fail(kwIn, "Invalid 'for' directive", "For directive requires 'in' keyword after names.");
              this.read();
              const coll = this.parseExpression();
              item = { f: 2, kw: "for", s: tok.s, e: 0, ds: tok.e, de: 0, cond: coll, key, val };
            } else {
              this.fail(kw, "Invalid template directive", 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.');
            }
            const c = this.peek();
            if (c.t !== 27 /* TSEQEND */) this.fail(this.peek(), "Extra characters in template directive", "Expected a closing brace to end the template directive, but found extra characters.");
            this.pos++;
            if (c.strip) ltrimNext = true;
            item.e = c.e;
            item.de = c.s;
            flat.push(item);
            continue;
          }
          this.fail(tok, "Unterminated template string", "No closing marker was found for the string.");
        }
        this.popNl();
        if (flush) flushHeredoc(flat);
        const melded = [];
        for (const it of flat) {
          const prev = melded[melded.length - 1];
          if (it.f === 0 && prev && prev.f === 0) melded[melded.length - 1] = { f: 0, v: prev.v + it.v, s: prev.s, e: it.e };
          else melded.push(it);
        }
        const heredoc = end === 29 /* CHEREDOC */;
        const start = end === 0 /* EOF */ ? 0 : open.s;
        if (melded.length === 1 && melded[0].f === 1) return { k: 2 /* WRAP */, s: start, e: close.e, inner: melded[0].x, heredoc };
        const parts = this.structure(melded, close);
        return { k: 1 /* TMPL */, s: start, e: close.e, parts, heredoc };
      }
      /** Build the if/for structure from flat template items (hclsyntax's templateParser). */
      structure(flat, close) {
        let i = 0;
        const seq = (stopAt) => {
          const parts = [];
          while (i < flat.length) {
            const it = flat[i];
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
            if (it.kw === "if") {
              this.enter(it);
              i++;
              const yes = seq(IF_STOPS);
              let no = [];
              if (!yes.stop) this.fail(close, "Unterminated template string", `Missing %{ endif } directive for the %{ if } started at line ${this.src.pos(it.s).line}.`);
              if (yes.stop.kw === "else") {
                i++;
                const r2 = seq(ENDIF_STOP);
                if (!r2.stop) this.fail(close, "Unterminated template string", "Missing %{ endif } directive.");
                no = r2.parts;
              } else if (yes.stop.kw !== "endif") this.fail(yes.stop, "Unexpected directive", `Expected an endif directive.`);
              i++;
              parts.push({ p: 2, cond: it.cond, yes: yes.parts, no, ds: it.ds, de: it.de });
              this.leave();
              continue;
            }
            if (it.kw === "for") {
              this.enter(it);
              i++;
              const body = seq(ENDFOR_STOP);
              if (!body.stop) this.fail(close, "Unterminated template string", "Missing %{ endfor } directive.");
              if (body.stop.kw !== "endfor") this.fail(body.stop, "Unexpected directive", "Expected an endfor directive.");
              i++;
              parts.push({ p: 3, key: it.key, val: it.val, coll: it.cond, body: body.parts, ds: it.ds, de: it.de });
              this.leave();
              continue;
            }
            this.fail(it, `Unexpected "${it.kw}" directive`, `The control directive cannot appear here.`);
          }
          return { parts, stop: void 0 };
        };
        const r = seq(NO_STOPS);
        return r.parts;
      }
    };
    OPENER = {
      [5 /* CBRACE */]: 4 /* OBRACE */,
      [7 /* CBRACK */]: 6 /* OBRACK */,
      [9 /* CPAREN */]: 8 /* OPAREN */,
      [23 /* CQUOTE */]: 22 /* OQUOTE */,
      [29 /* CHEREDOC */]: 28 /* OHEREDOC */,
      [27 /* TSEQEND */]: 25 /* TINTERP */
    };
    NO_STOPS = /* @__PURE__ */ new Set();
    IF_STOPS = /* @__PURE__ */ new Set(["else", "endif", "endfor"]);
    ENDIF_STOP = /* @__PURE__ */ new Set(["endif", "else", "endfor"]);
    ENDFOR_STOP = /* @__PURE__ */ new Set(["endfor", "else", "endif"]);
  }
});

// src/parse/hcl-eval-tree.ts
function templateNode(parts, src) {
  if (parts.length === 0) return { k: "lit", v: "", src };
  if (parts.length === 1 && typeof parts[0] === "string") return { k: "lit", v: parts[0], src };
  return { k: "tmpl", parts, src };
}
var NodeBuilder;
var init_hcl_eval_tree = __esm({
  "src/parse/hcl-eval-tree.ts"() {
    "use strict";
    init_ast();
    init_hcl_syntax();
    NodeBuilder = class {
      constructor(text) {
        this.text = text;
      }
      text;
      src(x) {
        return this.text.slice(x.s, x.e);
      }
      node(x) {
        switch (x.k) {
          case 0 /* LIT */:
            return { k: "lit", v: x.v, src: this.src(x) };
          case 1 /* TMPL */:
            return templateNode(this.parts(x.parts, x.heredoc), this.templateSrc(x));
          case 2 /* WRAP */:
            return templateNode([this.node(x.inner)], this.templateSrc(x));
          case 3 /* TUPLE */:
            return { k: "tuple", items: x.items.map((it) => this.node(it)), src: this.src(x) };
          case 4 /* OBJECT */:
            return {
              k: "object",
              items: x.items.map((it) => {
                const key = it.bare ? { k: "lit", v: this.src(it.key), src: this.src(it.key) } : this.node(it.key);
                return { key, value: this.node(it.val) };
              }),
              src: this.src(x)
            };
          case 5 /* UNARY */: {
            const v = this.node(x.val);
            if (x.neg && v.k === "lit" && typeof v.v === "number") return { k: "lit", v: -v.v, src: `-${v.src}` };
            return { k: "unary", op: x.neg ? "-" : "!", x: v, src: this.src(x) };
          }
          case 6 /* TRAV */:
            return this.postfix({ k: "ref", root: x.root, steps: [], src: x.root }, x.ops, x.s);
          case 12 /* POST */:
            return this.postfix(this.node(x.base), x.ops, x.s);
          case 7 /* COND */:
            return { k: "cond", c: this.node(x.cond), t: this.node(x.yes), f: this.node(x.no), src: this.src(x) };
          case 8 /* BINARY */:
            return { k: "binary", op: x.op, l: this.node(x.l), r: this.node(x.r), src: this.src(x) };
          case 9 /* CALL */:
            return { k: "call", name: x.name, args: x.args.map((a) => this.node(a)), expand: x.expand, src: this.src(x) };
          case 10 /* PAREN */:
            return { ...this.node(x.inner), src: this.src(x) };
          case 11 /* FOR */: {
            const head = { ...x.keyVar !== void 0 ? { keyVar: x.keyVar } : {}, valVar: x.valVar, coll: this.node(x.coll) };
            const cond = x.cond ? { cond: this.node(x.cond) } : {};
            if (x.object) return { k: "for", ...head, keyExpr: this.node(x.keyExpr), valExpr: this.node(x.valExpr), ...cond, group: x.group, object: true, src: this.src(x) };
            return { k: "for", ...head, valExpr: this.node(x.valExpr), ...cond, group: false, object: false, src: this.src(x) };
          }
        }
      }
      /** A heredoc's text runs to the end of its closing marker's line, a CR included. */
      templateSrc(x) {
        return this.text.slice(x.s, x.heredoc && this.text.charCodeAt(x.e) === 13 ? x.e + 1 : x.e);
      }
      /** Template parts: literal text (a heredoc's line ends as LF), interpolations, %{if} and %{for}. */
      parts(ps, heredoc) {
        const out = [];
        for (const p of ps) {
          switch (p.p) {
            case 0: {
              const v = heredoc ? p.v.replace(/\r\n/g, "\n") : p.v;
              if (!v) break;
              const last = out[out.length - 1];
              if (typeof last === "string") out[out.length - 1] = last + v;
              else out.push(v);
              break;
            }
            case 1:
              out.push(this.node(p.x));
              break;
            case 2:
              out.push({ k: "tif", cond: this.node(p.cond), then: this.parts(p.yes, heredoc), else: this.parts(p.no, heredoc), src: this.directive(p) });
              break;
            case 3:
              out.push({ k: "tfor", ...p.key !== void 0 ? { keyVar: p.key } : {}, valVar: p.val, coll: this.node(p.coll), body: this.parts(p.body, heredoc), src: this.directive(p) });
              break;
          }
        }
        return out;
      }
      directive(p) {
        return `%{${this.text.slice(p.ds, p.de).trim()}}`;
      }
      /**
       * A term and its steps. Steps before a splat join the term (a name's steps make one reference);
       * "[*]" takes every step after it and must be the last splat; ".*" takes the attribute steps after
       * it, and what follows applies to its result.
       */
      postfix(base, ops, begin) {
        let cur = base;
        let i = 0;
        for (; ; ) {
          const steps = [];
          while (i < ops.length && ops[i].o !== 3) steps.push(this.step(ops[i++]));
          if (steps.length) {
            const src = this.text.slice(begin, ops[i - 1].e);
            cur = cur.k === "ref" ? { k: "ref", root: cur.root, steps: [...cur.steps, ...steps], src } : { k: "get", obj: cur, steps, src };
          }
          if (i >= ops.length) return cur;
          const splat = ops[i++];
          let end = splat.e;
          const inner = [];
          const first = i;
          while (i < ops.length && ops[i].o !== 3 && !(splat.legacy && ops[i].o === 2)) {
            end = ops[i].e;
            inner.push(this.step(ops[i++]));
          }
          if (!splat.legacy && i < ops.length) {
            const rest = ops.slice(first);
            const each = this.postfix({ k: "ref", root: SPLAT_ITEM, steps: [], src: "" }, rest, splat.e);
            return { k: "splat", obj: cur, steps: [], each, src: this.text.slice(begin, rest[rest.length - 1].e) };
          }
          cur = { k: "splat", obj: cur, steps: inner, src: this.text.slice(begin, end) };
          if (splat.legacy) continue;
          return cur;
        }
      }
      step(op) {
        switch (op.o) {
          case 0:
            return { k: "attr", name: op.name };
          case 1:
            if (!/^[0-9]+$/.test(op.raw)) throw new ParseError('expected an attribute name after "."');
            return { k: "index", key: { k: "lit", v: Number(op.raw), src: op.raw } };
          case 2:
            return { k: "index", key: this.node(op.key) };
          default:
            throw new ParseError("nested splat is not supported");
        }
      }
    };
  }
});

// src/parse/source-literals.ts
function suspectNumber(raw) {
  return raw.length >= 16 || raw.includes("e") || raw.includes("E");
}
var init_source_literals = __esm({
  "src/parse/source-literals.ts"() {
    "use strict";
  }
});

// src/util/byte-order.ts
function compareUtf8(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 55296 && y >= 55296) {
      const xs = x <= 57343;
      if (xs !== y <= 57343) return xs ? 1 : -1;
    }
    return x - y;
  }
  return a.length - b.length;
}
var init_byte_order = __esm({
  "src/util/byte-order.ts"() {
    "use strict";
  }
});

// src/parse/hcl-json-shape.ts
function conversionError(msg) {
  return new HclSyntaxError(`convert to HCL: convert file: convert body: convert block: ${msg}`, { startLine: 1, endLine: 1 });
}
function escapeLiteral(v) {
  if (v.indexOf("{") < 0) return v;
  return v.replace(/([$%])\{/g, "$1$1{");
}
function numberToString(v, raw) {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  if (raw && /^\d+$/.test(raw)) return raw.replace(/^0+(?=\d)/, "");
  return s;
}
function materialize(v, moved) {
  if (v instanceof Map) {
    const keys = [...v.keys()];
    if (keys.length > 1) keys.sort(compareUtf8);
    const o = {};
    if (moved) moved.set(v, o);
    for (const k of keys) {
      const val = materialize(v.get(k), moved);
      if (k === "__proto__") Object.defineProperty(o, k, { value: val, enumerable: true, writable: true, configurable: true });
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
function sourceLiterals(body, pending, moved) {
  const at = /* @__PURE__ */ new Map();
  for (const [c, m] of pending) if (m.size) at.set(moved.get(c) ?? c, m);
  const out = [];
  const path3 = [];
  const walk = (v) => {
    if (typeof v !== "object" || v === null || !at.size) return;
    const here = at.get(v);
    if (here) {
      at.delete(v);
      for (const [k, lit] of here) out.push({ ...lit, path: [...path3, Array.isArray(v) ? Number(k) : k] });
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path3.push(i);
        walk(v[i]);
        path3.pop();
      }
    } else {
      for (const k of Object.keys(v)) {
        path3.push(k);
        walk(v[k]);
        path3.pop();
      }
    }
  };
  walk(body);
  return out;
}
var tpl, Converter;
var init_hcl_json_shape = __esm({
  "src/parse/hcl-json-shape.ts"() {
    "use strict";
    init_errors();
    init_ast();
    init_source_literals();
    init_hcl_syntax();
    init_hcl_eval_tree();
    init_byte_order();
    tpl = () => ({ s: "", parts: [], exact: true, expr: false });
    Converter = class {
      constructor(src) {
        this.src = src;
        this.nodes = new NodeBuilder(src.text);
      }
      src;
      /** The tree of every template string made (text -> tree), for the evaluator. */
      expressions = /* @__PURE__ */ new Map();
      /** Literals hcl2json's shape folds away (source-literals.ts), by container and key; given paths by sourceLiterals(). */
      pending = /* @__PURE__ */ new Map();
      nodes;
      /** Keep folded literals as interpolations (the second conversion of an attribute that folded some). */
      keep = false;
      /** What the current attribute folded into template text. */
      foldedNull = false;
      foldedNumbers = [];
      source(s, e, t) {
        const text = this.src.text;
        if (text.charCodeAt(e) === 41) {
          if (t) t.exact = false;
          return text.slice(s, e + 1);
        }
        return text.slice(s, e);
      }
      expr(x) {
        switch (x.k) {
          case 0 /* LIT */:
            return x.v;
          case 5 /* UNARY */: {
            if (x.val.k !== 0 /* LIT */) return this.wrap(x);
            const v = x.val.v;
            if (v === null) this.src.fail(x.s, x.e, "Operation failed", "Error during operation: argument must not be null.");
            if (x.neg) {
              if (typeof v !== "number") this.src.fail(x.val.s, x.val.e, "Invalid operand", "Unsuitable value for unary operand: number required.");
              return -v;
            }
            if (typeof v !== "boolean") this.src.fail(x.val.s, x.val.e, "Invalid operand", "Unsuitable value for unary operand: bool required.");
            return !v;
          }
          case 1 /* TMPL */: {
            const t = tpl();
            for (const p of x.parts) this.part(t, p);
            return this.finish(t);
          }
          case 2 /* WRAP */:
            return this.expr(x.inner);
          case 3 /* TUPLE */: {
            const out = [];
            for (const it of x.items) {
              out.push(this.expr(it));
              this.numberLeaf(out, String(out.length - 1), it);
            }
            return out;
          }
          case 4 /* OBJECT */: {
            const m = /* @__PURE__ */ new Map();
            for (const it of x.items) {
              let key;
              if (it.key.k === 6 /* TRAV */) key = this.source(it.key.s, it.key.e);
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
      numberLeaf(container, key, x) {
        if (this.keep) return;
        while (x.k === 2 /* WRAP */) x = x.inner;
        let text;
        if (x.k === 0 /* LIT */) text = typeof x.v === "number" ? x.raw : void 0;
        else if (x.k === 5 /* UNARY */ && x.neg && x.val.k === 0 /* LIT */ && typeof x.val.v === "number" && x.val.raw !== void 0) text = "-" + x.val.raw;
        if (text === void 0 || !suspectNumber(text)) return;
        this.record(container, key, { kind: "number", text });
      }
      record(container, key, lit) {
        let m = this.pending.get(container);
        if (!m) this.pending.set(container, m = /* @__PURE__ */ new Map());
        m.set(key, lit);
      }
      /** "${<source>}". */
      wrap(x) {
        const t = tpl();
        this.interp(t, x);
        return this.finish(t);
      }
      /** The string made; its tree recorded when it holds anything to evaluate. */
      finish(t) {
        if (t.exact && t.expr) this.expressions.set(t.s, templateNode(t.parts, t.s));
        return t.s;
      }
      /** Append text, noting when it meets the text before it as "${", "%{", "$${" or "%%{". */
      cat(t, piece) {
        const last = t.s.charCodeAt(t.s.length - 1);
        if ((last === 36 || last === 37) && (piece.charCodeAt(0) === 123 || piece.charCodeAt(0) === last && piece.charCodeAt(1) === 123)) t.exact = false;
        t.s += piece;
      }
      lit(t, v) {
        if (!v.length) return;
        this.cat(t, escapeLiteral(v));
        const last = t.parts[t.parts.length - 1];
        if (typeof last === "string") t.parts[t.parts.length - 1] = last + v;
        else t.parts.push(v);
      }
      interp(t, x) {
        this.cat(t, "${" + this.source(x.s, x.e, t) + "}");
        if (!t.exact) return;
        try {
          t.parts.push(this.nodes.node(x));
          t.expr = true;
        } catch (e) {
          if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
          t.exact = false;
        }
      }
      /** "%{if <cond>}<yes>[%{else}<no>]%{endif}". */
      ifDirective(t, cond, yes, no) {
        const head = "%{if " + this.source(cond.s, cond.e, t) + "}";
        this.cat(t, head);
        this.cat(t, yes.s);
        if (no.s.length) {
          this.cat(t, "%{else}");
          this.cat(t, no.s);
        }
        this.cat(t, "%{endif}");
        if (!(t.exact && yes.exact && no.exact)) {
          t.exact = false;
          return;
        }
        try {
          t.parts.push({ k: "tif", cond: this.nodes.node(cond), then: yes.parts, else: no.parts, src: head });
          t.expr = true;
        } catch (e) {
          if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
          t.exact = false;
        }
      }
      part(t, p) {
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
            const head = "%{for " + (p.key !== void 0 ? p.key + ", " : "") + p.val + " in " + this.source(p.coll.s, p.coll.e, t) + "}";
            this.cat(t, head);
            this.cat(t, body.s);
            this.cat(t, "%{endfor}");
            if (!(t.exact && body.exact)) {
              t.exact = false;
              return;
            }
            try {
              t.parts.push({ k: "tfor", ...p.key !== void 0 ? { keyVar: p.key } : {}, valVar: p.val, coll: this.nodes.node(p.coll), body: body.parts, src: head });
              t.expr = true;
            } catch (e) {
              if (!(e instanceof ParseError) && !(e instanceof RangeError)) throw e;
              t.exact = false;
            }
            return;
          }
        }
      }
      stringPart(t, x) {
        switch (x.k) {
          case 0 /* LIT */: {
            if (x.v === null || typeof x.v === "number") {
              if (this.keep) {
                this.interp(t, x);
                return;
              }
              const shown = x.v === null ? "null" : numberToString(x.v, x.raw);
              if (x.v === null) this.foldedNull = true;
              else this.foldedNumbers.push({ raw: x.raw ?? shown, shown });
              this.lit(t, shown);
              return;
            }
            this.lit(t, String(x.v));
            return;
          }
          case 1 /* TMPL */:
            for (const p of x.parts) this.part(t, p);
            return;
          case 2 /* WRAP */:
            this.stringPart(t, x.inner);
            return;
          case 7 /* COND */: {
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
      body(b) {
        const out = /* @__PURE__ */ new Map();
        for (const blk of b.blocks) this.block(blk, out);
        for (const a of b.attrs) {
          out.delete(a.name);
          this.pending.get(out)?.delete(a.name);
          this.foldedNull = false;
          this.foldedNumbers = [];
          const v = this.expr(a.x);
          out.set(a.name, v);
          this.numberLeaf(out, a.name, a.x);
          if (this.foldedNull || this.foldedNumbers.length) this.keepFolded(out, a);
          else if (Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Map)) this.record(out, a.name, { kind: "tuple", source: this.sourceOf(a) });
        }
        return out;
      }
      /** An attribute's value as written, at most 120 characters (for reasons). */
      sourceOf(a) {
        const source = this.src.text.slice(a.x.s, a.x.e).trim();
        return source.length > 120 ? `${source.slice(0, 119)}\u2026` : source;
      }
      /** An attribute that folded literals into template text: its value again, with them kept as interpolations. */
      keepFolded(out, a) {
        const nulls = this.foldedNull;
        const numbers = this.foldedNumbers;
        this.keep = true;
        let kept;
        try {
          kept = materialize(this.expr(a.x));
        } finally {
          this.keep = false;
        }
        this.record(out, a.name, { kind: "template", kept, nulls, numbers, source: this.sourceOf(a) });
      }
      block(blk, into) {
        const value = this.body(blk.body);
        let out = into;
        let key = blk.type;
        for (const label of blk.labels) {
          const inner = out.get(key);
          if (inner !== void 0) {
            if (!(inner instanceof Map)) throw conversionError(`Unable to convert Block to JSON: ${[blk.type, ...blk.labels].join(".")}`);
            out = inner;
          } else {
            const obj = /* @__PURE__ */ new Map();
            out.set(key, obj);
            out = obj;
          }
          key = label;
        }
        const cur = out.get(key);
        if (cur === void 0) out.set(key, [value]);
        else if (Array.isArray(cur)) cur.push(value);
        else throw conversionError(`invalid HCL detected for "${key}" block, cannot have blocks with and without labels`);
      }
    };
  }
});

// src/parse/fast-hcl.ts
function parseHclFile(text, deadline) {
  const src = new Src(text);
  const raw = [];
  const toks = scan(src, deadline, raw);
  const parser2 = new Parser(src, toks, deadline);
  let body;
  try {
    body = parser2.parseFile();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new HclSyntaxError(`Nesting too deep: the file nests deeper than this parser's stack allows`, { startLine: 1, endLine: 1 });
    }
    throw e;
  }
  const conv = new Converter(src);
  const built = conv.body(body);
  const moved = conv.pending.size ? /* @__PURE__ */ new Map() : void 0;
  const value = materialize(built, moved);
  const locations = parser2.locations;
  const expressions = conv.expressions;
  locations.setComments(commentSpans(src, toks, raw));
  locations.freeze();
  return { body: value, locations, expressions, ...moved ? { literals: sourceLiterals(value, conv.pending, moved) } : {} };
}
var init_fast_hcl = __esm({
  "src/parse/fast-hcl.ts"() {
    "use strict";
    init_errors();
    init_ast();
    init_hcl_tokens();
    init_hcl_scanner();
    init_hcl_parser();
    init_hcl_eval_tree();
    init_hcl_json_shape();
    init_hcl_tokens();
  }
});

// lazy-vendor:@cdktf/hcl2json
var require_hcl2json = __commonJS({
  "lazy-vendor:@cdktf/hcl2json"(exports, module) {
    var m;
    var load = () => m ??= __require("./vendor/hcl2json.cjs");
    module.exports = Object.defineProperties({}, {
      __esModule: { value: true },
      "parse": { get: () => load()["parse"], enumerable: true },
      "convertFiles": { get: () => load()["convertFiles"], enumerable: true },
      "getReferencesInExpression": { get: () => load()["getReferencesInExpression"], enumerable: true },
      "getExpressionAst": { get: () => load()["getExpressionAst"], enumerable: true },
      "wrapTerraformExpression": { get: () => load()["wrapTerraformExpression"], enumerable: true },
      "TFExpressionSyntaxTree": { get: () => load()["TFExpressionSyntaxTree"], enumerable: true }
    });
  }
});

// src/parse/hcl2json-adapter.ts
var hcl2json_adapter_exports = {};
__export(hcl2json_adapter_exports, {
  HclParserCrash: () => HclParserCrash,
  HclSyntaxError: () => HclSyntaxError,
  hclParserCrashed: () => hclParserCrashed,
  parseDiagnostics: () => parseDiagnostics,
  parseHcl: () => parseHcl,
  parseHclReference: () => parseHclReference
});
function hclParserCrashed() {
  return crashed !== void 0;
}
function loadParser() {
  parser ??= Promise.resolve().then(() => __toESM(require_hcl2json(), 1)).then((m) => {
    const mod = m;
    const fn = mod.parse ?? mod.default?.parse;
    if (!fn) throw new Error("@cdktf/hcl2json has no parse function");
    return fn;
  });
  return parser;
}
function parseDiagnostics(text) {
  const out = [];
  for (const m of text.matchAll(DIAG)) {
    const startLine = Number(m[1]);
    const startColumn = Number(m[2]);
    const endLine = m[3] ? Number(m[3]) : startLine;
    const endColumn = Number(m[4]);
    out.push({
      range: { startLine, endLine, startColumn, endColumn },
      summary: m[5].trim(),
      detail: m[6].replace(/\]$/, "").trim()
    });
  }
  return out;
}
async function parseHcl(contents) {
  if (crashed !== void 0) throw new HclParserCrash(`the HCL parser is unusable after an earlier failure (${crashed})`);
  const parse2 = await loadParser();
  try {
    return await parse2("f", contents);
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const diags = parseDiagnostics(text);
    if (!diags.length && (e instanceof RangeError || e instanceof WebAssembly.RuntimeError)) {
      crashed = text;
      throw new HclParserCrash(text);
    }
    const first = diags[0];
    if (!first) throw new HclSyntaxError(text.replace(/^parse config:\s*/, ""), { startLine: 1, endLine: 1 });
    const more = diags.length > 1 ? ` (+${diags.length - 1} more)` : "";
    throw new HclSyntaxError(`${first.summary}: ${first.detail}${more}`, first.range);
  }
}
async function parseHclReference(contents, deadline) {
  const body = await parseHcl(contents);
  try {
    const { locations, expressions, literals } = parseHclFile(contents, deadline);
    return { body, locations, expressions, ...literals ? { literals } : {} };
  } catch (e) {
    if (!(e instanceof HclSyntaxError)) throw e;
    return { body, locations: new LocationIndex(), expressions: /* @__PURE__ */ new Map() };
  }
}
var crashed, parser, DIAG;
var init_hcl2json_adapter = __esm({
  "src/parse/hcl2json-adapter.ts"() {
    "use strict";
    init_locations();
    init_errors();
    init_fast_hcl();
    DIAG = /(?:^|\s|\[)f:(\d+),(\d+)-(?:(\d+),)?(\d+): ([^;]*?);\s?(.*?)(?=\s+f:\d+,\d+-|\]?$)/gs;
  }
});

// src/model/types.ts
var init_types = __esm({
  "src/model/types.ts"() {
    "use strict";
  }
});

// src/parse/worker-client.ts
function toWire(r) {
  return "body" in r ? { ...r, locations: r.locations.toWire() } : r;
}
var init_worker_client = __esm({
  "src/parse/worker-client.ts"() {
    "use strict";
    init_types();
    init_locations();
  }
});

// src/parse/worker.ts
init_hcl2json_adapter();
import { parentPort } from "node:worker_threads";

// src/parse/parse.ts
init_errors();
import path2 from "node:path";
import { createHash } from "node:crypto";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit2(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit2(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit2(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit2(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit2(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit2(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit2(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// src/parse/json-syntax.ts
init_locations();
init_errors();
init_lines();
function nodeValue(node, duplicate) {
  switch (node.type) {
    case "object": {
      const o = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const key = String(k.value);
        if (Object.hasOwn(o, key)) duplicate(k);
        const value = nodeValue(v, duplicate);
        if (key === "__proto__") Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
        else o[key] = value;
      }
      return o;
    }
    case "array":
      return (node.children ?? []).map((c) => nodeValue(c, duplicate));
    default:
      return node.value;
  }
}
function parseJsonWithLocations(text) {
  const errors = [];
  const root = parseTree2(text, errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  if (errors.length || !root) {
    const e = errors[0];
    const line = e ? lineOf(starts, e.offset) : 1;
    const col = e ? e.offset - starts[line - 1] + 1 : 1;
    const what = e ? printParseErrorCode(e.error) : "EmptyDocument";
    const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : "";
    throw new HclSyntaxError(`Invalid JSON: ${what}${more}`, { startLine: line, endLine: line, startColumn: col, endColumn: col + 1 });
  }
  const locations = new LocationIndex();
  const range = (n) => ({ startLine: lineOf(starts, n.offset), endLine: lineOf(starts, n.offset + n.length) });
  const walk = (n, p) => {
    if (n.type === "object") {
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const child = [...p, String(k.value)];
        locations.set(child, { startLine: range(prop).startLine, endLine: range(v).endLine });
        walk(v, child);
      }
    } else if (n.type === "array") {
      (n.children ?? []).forEach((c, i) => {
        const child = [...p, i];
        locations.set(child, range(c));
        walk(c, child);
      });
    }
  };
  walk(root, []);
  const duplicate = (k) => {
    const line = lineOf(starts, k.offset);
    const col = k.offset - starts[line - 1] + 1;
    throw new HclSyntaxError(
      `Duplicate key ${JSON.stringify(String(k.value))} in one JSON object: OpenTofu and Packer read every definition of a repeated key, and this scanner would see only one; write the blocks under one key`,
      { startLine: line, endLine: line, startColumn: col, endColumn: col + k.length }
    );
  };
  const value = nodeValue(root, duplicate);
  return { value, locations: locations.freeze() };
}

// src/parse/json-blocks.ts
init_locations();
var isObj = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var LABELS = { resource: 2, data: 2, ephemeral: 2, module: 1, provider: 1, variable: 1, output: 1, check: 1 };
function hasLabelArray(v, labels) {
  if (labels === 0) return false;
  if (Array.isArray(v)) return true;
  return isObj(v) && Object.values(v).some((x) => hasLabelArray(x, labels - 1));
}
function join(v, from, to, labels, out, moves, aliases) {
  const parts = Array.isArray(v) ? v.map((x, i) => [x, [...from, i]]) : [[v, from]];
  for (const [x, p] of parts) {
    if (!isObj(x)) continue;
    for (const [label, sub] of Object.entries(x)) {
      if (labels === 1) {
        const list = Array.isArray(out[label]) ? out[label] : out[label] = [];
        const bodies = Array.isArray(sub) ? sub.map((b, i) => [b, [...p, label, i]]) : [[sub, [...p, label]]];
        for (const [b, bp] of bodies) {
          moves.push([bp, [...to, label, list.length]]);
          list.push(b);
        }
        aliases.push([[...p, label], [...to, label]]);
      } else {
        const next = isObj(out[label]) ? out[label] : out[label] = {};
        moves.push([[...p, label], [...to, label]]);
        join(sub, [...p, label], [...to, label], labels - 1, next, moves, aliases);
      }
    }
  }
}
function joinLabelArrays(body, locations) {
  const types = Object.keys(body).filter((k) => LABELS[k] !== void 0 && hasLabelArray(body[k], LABELS[k]));
  if (types.length === 0) return void 0;
  const out = { ...body };
  const moves = [];
  const aliases = [];
  for (const t of types) {
    const joined = {};
    join(body[t], [t], [t], LABELS[t], joined, moves, aliases);
    out[t] = joined;
  }
  const byKey = moves.map(([from, to]) => [pathKey(from), pathKey(to)]).sort((a, b) => b[0].length - a[0].length);
  const moved = locations.entries().map(([k, r]) => {
    const m = byKey.find(([f]) => k === f || k.startsWith(f + PATH_SEP));
    return [m ? m[1] + k.slice(m[0].length) : k, r];
  });
  for (const [from, to] of aliases) {
    const r = locations.get(from);
    if (r) moved.push([pathKey(to), r]);
  }
  return { body: out, locations: LocationIndex.fromEntries(moved, []) };
}
var UNLABELLED = ["terraform", "locals", "moved", "import", "removed"];
var NESTED_BODIES = { lifecycle: 0, connection: 0, provisioner: 1, dynamic: 1, precondition: 0, postcondition: 0, validation: 0, assert: 0, content: 0 };
function uncommented(b, nested) {
  if (Array.isArray(b)) {
    const out2 = b.map((x) => uncommented(x, nested));
    return out2.some((x, i) => x !== b[i]) ? out2 : b;
  }
  if (!isObj(b)) return b;
  let out;
  if ("//" in b) {
    out = { ...b };
    delete out["//"];
  }
  if (nested) {
    for (const [k, labels] of Object.entries(NESTED_BODIES)) {
      if (!(k in b)) continue;
      const next = underLabels(b[k], labels, (x) => uncommented(x, true));
      if (next !== b[k]) (out ??= { ...b })[k] = next;
    }
  }
  return out ?? b;
}
function underLabels(v, labels, f) {
  if (labels === 0) return f(v);
  if (!isObj(v)) return v;
  let out;
  for (const [k, x] of Object.entries(v)) {
    const next = underLabels(x, labels - 1, f);
    if (next !== x) (out ??= { ...v })[k] = next;
  }
  return out ?? v;
}
function dropJsonComments(body) {
  const out = uncommented(body, false);
  const result = out === body ? { ...body } : out;
  let changed = out !== body;
  for (const [t, v] of Object.entries(body)) {
    const labels = LABELS[t] ?? (UNLABELLED.includes(t) ? 0 : void 0);
    if (labels === void 0) continue;
    const next = underLabels(v, labels, (b) => uncommented(b, t !== "locals"));
    if (next !== v) {
      result[t] = next;
      changed = true;
    }
  }
  return changed ? result : void 0;
}
function dropTopComment(body) {
  const out = uncommented(body, false);
  return out === body ? void 0 : out;
}

// src/parse/nesting.ts
var MAX_NESTING = 128;
function jsonNestingOver(text, limit = MAX_NESTING) {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34 || d === 10) break;
      }
      if (text.charCodeAt(i) === 10) line++;
    } else if (c === 123 || c === 91) {
      if (++depth > limit) return line;
    } else if (c === 125 || c === 93) depth = Math.max(0, depth - 1);
  }
  return void 0;
}
function pathDeeperThan(value, limit = MAX_NESTING) {
  return deeperThan(value, limit) ? shallowestPathAt(value, limit) : void 0;
}
function deeperThan(value, limit) {
  const values = [value];
  const depths = [0];
  const push = (x, d) => {
    if (typeof x === "object" && x !== null) {
      values.push(x);
      depths.push(d);
    }
  };
  while (values.length) {
    const v = values.pop();
    const d = depths.pop();
    if (typeof v !== "object" || v === null) continue;
    if (d >= limit) return true;
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) push(v[i], d + 1);
    else for (const k in v) if (Object.hasOwn(v, k)) push(v[k], d + 1);
  }
  return false;
}
function shallowestPathAt(value, limit) {
  const pathOf = (it) => {
    const p = [];
    for (let x = it; x?.parent; x = x.parent) p.push(x.key);
    return p.reverse();
  };
  let level = [{ v: value, depth: 0, parent: void 0, key: "" }];
  while (level.length) {
    const next = [];
    for (const it of level) {
      const v = it.v;
      if (typeof v !== "object" || v === null) continue;
      if (it.depth >= limit) return pathOf(it);
      if (Array.isArray(v)) v.forEach((x, i) => next.push({ v: x, depth: it.depth + 1, parent: it, key: i }));
      else for (const [k, x] of Object.entries(v)) next.push({ v: x, depth: it.depth + 1, parent: it, key: k });
    }
    level = next;
  }
  return void 0;
}
function deepestBracketLine(text) {
  let depth = 0;
  let best = 0;
  let bestLine = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 40 || c === 91 || c === 123) {
      if (++depth > best) {
        best = depth;
        bestLine = line;
      }
    } else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return bestLine;
}

// src/parse/parse.ts
init_fast_hcl();

// src/util/workspace-read.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
var WorkspaceReadError = class extends Error {
  constructor(reason, label, kind) {
    super(`${label} ${reason}`);
    this.reason = reason;
    this.label = label;
    this.kind = kind;
    this.name = "WorkspaceReadError";
  }
  reason;
  label;
  kind;
};
function isInside(root, abs) {
  const rel = path.relative(root, abs);
  return rel === "" || !rel.startsWith(`..${path.sep}`) && rel !== ".." && !path.isAbsolute(rel);
}
var realpathOf = (p) => realpathSync.native(p);
var realRoots = /* @__PURE__ */ new Map();
function realRoot(root) {
  const abs = path.resolve(root);
  let real = realRoots.get(abs);
  if (real === void 0) {
    try {
      real = realpathOf(abs);
    } catch {
      return abs;
    }
    if (realRoots.size > 64) realRoots.clear();
    realRoots.set(abs, real);
  }
  return real;
}
function fileTypeName(st) {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  if (st.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
function confinedRealPath(root, abs, shown, expect = "any") {
  let real;
  try {
    real = realpathOf(abs);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkspaceReadError(`does not exist`, shown, "missing");
    if (code === "ELOOP") throw new WorkspaceReadError(`is a symbolic link loop: not read`, shown, "outside");
    throw new WorkspaceReadError(`cannot be read (${code ?? String(e)})`, shown, "io");
  }
  if (expect !== "any") {
    let st;
    try {
      st = statSync(real);
    } catch (e) {
      throw new WorkspaceReadError(`cannot be read (${e.code ?? String(e)})`, shown, "io");
    }
    if (expect === "file" && !st.isFile()) throw new WorkspaceReadError(`is ${fileTypeName(st)}, not a regular file: not read`, shown, "not-file");
    if (expect === "folder" && !st.isDirectory()) throw new WorkspaceReadError(`is ${st.isFile() ? "a file" : fileTypeName(st)}, not a folder`, shown, "not-file");
  }
  if (!isInside(realRoot(root), real)) {
    throw new WorkspaceReadError(`resolves outside the workspace (through a symbolic link, or by its path): not read`, shown, "outside");
  }
  return real;
}
function fdPath(fd) {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return void 0;
  }
}
var fdPaths;
var realDirs = /* @__PURE__ */ new Map();
function openQuickly(root, abs, label) {
  if (fdPaths === false) return void 0;
  const dir = path.dirname(abs);
  let realDir = realDirs.get(dir);
  try {
    if (realDir === void 0) {
      realDir = realpathOf(dir);
      if (realDirs.size >= 4096) realDirs.clear();
      realDirs.set(dir, realDir);
    }
    const real = path.join(realDir, path.basename(abs));
    if (!isInside(realRoot(root), real) || !lstatSync(real).isFile()) return void 0;
    const fd = openSync(real, OPEN_FLAGS);
    const opened = fdPath(fd);
    if (fdPaths === void 0) fdPaths = opened !== void 0 && opened.startsWith("/");
    if (opened !== real) {
      closeSync(fd);
      realDirs.delete(dir);
      return void 0;
    }
    return { fd, real };
  } catch (e) {
    realDirs.delete(dir);
    const code = e.code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkspaceReadError(`does not exist`, label, "missing");
    return void 0;
  }
}
function readWorkspaceFile(root, given, maxBytes, what = "file", shown = given) {
  const chunks = [];
  let total = 0;
  const { abs, real } = readWorkspaceChunks(root, given, maxBytes, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
    return true;
  }, what, shown);
  return { abs, real, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
}
function readWorkspaceChunks(root, given, maxBytes, onChunk, what = "file", shown = given) {
  const abs = path.resolve(root, given);
  const label = `${what} ${shown}`;
  const quick = openQuickly(root, abs, label);
  if (quick) return readOpened(quick.fd, quick.real, root, abs, maxBytes, onChunk, label, true);
  const real = confinedRealPath(root, abs, label, "file");
  let fd;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (e) {
    const code = e.code;
    if (code === "ELOOP") throw new WorkspaceReadError(`became a symbolic link while being read: not read`, label, "outside");
    throw new WorkspaceReadError(`cannot be read (${code ?? String(e)})`, label, "io");
  }
  return readOpened(fd, real, root, abs, maxBytes, onChunk, label);
}
function readOpened(fd, real, root, abs, maxBytes, onChunk, label, confirmed = false) {
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new WorkspaceReadError(`is ${fileTypeName(st)}, not a regular file: not read`, label, "not-file");
    const opened = confirmed ? void 0 : fdPath(fd);
    if (opened !== void 0 && opened.startsWith("/") && !isInside(realRoot(root), opened)) {
      throw new WorkspaceReadError(`resolves outside the workspace: not read`, label, "outside");
    }
    if (st.size > maxBytes) throw new WorkspaceReadError(`is ${st.size} bytes, over the ${maxBytes}-byte limit: not read`, label, "too-large");
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 1, maxBytes - total + 1, 1 << 20));
      let got;
      try {
        got = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        if (e.code === "EAGAIN") continue;
        throw new WorkspaceReadError(`cannot be read (${e.code ?? String(e)})`, label, "io");
      }
      if (got === 0) break;
      total += got;
      if (total > maxBytes) throw new WorkspaceReadError(`is over the ${maxBytes}-byte limit: not read`, label, "too-large");
      if (!onChunk(chunk.subarray(0, got))) break;
    }
    return { abs, real };
  } finally {
    closeSync(fd);
  }
}
var CONTROL_FILE_BYTES = 4 * 1024 * 1024;

// src/parse/parse.ts
var DEFAULT_PARSE_TIMEOUT_MS = 2e4;
var DEFAULT_PARSE_OPTIONS = { maxFileBytes: 4 * 1024 * 1024, timeoutMs: DEFAULT_PARSE_TIMEOUT_MS };
var utf8 = new TextDecoder("utf-8", { fatal: true });
function isJsonSyntax(file) {
  return file.kind === "terraform-json" || file.kind === "packer-json" || file.path.toLowerCase().endsWith(".json");
}
function sizeMessage(e) {
  if (e.kind !== "too-large") return void 0;
  const m = /^is (\d+) bytes, over the (\d+)-byte limit/.exec(e.reason);
  return m ? `file is ${m[1]} bytes, over the ${m[2]}-byte limit; not parsed` : `file is over the size limit; not parsed`;
}
function whole() {
  return { startLine: 1, endLine: 1 };
}
async function parseFileHere(file, opts = DEFAULT_PARSE_OPTIONS) {
  const fail = (message, range = whole()) => ({ path: file.path, kind: file.kind, message, range });
  let bytes;
  try {
    bytes = readWorkspaceFile(file.root ?? path2.dirname(file.absPath), file.absPath, opts.maxFileBytes, "file", file.path).bytes;
  } catch (e) {
    if (e instanceof WorkspaceReadError) return fail(sizeMessage(e) ?? e.reason);
    return fail(`cannot read file: ${e.code ?? String(e)}`);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const failRead = (message, range = whole()) => ({ ...fail(message, range), sha256 });
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = bytes.subarray(0, nul).toString("latin1").split("\n").length;
    return failRead("binary content (NUL byte); not parsed", { startLine: line, endLine: line });
  }
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    return failRead("file is not valid UTF-8; not parsed");
  }
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  try {
    if (isJsonSyntax(file)) {
      const deep2 = jsonNestingOver(text, MAX_NESTING);
      if (deep2 !== void 0) return failRead(`nested more than ${MAX_NESTING} levels deep; not parsed`, { startLine: deep2, endLine: deep2 });
      const { value, locations: locations2 } = parseJsonWithLocations(text);
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return failRead("the top level of a JSON configuration file must be an object");
      }
      const joined = file.kind === "terraform-json" ? joinLabelArrays(value, locations2) : void 0;
      const joinedBody = joined?.body ?? value;
      const commented = text.includes("//") || text.includes("\\/") || /\\u002f/i.test(text);
      const body2 = (!commented ? void 0 : file.kind === "terraform-json" ? dropJsonComments(joinedBody) : file.kind === "terraform-vars" ? dropTopComment(joinedBody) : void 0) ?? joinedBody;
      return { file, sha256, body: body2, locations: joined?.locations ?? locations2, text };
    }
    const deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : void 0;
    const parsed = opts.parser === "hcl2json" ? await (await Promise.resolve().then(() => (init_hcl2json_adapter(), hcl2json_adapter_exports))).parseHclReference(text, deadline) : parseHclFile(text, deadline);
    const { body, locations, expressions, literals } = parsed;
    const deep = pathDeeperThan(body, MAX_NESTING);
    if (deep) {
      const line = locations.resolve(deep)?.range.startLine ?? deepestBracketLine(text);
      return failRead(`nested more than ${MAX_NESTING} levels deep; not parsed`, { startLine: line, endLine: line });
    }
    return { file, sha256, body, locations, expressions, ...literals ? { literals } : {}, text };
  } catch (e) {
    if (e instanceof HclSyntaxError) return failRead(`syntax error: ${e.message}`, e.range);
    if (e instanceof ParseTimeoutError) return failRead(`parsing took longer than ${(opts.timeoutMs ?? 0) / 1e3} s (the parse-timeout); not parsed`);
    if (e instanceof HclParserCrash) {
      const line = deepestBracketLine(text);
      return failRead(`the HCL parser failed (${e.message}), most likely on nesting too deep (deepest at line ${line}); not parsed`, { startLine: line, endLine: line });
    }
    return failRead(`parser failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// src/parse/worker.ts
init_worker_client();
var port = parentPort;
if (!port) throw new Error("parse-worker.js runs as a worker thread (node:worker_threads), not on its own");
port.on("message", (req) => {
  void parseFileHere(req.file, { maxFileBytes: req.maxFileBytes, parser: "hcl2json" }).catch((e) => ({
    path: req.file.path,
    kind: req.file.kind,
    message: `the parser failed (${e instanceof Error ? e.message : String(e)}); not parsed`,
    range: { startLine: 1, endLine: 1 }
  })).then((r) => {
    const res = { id: req.id, result: toWire(r), retire: hclParserCrashed() };
    port.postMessage(res);
  });
});
void parseHcl("").catch(() => void 0).then(() => {
  const ready = { ready: true };
  port.postMessage(ready);
});
