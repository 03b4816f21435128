// The evidence file: proof that a preventive control ran on a change. Which policies (bundle and
// catalog digests), on exactly what (every file with its sha256), with what result (every (rule,
// resource) pair: passed, failed, waived, not evaluated), and which exceptions applied. Published
// schema: docs/schemas/evidence.schema.json. Deterministic: the same inputs give the same bytes,
// apart from `run` and `time`.
import { createHash } from 'node:crypto';
import type { ControlFramework, ScanResult, Severity } from '../../model/types.js';
import { VERSION } from '../../version.js';
import type { RunContext } from './context.js';
import { shardLabel } from '../../engine/shard.js';

export const EVIDENCE_SCHEMA_VERSION = 1;

export interface ControlEvidence {
  id: string;
  title: string;
  rules: string[];
  rulesEvaluated: number;
  resourcesEvaluated: number;
  passed: number;
  failed: number;
  waived: number;
  notEvaluated: number;
  /** What must be evidenced outside the code; present when no rule can show the control fully. */
  manual?: string;
}

export interface Evidence {
  schemaVersion: 1;
  tool: { name: 'controlgate'; version: string };
  policyBundle: {
    sha256: string;
    catalogSha256: string;
    opaVersion: string;
    rules: number;
    extra?: Array<{ path: string; policySha256: string; catalogSha256: string; rules: number }>;
  };
  run: RunContext;
  time: { startedAt: string; finishedAt: string };
  configuration: { sha256: string; failOn: Severity | 'never'; settings: Record<string, unknown> };
  result: { passed: boolean; findings: number; failing: number; waived: number; fileErrors: number };
  files: ScanResult['files'];
  controls: Record<ControlFramework, ControlEvidence[]>;
  evaluations: Array<{ rule: string; resource: string; file: string; status: string; reason?: string }>;
  findings: Array<{
    fingerprint: string;
    id: string;
    severity: Severity;
    file: string;
    line: number;
    resource: string;
    message: string;
    controls: { iso27017: string[]; iso27002: string[]; soc2: string[] };
    waiver?: { id: string; status: string; reason: string; expires?: string; approver?: string };
  }>;
  waivers: Array<{
    id: string;
    source: string;
    rule: string;
    status: string;
    reason?: string;
    approver?: string;
    ticket?: string;
    expires?: string;
    file?: string;
    line?: number;
    resource?: string;
    path?: string;
    matched: number;
    note?: string;
  }>;
}

/** JSON with object keys sorted at every level: one canonical byte form for digests. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

const by = <T>(key: (t: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export interface EvidenceInput {
  result: ScanResult;
  run: RunContext;
  failOn: Severity | 'never';
  /** The effective configuration (inputs, flags, file); its canonical digest is recorded. */
  settings: Record<string, unknown>;
  failing: number;
}

/** One control's evidence from the evaluations of its rules (also used by `controlgate merge`). */
export function controlEvidence(
  id: string,
  info: { title: string; rules: readonly string[]; manual?: string },
  evaluations: ReadonlyArray<{ ruleId: string; file: string; resource: string; status: string }>,
): ControlEvidence {
  const rules = new Set(info.rules);
  const evals = evaluations.filter((e) => rules.has(e.ruleId));
  const count = (s: string): number => evals.filter((e) => e.status === s).length;
  return {
    id,
    title: info.title,
    rules: [...info.rules].sort(),
    rulesEvaluated: new Set(evals.map((e) => e.ruleId)).size,
    resourcesEvaluated: new Set(evals.map((e) => `${e.file}\u0000${e.resource}`)).size,
    passed: count('passed'),
    failed: count('failed'),
    waived: count('waived'),
    notEvaluated: count('not_evaluated'),
    ...(info.manual ? { manual: info.manual } : {}),
  };
}

function controlsEvidence(r: ScanResult): Record<ControlFramework, ControlEvidence[]> {
  const out = {} as Record<ControlFramework, ControlEvidence[]>;
  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    out[fw] = Object.entries(r.catalog.controls[fw])
      .map(([id, info]): ControlEvidence => controlEvidence(id, info, r.evaluations))
      .sort(EVIDENCE_ORDER.controls);
  }
  return out;
}

/** The order of each list of the evidence (shared with `controlgate merge`). Keys are total: equal
 * keys mean equal entries. */
export const EVIDENCE_ORDER = {
  controls: by<ControlEvidence>((c) => c.id),
  files: by<Evidence['files'][number]>((f) => f.path),
  evaluations: by<Evidence['evaluations'][number]>((e) => `${e.rule}\u0000${e.file}\u0000${e.resource}\u0000${e.status}\u0000${e.reason ?? ''}`),
  findings: by<Evidence['findings'][number]>((f) => `${f.file}\u0000${String(f.line).padStart(8, '0')}\u0000${f.id}\u0000${f.fingerprint}\u0000${f.message}`),
  waivers: by<Evidence['waivers'][number]>((w) => w.id),
};

export function buildEvidence(i: EvidenceInput): Evidence {
  const r = i.result;
  const waived = r.findings.filter((f) => f.waiver?.status === 'applied').length;
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    tool: { name: 'controlgate', version: VERSION },
    policyBundle: {
      sha256: r.bundle.policySha256,
      catalogSha256: r.bundle.catalogSha256,
      opaVersion: r.bundle.opaVersion,
      rules: r.catalog.rules.length,
      ...(r.bundle.extra ? { extra: r.bundle.extra } : {}),
    },
    run: r.shard ? { ...i.run, shard: shardLabel(r.shard) } : i.run,
    time: { startedAt: r.startedAt, finishedAt: r.finishedAt },
    configuration: { sha256: sha256(canonicalJson(i.settings)), failOn: i.failOn, settings: i.settings },
    result: { passed: i.failing === 0 && r.errors.length === 0, findings: r.findings.length, failing: i.failing, waived, fileErrors: r.errors.length },
    files: [...r.files].sort(EVIDENCE_ORDER.files),
    controls: controlsEvidence(r),
    evaluations: r.evaluations
      .map((e) => ({ rule: e.ruleId, resource: e.resource, file: e.file, status: e.status, ...(e.reason ? { reason: e.reason } : {}) }))
      .sort(EVIDENCE_ORDER.evaluations),
    findings: r.findings
      .map((f) => ({
        fingerprint: f.fingerprint,
        id: f.id,
        severity: f.severity,
        file: f.file,
        line: f.range.startLine,
        resource: f.resource,
        message: f.message,
        controls: { iso27017: f.controls.iso27017, iso27002: f.controls.iso27002, soc2: f.controls.soc2 },
        ...(f.waiver ? { waiver: f.waiver } : {}),
      }))
      .sort(EVIDENCE_ORDER.findings),
    waivers: r.waivers
      .map((w) => ({
        id: w.id,
        source: w.source,
        rule: w.rule,
        status: w.status,
        ...(w.reason !== undefined ? { reason: w.reason } : {}),
        ...(w.approver ? { approver: w.approver } : {}),
        ...(w.ticket ? { ticket: w.ticket } : {}),
        ...(w.expires ? { expires: w.expires } : {}),
        ...(w.file ? { file: w.file, line: w.line } : {}),
        ...(w.resource ? { resource: w.resource } : {}),
        ...(w.path ? { path: w.path } : {}),
        matched: w.matched.length,
        ...(w.note ? { note: w.note } : {}),
      }))
      .sort(EVIDENCE_ORDER.waivers),
  };
}

/** Pretty JSON in a fixed key order (the order buildEvidence constructs). */
export function renderEvidenceJson(e: Evidence): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
