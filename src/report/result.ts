// The canonical result document (`--format result`, action input `result-file`): the scan result as
// the pipeline returned it, versioned, with the run's record every reporter needs beside it (fail-on,
// the recorded settings and their digest, the pull request's scope and change). A shard writes one;
// `controlgate merge` combines results, not renderings (src/shard/merge.ts), and renders the merged
// document with the same reporters a scan uses: text, JSON, SARIF, JUnit and the evidence are
// functions of (result, record, verdict), so the merged outputs are the unsharded run's.
// Schema: docs/schemas/result.schema.json. Never holds the secrets the action masks (redactions).
import type { ScanResult } from '../model/types.js';
import type { FailOn, Verdict } from '../model/verdict.js';
import type { Framework } from '../config/config.js';
import type { PolicyChanges } from '../config/policy-changes.js';
import { VERSION } from '../version.js';
import { buildEvidence, type Evidence, type EvidenceChange, type EvidenceEnforcement, type EvidenceRemediation, type EvidenceScope } from './evidence/evidence.js';
import type { RunContext } from './evidence/context.js';

export const RESULT_KIND = 'controlgate-result';
export const RESULT_VERSION = 1;

/** What the reporters need beside the result: what the run was asked, and what it knew of the change. */
export interface RunRecord {
  failOn: FailOn;
  frameworks: Framework[];
  /** The effective settings as recorded in the evidence (configuration.settings). */
  settings: Record<string, unknown>;
  /** sha256 of their canonical JSON: the evidence's configuration.sha256, equal in every shard of one scan. */
  configurationSha256: string;
  /** The configuration files read, with their digests (configuration.files). */
  configFiles: Array<{ path: string; sha256: string }>;
  /** allow-empty: input problems are reported, not usage errors. */
  allowEmpty: boolean;
  /** --create-baseline: every finding is accepted, none fails the run. */
  acceptFindings?: boolean;
  /** The action on a pull request: fingerprints of the findings in scope, and how the scope was found. */
  inScope?: string[];
  scope?: Pick<EvidenceScope, 'mode' | 'source' | 'note'>;
  change?: EvidenceChange;
  enforcement?: Omit<EvidenceEnforcement, 'verdict' | 'failOn'>;
  remediation?: EvidenceRemediation[];
  /** Ids of the waivers whose lines the pull request added or changed. */
  waiversInPullRequest?: string[];
  policyChanges?: PolicyChanges;
}

/** The result as a document holds it: everything but the secrets found (never serialised). */
export type RecordedResult = Omit<ScanResult, 'redactions'>;

export interface ResultDocument {
  kind: typeof RESULT_KIND;
  version: typeof RESULT_VERSION;
  tool: { name: 'controlgate'; version: string };
  record: RunRecord;
  /** The verdict as the run decided it (for readers; `merge` decides again on the merged result). */
  verdict: { failed: boolean; exitCode: number; failing: number; fileErrors: number; usageErrors: string[] };
  result: RecordedResult;
}

export function resultDocument(result: ScanResult, verdict: Verdict, record: RunRecord): ResultDocument {
  const { redactions: _secrets, ...recorded } = result;
  return {
    kind: RESULT_KIND,
    version: RESULT_VERSION,
    tool: { name: 'controlgate', version: VERSION },
    record,
    verdict: { failed: verdict.failed, exitCode: verdict.exitCode, failing: verdict.failing.length, fileErrors: verdict.fileErrors, usageErrors: verdict.usageErrors },
    result: recorded,
  };
}

/** One line of JSON: a shard's result of a large repository is large, and only programs read it. */
export function renderResult(doc: ResultDocument): string {
  return `${JSON.stringify(doc)}\n`;
}

/** The fingerprints in scope as the reporters take them (absent: every finding is in scope). */
export function inScopeOf(record: RunRecord): Set<string> | undefined {
  return record.inScope ? new Set(record.inScope) : undefined;
}

/** The evidence of a run: the result, its record and its verdict, with the context of the job writing it. */
export function evidenceOf(result: ScanResult, verdict: Verdict, record: RunRecord, run: RunContext): Evidence {
  const inScope = inScopeOf(record);
  return buildEvidence({
    result,
    run,
    verdict,
    settings: record.settings,
    ...(inScope ? { inScope } : {}),
    ...(record.scope ? { scope: record.scope } : {}),
    configFiles: record.configFiles,
    ...(record.change ? { change: record.change } : {}),
    ...(record.enforcement ? { enforcement: record.enforcement } : {}),
    ...(record.remediation ? { remediation: record.remediation } : {}),
    ...(record.waiversInPullRequest ? { waiversInPullRequest: new Set(record.waiversInPullRequest) } : {}),
    ...(record.policyChanges ? { policyChanges: record.policyChanges } : {}),
  });
}
