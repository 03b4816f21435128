// format() and formatlist() as go-cty's stdlib (format.go, format_fsm.go): Go's fmt verbs with
// flags, width, precision and [n] argument indexes; numbers formatted from the big float exactly as
// Go's big.Float / big.Int Format; widths are checked against the string budget before padding.
import { BigNum } from './bignum.js';
import type { Budget } from './budget.js';
import { convert } from './convert.js';
import { BOOL, NUMBER, STRING, asBool, asNum, asStr, isNull, type Val } from './cty.js';
import { graphemes } from './text.js';
import { EvalError } from './values.js';

interface Verb {
  raw: string;
  argNum: number;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number;
  prec: number;
  mode: string;
}

/** The JSON text of a value (jsonencode), given by the caller to avoid an import cycle. */
export type JsonText = (v: Val) => string;

export function formatString(spec: string, args: Val[], budget: Budget, json: JsonText): string {
  let out = '';
  let nextArg = 1;
  let highest = 0;
  let i = 0;
  while (i < spec.length) {
    const c = spec[i]!;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    if (spec[i + 1] === '%') {
      out += '%';
      i += 2;
      continue;
    }
    const start = i;
    i++;
    const v: Verb = { raw: '', argNum: nextArg, minus: false, plus: false, sharp: false, space: false, zero: false, width: -1, prec: -1, mode: '' };
    for (; i < spec.length; i++) {
      const f = spec[i];
      if (f === '-') v.minus = true;
      else if (f === '+') v.plus = true;
      else if (f === '#') v.sharp = true;
      else if (f === ' ') v.space = true;
      else if (f === '0') v.zero = true;
      else break;
    }
    if (spec[i] === '[') {
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
    if (spec[i] === '.') {
      i++;
      const p = /^[0-9]*/.exec(spec.slice(i))![0];
      v.prec = p === '' ? 0 : Number(p);
      i += p.length;
    }
    const mode = spec[i];
    if (mode === undefined) throw new EvalError(`invalid format string starting at offset ${start}`);
    const cp = spec.codePointAt(i)!;
    v.mode = String.fromCodePoint(cp);
    i += v.mode.length;
    v.raw = spec.slice(start, i);
    if (!'vtbdoxXeEfgGsq'.includes(v.mode)) throw new EvalError(`unrecognized format character ${JSON.stringify(v.mode)} at offset ${i - 1}`);
    if (v.width > 0) budget.string(v.width);
    if (v.prec > 0) budget.string(v.prec);
    if (v.argNum > highest) highest = v.argNum;
    nextArg = v.argNum + 1;
    const piece = formatVerb(v, args, json);
    budget.string(out.length + piece.length);
    out += piece;
  }
  if (highest < args.length) {
    throw new EvalError(highest === 0 ? 'too many arguments; no verbs in format string' : `too many arguments; only ${highest} used by format string`);
  }
  return out;
}

function formatVerb(v: Verb, args: Val[], json: JsonText): string {
  const arg = args[v.argNum - 1];
  if (!arg) throw new EvalError(`not enough arguments for "${v.raw}": need index ${v.argNum} but have ${args.length} total`);
  if (v.mode !== 'v' && isNull(arg)) throw new EvalError(`unsupported value for "${v.raw}": null value cannot be formatted`);
  switch (v.mode) {
    case 'v':
      if (!v.sharp && !isNull(arg)) {
        if (arg.t.k === 'string') return padWidth(v, asStr(arg));
        if (arg.t.k === 'number') return padWidth(v, gShortest(asNum(arg)));
      }
      return padWidth(v, json(arg));
    case 't':
      return asBool(convert(arg, BOOL)) ? 'true' : 'false';
    case 's':
    case 'q': {
      let s = asStr(convert(arg, STRING));
      if (v.prec > 0) s = graphemes(s).slice(0, v.prec).join('');
      return padWidth(v, v.mode === 's' ? s : json({ t: STRING, v: s }));
    }
    default: {
      const n = asNum(convert(arg, NUMBER));
      if ('bdoxX'.includes(v.mode)) {
        if (n.inf || !n.isInt()) throw new EvalError(`unsupported value for "${v.raw}": an integer is required`);
        // Printed as a big.Int: a negative zero has no sign.
        const i = n.trunc();
        return goPad(v, intDigits(v, i), i < 0n);
      }
      return goPad(v, floatDigits(v, n), n.neg);
    }
  }
}

/** Width padding of strings and %v, counted in grapheme clusters. */
function padWidth(v: Verb, s: string): string {
  if (v.width < 0) return s;
  const len = graphemes(s).length;
  if (len >= v.width) return s;
  const pad = (v.zero ? '0' : ' ').repeat(v.width - len);
  return v.minus ? s + pad : pad + s;
}

/** Go's big.Int formatting of |n| with precision and '#' prefixes (the sign is added by goPad). */
function intDigits(v: Verb, n: bigint): string {
  const a = n < 0n ? -n : n;
  const base = v.mode === 'b' ? 2 : v.mode === 'o' ? 8 : v.mode === 'd' ? 10 : 16;
  let digits = a.toString(base);
  if (v.mode === 'X') digits = digits.toUpperCase();
  if (v.prec >= 0) {
    if (v.prec === 0 && a === 0n) digits = '';
    else if (digits.length < v.prec) digits = '0'.repeat(v.prec - digits.length) + digits;
  }
  if (v.sharp) {
    if (v.mode === 'x') digits = `0x${digits}`;
    else if (v.mode === 'X') digits = `0X${digits}`;
    else if (v.mode === 'b') digits = `0b${digits}`;
    else if (v.mode === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
  }
  return digits;
}

/** Sign, then zero or space padding as Go's fmt does for numbers (zero padding after the sign). */
function goPad(v: Verb, body: string, neg: boolean): string {
  const sign = neg ? '-' : v.plus ? '+' : v.space ? ' ' : '';
  const len = sign.length + body.length;
  if (v.width <= len) return sign + body;
  const padLen = v.width - len;
  const isInf = body === 'Inf';
  const intWithPrec = 'bdoxX'.includes(v.mode) && v.prec >= 0;
  if (v.minus) return sign + body + ' '.repeat(padLen);
  if (v.zero && !isInf && !intWithPrec) {
    const prefix = /^0[xXbB]/.exec(body)?.[0] ?? '';
    return sign + prefix + '0'.repeat(padLen) + body.slice(prefix.length);
  }
  return ' '.repeat(padLen) + sign + body;
}

/** %e %E %f %g %G of |n| (big.Float.Format). */
function floatDigits(v: Verb, n: BigNum): string {
  if (n.inf) return 'Inf';
  const a = n.abs();
  let mode = v.mode;
  const upper = mode === 'E' || mode === 'G';
  mode = mode.toLowerCase();
  if (mode === 'g' && v.prec < 0) return upper ? gShortest(a).toUpperCase() : gShortest(a);
  const prec = v.prec < 0 ? 6 : v.prec;
  const d = decimalOf(a);
  if (mode === 'f') {
    roundTo(d, d.exp + prec);
    return fixed(d, prec);
  }
  if (mode === 'e') {
    roundTo(d, prec + 1);
    const s = expo(d, prec);
    return upper ? s.toUpperCase() : s;
  }
  // %g with a precision: significant digits, trailing zeros removed unless '#'.
  const p = prec === 0 ? 1 : prec;
  roundTo(d, p);
  const x = d.exp - 1;
  let s: string;
  if (x < -4 || x >= p) s = expo(d, Math.min(p, Math.max(d.digits.length, 1)) - 1);
  else s = fixed(d, Math.max(Math.min(p, d.digits.length) - d.exp, 0));
  return upper ? s.toUpperCase() : s;
}

/** big.Float.Text('g', -1) (%v of a number): shortest digits; %e form when the exponent is < -4 or >= 6. */
function gShortest(n: BigNum): string {
  if (n.inf) return n.neg ? '-Inf' : '+Inf';
  const sign = n.neg ? '-' : '';
  const d = decimalFromText(n.abs().text());
  if (d.digits === '') return `${sign}0`;
  const x = d.exp - 1;
  if (x < -4 || x >= 6) return sign + expo(d, d.digits.length - 1);
  let prec = d.digits.length;
  if (prec > d.exp) prec = d.digits.length;
  return sign + fixed(d, Math.max(prec - d.exp, 0));
}

interface Dec {
  digits: string;
  exp: number;
}

/** The exact decimal digits of a number (its shortest text is exact enough: it round-trips at its precision). */
function decimalOf(n: BigNum): Dec {
  return decimalFromText(n.exactText());
}

function decimalFromText(t: string): Dec {
  const [ip, fp = ''] = t.split('.');
  const all = (ip === '0' ? '' : ip!) + fp;
  const lead = /^0*/.exec(all)![0].length;
  const digits = all.slice(lead).replace(/0+$/, '');
  const exp = (ip === '0' ? 0 : ip!.length) - lead;
  return { digits, exp: digits === '' ? 0 : exp };
}

function roundTo(d: Dec, n: number): void {
  if (n < 0) {
    d.digits = '';
    d.exp = 0;
    return;
  }
  if (n >= d.digits.length) return;
  const c = d.digits[n]!;
  const up = c === '5' && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  if (!up) {
    d.digits = d.digits.slice(0, n).replace(/0+$/, '');
    return;
  }
  let k = n;
  while (k > 0 && d.digits[k - 1] === '9') k--;
  if (k === 0) {
    d.digits = '1';
    d.exp++;
    return;
  }
  d.digits = d.digits.slice(0, k - 1) + String.fromCharCode(d.digits.charCodeAt(k - 1) + 1);
}

const digitAt = (d: Dec, i: number): string => (i >= 0 && i < d.digits.length ? d.digits[i]! : '0');

function fixed(d: Dec, prec: number): string {
  let out = '';
  if (d.exp > 0) for (let i = 0; i < d.exp; i++) out += digitAt(d, i);
  else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digitAt(d, d.exp + i);
  }
  return out;
}

function expo(d: Dec, prec: number): string {
  let out = digitAt(d, 0);
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  let e = d.digits === '' ? 0 : d.exp - 1;
  const es = e < 0 ? '-' : '+';
  if (e < 0) e = -e;
  return `${out}e${es}${e < 10 ? '0' : ''}${e}`;
}
