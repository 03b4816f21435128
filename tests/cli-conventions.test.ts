// The CLI conventions Checkov and Trivy users expect (issue 18), through the built CLI (dist/cli.js):
// formats and outputs, exit control, quiet/compact/colour, selection, rules/explain, the path rule,
// configuration discovery.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from './helpers/paths.js';
import { runCli, type RunResult } from './helpers/run.js';
import { tempWorkspace } from './helpers/workspace.js';

/** The CLI without the caller's colour settings, plus `env`. */
function cli(args: string[], cwd: string, env: Record<string, string> = {}): RunResult {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR'));
  return runCli(args, cwd, { ...clean, ...env });
}

const workspace = (files: Record<string, string>): string => tempWorkspace(files, 'cg-conv-');

// SEG-AWS-001 (medium) on the subnet; NET-AWS-001 (high: SSH open to the world) on the group.
const subnet = 'resource "aws_subnet" "a" {\n  vpc_id = "vpc-1"\n  map_public_ip_on_launch = true\n  tags = { owner = "team" }\n}\n';
const openSsh =
  'resource "aws_security_group" "ssh" {\n  name = "ssh"\n  description = "ssh"\n  ingress {\n    description = "ssh"\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n  tags = { owner = "team" }\n}\n';

function ids(jsonText: string): string[] {
  return (JSON.parse(jsonText) as { findings: Array<{ id: string }> }).findings.map((f) => f.id).sort();
}

describe('formats and outputs', () => {
  const ws = workspace({ 'main.tf': subnet, 'sg.tf': openSsh });

  it('--format sarif writes valid SARIF on standard output', () => {
    const r = cli(['scan', '--format', 'sarif', '--fail-on', 'never'], ws);
    expect(r.code).toBe(0);
    // The SARIF itself is validated against the schema in tests/report; here: it is the SARIF, whole.
    const doc = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs[0]!.results.map((x) => x.ruleId)).toContain('SEG-AWS-001');
  });

  it('pairs each -o with the --format before it, creates output folders, and keeps stdout for the one without', () => {
    const r = cli(['scan', '--fail-on', 'never', '--format', 'sarif', '-o', 'out/a/x.sarif', '--format', 'json', '--output', 'out/b/x.json', '--format', 'junit', '-o', 'x.xml', '--format', 'text'], ws);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws, 'out/a/x.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(ids(readFileSync(path.join(ws, 'out/b/x.json'), 'utf8'))).toContain('SEG-AWS-001');
    expect(readFileSync(path.join(ws, 'x.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(r.stdout).toMatch(/^main\.tf:3 +medium +SEG-AWS-001/m);
  });

  it('takes comma-separated formats, -o - for stdout, and --sarif as the shorthand it was', () => {
    const r = cli(['scan', '--fail-on', 'never', '--format', 'json', '--sarif', 'old.sarif'], ws);
    expect(ids(r.stdout)).toContain('SEG-AWS-001');
    expect(existsSync(path.join(ws, 'old.sarif'))).toBe(true);
    // --sarif alone keeps the text report on stdout, as before.
    const legacy = cli(['scan', '--fail-on', 'never', '--sarif', 'old2.sarif'], ws);
    expect(legacy.stdout).toMatch(/finding\(s\)/);
    const dash = cli(['scan', '--fail-on', 'never', '--format', 'sarif', '-o', '-', '--format', 'json', '-o', 'c.json'], ws);
    expect(JSON.parse(dash.stdout).version).toBe('2.1.0');
    // A bare -o before any --format is the text report's file; nothing then goes to stdout.
    const bare = cli(['scan', '--fail-on', 'never', '-o', 'report.txt'], ws);
    expect(bare.stdout).toBe('');
    expect(readFileSync(path.join(ws, 'report.txt'), 'utf8')).toMatch(/SEG-AWS-001/);
  });

  it('refuses ambiguous pairings as usage errors (exit 2)', () => {
    expect(cli(['scan', '--format', 'json,sarif'], ws).stderr).toMatch(/only one report can go to standard output/);
    expect(cli(['scan', '--format', 'json,sarif', '-o', 'x'], ws).code).toBe(2);
    expect(cli(['scan', '--format', 'json', '-o', 'a', '-o', 'b'], ws).code).toBe(2);
    expect(cli(['scan', '--format', 'json', '-o', 'same', '--format', 'sarif', '-o', './same'], ws).code).toBe(2);
    expect(cli(['scan', '--format', 'yaml'], ws).code).toBe(2);
  });
});

describe('exit control, quiet, compact, colour', () => {
  const ws = workspace({ 'main.tf': subnet, 'sg.tf': openSsh, 'bad.tf': 'resource "a" "b" {\n  x = \n}\n' });

  it('--soft-fail exits 0 with failing findings and unparsable files; usage errors stay 2', () => {
    expect(cli(['scan'], ws).code).toBe(1);
    expect(cli(['scan', '--soft-fail'], ws).code).toBe(0);
    expect(cli(['scan', '--soft-fail', '--fail-on', 'bogus'], ws).code).toBe(2);
  });

  it('--quiet shows only what fails the run', () => {
    const r = cli(['scan', '--quiet'], ws);
    expect(r.stdout).toMatch(/NET-AWS-001/);
    expect(r.stdout).not.toMatch(/SEG-AWS-001/); // medium, below fail-on high
    expect(r.stdout).toMatch(/^bad\.tf:2 +error/m);
  });

  it('--compact drops the control crosswalk from each line', () => {
    expect(cli(['scan'], ws).stdout).toMatch(/SEG-AWS-001 +CLD\.9\.5\.1/);
    const r = cli(['scan', '--compact'], ws);
    expect(r.stdout).toMatch(/SEG-AWS-001 +Subnet assigns/);
    expect(r.stdout).not.toMatch(/CLD\./);
  });

  it('colours only when asked or on a terminal: FORCE_COLOR on, NO_COLOR off, never in files', () => {
    expect(cli(['scan'], ws).stdout).not.toMatch(/\x1b\[/); // a pipe is not a terminal
    expect(cli(['scan'], ws, { FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[33mmedium/);
    expect(cli(['scan'], ws, { FORCE_COLOR: '0' }).stdout).not.toMatch(/\x1b\[/);
    expect(cli(['scan'], ws, { NO_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
    cli(['scan', '-o', 'plain.txt'], ws, { FORCE_COLOR: '1' });
    expect(readFileSync(path.join(ws, 'plain.txt'), 'utf8')).not.toMatch(/\x1b\[/);
  });

  // util-linux `script` gives the CLI a real terminal (stdout and stderr a pty).
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasScript)('colours on a terminal by itself, and not when NO_COLOR is set there', () => {
    const tty = (env: Record<string, string>): string => {
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'FORCE_COLOR' && k !== 'NO_COLOR')) as Record<string, string>;
      const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(distDir, 'cli.js'))} scan --compact`;
      return spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ws, encoding: 'utf8', timeout: 120_000, env: { ...clean, ...env } }).stdout;
    };
    expect(tty({})).toMatch(/main\.tf:3 +\x1b\[33mmedium/);
    expect(tty({ NO_COLOR: '1' })).toMatch(/main\.tf:3 +medium /);
  });
});

describe('selection on the command line', () => {
  const ws = workspace({ 'net/main.tf': subnet, 'net/sg.tf': openSsh, 'legacy/old.tf': subnet });

  it('--check runs only the named rules (ids or globs); --skip-check removes them', () => {
    expect(ids(cli(['scan', '--format', 'json', '--check', 'SEG-*'], ws).stdout)).toEqual(['SEG-AWS-001', 'SEG-AWS-001']);
    expect(ids(cli(['scan', '--format', 'json', '--skip-check', 'SEG-AWS-001'], ws).stdout)).not.toContain('SEG-AWS-001');
    expect(ids(cli(['scan', '--format', 'json', '--check', 'NET-AWS-001,SEG-AWS-001', '--skip-check', 'SEG-AWS-001'], ws).stdout)).toEqual(['NET-AWS-001']);
    expect(cli(['scan', '--check', 'bad id!'], ws).code).toBe(2);
  });

  it('--check adds to the configuration file, which still disables what it disables', () => {
    writeFileSync(path.join(ws, '.controlgate.yml'), 'rules:\n  disable: [NET-AWS-001]\n');
    try {
      expect(ids(cli(['scan', '--format', 'json', '--check', 'NET-AWS-*,SEG-*'], ws).stdout)).toEqual(['SEG-AWS-001', 'SEG-AWS-001']);
    } finally {
      rmSync(path.join(ws, '.controlgate.yml'));
    }
  });

  it('--skip-path excludes files and folders (globs too), reported as skipped', () => {
    const r = cli(['scan', '--format', 'json', '--skip-path', 'legacy', '--skip-path', 'net/s*.tf'], ws);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ file: string }>; skipped: Array<{ path: string }> };
    expect(doc.findings.map((f) => f.file)).toEqual(['net/main.tf']);
    expect(doc.skipped.map((s) => s.path).sort()).toEqual(['legacy/old.tf', 'net/sg.tf']);
  });

  it('--severity filters what is shown, not what fails', () => {
    const all = JSON.parse(cli(['scan', '--format', 'json'], ws).stdout) as { findings: Array<{ severity: string }> };
    const notMedium = all.findings.filter((f) => f.severity !== 'medium').length;
    expect(notMedium).toBeGreaterThan(0);
    const r = cli(['scan', '--severity', 'medium'], ws);
    expect(r.stdout).toMatch(/SEG-AWS-001/);
    expect(r.stdout).not.toMatch(/NET-AWS-001/);
    expect(r.stdout).toContain(`${notMedium} hidden by --severity`);
    expect(r.code).toBe(1); // the hidden high finding still fails the run
    const j = JSON.parse(cli(['scan', '--severity', 'MEDIUM', '--format', 'json'], ws).stdout) as { summary: { failed: boolean; hiddenBySeverity: number } };
    expect(j.summary).toMatchObject({ failed: true, hiddenBySeverity: notMedium });
    expect(cli(['scan', '--severity', 'severe'], ws).code).toBe(2);
  });
});

describe('version, rules, explain', () => {
  const ws = workspace({});
  it('--version prints package.json version', () => {
    const pkg = JSON.parse(readFileSync(path.join(distDir, '..', 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'], ws)).toMatchObject({ code: 0, stdout: `controlgate ${pkg.version}\n` });
  });

  it('rules lists every rule with severity, title and controls; --format json too', () => {
    const catalog = JSON.parse(readFileSync(path.join(distDir, 'catalog.json'), 'utf8')) as { rules: Array<{ id: string; title: string }> };
    const text = cli(['rules'], ws).stdout;
    for (const r of catalog.rules) expect(text).toContain(r.id);
    expect(text).toMatch(/^SEG-AWS-001 +medium +Subnets do not hand out public IPv4 addresses automatically +\[CLD\.9\.5\.1/m);
    const json = JSON.parse(cli(['rules', '--format', 'json'], ws).stdout) as Array<{ id: string; severity: string; title: string; controls: { iso27017: string[] } }>;
    expect(json.map((r) => r.id).sort()).toEqual(catalog.rules.map((r) => r.id).sort());
    expect(json.find((r) => r.id === 'SEG-AWS-001')).toMatchObject({ severity: 'medium', controls: { iso27017: expect.arrayContaining(['CLD.9.5.1']) } });
  });

  it('explain shows the rule page: why, fix, controls, example; unknown ids are usage errors', () => {
    const r = cli(['explain', 'seg-aws-001'], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^SEG-AWS-001: Subnets do not hand out/m);
    expect(r.stdout).toMatch(/What and why/i);
    expect(r.stdout).toMatch(/How to fix/i);
    expect(r.stdout).toMatch(/ISO\/IEC 27017:2015 +CLD\.9\.5\.1/);
    expect(r.stdout).toMatch(/Failing example/i);
    expect(r.stdout).toMatch(/^ {4}resource "aws_subnet"/m);
    expect(r.stdout).not.toMatch(/<!--|\*\*|```/);
    expect(cli(['explain', 'VMH-AWS-001/hop-limit'], ws).stdout).toMatch(/^VMH-AWS-001:/m);
    expect(cli(['explain', '../../package'], ws).code).toBe(2);
    expect(cli(['explain'], ws).code).toBe(2);
  });
});

describe('one rule for paths', () => {
  it('path arguments and flags are relative to the current folder; --root sets what they are reported relative to', () => {
    const ws = workspace({ 'infra/net/main.tf': subnet, 'infra/prod.tfvars': '', 'infra/skip/old.tf': subnet });
    // From the top folder, scanning the infra/ root: paths given from here, reported from infra/.
    const r = cli(['scan', 'infra/net', '--root', 'infra', '--format', 'json', '--var-file', 'infra/prod.tfvars'], ws);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: Array<{ file: string }> }).findings.map((f) => f.file)).toEqual(['net/main.tf']);
    // From inside a subfolder, with the root above it.
    const sub = cli(['scan', '.', '--root', '..', '--format', 'json', '--skip-path', 'old.tf'], path.join(ws, 'infra', 'skip'));
    expect(JSON.parse(sub.stdout).skipped).toEqual([expect.objectContaining({ path: 'skip/old.tf' })]);
    // A path outside --root is an error, not a silent skip.
    const out = cli(['scan', 'infra/net', '--root', 'infra/skip'], ws);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/path infra\/net is outside --root/);
    expect(cli(['scan', '--root', 'missing'], ws)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--root missing: not a folder/) });
  });
});

describe('configuration discovery', () => {
  it('finds .controlgate.yml or .controlgate.yaml in the root, then upward to the repository top, never above', () => {
    const outer = workspace({ '.controlgate.yml': 'fail-on: medium\n', 'repo/infra/main.tf': subnet });
    const repo = path.join(outer, 'repo');
    // Not a repository: only the root itself is searched (the outer file would fail the medium finding).
    expect(cli(['scan', '--root', 'infra'], repo).code).toBe(0);
    mkdirSync(path.join(repo, '.git'));
    // A repository: the search goes up to its top folder and stops there.
    expect(cli(['scan', '--root', 'infra'], repo).code).toBe(0);
    writeFileSync(path.join(repo, '.controlgate.yaml'), 'fail-on: medium\n');
    expect(cli(['scan', '--root', 'infra'], repo).code).toBe(1);
    expect(cli(['scan'], path.join(repo, 'infra')).code).toBe(1);
    // Both names in one folder is ambiguous.
    writeFileSync(path.join(repo, 'infra', '.controlgate.yml'), 'fail-on: high\n');
    writeFileSync(path.join(repo, 'infra', '.controlgate.yaml'), 'fail-on: high\n');
    expect(cli(['scan', '--root', 'infra'], repo)).toMatchObject({ code: 2, stderr: expect.stringMatching(/both .controlgate.yml and .controlgate.yaml/) });
    // --config is relative to the current folder.
    rmSync(path.join(repo, 'infra', '.controlgate.yaml'));
    writeFileSync(path.join(repo, 'strict.yml'), 'fail-on: medium\n');
    expect(cli(['scan', 'main.tf', '--config', '../strict.yml'], path.join(repo, 'infra')).code).toBe(1);
  });
});
