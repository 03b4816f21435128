// Workflow-command injection and markup in reports. The bundled action runs on a workspace whose file
// names, resource names, values and comments carry "::set-output", "%0A::add-mask::", "\n::error::",
// "<script>" and table-breaking "|": stdout must hold only the commands we mean to issue, the job
// summary and the review comments only escaped text. Also: a broken policy bundle fails clearly.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/paths.js';
import { parseOutputFile, runAction } from '../helpers/run.js';
import { commentBody, stickyBody } from '../../src/report/review.js';
import { renderSummary } from '../../src/report/summary.js';
import type { Finding, ScanResult } from '../../src/model/types.js';

const INJECT = ['::set-output name=x::y', '%0A::add-mask::mask-me', '\n::error::pwned', '\r\n::warning file=x::pwned', '::stop-commands::tok', '<script>alert(1)</script>', '| x | y |', '@octocat'];

/** Every command the action may issue on stdout, with its escaped properties. */
const PROP = '(?:title|file|line|endLine|col|endColumn)=[^,:\\r\\n]*';
const INTENDED = [new RegExp(`^::(?:error|warning|notice)(?: ${PROP}(?:,${PROP})*)?::`), /^::add-mask::/, /^::debug::/, /^::group::/, /^::endgroup::$/];

function hostileWorkspace(): { ws: string; names: string[] } {
  const ws = mkdtempSync(path.join(tmpdir(), 'cg-inject-'));
  const dir = path.join(ws, 'infra');
  mkdirSync(dir);
  const names = ['a\n::set-output name=x::y.tf', 'b%0A::add-mask::z.tf', 'c::error::d,e=f.tf', 'd\r::warning::x.tf', 'e<script>|x|.tf'];
  const hcl = (s: string): string => JSON.stringify(s);
  names.forEach((n, i) => {
    const label = `web${i}${INJECT[i % INJECT.length]}`;
    writeFileSync(
      path.join(dir, n),
      [
        `# ${INJECT.join(' ').replace(/[\r\n]/g, ' ')}`,
        `resource "aws_instance" ${hcl(label)} {`,
        `  ami = ${hcl(`ami-${INJECT.join('')}`)}`,
        `  tags = { description = ${hcl(INJECT.join('\n'))}, ${hcl(`k${INJECT[1]}`)} = "v" }`,
        '  metadata_options {',
        `    http_tokens = ${hcl(`optional${INJECT[2]}`)}`,
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });
  writeFileSync(path.join(dir, 'broken\n::error::pwned.tf'), 'resource "a" "b" {\n  x = "::set-output name=z::1\n}\n');
  return { ws, names };
}

const unescapeProperty = (s: string): string => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

describe('workflow-command injection', () => {
  it('stdout holds exactly the intended commands; hostile names, values and messages are escaped data', () => {
    const { ws, names } = hostileWorkspace();
    const r = runAction(ws, { paths: 'infra', 'fail-on': 'high' });
    expect(r.code).toBe(1);
    for (const stream of [r.stdout, r.stderr]) {
      const lines = stream.split(/\r?\n|\r/);
      const commands = lines.filter((l) => l.startsWith('::'));
      for (const c of commands) expect(INTENDED.some((re) => re.test(c)), `unintended command: ${JSON.stringify(c)}`).toBe(true);
      // No injected text ever starts a line (where the runner would read it as a command).
      for (const l of lines) expect(l).not.toMatch(/^\s*::(set-output|add-mask::mask-me|error::pwned|warning file=x|stop-commands|save-state|add-path|set-env)/);
    }
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    const files = new Set(annotations.map((l) => /(?:^::\w+ |,)file=([^,:]*)/.exec(l)?.[1]).filter((x): x is string => !!x).map(unescapeProperty));
    for (const n of names) expect(files, JSON.stringify(n)).toContain(`infra/${n}`);
    expect(files).toContain('infra/broken\n::error::pwned.tf');
    // The finding on the hostile value is there, its text in the message data, escaped.
    expect(annotations.some((l) => /^::error title=VMH-AWS-001 .*::.*http_tokens is "optional\\n::error::pwned"/.test(l))).toBe(true);
    expect(r.outputs.failed).toBe('true');
    expect(Object.keys(r.outputs).some((k) => k === 'x' || k === 'z')).toBe(false);
  });

  it('the job summary escapes Markdown and HTML: no raw tags, no broken table rows, no @mentions', () => {
    const { ws } = hostileWorkspace();
    const { summary } = runAction(ws, { paths: 'infra', 'fail-on': 'never' });
    expectSafeMarkdown(summary);
    expect(summary).toContain('infra/broken\\\\u000a::error::pwned.tf');
    expect(summary).toMatch(/VMH-AWS-001/);
  });

  it('review comments and the sticky summary comment escape scanned text', () => {
    const f: Finding = {
      ruleId: 'VMH-AWS-001', id: 'VMH-AWS-001', severity: 'high', title: 'EC2 instances require IMDSv2',
      message: `http_tokens is "${INJECT.join(' ')}"`, remediation: 'Set http_tokens = "required".',
      controls: { iso27017: ['CLD.9.5.2'], iso27002: [], soc2: ['CC6.1'], cis: [], nist: [] },
      file: `infra/${INJECT.join('')}.tf`, range: { startLine: 3, endLine: 3 }, resource: `aws_instance.${INJECT.join('')}`, path: [], fingerprint: 'ab'.repeat(16),
    };
    const body = commentBody(f, undefined, 'https://example.com/docs/rules/VMH-AWS-001.md');
    expectSafeMarkdown(body.split('\n').filter((l) => !l.startsWith('<!-- controlgate:')).join('\n'));
    const result = { root: '/w', filesFound: 1, filesScanned: [f.file], skipped: [], errors: [], findings: [f], evaluations: [], catalog: { opaVersion: 'v1', rules: [], controls: { iso27017: {}, iso27002: {}, soc2: {} } } } as unknown as ScanResult;
    const sticky = stickyBody(result, { scopeMode: 'all', inScope: new Set([f.fingerprint]), commented: new Set(), failOn: 'high', failed: true });
    expectSafeMarkdown(sticky.split('\n').filter((l) => !l.startsWith('<!-- controlgate:')).join('\n'));
    const summary = renderSummary({ ...result, errors: [{ path: f.file, kind: 'terraform', message: INJECT.join('\n'), range: { startLine: 1, endLine: 1 } }], skipped: [{ path: INJECT.join(''), reason: INJECT.join('|') }] }, { verdict: { failOn: 'high', failed: true }, annotationsOmitted: 0 });
    expectSafeMarkdown(summary);
  });
});

function expectSafeMarkdown(md: string): void {
  expect(md).not.toMatch(/<(script|img|a |iframe|details><summary>x)/i);
  // An @mention only inside a code span (shown literally, never notifying anyone).
  expect(md.replace(/(`+)[^`]*?\1/g, '')).not.toMatch(/@octocat/);
  expect(md).not.toMatch(/^::/m);
  // Table rows keep their header's column count: no cell text adds a "|".
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || lines[i - 1]?.startsWith('|')) continue;
    // GFM: "\|" is a pipe inside a cell (code spans included), not a column separator.
    const columns = (l: string): number => l.split(/(?<!\\)\|/).length;
    const cols = columns(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) expect(columns(lines[j]!), lines[j]).toBe(cols);
  }
}

describe('a broken policy bundle', () => {
  function brokenDist(): string {
    const d = mkdtempSync(path.join(tmpdir(), 'cg-broken-dist-'));
    cpSync(distDir, d, { recursive: true });
    writeFileSync(path.join(d, 'policy.wasm'), Buffer.from('\0asm\x01\0\0\0 this is not a policy bundle'));
    return d;
  }
  const ws = (): string => {
    const w = mkdtempSync(path.join(tmpdir(), 'cg-broken-ws-'));
    writeFileSync(path.join(w, 'main.tf'), 'resource "aws_instance" "w" {\n  ami = "x"\n}\n');
    return w;
  };

  it('the CLI says so and exits 3', () => {
    const d = brokenDist();
    const r = spawnSync(process.execPath, [path.join(d, 'cli.js'), 'scan', '.'], { cwd: ws(), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/internal error: .*the policy bundle in .* failed to load/);
    expect(r.stdout).toBe('');
  });

  it('the action fails with exit 3, says so in an error command and in the job summary, and sets failed', () => {
    const d = brokenDist();
    const w = ws();
    const tmp = mkdtempSync(path.join(tmpdir(), 'cg-runner-'));
    const summaryFile = path.join(tmp, 'summary.md');
    const outputFile = path.join(tmp, 'output');
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    const env = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: w, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: tmp, INPUT_PATHS: '.' };
    const r = spawnSync(process.execPath, [path.join(d, 'index.js')], { cwd: w, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/^::error::Controlgate internal error: the policy bundle in .* failed to load/m);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toMatch(/^## Controlgate: ⚠️ internal error/);
    expect(summary).toMatch(/policy bundle .* failed to load/);
    expect(parseOutputFile(readFileSync(outputFile, 'utf8')).failed).toBe('true');
  });
});
