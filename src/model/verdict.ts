// The verdict of a run: what fails it, decided once (src/engine/scan.ts runPipeline calls verdictOf) and mapped by
// the action and the CLI to their outcome and exit code. `controlgate merge` and `evidence verify`
// judge the results they rebuild with the same function.
import { severityRank, type Finding, type ScanResult, type Severity } from './types.js';
import { EXIT, type ExitCode } from '../errors.js';

/** The severity at or above which an unwaived finding fails the run; never: none does. */
export type FailOn = Severity | 'never';

/** Findings that fail the run: at or above fail-on and not waived. */
export function failingFindings(findings: Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => f.waiver?.status !== 'applied' && severityRank(f.severity) >= severityRank(failOn));
}

/** The usage errors a finished scan stops on: its input problems, unless the user allowed an empty run. */
export function usageErrorsOf(r: Pick<ScanResult, 'inputProblems'>, allowEmpty: boolean): string[] {
  return allowEmpty ? [] : (r.inputProblems ?? []);
}

export interface Verdict {
  failOn: FailOn;
  /** The findings that fail the run: in scope, at or above fail-on, not waived. */
  failing: Finding[];
  /** Files that could not be scanned: they fail the run too. */
  fileErrors: number;
  /** Why the run checked nothing it was asked to (see usageErrorsOf): it stops as a usage error. */
  usageErrors: string[];
  /** Failing findings, file errors or usage errors. */
  failed: boolean;
  /** EXIT.usage on usage errors, else EXIT.findings when failed, else EXIT.ok (README: "Exit codes"). */
  exitCode: ExitCode;
}

export interface VerdictOptions {
  failOn: FailOn;
  /** Fingerprints of the findings the run answers for (a pull request's scope); absent: all. */
  inScope?: ReadonlySet<string>;
  allowEmpty?: boolean;
  /** Every finding is accepted (--create-baseline records them): none fails this run. */
  acceptFindings?: boolean;
}

export function verdictOf(r: Pick<ScanResult, 'findings' | 'errors' | 'inputProblems'>, o: VerdictOptions): Verdict {
  const inScope = o.inScope;
  const scoped = inScope ? r.findings.filter((f) => inScope.has(f.fingerprint)) : r.findings;
  const failing = o.acceptFindings ? [] : failingFindings(scoped, o.failOn);
  const usageErrors = usageErrorsOf(r, o.allowEmpty === true);
  const failed = failing.length > 0 || r.errors.length > 0 || usageErrors.length > 0;
  return {
    failOn: o.failOn,
    failing,
    fileErrors: r.errors.length,
    usageErrors,
    failed,
    exitCode: usageErrors.length ? EXIT.usage : failed ? EXIT.findings : EXIT.ok,
  };
}
