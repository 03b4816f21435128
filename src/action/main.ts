// The GitHub Action: the only place that talks to the runner (inputs, annotations, summary, outputs,
// failure). An adapter around the pipeline (src/engine/scan.ts runPipeline) the CLI runs too: inputs -> settings,
// the pull request's scope, then the reporters, and the verdict mapped to the step's outcome.
import { writeOutputFile, OutputWriteError } from '../util/output-write.js';
import { WorkspaceReadError } from '../util/workspace-read.js';
import path from 'node:path';
import * as core from '@actions/core';
import { runPipeline } from '../engine/scan.js';
import { EXIT, UsageError } from '../errors.js';
import { parseFailOn, parsePathList, parseTimeoutMs } from '../config/options.js';
import { planAnnotations, type Annotation } from '../report/annotations.js';
import { renderSummary } from '../report/summary.js';
import { Inputs, Outputs } from './names.js';
import { renderSarif } from '../report/sarif.js';
import { annotatedFindings, commentOnPullRequest, setUpScope, type PullRequestSetup } from './pull-request.js';
import { canonicalJson, configFileDigests, sha256 } from '../report/evidence/evidence.js';
import { evidenceOf, renderResult, resultDocument, type RunRecord } from '../report/result.js';
import { parseShard, shardStamp } from '../model/shard.js';
import { runContext } from '../report/evidence/context.js';
import { writeEvidence } from '../report/evidence/write.js';
import { ConfigError } from '../config/config.js';
import { blameLine, parseTrustedConfig, policyForRun } from '../config/trusted.js';
import { policyChangesFor } from '../config/policy-changes.js';
import { readPullRequestContext } from '../github/pr.js';
import { resolveSettings } from '../config/settings.js';
import { parseFrameworks, recordedSettings } from '../config/apply.js';
import { isScopeMode } from '../scope/scope.js';
import { escapeMarkdown, markdownCode } from '../util/escape.js';
import { fixesOf, pullRequestEvidence } from './pr-evidence.js';
import type { EvidenceRemediation } from '../report/evidence/evidence.js';
import { BaselineError, readBaseline } from '../baseline/baseline.js';

function parseBool(name: string, raw: string): boolean {
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE|)$/.test(raw)) return false;
  throw new UsageError(`${name} must be true or false (got "${raw}")`);
}

function emit(a: Annotation): void {
  const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
  if (a.level === 'error') core.error(a.message, props);
  else if (a.level === 'warning') core.warning(a.message, props);
  else core.notice(a.message, props);
}

/** The path as the summary shows it: relative to the workspace when inside it. */
function shownPath(workspace: string, abs: string): string {
  const rel = path.relative(workspace, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** The summary's first note when the run stopped on usage errors after scanning. */
function stoppedNote(usageErrors: string[]): string {
  return `**Stopped: usage error (exit code 2).** ${usageErrors.map(escapeMarkdown).join('; ')}. Nothing was checked there; set \`allow-empty: true\` to accept this.`;
}

/** The job summary of a run that stopped early: where people look; never throws (it may be what failed). */
async function writeStopSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown).write().catch(() => undefined);
}

/** Returns the exit code; index.ts sets it. Never throws. */
export async function run(): Promise<number> {
  try {
    const workspace = path.resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
    const wd = core.getInput(Inputs.WorkingDirectory) || '.';
    const root = path.resolve(workspace, wd);
    // An input that is set wins over the configuration file, the file over the default: action.yml
    // therefore gives these inputs no default of its own.
    const givenFailOn = core.getInput(Inputs.FailOn) ? parseFailOn(core.getInput(Inputs.FailOn)) : undefined;
    const maxRaw = core.getInput(Inputs.MaxFileBytes);
    const maxFileBytes = maxRaw ? Number(maxRaw) : undefined;
    if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) {
      throw new UsageError(`${Inputs.MaxFileBytes} must be a positive whole number`);
    }
    const timeoutMs = parseTimeoutMs(core.getInput(Inputs.ParseTimeout), Inputs.ParseTimeout);

    const prComments = parseBool(Inputs.PrComments, core.getInput(Inputs.PrComments));
    const sarifFile = path.resolve(workspace, core.getInput(Inputs.SarifFile) || 'controlgate.sarif');
    const token = core.getInput(Inputs.GithubToken);
    if (token) core.setSecret(token);

    const frameworks = parseFrameworks(core.getInput(Inputs.Frameworks));
    const scopeGiven = core.getInput(Inputs.Scope);
    // trusted-config: base reads the whole configuration from the pull request's base commit (README:
    // "Trusted configuration"); in every mode the working tree's is compared with the base's.
    const prContext = readPullRequestContext();
    const policy = policyForRun({
      repo: workspace,
      root,
      ...(core.getInput(Inputs.Config) ? { named: core.getInput(Inputs.Config) } : {}),
      inputBundles: parsePathList(core.getInput(Inputs.PolicyBundles)),
      trust: parseTrustedConfig(core.getInput(Inputs.TrustedConfig), Inputs.TrustedConfig),
      ...(prContext ? { baseRef: prContext.baseSha } : {}),
      log: (m) => core.info(m),
    });
    const settings = resolveSettings(
      policy.config,
      {
        paths: parsePathList(core.getInput(Inputs.Paths)),
        ...(givenFailOn ? { failOn: givenFailOn } : {}),
        ...(frameworks ? { frameworks } : {}),
        varFiles: parsePathList(core.getInput(Inputs.VarFiles)),
        ...(isScopeMode(scopeGiven) ? { scope: scopeGiven } : {}),
        ...(maxFileBytes ? { maxFileBytes } : {}),
        policyBundles: policy.inputBundles,
      },
      'input',
    );
    const { failOn } = settings;
    // plan: a Terraform plan JSON, relative to the workspace (README: "Scanning a plan").
    const planInput = core.getInput(Inputs.Plan).trim();
    // shard: i/n of an Actions matrix (README: "Sharding a monorepo").
    const shard = parseShard(core.getInput(Inputs.Shard), Inputs.Shard);
    // baseline: accepted findings (controlgate scan --create-baseline), relative to the workspace and
    // read confined to it: the pull request can edit it, so it is validated like any hostile input.
    const baselineInput = core.getInput(Inputs.Baseline).trim();
    const baseline = baselineInput ? { ...readBaseline(path.resolve(workspace, baselineInput), workspace, baselineInput), file: baselineInput } : undefined;
    const allowEmpty = parseBool(Inputs.AllowEmpty, core.getInput(Inputs.AllowEmpty));
    let setUp: PullRequestSetup | undefined;
    const { result, verdict } = await runPipeline({
      root,
      workspace,
      settings,
      ...(timeoutMs ? { parseTimeoutMs: timeoutMs } : {}),
      ...(planInput ? { plan: path.resolve(workspace, planInput) } : {}),
      ...(shard ? { shard } : {}),
      ...(baseline ? { baseline } : {}),
      allowEmpty,
      // Annotation paths must be relative to the repository root, whatever working-directory is.
      pathPrefix: path.relative(workspace, root).split(path.sep).join('/'),
      // fail-on applies to the findings in scope: a pull request answers for what it changed.
      scope: async (r) => {
        // Mask in the runner's log the secrets the scan found that are plausibly secrets (never a file
        // name or a short word: src/util/redaction.ts) before anything is logged; the reports redact
        // every sensitive value anyway.
        for (const secret of r.redactions) core.setSecret(secret);
        setUp = await setUpScope(r.findings, { scopeInput: scopeGiven || settings.scope || '', prComments, token, workspace, log: (m) => core.info(m) });
        return setUp.scoped.inScope;
      },
    });
    const pr = setUp!;
    const { usageErrors, failing, failed } = verdict;
    const plan = planAnnotations(annotatedFindings(result.findings, pr), result.errors, { changed: pr.scoped.changed, inScope: pr.scoped.inScope, frameworks: settings.frameworks });
    for (const a of plan.annotations) emit(a);

    const recorded = { ...recordedSettings(settings), workingDirectory: wd, scope: pr.scope.mode, prComments };
    const stamp = result.shard ? shardStamp(result.shard, result.bundle, sha256(canonicalJson(recorded))) : undefined;
    writeOutputFile(sarifFile, renderSarif(result.findings, result.catalog, { inScope: pr.scoped.inScope, errors: result.errors, ...(stamp ? { shard: stamp } : {}) }), workspace, shownPath(workspace, sarifFile));
    core.setOutput(Outputs.SarifFile, sarifFile);

    const changed = pr.changes;
    const policyChanges = policyChangesFor(
      policy,
      result,
      changed ? (file, line) => { const c = changed.files.get(file); return !!c && (c.wholeFile === true || c.added.includes(line)); } : undefined,
      (file, line) => blameLine(workspace, 'HEAD', file, line),
    );
    core.setOutput(Outputs.Findings, String(result.findings.length));
    core.setOutput(Outputs.Failed, String(failed));
    core.setOutput(Outputs.FilesScanned, String(result.filesScanned.length));
    core.setOutput(Outputs.FileErrors, String(result.errors.length));
    const fixes: EvidenceRemediation[] = [];
    const notes = [...pr.notes, ...(prComments && !usageErrors.length ? await commentOnPullRequest(result, pr, { failOn, failed, log: (m) => core.info(m), onPublished: (r) => fixes.push(...fixesOf(r, pr.ctx!.headSha)), policyChanges }) : [])];
    if (usageErrors.length) notes.unshift(stoppedNote(usageErrors));
    // The evidence is written once the pull request was commented on: it records the fixes marked there.
    const evidenceFile = path.resolve(workspace, core.getInput(Inputs.EvidenceFile) || 'controlgate-evidence.json');
    const prEvidence = await pullRequestEvidence(pr, result, settings.configFiles, workspace);
    const record: RunRecord = {
      failOn,
      frameworks: settings.frameworks,
      settings: recorded,
      configurationSha256: sha256(canonicalJson(recorded)),
      configFiles: configFileDigests(settings.configFiles, workspace),
      allowEmpty,
      inScope: [...pr.scoped.inScope],
      scope: { mode: pr.scope.mode, source: pr.scope.source, ...(pr.scope.note ? { note: pr.scope.note } : {}) },
      ...(prEvidence.change ? { change: prEvidence.change } : {}),
      ...(prEvidence.enforcement ? { enforcement: prEvidence.enforcement } : {}),
      ...(prEvidence.waiversInPullRequest ? { waiversInPullRequest: [...prEvidence.waiversInPullRequest] } : {}),
      ...(prComments && pr.ctx ? { remediation: fixes } : {}),
      ...(prContext ? { policyChanges } : {}),
    };
    const evidence = writeEvidence(evidenceFile, evidenceOf(result, verdict, record, runContext()), workspace);
    core.setOutput(Outputs.EvidenceFile, evidence.json);
    // result-file: what `controlgate merge` combines across the shards of a matrix.
    const resultInput = core.getInput(Inputs.ResultFile).trim();
    if (resultInput) {
      const resultFile = path.resolve(workspace, resultInput);
      writeOutputFile(resultFile, renderResult(resultDocument(result, verdict, record)), workspace, shownPath(workspace, resultFile));
      notes.push(`Result document written to ${markdownCode(path.relative(workspace, resultFile).split(path.sep).join('/'))} (for \`controlgate merge\`).`);
    }
    if (settings.configFiles.length) {
      const files = [...settings.configFiles].reverse().map((f) => markdownCode(policy.display(f))).join(' extends ');
      notes.push(`Configuration: ${files}.${settings.overrides.length ? ` Local overrides of the baseline: ${settings.overrides.map(escapeMarkdown).join('; ')}.` : ''}`);
    }
    if (result.baseline) {
      const b = result.baseline;
      notes.push(
        `Baseline ${markdownCode(b.file)} (sha256 ${markdownCode(b.sha256)}): ${b.accepted.length} finding(s) accepted as known risk, not reported` +
          (b.fixed.length ? `; ${b.fixed.length} of its ${b.entries} entries no longer found (fixed): recreate it with ${markdownCode('controlgate scan --create-baseline')} to shrink it.` : '.'),
      );
    }
    notes.push(`SARIF 2.1.0 written to ${markdownCode(path.relative(workspace, sarifFile).split(path.sep).join('/'))} (every finding, in scope or not).`);
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary
        .addRaw(renderSummary(result, { verdict, annotationsOmitted: plan.omitted, notAnnotated: plan.omittedFingerprints, scope: pr.scope, notes, ...(prContext ? { policyChanges } : {}) }))
        .write();
    }
    if (verdict.exitCode === EXIT.usage) {
      core.setFailed(`Controlgate: ${usageErrors.join('; ')}: nothing was checked there (set allow-empty: true to accept this)`);
    } else if (verdict.exitCode === EXIT.findings) {
      const parts = [];
      if (failing.length) parts.push(`${failing.length} finding(s) at or above ${failOn}`);
      if (verdict.fileErrors) parts.push(`${verdict.fileErrors} file(s) could not be scanned`);
      core.setFailed(`Controlgate: ${parts.join('; ')}`);
    } else {
      core.info(`Controlgate: ${result.findings.length} finding(s), none at or above ${failOn}; ${result.filesScanned.length} file(s) scanned.`);
    }
    return verdict.exitCode;
  } catch (e) {
    if (e instanceof ConfigError) {
      await writeStopSummary(`## Controlgate: ⛔ configuration error\n\n${escapeMarkdown(e.message)}\n\nThe run stopped before reporting any finding: this is not a pass. Exit code 2 (README: "Exit codes").\n`);
      core.setOutput(Outputs.Failed, 'true');
      core.error(e.message.slice(e.file.length + String(e.line).length + 3), { title: 'Controlgate: invalid configuration', file: path.relative(process.env.GITHUB_WORKSPACE ?? process.cwd(), path.resolve(e.file)), startLine: e.line });
      core.setFailed(`Controlgate: configuration error: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof BaselineError || e instanceof OutputWriteError || e instanceof WorkspaceReadError) {
      core.setFailed(`Controlgate: ${e.message}`);
      core.setOutput(Outputs.Failed, 'true');
      await writeStopSummary(`## Controlgate: ⛔ usage error\n\n${escapeMarkdown(e.message)}\n\nThe run stopped before reporting any finding: this is not a pass. Exit code 2 (README: "Exit codes").\n`);
      return EXIT.usage;
    }
    const msg = e instanceof Error ? e.message : (() => { try { return JSON.stringify(e); } catch { return String(e); } })();
    if (e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(`Controlgate internal error: ${msg}`);
    core.setOutput(Outputs.Failed, 'true');
    if (process.env.GITHUB_STEP_SUMMARY) {
      // Say so where people look; the summary file itself may be what failed.
      await core.summary
        .addRaw(`## Controlgate: ⚠️ internal error\n\n${escapeMarkdown(msg)}\n\nThe scan did not complete, so no finding is reported: this is not a pass. Exit code 3 (README: "Exit codes").\n`)
        .write()
        .catch(() => undefined);
    }
    return EXIT.internal;
  }
}
