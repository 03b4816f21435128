// What a pull request's configuration loosens against its base: rules disabled, severities or fail-on
// lowered, paths excluded or the include list narrowed, scope narrowed, the file-size limit lowered,
// peer suppressions switched on, policy bundles dropped, waivers added (central, and inline ones on
// lines the pull request added, with the commit author). Pure: the caller loads both configurations
// and finds the authors. Shown in the job summary and recorded in the evidence, in every mode.
import path from 'node:path';
import type { Severity } from '../model/types.js';
import { severityRank } from '../model/types.js';
import { DEFAULTS } from './settings.js';
import { DEFAULT_PARSE_OPTIONS } from '../parse/parse.js';
import { readConfigFile, type Config, type ConfigFile, type ScopeMode } from './config.js';
import type { WaiverRecord } from '../model/waivers.js';
import type { RuleMeta } from '../model/types.js';
import type { RunPolicy } from './trusted.js';
import type { FailOn } from '../model/verdict.js';

export type PolicyChangeKind =
  | 'rule-disabled'
  | 'severity-lowered'
  | 'fail-on-lowered'
  | 'path-excluded'
  | 'include-narrowed'
  | 'scope-narrowed'
  | 'max-file-bytes-lowered'
  | 'suppressions-enabled'
  | 'bundle-removed'
  | 'waiver-added';

export interface PolicyChange {
  kind: PolicyChangeKind;
  /** What changed, in words: "rules.disable: * (every rule)". */
  detail: string;
  /** Where: the configuration file or the waiver's file, relative to the repository. */
  file?: string;
  line?: number;
  /** Inline waivers: who committed the line, and in which commit. */
  author?: string;
  commit?: string;
}

export interface PolicyChanges {
  /** The base the head was compared with (a commit id), or undefined when it could not be read. */
  base?: string;
  /** Whether the pull request's configuration is the one applied ("head") or the base's ("base"). */
  trusted: 'head' | 'base';
  changes: PolicyChange[];
  /** Why the comparison could not be made, when it could not. */
  note?: string;
}

const FAIL_ON_RANK = (s: FailOn): number => (s === 'never' ? 99 : severityRank(s));
const SCOPE_RANK: Record<ScopeMode, number> = { 'changed-lines': 0, 'changed-files': 1, all: 2 };

export interface CompareOptions {
  /** A rule's (or sub-result's) severity in the catalog, for overrides the base did not have. */
  catalogSeverity: (id: string) => Severity | undefined;
  /** Repository-relative form of a path of the base's configuration and of the head's. */
  baseRel: (abs: string) => string;
  headRel: (abs: string) => string;
}

const list = (xs: string[]): string => xs.join(', ');
const waiverKey = (w: { rule: string; resource?: string; path?: string; reason?: string; expires?: string; approver?: string; ticket?: string }): string =>
  JSON.stringify([w.rule, w.resource ?? '', w.path ?? '', w.reason ?? '', w.expires ?? '', w.approver ?? '', w.ticket ?? '']);

/** Every way `head` is looser than `base` (configuration only; inline waivers: `addedInlineWaivers`). */
export function configLoosenings(base: Config, head: Config, o: CompareOptions): PolicyChange[] {
  const out: PolicyChange[] = [];
  // The file of the head's chain that sets what changed: the last one (the run's own file first).
  const chain = [...head.files].reverse().map((f) => ({ file: o.headRel(f), doc: readConfigFile(f) }));
  const from = (sets: (f: ConfigFile) => boolean): { file?: string } => {
    const hit = chain.find((c) => sets(c.doc));
    return hit ? { file: hit.file } : {};
  };
  for (const r of head.disabled.filter((x) => !base.disabled.includes(x))) {
    out.push({ kind: 'rule-disabled', detail: `rules.disable: ${r}${/^[*?/-]*$/.test(r) ? ' (every rule)' : ''}`, ...from((f) => f.rules?.disable?.includes(r) ?? false) });
  }
  for (const [id, sev] of Object.entries(head.severity)) {
    const before = base.severity[id] ?? o.catalogSeverity(id);
    if (before && severityRank(sev) < severityRank(before)) out.push({ kind: 'severity-lowered', detail: `rules.severity.${id}: ${before} -> ${sev}`, ...from((f) => f.rules?.severity?.[id] !== undefined) });
  }
  const at = from(() => true);
  const failBase = base.failOn ?? DEFAULTS.failOn;
  const failHead = head.failOn ?? DEFAULTS.failOn;
  if (FAIL_ON_RANK(failHead) > FAIL_ON_RANK(failBase)) out.push({ kind: 'fail-on-lowered', detail: `fail-on: ${failBase} -> ${failHead}`, ...from((f) => f['fail-on'] !== undefined) });
  for (const x of head.exclude.filter((p) => !base.exclude.includes(p))) out.push({ kind: 'path-excluded', detail: `paths.exclude: ${x}`, ...from((f) => f.paths?.exclude?.includes(x) ?? false) });
  if (head.include) {
    // Narrowed when an entry of the base's list (or, without one, everything) is no longer included.
    const dropped = base.include ? base.include.filter((p) => !head.include!.includes(p)) : ['(everything)'];
    if (dropped.length) out.push({ kind: 'include-narrowed', detail: `paths.include: ${list(base.include ?? ['(everything)'])} -> ${list(head.include)}`, ...from((f) => f.paths?.include !== undefined) });
  }
  if (head.scope && SCOPE_RANK[head.scope] < SCOPE_RANK[base.scope ?? 'all']) out.push({ kind: 'scope-narrowed', detail: `scope: ${base.scope ?? '(default)'} -> ${head.scope}`, ...from((f) => f.scope !== undefined) });
  const maxBase = base.maxFileBytes ?? DEFAULT_PARSE_OPTIONS.maxFileBytes; // lower: more files skipped unread
  if (head.maxFileBytes !== undefined && head.maxFileBytes < maxBase) out.push({ kind: 'max-file-bytes-lowered', detail: `max-file-bytes: ${maxBase} -> ${head.maxFileBytes}`, ...from((f) => f['max-file-bytes'] !== undefined) });
  for (const [k, on] of Object.entries(head.suppressions) as Array<[keyof Config['suppressions'], boolean]>) {
    if (on && !base.suppressions[k]) out.push({ kind: 'suppressions-enabled', detail: `suppressions.${k}: false -> true (its comments now waive findings)`, ...from((f) => f.suppressions?.[k] !== undefined) });
  }
  const headBundles = head.policyBundles.map(o.headRel);
  for (const b of base.policyBundles.map(o.baseRel).filter((x) => !headBundles.includes(x))) out.push({ kind: 'bundle-removed', detail: `policy-bundles: ${b} no longer loaded`, ...at });
  const baseWaivers = new Set(base.waivers.map(waiverKey));
  head.waivers.forEach((w) => {
    if (baseWaivers.has(waiverKey(w))) return;
    const where = [w.resource ? `resource ${w.resource}` : '', w.path ? `path ${w.path}` : ''].filter(Boolean).join(', ');
    out.push({ kind: 'waiver-added', detail: `waiver of ${w.rule}${where ? ` (${where})` : ''}: ${w.reason ?? '(no reason)'}${w.expires ? `, expires ${w.expires}` : ''}`, ...from((f) => (f.waivers ?? []).some((x) => waiverKey(x) === waiverKey(w))) });
  });
  return out;
}

/** Inline waivers (ours and imported suppressions) whose comment is on a line the pull request added or changed. */
export function addedInlineWaivers(
  waivers: WaiverRecord[],
  added: (file: string, line: number) => boolean,
  authorOf: (file: string, line: number) => { author?: string; commit?: string },
): PolicyChange[] {
  return waivers
    .filter((w) => w.source !== 'config' && w.file !== undefined && w.line !== undefined && added(w.file, w.line))
    .map((w) => ({
      kind: 'waiver-added' as const,
      detail: `${w.source === 'inline' ? 'inline waiver' : `${w.source} suppression`} of ${w.rule} (${w.status})${w.reason ? `: ${w.reason}` : ''}`,
      file: w.file!,
      line: w.line!,
      ...authorOf(w.file!, w.line!),
    }));
}

/** A path of a configuration, relative to the folder it was loaded from, POSIX separators. */
export function relativeTo(root: string): (abs: string) => string {
  return (abs) => path.relative(root, abs).split(path.sep).join('/');
}

/**
 * The policy-changes record of a run: the working tree's configuration against the base's, and the
 * inline waivers on added lines. `added`: whether a line of a file (repository-relative) is one the
 * pull request added; `authorOf`: who committed it.
 */
export function policyChangesFor(
  run: RunPolicy,
  r: { catalog: { rules: RuleMeta[] }; waivers: WaiverRecord[] },
  added: ((file: string, line: number) => boolean) | undefined,
  authorOf: (file: string, line: number) => { author?: string; commit?: string },
): PolicyChanges {
  const note = run.notes.join(' ') || undefined;
  if (!run.base) return { trusted: run.trusted, changes: [], ...(note ? { note } : {}) };
  const severity = new Map(r.catalog.rules.map((m) => [m.id, m.severity]));
  const catalogSeverity = (id: string): Severity | undefined => severity.get(id) ?? severity.get(id.split('/')[0]!);
  const config = run.head
    ? configLoosenings(run.base.config, run.head.config, { catalogSeverity, baseRel: run.base.rel, headRel: run.head.rel })
    : [];
  const inline = added ? addedInlineWaivers(r.waivers, added, authorOf) : [];
  return { base: run.base.sha, trusted: run.trusted, changes: [...config, ...inline], ...(note ? { note } : {}) };
}
