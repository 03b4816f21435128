// `controlgate merge`: the outputs of the shards of one scan (--shard i/n, README "Sharding a
// monorepo") combined into the output an unsharded run gives, byte for byte apart from run context
// and times. Shards partition findings, evaluations, file records, file errors and skipped paths
// (each belongs to exactly one shard); waivers are reported by the shard owning them and by every
// shard where they matched, so their matched counts add up; resolution statistics come from the
// parse, which every shard does whole. Orders are the single-run renderers' own comparators.
import type { Finding, RuleEvaluation, Severity } from '../model/types.js';
import { compareEvaluations, compareFindings, type FindingOrder } from '../controls/map.js';
import { compareWaiverIds } from '../waivers/waivers.js';
import { mergeBaselineSections } from '../baseline/baseline.js';
import type { BaselineEntry } from '../model/types.js';
import { comparePaths } from '../shard/shard.js';
import { countBySeverity } from './text.js';
import { failingFindings, type FailOn } from '../model/verdict.js';
import { FINGERPRINT_KEY } from './sarif.js';
import { controlEvidence, EVIDENCE_ORDER, type Evidence } from './evidence/evidence.js';
import type { RunContext } from './evidence/context.js';

/** The inputs are not the shards of one scan (exit code 2). */
export class MergeError extends Error {}

export interface MergeInput<T> {
  /** File name, for messages. */
  name: string;
  doc: T;
}

interface ShardIdentity {
  index: number;
  count: number;
  /** Everything that must be equal between shards, serialised. */
  identity: string;
  /** What the identity says, for the message when shards disagree. */
  describe: string;
}

/** Check the inputs are shards 1..n of one scan, each exactly once; return them in shard order. */
function inShardOrder<T>(inputs: Array<MergeInput<T>>, identify: (doc: T) => ShardIdentity | undefined, kind: string): Array<MergeInput<T>> {
  if (!inputs.length) throw new MergeError(`no ${kind} files to merge`);
  const ids = inputs.map((i) => {
    const id = identify(i.doc);
    if (!id) throw new MergeError(`${i.name} is not the ${kind} output of a sharded scan (no shard recorded: scan with --shard i/n)`);
    return { ...i, id };
  });
  const first = ids[0]!;
  for (const i of ids.slice(1)) {
    if (i.id.count !== first.id.count) throw new MergeError(`${i.name} is shard ${i.id.index}/${i.id.count} but ${first.name} is shard ${first.id.index}/${first.id.count}: shards of different splits`);
    if (i.id.identity !== first.id.identity) {
      throw new MergeError(`${i.name} and ${first.name} are not shards of one scan: ${i.id.describe} differs from ${first.id.describe}`);
    }
  }
  const n = first.id.count;
  const seen = new Map<number, string>();
  for (const i of ids) {
    const dup = seen.get(i.id.index);
    if (dup) throw new MergeError(`shard ${i.id.index}/${n} given twice (${dup} and ${i.name})`);
    seen.set(i.id.index, i.name);
  }
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new MergeError(`shard(s) ${missing.map((k) => `${k}/${n}`).join(', ')} missing: every shard 1..${n} is needed exactly once`);
  return ids.sort((a, b) => a.id.index - b.id.index);
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Sort by a comparator over derived keys (stable: equal entries keep shard order). */
function sortBy<T, K>(xs: T[], key: (x: T) => K, cmp: (a: K, b: K) => number): T[] {
  return xs
    .map((x) => ({ x, k: key(x) }))
    .sort((a, b) => cmp(a.k, b.k))
    .map((d) => d.x);
}

interface WaiverLike {
  id: string;
  status: string;
  matched: number;
}

/** One record per waiver: matched counts added; applied when any shard applied it. */
function mergeWaivers<W extends WaiverLike>(lists: W[][], order: (a: W, b: W) => number): W[] {
  const byId = new Map<string, W[]>();
  for (const list of lists) for (const w of list) byId.set(w.id, [...(byId.get(w.id) ?? []), w]);
  const out = [...byId.values()].map((ws) => {
    // The record that saw the most: applied, else one that matched (an expired waiver's note says
    // "it matches nothing now" only where it matched nothing), else any.
    const rep = ws.find((w) => w.status === 'applied') ?? ws.find((w) => w.matched > 0) ?? ws[0]!;
    const merged = { ...clone(rep), matched: sum(ws.map((w) => w.matched)) };
    const fps = ws.flatMap((w) => (w as { matchedFindings?: string[] }).matchedFindings ?? []);
    return 'matchedFindings' in rep ? { ...merged, matchedFindings: [...new Set(fps)].sort() } : merged;
  });
  return out.sort(order);
}

// ---- JSON output (README "JSON output") ----

interface JsonFinding {
  id: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  endLine: number;
  fingerprint: string;
  callSite?: { file: string; line: number; module: string };
  waiver?: { status: string };
}

interface JsonDoc {
  baseline?: { file: string; sha256: string; entries: number; accepted: Array<{ fingerprint: string; id: string; file: string; line: number }>; fixed: BaselineEntry[] };
  shard?: { index: number; count: number; policySha256: string; catalogSha256: string; extraBundles: string; configurationSha256: string };
  summary: {
    findings: number;
    bySeverity: Record<Severity, number>;
    failed: boolean;
    failOn: FailOn;
    filesFound: number;
    filesScanned: number;
    fileErrors: number;
    pathsSkipped: number;
    checks: { passed: number; failed: number; notEvaluated: number };
  };
  findings: JsonFinding[];
  waivers: WaiverLike[];
  notEvaluated: RuleEvaluation[];
  errors: Array<{ path: string }>;
  skipped: Array<{ path: string }>;
}

const jsonFindingOrder = (f: JsonFinding): FindingOrder => ({
  file: f.file,
  range: { startLine: f.line, endLine: f.endLine },
  severity: f.severity,
  id: f.id,
  fingerprint: f.fingerprint,
  message: f.message,
  ...(f.callSite ? { callSite: f.callSite } : {}),
});

export function mergeJson(inputs: Array<MergeInput<unknown>>): { text: string; failed: boolean } {
  const shards = inShardOrder(
    inputs as Array<MergeInput<JsonDoc>>,
    (d) =>
      d && typeof d === 'object' && d.shard && typeof d.shard.index === 'number'
        ? {
            index: d.shard.index,
            count: d.shard.count,
            identity: JSON.stringify([d.shard.policySha256, d.shard.catalogSha256, d.shard.extraBundles, d.shard.configurationSha256, d.summary?.failOn]),
            describe: `(policy ${d.shard.policySha256.slice(0, 12)}, catalog ${d.shard.catalogSha256.slice(0, 12)}, configuration ${d.shard.configurationSha256.slice(0, 12)}, fail-on ${d.summary?.failOn})`,
          }
        : undefined,
    'JSON',
  );
  const docs = shards.map((s) => s.doc);
  const m = clone(docs[0]!);
  delete m.shard;
  const findings = sortBy(docs.flatMap((d) => d.findings), jsonFindingOrder, compareFindings);
  const notEvaluated = docs.flatMap((d) => d.notEvaluated).sort(compareEvaluations);
  m.findings = findings;
  m.waivers = mergeWaivers(docs.map((d) => d.waivers), compareWaiverIds);
  m.notEvaluated = notEvaluated;
  m.errors = docs.flatMap((d) => d.errors).sort(comparePaths);
  m.skipped = docs.flatMap((d) => d.skipped).sort(comparePaths);
  const baseline = mergeBaselineSections(docs.map((d) => d.baseline));
  if (baseline) m.baseline = baseline;
  const s = m.summary;
  s.findings = findings.length;
  s.bySeverity = countBySeverity(findings as unknown as Finding[]);
  s.failed = failingFindings(findings as unknown as Finding[], s.failOn).length > 0;
  s.filesFound = sum(docs.map((d) => d.summary.filesFound));
  s.filesScanned = sum(docs.map((d) => d.summary.filesScanned));
  s.fileErrors = m.errors.length;
  s.pathsSkipped = m.skipped.length;
  s.checks.passed = sum(docs.map((d) => d.summary.checks.passed));
  s.checks.failed = sum(docs.map((d) => d.summary.checks.failed));
  s.checks.notEvaluated = notEvaluated.length;
  return { text: `${JSON.stringify(m, null, 2)}\n`, failed: s.failed || s.fileErrors > 0 };
}

// ---- SARIF ----

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const locationOf = (x: Json): Json | undefined => x.locations?.[0]?.physicalLocation;
const decode = (uri: string): string => {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
};

function sarifFindingOrder(r: Json): FindingOrder {
  const loc = locationOf(r);
  const text = String(r.message?.text ?? '');
  const fix = text.lastIndexOf('. Fix: ');
  return {
    file: decode(String(loc?.artifactLocation?.uri ?? '')),
    range: { startLine: Number(loc?.region?.startLine ?? 0), endLine: Number(loc?.region?.endLine ?? 0) },
    severity: r.properties?.severity as Severity,
    id: String(r.ruleId ?? ''),
    fingerprint: String(r.partialFingerprints?.[FINGERPRINT_KEY] ?? ''),
    message: fix >= 0 ? text.slice(0, fix) : text,
  };
}

export function mergeSarif(inputs: Array<MergeInput<unknown>>): string {
  const shards = inShardOrder(
    inputs as Array<MergeInput<Json>>,
    (d) => {
      const st = d?.runs?.[0]?.properties?.controlgateShard as Json | undefined;
      if (!st || typeof st.index !== 'number') return undefined;
      return {
        index: st.index,
        count: st.count,
        identity: JSON.stringify([st.policySha256, st.catalogSha256, st.extraBundles, st.configurationSha256, d.runs[0].automationDetails]),
        describe: `(policy ${String(st.policySha256).slice(0, 12)}, configuration ${String(st.configurationSha256).slice(0, 12)})`,
      };
    },
    'SARIF',
  );
  const runs = shards.map((s) => s.doc.runs[0] as Json);
  const m = clone(shards[0]!.doc);
  const run = m.runs[0] as Json;
  delete run.properties;
  const results = sortBy(runs.flatMap((r) => clone(r.results as Json[])), sarifFindingOrder, compareFindings);
  const invocations = runs.map((r) => r.invocations?.[0] as Json);
  const notifications = sortBy(
    invocations.flatMap((i) => clone((i?.toolExecutionNotifications ?? []) as Json[])),
    (n) => ({ path: decode(String(locationOf(n)?.artifactLocation?.uri ?? '')) }),
    comparePaths,
  );
  // Artifacts: every file with a result or a notification, sorted as buildSarif sorts them.
  const artifacts = [...new Set([...results, ...notifications].map((x) => decode(String(locationOf(x)?.artifactLocation?.uri ?? ''))))].sort();
  const index = new Map(artifacts.map((a, i) => [a, i]));
  for (const x of [...results, ...notifications]) {
    const al = locationOf(x)?.artifactLocation;
    if (al) al.index = index.get(decode(String(al.uri)));
  }
  run.artifacts = artifacts.map((a) => ({ location: { uri: encodeURI(a), uriBaseId: '%SRCROOT%' } }));
  run.results = results;
  if (run.invocations?.[0]) {
    run.invocations[0].executionSuccessful = notifications.length === 0;
    run.invocations[0].toolExecutionNotifications = notifications;
  }
  return `${JSON.stringify(m, null, 2)}\n`;
}

// ---- Evidence (README "Audit evidence") ----

export function mergeEvidence(inputs: Array<MergeInput<unknown>>, run: RunContext): Evidence {
  const shards = inShardOrder(
    inputs as Array<MergeInput<Evidence>>,
    (e) => {
      const m = /^(\d+)\/(\d+)$/.exec(e?.run?.shard ?? '');
      if (!m || !e.policyBundle || !e.configuration) return undefined;
      return {
        index: Number(m[1]),
        count: Number(m[2]),
        identity: JSON.stringify([e.schemaVersion, e.tool, e.policyBundle, e.configuration.sha256, e.configuration.failOn]),
        describe: `(policy ${e.policyBundle.sha256.slice(0, 12)}, configuration ${e.configuration.sha256.slice(0, 12)})`,
      };
    },
    'evidence',
  );
  const es = shards.map((s) => s.doc);
  const m = clone(es[0]!);
  m.run = run;
  m.time = {
    startedAt: es.map((e) => e.time.startedAt).sort()[0]!,
    finishedAt: es.map((e) => e.time.finishedAt).sort().at(-1)!,
  };
  m.files = es.flatMap((e) => e.files).sort(EVIDENCE_ORDER.files);
  m.evaluations = es.flatMap((e) => e.evaluations).sort(EVIDENCE_ORDER.evaluations);
  m.findings = es.flatMap((e) => e.findings).sort(EVIDENCE_ORDER.findings);
  m.waivers = mergeWaivers(es.map((e) => e.waivers), EVIDENCE_ORDER.waivers);
  const baseline = mergeBaselineSections(es.map((e) => e.baseline));
  if (baseline) m.baseline = { ...baseline, accepted: [...baseline.accepted].sort(EVIDENCE_ORDER.findings) };
  if (m.scope) {
    const inScope = m.findings.filter((f) => f.inScope !== false).length;
    m.scope = { ...m.scope, findingsInScope: inScope, findingsOutOfScope: m.findings.length - inScope };
  }
  const evaluations = m.evaluations.map((e) => ({ ruleId: e.rule, file: e.file, resource: e.resource, status: e.status }));
  for (const fw of ['iso27017', 'iso27002', 'soc2'] as const) {
    m.controls[fw] = m.controls[fw].map((c) => controlEvidence(c.id, { title: c.title, rules: c.rules, ...(c.manual ? { manual: c.manual } : {}) }, evaluations));
  }
  const failing = sum(es.map((e) => e.result.failing));
  const fileErrors = sum(es.map((e) => e.result.fileErrors));
  m.result = {
    passed: failing === 0 && fileErrors === 0,
    findings: m.findings.length,
    failing,
    waived: m.findings.filter((f) => f.waiver?.status === 'applied').length,
    fileErrors,
  };
  return m;
}
