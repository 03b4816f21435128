// How many checks (one rule applied to one entity) ended in each status: counted once, here, for the
// reports that state the counts (text, JSON, the job summary, the evidence's controls and Markdown)
// and for a merge of shards. JUnit and the evidence also list every check (the CLI asks the scan for
// the list when it writes one of them).
import type { CheckCounts, ScanResult } from './types.js';

/** The statuses of these checks counted, plus `passed` more that were counted and not kept. A status
 * that is none of the four (an evidence file read back) counts nowhere. */
export function countChecks(evaluations: ReadonlyArray<{ status: string }>, passedNotListed = 0): CheckCounts {
  const c: CheckCounts = { passed: passedNotListed, failed: 0, waived: 0, not_evaluated: 0 };
  for (const e of evaluations) if (Object.hasOwn(c, e.status)) c[e.status as keyof CheckCounts]++;
  return c;
}

/** A result's check counts: as the scan counted them, or from its evaluations when it lists every one. */
export function checkCounts(r: Pick<ScanResult, 'evaluations' | 'checks'>): CheckCounts {
  return r.checks ?? countChecks(r.evaluations);
}
