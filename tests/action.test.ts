// The bundled action run as its own node process, exactly as the runner runs it: INPUT_* variables,
// GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files. Asserts the workflow commands on
// stdout, the summary and the outputs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { repoRoot } from './helpers/paths.js';
import { runAction } from './helpers/run.js';
import { Inputs, Outputs } from '../src/action/names.js';

function workspaceWithExamples(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-ws-'));
  for (const d of ['insecure', 'compliant', 'packer']) cpSync(path.join(repoRoot, 'examples', d), path.join(ws, 'infra', d), { recursive: true });
  return ws;
}

const commands = (stdout: string): string[] => stdout.split('\n').filter((l) => l.startsWith('::'));

describe('the action, run as the runner runs it', () => {
  it('annotates findings on their lines, writes a summary by control and sets outputs', () => {
    const ws = workspaceWithExamples();
    const r = runAction(ws, { paths: 'infra/', 'fail-on': 'high' });
    expect(r.code).toBe(1);
    const cmds = commands(r.stdout);
    expect(cmds).toContainEqual(
      expect.stringMatching(/^::error title=VMH-AWS-001 · CLD\.9\.5\.2 · high,file=infra\/insecure\/main\.tf,line=14,endLine=14::EC2 instance allows IMDSv1 \(metadata_options\.http_tokens is "optional"\)%0AResource: aws_instance\.web%0AControls: ISO\/IEC 27017 CLD\.9\.5\.2, CLD\.13\.1\.4; .*SOC 2 CC6\.1, CC7\.2%0AFix: /),
    );
    expect(cmds).toContainEqual(expect.stringMatching(/^::warning title=SEG-AWS-001 · CLD\.9\.5\.1 · medium,file=infra\/insecure\/main\.tf,line=54,endLine=54::/));
    expect(cmds).toContainEqual(expect.stringMatching(/^::error title=VMH-PKR-001 · CLD\.9\.5\.2 · high,file=infra\/packer\/ubuntu\.pkr\.hcl,line=11,/));
    expect(cmds.filter((c) => c.includes('file=infra/compliant/'))).toEqual([]);
    expect(cmds.at(-1)).toMatch(/^::error::Controlgate: \d+ finding\(s\) at or above high$/);

    expect(r.outputs[Outputs.Failed]).toBe('true');
    expect(Number(r.outputs[Outputs.Findings])).toBeGreaterThanOrEqual(7);
    expect(r.outputs[Outputs.FilesScanned]).toBe('3');
    expect(r.outputs[Outputs.FileErrors]).toBe('0');

    expect(r.summary).toMatch(/^## Controlgate: ❌ failed/);
    expect(r.summary).toMatch(/\| CLD\.9\.5\.2 \| Virtual machine hardening \| \d+ \| [1-9]\d* \| .*CC6\.1/);
    expect(r.summary).toMatch(/\| CLD\.13\.1\.4 \| Alignment of security management for virtual and physical networks \|/);
    expect(r.summary).toContain('infra/insecure/main.tf:14');
  });

  it('passes, without failing the step, when nothing is at or above fail-on', () => {
    const ws = workspaceWithExamples();
    const r = runAction(ws, { paths: 'infra/compliant', 'fail-on': 'high' });
    expect(r.code).toBe(0);
    expect(commands(r.stdout).filter((c) => c.startsWith('::error'))).toEqual([]);
    expect(r.outputs[Outputs.Failed]).toBe('false');
    expect(r.summary).toMatch(/^## Controlgate: ✅ passed/);
  });

  it('honours working-directory and several paths', () => {
    const ws = workspaceWithExamples();
    const r = runAction(ws, { paths: 'insecure\npacker', 'working-directory': 'infra', 'fail-on': 'never' });
    expect(r.code).toBe(0);
    expect(commands(r.stdout)).toContainEqual(expect.stringMatching(/file=infra\/insecure\/main\.tf,line=14,/));
    expect(r.outputs[Outputs.FilesScanned]).toBe('2');
  });

  it('fails with a clear message on a bad input', () => {
    const r = runAction(workspaceWithExamples(), { 'fail-on': 'sometimes' });
    expect(r.code).toBe(2);
    expect(commands(r.stdout)).toEqual([expect.stringMatching(/^::error::Controlgate: fail-on must be one of/)]);
  });

  it('reports a file it cannot parse as an error annotation on the error line', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-ws-'));
    mkdirSync(path.join(ws, 'infra'));
    writeFileSync(path.join(ws, 'infra', 'broken.tf'), 'resource "a" "b" {\n  x = \n}\n');
    const r = runAction(ws, { paths: 'infra' });
    expect(r.code).toBe(1);
    expect(commands(r.stdout)[0]).toMatch(/^::error title=Controlgate%3A file not scanned,file=infra\/broken\.tf,line=2,endLine=3::syntax error: Invalid expression/);
    expect(r.outputs[Outputs.FileErrors]).toBe('1');
  });

  it('declares in action.yml exactly the inputs and outputs the code reads', () => {
    const action = load(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort());
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('documents every input and output in the README tables', () => {
    const action = load(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const undocumented = [...Object.keys(action.inputs), ...Object.keys(action.outputs)].filter((k) => !readme.includes(`| \`${k}\` |`));
    expect(undocumented).toEqual([]);
  });
});
