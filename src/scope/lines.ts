// scope: where a line of the scanned checkout is in the pull request's head. On `pull_request`,
// actions/checkout checks out GitHub's merge commit (head merged into the current base), but review
// comments, check annotations and the files API speak of the head's lines. When the base branch
// moved, the two differ: lines the base added exist only in the merge result (no head line; out of the
// pull request's scope), and every line after them is shifted. The map comes from
// `git diff <checkout> <head>`; when the checkout is the head itself there is nothing to map.
import { childProcess } from '../util/builtins.js';
import type { Finding, SourceRange } from '../model/types.js';
import { hasCommit, unquote } from './diff.js';

/** One hunk of a diff from the checkout (old side) to the head (new side), in -U0 form. */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** How the lines of one file of the checkout correspond to the head. */
export type FileMap =
  | { kind: 'same' }
  /** The file does not exist in the head (added by the base branch): no line of it is the pull request's. */
  | { kind: 'absent' }
  | { kind: 'hunks'; hunks: Hunk[] }
  /** The file differs from the head but the difference is not known (no head commit): lines cannot be placed. */
  | { kind: 'unknown' };

export interface LineMapping {
  /** How the map was obtained, for the summary and the evidence. */
  source: 'checkout-is-head' | 'git' | 'blob-digests' | 'none';
  /** The commit that was scanned (HEAD of the checkout), when known. */
  checkout?: string;
  /** Why the lines could not be mapped, when they could not. */
  note?: string;
  file(path: string): FileMap;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parse `git diff -U0 <checkout> <head>` into each checkout file's hunks (paths of the checkout side). */
export function parseHunks(text: string): Map<string, FileMap> {
  const out = new Map<string, FileMap>();
  let current: Hunk[] | undefined;
  let oldPath: string | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      oldPath = undefined;
      continue;
    }
    if (line.startsWith('--- ')) {
      oldPath = line === '--- /dev/null' ? undefined : unquote(line.slice(4)).replace(/^a\//, '');
      continue;
    }
    if (line.startsWith('+++ ')) {
      if (!oldPath) continue; // a file only the head has: no checkout line to map
      if (line === '+++ /dev/null') out.set(oldPath, { kind: 'absent' });
      else {
        current = [];
        out.set(oldPath, { kind: 'hunks', hunks: current });
      }
      continue;
    }
    const h = current ? HUNK.exec(line) : null;
    if (h && current) {
      current.push({ oldStart: Number(h[1]), oldCount: h[2] === undefined ? 1 : Number(h[2]), newStart: Number(h[3]), newCount: h[4] === undefined ? 1 : Number(h[4]) });
    }
  }
  return out;
}

/** The head line of checkout line `line`, or undefined when the line exists only in the checkout. */
export function mapLine(m: FileMap, line: number): number | undefined {
  if (m.kind === 'same') return line;
  if (m.kind !== 'hunks') return undefined;
  let offset = 0;
  for (const h of m.hunks) {
    // -a,0 is an insertion after old line a; +c,0 a deletion after new line c. Otherwise old lines
    // a..a+b-1 became new lines c..c+d-1.
    const oldNext = h.oldCount === 0 ? h.oldStart + 1 : h.oldStart + h.oldCount;
    const newNext = h.newCount === 0 ? h.newStart + 1 : h.newStart + h.newCount;
    if (line < (h.oldCount === 0 ? oldNext : h.oldStart)) break;
    if (line < oldNext) return undefined;
    offset = newNext - oldNext;
  }
  return line + offset;
}

/** A range in head lines: its first and last lines that exist in the head; undefined when none does. */
export function mapRange(m: FileMap, r: SourceRange): SourceRange | undefined {
  const end = Math.max(r.startLine, r.endLine);
  let start: number | undefined;
  let last: number | undefined;
  for (let l = r.startLine; l <= end && start === undefined; l++) start = mapLine(m, l);
  for (let l = end; l >= r.startLine && last === undefined; l--) last = mapLine(m, l);
  if (start === undefined || last === undefined) return undefined;
  return { ...r, startLine: start, endLine: last };
}

export const IDENTITY: LineMapping = { source: 'checkout-is-head', file: () => ({ kind: 'same' }) };

/**
 * The findings placed on the head's lines. A finding whose own lines exist only in the checkout (the
 * base branch's changes in a merge commit) is left out of `placed` and listed in `mergeOnly`.
 */
export function toHeadLines(findings: Finding[], mapping: LineMapping): { placed: Finding[]; mergeOnly: Finding[]; unknown: Finding[] } {
  const placed: Finding[] = [];
  const mergeOnly: Finding[] = [];
  const unknown: Finding[] = [];
  for (const f of findings) {
    const m = mapping.file(f.file);
    if (m.kind === 'same') {
      placed.push(f);
      continue;
    }
    if (m.kind === 'unknown') {
      unknown.push(f);
      continue;
    }
    const range = mapRange(m, f.range);
    if (!range) {
      mergeOnly.push(f);
      continue;
    }
    const block = f.blockRange ? mapRange(m, f.blockRange) : undefined;
    const moved: Finding = { ...f, range };
    if (block) moved.blockRange = block;
    else delete moved.blockRange;
    placed.push(moved);
  }
  return { placed, mergeOnly, unknown };
}

function git(cwd: string, args: string[]): string {
  // No prompt for credentials: a fetch without them fails at once instead of waiting for a terminal.
  return childProcess().execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

export function revParse(cwd: string, rev: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bring `sha` into a shallow checkout: actions/checkout fetches only the merge commit by default
 * (fetch-depth 1). One commit is enough to diff trees. Returns true when the commit is now present.
 */
export function fetchCommit(cwd: string, sha: string, log?: (m: string) => void): boolean {
  if (hasCommit(cwd, sha)) return true;
  if (!/^[0-9a-f]{40}$/i.test(sha)) return false;
  try {
    git(cwd, ['-c', 'protocol.version=2', 'fetch', '--quiet', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  } catch (e) {
    log?.(`git fetch of ${sha} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return false;
  }
  return hasCommit(cwd, sha);
}

/**
 * How the checkout's lines map to the head `headSha`: identity when HEAD is the head; from git when
 * the head commit is present or can be fetched; else source 'none' with a note (see blobMapping).
 */
export function headLineMapping(cwd: string, headSha: string, o: { fetch?: boolean; log?: (m: string) => void; checkout?: string } = {}): LineMapping {
  const checkout = revParse(cwd, o.checkout ?? 'HEAD');
  if (!checkout) return { source: 'none', note: "the checkout is not a git repository, so its lines are taken as the head's", file: () => ({ kind: 'same' }) };
  if (checkout.toLowerCase() === headSha.toLowerCase()) return { ...IDENTITY, checkout };
  const present = hasCommit(cwd, headSha) || (o.fetch !== false && fetchCommit(cwd, headSha, o.log));
  if (present) {
    try {
      const files = parseHunks(git(cwd, ['-c', 'core.quotePath=true', 'diff', '--no-color', '--no-ext-diff', '--no-renames', '-U0', checkout, headSha]));
      return { source: 'git', checkout, file: (p) => files.get(p) ?? { kind: 'same' } };
    } catch (e) {
      o.log?.(`git diff ${checkout} ${headSha} failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  const note = `the checkout (${checkout.slice(0, 12)}) is not the pull request's head (${headSha.slice(0, 12)}) and the head commit could not be fetched`;
  return { source: 'none', checkout, note, file: () => ({ kind: 'unknown' }) };
}

/**
 * Without the head commit: a file whose blob in the checkout equals the head's blob (the files API's
 * `sha` of each changed file) is the head's file, line for line; a changed file that differs cannot be
 * placed. Files the pull request did not change are the base's: no review comment goes there and scope
 * leaves them out, so their lines are taken as they are.
 */
export function blobMapping(cwd: string, unmapped: LineMapping, headBlobs: Map<string, string>): LineMapping {
  const checkout = unmapped.checkout;
  if (!checkout) return unmapped;
  const same = new Map<string, boolean>();
  const blobOf = (p: string): string | undefined => {
    try {
      return git(cwd, ['rev-parse', '--verify', '--quiet', `${checkout}:${p}`]).trim();
    } catch {
      return undefined;
    }
  };
  return {
    source: 'blob-digests',
    checkout,
    ...(unmapped.note ? { note: unmapped.note } : {}),
    file: (p) => {
      const head = headBlobs.get(p);
      if (head === undefined) return { kind: 'same' };
      if (!same.has(p)) same.set(p, blobOf(p) === head);
      return same.get(p) ? { kind: 'same' } : { kind: 'unknown' };
    },
  };
}
