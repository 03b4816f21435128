// continue-on-error and the check name, read from the workflow file the run names.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowStep } from '../../src/action/enforcement.js';

function workspaceWith(workflow: string): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-wf-'));
  mkdirSync(path.join(ws, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(ws, '.github', 'workflows', 'ci.yml'), workflow);
  return ws;
}
const env = { GITHUB_REPOSITORY: 'acme/infra', GITHUB_WORKFLOW_REF: 'acme/infra/.github/workflows/ci.yml@refs/pull/7/merge', GITHUB_JOB: 'scan', GITHUB_ACTION_REPOSITORY: 'acme/controlgate', GITHUB_ACTION: '__acme_controlgate' };
const job = (step: string, jobExtra = ''): string => `jobs:\n  scan:\n    name: Controlgate\n${jobExtra}    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: acme/controlgate@v1\n${step}`;

describe('workflowStep', () => {
  it('names the check after the job and reads continue-on-error of the step and the job', () => {
    expect(workflowStep(env, workspaceWith(job('')))).toMatchObject({ checkNames: ['Controlgate', 'scan'], continueOnError: false });
    expect(workflowStep(env, workspaceWith(job('        continue-on-error: true\n'))).continueOnError).toBe(true);
    expect(workflowStep(env, workspaceWith(job('', '    continue-on-error: true\n'))).continueOnError).toBe(true);
  });

  it('says unknown for an expression, a missing workflow file or job', () => {
    expect(workflowStep(env, workspaceWith(job("        continue-on-error: ${{ matrix.experimental }}\n"))).continueOnError).toBe('unknown');
    expect(workflowStep({ ...env, GITHUB_JOB: 'other' }, workspaceWith(job(''))).continueOnError).toBe('unknown');
    expect(workflowStep(env, mkdtempSync(path.join(tmpdir(), 'cg-wf-none-'))).detail).toMatch(/not in the checkout/);
    expect(workflowStep({ ...env, GITHUB_WORKFLOW_REF: 'acme/infra/../../etc/passwd@x' }, workspaceWith(job(''))).continueOnError).toBe('unknown');
  });
});
