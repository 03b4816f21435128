// The function library: OpenTofu's pure functions (go-cty stdlib and internal/lang/funcs) on typed
// values. Arguments are converted to the parameter types as cty's function.Call does (a null
// argument is refused unless the parameter allows it; an unknown one makes the result unknown unless
// the function copes). Where OpenTofu reports an error, an EvalError is thrown: the expression becomes
// unknown with the reason, and try()/can() see it. A function not listed here (timestamp, uuid,
// provider functions...) gives an unknown value. Regular expressions are RE2 (re2js), as Go's regexp.
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { zlib } from '../util/builtins.js';
import path from 'node:path';
import { getScalarValue, parseEvents } from 'js-yaml';
import { RE2JS } from 're2js';
import type { Node } from '../parse/ast.js';
import { BigNum, bitLen } from './bignum.js';
import { Budget, BudgetError, LIMITS } from './budget.js';
import { convert, unify, unifyValues } from './convert.js';
import {
  BOOL,
  DYN,
  FALSE,
  NULL,
  NUMBER,
  STRING,
  TRUE,
  asBool,
  asNum,
  asStr,
  bool,
  compareStrings,
  containsUnknown,
  ctyEquals,
  notNullUnknown,
  refinementOf,
  derivedUnknown,
  elems,
  entries,
  friendlyName,
  goQuote,
  int,
  isNull,
  isUnknown,
  list,
  listOf,
  map,
  mapOf,
  nullOf,
  num,
  object,
  rawEquals,
  set,
  setOf,
  str,
  tuple,
  typeEquals,
  unk,
  type Type,
  type Val,
} from './cty.js';
import { formatString } from './format.js';
import { globMatch, hasMeta, unescapeMeta, validate } from './glob.js';
import { graphemes } from './text.js';
import { goGzip } from './gzip.js';
import { EvalError } from './values.js';
import { GO_SPACE, goTrimSpace } from '../util/go-space.js';

/** Not an error: the value cannot be known statically here (no file access in this scope). */
export class NotStatic extends EvalError {}

/** How functions that touch files reach them: confined to the workspace by the caller. */
export interface FileEnv {
  /** The bytes of a file named as in the configuration (relative to the working directory); throws EvalError when refused. */
  read(name: string): Buffer;
  /** undefined: cannot be said statically (outside the workspace). */
  exists(name: string): boolean | undefined;
  /** The working directory OpenTofu would run in (absolute), for abspath() and relative names. */
  cwd: string;
  /**
   * The entries of a folder (absolute, or relative to cwd), links followed: undefined when it does
   * not exist or is not a folder; throws NotStatic when it cannot be said (outside the workspace).
   */
  list?(name: string): Array<{ name: string; kind: 'file' | 'folder' | 'other' | 'outside' }> | undefined;
}

/** Most folder entries fileset() walks before giving up (unknown, not a partial set). */
const FILESET_MAX_ENTRIES = 20_000;

/**
 * OpenTofu's fileset (internal/lang/funcs/filesystem.go): the pattern joined to the path and
 * cleaned, globbed as doublestar.FilepathGlob does (the folder part before the first meta
 * character is read directly, the rest matched), regular files only, each relative to the path.
 */
function fileset(ctx: FnContext, given: string, pattern: string): Val {
  const env = needFiles(ctx);
  if (!env.list) throw new NotStatic('folders are not listed here');
  const base = cleanPath(given.startsWith('/') ? given : path.posix.join(env.cwd, given));
  const full = cleanPath(path.posix.join(base, pattern));
  if (!validate(Array.from(full, (c) => c.codePointAt(0)!))) throw new EvalError(`failed to glob pattern ${full}: syntax error in pattern`);
  // doublestar.SplitPattern: the folder before the first meta character.
  let split = -1;
  for (let i = 0; i < full.length; i++) {
    const c = full[i];
    if (c === '\\') i++;
    else if (c === '/') split = i;
    else if (c === '*' || c === '?' || c === '[' || c === '{') break;
  }
  const root = split === 0 ? '/' : split > 0 ? unescapeMeta(full.slice(0, split)) : '.';
  const rest = split >= 0 ? full.slice(split + 1) : full;
  const found: string[] = [];
  const isRegular = (abs: string): boolean => {
    const dir = path.posix.dirname(abs);
    const entry = env.list!(dir)?.find((e) => e.name === path.posix.basename(abs));
    if (entry?.kind === 'outside') throw new NotStatic(`${abs} is outside the workspace`);
    return entry?.kind === 'file';
  };
  if (!hasMeta(rest)) {
    const literal = unescapeMeta(full);
    if (isRegular(literal)) found.push(literal);
  } else {
    let seen = 0;
    // Deeper than the pattern's segments only where ** or {alternatives} can reach.
    const maxDepth = /\*\*|\{/.test(rest) ? 64 : rest.split('/').length - 1;
    const walk = (dir: string, rel: string, depth: number): void => {
      const entries = env.list!(dir);
      if (!entries) return;
      seen += entries.length;
      if (seen > FILESET_MAX_ENTRIES || depth > 64) throw new NotStatic(`more than ${FILESET_MAX_ENTRIES} files to match`);
      for (const e of entries) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.kind === 'folder') {
          if (depth < maxDepth) walk(`${dir}/${e.name}`, r, depth + 1);
        }
        else if (globMatch(rest, r)) {
          if (e.kind === 'outside') throw new NotStatic(`${dir}/${e.name} is outside the workspace`);
          if (e.kind === 'file') found.push(`${root === '/' ? '' : root}/${r}`);
        }
      }
    };
    walk(root, '', 0);
  }
  ctx.budget.collection(found.length);
  return set(STRING, found.map((f) => str(path.posix.relative(base, f))));
}

function fileText(ctx: FnContext, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(needFiles(ctx).read(name));
  } catch (e) {
    if (e instanceof EvalError) throw e;
    throw new EvalError(`contents of ${name} are not valid UTF-8; use the filebase64 function instead`);
  }
}

const fileHash = (alg: string, enc: 'hex' | 'base64'): FnDef => ({ params: [STRING], impl: ([p], ctx) => str(createHash(alg).update(needFiles(ctx).read(S(p!))).digest(enc)) });

export interface FnContext {
  budget: Budget;
  files?: FileEnv;
  /** Evaluate a template file's text with the given variables (templatefile). */
  template?: (text: string, vars: Map<string, Val>) => Val;
}

type Param = Type | { t: Type; allowNull?: boolean; allowUnknown?: boolean };

interface FnDef {
  params: Param[];
  variadic?: Param;
  /** The function copes with unknown values nested in its known arguments. */
  partial?: boolean;
  impl: (args: Val[], ctx: FnContext) => Val;
}

const ANY = DYN;
const LIST_ANY = listOf(DYN);
const paramType = (p: Param): Type => ('k' in p ? p : p.t);
const paramAllowsNull = (p: Param): boolean => !('k' in p) && !!p.allowNull;
const paramAllowsUnknown = (p: Param): boolean => !('k' in p) && !!p.allowUnknown;

const S = (v: Val): string => asStr(v);
const N = (v: Val): BigNum => asNum(v);

function whole(v: Val, what: string): number {
  const n = N(v);
  if (n.inf || !n.isInt()) throw new EvalError(`${what} must be a whole number`);
  const i = n.toSafeInt();
  if (i === undefined) throw new EvalError(`${what} is too large`);
  return i;
}

/** OpenTofu's rsadecrypt: base64 ciphertext, a PEM RSA private key, PKCS #1 v1.5 (Go's rsa.DecryptPKCS1v15). */
function rsaDecrypt(cipherText: string, pem: string): string {
  let ct: Buffer;
  try {
    ct = goBase64(cipherText);
  } catch {
    throw new EvalError('failed to decode input: cipher text must be base64-encoded');
  }
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(pem)) throw new NotStatic('OpenSSH private keys are not read here');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch (e) {
    throw new EvalError(`invalid private key: ${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new EvalError(`invalid private key type ${key.asymmetricKeyType ?? 'unknown'}`);
  const jwk = key.export({ format: 'jwk' });
  const big = (b64: string | undefined): bigint => BigInt(`0x${Buffer.from(b64 ?? '', 'base64url').toString('hex') || '0'}`);
  const n = big(jwk.n);
  const d = big(jwk.d);
  const k = Math.ceil(n.toString(16).length / 2);
  const c = BigInt(`0x${ct.toString('hex') || '0'}`);
  if (ct.length > k || c >= n) throw new EvalError('failed to decrypt: crypto/rsa: decryption error');
  let m = 1n;
  let base = c % n;
  for (let e = d; e > 0n; e >>= 1n) {
    if (e & 1n) m = (m * base) % n;
    base = (base * base) % n;
  }
  const em = Buffer.from(m.toString(16).padStart(k * 2, '0'), 'hex');
  const zero = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || zero < 10) throw new EvalError('failed to decrypt: crypto/rsa: decryption error');
  return em.subarray(zero + 1).toString('utf8');
}

/** base64.StdEncoding.DecodeString: padded, CR and LF ignored. */
function goBase64(given: string): Buffer {
  const text = given.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) throw new EvalError('failed to decode base64 data');
  return Buffer.from(text, 'base64');
}

/** gocty.FromCtyValue into a Go int: a whole number within int64. */
function goInt(v: Val, what: string): bigint {
  const n = N(v);
  if (n.inf || !n.isInt() || n.trunc() < -(1n << 63n) || n.trunc() >= 1n << 63n) throw new EvalError(`${what}: value must be a whole number, between -9223372036854775808 and 9223372036854775807`);
  return n.trunc();
}

const isSeq = (v: Val): boolean => v.t.k === 'list' || v.t.k === 'tuple' || v.t.k === 'set';
const isMapLike = (v: Val): boolean => v.t.k === 'map' || v.t.k === 'object';

function seq(v: Val, what = 'argument'): Val[] {
  if (!isSeq(v)) throw new EvalError(`${what} must be a list, set or tuple, not ${friendlyName(v.t)}`);
  return elems(v);
}

/** A list of values: a list when they share one type, else a tuple (cty's concat, flatten...). */
function listOrTuple(items: Val[], wantList: boolean): Val {
  if (wantList && items.length) {
    const t = items[0]!.t;
    if (items.every((x) => typeEquals(x.t, t))) return list(t, items);
  }
  return tuple(items);
}

function charged(ctx: FnContext, n: number): void {
  ctx.budget.collection(n);
}

// ---- strings ----

/** Go's unicode.ToUpper / ToLower per code point (simple case mapping; ß stays ß). */
function mapCase(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    if (!upper && ch === '\u0130') {
      out += 'i';
      continue;
    }
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += [...m].length === 1 ? m : ch;
  }
  return out;
}

function isTitleSeparator(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  if (c <= 0x7f) return !/[0-9A-Za-z_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return GO_SPACE.test(ch);
}

function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isTitleSeparator(prev) ? titleCase(ch) : ch;
    prev = ch;
  }
  return out;
}

function titleCase(ch: string): string {
  const special: Record<string, string> = { ǆ: 'ǅ', Ǆ: 'ǅ', ǅ: 'ǅ', ǉ: 'ǈ', Ǉ: 'ǈ', ǈ: 'ǈ', ǌ: 'ǋ', Ǌ: 'ǋ', ǋ: 'ǋ', ǳ: 'ǲ', Ǳ: 'ǲ', ǲ: 'ǲ' };
  if (special[ch]) return special[ch];
  return mapCase(ch, true);
}


function trimSet(s: string, cutset: string): string {
  const set = new Set([...cutset]);
  const cps = [...s];
  let a = 0;
  let b = cps.length;
  while (a < b && set.has(cps[a]!)) a++;
  while (b > a && set.has(cps[b - 1]!)) b--;
  return cps.slice(a, b).join('');
}

/** Go's strings.Split: an empty separator splits into code points; "" gives [""]. */
function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

/** Go's strings.ReplaceAll: an empty `old` matches before every code point and at the end. */
function goReplaceAll(s: string, old: string, rep: string, ctx: FnContext): string {
  if (old === '') {
    const cps = [...s];
    ctx.budget.string(s.length + rep.length * (cps.length + 1));
    return rep + cps.map((c) => c + rep).join('');
  }
  const parts = s.split(old);
  ctx.budget.string(s.length + (rep.length - old.length) * (parts.length - 1));
  return parts.join(rep);
}

/** cty's substr, digit for digit: a negative offset counts from the end; a length of 0 after one takes the rest. */
function substr(s: string, offset0: number, length: number): string {
  const g = graphemes(s);
  let offset = offset0;
  if (offset < 0) offset += g.length;
  else if (length === 0) return '';
  let sub = g;
  if (offset > 0) {
    if (offset > g.length) return '';
    sub = g.slice(offset);
  }
  if (length <= 0) return sub.join('');
  return sub.slice(0, length).join('');
}

// ---- regular expressions (RE2, Go's regexp semantics) ----

const reCache = new Map<string, RE2JS | EvalError>();

/** Group names renamed to compile a pattern that repeats a name (Go allows it; re2js does not): new -> written. */
const renamedGroups = new WeakMap<RE2JS, Map<string, string>>();

/** The pattern with every repeated group name made unique, and the renames; undefined when none repeats. */
function uniqueGroupNames(pattern: string): { pattern: string; renamed: Map<string, string> } | undefined {
  const seen = new Map<string, number>();
  const renamed = new Map<string, string>();
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += pattern[++i];
      continue;
    }
    const m = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(pattern.slice(i, i + 260));
    if (m) {
      const name = m[1]!;
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      const unique = n === 0 ? name : `${name}_${n}_dup`;
      if (n > 0) renamed.set(unique, name);
      out += m[0].replace(`<${name}>`, `<${unique}>`);
      i += m[0].length - 1;
      continue;
    }
    out += c;
  }
  return renamed.size ? { pattern: out, renamed } : undefined;
}

function compileRe(pattern: string): RE2JS {
  let re = reCache.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (e) {
      re = new EvalError(`invalid regular expression pattern: ${(e as Error).message}`);
      const unique = /duplicate capture group name/.test((e as Error).message) ? uniqueGroupNames(pattern) : undefined;
      if (unique) {
        try {
          re = RE2JS.compile(unique.pattern);
          renamedGroups.set(re, unique.renamed);
        } catch {
          // keep the first error
        }
      }
    }
    if (reCache.size > 1000) reCache.clear();
    reCache.set(pattern, re);
  }
  if (re instanceof EvalError) throw re;
  return re;
}

interface Match {
  start: number;
  end: number;
  groups: Array<string | null>;
}

/** All matches as Go's FindAll: non-overlapping, an empty match right after a match is skipped. */
function findAll(re: RE2JS, s: string, limit: number, ctx: FnContext): Match[] {
  const m = re.matcher(s);
  const out: Match[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && out.length < limit) {
    ctx.budget.spend();
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    if (start === end && start === prevEnd) {
      // Go ignores an empty match abutting the previous match: retry one code point later.
      if (start >= s.length) break;
      pos = start + (s.codePointAt(start)! > 0xffff ? 2 : 1);
      continue;
    }
    const groups: Array<string | null> = [];
    for (let g = 1; g <= m.groupCount(); g++) groups.push(m.group(g));
    out.push({ start, end, groups });
    prevEnd = end;
    pos = end > start ? end : end + (end < s.length && s.codePointAt(end)! > 0xffff ? 2 : 1);
  }
  return out;
}

/** regex() / regexall() result for one match: the whole match, a tuple of groups, or an object of named groups. */
function matchValue(re: RE2JS, s: string, m: Match): Val {
  const names = re.namedGroups() as Record<string, number>;
  const named = Object.keys(names);
  const total = m.groups.length;
  if (total === 0) return str(s.slice(m.start, m.end));
  if (named.length && named.length !== total) throw new EvalError('invalid regexp pattern: cannot mix both named and unnamed capture groups');
  const g = (x: string | null): Val => (x === null ? nullOf(STRING) : str(x));
  if (named.length) {
    // A name written twice: the later group's value (Go's SubexpNames in order, later ones win).
    const renamed = renamedGroups.get(re);
    const o = new Map<string, Val>();
    for (const n of named.sort((x, y) => names[x]! - names[y]!)) o.set(renamed?.get(n) ?? n, g(m.groups[names[n]! - 1] ?? null));
    return object(o);
  }
  return tuple(m.groups.map(g));
}

/** Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, re: RE2JS, s: string, m: Match): string {
  const names = re.namedGroups() as Record<string, number>;
  const group = (name: string): string => {
    if (/^[0-9]+$/.test(name)) {
      const i = Number(name);
      if (i === 0) return s.slice(m.start, m.end);
      return m.groups[i - 1] ?? '';
    }
    const i = names[name];
    return i === undefined ? '' : (m.groups[i - 1] ?? '');
  };
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (template[i + 1] === '{') {
      const close = template.indexOf('}', i + 2);
      const name = close < 0 ? '' : template.slice(i + 2, close);
      if (close < 0 || !/^[A-Za-z0-9_]+$/.test(name)) {
        out += '$';
        i++;
        continue;
      }
      out += group(name);
      i = close + 1;
      continue;
    }
    const nm = /^[A-Za-z0-9_]+/.exec(template.slice(i + 1));
    if (!nm) {
      out += '$';
      i++;
      continue;
    }
    out += group(nm[0]);
    i += 1 + nm[0].length;
  }
  return out;
}

function regexReplace(s: string, pattern: string, rep: string, ctx: FnContext): string {
  const re = compileRe(pattern);
  let out = '';
  let last = 0;
  for (const m of findAll(re, s, Infinity, ctx)) {
    out += s.slice(last, m.start) + expand(rep, re, s, m);
    ctx.budget.string(out.length);
    last = m.end;
  }
  return out + s.slice(last);
}

// ---- JSON ----

/** Go's encoding/json string escaping, as cty's JSON marshal: <, >, & and U+2028/9 escaped. */
export function jsonQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += ch + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else out += ch;
  }
  return `${out}"`;
}

export function jsonText(v: Val, ctx?: FnContext): string {
  if (isUnknown(v)) throw new EvalError('unknown value');
  if (isNull(v)) return 'null';
  ctx?.budget.spend();
  switch (v.t.k) {
    case 'string':
      return jsonQuote(S(v));
    case 'number':
      if (N(v).inf) throw new EvalError('cannot serialize infinity as JSON');
      return N(v).text();
    case 'bool':
      return asBool(v) ? 'true' : 'false';
    case 'list':
    case 'set':
    case 'tuple':
      return `[${elems(v)
        .map((x) => jsonText(x, ctx))
        .join(',')}]`;
    case 'map':
    case 'object':
      return `{${[...entries(v)].map(([k, x]) => `${jsonQuote(k)}:${jsonText(x, ctx)}`).join(',')}}`;
    default:
      throw new EvalError('a value of unknown type cannot be encoded');
  }
}

/** JSON text -> value with cty's implied types (objects, tuples, numbers parsed exactly from their text). */
export function jsonDecode(text: string, ctx: FnContext): Val {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new EvalError(`invalid JSON at offset ${i}`);
  };
  const value = (depth: number): Val => {
    if (depth > 500) fail();
    ctx.budget.spend();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const m = new Map<string, Val>();
      ws();
      if (text[i] === '}') {
        i++;
        return object(m);
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = S(stringLit());
        ws();
        if (text[i] !== ':') fail();
        i++;
        m.set(k, value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return object(m);
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const xs: Val[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return tuple(xs);
      }
      for (;;) {
        xs.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
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
    i += lit![0].length;
    if (lit![0] === 'true') return TRUE;
    if (lit![0] === 'false') return FALSE;
    if (lit![0] === 'null') return NULL;
    const n = BigNum.parse(lit![0]);
    if (!n) fail();
    return num(n!);
  };
  const stringLit = (): Val => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
    try {
      // Go's decoder turns a lone surrogate escape into U+FFFD.
      return str((JSON.parse(text.slice(start, i)) as string).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
    } catch {
      return fail();
    }
  };
  const v = value(0);
  ws();
  if (i !== text.length) fail();
  return v;
}

// ---- YAML: go-cty-yaml's encoder (libyaml's emitter): block style, keys in order, every string
// double-quoted (multi-line ones as literal blocks), sequences in mappings not indented ----

/** libyaml's is_printable, by code point. */
function yamlPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

const YAML_ESCAPES: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
const isYamlBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;

/** A double-quoted scalar, folded at spaces past column 80 as libyaml does. */
function yamlDoubleQuoted(s: string, column: number, indent: number): string {
  let out = '"';
  let col = column + 1;
  let spaces = false;
  const bom = s.startsWith('\ufeff');
  const cps = [...s];
  cps.forEach((ch, i) => {
    const c = ch.codePointAt(0)!;
    if (!yamlPrintable(c) || bom || isYamlBreak(c) || ch === '"' || ch === '\\') {
      const e = YAML_ESCAPES[c];
      const text = e !== undefined ? `\\${e}` : c <= 0xff ? `\\x${c.toString(16).toUpperCase().padStart(2, '0')}` : c <= 0xffff ? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${c.toString(16).toUpperCase().padStart(8, '0')}`;
      out += text;
      col += text.length;
      spaces = false;
    } else if (ch === ' ') {
      if (!spaces && col > 80 && i > 0 && i < cps.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
        if (cps[i + 1] === ' ') {
          out += '\\';
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

/** A literal block is allowed for a multi-line string with only printable characters and no space before a break or at the end. */
function yamlLiteralAllowed(s: string): boolean {
  if (!s.includes('\n') || s.startsWith('\ufeff') || s.endsWith(' ')) return false;
  for (const ch of s) if (!yamlPrintable(ch.codePointAt(0)!) && ch !== '\n') return false;
  return !/ \n/.test(s);
}

function yamlLiteral(s: string, indent: number): string {
  const hint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const chomp = !s.endsWith('\n') ? '-' : s.endsWith('\n\n') || s === '\n' ? '+' : '';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  // Every line break (U+2028, U+2029 and NEL too) ends a line: libyaml writes the break itself,
  // then indents the next line if it has text.
  const parts = body.split(/(\n|\u2028|\u2029|\u0085)/);
  let text = '';
  for (let i = 0; i < parts.length; i++) text += i % 2 ? parts[i] : parts[i] === '' ? '' : pad + parts[i];
  return `|${hint}${chomp}\n${text}`;
}

function yamlEncode(v: Val, budget: Budget): string {
  const out: string[] = [];
  let topPlain = false;
  // `column`: where the value starts on its line; `indent`: the indentation of its content lines.
  const scalar = (x: Val, column: number, indent: number, key: boolean): string => {
    if (isNull(x)) return 'null';
    if (x.t.k === 'number') return N(x).text();
    if (x.t.k === 'bool') return asBool(x) ? 'true' : 'false';
    const s = S(x);
    // A literal block at the root is indented as one in a mapping (libyaml's best_indent).
    if (!key && yamlLiteralAllowed(s)) return yamlLiteral(s, indent === 0 && column === 0 ? 2 : indent);
    return yamlDoubleQuoted(s, column, indent);
  };
  const isColl = (x: Val): boolean => !isNull(x) && (isSeq(x) || isMapLike(x));
  const empty = (x: Val): boolean => (isSeq(x) ? elems(x).length === 0 : entries(x).size === 0);
  // Emits x whose first line continues `lead` (already written text on the current line).
  // `inlineLead`: a collection may start on the lead's line (after "- ", or ": " of a complex key).
  const node = (x: Val, lead: string, indent: number, inlineLead = lead.endsWith('- ')): void => {
    budget.spend();
    if (isUnknown(x)) throw new EvalError('unknown');
    if (!isColl(x)) {
      out.push(lead + scalar(x, lead.length, indent, false));
      return;
    }
    if (empty(x)) {
      out.push(lead + (isSeq(x) ? '[]' : '{}'));
      return;
    }
    const inline = inlineLead;
    let first = true;
    if (isSeq(x)) {
      if (!inline && lead !== '') out.push(lead.replace(/ $/, ''));
      const base = inline ? lead.length : lead === '' ? 0 : indent;
      for (const e of elems(x)) {
        const itemLead = first && inline ? `${lead}- ` : `${' '.repeat(base)}- `;
        first = false;
        node(e, itemLead, base + 2);
      }
      return;
    }
    if (!inline && lead !== '') out.push(lead.replace(/ $/, ''));
    const base = inline ? lead.length : lead === '' ? 0 : indent;
    for (const [k, e] of entries(x)) {
      const keyLead = first && inline ? lead : ' '.repeat(base);
      first = false;
      // libyaml's simple keys are one line of at most 128 bytes; any other key is written "? key"
      // with its value on the next line after ": ".
      if (/[\n\r\u0085\u2028\u2029]/.test(k) || Buffer.byteLength(k, 'utf8') > 128) {
        node(str(k), `${keyLead}? `, base + 2);
        node(e, `${' '.repeat(base)}: `, base + 2, true);
        continue;
      }
      const keyText = scalar(str(k), keyLead.length, base + 2, true);
      const valueIndent = isColl(e) && isSeq(e) && !empty(e) ? base : base + 2;
      node(e, `${keyLead}${keyText}: `, valueIndent);
    }
  };
  node(v, '', 0);
  topPlain = !isColl(v) && (isNull(v) || v.t.k !== 'string');
  return `${out.join('\n')}\n${topPlain ? '...\n' : ''}`;
}

// ---- CSV (Go's encoding/csv as csvdecode uses it: a header row, every row the same length) ----

function csvDecode(text: string, ctx: FnContext): Val {
  const rows: string[][] = [];
  let i = 0;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  const endField = (): void => {
    row.push(field);
    field = '';
    atStart = true;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    ctx.budget.collection(row.length);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new EvalError('extraneous or missing " in quoted-field');
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
    if (c === ',') {
      endField();
      i++;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') {
      endRow();
      i++;
      continue;
    }
    field += c;
    atStart = false;
    i++;
  }
  if (quoted) throw new EvalError('extraneous or missing " in quoted-field');
  if (field !== '' || row.length) endRow();
  const records = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  if (!records.length) throw new EvalError('missing header line');
  const header = records[0]!;
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup !== undefined) throw new EvalError(`duplicate column name ${goQuote(dup)}`);
  const out = records.slice(1).map((r, n) => {
    if (r.length !== header.length) throw new EvalError(`record on line ${n + 2}: wrong number of fields`);
    return object(new Map(header.map((h, k) => [h, str(r[k]!)])));
  });
  if (!out.length) return list(objectOfStrings(header), []);
  return list(out[0]!.t, out);
}

function objectOfStrings(names: string[]): Type {
  return { k: 'object', attrs: new Map(names.map((n) => [n, STRING])) };
}

// ---- YAML decoding (go-cty-yaml: YAML 1.1 booleans such as yes/no, one document) ----

/**
 * yamldecode as go-cty-yaml decodes (decode.go, resolve.go), over js-yaml's event stream: one
 * document, mappings as objects and sequences as tuples, `<<` merge keys, anchors (not
 * self-referencing), and scalars resolved by go-cty-yaml's own rules (YAML 1.1 booleans, numbers
 * parsed exactly, timestamps as RFC 3339 strings, !!binary kept as its base64 text).
 */
function yamlDecode(text: string, ctx: FnContext): Val {
  let events: YamlEvent[];
  try {
    events = parseEvents(text.length ? text : '\n', {}) as YamlEvent[];
  } catch (e) {
    throw new EvalError(`invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  let i = 0;
  const fail = (msg: string): never => {
    throw new EvalError(`invalid YAML: ${msg}`);
  };
  if (events[i]?.type !== 1) fail('missing start of document');
  const directives = (events[i] as { directives?: Array<{ kind: string; handle?: string; prefix?: string }> }).directives ?? [];
  i++;
  const anchorsPending = new Map<string, number>();
  const anchorVals = new Map<string, Val>();
  const slice = (a: number, b: number): string => (a >= 0 ? text.slice(a, b) : '');
  const tagOf = (e: YamlEvent): string => {
    const t = slice(e.tagStart ?? -1, e.tagEnd ?? -1);
    if (t === '') return '';
    if (t.startsWith('!<') && t.endsWith('>')) return t.slice(2, -1);
    if (t.startsWith('!!')) return `tag:yaml.org,2002:${t.slice(2)}`;
    for (const d of directives) if (d.kind === 'tag' && d.handle && t.startsWith(d.handle)) return d.prefix + t.slice(d.handle.length);
    return t;
  };
  const begin = (e: YamlEvent): string => {
    const a = slice(e.anchorStart ?? -1, e.anchorEnd ?? -1);
    if (a) anchorsPending.set(a, (anchorsPending.get(a) ?? 0) + 1);
    return a;
  };
  const complete = (a: string, v: Val): void => {
    if (!a) return;
    const n = (anchorsPending.get(a) ?? 1) - 1;
    if (n === 0) anchorsPending.delete(a);
    else anchorsPending.set(a, n);
    anchorVals.set(a, v);
  };
  const node = (depth: number): Val => {
    ctx.budget.spend();
    if (depth > 200) fail('nested too deeply');
    const e = events[i++];
    if (!e) return fail('expecting value but found end of stream');
    switch (e.type) {
      case 4: {
        const a = begin(e);
        const v = yamlScalar(tagOf(e), getScalarValue(text.length ? text : '\n', e as never), e.style!);
        complete(a, v);
        return v;
      }
      case 5: {
        const name = slice(e.anchorStart!, e.anchorEnd!);
        if (anchorsPending.has(name)) fail(`cannot refer to anchor "${name}" from inside its own definition`);
        const v = anchorVals.get(name);
        if (!v) return fail(`reference to undefined anchor "${name}"`);
        return v;
      }
      case 3: {
        const tag = tagOf(e);
        if (tag !== '' && tag !== 'tag:yaml.org,2002:map') fail(`can't interpret mapping as ${tag}`);
        const a = begin(e);
        const vals = new Map<string, Val>();
        for (;;) {
          const k = events[i];
          if (!k) fail('unexpected end of stream');
          if (k!.type === 6) {
            i++;
            const v = object(vals);
            complete(a, v);
            return v;
          }
          const isMerge = k!.type === 4 && ((tagOf(k!) === '' && getScalarValue(text, k as never) === '<<') || tagOf(k!) === 'tag:yaml.org,2002:merge');
          if (isMerge) {
            i++;
            const m = node(depth + 1);
            if (m.t.k === 'object' || m.t.k === 'map') for (const [mk, mv] of entries(m)) vals.set(mk, mv);
            else if (m.t.k === 'tuple' || m.t.k === 'list') {
              for (const x of elems(m)) {
                if (x.t.k !== 'object' && x.t.k !== 'map') fail(`cannot merge ${friendlyName(x.t)} (from sequence) into mapping`);
                for (const [mk, mv] of entries(x)) vals.set(mk, mv);
              }
            } else fail(`cannot merge ${friendlyName(m.t)} into mapping`);
            continue;
          }
          if (k!.type !== 4) fail('only strings are allowed as mapping keys');
          i++;
          const key = yamlScalar(tagOf(k!), getScalarValue(text, k as never), k!.style!);
          if (isNull(key)) fail('mapping key cannot be null');
          let ks: string;
          try {
            ks = S(convert(key, STRING));
          } catch {
            return fail('only strings are allowed as mapping keys');
          }
          vals.set(ks, node(depth + 1));
        }
      }
      case 2: {
        const tag = tagOf(e);
        if (tag !== '' && tag !== 'tag:yaml.org,2002:seq') fail(`can't interpret sequence as ${tag}`);
        const a = begin(e);
        const xs: Val[] = [];
        for (;;) {
          if (!events[i]) fail('unexpected end of stream');
          if (events[i]!.type === 6) {
            i++;
            ctx.budget.collection(xs.length);
            const v = tuple(xs);
            complete(a, v);
            return v;
          }
          xs.push(node(depth + 1));
        }
      }
      case 1:
        return fail('only a single document is allowed');
      default:
        return fail('expecting value');
    }
  };
  const v = node(0);
  if (events[i]?.type !== 6) fail('unexpected extra content after value');
  i++;
  if (i < events.length) fail(events[i]!.type === 1 ? 'only a single document is allowed' : 'unexpected extra content after value');
  return v;
}

interface YamlEvent {
  type: number;
  style?: number;
  tagStart?: number;
  tagEnd?: number;
  anchorStart?: number;
  anchorEnd?: number;
}

const YAML_SCALARS = new Map<string, Val>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) YAML_SCALARS.set(s, TRUE);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) YAML_SCALARS.set(s, FALSE);
for (const s of ['', '~', 'null', 'Null', 'NULL']) YAML_SCALARS.set(s, NULL);
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) YAML_SCALARS.set(s, num(BigNum.infinity(false)));
for (const s of ['-.inf', '-.Inf', '-.INF']) YAML_SCALARS.set(s, num(BigNum.infinity(true)));

const YAML_TAG = (t: string): string => `tag:yaml.org,2002:${t}`;

/** go-cty-yaml's resolveScalar: a scalar's value from its tag, text and style. */
function yamlScalar(tag: string, src: string, style: number): Val {
  const known = ['', 'str', 'bool', 'int', 'float', 'null', 'timestamp', 'binary'].map((t) => (t ? YAML_TAG(t) : ''));
  if (!known.includes(tag)) throw new EvalError(`invalid YAML: unsupported tag ${goQuote(tag)}`);
  let t = tag;
  const c = src[0];
  const hint = src === '' ? 'N' : c === '+' || c === '-' ? 'S' : c !== undefined && c >= '0' && c <= '9' ? 'D' : c !== undefined && 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : '';
  if (hint !== '' && t !== YAML_TAG('str') && t !== YAML_TAG('binary')) {
    // Quoted and block (literal, folded) scalars are strings: libyaml does not mark them plain-implicit.
    if (style !== 1) return str(src);
    const item = YAML_SCALARS.get(src);
    if (item) return item;
    if (t === '' && (src === '.nan' || src === '.NaN' || src === '.NAN')) throw new EvalError('invalid YAML: floating point NaN is not supported');
    if (hint === '.') {
      const n = parseCtyNumber(src);
      if (n) return num(n);
    } else if (hint === 'D' || hint === 'S') {
      if (t === '' || t === YAML_TAG('timestamp')) {
        const ts = yamlTimestamp(src);
        if (ts !== undefined) return str(ts);
      }
      if (/^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(src)) t = YAML_TAG('int');
      else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(src)) t = YAML_TAG('float');
    }
  }
  switch (t) {
    case YAML_TAG('str'):
      return str(src);
    case YAML_TAG('binary'):
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(src)) throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}: not valid base64`);
      return str(src);
    case YAML_TAG('bool'): {
      const item = YAML_SCALARS.get(src);
      if (!item || item.t.k !== 'bool') throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}`);
      return item;
    }
    case YAML_TAG('float'):
    case YAML_TAG('int'): {
      const plain = src.replace(/_/g, '');
      const n = parseCtyNumber(plain) ?? goParseInt(plain);
      if (!n) throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}`);
      return num(n);
    }
    case YAML_TAG('timestamp'): {
      const ts = yamlTimestamp(src);
      if (ts === undefined) throw new EvalError(`invalid YAML: cannot parse ${goQuote(src)} as ${tag}`);
      return str(ts);
    }
    case YAML_TAG('null'):
      return NULL;
    default:
      return str(src);
  }
}

/** cty.ParseNumberVal: big.ParseFloat(s, 10, 512): decimal, optional sign, point and exponent, or Inf. */
function parseCtyNumber(s: string): BigNum | undefined {
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$|^[+-]?(?:inf|Inf)$/.test(s)) return undefined;
  return BigNum.parse(s.replace(/^\+/, ''));
}

/** strconv.ParseInt(s, 0, 64), then ParseUint: 0x, 0o, 0b and 0 (octal) prefixes. */
function goParseInt(s: string): BigNum | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2]!;
  const v = /^0[oO]/.test(body) ? BigInt(`0o${body.slice(2)}`) : /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  const signed = m[1] === '-' ? -v : v;
  if (signed < -(1n << 63n) || signed >= 1n << 64n || (m[1] === '-' && signed >= 1n << 63n)) return undefined;
  return BigNum.fromBigInt(signed);
}

/**
 * go-cty-yaml's parseTimestamp (YYYY-M-D, optionally with a time, T/t or a space, fractional seconds
 * and a zone), as time.Format(time.RFC3339): seconds, the zone as Z or ±hh:mm.
 */
function yamlTimestamp(s: string): string | undefined {
  if (!/^[0-9]{4}-/.test(s)) return undefined;
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:([Tt])|( ))([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, tee, space, hh, mi, ss, frac, zone] = m;
  if (tee !== undefined && zone === undefined) return undefined; // the T layouts need a zone
  if (space !== undefined && zone !== undefined) return undefined; // the space layout has none
  if (frac !== undefined && frac.length > 9) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]!) return undefined;
  const h = Number(hh ?? 0);
  const mn = Number(mi ?? 0);
  const sc = Number(ss ?? 0);
  if (h > 23 || mn > 59 || sc > 59) return undefined;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const z = zone === undefined || zone === 'Z' || /^[+-]00:00$/.test(zone) ? 'Z' : zone;
  return `${y}-${p2(month)}-${p2(day)}T${p2(h)}:${p2(mn)}:${p2(sc)}${z}`;
}

// ---- time (RFC 3339 timestamps, Go durations, Terraform's formatdate) ----

interface Stamp {
  /** Milliseconds since the epoch (UTC). */
  ms: number;
  /** The timestamp's own UTC offset in minutes. */
  offset: number;
}

function parseStamp(s: string): Stamp {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/.exec(s);
  if (!m) throw new EvalError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || se! > 59) throw new EvalError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const frac = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  const local = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!) + frac;
  if (new Date(local).getUTCDate() !== d) throw new EvalError(`not a valid RFC3339 timestamp: ${JSON.stringify(s)}`);
  return { ms: local - offset * 60_000, offset };
}

/** Go's time.Format(time.RFC3339) in the stamp's own offset ("Z" for zero). */
function formatStamp(t: Stamp): string {
  const d = new Date(t.ms + t.offset * 60_000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const off = t.offset === 0 ? 'Z' : `${t.offset < 0 ? '-' : '+'}${p(Math.floor(Math.abs(t.offset) / 60))}:${p(Math.abs(t.offset) % 60)}`;
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${off}`;
}

/** Go's time.ParseDuration, in milliseconds (sub-millisecond parts kept as fractions). */
function parseDuration(s: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const m = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(s);
  if (!m) throw new EvalError(`invalid duration ${JSON.stringify(s)}`);
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * units[part[2]!]!;
  return m[1] === '-' ? -total : total;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Terraform's formatdate: runs of one letter are fields, 'quoted' text is literal. */
/** cty's formatdate (function/stdlib/datetime.go): its tokens, widths and quoting, digit for digit. */
function formatDate(spec: string, t: Stamp): string {
  const d = new Date(t.ms + t.offset * 60_000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const h12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const off = (colon: boolean): string => {
    const a = Math.abs(t.offset);
    return `${t.offset < 0 ? '-' : '+'}${p(Math.floor(a / 60))}${colon ? ':' : ''}${p(a % 60)}`;
  };
  const bad = (tok: string, why: string): never => {
    throw new EvalError(`invalid date format verb ${JSON.stringify(tok)}${why ? `: ${why}` : ''}`);
  };
  const verb = (tok: string): string => {
    const n = tok.length;
    switch (tok[0]) {
      case 'Y':
        return n === 2 ? p(d.getUTCFullYear() % 100) : n === 4 ? p(d.getUTCFullYear(), 4) : bad(tok, 'year must either be "YY" or "YYYY"');
      case 'M':
        return n === 1 ? String(d.getUTCMonth() + 1) : n === 2 ? p(d.getUTCMonth() + 1) : n === 3 ? MONTHS[d.getUTCMonth()]!.slice(0, 3) : n === 4 ? MONTHS[d.getUTCMonth()]! : bad(tok, 'month must be "M", "MM", "MMM", or "MMMM"');
      case 'D':
        return n === 1 ? String(d.getUTCDate()) : n === 2 ? p(d.getUTCDate()) : bad(tok, 'day of month must either be "D" or "DD"');
      case 'E':
        return n === 3 ? DAYS[d.getUTCDay()]!.slice(0, 3) : n === 4 ? DAYS[d.getUTCDay()]! : bad(tok, 'day of week must either be "EEE" or "EEEE"');
      case 'h':
        return n === 1 ? String(d.getUTCHours()) : n === 2 ? p(d.getUTCHours()) : bad(tok, '24-hour must either be "h" or "hh"');
      case 'H':
        return n === 1 ? String(h12) : n === 2 ? p(h12) : bad(tok, '12-hour must either be "H" or "HH"');
      case 'A':
      case 'a': {
        if (n !== 2) bad(tok, `must be "${tok[0]}${tok[0]}"`);
        const pm = d.getUTCHours() >= 12;
        return tok[0] === 'A' ? (pm ? 'PM' : 'AM') : pm ? 'pm' : 'am';
      }
      case 'm':
        return n === 1 ? String(d.getUTCMinutes()) : n === 2 ? p(d.getUTCMinutes()) : bad(tok, 'minute must either be "m" or "mm"');
      case 's':
        return n === 1 ? String(d.getUTCSeconds()) : n === 2 ? p(d.getUTCSeconds()) : bad(tok, 'second must either be "s" or "ss"');
      case 'Z':
        if (n === 1) return t.offset === 0 ? 'Z' : off(true);
        if (n === 3) return t.offset === 0 ? 'UTC' : off(false);
        if (n === 4) return off(false);
        if (n === 5) return off(true);
        return bad(tok, 'timezone must be Z, ZZZZ, or ZZZZZ');
      default:
        return bad(tok, '');
    }
  };
  const isVerb = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
  let out = '';
  let i = 0;
  while (i < spec.length) {
    const c = spec[i]!;
    if (c === "'") {
      if (spec[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
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

/** textencodebase64 / textdecodebase64 encodings Node can do exactly as Go's. */
/** Single-byte IANA encodings (golang.org/x/text charmap): code point -> byte, built from the WHATWG decoder. */
const SINGLE_BYTE = /^(?:WINDOWS-125[0-8]|ISO-8859-(?:[2-9]|1[03-6])|KOI8-[RU])$/;
const encoderTables = new Map<string, Map<number, number>>();

function singleByteTable(e: string): Map<number, number> {
  let t = encoderTables.get(e);
  if (!t) {
    t = new Map();
    const d = new TextDecoder(e.toLowerCase());
    for (let b = 0; b < 256; b++) {
      const c = d.decode(Uint8Array.of(b));
      if (c !== '\ufffd' && !t.has(c.codePointAt(0)!)) t.set(c.codePointAt(0)!, b);
    }
    encoderTables.set(e, t);
  }
  return t;
}

/** Multi-byte encodings decoded as golang.org/x/text does for well-formed input. */
const MULTI_BYTE_DECODE = new Map([
  ['SHIFT_JIS', 'shift_jis'],
  ['EUC-JP', 'euc-jp'],
  ['EUC-KR', 'euc-kr'],
  ['GBK', 'gbk'],
  ['GB18030', 'gb18030'],
  ['BIG5', 'big5'],
]);

function encodeText(s: string, enc: string): Buffer {
  const e = enc.toUpperCase();
  if (e === 'UTF-8' || e === 'UTF8') return Buffer.from(s, 'utf8');
  if (e === 'UTF-16LE') return Buffer.from(s, 'utf16le');
  if (e === 'UTF-16BE') return Buffer.from(s, 'utf16le').swap16();
  if (e === 'ISO-8859-1' || e === 'LATIN1') {
    if ([...s].some((c) => c.codePointAt(0)! > 0xff)) throw new EvalError(`the given string contains characters that cannot be represented in ${enc}`);
    return Buffer.from(s, 'latin1');
  }
  if (SINGLE_BYTE.test(e)) {
    const t = singleByteTable(e);
    const out: number[] = [];
    for (const ch of s) {
      const b = t.get(ch.codePointAt(0)!);
      if (b === undefined) throw new EvalError(`the given string contains characters that cannot be represented in ${enc}`);
      out.push(b);
    }
    return Buffer.from(out);
  }
  throw new NotStatic(`encoding ${enc} is not evaluated`);
}

function decodeText(b: Buffer, enc: string): string {
  const e = enc.toUpperCase();
  if (e === 'ISO-8859-1' || e === 'LATIN1') return b.toString('latin1');
  const label = e === 'UTF8' ? 'utf-8' : e === 'UTF-8' || e === 'UTF-16LE' || e === 'UTF-16BE' || SINGLE_BYTE.test(e) ? e.toLowerCase() : MULTI_BYTE_DECODE.get(e);
  if (!label) throw new NotStatic(`encoding ${enc} is not evaluated`);
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    throw new EvalError(`the given string contains symbols that are not defined for ${enc}`);
  }
  if (text.includes('\ufffd')) throw new EvalError(`the given string contains symbols that are not defined for ${enc}`);
  return text;
}

// ---- network ----

interface Cidr {
  v6: boolean;
  addr: bigint;
  bits: number;
  /** An IPv4-mapped IPv6 prefix: Go keeps a 16-byte address with an IPv4 (32-bit) mask. */
  mapped?: boolean;
}

function parseIp(s: string): { v6: boolean; addr: bigint } | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const o = v4.slice(1, 5).map(Number);
    // OpenTofu's ipaddr package (Go 1.16's net) still reads leading zeros as decimal.
    if (o.some((x) => x > 255)) return undefined;
    return { v6: false, addr: BigInt(((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0) };
  }
  if (!s.includes(':')) return undefined;
  let text = s;
  let tail: bigint[] = [];
  const embedded = /^(.*:)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(s);
  if (embedded) {
    const four = parseIp(embedded[2]!);
    if (!four) return undefined;
    tail = [four.addr >> 16n, four.addr & 0xffffn];
    text = `${embedded[1]!}0`;
    text = text.slice(0, -1);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): bigint[] | undefined => {
    if (h === '') return [];
    const gs = h.split(':');
    if (gs.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return gs.map((g) => BigInt(`0x${g}`));
  };
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const given = [...head, ...rest, ...tail];
  let all: bigint[];
  if (halves.length === 2) {
    if (given.length > 7) return undefined;
    all = [...head, ...new Array<bigint>(8 - given.length).fill(0n), ...rest, ...tail];
  } else {
    if (given.length !== 8) return undefined;
    all = given;
  }
  return { v6: true, addr: all.reduce((a, g) => (a << 16n) | g, 0n) };
}

function parseCidr(s: string): Cidr {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  if (!m) throw new EvalError(`invalid CIDR address: ${s}`);
  const ip = parseIp(m[1]!);
  const bits = Number(m[2]);
  if (!ip || bits > (ip.v6 ? 128 : 32)) throw new EvalError(`invalid CIDR address: ${s}`);
  const size = ip.v6 ? 128 : 32;
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(size - bits);
  if (ip.v6 && ip.addr >> 32n === 0xffffn && bits >= 96 && /^::ffff:\d/i.test(m[1]!)) return { v6: true, addr: ip.addr & mask, bits: bits - 96, mapped: true };
  return { v6: ip.v6, addr: ip.addr & mask, bits };
}

function ipText(addr: bigint, v6: boolean): string {
  if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((addr >> s) & 255n)).join('.');
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((addr >> BigInt(i * 16)) & 0xffffn));
  // IPv4-mapped addresses print in dotted form, as Go's net.IP.String.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return ipText(addr & 0xffffffffn, false);
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
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/**
 * Go's net.IPNet as OpenTofu's ipaddr.ParseCIDR gives it: a 4-byte address for IPv4 text, 16 bytes
 * for IPv6 text (also ::ffff:a.b.c.d), the mask as long as the address.
 */
interface GoNet {
  ip: bigint;
  bytes: 4 | 16;
  maskBits: number;
}

const netOf = (c: Cidr): GoNet => (c.mapped ? { ip: c.addr, bytes: 16, maskBits: c.bits + 96 } : { ip: c.addr, bytes: c.v6 ? 16 : 4, maskBits: c.bits });

/** net.IP.To4: a 16-byte address in ::ffff:0:0/96 is an IPv4 address. */
const isV4Mapped = (ip: bigint, bytes: number): boolean => bytes === 4 || ip >> 32n === 0xffffn;

/** net.IP.String. */
function goIpString(ip: bigint, bytes: number): string {
  if (bytes === 4) return ipText(ip, false);
  return isV4Mapped(ip, bytes) ? ipText(ip & 0xffffffffn, false) : ipText(ip, true);
}

/** net.IPNet.String: an IPv4 address (also a mapped one) with the mask's last 32 bits. */
function goNetString(n: GoNet): string {
  if (n.bytes === 16 && isV4Mapped(n.ip, 16)) return `${ipText(n.ip & 0xffffffffn, false)}/${Math.min(32, Math.max(0, n.maskBits - 96))}`;
  return `${goIpString(n.ip, n.bytes)}/${n.maskBits}`;
}

const low64 = (n: bigint): bigint => BigInt.asUintN(64, n < 0n ? -n : n); // big.Int.Uint64: the magnitude's low 64 bits

/** go-cidr's insertNumIntoIP with intToIP: two's complement OR, then the magnitude's bytes packed at the end. */
function insertNum(n: GoNet, num: bigint, prefixLen: number): bigint {
  const total = n.bytes * 8;
  const v = n.ip | (num << BigInt(total - prefixLen));
  const mag = v < 0n ? -v : v;
  if (mag >> BigInt(total) !== 0n) throw new EvalError('the address computed does not fit an IP address');
  return mag;
}

/** go-cidr SubnetBig, digit for digit (a negative netnum is read as go-cidr reads it). */
function cidrSubnet(prefix: Cidr, newbits: number, netnum: bigint): string {
  const n = netOf(prefix);
  if (newbits < 0) throw new EvalError('newbits must not be negative');
  const newPrefixLen = n.maskBits + newbits;
  if (newPrefixLen > n.bytes * 8) throw new EvalError(`insufficient address space to extend prefix of ${n.maskBits} by ${newbits}`);
  const maxNetNum = newbits >= 64 ? (1n << 64n) - 1n : (1n << BigInt(newbits)) - 1n;
  if (low64(netnum) > maxNetNum) throw new EvalError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  return goNetString({ ip: insertNum(n, netnum, newPrefixLen), bytes: n.bytes, maskBits: newPrefixLen });
}

/** go-cidr HostBig, digit for digit (its check reads the host number as an int64 of its low 64 bits). */
function cidrHost(prefix: Cidr, hostnum: bigint): string {
  const n = netOf(prefix);
  const maxHostNum = (1n << BigInt(n.bytes * 8 - n.maskBits)) - 1n;
  let num = hostnum;
  let numU = BigInt.asIntN(64, low64(num));
  if (num < 0n) {
    numU = -num - 1n;
    num = maxHostNum - numU;
  }
  if (numU > maxHostNum) throw new EvalError(`prefix of ${n.maskBits} does not accommodate a host numbered ${num}`);
  const bitLength = isV4Mapped(n.ip, n.bytes) ? 32 : 128;
  return goIpString(insertNum(n, num, bitLength), n.bytes);
}

const bigWhole = (v: Val, what: string): bigint => {
  const n = N(v);
  if (n.inf || !n.isInt()) throw new EvalError(`${what} must be a whole number`);
  return n.trunc();
};

// ---- files ----

function needFiles(ctx: FnContext): FileEnv {
  if (!ctx.files) throw new NotStatic('files are not read in this scope');
  return ctx.files;
}

/** Go's filepath.Clean on a POSIX path. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const n = path.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/$/, '') : n;
}

// ---- the library ----

const STR_LIST = listOf(STRING);

/** go-cty-yaml's resolution: YAML 1.2 core numbers (0755 is 755) but YAML 1.1 booleans (yes, no, on, off). */

const FUNCTIONS: Record<string, FnDef> = {
  // strings
  lower: { params: [STRING], impl: ([s]) => str(mapCase(S(s!), false)) },
  upper: { params: [STRING], impl: ([s]) => str(mapCase(S(s!), true)) },
  title: { params: [STRING], impl: ([s]) => str(title(S(s!))) },
  trimspace: { params: [STRING], impl: ([s]) => str(goTrimSpace(S(s!))) },
  trim: { params: [STRING, STRING], impl: ([s, c]) => str(trimSet(S(s!), S(c!))) },
  trimprefix: { params: [STRING, STRING], impl: ([s, p]) => str(S(s!).startsWith(S(p!)) ? S(s!).slice(S(p!).length) : S(s!)) },
  trimsuffix: { params: [STRING, STRING], impl: ([s, p]) => str(S(s!).endsWith(S(p!)) ? S(s!).slice(0, S(s!).length - S(p!).length) : S(s!)) },
  chomp: { params: [STRING], impl: ([s]) => str(S(s!).replace(/(?:\r\n?|\n)*$/, '')) },
  startswith: {
    params: [{ t: STRING, allowUnknown: true }, STRING],
    partial: true,
    impl: ([s, p]) => {
      if (isUnknown(s!)) {
        // OpenTofu's startswith on an unknown string with a known prefix (internal/lang/funcs/string.go).
        if (S(p!) === '') return TRUE;
        const known = refinementOf(s!).prefix ?? '';
        if (known !== '' && known.startsWith(S(p!))) return TRUE;
        if (known !== '' && Buffer.byteLength(known) >= Buffer.byteLength(S(p!))) return FALSE;
        throw new EvalError('unknown');
      }
      return bool(S(s!).startsWith(S(p!)));
    },
  },
  endswith: { params: [STRING, STRING], impl: ([s, p]) => bool(S(s!).endsWith(S(p!))) },
  strcontains: { params: [STRING, STRING], impl: ([s, p]) => bool(S(s!).includes(S(p!))) },
  strrev: { params: [STRING], impl: ([s]) => str(graphemes(S(s!)).reverse().join('')) },
  substr: { params: [STRING, NUMBER, NUMBER], impl: ([s, o, l]) => str(substr(S(s!), whole(o!, 'offset'), whole(l!, 'length'))) },
  replace: {
    params: [STRING, STRING, STRING],
    impl: ([s, f, r], ctx) => {
      const find = S(f!);
      if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) return str(regexReplace(S(s!), find.slice(1, -1), S(r!), ctx));
      return str(goReplaceAll(S(s!), find, S(r!), ctx));
    },
  },
  regex: {
    params: [STRING, STRING],
    impl: ([p, s], ctx) => {
      const re = compileRe(S(p!));
      const m = findAll(re, S(s!), 1, ctx)[0];
      if (!m) throw new EvalError('pattern did not match any part of the given string');
      return matchValue(re, S(s!), m);
    },
  },
  regexall: {
    params: [STRING, STRING],
    impl: ([p, s], ctx) => {
      const re = compileRe(S(p!));
      const ms = findAll(re, S(s!), Infinity, ctx);
      charged(ctx, ms.length);
      const vals = ms.map((m) => matchValue(re, S(s!), m));
      if (!vals.length) return list(re.groupCount() === 0 ? STRING : DYN, []);
      return list(vals[0]!.t, vals);
    },
  },
  split: {
    params: [STRING, STRING],
    impl: ([sep, s], ctx) => {
      const parts = goSplit(S(s!), S(sep!));
      charged(ctx, parts.length);
      return list(STRING, parts.map(str));
    },
  },
  join: {
    params: [STRING],
    variadic: STR_LIST,
    impl: ([sep, ...ls], ctx) => {
      if (ls.length === 0) throw new EvalError('at least one list is required');
      const items = ls.flatMap((l) => elems(l));
      for (const x of items) if (isNull(x)) throw new EvalError('a list element is null');
      const total = items.reduce((n, x) => n + S(x).length, 0) + S(sep!).length * Math.max(0, items.length - 1);
      ctx.budget.string(total);
      return str(items.map(S).join(S(sep!)));
    },
  },
  format: {
    params: [STRING],
    variadic: { t: ANY, allowNull: true },
    impl: ([f, ...rest], ctx) => str(formatString(S(f!), rest, ctx.budget, (v) => jsonText(v, ctx))),
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
      const out: Val[] = [];
      for (let i = 0; i < n; i++) {
        const args = rest.map((r) => (!isNull(r) && isSeq(r) ? elems(r)[i]! : r));
        out.push(str(formatString(S(f!), args, ctx.budget, (v) => jsonText(v, ctx))));
      }
      return list(STRING, out);
    },
  },
  indent: {
    params: [NUMBER, STRING],
    impl: ([n, s], ctx) => {
      const pad = whole(n!, 'spaces');
      if (pad < 0) throw new EvalError('strings.Repeat: negative Repeat count');
      const lines = S(s!).split('\n').length - 1;
      ctx.budget.string(S(s!).length + Math.max(0, pad) * lines);
      return str(S(s!).split('\n').join(`\n${' '.repeat(Math.max(0, pad))}`));
    },
  },
  // numbers
  abs: { params: [NUMBER], impl: ([x]) => num(N(x!).abs()) },
  // cty: f.SetInt(i) on the argument's own big.Float: the result keeps its precision (floor(1e300) is the 512-bit 1e300).
  ceil: { params: [NUMBER], impl: ([x]) => (N(x!).inf ? x! : num(BigNum.fromBigInt(N(x!).ceil(), N(x!).prec))) },
  floor: { params: [NUMBER], impl: ([x]) => (N(x!).inf ? x! : num(BigNum.fromBigInt(N(x!).floor(), N(x!).prec))) },
  log: { params: [NUMBER, NUMBER], impl: ([x, b]) => num(BigNum.fromFloat64(Math.log(N(x!).toJs()) / Math.log(N(b!).toJs()))) },
  pow: { params: [NUMBER, NUMBER], impl: ([a, b]) => num(BigNum.fromFloat64(Math.pow(N(a!).toJs(), N(b!).toJs()))) },
  // cty reads the argument as a Go int: a fraction or a number beyond int64 is an error.
  signum: { params: [NUMBER], impl: ([x]) => int(goInt(x!, 'num') < 0n ? -1 : goInt(x!, 'num') > 0n ? 1 : 0) },
  max: {
    params: [],
    variadic: NUMBER,
    impl: (xs) => {
      if (!xs.length) throw new EvalError('must pass at least one number');
      return xs.reduce((a, b) => (N(b).cmp(N(a)) > 0 ? b : a));
    },
  },
  min: {
    params: [],
    variadic: NUMBER,
    impl: (xs) => {
      if (!xs.length) throw new EvalError('must pass at least one number');
      return xs.reduce((a, b) => (N(b).cmp(N(a)) < 0 ? b : a));
    },
  },
  parseint: {
    params: [STRING, NUMBER],
    impl: ([s, b]) => {
      const base = whole(b!, 'base');
      if (base < 2 || base > 62) throw new EvalError('base must be a whole number between 2 and 62 inclusive');
      const text = S(s!);
      const m = /^([+-]?)(.+)$/.exec(text);
      const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
      if (!m) throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
      let n = 0n;
      for (const ch of m[2]!) {
        let d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch);
        if (base <= 36 && d >= 36) d = -1;
        if (d < 0 || d >= base) throw new EvalError(`cannot parse "${text}" as a base ${base} integer`);
        n = n * BigInt(base) + BigInt(d);
      }
      return num(BigNum.fromBigInt(m[1] === '-' ? -n : n));
    },
  },
  // collections
  length: {
    params: [ANY],
    partial: true,
    impl: ([v]) => {
      if (v!.t.k === 'string') {
        if (isUnknown(v!)) throw new EvalError('unknown');
        return int(graphemes(S(v!)).length);
      }
      if (isSeq(v!)) return int(elems(v!).length);
      if (isMapLike(v!)) return int(entries(v!).size);
      throw new EvalError(`argument must be a string, a collection type, or a structural type, not ${friendlyName(v!.t)}`);
    },
  },
  concat: {
    params: [],
    variadic: ANY,
    partial: true,
    impl: (ls, ctx) => {
      for (const l of ls) if (l.t.k !== 'list' && l.t.k !== 'tuple') throw new EvalError(`all arguments must be lists or tuples; got ${friendlyName(l.t)}`);
      const total = ls.reduce((n, l) => n + elems(l).length, 0);
      charged(ctx, total);
      const items = ls.flatMap((l) => elems(l));
      const allLists = ls.length > 0 && ls.every((l) => l.t.k === 'list' && typeEquals(l.t, ls[0]!.t));
      if (allLists) return list((ls[0]!.t as { e: Type }).e, items);
      return tuple(items);
    },
  },
  merge: {
    params: [],
    variadic: { t: ANY, allowNull: true },
    partial: true,
    impl: (ms, ctx) => {
      const out = new Map<string, Val>();
      const given = ms.filter((m) => !isNull(m));
      for (const m of given) {
        if (!isMapLike(m)) throw new EvalError(`arguments must be maps or objects, got ${friendlyName(m.t)}`);
        for (const [k, x] of entries(m)) out.set(k, x);
      }
      charged(ctx, out.size);
      const allMaps = given.length > 0 && given.every((m) => m.t.k === 'map' && typeEquals(m.t, given[0]!.t));
      if (allMaps) return map((given[0]!.t as { e: Type }).e, out);
      return object(out);
    },
  },
  // cty's MakeToFunc: the conversion is chosen from the types, so a null whose type does not convert
  // (a null object to tolist) is refused like any value of that type.
  tolist: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => toNull(v!, LIST_ANY) ?? convert(v!, LIST_ANY) },
  toset: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => toNull(v!, setOf(DYN)) ?? convert(v!, setOf(DYN)) },
  tomap: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => toNull(v!, mapOf(DYN)) ?? convert(v!, mapOf(DYN)) },
  tostring: { params: [{ t: ANY, allowNull: true }], impl: ([v]) => toNull(v!, STRING) ?? convert(v!, STRING) },
  tonumber: { params: [{ t: ANY, allowNull: true }], impl: ([v]) => toNull(v!, NUMBER) ?? convert(v!, NUMBER) },
  tobool: { params: [{ t: ANY, allowNull: true }], impl: ([v]) => toNull(v!, BOOL) ?? convert(v!, BOOL) },
  lookup: {
    params: [ANY, STRING],
    variadic: { t: ANY, allowNull: true },
    partial: true,
    impl: ([m, k, ...d]) => {
      if (d.length > 1) throw new EvalError('lookup() takes no more than three arguments');
      if (!isMapLike(m!)) throw new EvalError(`the first argument must be a map or object, not ${friendlyName(m!.t)}`);
      const key = S(k!);
      const found = entries(m!).get(key);
      if (m!.t.k === 'map') {
        const ety = (m!.t as { e: Type }).e;
        if (found) return found;
        if (!d.length) throw new EvalError(`the given key "${key}" does not exist in the map`);
        return ety.k === 'dynamic' ? d[0]! : convert(d[0]!, ety);
      }
      if (found) {
        if (!d.length) return found;
        return found;
      }
      if (!d.length) throw new EvalError(`the given key "${key}" does not exist in the map`);
      return d[0]!;
    },
  },
  element: {
    params: [ANY, NUMBER],
    partial: true,
    impl: ([l, i]) => {
      if (l!.t.k === 'set') throw new EvalError('cannot use element function with a set type');
      if (l!.t.k !== 'list' && l!.t.k !== 'tuple') throw new EvalError('the first argument must be a list or tuple');
      const xs = elems(l!);
      if (!xs.length) throw new EvalError('cannot use element function with an empty list');
      const idx = whole(i!, 'index') % xs.length;
      return xs[idx < 0 ? idx + xs.length : idx]!;
    },
  },
  // OpenTofu's index (internal/lang/funcs/collection.go): a list or tuple as given, no conversion;
  // elements compared with cty's Equal (1 and "1" differ).
  index: {
    // The value may not be null (OpenTofu's index has no AllowNull on it: "argument must not be null").
    params: [{ t: ANY, allowUnknown: true }, { t: ANY, allowUnknown: true }],
    partial: true,
    impl: ([l, v], ctx) => {
      if (isUnknown(l!) && l!.t.k === 'dynamic') throw new EvalError('unknown');
      if (l!.t.k !== 'list' && l!.t.k !== 'tuple') throw new EvalError('argument must be a list or tuple');
      if (isUnknown(l!)) throw new EvalError('unknown');
      if (elems(l!).length === 0) throw new EvalError('cannot search an empty list');
      void ctx;
      for (const [i, x] of elems(l!).entries()) {
        const eq = ctyEquals(x, v!);
        if (eq === undefined) throw new EvalError('unknown');
        if (eq) return int(i);
      }
      throw new EvalError('item not found');
    },
  },
  contains: {
    params: [ANY, ANY],
    impl: ([l, v]) => {
      if (!isSeq(l!)) throw new EvalError('argument must be list, tuple, or set');
      return bool(elems(l!).some((x) => equalsKnown(x, v!)));
    },
  },
  keys: {
    params: [ANY],
    partial: true,
    impl: ([m]) => {
      if (!isMapLike(m!)) throw new EvalError('must have map or object type');
      const ks = [...entries(m!).keys()].map(str);
      return m!.t.k === 'map' ? list(STRING, ks) : tuple(ks);
    },
  },
  values: {
    params: [ANY],
    partial: true,
    impl: ([m]) => {
      if (!isMapLike(m!)) throw new EvalError('must have map or object type');
      const vs = [...entries(m!).values()];
      return m!.t.k === 'map' ? list((m!.t as { e: Type }).e, vs) : tuple(vs);
    },
  },
  flatten: {
    params: [ANY],
    partial: true,
    impl: ([l], ctx) => {
      if (!isSeq(l!)) throw new EvalError('can only flatten lists, sets and tuples');
      const out: Val[] = [];
      const walk = (xs: Val[]): void => {
        for (const x of xs) {
          if (isUnknown(x) && !isNull(x)) throw new EvalError('unknown');
          if (!isNull(x) && isSeq(x)) walk(elems(x));
          else out.push(x);
          ctx.budget.spend();
        }
      };
      walk(elems(l!));
      charged(ctx, out.length);
      return tuple(out);
    },
  },
  distinct: {
    params: [LIST_ANY],
    impl: ([l]) => {
      const out: Val[] = [];
      for (const x of elems(l!)) if (!out.some((y) => rawEquals(x, y))) out.push(x);
      return list((l!.t as { e: Type }).e, out);
    },
  },
  compact: {
    params: [STR_LIST],
    impl: ([l]) =>
      list(
        STRING,
        elems(l!).filter((x) => !isNull(x) && S(x) !== ''),
      ),
  },
  reverse: {
    params: [ANY],
    partial: true,
    impl: ([l]) => {
      // A set is reversed as the list it converts to (cty's ReverseListFunc).
      if (l!.t.k === 'list' || l!.t.k === 'set') return list((l!.t as { e: Type }).e, [...elems(l!)].reverse());
      if (l!.t.k === 'tuple') return tuple([...elems(l!)].reverse());
      throw new EvalError('can only reverse lists or tuples');
    },
  },
  sort: {
    params: [STR_LIST],
    impl: ([l]) => {
      const xs = elems(l!);
      if (xs.some(isNull)) throw new EvalError('given list element is null');
      return list(
        STRING,
        [...xs].sort((a, b) => compareStrings(S(a), S(b))),
      );
    },
  },
  slice: {
    params: [ANY, NUMBER, NUMBER],
    partial: true,
    impl: ([l, a, b]) => {
      if (l!.t.k !== 'list' && l!.t.k !== 'tuple') throw new EvalError('must be a list or tuple type');
      const xs = elems(l!);
      const start = whole(a!, 'start index');
      const end = whole(b!, 'end index');
      if (start < 0) throw new EvalError('from index must be greater than or equal to 0');
      if (end > xs.length) throw new EvalError('to index must be less than or equal to the length of the input collection');
      if (start > end) throw new EvalError('from index must be less than or equal to index');
      const part = xs.slice(start, end);
      return l!.t.k === 'list' ? list((l!.t as { e: Type }).e, part) : tuple(part);
    },
  },
  range: {
    params: [],
    variadic: NUMBER,
    impl: (a, ctx) => {
      let start: BigNum;
      let end: BigNum;
      let step: BigNum;
      const one = BigNum.fromInt(1);
      const zero = BigNum.fromInt(0);
      if (a.length === 1) [start, end, step] = [zero, N(a[0]!), N(a[0]!).sign() < 0 ? one.neg_() : one];
      else if (a.length === 2) [start, end, step] = [N(a[0]!), N(a[1]!), N(a[1]!).cmp(N(a[0]!)) < 0 ? one.neg_() : one];
      else if (a.length === 3) [start, end, step] = [N(a[0]!), N(a[1]!), N(a[2]!)];
      else throw new EvalError('must have one, two, or three arguments');
      if (step.isZero()) throw new EvalError('step must not be zero');
      const down = step.sign() < 0;
      if (down && end.cmp(start) > 0) throw new EvalError('end must be less than start when step is negative');
      if (!down && end.cmp(start) < 0) throw new EvalError('end must be greater than start when step is positive');
      const out: Val[] = [];
      for (let x = start; down ? x.cmp(end) > 0 : x.cmp(end) < 0; x = x.add(step)) {
        if (out.length >= 1024) throw new EvalError('more than 1024 values were generated; either decrease the difference between start and end or use a smaller step');
        out.push(num(x));
      }
      charged(ctx, out.length);
      return list(NUMBER, out);
    },
  },
  zipmap: {
    params: [STR_LIST, ANY],
    partial: true,
    impl: ([k, v]) => {
      if (v!.t.k !== 'list' && v!.t.k !== 'tuple') throw new EvalError('values must be a list or tuple');
      const ks = elems(k!);
      const vs = elems(v!);
      if (ks.length !== vs.length) throw new EvalError(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
      const m = new Map<string, Val>();
      ks.forEach((x, i) => {
        if (isUnknown(x)) throw new EvalError('unknown key');
        if (isNull(x)) throw new EvalError('a key is null');
        m.set(S(x), vs[i]!);
      });
      return v!.t.k === 'list' ? map((v!.t as { e: Type }).e, m) : object(m);
    },
  },
  setunion: { params: [setOf(DYN)], variadic: setOf(DYN), impl: (ss) => setOp(ss, (a, all) => all.some((s) => s.some((y) => rawEquals(a, y))), true) },
  setintersection: { params: [setOf(DYN)], variadic: setOf(DYN), impl: (ss) => setOp(ss, (a, all) => all.every((s) => s.some((y) => rawEquals(a, y))), false) },
  setsubtract: {
    params: [setOf(DYN), setOf(DYN)],
    impl: ([a, b]) => {
      const [x, y] = unifyValues([a!, b!], 'setsubtract');
      return set(
        (x!.t as { e: Type }).e,
        elems(x!).filter((e) => !elems(y!).some((f) => rawEquals(e, f))),
      );
    },
  },
  setproduct: {
    params: [],
    variadic: ANY,
    impl: (ls, ctx) => {
      if (ls.length < 2) throw new EvalError('at least two arguments are required');
      for (const l of ls) if (!isSeq(l)) throw new EvalError('all arguments must be lists, sets or tuples');
      const total = ls.reduce((n, l) => n * elems(l).length, 1);
      charged(ctx, total);
      let rows: Val[][] = [[]];
      for (const l of ls) rows = rows.flatMap((r) => elems(l).map((x) => [...r, x]));
      const asSet = ls.every((l) => l.t.k === 'set');
      const etys = ls.map((l) => (l.t.k === 'tuple' ? undefined : (l.t as { e: Type }).e));
      const items = rows.map((r) => (etys.every((t) => t) ? tuple(r.map((x, i) => (etys[i]!.k === 'dynamic' ? x : convert(x, etys[i]!)))) : tuple(r)));
      if (!items.length) return asSet ? set(DYN, []) : list(DYN, []);
      if (asSet) return set(items[0]!.t, items);
      const t = items[0]!.t;
      return items.every((x) => typeEquals(x.t, t)) ? list(t, items) : tuple(items);
    },
  },
  coalescelist: {
    params: [],
    variadic: ANY,
    partial: true,
    impl: (ls) => {
      if (!ls.length) throw new EvalError('at least one argument is required');
      for (const l of ls) if (l.t.k !== 'list' && l.t.k !== 'tuple') throw new EvalError('all arguments must be lists or tuples');
      const found = ls.find((l) => elems(l).length > 0);
      if (!found) throw new EvalError('no non-null arguments');
      return found;
    },
  },
  chunklist: {
    params: [LIST_ANY, NUMBER],
    partial: true,
    impl: ([l, n], ctx) => {
      const xs = elems(l!);
      const size = whole(n!, 'size');
      const ety = (l!.t as { e: Type }).e;
      if (size < 0) throw new EvalError('the size argument must be positive');
      if (size === 0) return list(listOf(ety), [l!]);
      const out: Val[] = [];
      for (let i = 0; i < xs.length; i += size) out.push(list(ety, xs.slice(i, i + size)));
      charged(ctx, out.length);
      return list(listOf(ety), out);
    },
  },
  one: {
    params: [ANY],
    partial: true,
    impl: ([l]) => {
      if (!isSeq(l!)) throw new EvalError('must be a list, set, or tuple value');
      const xs = elems(l!);
      if (xs.length > 1) throw new EvalError('must be a list, set, or tuple value with either zero or one elements');
      if (!xs.length) return l!.t.k === 'tuple' ? NULL : nullOf((l!.t as { e: Type }).e);
      return xs[0]!;
    },
  },
  sum: {
    params: [ANY],
    impl: ([l]) => {
      if (!isSeq(l!)) throw new EvalError('argument must be list, set, or tuple');
      const xs = elems(l!);
      if (!xs.length) throw new EvalError('cannot sum an empty list');
      let acc: BigNum | undefined;
      for (const x of xs) {
        if (isNull(x)) throw new EvalError('argument must be list, set, or tuple of number values');
        const n = N(convert(x, NUMBER));
        acc = acc ? acc.add(n) : n;
      }
      return num(acc!);
    },
  },
  alltrue: { params: [listOf(BOOL)], impl: ([l]) => bool(elems(l!).every((x) => !isNull(x) && asBool(x))) },
  anytrue: { params: [listOf(BOOL)], impl: ([l]) => bool(elems(l!).some((x) => !isNull(x) && asBool(x))) },
  matchkeys: {
    params: [LIST_ANY, LIST_ANY, LIST_ANY],
    impl: ([vs, ks0, search0]) => {
      // keys and searchset are compared as their unified type (OpenTofu refuses types that do not unify).
      const u = unify([ks0!.t, search0!.t], true);
      if (!u) throw new EvalError('keys and searchset must be of the same type');
      const [ks, search] = [ks0!, search0!].map((x, i) => (u.convs[i] ? u.convs[i]!(x) : x));
      const values = elems(vs!);
      const keys = elems(ks!);
      if (values.length !== keys.length) throw new EvalError('length of keys and values should be equal');
      const out = values.filter((_, i) => elems(search!).some((s) => equalsKnown(keys[i]!, s)));
      return list((vs!.t as { e: Type }).e, out);
    },
  },
  transpose: {
    params: [mapOf(STR_LIST)],
    impl: ([m]) => {
      const out = new Map<string, Val[]>();
      for (const [k, l] of entries(m!)) {
        for (const v of elems(l)) {
          if (isNull(v)) throw new EvalError('input map contains a null value');
          let g = out.get(S(v));
          if (!g) out.set(S(v), (g = []));
          g.push(str(k));
        }
      }
      const res = new Map<string, Val>();
      for (const [k, g] of out) res.set(k, list(STRING, g));
      return map(STR_LIST, res);
    },
  },
  // encoding
  jsonencode: { params: [{ t: ANY, allowNull: true }], impl: ([v], ctx) => str(jsonText(v!, ctx)) },
  jsondecode: { params: [STRING], impl: ([s], ctx) => jsonDecode(S(s!), ctx) },
  yamlencode: { params: [{ t: ANY, allowNull: true }], impl: ([v], ctx) => str(yamlEncode(v!, ctx.budget)) },
  base64encode: { params: [STRING], impl: ([s]) => str(Buffer.from(S(s!), 'utf8').toString('base64')) },
  base64gzip: {
    params: [STRING],
    impl: ([s], ctx) => {
      ctx.budget.string(S(s!).length * 2);
      return str(goGzip(Buffer.from(S(s!), 'utf8')).toString('base64'));
    },
  },
  base64gunzip: {
    params: [STRING],
    impl: ([s], ctx) => {
      let out: Buffer;
      try {
        out = zlib().gunzipSync(goBase64(S(s!)), { maxOutputLength: LIMITS.stringLength });
      } catch (e) {
        if (e instanceof EvalError) throw e;
        throw new EvalError(`failed to gunzip bytestream: ${(e as Error).message}`);
      }
      ctx.budget.string(out.length);
      return str(out.toString('utf8'));
    },
  },
  base64decode: {
    params: [STRING],
    impl: ([s]) => {
      const bytes = goBase64(S(s!));
      const out = new TextDecoder('utf-8', { fatal: true });
      try {
        return str(out.decode(bytes));
      } catch {
        throw new EvalError('the result of decoding the provided string is not valid UTF-8');
      }
    },
  },
  urlencode: {
    params: [STRING],
    impl: ([s]) => {
      let out = '';
      for (const b of Buffer.from(S(s!), 'utf8')) {
        const ch = String.fromCharCode(b);
        if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
        else if (ch === ' ') out += '+';
        else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      return str(out);
    },
  },
  urldecode: {
    params: [STRING],
    impl: ([s]) => {
      const text = S(s!).replace(/\+/g, ' ');
      if (/%(?![0-9A-Fa-f]{2})/.test(text)) throw new EvalError('invalid URL escape');
      const bytes = Buffer.from(text.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      try {
        return str(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        throw new EvalError('the decoded text is not valid UTF-8');
      }
    },
  },
  uuidv5: {
    params: [STRING, STRING],
    impl: ([ns, name]) => {
      const known: Record<string, string> = {
        dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
        url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
        oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
        x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
      };
      const given = S(ns!);
      const space = Object.hasOwn(known, given) ? known[given]! : given;
      if (!/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(space)) throw new EvalError(`uuidv5() doesn't support namespace ${given}`);
      const h = createHash('sha1').update(Buffer.from(space.replace(/-/g, ''), 'hex')).update(S(name!), 'utf8').digest();
      h[6] = (h[6]! & 0x0f) | 0x50;
      h[8] = (h[8]! & 0x3f) | 0x80;
      const x = h.subarray(0, 16).toString('hex');
      return str(`${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`);
    },
  },
  timeadd: { params: [STRING, STRING], impl: ([t, d]) => { const st = parseStamp(S(t!)); return str(formatStamp({ ms: st.ms + parseDuration(S(d!)), offset: st.offset })); } },
  timecmp: { params: [STRING, STRING], impl: ([a, b]) => int(Math.sign(parseStamp(S(a!)).ms - parseStamp(S(b!)).ms)) },
  formatdate: { params: [STRING, STRING], impl: ([f, t]) => str(formatDate(S(f!), parseStamp(S(t!)))) },
  textencodebase64: { params: [STRING, STRING], impl: ([s, e]) => str(encodeText(S(s!), S(e!)).toString('base64')) },
  textdecodebase64: {
    params: [STRING, STRING],
    impl: ([s, e]) => {
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(S(s!))) throw new EvalError('invalid base64 data');
      return str(decodeText(Buffer.from(S(s!), 'base64'), S(e!)));
    },
  },
  csvdecode: { params: [STRING], impl: ([s], ctx) => csvDecode(S(s!), ctx) },
  yamldecode: { params: [STRING], impl: ([s], ctx) => yamlDecode(S(s!), ctx) },
  rsadecrypt: { params: [STRING, STRING], impl: ([c, k]) => str(rsaDecrypt(S(c!), S(k!))) },
  md5: { params: [STRING], impl: ([s]) => str(createHash('md5').update(S(s!), 'utf8').digest('hex')) },
  sha1: { params: [STRING], impl: ([s]) => str(createHash('sha1').update(S(s!), 'utf8').digest('hex')) },
  sha256: { params: [STRING], impl: ([s]) => str(createHash('sha256').update(S(s!), 'utf8').digest('hex')) },
  sha512: { params: [STRING], impl: ([s]) => str(createHash('sha512').update(S(s!), 'utf8').digest('hex')) },
  base64sha256: { params: [STRING], impl: ([s]) => str(createHash('sha256').update(S(s!), 'utf8').digest('base64')) },
  base64sha512: { params: [STRING], impl: ([s]) => str(createHash('sha512').update(S(s!), 'utf8').digest('base64')) },
  // network
  cidrsubnet: {
    params: [STRING, NUMBER, NUMBER],
    impl: ([p, b, n]) => {
      return str(cidrSubnet(parseCidr(S(p!)), whole(b!, 'newbits'), bigWhole(n!, 'netnum')));
    },
  },
  cidrsubnets: {
    params: [STRING],
    variadic: NUMBER,
    impl: ([p, ...bits], ctx) => {
      const base = parseCidr(S(p!));
      const size = base.v6 ? 128 : 32;
      charged(ctx, bits.length);
      let next = base.addr;
      const end = base.addr + (1n << BigInt(size - base.bits));
      return list(
        STRING,
        bits.map((b) => {
          const nb = base.bits + whole(b, 'newbits');
          if (nb > size || nb < base.bits) throw new EvalError(`would extend prefix to ${nb} bits, which is too long for an IPv${base.v6 ? 6 : 4} address`);
          const block = 1n << BigInt(size - nb);
          const start = ((next + block - 1n) / block) * block;
          if (start + block > end) throw new EvalError(`not enough remaining address space for a subnet with a prefix of ${nb} bits after ${ipText(next, base.v6)}`);
          next = start + block;
          return str(`${ipText(start, base.v6)}/${nb}`);
        }),
      );
    },
  },
  cidrhost: { params: [STRING, NUMBER], impl: ([p, h]) => str(cidrHost(parseCidr(S(p!)), bigWhole(h!, 'hostnum'))) },
  cidrnetmask: {
    params: [STRING],
    impl: ([p]) => {
      const c = parseCidr(S(p!));
      // An IPv4-mapped prefix is an IPv4 network to OpenTofu, with its 16-byte mask printed as an address.
      if (c.mapped) return str(ipText(((1n << BigInt(c.bits + 96)) - 1n) << BigInt(32 - c.bits), true));
      if (c.v6) throw new EvalError('IPv6 addresses cannot have a netmask');
      return str(ipText(c.bits === 0 ? 0n : ((1n << BigInt(c.bits)) - 1n) << BigInt(32 - c.bits), false));
    },
  },
  cidrcontains: {
    params: [STRING, STRING],
    impl: ([p, a]) => {
      const c = parseCidr(S(p!));
      const size = c.v6 ? 128 : 32;
      const ip = S(a!).includes('/') ? parseCidr(S(a!)) : (() => {
        const x = parseIp(S(a!));
        if (!x) throw new EvalError(`invalid IP address: ${S(a!)}`);
        return { ...x, bits: size };
      })();
      if (ip.v6 !== c.v6) throw new EvalError('address family mismatch');
      const mask = c.bits === 0 ? 0n : ((1n << BigInt(c.bits)) - 1n) << BigInt(size - c.bits);
      return bool((ip.addr & mask) === c.addr && ip.bits >= c.bits);
    },
  },
  // files and paths (reads go through the caller's workspace-confined reader)
  basename: { params: [STRING], impl: ([p]) => str(goBase(S(p!))) },
  dirname: { params: [STRING], impl: ([p]) => str(goDir(S(p!))) },
  abspath: {
    params: [STRING],
    impl: ([p], ctx) => {
      const given = S(p!);
      if (given.startsWith('/')) return str(cleanPath(given));
      return str(cleanPath(path.posix.join(needFiles(ctx).cwd, given)));
    },
  },
  pathexpand: {
    params: [STRING],
    impl: ([p]) => {
      const given = S(p!);
      if (given === '~' || given.startsWith('~/')) throw new EvalError('the home directory of the machine running OpenTofu is not known statically');
      return str(given);
    },
  },
  file: { params: [STRING], impl: ([p], ctx) => str(fileText(ctx, S(p!))) },
  fileset: { params: [STRING, STRING], impl: ([p, pat], ctx) => fileset(ctx, S(p!), S(pat!)) },
  fileexists: {
    params: [STRING],
    impl: ([p], ctx) => {
      const e = needFiles(ctx).exists(S(p!));
      if (e === undefined) throw new NotStatic('not known statically');
      return bool(e);
    },
  },
  filebase64: { params: [STRING], impl: ([p], ctx) => str(needFiles(ctx).read(S(p!)).toString('base64')) },
  filemd5: fileHash('md5', 'hex'),
  filesha1: fileHash('sha1', 'hex'),
  filesha256: fileHash('sha256', 'hex'),
  filesha512: fileHash('sha512', 'hex'),
  filebase64sha256: fileHash('sha256', 'base64'),
  filebase64sha512: fileHash('sha512', 'base64'),
  templatefile: {
    params: [STRING, { t: ANY }],
    impl: ([p, vars], ctx) => {
      if (!ctx.template) throw new NotStatic('templates are not rendered here');
      if (!isMapLike(vars!)) throw new EvalError('the vars argument must be a map or object');
      return ctx.template(fileText(ctx, S(p!)), entries(vars!));
    },
  },
  templatestring: {
    params: [STRING, { t: ANY }],
    impl: ([t, vars], ctx) => {
      if (!ctx.template) throw new NotStatic('templates are not rendered here');
      if (!isMapLike(vars!)) throw new EvalError('the vars argument must be a map or object');
      return ctx.template(S(t!), entries(vars!));
    },
  },
  // identity-like
  sensitive: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => v! },
  nonsensitive: { params: [{ t: ANY, allowNull: true }], partial: true, impl: ([v]) => v! },
};

/** tolist(null) and the like: a null of the wanted type, when the null's own type converts to it. */
function toNull(v: Val, want: Type): Val | undefined {
  if (!isNull(v)) return undefined;
  if (v.t.k !== 'dynamic') convert(v, want); // an EvalError when the types do not convert
  return nullOf(want);
}

/** Go's filepath.Base. */
function goBase(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's filepath.Dir. */
function goDir(p: string): string {
  const i = p.lastIndexOf('/');
  return cleanPath(p.slice(0, i + 1));
}

/** Known, equal values of equal types (contains, index, matchkeys): an unknown element is an error. */
function equalsKnown(a: Val, b: Val): boolean {
  if (containsUnknown(a) || containsUnknown(b)) throw new EvalError('unknown');
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b);
  if (!typeEquals(a.t, b.t)) return false;
  return rawEquals(a, b);
}

function setOp(ss: Val[], keep: (x: Val, all: Val[][]) => boolean, union: boolean): Val {
  const sets = unifyValues(ss, 'set function');
  const all = sets.map((s) => elems(s));
  const ety = (sets[0]!.t as { e: Type }).e;
  if (union) return set(ety, all.flat());
  return set(
    ety,
    all[0]!.filter((x) => keep(x, all.slice(1))),
  );
}

/** Names the library evaluates (for tests and documentation). */
export const SUPPORTED_FUNCTIONS = [...Object.keys(FUNCTIONS), 'try', 'can', 'coalesce'].sort();

/** Functions whose unknown result may be null (no RefineResult in cty or OpenTofu): every other one's is refined not null. */
const MAY_BE_NULL = new Set(['index', 'element', 'lookup', 'timeadd', 'jsondecode', 'yamldecode', 'cidrcontains', 'one', 'type', 'sensitive', 'nonsensitive', 'strcontains', 'tolist', 'toset', 'tomap', 'tostring', 'tonumber', 'tobool', 'coalesce', 'coalescelist', 'templatefile', 'templatestring', 'file', 'base64gunzip']);

export function callFunction(name: string, args: Val[], src: string, budget: Budget, extra?: Omit<FnContext, 'budget'>): Val {
  const v = callFunctionRaw(name, args, src, budget, extra);
  return isUnknown(v) && FUNCTIONS_HAS(name) && !MAY_BE_NULL.has(name) ? notNullUnknown(v) : v;
}

const FUNCTIONS_HAS = (name: string): boolean => Object.hasOwn(FUNCTIONS, name);

function callFunctionRaw(name: string, args: Val[], src: string, budget: Budget, extra?: Omit<FnContext, 'budget'>): Val {
  const def = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!def) return unk(src); // not evaluated statically (timestamp, uuid, provider functions...)
  const ctx: FnContext = { budget, ...extra };
  if (args.length < def.params.length || (!def.variadic && args.length > def.params.length)) {
    throw new EvalError(`${name}: wrong number of arguments (${args.length})`);
  }
  const converted: Val[] = [];
  for (let i = 0; i < args.length; i++) {
    const p = i < def.params.length ? def.params[i]! : def.variadic!;
    const a = args[i]!;
    if (isUnknown(a)) {
      if (paramAllowsUnknown(p)) {
        converted.push(a);
        continue;
      }
      return derivedUnknown(src, [a]);
    }
    if (isNull(a) && !paramAllowsNull(p)) throw new EvalError(`${name}: argument ${i + 1} must not be null`);
    const t = paramType(p);
    converted.push(t.k === 'dynamic' ? a : convert(a, t));
  }
  if (!def.partial && converted.some(containsUnknown)) return derivedUnknown(src, converted);
  try {
    return def.impl(converted, ctx);
  } catch (e) {
    if (e instanceof NotStatic || (e instanceof EvalError && e.message === 'unknown')) return derivedUnknown(src, converted);
    throw e;
  }
}

/** Functions whose arguments are evaluated lazily: try, can, coalesce. */
export const SPECIAL_FORMS: Record<string, (args: Node[], ev: (n: Node) => Val, src: string, budget: Budget) => Val> = {
  try: (args, ev, src) => {
    if (!args.length) throw new EvalError('try: at least one argument is required');
    for (const a of args) {
      try {
        const v = ev(a);
        // An unknown value might have failed (or not): try() cannot choose.
        if (containsUnknown(v)) return derivedUnknown(src, [v]);
        return v;
      } catch (e) {
        if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      }
    }
    throw new EvalError('try: no expression succeeded');
  },
  can: (args, ev, src) => {
    if (args.length !== 1) throw new EvalError('can takes one argument');
    try {
      const v = ev(args[0]!);
      return containsUnknown(v) ? unk(src, BOOL) : TRUE;
    } catch (e) {
      if (e instanceof BudgetError || !(e instanceof EvalError)) throw e;
      return FALSE;
    }
  },
  coalesce: (args, ev, src) => {
    const vals = args.map(ev);
    if (!vals.length) throw new EvalError('coalesce: at least one argument is required');
    if (vals.some(isUnknown)) return derivedUnknown(src, vals);
    const u = unify(
      vals.map((v) => v.t),
      true,
    );
    if (!u) throw new EvalError('coalesce: all arguments must have the same type');
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i]!;
      if (isNull(v)) continue;
      const c = u.convs[i] ? u.convs[i]!(v) : v;
      if (c.t.k === 'string' && S(c) === '') continue;
      return c;
    }
    throw new EvalError('coalesce: no non-null, non-empty-string arguments');
  },
};

