// What the CLI's entry asks of the engine before it loads it (src/cli/launch.ts, src/cli/bounded.ts):
// whether a scan is large. Kept apart from scan.ts so that the entry bundles the discovery walk only.
export { sourceBytesAtLeast } from '../discover/discover.js';
