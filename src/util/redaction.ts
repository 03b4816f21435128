// Redaction: what reports do with secret values (src/normalize/secrets.ts finds the credential-shaped
// ones; src/normalize/taint.ts the values of sensitive variables and what is computed from them).
//
// It applies to PRINTED VALUES only: the configuration value a finding quotes ("http_tokens is
// ..."), and prose that may quote one (a "not evaluated" reason, a file error). Paths, addresses,
// rule ids, lines and fingerprints are never touched: a secret equal to a file name cannot move or
// hide a finding. A value is redacted first and cut to length after, so no prefix of it survives.
//
// Masks (::add-mask::, which blanks a string in the rest of the job's log) are registered only for
// values that are plausibly secrets (plausiblySecret below); every other sensitive value is still
// redacted from everything Controlgate writes.
import { redactor, REDACTED } from './secrets.js';
import { isExactNumber } from './exact-number.js';

export { REDACTED };

/** Sensitive values shorter than this are redacted where they are a whole printed value, not inside longer text. */
const MIN_INFIX = 4;

/** The shortest string ever registered as a log mask. */
export const MIN_MASK_LENGTH = 8;
/** Shannon entropy (bits per character) a mask must reach: "aaaaaaaa" or "main.main" do not. */
export const MIN_MASK_ENTROPY = 3;

/** Placeholders and everyday words. */
const COMMON = /^(true|false|null|none|changeme|change_me|required|optional|enabled|disabled|default|example|placeholder|password|secret|\*+|x+)$/i;

/** Words made into a name: metadata_options, vpc-security-group, metadataOptions, SecurityGroup. */
const IDENTIFIER = /^(?:[a-z]+(?:[_.-][a-z]+)*|[a-z]+(?:[A-Z][a-z]+)+|(?:[A-Z][a-z]+)+|[A-Z]+(?:_[A-Z]+)*)$/;

/** A file name or path: `main.tf`, `infra/prod.tfvars`, `./x`, `/etc/passwd`, `C:\x`. */
const PATH_LIKE = /^(?:[A-Za-z]:)?[\w.@+~-]*(?:[\\/][\w.@+~-]*)+$|^[\w@+~-][\w.@+~-]*\.[A-Za-z][A-Za-z0-9]{0,9}$/;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const c of counts.values()) h -= (c / n) * Math.log2(c / n);
  return h;
}

function classes(s: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(s)).length;
}

/**
 * The documented criterion for a log mask (SECURITY.md): a single line of at least 8 characters,
 * not a placeholder, not shaped like a file name or path, not words made into an identifier
 * (metadata_options, securityGroup), not one of `keep` (the run's file paths and
 * their parts, resource addresses, rule and control ids), with at least 3 bits of entropy per
 * character and at least 3 character classes (lower, upper, digit, other), or 2 classes from 16
 * characters on.
 */
export function plausiblySecret(s: string, keep: ReadonlySet<string> = new Set()): boolean {
  const t = s.trim();
  if (t.length < MIN_MASK_LENGTH || /[\r\n]/.test(t)) return false;
  if (COMMON.test(t) || PATH_LIKE.test(t) || IDENTIFIER.test(t) || keep.has(t)) return false;
  if (entropy(t) < MIN_MASK_ENTROPY) return false;
  return classes(t) >= (t.length >= 16 ? 2 : 3);
}

/**
 * The strings a mask must never blank (every path and each part of it, address and id of the run),
 * holding only those that could be a plausible secret themselves: `keep` only ever refuses such a
 * string, so the others need not be held (every file path and its parts was 127,000 strings at
 * 50,000 files, issue #20; a scan keeps these of every entity address until its secrets are known).
 */
export function maskableSet(names: Iterable<string>): Set<string> {
  const keep = new Set<string>();
  const add = (n: string): void => {
    if (!keep.has(n) && plausiblySecret(n)) keep.add(n);
  };
  for (const n of names) {
    add(n);
    for (const part of n.split(/[\\/]/)) if (part) add(part);
  }
  return keep;
}

/** The lines of a secret that are worth a log mask (a PEM key is masked line by line). */
export function masksOf(secrets: Iterable<string>, keep: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const s of secrets) for (const line of s.split(/\r?\n/)) if (plausiblySecret(line, keep)) out.add(line.trim());
  return [...out].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

export interface Redaction {
  /** A configuration value about to be printed: a leaf equal to a sensitive value becomes
   * [REDACTED]; secrets inside longer strings are replaced. Deep copy; the input is not changed. */
  value(v: unknown): unknown;
  /** Prose that may quote a value (reasons, error messages): only plausible secrets are replaced, so
   * the file names and addresses it also names stay readable. */
  prose(s: string): string;
}

/**
 * `secrets`: credential-shaped strings and literal credentials (always redacted inside text);
 * `sensitive`: printed forms of sensitive values and what was computed from them.
 */
export function redaction(secrets: string[], sensitive: string[], keep: ReadonlySet<string> = new Set()): Redaction {
  const whole = new Set([...secrets, ...sensitive]);
  const infix = redactor([...new Set([...secrets, ...sensitive.filter((s) => s.length >= MIN_INFIX)])].sort((a, b) => b.length - a.length));
  const proseRedact = redactor([...new Set([...secrets, ...sensitive])].filter((s) => s.split(/\r?\n/).some((line) => plausiblySecret(line, keep))));
  const leaf = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return whole.has(v) ? REDACTED : infix(v);
    if (typeof v === 'number') return whole.has(Number.isInteger(v) ? v.toFixed(0) : String(v)) ? REDACTED : v;
    if (isExactNumber(v)) return whole.has(v.rawJSON) ? REDACTED : v;
    if (depth > 64 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => leaf(x, depth + 1));
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[whole.has(k) ? REDACTED : infix(k)] = leaf(x, depth + 1);
    return o;
  };
  return { value: (v) => leaf(v, 0), prose: (s) => proseRedact(s) };
}
