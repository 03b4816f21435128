// `controlgate merge`: the result documents of the shards of one scan (--shard i/n, README "Sharding a
// monorepo") combined into the result an unsharded scan returns, which the usual reporters then render.
// Shards partition findings, evaluations, file records, file errors, skipped paths and the files
// scanned (each belongs to exactly one shard); waivers are reported by the shard owning them and by
// every shard where they matched, so their matches are joined; the resolution statistics, input
// problems, bundle and catalog come from the parse and the installation, which every shard shares
// whole. Orders are the scan's own comparators, and every tie is within one shard, whose order stands.
import type { ScanResult } from '../model/types.js';
import { countChecks } from '../model/checks.js';
import type { WaiverRecord } from '../model/waivers.js';
import { verdictOf, type Verdict } from '../model/verdict.js';
import { compareEvaluations, compareFindings } from '../controls/map.js';
import { compareWaiverIds } from '../waivers/waivers.js';
import { mergeBaselineOutcomes } from '../baseline/baseline.js';
import { RESULT_KIND, RESULT_VERSION, type ResultDocument, type RunRecord } from '../report/result.js';
import { comparePaths } from '../model/shard.js';
import { Ajv, type ValidateFunction } from 'ajv';
import schema from '../../docs/schemas/result.schema.json' with { type: 'json' };
import { pushAt } from '../util/multimap.js';

/** The inputs are not the shards of one scan (exit code 2). */
export class MergeError extends Error {}

export interface MergeInput {
  /** File name, for messages. */
  name: string;
  doc: ResultDocument;
}

export interface Merged {
  /** The unsharded scan's result (no secrets: the shards never wrote them). */
  result: ScanResult;
  record: RunRecord;
  verdict: Verdict;
}

/** Compiled on first use: every CLI command loads this module, only merge needs it. Objects inside
 * the result name the fields merge relies on as required without describing each one. */
let compiled: ValidateFunction<ResultDocument> | undefined;
const validator = (): ValidateFunction<ResultDocument> => (compiled ??= new Ajv({ allErrors: false, strict: true, strictRequired: false }).compile<ResultDocument>(schema));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a file holds when it is not a result document: the outputs merge once took. */
function whatItIs(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if (Array.isArray(v.runs) && typeof v.version === 'string') return 'a SARIF log';
  if (v.schemaVersion !== undefined && isObject(v.policyBundle)) return 'an evidence file';
  if (isObject(v.summary) && Array.isArray(v.findings)) return 'a JSON report';
  return undefined;
}

/** A shard's result document, checked for the shape merge relies on. */
export function parseResultDocument(text: string, name: string): ResultDocument {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new MergeError(`${name} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(v) || v.kind !== RESULT_KIND) {
    const was = whatItIs(v);
    throw new MergeError(
      `${name} is ${was ? `${was}, not` : 'not'} a Controlgate result document: merge combines the results the shards write (\`controlgate scan --shard i/n --format result -o <file>\`, action input result-file)`,
    );
  }
  if (v.version !== RESULT_VERSION) throw new MergeError(`${name} is a result document of version ${String(v.version)}; this Controlgate reads version ${RESULT_VERSION}`);
  const validate = validator();
  if (!validate(v)) {
    const first = validate.errors?.[0];
    throw new MergeError(`${name} is not a valid result document: ${first ? `${first.instancePath || '/'} ${first.message ?? ''}`.trim() : 'invalid'} (docs/schemas/result.schema.json)`);
  }
  return v;
}

/** Everything that must be equal between the shards of one scan, and how to name it. */
function identityOf(d: ResultDocument): { identity: string; describe: string } {
  const b = d.result.bundle;
  const extra = (b.extra ?? []).map((e) => `${e.path}:${e.policySha256}:${e.catalogSha256}`).join(',');
  const rec = d.record;
  return {
    identity: JSON.stringify([d.tool.version, b.policySha256, b.catalogSha256, extra, rec.configurationSha256, rec.failOn, rec.allowEmpty === true, rec.acceptFindings === true]),
    describe: `(controlgate ${d.tool.version}, policy ${b.policySha256.slice(0, 12)}, catalog ${b.catalogSha256.slice(0, 12)}, configuration ${rec.configurationSha256.slice(0, 12)}, fail-on ${rec.failOn}${rec.allowEmpty ? ', allow-empty' : ''}${rec.acceptFindings ? ', create-baseline' : ''})`,
  };
}

/** Check the inputs are shards 1..n of one scan, each exactly once; return them in shard order. */
function inShardOrder(inputs: MergeInput[]): MergeInput[] {
  if (!inputs.length) throw new MergeError('no result files to merge');
  const ids = inputs.map((i) => {
    const shard = i.doc.result.shard;
    if (!shard || typeof shard.index !== 'number' || typeof shard.count !== 'number') {
      throw new MergeError(`${i.name} is not the result of a sharded scan (no shard recorded: scan with --shard i/n)`);
    }
    return { ...i, shard, ...identityOf(i.doc) };
  });
  const first = ids[0]!;
  for (const i of ids.slice(1)) {
    if (i.shard.count !== first.shard.count) throw new MergeError(`${i.name} is shard ${i.shard.index}/${i.shard.count} but ${first.name} is shard ${first.shard.index}/${first.shard.count}: shards of different splits`);
    if (i.identity !== first.identity) throw new MergeError(`${i.name} and ${first.name} are not shards of one scan: ${i.describe} differs from ${first.describe}`);
  }
  const n = first.shard.count;
  const seen = new Map<number, string>();
  for (const i of ids) {
    const dup = seen.get(i.shard.index);
    if (dup) throw new MergeError(`shard ${i.shard.index}/${n} given twice (${dup} and ${i.name})`);
    seen.set(i.shard.index, i.name);
  }
  const missing = Array.from({ length: n }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new MergeError(`shard(s) ${missing.map((k) => `${k}/${n}`).join(', ')} missing: every shard 1..${n} is needed exactly once`);
  return ids.sort((a, b) => a.shard.index - b.shard.index);
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** One record per waiver. It matched, across the shards, the findings it matched in each; its state is
 * the one the shard that saw the most reached: applied, else one that matched (an expired waiver's note
 * says "it matches nothing now" only where it matched nothing), else any (all agree). */
function mergeWaivers(lists: WaiverRecord[][]): WaiverRecord[] {
  const byId = new Map<string, WaiverRecord[]>();
  for (const list of lists) for (const w of list) pushAt(byId, w.id, w);
  return [...byId.values()]
    .map((ws) => {
      const rep = ws.find((w) => w.status === 'applied') ?? ws.find((w) => w.matched.length > 0) ?? ws[0]!;
      return { ...rep, matched: ws.flatMap((w) => w.matched).sort() };
    })
    .sort(compareWaiverIds);
}

/** Ids of the pull request's waivers, or fingerprints in scope: joined over the shards that recorded them. */
function union(lists: Array<string[] | undefined>): string[] | undefined {
  const present = lists.filter((l): l is string[] => l !== undefined);
  return present.length ? [...new Set(present.flat())].sort() : undefined;
}

/** The shards' results as the unsharded scan's, with the merged record and the verdict decided on them. */
export function mergeResults(inputs: MergeInput[]): Merged {
  const docs = inShardOrder(inputs).map((i) => i.doc);
  const results = docs.map((d) => d.result);
  const first = results[0]!;
  const findings = results.flatMap((r) => r.findings).sort(compareFindings);
  const evaluations = results.flatMap((r) => r.evaluations).sort(compareEvaluations);
  const baseline = mergeBaselineOutcomes(results.map((r) => r.baseline));
  const { shard: _shard, ...whole } = first;
  const result: ScanResult = {
    ...whole,
    redactions: [],
    startedAt: results.map((r) => r.startedAt).sort()[0]!,
    finishedAt: results.map((r) => r.finishedAt).sort().at(-1)!,
    files: results.flatMap((r) => r.files).sort(comparePaths),
    waivers: mergeWaivers(results.map((r) => r.waivers)),
    filesFound: sum(results.map((r) => r.filesFound)),
    filesScanned: results.flatMap((r) => r.filesScanned),
    skipped: results.flatMap((r) => r.skipped).sort(comparePaths),
    errors: results.flatMap((r) => r.errors).sort(comparePaths),
    findings,
    evaluations,
    // A result document lists every check (the CLI and the action list them when they write one).
    checks: countChecks(evaluations),
    ...(baseline ? { baseline } : {}),
  };
  const records = docs.map((d) => d.record);
  const inScope = union(records.map((r) => r.inScope));
  const waiversInPullRequest = union(records.map((r) => r.waiversInPullRequest));
  const remediation = records.some((r) => r.remediation) ? records.flatMap((r) => r.remediation ?? []) : undefined;
  // The change, the enforcement and the policy changes are the pull request's: the same in every shard.
  const record: RunRecord = {
    ...records[0]!,
    ...(inScope ? { inScope } : {}),
    ...(waiversInPullRequest ? { waiversInPullRequest } : {}),
    ...(remediation ? { remediation } : {}),
  };
  const verdict = verdictOf(result, {
    failOn: record.failOn,
    ...(inScope ? { inScope: new Set(inScope) } : {}),
    allowEmpty: record.allowEmpty === true,
    acceptFindings: record.acceptFindings === true,
  });
  return { result, record, verdict };
}
