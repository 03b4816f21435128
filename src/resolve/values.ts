// Values as the policy input holds them: JSON-like data plus UnknownValue ({"__unknown__": "<expression>"}).
// The evaluator works on typed values (cty.ts) and gives this form at the end (toPlain).
import type { UnknownValue, Value } from '../model/input.js';
import { isExactNumber } from '../util/exact-number.js';

export type { UnknownValue, Value };

/** A failed evaluation (wrong type, missing attribute, bad argument): what OpenTofu reports as an error. try() and can() catch it. */
export class EvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

export function unknown(text: string): UnknownValue {
  return { __unknown__: text };
}

export function isUnknown(v: unknown): v is UnknownValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { __unknown__?: unknown }).__unknown__ === 'string';
}

/** True when v or anything inside it is unknown. */
export function hasUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (isExactNumber(v)) return false;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasUnknown);
  return false;
}

export { exactNumber, isExactNumber, type ExactNumber } from '../util/exact-number.js';
