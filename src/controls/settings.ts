// controls: the configuration's rule settings applied to mapped results: disabled rules removed
// (findings and evaluations alike: a disabled rule did not run), severities overridden.
import type { Finding, RuleEvaluation, Severity } from '../model/types.js';
import { ruleMatches } from '../util/patterns.js';


export interface RuleSettings {
  disabled: string[];
  severity: Record<string, Severity>;
  /** When set (CLI --check), only rules matching one of these ids or globs run. */
  only?: string[];
}

/** Whether --check patterns select a result id, or (for an evaluation) a rule: a rule runs when a
 * pattern names it or one of its results (VMH-AWS-001/hop-limit keeps VMH-AWS-001 evaluated). */
function selected(only: string[], id: string, isRule: boolean): boolean {
  return only.some((p) => ruleMatches(p, id) || (isRule && !/[*?]/.test(p) && p.split('/')[0] === id));
}

export function applyRuleSettings(findings: Finding[], evaluations: RuleEvaluation[], s: RuleSettings): { findings: Finding[]; evaluations: RuleEvaluation[] } {
  const off = switchedOff(s);
  // An override names a result exactly: VMH-AWS-001 (the main result) or VMH-AWS-001/hop-limit.
  const severityFor = (f: Finding): Severity => s.severity[f.id] ?? f.severity;
  return {
    findings: findings.filter((f) => !off(f.id)).map((f) => {
      const sev = severityFor(f);
      return sev === f.severity ? f : { ...f, severity: sev };
    }),
    evaluations: evaluations.filter((e) => !off(e.ruleId, true)),
  };
}

/** Whether a result id (VMH-AWS-001, VMH-AWS-001/hop-limit) or, with isRule, a rule's checks are switched off. */
function switchedOff(s: RuleSettings): (id: string, isRule?: boolean) => boolean {
  return (id, isRule = false) => s.disabled.some((p) => ruleMatches(p, id)) || (s.only !== undefined && !selected(s.only, id, isRule));
}

/** Whether the checks of a rule (by id) are switched off: what applyRuleSettings drops of the evaluations. */
export function ruleSwitchedOff(s: RuleSettings): (ruleId: string) => boolean {
  const off = switchedOff(s);
  return (ruleId) => off(ruleId, true);
}
