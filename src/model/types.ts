// The shared vocabulary of every stage: discover -> parse -> normalize -> evaluate -> controls -> report.
// Plain data only; no stage imports @actions/* through this file.
import type { WaiverRecord } from './waivers.js';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

/** What kind of source a file is, decided by its name. */
export type FileKind =
  | 'terraform'
  | 'terraform-json'
  | 'terraform-vars'
  | 'packer'
  | 'packer-json'
  | 'packer-vars';

/** A file the discover stage found, before it is read. */
export interface DiscoveredFile {
  /** Path relative to the workspace root, POSIX separators. */
  path: string;
  absPath: string;
  kind: FileKind;
  /** Size in bytes when discover saw it (informational: parse checks the size on the opened file). */
  size?: number;
  /** The workspace root the file must stay inside by real path (src/util/workspace-read.ts); when
   * absent, the file's own folder. */
  root?: string;
}

/** A discovered file as plain data, for a structured clone (postMessage copies own fields, never a
 * getter: src/discover/discovered-file.ts makes absPath when asked). */
export function plainFile(f: DiscoveredFile): DiscoveredFile {
  return { path: f.path, absPath: f.absPath, kind: f.kind, ...(f.size !== undefined ? { size: f.size } : {}), ...(f.root !== undefined ? { root: f.root } : {}) };
}

/** A file that was found but not scanned, and why. Nothing is dropped silently. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface SourceRange {
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

/** A located problem with the input itself (syntax error, unreadable file, ...). */
export interface FileError {
  path: string;
  kind: FileKind | 'unknown';
  message: string;
  range: SourceRange;
  /** Digest of the bytes, when the file could be read. */
  sha256?: string;
}

export interface ControlRefs {
  iso27017: string[];
  iso27002: string[];
  soc2: string[];
  cis: string[];
  nist: string[];
}

export const FRAMEWORKS = ['iso27017', 'iso27002', 'soc2', 'cis', 'nist'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** One rule's metadata, as extracted from its Rego METADATA annotation into dist/catalog.json. */
export interface RuleMeta {
  id: string;
  /** Rego package leaf, e.g. vmh_aws_001. */
  package: string;
  title: string;
  description: string;
  /** A failure-phrased one-liner used in findings ("EC2 instance allows IMDSv1"). */
  message: string;
  severity: Severity;
  remediation: string;
  controls: ControlRefs;
  /** Sub-results with their own severity and wording (e.g. IMDS hop limit). */
  subresults: Record<string, { severity: Severity; message: string }>;
  /** True when the offending value is a secret and must never be echoed. */
  secret: boolean;
  inputs: Array<'terraform' | 'packer'>;
  equivalents: string[];
}

/** A control as policies/controls.yaml lists it, with the rules that cite it (derived at build). */
export interface ControlInfo {
  title: string;
  /** What must be evidenced outside the code (set for every control no rule can show). */
  manual?: string;
  rules: string[];
}

export type ControlFramework = 'iso27017' | 'iso27002' | 'soc2';

export interface Catalog {
  opaVersion: string;
  rules: RuleMeta[];
  controls: Record<ControlFramework, Record<string, ControlInfo>>;
}

/** What a policy returns for one failing (rule, resource). Wording and lines are made in TypeScript. */
export interface RawResult {
  rule: string; // package leaf
  resource: string; // address in the normalized input
  path: Array<string | number>;
  /** Offending value as seen in the configuration; absent when the attribute is missing. */
  actual?: unknown;
  /** Sub-result key (from METADATA custom.subresults), when the rule has several. */
  sub?: string;
}

export type ResultStatus = 'failed' | 'passed' | 'waived' | 'not_evaluated';

/** Checks by final status. */
export type CheckCounts = Record<ResultStatus, number>;

export interface Finding {
  ruleId: string;
  /** Rule id plus sub-result suffix when there is one (e.g. VMH-AWS-001/hop-limit). */
  id: string;
  severity: Severity;
  title: string;
  message: string;
  remediation: string;
  controls: ControlRefs;
  file: string;
  range: SourceRange;
  /** Lines of the whole resource/source block the finding is about (diff-aware scope: an attribute
   * missing from a changed block counts as changed). Absent when the block could not be located. */
  blockRange?: SourceRange;
  resource: string;
  path: Array<string | number>;
  /** Stable identity across line moves: hash of rule id, resource address and attribute path. */
  fingerprint: string;
  /** For a resource inside a local module: the module call that instantiated it (issue #4). */
  callSite?: { file: string; line: number; module: string };
  /** ... and every call from the root module down to it, outermost first (the last one is callSite). */
  callChain?: Array<{ file: string; line: number; module: string }>;
  /** Variable-file assignments the flagged value came from (root variables, through locals and module inputs). */
  valueFrom?: Array<{ file: string; line: number; variable: string }>;
  /** Findings of broader rules about the same problem, reported as this one (one problem, one finding). */
  covers?: Array<{ id: string; path: Array<string | number>; message: string }>;
  /** Set by the policy on a broader rule's result: the rule whose finding on the same entry covers it
   * (resolved by applyCoverage; never in a report). */
  coveredBy?: string;
  /** count / for_each / module instances with this same finding on the same line (2 or more). */
  instances?: string[];
  /** Set when a waiver matched: applied (the finding is waived), or expired (the finding stands). */
  waiver?: { id: string; status: 'applied' | 'expired'; reason: string; expires?: string; approver?: string };
}

/** Every (rule, resource) pair a rule applied to: the population an auditor needs. */
export interface RuleEvaluation {
  ruleId: string;
  resource: string;
  file: string;
  status: ResultStatus;
  reason?: string;
}

/** Every file considered, for the evidence: what it was, its digest, and what became of it. */
export interface FileRecord {
  path: string;
  kind: FileKind | 'unknown';
  sha256?: string;
  status: 'parsed' | 'parse_error' | 'skipped';
  reason?: string;
}

/** How much of the configuration was known statically (issue #4): attribute values, modules, caps. */
export interface ResolutionSummary {
  /** Attributes of resources and Packer sources/provisioners: written as literals, resolved from expressions, unknown. */
  values: { literal: number; resolved: number; unknown: number };
  /** Module calls whose source is not a local folder: not scanned. */
  remoteModules: Array<{ source: string; module: string; file: string; line: number }>;
  /** Entities whose count/for_each/dynamic expansion hit the per-entity cap. */
  capped: string[];
}

export interface ScanResult {
  root: string;
  /** Digests of what evaluated this scan: the wasm bundle and its catalog. */
  bundle: {
    policySha256: string;
    catalogSha256: string;
    opaVersion: string;
    /** Users' own bundles evaluated beside the built-in one. */
    extra?: Array<{ path: string; policySha256: string; catalogSha256: string; rules: number }>;
  };
  startedAt: string;
  finishedAt: string;
  files: FileRecord[];
  /** The secrets found (credential-shaped strings, values of sensitive variables and what is computed
   * from them) that are plausibly secrets (src/util/redaction.ts: never a file name or a short word),
   * kept only so the action can mask them in the runner's log. Reports redact every sensitive value
   * where they print values, whether or not it is listed here. NEVER print or serialise this field. */
  redactions: string[];
  /** Every waiver considered, with its final state (see src/waivers/waivers.ts). */
  waivers: WaiverRecord[];
  filesFound: number;
  filesScanned: string[];
  skipped: SkippedFile[];
  errors: FileError[];
  findings: Finding[];
  /** Every (rule, entity) check and its status; without the passed ones when the scan was asked to
   * count them only (ScanOptions.passedChecks 'count': no report of the run lists them). */
  evaluations: RuleEvaluation[];
  /** How many checks ended in each status, passed ones counted or not: read it through checkCounts()
   * (src/model/checks.ts). Absent only in results built by hand and merged shards (which list every check). */
  checks?: CheckCounts;
  catalog: Catalog;
  /** Value statistics and what was not scanned; absent only in results built by hand. */
  resolution?: ResolutionSummary;
  /** Why the run checked less than it was asked to (a path given that does not exist or leaves the
   * workspace; no file to scan at all): a usage error (exit 2) unless allow-empty. Absent when none. */
  inputProblems?: string[];
  /** Set when the scan was one shard of several (--shard i/n): only that shard's folders were
   * evaluated and reported (README: "Sharding a monorepo"). */
  shard?: { index: number; count: number };
  /** Set when a baseline was applied (--baseline): the findings it accepted (taken out of
   * `findings`) and its entries that matched nothing (fixed). */
  baseline?: BaselineOutcome;
}

/** One accepted finding in a baseline file (src/baseline/baseline.ts, docs/schemas/baseline.schema.json). */
export interface BaselineEntry {
  fingerprint: string;
  id: string;
  file: string;
  resource: string;
}

/** What a baseline did to one scan. */
export interface BaselineOutcome {
  /** The baseline file as given on the command line or in the action input. */
  file: string;
  /** sha256 of the file's bytes: which accepted-risk list applied. */
  sha256: string;
  /** Entries in the file. */
  entries: number;
  /** Findings the baseline matched: accepted risk, not reported as findings. */
  accepted: Finding[];
  /** Entries that matched no finding of this scan: fixed (or moved) since; remove them. */
  fixed: BaselineEntry[];
}
