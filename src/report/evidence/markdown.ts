// The evidence file rendered for an audit binder: what ran, on what, with what result, per control,
// and every exception. Everything from scanned files is escaped.
import { escapeMarkdown as md, markdownCode } from '../../util/escape.js';
import type { ControlEvidence, Evidence } from './evidence.js';
import { policyChangesSection } from '../summary.js';

const FRAMEWORK_TITLES = {
  iso27017: 'ISO/IEC 27017:2015 cloud controls',
  iso27002: 'ISO/IEC 27002:2022',
  soc2: 'SOC 2 Trust Services Criteria',
} as const;

function controlTable(rows: ControlEvidence[]): string[] {
  const out = ['| Control | Title | Rules | Resources evaluated | Passed | Failed | Waived | Not evaluated | Evidence |', '|---|---|---:|---:|---:|---:|---:|---:|---|'];
  for (const c of rows) {
    const how = c.rules.length === 0 ? '**manual only**' : c.manual ? 'automated + manual' : 'automated';
    out.push(
      `| ${md(c.id)} | ${md(c.title)} | ${c.rules.length} | ${c.resourcesEvaluated} | ${c.passed} | ${c.failed} | ${c.waived} | ${c.notEvaluated} | ${how} |`,
    );
  }
  return out;
}

export function renderEvidenceMarkdown(e: Evidence, evidenceJsonSha256?: string): string {
  const out: string[] = [];
  const run = e.run;
  out.push('# Controlgate evidence report', '');
  out.push(`Result: **${e.result.passed ? 'passed' : 'failed'}** — ${e.result.findings} finding(s), ${e.result.failing} at or above \`${e.configuration.failOn}\`, ${e.result.waived} waived, ${e.result.fileErrors} file(s) not scanned.`, '');
  out.push('## What ran', '');
  out.push('| Item | Value |', '|---|---|');
  const row = (k: string, v: string | number | undefined): void => {
    if (v !== undefined && v !== '') out.push(`| ${k} | ${md(String(v))} |`);
  };
  row('Tool', `controlgate ${e.tool.version}`);
  row('Policy bundle (sha256 of policy.wasm)', e.policyBundle.sha256);
  row('Rule catalog (sha256 of catalog.json)', e.policyBundle.catalogSha256);
  row('Rules', e.policyBundle.rules);
  row('Compiled by', `OPA ${e.policyBundle.opaVersion}`);
  row('Configuration (sha256)', e.configuration.sha256);
  row('Repository', run.repository);
  row('Commit', run.commit);
  row('Ref', run.ref);
  row('Event', run.event);
  row('Pull request', run.pullRequest);
  row('Workflow', run.workflow);
  row('Run', run.runId ? `${run.runId} (attempt ${run.runAttempt ?? '1'})` : undefined);
  row('Run URL', run.runUrl);
  row('Actor', run.actor);
  row('Shard', run.shard);
  row('Started', e.time.startedAt);
  row('Finished', e.time.finishedAt);
  if (evidenceJsonSha256) row('This report renders the evidence JSON with sha256', evidenceJsonSha256);
  out.push('');

  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    out.push(`## ${FRAMEWORK_TITLES[fw]}`, '', ...controlTable(e.controls[fw]), '');
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
    out.push('| Waiver | Rule | State | Reason | Approver / ticket | Expires | Findings matched | Note |', '|---|---|---|---|---|---|---:|---|');
    for (const w of e.waivers) {
      out.push(
        `| ${md(w.file ? `${w.file}:${w.line}` : w.id)} | ${md(w.rule)} | ${md(w.status)} | ${md(w.reason ?? '—')} | ${md(w.approver ?? w.ticket ?? '—')} | ${md(w.expires ?? '—')} | ${w.matched} | ${md(w.note ?? '')} |`,
      );
    }
    out.push('');
  }

  if (e.baseline) {
    const b = e.baseline;
    out.push('## Accepted risk (baseline)', '', `Baseline ${markdownCode(b.file)} (sha256 ${markdownCode(b.sha256)}, ${b.entries} entr${b.entries === 1 ? 'y' : 'ies'}): ${b.accepted.length} finding(s) accepted, not counted as findings; ${b.fixed.length} entr${b.fixed.length === 1 ? 'y' : 'ies'} fixed since.`, '');
    if (b.accepted.length) {
      out.push('| Severity | Rule | Location | Resource | Finding |', '|---|---|---|---|---|');
      for (const f of b.accepted) out.push(`| ${f.severity} | ${f.id} | ${md(`${f.file}:${f.line}`)} | ${md(f.resource)} | ${md(f.message)} |`);
      out.push('');
    }
  }
  if (e.policyChanges) out.push(...policyChangesSection(e.policyChanges, '##'), '');

  out.push('## Findings', '');
  if (!e.findings.length) out.push('None.', '');
  else {
    out.push('| Severity | Rule | Location | Resource | Finding | Waiver |', '|---|---|---|---|---|---|');
    for (const f of e.findings) {
      out.push(
        `| ${md(f.severity)} | ${md(f.id)} | ${md(`${f.file}:${f.line}`)} | ${md(f.resource)} | ${md(f.message)} | ${f.waiver ? `${md(f.waiver.status)}: ${md(f.waiver.reason)}` : ''} |`,
      );
    }
    out.push('');
  }

  const counts = { parsed: 0, parse_error: 0, skipped: 0 } as Record<string, number>;
  for (const f of e.files) counts[f.status] = (counts[f.status] ?? 0) + 1;
  out.push('## Files', '', `${e.files.length} considered: ${counts.parsed} scanned, ${counts.parse_error} not parsable, ${counts.skipped} skipped. The evidence JSON lists each with its sha256.`, '');
  const problems = e.files.filter((f) => f.status !== 'parsed');
  if (problems.length) {
    out.push('| File | State | Reason |', '|---|---|---|');
    for (const f of problems) out.push(`| ${md(f.path)} | ${md(f.status)} | ${md(f.reason ?? '')} |`);
    out.push('');
  }
  const population = e.evaluations.length;
  out.push(`## Population`, '', `${population} (rule, resource) pair(s) evaluated; the evidence JSON lists each with its state.`, '');
  return out.join('\n');
}
