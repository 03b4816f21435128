// What the CLI's entry asks of the engine before it loads it (src/cli/launch.ts, src/cli/bounded.ts):
// whether a scan is large, and the size settings both worker threads start with. Kept apart from
// scan.ts so that the entry bundles the discovery walk only.
export { sourceBytesAtLeast } from '../discover/discover.js';

/** A size threshold from an environment variable: a number of bytes >= 0, else `fallback`. */
export function bytesSetting(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A worker thread's young generation (the bounded worker's, src/cli/bounded.ts, and the chunk
 * worker's, src/engine/chunk-pool.ts). The default is 128 MB. The bounded worker on gen-10k (the
 * bench's), two runs each, with HEAP_GROWING_PERCENT: 32 MB 346-350 MB peak, 17.1-17.3 s CPU; 16 MB
 * 348-368 MB, 17.3-22.3 s; on the main thread 466-521 MB, 16.0-16.9 s. The chunk worker on the
 * corpus, 8 paired runs: 449 MB peak RSS against 542 MB at the default, wall 4.16 / 4.30 s. */
export const YOUNG_GENERATION_MB = 32;
