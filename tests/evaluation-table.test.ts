// The compact store of a streamed scan's evaluations (src/model/evaluation-table.ts) gives back
// exactly the records it was given, in order, however many.
import { describe, expect, it } from 'vitest';
import { EvaluationTable } from '../src/model/evaluation-table.js';
import type { RuleEvaluation } from '../src/model/types.js';

describe('EvaluationTable', () => {
  it('returns every record as given, in order, with reasons only where they were set, past its first capacity', () => {
    const statuses: RuleEvaluation['status'][] = ['passed', 'failed', 'not_evaluated', 'waived'];
    const given: RuleEvaluation[] = [];
    for (let i = 0; i < 5000; i++) {
      const e: RuleEvaluation = { ruleId: `R-${i % 7}`, resource: `aws_s3_bucket.b${i % 300}`, file: `m${i % 11}/main.tf`, status: statuses[i % 4]! };
      if (e.status === 'not_evaluated' && i % 3 === 0) e.reason = `depends on var.x${i}`;
      given.push(e);
    }
    const t = new EvaluationTable();
    for (const e of given) t.add(e);
    expect(t.length).toBe(5000);
    const back = t.toArray();
    expect(back).toEqual(given);
    expect(back.filter((e) => 'reason' in e).length).toBe(given.filter((e) => e.reason !== undefined).length);
  });

  it('is empty when nothing was added', () => {
    expect(new EvaluationTable().toArray()).toEqual([]);
  });

  it('with passedAsCount keeps every other record in order and counts the passed ones by rule', () => {
    const given: RuleEvaluation[] = [
      { ruleId: 'R-1', resource: 'a', file: 'main.tf', status: 'passed' },
      { ruleId: 'R-1', resource: 'b', file: 'main.tf', status: 'failed' },
      { ruleId: 'R-2', resource: 'a', file: 'main.tf', status: 'passed' },
      { ruleId: 'R-1', resource: 'c', file: 'main.tf', status: 'passed' },
      { ruleId: 'R-2', resource: 'b', file: 'main.tf', status: 'not_evaluated', reason: 'depends on var.x' },
    ];
    const t = new EvaluationTable(true);
    for (const e of given) t.add(e);
    expect(t.toArray()).toEqual(given.filter((e) => e.status !== 'passed'));
    expect([...t.passedCounted()]).toEqual([
      ['R-1', 2],
      ['R-2', 1],
    ]);
    expect([...new EvaluationTable().passedCounted()]).toEqual([]);
  });
});
