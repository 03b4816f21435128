// waivers: accountable exceptions. A waiver names a rule and a target (a block or attribute in a
// file, or rule/resource/path patterns in the configuration), carries a reason, an approver or
// ticket and an expiry. Every waiver ends in one state, reported in the summary and the evidence:
//   applied   it matched findings, which are waived (no longer failing, still listed)
//   expired   past its expiry: the findings it matches stand, marked as an expired waiver
//   rejected  no reason given (or malformed): the findings stand, with the note why
//   stale     it matched nothing
import { globMatcher, globProblem, matchesEveryRule, ruleMatches, wildcardMatcher } from '../util/patterns.js';
import type { Finding, RuleEvaluation } from '../model/types.js';
import type { Waiver, WaiverRecord, WaiverStatus } from '../model/waivers.js';

/** A waiver's rule pattern covers a finding when it names its result id or its rule id. */
function coversRule(pattern: string, f: Finding): boolean {
  return ruleMatches(pattern, f.id) || ruleMatches(pattern, f.ruleId);
}

function targetMatches(w: Waiver, f: Finding): boolean {
  if (w.source !== 'config') {
    if (!w.file || !w.target || f.file !== w.file) return false;
    return f.range.startLine >= w.target.startLine && f.range.startLine <= w.target.endLine;
  }
  if (w.path && (globProblem(w.path) !== undefined || !globMatcher(w.path)(f.file))) return false;
  // Resource patterns match addresses, where "." and "[" are ordinary characters.
  if (w.resource && !wildcardMatcher(w.resource)(f.resource)) return false;
  return true;
}

export function isValidDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The day (UTC, YYYY-MM-DD) a waiver is judged on. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

let waiverOrder: Intl.Collator | undefined;

/** The order waivers are applied and reported in: by id (source:file:line:rule), numbers by value
 * (line 3 before line 21), in English collation named explicitly, so the same on every machine. The
 * collator is made on first use: building ICU's collation costs some 7 ms, which only a scan with
 * waivers pays. */
export function compareWaiverIds(a: { id: string }, b: { id: string }): number {
  return a.id === b.id ? 0 : (waiverOrder ??= new Intl.Collator('en', { numeric: true })).compare(a.id, b.id);
}

export interface WaiverOutcome {
  findings: Finding[];
  evaluations: RuleEvaluation[];
  records: WaiverRecord[];
}

/**
 * Apply waivers to findings. A finding is waived by the first applicable waiver (in id order);
 * evaluations of waived (rule, resource) pairs whose every finding is waived become "waived".
 */
export function applyWaivers(findings: Finding[], evaluations: RuleEvaluation[], waivers: Waiver[], now: Date): WaiverOutcome {
  const day = today(now);
  const ordered = [...waivers].sort(compareWaiverIds);
  const records: WaiverRecord[] = ordered.map((w) => {
    let status: WaiverStatus = 'stale';
    let note: string | undefined;
    const imported = w.source !== 'inline' && w.source !== 'config';
    if (w.problem?.startsWith('no Controlgate rule is equivalent')) {
      note = w.problem; // stays stale: it can match nothing
    } else if (w.problem) {
      status = 'rejected';
      note = w.problem;
    } else if (w.path && globProblem(w.path)) {
      status = 'rejected';
      note = `path: ${globProblem(w.path)}`;
    } else if (matchesEveryRule(w.rule)) {
      status = 'rejected';
      note = `"${w.rule}" matches every rule: a waiver names the rules it excepts`;
    } else if (!w.reason?.trim() && !imported) {
      status = 'rejected';
      note = 'no reason given: a waiver must say why';
    } else if (w.expires && w.expires < day) {
      status = 'expired';
      note = `expired on ${w.expires}`;
    }
    if (imported && !w.reason?.trim() && status !== 'rejected') note = `imported ${w.source} suppression${w.peerId ? ` of ${w.peerId}` : ''} without a reason`;
    return { ...w, status, matched: [], ...(note ? { note } : {}) };
  });

  const out = findings.map((f) => {
    let waiver: Finding['waiver'];
    for (const rec of records) {
      if (!coversRule(rec.rule, f) || !targetMatches(rec, f)) continue;
      rec.matched.push(f.fingerprint);
      if (rec.status === 'rejected') continue; // the finding stands; the record says why
      if (rec.status === 'expired') {
        waiver ??= { id: rec.id, status: 'expired', reason: rec.reason ?? '', ...(rec.expires ? { expires: rec.expires } : {}) };
        continue;
      }
      rec.status = 'applied';
      waiver = {
        id: rec.id,
        status: 'applied',
        reason: rec.reason ?? '',
        ...(rec.expires ? { expires: rec.expires } : {}),
        ...(rec.approver ?? rec.ticket ? { approver: rec.approver ?? rec.ticket } : {}),
      };
      break;
    }
    return waiver ? { ...f, waiver } : f;
  });
  for (const rec of records) {
    rec.matched.sort();
    if (rec.status === 'expired' && !rec.matched.length) rec.note = `${rec.note}; it matches nothing now`;
  }

  // A (rule, resource) pair is waived when it failed and every finding of it is waived. Only pairs
  // with a waived finding are counted (a key for every finding was ~15 MB at 50,000 files).
  const pairOf = (f: { ruleId: string; file: string; resource: string }): string => `${f.ruleId}\u0000${f.file}\u0000${f.resource}`;
  const waivedPairs = new Map<string, { all: number; waived: number }>();
  for (const f of out) if (f.waiver?.status === 'applied') waivedPairs.set(pairOf(f), { all: 0, waived: 0 });
  if (waivedPairs.size) {
    for (const f of out) {
      const n = waivedPairs.get(pairOf(f));
      if (!n) continue;
      n.all++;
      if (f.waiver?.status === 'applied') n.waived++;
    }
  }
  const evals = waivedPairs.size
    ? evaluations.map((e) => {
        if (e.status !== 'failed') return e;
        const n = waivedPairs.get(pairOf(e));
        return n && n.all === n.waived ? { ...e, status: 'waived' as const } : e;
      })
    : evaluations;
  return { findings: out, evaluations: evals, records };
}

/** Findings that still count: not waived. */
export function activeFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.waiver?.status !== 'applied');
}
