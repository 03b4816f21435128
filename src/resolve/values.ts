// Values as the evaluator sees them: JSON-like data plus UnknownValue ({"__unknown__": "<expression>"}),
// the same shape the policies receive. Lists and objects may hold unknown elements.
import type { UnknownValue, Value } from '../normalize/input.js';

export type { UnknownValue, Value };

/** A failed evaluation (wrong type, missing attribute, bad argument): try() and can() catch it. */
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

export function isObject(v: unknown): v is { [k: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

/** True when v or anything inside it is unknown. */
export function hasUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasUnknown);
  return false;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (isUnknown(v)) return 'unknown';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Terraform's number-to-string: integers without a fraction. */
export function toStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  throw new EvalError(`a ${typeName(v)} cannot be used as a string`);
}

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(v.trim())) return Number(v);
  throw new EvalError(`a ${typeName(v)} cannot be used as a number`);
}

export function toBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new EvalError(`a ${typeName(v)} cannot be used as a bool`);
}

export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]!));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k]!, b[k]!));
  }
  return false;
}

/** Distinct elements, first occurrence kept (a set as a list). */
export function distinct(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of list) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
}
