// A full garbage collection when the heap holds more than a bound. A scan made one group at a time
// (src/engine/stream.ts) keeps little between groups, but V8 lets garbage grow to hundreds of MB
// before its first full collection, and a process's memory does not shrink back: collecting at the
// end of a group, only when the heap is over the bound, keeps the peak near what is live.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (gc !== undefined) return gc;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return (gc = exposed);
  try {
    // --expose-gc set at run time gives the function to contexts made after it.
    v8.setFlagsFromString('--expose-gc');
    const made: unknown = runInNewContext('gc');
    gc = typeof made === 'function' ? (made as () => void) : null;
  } catch {
    gc = null;
  }
  return gc;
}

/** Collect garbage now when the heap holds more than `bytes`; true when it did. */
export function collectAbove(bytes: number): boolean {
  if (v8.getHeapStatistics().used_heap_size <= bytes) return false;
  const f = collector();
  if (!f) return false;
  f();
  return true;
}
