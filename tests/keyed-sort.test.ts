// sortByKeys (src/util/keyed-sort.ts) orders exactly as a comparator chaining localeCompare and
// number differences over the same fields, stable sort included.
import { describe, expect, it } from 'vitest';
import { sortEvaluations } from '../src/controls/map.js';
import type { RuleEvaluation } from '../src/model/types.js';
import { sortByKeys } from '../src/util/keyed-sort.js';

// Strings on which localeCompare and code-unit order disagree, and distinct strings that collate equal.
const PIECES = ['a', 'A', 'b', 'B', '_', '-', '.', '/', '0', '9', 'é', 'e\u0301', 'Z', 'z', 'ß', 'ss', '[', '"', ' ', '\u00a0', 'ñ', '\u{1f600}', '\ud800'];

function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const text = (r: () => number): string => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, PIECES)).join('');

interface Row {
  n: number;
  s: string;
  t: string;
  k: number;
}

describe('sortByKeys', () => {
  it('orders as the chained comparator on random rows with few distinct values (many ties)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const pool = Array.from({ length: 8 }, () => text(r));
      const rows: Row[] = Array.from({ length: 300 }, (_, k) => ({ n: Math.floor(r() * 3), s: pick(r, pool), t: pick(r, pool), k }));
      const expected = [...rows].sort((a, b) => a.s.localeCompare(b.s) || b.n - a.n || a.t.localeCompare(b.t));
      const got = sortByKeys([...rows], [{ text: (x) => x.s }, { number: (x) => -x.n }, { text: (x) => x.t }]);
      expect(got.map((x) => x.k)).toEqual(expected.map((x) => x.k));
    }
  });

  it('keeps distinct strings that collate equal as ties, in their first order', () => {
    expect('é'.localeCompare('e\u0301')).toBe(0);
    const rows = [{ s: 'e\u0301', k: 0 }, { s: 'é', k: 1 }, { s: 'e\u0301', k: 2 }, { s: 'a', k: 3 }];
    expect(sortByKeys(rows, [{ text: (x) => x.s }]).map((x) => x.k)).toEqual([3, 0, 1, 2]);
  });
});

describe('sortEvaluations', () => {
  it('orders by rule, file, resource, status and reason, each with localeCompare', () => {
    const r = rng(7);
    const statuses: RuleEvaluation['status'][] = ['failed', 'passed', 'waived', 'not_evaluated'];
    const evals: RuleEvaluation[] = Array.from({ length: 2000 }, () => ({
      ruleId: pick(r, ['NET-AWS-001', 'net-aws-001', 'NET-AWS-010', 'VMH-MULTI-005', 'ADM_TF_001']),
      file: pick(r, ['main.tf', 'Main.tf', 'modules/a/main.tf', 'modules/a-b/main.tf', 'modules/a_b/main.tf', 'é.tf']),
      resource: pick(r, ['aws_instance.web', 'aws_instance.web[0]', 'aws_instance.Web', 'module.x.aws_instance.web', 'aws_instance.web["a"]']),
      status: pick(r, statuses),
      ...(r() < 0.3 ? { reason: pick(r, ['depends on var.x', 'depends on var.X', 'depends on local.y']) } : {}),
    }));
    const expected = [...evals].sort(
      (a, b) =>
        a.ruleId.localeCompare(b.ruleId) ||
        a.file.localeCompare(b.file) ||
        a.resource.localeCompare(b.resource) ||
        a.status.localeCompare(b.status) ||
        (a.reason ?? '').localeCompare(b.reason ?? ''),
    );
    expect(sortEvaluations([...evals])).toEqual(expected);
  });
});
