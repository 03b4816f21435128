// Attack (issue 12, item 10): "The pull request can loosen its own gate". A pull request that adds or
// edits .controlgate.yml (rules: disable: ["*"], fail-on: never, severities lowered, paths excluded,
// waivers added), edits the baseline its configuration extends, or tampers with a policy bundle:
//  - with `trusted-config: base` (CLI `--config-from <ref>`) the configuration, its extends chain, the
//    bundles and the central waivers come from the base commit: the gate still fails;
//  - in every mode the summary and the evidence (JSON and Markdown) list each loosening against the
//    base, inline waivers added by the pull request included, with the commit's author;
//  - a base commit that cannot be read fails the run with the reason, never falls back silently.
// Runs the built action (dist/index.js, GitHub stand-in on 127.0.0.1) and the built CLI.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubMock } from '../helpers/github-mock.js';
import { env, fixtureRepo, git, type Fixture } from '../helpers/pr-fixture.js';
import { runActionAsync, runCli } from '../helpers/run.js';
import { repoRoot } from '../helpers/paths.js';

const inputs = { paths: 'infra', 'fail-on': '', 'pr-comments': 'false', 'github-token': 't', scope: 'all' };

let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

/** Commit `files` on the pull request's branch (as "Mallory") and point the event's head at it. */
function pushToPullRequest(fx: Fixture, files: Record<string, string>, message: string): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(fx.ws, rel)), { recursive: true });
    writeFileSync(path.join(fx.ws, rel), text);
  }
  git(fx.ws, 'add', '-A');
  git(fx.ws, '-c', 'user.name=Mallory', '-c', 'user.email=mallory@example.invalid', 'commit', '-q', '-m', message);
  const ev = JSON.parse(readFileSync(fx.eventPath, 'utf8'));
  ev.pull_request.head.sha = git(fx.ws, 'rev-parse', 'HEAD').trim();
  writeFileSync(fx.eventPath, JSON.stringify(ev));
}

const LOOSE = [
  'fail-on: never',
  'rules:',
  '  disable: ["*"]',
  '  severity: { SEG-AWS-001: info }',
  'paths:',
  '  exclude: ["infra/packer/**"]',
  'waivers:',
  '  - { rule: VMH-AWS-002, reason: "trust me" }',
  '',
].join('\n');

/** infra/main.tf with an inline waiver added above the instance (a line the pull request adds). */
const withInlineWaiver = (fx: Fixture): string =>
  readFileSync(path.join(fx.ws, 'infra', 'main.tf'), 'utf8').replace('resource "aws_instance" "web" {', '# controlgate:ignore VMH-AWS-001 reason="fix later"\nresource "aws_instance" "web" {');

async function run(fx: Fixture, extra: Record<string, string> = {}) {
  mock ??= new GitHubMock();
  if (!mock.url) await mock.start();
  const r = await runActionAsync(fx.ws, { ...inputs, ...extra }, env(fx, mock));
  return r;
}

function evidenceOf(fx: Fixture): { json: any; md: string } {
  return { json: JSON.parse(readFileSync(path.join(fx.ws, 'controlgate-evidence.json'), 'utf8')), md: readFileSync(path.join(fx.ws, 'controlgate-evidence.md'), 'utf8') };
}

describe('a pull request that loosens its own gate', () => {
  it('trusted-config: head applies the pull request\'s configuration, but the summary and the evidence list every loosening', async () => {
    const fx = fixtureRepo();
    pushToPullRequest(fx, { '.controlgate.yml': LOOSE, 'infra/main.tf': withInlineWaiver(fx) }, 'loosen the gate');
    const r = await run(fx, { 'pr-comments': 'true' });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0); // the pull request's own configuration switched every rule off
    expect(r.summary).toContain('### Policy changes in this pull request');
    expect(r.summary).toContain("The pull request's own configuration was applied (trusted-config: head)");
    const rows = r.summary.split('\n').filter((l) => /^\| [a-z-]+ \|/.test(l) && !l.startsWith('| Change'));
    const kinds = rows.map((l) => l.split(' | ')[0]!.slice(2));
    expect(kinds).toEqual(['rule-disabled', 'severity-lowered', 'fail-on-lowered', 'path-excluded', 'waiver-added', 'waiver-added']);
    expect(r.summary).toContain('| rule-disabled | rules.disable: \\* \\(every rule\\) | .controlgate.yml |');
    expect(r.summary).toContain('| fail-on-lowered | fail-on: high -&gt; never |');
    expect(r.summary).toContain('| severity-lowered | rules.severity.SEG-AWS-001: medium -&gt; info |');
    const { json, md } = evidenceOf(fx);
    expect(json.policyChanges.trusted).toBe('head');
    expect(json.policyChanges.base).toBe(fx.base);
    expect(json.policyChanges.changes.map((c: { kind: string }) => c.kind)).toEqual(kinds);
    expect(md).toContain('## Policy changes in this pull request');
    // Reviewers see it in the pull request's summary comment too.
    expect(mock!.issueComments[0]!.body).toContain('#### Policy changes in this pull request');
    expect(mock!.issueComments[0]!.body).toContain('| rule-disabled | rules.disable: \\* \\(every rule\\) | .controlgate.yml |');
    expect(mock!.violations).toEqual([]);
  });

  it('lists an inline waiver the pull request adds, with the commit author, even when its configuration is untouched', async () => {
    const fx = fixtureRepo();
    pushToPullRequest(fx, { 'infra/main.tf': withInlineWaiver(fx) }, 'waive IMDSv1');
    const r = await run(fx);
    const { json } = evidenceOf(fx);
    const waiver = json.policyChanges.changes.find((c: { kind: string }) => c.kind === 'waiver-added');
    expect(waiver).toMatchObject({ file: 'infra/main.tf', line: 7, author: 'Mallory <mallory@example.invalid>', detail: 'inline waiver of VMH-AWS-001 (applied): fix later' });
    expect(waiver.commit).toBe(git(fx.ws, 'rev-parse', 'HEAD').trim());
    expect(r.summary).toMatch(/\| waiver-added \| inline waiver of VMH-AWS-001 \\\(applied\\\): fix later \| infra\/main\.tf:7 \| Mallory `\(mallory@example\.invalid\)` in [0-9a-f]{12} \|/);
  });

  it('trusted-config: base reads the configuration, its extends chain, bundles and central waivers from the base commit: the gate still fails', async () => {
    const fx = fixtureRepo();
    // The base: a configuration extending a baseline, with a central waiver. Committed on main and
    // made the pull request's base.
    git(fx.ws, 'checkout', '-q', 'main');
    mkdirSync(path.join(fx.ws, 'policy'));
    writeFileSync(path.join(fx.ws, 'policy', 'baseline.yml'), 'fail-on: high\nrules:\n  severity: { VMH-AWS-001: critical }\n');
    writeFileSync(path.join(fx.ws, '.controlgate.yml'), 'extends: policy/baseline.yml\nwaivers:\n  - { rule: SEG-AWS-001, reason: "reviewed in SEC-1", expires: 2099-01-01 }\n');
    git(fx.ws, 'add', '-A');
    git(fx.ws, 'commit', '-q', '-m', 'gate configuration');
    const base = git(fx.ws, 'rev-parse', 'HEAD').trim();
    git(fx.ws, 'checkout', '-q', 'feature');
    git(fx.ws, 'merge', '-q', '--no-edit', 'main');
    const ev = JSON.parse(readFileSync(fx.eventPath, 'utf8'));
    ev.pull_request.base.sha = base;
    writeFileSync(fx.eventPath, JSON.stringify(ev));
    // The pull request loosens both files of the chain.
    pushToPullRequest(fx, { 'policy/baseline.yml': LOOSE, '.controlgate.yml': 'extends: policy/baseline.yml\nwaivers:\n  - { rule: "VMH-AWS-001", reason: "mine now" }\n' }, 'loosen');

    const head = await run(fx);
    expect(head.code).toBe(0);
    const r = await run(fx, { 'trusted-config': 'base' });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error title=VMH-AWS-001 · CLD\.9\.5\.2 · critical,file=infra\/main\.tf/m);
    expect(r.summary).toContain(`Configuration: \`${base.slice(0, 12)}:.controlgate.yml\` extends \`${base.slice(0, 12)}:policy/baseline.yml\``);
    expect(r.summary).toContain("The base commit's configuration was applied (trusted-config: base)");
    expect(r.summary).toMatch(/\| rule-disabled \| rules\.disable: \\\* \\\(every rule\\\) \| policy\/baseline\.yml \|/);
    expect(r.summary).toContain('| waiver-added | waiver of VMH-AWS-001: mine now | .controlgate.yml |');
    // The base's central waiver applied; the pull request's did not.
    expect(r.summary).toMatch(/\| config:\.controlgate\.yml\\#1 \| SEG-AWS-001 \| applied \|/);
    expect(r.summary).not.toContain('mine now | —');
    const { json } = evidenceOf(fx);
    expect(json.policyChanges).toMatchObject({ trusted: 'base', base });
    // The snapshot is in .git, never scanned, never left in the working tree.
    expect(git(fx.ws, 'status', '--porcelain')).not.toMatch(/controlgate-config|\.git\//);
  });

  it('a policy bundle changed by the pull request is read from the base commit under trusted-config: base', async () => {
    const fx = fixtureRepo();
    git(fx.ws, 'checkout', '-q', 'main');
    const bundle = path.join(fx.ws, 'org-bundle');
    mkdirSync(bundle);
    for (const f of ['policy.wasm', 'catalog.json']) writeFileSync(path.join(bundle, f), readFileSync(path.join(repoRoot, 'examples', 'custom-policy', 'bundle', f)));
    git(fx.ws, 'add', '-A');
    git(fx.ws, 'commit', '-q', '-m', 'org bundle');
    const base = git(fx.ws, 'rev-parse', 'HEAD').trim();
    git(fx.ws, 'checkout', '-q', 'feature');
    git(fx.ws, 'merge', '-q', '--no-edit', 'main');
    const ev = JSON.parse(readFileSync(fx.eventPath, 'utf8'));
    ev.pull_request.base.sha = base;
    writeFileSync(fx.eventPath, JSON.stringify(ev));
    // The pull request turns the organisation's rule from low to info.
    const cat = JSON.parse(readFileSync(path.join(bundle, 'catalog.json'), 'utf8'));
    cat.rules[0].severity = 'info';
    pushToPullRequest(fx, { 'org-bundle/catalog.json': JSON.stringify(cat) }, 'tamper with the bundle');
    const r = await run(fx, { 'trusted-config': 'base', 'policy-bundles': 'org-bundle' });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.summary).toMatch(/\| low \| ORG-TAG-001 \|/);
    expect(r.summary).not.toMatch(/\| info \| ORG-TAG-001 \|/);
    // Without trusted-config the checkout's (tampered) bundle is what runs: the test can tell them apart.
    const tampered = await run(fx, { 'policy-bundles': 'org-bundle' });
    expect(tampered.summary).toMatch(/\| info \| ORG-TAG-001 \|/);
  });

  it('trusted-config: base with a base commit that is not in the checkout and cannot be fetched fails with the reason', async () => {
    const fx = fixtureRepo();
    const ev = JSON.parse(readFileSync(fx.eventPath, 'utf8'));
    ev.pull_request.base.sha = 'f'.repeat(40);
    writeFileSync(fx.eventPath, JSON.stringify(ev));
    pushToPullRequest(fx, { '.controlgate.yml': LOOSE }, 'loosen');
    const r = await run(fx, { 'trusted-config': 'base' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/::error::Controlgate: the trusted configuration's commit f{40} is not in the checkout and could not be fetched/);
    // In head mode the run goes on and says why nothing is compared.
    const h = await run(fx);
    expect(h.code).toBe(0);
    expect(h.summary).toMatch(/The base configuration could not be read \\\(.*could not be fetched/);
  });

  it('an unknown trusted-config value is a usage error', async () => {
    const fx = fixtureRepo();
    const r = await run(fx, { 'trusted-config': 'pr' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/::error::Controlgate: trusted-config must be head or base \(got "pr"\)/);
  });

  it('the CLI: --config-from <ref> applies that commit\'s configuration and prints what the working tree loosens', () => {
    const fx = fixtureRepo();
    pushToPullRequest(fx, { '.controlgate.yml': LOOSE }, 'loosen');
    const loose = runCli(['scan', 'infra'], fx.ws);
    expect(loose.code).toBe(0);
    const r = runCli(['scan', 'infra', '--config-from', 'main', '--evidence', 'ev.json'], fx.ws);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Policy changes against ${fx.base.slice(0, 12)}: 5 loosening(s)`);
    expect(r.stderr).toContain('rule-disabled: rules.disable: * (every rule) (.controlgate.yml)');
    const json = JSON.parse(readFileSync(path.join(fx.ws, 'ev.json'), 'utf8'));
    expect(json.policyChanges).toMatchObject({ trusted: 'base', base: fx.base });
    const bad = runCli(['scan', 'infra', '--config-from', 'no-such-ref'], fx.ws);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no-such-ref is not in the checkout/);
  });
});
