// A large scan runs in a worker thread whose young generation is bounded (issue #20). V8 sizes the
// young generation by the machine, not by the work: on a 24 GB runner it grows to 128 MB, a third of
// a 10,000-file scan's peak memory, and nothing in a running process can shrink it again. A worker's
// resourceLimits can. Small scans (a pull request's files) stay on the main thread: starting a
// worker and loading the bundle in it again costs ~80 ms, more than a 20-file scan's evaluation.
// The worker runs the same command (src/cli/main.ts main) and writes to the same standard output
// and error, synchronously, so the reports, the progress bar and the exit code are the same.
import { writeSync } from 'node:fs';
import path from 'node:path';
import { isatty } from 'node:tty';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { bytesSetting, sourceBytesAtLeast, YOUNG_GENERATION_MB } from '../engine/scan-size.js';
import { isInside } from '../util/workspace-read.js';
import { EXIT } from '../errors.js';
import { SCAN_OPTIONS } from './scan-flags.js';
import { fail, finish } from './exit.js';
import { failUnlessSettled, UNSETTLED_MESSAGE } from '../util/settled-exit.js';

/** A scan of at least this much Terraform and Packer source runs in a bounded worker
 * (CONTROLGATE_BOUNDED_BYTES overrides it; 0: every scan). Below it the worker's start costs more
 * than the memory is worth: the 10.9 MB corpus, two runs each, 357 MB peak and 5.25 s wall bounded
 * against 425-433 MB and 4.65-5.03 s on the main thread. The bench's gen-10k is 23 MB. Measured
 * again on the 11.4 MB corpus (d0adaa9, 3-4 runs each): main thread 3.43-3.67 s, 375-405 MiB; a
 * worker with a 32 or 48 MB young generation and plain collections 3.83-4.14 s, 266-285 MiB; 48 MB
 * with collections 64 or 96 MB past the live set 3.53-3.89 s, 275-318 MiB. Each trades away the
 * corpus's 4 s (issue #20), so the threshold stays. */
export const BOUNDED_SCAN_BYTES = 16 * 1024 * 1024;
export { YOUNG_GENERATION_MB } from '../engine/scan-size.js';
/** How far V8 lets the old generation grow past what the last full collection left live before the
 * next one (a process-wide V8 flag, set before the worker starts). V8 picks 1.1-4x by its speed; a
 * streamed scan frees most of each group, so the room is garbage. gen-10k with a 32 MB young
 * generation: 50 % 346-350 MB, 17.1-17.3 s CPU; 20 % 344-358 MB, 18.3-18.7 s; none 404-412 MB. */
export const HEAP_GROWING_PERCENT = 50;
/** What the worker is started with. */
export interface BoundedRun {
  controlgateBounded: { argv: string[]; stdoutTTY: boolean; stderrTTY: boolean; columns?: number };
}

function thresholdOf(env: NodeJS.ProcessEnv): number {
  return bytesSetting(env.CONTROLGATE_BOUNDED_BYTES, BOUNDED_SCAN_BYTES);
}

/**
 * Whether `controlgate scan` with these arguments reads at least `limit` bytes of source: the paths
 * given (default: the current folder) walked without following links, stopping once it knows. Only
 * a choice of resources: a scan that is judged small or large reports exactly the same. Arguments it
 * cannot parse, globs, paths that do not exist or lie outside the current folder: judged small (the
 * main thread reports any usage error).
 */
export function isLargeScan(argv: string[], cwd: string, limit: number = thresholdOf(process.env)): boolean {
  if (argv[0] !== 'scan') return false;
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv.slice(1), allowPositionals: true, strict: true, options: SCAN_OPTIONS }));
  } catch {
    return false;
  }
  if (limit === 0) return true;
  // Only what is inside the current folder is looked at (discover refuses the rest anyway).
  const paths = (positionals.length ? positionals : ['.']).map((p) => path.resolve(cwd, p)).filter((p) => isInside(cwd, p));
  return sourceBytesAtLeast(paths, limit);
}

/** Run the command where it belongs: a large scan in a bounded worker started from `script` (the CLI
 * bundle), anything else in this thread by `here`; the process ends with its exit code (src/cli/exit.ts).
 * The CLI's entry (src/cli/launch.ts) and the bundle run directly (src/cli/main.ts) both start here. */
export function runCommand(argv: string[], script: URL, here: (argv: string[]) => Promise<number>): void {
  if (isLargeScan(argv, process.cwd())) {
    runBounded(argv, script).then(finish, fail);
    return;
  }
  v8.setFlagsFromString(SHORT_RUN_V8_FLAGS);
  const settled = failUnlessSettled((m) => writeAll(2, `controlgate: ${m}\n`));
  here(argv).finally(settled).then(finish, fail);
}

/**
 * V8 flags for a command run in this thread (a scan under BOUNDED_SCAN_BYTES, or any other command),
 * set before any of its code runs hot. Turbofan, V8's top tier, compiles on the machine's other cores
 * what a run of a few seconds barely gets to use, while the garbage collector's helpers need them:
 * without it (Maglev stays the top tier) the 11.4 MB corpus took 6.51 s of CPU instead of 7.68 s and
 * gen-1k 2.71 s instead of 3.39 s, wall 5.27 / 5.22 s and 2.09 / 2.33 s (2026-12-07, 6 paired runs,
 * 2 cores); the 20-file PR scan is the same. A bounded scan keeps Turbofan: gen-10k ran 5 % longer
 * without it, long enough for the optimised code to pay.
 */
const SHORT_RUN_V8_FLAGS = '--no-turbofan';

/** Run the command in a bounded worker started from `script` (this bundle); resolves to its exit code. */
export function runBounded(argv: string[], script: URL): Promise<number> {
  const data: BoundedRun = {
    controlgateBounded: {
      argv,
      stdoutTTY: isatty(1),
      stderrTTY: isatty(2),
      ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
    },
  };
  // Process-wide: the main thread's heap is judged by it too, but that thread only waits.
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return new Promise((resolve) => {
    let code: number = EXIT.internal;
    let settled = false;
    const w = new Worker(script, { workerData: data, env: SHARE_ENV, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    w.on('message', (m: unknown) => {
      if (typeof m === 'object' && m !== null && typeof (m as { exitCode?: unknown }).exitCode === 'number') {
        code = (m as { exitCode: number }).exitCode;
        settled = true;
        // Everything was written synchronously: a runtime that keeps the worker alive (hcl2json's Go) is stopped.
        void w.terminate();
      }
    });
    // A worker that dies before it answers (out of memory, an exception outside main()) leaves EXIT.internal.
    let died = false;
    w.on('error', (e) => {
      died = true;
      if (!settled) writeAll(2, `controlgate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    });
    w.on('exit', () => {
      // A worker whose run stopped without answering (its event loop had nothing left): not a pass.
      if (!settled && !died) writeAll(2, `controlgate: ${UNSETTLED_MESSAGE}\n`);
      resolve(code);
    });
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Write all of text to fd, waiting while a non-blocking pipe is full. */
function writeAll(fd: number, text: string | Uint8Array): void {
  let buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  while (buf.length) {
    try {
      const n = writeSync(fd, buf);
      buf = buf.subarray(n);
    } catch (e) {
      if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** Standard output or error in the worker: synchronous writes to the process's own descriptor. */
export function syncStream(fd: 1 | 2, isTTY: boolean, columns?: number): NodeJS.WritableStream & { isTTY?: boolean; columns?: number } {
  const s = {
    isTTY,
    ...(columns ? { columns } : {}),
    write(chunk: string | Uint8Array, a?: unknown, b?: unknown): boolean {
      writeAll(fd, chunk);
      const cb = typeof a === 'function' ? a : typeof b === 'function' ? b : undefined;
      if (cb) (cb as () => void)();
      return true;
    },
  };
  return s as unknown as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}
