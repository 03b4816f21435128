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
