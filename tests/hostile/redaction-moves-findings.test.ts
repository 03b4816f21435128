// Issue 12, item 1: "Redaction moves findings". A pull request declares sensitive variables whose
// values are the file's name, its folder, the resource's address, a rule id, a severity: redaction
// must not touch paths, addresses, rule ids or locations (the finding stays in the pull request's
// scope and the step still fails), and none of those strings becomes a log mask (::add-mask::),
// which would blank them in the rest of the job's log. Run through dist/index.js as the runner runs
// it, with the GitHub API stand-in on 127.0.0.1.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubMock } from '../helpers/github-mock.js';
import { runActionAsync } from '../helpers/run.js';
import { commands, INSTANCE, prEnv, pullRequest } from './pr-workspace.js';

const BAIT = ['main.tf', 'infra', 'infra/main.tf', 'aws_instance.web', 'VMH-AWS-001', 'high', 'CLD.9.5.2', 'metadata_options'];
const sensitiveVars = BAIT.map((v, i) => `variable "s${i}" {\n  sensitive = true\n  default   = ${JSON.stringify(v)}\n}\n`).join('');

let mock: GitHubMock | undefined;
afterEach(async () => {
  await mock?.stop();
  mock = undefined;
});

async function runPr(head: Record<string, string>) {
  const pr = pullRequest({ 'infra/main.tf': INSTANCE('"required"') }, head);
  mock = new GitHubMock({ files: [], diffLines: { 'infra/main.tf': Array.from({ length: 80 }, (_, i) => i + 1) } });
  await mock.start();
  const r = await runActionAsync(pr.ws, { paths: 'infra', 'fail-on': 'high', 'pr-comments': 'true', 'github-token': 'write-token' }, prEnv(pr, mock));
  return { r, pr, mock };
}

describe('redaction moves findings', () => {
  it('a sensitive value equal to a file name, folder, address or rule id leaves every location, path and id intact, and the step still fails', async () => {
    // Control: the same change without the variables fails the step on VMH-AWS-001.
    const plain = await runPr({ 'infra/main.tf': INSTANCE('"optional"') });
    expect(plain.r.code).toBe(1);
    await mock?.stop();

    const { r, pr, mock: m } = await runPr({ 'infra/main.tf': INSTANCE('"optional"') + sensitiveVars });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(1);
    const errors = commands(r.stdout, 'error');
    expect(errors).toContainEqual(expect.stringMatching(/^::error title=VMH-AWS-001 · CLD\.9\.5\.2 · high,file=infra\/main\.tf,line=5,/));
    for (const c of [...errors, ...commands(r.stdout, 'warning'), ...commands(r.stdout, 'notice')]) expect(c).not.toContain('REDACTED');
    // The summary, SARIF and evidence keep the file, address and rule id.
    expect(r.summary).toContain('infra/main.tf:5');
    expect(r.summary).not.toMatch(/\[REDACTED\][^|]*:\d+/);
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    expect(results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('infra/main.tf');
    expect(results.map((x) => x.ruleId)).toContain('VMH-AWS-001');
    expect(JSON.stringify(results.map((x) => x.locations))).not.toContain('REDACTED');
    const evidence = JSON.parse(readFileSync(path.join(pr.ws, 'controlgate-evidence.json'), 'utf8'));
    expect(JSON.stringify(evidence.findings.map((f: { file: string; resource: string; id: string }) => [f.file, f.resource, f.id]))).not.toContain('REDACTED');
    expect(evidence.findings).toContainEqual(expect.objectContaining({ id: 'VMH-AWS-001', file: 'infra/main.tf', resource: 'aws_instance.web', line: 5 }));
    // Review comments sit on the real file.
    expect(m.reviewComments.length).toBeGreaterThan(0);
    for (const c of m.reviewComments) expect(c.path).toBe('infra/main.tf');
  });

  it('none of those values becomes a log mask; a real-looking secret still does', async () => {
    const secret = 'Zq8vT3mLp0wXy7KsEeRr9TtUu1';
    const { r } = await runPr({ 'infra/main.tf': INSTANCE('"optional"') + sensitiveVars + `variable "real" {\n  sensitive = true\n  default   = "${secret}"\n}\n` });
    const masks = commands(r.stdout, 'add-mask').map((l) => l.slice('::add-mask::'.length));
    for (const v of BAIT) expect(masks).not.toContain(v);
    expect(masks).toContain(secret);
    // Every mask is long and varied enough not to blank ordinary log text.
    for (const m of masks) expect(m.length).toBeGreaterThanOrEqual(8);
  });
});
