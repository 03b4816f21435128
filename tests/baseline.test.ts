// Baseline (issue 18): adopt Controlgate on code that already has findings. Through the built CLI:
// --create-baseline records findings by fingerprint; --baseline reports only new ones, lists the
// accepted ones in the summary and the evidence with the file's sha256, and names entries that are
// fixed. The baseline is hostile input: schema-checked, size-limited, confined to the workspace.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { runAction, runCli } from './helpers/run.js';
import { tempWorkspace } from './helpers/workspace.js';

const cli = runCli;

/** A repository folder (its .git makes it the workspace the baseline must stay inside) with `files`. */
function workspace(files: Record<string, string>): string {
  return tempWorkspace({ '.git/HEAD': 'ref: refs/heads/main\n', ...files }, 'cg-base-');
}

const openSsh = (name: string): string =>
  `resource "aws_security_group" "${name}" {\n  name = "${name}"\n  description = "ssh"\n  ingress {\n    description = "ssh"\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  tags = { owner = "team" }\n}\n`;

interface JsonReport {
  findings: Array<{ id: string; resource: string; fingerprint: string }>;
  summary: { failed: boolean };
  baseline?: { sha256: string; entries: number; accepted: Array<{ resource: string }>; fixed: Array<{ resource: string }> };
}

describe('baseline', () => {
  it('create, then report only new findings; accepted and fixed ones are listed with the sha256', () => {
    const ws = workspace({ 'old.tf': openSsh('legacy') + openSsh('legacy2') });
    const before = JSON.parse(cli(['scan', '--format', 'json'], ws).stdout) as JsonReport;
    expect(before.summary.failed).toBe(true);

    // Creating the baseline accepts today's findings: the run does not fail on them.
    const created = cli(['scan', '--create-baseline', 'ci/baseline.json'], ws);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/wrote baseline ci\/baseline\.json \(\d+ finding\(s\)\)/);
    const bytes = readFileSync(path.join(ws, 'ci/baseline.json'));
    const doc = JSON.parse(bytes.toString('utf8')) as { controlgateBaseline: number; findings: Array<{ fingerprint: string }> };
    expect(doc.controlgateBaseline).toBe(1);
    expect(doc.findings.map((f) => f.fingerprint).sort()).toEqual([...new Set(before.findings.map((f) => f.fingerprint))].sort());
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/schemas/baseline.schema.json'), 'utf8')) as object;
    expect(new Ajv({ strict: true }).validate(schema, doc)).toBe(true);
    // Deterministic: recreating on the same code gives the same bytes.
    cli(['scan', '--create-baseline', 'ci/again.json'], ws);
    expect(readFileSync(path.join(ws, 'ci/again.json'))).toEqual(bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');

    // Same code with the baseline: nothing new, passes, says what it accepted.
    const quiet = cli(['scan', '--baseline', 'ci/baseline.json'], ws);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toMatch(/^0 finding\(s\)/m);
    expect(quiet.stdout).toContain(`baseline ci/baseline.json (sha256 ${sha}): ${before.findings.length} finding(s) accepted as known risk`);

    // A new finding is reported and fails; a fixed one is named so the file can shrink.
    writeFileSync(path.join(ws, 'old.tf'), openSsh('legacy'));
    writeFileSync(path.join(ws, 'new.tf'), openSsh('fresh'));
    const r = cli(['scan', '--baseline', 'ci/baseline.json', '--format', 'json', '--evidence', 'out/evidence.json'], ws);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as JsonReport;
    expect(new Set(j.findings.map((f) => f.resource))).toEqual(new Set(['aws_security_group.fresh']));
    expect(j.baseline).toMatchObject({ sha256: sha, entries: doc.findings.length });
    expect(new Set(j.baseline!.accepted.map((f) => f.resource))).toEqual(new Set(['aws_security_group.legacy']));
    expect(new Set(j.baseline!.fixed.map((f) => f.resource))).toEqual(new Set(['aws_security_group.legacy2']));
    const text = cli(['scan', '--baseline', 'ci/baseline.json'], ws).stdout;
    expect(text).toMatch(/^old\.tf +fixed +\S+ aws_security_group\.legacy2: in the baseline, no longer found/m);
    expect(text).toMatch(/fixed: recreate it with --create-baseline to shrink it/);

    // The evidence records the accepted risk with the baseline's digest, valid against its schema.
    const evidence = JSON.parse(readFileSync(path.join(ws, 'out/evidence.json'), 'utf8')) as { baseline: JsonReport['baseline']; findings: Array<{ resource: string }> };
    expect(evidence.baseline).toMatchObject({ file: 'ci/baseline.json', sha256: sha });
    expect(new Set(evidence.baseline!.accepted.map((f) => f.resource))).toEqual(new Set(['aws_security_group.legacy']));
    expect(new Set(evidence.findings.map((f) => f.resource))).toEqual(new Set(['aws_security_group.fresh']));
    const evidenceSchema = JSON.parse(readFileSync(path.join(repoRoot, 'docs/schemas/evidence.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, validateFormats: false });
    expect(ajv.validate(evidenceSchema, evidence), JSON.stringify(ajv.errors)).toBe(true);
    expect(readFileSync(path.join(ws, 'out/evidence.md'), 'utf8')).toMatch(/## Accepted risk \(baseline\)/);
    // evidence verify re-reads the baseline and re-applies it: the evidence verifies...
    const verified = cli(['evidence', 'verify', 'out/evidence.json', '--repo', '.'], ws);
    expect(verified.code, verified.stdout).toBe(0);
    // ...with command-line selection too (recorded so the re-run resolves the same settings)...
    expect(cli(['scan', '--baseline', 'ci/baseline.json', '--skip-check', 'NET-MULTI-*', '--skip-path', 'nothing/', '--check', 'NET-*', '--evidence', 'out/sel.json'], ws).code).toBe(1);
    const selected = cli(['evidence', 'verify', 'out/sel.json', '--repo', '.'], ws);
    expect(selected.code, selected.stdout).toBe(0);
    // ...and not once the baseline file changed.
    writeFileSync(path.join(ws, 'ci/baseline.json'), JSON.stringify({ controlgateBaseline: 1, findings: [] }));
    const changed = cli(['evidence', 'verify', 'out/evidence.json', '--repo', '.'], ws);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/MISMATCH recomputed-differs baseline: ci\/baseline\.json has sha256/);
  });

  it('treats the baseline as hostile: malformed, oversized, linked out of the workspace or not a file is a usage error', () => {
    const ws = workspace({ 'main.tf': openSsh('a') });
    const fp = 'a'.repeat(32);
    const cases: Record<string, string> = {
      'notjson.json': '{ nope',
      'extra.json': JSON.stringify({ controlgateBaseline: 1, findings: [], accept: 'everything' }),
      'badfp.json': JSON.stringify({ controlgateBaseline: 1, findings: [{ fingerprint: '*', id: 'X', file: 'a', resource: 'b' }] }),
      'version.json': JSON.stringify({ controlgateBaseline: 2, findings: [] }),
      'array.json': JSON.stringify([{ fingerprint: fp }]),
    };
    for (const [name, text] of Object.entries(cases)) writeFileSync(path.join(ws, name), text);
    writeFileSync(path.join(ws, 'huge.json'), `{"controlgateBaseline":1,"findings":[],"pad":"${'x'.repeat(17 * 1024 * 1024)}"}`);
    const outside = mkdtempSync(path.join(tmpdir(), 'cg-base-out-'));
    writeFileSync(path.join(outside, 'b.json'), JSON.stringify({ controlgateBaseline: 1, findings: [] }));
    symlinkSync(path.join(outside, 'b.json'), path.join(ws, 'link.json'));
    for (const name of [...Object.keys(cases), 'huge.json', 'link.json', 'missing.json', '.']) {
      const r = cli(['scan', '--baseline', name], ws);
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(/baseline/);
    }
    expect(cli(['scan', '--baseline', 'huge.json'], ws).stderr).toMatch(/over the \d+-byte limit/);
    expect(cli(['scan', '--baseline', 'link.json'], ws).stderr).toMatch(/outside the workspace/);
    expect(cli(['scan', '--baseline', path.join(outside, 'b.json')], ws).stderr).toMatch(/outside the workspace/);
  });

  it('the action input baseline accepts the same file and says so in the summary; a hostile one fails as usage', () => {
    const ws = workspace({ 'main.tf': openSsh('legacy') });
    expect(cli(['scan', '--create-baseline', '.controlgate-baseline.json'], ws).code).toBe(0);
    const sha = createHash('sha256').update(readFileSync(path.join(ws, '.controlgate-baseline.json'))).digest('hex');
    const before = runAction(ws, {});
    expect(before.code).toBe(1);
    const r = runAction(ws, { baseline: '.controlgate-baseline.json' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.findings).toBe('0');
    expect(r.summary).toContain(`Baseline \`.controlgate-baseline.json\` (sha256 \`${sha}\`)`);
    const evidence = JSON.parse(readFileSync(path.join(ws, 'controlgate-evidence.json'), 'utf8')) as { baseline: { sha256: string } };
    expect(evidence.baseline.sha256).toBe(sha);
    writeFileSync(path.join(ws, 'evil.json'), JSON.stringify({ controlgateBaseline: 1, findings: [{ fingerprint: 'x' }] }));
    expect(runAction(ws, { baseline: 'evil.json' }).code).toBe(2);
    expect(runAction(ws, { baseline: '../outside.json' }).code).toBe(2);
  });

  it('shards of a baselined scan merge into the unsharded baseline section', () => {
    const files: Record<string, string> = {};
    for (const d of ['a', 'b', 'c', 'd', 'e', 'f']) files[`${d}/main.tf`] = openSsh(`sg_${d}`);
    const ws = workspace(files);
    expect(cli(['scan', '--create-baseline', 'base.json'], ws).code).toBe(0);
    writeFileSync(path.join(ws, 'a/main.tf'), '');
    writeFileSync(path.join(ws, 'b/new.tf'), openSsh('fresh'));
    const whole = JSON.parse(cli(['scan', '--baseline', 'base.json', '--format', 'json'], ws).stdout) as JsonReport;
    for (const i of [1, 2]) cli(['scan', '--baseline', 'base.json', '--shard', `${i}/2`, '--format', 'result', '-o', `r${i}.json`], ws);
    const merged = cli(['merge', 'r1.json', 'r2.json', '--format', 'json'], ws);
    const m = JSON.parse(merged.stdout) as JsonReport;
    expect(m.baseline).toEqual(whole.baseline);
    expect(m.findings.map((f) => f.fingerprint)).toEqual(whole.findings.map((f) => f.fingerprint));
    expect(cli(['merge', 'r1.json', 'r2.json', '--evidence', 'merged.json', '--format', 'json', '-o', 'merged-report.json'], ws).code).toBe(1);
    const ev = JSON.parse(readFileSync(path.join(ws, 'merged.json'), 'utf8')) as { baseline: JsonReport['baseline'] };
    expect(new Set(ev.baseline!.accepted.map((f) => f.resource))).toEqual(new Set(whole.baseline!.accepted.map((f) => f.resource)));
    expect(ev.baseline!.fixed.map((f) => f.resource)).toEqual(['aws_security_group.sg_a']);
    // Shards with different baselines do not merge.
    cli(['scan', '--shard', '2/2', '--format', 'result', '-o', 'nobase.json'], ws);
    expect(cli(['merge', 'r1.json', 'nobase.json'], ws)).toMatchObject({ code: 2, stderr: expect.stringMatching(/same baseline/) });
  });
});
