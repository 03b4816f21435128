// Every rule's fail/ and pass/ fixtures, scanned end to end through the compiled dist/policy.wasm:
// a finding on exactly each "# expect:" line and nowhere else; nothing from the rule on pass/.
// This is also the wasm parity test: a builtin or construct that behaves differently in the wasm
// runtime than under `opa test` shows up here as a missing or extra finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/engine/scan.js';
import { distDir, repoRoot } from './helpers/paths.js';
import { expectMarkers } from './helpers/expect-markers.js';

const fixturesRoot = path.join(repoRoot, 'fixtures', 'rules');
const catalog = JSON.parse(readFileSync(path.join(distDir, 'catalog.json'), 'utf8')) as { rules: Array<{ id: string }> };
const ruleIds = catalog.rules.map((r) => r.id);

describe('rule fixtures through the compiled bundle', () => {
  it('every rule in the catalog has fail and pass fixtures', () => {
    const missing = ruleIds.filter((id) => !existsSync(path.join(fixturesRoot, id, 'fail')) || !existsSync(path.join(fixturesRoot, id, 'pass')));
    expect(missing).toEqual([]);
  });

  it('the README states how many rules the catalog ships', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`ships ${ruleIds.length} rules`));
  });

  it('every fixture folder belongs to a rule in the catalog', () => {
    const dirs = existsSync(fixturesRoot) ? readdirSync(fixturesRoot) : [];
    expect(dirs.filter((d) => !ruleIds.includes(d))).toEqual([]);
  });

  for (const id of ruleIds) {
    const fail = path.join(fixturesRoot, id, 'fail');
    const pass = path.join(fixturesRoot, id, 'pass');
    if (existsSync(fail)) {
      it(`${id}: fail/ gives a finding on exactly the marked lines`, async () => {
        const r = await scan({ root: fail, paths: ['.'] });
        expect(r.errors).toEqual([]);
        const got = r.findings.filter((f) => f.ruleId === id).map((f) => `${f.file}:${f.range.startLine} ${f.id}`).sort();
        const want = expectMarkers(fail, id);
        expect(want.length).toBeGreaterThan(0);
        expect(got).toEqual(want);
      });
    }
    if (existsSync(pass)) {
      it(`${id}: pass/ gives no finding of the rule`, async () => {
        const r = await scan({ root: pass, paths: ['.'] });
        expect(r.errors).toEqual([]);
        expect(r.findings.filter((f) => f.ruleId === id)).toEqual([]);
        // The rule did look at something: a pass fixture that the rule ignores proves nothing,
        // unless the rule's only compliant state is absence (the fixture then says so).
        const absenceIsCompliance = readdirSync(pass).some((f) => readFileSync(path.join(pass, f), 'utf8').includes('fixture: nothing applies'));
        if (!absenceIsCompliance) expect(r.evaluations.filter((e) => e.ruleId === id).length).toBeGreaterThan(0);
      });
    }
  }
});
