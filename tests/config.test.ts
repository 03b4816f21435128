import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, emptyConfig, loadConfig } from '../src/config/config.js';
import { resolveSettings } from '../src/config/settings.js';
import { yamlLineOf } from '../src/util/yaml-lines.js';
import { repoRoot } from './helpers/paths.js';
import { runAction, runCli } from './helpers/run.js';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'cg-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    writeFileSync(path.join(d, name), text);
  }
  return d;
}

function configError(yaml: string): ConfigError {
  const d = dir({ '.controlgate.yml': yaml });
  try {
    loadConfig(path.join(d, '.controlgate.yml'));
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no error');
}

const insecure = 'resource "aws_subnet" "a" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n  tags = { owner = "t" }\n}\n';

describe('configuration file validation', () => {
  it('names the key, the line and what was expected', () => {
    expect(configError('fail-on: high\nrules:\n  disable: [VMH-AWS-001]\n  disabel: [x]\n')).toMatchObject({ line: 4, message: expect.stringMatching(/unknown key "disabel" in rules/) });
    expect(configError('paths:\n  include: [infra]\nfail-on: severe\n')).toMatchObject({ line: 3, message: expect.stringMatching(/fail-on must be one of info, low, medium, high, critical, never/) });
    expect(
      configError('waivers:\n  - rule: VMH-AWS-001\n    reason: ok\n    expires: 2027-01-31\n  - rule: SEG-AWS-001\n    reason: later\n    expires: next year\n'),
    ).toMatchObject({ line: 7, message: expect.stringMatching(/waivers\.1\.expires must be a date YYYY-MM-DD/) });
    expect(configError('rules:\n  severity:\n    not-a-rule: high\n')).toMatchObject({ line: 3, message: expect.stringMatching(/key "not-a-rule" that is not a rule id/) });
    expect(configError('fail-on: [unclosed\n')).toMatchObject({ message: expect.stringMatching(/invalid YAML/) });
    expect(configError('frameworks: [iso27017, pci]\n')).toMatchObject({ line: 1, message: expect.stringMatching(/frameworks\.1 must be one of/) });
  });

  it('names an invalid glob with its line (include, exclude, a waiver\'s path)', () => {
    expect(configError('paths:\n  include: ["infra/**"]\n  exclude:\n    - "ok/**"\n    - "infra/{a,b"\n')).toMatchObject({ line: 5, message: expect.stringMatching(/paths\.exclude\.1: invalid glob "infra\/\{a,b": Missing closing: "\}"/) });
    expect(configError(`paths:\n  include: ["${'*a'.repeat(200)}"]\n`)).toMatchObject({ line: 2, message: expect.stringMatching(/paths\.include\.0: invalid glob .*longer than 256 characters/) });
    expect(configError('waivers:\n  - rule: VMH-AWS-001\n    reason: ok\n    path: "infra/*(?=x)"\n')).toMatchObject({ line: 4, message: expect.stringMatching(/waivers\.0\.path: invalid glob .*lookarounds are not supported/) });
  });

  it('finds lines in nested blocks and sequences', () => {
    const text = 'a:\n  b:\n    - x: 1\n    - x: 2\n      y:\n        z: 3\nc: 4\n';
    expect(yamlLineOf(text, ['a', 'b', 1, 'y', 'z'])).toBe(6);
    expect(yamlLineOf(text, ['a', 'b', 0, 'x'])).toBe(3);
    expect(yamlLineOf(text, ['c'])).toBe(7);
    expect(yamlLineOf(text, ['a', 'missing'])).toBe(1);
  });

  it('exits 2 (not 1) on an invalid file, with the file and line', () => {
    const ws = dir({ '.controlgate.yml': 'fail-on: high\nbogus: 1\n', 'main.tf': insecure });
    const r = runCli(['scan', '.'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/configuration error: .*\.controlgate\.yml:2: unknown key "bogus"/);
  });
});

describe('precedence: flag or input, then file, then default', () => {
  it('resolves each setting and remembers where it came from', () => {
    const config = { ...emptyConfig(), failOn: 'medium' as const, frameworks: ['iso27017' as const], include: ['infra/'] };
    const s = resolveSettings(config, { failOn: 'critical' }, 'flag');
    expect(s).toMatchObject({ failOn: 'critical', frameworks: ['iso27017'], paths: ['infra/'] });
    expect(s.origin).toMatchObject({ 'fail-on': 'flag', frameworks: 'file', paths: 'file', 'var-files': 'default' });
    expect(resolveSettings(emptyConfig(), {}, 'input')).toMatchObject({ failOn: 'high', paths: ['.'], frameworks: ['iso27017', 'iso27002', 'soc2'] });
  });

  it('applies in the CLI: the file beats the default, the flag beats the file', () => {
    const ws = dir({ '.controlgate.yml': 'fail-on: medium\nframeworks: [iso27017, nist]\n', 'main.tf': insecure });
    const fromFile = runCli(['scan', '.'], ws);
    expect(fromFile.code).toBe(1); // SEG-AWS-001 is medium
    expect(fromFile.stdout).toMatch(/SEG-AWS-001 +CLD\.9\.5\.1, CLD\.13\.1\.4 · NIST /);
    expect(fromFile.stdout).not.toMatch(/SOC 2/);
    expect(runCli(['scan', '.', '--fail-on', 'high'], ws).code).toBe(0);
    expect(runCli(['scan', '.', '--frameworks', 'soc2'], ws).stdout).toMatch(/SEG-AWS-001 +SOC 2 CC6\.6/);
  });

  it('applies in the action: an input beats the file; the file beats action defaults', () => {
    const ws = dir({ '.controlgate.yml': 'fail-on: medium\n', 'infra/main.tf': insecure });
    expect(runAction(ws, { paths: 'infra' }).code).toBe(1);
    expect(runAction(ws, { paths: 'infra', 'fail-on': 'critical' }).code).toBe(0);
  });
});

describe('rules, paths and extends', () => {
  it('disables rules, overrides severities, excludes paths (reported) and includes globs', () => {
    const ws = dir({
      '.controlgate.yml': [
        'paths:',
        '  include: ["infra/**/*.tf"]',
        '  exclude: ["infra/legacy/**"]',
        'rules:',
        '  disable: [SHR-*]',
        '  severity:',
        '    SEG-AWS-001: critical',
      ].join('\n'),
      'infra/main.tf': insecure.replace('  tags = { owner = "t" }\n', ''),
      'infra/legacy/old.tf': insecure,
      'other/ignored.tf': insecure,
    });
    const r = runCli(['scan', '--format', 'json', '--fail-on', 'never'], ws);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings.map((f: { id: string; severity: string; file: string }) => `${f.file} ${f.id} ${f.severity}`)).toEqual(['infra/main.tf SEG-AWS-001 critical']);
    expect(doc.skipped).toEqual([{ path: 'infra/legacy/old.tf', reason: 'excluded by the configuration (infra/legacy/**)' }]);
  });

  it('extends a baseline by path and reports what the local file overrides', () => {
    const ws = dir({
      'central/baseline.yml': 'fail-on: high\nframeworks: [iso27017, soc2]\nrules:\n  disable: [SEG-AWS-001, SHR-MULTI-002]\n  severity:\n    VMH-AWS-001: critical\n',
      'repo/.controlgate.yml': 'extends: ../central/baseline.yml\nfail-on: medium\nrules:\n  enable: [SEG-AWS-001]\n',
      'repo/infra/main.tf': insecure,
    });
    // The baseline is inside the workspace (the checkout): reads never leave it (SECURITY.md).
    expect(() => loadConfig(path.join(ws, 'repo', '.controlgate.yml'))).toThrow(/extends names \.\.\/central\/baseline\.yml, which resolves outside the workspace/);
    const c = loadConfig(path.join(ws, 'repo', '.controlgate.yml'), [], ws);
    expect(c.files.map((f) => path.relative(ws, f))).toEqual(['central/baseline.yml', 'repo/.controlgate.yml']);
    expect(c).toMatchObject({ failOn: 'medium', frameworks: ['iso27017', 'soc2'], disabled: ['SHR-MULTI-002'], severity: { 'VMH-AWS-001': 'critical' } });
    expect(c.overrides).toEqual([expect.stringMatching(/^fail-on: high -> medium \(/), expect.stringMatching(/^rules: SEG-AWS-001 re-enabled \(/)]);
    const r = runAction(ws, { 'working-directory': 'repo', paths: 'infra' });
    expect(r.code).toBe(1);
    expect(r.summary).toMatch(/Configuration: `repo\/\.controlgate\.yml` extends `central\/baseline\.yml`\. Local overrides of the baseline: fail-on: high -&gt; medium/);
    const cycle = dir({ 'a.yml': 'extends: b.yml\n', 'b.yml': 'extends: a.yml\n' });
    expect(() => loadConfig(path.join(cycle, 'a.yml'))).toThrow(/extends forms a cycle/);
  });
});

describe('suppressions from other scanners', () => {
  it('honours checkov, tfsec, trivy and terrascan comments for equivalent rules, as waivers', () => {
    const r = runCli(['scan', '--root', path.join(repoRoot, 'fixtures', 'suppressions'), '--format', 'json', '--fail-on', 'never', '--evidence', path.join(mkdtempSync(path.join(tmpdir(), 'cg-sup-')), 'e.json')], repoRoot);
    const doc = JSON.parse(r.stdout);
    const waived = doc.findings.filter((f: { waiver?: unknown }) => f.waiver).map((f: { line: number; id: string; waiver: { status: string } }) => `${f.line} ${f.id} ${f.waiver.status}`);
    expect(waived).toEqual(['2 VMH-AWS-001 applied', '9 VMH-AWS-001 applied', '18 VMH-AWS-001 expired', '29 NET-AWS-001 applied']);
  });

  it('can be switched off per scanner', () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'cg-sup-'));
    cpSync(path.join(repoRoot, 'fixtures', 'suppressions'), ws, { recursive: true });
    writeFileSync(path.join(ws, '.controlgate.yml'), 'suppressions:\n  checkov: false\n  tfsec: false\n  trivy: false\n  terrascan: false\n');
    const doc = JSON.parse(runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], ws).stdout);
    expect(doc.findings.filter((f: { waiver?: unknown }) => f.waiver)).toEqual([]);
    expect(readFileSync(path.join(ws, 'main.tf'), 'utf8')).toMatch(/checkov:skip/);
  });
});
