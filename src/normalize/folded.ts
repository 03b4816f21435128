// What the parse layer folded away, recovered from the source text. hcl2json (and fast-hcl, which
// gives its output) evaluates a template made only of literals into one string and gives a number
// literal as a JSON number, so three things reach the evaluator changed:
//   "x${null}"                  arrives as "xnull"; OpenTofu refuses a null inside a template,
//   "x${12345678901234567890}"  may arrive with the number printed as a float64 ("x12345678901234567000"),
//   n = 12345678901234567890    arrives as the float64 12345678901234567000 (1e400 as Infinity, 1e-400 as 0).
// The source still holds what was written. An attribute whose lines hold such a literal gets a
// RawFix instead of its folded value (unknown: with the reason; number: the literal read exactly),
// and so does a leaf of a tuple or object that can only be a rounded literal. Attributes are the
// locator's granularity: a folded null inside a tuple makes the whole attribute refused, which is
// what OpenTofu does. Files without such text cost one regular-expression test.
import type { ParsedFile } from '../parse/parse.js';
import { lineOf, lineStarts } from '../parse/lines.js';
import { BigNum } from '../resolve/bignum.js';

/** What a raw value is evaluated as instead of what the parser gave. */
export class RawFix {
  constructor(
    readonly kind: 'unknown' | 'number' | 'rewrite',
    /** unknown: the unknown value's text (with " (error: ...)" when OpenTofu refuses it); number: the literal; rewrite: the source. */
    readonly text: string,
    /** rewrite: the raw value with the folded interpolations put back. */
    readonly raw?: unknown,
  ) {}
}

/** Fixes by container (a block body, or a tuple or object inside an attribute) and key (index for a tuple). */
const fixes = new WeakMap<object, Map<string, RawFix>>();
const seen = new WeakSet<ParsedFile>();

/** The raw value of attribute `key` of a body as the evaluator should see it. */
export function rawAttr(body: object, key: string): unknown {
  return fixes.get(body)?.get(key) ?? (body as Record<string, unknown>)[key];
}

/** The raw element `key` of a tuple or object inside an attribute, as the evaluator should see it. */
export function rawAt(container: object, key: string, written: unknown): unknown {
  return fixes.get(container)?.get(key) ?? written;
}

const QUICK = /\$\{~?\s*(?:null|-?[0-9.])|[0-9]{16}|[0-9.][eE][+-]?[0-9]/;
/** ${null} (not escaped as $${null}: an even number of $ before it). */
const NULL_INTERP = /(\$*)\$\{~?\s*null\s*~?\}/g;
/** ${<number literal>} inside a template. */
const NUM_INTERP = /(\$*)\$\{~?\s*(-?\s*(?:[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?))\s*~?\}/g;
/** A number literal that a float64 may not hold (16+ digits, or an exponent). */
const LONG_NUM = /(?<![\w.$])-?(?:[0-9]{16,}(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|[0-9]+\.[0-9]{15,}(?:[eE][+-]?[0-9]+)?|[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]+)(?![\w.])/g;

/** The text fast-hcl gives a number literal folded into a template (src/parse/fast-hcl.ts numberToString). */
function jsText(raw: string): string {
  const s = String(Number(raw));
  if (!/e/i.test(s)) return s;
  return /^\d+$/.test(raw) ? raw.replace(/^0+(?=\d)/, '') : s;
}

/** The text OpenTofu gives it (cty's number to string). */
function ctyText(raw: string): string | undefined {
  return BigNum.parse(raw.replace(/\s+/g, ''))?.text();
}

/** True when a raw value holds a string that passes the test. */
function holdsString(v: unknown, test: (s: string) => boolean, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof v === 'string') return test(v);
  if (Array.isArray(v)) return v.some((x) => holdsString(x, test, depth + 1));
  if (typeof v === 'object' && v !== null) return Object.values(v).some((x) => holdsString(x, test, depth + 1));
  return false;
}

interface Hit {
  line: number;
  kind: 'null' | 'number-in-template' | 'number';
  /** The number literal (number kinds). */
  literal?: string;
}

interface Attribute {
  hits: Hit[];
  raw: unknown;
  /** The value as written, for reasons. */
  source: string;
  oneLine: boolean;
}

/** Record the fixes of one file's attributes (once per file). */
export function registerFolded(f: ParsedFile): void {
  if (seen.has(f)) return;
  seen.add(f);
  if (f.file.path.toLowerCase().endsWith('.json')) {
    if (LONG_JSON_NUM.test(f.text)) registerJsonNumbers(f);
    return;
  }
  if (!QUICK.test(f.text)) return;
  const text = f.text;
  const starts = lineStarts(text);
  const lineAt = (offset: number): number => lineOf(starts, offset);
  const hits: Hit[] = [];
  for (const m of text.matchAll(NULL_INTERP)) if (m[1]!.length % 2 === 0) hits.push({ line: lineAt(m.index), kind: 'null' });
  for (const m of text.matchAll(NUM_INTERP)) {
    if (m[1]!.length % 2 !== 0) continue;
    const literal = m[2]!.replace(/\s+/g, '');
    if (jsText(literal) !== ctyText(literal)) hits.push({ line: lineAt(m.index), kind: 'number-in-template', literal });
  }
  for (const m of text.matchAll(LONG_NUM)) hits.push({ line: lineAt(m.index), kind: 'number', literal: m[0] });
  if (!hits.length) return;
  // The innermost located path spanning each hit's line: an attribute (nested object keys are not located).
  const located: Array<{ path: string[]; startLine: number; endLine: number }> = [];
  for (const key of f.locations.keys()) {
    const path = key.split('\u001f');
    const r = f.locations.get(path)!;
    located.push({ path, startLine: r.startLine, endLine: r.endLine });
  }
  const byAttr = new Map<object, Map<string, Attribute>>();
  for (const hit of hits) {
    let best: (typeof located)[number] | undefined;
    for (const l of located) if (l.startLine <= hit.line && hit.line <= l.endLine && (!best || l.path.length > best.path.length)) best = l;
    if (!best) continue;
    const parent = navigate(f.body, best.path.slice(0, -1));
    const key = best.path[best.path.length - 1]!;
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent) || !(key in parent)) continue;
    let attrs = byAttr.get(parent);
    if (!attrs) byAttr.set(parent, (attrs = new Map()));
    let a = attrs.get(key);
    if (!a) {
      a = { hits: [], raw: (parent as Record<string, unknown>)[key], source: sourceOf(text, starts, best.startLine, best.endLine, key), oneLine: best.startLine === best.endLine };
      attrs.set(key, a);
    }
    a.hits.push(hit);
  }
  for (const [parent, attrs] of byAttr) {
    for (const [key, a] of attrs) {
      const fix = templateFix(a) ?? numberFix(a);
      if (fix) at(parent, key, fix);
    }
  }
}

const LONG_JSON_NUM = /[0-9]{16}|[0-9.][eE][+-]?[0-9]|\.[0-9]{15}/;

/** A JSON value with every number kept as its text. */
class JsonNum {
  constructor(readonly text: string) {}
}

function parseJsonLossless(text: string): unknown {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (depth: number): unknown => {
    if (depth > 200) throw new SyntaxError('too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o = new Map<string, unknown>();
      ws();
      if (text[i] === '}') return i++, o;
      for (;;) {
        ws();
        const k = value(depth + 1);
        if (typeof k !== 'string') throw new SyntaxError('key');
        ws();
        if (text[i++] !== ':') throw new SyntaxError(':');
        o.set(k, value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i++] !== '}') throw new SyntaxError('}');
        return o;
      }
    }
    if (c === '[') {
      i++;
      const a: unknown[] = [];
      ws();
      if (text[i] === ']') return i++, a;
      for (;;) {
        a.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i++] !== ']') throw new SyntaxError(']');
        return a;
      }
    }
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      return JSON.parse(text.slice(start, i)) as string;
    }
    const m = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 1000));
    if (!m) throw new SyntaxError('value');
    i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    if (m[0] === 'null') return null;
    return new JsonNum(m[0]);
  };
  const v = value(0);
  ws();
  if (i !== text.length) throw new SyntaxError('trailing');
  return v;
}

/** A JSON file's numbers that a float64 rounded: fixed where the parsed body holds them (same shape as the text). */
function registerJsonNumbers(f: ParsedFile): void {
  let tree: unknown;
  try {
    tree = parseJsonLossless(f.text.replace(/^\ufeff/, ''));
  } catch {
    return;
  }
  const walk = (t: unknown, b: unknown, depth: number): void => {
    if (depth > 200) return;
    if (t instanceof Map && typeof b === 'object' && b !== null && !Array.isArray(b)) {
      for (const [k, x] of t) {
        const y = (b as Record<string, unknown>)[k];
        if (x instanceof JsonNum) fixLeaf(b, k, x.text, y);
        else walk(x, y, depth + 1);
      }
    } else if (Array.isArray(t) && Array.isArray(b) && t.length === b.length) {
      t.forEach((x, i) => (x instanceof JsonNum ? fixLeaf(b, String(i), x.text, b[i]) : walk(x, b[i], depth + 1)));
    }
  };
  const fixLeaf = (container: object, key: string, text: string, parsed: unknown): void => {
    if (typeof parsed !== 'number' || !LONG_JSON_NUM.test(text)) return;
    const exact = BigNum.parse(text);
    if (!exact || (Number.isFinite(parsed) && Math.abs(parsed) < 2 ** 53 && BigNum.fromJs(parsed).text() === exact.text())) return;
    at(container, key, new RawFix('number', text));
  };
  walk(tree, f.body, 0);
}

function at(container: object, key: string, fix: RawFix): void {
  let m = fixes.get(container);
  if (!m) fixes.set(container, (m = new Map()));
  m.set(key, fix);
}

/**
 * A null or a rounded number the parser folded into a template: the interpolation is put back
 * ("xnull" is "x${null}" again, for the evaluator to refuse or to skip in a branch not taken) when
 * every folded text is accounted for by the source; otherwise the attribute is unknown.
 */
function templateFix(a: Attribute): RawFix | undefined {
  const nulls = a.hits.filter((h) => h.kind === 'null').length;
  if (nulls) {
    const kept = countIn(a.raw, NULL_KEPT);
    const folded = countIn(a.raw, /null/g) - kept;
    if (folded > 0) {
      if (folded === nulls - kept) return new RawFix('rewrite', a.source, rewrite(a.raw, /\$\{~?\s*null\s*~?\}|null/g, (m) => (m === 'null' ? '${null}' : m)));
      return new RawFix('unknown', `${a.source} (error: the expression result is null: a template cannot include a null value)`);
    }
  }
  let raw = a.raw;
  let changed = false;
  for (const literal of new Set(a.hits.filter((h) => h.kind === 'number-in-template').map((h) => h.literal!))) {
    const wrong = jsText(literal);
    const right = ctyText(literal)!;
    const folded = countIn(raw, new RegExp(escapeRe(wrong), 'g')) - countIn(raw, new RegExp(escapeRe(right), 'g'));
    if (folded <= 0) continue;
    const written = a.hits.filter((h) => h.kind === 'number-in-template' && h.literal === literal).length - countIn(raw, new RegExp(`\\$\\{~?\\s*${escapeRe(literal)}\\s*~?\\}`, 'g'));
    if (folded !== written) return new RawFix('unknown', `${a.source} (the number ${literal} in this template was rounded when the file was read)`);
    raw = rewrite(raw, new RegExp(escapeRe(wrong), 'g'), () => `\${${literal}}`);
    changed = true;
  }
  return changed ? new RawFix('rewrite', a.source, raw) : undefined;
}

const NULL_KEPT = /\$\{~?\s*null\s*~?\}/g;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches of a global pattern in the strings of a raw value. */
function countIn(v: unknown, re: RegExp, depth = 0): number {
  if (depth > 64) return 0;
  if (typeof v === 'string') return (v.match(re) ?? []).length;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countIn(x, re, depth + 1), 0);
  if (typeof v === 'object' && v !== null) return Object.values(v).reduce((n: number, x) => n + countIn(x, re, depth + 1), 0);
  return 0;
}

/** A copy of a raw value with a replacement made in its strings (keys included). */
function rewrite(v: unknown, re: RegExp, to: (m: string) => string, depth = 0): unknown {
  if (depth > 64) return v;
  if (typeof v === 'string') return v.replace(re, to);
  if (Array.isArray(v)) return v.map((x) => rewrite(x, re, to, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(o, k, { value: rewrite(x, re, to, depth + 1), enumerable: true, writable: true, configurable: true });
    return o;
  }
  return v;
}

/**
 * Number literals a float64 rounded: the attribute's whole value read exactly (`name = <literal>`),
 * or each leaf of a tuple or object that can only be that literal (as many leaves hold its float64
 * as the attribute writes it, and no other literal rounds to the same float64): those leaf fixes
 * are recorded on their containers. A literal that became 0 or an infinity and cannot be told
 * apart makes the whole attribute unknown (else a wrong value or a false error).
 */
function numberFix(a: Attribute): RawFix | undefined {
  const literals = a.hits.filter((h) => h.kind === 'number').map((h) => h.literal!);
  if (!literals.length) return undefined;
  if (typeof a.raw === 'number') {
    // The evaluator cannot tell a float64 beyond 2^53 that is the literal from one that rounds it.
    if (a.oneLine && literals.length === 1 && a.source.replace(/\s+/g, '') === literals[0]) return new RawFix('number', literals[0]!);
    return undefined;
  }
  const byFloat = new Map<number, string[]>();
  for (const l of literals) {
    const f = Number(l);
    const key = Object.is(f, -0) ? 0 : f;
    byFloat.set(key, [...(byFloat.get(key) ?? []), l]);
  }
  for (const [f, ls] of byFloat) {
    const exact = BigNum.parse(ls[0]!);
    if (!exact) continue;
    const needed = !Number.isFinite(f) || (f === 0 && !exact.isZero()) || Math.abs(f) >= 2 ** 53 || BigNum.fromJs(f).text() !== exact.text();
    if (!needed) continue;
    const leaves: Array<[object, string]> = [];
    collectLeaves(a.raw, f, leaves);
    const oneLiteral = ls.every((l) => l === ls[0]);
    // Literals inside expressions the parser kept ("${12345678901234567890 + 1}") are read exactly already.
    const asLeaves = ls.length - occurrencesIn(a.raw, ls[0]!);
    if (oneLiteral && asLeaves <= 0) continue;
    if (oneLiteral && leaves.length === asLeaves) {
      for (const [c, k] of leaves) at(c, k, new RawFix('number', ls[0]!));
    } else if (f === 0 || !Number.isFinite(f)) {
      return new RawFix('unknown', `${a.source} (the number ${ls[0]} was rounded when the file was read)`);
    }
  }
  return undefined;
}

/** How many times `text` occurs inside the strings of v. */
function occurrencesIn(v: unknown, text: string, depth = 0): number {
  if (depth > 64) return 0;
  if (typeof v === 'string') return v.split(text).length - 1;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + occurrencesIn(x, text, depth + 1), 0);
  if (typeof v === 'object' && v !== null) return Object.values(v).reduce((n: number, x) => n + occurrencesIn(x, text, depth + 1), 0);
  return 0;
}

/** Every (container, key) inside v whose value is the number n. */
function collectLeaves(v: unknown, n: number, into: Array<[object, string]>, depth = 0): void {
  if (depth > 64 || typeof v !== 'object' || v === null) return;
  const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
  for (const [k, x] of entries) {
    if (typeof x === 'number' && x === n) into.push([v, k]);
    else collectLeaves(x, n, into, depth + 1);
  }
}

function navigate(body: unknown, path: string[]): unknown {
  let v = body;
  for (const seg of path) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (typeof v === 'object' && v !== null) v = (v as Record<string, unknown>)[seg];
    else return undefined;
  }
  return v;
}

/** The attribute's value as written (its lines, without "name =" and a comment at the end), for reasons. */
function sourceOf(text: string, lineStarts: number[], startLine: number, endLine: number, key: string): string {
  const from = lineStarts[startLine - 1] ?? 0;
  const to = endLine < lineStarts.length ? lineStarts[endLine]! - 1 : text.length;
  let s = text.slice(from, to).trim();
  const head = new RegExp(`(?:^|[\\s{])"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*[=:]\\s*`).exec(s);
  if (head) {
    const before = s.slice(0, head.index);
    s = s.slice(head.index + head[0].length);
    // A one-line block (`resource "a" "b" { input = 1 }`): its closing brace is not part of the value.
    if (before.includes('{')) s = s.replace(/\s*\}\s*$/, '');
  }
  s = s.replace(/\s+(?:#|\/\/)[^"\n]*$/, '');
  return s.length > 120 ? `${s.slice(0, 119)}…` : s;
}
