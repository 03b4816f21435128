// Options shared by the CLI and the action, parsed from strings into typed values.
import { isSeverity } from '../model/types.js';
import type { FailOn } from '../model/verdict.js';
import { UsageError } from '../errors.js';

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

/** A per-file parse time limit in seconds (CLI --parse-timeout, action input parse-timeout) -> ms. */
export function parseTimeoutMs(s: string | undefined, name: string): number | undefined {
  const v = (s ?? '').trim();
  if (!v) return undefined;
  const n = Number(v);
  if (!(Number.isFinite(n) && n > 0 && n <= 3600)) throw new UsageError(`${name} must be a number of seconds between 0 and 3600 (got "${s}")`);
  return Math.round(n * 1000);
}
