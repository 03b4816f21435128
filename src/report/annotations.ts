// report: findings -> workflow-command annotations. GitHub keeps only about ten annotations per level
// per step and drops the rest silently, so we choose which to emit (most severe first) and say how
// many were left out. Pure: the action passes the plan to @actions/core.
import type { FileError, Finding, Severity } from '../model/types.js';
import { severityRank } from '../model/types.js';
import { safeText } from '../util/escape.js';
import { coverLine, instancesLine } from './sarif.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  file: string;
  startLine: number;
  endLine: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Annotations left out to stay within GitHub's limits (in-scope findings and file errors; waived findings are never annotated). */
  omitted: number;
  /** Fingerprints of the in-scope findings that were not annotated because of the limits. */
  omittedFingerprints: Set<string>;
}

export interface PlanOptions {
  /** Fingerprints of findings on changed lines: annotated first within a severity. */
  changed?: Set<string>;
  /** Fingerprints of the findings in scope; findings outside it are not annotated. Absent: all are. */
  inScope?: Set<string>;
  perLevel?: number;
  perStep?: number;
  /** Frameworks whose ids the message lists (default: ISO/IEC 27017, ISO/IEC 27002:2022, SOC 2). */
  frameworks?: Array<'iso27017' | 'iso27002' | 'soc2' | 'cis' | 'nist'>;
}

const FRAMEWORK_LABEL = { iso27017: 'ISO/IEC 27017', iso27002: 'ISO/IEC 27002:2022', soc2: 'SOC 2', cis: 'CIS', nist: 'NIST SP 800-53' } as const;

export const ANNOTATIONS_PER_LEVEL = 10;
const MAX_TITLE = 255;
const MAX_MESSAGE = 4000;

export function levelFor(s: Severity): AnnotationLevel {
  if (s === 'critical' || s === 'high') return 'error';
  if (s === 'medium') return 'warning';
  return 'notice';
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export function findingAnnotation(f: Finding, frameworks: NonNullable<PlanOptions['frameworks']> = ['iso27017', 'iso27002', 'soc2']): Annotation {
  const crosswalk = frameworks.filter((fw) => f.controls[fw].length).map((fw) => `${FRAMEWORK_LABEL[fw]} ${f.controls[fw].join(', ')}`);
  return {
    level: levelFor(f.severity),
    // Titles are one line; every piece of text from the scanned files goes through safeText.
    title: clip(safeText(`${f.id} · ${f.controls.iso27017[0] ?? ''} · ${f.severity}`), MAX_TITLE),
    message: clip(
      [
        safeText(f.message),
        `Resource: ${safeText(f.resource)}`,
        ...(f.instances ? [safeText(instancesLine(f.instances))] : []),
        ...(f.covers ?? []).map((c) => safeText(coverLine(c))),
        `Controls: ${crosswalk.join('; ')}`,
        `Fix: ${safeText(f.remediation)}`,
      ].join('\n'),
      MAX_MESSAGE,
    ),
    file: f.file,
    startLine: f.range.startLine,
    endLine: f.range.endLine,
  };
}

export function fileErrorAnnotation(e: FileError): Annotation {
  return {
    level: 'error',
    title: 'Controlgate: file not scanned',
    message: clip(safeText(e.message), MAX_MESSAGE),
    file: e.path,
    startLine: e.range.startLine,
    endLine: e.range.endLine,
  };
}

export const ANNOTATIONS_PER_JOB = 50;

/**
 * File errors first (a file we could not read is a gap in the control), then by severity, then
 * findings on changed lines before the others; at most `perLevel` per level and `perStep` in all.
 */
export function planAnnotations(findings: Finding[], errors: FileError[], opts: PlanOptions | number = {}): AnnotationPlan {
  const o: PlanOptions = typeof opts === 'number' ? { perLevel: opts } : opts;
  const perLevel = o.perLevel ?? ANNOTATIONS_PER_LEVEL;
  const perStep = o.perStep ?? ANNOTATIONS_PER_JOB;
  const changed = o.changed ?? new Set<string>();
  // A waived finding is an accepted exception, not a problem to fix: it is not annotated at all (the
  // summary, SARIF and evidence list it with its waiver) and takes no place in GitHub's limits.
  const candidates = findings.filter((f) => f.waiver?.status !== 'applied' && (!o.inScope || o.inScope.has(f.fingerprint)));
  const sorted = [...candidates].sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      Number(changed.has(b.fingerprint)) - Number(changed.has(a.fingerprint)),
  );
  const ordered: Array<{ a: Annotation; fp?: string }> = [
    ...errors.map((e) => ({ a: fileErrorAnnotation(e) })),
    ...sorted.map((f) => ({ a: findingAnnotation(f, o.frameworks), fp: f.fingerprint })),
  ];
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  const omittedFingerprints = new Set<string>();
  let omitted = 0;
  for (const { a, fp } of ordered) {
    if (used[a.level] >= perLevel || annotations.length >= perStep) {
      omitted++;
      if (fp) omittedFingerprints.add(fp);
      continue;
    }
    used[a.level]++;
    annotations.push(a);
  }
  return { annotations, omitted, omittedFingerprints };
}
