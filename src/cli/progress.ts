// The CLI's progress bar: one line on stderr, redrawn with \r, cleared at the end. Only on a
// terminal: when stderr is a file or a pipe (CI logs, tests) nothing is written.
import type { ScanProgress } from '../engine/scan.js';

const LABEL: Record<ScanProgress['stage'], { verb: string; unit: string }> = {
  parse: { verb: 'parsing', unit: 'files' },
  evaluate: { verb: 'evaluating', unit: 'folders' },
};

/** "parsing     [########............]  1234/4900 files  25%" (pure; no control characters). */
export function renderProgress(p: ScanProgress, width = 20): string {
  const total = Math.max(0, p.total);
  const done = Math.min(Math.max(0, p.done), total);
  const ratio = total ? done / total : 1;
  const filled = Math.round(ratio * width);
  const { verb, unit } = LABEL[p.stage];
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  return `${verb.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count} ${unit} ${String(Math.floor(ratio * 100)).padStart(3)}%`;
}

export interface ProgressBar {
  /** Pass to scan({ onProgress }); undefined when stderr is not a terminal. */
  onProgress?: (p: ScanProgress) => void;
  /** Erase the line (call before writing anything else, and at the end). */
  clear(): void;
}

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } = process.stderr): ProgressBar {
  if (!stream.isTTY) return { clear: () => undefined };
  let shown = false;
  return {
    onProgress: (p) => {
      const line = renderProgress(p);
      const max = (stream.columns ?? 80) - 1;
      stream.write(`\r${line.length > max ? line.slice(0, max) : line}\x1b[K`);
      shown = true;
    },
    clear: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
