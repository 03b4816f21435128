// Secrets never leave the scanner. Before any report is made, the values the scan result prints go
// through a redactor (src/util/redaction.ts says which values): the secrets src/normalize/secrets.ts
// and src/normalize/taint.ts found are replaced with [REDACTED]. The action also registers them with
// the runner (core.setSecret) so its log masks them.

export const REDACTED = '[REDACTED]';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Plain objects only: Maps, Sets and class instances are left as they are. */
const isPlain = (v: unknown): v is Record<string, unknown> => isObj(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

export type Redactor = <T>(v: T) => T;

/** A function that deep-copies a value with every secret occurrence replaced by [REDACTED]. */
export function redactor(secrets: string[]): Redactor {
  if (!secrets.length) return (v) => v;
  // Secrets may also appear JSON-escaped (quotes, newlines) inside rendered values.
  const forms = new Set<string>();
  for (const s of secrets) {
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    const firstLine = s.split('\n')[0]!;
    if (firstLine.length >= 16) forms.add(firstLine);
  }
  const pattern = new RegExp([...forms].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const text = (s: string): string => s.replace(pattern, REDACTED);
  const deep = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return text(v);
    if (depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => deep(x, depth + 1));
    if (isPlain(v)) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[text(k)] = deep(x, depth + 1);
      return o;
    }
    return v;
  };
  return <T>(v: T): T => deep(v, 0) as T;
}
