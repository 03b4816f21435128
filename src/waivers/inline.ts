// Inline waivers written as comments in Terraform and Packer files:
//   # controlgate:ignore VMH-AWS-001 reason="legacy AMI, replaced in Q3" expires=2027-03-31 approver="jane"
// On its own line before a block or an attribute, the waiver covers that block or attribute; as a
// trailing comment, the block or attribute on its line; on a line inside a block that no block or
// attribute follows, the enclosing block. Other scanners' suppressions (checkov, tfsec, trivy,
// terrascan) are read by the same machinery (see suppressions.ts).
import type { SourceRange } from '../model/types.js';
import type { Comment, LocationIndex } from '../model/locations.js';
import type { Waiver, WaiverSource } from '../model/waivers.js';
import { isValidDate } from './waivers.js';

export interface WaiverDirective {
  source: WaiverSource;
  rule: string;
  /** The other scanner's check id, for imported suppressions. */
  peerId?: string;
  /** Imported suppression whose id has no equivalent rule: reported as stale. */
  unmapped?: boolean;
  /** Applies to the whole block the comment sits in (Checkov, Terrascan), not the next line. */
  wholeBlock?: boolean;
  reason?: string;
  expires?: string;
  approver?: string;
  ticket?: string;
  problem?: string;
}

const OURS = /^\s*controlgate:ignore\b\s*(.*)$/;

/** key=value and key="quoted value" pairs. */
export function parseArgs(s: string): { words: string[]; pairs: Record<string, string> } {
  const words: string[] = [];
  const pairs: Record<string, string> = {};
  for (const m of s.matchAll(/([A-Za-z_-]+)=(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))|(\S+)/g)) {
    if (m[1]) pairs[m[1].toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1');
    else if (m[5]) words.push(m[5]);
  }
  return { words, pairs };
}

/** A rule id or a sub-result id as written in an inline waiver (VMH-AWS-001, VMH-AWS-001/hop-limit): no wildcard. */
const RULE_ID = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)+(?:\/[a-z0-9-]+)?$/;

/** Why an inline waiver's rule cannot stand: it must name rule ids, never a pattern. */
function ruleProblem(rule: string): string | undefined {
  if (!rule) return 'no rule id after controlgate:ignore';
  if (/[*?]/.test(rule)) return `an inline waiver names rule ids (like VMH-AWS-001), not a pattern: "${rule}" is rejected`;
  if (!RULE_ID.test(rule)) return `"${rule}" is not a rule id (like VMH-AWS-001 or VMH-AWS-001/hop-limit)`;
  return undefined;
}

/**
 * Our own directives: "controlgate:ignore <RULE>[,<RULE>...] reason=... expires=... approver=...
 * ticket=...", one per rule named.
 */
export function parseOwnDirectives(comment: string): WaiverDirective[] {
  const m = OURS.exec(comment);
  if (!m) return [];
  const { words, pairs } = parseArgs(m[1] ?? '');
  const rules = (words[0] ?? '').split(',').filter(Boolean);
  return (rules.length ? rules : ['']).map((rule) => {
    const d: WaiverDirective = { source: 'inline', rule };
    if (pairs.reason !== undefined) d.reason = pairs.reason;
    if (pairs.approver !== undefined) d.approver = pairs.approver;
    if (pairs.ticket !== undefined) d.ticket = pairs.ticket;
    if (pairs.expires !== undefined) d.expires = pairs.expires;
    const problem = ruleProblem(rule) ?? (d.expires !== undefined && !isValidDate(d.expires) ? `expires must be a date YYYY-MM-DD (got "${d.expires}")` : undefined);
    if (problem) d.problem = problem;
    return d;
  });
}

export type DirectiveParser = (comment: string) => WaiverDirective[];

/**
 * The lines a directive on `comment` covers: the block or attribute starting on the next line that
 * holds code (or on the comment's own line when it trails code), else the innermost block around it.
 */
export function targetOf(comment: Comment, locations: LocationIndex, wholeBlock = false): SourceRange | undefined {
  let best: SourceRange | undefined;
  if (wholeBlock) {
    // The outermost block around the comment; before any block, the one that follows.
    for (const r of locations.ranges()) {
      if (r.startLine <= comment.line && comment.line <= r.endLine && (!best || r.endLine - r.startLine > best.endLine - best.startLine)) best = r;
    }
    if (best) return best;
  }
  const n = comment.trailing ? comment.line : comment.nextCodeLine;
  if (n !== undefined) {
    for (const r of locations.ranges()) {
      if (r.startLine === n && (!best || r.endLine - r.startLine > best.endLine - best.startLine)) best = r;
    }
  }
  if (best) return best;
  for (const r of locations.ranges()) {
    if (r.startLine < comment.line && comment.line <= r.endLine && (!best || r.endLine - r.startLine < best.endLine - best.startLine)) best = r;
  }
  return best;
}

/** Words every directive contains: a file without any has no waiver, and its comments are not read. */
const MARKERS = /controlgate:ignore|checkov:skip|tfsec:ignore|trivy:ignore|ts:skip/;

/**
 * All waiver directives in an HCL file, with the lines each covers. `locations` is the file's index
 * from the parse of `text`: it holds the comments (where they are, whether code precedes them, where
 * code follows).
 */
export function inlineWaivers(file: string, text: string, locations: LocationIndex, parsers: DirectiveParser[]): Waiver[] {
  if (!MARKERS.test(text)) return [];
  const out: Waiver[] = [];
  for (const c of locations.comments(text)) {
    for (const d of parsers.flatMap((p) => p(c.text))) {
      const target = targetOf(c, locations, d.wholeBlock);
      const w: Waiver = { id: `${d.source}:${file}:${c.line}:${d.rule}`, source: d.source, rule: d.rule, file, line: c.line };
      if (d.peerId) w.peerId = d.peerId;
      if (d.unmapped) w.problem = `no Controlgate rule is equivalent to ${d.source} check ${d.peerId}`;
      if (d.reason !== undefined) w.reason = d.reason;
      if (d.expires !== undefined) w.expires = d.expires;
      if (d.approver !== undefined) w.approver = d.approver;
      if (d.ticket !== undefined) w.ticket = d.ticket;
      if (d.problem) w.problem = d.problem;
      if (target) w.target = target;
      else w.problem ??= 'not placed before or inside a block or attribute';
      out.push(w);
    }
  }
  return out;
}

export const ownDirectives: DirectiveParser = parseOwnDirectives;
