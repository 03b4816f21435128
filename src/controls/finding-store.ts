// The findings a long scan keeps until its end, as columns instead of objects (issue #20). A
// finding's fields repeat across a repository (its rule's title, remediation and controls, its file,
// its shared line ranges and attribute path: src/controls/kept.ts), but each finding object still
// cost ~140 bytes of slots and its fingerprint's hex text ~46 more: gen-50k's 100,373 findings held
// 18.4 MB of the live heap at the end of the stream, the largest part of what grew with the
// repository. Here a finding is one index per field into that column's distinct values (1 to 4
// bytes, by how many there are) and its fingerprint's 16 bytes: about 40 bytes. The objects are made
// again, field for field and in mapOutcomes' key order, once the stream is over (toArray).
import type { Finding } from '../model/types.js';
import type { MessageParts } from './map.js';

/** The fields every finding has (blockRange may be absent), in mapOutcomes' key order around message and fingerprint. */
const BEFORE_MESSAGE = ['ruleId', 'id', 'severity', 'title'] as const;
const AFTER_MESSAGE = ['remediation', 'controls', 'file', 'range', 'blockRange', 'resource', 'path'] as const;
/** Fields few findings have: kept as they are, by the finding's index. */
const SPARSE = ['callSite', 'callChain', 'valueFrom', 'coveredBy'] as const;
/** Every field a finding may have here: any other (instances, covers, waiver: set by the stages after
 * the stream) would be lost by toArray, so add refuses it. */
const KNOWN = new Set<string>([...BEFORE_MESSAGE, 'message', ...AFTER_MESSAGE, 'fingerprint', ...SPARSE]);

type Dense = (typeof BEFORE_MESSAGE)[number] | (typeof AFTER_MESSAGE)[number];
type Sparse = Pick<Finding, (typeof SPARSE)[number]>;

const FINGERPRINT_BYTES = 16;
const HEX32 = /^[0-9a-f]{32}$/;

/** One column: a finding's value is an index into `values` (0: absent); equal values (by identity)
 * share one. Indexes take one byte while the column has fewer than 256 distinct values, two below
 * 65,536, four beyond: most columns (rule, title, severity, path) stay at one byte. */
class Column<T> {
  private readonly index = new Map<T, number>();
  private readonly values: Array<T | undefined> = [undefined];
  private at: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(1024);

  set(i: number, v: T | undefined): void {
    let k = 0;
    if (v !== undefined) {
      const had = this.index.get(v);
      if (had === undefined) {
        k = this.values.length;
        this.values.push(v);
        this.index.set(v, k);
      } else k = had;
    }
    const width = k < 0x100 ? 1 : k < 0x10000 ? 2 : 4;
    if (i >= this.at.length || width > this.at.BYTES_PER_ELEMENT) this.at = resized(this.at, i, Math.max(width, this.at.BYTES_PER_ELEMENT));
    this.at[i] = k;
  }

  get(i: number): T | undefined {
    return this.values[this.at[i] ?? 0];
  }
}

/** A copy of `a` with room for index `need` (doubling) and elements of `width` bytes. */
function resized(a: Uint8Array | Uint16Array | Uint32Array, need: number, width: number): Uint8Array | Uint16Array | Uint32Array {
  let n = a.length;
  while (n <= need) n *= 2;
  const b = width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n);
  b.set(a);
  return b;
}

export class FindingStore {
  private count = 0;
  private readonly dense = new Map<Dense, Column<unknown>>([...BEFORE_MESSAGE, ...AFTER_MESSAGE].map((f) => [f, new Column<unknown>()]));
  private readonly messages = new Column<MessageParts>();
  private fingerprints = new Uint8Array(1024 * FINGERPRINT_BYTES);
  /** A fingerprint that is not 32 hex digits (none that mapOutcomes makes), kept as it is. */
  private readonly oddFingerprints = new Map<number, string>();
  private readonly sparse = new Map<number, Sparse>();

  get length(): number {
    return this.count;
  }

  /** Keep a finding as mapOutcomes made it, with its message's parts (rendered by toArray). */
  add(f: Finding, message: MessageParts): void {
    const i = this.count++;
    for (const k of Object.keys(f)) {
      if (!KNOWN.has(k)) throw new Error(`FindingStore: a finding's ${k} cannot be kept here (it is set only after the stream)`);
    }
    for (const [name, col] of this.dense) col.set(i, f[name]);
    this.messages.set(i, message);
    if ((i + 1) * FINGERPRINT_BYTES > this.fingerprints.length) {
      const more = new Uint8Array(this.fingerprints.length * 2);
      more.set(this.fingerprints);
      this.fingerprints = more;
    }
    if (HEX32.test(f.fingerprint)) this.fingerprints.set(Buffer.from(f.fingerprint, 'hex'), i * FINGERPRINT_BYTES);
    else this.oddFingerprints.set(i, f.fingerprint);
    let extra: Sparse | undefined;
    for (const k of SPARSE) if (f[k] !== undefined) (extra ??= {})[k] = f[k] as never;
    if (extra) this.sparse.set(i, extra);
  }

  /** The findings again as objects, each message rendered by `render`, in the order they were added. */
  toArray(render: (p: MessageParts) => string): Finding[] {
    const out: Finding[] = new Array(this.count);
    const col = (name: Dense, i: number): unknown => this.dense.get(name)!.get(i);
    for (let i = 0; i < this.count; i++) {
      const f: Record<string, unknown> = {};
      for (const k of BEFORE_MESSAGE) f[k] = col(k, i);
      f.message = render(this.messages.get(i)!);
      for (const k of AFTER_MESSAGE) {
        const v = col(k, i);
        if (v !== undefined) f[k] = v;
      }
      f.fingerprint = this.oddFingerprints.get(i) ?? Buffer.from(this.fingerprints.subarray(i * FINGERPRINT_BYTES, (i + 1) * FINGERPRINT_BYTES)).toString('hex');
      const extra = this.sparse.get(i);
      if (extra) for (const k of SPARSE) if (extra[k] !== undefined) f[k] = extra[k];
      out[i] = f as unknown as Finding;
    }
    return out;
  }
}
