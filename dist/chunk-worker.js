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

// src/model/types.ts
function severityRank(s) {
  return SEVERITIES.indexOf(s);
}
function isSeverity(s) {
  return SEVERITIES.includes(s);
}
function plainFile(f) {
  return { path: f.path, absPath: f.absPath, kind: f.kind, ...f.size !== void 0 ? { size: f.size } : {}, ...f.root !== void 0 ? { root: f.root } : {} };
}
var SEVERITIES;
var init_types = __esm({
  "src/model/types.ts"() {
    "use strict";
    SEVERITIES = ["info", "low", "medium", "high", "critical"];
  }
});

// src/model/locations.ts
function pathKey(p) {
  return p.join(PATH_SEP);
}
function hasPrefix(p, prefix) {
  return prefix.length <= p.length && prefix.every((s, i) => s === p[i]);
}
function remapPath(p, remaps) {
  let best;
  for (const r of remaps) {
    if (hasPrefix(p, r.from) && (!best || r.from.length > best.from.length)) best = r;
  }
  return best ? [...best.to, ...p.slice(best.from.length)] : p;
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
        let at4 = 0;
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
              starts.push(at4 + 1 + head.length);
              at4 += 1 + part.length;
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
        const entries2 = this.entries();
        const b = { keys: entries2.map(([k]) => k), lines: entries2.flatMap(([, r]) => [r.startLine, r.endLine]), seen: new Set(entries2.map(([k]) => k)) };
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
          const at4 = this.nodes.indexOf(head + seg + KEY_END);
          if (at4 < 0) return -1;
          const want = at4 + head.length;
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
      static fromEntries(entries2, comments = []) {
        const index = new _LocationIndex();
        for (const [k, r] of entries2) index.setKey(k, r);
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

// src/parse/worker-client.ts
var worker_client_exports = {};
__export(worker_client_exports, {
  ParseWorker: () => ParseWorker,
  closeParseWorker: () => closeParseWorker,
  fromWire: () => fromWire,
  parseInWorker: () => parseInWorker,
  toWire: () => toWire,
  workerScript: () => workerScript
});
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function toWire(r) {
  return "body" in r ? { ...r, locations: r.locations.toWire() } : r;
}
function fromWire(r) {
  return "body" in r ? { ...r, locations: LocationIndex.fromWire(r.locations) } : r;
}
function workerScript(name = "parse-worker.js") {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const f of [path.join(here, name), path.resolve(here, "..", "..", "dist", name)]) {
    if (existsSync(f)) return f;
  }
  return void 0;
}
function parseInWorker(file, opts) {
  if (!shared && !noScript) {
    const script = workerScript();
    if (script) shared = new ParseWorker(script);
    else noScript = true;
  }
  if (!shared || !opts.timeoutMs) return void 0;
  return shared.parse(file, { ...opts, timeoutMs: opts.timeoutMs });
}
async function closeParseWorker() {
  await shared?.close();
}
var WORKER_START_LIMIT_MS, WORKER_HEAP_MB, ParseWorker, shared, noScript;
var init_worker_client = __esm({
  "src/parse/worker-client.ts"() {
    "use strict";
    init_types();
    init_locations();
    WORKER_START_LIMIT_MS = 12e4;
    WORKER_HEAP_MB = 1024;
    ParseWorker = class {
      constructor(script) {
        this.script = script;
      }
      script;
      worker;
      seq = 0;
      tail = Promise.resolve();
      /** Parse one file in the worker, within `timeoutMs`. Requests run one at a time, in call order. Never rejects. */
      parse(file, opts) {
        const p = this.tail.then(() => this.run(file, opts.maxFileBytes, opts.timeoutMs));
        this.tail = p;
        return p;
      }
      /** Stop the worker (a later parse starts a new one). */
      async close() {
        const w = this.worker;
        this.worker = void 0;
        if (w) await w.worker.terminate();
      }
      spawn() {
        const w = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
        w.on("error", () => {
        });
        const ready = new Promise((resolve) => {
          const limit = setTimeout(() => done(false), WORKER_START_LIMIT_MS);
          const done = (ok) => {
            clearTimeout(limit);
            w.off("message", onReady);
            w.off("exit", onExit);
            w.unref();
            resolve(ok);
          };
          const onReady = (m) => {
            if (typeof m === "object" && m !== null && m.ready === true) done(true);
          };
          const onExit = () => done(false);
          w.on("message", onReady);
          w.on("exit", onExit);
        });
        return { worker: w, ready };
      }
      async run(file, maxFileBytes, timeoutMs) {
        const started = this.worker ??= this.spawn();
        const fail = (message) => ({ path: file.path, kind: file.kind, message, range: { startLine: 1, endLine: 1 } });
        if (!await started.ready) {
          if (this.worker === started) this.worker = void 0;
          void started.worker.terminate();
          return fail("the parser could not be started; not parsed");
        }
        return new Promise((resolve) => {
          const w = started.worker;
          const id = ++this.seq;
          const finish = (r, retire) => {
            clearTimeout(timer);
            w.off("message", onMessage);
            w.off("error", onError);
            w.off("exit", onExit);
            if (retire) {
              if (this.worker === started) this.worker = void 0;
              void w.terminate();
            } else w.unref();
            resolve(r);
          };
          const onMessage = (m) => {
            if (m.id === id) finish(fromWire(m.result), m.retire);
          };
          const onError = (e) => finish(fail(`the parser failed (${e.message}); not parsed`), true);
          const onExit = (code) => finish(fail(`the parser stopped unexpectedly (exit code ${code}); not parsed`), true);
          const timer = setTimeout(() => {
            const s = timeoutMs / 1e3;
            finish(fail(`parsing took longer than ${s} s (the parse-timeout); not parsed`), true);
          }, timeoutMs);
          w.on("message", onMessage);
          w.on("error", onError);
          w.on("exit", onExit);
          w.ref();
          const req = { id, file: plainFile(file), maxFileBytes };
          w.postMessage(req);
        });
      }
    };
    noScript = false;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP2 = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP: SEP2
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars2) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars2.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str2) => REGEX_SPECIAL_CHARS.test(str2);
    exports.isRegexChar = (str2) => str2.length === 1 && exports.hasRegexChars(str2);
    exports.escapeRegex = (str2) => str2.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str2) => str2.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str2) => {
      return str2.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path13, { windows } = {}) => {
      const segs = path13.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan2 = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str2 = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob2 = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str2.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str2.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next2;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob2 = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob2 = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next2 = advance())) {
            if (next2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next2 === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob2 = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob2 = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob2 === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob2 = false;
      }
      let base = str2;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str2.slice(0, start);
        str2 = str2.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob2 === true && lastIndex > 0) {
        base = str2.slice(0, lastIndex);
        glob = str2.slice(lastIndex);
      } else if (isGlob2 === true) {
        base = "";
        glob = str2;
      } else {
        base = str2;
      }
      if (base && base !== "" && base !== "/" && base !== str2) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob: isGlob2,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan2;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars2) => {
      const source = chars2.length === 1 ? utils.escapeRegex(chars2[0]) : `[${chars2.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars2 = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars2.push(branch);
        index += match.end + 1;
      }
      if (chars2.length < 1) {
        return;
      }
      return chars2;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars2 = getStarExtglobSequenceChars(branch);
        if (chars2) {
          sawStarSequence = true;
          safeChars.push(...chars2);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse2 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num2 = 0) => {
        state.consumed += value2;
        state.index += num2;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse2(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars2, first2, rest, index) => {
          if (first2 === "\\") {
            backslashes = true;
            return m;
          }
          if (first2 === "?") {
            if (esc) {
              return esc + first2 + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars2.length);
          }
          if (first2 === ".") {
            return DOT_LITERAL.repeat(chars2.length);
          }
          if (first2 === "*") {
            if (esc) {
              return esc + first2 + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next2 = peek();
          if (next2 === "/" && opts.bash !== true) {
            continue;
          }
          if (next2 === "." || next2 === ";") {
            continue;
          }
          if (!next2) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next2 = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next2) || next2 === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str2) => {
        switch (str2) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str2);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse2;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan2 = require_scan();
    var parse2 = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str2) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str2);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format2 = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format2 ? format2(input) : input;
      if (match === false) {
        output = format2 ? format2(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str2, patterns, options) => picomatch2(patterns, options)(str2);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse2(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan2(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse2.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse2(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// lazy-vendor:re2js
var require_re2js = __commonJS({
  "lazy-vendor:re2js"(exports, module) {
    var m;
    var load2 = () => m ??= __require("./vendor/re2js.cjs");
    module.exports = Object.defineProperties({}, {
      "Matcher": { get: () => load2()["Matcher"], enumerable: true },
      "MatcherInput": { get: () => load2()["MatcherInput"], enumerable: true },
      "MatcherInputBase": { get: () => load2()["MatcherInputBase"], enumerable: true },
      "RE2JS": { get: () => load2()["RE2JS"], enumerable: true },
      "RE2JSCompileException": { get: () => load2()["RE2JSCompileException"], enumerable: true },
      "RE2JSException": { get: () => load2()["RE2JSException"], enumerable: true },
      "RE2JSFlagsException": { get: () => load2()["RE2JSFlagsException"], enumerable: true },
      "RE2JSGroupException": { get: () => load2()["RE2JSGroupException"], enumerable: true },
      "RE2JSInternalException": { get: () => load2()["RE2JSInternalException"], enumerable: true },
      "RE2JSSyntaxException": { get: () => load2()["RE2JSSyntaxException"], enumerable: true },
      "RE2Set": { get: () => load2()["RE2Set"], enumerable: true },
      "re": { get: () => load2()["re"], enumerable: true }
    });
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
    let next2 = -1;
    for (let j = c.at, depth = 0; j < toks.length; j++) {
      const tok = toks[j];
      if (tok.t === 0 /* EOF */) break;
      if (depth === 0 && tok.t !== 1 /* NL */ && text.lastIndexOf("\n", tok.s) > c.s) {
        next2 = tok.s;
        break;
      }
      if (isOpen(tok.t)) depth++;
      else if (isClose(tok.t)) depth--;
    }
    return { start: c.start, end: c.end, line, trailing, ...next2 >= 0 ? { nextCodeLine: nextLines.lineOf(next2) } : {} };
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
  const cpLen = (at4) => {
    const c = text.charCodeAt(at4);
    return c >= 55296 && c <= 56319 && at4 + 1 < n ? 2 : 1;
  };
  const identEnd = (at4) => {
    let j = at4;
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
  const isIdStartAt = (at4) => {
    const c = text.charCodeAt(at4);
    if (isIdStartCode(c)) return true;
    if (c < 128 || at4 >= n) return false;
    return UNI_START.test(text.slice(at4, at4 + cpLen(at4)));
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
      while (j < n && isDigit2(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46 && isDigit2(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigit2(text.charCodeAt(j))) j++;
      }
      const ec = text.charCodeAt(j);
      if (ec === 101 || ec === 69) {
        let k = j + 1;
        const sc = text.charCodeAt(k);
        if (sc === 43 || sc === 45) k++;
        if (isDigit2(text.charCodeAt(k))) {
          k++;
          while (k < n && isDigit2(text.charCodeAt(k))) k++;
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
function isDigit2(c) {
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
      enter(at4) {
        if (++this.depth > FAST_HCL_MAX_DEPTH) this.fail(at4, "Nesting too deep", `nesting deeper than ${FAST_HCL_MAX_DEPTH} levels`);
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
        const seen2 = /* @__PURE__ */ new Map();
        let groups;
        for (; ; ) {
          const next2 = this.peek();
          if (next2.t === end) {
            this.read();
            return body;
          }
          if (next2.t === 1 /* NL */) {
            this.read();
            continue;
          }
          if (next2.t === 2 /* IDENT */) {
            const ident = this.read();
            const line = this.lines.lineOf(ident.s);
            const after = this.peek();
            if (after.t === 16 /* EQUAL */) {
              const name = this.word(ident);
              const prev = seen2.get(name);
              const attr = this.finishAttribute(ident, false);
              if (prev) {
                const p = this.src.pos(prev.s);
                const q = this.src.pos(prev.e);
                this.fail(ident, "Attribute redefined", `The argument "${name}" was already set at f:${p.line},${p.col}-${q.col}. Each argument may be set only once.`);
              }
              seen2.set(name, ident);
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
          if (next2.t === 22 /* OQUOTE */) this.fail(next2, "Invalid argument name", "Argument names must not be quoted.");
          if (next2.t === 0 /* EOF */) {
            const o = open ?? next2;
            this.fail(o, "Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.");
          }
          this.fail(next2, "Argument or block definition required", "An argument or block definition is required here.");
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
        const first2 = this.peek();
        if (first2.t === 1 /* NL */ || first2.t === 0 /* EOF */ || first2.t === 5 /* CBRACE */) body = this.parseBody(5 /* CBRACE */, open, blockKey);
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
        const at4 = this.peek();
        this.enter(at4);
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
        let expand2 = false;
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
            expand2 = true;
            break;
          }
          if (sep.t !== 10 /* COMMA */) this.fail(sep, "Missing argument separator", "A comma is required to separate each function argument from the next.");
          if (this.peek().t === 9 /* CPAREN */) {
            close = this.read();
            break;
          }
        }
        this.popNl();
        return { k: 9 /* CALL */, s: name.s, e: close.e, name: this.text.slice(name.s, nameEnd), args, expand: expand2 };
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
          const next2 = this.peek();
          if (next2.t === 1 /* NL */) {
            this.read();
            continue;
          }
          if (next2.t === 5 /* CBRACE */) {
            close = this.read();
            break;
          }
          const bare = next2.t === 2 /* IDENT */;
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
          items.push({ key, val, bare: bare && key.e === next2.e });
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
          const splat2 = ops[i++];
          let end = splat2.e;
          const inner = [];
          const first2 = i;
          while (i < ops.length && ops[i].o !== 3 && !(splat2.legacy && ops[i].o === 2)) {
            end = ops[i].e;
            inner.push(this.step(ops[i++]));
          }
          if (!splat2.legacy && i < ops.length) {
            const rest = ops.slice(first2);
            const each = this.postfix({ k: "ref", root: SPLAT_ITEM, steps: [], src: "" }, rest, splat2.e);
            return { k: "splat", obj: cur, steps: [], each, src: this.text.slice(begin, rest[rest.length - 1].e) };
          }
          cur = { k: "splat", obj: cur, steps: inner, src: this.text.slice(begin, end) };
          if (splat2.legacy) continue;
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
function compareBytes(a, b) {
  return a === b ? 0 : Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
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
  const at4 = /* @__PURE__ */ new Map();
  for (const [c, m] of pending) if (m.size) at4.set(moved.get(c) ?? c, m);
  const out = [];
  const path13 = [];
  const walk = (v) => {
    if (typeof v !== "object" || v === null || !at4.size) return;
    const here = at4.get(v);
    if (here) {
      at4.delete(v);
      for (const [k, lit] of here) out.push({ ...lit, path: [...path13, Array.isArray(v) ? Number(k) : k] });
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path13.push(i);
        walk(v[i]);
        path13.pop();
      }
    } else {
      for (const k of Object.keys(v)) {
        path13.push(k);
        walk(v[k]);
        path13.pop();
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
function fromText(text, template) {
  try {
    const src = new Src(text);
    const parser2 = new Parser(src, scan(src, void 0, [], template), void 0);
    return new NodeBuilder(text).node(template ? parser2.parseTemplate(0 /* EOF */, false) : parser2.parseWholeExpression());
  } catch (e) {
    if (e instanceof ParseError) throw e;
    if (e instanceof HclSyntaxError || e instanceof RangeError) throw new ParseError(e.message);
    throw e;
  }
}
function parseTemplateText(text) {
  return fromText(text, true);
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
    var load2 = () => m ??= __require("./vendor/hcl2json.cjs");
    module.exports = Object.defineProperties({}, {
      __esModule: { value: true },
      "parse": { get: () => load2()["parse"], enumerable: true },
      "convertFiles": { get: () => load2()["convertFiles"], enumerable: true },
      "getReferencesInExpression": { get: () => load2()["getReferencesInExpression"], enumerable: true },
      "getExpressionAst": { get: () => load2()["getExpressionAst"], enumerable: true },
      "wrapTerraformExpression": { get: () => load2()["wrapTerraformExpression"], enumerable: true },
      "TFExpressionSyntaxTree": { get: () => load2()["TFExpressionSyntaxTree"], enumerable: true }
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
    const first2 = diags[0];
    if (!first2) throw new HclSyntaxError(text.replace(/^parse config:\s*/, ""), { startLine: 1, endLine: 1 });
    const more = diags.length > 1 ? ` (+${diags.length - 1} more)` : "";
    throw new HclSyntaxError(`${first2.summary}: ${first2.detail}${more}`, first2.range);
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

// lazy-vendor:js-yaml
var require_js_yaml = __commonJS({
  "lazy-vendor:js-yaml"(exports, module) {
    var m;
    var load2 = () => m ??= __require("./vendor/js-yaml.cjs");
    module.exports = Object.defineProperties({}, {
      "CHOMPING_CLIP": { get: () => load2()["CHOMPING_CLIP"], enumerable: true },
      "CHOMPING_KEEP": { get: () => load2()["CHOMPING_KEEP"], enumerable: true },
      "CHOMPING_MODE": { get: () => load2()["CHOMPING_MODE"], enumerable: true },
      "CHOMPING_STRIP": { get: () => load2()["CHOMPING_STRIP"], enumerable: true },
      "COLLECTION_STYLE": { get: () => load2()["COLLECTION_STYLE"], enumerable: true },
      "COLLECTION_STYLE_BLOCK": { get: () => load2()["COLLECTION_STYLE_BLOCK"], enumerable: true },
      "COLLECTION_STYLE_FLOW": { get: () => load2()["COLLECTION_STYLE_FLOW"], enumerable: true },
      "CORE_SCHEMA": { get: () => load2()["CORE_SCHEMA"], enumerable: true },
      "DEFAULT_SCALAR_STYLE_RULES": { get: () => load2()["DEFAULT_SCALAR_STYLE_RULES"], enumerable: true },
      "DUMP_SCHEMA": { get: () => load2()["DUMP_SCHEMA"], enumerable: true },
      "EVENT_ALIAS": { get: () => load2()["EVENT_ALIAS"], enumerable: true },
      "EVENT_DOCUMENT": { get: () => load2()["EVENT_DOCUMENT"], enumerable: true },
      "EVENT_ID": { get: () => load2()["EVENT_ID"], enumerable: true },
      "EVENT_MAPPING": { get: () => load2()["EVENT_MAPPING"], enumerable: true },
      "EVENT_POP": { get: () => load2()["EVENT_POP"], enumerable: true },
      "EVENT_SCALAR": { get: () => load2()["EVENT_SCALAR"], enumerable: true },
      "EVENT_SEQUENCE": { get: () => load2()["EVENT_SEQUENCE"], enumerable: true },
      "FAILSAFE_SCHEMA": { get: () => load2()["FAILSAFE_SCHEMA"], enumerable: true },
      "JSON_SCHEMA": { get: () => load2()["JSON_SCHEMA"], enumerable: true },
      "NOT_RESOLVED": { get: () => load2()["NOT_RESOLVED"], enumerable: true },
      "SCALAR_STYLE": { get: () => load2()["SCALAR_STYLE"], enumerable: true },
      "SCALAR_STYLE_DOUBLE_QUOTED": { get: () => load2()["SCALAR_STYLE_DOUBLE_QUOTED"], enumerable: true },
      "SCALAR_STYLE_FOLDED_BLOCK": { get: () => load2()["SCALAR_STYLE_FOLDED_BLOCK"], enumerable: true },
      "SCALAR_STYLE_LITERAL_BLOCK": { get: () => load2()["SCALAR_STYLE_LITERAL_BLOCK"], enumerable: true },
      "SCALAR_STYLE_PLAIN": { get: () => load2()["SCALAR_STYLE_PLAIN"], enumerable: true },
      "SCALAR_STYLE_SINGLE_QUOTED": { get: () => load2()["SCALAR_STYLE_SINGLE_QUOTED"], enumerable: true },
      "Schema": { get: () => load2()["Schema"], enumerable: true },
      "VISIT_BREAK": { get: () => load2()["VISIT_BREAK"], enumerable: true },
      "VISIT_SKIP": { get: () => load2()["VISIT_SKIP"], enumerable: true },
      "YAML11_SCHEMA": { get: () => load2()["YAML11_SCHEMA"], enumerable: true },
      "YAMLException": { get: () => load2()["YAMLException"], enumerable: true },
      "binaryTag": { get: () => load2()["binaryTag"], enumerable: true },
      "boolCoreTag": { get: () => load2()["boolCoreTag"], enumerable: true },
      "boolJsonTag": { get: () => load2()["boolJsonTag"], enumerable: true },
      "boolYaml11Tag": { get: () => load2()["boolYaml11Tag"], enumerable: true },
      "constructFromEvents": { get: () => load2()["constructFromEvents"], enumerable: true },
      "defineMappingTag": { get: () => load2()["defineMappingTag"], enumerable: true },
      "defineScalarTag": { get: () => load2()["defineScalarTag"], enumerable: true },
      "defineSequenceTag": { get: () => load2()["defineSequenceTag"], enumerable: true },
      "dump": { get: () => load2()["dump"], enumerable: true },
      "eventsToAst": { get: () => load2()["eventsToAst"], enumerable: true },
      "floatCoreTag": { get: () => load2()["floatCoreTag"], enumerable: true },
      "floatJsonTag": { get: () => load2()["floatJsonTag"], enumerable: true },
      "floatYaml11Tag": { get: () => load2()["floatYaml11Tag"], enumerable: true },
      "getScalarValue": { get: () => load2()["getScalarValue"], enumerable: true },
      "intCoreTag": { get: () => load2()["intCoreTag"], enumerable: true },
      "intJsonTag": { get: () => load2()["intJsonTag"], enumerable: true },
      "intYaml11Tag": { get: () => load2()["intYaml11Tag"], enumerable: true },
      "jsToAst": { get: () => load2()["jsToAst"], enumerable: true },
      "legacyMapTag": { get: () => load2()["legacyMapTag"], enumerable: true },
      "load": { get: () => load2()["load"], enumerable: true },
      "loadAll": { get: () => load2()["loadAll"], enumerable: true },
      "mapTag": { get: () => load2()["mapTag"], enumerable: true },
      "mergeTag": { get: () => load2()["mergeTag"], enumerable: true },
      "nullCoreTag": { get: () => load2()["nullCoreTag"], enumerable: true },
      "nullJsonTag": { get: () => load2()["nullJsonTag"], enumerable: true },
      "nullYaml11Tag": { get: () => load2()["nullYaml11Tag"], enumerable: true },
      "omapTag": { get: () => load2()["omapTag"], enumerable: true },
      "pairsTag": { get: () => load2()["pairsTag"], enumerable: true },
      "parseEvents": { get: () => load2()["parseEvents"], enumerable: true },
      "present": { get: () => load2()["present"], enumerable: true },
      "realMapTag": { get: () => load2()["realMapTag"], enumerable: true },
      "seqTag": { get: () => load2()["seqTag"], enumerable: true },
      "setTag": { get: () => load2()["setTag"], enumerable: true },
      "strTag": { get: () => load2()["strTag"], enumerable: true },
      "timestampTag": { get: () => load2()["timestampTag"], enumerable: true },
      "visit": { get: () => load2()["visit"], enumerable: true }
    });
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js
var require_json = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/json.js"(exports, module) {
    function isValidJSON(str2) {
      if (typeof str2 !== "string") {
        return;
      }
      try {
        JSON.parse(str2);
        return true;
      } catch (err) {
        if (err instanceof SyntaxError) {
          return false;
        }
        throw err;
      }
    }
    module.exports = {
      "json.is_valid": isValidJSON
    };
  }
});

// node_modules/sprintf-js/src/sprintf.js
var require_sprintf = __commonJS({
  "node_modules/sprintf-js/src/sprintf.js"(exports) {
    !(function() {
      "use strict";
      var re = {
        not_string: /[^s]/,
        not_bool: /[^t]/,
        not_type: /[^T]/,
        not_primitive: /[^v]/,
        number: /[diefg]/,
        numeric_arg: /[bcdiefguxX]/,
        json: /[j]/,
        not_json: /[^j]/,
        text: /^[^\x25]+/,
        modulo: /^\x25{2}/,
        placeholder: /^\x25(?:([1-9]\d*)\$|\(([^)]+)\))?(\+)?(0|'[^$])?(-)?(\d+)?(?:\.(\d+))?([b-gijostTuvxX])/,
        key: /^([a-z_][a-z_\d]*)/i,
        key_access: /^\.([a-z_][a-z_\d]*)/i,
        index_access: /^\[(\d+)\]/,
        sign: /^[+-]/
      };
      function sprintf(key) {
        return sprintf_format(sprintf_parse(key), arguments);
      }
      function vsprintf(fmt, argv) {
        return sprintf.apply(null, [fmt].concat(argv || []));
      }
      function sprintf_format(parse_tree, argv) {
        var cursor = 1, tree_length = parse_tree.length, arg, output = "", i, k, ph, pad, pad_character, pad_length, is_positive, sign;
        for (i = 0; i < tree_length; i++) {
          if (typeof parse_tree[i] === "string") {
            output += parse_tree[i];
          } else if (typeof parse_tree[i] === "object") {
            ph = parse_tree[i];
            if (ph.keys) {
              arg = argv[cursor];
              for (k = 0; k < ph.keys.length; k++) {
                if (arg == void 0) {
                  throw new Error(sprintf('[sprintf] Cannot access property "%s" of undefined value "%s"', ph.keys[k], ph.keys[k - 1]));
                }
                arg = arg[ph.keys[k]];
              }
            } else if (ph.param_no) {
              arg = argv[ph.param_no];
            } else {
              arg = argv[cursor++];
            }
            if (re.not_type.test(ph.type) && re.not_primitive.test(ph.type) && arg instanceof Function) {
              arg = arg();
            }
            if (re.numeric_arg.test(ph.type) && (typeof arg !== "number" && isNaN(arg))) {
              throw new TypeError(sprintf("[sprintf] expecting number but found %T", arg));
            }
            if (re.number.test(ph.type)) {
              is_positive = arg >= 0;
            }
            switch (ph.type) {
              case "b":
                arg = parseInt(arg, 10).toString(2);
                break;
              case "c":
                arg = String.fromCharCode(parseInt(arg, 10));
                break;
              case "d":
              case "i":
                arg = parseInt(arg, 10);
                break;
              case "j":
                arg = JSON.stringify(arg, null, ph.width ? parseInt(ph.width) : 0);
                break;
              case "e":
                arg = ph.precision ? parseFloat(arg).toExponential(ph.precision) : parseFloat(arg).toExponential();
                break;
              case "f":
                arg = ph.precision ? parseFloat(arg).toFixed(ph.precision) : parseFloat(arg);
                break;
              case "g":
                arg = ph.precision ? String(Number(arg.toPrecision(ph.precision))) : parseFloat(arg);
                break;
              case "o":
                arg = (parseInt(arg, 10) >>> 0).toString(8);
                break;
              case "s":
                arg = String(arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "t":
                arg = String(!!arg);
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "T":
                arg = Object.prototype.toString.call(arg).slice(8, -1).toLowerCase();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "u":
                arg = parseInt(arg, 10) >>> 0;
                break;
              case "v":
                arg = arg.valueOf();
                arg = ph.precision ? arg.substring(0, ph.precision) : arg;
                break;
              case "x":
                arg = (parseInt(arg, 10) >>> 0).toString(16);
                break;
              case "X":
                arg = (parseInt(arg, 10) >>> 0).toString(16).toUpperCase();
                break;
            }
            if (re.json.test(ph.type)) {
              output += arg;
            } else {
              if (re.number.test(ph.type) && (!is_positive || ph.sign)) {
                sign = is_positive ? "+" : "-";
                arg = arg.toString().replace(re.sign, "");
              } else {
                sign = "";
              }
              pad_character = ph.pad_char ? ph.pad_char === "0" ? "0" : ph.pad_char.charAt(1) : " ";
              pad_length = ph.width - (sign + arg).length;
              pad = ph.width ? pad_length > 0 ? pad_character.repeat(pad_length) : "" : "";
              output += ph.align ? sign + arg + pad : pad_character === "0" ? sign + pad + arg : pad + sign + arg;
            }
          }
        }
        return output;
      }
      var sprintf_cache = /* @__PURE__ */ Object.create(null);
      function sprintf_parse(fmt) {
        if (sprintf_cache[fmt]) {
          return sprintf_cache[fmt];
        }
        var _fmt = fmt, match, parse_tree = [], arg_names = 0;
        while (_fmt) {
          if ((match = re.text.exec(_fmt)) !== null) {
            parse_tree.push(match[0]);
          } else if ((match = re.modulo.exec(_fmt)) !== null) {
            parse_tree.push("%");
          } else if ((match = re.placeholder.exec(_fmt)) !== null) {
            if (match[2]) {
              arg_names |= 1;
              var field_list = [], replacement_field = match[2], field_match = [];
              if ((field_match = re.key.exec(replacement_field)) !== null) {
                field_list.push(field_match[1]);
                while ((replacement_field = replacement_field.substring(field_match[0].length)) !== "") {
                  if ((field_match = re.key_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else if ((field_match = re.index_access.exec(replacement_field)) !== null) {
                    field_list.push(field_match[1]);
                  } else {
                    throw new SyntaxError("[sprintf] failed to parse named argument key");
                  }
                }
              } else {
                throw new SyntaxError("[sprintf] failed to parse named argument key");
              }
              match[2] = field_list;
            } else {
              arg_names |= 2;
            }
            if (arg_names === 3) {
              throw new Error("[sprintf] mixing positional and named placeholders is not (yet) supported");
            }
            parse_tree.push(
              {
                placeholder: match[0],
                param_no: match[1],
                keys: match[2],
                sign: match[3],
                pad_char: match[4],
                align: match[5],
                width: match[6],
                precision: match[7],
                type: match[8]
              }
            );
          } else {
            throw new SyntaxError("[sprintf] unexpected placeholder");
          }
          _fmt = _fmt.substring(match[0].length);
        }
        return sprintf_cache[fmt] = parse_tree;
      }
      if (typeof exports !== "undefined") {
        exports["sprintf"] = sprintf;
        exports["vsprintf"] = vsprintf;
      }
      if (typeof window !== "undefined") {
        window["sprintf"] = sprintf;
        window["vsprintf"] = vsprintf;
        if (typeof define === "function" && define["amd"]) {
          define(function() {
            return {
              "sprintf": sprintf,
              "vsprintf": vsprintf
            };
          });
        }
      }
    })();
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js
var require_strings = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/strings.js"(exports, module) {
    var vsprintf = require_sprintf().vsprintf;
    var sprintf = (s, values) => vsprintf(s, values);
    module.exports = { sprintf };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js
var require_regex = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/regex.js"(exports, module) {
    var regexSplit = (pattern, s) => s.split(RegExp(pattern));
    module.exports = { "regex.split": regexSplit };
  }
});

// lazy-vendor:yaml
var require_yaml = __commonJS({
  "lazy-vendor:yaml"(exports, module) {
    var m;
    var load2 = () => m ??= __require("./vendor/yaml.cjs");
    module.exports = Object.defineProperties({}, {
      "createNode": { get: () => load2()["createNode"], enumerable: true },
      "defaultOptions": { get: () => load2()["defaultOptions"], enumerable: true },
      "Document": { get: () => load2()["Document"], enumerable: true },
      "parse": { get: () => load2()["parse"], enumerable: true },
      "parseAllDocuments": { get: () => load2()["parseAllDocuments"], enumerable: true },
      "parseCST": { get: () => load2()["parseCST"], enumerable: true },
      "parseDocument": { get: () => load2()["parseDocument"], enumerable: true },
      "scalarOptions": { get: () => load2()["scalarOptions"], enumerable: true },
      "stringify": { get: () => load2()["stringify"], enumerable: true }
    });
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js
var require_yaml2 = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/yaml.js"(exports, module) {
    var yaml = require_yaml();
    var errors = /* @__PURE__ */ new Set([
      "YAMLReferenceError",
      "YAMLSemanticError",
      "YAMLSyntaxError",
      "YAMLWarning"
    ]);
    function parse2(str2) {
      if (typeof str2 !== "string") {
        return { ok: false, result: void 0 };
      }
      const YAML_SILENCE_WARNINGS_CACHED = global.YAML_SILENCE_WARNINGS;
      try {
        global.YAML_SILENCE_WARNINGS = true;
        return { ok: true, result: yaml.parse(str2) };
      } catch (err) {
        if (err && errors.has(err.name)) {
          return { ok: false, result: void 0 };
        }
        throw err;
      } finally {
        global.YAML_SILENCE_WARNINGS = YAML_SILENCE_WARNINGS_CACHED;
      }
    }
    module.exports = {
      // is_valid is expected to return nothing if input is invalid otherwise
      // true/false for it being valid YAML.
      "yaml.is_valid": (str2) => typeof str2 === "string" ? parse2(str2).ok : void 0,
      "yaml.marshal": (data2) => yaml.stringify(data2),
      "yaml.unmarshal": (str2) => parse2(str2).result
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js
var require_builtins = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/builtins/index.js"(exports, module) {
    var json = require_json();
    var strings = require_strings();
    var regex = require_regex();
    var yaml = require_yaml2();
    module.exports = {
      ...json,
      ...strings,
      ...regex,
      ...yaml
    };
  }
});

// node_modules/@open-policy-agent/opa-wasm/src/opa.js
var require_opa = __commonJS({
  "node_modules/@open-policy-agent/opa-wasm/src/opa.js"(exports, module) {
    var builtIns = require_builtins();
    function stringDecoder(mem) {
      return function(addr) {
        const i8 = new Int8Array(mem.buffer);
        let s = "";
        while (i8[addr] !== 0) {
          s += String.fromCharCode(i8[addr++]);
        }
        return s;
      };
    }
    function _loadJSON(wasmInstance, memory, value) {
      if (value === void 0) {
        return 0;
      }
      let valueBuf;
      if (value instanceof ArrayBuffer) {
        valueBuf = new Uint8Array(value);
      } else {
        const valueAsText = JSON.stringify(value);
        valueBuf = new TextEncoder().encode(valueAsText);
      }
      const valueBufLen = valueBuf.byteLength;
      const rawAddr = wasmInstance.exports.opa_malloc(valueBufLen);
      const memoryBuffer = new Uint8Array(memory.buffer);
      memoryBuffer.set(valueBuf, rawAddr);
      const parsedAddr = wasmInstance.exports.opa_json_parse(rawAddr, valueBufLen);
      if (parsedAddr === 0) {
        throw "failed to parse json value";
      }
      return parsedAddr;
    }
    function _dumpJSON(wasmInstance, memory, addr) {
      const rawAddr = wasmInstance.exports.opa_json_dump(addr);
      return _dumpJSONRaw(memory, rawAddr);
    }
    function _dumpJSONRaw(memory, addr) {
      const buf = new Uint8Array(memory.buffer);
      let idx = addr;
      while (buf[idx] !== 0) {
        idx++;
      }
      const utf8View = new Uint8Array(memory.buffer, addr, idx - addr);
      const jsonAsText = new TextDecoder().decode(utf8View);
      return JSON.parse(jsonAsText);
    }
    var builtinFuncs = builtIns;
    function _builtinCall(wasmInstance, memory, builtins, customBuiltins, builtinId) {
      const builtInName = builtins[builtinId];
      const impl = builtinFuncs[builtInName] || customBuiltins[builtInName];
      if (impl === void 0) {
        throw {
          message: "not implemented: built-in function " + builtinId + ": " + builtins[builtinId]
        };
      }
      const argArray = Array.prototype.slice.apply(arguments);
      const args = [];
      for (let i = 5; i < argArray.length; i++) {
        const jsArg = _dumpJSON(wasmInstance, memory, argArray[i]);
        args.push(jsArg);
      }
      const result = impl(...args);
      return _loadJSON(wasmInstance, memory, result);
    }
    function _importObject(env, memory, customBuiltins) {
      const addr2string = stringDecoder(memory);
      return {
        env: {
          memory,
          opa_abort: function(addr) {
            throw addr2string(addr);
          },
          opa_println: function(addr) {
            console.log(addr2string(addr));
          },
          opa_builtin0: function(builtinId, _ctx) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId
            );
          },
          opa_builtin1: function(builtinId, _ctx, arg1) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1
            );
          },
          opa_builtin2: function(builtinId, _ctx, arg1, arg2) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2
            );
          },
          opa_builtin3: function(builtinId, _ctx, arg1, arg2, arg3) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2,
              arg3
            );
          },
          opa_builtin4: function(builtinId, _ctx, arg1, arg2, arg3, arg4) {
            return _builtinCall(
              env.instance,
              memory,
              env.builtins,
              customBuiltins,
              builtinId,
              arg1,
              arg2,
              arg3,
              arg4
            );
          }
        }
      };
    }
    function _preparePolicy(env, wasm, memory) {
      env.instance = wasm.instance ? wasm.instance : wasm;
      const abiVersionGlobal = env.instance.exports.opa_wasm_abi_version;
      if (abiVersionGlobal !== void 0) {
        const abiVersion = typeof abiVersionGlobal === "number" ? abiVersionGlobal : abiVersionGlobal.value;
        if (abiVersion !== 1) {
          throw `unsupported ABI version ${abiVersion}`;
        }
      } else {
        console.error("opa_wasm_abi_version undefined");
      }
      const abiMinorVersionGlobal = env.instance.exports.opa_wasm_abi_minor_version;
      let abiMinorVersion;
      if (abiMinorVersionGlobal !== void 0) {
        abiMinorVersion = typeof abiMinorVersionGlobal === "number" ? abiMinorVersionGlobal : abiMinorVersionGlobal.value;
      } else {
        console.error("opa_wasm_abi_minor_version undefined");
      }
      const builtins = _dumpJSON(
        env.instance,
        memory,
        env.instance.exports.builtins()
      );
      env.builtins = {};
      for (const key of Object.keys(builtins)) {
        env.builtins[builtins[key]] = key;
      }
      return { policy: wasm, minorVersion: abiMinorVersion };
    }
    async function _loadPolicy(policyWasm, memory, customBuiltins) {
      const env = {};
      const isStreaming = policyWasm instanceof Response || policyWasm instanceof Promise;
      const importObject = _importObject(env, memory, customBuiltins);
      const wasm = await (isStreaming ? WebAssembly.instantiateStreaming(policyWasm, importObject) : WebAssembly.instantiate(policyWasm, importObject));
      return _preparePolicy(env, wasm, memory);
    }
    function _loadPolicySync(policyWasm, memory, customBuiltins) {
      const env = {};
      if (policyWasm instanceof ArrayBuffer || policyWasm.buffer instanceof ArrayBuffer) {
        policyWasm = new WebAssembly.Module(policyWasm);
      }
      const wasm = new WebAssembly.Instance(
        policyWasm,
        _importObject(env, memory, customBuiltins)
      );
      return _preparePolicy(env, wasm, memory);
    }
    var LoadedPolicy = class {
      /**
       * Loads and initializes a compiled Rego policy.
       * @param {WebAssembly.WebAssemblyInstantiatedSource} policy
       * @param {WebAssembly.Memory} memory
       */
      constructor(policy, memory, minorVersion) {
        this.minorVersion = minorVersion;
        this.mem = memory;
        this.wasmInstance = policy.instance ? policy.instance : policy;
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, {});
        this.baseHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
        this.dataHeapPtr = this.baseHeapPtr;
        this.entrypoints = _dumpJSON(
          this.wasmInstance,
          this.mem,
          this.wasmInstance.exports.entrypoints()
        );
      }
      /**
       * Evaluates the loaded policy with the given input and
       * return the result set. This should be re-used for multiple evaluations
       * of the same policy with different inputs.
       *
       * To call a non-default entrypoint in your WASM specify it as the second
       * param. A list of entrypoints can be accessed with the `this.entrypoints`
       * property.
       * @param {any | ArrayBuffer} input input to be evaluated in form of `object`, literal primitive or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       * @param {number | string} entrypoint ID or name of the entrypoint to call (optional)
       */
      evaluate(input, entrypoint = 0) {
        if (typeof entrypoint === "number") {
        } else if (typeof entrypoint === "string") {
          if (Object.prototype.hasOwnProperty.call(this.entrypoints, entrypoint)) {
            entrypoint = this.entrypoints[entrypoint];
          } else {
            throw `entrypoint ${entrypoint} is not valid in this instance`;
          }
        } else {
          throw `entrypoint value is an invalid type, must be either string or number`;
        }
        if (this.minorVersion >= 2) {
          let inputBuf = null;
          let inputLen = 0;
          let inputAddr2 = 0;
          if (input) {
            if (input instanceof ArrayBuffer) {
              inputBuf = new Uint8Array(input);
            } else {
              const inputAsText = JSON.stringify(input);
              inputBuf = new TextEncoder().encode(inputAsText);
            }
            inputAddr2 = this.dataHeapPtr;
            inputLen = inputBuf.byteLength;
            const delta = inputAddr2 + inputLen - this.mem.buffer.byteLength;
            if (delta > 0) {
              const pages = roundup(delta);
              this.mem.grow(pages);
            }
            const buf = new Uint8Array(this.mem.buffer);
            buf.set(inputBuf, this.dataHeapPtr);
          }
          const heapPtr = this.dataHeapPtr + inputLen;
          const ret = this.wasmInstance.exports.opa_eval(
            0,
            entrypoint,
            this.dataAddr,
            inputAddr2,
            inputLen,
            heapPtr,
            0
          );
          return _dumpJSONRaw(this.mem, ret);
        }
        this.wasmInstance.exports.opa_heap_ptr_set(this.dataHeapPtr);
        const inputAddr = _loadJSON(this.wasmInstance, this.mem, input);
        const ctxAddr = this.wasmInstance.exports.opa_eval_ctx_new();
        this.wasmInstance.exports.opa_eval_ctx_set_input(ctxAddr, inputAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_data(ctxAddr, this.dataAddr);
        this.wasmInstance.exports.opa_eval_ctx_set_entrypoint(ctxAddr, entrypoint);
        this.wasmInstance.exports.eval(ctxAddr);
        const resultAddr = this.wasmInstance.exports.opa_eval_ctx_get_result(
          ctxAddr
        );
        return _dumpJSON(this.wasmInstance, this.mem, resultAddr);
      }
      /**
       * evalBool will evaluate the policy and return a boolean answer
       * depending on the return code from the policy evaluation.
       * @deprecated Use `evaluate` instead.
       * @param {object} input
       */
      evalBool(input) {
        const rs = this.evaluate(input);
        return rs && rs.length === 1 && rs[0] === true;
      }
      /**
       * Loads data for use in subsequent evaluations.
       * @param {object | ArrayBuffer} data  data in form of `object` or ArrayBuffer (last is assumed to be a well-formed stringified JSON)
       */
      setData(data2) {
        this.wasmInstance.exports.opa_heap_ptr_set(this.baseHeapPtr);
        this.dataAddr = _loadJSON(this.wasmInstance, this.mem, data2);
        this.dataHeapPtr = this.wasmInstance.exports.opa_heap_ptr_get();
      }
    };
    function roundup(bytes) {
      const pageSize = 64 * 1024;
      return Math.ceil(bytes / pageSize);
    }
    module.exports = {
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a Promise of a LoadedPolicy object which
       * can be used to evaluate the policy.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module | Response | Promise<Response>} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {Promise<LoadedPolicy>}
       */
      async loadPolicy(regoWasm, memoryDescriptor = {}, customBuiltins = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = await _loadPolicy(
          regoWasm,
          memory,
          customBuiltins
        );
        return new LoadedPolicy(policy, memory, minorVersion);
      },
      /**
       * Takes in either an ArrayBuffer or WebAssembly.Module
       * and will return a LoadedPolicy object which can be
       * used to evaluate the policy.
       *
       * This cannot be used from the main thread in a browser.
       * You must use the `loadPolicy` function instead, or call
       * from a worker thread.
       *
       * To set custom memory size specify number of memory pages
       * as second param.
       * Defaults to 5 pages (320KB).
       * @param {BufferSource | WebAssembly.Module} regoWasm
       * @param {number | WebAssembly.MemoryDescriptor} memoryDescriptor For backwards-compatibility, a 'number' argument is taken to be the initial memory size.
       * @param {{ [builtinName: string]: Function }} customBuiltins A map from string names to builtin functions
       * @returns {LoadedPolicy}
       */
      loadPolicySync(regoWasm, memoryDescriptor = {}, customBuiltins = {}) {
        if (typeof memoryDescriptor === "number") {
          memoryDescriptor = { initial: memoryDescriptor };
        }
        memoryDescriptor.initial = memoryDescriptor.initial || 5;
        const memory = new WebAssembly.Memory(memoryDescriptor);
        const { policy, minorVersion } = _loadPolicySync(
          regoWasm,
          memory,
          customBuiltins
        );
        return new LoadedPolicy(policy, memory, minorVersion);
      },
      LoadedPolicy
    };
  }
});

// lazy-vendor:ajv
var require_ajv = __commonJS({
  "lazy-vendor:ajv"(exports, module) {
    var m;
    var load2 = () => m ??= __require("./vendor/ajv.cjs");
    module.exports = Object.defineProperties({}, {
      __esModule: { value: true },
      "Ajv": { get: () => load2()["Ajv"], enumerable: true },
      "default": { get: () => load2()["default"], enumerable: true },
      "KeywordCxt": { get: () => load2()["KeywordCxt"], enumerable: true },
      "_": { get: () => load2()["_"], enumerable: true },
      "str": { get: () => load2()["str"], enumerable: true },
      "stringify": { get: () => load2()["stringify"], enumerable: true },
      "nil": { get: () => load2()["nil"], enumerable: true },
      "Name": { get: () => load2()["Name"], enumerable: true },
      "CodeGen": { get: () => load2()["CodeGen"], enumerable: true },
      "ValidationError": { get: () => load2()["ValidationError"], enumerable: true },
      "MissingRefError": { get: () => load2()["MissingRefError"], enumerable: true }
    });
  }
});

// src/engine/chunk-worker.ts
import { parentPort, workerData } from "node:worker_threads";

// src/controls/kept.ts
var isPrimitive = (v) => v === null || typeof v !== "object" && typeof v !== "function";
var KeptValues = class {
  paths = /* @__PURE__ */ new Map();
  texts = /* @__PURE__ */ new Map();
  /** base -> where -> as -> value -> parts (values that are not primitives are not shared). */
  parts = /* @__PURE__ */ new Map();
  /** The kept copy of an attribute path, frozen. */
  path(p) {
    const key = JSON.stringify(p);
    let kept = this.paths.get(key);
    if (kept === void 0) this.paths.set(key, kept = Object.freeze(p));
    return kept;
  }
  /** The kept copy of a short text (a finding's id). */
  text(s) {
    let kept = this.texts.get(s);
    if (kept === void 0) this.texts.set(s, kept = s);
    return kept;
  }
  /** The kept copy of a message's parts: equal parts when their value is a string, a number, a
   * boolean, null or nothing; a configuration block or list is kept as it is. */
  messageParts(p) {
    if (typeof p === "string" || !isPrimitive(p.value)) return p;
    const byWhere = at(this.parts, p.base, () => /* @__PURE__ */ new Map());
    const byAs = at(byWhere, p.where, () => /* @__PURE__ */ new Map());
    const byValue = at(byAs, p.as, () => /* @__PURE__ */ new Map());
    const kept = byValue.get(p.value);
    if (kept !== void 0) return kept;
    byValue.set(p.value, p);
    return p;
  }
};
function at(m, k, make) {
  let v = m.get(k);
  if (v === void 0) m.set(k, v = make());
  return v;
}

// src/engine/chunk-pool.ts
init_types();
init_worker_client();

// src/util/patterns.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var import_re2js = __toESM(require_re2js(), 1);
var MAX_GLOB_LENGTH = 256;
var OPTIONS = { dot: true, noextglob: true, nonegate: true, strictBrackets: true, maxLength: MAX_GLOB_LENGTH + 8 };
var chars = import_picomatch.default.constants.globChars(false);
var GUARDS = [chars.NO_DOTS, chars.NO_DOTS_SLASH, chars.NO_DOT_SLASH, chars.NO_DOT, chars.ONE_CHAR].sort((a, b) => b.length - a.length);

// src/util/workspace-read.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path2 from "node:path";
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
  const rel = path2.relative(root, abs);
  return rel === "" || !rel.startsWith(`..${path2.sep}`) && rel !== ".." && !path2.isAbsolute(rel);
}
var realpathOf = (p) => realpathSync.native(p);
var realRoots = /* @__PURE__ */ new Map();
function realRoot(root) {
  const abs = path2.resolve(root);
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
  const dir = path2.dirname(abs);
  let realDir = realDirs.get(dir);
  try {
    if (realDir === void 0) {
      realDir = realpathOf(dir);
      if (realDirs.size >= 4096) realDirs.clear();
      realDirs.set(dir, realDir);
    }
    const real = path2.join(realDir, path2.basename(abs));
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
  const abs = path2.resolve(root, given);
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
function peekFile(abs, maxBytes) {
  let fd;
  try {
    const st = statSync(abs);
    if (!st.isFile() || st.size > maxBytes) return void 0;
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const opened = fstatSync(fd);
    if (!opened.isFile() || opened.size > maxBytes) return void 0;
    const bytes = Buffer.allocUnsafe(opened.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, null);
      if (n === 0) break;
      got += n;
    }
    return got === bytes.length ? bytes : bytes.subarray(0, got);
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/discover/discover.ts
var DEFAULT_SNIFF_BYTES = 4 * 1024 * 1024;

// src/util/exact-number.ts
var RAW = JSON;
function exactNumber(text) {
  return RAW.rawJSON(text);
}
function isExactNumber(v) {
  return typeof v === "object" && v !== null && RAW.isRawJSON(v);
}
var isPlainContainer = (v) => typeof v === "object" && v !== null && !isExactNumber(v);
function toPortable(v) {
  const exact = [];
  const at4 = [];
  const copy2 = (x) => {
    if (isExactNumber(x)) {
      exact.push({ at: [...at4], text: x.rawJSON });
      return null;
    }
    if (Array.isArray(x)) {
      return x.map((y, i) => {
        at4.push(i);
        const c = copy2(y);
        at4.pop();
        return c;
      });
    }
    if (!isPlainContainer(x)) return x;
    const o = {};
    for (const k of Object.keys(x)) {
      at4.push(k);
      Object.defineProperty(o, k, { value: copy2(Object.getOwnPropertyDescriptor(x, k).value), enumerable: true, writable: true, configurable: true });
      at4.pop();
    }
    return o;
  };
  const value = copy2(v);
  return exact.length ? { value, exact } : { value: v };
}

// src/engine/chunk-pool.ts
var PARALLEL_SCAN_BYTES = 4 * 1024 * 1024;
function resultToWire(r) {
  const messages = r.evaluated.messages.map((m) => typeof m !== "string" && (m.as === "seen" || m.as === "actual") ? { ...m, value: toPortable(m.value) } : m);
  return { ...r, evaluated: { ...r.evaluated, messages } };
}
var parsedOnly = (r) => fromWire(r);
function sourcesFromWire(w) {
  return {
    files: w.files,
    varFiles: w.varFiles.map(parsedOnly),
    parseOpts: w.parseOpts,
    modules: { files: w.modules.files.map(parsedOnly), manifests: w.modules.manifests, workspaces: w.modules.workspaces },
    sensitiveNames: w.sensitiveNames
  };
}

// src/engine/scan.ts
import path12 from "node:path";

// src/parse/parse.ts
init_errors();
import path3 from "node:path";
import { createHash } from "node:crypto";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count2, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count2 || !exact) {
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
    if (digits < count2) {
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
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
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
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
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
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
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
function isDigit(ch) {
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
        const list3 = Array.isArray(out[label]) ? out[label] : out[label] = [];
        const bodies2 = Array.isArray(sub) ? sub.map((b, i) => [b, [...p, label, i]]) : [[sub, [...p, label]]];
        for (const [b, bp] of bodies2) {
          moves.push([bp, [...to, label, list3.length]]);
          list3.push(b);
        }
        aliases.push([[...p, label], [...to, label]]);
      } else {
        const next2 = isObj(out[label]) ? out[label] : out[label] = {};
        moves.push([[...p, label], [...to, label]]);
        join(sub, [...p, label], [...to, label], labels - 1, next2, moves, aliases);
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
      const next2 = underLabels(b[k], labels, (x) => uncommented(x, true));
      if (next2 !== b[k]) (out ??= { ...b })[k] = next2;
    }
  }
  return out ?? b;
}
function underLabels(v, labels, f) {
  if (labels === 0) return f(v);
  if (!isObj(v)) return v;
  let out;
  for (const [k, x] of Object.entries(v)) {
    const next2 = underLabels(x, labels - 1, f);
    if (next2 !== x) (out ??= { ...v })[k] = next2;
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
    const next2 = underLabels(v, labels, (b) => uncommented(b, t !== "locals"));
    if (next2 !== v) {
      result[t] = next2;
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
    const next2 = [];
    for (const it of level) {
      const v = it.v;
      if (typeof v !== "object" || v === null) continue;
      if (it.depth >= limit) return pathOf(it);
      if (Array.isArray(v)) v.forEach((x, i) => next2.push({ v: x, depth: it.depth + 1, parent: it, key: i }));
      else for (const [k, x] of Object.entries(v)) next2.push({ v: x, depth: it.depth + 1, parent: it, key: k });
    }
    level = next2;
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
async function parseFile(file, opts = DEFAULT_PARSE_OPTIONS) {
  if (opts.parser === "hcl2json" && opts.timeoutMs !== void 0 && opts.timeoutMs > 0) {
    const inWorker = (await Promise.resolve().then(() => (init_worker_client(), worker_client_exports))).parseInWorker(file, opts);
    if (inWorker) return inWorker;
  }
  return parseFileHere(file, opts);
}
async function parseFileHere(file, opts = DEFAULT_PARSE_OPTIONS) {
  const fail = (message, range = whole()) => ({ path: file.path, kind: file.kind, message, range });
  let bytes;
  try {
    bytes = readWorkspaceFile(file.root ?? path3.dirname(file.absPath), file.absPath, opts.maxFileBytes, "file", file.path).bytes;
  } catch (e) {
    if (e instanceof WorkspaceReadError) return fail(sizeMessage(e) ?? e.reason);
    return fail(`cannot read file: ${e.code ?? String(e)}`);
  }
  const sha2562 = createHash("sha256").update(bytes).digest("hex");
  const failRead = (message, range = whole()) => ({ ...fail(message, range), sha256: sha2562 });
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
      return { file, sha256: sha2562, body: body2, locations: joined?.locations ?? locations2, text };
    }
    const deadline = opts.timeoutMs ? Date.now() + opts.timeoutMs : void 0;
    const parsed = opts.parser === "hcl2json" ? await (await Promise.resolve().then(() => (init_hcl2json_adapter(), hcl2json_adapter_exports))).parseHclReference(text, deadline) : parseHclFile(text, deadline);
    const { body, locations, expressions, literals } = parsed;
    const deep = pathDeeperThan(body, MAX_NESTING);
    if (deep) {
      const line = locations.resolve(deep)?.range.startLine ?? deepestBracketLine(text);
      return failRead(`nested more than ${MAX_NESTING} levels deep; not parsed`, { startLine: line, endLine: line });
    }
    return { file, sha256: sha2562, body, locations, expressions, ...literals ? { literals } : {}, text };
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
function isFileError(x) {
  return "message" in x && !("body" in x);
}

// src/normalize/normalize.ts
init_locations();
import path10 from "node:path";

// src/resolve/values.ts
var EvalError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "EvalError";
  }
};
function unknown(text) {
  return { __unknown__: text };
}
function isUnknown(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof v.__unknown__ === "string";
}
function hasUnknown(v) {
  if (isUnknown(v)) return true;
  if (isExactNumber(v)) return false;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (typeof v === "object" && v !== null) return Object.values(v).some(hasUnknown);
  return false;
}

// src/resolve/bignum.ts
var BigNum = class _BigNum {
  constructor(neg, mant, exp, prec, inf) {
    this.neg = neg;
    this.mant = mant;
    this.exp = exp;
    this.prec = prec;
    this.inf = inf;
  }
  neg;
  mant;
  exp;
  prec;
  inf;
  static PARSE_PREC = 512;
  static make(neg, mant, exp, prec, sticky = false) {
    if (mant === 0n) return new _BigNum(neg, 0n, 0, prec, false);
    let m = mant;
    let e = exp;
    const bl = bitLen(m);
    if (bl > prec) {
      const s = bl - prec;
      const rem = m & (1n << BigInt(s)) - 1n;
      const half = 1n << BigInt(s - 1);
      m >>= BigInt(s);
      e += s;
      if (rem > half || rem === half && (sticky || (m & 1n) === 1n)) m += 1n;
    }
    const tz = trailingZeros(m);
    if (tz > 0) {
      m >>= BigInt(tz);
      e += tz;
    }
    return new _BigNum(neg, m, e, prec, false);
  }
  static infinity(neg) {
    return new _BigNum(neg, 0n, 0, 0, true);
  }
  /** An integer with the precision big.Float.SetInt gives it (max(bits, 64)). */
  static fromBigInt(n, prec) {
    const neg = n < 0n;
    const a = neg ? -n : n;
    return _BigNum.make(neg, a, 0, prec ?? Math.max(64, bitLen(a)));
  }
  static fromInt(n) {
    return _BigNum.fromBigInt(BigInt(n), 64);
  }
  /** A float64 exactly, at 53 bits (cty.NumberFloatVal: what pow() and log() return). */
  static fromFloat64(f) {
    if (!Number.isFinite(f)) {
      if (Number.isNaN(f)) throw new EvalError("not a number");
      return _BigNum.infinity(f < 0);
    }
    if (f === 0) return _BigNum.make(Object.is(f, -0), 0n, 0, 53);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, f);
    const bits = view.getBigUint64(0);
    const neg = bits >> 63n === 1n;
    const e = Number(bits >> 52n & 0x7ffn);
    const frac = bits & (1n << 52n) - 1n;
    const mant = e === 0 ? frac : frac | 1n << 52n;
    const exp = (e === 0 ? 1 : e) - 1075;
    return _BigNum.make(neg, mant, exp, 53);
  }
  /** A JavaScript number (a value that came through JSON): its shortest text, parsed as cty parses text. */
  static fromJs(n) {
    if (!Number.isFinite(n)) return _BigNum.infinity(n < 0);
    const r = _BigNum.parse(String(n));
    if (!r) throw new RangeError(`not a number: ${n}`);
    return r;
  }
  /**
   * big.ParseFloat(s, 10, prec, ToNearestEven) as cty.ParseNumberVal uses it: an optional sign,
   * digits with an optional point, an optional exponent; "Inf"/"inf". No spaces, no underscores.
   */
  static parse(s, prec = _BigNum.PARSE_PREC) {
    const inf = /^([+-]?)(?:inf|Inf)$/.exec(s);
    if (inf) return _BigNum.infinity(inf[1] === "-");
    const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(s);
    if (!m) return void 0;
    const intPart = m[2] ?? "";
    const frac = m[3] ?? "";
    if (intPart === "" && frac === "") return void 0;
    const neg = m[1] === "-";
    const expText = m[4] ?? "0";
    if (expText.replace(/^[+-]?0*/, "").length > 7) return void 0;
    let dexp = Number(expText) - frac.length;
    let digits = (intPart + frac).replace(/^0+/, "");
    if (digits === "") return _BigNum.make(neg, 0n, 0, prec);
    const stripped = digits.replace(/0+$/, "");
    dexp += digits.length - stripped.length;
    digits = stripped;
    if (Math.abs(dexp) > 4e5) return void 0;
    const d = BigInt(digits);
    if (dexp >= 0) return _BigNum.make(neg, d * 10n ** BigInt(dexp), 0, prec);
    return quotient(neg, d, 0, 10n ** BigInt(-dexp), 0, prec);
  }
  isZero() {
    return !this.inf && this.mant === 0n;
  }
  isInt() {
    return !this.inf && (this.mant === 0n || this.exp >= 0);
  }
  sign() {
    if (this.isZero()) return 0;
    return this.neg ? -1 : 1;
  }
  neg_() {
    return this.inf ? _BigNum.infinity(!this.neg) : new _BigNum(!this.neg, this.mant, this.exp, this.prec, false);
  }
  abs() {
    return this.neg ? this.neg_() : this;
  }
  withPrec(prec) {
    return this.inf ? this : _BigNum.make(this.neg, this.mant, this.exp, prec);
  }
  /** big.Float.Add with a fresh receiver: precision max of the operands'. */
  add(o) {
    const prec = Math.max(this.prec, o.prec);
    if (this.inf || o.inf) {
      if (this.inf && o.inf && this.neg !== o.neg) throw new EvalError("infinity minus infinity");
      return this.inf ? this : o;
    }
    if (this.isZero()) return o.withPrec(prec);
    if (o.isZero()) return this.withPrec(prec);
    const e = Math.min(this.exp, o.exp);
    const a = signed(this) << BigInt(this.exp - e);
    const b = signed(o) << BigInt(o.exp - e);
    const s = a + b;
    return _BigNum.make(s < 0n, s < 0n ? -s : s, e, prec);
  }
  sub(o) {
    return this.add(o.neg_());
  }
  /** cty's Multiply: the product at 512 bits, then the larger of the operands' and the product's own precision. */
  mul(o) {
    if (this.inf || o.inf) {
      if (this.isZero() || o.isZero()) throw new EvalError("zero times infinity");
      return _BigNum.infinity(this.neg !== o.neg);
    }
    const p = _BigNum.make(this.neg !== o.neg, this.mant * o.mant, this.exp + o.exp, 512);
    const minPrec = p.mant === 0n ? 0 : bitLen(p.mant);
    return new _BigNum(p.neg, p.mant, p.exp, Math.max(this.prec, o.prec, minPrec), false);
  }
  /** big.Float.Quo with a fresh receiver; the caller refuses a zero divisor (HCL does). */
  div(o) {
    const prec = Math.max(this.prec, o.prec);
    if (o.isZero()) return _BigNum.infinity(this.neg !== o.neg);
    if (this.inf) return _BigNum.infinity(this.neg !== o.neg);
    if (o.inf) return _BigNum.make(this.neg !== o.neg, 0n, 0, prec);
    if (this.isZero()) return _BigNum.make(this.neg !== o.neg, 0n, 0, prec);
    return quotient(this.neg !== o.neg, this.mant, this.exp, o.mant, o.exp, prec);
  }
  /** The integer part, toward zero (big.Float.Int). */
  trunc() {
    if (this.inf) throw new EvalError("infinity has no integer part");
    const v = this.exp >= 0 ? this.mant << BigInt(this.exp) : this.mant >> BigInt(-this.exp);
    return this.neg ? -v : v;
  }
  floor() {
    const t = this.trunc();
    return this.neg && !this.isInt() ? t - 1n : t;
  }
  ceil() {
    const t = this.trunc();
    return !this.neg && !this.isInt() ? t + 1n : t;
  }
  /** cty's Modulo: x - trunc(x/y)*y, at x's precision; x when y is zero. */
  mod(o) {
    if (this.inf || o.inf) return this.mul(o);
    if (o.isZero()) return this;
    const q = this.div(o).trunc();
    const qf = _BigNum.fromBigInt(q < 0n ? -q : q, this.prec);
    const work2 = (q < 0n ? qf.neg_() : qf).mul(o).withPrec(this.prec);
    return this.sub(work2).withPrec(this.prec);
  }
  cmp(o) {
    if (this.inf || o.inf) {
      const a2 = this.inf ? this.neg ? -1 : 1 : 0;
      const b2 = o.inf ? o.neg ? -1 : 1 : 0;
      if (a2 !== b2) return a2 < b2 ? -1 : 1;
      if (a2 !== 0) return 0;
    }
    const e = Math.min(this.exp, o.exp);
    const a = signed(this) << BigInt(this.exp - e);
    const b = signed(o) << BigInt(o.exp - e);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  equals(o) {
    return this.cmp(o) === 0 && this.inf === o.inf && (!this.inf || this.neg === o.neg);
  }
  /** The nearest float64 (ToNearestEven), as big.Float.Float64. */
  toJs() {
    if (this.inf) return this.neg ? -Infinity : Infinity;
    return Number(this.text());
  }
  /** A safe JavaScript integer, or undefined. */
  toSafeInt() {
    if (!this.isInt()) return void 0;
    const t = this.trunc();
    return t >= BigInt(Number.MIN_SAFE_INTEGER) && t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : void 0;
  }
  /** big.Float.Text('f', -1): the shortest decimal that rounds back to this number at its precision. */
  text() {
    if (this.textMemo !== void 0) return this.textMemo;
    if (this.inf) return this.neg ? "-Inf" : "+Inf";
    const sign = this.neg ? "-" : "";
    if (this.mant === 0n) return `${sign}0`;
    if (this.exp >= 0 && bitLen(this.mant) + this.exp <= this.prec) return this.textMemo = sign + (this.mant << BigInt(this.exp)).toString();
    const d = this.viaFloat64() ?? this.shortest();
    return this.textMemo = sign + fmtF(d, Math.max(d.digits.length - d.exp, 0));
  }
  /**
   * The fast path of text(): when the shortest float64 text of the (absolute) value parses back to
   * exactly this number at its precision, it is the shortest decimal (two decimals of at most 17
   * digits differ by far more than a 128-bit or finer rounding interval). Undefined when it does not.
   */
  viaFloat64() {
    if (this.prec < 128) return void 0;
    const f = Number(this.mant) * 2 ** this.exp;
    if (!Number.isFinite(f) || f === 0) return void 0;
    const s = String(f);
    const back = _BigNum.parse(s, this.prec);
    if (!back || back.mant !== this.mant || back.exp !== this.exp) return void 0;
    const m = /^([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/.exec(s);
    if (!m) return void 0;
    const all = m[1] + (m[2] ?? "");
    const lead = /^0*/.exec(all)[0].length;
    const digits = all.slice(lead).replace(/0+$/, "");
    return { digits, exp: m[1].length - lead + Number(m[3] ?? 0) };
  }
  textMemo;
  /** Every decimal digit of the exact binary value (for %f / %e with a precision, which round from it). */
  exactText() {
    if (this.inf) return this.neg ? "-Inf" : "+Inf";
    if (this.mant === 0n) return "0";
    const d = exactDecimal(this.mant, this.exp);
    return (this.neg ? "-" : "") + fmtF(d, Math.max(d.digits.length - d.exp, 0));
  }
  /** big.Float.Text('g', 10), i.e. String(): what cty hashes a number in a set of structures by. */
  textG10() {
    if (this.inf) return this.neg ? "-Inf" : "+Inf";
    const sign = this.neg ? "-" : "";
    if (this.mant === 0n) return `${sign}0`;
    const d = exactDecimal(this.mant, this.exp);
    round(d, 10);
    let prec = 10;
    let eprec = prec;
    if (eprec > d.digits.length && d.digits.length >= d.exp) eprec = d.digits.length;
    const x = d.exp - 1;
    if (x < -4 || x >= eprec) {
      if (prec > d.digits.length) prec = d.digits.length;
      return sign + fmtE(d, prec - 1);
    }
    if (prec > d.exp) prec = d.digits.length;
    return sign + fmtF(d, Math.max(prec - d.exp, 0));
  }
  shortest() {
    const d = exactDecimal(this.mant, this.exp);
    let m = this.mant;
    let e = this.exp;
    const s = bitLen(m) - (this.prec + 1);
    if (s < 0) {
      m <<= BigInt(-s);
      e += s;
    } else if (s > 0) {
      m >>= BigInt(s);
      e += s;
    }
    const lower = exactDecimal(m - 1n, e);
    const upper = exactDecimal(m + 1n, e);
    const inclusive = (m & 2n) === 0n;
    for (let i = 0; i < d.digits.length; i++) {
      const dm = d.digits.charCodeAt(i);
      const l = at2(lower, i);
      const u = at2(upper, i);
      const okdown = l !== dm || inclusive && i + 1 === lower.digits.length;
      const okup = dm !== u && (inclusive || dm + 1 < u || i + 1 < upper.digits.length);
      if (okdown && okup) {
        round(d, i + 1);
        return d;
      }
      if (okdown) {
        roundDown(d, i + 1);
        return d;
      }
      if (okup) {
        roundUp(d, i + 1);
        return d;
      }
    }
    return d;
  }
};
function signed(x) {
  return x.neg ? -x.mant : x.mant;
}
function bitLen(n) {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}
function trailingZeros(n) {
  if (n === 0n) return 0;
  let c = 0;
  let x = n;
  while ((x & 0xffffffffn) === 0n) {
    x >>= 32n;
    c += 32;
  }
  while ((x & 1n) === 0n) {
    x >>= 1n;
    c++;
  }
  return c;
}
function quotient(neg, a, ea, b, eb, prec) {
  const k = Math.max(0, prec + 2 + bitLen(b) - bitLen(a));
  const num2 = a << BigInt(k);
  const q = num2 / b;
  const r = num2 % b;
  return BigNum.make(neg, q, ea - eb - k, prec, r !== 0n);
}
function exactDecimal(mant, exp) {
  if (mant === 0n) return { digits: "", exp: 0 };
  let text;
  let point;
  if (exp >= 0) {
    text = (mant << BigInt(exp)).toString();
    point = text.length;
  } else {
    text = (mant * 5n ** BigInt(-exp)).toString();
    point = text.length + exp;
  }
  return { digits: text.replace(/0+$/, ""), exp: point };
}
function at2(d, i) {
  return i >= 0 && i < d.digits.length ? d.digits.charCodeAt(i) : 48;
}
function round(d, n) {
  if (n < 0 || n >= d.digits.length) return;
  const c = d.digits[n];
  const up = c === "5" && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= "5";
  if (up) roundUp(d, n);
  else roundDown(d, n);
}
function roundUp(d, n0) {
  if (n0 < 0 || n0 >= d.digits.length) return;
  let n = n0;
  while (n > 0 && d.digits[n - 1] === "9") n--;
  if (n === 0) {
    d.digits = "1";
    d.exp++;
    return;
  }
  d.digits = d.digits.slice(0, n - 1) + String.fromCharCode(d.digits.charCodeAt(n - 1) + 1);
}
function roundDown(d, n) {
  if (n < 0 || n >= d.digits.length) return;
  d.digits = d.digits.slice(0, n).replace(/0+$/, "");
}
function fmtF(d, prec) {
  let out;
  if (d.exp > 0) {
    const m = Math.min(d.digits.length, d.exp);
    out = d.digits.slice(0, m) + "0".repeat(d.exp - m);
  } else out = "0";
  if (prec > 0) {
    let frac = "";
    for (let i = 0; i < prec; i++) frac += String.fromCharCode(at2(d, d.exp + i));
    out += `.${frac}`;
  }
  return out;
}
function fmtE(d, prec) {
  const first2 = d.digits.length ? d.digits[0] : "0";
  let out = first2;
  if (prec > 0) {
    out += ".";
    let i = 1;
    const m = Math.min(d.digits.length, prec + 1);
    if (i < m) {
      out += d.digits.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += "0";
  }
  let exp = d.digits.length ? d.exp - 1 : 0;
  let es = "+";
  if (exp < 0) {
    es = "-";
    exp = -exp;
  }
  return `${out}e${es}${exp < 10 ? "0" : ""}${exp}`;
}

// src/resolve/cty.ts
var STRING = { k: "string" };
var NUMBER = { k: "number" };
var BOOL = { k: "bool" };
var DYN = { k: "dynamic" };
var listOf = (e) => ({ k: "list", e });
var setOf = (e) => ({ k: "set", e });
var mapOf = (e) => ({ k: "map", e });
var tupleOf = (es) => ({ k: "tuple", es });
var objectOf = (attrs, optional) => ({
  k: "object",
  attrs: sortedMap(attrs),
  ...optional && optional.size ? { optional } : {}
});
var Unk = class {
  constructor(text, refine) {
    this.text = text;
    this.refine = refine;
  }
  text;
  refine;
};
var refinedUnk = (text, t, refine) => ({ t, v: new Unk(text, refine) });
var refinementOf = (x) => x.v instanceof Unk ? x.v.refine ?? {} : {};
function notNullUnknown(x) {
  if (!(x.v instanceof Unk) || x.v.refine?.notNull) return x;
  return refinedUnk(x.v.text, x.t, { ...x.v.refine, notNull: true });
}
function safeKnownPrefix(prefix, clusters) {
  const g = clusters(prefix);
  if (g.length === 0) return "";
  const last = g[g.length - 1];
  if (last.length === 1 && `-_:;/\\,.(){}[]|?!~ 	@#$%^&*+"'`.includes(last)) return prefix;
  return g.slice(0, -1).join("");
}
var isPrimitive2 = (t) => t.k === "string" || t.k === "number" || t.k === "bool";
function typeEquals(a, b) {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "list":
    case "set":
    case "map":
      return typeEquals(a.e, b.e);
    case "tuple": {
      const bs = b.es;
      return a.es.length === bs.length && a.es.every((t, i) => typeEquals(t, bs[i]));
    }
    case "object": {
      const bo = b;
      if (a.attrs.size !== bo.attrs.size) return false;
      for (const [k, t] of a.attrs) {
        const o = bo.attrs.get(k);
        if (!o || !typeEquals(t, o)) return false;
        if ((a.optional?.has(k) ?? false) !== (bo.optional?.has(k) ?? false)) return false;
      }
      return true;
    }
    default:
      return true;
  }
}
function hasDynamicTypes(t) {
  switch (t.k) {
    case "dynamic":
      return true;
    case "list":
    case "set":
    case "map":
      return hasDynamicTypes(t.e);
    case "tuple":
      return t.es.some(hasDynamicTypes);
    case "object":
      return [...t.attrs.values()].some(hasDynamicTypes);
    default:
      return false;
  }
}
function withoutOptional(t) {
  switch (t.k) {
    case "list":
    case "set":
    case "map":
      return { k: t.k, e: withoutOptional(t.e) };
    case "tuple":
      return tupleOf(t.es.map(withoutOptional));
    case "object": {
      const attrs = /* @__PURE__ */ new Map();
      for (const [k, a] of t.attrs) attrs.set(k, withoutOptional(a));
      return { k: "object", attrs };
    }
    default:
      return t;
  }
}
function friendlyName(t) {
  switch (t.k) {
    case "dynamic":
      return "dynamic";
    case "list":
    case "set":
    case "map":
      return `${t.k} of ${friendlyName(t.e)}`;
    case "tuple":
      return "tuple";
    case "object":
      return "object";
    default:
      return t.k;
  }
}
function sortedMap(m) {
  const keys = [...m.keys()];
  let sorted = true;
  for (let i = 1; i < keys.length; i++) if (compareStrings(keys[i - 1], keys[i]) > 0) sorted = false;
  if (sorted) return m;
  return new Map(keys.sort(compareStrings).map((k) => [k, m.get(k)]));
}
function compareStrings(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 55296 && x <= 57343;
    const ys = y >= 55296 && y <= 57343;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
var str = (s) => ({ t: STRING, v: /^[\x00-\x7f]*$/.test(s) ? s : s.normalize("NFC") });
var num = (n) => ({ t: NUMBER, v: n });
var int = (n) => ({ t: NUMBER, v: typeof n === "bigint" ? BigNum.fromBigInt(n) : BigNum.fromInt(n) });
var bool = (b) => ({ t: BOOL, v: b });
var TRUE = bool(true);
var FALSE = bool(false);
var nullOf = (t = DYN) => ({ t, v: null });
var NULL = nullOf(DYN);
var unk = (text, t = DYN) => ({ t, v: new Unk(text) });
var list = (e, elems3) => ({ t: listOf(e), v: elems3 });
var tuple = (elems3) => ({ t: tupleOf(elems3.map((x) => x.t)), v: elems3 });
var map = (e, entries2) => ({ t: mapOf(e), v: sortedMap(entries2) });
function object(entries2) {
  const s = sortedMap(entries2);
  const attrs = /* @__PURE__ */ new Map();
  for (const [k, x] of s) attrs.set(k, x.t);
  return { t: { k: "object", attrs }, v: s };
}
function set(e, elems3) {
  const sorted = [...elems3].sort((a, b) => compareSetElems(a, b));
  const out = [];
  for (const x of sorted) {
    const prev = out[out.length - 1];
    if (prev && !isUnknown2(x) && rawEquals(prev, x)) continue;
    out.push(x);
  }
  return { t: setOf(e), v: out };
}
var isUnknown2 = (x) => x.v instanceof Unk;
var isNull = (x) => x.v === null;
var unkText = (x) => x.v.text;
function containsUnknown(x) {
  const p = x.v;
  if (p instanceof Unk) return true;
  if (Array.isArray(p)) return p.some(containsUnknown);
  if (p instanceof Map) {
    for (const e of p.values()) if (containsUnknown(e)) return true;
  }
  return false;
}
function firstDeep(x, pick) {
  const here = pick(x);
  if (here !== void 0) return here;
  const p = x.v;
  const items = Array.isArray(p) ? p : p instanceof Map ? p.values() : void 0;
  if (items) {
    for (const e of items) {
      const r = firstDeep(e, pick);
      if (r !== void 0) return r;
    }
  }
  return void 0;
}
var REASON = / \((?:error: |evaluation budget exceeded)[^\n]*\)$/;
function reasonIn(x) {
  const p = x.v;
  if (p instanceof Unk) return REASON.exec(p.text)?.[0];
  if (Array.isArray(p)) {
    for (const e of p) {
      const r = reasonIn(e);
      if (r) return r;
    }
  }
  if (p instanceof Map) {
    for (const e of p.values()) {
      const r = reasonIn(e);
      if (r) return r;
    }
  }
  return void 0;
}
function derivedUnknown(src, inputs, t = DYN, refine) {
  const make = (text) => refine ? refinedUnk(text, t, refine) : unk(text, t);
  for (const x of inputs) {
    const r = reasonIn(x);
    if (r) return make(REASON.test(src) ? src : src + r);
  }
  return make(src);
}
var elems = (x) => x.v;
var entries = (x) => x.v;
var asStr = (x) => x.v;
var asNum = (x) => x.v;
var asBool = (x) => x.v;
function rawEquals(a, b) {
  if (!typeEquals(a.t, b.t)) return false;
  const p = a.v;
  const q = b.v;
  if (p instanceof Unk || q instanceof Unk) return p instanceof Unk && q instanceof Unk && p.text === q.text;
  if (p === null || q === null) return p === q;
  if (p instanceof BigNum) return q instanceof BigNum && p.equals(q);
  if (Array.isArray(p)) return Array.isArray(q) && p.length === q.length && p.every((x, i) => rawEquals(x, q[i]));
  if (p instanceof Map) {
    if (!(q instanceof Map) || p.size !== q.size) return false;
    for (const [k, x] of p) {
      const y = q.get(k);
      if (!y || !rawEquals(x, y)) return false;
    }
    return true;
  }
  return p === q;
}
function compareSetElems(a, b) {
  if (rawEquals(a, b)) return 0;
  if (isNull(b) && !isNull(a)) return -1;
  if (isNull(a)) return 1;
  if (!isUnknown2(a) && isUnknown2(b)) return -1;
  if (isUnknown2(a)) return 1;
  switch (a.t.k) {
    case "string":
      return compareStrings(asStr(a), asStr(b));
    case "bool":
      return asBool(b) || !asBool(a) ? -1 : 1;
    case "number":
      return asNum(a).cmp(asNum(b));
    default:
      return compareStrings(hashText(a), hashText(b));
  }
}
function hashText(x) {
  if (isUnknown2(x)) return "?";
  if (isNull(x)) return "~";
  switch (x.t.k) {
    case "number":
      return asNum(x).textG10();
    case "bool":
      return asBool(x) ? "T" : "F";
    case "string":
      return goQuote(asStr(x));
    case "map":
      return `{${[...entries(x)].map(([k, e]) => `${goQuote(k)}:${hashText(e)};`).join("")}}`;
    case "list":
    case "set":
      return `[${elems(x).map((e) => `${hashText(e)};`).join("")}]`;
    case "object":
      return `<${[...entries(x).values()].map((e) => `${hashText(e)};`).join("")}>`;
    case "tuple":
      return `<${elems(x).map((e) => `${hashText(e)};`).join("")}>`;
    default:
      return "";
  }
}
function goQuote(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c === 11) out += "\\v";
    else if (c < 32 || c === 127) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (!isPrintable(c)) {
      if (c < 65536) out += `\\u${c.toString(16).padStart(4, "0")}`;
      else out += `\\U${c.toString(16).padStart(8, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}
var NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
function isPrintable(c) {
  if (c === 32) return true;
  return !NON_PRINTABLE.test(String.fromCodePoint(c));
}
function ctyEquals(a, b) {
  if (isUnknown2(a) || isUnknown2(b)) {
    const [u, k] = isUnknown2(a) ? [a, b] : [b, a];
    if (isUnknown2(k)) return void 0;
    const r = refinementOf(u);
    if (isNull(k)) return r.notNull ? false : void 0;
    if (r.prefix !== void 0 && k.t.k === "string" && !asStr(k).startsWith(r.prefix)) return false;
    if (u.t.k !== "dynamic" && !hasDynamicTypes(k.t) && !hasDynamicTypes(u.t) && !typeEquals(u.t, k.t)) return false;
    return void 0;
  }
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (hasDynamicTypes(a.t) || hasDynamicTypes(b.t)) {
    if (!typeEquals(a.t, b.t)) return false;
  }
  if (!typeEquals(a.t, b.t)) return false;
  switch (a.t.k) {
    case "number":
      return asNum(a).equals(asNum(b));
    case "string":
    case "bool":
      return a.v === b.v;
    case "list":
    case "tuple": {
      const xs = elems(a);
      const ys = elems(b);
      if (xs.length !== ys.length) return false;
      let unknownSeen = false;
      for (let i = 0; i < xs.length; i++) {
        const e = ctyEquals(xs[i], ys[i]);
        if (e === false) return false;
        if (e === void 0) unknownSeen = true;
      }
      return unknownSeen ? void 0 : true;
    }
    case "set": {
      if (containsUnknown(a) || containsUnknown(b)) return void 0;
      const xs = elems(a);
      const ys = elems(b);
      return xs.length === ys.length && xs.every((x, i) => rawEquals(x, ys[i]));
    }
    case "map":
    case "object": {
      const xs = entries(a);
      const ys = entries(b);
      if (xs.size !== ys.size) return false;
      let unknownSeen = false;
      for (const [k, x] of xs) {
        const y = ys.get(k);
        if (!y) return false;
        const e = ctyEquals(x, y);
        if (e === false) return false;
        if (e === void 0) unknownSeen = true;
      }
      return unknownSeen ? void 0 : true;
    }
    default:
      return rawEquals(a, b);
  }
}
function setProp(o, k, v) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
function toPlain(x) {
  const p = x.v;
  if (p instanceof Unk) return { __unknown__: p.text };
  if (p === null) return null;
  if (p instanceof BigNum) return holdsExactly(p) ? p.toJs() : exactNumber(jsonNumberText(p));
  if (Array.isArray(p)) return p.map(toPlain);
  if (p instanceof Map) {
    const o = {};
    for (const [k, e] of p) setProp(o, k, toPlain(e));
    return o;
  }
  return p;
}
function holdsExactly(n) {
  if (n.inf) return true;
  const t = n.text();
  if (t.length <= 15) return true;
  return BigNum.fromJs(Number(t)).text() === t;
}
function jsonNumberText(n) {
  const t = n.text();
  if (t.length <= 64) return t;
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(t);
  if (!m) return t;
  const [, sign = "", int2 = "", frac = ""] = m;
  const all = int2 + frac;
  const lead = all.length - all.replace(/^0+/, "").length;
  const digits = all.slice(lead).replace(/0+$/, "");
  if (digits.length === 0) return "0";
  const exp = int2.length - lead - 1;
  const sci = `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ""}e${exp}`;
  return sci.length < t.length ? sci : t;
}
function fromPlain(v) {
  if (v === null) return NULL;
  if (isExactNumber(v)) return num(BigNum.parse(v.rawJSON));
  if (typeof v === "string") return str(v);
  if (typeof v === "number") return num(BigNum.fromJs(v));
  if (typeof v === "boolean") return bool(v);
  if (Array.isArray(v)) return tuple(v.map(fromPlain));
  if (typeof v.__unknown__ === "string" && Object.keys(v).length === 1) return unk(v.__unknown__);
  const m = /* @__PURE__ */ new Map();
  for (const [k, e] of Object.entries(v)) m.set(k, fromPlain(e));
  return object(m);
}

// src/resolve/convert.ts
function convert(v, want) {
  if (typeEquals(v.t, want) && !hasOptional(want)) return v;
  const conv = getConversion(v.t, want, true);
  if (!conv) throw new EvalError(mismatch(v.t, want));
  return conv(v);
}
function hasOptional(t) {
  switch (t.k) {
    case "object":
      return (t.optional?.size ?? 0) > 0 || [...t.attrs.values()].some(hasOptional);
    case "list":
    case "set":
    case "map":
      return hasOptional(t.e);
    case "tuple":
      return t.es.some(hasOptional);
    default:
      return false;
  }
}
function mismatch(got, want) {
  if (want.k === "object" && got.k === "object") {
    for (const k of want.attrs.keys()) if (!got.attrs.has(k) && !want.optional?.has(k)) return `attribute "${k}" is required`;
  }
  return `${friendlyName(want)} required, got ${friendlyName(got)}`;
}
function getConversion(inT, out, unsafe) {
  const known = getConversionKnown(inT, out, unsafe);
  if (!known) return void 0;
  return (v) => {
    if (out.k === "dynamic") return v;
    if (isUnknown2(v)) return unk(unkText(v), dynamicReplace(v.t, withoutOptional(out)));
    if (isNull(v)) return nullOf(dynamicReplace(v.t, withoutOptional(out)));
    return known(v);
  };
}
function getConversionKnown(inT, out, unsafe) {
  if (out.k === "dynamic") return (v) => v;
  if (unsafe && inT.k === "dynamic") return (v) => convert(v, out);
  if (isPrimitive2(inT) && isPrimitive2(out)) {
    if (inT.k === out.k) return (v) => v;
    if (out.k === "string") return (v) => str(v.t.k === "number" ? asNum(v).text() : asBool(v) ? "true" : "false");
    if (!unsafe || inT.k !== "string") return void 0;
    if (out.k === "number") {
      return (v) => {
        const n = BigNum.parse(asStr(v));
        if (!n) throw new EvalError("a number is required");
        return { t: NUMBER, v: n };
      };
    }
    return (v) => {
      const s = asStr(v);
      if (s === "true" || s === "1") return TRUE;
      if (s === "false" || s === "0") return FALSE;
      const lower = s.toLowerCase();
      if (lower === "true" || lower === "false") throw new EvalError(`a bool is required; to convert from string, use lowercase "${lower}"`);
      throw new EvalError("a bool is required");
    };
  }
  if (out.k === "object" && inT.k === "object") return objectToObject(inT, out, unsafe);
  if (out.k === "tuple" && inT.k === "tuple") return tupleToTuple(inT, out, unsafe);
  if (out.k === "list" && (inT.k === "list" || inT.k === "set")) {
    const conv = typeEquals(inT.e, out.e) ? void 0 : getConversion(inT.e, out.e, unsafe);
    if (!typeEquals(inT.e, out.e) && !conv) return void 0;
    return (v) => collectionToList(out.e, elems(v), conv, inT.e);
  }
  if (out.k === "set" && (inT.k === "list" || inT.k === "set")) {
    if (inT.k === "list" && !unsafe) return void 0;
    const conv = typeEquals(inT.e, out.e) ? void 0 : getConversion(inT.e, out.e, unsafe);
    if (!typeEquals(inT.e, out.e) && !conv) return void 0;
    return (v) => collectionToSet(out.e, elems(v), conv, inT.e);
  }
  if (out.k === "map" && inT.k === "map") {
    const conv = getConversion(inT.e, out.e, unsafe);
    if (!conv) return void 0;
    return (v) => collectionToMap(out.e, entries(v), conv, unsafe, inT.e);
  }
  if (out.k === "list" && inT.k === "tuple") return tupleToList(inT.es, out.e, unsafe);
  if (out.k === "set" && inT.k === "tuple") return tupleToSet(inT.es, out.e, unsafe);
  if (out.k === "map" && inT.k === "object") return objectToMap(inT, out.e, unsafe);
  if (out.k === "object" && inT.k === "map") return unsafe ? mapToObject(inT, out, unsafe) : void 0;
  return void 0;
}
function dynamicReplace(inT, out) {
  if (inT.k === "dynamic") return out;
  switch (out.k) {
    case "dynamic":
      return inT;
    case "string":
    case "number":
    case "bool":
      return out;
    case "map":
      if (inT.k === "map") return mapOf(dynamicReplace(inT.e, out.e));
      if (inT.k === "object") return mapOf(dynamicReplace(unify([...inT.attrs.values()], true)?.type ?? DYN, out.e));
      return out;
    case "object": {
      const attrs = /* @__PURE__ */ new Map();
      for (const [k, a] of out.attrs) {
        if (inT.k === "map") attrs.set(k, dynamicReplace(inT.e, a));
        else if (inT.k === "object") attrs.set(k, inT.attrs.has(k) ? dynamicReplace(inT.attrs.get(k), a) : a);
      }
      return objectOf(attrs);
    }
    case "set":
    case "list":
      if (inT.k === "set" || inT.k === "list") return { k: out.k, e: dynamicReplace(inT.e, out.e) };
      if (inT.k === "tuple") return { k: out.k, e: dynamicReplace(unify(inT.es, true)?.type ?? DYN, out.e) };
      return out;
    case "tuple":
      return tupleOf(out.es.map((t, i) => inT.k === "tuple" && inT.es[i] ? dynamicReplace(inT.es[i], t) : t));
  }
}
var emptyElement = (ety, inEty) => ety.k === "dynamic" ? inEty : withoutOptional(ety);
function collectionToList(ety, items, conv, inEty) {
  const out = conv ? items.map(conv) : items;
  if (out.length === 0) return list(emptyElement(ety, inEty), []);
  if (ety.k === "dynamic") return homogeneous("list", unifyElements(out, true));
  return list(out[0].t.k === "dynamic" ? ety : concreteOf(out, ety), out);
}
function collectionToSet(ety, items, conv, inEty) {
  const out = conv ? items.map(conv) : items;
  if (out.length === 0) return set(emptyElement(ety, inEty), []);
  if (ety.k === "dynamic") return homogeneous("set", unifyElements(out, true));
  return set(concreteOf(out, ety), out);
}
function collectionToMap(ety, items, conv, unsafe, inEty) {
  const out = /* @__PURE__ */ new Map();
  for (const [k, x] of items) out.set(k, conv ? conv(x) : x);
  if (out.size === 0) return map(emptyElement(ety, inEty), out);
  if (ety.k === "dynamic") {
    const keys = [...out.keys()];
    const unified = unifyElements([...out.values()], unsafe);
    const m = /* @__PURE__ */ new Map();
    keys.forEach((k, i) => m.set(k, unified[i]));
    return homogeneousMap(m);
  }
  return map(concreteOf([...out.values()], ety), out);
}
function concreteOf(items, ety) {
  if (!hasDynamicDeep(ety)) return ety;
  const known = items.find((x) => !isUnknown2(x) && !isNull(x));
  return known ? known.t : ety;
}
function hasDynamicDeep(t) {
  switch (t.k) {
    case "dynamic":
      return true;
    case "list":
    case "set":
    case "map":
      return hasDynamicDeep(t.e);
    case "tuple":
      return t.es.some(hasDynamicDeep);
    case "object":
      return [...t.attrs.values()].some(hasDynamicDeep);
    default:
      return false;
  }
}
function unifyElements(items, unsafe) {
  const u = unify(
    items.map((x) => x.t),
    unsafe
  );
  if (!u) throw new EvalError("cannot find a common base type for all elements");
  return items.map((x, i) => u.convs[i] ? u.convs[i](x) : x);
}
function homogeneous(kind, items) {
  const t = commonType(items);
  return kind === "list" ? list(t, items) : set(t, items);
}
function homogeneousMap(m) {
  return map(commonType([...m.values()]), m);
}
function commonType(items) {
  const known = items.filter((x) => x.t.k !== "dynamic");
  const t = known[0]?.t ?? DYN;
  for (const x of known) if (!typeEquals(x.t, t)) throw new EvalError("element types must all match for conversion to a collection");
  return t;
}
function tupleToList(es, listEty, unsafe) {
  if (es.length === 0) return () => list(withoutOptional(listEty), []);
  let ety = listEty;
  if (ety.k === "dynamic") {
    const u = unify(es, unsafe);
    if (!u) return void 0;
    ety = u.type;
    if (ety.k === "dynamic" && es.some((t) => t.k !== "dynamic")) return void 0;
  }
  const convs = es.map((t) => typeEquals(t, ety) ? null : getConversion(t, ety, unsafe));
  if (convs.some((c) => c === void 0)) return void 0;
  return (v) => {
    const items = elems(v).map((x, i) => convs[i] ? convs[i](x) : x);
    return homogeneous("list", unifyElements(items, unsafe));
  };
}
function tupleToSet(es, setEty, unsafe) {
  if (es.length === 0) return () => set(withoutOptional(setEty), []);
  let ety = setEty;
  if (ety.k === "dynamic") {
    const u = unify(es, unsafe);
    if (!u) return void 0;
    ety = u.type;
    if (ety.k === "dynamic" && es.some((t) => t.k !== "dynamic")) return void 0;
  }
  const convs = es.map((t) => typeEquals(t, ety) ? null : getConversion(t, ety, unsafe));
  if (convs.some((c) => c === void 0)) return void 0;
  return (v) => {
    const items = elems(v).map((x, i) => convs[i] ? convs[i](x) : x);
    return homogeneous("set", unifyElements(items, unsafe));
  };
}
function objectToMap(inT, mapEty, unsafe) {
  if (inT.attrs.size === 0) return () => map(withoutOptional(mapEty), /* @__PURE__ */ new Map());
  let ety = mapEty;
  if (ety.k === "dynamic") {
    const u = unify([...inT.attrs.values()], unsafe);
    if (!u) return void 0;
    ety = u.type;
  }
  const convs = /* @__PURE__ */ new Map();
  for (const [k, t] of inT.attrs) {
    if (typeEquals(t, ety)) convs.set(k, null);
    else {
      const c = getConversion(t, ety, unsafe);
      if (!c) return void 0;
      convs.set(k, c);
    }
  }
  return (v) => {
    const m = /* @__PURE__ */ new Map();
    for (const [k, x] of entries(v)) m.set(k, convs.get(k) ? convs.get(k)(x) : x);
    const keys = [...m.keys()];
    const unified = unifyElements([...m.values()], unsafe);
    const out = /* @__PURE__ */ new Map();
    keys.forEach((k, i) => out.set(k, unified[i]));
    return homogeneousMap(out);
  };
}
function mapToObject(inT, out, unsafe) {
  const convs = /* @__PURE__ */ new Map();
  for (const [k, t] of out.attrs) {
    if (typeEquals(t, inT.e)) convs.set(k, null);
    else {
      const c = getConversion(inT.e, t, unsafe);
      if (!c) {
        if (out.optional?.has(k) && unsafe) continue;
        return void 0;
      }
      convs.set(k, c);
    }
  }
  return (v) => {
    const m = /* @__PURE__ */ new Map();
    for (const [k, x] of entries(v)) {
      if (!out.attrs.has(k)) continue;
      const c = convs.get(k);
      if (c === void 0) throw new EvalError(`map element type is incompatible with attribute "${k}"`);
      m.set(k, c ? c(x) : x);
    }
    return finishObject(m, out);
  };
}
function objectToObject(inT, out, unsafe) {
  const convs = /* @__PURE__ */ new Map();
  for (const [k, t] of out.attrs) {
    const it = inT.attrs.get(k);
    if (!it) {
      if (out.optional?.has(k)) continue;
      return void 0;
    }
    if (typeEquals(it, t) && !hasOptional(t)) convs.set(k, null);
    else {
      const c = getConversion(it, t, unsafe);
      if (!c) return void 0;
      convs.set(k, c);
    }
  }
  return (v) => {
    const m = /* @__PURE__ */ new Map();
    for (const [k, x] of entries(v)) {
      if (!convs.has(k)) continue;
      const c = convs.get(k);
      m.set(k, c ? c(x) : x);
    }
    return finishObject(m, out);
  };
}
function finishObject(m, out) {
  for (const [k, t] of out.attrs) {
    const cur = m.get(k);
    const opt = out.optional;
    if (cur && !isNull(cur)) continue;
    if (opt?.has(k)) {
      const def = opt.get(k);
      m.set(k, def && !isNull(def) ? convert(def, t) : nullOf(withoutOptional(t)));
    } else if (!cur) throw new EvalError(`attribute "${k}" is required`);
    else m.set(k, nullOf(withoutOptional(t)));
  }
  return object(m);
}
function tupleToTuple(inT, out, unsafe) {
  if (inT.es.length !== out.es.length) return void 0;
  const convs = [];
  for (let i = 0; i < out.es.length; i++) {
    if (typeEquals(inT.es[i], out.es[i]) && !hasOptional(out.es[i])) convs.push(null);
    else {
      const c = getConversion(inT.es[i], out.es[i], unsafe);
      if (!c) return void 0;
      convs.push(c);
    }
  }
  return (v) => tuple(elems(v).map((x, i) => convs[i] ? convs[i](x) : x));
}
function unify(types, unsafe) {
  if (types.length === 0) return void 0;
  const count2 = (k) => types.filter((t) => t.k === k).length;
  const n = types.length;
  const [mapCt, listCt, setCt, objectCt, tupleCt, dynCt] = [count2("map"), count2("list"), count2("set"), count2("object"), count2("tuple"), count2("dynamic")];
  if (mapCt > 0 && mapCt + dynCt === n) return unifyCollections("map", types, unsafe, dynCt > 0);
  if (mapCt > 0 && mapCt + objectCt + dynCt === n) {
    const r = unifyObjectsAsMaps(types, unsafe);
    if (r && r.type.k === "map") return r;
  } else if (listCt > 0 && listCt + dynCt === n) return unifyCollections("list", types, unsafe, dynCt > 0);
  else if (listCt > 0 && listCt + tupleCt + dynCt === n) {
    const r = unifyTuplesAsList(types, unsafe);
    if (r && r.type.k === "list") return r;
  } else if (setCt > 0 && setCt + dynCt === n) return unifyCollections("set", types, unsafe, dynCt > 0);
  else if (objectCt > 0 && objectCt + dynCt === n) return unifyObjects(types, unsafe, dynCt > 0);
  else if (tupleCt > 0 && tupleCt + dynCt === n) return unifyTuples(types, unsafe, dynCt > 0);
  else if (objectCt > 0 && tupleCt > 0) return void 0;
  for (const want of sortTypes(types)) {
    const wantType = types[want];
    const convs = [];
    let ok = true;
    for (let i = 0; i < n; i++) {
      if (i === want || typeEquals(types[i], wantType)) {
        convs.push(null);
        continue;
      }
      const c = conversionFn(types[i], wantType, unsafe);
      if (!c) {
        ok = false;
        break;
      }
      convs.push(c);
    }
    if (ok) return { type: wantType, convs };
  }
  return void 0;
}
function conversionFn(from, to, unsafe) {
  if (typeEquals(from, to)) return (v) => v;
  return getConversion(from, to, unsafe);
}
function allAsDynamic(types) {
  return { type: DYN, convs: types.map(() => (v) => isUnknown2(v) ? v : v) };
}
function convsTo(types, ret, unsafe) {
  const convs = [];
  for (const t of types) {
    if (typeEquals(t, ret)) {
      convs.push(null);
      continue;
    }
    const c = conversionFn(t, ret, unsafe);
    if (!c) return void 0;
    convs.push(c);
  }
  return convs;
}
function unifyCollections(kind, types, unsafe, hasDyn) {
  if (hasDyn) return allAsDynamic(types);
  const e = unify(
    types.map((t) => t.e),
    unsafe
  );
  if (!e) return void 0;
  const ret = { k: kind, e: e.type };
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : void 0;
}
function unifyObjects(types, unsafe, hasDyn) {
  if (hasDyn) return allAsDynamic(types);
  const first2 = types[0].attrs;
  for (const t of types.slice(1)) {
    const a = t.attrs;
    if (a.size !== first2.size || [...a.keys()].some((k) => !first2.has(k))) return unifyObjectsToMap(types, unsafe);
  }
  const attrs = /* @__PURE__ */ new Map();
  for (const k of first2.keys()) {
    const u = unify(
      types.map((t) => t.attrs.get(k)),
      unsafe
    );
    if (!u) return void 0;
    attrs.set(k, u.type);
  }
  const ret = objectOf(attrs);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : unifyObjectsToMap(types, unsafe);
}
function unifyObjectsToMap(types, unsafe) {
  const atys = types.flatMap((t) => [...t.attrs.values()]);
  const e = unify(atys, unsafe);
  if (!e) return void 0;
  const ret = mapOf(e.type);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : void 0;
}
function unifyTuples(types, unsafe, hasDyn) {
  if (hasDyn) return allAsDynamic(types);
  const first2 = types[0].es;
  for (const t of types.slice(1)) if (t.es.length !== first2.length) return unifyTuplesToList(types, unsafe);
  const es = [];
  for (let i = 0; i < first2.length; i++) {
    const u = unify(
      types.map((t) => t.es[i]),
      unsafe
    );
    if (!u) return void 0;
    es.push(u.type);
  }
  const ret = tupleOf(es);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : unifyTuplesToList(types, unsafe);
}
function unifyTuplesToList(types, unsafe) {
  const etys = types.flatMap((t) => t.es);
  const e = unify(etys, unsafe);
  if (!e) return void 0;
  const ret = listOf(e.type);
  const convs = convsTo(types, ret, unsafe);
  return convs ? { type: ret, convs } : void 0;
}
function unifyTuplesAsList(types, unsafe) {
  const idx = types.map((t, i) => t.k === "tuple" ? i : -1).filter((i) => i >= 0);
  const asList = unifyTuplesToList(
    idx.map((i) => types[i]),
    unsafe
  );
  if (!asList || asList.type.k !== "list") return void 0;
  const listed = types.map((t) => t.k === "tuple" ? asList.type : t);
  const r = unify(listed, unsafe);
  if (!r || r.type.k !== "list") return void 0;
  idx.forEach((i, j) => {
    const tupleConv = asList.convs[j];
    const listConv = r.convs[i];
    r.convs[i] = tupleConv && listConv ? (v) => listConv(tupleConv(v)) : tupleConv ?? listConv ?? null;
  });
  return r;
}
function unifyObjectsAsMaps(types, unsafe) {
  const idx = types.map((t, i) => t.k === "object" ? i : -1).filter((i) => i >= 0);
  const asMap = unifyObjectsToMap(
    idx.map((i) => types[i]),
    unsafe
  );
  if (!asMap || asMap.type.k !== "map") return void 0;
  const mapped = types.map((t) => t.k === "object" ? asMap.type : t);
  const r = unify(mapped, unsafe);
  if (!r || r.type.k !== "map") return void 0;
  idx.forEach((i, j) => {
    const objConv = asMap.convs[j];
    const mapConv = r.convs[i];
    r.convs[i] = objConv && mapConv ? (v) => mapConv(objConv(v)) : objConv ?? mapConv ?? null;
  });
  return r;
}
function sortTypes(types) {
  const n = types.length;
  const edges = types.map(() => []);
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = compareTypes(types[i], types[j]);
      if (c < 0) edges[i].push(j);
      else if (c > 0) edges[j].push(i);
    }
  }
  const inDegree = new Array(n).fill(0);
  for (const outs of edges) for (const j of outs) inDegree[j]++;
  const queue = [];
  for (let i = 0; i < n; i++) if (inDegree[i] === 0) queue.push(i);
  const result = [];
  while (queue.length) {
    const i = queue.shift();
    result.push(i);
    for (const j of edges[i]) if (--inDegree[j] === 0) queue.push(j);
  }
  return result;
}
function compareTypes(a0, b0) {
  let a = a0;
  let b = b0;
  if (a.k === "dynamic" || b.k === "dynamic") {
    if (a.k !== "dynamic") return -1;
    if (b.k !== "dynamic") return 1;
    return 0;
  }
  if (isPrimitive2(a) && isPrimitive2(b)) {
    if (a.k === "string" || b.k === "string") {
      if (a.k !== "string") return 1;
      if (b.k !== "string") return -1;
      return 0;
    }
  }
  if (a.k === "list" && b.k === "list" || a.k === "set" && b.k === "set" || a.k === "map" && b.k === "map") {
    return compareTypes(a.e, b.e);
  }
  let swap = 1;
  if (a.k === "tuple" && b.k === "list" || a.k === "object" && b.k === "map" || a.k === "set" && b.k === "tuple" || a.k === "set" && b.k === "list") {
    [a, b] = [b, a];
    swap = -1;
  }
  if (b.k === "set" && (a.k === "tuple" || a.k === "list")) return -1 * swap;
  if (a.k === "list" && b.k === "tuple") return -1 * swap;
  if (a.k === "map" && b.k === "object") return -1 * swap;
  const supers = (pairs) => {
    let aSuper = false;
    let bSuper = false;
    for (const [x, y] of pairs) {
      const c = compareTypes(x, y);
      if (c < 0) aSuper = true;
      else if (c > 0) bSuper = true;
    }
    if (aSuper && bSuper) return 0;
    if (aSuper) return -1 * swap;
    if (bSuper) return 1 * swap;
    return 0;
  };
  if (a.k === "object" && b.k === "object") {
    if (a.attrs.size !== b.attrs.size) return 0;
    const pairs = [];
    for (const [k, t] of a.attrs) {
      const o = b.attrs.get(k);
      if (!o) return 0;
      pairs.push([t, o]);
    }
    return supers(pairs);
  }
  if (a.k === "tuple" && b.k === "tuple") {
    if (a.es.length !== b.es.length) return 0;
    const bes = b.es;
    return supers(a.es.map((t, i) => [t, bes[i]]));
  }
  return 0;
}
function unifyValues(vals, what) {
  const u = unify(
    vals.map((v) => v.t),
    true
  );
  if (!u) throw new EvalError(`${what}: the values have no common type`);
  return vals.map((v, i) => u.convs[i] ? u.convs[i](v) : v);
}

// src/resolve/eval.ts
init_ast();

// src/resolve/budget.ts
var BudgetError = class extends EvalError {
  constructor(message) {
    super(message);
    this.name = "BudgetError";
  }
};
var LIMITS = {
  /** Evaluation steps for one expression (an attribute, a local, a variable's value). */
  stepsPerExpression: 2e6,
  /** Evaluation steps for everything evaluated in one module instance or Packer template folder. */
  stepsPerModule: 2e7,
  /** Longest string an expression may build (characters). */
  stringLength: 1e6,
  /** Most elements in one collection an expression may build. */
  collectionLength: 1e5
};
var Budget = class {
  constructor(limits = LIMITS) {
    this.limits = limits;
  }
  limits;
  total = 0;
  expr = 0;
  depth = 0;
  /** Start one top-level expression's evaluation (a nested one, such as a local it reads, counts towards it). */
  begin() {
    if (this.depth++ === 0) this.expr = 0;
  }
  end() {
    this.depth--;
  }
  /** Spend n steps (one per node evaluated, one per element or 64 characters built). */
  spend(n = 1) {
    this.expr += n;
    this.total += n;
    if (this.expr > this.limits.stepsPerExpression) {
      throw new BudgetError(`evaluation budget exceeded: more than ${this.limits.stepsPerExpression} steps in one expression`);
    }
    if (this.total > this.limits.stepsPerModule) {
      throw new BudgetError(`evaluation budget exceeded: more than ${this.limits.stepsPerModule} steps in one module`);
    }
  }
  /** Refuse a string of `length` characters before building it. */
  string(length) {
    if (length > this.limits.stringLength) throw new BudgetError(`evaluation budget exceeded: a string of ${length} characters (limit ${this.limits.stringLength})`);
    this.spend(1 + Math.floor(length / 64));
  }
  /** Refuse a collection of `length` elements before building it. */
  collection(length) {
    if (length > this.limits.collectionLength) {
      throw new BudgetError(`evaluation budget exceeded: a collection of ${length} elements (limit ${this.limits.collectionLength})`);
    }
    this.spend(1 + length);
  }
};
function freshBudget() {
  return new Budget();
}

// src/resolve/functions.ts
import { createHash as createHash2, createPrivateKey } from "node:crypto";

// src/util/builtins.ts
import { createRequire } from "node:module";
var load = createRequire(import.meta.url);
var zlibModule;
var zlib = () => zlibModule ??= load("node:zlib");

// src/resolve/functions.ts
var import_js_yaml = __toESM(require_js_yaml(), 1);
var import_re2js2 = __toESM(require_re2js(), 1);
import path4 from "node:path";

// src/resolve/text.ts
var segmenter;
var MARK_OR_ZWJ = /^[\p{M}\u200d]$/u;
var LETTER = new RegExp("^\\p{L}$", "u");
function graphemes(s) {
  if (/^[\x00-\x0c\x0e-\x7f]*$/.test(s)) return s.split("");
  const out = [];
  for (const { segment } of (segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" })).segment(s)) {
    const cps = Array.from(segment);
    if (cps.length < 3) {
      out.push(segment);
      continue;
    }
    let start = 0;
    for (let i = 1; i < cps.length; i++) {
      if (LETTER.test(cps[i]) && MARK_OR_ZWJ.test(cps[i - 1])) {
        out.push(cps.slice(start, i).join(""));
        start = i;
      }
    }
    out.push(cps.slice(start).join(""));
  }
  return out;
}

// src/resolve/format.ts
function formatString(spec, args, budget, json) {
  let out = "";
  let nextArg = 1;
  let highest = 0;
  let i = 0;
  while (i < spec.length) {
    const c = spec[i];
    if (c !== "%") {
      out += c;
      i++;
      continue;
    }
    if (spec[i + 1] === "%") {
      out += "%";
      i += 2;
      continue;
    }
    const start = i;
    i++;
    const v = { raw: "", argNum: nextArg, minus: false, plus: false, sharp: false, space: false, zero: false, width: -1, prec: -1, mode: "" };
    for (; i < spec.length; i++) {
      const f = spec[i];
      if (f === "-") v.minus = true;
      else if (f === "+") v.plus = true;
      else if (f === "#") v.sharp = true;
      else if (f === " ") v.space = true;
      else if (f === "0") v.zero = true;
      else break;
    }
    if (spec[i] === "[") {
      const m = /^\[([0-9]+)\]/.exec(spec.slice(i));
      if (!m) throw new EvalError(`invalid format string starting at offset ${start}`);
      v.argNum = Number(m[1]);
      i += m[0].length;
    }
    const w = /^[0-9]+/.exec(spec.slice(i));
    if (w) {
      v.width = Number(w[0]);
      i += w[0].length;
    }
    if (spec[i] === ".") {
      i++;
      const p = /^[0-9]*/.exec(spec.slice(i))[0];
      v.prec = p === "" ? 0 : Number(p);
      i += p.length;
    }
    const mode = spec[i];
    if (mode === void 0) throw new EvalError(`invalid format string starting at offset ${start}`);
    const cp = spec.codePointAt(i);
    v.mode = String.fromCodePoint(cp);
    i += v.mode.length;
    v.raw = spec.slice(start, i);
    if (!"vtbdoxXeEfgGsq".includes(v.mode)) throw new EvalError(`unrecognized format character ${JSON.stringify(v.mode)} at offset ${i - 1}`);
    if (v.width > 0) budget.string(v.width);
    if (v.prec > 0) budget.string(v.prec);
    if (v.argNum > highest) highest = v.argNum;
    nextArg = v.argNum + 1;
    const piece = formatVerb(v, args, json);
    budget.string(out.length + piece.length);
    out += piece;
  }
  if (highest < args.length) {
    throw new EvalError(highest === 0 ? "too many arguments; no verbs in format string" : `too many arguments; only ${highest} used by format string`);
  }
  return out;
}
function formatVerb(v, args, json) {
  const arg = args[v.argNum - 1];
  if (!arg) throw new EvalError(`not enough arguments for "${v.raw}": need index ${v.argNum} but have ${args.length} total`);
  if (v.mode !== "v" && isNull(arg)) throw new EvalError(`unsupported value for "${v.raw}": null value cannot be formatted`);
  switch (v.mode) {
    case "v":
      if (!v.sharp && !isNull(arg)) {
        if (arg.t.k === "string") return padWidth(v, asStr(arg));
        if (arg.t.k === "number") return padWidth(v, gShortest(asNum(arg)));
      }
      return padWidth(v, json(arg));
    case "t":
      return asBool(convert(arg, BOOL)) ? "true" : "false";
    case "s":
    case "q": {
      let s = asStr(convert(arg, STRING));
      if (v.prec > 0) s = graphemes(s).slice(0, v.prec).join("");
      return padWidth(v, v.mode === "s" ? s : json({ t: STRING, v: s }));
    }
    default: {
      const n = asNum(convert(arg, NUMBER));
      if ("bdoxX".includes(v.mode)) {
        if (n.inf || !n.isInt()) throw new EvalError(`unsupported value for "${v.raw}": an integer is required`);
        const i = n.trunc();
        return goPad(v, intDigits(v, i), i < 0n);
      }
      return goPad(v, floatDigits(v, n), n.neg);
    }
  }
}
function padWidth(v, s) {
  if (v.width < 0) return s;
  const len = graphemes(s).length;
  if (len >= v.width) return s;
  const pad = (v.zero ? "0" : " ").repeat(v.width - len);
  return v.minus ? s + pad : pad + s;
}
function intDigits(v, n) {
  const a = n < 0n ? -n : n;
  const base = v.mode === "b" ? 2 : v.mode === "o" ? 8 : v.mode === "d" ? 10 : 16;
  let digits = a.toString(base);
  if (v.mode === "X") digits = digits.toUpperCase();
  if (v.prec >= 0) {
    if (v.prec === 0 && a === 0n) digits = "";
    else if (digits.length < v.prec) digits = "0".repeat(v.prec - digits.length) + digits;
  }
  if (v.sharp) {
    if (v.mode === "x") digits = `0x${digits}`;
    else if (v.mode === "X") digits = `0X${digits}`;
    else if (v.mode === "b") digits = `0b${digits}`;
    else if (v.mode === "o" && !digits.startsWith("0")) digits = `0${digits}`;
  }
  return digits;
}
function goPad(v, body, neg) {
  const sign = neg ? "-" : v.plus ? "+" : v.space ? " " : "";
  const len = sign.length + body.length;
  if (v.width <= len) return sign + body;
  const padLen = v.width - len;
  const isInf = body === "Inf";
  const intWithPrec = "bdoxX".includes(v.mode) && v.prec >= 0;
  if (v.minus) return sign + body + " ".repeat(padLen);
  if (v.zero && !isInf && !intWithPrec) {
    const prefix = /^0[xXbB]/.exec(body)?.[0] ?? "";
    return sign + prefix + "0".repeat(padLen) + body.slice(prefix.length);
  }
  return " ".repeat(padLen) + sign + body;
}
function floatDigits(v, n) {
  if (n.inf) return "Inf";
  const a = n.abs();
  let mode = v.mode;
  const upper = mode === "E" || mode === "G";
  mode = mode.toLowerCase();
  if (mode === "g" && v.prec < 0) return upper ? gShortest(a).toUpperCase() : gShortest(a);
  const prec = v.prec < 0 ? 6 : v.prec;
  const d = decimalOf(a);
  if (mode === "f") {
    roundTo(d, d.exp + prec);
    return fixed(d, prec);
  }
  if (mode === "e") {
    roundTo(d, prec + 1);
    const s2 = expo(d, prec);
    return upper ? s2.toUpperCase() : s2;
  }
  const p = prec === 0 ? 1 : prec;
  roundTo(d, p);
  const x = d.exp - 1;
  let s;
  if (x < -4 || x >= p) s = expo(d, Math.min(p, Math.max(d.digits.length, 1)) - 1);
  else s = fixed(d, Math.max(Math.min(p, d.digits.length) - d.exp, 0));
  return upper ? s.toUpperCase() : s;
}
function gShortest(n) {
  if (n.inf) return n.neg ? "-Inf" : "+Inf";
  const sign = n.neg ? "-" : "";
  const d = decimalFromText(n.abs().text());
  if (d.digits === "") return `${sign}0`;
  const x = d.exp - 1;
  if (x < -4 || x >= 6) return sign + expo(d, d.digits.length - 1);
  let prec = d.digits.length;
  if (prec > d.exp) prec = d.digits.length;
  return sign + fixed(d, Math.max(prec - d.exp, 0));
}
function decimalOf(n) {
  return decimalFromText(n.exactText());
}
function decimalFromText(t) {
  const [ip, fp = ""] = t.split(".");
  const all = (ip === "0" ? "" : ip) + fp;
  const lead = /^0*/.exec(all)[0].length;
  const digits = all.slice(lead).replace(/0+$/, "");
  const exp = (ip === "0" ? 0 : ip.length) - lead;
  return { digits, exp: digits === "" ? 0 : exp };
}
function roundTo(d, n) {
  if (n < 0) {
    d.digits = "";
    d.exp = 0;
    return;
  }
  if (n >= d.digits.length) return;
  const c = d.digits[n];
  const up = c === "5" && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= "5";
  if (!up) {
    d.digits = d.digits.slice(0, n).replace(/0+$/, "");
    return;
  }
  let k = n;
  while (k > 0 && d.digits[k - 1] === "9") k--;
  if (k === 0) {
    d.digits = "1";
    d.exp++;
    return;
  }
  d.digits = d.digits.slice(0, k - 1) + String.fromCharCode(d.digits.charCodeAt(k - 1) + 1);
}
var digitAt = (d, i) => i >= 0 && i < d.digits.length ? d.digits[i] : "0";
function fixed(d, prec) {
  let out = "";
  if (d.exp > 0) for (let i = 0; i < d.exp; i++) out += digitAt(d, i);
  else out = "0";
  if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) out += digitAt(d, d.exp + i);
  }
  return out;
}
function expo(d, prec) {
  let out = digitAt(d, 0);
  if (prec > 0) {
    out += ".";
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  let e = d.digits === "" ? 0 : d.exp - 1;
  const es = e < 0 ? "-" : "+";
  if (e < 0) e = -e;
  return `${out}e${es}${e < 10 ? "0" : ""}${e}`;
}

// src/resolve/glob.ts
var SEP = 47;
var BS = 92;
var BadPattern = class extends EvalError {
  constructor() {
    super("syntax error in pattern");
  }
};
var runes = (s) => Array.from(s, (c) => c.codePointAt(0));
function globMatch(pattern, name) {
  return doMatch(runes(pattern), runes(name), -1, -1, -1, -1, 0, 0);
}
function doMatch(pattern, name, dsPat, dsName, sPat, sName, patIdx, nameIdx) {
  const patLen = pattern.length;
  const nameLen = name.length;
  let startOfSegment = true;
  match: while (nameIdx < nameLen) {
    if (patIdx < patLen) {
      const c = pattern[patIdx];
      let fallToBacktrack = false;
      if (c === 42) {
        patIdx++;
        if (patIdx < patLen && pattern[patIdx] === 42) {
          patIdx++;
          if (startOfSegment) {
            if (patIdx >= patLen) return true;
            if (pattern[patIdx] === SEP) {
              patIdx++;
              dsPat = patIdx;
              dsName = nameIdx;
              sPat = -1;
              sName = -1;
              continue;
            }
          }
        }
        startOfSegment = false;
        sPat = patIdx;
        sName = nameIdx;
        continue;
      } else if (c === 63) {
        startOfSegment = false;
        if (name[nameIdx] === SEP) fallToBacktrack = true;
        else {
          patIdx++;
          nameIdx++;
          continue;
        }
      } else if (c === 91) {
        startOfSegment = false;
        patIdx++;
        if (patIdx >= patLen) throw new BadPattern();
        const nameRune = name[nameIdx];
        let matched = false;
        const negate = pattern[patIdx] === 33 || pattern[patIdx] === 94;
        if (negate) patIdx++;
        if (patIdx >= patLen || pattern[patIdx] === 93) throw new BadPattern();
        let last = Number.MAX_SAFE_INTEGER;
        while (patIdx < patLen && pattern[patIdx] !== 93) {
          let patRune = pattern[patIdx];
          patIdx++;
          if (last !== Number.MAX_SAFE_INTEGER && patRune === 45 && patIdx < patLen && pattern[patIdx] !== 93) {
            if (pattern[patIdx] === BS) patIdx++;
            patRune = pattern[patIdx];
            patIdx++;
            if (last <= nameRune && nameRune <= patRune) {
              matched = true;
              break;
            }
            last = Number.MAX_SAFE_INTEGER;
            continue;
          }
          if (patRune === BS) {
            patRune = pattern[patIdx];
            patIdx++;
          }
          if (patRune === nameRune) {
            matched = true;
            break;
          }
          last = patRune;
        }
        if (matched === negate) {
          if (patIdx >= patLen) throw new BadPattern();
          fallToBacktrack = true;
        } else {
          const closing = indexUnescaped(pattern, patIdx, 93);
          if (closing === -1) throw new BadPattern();
          patIdx = closing + 1;
          nameIdx++;
          continue;
        }
      } else if (c === 123) {
        startOfSegment = false;
        const beforeIdx = patIdx;
        patIdx++;
        const closing = indexMatchedClosingAlt(pattern, patIdx);
        if (closing === -1) throw new BadPattern();
        for (; ; ) {
          const comma = indexNextAlt(pattern, patIdx, closing);
          if (comma === -1) break;
          const alt = [...pattern.slice(0, beforeIdx), ...pattern.slice(patIdx, comma), ...pattern.slice(closing + 1)];
          if (doMatch(alt, name, dsPat, dsName, sPat, sName, beforeIdx, nameIdx)) return true;
          patIdx = comma + 1;
        }
        return doMatch([...pattern.slice(0, beforeIdx), ...pattern.slice(patIdx, closing), ...pattern.slice(closing + 1)], name, dsPat, dsName, sPat, sName, beforeIdx, nameIdx);
      } else {
        let escaped = false;
        if (c === BS) {
          patIdx++;
          if (patIdx >= patLen) throw new BadPattern();
          escaped = true;
        }
        const patRune = pattern[patIdx];
        if (patRune !== name[nameIdx]) {
          if (escaped) patIdx--;
          fallToBacktrack = true;
        } else {
          patIdx++;
          nameIdx++;
          startOfSegment = patRune === SEP;
          continue;
        }
      }
      void fallToBacktrack;
    }
    if (sPat >= 0 && name[sName] !== SEP) {
      sName++;
      patIdx = sPat;
      nameIdx = sName;
      startOfSegment = false;
      continue;
    }
    if (dsPat >= 0) {
      nameIdx = dsName;
      while (nameIdx < nameLen) {
        const r = name[nameIdx];
        nameIdx++;
        if (r === SEP) {
          dsName = nameIdx;
          patIdx = dsPat;
          startOfSegment = true;
          continue match;
        }
      }
    }
    if (patIdx < patLen && !validate(pattern.slice(patIdx))) throw new BadPattern();
    return false;
  }
  return isZeroLength(pattern.slice(patIdx));
}
function isZeroLength(p) {
  const s = String.fromCodePoint(...p);
  if (s === "" || s === "*" || s === "**" || s === "/**" || s === "**/" || s === "/**/") return true;
  if (p[0] === 123) {
    const closing = indexMatchedClosingAlt(p, 1);
    if (closing === -1) throw new BadPattern();
    let patIdx = 1;
    for (; ; ) {
      const comma = indexNextAlt(p, patIdx, closing);
      if (comma === -1) break;
      if (isZeroLength([...p.slice(patIdx, comma), ...p.slice(closing + 1)])) return true;
      patIdx = comma + 1;
    }
    return isZeroLength([...p.slice(patIdx, closing), ...p.slice(closing + 1)]);
  }
  if (!validate(p)) throw new BadPattern();
  return false;
}
function indexUnescaped(p, from, c) {
  for (let i = from; i < p.length; i++) {
    if (p[i] === BS) i++;
    else if (p[i] === c) return i;
  }
  return -1;
}
function indexMatchedClosingAlt(p, from) {
  let alts = 1;
  for (let i = from; i < p.length; i++) {
    if (p[i] === BS) i++;
    else if (p[i] === 123) alts++;
    else if (p[i] === 125 && --alts === 0) return i;
  }
  return -1;
}
function indexNextAlt(p, from, to) {
  let alts = 1;
  for (let i = from; i < to; i++) {
    if (p[i] === BS) i++;
    else if (p[i] === 123) alts++;
    else if (p[i] === 125) alts--;
    else if (p[i] === 44 && alts === 1) return i;
  }
  return -1;
}
function validate(p) {
  let altDepth = 0;
  const l = p.length;
  for (let i = 0; i < l; i++) {
    switch (p[i]) {
      case BS:
        i++;
        if (i >= l) return false;
        continue;
      case 91: {
        i++;
        if (i >= l) return false;
        if (p[i] === 94 || p[i] === 33) i++;
        if (i >= l || p[i] === 93) return false;
        for (; i < l; i++) {
          if (p[i] === BS) i++;
          else if (p[i] === 93) break;
        }
        if (i >= l) return false;
        continue;
      }
      case 123:
        altDepth++;
        continue;
      case 125:
        if (altDepth === 0) return false;
        altDepth--;
        continue;
      default:
        continue;
    }
  }
  return altDepth === 0;
}
function hasMeta(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[" || c === "{") return true;
  }
  return false;
}
function unescapeMeta(s) {
  return s.replace(/\\([*?[\]{}])/g, "$1");
}

// src/resolve/gzip.ts
var windowSize = 1 << 15;
var windowMask = windowSize - 1;
var baseMatchLength = 3;
var minMatchLength = 4;
var maxMatchLength = 258;
var baseMatchOffset = 1;
var maxFlateBlockTokens = 1 << 14;
var maxStoreBlockSize = 65535;
var hashBits = 17;
var hashSize = 1 << hashBits;
var hashMask = hashSize - 1;
var maxHashOffset = 1 << 24;
var GOOD = 8;
var LAZY = 16;
var NICE = 128;
var CHAIN = 128;
var maxNumLit = 286;
var offsetCodeCount = 30;
var endBlockMarker = 256;
var lengthCodesStart = 257;
var codegenCodeCount = 19;
var badCode = 255;
var lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
var lengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255];
var offsetExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
var offsetBase = [
  0,
  1,
  2,
  3,
  4,
  6,
  8,
  12,
  16,
  24,
  32,
  48,
  64,
  96,
  128,
  192,
  256,
  384,
  512,
  768,
  1024,
  1536,
  2048,
  3072,
  4096,
  6144,
  8192,
  12288,
  16384,
  24576
];
var codegenOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
var lengthCodes = new Uint8Array(256);
for (let code = 0; code < 29; code++) {
  const end = code === 28 ? 256 : lengthBase[code + 1];
  for (let l = lengthBase[code]; l < end; l++) lengthCodes[l] = code;
}
lengthCodes[255] = 28;
var offsetCodes = new Uint8Array(256);
for (let code = 0; code < 16; code++) {
  const end = code === 15 ? 256 : offsetBase[code + 1];
  for (let o = offsetBase[code]; o < end; o++) offsetCodes[o] = code;
}
function offsetCode(off) {
  if (off < 256) return offsetCodes[off];
  if (off >> 7 < 256) return offsetCodes[off >> 7] + 14;
  return offsetCodes[off >> 14] + 28;
}
var MATCH = 1 << 30;
var matchToken = (xlength, xoffset) => MATCH + xlength * (1 << 22) + xoffset;
var tokLength = (t) => Math.floor((t - MATCH) / (1 << 22));
var tokOffset = (t) => (t - MATCH) % (1 << 22);
function reverseBits(n, len) {
  let r = 0;
  for (let i = 0; i < len; i++) r |= (n >> i & 1) << len - 1 - i;
  return r;
}
var HuffmanEncoder = class {
  codes;
  constructor(size) {
    this.codes = Array.from({ length: size }, () => ({ code: 0, len: 0 }));
  }
  bitLength(freq) {
    let total = 0;
    for (let i = 0; i < freq.length; i++) if (freq[i] !== 0) total += freq[i] * this.codes[i].len;
    return total;
  }
  /** huffman_code.go bitCounts: package-merge over levels. */
  bitCounts(list3, maxBitsIn) {
    const n = list3.length;
    const l = [...list3, { literal: 65535, freq: 2147483647 }];
    let maxBits = maxBitsIn;
    if (maxBits > n - 1) maxBits = n - 1;
    const MAX = 2147483647;
    const levels = Array.from({ length: 16 }, () => ({ level: 0, lastFreq: 0, nextCharFreq: 0, nextPairFreq: 0, needed: 0 }));
    const leafCounts = Array.from({ length: 16 }, () => new Array(16).fill(0));
    for (let level2 = 1; level2 <= maxBits; level2++) {
      levels[level2] = { level: level2, lastFreq: l[1].freq, nextCharFreq: l[2].freq, nextPairFreq: l[0].freq + l[1].freq, needed: 0 };
      leafCounts[level2][level2] = 2;
      if (level2 === 1) levels[level2].nextPairFreq = MAX;
    }
    levels[maxBits].needed = 2 * n - 4;
    let level = maxBits;
    for (; ; ) {
      const lv = levels[level];
      if (lv.nextPairFreq === MAX && lv.nextCharFreq === MAX) {
        lv.needed = 0;
        levels[level + 1].nextPairFreq = MAX;
        level++;
        continue;
      }
      const prevFreq = lv.lastFreq;
      if (lv.nextCharFreq < lv.nextPairFreq) {
        const c = leafCounts[level][level] + 1;
        lv.lastFreq = lv.nextCharFreq;
        leafCounts[level][level] = c;
        lv.nextCharFreq = l[c].freq;
      } else {
        lv.lastFreq = lv.nextPairFreq;
        for (let i = 0; i < level; i++) leafCounts[level][i] = leafCounts[level - 1][i];
        levels[lv.level - 1].needed = 2;
      }
      lv.needed--;
      if (lv.needed === 0) {
        if (lv.level === maxBits) break;
        levels[lv.level + 1].nextPairFreq = prevFreq + lv.lastFreq;
        level++;
      } else {
        while (levels[level - 1].needed > 0) level--;
      }
    }
    if (leafCounts[maxBits][maxBits] !== n) throw new Error("flate: leafCounts[maxBits][maxBits] != n");
    const bitCount = new Array(maxBits + 1).fill(0);
    let bits = 1;
    const counts = leafCounts[maxBits];
    for (let lvl = maxBits; lvl > 0; lvl--) {
      bitCount[bits] = counts[lvl] - counts[lvl - 1];
      bits++;
    }
    return bitCount;
  }
  assignEncodingAndSize(bitCount, listIn) {
    let code = 0;
    let list3 = listIn;
    for (let n = 0; n < bitCount.length; n++) {
      const bits = bitCount[n];
      code = code << 1 & 65535;
      if (n === 0 || bits === 0) continue;
      const chunk = list3.slice(list3.length - bits).sort((a, b) => a.literal - b.literal);
      for (const node of chunk) {
        this.codes[node.literal] = { code: reverseBits(code, n), len: n };
        code = code + 1 & 65535;
      }
      list3 = list3.slice(0, list3.length - bits);
    }
  }
  generate(freq, maxBits) {
    const list3 = [];
    for (let i = 0; i < freq.length; i++) {
      if (freq[i] !== 0) list3.push({ literal: i, freq: freq[i] });
      else this.codes[i].len = 0;
    }
    if (list3.length <= 2) {
      list3.forEach((node, i) => this.codes[node.literal] = { code: i, len: 1 });
      return;
    }
    list3.sort((a, b) => a.freq === b.freq ? a.literal - b.literal : a.freq - b.freq);
    this.assignEncodingAndSize(this.bitCounts(list3, maxBits), list3);
  }
};
function fixedLiteralEncoding() {
  const h = new HuffmanEncoder(maxNumLit);
  for (let ch = 0; ch < maxNumLit; ch++) {
    let bits;
    let size;
    if (ch < 144) [bits, size] = [ch + 48, 8];
    else if (ch < 256) [bits, size] = [ch + 400 - 144, 9];
    else if (ch < 280) [bits, size] = [ch - 256, 7];
    else [bits, size] = [ch + 192 - 280, 8];
    h.codes[ch] = { code: reverseBits(bits, size), len: size };
  }
  return h;
}
function fixedOffsetEncoding() {
  const h = new HuffmanEncoder(30);
  for (let ch = 0; ch < 30; ch++) h.codes[ch] = { code: reverseBits(ch, 5), len: 5 };
  return h;
}
var FIXED_LIT = fixedLiteralEncoding();
var FIXED_OFF = fixedOffsetEncoding();
var BitWriter = class {
  out = [];
  bits = 0n;
  nbits = 0;
  literalFreq = new Int32Array(maxNumLit);
  offsetFreq = new Int32Array(offsetCodeCount);
  codegen = new Uint8Array(maxNumLit + offsetCodeCount + 1);
  codegenFreq = new Int32Array(codegenCodeCount);
  literalEncoding = new HuffmanEncoder(maxNumLit);
  offsetEncoding = new HuffmanEncoder(offsetCodeCount);
  codegenEncoding = new HuffmanEncoder(codegenCodeCount);
  /** The buffered bytes are written as they fill; the order of bytes is all that matters here. */
  emitWhole() {
    while (this.nbits >= 8) {
      this.out.push(Number(this.bits & 0xffn));
      this.bits >>= 8n;
      this.nbits -= 8;
    }
  }
  flush() {
    this.emitWhole();
    if (this.nbits > 0) {
      this.out.push(Number(this.bits & 0xffn));
      this.bits = 0n;
      this.nbits = 0;
    }
  }
  writeBits(b, nb) {
    this.bits |= BigInt(b >>> 0) << BigInt(this.nbits);
    this.nbits += nb;
    if (this.nbits >= 48) this.emitWhole();
  }
  writeCode(c) {
    this.writeBits(c.code, c.len);
  }
  writeBytes(bytes) {
    if (this.nbits & 7) throw new Error("flate: writeBytes with unfinished bits");
    this.emitWhole();
    for (const b of bytes) this.out.push(b);
  }
  generateCodegen(numLiterals, numOffsets, litEnc, offEnc) {
    this.codegenFreq.fill(0);
    const codegen = this.codegen;
    for (let i = 0; i < numLiterals; i++) codegen[i] = litEnc.codes[i].len;
    for (let i = 0; i < numOffsets; i++) codegen[numLiterals + i] = offEnc.codes[i].len;
    codegen[numLiterals + numOffsets] = badCode;
    let size = codegen[0];
    let count2 = 1;
    let outIndex = 0;
    for (let inIndex = 1; size !== badCode; inIndex++) {
      const nextSize = codegen[inIndex];
      if (nextSize === size) {
        count2++;
        continue;
      }
      if (size !== 0) {
        codegen[outIndex++] = size;
        this.codegenFreq[size]++;
        count2--;
        while (count2 >= 3) {
          const n = Math.min(6, count2);
          codegen[outIndex++] = 16;
          codegen[outIndex++] = n - 3;
          this.codegenFreq[16]++;
          count2 -= n;
        }
      } else {
        while (count2 >= 11) {
          const n = Math.min(138, count2);
          codegen[outIndex++] = 18;
          codegen[outIndex++] = n - 11;
          this.codegenFreq[18]++;
          count2 -= n;
        }
        if (count2 >= 3) {
          codegen[outIndex++] = 17;
          codegen[outIndex++] = count2 - 3;
          this.codegenFreq[17]++;
          count2 = 0;
        }
      }
      count2--;
      for (; count2 >= 0; count2--) {
        codegen[outIndex++] = size;
        this.codegenFreq[size]++;
      }
      size = nextSize;
      count2 = 1;
    }
    codegen[outIndex] = badCode;
  }
  dynamicSize(litEnc, offEnc, extraBits) {
    let numCodegens = this.codegenFreq.length;
    while (numCodegens > 4 && this.codegenFreq[codegenOrder[numCodegens - 1]] === 0) numCodegens--;
    const header = 3 + 5 + 5 + 4 + 3 * numCodegens + this.codegenEncoding.bitLength(this.codegenFreq) + this.codegenFreq[16] * 2 + this.codegenFreq[17] * 3 + this.codegenFreq[18] * 7;
    return [header + litEnc.bitLength(this.literalFreq) + offEnc.bitLength(this.offsetFreq) + extraBits, numCodegens];
  }
  fixedSize(extraBits) {
    return 3 + FIXED_LIT.bitLength(this.literalFreq) + FIXED_OFF.bitLength(this.offsetFreq) + extraBits;
  }
  writeDynamicHeader(numLiterals, numOffsets, numCodegens, isEof) {
    this.writeBits(isEof ? 5 : 4, 3);
    this.writeBits(numLiterals - 257, 5);
    this.writeBits(numOffsets - 1, 5);
    this.writeBits(numCodegens - 4, 4);
    for (let i2 = 0; i2 < numCodegens; i2++) this.writeBits(this.codegenEncoding.codes[codegenOrder[i2]].len, 3);
    let i = 0;
    for (; ; ) {
      const codeWord = this.codegen[i++];
      if (codeWord === badCode) break;
      this.writeCode(this.codegenEncoding.codes[codeWord]);
      if (codeWord === 16) this.writeBits(this.codegen[i++], 2);
      else if (codeWord === 17) this.writeBits(this.codegen[i++], 3);
      else if (codeWord === 18) this.writeBits(this.codegen[i++], 7);
    }
  }
  writeStoredHeader(length, isEof) {
    this.writeBits(isEof ? 1 : 0, 3);
    this.flush();
    this.writeBits(length, 16);
    this.writeBits(~length & 65535, 16);
  }
  indexTokens(tokens) {
    this.literalFreq.fill(0);
    this.offsetFreq.fill(0);
    for (const t of tokens) {
      if (t < MATCH) {
        this.literalFreq[t]++;
        continue;
      }
      this.literalFreq[lengthCodesStart + lengthCodes[tokLength(t)]]++;
      this.offsetFreq[offsetCode(tokOffset(t))]++;
    }
    let numLiterals = this.literalFreq.length;
    while (this.literalFreq[numLiterals - 1] === 0) numLiterals--;
    let numOffsets = this.offsetFreq.length;
    while (numOffsets > 0 && this.offsetFreq[numOffsets - 1] === 0) numOffsets--;
    if (numOffsets === 0) {
      this.offsetFreq[0] = 1;
      numOffsets = 1;
    }
    this.literalEncoding.generate(this.literalFreq, 15);
    this.offsetEncoding.generate(this.offsetFreq, 15);
    return [numLiterals, numOffsets];
  }
  /** huffmanBitWriter.writeBlock: stored, fixed or dynamic, whichever is smallest. */
  writeBlock(tokensIn, eof, input) {
    const tokens = [...tokensIn, endBlockMarker];
    const [numLiterals, numOffsets] = this.indexTokens(tokens);
    let extraBits = 0;
    const storable = input !== void 0 && input.length <= maxStoreBlockSize;
    const storedSize = storable ? (input.length + 5) * 8 : 0;
    if (storable) {
      for (let lengthCode = lengthCodesStart + 8; lengthCode < numLiterals; lengthCode++) extraBits += this.literalFreq[lengthCode] * lengthExtraBits[lengthCode - lengthCodesStart];
      for (let oc = 4; oc < numOffsets; oc++) extraBits += this.offsetFreq[oc] * offsetExtraBits[oc];
    }
    let literalEncoding = FIXED_LIT;
    let offsetEncoding = FIXED_OFF;
    let size = this.fixedSize(extraBits);
    this.generateCodegen(numLiterals, numOffsets, this.literalEncoding, this.offsetEncoding);
    this.codegenEncoding.generate(this.codegenFreq, 7);
    const [dynamicSize, numCodegens] = this.dynamicSize(this.literalEncoding, this.offsetEncoding, extraBits);
    if (dynamicSize < size) {
      size = dynamicSize;
      literalEncoding = this.literalEncoding;
      offsetEncoding = this.offsetEncoding;
    }
    if (storable && storedSize < size) {
      this.writeStoredHeader(input.length, eof);
      this.writeBytes(input);
      return;
    }
    if (literalEncoding === FIXED_LIT) this.writeBits(eof ? 3 : 2, 3);
    else this.writeDynamicHeader(numLiterals, numOffsets, numCodegens, eof);
    for (const t of tokens) {
      if (t < MATCH) {
        this.writeCode(literalEncoding.codes[t]);
        continue;
      }
      const length = tokLength(t);
      const lc = lengthCodes[length];
      this.writeCode(literalEncoding.codes[lc + lengthCodesStart]);
      if (lengthExtraBits[lc] > 0) this.writeBits(length - lengthBase[lc], lengthExtraBits[lc]);
      const offset = tokOffset(t);
      const oc = offsetCode(offset);
      this.writeCode(offsetEncoding.codes[oc]);
      if (offsetExtraBits[oc] > 0) this.writeBits(offset - offsetBase[oc], offsetExtraBits[oc]);
    }
  }
};
var hashmul = 506832829;
var hash4 = (w, i) => Math.imul(w[i + 3] | w[i + 2] << 8 | w[i + 1] << 16 | w[i] << 24, hashmul) >>> 0 >>> 32 - hashBits;
function deflateGo(data2) {
  const w = new BitWriter();
  const window2 = new Uint8Array(2 * windowSize);
  const hashHead = new Uint32Array(hashSize);
  const hashPrev = new Uint32Array(windowSize);
  let hashOffset = 1;
  let tokens = [];
  let length = minMatchLength - 1;
  let offset = 0;
  let byteAvailable = false;
  let index = 0;
  let windowEnd = 0;
  let blockStart = 0;
  let chainHead = -1;
  let maxInsertIndex = 0;
  let sync = false;
  const fill = (b2) => {
    if (index >= 2 * windowSize - (minMatchLength + maxMatchLength)) {
      window2.copyWithin(0, windowSize, 2 * windowSize);
      index -= windowSize;
      windowEnd -= windowSize;
      blockStart = blockStart >= windowSize ? blockStart - windowSize : 2147483647;
      hashOffset += windowSize;
      if (hashOffset > maxHashOffset) {
        const delta = hashOffset - 1;
        hashOffset -= delta;
        chainHead -= delta;
        for (let i = 0; i < hashPrev.length; i++) hashPrev[i] = hashPrev[i] > delta ? hashPrev[i] - delta : 0;
        for (let i = 0; i < hashHead.length; i++) hashHead[i] = hashHead[i] > delta ? hashHead[i] - delta : 0;
      }
    }
    const n = Math.min(b2.length, window2.length - windowEnd);
    window2.set(b2.subarray(0, n), windowEnd);
    windowEnd += n;
    return n;
  };
  const writeBlock = (toks, idx) => {
    if (idx > 0) {
      const input = blockStart <= idx ? window2.slice(blockStart, idx) : void 0;
      blockStart = idx;
      w.writeBlock(toks, false, input);
    }
  };
  const findMatch = (pos, prevHead, prevLength, lookahead) => {
    const minMatchLook = Math.min(maxMatchLength, lookahead);
    const winLen = pos + minMatchLook;
    let nice = winLen - pos;
    if (NICE < nice) nice = NICE;
    let tries = CHAIN;
    let len = prevLength;
    let off = 0;
    let ok = false;
    if (len >= GOOD) tries >>= 2;
    let wEnd = window2[pos + len];
    const minIndex = pos - windowSize;
    for (let i = prevHead; tries > 0; tries--) {
      if (wEnd === window2[i + len]) {
        let n = 0;
        while (n < minMatchLook && window2[i + n] === window2[pos + n]) n++;
        if (n > len && (n > minMatchLength || pos - i <= 4096)) {
          len = n;
          off = pos - i;
          ok = true;
          if (n >= nice) break;
          wEnd = window2[pos + n];
        }
      }
      if (i === minIndex) break;
      i = hashPrev[i & windowMask] - hashOffset;
      if (i < minIndex || i < 0) break;
    }
    return [len, off, ok];
  };
  const deflate = () => {
    if (windowEnd - index < minMatchLength + maxMatchLength && !sync) return;
    maxInsertIndex = windowEnd - (minMatchLength - 1);
    for (; ; ) {
      const lookahead = windowEnd - index;
      if (lookahead < minMatchLength + maxMatchLength) {
        if (!sync) break;
        if (lookahead === 0) {
          if (byteAvailable) {
            tokens.push(window2[index - 1]);
            byteAvailable = false;
          }
          if (tokens.length > 0) {
            writeBlock(tokens, index);
            tokens = [];
          }
          break;
        }
      }
      if (index < maxInsertIndex) {
        const h = hash4(window2, index) & hashMask;
        chainHead = hashHead[h];
        hashPrev[index & windowMask] = chainHead;
        hashHead[h] = index + hashOffset;
      }
      const prevLength = length;
      const prevOffset = offset;
      length = minMatchLength - 1;
      offset = 0;
      const minIndex = Math.max(index - windowSize, 0);
      if (chainHead - hashOffset >= minIndex && lookahead > prevLength && prevLength < LAZY) {
        const [nl, no, ok] = findMatch(index, chainHead - hashOffset, minMatchLength - 1, lookahead);
        if (ok) {
          length = nl;
          offset = no;
        }
      }
      if (prevLength >= minMatchLength && length <= prevLength) {
        tokens.push(matchToken(prevLength - baseMatchLength, prevOffset - baseMatchOffset));
        const newIndex = index + prevLength - 1;
        let i = index;
        for (i++; i < newIndex; i++) {
          if (i < maxInsertIndex) {
            const h = hash4(window2, i) & hashMask;
            hashPrev[i & windowMask] = hashHead[h];
            hashHead[h] = i + hashOffset;
          }
        }
        index = i;
        byteAvailable = false;
        length = minMatchLength - 1;
        if (tokens.length === maxFlateBlockTokens) {
          writeBlock(tokens, index);
          tokens = [];
        }
      } else {
        if (byteAvailable) {
          const i = index - 1;
          tokens.push(window2[i]);
          if (tokens.length === maxFlateBlockTokens) {
            writeBlock(tokens, i + 1);
            tokens = [];
          }
        }
        index++;
        byteAvailable = true;
      }
    }
  };
  let b = data2;
  while (b.length > 0) {
    deflate();
    b = b.subarray(fill(b));
  }
  sync = true;
  deflate();
  w.writeStoredHeader(0, false);
  w.flush();
  sync = false;
  sync = true;
  deflate();
  w.writeStoredHeader(0, true);
  w.flush();
  return w.out;
}
var CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(data2) {
  let c = 4294967295;
  for (const b of data2) c = CRC_TABLE[(c ^ b) & 255] ^ c >>> 8;
  return (c ^ 4294967295) >>> 0;
}
function goGzip(data2) {
  const body = deflateGo(data2);
  const crc = crc32(data2);
  const size = data2.length >>> 0;
  const trailer = [crc & 255, crc >>> 8 & 255, crc >>> 16 & 255, crc >>> 24, size & 255, size >>> 8 & 255, size >>> 16 & 255, size >>> 24];
  return Buffer.from([31, 139, 8, 0, 0, 0, 0, 0, 0, 255, ...body, ...trailer]);
}

// src/resolve/functions.ts
init_go_space();
var NotStatic = class extends EvalError {
};
var FILESET_MAX_ENTRIES = 2e4;
function fileset(ctx, given, pattern) {
  const env = needFiles(ctx);
  if (!env.list) throw new NotStatic("folders are not listed here");
  const base = cleanPath(given.startsWith("/") ? given : path4.posix.join(env.cwd, given));
  const full = cleanPath(path4.posix.join(base, pattern));
  if (!validate(Array.from(full, (c) => c.codePointAt(0)))) throw new EvalError(`failed to glob pattern ${full}: syntax error in pattern`);
  let split = -1;
  for (let i = 0; i < full.length; i++) {
    const c = full[i];
    if (c === "\\") i++;
    else if (c === "/") split = i;
    else if (c === "*" || c === "?" || c === "[" || c === "{") break;
  }
  const root = split === 0 ? "/" : split > 0 ? unescapeMeta(full.slice(0, split)) : ".";
  const rest = split >= 0 ? full.slice(split + 1) : full;
  const found = [];
  const isRegular = (abs) => {
    const dir = path4.posix.dirname(abs);
    const entry = env.list(dir)?.find((e) => e.name === path4.posix.basename(abs));
    if (entry?.kind === "outside") throw new NotStatic(`${abs} is outside the workspace`);
    return entry?.kind === "file";
  };
  if (!hasMeta(rest)) {
    const literal = unescapeMeta(full);
    if (isRegular(literal)) found.push(literal);
  } else {
    let seen2 = 0;
    const maxDepth = /\*\*|\{/.test(rest) ? 64 : rest.split("/").length - 1;
    const walk = (dir, rel, depth) => {
      const entries2 = env.list(dir);
      if (!entries2) return;
      seen2 += entries2.length;
      if (seen2 > FILESET_MAX_ENTRIES || depth > 64) throw new NotStatic(`more than ${FILESET_MAX_ENTRIES} files to match`);
      for (const e of entries2) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.kind === "folder") {
          if (depth < maxDepth) walk(`${dir}/${e.name}`, r, depth + 1);
        } else if (globMatch(rest, r)) {
          if (e.kind === "outside") throw new NotStatic(`${dir}/${e.name} is outside the workspace`);
          if (e.kind === "file") found.push(`${root === "/" ? "" : root}/${r}`);
        }
      }
    };
    walk(root, "", 0);
  }
  ctx.budget.collection(found.length);
  return set(STRING, found.map((f) => str(path4.posix.relative(base, f))));
}
function fileText(ctx, name) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(needFiles(ctx).read(name));
  } catch (e) {
    if (e instanceof EvalError) throw e;
    throw new EvalError(`contents of ${name} are not valid UTF-8; use the filebase64 function instead`);
  }
}
var fileHash = (alg, enc) => ({ params: [STRING], impl: ([p], ctx) => str(createHash2(alg).update(needFiles(ctx).read(S(p))).digest(enc)) });
var ANY = DYN;
var LIST_ANY = listOf(DYN);
var paramType = (p) => "k" in p ? p : p.t;
var paramAllowsNull = (p) => !("k" in p) && !!p.allowNull;
var paramAllowsUnknown = (p) => !("k" in p) && !!p.allowUnknown;
var S = (v) => asStr(v);
var N = (v) => asNum(v);
function whole2(v, what) {
  const n = N(v);
  if (n.inf || !n.isInt()) throw new EvalError(`${what} must be a whole number`);
  const i = n.toSafeInt();
  if (i === void 0) throw new EvalError(`${what} is too large`);
  return i;
}
function rsaDecrypt(cipherText, pem) {
  let ct;
  try {
    ct = goBase64(cipherText);
  } catch {
    throw new EvalError("failed to decode input: cipher text must be base64-encoded");
  }
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(pem)) throw new NotStatic("OpenSSH private keys are not read here");
  let key;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch (e) {
    throw new EvalError(`invalid private key: ${e.message}`);
  }
  if (key.asymmetricKeyType !== "rsa") throw new EvalError(`invalid private key type ${key.asymmetricKeyType ?? "unknown"}`);
  const jwk = key.export({ format: "jwk" });
  const big = (b64) => BigInt(`0x${Buffer.from(b64 ?? "", "base64url").toString("hex") || "0"}`);
  const n = big(jwk.n);
  const d = big(jwk.d);
  const k = Math.ceil(n.toString(16).length / 2);
  const c = BigInt(`0x${ct.toString("hex") || "0"}`);
  if (ct.length > k || c >= n) throw new EvalError("failed to decrypt: crypto/rsa: decryption error");
  let m = 1n;
  let base = c % n;
  for (let e = d; e > 0n; e >>= 1n) {
    if (e & 1n) m = m * base % n;
    base = base * base % n;
  }
  const em = Buffer.from(m.toString(16).padStart(k * 2, "0"), "hex");
  const zero = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || zero < 10) throw new EvalError("failed to decrypt: crypto/rsa: decryption error");
  return em.subarray(zero + 1).toString("utf8");
}
function goBase64(given) {
  const text = given.replace(/[\r\n]/g, "");
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) throw new EvalError("failed to decode base64 data");
  return Buffer.from(text, "base64");
}
function goInt(v, what) {
  const n = N(v);
  if (n.inf || !n.isInt() || n.trunc() < -(1n << 63n) || n.trunc() >= 1n << 63n) throw new EvalError(`${what}: value must be a whole number, between -9223372036854775808 and 9223372036854775807`);
  return n.trunc();
}
var isSeq = (v) => v.t.k === "list" || v.t.k === "tuple" || v.t.k === "set";
var isMapLike = (v) => v.t.k === "map" || v.t.k === "object";
function charged(ctx, n) {
  ctx.budget.collection(n);
}
function mapCase(s, upper) {
  let out = "";
  for (const ch of s) {
    if (!upper && ch === "\u0130") {
      out += "i";
      continue;
    }
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}
function isTitleSeparator(ch) {
  const c = ch.codePointAt(0);
  if (c <= 127) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return GO_SPACE.test(ch);
}
function title(s) {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    out += isTitleSeparator(prev) ? titleCase(ch) : ch;
    prev = ch;
  }
  return out;
}
function titleCase(ch) {
  const special = { \u01C6: "\u01C5", \u01C4: "\u01C5", \u01C5: "\u01C5", \u01C9: "\u01C8", \u01C7: "\u01C8", \u01C8: "\u01C8", \u01CC: "\u01CB", \u01CA: "\u01CB", \u01CB: "\u01CB", \u01F3: "\u01F2", \u01F1: "\u01F2", \u01F2: "\u01F2" };
  if (special[ch]) return special[ch];
  return mapCase(ch, true);
}
function trimSet(s, cutset) {
  const set3 = /* @__PURE__ */ new Set([...cutset]);
  const cps = [...s];
  let a = 0;
  let b = cps.length;
  while (a < b && set3.has(cps[a])) a++;
  while (b > a && set3.has(cps[b - 1])) b--;
  return cps.slice(a, b).join("");
}
function goSplit(s, sep) {
  if (sep === "") return [...s];
  return s.split(sep);
}
function goReplaceAll(s, old, rep, ctx) {
  if (old === "") {
    const cps = [...s];
    ctx.budget.string(s.length + rep.length * (cps.length + 1));
    return rep + cps.map((c) => c + rep).join("");
  }
  const parts = s.split(old);
  ctx.budget.string(s.length + (rep.length - old.length) * (parts.length - 1));
  return parts.join(rep);
}
function substr(s, offset0, length) {
  const g = graphemes(s);
  let offset = offset0;
  if (offset < 0) offset += g.length;
  else if (length === 0) return "";
  let sub = g;
  if (offset > 0) {
    if (offset > g.length) return "";
    sub = g.slice(offset);
  }
  if (length <= 0) return sub.join("");
  return sub.slice(0, length).join("");
}
var reCache = /* @__PURE__ */ new Map();
var renamedGroups = /* @__PURE__ */ new WeakMap();
function uniqueGroupNames(pattern) {
  const seen2 = /* @__PURE__ */ new Map();
  const renamed = /* @__PURE__ */ new Map();
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      out += c + (pattern[i + 1] ?? "");
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (pattern[i + 1] === "^") out += pattern[++i];
      if (pattern[i + 1] === "]") out += pattern[++i];
      continue;
    }
    const m = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(pattern.slice(i, i + 260));
    if (m) {
      const name = m[1];
      const n = seen2.get(name) ?? 0;
      seen2.set(name, n + 1);
      const unique = n === 0 ? name : `${name}_${n}_dup`;
      if (n > 0) renamed.set(unique, name);
      out += m[0].replace(`<${name}>`, `<${unique}>`);
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return renamed.size ? { pattern: out, renamed } : void 0;
}
function compileRe(pattern) {
  let re = reCache.get(pattern);
  if (!re) {
    try {
      re = import_re2js2.RE2JS.compile(pattern);
    } catch (e) {
      re = new EvalError(`invalid regular expression pattern: ${e.message}`);
      const unique = /duplicate capture group name/.test(e.message) ? uniqueGroupNames(pattern) : void 0;
      if (unique) {
        try {
          re = import_re2js2.RE2JS.compile(unique.pattern);
          renamedGroups.set(re, unique.renamed);
        } catch {
        }
      }
    }
    if (reCache.size > 1e3) reCache.clear();
    reCache.set(pattern, re);
  }
  if (re instanceof EvalError) throw re;
  return re;
}
function findAll(re, s, limit, ctx) {
  const m = re.matcher(s);
  const out = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && out.length < limit) {
    ctx.budget.spend();
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    if (start === end && start === prevEnd) {
      if (start >= s.length) break;
      pos = start + (s.codePointAt(start) > 65535 ? 2 : 1);
      continue;
    }
    const groups = [];
    for (let g = 1; g <= m.groupCount(); g++) groups.push(m.group(g));
    out.push({ start, end, groups });
    prevEnd = end;
    pos = end > start ? end : end + (end < s.length && s.codePointAt(end) > 65535 ? 2 : 1);
  }
  return out;
}
function matchValue(re, s, m) {
  const names = re.namedGroups();
  const named = Object.keys(names);
  const total = m.groups.length;
  if (total === 0) return str(s.slice(m.start, m.end));
  if (named.length && named.length !== total) throw new EvalError("invalid regexp pattern: cannot mix both named and unnamed capture groups");
  const g = (x) => x === null ? nullOf(STRING) : str(x);
  if (named.length) {
    const renamed = renamedGroups.get(re);
    const o = /* @__PURE__ */ new Map();
    for (const n of named.sort((x, y) => names[x] - names[y])) o.set(renamed?.get(n) ?? n, g(m.groups[names[n] - 1] ?? null));
    return object(o);
  }
  return tuple(m.groups.map(g));
}
function expand(template, re, s, m) {
  const names = re.namedGroups();
  const group = (name) => {
    if (/^[0-9]+$/.test(name)) {
      const i3 = Number(name);
      if (i3 === 0) return s.slice(m.start, m.end);
      return m.groups[i3 - 1] ?? "";
    }
    const i2 = names[name];
    return i2 === void 0 ? "" : m.groups[i2 - 1] ?? "";
  };
  let out = "";
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (template[i + 1] === "{") {
      const close = template.indexOf("}", i + 2);
      const name = close < 0 ? "" : template.slice(i + 2, close);
      if (close < 0 || !/^[A-Za-z0-9_]+$/.test(name)) {
        out += "$";
        i++;
        continue;
      }
      out += group(name);
      i = close + 1;
      continue;
    }
    const nm = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
    if (!nm) {
      out += "$";
      i++;
      continue;
    }
    out += group(nm[0]);
    i += 1 + nm[0].length;
  }
  return out;
}
function regexReplace(s, pattern, rep, ctx) {
  const re = compileRe(pattern);
  let out = "";
  let last = 0;
  for (const m of findAll(re, s, Infinity, ctx)) {
    out += s.slice(last, m.start) + expand(rep, re, s, m);
    ctx.budget.string(out.length);
    last = m.end;
  }
  return out + s.slice(last);
}
function jsonQuote(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c < 32 || ch === "<" || ch === ">" || ch === "&" || c === 8232 || c === 8233) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else if (c >= 55296 && c <= 57343) {
      const next2 = s.charCodeAt(i + 1);
      if (c <= 56319 && next2 >= 56320 && next2 <= 57343) {
        out += ch + s[i + 1];
        i++;
      } else out += "\\ufffd";
    } else out += ch;
  }
  return `${out}"`;
}
function jsonText(v, ctx) {
  if (isUnknown2(v)) throw new EvalError("unknown value");
  if (isNull(v)) return "null";
  ctx?.budget.spend();
  switch (v.t.k) {
    case "string":
      return jsonQuote(S(v));
    case "number":
      if (N(v).inf) throw new EvalError("cannot serialize infinity as JSON");
      return N(v).text();
    case "bool":
      return asBool(v) ? "true" : "false";
    case "list":
    case "set":
    case "tuple":
      return `[${elems(v).map((x) => jsonText(x, ctx)).join(",")}]`;
    case "map":
    case "object":
      return `{${[...entries(v)].map(([k, x]) => `${jsonQuote(k)}:${jsonText(x, ctx)}`).join(",")}}`;
    default:
      throw new EvalError("a value of unknown type cannot be encoded");
  }
}
function jsonDecode(text, ctx) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail = () => {
    throw new EvalError(`invalid JSON at offset ${i}`);
  };
  const value = (depth) => {
    if (depth > 500) fail();
    ctx.budget.spend();
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const m = /* @__PURE__ */ new Map();
      ws();
      if (text[i] === "}") {
        i++;
        return object(m);
      }
      for (; ; ) {
        ws();
        if (text[i] !== '"') fail();
        const k = S(stringLit());
        ws();
        if (text[i] !== ":") fail();
        i++;
        m.set(k, value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return object(m);
        }
        fail();
      }
    }
    if (c === "[") {
      i++;
      const xs = [];
      ws();
      if (text[i] === "]") {
        i++;
        return tuple(xs);
      }
      for (; ; ) {
        xs.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          ctx.budget.collection(xs.length);
          return tuple(xs);
        }
        fail();
      }
    }
    if (c === '"') return stringLit();
    const lit = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400));
    if (!lit) fail();
    i += lit[0].length;
    if (lit[0] === "true") return TRUE;
    if (lit[0] === "false") return FALSE;
    if (lit[0] === "null") return NULL;
    const n = BigNum.parse(lit[0]);
    if (!n) fail();
    return num(n);
  };
  const stringLit = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if (text.charCodeAt(i) < 32) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
    try {
      return str(JSON.parse(text.slice(start, i)).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD"));
    } catch {
      return fail();
    }
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail();
  return v;
}
function yamlPrintable(c) {
  return c === 10 || c >= 32 && c <= 126 || c >= 160 && c <= 55295 || c >= 57344 && c <= 65533 && c !== 65279;
}
var YAML_ESCAPES = { 0: "0", 7: "a", 8: "b", 9: "t", 10: "n", 11: "v", 12: "f", 13: "r", 27: "e", 34: '"', 92: "\\", 133: "N", 160: "_", 8232: "L", 8233: "P" };
var isYamlBreak = (c) => c === 10 || c === 13 || c === 133 || c === 8232 || c === 8233;
function yamlDoubleQuoted(s, column, indent) {
  let out = '"';
  let col = column + 1;
  let spaces = false;
  const bom = s.startsWith("\uFEFF");
  const cps = [...s];
  cps.forEach((ch, i) => {
    const c = ch.codePointAt(0);
    if (!yamlPrintable(c) || bom || isYamlBreak(c) || ch === '"' || ch === "\\") {
      const e = YAML_ESCAPES[c];
      const text = e !== void 0 ? `\\${e}` : c <= 255 ? `\\x${c.toString(16).toUpperCase().padStart(2, "0")}` : c <= 65535 ? `\\u${c.toString(16).toUpperCase().padStart(4, "0")}` : `\\U${c.toString(16).toUpperCase().padStart(8, "0")}`;
      out += text;
      col += text.length;
      spaces = false;
    } else if (ch === " ") {
      if (!spaces && col > 80 && i > 0 && i < cps.length - 1) {
        out += `
${" ".repeat(indent)}`;
        col = indent;
        if (cps[i + 1] === " ") {
          out += "\\";
          col++;
        }
      } else {
        out += ch;
        col++;
      }
      spaces = true;
    } else {
      out += ch;
      col++;
      spaces = false;
    }
  });
  return `${out}"`;
}
function yamlLiteralAllowed(s) {
  if (!s.includes("\n") || s.startsWith("\uFEFF") || s.endsWith(" ")) return false;
  for (const ch of s) if (!yamlPrintable(ch.codePointAt(0)) && ch !== "\n") return false;
  return !/ \n/.test(s);
}
function yamlLiteral(s, indent) {
  const hint = s.startsWith(" ") || s.startsWith("\n") ? "2" : "";
  const chomp = !s.endsWith("\n") ? "-" : s.endsWith("\n\n") || s === "\n" ? "+" : "";
  const body = s.endsWith("\n") ? s.slice(0, -1) : s;
  const pad = " ".repeat(indent);
  const parts = body.split(/(\n|\u2028|\u2029|\u0085)/);
  let text = "";
  for (let i = 0; i < parts.length; i++) text += i % 2 ? parts[i] : parts[i] === "" ? "" : pad + parts[i];
  return `|${hint}${chomp}
${text}`;
}
function yamlEncode(v, budget) {
  const out = [];
  let topPlain = false;
  const scalar = (x, column, indent, key) => {
    if (isNull(x)) return "null";
    if (x.t.k === "number") return N(x).text();
    if (x.t.k === "bool") return asBool(x) ? "true" : "false";
    const s = S(x);
    if (!key && yamlLiteralAllowed(s)) return yamlLiteral(s, indent === 0 && column === 0 ? 2 : indent);
    return yamlDoubleQuoted(s, column, indent);
  };
  const isColl = (x) => !isNull(x) && (isSeq(x) || isMapLike(x));
  const empty = (x) => isSeq(x) ? elems(x).length === 0 : entries(x).size === 0;
  const node = (x, lead, indent, inlineLead = lead.endsWith("- ")) => {
    budget.spend();
    if (isUnknown2(x)) throw new EvalError("unknown");
    if (!isColl(x)) {
      out.push(lead + scalar(x, lead.length, indent, false));
      return;
    }
    if (empty(x)) {
      out.push(lead + (isSeq(x) ? "[]" : "{}"));
      return;
    }
    const inline = inlineLead;
    let first2 = true;
    if (isSeq(x)) {
      if (!inline && lead !== "") out.push(lead.replace(/ $/, ""));
      const base2 = inline ? lead.length : lead === "" ? 0 : indent;
      for (const e of elems(x)) {
        const itemLead = first2 && inline ? `${lead}- ` : `${" ".repeat(base2)}- `;
        first2 = false;
        node(e, itemLead, base2 + 2);
      }
      return;
    }
    if (!inline && lead !== "") out.push(lead.replace(/ $/, ""));
    const base = inline ? lead.length : lead === "" ? 0 : indent;
    for (const [k, e] of entries(x)) {
      const keyLead = first2 && inline ? lead : " ".repeat(base);
      first2 = false;
      if (/[\n\r\u0085\u2028\u2029]/.test(k) || Buffer.byteLength(k, "utf8") > 128) {
        node(str(k), `${keyLead}? `, base + 2);
        node(e, `${" ".repeat(base)}: `, base + 2, true);
        continue;
      }
      const keyText2 = scalar(str(k), keyLead.length, base + 2, true);
      const valueIndent = isColl(e) && isSeq(e) && !empty(e) ? base : base + 2;
      node(e, `${keyLead}${keyText2}: `, valueIndent);
    }
  };
  node(v, "", 0);
  topPlain = !isColl(v) && (isNull(v) || v.t.k !== "string");
  return `${out.join("\n")}
${topPlain ? "...\n" : ""}`;
}
function csvDecode(text, ctx) {
  const rows = [];
  let i = 0;
  let row = [];
  let field = "";
  let quoted = false;
  let atStart = true;
  const endField = () => {
    row.push(field);
    field = "";
    atStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    ctx.budget.collection(row.length);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") throw new EvalError('extraneous or missing " in quoted-field');
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
      i++;
      continue;
    }
    if (c === '"') throw new EvalError('bare " in non-quoted-field');
    if (c === ",") {
      endField();
      i++;
      continue;
    }
    if (c === "\r" && text[i + 1] === "\n") i++;
    if (c === "\n" || c === "\r") {
      endRow();
      i++;
      continue;
    }
    field += c;
    atStart = false;
    i++;
  }
  if (quoted) throw new EvalError('extraneous or missing " in quoted-field');
  if (field !== "" || row.length) endRow();
  const records = rows.filter((r) => !(r.length === 1 && r[0] === ""));
  if (!records.length) throw new EvalError("missing header line");
  const header = records[0];
  const dup = header.find((h, i2) => header.indexOf(h) !== i2);
  if (dup !== void 0) throw new EvalError(`duplicate column name ${goQuote(dup)}`);
  const out = records.slice(1).map((r, n) => {
    if (r.length !== header.length) throw new EvalError(`record on line ${n + 2}: wrong number of fields`);
    return object(new Map(header.map((h, k) => [h, str(r[k])])));
  });
  if (!out.length) return list(objectOfStrings(header), []);
  return list(out[0].t, out);
}
function objectOfStrings(names) {
  return { k: "object", attrs: new Map(names.map((n) => [n, STRING])) };
}
function yamlDecode(text, ctx) {
  let events;
  try {
    events = (0, import_js_yaml.parseEvents)(text.length ? text : "\n", {});
  } catch (e) {
    throw new EvalError(`invalid YAML: ${e.message.split("\n")[0]}`);
  }
  let i = 0;
  const fail = (msg) => {
    throw new EvalError(`invalid YAML: ${msg}`);
  };
  if (events[i]?.type !== 1) fail("missing start of document");
  const directives = events[i].directives ?? [];
  i++;
  const anchorsPending = /* @__PURE__ */ new Map();
  const anchorVals = /* @__PURE__ */ new Map();
  const slice = (a, b) => a >= 0 ? text.slice(a, b) : "";
  const tagOf = (e) => {
    const t = slice(e.tagStart ?? -1, e.tagEnd ?? -1);
    if (t === "") return "";
    if (t.startsWith("!<") && t.endsWith(">")) return t.slice(2, -1);
    if (t.startsWith("!!")) return `tag:yaml.org,2002:${t.slice(2)}`;
    for (const d of directives) if (d.kind === "tag" && d.handle && t.startsWith(d.handle)) return d.prefix + t.slice(d.handle.length);
    return t;
  };
  const begin = (e) => {
    const a = slice(e.anchorStart ?? -1, e.anchorEnd ?? -1);
    if (a) anchorsPending.set(a, (anchorsPending.get(a) ?? 0) + 1);
    return a;
  };
  const complete = (a, v2) => {
    if (!a) return;
    const n = (anchorsPending.get(a) ?? 1) - 1;
    if (n === 0) anchorsPending.delete(a);
    else anchorsPending.set(a, n);
    anchorVals.set(a, v2);
  };
  const node = (depth) => {
    ctx.budget.spend();
    if (depth > 200) fail("nested too deeply");
    const e = events[i++];
    if (!e) return fail("expecting value but found end of stream");
    switch (e.type) {
      case 4: {
        const a = begin(e);
        const v2 = yamlScalar(tagOf(e), (0, import_js_yaml.getScalarValue)(text.length ? text : "\n", e), e.style);
        complete(a, v2);
        return v2;
      }
      case 5: {
        const name = slice(e.anchorStart, e.anchorEnd);
        if (anchorsPending.has(name)) fail(`cannot refer to anchor "${name}" from inside its own definition`);
        const v2 = anchorVals.get(name);
        if (!v2) return fail(`reference to undefined anchor "${name}"`);
        return v2;
      }
      case 3: {
        const tag = tagOf(e);
        if (tag !== "" && tag !== "tag:yaml.org,2002:map") fail(`can't interpret mapping as ${tag}`);
        const a = begin(e);
        const vals = /* @__PURE__ */ new Map();
        for (; ; ) {
          const k = events[i];
          if (!k) fail("unexpected end of stream");
          if (k.type === 6) {
            i++;
            const v2 = object(vals);
            complete(a, v2);
            return v2;
          }
          const isMerge = k.type === 4 && (tagOf(k) === "" && (0, import_js_yaml.getScalarValue)(text, k) === "<<" || tagOf(k) === "tag:yaml.org,2002:merge");
          if (isMerge) {
            i++;
            const m = node(depth + 1);
            if (m.t.k === "object" || m.t.k === "map") for (const [mk, mv] of entries(m)) vals.set(mk, mv);
            else if (m.t.k === "tuple" || m.t.k === "list") {
              for (const x of elems(m)) {
                if (x.t.k !== "object" && x.t.k !== "map") fail(`cannot merge ${friendlyName(x.t)} (from sequence) into mapping`);
                for (const [mk, mv] of entries(x)) vals.set(mk, mv);
              }
            } else fail(`cannot merge ${friendlyName(m.t)} into mapping`);
            continue;
          }
          if (k.type !== 4) fail("only strings are allowed as mapping keys");
          i++;
          const key = yamlScalar(tagOf(k), (0, import_js_yaml.getScalarValue)(text, k), k.style);
          if (isNull(key)) fail("mapping key cannot be null");
          let ks;
          try {
            ks = S(convert(key, STRING));
          } catch {
            return fail("only strings are allowed as mapping keys");
          }
          vals.set(ks, node(depth + 1));
        }
      }
      case 2: {
        const tag = tagOf(e);
        if (tag !== "" && tag !== "tag:yaml.org,2002:seq") fail(`can't interpret sequence as ${tag}`);
        const a = begin(e);
        const xs = [];
        for (; ; ) {
          if (!events[i]) fail("unexpected end of stream");
          if (events[i].type === 6) {
            i++;
            ctx.budget.collection(xs.length);
            const v2 = tuple(xs);
            complete(a, v2);
            return v2;
          }
          xs.push(node(depth + 1));
        }
      }
      case 1:
        return fail("only a single document is allowed");
      default:
        return fail("expecting value");
    }
  };
  const v = node(0);
  if (events[i]?.type !== 6) fail("unexpected extra content after value");
  i++;
  if (i < events.length) fail(events[i].type === 1 ? "only a single document is allowed" : "unexpected extra content after value");
  return v;
}
var YAML_SCALARS = /* @__PURE__ */ new Map();
for (const s of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) YAML_SCALARS.set(s, TRUE);
for (const s of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) YAML_SCALARS.set(s, FALSE);
for (const s of ["", "~", "null", "Null", "NULL"]) YAML_SCALARS.set(s, NULL);
for (const s of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) YAML_SCALARS.set(s, num(BigNum.infinity(false)));
for (const s of ["-.inf", "-.Inf", "-.INF"]) YAML_SCALARS.set(s, num(BigNum.infinity(true)));
var YAML_TAG = (t) => `tag:yaml.org,2002:${t}`;
function yamlScalar(tag, src, style) {
  const known = ["", "str", "bool", "int", "float", "null", "timestamp", "binary"].map((t2) => t2 ? YAML_TAG(t2) : "");
  if (!known.includes(tag)) throw new EvalError(`invalid YAML: unsupported tag ${goQuote(tag)}`);
  let t = tag;
  const c = src[0];
  const hint = src === "" ? "N" : c === "+" || c === "-" ? "S" : c !== void 0 && c >= "0" && c <= "9" ? "D" : c !== void 0 && "yYnNtTfFoO~".includes(c) ? "M" : c === "." ? "." : "";
  if (hint !== "" && t !== YAML_TAG("str") && t !== YAML_TAG("binary")) {
    if (style !== 1) return str(src);
    const item = YAML_SCALARS.get(src);
    if (item) return item;
    if (t === "" && (src === ".nan" || src === ".NaN" || src === ".NAN")) throw new EvalError("invalid YAML: floating point NaN is not supported");
    if (hint === ".") {
      const n = parseCtyNumber(src);
      if (n) return num(n);
    } else if (hint === "D" || hint === "S") {
      if (t === "" || t === YAML_TAG("timestamp")) {
        const ts = yamlTimestamp(src);
        if (ts !== void 0) return str(ts);
      }
      if (/^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(src)) t = YAML_TAG("int");
      else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(src)) t = YAML_TAG("float");
    }
  }
  switch (t) {
    case YAML_TAG("str"):
      return str(src);
    case YAML_TAG("binary"):
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(src)) throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}: not valid base64`);
      return str(src);
    case YAML_TAG("bool"): {
      const item = YAML_SCALARS.get(src);
      if (!item || item.t.k !== "bool") throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}`);
      return item;
    }
    case YAML_TAG("float"):
    case YAML_TAG("int"): {
      const plain = src.replace(/_/g, "");
      const n = parseCtyNumber(plain) ?? goParseInt(plain);
      if (!n) throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}`);
      return num(n);
    }
    case YAML_TAG("timestamp"): {
      const ts = yamlTimestamp(src);
      if (ts === void 0) throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}`);
      return str(ts);
    }
    case YAML_TAG("null"):
      return NULL;
    default:
      return str(src);
  }
}
function parseCtyNumber(s) {
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$|^[+-]?(?:inf|Inf)$/.test(s)) return void 0;
  return BigNum.parse(s.replace(/^\+/, ""));
}
function goParseInt(s) {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return void 0;
  const body = m[2];
  const v = /^0[oO]/.test(body) ? BigInt(`0o${body.slice(2)}`) : /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  const signed2 = m[1] === "-" ? -v : v;
  if (signed2 < -(1n << 63n) || signed2 >= 1n << 64n || m[1] === "-" && signed2 >= 1n << 63n) return void 0;
  return BigNum.fromBigInt(signed2);
}
function yamlTimestamp(s) {
  if (!/^[0-9]{4}-/.test(s)) return void 0;
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return void 0;
  const [, y, mo, d, tee, space, hh, mi, ss, frac, zone] = m;
  if (tee !== void 0 && zone === void 0) return void 0;
  if (space !== void 0 && zone !== void 0) return void 0;
  if (frac !== void 0 && frac.length > 9) return void 0;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return void 0;
  const h = Number(hh ?? 0);
  const mn = Number(mi ?? 0);
  const sc = Number(ss ?? 0);
  if (h > 23 || mn > 59 || sc > 59) return void 0;
  const p2 = (n) => String(n).padStart(2, "0");
  const z = zone === void 0 || zone === "Z" || /^[+-]00:00$/.test(zone) ? "Z" : zone;
  return `${y}-${p2(month)}-${p2(day)}T${p2(h)}:${p2(mn)}:${p2(sc)}${z}`;
}
function parseStamp(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(s);
  if (!m) throw new EvalError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) throw new EvalError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  const offset = m[8] ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const frac = m[7] ? Number(`0${m[7]}`) * 1e3 : 0;
  const local = Date.UTC(y, mo - 1, d, h, mi, se) + frac;
  if (new Date(local).getUTCDate() !== d) throw new EvalError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  return { ms: local - offset * 6e4, offset };
}
function formatStamp(t) {
  const d = new Date(t.ms + t.offset * 6e4);
  const p = (n, w = 2) => String(n).padStart(w, "0");
  const off = t.offset === 0 ? "Z" : `${t.offset < 0 ? "-" : "+"}${p(Math.floor(Math.abs(t.offset) / 60))}:${p(Math.abs(t.offset) % 60)}`;
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${off}`;
}
function parseDuration(s) {
  const units = { ns: 1e-6, us: 1e-3, \u00B5s: 1e-3, \u03BCs: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(s);
  if (!m) throw new EvalError(`invalid duration ${JSON.stringify(s)}`);
  let total = 0;
  for (const part of m[2].matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * units[part[2]];
  return m[1] === "-" ? -total : total;
}
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
function formatDate(spec, t) {
  const d = new Date(t.ms + t.offset * 6e4);
  const p = (n, w = 2) => String(n).padStart(w, "0");
  const h12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const off = (colon) => {
    const a = Math.abs(t.offset);
    return `${t.offset < 0 ? "-" : "+"}${p(Math.floor(a / 60))}${colon ? ":" : ""}${p(a % 60)}`;
  };
  const bad = (tok, why) => {
    throw new EvalError(`invalid date format verb ${JSON.stringify(tok)}${why ? `: ${why}` : ""}`);
  };
  const verb = (tok) => {
    const n = tok.length;
    switch (tok[0]) {
      case "Y":
        return n === 2 ? p(d.getUTCFullYear() % 100) : n === 4 ? p(d.getUTCFullYear(), 4) : bad(tok, 'year must either be "YY" or "YYYY"');
      case "M":
        return n === 1 ? String(d.getUTCMonth() + 1) : n === 2 ? p(d.getUTCMonth() + 1) : n === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : n === 4 ? MONTHS[d.getUTCMonth()] : bad(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
      case "D":
        return n === 1 ? String(d.getUTCDate()) : n === 2 ? p(d.getUTCDate()) : bad(tok, 'day of month must either be "D" or "DD"');
      case "E":
        return n === 3 ? DAYS[d.getUTCDay()].slice(0, 3) : n === 4 ? DAYS[d.getUTCDay()] : bad(tok, 'day of week must either be "EEE" or "EEEE"');
      case "h":
        return n === 1 ? String(d.getUTCHours()) : n === 2 ? p(d.getUTCHours()) : bad(tok, '24-hour must either be "h" or "hh"');
      case "H":
        return n === 1 ? String(h12) : n === 2 ? p(h12) : bad(tok, '12-hour must either be "H" or "HH"');
      case "A":
      case "a": {
        if (n !== 2) bad(tok, `must be "${tok[0]}${tok[0]}"`);
        const pm = d.getUTCHours() >= 12;
        return tok[0] === "A" ? pm ? "PM" : "AM" : pm ? "pm" : "am";
      }
      case "m":
        return n === 1 ? String(d.getUTCMinutes()) : n === 2 ? p(d.getUTCMinutes()) : bad(tok, 'minute must either be "m" or "mm"');
      case "s":
        return n === 1 ? String(d.getUTCSeconds()) : n === 2 ? p(d.getUTCSeconds()) : bad(tok, 'second must either be "s" or "ss"');
      case "Z":
        if (n === 1) return t.offset === 0 ? "Z" : off(true);
        if (n === 3) return t.offset === 0 ? "UTC" : off(false);
        if (n === 4) return off(false);
        if (n === 5) return off(true);
        return bad(tok, "timezone must be Z, ZZZZ, or ZZZZZ");
      default:
        return bad(tok, "");
    }
  };
  const isVerb = (c) => c !== void 0 && /[A-Za-z]/.test(c);
  let out = "";
  let i = 0;
  while (i < spec.length) {
    const c = spec[i];
    if (c === "'") {
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = "";
      let closed = false;
      for (; j < spec.length; j++) {
        if (spec[j] === "'") {
          if (spec[j + 1] === "'") {
            text += "'";
            j++;
            continue;
          }
          closed = true;
          break;
        }
        text += spec[j];
      }
      if (!closed) throw new EvalError("unterminated literal '");
      out += text;
      i = j + 1;
      continue;
    }
    if (isVerb(c)) {
      let j = i;
      while (spec[j] === c) j++;
      out += verb(spec.slice(i, j));
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
var SINGLE_BYTE = /^(?:WINDOWS-125[0-8]|ISO-8859-(?:[2-9]|1[03-6])|KOI8-[RU])$/;
var encoderTables = /* @__PURE__ */ new Map();
function singleByteTable(e) {
  let t = encoderTables.get(e);
  if (!t) {
    t = /* @__PURE__ */ new Map();
    const d = new TextDecoder(e.toLowerCase());
    for (let b = 0; b < 256; b++) {
      const c = d.decode(Uint8Array.of(b));
      if (c !== "\uFFFD" && !t.has(c.codePointAt(0))) t.set(c.codePointAt(0), b);
    }
    encoderTables.set(e, t);
  }
  return t;
}
var MULTI_BYTE_DECODE = /* @__PURE__ */ new Map([
  ["SHIFT_JIS", "shift_jis"],
  ["EUC-JP", "euc-jp"],
  ["EUC-KR", "euc-kr"],
  ["GBK", "gbk"],
  ["GB18030", "gb18030"],
  ["BIG5", "big5"]
]);
function encodeText(s, enc) {
  const e = enc.toUpperCase();
  if (e === "UTF-8" || e === "UTF8") return Buffer.from(s, "utf8");
  if (e === "UTF-16LE") return Buffer.from(s, "utf16le");
  if (e === "UTF-16BE") return Buffer.from(s, "utf16le").swap16();
  if (e === "ISO-8859-1" || e === "LATIN1") {
    if ([...s].some((c) => c.codePointAt(0) > 255)) throw new EvalError(`the given string contains characters that cannot be represented in ${enc}`);
    return Buffer.from(s, "latin1");
  }
  if (SINGLE_BYTE.test(e)) {
    const t = singleByteTable(e);
    const out = [];
    for (const ch of s) {
      const b = t.get(ch.codePointAt(0));
      if (b === void 0) throw new EvalError(`the given string contains characters that cannot be represented in ${enc}`);
      out.push(b);
    }
    return Buffer.from(out);
  }
  throw new NotStatic(`encoding ${enc} is not evaluated`);
}
function decodeText(b, enc) {
  const e = enc.toUpperCase();
  if (e === "ISO-8859-1" || e === "LATIN1") return b.toString("latin1");
  const label = e === "UTF8" ? "utf-8" : e === "UTF-8" || e === "UTF-16LE" || e === "UTF-16BE" || SINGLE_BYTE.test(e) ? e.toLowerCase() : MULTI_BYTE_DECODE.get(e);
  if (!label) throw new NotStatic(`encoding ${enc} is not evaluated`);
  let text;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    throw new EvalError(`the given string contains symbols that are not defined for ${enc}`);
  }
  if (text.includes("\uFFFD")) throw new EvalError(`the given string contains symbols that are not defined for ${enc}`);
  return text;
}
function parseIp(s) {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const o = v4.slice(1, 5).map(Number);
    if (o.some((x) => x > 255)) return void 0;
    return { v6: false, addr: BigInt((o[0] << 24 | o[1] << 16 | o[2] << 8 | o[3]) >>> 0) };
  }
  if (!s.includes(":")) return void 0;
  let text = s;
  let tail = [];
  const embedded = /^(.*:)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  if (embedded) {
    const four = parseIp(embedded[2]);
    if (!four) return void 0;
    tail = [four.addr >> 16n, four.addr & 0xffffn];
    text = `${embedded[1]}0`;
    text = text.slice(0, -1);
    if (text.endsWith(":") && !text.endsWith("::")) text = text.slice(0, -1);
  }
  const halves = text.split("::");
  if (halves.length > 2) return void 0;
  const groups = (h) => {
    if (h === "") return [];
    const gs = h.split(":");
    if (gs.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return void 0;
    return gs.map((g) => BigInt(`0x${g}`));
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return void 0;
  const given = [...head, ...rest, ...tail];
  let all;
  if (halves.length === 2) {
    if (given.length > 7) return void 0;
    all = [...head, ...new Array(8 - given.length).fill(0n), ...rest, ...tail];
  } else {
    if (given.length !== 8) return void 0;
    all = given;
  }
  return { v6: true, addr: all.reduce((a, g) => a << 16n | g, 0n) };
}
function parseCidr(s) {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) throw new EvalError(`invalid CIDR address: ${s}`);
  const ip = parseIp(m[1]);
  const bits = Number(m[2]);
  if (!ip || bits > (ip.v6 ? 128 : 32)) throw new EvalError(`invalid CIDR address: ${s}`);
  const size = ip.v6 ? 128 : 32;
  const mask = bits === 0 ? 0n : (1n << BigInt(bits)) - 1n << BigInt(size - bits);
  if (ip.v6 && ip.addr >> 32n === 0xffffn && bits >= 96 && /^::ffff:\d/i.test(m[1])) return { v6: true, addr: ip.addr & mask, bits: bits - 96, mapped: true };
  return { v6: ip.v6, addr: ip.addr & mask, bits };
}
function ipText(addr, v6) {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String(addr >> s & 255n)).join(".");
  const g = [];
  for (let i = 7; i >= 0; i--) g.push(Number(addr >> BigInt(i * 16) & 0xffffn));
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 65535) return ipText(addr & 0xffffffffn, false);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}
var netOf = (c) => c.mapped ? { ip: c.addr, bytes: 16, maskBits: c.bits + 96 } : { ip: c.addr, bytes: c.v6 ? 16 : 4, maskBits: c.bits };
var isV4Mapped = (ip, bytes) => bytes === 4 || ip >> 32n === 0xffffn;
function goIpString(ip, bytes) {
  if (bytes === 4) return ipText(ip, false);
  return isV4Mapped(ip, bytes) ? ipText(ip & 0xffffffffn, false) : ipText(ip, true);
}
function goNetString(n) {
  if (n.bytes === 16 && isV4Mapped(n.ip, 16)) return `${ipText(n.ip & 0xffffffffn, false)}/${Math.min(32, Math.max(0, n.maskBits - 96))}`;
  return `${goIpString(n.ip, n.bytes)}/${n.maskBits}`;
}
var low64 = (n) => BigInt.asUintN(64, n < 0n ? -n : n);
function insertNum(n, num2, prefixLen) {
  const total = n.bytes * 8;
  const v = n.ip | num2 << BigInt(total - prefixLen);
  const mag = v < 0n ? -v : v;
  if (mag >> BigInt(total) !== 0n) throw new EvalError("the address computed does not fit an IP address");
  return mag;
}
function cidrSubnet(prefix, newbits, netnum) {
  const n = netOf(prefix);
  if (newbits < 0) throw new EvalError("newbits must not be negative");
  const newPrefixLen = n.maskBits + newbits;
  if (newPrefixLen > n.bytes * 8) throw new EvalError(`insufficient address space to extend prefix of ${n.maskBits} by ${newbits}`);
  const maxNetNum = newbits >= 64 ? (1n << 64n) - 1n : (1n << BigInt(newbits)) - 1n;
  if (low64(netnum) > maxNetNum) throw new EvalError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return goNetString({ ip: insertNum(n, netnum, newPrefixLen), bytes: n.bytes, maskBits: newPrefixLen });
}
function cidrHost(prefix, hostnum) {
  const n = netOf(prefix);
  const maxHostNum = (1n << BigInt(n.bytes * 8 - n.maskBits)) - 1n;
  let num2 = hostnum;
  let numU = BigInt.asIntN(64, low64(num2));
  if (num2 < 0n) {
    numU = -num2 - 1n;
    num2 = maxHostNum - numU;
  }
  if (numU > maxHostNum) throw new EvalError(`prefix of ${n.maskBits} does not accommodate a host numbered ${num2}`);
  const bitLength = isV4Mapped(n.ip, n.bytes) ? 32 : 128;
  return goIpString(insertNum(n, num2, bitLength), n.bytes);
}
var bigWhole = (v, what) => {
  const n = N(v);
  if (n.inf || !n.isInt()) throw new EvalError(`${what} must be a whole number`);
  return n.trunc();
};
function needFiles(ctx) {
  if (!ctx.files) throw new NotStatic("files are not read in this scope");
  return ctx.files;
}
function cleanPath(p) {
  if (p === "") return ".";
  const n = path4.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/$/, "") : n;
}
var STR_LIST = listOf(STRING);
var FUNCTIONS = {
  // strings
  lower: { params: [STRING], impl: ([s]) => str(mapCase(S(s), false)) },
  upper: { params: [STRING], impl: ([s]) => str(mapCase(S(s), true)) },
  title: { params: [STRING], impl: ([s]) => str(title(S(s))) },
  trimspace: { params: [STRING], impl: ([s]) => str(goTrimSpace(S(s))) },
  trim: { params: [STRING, STRING], impl: ([s, c]) => str(trimSet(S(s), S(c))) },
  trimprefix: { params: [STRING, STRING], impl: ([s, p]) => str(S(s).startsWith(S(p)) ? S(s).slice(S(p).length) : S(s)) },
  trimsuffix: { params: [STRING, STRING], impl: ([s, p]) => str(S(s).endsWith(S(p)) ? S(s).slice(0, S(s).length - S(p).length) : S(s)) },
  chomp: { params: [STRING], impl: ([s]) => str(S(s).replace(/(?:\r\n?|\n)*$/, "")) },
  startswith: {
    params: [{ t: STRING, allowUnknown: true }, STRING],
    partial: true,
    impl: ([s, p]) => {
      if (isUnknown2(s)) {
        if (S(p) === "") return TRUE;
        const known = refinementOf(s).prefix ?? "";
        if (known !== "" && known.startsWith(S(p))) return TRUE;
        if (known !== "" && Buffer.byteLength(known) >= Buffer.byteLength(S(p))) return FALSE;
        throw new EvalError("unknown");
      }
      return bool(S(s).startsWith(S(p)));
    }
  },
  endswith: { params: [STRING, STRING], impl: ([s, p]) => bool(S(s).endsWith(S(p))) },
  strcontains: { params: [STRING, STRING], impl: ([s, p]) => bool(S(s).includes(S(p))) },
  strrev: { params: [STRING], impl: ([s]) => str(graphemes(S(s)).reverse().join("")) },
  substr: { params: [STRING, NUMBER, NUMBER], impl: ([s, o, l]) => str(substr(S(s), whole2(o, "offset"), whole2(l, "length"))) },
  replace: {
    params: [STRING, STRING, STRING],
    impl: ([s, f, r], ctx) => {
      const find = S(f);
      if (find.length > 1 && find.startsWith("/") && find.endsWith("/")) return str(regexReplace(S(s), find.slice(1, -1), S(r), ctx));
      return str(goReplaceAll(S(s), find, S(r), ctx));
    }
  },
  regex: {
    params: [STRING, STRING],
    impl: ([p, s], ctx) => {
      const re = compileRe(S(p));
      const m = findAll(re, S(s), 1, ctx)[0];
      if (!m) throw new EvalError("pattern did not match any part of the given string");
      return matchValue(re, S(s), m);
    }
  },
  regexall: {
    params: [STRING, STRING],
    impl: ([p, s], ctx) => {
      const re = compileRe(S(p));
      const ms = findAll(re, S(s), Infinity, ctx);
      charged(ctx, ms.length);
      const vals = ms.map((m) => matchValue(re, S(s), m));
      if (!vals.length) return list(re.groupCount() === 0 ? STRING : DYN, []);
      return list(vals[0].t, vals);
    }
  },
  split: {
    params: [STRING, STRING],
    impl: ([sep, s], ctx) => {
      const parts = goSplit(S(s), S(sep));
      charged(ctx, parts.length);
      return list(STRING, parts.map(str));
    }
  },
  join: {
    params: [STRING],
    variadic: STR_LIST,
    impl: ([sep, ...ls], ctx) => {
      if (ls.length === 0) throw new EvalError("at least one list is required");
      const items = ls.flatMap((l) => elems(l));
      for (const x of items) if (isNull(x)) throw new EvalError("a list element is null");
      const total = items.reduce((n, x) => n + S(x).length, 0) + S(sep).length * Math.max(0, items.length - 1);
      ctx.budget.string(total);
      return str(items.map(S).join(S(sep)));
    }
  },
  format: {
    params: [STRING],
    variadic: { t: ANY, allowNull: true },
    impl: ([f, ...rest], ctx) => str(formatString(S(f), rest, ctx.budget, (v) => jsonText(v, ctx)))
  },
  formatlist: {
    params: [STRING],
    variadic: { t: ANY, allowNull: true },
    impl: ([f, ...rest], ctx) => {
      let n = -1;
      rest.forEach((r, i) => {
        if (!isNull(r) && isSeq(r)) {
          const len = elems(r).length;
          if (n === -1) n = len;
          else if (len !== n) throw new EvalError(`argument ${i + 2} has length ${len}, which is inconsistent with the others`);
        }
      });
      if (n === 0) return list(STRING, []);
      if (n === -1) n = 1;
      charged(ctx, n);
      const out = [];
      for (let i = 0; i < n; i++) {
        const args = rest.map((r) => !isNull(r) && isSeq(r) ? elems(r)[i] : r);
        out.push(str(formatString(S(f), args, ctx.budget, (v) => jsonText(v, ctx))));
      }
      return list(STRING, out);
    }
  },
  indent: {
    params: [NUMBER, STRING],
    impl: ([n, s], ctx) => {
      const pad = whole2(n, "spaces");
      if (pad < 0) throw new EvalError("strings.Repeat: negative Repeat count");
      const lines = S(s).split("\n").length - 1;
      ctx.budget.string(S(s).length + Math.max(0, pad) * lines);
      return str(S(s).split("\n").join(`
${" ".repeat(Math.max(0, pad))}`));
    }
  },
  // numbers
  abs: { params: [NUMBER], impl: ([x]) => num(N(x).abs()) },
  // cty: f.SetInt(i) on the argument's own big.Float: the result keeps its precision (floor(1e300) is the 512-bit 1e300).
  ceil: { params: [NUMBER], impl: ([x]) => N(x).inf ? x : num(BigNum.fromBigInt(N(x).ceil(), N(x).prec)) },
  floor: { params: [NUMBER], impl: ([x]) => N(x).inf ? x : num(BigNum.fromBigInt(N(x).floor(), N(x).prec)) },
  log: { params: [NUMBER, NUMBER], impl: ([x, b]) => num(BigNum.fromFloat64(Math.log(N(x).toJs()) / Math.log(N(b).toJs()))) },
  pow: { params: [NUMBER, NUMBER], impl: ([a, b]) => num(BigNum.fromFloat64(Math.pow(N(a).toJs(), N(b).toJs()))) },
  // cty reads the argument as a Go int: a fraction or a number beyond int64 is an error.
  signum: { params: [NUMBER], impl: ([x]) => int(goInt(x, "num") < 0n ? -1 : goInt(x, "num") > 0n ? 1 : 0) },
  max: {
    params: [],
    variadic: NUMBER,
    impl: (xs) => {
      if (!xs.length) throw new EvalError("must pass at least one number");
      return xs.reduce((a, b) => N(b).cmp(N(a)) > 0 ? b : a);
    }
  },
  min: {
    params: [],
    variadic: NUMBER,
    impl: (xs) => {
      if (!xs.length) throw new EvalError("must pass at least one number");
      return xs.reduce((a, b) => N(b).cmp(N(a)) < 0 ? b : a);
    }
  },
  parseint: {
    params: [STRING, NUMBER],
    impl: ([s, b]) => {
      const base = whole2(b, "base");
      if (base < 2 || base > 62) throw new EvalError("base must be a whole number between 2 and 62 inclusive");
      const text = S(s);
      const m = /^([+-]?)(.+)$/.exec(text);
      const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
      if (!m) throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
      let n = 0n;
      for (const ch of m[2]) {
        let d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch);
        if (base <= 36 && d >= 36) d = -1;
        if (d < 0 || d >= base) throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
        n = n * BigInt(base) + BigInt(d);
      }
      return num(BigNum.fromBigInt(m[1] === "-" ? -n : n));
    }
  },
  // collections
  length: {
    params: [ANY],
    partial: true,
    impl: ([v]) => {
      if (v.t.k === "string") {
        if (isUnknown2(v)) throw new EvalError("unknown");
        return int(graphemes(S(v)).length);
      }
      if (isSeq(v)) return int(elems(v).length);
      if (isMapLike(v)) return int(entries(v).size);
      throw new EvalError(`argument must be a string, a collection type, or a structural type, not ${friendlyName(v.t)}`);
    }
  },
  concat: {
    params: [],
    variadic: ANY,
    partial: true,
    impl: (ls, ctx) => {
      for (const l of ls) if (l.t.k !== "list" && l.t.k !== "tuple") throw new EvalError(`all arguments must be lists or tuples; got ${friendlyName(l.t)}`);
      const total = ls.reduce((n, l) => n + elems(l).length, 0);
      charged(ctx, total);
      const items = ls.flatMap((l) => elems(l));
      const allLists = ls.length > 0 && ls.every((l) => l.t.k === "list" && typeEquals(l.t, ls[0].t));
      if (allLists) return list(ls[0].t.e, items);
      return tuple(items);
    }
  },
  merge: {
    params: [],
    variadic: { t: ANY, allowNull: true },
    partial: true,
    impl: (ms, ctx) => {
      const out = /* @__PURE__ */ new Map();
      const given = ms.filter((m) => !isNull(m));
      for (const m of given) {
        if (!isMapLike(m)) throw new EvalError(`arguments must be maps or objects, got ${friendlyName(m.t)}`);
        for (const [k, x] of entries(m)) out.set(k, x);
      }
      charged(ctx, out.size);
      const allMaps = given.length > 0 && given.every((m) => m.t.k === "map" && typeEquals(m.t, given[0].t));
      if (allMaps) return map(given[0].t.e, out);
      return object(out);
    }
  },
  // cty's MakeToFunc: the conversion is chosen from the types, so a null whose type does not convert
  // (a null object to tolist) is refused like any value of that type.
  tolist: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => toNull(v, LIST_ANY) ?? convert(v, LIST_ANY) },
  toset: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => toNull(v, setOf(DYN)) ?? convert(v, setOf(DYN)) },
  tomap: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => toNull(v, mapOf(DYN)) ?? convert(v, mapOf(DYN)) },
  tostring: { params: [{ t: ANY, allowNull: true }], impl: ([v]) => toNull(v, STRING) ?? convert(v, STRING) },
  tonumber: { params: [{ t: ANY, allowNull: true }], impl: ([v]) => toNull(v, NUMBER) ?? convert(v, NUMBER) },
  tobool: { params: [{ t: ANY, allowNull: true }], impl: ([v]) => toNull(v, BOOL) ?? convert(v, BOOL) },
  lookup: {
    params: [ANY, STRING],
    variadic: { t: ANY, allowNull: true },
    partial: true,
    impl: ([m, k, ...d]) => {
      if (d.length > 1) throw new EvalError("lookup() takes no more than three arguments");
      if (!isMapLike(m)) throw new EvalError(`the first argument must be a map or object, not ${friendlyName(m.t)}`);
      const key = S(k);
      const found = entries(m).get(key);
      if (m.t.k === "map") {
        const ety = m.t.e;
        if (found) return found;
        if (!d.length) throw new EvalError(`the given key "${key}" does not exist in the map`);
        return ety.k === "dynamic" ? d[0] : convert(d[0], ety);
      }
      if (found) {
        if (!d.length) return found;
        return found;
      }
      if (!d.length) throw new EvalError(`the given key "${key}" does not exist in the map`);
      return d[0];
    }
  },
  element: {
    params: [ANY, NUMBER],
    partial: true,
    impl: ([l, i]) => {
      if (l.t.k === "set") throw new EvalError("cannot use element function with a set type");
      if (l.t.k !== "list" && l.t.k !== "tuple") throw new EvalError("the first argument must be a list or tuple");
      const xs = elems(l);
      if (!xs.length) throw new EvalError("cannot use element function with an empty list");
      const idx = whole2(i, "index") % xs.length;
      return xs[idx < 0 ? idx + xs.length : idx];
    }
  },
  // OpenTofu's index (internal/lang/funcs/collection.go): a list or tuple as given, no conversion;
  // elements compared with cty's Equal (1 and "1" differ).
  index: {
    // The value may not be null (OpenTofu's index has no AllowNull on it: "argument must not be null").
    params: [{ t: ANY, allowUnknown: true }, { t: ANY, allowUnknown: true }],
    partial: true,
    impl: ([l, v], ctx) => {
      if (isUnknown2(l) && l.t.k === "dynamic") throw new EvalError("unknown");
      if (l.t.k !== "list" && l.t.k !== "tuple") throw new EvalError("argument must be a list or tuple");
      if (isUnknown2(l)) throw new EvalError("unknown");
      if (elems(l).length === 0) throw new EvalError("cannot search an empty list");
      void ctx;
      for (const [i, x] of elems(l).entries()) {
        const eq = ctyEquals(x, v);
        if (eq === void 0) throw new EvalError("unknown");
        if (eq) return int(i);
      }
      throw new EvalError("item not found");
    }
  },
  contains: {
    params: [ANY, ANY],
    impl: ([l, v]) => {
      if (!isSeq(l)) throw new EvalError("argument must be list, tuple, or set");
      return bool(elems(l).some((x) => equalsKnown(x, v)));
    }
  },
  keys: {
    params: [ANY],
    partial: true,
    impl: ([m]) => {
      if (!isMapLike(m)) throw new EvalError("must have map or object type");
      const ks = [...entries(m).keys()].map(str);
      return m.t.k === "map" ? list(STRING, ks) : tuple(ks);
    }
  },
  values: {
    params: [ANY],
    partial: true,
    impl: ([m]) => {
      if (!isMapLike(m)) throw new EvalError("must have map or object type");
      const vs = [...entries(m).values()];
      return m.t.k === "map" ? list(m.t.e, vs) : tuple(vs);
    }
  },
  flatten: {
    params: [ANY],
    partial: true,
    impl: ([l], ctx) => {
      if (!isSeq(l)) throw new EvalError("can only flatten lists, sets and tuples");
      const out = [];
      const walk = (xs) => {
        for (const x of xs) {
          if (isUnknown2(x) && !isNull(x)) throw new EvalError("unknown");
          if (!isNull(x) && isSeq(x)) walk(elems(x));
          else out.push(x);
          ctx.budget.spend();
        }
      };
      walk(elems(l));
      charged(ctx, out.length);
      return tuple(out);
    }
  },
  distinct: {
    params: [LIST_ANY],
    impl: ([l]) => {
      const out = [];
      for (const x of elems(l)) if (!out.some((y) => rawEquals(x, y))) out.push(x);
      return list(l.t.e, out);
    }
  },
  compact: {
    params: [STR_LIST],
    impl: ([l]) => list(
      STRING,
      elems(l).filter((x) => !isNull(x) && S(x) !== "")
    )
  },
  reverse: {
    params: [ANY],
    partial: true,
    impl: ([l]) => {
      if (l.t.k === "list" || l.t.k === "set") return list(l.t.e, [...elems(l)].reverse());
      if (l.t.k === "tuple") return tuple([...elems(l)].reverse());
      throw new EvalError("can only reverse lists or tuples");
    }
  },
  sort: {
    params: [STR_LIST],
    impl: ([l]) => {
      const xs = elems(l);
      if (xs.some(isNull)) throw new EvalError("given list element is null");
      return list(
        STRING,
        [...xs].sort((a, b) => compareStrings(S(a), S(b)))
      );
    }
  },
  slice: {
    params: [ANY, NUMBER, NUMBER],
    partial: true,
    impl: ([l, a, b]) => {
      if (l.t.k !== "list" && l.t.k !== "tuple") throw new EvalError("must be a list or tuple type");
      const xs = elems(l);
      const start = whole2(a, "start index");
      const end = whole2(b, "end index");
      if (start < 0) throw new EvalError("from index must be greater than or equal to 0");
      if (end > xs.length) throw new EvalError("to index must be less than or equal to the length of the input collection");
      if (start > end) throw new EvalError("from index must be less than or equal to index");
      const part = xs.slice(start, end);
      return l.t.k === "list" ? list(l.t.e, part) : tuple(part);
    }
  },
  range: {
    params: [],
    variadic: NUMBER,
    impl: (a, ctx) => {
      let start;
      let end;
      let step;
      const one = BigNum.fromInt(1);
      const zero = BigNum.fromInt(0);
      if (a.length === 1) [start, end, step] = [zero, N(a[0]), N(a[0]).sign() < 0 ? one.neg_() : one];
      else if (a.length === 2) [start, end, step] = [N(a[0]), N(a[1]), N(a[1]).cmp(N(a[0])) < 0 ? one.neg_() : one];
      else if (a.length === 3) [start, end, step] = [N(a[0]), N(a[1]), N(a[2])];
      else throw new EvalError("must have one, two, or three arguments");
      if (step.isZero()) throw new EvalError("step must not be zero");
      const down = step.sign() < 0;
      if (down && end.cmp(start) > 0) throw new EvalError("end must be less than start when step is negative");
      if (!down && end.cmp(start) < 0) throw new EvalError("end must be greater than start when step is positive");
      const out = [];
      for (let x = start; down ? x.cmp(end) > 0 : x.cmp(end) < 0; x = x.add(step)) {
        if (out.length >= 1024) throw new EvalError("more than 1024 values were generated; either decrease the difference between start and end or use a smaller step");
        out.push(num(x));
      }
      charged(ctx, out.length);
      return list(NUMBER, out);
    }
  },
  zipmap: {
    params: [STR_LIST, ANY],
    partial: true,
    impl: ([k, v]) => {
      if (v.t.k !== "list" && v.t.k !== "tuple") throw new EvalError("values must be a list or tuple");
      const ks = elems(k);
      const vs = elems(v);
      if (ks.length !== vs.length) throw new EvalError(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
      const m = /* @__PURE__ */ new Map();
      ks.forEach((x, i) => {
        if (isUnknown2(x)) throw new EvalError("unknown key");
        if (isNull(x)) throw new EvalError("a key is null");
        m.set(S(x), vs[i]);
      });
      return v.t.k === "list" ? map(v.t.e, m) : object(m);
    }
  },
  setunion: { params: [setOf(DYN)], variadic: setOf(DYN), impl: (ss) => setOp(ss, (a, all) => all.some((s) => s.some((y) => rawEquals(a, y))), true) },
  setintersection: { params: [setOf(DYN)], variadic: setOf(DYN), impl: (ss) => setOp(ss, (a, all) => all.every((s) => s.some((y) => rawEquals(a, y))), false) },
  setsubtract: {
    params: [setOf(DYN), setOf(DYN)],
    impl: ([a, b]) => {
      const [x, y] = unifyValues([a, b], "setsubtract");
      return set(
        x.t.e,
        elems(x).filter((e) => !elems(y).some((f) => rawEquals(e, f)))
      );
    }
  },
  setproduct: {
    params: [],
    variadic: ANY,
    impl: (ls, ctx) => {
      if (ls.length < 2) throw new EvalError("at least two arguments are required");
      for (const l of ls) if (!isSeq(l)) throw new EvalError("all arguments must be lists, sets or tuples");
      const total = ls.reduce((n, l) => n * elems(l).length, 1);
      charged(ctx, total);
      let rows = [[]];
      for (const l of ls) rows = rows.flatMap((r) => elems(l).map((x) => [...r, x]));
      const asSet = ls.every((l) => l.t.k === "set");
      const etys = ls.map((l) => l.t.k === "tuple" ? void 0 : l.t.e);
      const items = rows.map((r) => etys.every((t2) => t2) ? tuple(r.map((x, i) => etys[i].k === "dynamic" ? x : convert(x, etys[i]))) : tuple(r));
      if (!items.length) return asSet ? set(DYN, []) : list(DYN, []);
      if (asSet) return set(items[0].t, items);
      const t = items[0].t;
      return items.every((x) => typeEquals(x.t, t)) ? list(t, items) : tuple(items);
    }
  },
  coalescelist: {
    params: [],
    variadic: ANY,
    partial: true,
    impl: (ls) => {
      if (!ls.length) throw new EvalError("at least one argument is required");
      for (const l of ls) if (l.t.k !== "list" && l.t.k !== "tuple") throw new EvalError("all arguments must be lists or tuples");
      const found = ls.find((l) => elems(l).length > 0);
      if (!found) throw new EvalError("no non-null arguments");
      return found;
    }
  },
  chunklist: {
    params: [LIST_ANY, NUMBER],
    partial: true,
    impl: ([l, n], ctx) => {
      const xs = elems(l);
      const size = whole2(n, "size");
      const ety = l.t.e;
      if (size < 0) throw new EvalError("the size argument must be positive");
      if (size === 0) return list(listOf(ety), [l]);
      const out = [];
      for (let i = 0; i < xs.length; i += size) out.push(list(ety, xs.slice(i, i + size)));
      charged(ctx, out.length);
      return list(listOf(ety), out);
    }
  },
  one: {
    params: [ANY],
    partial: true,
    impl: ([l]) => {
      if (!isSeq(l)) throw new EvalError("must be a list, set, or tuple value");
      const xs = elems(l);
      if (xs.length > 1) throw new EvalError("must be a list, set, or tuple value with either zero or one elements");
      if (!xs.length) return l.t.k === "tuple" ? NULL : nullOf(l.t.e);
      return xs[0];
    }
  },
  sum: {
    params: [ANY],
    impl: ([l]) => {
      if (!isSeq(l)) throw new EvalError("argument must be list, set, or tuple");
      const xs = elems(l);
      if (!xs.length) throw new EvalError("cannot sum an empty list");
      let acc;
      for (const x of xs) {
        if (isNull(x)) throw new EvalError("argument must be list, set, or tuple of number values");
        const n = N(convert(x, NUMBER));
        acc = acc ? acc.add(n) : n;
      }
      return num(acc);
    }
  },
  alltrue: { params: [listOf(BOOL)], impl: ([l]) => bool(elems(l).every((x) => !isNull(x) && asBool(x))) },
  anytrue: { params: [listOf(BOOL)], impl: ([l]) => bool(elems(l).some((x) => !isNull(x) && asBool(x))) },
  matchkeys: {
    params: [LIST_ANY, LIST_ANY, LIST_ANY],
    impl: ([vs, ks0, search0]) => {
      const u = unify([ks0.t, search0.t], true);
      if (!u) throw new EvalError("keys and searchset must be of the same type");
      const [ks, search] = [ks0, search0].map((x, i) => u.convs[i] ? u.convs[i](x) : x);
      const values = elems(vs);
      const keys = elems(ks);
      if (values.length !== keys.length) throw new EvalError("length of keys and values should be equal");
      const out = values.filter((_, i) => elems(search).some((s) => equalsKnown(keys[i], s)));
      return list(vs.t.e, out);
    }
  },
  transpose: {
    params: [mapOf(STR_LIST)],
    impl: ([m]) => {
      const out = /* @__PURE__ */ new Map();
      for (const [k, l] of entries(m)) {
        for (const v of elems(l)) {
          if (isNull(v)) throw new EvalError("input map contains a null value");
          let g = out.get(S(v));
          if (!g) out.set(S(v), g = []);
          g.push(str(k));
        }
      }
      const res = /* @__PURE__ */ new Map();
      for (const [k, g] of out) res.set(k, list(STRING, g));
      return map(STR_LIST, res);
    }
  },
  // encoding
  jsonencode: { params: [{ t: ANY, allowNull: true }], impl: ([v], ctx) => str(jsonText(v, ctx)) },
  jsondecode: { params: [STRING], impl: ([s], ctx) => jsonDecode(S(s), ctx) },
  yamlencode: { params: [{ t: ANY, allowNull: true }], impl: ([v], ctx) => str(yamlEncode(v, ctx.budget)) },
  base64encode: { params: [STRING], impl: ([s]) => str(Buffer.from(S(s), "utf8").toString("base64")) },
  base64gzip: {
    params: [STRING],
    impl: ([s], ctx) => {
      ctx.budget.string(S(s).length * 2);
      return str(goGzip(Buffer.from(S(s), "utf8")).toString("base64"));
    }
  },
  base64gunzip: {
    params: [STRING],
    impl: ([s], ctx) => {
      let out;
      try {
        out = zlib().gunzipSync(goBase64(S(s)), { maxOutputLength: LIMITS.stringLength });
      } catch (e) {
        if (e instanceof EvalError) throw e;
        throw new EvalError(`failed to gunzip bytestream: ${e.message}`);
      }
      ctx.budget.string(out.length);
      return str(out.toString("utf8"));
    }
  },
  base64decode: {
    params: [STRING],
    impl: ([s]) => {
      const bytes = goBase64(S(s));
      const out = new TextDecoder("utf-8", { fatal: true });
      try {
        return str(out.decode(bytes));
      } catch {
        throw new EvalError("the result of decoding the provided string is not valid UTF-8");
      }
    }
  },
  urlencode: {
    params: [STRING],
    impl: ([s]) => {
      let out = "";
      for (const b of Buffer.from(S(s), "utf8")) {
        const ch = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
        else if (ch === " ") out += "+";
        else out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
      }
      return str(out);
    }
  },
  urldecode: {
    params: [STRING],
    impl: ([s]) => {
      const text = S(s).replace(/\+/g, " ");
      if (/%(?![0-9A-Fa-f]{2})/.test(text)) throw new EvalError("invalid URL escape");
      const bytes = Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16))), "latin1");
      try {
        return str(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch {
        throw new EvalError("the decoded text is not valid UTF-8");
      }
    }
  },
  uuidv5: {
    params: [STRING, STRING],
    impl: ([ns, name]) => {
      const known = {
        dns: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        url: "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        oid: "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        x500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8"
      };
      const given = S(ns);
      const space = Object.hasOwn(known, given) ? known[given] : given;
      if (!/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(space)) throw new EvalError(`uuidv5() doesn't support namespace ${given}`);
      const h = createHash2("sha1").update(Buffer.from(space.replace(/-/g, ""), "hex")).update(S(name), "utf8").digest();
      h[6] = h[6] & 15 | 80;
      h[8] = h[8] & 63 | 128;
      const x = h.subarray(0, 16).toString("hex");
      return str(`${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`);
    }
  },
  timeadd: { params: [STRING, STRING], impl: ([t, d]) => {
    const st = parseStamp(S(t));
    return str(formatStamp({ ms: st.ms + parseDuration(S(d)), offset: st.offset }));
  } },
  timecmp: { params: [STRING, STRING], impl: ([a, b]) => int(Math.sign(parseStamp(S(a)).ms - parseStamp(S(b)).ms)) },
  formatdate: { params: [STRING, STRING], impl: ([f, t]) => str(formatDate(S(f), parseStamp(S(t)))) },
  textencodebase64: { params: [STRING, STRING], impl: ([s, e]) => str(encodeText(S(s), S(e)).toString("base64")) },
  textdecodebase64: {
    params: [STRING, STRING],
    impl: ([s, e]) => {
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(S(s))) throw new EvalError("invalid base64 data");
      return str(decodeText(Buffer.from(S(s), "base64"), S(e)));
    }
  },
  csvdecode: { params: [STRING], impl: ([s], ctx) => csvDecode(S(s), ctx) },
  yamldecode: { params: [STRING], impl: ([s], ctx) => yamlDecode(S(s), ctx) },
  rsadecrypt: { params: [STRING, STRING], impl: ([c, k]) => str(rsaDecrypt(S(c), S(k))) },
  md5: { params: [STRING], impl: ([s]) => str(createHash2("md5").update(S(s), "utf8").digest("hex")) },
  sha1: { params: [STRING], impl: ([s]) => str(createHash2("sha1").update(S(s), "utf8").digest("hex")) },
  sha256: { params: [STRING], impl: ([s]) => str(createHash2("sha256").update(S(s), "utf8").digest("hex")) },
  sha512: { params: [STRING], impl: ([s]) => str(createHash2("sha512").update(S(s), "utf8").digest("hex")) },
  base64sha256: { params: [STRING], impl: ([s]) => str(createHash2("sha256").update(S(s), "utf8").digest("base64")) },
  base64sha512: { params: [STRING], impl: ([s]) => str(createHash2("sha512").update(S(s), "utf8").digest("base64")) },
  // network
  cidrsubnet: {
    params: [STRING, NUMBER, NUMBER],
    impl: ([p, b, n]) => {
      return str(cidrSubnet(parseCidr(S(p)), whole2(b, "newbits"), bigWhole(n, "netnum")));
    }
  },
  cidrsubnets: {
    params: [STRING],
    variadic: NUMBER,
    impl: ([p, ...bits], ctx) => {
      const base = parseCidr(S(p));
      const size = base.v6 ? 128 : 32;
      charged(ctx, bits.length);
      let next2 = base.addr;
      const end = base.addr + (1n << BigInt(size - base.bits));
      return list(
        STRING,
        bits.map((b) => {
          const nb = base.bits + whole2(b, "newbits");
          if (nb > size || nb < base.bits) throw new EvalError(`would extend prefix to ${nb} bits, which is too long for an IPv${base.v6 ? 6 : 4} address`);
          const block = 1n << BigInt(size - nb);
          const start = (next2 + block - 1n) / block * block;
          if (start + block > end) throw new EvalError(`not enough remaining address space for a subnet with a prefix of ${nb} bits after ${ipText(next2, base.v6)}`);
          next2 = start + block;
          return str(`${ipText(start, base.v6)}/${nb}`);
        })
      );
    }
  },
  cidrhost: { params: [STRING, NUMBER], impl: ([p, h]) => str(cidrHost(parseCidr(S(p)), bigWhole(h, "hostnum"))) },
  cidrnetmask: {
    params: [STRING],
    impl: ([p]) => {
      const c = parseCidr(S(p));
      if (c.mapped) return str(ipText((1n << BigInt(c.bits + 96)) - 1n << BigInt(32 - c.bits), true));
      if (c.v6) throw new EvalError("IPv6 addresses cannot have a netmask");
      return str(ipText(c.bits === 0 ? 0n : (1n << BigInt(c.bits)) - 1n << BigInt(32 - c.bits), false));
    }
  },
  cidrcontains: {
    params: [STRING, STRING],
    impl: ([p, a]) => {
      const c = parseCidr(S(p));
      const size = c.v6 ? 128 : 32;
      const ip = S(a).includes("/") ? parseCidr(S(a)) : (() => {
        const x = parseIp(S(a));
        if (!x) throw new EvalError(`invalid IP address: ${S(a)}`);
        return { ...x, bits: size };
      })();
      if (ip.v6 !== c.v6) throw new EvalError("address family mismatch");
      const mask = c.bits === 0 ? 0n : (1n << BigInt(c.bits)) - 1n << BigInt(size - c.bits);
      return bool((ip.addr & mask) === c.addr && ip.bits >= c.bits);
    }
  },
  // files and paths (reads go through the caller's workspace-confined reader)
  basename: { params: [STRING], impl: ([p]) => str(goBase(S(p))) },
  dirname: { params: [STRING], impl: ([p]) => str(goDir(S(p))) },
  abspath: {
    params: [STRING],
    impl: ([p], ctx) => {
      const given = S(p);
      if (given.startsWith("/")) return str(cleanPath(given));
      return str(cleanPath(path4.posix.join(needFiles(ctx).cwd, given)));
    }
  },
  pathexpand: {
    params: [STRING],
    impl: ([p]) => {
      const given = S(p);
      if (given === "~" || given.startsWith("~/")) throw new EvalError("the home directory of the machine running OpenTofu is not known statically");
      return str(given);
    }
  },
  file: { params: [STRING], impl: ([p], ctx) => str(fileText(ctx, S(p))) },
  fileset: { params: [STRING, STRING], impl: ([p, pat], ctx) => fileset(ctx, S(p), S(pat)) },
  fileexists: {
    params: [STRING],
    impl: ([p], ctx) => {
      const e = needFiles(ctx).exists(S(p));
      if (e === void 0) throw new NotStatic("not known statically");
      return bool(e);
    }
  },
  filebase64: { params: [STRING], impl: ([p], ctx) => str(needFiles(ctx).read(S(p)).toString("base64")) },
  filemd5: fileHash("md5", "hex"),
  filesha1: fileHash("sha1", "hex"),
  filesha256: fileHash("sha256", "hex"),
  filesha512: fileHash("sha512", "hex"),
  filebase64sha256: fileHash("sha256", "base64"),
  filebase64sha512: fileHash("sha512", "base64"),
  templatefile: {
    params: [STRING, { t: ANY }],
    impl: ([p, vars], ctx) => {
      if (!ctx.template) throw new NotStatic("templates are not rendered here");
      if (!isMapLike(vars)) throw new EvalError("the vars argument must be a map or object");
      return ctx.template(fileText(ctx, S(p)), entries(vars));
    }
  },
  templatestring: {
    params: [STRING, { t: ANY }],
    impl: ([t, vars], ctx) => {
      if (!ctx.template) throw new NotStatic("templates are not rendered here");
      if (!isMapLike(vars)) throw new EvalError("the vars argument must be a map or object");
      return ctx.template(S(t), entries(vars));
    }
  },
  // identity-like
  sensitive: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => v },
  nonsensitive: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => v }
};
function toNull(v, want) {
  if (!isNull(v)) return void 0;
  if (v.t.k !== "dynamic") convert(v, want);
  return nullOf(want);
}
function goBase(p) {
  if (p === "") return ".";
  const trimmed = p.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
function goDir(p) {
  const i = p.lastIndexOf("/");
  return cleanPath(p.slice(0, i + 1));
}
function equalsKnown(a, b) {
  if (containsUnknown(a) || containsUnknown(b)) throw new EvalError("unknown");
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (!typeEquals(a.t, b.t)) return false;
  return rawEquals(a, b);
}
function setOp(ss, keep, union) {
  const sets = unifyValues(ss, "set function");
  const all = sets.map((s) => elems(s));
  const ety = sets[0].t.e;
  if (union) return set(ety, all.flat());
  return set(
    ety,
    all[0].filter((x) => keep(x, all.slice(1)))
  );
}
var SUPPORTED_FUNCTIONS = [...Object.keys(FUNCTIONS), "try", "can", "coalesce"].sort();
var MAY_BE_NULL = /* @__PURE__ */ new Set(["index", "element", "lookup", "timeadd", "jsondecode", "yamldecode", "cidrcontains", "one", "type", "sensitive", "nonsensitive", "strcontains", "tolist", "toset", "tomap", "tostring", "tonumber", "tobool", "coalesce", "coalescelist", "templatefile", "templatestring", "file", "base64gunzip"]);
function callFunction(name, args, src, budget, extra) {
  const v = callFunctionRaw(name, args, src, budget, extra);
  return isUnknown2(v) && FUNCTIONS_HAS(name) && !MAY_BE_NULL.has(name) ? notNullUnknown(v) : v;
}
var FUNCTIONS_HAS = (name) => Object.hasOwn(FUNCTIONS, name);
function callFunctionRaw(name, args, src, budget, extra) {
  const def = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : void 0;
  if (!def) return unk(src);
  const ctx = { budget, ...extra };
  if (args.length < def.params.length || !def.variadic && args.length > def.params.length) {
    throw new EvalError(`${name}: wrong number of arguments (${args.length})`);
  }
  const converted = [];
  for (let i = 0; i < args.length; i++) {
    const p = i < def.params.length ? def.params[i] : def.variadic;
    const a = args[i];
    if (isUnknown2(a)) {
      if (paramAllowsUnknown(p)) {
        converted.push(a);
        continue;
      }
      return derivedUnknown(src, [a]);
    }
    if (isNull(a) && !paramAllowsNull(p)) throw new EvalError(`${name}: argument ${i + 1} must not be null`);
    const t = paramType(p);
    converted.push(t.k === "dynamic" ? a : convert(a, t));
  }
  if (!def.partial && converted.some(containsUnknown)) return derivedUnknown(src, converted);
  try {
    return def.impl(converted, ctx);
  } catch (e) {
    if (e instanceof NotStatic || e instanceof EvalError && e.message === "unknown") return derivedUnknown(src, converted);
    throw e;
  }
}
var SPECIAL_FORMS = {
  try: (args, ev, src) => {
    if (!args.length) throw new EvalError("try: at least one argument is required");
    for (const a of args) {
      try {
        const v = ev(a);
        if (containsUnknown(v)) return derivedUnknown(src, [v]);
        return v;
      } catch (e) {
        if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      }
    }
    throw new EvalError("try: no expression succeeded");
  },
  can: (args, ev, src) => {
    if (args.length !== 1) throw new EvalError("can takes one argument");
    try {
      const v = ev(args[0]);
      return containsUnknown(v) ? unk(src, BOOL) : TRUE;
    } catch (e) {
      if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      return FALSE;
    }
  },
  coalesce: (args, ev, src) => {
    const vals = args.map(ev);
    if (!vals.length) throw new EvalError("coalesce: at least one argument is required");
    if (vals.some(isUnknown2)) return derivedUnknown(src, vals);
    const u = unify(
      vals.map((v) => v.t),
      true
    );
    if (!u) throw new EvalError("coalesce: all arguments must have the same type");
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (isNull(v)) continue;
      const c = u.convs[i] ? u.convs[i](v) : v;
      if (c.t.k === "string" && S(c) === "") continue;
      return c;
    }
    throw new EvalError("coalesce: no non-null, non-empty-string arguments");
  }
};

// src/resolve/eval.ts
init_fast_hcl();
function childScope(s, extra) {
  const bindings = new Map(s.bindings);
  for (const [k, v] of Object.entries(extra)) bindings.set(k, v);
  return {
    resolver: s.resolver,
    bindings,
    ...s.budget ? { budget: s.budget } : {},
    ...s.files ? { files: s.files } : {},
    ...s.exprs ? { exprs: s.exprs } : {},
    ...s.sensitiveRef ? { sensitiveRef: s.sensitiveRef } : {},
    ...s.onSensitive ? { onSensitive: s.onSensitive } : {}
  };
}
function sensitivityOf(n, scope, depth = 0) {
  if (depth > 64) return void 0;
  const all = (xs) => {
    let clean = true;
    for (const x of xs) {
      const s = sensitivityOf(x, scope, depth + 1);
      if (s === "marked") return "marked";
      if (s !== "clean") clean = false;
    }
    return clean ? "clean" : void 0;
  };
  const parts = (ps) => ps.flatMap((p) => typeof p === "string" ? [] : p.k === "tif" ? [p.cond, ...parts(p.then), ...parts(p.else)] : p.k === "tfor" ? [p.coll, ...parts(p.body)] : [p]);
  const keys = (steps) => steps.flatMap((st) => st.k === "index" ? [st.key] : []);
  switch (n.k) {
    case "lit":
      return "clean";
    case "tmpl":
      return all(parts(n.parts));
    case "ref": {
      if (n.root === SPLAT_ITEM) return all(keys(n.steps));
      if (scope.bindings.has(n.root)) return n.root === "count" ? "clean" : void 0;
      const base = scope.sensitiveRef?.(n);
      if (base === "marked") return "marked";
      return base === "clean" ? all(keys(n.steps)) : void 0;
    }
    case "get":
    case "splat": {
      const base = sensitivityOf(n.obj, scope, depth + 1);
      if (base === "marked") return "marked";
      if (n.k === "splat" && n.each) return base === "clean" && sensitivityOf(n.each, scope, depth + 1) === "clean" ? "clean" : void 0;
      return base === "clean" ? all(keys(n.steps)) : void 0;
    }
    case "call": {
      const name = n.name.startsWith("core::") ? n.name.slice(6) : n.name;
      if (name === "sensitive") return "marked";
      if (name === "issensitive") return "clean";
      if (name === "nonsensitive") return all(n.args) === void 0 ? void 0 : "clean";
      if (name === "try" || name === "can") return all(n.args) === "clean" ? "clean" : void 0;
      return all(n.args);
    }
    case "tuple":
      return all(n.items) === "clean" ? "clean" : void 0;
    case "object":
      return all(n.items.flatMap((it) => [it.key, it.value])) === "clean" ? "clean" : void 0;
    case "for":
      return all([n.coll, ...n.keyExpr ? [n.keyExpr] : [], n.valExpr, ...n.cond ? [n.cond] : []]) === "clean" ? "clean" : void 0;
    case "unary":
      return all([n.x]);
    case "binary":
      return all([n.l, n.r]);
    case "cond": {
      const c = sensitivityOf(n.c, scope, depth + 1);
      if (c === "marked") return "marked";
      return all([n.c, n.t, n.f]) === "clean" ? "clean" : void 0;
    }
  }
}
var TRAVERSAL = /^(?!var\.|local\.|each\.|count\.)[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[(?:[0-9]+|"[^"]*")\])+$/;
function traversalText(root, steps) {
  let s = root;
  for (const st of steps) {
    if (st.attr !== void 0) s += `.${st.attr}`;
    else s += `[${JSON.stringify(toPlain(st.key))}]`;
  }
  return s;
}
var stepKnown = (s) => s.attr !== void 0 || !containsUnknown(s.key);
function wholeNumber(v, what) {
  const n = asNum(convert(v, NUMBER));
  if (n.inf || !n.isInt()) throw new EvalError(`${what} must be a whole number`);
  const i = n.toSafeInt();
  if (i === void 0) throw new EvalError(`${what} is out of range`);
  return i;
}
function applyStep(v, st, src) {
  if (isUnknown2(v)) return unk(src);
  if (isNull(v)) throw new EvalError(st.attr !== void 0 ? `attempt to get attribute "${st.attr}" from a null value` : "attempt to index a null value");
  const t = v.t;
  if (st.attr !== void 0) {
    if (t.k === "object") {
      const x = entries(v).get(st.attr);
      if (!x) throw new EvalError(`this object does not have an attribute named "${st.attr}"`);
      return x;
    }
    if (t.k === "map") {
      const x = entries(v).get(st.attr);
      if (!x) throw new EvalError(`this map does not have an element with the key "${st.attr}"`);
      return x;
    }
    throw new EvalError(`unsupported attribute "${st.attr}": a ${friendlyName(t)} has no attributes`);
  }
  const key = st.key;
  if (isUnknown2(key)) return unk(src);
  if (isNull(key)) throw new EvalError("an index cannot be null");
  if (t.k === "list" || t.k === "tuple") {
    if (key.t.k !== "number" && key.t.k !== "string") throw new EvalError(`a ${friendlyName(key.t)} cannot be a list index`);
    const i = wholeNumber(key, "the index");
    const xs = elems(v);
    if (i < 0 || i >= xs.length) throw new EvalError(`the given index ${i} is out of range (length ${xs.length})`);
    return xs[i];
  }
  if (t.k === "map" || t.k === "object") {
    if (key.t.k !== "string" && key.t.k !== "number" && key.t.k !== "bool") throw new EvalError(`a ${friendlyName(key.t)} cannot be a map key`);
    const k = asStr(convert(key, STRING));
    const x = entries(v).get(k);
    if (!x) throw new EvalError(`the given key "${k}" does not identify an element in this collection`);
    return x;
  }
  if (t.k === "set") throw new EvalError("elements of a set are identified only by their value and cannot be indexed");
  throw new EvalError(`a ${friendlyName(t)} cannot be indexed`);
}
function evalSteps(steps, scope) {
  return steps.map((s) => s.k === "attr" ? { attr: s.name } : { key: evaluate(s.key, scope) });
}
function iterate(coll) {
  if (isNull(coll)) throw new EvalError("cannot iterate over a null value");
  const t = coll.t;
  if (t.k === "list" || t.k === "tuple") return elems(coll).map((x, i) => [num(BigNum.fromInt(i)), x]);
  if (t.k === "set") return elems(coll).map((x) => [x, x]);
  if (t.k === "map" || t.k === "object") return [...entries(coll)].map(([k, x]) => [str(k), x]);
  throw new EvalError(`a ${friendlyName(t)} value cannot be iterated over`);
}
function budgetOf(scope) {
  return scope.budget ??= freshBudget();
}
function templateText(v) {
  if (isNull(v)) throw new EvalError("the expression result is null: a template cannot include a null value");
  if (v.t.k !== "string" && v.t.k !== "number" && v.t.k !== "bool") throw new EvalError(`a ${friendlyName(v.t)} value cannot be included in a template`);
  return asStr(convert(v, STRING));
}
function renderParts(parts, scope, known) {
  const budget = budgetOf(scope);
  let out = "";
  const stop = (u) => {
    if (known) known.prefix = out;
    return u;
  };
  for (const p of parts) {
    let piece;
    if (typeof p === "string") piece = p;
    else if (p.k === "tif") {
      const c = evaluate(p.cond, scope);
      if (isUnknown2(c)) return stop(c);
      if (isNull(c)) throw new EvalError("the %{if} condition is null");
      piece = renderParts(asBool(convert(c, BOOL)) ? p.then : p.else, scope);
    } else if (p.k === "tfor") {
      const coll = evaluate(p.coll, scope);
      if (isUnknown2(coll)) return stop(coll);
      let text = "";
      for (const [k, v] of iterate(coll)) {
        const s = childScope(scope, { [p.valVar]: v, ...p.keyVar ? { [p.keyVar]: k } : {} });
        const body = renderParts(p.body, s);
        if (typeof body !== "string") return stop(body);
        budget.string(text.length + body.length);
        text += body;
      }
      piece = text;
    } else {
      const v = evaluate(p, scope);
      if (containsUnknown(v)) return stop(v);
      piece = templateText(v);
    }
    if (typeof piece !== "string") return stop(piece);
    budget.string(out.length + piece.length);
    out += piece;
  }
  return out;
}
function numberLiteral(n) {
  const parsed = BigNum.parse(n.src.replace(/[\s()]+/g, ""));
  return num(parsed ?? BigNum.fromJs(n.v));
}
function evaluate(n, scope) {
  budgetOf(scope).spend();
  switch (n.k) {
    case "lit":
      if (n.v === null) return NULL;
      if (typeof n.v === "number") return numberLiteral(n);
      return typeof n.v === "boolean" ? bool(n.v) : str(n.v);
    case "tmpl": {
      if (n.parts.length === 1 && typeof n.parts[0] !== "string" && n.parts[0].k !== "tif" && n.parts[0].k !== "tfor") {
        return evaluate(n.parts[0], scope);
      }
      const known = { prefix: "" };
      const text = renderParts(n.parts, scope, known);
      if (typeof text === "string") return str(text);
      let prefix = known.prefix;
      while (Buffer.byteLength(prefix, "utf8") > 128) prefix = prefix.slice(0, -1);
      prefix = safeKnownPrefix(prefix.normalize("NFC"), graphemes);
      return derivedUnknown(n.src, [text], STRING, { notNull: true, ...prefix ? { prefix } : {} });
    }
    case "ref": {
      const steps = evalSteps(n.steps, scope);
      let value;
      let used;
      const bound = scope.bindings.get(n.root);
      if (bound) {
        value = bound;
        used = 0;
      } else {
        const r = scope.resolver.ref(n.root, steps);
        if (!r) return derivedUnknown(steps.every(stepKnown) ? traversalText(n.root, steps) : n.src, steps.map((st) => st.key ?? NULL));
        ({ value, used } = r);
      }
      for (let i = used; i < steps.length; i++) {
        if (isUnknown2(value)) {
          const rest = steps.slice(i);
          if (!rest.every(stepKnown)) return derivedUnknown(n.src, [value, ...rest.map((st) => st.key ?? NULL)]);
          const text = unkText(value);
          if (TRAVERSAL.test(text)) return unk(text + traversalText("", rest));
          return derivedUnknown(steps.every(stepKnown) ? traversalText(n.root, steps) : n.src, [value]);
        }
        value = applyStep(value, steps[i], n.src);
      }
      return value;
    }
    case "get": {
      let v = evaluate(n.obj, scope);
      for (const st of evalSteps(n.steps, scope)) v = applyStep(v, st, n.src);
      return v;
    }
    case "splat":
      return splat(n, scope);
    case "call": {
      const name = n.name.startsWith("core::") ? n.name.slice("core::".length) : n.name;
      if (name === "issensitive") {
        if (n.args.length !== 1) throw new EvalError("issensitive takes one argument");
        const v = evaluate(n.args[0], scope);
        const s = sensitivityOf(n.args[0], scope);
        return s === void 0 ? derivedUnknown(n.src, [v], BOOL) : bool(s === "marked");
      }
      if (name === "ephemeralasnull") {
        if (n.args.length !== 1) throw new EvalError("ephemeralasnull takes one argument");
        return withoutEphemeral(evaluate(n.args[0], scope));
      }
      if (name === "sensitive") scope.onSensitive?.();
      const expanded = (last) => {
        if (isUnknown2(last)) return derivedUnknown(n.src, [last]);
        if (isNull(last) || last.t.k !== "list" && last.t.k !== "tuple" && last.t.k !== "set") throw new EvalError('only a list, set or tuple can be expanded with "..."');
        return elems(last);
      };
      const special = SPECIAL_FORMS[name];
      if (special) {
        if (!n.expand || n.args.length === 0) return special(n.args, (a) => evaluate(a, scope), n.src, budgetOf(scope));
        const rest = expanded(evaluate(n.args[n.args.length - 1], scope));
        if (!Array.isArray(rest)) return rest;
        const given = /* @__PURE__ */ new Map();
        const nodes = rest.map((v) => {
          const node = { k: "lit", v: null, src: n.src };
          given.set(node, v);
          return node;
        });
        return special([...n.args.slice(0, -1), ...nodes], (a) => given.get(a) ?? evaluate(a, scope), n.src, budgetOf(scope));
      }
      let args = n.args.map((a) => evaluate(a, scope));
      if (n.expand) {
        const rest = expanded(args[args.length - 1]);
        if (!Array.isArray(rest)) return rest;
        args = [...args.slice(0, -1), ...rest];
      }
      return callFunction(name, args, n.src, budgetOf(scope), {
        ...scope.files ? { files: scope.files } : {},
        template: (text, vars) => renderTemplate(text, vars, scope)
      });
    }
    case "tuple": {
      budgetOf(scope).collection(n.items.length);
      return tuple(n.items.map((x) => evaluate(x, scope)));
    }
    case "object": {
      const out = /* @__PURE__ */ new Map();
      let unknownKey = false;
      for (const it of n.items) {
        const k = evaluate(it.key, scope);
        const v = evaluate(it.value, scope);
        if (isUnknown2(k)) {
          unknownKey = true;
          continue;
        }
        if (isNull(k)) throw new EvalError("an object key cannot be null");
        out.set(asStr(convert(k, STRING)), v);
      }
      return unknownKey ? unk(n.src) : object(out);
    }
    case "for":
      return forExpr(n, scope);
    case "unary": {
      const x = evaluate(n.x, scope);
      if (isUnknown2(x)) return derivedUnknown(n.src, [x], n.op === "!" ? BOOL : NUMBER, NOT_NULL);
      if (isNull(x)) throw new EvalError(`the operand of "${n.op}" is null`);
      if (n.op === "!") return bool(!asBool(convert(x, BOOL)));
      return num(asNum(convert(x, NUMBER)).neg_());
    }
    case "binary":
      if (n.op === "&&" || n.op === "||") return logical(n, scope);
      return binary(n.op, evaluate(n.l, scope), evaluate(n.r, scope), n.src);
    case "cond":
      return conditional(n, scope);
  }
}
var EPHEMERAL = / \(error: ephemeral value used in non-ephemeral context\)$|^ephemeral\./;
function withoutEphemeral(v) {
  const p = v.v;
  if (p instanceof Unk) return EPHEMERAL.test(p.text) ? NULL : v;
  if (Array.isArray(p)) return { t: v.t, v: p.map(withoutEphemeral) };
  if (p instanceof Map) {
    const m = /* @__PURE__ */ new Map();
    for (const [k, x] of p) m.set(k, withoutEphemeral(x));
    return { t: v.t, v: m };
  }
  return v;
}
function hasReference(n, scope = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map() }) {
  let found = false;
  const walk = (x) => {
    if (found || typeof x !== "object" || x === null) return;
    if (Array.isArray(x)) return x.forEach(walk);
    const node = x;
    if (node.k === "ref" && node.root !== void 0 && node.root !== SPLAT_ITEM && !scope.bindings.has(node.root)) {
      found = true;
      return;
    }
    for (const [k, v] of Object.entries(x)) if (k !== "src") walk(v);
  };
  walk(n);
  return found;
}
var HCL_IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
function renderTemplate(text, vars, scope) {
  for (const name of vars.keys()) {
    if (!HCL_IDENTIFIER.test(name)) throw new EvalError(`invalid template variable name ${JSON.stringify(name)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
  }
  let node;
  try {
    node = parseTemplateText(text);
  } catch (e) {
    if (e instanceof ParseError) throw new EvalError(`invalid template: ${e.message}`);
    throw e;
  }
  const inner = {
    resolver: {
      ref: (root) => {
        throw new EvalError(`the template refers to "${root}", which is not one of its variables`);
      }
    },
    bindings: new Map(vars),
    budget: budgetOf(scope),
    ...scope.files ? { files: scope.files } : {}
  };
  return evaluate(node, inner);
}
function splat(n, scope) {
  const src = evaluate(n.obj, scope);
  if (isUnknown2(src)) return derivedUnknown(n.src, [src]);
  const t = src.t;
  const upgrade = !(t.k === "tuple" || t.k === "list" || t.k === "set");
  if (isNull(src)) {
    if (upgrade) return tuple([]);
    throw new EvalError("a splat cannot be applied to a null collection");
  }
  const items = upgrade ? [src] : elems(src);
  budgetOf(scope).collection(items.length);
  const each = (el) => {
    if (n.each) return evaluate(n.each, childScope(scope, { [SPLAT_ITEM]: el }));
    let v = el;
    for (const st of evalSteps(n.steps, scope)) v = applyStep(v, st, n.src);
    return v;
  };
  const out = items.map(each);
  if (t.k === "list" || t.k === "set") {
    if (out.length === 0) return list(n.each ? DYN : splatEachType(t.e, evalSteps(n.steps, scope)), []);
    const et = out.find((x) => x.t.k !== "dynamic")?.t ?? DYN;
    if (out.every((x) => x.t.k === "dynamic" || typeEquals(x.t, et))) return list(et, out);
    throw new EvalError("the splat expression produced elements of different types, so it cannot make a list");
  }
  return tuple(out);
}
function stepOnType(t, st) {
  if (t.k === "dynamic") return DYN;
  if (st.attr !== void 0) {
    if (t.k === "object") {
      const a = t.attrs.get(st.attr);
      if (!a) throw new EvalError(`this object does not have an attribute named "${st.attr}"`);
      return a;
    }
    if (t.k === "map") return t.e;
    throw new EvalError(`unsupported attribute "${st.attr}": a ${friendlyName(t)} has no attributes`);
  }
  const key = st.key;
  if (isNull(key)) throw new EvalError("an index cannot be null");
  if (key.t.k === "dynamic") return DYN;
  if (t.k === "list" || t.k === "tuple") {
    const k = convert(key, NUMBER);
    if (t.k === "list") return t.e;
    if (isUnknown2(k)) return DYN;
    const i = asNum(k);
    if (i.inf || !i.isInt() || i.neg) throw new EvalError("the given key does not identify an element in this collection value");
    const es = t.es;
    const at4 = i.toSafeInt();
    if (at4 === void 0 || at4 >= es.length) throw new EvalError("the given key does not identify an element in this collection value");
    return es[at4];
  }
  if (t.k === "map") {
    convert(key, STRING);
    return t.e;
  }
  if (t.k === "object") {
    convert(key, STRING);
    return DYN;
  }
  if (t.k === "set") throw new EvalError("elements of a set are identified only by their value and cannot be indexed");
  throw new EvalError(`a ${friendlyName(t)} cannot be indexed`);
}
function splatEachType(t, steps) {
  let out = t;
  for (const st of steps) out = stepOnType(out, st);
  return out;
}
function forExpr(n, scope) {
  const coll = evaluate(n.coll, scope);
  if (isUnknown2(coll)) return derivedUnknown(n.src, [coll]);
  const pairs = iterate(coll);
  const budget = budgetOf(scope);
  budget.collection(pairs.length);
  const items = [];
  const obj = /* @__PURE__ */ new Map();
  const groups = /* @__PURE__ */ new Map();
  let known = true;
  for (const [k, v] of pairs) {
    const s = childScope(scope, { [n.valVar]: v, ...n.keyVar ? { [n.keyVar]: k } : {} });
    if (n.cond) {
      const c = evaluate(n.cond, s);
      if (isUnknown2(c)) {
        known = false;
        continue;
      }
      if (isNull(c)) throw new EvalError("the for expression condition is null");
      if (c.t.k !== "bool" && c.t.k !== "string") throw new EvalError(`the for expression condition must be a bool, not a ${friendlyName(c.t)}`);
      if (!asBool(convert(c, BOOL))) continue;
    }
    if (n.object) {
      const key = evaluate(n.keyExpr, s);
      const val = evaluate(n.valExpr, s);
      if (isUnknown2(key)) {
        known = false;
        continue;
      }
      if (isNull(key)) throw new EvalError("a for expression key cannot be null");
      const ks = asStr(convert(key, STRING));
      if (n.group) {
        let g = groups.get(ks);
        if (!g) groups.set(ks, g = []);
        g.push(val);
      } else if (obj.has(ks)) throw new EvalError(`duplicate object key "${ks}" in a for expression (use "..." to group)`);
      else obj.set(ks, val);
    } else items.push(evaluate(n.valExpr, s));
  }
  if (!known) return unk(n.src);
  if (!n.object) return tuple(items);
  if (n.group) for (const [k, g] of groups) obj.set(k, tuple(g));
  return object(obj);
}
function conditional(n, scope) {
  const c = evaluate(n.c, scope);
  const pick = (which) => {
    try {
      return { v: evaluate(which, scope) };
    } catch (e) {
      if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      return { err: e };
    }
  };
  const t = pick(n.t);
  const f = pick(n.f);
  if (isUnknown2(c)) return derivedUnknown(n.src, [c]);
  if (isNull(c)) throw new EvalError("the condition is null");
  const chosenTrue = asBool(convert(c, BOOL));
  const chosen = chosenTrue ? t : f;
  if (chosen.err) throw chosen.err;
  const tv = t.v ?? unk(n.src);
  const fv = f.v ?? unk(n.src);
  const value = chosen.v;
  const isDynNull = (x) => isNull(x) && x.t.k === "dynamic";
  let target = DYN;
  if (isDynNull(tv)) target = fv.t;
  else if (isDynNull(fv)) target = tv.t;
  else if (tv.t.k === "dynamic" || fv.t.k === "dynamic") return value;
  else {
    const u = unify([tv.t, fv.t], true);
    if (!u) throw new EvalError("the true and false results have inconsistent types");
    target = u.type;
  }
  if (isUnknown2(value)) return value;
  return convert(value, target);
}
function logical(n, scope) {
  const side = (x) => {
    try {
      const v = evaluate(x, scope);
      if (!isUnknown2(v) && !isNull(v)) convert(v, BOOL);
      return { v };
    } catch (e) {
      if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      return { err: e };
    }
  };
  const l = side(n.l);
  const r = side(n.r);
  const known = (x) => x.v !== void 0 && !isUnknown2(x.v);
  const truth = (x) => !isNull(x) && asBool(convert(x, BOOL));
  const lu = l.v !== void 0 && isUnknown2(l.v);
  const ru = r.v !== void 0 && isUnknown2(r.v);
  if (lu && ru) return derivedUnknown(n.src, [l.v, r.v], BOOL, NOT_NULL);
  if (n.op === "&&") {
    if (known(l) && !truth(l.v)) return bool(false);
    if (known(r) && !truth(r.v)) return bool(false);
  } else {
    if (known(l) && truth(l.v)) return bool(true);
    if (known(r) && truth(r.v)) return bool(true);
  }
  if (l.err) throw l.err;
  if (r.err) throw r.err;
  if (lu || ru) return derivedUnknown(n.src, [l.v, r.v], BOOL, NOT_NULL);
  return binary(n.op, l.v, r.v, n.src);
}
var NOT_NULL = { notNull: true };
function decides(op, x) {
  if (isUnknown2(x) || isNull(x)) return false;
  try {
    const b = asBool(convert(x, BOOL));
    return op === "&&" ? !b : b;
  } catch {
    return false;
  }
}
function binary(op, l, r, src) {
  if (op === "==" || op === "!=") {
    const eq = equals(l, r);
    if (eq === void 0) return derivedUnknown(src, [l, r], BOOL, NOT_NULL);
    return bool(op === "==" ? eq : !eq);
  }
  if (op === "&&" || op === "||") {
    if (decides(op, l) && !isUnknown2(r)) return bool(op === "||");
    if (isUnknown2(l) || isUnknown2(r)) {
      if (decides(op, l) || decides(op, r)) return bool(op === "||");
      return derivedUnknown(src, [l, r], BOOL, NOT_NULL);
    }
    if (isNull(l) || isNull(r)) throw new EvalError(`an operand of "${op}" is null`);
    const a2 = asBool(convert(l, BOOL));
    const b2 = asBool(convert(r, BOOL));
    return bool(op === "&&" ? a2 && b2 : a2 || b2);
  }
  if (isUnknown2(l) || isUnknown2(r)) return derivedUnknown(src, [l, r], ["<", "<=", ">", ">="].includes(op) ? BOOL : NUMBER, NOT_NULL);
  if (isNull(l) || isNull(r)) throw new EvalError(`an operand of "${op}" is null`);
  const a = asNum(convert(l, NUMBER));
  const b = asNum(convert(r, NUMBER));
  switch (op) {
    case "+":
      return num(a.add(b));
    case "-":
      return num(a.sub(b));
    case "*":
      return num(a.mul(b));
    case "/":
      if (a.isZero() && b.isZero()) throw new EvalError("can't divide zero by zero");
      return num(a.div(b));
    case "%":
      return num(a.mod(b));
    case "<":
      return bool(a.cmp(b) < 0);
    case "<=":
      return bool(a.cmp(b) <= 0);
    case ">":
      return bool(a.cmp(b) > 0);
    case ">=":
      return bool(a.cmp(b) >= 0);
  }
  throw new EvalError(`unknown operator ${op}`);
}
var equals = ctyEquals;
var cache = /* @__PURE__ */ new Map();
function forgetParsedStrings() {
  cache.clear();
}
function parseCached(text) {
  let node = cache.get(text);
  if (!node) {
    try {
      node = parseTemplateText(text);
    } catch (e) {
      node = e instanceof ParseError ? e : new ParseError(String(e));
    }
    if (cache.size > 5e4) cache.clear();
    cache.set(text, node);
  }
  return node;
}
function evalStringVal(text, scope) {
  const node = scope.exprs?.get(text) ?? parseCached(text);
  if (node instanceof ParseError) return unk(stripInterpolation(text));
  const budget = budgetOf(scope);
  budget.begin();
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof EvalError) return unk(`${stripInterpolation(text)} (${e instanceof BudgetError ? "" : "error: "}${e.message})`);
    if (e instanceof RangeError) return unk(`${stripInterpolation(text)} (error: ${e.message})`);
    throw e;
  } finally {
    budget.end();
  }
}
function plainOf(v, text) {
  const bad = numberProblem(v);
  if (bad) return { __unknown__: `${stripInterpolation(text)} (${bad})` };
  const refused = isUnknown2(v) ? void 0 : firstRefused(v);
  if (refused) return { __unknown__: unkText(refused) };
  return toPlain(v);
}
function refusalOf(v) {
  if (isUnknown2(v)) return / \(error: [^\n]*\)$/.test(unkText(v)) ? unkText(v) : void 0;
  const r = firstRefused(v);
  return r ? unkText(r) : void 0;
}
var FILE_ERROR = /\(error: (?:no file exists at |[^()]* (?:is outside the workspace|resolves outside the workspace|cannot be read|is a |not a regular file)|contents of [^()]* are not valid UTF-8)/;
function firstRefused(v) {
  return firstDeep(v, (x) => x.v instanceof Unk && / \(error: [^\n]*\)$/.test(x.v.text) && !FILE_ERROR.test(x.v.text) ? x : void 0);
}
function numberProblem(v) {
  return firstDeep(v, (x) => x.v instanceof BigNum && x.v.inf ? "error: an infinite number cannot be stored" : void 0);
}
function stripInterpolation(text) {
  const m = /^\$\{([\s\S]*)\}$/.exec(text);
  return m && !m[1].includes("${") ? m[1].trim() : text;
}
function isTemplateText(v) {
  return /(?<![$])\$\{|(?<![%])%\{/.test(v);
}

// src/normalize/folded.ts
var RawFix = class {
  constructor(kind, text, raw) {
    this.kind = kind;
    this.text = text;
    this.raw = raw;
  }
  kind;
  text;
  raw;
};
var fixes = /* @__PURE__ */ new WeakMap();
var seen = /* @__PURE__ */ new WeakSet();
function rawAttr(body, key) {
  return fixes.get(body)?.get(key) ?? body[key];
}
function carryFix(from, key, to) {
  const fix = fixes.get(from)?.get(key);
  if (fix) at3(to, key, fix);
}
function rawAt(container, key, written) {
  return fixes.get(container)?.get(key) ?? written;
}
function ctyText(raw) {
  return BigNum.parse(raw.replace(/\s+/g, ""))?.text();
}
function registerFolded(f) {
  if (seen.has(f)) return;
  seen.add(f);
  if (f.file.path.toLowerCase().endsWith(".json")) {
    if (LONG_JSON_NUM.test(f.text)) registerJsonNumbers(f);
    return;
  }
  for (const lit of f.literals ?? []) {
    const container = navigate(f.body, lit.path.slice(0, -1));
    const key = String(lit.path[lit.path.length - 1]);
    if (typeof container !== "object" || container === null || !(key in container)) continue;
    const current = container[key];
    const fix = lit.kind === "number" ? numberFix(lit.text, current) : lit.kind === "template" ? templateFix(lit) ?? tupleFix(lit, current) : tupleFix(lit, current);
    if (fix) at3(container, key, fix);
  }
}
var LONG_JSON_NUM = /[0-9]{16}|[0-9.][eE][+-]?[0-9]|\.[0-9]{15}/;
var JsonNum = class {
  constructor(text) {
    this.text = text;
  }
  text;
};
function parseJsonLossless(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const value = (depth) => {
    if (depth > 200) throw new SyntaxError("too deep");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const o = /* @__PURE__ */ new Map();
      ws();
      if (text[i] === "}") return i++, o;
      for (; ; ) {
        ws();
        const k = value(depth + 1);
        if (typeof k !== "string") throw new SyntaxError("key");
        ws();
        if (text[i++] !== ":") throw new SyntaxError(":");
        o.set(k, value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i++] !== "}") throw new SyntaxError("}");
        return o;
      }
    }
    if (c === "[") {
      i++;
      const a = [];
      ws();
      if (text[i] === "]") return i++, a;
      for (; ; ) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i++] !== "]") throw new SyntaxError("]");
        return a;
      }
    }
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      return JSON.parse(text.slice(start, i));
    }
    const m = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 1e3));
    if (!m) throw new SyntaxError("value");
    i += m[0].length;
    if (m[0] === "true") return true;
    if (m[0] === "false") return false;
    if (m[0] === "null") return null;
    return new JsonNum(m[0]);
  };
  const v = value(0);
  ws();
  if (i !== text.length) throw new SyntaxError("trailing");
  return v;
}
function registerJsonNumbers(f) {
  let tree;
  try {
    tree = parseJsonLossless(f.text.replace(/^\ufeff/, ""));
  } catch {
    return;
  }
  const walk = (t, b, depth) => {
    if (depth > 200) return;
    if (t instanceof Map && typeof b === "object" && b !== null && !Array.isArray(b)) {
      for (const [k, x] of t) {
        const y = b[k];
        if (x instanceof JsonNum) fixLeaf(b, k, x.text, y);
        else walk(x, y, depth + 1);
      }
    } else if (Array.isArray(t) && Array.isArray(b) && t.length === b.length) {
      t.forEach((x, i) => x instanceof JsonNum ? fixLeaf(b, String(i), x.text, b[i]) : walk(x, b[i], depth + 1));
    }
  };
  const fixLeaf = (container, key, text, parsed) => {
    if (typeof parsed !== "number" || !LONG_JSON_NUM.test(text)) return;
    const exact = BigNum.parse(text);
    if (!exact || Number.isFinite(parsed) && Math.abs(parsed) < 2 ** 53 && BigNum.fromJs(parsed).text() === exact.text()) return;
    at3(container, key, new RawFix("number", text));
  };
  walk(tree, f.body, 0);
}
function at3(container, key, fix) {
  let m = fixes.get(container);
  if (!m) fixes.set(container, m = /* @__PURE__ */ new Map());
  m.set(key, fix);
}
function templateFix(t) {
  if (t.nulls || t.numbers.some((n) => n.shown !== ctyText(n.raw))) return new RawFix("rewrite", t.source, t.kept);
  return void 0;
}
function tupleFix(t, current) {
  if (!Array.isArray(current) || current.length === 0 || !current.every((x) => typeof x === "object" && x !== null && !Array.isArray(x))) return void 0;
  return new RawFix("rewrite", t.source, current);
}
function numberFix(text, parsed) {
  if (typeof parsed !== "number") return void 0;
  const exact = BigNum.parse(text);
  if (!exact) return void 0;
  const needed = !Number.isFinite(parsed) || parsed === 0 && !exact.isZero() || Math.abs(parsed) >= 2 ** 53 || BigNum.fromJs(parsed).text() !== exact.text();
  return needed ? new RawFix("number", text) : void 0;
}
function navigate(body, path13) {
  let v = body;
  for (const seg of path13) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (typeof v === "object" && v !== null) v = v[seg];
    else return void 0;
  }
  return v;
}

// src/normalize/body.ts
var isObj2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var INSTANCE_CAP = 4096;
function emptyStats() {
  return { literal: 0, resolved: 0, unknown: 0 };
}
function expressionsOf(files) {
  const tables = files.flatMap((f) => f.expressions?.size ? [f.expressions] : []);
  if (tables.length === 0) return void 0;
  if (tables.length === 1) return tables[0];
  return {
    get(text) {
      for (const t of tables) {
        const n = t.get(text);
        if (n) return n;
      }
      return void 0;
    }
  };
}
function bodies(v) {
  if (Array.isArray(v)) return v.filter(isObj2);
  return isObj2(v) ? [v] : [];
}
function rawHasExpression(v) {
  if (typeof v === "string") return isTemplateText(v);
  if (v instanceof RawFix) return v.kind === "unknown" || v.kind === "rewrite" && rawHasExpression(v.raw);
  if (Array.isArray(v)) return v.some(rawHasExpression);
  if (isObj2(v)) return Object.entries(v).some(([k, x]) => isTemplateText(k) || rawHasExpression(x));
  return false;
}
function evalRawVal(v, scope) {
  if (v instanceof RawFix) return v.kind === "number" ? num(BigNum.parse(v.text)) : v.kind === "rewrite" ? evalRawVal(v.raw, scope) : unk(v.text);
  if (typeof v === "string") return isTemplateText(v) ? evalStringVal(v, scope) : str(v.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"));
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) >= 2 ** 53) return unk(`${v} (a number literal too large to be read exactly)`, NUMBER);
    return num(BigNum.fromJs(v));
  }
  if (typeof v === "boolean") return bool(v);
  if (v === null || v === void 0) return NULL;
  if (Array.isArray(v)) return tuple(v.map((x, i) => evalRawVal(rawAt(v, String(i), x), scope)));
  if (isObj2(v)) {
    const out = /* @__PURE__ */ new Map();
    for (const [k, written] of Object.entries(v)) {
      const x = rawAt(v, k, written);
      const key = isTemplateText(k) ? evalStringVal(k, scope) : str(k);
      if (containsUnknown(key)) return unk(k);
      try {
        out.set(asStr(convert(key, STRING)), evalRawVal(x, scope));
      } catch (e) {
        if (e instanceof EvalError) return unk(`${k} (error: ${e.message})`);
        throw e;
      }
    }
    return object(out);
  }
  return NULL;
}
function literalRawVal(v) {
  if (v instanceof RawFix) return v.kind === "number" ? num(BigNum.parse(v.text)) : v.kind === "rewrite" ? literalRawVal(v.raw) : unk(v.text);
  if (typeof v === "string") return str(v);
  if (Array.isArray(v)) return tuple(v.map((x, i) => literalRawVal(rawAt(v, String(i), x))));
  if (isObj2(v)) {
    const out = /* @__PURE__ */ new Map();
    for (const [k, written] of Object.entries(v)) out.set(k, literalRawVal(rawAt(v, k, written)));
    return object(out);
  }
  return evalRawVal(v, { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map() });
}
function evalRaw(v, scope) {
  return plainOf(evalRawVal(v, scope), typeof v === "string" ? v : v instanceof RawFix ? v.kind === "rewrite" && typeof v.raw === "string" ? v.raw : v.text : "value");
}
function valueStat(raw, value) {
  if (!rawHasExpression(raw)) return "literal";
  return hasUnknown(value) ? "unknown" : "resolved";
}
function count(stats, raw, value) {
  if (stats) stats[valueStat(raw, value)]++;
}
function forEachPairs(v) {
  if (isUnknown2(v)) return { unknown: "for_each is not known statically" };
  if (isNull(v)) return { error: "the for_each value is null" };
  if (v.t.k === "map" || v.t.k === "object") {
    const m = entries(v);
    return { pairs: [...m] };
  }
  if (v.t.k === "set") {
    const xs = elems(v);
    if (xs.some(isUnknown2)) return { unknown: "an element of the for_each set is not known statically" };
    if (v.t.e.k !== "string" && !(xs.length === 0 && v.t.e.k === "dynamic")) return { error: `for_each needs a map or a set of strings, not a set of ${v.t.e.k}` };
    if (xs.some(isNull)) return { error: "the for_each set contains null" };
    return { pairs: xs.map((x) => [asStr(x), x]) };
  }
  return { error: `for_each needs a map or a set of strings, not a ${v.t.k} (use toset())` };
}
function dynamicPairs(v) {
  if (isUnknown2(v) || isNull(v)) return void 0;
  if (v.t.k === "list" || v.t.k === "tuple") return elems(v).map((x, i) => [num(BigNum.fromInt(i)), x]);
  if (v.t.k === "set") return elems(v).map((x) => [x, x]);
  if (v.t.k === "map" || v.t.k === "object") return [...entries(v)].map(([k, x]) => [str(k), x]);
  return void 0;
}
function isBlockList(v) {
  return Array.isArray(v) && v.length > 0 && v.every(isObj2);
}
var BODY_BLOCK_BUDGET = INSTANCE_CAP;
function blockBudget(n) {
  let left = n;
  return (wanted) => {
    if (wanted > left) return false;
    left -= wanted;
    return true;
  };
}
function evalBody(raw, ctx, outPath = [], srcPath = outPath, given) {
  if (!ctx.allowBlocks) return evalBody(raw, { ...ctx, allowBlocks: blockBudget(BODY_BLOCK_BUDGET) }, outPath, srcPath, given);
  const out = {};
  for (const [k, written] of Object.entries(raw)) {
    if (k === "dynamic") continue;
    const g = given?.get(k);
    if (g) {
      out[k] = g.value;
      if (ctx.stats) ctx.stats[g.stat]++;
      continue;
    }
    const v = rawAttr(raw, k) ?? written;
    if (isBlockList(v)) {
      out[k] = v.map((b, i) => evalBody(b, ctx, [...outPath, k, i], [...srcPath, k, i]));
      continue;
    }
    const value = ctx.taint ? ctx.taint.evaluate(() => evalRaw(v, ctx.scope)) : evalRaw(v, ctx.scope);
    count(ctx.stats, v, value);
    out[k] = value;
  }
  if (isObj2(raw.dynamic)) {
    const leftover = {};
    for (const [name, list3] of Object.entries(raw.dynamic)) {
      bodies(list3).forEach((d, j) => {
        const forEachVal = evalRawVal(d.for_each, ctx.scope);
        const forEach = plainOf(forEachVal, "for_each");
        const known = dynamicPairs(forEachVal);
        const over = known !== void 0 && ctx.allowBlocks !== void 0 && !ctx.allowBlocks(Math.min(known.length, INSTANCE_CAP));
        if (over) ctx.onCap?.(`dynamic "${name}" (${known.length} blocks: the instance budget is used up, not expanded)`);
        const pairs = over ? void 0 : known;
        const content = bodies(d.content)[0] ?? {};
        const iterRaw = typeof d.iterator === "string" ? d.iterator.replace(/^\$\{\s*|\s*\}$/g, "") : name;
        const src = [...srcPath, "dynamic", name, j];
        if (!pairs) {
          count(ctx.stats, d.for_each, forEach);
          if (!over) leftover[name] = [...bodies(leftover[name]), d];
          const prev = out[name];
          const u = unknown(`dynamic "${name}"`);
          out[name] = Array.isArray(prev) ? [...prev, u] : u;
          return;
        }
        if (pairs.length > INSTANCE_CAP) ctx.onCap?.(`dynamic "${name}" (${pairs.length} blocks, first ${INSTANCE_CAP} kept)`);
        const iterator = (key, value) => object(/* @__PURE__ */ new Map([["key", key], ["value", value]]));
        const list4 = Array.isArray(out[name]) ? out[name] : [];
        if (!(name in raw) && j === 0) ctx.remaps?.push({ from: [...outPath, name], to: [...srcPath, "dynamic", name] });
        for (const [key, value] of pairs.slice(0, INSTANCE_CAP)) {
          const idx = list4.length;
          const scope = childScope(ctx.scope, { [iterRaw]: iterator(key, value) });
          const outBlock = [...outPath, name, idx];
          const srcBlock = [...src, "content", 0];
          ctx.remaps?.push({ from: outBlock, to: srcBlock });
          list4.push(evalBody(content, { ...ctx, scope }, outBlock, srcBlock));
        }
        if (!isUnknown(out[name])) out[name] = list4;
      });
    }
    if (Object.keys(leftover).length) {
      out.dynamic = evalRaw(leftover, { ...ctx.scope, bindings: /* @__PURE__ */ new Map() });
    }
  }
  return out;
}

// src/normalize/packer-template.ts
var isObj3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var unknownOf = (expr) => ({ __unknown__: expr });
var isUnknownValue = (v) => isObj3(v) && typeof v.__unknown__ === "string";
function templatePieces(s) {
  const pieces = [];
  let text = "";
  let i = 0;
  let trimNext = false;
  while (i < s.length) {
    const open = s.indexOf("{{", i);
    let literal = open < 0 ? s.slice(i) : s.slice(i, open);
    if (trimNext) literal = literal.replace(/^\s+/, "");
    trimNext = false;
    if (open < 0) {
      text += literal;
      break;
    }
    let start = open + 2;
    if (s[start] === "-" && /\s/.test(s[start + 1] ?? "")) {
      literal = literal.replace(/\s+$/, "");
      start += 1;
    }
    text += literal;
    let j = start;
    let quote;
    for (; j < s.length; j++) {
      const c = s[j];
      if (quote) {
        if (c === "\\" && quote === '"') j++;
        else if (c === quote) quote = void 0;
      } else if (c === '"' || c === "`" || c === "'") quote = c;
      else if (c === "}" && s[j + 1] === "}") break;
    }
    if (j >= s.length) return void 0;
    let inner = s.slice(start, j);
    if (/\s-$/.test(inner)) {
      inner = inner.slice(0, -1);
      trimNext = true;
    }
    if (text) pieces.push({ text });
    text = "";
    pieces.push({ action: inner.trim(), raw: s.slice(open, j + 2) });
    i = j + 2;
  }
  if (text) pieces.push({ text });
  return pieces;
}
function userVariableOf(action) {
  const m = /^user\s+(?:`([^`]*)`|"((?:[^"\\]|\\.)*)")$/.exec(action);
  if (!m) return void 0;
  if (m[1] !== void 0) return m[1];
  try {
    return JSON.parse(`"${m[2]}"`);
  } catch {
    return void 0;
  }
}
function asText(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return void 0;
}
function renderTemplateString(s, user) {
  if (!s.includes("{{")) return s;
  const pieces = templatePieces(s);
  if (!pieces) return unknownOf(s);
  let out = "";
  for (const p of pieces) {
    if ("text" in p) {
      out += p.text;
      continue;
    }
    const name = userVariableOf(p.action);
    const value = name === void 0 ? void 0 : user(name);
    if (value === void 0) return unknownOf(pieces.length === 1 ? p.raw : s);
    if (isUnknownValue(value)) return pieces.length === 1 ? value : unknownOf(s);
    const text = asText(value);
    if (text === void 0) return unknownOf(s);
    out += text;
  }
  return out;
}
function renderTemplateValue(v, user) {
  if (typeof v === "string") return renderTemplateString(v, user);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => renderTemplateValue(x, user));
  if (isObj3(v)) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = renderTemplateValue(x, user);
    return o;
  }
  return null;
}
function userVariables(declared, varFiles) {
  const raw = /* @__PURE__ */ new Map();
  if (isObj3(declared)) for (const [k, v] of Object.entries(declared)) raw.set(k, v);
  for (const vf of varFiles) for (const [k, v] of Object.entries(vf)) if (raw.has(k)) raw.set(k, v);
  const done = /* @__PURE__ */ new Map();
  const busy = /* @__PURE__ */ new Set();
  const lookup = (name) => {
    if (!raw.has(name)) return void 0;
    const cached = done.get(name);
    if (cached !== void 0) return cached;
    const given = raw.get(name);
    let value;
    if (given === null || given === void 0) value = unknownOf(`{{user \`${name}\`}}`);
    else if (busy.has(name)) return unknownOf(`{{user \`${name}\`}}`);
    else {
      busy.add(name);
      value = renderTemplateValue(given, lookup);
      busy.delete(name);
    }
    done.set(name, value);
    return value;
  };
  return lookup;
}

// src/normalize/instance-template.ts
var FROM_TEMPLATE = "google_compute_instance_from_template";
var INHERITED_ARGUMENTS = [
  "advanced_machine_features",
  "attached_disk",
  "boot_disk",
  "can_ip_forward",
  "confidential_instance_config",
  "deletion_protection",
  "description",
  "enable_display",
  "guest_accelerator",
  "hostname",
  "labels",
  "machine_type",
  "metadata",
  "metadata_startup_script",
  "min_cpu_platform",
  "network_interface",
  "network_performance_config",
  "reservation_affinity",
  "resource_policies",
  "scheduling",
  "scratch_disk",
  "service_account",
  "shielded_instance_config",
  "tags"
];
var TEMPLATE_ONLY = /* @__PURE__ */ new Set(["name", "name_prefix", "instance_description", "disk", "project", "region"]);
var REFERENCE = /^((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*)(?:\[([^\]]*)\])?\.[a-z_][a-z0-9_]*$/;
function isUnknown3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof v.__unknown__ === "string";
}
function keyOf(raw) {
  if (raw === void 0 || raw === "") return void 0;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  return m ? m[1] : void 0;
}
var sameModuleInstance = (a, b) => a.module_dir === b.module_dir && JSON.stringify(a.module_path ?? []) === JSON.stringify(b.module_path ?? []);
function sourceTemplate(vm, resources) {
  const ref = vm.config.source_instance_template;
  if (!isUnknown3(ref)) return void 0;
  const m = REFERENCE.exec(ref.__unknown__.trim());
  if (!m || !m[1].startsWith("google_compute_instance_template.")) return void 0;
  const key = keyOf(m[2]);
  const found = resources.filter(
    (r) => r.type === "google_compute_instance_template" && (r.local_address ?? r.address) === m[1] && sameModuleInstance(r, vm) && (key === void 0 || r.instance_key === key)
  );
  return found.length === 1 ? found[0] : void 0;
}
function effectiveConfig(vm, template) {
  const inherited = {};
  if (template) {
    for (const [k, v] of Object.entries(template.config)) if (!TEMPLATE_ONLY.has(k)) inherited[k] = v;
  } else {
    const from = isUnknown3(vm.config.source_instance_template) ? vm.config.source_instance_template.__unknown__ : "source_instance_template";
    for (const k of INHERITED_ARGUMENTS) inherited[k] = { __unknown__: `${k} inherited from ${from}` };
  }
  const written = Object.fromEntries(Object.entries(vm.config).filter(([, v]) => v !== null));
  return { ...inherited, ...written };
}
function inheritInstanceTemplates(resources) {
  for (const r of resources) {
    if (r.type !== FROM_TEMPLATE || r.mode !== "managed") continue;
    r.config = effectiveConfig(r, sourceTemplate(r, resources));
  }
}

// src/normalize/cross-module.ts
import path5 from "node:path";
var ATTACHMENTS = {
  // MON-AWS-003 (the VPC has a flow log); AST-MULTI-002 (the bucket holds logs)
  aws_flow_log: ["vpc_id", "subnet_id", "log_destination"],
  // NET-AWS-002 (the VPC takes over its default security group)
  aws_default_security_group: ["vpc_id"],
  // SEG-AWS-002 (the bucket is covered by a public access block)
  aws_s3_bucket_public_access_block: ["bucket"],
  // AST-MULTI-002 (the bucket holds logs)
  aws_cloudtrail: ["s3_bucket_name"],
  aws_s3_bucket_logging: ["target_bucket"],
  // ADM-AWS-002 (the role has AdministratorAccess attached)
  aws_iam_role_policy_attachment: ["role"],
  // NET-AZ-002 (the subnet, or each of its interfaces, has an NSG)
  azurerm_subnet_network_security_group_association: ["subnet_id"],
  azurerm_network_interface_security_group_association: ["network_interface_id"],
  // MON-AZ-001 (the network has a flow log); MON-K8S-001 (AKS exports its audit log)
  azurerm_network_watcher_flow_log: ["network_security_group_id", "target_resource_id"],
  azurerm_monitor_diagnostic_setting: ["target_resource_id"],
  // VMH-AZ-001 (the VM declares the extensions it allows)
  azurerm_virtual_machine_extension: ["virtual_machine_id"],
  // VMH-MULTI-001 (an interface with a public IP belongs to a VM)
  azurerm_linux_virtual_machine: ["network_interface_ids"],
  azurerm_windows_virtual_machine: ["network_interface_ids"],
  azurerm_virtual_machine: ["network_interface_ids"]
};
var JUDGED_BY_TARGET = {
  // NET-AWS-002 (a rule added to a VPC's default security group)
  aws_security_group_rule: ["security_group_id"],
  aws_vpc_security_group_ingress_rule: ["security_group_id"],
  aws_vpc_security_group_egress_rule: ["security_group_id"],
  // SEG-K8S-001 (a node pool of a public cluster)
  google_container_node_pool: ["cluster"],
  // VMH-AWS-003 (a snapshot of an unencrypted volume, a copy of an unencrypted snapshot)
  aws_ebs_snapshot: ["volume_id"],
  aws_ebs_snapshot_copy: ["source_snapshot_id"],
  aws_ami_copy: ["source_ami_id"]
};
var isObj4 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var unknownText = (v) => isObj4(v) && typeof v.__unknown__ === "string" ? v.__unknown__ : void 0;
var RESOURCE_REF = /^\$\{\s*(?:(?:try|one)\(\s*)?([a-z][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.([a-z_][a-z0-9_]*)\s*(?:[,)][^}]*)?\}$/;
var prefixOf = (modulePath) => modulePath.map((m) => `module.${m}.`).join("");
var samePath = (a, b) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
var dirOf = (file) => {
  const d = path5.posix.dirname(file);
  return d === "" ? "." : d;
};
function first(list3) {
  const b = Array.isArray(list3) ? list3[0] : list3;
  return isObj4(b) ? b : void 0;
}
function addressIn(raw, modulePath) {
  if (typeof raw !== "string") return void 0;
  const m = RESOURCE_REF.exec(raw.trim());
  return m ? { address: `${prefixOf(modulePath)}${m[1]}`, attribute: m[2] } : void 0;
}
function throughOutput(text, r, resources, files) {
  const m = /^module\.([A-Za-z_][A-Za-z0-9_-]*(?:\[[^\]]*\])?)\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text);
  if (!m) return void 0;
  const childPath = [...r.module_path ?? [], m[1]];
  const dir = resources.find((x) => samePath(x.module_path, childPath))?.module_dir;
  if (dir === void 0) return void 0;
  for (const f of files) {
    if (dirOf(f.file.path) !== dir || !isObj4(f.body.output)) continue;
    const out = first(f.body.output[m[2]]);
    if (out) return addressIn(out.value, childPath);
  }
  return void 0;
}
function throughInput(text, r, files) {
  const m = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(text);
  const segs = r.module_path ?? [];
  if (!m || segs.length === 0 || !r.call_site) return void 0;
  const name = segs[segs.length - 1].replace(/\[.*$/, "");
  const site = files.find((f) => f.file.path === r.call_site.file);
  const call = site && isObj4(site.body.module) ? first(site.body.module[name]) : void 0;
  return call ? addressIn(call[m[1]], segs.slice(0, -1)) : void 0;
}
function withoutKey(t) {
  const key = t.instance_key === void 0 ? "" : typeof t.instance_key === "number" ? `[${t.instance_key}]` : `[${JSON.stringify(t.instance_key)}]`;
  return key && t.address.endsWith(key) ? t.address.slice(0, -key.length) : t.address;
}
function localReference(t, attribute) {
  const local = t.local_address ?? t.address;
  const key = t.instance_key === void 0 ? "" : typeof t.instance_key === "number" ? `[${t.instance_key}]` : `[${JSON.stringify(t.instance_key)}]`;
  return `${local}${key}.${attribute}`;
}
function foreign(r, except) {
  const config = { ...r.config };
  const local = (v) => {
    const text = unknownText(v);
    return text !== void 0 && !text.startsWith("module.");
  };
  for (const k of [...ATTACHMENTS[r.type] ?? [], ...JUDGED_BY_TARGET[r.type] ?? []]) {
    const v = config[k];
    if (k === except || v === void 0) continue;
    if (Array.isArray(v)) config[k] = v.filter((x) => !local(x));
    else if (local(v)) delete config[k];
  }
  return config;
}
function crossModuleMirrors(resources, files) {
  const byAddress = new Map(resources.map((x) => [x.address, x]));
  const mirrors = [];
  const resolve = (r, v) => {
    const text = unknownText(v);
    if (text === void 0) return void 0;
    const t = throughOutput(text, r, resources, files) ?? throughInput(text, r, files);
    const target = t && byAddress.get(t.address);
    if (!target || target.module_dir === r.module_dir && samePath(target.module_path, r.module_path)) return void 0;
    return { target, attribute: t.attribute };
  };
  const seen2 = /* @__PURE__ */ new Set();
  for (const r of resources) {
    if (r.mode !== "managed") continue;
    const forward = ATTACHMENTS[r.type] ?? [];
    const backward = JUDGED_BY_TARGET[r.type] ?? [];
    for (const key of [.../* @__PURE__ */ new Set([...forward, ...backward])]) {
      const value = r.config[key];
      if (value === void 0) continue;
      const list3 = Array.isArray(value);
      const items = (Array.isArray(value) ? value : [value]).map((v) => ({ v, hit: resolve(r, v) }));
      if (forward.includes(key)) {
        const targets = /* @__PURE__ */ new Map();
        for (const { hit } of items) if (hit) targets.set(hit.target.id, hit.target);
        for (const target of targets.values()) {
          const here = (x) => x.module_dir === target.module_dir && samePath(x.module_path, target.module_path);
          const rewritten = items.map(({ v, hit }) => hit && here(hit.target) ? { __unknown__: localReference(hit.target, hit.attribute) } : v);
          const config = { ...foreign(r, key), [key]: list3 ? rewritten : rewritten[0] };
          const mirror = { ...r, id: `${r.id}#attached-to#${target.id}`, module_dir: target.module_dir, config };
          if (target.module_path) mirror.module_path = target.module_path;
          else delete mirror.module_path;
          mirrors.push(mirror);
        }
      }
      if (backward.includes(key)) {
        for (const { hit } of items) {
          if (!hit || !hit.target.address.startsWith("module.")) continue;
          const t = hit.target;
          const id = `${t.id}#seen-from#${r.module_dir}#${(r.module_path ?? []).join("/")}`;
          if (seen2.has(id)) continue;
          seen2.add(id);
          const copy2 = { ...t, id, module_dir: r.module_dir, local_address: withoutKey(t) };
          if (r.module_path) copy2.module_path = r.module_path;
          else delete copy2.module_path;
          mirrors.push(copy2);
        }
      }
      const shown = items.map(({ v, hit }) => hit && hit.target.address.startsWith("module.") ? { __unknown__: `${hit.target.address}.${hit.attribute}` } : v);
      if (items.some(({ hit }) => hit && hit.target.address.startsWith("module."))) r.config[key] = list3 ? shown : shown[0];
    }
  }
  return mirrors;
}

// src/normalize/normalize.ts
init_byte_order();

// src/normalize/terraform.ts
import path9 from "node:path";

// src/util/workspace-file.ts
init_byte_order();
import { lstatSync as lstatSync2, readdirSync, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import path6 from "node:path";
function readConfined(root, abs, maxBytes) {
  try {
    return { bytes: readWorkspaceFile(root, abs, maxBytes, "file").bytes };
  } catch (e) {
    if (e instanceof WorkspaceReadError) return { refused: e.kind === "outside" ? "is outside the workspace: not read" : e.reason };
    return { refused: `cannot be read (${e.code ?? "error"})` };
  }
}
function existsConfined(root, abs) {
  try {
    confinedRealPath(root, abs, "file", "file");
    return true;
  } catch (e) {
    if (e instanceof WorkspaceReadError && e.kind === "missing") return false;
    return void 0;
  }
}
function listConfined(root, abs) {
  let real;
  try {
    real = confinedRealPath(root, abs, "folder", "folder");
  } catch (e) {
    if (e instanceof WorkspaceReadError) return e.kind === "missing" || e.kind === "not-file" ? void 0 : { refused: e.reason };
    return { refused: `cannot be read (${e.code ?? "error"})` };
  }
  let names;
  try {
    names = readdirSync(real);
  } catch (e) {
    return { refused: `cannot be listed (${e.code ?? "error"})` };
  }
  const out = [];
  for (const name of names.sort(compareBytes)) {
    const entry = path6.join(real, name);
    try {
      let st = lstatSync2(entry);
      if (st.isSymbolicLink()) {
        const target = realpathSync2(entry);
        if (!isInside(realRoot(root), target)) {
          out.push({ name, kind: "outside" });
          continue;
        }
        st = statSync2(target);
      }
      out.push({ name, kind: st.isFile() ? "file" : st.isDirectory() ? "folder" : "other" });
    } catch {
      out.push({ name, kind: "outside" });
    }
  }
  return out;
}

// src/normalize/terraform.ts
init_ast();

// src/resolve/types.ts
init_ast();
var NO_REFS = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map() };
function parseTypeConstraint(raw, exprs) {
  if (typeof raw !== "string") return void 0;
  if (raw === "string" || raw === "list" || raw === "map") throw new EvalError(`invalid quoted type constraint "${raw}": write the type without quotes`);
  const node = exprs?.get(raw) ?? parseCached(raw);
  if (node instanceof ParseError) throw new EvalError(`invalid type constraint ${raw}`);
  return typeOf(node, false);
}
function parseJsonTypeConstraint(raw) {
  if (typeof raw !== "string") return void 0;
  if (raw.includes("${") || raw.includes("%{")) throw new EvalError(`invalid type constraint ${JSON.stringify(raw)}: a type is not a template`);
  const node = parseCached(`\${${raw}}`);
  if (node instanceof ParseError) throw new EvalError(`invalid type constraint ${raw}`);
  return typeOf(node, false);
}
function typeOf(n, inObject) {
  void inObject;
  if (n.k === "tmpl" && n.parts.length === 1 && typeof n.parts[0] !== "string" && "k" in n.parts[0] && n.parts[0].k !== "tif" && n.parts[0].k !== "tfor") {
    return typeOf(n.parts[0], inObject);
  }
  if (n.k === "ref" && n.steps.length === 0) {
    switch (n.root) {
      case "string":
        return STRING;
      case "number":
        return NUMBER;
      case "bool":
        return BOOL;
      case "any":
        return DYN;
      case "list":
        return listOf(DYN);
      case "map":
        return mapOf(DYN);
      case "set":
        return setOf(DYN);
    }
  }
  if (n.k === "call") {
    const one = () => {
      if (n.args.length !== 1) throw new EvalError(`${n.name}() takes one type argument`);
      return n.args[0];
    };
    switch (n.name) {
      case "list":
        return listOf(typeOf(one(), false));
      case "set":
        return setOf(typeOf(one(), false));
      case "map":
        return mapOf(typeOf(one(), false));
      case "tuple": {
        const a = one();
        if (a.k !== "tuple") throw new EvalError("tuple() takes a list of types");
        return tupleOf(a.items.map((x) => typeOf(x, false)));
      }
      case "object": {
        const a = one();
        if (a.k !== "object") throw new EvalError("object() takes an object of attribute types");
        const attrs = /* @__PURE__ */ new Map();
        const optional = /* @__PURE__ */ new Map();
        for (const it of a.items) {
          const key = attrName(it.key);
          const v = it.value;
          if (v.k === "call" && v.name === "optional") {
            if (v.args.length < 1 || v.args.length > 2) throw new EvalError("optional() takes a type and an optional default");
            const t = typeOf(v.args[0], true);
            attrs.set(key, t);
            const def = v.args[1] ? evaluate(v.args[1], NO_REFS) : void 0;
            optional.set(key, def ? convert(def, t) : void 0);
          } else attrs.set(key, typeOf(v, true));
        }
        return objectOf(attrs, optional);
      }
    }
  }
  throw new EvalError(`invalid type constraint ${n.src}`);
}
function attrName(k) {
  if (k.k === "lit" && typeof k.v === "string") return k.v;
  if (k.k === "ref" && k.steps.length === 0) return k.root;
  throw new EvalError("an object type attribute name must be a name");
}
function variableValue(decl, given) {
  let v = given;
  if (v === void 0) {
    if (decl.default === void 0) return unk(`var.${decl.name}`);
    v = decl.default;
  }
  if (isNull(v) && !decl.nullable) {
    if (decl.default === void 0 || isNull(decl.default)) return unk(`var.${decl.name} (error: the variable is not nullable and no default is set)`);
    v = decl.default;
  }
  if (!decl.type) return v;
  try {
    return convert(v, decl.type);
  } catch (e) {
    if (e instanceof EvalError) return unk(`var.${decl.name} (error: invalid value for the variable: ${e.message})`);
    throw e;
  }
}

// src/normalize/terraform.ts
init_byte_order();

// src/normalize/var-files.ts
init_ast();
function notConstant(raw, exprs) {
  if (typeof raw === "string") {
    if (!isTemplateText(raw)) return void 0;
    const node = exprs?.get(raw) ?? parseCached(raw);
    return node instanceof ParseError ? void 0 : nonConstantIn(node);
  }
  if (Array.isArray(raw)) {
    for (const x of raw) {
      const why = notConstant(x, exprs);
      if (why) return why;
    }
    return void 0;
  }
  if (typeof raw === "object" && raw !== null) {
    for (const x of Object.values(raw)) {
      const why = notConstant(x, exprs);
      if (why) return why;
    }
  }
  return void 0;
}
function nonConstantIn(n) {
  if (typeof n !== "object" || n === null) return void 0;
  const node = n;
  if (node.k === "call") return "function calls are not allowed in a variable file";
  if (node.k === "ref") return "variables are not allowed in a variable file";
  if (node.k === "object" && Array.isArray(node.items)) {
    for (const it of node.items) {
      const bareKey = it.key.k === "ref" && Array.isArray(it.key.steps) && it.key.steps.length === 0;
      const why = (bareKey ? void 0 : nonConstantIn(it.key)) ?? nonConstantIn(it.value);
      if (why) return why;
    }
    return void 0;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === "src") continue;
    const list3 = Array.isArray(v) ? v : [v];
    for (const x of list3) {
      const why = nonConstantIn(x);
      if (why) return why;
    }
  }
  return void 0;
}

// src/normalize/origins.ts
var REF = /\b(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)/g;
function namesIn(raw, out) {
  if (typeof raw === "string") {
    if (!raw.includes("${") && !raw.includes("%{")) return;
    for (const m of raw.matchAll(REF)) (m[1] === "var" ? out.vars : out.locals).add(m[2]);
  } else if (Array.isArray(raw)) for (const x of raw) namesIn(x, out);
  else if (typeof raw === "object" && raw !== null) for (const x of Object.values(raw)) namesIn(x, out);
}
function originsOf(raw, vars, localsRaw) {
  const seen2 = /* @__PURE__ */ new Set();
  const out = /* @__PURE__ */ new Map();
  const visit2 = (x) => {
    const names = { vars: /* @__PURE__ */ new Set(), locals: /* @__PURE__ */ new Set() };
    namesIn(x, names);
    for (const v of names.vars) for (const o of vars.get(v) ?? []) out.set(`${o.file}:${o.line}:${o.variable}`, o);
    for (const l of names.locals) {
      if (seen2.has(l) || !localsRaw.has(l)) continue;
      seen2.add(l);
      visit2(localsRaw.get(l));
    }
  };
  if (vars.size) visit2(raw);
  return [...out.values()];
}
function bodyOrigins(body, vars, localsRaw) {
  if (!vars.size) return [];
  const out = [];
  const walk = (b, prefix) => {
    for (const [k, v] of Object.entries(b)) {
      if (k === "dynamic") continue;
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x))) {
        v.forEach((blk, i) => walk(blk, [...prefix, k, i]));
        continue;
      }
      const origins = originsOf(v, vars, localsRaw);
      if (origins.length) out.push({ path: [...prefix, k], origins });
    }
  };
  walk(body, []);
  return out;
}

// src/normalize/module-files.ts
import path7 from "node:path";
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var isObj5 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function dirOf2(file) {
  const d = path7.posix.dirname(file);
  return d === "" ? "." : d;
}
function isLocalSource(s) {
  return s.startsWith("./") || s.startsWith("../") || s === "." || s === "..";
}
function insideWorkspace(dir) {
  const n = path7.posix.normalize(dir).replace(/\/$/, "") || ".";
  return n === ".." || n.startsWith("../") || path7.posix.isAbsolute(n) ? void 0 : n;
}
function localTarget(callerDir, source) {
  return insideWorkspace(path7.posix.join(callerDir, source));
}
function sameModuleSource(recorded, written) {
  const norm = (s) => s.trim().replace(/^git::/, "").replace(/^(?:registry\.terraform\.io|registry\.opentofu\.org)\//i, "").replace(/^https:\/\/github\.com\//i, "github.com/").replace(/\.git(?=$|\/\/|\?)/, "");
  return recorded === written || norm(recorded) === norm(written);
}
function manifestKey(modulePath, name) {
  return [...modulePath.map((seg) => seg.replace(/\[.*$/, "")), name].join(".");
}
function moduleSources(body) {
  const out = [];
  if (!isObj5(body.module)) return out;
  for (const list3 of Object.values(body.module)) {
    for (const b of Array.isArray(list3) ? list3 : [list3]) if (isObj5(b) && typeof b.source === "string") out.push(b.source);
  }
  return out;
}
function calledFolders(files) {
  const out = [];
  for (const f of files) {
    for (const source of moduleSources(f.body)) {
      if (isLocalSource(source)) out.push({ from: f.file.path, dir: localTarget(dirOf2(f.file.path), source), source });
    }
  }
  return out;
}

// src/normalize/taint.ts
var Taint = class {
  /** Set while a sensitive name was read in the evaluation being tracked. */
  hit = false;
  /** Printed forms (strings, numbers as written) of every sensitive or derived value. */
  values = /* @__PURE__ */ new Set();
  /** A sensitive name was read. */
  mark() {
    this.hit = true;
  }
  /** Run `evaluate`; `tainted` says whether it read anything sensitive. Nested calls compose. */
  track(evaluate2) {
    const outer = this.hit;
    this.hit = false;
    try {
      const value = evaluate2();
      const tainted = this.hit;
      return { value, tainted };
    } finally {
      this.hit = outer || this.hit;
    }
  }
  /** Remember the printable leaves of a sensitive value. */
  record(v, depth = 0) {
    if (depth > 64) return;
    if (typeof v === "string") {
      if (v !== "") this.values.add(v);
    } else if (typeof v === "number") this.values.add(Number.isInteger(v) ? v.toFixed(0) : String(v));
    else if (isExactNumber(v)) this.values.add(v.rawJSON);
    else if (Array.isArray(v)) for (const x of v) this.record(x, depth + 1);
    else if (v !== null && typeof v === "object" && !isUnknown(v)) for (const x of Object.values(v)) this.record(x, depth + 1);
  }
  /** Remember the printable leaves of a sensitive evaluator value. */
  recordVal(v) {
    this.record(plainOf(v, "value"));
  }
  /** Track and, when tainted, record the result. */
  evaluate(evaluate2) {
    const { value, tainted } = this.track(evaluate2);
    if (tainted) this.record(value);
    return value;
  }
};
function declaredSensitive(b) {
  return !!b && (b.sensitive === true || b.sensitive === "true");
}

// src/normalize/groups.ts
function rootFolders(dirs, calls, library) {
  const all = [...dirs];
  const called = /* @__PURE__ */ new Set();
  for (const d of all) {
    for (const s of calls.get(d) ?? []) {
      if (!isLocalSource(s)) continue;
      const target = localTarget(d, s);
      if (target !== void 0 && target !== d) called.add(target);
    }
  }
  let roots = all.filter((d) => !called.has(d) && !library.has(d));
  if (roots.length === 0) roots = all;
  return roots.sort();
}

// src/normalize/overrides.ts
init_byte_order();
import path8 from "node:path";
var isObj6 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var own = (o, k) => isObj6(o) && Object.hasOwn(o, k) ? o[k] : void 0;
function put(o, k, v) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
function copy(o) {
  const out = {};
  for (const k of Object.keys(o)) put(out, k, o[k]);
  return out;
}
function isOverrideFile(file) {
  const m = /^(.*)\.(?:tf|tofu)(?:\.json)?$/.exec(path8.posix.basename(file));
  return m !== null && (m[1] === "override" || m[1].endsWith("_override"));
}
var layersOf = /* @__PURE__ */ new WeakMap();
function overrideLayers(block) {
  return layersOf.get(block);
}
var RESOURCE_MODES = ["resource", "data", "ephemeral"];
var LIFECYCLE_MERGED = ["create_before_destroy", "prevent_destroy", "destroy", "ignore_changes"];
var KEPT = {
  variable: /* @__PURE__ */ new Set(["validation"]),
  output: /* @__PURE__ */ new Set(["precondition"])
};
var NOT_OVERRIDABLE = ["moved", "import", "removed", "check"];
function mergeOverrides(files) {
  const overrides = files.filter((f) => isOverrideFile(f.file.path)).sort((a, b) => compareBytes(a.file.path, b.file.path));
  if (overrides.length === 0) return { files: [...files], errors: [] };
  const m = new Merger(files.filter((f) => !isOverrideFile(f.file.path)));
  for (const o of overrides) m.apply(o);
  return { files: [...m.primaryFiles(), ...m.leftovers], errors: m.errors };
}
var Merger = class {
  constructor(primary) {
    this.primary = primary;
  }
  primary;
  errors = [];
  leftovers = [];
  /** Copies of the primary bodies, made on the first write (the parsed files are shared). */
  written = /* @__PURE__ */ new Map();
  owned = /* @__PURE__ */ new WeakSet();
  primaryFiles() {
    return this.primary.map((f) => {
      const body = this.written.get(f);
      return body ? { ...f, body } : f;
    });
  }
  error(o, at4, reason) {
    const hit = o.locations.get(at4);
    this.errors.push({ reason: `${o.file.path}: ${reason}`, file: o.file.path, range: hit ? { startLine: hit.startLine, endLine: hit.endLine } : { startLine: 1, endLine: 1 } });
  }
  /** The first block at keys in the primary files (in file order), if any. */
  find(keys, match = () => true) {
    for (const file of this.primary) {
      let v = this.written.get(file) ?? file.body;
      for (const k of keys) v = own(v, k);
      const index = bodies(v).findIndex(match);
      if (index >= 0) return { file, keys, index };
    }
    return void 0;
  }
  /** The block at a slot, as it is now. */
  read(s) {
    let v = this.written.get(s.file) ?? s.file.body;
    for (const k of s.keys) v = own(v, k);
    return bodies(v)[s.index];
  }
  /** Put a merged block at a slot, copying the containers on the way (never the parsed file's own). */
  write(s, block) {
    let body = this.written.get(s.file);
    if (!body) {
      body = copy(s.file.body);
      this.owned.add(body);
      this.written.set(s.file, body);
    }
    let at4 = body;
    for (const k of s.keys.slice(0, -1)) {
      let next2 = own(at4, k);
      if (!this.owned.has(next2)) {
        next2 = copy(next2);
        put(at4, k, next2);
        this.owned.add(next2);
      }
      at4 = next2;
    }
    const last = s.keys[s.keys.length - 1];
    const list3 = bodies(own(at4, last));
    list3[s.index] = block;
    put(at4, last, list3);
  }
  /** Merge one block of override file o (at path `at` in it) into a slot. */
  mergeInto(s, o, at4, over, kind) {
    const base = this.read(s);
    this.conditions(o, at4, over, kind);
    if ("depends_on" in over && kind !== "variable" && kind !== "provider" && kind !== "locals") {
      this.error(o, [...at4, "depends_on"], "the depends_on argument may not be overridden");
    }
    const { block, taken } = mergeBlock(base, over, kind);
    const layer = { file: o.file.path, locations: o.locations, at: at4, paths: taken };
    layersOf.set(block, [...layersOf.get(base) ?? [], layer]);
    this.write(s, block);
  }
  /** moved, import, removed and check blocks: an error wherever an override file has one. */
  notOverridable(o, kind, value) {
    const blocks = [];
    if (kind === "check" && isObj6(value)) {
      for (const [name, list3] of Object.entries(value)) bodies(list3).forEach((_, i) => blocks.push({ at: [kind, name, i] }));
    } else bodies(value).forEach((_, i) => blocks.push({ at: [kind, i] }));
    for (const b of blocks) this.error(o, b.at, `a ${kind} block may appear only in a primary file, not in an override file`);
  }
  /** Condition blocks an override file may not write (checks.go: "Can't override ... blocks"). */
  conditions(o, at4, over, kind) {
    const found = [];
    if (kind === "variable") bodies(over.validation).forEach((_, i) => found.push(["validation", i]));
    if (kind === "output") bodies(over.precondition).forEach((_, i) => found.push(["precondition", i]));
    if (RESOURCE_MODES.includes(kind)) {
      bodies(over.lifecycle).forEach((lc, j) => {
        for (const c of ["precondition", "postcondition"]) bodies(lc[c]).forEach((_, i) => found.push(["lifecycle", j, c, i]));
      });
    }
    for (const p of found) this.error(o, [...at4, ...p], `a ${String(p[p.length - 2])} block may not be overridden`);
  }
  apply(o) {
    const body = o.body;
    const rest = {};
    for (const [kind, value] of Object.entries(body)) {
      if (RESOURCE_MODES.includes(kind)) {
        if (!isObj6(value)) continue;
        for (const [type, byName] of Object.entries(value)) {
          if (!isObj6(byName)) continue;
          for (const [name, list3] of Object.entries(byName)) {
            bodies(list3).forEach((b, i) => {
              const at4 = [kind, type, name, i];
              const s = this.find([kind, type, name]);
              if (!s) return this.error(o, at4, `there is no ${type} ${kind === "resource" ? "resource" : kind === "data" ? "data source" : "ephemeral resource"} named "${name}" to override (an override file changes a block of a primary file)`);
              this.mergeInto(s, o, at4, b, kind);
            });
          }
        }
      } else if (kind === "module" || kind === "variable" || kind === "output") {
        if (!isObj6(value)) continue;
        const what = kind === "module" ? "module call" : kind;
        for (const [name, list3] of Object.entries(value)) {
          bodies(list3).forEach((b, i) => {
            const at4 = [kind, name, i];
            const s = this.find([kind, name]);
            if (!s) return this.error(o, at4, `there is no ${what} named "${name}" to override (an override file changes a block of a primary file)`);
            this.mergeInto(s, o, at4, b, kind);
          });
        }
      } else if (kind === "locals") {
        bodies(value).forEach((b, i) => {
          for (const name of Object.keys(b)) {
            const s = this.find(["locals"], (l) => Object.hasOwn(l, name));
            if (!s) {
              this.error(o, ["locals", i, name], `there is no local value named "${name}" to override (an override file changes a block of a primary file)`);
              continue;
            }
            const base = this.read(s);
            const merged = {};
            for (const k of Object.keys(base)) {
              put(merged, k, base[k]);
              carryFix(base, k, merged);
            }
            put(merged, name, b[name]);
            carryFix(b, name, merged);
            this.write(s, merged);
          }
        });
      } else if (kind === "provider") {
        if (!isObj6(value)) continue;
        for (const [name, list3] of Object.entries(value)) {
          bodies(list3).forEach((b, i) => {
            const alias = typeof b.alias === "string" ? b.alias : void 0;
            const s = this.find(["provider", name], (p) => (typeof p.alias === "string" ? p.alias : void 0) === alias);
            if (s) return this.mergeInto(s, o, ["provider", name, i], b, kind);
            if (alias !== void 0) return this.error(o, ["provider", name, i], `there is no ${name} provider configuration with the alias "${alias}" to override`);
            const into = rest.provider ??= {};
            if (!Object.hasOwn(into, name)) put(into, name, []);
            into[name].push(b);
          });
        }
      } else if (NOT_OVERRIDABLE.includes(kind)) {
        this.notOverridable(o, kind, value);
      } else if (kind === "terraform") {
        rest.terraform = value;
      }
    }
    this.leftovers.push({ ...o, body: rest });
  }
};
function mergeBlock(base, over, kind) {
  const kept = KEPT[kind];
  const special = /* @__PURE__ */ new Set(["dynamic"]);
  if (kind === "resource" || kind === "data" || kind === "ephemeral") special.add("lifecycle");
  if (kind !== "variable" && kind !== "provider") special.add("depends_on");
  kept?.forEach((k) => special.add(k));
  const replaced = new Set(Object.keys(over).filter((k) => !special.has(k)));
  const overDynamicRaw = own(over, "dynamic");
  const overDynamic = isObj6(overDynamicRaw) ? overDynamicRaw : {};
  for (const t of Object.keys(overDynamic)) replaced.add(t);
  const block = {};
  const taken = [];
  for (const k of Object.keys(base)) {
    if (k === "dynamic" || replaced.has(k)) continue;
    put(block, k, base[k]);
    carryFix(base, k, block);
  }
  for (const k of Object.keys(over)) {
    if (special.has(k)) continue;
    put(block, k, over[k]);
    carryFix(over, k, block);
    taken.push([k]);
  }
  const dynamic = {};
  const baseDynamic = own(base, "dynamic");
  if (isObj6(baseDynamic)) {
    for (const [t, v] of Object.entries(baseDynamic)) if (!replaced.has(t)) put(dynamic, t, v);
  }
  for (const [t, v] of Object.entries(overDynamic)) {
    put(dynamic, t, v);
    taken.push(["dynamic", t]);
  }
  if (Object.keys(dynamic).length > 0) block.dynamic = dynamic;
  if ("count" in block && "for_each" in block && !("count" in over && "for_each" in over) && !("count" in base && "for_each" in base)) {
    delete block.for_each;
  }
  if (kind === "resource" && "lifecycle" in over) {
    const lb = bodies(base.lifecycle)[0];
    const lo = bodies(over.lifecycle)[0] ?? {};
    const lc = {};
    for (const k of Object.keys(lb ?? {})) {
      put(lc, k, lb[k]);
      carryFix(lb, k, lc);
    }
    for (const k of LIFECYCLE_MERGED) {
      if (!Object.hasOwn(lo, k)) continue;
      lc[k] = lo[k];
      carryFix(lo, k, lc);
      taken.push(["lifecycle", 0, k]);
    }
    if (Object.keys(lc).length > 0) block.lifecycle = [lc, ...bodies(base.lifecycle).slice(1)];
  }
  return { block, taken };
}

// src/normalize/terraform.ts
var isObj7 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var MAX_DEPTH = 12;
var ROOT_INSTANCE_BUDGET = 2e4;
var MAX_LOCAL_DEPTH = 200;
var FOR_EACH_KEPT_IN_CONFIG = 32;
function rebase(v, text) {
  if (isUnknown2(v)) {
    const reason = /\((?:error|evaluation budget)[^()]*\)$/.exec(unkText(v));
    return unk(reason ? `${text} ${reason[0]}` : text, v.t);
  }
  if (Array.isArray(v.v)) return { t: v.t, v: v.v.map((x) => rebase(x, text)) };
  if (v.v instanceof Map) {
    const m = /* @__PURE__ */ new Map();
    for (const [k, x] of v.v) m.set(k, rebase(x, text));
    return { t: v.t, v: m };
  }
  return v;
}
function declOf(name, b, noScope, exprs, json) {
  const refused = "default" in b && !json ? notConstant(rawAttr(b, "default"), exprs) : void 0;
  if (refused) return { error: refused.replace("a variable file", "a variable default") };
  let type;
  try {
    type = json ? parseJsonTypeConstraint(b.type) : parseTypeConstraint(b.type, noScope.exprs);
  } catch (e) {
    if (e instanceof EvalError) return { error: e.message };
    throw e;
  }
  const decl = {
    name,
    ...type ? { type } : {},
    ..."default" in b ? { default: json ? literalRawVal(rawAttr(b, "default")) : evalRawVal(rawAttr(b, "default"), noScope) } : {},
    nullable: b.nullable !== false
  };
  if (!decl.nullable && decl.default && isNull(decl.default)) return { error: "the variable has nullable = false, so its default must not be null" };
  if (decl.type && decl.default && !isNull(decl.default) && !isUnknown2(decl.default)) {
    try {
      convert(decl.default, decl.type);
    } catch (e) {
      if (e instanceof EvalError) return { error: `invalid default value for the variable: ${e.message}` };
      throw e;
    }
  }
  return decl;
}
function constantRaw(raw, depth = 0) {
  if (depth > 64) return false;
  if (raw instanceof RawFix) return raw.kind !== "rewrite" || constantRaw(raw.raw, depth + 1);
  if (typeof raw === "string") {
    if (!isTemplateText(raw)) return true;
    const node = parseCached(raw);
    return !(node instanceof ParseError) && !hasReference(node);
  }
  if (Array.isArray(raw)) return raw.every((x) => constantRaw(x, depth + 1));
  if (isObj7(raw)) return Object.entries(raw).every(([k, x]) => constantRaw(k, depth + 1) && constantRaw(x, depth + 1));
  return true;
}
function holdsInfinity(v) {
  if (v.v instanceof BigNum) return v.v.inf;
  if (Array.isArray(v.v)) return v.v.some(holdsInfinity);
  if (v.v instanceof Map) return [...v.v.values()].some(holdsInfinity);
  return false;
}
var isJsonFile = (p) => p.toLowerCase().endsWith(".json");
function declaredIn(f, path13) {
  if (path13.length === 0) return { file: f.file.path, range: { startLine: 1, endLine: 1 } };
  const hit = f.locations.get(path13);
  return hit ? { file: f.file.path, range: { startLine: hit.startLine, endLine: hit.endLine } } : void 0;
}
function refusedConfig(config, reason, who = "OpenTofu refuses this configuration") {
  const why = reason.length > 300 ? `${reason.slice(0, 299)}\u2026` : reason;
  const out = {};
  for (const k of Object.keys(config)) out[k] = { __unknown__: `${k} (error: ${who}: ${why})` };
  return out;
}
var TERRAFORM_DATA_ARGUMENTS = /* @__PURE__ */ new Set(["input", "triggers_replace", "count", "for_each", "depends_on", "lifecycle", "provider", "provisioner", "connection"]);
function unsupportedArgument(b) {
  const k = Object.keys(b).find((x) => !TERRAFORM_DATA_ARGUMENTS.has(x));
  return k === void 0 ? void 0 : `unsupported argument "${k}"`;
}
function countInstances(v) {
  if (isUnknown2(v)) return { unknown: "count is not known statically" };
  if (isNull(v)) return { unknown: "count (error: the count value is null)" };
  try {
    const n = asNum(convert(v, NUMBER));
    if (n.inf || !n.isInt()) return { unknown: "count (error: count must be a whole number)" };
    if (n.sign() < 0) return { unknown: "count (error: count must not be negative)" };
    if (n.trunc() >= 1n << 63n) return { unknown: "count (error: count is too large)" };
    const small = n.cmp(BigNum.fromInt(Number.MAX_SAFE_INTEGER)) > 0 ? Number.MAX_SAFE_INTEGER : n.toSafeInt();
    return { n: small };
  } catch (e) {
    if (e instanceof EvalError) return { unknown: `count (error: ${e.message})` };
    throw e;
  }
}
function keyText(k) {
  return typeof k === "number" ? `[${k}]` : `[${JSON.stringify(k)}]`;
}
var TerraformEvaluator = class {
  constructor(files, rootVars, out, stats, modules = { files: [], manifests: /* @__PURE__ */ new Map() }) {
    this.rootVars = rootVars;
    this.out = out;
    this.stats = stats;
    this.modules = modules;
    for (const v of rootVars) if (v.parsed) registerFolded(v.parsed);
    for (const f of [...files, ...modules.files]) {
      registerFolded(f);
      const d = dirOf2(f.file.path);
      let m = this.dirs.get(d);
      if (!m) this.dirs.set(d, m = { dir: d, files: [] });
      m.files.push(f);
    }
    for (const f of modules.files) this.libraryDirs.add(dirOf2(f.file.path));
    for (const m of this.dirs.values()) {
      const merged = mergeOverrides(m.files);
      if (merged.files.length === m.files.length && merged.files.every((f, i) => f === m.files[i])) continue;
      m.files.forEach((f) => this.mergedFiles.set(f, merged.files.find((x) => x.file === f.file)));
      m.files = merged.files;
      if (merged.errors.length) m.overrideErrors = merged.errors;
    }
  }
  rootVars;
  out;
  stats;
  modules;
  notes = { remoteModules: [], capped: [], skippedModules: [] };
  /** Sensitive variables and every value computed from them (src/normalize/taint.ts). */
  taint = new Taint();
  /** How many locals are being evaluated, one inside the next (see MAX_LOCAL_DEPTH). */
  localDepth = 0;
  dirs = /* @__PURE__ */ new Map();
  /** Each file whose body an override file changed (or an override file itself): as evaluated. */
  mergedFiles = /* @__PURE__ */ new Map();
  /** A file as the evaluator reads it: with the overrides of its folder merged in. */
  merged(f) {
    return this.mergedFiles.get(f) ?? f;
  }
  libraryDirs = /* @__PURE__ */ new Set();
  /** The folder `terraform init` downloaded a non-local module call to, from the root's modules.json. */
  downloaded(rootDir, key, source) {
    const m = this.modules.manifests.get(rootDir)?.get(key);
    return m && sameModuleSource(m.source, source) ? m.dir : void 0;
  }
  /** The module sources each folder's files name (src/normalize/groups.ts decides the roots from them). */
  moduleCalls() {
    const calls = /* @__PURE__ */ new Map();
    for (const m of this.dirs.values()) calls.set(m.dir, m.files.flatMap((f) => moduleSources(f.body)));
    return calls;
  }
  /** Evaluate each root module (default: those rootFolders finds among the files), in byte order. */
  run(only) {
    const roots = only ? [...only].filter((d) => this.dirs.has(d)).sort() : rootFolders(this.dirs.keys(), this.moduleCalls(), this.libraryDirs);
    for (const d of roots) {
      const root = this.dirs.get(d);
      const buffered = [];
      const resources = [];
      this.refusals = [];
      this.refusedAt = [];
      this.sink = {
        resource: (f, r, locPath, extra) => {
          resources.push(r);
          buffered.push(() => this.out.resource(f, r, locPath, extra));
        },
        provider: (...args) => buffered.push(() => this.out.provider(...args))
      };
      const inst = new ModuleInstance(this, root, [], this.rootInputs(d), void 0, 0, rootPaths(root, this.modules.workspaces?.get(d)), this.rootOrigins(d));
      inst.emit();
      inst.checkAll();
      const reason = this.refusals[0];
      if (reason !== void 0) for (const r of resources) r.config = refusedConfig(r.config, reason);
      const seen2 = /* @__PURE__ */ new Set();
      for (const x of this.refusedAt) {
        const file = x.file ?? root.files[0]?.file.path ?? d;
        const range = x.range ?? { startLine: 1, endLine: 1 };
        const key = `${file}\0${range.startLine}\0${x.reason}`;
        if (seen2.has(key)) continue;
        seen2.add(key);
        this.refused.push({ root: d, reason: x.reason, file, range });
      }
      for (const emit of buffered) emit();
      const n = this.notes;
      this.rootEnds.push({ root: d, remoteModules: n.remoteModules.length, capped: n.capped.length, skippedModules: n.skippedModules.length });
    }
  }
  /** Where each root's notes end, in the order the roots ran: a scan made one group at a time puts
   * the notes of its groups back in the order of every root together (src/engine/stream.ts). */
  rootEnds = [];
  /** Root variables: terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) (in the byte order of
   * their names, as OpenTofu reads the folder), then the var files given, in order. */
  rootInputs(dir) {
    const out = /* @__PURE__ */ new Map();
    for (const v of this.rootVarFiles(dir)) {
      const noScope = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map(), ...v.exprs ? { exprs: v.exprs } : {} };
      for (const k of Object.keys(v.values)) {
        const x = rawAttr(v.values, k);
        if (isJsonFile(v.file)) {
          out.set(k, literalRawVal(x));
          continue;
        }
        const refused = x instanceof RawFix ? void 0 : notConstant(x, v.exprs);
        out.set(k, refused ? unk(`var.${k} (error: ${refused}: ${v.file})`) : evalRawVal(x, noScope));
      }
    }
    return out;
  }
  /** A root module's variable files in the order OpenTofu applies them (later ones win). */
  rootVarFiles(dir) {
    const auto = this.rootVars.filter((v) => dirOf2(v.file) === dir && !v.given && /(^|\/)(terraform\.tfvars(\.json)?|[^/]*\.auto\.tfvars(\.json)?)$/.test(v.file)).sort((a, b) => {
      const rank = (f) => /terraform\.tfvars$/.test(f) ? 0 : /terraform\.tfvars\.json$/.test(f) ? 1 : 2;
      return rank(a.file) - rank(b.file) || compareBytes(a.file, b.file);
    });
    const given = this.rootVars.filter((v) => v.given);
    return [...auto, ...given];
  }
  /** Which variable file (and line) set each root variable: the last one that sets it. */
  rootOrigins(dir) {
    const out = /* @__PURE__ */ new Map();
    for (const v of this.rootVarFiles(dir)) {
      for (const k of Object.keys(v.values)) out.set(k, [{ file: v.file, line: v.lineOf?.(k) ?? 1, variable: k }]);
    }
    return out;
  }
  dir(d) {
    return this.dirs.get(d);
  }
  get sinkRef() {
    return this.sink;
  }
  /** Where the root being evaluated emits: buffered, so a configuration OpenTofu refuses can be made unknown. */
  sink = { resource: () => void 0, provider: () => void 0 };
  /** Errors of the root being evaluated that OpenTofu reports whatever is planned. */
  refusals = [];
  /**
   * Record an error that makes OpenTofu refuse the whole configuration (a local, an output, a
   * variable, a cycle). An error from reading a file is not one: whether the file is there depends
   * on the machine OpenTofu runs on (a key file the user creates, a path relative to another
   * folder), not on the configuration, so it stays where it is used.
   */
  refuse(reason, at4) {
    if (FILE_ERROR.test(reason)) return;
    this.refusals.push(reason);
    this.refusedAt.push({ reason, ...at4 ?? {} });
  }
  /** Where the root being evaluated is refused, as recorded by refuse(). */
  refusedAt = [];
  /**
   * Every root module OpenTofu refuses, each reason with where it is declared (or the root's first
   * file): an error of the run, not only unknown values. A configuration OpenTofu cannot plan is
   * reported, so that the checks it leaves unevaluated cannot let the change through.
   */
  refused = [];
  get statsRef() {
    return this.stats;
  }
};
function rootPaths(m, selected) {
  const file = m.files[0].file;
  return { dir: m.dir, cwd: path9.dirname(file.absPath).split(path9.sep).join("/"), workspace: selected ?? "default", deep: /* @__PURE__ */ new Map(), budget: { left: ROOT_INSTANCE_BUDGET } };
}
function expansion(b, scope, taint) {
  if ("count" in b) {
    const c = countInstances(evalRawVal(rawAttr(b, "count"), scope));
    if ("unknown" in c) return { kind: "unknown", reason: c.unknown, bindings: { count: object(/* @__PURE__ */ new Map([["index", unk("count.index", NUMBER)]])) } };
    const kept = Math.min(c.n, INSTANCE_CAP);
    const instances = [];
    for (let i = 0; i < kept; i++) instances.push({ key: i, bindings: { count: object(/* @__PURE__ */ new Map([["index", num(BigNum.fromInt(i))]])) } });
    return { kind: "count", instances, total: c.n };
  }
  if ("for_each" in b) {
    const raw = rawAttr(b, "for_each");
    const { value, tainted } = taint ? taint.track(() => evalRawVal(raw, scope)) : { value: evalRawVal(raw, scope), tainted: false };
    const node = tainted && typeof raw === "string" && isTemplateText(raw) ? parseCached(raw) : void 0;
    if (node !== void 0 && !(node instanceof ParseError) && sensitivityOf(node, scope) === "marked") {
      return { kind: "unknown", reason: "for_each (error: sensitive values cannot be used as for_each arguments)", bindings: { each: object(/* @__PURE__ */ new Map([["key", unk("each.key")], ["value", unk("each.value")]])) } };
    }
    const r = forEachPairs(value);
    if (!("pairs" in r)) {
      const reason = "unknown" in r ? r.unknown : `for_each (error: ${r.error})`;
      return { kind: "unknown", reason, bindings: { each: object(/* @__PURE__ */ new Map([["key", unk("each.key")], ["value", unk("each.value")]])) } };
    }
    const instances = r.pairs.slice(0, INSTANCE_CAP).map(([k, x]) => ({ key: k, bindings: { each: object(/* @__PURE__ */ new Map([["key", str(k)], ["value", x]])) } }));
    return { kind: "for_each", instances, total: r.pairs.length };
  }
  return { kind: "none" };
}
function unexpanded(exp, why) {
  if (exp.kind === "unknown") return exp;
  const reason = `${exp.kind} (${why}: not expanded)`;
  return exp.kind === "count" ? { kind: "unknown", reason, bindings: { count: object(/* @__PURE__ */ new Map([["index", unk("count.index", NUMBER)]])) } } : { kind: "unknown", reason, bindings: { each: object(/* @__PURE__ */ new Map([["key", unk("each.key")], ["value", unk("each.value")]])) } };
}
var ModuleInstance = class _ModuleInstance {
  constructor(ev, mod, modulePath, inputs, callSite, depth, root, varOrigins = /* @__PURE__ */ new Map(), sensitiveInputs = /* @__PURE__ */ new Set(), markedInputs = /* @__PURE__ */ new Set()) {
    this.ev = ev;
    this.mod = mod;
    this.modulePath = modulePath;
    this.callSite = callSite;
    this.depth = depth;
    this.root = root;
    this.varOrigins = varOrigins;
    this.markedInputs = markedInputs;
    this.prefix = modulePath.map((m) => `module.${m}.`).join("");
    const resolver = { ref: (root2, steps) => this.ref(root2, steps) };
    const budget = new Budget();
    if (mod.exprs === void 0) mod.exprs = expressionsOf(mod.files) ?? null;
    const exprs = mod.exprs ? { exprs: mod.exprs } : {};
    this.scope = {
      resolver,
      bindings: /* @__PURE__ */ new Map(),
      budget,
      files: this.fileEnv(),
      ...exprs,
      sensitiveRef: (n) => this.sensitiveRef(n),
      onSensitive: () => this.ev.taint.mark()
    };
    const noScope = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map(), budget, ...exprs };
    this.checkDuplicates();
    for (const f of mod.files) {
      if (isObj7(f.body.variable)) {
        for (const [name, list3] of Object.entries(f.body.variable)) {
          const b = bodies(list3)[0];
          if (!b) continue;
          if (b.ephemeral === true) this.ephemeralVars.add(name);
          const decl = declOf(name, b, noScope, mod.exprs ?? void 0, isJsonFile(f.file.path));
          if ("error" in decl) {
            this.variables.set(name, unk(`var.${name} (error: ${decl.error})`));
            this.staticErrors.push(`${this.prefix}var.${name}: ${decl.error}`);
          } else {
            const v = variableValue(decl, inputs.get(name));
            this.variables.set(name, v);
            const r = modulePath.length === 0 && inputs.has(name) ? refusalOf(v) : void 0;
            if (r && !refusalOf(inputs.get(name))) this.staticErrors.push(`var.${name}: ${r}`);
          }
          if (declaredSensitive(b)) this.declaredSensitiveVars.add(name);
          if (declaredSensitive(b) || sensitiveInputs.has(name)) {
            this.sensitiveVars.add(name);
            ev.taint.recordVal(this.variables.get(name));
          }
          if (bodies(b.validation).length) this.validations.set(name, bodies(b.validation));
        }
      }
      for (const l of bodies(f.body.locals)) for (const k of Object.keys(l)) this.localsRaw.set(k, rawAttr(l, k));
    }
    if (modulePath.length > 0) this.checkArguments(inputs);
    for (const [name, rules] of this.validations) this.validate(name, rules);
  }
  ev;
  mod;
  modulePath;
  callSite;
  depth;
  root;
  varOrigins;
  markedInputs;
  scope;
  localsRaw = /* @__PURE__ */ new Map();
  localsDone = /* @__PURE__ */ new Map();
  localsBusy = /* @__PURE__ */ new Set();
  variables = /* @__PURE__ */ new Map();
  /** Variables declared sensitive here, or given a value computed from a sensitive one by the caller. */
  sensitiveVars = /* @__PURE__ */ new Set();
  localsTainted = /* @__PURE__ */ new Set();
  /** Errors in the configuration's text itself (a declaration, a variable file's value): OpenTofu refuses it whatever it plans. */
  staticErrors = [];
  /** Variables declared `ephemeral = true`: their values may not reach a resource's arguments. */
  ephemeralVars = /* @__PURE__ */ new Set();
  duplicateResources = /* @__PURE__ */ new Set();
  /** Names declared twice in this module (OpenTofu: "Duplicate ... definition"), and count with for_each. */
  checkDuplicates() {
    const seen2 = /* @__PURE__ */ new Set();
    const once = (what) => {
      if (seen2.has(what)) this.staticErrors.push(`${this.prefix}${what}: declared twice`);
      seen2.add(what);
    };
    for (const f of this.mod.files) {
      const body = f.body;
      for (const kind of ["variable", "output", "module"]) {
        if (isObj7(body[kind])) for (const [name, list3] of Object.entries(body[kind])) for (const _ of bodies(list3)) once(`${kind}.${name}`);
      }
      for (const l of bodies(body.locals)) for (const k of Object.keys(l)) once(`local.${k}`);
      for (const mode of ["resource", "data"]) {
        if (!isObj7(body[mode])) continue;
        for (const [type, byName] of Object.entries(body[mode])) {
          if (!isObj7(byName)) continue;
          for (const [name, list3] of Object.entries(byName)) {
            for (const rb of bodies(list3)) {
              const address = `${mode === "data" ? "data." : ""}${type}.${name}`;
              if (seen2.has(address)) this.duplicateResources.add(address);
              seen2.add(address);
              if ("count" in rb && "for_each" in rb) this.staticErrors.push(`${this.prefix}${type}.${name}: count and for_each cannot both be set`);
            }
          }
        }
      }
    }
  }
  /**
   * A module call's arguments against the module's variables: OpenTofu refuses an argument no
   * variable declares ("Unsupported argument") and a variable without a default the call leaves out
   * ("Missing required argument").
   */
  checkArguments(inputs) {
    const declared = /* @__PURE__ */ new Map();
    for (const f of this.mod.files) {
      if (!isObj7(f.body.variable)) continue;
      for (const [name, list3] of Object.entries(f.body.variable)) for (const b of bodies(list3)) declared.set(name, (declared.get(name) ?? false) || "default" in b);
    }
    if (declared.size === 0) return;
    for (const k of inputs.keys()) if (!declared.has(k)) this.staticErrors.push(`${this.prefix.slice(0, -1)}: the module has no variable "${k}" (unsupported argument)`);
    for (const [name, hasDefault] of declared) if (!hasDefault && !inputs.has(name)) this.staticErrors.push(`${this.prefix.slice(0, -1)}: the argument "${name}" is required, but no definition was found`);
  }
  /** Variables declared `sensitive = true`: their value is marked sensitive whatever it is. */
  declaredSensitiveVars = /* @__PURE__ */ new Set();
  sensitivityBusy = /* @__PURE__ */ new Set();
  /** Some output of this instance is sensitive (declared, or computed from a sensitive value). */
  outputsTainted = false;
  children = /* @__PURE__ */ new Map();
  prefix;
  validations = /* @__PURE__ */ new Map();
  /** file(), templatefile()...: names relative to the root module's folder, reads confined to the workspace. */
  fileEnv() {
    const any = this.mod.files[0]?.file;
    if (!any || !any.absPath.split(path9.sep).join("/").endsWith(any.path)) return void 0;
    const workspace = any.absPath.slice(0, any.absPath.length - any.path.length) || "/";
    const cwd = this.root.cwd;
    return {
      cwd,
      read: (name) => {
        const r = readConfined(workspace, path9.resolve(cwd, name), LIMITS.stringLength);
        if ("bytes" in r) return r.bytes;
        if (/outside the workspace/.test(r.refused)) throw new NotStatic(`${name} ${r.refused}`);
        throw new EvalError(r.refused === "does not exist" ? `no file exists at ${name}` : `${name} ${r.refused}`);
      },
      exists: (name) => existsConfined(workspace, path9.resolve(cwd, name)),
      list: (name) => {
        const r = listConfined(workspace, path9.resolve(cwd, name));
        if (r && "refused" in r) throw new NotStatic(`${name} ${r.refused}`);
        return r;
      }
    };
  }
  /** A variable whose validation condition is false: OpenTofu refuses the value, so it is unknown with the reason. */
  validate(name, rules) {
    for (const rule of rules) {
      if (typeof rule.condition === "string" && /\b(?:file\w*|templatefile)\s*\(/.test(rule.condition)) continue;
      const ok = evalRawVal(rule.condition, this.scope);
      if (isUnknown2(ok) || isNull(ok) || ok.t.k !== "bool" || ok.v !== false) continue;
      const message = evalRawVal(rule.error_message, this.scope);
      const text = message.t.k === "string" && typeof message.v === "string" ? message.v : "the validation condition is false";
      this.variables.set(name, unk(`var.${name} (error: invalid value for variable: ${text})`));
      return;
    }
  }
  ref(root, steps) {
    const name = steps[0]?.attr;
    switch (root) {
      case "var":
        if (name !== void 0 && this.ephemeralVars.has(name) && this.variables.has(name)) {
          return { value: unk(`var.${name} (error: ephemeral value used in non-ephemeral context)`), used: 1 };
        }
        if (name !== void 0 && this.sensitiveVars.has(name)) this.ev.taint.mark();
        return name !== void 0 && this.variables.has(name) ? { value: this.variables.get(name), used: 1 } : void 0;
      case "local":
        if (name === void 0 || !this.localsRaw.has(name)) return void 0;
        {
          const value = this.local(name);
          if (this.localsTainted.has(name)) this.ev.taint.mark();
          return { value, used: 1 };
        }
      case "path":
        return { value: object(/* @__PURE__ */ new Map([["module", str(path9.posix.relative(this.root.dir, this.mod.dir) || ".")], ["root", str(".")], ["cwd", str(this.root.cwd)]])), used: 0 };
      case "module":
        return name !== void 0 ? this.moduleValue(name) : void 0;
      case "terraform":
        return name === "workspace" ? { value: str(this.root.workspace), used: 1 } : void 0;
      default:
        if (root === "terraform_data" && name !== void 0) {
          const value = this.terraformData(name);
          return value ? { value, used: 1 } : void 0;
        }
        return void 0;
    }
  }
  dataBlock(name) {
    for (const f of this.mod.files) {
      const byType = isObj7(f.body.resource) ? f.body.resource.terraform_data : void 0;
      const b = isObj7(byType) ? bodies(byType[name])[0] : void 0;
      if (b) return b;
    }
    return void 0;
  }
  dataBusy = /* @__PURE__ */ new Set();
  dataDone = /* @__PURE__ */ new Map();
  /**
   * The planned value of `terraform_data.<name>` in this module instance, as OpenTofu's built-in
   * provider plans a create (internal/builtin/providers/tf/resource_data.go): input and
   * triggers_replace as configured, output null when input is null and else known after apply, id
   * known after apply. A tuple of instances with count, an object of them with for_each.
   */
  terraformData(name) {
    const done = this.dataDone.get(name);
    if (done) {
      if (done.tainted) this.ev.taint.mark();
      return done.value;
    }
    const block = this.dataBlock(name);
    if (!block) return void 0;
    const address = `terraform_data.${name}`;
    if (this.dataBusy.has(name)) {
      this.ev.refuse(`${this.prefix}${address}: a cycle of references leads back to this resource`, this.declared(["resource", "terraform_data", name]));
      return unk(`${address} (error: a cycle of references leads back to this resource)`);
    }
    this.dataBusy.add(name);
    const b = block;
    const { value, tainted } = this.ev.taint.track(() => {
      const exp = expansion(b, this.scope, this.ev.taint);
      const instance = (bindings, label) => {
        const scope = childScope(this.scope, bindings);
        const input = "input" in b ? evalRawVal(rawAttr(b, "input"), scope) : NULL;
        const triggers = "triggers_replace" in b ? evalRawVal(rawAttr(b, "triggers_replace"), scope) : NULL;
        return object(
          /* @__PURE__ */ new Map([
            ["id", refinedUnk(`${label}.id`, STRING, { notNull: true })],
            ["input", input],
            ["output", isNull(input) ? input : unk(`${label}.output`, input.t)],
            ["triggers_replace", triggers]
          ])
        );
      };
      switch (exp.kind) {
        case "none":
          return instance({}, address);
        case "unknown":
          return unk(`${address} (${exp.reason})`);
        case "count":
          if (exp.total > exp.instances.length) return unk(`${address} (${exp.total} instances, more than are expanded)`);
          return tuple(exp.instances.map((i) => instance(i.bindings, `${address}${keyText(i.key)}`)));
        case "for_each": {
          if (exp.total > exp.instances.length) return unk(`${address} (${exp.total} instances, more than are expanded)`);
          const m = /* @__PURE__ */ new Map();
          for (const i of exp.instances) m.set(String(i.key), instance(i.bindings, `${address}${keyText(i.key)}`));
          return object(m);
        }
      }
    });
    this.dataBusy.delete(name);
    this.dataDone.set(name, { value, tainted });
    if (tainted) this.ev.taint.mark();
    return value;
  }
  /**
   * Whether the value a reference names is marked sensitive (eval.ts sensitivityOf): a variable
   * declared sensitive (or given a marked value by the caller), a local or a terraform_data input by
   * its expression, a module output declared sensitive; clean when reading it touches nothing
   * sensitive at all.
   */
  sensitiveRef(n) {
    const name = n.steps[0]?.k === "attr" ? n.steps[0].name : void 0;
    if (name === void 0) return n.root === "path" || n.root === "terraform" ? "clean" : void 0;
    const key = `${n.root}.${name}`;
    if (this.sensitivityBusy.has(key)) return void 0;
    const tainted = this.ev.taint.track(() => evaluate({ k: "ref", root: n.root, steps: n.steps.slice(0, 1), src: key }, this.scope)).tainted;
    if (!tainted) return "clean";
    this.sensitivityBusy.add(key);
    try {
      const ofRaw = (raw) => {
        if (typeof raw !== "string") return void 0;
        if (!isTemplateText(raw)) return "clean";
        const node = parseCached(raw);
        return node instanceof ParseError ? void 0 : sensitivityOf(node, this.scope);
      };
      switch (n.root) {
        case "var":
          return this.declaredSensitiveVars.has(name) || this.markedInputs.has(name) ? "marked" : void 0;
        case "local":
          return ofRaw(this.localsRaw.get(name));
        case "module": {
          const output = n.steps[1]?.k === "attr" ? n.steps[1].name : void 0;
          const c = this.child(name);
          if (output === void 0 || !c || c.expanded || c.unknownExpansion || !c.instances[0]?.inst) return void 0;
          return c.instances[0].inst.outputSensitivity(output);
        }
        case "terraform_data": {
          const b = this.dataBlock(name);
          if (!b || "count" in b || "for_each" in b) return void 0;
          const attr = n.steps[1]?.k === "attr" ? n.steps[1].name : void 0;
          if (attr === "input" || attr === "triggers_replace") return ofRaw(rawAttr(b, attr));
          return void 0;
        }
        default:
          return void 0;
      }
    } finally {
      this.sensitivityBusy.delete(key);
    }
  }
  /** An output's sensitivity in the caller: declared sensitive, or by its expression. */
  outputSensitivity(name) {
    for (const f of this.mod.files) {
      if (!isObj7(f.body.output)) continue;
      const b = bodies(f.body.output[name])[0];
      if (!b) continue;
      if (declaredSensitive(b)) return "marked";
      const raw = rawAttr(b, "value");
      if (typeof raw !== "string") return void 0;
      if (!isTemplateText(raw)) return "clean";
      const node = parseCached(raw);
      return node instanceof ParseError ? void 0 : sensitivityOf(node, this.scope);
    }
    return void 0;
  }
  local(name) {
    if (this.localsDone.has(name)) return this.localsDone.get(name);
    if (this.localsBusy.has(name)) {
      this.ev.refuse(`${this.prefix}local.${name}: a cycle of references leads back to it`, this.declaredLocal(name));
      return unk(`local.${name} (error: a cycle of references leads back to this local)`);
    }
    if (this.ev.localDepth >= MAX_LOCAL_DEPTH) return unk(`local.${name} (locals nested deeper than ${MAX_LOCAL_DEPTH}: not evaluated)`);
    this.localsBusy.add(name);
    this.ev.localDepth++;
    let r;
    try {
      r = this.ev.taint.track(() => evalRawVal(this.localsRaw.get(name), this.scope));
    } finally {
      this.ev.localDepth--;
      this.localsBusy.delete(name);
    }
    const { value: v, tainted } = r;
    if (tainted) {
      this.localsTainted.add(name);
      this.ev.taint.recordVal(v);
    }
    this.localsDone.set(name, v);
    return v;
  }
  /** module.<name>: an object of outputs (a list or map of them when the call is expanded). */
  moduleValue(name) {
    const c = this.child(name);
    if (!c || c.remote) return void 0;
    const outputsOf = (i) => {
      const label = `module.${name}${i.key !== void 0 ? keyText(i.key) : ""}`;
      if (!i.inst) return unk(label);
      const out = i.inst.outputs(label);
      if (i.inst.outputsTainted) this.ev.taint.mark();
      return out;
    };
    if (c.unknownExpansion) return { value: unk(`module.${name} (${c.unknownExpansion})`), used: 1 };
    if (!c.expanded) return c.instances[0] ? { value: outputsOf(c.instances[0]), used: 1 } : void 0;
    if (c.expanded === "count") return { value: tuple(c.instances.map(outputsOf)), used: 1 };
    const o = /* @__PURE__ */ new Map();
    for (const i of c.instances) o.set(String(i.key), outputsOf(i));
    return { value: object(o), used: 1 };
  }
  outputsCache;
  outputs(label) {
    if (this.outputsCache) return this.outputsCache;
    this.outputsCache = object(/* @__PURE__ */ new Map());
    const out = /* @__PURE__ */ new Map();
    for (const f of this.mod.files) {
      if (!isObj7(f.body.output)) continue;
      for (const [name, list3] of Object.entries(f.body.output)) {
        const b = bodies(list3)[0];
        if (!b) continue;
        const { value, tainted } = this.ev.taint.track(() => rebase(evalRawVal(rawAttr(b, "value"), this.scope), `${label}.${name}`));
        if (tainted || declaredSensitive(b)) {
          this.outputsTainted = true;
          this.ev.taint.recordVal(value);
        }
        out.set(name, value);
      }
    }
    this.outputsCache = object(out);
    return this.outputsCache;
  }
  findCall(name) {
    for (const f of this.mod.files) {
      if (!isObj7(f.body.module)) continue;
      const b = bodies(f.body.module[name])[0];
      if (b) return { f, b };
    }
    return void 0;
  }
  /** Instantiate (once) the module call `name`. */
  child(name) {
    const done = this.children.get(name);
    if (done) return done;
    const call = this.findCall(name);
    if (!call) return void 0;
    const { f, b } = call;
    const line = f.locations.get(["module", name, 0])?.startLine ?? 1;
    const address = `${this.prefix}module.${name}`;
    const source = typeof b.source === "string" ? b.source : "";
    const entry = { instances: [], expanded: void 0 };
    this.children.set(name, entry);
    const fetched = isLocalSource(source) ? void 0 : this.ev.downloaded(this.root.dir, manifestKey(this.modulePath, name), source);
    if (!isLocalSource(source) && fetched === void 0) {
      entry.remote = true;
      this.ev.notes.remoteModules.push({ source, module: address, file: f.file.path, line });
      return entry;
    }
    const target = fetched ?? (path9.posix.normalize(path9.posix.join(this.mod.dir, source)).replace(/\/$/, "") || ".");
    const targetDir = target.startsWith("../") || target === ".." ? void 0 : this.ev.dir(target);
    const deep = this.depth >= MAX_DEPTH;
    const once = deep || this.root.budget.left <= 0;
    const first2 = once && targetDir ? this.root.deep.get(target) : void 0;
    if (!targetDir || first2 !== void 0) {
      const reason = target.startsWith("..") ? `local module ${source} (called as ${address} at ${f.file.path}:${line}) is outside the workspace: not read` : !targetDir ? `local module ${source} (called as ${address} at ${f.file.path}:${line}) has no Terraform files in the workspace: not evaluated` : `${deep ? `module nesting deeper than ${MAX_DEPTH}` : `the root's ${ROOT_INSTANCE_BUDGET} instances used up`} at ${address}: its folder is evaluated once, as ${first2}`;
      this.ev.notes.skippedModules.push({ path: target, reason });
      entry.remote = true;
      return entry;
    }
    const meta = /* @__PURE__ */ new Set(["source", "version", "count", "for_each", "providers", "depends_on"]);
    let exp = expansion(b, this.scope, this.ev.taint);
    if (once) {
      this.root.deep.set(target, address);
      if (exp.kind !== "none") exp = unexpanded(exp, deep ? `module nesting deeper than ${MAX_DEPTH}` : `the root's ${ROOT_INSTANCE_BUDGET} instances used up`);
    } else exp = this.withinBudget(exp, address);
    if (exp.kind === "unknown") entry.unknownExpansion = exp.reason;
    else if (exp.kind !== "none") {
      entry.expanded = exp.kind;
      if (exp.total > INSTANCE_CAP) this.ev.notes.capped.push(`${address} (${exp.total} instances, first ${INSTANCE_CAP} kept)`);
    }
    const instances = exp.kind === "count" || exp.kind === "for_each" ? exp.instances : [{ bindings: exp.kind === "unknown" ? exp.bindings : {} }];
    for (const { key, bindings } of instances) {
      const scope = childScope(this.scope, bindings);
      const inputs = /* @__PURE__ */ new Map();
      const sensitiveInputs = /* @__PURE__ */ new Set();
      const markedInputs = /* @__PURE__ */ new Set();
      for (const k of Object.keys(b)) {
        if (meta.has(k)) continue;
        const { value, tainted } = this.ev.taint.track(() => rebase(evalRawVal(rawAttr(b, k), scope), `var.${k}`));
        inputs.set(k, value);
        if (tainted) {
          sensitiveInputs.add(k);
          const raw = rawAttr(b, k);
          const node = typeof raw === "string" && isTemplateText(raw) ? parseCached(raw) : void 0;
          if (node && !(node instanceof ParseError) && sensitivityOf(node, scope) === "marked") markedInputs.add(k);
        }
      }
      const seg = `${name}${key !== void 0 ? keyText(key) : ""}`;
      const site = { file: f.file.path, line, module: `${this.prefix}module.${seg}`, ...this.callSite ? { parent: this.callSite } : {} };
      const inst = new _ModuleInstance(this.ev, targetDir, [...this.modulePath, seg], inputs, site, this.depth + 1, this.root, this.inputOrigins(b, meta), sensitiveInputs, markedInputs);
      entry.instances.push({ ...key !== void 0 ? { key } : {}, inst });
    }
    return entry;
  }
  /** Var-file origins of a module call's inputs, by input name. */
  inputOrigins(call, meta) {
    const out = /* @__PURE__ */ new Map();
    for (const [k, raw] of Object.entries(call)) {
      if (meta.has(k)) continue;
      const o = originsOf(raw, this.varOrigins, this.localsRaw);
      if (o.length) out.set(k, o);
    }
    return out;
  }
  /** Where path is written in this module's first file that has it (path [] : the module's first file, line 1). */
  declared(path13) {
    for (const f of this.mod.files) {
      const at4 = declaredIn(f, path13);
      if (at4) return at4;
    }
    return void 0;
  }
  /** Where local `name` is written (["locals", i, name] in the file that declares it). */
  declaredLocal(name) {
    for (const f of this.mod.files) {
      const i = bodies(f.body.locals).findIndex((l) => Object.hasOwn(l, name));
      if (i >= 0) return declaredIn(f, ["locals", i, name]);
    }
    return void 0;
  }
  /**
   * Evaluate what OpenTofu evaluates whether or not anything uses it (variables, locals, outputs),
   * here and in every module instance below, and record the errors among them: OpenTofu refuses a
   * configuration with any of them.
   */
  checkAll() {
    for (const e of this.staticErrors) this.ev.refuse(e, this.declared([]));
    for (const e of this.mod.overrideErrors ?? []) this.ev.refuse(`${this.prefix}${e.reason}`, { file: e.file, range: e.range });
    for (const name of this.localsRaw.keys()) {
      const v = this.local(name);
      if (!constantRaw(this.localsRaw.get(name))) continue;
      const r = refusalOf(v);
      if (r) this.ev.refuse(`${this.prefix}local.${name}: ${r}`, this.declaredLocal(name));
    }
    for (const f of this.mod.files) {
      if (!isObj7(f.body.check)) continue;
      for (const [name, list3] of Object.entries(f.body.check)) {
        for (const c of bodies(list3)) {
          for (const a of bodies(c.assert)) if (constantRaw(a.condition)) this.ev.refuse(`${this.prefix}check.${name}: the assert condition must refer to at least one object`, declaredIn(f, ["check", name, 0]));
        }
      }
    }
    const label = this.prefix ? this.prefix.slice(0, -1) : "output";
    const mayBeSensitive = this.declaredSensitiveVars.size > 0 || this.markedInputs.size > 0;
    for (const f of this.mod.files) {
      if (!isObj7(f.body.output)) continue;
      for (const [name, list3] of Object.entries(f.body.output)) {
        const b = bodies(list3)[0];
        if (!b) continue;
        for (const c of bodies(b.precondition)) {
          if (constantRaw(c.condition)) {
            this.ev.refuse(`${this.prefix}output.${name}: the precondition must refer to at least one object`, declaredIn(f, ["output", name, 0]));
            continue;
          }
          const ok = evalRawVal(c.condition, this.scope);
          if (!isUnknown2(ok) && ok.t.k === "bool" && ok.v === false) this.ev.refuse(`${this.prefix}output.${name}: output precondition failed`, declaredIn(f, ["output", name, 0]));
        }
        const raw = rawAttr(b, "value");
        if (this.modulePath.length === 0 && !declaredSensitive(b) && typeof raw === "string" && isTemplateText(raw) && (mayBeSensitive || raw.includes("sensitive("))) {
          const node = this.scope.exprs?.get(raw) ?? parseCached(raw);
          if (!(node instanceof ParseError) && sensitivityOf(node, this.scope) === "marked") this.ev.refuse(`${this.prefix}output.${name}: refers to sensitive values without sensitive = true`, declaredIn(f, ["output", name, 0]));
        }
        if (!constantRaw(raw)) continue;
        const v = this.outputsCache ? entries(this.outputsCache).get(name) : rebase(evalRawVal(raw, this.scope), `${label}.${name}`);
        const r = v && (refusalOf(v) ?? (holdsInfinity(v) ? "an infinite number cannot be stored" : void 0));
        if (r) this.ev.refuse(`${this.prefix}output.${name}: ${r}`, declaredIn(f, ["output", name, 0]));
      }
    }
    for (const c of this.children.values()) for (const i of c.instances) i.inst?.checkAll();
  }
  /**
   * A resource's lifecycle precondition or postcondition that is known to be false, as the message
   * OpenTofu fails the plan with. A condition that refers to nothing is refused with the whole
   * configuration ("must refer to at least one object"). `self` in a postcondition is the planned
   * object, known only for terraform_data (input and triggers_replace; id and output after apply).
   */
  failedCondition(b, scope, terraformData) {
    for (const lc of bodies(b.lifecycle)) {
      for (const kind of ["precondition", "postcondition"]) {
        for (const c of bodies(lc[kind])) {
          if (constantRaw(c.condition)) {
            this.ev.refuse(`${this.prefix}${kind}: the condition must refer to at least one object`);
            continue;
          }
          let s = scope;
          if (kind === "postcondition") {
            const input = terraformData && "input" in b ? evalRawVal(rawAttr(b, "input"), scope) : terraformData ? NULL : unk("self");
            const self = terraformData ? object(/* @__PURE__ */ new Map([["id", unk("self.id", STRING)], ["input", input], ["output", isNull(input) ? input : unk("self.output", input.t)], ["triggers_replace", "triggers_replace" in b ? evalRawVal(rawAttr(b, "triggers_replace"), scope) : NULL]])) : unk("self");
            s = childScope(scope, { self });
          }
          const ok = evalRawVal(c.condition, s);
          if (isUnknown2(ok) || isNull(ok) || ok.t.k !== "bool" || ok.v !== false) continue;
          const message = evalRawVal(c.error_message, s);
          return `resource ${kind} failed: ${message.t.k === "string" && typeof message.v === "string" ? message.v : "the condition is false"}`;
        }
      }
    }
    return void 0;
  }
  /** Register this module's resources and providers, then its children's. */
  emit() {
    const sink = this.ev.sinkRef;
    for (const f of this.mod.files) {
      for (const mode of ["resource", "data"]) {
        const byType = f.body[mode];
        if (!isObj7(byType)) continue;
        for (const [type, byName] of Object.entries(byType)) {
          if (!isObj7(byName)) continue;
          for (const [name, list3] of Object.entries(byName)) {
            bodies(list3).forEach((b, i) => this.emitResource(f, mode, type, name, b, i));
          }
        }
      }
      if (isObj7(f.body.provider)) {
        for (const [name, list3] of Object.entries(f.body.provider)) {
          bodies(list3).forEach((b, i) => {
            const config = evalBody(b, { scope: this.scope, taint: this.ev.taint });
            const alias = typeof config.alias === "string" ? config.alias : void 0;
            sink.provider(f, name, alias, this.mod.dir, config, ["provider", name, i], this.prefix);
          });
        }
      }
    }
    for (const f of this.mod.files) {
      if (!isObj7(f.body.module)) continue;
      for (const name of Object.keys(f.body.module)) {
        const c = this.child(name);
        for (const i of c?.instances ?? []) i.inst?.emit();
      }
    }
  }
  /** The expansion if the root's budget has room for its instances (taken from it), else one
   * instance of unknown count, noted as capped; a single instance always counts one. */
  withinBudget(exp, address) {
    const budget = this.root.budget;
    const n = exp.kind === "count" || exp.kind === "for_each" ? exp.instances.length : 1;
    if (n > 1 && n > budget.left && exp.kind !== "none") {
      this.ev.notes.capped.push(`${address} (${exp.kind === "count" || exp.kind === "for_each" ? exp.total : n} instances: the root's ${ROOT_INSTANCE_BUDGET} instances are used up, not expanded)`);
      budget.left -= 1;
      return unexpanded(exp, `the root's ${ROOT_INSTANCE_BUDGET} instances used up`);
    }
    budget.left -= n;
    return exp;
  }
  /** Whether the root's budget has room for n more dynamic blocks (taken from it). */
  allowBlocks(n) {
    if (n > this.root.budget.left) return false;
    this.root.budget.left -= n;
    return true;
  }
  /** The for_each attribute of a resource whose collection (of `total` elements) each instance names
   * instead of repeating it, with how the value statistics count what is written. */
  forEachGiven(b, total) {
    const raw = rawAttr(b, "for_each") ?? b.for_each;
    const value = this.ev.taint.evaluate(() => evalRaw(raw, this.scope));
    const placeholder = { __unknown__: `for_each (a collection of ${total} elements, not repeated in each instance)` };
    return /* @__PURE__ */ new Map([["for_each", { value: placeholder, stat: valueStat(raw, value) }]]);
  }
  emitResource(f, mode, type, name, b, i) {
    const local = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
    const locPath = [mode, type, name, i];
    const stats = this.ev.statsRef;
    const origins = bodyOrigins(b, this.varOrigins, this.localsRaw);
    const layers = overrideLayers(b);
    const exp = this.withinBudget(expansion(b, this.scope, this.ev.taint), `${this.prefix}${local}`);
    let instances = [{ bindings: {} }];
    if (exp.kind === "unknown") instances = [{ bindings: exp.bindings }];
    else if (exp.kind !== "none") {
      instances = exp.instances;
      if (exp.total > INSTANCE_CAP) this.ev.notes.capped.push(`${this.prefix}${local} (${exp.total} instances, first ${INSTANCE_CAP} kept)`);
    }
    const given = exp.kind === "for_each" && exp.total > FOR_EACH_KEPT_IN_CONFIG ? this.forEachGiven(b, exp.total) : void 0;
    for (const inst of instances) {
      const remaps = [];
      const suffix = inst.key !== void 0 ? keyText(inst.key) : "";
      const config = evalBody(b, {
        scope: childScope(this.scope, inst.bindings),
        stats,
        remaps,
        taint: this.ev.taint,
        onCap: (what) => this.ev.notes.capped.push(`${this.prefix}${local}${suffix}: ${what}`),
        allowBlocks: (n) => this.allowBlocks(n)
      }, locPath, locPath, given);
      if (exp.kind === "unknown") config["count" in b ? "count" : "for_each"] = { __unknown__: exp.reason };
      const refused = (this.duplicateResources.has(local) ? `${local} is declared twice` : void 0) ?? (mode === "resource" && type === "terraform_data" ? unsupportedArgument(b) : void 0) ?? this.failedCondition(b, childScope(this.scope, inst.bindings), mode === "resource" && type === "terraform_data");
      const finalConfig = refused ? refusedConfig(config, refused, "OpenTofu refuses this resource") : config;
      this.ev.sinkRef.resource(
        f,
        {
          address: `${this.prefix}${local}${suffix}`,
          mode: mode === "data" ? "data" : "managed",
          type,
          name,
          module_dir: this.mod.dir,
          file: f.file.path,
          config: finalConfig,
          ...this.modulePath.length ? { module_path: this.modulePath } : {},
          ...this.callSite ? { call_site: { file: this.callSite.file, line: this.callSite.line } } : {},
          local_address: local,
          ...inst.key !== void 0 ? { instance_key: inst.key } : {}
        },
        locPath,
        { remaps, ...this.callSite ? { callSite: this.callSite } : {}, origins, ...layers ? { layers } : {} }
      );
    }
  }
};

// src/model/input.ts
function emptyInput() {
  return {
    schema_version: 1,
    terraform: { resources: [], providers: [], variables: [] },
    packer: { sources: [], builds: [], variables: [] }
  };
}

// src/normalize/normalize.ts
var RemappedIndex = class extends LocationIndex {
  constructor(inner, remaps) {
    super();
    this.inner = inner;
    this.remaps = remaps;
  }
  inner;
  remaps;
  get(p) {
    return this.inner.get(remapPath(p, this.remaps));
  }
};
var isObj8 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var TEMPLATE = /(?<![$])\$\{|(?<![%])%\{/;
function unknown2(expr) {
  return { __unknown__: expr };
}
function isUnknown4(v) {
  return isObj8(v) && typeof v.__unknown__ === "string";
}
function toValue(v) {
  if (typeof v === "string") {
    if (TEMPLATE.test(v)) {
      const m = /^\$\{([\s\S]*)\}$/.exec(v);
      return unknown2(m ? m[1].trim() : v);
    }
    return v.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  }
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  if (Array.isArray(v)) return v.map(toValue);
  if (isObj8(v)) {
    const o = {};
    for (const [k, x] of Object.entries(v)) o[k] = toValue(x);
    return o;
  }
  return null;
}
function toBody(body) {
  const out = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "dynamic" && isObj8(v)) {
      out[k] = toValue(v);
      continue;
    }
    out[k] = Array.isArray(v) && v.every(isObj8) && v.length > 0 ? v.map((b) => toBody(b)) : toValue(v);
  }
  if (isObj8(body.dynamic)) {
    for (const name of Object.keys(body.dynamic)) {
      if (!(name in out)) out[name] = unknown2(`dynamic "${name}"`);
    }
  }
  return out;
}
function dirOf3(file) {
  const d = path10.posix.dirname(file);
  return d === "" ? "." : d;
}
function literalString(v) {
  return typeof v === "string" && !TEMPLATE.test(v) ? v : void 0;
}
var lineOfIn = (f) => (name) => f.locations.get([name])?.startLine;
var Builder = class {
  input = emptyInput();
  locator = /* @__PURE__ */ new Map();
  /** Register an entity id, making it unique within the input. */
  register(file, base, locPath, extra = {}) {
    let id = `${file.file.path}#${base}`;
    for (let n = 2; this.locator.has(id); n++) id = `${file.file.path}#${base}#${n}`;
    const locations = extra.remaps?.length ? new RemappedIndex(file.locations, extra.remaps) : file.locations;
    this.locator.set(id, {
      file: file.file.path,
      locPath,
      locations,
      ...extra.callSite ? { callSite: extra.callSite } : {},
      ...extra.origins?.length ? { origins: extra.origins } : {},
      ...extra.layers?.length ? { layers: extra.layers, ...extra.remaps?.length ? { remaps: extra.remaps } : {} } : {}
    });
    return id;
  }
  stats = emptyStats();
  /** Packer dynamic blocks cut short (the Terraform evaluator keeps its own). */
  capped = [];
  /** Packer's sensitive variables and what is computed from them (Terraform's: its evaluator's). */
  taint = new Taint();
  /** Every Terraform module folder at once: roots, then the local modules they call. */
  terraformModules(files, varFiles, modules, roots, owns = () => true) {
    const tf = this.input.terraform;
    const rootVars = [
      ...files.filter((f) => f.file.kind === "terraform-vars").map((f) => ({ file: f.file.path, values: f.body, parsed: f, lineOf: lineOfIn(f), ...f.expressions ? { exprs: f.expressions } : {} })),
      ...varFiles.filter((f) => f.file.kind === "terraform-vars").map((f) => ({ file: f.file.path, values: f.body, parsed: f, given: true, lineOf: lineOfIn(f), ...f.expressions ? { exprs: f.expressions } : {} }))
    ];
    const ev = new TerraformEvaluator(
      files.filter((f) => f.file.kind === "terraform" || f.file.kind === "terraform-json"),
      rootVars,
      {
        resource: (f, r, locPath, extra) => {
          tf.resources.push({ id: this.register(f, r.address, locPath, extra), ...r });
        },
        provider: (f, name, alias, moduleDir, config, locPath, prefix) => {
          const base = `${prefix}${alias ? `provider.${name}.${alias}` : `provider.${name}`}`;
          tf.providers.push({ id: this.register(f, base, locPath), name, ...alias ? { alias } : {}, module_dir: moduleDir, file: f.file.path, config });
        }
      },
      this.stats,
      modules
    );
    ev.run(roots);
    inheritInstanceTemplates(tf.resources);
    for (const f of files) if ((f.file.kind === "terraform" || f.file.kind === "terraform-json") && owns(f)) this.variables(ev.merged(f), tf.variables);
    return { ...ev.notes, sensitiveValues: [...ev.taint.values], rootEnds: ev.rootEnds, refused: ev.refused };
  }
  variables(f, into) {
    const vars = f.body.variable;
    if (!isObj8(vars)) return;
    for (const [name, list3] of Object.entries(vars)) {
      bodies(list3).forEach((b, i) => {
        const v = {
          id: this.register(f, `var.${name}`, ["variable", name, i]),
          name,
          dir: dirOf3(f.file.path),
          file: f.file.path,
          has_default: "default" in b,
          sensitive: b.sensitive === true
        };
        if ("default" in b) v.default = toValue(b.default);
        into.push(v);
      });
    }
  }
  /** Provisioners of one build in source order: hcl2json groups them by type, lines restore order. */
  provisioners(f, buildPath, blocks, kind, ctx) {
    const found = [];
    if (isObj8(blocks)) {
      for (const [type, list3] of Object.entries(blocks)) {
        bodies(list3).forEach((b, i) => {
          const line = f.locations.get([...buildPath, kind, type, i])?.startLine ?? Number.MAX_SAFE_INTEGER;
          found.push({ type, line, path: [kind, type, i], config: ctx ? evalBody(b, ctx) : toBody(b) });
        });
      }
    }
    found.sort((a, b) => a.line - b.line);
    return found.map((p, index) => ({ type: p.type, index, path: p.path, config: p.config }));
  }
  /** The scope of one Packer template folder: variables (defaults, *.auto.pkrvars.hcl, var files) and locals. */
  packerScope(dir, files, varFiles) {
    const mine = files.filter((f) => f.file.kind === "packer" && dirOf3(f.file.path) === dir);
    const auto = files.filter((f) => f.file.kind === "packer-vars" && dirOf3(f.file.path) === dir && /\.auto\.pkrvars\.(hcl|json)$/.test(f.file.path)).sort((a, b) => compareBytes(a.file.path, b.file.path));
    const given = varFiles.filter((v) => v.file.kind === "packer-vars");
    const found = expressionsOf([...mine, ...auto, ...given]);
    const exprs = found ? { exprs: found } : {};
    const none = { resolver: { ref: () => void 0 }, bindings: /* @__PURE__ */ new Map(), ...exprs };
    const vars = /* @__PURE__ */ new Map();
    const sensitive = /* @__PURE__ */ new Set();
    const localsRaw = /* @__PURE__ */ new Map();
    for (const f of mine) {
      if (isObj8(f.body.variable)) {
        for (const [name, list3] of Object.entries(f.body.variable)) {
          const b = bodies(list3)[0];
          vars.set(name, b && "default" in b ? evalRaw(b.default, none) : unknown2(`var.${name}`));
          if (declaredSensitive(b)) sensitive.add(name);
        }
      }
      for (const l of bodies(f.body.locals)) for (const [k, v] of Object.entries(l)) localsRaw.set(k, v);
      if (isObj8(f.body.local)) for (const [k, list3] of Object.entries(f.body.local)) localsRaw.set(k, bodies(list3)[0]?.expression);
    }
    for (const f of [...auto, ...given]) {
      for (const [k, v] of Object.entries(f.body)) if (vars.has(k)) vars.set(k, evalRaw(v, none));
    }
    for (const name of sensitive) this.taint.record(vars.get(name));
    const done = /* @__PURE__ */ new Map();
    const tainted = /* @__PURE__ */ new Set();
    const busy = /* @__PURE__ */ new Set();
    const scope = {
      budget: new Budget(),
      bindings: /* @__PURE__ */ new Map(),
      ...exprs,
      resolver: {
        ref: (root, steps) => {
          const name = steps[0]?.attr;
          if (root === "var" && name !== void 0 && vars.has(name)) {
            if (sensitive.has(name)) this.taint.mark();
            return { value: fromPlain(vars.get(name)), used: 1 };
          }
          if (root === "local" && name !== void 0 && localsRaw.has(name)) {
            if (!done.has(name)) {
              if (busy.has(name)) return { value: unk(`local.${name}`), used: 1 };
              busy.add(name);
              const local = this.taint.track(() => evalRawVal(localsRaw.get(name), scope));
              if (local.tainted) {
                tainted.add(name);
                this.taint.recordVal(local.value);
              }
              done.set(name, local.value);
              busy.delete(name);
            }
            if (tainted.has(name)) this.taint.mark();
            return { value: done.get(name), used: 1 };
          }
          if (root === "path") return { value: fromPlain({ root: dir, cwd: "." }), used: 0 };
          return void 0;
        }
      }
    };
    return scope;
  }
  packerHcl(f, scope) {
    const pk = this.input.packer;
    const dir = dirOf3(f.file.path);
    const ctx = { scope, stats: this.stats, taint: this.taint };
    if (isObj8(f.body.source)) {
      for (const [type, byName] of Object.entries(f.body.source)) {
        if (!isObj8(byName)) continue;
        for (const [name, list3] of Object.entries(byName)) {
          bodies(list3).forEach((b, i) => {
            const address = `source.${type}.${name}`;
            const remaps = [];
            const onCap = (what) => void this.capped.push(`${address}: ${what}`);
            pk.sources.push({
              id: this.register(f, address, ["source", type, name, i], { remaps }),
              address,
              type,
              name,
              template_dir: dir,
              file: f.file.path,
              syntax: "hcl",
              config: evalBody(b, { ...ctx, remaps, onCap }, ["source", type, name, i])
            });
          });
        }
      }
    }
    bodies(f.body.build).forEach((b, i) => {
      const buildPath = ["build", i];
      const name = literalString(b.name) ?? String(i);
      const sources = Array.isArray(b.sources) ? b.sources.filter((s) => typeof s === "string") : [];
      if (isObj8(b.source)) {
        for (const [label, list3] of Object.entries(b.source)) {
          const baseAddress = label.startsWith("source.") ? label : `source.${label}`;
          bodies(list3).forEach((ob, j) => {
            const { name: overrideName, ...fields } = ob;
            if (Object.keys(fields).length === 0) {
              sources.push(baseAddress);
              return;
            }
            const base = pk.sources.find((s) => s.address === baseAddress && s.template_dir === dir);
            const [, type = "unknown", baseName = "unknown"] = /^source\.([^.]+)\.(.+)$/.exec(baseAddress) ?? [];
            const shownName = typeof overrideName === "string" && !isTemplateText(overrideName) ? overrideName : baseName;
            const address = `source.${type}.${shownName}`;
            const overridePath = [...buildPath, "source", label, j];
            const remaps = [];
            const over = evalBody(fields, { ...ctx, remaps }, overridePath);
            const baseLoc = base ? this.locator.get(base.id) : void 0;
            if (base && baseLoc && baseLoc.file === f.file.path) {
              for (const k of Object.keys(base.config)) if (!(k in over)) remaps.push({ from: [...overridePath, k], to: [...baseLoc.locPath, k] });
            }
            pk.sources.push({
              id: this.register(f, `build.${name}.${address}`, overridePath, { remaps }),
              address,
              type,
              name: shownName,
              template_dir: dir,
              file: f.file.path,
              syntax: "hcl",
              config: { ...base?.config ?? { base: unknown2(`${baseAddress} (not found)`) }, ...over },
              base: baseAddress,
              build: name
            });
            sources.push(address);
          });
        }
      }
      const build = {
        id: this.register(f, `build.${name}`, buildPath),
        name,
        template_dir: dir,
        file: f.file.path,
        sources,
        provisioners: this.provisioners(f, buildPath, b.provisioner, "provisioner", ctx),
        post_processors: this.provisioners(f, buildPath, b["post-processor"], "post-processor", ctx)
      };
      pk.builds.push(build);
    });
    this.variables(f, pk.variables);
  }
  /**
   * A legacy JSON template: `builders` become sources, `provisioners` / `post-processors` one build.
   * Every string goes through the template engine: {{user `x`}} from `variables` and the -var-file
   * JSON given, any other action unknown (src/normalize/packer-template.ts).
   */
  packerJson(f, varFiles) {
    const pk = this.input.packer;
    const dir = dirOf3(f.file.path);
    const user = userVariables(
      f.body.variables,
      varFiles.filter((v) => v.file.kind === "packer-vars" && v.file.path.toLowerCase().endsWith(".json")).map((v) => v.body)
    );
    const render = (v) => {
      const out = renderTemplateValue(v, user);
      return isObj8(out) && !isUnknown4(out) ? out : {};
    };
    const addresses = [];
    (Array.isArray(f.body.builders) ? f.body.builders : []).forEach((b, i) => {
      if (!isObj8(b)) return;
      const { type: rawType, name: rawName, ...rest } = render(b);
      const type = literalString(rawType) ?? "unknown";
      const name = literalString(rawName) ?? type;
      const address = `source.${type}.${name}`;
      addresses.push(address);
      pk.sources.push({
        id: this.register(f, address, ["builders", i]),
        address,
        type,
        name,
        template_dir: dir,
        file: f.file.path,
        syntax: "json",
        config: rest
      });
    });
    const list3 = (key) => (Array.isArray(f.body[key]) ? f.body[key] : []).flatMap((p, index) => {
      if (!isObj8(p)) return [];
      const { type, ...rest } = render(p);
      return [{ type: literalString(type) ?? "unknown", index, path: [key, index], config: rest }];
    });
    if (addresses.length || Array.isArray(f.body.provisioners)) {
      pk.builds.push({
        // A legacy JSON template has one build, unnamed: build.0, as the first unnamed HCL build.
        id: this.register(f, "build.0", []),
        name: "0",
        template_dir: dir,
        file: f.file.path,
        sources: addresses,
        provisioners: list3("provisioners"),
        post_processors: list3("post-processors").filter((p) => p.type !== "unknown")
      });
    }
    if (isObj8(f.body.variables)) {
      for (const name of Object.keys(f.body.variables)) {
        const value = user(name);
        const required = f.body.variables[name] === null;
        pk.variables.push({
          id: this.register(f, `var.${name}`, ["variables", name]),
          name,
          dir,
          file: f.file.path,
          has_default: !required,
          ...required || value === void 0 ? {} : { default: value },
          sensitive: Array.isArray(f.body["sensitive-variables"]) && f.body["sensitive-variables"].includes(name)
        });
      }
    }
  }
};
function forgetGroup() {
  forgetParsedStrings();
}
function normalize(files, opts = {}) {
  const b = new Builder();
  const notes = b.terraformModules(files, opts.varFiles ?? [], opts.modules, opts.roots, opts.owns);
  const mirrors = crossModuleMirrors(b.input.terraform.resources, files);
  b.input.terraform.resources.push(...mirrors);
  const packerScopes = /* @__PURE__ */ new Map();
  for (const f of files) {
    if (opts.owns && !opts.owns(f)) continue;
    switch (f.file.kind) {
      case "packer": {
        const dir = dirOf3(f.file.path);
        let scope = packerScopes.get(dir);
        if (!scope) packerScopes.set(dir, scope = b.packerScope(dir, files, opts.varFiles ?? []));
        b.packerHcl(f, scope);
        break;
      }
      case "packer-json":
        b.packerJson(f, opts.varFiles ?? []);
        break;
      default:
        break;
    }
  }
  return {
    input: b.input,
    locator: b.locator,
    summary: { values: b.stats, remoteModules: notes.remoteModules, capped: [...notes.capped, ...b.capped], skipped: notes.skippedModules, rootEnds: notes.rootEnds },
    mirrors: new Set(mirrors.map((m) => m.id)),
    refused: notes.refused,
    sensitiveValues: [.../* @__PURE__ */ new Set([...notes.sensitiveValues, ...b.taint.values])]
  };
}

// src/engine/bundles.ts
import { existsSync as existsSync2, readFileSync } from "node:fs";
import { createHash as createHash3 } from "node:crypto";
import path11 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// node_modules/@open-policy-agent/opa-wasm/src/index.mjs
var import_opa = __toESM(require_opa(), 1);
var loadPolicy = import_opa.default.loadPolicy;
var src_default = import_opa.default;

// src/evaluate/engine.ts
var { loadPolicySync } = src_default;
var ENTRYPOINT = "controlgate/main/results";
var PolicyError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "PolicyError";
  }
};
function describe(e) {
  if (e instanceof Error) return e.message;
  try {
    return typeof e === "string" ? e : JSON.stringify(e);
  } catch {
    return String(e);
  }
}
var PolicyEngine = class _PolicyEngine {
  constructor(policy) {
    this.policy = policy;
  }
  policy;
  static async load(wasm) {
    try {
      const policy = loadPolicySync(new WebAssembly.Module(wasm));
      if (!Object.keys(policy.entrypoints).includes(ENTRYPOINT)) {
        throw new PolicyError(`policy bundle has no entrypoint ${ENTRYPOINT}`);
      }
      return new _PolicyEngine(policy);
    } catch (e) {
      if (e instanceof PolicyError) throw e;
      throw new PolicyError(`cannot load the policy bundle: ${describe(e)}`);
    }
  }
  evaluate(input) {
    let raw;
    try {
      raw = this.policy.evaluate(input, ENTRYPOINT);
    } catch (e) {
      throw new PolicyError(`policy evaluation failed: ${describe(e)}`);
    }
    return parseOutcomes(raw);
  }
};
var isObj9 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function parseOutcomes(raw) {
  if (!Array.isArray(raw)) throw new PolicyError("policy returned no result set");
  if (raw.length === 0) return [];
  const first2 = raw[0];
  const set3 = first2.result;
  if (!Array.isArray(set3)) throw new PolicyError("policy result is not a set");
  return set3.map((o, i) => {
    if (!isObj9(o) || typeof o.rule !== "string" || !isObj9(o.result)) throw new PolicyError(`malformed outcome #${i}`);
    const kind = o.kind;
    if (kind !== "deny" && kind !== "unknown" && kind !== "applies") throw new PolicyError(`outcome #${i} has unknown kind`);
    const r = o.result;
    if (typeof r.resource !== "string") throw new PolicyError(`rule ${o.rule}: result without a resource id`);
    const path13 = Array.isArray(r.path) ? r.path.filter((s) => typeof s === "string" || typeof s === "number").slice() : [];
    const out = { rule: o.rule, kind, resource: r.resource, path: path13, hasActual: "actual" in r };
    if ("actual" in r) out.actual = r.actual;
    if (typeof r.sub === "string") out.sub = r.sub;
    if (typeof r.reason === "string") out.reason = r.reason;
    if (typeof r.covered_by === "string") out.coveredBy = r.covered_by;
    return out;
  });
}
function batchesByFolder(input) {
  const byDir = /* @__PURE__ */ new Map();
  const at4 = (dir) => {
    let b = byDir.get(dir);
    if (!b) byDir.set(dir, b = emptyInput());
    return b;
  };
  for (const r of input.terraform.resources) at4(r.module_dir).terraform.resources.push(r);
  for (const p of input.terraform.providers) at4(p.module_dir).terraform.providers.push(p);
  for (const v of input.terraform.variables) at4(v.dir).terraform.variables.push(v);
  for (const s of input.packer.sources) at4(s.template_dir).packer.sources.push(s);
  for (const b of input.packer.builds) at4(b.template_dir).packer.builds.push(b);
  for (const v of input.packer.variables) at4(v.dir).packer.variables.push(v);
  return [...byDir.keys()].sort().map((k) => ({ folder: k, input: byDir.get(k) }));
}
var ENTITY_LISTS = [
  ["terraform", "resources"],
  ["terraform", "providers"],
  ["terraform", "variables"],
  ["packer", "sources"],
  ["packer", "builds"],
  ["packer", "variables"]
];
var listOf2 = (b, [side, key]) => b[side][key];
function keeping(b, keep) {
  const out = { ...b, terraform: { ...b.terraform }, packer: { ...b.packer } };
  for (const l of ENTITY_LISTS) out[l[0]][l[1]] = listOf2(b, l).filter((e) => keep(e, l));
  return out;
}
function evaluateFolder(engine, folder, b) {
  try {
    return { outcomes: engine.evaluate(b), failures: [] };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    const failing = /* @__PURE__ */ new Map();
    for (const l of ENTITY_LISTS) {
      for (const x of listOf2(b, l)) {
        try {
          engine.evaluate(keeping(b, (y, m) => m === l && y === x));
        } catch (alone) {
          if (!(alone instanceof PolicyError)) throw alone;
          failing.set(x.id, { folder, entity: x.id, files: [{ file: x.file, side: l[0] }], message: alone.message });
        }
      }
    }
    if (failing.size) {
      try {
        return { outcomes: engine.evaluate(keeping(b, (y) => !failing.has(y.id))), failures: [...failing.values()] };
      } catch (rest) {
        if (!(rest instanceof PolicyError)) throw rest;
      }
    }
    const files = /* @__PURE__ */ new Map();
    for (const l of ENTITY_LISTS) for (const x of listOf2(b, l)) files.set(`${l[0]}\0${x.file}`, { file: x.file, side: l[0] });
    return { outcomes: [], failures: [{ folder, files: [...files.values()].sort((p, q) => p.file < q.file ? -1 : p.file > q.file ? 1 : 0), message: e.message }] };
  }
}
function evaluateAll(bundles, batches, progress = () => void 0) {
  let evaluated2 = 0;
  const out = { outcomes: [], failures: [] };
  for (const p of bundles) {
    for (const b of batches) {
      const r = evaluateFolder(p.engine, b.folder, b.input);
      for (const o of r.outcomes) out.outcomes.push(o);
      for (const f of r.failures) out.failures.push(f);
      progress(++evaluated2, bundles.length * batches.length);
    }
  }
  return out;
}

// src/controls/catalog.ts
init_types();
init_byte_order();
var CatalogError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "CatalogError";
  }
};
function indexCatalog(raw) {
  const c = raw;
  if (!c || !Array.isArray(c.rules)) throw new CatalogError("catalog has no rules list");
  const byPackage = /* @__PURE__ */ new Map();
  const byId = /* @__PURE__ */ new Map();
  for (const r of c.rules) {
    if (typeof r.id !== "string" || typeof r.package !== "string" || !isSeverity(r.severity)) {
      throw new CatalogError(`catalog entry is malformed: ${JSON.stringify(r).slice(0, 120)}`);
    }
    if (byId.has(r.id)) throw new CatalogError(`rule id ${r.id} appears twice in the catalog`);
    byPackage.set(r.package, r);
    byId.set(r.id, r);
  }
  return { catalog: c, byPackage, byId };
}
function mergeCatalogs(base, extras) {
  if (!extras.length) return base;
  const rules = [...base.catalog.rules];
  const controls = structuredClone(base.catalog.controls);
  for (const { index, source } of extras) {
    for (const r of index.catalog.rules) {
      if (rules.some((x) => x.id === r.id || x.package === r.package)) {
        throw new CatalogError(`policy bundle ${source}: rule ${r.id} clashes with a rule already loaded`);
      }
      rules.push(r);
      for (const fw of ["iso27017", "iso27002", "soc2"]) {
        for (const id of r.controls[fw]) {
          const c = controls[fw][id] ??= { title: index.catalog.controls?.[fw]?.[id]?.title ?? id, rules: [] };
          if (!c.rules.includes(r.id)) c.rules.push(r.id);
        }
      }
    }
  }
  rules.sort((a, b) => compareUtf8(a.id, b.id));
  return indexCatalog({ ...base.catalog, rules, controls });
}

// src/errors.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/engine/bundles.ts
function defaultAssetsDir() {
  const here = path11.dirname(fileURLToPath2(import.meta.url));
  for (const dir of [here, path11.resolve(here, ".."), path11.resolve(here, "..", "..", "dist")]) {
    if (existsSync2(path11.join(dir, "policy.wasm")) && existsSync2(path11.join(dir, "catalog.json"))) return dir;
  }
  return path11.resolve(here, "..", "..", "dist");
}
var sha256 = (b) => createHash3("sha256").update(b).digest("hex");
var loaded = /* @__PURE__ */ new Map();
var MAX_BUNDLE_WASM_BYTES = 64 * 1024 * 1024;
function loadPolicies(assetsDir, read = (name) => readFileSync(path11.join(assetsDir, name))) {
  let p = loaded.get(assetsDir);
  if (!p) {
    p = (async () => {
      try {
        const wasm = read("policy.wasm");
        const catalogText = read("catalog.json");
        const catalog = indexCatalog(JSON.parse(catalogText.toString("utf8")));
        return { engine: await PolicyEngine.load(wasm), catalog, policySha256: sha256(wasm), catalogSha256: sha256(catalogText) };
      } catch (e) {
        throw new Error(`the policy bundle in ${assetsDir} failed to load (${e instanceof Error ? e.message : String(e)}); nothing was evaluated`);
      }
    })();
    loaded.set(assetsDir, p);
  }
  return p;
}
async function loadUserBundles(workspace, root, dirs) {
  const seen2 = /* @__PURE__ */ new Map();
  const out = [];
  for (const given of dirs) {
    const abs = path11.resolve(root, given);
    const dir = isInside(workspace, abs) ? path11.relative(workspace, abs).split(path11.sep).join("/") || "." : given;
    let real;
    try {
      real = confinedRealPath(workspace, abs, `policy bundle folder ${dir}`, "folder");
    } catch (e) {
      if (e instanceof WorkspaceReadError) throw new UsageError(e.message);
      throw e;
    }
    const twice = seen2.get(real);
    if (twice !== void 0) throw new UsageError(`policy bundle ${dir} is named twice${twice === dir ? "" : ` (also as ${twice})`}: name each bundle once, in the configuration or as a flag/input`);
    seen2.set(real, dir);
    for (const name of ["policy.wasm", "catalog.json"]) {
      if (!existsSync2(path11.join(real, name))) throw new UsageError(`policy bundle folder ${dir} has no ${name}: build it with \`controlgate policy build <dir> --out ${dir}\``);
    }
    const read = (name) => readWorkspaceFile(workspace, path11.join(real, name), name === "policy.wasm" ? MAX_BUNDLE_WASM_BYTES : CONTROL_FILE_BYTES, "policy bundle file", `${dir}/${name}`).bytes;
    try {
      out.push({ dir, loaded: await loadPolicies(real, read) });
    } catch (e) {
      loaded.delete(real);
      throw new UsageError(`policy bundle ${dir} cannot be used: ${e instanceof Error ? e.message.replace(/^the policy bundle in \S+ failed to load \((.*)\); nothing was evaluated$/s, "$1") : String(e)}`);
    }
  }
  return out;
}

// src/baseline/baseline.ts
var import_ajv = __toESM(require_ajv(), 1);

// src/model/shard.ts
function fnv1a32(s) {
  let h = 2166136261;
  for (const b of Buffer.from(s, "utf8")) {
    h ^= b;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}
function shardOf(folder, count2) {
  return 1 + fnv1a32(folder) % count2;
}
function ownsFolder(shard) {
  if (!shard) return () => true;
  const memo = /* @__PURE__ */ new Map();
  return (folder) => {
    let v = memo.get(folder);
    if (v === void 0) memo.set(folder, v = shardOf(folder, shard.count) === shard.index);
    return v;
  };
}

// src/controls/map.ts
init_types();
import { createHash as createHash4 } from "node:crypto";

// src/model/entities.ts
init_locations();
function callChain(site) {
  const out = [];
  for (let c = site; c; c = c.parent) out.unshift({ file: c.file, line: c.line, module: c.module });
  return out;
}
function originsAt(entries2, path13) {
  if (path13.length === 0) return [];
  const out = /* @__PURE__ */ new Map();
  for (const e of entries2 ?? []) {
    const n = Math.min(e.path.length, path13.length);
    let same = true;
    for (let i = 0; i < n && same; i++) same = e.path[i] === path13[i];
    if (same) for (const o of e.origins) out.set(`${o.file}:${o.line}:${o.variable}`, o);
  }
  return [...out.values()].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
}
function locateIn(loc, rel) {
  const full = [...loc.locPath, ...rel];
  if (loc.layers) {
    const written = remapPath(full, loc.remaps ?? []);
    if (hasPrefix(written, loc.locPath)) {
      const r = written.slice(loc.locPath.length);
      for (let i = loc.layers.length - 1; i >= 0; i--) {
        const l = loc.layers[i];
        if (!l.paths.some((p) => hasPrefix(r, p))) continue;
        const hit2 = l.locations.resolve([...l.at, ...r]);
        if (hit2) return { file: l.file, ...hit2 };
      }
    }
  }
  const hit = loc.locations.resolve(full);
  return hit ? { file: loc.file, ...hit } : void 0;
}

// src/util/multimap.ts
function pushAt(m, key, x) {
  const list3 = m.get(key);
  if (list3) list3.push(x);
  else m.set(key, [x]);
}

// src/util/heap.ts
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { isMainThread } from "node:worker_threads";
var gc;
function collector() {
  if (gc !== void 0) return gc;
  const exposed = globalThis.gc;
  if (typeof exposed === "function") return gc = exposed;
  try {
    v8.setFlagsFromString("--expose-gc");
    const made = runInNewContext("gc");
    gc = typeof made === "function" ? made : null;
  } catch {
    gc = null;
  }
  return gc;
}
function youngGenerationBytes() {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0;
}
var GrowthCollector = class {
  /** `reduce`: each collection is memory-reducing (see step); the default, in a bounded worker only. */
  constructor(margin, reduce = !isMainThread) {
    this.margin = margin;
    this.reduce = reduce;
  }
  margin;
  reduce;
  live = 0;
  /**
   * Between two steps of a scan: true when it collected. With `reduce`, the collection is V8's
   * memory-reducing one (gc's "last-resort" flavor: full collections until nothing more is freed,
   * the young generation shrunk back, fragmented pages compacted), which lowers the peak of a long
   * scan in the bounded worker (src/cli/bounded.ts) at some CPU. Measured on 2 cores, single runs:
   * gen-50k 291-306 MiB peak against 309-316 with plain collections, gen-20k 236 against 249-268;
   * bench-results/2026-12-04-2.md (medians of 3, with the other savings of that day, against the
   * build of fb23c1d): gen-20k 235 against 276 MiB for wall x1.08, gen-50k 293 against 377 MiB for
   * x1.02. On the main thread (small scans, an unbounded young generation) it only cost time: the
   * corpus 3.71 s against 3.56 s, the same peak (bench-results/2026-12-04.md).
   */
  step() {
    const bound = this.live + Math.max(this.margin, youngGenerationBytes());
    if (v8.getHeapStatistics().used_heap_size <= bound) return false;
    const f = collector();
    if (!f) return false;
    if (this.reduce) f({ type: "major", execution: "sync", flavor: "last-resort" });
    else f();
    this.live = v8.getHeapStatistics().used_heap_size;
    return true;
  }
};
function detached(s) {
  return s.length < 13 ? s : JSON.parse(JSON.stringify(s));
}
function withDetachedStrings(o) {
  const out = { ...o };
  for (const k of Object.keys(out)) if (typeof out[k] === "string") out[k] = detached(out[k]);
  return out;
}

// src/controls/map.ts
init_byte_order();
var MAX_VALUE_TEXT = 80;
var isObj10 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isUnknownValue2 = (v) => isObj10(v) && typeof v.__unknown__ === "string";
function hclText(v) {
  if (isUnknownValue2(v)) return /\$\{|%\{/.test(v.__unknown__) ? JSON.stringify(v.__unknown__) : v.__unknown__;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return String(v);
  if (isExactNumber(v)) return v.rawJSON;
  if (Array.isArray(v)) return `[${v.map(hclText).join(", ")}]`;
  if (isObj10(v)) {
    const fields = Object.entries(v).map(([k, x]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${hclText(x)}`);
    return fields.length ? `{ ${fields.join(", ")} }` : "{}";
  }
  return String(v);
}
function valueText(v, redactValue = (x) => x) {
  const shown = redactValue(v);
  let s = hclText(shown);
  if (isUnknownValue2(shown) && !s.startsWith('"')) s += " (not known statically)";
  s = s.replace(/[\u0000-\u001f\u007f]/g, " ");
  return s.length > MAX_VALUE_TEXT ? `${s.slice(0, MAX_VALUE_TEXT - 1)}\u2026` : s;
}
function valueAt(config, path13) {
  let node = config;
  for (const seg of path13) {
    if (typeof seg === "number") node = Array.isArray(node) ? node[seg] : seg === 0 ? node : void 0;
    else node = isObj10(node) && !isUnknownValue2(node) ? node[seg] : void 0;
    if (node === void 0) return void 0;
  }
  return node;
}
function seenText(v, redactValue) {
  return seenWords(v) ?? `is ${valueText(v, redactValue)}`;
}
function seenWords(v) {
  if (v === void 0 || v === null) return "is not set";
  if (Array.isArray(v) && v.length > 0 && v.every((x) => isObj10(x) && !isUnknownValue2(x))) return v.length === 1 ? "is set (1 block)" : `is set (${v.length} blocks)`;
  if (isObj10(v) && !isUnknownValue2(v)) return "is set";
  if (Array.isArray(v) && v.length === 0) return "is empty ([])";
  return void 0;
}
function pathText(path13, config) {
  let out = "";
  let node = config;
  for (const seg of path13) {
    if (typeof seg === "number") {
      const many = Array.isArray(node) && node.length > 1;
      if (many || !Array.isArray(node) && seg !== 0) out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : void 0;
    } else {
      out += out ? `.${seg}` : seg;
      node = node && typeof node === "object" && !Array.isArray(node) ? node[seg] : void 0;
    }
  }
  return out;
}
var CLOUD_NAMES = [
  { test: /^(aws_|aws$|amazon-|amazon$)/, names: ["AWS", "EKS"] },
  { test: /^(azurerm_|azuread_|azapi_|azurerm$|azuread$|azapi$|azure-|azure$)/, names: ["Azure", "AKS"] },
  { test: /^(google_|google-beta_|google$|google-beta$|googlecompute)/, names: ["GCP", "GKE", "Google"] }
];
var ALL_CLOUD_NAMES = new Set(CLOUD_NAMES.flatMap((c) => c.names));
function cisFor(cis, type) {
  const own2 = type === void 0 ? void 0 : CLOUD_NAMES.find((c) => c.test.test(type));
  if (!own2) return cis;
  return cis.filter((ref) => {
    const clouds = (/^CIS\s+(\S+)/.exec(ref)?.[1] ?? "").split("/").filter((n) => ALL_CLOUD_NAMES.has(n));
    return clouds.length === 0 || clouds.some((n) => own2.names.includes(n));
  });
}
var controlsByType = /* @__PURE__ */ new WeakMap();
function controlsFor(meta, type) {
  let byType = controlsByType.get(meta);
  if (!byType) controlsByType.set(meta, byType = /* @__PURE__ */ new Map());
  let c = byType.get(type);
  if (!c) byType.set(type, c = Object.freeze({ ...meta.controls, cis: Object.freeze(cisFor(meta.controls.cis, type)) }));
  return c;
}
function fingerprint(id, file, resource, path13) {
  return createHash4("sha256").update(JSON.stringify([id, file, resource, path13])).digest().subarray(0, 16).toString("hex");
}
function messageParts(meta, o, config) {
  const base = o.sub ? meta.subresults[o.sub]?.message ?? meta.message : meta.message;
  if (o.path.length === 0) return base;
  const where = detached(pathText(o.path, config));
  if (meta.secret) return { base, where, value: void 0, as: "in" };
  if (!o.hasActual) {
    const seen2 = valueAt(config, o.path);
    const words = seenWords(seen2);
    return words === void 0 ? { base, where, value: seen2, as: "seen" } : { base, where, value: words, as: "said" };
  }
  return { base, where, value: o.actual, as: "actual" };
}
function renderMessage(p, redactValue) {
  if (typeof p === "string") return p;
  switch (p.as) {
    case "in":
      return `${p.base} (in ${p.where})`;
    case "said":
      return `${p.base} (${p.where} ${p.value})`;
    case "seen":
      return `${p.base} (${p.where} ${seenText(p.value, redactValue)})`;
    case "actual":
      return `${p.base} (${p.where} is ${valueText(p.value, redactValue)})`;
  }
}
function messageFor(meta, o, config, redactValue) {
  return renderMessage(messageParts(meta, o, config), redactValue);
}
function locate(loc, path13) {
  if (!loc) return { file: "", range: { startLine: 1, endLine: 1 } };
  const hit = locateIn(loc, path13);
  return { file: hit?.file ?? loc.file, range: hit ? { startLine: hit.range.startLine, endLine: hit.range.endLine } : { startLine: 1, endLine: 1 } };
}
function blockRangeOf(loc, file) {
  if (!loc) return {};
  const layer = file === loc.file ? void 0 : [...loc.layers ?? []].reverse().find((l) => l.file === file);
  const hit = layer ? layer.locations.resolve(layer.at) : loc.locations.resolve(loc.locPath);
  return hit?.exact ? { blockRange: { startLine: hit.range.startLine, endLine: hit.range.endLine } } : {};
}
function mapOutcomes(outcomes, ctx) {
  const findings = [];
  const messages = ctx.deferMessages ? [] : void 0;
  const unmapped = /* @__PURE__ */ new Set();
  const status = /* @__PURE__ */ new Map();
  const key = (ruleId, res) => `${ruleId}\0${res}`;
  const addresses = /* @__PURE__ */ new Map();
  const addressOf = (resource) => {
    let a = addresses.get(resource);
    if (a === void 0) addresses.set(resource, a = (ctx.keptAddress ?? detached)(ctx.entities.get(resource)?.address ?? resource));
    return a;
  };
  const setStatus = (meta, resource, s, reason) => {
    const k = key(meta.id, resource);
    const prev = status.get(k);
    const file = ctx.locator.get(resource)?.file ?? "";
    const rank = { passed: 0, not_evaluated: 1, waived: 2, failed: 3 };
    if (!prev || rank[s] > rank[prev.status]) {
      status.set(k, { ruleId: meta.id, resource: addressOf(resource), file, status: s, ...reason ? { reason } : {} });
    }
  };
  const ranges = /* @__PURE__ */ new Map();
  const sharedRange = (r) => {
    const k = `${r.startLine}:${r.endLine}`;
    const had = ranges.get(k);
    if (had) return had;
    ranges.set(k, r);
    return r;
  };
  const kept = ctx.kept ?? new KeptValues();
  const findingOf = (meta, o) => {
    const loc = ctx.locator.get(o.resource);
    const entity = ctx.entities.get(o.resource);
    const id = o.sub ? kept.text(`${meta.id}/${o.sub}`) : meta.id;
    const severity = o.sub ? meta.subresults[o.sub]?.severity ?? meta.severity : meta.severity;
    const { file, range } = locate(loc, o.path);
    const block = blockRangeOf(loc, file).blockRange;
    const address = addressOf(o.resource);
    return {
      ruleId: meta.id,
      id,
      severity,
      title: meta.title,
      message: ctx.deferMessages ? "" : messageFor(meta, o, entity?.config, ctx.redactValue),
      remediation: meta.remediation,
      controls: controlsFor(meta, entity?.type),
      file,
      range: sharedRange(range),
      ...block ? { blockRange: sharedRange(block) } : {},
      resource: address,
      path: kept.path(o.path),
      fingerprint: fingerprint(id, file, address, o.path),
      ...loc?.callSite ? { callSite: callChain(loc.callSite).at(-1), callChain: callChain(loc.callSite) } : {},
      ...valueFrom(loc?.origins, o.path)
    };
  };
  for (const o of outcomes) {
    const meta = ctx.catalog.byPackage.get(o.rule);
    if (!meta) {
      unmapped.add(o.rule);
      continue;
    }
    if (o.kind === "applies") {
      setStatus(meta, o.resource, "passed");
      continue;
    }
    if (o.kind === "unknown") {
      setStatus(meta, o.resource, "not_evaluated", o.reason ? `depends on ${o.reason}` : "depends on a value not known statically");
      continue;
    }
    findings.push({ ...findingOf(meta, o), ...o.coveredBy ? { coveredBy: o.coveredBy } : {} });
    if (messages) messages.push(kept.messageParts(messageParts(meta, o, ctx.entities.get(o.resource)?.config)));
    setStatus(meta, o.resource, "failed");
  }
  const evaluations = [...status.values()].sort(compareEvaluations);
  if (messages) return { findings, evaluations, unmappedRules: [...unmapped].sort(), messages };
  findings.sort(compareFindings);
  return { findings, evaluations, unmappedRules: [...unmapped].sort() };
}
function valueFrom(origins, at4) {
  const found = originsAt(origins, at4);
  return found.length ? { valueFrom: found } : {};
}
function compareFindings(a, b) {
  return compareUtf8(a.file, b.file) || a.range.startLine - b.range.startLine || severityRank(b.severity) - severityRank(a.severity) || compareUtf8(a.id, b.id) || compareUtf8(a.fingerprint, b.fingerprint) || compareUtf8(a.message, b.message) || a.range.endLine - b.range.endLine || compareUtf8(a.callSite?.file ?? "", b.callSite?.file ?? "") || (a.callSite?.line ?? 0) - (b.callSite?.line ?? 0) || compareUtf8(a.callSite?.module ?? "", b.callSite?.module ?? "");
}
function compareEvaluations(a, b) {
  return compareUtf8(a.ruleId, b.ruleId) || compareUtf8(a.file, b.file) || compareUtf8(a.resource, b.resource) || compareUtf8(a.status, b.status) || compareUtf8(a.reason ?? "", b.reason ?? "");
}

// src/baseline/baseline.ts
var BASELINE_MAX_BYTES = 16 * 1024 * 1024;

// src/model/verdict.ts
init_types();

// src/waivers/waivers.ts
function isValidDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = /* @__PURE__ */ new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// src/waivers/inline.ts
var OURS = /^\s*controlgate:ignore\b\s*(.*)$/;
function parseArgs(s) {
  const words = [];
  const pairs = {};
  for (const m of s.matchAll(/([A-Za-z_-]+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))|(\S+)/g)) {
    if (m[1]) pairs[m[1].toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1");
    else if (m[5]) words.push(m[5]);
  }
  return { words, pairs };
}
var RULE_ID = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+(?:\/[a-z0-9-]+)?$/;
function ruleProblem(rule) {
  if (!rule) return "no rule id after controlgate:ignore";
  if (/[*?]/.test(rule)) return `an inline waiver names rule ids (like VMH-AWS-001), not a pattern: "${rule}" is rejected`;
  if (!RULE_ID.test(rule)) return `"${rule}" is not a rule id (like VMH-AWS-001 or VMH-AWS-001/hop-limit)`;
  return void 0;
}
function parseOwnDirectives(comment) {
  const m = OURS.exec(comment);
  if (!m) return [];
  const { words, pairs } = parseArgs(m[1] ?? "");
  const rules = (words[0] ?? "").split(",").filter(Boolean);
  return (rules.length ? rules : [""]).map((rule) => {
    const d = { source: "inline", rule };
    if (pairs.reason !== void 0) d.reason = pairs.reason;
    if (pairs.approver !== void 0) d.approver = pairs.approver;
    if (pairs.ticket !== void 0) d.ticket = pairs.ticket;
    if (pairs.expires !== void 0) d.expires = pairs.expires;
    const problem = ruleProblem(rule) ?? (d.expires !== void 0 && !isValidDate(d.expires) ? `expires must be a date YYYY-MM-DD (got "${d.expires}")` : void 0);
    if (problem) d.problem = problem;
    return d;
  });
}
function targetOf(comment, locations, wholeBlock = false) {
  let best;
  if (wholeBlock) {
    for (const r of locations.ranges()) {
      if (r.startLine <= comment.line && comment.line <= r.endLine && (!best || r.endLine - r.startLine > best.endLine - best.startLine)) best = r;
    }
    if (best) return best;
  }
  const n = comment.trailing ? comment.line : comment.nextCodeLine;
  if (n !== void 0) {
    for (const r of locations.ranges()) {
      if (r.startLine === n && (!best || r.endLine - r.startLine > best.endLine - best.startLine)) best = r;
    }
  }
  if (best) return best;
  for (const r of locations.ranges()) {
    if (r.startLine < comment.line && comment.line <= r.endLine && (!best || r.endLine - r.startLine < best.endLine - best.startLine)) best = r;
  }
  return best;
}
var MARKERS = /controlgate:ignore|checkov:skip|tfsec:ignore|trivy:ignore|ts:skip/;
function inlineWaivers(file, text, locations, parsers) {
  if (!MARKERS.test(text)) return [];
  const out = [];
  for (const c of locations.comments(text)) {
    for (const d of parsers.flatMap((p) => p(c.text))) {
      const target = targetOf(c, locations, d.wholeBlock);
      const w = { id: `${d.source}:${file}:${c.line}:${d.rule}`, source: d.source, rule: d.rule, file, line: c.line };
      if (d.peerId) w.peerId = d.peerId;
      if (d.unmapped) w.problem = `no Controlgate rule is equivalent to ${d.source} check ${d.peerId}`;
      if (d.reason !== void 0) w.reason = d.reason;
      if (d.expires !== void 0) w.expires = d.expires;
      if (d.approver !== void 0) w.approver = d.approver;
      if (d.ticket !== void 0) w.ticket = d.ticket;
      if (d.problem) w.problem = d.problem;
      if (target) w.target = target;
      else w.problem ??= "not placed before or inside a block or attribute";
      out.push(w);
    }
  }
  return out;
}
var ownDirectives = parseOwnDirectives;

// src/normalize/secrets.ts
var SHAPES = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/g,
  // AWS access key ids
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  // PEM private keys
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g,
  // GitHub tokens
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  // Slack tokens
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  // Google API keys
  /\bsk_live_[0-9A-Za-z]{24,}\b/g
  // Stripe live keys
];
var SHAPE_HINT = /AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|-----BEGIN |gh[pousr]_|xox[abprs]-|AIza|sk_live_/;
function eachMatch(re, s, visit2) {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    visit2(m);
    if (m[0] === "") re.lastIndex++;
  }
  re.lastIndex = 0;
}
var ASSIGNMENT = /(?:password|passwd|pwd|secret|token|api_key|apikey|access_key)["']?\s*[=:]\s*["']?([^\s"'$`{}<>()]{6,})/gi;
var QUOTED = /"((?:[^"\\$]|\\.){6,})"/g;
var CREDENTIAL_NAME = /(^|_|-)(password|passwd|secret|secret_key|secret_access_key|access_key|client_secret|api_key|token|access_token|private_key|credentials|account_key|sas_token|connection_string|admin_password|auth_token)$/i;
var COMMON = /^(true|false|null|none|changeme|change_me|required|optional|enabled|disabled|default|example|placeholder|password|secret|\*+|x+)$/i;
function looksSecret(s) {
  const shaped = /[0-9]/.test(s) || /[^A-Za-z0-9_-]/.test(s) || s.length >= 12 && /[a-z]/.test(s) && /[A-Z]/.test(s);
  return s.length >= 8 && shaped && worthMasking(s);
}
function worthMasking(s) {
  const t = s.trim();
  return t.length >= 6 && !COMMON.test(t) && !/^\$\{|^\{\{/.test(t);
}
var isObj11 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function walkStrings(v, key, visit2, depth = 0) {
  if (depth > 200) return;
  if (typeof v === "string") visit2(v, key);
  else if (Array.isArray(v)) for (const x of v) walkStrings(x, key, visit2, depth + 1);
  else if (isObj11(v)) for (const [k, x] of Object.entries(v)) walkStrings(x, k, visit2, depth + 1);
}
function sensitiveVariableNames(files) {
  const names = /* @__PURE__ */ new Set();
  for (const f of files) {
    const vars = f.body.variable;
    if (isObj11(vars)) {
      for (const [name, list3] of Object.entries(vars)) {
        const bodies2 = Array.isArray(list3) ? list3 : [list3];
        if (bodies2.some((b) => isObj11(b) && (b.sensitive === true || b.sensitive === "true"))) names.add(name);
      }
    }
    const legacy = f.body["sensitive-variables"];
    if (Array.isArray(legacy)) {
      for (const n of legacy) if (typeof n === "string") names.add(n);
    }
  }
  return names;
}
function collectSecrets(files, sensitive = sensitiveVariableNames(files)) {
  const found = /* @__PURE__ */ new Set();
  const add = (s) => {
    if (worthMasking(s)) found.add(s);
  };
  for (const f of files) {
    const vars = f.body.variable;
    if (isObj11(vars)) {
      for (const [name, list3] of Object.entries(vars)) {
        if (!sensitive.has(name)) continue;
        for (const b of Array.isArray(list3) ? list3 : [list3]) if (isObj11(b)) walkStrings(b.default, "default", add);
      }
    }
    const legacyVars = f.body.variables;
    if (isObj11(legacyVars)) for (const n of sensitive) walkStrings(legacyVars[n], n, add);
    if (f.file.kind === "terraform-vars" || f.file.kind === "packer-vars") {
      for (const n of sensitive) walkStrings(f.body[n], n, add);
    }
    walkStrings(f.body, "", (s, key) => {
      if (CREDENTIAL_NAME.test(key)) {
        if (!s.includes("${") && !s.startsWith("{{")) {
          if (looksSecret(s)) add(s);
        } else eachMatch(QUOTED, s, (m) => {
          if (looksSecret(m[1])) add(m[1]);
        });
      }
      if (SHAPE_HINT.test(s)) for (const re of SHAPES) eachMatch(re, s, (m) => add(m[0]));
      eachMatch(ASSIGNMENT, s, (m) => {
        if (looksSecret(m[1])) add(m[1]);
      });
    });
    if (SHAPE_HINT.test(f.text)) for (const re of SHAPES) eachMatch(re, f.text, (m) => add(m[0]));
  }
  return [...found].sort(longestFirst);
}
function longestFirst(a, b) {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

// src/util/redaction.ts
var MIN_MASK_LENGTH = 8;
var MIN_MASK_ENTROPY = 3;
var COMMON2 = /^(true|false|null|none|changeme|change_me|required|optional|enabled|disabled|default|example|placeholder|password|secret|\*+|x+)$/i;
var IDENTIFIER = /^(?:[a-z]+(?:[_.-][a-z]+)*|[a-z]+(?:[A-Z][a-z]+)+|(?:[A-Z][a-z]+)+|[A-Z]+(?:_[A-Z]+)*)$/;
var PATH_LIKE = /^(?:[A-Za-z]:)?[\w.@+~-]*(?:[\\/][\w.@+~-]*)+$|^[\w@+~-][\w.@+~-]*\.[A-Za-z][A-Za-z0-9]{0,9}$/;
function entropy(s) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) h -= c / n * Math.log2(c / n);
  return h;
}
function classes(s) {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
}
function plausiblySecret(s, keep = /* @__PURE__ */ new Set()) {
  const t = s.trim();
  if (t.length < MIN_MASK_LENGTH || /[\r\n]/.test(t)) return false;
  if (COMMON2.test(t) || PATH_LIKE.test(t) || IDENTIFIER.test(t) || keep.has(t)) return false;
  if (entropy(t) < MIN_MASK_ENTROPY) return false;
  return classes(t) >= (t.length >= 16 ? 2 : 3);
}
function maskableSet(names) {
  const keep = /* @__PURE__ */ new Set();
  const add = (n) => {
    if (!keep.has(n) && plausiblySecret(n)) keep.add(n);
  };
  for (const n of names) {
    add(n);
    for (const part of n.split(/[\\/]/)) if (part) add(part);
  }
  return keep;
}

// src/normalize/plan.ts
init_errors();

// src/waivers/suppressions.ts
function equivalenceMap(rules) {
  const map2 = /* @__PURE__ */ new Map();
  for (const r of rules) {
    for (const eq of r.equivalents) {
      const k = eq.trim().toUpperCase();
      pushAt(map2, k, r.id);
    }
  }
  return map2;
}
var PATTERNS = {
  checkov: /^\s*checkov:skip=([A-Za-z0-9_]+)(?::\s*(.*))?$/,
  terrascan: /^\s*ts:skip=\s*([A-Za-z0-9_.-]+)(?:\s+(.*))?$/,
  tfsec: /^\s*tfsec:ignore:([A-Za-z0-9_-]+)((?::[a-z]+:[^:\s]+)*)\s*$/,
  trivy: /^\s*trivy:ignore:([A-Za-z0-9_-]+)((?::[a-z]+:[^:\s]+)*)\s*$/
};
function peerDirectives(scanner, equivalents) {
  const source = scanner;
  return (comment) => {
    const m = PATTERNS[scanner].exec(comment);
    if (!m) return [];
    const peerId = m[1];
    const base = { source, peerId, wholeBlock: scanner === "checkov" || scanner === "terrascan" };
    if ((scanner === "checkov" || scanner === "terrascan") && m[2]?.trim()) base.reason = m[2].trim();
    if (scanner === "tfsec" || scanner === "trivy") {
      const exp = /:exp:([^:\s]+)/.exec(m[2] ?? "");
      if (exp) {
        base.expires = exp[1];
        if (!isValidDate(exp[1])) base.problem = `exp must be a date YYYY-MM-DD (got "${exp[1]}")`;
      }
    }
    const ours = equivalents.get(peerId.toUpperCase());
    if (!ours) return [{ ...base, rule: peerId, unmapped: true }];
    return ours.map((rule) => ({ ...base, rule }));
  };
}

// src/engine/scan.ts
init_byte_order();

// src/model/evaluation-table.ts
var STATUSES = ["failed", "passed", "waived", "not_evaluated"];
var STATUS_CODE = new Map(STATUSES.map((s, i) => [s, i]));

// src/controls/finding-store.ts
var BEFORE_MESSAGE = ["ruleId", "id", "severity", "title"];
var AFTER_MESSAGE = ["remediation", "controls", "file", "range", "blockRange", "resource", "path"];
var SPARSE = ["callSite", "callChain", "valueFrom", "coveredBy"];
var KNOWN = /* @__PURE__ */ new Set([...BEFORE_MESSAGE, "message", ...AFTER_MESSAGE, "fingerprint", ...SPARSE]);

// src/engine/stream.ts
init_byte_order();
var CHUNK_BYTES = 1024 * 1024;
var PARSE_CACHE_BYTES = 4 * 1024 * 1024;
var GC_MARGIN = 32 * 1024 * 1024;
function entitiesOf(input) {
  const entities = /* @__PURE__ */ new Map();
  for (const r of input.terraform.resources) entities.set(r.id, { address: r.address, config: r.config, type: r.type });
  for (const p of input.terraform.providers) entities.set(p.id, { address: p.alias ? `provider.${p.name}.${p.alias}` : `provider.${p.name}`, config: p.config, type: p.name });
  for (const v of [...input.terraform.variables, ...input.packer.variables]) entities.set(v.id, { address: `var.${v.name}`, config: { default: v.default } });
  for (const s of input.packer.sources) entities.set(s.id, { address: s.address, config: s.config, type: s.type });
  for (const b of input.packer.builds) entities.set(b.id, { address: `build.${b.name}`, config: b });
  return entities;
}
function evaluationErrors(f, locator, entities) {
  const kindOf2 = (file, side) => file.toLowerCase().endsWith(".json") ? `${side}-json` : side;
  if (f.entity !== void 0) {
    const loc = locator.get(f.entity);
    const at4 = loc?.locations.resolve(loc.locPath);
    const { file, side } = f.files[0];
    const what = entities.get(f.entity)?.address ?? f.entity;
    return [{ path: loc?.file ?? file, kind: kindOf2(file, side), message: `${f.message}, on ${what}: it has no results of this policy bundle; the folder's other resources are evaluated without it`, range: at4 ? { ...at4.range } : { startLine: 1, endLine: 1 } }];
  }
  return f.files.map(({ file, side }) => ({
    path: file,
    kind: kindOf2(file, side),
    message: `${f.message}, in folder ${f.folder || "."}: none of its results of this policy bundle are reported`,
    range: { startLine: 1, endLine: 1 }
  }));
}
function evaluated(ctx, normalized, kept, progress) {
  const { input, locator, summary, mirrors } = normalized;
  const entities = entitiesOf(input);
  const keptAddresses = /* @__PURE__ */ new Map();
  const keptAddress = (a) => {
    let k = keptAddresses.get(a);
    if (k === void 0) keptAddresses.set(a, k = detached(a));
    return k;
  };
  const addresses = [...maskableSet([...entities.values()].map((e) => e.address))].map(keptAddress);
  const batches = batchesByFolder(input).filter((b) => ctx.owns(b.folder)).map((b) => ctx.settings ? { folder: b.folder, input: { ...b.input, settings: ctx.settings } } : b);
  const { outcomes, failures } = evaluateAll(ctx.bundles, batches, progress);
  const errors = [];
  for (const f of failures) for (const e of evaluationErrors(f, locator, entities)) errors.push(e);
  for (const x of normalized.refused) {
    errors.push({
      path: x.file,
      kind: x.file.toLowerCase().endsWith(".json") ? "terraform-json" : "terraform",
      message: `OpenTofu refuses this configuration: ${x.reason}; it cannot be planned, and the checks of its root module's resources are not evaluated until this is fixed`,
      range: x.range
    });
  }
  const mapped = mapOutcomes(
    outcomes.filter((o) => !mirrors.has(o.resource)),
    { catalog: ctx.catalog, locator, entities, deferMessages: true, keptAddress, kept }
  );
  return { addresses, errors, findings: mapped.findings, messages: mapped.messages, evaluations: mapped.evaluations, unmapped: mapped.unmappedRules, sensitive: normalized.sensitiveValues, summary };
}
function inlineWaiversOf(files, directives) {
  return files.flatMap((p) => p.file.path.toLowerCase().endsWith(".json") ? [] : inlineWaivers(p.file.path, p.text, p.locations, directives));
}
var isTerraform = (k) => k === "terraform" || k === "terraform-json";
var isJson = (f) => f.path.toLowerCase().endsWith(".json");
var MODULE = Buffer.from("module");
var SENSITIVE = Buffer.from("sensitive");
var MODULE_BLOCK = /(?<![\w.-])module(?:[\t ]+["A-Za-z_{\u0080-\u00ff]|["{])/;
function mayCall(f, bytes) {
  if (!isTerraform(f.kind) || !bytes.includes(MODULE)) return false;
  return isJson(f) || MODULE_BLOCK.test(bytes.toString("latin1"));
}
function mayDeclareSensitive(bytes) {
  return bytes.includes(SENSITIVE);
}
async function survey(files, parseOpts, cache3, progress, gc2) {
  const out = { calls: /* @__PURE__ */ new Map(), localCalls: [], sensitiveNames: /* @__PURE__ */ new Set() };
  let done = 0;
  for (const f of files) {
    progress(done++);
    const bytes = peekFile(f.absPath, parseOpts.maxFileBytes);
    if (bytes && !mayCall(f, bytes) && !mayDeclareSensitive(bytes)) continue;
    const r = await cache3.get(f, parseOpts);
    gc2.step();
    if (isFileError(r)) continue;
    noteFile(r, out);
  }
  return out;
}
function noteFile(p, into) {
  if (isTerraform(p.file.kind)) {
    const sources = moduleSources(p.body);
    if (sources.length) {
      const dir = dirOf2(p.file.path);
      for (const src of sources) pushAt(into.calls, dir, detached(src));
      into.localCalls.push(...calledFolders([p]).map(withDetachedStrings));
    }
  }
  for (const n of sensitiveVariableNames([p])) into.sensitiveNames.add(detached(n));
}
var ParseCache = class {
  constructor(budget) {
    this.budget = budget;
  }
  budget;
  kept = /* @__PURE__ */ new Map();
  bytes = 0;
  uses;
  plan(chunks, files) {
    const uses = /* @__PURE__ */ new Map();
    for (const c of chunks) for (const i of c.files) uses.set(files[i].path, (uses.get(files[i].path) ?? 0) + 1);
    this.uses = uses;
    for (const [p, k] of this.kept) {
      if (!uses.get(p)) {
        this.kept.delete(p);
        this.bytes -= k.bytes;
      }
    }
  }
  async get(f, opts) {
    const hit = this.kept.get(f.path);
    const r = hit?.r ?? await parseFile(f, opts);
    if (this.uses) {
      const left = (this.uses.get(f.path) ?? 1) - 1;
      this.uses.set(f.path, left);
      if (left <= 0) {
        if (hit) {
          this.kept.delete(f.path);
          this.bytes -= hit.bytes;
        }
        return r;
      }
    }
    const bytes = f.size ?? 0;
    if (!hit && this.bytes + bytes <= this.budget) {
      this.kept.set(f.path, { r, bytes });
      this.bytes += bytes;
    }
    return r;
  }
};
async function computeChunk(c, src, ctx, cache3, kept) {
  const { files, modules } = src;
  const parsed = [];
  const owned = [];
  const ownedAt = [];
  const scanned = [];
  const fileErrors = [];
  for (const i of c.files) {
    const f = files[i];
    const r = await cache3.get(f, src.parseOpts);
    const mine = c.owned.has(f.path);
    if (isFileError(r)) {
      if (mine) fileErrors.push([i, r]);
      continue;
    }
    parsed.push(r);
    if (mine) {
      owned.push(r);
      ownedAt.push(i);
      scanned.push([i, r.sha256]);
    }
  }
  const extra = c.extra.map((i) => modules.files[i]);
  const ownedExtra = c.extra.filter((i) => c.owned.has(modules.files[i].file.path));
  try {
    const normalized = normalize(parsed, {
      varFiles: src.varFiles,
      modules: { files: extra, manifests: modules.manifests, workspaces: modules.workspaces },
      roots: c.roots,
      owns: (f) => c.owned.has(f.file.path)
    });
    const e = evaluated(ctx, normalized, kept);
    const secrets = [...collectSecrets([...owned, ...ownedExtra.map((i) => modules.files[i])], src.sensitiveNames)];
    const inline = [];
    owned.forEach((p, j) => {
      const w = inlineWaiversOf([p], ctx.directives);
      if (w.length) inline.push([ownedAt[j], w]);
    });
    return { evaluated: e, secrets, scanned, fileErrors, extra: ownedExtra, inline, folders: c.folders };
  } finally {
    forgetGroup();
  }
}
var ChunkClaim = class {
  constructor(order, shared2) {
    this.order = order;
    this.taken = new Int32Array(shared2);
  }
  order;
  taken;
  at = 0;
  /** Memory for the flags of `chunks` chunks, shared by every thread's ChunkClaim. */
  static shared(chunks) {
    return new SharedArrayBuffer(4 * Math.max(1, chunks));
  }
  /** This thread's next chunk no thread has taken, or undefined when none is left. */
  next() {
    while (this.at < this.order.length) {
      const i = this.order[this.at++];
      if (Atomics.compareExchange(this.taken, i, 0, 1) === 0) return i;
    }
    return void 0;
  }
};

// src/engine/scan.ts
async function scanContext(opts) {
  const root = path12.resolve(opts.root);
  const workspace = path12.resolve(opts.workspace ?? root);
  const builtIn = await loadPolicies(opts.assetsDir ?? defaultAssetsDir());
  const extra = await loadUserBundles(workspace, root, opts.policyBundles ?? []);
  let catalog;
  try {
    catalog = mergeCatalogs(builtIn.catalog, extra.map((e) => ({ index: e.loaded.catalog, source: e.dir })));
  } catch (e) {
    if (e instanceof CatalogError) throw new UsageError(e.message);
    throw e;
  }
  const owns = ownsFolder(opts.shard);
  const equivalents = equivalenceMap(catalog.catalog.rules);
  const directives = [ownDirectives, ...(opts.suppressions ?? []).map((s) => peerDirectives(s, equivalents))];
  const ctx = { bundles: [builtIn, ...extra.map((e) => e.loaded)], catalog, owns, settings: ruleSettings(opts), directives, passedAsCount: opts.passedChecks === "count" };
  return { builtIn, extra, catalog, ctx };
}
function ruleSettings(opts) {
  const s = {
    ...opts.ownerTagKeys ? { owner_tag_keys: opts.ownerTagKeys } : {},
    ...opts.classificationTagKeys ? { classification_tag_keys: opts.classificationTagKeys } : {},
    ...opts.restrictedClassifications ? { restricted_classifications: opts.restrictedClassifications } : {}
  };
  return Object.keys(s).length ? s : void 0;
}

// src/engine/chunk-worker.ts
var port = parentPort;
var data = workerData?.controlgateChunks;
if (!port || !data) throw new Error("chunk-worker.js runs as the chunk worker of a scan (src/engine/chunk-pool.ts), not on its own");
var cache2 = new ParseCache(PARSE_CACHE_BYTES);
var loaded2 = scanContext(data.context);
loaded2.catch(() => void 0);
var next = () => new Promise((resolve) => port.once("message", resolve));
void work().then(
  () => port.postMessage({ stopped: true }),
  (e) => port.postMessage({ stopped: true, error: e instanceof Error ? e.message : String(e) })
);
async function work() {
  const m = await next();
  const s = await survey(m.files.slice(m.surveyFrom), data.parseOpts, cache2, () => void 0, new GrowthCollector(GC_MARGIN, false));
  port.postMessage({ survey: s });
  await run(await next());
}
async function run(plan) {
  const { ctx } = await loaded2;
  const src = sourcesFromWire(plan.src);
  const claim = new ChunkClaim(plan.order, plan.claimed);
  cache2.plan(plan.chunks, src.files);
  const kept = new KeptValues();
  for (let i = claim.next(); i !== void 0; i = claim.next()) {
    const r = await computeChunk(plan.chunks[i], src, ctx, cache2, kept);
    port.postMessage({ index: i, result: resultToWire(r) });
  }
}
