// controls: the configuration's rule settings applied to mapped results: disabled rules removed
// (findings and evaluations alike: a disabled rule did not run), severities overridden.
import type { Finding, RuleEvaluation, Severity } from '../model/types.js';
import { ruleMatches } from '../util/patterns.js';


export interface RuleSettings {
  disabled: string[];
  severity: Record<string, Severity>;
}

export function applyRuleSettings(findings: Finding[], evaluations: RuleEvaluation[], s: RuleSettings): { findings: Finding[]; evaluations: RuleEvaluation[] } {
  const off = (id: string): boolean => s.disabled.some((p) => ruleMatches(p, id));
  // An override names a result exactly: VMH-AWS-001 (the main result) or VMH-AWS-001/hop-limit.
  const severityFor = (f: Finding): Severity => s.severity[f.id] ?? f.severity;
  return {
    findings: findings.filter((f) => !off(f.id)).map((f) => {
      const sev = severityFor(f);
      return sev === f.severity ? f : { ...f, severity: sev };
    }),
    evaluations: evaluations.filter((e) => !off(e.ruleId)),
  };
}
