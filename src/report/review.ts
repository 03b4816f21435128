// report: pull-request review comments and the sticky summary comment. Pure: bodies, markers and the
// reconciliation of what is on the pull request with what this run found. The action does the I/O.
//
// Idempotency: every comment ends with a hidden marker carrying the finding's fingerprint (rule,
// file, resource, attribute path; stable across line moves). A re-run posts only findings that have
// no comment yet; a comment whose finding is gone is edited to say it was fixed.
import type { Finding, RuleMeta, ScanResult, Severity } from '../model/types.js';
import { severityRank } from '../model/types.js';
import { escapeMarkdown } from '../util/escape.js';
import { countBySeverity } from './text.js';
import { policyChangesSection } from './summary.js';
import type { PolicyChanges } from '../config/policy-changes.js';
import type { FailOn } from '../model/verdict.js';
import { compareUtf8 } from '../util/byte-order.js';

export const GITHUB_COMMENT_LIMIT = 65_536;
/** Review comments posted by one run at most; the rest are listed in the sticky summary. */
export const MAX_REVIEW_COMMENTS = 50;
export const STICKY_MARKER = '<!-- controlgate:summary -->';
const FIXED_MARKER = '<!-- controlgate:fixed -->';
const FP = /<!-- controlgate:finding fp=([0-9a-f]{8,64}) -->/g;

export const findingMarker = (fp: string): string => `<!-- controlgate:finding fp=${fp} -->`;
/** The fingerprint of the marker the action appends (the last one: text above it is never trusted to carry one). */
export const fingerprintOf = (body: string): string | undefined => [...body.matchAll(FP)].at(-1)?.[1];
export const isFixedBody = (body: string): boolean => body.includes(FIXED_MARKER);

const ICON: Record<Severity, string> = { critical: '🟥', high: '🔴', medium: '🟠', low: '🟡', info: '🔵' };

/** Text from scanned files, bundles and configuration, inline in Markdown: the one escaping path. */
const md = escapeMarkdown;
/** A link target: only http(s) URLs, with the characters that could end or break the link encoded. */
const linkTarget = (url: string): string => (/^https?:\/\//i.test(url) ? url.replace(/[\s()<>\[\]`"'\\]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`) : '#');

export function controlsLine(f: Finding): string {
  const c = f.controls;
  const ids = (xs: string[]): string => xs.map(md).join(', ');
  return [
    c.iso27017.length ? `ISO/IEC 27017 ${ids(c.iso27017)}` : '',
    c.iso27002.length ? `ISO/IEC 27002:2022 ${ids(c.iso27002)}` : '',
    c.soc2.length ? `SOC 2 ${ids(c.soc2)}` : '',
    c.cis.length ? ids(c.cis.map((x) => (/^CIS\b/.test(x) ? x : `CIS ${x}`))) : '',
    c.nist.length ? `NIST SP 800-53 ${ids(c.nist)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One review comment: rule, control ids, why, fix, link to the rule's documentation, marker. */
export function commentBody(f: Finding, meta: RuleMeta | undefined, docUrl: string, placedLine?: number): string {
  const elsewhere = placedLine !== undefined && (placedLine < f.range.startLine || placedLine > f.range.endLine);
  return [
    `${ICON[f.severity] ?? ''} **${md(f.severity)} · ${md(f.id)} · ${md(f.title)}**`,
    '',
    md(f.message),
    ...(elsewhere ? ['', `On line ${f.range.startLine} of this file, in the block this change modifies.`] : []),
    '',
    `**Resource:** ${md(f.resource)}`,
    `**Controls:** ${controlsLine(f)}`,
    ...(meta ? [`**Why:** ${md(meta.description)}`] : []),
    `**Fix:** ${md(f.remediation)}`,
    '',
    `[${md(f.ruleId)} documentation](${linkTarget(docUrl)})`,
    findingMarker(f.fingerprint),
  ].join('\n');
}

export function fixedBody(previous: string, sha: string): string {
  const fp = fingerprintOf(previous) ?? '';
  const original = previous.replace(FP, '').replace(FIXED_MARKER, '').trim();
  return [
    `✅ **Fixed** in ${sha.slice(0, 7) || 'a later commit'}: Controlgate no longer reports this finding.`,
    '',
    '<details><summary>Original comment</summary>',
    '',
    original,
    '',
    '</details>',
    findingMarker(fp),
    FIXED_MARKER,
  ].join('\n');
}

export interface ExistingComment {
  id: number;
  body: string;
  path?: string;
  line?: number | null;
}

export interface DesiredComment {
  fingerprint: string;
  path: string;
  line: number;
  body: string;
  severity: Severity;
}

export interface Reconciled {
  /** New comments for this run's review (most severe first, at most MAX_REVIEW_COMMENTS). */
  create: DesiredComment[];
  /** Existing comments to edit: reopened findings and fixed ones. */
  update: Array<{ id: number; body: string; reason: 'fixed' | 'reopened' | 'changed' }>;
  /** Desired comments left out because of the per-run cap. */
  overflow: DesiredComment[];
  /** Findings that already have a comment (not re-posted). */
  kept: number;
}

/**
 * What to post and edit. `present` holds the fingerprints of every finding this run reported (in
 * scope or not): a comment whose finding is absent is marked fixed.
 */
export function reconcile(existing: ExistingComment[], desired: DesiredComment[], present: Set<string>, sha: string, cap = MAX_REVIEW_COMMENTS): Reconciled {
  const byFp = new Map<string, ExistingComment>();
  for (const c of existing) {
    const fp = fingerprintOf(c.body);
    if (fp && !byFp.has(fp)) byFp.set(fp, c);
  }
  const create: DesiredComment[] = [];
  const update: Reconciled['update'] = [];
  let kept = 0;
  const seen = new Set<string>();
  for (const d of desired) {
    if (seen.has(d.fingerprint)) continue;
    seen.add(d.fingerprint);
    const c = byFp.get(d.fingerprint);
    if (!c) create.push(d);
    else if (isFixedBody(c.body)) update.push({ id: c.id, body: d.body, reason: 'reopened' });
    else {
      kept++;
      if (c.body.trim() !== d.body.trim()) update.push({ id: c.id, body: d.body, reason: 'changed' });
    }
  }
  for (const [fp, c] of byFp) {
    if (!present.has(fp) && !isFixedBody(c.body)) update.push({ id: c.id, body: fixedBody(c.body, sha), reason: 'fixed' });
  }
  create.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || compareUtf8(a.path, b.path) || a.line - b.line);
  return { create: create.slice(0, cap), overflow: create.slice(cap), update, kept };
}

export function reviewBody(created: number, total: number): string {
  return `Controlgate: ${created} new finding(s) on the lines this pull request changed (${total} in scope in all; see the summary comment).\n<!-- controlgate:review -->`;
}

export interface StickyOptions {
  scopeMode: string;
  inScope: Set<string>;
  commented: Set<string>;
  failOn: FailOn;
  failed: boolean;
  runUrl?: string;
  sha?: string;
  notes?: string[];
  /** Build with at most this many findings listed (the caller shrinks it to fit the limit). */
  maxListed?: number;
  /** What the pull request's configuration loosens against its base: shown to reviewers when anything. */
  policyChanges?: PolicyChanges;
}

function renderSticky(r: ScanResult, o: StickyOptions, maxListed: number): string {
  const c = countBySeverity(r.findings);
  const scoped = r.findings.filter((f) => o.inScope.has(f.fingerprint));
  const out: string[] = [STICKY_MARKER];
  out.push(`### Controlgate: ${o.failed ? '❌ failed' : '✅ passed'}${o.sha ? ` at ${o.sha.slice(0, 7)}` : ''}`);
  out.push('');
  out.push(
    `**${scoped.length} finding(s) in scope** (\`${o.scopeMode}\`, fail-on \`${o.failOn}\`); ${r.findings.length} in all: ` +
      `${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info. ` +
      `${r.filesScanned.length} file(s) scanned${r.errors.length ? `, **${r.errors.length} could not be scanned**` : ''}.`,
  );
  for (const n of o.notes ?? []) out.push('', `> ${n}`); // notes are Markdown the action wrote, their parts escaped
  const byControl = new Map<string, { n: number; soc: Set<string> }>();
  for (const f of scoped) {
    for (const cld of f.controls.iso27017) {
      const e = byControl.get(cld) ?? { n: 0, soc: new Set<string>() };
      e.n++;
      f.controls.soc2.forEach((s) => e.soc.add(s));
      byControl.set(cld, e);
    }
  }
  if (byControl.size) {
    out.push('', '| ISO/IEC 27017 | Findings | SOC 2 criteria |', '|---|---:|---|');
    for (const [cld, e] of [...byControl].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))) {
      out.push(`| ${md(cld)} | ${e.n} | ${[...e.soc].sort().map(md).join(', ') || '—'} |`);
    }
  }
  if (scoped.length) {
    const sorted = [...scoped].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    out.push('', '| Severity | Rule | Location | Resource | Finding | Comment |', '|---|---|---|---|---|---|');
    for (const f of sorted.slice(0, maxListed)) {
      out.push(
        `| ${md(f.severity)} | ${md(f.id)} | ${md(`${f.file}:${f.range.startLine}`)} | ${md(f.resource)} | ${md(f.message)} | ${o.commented.has(f.fingerprint) ? 'on the line' : 'here only'} |`,
      );
    }
    if (sorted.length > maxListed) out.push('', `…and ${sorted.length - maxListed} more in the job summary and the SARIF file.`);
  }
  if (o.policyChanges?.changes.length) out.push('', ...policyChangesSection(o.policyChanges, '####'));
  if (o.runUrl) out.push('', `[Job summary and SARIF](${linkTarget(o.runUrl)})`);
  return `${out.join('\n')}\n`;
}

/** The sticky summary comment, kept under GitHub's 65,536-character comment limit. */
export function stickyBody(r: ScanResult, o: StickyOptions): string {
  let max = o.maxListed ?? 100;
  for (;;) {
    const body = renderSticky(r, o, max);
    if (body.length < GITHUB_COMMENT_LIMIT) return body;
    if (max === 0) return `${body.slice(0, GITHUB_COMMENT_LIMIT - 200)}\n\n…(truncated to GitHub's comment limit)\n`;
    max = Math.floor(max / 2);
  }
}
