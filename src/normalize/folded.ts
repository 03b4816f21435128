// What the parse layer folded away, as the parser recorded it (src/parse/source-literals.ts).
// hcl2json (and fast-hcl, which gives its output) evaluates a template made only of literals into one
// string and gives a number literal as a JSON number, so three things reach the evaluator changed:
//   "x${null}"                  arrives as "xnull"; OpenTofu refuses a null inside a template,
//   "x${0.0000001}"             arrives with the number printed as JavaScript does ("x1e-7"),
//   n = 12345678901234567890    arrives as the float64 12345678901234567000 (1e400 as Infinity, 1e-400 as 0).
// The parser saw the tokens: such an attribute gets a RawFix instead of its folded value (rewrite:
// the value with the folded literals kept as interpolations; number: the literal read exactly), and
// so does a number leaf of a tuple or object. JSON syntax files are read again here, losslessly.
// An attribute holding a tuple of objects ("x = [{ a = f() }]") gets a rewrite of its own value too:
// the shape gives it as a list of nested blocks, which the body evaluator would take apart.
import type { ParsedFile } from '../parse/parse.js';
import type { FoldedTemplate, ObjectTuple } from '../parse/source-literals.js';
import type { PathSegment } from '../model/locations.js';
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

/** A value moved to another container (a block an override file merged, src/normalize/overrides.ts) keeps its fix. */
export function carryFix(from: object, key: string, to: object): void {
  const fix = fixes.get(from)?.get(key);
  if (fix) at(to, key, fix);
}

/** The raw element `key` of a tuple or object inside an attribute, as the evaluator should see it. */
export function rawAt(container: object, key: string, written: unknown): unknown {
  return fixes.get(container)?.get(key) ?? written;
}

/** The text OpenTofu gives a number literal in a template (cty's number to string). */
function ctyText(raw: string): string | undefined {
  return BigNum.parse(raw.replace(/\s+/g, ''))?.text();
}

/** Record the fixes of one file's values (once per file). */
export function registerFolded(f: ParsedFile): void {
  if (seen.has(f)) return;
  seen.add(f);
  if (f.file.path.toLowerCase().endsWith('.json')) {
    if (LONG_JSON_NUM.test(f.text)) registerJsonNumbers(f);
    return;
  }
  for (const lit of f.literals ?? []) {
    const container = navigate(f.body, lit.path.slice(0, -1));
    const key = String(lit.path[lit.path.length - 1]);
    if (typeof container !== 'object' || container === null || !(key in container)) continue;
    const current = (container as Record<string, unknown>)[key];
    const fix = lit.kind === 'number' ? numberFix(lit.text, current) : lit.kind === 'template' ? (templateFix(lit) ?? tupleFix(lit, current)) : tupleFix(lit, current);
    if (fix) at(container, key, fix);
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
 * An attribute whose strings had a null or a number folded into template text: its value with them
 * kept as interpolations ("xnull" is "x${null}" again, for the evaluator to refuse or to skip in a
 * branch not taken), when a null was folded or a number's text differs from OpenTofu's.
 */
function templateFix(t: FoldedTemplate): RawFix | undefined {
  if (t.nulls || t.numbers.some((n) => n.shown !== ctyText(n.raw))) return new RawFix('rewrite', t.source, t.kept);
  return undefined;
}

/**
 * An attribute holding a tuple of objects, which the body's shape cannot tell from a list of nested
 * blocks: evaluated as the one value it is (its own raw value, unchanged, as a rewrite).
 */
function tupleFix(t: FoldedTemplate | ObjectTuple, current: unknown): RawFix | undefined {
  if (!Array.isArray(current) || current.length === 0 || !current.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) return undefined;
  return new RawFix('rewrite', t.source, current);
}

/** A number literal a float64 does not hold exactly (or prints otherwise): read from its text. */
function numberFix(text: string, parsed: unknown): RawFix | undefined {
  if (typeof parsed !== 'number') return undefined;
  const exact = BigNum.parse(text);
  if (!exact) return undefined;
  const needed = !Number.isFinite(parsed) || (parsed === 0 && !exact.isZero()) || Math.abs(parsed) >= 2 ** 53 || BigNum.fromJs(parsed).text() !== exact.text();
  return needed ? new RawFix('number', text) : undefined;
}

function navigate(body: unknown, path: readonly PathSegment[]): unknown {
  let v = body;
  for (const seg of path) {
    if (Array.isArray(v)) v = v[Number(seg)];
    else if (typeof v === 'object' && v !== null) v = (v as Record<string, unknown>)[seg];
    else return undefined;
  }
  return v;
}
