// Path globs and id wildcards, shared by the configuration (paths.include / exclude, --skip-path,
// rules on/off), central waivers (rule, resource, path) and imported suppressions.
//
// Path globs are picomatch's syntax (https://github.com/micromatch/picomatch): paths are
// `/`-separated and relative to the root; `*` and `?` stay within a segment, `**` as a whole segment
// spans folders (`infra/**`, `**/main.tf`, `a/**/b` also matches `a/b`), `[ab]`, `[a-z]`, `[^a]`,
// `{a,b}` and `(a|b)` alternatives; a leading `!` negates the pattern. Dotfiles are ordinary names:
// `*` and `**` match `.github/`, `.terraform/` and `.hidden.tf` too (picomatch's `dot` option).
// Extglobs (`+(a)`, `@(a)`) are not supported. A pattern without any glob syntax is compared as it is.
//
// Globs come from a pull request's own configuration, so matching must not be able to hang the scan:
// picomatch compiles to a backtracking RegExp, where `*a*a*a*a*b` against a long name takes time
// exponential in the number of stars. The RegExp picomatch builds is run by RE2 (re2js, linear time)
// instead, after removing the only lookaheads picomatch adds (guards against `.` and `..` segments and
// empty names, which relative, normalized paths never have). Patterns are at most MAX_GLOB_LENGTH
// characters, which bounds the compile cost; anything RE2 cannot run is an invalid pattern.
import picomatch from 'picomatch';
import { RE2JS } from 're2js';

export const MAX_GLOB_LENGTH = 256;

export class GlobError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`invalid glob "${pattern.length > 80 ? `${pattern.slice(0, 80)}...` : pattern}": ${reason}`);
    this.name = 'GlobError';
  }
}

const OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true, nonegate: true, strictBrackets: true, maxLength: MAX_GLOB_LENGTH + 8 };
const chars = (picomatch.constants as unknown as { globChars(win: boolean): Record<string, string> }).globChars(false);
// The lookaheads picomatch emits that RE2 does not run; none of them can change a match on a
// relative, normalized, non-empty path. Longest first (no one is part of another, but be safe).
const GUARDS = [chars.NO_DOTS!, chars.NO_DOTS_SLASH!, chars.NO_DOT_SLASH!, chars.NO_DOT!, chars.ONE_CHAR!].sort((a, b) => b.length - a.length);

/** A leading `!` (not `!(`) negates; an even number of them cancel out. */
function negation(pattern: string): { negated: boolean; body: string } {
  const n = /^!*/.exec(pattern)![0].length;
  return { negated: n % 2 === 1, body: pattern.slice(n) };
}

/** Whether `pattern` has glob syntax (is matched, not compared as a path). */
export function isGlob(pattern: string): boolean {
  const { negated, body } = negation(pattern);
  return negated || picomatch.scan(body).isGlob;
}

/**
 * A pattern cut where its glob syntax starts, by the same reading as the matcher: its leading `!`s,
 * the literal folders before the first glob segment (`live` of `live/{a,b}/*.tf`, '' of
 * `{a/b,c}/x`), and the glob rest ('' for a plain path, which is all `base`).
 */
export function globParts(pattern: string): { bang: string; base: string; glob: string } {
  const bang = /^!*/.exec(pattern)![0];
  const body = pattern.slice(bang.length);
  const s = picomatch.scan(body);
  if (!s.isGlob) return { bang, base: body, glob: '' };
  return { bang, base: body.startsWith('/') && s.base === '' ? '/' : s.base, glob: s.glob };
}

function compile(body: string): (s: string) => boolean {
  let source: string;
  try {
    source = picomatch.makeRe(body, OPTIONS).source;
  } catch (e) {
    throw new GlobError(body, e instanceof Error ? e.message : String(e));
  }
  for (const g of GUARDS) source = source.split(g).join('');
  if (/\(\?[=!<]/.test(source)) throw new GlobError(body, 'lookarounds are not supported');
  try {
    const re = RE2JS.compile(source);
    return (s) => re.matches(s);
  } catch (e) {
    throw new GlobError(body, e instanceof Error ? e.message : String(e));
  }
}

const cache = new Map<string, (path: string) => boolean>();
const CACHE_SIZE = 4096;

/**
 * A matcher for a path glob; with `folders`, a pattern also matches everything below what it
 * matches (`modules/` and `modules/*` match `modules/a/main.tf`). Throws GlobError.
 */
export function globMatcher(pattern: string, o: { folders?: boolean } = {}): (path: string) => boolean {
  const key = `${o.folders ? 'F' : 'P'}${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { negated, body } = negation(pattern.replace(/^\.\//, ''));
  let m: (path: string) => boolean;
  if (!negated && !picomatch.scan(body).isGlob) {
    const plain = o.folders ? body.replace(/\/$/, '') : body;
    m = o.folders ? (p) => p === plain || p.startsWith(`${plain}/`) : (p) => p === plain;
  } else {
    if (pattern.length > MAX_GLOB_LENGTH) throw new GlobError(pattern, `longer than ${MAX_GLOB_LENGTH} characters`);
    const self = compile(body);
    const below = o.folders ? compile(`${body.replace(/\/$/, '')}/**`) : undefined;
    const any = below ? (p: string) => self(p) || below(p) : self;
    m = negated ? (p) => !any(p) : any;
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, m);
  return m;
}

const problems = new Map<string, string>();

/** Why `pattern` is not a usable path glob, or undefined when it is. */
export function globProblem(pattern: string): string | undefined {
  const known = problems.get(pattern);
  if (known !== undefined) return known;
  try {
    globMatcher(pattern);
    return undefined;
  } catch (e) {
    const why = e instanceof GlobError ? e.message : String(e);
    if (problems.size >= CACHE_SIZE) problems.clear();
    problems.set(pattern, why);
    return why;
  }
}

const wildcards = new Map<string, (s: string) => boolean>();

/**
 * A wildcard over ids and resource addresses, which are not paths: `*` is any run of characters
 * (`/`, `.` and `[` included), `?` any one character; nothing else is special. Run by RE2 too.
 */
export function wildcardMatcher(pattern: string): (s: string) => boolean {
  let m = wildcards.get(pattern);
  if (!m) {
    const re = RE2JS.compile(`^${pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === '*' ? '.*' : c === '?' ? '.' : `\\${c}`))}$`);
    m = (s) => re.matches(s);
    if (wildcards.size >= CACHE_SIZE) wildcards.clear();
    wildcards.set(pattern, m);
  }
  return m;
}

/** A rule pattern (VMH-AWS-001, VMH-AWS-001/hop-limit, VMH-*, *-PKR-*) matches a finding or rule id. */
export function ruleMatches(pattern: string, id: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === id || (!pattern.includes('/') && id.startsWith(`${pattern}/`));
  return wildcardMatcher(pattern)(id);
}

// A pattern with no letter or digit outside its wildcards (such as *, ** or *-*) matches every rule: never a waiver.
export function matchesEveryRule(pattern: string): boolean {
  return !/[A-Za-z0-9]/.test(pattern.replace(/[*?]/g, ''));
}
