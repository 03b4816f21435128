// evaluate: load the compiled policy bundle (dist/policy.wasm) once, evaluate the normalized input,
// and validate the shape of what comes back. The wasm SDK throws non-Error values: wrap every call.
import * as opaWasm from '@open-policy-agent/opa-wasm';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';
import type { PolicyInput } from '../model/input.js';

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
      // fetch implementation (undici), some 25 ms of a 20-file scan's start (issue #20).
      const policy = loadPolicySync(await WebAssembly.compile(wasm as Uint8Array<ArrayBuffer>));
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
    const path = Array.isArray(r.path) ? r.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number') : [];
    const out: Outcome = { rule: o.rule, kind, resource: r.resource, path, hasActual: 'actual' in r };
    if ('actual' in r) out.actual = r.actual;
    if (typeof r.sub === 'string') out.sub = r.sub;
    if (typeof r.reason === 'string') out.reason = r.reason;
    if (typeof r.covered_by === 'string') out.coveredBy = r.covered_by;
    return out;
  });
}
