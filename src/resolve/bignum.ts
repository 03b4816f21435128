// Numbers as cty holds them: Go's math/big.Float, a BINARY floating point number with a precision
// in bits (512 for every number parsed from text, 64 for integers made by functions), rounding to
// nearest even. A decimal library would print other digits than OpenTofu (cty's 0.1 is the 512-bit
// binary number nearest to 0.1, and tostring() prints the shortest decimal that rounds back to it),
// so this is Go's algorithm on BigInt: value = (-1)^neg * mant * 2^exp, mant odd (or zero).
// Text() is big.Float.Text('f', -1) and Text('g', 10) digit for digit (math/big/ftoa.go).
// What math/big panics on (a NaN result: infinity minus infinity, zero times infinity, a NaN float64)
// is an EvalError: cty turns a function's panic into an error, which try(), can() and a conditional's
// other branch catch like any other.
import { EvalError } from './values.js';

export class BigNum {
  private constructor(
    readonly neg: boolean,
    /** Odd, or 0n for zero. */
    readonly mant: bigint,
    readonly exp: number,
    /** Precision in bits, as big.Float.Prec(). */
    readonly prec: number,
    readonly inf: boolean,
  ) {}

  static readonly PARSE_PREC = 512;

  static make(neg: boolean, mant: bigint, exp: number, prec: number, sticky = false): BigNum {
    if (mant === 0n) return new BigNum(neg, 0n, 0, prec, false);
    let m = mant;
    let e = exp;
    const bl = bitLen(m);
    if (bl > prec) {
      const s = bl - prec;
      const rem = m & ((1n << BigInt(s)) - 1n);
      const half = 1n << BigInt(s - 1);
      m >>= BigInt(s);
      e += s;
      if (rem > half || (rem === half && (sticky || (m & 1n) === 1n))) m += 1n;
    }
    const tz = trailingZeros(m);
    if (tz > 0) {
      m >>= BigInt(tz);
      e += tz;
    }
    return new BigNum(neg, m, e, prec, false);
  }

  static infinity(neg: boolean): BigNum {
    return new BigNum(neg, 0n, 0, 0, true);
  }

  /** An integer with the precision big.Float.SetInt gives it (max(bits, 64)). */
  static fromBigInt(n: bigint, prec?: number): BigNum {
    const neg = n < 0n;
    const a = neg ? -n : n;
    return BigNum.make(neg, a, 0, prec ?? Math.max(64, bitLen(a)));
  }

  static fromInt(n: number): BigNum {
    return BigNum.fromBigInt(BigInt(n), 64);
  }

  /** A float64 exactly, at 53 bits (cty.NumberFloatVal: what pow() and log() return). */
  static fromFloat64(f: number): BigNum {
    if (!Number.isFinite(f)) {
      if (Number.isNaN(f)) throw new EvalError('not a number');
      return BigNum.infinity(f < 0);
    }
    if (f === 0) return BigNum.make(Object.is(f, -0), 0n, 0, 53);
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, f);
    const bits = view.getBigUint64(0);
    const neg = bits >> 63n === 1n;
    const e = Number((bits >> 52n) & 0x7ffn);
    const frac = bits & ((1n << 52n) - 1n);
    const mant = e === 0 ? frac : frac | (1n << 52n);
    const exp = (e === 0 ? 1 : e) - 1075;
    return BigNum.make(neg, mant, exp, 53);
  }

  /** A JavaScript number (a value that came through JSON): its shortest text, parsed as cty parses text. */
  static fromJs(n: number): BigNum {
    if (!Number.isFinite(n)) return BigNum.infinity(n < 0);
    const r = BigNum.parse(String(n));
    if (!r) throw new RangeError(`not a number: ${n}`);
    return r;
  }

  /**
   * big.ParseFloat(s, 10, prec, ToNearestEven) as cty.ParseNumberVal uses it: an optional sign,
   * digits with an optional point, an optional exponent; "Inf"/"inf". No spaces, no underscores.
   */
  static parse(s: string, prec = BigNum.PARSE_PREC): BigNum | undefined {
    const inf = /^([+-]?)(?:inf|Inf)$/.exec(s);
    if (inf) return BigNum.infinity(inf[1] === '-');
    const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(s);
    if (!m) return undefined;
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    if (intPart === '' && frac === '') return undefined;
    const neg = m[1] === '-';
    const expText = m[4] ?? '0';
    if (expText.replace(/^[+-]?0*/, '').length > 7) return undefined; // beyond any sane exponent
    let dexp = Number(expText) - frac.length;
    let digits = (intPart + frac).replace(/^0+/, '');
    if (digits === '') return BigNum.make(neg, 0n, 0, prec);
    const stripped = digits.replace(/0+$/, '');
    dexp += digits.length - stripped.length;
    digits = stripped;
    if (Math.abs(dexp) > 400_000) return undefined;
    const d = BigInt(digits);
    if (dexp >= 0) return BigNum.make(neg, d * 10n ** BigInt(dexp), 0, prec);
    return quotient(neg, d, 0, 10n ** BigInt(-dexp), 0, prec);
  }

  isZero(): boolean {
    return !this.inf && this.mant === 0n;
  }

  isInt(): boolean {
    return !this.inf && (this.mant === 0n || this.exp >= 0);
  }

  sign(): number {
    if (this.isZero()) return 0;
    return this.neg ? -1 : 1;
  }

  neg_(): BigNum {
    return this.inf ? BigNum.infinity(!this.neg) : new BigNum(!this.neg, this.mant, this.exp, this.prec, false);
  }

  abs(): BigNum {
    return this.neg ? this.neg_() : this;
  }

  withPrec(prec: number): BigNum {
    return this.inf ? this : BigNum.make(this.neg, this.mant, this.exp, prec);
  }

  /** big.Float.Add with a fresh receiver: precision max of the operands'. */
  add(o: BigNum): BigNum {
    const prec = Math.max(this.prec, o.prec);
    if (this.inf || o.inf) {
      if (this.inf && o.inf && this.neg !== o.neg) throw new EvalError('infinity minus infinity');
      return this.inf ? this : o;
    }
    if (this.isZero()) return o.withPrec(prec);
    if (o.isZero()) return this.withPrec(prec);
    const e = Math.min(this.exp, o.exp);
    const a = signed(this) << BigInt(this.exp - e);
    const b = signed(o) << BigInt(o.exp - e);
    const s = a + b;
    return BigNum.make(s < 0n, s < 0n ? -s : s, e, prec);
  }

  sub(o: BigNum): BigNum {
    return this.add(o.neg_());
  }

  /** cty's Multiply: the product at 512 bits, then the larger of the operands' and the product's own precision. */
  mul(o: BigNum): BigNum {
    if (this.inf || o.inf) {
      if (this.isZero() || o.isZero()) throw new EvalError('zero times infinity');
      return BigNum.infinity(this.neg !== o.neg);
    }
    const p = BigNum.make(this.neg !== o.neg, this.mant * o.mant, this.exp + o.exp, 512);
    const minPrec = p.mant === 0n ? 0 : bitLen(p.mant);
    return new BigNum(p.neg, p.mant, p.exp, Math.max(this.prec, o.prec, minPrec), false);
  }

  /** big.Float.Quo with a fresh receiver; the caller refuses a zero divisor (HCL does). */
  div(o: BigNum): BigNum {
    const prec = Math.max(this.prec, o.prec);
    if (o.isZero()) return BigNum.infinity(this.neg !== o.neg);
    if (this.inf) return BigNum.infinity(this.neg !== o.neg);
    if (o.inf) return BigNum.make(this.neg !== o.neg, 0n, 0, prec);
    if (this.isZero()) return BigNum.make(this.neg !== o.neg, 0n, 0, prec);
    return quotient(this.neg !== o.neg, this.mant, this.exp, o.mant, o.exp, prec);
  }

  /** The integer part, toward zero (big.Float.Int). */
  trunc(): bigint {
    if (this.inf) throw new EvalError('infinity has no integer part');
    const v = this.exp >= 0 ? this.mant << BigInt(this.exp) : this.mant >> BigInt(-this.exp);
    return this.neg ? -v : v;
  }

  floor(): bigint {
    const t = this.trunc();
    return this.neg && !this.isInt() ? t - 1n : t;
  }

  ceil(): bigint {
    const t = this.trunc();
    return !this.neg && !this.isInt() ? t + 1n : t;
  }

  /** cty's Modulo: x - trunc(x/y)*y, at x's precision; x when y is zero. */
  mod(o: BigNum): BigNum {
    if (this.inf || o.inf) return this.mul(o);
    if (o.isZero()) return this;
    const q = this.div(o).trunc();
    const qf = BigNum.fromBigInt(q < 0n ? -q : q, this.prec);
    const work = (q < 0n ? qf.neg_() : qf).mul(o).withPrec(this.prec);
    return this.sub(work).withPrec(this.prec);
  }

  cmp(o: BigNum): number {
    if (this.inf || o.inf) {
      const a = this.inf ? (this.neg ? -1 : 1) : 0;
      const b = o.inf ? (o.neg ? -1 : 1) : 0;
      if (a !== b) return a < b ? -1 : 1;
      if (a !== 0) return 0;
    }
    const e = Math.min(this.exp, o.exp);
    const a = signed(this) << BigInt(this.exp - e);
    const b = signed(o) << BigInt(o.exp - e);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(o: BigNum): boolean {
    return this.cmp(o) === 0 && this.inf === o.inf && (!this.inf || this.neg === o.neg);
  }

  /** The nearest float64 (ToNearestEven), as big.Float.Float64. */
  toJs(): number {
    if (this.inf) return this.neg ? -Infinity : Infinity;
    return Number(this.text());
  }

  /** A safe JavaScript integer, or undefined. */
  toSafeInt(): number | undefined {
    if (!this.isInt()) return undefined;
    const t = this.trunc();
    return t >= BigInt(Number.MIN_SAFE_INTEGER) && t <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(t) : undefined;
  }

  /** big.Float.Text('f', -1): the shortest decimal that rounds back to this number at its precision. */
  text(): string {
    if (this.textMemo !== undefined) return this.textMemo;
    if (this.inf) return this.neg ? '-Inf' : '+Inf';
    const sign = this.neg ? '-' : '';
    if (this.mant === 0n) return `${sign}0`;
    // An integer held exactly (fewer bits than the precision) is its own shortest decimal.
    if (this.exp >= 0 && bitLen(this.mant) + this.exp <= this.prec) return (this.textMemo = sign + (this.mant << BigInt(this.exp)).toString());
    const d = this.viaFloat64() ?? this.shortest();
    return (this.textMemo = sign + fmtF(d, Math.max(d.digits.length - d.exp, 0)));
  }

  /**
   * The fast path of text(): when the shortest float64 text of the (absolute) value parses back to
   * exactly this number at its precision, it is the shortest decimal (two decimals of at most 17
   * digits differ by far more than a 128-bit or finer rounding interval). Undefined when it does not.
   */
  private viaFloat64(): Decimal | undefined {
    // Only where the rounding interval is far narrower than 17-digit spacing (not at float64's 53 bits,
    // where Go's symmetric interval and JavaScript's shortest text can differ).
    if (this.prec < 128) return undefined;
    const f = Number(this.mant) * 2 ** this.exp;
    if (!Number.isFinite(f) || f === 0) return undefined;
    const s = String(f);
    const back = BigNum.parse(s, this.prec);
    if (!back || back.mant !== this.mant || back.exp !== this.exp) return undefined;
    const m = /^([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/.exec(s);
    if (!m) return undefined;
    const all = m[1]! + (m[2] ?? '');
    const lead = /^0*/.exec(all)![0].length;
    const digits = all.slice(lead).replace(/0+$/, '');
    return { digits, exp: m[1]!.length - lead + Number(m[3] ?? 0) };
  }

  private textMemo: string | undefined;

  /** Every decimal digit of the exact binary value (for %f / %e with a precision, which round from it). */
  exactText(): string {
    if (this.inf) return this.neg ? '-Inf' : '+Inf';
    if (this.mant === 0n) return '0';
    const d = exactDecimal(this.mant, this.exp);
    return (this.neg ? '-' : '') + fmtF(d, Math.max(d.digits.length - d.exp, 0));
  }

  /** big.Float.Text('g', 10), i.e. String(): what cty hashes a number in a set of structures by. */
  textG10(): string {
    if (this.inf) return this.neg ? '-Inf' : '+Inf';
    const sign = this.neg ? '-' : '';
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

  private shortest(): Decimal {
    const d = exactDecimal(this.mant, this.exp);
    // Mantissa with prec+1 bits, its lsb half an ulp (roundShortest in math/big/ftoa.go).
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
      const l = at(lower, i);
      const u = at(upper, i);
      const okdown = l !== dm || (inclusive && i + 1 === lower.digits.length);
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
}

function signed(x: BigNum): bigint {
  return x.neg ? -x.mant : x.mant;
}

export function bitLen(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

function trailingZeros(n: bigint): number {
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

/** (a * 2^ea) / (b * 2^eb), rounded to prec bits to nearest even. */
function quotient(neg: boolean, a: bigint, ea: number, b: bigint, eb: number, prec: number): BigNum {
  const k = Math.max(0, prec + 2 + bitLen(b) - bitLen(a));
  const num = a << BigInt(k);
  const q = num / b;
  const r = num % b;
  return BigNum.make(neg, q, ea - eb - k, prec, r !== 0n);
}

/** A decimal as math/big's: value = 0.digits * 10^exp, no leading or trailing zeros in digits. */
interface Decimal {
  digits: string;
  exp: number;
}

function exactDecimal(mant: bigint, exp: number): Decimal {
  if (mant === 0n) return { digits: '', exp: 0 };
  let text: string;
  let point: number;
  if (exp >= 0) {
    text = (mant << BigInt(exp)).toString();
    point = text.length;
  } else {
    text = (mant * 5n ** BigInt(-exp)).toString();
    point = text.length + exp;
  }
  return { digits: text.replace(/0+$/, ''), exp: point };
}

function at(d: Decimal, i: number): number {
  return i >= 0 && i < d.digits.length ? d.digits.charCodeAt(i) : 48;
}

function round(d: Decimal, n: number): void {
  if (n < 0 || n >= d.digits.length) return;
  const c = d.digits[n]!;
  const up = c === '5' && n + 1 === d.digits.length ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : c >= '5';
  if (up) roundUp(d, n);
  else roundDown(d, n);
}

function roundUp(d: Decimal, n0: number): void {
  if (n0 < 0 || n0 >= d.digits.length) return;
  let n = n0;
  while (n > 0 && d.digits[n - 1] === '9') n--;
  if (n === 0) {
    d.digits = '1';
    d.exp++;
    return;
  }
  d.digits = d.digits.slice(0, n - 1) + String.fromCharCode(d.digits.charCodeAt(n - 1) + 1);
}

function roundDown(d: Decimal, n: number): void {
  if (n < 0 || n >= d.digits.length) return;
  d.digits = d.digits.slice(0, n).replace(/0+$/, '');
}

function fmtF(d: Decimal, prec: number): string {
  let out: string;
  if (d.exp > 0) {
    const m = Math.min(d.digits.length, d.exp);
    out = d.digits.slice(0, m) + '0'.repeat(d.exp - m);
  } else out = '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 0; i < prec; i++) frac += String.fromCharCode(at(d, d.exp + i));
    out += `.${frac}`;
  }
  return out;
}

function fmtE(d: Decimal, prec: number): string {
  const first = d.digits.length ? d.digits[0]! : '0';
  let out = first;
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.digits.length, prec + 1);
    if (i < m) {
      out += d.digits.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  let exp = d.digits.length ? d.exp - 1 : 0;
  let es = '+';
  if (exp < 0) {
    es = '-';
    exp = -exp;
  }
  return `${out}e${es}${exp < 10 ? '0' : ''}${exp}`;
}
