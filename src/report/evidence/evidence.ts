// The evidence file: proof that a preventive control ran on a change. Which policies (bundle and
// catalog digests), on exactly what (every file with its sha256), with what result (every (rule,
// resource) pair: passed, failed, waived, not evaluated), and which exceptions applied. Published
// schema: docs/schemas/evidence.schema.json. Deterministic: the same inputs give the same bytes,
// apart from `run` and `time`.
import { createHash } from 'node:crypto';
import { CONTROL_FILE_BYTES, readWorkspaceFile } from '../../util/workspace-read.js';
import path from 'node:path';
import type { ControlFramework, Finding, ScanResult, Severity } from '../../model/types.js';
import { VERSION } from '../../version.js';
import { acceptedRecord, baselineRecord } from '../text.js';
import type { RunContext } from './context.js';
import { shardLabel } from '../../model/shard.js';
import type { PolicyChanges } from '../../config/policy-changes.js';
import type { FailOn, Verdict } from '../../model/verdict.js';
import { countChecks } from '../../model/checks.js';

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

/** The pull request the run was about (present on pull_request events). */
export interface EvidenceChange {
  pullRequest: number;
  author?: string;
  headSha: string;
  baseSha: string;
  baseRef?: string;
  /** The commit whose files were scanned (the checkout's HEAD). */
  scannedCommit?: string;
  /** What that commit is: the head itself, or GitHub's merge of the head into the base (actions/checkout's default). */
  scanned: 'head' | 'merge-commit' | 'unknown';
}

/** Which findings the run held the change responsible for, so that the counts reconcile. */
export interface EvidenceScope {
  mode: 'changed-lines' | 'changed-files' | 'all';
  /** Where the changed lines came from: git, the files API, or nowhere (every finding in scope). */
  source: 'git' | 'api' | 'none';
  pathsRequested: string[];
  findingsInScope: number;
  findingsOutOfScope: number;
  note?: string;
}

/** Whether the verdict could stop the change: the check's standing on the base branch. */
export interface EvidenceEnforcement {
  verdict: 'passed' | 'failed';
  failOn: FailOn;
  /** required: a ruleset of the base branch requires this check; not-required-by-rulesets: none does
   * (classic branch protection is not readable with the default token); unknown: could not be read. */
  requiredCheck: 'required' | 'not-required-by-rulesets' | 'unknown';
  requiredCheckDetail: string;
  continueOnError: boolean | 'unknown';
  continueOnErrorDetail: string;
}

export interface EvidenceRemediation {
  fingerprint: string;
  /** The commit in which the finding is no longer reported (its review comment was marked fixed). */
  fixedIn: string;
  commentId?: number;
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
  configuration: {
    sha256: string;
    failOn: FailOn;
    settings: Record<string, unknown>;
    /** The configuration files read (outermost baseline first), relative to the scan's base folder, with their sha256. */
    files: Array<{ path: string; sha256: string }>;
    /** sha256 of the canonical JSON of the central (configuration-file) waivers as read. */
    waiversSha256: string;
  };
  result: { passed: boolean; findings: number; failing: number; waived: number; fileErrors: number; usageErrors?: string[] };
  change?: EvidenceChange;
  scope: EvidenceScope;
  enforcement?: EvidenceEnforcement;
  remediation?: EvidenceRemediation[];
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
    /** Held against the change (annotated, counted for fail-on); false: outside the pull request's scope. */
    inScope: boolean;
    instances?: Finding['instances'];
    covers?: Finding['covers'];
    waiver?: { id: string; status: string; reason: string; expires?: string; approver?: string; ticket?: string };
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
    /** Fingerprints of the findings it matched (a rejected waiver's findings stand). */
    matchedFindings: string[];
    /** The waiver's lines were added or changed by this pull request. */
    inPullRequest?: boolean;
    /** The approver is the pull request's author: no segregation of duties. */
    approverIsAuthor?: boolean;
    note?: string;
  }>;
  /** Present when a baseline was applied: its findings are accepted risk (not in `findings`). */
  baseline?: {
    file: string;
    sha256: string;
    entries: number;
    accepted: Array<{ fingerprint: string; id: string; severity: Severity; file: string; line: number; resource: string; message: string }>;
    fixed: Array<{ fingerprint: string; id: string; file: string; resource: string }>;
  };
  /** What the pull request's configuration loosens against its base (src/config/policy-changes.ts). */
  policyChanges?: PolicyChanges;
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
  /** The run's verdict, computed once (src/model/verdict.ts): the evidence records it, never judges again. */
  verdict: Pick<Verdict, 'failOn' | 'failing' | 'failed' | 'usageErrors'>;
  /** The effective configuration (inputs, flags, file); its canonical digest is recorded. */
  settings: Record<string, unknown>;
  /** Fingerprints of the findings in the change's scope; absent: every finding is. */
  inScope?: ReadonlySet<string>;
  scope?: Omit<EvidenceScope, 'findingsInScope' | 'findingsOutOfScope' | 'pathsRequested'>;
  /** The configuration files read, relative to the scan's base folder, with their digests. */
  configFiles?: Array<{ path: string; sha256: string }>;
  change?: EvidenceChange;
  enforcement?: Omit<EvidenceEnforcement, 'verdict' | 'failOn'>;
  remediation?: EvidenceRemediation[];
  /** Ids of the waivers whose lines this pull request added or changed. */
  waiversInPullRequest?: Set<string>;
  policyChanges?: PolicyChanges;
}

/** Configuration files (absolute) as the evidence records them: relative to `base`, with their sha256. */
export function configFileDigests(files: string[], base: string): Array<{ path: string; sha256: string }> {
  return files.map((f) => ({ path: path.relative(base, f).split(path.sep).join('/'), sha256: sha256(readWorkspaceFile(base, f, CONTROL_FILE_BYTES, 'the configuration').bytes) }));
}

/** The digest of the central waivers as the run read them (recomputed by `evidence verify`). */
export function centralWaiversSha256(r: ScanResult): string {
  const central = r.waivers
    .filter((w) => w.source === 'config')
    .map((w) => ({ id: w.id, rule: w.rule, resource: w.resource, path: w.path, reason: w.reason, approver: w.approver, ticket: w.ticket, expires: w.expires }))
    .sort(by((w) => w.id));
  return sha256(canonicalJson(central));
}

/** One control's evidence from the evaluations of its rules (also used by `controlgate merge`). */
export function controlEvidence(
  id: string,
  info: { title: string; rules: readonly string[]; manual?: string },
  evaluations: ReadonlyArray<{ ruleId: string; file: string; resource: string; status: string }>,
): ControlEvidence {
  const rules = new Set(info.rules);
  const evals = evaluations.filter((e) => rules.has(e.ruleId));
  const count = countChecks(evals);
  return {
    id,
    title: info.title,
    rules: [...info.rules].sort(),
    rulesEvaluated: new Set(evals.map((e) => e.ruleId)).size,
    resourcesEvaluated: new Set(evals.map((e) => `${e.file}\u0000${e.resource}`)).size,
    passed: count.passed,
    failed: count.failed,
    waived: count.waived,
    notEvaluated: count.not_evaluated,
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
  findings: by<Pick<Evidence['findings'][number], 'file' | 'line' | 'id' | 'fingerprint' | 'message'>>((f) => `${f.file}\u0000${String(f.line).padStart(8, '0')}\u0000${f.id}\u0000${f.fingerprint}\u0000${f.message}`),
  waivers: by<Evidence['waivers'][number]>((w) => w.id),
};

export function buildEvidence(i: EvidenceInput): Evidence {
  const r = i.result;
  const waived = r.findings.filter((f) => f.waiver?.status === 'applied').length;
  const inScope = (fp: string): boolean => !i.inScope || i.inScope.has(fp);
  const scoped = r.findings.filter((f) => inScope(f.fingerprint)).length;
  const passed = !i.verdict.failed;
  // Usage errors stopped the run after the scan (nothing to scan, a path that does not exist): the evidence says why.
  const usageErrors = i.verdict.usageErrors;
  const records = new Map(r.waivers.map((w) => [w.id, w]));
  const author = i.change?.author?.toLowerCase();
  const isAuthor = (approver: string | undefined): boolean => !!author && !!approver && approver.replace(/^@/, '').toLowerCase() === author;
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
    configuration: {
      sha256: sha256(canonicalJson(i.settings)),
      failOn: i.verdict.failOn,
      settings: i.settings,
      files: i.configFiles ?? [],
      waiversSha256: centralWaiversSha256(r),
    },
    result: { passed, findings: r.findings.length, failing: i.verdict.failing.length, waived, fileErrors: r.errors.length, ...(usageErrors.length ? { usageErrors } : {}) },
    ...(i.change ? { change: i.change } : {}),
    scope: {
      mode: i.scope?.mode ?? 'all',
      source: i.scope?.source ?? 'none',
      pathsRequested: Array.isArray(i.settings.paths) ? (i.settings.paths as string[]) : [],
      findingsInScope: scoped,
      findingsOutOfScope: r.findings.length - scoped,
      ...(i.scope?.note ? { note: i.scope.note } : {}),
    },
    ...(i.enforcement ? { enforcement: { verdict: passed ? ('passed' as const) : ('failed' as const), failOn: i.verdict.failOn, ...i.enforcement } } : {}),
    ...(i.remediation ? { remediation: [...i.remediation].sort(by((x) => x.fingerprint)) } : {}),
    files: [...r.files].sort(EVIDENCE_ORDER.files),
    controls: controlsEvidence(r),
    evaluations: r.evaluations
      .map((e) => ({ rule: e.ruleId, resource: e.resource, file: e.file, status: e.status, ...(e.reason ? { reason: e.reason } : {}) }))
      .sort(EVIDENCE_ORDER.evaluations),
    findings: r.findings
      .map((f) => {
        const rec = f.waiver ? records.get(f.waiver.id) : undefined;
        return {
          fingerprint: f.fingerprint,
          id: f.id,
          severity: f.severity,
          file: f.file,
          line: f.range.startLine,
          resource: f.resource,
          message: f.message,
          controls: { iso27017: f.controls.iso27017, iso27002: f.controls.iso27002, soc2: f.controls.soc2 },
          inScope: inScope(f.fingerprint),
          ...(f.instances ? { instances: f.instances } : {}),
          ...(f.covers ? { covers: f.covers } : {}),
          ...(f.waiver
            ? {
                waiver: {
                  id: f.waiver.id,
                  status: f.waiver.status,
                  reason: f.waiver.reason,
                  ...(f.waiver.expires ? { expires: f.waiver.expires } : {}),
                  ...(rec?.approver ? { approver: rec.approver } : {}),
                  ...(rec?.ticket ? { ticket: rec.ticket } : {}),
                },
              }
            : {}),
        };
      })
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
        matchedFindings: [...w.matched].sort(),
        ...(i.waiversInPullRequest ? { inPullRequest: i.waiversInPullRequest.has(w.id) } : {}),
        ...(i.change ? { approverIsAuthor: isAuthor(w.approver) } : {}),
        ...(w.note ? { note: w.note } : {}),
      }))
      .sort(EVIDENCE_ORDER.waivers),
    ...(r.baseline ? { baseline: baselineRecord(r.baseline, (f) => ({ ...acceptedRecord(f), message: f.message }), EVIDENCE_ORDER.findings) } : {}),
    ...(i.policyChanges ? { policyChanges: i.policyChanges } : {}),
  };
}

/** Pretty JSON in a fixed key order (the order buildEvidence constructs). */
export function renderEvidenceJson(e: Evidence): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
