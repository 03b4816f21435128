// ScanOptions.passedChecks 'count' (what the CLI asks for when no report lists the checks that passed):
// the same findings, the same checks that did not pass, and the same counts as a scan that lists every
// check, with rules switched off and on; and the CLI lists them whenever a report it writes does.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { countChecks, checkCounts } from '../src/model/checks.js';
import { listsPassedChecks } from '../src/cli/reports.js';
import { main } from '../src/cli/main.js';
import { repoRoot } from './helpers/paths.js';

const examples = path.join(repoRoot, 'examples');

describe('passed checks counted, not listed', () => {
  for (const rules of [undefined, { disabled: ['VMH-AWS-001', 'NET-*'], severity: {} }, { disabled: [], severity: {}, only: ['SEG-*', 'VMH-AWS-002'] }]) {
    it(`gives the same result but the passed checks (rules ${JSON.stringify(rules ?? 'default')})`, async () => {
      const opts = { root: examples, paths: ['.'], now: new Date('2026-01-01T00:00:00Z'), ...(rules ? { rules } : {}) };
      const listed = await scan(opts);
      const counted = await scan({ ...opts, passedChecks: 'count' });
      const all = countChecks(listed.evaluations);
      expect(all.passed).toBeGreaterThan(0);
      expect(listed.checks).toEqual(all);
      expect(counted.checks).toEqual(all);
      expect(checkCounts(counted)).toEqual(all);
      expect(counted.evaluations).toEqual(listed.evaluations.filter((e) => e.status !== 'passed'));
      expect(counted.findings).toEqual(listed.findings);
    });
  }

  it('a result without counts (built by hand, merged) counts its evaluations', () => {
    const evaluations = [
      { ruleId: 'R', resource: 'a', file: 'f', status: 'passed' as const },
      { ruleId: 'R', resource: 'b', file: 'f', status: 'waived' as const },
    ];
    expect(checkCounts({ evaluations })).toEqual({ passed: 1, failed: 0, waived: 1, not_evaluated: 0 });
  });

  it('the CLI lists them for JUnit, the result document and the evidence only', () => {
    expect(listsPassedChecks([{ format: 'json' }, { format: 'sarif', file: 'x' }, { format: 'text' }], false)).toBe(false);
    expect(listsPassedChecks([{ format: 'junit' }], false)).toBe(true);
    expect(listsPassedChecks([{ format: 'result', file: 'r.json' }], false)).toBe(true);
    expect(listsPassedChecks([{ format: 'text' }], true)).toBe(true);
  });

  it('a JUnit report still has a test case for every check that passed', async () => {
    let xml = '';
    const out = { write: (s: string) => ((xml += s), true) } as unknown as NodeJS.WritableStream;
    const code = await main(['scan', examples, '--root', examples, '--format', 'junit', '--fail-on', 'never'], out, { write: () => true } as unknown as NodeJS.WritableStream);
    expect(code).toBe(0);
    const listed = await scan({ root: examples, paths: ['.'] });
    const passed = listed.evaluations.filter((e) => e.status === 'passed');
    expect(passed.length).toBeGreaterThan(0);
    for (const e of passed.slice(0, 20)) expect(xml).toContain(`classname="${e.ruleId}"`);
    expect((xml.match(/<testcase /g) ?? []).length).toBeGreaterThanOrEqual(passed.length + listed.findings.length);
  });
});
