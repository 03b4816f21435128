// report: the CLI's text and JSON renderings of a scan. Pure functions of the ScanResult.
import { checkCounts } from '../model/checks.js';
import type { BaselineOutcome, ControlRefs, Finding, ScanResult, Severity } from '../model/types.js';
import { safeText } from '../util/escape.js';
import { MappedArray, jsonChunks } from '../util/json-stream.js';
import { callsOf } from './sarif.js';
import { shardStamp } from '../model/shard.js';
import { failingFindings, type FailOn, type Verdict } from '../model/verdict.js';

export type ShownFramework = 'iso27017' | 'iso27002' | 'soc2' | 'cis' | 'nist';
export const DEFAULT_FRAMEWORKS: ShownFramework[] = ['iso27017', 'iso27002', 'soc2'];
const PREFIX: Record<ShownFramework, string> = { iso27017: '', iso27002: 'ISO 27002 ', soc2: 'SOC 2 ', cis: '', nist: 'NIST ' };

/** The first few instance addresses of a grouped finding, for one line of text. */
function instanceList(instances: string[]): string {
  const shown = instances.slice(0, 3).join(', ');
  return instances.length > 3 ? `${shown}, +${instances.length - 3} more` : shown;
}

/** " (via module.app at main.tf:3 -> module.app.module.db at app/main.tf:7) (value from prod.tfvars:2)": where a
 * module finding was instantiated, and the variable file its value was set in. Empty for neither. */
export function provenanceText(f: Pick<Finding, 'callSite' | 'callChain' | 'valueFrom'>): string {
  const chain = callsOf(f);
  const via = chain.length ? ` (via ${chain.map((c) => `${c.module} at ${c.file}:${c.line}`).join(' -> ')})` : '';
  const from = f.valueFrom?.length ? ` (value from ${f.valueFrom.map((v) => `${v.file}:${v.line}`).join(', ')})` : '';
  return via + from;
}

/** "CLD.9.5.2 · ISO 27002 A.8.9 · SOC 2 CC6.1": every id of each framework shown, in the order asked. */
export function controlLabel(c: ControlRefs, frameworks: ShownFramework[] = DEFAULT_FRAMEWORKS): string {
  return frameworks
    .filter((fw) => c[fw].length)
    .map((fw) => `${PREFIX[fw]}${c[fw].join(', ')}`)
    .join(' · ');
}

function waiverNote(f: Finding): string {
  if (!f.waiver) return '';
  return f.waiver.status === 'applied'
    ? `  [waived until ${f.waiver.expires ?? 'revoked'}: ${safeText(f.waiver.reason || '(no reason recorded)')}]`
    : `  [waiver expired on ${f.waiver.expires}]`;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export interface TextOptions {
  /** No control crosswalk on each finding's line (--compact). */
  compact?: boolean;
  /** Only what fails the run at this fail-on: failing findings and file errors (--quiet). */
  quietFailOn?: FailOn;
  /** Colours a severity or marker; identity when colour is off. Applied after safeText. */
  paint?: (style: Severity | 'error' | 'dim' | 'bold', text: string) => string;
  /** Findings not shown because of --severity (they still count towards failing). */
  hidden?: number;
}

export function renderText(r: ScanResult, frameworks: ShownFramework[] = DEFAULT_FRAMEWORKS, o: TextOptions = {}): string {
  const paint = o.paint ?? ((_s: string, t: string) => t);
  const lines: string[] = [];
  const shown = o.quietFailOn ? failingFindings(r.findings, o.quietFailOn) : r.findings;
  const widthLoc = Math.min(48, Math.max(0, ...shown.map((f) => `${f.file}:${f.range.startLine}`.length)));
  const widthId = Math.max(0, ...shown.map((f) => f.id.length));
  for (const f of shown) {
    const loc = safeText(`${f.file}:${f.range.startLine}`).padEnd(widthLoc);
    const controls = o.compact ? '' : `${controlLabel(f.controls, frameworks)}  `;
    lines.push(`${loc}  ${paint(f.severity, f.severity.padEnd(8))}  ${f.id.padEnd(widthId)}  ${controls}${safeText(f.message)}${safeText(provenanceText(f))}${f.instances ? safeText(` (${f.instances.length} instances: ${instanceList(f.instances)})`) : ''}${f.covers ? safeText(` (also covers ${[...new Set(f.covers.map((c) => c.id))].join(', ')})`) : ''}${waiverNote(f)}`);
  }
  for (const e of r.errors) {
    lines.push(`${safeText(`${e.path}:${e.range.startLine}`)}  ${paint('error', 'error   ')}  ${safeText(e.message)}`);
  }
  if (!o.quietFailOn) {
    for (const s of r.skipped) lines.push(`${safeText(s.path)}  skipped   ${safeText(s.reason)}`);
    for (const m of r.resolution?.remoteModules ?? []) lines.push(`${safeText(`${m.file}:${m.line}`)}  skipped   ${safeText(`remote module ${m.source} (${m.module}): not scanned`)}`);
    for (const w of r.waivers.filter((x) => x.status === 'rejected' || x.status === 'stale')) {
      lines.push(`${safeText(w.file ? `${w.file}:${w.line}` : `waiver ${w.id}`)}  waiver    ${w.status}: ${safeText(w.rule)}${w.note ? ` (${safeText(w.note)})` : ''}`);
    }
    for (const e of r.baseline?.fixed ?? []) lines.push(`${safeText(e.file)}  fixed     ${safeText(`${e.id} ${e.resource}`)}: in the baseline, no longer found`);
  }
  const c = countBySeverity(r.findings);
  const waived = r.findings.filter((f) => f.waiver?.status === 'applied').length;
  const { not_evaluated: notEvaluated, passed } = checkCounts(r);
  lines.push('');
  lines.push(
    `${r.findings.length + (o.hidden ?? 0)} finding(s): ${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.info} info` +
      (o.hidden ? ` shown, ${o.hidden} hidden by --severity` : '') +
      (waived ? ` (${waived} waived)` : '') +
      ` · ${passed} check(s) passed, ${notEvaluated} not evaluated (values unknown statically)`,
  );
  if (r.baseline) {
    const b = r.baseline;
    lines.push(
      `baseline ${safeText(b.file)} (sha256 ${b.sha256}): ${b.accepted.length} finding(s) accepted as known risk, not reported` +
        (b.fixed.length ? `; ${b.fixed.length} of its ${b.entries} entr${b.entries === 1 ? 'y' : 'ies'} fixed: recreate it with --create-baseline to shrink it` : ''),
    );
  }
  lines.push(
    `${r.filesFound} file(s) found: ${r.filesScanned.length} scanned, ${r.errors.length} with errors` +
      (r.skipped.length ? `; ${r.skipped.length} other path(s) skipped` : '') +
      (r.resolution?.capped.length ? `; ${r.resolution.capped.length} count/for_each/dynamic expansion(s) cut short, their other instances not evaluated (the JSON report's "capped")` : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** The documented JSON output (docs/json-output.md). Stable field names; sorted arrays. */
export function renderJson(r: ScanResult, verdict: JsonVerdict, o: JsonOptions = {}): string {
  return `${JSON.stringify(jsonDocument(r, verdict, o), null, 2)}\n`;
}

/** The same text as renderJson, in pieces, for writing as it is made (src/util/json-stream.ts). */
export function* renderJsonChunks(r: ScanResult, verdict: JsonVerdict, o: JsonOptions = {}): Generator<string> {
  yield* jsonChunks(jsonDocument(r, verdict, o));
  yield '\n';
}

type JsonOptions = { configurationSha256?: string; hidden?: number };
/** The run's verdict (src/model/verdict.ts): `summary.failed` says whether findings fail it. */
type JsonVerdict = Pick<Verdict, 'failOn' | 'failing'>;

function jsonDocument(r: ScanResult, verdict: JsonVerdict, o: JsonOptions): object {
  const failOn = verdict.failOn;
  const c = countBySeverity(r.findings);
  const checks = checkCounts(r);
  const doc = {
    tool: { name: 'controlgate', opaVersion: r.catalog.opaVersion },
    // Only in a shard's output (--shard i/n): what `controlgate merge` checks the shards share.
    ...(r.shard ? { shard: shardStamp(r.shard, r.bundle, o.configurationSha256 ?? '') } : {}),
    summary: {
      findings: r.findings.length,
      bySeverity: c,
      failed: verdict.failing.length > 0,
      ...(o.hidden ? { hiddenBySeverity: o.hidden } : {}),
      failOn,
      filesFound: r.filesFound,
      filesScanned: r.filesScanned.length,
      fileErrors: r.errors.length,
      pathsSkipped: r.skipped.length,
      checks: { passed: checks.passed, failed: checks.failed, notEvaluated: checks.not_evaluated },
      ...(r.resolution
        ? { values: r.resolution.values, remoteModulesNotScanned: r.resolution.remoteModules.length, instancesCapped: r.resolution.capped.length }
        : {}),
    },
    findings: new MappedArray(r.findings, (f) => ({
      id: f.id,
      ruleId: f.ruleId,
      severity: f.severity,
      title: f.title,
      message: f.message,
      file: f.file,
      line: f.range.startLine,
      endLine: f.range.endLine,
      resource: f.resource,
      path: f.path,
      controls: f.controls,
      remediation: f.remediation,
      fingerprint: f.fingerprint,
      ...(f.callSite ? { callSite: f.callSite } : {}),
      ...(f.callChain ? { callChain: f.callChain } : {}),
      ...(f.valueFrom ? { valueFrom: f.valueFrom } : {}),
      ...(f.instances ? { instances: f.instances } : {}),
      ...(f.covers ? { covers: f.covers } : {}),
      ...(f.waiver ? { waiver: f.waiver } : {}),
    })),
    waivers: r.waivers.map(({ target: _target, matched, ...w }) => ({ ...w, matched: matched.length })),
    notEvaluated: r.evaluations.filter((e) => e.status === 'not_evaluated'),
    errors: r.errors,
    skipped: r.skipped,
    ...(r.resolution ? { remoteModules: r.resolution.remoteModules, capped: r.resolution.capped } : {}),
    ...(r.baseline ? { baseline: baselineRecord(r.baseline) } : {}),
  };
  return doc;
}

/** The baseline as the JSON report and the evidence record it: the file and its hash, its entries, the
 * findings it accepted (each as `record` gives it, in `order` when given) and the entries now fixed. */
export function baselineRecord<A>(b: BaselineOutcome, record: (f: Finding) => A = acceptedRecord as (f: Finding) => A, order?: (x: A, y: A) => number) {
  const accepted = b.accepted.map(record);
  return { file: b.file, sha256: b.sha256, entries: b.entries, accepted: order ? accepted.sort(order) : accepted, fixed: b.fixed };
}

/** An accepted finding as the baseline section names it. */
export function acceptedRecord(f: Finding): { fingerprint: string; id: string; severity: Severity; file: string; line: number; resource: string } {
  return { fingerprint: f.fingerprint, id: f.id, severity: f.severity, file: f.file, line: f.range.startLine, resource: f.resource };
}
