import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distDir } from './paths.js';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the bundled CLI as its own process; `env` replaces the environment when given. */
export function runCli(args: string[], cwd: string, env?: NodeJS.ProcessEnv): RunResult {
  const r = spawnSync(process.execPath, [path.join(distDir, 'cli.js'), ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024, ...(env ? { env } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface ActionRun extends RunResult {
  summary: string;
  outputs: Record<string, string>;
}

/** Run dist/index.js exactly as the runner does: INPUT_* variables and the runner's files. */
interface RunnerFiles {
  env: Record<string, string>;
  summaryFile: string;
  outputFile: string;
}

/** The runner's side of the protocol: INPUT_* variables, GITHUB_* variables, empty summary and output files. */
function runnerFiles(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string>): RunnerFiles {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cg-runner-'));
  const summaryFile = path.join(tmp, 'summary.md');
  const outputFile = path.join(tmp, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: tmp,
    ...extraEnv,
  };
  // The runner's rule: INPUT_ + name upper-cased with spaces as underscores; hyphens stay.
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  return { env, summaryFile, outputFile };
}

function collect(f: RunnerFiles, code: number | null, stdout: string, stderr: string): ActionRun {
  return { code, stdout, stderr, summary: readFileSync(f.summaryFile, 'utf8'), outputs: parseOutputFile(readFileSync(f.outputFile, 'utf8')) };
}

/** Run dist/index.js exactly as the runner does: INPUT_* variables and the runner's files. */
export function runAction(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): ActionRun {
  const f = runnerFiles(workspace, inputs, extraEnv);
  const r = spawnSync(process.execPath, [path.join(distDir, 'index.js')], { cwd: workspace, env: f.env, encoding: 'utf8', timeout: 120_000 });
  return collect(f, r.status, r.stdout, r.stderr);
}

/** Parse the GITHUB_OUTPUT file format (name<<delimiter ... delimiter). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      out[m[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=');
      out[k!] = v.join('=');
    }
  }
  return out;
}

/** runAction without blocking the event loop, for tests that serve HTTP (a GitHub stand-in) meanwhile. */
export async function runActionAsync(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const { spawn } = await import('node:child_process');
  const f = runnerFiles(workspace, inputs, extraEnv);
  const child = spawn(process.execPath, [path.join(distDir, 'index.js')], { cwd: workspace, env: f.env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  return collect(f, code, stdout, stderr);
}
