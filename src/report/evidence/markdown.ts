// The evidence file rendered for an audit binder: the change, whether the verdict could stop it, what
// ran, on what, with what result per control, every exception, and every file with its digest in an
// appendix. Each line counts one unit (findings, resources, checks, files), never several mixed.
// Everything from scanned files goes through escapeMarkdown.
import { escapeMarkdown, markdownCode } from '../../util/escape.js';
import type { ControlEvidence, Evidence } from './evidence.js';
import { FRAMEWORKS, controlStatus } from './oscal.js';
import { policyChangesSection } from '../summary.js';
import { pushAt } from '../../util/multimap.js';
import { countChecks } from '../../model/checks.js';

const md = escapeMarkdown;
const yesNo = (b: boolean | undefined): string => (b === undefined ? '—' : b ? '**yes**' : 'no');

function controlTable(rows: ControlEvidence[]): string[] {
  const out = [
    '| Control | Title | Rules | Resources evaluated | Checks passed | Checks failed | Checks waived | Checks not evaluated | Conclusion |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const c of rows) {
    const s = controlStatus(c);
    const how = c.rules.length === 0 ? ' (manual only)' : c.manual ? ' (automated + manual)' : '';
    out.push(
      `| ${md(c.id)} | ${md(c.title)} | ${c.rules.length} | ${c.resourcesEvaluated} | ${c.passed} | ${c.failed} | ${c.waived} | ${c.notEvaluated} | ${s.state}${how}${s.remarks ? `: ${md(s.remarks)}` : ''} |`,
    );
  }
  return out;
}

function table(out: string[], rows: Array<[string, string | number | undefined]>): void {
  out.push('| Item | Value |', '|---|---|');
  for (const [k, v] of rows) if (v !== undefined && v !== '') out.push(`| ${k} | ${v} |`);
  out.push('');
}

const code = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : markdownCode(v));
const text = (v: string | number | undefined): string | undefined => (v === undefined || v === '' ? undefined : md(String(v)));

export function renderEvidenceMarkdown(e: Evidence, evidenceJsonSha256?: string): string {
  const out: string[] = [];
  const run = e.run;
  const scope = e.scope;
  out.push('# Controlgate evidence report', '');
  out.push(
    `Result: **${e.result.passed ? 'passed' : 'failed'}**. Findings: ${e.result.findings} in all` +
      (scope ? `, ${scope.findingsInScope} in the change's scope (\`${scope.mode}\`) and ${scope.findingsOutOfScope} outside it` : '') +
      `; ${e.result.failing} in scope at or above \`${e.configuration.failOn}\` (these fail the run); ${e.result.waived} waived.`,
    '',
  );
  const resources = new Set(e.evaluations.map((x) => `${x.file}\u0000${x.resource}`)).size;
  const count = countChecks(e.evaluations);
  out.push(`Resources evaluated: ${resources}.`, '');
  out.push(`Checks (one rule applied to one resource): ${e.evaluations.length}: ${count.passed} passed, ${count.failed} failed, ${count.waived} waived, ${count.not_evaluated} not evaluated.`, '');
  const scanned = e.files.filter((f) => f.status === 'parsed').length;
  out.push(`Files: ${e.files.length} considered: ${scanned} scanned, ${e.files.filter((f) => f.status === 'parse_error').length} not parsable, ${e.files.filter((f) => f.status === 'skipped').length} skipped (each with its sha256 in the appendix).`, '');

  if (e.change) {
    const c = e.change;
    out.push('## The change', '');
    table(out, [
      ['Pull request', run.repository ? `${md(run.repository)}#${c.pullRequest}` : `#${c.pullRequest}`],
      ['Author', text(c.author)],
      ['Head commit', code(c.headSha)],
      ['Base commit', code(c.baseSha)],
      ['Base branch', text(c.baseRef)],
      ['Scanned commit', c.scannedCommit ? `${markdownCode(c.scannedCommit)} (${c.scanned === 'merge-commit' ? "GitHub's merge of the head into the base; findings on lines only the base changed are outside the change's scope" : c.scanned === 'head' ? 'the head' : 'unknown'})` : undefined],
    ]);
  }

  if (e.enforcement) {
    const n = e.enforcement;
    out.push('## Enforcement', '');
    table(out, [
      ['Verdict', `**${n.verdict}** (fail-on \`${n.failOn}\`)`],
      ['Required check on the base branch', `${n.requiredCheck}: ${md(n.requiredCheckDetail)}`],
      ['continue-on-error', `${String(n.continueOnError)}: ${md(n.continueOnErrorDetail)}`],
    ]);
  }

  if (e.result.usageErrors?.length) out.push('The run stopped on a usage error (exit code 2):', '', ...e.result.usageErrors.map((u) => `- ${md(u)}`), '');
  out.push('## What ran', '');
  table(out, [
    ['Tool', `controlgate ${md(e.tool.version)}`],
    ['Action', run.action ? `${md(`${run.action.repository ?? '?'}@${run.action.ref ?? '?'}`)}${run.action.sha ? ` (commit ${markdownCode(run.action.sha)})` : ' (ref is not a commit SHA: pin the action by SHA to record the exact code)'}` : undefined],
    ['Runner', run.runner ? md([run.runner.os, run.runner.arch, run.runner.imageOS && `image ${run.runner.imageOS} ${run.runner.imageVersion ?? ''}`.trim(), run.runner.environment].filter(Boolean).join(', ')) : undefined],
    ['Node.js', text(run.node)],
    ['Policy bundle (sha256 of policy.wasm)', code(e.policyBundle.sha256)],
    ['Rule catalog (sha256 of catalog.json)', code(e.policyBundle.catalogSha256)],
    ['Rules', e.policyBundle.rules],
    ['Compiled by', `OPA ${md(e.policyBundle.opaVersion)}`],
    ...(e.policyBundle.extra ?? []).map((x): [string, string] => [`Own bundle ${md(x.path)}`, `${x.rules} rule(s), policy ${markdownCode(x.policySha256)}`]),
    ['Configuration (sha256 of the effective settings)', code(e.configuration.sha256)],
    ...e.configuration.files.map((f): [string, string] => [`Configuration file ${md(f.path)}`, `sha256 ${markdownCode(f.sha256)}`]),
    ['Central waivers (sha256)', code(e.configuration.waiversSha256)],
    ['Repository', text(run.repository)],
    ['Commit', code(run.commit)],
    ['Ref', text(run.ref)],
    ['Event', text(run.event)],
    ['Workflow', text(run.workflowRef ?? run.workflow)],
    ['Job', text(run.job)],
    ['Run', run.runId ? `${md(run.runId)} (attempt ${md(run.runAttempt ?? '1')})` : undefined],
    ['Run URL', text(run.runUrl)],
    ['Actor', text(run.actor)],
    ['Shard', text(run.shard)],
    ['Started', text(e.time.startedAt)],
    ['Finished', text(e.time.finishedAt)],
    ['This report renders the evidence JSON with sha256', code(evidenceJsonSha256)],
  ]);

  if (scope) {
    out.push('## Scope', '');
    table(out, [
      ['Paths requested', scope.pathsRequested.map(markdownCode).join(', ') || '—'],
      ['Mode', `\`${scope.mode}\``],
      ['Changed lines from', scope.source === 'git' ? 'git diff of the base and head commits' : scope.source === 'api' ? "the pull request's files API" : 'nowhere (every finding in scope)'],
      ['Findings in scope', scope.findingsInScope],
      ['Findings outside the scope', scope.findingsOutOfScope],
      ['Note', text(scope.note)],
    ]);
  }

  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    out.push(`## ${FRAMEWORKS[fw].title}`, '', ...controlTable(e.controls[fw]), '');
    const manual = e.controls[fw].filter((c) => c.manual);
    if (manual.length) {
      out.push('Needs manual evidence:', '');
      for (const c of manual) out.push(`- **${md(c.id)}** ${md(c.title)}: ${md(c.manual ?? '')}`);
      out.push('');
    }
  }

  out.push('## Exceptions (waivers)', '');
  if (!e.waivers.length) out.push('None.', '');
  else {
    out.push(
      '| Waiver | Rule | State | Reason | Approver | Ticket | Expires | Findings matched | Added by this pull request | Approver is the author | Note |',
      '|---|---|---|---|---|---|---|---:|---|---|---|',
    );
    for (const w of e.waivers) {
      out.push(
        `| ${md(w.file ? `${w.file}:${w.line}` : w.id)} | ${md(w.rule)} | ${w.status} | ${md(w.reason ?? '—')} | ${md(w.approver ?? '—')} | ${md(w.ticket ?? '—')} | ${md(w.expires ?? '—')} | ${w.matched} | ${yesNo(w.inPullRequest)} | ${yesNo(w.approverIsAuthor)} | ${md(w.note ?? '')} |`,
      );
    }
    out.push('');
  }

  if (e.baseline) {
    const b = e.baseline;
    out.push('## Accepted risk (baseline)', '', `Baseline ${markdownCode(b.file)} (sha256 ${markdownCode(b.sha256)}, ${b.entries} entr${b.entries === 1 ? 'y' : 'ies'}): ${b.accepted.length} finding(s) accepted, not counted as findings; ${b.fixed.length} entr${b.fixed.length === 1 ? 'y' : 'ies'} fixed since.`, '');
    if (b.accepted.length) {
      out.push('| Severity | Rule | Location | Resource | Finding |', '|---|---|---|---|---|');
      for (const f of b.accepted) out.push(`| ${md(f.severity)} | ${md(f.id)} | ${md(`${f.file}:${f.line}`)} | ${md(f.resource)} | ${md(f.message)} |`);
      out.push('');
    }
  }

  if (e.policyChanges) out.push(...policyChangesSection(e.policyChanges, '##'), '');

  out.push('## Findings', '');
  if (!e.findings.length) out.push('None.', '');
  else {
    const rejected = new Map<string, string[]>();
    for (const w of e.waivers) {
      if (w.status !== 'rejected') continue;
      for (const fp of w.matchedFindings ?? []) pushAt(rejected, fp, `rejected: ${md(w.file ? `${w.file}:${w.line}` : w.id)} (${md(w.note ?? 'rejected')})`);
    }
    out.push('| Severity | Rule | Location | Resource | Finding | In the change\'s scope | Waiver |', '|---|---|---|---|---|---|---|');
    for (const f of e.findings) {
      const waiver = [
        ...(f.waiver ? [`${f.waiver.status}: ${md(f.waiver.reason)}${f.waiver.approver ? ` (approver ${md(f.waiver.approver)})` : ''}${f.waiver.ticket ? ` (ticket ${md(f.waiver.ticket)})` : ''}`] : []),
        ...(rejected.get(f.fingerprint) ?? []),
      ].join('; ');
      out.push(`| ${f.severity} | ${md(f.id)} | ${md(`${f.file}:${f.line}`)} | ${md(f.resource)} | ${md(f.message)} | ${f.inScope === false ? 'no' : 'yes'} | ${waiver} |`);
    }
    out.push('');
  }

  if (e.remediation) {
    out.push('## Remediation in this pull request', '');
    if (!e.remediation.length) out.push('No finding was marked fixed by this run.', '');
    else {
      out.push('Findings reported by an earlier run of this pull request and no longer reported: their review comments now say "Fixed in <commit>".', '');
      out.push('| Finding fingerprint | Fixed in | Review comment |', '|---|---|---:|');
      for (const r of e.remediation) out.push(`| ${markdownCode(r.fingerprint)} | ${markdownCode(r.fixedIn)} | ${r.commentId ?? '—'} |`);
      out.push('');
    }
  }

  const problems = e.files.filter((f) => f.status !== 'parsed');
  if (problems.length) {
    out.push('## Files not scanned', '', '| File | State | Reason |', '|---|---|---|');
    for (const f of problems) out.push(`| ${md(f.path)} | ${f.status} | ${md(f.reason ?? '')} |`);
    out.push('');
  }
  out.push('## Appendix: every file considered', '', '| File | Kind | State | sha256 |', '|---|---|---|---|');
  for (const f of e.files) out.push(`| ${md(f.path)} | ${md(f.kind)} | ${f.status} | ${f.sha256 ? markdownCode(f.sha256) : '—'} |`);
  out.push('');
  return out.join('\n');
}
