// How many checks (one rule applied to one entity) ended in each status: counted once, here, for the
// reports that state the counts (text, JSON, the job summary) and for a merge of shards. JUnit and the
// evidence list every check (the CLI asks the scan for the list when it writes one of them).
import type { CheckCounts, RuleEvaluation, ScanResult } from './types.js';

/** The statuses of these evaluations counted, plus `passed` more that were counted and not kept. */
export function countChecks(evaluations: readonly RuleEvaluation[], passedNotListed = 0): CheckCounts {
  const c: CheckCounts = { passed: passedNotListed, failed: 0, waived: 0, not_evaluated: 0 };
  for (const e of evaluations) c[e.status]++;
  return c;
}

/** A result's check counts: as the scan counted them, or from its evaluations when it lists every one. */
export function checkCounts(r: Pick<ScanResult, 'evaluations' | 'checks'>): CheckCounts {
  return r.checks ?? countChecks(r.evaluations);
}
