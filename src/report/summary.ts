// report: the job summary (GitHub-flavoured Markdown). Grouped by ISO/IEC 27017 control, with the
// SOC 2 criteria beside it. Everything from scanned files is escaped.
import type { Finding, ScanResult, Severity } from '../model/types.js';
import { escapeMarkdownCell } from '../util/escape.js';
import { countBySeverity, failingFindings } from './text.js';

const CLD_TITLES: Record<string, string> = {
  'CLD.6.3.1': 'Shared roles and responsibilities within a cloud computing environment',
  'CLD.8.1.5': 'Removal of cloud service customer assets',
  'CLD.9.5.1': 'Segregation in virtual computing environments',
  'CLD.9.5.2': 'Virtual machine hardening',
  'CLD.12.1.5': "Administrator's operational security",
  'CLD.12.4.5': 'Monitoring of cloud services',
  'CLD.13.1.4': 'Alignment of security management for virtual and physical networks',
};

export interface SummaryOptions {
  failOn: Severity | 'never';
  annotationsOmitted: number;
  /** Findings listed in full at most; the rest are counted. */
  maxListed?: number;
}

export function renderSummary(r: ScanResult, o: SummaryOptions): string {
  const out: string[] = [];
  const c = countBySeverity(r.findings);
  const failing = failingFindings(r.findings, o.failOn);
  const verdict = failing.length || r.errors.length ? '❌ failed' : '✅ passed';
  out.push(`## Controlgate: ${verdict}`);
  out.push('');
  out.push(
    `**${r.findings.length} finding(s)** — ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info` +
      ` (fail-on: \`${o.failOn}\`). ${r.filesScanned.length} of ${r.filesFound} file(s) scanned` +
      (r.errors.length ? `, **${r.errors.length} could not be scanned**` : '') +
      (r.skipped.length ? `, ${r.skipped.length} path(s) skipped` : '') +
      '.',
  );
  const passed = r.evaluations.filter((e) => e.status === 'passed').length;
  const notEval = r.evaluations.filter((e) => e.status === 'not_evaluated').length;
  out.push('');
  out.push(`Checks: ${passed} passed, ${r.evaluations.filter((e) => e.status === 'failed').length} failed, ${notEval} not evaluated (value unknown statically).`);
  if (o.annotationsOmitted > 0) {
    out.push('');
    out.push(`> ${o.annotationsOmitted} finding(s) were not annotated (GitHub shows about ten annotations per level per step); all are listed below and in the JSON/SARIF output.`);
  }

  // Per ISO/IEC 27017 control.
  const byControl = new Map<string, Finding[]>();
  for (const f of r.findings) for (const cld of f.controls.iso27017) byControl.set(cld, [...(byControl.get(cld) ?? []), f]);
  const evaluatedRules = new Map<string, Set<string>>();
  for (const rule of r.catalog.rules) for (const cld of rule.controls.iso27017) evaluatedRules.set(cld, (evaluatedRules.get(cld) ?? new Set()).add(rule.id));
  out.push('');
  out.push('### By control');
  out.push('');
  out.push('| ISO/IEC 27017 | Control | Rules | Findings | SOC 2 criteria |');
  out.push('|---|---|---:|---:|---|');
  for (const cld of Object.keys(CLD_TITLES)) {
    const fs = byControl.get(cld) ?? [];
    const soc = [...new Set(fs.flatMap((f) => f.controls.soc2))].sort().join(', ');
    out.push(`| ${cld} | ${CLD_TITLES[cld]} | ${evaluatedRules.get(cld)?.size ?? 0} | ${fs.length} | ${soc || '—'} |`);
  }

  if (r.findings.length) {
    const max = o.maxListed ?? 200;
    out.push('');
    out.push('### Findings');
    out.push('');
    out.push('| Severity | Rule | Control | Location | Resource | Finding |');
    out.push('|---|---|---|---|---|---|');
    for (const f of r.findings.slice(0, max)) {
      out.push(
        `| ${f.severity} | ${escapeMarkdownCell(f.id)} | ${f.controls.iso27017.join(', ')} | ${escapeMarkdownCell(`${f.file}:${f.range.startLine}`)} | ${escapeMarkdownCell(f.resource)} | ${escapeMarkdownCell(f.message)} |`,
      );
    }
    if (r.findings.length > max) out.push(`\n…and ${r.findings.length - max} more in the JSON output.`);
  }
  if (r.errors.length || r.skipped.length) {
    out.push('');
    out.push('### Files not scanned');
    out.push('');
    out.push('| File | Line | Reason |');
    out.push('|---|---:|---|');
    for (const e of r.errors) out.push(`| ${escapeMarkdownCell(e.path)} | ${e.range.startLine} | ${escapeMarkdownCell(e.message)} |`);
    for (const s of r.skipped) out.push(`| ${escapeMarkdownCell(s.path)} | | ${escapeMarkdownCell(s.reason)} |`);
  }
  return `${out.join('\n')}\n`;
}
