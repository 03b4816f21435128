// Canary secrets planted in Terraform, tfvars and Packer files must never appear in any output:
// text, JSON, SARIF, job summary, annotations/log, outputs, evidence (JSON, Markdown, OSCAL). The
// action also masks them with the runner (::add-mask::).
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';
import { runAction, runCli } from './helpers/run.js';
import { redactor, REDACTED } from '../src/util/secrets.js';
import { collectSecrets } from '../src/normalize/secrets.js';

const fixture = path.join(repoRoot, 'fixtures', 'hostile', 'secrets');
const CANARY = /canary|AKIACANARY/i;

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? allFiles(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

describe('secrets never leave the scanner', () => {
  it('CLI text, JSON, SARIF and evidence hold no canary', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-secrets-'));
    cpSync(fixture, path.join(ws, 'infra'), { recursive: true });
    const text = runCli(['scan', 'infra', '--fail-on', 'never', '--evidence', 'out/evidence.json', '--sarif', 'out.sarif'], ws);
    const json = runCli(['scan', 'infra', '--fail-on', 'never', '--format', 'json'], ws);
    expect(text.code).toBe(0);
    // The scan did find the secrets (the rules fired), it just does not repeat them.
    expect(text.stdout).toMatch(/ADM-TF-001/);
    expect(text.stdout).toMatch(/VMH-MULTI-002/);
    expect(text.stdout).toMatch(/ADM-PKR-001/);
    // A rule that does echo values (VMH-AWS-001) met a sensitive variable's value: it was redacted.
    expect(text.stdout).toMatch(/VMH-AWS-001 .*metadata_options\.http_tokens is "\[REDACTED\]"/);
    for (const [name, content] of [
      ['text', text.stdout + text.stderr],
      ['json', json.stdout + json.stderr],
      ...[...allFiles(path.join(ws, 'out')), path.join(ws, 'out.sarif')].map((f) => [f, readFileSync(f, 'utf8')]),
    ] as Array<[string, string]>) {
      const hit = CANARY.exec(content);
      expect(hit ? `${name}: …${content.slice(Math.max(0, hit.index - 60), hit.index + 40)}…` : null).toBeNull();
    }
  });

  it('the action masks them and its log, summary, outputs and files hold none', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-secrets-'));
    cpSync(fixture, path.join(ws, 'infra'), { recursive: true });
    const r = runAction(ws, { paths: 'infra', 'fail-on': 'never' });
    expect(r.code).toBe(0);
    const masks = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    expect(masks.length).toBeGreaterThanOrEqual(8);
    const rest = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    const files = allFiles(ws).filter((f) => !f.includes(`${path.sep}infra${path.sep}`));
    for (const [name, content] of [['log', rest + r.stderr], ['summary', r.summary], ['outputs', JSON.stringify(r.outputs)], ...files.map((f) => [f, readFileSync(f, 'utf8')])] as Array<[string, string]>) {
      const hit = CANARY.exec(content);
      expect(hit ? `${name}: …${content.slice(Math.max(0, hit.index - 60), hit.index + 40)}…` : null).toBeNull();
    }
  });

  it('redactor replaces every form of a secret, deeply, and leaves Maps alone', () => {
    const redact = redactor(['hunter2-secret', 'line one of a key\nline two']);
    const m = new Map([['a', 1]]);
    expect(redact({ a: ['x hunter2-secret y', { b: '"hunter2-secret"' }], c: JSON.stringify('line one of a key\nline two'), m })).toEqual({
      a: [`x ${REDACTED} y`, { b: `"${REDACTED}"` }],
      c: `"${REDACTED}"`,
      m,
    });
  });

  it('collects sensitive variable values and credential-shaped strings, not references', () => {
    const file = (kind: 'terraform' | 'terraform-vars', body: Record<string, unknown>, text = '') => ({
      file: { path: 'x', absPath: 'x', kind }, sha256: '', body, text, locations: undefined as never,
    });
    const secrets = collectSecrets([
      file('terraform', { variable: { pw: [{ sensitive: true, default: 'sekrit-default' }], open: [{ default: 'not-secret-value' }] }, provider: { aws: [{ secret_key: '${var.k}', token: 'literal-token-123' }] } }),
      file('terraform-vars', { pw: 'sekrit-from-tfvars', open: 'plain' }, 'key = "AKIAABCDEFGHIJKLMNOP"'),
    ]);
    expect(secrets.sort()).toEqual(['AKIAABCDEFGHIJKLMNOP', 'literal-token-123', 'sekrit-default', 'sekrit-from-tfvars']);
  });
});
