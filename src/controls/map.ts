// controls: policy outcomes -> findings and per-(rule, resource) evaluations, with wording, severity,
// crosswalk and source lines. Wording is made here, from the catalog, never in Rego.
import { createHash } from 'node:crypto';
import type { Outcome } from '../evaluate/engine.js';
import type { ControlRefs, Finding, RuleEvaluation, RuleMeta, SourceRange } from '../model/types.js';
import { severityRank } from '../model/types.js';
import { isExactNumber } from '../util/exact-number.js';
import type { CatalogIndex } from './catalog.js';
import { callChain, locateIn, originsAt, type EntityLocation, type PathOrigins } from '../model/entities.js';
import { pushAt } from '../util/multimap.js';
import { detached } from '../util/heap.js';
import { KeptValues } from './kept.js';
import { compareUtf8 } from '../util/byte-order.js';

export interface EntityInfo {
  /** Display address (aws_instance.web, source.amazon-ebs.ubuntu). */
  address: string;
  config: unknown;
  /** Resource type, Packer builder type or provider name: which cloud's benchmark a finding cites. */
  type?: string;
}

export interface MapContext {
  catalog: CatalogIndex;
  locator: Map<string, EntityLocation>;
  entities: Map<string, EntityInfo>;
  /** Applied to a configuration value before a message prints it (src/util/redaction.ts). */
  redactValue?: (v: unknown) => unknown;
  /** Leave messages empty and return their parts (Mapped.messages, in the order of the findings,
   * which are then not sorted): the caller renders them once every secret is known. */
  deferMessages?: boolean;
  /** Makes the copy of an entity's address that findings and checks keep (default: detached). A
   * caller that keeps the addresses elsewhere too passes a memo, so that each is kept once. */
  keptAddress?: (address: string) => string;
  /** One copy of each equal path, id and message parts for every group of a scan (src/controls/kept.ts);
   * default: one for this call. */
  kept?: KeptValues;
}

const MAX_VALUE_TEXT = 80;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUnknownValue = (v: unknown): v is { __unknown__: string } => isObj(v) && typeof v.__unknown__ === 'string';

/** A value as HCL writes it: strings quoted, an unknown as its expression, never the input's own JSON. */
function hclText(v: unknown): string {
  // A template the scanner could not evaluate reads as the string it is written as.
  if (isUnknownValue(v)) return /\$\{|%\{/.test(v.__unknown__) ? JSON.stringify(v.__unknown__) : v.__unknown__;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (isExactNumber(v)) return v.rawJSON;
  if (Array.isArray(v)) return `[${v.map(hclText).join(', ')}]`;
  if (isObj(v)) {
    const fields = Object.entries(v).map(([k, x]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${hclText(x)}`);
    return fields.length ? `{ ${fields.join(', ')} }` : '{}';
  }
  return String(v);
}

/** A short, single-line rendering of a configuration value for messages: redacted first (when a
 * redaction is given), then cut, so no part of a secret survives the cut. */
export function valueText(v: unknown, redactValue: (v: unknown) => unknown = (x) => x): string {
  const shown = redactValue(v);
  let s = hclText(shown);
  if (isUnknownValue(shown) && !s.startsWith('"')) s += ' (not known statically)';
  s = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return s.length > MAX_VALUE_TEXT ? `${s.slice(0, MAX_VALUE_TEXT - 1)}…` : s;
}

/** The value at path inside config (a single block may be indexed 0, as JSON syntax writes it bare). */
export function valueAt(config: unknown, path: Array<string | number>): unknown {
  let node: unknown = config;
  for (const seg of path) {
    if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : seg === 0 ? node : undefined;
    else node = isObj(node) && !isUnknownValue(node) ? node[seg] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** What was seen at an attribute, in words, when a rule names the attribute but not its value. */
export function seenText(v: unknown, redactValue?: (v: unknown) => unknown): string {
  return seenWords(v) ?? `is ${valueText(v, redactValue)}`;
}

/** seenText when it says what is there in words (nothing, blocks, an object), undefined when it prints the value. */
function seenWords(v: unknown): string | undefined {
  if (v === undefined || v === null) return 'is not set';
  if (Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && !isUnknownValue(x))) return v.length === 1 ? 'is set (1 block)' : `is set (${v.length} blocks)`;
  if (isObj(v) && !isUnknownValue(v)) return 'is set';
  if (Array.isArray(v) && v.length === 0) return 'is empty ([])';
  return undefined;
}

/**
 * Attribute path as a reader writes it: metadata_options.http_tokens, ingress[1].cidr_blocks.
 * A block index is shown only when the list holds more than one block.
 */
export function pathText(path: Array<string | number>, config: unknown): string {
  let out = '';
  let node: unknown = config;
  for (const seg of path) {
    if (typeof seg === 'number') {
      // A single block reads as a field (metadata_options.http_tokens); a list shows its index.
      const many = Array.isArray(node) && node.length > 1;
      if (many || (!Array.isArray(node) && seg !== 0)) out += `[${seg}]`;
      node = Array.isArray(node) ? node[seg] : undefined;
    } else {
      out += out ? `.${seg}` : seg;
      node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** The cloud a resource or builder type belongs to, by the names CIS benchmarks use for it. */
const CLOUD_NAMES: Array<{ test: RegExp; names: string[] }> = [
  { test: /^(aws_|aws$|amazon-|amazon$)/, names: ['AWS', 'EKS'] },
  { test: /^(azurerm_|azuread_|azapi_|azurerm$|azuread$|azapi$|azure-|azure$)/, names: ['Azure', 'AKS'] },
  { test: /^(google_|google-beta_|google$|google-beta$|googlecompute)/, names: ['GCP', 'GKE', 'Google'] },
];
const ALL_CLOUD_NAMES = new Set(CLOUD_NAMES.flatMap((c) => c.names));

/**
 * The CIS references that apply to a finding on an entity of this type: a benchmark naming only
 * other clouds is dropped (an AWS security group cites CIS AWS, not CIS Azure); one naming no cloud,
 * or an entity of no known cloud (Kubernetes, a shell provisioner), keeps every reference.
 */
export function cisFor(cis: string[], type: string | undefined): string[] {
  const own = type === undefined ? undefined : CLOUD_NAMES.find((c) => c.test.test(type));
  if (!own) return cis;
  return cis.filter((ref) => {
    const clouds = (/^CIS\s+(\S+)/.exec(ref)?.[1] ?? '').split('/').filter((n) => ALL_CLOUD_NAMES.has(n));
    return clouds.length === 0 || clouds.some((n) => own.names.includes(n));
  });
}

const controlsByType = new WeakMap<RuleMeta, Map<string | undefined, ControlRefs>>();

/** A rule's controls for an entity of this type (its CIS references by cloud, cisFor): one shared,
 * frozen object per rule and type, not one per finding (100,000 findings at 50,000 files). */
function controlsFor(meta: RuleMeta, type: string | undefined): ControlRefs {
  let byType = controlsByType.get(meta);
  if (!byType) controlsByType.set(meta, (byType = new Map()));
  let c = byType.get(type);
  if (!c) byType.set(type, (c = Object.freeze({ ...meta.controls, cis: Object.freeze(cisFor(meta.controls.cis, type)) as string[] })));
  return c;
}

/** Two results are about the same entry (one ingress block, one rule) when the block holding one
 * attribute holds or is held by the block holding the other. */
function sameEntry(a: Array<string | number>, b: Array<string | number>): boolean {
  const pa = a.slice(0, -1);
  const pb = b.slice(0, -1);
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  return short.every((s, i) => s === long[i]);
}

/** A finding's identity across runs: the first 16 bytes of a SHA-256, as hex (made from the bytes, not
 * cut from the whole digest's text, which the cut would keep alive for as long as the finding). */
export function fingerprint(id: string, file: string, resource: string, path: Array<string | number>): string {
  return createHash('sha256').update(JSON.stringify([id, file, resource, path])).digest().subarray(0, 16).toString('hex');
}

/**
 * A finding's message before redaction: its wording and the raw value it quotes (a scan made one
 * group at a time knows every secret only at the end: src/engine/stream.ts). Only the value is kept,
 * never the entity's configuration. A message without an attribute is its rule's own text (shared);
 * one that says in words what is there keeps the words, not the finished text (which would repeat
 * the rule's text in every finding).
 */
export type MessageParts =
  | string
  | { base: string; where: string; value: unknown; as: 'seen' | 'actual' }
  | { base: string; where: string; value: string; as: 'said' }
  | { base: string; where: string; value?: undefined; as: 'in' };

/** What a finding keeps until the end of a scan is kept flat: a string built with + is a tree of its
 * pieces (a message's text was five of them), 100,000 findings at 50,000 files. */
function messageParts(meta: RuleMeta, o: Outcome, config: unknown): MessageParts {
  const base = o.sub ? (meta.subresults[o.sub]?.message ?? meta.message) : meta.message;
  if (o.path.length === 0) return base;
  const where = detached(pathText(o.path, config));
  if (meta.secret) return { base, where, value: undefined, as: 'in' };
  // A rule that omits the value names the attribute: say what the configuration holds there.
  if (!o.hasActual) {
    const seen = valueAt(config, o.path);
    // Only a printed value needs the redaction: a block, a list of blocks or nothing is said in words.
    const words = seenWords(seen);
    return words === undefined ? { base, where, value: seen, as: 'seen' } : { base, where, value: words, as: 'said' };
  }
  return { base, where, value: o.actual, as: 'actual' };
}

/** The message, its quoted value redacted (when a redaction is given) before it is cut. */
export function renderMessage(p: MessageParts, redactValue?: (v: unknown) => unknown): string {
  if (typeof p === 'string') return p;
  switch (p.as) {
    case 'in':
      return `${p.base} (in ${p.where})`;
    case 'said':
      return `${p.base} (${p.where} ${p.value})`;
    case 'seen':
      return `${p.base} (${p.where} ${seenText(p.value, redactValue)})`;
    case 'actual':
      return `${p.base} (${p.where} is ${valueText(p.value, redactValue)})`;
  }
}

function messageFor(meta: RuleMeta, o: Outcome, config: unknown, redactValue?: (v: unknown) => unknown): string {
  return renderMessage(messageParts(meta, o, config), redactValue);
}

/** The file and lines a finding at path points to (an override file's, for what it wrote). */
function locate(loc: EntityLocation | undefined, path: Array<string | number>): { file: string; range: SourceRange } {
  if (!loc) return { file: '', range: { startLine: 1, endLine: 1 } };
  const hit = locateIn(loc, path);
  return { file: hit?.file ?? loc.file, range: hit ? { startLine: hit.range.startLine, endLine: hit.range.endLine } : { startLine: 1, endLine: 1 } };
}

/** The entity's own block (resource, source, build) in the finding's file, for diff-aware scope:
 * in an override file, the block there that overrides it. */
function blockRangeOf(loc: EntityLocation | undefined, file: string): { blockRange?: SourceRange } {
  if (!loc) return {};
  const layer = file === loc.file ? undefined : [...(loc.layers ?? [])].reverse().find((l) => l.file === file);
  const hit = layer ? layer.locations.resolve(layer.at) : loc.locations.resolve(loc.locPath);
  return hit?.exact ? { blockRange: { startLine: hit.range.startLine, endLine: hit.range.endLine } } : {};
}

export interface Mapped {
  findings: Finding[];
  evaluations: RuleEvaluation[];
  unmappedRules: string[];
  /** With deferMessages: each finding's message parts (same index). */
  messages?: MessageParts[];
}

/** Findings sorted by file, line, rule; evaluations give every (rule, resource) its status. */
export function mapOutcomes(outcomes: Outcome[], ctx: MapContext): Mapped {
  const findings: Finding[] = [];
  const messages: MessageParts[] | undefined = ctx.deferMessages ? [] : undefined;
  const unmapped = new Set<string>();
  const status = new Map<string, RuleEvaluation>();
  const key = (ruleId: string, res: string): string => `${ruleId}\u0000${res}`;

  // An entity's display address, flat (built with +, it is a tree of its pieces), once per entity:
  // findings and checks keep it to the end of a scan.
  const addresses = new Map<string, string>();
  const addressOf = (resource: string): string => {
    let a = addresses.get(resource);
    if (a === undefined) addresses.set(resource, (a = (ctx.keptAddress ?? detached)(ctx.entities.get(resource)?.address ?? resource)));
    return a;
  };
  const setStatus = (meta: RuleMeta, resource: string, s: RuleEvaluation['status'], reason?: string): void => {
    const k = key(meta.id, resource);
    const prev = status.get(k);
    const file = ctx.locator.get(resource)?.file ?? '';
    const rank: Record<RuleEvaluation['status'], number> = { passed: 0, not_evaluated: 1, waived: 2, failed: 3 };
    if (!prev || rank[s] > rank[prev.status]) {
      status.set(k, { ruleId: meta.id, resource: addressOf(resource), file, status: s, ...(reason ? { reason } : {}) });
    }
  };

  // Findings share equal line ranges (a block's findings all have its range as blockRange): one
  // object per pair of lines, not two per finding (issue #20). No stage changes a finding's range.
  const ranges = new Map<string, SourceRange>();
  const sharedRange = (r: SourceRange): SourceRange => {
    const k = `${r.startLine}:${r.endLine}`;
    const had = ranges.get(k);
    if (had) return had;
    ranges.set(k, r);
    return r;
  };
  const kept = ctx.kept ?? new KeptValues();
  const findingOf = (meta: RuleMeta, o: Outcome): Finding => {
    const loc = ctx.locator.get(o.resource);
    const entity = ctx.entities.get(o.resource);
    const id = o.sub ? kept.text(`${meta.id}/${o.sub}`) : meta.id;
    const severity = o.sub ? (meta.subresults[o.sub]?.severity ?? meta.severity) : meta.severity;
    const { file, range } = locate(loc, o.path);
    const block = blockRangeOf(loc, file).blockRange;
    const address = addressOf(o.resource);
    return {
      ruleId: meta.id,
      id,
      severity,
      title: meta.title,
      message: ctx.deferMessages ? '' : messageFor(meta, o, entity?.config, ctx.redactValue),
      remediation: meta.remediation,
      controls: controlsFor(meta, entity?.type),
      file,
      range: sharedRange(range),
      ...(block ? { blockRange: sharedRange(block) } : {}),
      resource: address,
      path: kept.path(o.path),
      fingerprint: fingerprint(id, file, address, o.path),
      ...(loc?.callSite ? { callSite: callChain(loc.callSite).at(-1)!, callChain: callChain(loc.callSite) } : {}),
      ...valueFrom(loc?.origins, o.path),
    };
  };
  for (const o of outcomes) {
    const meta = ctx.catalog.byPackage.get(o.rule);
    if (!meta) {
      unmapped.add(o.rule);
      continue;
    }
    if (o.kind === 'applies') {
      setStatus(meta, o.resource, 'passed');
      continue;
    }
    if (o.kind === 'unknown') {
      setStatus(meta, o.resource, 'not_evaluated', o.reason ? `depends on ${o.reason}` : 'depends on a value not known statically');
      continue;
    }
    findings.push({ ...findingOf(meta, o), ...(o.coveredBy ? { coveredBy: o.coveredBy } : {}) });
    if (messages) messages.push(kept.messageParts(messageParts(meta, o, ctx.entities.get(o.resource)?.config)));
    setStatus(meta, o.resource, 'failed');
  }

  const evaluations = [...status.values()].sort(compareEvaluations);
  if (messages) return { findings, evaluations, unmappedRules: [...unmapped].sort(), messages };
  findings.sort(compareFindings);
  return { findings, evaluations, unmappedRules: [...unmapped].sort() };
}

/** Findings on the same instance of the same entity share this key (owners are looked for among them). */
const instanceKey = (f: Finding): string => JSON.stringify([f.file, f.resource, f.callSite?.module ?? '', f.callSite?.file ?? '']);

/**
 * Overlapping rules: a result id and the result ids whose finding on the same entry (the same
 * ingress block, security rule, firewall allow block or disk) reports the same problem more exactly.
 * The owner is the finding that names the problem as it is: a rule opening every port or protocol to
 * the Internet is NET-MULTI-001's "all ports" finding (critical), the administration ports being
 * among them; a UDP rule that reaches RDP is NET-AZ-001's; an EBS volume holding restricted data that
 * is not encrypted at all is VMH-AWS-002's, its missing customer-managed key being a consequence.
 * Beside these, a policy may name the owner of one result (covered_by: NET-MULTI-001/high-risk-port
 * when the only risky ports are administration ports). The table must stay acyclic.
 */
export const COVERED_BY: Record<string, { by: string[]; same?: (a: Array<string | number>, b: Array<string | number>) => boolean }> = {
  'NET-AWS-001': { by: ['NET-MULTI-001'] },
  'NET-AZ-001': { by: ['NET-MULTI-001'] },
  'NET-GCP-001': { by: ['NET-MULTI-001'] },
  'NET-MULTI-001/udp': { by: ['NET-AZ-001'] },
  'VMH-AWS-005': { by: ['VMH-AWS-002'], same: (a, b) => volumeOf(a) === volumeOf(b) },
};

/** Which EBS volume of a resource a path is about: the root volume (its block, or the block left
 * out), one ebs_block_device / block_device_mappings entry, or the resource itself (a volume). */
function volumeOf(p: Array<string | number>): string {
  if (p.length >= 2 && typeof p[1] === 'number') return `${p[0]}[${p[1]}]`;
  if (p[0] === 'root_block_device') return 'root_block_device[0]';
  return p.length === 1 ? '' : String(p[0]);
}

/**
 * One problem, one finding: a broader rule's finding that a more specific rule's finding on the same
 * entry already reports (COVERED_BY, or coveredBy set by the policy) is recorded in that finding's
 * `covers` and not reported again. When the specific rule did not fire there (or is switched off),
 * or its finding is less severe (a severity override), the broader one stands.
 */
export function applyCoverage(findings: Finding[]): Finding[] {
  // Only what a rule can cover is looked at: the findings with an owner rule, and the findings of
  // their files, by instance. A copy and a key of every finding was ~30 MB of the end of a 50,000-file
  // scan (issue #20); a finding that neither covers nor is covered is passed on as it is.
  const coverable = (f: Finding): boolean => f.coveredBy !== undefined || COVERED_BY[f.id] !== undefined;
  const files = new Set<string>();
  for (const f of findings) if (coverable(f)) files.add(f.file);
  if (!files.size) return findings;
  // Owners are on the same instance: look only there, in the findings' order (a scan over every
  // finding for each covered one was quadratic: 4.8 of 35 s CPU at 20k files).
  const byInstance = new Map<string, number[]>();
  const keyAt = new Map<number, string>();
  findings.forEach((f, j) => {
    if (!files.has(f.file)) return;
    const k = instanceKey(f);
    keyAt.set(j, k);
    pushAt(byInstance, k, j);
  });
  const ownersOf = (i: number): number[] => {
    const f = findings[i]!;
    const byRule = f.coveredBy;
    const pair = COVERED_BY[f.id];
    if (byRule === undefined && !pair) return [];
    const owns = (g: Finding): boolean =>
      (g.ruleId === byRule || (pair !== undefined && pair.by.includes(g.id) && (pair.same ?? sameEntry)(g.path, f.path))) &&
      sameEntry(g.path, f.path) &&
      severityRank(g.severity) >= severityRank(f.severity);
    return byInstance.get(keyAt.get(i)!)!.filter((j) => j !== i && owns(findings[j]!));
  };
  // What changes is copied: a covered finding loses its coveredBy, an owner gains covers.
  const changed = new Map<number, Finding>();
  const copyOf = (i: number): Finding => {
    let c = changed.get(i);
    if (!c) {
      c = { ...findings[i]! };
      delete c.coveredBy;
      changed.set(i, c);
    }
    return c;
  };
  // A finding is dropped when one of its owners stands (an owner that is itself covered passes it on).
  const standing = new Map<number, boolean>();
  const stands = (i: number, seen: Set<number>): boolean => {
    const known = standing.get(i);
    if (known !== undefined) return known;
    if (seen.has(i)) return true;
    seen.add(i);
    const owner = ownersOf(i).find((j) => stands(j, seen));
    standing.set(i, owner === undefined);
    if (owner !== undefined) {
      const f = copyOf(i);
      const o = copyOf(owner);
      o.covers = [...(o.covers ?? []), { id: f.id, path: f.path, message: f.message }];
    }
    return owner === undefined;
  };
  findings.forEach((f, i) => {
    if (coverable(f)) stands(i, new Set());
  });
  const out: Finding[] = [];
  findings.forEach((f, i) => {
    if (standing.get(i) === false) return;
    out.push(f.coveredBy !== undefined ? copyOf(i) : (changed.get(i) ?? f));
  });
  return out;
}

/** An address without its instance keys: aws_instance.web[0] and module.app["a"].x.y[1] -> aws_instance.web, module.app.x.y. */
export function baseAddress(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[^\]"]*)\]/g, '');
}

/**
 * The same finding of every count / for_each / module instance made from one block is one problem on
 * one line: it is reported once, listing its instances. Findings differing in anything but the
 * instance key (message, waiver, severity, path, call site line) stay apart.
 */
export function groupInstances(findings: Finding[]): Finding[] {
  // Every member of a group is in one file (the key holds it). Findings come ordered by file, so the
  // groups are made one file at a time: the keys of every finding at once were ~25 MB at the end of a
  // 50,000-file scan (issue #20). Findings that are not in runs by file are grouped all at once.
  const runs: Finding[][] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const last = runs.at(-1);
    if (last && last[0]!.file === f.file) {
      last.push(f);
      continue;
    }
    if (seen.has(f.file)) return groupRun(findings);
    seen.add(f.file);
    runs.push([f]);
  }
  return runs.flatMap(groupRun);
}

function groupRun(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = JSON.stringify([
      f.id, f.severity, f.file, f.range.startLine, f.range.endLine, f.path, f.message, baseAddress(f.resource),
      f.callSite ? [f.callSite.file, f.callSite.line, baseAddress(f.callSite.module)] : null,
      f.waiver ? [f.waiver.id, f.waiver.status] : null,
    ]);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  return [...groups.values()].map((g) => {
    const instances = [...new Set(g.map((f) => f.resource))].sort();
    if (instances.length < 2) return g[0]!;
    // The group is shown as its first instance in address order (independent of the input order).
    const first = g.find((f) => f.resource === instances[0]) ?? g[0]!;
    const covers = g.flatMap((f) => f.covers ?? []).filter((c, i, all) => all.findIndex((d) => d.id === c.id && d.message === c.message && JSON.stringify(d.path) === JSON.stringify(c.path)) === i);
    return { ...first, instances, ...(covers.length ? { covers } : {}), fingerprint: fingerprint(first.id, first.file, baseAddress(first.resource), first.path) };
  });
}

/** The var-file assignments behind the value at a finding's path. */
function valueFrom(origins: PathOrigins[] | undefined, at: Array<string | number>): Pick<Finding, 'valueFrom'> {
  const found = originsAt(origins, at);
  return found.length ? { valueFrom: found } : {};
}

/** The fields findings are ordered by (a Finding, or one read back from the JSON output). */
export type FindingOrder = Pick<Finding, 'file' | 'severity' | 'id' | 'fingerprint' | 'message'> & {
  range: { startLine: number; endLine: number };
  callSite?: { file: string; line: number; module: string };
};

/** The order of findings in every report: file, line, severity (worst first), id, fingerprint; the
 * rest only tells apart instances of one module called from several folders (so `controlgate merge`
 * can reproduce it exactly). */
export function compareFindings(a: FindingOrder, b: FindingOrder): number {
  return (
    compareUtf8(a.file, b.file) ||
    a.range.startLine - b.range.startLine ||
    severityRank(b.severity) - severityRank(a.severity) ||
    compareUtf8(a.id, b.id) ||
    compareUtf8(a.fingerprint, b.fingerprint) ||
    compareUtf8(a.message, b.message) ||
    a.range.endLine - b.range.endLine ||
    compareUtf8(a.callSite?.file ?? '', b.callSite?.file ?? '') ||
    (a.callSite?.line ?? 0) - (b.callSite?.line ?? 0) ||
    compareUtf8(a.callSite?.module ?? '', b.callSite?.module ?? '')
  );
}

/** The order of rule evaluations: rule, file, resource (then state and reason, for module instances). */
export function compareEvaluations(a: RuleEvaluation, b: RuleEvaluation): number {
  return (
    compareUtf8(a.ruleId, b.ruleId) ||
    compareUtf8(a.file, b.file) ||
    compareUtf8(a.resource, b.resource) ||
    compareUtf8(a.status, b.status) ||
    compareUtf8(a.reason ?? '', b.reason ?? '')
  );
}
