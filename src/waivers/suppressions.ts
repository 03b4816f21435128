// Other scanners' inline suppressions, honoured for the rules that are equivalent to ours (each
// rule's METADATA lists its peers' check ids in `equivalents`; docs/equivalents.md publishes them):
//   #checkov:skip=CKV_AWS_79:reason          anywhere in the resource block -> the whole block
//   #ts:skip=AC_AWS_0479 reason              (Terrascan) anywhere in the block -> the whole block
//   #tfsec:ignore:AVD-AWS-0028[:exp:2027-01-31]   before a block or attribute, or trailing
//   #trivy:ignore:AVD-AWS-0028[:exp:2027-01-31]   likewise
// A suppression whose id has no equivalent rule is reported as stale, with that reason.
import type { RuleMeta } from '../model/types.js';
import type { WaiverSource } from '../model/waivers.js';
import { isValidDate } from './waivers.js';
import type { DirectiveParser, WaiverDirective } from './inline.js';
import { pushAt } from '../util/multimap.js';

export type PeerScanner = 'checkov' | 'tfsec' | 'trivy' | 'terrascan';

/** Peer check id (upper-cased) -> our rule ids. */
export function equivalenceMap(rules: RuleMeta[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rules) {
    for (const eq of r.equivalents) {
      const k = eq.trim().toUpperCase();
      pushAt(map, k, r.id);
    }
  }
  return map;
}

const PATTERNS: Record<PeerScanner, RegExp> = {
  checkov: /^\s*checkov:skip=([A-Za-z0-9_]+)(?::\s*(.*))?$/,
  terrascan: /^\s*ts:skip=\s*([A-Za-z0-9_.-]+)(?:\s+(.*))?$/,
  tfsec: /^\s*tfsec:ignore:([A-Za-z0-9_-]+)((?::[a-z]+:[^:\s]+)*)\s*$/,
  trivy: /^\s*trivy:ignore:([A-Za-z0-9_-]+)((?::[a-z]+:[^:\s]+)*)\s*$/,
};

/** A directive parser for one peer scanner's comments. */
export function peerDirectives(scanner: PeerScanner, equivalents: Map<string, string[]>): DirectiveParser {
  const source: WaiverSource = scanner;
  return (comment) => {
    const m = PATTERNS[scanner].exec(comment);
    if (!m) return [];
    const peerId = m[1]!;
    const base: Omit<WaiverDirective, 'rule'> = { source, peerId, wholeBlock: scanner === 'checkov' || scanner === 'terrascan' };
    if ((scanner === 'checkov' || scanner === 'terrascan') && m[2]?.trim()) base.reason = m[2].trim();
    if (scanner === 'tfsec' || scanner === 'trivy') {
      const exp = /:exp:([^:\s]+)/.exec(m[2] ?? '');
      if (exp) {
        base.expires = exp[1]!;
        if (!isValidDate(exp[1]!)) base.problem = `exp must be a date YYYY-MM-DD (got "${exp[1]}")`;
      }
    }
    const ours = equivalents.get(peerId.toUpperCase());
    if (!ours) return [{ ...base, rule: peerId, unmapped: true }];
    return ours.map((rule) => ({ ...base, rule }));
  };
}
