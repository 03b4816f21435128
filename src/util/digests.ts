// SHA-256 digests held as their 32 bytes instead of their hex text (issue #20): a 64-digit string
// is 88 bytes of heap and a slot, so a streamed scan that keeps every scanned file's digest to its
// end (src/engine/stream.ts) kept 4.3 MB of them at gen-50k, growing with the repository.
const BYTES = 32;
const HEX64 = /^[0-9a-f]{64}$/;

/** A digest (or none) at each index 0..length-1. */
export class DigestList {
  private readonly bytes: Uint8Array;
  private readonly present: Uint8Array;
  /** A value that is not 64 lower-case hex digits, kept as it is (never lost, never reshaped). */
  private readonly odd = new Map<number, string>();

  constructor(readonly length: number) {
    this.bytes = new Uint8Array(length * BYTES);
    this.present = new Uint8Array(length);
  }

  set(i: number, hex: string): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) throw new RangeError(`DigestList: index ${i} out of 0..${this.length - 1}`);
    if (HEX64.test(hex)) {
      this.bytes.set(Buffer.from(hex, 'hex'), i * BYTES);
      this.present[i] = 1;
      this.odd.delete(i);
    } else {
      this.present[i] = 0;
      this.odd.set(i, hex);
    }
  }

  get(i: number): string | undefined {
    if (this.present[i]) return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + i * BYTES, BYTES).toString('hex');
    return this.odd.get(i);
  }
}
