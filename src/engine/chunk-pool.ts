// A mid-sized scan on two cores (issue #20): the chunks of the streamed scan (src/engine/stream.ts)
// are shared between this thread and one worker thread (src/engine/chunk-worker.ts, bundled as
// dist/chunk-worker.js). Each takes the next chunk of its own order nobody has taken (a flag per chunk
// in shared memory, so neither waits on the other's messages); the worker sends back each chunk's result as
// plain data, and the main thread keeps every result in the plan's order, so the reports are the same
// as a scan of one chunk after the other. A worker that cannot start, fails or dies only costs time:
// whatever it did not give back is made in this thread.
//
// Why only mid-sized scans: a worker costs its start (~80 ms: the bundle and the policies loaded
// again) and a second heap. Small scans (a pull request's files) are done before it would help; large
// ones run in the bounded worker (src/cli/bounded.ts), whose point is a heap that does not grow with
// the repository, which a second heap beside it would undo.
import os from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { plainFile, type DiscoveredFile } from '../model/types.js';
import { fromWire, toWire, workerScript, type WireResult } from '../parse/worker-client.js';
import { bytesSetting, YOUNG_GENERATION_MB } from './scan-size.js';
import type { ParsedFile, ParseOptions } from '../parse/parse.js';
import { fromPortable, toPortable, type PortableValue } from '../util/exact-number.js';
import type { ContextOptions } from './scan.js';
import type { Chunk, ChunkHelper, ChunkResult, ChunkSources, Survey } from './stream.js';
import type { MessageParts } from '../controls/map.js';

/** A scan of at least this much source shares its chunks with a worker (CONTROLGATE_PARALLEL_BYTES
 * overrides it; "off" never). Scans of 16 MB and more run in the bounded worker and never do. */
export const PARALLEL_SCAN_BYTES = 4 * 1024 * 1024;

/** What the worker is started with: it loads the scan's policies straight away. */
export interface ChunkWorkerData {
  controlgateChunks: { context: ContextOptions; parseOpts: ParseOptions };
}

/** The scan's files, sent once discovery is over: the worker surveys files[surveyFrom..] (pass 1). */
export interface ChunkFiles {
  files: DiscoveredFile[];
  surveyFrom: number;
}

/** Pass 1's files from this fraction on are the worker's. Started during discovery (ChunkWorkerStarter),
 * it begins its part some 0.15 s after this thread begins its own (the thread started and its bundle
 * loaded, on cores this thread keeps busy), and pass 1 parses only some files, as the text says
 * (survey). Timed on the corpus, 3 runs each: at 0.42 the worker finished its part 0.1-0.19 s before
 * this thread; 0.47 evens them. */
export const WORKER_SURVEY_SHARE = 0.47;

/** The plan, sent once pass 1 is over. */
export interface ChunkPlan {
  src: WireSources;
  chunks: Chunk[];
  claimed: SharedArrayBuffer;
  /** The order the worker claims chunks in (claimOrders). */
  order: number[];
}

export type WireSources = Omit<ChunkSources, 'varFiles' | 'modules'> & {
  varFiles: WireResult[];
  modules: Omit<ChunkSources['modules'], 'files'> & { files: WireResult[] };
};

/** What the worker sends: one chunk's result, or that it stopped (after an error, with its message). */
export type ChunkMessage = { survey: Survey } | { index: number; result: WireChunkResult } | { stopped: true; error?: string };

/** A result as it crosses threads: message parts whose value holds exact numbers travel as PortableValue. */
export type WireChunkResult = Omit<ChunkResult, 'evaluated'> & {
  evaluated: Omit<ChunkResult['evaluated'], 'messages'> & { messages: Array<Exclude<MessageParts, { as: 'seen' | 'actual' }> | (Omit<Extract<MessageParts, { as: 'seen' | 'actual' }>, 'value'> & { value: PortableValue })> };
};

export function resultToWire(r: ChunkResult): WireChunkResult {
  const messages = r.evaluated.messages.map((m) => (typeof m !== 'string' && (m.as === 'seen' || m.as === 'actual') ? { ...m, value: toPortable(m.value) } : m));
  return { ...r, evaluated: { ...r.evaluated, messages } } as WireChunkResult;
}

export function resultFromWire(r: WireChunkResult): ChunkResult {
  const messages = r.evaluated.messages.map((m) => (typeof m !== 'string' && (m.as === 'seen' || m.as === 'actual') ? { ...m, value: fromPortable(m.value) } : m)) as MessageParts[];
  return { ...r, evaluated: { ...r.evaluated, messages } };
}

export function sourcesToWire(s: ChunkSources): WireSources {
  return {
    files: s.files.map(plainFile),
    varFiles: s.varFiles.map(toWire),
    parseOpts: s.parseOpts,
    modules: { files: s.modules.files.map(toWire), manifests: s.modules.manifests, workspaces: s.modules.workspaces },
    sensitiveNames: s.sensitiveNames,
  };
}

const parsedOnly = (r: WireResult): ParsedFile => fromWire(r) as ParsedFile;

export function sourcesFromWire(w: WireSources): ChunkSources {
  return {
    files: w.files,
    varFiles: w.varFiles.map(parsedOnly),
    parseOpts: w.parseOpts,
    modules: { files: w.modules.files.map(parsedOnly), manifests: w.modules.manifests, workspaces: w.modules.workspaces },
    sensitiveNames: w.sensitiveNames,
  };
}

/** dist/chunk-worker.js beside this bundle, else the repository's dist/ (tests run the sources). */
export function chunkWorkerScript(): string | undefined {
  return workerScript('chunk-worker.js');
}

function thresholdOf(env: NodeJS.ProcessEnv): number {
  const v = env.CONTROLGATE_PARALLEL_BYTES;
  return v === 'off' ? Infinity : bytesSetting(v, PARALLEL_SCAN_BYTES);
}

/** Whether a scan here can share its chunks with a worker at all (see the top of this file). */
function mayShare(parseOpts: ParseOptions): boolean {
  return isMainThread && parseOpts.parser !== 'hcl2json' && os.availableParallelism() >= 2;
}

/**
 * Starts the chunk worker as soon as discovery has found PARALLEL_SCAN_BYTES of files (found(), for
 * each file), so that the worker boots and loads the policies while discovery and this thread's part
 * of pass 1 go on (on the corpus it started 0.14 s into the scan, once discovery was over, and its
 * pass 1 0.23-0.33 s later). helper() then gives it the files selected, or stops it when they do not
 * reach the threshold after all (files discovery found and the selection excluded).
 */
export class ChunkWorkerStarter {
  private worker: ChunkWorker | undefined;
  private seen = 0;
  private readonly threshold: number;
  private readonly script: string | undefined;

  constructor(
    private readonly parseOpts: ParseOptions,
    private readonly context: ContextOptions,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.script = mayShare(parseOpts) ? chunkWorkerScript() : undefined;
    this.threshold = this.script ? thresholdOf(env) : Infinity;
  }

  found(f: DiscoveredFile): void {
    this.seen += f.size ?? 0;
    if (!this.worker && this.seen >= this.threshold) this.worker = new ChunkWorker(this.script!, this.context, this.parseOpts);
  }

  /** The worker for a scan of `files`, or undefined (then no worker runs). */
  helper(files: DiscoveredFile[]): ChunkHelper | undefined {
    const bytes = files.reduce((n, f) => n + (f.size ?? 0), 0);
    if (bytes < this.threshold) {
      this.stop();
      return undefined;
    }
    this.worker ??= new ChunkWorker(this.script!, this.context, this.parseOpts);
    return this.worker.begin(files);
  }

  /** The scan failed: no worker outlives it. */
  stop(): void {
    this.worker?.stop();
    this.worker = undefined;
  }
}

/** The main thread's side of one chunk worker. */
export class ChunkWorker implements ChunkHelper {
  private readonly worker: Worker;
  private readonly results: Array<[number, ChunkResult]> = [];
  private stopped = false;
  private onChange: (() => void) | undefined;
  private survey: Survey | undefined;
  surveyFrom = 0;

  /** Started before the scan's files are known: it loads the policies until begin() sends them. */
  constructor(script: string, context: ContextOptions, parseOpts: ParseOptions) {
    const workerData: ChunkWorkerData = { controlgateChunks: { context, parseOpts } };
    this.worker = new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const end = (): void => {
      this.stopped = true;
      this.onChange?.();
    };
    this.worker.on('message', (m: ChunkMessage) => {
      if ('stopped' in m) return end();
      if ('survey' in m) {
        this.survey = m.survey;
        return this.onChange?.();
      }
      try {
        this.results.push([m.index, resultFromWire(m.result)]);
      } catch {
        return; // made again in this thread
      }
      this.onChange?.();
    });
    this.worker.on('error', end);
    this.worker.on('exit', end);
  }

  /** Send the scan's files: the worker surveys its part of them. */
  begin(files: DiscoveredFile[]): this {
    this.surveyFrom = Math.floor(files.length * (1 - WORKER_SURVEY_SHARE));
    try {
      this.worker.postMessage({ files: files.map(plainFile), surveyFrom: this.surveyFrom } satisfies ChunkFiles);
    } catch {
      // Files that cannot be copied: the worker takes no part (this thread surveys and makes everything).
      this.surveyFrom = files.length;
      void this.worker.terminate();
    }
    return this;
  }

  surveyed(): Promise<Survey | undefined> {
    return new Promise((resolve) => {
      const take = (): void => {
        if (this.survey || this.stopped) {
          this.onChange = undefined;
          resolve(this.survey);
        }
      };
      this.onChange = take;
      take();
    });
  }

  start(src: ChunkSources, chunks: Chunk[], claimed: SharedArrayBuffer, order: number[]): void {
    try {
      const plan: ChunkPlan = { src: sourcesToWire(src), chunks, claimed, order };
      this.worker.postMessage(plan);
    } catch {
      // What cannot be copied to the worker is made here: it takes no chunk.
      void this.worker.terminate();
    }
  }

  stop(): void {
    void this.worker.terminate();
  }

  async finished(missing: number[], onResult: (index: number, r: ChunkResult) => void): Promise<void> {
    const left = new Set(missing);
    await new Promise<void>((resolve) => {
      const take = (): void => {
        for (const [i, r] of this.results.splice(0)) {
          if (left.delete(i)) onResult(i, r);
        }
        if (!left.size || this.stopped) {
          this.onChange = undefined;
          resolve();
        }
      };
      this.onChange = take;
      take();
    });
    await this.worker.terminate();
  }
}
