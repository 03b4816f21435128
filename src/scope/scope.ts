// scope: which findings a pull request is responsible for. A finding is on a changed line when its own
// lines, or the lines of the block it belongs to, intersect the lines the pull request added or
// modified: an attribute missing from a changed resource is reported on the block, and the block
// changed. Out-of-scope findings are still counted and listed (summary, SARIF); only annotations,
// review comments and fail-on are limited to the scope.
import type { Finding, SourceRange } from '../model/types.js';
import type { ChangeSet, ChangedFile } from './diff.js';
import { toHeadLines, type LineMapping } from './lines.js';

export const SCOPES = ['changed-lines', 'changed-files', 'all'] as const;
export type ScopeMode = (typeof SCOPES)[number];

export function isScopeMode(s: string): s is ScopeMode {
  return (SCOPES as readonly string[]).includes(s);
}

function intersects(lines: number[], r: SourceRange): boolean {
  // lines is sorted: binary search for the first line >= startLine.
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]! < r.startLine) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && lines[lo]! <= Math.max(r.endLine, r.startLine);
}

export function sortedUnique(xs: number[]): number[] {
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** True when the finding's lines or its block's lines intersect the file's changed lines. */
export function onChangedLines(f: Finding, file: ChangedFile | undefined): boolean {
  if (!file) return false;
  if (file.wholeFile) return true;
  const added = file.added;
  return intersects(added, f.range) || (f.blockRange !== undefined && intersects(added, f.blockRange));
}

export interface Scoped {
  mode: ScopeMode;
  /** Fingerprints of findings in scope. */
  inScope: Set<string>;
  /** Fingerprints of findings on changed lines (or in a changed block); empty when changes are unknown. */
  changed: Set<string>;
}

/** Classify findings; `changes` undefined means the changes are unknown and every finding is in scope. */
export function applyScope(findings: Finding[], mode: ScopeMode, changes: ChangeSet | undefined): Scoped {
  const inScope = new Set<string>();
  const changed = new Set<string>();
  for (const f of findings) {
    const file = changes?.files.get(f.file);
    const isChanged = onChangedLines(f, file);
    if (isChanged) changed.add(f.fingerprint);
    if (!changes || mode === 'all' || (mode === 'changed-files' && file) || (mode === 'changed-lines' && isChanged)) {
      inScope.add(f.fingerprint);
    }
  }
  return { mode: changes ? mode : 'all', inScope, changed };
}

/**
 * The line of the new version where a review comment about `f` can go: its own line when that is in
 * the diff, else the first changed line of its block (an attribute missing from a changed block).
 */
export function commentLine(f: Finding, file: ChangedFile | undefined): number | undefined {
  if (!file || file.wholeFile) return undefined;
  const inDiff = new Set(file.inDiff);
  for (let l = f.range.startLine; l <= Math.max(f.range.endLine, f.range.startLine); l++) if (inDiff.has(l)) return l;
  if (f.blockRange) {
    for (const l of file.added) if (l >= f.blockRange.startLine && l <= f.blockRange.endLine) return l;
  }
  return undefined;
}

/**
 * Scope for findings of a checkout that may not be the head (GitHub's merge commit): findings are
 * placed on the head's lines first. Lines only the checkout has are the base branch's (in scope only
 * when everything is); lines that cannot be placed count as changed in a file the pull request
 * changed. `changes` are always used for `changed` (annotation priority), whatever the mode.
 */
export function scopeOnHead(findings: Finding[], requested: ScopeMode, changes: ChangeSet | undefined, lines: LineMapping): { scoped: Scoped; placed: ReturnType<typeof toHeadLines> } {
  const placed = toHeadLines(findings, lines);
  const active = requested === 'all' ? undefined : changes;
  const scoped = applyScope(placed.placed, requested, active);
  for (const f of placed.unknown) {
    const file = changes?.files.get(f.file);
    if (file) scoped.changed.add(f.fingerprint);
    if (!active || file) scoped.inScope.add(f.fingerprint);
  }
  for (const f of placed.mergeOnly) if (!active) scoped.inScope.add(f.fingerprint);
  if (changes && !active) for (const fp of applyScope(placed.placed, 'changed-lines', changes).changed) scoped.changed.add(fp);
  return { scoped, placed };
}
