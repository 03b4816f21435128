// The GitHub Action: the only place that talks to the runner (inputs, annotations, summary, outputs,
// failure). Everything else is the same engine the CLI runs.
import path from 'node:path';
import * as core from '@actions/core';
import { scan } from '../engine/scan.js';
import { EXIT, UsageError } from '../engine/exit-codes.js';
import { parseFailOn, parsePathList } from '../engine/options.js';
import { planAnnotations, type Annotation } from '../report/annotations.js';
import { renderSummary } from '../report/summary.js';
import { failingFindings } from '../report/text.js';
import { Inputs, Outputs } from './names.js';

function emit(a: Annotation): void {
  const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
  if (a.level === 'error') core.error(a.message, props);
  else if (a.level === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

/** Returns the exit code; index.ts sets it. Never throws. */
export async function run(): Promise<number> {
  try {
    const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const wd = core.getInput(Inputs.WorkingDirectory) || '.';
    const root = path.resolve(workspace, wd);
    const paths = parsePathList(core.getInput(Inputs.Paths) || '.');
    const failOn = parseFailOn(core.getInput(Inputs.FailOn), 'high');
    const maxRaw = core.getInput(Inputs.MaxFileBytes);
    const maxFileBytes = maxRaw ? Number(maxRaw) : undefined;
    if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) {
      throw new UsageError(`${Inputs.MaxFileBytes} must be a positive whole number`);
    }

    const result = await scan({ root, paths, ...(maxFileBytes ? { maxFileBytes } : {}) });
    // Annotation paths must be relative to the repository root, whatever working-directory is.
    const prefix = path.relative(workspace, root).split(path.sep).join('/');
    const plan = planAnnotations(result.findings, result.errors);
    for (const a of plan.annotations) emit({ ...a, file: prefix ? `${prefix}/${a.file}` : a.file });

    const failing = failingFindings(result.findings, failOn);
    const failed = failing.length > 0 || result.errors.length > 0;
    core.setOutput(Outputs.Findings, String(result.findings.length));
    core.setOutput(Outputs.Failed, String(failed));
    core.setOutput(Outputs.FilesScanned, String(result.filesScanned.length));
    core.setOutput(Outputs.FileErrors, String(result.errors.length));
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderSummary(result, { failOn, annotationsOmitted: plan.omitted })).write();
    }
    if (failed) {
      const parts = [];
      if (failing.length) parts.push(`${failing.length} finding(s) at or above ${failOn}`);
      if (result.errors.length) parts.push(`${result.errors.length} file(s) could not be scanned`);
      core.setFailed(`Controlgate: ${parts.join('; ')}`);
      return EXIT.findings;
    }
    core.info(`Controlgate: ${result.findings.length} finding(s), none at or above ${failOn}; ${result.filesScanned.length} file(s) scanned.`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      core.setFailed(`Controlgate: ${e.message}`);
      return EXIT.usage;
    }
    const msg = e instanceof Error ? e.message : (() => { try { return JSON.stringify(e); } catch { return String(e); } })();
    if (e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(`Controlgate internal error: ${msg}`);
    return EXIT.internal;
  }
}
