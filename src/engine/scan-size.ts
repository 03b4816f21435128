// What the CLI's entry asks of the engine before it loads it (src/cli/launch.ts, src/cli/bounded.ts):
// whether a scan is large. Kept apart from scan.ts so that the entry bundles the discovery walk only.
export { sourceBytesAtLeast } from '../discover/discover.js';

/** A size threshold from an environment variable: a number of bytes >= 0, else `fallback`. */
export function bytesSetting(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
