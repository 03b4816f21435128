// One JSON form for values from both sides of the OpenTofu differential test
// (tests/resolve/tofu-differential.test.ts): what `tofu show -json` prints and what Controlgate hands
// the policies. Numbers are kept as their exact decimal text (tofu prints arbitrary-precision
// numbers, which JSON.parse would round to float64) and written in one normal form, object keys are
// sorted, unknown values are {"__unknown__":true}. Comparing two canonical texts compares values,
// type-aware: 1 and "1" differ, 0.3 and 3e-1 do not (see sameNumber for numbers).

/** A JSON number kept as text. */
export class Num {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }
}

/**
 * JSON.parse without losing numbers: every number becomes a Num holding its literal.
 * @param {string} text
 * @returns {unknown}
 */
export function parseLossless(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`${what} at offset ${i} of JSON text`);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out = {};
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = string();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        Object.defineProperty(out, k, { value: value(), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i++] !== '}') fail('expected "}"');
        return out;
      }
    }
    if (c === '[') {
      i++;
      const out = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i++] !== ']') fail('expected "]"');
        return out;
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 4096));
    if (!m) fail('unexpected character');
    i += m[0].length;
    return new Num(m[0]);
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const v = value();
  ws();
  if (i !== text.length) fail('trailing text');
  return v;
}

/**
 * A number literal in normal form: no exponent, no leading or trailing zeros ("0.3", "-12",
 * "1000000000000000000000"); scientific ("1.5e-500") only beyond 400 digits of exponent.
 * @param {string} literal
 */
export function canonicalNumber(literal) {
  const m = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(literal);
  if (!m) throw new SyntaxError(`not a number: ${literal}`);
  const [, sign, int, frac = '', exp = '0'] = m;
  // value = 0.<all> * 10^(int.length + exp); each leading zero dropped moves the point left.
  const all = int + frac;
  let digits = all.replace(/^0+/, '');
  if (digits === '') return '0';
  const point = int.length + Number(exp) - (all.length - digits.length);
  digits = digits.replace(/0+$/, '');
  if (Math.abs(point) > 400) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${point - 1}`;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Whether two number literals are the same number to the policies. OPA keeps an integer from
 * JSON exact at any size, so integers must be equal digit for digit; a fraction is an IEEE double
 * there, so fractions agree when they are the same double (OpenTofu's 512-bit 1.1 * 3 is
 * 3.3000...0002, which is the double 3.3).
 * @param {string} a
 * @param {string} b
 */
export function sameNumber(a, b) {
  const ca = canonicalNumber(a);
  const cb = canonicalNumber(b);
  if (ca === cb) return true;
  const integer = (c) => !c.includes('.') && !c.includes('e');
  if (integer(ca) && integer(cb)) return false;
  return Number(ca) === Number(cb) && Number.isFinite(Number(ca));
}

/** @param {unknown} v */
export function isUnknownMarker(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Num) && Object.keys(v).length === 1 && '__unknown__' in v;
}

/**
 * The canonical text of a value from parseLossless (or plain JSON data): sorted keys, normal
 * numbers, any {"__unknown__": ...} written as {"__unknown__":true}.
 * @param {unknown} v
 * @returns {string}
 */
export function stringifyCanonical(v) {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Num) return canonicalNumber(v.text);
  if (typeof v === 'number') return canonicalNumber(JSON.stringify(v));
  if (Array.isArray(v)) return `[${v.map(stringifyCanonical).join(',')}]`;
  if (typeof v === 'object') {
    if (isUnknownMarker(v)) return '{"__unknown__":true}';
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stringifyCanonical(v[k])}`).join(',')}}`;
  }
  throw new TypeError(`not a JSON value: ${String(v)}`);
}

/**
 * Canonical text of a JSON text.
 * @param {string} text
 */
export function canonicalJson(text) {
  return stringifyCanonical(parseLossless(text));
}

/**
 * How our canonical value compares with OpenTofu's: "agree" (equal), "unknown" (ours is unknown
 * somewhere OpenTofu knows the value, and every known part agrees) or "wrong" (a different
 * concrete value, or a value where OpenTofu itself has none).
 * @param {string} ours canonical text
 * @param {string} tofu canonical text
 * @returns {'agree' | 'unknown' | 'wrong'}
 */
export function compareCanonical(ours, tofu) {
  return compareTrees(parseLossless(ours), parseLossless(tofu));
}

/** @returns {'agree' | 'unknown' | 'wrong'} */
function compareTrees(a, b) {
  if (isUnknownMarker(a)) return isUnknownMarker(b) ? 'agree' : 'unknown';
  if (isUnknownMarker(b)) return 'wrong';
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return 'wrong';
    return worst(a.map((x, i) => compareTrees(x, b[i])));
  }
  if (a instanceof Num || b instanceof Num) return a instanceof Num && b instanceof Num && sameNumber(a.text, b.text) ? 'agree' : 'wrong';
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return 'wrong';
    return worst(ka.map((k) => compareTrees(a[k], b[k])));
  }
  return a === b ? 'agree' : 'wrong';
}

/**
 * True when a canonical value holds no known leaf at all: unknown, or a non-empty collection of
 * such values. What an expression OpenTofu refuses must come out as.
 * @param {string} ours canonical text
 */
export function isWhollyUnknown(ours) {
  const walk = (v) => {
    if (isUnknownMarker(v)) return true;
    if (Array.isArray(v)) return v.length > 0 && v.every(walk);
    if (typeof v === 'object' && v !== null && !(v instanceof Num)) {
      const vals = Object.values(v);
      return vals.length > 0 && vals.every(walk);
    }
    return false;
  };
  return walk(parseLossless(ours));
}

/** @param {Array<'agree' | 'unknown' | 'wrong'>} results */
export function worst(results) {
  return results.includes('wrong') ? 'wrong' : results.includes('unknown') ? 'unknown' : 'agree';
}
