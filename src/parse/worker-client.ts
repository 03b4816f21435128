// The main-thread side of the parse worker (src/parse/worker.ts, bundled as dist/parse-worker.js).
// hcl2json is Go compiled to WebAssembly and runs synchronously: a pathological file (some take
// minutes) would hold the whole process, and a stack overflow inside it leaves its Go runtime unsafe
// to call again. So files are parsed in a worker thread, one at a time, each with a time limit: a
// file that takes longer is reported ("parsing took longer than N s") and the worker is stopped; a
// worker that crashed or whose parser failed is replaced. The interface is one call, parse a file ->
// ParsedFile | FileError, so a pool of these can replace the single worker without other changes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { plainFile, type DiscoveredFile, type FileError } from '../model/types.js';
import { LocationIndex, type LocationWire } from '../model/locations.js';
import type { ParsedFile, ParseOptions } from './parse.js';

export interface WorkerRequest {
  id: number;
  file: DiscoveredFile;
  maxFileBytes: number;
}

/** The worker's first message: its parser is loaded; from now on a request's time is parsing time. */
export interface WorkerReady {
  ready: true;
}

/** How long a new worker may take to load its parser before the file it was started for is reported. */
const WORKER_START_LIMIT_MS = 120_000;

/** A ParsedFile as it crosses threads: the LocationIndex as plain data. */
export type WireResult = (Omit<ParsedFile, 'locations'> & { locations: LocationWire }) | FileError;

export interface WorkerResponse {
  id: number;
  result: WireResult;
  /** The worker's HCL parser failed: this worker must not be used again. */
  retire: boolean;
}

export function toWire(r: ParsedFile | FileError): WireResult {
  return 'body' in r ? { ...r, locations: r.locations.toWire() } : r;
}

export function fromWire(r: WireResult): ParsedFile | FileError {
  return 'body' in r ? { ...r, locations: LocationIndex.fromWire(r.locations) } : r;
}

/** A worker bundle (dist/parse-worker.js by default) beside this bundle, else the repository's dist/ (tests and development run the sources). */
export function workerScript(name = 'parse-worker.js'): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const f of [path.join(here, name), path.resolve(here, '..', '..', 'dist', name)]) {
    if (existsSync(f)) return f;
  }
  return undefined;
}

/** Heap limit of a parse worker: a runaway file fails its worker, not the run. */
const WORKER_HEAP_MB = 1024;

interface Started {
  worker: Worker;
  /** Resolves true when the worker has loaded its parser, false if it died or never got there. */
  ready: Promise<boolean>;
}

export class ParseWorker {
  private worker: Started | undefined;
  private seq = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly script: string) {}

  /** Parse one file in the worker, within `timeoutMs`. Requests run one at a time, in call order. Never rejects. */
  parse(file: DiscoveredFile, opts: ParseOptions & { timeoutMs: number }): Promise<ParsedFile | FileError> {
    const p = this.tail.then(() => this.run(file, opts.maxFileBytes, opts.timeoutMs));
    this.tail = p;
    return p;
  }

  /** Stop the worker (a later parse starts a new one). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.worker.terminate();
  }

  private spawn(): Started {
    const w = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // A late 'error' after we stopped listening must not become an uncaught exception here.
    w.on('error', () => {});
    const ready = new Promise<boolean>((resolve) => {
      const limit = setTimeout(() => done(false), WORKER_START_LIMIT_MS);
      const done = (ok: boolean): void => {
        clearTimeout(limit);
        w.off('message', onReady);
        w.off('exit', onExit);
        w.unref();
        resolve(ok);
      };
      const onReady = (m: unknown): void => {
        if (typeof m === 'object' && m !== null && (m as Partial<WorkerReady>).ready === true) done(true);
      };
      const onExit = (): void => done(false);
      w.on('message', onReady);
      w.on('exit', onExit);
    });
    return { worker: w, ready };
  }

  private async run(file: DiscoveredFile, maxFileBytes: number, timeoutMs: number): Promise<ParsedFile | FileError> {
    const started = (this.worker ??= this.spawn());
    const fail = (message: string): FileError => ({ path: file.path, kind: file.kind, message, range: { startLine: 1, endLine: 1 } });
    if (!(await started.ready)) {
      if (this.worker === started) this.worker = undefined;
      void started.worker.terminate();
      return fail('the parser could not be started; not parsed');
    }
    return new Promise((resolve) => {
      const w = started.worker;
      const id = ++this.seq;
      const finish = (r: ParsedFile | FileError, retire: boolean): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (retire) {
          if (this.worker === started) this.worker = undefined;
          void w.terminate();
        } else w.unref();
        resolve(r);
      };
      const onMessage = (m: WorkerResponse): void => {
        if (m.id === id) finish(fromWire(m.result), m.retire);
      };
      const onError = (e: Error): void => finish(fail(`the parser failed (${e.message}); not parsed`), true);
      const onExit = (code: number): void => finish(fail(`the parser stopped unexpectedly (exit code ${code}); not parsed`), true);
      const timer = setTimeout(() => {
        const s = timeoutMs / 1000;
        finish(fail(`parsing took longer than ${s} s (the parse-timeout); not parsed`), true);
      }, timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.ref();
      const req: WorkerRequest = { id, file: plainFile(file), maxFileBytes };
      w.postMessage(req);
    });
  }
}

let shared: ParseWorker | undefined;
let noScript = false;

/** Parse with the process's shared worker; undefined when no worker script exists (or no time limit
 * is set): the caller then parses in its own thread, unbounded. */
export function parseInWorker(file: DiscoveredFile, opts: ParseOptions): Promise<ParsedFile | FileError> | undefined {
  if (!shared && !noScript) {
    const script = workerScript();
    if (script) shared = new ParseWorker(script);
    else noScript = true;
  }
  if (!shared || !opts.timeoutMs) return undefined;
  return shared.parse(file, { ...opts, timeoutMs: opts.timeoutMs });
}

/** Stop the shared worker (tests; the CLI and the action exit without it). */
export async function closeParseWorker(): Promise<void> {
  await shared?.close();
}
