// `controlgate scan [paths...] [options]`: the CLI's scan, an adapter around the pipeline the action
// runs too (src/engine/scan.ts runPipeline): flags -> settings, then the reporters, and the verdict -> exit code.
// Paths: every path argument and flag is relative to the current folder; --root only sets what paths
// are reported relative to (src/cli/paths.ts). Reports: src/cli/outputs.ts (--format / -o pairing).
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline, type Run } from '../engine/scan.js';
import { writeOutputFile } from '../util/output-write.js';
import { EXIT, UsageError } from '../errors.js';
import { parseFailOn, parseTimeoutMs } from '../config/options.js';
import { canonicalJson, configFileDigests, sha256 } from '../report/evidence/evidence.js';
import type { RunRecord } from '../report/result.js';
import { findConfig } from '../config/config.js';
import { blameLine, policyForRun, repositoryOf, type RunPolicy } from '../config/trusted.js';
import { policyChangesFor, type PolicyChanges } from '../config/policy-changes.js';
import { gitChanges } from '../scope/diff.js';
import { safeText } from '../util/escape.js';
import { resolveSettings } from '../config/settings.js';
import { parseFrameworks, recordedSettings } from '../config/apply.js';
import { parseShard } from '../model/shard.js';
import { isSeverity, type Finding, type ScanResult, type Severity } from '../model/types.js';
import { createBaseline, readBaseline } from '../baseline/baseline.js';
import { progressBar } from './progress.js';
import { outputPlan } from './outputs.js';
import { listsPassedChecks, writeEvidenceReport, writeReports, type Reporting } from './reports.js';
import { configSearchDirs, rootRelative, workspaceOf } from './paths.js';
import { SCAN_OPTIONS } from './scan-flags.js';

/** "VMH-AWS-001,SEG-*" (repeatable) -> the ids and globs; each checked to be an id or a glob of one. */
function ruleList(values: string[] | undefined, flag: string): string[] {
  const list = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const p of list) {
    if (!/^[A-Za-z0-9*?][A-Za-z0-9*?_.-]*(?:\/[A-Za-z0-9*?_.-]+)?$/.test(p)) throw new UsageError(`${flag} ${p}: not a rule id or a glob of rule ids (like VMH-AWS-001, VMH-AWS-001/hop-limit or VMH-*)`);
  }
  return list;
}

/** --severity critical,high: the severities shown (Trivy's convention: a list, not a threshold). */
function severityList(value: string | undefined): Set<Severity> | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!list.length) throw new UsageError('--severity needs one or more of critical, high, medium, low, info');
  for (const s of list) if (!isSeverity(s)) throw new UsageError(`--severity: "${s}" is not one of critical, high, medium, low, info`);
  return new Set(list as Severity[]);
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A file's path as recorded (evidence, summary): relative to the workspace, POSIX separators. */
function workspacePath(workspace: string, abs: string): string {
  const rel = path.relative(workspace, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

export async function scanCommand(args: string[], out: NodeJS.WritableStream & { isTTY?: boolean }, err: NodeJS.WritableStream, usage: string): Promise<number> {
  const { values, positionals, tokens } = parseArgs({ args, allowPositionals: true, strict: true, tokens: true, options: SCAN_OPTIONS });
  if (values.help) {
    out.write(`${usage}\n`);
    return EXIT.ok;
  }
  const cwd = process.cwd();
  const root = path.resolve(cwd, values.root ?? '.');
  if (!isFolder(root)) throw new UsageError(`--root ${values.root}: not a folder`);
  const at = (flag: string) => (p: string): string => rootRelative(p, { cwd, root, flag });
  const targets = outputPlan(tokens);
  if (values.evidence === '-') throw new UsageError('--evidence needs a file name (it writes <file>.json, <file>.md and <file>.oscal.json), not "-"');
  const given = values['fail-on'] === undefined ? undefined : parseFailOn(values['fail-on']);
  const maxFileBytes = values['max-file-bytes'] ? Number(values['max-file-bytes']) : undefined;
  if (maxFileBytes !== undefined && !(Number.isInteger(maxFileBytes) && maxFileBytes > 0)) {
    throw new UsageError('--max-file-bytes must be a positive whole number');
  }
  const timeoutMs = parseTimeoutMs(values['parse-timeout'], '--parse-timeout');
  const shard = parseShard(values.shard);
  const frameworks = parseFrameworks(values.frameworks);
  const checks = ruleList(values.check, '--check');
  const skipChecks = ruleList(values['skip-check'], '--skip-check');
  const shownSeverities = severityList(values.severity);
  const workspace = workspaceOf(root);
  // The baseline is read (and rejected) before the scan: a bad one is a usage error, found early.
  const baseline = values.baseline ? { ...readBaseline(path.resolve(cwd, values.baseline), workspace, values.baseline), file: workspacePath(workspace, path.resolve(cwd, values.baseline)) } : undefined;
  const named = values.config === undefined ? undefined : path.resolve(cwd, values.config);
  const bundlesGiven = (values['policy-bundle'] ?? []).map((b) => path.resolve(cwd, b));
  // --config-from: the configuration of a commit, compared with the working tree's (README: "Trusted configuration").
  const from = values['config-from'];
  const policy =
    from !== undefined
      ? policyForRun({ repo: repositoryOf(root), root, ...(named ? { named } : {}), inputBundles: bundlesGiven, trust: 'base', baseRef: from, searchDirs: configSearchDirs(root).slice(1) })
      : undefined;
  const config = policy?.config ?? findConfig(root, named, configSearchDirs(root).slice(1));
  // Selection on the command line adds to the file's: --skip-check to rules.disable, --skip-path to
  // paths.exclude; --check narrows what runs to the rules it names.
  const settings = resolveSettings(
    config,
    {
      paths: positionals.map(at('path')),
      ...(given ? { failOn: given } : {}),
      ...(frameworks ? { frameworks } : {}),
      ...(values['var-file']?.length ? { varFiles: values['var-file'].map(at('--var-file')) } : {}),
      ...(maxFileBytes ? { maxFileBytes } : {}),
      ...(bundlesGiven.length ? { policyBundles: policy?.inputBundles ?? bundlesGiven } : {}),
      ...(checks.length ? { checks } : {}),
      ...(skipChecks.length ? { skipChecks } : {}),
      ...(values['skip-path']?.length ? { skipPaths: values['skip-path'].map(at('--skip-path')) } : {}),
    },
    'flag',
  );
  const failOn = settings.failOn;
  const recorded = recordedSettings(settings);
  // Shards of one scan share this digest (the evidence's configuration.sha256); merge checks it.
  const configurationSha256 = sha256(canonicalJson(recorded));
  const bar = progressBar(err as NodeJS.WritableStream & { isTTY?: boolean });
  let run: Run;
  try {
    run = await runPipeline({
      root,
      workspace: root,
      settings,
      ...(timeoutMs ? { parseTimeoutMs: timeoutMs } : {}),
      ...(values.plan ? { plan: at('--plan')(values.plan) } : {}),
      ...(shard ? { shard } : {}),
      ...(baseline ? { baseline } : {}),
      allowEmpty: values['allow-empty'] === true,
      // A new baseline accepts every finding it records: they do not fail this run.
      acceptFindings: values['create-baseline'] !== undefined,
      ...(bar.onProgress ? { onProgress: bar.onProgress } : {}),
      passedChecks: listsPassedChecks(targets, values.evidence !== undefined) ? 'list' : 'count',
    });
  } finally {
    bar.clear();
  }
  const { result, verdict } = run;
  const isShown = (f: Finding): boolean => !shownSeverities || shownSeverities.has(f.severity);
  const shown = shownSeverities ? { ...result, findings: result.findings.filter(isShown) } : result;
  const policyChanges = policy?.base ? cliPolicyChanges(policy, result, repositoryOf(root), root) : policy ? policyChangesFor(policy, result, undefined, () => ({})) : undefined;
  let record: RunRecord | undefined;
  const reporting: Reporting = {
    result,
    shown,
    hidden: result.findings.length - shown.findings.length,
    record: () =>
      (record ??= {
        failOn,
        frameworks: settings.frameworks,
        settings: recorded,
        configurationSha256,
        configFiles: configFileDigests(settings.configFiles, root),
        allowEmpty: values['allow-empty'] === true,
        ...(values['create-baseline'] !== undefined ? { acceptFindings: true } : {}),
        ...(policyChanges ? { policyChanges } : {}),
      }),
    failOn,
    frameworks: settings.frameworks,
    configurationSha256,
    verdict,
    quiet: values.quiet === true,
    compact: values.compact === true,
  };
  // Outputs are written even when the run stops on a usage error: they say what it did and why.
  const { usageErrors } = verdict;
  writeReports(targets, reporting, { out, err, workspace });
  if (values['create-baseline']) {
    const created = createBaseline(run.found);
    writeOutputFile(values['create-baseline'], created.text, workspace);
    err.write(`controlgate: wrote baseline ${values['create-baseline']} (${created.entries} finding(s)); scan with --baseline ${values['create-baseline']} to report only new ones\n`);
  }
  if (policyChanges && !values.quiet) err.write(policyChangesText(policyChanges));
  if (values.evidence) writeEvidenceReport(values.evidence, reporting, workspace);
  if (verdict.exitCode === EXIT.usage) {
    err.write(`controlgate: ${usageErrors.join('; ')}: nothing was checked there (use --allow-empty to accept this)\n`);
  }
  // --soft-fail: findings and unparsable files do not fail the command; usage errors still do.
  return verdict.exitCode === EXIT.findings && values['soft-fail'] ? EXIT.ok : verdict.exitCode;
}

/** Policy changes of the working tree against --config-from: its configuration, and inline waivers on lines committed since. */
function cliPolicyChanges(policy: RunPolicy, result: ScanResult, repo: string, root: string): PolicyChanges {
  const changes = policy.base ? gitChanges(repo, policy.base.sha) : undefined;
  const inRepo = (file: string): string => path.relative(repo, path.resolve(root, file)).split(path.sep).join('/');
  return policyChangesFor(
    policy,
    result,
    changes ? (file, line) => { const c = changes.files.get(inRepo(file)); return !!c && (c.wholeFile === true || c.added.includes(line)); } : undefined,
    (file, line) => blameLine(repo, 'HEAD', inRepo(file), line),
  );
}

/** The policy changes as text lines (standard error, beside the reports on standard output). */
function policyChangesText(p: PolicyChanges): string {
  const base = p.base ? p.base.slice(0, 12) : 'the base';
  const head = `Policy changes against ${base}: ${p.changes.length ? `${p.changes.length} loosening(s) (the configuration of ${base} was applied; inline waivers take effect)` : 'none'}`;
  const lines = p.changes.map((c) => `  ${c.kind}: ${safeText(c.detail)}${c.file ? ` (${safeText(c.file)}${c.line ? `:${c.line}` : ''})` : ''}${c.author ? ` by ${safeText(c.author)}` : ''}`);
  return `${[head, ...lines, ...(p.note ? [`  note: ${safeText(p.note)}`] : [])].join('\n')}\n`;
}
