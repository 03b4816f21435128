// baseline: adopting Controlgate on code that already has findings. `--create-baseline <file>`
// records today's findings by fingerprint; `--baseline <file>` reports only findings not in it. The
// findings it matched are accepted risk (listed in the summary and the evidence with the file's
// sha256), and entries that match nothing any more are reported as fixed, so the file can shrink.
//
// The baseline lives in the repository, so a pull request can edit it: it is hostile input. It is
// read confined to the workspace (no link out, regular files only), size-limited before parsing,
// and schema-validated (docs/schemas/baseline.schema.json); any problem is a usage error (exit 2),
// never a silently empty baseline. Matching is by fingerprint only; the other fields are for people.
import { createHash } from 'node:crypto';
import { readWorkspaceFile, WorkspaceReadError } from '../util/workspace-read.js';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import schema from '../../docs/schemas/baseline.schema.json' with { type: 'json' };
import type { BaselineEntry, BaselineOutcome, Finding, ScanResult } from '../model/types.js';
import { folderOf, ownsFolder } from '../model/shard.js';
import { compareFindings } from '../controls/map.js';

export const BASELINE_VERSION = 1;
/** Largest baseline read: about 100,000 findings at their longest ordinary size. */
export const BASELINE_MAX_BYTES = 16 * 1024 * 1024;

export interface BaselineDoc {
  controlgateBaseline: 1;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

// Compiled on first use (only runs with a baseline need it): schema compilation is start-up time.
let compiled: ValidateFunction<BaselineDoc> | undefined;
const validator = (): ValidateFunction<BaselineDoc> => (compiled ??= new Ajv({ allErrors: false, strict: true }).compile<BaselineDoc>(schema));

const byEntry = (a: BaselineEntry, b: BaselineEntry): number => {
  const ka = `${a.file}\u0000${a.id}\u0000${a.resource}\u0000${a.fingerprint}`;
  const kb = `${b.file}\u0000${b.id}\u0000${b.resource}\u0000${b.fingerprint}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** The baseline of a scan's findings: every finding not already waived, sorted, one per fingerprint.
 * No timestamp: recreating it on unchanged code gives the same bytes (a clean diff in review). */
export function createBaseline(findings: readonly Finding[]): { text: string; entries: number } {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.waiver?.status === 'applied') continue;
    entries.set(f.fingerprint, { fingerprint: f.fingerprint, id: f.id, file: f.file, resource: f.resource });
  }
  const doc: BaselineDoc = { controlgateBaseline: BASELINE_VERSION, findings: [...entries.values()].sort(byEntry) };
  return { text: `${JSON.stringify(doc, null, 2)}\n`, entries: doc.findings.length };
}

/** Parse and validate a baseline's bytes; `shown` names the file in messages. */
export function parseBaseline(bytes: Uint8Array, shown: string): { doc: BaselineDoc; sha256: string } {
  if (bytes.length > BASELINE_MAX_BYTES) throw new BaselineError(`baseline ${shown} is ${bytes.length} bytes, over the ${BASELINE_MAX_BYTES}-byte limit`);
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    throw new BaselineError(`baseline ${shown} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const validate = validator();
  if (!validate(doc)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    throw new BaselineError(`baseline ${shown} does not match docs/schemas/baseline.schema.json: ${where} ${first?.message ?? 'is invalid'}`);
  }
  return { doc, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Read a baseline file (absolute `file`, named `shown` in messages) from inside `workspace`: its
 * real path must stay inside (no link out), it must be a regular file, within BASELINE_MAX_BYTES.
 */
export function readBaseline(file: string, workspace: string, shown: string): { doc: BaselineDoc; sha256: string } {
  // The one workspace reader (src/util/workspace-read.ts): confined by real path, regular files only,
  // the size checked on the opened file.
  let bytes: Buffer;
  try {
    bytes = readWorkspaceFile(workspace, file, BASELINE_MAX_BYTES, 'baseline', shown).bytes;
  } catch (e) {
    if (e instanceof WorkspaceReadError) throw new BaselineError(e.message);
    throw e;
  }
  return parseBaseline(bytes, shown);
}

/** The scan with baselined findings taken out of its findings, and what the baseline did. Waived
 * findings stay as they are (their waiver is the stronger record). Evaluations are not changed: the
 * checks did fail; the risk was accepted. */
export function applyBaseline(result: ScanResult, baseline: { doc: BaselineDoc; sha256: string; file: string }): ScanResult & { baseline: BaselineOutcome } {
  const listed = new Set(baseline.doc.findings.map((e) => e.fingerprint));
  const accepted: Finding[] = [];
  const remaining: Finding[] = [];
  for (const f of result.findings) {
    if (f.waiver?.status !== 'applied' && listed.has(f.fingerprint)) accepted.push(f);
    else remaining.push(f);
  }
  const present = new Set(result.findings.map((f) => f.fingerprint));
  // A shard sees only its folders: an entry of another shard's folder is not "fixed".
  const owns = ownsFolder(result.shard);
  const fixed = [...new Map(baseline.doc.findings.filter((e) => !present.has(e.fingerprint) && owns(folderOf(e.file))).map((e) => [e.fingerprint, e])).values()].sort(byEntry);
  return {
    ...result,
    findings: remaining,
    baseline: { file: baseline.file, sha256: baseline.sha256, entries: baseline.doc.findings.length, accepted, fixed },
  };
}

/** The baseline outcomes of the shards of one scan, combined into the unsharded scan's: each shard
 * accepts the findings and reports the fixed entries of its own folders, so they are joined, in the
 * order applyBaseline gives them (the findings' order; fixed by entry); every shard must have applied
 * the same baseline file (same sha256), or none. */
export function mergeBaselineOutcomes(outcomes: Array<BaselineOutcome | undefined>): BaselineOutcome | undefined {
  const present = outcomes.filter((b): b is BaselineOutcome => b !== undefined);
  if (!present.length) return undefined;
  const first = present[0]!;
  if (present.length !== outcomes.length || present.some((b) => b.sha256 !== first.sha256)) {
    throw new BaselineError('the shards did not apply the same baseline (each must scan with the same --baseline file, or none)');
  }
  const accepted = present.flatMap((b) => b.accepted).sort(compareFindings);
  const fixed = [...new Map(present.flatMap((b) => b.fixed).map((e) => [e.fingerprint, e])).values()].sort(byEntry);
  return { ...first, accepted, fixed };
}
