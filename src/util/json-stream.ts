// JSON.stringify(value, null, indent), in pieces: a large report is written as it is produced
// instead of being built as one string (and then copied once more into a Buffer to be written).
// At 20k files the JSON report is ~50 MB; as one string plus its bytes it was ~100 MB of the run's
// peak memory (issue #20). The text is byte for byte what JSON.stringify gives (a test checks it).

/**
 * An array whose members are made as they are written: jsonChunks makes one member at a time, so a
 * report's 100,000 findings are never all copied at once (issue #20); JSON.stringify makes them all
 * (toJSON), with the same text.
 */
export class MappedArray<T, U> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => U,
  ) {}

  toJSON(): U[] {
    return this.items.map((x) => this.map(x));
  }
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The text of JSON.stringify(value, null, indent) as a sequence of strings. Objects and arrays
 * down to `depth` levels are written member by member; anything deeper goes through JSON.stringify
 * whole (it is small: one finding, one evaluation). Pieces are gathered up to ~64 KiB.
 */
export function* jsonChunks(value: unknown, indent = 2, depth = 2): Generator<string> {
  const step = ' '.repeat(indent);
  let buf = '';
  const FLUSH = 64 * 1024;
  function* emit(s: string): Generator<string> {
    buf += s;
    if (buf.length >= FLUSH) {
      yield buf;
      buf = '';
    }
  }
  /** A member's value as JSON.stringify sees it: after its toJSON, if it has one. */
  const prepared = (v: unknown, key: string): unknown =>
    v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function' ? (v as { toJSON: (k: string) => unknown }).toJSON(key) : v;
  function* write(v: unknown, level: number): Generator<string> {
    const pad = step.repeat(level);
    if (level >= depth || v === null || typeof v !== 'object') {
      // Line breaks only ever come from the indentation (JSON escapes them inside strings).
      const text = JSON.stringify(v, null, indent) ?? 'null';
      yield* emit(level > 0 ? text.replace(/\n/g, `\n${pad}`) : text);
      return;
    }
    const inner = step.repeat(level + 1);
    const mapped = v instanceof MappedArray ? (v as MappedArray<unknown, unknown>) : undefined;
    if (mapped || Array.isArray(v)) {
      const length = mapped ? mapped.items.length : (v as unknown[]).length;
      const member = (i: number): unknown => (mapped ? mapped.map(mapped.items[i]) : (v as unknown[])[i]);
      if (length === 0) return yield* emit('[]');
      yield* emit('[');
      for (let i = 0; i < length; i++) {
        yield* emit(`${i ? ',' : ''}\n${inner}`);
        const x = prepared(member(i), String(i));
        if (omitted(x)) yield* emit('null');
        else yield* write(x, level + 1);
      }
      return yield* emit(`\n${pad}]`);
    }
    let first = true;
    for (const k of Object.keys(v)) {
      const member = (v as Record<string, unknown>)[k];
      const x = member instanceof MappedArray ? member : prepared(member, k);
      if (omitted(x)) continue;
      yield* emit(`${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
      first = false;
      yield* write(x, level + 1);
    }
    yield* emit(first ? '{}' : `\n${pad}}`);
  }
  const top = prepared(value, '');
  if (indent <= 0 || omitted(top)) {
    // No indentation: nothing to gain from pieces. Omitted: JSON.stringify gives undefined, no text.
    const text = JSON.stringify(value, null, indent);
    if (text !== undefined) yield text;
    return;
  }
  yield* write(top, 0);
  if (buf) yield buf;
}
