// The action under a real workflow runner: nektos/act runs a workflow with `uses: ./` on a fixture
// repository and a pull_request event payload, steps on this host (-P ubuntu-latest=-self-hosted, no
// Docker). Asserts the annotations, the job summary and the outputs from act's output. act is
// installed by scripts/ensure-act.sh (go install, pinned in .act-version), which scripts/test.sh runs;
// act runs the action with the first `node` on PATH, which scripts/test.sh makes Node.js 24.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const act = path.join(process.env.CONTROLGATE_CACHE ?? path.join(repoRoot, '.cache'), 'bin', 'act');
// scripts/test.sh installs act (a failed install fails the suite); run alone, without it, this test
// says how to get it instead of installing it here under a timeout. In CI a missing act is a failure.
const missing = existsSync(act) ? '' : `${act} is missing: run \`bash scripts/ensure-act.sh\` (scripts/test.sh does)`;
if (missing && process.env.CI) {
  describe('the action under nektos/act', () => {
    it('has act installed (CI runs this test; it is never skipped there)', () => {
      expect(missing).toBe('');
    });
  });
} else if (missing) console.warn(`tests/act.test.ts skipped: ${missing}`);
const unavailable = missing;

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });

const WORKFLOW = `name: controlgate
on: pull_request
jobs:
  scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: controlgate
        uses: ./
        with:
          paths: infra
          fail-on: high
          github-token: ''
      - if: always()
        run: node -p "'runtime node=' + process.version"
      - if: always()
        run: echo "outputs findings=\${{ steps.controlgate.outputs.findings }} failed=\${{ steps.controlgate.outputs.failed }} sarif=\${{ steps.controlgate.outputs.sarif-file }}"
`;

describe.skipIf(unavailable !== '')('the action under nektos/act', () => {
  it('runs uses: ./ on a pull_request event: annotations on the changed block, summary, outputs', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-act-'));
    git(ws, 'init', '-q', '-b', 'main');
    cpSync(path.join(repoRoot, 'action.yml'), path.join(ws, 'action.yml'));
    cpSync(path.join(repoRoot, 'dist'), path.join(ws, 'dist'), { recursive: true });
    mkdirSync(path.join(ws, 'infra'));
    mkdirSync(path.join(ws, '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(ws, '.github', 'workflows', 'controlgate.yml'), WORKFLOW);
    cpSync(path.join(repoRoot, 'examples', 'insecure', 'main.tf'), path.join(ws, 'infra', 'main.tf'));
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'base');
    const base = git(ws, 'rev-parse', 'HEAD').trim();
    const f = path.join(ws, 'infra', 'main.tf');
    writeFileSync(f, readFileSync(f, 'utf8').replace('instance_type = "t3.micro"', 'instance_type = "t3.large"'));
    git(ws, 'commit', '-q', '-am', 'bigger instance');
    const head = git(ws, 'rev-parse', 'HEAD').trim();
    const event = path.join(mkdtempSync(path.join(tmpdir(), 'cg-act-event-')), 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, base: { sha: base, repo: { full_name: 'acme/infra' } }, head: { sha: head, repo: { full_name: 'acme/infra' } } },
        repository: { full_name: 'acme/infra' },
      }),
    );
    const home = mkdtempSync(path.join(tmpdir(), 'cg-act-home-'));
    const r = spawnSync(act, ['pull_request', '-e', event, '-P', 'ubuntu-latest=-self-hosted', '-W', '.github/workflows/controlgate.yml', '--no-cache-server'], {
      cwd: ws,
      encoding: 'utf8',
      timeout: 240_000,
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CACHE_HOME: path.join(home, '.cache') },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    if (process.env.CONTROLGATE_DUMP) writeFileSync(path.join(process.env.CONTROLGATE_DUMP, 'act.log'), out);
    // The step fails (a high finding in the changed block) and the job says so.
    expect(out).toMatch(/❌ {2}Failure - Main \.\//);
    expect(out).toMatch(/Controlgate: \d+ finding\(s\) at or above high/);
    // Annotations: only the changed resource (aws_instance.web, lines 7-23), the high ones as errors.
    const annotations = out.split('\n').filter((l) => /::(error|warning|notice) (title|file)=/.test(l));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.join('\n')).toMatch(/::error title=VMH-AWS-001 · CLD\.9\.5\.2 · high,file=infra\/main\.tf,line=14,endLine=14::EC2 instance allows IMDSv1/);
    for (const a of annotations) expect(a).toMatch(/file=infra\/main\.tf,line=(7|8|9|1\d|2[0-3]),/);
    // The job summary, as act shows it.
    expect(out).toMatch(/Summary - ## Controlgate: ❌ failed/);
    expect(out).toMatch(/Scope: `changed-lines` \(changes from git diff against the base commit\): \d+ finding\(s\) in scope, \d+ outside the changes/);
    expect(out).toMatch(/\| CLD\.9\.5\.2 \| Virtual machine hardening \|/);
    // Outputs, set by the action and read by the next step.
    expect(out).toMatch(/::set-output:: failed=true/);
    expect(out).toMatch(/::set-output:: sarif-file=\S+controlgate\.sarif/);
    expect(out).toMatch(/outputs findings=\d+ failed=true sarif=\S+controlgate\.sarif/);
    // The runner's node (act runs node24 actions with the first node on PATH) is the pinned Node.js.
    const pinned = readFileSync(path.join(repoRoot, '.node-version'), 'utf8').trim();
    if (process.env.CONTROLGATE_PINNED_NODE) expect(out).toContain(`runtime node=v${pinned}`);
  }, 300_000);
});

if (unavailable && !process.env.CI) {
  describe('the action under nektos/act', () => {
    it.skip(`skipped: ${unavailable}`, () => {});
  });
}
