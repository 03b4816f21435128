// A full garbage collection when the heap holds more than a bound. A scan made one group at a time
// (src/engine/stream.ts) keeps little between groups, but V8 lets garbage grow to hundreds of MB
// before its first full collection, and a process's memory does not shrink back: collecting at the
// end of a group, only when the heap is over the bound, keeps the peak near what is live.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** V8's gc() (--expose-gc); its options choose a memory-reducing collection (GrowthCollector.step). */
type Collect = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let gc: Collect | null | undefined;

function collector(): Collect | null {
  if (gc !== undefined) return gc;
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (typeof exposed === 'function') return (gc = exposed);
  try {
    // --expose-gc set at run time gives the function to contexts made after it.
    v8.setFlagsFromString('--expose-gc');
    const made: unknown = runInNewContext('gc');
    gc = typeof made === 'function' ? (made as Collect) : null;
  } catch {
    gc = null;
  }
  return gc;
}

/** The young generation's current size: what the heap holds in any case, garbage or not. */
function youngGenerationBytes(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Collects when the heap has grown more than a margin past what the last collection left live: at
 * least `margin` bytes, and at least the young generation (a full collection that frees less than the
 * young generation holds anyway does not lower the peak, it only costs time). A fixed bound either
 * collects after every step once what a scan keeps passes it, or lets garbage pile up while it is far
 * below; the live set of a long scan grows (its findings), so the bound follows it.
 * Measured on 2 cores, 1 MB chunks: gen-10k in the bounded worker (32 MB young generation), a fixed
 * 192 MB bound 330-352 MB peak RSS; 32 MB past the live set 250-283 MB for 15-20 % more CPU (the
 * bench's gen-10k: 258 against 347 MB, wall x1.13; gen-50k 366 against 565 MB, wall x0.97); 64 MB
 * past it 259-289 MB at the CPU of the fixed bound. The corpus on the main thread (128 MB young
 * generation) with a 32 MB margin only: 10 collections and +10 % wall for 4 % less memory.
 */
export class GrowthCollector {
  private live = 0;

  /** `reduce`: each collection is memory-reducing (see step); the default, in a bounded worker only. */
  constructor(
    private readonly margin: number,
    private readonly reduce: boolean = !isMainThread,
  ) {}

  /**
   * Between two steps of a scan: true when it collected. With `reduce`, the collection is V8's
   * memory-reducing one (gc's "last-resort" flavor: full collections until nothing more is freed,
   * the young generation shrunk back, fragmented pages compacted), which lowers the peak of a long
   * scan in the bounded worker (src/cli/bounded.ts) at some CPU. Measured on 2 cores, single runs:
   * gen-50k 291-306 MiB peak against 309-316 with plain collections, gen-20k 236 against 249-268;
   * bench-results/2026-12-04-2.md (medians of 3, with the other savings of that day, against the
   * build of fb23c1d): gen-20k 235 against 276 MiB for wall x1.08, gen-50k 293 against 377 MiB for
   * x1.02. On the main thread (small scans, an unbounded young generation) it only cost time: the
   * corpus 3.71 s against 3.56 s, the same peak (bench-results/2026-12-04.md).
   */
  step(): boolean {
    const bound = this.live + Math.max(this.margin, youngGenerationBytes());
    if (v8.getHeapStatistics().used_heap_size <= bound) return false;
    const f = collector();
    if (!f) return false;
    if (this.reduce) f({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    else f();
    this.live = v8.getHeapStatistics().used_heap_size;
    return true;
  }
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a slice of a string
 * (a name read from a file, a prefix of a digest) as a view of the whole, and a string built with +
 * as a tree of its pieces: one module source or skipped-module note kept to the end of a scan kept
 * its file's whole text alive (10,000 files: 4 MB of texts behind 1,184 notes). For what a scan
 * keeps past its group (src/engine/stream.ts); V8 never makes a view of a string shorter than 13.
 */
export function detached(s: string): string {
  // JSON keeps every code unit (a lone surrogate is escaped and read back) and reads into a new string.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The object with each of its own string values detached (shallow). */
export function withDetachedStrings<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (typeof out[k] === 'string') out[k] = detached(out[k] as string);
  return out as T;
}
