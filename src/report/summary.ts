// report: the job summary (GitHub-flavoured Markdown). Grouped by ISO/IEC 27017 control, with the
// SOC 2 criteria beside it. Everything from scanned files is escaped.
import { checkCounts } from '../model/checks.js';
import type { Finding, ScanResult } from '../model/types.js';
import type { PolicyChanges } from '../config/policy-changes.js';
import { severityRank } from '../model/types.js';
import { escapeMarkdown as md } from '../util/escape.js';
import { countBySeverity } from './text.js';
import type { Verdict } from '../model/verdict.js';
import { pushAt } from '../util/multimap.js';

export interface ScopeInfo {
  mode: 'changed-lines' | 'changed-files' | 'all';
  /** Where the changes came from; 'none' when they could not be determined. */
  source: 'git' | 'api' | 'none';
  /** Fingerprints of findings in scope (annotated, commented, counted for fail-on). */
  inScope: Set<string>;
  /** Why the requested scope could not be used, when it could not. */
  note?: string;
}

export interface SummaryOptions {
  /** The run's verdict (src/model/verdict.ts): shown, never judged again. */
  verdict: Pick<Verdict, 'failed' | 'failOn'>;
  annotationsOmitted: number;
  /** Fingerprints of in-scope findings not annotated because of GitHub's annotation limits. */
  notAnnotated?: Set<string>;
  scope?: ScopeInfo;
  /** One-line notes shown under the totals (pull request comments skipped, SARIF file, ...). */
  notes?: string[];
  /** Findings listed in full at most; the rest are counted. */
  maxListed?: number;
  /** What the pull request's configuration loosens against its base. */
  policyChanges?: PolicyChanges;
}

export function renderSummary(r: ScanResult, o: SummaryOptions): string {
  const out: string[] = [];
  const c = countBySeverity(r.findings);
  const scoped = (f: Finding): boolean => !o.scope || o.scope.inScope.has(f.fingerprint);
  const verdict = o.verdict.failed ? '❌ failed' : '✅ passed';
  out.push(`## Controlgate: ${verdict}`);
  out.push('');
  out.push(
    `**${r.findings.length} finding(s)** — ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info` +
      ` (fail-on: \`${o.verdict.failOn}\`). ${r.filesScanned.length} of ${r.filesFound} file(s) scanned` +
      (r.errors.length ? `, **${r.errors.length} could not be scanned**` : '') +
      (r.skipped.length ? `, ${r.skipped.length} path(s) skipped` : '') +
      (r.resolution?.capped.length ? `, ${r.resolution.capped.length} count/for_each/dynamic expansion(s) cut short (their other instances not evaluated)` : '') +
      '.',
  );
  const checks = checkCounts(r);
  out.push('');
  out.push(`Checks: ${checks.passed} passed, ${checks.failed} failed, ${checks.not_evaluated} not evaluated (value unknown statically).`);
  if (o.scope) {
    const n = r.findings.filter(scoped).length;
    const src = o.scope.source === 'git' ? 'git diff against the base commit' : o.scope.source === 'api' ? "the pull request's files API" : 'no diff';
    out.push('');
    out.push(
      `Scope: \`${o.scope.mode}\`` +
        (o.scope.mode === 'all' ? '' : ` (changes from ${src})`) +
        `: ${n} finding(s) in scope` +
        (r.findings.length - n ? `, ${r.findings.length - n} outside the changes (listed below and in SARIF; not annotated, not counted for fail-on)` : '') +
        '.',
    );
    if (o.scope.note) out.push('', `> ${o.scope.note}`);
  }
  if (o.annotationsOmitted > 0) {
    out.push('');
    out.push(`> ${o.annotationsOmitted} finding(s) were not annotated (GitHub shows about ten annotations per level per step and fifty per job); they are marked "summary only" in the findings table below and are all in the SARIF file.`);
  }
  for (const note of o.notes ?? []) out.push('', `> ${note}`);
  if (o.policyChanges) out.push('', ...policyChangesSection(o.policyChanges, '###'));

  // Per ISO/IEC 27017 control.
  const byControl = new Map<string, Finding[]>();
  for (const f of r.findings) for (const cld of f.controls.iso27017) pushAt(byControl, cld, f);
  out.push('');
  out.push('### By control');
  out.push('');
  out.push('| ISO/IEC 27017 | Control | Rules | Findings | SOC 2 criteria |');
  out.push('|---|---|---:|---:|---|');
  for (const [cld, info] of Object.entries(r.catalog.controls.iso27017)) {
    const fs = byControl.get(cld) ?? [];
    const soc = [...new Set(fs.flatMap((f) => f.controls.soc2))].sort().map(md).join(', ');
    out.push(`| ${md(cld)} | ${md(info.title)} | ${info.rules.length} | ${fs.length} | ${soc || '—'} |`);
  }

  if (r.findings.length) {
    const max = o.maxListed ?? 200;
    out.push('');
    out.push('### Findings');
    out.push('');
    out.push('| Severity | Rule | Control | Location | Resource | Finding | Reported |');
    out.push('|---|---|---|---|---|---|---|');
    // In-scope findings first (the ones this change is responsible for), then by severity.
    const ordered = r.findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => Number(scoped(b.f)) - Number(scoped(a.f)) || severityRank(b.f.severity) - severityRank(a.f.severity) || a.i - b.i)
      .map((x) => x.f);
    for (const f of ordered.slice(0, max)) {
      const reported = !scoped(f)
        ? 'outside the changes'
        : f.waiver?.status === 'applied'
          ? 'waived (not annotated)'
          : o.notAnnotated?.has(f.fingerprint)
            ? 'summary only (annotation limit)'
            : 'annotation';
      out.push(
        `| ${md(f.severity)} | ${md(f.id)} | ${f.controls.iso27017.map(md).join(', ')} | ${md(`${f.file}:${f.range.startLine}`)} | ${md(f.resource)} | ${md(f.message)} | ${reported} |`,
      );
    }
    if (r.findings.length > max) out.push(`\n…and ${r.findings.length - max} more in the SARIF and JSON output.`);
  }
  out.push(...waiverSection(r));
  if (r.errors.length || r.skipped.length) {
    out.push('');
    out.push('### Files not scanned');
    out.push('');
    out.push('| File | Line | Reason |');
    out.push('|---|---:|---|');
    for (const e of r.errors) out.push(`| ${md(e.path)} | ${e.range.startLine} | ${md(e.message)} |`);
    for (const s of r.skipped) out.push(`| ${md(s.path)} | | ${md(s.reason)} |`);
  }
  return `${out.join('\n')}\n`;
}

const WAIVER_STATES = ['applied', 'expired', 'rejected', 'stale'] as const;

/** Every waiver considered and the state it ended in (README: "Waivers"). */
export function waiverSection(r: ScanResult): string[] {
  if (!r.waivers?.length) return [];
  const count = (st: string): number => r.waivers.filter((w) => w.status === st).length;
  const out = ['', '### Waivers', '', `${r.waivers.length} waiver(s): ${WAIVER_STATES.map((st) => `${count(st)} ${st}`).join(', ')}. Waived findings are listed above, not annotated and not counted for fail-on.`, ''];
  out.push('| Waiver | Rule | State | Findings | Reason | Approver / ticket | Expires | Note |', '|---|---|---|---:|---|---|---|---|');
  for (const w of r.waivers) {
    out.push(
      `| ${md(w.file ? `${w.file}:${w.line}` : w.id)} | ${md(w.rule)} | ${md(w.status)} | ${w.matched.length} | ${md(w.reason ?? '—')} | ${md(w.approver ?? w.ticket ?? '—')} | ${md(w.expires ?? '—')} | ${md(w.note ?? '')} |`,
    );
  }
  return out;
}

export const POLICY_CHANGES_HEADING = 'Policy changes in this pull request';

/** The loosenings of the configuration against the base, one row each (job summary and evidence Markdown). */
export function policyChangesSection(p: PolicyChanges, level: '##' | '###' | '####'): string[] {
  const out = [`${level} ${POLICY_CHANGES_HEADING}`, ''];
  const against = p.base ? `against the base commit ${md(p.base.slice(0, 12))}` : 'against the base';
  const applied =
    p.trusted === 'base'
      ? "The base commit's configuration was applied (trusted-config: base): none of the loosenings below took effect, except the pull request's own inline waivers."
      : "The pull request's own configuration was applied (trusted-config: head): every loosening below took effect in this run.";
  if (p.note) out.push(`> ${md(p.note)}`, '');
  if (!p.base) return [...out, 'The base configuration could not be compared.'];
  if (!p.changes.length) return [...out, `None: the pull request loosens nothing ${against}.`];
  out.push(`${p.changes.length} loosening(s) ${against}. ${applied}`, '');
  out.push('| Change | What | Where | Author |', '|---|---|---|---|');
  for (const c of p.changes) {
    const where = c.file ? `${c.file}${c.line ? `:${c.line}` : ''}` : '—';
    // "Name <mail>" as "Name (mail)": the address then stays whole, in a code span.
    const who = c.author ? `${c.author.replace(/<([^<>\s]+)>/, '($1)')}${c.commit ? ` in ${c.commit.slice(0, 12)}` : ''}` : '—';
    out.push(`| ${md(c.kind)} | ${md(c.detail)} | ${md(where)} | ${md(who)} |`);
  }
  return out;
}
