// A number the JSON policy input holds exactly although a float64 cannot (12345678901234567890,
// OpenTofu's 512-bit 1/3): a JSON.rawJSON object (Node >= 21), which JSON.stringify writes as its
// digits. The policies get their input as that JSON text (opa-wasm's evaluate() stringifies it and
// the wasm parses it, keeping every digit and comparing numbers exactly), and `controlgate input`
// prints it. Every other number in the input is a plain JavaScript number. Code that walks input
// values and meets an object must ask isExactNumber() first (it is not a map).

export type ExactNumber = { readonly rawJSON: string };

const RAW = JSON as unknown as { rawJSON(text: string): ExactNumber; isRawJSON(v: unknown): boolean };

/** `text` must be a JSON number. */
export function exactNumber(text: string): ExactNumber {
  return RAW.rawJSON(text);
}

export function isExactNumber(v: unknown): v is ExactNumber {
  return typeof v === 'object' && v !== null && RAW.isRawJSON(v);
}

/** A value as it crosses threads (postMessage): structured cloning copies plain data but not the mark
 * that makes a JSON.rawJSON object a number, so each exact number travels as its path and digits. */
export interface PortableValue {
  value: unknown;
  exact?: Array<{ at: Array<string | number>; text: string }>;
}

const isPlainContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && !isExactNumber(v);

/** `v` ready for postMessage: a copy whose exact numbers are null, and where each one was (own keys
 * stay own keys, "__proto__" too); fromPortable(structuredClone(toPortable(v))) equals v. */
export function toPortable(v: unknown): PortableValue {
  const exact: NonNullable<PortableValue['exact']> = [];
  const at: Array<string | number> = [];
  const copy = (x: unknown): unknown => {
    if (isExactNumber(x)) {
      exact.push({ at: [...at], text: x.rawJSON });
      return null;
    }
    if (Array.isArray(x)) {
      return x.map((y, i) => {
        at.push(i);
        const c = copy(y);
        at.pop();
        return c;
      });
    }
    if (!isPlainContainer(x)) return x;
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(x)) {
      at.push(k);
      Object.defineProperty(o, k, { value: copy(Object.getOwnPropertyDescriptor(x, k)!.value), enumerable: true, writable: true, configurable: true });
      at.pop();
    }
    return o;
  };
  const value = copy(v);
  return exact.length ? { value, exact } : { value: v };
}

/** The value toPortable was given, from its copy (changed in place). */
export function fromPortable(p: PortableValue): unknown {
  if (!p.exact) return p.value;
  let value = p.value;
  for (const { at, text } of p.exact) {
    if (at.length === 0) {
      value = exactNumber(text);
      continue;
    }
    let o = value as Record<string | number, unknown>;
    for (const k of at.slice(0, -1)) o = Object.getOwnPropertyDescriptor(o, k)!.value as Record<string | number, unknown>;
    // Own properties only: a key "__proto__" is the object's own, never its prototype.
    Object.defineProperty(o, at.at(-1)!, { value: exactNumber(text), enumerable: true, writable: true, configurable: true });
  }
  return value;
}
