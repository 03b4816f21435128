// The function library: Terraform's and Packer's common pure functions on known values. A function
// not listed here (file, templatefile, timestamp, uuid, provider functions, ...) gives an unknown
// value. A call with an unknown argument gives an unknown value unless the function can still tell
// (length of a list whose elements are unknown, concat, merge of known keys, try, coalesce...).
import type { Node } from './ast.js';
import { EvalError, deepEqual, distinct, hasUnknown, isObject, isUnknown, toBool, toNum, toStr, typeName, unknown, type Value } from './values.js';

type Fn = (args: Value[]) => Value;
interface FnDef {
  fn: Fn;
  /** The function copes with unknown elements inside its (known) list/object arguments. */
  partial?: boolean;
  min?: number;
  max?: number;
}

const list = (v: Value, what = 'argument'): Value[] => {
  if (Array.isArray(v)) return v;
  throw new EvalError(`${what} must be a list, not a ${typeName(v)}`);
};
const obj = (v: Value): { [k: string]: Value } => {
  if (isObject(v)) return v;
  throw new EvalError(`argument must be a map or object, not a ${typeName(v)}`);
};
const str = toStr;
const int = (v: Value): number => {
  const n = toNum(v);
  if (!Number.isInteger(n)) throw new EvalError(`${n} is not a whole number`);
  return n;
};

// ---- IPv4 CIDR arithmetic (cidrsubnet, cidrhost, cidrnetmask) ----
function parseCidr(s: string): { addr: number; bits: number } {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(s);
  if (!m) throw new EvalError(`unsupported CIDR "${s}" (IPv4 only)`);
  const oct = m.slice(1, 5).map(Number);
  if (oct.some((o) => o > 255) || Number(m[5]) > 32) throw new EvalError(`invalid CIDR "${s}"`);
  const addr = ((oct[0]! << 24) | (oct[1]! << 16) | (oct[2]! << 8) | oct[3]!) >>> 0;
  const bits = Number(m[5]);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { addr: (addr & mask) >>> 0, bits };
}
const ipText = (a: number): string => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255].join('.');

function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const { addr, bits } = parseCidr(prefix);
  const nb = bits + newbits;
  if (nb > 32 || newbits < 0) throw new EvalError('not enough address space for cidrsubnet');
  if (netnum < 0 || netnum >= 2 ** newbits) throw new EvalError(`netnum ${netnum} does not fit in ${newbits} bits`);
  const sub = (addr + netnum * 2 ** (32 - nb)) >>> 0;
  return `${ipText(sub)}/${nb}`;
}

function cidrhost(prefix: string, hostnum: number): string {
  const { addr, bits } = parseCidr(prefix);
  const size = 2 ** (32 - bits);
  const h = hostnum < 0 ? size + hostnum : hostnum;
  if (h < 0 || h >= size) throw new EvalError(`host number ${hostnum} does not fit in ${prefix}`);
  return ipText((addr + h) >>> 0);
}

/** Terraform's format verbs: %s %d %f %q %v %t %%, with widths ignored beyond padding. */
function format(spec: string, args: Value[]): string {
  let i = 0;
  return spec.replace(/%([-+ #0]*)(\d*)(?:\.(\d+))?([sdfqvtbxXoeE%])/g, (_m, flags: string, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (i >= args.length) throw new EvalError('not enough arguments for format');
    const a = args[i++]!;
    let out: string;
    switch (verb) {
      case 'd':
        out = String(int(a));
        break;
      case 'f':
        out = toNum(a).toFixed(prec ? Number(prec) : 6);
        break;
      case 'q':
        out = JSON.stringify(str(a));
        break;
      case 't':
        out = String(toBool(a));
        break;
      case 'x':
        out = int(a).toString(16);
        break;
      case 'X':
        out = int(a).toString(16).toUpperCase();
        break;
      case 'o':
        out = int(a).toString(8);
        break;
      case 'b':
        out = int(a).toString(2);
        break;
      case 'v':
        out = typeof a === 'object' && a !== null ? JSON.stringify(a) : str(a);
        break;
      default:
        out = str(a);
    }
    if (!width) return out;
    if (flags.includes('-')) return out.padEnd(Number(width));
    return flags.includes('0') && /^-?[0-9]/.test(out) ? out.padStart(Number(width), '0') : out.padStart(Number(width));
  });
}

function flatten(v: Value[]): Value[] {
  return v.flatMap((x) => (Array.isArray(x) ? flatten(x) : [x]));
}

/** JSON text as Terraform writes it: keys sorted, no spaces. */
function jsonText(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jsonText(v[k]!)}`).join(',')}}`;
  return JSON.stringify(v);
}

const FUNCTIONS: Record<string, FnDef> = {
  // strings
  lower: { fn: ([s]) => str(s!).toLowerCase(), min: 1, max: 1 },
  upper: { fn: ([s]) => str(s!).toUpperCase(), min: 1, max: 1 },
  title: { fn: ([s]) => str(s!).replace(/\b\w/g, (c) => c.toUpperCase()), min: 1, max: 1 },
  trimspace: { fn: ([s]) => str(s!).trim(), min: 1, max: 1 },
  trim: { fn: ([s, c]) => { const set = str(c!); let x = str(s!); while (x && set.includes(x[0]!)) x = x.slice(1); while (x && set.includes(x[x.length - 1]!)) x = x.slice(0, -1); return x; }, min: 2, max: 2 },
  trimprefix: { fn: ([s, p]) => (str(s!).startsWith(str(p!)) ? str(s!).slice(str(p!).length) : str(s!)), min: 2, max: 2 },
  trimsuffix: { fn: ([s, p]) => (str(p!) && str(s!).endsWith(str(p!)) ? str(s!).slice(0, -str(p!).length) : str(s!)), min: 2, max: 2 },
  chomp: { fn: ([s]) => str(s!).replace(/(\r?\n)+$/, ''), min: 1, max: 1 },
  startswith: { fn: ([s, p]) => str(s!).startsWith(str(p!)), min: 2, max: 2 },
  endswith: { fn: ([s, p]) => str(s!).endsWith(str(p!)), min: 2, max: 2 },
  strcontains: { fn: ([s, p]) => str(s!).includes(str(p!)), min: 2, max: 2 },
  strrev: { fn: ([s]) => [...str(s!)].reverse().join(''), min: 1, max: 1 },
  substr: { fn: ([s, o, l]) => { const chars = [...str(s!)]; let off = int(o!); if (off < 0) off += chars.length; const len = int(l!); return chars.slice(off, len < 0 ? undefined : off + len).join(''); }, min: 3, max: 3 },
  replace: {
    fn: ([s, f, r]) => {
      const find = str(f!);
      if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) throw new EvalError('regular-expression replace is not supported');
      return str(s!).split(find).join(str(r!));
    },
    min: 3,
    max: 3,
  },
  split: { fn: ([sep, s]) => (str(s!) === '' ? [] : str(s!).split(str(sep!))), min: 2, max: 2 },
  join: { fn: ([sep, ...ls]) => ls.flatMap((l) => list(l)).map((x) => str(x)).join(str(sep!)), min: 2 },
  format: { fn: ([f, ...rest]) => format(str(f!), rest), min: 1 },
  formatlist: {
    fn: ([f, ...rest]) => {
      const n = Math.max(0, ...rest.map((r) => (Array.isArray(r) ? r.length : 0)));
      return Array.from({ length: n }, (_, i) => format(str(f!), rest.map((r) => (Array.isArray(r) ? r[i]! : r))));
    },
    min: 1,
  },
  indent: { fn: ([n, s]) => str(s!).split('\n').map((l, i) => (i === 0 ? l : ' '.repeat(int(n!)) + l)).join('\n'), min: 2, max: 2 },
  // numbers
  abs: { fn: ([x]) => Math.abs(toNum(x!)), min: 1, max: 1 },
  ceil: { fn: ([x]) => Math.ceil(toNum(x!)), min: 1, max: 1 },
  floor: { fn: ([x]) => Math.floor(toNum(x!)), min: 1, max: 1 },
  max: { fn: (a) => Math.max(...a.map(toNum)), min: 1 },
  min: { fn: (a) => Math.min(...a.map(toNum)), min: 1 },
  pow: { fn: ([a, b]) => toNum(a!) ** toNum(b!), min: 2, max: 2 },
  signum: { fn: ([x]) => Math.sign(toNum(x!)), min: 1, max: 1 },
  parseint: { fn: ([s, b]) => { const n = parseInt(str(s!), int(b!)); if (Number.isNaN(n)) throw new EvalError('not a number'); return n; }, min: 2, max: 2 },
  // collections
  length: {
    fn: ([v]) => {
      if (typeof v === 'string') return [...v].length;
      if (Array.isArray(v)) return v.length;
      return Object.keys(obj(v!)).length;
    },
    partial: true,
    min: 1,
    max: 1,
  },
  concat: { fn: (ls) => ls.flatMap((l) => list(l)), partial: true },
  merge: {
    fn: (ms) => {
      const out: { [k: string]: Value } = {};
      for (const m of ms) if (m !== null) Object.assign(out, obj(m));
      return out;
    },
    partial: true,
  },
  tolist: { fn: ([v]) => list(v!), partial: true, min: 1, max: 1 },
  toset: { fn: ([v]) => distinct(list(v!)), min: 1, max: 1 },
  tomap: { fn: ([v]) => obj(v!), partial: true, min: 1, max: 1 },
  tostring: { fn: ([v]) => (v === null ? null : str(v!)), min: 1, max: 1 },
  tonumber: { fn: ([v]) => (v === null ? null : toNum(v!)), min: 1, max: 1 },
  tobool: { fn: ([v]) => (v === null ? null : toBool(v!)), min: 1, max: 1 },
  lookup: {
    fn: ([m, k, d]) => {
      const o = obj(m!);
      const key = str(k!);
      if (key in o) return o[key]!;
      if (d !== undefined) return d;
      throw new EvalError(`no key "${key}"`);
    },
    partial: true,
    min: 2,
    max: 3,
  },
  element: { fn: ([l, i]) => { const a = list(l!); if (!a.length) throw new EvalError('element of an empty list'); return a[((int(i!) % a.length) + a.length) % a.length]!; }, partial: true, min: 2, max: 2 },
  index: { fn: ([l, v]) => { const i = list(l!).findIndex((x) => deepEqual(x, v!)); if (i < 0) throw new EvalError('value not in list'); return i; }, min: 2, max: 2 },
  contains: { fn: ([l, v]) => list(l!).some((x) => deepEqual(x, v!)), min: 2, max: 2 },
  keys: { fn: ([m]) => Object.keys(obj(m!)).sort(), partial: true, min: 1, max: 1 },
  values: { fn: ([m]) => { const o = obj(m!); return Object.keys(o).sort().map((k) => o[k]!); }, partial: true, min: 1, max: 1 },
  flatten: { fn: ([l]) => flatten(list(l!)), partial: true, min: 1, max: 1 },
  distinct: { fn: ([l]) => distinct(list(l!)), min: 1, max: 1 },
  compact: { fn: ([l]) => list(l!).filter((x) => x !== null && x !== ''), min: 1, max: 1 },
  reverse: { fn: ([l]) => [...list(l!)].reverse(), partial: true, min: 1, max: 1 },
  sort: { fn: ([l]) => list(l!).map((x) => str(x)).sort(), min: 1, max: 1 },
  slice: { fn: ([l, a, b]) => list(l!).slice(int(a!), int(b!)), partial: true, min: 3, max: 3 },
  range: {
    fn: (a) => {
      const n = a.map(toNum);
      const [start, end, step] = n.length === 1 ? [0, n[0]!, 1] : [n[0]!, n[1]!, n[2] ?? (n[1]! >= n[0]! ? 1 : -1)];
      if (step === 0) throw new EvalError('range step of zero');
      const out: number[] = [];
      for (let x = start; step > 0 ? x < end : x > end; x += step) {
        out.push(x);
        if (out.length > 1024) throw new EvalError('range too long');
      }
      return out;
    },
    min: 1,
    max: 3,
  },
  zipmap: { fn: ([k, v]) => { const ks = list(k!); const vs = list(v!); const o: { [k: string]: Value } = {}; ks.forEach((x, i) => (o[str(x)] = vs[i] ?? null)); return o; }, partial: true, min: 2, max: 2 },
  setunion: { fn: (ls) => distinct(ls.flatMap((l) => list(l))) },
  setintersection: { fn: ([first, ...rest]) => distinct(list(first!)).filter((x) => rest.every((r) => list(r).some((y) => deepEqual(x, y)))), min: 1 },
  setsubtract: { fn: ([a, b]) => distinct(list(a!)).filter((x) => !list(b!).some((y) => deepEqual(x, y))), min: 2, max: 2 },
  coalescelist: { fn: (ls) => ls.map((l) => list(l)).find((l) => l.length > 0) ?? [], partial: true },
  chunklist: { fn: ([l, n]) => { const a = list(l!); const size = int(n!); if (size <= 0) return [a]; const out: Value[] = []; for (let i = 0; i < a.length; i += size) out.push(a.slice(i, i + size)); return out; }, partial: true, min: 2, max: 2 },
  one: { fn: ([l]) => { const a = list(l!); if (a.length > 1) throw new EvalError('one() of a list with more than one element'); return a[0] ?? null; }, partial: true, min: 1, max: 1 },
  sum: { fn: ([l]) => list(l!).reduce<number>((s, x) => s + toNum(x), 0), min: 1, max: 1 },
  alltrue: { fn: ([l]) => list(l!).every((x) => toBool(x)), min: 1, max: 1 },
  anytrue: { fn: ([l]) => list(l!).some((x) => toBool(x)), min: 1, max: 1 },
  transpose: {
    fn: ([m]) => {
      const out: { [k: string]: Value } = {};
      const o = obj(m!);
      for (const k of Object.keys(o).sort()) for (const v of list(o[k]!)) ((out[str(v)] ??= []) as Value[]).push(k);
      return out;
    },
    min: 1,
    max: 1,
  },
  // encoding
  jsonencode: { fn: ([v]) => jsonText(v!), min: 1, max: 1 },
  jsondecode: { fn: ([s]) => { try { return JSON.parse(str(s!)) as Value; } catch { throw new EvalError('invalid JSON'); } }, min: 1, max: 1 },
  base64encode: { fn: ([s]) => Buffer.from(str(s!), 'utf8').toString('base64'), min: 1, max: 1 },
  base64decode: { fn: ([s]) => Buffer.from(str(s!), 'base64').toString('utf8'), min: 1, max: 1 },
  urlencode: { fn: ([s]) => encodeURIComponent(str(s!)), min: 1, max: 1 },
  // network
  cidrsubnet: { fn: ([p, b, n]) => cidrsubnet(str(p!), int(b!), int(n!)), min: 3, max: 3 },
  cidrsubnets: {
    fn: ([p, ...bits]) => {
      const { addr, bits: pb } = parseCidr(str(p!));
      let cur = addr;
      return bits.map((b) => {
        const nb = pb + int(b);
        const size = 2 ** (32 - nb);
        cur = Math.ceil(cur / size) * size;
        const out = `${ipText(cur >>> 0)}/${nb}`;
        cur += size;
        return out;
      });
    },
    min: 1,
  },
  cidrhost: { fn: ([p, h]) => cidrhost(str(p!), int(h!)), min: 2, max: 2 },
  cidrnetmask: { fn: ([p]) => { const { bits } = parseCidr(str(p!)); return ipText(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0); }, min: 1, max: 1 },
  // identity-like
  sensitive: { fn: ([v]) => v!, partial: true, min: 1, max: 1 },
  nonsensitive: { fn: ([v]) => v!, partial: true, min: 1, max: 1 },
  type: { fn: ([v]) => typeName(v!), min: 1, max: 1 },
};

/** Names the library evaluates (for tests and documentation). */
export const SUPPORTED_FUNCTIONS = [...Object.keys(FUNCTIONS), 'try', 'can', 'coalesce'].sort();

export function callFunction(name: string, args: Value[], src: string): Value {
  const def = FUNCTIONS[name];
  if (!def) return unknown(src); // unsupported function (file, templatefile, timestamp, provider functions...)
  if ((def.min !== undefined && args.length < def.min) || (def.max !== undefined && args.length > def.max)) {
    throw new EvalError(`${name}: wrong number of arguments`);
  }
  if (args.some((a) => isUnknown(a))) return unknown(src);
  if (!def.partial && args.some(hasUnknown)) return unknown(src);
  return def.fn(args);
}

/** Functions whose arguments are evaluated lazily: try, can, coalesce. */
export const SPECIAL_FORMS: Record<string, (args: Node[], ev: (n: Node) => Value, src: string) => Value> = {
  try: (args, ev, src) => {
    for (const a of args) {
      try {
        const v = ev(a);
        // An unknown value might have failed (or not): try() cannot choose.
        if (hasUnknown(v)) return unknown(src);
        return v;
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
      }
    }
    throw new EvalError('try: no argument could be evaluated');
  },
  can: (args, ev, src) => {
    if (args.length !== 1) throw new EvalError('can takes one argument');
    try {
      const v = ev(args[0]!);
      return hasUnknown(v) ? unknown(src) : true;
    } catch (e) {
      if (!(e instanceof EvalError)) throw e;
      return false;
    }
  },
  coalesce: (args, ev, src) => {
    for (const a of args) {
      const v = ev(a);
      if (isUnknown(v)) return unknown(src);
      if (v !== null && v !== '') return v;
    }
    throw new EvalError('coalesce: no non-null argument');
  },
};
