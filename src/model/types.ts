// The shared vocabulary of every stage: discover -> parse -> normalize -> evaluate -> controls -> report.
// Plain data only; no stage imports @actions/* through this file.

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

export interface Catalog {
  opaVersion: string;
  rules: RuleMeta[];
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

export type ResultStatus = 'failed' | 'passed' | 'not_evaluated';

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
  resource: string;
  path: Array<string | number>;
  /** Stable identity across line moves: hash of rule id, resource address and attribute path. */
  fingerprint: string;
}

/** Every (rule, resource) pair a rule applied to: the population an auditor needs. */
export interface RuleEvaluation {
  ruleId: string;
  resource: string;
  file: string;
  status: ResultStatus;
  reason?: string;
}

export interface ScanResult {
  root: string;
  filesFound: number;
  filesScanned: string[];
  skipped: SkippedFile[];
  errors: FileError[];
  findings: Finding[];
  evaluations: RuleEvaluation[];
  catalog: Catalog;
}
