// Options shared by the CLI and the action, parsed from strings into typed values.
import { isSeverity, type Severity } from '../model/types.js';
import { UsageError } from './exit-codes.js';

export type FailOn = Severity | 'never';

export function parseFailOn(s: string | undefined, fallback: FailOn = 'high'): FailOn {
  const v = (s ?? '').trim().toLowerCase();
  if (!v) return fallback;
  if (v === 'never' || isSeverity(v)) return v;
  throw new UsageError(`fail-on must be one of critical, high, medium, low, info, never (got "${s}")`);
}

/** Paths from an action input: one per line, or separated by commas. */
export function parsePathList(s: string): string[] {
  return s
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}
