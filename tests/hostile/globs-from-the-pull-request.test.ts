// A pull request writes the globs (paths.include / exclude, waivers' path) and the file names they are
// matched against. A backtracking matcher takes exponential time on `*a*a*...*b` against a long name
// of a's; the scan must finish, the file must still be scanned (a pattern that matches nothing
// excludes nothing), and a pattern that cannot be run is a configuration error naming its line,
// never a hang or an internal error. Through dist/.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run.js';
import { INSTANCE, workspace } from './pr-workspace.js';

describe('globs from the pull request', () => {
  it('many stars against a long near-miss name: the scan finishes and the file is scanned', () => {
    const name = `${'a'.repeat(200)}.tf`;
    const stars = `${'*a'.repeat(30)}*b`;
    const ws = workspace({
      [`infra/${name}`]: INSTANCE(),
      '.controlgate.yml': `paths:\n  exclude:\n    - "infra/${stars}"\n    - "${'**/a*'.repeat(20)}/b"\n    - "infra/${'{a,aa}'.repeat(30)}b"\nwaivers:\n  - rule: VMH-AWS-001\n    reason: hostile\n    path: "${stars}"\n`,
    });
    const r = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], ws);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.filesScanned).toBe(1);
    expect(doc.skipped).toEqual([]);
    expect(doc.findings.some((f: { ruleId: string; waiver?: unknown }) => f.ruleId === 'VMH-AWS-001' && !f.waiver)).toBe(true);
  });

  it('an over-long or unbalanced glob, in the file or a flag: exit 2 with the reason, no stack', () => {
    const long = workspace({ 'infra/main.tf': INSTANCE(), '.controlgate.yml': `paths:\n  exclude: ["${'*'.repeat(300)}"]\n` });
    const a = runCli(['scan', '.'], long);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/\.controlgate\.yml:2: paths\.exclude\.0: invalid glob .*longer than 256 characters/);
    const ws = workspace({ 'infra/main.tf': INSTANCE() });
    const b = runCli(['scan', '.', '--skip-path', 'infra/{a,b'], ws);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/skip-path invalid glob "infra\/\{a,b": Missing closing/);
    expect(b.stderr).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
  });
});
