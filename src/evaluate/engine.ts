// evaluate: load the compiled policy bundle (dist/policy.wasm) once, evaluate the normalized input,
// and validate the shape of what comes back. The wasm SDK throws non-Error values: wrap every call.
//
// The input is evaluated one document per folder (a Terraform module's folder, a Packer template's
// folder): rules only ever look for related resources within a module (references, flow logs,
// associations), so nothing is lost, and the wasm's work stops growing with the square of the whole
// repository: on the 4,900-file corpus one document took 27 s to evaluate, per folder 1.2 s.
import * as opaWasm from '@open-policy-agent/opa-wasm';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
import { emptyInput, type PolicyInput } from '../model/input.js';

// The SDK's ESM entry exports only loadPolicy by name (its types promise more): the rest is its default export.
const { loadPolicySync } = (opaWasm as unknown as { default: typeof opaWasm }).default;

export const ENTRYPOINT = 'controlgate/main/results';

export type OutcomeKind = 'deny' | 'unknown' | 'applies';

/** One outcome as the policies return it (see policies/main.rego). */
export interface Outcome {
  rule: string;
  kind: OutcomeKind;
  resource: string;
  path: Array<string | number>;
  actual?: unknown;
  hasActual: boolean;
  sub?: string;
  reason?: string;
  /** A more specific rule (its id) whose finding on the same entry makes this one redundant. */
  coveredBy?: string;
}

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return typeof e === 'string' ? e : JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export class PolicyEngine {
  private constructor(private readonly policy: LoadedPolicy) {}

  static async load(wasm: Uint8Array): Promise<PolicyEngine> {
    try {
      // Compiled here and instantiated with loadPolicySync, not loadPolicy(bytes): loadPolicy asks
      // `wasm instanceof Response`, and the first use of the global Response makes Node load its
      // fetch implementation (undici), some 25 ms of a 20-file scan's start (issue #20). Compiled
      // synchronously: an asynchronous compile runs off the event loop and does not keep it alive, so
      // a compile that takes a while (V8 compiling eagerly) ended the process with nothing checked.
      const policy = loadPolicySync(new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>));
      if (!Object.keys(policy.entrypoints).includes(ENTRYPOINT)) {
        throw new PolicyError(`policy bundle has no entrypoint ${ENTRYPOINT}`);
      }
      return new PolicyEngine(policy);
    } catch (e) {
      if (e instanceof PolicyError) throw e;
      throw new PolicyError(`cannot load the policy bundle: ${describe(e)}`);
    }
  }

  evaluate(input: PolicyInput): Outcome[] {
    let raw: unknown;
    try {
      raw = this.policy.evaluate(input, ENTRYPOINT);
    } catch (e) {
      throw new PolicyError(`policy evaluation failed: ${describe(e)}`);
    }
    return parseOutcomes(raw);
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validate the wasm's answer; anything malformed is a bug in a policy and is reported as such. */
export function parseOutcomes(raw: unknown): Outcome[] {
  if (!Array.isArray(raw)) throw new PolicyError('policy returned no result set');
  if (raw.length === 0) return [];
  const first = raw[0] as { result?: unknown };
  const set = first.result;
  if (!Array.isArray(set)) throw new PolicyError('policy result is not a set');
  return set.map((o, i) => {
    if (!isObj(o) || typeof o.rule !== 'string' || !isObj(o.result)) throw new PolicyError(`malformed outcome #${i}`);
    const kind = o.kind;
    if (kind !== 'deny' && kind !== 'unknown' && kind !== 'applies') throw new PolicyError(`outcome #${i} has unknown kind`);
    const r = o.result;
    if (typeof r.resource !== 'string') throw new PolicyError(`rule ${o.rule}: result without a resource id`);
    // filter() leaves its result room to grow (a one-segment path took 184 bytes, 152 of them empty);
    // the copy is exact, and every finding keeps its path to the end of the scan.
    const path = Array.isArray(r.path) ? r.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number').slice() : [];
    const out: Outcome = { rule: o.rule, kind, resource: r.resource, path, hasActual: 'actual' in r };
    if ('actual' in r) out.actual = r.actual;
    if (typeof r.sub === 'string') out.sub = r.sub;
    if (typeof r.reason === 'string') out.reason = r.reason;
    if (typeof r.covered_by === 'string') out.coveredBy = r.covered_by;
    return out;
  });
}

export function batchByFolder(input: PolicyInput): PolicyInput[] {
  return batchesByFolder(input).map((b) => b.input);
}

/** The same batches with their folder keys (module_dir / template_dir), in folder order. */
export function batchesByFolder(input: PolicyInput): Array<{ folder: string; input: PolicyInput }> {
  const byDir = new Map<string, PolicyInput>();
  const at = (dir: string): PolicyInput => {
    let b = byDir.get(dir);
    if (!b) byDir.set(dir, (b = emptyInput()));
    return b;
  };
  for (const r of input.terraform.resources) at(r.module_dir).terraform.resources.push(r);
  for (const p of input.terraform.providers) at(p.module_dir).terraform.providers.push(p);
  for (const v of input.terraform.variables) at(v.dir).terraform.variables.push(v);
  for (const s of input.packer.sources) at(s.template_dir).packer.sources.push(s);
  for (const b of input.packer.builds) at(b.template_dir).packer.builds.push(b);
  for (const v of input.packer.variables) at(v.dir).packer.variables.push(v);
  return [...byDir.keys()].sort().map((k) => ({ folder: k, input: byDir.get(k)! }));
}

/**
 * A document the policy could not evaluate. A rule can fail at run time on some input (two values
 * for one function call, an object key given twice): in the wasm that aborts the whole document, so
 * the failure is narrowed to the entities that fail on their own (`entity`, reported where it is
 * written; the rest of the folder is evaluated without them), else it is the folder's (`entity`
 * absent: none of the folder's results are reported). Either way it is an error of the run, which
 * fails it: never a scan that dies, never one that passes on what it could not check.
 */
export interface EvaluationFailure {
  /** The folder's key (module_dir / template_dir). */
  folder: string;
  /** The id of the entity whose presence makes the document fail. */
  entity?: string;
  /** Where the entity is written, or every file of the folder's entities (sorted), with the side it is on. */
  files: Array<{ file: string; side: 'terraform' | 'packer' }>;
  message: string;
}

export interface Evaluated {
  outcomes: Outcome[];
  failures: EvaluationFailure[];
}

type EntityList = readonly [side: 'terraform' | 'packer', key: string];
const ENTITY_LISTS: readonly EntityList[] = [
  ['terraform', 'resources'],
  ['terraform', 'providers'],
  ['terraform', 'variables'],
  ['packer', 'sources'],
  ['packer', 'builds'],
  ['packer', 'variables'],
];

interface Entity {
  id: string;
  file: string;
}

const listOf = (b: PolicyInput, [side, key]: EntityList): Entity[] => (b[side] as unknown as Record<string, Entity[]>)[key]!;

/** The document with each entity list filtered by keep (settings as they are). */
function keeping(b: PolicyInput, keep: (e: Entity, list: EntityList) => boolean): PolicyInput {
  const out = { ...b, terraform: { ...b.terraform }, packer: { ...b.packer } };
  for (const l of ENTITY_LISTS) (out[l[0]] as unknown as Record<string, Entity[]>)[l[1]] = listOf(b, l).filter((e) => keep(e, l));
  return out;
}

/** One folder's document, a failure narrowed to the entities that fail alone (see EvaluationFailure). */
export function evaluateFolder(engine: PolicyEngine, folder: string, b: PolicyInput): Evaluated {
  try {
    return { outcomes: engine.evaluate(b), failures: [] };
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    const failing = new Map<string, EvaluationFailure>();
    for (const l of ENTITY_LISTS) {
      for (const x of listOf(b, l)) {
        try {
          engine.evaluate(keeping(b, (y, m) => m === l && y === x));
        } catch (alone) {
          if (!(alone instanceof PolicyError)) throw alone;
          failing.set(x.id, { folder, entity: x.id, files: [{ file: x.file, side: l[0] }], message: alone.message });
        }
      }
    }
    if (failing.size) {
      try {
        return { outcomes: engine.evaluate(keeping(b, (y) => !failing.has(y.id))), failures: [...failing.values()] };
      } catch (rest) {
        if (!(rest instanceof PolicyError)) throw rest;
      }
    }
    const files = new Map<string, { file: string; side: 'terraform' | 'packer' }>();
    for (const l of ENTITY_LISTS) for (const x of listOf(b, l)) files.set(`${l[0]}\u0000${x.file}`, { file: x.file, side: l[0] });
    return { outcomes: [], failures: [{ folder, files: [...files.values()].sort((p, q) => (p.file < q.file ? -1 : p.file > q.file ? 1 : 0)), message: e.message }] };
  }
}

/** Every bundle over every folder's document. */
export function evaluateAll(
  bundles: Array<{ engine: PolicyEngine }>,
  batches: Array<{ folder: string; input: PolicyInput }>,
  progress: (done: number, total: number) => void = () => undefined,
): Evaluated {
  let evaluated = 0;
  const out: Evaluated = { outcomes: [], failures: [] };
  for (const p of bundles) {
    for (const b of batches) {
      const r = evaluateFolder(p.engine, b.folder, b.input);
      for (const o of r.outcomes) out.outcomes.push(o);
      for (const f of r.failures) out.failures.push(f);
      progress(++evaluated, bundles.length * batches.length);
    }
  }
  return out;
}
